-- Underwriting in the database itself: policy and quote numbers, the referral rules, the
-- approval of referrals within the approver's authority, the rule that a policy with an
-- unapproved referral cannot be issued, and cancellation (with the CMI rules). The program
-- asks these functions; psql is held to the same rules.

-- Numbers: readable, by type and Buddhist year (C1-2569-0001234); gaps are harmless, as
-- policy numbers are not tax documents. The seed moves the sequence past its own numbers.
CREATE SEQUENCE policy_number_seq;
CREATE SEQUENCE quote_number_seq;

-- Moves the sequence past the numbers already in the table (after a bulk load).
CREATE FUNCTION sync_policy_number_seq() RETURNS bigint
LANGUAGE sql VOLATILE AS $$
    WITH taken AS (
        SELECT COALESCE(max(substring(policy_number FROM '([0-9]+)$')::bigint), 0) AS last FROM policies
    )
    SELECT setval('policy_number_seq', GREATEST(last, 1), last > 0) FROM taken
$$;

CREATE FUNCTION policy_number_prefix(p_policy_type text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE p_policy_type
        WHEN 'CMI' THEN 'CMI' WHEN 'CLASS_1' THEN 'C1' WHEN 'CLASS_2_PLUS' THEN 'C2P'
        WHEN 'CLASS_2' THEN 'C2' WHEN 'CLASS_3_PLUS' THEN 'C3P' WHEN 'CLASS_3' THEN 'C3' END
$$;

CREATE FUNCTION next_policy_number(p_policy_type text, p_start date) RETURNS text
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT policy_number_prefix(p_policy_type) || '-' || (extract(year FROM p_start)::int + 543)
           || '-' || lpad(nextval('policy_number_seq')::text, 7, '0')
$$;

CREATE FUNCTION next_quote_number(p_start date) RETURNS text
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT 'Q-' || (extract(year FROM p_start)::int + 543)
           || '-' || lpad(nextval('quote_number_seq')::text, 7, '0')
$$;

-- Settings of the referral rules.
INSERT INTO system_configurations
    (config_key, config_category, config_value, config_type, description, min_value, max_value) VALUES
('UW_CLASS_1_MAX_VEHICLE_AGE', 'UNDERWRITING', '10', 'INTEGER',
 'Class 1 on a vehicle older than this many years is referred', 0, 60),
('UW_CLAIMS_IN_YEAR_REFERRAL', 'UNDERWRITING', '2', 'INTEGER',
 'This many claims by the customer in the 12 months before the start refer the policy', 1, 50),
('RENEWAL_QUEUE_DAYS', 'POLICY', '60', 'INTEGER',
 'The renewal queue shows policies ending within this many days', 1, 365);

-- Quotes in progress carry a quote number and become policies at issue.
ALTER TABLE policies
    ADD COLUMN quote_number VARCHAR(50),
    ADD COLUMN cancellation_code VARCHAR(30)
        CONSTRAINT chk_policies_cancellation_code CHECK (cancellation_code IN (
            'CUSTOMER_REQUEST', 'VEHICLE_SOLD', 'VEHICLE_WRITTEN_OFF', 'VEHICLE_DEREGISTERED',
            'DUPLICATE_COVER', 'NON_PAYMENT', 'MISREPRESENTATION')),
    ADD COLUMN cancelled_by_party VARCHAR(10)
        CONSTRAINT chk_policies_cancelled_by_party CHECK (cancelled_by_party IN ('INSURED', 'INSURER')),
    -- CMI (พ.ร.บ.) is compulsory: it ends early only when the vehicle leaves the insured's
    -- hands or the road, when it duplicates another CMI, or for misrepresentation.
    ADD CONSTRAINT chk_policies_cmi_cancellation CHECK (
        policy_type <> 'CMI' OR cancellation_code IS NULL
        OR cancellation_code IN ('VEHICLE_SOLD', 'VEHICLE_WRITTEN_OFF', 'VEHICLE_DEREGISTERED',
                                 'DUPLICATE_COVER', 'MISREPRESENTATION'));

CREATE UNIQUE INDEX policies_quote_number_key ON policies(quote_number) WHERE quote_number IS NOT NULL;
CREATE INDEX idx_policies_drafts ON policies(created_at DESC) WHERE status = 'DRAFT' AND deleted_at IS NULL;

COMMENT ON COLUMN policies.quote_number IS 'The number the policy had as a quote (Q-2569-0000001)';
COMMENT ON COLUMN policies.cancellation_code IS 'Why the policy was cancelled; CMI allows only some reasons';

-- Referrals: an underwriting rule a policy met, waiting for someone with enough authority.
CREATE TABLE policy_referrals (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    policy_id UUID NOT NULL REFERENCES policies(id),

    rule VARCHAR(30) NOT NULL
        CHECK (rule IN ('VEHICLE_AGE', 'SUM_INSURED_AUTHORITY', 'HIRE_USAGE', 'CLAIMS_HISTORY')),
    reason TEXT NOT NULL,
    required_authority NUMERIC(14,2) NOT NULL CHECK (required_authority >= 0),

    status VARCHAR(10) NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'DECLINED')),
    decided_by UUID REFERENCES users(id),
    decided_at TIMESTAMPTZ,
    decision_note TEXT,

    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_by UUID,
    updated_by UUID,
    version INTEGER NOT NULL DEFAULT 0,

    -- A quote changed after approval (a higher sum insured) needs a new referral for the
    -- higher authority: the approval of the lower one does not cover it.
    CONSTRAINT policy_referrals_policy_rule_key UNIQUE (policy_id, rule, required_authority),
    CONSTRAINT chk_policy_referrals_decision CHECK (
        (status = 'PENDING') = (decided_by IS NULL) AND (decided_by IS NULL) = (decided_at IS NULL))
);

CREATE INDEX idx_policy_referrals_pending ON policy_referrals(created_at) WHERE status = 'PENDING';

COMMENT ON TABLE policy_referrals IS 'Underwriting referrals: a rule a policy met and who cleared it';

-- The referral rules, evaluated for a policy's terms: the program asks them before it
-- writes a policy (to issue it at once or keep it as a quote with its referrals), and the
-- issue trigger asks them again to refuse an unapproved one.
CREATE FUNCTION referral_rules_for(p_customer_id uuid, p_vehicle_id uuid, p_policy_type text,
                                   p_sum_insured numeric, p_total_premium numeric,
                                   p_start_date date)
RETURNS TABLE (rule text, reason text, required_authority numeric)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    exposure numeric := COALESCE(p_sum_insured, p_total_premium);
    vehicle_age int;
    usage text;
    authority numeric;
    max_age int;
    claims_limit int;
    claims bigint;
BEGIN
    IF p_policy_type = 'CMI' THEN
        RETURN;
    END IF;
    SELECT extract(year FROM p_start_date)::int - v.year_of_manufacture, v.usage_type
      INTO vehicle_age, usage
      FROM customer_vehicles v WHERE v.id = p_vehicle_id;
    SELECT authority_limit INTO authority FROM users WHERE id = current_staff_id();
    SELECT config_value::int INTO max_age FROM system_configurations
     WHERE config_key = 'UW_CLASS_1_MAX_VEHICLE_AGE';
    SELECT config_value::int INTO claims_limit FROM system_configurations
     WHERE config_key = 'UW_CLAIMS_IN_YEAR_REFERRAL';
    -- Claims by the customer in the year before the start, counted policy by policy (a
    -- customer has few policies; the book has many claims in any year).
    SELECT COALESCE(sum((SELECT count(*) FROM claims c
                          WHERE c.policy_id = earlier.id AND c.deleted_at IS NULL
                            AND c.status <> 'REJECTED'
                            AND c.incident_date >= (p_start_date - interval '1 year')
                            AND c.incident_date < p_start_date + 1)), 0)
      INTO claims
      FROM policies earlier
     WHERE earlier.customer_id = p_customer_id AND earlier.deleted_at IS NULL;

    IF p_policy_type = 'CLASS_1' AND vehicle_age > max_age THEN
        RETURN QUERY SELECT 'VEHICLE_AGE'::text,
            format('Class 1 on a vehicle %s years old (the limit is %s)', vehicle_age, max_age),
            exposure;
    END IF;
    IF authority IS NOT NULL AND p_sum_insured > authority THEN
        RETURN QUERY SELECT 'SUM_INSURED_AUTHORITY'::text,
            format('Sum insured %s THB is above your authority of %s THB', round(p_sum_insured, 2), authority),
            p_sum_insured;
    END IF;
    IF usage IN ('TAXI', 'RENTAL') THEN
        RETURN QUERY SELECT 'HIRE_USAGE'::text,
            format('The vehicle is used as a %s', lower(usage)), exposure;
    END IF;
    IF claims >= claims_limit THEN
        RETURN QUERY SELECT 'CLAIMS_HISTORY'::text,
            format('%s claims in the 12 months before the start (the limit is %s)', claims, claims_limit),
            exposure;
    END IF;
END
$$;

-- The rules for a policy as stored.
CREATE FUNCTION policy_referral_rules(p_policy_id uuid)
RETURNS TABLE (rule text, reason text, required_authority numeric)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT r.rule, r.reason, r.required_authority
      FROM policies pol,
           referral_rules_for(pol.customer_id, pol.vehicle_id, pol.policy_type, pol.sum_insured,
                              pol.total_premium, pol.start_date) r
     WHERE pol.id = p_policy_id
$$;

-- Issue: a policy becomes ACTIVE only when every rule it meets has an approved referral.
CREATE FUNCTION check_policy_referrals() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    blocking record;
BEGIN
    -- Staff are held to the rules. Loads and system jobs (the demo and scale seeds, the
    -- renewal batch) run as the cluster's owner, not as a staff member: the seeds load
    -- history as it happened, and the batch asks policy_referral_rules itself.
    IF current_staff_id() IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT r.rule, r.reason INTO blocking
      FROM referral_rules_for(NEW.customer_id, NEW.vehicle_id, NEW.policy_type, NEW.sum_insured,
                              NEW.total_premium, NEW.start_date) r
     WHERE NOT EXISTS (SELECT 1 FROM policy_referrals a
                        WHERE a.policy_id = NEW.id AND a.rule = r.rule AND a.status = 'APPROVED'
                          AND a.required_authority >= r.required_authority)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'policy % needs an approved referral before issue: %',
                        NEW.policy_number, blocking.reason
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_policies_referral_approved';
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER check_policy_referrals_on_insert
    AFTER INSERT ON policies
    FOR EACH ROW WHEN (NEW.status = 'ACTIVE')
    EXECUTE FUNCTION check_policy_referrals();

CREATE CONSTRAINT TRIGGER check_policy_referrals_on_issue
    AFTER UPDATE OF status, policy_type, sum_insured, vehicle_id, start_date ON policies
    FOR EACH ROW WHEN (NEW.status = 'ACTIVE')
    EXECUTE FUNCTION check_policy_referrals();

-- Referral decisions: by someone else than the referrer, within their own authority, once.
CREATE FUNCTION check_referral_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    decider uuid := current_staff_id();
    decider_authority numeric;
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.status <> 'PENDING' OR NEW.decided_by IS NOT NULL THEN
            RAISE EXCEPTION 'a referral starts pending'
                USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_policy_referrals_pending_first';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.policy_id <> OLD.policy_id OR NEW.rule <> OLD.rule OR NEW.reason <> OLD.reason
       OR NEW.required_authority <> OLD.required_authority THEN
        RAISE EXCEPTION 'a referral''s rule, reason and required authority cannot change'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_policy_referrals_fixed';
    END IF;
    IF OLD.status <> 'PENDING' AND (NEW.status IS DISTINCT FROM OLD.status
                                    OR NEW.decision_note IS DISTINCT FROM OLD.decision_note) THEN
        RAISE EXCEPTION 'this referral was already decided'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_policy_referrals_decided_once';
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status THEN
        IF decider IS NULL THEN
            RAISE EXCEPTION 'only a member of staff decides a referral'
                USING ERRCODE = 'insufficient_privilege',
                      CONSTRAINT = 'chk_policy_referrals_authority';
        END IF;
        IF OLD.status <> 'PENDING' THEN
            RAISE EXCEPTION 'this referral was already decided'
                USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_policy_referrals_decided_once';
        END IF;
        BEGIN
            SELECT authority_limit INTO decider_authority FROM users WHERE id = decider;
            IF decider = OLD.created_by THEN
                RAISE EXCEPTION 'a referral must be decided by someone other than who referred it'
                    USING ERRCODE = 'insufficient_privilege',
                          CONSTRAINT = 'chk_policy_referrals_four_eyes';
            END IF;
            IF NEW.status = 'APPROVED' AND decider_authority < OLD.required_authority THEN
                RAISE EXCEPTION 'your authority of % THB is below the % THB this referral needs',
                                decider_authority, OLD.required_authority
                    USING ERRCODE = 'insufficient_privilege',
                          CONSTRAINT = 'chk_policy_referrals_authority';
            END IF;
        END;
        NEW.decided_by := decider;
        NEW.decided_at := now();
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER check_referral_change
    BEFORE INSERT OR UPDATE ON policy_referrals
    FOR EACH ROW EXECUTE FUNCTION check_referral_change();

CREATE TRIGGER stamp_created_by BEFORE INSERT ON policy_referrals
    FOR EACH ROW EXECUTE FUNCTION stamp_created_by();
CREATE TRIGGER touch_row BEFORE UPDATE ON policy_referrals
    FOR EACH ROW EXECUTE FUNCTION touch_row();
CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON policy_referrals
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();

-- Rights.
REVOKE ALL ON FUNCTION referral_rules_for(uuid, uuid, text, numeric, numeric, date)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION referral_rules_for(uuid, uuid, text, numeric, numeric, date)
    TO prakan_underwriter;
REVOKE ALL ON FUNCTION sync_policy_number_seq(), next_policy_number(text, date), next_quote_number(date),
    policy_referral_rules(uuid), check_policy_referrals(), check_referral_change() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION next_policy_number(text, date) TO prakan_underwriter;
GRANT EXECUTE ON FUNCTION next_quote_number(date) TO prakan_agent, prakan_underwriter;
GRANT EXECUTE ON FUNCTION policy_referral_rules(uuid) TO prakan_agent, prakan_underwriter,
    prakan_auditor, prakan_admin;

GRANT SELECT, INSERT ON policy_referrals TO prakan_underwriter;
GRANT UPDATE (status, decision_note) ON policy_referrals TO prakan_underwriter;
GRANT SELECT ON policy_referrals TO prakan_agent, prakan_auditor, prakan_admin;

ALTER TABLE policy_referrals ENABLE ROW LEVEL SECURITY;
CREATE POLICY policy_referrals_all_rows ON policy_referrals FOR ALL
    TO prakan_underwriter, prakan_auditor, prakan_admin
    USING (true) WITH CHECK (true);
CREATE POLICY policy_referrals_agent_own ON policy_referrals FOR SELECT TO prakan_agent
    USING (policy_id IN (SELECT id FROM policies));

-- Cancellation leaves nothing owed: the underwriter cancels the unpaid instalments of the
-- policy they cancel, and nothing else about a payment. They may lock unpaid premium (to
-- count it while cancelling), but only a cancelled policy's can become CANCELLED.
GRANT UPDATE (payment_status) ON payments TO prakan_underwriter;
CREATE POLICY payments_underwriter_cancel_unpaid ON payments FOR UPDATE TO prakan_underwriter
    USING (payment_status = 'PENDING' AND payment_type IN ('PREMIUM', 'INSTALLMENT'))
    WITH CHECK (payment_status = 'CANCELLED'
                AND policy_id IN (SELECT id FROM policies WHERE status = 'CANCELLED'));
