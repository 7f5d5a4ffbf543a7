-- Chart snapshots: the five charts of 0024 scanned the whole book on every call, so their
-- time grew with the book. Each chart now answers from a snapshot of its figures while the
-- snapshot is younger than CHART_SNAPSHOT_MINUTES, and recomputes (and keeps) them when it
-- is older; `prakan db maintain` refreshes them all, so that a cron job every few minutes
-- keeps every chart warm. The screen says when its figures were computed.

INSERT INTO system_configurations
    (config_key, config_category, config_value, config_type, description, min_value, max_value) VALUES
('CHART_SNAPSHOT_MINUTES', 'SYSTEM', '10', 'INTEGER',
 'The charts show figures computed at most this many minutes ago', 1, 1440);

-- One row per chart (and months shown, 0 for the charts that are not monthly): its rows as
-- a JSON array in the chart's order. Only the chart functions (as their owner) touch it.
CREATE TABLE chart_snapshots (
    chart text NOT NULL,
    months integer NOT NULL DEFAULT 0,
    rows jsonb NOT NULL,
    computed_at timestamptz NOT NULL,
    PRIMARY KEY (chart, months)
);
REVOKE ALL ON chart_snapshots FROM PUBLIC;

COMMENT ON TABLE chart_snapshots IS 'The charts'' figures as last computed (migration 0029)';

-- ---------------------------------------------------------------------------------------
-- The computations, moved unchanged out of the chart functions of 0024. Owner only: they
-- run as the caller and read the whole book.

CREATE FUNCTION chart_claims_by_status_compute()
RETURNS TABLE (status text, claims bigint)
LANGUAGE sql STABLE
SET search_path = public, pg_temp
AS $$
    SELECT c.status::text, count(*)
      FROM claims c
     WHERE c.deleted_at IS NULL
     GROUP BY c.status
     ORDER BY array_position(ARRAY['REPORTED', 'ASSIGNED', 'INVESTIGATING', 'ASSESSED',
                                   'APPROVED', 'SETTLED', 'CLOSED', 'REJECTED'],
                             c.status::text)
$$;

CREATE FUNCTION chart_claims_ageing_compute()
RETURNS TABLE (bucket text, claims bigint)
LANGUAGE sql STABLE
SET search_path = public, pg_temp
AS $$
    WITH ages AS (
        SELECT (now() AT TIME ZONE 'Asia/Bangkok')::date
               - (c.reported_date AT TIME ZONE 'Asia/Bangkok')::date AS days
          FROM claims c
         WHERE c.deleted_at IS NULL
           AND c.status IN ('REPORTED', 'ASSIGNED', 'INVESTIGATING', 'ASSESSED', 'APPROVED')
    )
    SELECT b.bucket, count(a.days)
      FROM (VALUES (1, '0-7', 0, 7), (2, '8-30', 8, 30), (3, '31-90', 31, 90),
                   (4, '90+', 91, 2147483647)) AS b(sort, bucket, low, high)
      LEFT JOIN ages a ON a.days BETWEEN b.low AND b.high
     GROUP BY b.sort, b.bucket
     ORDER BY b.sort
$$;

-- The first Bangkok month of a chart of `months` months up to this one.
CREATE FUNCTION chart_first_month(months integer)
RETURNS date
LANGUAGE sql STABLE
SET search_path = public, pg_temp
AS $$
    SELECT (date_trunc('month', now() AT TIME ZONE 'Asia/Bangkok')
            - (greatest(months, 1) - 1) * interval '1 month')::date
$$;

CREATE FUNCTION chart_premium_written_compute(months integer)
RETURNS TABLE (month date, premium numeric, policies bigint)
LANGUAGE sql STABLE
SET search_path = public, pg_temp
AS $$
    SELECT m.month::date, COALESCE(w.premium, 0), COALESCE(w.policies, 0)
      FROM generate_series(chart_first_month(months),
                           date_trunc('month', now() AT TIME ZONE 'Asia/Bangkok')::date,
                           interval '1 month') AS m(month)
      LEFT JOIN chart_premium_written_rows(chart_first_month(months)) w
             ON w.month = m.month::date
     ORDER BY 1
$$;

CREATE FUNCTION chart_loss_ratio_compute(months integer)
RETURNS TABLE (month date, premium numeric, incurred numeric, ratio numeric)
LANGUAGE sql STABLE
SET search_path = public, pg_temp
AS $$
    WITH incurred AS (
        SELECT date_trunc('month', c.incident_date AT TIME ZONE 'Asia/Bangkok')::date AS month,
               sum(COALESCE(c.approved_amount, c.estimated_amount, 0)) AS amount
          FROM claims c
         WHERE c.deleted_at IS NULL AND c.status <> 'REJECTED'
           AND c.incident_date >= chart_first_month(months)::timestamp AT TIME ZONE 'Asia/Bangkok'
         GROUP BY 1
    )
    SELECT m.month::date, COALESCE(w.premium, 0), COALESCE(i.amount, 0),
           round(COALESCE(i.amount, 0) / nullif(w.premium, 0), 4)
      FROM generate_series(chart_first_month(months),
                           date_trunc('month', now() AT TIME ZONE 'Asia/Bangkok')::date,
                           interval '1 month') AS m(month)
      LEFT JOIN chart_premium_written_rows(chart_first_month(months)) w
             ON w.month = m.month::date
      LEFT JOIN incurred i ON i.month = m.month::date
     ORDER BY 1
$$;

CREATE FUNCTION chart_reconciliation_backlog_compute()
RETURNS TABLE (kind text, bucket text, items bigint, amount numeric)
LANGUAGE sql STABLE
SET search_path = public, pg_temp
AS $$
    WITH aged AS (
        SELECT 'unmatched_lines' AS kind,
               (now() AT TIME ZONE 'Asia/Bangkok')::date
               - (l.booked_at AT TIME ZONE 'Asia/Bangkok')::date AS days, l.amount
          FROM bank_statement_lines l
         WHERE l.status = 'UNMATCHED'
        UNION ALL
        SELECT 'overdue_payments', (now() AT TIME ZONE 'Asia/Bangkok')::date - p.due_date,
               p.total_amount
          FROM payments p
         WHERE p.payment_direction = 'INCOMING'
           AND p.payment_status IN ('PENDING', 'PROCESSING')
           AND p.due_date < (now() AT TIME ZONE 'Asia/Bangkok')::date
    )
    SELECT k.kind, b.bucket, count(a.days), COALESCE(sum(a.amount), 0)
      FROM (VALUES (1, 'unmatched_lines'), (2, 'overdue_payments')) AS k(sort, kind)
     CROSS JOIN (VALUES (1, '0-7', 0, 7), (2, '8-30', 8, 30), (3, '31-90', 31, 90),
                        (4, '90+', 91, 2147483647)) AS b(sort, bucket, low, high)
      LEFT JOIN aged a ON a.kind = k.kind AND a.days BETWEEN b.low AND b.high
     GROUP BY k.sort, k.kind, b.sort, b.bucket
     ORDER BY k.sort, b.sort
$$;

-- ---------------------------------------------------------------------------------------
-- Snapshots.

-- CHART_SNAPSHOT_MINUTES (10 when the setting is missing).
CREATE FUNCTION chart_snapshot_minutes()
RETURNS integer
LANGUAGE sql STABLE
SET search_path = public, pg_temp
AS $$
    SELECT COALESCE((SELECT config_value::integer FROM system_configurations
                      WHERE config_key = 'CHART_SNAPSHOT_MINUTES'), 10)
$$;

-- A chart's rows, computed now, as a JSON array in the chart's order. `months` counts only
-- for the monthly charts.
CREATE FUNCTION chart_compute(chart text, months integer)
RETURNS jsonb
LANGUAGE plpgsql STABLE
SET search_path = public, pg_temp
AS $$
DECLARE
    figures jsonb;
BEGIN
    CASE chart
        WHEN 'claims_by_status' THEN
            SELECT jsonb_agg(to_jsonb(r) - 'n' ORDER BY r.n) INTO figures
              FROM chart_claims_by_status_compute() WITH ORDINALITY AS r(status, claims, n);
        WHEN 'claims_ageing' THEN
            SELECT jsonb_agg(to_jsonb(r) - 'n' ORDER BY r.n) INTO figures
              FROM chart_claims_ageing_compute() WITH ORDINALITY AS r(bucket, claims, n);
        WHEN 'premium_written' THEN
            SELECT jsonb_agg(to_jsonb(r) - 'n' ORDER BY r.n) INTO figures
              FROM chart_premium_written_compute(months)
                   WITH ORDINALITY AS r(month, premium, policies, n);
        WHEN 'loss_ratio' THEN
            SELECT jsonb_agg(to_jsonb(r) - 'n' ORDER BY r.n) INTO figures
              FROM chart_loss_ratio_compute(months)
                   WITH ORDINALITY AS r(month, premium, incurred, ratio, n);
        WHEN 'reconciliation_backlog' THEN
            SELECT jsonb_agg(to_jsonb(r) - 'n' ORDER BY r.n) INTO figures
              FROM chart_reconciliation_backlog_compute()
                   WITH ORDINALITY AS r(kind, bucket, items, amount, n);
    END CASE;
    RETURN COALESCE(figures, '[]'::jsonb);
END
$$;

-- Computes a chart and keeps it as its snapshot, taken now.
CREATE FUNCTION chart_snapshot_save(chart text, months integer)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE
SET search_path = public, pg_temp
AS $$
DECLARE
    figures jsonb := chart_compute(chart, months);
BEGIN
    INSERT INTO chart_snapshots AS s (chart, months, rows, computed_at)
    VALUES (chart, months, figures, now())
    ON CONFLICT ON CONSTRAINT chart_snapshots_pkey
    DO UPDATE SET rows = EXCLUDED.rows, computed_at = EXCLUDED.computed_at;
    RETURN figures;
END
$$;

-- A chart's rows: the snapshot while it is younger than CHART_SNAPSHOT_MINUTES, else
-- computed now and kept. A read-only transaction (on a standby, a read replica, every one
-- is) cannot keep them: it computes them for this call only; a replica's snapshots come
-- from the primary.
CREATE FUNCTION chart_rows(chart text, months integer)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE
SET search_path = public, pg_temp
AS $$
DECLARE
    figures jsonb;
BEGIN
    SELECT s.rows INTO figures
      FROM chart_snapshots s
     WHERE s.chart = chart_rows.chart AND s.months = chart_rows.months
       AND s.computed_at > now() - make_interval(mins => chart_snapshot_minutes());
    IF figures IS NOT NULL THEN
        RETURN figures;
    ELSIF current_setting('transaction_read_only') = 'on' THEN
        RETURN chart_compute(chart, months);
    END IF;
    RETURN chart_snapshot_save(chart, months);
END
$$;

-- When the snapshot of a chart was computed (NULL: there is none), for the screen's
-- "as of". The months of a chart that is not monthly are 0; of a monthly one, as passed
-- to the chart (at least 1).
CREATE FUNCTION chart_snapshot_taken(chart text, months integer)
RETURNS timestamptz
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    SELECT s.computed_at FROM chart_snapshots s
     WHERE s.chart = chart_snapshot_taken.chart AND s.months = chart_snapshot_taken.months
$$;

-- Recomputes every chart's snapshot (the monthly ones for the screen's 12 months), for
-- `prakan db maintain`; returns the snapshots written.
CREATE FUNCTION refresh_chart_snapshots()
RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    wanted record;
    written integer := 0;
BEGIN
    FOR wanted IN
        SELECT * FROM (VALUES ('claims_by_status', 0), ('claims_ageing', 0),
                              ('premium_written', 12), ('loss_ratio', 12),
                              ('reconciliation_backlog', 0)) AS w(chart, months)
    LOOP
        PERFORM chart_snapshot_save(wanted.chart, wanted.months);
        written := written + 1;
    END LOOP;
    RETURN written;
END
$$;

-- ---------------------------------------------------------------------------------------
-- The charts: same signatures, results and team checks as in 0024; the figures now come
-- from chart_rows(). VOLATILE, since a call may write the snapshot.

CREATE OR REPLACE FUNCTION chart_claims_by_status()
RETURNS TABLE (status text, claims bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM require_group('prakan_adjuster', 'prakan_auditor', 'prakan_admin');
    RETURN QUERY
        SELECT r.status, r.claims
          FROM jsonb_array_elements(chart_rows('claims_by_status', 0)) WITH ORDINALITY AS e(item, n)
         CROSS JOIN LATERAL jsonb_to_record(e.item) AS r(status text, claims bigint)
         ORDER BY e.n;
END
$$;

CREATE OR REPLACE FUNCTION chart_claims_ageing()
RETURNS TABLE (bucket text, claims bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM require_group('prakan_adjuster', 'prakan_auditor', 'prakan_admin');
    RETURN QUERY
        SELECT r.bucket, r.claims
          FROM jsonb_array_elements(chart_rows('claims_ageing', 0)) WITH ORDINALITY AS e(item, n)
         CROSS JOIN LATERAL jsonb_to_record(e.item) AS r(bucket text, claims bigint)
         ORDER BY e.n;
END
$$;

CREATE OR REPLACE FUNCTION chart_premium_written(months integer DEFAULT 12)
RETURNS TABLE (month date, premium numeric, policies bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM require_group('prakan_underwriter', 'prakan_auditor', 'prakan_admin');
    RETURN QUERY
        SELECT r.month, r.premium, r.policies
          FROM jsonb_array_elements(chart_rows('premium_written', greatest(months, 1)))
               WITH ORDINALITY AS e(item, n)
         CROSS JOIN LATERAL jsonb_to_record(e.item) AS r(month date, premium numeric, policies bigint)
         ORDER BY e.n;
END
$$;

CREATE OR REPLACE FUNCTION chart_loss_ratio(months integer DEFAULT 12)
RETURNS TABLE (month date, premium numeric, incurred numeric, ratio numeric)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM require_group('prakan_underwriter', 'prakan_auditor', 'prakan_admin');
    RETURN QUERY
        SELECT r.month, r.premium, r.incurred, r.ratio
          FROM jsonb_array_elements(chart_rows('loss_ratio', greatest(months, 1)))
               WITH ORDINALITY AS e(item, n)
         CROSS JOIN LATERAL jsonb_to_record(e.item)
               AS r(month date, premium numeric, incurred numeric, ratio numeric)
         ORDER BY e.n;
END
$$;

CREATE OR REPLACE FUNCTION chart_reconciliation_backlog()
RETURNS TABLE (kind text, bucket text, items bigint, amount numeric)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM require_group('prakan_finance', 'prakan_auditor', 'prakan_admin');
    RETURN QUERY
        SELECT r.kind, r.bucket, r.items, r.amount
          FROM jsonb_array_elements(chart_rows('reconciliation_backlog', 0))
               WITH ORDINALITY AS e(item, n)
         CROSS JOIN LATERAL jsonb_to_record(e.item)
               AS r(kind text, bucket text, items bigint, amount numeric)
         ORDER BY e.n;
END
$$;

REVOKE ALL ON FUNCTION chart_claims_by_status_compute(), chart_claims_ageing_compute(),
    chart_first_month(integer), chart_premium_written_compute(integer),
    chart_loss_ratio_compute(integer), chart_reconciliation_backlog_compute(),
    chart_compute(text, integer), chart_snapshot_save(text, integer),
    chart_rows(text, integer), chart_snapshot_taken(text, integer),
    chart_snapshot_minutes(), refresh_chart_snapshots() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION chart_snapshot_taken(text, integer), chart_snapshot_minutes()
    TO prakan_adjuster, prakan_underwriter, prakan_finance, prakan_auditor, prakan_admin;
