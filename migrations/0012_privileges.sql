-- Table and column privileges of the group roles: docs/security.md is this file as a table,
-- and the security matrix test holds the two together. Nobody but the owner deletes rows:
-- business rows are closed or soft-deleted, and audit rows are never changed.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;

-- Reference data and the staff directory: everyone reads.
GRANT SELECT ON provinces, amphoes, tambons TO
    prakan_agent, prakan_underwriter, prakan_adjuster, prakan_surveyor,
    prakan_finance, prakan_auditor, prakan_admin;
GRANT SELECT ON users TO
    prakan_agent, prakan_underwriter, prakan_adjuster, prakan_surveyor,
    prakan_finance, prakan_auditor, prakan_admin;
-- Each person may change their own language and time zone (row-level security keeps it
-- to their own row); administrators manage the rest. Accounts are created by staff_create().
GRANT UPDATE (preferred_language, timezone) ON users TO
    prakan_agent, prakan_underwriter, prakan_adjuster, prakan_surveyor,
    prakan_finance, prakan_auditor, prakan_admin;
GRANT UPDATE (first_name, last_name, email, phone_number, employee_id, department, group_role,
              authority_limit, account_status, email_verified, phone_verified,
              profile_picture_url, deleted_at, deleted_by) ON users TO prakan_admin;

GRANT SELECT, INSERT, UPDATE ON user_sessions TO
    prakan_agent, prakan_underwriter, prakan_adjuster, prakan_surveyor,
    prakan_finance, prakan_auditor, prakan_admin;

GRANT SELECT ON system_configurations TO
    prakan_agent, prakan_underwriter, prakan_adjuster, prakan_surveyor,
    prakan_finance, prakan_auditor, prakan_admin;
GRANT UPDATE (config_value, description) ON system_configurations TO prakan_admin;

GRANT SELECT ON audit_logs TO prakan_auditor, prakan_admin;

-- Customers. Adjusters and surveyors see every column but the national ID (they get
-- national_id_masked); revealing it is a separate, audited action.
GRANT SELECT, INSERT, UPDATE ON customers TO prakan_agent, prakan_underwriter, prakan_admin;
GRANT SELECT ON customers TO prakan_finance, prakan_auditor;
DO $$
DECLARE
    columns_but_national_id text;
BEGIN
    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO columns_but_national_id
      FROM pg_attribute
     WHERE attrelid = 'public.customers'::regclass AND attnum > 0 AND NOT attisdropped
       AND attname <> 'national_id';
    EXECUTE format('GRANT SELECT (%s) ON customers TO prakan_adjuster, prakan_surveyor',
                   columns_but_national_id);
END
$$;

GRANT SELECT, INSERT, UPDATE ON customer_vehicles TO prakan_agent, prakan_underwriter, prakan_admin;
GRANT SELECT ON customer_vehicles TO prakan_adjuster, prakan_surveyor, prakan_finance, prakan_auditor;

GRANT SELECT, INSERT ON dlt_verifications TO prakan_agent, prakan_underwriter, prakan_admin;
GRANT SELECT ON dlt_verifications TO prakan_adjuster, prakan_surveyor, prakan_auditor;

GRANT SELECT, INSERT, UPDATE ON consent_records TO prakan_agent, prakan_underwriter, prakan_admin;
GRANT SELECT ON consent_records TO prakan_adjuster, prakan_auditor;

GRANT SELECT, INSERT, UPDATE ON customer_documents TO prakan_agent, prakan_underwriter, prakan_admin;
GRANT SELECT ON customer_documents TO prakan_adjuster, prakan_auditor;

-- Policies: agents keep draft quotes of their own customers; underwriters issue.
GRANT SELECT, INSERT, UPDATE ON policies TO prakan_agent, prakan_underwriter;
GRANT SELECT ON policies TO prakan_adjuster, prakan_surveyor, prakan_finance, prakan_auditor, prakan_admin;

GRANT SELECT, INSERT ON policy_documents TO prakan_underwriter;
GRANT SELECT ON policy_documents TO prakan_agent, prakan_adjuster, prakan_finance, prakan_auditor, prakan_admin;

GRANT SELECT, INSERT ON policy_renewals TO prakan_underwriter;
GRANT SELECT ON policy_renewals TO prakan_agent, prakan_auditor, prakan_admin;

-- Claims: adjusters own the workflow; surveyors work the claims assigned to them.
GRANT SELECT, INSERT, UPDATE ON claims TO prakan_adjuster;
GRANT SELECT ON claims TO prakan_agent, prakan_underwriter, prakan_surveyor, prakan_finance,
                          prakan_auditor, prakan_admin;

GRANT SELECT, INSERT, UPDATE ON claim_documents TO prakan_adjuster;
GRANT SELECT, INSERT ON claim_documents TO prakan_surveyor;
GRANT SELECT ON claim_documents TO prakan_auditor, prakan_admin;

GRANT SELECT, INSERT, UPDATE ON claim_assessments TO prakan_adjuster, prakan_surveyor;
GRANT SELECT ON claim_assessments TO prakan_finance, prakan_auditor, prakan_admin;

GRANT SELECT, INSERT ON claim_settlements TO prakan_adjuster;
GRANT SELECT, UPDATE ON claim_settlements TO prakan_finance;
GRANT SELECT ON claim_settlements TO prakan_auditor, prakan_admin;

-- Payments: underwriters (schedules, refunds) and adjusters (settlements) create pending
-- payments only; finance and administrators change payment and reconciliation state.
GRANT SELECT, INSERT, UPDATE ON payments TO prakan_finance;
GRANT SELECT, UPDATE ON payments TO prakan_admin;
GRANT SELECT, INSERT ON payments TO prakan_underwriter, prakan_adjuster;
GRANT SELECT ON payments TO prakan_agent, prakan_auditor;

GRANT SELECT, INSERT, UPDATE ON payment_transactions TO prakan_finance;
GRANT SELECT ON payment_transactions TO prakan_auditor, prakan_admin;

GRANT SELECT, INSERT, UPDATE ON payment_receipts TO prakan_finance;
GRANT SELECT ON payment_receipts TO prakan_underwriter, prakan_auditor, prakan_admin;

-- Functions that run as their owner are executable only by those who need them.
GRANT EXECUTE ON FUNCTION current_staff_id() TO
    prakan_agent, prakan_underwriter, prakan_adjuster, prakan_surveyor,
    prakan_finance, prakan_auditor, prakan_admin;
GRANT EXECUTE ON FUNCTION staff_create(text, text, text, text, text, numeric, text, text) TO prakan_admin;
GRANT EXECUTE ON FUNCTION staff_set_password(text, text) TO prakan_admin;
GRANT EXECUTE ON FUNCTION ensure_monthly_partition(text, date) TO prakan_admin;
