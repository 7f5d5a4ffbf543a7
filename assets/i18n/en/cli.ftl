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
    prakan db status|start|stop|psql|url|maintain
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
cli-partitions-in-place = Audit partitions: already in place for this month and the next { $months }.
cli-partitions-created = Audit partitions created: { $names }.
cli-statistics-refreshed = Statistics refreshed on { $tables } tables.
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
bench-startup = the interface: warm and cold start to the login screen, key to frame, idle CPU, memory
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
