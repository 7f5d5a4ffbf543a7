-- Row-level security: agents see only the customers they brought and what hangs off them;
-- surveyors see only the claims assigned to them and what those claims need; every person
-- sees and changes only their own sessions and their own directory row's preferences.
-- Roles without a restriction get an explicit "all rows" policy: with RLS on, a role
-- without any policy would see nothing. (SELECT current_staff_id()) is evaluated once per
-- statement, not once per row.

-- Customers and what belongs to them.
ALTER TABLE customers ENABLE ROW LEVEL SECURITY;
CREATE POLICY customers_all_rows ON customers FOR ALL
    TO prakan_underwriter, prakan_adjuster, prakan_finance, prakan_auditor, prakan_admin
    USING (true) WITH CHECK (true);
CREATE POLICY customers_agent_own ON customers FOR ALL TO prakan_agent
    USING (agent_id = (SELECT current_staff_id()))
    WITH CHECK (agent_id = (SELECT current_staff_id()));
CREATE POLICY customers_surveyor_assigned ON customers FOR SELECT TO prakan_surveyor
    USING (id IN (SELECT customer_id FROM policies));

ALTER TABLE customer_vehicles ENABLE ROW LEVEL SECURITY;
CREATE POLICY customer_vehicles_all_rows ON customer_vehicles FOR ALL
    TO prakan_underwriter, prakan_adjuster, prakan_finance, prakan_auditor, prakan_admin
    USING (true) WITH CHECK (true);
CREATE POLICY customer_vehicles_agent_own ON customer_vehicles FOR ALL TO prakan_agent
    USING (customer_id IN (SELECT id FROM customers))
    WITH CHECK (customer_id IN (SELECT id FROM customers));
CREATE POLICY customer_vehicles_surveyor_assigned ON customer_vehicles FOR SELECT TO prakan_surveyor
    USING (id IN (SELECT vehicle_id FROM policies));

ALTER TABLE dlt_verifications ENABLE ROW LEVEL SECURITY;
CREATE POLICY dlt_verifications_all_rows ON dlt_verifications FOR ALL
    TO prakan_underwriter, prakan_adjuster, prakan_auditor, prakan_admin
    USING (true) WITH CHECK (true);
CREATE POLICY dlt_verifications_agent_own ON dlt_verifications FOR ALL TO prakan_agent
    USING (vehicle_id IN (SELECT id FROM customer_vehicles))
    WITH CHECK (vehicle_id IN (SELECT id FROM customer_vehicles));
CREATE POLICY dlt_verifications_surveyor_assigned ON dlt_verifications FOR SELECT TO prakan_surveyor
    USING (vehicle_id IN (SELECT id FROM customer_vehicles));

ALTER TABLE consent_records ENABLE ROW LEVEL SECURITY;
CREATE POLICY consent_records_all_rows ON consent_records FOR ALL
    TO prakan_underwriter, prakan_adjuster, prakan_auditor, prakan_admin
    USING (true) WITH CHECK (true);
CREATE POLICY consent_records_agent_own ON consent_records FOR ALL TO prakan_agent
    USING (customer_id IN (SELECT id FROM customers))
    WITH CHECK (customer_id IN (SELECT id FROM customers));

ALTER TABLE customer_documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY customer_documents_all_rows ON customer_documents FOR ALL
    TO prakan_underwriter, prakan_adjuster, prakan_auditor, prakan_admin
    USING (true) WITH CHECK (true);
CREATE POLICY customer_documents_agent_own ON customer_documents FOR ALL TO prakan_agent
    USING (customer_id IN (SELECT id FROM customers))
    WITH CHECK (customer_id IN (SELECT id FROM customers));

-- Policies: an agent sees the policies they sold and those of their customers, and
-- writes only draft quotes of their own.
ALTER TABLE policies ENABLE ROW LEVEL SECURITY;
CREATE POLICY policies_all_rows ON policies FOR ALL
    TO prakan_underwriter, prakan_adjuster, prakan_finance, prakan_auditor, prakan_admin
    USING (true) WITH CHECK (true);
CREATE POLICY policies_agent_read ON policies FOR SELECT TO prakan_agent
    USING (agent_id = (SELECT current_staff_id()) OR customer_id IN (SELECT id FROM customers));
CREATE POLICY policies_agent_draft_insert ON policies FOR INSERT TO prakan_agent
    WITH CHECK (status = 'DRAFT' AND agent_id = (SELECT current_staff_id())
                AND customer_id IN (SELECT id FROM customers));
CREATE POLICY policies_agent_draft_update ON policies FOR UPDATE TO prakan_agent
    USING (status = 'DRAFT' AND agent_id = (SELECT current_staff_id()))
    WITH CHECK (status = 'DRAFT' AND agent_id = (SELECT current_staff_id()));
CREATE POLICY policies_surveyor_assigned ON policies FOR SELECT TO prakan_surveyor
    USING (id IN (SELECT policy_id FROM claims));

ALTER TABLE policy_documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY policy_documents_all_rows ON policy_documents FOR ALL
    TO prakan_underwriter, prakan_adjuster, prakan_finance, prakan_auditor, prakan_admin
    USING (true) WITH CHECK (true);
CREATE POLICY policy_documents_agent_own ON policy_documents FOR SELECT TO prakan_agent
    USING (policy_id IN (SELECT id FROM policies));

ALTER TABLE policy_renewals ENABLE ROW LEVEL SECURITY;
CREATE POLICY policy_renewals_all_rows ON policy_renewals FOR ALL
    TO prakan_underwriter, prakan_auditor, prakan_admin
    USING (true) WITH CHECK (true);
CREATE POLICY policy_renewals_agent_own ON policy_renewals FOR SELECT TO prakan_agent
    USING (original_policy_id IN (SELECT id FROM policies));

-- Claims.
ALTER TABLE claims ENABLE ROW LEVEL SECURITY;
CREATE POLICY claims_all_rows ON claims FOR ALL
    TO prakan_underwriter, prakan_adjuster, prakan_finance, prakan_auditor, prakan_admin
    USING (true) WITH CHECK (true);
CREATE POLICY claims_agent_own ON claims FOR SELECT TO prakan_agent
    USING (policy_id IN (SELECT id FROM policies));
CREATE POLICY claims_surveyor_assigned ON claims FOR SELECT TO prakan_surveyor
    USING (surveyor_id = (SELECT current_staff_id()));

ALTER TABLE claim_documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY claim_documents_all_rows ON claim_documents FOR ALL
    TO prakan_adjuster, prakan_auditor, prakan_admin
    USING (true) WITH CHECK (true);
CREATE POLICY claim_documents_surveyor_assigned ON claim_documents FOR ALL TO prakan_surveyor
    USING (claim_id IN (SELECT id FROM claims))
    WITH CHECK (claim_id IN (SELECT id FROM claims));

ALTER TABLE claim_assessments ENABLE ROW LEVEL SECURITY;
CREATE POLICY claim_assessments_all_rows ON claim_assessments FOR ALL
    TO prakan_adjuster, prakan_finance, prakan_auditor, prakan_admin
    USING (true) WITH CHECK (true);
CREATE POLICY claim_assessments_surveyor_read ON claim_assessments FOR SELECT TO prakan_surveyor
    USING (claim_id IN (SELECT id FROM claims));
CREATE POLICY claim_assessments_surveyor_insert ON claim_assessments FOR INSERT TO prakan_surveyor
    WITH CHECK (assessor_id = (SELECT current_staff_id()) AND claim_id IN (SELECT id FROM claims));
CREATE POLICY claim_assessments_surveyor_update ON claim_assessments FOR UPDATE TO prakan_surveyor
    USING (assessor_id = (SELECT current_staff_id()) AND claim_id IN (SELECT id FROM claims))
    WITH CHECK (assessor_id = (SELECT current_staff_id()) AND claim_id IN (SELECT id FROM claims));

-- Payments: those who may only create payments create them pending.
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

-- The staff directory and sessions.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY users_read ON users FOR SELECT
    TO prakan_agent, prakan_underwriter, prakan_adjuster, prakan_surveyor,
       prakan_finance, prakan_auditor, prakan_admin
    USING (true);
CREATE POLICY users_own_preferences ON users FOR UPDATE
    TO prakan_agent, prakan_underwriter, prakan_adjuster, prakan_surveyor,
       prakan_finance, prakan_auditor, prakan_admin
    USING (username = session_user) WITH CHECK (username = session_user);
CREATE POLICY users_admin ON users FOR UPDATE TO prakan_admin
    USING (true) WITH CHECK (true);

ALTER TABLE user_sessions ENABLE ROW LEVEL SECURITY;
CREATE POLICY user_sessions_own ON user_sessions FOR ALL
    TO prakan_agent, prakan_underwriter, prakan_adjuster, prakan_surveyor,
       prakan_finance, prakan_auditor, prakan_admin
    USING (user_id = (SELECT current_staff_id()))
    WITH CHECK (user_id = (SELECT current_staff_id()));
CREATE POLICY user_sessions_auditor_read ON user_sessions FOR SELECT TO prakan_auditor
    USING (true);
CREATE POLICY user_sessions_admin ON user_sessions FOR ALL TO prakan_admin
    USING (true) WITH CHECK (true);

-- Settings: sensitive values are for administrators only.
ALTER TABLE system_configurations ENABLE ROW LEVEL SECURITY;
CREATE POLICY system_configurations_read ON system_configurations FOR SELECT
    TO prakan_agent, prakan_underwriter, prakan_adjuster, prakan_surveyor,
       prakan_finance, prakan_auditor, prakan_admin
    USING (NOT is_sensitive);
CREATE POLICY system_configurations_admin ON system_configurations FOR ALL TO prakan_admin
    USING (true) WITH CHECK (true);
