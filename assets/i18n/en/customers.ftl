# Customer lookup: the jump box, the customer 360, customer, vehicle and consent forms, PDPA.

## What was typed
lookup-kind-national-id = National ID
lookup-kind-phone = Phone
lookup-kind-plate = Plate
lookup-kind-policy = Policy no.
lookup-kind-claim = Claim no.
lookup-kind-receipt = Receipt no.
lookup-kind-email = E-mail
lookup-kind-name = Name
lookup-type-more = Type something to search for.
lookup-national-id-digits = A national ID is 13 digits.
lookup-digits-to-go = { $count ->
    [one] One more digit.
   *[other] { $count } more digits.
}
lookup-national-id-check = The check digit is wrong: this is not a valid national ID.
lookup-phone-incomplete = Not a whole Thai phone number yet (0 and 8 or 9 digits, or +66).
lookup-plate-shape = A plate is up to 3 Thai letters (optionally after a digit) and up to 4 digits, e.g. 1กข 1234.
lookup-number-shape = A number looks like C1-2568-0000123.
lookup-email-incomplete = Not a whole e-mail address yet.
lookup-name-short = Type at least two letters of a name.

## The customer form: checks
customer-need-first-name = A first name is needed.
customer-need-registered-name = The registered name is needed.
customer-need-last-name = A last name is needed.
customer-need-last-name-en = With an English first name, give the English last name too.
customer-need-national-id = A national ID is needed.
customer-need-tax-id = The 13-digit tax ID is needed.
customer-need-tambon = Choose the tambon of the address (Enter on the field).
customer-need-postal-code = Choose the postcode.
customer-email-for-notices = E-mail notices need an e-mail address.
customer-phone-for-notices = SMS notices need a phone number.
customer-too-long = At most { $limit } characters.
customer-english-in-latin = Write the English name in Latin letters.
customer-branch-code = A branch code is 5 digits; 00000 is the head office.
customer-born-in-future = The date of birth cannot be in the future.
customer-born-too-early = The date of birth cannot be before 1900.
customer-phone-shape = A Thai phone number: 0 and 8 or 9 digits, or +66.
customer-email-shape = An e-mail address looks like name@example.co.th.
customer-moo-shape = Moo is a number from 1 to 99.

## The vehicle, verification and consent forms: checks
vehicle-need-plate = The plate is needed.
vehicle-need-province = Choose the province of registration (Enter on the field).
vehicle-need-make = The make is needed.
vehicle-need-model = The model is needed.
vehicle-need-year = The year of manufacture is needed.
vehicle-number-between = A whole number from { $low } to { $high }.
vehicle-year-range = A year from 1950 to { $latest } (Buddhist years too, e.g. 2565).
vehicle-chassis-shape = Latin letters, digits and dashes only.
dlt-need-reference = A verification from a document needs the document's reference.
consent-need-version = Which version of the consent text did the customer agree to?

## Database values as words
enum-customer-type = { $value ->
    [INDIVIDUAL] Individual
    [JURISTIC] Company
   *[other] { $value }
}
enum-gender = { $value ->
    [MALE] Male
    [FEMALE] Female
    [OTHER] Other
    [NONE] Not given
   *[other] { $value }
}
enum-language = { $value ->
    [th] Thai
    [en] English
   *[other] { $value }
}
enum-account-status = { $value ->
    [ACTIVE] active
    [INACTIVE] inactive
    [SUSPENDED] suspended
    [CLOSED] closed
   *[other] { $value }
}
enum-kyc-status = { $value ->
    [PENDING] KYC pending
    [IN_PROGRESS] KYC in progress
    [VERIFIED] KYC verified
    [REJECTED] KYC rejected
   *[other] { $value }
}
enum-policy-type = { $value ->
    [CMI] CMI (compulsory)
    [CLASS_1] Class 1
    [CLASS_2_PLUS] Class 2+
    [CLASS_2] Class 2
    [CLASS_3_PLUS] Class 3+
    [CLASS_3] Class 3
   *[other] { $value }
}
enum-policy-status = { $value ->
    [DRAFT] quote
    [ACTIVE] in force
    [EXPIRED] expired
    [CANCELLED] cancelled
    [SUSPENDED] suspended
   *[other] { $value }
}
enum-claim-type = { $value ->
    [ACCIDENT] accident
    [THEFT] theft
    [FIRE] fire
    [FLOOD] flood
    [VANDALISM] vandalism
    [NATURAL_DISASTER] natural disaster
   *[other] { $value }
}
enum-claim-status = { $value ->
    [REPORTED] reported
    [ASSIGNED] assigned
    [INVESTIGATING] investigating
    [ASSESSED] assessed
    [APPROVED] approved
    [REJECTED] rejected
    [SETTLED] settled
    [CLOSED] closed
   *[other] { $value }
}
enum-payment-type = { $value ->
    [PREMIUM] premium
    [INSTALLMENT] instalment
    [CLAIM_SETTLEMENT] claim payout
    [REFUND] refund
    [FEE] fee
   *[other] { $value }
}
enum-payment-status = { $value ->
    [PENDING] pending
    [PROCESSING] processing
    [SUCCESS] paid
    [FAILED] failed
    [CANCELLED] cancelled
    [REFUNDED] refunded
    [PARTIAL_REFUND] partly refunded
   *[other] { $value }
}
enum-payment-method = { $value ->
    [CREDIT_CARD] credit card
    [DEBIT_CARD] debit card
    [BANK_TRANSFER] bank transfer
    [PROMPTPAY] PromptPay
    [TRUEMONEY] TrueMoney
    [RABBIT_LINE_PAY] Rabbit LINE Pay
    [K_PLUS] K PLUS
    [CASH] cash
    [CHEQUE] cheque
   *[other] { $value }
}
enum-vehicle-type = { $value ->
    [SEDAN] sedan
    [HATCHBACK] hatchback
    [SUV] SUV
    [PICKUP] pickup
    [VAN] van
    [MOTORCYCLE] motorcycle
   *[other] { $value }
}
enum-fuel-type = { $value ->
    [GASOLINE] petrol
    [DIESEL] diesel
    [HYBRID] hybrid
    [ELECTRIC] electric
    [LPG] LPG
    [CNG] CNG/NGV
   *[other] { $value }
}
enum-usage-type = { $value ->
    [PERSONAL] personal
    [COMMERCIAL] commercial
    [TAXI] taxi
    [RENTAL] rental
   *[other] { $value }
}
enum-parking = { $value ->
    [GARAGE] garage
    [COVERED] covered
    [STREET] street
    [PARKING_LOT] parking lot
    [NONE] not given
   *[other] { $value }
}
enum-consent-purpose = { $value ->
    [MARKETING] marketing
    [DATA_SHARING_PARTNERS] sharing with partners
    [HEALTH_DATA_CLAIMS] health data for claims
    [CROSS_BORDER_TRANSFER] transfer abroad
    [PROFILING] profiling
    [SMS_NOTIFICATIONS] SMS notices
    [EMAIL_NOTIFICATIONS] e-mail notices
   *[other] { $value }
}
enum-lawful-basis = { $value ->
    [CONSENT] consent
    [CONTRACT] contract
    [LEGAL_OBLIGATION] legal obligation
    [LEGITIMATE_INTEREST] legitimate interest
    [VITAL_INTEREST] vital interest
    [PUBLIC_TASK] public task
    [RESEARCH] research
   *[other] { $value }
}
enum-channel = { $value ->
    [PAPER] paper form
    [WEB] web
    [MOBILE] mobile app
    [AGENT] agent
    [CALL_CENTER] call centre
    [BRANCH] branch
   *[other] { $value }
}
enum-document-type = { $value ->
    [NATIONAL_ID_CARD] ID card
    [DRIVING_LICENCE] driving licence
    [VEHICLE_REGISTRATION] vehicle registration
    [HOUSE_REGISTRATION] house registration
    [COMPANY_CERTIFICATE] company certificate
    [CONSENT_FORM] consent form
    [OTHER] other
   *[other] { $value }
}
enum-verification-status = { $value ->
    [PENDING] to check
    [VERIFIED] verified
    [REJECTED] rejected
   *[other] { $value }
}
enum-dlt-method = { $value ->
    [MANUAL] checked by hand
    [DOCUMENT] from a document
    [API] DLT service
   *[other] { $value }
}
enum-audit-operation = { $value ->
    [INSERT] created
    [UPDATE] changed
    [DELETE] deleted
    [REVEAL] ID revealed
    [EXPORT] data exported
    [ANONYMIZE] anonymised
    [TERMINATE] sessions ended
   *[other] { $value }
}

## The jump box
customers-jump-box = Find a customer
customers-jump-placeholder = Name, national ID, phone, plate, policy, claim or receipt number, e-mail…
customers-searching = searching…
customers-nothing-found = No customer matches.
customers-found = { $more ->
    [yes] Customers { $first }–{ $last }; PgDn at the bottom for more.
   *[no] Customers { $first }–{ $last }.
}
customers-similarity = name { $percent } % alike
customers-anonymised = (anonymised)
customers-tips =
    Type anything that identifies a customer; prakan recognises what it is:
      1-1017-00123-45-6 or 1101700123456   national ID or tax ID
      081-234-5678 or +66 81 234 5678       phone
      1กข 1234 กรุงเทพ                     plate, with or without its province
      C1-2568-0000123, CL-…, RC-…           policy, claim or receipt number
      name@example.co.th                    e-mail
      สมชาย ใจดี / somchai jaidee            a name, Thai or English; a letter wrong is fine
    A prefix forces the kind: id: phone: plate: policy: claim: receipt: email: name:
    ↑/↓ choose · Enter open · Ctrl-N new customer · Esc clear
customers-column-name = Name
customers-column-name-en = English name
customers-column-id = National ID
customers-column-phone = Phone
customers-column-born = Born
customers-column-province = Province
customers-column-found-by = Found by

## The customer 360
customers-tab-vehicles = Vehicles
customers-tab-policies = Policies
customers-tab-claims = Claims
customers-tab-payments = Payments
customers-tab-consents = Consents
customers-tab-documents = Documents
customers-national-id = National ID
customers-tax-id = Tax ID
customers-masked-hint = (v to reveal)
customers-born = Born
customers-age = { $years } years
customers-branch = Branch
customers-phone = Phone
customers-email = E-mail
customers-language = Language
customers-address = Address
customers-address-en = In English
customers-agent = Agent
customers-marketing = Marketing
customers-outstanding = Outstanding
customers-nothing-outstanding = nothing owed
customers-outstanding-amount = { $total } in { $count } payments, { $overdue } overdue
customers-updated = Last change
customers-updated-by = { $when } by { $who } (version { $version })
customers-not-for-your-role = Your role does not see this part of the customer.
customers-none-yet = None yet.
customers-not-visible = This customer does not exist or is not one your role may see.
customers-dlt-summary = registration { $valid ->
    [yes] valid
   *[no] NOT valid
}, tax { $tax ->
    [yes] paid
   *[no] NOT paid
}
customers-dlt-none = not checked
customers-consent-live = in force
customers-sum-insured = Sum insured
customers-payment-plan = Payment plan
customers-approved = Approved
customers-paid-at = Paid
customers-column-plate = Plate
customers-column-vehicle = Vehicle
customers-column-year = Year
customers-column-type = Type
customers-column-usage = Use
customers-column-dlt = DLT check
customers-column-policy = Policy
customers-column-status = Status
customers-column-from = From
customers-column-to = To
customers-column-premium = Premium
customers-column-claim = Claim
customers-column-incident = Incident
customers-column-estimated = Estimated
customers-column-paid = Paid
customers-column-due = Due / paid
customers-column-what = For
customers-column-amount = Amount
customers-column-method = Method
customers-column-purpose = Purpose
customers-column-basis = Basis
customers-column-version = Text version
customers-column-given = Given
customers-column-withdrawn = Withdrawn
customers-column-document = Document
customers-column-file = File
customers-column-expires = Expires
customers-column-added = Added
detail-keys = h history · Esc close
history-title = History of { $record }
history-none = No changes recorded.
history-keys = ↑/↓ scroll · Esc close

## What the screen says back
customers-not-allowed = Your role may not do that.
customers-edit-where = Only the customer (on the profile) and vehicles can be edited here.
customers-new-where = Add on the Vehicles or Consents tab.
customers-choose-vehicle = Choose a vehicle on the Vehicles tab first.
customers-choose-consent = Choose a consent on the Consents tab first.
consent-already-withdrawn = That consent was withdrawn already.
customers-id-shown-already = The full national ID is shown already.
customers-id-revealed = National ID shown; the audit trail records that you looked.
customers-exporting = Exporting the customer's data…
customers-exported = Exported to { $path }
customers-export-failed = The export could not be written: { $detail }
customers-anonymized = The customer is anonymised; the financial and claim records stay.
customers-anonymised-already = This customer is anonymised already.
customers-anonymised-read-only = An anonymised customer cannot be changed.
customers-saved = Saved.
customers-record-gone = The record is no longer there.
customers-discard-again = You have unsaved changes: press Esc again to discard them.

## The forms
customers-new-title = New customer
customers-edit-title = Edit customer
customers-form-keys = Ctrl-S save · Tab next · ←/→ Space choose · Enter on a place: pick · Esc cancel
customers-form-keys-simple = Ctrl-S save · Tab next · ←/→ Space choose · Esc cancel
consent-withdraw-keys = ←/→ choose the channel · Enter withdraw · Esc cancel
customers-form-has-errors = Some fields need attention (shown in red).
customers-checking-duplicates = Looking for this customer on file…
customers-saving = Saving…
customers-conflict = { $who } saved this at { $when }, after you opened it. Your input is kept; what they saved is shown under each field that differs.
customers-conflict-kept = Not saved: someone else saved first. Check their values, then Ctrl-S saves yours over theirs.
customers-theirs = saved meanwhile: { $value }
customers-duplicates-title = Already on file?
customers-duplicates-intro = These customers look like the one you are adding:
customers-duplicate-reason = { $reason ->
    [national-id] same national ID
    [phone] same phone
   *[name-birthday] same name and date of birth
}
customers-duplicates-keys = Enter: save as a new customer anyway · Esc: back to the form
customer-section-identity = Who
customer-section-contact = Contact
customer-section-address = Address
customer-section-notices = Notices
customer-field-type = Customer type
customer-field-first-name = First name (Thai)
customer-field-last-name = Last name (Thai)
customer-field-first-name-en = First name (English)
customer-field-last-name-en = Last name (English)
customer-field-registered-name = Registered name (Thai)
customer-field-registered-name-en = Registered name (English)
customer-field-national-id = National ID
customer-field-tax-id = Tax ID
customer-field-branch = Branch code
customer-field-birth = Date of birth
customer-field-gender = Gender
customer-field-phone = Mobile
customer-field-email = E-mail
customer-field-language = Preferred language
customer-field-house = House no.
customer-field-moo = Moo
customer-field-village = Village
customer-field-building = Building
customer-field-soi = Soi
customer-field-road = Road
customer-field-place = Tambon, amphoe, province
customer-field-marketing = Marketing
customer-field-sms = SMS notices
customer-field-email-notices = E-mail notices
customer-placeholder-national-id = 13 digits, dashes optional
customer-placeholder-branch = 00000 for the head office
customer-placeholder-birth = dd/mm/yyyy (2530 or 1987)
customer-placeholder-date = dd/mm/yyyy
customer-placeholder-phone = 08x-xxx-xxxx
vehicle-new-title = New vehicle
vehicle-edit-title = Edit vehicle
vehicle-section-registration = Registration
vehicle-section-vehicle = Vehicle
vehicle-section-use = Use
vehicle-plate = Plate
vehicle-province = Province of registration
vehicle-plate-label = Text instead of the province
vehicle-make = Make
vehicle-model = Model
vehicle-year = Year of manufacture
vehicle-engine-cc = Engine (cc)
vehicle-seats = Seats
vehicle-type = Type
vehicle-fuel = Fuel
vehicle-color = Colour
vehicle-chassis = Chassis no.
vehicle-usage = Usage
vehicle-parking = Parked at night
vehicle-mileage = Kilometres a year
vehicle-dlt-reference = DLT reference
vehicle-placeholder-plate = 1กข 1234, กข-1234 or 70-1234
vehicle-placeholder-plate-label = only when the plate says e.g. เบตง
vehicle-placeholder-year = 2565 or 2022
dlt-title = DLT check of { $plate }
dlt-registration-valid = Registration valid
dlt-tax-paid = Annual tax paid
dlt-expiry = Registration expires
dlt-reference = Reference
dlt-method = Checked
consent-new-title = Record a consent
consent-purpose = Purpose
consent-basis = Lawful basis
consent-version = Consent text version
consent-channel = Channel
consent-evidence = Evidence
consent-placeholder-version = e.g. 2569-01
consent-placeholder-evidence = form number, recording reference…
consent-already-live = The customer already has a consent in force for this purpose.
consent-withdraw-title = Withdraw consent: { $purpose }
consent-withdrawal-channel = Asked through
consent-changed-meanwhile = The consent changed meanwhile; close this and look again.

## PDPA
customers-anonymize-title = Anonymise { $name }
customers-anonymize-explain =
    This scrubs the person for good: names, ID, phone, e-mail, birthday, address,
    chassis numbers, card and bank details, documents, consent evidence, and their
    traces in the audit trail. Policies, claims and payments stay (the law needs them).
    It cannot be undone. Type { $word } and press Enter to go ahead; Esc to stop.
customers-anonymize-type-word = Type { $word } exactly to go ahead.
customers-anonymizing = Anonymising…
