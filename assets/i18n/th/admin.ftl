# งานผู้ดูแลระบบ: หน้าจอพนักงานและการตั้งค่า และกฎที่อยู่เบื้องหลัง
admin-conflict = มีผู้อื่นแก้ไขรายการนี้หลังจากที่แสดงบนหน้าจอ จึงยังไม่ได้บันทึก ระบบโหลดรายการใหม่แล้ว กรุณาตรวจสอบแล้วลองอีกครั้ง
admin-limit-negative = วงเงินอนุมัติติดลบไม่ได้
admin-limit-not-number = กรุณาพิมพ์จำนวนเงินเป็นบาท เช่น 50000 หรือ 50,000.00
admin-setting-out-of-range = ค่าต้องอยู่ระหว่าง { $min } ถึง { $max }
admin-setting-form = ค่าไม่อยู่ในรูปแบบที่กำหนด ({ $pattern })
admin-setting-integer = กรุณาพิมพ์จำนวนเต็ม เช่น 30
admin-setting-decimal = กรุณาพิมพ์ตัวเลข เช่น 12.50
admin-setting-boolean = กรุณาพิมพ์ true หรือ false (พิมพ์ yes/no ก็ได้)
admin-setting-json = รูปแบบ JSON ไม่ถูกต้อง
admin-rating-date-future = ตารางอัตราเบี้ยใหม่ต้องมีผลหลังจากวันนี้
admin-rating-date-invalid = กรุณาพิมพ์วันที่เป็น วัน/เดือน/ปี เช่น 1/1/2570
admin-rating-description-empty = กรุณาระบุคำอธิบายตารางอัตราเบี้ย เช่น "อัตราปี 2570"
admin-rating-premium-positive = เบี้ยพื้นฐานต้องมากกว่าศูนย์
admin-rating-rate-negative = อัตราเบี้ยความเสียหายต่อตัวรถติดลบไม่ได้
admin-rating-multiplier-positive = ตัวคูณต้องมากกว่าศูนย์
admin-rating-number = กรุณาพิมพ์ตัวเลข เช่น 1.05
constraint-end-own-session = ยุติเซสชันของตนเองที่นี่ไม่ได้ กรุณาออกจากระบบแทน
constraint-rating-in-force = ตารางอัตราเบี้ยนี้มีผลบังคับใช้แล้ว แก้ไขไม่ได้ กรุณาสร้างตารางใหม่ที่มีผลในอนาคต
constraint-rating-date-taken = มีตารางอัตราเบี้ยที่มีผลในวันที่นี้อยู่แล้ว
login-session-ended-by-admin = ผู้ดูแลระบบได้ยุติเซสชันของคุณ กรุณาเข้าสู่ระบบอีกครั้ง

# หน้าจอพนักงาน
screen-staff = พนักงาน
screen-settings = การตั้งค่า
staff-title = บัญชีพนักงาน
staff-col-name = ชื่อ
staff-col-username = ชื่อผู้ใช้
staff-col-group = กลุ่ม
staff-col-limit = วงเงิน
staff-col-status = สถานะ
staff-col-last-login = เข้าล่าสุด
staff-status-active = ใช้งาน
staff-status-disabled = ระงับ
staff-never = ยังไม่เคย
staff-empty = ไม่พบบัญชีพนักงานที่ตรงกัน
staff-filter = กรอง: { $text }
staff-add-title = เพิ่มบัญชีพนักงาน
staff-field-username = ชื่อผู้ใช้
staff-field-first-name = ชื่อ
staff-field-last-name = นามสกุล
staff-field-group = กลุ่ม
staff-field-limit = วงเงินอนุมัติ (บาท)
staff-field-email = อีเมล
staff-field-password = รหัสผ่าน
staff-field-repeat = ยืนยันรหัสผ่าน
staff-group-hint = ←/→ เพื่อเลือก
staff-required = กรุณากรอกช่องนี้
staff-passwords-differ = รหัสผ่านทั้งสองช่องไม่ตรงกัน
staff-email-invalid = อีเมลไม่ถูกต้อง
staff-group-title = กลุ่มของ { $name }
staff-limit-title = วงเงินอนุมัติของ { $name }
staff-password-title = รหัสผ่านใหม่ของ { $name }
staff-confirm-disable = ระงับบัญชี { $name } ({ $username }) หรือไม่ บัญชีนี้จะเข้าสู่ระบบไม่ได้อีก [y/n]
staff-confirm-enable = เปิดใช้บัญชี { $name } ({ $username }) อีกครั้งหรือไม่ [y/n]
staff-confirm-end = ยุติเซสชันที่ใช้งานอยู่ทั้งหมดของ { $name } ({ $username }) หรือไม่ โปรแกรมของผู้ใช้จะกลับไปหน้าเข้าสู่ระบบ [y/n]
staff-created = { $username } เข้าสู่ระบบได้แล้ว
staff-group-changed = { $username } อยู่ในกลุ่ม { $group } แล้ว
staff-limit-changed = วงเงินอนุมัติของ { $username } เป็น { $limit } บาทแล้ว
staff-disabled = ระงับบัญชี { $username } แล้ว เข้าสู่ระบบไม่ได้อีก
staff-enabled = { $username } เข้าสู่ระบบได้อีกครั้งแล้ว
staff-password-reset = ตั้งรหัสผ่านใหม่ให้ { $username } แล้ว
staff-sessions-ended = ยุติการเชื่อมต่อของ { $username } แล้ว { $count } รายการ
staff-form-keys = Tab ช่องถัดไป · Enter บันทึก · Esc ยกเลิก

# หน้าจอการตั้งค่า
settings-title = การตั้งค่า
settings-tab-settings = การตั้งค่า
settings-tab-rating = ตารางอัตราเบี้ย
settings-col-key = การตั้งค่า
settings-col-type = ชนิด
settings-col-value = ค่า
settings-col-bounds = ขอบเขต
settings-readonly = อ่านอย่างเดียว
settings-masked = •••••
settings-keys-readonly = สิทธิ์ของคุณดูได้อย่างเดียว · Tab ตารางอัตราเบี้ย
settings-edit-title = { $key } ({ $kind })
settings-edit-keys = Enter บันทึก · Esc ยกเลิก
settings-saved = { $key } เป็น { $value } แล้ว
settings-description = { $text }
rating-col-effective = มีผลตั้งแต่
rating-col-description = คำอธิบาย
rating-col-rows = อัตรา / ช่วง
rating-col-state = สถานะ
rating-state-in-force = ใช้อยู่
rating-state-past = เลิกใช้แล้ว
rating-state-future = มีผลในอนาคต
rating-detail-keys = ←/→ เบี้ยพื้นฐาน/ตัวคูณ · Enter/e แก้ไข · Esc กลับ
rating-detail-locked = มีผลบังคับใช้แล้ว ดูได้อย่างเดียว กด n เพื่อสร้างฉบับใหม่หากต้องการเปลี่ยนอัตรา
rating-pane-base = เบี้ยพื้นฐาน
rating-pane-factors = ตัวคูณ
rating-col-class = ประเภท
rating-col-vehicle = ลักษณะรถ
rating-col-usage = การใช้รถ
rating-col-base = เบี้ยพื้นฐาน
rating-col-od-rate = อัตรา OD
rating-col-kind = ปัจจัย
rating-col-band = ช่วง
rating-col-multiplier = ตัวคูณ
rating-new-title = สร้างตารางอัตราเบี้ยใหม่จากฉบับที่ใช้อยู่
rating-field-effective = มีผลตั้งแต่ (ว/ด/ปปปป)
rating-field-description = คำอธิบาย
rating-edit-base-title = { $class } · { $vehicle } · { $usage }
rating-edit-factor-title = { $kind } { $band }
rating-field-base = เบี้ยพื้นฐาน (บาท)
rating-field-od-rate = อัตราเบี้ยความเสียหายต่อตัวรถ (0.012 = 1.2%)
rating-field-multiplier = ตัวคูณ
rating-confirm-delete = ลบตารางอัตราเบี้ยที่มีผลวันที่ { $date } พร้อมอัตราทั้งหมดหรือไม่ [y/n]
rating-created = สร้างตารางอัตราเบี้ยที่มีผลวันที่ { $date } แล้ว โดยคัดลอกจากฉบับที่ใช้อยู่
rating-deleted = ลบตารางอัตราเบี้ยที่มีผลวันที่ { $date } แล้ว
rating-saved = บันทึกแล้ว

# ปุ่มของหน้าจอผู้ดูแลระบบ (วิธีใช้และคำแนะนำ)
action-change-group = ย้ายพนักงานไปกลุ่มอื่น
action-set-limit = กำหนดวงเงินอนุมัติ
action-toggle-active = ระงับหรือเปิดใช้บัญชี
action-reset-password = ตั้งรหัสผ่านใหม่
action-end-sessions = ยุติเซสชันที่ใช้งานอยู่
hint-change-group = กลุ่ม
hint-set-limit = วงเงิน
hint-toggle-active = ระงับ/เปิดใช้
hint-reset-password = รหัสผ่าน
hint-end-sessions = ยุติเซสชัน
settings-reveal-hint = กด r เพื่อแสดงหรือซ่อนค่า
rating-keys = n สร้างฉบับใหม่จากฉบับที่ใช้อยู่ · D ลบฉบับที่ยังไม่มีผล

# ความหมายของการตั้งค่าแต่ละรายการ การตั้งค่าที่เพิ่มภายหลังแสดงคำอธิบายที่บันทึกไว้
settings-category = { $category ->
    [CLAIMS] สินไหม
    [COMPANY] บริษัท
    [PAYMENT] การชำระเงิน
    [POLICY] กรมธรรม์
    [SECURITY] ความปลอดภัย
    [SYSTEM] ระบบ
    [UNDERWRITING] การพิจารณารับประกัน
   *[other] { $category }
}
settings-about = { $key ->
    [CHART_SNAPSHOT_MINUTES] หน้ากราฟแสดงข้อมูลที่คำนวณไว้ไม่เกินจำนวนนาทีนี้ (prakan db maintain คำนวณใหม่ให้)
    [CLAIM_INVESTIGATION_SCORE] คะแนนความเสี่ยงทุจริตตั้งแต่ค่านี้ขึ้นไป เคลมจะถูกส่งเข้าคิวสอบสวน
    [CLAIM_SENIOR_AUTHORITY] เจ้าหน้าที่สินไหมที่มีวงเงินอนุมัติตั้งแต่ค่านี้ขึ้นไปมอบหมายเคลมให้ผู้อื่นได้
    [CLAIM_SLA_ASSESSMENT_DAYS] เคลมต้องได้รับการประเมินภายในจำนวนวันนี้นับจากวันรับแจ้ง
    [CLAIM_SLA_CONTACT_DAYS] เคลมที่รับแจ้งต้องมีเจ้าหน้าที่สินไหมรับเรื่องภายในจำนวนวันนี้
    [MAX_CLAIM_AMOUNT] ยอดสูงสุดของเคลมหนึ่งรายการ (บาท)
    [COMPANY_ADDRESS_TH] ที่อยู่บริษัทที่พิมพ์บนใบเสร็จรับเงินและใบกำกับภาษี
    [COMPANY_BRANCH] สาขาที่ออกใบกำกับภาษี 00000 คือสำนักงานใหญ่
    [COMPANY_NAME_TH] ชื่อจดทะเบียนของบริษัทที่พิมพ์บนใบเสร็จรับเงินและใบกำกับภาษี
    [COMPANY_TAX_ID] เลขประจำตัวผู้เสียภาษี 13 หลักของบริษัท
    [PAYMENT_TIMEOUT_MINUTES] เวลาที่รอช่องทางรับชำระเงินได้นานที่สุด (นาที)
    [RECONCILE_NAME_SIMILARITY] ความใกล้เคียงขั้นต่ำระหว่างคำอธิบายรายการเดินบัญชีกับชื่อลูกค้า เมื่อจับคู่ด้วยยอดเงินและวันที่ (0–1)
    [DEFAULT_NO_CLAIM_DISCOUNT] ส่วนลดประวัติดีของกรมธรรม์แรก เป็นร้อยละ (0, 20, 30, 40 หรือ 50)
    [POLICY_GRACE_PERIOD_DAYS] จำนวนวันหลังวันสิ้นสุดที่ยังต่ออายุกรมธรรม์ได้
    [RENEWAL_QUEUE_DAYS] คิวต่ออายุแสดงกรมธรรม์ที่จะสิ้นสุดภายในจำนวนวันนี้
    [MAX_LOGIN_ATTEMPTS] จำนวนครั้งที่เข้าสู่ระบบผิดติดกันก่อนบัญชีถูกล็อก
    [SESSION_TIMEOUT_HOURS] ระยะเวลาของการเข้าใช้งานแต่ละครั้ง (ชั่วโมง)
    [SMS_OTP_EXPIRY_MINUTES] อายุของรหัส OTP ทาง SMS (นาที)
    [DEMO_DATA_VERSION] รุ่นของข้อมูลตัวอย่างที่โหลดในฐานข้อมูลนี้
    [UW_CLAIMS_IN_YEAR_REFERRAL] ลูกค้าที่มีเคลมถึงจำนวนนี้ใน 12 เดือนก่อนวันเริ่มคุ้มครอง กรมธรรม์ต้องส่งให้ผู้พิจารณารับประกันภัย
    [UW_CLASS_1_MAX_VEHICLE_AGE] ประกันชั้น 1 สำหรับรถที่อายุเกินจำนวนปีนี้ต้องส่งให้ผู้พิจารณารับประกันภัย
   *[other] { $stored }
}
