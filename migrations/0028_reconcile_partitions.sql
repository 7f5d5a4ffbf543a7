-- Reconciliation on the partitioned payments (0027): a payment is found by its whole key,
-- (id, created_at), so a lookup reads one partition instead of probing every month's.
-- Whoever already holds a payment's booking time passes it on:
-- - the tables pointing at a payment keep a booking time they are given (their foreign key
--   checks it) and look it up only when none is given, or when payment_id changes alone;
-- - issue_receipts() takes the booking times beside the ids (a new overload); the old one
--   looks them up once and calls it, so every caller keeps working;
-- - the check of new matches joins payments on the whole key.

CREATE OR REPLACE FUNCTION find_payment_booking() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    IF NEW.payment_id IS NULL THEN
        NEW.payment_created_at := NULL;
        RETURN NEW;
    END IF;
    -- A booking time given is kept: the foreign key refuses a wrong one.
    IF NEW.payment_created_at IS NOT NULL THEN
        IF TG_OP = 'INSERT' THEN
            RETURN NEW;
        END IF;
        IF NEW.payment_id = OLD.payment_id
           OR NEW.payment_created_at IS DISTINCT FROM OLD.payment_created_at THEN
            RETURN NEW;
        END IF;
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

-- As the three-argument issue_receipts() of 0022 (same checks, same numbering, same
-- rights), each payment named by its whole key: p_booked[i] is the booking time
-- (created_at) of p_payment_ids[i]. A wrong booking time is a payment that does not exist.
-- Its joins go row by row through the key (every join here is a lookup by key): the
-- planner prices such a join into payments as if each row read every partition (it leaves
-- them out only while running), and for a statement's thousands of payments would rather
-- scan them all, and compile that plan (JIT) for longer than it runs.
CREATE FUNCTION issue_receipts(p_payment_ids uuid[], p_booked timestamptz[],
                               p_withholding numeric[], p_issued date)
RETURNS TABLE (payment_id uuid, receipt_id uuid, receipt_number text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
SET enable_hashjoin = off SET enable_mergejoin = off SET jit = off AS $$
#variable_conflict use_column
DECLARE
    issue_year integer := extract(year FROM p_issued)::int + 543;
    wanted integer := cardinality(p_payment_ids);
    first_number bigint;
BEGIN
    IF NOT (pg_has_role(session_user, 'prakan_finance', 'MEMBER')
            OR pg_has_role(session_user, 'prakan_admin', 'MEMBER')) THEN
        RAISE EXCEPTION 'only finance issues receipts'
            USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'chk_payment_receipts_finance';
    END IF;
    IF wanted IS NULL OR wanted = 0 THEN
        RETURN;
    END IF;
    -- Each payment named once and existing: a number is drawn for each, so none is wasted.
    IF (SELECT count(DISTINCT p.id)
             FROM unnest(p_payment_ids, p_booked) AS w(id, booked)
             JOIN payments p ON p.id = w.id AND p.created_at = w.booked) <> wanted
       OR cardinality(p_booked) <> wanted OR cardinality(p_withholding) <> wanted THEN
        RAISE EXCEPTION 'each receipt is for one existing payment, named once'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_payment_receipts_payments';
    END IF;
    -- Locked, so two officers cannot both see "no receipt yet".
    PERFORM 1
       FROM unnest(p_payment_ids, p_booked) AS w(id, booked)
       JOIN payments p ON p.id = w.id AND p.created_at = w.booked
      ORDER BY p.id
        FOR UPDATE OF p;
    -- Only a juristic customer withholds, 1 % of the VAT base, from 1,000 baht (DOMAIN §6).
    IF EXISTS (SELECT 1
                 FROM unnest(p_payment_ids, p_booked, p_withholding) AS w(id, booked, withholding)
                 JOIN payments p ON p.id = w.id AND p.created_at = w.booked
                 JOIN customers c ON c.id = p.customer_id
                WHERE COALESCE(w.withholding, 0) < 0
                   OR COALESCE(w.withholding, 0) >
                      CASE WHEN c.customer_type = 'JURISTIC' AND p.total_amount >= 1000
                           THEN round(p.total_amount * 100 / 107 * 0.01, 2) ELSE 0 END) THEN
        RAISE EXCEPTION 'only a juristic customer withholds, at most 1 %% of the premium and stamp duty'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_payment_receipts_withholding';
    END IF;
    IF EXISTS (SELECT 1 FROM payment_receipts r
                WHERE r.payment_id = ANY (p_payment_ids) AND r.voided_at IS NULL) THEN
        RAISE EXCEPTION 'a payment already has its receipt'
            USING ERRCODE = 'unique_violation', CONSTRAINT = 'chk_payment_receipts_once';
    END IF;
    IF EXISTS (SELECT 1
                 FROM unnest(p_payment_ids, p_booked) AS w(id, booked)
                 JOIN payments p ON p.id = w.id AND p.created_at = w.booked
                WHERE p.payment_status <> 'SUCCESS' OR p.payment_direction <> 'INCOMING') THEN
        RAISE EXCEPTION 'a receipt is issued for an incoming payment that was paid'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_payment_receipts_paid';
    END IF;
    INSERT INTO receipt_counters AS rc (year_be, last_number) VALUES (issue_year, wanted)
    ON CONFLICT (year_be) DO UPDATE SET last_number = rc.last_number + wanted
    RETURNING rc.last_number - wanted + 1 INTO first_number;

    RETURN QUERY
    WITH seller AS (
        SELECT max(config_value) FILTER (WHERE config_key = 'COMPANY_NAME_TH') AS name,
               max(config_value) FILTER (WHERE config_key = 'COMPANY_ADDRESS_TH') AS address,
               max(config_value) FILTER (WHERE config_key = 'COMPANY_TAX_ID') AS tax_id,
               max(config_value) FILTER (WHERE config_key = 'COMPANY_BRANCH') AS branch
          FROM system_configurations
         WHERE config_key IN ('COMPANY_NAME_TH', 'COMPANY_ADDRESS_TH', 'COMPANY_TAX_ID', 'COMPANY_BRANCH')
    ), wanted_receipts AS (
        SELECT w.payment_id, w.booked, w.withholding, w.ord
          FROM unnest(p_payment_ids, p_booked, p_withholding)
               WITH ORDINALITY AS w(payment_id, booked, withholding, ord)
    ), inserted AS (
        INSERT INTO payment_receipts AS r
               (payment_id, payment_created_at, receipt_number, receipt_type, tax_invoice_number,
                vat_amount, withholding_tax, issued_date, issued_by, language, seller_name,
                seller_address, seller_tax_id, seller_branch, buyer_name, buyer_address,
                buyer_tax_id, buyer_branch, description, amount_before_vat, total_amount,
                amount_received)
        SELECT p.id, p.created_at,
               'RC-' || issue_year || '-' || serial_number(first_number + w.ord - 1),
               'TAX_INVOICE',
               'RC-' || issue_year || '-' || serial_number(first_number + w.ord - 1),
               round(p.total_amount * 7 / 107, 2),
               NULLIF(COALESCE(w.withholding, 0), 0),
               p_issued, current_staff_id(), c.preferred_language,
               s.name, s.address, s.tax_id, s.branch,
               concat_ws(' ', c.first_name, c.last_name),
               COALESCE(c.address, '{}'::jsonb)
                   || jsonb_strip_nulls(jsonb_build_object('tambon_code', c.tambon_code,
                                                           'postal_code', c.postal_code)),
               c.national_id,
               CASE WHEN c.customer_type = 'JURISTIC' THEN COALESCE(c.branch_code, '00000') END,
               concat_ws(' ', CASE p.payment_type WHEN 'INSTALLMENT' THEN 'ค่าเบี้ยประกันภัยงวดที่ '
                                                      || p.installment_number || '/' || p.total_installments
                                                  ELSE 'ค่าเบี้ยประกันภัย' END,
                         pol.policy_number),
               p.total_amount - round(p.total_amount * 7 / 107, 2),
               p.total_amount,
               p.total_amount - COALESCE(w.withholding, 0)
          FROM wanted_receipts w
          JOIN payments p ON p.id = w.payment_id AND p.created_at = w.booked
          JOIN customers c ON c.id = p.customer_id
          LEFT JOIN policies pol ON pol.id = p.policy_id
         CROSS JOIN seller s
        RETURNING r.payment_id, r.id, r.receipt_number::text
    )
    SELECT * FROM inserted;
END
$$;

-- The three-argument form, for callers holding only the ids: the booking times are looked
-- up once (a payment not found has none, and is refused by the four-argument form).
CREATE OR REPLACE FUNCTION issue_receipts(p_payment_ids uuid[], p_withholding numeric[], p_issued date)
RETURNS TABLE (payment_id uuid, receipt_id uuid, receipt_number text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT (pg_has_role(session_user, 'prakan_finance', 'MEMBER')
            OR pg_has_role(session_user, 'prakan_admin', 'MEMBER')) THEN
        RAISE EXCEPTION 'only finance issues receipts'
            USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'chk_payment_receipts_finance';
    END IF;
    RETURN QUERY
    SELECT * FROM issue_receipts(
        p_payment_ids,
        ARRAY(SELECT (SELECT p.created_at FROM payments p WHERE p.id = w.id LIMIT 1)
                FROM unnest(p_payment_ids) WITH ORDINALITY AS w(id, ord)
               ORDER BY w.ord),
        p_withholding,
        p_issued);
END
$$;

REVOKE ALL ON FUNCTION issue_receipts(uuid[], timestamptz[], numeric[], date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION issue_receipts(uuid[], timestamptz[], numeric[], date)
    TO prakan_finance, prakan_admin;

-- As 0022's, reading each new match's payment by the whole key it carries, row by row (a
-- LATERAL subquery with LIMIT 1, for the planner's reason given at issue_receipts()). Hash
-- joins stay on here: the lines were just written, their statistics are not yet known.
CREATE OR REPLACE FUNCTION check_reconciliation_matches() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM 1 FROM bank_statement_lines
     WHERE id IN (SELECT line_id FROM added_matches) ORDER BY id FOR UPDATE;
    IF EXISTS (SELECT 1 FROM added_matches a JOIN bank_statement_lines l ON l.id = a.line_id
                WHERE l.status = 'DISPUTED') THEN
        RAISE EXCEPTION 'a disputed line is matched only after the dispute is settled'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_reconciliation_matches_disputed';
    END IF;
    IF EXISTS (SELECT 1 FROM added_matches a
                 JOIN bank_statement_lines l ON l.id = a.line_id
                CROSS JOIN LATERAL (
                      SELECT p.payment_status, p.payment_direction FROM payments p
                       WHERE p.id = a.payment_id AND p.created_at = a.payment_created_at
                       LIMIT 1) p
                WHERE p.payment_status NOT IN ('PENDING', 'PROCESSING')
                   OR (p.payment_direction = 'INCOMING') <> (l.amount > 0)) THEN
        RAISE EXCEPTION 'a line pays a payment still owed, in its own direction'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_reconciliation_matches_payment';
    END IF;
    IF EXISTS (SELECT 1 FROM added_matches a
                CROSS JOIN LATERAL (
                      SELECT p.total_amount FROM payments p
                       WHERE p.id = a.payment_id AND p.created_at = a.payment_created_at
                       LIMIT 1) p
                WHERE a.amount + a.withholding_tax <> p.total_amount) THEN
        RAISE EXCEPTION 'a match pays what is due: the amount and what was withheld'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_reconciliation_matches_due';
    END IF;
    IF EXISTS (SELECT 1 FROM reconciliation_matches m
                 JOIN bank_statement_lines l ON l.id = m.line_id
                WHERE m.line_id IN (SELECT line_id FROM added_matches) AND m.undone_at IS NULL
                GROUP BY m.line_id, l.amount
               HAVING sum(m.amount) > abs(l.amount)) THEN
        RAISE EXCEPTION 'the matches of a line add up to more than the line'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_reconciliation_matches_total';
    END IF;
    RETURN NULL;
END
$$;
