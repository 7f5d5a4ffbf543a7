-- The audit trail: every insert, update and delete of a business row, plus exports,
-- anonymisations and reveals of personal data. Partitioned by month, with a DEFAULT
-- partition so that an insert never fails for want of one; `prakan db maintain` creates
-- the coming months ahead.
CREATE TABLE audit_logs (
    id BIGSERIAL,

    table_name VARCHAR(63) NOT NULL,
    record_id UUID NOT NULL,
    operation VARCHAR(10) NOT NULL
        CONSTRAINT chk_audit_logs_operation
        CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE', 'EXPORT', 'ANONYMIZE', 'REVEAL')),

    old_values JSONB,
    new_values JSONB,
    changed_fields TEXT[],

    user_id UUID,
    db_user VARCHAR(63) NOT NULL DEFAULT session_user,
    user_role VARCHAR(30),
    ip_address INET,
    user_agent TEXT,

    business_context VARCHAR(100),
    request_id UUID,

    logged_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    PRIMARY KEY (id, logged_at)
) PARTITION BY RANGE (logged_at);

CREATE TABLE audit_logs_default PARTITION OF audit_logs DEFAULT;

CREATE INDEX idx_audit_logs_table_record ON audit_logs(table_name, record_id, logged_at);
CREATE INDEX idx_audit_logs_user ON audit_logs(user_id, logged_at);
CREATE INDEX idx_audit_logs_logged_at ON audit_logs(logged_at);
CREATE INDEX idx_audit_logs_operation ON audit_logs(operation, logged_at);

COMMENT ON TABLE audit_logs IS 'Complete audit trail of all data changes';
COMMENT ON COLUMN audit_logs.db_user IS 'The login role that acted (session_user)';
COMMENT ON COLUMN audit_logs.user_id IS 'That login role''s staff directory id; NULL for the cluster superuser';

-- Creates the monthly partition of `parent` holding `month` (a Bangkok calendar month), named <parent>_yYYYYmMM.
-- Rows that already landed in the DEFAULT partition for that month are moved into it in
-- the same transaction. Returns the new partition's name, or NULL when it already existed.
CREATE FUNCTION ensure_monthly_partition(parent text, month date) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    key_column text;
    default_partition text := parent || '_default';
    first_day date := date_trunc('month', month)::date;
    -- Months are Bangkok months, whatever the session's TimeZone.
    lower_bound timestamptz := first_day::timestamp AT TIME ZONE 'Asia/Bangkok';
    upper_bound timestamptz := (first_day + interval '1 month')::timestamp AT TIME ZONE 'Asia/Bangkok';
    partition_name text := format('%s_y%sm%s', parent, to_char(first_day, 'YYYY'), to_char(first_day, 'MM'));
    default_has_rows boolean;
BEGIN
    IF parent NOT IN ('audit_logs') THEN
        RAISE EXCEPTION 'table % is not partitioned by month', parent USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF to_regclass(partition_name) IS NOT NULL THEN
        RETURN NULL;
    END IF;
    key_column := CASE parent WHEN 'audit_logs' THEN 'logged_at' END;

    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I >= %L AND %I < %L)',
                   default_partition, key_column, lower_bound, key_column, upper_bound)
       INTO default_has_rows;

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

SELECT ensure_monthly_partition('audit_logs', (date_trunc('month', now() AT TIME ZONE 'Asia/Bangkok') + make_interval(months => m))::date)
  FROM generate_series(0, 3) AS m;

-- Writes one audit row per changed row. Runs as its owner (staff may not write audit_logs
-- themselves) but records session_user: the person, never the function's owner.
CREATE FUNCTION audit_row_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    old_row jsonb;
    new_row jsonb;
    changed text[];
    staff_id uuid;
    staff_group text;
    context text := nullif(current_setting('prakan.context', true), '');
    request text := nullif(current_setting('prakan.request_id', true), '');
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        old_row := to_jsonb(OLD);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        new_row := to_jsonb(NEW);
    END IF;

    IF TG_TABLE_NAME = 'system_configurations' THEN
        IF (old_row ->> 'is_sensitive')::boolean THEN
            old_row := old_row || '{"config_value": "***"}';
        END IF;
        IF (new_row ->> 'is_sensitive')::boolean THEN
            new_row := new_row || '{"config_value": "***"}';
        END IF;
    END IF;

    -- Changed fields are what a person changed: housekeeping and generated columns
    -- (derived from the others) are left out.
    IF TG_OP = 'UPDATE' THEN
        SELECT COALESCE(array_agg(n.key ORDER BY n.key), '{}') INTO changed
          FROM jsonb_each(new_row) AS n
         WHERE n.value IS DISTINCT FROM old_row -> n.key
           AND n.key NOT IN ('updated_at', 'updated_by', 'version', 'last_activity_at')
           AND n.key NOT IN (SELECT attname FROM pg_attribute
                              WHERE attrelid = TG_RELID AND attgenerated <> '');
        IF cardinality(changed) = 0 THEN
            RETURN NULL;
        END IF;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT array_agg(n.key ORDER BY n.key) INTO changed
          FROM jsonb_each(new_row) AS n
         WHERE n.value <> 'null'
           AND n.key NOT IN (SELECT attname FROM pg_attribute
                              WHERE attrelid = TG_RELID AND attgenerated <> '');
    ELSE
        SELECT array_agg(o.key ORDER BY o.key) INTO changed FROM jsonb_each(old_row) AS o;
    END IF;

    -- The trail is read by everyone who may see the record, so it keeps national IDs in
    -- their masked form (the record holds the current one). Masked after the changed
    -- fields are known: a change of the hidden digits is still a change.
    IF TG_TABLE_NAME = 'customers' THEN
        IF old_row ->> 'national_id' IS NOT NULL THEN
            old_row := old_row || jsonb_build_object('national_id', old_row -> 'national_id_masked');
        END IF;
        IF new_row ->> 'national_id' IS NOT NULL THEN
            new_row := new_row || jsonb_build_object('national_id', new_row -> 'national_id_masked');
        END IF;
    END IF;

    SELECT id, group_role INTO staff_id, staff_group FROM users WHERE username = session_user;

    INSERT INTO audit_logs (table_name, record_id, operation, old_values, new_values, changed_fields,
                            user_id, db_user, user_role, ip_address, user_agent,
                            business_context, request_id)
    VALUES (TG_TABLE_NAME, COALESCE(new_row ->> 'id', old_row ->> 'id')::uuid, TG_OP, old_row, new_row, changed,
            staff_id, session_user, staff_group, inet_client_addr(),
            nullif(current_setting('application_name', true), ''),
            left(context, 100),
            CASE WHEN request ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                 THEN request::uuid END);
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION audit_row_change() FROM PUBLIC;

-- Attach the housekeeping and audit triggers to every business table.
DO $$
DECLARE
    business_table text;
    has_version boolean;
    has_created_by boolean;
BEGIN
    FOREACH business_table IN ARRAY ARRAY[
        'users', 'user_sessions', 'customers', 'customer_vehicles', 'dlt_verifications',
        'consent_records', 'customer_documents', 'policies', 'policy_documents', 'policy_renewals',
        'claims', 'claim_documents', 'claim_assessments', 'claim_settlements', 'payments',
        'payment_transactions', 'payment_receipts', 'system_configurations'
    ] LOOP
        SELECT bool_or(attname = 'version'), bool_or(attname = 'created_by')
          INTO has_version, has_created_by
          FROM pg_attribute
         WHERE attrelid = business_table::regclass AND attnum > 0 AND NOT attisdropped;

        IF has_created_by THEN
            EXECUTE format('CREATE TRIGGER stamp_created_by BEFORE INSERT ON %I
                            FOR EACH ROW EXECUTE FUNCTION stamp_created_by()', business_table);
        END IF;
        IF has_version THEN
            EXECUTE format('CREATE TRIGGER touch_row BEFORE UPDATE ON %I
                            FOR EACH ROW EXECUTE FUNCTION touch_row()', business_table);
        END IF;
        EXECUTE format('CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON %I
                        FOR EACH ROW EXECUTE FUNCTION audit_row_change()', business_table);
    END LOOP;
END
$$;
