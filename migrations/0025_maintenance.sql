-- What `prakan db maintain` needs: monthly partitions for every table partitioned by month
-- (not only audit_logs), and the overdue mark on incoming payments still owed.

-- Any public table range-partitioned on one date or timestamptz column, whose months are
-- named <table>_yYYYYmMM (Bangkok months), may have its months made here; a <table>_default
-- partition, when there is one, gives up the rows of the new month.
CREATE OR REPLACE FUNCTION ensure_monthly_partition(parent text, month date) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    parent_oid oid;
    key_column text;
    key_type regtype;
    default_partition text := parent || '_default';
    first_day date := date_trunc('month', month)::date;
    lower_bound text;
    upper_bound text;
    partition_name text := format('%s_y%sm%s', parent, to_char(first_day, 'YYYY'), to_char(first_day, 'MM'));
    default_has_rows boolean := false;
BEGIN
    SELECT c.oid, a.attname, a.atttypid::regtype
      INTO parent_oid, key_column, key_type
      FROM pg_partitioned_table pt
      JOIN pg_class c ON c.oid = pt.partrelid
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = pt.partattrs[0]
     WHERE c.relname = parent AND c.relnamespace = 'public'::regnamespace
       AND pt.partstrat = 'r' AND pt.partnatts = 1;
    IF NOT FOUND OR key_type NOT IN ('date'::regtype, 'timestamptz'::regtype) THEN
        RAISE EXCEPTION 'table % is not partitioned by month', parent USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF to_regclass(partition_name) IS NOT NULL THEN
        RETURN NULL;
    END IF;
    -- Months are Bangkok months, whatever the session's TimeZone.
    IF key_type = 'date'::regtype THEN
        lower_bound := first_day::text;
        upper_bound := (first_day + interval '1 month')::date::text;
    ELSE
        lower_bound := (first_day::timestamp AT TIME ZONE 'Asia/Bangkok')::text;
        upper_bound := ((first_day + interval '1 month')::timestamp AT TIME ZONE 'Asia/Bangkok')::text;
    END IF;

    IF EXISTS (SELECT 1 FROM pg_inherits
                WHERE inhparent = parent_oid AND inhrelid = to_regclass(default_partition)) THEN
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I >= %L AND %I < %L)',
                       default_partition, key_column, lower_bound, key_column, upper_bound)
           INTO default_has_rows;
    END IF;

    IF default_has_rows THEN
        EXECUTE format('ALTER TABLE %I DETACH PARTITION %I', parent, default_partition);
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                       partition_name, parent, lower_bound, upper_bound);
        EXECUTE format('INSERT INTO %I SELECT * FROM %I WHERE %I >= %L AND %I < %L',
                       partition_name, default_partition, key_column, lower_bound, key_column, upper_bound);
        EXECUTE format('DELETE FROM %I WHERE %I >= %L AND %I < %L',
                       default_partition, key_column, lower_bound, key_column, upper_bound);
        EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I DEFAULT', parent, default_partition);
    ELSE
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                       partition_name, parent, lower_bound, upper_bound);
    END IF;
    RETURN partition_name;
END
$$;

REVOKE ALL ON FUNCTION ensure_monthly_partition(text, date) FROM PUBLIC;

-- The overdue mark: the first day an incoming payment still owed was past due. Set by
-- `prakan db maintain` (as the database owner) on the same rule the finance screens use
-- live (PENDING or PROCESSING, due before today in Bangkok); the trigger below clears it
-- as soon as the payment is paid, failed, cancelled or moved to a later due date, and
-- corrects any other value written by hand, so the column can only hold the truth or NULL.
ALTER TABLE payments ADD COLUMN overdue_since DATE;
ALTER TABLE payments ADD CONSTRAINT chk_payments_overdue CHECK (
    overdue_since IS NULL
    OR (payment_direction = 'INCOMING' AND payment_status IN ('PENDING', 'PROCESSING')
        AND overdue_since = due_date + 1)
);
CREATE INDEX idx_payments_overdue ON payments(overdue_since) WHERE overdue_since IS NOT NULL;

COMMENT ON COLUMN payments.overdue_since IS
    'First day past due of an incoming payment still owed (due_date + 1); set by prakan db maintain, cleared when it is no longer owed';

CREATE FUNCTION keep_overdue_mark() RETURNS trigger
LANGUAGE plpgsql
SET search_path = public, pg_temp
AS $$
BEGIN
    IF NEW.payment_direction <> 'INCOMING'
       OR NEW.payment_status NOT IN ('PENDING', 'PROCESSING')
       OR NEW.due_date IS NULL
       OR NEW.due_date >= (now() AT TIME ZONE 'Asia/Bangkok')::date THEN
        NEW.overdue_since := NULL;
    ELSIF NEW.overdue_since IS NOT NULL THEN
        NEW.overdue_since := NEW.due_date + 1;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER keep_overdue_mark BEFORE INSERT OR UPDATE ON payments
    FOR EACH ROW EXECUTE FUNCTION keep_overdue_mark();

-- The overdue mark is bookkeeping of the nightly maintenance, not an edit: like a staff
-- member's last login it must not bump the row's version, or a payment open on a finance
-- screen while maintenance runs would show a false "changed meanwhile" conflict.
CREATE OR REPLACE FUNCTION touch_row() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_TABLE_NAME = 'users'
       AND to_jsonb(NEW) - ARRAY['last_login_at', 'last_login_ip', 'updated_at', 'updated_by', 'version']
           = to_jsonb(OLD) - ARRAY['last_login_at', 'last_login_ip', 'updated_at', 'updated_by', 'version'] THEN
        RETURN NEW;
    END IF;
    -- Only when the mark itself changed (a nested IF: other tables have no such column,
    -- and ordinary payment updates skip the comparison).
    IF TG_TABLE_NAME = 'payments' THEN
        IF NEW.overdue_since IS DISTINCT FROM OLD.overdue_since
           AND to_jsonb(NEW) - ARRAY['overdue_since', 'updated_at', 'updated_by', 'version']
               = to_jsonb(OLD) - ARRAY['overdue_since', 'updated_at', 'updated_by', 'version'] THEN
            RETURN NEW;
        END IF;
    END IF;
    NEW.updated_at := now();
    NEW.updated_by := current_staff_id();
    NEW.version := OLD.version + 1;
    RETURN NEW;
END
$$;
