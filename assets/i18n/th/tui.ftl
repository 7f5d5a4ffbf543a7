# หน้าจอของโปรแกรม

## แถบชื่อ คำแนะนำปุ่ม และแถบสถานะ
title-help = ความช่วยเหลือ
title-palette = คำสั่ง
title-other-language = English
hint-open-numbered = เปิดรายการในเมนู
status-not-logged-in = ยังไม่ได้เข้าสู่ระบบ
status-database-embedded = ฐานข้อมูลในเครื่อง
status-database-server = เซิร์ฟเวอร์ { $server }
status-online = เชื่อมต่ออยู่
status-connection-lost = การเชื่อมต่อขาดหาย — กำลังลองใหม่
status-ending-session = กำลังออกจากระบบ…

## หน้าจอ
screen-home = หน้าหลัก
screen-customers = ลูกค้า
screen-account = บัญชีของฉัน
screen-health = สถานะฐานข้อมูล

## เข้าสู่ระบบ
login-title = เข้าสู่ระบบ
login-username = ชื่อผู้ใช้
login-password = รหัสผ่าน
login-connecting = กำลังตรวจสอบกับฐานข้อมูล…
login-need-username = กรุณากรอกชื่อผู้ใช้
login-need-password = กรุณากรอกรหัสผ่าน
login-demo-accounts = บัญชีทดลอง (รหัสผ่าน { $password })
login-welcome = ยินดีต้อนรับ คุณ{ $name }
login-signed-in-as = เข้าสู่ระบบในชื่อ { $name }
login-session-expired = หมดเวลาการใช้งาน กรุณาเข้าสู่ระบบอีกครั้ง
login-logged-out = ออกจากระบบแล้ว
login-error-credentials = ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง
login-error-disabled = บัญชีนี้ถูกระงับการใช้งาน กรุณาติดต่อผู้ดูแลระบบ
login-error-not-in-directory = บัญชีฐานข้อมูลนี้ไม่อยู่ในทะเบียนพนักงาน จึงใช้ prakan ไม่ได้
login-error-not-staff = บัญชีฐานข้อมูลนี้ไม่ใช่บัญชีพนักงานของ prakan
login-error-unreachable = ติดต่อฐานข้อมูลไม่ได้: prakan ลองเชื่อมต่อ { $tried } ({ $detail })
login-error-other = เข้าสู่ระบบไม่สำเร็จ: { $detail }

## หน้าหลัก
home-greeting = สวัสดี คุณ{ $name }
home-menu = เมนู
home-figures = ภาพรวม
figure-my-customers = ลูกค้าของฉัน
figure-active-policies = กรมธรรม์ที่มีผลคุ้มครอง
figure-my-draft-quotes = ใบเสนอราคาร่างของฉัน
figure-expiring-30-days = สิ้นสุดภายใน 30 วัน
figure-renewals-due-this-month = ครบกำหนดต่ออายุเดือนนี้
figure-lapsed-in-grace = ขาดต่ออายุ ยังอยู่ในระยะผ่อนผัน
figure-draft-quotes = ใบเสนอราคาร่าง
figure-issued-this-month = ออกกรมธรรม์เดือนนี้
figure-my-open-claims = เคลมที่ฉันดูแลอยู่
figure-unassigned-claims = เคลมที่ยังไม่มีผู้รับผิดชอบ
figure-investigation-claims = เคลมที่ต้องสอบสวน
figure-approved-awaiting-settlement = อนุมัติแล้ว รอจ่ายค่าสินไหม
figure-my-assigned-claims = เคลมที่ได้รับมอบหมาย
figure-my-assessments-this-month = การประเมินของฉันเดือนนี้
figure-overdue-payments = รายการค้างชำระ
figure-overdue-amount = ยอดค้างชำระ
figure-due-within-7-days = ครบกำหนดภายใน 7 วัน
figure-payouts-waiting = รายการรอจ่าย
figure-payouts-amount = ยอดรอจ่าย
figure-changes-today = การเปลี่ยนแปลงที่บันทึกวันนี้
figure-logins-today = การเข้าสู่ระบบวันนี้
figure-personal-data-actions = การส่งออกและลบข้อมูลส่วนบุคคลเดือนนี้
figure-active-staff = บัญชีพนักงานที่ใช้งาน
figure-disabled-staff = บัญชีพนักงานที่ระงับ
figure-active-sessions = การใช้งานที่ยังเปิดอยู่

## บัญชีของฉัน
account-profile = ข้อมูลส่วนตัว
account-name = ชื่อ
account-username = ชื่อผู้ใช้
account-role = บทบาท
account-authority = วงเงินอนุมัติ
account-last-login = เข้าสู่ระบบล่าสุด
account-password-changed = เปลี่ยนรหัสผ่านล่าสุด
account-never = ยังไม่เคย
account-language = ภาษา
account-language-state = ขณะนี้ใช้ภาษา{ $session } · ภาษาที่ต้องการ: { $preferred }
account-change-password = เปลี่ยนรหัสผ่าน
account-current-password = รหัสผ่านปัจจุบัน
account-new-password = รหัสผ่านใหม่
account-confirm-password = ยืนยันรหัสผ่านใหม่
account-need-current = กรุณากรอกรหัสผ่านปัจจุบัน
account-wrong-current = รหัสผ่านปัจจุบันไม่ถูกต้อง
account-password-too-short = รหัสผ่านต้องมีอย่างน้อย 8 ตัวอักษร
account-password-is-username = รหัสผ่านต้องไม่เหมือนชื่อผู้ใช้
account-password-unchanged = รหัสผ่านใหม่เหมือนรหัสผ่านเดิม
account-passwords-differ = รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน
account-saving = กำลังเปลี่ยนรหัสผ่าน…
account-password-saved = เปลี่ยนรหัสผ่านเรียบร้อยแล้ว

## สถานะฐานข้อมูล
health-column-check = รายการตรวจ
health-column-status = สถานะ
health-column-value = ค่า
health-check = { $check ->
        [database_size] ขนาดฐานข้อมูล
        [connections] การเชื่อมต่อ
        [replication_lag] ความล่าช้าของสำเนา
        [largest_tables] ตารางที่ใหญ่ที่สุด
        [audit_partitions_ahead] พาร์ทิชันบันทึกตรวจสอบล่วงหน้า
        [long_running_queries] คำสั่งที่ทำงานนาน
       *[other] { $check }
    }
health-status = { $status ->
        [OK] ปกติ
        [WARNING] เตือน
        [INFO] ข้อมูล
       *[other] { $status }
    }
health-connections = { $count } จาก { $limit }
health-no-replica = ไม่มีสำเนาเชื่อมต่อ
health-lag = ช้ากว่า { $seconds } วินาที
health-months-ahead = ล่วงหน้า { $months } เดือน
health-long-running = { $count } คำสั่งทำงานเกิน 5 นาที

## ตาราง
table-rows = { $total } แถว
table-rows-shown = { $shown } จาก { $total } แถว

## ปุ่มลัด (หน้าความช่วยเหลือ)
help-title = ปุ่มลัด — { $screen }
action-quit = ออกจากโปรแกรม
action-help = แสดงปุ่มลัด
action-palette = ช่องคำสั่ง
action-back = ย้อนกลับ
action-about = เกี่ยวกับ prakan
action-toggle-language = ไทย / English
action-toggle-calendar = ปี พ.ศ. / ค.ศ.
action-next-field = ช่องถัดไป
action-prev-field = ช่องก่อนหน้า
action-submit = ยืนยัน
action-up = ขึ้น
action-down = ลง
action-page-up = หน้าก่อน
action-page-down = หน้าถัดไป
action-first = แถวแรก
action-last = แถวสุดท้าย
action-open = เปิด
action-refresh = โหลดใหม่
action-filter = กรอง
action-sort = เรียงตามคอลัมน์ถัดไป
action-save-language = บันทึกภาษานี้เป็นภาษาที่ต้องการ
action-save = บันทึก
action-new-customer = ลูกค้าใหม่
action-new = เพิ่มรถหรือความยินยอม (ที่แท็บนั้น)
action-edit = แก้ไขลูกค้าหรือรถ
action-history = ประวัติการแก้ไขของรายการ
action-reveal = แสดงเลขประจำตัวเต็ม (มีบันทึก)
action-verify = บันทึกการตรวจสอบกับกรมการขนส่งทางบก
action-withdraw = ถอนความยินยอม
action-export = ส่งออกข้อมูลลูกค้า (PDPA)
action-anonymize = ลบข้อมูลส่วนบุคคลของลูกค้า (PDPA)
action-search = กลับไปค้นหา
action-next-pane = ส่วนถัดไป: ข้อมูลลูกค้า แล้วแต่ละแท็บ
action-prev-pane = ส่วนก่อนหน้า

## ช่องคำสั่ง
palette-title = ไปที่หรือสั่งงาน
palette-about = เกี่ยวกับ prakan
palette-help = ปุ่มลัดของหน้านี้
palette-language = สลับภาษา (ไทย / English)
palette-calendar = สลับปี พ.ศ. / ค.ศ.
palette-save-language = บันทึกภาษานี้เป็นภาษาที่ต้องการ
palette-logout = ออกจากระบบ
palette-quit = ออกจากโปรแกรม
palette-forbidden = บทบาทของคุณ ({ $role }) เปิดหน้า{ $screen }ไม่ได้
palette-log-in-first = กรุณาเข้าสู่ระบบก่อน
palette-unknown = ไม่มีหน้าหรือคำสั่งชื่อ “{ $typed }”

## เกี่ยวกับ
about-title = เกี่ยวกับ
about-what = prakan (ประกัน) — ระบบงานหลังบ้านของบริษัทประกันภัยรถยนต์
about-version = รุ่น { $version }
about-database = ฐานข้อมูล: { $database }
about-geothai = ข้อมูลตำบล อำเภอ จังหวัด: GeoThai (github.com/GeoThai/data)
about-geothai-licence = CC BY 4.0, © 2026 Pongsakorn Thipayanate; รหัสจากกรมการปกครอง รหัสไปรษณีย์จากไปรษณีย์ไทย

## การยืนยัน
confirm-title = กรุณายืนยัน
confirm-quit = ออกจากโปรแกรมหรือไม่? ข้อมูลที่พิมพ์ไว้จะหายไป
confirm-logout = ออกจากระบบหรือไม่?
confirm-leave = ออกจากหน้านี้หรือไม่? ข้อมูลที่พิมพ์ไว้จะหายไป
confirm-keys = y / Enter: ใช่    n / Esc: ไม่ใช่

## ล็อกหน้าจอเมื่อไม่มีการใช้งาน
lock-title = ล็อกหน้าจอแล้ว
lock-explain = หน้าจอถูกล็อกเพราะไม่มีการกดปุ่ม { $minutes } นาที กรอกรหัสผ่านของ { $username } เพื่อทำงานต่อจากเดิม
lock-keys = Enter: ปลดล็อก    Ctrl-C: ออกจากโปรแกรม    F2: ไทย / English
form-yes = ใช่
form-no = ไม่
form-pick = กด Enter เพื่อเลือก…
picker-province = จังหวัด
picker-amphoe = อำเภอ
picker-khet = เขต
picker-tambon = ตำบล
picker-khwaeng = แขวง
picker-postcode = รหัสไปรษณีย์
picker-hint = พิมพ์ภาษาไทยหรืออังกฤษ · Enter: เลือก · Backspace: ย้อนหนึ่งระดับ · Esc: ยกเลิก
hint-save = บันทึก
hint-new-customer = ลูกค้าใหม่
hint-new = เพิ่ม
hint-edit = แก้ไข
hint-history = ประวัติ
hint-search = ค้นหา
hint-next-pane = ส่วนถัดไป
hint-reveal = แสดงเลข
hint-export = ส่งออก (PDPA)
