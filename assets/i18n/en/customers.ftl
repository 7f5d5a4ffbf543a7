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
