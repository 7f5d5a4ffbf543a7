# renewals
# Renewals: the queue, renewing one policy, the batch (`prakan renew`) and its benchmark.

## Words for database values
renewal-type = { $value ->
    [AUTOMATIC] Automatic
    [MANUAL] Manual
    [EARLY] Early
   *[other] { $value }
}
renewal-channel = { $value ->
    [BRANCH] Branch
    [AGENT] Agent
    [CALL_CENTER] Call centre
    [WEB] Web
    [MOBILE] Mobile app
   *[other] { $value }
}
renewal-ncb-reason = { $value ->
    [CLAIM_FREE] Claim-free year: one step up
    [ONE_CLAIM] One claim at fault or without a named counterparty: one step down
    [SEVERAL_CLAIMS] Several claims, at most twice the premium: one step down
    [SEVERAL_CLAIMS_OVER_TWICE_THE_PREMIUM] Several claims over twice the premium: two steps down, or a surcharge
    [NOT_AT_FAULT_ONLY] Only claims not at fault with a named counterparty: the NCB stays
   *[other] { $value }
}

## Errors
renewal-error-changed = This policy was changed at { $when }, after you opened it. Reload it and renew again.
renewal-error-changed-by = { $who } changed this policy at { $when }, after you opened it. Reload it and renew again.
renewal-error-gone = The policy, its customer or its vehicle is no longer there.
renewal-error-already-renewed = This policy has already been renewed, as { $number }.
renewal-error-not-renewable = A policy that is { $status } (cover ended { $end }) cannot be renewed: only policies in force, or lapsed within the grace period.
renewal-error-overlap = The vehicle already has this kind of cover from { $start } to { $end } ({ $number }): the renewal would overlap it.
renewal-error-sum-insured = A { $policy_type } renewal cannot take that sum insured: it must be above zero, and only classes 1, 2+ and 2 have one.
renewal-error-deductible = A { $policy_type } renewal cannot take that deductible: it must be zero or more, on voluntary cover.

## prakan renew
renew-cli-bad-days = --due-within takes a number of days from 0 to 366.
renew-cli-starting = Renewing the policies due on { $date }…
renew-cli-starting-dry = Dry run: working out the renewals due on { $date }, writing nothing…
renew-cli-progress = { $done }/{ $total } policies ({ $percent } %) · { $renewed } renewed · { $referred } referred · { $rate } policies/s · ETA { $eta }
renew-cli-stopping = Stopping after the chunks in flight (each is one transaction: none is left half done)…
renew-cli-column = { $column ->
    [what] What
    [value] Count
   *[other] { $column }
}
renew-cli-row = { $what ->
    [window] Horizon (days)
    [candidates] Policies due
    [renewed] Renewed and issued
    [referred] Referred (draft renewals waiting for approval)
    [overlap] Skipped: the vehicle already has such cover
    [taken] Skipped: renewed, cancelled or busy meanwhile
    [failed] Failed
    [premium-before] Last year's premium (renewed and referred)
    [premium-after] New premium
    [elapsed] Seconds
    [rate] Policies per second
   *[other] { $what }
}
renew-cli-failures = { $count } policies could not be renewed; the first of them:
renew-cli-referred-note = Referred renewals are drafts with pending referrals: issue them from the referral queue once approved.
renew-cli-cancelled = Stopped before the end: run it again to renew the rest (nothing is renewed twice).
renew-cli-dry-run-note = Dry run: every chunk was rolled back; nothing was written.

## prakan db maintain
cli-policies-expired = { $count ->
    [0] No policy had ended unexpired.
    [one] 1 policy whose cover ended is now EXPIRED.
   *[other] { $count } policies whose cover ended are now EXPIRED.
}

## prakan bench renew
bench-renew-copy-failed = Could not copy the database for the benchmark (close other prakan sessions on it first): { $detail }
bench-renew-failed = The renewal benchmark failed: { $detail }
bench-renew-column = { $column ->
    [what] Measure
    [value] Value
   *[other] { $column }
}
bench-renew-row = { $what ->
    [database] Policies in the database (copied)
    [window] Horizon (days) holding enough due policies
    [candidates] Policies due
    [renewed] Renewed and issued
    [referred] Referred
    [skipped] Skipped
    [failed] Failed
    [workers] Workers × policies per transaction
    [seconds] Batch seconds
    [rate] Policies per second
    [copy] Seconds to copy the database
    [pgbench] pgbench TPC-B-like, same cluster
   *[other] { $what }
}
bench-renew-pgbench = { $tps } tps, { $latency } ms average ({ $clients } clients, { $seconds } s)

## --help
help-renew-about = Renew the policies due: each priced with the no-claim discount its claims earn, issued (or left as a draft with referrals when a rule says so), in chunks of one transaction, with progress.
help-renew-arg-due_within = Renew the policies ending within this many days (default: the setting RENEWAL_QUEUE_DAYS), and those lapsed within the grace period.
help-renew-arg-auto_only = Only the policies whose customer asked for automatic renewal.
help-renew-arg-dry_run = Work everything out, then roll it back: the counts are exact, nothing is written.
help-renew-arg-workers = Chunks renewed at once, each on its own connection.
help-bench-arg-renewals = renew: due policies to renew (the horizon is widened until it holds this many).
help-bench-arg-due_within = renew: the horizon to start from, in days.
help-bench-arg-workers = renew: chunks renewed at once, each on its own connection (and pgbench's clients).
help-bench-arg-chunk = renew: policies per transaction.
