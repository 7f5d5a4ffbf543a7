-- Monitoring for administrators: the seed's views and health check, corrected for
-- PostgreSQL 13+ and for servers without pg_stat_statements. (A view cannot expose
-- pg_stats' anyarray columns, so they are shown as text.)
CREATE VIEW v_database_performance AS
SELECT schemaname, tablename, attname AS column_name, n_distinct,
       most_common_vals::text AS most_common_vals, most_common_freqs,
       histogram_bounds::text AS histogram_bounds, correlation
  FROM pg_stats
 WHERE schemaname = 'public';

CREATE VIEW v_active_connections AS
SELECT pid, usename, application_name, client_addr, client_port, backend_start,
       state, query_start, left(query, 100) AS query_preview
  FROM pg_stat_activity
 WHERE state <> 'idle' AND datname = current_database()
 ORDER BY query_start;

-- Statements slower than `min_mean_ms` on average. Empty when pg_stat_statements is not
-- installed; the columns are those of PostgreSQL 13 and later (total_exec_time, ...).
CREATE FUNCTION slow_queries(min_mean_ms double precision DEFAULT 100)
RETURNS TABLE (query text, calls bigint, total_ms double precision, mean_ms double precision,
               rows bigint, hit_percent numeric)
LANGUAGE plpgsql STABLE
SET search_path = public, pg_temp
AS $$
DECLARE
    stats_view regclass := to_regclass('pg_stat_statements');
BEGIN
    IF stats_view IS NULL THEN
        RETURN;
    END IF;
    RETURN QUERY EXECUTE format(
        'SELECT s.query, s.calls, s.total_exec_time, s.mean_exec_time, s.rows,
                round(100.0 * s.shared_blks_hit / nullif(s.shared_blks_hit + s.shared_blks_read, 0), 2)
           FROM %s s
          WHERE s.mean_exec_time > $1
          ORDER BY s.mean_exec_time DESC', stats_view)
    USING min_mean_ms;
END
$$;

CREATE VIEW v_slow_queries AS SELECT * FROM slow_queries(100);

-- The health checks, as codes and figures the screen puts into sentences in the reader's
-- language: check, status (OK, WARNING, INFO), the figure, and a detail (a table list).
CREATE FUNCTION check_database_health()
RETURNS TABLE (check_name text, status text, figure numeric, details text)
LANGUAGE plpgsql STABLE
SET search_path = public, pg_temp
AS $$
DECLARE
    connection_limit integer := current_setting('max_connections')::integer;
    lag_seconds double precision;
BEGIN
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
    SELECT string_agg(format('%s (%s)', relid::regclass, pg_size_pretty(pg_total_relation_size(relid))), ', ')
      INTO details
      FROM (SELECT relid FROM pg_stat_user_tables
             ORDER BY pg_total_relation_size(relid) DESC LIMIT 5) AS largest;
    RETURN NEXT;

    check_name := 'audit_partitions_ahead';
    SELECT count(*) INTO figure
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'audit_logs'::regclass
       AND c.relname ~ '^audit_logs_y[0-9]{4}m[0-9]{2}$'
       AND to_date(substr(c.relname, 13, 4) || substr(c.relname, 18, 2), 'YYYYMM')
           > date_trunc('month', now() AT TIME ZONE 'Asia/Bangkok');
    status := CASE WHEN figure < 2 THEN 'WARNING' ELSE 'OK' END;
    details := NULL;
    RETURN NEXT;

    check_name := 'long_running_queries';
    SELECT count(*) INTO figure FROM pg_stat_activity
     WHERE state = 'active' AND backend_type = 'client backend'
       AND now() - query_start > interval '5 minutes';
    status := CASE WHEN figure > 0 THEN 'WARNING' ELSE 'OK' END;
    details := NULL;
    RETURN NEXT;
END
$$;

REVOKE ALL ON FUNCTION slow_queries(double precision), check_database_health() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION slow_queries(double precision), check_database_health() TO prakan_admin;
GRANT SELECT ON v_database_performance, v_active_connections, v_slow_queries TO prakan_admin;

-- Administrators see other sessions' queries and statement statistics.
DO $$
BEGIN
    GRANT pg_read_all_stats TO prakan_admin;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'pg_read_all_stats not granted to prakan_admin: the migrating role may not grant it';
END
$$;
