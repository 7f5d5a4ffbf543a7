# เบี้ยประกัน: การคำนวณเบี้ย ตารางอัตราเบี้ย และคำสั่ง `prakan quote`

## สิ่งที่การคำนวณเบี้ยไม่รับ
premium-error-no-rate = ตารางอัตราเบี้ยที่ใช้อยู่ไม่มีอัตราสำหรับ { $policy_type } ของรถประเภท { $vehicle_type } ลักษณะการใช้ { $usage }
premium-error-no-cmi-tariff = ไม่มีอัตราเบี้ย พ.ร.บ. ที่ประกาศไว้สำหรับรถกระบะรับจ้าง ให้คำนวณแบบใช้ส่วนบุคคล
premium-error-sum-insured-required = ประกันชั้น 1, 2+ และ 2 คุ้มครองมูลค่ารถ จึงต้องระบุทุนประกันมากกว่าศูนย์ (--sum-insured)
premium-error-ncb-not-allowed = ส่วนลดประวัติดีใช้กับประกันภาคสมัครใจเท่านั้น และต้องเป็น 0, 20, 30, 40 หรือ 50 %

## ตารางอัตราเบี้ย
premium-no-rating-table = ไม่มีตารางอัตราเบี้ยที่มีผลในวันที่ { $date } ผู้ดูแลระบบต้องเพิ่มตารางก่อน
premium-rating-table-unreadable = อ่านตารางอัตราเบี้ยไม่ได้: { $detail }

## prakan quote: ข้อมูลที่ใช้ไม่ได้
premium-bad-type = "{ $value }" ไม่ใช่ประเภทกรมธรรม์ ใช้ CMI, CLASS_1, CLASS_2_PLUS, CLASS_2, CLASS_3_PLUS หรือ CLASS_3 (หรือ 1, 2+, 2, 3+, 3)
premium-bad-vehicle-type = "{ $value }" ไม่ใช่ประเภทรถ ใช้ SEDAN, HATCHBACK, SUV, PICKUP, VAN หรือ MOTORCYCLE
premium-bad-usage = "{ $value }" ไม่ใช่ลักษณะการใช้รถ ใช้ PERSONAL, COMMERCIAL, TAXI หรือ RENTAL
premium-bad-year = --year ต้องเป็นปีที่ผลิตรถ ตั้งแต่ 1950 ถึง { $latest } แต่ได้ "{ $value }"
premium-need-year = ประกันภาคสมัครใจคิดเบี้ยตามอายุรถ ให้ระบุปีที่ผลิตด้วย --year
premium-bad-engine-cc = --engine-cc ต้องเป็นจำนวนเต็มของซีซีที่มากกว่าศูนย์ แต่ได้ "{ $value }"
premium-need-engine-cc = อัตราเบี้ย พ.ร.บ. ของรถจักรยานยนต์ขึ้นกับขนาดเครื่องยนต์ ให้ระบุด้วย --engine-cc
premium-bad-seats = --seats ต้องเป็นจำนวนเต็มตั้งแต่ 1 ถึง 100 แต่ได้ "{ $value }"
premium-bad-sum-insured = --sum-insured ต้องเป็นจำนวนเงินบาทที่มากกว่าศูนย์ เช่น 600000 แต่ได้ "{ $value }"
premium-bad-driver-age = --driver-age ต้องเป็นอายุของผู้ขับขี่ที่ระบุชื่อซึ่งอายุน้อยที่สุด ตั้งแต่ 18 ถึง 99 ปี แต่ได้ "{ $value }"
premium-bad-deductible = --deductible ต้องเป็นจำนวนเงินบาท ศูนย์หรือมากกว่า แต่ได้ "{ $value }"
premium-bad-ncb = --ncb ต้องเป็น 0, 20, 30, 40 หรือ 50 แต่ได้ "{ $value }"
premium-bad-start = --start ต้องเป็นวันที่ เช่น 2026-12-01 แต่ได้ "{ $value }"

## prakan quote: รายละเอียดเบี้ย
premium-quote-heading = ใบเสนอราคา: { $policy_type } · { $vehicle_type } · ใช้{ $usage } · เริ่มคุ้มครอง { $start }
premium-rating-table = ตารางอัตราเบี้ยที่มีผลตั้งแต่ { $date }
premium-cmi-tariff = พ.ร.บ.: อัตราเบี้ยตามประกาศ คปภ. ก่อนอากรแสตมป์และภาษีมูลค่าเพิ่ม
premium-column = { $column ->
        [step] ขั้นตอน
        [multiplier] ตัวคูณ
       *[amount] เบี้ย
    }
premium-step = { $step ->
        [TARIFF] อัตราเบี้ย พ.ร.บ. (คปภ.)
        [BASE] อัตราเบี้ยพื้นฐาน
        [OWN_DAMAGE] ความเสียหายต่อตัวรถตามทุนประกัน
        [FACTOR_VEHICLE_AGE] อายุรถ { $value } ปี
        [FACTOR_ENGINE_CC] เครื่องยนต์ { $value } ซีซี
        [FACTOR_SUM_INSURED] ทุนประกัน { $value }
        [FACTOR_DRIVER_AGE] ผู้ขับขี่อายุน้อยที่สุด { $value } ปี
        [FACTOR_DEDUCTIBLE] ค่าเสียหายส่วนแรก { $value }
        [SURCHARGE] เบี้ยเพิ่มจากประวัติเคลม { $value } %
        [NO_CLAIM_DISCOUNT] ส่วนลดประวัติดี { $value } %
       *[other] { $step } { $value }
    }
premium-field = { $field ->
        [base] เบี้ยก่อนหักส่วนลด
        [discount] ส่วนลดประวัติดี { $percent } %
        [net] เบี้ยสุทธิ
        [stamp] อากรแสตมป์
        [vat] ภาษีมูลค่าเพิ่ม 7 %
        [total] เบี้ยรวม
        [wht] ภาษีหัก ณ ที่จ่าย 1 % (นิติบุคคล)
       *[payable] ยอดชำระ
    }

## --help
help-quote-about = คำนวณเบี้ยประกัน: อัตราเบี้ย พ.ร.บ. หรือประกันภาคสมัครใจตามตารางอัตราเบี้ยที่มีผลในวันเริ่มคุ้มครอง พร้อมส่วนลดประวัติดี อากรแสตมป์ ภาษีมูลค่าเพิ่ม และภาษีหัก ณ ที่จ่าย 1 % สำหรับลูกค้านิติบุคคล
help-quote-arg-policy_type = CMI, CLASS_1, CLASS_2_PLUS, CLASS_2, CLASS_3_PLUS หรือ CLASS_3 (พิมพ์ 1, 2+, 2, 3+ และ 3 ก็ได้)
help-quote-arg-vehicle_type = SEDAN, HATCHBACK, SUV, PICKUP, VAN หรือ MOTORCYCLE
help-quote-arg-usage = PERSONAL (ค่าเริ่มต้น), COMMERCIAL, TAXI หรือ RENTAL (แท็กซี่และรถเช่าเสียเบี้ย พ.ร.บ. แบบรับจ้าง)
help-quote-arg-year = ปีที่ผลิตรถ เป็น ค.ศ. หรือ พ.ศ. ก็ได้ (จำเป็นสำหรับประกันภาคสมัครใจ ใช้คิดอายุรถ)
help-quote-arg-engine_cc = ขนาดเครื่องยนต์เป็นซีซี (จำเป็นสำหรับ พ.ร.บ. รถจักรยานยนต์)
help-quote-arg-seats = จำนวนที่นั่ง (อัตราเบี้ย พ.ร.บ. ของรถตู้และรถโดยสารขึ้นกับที่นั่ง ถ้าไม่ระบุถือว่า 5)
help-quote-arg-sum_insured = ทุนประกันเป็นบาท (ชั้น 1, 2+ และ 2)
help-quote-arg-driver_age = อายุของผู้ขับขี่ที่ระบุชื่อซึ่งอายุน้อยที่สุด ถ้าไม่ระบุถือว่าไม่ระบุชื่อผู้ขับขี่
help-quote-arg-deductible = ค่าเสียหายส่วนแรกเป็นบาท (ถ้าไม่ระบุคือ 0)
help-quote-arg-ncb = ส่วนลดประวัติดี: 0, 20, 30, 40 หรือ 50 %
help-quote-arg-juristic = ลูกค้าเป็นนิติบุคคล: แสดงภาษีหัก ณ ที่จ่าย 1 % และยอดที่ลูกค้าชำระ
help-quote-arg-start = วันเริ่มคุ้มครอง (เช่น 2026-12-01 ถ้าไม่ระบุคือวันนี้ตามเวลากรุงเทพฯ) ใช้เลือกตารางอัตราเบี้ยและคิดอายุรถ
help-quote-arg-json = แสดงเป็นออบเจกต์ JSON เดียว (จำนวนเงินเป็นข้อความถึงหลักสตางค์) แทนตาราง
