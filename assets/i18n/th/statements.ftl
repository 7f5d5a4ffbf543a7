## statements
# Reading bank statement files (domain::statement): the built-in profiles, why a file or a
# line of it is refused, and what is wrong with a column mapping.

statement-profile-kbank = ไฟล์ CSV ธนาคารกสิกรไทย (รายการเดินบัญชีออมทรัพย์แบบมีรายละเอียด)
statement-profile-scb = ไฟล์ CSV ธนาคารไทยพาณิชย์
statement-profile-camt053 = ISO 20022 CAMT.053 (XML)

## Why a file is refused
statement-refused-lines = ไฟล์มีรายการที่ไม่ถูกต้อง { $count } รายการ จึงไม่ได้นำเข้ารายการใดเลย
statement-line-problem = บรรทัดที่ { $line }: { $problem }
statement-balance-mismatch = ยอดเงินไม่สอดคล้องกัน: ยอดยกมา { $opening } รวมกับรายการ ({ $lines }) ได้ { $expected } แต่ยอดคงเหลือปลายงวดคือ { $closing } จึงไม่ได้นำเข้ารายการใดเลย
statement-not-utf8 = ไฟล์ไม่ใช่ข้อความ UTF-8 (บรรทัดที่ { $line }) กรุณาส่งออกไฟล์จากธนาคารใหม่เป็น CSV แบบ UTF-8
statement-empty = ไฟล์ว่างเปล่า
statement-not-csv = ไฟล์นี้เป็น XML, JSON หรือ PDF ไม่ใช่รายการเดินบัญชีแบบ CSV กรุณาเลือกรูปแบบให้ตรงกับไฟล์
statement-csv-unreadable = อ่านไฟล์เป็น CSV ไม่ได้ (บรรทัดที่ { $line })
statement-no-header = ไม่พบแถวหัวตารางหลังบรรทัดที่ { $line } ไฟล์ไม่ได้อยู่ในรูปแบบนี้
statement-header-columns = แถวหัวตารางมี { $found } คอลัมน์ แต่รูปแบบนี้ต้องมี { $expected } คอลัมน์ ไฟล์ไม่ได้อยู่ในรูปแบบนี้
statement-not-xml = ไฟล์ไม่ใช่ XML ที่ถูกต้อง: { $detail }
statement-not-camt053 = ไฟล์ XML นี้ไม่ใช่รายการเดินบัญชี ISO 20022 camt.053
statement-camt-accounts = ไฟล์มีรายการเดินบัญชีมากกว่าหนึ่งบัญชี กรุณานำเข้าทีละบัญชี
statement-camt-balance = ยอดเงิน { $code } "{ $value }" ไม่ใช่จำนวนเงิน

## Why a line is refused
statement-line-columns = มี { $found } คอลัมน์ แทนที่จะเป็น { $expected } คอลัมน์
statement-line-date = "{ $value }" ไม่ใช่วันที่ในรูปแบบ { $format }
statement-line-time = "{ $value }" ไม่ใช่เวลาในรูปแบบ { $format }
statement-line-year-buddhist = ปีของ "{ $value }" เป็นปีพุทธศักราช แต่รูปแบบนี้อ่านปีคริสต์ศักราช
statement-line-year-christian = ปีของ "{ $value }" เป็นปีคริสต์ศักราช แต่รูปแบบนี้อ่านปีพุทธศักราช
statement-line-no-date = ไม่มีวันที่ทำรายการ
statement-line-amount = "{ $value }" ไม่ใช่จำนวนเงิน
statement-line-no-amount = ไม่มีจำนวนเงิน ทั้งช่องถอนเงินและช่องฝากเงิน
statement-line-amount-zero = จำนวนเงินเป็นศูนย์
statement-line-debit-and-credit = มีทั้งยอดถอนเงิน ({ $debit }) และยอดฝากเงิน ({ $credit })
statement-line-direction-code = รหัสรายการ "{ $value }" ไม่ใช่ทั้งรหัสเงินเข้า ({ $credit }) และรหัสเงินออก ({ $debit })
statement-line-credit-debit = ทิศทางรายการ "{ $value }" ไม่ใช่ CRDT หรือ DBIT
statement-line-currency = จำนวนเงินเป็นสกุล { $currency } ไม่ใช่เงินบาท
statement-line-balance = ยอดคงเหลือ "{ $value }" ไม่ใช่จำนวนเงิน
statement-line-running-balance = ยอดคงเหลือควรเป็น { $expected } ต่อจากรายการก่อนหน้า แต่ในไฟล์เป็น { $found }
statement-line-reference-too-long = เลขที่อ้างอิง "{ $value }" ยาวเกิน { $max } ตัวอักษร

## Column mappings
statement-mapping-delimiter = "{ $value }" ใช้คั่นคอลัมน์ไม่ได้ กรุณาใช้จุลภาค อัฒภาค แท็บ หรือเครื่องหมายวรรคตอนอื่น
statement-mapping-thousands = "{ $value }" ใช้คั่นหลักพันไม่ได้ เพราะจุดทศนิยมต้องเป็นจุดเสมอ
statement-mapping-date-format = "{ $value }" ไม่ใช่รูปแบบวันที่หรือเวลา (เช่น %d/%m/%Y หรือ %H:%M)
statement-mapping-debit-credit = คอลัมน์ถอนเงินและคอลัมน์ฝากเงินต้องเป็นคนละคอลัมน์
statement-mapping-codes = กรุณาระบุรหัสเงินเข้าและรหัสเงินออกอย่างน้อยอย่างละหนึ่งรหัส ไม่ซ้ำกัน และอยู่คนละคอลัมน์กับจำนวนเงิน
