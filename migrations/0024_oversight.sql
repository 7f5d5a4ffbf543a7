-- Oversight (issue 8): the audit trail viewer's indexes, a corrected health check with its
-- lists (long-running queries, slowest statements), and the charts' aggregates.

-- ---------------------------------------------------------------------------------------
-- The audit trail viewer filters by table, record, staff member, operation and time, and
-- pages newest first by (logged_at, id). Each filter alone is answered from an index that
-- already yields that order; a time range alone uses idx_audit_logs_logged_at and the
-- pruning of monthly partitions. (Indexes on the parent cascade to every partition.)
CREATE INDEX idx_audit_logs_table_logged ON audit_logs (table_name, logged_at, id);
CREATE INDEX idx_audit_logs_record_logged ON audit_logs (record_id, logged_at, id);

-- The tables whose rows are audited (they carry the audit trigger), for the viewer's
-- picker: read from the catalogue, never by scanning the trail.
CREATE FUNCTION audited_tables() RETURNS SETOF text
LANGUAGE sql STABLE
SET search_path = public, pg_temp
AS $$
    SELECT DISTINCT c.relname::text
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE t.tgname = 'audit_row_change' AND c.relnamespace = 'public'::regnamespace
     ORDER BY 1
$$;
REVOKE ALL ON FUNCTION audited_tables() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audited_tables() TO prakan_auditor, prakan_admin;

-- ---------------------------------------------------------------------------------------
-- Refuses a caller in none of `groups` (functions that run as their owner do not trust
-- EXECUTE alone to keep others out). Anyone may call it: it only says no.
CREATE FUNCTION require_group(VARIADIC groups text[]) RETURNS void
LANGUAGE plpgsql STABLE
SET search_path = public, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM unnest(groups) AS g(name)
                    WHERE pg_has_role(session_user, g.name, 'MEMBER')) THEN
        RAISE EXCEPTION 'only % may see this', array_to_string(groups, ', ')
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END
$$;

-- ---------------------------------------------------------------------------------------
-- Health. The statement statistics exist only when pg_stat_statements is preloaded: an
-- extension created without it makes every read of its view fail.
-- Runs as its owner to read shared_preload_libraries (hidden from ordinary roles); a
-- server that hides it even from the owner counts as "not installed".
CREATE FUNCTION statement_statistics_state() RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    IF to_regclass('pg_stat_statements') IS NULL THEN
        BEGIN
            IF current_setting('shared_preload_libraries') ~ 'pg_stat_statements' THEN
                RETURN 'not_created';
            END IF;
        EXCEPTION WHEN insufficient_privilege THEN
            NULL;
        END;
        RETURN 'not_installed';
    END IF;
    PERFORM 1 FROM pg_stat_statements LIMIT 1;
    RETURN 'on';
EXCEPTION WHEN object_not_in_prerequisite_state THEN
    RETURN 'not_preloaded';
END
$$;
REVOKE ALL ON FUNCTION statement_statistics_state() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION statement_statistics_state() TO prakan_admin;

-- The cluster preloads it (prakan's own cluster does): create the extension when this
-- role may. A server without it keeps working; the health screen says how to turn it on.
DO $$
BEGIN
    IF current_setting('shared_preload_libraries') ~ 'pg_stat_statements'
       AND EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_stat_statements') THEN
        CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
    END IF;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'pg_stat_statements not created: the migrating role may not create it';
END
$$;

-- Statements slower than `min_mean_ms` on average, slowest first; empty (not an error)
-- while the statistics are not on.
CREATE OR REPLACE FUNCTION slow_queries(min_mean_ms double precision DEFAULT 100)
RETURNS TABLE (query text, calls bigint, total_ms double precision, mean_ms double precision,
               rows bigint, hit_percent numeric)
LANGUAGE plpgsql STABLE
SET search_path = public, pg_temp
AS $$
BEGIN
    IF statement_statistics_state() <> 'on' THEN
        RETURN;
    END IF;
    RETURN QUERY EXECUTE
        'SELECT s.query, s.calls, s.total_exec_time, s.mean_exec_time, s.rows,
                round(100.0 * s.shared_blks_hit / nullif(s.shared_blks_hit + s.shared_blks_read, 0), 2)
           FROM pg_stat_statements s
          WHERE s.mean_exec_time > $1
          ORDER BY s.mean_exec_time DESC'
    USING min_mean_ms;
EXCEPTION WHEN object_not_in_prerequisite_state THEN
    RETURN;
END
$$;

-- Queries of this database running longer than `min_seconds`: who, since when, what.
CREATE FUNCTION long_running_queries(min_seconds integer DEFAULT 30)
RETURNS TABLE (pid integer, username text, staff_name text, query_start timestamptz,
               seconds bigint, state text, query text)
LANGUAGE sql STABLE
SET search_path = public, pg_temp
AS $$
    SELECT a.pid, a.usename::text,
           NULLIF(concat_ws(' ', u.first_name, u.last_name), ''),
           a.query_start,
           extract(epoch FROM now() - a.query_start)::bigint,
           a.state, left(a.query, 500)
      FROM pg_stat_activity a
      LEFT JOIN users u ON u.username = a.usename
     WHERE a.datname = current_database()
       AND a.backend_type = 'client backend'
       AND a.state <> 'idle'
       AND a.pid <> pg_backend_pid()
       AND now() - a.query_start > make_interval(secs => min_seconds)
     ORDER BY a.query_start
$$;
REVOKE ALL ON FUNCTION long_running_queries(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION long_running_queries(integer) TO prakan_admin;

-- The health checks, as codes and figures the screen puts into sentences in the reader's
-- language. Corrected: months ahead for every partitioned table (one row each, the table
-- in `details`), queries running over five minutes, and the state of statement statistics.
CREATE OR REPLACE FUNCTION check_database_health()
RETURNS TABLE (check_name text, status text, figure numeric, details text)
LANGUAGE plpgsql STABLE
SET search_path = public, pg_temp
AS $$
DECLARE
    connection_limit integer := current_setting('max_connections')::integer;
    lag_seconds double precision;
    parent record;
BEGIN
    PERFORM require_group('prakan_admin');

    check_name := 'database_size';
    status := 'INFO';
    figure := pg_database_size(current_database());
    details := pg_size_pretty(figure::bigint);
    RETURN NEXT;

    check_name := 'connections';
    SELECT count(*) INTO figure FROM pg_stat_activity WHERE backend_type = 'client backend';
    status := CASE WHEN figure > 0.8 * connection_limit THEN 'WARNING' ELSE 'OK' END;
    details := connection_limit::text;
    RETURN NEXT;

    check_name := 'replication_lag';
    IF pg_is_in_recovery() THEN
        lag_seconds := extract(epoch FROM now() - pg_last_xact_replay_timestamp());
        status := CASE WHEN lag_seconds IS NULL OR lag_seconds > 60 THEN 'WARNING' ELSE 'OK' END;
        details := 'replica';
    ELSE
        SELECT max(extract(epoch FROM replay_lag)) INTO lag_seconds FROM pg_stat_replication;
        status := CASE WHEN lag_seconds > 60 THEN 'WARNING' ELSE 'OK' END;
        details := CASE WHEN EXISTS (SELECT 1 FROM pg_stat_replication) THEN 'primary' ELSE 'no_replica' END;
    END IF;
    figure := round(lag_seconds::numeric, 1);
    RETURN NEXT;

    check_name := 'largest_tables';
    status := 'INFO';
    figure := NULL;
    SELECT string_agg(format('%s (%s)', largest.relid::regclass, pg_size_pretty(largest.size)), ', ' ORDER BY largest.size DESC)
      INTO details
      FROM (SELECT c.oid AS relid,
                   CASE WHEN c.relkind = 'p'
                        THEN (SELECT COALESCE(sum(pg_total_relation_size(t.relid)), 0)::bigint
                                FROM pg_partition_tree(c.oid) t WHERE t.isleaf)
                        ELSE pg_total_relation_size(c.oid) END AS size
              FROM pg_class c
             WHERE c.relnamespace = 'public'::regnamespace
               AND (c.relkind = 'p' OR (c.relkind = 'r' AND NOT c.relispartition))
             ORDER BY size DESC LIMIT 5) AS largest;
    RETURN NEXT;

    -- Months ahead of the current Bangkok month, for every table partitioned by month
    -- (its partitions are named <table>_yYYYYmMM).
    FOR parent IN
        SELECT c.oid, c.relname::text AS name
          FROM pg_partitioned_table pt JOIN pg_class c ON c.oid = pt.partrelid
         WHERE c.relnamespace = 'public'::regnamespace
         ORDER BY c.relname
    LOOP
        check_name := 'partitions_ahead';
        SELECT count(*) INTO figure
          FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhrelid
         WHERE i.inhparent = parent.oid
           AND p.relname ~ ('^' || parent.name || '_y[0-9]{4}m[0-9]{2}$')
           AND to_date(right(p.relname, 7), 'YYYY"m"MM')
               > date_trunc('month', now() AT TIME ZONE 'Asia/Bangkok');
        status := CASE WHEN figure < 2 THEN 'WARNING' ELSE 'OK' END;
        details := parent.name;
        RETURN NEXT;
    END LOOP;

    check_name := 'long_running_queries';
    SELECT count(*) INTO figure FROM pg_stat_activity
     WHERE state = 'active' AND backend_type = 'client backend'
       AND now() - query_start > interval '5 minutes';
    status := CASE WHEN figure > 0 THEN 'WARNING' ELSE 'OK' END;
    details := NULL;
    RETURN NEXT;

    check_name := 'statement_statistics';
    details := statement_statistics_state();
    status := CASE WHEN details = 'on' THEN 'OK' ELSE 'INFO' END;
    figure := NULL;
    RETURN NEXT;
END
$$;

-- ---------------------------------------------------------------------------------------
-- Charts: aggregates only, computed as the functions' owner so that the figures cover the
-- whole book; each refuses a caller outside the groups it is for (and EXECUTE is granted
-- only to them).

-- Claims not deleted, by status, in the order of the workflow.
CREATE FUNCTION chart_claims_by_status()
RETURNS TABLE (status text, claims bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM require_group('prakan_adjuster', 'prakan_auditor', 'prakan_admin');
    RETURN QUERY
        SELECT c.status::text, count(*)
          FROM claims c
         WHERE c.deleted_at IS NULL
         GROUP BY c.status
         ORDER BY array_position(ARRAY['REPORTED', 'ASSIGNED', 'INVESTIGATING', 'ASSESSED',
                                       'APPROVED', 'SETTLED', 'CLOSED', 'REJECTED'],
                                 c.status::text);
END
$$;

-- Open claims (not settled, closed or rejected) by whole days since the report, in
-- Bangkok days: 0-7, 8-30, 31-90, over 90.
CREATE FUNCTION chart_claims_ageing()
RETURNS TABLE (bucket text, claims bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    today date := (now() AT TIME ZONE 'Asia/Bangkok')::date;
BEGIN
    PERFORM require_group('prakan_adjuster', 'prakan_auditor', 'prakan_admin');
    RETURN QUERY
        WITH ages AS (
            SELECT today - (c.reported_date AT TIME ZONE 'Asia/Bangkok')::date AS days
              FROM claims c
             WHERE c.deleted_at IS NULL
               AND c.status IN ('REPORTED', 'ASSIGNED', 'INVESTIGATING', 'ASSESSED', 'APPROVED')
        )
        SELECT b.bucket, count(a.days)
          FROM (VALUES (1, '0-7', 0, 7), (2, '8-30', 8, 30), (3, '31-90', 31, 90),
                       (4, '90+', 91, 2147483647)) AS b(sort, bucket, low, high)
          LEFT JOIN ages a ON a.days BETWEEN b.low AND b.high
         GROUP BY b.sort, b.bucket
         ORDER BY b.sort;
END
$$;

-- Premium written: the total premium of policies issued in each Bangkok month, the last
-- `months` months up to this one (months without policies give zero).
CREATE INDEX idx_policies_issued ON policies (issued_at) INCLUDE (total_premium)
    WHERE issued_at IS NOT NULL AND deleted_at IS NULL;

-- The premium written per month from `first_month` (shared by the two charts below; not
-- callable on its own).
CREATE FUNCTION chart_premium_written_rows(first_month date)
RETURNS TABLE (month date, premium numeric, policies bigint)
LANGUAGE sql STABLE
SET search_path = public, pg_temp
AS $$
    SELECT date_trunc('month', p.issued_at AT TIME ZONE 'Asia/Bangkok')::date,
           sum(p.total_premium), count(*)
      FROM policies p
     WHERE p.issued_at IS NOT NULL AND p.deleted_at IS NULL
       AND p.issued_at >= first_month::timestamp AT TIME ZONE 'Asia/Bangkok'
     GROUP BY 1
$$;

CREATE FUNCTION chart_premium_written(months integer DEFAULT 12)
RETURNS TABLE (month date, premium numeric, policies bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    this_month date := date_trunc('month', now() AT TIME ZONE 'Asia/Bangkok')::date;
    first_month date := (this_month - (greatest(months, 1) - 1) * interval '1 month')::date;
BEGIN
    PERFORM require_group('prakan_underwriter', 'prakan_auditor', 'prakan_admin');
    RETURN QUERY
        SELECT m.month::date, COALESCE(w.premium, 0), COALESCE(w.policies, 0)
          FROM generate_series(first_month, this_month, interval '1 month') AS m(month)
          LEFT JOIN chart_premium_written_rows(first_month) w ON w.month = m.month::date
         ORDER BY 1;
END
$$;

-- Loss ratio per Bangkok month: claims incurred in the month (the approved amount, or
-- the estimate until one is approved, of claims whose incident fell in the month; rejected
-- claims count nothing) over the premium written in the month. NULL with no premium.
CREATE FUNCTION chart_loss_ratio(months integer DEFAULT 12)
RETURNS TABLE (month date, premium numeric, incurred numeric, ratio numeric)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    this_month date := date_trunc('month', now() AT TIME ZONE 'Asia/Bangkok')::date;
    first_month date := (this_month - (greatest(months, 1) - 1) * interval '1 month')::date;
BEGIN
    PERFORM require_group('prakan_underwriter', 'prakan_auditor', 'prakan_admin');
    RETURN QUERY
        WITH incurred AS (
            SELECT date_trunc('month', c.incident_date AT TIME ZONE 'Asia/Bangkok')::date AS month,
                   sum(COALESCE(c.approved_amount, c.estimated_amount, 0)) AS amount
              FROM claims c
             WHERE c.deleted_at IS NULL AND c.status <> 'REJECTED'
               AND c.incident_date >= first_month::timestamp AT TIME ZONE 'Asia/Bangkok'
             GROUP BY 1
        )
        SELECT m.month::date, COALESCE(w.premium, 0), COALESCE(i.amount, 0),
               round(COALESCE(i.amount, 0) / nullif(w.premium, 0), 4)
          FROM generate_series(first_month, this_month, interval '1 month') AS m(month)
          LEFT JOIN chart_premium_written_rows(first_month) w ON w.month = m.month::date
          LEFT JOIN incurred i ON i.month = m.month::date
         ORDER BY 1;
END
$$;

-- The reconciliation backlog by age: statement lines still unmatched (days since booked)
-- and incoming payments owed past their due date (days overdue), in buckets 1-7, 8-30,
-- 31-90 and over 90 days (lines: 0-7); with the count and the amount of each.
CREATE INDEX idx_bank_statement_lines_unmatched ON bank_statement_lines (booked_at)
    INCLUDE (amount) WHERE status = 'UNMATCHED';

CREATE FUNCTION chart_reconciliation_backlog()
RETURNS TABLE (kind text, bucket text, items bigint, amount numeric)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    today date := (now() AT TIME ZONE 'Asia/Bangkok')::date;
BEGIN
    PERFORM require_group('prakan_finance', 'prakan_auditor', 'prakan_admin');
    RETURN QUERY
        WITH aged AS (
            SELECT 'unmatched_lines' AS kind,
                   today - (l.booked_at AT TIME ZONE 'Asia/Bangkok')::date AS days, l.amount
              FROM bank_statement_lines l
             WHERE l.status = 'UNMATCHED'
            UNION ALL
            SELECT 'overdue_payments', today - p.due_date, p.total_amount
              FROM payments p
             WHERE p.payment_direction = 'INCOMING'
               AND p.payment_status IN ('PENDING', 'PROCESSING')
               AND p.due_date < today
        )
        SELECT k.kind, b.bucket, count(a.days), COALESCE(sum(a.amount), 0)
          FROM (VALUES (1, 'unmatched_lines'), (2, 'overdue_payments')) AS k(sort, kind)
         CROSS JOIN (VALUES (1, '0-7', 0, 7), (2, '8-30', 8, 30), (3, '31-90', 31, 90),
                            (4, '90+', 91, 2147483647)) AS b(sort, bucket, low, high)
          LEFT JOIN aged a ON a.kind = k.kind AND a.days BETWEEN b.low AND b.high
         GROUP BY k.sort, k.kind, b.sort, b.bucket
         ORDER BY k.sort, b.sort;
END
$$;

REVOKE ALL ON FUNCTION chart_claims_by_status(), chart_claims_ageing(),
    chart_premium_written(integer), chart_loss_ratio(integer),
    chart_premium_written_rows(date), chart_reconciliation_backlog() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION chart_claims_by_status(), chart_claims_ageing()
    TO prakan_adjuster, prakan_auditor, prakan_admin;
GRANT EXECUTE ON FUNCTION chart_premium_written(integer), chart_loss_ratio(integer)
    TO prakan_underwriter, prakan_auditor, prakan_admin;
GRANT EXECUTE ON FUNCTION chart_reconciliation_backlog()
    TO prakan_finance, prakan_auditor, prakan_admin;
