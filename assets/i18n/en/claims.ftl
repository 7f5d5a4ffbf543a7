## claims

screen-claims = Claims

## The queues
claims-tab-unassigned = Unassigned
claims-tab-mine = Mine
claims-tab-awaiting = Awaiting approval
claims-tab-investigation = Investigation
claims-tab-all-open = All open
claims-about-unassigned = Reported and not yet taken, oldest first. n takes the oldest for you.
claims-about-mine = Open claims assigned to you, oldest first.
claims-about-awaiting = Assessed claims whose approval is over someone's authority: approve them with A.
claims-about-investigation = Open claims the fraud rules (or a person) sent to investigation.
claims-about-all-open = Every open claim.
claims-help-tab-digits = Open that tab
claims-live-on = live
claims-live-off = not live
claims-loading = Loading the claims…
claims-column-number = Claim
claims-column-plate = Plate
claims-column-customer = Customer
claims-column-type = Type
claims-column-status = Status
claims-column-age = Age
claims-column-estimate = Estimate
claims-column-approved = Approved
claims-age-days = { $days ->
    [one] 1 day
   *[other] { $days } days
}
claims-amount-asked = asked { $amount }

## The All open filter
claims-filter-title = Filter the open claims
claims-filter-status = Status
claims-filter-type = Claim type
claims-filter-province = Province
claims-filter-province-placeholder = name or code, empty for any
claims-filter-min-amount = At least (฿)
claims-filter-min-age = At least (days old)
claims-filter-any = any
claims-filter-keys = Enter apply · Tab next field · ←/→ choose · Esc cancel
claims-filter-no-province = No province is called “{ $typed }” (or several start so)
claims-filter-bad-amount = Enter an amount in baht, e.g. 50,000
claims-filter-bad-age = Enter a whole number of days
claims-filter-none = No filter: every open claim. Press / to filter.
claims-filter-shown = Filter: { $filter } (/ to change)
claims-filter-shown-amount = at least { $amount }
claims-filter-shown-age = { $days ->
    [one] at least 1 day old
   *[other] at least { $days } days old
}

## Take next, live updates
claims-taken = You took claim { $number }
claims-queue-empty = The queue is empty: no claim is waiting to be taken
claims-live-stopped = Live updates stopped: { $detail }. Trying again shortly.
claims-live-dropped = Live updates stopped: the connection dropped. Trying again shortly.
claims-live-resumed = Live updates are back

## One claim
claims-loading-one = Loading the claim…
claims-not-found = The claim is not there (or not yours to see)
claims-not-loaded = The claim has not loaded yet
claims-not-now = Not possible while the claim is { $status }
claims-activity = Assessments, history, settlement
claims-type-own-damage = { $kind }, own damage claimed
claims-field-type = Type
claims-field-policy = Policy
claims-field-period = Period
claims-field-customer = Customer
claims-field-plate = Plate
claims-field-vehicle = Vehicle
claims-field-incident = Incident
claims-field-reported = Reported
claims-field-location = Where
claims-field-what = What happened
claims-field-damage = Damage
claims-field-injury = Injuries
claims-field-other-party = Other party
claims-field-police = Police report
claims-field-adjuster = Adjuster
claims-field-surveyor = Surveyor
claims-amounts = Amounts
claims-field-estimated = Estimated
claims-field-assessed = Assessed
claims-field-requested = Asked to approve
claims-requested-by = { $amount } by { $who }
claims-field-approved = Approved
claims-approved-by = { $amount } by { $who }
claims-field-deductible = Deductible
claims-field-excess = Excess
claims-field-net = Net to pay
claims-field-settled = Settled
claims-fraud = Fraud checks
claims-fraud-score = Score { $score } of 100
claims-fraud-investigate = needs investigation
claims-fraud-none = No rule raised a flag
claims-fraud-flag = { $code ->
    [INCIDENT_WITHIN_30_DAYS_OF_INCEPTION] The incident was within 30 days of the policy's start
    [TWO_OR_MORE_CLAIMS_IN_12_MONTHS] Two or more claims in 12 months on this policy or vehicle
    [REPORTED_MORE_THAN_30_DAYS_LATE] Reported more than 30 days after the incident
    [ESTIMATE_AT_LEAST_80_PERCENT_OF_SUM_INSURED] The estimate is at least 80 % of the sum insured
    [THEFT_WITHOUT_POLICE_REPORT] A theft with no police report
    [THEFT_SOON_AFTER_INCEPTION] A theft soon after the policy started
   *[other] { $code }
}
claims-assessments = Assessments (newest first)
claims-history = Status history (newest first)
claims-settlements = Settlement
claims-none = none
claims-assessment-head = { $kind } · { $who } ({ $role }) · { $when }
claims-assessment-type = { $value ->
    [INITIAL] Initial
    [DETAILED] Detailed
    [RE_ASSESSMENT] Re-assessment
    [FINAL] Final
   *[other] { $value }
}
claims-assessor-type = { $value ->
    [ADJUSTER] adjuster
    [SURVEYOR] surveyor
    [GARAGE] garage
    [EXTERNAL] external
   *[other] { $value }
}
claims-item = • { $part }: { $action }, parts { $parts } + labour { $labour } = { $total }
claims-item-repair = repair
claims-item-replace = replace
claims-recommended = recommends { $amount }
claims-recommended-action = { $value ->
    [APPROVE] approve
    [REJECT] reject
    [INVESTIGATE] investigate
    [REQUEST_MORE_INFO] ask for more information
   *[other] { $value }
}
claims-liability = liability { $percent } %
claims-total-loss = total loss
claims-settlement-type = { $value ->
    [REPAIR] Repair
    [CASH] Cash
    [TOTAL_LOSS] Total loss
    [THIRD_PARTY] Third party
    [MEDICAL] Medical
   *[other] { $value }
}
claims-payee-type = { $value ->
    [INSURED] the insured
    [REPAIR_SHOP] repair shop
    [THIRD_PARTY] third party
    [HOSPITAL] hospital
   *[other] { $value }
}
claims-settlement-figures = { $gross } − deductible { $deductible } − excess { $excess } = { $net }
claims-at-fault = The insured was at fault (the renewal's no-claim discount counts it)
claims-not-at-fault = The insured was not at fault
claims-payout-waiting = Payout { $reference }: waiting for finance
claims-payout-status = Payout { $reference }: { $status }

## The prompts of a claim
claims-prompt-investigate = Start investigating
claims-prompt-reject = Reject the claim
claims-prompt-close = Close the claim
claims-prompt-approve = Approve the claim
claims-prompt-settle = Settle the claim
claims-prompt-assign = Assign to an adjuster
claims-prompt-send-surveyor = Send a surveyor
claims-prompt-keys = Enter confirm · Tab next field · Esc cancel
claims-prompt-move = { $from } → { $to }, with the reason kept in the history
claims-prompt-reason = Reason
claims-prompt-reason-needed = Say why: the reason is kept with the change
claims-prompt-amount = Amount (฿)
claims-prompt-bad-amount = Enter an amount in baht above nothing, e.g. 45,000.50
claims-prompt-assessed = Assessed: { $amount }
claims-prompt-requested = Asked to approve: { $amount } by { $who }
claims-prompt-authority = Your authority: { $amount }
claims-prompt-over-authority = Over your authority: it will wait in Awaiting approval for someone with enough
claims-prompt-deductions = Approved { $approved } − deductible { $deductible } − excess { $excess }
claims-prompt-net = Net to pay: { $net }
claims-prompt-settle-note = The payout waits for finance; the claim is settled when they pay it.
claims-prompt-settlement-type = Settlement
claims-prompt-payee-type = Paid to
claims-prompt-payee-name = Payee's name
claims-prompt-payee-needed = Name who is paid
claims-prompt-at-fault = Insured at fault
claims-prompt-bank-code = Bank code
claims-prompt-bank-code-placeholder = optional, e.g. 004
claims-prompt-bank-account = Account number
claims-prompt-bank-needed = Give the bank's code with the account
claims-prompt-account-needed = Give the account with the bank's code
claims-prompt-bad-bank = A bank code is three digits, e.g. 014
claims-prompt-bad-account = An account number is 10 to 15 digits
claims-prompt-adjuster = Adjuster
claims-prompt-surveyor = Surveyor
claims-prompt-nobody = Choose someone (←/→)
claims-prompt-staff-loading = Loading the staff list…
claims-prompt-assign-note = Only a senior adjuster assigns a claim to someone else.
claims-prompt-surveyor-note = The surveyor then sees the claim and may assess it.
claims-staff-adjuster = { $name } (up to { $authority })
claims-staff-surveyor = { $name }

## What an action did
claims-moved = The claim is now { $status }
claims-approved = Approved
claims-over-authority = Over your authority of { $authority } — sent to Awaiting approval
claims-assigned = Assigned
claims-surveyor-sent = The surveyor has the claim
claims-settled = Settled: { $net } to pay, payout { $reference } waiting for finance
claims-assessment-saved = Assessment saved
claims-conflict = { $who } changed this claim at { $when }; it is loaded again. Check, then confirm once more.
claims-registered = Claim { $number } registered
## Keys
action-next-tab = Next tab
action-prev-tab = Previous tab
action-take-next = Take the oldest unassigned claim
action-register = Register a new claim (first notice of loss)
action-investigate = Start investigating (with a reason)
action-assess = Assess the damage
action-approve = Approve an amount (within your authority, else it waits for a senior)
action-reject = Reject the claim (with a reason)
action-settle = Settle: the payout for finance
action-close-claim = Close the claim (with a reason)
action-assign = Assign to another adjuster (seniors)
action-send-surveyor = Send a surveyor
action-add-row = Add a row
action-delete-row = Delete the row
hint-next-tab = next tab
hint-prev-tab = previous tab
hint-take-next = take next
hint-register = new claim
hint-investigate = investigate
hint-assess = assess
hint-approve = approve
hint-reject = reject
hint-settle = settle
hint-close-claim = close
hint-assign = assign
hint-send-surveyor = surveyor
hint-add-row = add row
hint-delete-row = delete row
