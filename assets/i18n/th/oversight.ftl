# การกำกับดูแล: ประวัติการแก้ไขของรายการ (ใช้ร่วมทุกหน้าจอ), บันทึกการตรวจสอบ, สถานะฐานข้อมูล และกราฟ

history-nothing-selected = เลือกรายการก่อน แล้วกด h เพื่อดูประวัติการแก้ไข

screen-audit = บันทึกการตรวจสอบ
screen-charts = กราฟสรุปงาน

## บันทึกการตรวจสอบ
audit-column-when = เวลา
audit-column-table = ตาราง
audit-column-operation = การกระทำ
audit-column-who = ผู้ทำรายการ
audit-column-changed = ช่องที่เปลี่ยน
audit-column-field = ช่องข้อมูล
audit-column-before = ก่อนแก้ไข
audit-column-after = หลังแก้ไข
audit-record = รหัสรายการ
audit-context = งานที่ทำ: { $context }
audit-none = ไม่พบรายการตามตัวกรองนี้
audit-entry-gone = ไม่พบบันทึกนี้แล้ว
audit-no-filter = ทุกรายการ (ยังไม่ได้กรอง)
audit-filtered = กรอง: { $filters }
audit-since = ตั้งแต่ { $date }
audit-until = ถึง { $date }
audit-count = แสดง { $count } รายการ
audit-count-more = แสดง { $count } รายการแรก · เลื่อนลงเพื่อโหลดเพิ่ม
audit-table = { $table ->
        [users] พนักงาน
        [user_sessions] การเข้าใช้งาน
        [customers] ลูกค้า
        [customer_vehicles] รถของลูกค้า
        [dlt_verifications] ตรวจสอบกับกรมการขนส่งทางบก
        [consent_records] ความยินยอม
        [customer_documents] เอกสารลูกค้า
        [policies] กรมธรรม์
        [policy_documents] เอกสารกรมธรรม์
        [policy_renewals] การต่ออายุ
        [policy_referrals] ส่งพิจารณารับประกัน
        [claims] เคลม
        [claim_documents] เอกสารเคลม
        [claim_assessments] การประเมินความเสียหาย
        [claim_settlements] การจ่ายค่าสินไหม
        [payments] การชำระเงิน
        [payment_transactions] รายการชำระเงิน
        [payment_receipts] ใบเสร็จรับเงิน
        [system_configurations] การตั้งค่าระบบ
        [rating_tables] ตารางอัตราเบี้ย
        [rating_base_rates] อัตราเบี้ยพื้นฐาน
        [rating_factors] ปัจจัยอัตราเบี้ย
        [bank_accounts] บัญชีธนาคาร
        [statement_profiles] รูปแบบรายการเดินบัญชี
        [bank_statements] รายการเดินบัญชี
        [bank_statement_lines] บรรทัดรายการเดินบัญชี
        [reconciliation_matches] การจับคู่กระทบยอด
       *[other] { $table }
    }

## ตัวกรองบันทึกการตรวจสอบ
audit-filter-title = กรองบันทึกการตรวจสอบ
audit-filter-table = ตาราง
audit-filter-record = รหัสรายการ
audit-filter-staff = พนักงาน
audit-filter-operation = การกระทำ
audit-filter-from = ตั้งแต่วันที่
audit-filter-to = ถึงวันที่
audit-filter-keys = ←/→ เลือก · Tab ช่องถัดไป · Enter กรอง · Esc ยกเลิก
audit-any = ทั้งหมด
audit-staff-choice = { $name } ({ $username })
audit-date-placeholder = เช่น 1/11/2569
audit-record-placeholder = รหัส UUID ของรายการ
audit-record-not-an-id = รหัสรายการต้องเป็น UUID เช่น 3f2a…-…  (คัดลอกจากหน้ารายละเอียด)
audit-to-before-from = วันที่สิ้นสุดต้องไม่อยู่ก่อนวันที่เริ่มต้น

## สถานะฐานข้อมูล
health-check-name = { $check ->
        [database_size] ขนาดฐานข้อมูล
        [connections] การเชื่อมต่อ
        [replication_lag] ความล่าช้าของสำเนา
        [largest_tables] ตารางที่ใหญ่ที่สุด
        [long_running_queries] คำสั่งที่ทำงานนาน
        [statement_statistics] สถิติคำสั่ง SQL
       *[other] { $check }
    }
health-partitions-of = พาร์ทิชันล่วงหน้า: { $table }
health-statistics-state = { $state ->
        [on] เปิดใช้งาน
        [not_preloaded] ติดตั้งแล้วแต่ยังไม่ได้โหลด
        [not_created] โหลดแล้วแต่ยังไม่ได้สร้างส่วนขยาย
       *[other] ยังไม่ได้ติดตั้ง
    }
health-long-queries-title = คำสั่งที่ทำงานนานกว่า { $seconds } วินาที
health-long-queries-none = ไม่มี
health-running-for = ทำงานมา { $seconds } วินาที
health-slow-title = คำสั่งที่ช้าที่สุด (เฉลี่ยเกิน { $ms } มิลลิวินาที)
health-slow-none = ไม่มีคำสั่งที่ช้ากว่าเกณฑ์
health-slow-figures = เฉลี่ย { $mean } มิลลิวินาที × { $calls } ครั้ง
health-statistics-off = { $state ->
        [not_preloaded] ยังไม่มีสถิติ: ต้องเพิ่ม pg_stat_statements ใน shared_preload_libraries ของเซิร์ฟเวอร์แล้วรีสตาร์ต
        [not_created] ยังไม่มีสถิติ: ให้ผู้ดูแลเซิร์ฟเวอร์สั่ง CREATE EXTENSION pg_stat_statements; ในฐานข้อมูลนี้
       *[other] ยังไม่มีสถิติ: ติดตั้ง pg_stat_statements (แพ็กเกจ postgresql-contrib) ใส่ใน shared_preload_libraries แล้วรีสตาร์ตเซิร์ฟเวอร์ และสั่ง CREATE EXTENSION pg_stat_statements;
    }

## กราฟ
charts-claims-by-status = เคลมตามสถานะ
charts-claims-ageing = อายุเคลมที่ยังเปิดอยู่
charts-premium-written = เบี้ยประกันภัยรับรายเดือน
charts-loss-ratio = อัตราความเสียหายรายเดือน
charts-backlog = งานกระทบยอดค้าง
charts-tab-status = สถานะเคลม
charts-tab-ageing = อายุเคลม
charts-tab-premium = เบี้ยรับ
charts-tab-loss-ratio = อัตราความเสียหาย
charts-tab-backlog = งานกระทบยอดค้าง
charts-none = ไม่มีกราฟสำหรับตำแหน่งของคุณ
charts-claims-total = รวม { $count } เคลม (ไม่รวมที่ถูกลบ)
charts-days = { $bucket } วัน
charts-ageing-note = เคลมที่ยังไม่ปิด { $count } เรื่อง นับวันตั้งแต่วันรับแจ้ง
charts-premium-note = { $range }: เบี้ยรวม { $total } จาก { $policies } กรมธรรม์ (นับตามเดือนที่ออกกรมธรรม์)
charts-loss-note = { $range }: ค่าสินไหมที่เกิดขึ้น (ยอดอนุมัติ หรือยอดประเมินถ้ายังไม่อนุมัติ ตามเดือนที่เกิดเหตุ) ÷ เบี้ยรับของเดือนนั้น
charts-backlog-kind = { $kind ->
        [unmatched_lines] รายการเดินบัญชีที่ยังไม่จับคู่
       *[other] ยอดค้างชำระเกินกำหนด
    }
charts-backlog-note = ยังไม่จับคู่ { $lines } รายการ ({ $lines_amount }) · ค้างชำระ { $owed } รายการ ({ $owed_amount }) · แบ่งตามจำนวนวัน
charts-as-of = ข้อมูล ณ { $when } (ทุก { $minutes } นาที)
charts-unit = { $unit ->
        [thousands] พันบาท
        [millions] ล้านบาท
       *[other] บาท
    }
