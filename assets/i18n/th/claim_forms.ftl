## claim_forms

## การอ่านข้อมูลที่กรอกในแบบฟอร์มเคลม
claimform-need-policy = เลือกกรมธรรม์ที่จะเคลม (กด Enter ที่ช่องนี้)
claimform-need-date = กรอกวันที่เกิดเหตุ
claimform-date-future = วันที่เกิดเหตุเป็นวันในอนาคต
claimform-need-time = กรอกเวลาที่เกิดเหตุ แบบ ชช:นน
claimform-time-unreadable = พิมพ์เวลาแบบ ชช:นน เช่น 14:30
claimform-time-no-such-time = ไม่มีเวลานี้: ชั่วโมง 00–23 นาที 00–59
claimform-time-future = เวลาที่เกิดเหตุเป็นเวลาในอนาคต
claimform-coordinates = เขียนละติจูด, ลองจิจูด เช่น 13.7563, 100.5018
claimform-coordinates-range = ละติจูด −90 ถึง 90 ลองจิจูด −180 ถึง 180: ละติจูดมาก่อน
claimform-need-description = เล่าว่าเกิดอะไรขึ้น
claimform-phone = ไม่ใช่เบอร์โทรศัพท์ไทย เช่น 081-234-5678
claimform-police-report-long = ไม่เกิน { $max } ตัวอักษร
claimform-amount-zero = เว้นว่างไว้ หรือกรอกมากกว่า 0
claimform-amount-unreadable = กรอกเป็นบาท เช่น 12,500 หรือ 12500.50
claimform-amount-negative = จำนวนเงินติดลบไม่ได้
claimform-amount-satang = ทศนิยมไม่เกินสองตำแหน่ง (สตางค์)
claimform-amount-too-large = ไม่เกิน { $max }
claimform-percentage = กรอกร้อยละตั้งแต่ 0 ถึง 100

## รับแจ้งเคลม
fnol-title = รับแจ้งเคลม
fnol-section-policy = กรมธรรม์
fnol-policy = กรมธรรม์
fnol-section-incident = เหตุที่เกิด
fnol-date = วันที่
fnol-time = เวลา
fnol-type = ประเภทเคลม
fnol-own-damage = รถคันเอาประกันเสียหาย
fnol-section-place = สถานที่
fnol-place = จังหวัด อำเภอ
fnol-place-hint = พิมพ์เพื่อกรอง · Enter เลือก · Esc ย้อนกลับ
fnol-place-whole-province = (ทั้งจังหวัด)
fnol-location = สถานที่เกิดเหตุ
fnol-coordinates = พิกัด
fnol-section-descriptions = รายละเอียด
fnol-incident = เหตุการณ์
fnol-damage = ความเสียหาย
fnol-injury = การบาดเจ็บ
fnol-section-other-party = คู่กรณี
fnol-other-name = ชื่อ
fnol-other-plate = ทะเบียนรถ
fnol-other-insurer = บริษัทประกัน
fnol-other-phone = โทรศัพท์
fnol-section-report = ใบแจ้งความและประมาณการ
fnol-police-report = เลขที่แจ้งความ
fnol-estimate = ประมาณการ (บาท)
fnol-placeholder-date = วว/ดด/ปปปป (พ.ศ. หรือ ค.ศ.)
fnol-placeholder-time = ชช:นน
fnol-placeholder-coordinates = เช่น 13.7563, 100.5018
fnol-placeholder-optional = ไม่บังคับ
fnol-keys = Enter ถัดไป/เลือก · ←/→ หรือ Space เปลี่ยน · Ctrl-S รับแจ้ง · Esc ปิด
fnol-search-title = กรมธรรม์ฉบับไหน
fnol-search-hint = พิมพ์เลขกรมธรรม์ เลขเคลม ทะเบียนรถ เบอร์โทร เลขประจำตัว หรือชื่อ (ตั้งแต่ { $least } ตัวอักษร) · ↑/↓ · Enter เลือก · Esc ปิด
fnol-searching = กำลังค้นหา…
fnol-no-policies = ไม่พบกรมธรรม์จากคำค้นนี้
fnol-panel = ก่อนรับแจ้ง
fnol-panel-pick-policy = เลือกกรมธรรม์ก่อน: ความคุ้มครอง จะตรวจให้ที่นี่ ระหว่างกรอก
fnol-sum-insured = ทุนประกัน { $amount }
fnol-check-incomplete = ความคุ้มครองและเคลมก่อนหน้า จะตรวจเมื่อกรอกครบ:
fnol-checking = กำลังตรวจความคุ้มครอง และเคลมก่อนหน้า…
fnol-covered = กรมธรรม์คุ้มครองเคลมนี้
fnol-coverage = { $problem ->
    [NO_POLICY] ไม่พบกรมธรรม์นี้แล้ว
    [NOT_IN_FORCE] กรมธรรม์ไม่มีผลคุ้มครองในวันที่เกิดเหตุ
    [INCIDENT_IN_FUTURE] เวลาที่เกิดเหตุเป็นเวลาในอนาคต
    [THIRD_PARTY_ONLY_FOR_ACCIDENTS] เมื่อรถคันเอาประกันไม่เสียหาย เคลมได้เฉพาะอุบัติเหตุ (บุคคลภายนอก หรือการบาดเจ็บ)
    [CMI_NO_OWN_DAMAGE] ประกันภาคบังคับ (พ.ร.บ.) จ่ายค่าบาดเจ็บ ไม่จ่ายค่าเสียหายของตัวรถ: ตั้ง "รถคันเอาประกันเสียหาย" เป็น ไม่
    [NO_THEFT_OR_FIRE] { $class ->
        [CLASS_3_PLUS] ชั้น 3+
       *[other] ชั้น 3
    } ไม่คุ้มครองรถหายหรือไฟไหม้
    [NEEDS_COUNTERPARTY] ชั้น 2+ และ 3+ จ่ายค่าซ่อมรถที่ชน เฉพาะเมื่อระบุคู่กรณีได้ — กรอกชื่อ หรือทะเบียนรถคู่กรณี
    [NO_OWN_COLLISION_DAMAGE] { $class ->
        [CLASS_2] ชั้น 2
       *[other] ชั้น 3
    } ไม่จ่ายค่าซ่อมรถคันเอาประกัน จากการชน
    [CLASS_1_ONLY] เฉพาะชั้น 1 ที่คุ้มครอง น้ำท่วม การถูกทำลาย และภัยธรรมชาติ
   *[other] กรมธรรม์ไม่คุ้มครองเคลมนี้
}
fnol-duplicate = อาจซ้ำกับ: { $number }, { $kind }, { $date }, { $status }
fnol-duplicates-more = … และที่อาจซ้ำอีก { $count } รายการ
fnol-checking-first = กำลังตรวจความคุ้มครองก่อน: กด Ctrl-S อีกครั้ง เมื่อผลตรวจขึ้น
fnol-wait-for-check = ยังตรวจความคุ้มครองอยู่: รอสักครู่ แล้วกด Ctrl-S อีกครั้ง
fnol-not-covered = ยังไม่อยู่ในความคุ้มครอง: ดูผลตรวจข้างแบบฟอร์ม
fnol-duplicate-confirm = มีเคลมที่อาจซ้ำกัน: กด Ctrl-S อีกครั้ง เพื่อรับแจ้งต่อ
fnol-registering = กำลังรับแจ้งเคลม…
fnol-registered = รับแจ้งแล้ว เลขที่ { $number }
fnol-registered-keys = รับแจ้ง { $number } แล้ว · Esc ปิดแบบฟอร์ม
fnol-fraud-flags = เข้าเกณฑ์ทุจริตข้อ:
fnol-no-fraud-flags = ไม่เข้าเกณฑ์ทุจริตข้อใด
fnol-investigation = ส่งเข้าคิวตรวจสอบแล้ว
fnol-no-investigation = ไม่ต้องตรวจสอบ: รอในคิว ยังไม่มอบหมาย

## การประเมินความเสียหาย
assess-title = ประเมินความเสียหาย · { $number }
assess-type = การประเมิน
assess-type-value = { $value ->
    [INITIAL] เบื้องต้น
    [DETAILED] ละเอียด
    [RE_ASSESSMENT] ประเมินใหม่
    [FINAL] ครั้งสุดท้าย
   *[other] { $value }
}
assess-section-items = รายการความเสียหาย
assess-rows-keys = Ctrl-N เพิ่ม · Ctrl-D ลบ
assess-col-part = ชิ้นส่วน
assess-col-action = ซ่อม/เปลี่ยน
assess-col-parts = ค่าอะไหล่
assess-col-labour = ค่าแรง
assess-repair-action = { $value ->
    [REPAIR] ซ่อม
    [REPLACE] เปลี่ยน
   *[other] { $value }
}
assess-section-estimates = ใบเสนอราคาซ่อม
assess-col-shop = อู่
assess-col-quote = ราคา
assess-add-estimate = + เพิ่มใบเสนอราคาของอู่ (Enter)
assess-liability = ความรับผิด %
assess-salvage = มูลค่าซาก (บาท)
assess-recommended = ยอดที่เสนอ (บาท)
assess-action = ข้อเสนอ
assess-action-value = { $value ->
    [APPROVE] อนุมัติ
    [REJECT] ปฏิเสธ
    [INVESTIGATE] ส่งตรวจสอบ
    [REQUEST_MORE_INFO] ขอข้อมูลเพิ่ม
   *[other] { $value }
}
assess-notes = หมายเหตุ
assess-placeholder-liability = 0–100 ส่วนที่ผู้เอาประกันผิด
assess-placeholder-optional = ไม่บังคับ
assess-placeholder-total = ยอดความเสียหายรวม
assess-keys = Tab ถัดไป · ←/→ เปลี่ยน · Ctrl-N/Ctrl-D เพิ่ม/ลบแถว · Ctrl-S บันทึก · Esc ปิด
assess-saved = บันทึกการประเมินแล้ว · Esc ปิดแบบฟอร์ม
assess-need-item = ระบุชิ้นส่วนที่เสียหาย อย่างน้อยหนึ่งรายการ
assess-empty-row = กรอกแถวนี้ หรือลบทิ้ง (Ctrl-D)
assess-need-part = ระบุชิ้นส่วนที่เสียหาย
assess-need-cost = กรอกค่าอะไหล่หรือค่าแรง
assess-need-shop = ระบุชื่ออู่
assess-need-quote = กรอกราคาของอู่ มากกว่า 0
assess-need-liability = กรอกสัดส่วน ที่ผู้เอาประกันเป็นฝ่ายผิด 0 ถึง 100 %
assess-need-notes = ระบุเหตุผลในหมายเหตุ
assess-one-item = การประเมินต้องมีรายการความเสียหาย อย่างน้อยหนึ่งรายการ
assess-delete-where = Ctrl-D ลบแถวของตารางที่เคอร์เซอร์อยู่
assess-over-sum-insured = เกินทุนประกัน ({ $amount })
assess-panel = ตัวเลข
assess-damage-total = ความเสียหายรวม
assess-sum-insured = ทุนประกัน
assess-total-loss-line = 70 % ของทุน
assess-total-loss-yes = เสียหายสิ้นเชิง: ความเสียหาย { $percent } % ของทุนประกัน (≥ 70 %) บริษัทจ่ายเต็มทุนประกัน และรับซากรถ
assess-total-loss-no = ไม่ใช่ความเสียหายสิ้นเชิง: ความเสียหาย { $percent } % ของทุนประกัน (สิ้นเชิงเมื่อ ≥ 70 %)
assess-no-sum-insured = กรมธรรม์นี้ไม่มีทุนประกันตัวรถ: ไม่มีกรณี เสียหายสิ้นเชิง
assess-lowest-estimate = { $count ->
    [1] ราคาของอู่
   *[other] ต่ำสุดจาก { $count } อู่
}
assess-on-approval = เมื่ออนุมัติ
assess-recommended-figure = ยอดที่เสนอ
assess-deductible = ค่าเสียหายส่วนแรก
assess-excess = ส่วนแรกภาคบังคับ
assess-net = ยอดจ่ายสุทธิ
assess-excess-why = ส่วนแรก 1,000 บาท: ความเสียหาย ที่ไม่ได้เกิดจากการชน กับคู่กรณีที่ระบุได้
