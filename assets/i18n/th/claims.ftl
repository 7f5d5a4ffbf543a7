## claims

screen-claims = งานสินไหม

## The queues
claims-tab-unassigned = ยังไม่มีผู้รับ
claims-tab-mine = ของฉัน
claims-tab-awaiting = รออนุมัติ
claims-tab-investigation = ตรวจสอบทุจริต
claims-tab-all-open = ที่เปิดอยู่ทั้งหมด
claims-about-unassigned = รับแจ้งแล้วแต่ยังไม่มีผู้รับงาน เรียงจากเก่าสุด กด n เพื่อรับเรื่องที่เก่าที่สุด
claims-about-mine = เคลมที่เปิดอยู่และมอบหมายให้คุณ เรียงจากเก่าสุด
claims-about-awaiting = เคลมที่ประเมินแล้วแต่ยอดอนุมัติเกินอำนาจของผู้ขอ กด A เพื่ออนุมัติ
claims-about-investigation = เคลมที่เปิดอยู่ซึ่งกฎตรวจทุจริต (หรือเจ้าหน้าที่) ส่งให้ตรวจสอบ
claims-about-all-open = เคลมที่เปิดอยู่ทุกเรื่อง
claims-help-tab-digits = เปิดแท็บนั้น
claims-live-on = อัปเดตสด
claims-live-off = ไม่ได้อัปเดตสด
claims-loading = กำลังโหลดเคลม…
claims-column-number = เลขเคลม
claims-column-plate = ทะเบียน
claims-column-customer = ลูกค้า
claims-column-type = ประเภท
claims-column-status = สถานะ
claims-column-age = อายุเรื่อง
claims-column-estimate = ประมาณการ
claims-column-approved = อนุมัติ
claims-age-days = { $days } วัน
claims-amount-asked = ขอ { $amount }

## The All open filter
claims-filter-title = กรองเคลมที่เปิดอยู่
claims-filter-status = สถานะ
claims-filter-type = ประเภทเคลม
claims-filter-province = จังหวัด
claims-filter-province-placeholder = ชื่อหรือรหัส เว้นว่างคือทุกจังหวัด
claims-filter-min-amount = ยอดตั้งแต่ (บาท)
claims-filter-min-age = อายุเรื่องตั้งแต่ (วัน)
claims-filter-any = ทั้งหมด
claims-filter-keys = Enter ใช้ตัวกรอง · Tab ช่องถัดไป · ←/→ เลือก · Esc ยกเลิก
claims-filter-no-province = ไม่มีจังหวัดชื่อ “{ $typed }” (หรือมีหลายจังหวัดขึ้นต้นเช่นนี้)
claims-filter-bad-amount = ใส่จำนวนเงินเป็นบาท เช่น 50,000
claims-filter-bad-age = ใส่จำนวนวันเป็นจำนวนเต็ม
claims-filter-none = ไม่มีตัวกรอง: แสดงเคลมที่เปิดอยู่ทั้งหมด กด / เพื่อกรอง
claims-filter-shown = ตัวกรอง: { $filter } (กด / เพื่อเปลี่ยน)
claims-filter-shown-amount = ตั้งแต่ { $amount }
claims-filter-shown-age = อายุตั้งแต่ { $days } วัน

## Take next, live updates
claims-taken = คุณรับเคลม { $number } แล้ว
claims-queue-empty = คิวว่าง: ไม่มีเคลมที่รอผู้รับ
claims-live-stopped = การอัปเดตสดหยุดลง: { $detail } จะลองใหม่อีกครู่
claims-live-dropped = การอัปเดตสดหยุดลง: การเชื่อมต่อหลุด จะลองใหม่อีกครู่
claims-live-resumed = การอัปเดตสดกลับมาแล้ว

## One claim
claims-loading-one = กำลังโหลดเคลม…
claims-not-found = ไม่พบเคลมนี้ (หรือคุณไม่มีสิทธิ์ดู)
claims-not-loaded = เคลมยังโหลดไม่เสร็จ
claims-not-now = ทำไม่ได้ขณะที่เคลมมีสถานะ { $status }
claims-activity = การประเมิน ประวัติ และการจ่าย
claims-type-own-damage = { $kind } เคลมความเสียหายรถตนเอง
claims-field-type = ประเภท
claims-field-policy = กรมธรรม์
claims-field-period = ระยะเวลาคุ้มครอง
claims-field-customer = ลูกค้า
claims-field-plate = ทะเบียน
claims-field-vehicle = รถ
claims-field-incident = วันเกิดเหตุ
claims-field-reported = วันรับแจ้ง
claims-field-location = สถานที่
claims-field-what = เหตุการณ์
claims-field-damage = ความเสียหาย
claims-field-injury = การบาดเจ็บ
claims-field-other-party = คู่กรณี
claims-field-police = บันทึกประจำวัน
claims-field-adjuster = ผู้รับผิดชอบ
claims-field-surveyor = ผู้สำรวจภัย
claims-amounts = จำนวนเงิน
claims-field-estimated = ประมาณการ
claims-field-assessed = ประเมินได้
claims-field-requested = ขออนุมัติ
claims-requested-by = { $amount } โดย { $who }
claims-field-approved = อนุมัติ
claims-approved-by = { $amount } โดย { $who }
claims-field-deductible = ค่าเสียหายส่วนแรก
claims-field-excess = ส่วนเกินตามกฎหมาย
claims-field-net = ยอดจ่ายสุทธิ
claims-field-settled = จ่ายแล้ว
claims-fraud = ตรวจสอบทุจริต
claims-fraud-score = คะแนน { $score } จาก 100
claims-fraud-investigate = ต้องตรวจสอบ
claims-fraud-none = ไม่มีกฎใดแจ้งเตือน
claims-fraud-flag = { $code ->
    [INCIDENT_WITHIN_30_DAYS_OF_INCEPTION] เกิดเหตุภายใน 30 วันหลังกรมธรรม์เริ่มคุ้มครอง
    [TWO_OR_MORE_CLAIMS_IN_12_MONTHS] มีเคลมตั้งแต่ 2 ครั้งใน 12 เดือนบนกรมธรรม์หรือรถคันนี้
    [REPORTED_MORE_THAN_30_DAYS_LATE] แจ้งเคลมหลังเกิดเหตุเกิน 30 วัน
    [ESTIMATE_AT_LEAST_80_PERCENT_OF_SUM_INSURED] ประมาณการความเสียหายตั้งแต่ 80 % ของทุนประกัน
    [THEFT_WITHOUT_POLICE_REPORT] รถหายโดยไม่มีบันทึกประจำวันของตำรวจ
    [THEFT_SOON_AFTER_INCEPTION] รถหายไม่นานหลังกรมธรรม์เริ่มคุ้มครอง
   *[other] { $code }
}
claims-assessments = การประเมิน (ล่าสุดก่อน)
claims-history = ประวัติสถานะ (ล่าสุดก่อน)
claims-settlements = การจ่ายสินไหม
claims-none = ไม่มี
claims-assessment-head = { $kind } · { $who } ({ $role }) · { $when }
claims-assessment-type = { $value ->
    [INITIAL] ประเมินเบื้องต้น
    [DETAILED] ประเมินละเอียด
    [RE_ASSESSMENT] ประเมินซ้ำ
    [FINAL] ประเมินขั้นสุดท้าย
   *[other] { $value }
}
claims-assessor-type = { $value ->
    [ADJUSTER] เจ้าหน้าที่สินไหม
    [SURVEYOR] ผู้สำรวจภัย
    [GARAGE] อู่
    [EXTERNAL] ภายนอก
   *[other] { $value }
}
claims-item = • { $part }: { $action } ค่าอะไหล่ { $parts } + ค่าแรง { $labour } = { $total }
claims-item-repair = ซ่อม
claims-item-replace = เปลี่ยน
claims-recommended = เสนอ { $amount }
claims-recommended-action = { $value ->
    [APPROVE] อนุมัติ
    [REJECT] ปฏิเสธ
    [INVESTIGATE] ตรวจสอบ
    [REQUEST_MORE_INFO] ขอข้อมูลเพิ่ม
   *[other] { $value }
}
claims-liability = ความรับผิด { $percent } %
claims-total-loss = เสียหายสิ้นเชิง
claims-settlement-type = { $value ->
    [REPAIR] ซ่อม
    [CASH] จ่ายเงินสด
    [TOTAL_LOSS] เสียหายสิ้นเชิง
    [THIRD_PARTY] บุคคลภายนอก
    [MEDICAL] ค่ารักษาพยาบาล
   *[other] { $value }
}
claims-payee-type = { $value ->
    [INSURED] ผู้เอาประกัน
    [REPAIR_SHOP] อู่ซ่อม
    [THIRD_PARTY] บุคคลภายนอก
    [HOSPITAL] โรงพยาบาล
   *[other] { $value }
}
claims-settlement-figures = { $gross } − ค่าเสียหายส่วนแรก { $deductible } − ส่วนเกิน { $excess } = { $net }
claims-at-fault = ผู้เอาประกันเป็นฝ่ายผิด (มีผลต่อส่วนลดประวัติดีเมื่อต่ออายุ)
claims-not-at-fault = ผู้เอาประกันไม่ใช่ฝ่ายผิด
claims-payout-waiting = รายการจ่าย { $reference }: รอฝ่ายการเงิน
claims-payout-status = รายการจ่าย { $reference }: { $status }

## The prompts of a claim
claims-prompt-investigate = เริ่มตรวจสอบ
claims-prompt-reject = ปฏิเสธเคลม
claims-prompt-close = ปิดเคลม
claims-prompt-approve = อนุมัติเคลม
claims-prompt-settle = จ่ายสินไหม
claims-prompt-assign = มอบหมายให้เจ้าหน้าที่
claims-prompt-send-surveyor = ส่งผู้สำรวจภัย
claims-prompt-keys = Enter ยืนยัน · Tab ช่องถัดไป · Esc ยกเลิก
claims-prompt-move = { $from } → { $to } พร้อมเหตุผลที่เก็บไว้ในประวัติ
claims-prompt-reason = เหตุผล
claims-prompt-reason-needed = โปรดระบุเหตุผล ระบบจะเก็บไว้กับการเปลี่ยนแปลง
claims-prompt-amount = จำนวนเงิน (บาท)
claims-prompt-bad-amount = ใส่จำนวนเงินเป็นบาทที่มากกว่าศูนย์ เช่น 45,000.50
claims-prompt-assessed = ประเมินได้: { $amount }
claims-prompt-requested = ขออนุมัติ: { $amount } โดย { $who }
claims-prompt-authority = อำนาจอนุมัติของคุณ: { $amount }
claims-prompt-over-authority = เกินอำนาจของคุณ: เคลมจะรอในคิวรออนุมัติสำหรับผู้มีอำนาจพอ
claims-prompt-deductions = อนุมัติ { $approved } − ค่าเสียหายส่วนแรก { $deductible } − ส่วนเกิน { $excess }
claims-prompt-net = ยอดจ่ายสุทธิ: { $net }
claims-prompt-settle-note = รายการจ่ายจะรอฝ่ายการเงิน เคลมจะเป็น "จ่ายแล้ว" เมื่อการเงินจ่าย
claims-prompt-settlement-type = รูปแบบการจ่าย
claims-prompt-payee-type = จ่ายให้
claims-prompt-payee-name = ชื่อผู้รับเงิน
claims-prompt-payee-needed = โปรดระบุชื่อผู้รับเงิน
claims-prompt-at-fault = ผู้เอาประกันเป็นฝ่ายผิด
claims-prompt-bank-code = รหัสธนาคาร
claims-prompt-bank-code-placeholder = ไม่บังคับ เช่น 004
claims-prompt-bank-account = เลขบัญชี
claims-prompt-bank-needed = ใส่รหัสธนาคารคู่กับเลขบัญชี
claims-prompt-account-needed = ใส่เลขบัญชีคู่กับรหัสธนาคาร
claims-prompt-bad-bank = รหัสธนาคารมี 3 หลัก เช่น 014
claims-prompt-bad-account = เลขบัญชีมี 10 ถึง 15 หลัก
claims-prompt-adjuster = เจ้าหน้าที่สินไหม
claims-prompt-surveyor = ผู้สำรวจภัย
claims-prompt-nobody = เลือกผู้รับงาน (←/→)
claims-prompt-staff-loading = กำลังโหลดรายชื่อเจ้าหน้าที่…
claims-prompt-assign-note = เฉพาะเจ้าหน้าที่อาวุโสเท่านั้นที่มอบหมายเคลมให้ผู้อื่นได้
claims-prompt-surveyor-note = ผู้สำรวจภัยจะเห็นเคลมนี้และบันทึกการประเมินได้
claims-staff-adjuster = { $name } (อนุมัติได้ถึง { $authority })
claims-staff-surveyor = { $name }

## What an action did
claims-moved = เคลมอยู่ในสถานะ { $status } แล้ว
claims-approved = อนุมัติแล้ว
claims-over-authority = เกินอำนาจอนุมัติ { $authority } ของคุณ — ส่งไปคิวรออนุมัติแล้ว
claims-assigned = มอบหมายแล้ว
claims-surveyor-sent = ส่งเคลมให้ผู้สำรวจภัยแล้ว
claims-settled = ตั้งจ่ายแล้ว: ยอดสุทธิ { $net } รายการจ่าย { $reference } รอฝ่ายการเงิน
claims-assessment-saved = บันทึกการประเมินแล้ว
claims-conflict = { $who } แก้ไขเคลมนี้เมื่อ { $when } ระบบโหลดข้อมูลใหม่แล้ว โปรดตรวจสอบแล้วยืนยันอีกครั้ง
claims-registered = รับแจ้งเคลม { $number } แล้ว
## Keys
action-next-tab = แท็บถัดไป
action-prev-tab = แท็บก่อนหน้า
action-take-next = รับเคลมที่รอนานที่สุด
action-register = รับแจ้งเคลมใหม่
action-investigate = เริ่มตรวจสอบ (พร้อมเหตุผล)
action-assess = ประเมินความเสียหาย
action-approve = อนุมัติยอดเงิน (ภายในอำนาจ มิฉะนั้นรอผู้อาวุโส)
action-reject = ปฏิเสธเคลม (พร้อมเหตุผล)
action-settle = ตั้งจ่ายสินไหมให้ฝ่ายการเงิน
action-close-claim = ปิดเคลม (พร้อมเหตุผล)
action-assign = มอบหมายให้เจ้าหน้าที่อื่น (ผู้อาวุโส)
action-send-surveyor = ส่งผู้สำรวจภัย
action-add-row = เพิ่มแถว
action-delete-row = ลบแถว
hint-next-tab = แท็บถัดไป
hint-prev-tab = แท็บก่อนหน้า
hint-take-next = รับเรื่องถัดไป
hint-register = แจ้งเคลมใหม่
hint-investigate = ตรวจสอบ
hint-assess = ประเมิน
hint-approve = อนุมัติ
hint-reject = ปฏิเสธ
hint-settle = ตั้งจ่าย
hint-close-claim = ปิด
hint-assign = มอบหมาย
hint-send-surveyor = ผู้สำรวจ
hint-add-row = เพิ่มแถว
hint-delete-row = ลบแถว
