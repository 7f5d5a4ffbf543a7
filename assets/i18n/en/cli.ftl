# The command line.
cli-label = { $what ->
        [database] database
        [cluster] cluster
        [socket] socket
        [server] server
        [schema] schema
       *[data] data
    }
cli-cluster-created = Created a new embedded PostgreSQL cluster: { $description }
cli-overview-heading = prakan { $version } — { $database }
cli-overview-commands = Commands (prakan --help for all of them):
    prakan                       the terminal screens (in a terminal)
    prakan db status|start|stop|psql|url|maintain|backup|restore · prakan db replica start|stop|status
    prakan migrate · prakan seed --demo|--scale N · prakan staff … · prakan bench
cli-status-database-url = DATABASE_URL { $url }
cli-status-embedded = embedded PostgreSQL { $version } ({ $dir })
cli-server-not-created = not created yet (any prakan command creates it)
cli-server-stopped = stopped
cli-server-running = running (pid { $pid })
cli-server-kept-running = , kept running
cli-server-reachable = reachable
cli-server-unreachable = not reachable: { $detail }
cli-database-not-created = database { $name } not created yet
cli-schema-not-migrated = not migrated (run `prakan migrate`)
cli-schema-version = migration { $version }
cli-schema-behind = migration { $version } (this prakan has { $latest }: run `prakan migrate`)
cli-data-counts = { $customers } customers, { $vehicles } vehicles, { $policies } policies, { $claims } claims, { $payments } payments, { $staff } staff
cli-url-no-start-stop = DATABASE_URL is set: prakan does not start or stop that server.
cli-started-kept = The embedded cluster is running and stays running: { $description }
    Stop it with `prakan db stop`.
cli-stopped = The embedded cluster has stopped.
cli-was-not-running = The embedded cluster was not running.
cli-psql-failed = psql ended with { $status }.
cli-migrated = { $database } is at migration { $version }.
cli-geography = Geography: { $provinces } provinces, { $amphoes } amphoes, { $tambons } tambons (GeoThai, CC BY 4.0).
cli-config-bad-key = The config file's key setting { $entry } cannot be read; the default keys stay.
cli-config-bad-colour = The config file's colour { $entry } cannot be read; the default colours stay.
cli-demo-loaded = Demo data loaded: { $customers } customers, { $rows } rows in all.
cli-demo-already = The demo data is already loaded.
cli-demo-accounts = Demo accounts (password for all: { $password }):
cli-demo-column = { $column ->
        [username] username
        [role] role
        [name] name
       *[for] for
    }
cli-scale-loading = Loading { $customers } customers with their vehicles, policies, claims and payments…
cli-scale-progress = { $done }/{ $total } customers ({ $percent } %) · { $rows } rows · { $rate } rows/s · ETA { $eta }
cli-scale-done = Loaded { $customers } customers, { $rows } rows in { $load } s ({ $rate } rows/s), then statistics in { $analyze } s: { $total } s in all.
cli-scale-cancelled = Cancelled after { $customers } customers, { $rows } rows in { $load } s ({ $rate } rows/s), then statistics in { $analyze } s: { $total } s in all.
cli-scale-stopping = Stopping after the batches in flight…
cli-scale-triggers-on = (Loaded with triggers on: the connecting role is not a superuser.)
cli-staff-created = Created { $username } ({ $role }). They can log in now.
cli-staff-bad-role = "{ $role }" is not a group role; use one of { $known }.
cli-staff-bad-username = "{ $username }" cannot be a username: { $why }
cli-username-reserved = prakan_…, pg_… and postgres are reserved names.
cli-staff-negative-limit = The authority limit cannot be negative.
cli-staff-need-name = A name is needed, e.g. --name "สมชาย ใจดี".
cli-staff-not-found = There is no staff account named { $username }.
cli-staff-enabled = { $username } can log in again.
cli-staff-disabled = { $username } can no longer log in.
cli-staff-role-set = { $username } is now in the { $role } group.
cli-staff-password-changed = The password of { $username } has been changed.
cli-staff-status = { $login ->
        [yes] { $status }
       *[no] { $status } (no login)
    }
cli-staff-column = { $column ->
        [username] username
        [role] role
        [name] name
        [authority] approval limit
        [status] status
       *[last-login] last login
    }
cli-password-prompt = New password for { $username }: 
cli-password-again = Again: 
cli-password-differ = The two passwords differ; nothing was changed.
cli-password-bad = That password will not do: { $why }
cli-bench-unknown = There is no scenario named "{ $name }" (see prakan bench --list).
cli-bench-running = running { $scenario } …
cli-bench-column = { $column ->
        [scenario] scenario
        [rows] table rows
        [ops] ops
        [concurrency] conc
        [p50] p50 ms
        [p95] p95 ms
        [p99] p99 ms
        [mean] mean ms
       *[throughput] ops/s
    }
bench-customer-by-national-id = point lookup of a customer by national ID
bench-vehicle-by-plate = point lookup of a vehicle and its owner by plate and province
bench-lookup-national-id = jump box: a national ID typed with dashes
bench-lookup-phone = jump box: a phone number typed as +66
bench-lookup-plate = jump box: a plate followed by its province in Thai
bench-lookup-policy = jump box: a policy number in lower case
bench-lookup-claim = jump box: a claim number
bench-lookup-receipt = jump box: a receipt number
bench-lookup-email = jump box: an e-mail address in capitals
bench-lookup-name-typo = jump box: first and last name (Thai or English) with one letter wrong or missing
bench-lookup-surname-typo = jump box: a surname alone with one letter wrong or missing
bench-customer-360 = loading a customer 360 (profile, vehicles, policies, claims, payments, consents, documents)
cli-bench-pgbench = pgbench -S on the same cluster ({ $seconds } s, one client, prepared): latency average { $latency } ms, { $tps } transactions/s.
cli-bench-pgbench-failed = pgbench -S could not run: { $detail }
bench-startup-failed = The startup benchmark failed: { $detail }
bench-startup-row = { $what ->
        [warm] warm start → login screen
        [cold] cold start (initdb, migrate, demo) → login screen
       *[key] key → next frame
    }
bench-startup-column = { $column ->
        [measure] measure
        [runs] runs
        [p50] p50 ms
        [p95] p95 ms
        [p99] p99 ms
       *[max] max ms
    }
bench-startup-memory = Resident memory after logging in: { $megabytes } MB
bench-startup-idle = CPU while idle and logged in: { $percent } % over { $seconds } s

## --help
help-usage = Usage:
help-heading-commands = Commands
help-heading-options = Options
help-heading-arguments = Arguments
help-about = prakan (ประกัน): the back office of a Thai motor insurer, in the terminal. Without DATABASE_URL it runs its own private PostgreSQL in its data directory (PRAKAN_DATA_DIR; /var/lib/prakan as root), with demo data the first time; with DATABASE_URL it works with that server.
help-arg-keep_db_running = Leave the embedded PostgreSQL running when this process exits.
help-arg-no_demo = Do not load the demo data into a newly created embedded cluster.
help-arg-log_level = Log filter for the log file, e.g. "debug" or "prakan=trace".
help-arg-lang = The language before logging in: th or en.
help-arg-help = Print help.
help-arg-version = Print the version.
help-db-about = Manage the database: the embedded cluster or the DATABASE_URL server.
help-db-status-about = Show where the database is and whether it runs.
help-db-start-about = Start the embedded cluster and keep it running.
help-db-stop-about = Stop the embedded cluster.
help-db-stop-arg-force = Stop it even while other prakan processes use it.
help-db-psql-about = Open psql on the database (arguments after -- go to psql).
help-db-psql-arg-args = Arguments for psql.
help-db-url-about = Print the connection URL of the database.
help-migrate-about = Apply the migrations and reference data (needed on a DATABASE_URL server).
help-seed-about = Load demo data or scale data.
help-seed-arg-demo = Load the demo book of business and one staff account per group role (idempotent).
help-seed-arg-scale = Add N customers with vehicles, policies, claims and payments, for benchmarks.
help-seed-arg-SeedArgs = Either --demo or --scale.
help-staff-about = Manage staff accounts (PostgreSQL login roles plus the staff directory).
help-staff-add-about = Create a staff account (asks for the password, or reads it with --password-stdin).
help-staff-add-arg-username = The login name: lower-case letters, digits, "." or "_".
help-staff-add-arg-role = agent, underwriter, adjuster, surveyor, finance, auditor or admin.
help-staff-add-arg-name = Full name, e.g. "สมชาย ใจดี".
help-staff-add-arg-authority_limit = The largest amount in THB this person may approve.
help-staff-add-arg-email = Work e-mail address.
help-staff-add-arg-password_stdin = Read the password from the first line of standard input.
help-staff-list-about = List staff accounts.
help-staff-disable-about = Stop an account from logging in.
help-staff-disable-arg-username = The account.
help-staff-enable-about = Let a disabled account log in again.
help-staff-enable-arg-username = The account.
help-staff-set-role-about = Move an account to another group role.
help-staff-set-role-arg-username = The account.
help-staff-set-role-arg-role = agent, underwriter, adjuster, surveyor, finance, auditor or admin.
help-staff-passwd-about = Set an account's password.
help-staff-passwd-arg-username = The account.
help-staff-passwd-arg-password_stdin = Read the password from the first line of standard input.
help-bench-about = Run benchmark scenarios and report latency percentiles and throughput.
help-customer-about = Customers' data: the PDPA export.
help-customer-export-about = Write everything about a customer as JSON (PDPA s.31), to standard output or a file.
help-customer-export-arg-customer = The customer: its id, or its national or tax ID.
help-customer-export-arg-username = The staff account to act as (PRAKAN_USER); the database checks it may export, and the audit trail records it.
help-customer-export-arg-output = Write to this file (created readable by its owner only) instead of standard output.
help-customer-export-arg-password_stdin = Read the password from the first line of standard input.
cli-login-password = Password for { $username }: 
cli-customer-exported = Written to { $path }.
cli-customer-unknown-form = "{ $customer }" is neither a customer id nor a valid national ID.
cli-customer-not-found = No customer you may see has the ID { $customer }.
help-bench-arg-scenarios = Scenarios to run (all when none is named; "lookup" runs the customer lookups with pgbench -S beside them, "startup" measures the interface).
help-bench-arg-iterations = Measured operations per scenario.
help-bench-arg-concurrency = Operations running at once, each on its own connection.
help-bench-arg-json = Print JSON instead of a table.
help-bench-arg-list = List the scenarios and exit.
help-bench-arg-warm_runs = startup: warm starts to measure.
help-bench-arg-cold_runs = startup: cold starts (new data directory) to measure.
help-bench-arg-idle_seconds = startup: seconds of idling to measure CPU over.
help-bench-arg-pgbench_seconds = lookup: seconds of pgbench -S to run beside the scenarios (0: none); issue: seconds of pgbench's TPC-B-like run.
help-bench-arg-policies = issue: policies issued by one client, and again by --clients clients.
help-bench-arg-clients = issue: clients issuing at once for the throughput (and pgbench's clients).

## prakan reconcile
help-reconcile-about = Bank statements: import one and match it to payments, or write a sample to try.
help-reconcile-import-about = Import a bank statement into an account and match its lines to payments (finance).
help-reconcile-import-arg-file = The statement file (CSV or CAMT.053 XML).
help-reconcile-import-arg-profile = KBANK, SCB, CAMT053 or the code of a saved column mapping.
help-reconcile-import-arg-account = The insurer's account the statement is of, e.g. KBANK-PREMIUM.
help-reconcile-import-arg-username = The staff account to act as (PRAKAN_USER); the database lets only finance import, and the audit trail records it.
help-reconcile-import-arg-password_stdin = Read the password from the first line of standard input.
help-reconcile-sample-about = Write a sample statement of the database's pending payments, for trying prakan.
help-reconcile-sample-arg-file = The file to write (it must not exist yet).
help-reconcile-sample-arg-profile = KBANK, SCB or CAMT053.
help-reconcile-sample-arg-lines = Lines wanted (fewer when less is owed).
help-reconcile-sample-arg-account = The account: KBANK-PREMIUM unless told (SCB-PREMIUM for SCB).
help-reconcile-sample-arg-seed = The same seed, database and day give the same file.
help-bench-arg-statement_lines = reconcile: lines of the statement imported (then --iterations matches are made by hand through its unmatched lines).
reconcile-cli-unreadable = Cannot read { $path }: { $detail }
reconcile-cli-unwritable = Cannot write { $path }: { $detail }
reconcile-cli-refused = { $path } was not imported: { $why }
reconcile-cli-importing = Importing { $lines } lines into { $account }…
reconcile-cli-progress = { $stored }/{ $total } lines stored ({ $percent } %) · { $rate } lines/s
reconcile-cli-already = { $path } was imported into { $account } on { $at }: nothing was added.
reconcile-cli-no-account = There is no account { $account }; the accounts are { $known }.
reconcile-cli-no-profile = There is no profile { $profile }; the profiles are { $known }.
reconcile-cli-bad-mapping = The saved mapping { $profile } cannot be read: { $detail }
reconcile-cli-column = { $column ->
        [what] what
       *[value] value
    }
reconcile-cli-row = { $what ->
        [file] file
        [account] account
        [profile] profile
        [lines] lines in the file
        [new-lines] new lines
        [reference] matched by reference
        [reference-wht] matched by reference, less 1 % withholding
        [amount-date-name] matched by amount, date and name
        [unmatched] left unmatched
        [seconds] seconds
       *[other] { $what }
    }
reconcile-cli-nothing-new = Every line was already there (an overlapping file): nothing new.
reconcile-cli-left = { $count ->
        [one] One line is left for the reconciliation screen (log in to prakan as finance).
       *[other] { $count } lines are left for the reconciliation screen (log in to prakan as finance).
    }
reconcile-cli-sample-profile = A sample is written as { $known }, not "{ $profile }".
reconcile-cli-sample-lines = --lines takes a number from 1 to 1,000,000.
reconcile-cli-sample-nothing-owed = The database is owed no premium payment to make a statement of; load the demo (prakan seed --demo) first.
reconcile-cli-sample-written = Wrote { $path }: { $lines } lines of { $account } in the { $profile } layout.
reconcile-cli-sample-row = { $what ->
        [reference] bill payments quoting policy number and payment reference
        [less-withholding] the same from companies, less 1 % withholding
        [by-name] transfers naming the customer, near the due date
        [other-payer] transfers from someone else's account, near the due date
       *[unknown] money nobody owes (unknown transfers, deposits, fees)
    }
reconcile-cli-sample-next = Import it as finance: prakan reconcile import { $path } --profile { $profile } --account { $account } --as malee
bench-reconcile-column = { $column ->
        [what] what
       *[value] value
    }
bench-reconcile-row = { $what ->
        [pending] pending payments before the run
        [as] imported and matched as
        [mix] lines: reference / less withholding / by name / other payer / unknown
        [file] file (MB)
        [parse] parse and hash (s)
        [stage] import: lines staged (s)
        [import] import: whole, rules, receipts and commit included (s)
        [end-to-end] end to end (s)
        [rate] lines/s end to end
        [new-lines] lines new to the account
        [matched] matched: reference / less withholding / amount, date and name / unmatched
        [by-hand] by hand: lines looked at / without a candidate of their amount
        [restored] given back: payments / receipts (time)
       *[other] { $what }
    }
bench-reconcile-targets = Targets: import + auto-match { $rate } lines/s (≥ { $rate_target }); manual match p95 { $p95 } ms (≤ { $p95_target }).
help-bench-arg-audit_rows = oversight: bring the audit trail up to this many rows first, with synthetic rows spread over the last 12 months (0: measure the trail as it is).
bench-oversight-as = Charts and audit trail as { $auditor } (auditor), health as { $admin } (admin); the audit trail holds { $rows } rows.
bench-oversight-fill = --audit-rows { $wanted }: the trail held { $present } rows; { $added } synthetic rows added (business context BENCH_AUDIT, the last 12 months, { $partitions } monthly partitions created) in { $insert } s, then VACUUM (ANALYZE) in { $vacuum } s. They stay.
bench-oversight-fill-none = --audit-rows { $wanted }: the trail already holds { $present } rows; nothing was added.
bench-oversight-group = { $group ->
        [admin] admin
        [owner] owner
       *[auditor] auditor
    }
bench-oversight-column = { $column ->
        [measure] measure
        [as] as
        [ops] ops
        [rows] rows
        [p50] p50 ms
        [p95] p95 ms
        [max] max ms
       *[target] target (p95)
    }
bench-oversight-target = { $met ->
        [yes] ≤ { $target } ✓
       *[no] ≤ { $target } ✗
    }
bench-oversight-targets = Targets (p95): an audit trail page ≤ { $page } ms (a key answered within a frame or two); a chart as the screen loads it (from its snapshot) and its computation (-compute: a refresh, or the first look after the snapshot aged) ≤ { $chart } ms; the health screen ≤ { $health } ms.
# `prakan bench --list`: the benchmarks that run as a group, after the single scenarios.
bench-group = { $group ->
    [startup] the interface: warm and cold start to the login screen, key to frame, idle CPU, memory
    [issue] issuing policies as an underwriter, alone and with --clients at once, beside pgbench
    [renew] renewing the policies due, in chunks, with their no-claim discount
    [claims] the claim queues, take-next by eight adjusters at once, and the claim detail
    [reconcile] a statement imported and auto-matched, then its unmatched lines matched by hand
    [oversight] the charts, the audit trail's pages (--audit-rows to fill it first) and the health check
   *[other] { $group }
}
