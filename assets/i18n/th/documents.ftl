# Documents: the policy schedule, the CMI certificate and the receipt / tax invoice, and
# printing them from the screens and `prakan docs`. Each document label is printed as
# "Thai / English" from the two catalogues.

doc-schedule-title = ตารางกรมธรรม์ประกันภัยรถยนต์
doc-certificate-title = หนังสือรับรองการประกันภัยตาม พ.ร.บ.
doc-certificate-act = ตามพระราชบัญญัติคุ้มครองผู้ประสบภัยจากรถ พ.ศ. 2535
doc-receipt-title = ใบเสร็จรับเงิน/ใบกำกับภาษี
doc-page = หน้า { $page }/{ $total }
doc-tax-id = เลขประจำตัวผู้เสียภาษี
doc-head-office = สำนักงานใหญ่
doc-branch-number = สาขาที่ { $number }
doc-branch = สาขา
doc-cancelled = ยกเลิกแล้ว
doc-void = ยกเลิก
doc-void-reason = เหตุที่ยกเลิก
doc-original = ต้นฉบับ
doc-copy = สำเนา
doc-copy-number = สำเนาครั้งที่ { $number } · เลขที่เดิม ไม่ใช่ใบกำกับภาษีฉบับใหม่

doc-section-policy = รายละเอียดกรมธรรม์
doc-section-insured = ผู้เอาประกันภัย
doc-section-vehicle = รถยนต์ที่เอาประกันภัย
doc-section-cover = ความคุ้มครองและจำนวนเงินเอาประกันภัย
doc-section-premium = เบี้ยประกันภัย
doc-section-instalments = กำหนดชำระเบี้ยประกันภัย
doc-section-certificate = รายละเอียดการรับรอง
doc-section-buyer = ผู้ซื้อ / ผู้ชำระเงิน
doc-section-items = รายการ
doc-section-payment = การชำระเงิน

doc-policy-number = กรมธรรม์เลขที่
doc-certificate-number = เลขที่
doc-policy-type = ประเภทการประกันภัย
doc-period = ระยะเวลาประกันภัย
doc-issued-on = วันทำสัญญา
doc-agent = ตัวแทน
doc-no-agent = ไม่มี (ติดต่อบริษัทโดยตรง)
doc-insured-name = ชื่อผู้เอาประกันภัย
doc-insured-id = เลขประจำตัวประชาชน / ผู้เสียภาษี
doc-address = ที่อยู่
doc-plate = ทะเบียนรถ
doc-make-model = ยี่ห้อ / รุ่น
doc-year = ปีผลิต
doc-chassis = เลขตัวถัง
doc-engine-cc = ขนาดเครื่องยนต์ (ซีซี)
doc-vehicle-type = ลักษณะรถ
doc-usage = การใช้รถ
doc-seats = จำนวนที่นั่ง
doc-sum-insured = จำนวนเงินเอาประกันภัย (บาท)
doc-cover-item = ความคุ้มครอง
doc-limit-baht = จำนวนเงินสูงสุด (บาท)
doc-cmi-preliminary-medical = ค่าเสียหายเบื้องต้น: ค่ารักษาพยาบาล ต่อคน
doc-cmi-preliminary-death = ค่าเสียหายเบื้องต้น: เสียชีวิต / ทุพพลภาพถาวร ต่อคน
doc-cmi-medical = ค่ารักษาพยาบาล ต่อคน (เมื่อพิสูจน์ความรับผิดแล้ว)
doc-cmi-death = เสียชีวิต / ทุพพลภาพถาวรสิ้นเชิง ต่อคน
doc-cmi-inpatient = ค่าชดเชยรายวันผู้ป่วยใน ต่อวัน (ไม่เกิน 20 วัน)
doc-per-incident = วงเงินสูงสุดต่อครั้ง
doc-cmi-note = ผู้ขับขี่ที่เป็นฝ่ายผิดได้รับเฉพาะค่าเสียหายเบื้องต้น
doc-tpbi-person = ความรับผิดต่อชีวิต ร่างกาย บุคคลภายนอก ต่อคน
doc-tpbi-incident = ความรับผิดต่อชีวิต ร่างกาย บุคคลภายนอก ต่อครั้ง
doc-tppd = ความรับผิดต่อทรัพย์สินบุคคลภายนอก ต่อครั้ง
doc-own-damage = ความเสียหายต่อตัวรถยนต์
doc-own-damage-counterparty = ความเสียหายต่อตัวรถยนต์ (เฉพาะชนกับยานพาหนะทางบกที่ระบุคู่กรณีได้)
doc-theft-fire = รถยนต์สูญหาย / ไฟไหม้
doc-flood = น้ำท่วม / ภัยธรรมชาติ
doc-covered = คุ้มครอง
doc-deductible = ความเสียหายส่วนแรก
doc-compulsory-excess = ความเสียหายส่วนแรกภาคบังคับ ต่อครั้ง
doc-rider-pa = อุบัติเหตุส่วนบุคคล ต่อคน
doc-rider-medical = ค่ารักษาพยาบาล ต่อคน
doc-rider-bail = การประกันตัวผู้ขับขี่
doc-base-premium = เบี้ยประกันภัยก่อนส่วนลด
doc-discounts = ส่วนลดประวัติดี
doc-net-premium = เบี้ยประกันภัยสุทธิ
doc-stamp-duty = อากรแสตมป์
doc-vat = ภาษีมูลค่าเพิ่ม 7%
doc-total-premium = เบี้ยประกันภัยรวม
doc-instalment-number = งวดที่
doc-due-date = กำหนดชำระ
doc-amount-baht = จำนวนเงิน (บาท)
doc-payment-status = สถานะ
doc-authorised-signatory = ผู้มีอำนาจลงนาม

doc-receipt-number = เลขที่
doc-date = วันที่
doc-buyer-name = ชื่อ
doc-item-number = ลำดับ
doc-item-description = รายการ
doc-item-quantity = จำนวน
doc-amount-before-vat = มูลค่าก่อนภาษีมูลค่าเพิ่ม
doc-grand-total = รวมทั้งสิ้น
doc-withholding = หักภาษี ณ ที่จ่าย 1%
doc-amount-received = รับชำระสุทธิ
doc-amount-in-words = จำนวนเงินรวมทั้งสิ้น (ตัวอักษร)
doc-withholding-note = ผู้ซื้อหักภาษี ณ ที่จ่ายไว้และออกหนังสือรับรองการหักภาษี ณ ที่จ่าย (50 ทวิ)
doc-payment-method = ชำระโดย
doc-paid-on = วันที่ชำระ
doc-received-by = ผู้รับเงิน

# Printing: screens and `prakan docs`.
doc-printing = กำลังพิมพ์เอกสาร…
doc-printed-policy = พิมพ์แล้ว: { $path } ({ $documents } ของ { $number })
doc-printed-receipt = พิมพ์ใบเสร็จแล้ว: { $path }
doc-printed-receipt-copy = พิมพ์สำเนาครั้งที่ { $copy } แล้ว: { $path }
doc-printed-receipt-void = พิมพ์ใบเสร็จที่ยกเลิกแล้ว (ประทับว่ายกเลิก): { $path }
doc-kind-schedule = ตารางกรมธรรม์
doc-kind-certificate = หนังสือรับรอง พ.ร.บ.
doc-no-policy = ไม่พบกรมธรรม์ { $number } (หรือคุณไม่มีสิทธิ์ดู)
doc-no-receipt = ไม่พบใบเสร็จ { $number } (หรือคุณไม่มีสิทธิ์ดู)
doc-draft-policy = { $number } ยังเป็นใบเสนอราคา จึงพิมพ์ตารางกรมธรรม์ไม่ได้
doc-not-allowed-policy = การพิมพ์ตารางกรมธรรม์เป็นงานของฝ่ายพิจารณารับประกันภัย
doc-not-allowed-receipt = การพิมพ์ใบเสร็จเป็นงานของฝ่ายการเงิน
doc-file-failed = เขียนไฟล์ { $path } ไม่ได้: { $detail }
doc-no-receipt-selected = ยังไม่มีใบเสร็จที่ออกในหน้าจอนี้: จับคู่รายการหรือรับชำระที่เคาน์เตอร์ก่อน แล้วจึงกด p
doc-no-receipt-on-line = รายการนี้ไม่มีใบเสร็จให้พิมพ์
constraint-receipt-print = การพิมพ์ใบเสร็จทำได้เฉพาะฝ่ายการเงินและผู้ดูแลระบบ

# `prakan docs --help`.
help-docs-about = พิมพ์เอกสาร: ตารางกรมธรรม์และหนังสือรับรอง พ.ร.บ. หรือใบเสร็จรับเงิน/ใบกำกับภาษี ลงในโฟลเดอร์ documents/ ของไดเรกทอรีข้อมูล
help-docs-policy-about = พิมพ์ตารางกรมธรรม์ (และหนังสือรับรองของกรมธรรม์ พ.ร.บ.) (ฝ่ายพิจารณารับประกันภัย)
help-docs-policy-arg-number = เลขที่กรมธรรม์ เช่น C1-2569-0000123
help-docs-policy-arg-username = บัญชีพนักงานที่ใช้พิมพ์ (PRAKAN_USER) ฐานข้อมูลให้เฉพาะฝ่ายพิจารณารับประกันภัยบันทึกเอกสารกรมธรรม์
help-docs-policy-arg-password_stdin = อ่านรหัสผ่านจากบรรทัดแรกของอินพุตมาตรฐาน
help-docs-receipt-about = พิมพ์ใบเสร็จรับเงิน/ใบกำกับภาษี ครั้งแรกเป็นต้นฉบับ ครั้งต่อไปเป็นสำเนา (ฝ่ายการเงิน)
help-docs-receipt-arg-number = เลขที่ใบเสร็จ เช่น RC-2569-0000001
help-docs-receipt-arg-username = บัญชีพนักงานที่ใช้พิมพ์ (PRAKAN_USER) ฐานข้อมูลให้เฉพาะฝ่ายการเงินและผู้ดูแลระบบพิมพ์ใบเสร็จ
help-docs-receipt-arg-password_stdin = อ่านรหัสผ่านจากบรรทัดแรกของอินพุตมาตรฐาน

# Keys.
hint-print-document = พิมพ์
action-print-document = พิมพ์เอกสาร (ตารางกรมธรรม์ / หนังสือรับรอง พ.ร.บ. / ใบเสร็จ)
