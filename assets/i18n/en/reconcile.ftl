## reconcile: finance's payments, statement imports, the reconciliation cockpit, payouts

screen-reconcile = Payments and reconciliation

## Tabs
reconcile-tab-payments = Payments
reconcile-tab-import = Import
reconcile-tab-cockpit = Cockpit
reconcile-tab-payouts = Payouts
reconcile-help-tab-digits = Open that tab
reconcile-loading = Loading…
reconcile-none = Nothing yet
reconcile-gone = It is not there any more (someone else dealt with it); the list is loaded again
reconcile-conflict = { $who } changed this at { $when }; it is loaded again. Check, then confirm once more.
reconcile-days = { $days ->
    [one] 1 day
   *[other] { $days } days
}
reconcile-direction = { $value ->
    [INCOMING] in
    [OUTGOING] out
   *[other] { $value }
}
reconcile-juristic = { $name } (company)
reconcile-due-amount = due { $amount }

## Columns
reconcile-column-reference = Reference
reconcile-column-policy = Policy
reconcile-column-customer = Customer
reconcile-column-type = Type
reconcile-column-due-date = Due
reconcile-column-amount = Amount
reconcile-column-overdue = Overdue
reconcile-column-date = Date
reconcile-column-age = Age
reconcile-column-account = Account
reconcile-column-refs = Ref1 / Ref2
reconcile-column-description = Description
reconcile-column-status = Status
reconcile-column-line = Line
reconcile-column-receipts = Receipt
reconcile-column-claim-policy = Claim / policy
reconcile-column-payee = Payee
reconcile-column-bank = Bank
reconcile-column-bank-account = Account number
reconcile-column-waiting-since = Waiting since

## Payments: the overview and the owed payments
reconcile-overdue-title = Overdue incoming payments
reconcile-by-status-title = Payments by direction, type and status
reconcile-bucket-30 = 0–30 days overdue
reconcile-bucket-60 = 31–60 days overdue
reconcile-bucket-90 = 61–90 days overdue
reconcile-bucket-over-90 = over 90 days overdue
reconcile-due-soon = Due in the next 30 days
reconcile-payouts-waiting = Payouts waiting
reconcile-owed-about = Owed payments, most overdue first. / searches, c records a counter payment.
reconcile-owed-search = Search:
reconcile-owed-search-keys = reference, policy or name · Enter keep · Esc clear
reconcile-not-yet-due = not yet due

## A counter payment
reconcile-counter-title = Payment at the counter
reconcile-counter-method = Paid by
reconcile-counter-cheque = Cheque number
reconcile-counter-slip = Card slip reference
reconcile-counter-last-four = Card's last four digits
reconcile-counter-withholding = Withheld (฿)
reconcile-counter-due = Due { $amount } on { $due }
reconcile-counter-withholding-note = A company customer withholds 1 % of the premium before VAT: at most { $most }. A person withholds nothing (0).
reconcile-counter-received = Received: { $amount }
reconcile-counter-cheque-needed = Enter the cheque's number
reconcile-counter-slip-needed = Enter the reference on the card slip
reconcile-counter-bad-last-four = Enter the four last digits of the card
reconcile-counter-bad-withholding = Enter an amount from 0 to { $most }
reconcile-counter-no-withholding = Nothing is withheld from a payment under ฿1,000: enter 0
reconcile-counter-paid = Paid at the counter: receipt { $number } issued

## Import
reconcile-import-title = Import a bank statement
reconcile-import-file = File
reconcile-import-file-placeholder = path of the CSV or CAMT.053 XML file, e.g. ~/statements/kbank-2569-11.csv
reconcile-import-account = Into account
reconcile-import-profile = Read as
reconcile-import-account-choice = { $code } · { $bank } { $number }
reconcile-profile-saved = { $name } ({ $code }, saved)
reconcile-import-keys = Enter import · ↑/↓ field · ←/→ choose · Tab next tab
reconcile-import-summary-keys = l the statement's lines · Enter import another file · ↑/↓ scroll
reconcile-import-summary-keys-no-lines = Enter import another file · ↑/↓ scroll
reconcile-import-file-needed = Enter the path of the statement file
reconcile-import-accounts-loading = The accounts are still loading
reconcile-import-no-accounts = There is no bank account to import into (an administrator adds them)
reconcile-import-no-such-account = There is no account { $code } (any more)
reconcile-import-file-not-found = There is no such file
reconcile-import-file-not-a-file = That is a folder, not a file
reconcile-import-file-unreadable = The file cannot be read: { $detail }
reconcile-import-file-empty = The file is empty
reconcile-import-bad-mapping = The saved layout { $code } cannot be read ({ $detail }): nothing was imported
reconcile-import-no-profile = There is no layout { $code }: nothing was imported
reconcile-import-reading = Reading and checking the file…
reconcile-import-running = { $total ->
    [one] Importing 1 line: { $stored } stored
   *[other] Importing { $total } lines: { $stored } stored
}
reconcile-import-summary = What the import did
reconcile-import-done = { $new ->
    [one] Imported 1 new line
   *[other] Imported { $new } new lines
}; { $left } left for the cockpit
reconcile-import-nothing = Nothing was imported
reconcile-import-imported = Imported { $file } into { $account }
reconcile-import-lines = Lines in the file
reconcile-import-new = New lines
reconcile-import-seen = Already imported from another file
reconcile-rule-reference = Matched by reference
reconcile-rule-reference-wht = Matched by reference, less 1 % withholding
reconcile-rule-amount-date-name = Matched by amount, date and name
reconcile-import-left = Left for the cockpit
reconcile-import-already = This very file was imported into { $account } on { $when }: nothing new.
reconcile-import-already-note = l shows its lines.
reconcile-import-malformed = { $count ->
    [one] Nothing was imported: 1 line cannot be read
   *[other] Nothing was imported: { $count } lines cannot be read
}
reconcile-import-balance = Nothing was imported: the balances do not add up
reconcile-import-balance-figures = Opening balance { $opening } + movements { $movements } = { $sum }, but the closing balance is { $closing }
reconcile-import-balance-off = { $difference } is missing from the file (or the wrong file, or the wrong profile)
reconcile-import-failed = Nothing was imported

## The cockpit
reconcile-cockpit-about = { $unmatched } unmatched, { $disputed } disputed — oldest first
reconcile-cockpit-clear = Every line is matched: nothing to resolve
reconcile-line-status = { $value ->
    [UNMATCHED] unmatched
    [MATCHED] matched
    [DISPUTED] disputed
   *[other] { $value }
}
reconcile-rule = { $value ->
    [REFERENCE] reference
    [REFERENCE_WHT] reference less WHT
    [AMOUNT_DATE_NAME] amount, date, name
    [MANUAL] by hand
    [SPLIT] split
   *[other] { $value }
}
reconcile-candidates = Candidates
reconcile-candidates-loading = Finding the candidates…
reconcile-no-candidates = No pending payment is like this line: dispute it (d) or wait for the payment
reconcile-no-line = No line chosen
reconcile-disputed-note = Disputed: { $note }
reconcile-disputed-first = The line is disputed: settle the dispute first (D)
reconcile-not-disputed = This line is not disputed
reconcile-candidate-facts = due date { $due } · { $score ->
    [one] 1 field agrees
   *[other] { $score } fields agree
}
reconcile-candidate-wht = may withhold { $amount }
reconcile-candidate-differs = line differs by { $amount }
reconcile-agree-reference = reference
reconcile-agree-amount = amount
reconcile-agree-amount-less-wht = amount less 1 % WHT
reconcile-agree-date = { $days ->
    [0] on the due date
    [one] 1 day from due
   *[other] { $days } days from due
}
reconcile-agree-name = name { $percent } %
reconcile-agree-nothing = nothing agrees exactly

## Match, split, dispute, unmatch
reconcile-match-title = Match the line to this payment
reconcile-match-applies = Applies { $amount } to the payment; withheld { $withholding }
reconcile-match-short = The payment stays short by { $amount }
reconcile-match-over = { $amount } of the line stays unapplied
reconcile-receipt-installment = premium instalment { $n }/{ $of }, { $policy }
reconcile-receipt-premium = premium, { $policy }
reconcile-receipt = Receipt / tax invoice: { $what } · total { $total } · VAT { $vat } · withheld { $withholding } · received { $received }
reconcile-split-title = Split the line across several payments
reconcile-split-amount = Amount (฿)
reconcile-split-note = Space includes a payment (with what is left of the line); type each amount. Together they must make the line's amount.
reconcile-split-total = Applied { $total } · left { $left }
reconcile-split-keys = Space include · ↑/↓ payment · Enter check · Esc cancel
reconcile-split-bad-amount = Enter an amount in baht
reconcile-split-over-due = More than is due ({ $due })
reconcile-split-too-few = A split needs at least two candidates; match a single payment with m
reconcile-split-does-not-add-up = The amounts make { $total } but the line is { $line } ({ $left } left)
reconcile-dispute-title = Dispute the line
reconcile-dispute-note = Note
reconcile-dispute-note-about = Why the line cannot be matched now, for whoever looks next. D settles the dispute later.
reconcile-dispute-note-needed = A note is needed
reconcile-unmatch-title = Undo the match
reconcile-unmatch-reason = Reason
reconcile-unmatch-about = The payments become owed again and their receipts ({ $receipts }) are voided, keeping their numbers.
reconcile-unmatch-reason-needed = A reason is needed
reconcile-unmatch-not-matched = Only a matched line can be unmatched
reconcile-prompt-keys = Enter confirm · Tab next field · Esc cancel
reconcile-prompt-confirm-keys = Enter records it · Esc goes back
reconcile-matched = { $count ->
    [one] Matched: receipt { $receipts }
   *[other] Matched: receipts { $receipts }
}
reconcile-disputed = The line is disputed
reconcile-dispute-cleared = The dispute is settled: the line is unmatched again
reconcile-unmatched = Match undone: the payments are owed again, their receipts voided

## The statement's lines
reconcile-statement-lines = Statement lines
reconcile-statement-title = { $file } · { $account } · imported { $when }
reconcile-statement-about = { $lines } lines, { $matched } matched. u undoes a match.
reconcile-statement-none = No statement has been imported yet

## Payouts
reconcile-payouts-about = { $count } waiting, { $amount } in all. p records the transfer.
reconcile-payout-title = Record the transfer
reconcile-payout-bank = Payee's bank code
reconcile-payout-bank-placeholder = 3 digits, e.g. 004
reconcile-payout-bank-name = { $name }
reconcile-payout-account = Payee's account
reconcile-payout-masked = kept as { $account }
reconcile-payout-reference = Transfer reference
reconcile-payout-date = Paid on
reconcile-payout-note = Only the last digits of the account are kept.
reconcile-payout-bad-bank = Not a Thai bank code (002 BBL, 004 KBANK, 006 KTB, 014 SCB, 025 BAY …)
reconcile-payout-bad-account = Enter the account number: 10 to 15 digits
reconcile-payout-reference-needed = Enter the bank's reference of the transfer
reconcile-payout-date-future = The transfer cannot be in the future
reconcile-payout-confirm = Pay { $amount } to { $payee }: { $bank } { $account }, reference { $reference }, on { $date }
reconcile-payout-settles = The claim { $claim } becomes settled.
reconcile-paid-settled = Paid; claim { $claim } is settled
reconcile-paid = Paid { $amount } to { $payee }
reconcile-paid-plain = Paid

## Keys
action-counter-payment = Record a payment at the counter (cash, cheque, card) with its receipt
action-import-again = Import another file (the form as typed)
action-statement-lines = The lines of the last statement, with their status
action-match-line = Match the line to the highlighted candidate
action-split-line = Split the line across several payments
action-switch-pane = Between the lines and their candidates
action-dispute = Dispute the line (with a note)
action-clear-dispute = Settle the line's dispute
action-unmatch = Undo the line's match (with a reason)
action-record-payout = Record the transfer of the payout
hint-counter-payment = counter payment
hint-import-again = another file
hint-statement-lines = statement lines
hint-match-line = match
hint-split-line = split
hint-switch-pane = candidates
hint-dispute = dispute
hint-clear-dispute = settle dispute
hint-unmatch = unmatch
hint-record-payout = record transfer
