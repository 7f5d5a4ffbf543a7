# prakan db maintain, prakan db backup, prakan db restore

maintain-label = { $what ->
        [partitions] พาร์ทิชัน
        [policies] กรมธรรม์
        [overdue] ค้างชำระ
        [sessions] เซสชัน
        [names] ค้นหาชื่อ
        [charts] กราฟ
       *[statistics] สถิติ
    }
maintain-partitions-in-place = มีครบสำหรับเดือนนี้และอีก { $months } เดือนข้างหน้าแล้ว ({ $tables })
maintain-partitions-created = สร้างใหม่ { $count } รายการ: { $names }
maintain-policies-expired = พ้นวันสิ้นสุดความคุ้มครอง เปลี่ยนเป็นหมดอายุ { $count } ฉบับ
maintain-payments-overdue = ทำเครื่องหมายค้างชำระใหม่ { $marked } รายการ รวมค้างชำระทั้งหมด { $total } รายการ
maintain-sessions-closed = ปิดเซสชันที่หมดอายุแล้ว { $count } รายการ
maintain-name-words = เพิ่ม { $added } คำ ลบ { $removed } คำ
maintain-chart-snapshots = คำนวณข้อมูลกราฟใหม่ { $count } กราฟ (หน้ากราฟใช้ข้อมูลชุดนี้ไปจนครบ CHART_SNAPSHOT_MINUTES นาที)
maintain-vacuumed = VACUUM (ANALYZE) { $tables } ตาราง ใช้เวลา { $seconds } วินาที
maintain-analyzed-only = ANALYZE { $tables } ตาราง ใช้เวลา { $seconds } วินาที (ไม่ได้ VACUUM ตามที่สั่ง --no-vacuum)

backup-label = { $what ->
        [file] ไฟล์
        [size] ขนาด
        [entries] เนื้อหา
       *[time] เวลา
    }
backup-entries = { $entries } รายการ (ตรวจด้วย pg_restore --list แล้ว)
backup-seconds = { $seconds } วินาที
backup-done = สำรองฐานข้อมูล { $database } เสร็จแล้ว และอ่านไฟล์ได้ครบถ้วน: { $file }
backup-step-dumping = กำลังสำรองฐานข้อมูล { $database } ลงไฟล์ { $file } ด้วย pg_dump… (ฐานข้อมูลใหญ่อาจใช้เวลาหลายนาที)
backup-step-checking = กำลังตรวจไฟล์ { $file } ด้วย pg_restore --list…
restore-step-dropping = กำลังลบฐานข้อมูล { $database } (--force)…
restore-step-creating = กำลังสร้างฐานข้อมูล { $database }…
restore-step-restoring = กำลังกู้คืน { $file } ลงฐานข้อมูล { $database } ด้วย pg_restore… (ฐานข้อมูลใหญ่อาจใช้เวลาหลายนาที)
restore-done = กู้คืน { $file } ลงฐานข้อมูลว่าง { $database } แล้ว: { $tables } ตาราง ไมเกรชัน { $migration } ใช้เวลา { $seconds } วินาที
restore-done-replaced = แทนที่ฐานข้อมูล { $database } ด้วย { $file } แล้ว: { $tables } ตาราง ไมเกรชัน { $migration } ใช้เวลา { $seconds } วินาที
restore-behind = ข้อมูลสำรองอยู่ที่ไมเกรชัน { $migration } แต่ prakan รุ่นนี้อยู่ที่ { $latest }: สั่ง `prakan migrate` (ตั้ง DATABASE_URL ให้ชี้ไปที่ฐานข้อมูลนั้น) เพื่อปรับให้เป็นปัจจุบัน
restore-other-database = ฐานข้อมูลที่ตั้งค่าไว้ไม่ถูกแตะต้อง หากจะทำงานกับ { $database } ให้ตั้ง DATABASE_URL ชี้ไปที่ฐานข้อมูลนั้น (ดู `prakan db url`)

backup-bad-url = ใช้ URL สำหรับเชื่อมต่อนี้ไม่ได้: { $detail }
backup-no-tools = ไม่พบ pg_dump และ pg_restore ของ PostgreSQL { $major } หรือใหม่กว่า ติดตั้ง PostgreSQL { $major } client (apt-get install postgresql-client-{ $major }) หรือตั้ง PG_BIN ให้ชี้ไปที่โฟลเดอร์ bin ของโปรแกรมนั้น
backup-program-failed = { $program } ทำงานไม่สำเร็จ: { $detail }
backup-not-a-dump = อ่าน { $file } เป็นข้อมูลสำรองของ prakan ไม่ได้ (ต้องเป็นไฟล์ pg_dump แบบ custom format): { $detail }
backup-not-prakan = { $file } เป็นข้อมูลสำรองของ PostgreSQL แต่ไม่ใช่ของฐานข้อมูล prakan (ไม่มีตาราง _sqlx_migrations) จึงไม่ได้กู้คืนสิ่งใด
backup-file-exists = มีไฟล์ { $file } อยู่แล้ว โปรดใช้ชื่อไฟล์อื่น (การสำรองข้อมูลจะไม่เขียนทับไฟล์เดิม)
backup-io = { $context }: { $detail }
restore-bad-name = ใช้ "{ $name }" เป็นฐานข้อมูลปลายทางไม่ได้ ชื่อต้องยาวไม่เกิน 63 ตัวอักษร ไม่มีเครื่องหมายคำพูดหรือทับ และไม่ใช่ postgres, template0 หรือ template1
restore-not-empty = ฐานข้อมูล { $database } ไม่ว่าง: มี { $tables } ตาราง (ไมเกรชัน { $migration }) ยังไม่ได้เปลี่ยนแปลงสิ่งใด หากจะกู้คืนลงฐานข้อมูลใหม่ให้เพิ่ม --database ชื่อ หากจะแทนที่ข้อมูลทั้งหมดใน { $database } ด้วยข้อมูลสำรองให้เพิ่ม --force (ฐานข้อมูลจะถูกลบแล้วสร้างใหม่ และจะไม่ทำหากยังมีผู้เชื่อมต่ออยู่)
restore-in-use = ไม่ได้แทนที่ฐานข้อมูล { $database } เพราะยังมีการเชื่อมต่ออื่นอยู่ { $sessions } รายการ ({ $who }) โปรดให้ผู้ใช้ออกจากระบบหรือปิด prakan ที่ใช้อยู่ก่อน แล้วสั่งกู้คืนอีกครั้ง ยังไม่ได้เปลี่ยนแปลงสิ่งใด

help-db-maintain-about = งานบำรุงรักษา สั่งจาก cron ได้: สร้างพาร์ทิชันรายเดือนล่วงหน้า ปิดกรมธรรม์ที่หมดอายุ ทำเครื่องหมายค้างชำระ ปิดเซสชันที่หมดอายุ ปรับพจนานุกรมค้นหาชื่อ คำนวณข้อมูลกราฟใหม่ VACUUM และปรับสถิติ
help-db-maintain-arg-no_vacuum = ทำเฉพาะ ANALYZE ไม่ต้อง VACUUM (เร็วกว่าบนฐานข้อมูลขนาดใหญ่)
help-db-backup-about = สำรองฐานข้อมูลด้วย pg_dump (custom format) แล้วตรวจไฟล์ด้วย pg_restore --list
help-db-backup-arg-file = ไฟล์ที่จะเขียน (ค่าเริ่มต้น: โฟลเดอร์ backups/ ในโฟลเดอร์ข้อมูล ตั้งชื่อตามวันเวลากรุงเทพฯ)
help-db-restore-about = กู้คืนข้อมูลสำรองลงฐานข้อมูลว่างบนเซิร์ฟเวอร์เดียวกัน
help-db-restore-arg-file = ไฟล์ข้อมูลสำรอง (สร้างด้วย prakan db backup)
help-db-restore-arg-database = กู้คืนลงฐานข้อมูลนี้แทนฐานข้อมูลที่ตั้งค่าไว้ (สร้างให้หากยังไม่มี)
help-db-restore-arg-force = ลบแล้วสร้างใหม่ เมื่อฐานข้อมูลปลายทางไม่ว่าง (จะไม่ทำหากยังมีผู้เชื่อมต่ออยู่)
