# Policies: the issue form, its live quote, the referral and renewal queues.

## Screens
screen-policy = Policy
screen-issue = Issue a policy

## Words for database values
enum-payment-plan = { $value ->
    [FULL] Paid in full
    [INSTALLMENT_6] 6 monthly instalments
    [INSTALLMENT_12] 12 monthly instalments
   *[other] { $value }
}
enum-remainder = { $value ->
    [FIRST] Odd satang on the first instalment
    [LAST] Odd satang on the last instalment
   *[other] { $value }
}
enum-referral-rule = { $value ->
    [VEHICLE_AGE] Old vehicle for Class 1
    [SUM_INSURED_AUTHORITY] Sum insured above authority
    [HIRE_USAGE] Taxi or rental use
    [CLAIMS_HISTORY] Claims in the last year
   *[other] { $value }
}
enum-referral-status = { $value ->
    [PENDING] Waiting
    [APPROVED] Approved
    [DECLINED] Declined
   *[other] { $value }
}

## The issue form
policy-issue-title = Issue a policy
policy-quote-title = Quote for a customer
policy-section-vehicle = Vehicle
policy-section-cover = Cover
policy-section-riders = Riders
policy-section-period = Period and payment
policy-vehicle = Vehicle
policy-type = Policy type
policy-sum-insured = Sum insured (THB)
policy-deductible = Deductible (THB)
policy-driver-age = Youngest driver's age
policy-placeholder-driver-age = empty: any driver
policy-third-party-property = Third-party property (THB)
policy-third-party-injury = Third-party injury/person
policy-personal-accident = Personal accident/person
policy-medical = Medical expenses/person
policy-bail-bond = Bail bond
policy-start = Cover starts
policy-placeholder-date = dd/mm/yyyy (Buddhist or Christian year)
policy-period = Period
policy-ncb = No-claim discount
policy-plan = Payment plan
policy-remainder = Odd satang
policy-method = Payment method
policy-auto-renewal = Renew automatically
policy-months = { $months } months
policy-percent = { $percent } %
policy-issue-keys = Enter on the vehicle: find it · ←/→ choose · Ctrl-S issue
policy-quote-keys = Enter on the vehicle: find it · ←/→ choose · Ctrl-S save quote

## Checks beside the fields
policy-need-vehicle = Pick the vehicle to insure (Enter on this field).
policy-need-sum-insured = This class insures the car's value: enter the sum insured.
policy-need-start = Enter the day cover starts.
policy-amount-between = Enter whole baht from { $low } to { $high }.
policy-driver-age-range = A named driver is 18 to 99 years old.
policy-start-past = Cover cannot start in the past.
policy-start-too-late = Cover may start at most { $days } days ahead.
policy-period-choice = Choose 6, 12, 24 or 36 months.
policy-period-cmi = Compulsory cover (CMI) runs for 12 months.
policy-ncb-ladder = The no-claim discount is 0, 20, 30, 40 or 50 %.
policy-ncb-cmi = Compulsory cover (CMI) has no no-claim discount.

## Finding the vehicle
policy-pick-vehicle-title = Which vehicle?
policy-pick-vehicle-hint = Type a plate, phone, national ID, policy number or name · ↑/↓ · Enter pick · Esc close
policy-searching = Searching…
policy-no-vehicles = No vehicle found for that.

## The live quote
policy-quote-panel = Premium
policy-quote-pick-vehicle = Pick a vehicle to see the premium.
policy-quote-loading = Loading the rating table…
policy-quote-incomplete = The premium shows once the cover is complete and valid.
policy-quote-not-ready = The premium is not priced yet: check the fields in red.
policy-quote-rating = How it is rated
policy-step = { $value ->
    [TARIFF] OIC tariff
    [BASE] Base premium
    [OWN_DAMAGE] Own damage
    [SURCHARGE] Claims surcharge
    [NO_CLAIM_DISCOUNT] No-claim discount
   *[other] { $value }
}
policy-step-factor = { $value ->
    [VEHICLE_AGE] Vehicle age
    [ENGINE_CC] Engine size
    [SUM_INSURED] Sum insured band
    [DRIVER_AGE] Driver age
    [DEDUCTIBLE] Deductible
   *[other] { $value }
}
policy-base-premium = Premium before discount
policy-ncb-discount = No-claim discount { $percent } %
policy-net-premium = Net premium
policy-stamp-duty = Stamp duty
policy-vat = VAT 7 %
policy-total = Total
policy-withholding = Withholding tax 1 % (juristic)
policy-payable = The customer pays
policy-schedule = { $count ->
    [1] Paid at once:
   *[other] { $count } instalments:
}

## Issuing
policy-confirm-title = Issue this policy?
policy-confirm-issue = Issue this policy now? It takes effect on the start date and its payments fall due.
policy-confirm-quote = Save this quote for an underwriter to issue?
policy-confirm-keys = Enter confirm · Esc go back
policy-issued = Policy { $number } issued.
policy-referred = Saved as quote { $number }: it needs approval before it can be issued.
policy-quote-saved = Saved as quote { $number }.
policy-overlap = Policy { $number } already gives this vehicle this kind of cover ({ $start } to { $end }).
constraint-referral-approved = This policy meets an underwriting rule: it needs an approved referral before it can be issued.
policy-quote-start-passed = Quote for cover starting { $start }: that day has passed. Quote again with a new start.
policy-quote-price-changed = The quote no longer prices to its stored premium (its cover was changed, or the rating table): quote again.
policy-changed-since = { $who } changed this policy after you opened it: open it again.

## Keys
action-decide = Approve or decline the quote's referral
action-issue-quote = Issue the quote (once nothing waits for approval)
action-renew = Renew the selected policies (or the one under the cursor)
action-select = Select or unselect the row
action-cancel-policy = Cancel the policy (refund for finance)
action-new-policy = Quote or issue a policy for the selected vehicle
hint-new-policy = new policy
hint-decide = approve/decline
hint-issue-quote = issue
hint-renew = renew
hint-select = select
hint-cancel-policy = cancel policy

## Quotes and referrals
screen-quotes = Quotes and referrals
quotes-column-number = Quote
quotes-column-type = Type
quotes-column-customer = Customer
quotes-column-plate = Plate
quotes-column-start = Starts
quotes-column-total = Total
quotes-column-referrals = Referrals
quotes-column-by = Quoted by
quotes-loading = Loading the quotes…
quotes-summary = { $quotes } quotes to issue · { $referrals } referrals waiting for a decision
quotes-waiting-count = { $count } waiting
quotes-declined-count = { $count } declined
quotes-approved-all = approved
quotes-no-referral = –
quotes-none-selected = Choose a quote first.
quotes-nothing-to-decide = This quote has no referral waiting for a decision.
quotes-still-referred = Quote { $number } still waits for approval (or was declined): it cannot be issued yet.
quotes-decide-title = Referral
quotes-authority-needed = Needs an authority of at least { $amount }
quotes-referred-by = Referred by { $who } on { $when }
quotes-approve = Approve
quotes-decline = Decline
quotes-note = Note
quotes-decide-keys = ←/→ approve or decline · type a note (needed to decline) · Enter decide · Esc close
quotes-not-yours-to-approve = You referred this, or it is beyond your authority: the database will refuse an approval.
quotes-approved = Referral approved.
quotes-declined = Referral declined.

## prakan bench issue
bench-issue-as = Issued as { $who } into a book of { $policies } policies; the policies issued are removed afterwards.
bench-issue-column = { $column ->
        [clients] clients
        [ops] policies
        [p50] p50 ms
        [p95] p95 ms
        [p99] p99 ms
       *[throughput] policies/s
    }
bench-issue-referred = { $count } of them met a referral rule and were saved as quotes (whole transactions all the same).
bench-issue-pgbench = pgbench TPC-B-like, { $clients } clients, { $seconds } s: { $tps } transactions/s; issuing reached { $share } % of that.

## The policy view
policy-view-loading = Loading the policy…
policy-view-activity = Payments, claims and documents
policy-view-customer = Customer
policy-view-period = Period
policy-view-quote-number = Quote number
policy-view-issued = Issued
policy-view-yes = yes
policy-view-no = no
policy-view-cancelled-on = Cancelled { $when }: { $reason }
policy-view-paid = Paid
policy-view-outstanding = Still to pay
policy-view-refunds = Refunds
policy-view-referrals = Referrals
policy-view-chain = Renewals
policy-view-payments = Payment schedule and payments
policy-view-claims = Claims
policy-view-documents = Documents
policy-view-none = none
policy-view-not-yours = not shown to your role
policy-view-document = { $kind } (version { $version }) · { $path } · { $at }
policy-view-not-loaded = The policy has not loaded yet.
policy-view-no-history-right = Your role does not read the history of records.
policy-view-no-cancel-right = Your role may not cancel policies.
policy-view-cancel-title = Cancel the policy
policy-view-code = Reason
policy-view-party = Cancelled by
policy-view-cancel-date = Effective
policy-view-reason = Why
policy-view-entitlement = Premium returned
policy-view-refund-due = Refund to pay
policy-view-unpaid-to-cancel = { $count } unpaid instalments ({ $amount }) are called off.
policy-view-working-out = Working out the refund…
policy-view-reason-needed = Write why the policy is cancelled.
policy-view-cancel-keys = Tab next · ←/→ choose · Enter cancel the policy · Esc close
policy-view-confirm-cancel = Cancel this policy now? A refund of { $refund } goes to finance to pay. This cannot be undone.
policy-view-confirm-cancel-no-refund = Cancel this policy now? Nothing is refunded. This cannot be undone.
policy-view-cancelled = Policy cancelled.
policy-view-cancelled-refund = Policy cancelled: a refund of { $refund } waits for finance.

## The renewal queue
screen-renewals = Renewals
renewals-title = Renewal
renewals-column-policy = Policy
renewals-column-customer = Customer
renewals-column-plate = Plate
renewals-column-ends = Ends (days)
renewals-column-last = Last premium
renewals-column-claims = Claims
renewals-column-ncb = NCB
renewals-column-new = New premium
renewals-column-change = Change
renewals-loading = Loading the policies due for renewal…
renewals-not-loaded = The queue has not loaded yet.
renewals-summary = { $shown } of { $total } policies due for renewal shown · { $selected } selected · ↻ renews automatically
renewals-confirm-many = Renew the { $count } selected policies on their current terms? Each is priced and issued on its own.
renewals-renewed = Renewed as { $number }: { $total }.
renewals-renewed-many = { $renewed } renewed, { $referred } referred for approval, { $refused } refused.
renewals-review-period = The new period starts { $start }.
renewals-review-last = Last year: { $total } with { $ncb } % no-claim discount.
renewals-review-claims = Claims in the period: { $claims } ({ $counted } count against the discount).
renewals-review-ncb = No-claim discount next year: { $next } %, surcharge { $surcharge } % ({ $reason }).
renewals-review-new = New premium: { $total } (change { $change }).
renewals-review-note = Change the terms below if the customer asks; the renewal is priced again with them.
renewals-review-keys = Tab next · ←/→ Space choose · Enter renew · Esc close
