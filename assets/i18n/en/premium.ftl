# Premiums: the rating engine, the rating tables, `prakan quote`.

## What the rating engine refuses
premium-error-no-rate = The rating table in force has no rate for { $policy_type } on a { $vehicle_type } for { $usage } use.
premium-error-no-cmi-tariff = No CMI tariff is published for a pickup for hire; quote it for private use.
premium-error-sum-insured-required = Classes 1, 2+ and 2 insure the vehicle's value, so they need a sum insured above zero (--sum-insured).
premium-error-ncb-not-allowed = A no-claim discount is for voluntary cover only, and is 0, 20, 30, 40 or 50 %.

## The rating tables
premium-no-rating-table = No rating table is in force on { $date }: an administrator must add one first.
premium-rating-table-unreadable = The rating table cannot be read: { $detail }

## prakan quote: input it cannot use
premium-bad-type = "{ $value }" is not a policy type: use CMI, CLASS_1, CLASS_2_PLUS, CLASS_2, CLASS_3_PLUS or CLASS_3 (or 1, 2+, 2, 3+, 3).
premium-bad-vehicle-type = "{ $value }" is not a vehicle type: use SEDAN, HATCHBACK, SUV, PICKUP, VAN or MOTORCYCLE.
premium-bad-usage = "{ $value }" is not a usage: use PERSONAL, COMMERCIAL, TAXI or RENTAL.
premium-bad-year = --year must be the year of manufacture, from 1950 to { $latest }; "{ $value }" is not.
premium-need-year = Voluntary cover is rated on the vehicle's age: give its year of manufacture with --year.
premium-bad-engine-cc = --engine-cc must be a whole number of cc above zero; "{ $value }" is not.
premium-need-engine-cc = The CMI tariff of a motorcycle depends on its engine size: give it with --engine-cc.
premium-bad-seats = --seats must be a whole number from 1 to 100; "{ $value }" is not.
premium-bad-sum-insured = --sum-insured must be an amount in baht above zero, e.g. 600000; "{ $value }" is not.
premium-bad-driver-age = --driver-age must be the youngest named driver's age, from 18 to 99; "{ $value }" is not.
premium-bad-deductible = --deductible must be an amount in baht, zero or more; "{ $value }" is not.
premium-bad-ncb = --ncb must be 0, 20, 30, 40 or 50; "{ $value }" is not.
premium-bad-start = --start must be a date such as 2026-12-01; "{ $value }" is not.

## prakan quote: the breakdown
premium-quote-heading = Quote: { $policy_type } · { $vehicle_type } · { $usage } use · cover from { $start }
premium-rating-table = Rating table in force from { $date }
premium-cmi-tariff = CMI: the OIC tariff, net of stamp duty and VAT
premium-column = { $column ->
        [step] step
        [multiplier] multiplier
       *[amount] premium
    }
premium-step = { $step ->
        [TARIFF] CMI tariff (OIC)
        [BASE] base rate
        [OWN_DAMAGE] own damage on the sum insured
        [FACTOR_VEHICLE_AGE] vehicle age { $value } years
        [FACTOR_ENGINE_CC] engine { $value } cc
        [FACTOR_SUM_INSURED] sum insured { $value }
        [FACTOR_DRIVER_AGE] youngest driver { $value } years old
        [FACTOR_DEDUCTIBLE] deductible { $value }
        [SURCHARGE] claims surcharge { $value } %
        [NO_CLAIM_DISCOUNT] no-claim discount { $value } %
       *[other] { $step } { $value }
    }
premium-field = { $field ->
        [base] premium before discounts
        [discount] no-claim discount { $percent } %
        [net] net premium
        [stamp] stamp duty
        [vat] VAT 7 %
        [total] total
        [wht] withholding tax 1 % (juristic customer)
       *[payable] payable
    }

## --help
help-quote-about = Quote a premium: the CMI tariff, or a voluntary class rated from the rating table in force on the start date, with the no-claim discount, stamp duty, VAT and, for a juristic customer, the 1 % withholding tax.
help-quote-arg-policy_type = CMI, CLASS_1, CLASS_2_PLUS, CLASS_2, CLASS_3_PLUS or CLASS_3 (1, 2+, 2, 3+ and 3 do too).
help-quote-arg-vehicle_type = SEDAN, HATCHBACK, SUV, PICKUP, VAN or MOTORCYCLE.
help-quote-arg-usage = PERSONAL (the default), COMMERCIAL, TAXI or RENTAL (taxis and rental cars pay the CMI tariff for hire).
help-quote-arg-year = The year of manufacture, Christian or Buddhist Era (needed for voluntary classes: it gives the vehicle's age).
help-quote-arg-engine_cc = The engine size in cc (needed for a motorcycle's CMI).
help-quote-arg-seats = Seats (the CMI tariff of vans and buses depends on them; 5 when not given).
help-quote-arg-sum_insured = The sum insured in baht (classes 1, 2+ and 2).
help-quote-arg-driver_age = The youngest named driver's age; without it the drivers are unnamed.
help-quote-arg-deductible = The deductible in baht (0 when not given).
help-quote-arg-ncb = The no-claim discount: 0, 20, 30, 40 or 50 %.
help-quote-arg-juristic = The customer is a juristic person: show the 1 % withholding tax and what they pay.
help-quote-arg-start = The day cover starts (e.g. 2026-12-01; today in Bangkok when not given): it picks the rating table and the vehicle's age.
help-quote-arg-json = Print one JSON object (amounts as strings to the satang) instead of the table.
