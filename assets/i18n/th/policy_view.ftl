# policy_view: one policy, its referrals and its cancellation (db::referrals,
# db::cancellation, db::policy_detail, domain::cancellation).

## Why a policy was cancelled (policies.cancellation_code) and by whom
policy-view-code-customer-request = ลูกค้าขอยกเลิก
policy-view-code-vehicle-sold = ขายรถแล้ว
policy-view-code-vehicle-written-off = รถเสียหายสิ้นเชิง
policy-view-code-vehicle-deregistered = รถถูกยกเลิกทะเบียน
policy-view-code-duplicate-cover = ทำประกันซ้ำซ้อน
policy-view-code-non-payment = ไม่ชำระเบี้ยประกันภัย
policy-view-code-misrepresentation = แถลงข้อความอันเป็นเท็จ
policy-view-party-insured = ผู้เอาประกันภัย
policy-view-party-insurer = บริษัทประกันภัย

## How the refund was worked out
policy-view-basis-before-start = ยกเลิกก่อนวันเริ่มคุ้มครอง คืนเบี้ยประกันภัยเต็มจำนวน
policy-view-basis-after-end = ยกเลิกหลังสิ้นสุดความคุ้มครอง ไม่มีเบี้ยประกันภัยคืน
policy-view-basis-short-rate = ตามอัตราระยะสั้น คืนเบี้ยประกันภัย { $percent } % เมื่อมีผลคุ้มครองมาแล้ว { $days } วัน
policy-view-basis-pro-rata = ตามสัดส่วนวัน ยังเหลือระยะเวลาคุ้มครอง { $unexpired } จาก { $period } วัน

## Referrals
policy-view-rule = { $rule ->
    [VEHICLE_AGE] อายุรถ
    [SUM_INSURED_AUTHORITY] ทุนประกันเกินวงเงินอนุมัติ
    [HIRE_USAGE] ใช้เป็นรถแท็กซี่หรือรถเช่า
   *[CLAIMS_HISTORY] ประวัติการเคลม
}
policy-view-referral-status = { $status ->
    [APPROVED] อนุมัติแล้ว
    [DECLINED] ไม่อนุมัติ
   *[PENDING] รอพิจารณา
}
policy-view-referral-authority = วงเงินอนุมัติของคุณ { $authority } บาท ต่ำกว่า { $required } บาท ที่เรื่องส่งพิจารณานี้ต้องการ
policy-view-referral-own = คุณเป็นผู้ส่งเรื่องนี้เอง ต้องให้ผู้อื่นเป็นผู้พิจารณา
policy-view-referral-decided = เรื่องนี้{ $status ->
    [APPROVED] อนุมัติ
   *[DECLINED] ไม่อนุมัติ
}ไปแล้ว ผลการพิจารณาเปลี่ยนแปลงไม่ได้
policy-view-referral-decided-by = { $who } { $status ->
    [APPROVED] อนุมัติ
   *[DECLINED] ไม่อนุมัติ
}เรื่องนี้ไปแล้ว ผลการพิจารณาเปลี่ยนแปลงไม่ได้
policy-view-referral-not-permitted = บทบาทของคุณพิจารณาเรื่องส่งพิจารณาไม่ได้
policy-view-decline-needs-note = ระบุเหตุผลที่ไม่อนุมัติ ตัวแทนและลูกค้าจะสอบถาม
policy-view-conflict = มีการแก้ไขรายการนี้เมื่อ { $when } หลังจากที่คุณเปิดดู โหลดใหม่เพื่อดูการเปลี่ยนแปลง
policy-view-conflict-by = { $who } แก้ไขรายการนี้เมื่อ { $when } หลังจากที่คุณเปิดดู โหลดใหม่เพื่อดูการเปลี่ยนแปลง

## Cancellation
policy-view-cmi-code-refused = { $code ->
    [NON_PAYMENT] กรมธรรม์ พ.ร.บ. ยกเลิกเพราะไม่ชำระเบี้ยไม่ได้
   *[other] กรมธรรม์ พ.ร.บ. ยกเลิกตามคำขอของลูกค้าไม่ได้
} ประกันภาคบังคับสิ้นผลก่อนกำหนดได้เฉพาะเมื่อขายรถ รถเสียหายสิ้นเชิง รถถูกยกเลิกทะเบียน มี พ.ร.บ. ซ้ำซ้อน หรือแถลงข้อความอันเป็นเท็จ
policy-view-party-refused = { $party ->
    [INSURED] เหตุนี้บริษัทประกันภัยเป็นผู้บอกเลิก เลือกผู้บอกเลิกเป็นบริษัทประกันภัย
   *[INSURER] เหตุนี้ผู้เอาประกันภัยเป็นผู้บอกเลิก เลือกผู้บอกเลิกเป็นผู้เอาประกันภัย
}
policy-view-cancel-needs-reason = ระบุเหตุผลของการยกเลิกกรมธรรม์
policy-view-cancel-date-future = การยกเลิกมีผลได้ตั้งแต่วันนี้ ({ $today }) หรือก่อนหน้านั้น
policy-view-cancel-date-after-end = กรมธรรม์สิ้นสุดแล้วเมื่อ { $end } ไม่มีความคุ้มครองเหลือให้ยกเลิก
policy-view-not-cancellable = ยกเลิกได้เฉพาะกรมธรรม์ที่มีผลหรือถูกระงับ กรมธรรม์นี้{ $status ->
    [DRAFT] ยังเป็นใบเสนอราคา
    [EXPIRED] หมดอายุแล้ว
    [CANCELLED] ถูกยกเลิกไปแล้ว
   *[other] อยู่ในสถานะ { $status }
}
policy-view-cancel-not-permitted = บทบาทของคุณยกเลิกกรมธรรม์ไม่ได้

## Database rules of migration 0019 (db::error::constraint_message)
constraint-referral-authority = วงเงินอนุมัติของคุณต่ำกว่าที่เรื่องส่งพิจารณานี้ต้องการ
constraint-referral-four-eyes = เรื่องส่งพิจารณาต้องพิจารณาโดยผู้อื่นที่ไม่ใช่ผู้ส่งเรื่อง
constraint-referral-decided-once = เรื่องนี้พิจารณาไปแล้ว ผลการพิจารณาเปลี่ยนแปลงไม่ได้
constraint-referral-fixed = กฎ เหตุผล และวงเงินที่ต้องใช้ของเรื่องส่งพิจารณาเปลี่ยนแปลงไม่ได้
constraint-cmi-cancellation = กรมธรรม์ พ.ร.บ. สิ้นผลก่อนกำหนดได้เฉพาะเมื่อขายรถ รถเสียหายสิ้นเชิง รถถูกยกเลิกทะเบียน มี พ.ร.บ. ซ้ำซ้อน หรือแถลงข้อความอันเป็นเท็จ
