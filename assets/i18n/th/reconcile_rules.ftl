## reconcile_rules
# The reconciliation rules migration 0022 enforces in the database, as
# db::error::constraint_message names them: the sentence a person sees when the database
# refuses a statement import, a match or a receipt.

## Bank accounts and saved statement layouts
constraint-bank-account-code-taken = รหัสบัญชีธนาคารนี้ถูกใช้แล้ว
constraint-bank-account-code = รหัสบัญชีต้องเป็นตัวอักษรภาษาอังกฤษพิมพ์ใหญ่ ตัวเลข ขีด หรือขีดล่าง 2–20 ตัว
constraint-bank-code = รหัสธนาคารต้องเป็นตัวเลข 3 หลัก (004 กสิกรไทย, 014 ไทยพาณิชย์ …)
constraint-statement-profile-code-taken = รหัสรูปแบบรายการเดินบัญชีนี้ถูกใช้แล้ว
constraint-statement-profile-code = รหัสรูปแบบต้องเป็นตัวอักษรภาษาอังกฤษพิมพ์ใหญ่ ตัวเลข ขีด หรือขีดล่าง 2–30 ตัว
constraint-statement-profile-mapping = รูปแบบรายการเดินบัญชีที่บันทึกต้องมีการจับคู่คอลัมน์

## Statements and their lines
constraint-statement-sha256 = ลายนิ้วมือของไฟล์ (SHA-256) ไม่ถูกต้อง
constraint-statement-already-imported = ไฟล์นี้นำเข้าบัญชีนี้แล้ว ไม่มีรายการใดถูกเพิ่ม
constraint-statement-line-taken = รายการเคลื่อนไหวนี้มีอยู่ในบัญชีแล้วจากรายการเดินบัญชีก่อนหน้า
constraint-statement-line-amount = รายการเดินบัญชีต้องมีจำนวนเงิน จะเป็นศูนย์ไม่ได้
constraint-statement-line-status = รายการเดินบัญชีมีสถานะยังไม่จับคู่ จับคู่แล้ว หรือมีข้อโต้แย้ง เท่านั้น
constraint-statement-line-matched = รายการที่จับคู่แล้วต้องมีจำนวนเงินที่จับคู่ และไม่เกินจำนวนเงินของรายการ ส่วนรายการที่ยังไม่จับคู่ต้องไม่มี
constraint-statement-line-dispute = รายการที่มีข้อโต้แย้งต้องมีบันทึกเหตุผล และมีได้เฉพาะรายการที่มีข้อโต้แย้ง

## Matches
constraint-match-amount = จำนวนเงินที่จับคู่ต้องมากกว่าศูนย์
constraint-match-rule = การจับคู่ต้องระบุกฎที่ใช้: เลขอ้างอิง เลขอ้างอิงหักภาษี ณ ที่จ่าย จำนวนเงิน วันที่และชื่อ จับคู่เอง หรือแบ่งจ่าย
constraint-match-undo = การยกเลิกการจับคู่ต้องมีเหตุผล และมีได้เฉพาะการจับคู่ที่ยกเลิกแล้ว
constraint-match-disputed = รายการนี้มีข้อโต้แย้ง ต้องยุติข้อโต้แย้งก่อนจึงจับคู่ได้
constraint-match-payment = รายการเดินบัญชีจับคู่ได้เฉพาะการชำระที่ยังค้างอยู่และมีทิศทางเดียวกัน: เงินเข้าสำหรับเบี้ยประกัน เงินออกสำหรับการจ่ายออก
constraint-match-total = ยอดที่จับคู่กับรายการนี้รวมกันเกินจำนวนเงินของรายการ
constraint-match-once = การชำระนี้จับคู่กับรายการเดินบัญชีอื่นแล้ว ต้องยกเลิกการจับคู่นั้นก่อน

## Receipts and tax invoices
constraint-receipt-finance = เฉพาะฝ่ายการเงินเท่านั้นที่ออกใบเสร็จรับเงินได้
constraint-receipt-once = การชำระนี้มีใบเสร็จแล้ว ต้องยกเลิกใบเดิมก่อนออกใบใหม่
constraint-receipt-paid = ออกใบเสร็จได้เฉพาะเงินที่ได้รับแล้ว คือการชำระเงินเข้าที่ชำระเรียบร้อย
constraint-receipt-payments = ใบเสร็จหนึ่งใบต่อการชำระหนึ่งรายการที่มีอยู่จริง และระบุได้ครั้งเดียว
constraint-receipt-withholding = หักภาษี ณ ที่จ่ายได้เฉพาะลูกค้านิติบุคคล ไม่เกิน 1% ของเบี้ยประกันภัยรวมอากร สำหรับยอดตั้งแต่ 1,000 บาท
constraint-match-due = การจับคู่ต้องชำระครบตามยอด: เงินที่ได้รับรวมกับภาษีที่ลูกค้าหักไว้ต้องเท่ากับยอดที่ต้องชำระ
constraint-match-undone-final = การจับคู่ที่ยกเลิกแล้วนำกลับมาใช้ไม่ได้ ให้จับคู่รายการใหม่แทน
