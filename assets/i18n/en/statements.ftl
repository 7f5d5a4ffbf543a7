## statements
# Reading bank statement files (domain::statement): the built-in profiles, why a file or a
# line of it is refused, and what is wrong with a column mapping.

statement-profile-kbank = KBank business CSV (detailed savings statement)
statement-profile-scb = SCB business CSV
statement-profile-camt053 = ISO 20022 CAMT.053 (XML)

## Why a file is refused
statement-refused-lines = { $count ->
    [one] The file has a malformed line; nothing was imported.
   *[other] The file has { $count } malformed lines; nothing was imported.
}
statement-line-problem = Line { $line }: { $problem }
statement-balance-mismatch = The balances do not add up: opening balance { $opening } plus the lines ({ $lines }) makes { $expected }, but the closing balance is { $closing }. Nothing was imported.
statement-not-utf8 = The file is not UTF-8 text (line { $line }). Export it from the bank again as UTF-8 CSV.
statement-empty = The file is empty.
statement-not-csv = The file is XML, JSON or PDF, not a CSV statement: choose the profile for its format.
statement-csv-unreadable = The file cannot be read as CSV (line { $line }).
statement-no-header = No header row after line { $line }: the file does not have this profile's layout.
statement-header-columns = The header row has { $found } columns, but this profile needs { $expected }: the file does not have this profile's layout.
statement-not-xml = The file is not well-formed XML: { $detail }
statement-not-camt053 = The XML is not an ISO 20022 camt.053 bank-to-customer statement.
statement-camt-accounts = The file holds statements of more than one account: import one account at a time.
statement-camt-balance = The { $code } balance "{ $value }" is not an amount.

## Why a line is refused
statement-line-columns = it has { $found } columns instead of { $expected }.
statement-line-date = "{ $value }" is not a date in the format { $format }.
statement-line-time = "{ $value }" is not a time in the format { $format }.
statement-line-year-buddhist = the year of "{ $value }" is a Buddhist Era year, but this profile reads Christian years.
statement-line-year-christian = the year of "{ $value }" is a Christian year, but this profile reads Buddhist Era years.
statement-line-no-date = it has no booking date.
statement-line-amount = "{ $value }" is not an amount.
statement-line-no-amount = it has no amount: neither a withdrawal nor a deposit.
statement-line-amount-zero = its amount is zero.
statement-line-debit-and-credit = it has both a withdrawal ({ $debit }) and a deposit ({ $credit }).
statement-line-direction-code = the code "{ $value }" is neither money in ({ $credit }) nor money out ({ $debit }).
statement-line-credit-debit = the direction "{ $value }" is neither CRDT nor DBIT.
statement-line-currency = the amount is in { $currency }, not in baht.
statement-line-balance = the balance "{ $value }" is not an amount.
statement-line-running-balance = the balance should be { $expected } after the line before it, but the file says { $found }.
statement-line-reference-too-long = the reference "{ $value }" is longer than { $max } characters.

## Column mappings
statement-mapping-delimiter = "{ $value }" cannot separate columns: use a comma, semicolon, tab or another punctuation character.
statement-mapping-thousands = "{ $value }" cannot separate thousands: the decimal mark is always a full stop.
statement-mapping-date-format = "{ $value }" is not a date or time format (for example %d/%m/%Y or %H:%M).
statement-mapping-debit-credit = The withdrawal and deposit columns must be different columns.
statement-mapping-codes = Give at least one code for money in and one for money out, all different, in a column other than the amount's.
