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

## ค่าในฐานข้อมูลเป็นคำ
enum-customer-type = { $value ->
    [INDIVIDUAL] บุคคลธรรมดา
    [JURISTIC] นิติบุคคล
   *[other] { $value }
}
enum-gender = { $value ->
    [MALE] ชาย
    [FEMALE] หญิง
    [OTHER] อื่น ๆ
    [NONE] ไม่ระบุ
   *[other] { $value }
}
enum-language = { $value ->
    [th] ไทย
    [en] อังกฤษ
   *[other] { $value }
}
enum-account-status = { $value ->
    [ACTIVE] ใช้งาน
    [INACTIVE] ไม่ใช้งาน
    [SUSPENDED] ระงับ
    [CLOSED] ปิดแล้ว
   *[other] { $value }
}
enum-kyc-status = { $value ->
    [PENDING] KYC รอตรวจ
    [IN_PROGRESS] KYC กำลังตรวจ
    [VERIFIED] KYC ยืนยันแล้ว
    [REJECTED] KYC ไม่ผ่าน
   *[other] { $value }
}
enum-policy-type = { $value ->
    [CMI] พ.ร.บ.
    [CLASS_1] ชั้น 1
    [CLASS_2_PLUS] ชั้น 2+
    [CLASS_2] ชั้น 2
    [CLASS_3_PLUS] ชั้น 3+
    [CLASS_3] ชั้น 3
   *[other] { $value }
}
enum-policy-status = { $value ->
    [DRAFT] ใบเสนอราคา
    [ACTIVE] มีผล
    [EXPIRED] หมดอายุ
    [CANCELLED] ยกเลิก
    [SUSPENDED] ระงับ
   *[other] { $value }
}
enum-claim-type = { $value ->
    [ACCIDENT] อุบัติเหตุ
    [THEFT] โจรกรรม
    [FIRE] ไฟไหม้
    [FLOOD] น้ำท่วม
    [VANDALISM] ถูกทำลาย
    [NATURAL_DISASTER] ภัยธรรมชาติ
   *[other] { $value }
}
enum-claim-status = { $value ->
    [REPORTED] รับแจ้ง
    [ASSIGNED] มอบหมายแล้ว
    [INVESTIGATING] กำลังตรวจสอบ
    [ASSESSED] ประเมินแล้ว
    [APPROVED] อนุมัติ
    [REJECTED] ปฏิเสธ
    [SETTLED] จ่ายแล้ว
    [CLOSED] ปิดแล้ว
   *[other] { $value }
}
enum-payment-type = { $value ->
    [PREMIUM] เบี้ยประกัน
    [INSTALLMENT] งวด
    [CLAIM_SETTLEMENT] จ่ายสินไหม
    [REFUND] คืนเงิน
    [FEE] ค่าธรรมเนียม
   *[other] { $value }
}
enum-payment-status = { $value ->
    [PENDING] รอชำระ
    [PROCESSING] กำลังดำเนินการ
    [SUCCESS] ชำระแล้ว
    [FAILED] ไม่สำเร็จ
    [CANCELLED] ยกเลิก
    [REFUNDED] คืนเงินแล้ว
    [PARTIAL_REFUND] คืนเงินบางส่วน
   *[other] { $value }
}
enum-payment-method = { $value ->
    [CREDIT_CARD] บัตรเครดิต
    [DEBIT_CARD] บัตรเดบิต
    [BANK_TRANSFER] โอนเงิน
    [PROMPTPAY] พร้อมเพย์
    [TRUEMONEY] ทรูมันนี่
    [RABBIT_LINE_PAY] แรบบิท ไลน์ เพย์
    [K_PLUS] K PLUS
    [CASH] เงินสด
    [CHEQUE] เช็ค
   *[other] { $value }
}
enum-vehicle-type = { $value ->
    [SEDAN] เก๋ง
    [HATCHBACK] แฮทช์แบ็ก
    [SUV] SUV
    [PICKUP] กระบะ
    [VAN] รถตู้
    [MOTORCYCLE] จักรยานยนต์
   *[other] { $value }
}
enum-fuel-type = { $value ->
    [GASOLINE] เบนซิน
    [DIESEL] ดีเซล
    [HYBRID] ไฮบริด
    [ELECTRIC] ไฟฟ้า
    [LPG] แอลพีจี
    [CNG] เอ็นจีวี
   *[other] { $value }
}
enum-usage-type = { $value ->
    [PERSONAL] ส่วนบุคคล
    [COMMERCIAL] เพื่อการพาณิชย์
    [TAXI] แท็กซี่
    [RENTAL] รถเช่า
   *[other] { $value }
}
enum-parking = { $value ->
    [GARAGE] โรงรถ
    [COVERED] ที่จอดมีหลังคา
    [STREET] ริมถนน
    [PARKING_LOT] ลานจอดรถ
    [NONE] ไม่ระบุ
   *[other] { $value }
}
enum-consent-purpose = { $value ->
    [MARKETING] การตลาด
    [DATA_SHARING_PARTNERS] เปิดเผยแก่คู่ค้า
    [HEALTH_DATA_CLAIMS] ข้อมูลสุขภาพเพื่อการเคลม
    [CROSS_BORDER_TRANSFER] ส่งข้อมูลไปต่างประเทศ
    [PROFILING] การวิเคราะห์พฤติกรรม
    [SMS_NOTIFICATIONS] แจ้งเตือนทาง SMS
    [EMAIL_NOTIFICATIONS] แจ้งเตือนทางอีเมล
   *[other] { $value }
}
enum-lawful-basis = { $value ->
    [CONSENT] ความยินยอม
    [CONTRACT] สัญญา
    [LEGAL_OBLIGATION] หน้าที่ตามกฎหมาย
    [LEGITIMATE_INTEREST] ประโยชน์โดยชอบด้วยกฎหมาย
    [VITAL_INTEREST] ประโยชน์สำคัญต่อชีวิต
    [PUBLIC_TASK] ภารกิจเพื่อประโยชน์สาธารณะ
    [RESEARCH] การวิจัย
   *[other] { $value }
}
enum-channel = { $value ->
    [PAPER] แบบฟอร์มกระดาษ
    [WEB] เว็บไซต์
    [MOBILE] แอปมือถือ
    [AGENT] ตัวแทน
    [CALL_CENTER] คอลเซ็นเตอร์
    [BRANCH] สาขา
   *[other] { $value }
}
enum-document-type = { $value ->
    [NATIONAL_ID_CARD] บัตรประชาชน
    [DRIVING_LICENCE] ใบขับขี่
    [VEHICLE_REGISTRATION] เล่มทะเบียนรถ
    [HOUSE_REGISTRATION] ทะเบียนบ้าน
    [COMPANY_CERTIFICATE] หนังสือรับรองบริษัท
    [CONSENT_FORM] แบบฟอร์มความยินยอม
    [OTHER] อื่น ๆ
   *[other] { $value }
}
enum-verification-status = { $value ->
    [PENDING] รอตรวจ
    [VERIFIED] ยืนยันแล้ว
    [REJECTED] ไม่ผ่าน
   *[other] { $value }
}
enum-dlt-method = { $value ->
    [MANUAL] ตรวจด้วยตนเอง
    [DOCUMENT] จากเอกสาร
    [API] บริการของกรมการขนส่งทางบก
   *[other] { $value }
}
enum-audit-operation = { $value ->
    [INSERT] สร้าง
    [UPDATE] แก้ไข
    [DELETE] ลบ
    [REVEAL] เปิดดูเลขประจำตัว
    [EXPORT] ส่งออกข้อมูล
    [ANONYMIZE] ลบข้อมูลส่วนบุคคล
    [TERMINATE] ยุติเซสชัน
   *[other] { $value }
}

## ช่องค้นหา
customers-jump-box = ค้นหาลูกค้า
customers-jump-placeholder = ชื่อ เลขประจำตัว โทรศัพท์ ทะเบียนรถ เลขกรมธรรม์ เลขเคลม เลขใบเสร็จ อีเมล…
customers-searching = กำลังค้นหา…
customers-nothing-found = ไม่พบลูกค้าที่ตรงกัน
customers-found = { $more ->
    [yes] ลูกค้าลำดับ { $first }–{ $last } กด PgDn ที่แถวสุดท้ายเพื่อดูเพิ่ม
   *[no] ลูกค้าลำดับ { $first }–{ $last }
}
customers-similarity = ชื่อคล้าย { $percent } %
customers-anonymised = (ลบข้อมูลส่วนบุคคลแล้ว)
customers-tips =
    พิมพ์อะไรก็ได้ที่ระบุตัวลูกค้า prakan จะรู้เองว่าเป็นอะไร:
      1-1017-00123-45-6 หรือ 1101700123456   เลขประจำตัวประชาชนหรือเลขผู้เสียภาษี
      081-234-5678 หรือ +66 81 234 5678       โทรศัพท์
      1กข 1234 กรุงเทพ                       ทะเบียนรถ จะมีจังหวัดหรือไม่ก็ได้
      C1-2568-0000123, CL-…, RC-…             เลขกรมธรรม์ เลขเคลม หรือเลขใบเสร็จ
      name@example.co.th                      อีเมล
      สมชาย ใจดี / somchai jaidee              ชื่อไทยหรืออังกฤษ พิมพ์ผิดหนึ่งตัวก็หาเจอ
    คำนำหน้าบังคับชนิดได้: id: phone: plate: policy: claim: receipt: email: name:
    ↑/↓ เลือก · Enter เปิด · Ctrl-N ลูกค้าใหม่ · Esc ล้าง
customers-column-name = ชื่อ
customers-column-name-en = ชื่อภาษาอังกฤษ
customers-column-id = เลขประจำตัว
customers-column-phone = โทรศัพท์
customers-column-born = เกิด
customers-column-province = จังหวัด
customers-column-found-by = พบจาก

## ข้อมูลลูกค้าครบทุกมุม
customers-tab-vehicles = รถ
customers-tab-policies = กรมธรรม์
customers-tab-claims = เคลม
customers-tab-payments = การชำระเงิน
customers-tab-consents = ความยินยอม
customers-tab-documents = เอกสาร
customers-national-id = เลขประจำตัวประชาชน
customers-tax-id = เลขประจำตัวผู้เสียภาษี
customers-masked-hint = (กด v เพื่อแสดง)
customers-born = เกิด
customers-age = อายุ { $years } ปี
customers-branch = สาขา
customers-phone = โทร
customers-email = อีเมล
customers-language = ภาษา
customers-address = ที่อยู่
customers-address-en = ภาษาอังกฤษ
customers-agent = ตัวแทน
customers-marketing = การตลาด
customers-outstanding = ยอดค้าง
customers-nothing-outstanding = ไม่มียอดค้าง
customers-outstanding-amount = { $total } ใน { $count } รายการ เกินกำหนด { $overdue }
customers-updated = แก้ไขล่าสุด
customers-updated-by = { $when } โดย { $who } (ฉบับที่ { $version })
customers-not-for-your-role = บทบาทของคุณไม่เห็นข้อมูลส่วนนี้ของลูกค้า
customers-none-yet = ยังไม่มี
customers-not-visible = ไม่มีลูกค้ารายนี้ หรือบทบาทของคุณไม่เห็นลูกค้ารายนี้
customers-dlt-summary = ทะเบียน{ $valid ->
    [yes] ถูกต้อง
   *[no] ไม่ถูกต้อง
} ภาษี{ $tax ->
    [yes] ชำระแล้ว
   *[no] ยังไม่ชำระ
}
customers-dlt-none = ยังไม่ได้ตรวจสอบ
customers-consent-live = มีผลอยู่
customers-sum-insured = ทุนประกัน
customers-payment-plan = แผนการชำระ
customers-approved = อนุมัติ
customers-paid-at = ชำระเมื่อ
customers-column-plate = ทะเบียน
customers-column-vehicle = รถ
customers-column-year = ปี
customers-column-type = ประเภท
customers-column-usage = การใช้งาน
customers-column-dlt = ตรวจสอบ ขบ.
customers-column-policy = กรมธรรม์
customers-column-status = สถานะ
customers-column-from = เริ่ม
customers-column-to = สิ้นสุด
customers-column-premium = เบี้ย
customers-column-claim = เคลม
customers-column-incident = เกิดเหตุ
customers-column-estimated = ประมาณการ
customers-column-paid = จ่ายแล้ว
customers-column-due = กำหนด / ชำระ
customers-column-what = รายการ
customers-column-amount = จำนวนเงิน
customers-column-method = วิธีชำระ
customers-column-purpose = วัตถุประสงค์
customers-column-basis = ฐาน
customers-column-version = ฉบับข้อความ
customers-column-given = ให้เมื่อ
customers-column-withdrawn = ถอนเมื่อ
customers-column-document = เอกสาร
customers-column-file = ไฟล์
customers-column-expires = หมดอายุ
customers-column-added = เพิ่มเมื่อ
detail-keys = h ประวัติ · Esc ปิด
history-title = ประวัติของ { $record }
history-none = ไม่มีการเปลี่ยนแปลงที่บันทึกไว้
history-keys = ↑/↓ เลื่อน · Esc ปิด

## ข้อความตอบกลับ
customers-not-allowed = บทบาทของคุณทำสิ่งนี้ไม่ได้
customers-edit-where = แก้ไขได้เฉพาะข้อมูลลูกค้า (ที่ส่วนประวัติ) และรถ
customers-new-where = เพิ่มได้ที่แท็บรถหรือแท็บความยินยอม
customers-choose-vehicle = เลือกรถในแท็บรถก่อน
customers-choose-consent = เลือกความยินยอมในแท็บความยินยอมก่อน
consent-already-withdrawn = ความยินยอมนี้ถูกถอนไปแล้ว
customers-id-shown-already = แสดงเลขประจำตัวเต็มอยู่แล้ว
customers-id-revealed = แสดงเลขประจำตัวแล้ว บันทึกตรวจสอบได้บันทึกการเปิดดูของคุณ
customers-exporting = กำลังส่งออกข้อมูลลูกค้า…
customers-exported = ส่งออกไปที่ { $path }
customers-export-failed = เขียนไฟล์ส่งออกไม่ได้: { $detail }
customers-anonymized = ลบข้อมูลส่วนบุคคลของลูกค้าแล้ว ข้อมูลการเงินและเคลมยังคงอยู่
customers-anonymised-already = ลูกค้ารายนี้ถูกลบข้อมูลส่วนบุคคลไปแล้ว
customers-anonymised-read-only = ลูกค้าที่ลบข้อมูลส่วนบุคคลแล้วแก้ไขไม่ได้
customers-saved = บันทึกแล้ว
customers-record-gone = รายการนี้ไม่มีอยู่แล้ว
customers-discard-again = มีการแก้ไขที่ยังไม่บันทึก กด Esc อีกครั้งเพื่อทิ้ง

## แบบฟอร์ม
customers-new-title = ลูกค้าใหม่
customers-edit-title = แก้ไขข้อมูลลูกค้า
customers-form-keys = Ctrl-S บันทึก · Tab ถัดไป · ←/→ Space เลือก · Enter ที่ช่องสถานที่: เลือกสถานที่ · Esc ยกเลิก
customers-form-keys-simple = Ctrl-S บันทึก · Tab ถัดไป · ←/→ Space เลือก · Esc ยกเลิก
consent-withdraw-keys = ←/→ เลือกช่องทาง · Enter ถอน · Esc ยกเลิก
customers-form-has-errors = มีบางช่องที่ต้องแก้ (แสดงเป็นสีแดง)
customers-checking-duplicates = กำลังตรวจว่ามีลูกค้ารายนี้อยู่แล้วหรือไม่…
customers-saving = กำลังบันทึก…
customers-conflict = { $who } บันทึกรายการนี้เมื่อ { $when } หลังจากที่คุณเปิด ข้อมูลที่คุณพิมพ์ยังอยู่ครบ และแสดงค่าที่เขาบันทึกไว้ใต้ช่องที่ต่างกัน
customers-conflict-kept = ยังไม่ได้บันทึก: มีผู้อื่นบันทึกก่อน ตรวจค่าของเขา แล้วกด Ctrl-S เพื่อบันทึกของคุณทับ
customers-theirs = บันทึกระหว่างนั้น: { $value }
customers-duplicates-title = มีอยู่แล้วหรือไม่?
customers-duplicates-intro = ลูกค้าเหล่านี้คล้ายกับรายที่คุณกำลังเพิ่ม:
customers-duplicate-reason = { $reason ->
    [national-id] เลขประจำตัวเดียวกัน
    [phone] เบอร์โทรศัพท์เดียวกัน
   *[name-birthday] ชื่อและวันเกิดเดียวกัน
}
customers-duplicates-keys = Enter: บันทึกเป็นลูกค้าใหม่ต่อไป · Esc: กลับไปที่แบบฟอร์ม
customer-section-identity = ผู้เอาประกัน
customer-section-contact = การติดต่อ
customer-section-address = ที่อยู่
customer-section-notices = การแจ้งเตือน
customer-field-type = ประเภทลูกค้า
customer-field-first-name = ชื่อ (ไทย)
customer-field-last-name = นามสกุล (ไทย)
customer-field-first-name-en = ชื่อ (อังกฤษ)
customer-field-last-name-en = นามสกุล (อังกฤษ)
customer-field-registered-name = ชื่อนิติบุคคล (ไทย)
customer-field-registered-name-en = ชื่อนิติบุคคล (อังกฤษ)
customer-field-national-id = เลขประจำตัวประชาชน
customer-field-tax-id = เลขประจำตัวผู้เสียภาษี
customer-field-branch = รหัสสาขา
customer-field-birth = วันเกิด
customer-field-gender = เพศ
customer-field-phone = มือถือ
customer-field-email = อีเมล
customer-field-language = ภาษาที่ต้องการ
customer-field-house = บ้านเลขที่
customer-field-moo = หมู่ที่
customer-field-village = หมู่บ้าน
customer-field-building = อาคาร
customer-field-soi = ซอย
customer-field-road = ถนน
customer-field-place = ตำบล อำเภอ จังหวัด
customer-field-marketing = รับข่าวสารการตลาด
customer-field-sms = แจ้งเตือนทาง SMS
customer-field-email-notices = แจ้งเตือนทางอีเมล
customer-placeholder-national-id = 13 หลัก จะมีขีดหรือไม่ก็ได้
customer-placeholder-branch = 00000 คือสำนักงานใหญ่
customer-placeholder-birth = วว/ดด/ปปปป (2530 หรือ 1987)
customer-placeholder-date = วว/ดด/ปปปป
customer-placeholder-phone = 08x-xxx-xxxx
vehicle-new-title = รถคันใหม่
vehicle-edit-title = แก้ไขข้อมูลรถ
vehicle-section-registration = ทะเบียน
vehicle-section-vehicle = ตัวรถ
vehicle-section-use = การใช้งาน
vehicle-plate = ทะเบียน
vehicle-province = จังหวัดที่จดทะเบียน
vehicle-plate-label = ข้อความแทนชื่อจังหวัด
vehicle-make = ยี่ห้อ
vehicle-model = รุ่น
vehicle-year = ปีที่ผลิต
vehicle-engine-cc = ขนาดเครื่องยนต์ (ซีซี)
vehicle-seats = ที่นั่ง
vehicle-type = ประเภทรถ
vehicle-fuel = เชื้อเพลิง
vehicle-color = สี
vehicle-chassis = เลขตัวถัง
vehicle-usage = การใช้งาน
vehicle-parking = จอดค้างคืนที่
vehicle-mileage = กิโลเมตรต่อปี
vehicle-dlt-reference = เลขอ้างอิง ขบ.
vehicle-placeholder-plate = 1กข 1234, กข-1234 หรือ 70-1234
vehicle-placeholder-plate-label = เฉพาะเมื่อป้ายเขียนเช่น เบตง
vehicle-placeholder-year = 2565 หรือ 2022
dlt-title = ตรวจสอบกับกรมการขนส่งทางบก: { $plate }
dlt-registration-valid = ทะเบียนถูกต้อง
dlt-tax-paid = ชำระภาษีประจำปีแล้ว
dlt-expiry = ทะเบียนหมดอายุ
dlt-reference = เลขอ้างอิง
dlt-method = วิธีตรวจสอบ
consent-new-title = บันทึกความยินยอม
consent-purpose = วัตถุประสงค์
consent-basis = ฐานทางกฎหมาย
consent-version = ฉบับข้อความความยินยอม
consent-channel = ช่องทาง
consent-evidence = หลักฐาน
consent-placeholder-version = เช่น 2569-01
consent-placeholder-evidence = เลขแบบฟอร์ม เลขอ้างอิงการบันทึกเสียง…
consent-already-live = ลูกค้ามีความยินยอมสำหรับวัตถุประสงค์นี้ที่มีผลอยู่แล้ว
consent-withdraw-title = ถอนความยินยอม: { $purpose }
consent-withdrawal-channel = แจ้งถอนทาง
consent-changed-meanwhile = ความยินยอมนี้เปลี่ยนไประหว่างนั้น ปิดหน้าต่างนี้แล้วดูใหม่

## PDPA
customers-anonymize-title = ลบข้อมูลส่วนบุคคลของ { $name }
customers-anonymize-explain =
    การนี้ลบข้อมูลที่ระบุตัวบุคคลอย่างถาวร: ชื่อ เลขประจำตัว โทรศัพท์ อีเมล วันเกิด ที่อยู่
    เลขตัวถัง ข้อมูลบัตรและบัญชีธนาคาร เอกสาร หลักฐานความยินยอม และร่องรอยในบันทึกตรวจสอบ
    กรมธรรม์ เคลม และการชำระเงินยังคงอยู่ (กฎหมายกำหนดให้เก็บ) ย้อนกลับไม่ได้
    พิมพ์ { $word } แล้วกด Enter เพื่อดำเนินการ หรือ Esc เพื่อหยุด
customers-anonymize-type-word = พิมพ์ { $word } ให้ตรงทุกตัวเพื่อดำเนินการ
customers-anonymizing = กำลังลบข้อมูลส่วนบุคคล…
