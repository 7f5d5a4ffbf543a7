# The terminal screens.

## Title bar, hints and status bar
title-help = help
title-palette = commands
title-other-language = ไทย
hint-open-numbered = open menu entry
status-not-logged-in = not logged in
status-database-embedded = embedded database
status-database-server = server { $server }
status-online = online
status-connection-lost = connection lost — retrying
status-ending-session = ending the session…

## Screens
screen-home = Home
screen-customers = Customers
screen-account = My account
screen-health = Database health

## Login
login-title = Log in
login-username = Username
login-password = Password
login-connecting = Checking with the database…
login-need-username = Enter your username.
login-need-password = Enter your password.
login-demo-accounts = Demo accounts (password { $password })
login-welcome = Welcome, { $name }.
login-signed-in-as = Logged in as { $name }.
login-session-expired = Your session has expired; please log in again.
login-logged-out = You have logged out.
login-error-credentials = Wrong username or password.
login-error-disabled = This account is disabled: ask an administrator to enable it.
login-error-not-in-directory = This database login is not in the staff directory, so it cannot use prakan.
login-error-not-staff = This database login is not a prakan staff account.
login-error-unreachable = The database cannot be reached: prakan tried { $tried } ({ $detail }).
login-error-other = The login failed: { $detail }

## Home
home-greeting = Hello, { $name }
home-menu = Menu
home-figures = At a glance
figure-my-customers = My customers
figure-active-policies = Policies in force
figure-my-draft-quotes = My draft quotes
figure-expiring-30-days = Ending within 30 days
figure-renewals-due-this-month = Renewals due this month
figure-lapsed-in-grace = Lapsed, still in the grace period
figure-draft-quotes = Draft quotes
figure-issued-this-month = Issued this month
figure-my-open-claims = My open claims
figure-unassigned-claims = Unassigned claims
figure-investigation-claims = Flagged for investigation
figure-approved-awaiting-settlement = Approved, awaiting settlement
figure-my-assigned-claims = Claims assigned to me
figure-my-assessments-this-month = My assessments this month
figure-overdue-payments = Overdue payments
figure-overdue-amount = Overdue amount
figure-due-within-7-days = Due within 7 days
figure-payouts-waiting = Payouts waiting
figure-payouts-amount = Payouts amount
figure-changes-today = Changes recorded today
figure-logins-today = Logins today
figure-personal-data-actions = Personal-data exports and erasures this month
figure-active-staff = Active staff accounts
figure-disabled-staff = Disabled staff accounts
figure-active-sessions = Active sessions

## My account
account-profile = Profile
account-name = Name
account-username = Username
account-role = Role
account-authority = Approval limit
account-last-login = Last login
account-password-changed = Password changed
account-never = never
account-language = Language
account-language-state = { $session } now · { $preferred } preferred
account-change-password = Change my password
account-current-password = Current password
account-new-password = New password
account-confirm-password = New password again
account-need-current = Enter your current password.
account-wrong-current = The current password is not right.
account-password-too-short = A password needs at least 8 characters.
account-password-is-username = A password must differ from the username.
account-password-unchanged = The new password is the same as the current one.
account-passwords-differ = The two new passwords differ.
account-saving = Changing the password…
account-password-saved = Your password has been changed.

## Database health
health-column-check = Check
health-column-status = Status
health-column-value = Value
health-check = { $check ->
        [database_size] Database size
        [connections] Connections
        [replication_lag] Replication lag
        [largest_tables] Largest tables
        [audit_partitions_ahead] Audit partitions ahead
        [long_running_queries] Long-running queries
       *[other] { $check }
    }
health-status = { $status ->
        [OK] OK
        [WARNING] Warning
        [INFO] Info
       *[other] { $status }
    }
health-connections = { $count } of { $limit }
health-no-replica = no replica connected
health-lag = { $seconds } s behind
health-months-ahead = { $months ->
        [one] 1 month after this one
       *[other] { $months } months after this one
    }
health-long-running = { $count ->
        [one] 1 query running for more than 5 minutes
       *[other] { $count } running for more than 5 minutes
    }

## Tables
table-rows = { $total } rows
table-rows-shown = { $shown } of { $total } rows

## Keys (help overlay)
help-title = Keys — { $screen }
action-quit = Quit
action-help = These keys
action-palette = Command palette
action-back = Back
action-about = About prakan
action-toggle-language = ไทย / English
action-toggle-calendar = Buddhist / Christian years
action-next-field = Next field
action-prev-field = Previous field
action-submit = Confirm
action-up = Up
action-down = Down
action-page-up = Page up
action-page-down = Page down
action-first = First row
action-last = Last row
action-open = Open
action-refresh = Refresh
action-filter = Filter
action-sort = Sort by the next column
action-save-language = Keep this language as my preference
action-save = Save
action-new-customer = New customer
action-new = Add a vehicle or consent (on its tab)
action-edit = Edit the customer or the vehicle
action-history = History of the record
action-reveal = Show the full national ID (recorded)
action-verify = Record a DLT check of the vehicle
action-withdraw = Withdraw the consent
action-export = Export the customer's data (PDPA)
action-anonymize = Anonymise the customer (PDPA)
action-search = Back to the search
action-next-pane = Next part: the profile, then each tab
action-prev-pane = Previous part

## Command palette
palette-title = Go to or do
palette-about = About prakan
palette-help = Keys of this screen
palette-language = Switch language (ไทย / English)
palette-calendar = Switch Buddhist / Christian years
palette-save-language = Keep this language as my preference
palette-logout = Log out
palette-quit = Quit
palette-forbidden = Your role ({ $role }) cannot open { $screen }.
palette-log-in-first = Log in first.
palette-unknown = Nothing is called “{ $typed }”.

## About
about-title = About
about-what = prakan (ประกัน) — the back office of a Thai motor insurer
about-version = Version { $version }
about-database = Database: { $database }
about-geothai = Thai geography: GeoThai (github.com/GeoThai/data)
about-geothai-licence = CC BY 4.0, © 2026 Pongsakorn Thipayanate; DOPA codes, Thailand Post postcodes

## Confirmations
confirm-title = Please confirm
confirm-quit = Quit? What you have typed will be lost.
confirm-logout = Log out?
confirm-leave = Leave this screen? What you have typed will be lost.
confirm-keys = y / Enter: yes    n / Esc: no

## Idle lock
lock-title = Locked
lock-explain = The screen was locked after { $minutes } minutes without a key. Enter the password of { $username } to go on where you were.
lock-keys = Enter: unlock    Ctrl-C: quit    F2: ไทย / English
form-yes = yes
form-no = no
form-pick = Enter to choose…
picker-province = Province
picker-amphoe = Amphoe (district)
picker-khet = Khet (district)
picker-tambon = Tambon (subdistrict)
picker-khwaeng = Khwaeng (subdistrict)
picker-postcode = Postcode
picker-hint = Type in Thai or English · Enter: choose · Backspace: back a level · Esc: cancel
hint-save = save
hint-new-customer = new customer
hint-new = add
hint-edit = edit
hint-history = history
hint-search = search
hint-next-pane = next part
hint-reveal = show ID
hint-export = export (PDPA)
