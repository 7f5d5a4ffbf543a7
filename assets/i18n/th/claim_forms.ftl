## claim_forms
