## claim_rules
# The claim rules migration 0021 enforces in the database, as db::error::constraint_message
# names them: the sentence a person sees when the database refuses a change to a claim.

constraint-claim-starts-reported = เคลมใหม่ต้องเริ่มที่สถานะรับแจ้ง ยังไม่มีผู้ดูแล และยังไม่มีจำนวนเงินอนุมัติ
constraint-claim-coverage = กรมธรรม์ไม่คุ้มครองเคลมนี้ ณ วันที่เกิดเหตุ
constraint-claim-fixed = กรมธรรม์และเลขที่เคลมเปลี่ยนแปลงไม่ได้
constraint-claim-assignment = คุณรับเคลมที่ยังไม่มีผู้ดูแลมาดูแลเองได้ ส่วนการมอบหมายเคลมให้ผู้อื่นทำได้เฉพาะพนักงานสินไหมอาวุโส
constraint-claim-assignee = เคลมที่มอบหมายแล้วต้องมีผู้ดูแล และมอบหมายได้เฉพาะพนักงานสินไหมที่ยังปฏิบัติงานอยู่
constraint-claim-surveyor = ส่งได้เฉพาะพนักงานสำรวจภัยที่ยังปฏิบัติงานอยู่
constraint-claim-approved-amount-fixed = จำนวนเงินอนุมัติกำหนดได้เฉพาะตอนอนุมัติเคลม และเปลี่ยนแปลงภายหลังไม่ได้
constraint-claim-approval-request = ขออนุมัติได้เฉพาะเคลมที่ประเมินความเสียหายแล้ว
constraint-claim-approval-requested-amount = จำนวนเงินที่ขออนุมัติต้องมากกว่าศูนย์
constraint-claim-transition = เคลมเปลี่ยนจากสถานะปัจจุบันไปเป็นสถานะนั้นไม่ได้
constraint-claim-transition-reason = การเปลี่ยนสถานะต้องระบุเหตุผล
constraint-claim-assessed = เคลมจะเป็นสถานะประเมินแล้วได้เมื่อมีผลการประเมินและจำนวนเงินที่ประเมิน
constraint-claim-approved-amount = การอนุมัติต้องระบุจำนวนเงินมากกว่าศูนย์
constraint-claim-approval-authority = จำนวนเงินเกินวงเงินอนุมัติของคุณ กรุณาส่งขออนุมัติจากผู้มีวงเงินเพียงพอ
constraint-claim-settled = เคลมจะเป็นสถานะจ่ายแล้วเมื่อฝ่ายการเงินจ่ายค่าสินไหมแล้ว
constraint-settlement-approved = ตั้งจ่ายค่าสินไหมได้เฉพาะเคลมที่อนุมัติแล้ว
constraint-settlement-once = เคลมนี้ตั้งจ่ายค่าสินไหมไปแล้ว
constraint-settlement-figures = การตั้งจ่ายต้องเป็นจำนวนเงินอนุมัติหักค่าเสียหายส่วนแรกตามกรมธรรม์ และหักค่าเสียหายส่วนแรก 1,000 บาทในกรณีที่ต้องเรียกเก็บ
constraint-settlement-payout-paid = ตั้งจ่ายจะบันทึกว่าจ่ายแล้วได้เมื่อโอนเงินออกไปแล้วเท่านั้น
constraint-settlement-payment = การตั้งจ่ายต้องมีรายการจ่ายเงินที่รอดำเนินการในจำนวนเงินสุทธิเดียวกัน
