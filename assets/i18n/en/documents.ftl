# Documents: the policy schedule, the CMI certificate and the receipt / tax invoice, and
# printing them from the screens and `prakan docs`. Each document label is printed as
# "Thai / English" from the two catalogues.

doc-schedule-title = Motor Insurance Policy Schedule
doc-certificate-title = Compulsory Motor Insurance (CMI) Certificate
doc-certificate-act = under the Road Accident Victims Protection Act B.E. 2535
doc-receipt-title = Receipt / Tax Invoice
doc-page = Page { $page } of { $total }
doc-tax-id = Tax ID
doc-head-office = Head office
doc-branch-number = Branch { $number }
doc-branch = Branch
doc-cancelled = CANCELLED
doc-void = VOID
doc-void-reason = Voided because
doc-original = ORIGINAL
doc-copy = COPY
doc-copy-number = Copy { $number } · same number, not a new tax invoice

doc-section-policy = Policy
doc-section-insured = Insured
doc-section-vehicle = Insured vehicle
doc-section-cover = Cover and limits
doc-section-premium = Premium
doc-section-instalments = Payment schedule
doc-section-certificate = Certificate
doc-section-buyer = Buyer / payer
doc-section-items = Items
doc-section-payment = Payment

doc-policy-number = Policy No.
doc-certificate-number = No.
doc-policy-type = Type of insurance
doc-period = Period of insurance
doc-issued-on = Issued on
doc-agent = Agent
doc-no-agent = None (direct)
doc-insured-name = Name of insured
doc-insured-id = National ID / tax ID
doc-address = Address
doc-plate = Registration
doc-make-model = Make / model
doc-year = Year of manufacture
doc-chassis = Chassis No.
doc-engine-cc = Engine (cc)
doc-vehicle-type = Body type
doc-usage = Use
doc-seats = Seats
doc-sum-insured = Sum insured (baht)
doc-cover-item = Cover
doc-limit-baht = Limit (baht)
doc-cmi-preliminary-medical = Preliminary: medical expenses per person
doc-cmi-preliminary-death = Preliminary: death / disability per person
doc-cmi-medical = Medical expenses per person (after liability is proven)
doc-cmi-death = Death / permanent total disability per person
doc-cmi-inpatient = Inpatient allowance per day (up to 20 days)
doc-per-incident = Limit per incident
doc-cmi-note = An at-fault driver receives the preliminary cover only
doc-tpbi-person = Third-party bodily injury per person
doc-tpbi-incident = Third-party bodily injury per incident
doc-tppd = Third-party property damage per incident
doc-own-damage = Own damage
doc-own-damage-counterparty = Own damage (collision with an identified land vehicle only)
doc-theft-fire = Theft / fire
doc-flood = Flood / natural disaster
doc-covered = Covered
doc-deductible = Deductible
doc-compulsory-excess = Compulsory excess per event
doc-rider-pa = Personal accident per person
doc-rider-medical = Medical expenses per person
doc-rider-bail = Driver's bail bond
doc-base-premium = Premium before discounts
doc-discounts = No-claim discount
doc-net-premium = Net premium
doc-stamp-duty = Stamp duty
doc-vat = VAT 7%
doc-total-premium = Total premium
doc-instalment-number = No.
doc-due-date = Due date
doc-amount-baht = Amount (baht)
doc-payment-status = Status
doc-authorised-signatory = Authorised signatory

doc-receipt-number = No.
doc-date = Date
doc-buyer-name = Name
doc-item-number = Item
doc-item-description = Description
doc-item-quantity = Qty
doc-amount-before-vat = Value before VAT
doc-grand-total = Grand total
doc-withholding = Withholding tax 1%
doc-amount-received = Net amount received
doc-amount-in-words = Grand total in words
doc-withholding-note = The buyer withheld tax and issues a withholding tax certificate (50 Tawi)
doc-payment-method = Paid by
doc-paid-on = Paid on
doc-received-by = Received by

# Printing: screens and `prakan docs`.
doc-printing = Printing…
doc-printed-policy = Printed: { $path } ({ $documents } of { $number })
doc-printed-receipt = Printed the receipt: { $path }
doc-printed-receipt-copy = Printed copy { $copy }: { $path }
doc-printed-receipt-void = Printed the voided receipt (stamped void): { $path }
doc-kind-schedule = schedule
doc-kind-certificate = CMI certificate
doc-no-policy = No policy { $number } (or you may not see it)
doc-no-receipt = No receipt { $number } (or you may not see it)
doc-draft-policy = { $number } is still a quote, so it has no schedule to print
doc-not-allowed-policy = Printing policy schedules is for underwriters
doc-not-allowed-receipt = Printing receipts is for finance
doc-file-failed = Could not write { $path }: { $detail }
doc-no-receipt-selected = No receipt issued on this screen yet: match a line or take a counter payment first, then press p
doc-no-receipt-on-line = This line has no receipt to print
constraint-receipt-print = Only finance and administrators print receipts

# `prakan docs --help`.
help-docs-about = Print documents: a policy's schedule and CMI certificate, or a receipt / tax invoice, into the data directory's documents/.
help-docs-policy-about = Print a policy's schedule (and the certificate of a CMI policy) (underwriters).
help-docs-policy-arg-number = The policy number, e.g. C1-2569-0000123.
help-docs-policy-arg-username = The staff account to act as (PRAKAN_USER); the database lets only underwriters record policy documents.
help-docs-policy-arg-password_stdin = Read the password from the first line of standard input.
help-docs-receipt-about = Print a receipt / tax invoice: the original the first time, copies afterwards (finance).
help-docs-receipt-arg-number = The receipt number, e.g. RC-2569-0000001.
help-docs-receipt-arg-username = The staff account to act as (PRAKAN_USER); the database lets only finance and administrators print receipts.
help-docs-receipt-arg-password_stdin = Read the password from the first line of standard input.

# Keys.
hint-print-document = print
action-print-document = Print the document (schedule / CMI certificate / receipt)
