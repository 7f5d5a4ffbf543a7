## claim_rules
