# prakan db maintain, prakan db backup, prakan db restore.

maintain-label = { $what ->
        [partitions] partitions
        [policies] policies
        [overdue] overdue
        [sessions] sessions
        [names] name search
        [charts] charts
       *[statistics] statistics
    }
maintain-partitions-in-place = in place for this month and the next { $months } ({ $tables })
maintain-partitions-created = { $count } created: { $names }
maintain-policies-expired = { $count } past their end date marked expired
maintain-payments-overdue = { $marked } payments newly marked overdue; { $total } overdue in all
maintain-sessions-closed = { $count } expired sessions closed
maintain-name-words = { $added } words added, { $removed } removed
maintain-chart-snapshots = { $count } chart snapshots recomputed (the charts show them for CHART_SNAPSHOT_MINUTES minutes)
maintain-vacuumed = VACUUM (ANALYZE) on { $tables } tables in { $seconds } s
maintain-analyzed-only = ANALYZE on { $tables } tables in { $seconds } s (no VACUUM: --no-vacuum)

backup-label = { $what ->
        [file] file
        [size] size
        [entries] contents
       *[time] time
    }
backup-entries = { $entries } entries (checked with pg_restore --list)
backup-seconds = { $seconds } s
backup-done = The backup of { $database } is complete and readable: { $file }
backup-step-dumping = Dumping database { $database } to { $file } with pg_dump… (minutes on a big database)
backup-step-checking = Checking { $file } with pg_restore --list…
restore-step-dropping = Dropping database { $database } (--force)…
restore-step-creating = Creating database { $database }…
restore-step-restoring = Restoring { $file } into { $database } with pg_restore… (minutes on a big database)
restore-done = Restored { $file } into the empty database { $database }: { $tables } tables, migration { $migration }, in { $seconds } s.
restore-done-replaced = Replaced database { $database } with { $file }: { $tables } tables, migration { $migration }, in { $seconds } s.
restore-behind = The backup is at migration { $migration } and this prakan at { $latest }: `prakan migrate` (with DATABASE_URL naming that database) brings it up to date.
restore-other-database = The configured database is unchanged. To work with { $database }, point DATABASE_URL at it (see `prakan db url`).

backup-bad-url = The connection URL cannot be used: { $detail }
backup-no-tools = No pg_dump and pg_restore of PostgreSQL { $major } or newer were found. Install the PostgreSQL { $major } client (apt-get install postgresql-client-{ $major }) or set PG_BIN to its bin directory.
backup-program-failed = { $program } failed: { $detail }
backup-not-a-dump = { $file } cannot be read as a prakan backup (a pg_dump custom-format file): { $detail }
backup-not-prakan = { $file } is a PostgreSQL backup, but not of a prakan database (it has no _sqlx_migrations table). Nothing was restored.
backup-file-exists = { $file } exists already; choose another file name (a backup never overwrites one).
backup-io = { $context }: { $detail }
restore-bad-name = "{ $name }" cannot be the database to restore into: use a name of up to 63 characters without quotes or slashes, other than postgres, template0 and template1.
restore-not-empty = Database { $database } is not empty: it holds { $tables } tables (migration { $migration }). Nothing was changed. To restore into a new database, add --database NAME; to replace everything in { $database } with the backup, add --force (the database is dropped and created anew, and this is refused while anyone is connected to it).
restore-in-use = Database { $database } was not replaced: { $sessions } other { $sessions ->
        [one] session is
       *[other] sessions are
    } connected to it ({ $who }). Ask them to log out or stop prakan there, then run the restore again. Nothing was changed.

help-db-maintain-about = Upkeep, safe to run from cron: monthly partitions ahead, expired policies, overdue payments, expired sessions, the name search dictionary, the charts' snapshots, VACUUM and statistics.
help-db-maintain-arg-no_vacuum = Only ANALYZE, without VACUUM (faster on a big database).
help-db-backup-about = Back the database up with pg_dump (custom format) and check the file with pg_restore --list.
help-db-backup-arg-file = Where to write the backup (default: backups/ in the data directory, named by the Bangkok date and time).
help-db-restore-about = Restore a backup into an empty database on the same server.
help-db-restore-arg-file = The backup file (made by prakan db backup).
help-db-restore-arg-database = Restore into this database (created if missing) instead of the configured one.
help-db-restore-arg-force = Drop and recreate a database that is not empty (refused while anyone is connected to it).
