# policy_view: one policy, its referrals and its cancellation (db::referrals,
# db::cancellation, db::policy_detail, domain::cancellation).

## Why a policy was cancelled (policies.cancellation_code) and by whom
policy-view-code-customer-request = At the customer's request
policy-view-code-vehicle-sold = Vehicle sold
policy-view-code-vehicle-written-off = Vehicle written off
policy-view-code-vehicle-deregistered = Vehicle deregistered
policy-view-code-duplicate-cover = Duplicate cover
policy-view-code-non-payment = Premium not paid
policy-view-code-misrepresentation = Misrepresentation
policy-view-party-insured = The insured
policy-view-party-insurer = The insurer

## How the refund was worked out
policy-view-basis-before-start = Cancelled before the cover started: the whole premium goes back.
policy-view-basis-after-end = Cancelled after the cover ended: nothing goes back.
policy-view-basis-short-rate = Short rate: { $percent } % of the premium goes back after { $days } days in force.
policy-view-basis-pro-rata = Pro rata: { $unexpired } of { $period } days were still to run.

## Referrals
policy-view-rule = { $rule ->
    [VEHICLE_AGE] Vehicle age
    [SUM_INSURED_AUTHORITY] Sum insured above authority
    [HIRE_USAGE] Taxi or rental use
   *[CLAIMS_HISTORY] Claims history
}
policy-view-referral-status = { $status ->
    [APPROVED] Approved
    [DECLINED] Declined
   *[PENDING] Waiting
}
policy-view-referral-authority = Your authority of { $authority } THB is below the { $required } THB this referral needs.
policy-view-referral-own = You referred this quote yourself: someone else must decide it.
policy-view-referral-decided = This referral was already { $status ->
    [APPROVED] approved
   *[DECLINED] declined
}; a decision is not changed.
policy-view-referral-decided-by = { $who } already { $status ->
    [APPROVED] approved
   *[DECLINED] declined
} this referral; a decision is not changed.
policy-view-referral-not-permitted = Your role may not decide referrals.
policy-view-decline-needs-note = Say why the referral is declined: the agent and the customer will ask.
policy-view-conflict = This was changed at { $when }, after you opened it. Reload to see the change.
policy-view-conflict-by = { $who } changed this at { $when }, after you opened it. Reload to see the change.

## Cancellation
policy-view-cmi-code-refused = { $code ->
    [NON_PAYMENT] A CMI (พ.ร.บ.) policy is not cancelled for non-payment
   *[other] A CMI (พ.ร.บ.) policy cannot be cancelled at the customer's request
}: compulsory cover ends early only when the vehicle is sold, written off or deregistered, when it duplicates another CMI, or for misrepresentation.
policy-view-party-refused = { $party ->
    [INSURED] The insurer cancels for this reason: choose the insurer as the party.
   *[INSURER] The insured cancels for this reason: choose the insured as the party.
}
policy-view-cancel-needs-reason = Write why the policy is cancelled.
policy-view-cancel-date-future = A cancellation takes effect today ({ $today }) or earlier.
policy-view-cancel-date-after-end = The policy ended on { $end }: there is nothing left to cancel.
policy-view-not-cancellable = Only an active or suspended policy can be cancelled; this one is { $status ->
    [DRAFT] still a quote
    [EXPIRED] expired
    [CANCELLED] already cancelled
   *[other] { $status }
}.
policy-view-cancel-not-permitted = Your role may not cancel policies.

## Database rules of migration 0019 (db::error::constraint_message)
constraint-referral-authority = Your authority is below what this referral needs.
constraint-referral-four-eyes = A referral must be decided by someone other than who referred it.
constraint-referral-decided-once = This referral was already decided; a decision is not changed.
constraint-referral-fixed = A referral's rule, reason and required authority cannot change.
constraint-cmi-cancellation = A CMI (พ.ร.บ.) policy ends early only when the vehicle is sold, written off or deregistered, when it duplicates another CMI, or for misrepresentation.
