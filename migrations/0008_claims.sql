-- Claims, their documents, assessments and settlements.
CREATE TABLE claims (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    claim_number VARCHAR(50) NOT NULL CONSTRAINT claims_claim_number_key UNIQUE,

    policy_id UUID NOT NULL REFERENCES policies(id),
    adjuster_id UUID REFERENCES users(id),
    surveyor_id UUID REFERENCES users(id),

    incident_date TIMESTAMPTZ NOT NULL,
    reported_date TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    claim_type VARCHAR(30) NOT NULL
        CHECK (claim_type IN ('ACCIDENT', 'THEFT', 'FIRE', 'FLOOD', 'VANDALISM', 'NATURAL_DISASTER')),

    status VARCHAR(20) NOT NULL DEFAULT 'REPORTED'
        CHECK (status IN ('REPORTED', 'ASSIGNED', 'INVESTIGATING', 'ASSESSED', 'APPROVED',
                          'REJECTED', 'SETTLED', 'CLOSED')),
    sub_status VARCHAR(30),

    incident_description TEXT NOT NULL,
    damage_description TEXT,
    injury_description TEXT,

    incident_location JSONB
        CONSTRAINT chk_claims_incident_location CHECK (jsonb_typeof(incident_location) = 'object'),
    incident_province_code VARCHAR(2) REFERENCES provinces(province_code),

    estimated_amount NUMERIC(12,2),
    assessed_amount NUMERIC(12,2),
    approved_amount NUMERIC(12,2),
    settled_amount NUMERIC(12,2),
    deductible_amount NUMERIC(12,2),

    assessment_date DATE,
    approval_date DATE,
    settlement_date DATE,
    closure_date DATE,

    police_report_number VARCHAR(50),
    court_case_number VARCHAR(50),

    other_party_info JSONB
        CONSTRAINT chk_claims_other_party_info CHECK (jsonb_typeof(other_party_info) = 'object'),

    fraud_score NUMERIC(5,2) NOT NULL DEFAULT 0
        CONSTRAINT chk_claims_fraud_score CHECK (fraud_score BETWEEN 0 AND 100),
    fraud_flags JSONB NOT NULL DEFAULT '[]'
        CONSTRAINT chk_claims_fraud_flags CHECK (jsonb_typeof(fraud_flags) = 'array'),
    requires_investigation BOOLEAN NOT NULL DEFAULT FALSE,

    repair_shop_id UUID,
    hospital_id UUID,

    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_by UUID,
    updated_by UUID,
    version INTEGER NOT NULL DEFAULT 0,

    deleted_at TIMESTAMPTZ,
    deleted_by UUID,

    CONSTRAINT chk_claims_amounts CHECK (
        (estimated_amount IS NULL OR estimated_amount >= 0) AND
        (assessed_amount IS NULL OR assessed_amount >= 0) AND
        (approved_amount IS NULL OR approved_amount >= 0) AND
        (settled_amount IS NULL OR settled_amount >= 0) AND
        (deductible_amount IS NULL OR deductible_amount >= 0)
    ),
    -- Business dates are Bangkok dates; the cast names the zone so the check is immutable.
    CONSTRAINT chk_claims_dates CHECK (
        reported_date >= incident_date AND
        (assessment_date IS NULL OR assessment_date >= (incident_date AT TIME ZONE 'Asia/Bangkok')::date) AND
        (approval_date IS NULL OR approval_date >= (incident_date AT TIME ZONE 'Asia/Bangkok')::date) AND
        (settlement_date IS NULL OR settlement_date >= (incident_date AT TIME ZONE 'Asia/Bangkok')::date) AND
        (closure_date IS NULL OR closure_date >= (incident_date AT TIME ZONE 'Asia/Bangkok')::date)
    )
);

CREATE INDEX idx_claims_policy ON claims(policy_id) WHERE deleted_at IS NULL;
CREATE INDEX idx_claims_status_reported ON claims(status, reported_date) WHERE deleted_at IS NULL;
CREATE INDEX idx_claims_adjuster_status ON claims(adjuster_id, status)
    WHERE adjuster_id IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX idx_claims_surveyor ON claims(surveyor_id) WHERE surveyor_id IS NOT NULL;
CREATE INDEX idx_claims_type ON claims(claim_type) WHERE deleted_at IS NULL;
CREATE INDEX idx_claims_incident_date ON claims(incident_date);
CREATE INDEX idx_claims_province ON claims(incident_province_code) WHERE deleted_at IS NULL;
CREATE INDEX idx_claims_investigation ON claims(reported_date)
    WHERE requires_investigation AND deleted_at IS NULL;

COMMENT ON TABLE claims IS 'Motor insurance claims';
COMMENT ON COLUMN claims.incident_location IS 'Where it happened: lat/lng, amphoe and free text';
COMMENT ON COLUMN claims.other_party_info IS 'The other party of an accident: name, plate, insurer, phone';
COMMENT ON COLUMN claims.fraud_flags IS 'JSON array of the fraud rules this claim triggered';

CREATE TABLE claim_documents (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    claim_id UUID NOT NULL REFERENCES claims(id),

    document_type VARCHAR(30) NOT NULL
        CHECK (document_type IN ('PHOTO', 'VIDEO', 'POLICE_REPORT', 'MEDICAL_REPORT', 'ESTIMATE',
                                 'INVOICE', 'RECEIPT', 'OTHER')),
    document_category VARCHAR(20)
        CHECK (document_category IN ('DAMAGE', 'SCENE', 'MEDICAL', 'LEGAL', 'FINANCIAL')),

    original_filename VARCHAR(255) NOT NULL,
    file_path VARCHAR(500) NOT NULL,
    file_size BIGINT CHECK (file_size >= 0),
    mime_type VARCHAR(100),
    sha256 CHAR(64) CHECK (sha256 ~ '^[0-9a-f]{64}$'),

    description TEXT,
    is_sensitive BOOLEAN NOT NULL DEFAULT FALSE,
    is_required BOOLEAN NOT NULL DEFAULT FALSE,

    upload_status VARCHAR(20) NOT NULL DEFAULT 'PENDING'
        CHECK (upload_status IN ('PENDING', 'PROCESSED', 'APPROVED', 'REJECTED')),
    review_notes TEXT,

    extracted_text TEXT,
    extracted_data JSONB,

    uploaded_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    uploaded_by UUID,
    reviewed_at TIMESTAMPTZ,
    reviewed_by UUID,

    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_by UUID,
    updated_by UUID,
    version INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX idx_claim_documents_claim ON claim_documents(claim_id, document_type);
-- Trigram, not an English text-search configuration: Thai has no spaces between words.
CREATE INDEX idx_claim_documents_text_trgm ON claim_documents USING GIN (extracted_text gin_trgm_ops);

COMMENT ON TABLE claim_documents IS 'Documents uploaded for claims processing';

CREATE TABLE claim_assessments (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    claim_id UUID NOT NULL REFERENCES claims(id),

    assessor_id UUID NOT NULL REFERENCES users(id),
    assessor_type VARCHAR(20) NOT NULL CHECK (assessor_type IN ('SURVEYOR', 'ADJUSTER', 'SPECIALIST')),

    assessment_date TIMESTAMPTZ NOT NULL,
    assessment_type VARCHAR(20) NOT NULL
        CHECK (assessment_type IN ('INITIAL', 'DETAILED', 'RE_ASSESSMENT', 'FINAL')),

    damage_assessment JSONB NOT NULL,
    repair_estimates JSONB,
    total_loss_assessment BOOLEAN NOT NULL DEFAULT FALSE,
    salvage_value NUMERIC(12,2) CHECK (salvage_value >= 0),

    liability_percentage NUMERIC(5,2) CHECK (liability_percentage >= 0 AND liability_percentage <= 100),
    contributing_factors JSONB,

    recommended_amount NUMERIC(12,2) CHECK (recommended_amount >= 0),
    recommended_action VARCHAR(30)
        CHECK (recommended_action IN ('APPROVE', 'REJECT', 'INVESTIGATE', 'REQUEST_MORE_INFO')),
    assessment_notes TEXT,

    qa_reviewed BOOLEAN NOT NULL DEFAULT FALSE,
    qa_reviewer_id UUID REFERENCES users(id),
    qa_notes TEXT,

    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_by UUID,
    updated_by UUID,
    version INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX idx_claim_assessments_claim ON claim_assessments(claim_id, assessment_date);
CREATE INDEX idx_claim_assessments_assessor ON claim_assessments(assessor_id);

COMMENT ON TABLE claim_assessments IS 'Professional assessments of claims';

-- What is paid on a claim and to whom. The pending OUTGOING payment for finance is created
-- in the same transaction (payments.claim_id, claim_settlements.payment_id).
CREATE TABLE claim_settlements (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    claim_id UUID NOT NULL REFERENCES claims(id),

    settlement_type VARCHAR(20) NOT NULL
        CHECK (settlement_type IN ('REPAIR', 'CASH', 'TOTAL_LOSS', 'THIRD_PARTY', 'MEDICAL')),
    payee_type VARCHAR(20) NOT NULL
        CHECK (payee_type IN ('INSURED', 'REPAIR_SHOP', 'THIRD_PARTY', 'HOSPITAL')),
    payee_name VARCHAR(200) NOT NULL,

    gross_amount NUMERIC(12,2) NOT NULL CHECK (gross_amount > 0),
    deductible_amount NUMERIC(12,2) NOT NULL DEFAULT 0 CHECK (deductible_amount >= 0),
    excess_amount NUMERIC(12,2) NOT NULL DEFAULT 0 CHECK (excess_amount >= 0),
    salvage_amount NUMERIC(12,2) NOT NULL DEFAULT 0 CHECK (salvage_amount >= 0),
    net_amount NUMERIC(12,2) NOT NULL CHECK (net_amount > 0),

    at_fault BOOLEAN NOT NULL,
    counterparty_named BOOLEAN NOT NULL DEFAULT FALSE,

    status VARCHAR(20) NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'PAID', 'CANCELLED')),
    approved_by UUID REFERENCES users(id),
    settled_at TIMESTAMPTZ,
    payment_id UUID,

    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_by UUID,
    updated_by UUID,
    version INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT chk_claim_settlements_amounts
        CHECK (net_amount = gross_amount - deductible_amount - excess_amount - salvage_amount),
    CONSTRAINT chk_claim_settlements_paid CHECK ((status = 'PAID') = (settled_at IS NOT NULL))
);

CREATE INDEX idx_claim_settlements_claim ON claim_settlements(claim_id);

COMMENT ON TABLE claim_settlements IS 'Amounts settled on claims, with the NCB consequence (at fault or not)';
