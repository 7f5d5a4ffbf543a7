## reconcile: การเงิน — การชำระเงิน นำเข้ารายการเดินบัญชี กระทบยอด และการจ่ายออก

screen-reconcile = การเงินและกระทบยอด

## แท็บ
reconcile-tab-payments = การชำระเงิน
reconcile-tab-import = นำเข้า
reconcile-tab-cockpit = กระทบยอด
reconcile-tab-payouts = รอจ่ายออก
reconcile-help-tab-digits = เปิดแท็บนั้น
reconcile-loading = กำลังโหลด…
reconcile-none = ยังไม่มีรายการ
reconcile-gone = รายการนี้ไม่อยู่แล้ว (มีผู้อื่นดำเนินการไปแล้ว) กำลังโหลดรายการใหม่
reconcile-conflict = { $who } แก้ไขรายการนี้เมื่อ { $when } โหลดข้อมูลใหม่แล้ว โปรดตรวจสอบแล้วยืนยันอีกครั้ง
reconcile-days = { $days } วัน
reconcile-direction = { $value ->
    [INCOMING] รับ
    [OUTGOING] จ่าย
   *[other] { $value }
}
reconcile-juristic = { $name } (นิติบุคคล)
reconcile-due-amount = ยอด { $amount }

## คอลัมน์
reconcile-column-reference = เลขอ้างอิง
reconcile-column-policy = กรมธรรม์
reconcile-column-customer = ลูกค้า
reconcile-column-type = ประเภท
reconcile-column-due-date = ครบกำหนด
reconcile-column-amount = จำนวนเงิน
reconcile-column-overdue = เกินกำหนด
reconcile-column-date = วันที่
reconcile-column-age = อายุ
reconcile-column-account = บัญชี
reconcile-column-refs = Ref1 / Ref2
reconcile-column-description = รายละเอียด
reconcile-column-status = สถานะ
reconcile-column-line = บรรทัด
reconcile-column-receipts = ใบเสร็จ
reconcile-column-claim-policy = เคลม / กรมธรรม์
reconcile-column-payee = ผู้รับเงิน
reconcile-column-bank = ธนาคาร
reconcile-column-bank-account = เลขที่บัญชี
reconcile-column-waiting-since = รอตั้งแต่

## การชำระเงิน: ภาพรวมและรายการค้างชำระ
reconcile-overdue-title = ยอดรับที่เกินกำหนดชำระ
reconcile-by-status-title = การชำระเงินตามทิศทาง ประเภท และสถานะ
reconcile-bucket-30 = เกินกำหนด 0–30 วัน
reconcile-bucket-60 = เกินกำหนด 31–60 วัน
reconcile-bucket-90 = เกินกำหนด 61–90 วัน
reconcile-bucket-over-90 = เกินกำหนดกว่า 90 วัน
reconcile-due-soon = ครบกำหนดใน 30 วันข้างหน้า
reconcile-payouts-waiting = รอจ่ายออก
reconcile-owed-about = รายการค้างชำระ เกินกำหนดนานที่สุดก่อน / ค้นหา c รับชำระที่เคาน์เตอร์
reconcile-owed-search = ค้นหา:
reconcile-owed-search-keys = เลขอ้างอิง กรมธรรม์ หรือชื่อ · Enter ใช้ · Esc ล้าง
reconcile-not-yet-due = ยังไม่ถึงกำหนด

## รับชำระที่เคาน์เตอร์
reconcile-counter-title = รับชำระที่เคาน์เตอร์
reconcile-counter-method = ชำระด้วย
reconcile-counter-cheque = เลขที่เช็ค
reconcile-counter-slip = เลขอ้างอิงสลิปบัตร
reconcile-counter-last-four = เลขท้ายบัตร 4 หลัก
reconcile-counter-withholding = หัก ณ ที่จ่าย (บาท)
reconcile-counter-due = ยอด { $amount } ครบกำหนด { $due }
reconcile-counter-withholding-note = ลูกค้านิติบุคคลหัก ณ ที่จ่าย 1 % ของเบี้ยก่อน VAT ไม่เกิน { $most } บุคคลธรรมดาไม่หัก (0)
reconcile-counter-received = รับเงิน: { $amount }
reconcile-counter-cheque-needed = กรอกเลขที่เช็ค
reconcile-counter-slip-needed = กรอกเลขอ้างอิงบนสลิปบัตร
reconcile-counter-bad-last-four = กรอกเลขท้ายบัตร 4 หลัก
reconcile-counter-bad-withholding = กรอกจำนวนเงินตั้งแต่ 0 ถึง { $most }
reconcile-counter-no-withholding = ยอดต่ำกว่า 1,000 บาทไม่มีการหัก ณ ที่จ่าย กรอก 0
reconcile-counter-paid = รับชำระที่เคาน์เตอร์แล้ว ออกใบเสร็จเลขที่ { $number }

## นำเข้า
reconcile-import-title = นำเข้ารายการเดินบัญชี
reconcile-import-file = ไฟล์
reconcile-import-file-placeholder = ที่อยู่ไฟล์ CSV หรือ CAMT.053 XML เช่น ~/statements/kbank-2569-11.csv
reconcile-import-account = เข้าบัญชี
reconcile-import-profile = อ่านแบบ
reconcile-import-account-choice = { $code } · { $bank } { $number }
reconcile-profile-saved = { $name } ({ $code } ที่บันทึกไว้)
reconcile-import-keys = Enter นำเข้า · ↑/↓ ช่อง · ←/→ เลือก · Tab แท็บถัดไป
reconcile-import-summary-keys = l รายการในไฟล์ · Enter นำเข้าไฟล์อื่น · ↑/↓ เลื่อน
reconcile-import-summary-keys-no-lines = Enter นำเข้าไฟล์อื่น · ↑/↓ เลื่อน
reconcile-import-file-needed = กรอกที่อยู่ไฟล์รายการเดินบัญชี
reconcile-import-accounts-loading = กำลังโหลดรายชื่อบัญชี
reconcile-import-no-accounts = ยังไม่มีบัญชีธนาคารให้นำเข้า (ผู้ดูแลระบบเป็นผู้เพิ่ม)
reconcile-import-no-such-account = ไม่มีบัญชี { $code } (แล้ว)
reconcile-import-file-not-found = ไม่พบไฟล์นี้
reconcile-import-file-not-a-file = นี่เป็นโฟลเดอร์ ไม่ใช่ไฟล์
reconcile-import-file-unreadable = อ่านไฟล์ไม่ได้: { $detail }
reconcile-import-file-empty = ไฟล์ว่างเปล่า
reconcile-import-bad-mapping = อ่านรูปแบบที่บันทึกไว้ { $code } ไม่ได้ ({ $detail }) ยังไม่ได้นำเข้าสิ่งใด
reconcile-import-no-profile = ไม่มีรูปแบบ { $code } ยังไม่ได้นำเข้าสิ่งใด
reconcile-import-reading = กำลังอ่านและตรวจไฟล์…
reconcile-import-running = กำลังนำเข้า { $total } รายการ: บันทึกแล้ว { $stored }
reconcile-import-summary = ผลการนำเข้า
reconcile-import-done = นำเข้ารายการใหม่ { $new } รายการ เหลือให้กระทบยอดเอง { $left } รายการ
reconcile-import-nothing = ไม่ได้นำเข้าสิ่งใด
reconcile-import-imported = นำเข้า { $file } เข้าบัญชี { $account } แล้ว
reconcile-import-lines = รายการในไฟล์
reconcile-import-new = รายการใหม่
reconcile-import-seen = เคยนำเข้าจากไฟล์อื่นแล้ว
reconcile-rule-reference = จับคู่ด้วยเลขอ้างอิง
reconcile-rule-reference-wht = จับคู่ด้วยเลขอ้างอิง หักภาษี ณ ที่จ่าย 1 %
reconcile-rule-amount-date-name = จับคู่ด้วยยอดเงิน วันที่ และชื่อ
reconcile-import-left = เหลือให้กระทบยอดเอง
reconcile-import-already = ไฟล์นี้เคยนำเข้าบัญชี { $account } แล้วเมื่อ { $when } ไม่มีรายการใหม่
reconcile-import-already-note = กด l เพื่อดูรายการ
reconcile-import-malformed = ไม่ได้นำเข้าสิ่งใด: อ่านไม่ได้ { $count } บรรทัด
reconcile-import-balance = ไม่ได้นำเข้าสิ่งใด: ยอดคงเหลือไม่ตรงกัน
reconcile-import-balance-figures = ยอดยกมา { $opening } + รายการ { $movements } = { $sum } แต่ยอดคงเหลือปลายงวดคือ { $closing }
reconcile-import-balance-off = ขาดไป { $difference } (ไฟล์ไม่ครบ ผิดไฟล์ หรือเลือกแบบผิด)
reconcile-import-failed = ไม่ได้นำเข้าสิ่งใด

## กระทบยอด
reconcile-cockpit-about = ยังไม่จับคู่ { $unmatched } รายการ โต้แย้ง { $disputed } รายการ — เก่าที่สุดก่อน
reconcile-cockpit-clear = จับคู่ครบทุกรายการแล้ว ไม่มีรายการค้าง
reconcile-line-status = { $value ->
    [UNMATCHED] ยังไม่จับคู่
    [MATCHED] จับคู่แล้ว
    [DISPUTED] โต้แย้ง
   *[other] { $value }
}
reconcile-rule = { $value ->
    [REFERENCE] เลขอ้างอิง
    [REFERENCE_WHT] เลขอ้างอิง หัก ณ ที่จ่าย
    [AMOUNT_DATE_NAME] ยอด วันที่ ชื่อ
    [MANUAL] จับคู่เอง
    [SPLIT] แบ่งจ่าย
   *[other] { $value }
}
reconcile-candidates = รายการที่น่าจะตรงกัน
reconcile-candidates-loading = กำลังหารายการที่น่าจะตรงกัน…
reconcile-no-candidates = ไม่มีรายการรอชำระที่ใกล้เคียง โต้แย้งไว้ (d) หรือรอการชำระ
reconcile-no-line = ยังไม่ได้เลือกรายการ
reconcile-disputed-note = โต้แย้ง: { $note }
reconcile-disputed-first = รายการนี้ถูกโต้แย้ง ยุติการโต้แย้งก่อน (D)
reconcile-not-disputed = รายการนี้ไม่ได้ถูกโต้แย้ง
reconcile-candidate-facts = ครบกำหนด { $due } · ตรงกัน { $score } ข้อ
reconcile-candidate-wht = หัก ณ ที่จ่ายได้ { $amount }
reconcile-candidate-differs = ยอดต่างกัน { $amount }
reconcile-agree-reference = เลขอ้างอิง
reconcile-agree-amount = ยอดเงิน
reconcile-agree-amount-less-wht = ยอดหัก ณ ที่จ่าย 1 %
reconcile-agree-date = { $days ->
    [0] ตรงวันครบกำหนด
   *[other] ห่างวันครบกำหนด { $days } วัน
}
reconcile-agree-name = ชื่อ { $percent } %
reconcile-agree-nothing = ไม่มีข้อใดตรงทั้งหมด

## จับคู่ แบ่งจ่าย โต้แย้ง ยกเลิกการจับคู่
reconcile-match-title = จับคู่รายการกับการชำระนี้
reconcile-match-applies = ชำระ { $amount } หัก ณ ที่จ่าย { $withholding }
reconcile-match-short = การชำระนี้ยังขาดอีก { $amount }
reconcile-match-over = เหลือยอดในรายการที่ไม่ได้ใช้ { $amount }
reconcile-receipt-installment = ค่าเบี้ยประกันภัยงวดที่ { $n }/{ $of } { $policy }
reconcile-receipt-premium = ค่าเบี้ยประกันภัย { $policy }
reconcile-receipt = ใบเสร็จรับเงิน/ใบกำกับภาษี: { $what } · รวม { $total } · VAT { $vat } · หัก ณ ที่จ่าย { $withholding } · รับ { $received }
reconcile-split-title = แบ่งรายการไปชำระหลายรายการ
reconcile-split-amount = จำนวน (บาท)
reconcile-split-note = Space เลือกรายการ (ใส่ยอดที่เหลือให้) แล้วกรอกจำนวนแต่ละรายการ รวมกันต้องเท่ากับยอดของรายการเดินบัญชี
reconcile-split-total = ใช้แล้ว { $total } · เหลือ { $left }
reconcile-split-keys = Space เลือก · ↑/↓ รายการ · Enter ตรวจ · Esc ยกเลิก
reconcile-split-bad-amount = กรอกจำนวนเงินเป็นบาท
reconcile-split-over-due = เกินยอดที่ต้องชำระ ({ $due })
reconcile-split-too-few = การแบ่งจ่ายต้องมีอย่างน้อยสองรายการ ถ้ารายการเดียวให้กด m
reconcile-split-does-not-add-up = รวมได้ { $total } แต่รายการคือ { $line } (เหลือ { $left })
reconcile-dispute-title = โต้แย้งรายการ
reconcile-dispute-note = บันทึก
reconcile-dispute-note-about = เหตุที่ยังจับคู่ไม่ได้ สำหรับผู้ที่มาดูต่อ กด D เพื่อยุติการโต้แย้งภายหลัง
reconcile-dispute-note-needed = ต้องมีบันทึก
reconcile-unmatch-title = ยกเลิกการจับคู่
reconcile-unmatch-reason = เหตุผล
reconcile-unmatch-about = การชำระจะกลับเป็นค้างชำระ และใบเสร็จ ({ $receipts }) จะถูกยกเลิกโดยคงเลขที่ไว้
reconcile-unmatch-reason-needed = ต้องระบุเหตุผล
reconcile-unmatch-not-matched = ยกเลิกการจับคู่ได้เฉพาะรายการที่จับคู่แล้ว
reconcile-prompt-keys = Enter ยืนยัน · Tab ช่องถัดไป · Esc ยกเลิก
reconcile-prompt-confirm-keys = Enter บันทึก · Esc กลับไปแก้
reconcile-matched = จับคู่แล้ว ใบเสร็จ { $receipts }
reconcile-disputed = บันทึกการโต้แย้งแล้ว
reconcile-dispute-cleared = ยุติการโต้แย้งแล้ว รายการกลับเป็นยังไม่จับคู่
reconcile-unmatched = ยกเลิกการจับคู่แล้ว การชำระกลับเป็นค้างชำระ ใบเสร็จถูกยกเลิก

## รายการในไฟล์
reconcile-statement-lines = รายการในไฟล์
reconcile-statement-title = { $file } · { $account } · นำเข้าเมื่อ { $when }
reconcile-statement-about = { $lines } รายการ จับคู่แล้ว { $matched } กด u เพื่อยกเลิกการจับคู่
reconcile-statement-none = ยังไม่เคยนำเข้ารายการเดินบัญชี

## รอจ่ายออก
reconcile-payouts-about = รอ { $count } รายการ รวม { $amount } กด p เพื่อบันทึกการโอน
reconcile-payout-title = บันทึกการโอนเงิน
reconcile-payout-bank = รหัสธนาคารผู้รับ
reconcile-payout-bank-placeholder = 3 หลัก เช่น 004
reconcile-payout-bank-name = { $name }
reconcile-payout-account = บัญชีผู้รับ
reconcile-payout-masked = เก็บเป็น { $account }
reconcile-payout-reference = เลขอ้างอิงการโอน
reconcile-payout-date = วันที่โอน
reconcile-payout-note = เก็บเลขบัญชีไว้เฉพาะหลักท้าย
reconcile-payout-bad-bank = ไม่ใช่รหัสธนาคารไทย (002 BBL, 004 KBANK, 006 KTB, 014 SCB, 025 BAY …)
reconcile-payout-bad-account = กรอกเลขที่บัญชี 10 ถึง 15 หลัก
reconcile-payout-reference-needed = กรอกเลขอ้างอิงการโอนของธนาคาร
reconcile-payout-date-future = วันที่โอนต้องไม่เป็นวันในอนาคต
reconcile-payout-confirm = จ่าย { $amount } ให้ { $payee }: { $bank } { $account } อ้างอิง { $reference } วันที่ { $date }
reconcile-payout-settles = เคลม { $claim } จะเป็นสถานะจ่ายแล้ว
reconcile-paid-settled = จ่ายแล้ว เคลม { $claim } ชำระเสร็จสิ้น
reconcile-paid = จ่าย { $amount } ให้ { $payee } แล้ว
reconcile-paid-plain = จ่ายแล้ว

## ปุ่ม
action-counter-payment = รับชำระที่เคาน์เตอร์ (เงินสด เช็ค บัตร) พร้อมใบเสร็จ
action-import-again = นำเข้าไฟล์อื่น (ใช้ข้อมูลที่กรอกไว้)
action-statement-lines = รายการในไฟล์ล่าสุดพร้อมสถานะ
action-match-line = จับคู่รายการกับรายการที่เลือก
action-split-line = แบ่งรายการไปชำระหลายรายการ
action-switch-pane = สลับระหว่างรายการกับรายการที่น่าจะตรงกัน
action-dispute = โต้แย้งรายการ (พร้อมบันทึก)
action-clear-dispute = ยุติการโต้แย้ง
action-unmatch = ยกเลิกการจับคู่ (พร้อมเหตุผล)
action-record-payout = บันทึกการโอนเงินจ่ายออก
hint-counter-payment = รับชำระ
hint-import-again = ไฟล์อื่น
hint-statement-lines = รายการในไฟล์
hint-match-line = จับคู่
hint-split-line = แบ่งจ่าย
hint-switch-pane = สลับ
hint-dispute = โต้แย้ง
hint-clear-dispute = ยุติโต้แย้ง
hint-unmatch = ยกเลิกจับคู่
hint-record-payout = บันทึกการโอน
