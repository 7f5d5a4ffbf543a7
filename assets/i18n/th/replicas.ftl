# ฐานข้อมูลสำเนา (read replica): ข้อความในแถบสถานะ, `prakan db replica …`, ค่าตั้งที่ผิด
replica-status-reading = อ่านจากฐานสำเนา
replica-status-catching-up = อ่านจากฐานหลัก
replica-status-lagging = ฐานสำเนาช้า { $seconds } วิ → ฐานหลัก
replica-status-unavailable = ฐานสำเนาขัดข้อง → ฐานหลัก
replica-bad-url = DATABASE_REPLICA_URL มีค่า { $url } ซึ่งไม่ใช่ URL ของ PostgreSQL: { $detail }
replica-external = กำหนด DATABASE_URL ไว้: prakan ไม่สร้างฐานสำเนาของเซิร์ฟเวอร์นั้น (เป็นงานของผู้ดูแลฐานข้อมูล) เมื่อมีฐานสำเนาแบบ streaming ทำงานแล้ว ให้ระบุใน DATABASE_REPLICA_URL (ตัวแปรสภาพแวดล้อมหรือไฟล์ตั้งค่า) เช่น DATABASE_REPLICA_URL=postgresql://replica-host:5432/prakan
replica-started = ฐานสำเนาในเครื่องกำลังทำงาน: { $url }
    prakan จะอ่านข้อมูลจากฐานสำเนานี้ตั้งแต่การเข้าสู่ระบบครั้งถัดไป (ใช้โดยอัตโนมัติขณะที่ทำงานอยู่) หยุดได้ด้วย `prakan db replica stop`
replica-created = คัดลอกฐานหลักด้วย pg_basebackup ไว้ที่ { $dir } แล้ว
replica-stopped = ฐานสำเนาในเครื่องหยุดทำงานแล้ว การอ่านข้อมูลกลับไปใช้ฐานหลัก
replica-was-not-running = ฐานสำเนาในเครื่องไม่ได้ทำงานอยู่
replica-label = { $what ->
        [replica] ฐานสำเนา
        [lag] ความล่าช้า
        [url] URL
       *[log] ไฟล์บันทึก
    }
replica-not-created = ยังไม่ได้สร้าง (สร้างได้ด้วย prakan db replica start)
replica-state-stopped = หยุดทำงาน
replica-state-running = กำลังทำงาน (pid { $pid })
replica-lag-none = ไม่มี: รับข้อมูลมาเท่าไรก็นำไปใช้ครบแล้ว
replica-lag-seconds = ช้ากว่าฐานหลัก { $seconds } วินาที
replica-lag-unknown = ไม่ทราบ: { $detail }
replica-configured = DATABASE_REPLICA_URL ระบุฐานสำเนา { $count } แห่ง: { $urls }
help-db-replica-about = ฐานสำเนาแบบสตรีมมิงในเครื่องของคลัสเตอร์ในตัว สำหรับอ่านข้อมูล (prakan ใช้อ่านเมื่อฐานสำเนาทำงานอยู่)
help-db-replica-start-about = คัดลอกคลัสเตอร์ในตัวด้วย pg_basebackup (ครั้งแรก) แล้วเริ่มฐานสำเนาบนซ็อกเก็ตของตัวเอง
help-db-replica-stop-about = หยุดฐานสำเนาในเครื่อง การอ่านจะกลับไปที่ฐานหลัก
help-db-replica-status-about = แสดงว่าฐานสำเนาทำงานอยู่หรือไม่ ช้ากว่าฐานหลักเท่าใด และ URL ของฐานสำเนา
