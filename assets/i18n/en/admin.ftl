# Administration: the staff and settings screens, and the rules behind them.
admin-conflict = Someone else changed this since it was shown; nothing was saved. The list has been reloaded — check it and try again.
admin-limit-negative = The authority limit cannot be negative.
admin-limit-not-number = Type an amount in baht, for example 50000 or 50,000.00.
admin-setting-out-of-range = The value must lie between { $min } and { $max }.
admin-setting-form = The value does not have the required form ({ $pattern }).
admin-setting-integer = Type a whole number, for example 30.
admin-setting-decimal = Type a number, for example 12.50.
admin-setting-boolean = Type true or false (yes/no also work).
admin-setting-json = This is not valid JSON.
admin-rating-date-future = A new rating table must take effect after today.
admin-rating-date-invalid = Type the date as day/month/year, for example 1/1/2570.
admin-rating-description-empty = Describe the rating table, for example "2027 rates".
admin-rating-premium-positive = The base premium must be more than zero.
admin-rating-rate-negative = The own-damage rate cannot be negative.
admin-rating-multiplier-positive = The multiplier must be more than zero.
admin-rating-number = Type a number, for example 1.05.
constraint-end-own-session = You cannot end your own session here; log out instead.
constraint-rating-in-force = This rating table is in force and cannot be changed; add a new one from a future date.
constraint-rating-date-taken = A rating table already takes effect on that date.
login-session-ended-by-admin = An administrator ended your session. Log in again to continue.

# The staff screen.
screen-staff = Staff
screen-settings = Settings
staff-title = Staff accounts
staff-col-name = Name
staff-col-username = Username
staff-col-group = Group
staff-col-limit = Limit
staff-col-status = Status
staff-col-last-login = Last login
staff-status-active = active
staff-status-disabled = disabled
staff-never = never
staff-empty = No staff account matches.
staff-filter = Filter: { $text }
staff-add-title = New staff account
staff-field-username = Username
staff-field-first-name = First name
staff-field-last-name = Last name
staff-field-group = Group
staff-field-limit = Authority limit
staff-field-email = E-mail
staff-field-password = Password
staff-field-repeat = Repeat password
staff-group-hint = ←/→ to choose
staff-required = This field is required.
staff-passwords-differ = The two passwords differ.
staff-email-invalid = The e-mail address is not valid.
staff-group-title = Group of { $name }
staff-limit-title = Authority limit of { $name }
staff-password-title = New password for { $name }
staff-confirm-disable = Disable { $name } ({ $username })? They can no longer log in. [y/n]
staff-confirm-enable = Enable { $name } ({ $username }) again? [y/n]
staff-confirm-end = End every live session of { $name } ({ $username })? Their prakan returns to the login screen. [y/n]
staff-created = { $username } can now log in.
staff-group-changed = { $username } is now in the group { $group }.
staff-limit-changed = The authority limit of { $username } is now { $limit } baht.
staff-disabled = { $username } is disabled and can no longer log in.
staff-enabled = { $username } can log in again.
staff-password-reset = The password of { $username } has been reset.
staff-sessions-ended = { $count } connections of { $username } were ended.
staff-form-keys = Tab next field · Enter save · Esc cancel

# The settings screen.
settings-title = Settings
settings-tab-settings = Settings
settings-tab-rating = Rating tables
settings-col-key = Setting
settings-col-type = Type
settings-col-value = Value
settings-col-bounds = Bounds
settings-readonly = read-only
settings-masked = •••••
settings-keys-readonly = read-only for your role · Tab rating tables
settings-edit-title = { $key } ({ $kind })
settings-edit-keys = Enter save · Esc cancel
settings-saved = { $key } is now { $value }.
settings-description = { $text }
rating-col-effective = Effective from
rating-col-description = Description
rating-col-rows = Rates / bands
rating-col-state = State
rating-state-in-force = in force
rating-state-past = superseded
rating-state-future = future
rating-detail-keys = ←/→ base rates/factors · Enter/e edit · Esc back
rating-detail-locked = In force: read only. Add a new version (n) to change the rates.
rating-pane-base = Base rates
rating-pane-factors = Factors
rating-col-class = Class
rating-col-vehicle = Vehicle
rating-col-usage = Use
rating-col-base = Base premium
rating-col-od-rate = OD rate
rating-col-kind = Factor
rating-col-band = Band
rating-col-multiplier = Multiplier
rating-new-title = New rating table from the one in force
rating-field-effective = Effective from (d/m/yyyy)
rating-field-description = Description
rating-edit-base-title = { $class } · { $vehicle } · { $usage }
rating-edit-factor-title = { $kind } { $band }
rating-field-base = Base premium (THB)
rating-field-od-rate = Own-damage rate (0.012 = 1.2 %)
rating-field-multiplier = Multiplier
rating-confirm-delete = Delete the rating table of { $date } with all its rates? [y/n]
rating-created = The rating table of { $date } was added, copied from the one in force.
rating-deleted = The rating table of { $date } was deleted.
rating-saved = Saved.

# Keys of the administration screens (help and hints).
action-change-group = Move the staff member to another group
action-set-limit = Set the authority limit
action-toggle-active = Disable or enable the account
action-reset-password = Reset the password
action-end-sessions = End the live sessions
hint-change-group = group
hint-set-limit = limit
hint-toggle-active = disable/enable
hint-reset-password = password
hint-end-sessions = end sessions
settings-reveal-hint = r shows or hides the value
rating-keys = n new version from the one in force · D delete a future version

# What each setting does, in the reader's language; a setting added later shows the
# description stored with it.
settings-category = { $category ->
    [CLAIMS] Claims
    [COMPANY] Company
    [PAYMENT] Payments
    [POLICY] Policies
    [SECURITY] Security
    [SYSTEM] System
    [UNDERWRITING] Underwriting
   *[other] { $category }
}
settings-about = { $key ->
    [CHART_SNAPSHOT_MINUTES] The charts show figures computed at most this many minutes ago (prakan db maintain recomputes them)
    [CLAIM_INVESTIGATION_SCORE] A fraud score at or above this sends the claim to the investigation queue
    [CLAIM_SENIOR_AUTHORITY] Adjusters whose authority is at least this may assign claims to others
    [CLAIM_SLA_ASSESSMENT_DAYS] A claim is assessed within this many days of its report
    [CLAIM_SLA_CONTACT_DAYS] A reported claim is taken by an adjuster within this many days
    [MAX_CLAIM_AMOUNT] The largest amount of one claim, in baht
    [COMPANY_ADDRESS_TH] The insurer's address on receipts and tax invoices
    [COMPANY_BRANCH] The issuing branch on tax invoices: 00000 is the head office
    [COMPANY_NAME_TH] The insurer's registered name on receipts and tax invoices
    [COMPANY_TAX_ID] The insurer's 13-digit tax ID
    [PAYMENT_TIMEOUT_MINUTES] How long a payment gateway may take, in minutes
    [RECONCILE_NAME_SIMILARITY] How alike a statement line's description and a customer's name must be for a match by amount and date (0–1)
    [DEFAULT_NO_CLAIM_DISCOUNT] The no-claim discount of a first policy, in per cent (0, 20, 30, 40 or 50)
    [POLICY_GRACE_PERIOD_DAYS] How many days after its end a policy may still be renewed
    [RENEWAL_QUEUE_DAYS] The renewal queue shows policies ending within this many days
    [MAX_LOGIN_ATTEMPTS] Failed logins in a row before an account is locked
    [SESSION_TIMEOUT_HOURS] How many hours a login session lasts
    [SMS_OTP_EXPIRY_MINUTES] How many minutes an SMS one-time password stays valid
    [DEMO_DATA_VERSION] The version of the demo data loaded into this database
    [UW_CLAIMS_IN_YEAR_REFERRAL] This many claims by the customer in the 12 months before the start refer the policy to an underwriter
    [UW_CLASS_1_MAX_VEHICLE_AGE] Class 1 on a vehicle older than this many years is referred to an underwriter
   *[other] { $stored }
}
