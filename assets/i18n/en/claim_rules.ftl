## claim_rules
# The claim rules migration 0021 enforces in the database, as db::error::constraint_message
# names them: the sentence a person sees when the database refuses a change to a claim.

constraint-claim-starts-reported = A new claim starts as reported, unassigned and without an approved amount.
constraint-claim-coverage = The policy does not cover this claim on the incident date.
constraint-claim-fixed = A claim's policy and claim number cannot change.
constraint-claim-assignment = You may take an unassigned claim for yourself; only a senior adjuster assigns claims to others.
constraint-claim-assignee = An assigned claim needs an adjuster, and only an active adjuster can be assigned.
constraint-claim-surveyor = Only an active surveyor can be sent to a claim.
constraint-claim-approved-amount-fixed = The approved amount is set only by approving the claim and cannot change afterwards.
constraint-claim-approval-request = Only an assessed claim can wait for approval.
constraint-claim-approval-requested-amount = The amount to be approved must be more than zero.
constraint-claim-transition = A claim cannot move from its current status to that one.
constraint-claim-transition-reason = A change of status needs a reason.
constraint-claim-assessed = A claim becomes assessed only with an assessment and an assessed amount.
constraint-claim-approved-amount = An approval needs an amount of more than zero.
constraint-claim-approval-authority = The amount is above your approval authority: request approval from someone with enough authority.
constraint-claim-settled = A claim is settled once finance has paid its settlement.
constraint-settlement-approved = Only an approved claim can be settled.
constraint-settlement-once = This claim already has a settlement.
constraint-settlement-figures = A settlement pays the approved amount less the policy's deductible and, where it applies, the 1,000 baht compulsory excess.
constraint-settlement-payout-paid = A settlement is marked paid only once its payout has gone out.
constraint-settlement-payment = A settlement needs its own pending payout of the same net amount.
