# บรรทัดคำสั่ง
cli-label = { $what ->
        [database] ฐานข้อมูล
        [cluster] คลัสเตอร์
        [socket] ซ็อกเก็ต
        [server] เซิร์ฟเวอร์
        [schema] โครงสร้าง
       *[data] ข้อมูล
    }
cli-cluster-created = สร้างคลัสเตอร์ PostgreSQL ในเครื่องใหม่แล้ว: { $description }
cli-overview-heading = prakan { $version } — { $database }
cli-overview-commands = คำสั่ง (ดูทั้งหมดด้วย prakan --help):
    prakan                       หน้าจอโปรแกรม (เมื่อเปิดในเทอร์มินัล)
    prakan db status|start|stop|psql|url|maintain|backup|restore · prakan db replica start|stop|status
    prakan migrate · prakan seed --demo|--scale N · prakan staff … · prakan bench
cli-status-database-url = DATABASE_URL { $url }
cli-status-embedded = PostgreSQL ในเครื่อง { $version } ({ $dir })
cli-server-not-created = ยังไม่ได้สร้าง (คำสั่ง prakan ใดก็ได้จะสร้างให้)
cli-server-stopped = หยุดทำงาน
cli-server-running = กำลังทำงาน (pid { $pid })
cli-server-kept-running = , ให้ทำงานต่อไป
cli-server-reachable = เชื่อมต่อได้
cli-server-unreachable = เชื่อมต่อไม่ได้: { $detail }
cli-database-not-created = ยังไม่ได้สร้างฐานข้อมูล { $name }
cli-schema-not-migrated = ยังไม่ได้ปรับโครงสร้าง (สั่ง `prakan migrate`)
cli-schema-version = ปรับโครงสร้างถึงลำดับที่ { $version }
cli-schema-behind = ปรับโครงสร้างถึงลำดับที่ { $version } (prakan รุ่นนี้มีถึง { $latest }: สั่ง `prakan migrate`)
cli-data-counts = ลูกค้า { $customers } ราย, รถ { $vehicles } คัน, กรมธรรม์ { $policies } ฉบับ, เคลม { $claims } รายการ, การชำระ { $payments } รายการ, พนักงาน { $staff } คน
cli-url-no-start-stop = กำหนด DATABASE_URL ไว้: prakan ไม่เปิดหรือปิดเซิร์ฟเวอร์นั้น
cli-started-kept = คลัสเตอร์ในเครื่องกำลังทำงานและจะทำงานต่อไป: { $description }
    หยุดได้ด้วย `prakan db stop`
cli-stopped = คลัสเตอร์ในเครื่องหยุดทำงานแล้ว
cli-was-not-running = คลัสเตอร์ในเครื่องไม่ได้ทำงานอยู่
cli-psql-failed = psql จบด้วย { $status }
cli-migrated = { $database } ปรับโครงสร้างถึงลำดับที่ { $version }
cli-geography = ข้อมูลภูมิศาสตร์: { $provinces } จังหวัด, { $amphoes } อำเภอ, { $tambons } ตำบล (GeoThai, CC BY 4.0)
cli-config-bad-key = อ่านการตั้งค่าปุ่ม { $entry } ในไฟล์ตั้งค่าไม่ได้ จึงใช้ปุ่มเริ่มต้น
cli-config-bad-colour = อ่านการตั้งค่าสี { $entry } ในไฟล์ตั้งค่าไม่ได้ จึงใช้สีเริ่มต้น
cli-demo-loaded = โหลดข้อมูลทดลองแล้ว: ลูกค้า { $customers } ราย รวม { $rows } แถว
cli-demo-already = มีข้อมูลทดลองอยู่แล้ว
cli-demo-accounts = บัญชีทดลอง (รหัสผ่านทุกบัญชี: { $password }):
cli-demo-column = { $column ->
        [username] ชื่อผู้ใช้
        [role] บทบาท
        [name] ชื่อ
       *[for] สำหรับ
    }
cli-scale-loading = กำลังโหลดลูกค้า { $customers } ราย พร้อมรถ กรมธรรม์ เคลม และการชำระ…
cli-scale-progress = ลูกค้า { $done }/{ $total } ราย ({ $percent } %) · { $rows } แถว · { $rate } แถว/วินาที · เหลืออีก { $eta }
cli-scale-done = โหลดลูกค้า { $customers } ราย { $rows } แถว ใน { $load } วินาที ({ $rate } แถว/วินาที) แล้วปรับสถิติ { $analyze } วินาที: รวม { $total } วินาที
cli-scale-cancelled = ยกเลิกหลังโหลดลูกค้า { $customers } ราย { $rows } แถว ใน { $load } วินาที ({ $rate } แถว/วินาที) แล้วปรับสถิติ { $analyze } วินาที: รวม { $total } วินาที
cli-scale-stopping = กำลังหยุดหลังจากชุดที่กำลังโหลดอยู่…
cli-scale-triggers-on = (โหลดโดยเปิดทริกเกอร์ไว้ เพราะบัญชีที่เชื่อมต่อไม่ใช่ superuser)
cli-staff-created = สร้างบัญชี { $username } ({ $role }) แล้ว เข้าสู่ระบบได้ทันที
cli-staff-bad-role = "{ $role }" ไม่ใช่กลุ่มบทบาท กรุณาใช้ { $known }
cli-staff-bad-username = "{ $username }" ใช้เป็นชื่อผู้ใช้ไม่ได้: { $why }
cli-username-reserved = ชื่อที่ขึ้นต้นด้วย prakan_ หรือ pg_ และชื่อ postgres สงวนไว้
cli-staff-negative-limit = วงเงินอนุมัติติดลบไม่ได้
cli-staff-need-name = ต้องระบุชื่อ เช่น --name "สมชาย ใจดี"
cli-staff-not-found = ไม่มีบัญชีพนักงานชื่อ { $username }
cli-staff-enabled = { $username } เข้าสู่ระบบได้อีกครั้ง
cli-staff-disabled = { $username } เข้าสู่ระบบไม่ได้แล้ว
cli-staff-role-set = { $username } อยู่ในกลุ่ม{ $role }แล้ว
cli-staff-password-changed = เปลี่ยนรหัสผ่านของ { $username } แล้ว
cli-staff-status = { $login ->
        [yes] { $status }
       *[no] { $status } (เข้าระบบไม่ได้)
    }
cli-staff-column = { $column ->
        [username] ชื่อผู้ใช้
        [role] บทบาท
        [name] ชื่อ
        [authority] วงเงินอนุมัติ
        [status] สถานะ
       *[last-login] เข้าสู่ระบบล่าสุด
    }
cli-password-prompt = รหัสผ่านใหม่ของ { $username }: 
cli-password-again = อีกครั้ง: 
cli-password-differ = รหัสผ่านทั้งสองครั้งไม่ตรงกัน จึงไม่ได้เปลี่ยนอะไร
cli-password-bad = ใช้รหัสผ่านนี้ไม่ได้: { $why }
cli-bench-unknown = ไม่มีสถานการณ์ทดสอบชื่อ "{ $name }" (ดูด้วย prakan bench --list)
cli-bench-running = กำลังทดสอบ { $scenario } …
cli-bench-column = { $column ->
        [scenario] สถานการณ์
        [rows] จำนวนแถว
        [ops] ครั้ง
        [concurrency] พร้อมกัน
        [p50] p50 มิลลิวินาที
        [p95] p95 มิลลิวินาที
        [p99] p99 มิลลิวินาที
        [mean] เฉลี่ย มิลลิวินาที
       *[throughput] ครั้ง/วินาที
    }
bench-customer-by-national-id = ค้นหาลูกค้าด้วยเลขประจำตัวประชาชน
bench-vehicle-by-plate = ค้นหารถและเจ้าของด้วยทะเบียนและจังหวัด
bench-lookup-national-id = ช่องค้นหา: เลขประจำตัวประชาชนพิมพ์แบบมีขีด
bench-lookup-phone = ช่องค้นหา: เบอร์โทรศัพท์พิมพ์แบบ +66
bench-lookup-plate = ช่องค้นหา: ทะเบียนรถตามด้วยชื่อจังหวัดภาษาไทย
bench-lookup-policy = ช่องค้นหา: เลขกรมธรรม์ตัวพิมพ์เล็ก
bench-lookup-claim = ช่องค้นหา: เลขเคลม
bench-lookup-receipt = ช่องค้นหา: เลขใบเสร็จ
bench-lookup-email = ช่องค้นหา: อีเมลตัวพิมพ์ใหญ่
bench-lookup-name-typo = ช่องค้นหา: ชื่อและนามสกุล (ไทยหรืออังกฤษ) ผิดหรือขาดหนึ่งตัวอักษร
bench-lookup-surname-typo = ช่องค้นหา: นามสกุลอย่างเดียว ผิดหรือขาดหนึ่งตัวอักษร
bench-customer-360 = เปิดข้อมูลลูกค้าครบทุกมุม (ประวัติ รถ กรมธรรม์ เคลม การชำระเงิน ความยินยอม เอกสาร)
cli-bench-pgbench = pgbench -S บนคลัสเตอร์เดียวกัน ({ $seconds } วินาที หนึ่งไคลเอนต์ prepared): เวลาตอบสนองเฉลี่ย { $latency } มิลลิวินาที { $tps } ธุรกรรม/วินาที
cli-bench-pgbench-failed = รัน pgbench -S ไม่ได้: { $detail }
bench-startup-failed = ทดสอบการเริ่มโปรแกรมไม่สำเร็จ: { $detail }
bench-startup-row = { $what ->
        [warm] เริ่มแบบอุ่น → หน้าเข้าสู่ระบบ
        [cold] เริ่มแบบเย็น (initdb, migrate, ข้อมูลทดลอง) → หน้าเข้าสู่ระบบ
       *[key] กดปุ่ม → ภาพถัดไป
    }
bench-startup-column = { $column ->
        [measure] รายการวัด
        [runs] จำนวนครั้ง
        [p50] p50 มิลลิวินาที
        [p95] p95 มิลลิวินาที
        [p99] p99 มิลลิวินาที
       *[max] สูงสุด มิลลิวินาที
    }
bench-startup-memory = หน่วยความจำที่ใช้หลังเข้าสู่ระบบ: { $megabytes } MB
bench-startup-idle = CPU ขณะว่างหลังเข้าสู่ระบบ: { $percent } % ตลอด { $seconds } วินาที

## --help
help-usage = วิธีใช้:
help-heading-commands = คำสั่ง
help-heading-options = ตัวเลือก
help-heading-arguments = อาร์กิวเมนต์
help-about = prakan (ประกัน): ระบบงานหลังบ้านของบริษัทประกันภัยรถยนต์ ในเทอร์มินัล เมื่อไม่กำหนด DATABASE_URL จะใช้ PostgreSQL ส่วนตัวในโฟลเดอร์ข้อมูล (PRAKAN_DATA_DIR; /var/lib/prakan เมื่อเป็น root) พร้อมข้อมูลทดลองในครั้งแรก เมื่อกำหนด DATABASE_URL จะใช้เซิร์ฟเวอร์นั้น
help-arg-keep_db_running = ให้ PostgreSQL ในเครื่องทำงานต่อไปเมื่อโปรแกรมนี้ปิด
help-arg-no_demo = ไม่ต้องโหลดข้อมูลทดลองลงในคลัสเตอร์ที่สร้างใหม่
help-arg-log_level = ตัวกรองบันทึกการทำงาน เช่น "debug" หรือ "prakan=trace"
help-arg-lang = ภาษาก่อนเข้าสู่ระบบ: th หรือ en
help-arg-help = แสดงวิธีใช้
help-arg-version = แสดงรุ่นของโปรแกรม
help-db-about = จัดการฐานข้อมูล: คลัสเตอร์ในเครื่องหรือเซิร์ฟเวอร์ตาม DATABASE_URL
help-db-status-about = แสดงตำแหน่งฐานข้อมูลและสถานะการทำงาน
help-db-start-about = เปิดคลัสเตอร์ในเครื่องและให้ทำงานต่อไป
help-db-stop-about = ปิดคลัสเตอร์ในเครื่อง
help-db-stop-arg-force = ปิดแม้ยังมีโปรแกรม prakan อื่นใช้อยู่
help-db-psql-about = เปิด psql ที่ฐานข้อมูล (อาร์กิวเมนต์หลัง -- ส่งต่อให้ psql)
help-db-psql-arg-args = อาร์กิวเมนต์สำหรับ psql
help-db-url-about = แสดง URL สำหรับเชื่อมต่อฐานข้อมูล
help-migrate-about = ปรับโครงสร้างฐานข้อมูลและโหลดข้อมูลอ้างอิง (จำเป็นเมื่อใช้ DATABASE_URL)
help-seed-about = โหลดข้อมูลทดลองหรือข้อมูลปริมาณมาก
help-seed-arg-demo = โหลดข้อมูลธุรกิจทดลองและบัญชีพนักงานบทบาทละหนึ่งบัญชี (สั่งซ้ำได้)
help-seed-arg-scale = เพิ่มลูกค้า N ราย พร้อมรถ กรมธรรม์ เคลม และการชำระ สำหรับวัดความเร็ว
help-seed-arg-SeedArgs = เลือก --demo หรือ --scale อย่างใดอย่างหนึ่ง
help-staff-about = จัดการบัญชีพนักงาน (บัญชีเข้าสู่ระบบ PostgreSQL และทะเบียนพนักงาน)
help-staff-add-about = สร้างบัญชีพนักงาน (ถามรหัสผ่าน หรืออ่านด้วย --password-stdin)
help-staff-add-arg-username = ชื่อผู้ใช้: ตัวอักษรอังกฤษพิมพ์เล็ก ตัวเลข "." หรือ "_"
help-staff-add-arg-role = agent, underwriter, adjuster, surveyor, finance, auditor หรือ admin
help-staff-add-arg-name = ชื่อ-นามสกุล เช่น "สมชาย ใจดี"
help-staff-add-arg-authority_limit = วงเงินสูงสุดที่อนุมัติได้ (บาท)
help-staff-add-arg-email = อีเมลที่ทำงาน
help-staff-add-arg-password_stdin = อ่านรหัสผ่านจากบรรทัดแรกของอินพุตมาตรฐาน
help-staff-list-about = แสดงบัญชีพนักงาน
help-staff-disable-about = ระงับไม่ให้บัญชีเข้าสู่ระบบ
help-staff-disable-arg-username = บัญชีที่ต้องการ
help-staff-enable-about = ให้บัญชีที่ถูกระงับเข้าสู่ระบบได้อีกครั้ง
help-staff-enable-arg-username = บัญชีที่ต้องการ
help-staff-set-role-about = ย้ายบัญชีไปกลุ่มบทบาทอื่น
help-staff-set-role-arg-username = บัญชีที่ต้องการ
help-staff-set-role-arg-role = agent, underwriter, adjuster, surveyor, finance, auditor หรือ admin
help-staff-passwd-about = ตั้งรหัสผ่านของบัญชี
help-staff-passwd-arg-username = บัญชีที่ต้องการ
help-staff-passwd-arg-password_stdin = อ่านรหัสผ่านจากบรรทัดแรกของอินพุตมาตรฐาน
help-bench-about = วัดความเร็วตามสถานการณ์ทดสอบ แสดงเปอร์เซ็นไทล์ของเวลาตอบสนองและปริมาณงาน
help-customer-about = ข้อมูลลูกค้า: การส่งออกตาม PDPA
help-customer-export-about = เขียนข้อมูลทั้งหมดของลูกค้าเป็น JSON (PDPA มาตรา 31) ออกทางหน้าจอหรือลงไฟล์
help-customer-export-arg-customer = ลูกค้า: รหัสลูกค้า หรือเลขประจำตัวประชาชนหรือผู้เสียภาษี
help-customer-export-arg-username = บัญชีพนักงานที่ใช้ทำรายการ (PRAKAN_USER) ฐานข้อมูลตรวจสิทธิ์และบันทึกตรวจสอบบันทึกชื่อไว้
help-customer-export-arg-output = เขียนลงไฟล์นี้ (เจ้าของไฟล์อ่านได้คนเดียว) แทนการแสดงทางหน้าจอ
help-customer-export-arg-password_stdin = อ่านรหัสผ่านจากบรรทัดแรกของอินพุตมาตรฐาน
cli-login-password = รหัสผ่านของ { $username }: 
cli-customer-exported = เขียนไว้ที่ { $path } แล้ว
cli-customer-unknown-form = "{ $customer }" ไม่ใช่ทั้งรหัสลูกค้าและเลขประจำตัวที่ถูกต้อง
cli-customer-not-found = ไม่มีลูกค้าที่คุณเห็นได้ซึ่งมีเลขประจำตัว { $customer }
help-bench-arg-scenarios = สถานการณ์ที่จะวัด (ทั้งหมดถ้าไม่ระบุ; "lookup" วัดการค้นหาลูกค้าพร้อม pgbench -S เทียบ; "startup" วัดหน้าจอโปรแกรม)
help-bench-arg-iterations = จำนวนครั้งที่วัดต่อสถานการณ์
help-bench-arg-concurrency = จำนวนงานที่ทำพร้อมกัน แต่ละงานใช้การเชื่อมต่อของตนเอง
help-bench-arg-json = แสดงผลเป็น JSON แทนตาราง
help-bench-arg-list = แสดงรายชื่อสถานการณ์แล้วออก
help-bench-arg-warm_runs = startup: จำนวนครั้งที่เริ่มแบบอุ่น
help-bench-arg-cold_runs = startup: จำนวนครั้งที่เริ่มแบบเย็น (โฟลเดอร์ข้อมูลใหม่)
help-bench-arg-idle_seconds = startup: จำนวนวินาทีที่วัด CPU ขณะว่าง
help-bench-arg-pgbench_seconds = lookup: จำนวนวินาทีที่รัน pgbench -S เทียบกับสถานการณ์ทดสอบ (0: ไม่รัน); issue: จำนวนวินาทีที่รัน pgbench แบบ TPC-B
help-bench-arg-policies = issue: จำนวนกรมธรรม์ที่ออกโดยผู้ใช้หนึ่งคน และอีกครั้งโดยผู้ใช้ตาม --clients
help-bench-arg-clients = issue: จำนวนผู้ใช้ที่ออกกรมธรรม์พร้อมกันเพื่อวัดปริมาณงาน (และจำนวนผู้ใช้ของ pgbench)

## prakan reconcile
help-reconcile-about = รายการเดินบัญชีธนาคาร: นำเข้าและจับคู่กับการชำระเงิน หรือเขียนไฟล์ตัวอย่างไว้ทดลอง
help-reconcile-import-about = นำเข้ารายการเดินบัญชีของบัญชีหนึ่งและจับคู่แต่ละรายการกับการชำระเงิน (ฝ่ายการเงิน)
help-reconcile-import-arg-file = ไฟล์รายการเดินบัญชี (CSV หรือ CAMT.053 XML)
help-reconcile-import-arg-profile = KBANK, SCB, CAMT053 หรือรหัสของรูปแบบคอลัมน์ที่บันทึกไว้
help-reconcile-import-arg-account = บัญชีของบริษัทที่เป็นเจ้าของรายการเดินบัญชี เช่น KBANK-PREMIUM
help-reconcile-import-arg-username = บัญชีพนักงานที่ใช้ทำรายการ (PRAKAN_USER) ฐานข้อมูลให้เฉพาะฝ่ายการเงินนำเข้า และบันทึกตรวจสอบบันทึกชื่อไว้
help-reconcile-import-arg-password_stdin = อ่านรหัสผ่านจากบรรทัดแรกของอินพุตมาตรฐาน
help-reconcile-sample-about = เขียนรายการเดินบัญชีตัวอย่างจากการชำระเงินที่ยังค้างในฐานข้อมูล ไว้ทดลองใช้ prakan
help-reconcile-sample-arg-file = ไฟล์ที่จะเขียน (ต้องยังไม่มีอยู่)
help-reconcile-sample-arg-profile = KBANK, SCB หรือ CAMT053
help-reconcile-sample-arg-lines = จำนวนรายการที่ต้องการ (น้อยกว่านี้ถ้ายอดค้างมีไม่พอ)
help-reconcile-sample-arg-account = บัญชี: KBANK-PREMIUM ถ้าไม่ระบุ (SCB-PREMIUM สำหรับ SCB)
help-reconcile-sample-arg-seed = seed ฐานข้อมูล และวันเดียวกันให้ไฟล์เดียวกัน
help-bench-arg-statement_lines = reconcile: จำนวนรายการในไฟล์ที่นำเข้า (จากนั้นจับคู่ด้วยมือจากรายการที่ยังไม่จับคู่ให้ได้ตาม --iterations)
reconcile-cli-unreadable = อ่าน { $path } ไม่ได้: { $detail }
reconcile-cli-unwritable = เขียน { $path } ไม่ได้: { $detail }
reconcile-cli-refused = ไม่ได้นำเข้า { $path }: { $why }
reconcile-cli-importing = กำลังนำเข้า { $lines } รายการเข้าบัญชี { $account }…
reconcile-cli-progress = บันทึกแล้ว { $stored }/{ $total } รายการ ({ $percent } %) · { $rate } รายการ/วินาที
reconcile-cli-already = { $path } นำเข้าบัญชี { $account } แล้วเมื่อ { $at } จึงไม่มีรายการใดเพิ่ม
reconcile-cli-no-account = ไม่มีบัญชี { $account } บัญชีที่มีคือ { $known }
reconcile-cli-no-profile = ไม่มีรูปแบบ { $profile } รูปแบบที่มีคือ { $known }
reconcile-cli-bad-mapping = อ่านรูปแบบคอลัมน์ที่บันทึกไว้ { $profile } ไม่ได้: { $detail }
reconcile-cli-column = { $column ->
        [what] รายการ
       *[value] จำนวน
    }
reconcile-cli-row = { $what ->
        [file] ไฟล์
        [account] บัญชี
        [profile] รูปแบบ
        [lines] รายการในไฟล์
        [new-lines] รายการใหม่
        [reference] จับคู่ด้วยเลขอ้างอิง
        [reference-wht] จับคู่ด้วยเลขอ้างอิง หักภาษี ณ ที่จ่าย 1 %
        [amount-date-name] จับคู่ด้วยยอดเงิน วันที่ และชื่อ
        [unmatched] ยังไม่จับคู่
        [seconds] วินาที
       *[other] { $what }
    }
reconcile-cli-nothing-new = ทุกรายการมีอยู่แล้ว (ไฟล์ซ้อนทับกัน) จึงไม่มีรายการใหม่
reconcile-cli-left = เหลือ { $count } รายการให้จับคู่ที่หน้าจอกระทบยอด (เข้าสู่ระบบ prakan ด้วยบัญชีฝ่ายการเงิน)
reconcile-cli-sample-profile = ไฟล์ตัวอย่างเขียนได้เป็น { $known } ไม่ใช่ "{ $profile }"
reconcile-cli-sample-lines = --lines รับตัวเลขตั้งแต่ 1 ถึง 1,000,000
reconcile-cli-sample-nothing-owed = ฐานข้อมูลไม่มีเบี้ยที่ค้างชำระให้สร้างรายการเดินบัญชี โหลดข้อมูลตัวอย่างก่อน (prakan seed --demo)
reconcile-cli-sample-written = เขียน { $path } แล้ว: { $lines } รายการของบัญชี { $account } ในรูปแบบ { $profile }
reconcile-cli-sample-row = { $what ->
        [reference] ชำระผ่านธนาคารพร้อมเลขกรมธรรม์และเลขอ้างอิงการชำระ
        [less-withholding] แบบเดียวกันจากนิติบุคคล หักภาษี ณ ที่จ่าย 1 %
        [by-name] โอนเงินระบุชื่อลูกค้า ใกล้วันครบกำหนด
        [other-payer] โอนเงินจากบัญชีของผู้อื่น ใกล้วันครบกำหนด
       *[unknown] เงินที่ไม่มีใครค้างชำระ (โอนไม่ทราบที่มา ฝากเงินสด ค่าธรรมเนียม)
    }
reconcile-cli-sample-next = นำเข้าด้วยบัญชีฝ่ายการเงิน: prakan reconcile import { $path } --profile { $profile } --account { $account } --as malee
bench-reconcile-column = { $column ->
        [what] รายการ
       *[value] ค่า
    }
bench-reconcile-row = { $what ->
        [pending] การชำระเงินที่ค้างก่อนเริ่มวัด
        [as] นำเข้าและจับคู่ในนามของ
        [mix] รายการ: เลขอ้างอิง / หักภาษี / ชื่อ / ผู้อื่นโอน / ไม่ทราบที่มา
        [file] ขนาดไฟล์ (MB)
        [parse] อ่านไฟล์และคำนวณแฮช (วินาที)
        [stage] นำเข้า: พักรายการ (วินาที)
        [import] นำเข้าทั้งหมด รวมกฎจับคู่ ใบเสร็จ และ commit (วินาที)
        [end-to-end] ตั้งแต่ต้นจนจบ (วินาที)
        [rate] รายการ/วินาที ตั้งแต่ต้นจนจบ
        [new-lines] รายการใหม่ของบัญชี
        [matched] จับคู่: เลขอ้างอิง / หักภาษี / ยอดเงิน วันที่ และชื่อ / ยังไม่จับคู่
        [by-hand] จับคู่ด้วยมือ: รายการที่ดู / ไม่มีรายการรอชำระที่ยอดตรงกัน
        [restored] คืนสภาพ: การชำระเงิน / ใบเสร็จ (เวลา)
       *[other] { $what }
    }
bench-reconcile-targets = เป้าหมาย: นำเข้าและจับคู่อัตโนมัติ { $rate } รายการ/วินาที (≥ { $rate_target }) จับคู่ด้วยมือ p95 { $p95 } มิลลิวินาที (≤ { $p95_target })
help-bench-arg-audit_rows = oversight: เพิ่มบันทึกการตรวจสอบจำลองให้ครบจำนวนแถวนี้ก่อนวัด กระจายตลอด 12 เดือนที่ผ่านมา (0: วัดตามที่มีอยู่)
bench-oversight-as = กราฟและบันทึกการตรวจสอบในนามของ { $auditor } (ผู้ตรวจสอบ) สถานะฐานข้อมูลในนามของ { $admin } (ผู้ดูแลระบบ) บันทึกการตรวจสอบมีทั้งหมด { $rows } แถว
bench-oversight-fill = --audit-rows { $wanted }: เดิมมีบันทึก { $present } แถว เพิ่มแถวจำลอง { $added } แถว (business context BENCH_AUDIT ช่วง 12 เดือนที่ผ่านมา สร้างพาร์ทิชันรายเดือน { $partitions } พาร์ทิชัน) ใช้เวลา { $insert } วินาที แล้ว VACUUM (ANALYZE) อีก { $vacuum } วินาที แถวเหล่านี้ยังคงอยู่ในฐานข้อมูล
bench-oversight-fill-none = --audit-rows { $wanted }: บันทึกการตรวจสอบมีอยู่แล้ว { $present } แถว จึงไม่ได้เพิ่มแถวจำลอง
bench-oversight-group = { $group ->
        [admin] ผู้ดูแลระบบ
        [owner] เจ้าของฐานข้อมูล
       *[auditor] ผู้ตรวจสอบ
    }
bench-oversight-column = { $column ->
        [measure] รายการที่วัด
        [as] ในนามของ
        [ops] ครั้ง
        [rows] จำนวนแถว
        [p50] p50 มิลลิวินาที
        [p95] p95 มิลลิวินาที
        [max] สูงสุด มิลลิวินาที
       *[target] เป้าหมาย (p95)
    }
bench-oversight-target = { $met ->
        [yes] ≤ { $target } ✓
       *[no] ≤ { $target } ✗
    }
bench-oversight-targets = เป้าหมาย (p95): หน้าบันทึกการตรวจสอบ ≤ { $page } มิลลิวินาที (ตอบสนองการกดปุ่มภายในหนึ่งถึงสองเฟรม) กราฟตามที่หน้าจอโหลด (จากข้อมูลที่คำนวณไว้) และการคำนวณกราฟใหม่ (-compute: รอบ maintain หรือการเปิดครั้งแรกหลังข้อมูลเก่าเกินกำหนด) ≤ { $chart } มิลลิวินาที หน้าสถานะฐานข้อมูล ≤ { $health } มิลลิวินาที
# `prakan bench --list`: ชุดทดสอบที่รันเป็นกลุ่ม แสดงต่อจากสถานการณ์เดี่ยว
bench-group = { $group ->
    [startup] หน้าจอโปรแกรม: เริ่มแบบอุ่นและแบบเย็นจนถึงหน้าเข้าสู่ระบบ การตอบสนองต่อปุ่ม CPU ขณะว่าง และหน่วยความจำ
    [issue] การออกกรมธรรม์โดยผู้พิจารณารับประกันภัย ทีละราย และหลายรายพร้อมกันด้วย --clients เทียบกับ pgbench
    [renew] การต่ออายุกรมธรรม์ที่ครบกำหนดเป็นชุด พร้อมส่วนลดประวัติดี
    [claims] คิวงานสินไหม การรับเรื่องถัดไปโดยเจ้าหน้าที่แปดคนพร้อมกัน และรายละเอียดเคลม
    [reconcile] การนำเข้ารายการเดินบัญชีและจับคู่อัตโนมัติ แล้วจับคู่รายการที่เหลือด้วยมือ
    [oversight] กราฟสรุปงาน หน้ารายการบันทึกการตรวจสอบ (--audit-rows เพื่อเติมข้อมูลก่อน) และการตรวจสถานะฐานข้อมูล
   *[other] { $group }
}
