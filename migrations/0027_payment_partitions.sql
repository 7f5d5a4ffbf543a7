-- Payments partitioned by month (DESIGN §4 item 11). The seed's example, `LIKE payments
-- INCLUDING ALL … PARTITION BY RANGE (created_at)`, cannot work: a partitioned table's
-- primary key must hold the partition key. Here the key is (id, created_at), created_at
-- being when the payment was booked (it never changes). The existing rows are copied in
-- this one transaction and counted before the old table goes, so none is lost or doubled.
--
-- What follows from a key of two columns:
-- - The four tables that point at a payment carry its booking time too
--   (payment_created_at), filled by a trigger, so their foreign keys stay real foreign keys.
-- - "One row per instalment of a policy" can no longer be a unique index (it would have to
--   hold created_at); a trigger keeps it, under a lock per policy, with the same error.
-- - Triggers on a partition see the partition's name: the audit and housekeeping
--   triggers on payments are given the table's name as their argument.

-- The audit trail is kept by business table: a partition's trigger names its parent.
CREATE OR REPLACE FUNCTION audit_row_change() RETURNS trigger
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
    -- A partition's trigger names its parent (the argument): the trail is by business table.
    logged_table text := COALESCE(TG_ARGV[0], TG_TABLE_NAME);
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        old_row := to_jsonb(OLD);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        new_row := to_jsonb(NEW);
    END IF;

    IF logged_table = 'system_configurations' THEN
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
    IF logged_table = 'customers' THEN
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
    VALUES (logged_table, COALESCE(new_row ->> 'id', old_row ->> 'id')::uuid, TG_OP, old_row, new_row, changed,
            staff_id, session_user, staff_group, inet_client_addr(),
            nullif(current_setting('application_name', true), ''),
            left(context, 100),
            CASE WHEN request ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                 THEN request::uuid END);
    RETURN NULL;
END
$$;

-- As 0025's, with the table's name taken from the trigger's argument when it has one.
CREATE OR REPLACE FUNCTION touch_row() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    touched_table text := COALESCE(TG_ARGV[0], TG_TABLE_NAME);
BEGIN
    IF touched_table = 'users'
       AND to_jsonb(NEW) - ARRAY['last_login_at', 'last_login_ip', 'updated_at', 'updated_by', 'version']
           = to_jsonb(OLD) - ARRAY['last_login_at', 'last_login_ip', 'updated_at', 'updated_by', 'version'] THEN
        RETURN NEW;
    END IF;
    -- Only when the mark itself changed (a nested IF: other tables have no such column,
    -- and ordinary payment updates skip the comparison).
    IF touched_table = 'payments' THEN
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

-- A month whose rows wait in the default partition: they move to the new month's
-- partition. Rows that other tables point at cannot change partition under a foreign key
-- (PostgreSQL checks each partition's keys), so the foreign keys pointing at the table are
-- dropped for the move and added back (checked again) in the same transaction. The move
-- is not an edit: row triggers (audit, stamps) are off for it.
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
    foreign_key record;
    foreign_keys jsonb := '[]';
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

    IF NOT default_has_rows THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                       partition_name, parent, lower_bound, upper_bound);
        RETURN partition_name;
    END IF;

    FOR foreign_key IN
        SELECT conrelid::regclass::text AS referencing, conname, pg_get_constraintdef(oid) AS definition
          FROM pg_constraint
         WHERE confrelid = parent_oid AND contype = 'f' AND conparentid = 0
    LOOP
        foreign_keys := foreign_keys || to_jsonb(foreign_key);
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', foreign_key.referencing, foreign_key.conname);
    END LOOP;

    EXECUTE format('ALTER TABLE %I DETACH PARTITION %I', parent, default_partition);
    EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                   partition_name, parent, lower_bound, upper_bound);
    EXECUTE format('ALTER TABLE %I DISABLE TRIGGER USER', partition_name);
    EXECUTE format('INSERT INTO %I SELECT * FROM %I WHERE %I >= %L AND %I < %L',
                   partition_name, default_partition, key_column, lower_bound, key_column, upper_bound);
    EXECUTE format('ALTER TABLE %I ENABLE TRIGGER USER', partition_name);
    EXECUTE format('ALTER TABLE %I DISABLE TRIGGER USER', default_partition);
    EXECUTE format('DELETE FROM %I WHERE %I >= %L AND %I < %L',
                   default_partition, key_column, lower_bound, key_column, upper_bound);
    EXECUTE format('ALTER TABLE %I ENABLE TRIGGER USER', default_partition);
    EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I DEFAULT', parent, default_partition);

    FOR foreign_key IN SELECT * FROM jsonb_to_recordset(foreign_keys)
                           AS k(referencing text, conname text, definition text)
    LOOP
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s',
                       foreign_key.referencing, foreign_key.conname, foreign_key.definition);
    END LOOP;
    RETURN partition_name;
END
$$;

REVOKE ALL ON FUNCTION ensure_monthly_partition(text, date) FROM PUBLIC;

-- Row security of other tables that reads payments (the audit trail's, 0017) is bound to
-- the table itself, not its name: its policies are kept as text and made again below.
CREATE TEMP TABLE policies_reading_payments ON COMMIT DROP AS
SELECT p.polname, p.polrelid::regclass::text AS on_table,
       CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE'
                     WHEN 'd' THEN 'DELETE' ELSE 'ALL' END AS command,
       CASE WHEN p.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END AS kind,
       (SELECT string_agg(CASE WHEN r = 0 THEN 'PUBLIC' ELSE quote_ident(r::regrole::text) END, ', ')
          FROM unnest(p.polroles) AS r) AS roles,
       pg_get_expr(p.polqual, p.polrelid) AS using_expression,
       pg_get_expr(p.polwithcheck, p.polrelid) AS check_expression
  FROM pg_policy p
 WHERE p.polrelid <> 'payments'::regclass
   AND p.oid IN (SELECT objid FROM pg_depend
                  WHERE classid = 'pg_policy'::regclass AND refobjid = 'payments'::regclass);

-- The old table makes way: its name, and its index names (one namespace for all indexes).
ALTER TABLE payments RENAME TO payments_unpartitioned;
DO $$
DECLARE
    old_index text;
BEGIN
    FOR old_index IN SELECT indexrelid::regclass::text FROM pg_index
                      WHERE indrelid = 'payments_unpartitioned'::regclass
    LOOP
        EXECUTE format('ALTER INDEX %I RENAME TO %I', old_index, 'old_' || old_index);
    END LOOP;
END
$$;

CREATE TABLE payments (
    LIKE payments_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING COMMENTS
        INCLUDING STORAGE,
    CONSTRAINT payments_pkey PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);

COMMENT ON TABLE payments IS
    'All payments: premiums, instalments, claim settlements, refunds. Partitioned by booking month (created_at, Bangkok months)';
COMMENT ON COLUMN payments.created_at IS
    'When the payment was booked; never changes; the partition key';

CREATE TABLE payments_default PARTITION OF payments DEFAULT;

-- Every month that holds payments, up to three months ahead (as `prakan db maintain`).
SELECT ensure_monthly_partition('payments', month::date)
  FROM generate_series(
           date_trunc('month', LEAST(
               (SELECT min(created_at) FROM payments_unpartitioned), now()) AT TIME ZONE 'Asia/Bangkok'),
           date_trunc('month', now() AT TIME ZONE 'Asia/Bangkok') + interval '3 months',
           interval '1 month') AS month;

-- The rows, before any trigger exists on the new table: a copy is not an edit.
INSERT INTO payments SELECT * FROM payments_unpartitioned;

DO $$
DECLARE
    old_count bigint;
    old_sum numeric;
    new_count bigint;
    new_sum numeric;
BEGIN
    SELECT count(*), COALESCE(sum(total_amount), 0) INTO old_count, old_sum FROM payments_unpartitioned;
    SELECT count(*), COALESCE(sum(total_amount), 0) INTO new_count, new_sum FROM payments;
    IF (old_count, old_sum) IS DISTINCT FROM (new_count, new_sum) THEN
        RAISE EXCEPTION 'payments copied wrongly: % rows (% baht) became % rows (% baht)',
            old_count, old_sum, new_count, new_sum;
    END IF;
END
$$;

CREATE INDEX idx_payments_customer_status ON payments(customer_id, payment_status);
CREATE INDEX idx_payments_policy ON payments(policy_id, installment_number) WHERE policy_id IS NOT NULL;
CREATE INDEX idx_payments_claim ON payments(claim_id) WHERE claim_id IS NOT NULL;
CREATE INDEX idx_payments_date ON payments(payment_date);
CREATE INDEX idx_payments_reference ON payments(transaction_reference) WHERE transaction_reference IS NOT NULL;
CREATE INDEX idx_payments_due_status ON payments(due_date, payment_status) WHERE due_date IS NOT NULL;
CREATE INDEX idx_payments_open ON payments(payment_direction, due_date)
    WHERE payment_status IN ('PENDING', 'PROCESSING');
CREATE INDEX idx_payments_open_amount ON payments(total_amount, due_date)
    WHERE payment_status IN ('PENDING', 'PROCESSING');
CREATE INDEX idx_payments_reconciliation ON payments(reconciliation_status, processed_at);
CREATE INDEX idx_payments_overdue ON payments(overdue_since) WHERE overdue_since IS NOT NULL;

ALTER TABLE payments
    ADD CONSTRAINT payments_policy_id_fkey FOREIGN KEY (policy_id) REFERENCES policies(id),
    ADD CONSTRAINT payments_claim_id_fkey FOREIGN KEY (claim_id) REFERENCES claims(id),
    ADD CONSTRAINT payments_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers(id);

-- One row per instalment of a policy, as the unique index payments_policy_installment_key
-- did (same name in the error, so the screens' sentence is unchanged). The lock per policy
-- makes two sessions adding the same instalment wait for each other.
CREATE FUNCTION check_installment_taken() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    IF NEW.installment_number IS NULL OR NEW.policy_id IS NULL THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.policy_id = OLD.policy_id
       AND NEW.installment_number IS NOT DISTINCT FROM OLD.installment_number THEN
        RETURN NEW;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended('payments instalment ' || NEW.policy_id::text, 0));
    IF EXISTS (SELECT 1 FROM payments
                WHERE policy_id = NEW.policy_id AND installment_number = NEW.installment_number
                  AND id <> NEW.id) THEN
        RAISE EXCEPTION 'duplicate key value violates unique constraint "payments_policy_installment_key"'
            USING ERRCODE = 'unique_violation',
                  CONSTRAINT = 'payments_policy_installment_key',
                  TABLE = 'payments',
                  DETAIL = format('Key (policy_id, installment_number)=(%s, %s) already exists.',
                                  NEW.policy_id, NEW.installment_number);
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION check_installment_taken() FROM PUBLIC;

-- The booking time is the partition key and what other tables point at.
CREATE FUNCTION keep_booking_time() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.created_at IS DISTINCT FROM OLD.created_at THEN
        RAISE EXCEPTION 'a payment''s booking time (created_at) cannot change'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_booking_time_fixed';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER check_installment_taken BEFORE INSERT OR UPDATE OF policy_id, installment_number
    ON payments FOR EACH ROW EXECUTE FUNCTION check_installment_taken();
CREATE TRIGGER keep_booking_time BEFORE UPDATE OF created_at ON payments
    FOR EACH ROW EXECUTE FUNCTION keep_booking_time();
CREATE TRIGGER keep_overdue_mark BEFORE INSERT OR UPDATE ON payments
    FOR EACH ROW EXECUTE FUNCTION keep_overdue_mark();
CREATE TRIGGER stamp_created_by BEFORE INSERT ON payments
    FOR EACH ROW EXECUTE FUNCTION stamp_created_by();
CREATE TRIGGER touch_row BEFORE UPDATE ON payments
    FOR EACH ROW EXECUTE FUNCTION touch_row('payments');
CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON payments
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('payments');

-- The same rights as before (0012, 0019) and the same row security (0013, 0019). The
-- partitions themselves are granted to nobody: reading one directly would skip the parent's
-- row security.
GRANT SELECT, INSERT, UPDATE ON payments TO prakan_finance;
GRANT SELECT, UPDATE ON payments TO prakan_admin;
GRANT SELECT, INSERT ON payments TO prakan_underwriter, prakan_adjuster;
GRANT UPDATE (payment_status) ON payments TO prakan_underwriter;
GRANT SELECT ON payments TO prakan_agent, prakan_auditor;

ALTER TABLE payments ENABLE ROW LEVEL SECURITY;
CREATE POLICY payments_all_rows ON payments FOR ALL
    TO prakan_finance, prakan_auditor, prakan_admin
    USING (true) WITH CHECK (true);
CREATE POLICY payments_creators_read ON payments FOR SELECT
    TO prakan_underwriter, prakan_adjuster
    USING (true);
CREATE POLICY payments_creators_insert_pending ON payments FOR INSERT
    TO prakan_underwriter, prakan_adjuster
    WITH CHECK (payment_status = 'PENDING' AND reconciliation_status = 'PENDING'
                AND processed_at IS NULL AND payment_date IS NULL);
CREATE POLICY payments_agent_own ON payments FOR SELECT TO prakan_agent
    USING (customer_id IN (SELECT id FROM customers));
CREATE POLICY payments_underwriter_cancel_unpaid ON payments FOR UPDATE TO prakan_underwriter
    USING (payment_status = 'PENDING' AND payment_type IN ('PREMIUM', 'INSTALLMENT'))
    WITH CHECK (payment_status = 'CANCELLED'
                AND policy_id IN (SELECT id FROM policies WHERE status = 'CANCELLED'));

-- What points at a payment points at its booking time too. Writers name only the payment:
-- the trigger finds its booking time (as the definer, so row security hides nothing), and
-- a payment that does not exist is refused as the foreign key would refuse it.
CREATE FUNCTION find_payment_booking() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    IF NEW.payment_id IS NULL THEN
        NEW.payment_created_at := NULL;
        RETURN NEW;
    END IF;
    SELECT created_at INTO NEW.payment_created_at FROM payments WHERE id = NEW.payment_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "%"',
                        TG_TABLE_NAME, TG_TABLE_NAME || '_payment_id_fkey'
            USING ERRCODE = 'foreign_key_violation',
                  CONSTRAINT = TG_TABLE_NAME || '_payment_id_fkey',
                  TABLE = TG_TABLE_NAME,
                  DETAIL = format('Key (payment_id)=(%s) is not present in table "payments".', NEW.payment_id);
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION find_payment_booking() FROM PUBLIC;

DO $$
DECLARE
    referencing text;
BEGIN
    FOREACH referencing IN ARRAY ARRAY[
        'claim_settlements', 'payment_transactions', 'payment_receipts', 'reconciliation_matches'
    ] LOOP
        EXECUTE format('ALTER TABLE %I ADD COLUMN payment_created_at timestamptz', referencing);
        EXECUTE format('COMMENT ON COLUMN %I.payment_created_at IS %L', referencing,
                       'The booking time of the payment (part of its key); set from payment_id by a trigger');
        -- Filling the new column is not an edit: no version bump, no audit row.
        EXECUTE format('ALTER TABLE %I DISABLE TRIGGER USER', referencing);
        EXECUTE format('UPDATE %I AS r SET payment_created_at = p.created_at
                          FROM payments p WHERE p.id = r.payment_id', referencing);
        EXECUTE format('ALTER TABLE %I ENABLE TRIGGER USER', referencing);
        EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', referencing, referencing || '_payment_id_fkey');
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK ((payment_id IS NULL) = (payment_created_at IS NULL))',
                       referencing, referencing || '_payment_booked');
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I FOREIGN KEY (payment_id, payment_created_at)
                          REFERENCES payments(id, created_at)', referencing, referencing || '_payment_id_fkey');
        EXECUTE format('CREATE TRIGGER find_payment_booking BEFORE INSERT OR UPDATE OF payment_id ON %I
                          FOR EACH ROW EXECUTE FUNCTION find_payment_booking()', referencing);
    END LOOP;
END
$$;

DO $$
DECLARE
    kept record;
BEGIN
    FOR kept IN SELECT * FROM policies_reading_payments LOOP
        EXECUTE format('DROP POLICY %I ON %s', kept.polname, kept.on_table);
        EXECUTE format('CREATE POLICY %I ON %s AS %s FOR %s TO %s', kept.polname, kept.on_table,
                       kept.kind, kept.command, kept.roles)
             || COALESCE(' USING (' || kept.using_expression || ')', '')
             || COALESCE(' WITH CHECK (' || kept.check_expression || ')', '');
    END LOOP;
END
$$;

DROP TABLE payments_unpartitioned;
ANALYZE payments;
