# Oversight: the history of a record (shared by every screen), the audit trail, database health and charts.

history-nothing-selected = Select a record first, then press h to see its history

screen-audit = Audit trail
screen-charts = Charts

## Audit trail
audit-column-when = When
audit-column-table = Table
audit-column-operation = Operation
audit-column-who = By
audit-column-changed = Fields changed
audit-column-field = Field
audit-column-before = Before
audit-column-after = After
audit-record = Record
audit-context = Task: { $context }
audit-none = No entries match this filter
audit-entry-gone = This entry is no longer there
audit-no-filter = Every entry (no filter)
audit-filtered = Filter: { $filters }
audit-since = from { $date }
audit-until = to { $date }
audit-count = { $count } shown
audit-count-more = first { $count } shown · move down to load more
audit-table = { $table ->
        [users] Staff
        [user_sessions] Sessions
        [customers] Customers
        [customer_vehicles] Vehicles
        [dlt_verifications] DLT checks
        [consent_records] Consents
        [customer_documents] Customer documents
        [policies] Policies
        [policy_documents] Policy documents
        [policy_renewals] Renewals
        [policy_referrals] Referrals
        [claims] Claims
        [claim_documents] Claim documents
        [claim_assessments] Assessments
        [claim_settlements] Settlements
        [payments] Payments
        [payment_transactions] Payment transactions
        [payment_receipts] Receipts
        [system_configurations] Settings
        [rating_tables] Rating tables
        [rating_base_rates] Base rates
        [rating_factors] Rating factors
        [bank_accounts] Bank accounts
        [statement_profiles] Statement profiles
        [bank_statements] Bank statements
        [bank_statement_lines] Statement lines
        [reconciliation_matches] Reconciliation matches
       *[other] { $table }
    }

## Audit trail filter
audit-filter-title = Filter the audit trail
audit-filter-table = Table
audit-filter-record = Record id
audit-filter-staff = Staff member
audit-filter-operation = Operation
audit-filter-from = From
audit-filter-to = To
audit-filter-keys = ←/→ choose · Tab next field · Enter filter · Esc cancel
audit-any = Any
audit-staff-choice = { $name } ({ $username })
audit-date-placeholder = e.g. 1/11/2569 or 2026-11-01
audit-record-placeholder = the record's UUID
audit-record-not-an-id = A record id is a UUID, e.g. 3f2a…-… (copy it from an entry)
audit-to-before-from = The end date cannot be before the start date

## Database health
health-check-name = { $check ->
        [database_size] Database size
        [connections] Connections
        [replication_lag] Replication lag
        [largest_tables] Largest tables
        [long_running_queries] Long-running queries
        [statement_statistics] Statement statistics
       *[other] { $check }
    }
health-partitions-of = Partitions ahead: { $table }
health-statistics-state = { $state ->
        [on] on
        [not_preloaded] installed, not preloaded
        [not_created] preloaded, extension not created
       *[other] not installed
    }
health-long-queries-title = Queries running over { $seconds } s
health-long-queries-none = none
health-running-for = running { $seconds } s
health-slow-title = Slowest statements (over { $ms } ms on average)
health-slow-none = No statement is slower than that
health-slow-figures = { $mean } ms × { $calls }
health-statistics-off = { $state ->
        [not_preloaded] No statistics yet: add pg_stat_statements to the server's shared_preload_libraries and restart it.
        [not_created] No statistics yet: have the server's administrator run CREATE EXTENSION pg_stat_statements; in this database.
       *[other] No statistics yet: install pg_stat_statements (package postgresql-contrib), add it to shared_preload_libraries, restart the server, then CREATE EXTENSION pg_stat_statements;
    }

## Charts
charts-claims-by-status = Claims by status
charts-claims-ageing = Open claims by age
charts-premium-written = Premium written per month
charts-loss-ratio = Loss ratio per month
charts-backlog = Reconciliation backlog
charts-tab-status = Claim status
charts-tab-ageing = Claim age
charts-tab-premium = Premium
charts-tab-loss-ratio = Loss ratio
charts-tab-backlog = Backlog
charts-none = There are no charts for your role
charts-claims-total = { $count } claims in all (deleted ones left out)
charts-days = { $bucket } days
charts-ageing-note = { $count } claims not yet closed, aged from the day they were reported
charts-premium-note = { $range }: { $total } from { $policies } policies (by the month they were issued)
charts-loss-note = { $range }: claims incurred (approved, or estimated until approved, by the month of the incident) ÷ premium written that month
charts-backlog-kind = { $kind ->
        [unmatched_lines] Unmatched statement lines
       *[other] Owed payments overdue
    }
charts-backlog-note = { $lines } unmatched ({ $lines_amount }) · { $owed } overdue ({ $owed_amount }) · by days
charts-as-of = As of { $when } ({ $minutes ->
        [one] every minute
       *[other] every { $minutes } minutes
    })
charts-unit = { $unit ->
        [thousands] thousand baht
        [millions] million baht
       *[other] baht
    }
