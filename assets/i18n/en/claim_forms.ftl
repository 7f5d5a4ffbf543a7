## claim_forms

## Reading what is typed on the claim forms
claimform-need-policy = Pick the policy the claim is on (Enter on this field).
claimform-need-date = Enter the day it happened.
claimform-date-future = The incident date is in the future.
claimform-need-time = Enter the time it happened, as HH:MM.
claimform-time-unreadable = Type the time as HH:MM, e.g. 14:30.
claimform-time-no-such-time = There is no such time: hours 00–23, minutes 00–59.
claimform-time-future = The incident time is in the future.
claimform-coordinates = Write latitude, longitude, e.g. 13.7563, 100.5018.
claimform-coordinates-range = Latitude is −90 to 90, longitude −180 to 180: latitude first.
claimform-need-description = Describe what happened.
claimform-phone = Not a Thai phone number; e.g. 081-234-5678.
claimform-police-report-long = At most { $max } characters.
claimform-amount-zero = Leave it empty or enter more than 0.
claimform-amount-unreadable = Enter baht, e.g. 12,500 or 12500.50.
claimform-amount-negative = An amount cannot be negative.
claimform-amount-satang = At most two decimals (satang).
claimform-amount-too-large = At most { $max }.
claimform-percentage = Enter a percentage from 0 to 100.

## First notice of loss
fnol-title = Report a claim
fnol-section-policy = Policy
fnol-policy = Policy
fnol-section-incident = What happened
fnol-date = Date
fnol-time = Time
fnol-type = Claim type
fnol-own-damage = Own car damaged
fnol-section-place = Where
fnol-place = Province, district
fnol-place-hint = Type to narrow · Enter chooses · Esc goes back
fnol-place-whole-province = (whole province)
fnol-location = Place
fnol-coordinates = Lat, lng
fnol-section-descriptions = Descriptions
fnol-incident = Incident
fnol-damage = Damage
fnol-injury = Injuries
fnol-section-other-party = Other party
fnol-other-name = Name
fnol-other-plate = Plate
fnol-other-insurer = Insurer
fnol-other-phone = Phone
fnol-section-report = Report and estimate
fnol-police-report = Police report no.
fnol-estimate = Estimate (THB)
fnol-placeholder-date = dd/mm/yyyy (Buddhist or Christian year)
fnol-placeholder-time = HH:MM
fnol-placeholder-coordinates = e.g. 13.7563, 100.5018
fnol-placeholder-optional = optional
fnol-keys = Enter next/choose · ←/→ or Space change · Ctrl-S register · Esc close
fnol-search-title = Which policy?
fnol-search-hint = Type a policy or claim number, plate, phone, national ID or name ({ $least } characters or more) · ↑/↓ · Enter pick · Esc close
fnol-searching = Searching…
fnol-no-policies = No policy found for that.
fnol-panel = Before registering
fnol-panel-pick-policy = Pick the policy first: its cover is checked here as the form is filled in.
fnol-sum-insured = Sum insured { $amount }
fnol-check-incomplete = The cover and earlier claims are checked once the form is complete:
fnol-checking = Checking the cover and earlier claims…
fnol-covered = The policy covers this claim.
fnol-coverage = { $problem ->
    [NO_POLICY] The policy cannot be found any more.
    [NOT_IN_FORCE] The policy was not in force on the incident date.
    [INCIDENT_IN_FUTURE] The incident time is in the future.
    [THIRD_PARTY_ONLY_FOR_ACCIDENTS] Without damage to the insured car, only an accident (third party or injury) can be claimed.
    [CMI_NO_OWN_DAMAGE] Compulsory cover (CMI) pays for injuries, not for damage to the car: set "Own car damaged" to no.
    [NO_THEFT_OR_FIRE] { $class ->
        [CLASS_3_PLUS] Class 3+
       *[other] Class 3
    } does not cover theft or fire.
    [NEEDS_COUNTERPARTY] 2+ and 3+ pay for own collision damage only when the other party is named — add their name or plate.
    [NO_OWN_COLLISION_DAMAGE] { $class ->
        [CLASS_2] Class 2
       *[other] Class 3
    } does not pay for collision damage to the insured car.
    [CLASS_1_ONLY] Only Class 1 covers flood, vandalism and natural disasters.
   *[other] The policy does not cover this claim.
}
fnol-duplicate = Possible duplicate: { $number }, { $kind }, { $date }, { $status }
fnol-duplicates-more = … and { $count } more possible duplicates.
fnol-checking-first = Checking the cover first: press Ctrl-S again when the check is shown.
fnol-wait-for-check = The cover is still being checked: press Ctrl-S again in a moment.
fnol-not-covered = Not covered as it stands: see the check beside the form.
fnol-duplicate-confirm = A likely duplicate exists: press Ctrl-S again to register anyway.
fnol-registering = Registering the claim…
fnol-registered = Registered as { $number }.
fnol-registered-keys = { $number } registered · Esc closes the form.
fnol-fraud-flags = Fraud rules it meets:
fnol-no-fraud-flags = No fraud rule flagged it.
fnol-investigation = Sent to the Investigation queue.
fnol-no-investigation = Not sent for investigation: it waits in Unassigned.

## Assessment
assess-title = Assessment · { $number }
assess-type = Assessment
assess-type-value = { $value ->
    [INITIAL] initial
    [DETAILED] detailed
    [RE_ASSESSMENT] re-assessment
    [FINAL] final
   *[other] { $value }
}
assess-section-items = Damage items
assess-rows-keys = Ctrl-N add · Ctrl-D delete
assess-col-part = Part
assess-col-action = Action
assess-col-parts = Parts
assess-col-labour = Labour
assess-repair-action = { $value ->
    [REPAIR] repair
    [REPLACE] replace
   *[other] { $value }
}
assess-section-estimates = Repair estimates
assess-col-shop = Shop
assess-col-quote = Quote
assess-add-estimate = + Add a shop's quote (Enter)
assess-liability = Liability %
assess-salvage = Salvage (THB)
assess-recommended = Recommend (THB)
assess-action = Action
assess-action-value = { $value ->
    [APPROVE] approve
    [REJECT] reject
    [INVESTIGATE] investigate
    [REQUEST_MORE_INFO] ask for more information
   *[other] { $value }
}
assess-notes = Notes
assess-placeholder-liability = 0–100, the insured's fault
assess-placeholder-optional = optional
assess-placeholder-total = the damage total
assess-keys = Tab next · ←/→ change · Ctrl-N/Ctrl-D add/delete row · Ctrl-S save · Esc close
assess-saved = Assessment saved · Esc closes the form.
assess-need-item = Describe at least one damaged part.
assess-empty-row = Fill in this row or delete it (Ctrl-D).
assess-need-part = Name the damaged part.
assess-need-cost = Enter the parts or labour cost.
assess-need-shop = Name the repair shop.
assess-need-quote = Enter the shop's quote, more than 0.
assess-need-liability = Enter the insured's share of the fault, 0 to 100 %.
assess-need-notes = Say why in the notes.
assess-one-item = An assessment keeps at least one damage item.
assess-delete-where = Ctrl-D deletes the table row the cursor is in.
assess-over-sum-insured = More than the sum insured ({ $amount }).
assess-panel = Figures
assess-damage-total = Damage total
assess-sum-insured = Sum insured
assess-total-loss-line = 70 % of it
assess-total-loss-yes = TOTAL LOSS: the damage is { $percent } % of the sum insured (≥ 70 %). The insurer pays the sum insured and takes the wreck.
assess-total-loss-no = Not a total loss: the damage is { $percent } % of the sum insured (a total loss is ≥ 70 %).
assess-no-sum-insured = No sum insured on this policy: total loss does not apply.
assess-lowest-estimate = { $count ->
    [1] Shop's quote
   *[other] Lowest of { $count } quotes
}
assess-on-approval = On approval
assess-recommended-figure = Recommended
assess-deductible = Policy deductible
assess-excess = Compulsory excess
assess-net = Net payable
assess-excess-why = The 1,000 baht excess: own damage not from a collision with a named other party.
