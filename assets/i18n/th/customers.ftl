# ค้นหาลูกค้า: ช่องค้นหา ข้อมูลลูกค้าครบทุกมุม แบบฟอร์มลูกค้า รถ ความยินยอม และ PDPA

## สิ่งที่พิมพ์
lookup-kind-national-id = เลขประจำตัวประชาชน
lookup-kind-phone = โทรศัพท์
lookup-kind-plate = ทะเบียนรถ
lookup-kind-policy = เลขกรมธรรม์
lookup-kind-claim = เลขเคลม
lookup-kind-receipt = เลขใบเสร็จ
lookup-kind-email = อีเมล
lookup-kind-name = ชื่อ
lookup-type-more = พิมพ์สิ่งที่ต้องการค้นหา
lookup-national-id-digits = เลขประจำตัวประชาชนมี 13 หลัก
lookup-digits-to-go = อีก { $count } หลัก
lookup-national-id-check = เลขตรวจสอบหลักสุดท้ายไม่ถูกต้อง: ไม่ใช่เลขประจำตัวประชาชนที่ถูกต้อง
lookup-phone-incomplete = ยังไม่ใช่เบอร์โทรศัพท์ที่ครบ (0 ตามด้วย 8 หรือ 9 หลัก หรือ +66)
lookup-plate-shape = ทะเบียนรถคือพยัญชนะไทยไม่เกิน 3 ตัว (อาจมีตัวเลขนำหน้า) และตัวเลขไม่เกิน 4 หลัก เช่น 1กข 1234
lookup-number-shape = เลขที่มีรูปแบบเช่น C1-2568-0000123
lookup-email-incomplete = ยังไม่ใช่อีเมลที่ครบ
lookup-name-short = พิมพ์ชื่ออย่างน้อยสองตัวอักษร

## แบบฟอร์มลูกค้า: การตรวจสอบ
customer-need-first-name = ต้องกรอกชื่อ
customer-need-registered-name = ต้องกรอกชื่อนิติบุคคลที่จดทะเบียน
customer-need-last-name = ต้องกรอกนามสกุล
customer-need-last-name-en = เมื่อกรอกชื่อภาษาอังกฤษแล้ว ต้องกรอกนามสกุลภาษาอังกฤษด้วย
customer-need-national-id = ต้องกรอกเลขประจำตัวประชาชน
customer-need-tax-id = ต้องกรอกเลขประจำตัวผู้เสียภาษี 13 หลัก
customer-need-tambon = เลือกตำบลของที่อยู่ (กด Enter ที่ช่อง)
customer-need-postal-code = เลือกรหัสไปรษณีย์
customer-email-for-notices = การแจ้งทางอีเมลต้องมีอีเมล
customer-phone-for-notices = การแจ้งทาง SMS ต้องมีเบอร์โทรศัพท์
customer-too-long = ไม่เกิน { $limit } ตัวอักษร
customer-english-in-latin = ชื่อภาษาอังกฤษต้องเขียนด้วยอักษรละติน
customer-branch-code = รหัสสาขามี 5 หลัก สำนักงานใหญ่คือ 00000
customer-born-in-future = วันเกิดต้องไม่อยู่ในอนาคต
customer-born-too-early = วันเกิดต้องไม่ก่อนปี 2443
customer-phone-shape = เบอร์โทรศัพท์ไทย: 0 ตามด้วย 8 หรือ 9 หลัก หรือ +66
customer-email-shape = อีเมลมีรูปแบบเช่น name@example.co.th
customer-moo-shape = หมู่ที่เป็นตัวเลข 1 ถึง 99

## แบบฟอร์มรถ การตรวจสอบกับกรมการขนส่งทางบก และความยินยอม: การตรวจสอบ
vehicle-need-plate = ต้องกรอกเลขทะเบียน
vehicle-need-province = เลือกจังหวัดที่จดทะเบียน (กด Enter ที่ช่อง)
vehicle-need-make = ต้องกรอกยี่ห้อ
vehicle-need-model = ต้องกรอกรุ่น
vehicle-need-year = ต้องกรอกปีที่ผลิต
vehicle-number-between = จำนวนเต็มตั้งแต่ { $low } ถึง { $high }
vehicle-year-range = ปีตั้งแต่ 1950 ถึง { $latest } (ใช้ปี พ.ศ. ได้ เช่น 2565)
vehicle-chassis-shape = ใช้ได้เฉพาะอักษรละติน ตัวเลข และขีด
dlt-need-reference = การตรวจสอบจากเอกสารต้องระบุเลขอ้างอิงของเอกสาร
consent-need-version = ลูกค้ายินยอมตามข้อความฉบับใด
