# Read replicas: the status bar note, `prakan db replica …`, configuration errors.
replica-status-reading = reads: replica
replica-status-catching-up = reads: primary
replica-status-lagging = replica { $seconds } s late → primary
replica-status-unavailable = replica down → primary
replica-bad-url = DATABASE_REPLICA_URL holds { $url }, which is not a PostgreSQL URL: { $detail }
replica-external = DATABASE_URL is set: prakan does not make replicas of that server (that is its administrator's work). Once a streaming replica of it runs, list it in DATABASE_REPLICA_URL (environment or config file), e.g. DATABASE_REPLICA_URL=postgresql://replica-host:5432/prakan
replica-started = The local replica is running: { $url }
    prakan reads from it from the next login (it is used automatically while it runs). Stop it with `prakan db replica stop`.
replica-created = Copied the primary with pg_basebackup into { $dir }.
replica-stopped = The local replica has stopped; reads go to the primary.
replica-was-not-running = The local replica was not running.
replica-label = { $what ->
        [replica] replica
        [lag] lag
        [url] URL
       *[log] log
    }
replica-not-created = not created (prakan db replica start makes it)
replica-state-stopped = stopped
replica-state-running = running (pid { $pid })
replica-lag-none = none: everything received is replayed
replica-lag-seconds = { $seconds } s behind the primary
replica-lag-unknown = unknown: { $detail }
replica-configured = DATABASE_REPLICA_URL lists { $count } replica(s): { $urls }
help-db-replica-about = A local streaming replica of the embedded cluster, for reading from it (prakan uses it while it runs).
help-db-replica-start-about = Copy the embedded cluster with pg_basebackup (the first time) and start the replica on its own socket.
help-db-replica-stop-about = Stop the local replica; reads go to the primary.
help-db-replica-status-about = Show whether the replica runs, how far behind it is, and its URL.
