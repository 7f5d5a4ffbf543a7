-- Payment reconciliation: the insurer's bank accounts, saved statement column mappings,
-- imported statements and their lines (idempotent: a file once, a line once per account),
-- matches of lines to payments with the rule that made each, gapless receipt / tax invoice
-- numbers per Buddhist year drawn only by the function that issues receipts. Only finance
-- (and administrators) change any of it, in psql too.

-- Who issues the tax invoices (DOMAIN §6): the seller's name, address, tax ID and branch.
INSERT INTO system_configurations
    (config_key, config_category, config_value, config_type, description, min_value, max_value) VALUES
('COMPANY_NAME_TH', 'COMPANY', 'บริษัท ประกันภัยประกัน จำกัด (มหาชน)', 'STRING',
 'The insurer''s registered name on receipts and tax invoices', NULL, NULL),
('COMPANY_ADDRESS_TH', 'COMPANY', '999 ถนนพระรามที่ 4 แขวงสีลม เขตบางรัก กรุงเทพมหานคร 10500', 'STRING',
 'The insurer''s address on receipts and tax invoices', NULL, NULL),
('COMPANY_TAX_ID', 'COMPANY', '0107536000315', 'STRING',
 'The insurer''s 13-digit tax ID', NULL, NULL),
('COMPANY_BRANCH', 'COMPANY', '00000', 'STRING',
 'The issuing branch: 00000 is the head office (สำนักงานใหญ่)', NULL, NULL),
('RECONCILE_NAME_SIMILARITY', 'PAYMENT', '0.5', 'DECIMAL',
 'How alike a statement line''s description and a customer''s name must be for a match by amount and date (0–1)', 0, 1);
UPDATE system_configurations SET validation_regex = '^[0-9]{13}$' WHERE config_key = 'COMPANY_TAX_ID';
UPDATE system_configurations SET validation_regex = '^[0-9]{5}$' WHERE config_key = 'COMPANY_BRANCH';

-- The insurer's own accounts that statements come from.
CREATE TABLE bank_accounts (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    code VARCHAR(20) NOT NULL CONSTRAINT bank_accounts_code_key UNIQUE
        CONSTRAINT chk_bank_accounts_code CHECK (code ~ '^[A-Z0-9_-]{2,20}$'),
    bank_code VARCHAR(3) NOT NULL CONSTRAINT chk_bank_accounts_bank_code CHECK (bank_code ~ '^[0-9]{3}$'),
    account_number VARCHAR(20) NOT NULL,
    account_name VARCHAR(200) NOT NULL,
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_by UUID,
    updated_by UUID,
    version INTEGER NOT NULL DEFAULT 0
);
COMMENT ON TABLE bank_accounts IS 'The insurer''s bank accounts whose statements are reconciled';

INSERT INTO bank_accounts (code, bank_code, account_number, account_name) VALUES
('KBANK-PREMIUM', '004', '123-1-23456-7', 'บริษัท ประกันภัยประกัน จำกัด (มหาชน) บัญชีรับเบี้ย'),
('SCB-PREMIUM', '014', '987-6-54321-0', 'บริษัท ประกันภัยประกัน จำกัด (มหาชน) บัญชีรับเบี้ย');

-- Column mappings finance saves for a bank's CSV layout (the built-in KBank, SCB and
-- CAMT.053 profiles live in the program).
CREATE TABLE statement_profiles (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    code VARCHAR(30) NOT NULL CONSTRAINT statement_profiles_code_key UNIQUE
        CONSTRAINT chk_statement_profiles_code CHECK (code ~ '^[A-Z0-9_-]{2,30}$'),
    name VARCHAR(200) NOT NULL,
    mapping JSONB NOT NULL CONSTRAINT chk_statement_profiles_mapping CHECK (jsonb_typeof(mapping) = 'object'),
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_by UUID,
    updated_by UUID,
    version INTEGER NOT NULL DEFAULT 0
);
COMMENT ON TABLE statement_profiles IS 'Saved CSV column mappings of bank statement layouts';

-- One imported file. The same file (by SHA-256) is imported once per account.
CREATE TABLE bank_statements (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    bank_account_id UUID NOT NULL REFERENCES bank_accounts(id),
    profile_code VARCHAR(30) NOT NULL,
    file_name VARCHAR(255) NOT NULL,
    file_sha256 CHAR(64) NOT NULL CONSTRAINT chk_bank_statements_sha256 CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
    period_from DATE,
    period_to DATE,
    opening_balance NUMERIC(14,2),
    closing_balance NUMERIC(14,2),
    line_count INTEGER NOT NULL CHECK (line_count >= 0),
    new_line_count INTEGER NOT NULL CHECK (new_line_count >= 0 AND new_line_count <= line_count),
    imported_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_by UUID,
    updated_by UUID,
    version INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT bank_statements_file_key UNIQUE (bank_account_id, file_sha256)
);
COMMENT ON TABLE bank_statements IS 'Imported bank statement files';

-- One movement on the account. Money in is positive, money out negative. The key (the
-- bank's reference, else date + amount + description + occurrence in the file) is unique per
-- account, so overlapping files add each movement once.
CREATE TABLE bank_statement_lines (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    statement_id UUID NOT NULL REFERENCES bank_statements(id),
    bank_account_id UUID NOT NULL REFERENCES bank_accounts(id),
    line_number INTEGER NOT NULL CHECK (line_number > 0),
    line_key VARCHAR(300) NOT NULL,
    booked_at TIMESTAMPTZ NOT NULL,
    amount NUMERIC(14,2) NOT NULL CONSTRAINT chk_bank_statement_lines_amount CHECK (amount <> 0),
    ref1 VARCHAR(50),
    ref2 VARCHAR(50),
    description TEXT NOT NULL DEFAULT '',
    balance NUMERIC(14,2),
    bank_reference VARCHAR(100),
    status VARCHAR(20) NOT NULL DEFAULT 'UNMATCHED'
        CONSTRAINT chk_bank_statement_lines_status
        CHECK (status IN ('UNMATCHED', 'MATCHED', 'DISPUTED')),
    matched_amount NUMERIC(14,2) NOT NULL DEFAULT 0,
    matched_rule VARCHAR(30),
    dispute_note TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_by UUID,
    updated_by UUID,
    version INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT bank_statement_lines_key UNIQUE (bank_account_id, line_key),
    CONSTRAINT chk_bank_statement_lines_matched
        CHECK (abs(matched_amount) <= abs(amount) AND (status = 'MATCHED') = (matched_amount <> 0)),
    CONSTRAINT chk_bank_statement_lines_dispute
        CHECK ((status = 'DISPUTED') = (NULLIF(btrim(dispute_note), '') IS NOT NULL))
);
CREATE INDEX idx_bank_statement_lines_statement ON bank_statement_lines(statement_id, line_number);
-- The cockpit: lines still to resolve, oldest first.
CREATE INDEX idx_bank_statement_lines_open ON bank_statement_lines(booked_at, id)
    WHERE status IN ('UNMATCHED', 'DISPUTED');
COMMENT ON TABLE bank_statement_lines IS 'Movements of imported statements, matched to payments';

-- Which payment a line (or part of it) paid, by which rule. Undoing keeps the row, marked.
CREATE TABLE reconciliation_matches (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    line_id UUID NOT NULL REFERENCES bank_statement_lines(id),
    payment_id UUID NOT NULL REFERENCES payments(id),
    amount NUMERIC(14,2) NOT NULL CONSTRAINT chk_reconciliation_matches_amount CHECK (amount > 0),
    withholding_tax NUMERIC(12,2) NOT NULL DEFAULT 0 CHECK (withholding_tax >= 0),
    rule VARCHAR(30) NOT NULL CONSTRAINT chk_reconciliation_matches_rule
        CHECK (rule IN ('REFERENCE', 'REFERENCE_WHT', 'AMOUNT_DATE_NAME', 'MANUAL', 'SPLIT')),
    -- What the payment was before it was matched, for undoing.
    previous_payment_status VARCHAR(20) NOT NULL DEFAULT 'PENDING',
    matched_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    undone_at TIMESTAMPTZ,
    undone_by UUID REFERENCES users(id),
    undo_reason TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_by UUID,
    updated_by UUID,
    version INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT chk_reconciliation_matches_undo
        CHECK ((undone_at IS NULL) = (undo_reason IS NULL))
);
-- A payment is paid by one live match.
CREATE UNIQUE INDEX reconciliation_matches_one_live_per_payment ON reconciliation_matches(payment_id)
    WHERE undone_at IS NULL;
CREATE INDEX idx_reconciliation_matches_line ON reconciliation_matches(line_id);
COMMENT ON TABLE reconciliation_matches IS 'Statement lines matched to payments, with the rule; undone ones stay, marked';

-- The tax-invoice fields of DOMAIN §6, copied onto each receipt when it is issued.
ALTER TABLE payment_receipts
    ADD COLUMN seller_name VARCHAR(200),
    ADD COLUMN seller_address TEXT,
    ADD COLUMN seller_tax_id VARCHAR(13),
    ADD COLUMN seller_branch VARCHAR(5),
    ADD COLUMN buyer_name VARCHAR(300),
    ADD COLUMN buyer_address JSONB,
    ADD COLUMN buyer_tax_id VARCHAR(13),
    ADD COLUMN buyer_branch VARCHAR(5),
    ADD COLUMN description TEXT,
    ADD COLUMN amount_before_vat NUMERIC(12,2),
    ADD COLUMN total_amount NUMERIC(12,2),
    ADD COLUMN amount_received NUMERIC(12,2),
    ADD COLUMN copies_printed INTEGER NOT NULL DEFAULT 0;
COMMENT ON COLUMN payment_receipts.buyer_branch IS
    'The buyer''s branch: 00000 head office (สำนักงานใหญ่), else สาขาที่ NNNNN; none for a person';
COMMENT ON COLUMN payment_receipts.amount_before_vat IS 'Premium and stamp duty: the VAT base';

-- One live receipt per payment (a voided one stays beside its replacement).
CREATE UNIQUE INDEX payment_receipts_one_live ON payment_receipts (payment_id) WHERE voided_at IS NULL;

-- Gapless receipt numbers: RC-<Buddhist year>-0000001 upwards, one counter row per year,
-- locked by the transaction that draws from it, so a rollback returns its numbers.
CREATE TABLE receipt_counters (
    year_be INTEGER PRIMARY KEY CHECK (year_be > 2400),
    last_number BIGINT NOT NULL CHECK (last_number >= 0)
);
COMMENT ON TABLE receipt_counters IS 'The last receipt number issued in each Buddhist year';

-- Moves the counters to the numbers already in the table (after a bulk load).
CREATE FUNCTION sync_receipt_counters() RETURNS void
LANGUAGE sql VOLATILE AS $$
    INSERT INTO receipt_counters (year_be, last_number)
    SELECT substring(receipt_number FROM '^RC-([0-9]{4})-')::int,
           max(substring(receipt_number FROM '([0-9]+)$')::bigint)
      FROM payment_receipts
     WHERE receipt_number ~ '^RC-[0-9]{4}-[0-9]+$'
     GROUP BY 1
    ON CONFLICT (year_be) DO UPDATE
        SET last_number = GREATEST(receipt_counters.last_number, EXCLUDED.last_number)
$$;

-- Issues the receipts / tax invoices of payments just paid, in one statement: the numbers
-- are drawn from the year's counter (held until commit), the seller from the settings, the
-- buyer from the customer, VAT as the 7/107 part of what was due, withholding as given.
-- One receipt per payment: a payment that already has a live receipt is refused.
CREATE FUNCTION issue_receipts(p_payment_ids uuid[], p_withholding numeric[], p_issued date)
RETURNS TABLE (payment_id uuid, receipt_id uuid, receipt_number text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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
    IF (SELECT count(DISTINCT p.id) FROM payments p WHERE p.id = ANY (p_payment_ids)) <> wanted
       OR cardinality(p_withholding) <> wanted THEN
        RAISE EXCEPTION 'each receipt is for one existing payment, named once'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_payment_receipts_payments';
    END IF;
    -- Locked, so two officers cannot both see "no receipt yet".
    PERFORM 1 FROM payments p WHERE p.id = ANY (p_payment_ids) ORDER BY p.id FOR UPDATE;
    -- Only a juristic customer withholds, 1 % of the VAT base, from 1,000 baht (DOMAIN §6).
    IF EXISTS (SELECT 1
                 FROM unnest(p_payment_ids, p_withholding) AS w(id, withholding)
                 JOIN payments p ON p.id = w.id
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
    IF EXISTS (SELECT 1 FROM payments p
                WHERE p.id = ANY (p_payment_ids)
                  AND (p.payment_status <> 'SUCCESS' OR p.payment_direction <> 'INCOMING')) THEN
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
        SELECT w.payment_id, w.withholding, w.ord
          FROM unnest(p_payment_ids, p_withholding) WITH ORDINALITY AS w(payment_id, withholding, ord)
    ), inserted AS (
        INSERT INTO payment_receipts AS r
               (payment_id, receipt_number, receipt_type, tax_invoice_number, vat_amount,
                withholding_tax, issued_date, issued_by, language, seller_name, seller_address, seller_tax_id,
                seller_branch, buyer_name, buyer_address, buyer_tax_id, buyer_branch, description,
                amount_before_vat, total_amount, amount_received)
        SELECT p.id,
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
          JOIN payments p ON p.id = w.payment_id
          JOIN customers c ON c.id = p.customer_id
          LEFT JOIN policies pol ON pol.id = p.policy_id
         CROSS JOIN seller s
        RETURNING r.payment_id, r.id, r.receipt_number::text
    )
    SELECT * FROM inserted;
END
$$;

-- A match pays a payment still owed, from a line of the same direction, and the live
-- matches of a line never add up to more than the line. One check per statement, so a
-- statement's thousand matches cost one query; the lines are locked first, so two
-- transactions cannot both fill the same line.
CREATE FUNCTION check_reconciliation_matches() RETURNS trigger
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
                 JOIN payments p ON p.id = a.payment_id
                WHERE p.payment_status NOT IN ('PENDING', 'PROCESSING')
                   OR (p.payment_direction = 'INCOMING') <> (l.amount > 0)) THEN
        RAISE EXCEPTION 'a line pays a payment still owed, in its own direction'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_reconciliation_matches_payment';
    END IF;
    IF EXISTS (SELECT 1 FROM added_matches a JOIN payments p ON p.id = a.payment_id
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

CREATE TRIGGER check_reconciliation_matches
    AFTER INSERT ON reconciliation_matches REFERENCING NEW TABLE AS added_matches
    FOR EACH STATEMENT EXECUTE FUNCTION check_reconciliation_matches();

-- Undoing is final and says why: an undone match is never brought back (match again instead).
CREATE FUNCTION check_match_undo() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.undone_at IS NOT NULL THEN
        RAISE EXCEPTION 'an undone match stays undone'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_reconciliation_matches_undone_final';
    END IF;
    IF NEW.undone_at IS NOT NULL THEN
        NEW.undone_by := COALESCE(current_staff_id(), NEW.undone_by);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER check_match_undo
    BEFORE UPDATE ON reconciliation_matches
    FOR EACH ROW EXECUTE FUNCTION check_match_undo();

-- Row housekeeping and the audit trail, as on every business table. Statement lines and
-- matches are audited when they change, not when they are written: a line is the bank's
-- record, imported with its statement (audited, with who and when), and a match is itself
-- the record of who matched what and when (created_by, matched_at) beside the payment's
-- audited change. A 100,000-line statement writes 100,000 fewer audit rows so.
DO $$
DECLARE
    business_table text;
BEGIN
    FOREACH business_table IN ARRAY ARRAY[
        'bank_accounts', 'statement_profiles', 'bank_statements', 'bank_statement_lines',
        'reconciliation_matches'
    ] LOOP
        EXECUTE format('CREATE TRIGGER stamp_created_by BEFORE INSERT ON %I
                        FOR EACH ROW EXECUTE FUNCTION stamp_created_by()', business_table);
        EXECUTE format('CREATE TRIGGER touch_row BEFORE UPDATE ON %I
                        FOR EACH ROW EXECUTE FUNCTION touch_row()', business_table);
        EXECUTE format('CREATE TRIGGER audit_row_change AFTER %s ON %I
                        FOR EACH ROW EXECUTE FUNCTION audit_row_change()',
                       CASE WHEN business_table IN ('bank_statement_lines', 'reconciliation_matches')
                            THEN 'UPDATE OR DELETE' ELSE 'INSERT OR UPDATE OR DELETE' END,
                       business_table);
    END LOOP;
END
$$;

-- Finding payments for lines: by reference, by policy number, by amount near a date.
CREATE INDEX idx_payments_open_amount ON payments (total_amount, due_date)
    WHERE payment_status IN ('PENDING', 'PROCESSING');

-- Rights: finance reconciles; administrators keep the accounts; auditors read.
GRANT SELECT ON bank_accounts TO prakan_finance, prakan_auditor;
GRANT SELECT, INSERT, UPDATE ON bank_accounts TO prakan_admin;
GRANT SELECT, INSERT, UPDATE ON statement_profiles TO prakan_finance, prakan_admin;
GRANT SELECT ON statement_profiles TO prakan_auditor;
GRANT SELECT, INSERT ON bank_statements TO prakan_finance, prakan_admin;
GRANT SELECT ON bank_statements TO prakan_auditor;
GRANT SELECT, INSERT ON bank_statement_lines TO prakan_finance, prakan_admin;
GRANT UPDATE (status, matched_amount, matched_rule, dispute_note) ON bank_statement_lines
    TO prakan_finance, prakan_admin;
GRANT SELECT ON bank_statement_lines TO prakan_auditor;
GRANT SELECT, INSERT ON reconciliation_matches TO prakan_finance, prakan_admin;
GRANT UPDATE (undone_at, undone_by, undo_reason) ON reconciliation_matches
    TO prakan_finance, prakan_admin;
GRANT SELECT ON reconciliation_matches TO prakan_auditor;
GRANT SELECT ON receipt_counters TO prakan_finance, prakan_auditor, prakan_admin;
-- Receipts come from issue_receipts() only, so a number is never typed; finance may void one
-- and count the copies printed.
REVOKE INSERT, UPDATE ON payment_receipts FROM prakan_finance;
GRANT UPDATE (voided_at, void_reason, copies_printed, delivery_method, delivered_at, file_path,
              file_format, sha256) ON payment_receipts TO prakan_finance;

REVOKE ALL ON FUNCTION sync_receipt_counters(), issue_receipts(uuid[], numeric[], date),
    check_reconciliation_matches(), check_match_undo() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION issue_receipts(uuid[], numeric[], date) TO prakan_finance, prakan_admin;

-- A database that already holds receipts continues their numbers.
SELECT sync_receipt_counters();
