# กรมธรรม์: ฟอร์มออกกรมธรรม์ เบี้ยที่คำนวณทันที คิวส่งพิจารณาและคิวต่ออายุ

## Screens
screen-policy = กรมธรรม์
screen-issue = ออกกรมธรรม์

## Words for database values
enum-payment-plan = { $value ->
    [FULL] ชำระเต็มจำนวน
    [INSTALLMENT_6] ผ่อน 6 งวดรายเดือน
    [INSTALLMENT_12] ผ่อน 12 งวดรายเดือน
   *[other] { $value }
}
enum-remainder = { $value ->
    [FIRST] เศษสตางค์ไว้งวดแรก
    [LAST] เศษสตางค์ไว้งวดสุดท้าย
   *[other] { $value }
}
enum-referral-rule = { $value ->
    [VEHICLE_AGE] รถอายุเกินสำหรับชั้น 1
    [SUM_INSURED_AUTHORITY] ทุนประกันเกินอำนาจอนุมัติ
    [HIRE_USAGE] ใช้เป็นแท็กซี่หรือรถเช่า
    [CLAIMS_HISTORY] เคลมในปีที่ผ่านมา
   *[other] { $value }
}
enum-referral-status = { $value ->
    [PENDING] รอพิจารณา
    [APPROVED] อนุมัติแล้ว
    [DECLINED] ไม่อนุมัติ
   *[other] { $value }
}

## The issue form
policy-issue-title = ออกกรมธรรม์
policy-quote-title = เสนอราคาให้ลูกค้า
policy-section-vehicle = รถ
policy-section-cover = ความคุ้มครอง
policy-section-riders = เอกสารแนบท้าย
policy-section-period = ระยะเวลาและการชำระเงิน
policy-vehicle = รถ
policy-type = ประเภทกรมธรรม์
policy-sum-insured = ทุนประกัน (บาท)
policy-deductible = ค่าเสียหายส่วนแรก (บาท)
policy-driver-age = อายุผู้ขับขี่ระบุชื่อ (น้อยสุด)
policy-placeholder-driver-age = เว้นว่าง: ไม่ระบุผู้ขับขี่
policy-third-party-property = ทรัพย์สินคู่กรณี (บาท)
policy-third-party-injury = บาดเจ็บคู่กรณีต่อคน (บาท)
policy-personal-accident = อุบัติเหตุส่วนบุคคลต่อคน
policy-medical = ค่ารักษาพยาบาลต่อคน
policy-bail-bond = ประกันตัวผู้ขับขี่
policy-start = วันเริ่มคุ้มครอง
policy-placeholder-date = วว/ดด/ปปปป (พ.ศ. หรือ ค.ศ.)
policy-period = ระยะเวลา
policy-ncb = ส่วนลดประวัติดี
policy-plan = แผนการชำระ
policy-remainder = เศษสตางค์
policy-method = วิธีชำระเงิน
policy-auto-renewal = ต่ออายุอัตโนมัติ
policy-months = { $months } เดือน
policy-percent = { $percent } %
policy-issue-keys = Enter ที่ช่องรถ: ค้นหา · ←/→ เลือก · Ctrl-S ออกกรมธรรม์
policy-quote-keys = Enter ที่ช่องรถ: ค้นหา · ←/→ เลือก · Ctrl-S บันทึกใบเสนอราคา

## Checks beside the fields
policy-need-vehicle = เลือกรถที่จะเอาประกัน (กด Enter ที่ช่องนี้)
policy-need-sum-insured = ประเภทนี้คุ้มครองมูลค่ารถ: กรอกทุนประกัน
policy-need-start = กรอกวันเริ่มคุ้มครอง
policy-amount-between = กรอกจำนวนเต็มบาทตั้งแต่ { $low } ถึง { $high }
policy-driver-age-range = ผู้ขับขี่ที่ระบุชื่อต้องอายุ 18 ถึง 99 ปี
policy-start-past = วันเริ่มคุ้มครองต้องไม่ย้อนหลัง
policy-start-too-late = เริ่มคุ้มครองล่วงหน้าได้ไม่เกิน { $days } วัน
policy-period-choice = เลือก 6, 12, 24 หรือ 36 เดือน
policy-period-cmi = ประกันภัยภาคบังคับ (พ.ร.บ.) คุ้มครอง 12 เดือน
policy-ncb-ladder = ส่วนลดประวัติดีเป็น 0, 20, 30, 40 หรือ 50 %
policy-ncb-cmi = ประกันภัยภาคบังคับ (พ.ร.บ.) ไม่มีส่วนลดประวัติดี

## Finding the vehicle
policy-pick-vehicle-title = รถคันไหน
policy-pick-vehicle-hint = พิมพ์ทะเบียนรถ โทรศัพท์ เลขบัตรประชาชน เลขกรมธรรม์ หรือชื่อ · ↑/↓ · Enter เลือก · Esc ปิด
policy-searching = กำลังค้นหา…
policy-no-vehicles = ไม่พบรถจากคำค้นนี้

## The live quote
policy-quote-panel = เบี้ยประกัน
policy-quote-pick-vehicle = เลือกรถเพื่อดูเบี้ยประกัน
policy-quote-loading = กำลังโหลดตารางอัตราเบี้ย…
policy-quote-incomplete = เบี้ยจะแสดงเมื่อกรอกความคุ้มครองครบและถูกต้อง
policy-quote-not-ready = ยังคำนวณเบี้ยไม่ได้: ตรวจช่องที่เป็นสีแดง
policy-quote-rating = การคำนวณเบี้ย
policy-step = { $value ->
    [TARIFF] พิกัดอัตรา คปภ.
    [BASE] เบี้ยพื้นฐาน
    [OWN_DAMAGE] ตัวรถ
    [SURCHARGE] เบี้ยเพิ่มจากประวัติเคลม
    [NO_CLAIM_DISCOUNT] ส่วนลดประวัติดี
   *[other] { $value }
}
policy-step-factor = { $value ->
    [VEHICLE_AGE] อายุรถ
    [ENGINE_CC] ขนาดเครื่องยนต์
    [SUM_INSURED] ช่วงทุนประกัน
    [DRIVER_AGE] อายุผู้ขับขี่
    [DEDUCTIBLE] ค่าเสียหายส่วนแรก
   *[other] { $value }
}
policy-base-premium = เบี้ยก่อนส่วนลด
policy-ncb-discount = ส่วนลดประวัติดี { $percent } %
policy-net-premium = เบี้ยสุทธิ
policy-stamp-duty = อากรแสตมป์
policy-vat = ภาษีมูลค่าเพิ่ม 7 %
policy-total = เบี้ยรวม
policy-withholding = ภาษีหัก ณ ที่จ่าย 1 % (นิติบุคคล)
policy-payable = ลูกค้าชำระ
policy-schedule = { $count ->
    [1] ชำระครั้งเดียว:
   *[other] ผ่อน { $count } งวด:
}

## Issuing
policy-confirm-title = ออกกรมธรรม์นี้
policy-confirm-issue = ออกกรมธรรม์นี้ตอนนี้หรือไม่ ความคุ้มครองเริ่มตามวันที่กำหนดและเกิดยอดที่ต้องชำระ
policy-confirm-quote = บันทึกใบเสนอราคานี้ให้ผู้พิจารณารับประกันออกกรมธรรม์หรือไม่
policy-confirm-keys = Enter ยืนยัน · Esc กลับ
policy-issued = ออกกรมธรรม์ { $number } แล้ว
policy-referred = บันทึกเป็นใบเสนอราคา { $number }: ต้องได้รับอนุมัติก่อนออกกรมธรรม์
policy-quote-saved = บันทึกเป็นใบเสนอราคา { $number } แล้ว
policy-overlap = กรมธรรม์ { $number } คุ้มครองรถคันนี้ประเภทเดียวกันอยู่แล้ว ({ $start } ถึง { $end })
constraint-referral-approved = กรมธรรม์นี้เข้าเกณฑ์ส่งพิจารณา: ต้องได้รับอนุมัติก่อนจึงจะออกกรมธรรม์ได้
policy-quote-start-passed = ใบเสนอราคาเริ่มคุ้มครอง { $start }: วันนั้นผ่านไปแล้ว เสนอราคาใหม่ด้วยวันเริ่มใหม่
policy-quote-price-changed = ใบเสนอราคานี้คำนวณเบี้ยไม่ตรงกับที่บันทึกไว้ (ความคุ้มครองหรือตารางอัตราเบี้ยเปลี่ยน): เสนอราคาใหม่
policy-changed-since = { $who } แก้ไขกรมธรรม์นี้หลังจากที่คุณเปิด: เปิดใหม่อีกครั้ง

## Keys
action-decide = อนุมัติหรือไม่อนุมัติเรื่องที่ส่งพิจารณาของใบเสนอราคา
action-issue-quote = ออกกรมธรรม์จากใบเสนอราคา (เมื่อไม่มีเรื่องรออนุมัติ)
action-renew = ต่ออายุกรมธรรม์ที่เลือก (หรือแถวที่เคอร์เซอร์อยู่)
action-select = เลือกหรือยกเลิกการเลือกแถว
action-cancel-policy = ยกเลิกกรมธรรม์ (คืนเบี้ยให้ฝ่ายการเงินจ่าย)
action-new-policy = เสนอราคาหรือออกกรมธรรม์ให้รถที่เลือก
hint-new-policy = ออกกรมธรรม์
hint-decide = อนุมัติ/ไม่อนุมัติ
hint-issue-quote = ออกกรมธรรม์
hint-renew = ต่ออายุ
hint-select = เลือก
hint-cancel-policy = ยกเลิกกรมธรรม์

## Quotes and referrals
screen-quotes = ใบเสนอราคาและเรื่องส่งพิจารณา
quotes-column-number = ใบเสนอราคา
quotes-column-type = ประเภท
quotes-column-customer = ลูกค้า
quotes-column-plate = ทะเบียน
quotes-column-start = เริ่ม
quotes-column-total = เบี้ยรวม
quotes-column-referrals = ส่งพิจารณา
quotes-column-by = เสนอราคาโดย
quotes-loading = กำลังโหลดใบเสนอราคา…
quotes-summary = ใบเสนอราคารอออกกรมธรรม์ { $quotes } รายการ · เรื่องรอพิจารณา { $referrals } เรื่อง
quotes-waiting-count = รอ { $count } เรื่อง
quotes-declined-count = ไม่อนุมัติ { $count } เรื่อง
quotes-approved-all = อนุมัติแล้ว
quotes-no-referral = –
quotes-none-selected = เลือกใบเสนอราคาก่อน
quotes-nothing-to-decide = ใบเสนอราคานี้ไม่มีเรื่องรอพิจารณา
quotes-still-referred = ใบเสนอราคา { $number } ยังรออนุมัติ (หรือไม่ได้รับอนุมัติ): ยังออกกรมธรรม์ไม่ได้
quotes-decide-title = เรื่องส่งพิจารณา
quotes-authority-needed = ต้องมีอำนาจอนุมัติอย่างน้อย { $amount }
quotes-referred-by = ส่งพิจารณาโดย { $who } เมื่อ { $when }
quotes-approve = อนุมัติ
quotes-decline = ไม่อนุมัติ
quotes-note = หมายเหตุ
quotes-decide-keys = ←/→ อนุมัติหรือไม่อนุมัติ · พิมพ์หมายเหตุ (จำเป็นเมื่อไม่อนุมัติ) · Enter ตัดสิน · Esc ปิด
quotes-not-yours-to-approve = คุณเป็นผู้ส่งเรื่องนี้ หรือเกินอำนาจอนุมัติของคุณ: ฐานข้อมูลจะไม่ยอมให้อนุมัติ
quotes-approved = อนุมัติเรื่องส่งพิจารณาแล้ว
quotes-declined = ไม่อนุมัติเรื่องส่งพิจารณาแล้ว

## prakan bench issue
bench-issue-as = ออกกรมธรรม์ในนามของ { $who } ในฐานข้อมูลที่มีกรมธรรม์ { $policies } ฉบับ; กรมธรรม์ที่ออกจะถูกลบออกเมื่อวัดเสร็จ
bench-issue-column = { $column ->
        [clients] ผู้ใช้พร้อมกัน
        [ops] กรมธรรม์
        [p50] p50 ms
        [p95] p95 ms
        [p99] p99 ms
       *[throughput] กรมธรรม์/วินาที
    }
bench-issue-referred = { $count } ฉบับเข้าเกณฑ์ส่งพิจารณาและถูกบันทึกเป็นใบเสนอราคา (ยังคงเป็นธุรกรรมครบถ้วน)
bench-issue-pgbench = pgbench แบบ TPC-B, { $clients } ผู้ใช้, { $seconds } วินาที: { $tps } ธุรกรรม/วินาที; การออกกรมธรรม์ทำได้ { $share } % ของค่านั้น

## The policy view
policy-view-loading = กำลังโหลดกรมธรรม์…
policy-view-activity = การชำระเงิน เคลม และเอกสาร
policy-view-customer = ลูกค้า
policy-view-period = ระยะเวลา
policy-view-quote-number = เลขที่ใบเสนอราคา
policy-view-issued = ออกกรมธรรม์เมื่อ
policy-view-yes = ใช่
policy-view-no = ไม่
policy-view-cancelled-on = ยกเลิกเมื่อ { $when }: { $reason }
policy-view-paid = ชำระแล้ว
policy-view-outstanding = ค้างชำระ
policy-view-refunds = เงินคืน
policy-view-referrals = เรื่องส่งพิจารณา
policy-view-chain = การต่ออายุ
policy-view-payments = ตารางการชำระและการชำระเงิน
policy-view-claims = เคลม
policy-view-documents = เอกสาร
policy-view-none = ไม่มี
policy-view-not-yours = บทบาทของคุณไม่เห็นข้อมูลนี้
policy-view-document = { $kind } (ฉบับที่ { $version }) · { $path } · { $at }
policy-view-not-loaded = กรมธรรม์ยังโหลดไม่เสร็จ
policy-view-no-history-right = บทบาทของคุณไม่สามารถดูประวัติการแก้ไข
policy-view-no-cancel-right = บทบาทของคุณไม่สามารถยกเลิกกรมธรรม์
policy-view-cancel-title = ยกเลิกกรมธรรม์
policy-view-code = เหตุผล
policy-view-party = ผู้ขอยกเลิก
policy-view-cancel-date = มีผลวันที่
policy-view-reason = รายละเอียด
policy-view-entitlement = เบี้ยที่คืน
policy-view-refund-due = ยอดเงินคืนที่ต้องจ่าย
policy-view-unpaid-to-cancel = งวดที่ยังไม่ชำระ { $count } งวด ({ $amount }) ถูกยกเลิก
policy-view-working-out = กำลังคำนวณเงินคืน…
policy-view-reason-needed = กรอกรายละเอียดเหตุผลการยกเลิก
policy-view-cancel-keys = Tab ถัดไป · ←/→ เลือก · Enter ยกเลิกกรมธรรม์ · Esc ปิด
policy-view-confirm-cancel = ยกเลิกกรมธรรม์นี้ตอนนี้หรือไม่ เงินคืน { $refund } จะส่งให้ฝ่ายการเงินจ่าย ไม่สามารถย้อนกลับได้
policy-view-confirm-cancel-no-refund = ยกเลิกกรมธรรม์นี้ตอนนี้หรือไม่ ไม่มีเงินคืน ไม่สามารถย้อนกลับได้
policy-view-cancelled = ยกเลิกกรมธรรม์แล้ว
policy-view-cancelled-refund = ยกเลิกกรมธรรม์แล้ว: เงินคืน { $refund } รอฝ่ายการเงินจ่าย

## The renewal queue
screen-renewals = ต่ออายุกรมธรรม์
renewals-title = ต่ออายุ
renewals-column-policy = กรมธรรม์
renewals-column-customer = ลูกค้า
renewals-column-plate = ทะเบียน
renewals-column-ends = สิ้นสุด (วัน)
renewals-column-last = เบี้ยปีก่อน
renewals-column-claims = เคลม
renewals-column-ncb = ส่วนลดประวัติดี
renewals-column-new = เบี้ยใหม่
renewals-column-change = ส่วนต่าง
renewals-loading = กำลังโหลดกรมธรรม์ที่ถึงกำหนดต่ออายุ…
renewals-not-loaded = คิวยังโหลดไม่เสร็จ
renewals-summary = แสดง { $shown } จาก { $total } กรมธรรม์ที่ถึงกำหนดต่ออายุ · เลือก { $selected } รายการ · ↻ ต่ออายุอัตโนมัติ
renewals-confirm-many = ต่ออายุกรมธรรม์ที่เลือก { $count } ฉบับตามเงื่อนไขเดิมหรือไม่ แต่ละฉบับคำนวณเบี้ยและออกกรมธรรม์แยกกัน
renewals-renewed = ต่ออายุเป็น { $number }: { $total }
renewals-renewed-many = ต่ออายุแล้ว { $renewed } ฉบับ, ส่งพิจารณา { $referred } ฉบับ, ไม่สำเร็จ { $refused } ฉบับ
renewals-review-period = ระยะเวลาใหม่เริ่ม { $start }
renewals-review-last = ปีก่อน: { $total } ส่วนลดประวัติดี { $ncb } %
renewals-review-claims = เคลมในรอบปี: { $claims } ครั้ง (นับลดส่วนลด { $counted } ครั้ง)
renewals-review-ncb = ส่วนลดประวัติดีปีหน้า: { $next } %, เบี้ยเพิ่ม { $surcharge } % ({ $reason })
renewals-review-new = เบี้ยใหม่: { $total } (ส่วนต่าง { $change })
renewals-review-note = แก้เงื่อนไขด้านล่างได้หากลูกค้าขอ เบี้ยจะคำนวณใหม่ตามนั้นเมื่อต่ออายุ
renewals-review-keys = Tab ถัดไป · ←/→ Space เลือก · Enter ต่ออายุ · Esc ปิด
