-- Claims in the database itself: readable claim numbers, the coverage check, the workflow's
-- allowed transitions with the reason for each, who may assign, approval within the
-- approver's authority (else the claim waits for someone with enough), the fraud rules,
-- deductions and settlement, and a notification on every change for the live queues.
-- The program asks these functions; psql is held to the same rules. System jobs (seeds,
-- migrations) run as the cluster owner, who is no member of staff, and are not checked.
-- Reasons the program writes itself are in Thai and English ("รับแจ้ง · Reported").

-- Numbers: CL-<Buddhist year of the report>-0001234. Gaps are harmless.
CREATE SEQUENCE claim_number_seq;

CREATE FUNCTION sync_claim_number_seq() RETURNS bigint
LANGUAGE sql VOLATILE AS $$
    WITH taken AS (
        SELECT COALESCE(max(substring(claim_number FROM '([0-9]+)$')::bigint), 0) AS last FROM claims
    )
    SELECT setval('claim_number_seq', GREATEST(last, 1), last > 0) FROM taken
$$;

-- At least seven digits, zero-padded, never cut.
CREATE FUNCTION serial_number(p_serial bigint) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT lpad(p_serial::text, GREATEST(7, length(p_serial::text)), '0')
$$;

CREATE FUNCTION next_claim_number(p_reported timestamptz) RETURNS text
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT 'CL-' || (extract(year FROM p_reported AT TIME ZONE 'Asia/Bangkok')::int + 543)
           || '-' || serial_number(nextval('claim_number_seq'))
$$;

-- The policy and quote numbers of 0019 cut a serial past 9,999,999 to seven digits (lpad
-- truncates), which would repeat numbers; they are widened here.
CREATE OR REPLACE FUNCTION next_policy_number(p_policy_type text, p_start date) RETURNS text
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT policy_number_prefix(p_policy_type) || '-' || (extract(year FROM p_start)::int + 543)
           || '-' || serial_number(nextval('policy_number_seq'))
$$;

CREATE OR REPLACE FUNCTION next_quote_number(p_start date) RETURNS text
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT 'Q-' || (extract(year FROM p_start)::int + 543)
           || '-' || serial_number(nextval('quote_number_seq'))
$$;

INSERT INTO system_configurations
    (config_key, config_category, config_value, config_type, description, min_value, max_value) VALUES
('CLAIM_SLA_CONTACT_DAYS', 'CLAIMS', '1', 'INTEGER',
 'A reported claim is taken by an adjuster within this many days', 0, 30),
('CLAIM_SLA_ASSESSMENT_DAYS', 'CLAIMS', '7', 'INTEGER',
 'A claim is assessed within this many days of its report', 1, 90),
('CLAIM_INVESTIGATION_SCORE', 'CLAIMS', '50', 'INTEGER',
 'A fraud score at or above this sends the claim to the investigation queue', 1, 100),
('CLAIM_SENIOR_AUTHORITY', 'CLAIMS', '500000', 'DECIMAL',
 'Adjusters whose authority is at least this may assign claims to others', 0, NULL);

-- What the claim asks the policy to pay for, and the workflow's bookkeeping.
ALTER TABLE claims
    ADD COLUMN own_damage_claimed BOOLEAN NOT NULL DEFAULT TRUE,
    ADD COLUMN transition_reason TEXT,
    ADD COLUMN approved_by UUID REFERENCES users(id),
    ADD COLUMN approval_requested_amount NUMERIC(12,2)
        CONSTRAINT chk_claims_approval_requested_amount CHECK (approval_requested_amount > 0),
    ADD COLUMN approval_requested_by UUID REFERENCES users(id),
    ADD COLUMN approval_requested_at TIMESTAMPTZ;

COMMENT ON COLUMN claims.own_damage_claimed IS
    'Whether the insured car''s own damage is claimed (else third party or injury only)';
COMMENT ON COLUMN claims.transition_reason IS
    'The reason given with a status change: the claims trigger moves it to claim_status_history';
COMMENT ON COLUMN claims.approval_requested_amount IS
    'An approval over the requester''s authority, waiting for someone with enough';

-- Claims loaded before this column: an accident claim on cover without own collision
-- damage (CMI, 2, 3, or 2+/3+ with no named counterparty) was a third-party claim.
UPDATE claims c SET own_damage_claimed = false
  FROM policies p
 WHERE p.id = c.policy_id AND c.claim_type = 'ACCIDENT'
   AND (p.policy_type IN ('CMI', 'CLASS_2', 'CLASS_3')
        OR (p.policy_type IN ('CLASS_2_PLUS', 'CLASS_3_PLUS') AND c.other_party_info IS NULL));

-- The workflow: the only status changes there are.
CREATE TABLE claim_transitions (
    from_status VARCHAR(20) NOT NULL,
    to_status VARCHAR(20) NOT NULL,
    PRIMARY KEY (from_status, to_status)
);
INSERT INTO claim_transitions VALUES
    ('REPORTED', 'ASSIGNED'),
    ('ASSIGNED', 'INVESTIGATING'),
    ('INVESTIGATING', 'ASSESSED'),
    ('ASSESSED', 'INVESTIGATING'),
    ('ASSESSED', 'APPROVED'),
    ('ASSESSED', 'REJECTED'),
    ('APPROVED', 'SETTLED'),
    ('SETTLED', 'CLOSED'),
    ('REJECTED', 'CLOSED');
COMMENT ON TABLE claim_transitions IS 'The allowed status changes of a claim';

-- Every status change, with who made it and why. Written by the claims trigger only.
CREATE TABLE claim_status_history (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Deferred: the row is written by the claims BEFORE trigger, before a new claim exists.
    claim_id UUID NOT NULL REFERENCES claims(id) DEFERRABLE INITIALLY DEFERRED,
    from_status VARCHAR(20),
    to_status VARCHAR(20) NOT NULL,
    reason TEXT NOT NULL CONSTRAINT chk_claim_status_history_reason CHECK (btrim(reason) <> ''),
    changed_by UUID REFERENCES users(id),
    changed_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
CREATE INDEX idx_claim_status_history_claim ON claim_status_history(claim_id, changed_at);
COMMENT ON TABLE claim_status_history IS 'Status changes of claims with the reason given for each';

-- Whether a claim of this kind is covered by the policy on the incident date. NULL when it
-- is; otherwise a stable code the program turns into a sentence (DOMAIN §2).
CREATE FUNCTION claim_coverage_problem(p_policy_id uuid, p_incident timestamptz, p_claim_type text,
                                       p_own_damage boolean, p_other_party jsonb)
RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    p policies%ROWTYPE;
    incident_day date := (p_incident AT TIME ZONE 'Asia/Bangkok')::date;
    counterparty boolean := COALESCE(NULLIF(btrim(p_other_party->>'name'), ''),
                                     NULLIF(btrim(p_other_party->>'plate'), '')) IS NOT NULL;
BEGIN
    SELECT * INTO p FROM policies WHERE id = p_policy_id AND deleted_at IS NULL;
    IF NOT FOUND THEN
        RETURN 'NO_POLICY';
    END IF;
    IF p.status NOT IN ('ACTIVE', 'EXPIRED', 'CANCELLED', 'SUSPENDED')
       OR incident_day < p.start_date OR incident_day >= p.end_date
       OR (p.status = 'CANCELLED' AND p_incident >= p.cancelled_at) THEN
        RETURN 'NOT_IN_FORCE';
    END IF;
    IF p_incident > now() THEN
        RETURN 'INCIDENT_IN_FUTURE';
    END IF;
    IF NOT p_own_damage THEN
        -- Third-party and injury claims: every class, CMI included, has that cover.
        RETURN CASE WHEN p_claim_type = 'ACCIDENT' THEN NULL ELSE 'THIRD_PARTY_ONLY_FOR_ACCIDENTS' END;
    END IF;
    RETURN CASE
        WHEN p.policy_type = 'CLASS_1' THEN NULL
        WHEN p.policy_type = 'CMI' THEN 'CMI_NO_OWN_DAMAGE'
        WHEN p_claim_type IN ('THEFT', 'FIRE') THEN
            CASE WHEN p.policy_type IN ('CLASS_2_PLUS', 'CLASS_2') THEN NULL ELSE 'NO_THEFT_OR_FIRE' END
        WHEN p_claim_type = 'ACCIDENT' THEN
            CASE WHEN p.policy_type IN ('CLASS_2_PLUS', 'CLASS_3_PLUS') AND counterparty THEN NULL
                 WHEN p.policy_type IN ('CLASS_2_PLUS', 'CLASS_3_PLUS') THEN 'NEEDS_COUNTERPARTY'
                 ELSE 'NO_OWN_COLLISION_DAMAGE' END
        ELSE 'CLASS_1_ONLY'
    END;
END
$$;

-- What is taken off an approved amount before it is paid: the policy's deductible on own
-- damage, and the compulsory 1,000 baht excess on own damage not from a collision with a
-- named counterparty (vandalism; an accident whose counterparty the insured cannot name).
CREATE FUNCTION claim_deductions(p_claim_id uuid,
                                 OUT deductible numeric, OUT excess numeric, OUT counterparty_named boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT CASE WHEN c.own_damage_claimed AND p.policy_type <> 'CMI'
                THEN COALESCE((p.coverage_details->>'deductible')::numeric, 0) ELSE 0 END,
           CASE WHEN c.own_damage_claimed AND p.policy_type <> 'CMI'
                     AND (c.claim_type = 'VANDALISM'
                          OR (c.claim_type = 'ACCIDENT' AND NOT named.yes))
                THEN 1000::numeric ELSE 0 END,
           named.yes
      FROM claims c
      JOIN policies p ON p.id = c.policy_id
     CROSS JOIN LATERAL (
         SELECT COALESCE(NULLIF(btrim(c.other_party_info->>'name'), ''),
                         NULLIF(btrim(c.other_party_info->>'plate'), '')) IS NOT NULL AS yes
     ) named
     WHERE c.id = p_claim_id
$$;

-- The fraud rules (docs/fraud-rules.md): each flag with its points; the score is their sum,
-- at most 100.
CREATE FUNCTION claim_fraud_flags(p_claim_id uuid, p_policy_id uuid, p_incident timestamptz,
                                  p_reported timestamptz, p_claim_type text,
                                  p_estimated numeric, p_police_report text,
                                  OUT flags jsonb, OUT score numeric)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    p policies%ROWTYPE;
    incident_day date := (p_incident AT TIME ZONE 'Asia/Bangkok')::date;
    earlier integer;
    found_flags text[] := '{}';
    points integer := 0;
BEGIN
    SELECT * INTO p FROM policies WHERE id = p_policy_id;
    -- A renewal continues the cover: its start is no inception.
    IF p.previous_policy_id IS NULL AND incident_day - p.start_date < 30 THEN
        found_flags := array_append(found_flags, 'INCIDENT_WITHIN_30_DAYS_OF_INCEPTION');
        points := points + 30;
    END IF;
    SELECT count(*) INTO earlier
      FROM claims k
     WHERE k.policy_id IN (SELECT id FROM policies WHERE vehicle_id = p.vehicle_id)
       AND k.id IS DISTINCT FROM p_claim_id AND k.deleted_at IS NULL
       AND k.incident_date > p_incident - interval '12 months'
       AND k.incident_date <= p_incident + interval '12 months';
    IF earlier >= 1 THEN
        found_flags := array_append(found_flags, 'TWO_OR_MORE_CLAIMS_IN_12_MONTHS');
        points := points + 25;
    END IF;
    IF p_reported - p_incident > interval '30 days' THEN
        found_flags := array_append(found_flags, 'REPORTED_MORE_THAN_30_DAYS_LATE');
        points := points + 25;
    END IF;
    IF p_estimated IS NOT NULL AND p.sum_insured IS NOT NULL AND p_estimated >= 0.8 * p.sum_insured THEN
        found_flags := array_append(found_flags, 'ESTIMATE_AT_LEAST_80_PERCENT_OF_SUM_INSURED');
        points := points + 30;
    END IF;
    IF p_claim_type = 'THEFT' AND NULLIF(btrim(p_police_report), '') IS NULL THEN
        found_flags := array_append(found_flags, 'THEFT_WITHOUT_POLICE_REPORT');
        points := points + 40;
    END IF;
    flags := to_jsonb(found_flags);
    score := LEAST(points, 100);
END
$$;

-- The rules of a claim's life, for every change a member of staff makes.
CREATE FUNCTION check_claim_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    actor uuid := current_staff_id();
    actor_authority numeric;
    senior_authority numeric;
    threshold numeric;
    problem text;
    fraud record;
BEGIN
    IF actor IS NULL THEN
        NEW.transition_reason := NULL;
        RETURN NEW;
    END IF;
    SELECT authority_limit INTO actor_authority FROM users WHERE id = actor;

    IF TG_OP = 'INSERT' THEN
        IF NEW.status <> 'REPORTED' OR NEW.adjuster_id IS NOT NULL OR NEW.surveyor_id IS NOT NULL
           OR NEW.approved_amount IS NOT NULL OR NEW.approved_by IS NOT NULL
           OR NEW.approval_requested_amount IS NOT NULL OR NEW.approval_requested_by IS NOT NULL
           OR NEW.approval_requested_at IS NOT NULL THEN
            RAISE EXCEPTION 'a new claim starts reported and unassigned'
                USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_claims_starts_reported';
        END IF;
        problem := claim_coverage_problem(NEW.policy_id, NEW.incident_date, NEW.claim_type,
                                          NEW.own_damage_claimed, NEW.other_party_info);
        IF problem IS NOT NULL THEN
            RAISE EXCEPTION 'the policy does not cover this claim: %', problem
                USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_claims_coverage',
                      DETAIL = problem;
        END IF;
    END IF;

    IF TG_OP = 'UPDATE' THEN
        IF NEW.policy_id <> OLD.policy_id OR NEW.claim_number <> OLD.claim_number THEN
            RAISE EXCEPTION 'a claim''s policy and number cannot change'
                USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_claims_fixed';
        END IF;
        IF NEW.adjuster_id IS DISTINCT FROM OLD.adjuster_id THEN
            SELECT config_value::numeric INTO senior_authority FROM system_configurations
             WHERE config_key = 'CLAIM_SENIOR_AUTHORITY';
            IF NOT (NEW.adjuster_id = actor AND OLD.adjuster_id IS NULL)
               AND actor_authority < COALESCE(senior_authority, 0) THEN
                RAISE EXCEPTION 'only a senior adjuster assigns a claim to someone else'
                    USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'chk_claims_assignment';
            END IF;
            IF NEW.adjuster_id IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM users WHERE id = NEW.adjuster_id AND group_role = 'prakan_adjuster'
                   AND account_status = 'ACTIVE' AND deleted_at IS NULL) THEN
                RAISE EXCEPTION 'a claim is assigned to an active adjuster'
                    USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_claims_assignee';
            END IF;
        END IF;
        IF NEW.surveyor_id IS DISTINCT FROM OLD.surveyor_id AND NEW.surveyor_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM users WHERE id = NEW.surveyor_id
                              AND group_role = 'prakan_surveyor' AND account_status = 'ACTIVE'
                              AND deleted_at IS NULL) THEN
            RAISE EXCEPTION 'a claim''s surveyor is an active surveyor'
                USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_claims_surveyor';
        END IF;
        IF (NEW.approved_amount IS DISTINCT FROM OLD.approved_amount
            OR NEW.approved_by IS DISTINCT FROM OLD.approved_by)
           AND NOT (NEW.status = 'APPROVED' AND OLD.status <> 'APPROVED') THEN
            RAISE EXCEPTION 'the approved amount is set only by approving'
                USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_claims_approved_amount_fixed';
        END IF;
        -- Who asked and when are stamped here, never typed.
        IF NEW.approval_requested_amount IS DISTINCT FROM OLD.approval_requested_amount
           OR NEW.approval_requested_by IS DISTINCT FROM OLD.approval_requested_by
           OR NEW.approval_requested_at IS DISTINCT FROM OLD.approval_requested_at THEN
            IF NEW.approval_requested_amount IS NULL THEN
                NEW.approval_requested_by := NULL;
                NEW.approval_requested_at := NULL;
            ELSIF NEW.status <> 'ASSESSED' THEN
                RAISE EXCEPTION 'only an assessed claim waits for approval'
                    USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_claims_approval_request';
            ELSE
                NEW.approval_requested_by := actor;
                NEW.approval_requested_at := now();
            END IF;
        END IF;

        IF NEW.status IS DISTINCT FROM OLD.status THEN
            IF NOT EXISTS (SELECT 1 FROM claim_transitions
                            WHERE from_status = OLD.status AND to_status = NEW.status) THEN
                RAISE EXCEPTION 'a claim cannot go from % to %', OLD.status, NEW.status
                    USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_claims_transition';
            END IF;
            IF NULLIF(btrim(NEW.transition_reason), '') IS NULL THEN
                RAISE EXCEPTION 'a status change needs a reason'
                    USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_claims_transition_reason';
            END IF;
            CASE NEW.status
            WHEN 'ASSIGNED' THEN
                IF NEW.adjuster_id IS NULL THEN
                    RAISE EXCEPTION 'an assigned claim has an adjuster'
                        USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_claims_assignee';
                END IF;
            WHEN 'ASSESSED' THEN
                IF NEW.assessed_amount IS NULL
                   OR NOT EXISTS (SELECT 1 FROM claim_assessments WHERE claim_id = NEW.id) THEN
                    RAISE EXCEPTION 'a claim is assessed with an assessment and an assessed amount'
                        USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_claims_assessed';
                END IF;
                NEW.assessment_date := (now() AT TIME ZONE 'Asia/Bangkok')::date;
            WHEN 'APPROVED' THEN
                IF NEW.approved_amount IS NULL OR NEW.approved_amount <= 0 THEN
                    RAISE EXCEPTION 'an approval has an amount'
                        USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_claims_approved_amount';
                END IF;
                IF NEW.approved_amount > actor_authority THEN
                    RAISE EXCEPTION 'your authority of % THB is below the % THB to approve',
                                    actor_authority, NEW.approved_amount
                        USING ERRCODE = 'insufficient_privilege',
                              CONSTRAINT = 'chk_claims_approval_authority';
                END IF;
                NEW.approved_by := actor;
                NEW.approval_date := (now() AT TIME ZONE 'Asia/Bangkok')::date;
                NEW.approval_requested_amount := NULL;
                NEW.approval_requested_by := NULL;
                NEW.approval_requested_at := NULL;
            WHEN 'REJECTED', 'INVESTIGATING' THEN
                -- Rejected, or back to investigation: a pending approval request lapses.
                NEW.approval_requested_amount := NULL;
                NEW.approval_requested_by := NULL;
                NEW.approval_requested_at := NULL;
            WHEN 'SETTLED' THEN
                IF NOT EXISTS (SELECT 1 FROM claim_settlements
                                WHERE claim_id = NEW.id AND status = 'PAID') THEN
                    RAISE EXCEPTION 'a claim is settled when its settlement is paid'
                        USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_claims_settled';
                END IF;
                NEW.settlement_date := (now() AT TIME ZONE 'Asia/Bangkok')::date;
            WHEN 'CLOSED' THEN
                NEW.closure_date := (now() AT TIME ZONE 'Asia/Bangkok')::date;
            ELSE
                NULL;
            END CASE;
        END IF;
    END IF;

    -- The history keeps each status change with its reason; the row forgets the reason so
    -- that the next change must give its own.
    IF TG_OP = 'INSERT' THEN
        INSERT INTO claim_status_history (claim_id, from_status, to_status, reason, changed_by, changed_at)
        VALUES (NEW.id, NULL, NEW.status, COALESCE(NULLIF(btrim(NEW.transition_reason), ''), 'รับแจ้ง · Reported'),
                actor, now());
    ELSIF NEW.status IS DISTINCT FROM OLD.status THEN
        INSERT INTO claim_status_history (claim_id, from_status, to_status, reason, changed_by)
        VALUES (NEW.id, OLD.status, NEW.status, btrim(NEW.transition_reason), actor);
    END IF;
    NEW.transition_reason := NULL;

    IF TG_OP = 'INSERT'
       OR NEW.incident_date IS DISTINCT FROM OLD.incident_date
       OR NEW.reported_date IS DISTINCT FROM OLD.reported_date
       OR NEW.claim_type IS DISTINCT FROM OLD.claim_type
       OR NEW.estimated_amount IS DISTINCT FROM OLD.estimated_amount
       OR NEW.police_report_number IS DISTINCT FROM OLD.police_report_number THEN
        SELECT * INTO fraud FROM claim_fraud_flags(NEW.id, NEW.policy_id, NEW.incident_date,
                                                   NEW.reported_date, NEW.claim_type,
                                                   NEW.estimated_amount, NEW.police_report_number);
        SELECT config_value::numeric INTO threshold FROM system_configurations
         WHERE config_key = 'CLAIM_INVESTIGATION_SCORE';
        NEW.fraud_flags := fraud.flags;
        NEW.fraud_score := fraud.score;
        NEW.requires_investigation := NEW.requires_investigation OR fraud.score >= COALESCE(threshold, 50);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER check_claim_change
    BEFORE INSERT OR UPDATE ON claims
    FOR EACH ROW EXECUTE FUNCTION check_claim_change();

-- A paid settlement settles its claim (finance marks it paid; DOMAIN §7 payouts).
CREATE FUNCTION settle_claim_when_paid() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NEW.status = 'PAID' AND OLD.status <> 'PAID' THEN
        UPDATE claims
           SET status = 'SETTLED', settled_amount = COALESCE(settled_amount, 0) + NEW.net_amount,
               settlement_date = (now() AT TIME ZONE 'Asia/Bangkok')::date,
               sub_status = NULL, transition_reason = 'จ่ายสินไหมแล้ว · Settlement paid'
         WHERE id = NEW.claim_id AND status = 'APPROVED';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER settle_claim_when_paid
    AFTER UPDATE OF status ON claim_settlements
    FOR EACH ROW EXECUTE FUNCTION settle_claim_when_paid();

-- A settlement pays an approved claim, once, with the deductions the database computes, and
-- points at its own pending payout of the same net amount.
CREATE FUNCTION check_claim_settlement() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    c claims%ROWTYPE;
    d record;
BEGIN
    IF current_staff_id() IS NULL THEN
        RETURN NEW;
    END IF;
    SELECT * INTO c FROM claims WHERE id = NEW.claim_id FOR UPDATE;
    IF c.status <> 'APPROVED' THEN
        RAISE EXCEPTION 'only an approved claim is settled'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_claim_settlements_approved';
    END IF;
    IF EXISTS (SELECT 1 FROM claim_settlements
                WHERE claim_id = NEW.claim_id AND status <> 'CANCELLED' AND id <> NEW.id) THEN
        RAISE EXCEPTION 'this claim already has a settlement'
            USING ERRCODE = 'unique_violation', CONSTRAINT = 'chk_claim_settlements_once';
    END IF;
    SELECT * INTO d FROM claim_deductions(NEW.claim_id);
    IF NEW.gross_amount <> c.approved_amount OR NEW.deductible_amount <> d.deductible
       OR NEW.excess_amount <> d.excess OR NEW.counterparty_named <> d.counterparty_named THEN
        RAISE EXCEPTION 'a settlement pays the approved amount less the deductible and excess'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_claim_settlements_figures';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM payments
                    WHERE id = NEW.payment_id AND claim_id = NEW.claim_id
                      AND payment_type = 'CLAIM_SETTLEMENT' AND payment_status = 'PENDING'
                      AND amount = NEW.net_amount) THEN
        RAISE EXCEPTION 'a settlement has its own pending payout of the net amount'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_claim_settlements_payment';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER check_claim_settlement
    BEFORE INSERT ON claim_settlements
    FOR EACH ROW EXECUTE FUNCTION check_claim_settlement();

-- One live settlement per claim, even for two transactions at once.
CREATE UNIQUE INDEX claim_settlements_one_live ON claim_settlements (claim_id)
    WHERE status <> 'CANCELLED';

-- Finance pays (or cancels) a settlement; its figures stay as the adjuster made them, and it
-- is PAID only when its payout went out.
REVOKE UPDATE ON claim_settlements FROM prakan_finance;
GRANT UPDATE (status, settled_at) ON claim_settlements TO prakan_finance;

CREATE FUNCTION check_settlement_paid() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NEW.status = 'PAID' AND OLD.status <> 'PAID' AND NOT EXISTS (
        SELECT 1 FROM payments WHERE id = NEW.payment_id AND payment_status = 'SUCCESS') THEN
        RAISE EXCEPTION 'a settlement is paid when its payout has gone out'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_claim_settlements_payout_paid';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER check_settlement_paid
    BEFORE UPDATE OF status ON claim_settlements
    FOR EACH ROW EXECUTE FUNCTION check_settlement_paid();

-- Live queues: one notification per statement, naming the claims it changed (or none when
-- there are too many to name: then every queue reloads).
CREATE FUNCTION notify_claims_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    ids jsonb;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM changed_claims) THEN
        RETURN NULL;
    END IF;
    SELECT CASE WHEN count(*) <= 100 THEN jsonb_agg(id) END INTO ids FROM changed_claims;
    PERFORM pg_notify('prakan_claims', jsonb_build_object('ids', ids)::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER notify_claims_inserted
    AFTER INSERT ON claims REFERENCING NEW TABLE AS changed_claims
    FOR EACH STATEMENT EXECUTE FUNCTION notify_claims_changed();
CREATE TRIGGER notify_claims_updated
    AFTER UPDATE ON claims REFERENCING NEW TABLE AS changed_claims
    FOR EACH STATEMENT EXECUTE FUNCTION notify_claims_changed();

-- Queue indexes: each tab reads its first page in reported order from one of these.
CREATE INDEX idx_claims_open_reported ON claims (reported_date, id)
    WHERE status IN ('REPORTED', 'ASSIGNED', 'INVESTIGATING', 'ASSESSED', 'APPROVED')
      AND deleted_at IS NULL;
CREATE INDEX idx_claims_unassigned ON claims (reported_date, id)
    WHERE status = 'REPORTED' AND adjuster_id IS NULL AND deleted_at IS NULL;
CREATE INDEX idx_claims_adjuster_open ON claims (adjuster_id, reported_date, id)
    WHERE status IN ('REPORTED', 'ASSIGNED', 'INVESTIGATING', 'ASSESSED', 'APPROVED')
      AND deleted_at IS NULL;
CREATE INDEX idx_claims_surveyor_open ON claims (surveyor_id, reported_date, id)
    WHERE status IN ('REPORTED', 'ASSIGNED', 'INVESTIGATING', 'ASSESSED', 'APPROVED')
      AND deleted_at IS NULL;
CREATE INDEX idx_claims_awaiting_approval ON claims (reported_date, id)
    WHERE status = 'ASSESSED' AND approval_requested_amount IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX idx_claims_investigation_open ON claims (reported_date, id)
    WHERE requires_investigation
      AND status IN ('REPORTED', 'ASSIGNED', 'INVESTIGATING', 'ASSESSED', 'APPROVED')
      AND deleted_at IS NULL;
-- The filters of the All open tab: a rare province or type, or a large amount, is read from
-- its own index rather than by walking every open claim in date order.
CREATE INDEX idx_claims_open_province ON claims (incident_province_code, reported_date, id)
    WHERE status IN ('REPORTED', 'ASSIGNED', 'INVESTIGATING', 'ASSESSED', 'APPROVED')
      AND deleted_at IS NULL;
CREATE INDEX idx_claims_open_type ON claims (claim_type, reported_date, id)
    WHERE status IN ('REPORTED', 'ASSIGNED', 'INVESTIGATING', 'ASSESSED', 'APPROVED')
      AND deleted_at IS NULL;
-- The amount filter reads a whole-baht integer column: with row-level security on, the
-- planner uses statistics only through leakproof operators, and numeric's are not, so an
-- index on the numeric expression was costed blind (a third of all claims) and skipped.
ALTER TABLE claims ADD COLUMN queue_amount BIGINT GENERATED ALWAYS AS
    (floor(COALESCE(approved_amount, assessed_amount, estimated_amount))::bigint) STORED;
COMMENT ON COLUMN claims.queue_amount IS
    'Whole baht of the approved, else assessed, else estimated amount: the queues filter by it';
CREATE INDEX idx_claims_open_amount ON claims (queue_amount)
    WHERE status IN ('REPORTED', 'ASSIGNED', 'INVESTIGATING', 'ASSESSED', 'APPROVED')
      AND deleted_at IS NULL;
-- The fraud rule on earlier claims of the same vehicle looks claims up by policy.
CREATE INDEX idx_claims_policy_incident ON claims (policy_id, incident_date) WHERE deleted_at IS NULL;

-- Rights.
REVOKE ALL ON FUNCTION sync_claim_number_seq(), next_claim_number(timestamptz),
    claim_coverage_problem(uuid, timestamptz, text, boolean, jsonb), claim_deductions(uuid),
    claim_fraud_flags(uuid, uuid, timestamptz, timestamptz, text, numeric, text),
    check_claim_change(), settle_claim_when_paid(),
    check_claim_settlement(), check_settlement_paid() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION next_claim_number(timestamptz) TO prakan_adjuster;
GRANT EXECUTE ON FUNCTION claim_coverage_problem(uuid, timestamptz, text, boolean, jsonb)
    TO prakan_adjuster;
GRANT EXECUTE ON FUNCTION claim_deductions(uuid)
    TO prakan_adjuster, prakan_surveyor, prakan_finance, prakan_auditor, prakan_admin;

GRANT SELECT ON claim_transitions TO prakan_agent, prakan_underwriter, prakan_adjuster,
    prakan_surveyor, prakan_finance, prakan_auditor, prakan_admin;
GRANT SELECT ON claim_status_history TO prakan_adjuster, prakan_surveyor, prakan_finance,
    prakan_auditor, prakan_admin;
ALTER TABLE claim_status_history ENABLE ROW LEVEL SECURITY;
CREATE POLICY claim_status_history_all_rows ON claim_status_history FOR SELECT
    TO prakan_adjuster, prakan_finance, prakan_auditor, prakan_admin
    USING (true);
CREATE POLICY claim_status_history_surveyor_assigned ON claim_status_history FOR SELECT
    TO prakan_surveyor
    USING (claim_id IN (SELECT id FROM claims));

