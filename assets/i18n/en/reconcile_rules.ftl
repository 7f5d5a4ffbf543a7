## reconcile_rules
# The reconciliation rules migration 0022 enforces in the database, as
# db::error::constraint_message names them: the sentence a person sees when the database
# refuses a statement import, a match or a receipt.

## Bank accounts and saved statement layouts
constraint-bank-account-code-taken = Another bank account already has this code.
constraint-bank-account-code = An account code is 2–20 capital letters, digits, dashes or underscores.
constraint-bank-code = A bank code is three digits (004 KBank, 014 SCB, …).
constraint-statement-profile-code-taken = A saved statement layout already has this code.
constraint-statement-profile-code = A layout code is 2–30 capital letters, digits, dashes or underscores.
constraint-statement-profile-mapping = A saved statement layout needs its column mapping.

## Statements and their lines
constraint-statement-sha256 = The file's fingerprint (SHA-256) is not valid.
constraint-statement-already-imported = This file was already imported into this account; nothing was added.
constraint-statement-line-taken = This movement is already on the account from an earlier statement.
constraint-statement-line-amount = A statement line must move some money: its amount cannot be zero.
constraint-statement-line-status = A statement line is unmatched, matched or disputed.
constraint-statement-line-matched = A matched line must have money matched, and no more than the line carries; an unmatched line has none.
constraint-statement-line-dispute = A disputed line needs a note saying why, and only a disputed line has one.

## Matches
constraint-match-amount = The amount matched must be more than zero.
constraint-match-rule = A match names the rule that made it: reference, reference less withholding, amount, date and name, manual or split.
constraint-match-undo = Undoing a match needs a reason, and only an undone match has one.
constraint-match-disputed = This line is disputed: settle the dispute before matching it.
constraint-match-payment = A line pays only a payment still owed, in its own direction: money in for premiums, money out for payouts.
constraint-match-total = The matches of this line add up to more than the line's amount.
constraint-match-once = This payment is already matched to a statement line: undo that match first.

## Receipts and tax invoices
constraint-receipt-finance = Only finance issues receipts.
constraint-receipt-once = This payment already has its receipt; void it before issuing another.
constraint-receipt-paid = A receipt is issued only for money received: an incoming payment that has been paid.
constraint-receipt-payments = Each receipt is for one existing payment, named once.
constraint-receipt-withholding = Only a juristic customer withholds tax, at most 1 % of the premium and stamp duty, on payments from 1,000 baht.
constraint-match-due = A match pays what is due: the amount received and what the customer withheld add up to the payment.
constraint-match-undone-final = An undone match stays undone; match the line again instead.
