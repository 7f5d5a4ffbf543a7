-- Policies: compulsory (CMI, พ.ร.บ.) and voluntary classes 1, 2+, 2, 3+, 3, with the Thai
-- premium breakdown kept explicit: base premium − discounts = net, + stamp duty + VAT = total.
CREATE TABLE policies (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    policy_number VARCHAR(50) NOT NULL CONSTRAINT policies_policy_number_key UNIQUE,

    customer_id UUID NOT NULL REFERENCES customers(id),
    vehicle_id UUID NOT NULL REFERENCES customer_vehicles(id),
    agent_id UUID REFERENCES users(id),

    policy_type VARCHAR(20) NOT NULL
        CHECK (policy_type IN ('CMI', 'CLASS_1', 'CLASS_2_PLUS', 'CLASS_2', 'CLASS_3_PLUS', 'CLASS_3')),
    cover_kind VARCHAR(10) GENERATED ALWAYS AS (
        CASE WHEN policy_type = 'CMI' THEN 'COMPULSORY' ELSE 'VOLUNTARY' END
    ) STORED,
    coverage_details JSONB NOT NULL
        CONSTRAINT chk_policies_coverage_details CHECK (jsonb_typeof(coverage_details) = 'object'),
    sum_insured NUMERIC(12,2) CONSTRAINT chk_policies_sum_insured CHECK (sum_insured > 0),

    base_premium NUMERIC(12,2) NOT NULL CONSTRAINT chk_policies_base_premium CHECK (base_premium > 0),
    discounts NUMERIC(12,2) NOT NULL DEFAULT 0 CONSTRAINT chk_policies_discounts CHECK (discounts >= 0),
    net_premium NUMERIC(12,2) GENERATED ALWAYS AS (base_premium - discounts) STORED,
    stamp_duty NUMERIC(12,2) NOT NULL,
    vat NUMERIC(12,2) NOT NULL CONSTRAINT chk_policies_vat CHECK (vat >= 0),
    total_premium NUMERIC(12,2) NOT NULL,

    start_date DATE NOT NULL,
    end_date DATE NOT NULL,
    policy_period_months INTEGER NOT NULL DEFAULT 12
        CHECK (policy_period_months IN (6, 12, 24, 36)),

    status VARCHAR(20) NOT NULL DEFAULT 'ACTIVE'
        CHECK (status IN ('DRAFT', 'ACTIVE', 'EXPIRED', 'CANCELLED', 'SUSPENDED')),
    no_claim_discount NUMERIC(5,2) NOT NULL DEFAULT 0
        CONSTRAINT chk_policies_no_claim_discount CHECK (no_claim_discount IN (0, 20, 30, 40, 50)),
    auto_renewal BOOLEAN NOT NULL DEFAULT FALSE,

    previous_policy_id UUID REFERENCES policies(id),
    renewal_count INTEGER NOT NULL DEFAULT 0 CHECK (renewal_count >= 0),

    payment_plan VARCHAR(20) NOT NULL DEFAULT 'FULL'
        CHECK (payment_plan IN ('FULL', 'INSTALLMENT_6', 'INSTALLMENT_12')),
    payment_frequency VARCHAR(20) NOT NULL DEFAULT 'ANNUAL'
        CHECK (payment_frequency IN ('ANNUAL', 'SEMI_ANNUAL', 'MONTHLY')),

    issued_at TIMESTAMPTZ,
    cancelled_at TIMESTAMPTZ,
    cancellation_reason TEXT,

    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_by UUID,
    updated_by UUID,
    version INTEGER NOT NULL DEFAULT 0,

    deleted_at TIMESTAMPTZ,
    deleted_by UUID,

    CONSTRAINT chk_policies_dates CHECK (end_date > start_date),
    CONSTRAINT chk_policies_discount_within_base CHECK (discounts <= base_premium),
    -- Stamp duty: 1 baht per 250 baht of net premium or part of 250 (DOMAIN §3).
    CONSTRAINT chk_policies_stamp_duty CHECK (stamp_duty = ceil((base_premium - discounts) / 250)),
    CONSTRAINT chk_policies_premium_total
        CHECK (total_premium = base_premium - discounts + stamp_duty + vat),
    CONSTRAINT chk_policies_cancellation CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL)),
    -- One compulsory and one voluntary cover per vehicle at any time; CMI + voluntary is fine,
    -- and so is a renewal issued before the current policy ends ([start, end) ranges).
    CONSTRAINT excl_policies_overlapping_cover EXCLUDE USING gist (
        vehicle_id WITH =,
        cover_kind WITH =,
        daterange(start_date, end_date, '[)') WITH &&
    ) WHERE (status IN ('ACTIVE', 'SUSPENDED', 'EXPIRED') AND deleted_at IS NULL)
);

CREATE INDEX idx_policies_customer ON policies(customer_id, start_date DESC) WHERE deleted_at IS NULL;
CREATE INDEX idx_policies_vehicle ON policies(vehicle_id) WHERE deleted_at IS NULL;
CREATE INDEX idx_policies_agent ON policies(agent_id) WHERE agent_id IS NOT NULL;
CREATE INDEX idx_policies_status ON policies(status) WHERE deleted_at IS NULL;
CREATE INDEX idx_policies_expiry ON policies(end_date) WHERE status = 'ACTIVE' AND deleted_at IS NULL;
CREATE INDEX idx_policies_previous ON policies(previous_policy_id) WHERE previous_policy_id IS NOT NULL;

COMMENT ON TABLE policies IS 'Motor insurance policies';
COMMENT ON COLUMN policies.policy_type IS 'CMI = compulsory (พ.ร.บ.); CLASS_1, CLASS_2_PLUS, CLASS_2, CLASS_3_PLUS, CLASS_3 = voluntary';
COMMENT ON COLUMN policies.coverage_details IS 'Cover limits, deductibles and riders of this policy';
COMMENT ON COLUMN policies.base_premium IS 'Net premium before discounts (THB)';
COMMENT ON COLUMN policies.net_premium IS 'base_premium − discounts: the base of stamp duty and VAT';

CREATE TABLE policy_documents (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    policy_id UUID NOT NULL REFERENCES policies(id),

    document_type VARCHAR(30) NOT NULL
        CHECK (document_type IN ('POLICY', 'CERTIFICATE', 'SCHEDULE', 'ENDORSEMENT', 'RECEIPT')),
    document_name VARCHAR(255) NOT NULL,
    file_path VARCHAR(500) NOT NULL,
    file_size BIGINT CHECK (file_size >= 0),
    mime_type VARCHAR(100),
    sha256 CHAR(64) CHECK (sha256 ~ '^[0-9a-f]{64}$'),

    language VARCHAR(5) NOT NULL DEFAULT 'th' CHECK (language IN ('th', 'en')),
    is_official BOOLEAN NOT NULL DEFAULT TRUE,
    version_number INTEGER NOT NULL DEFAULT 1 CHECK (version_number > 0),

    generated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    template_id UUID,
    template_version INTEGER,

    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_by UUID
);

CREATE INDEX idx_policy_documents_policy ON policy_documents(policy_id, document_type);

COMMENT ON TABLE policy_documents IS 'Generated policy documents and certificates';

CREATE TABLE policy_renewals (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),

    original_policy_id UUID NOT NULL REFERENCES policies(id)
        CONSTRAINT policy_renewals_original_key UNIQUE,
    renewed_policy_id UUID NOT NULL REFERENCES policies(id)
        CONSTRAINT policy_renewals_renewed_key UNIQUE,

    renewal_type VARCHAR(20) NOT NULL CHECK (renewal_type IN ('AUTOMATIC', 'MANUAL', 'EARLY')),
    renewal_date TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    premium_change NUMERIC(12,2) NOT NULL DEFAULT 0,
    coverage_changes JSONB,
    discount_change NUMERIC(5,2) NOT NULL DEFAULT 0,

    initiated_by VARCHAR(20) CHECK (initiated_by IN ('CUSTOMER', 'AGENT', 'SYSTEM', 'UNDERWRITER')),
    renewal_channel VARCHAR(20) CHECK (renewal_channel IN ('WEB', 'MOBILE', 'AGENT', 'CALL_CENTER', 'BRANCH')),

    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_by UUID,

    CONSTRAINT chk_policy_renewals_distinct CHECK (original_policy_id <> renewed_policy_id)
);

CREATE INDEX idx_policy_renewals_date ON policy_renewals(renewal_date);

COMMENT ON TABLE policy_renewals IS 'Policy renewal history: each policy is renewed at most once';
