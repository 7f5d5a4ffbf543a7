-- Customers and what belongs to them: vehicles, DLT verifications, PDPA consents, documents.
CREATE TABLE customers (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    customer_type VARCHAR(10) NOT NULL DEFAULT 'INDIVIDUAL'
        CHECK (customer_type IN ('INDIVIDUAL', 'JURISTIC')),

    email VARCHAR(255)
        CONSTRAINT chk_customers_email CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
    phone_number VARCHAR(20)
        CONSTRAINT chk_customers_phone CHECK (phone_number ~ '^0[0-9]{8,9}$'),
    national_id VARCHAR(13) CONSTRAINT customers_national_id_key UNIQUE
        CONSTRAINT chk_customers_national_id CHECK (is_valid_thai_national_id(national_id)),
    national_id_masked VARCHAR(17) GENERATED ALWAYS AS (
        'x-xxxx-xxxxx-' || substr(national_id, 11, 2) || '-' || substr(national_id, 13, 1)
    ) STORED,

    -- For a juristic person first_name holds the registered name and last_name is empty.
    first_name VARCHAR(200) NOT NULL,
    last_name VARCHAR(100),
    first_name_en VARCHAR(200),
    last_name_en VARCHAR(100),
    branch_code VARCHAR(5)
        CONSTRAINT chk_customers_branch_code CHECK (branch_code ~ '^[0-9]{5}$'),
    date_of_birth DATE
        CONSTRAINT chk_customers_date_of_birth CHECK (date_of_birth >= DATE '1900-01-01'),
    gender VARCHAR(10) CHECK (gender IN ('MALE', 'FEMALE', 'OTHER')),

    -- House number, moo, village, soi, road, building: the free-form part of the address.
    address JSONB CONSTRAINT chk_customers_address CHECK (jsonb_typeof(address) = 'object'),
    tambon_code VARCHAR(6) REFERENCES tambons(tambon_code),
    postal_code VARCHAR(5) CONSTRAINT chk_customers_postal_code CHECK (postal_code ~ '^[0-9]{5}$'),

    agent_id UUID REFERENCES users(id),

    account_status VARCHAR(20) NOT NULL DEFAULT 'ACTIVE'
        CHECK (account_status IN ('ACTIVE', 'INACTIVE', 'SUSPENDED', 'CLOSED')),
    kyc_status VARCHAR(20) NOT NULL DEFAULT 'PENDING'
        CHECK (kyc_status IN ('PENDING', 'IN_PROGRESS', 'VERIFIED', 'REJECTED')),
    preferred_language VARCHAR(5) NOT NULL DEFAULT 'th' CHECK (preferred_language IN ('th', 'en')),

    marketing_consent BOOLEAN NOT NULL DEFAULT FALSE,
    sms_notifications BOOLEAN NOT NULL DEFAULT TRUE,
    email_notifications BOOLEAN NOT NULL DEFAULT TRUE,

    -- The words of every name form, lower-cased, for the fuzzy name search: each typed
    -- word is matched to close words of name_dictionary, and those to customers here.
    name_tokens TEXT[] GENERATED ALWAYS AS (
        array_remove(regexp_split_to_array(
            lower(first_name || ' ' || COALESCE(last_name, '') || ' '
                  || COALESCE(first_name_en, '') || ' ' || COALESCE(last_name_en, '')),
            '[[:space:],.()]+'), '')
    ) STORED,

    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_by UUID,
    updated_by UUID,
    version INTEGER NOT NULL DEFAULT 0,

    deleted_at TIMESTAMPTZ,
    deleted_by UUID,

    CONSTRAINT chk_customers_person_name CHECK (customer_type = 'JURISTIC' OR last_name IS NOT NULL),
    CONSTRAINT chk_customers_juristic CHECK (
        customer_type = 'INDIVIDUAL' OR (gender IS NULL AND date_of_birth IS NULL)
    )
);

CREATE UNIQUE INDEX customers_email_key ON customers (lower(email));
CREATE INDEX idx_customers_phone ON customers(phone_number) WHERE deleted_at IS NULL;
CREATE INDEX idx_customers_agent ON customers(agent_id) WHERE agent_id IS NOT NULL;
CREATE INDEX idx_customers_status ON customers(account_status) WHERE deleted_at IS NULL;
CREATE INDEX idx_customers_kyc_status ON customers(kyc_status) WHERE deleted_at IS NULL;
CREATE INDEX idx_customers_created_at ON customers(created_at);
CREATE INDEX idx_customers_tambon ON customers(tambon_code);
CREATE INDEX idx_customers_name_tokens ON customers USING GIN (name_tokens);

COMMENT ON TABLE customers IS 'Customer master data with Thai-specific fields';
COMMENT ON COLUMN customers.national_id IS 'Thai national ID or juristic tax ID (13 digits, checksum verified)';
COMMENT ON COLUMN customers.national_id_masked IS 'The national ID as shown to roles that do not need it';
COMMENT ON COLUMN customers.address IS 'Free-form address lines (house_no, moo, village, soi, road, building)';
COMMENT ON COLUMN customers.agent_id IS 'The agent who brought the customer (row-level security)';

CREATE TABLE customer_vehicles (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    customer_id UUID NOT NULL REFERENCES customers(id),

    -- Canonical plate: series and number separated by one space (กข 1234, 1กข 1234) or NN-NNNN.
    registration_number VARCHAR(20) NOT NULL
        CONSTRAINT chk_customer_vehicles_plate
        CHECK (registration_number ~ '^([1-9]?[ก-ฮ]{1,3} [0-9]{1,4}|[0-9]{2}-[0-9]{4})$'),
    province_code VARCHAR(2) NOT NULL REFERENCES provinces(province_code),
    plate_label VARCHAR(50),

    make VARCHAR(50) NOT NULL,
    model VARCHAR(100) NOT NULL,
    year_of_manufacture INTEGER NOT NULL
        CONSTRAINT chk_customer_vehicles_year CHECK (year_of_manufacture BETWEEN 1950 AND 2100),
    engine_cc INTEGER CONSTRAINT chk_customer_vehicles_engine_cc CHECK (engine_cc > 0),
    seats SMALLINT CONSTRAINT chk_customer_vehicles_seats CHECK (seats BETWEEN 1 AND 100),
    vehicle_type VARCHAR(50) NOT NULL
        CHECK (vehicle_type IN ('SEDAN', 'HATCHBACK', 'SUV', 'PICKUP', 'VAN', 'MOTORCYCLE')),
    fuel_type VARCHAR(20) NOT NULL
        CHECK (fuel_type IN ('GASOLINE', 'DIESEL', 'HYBRID', 'ELECTRIC', 'LPG', 'CNG')),
    color VARCHAR(30),
    chassis_number VARCHAR(50),

    usage_type VARCHAR(20) NOT NULL DEFAULT 'PERSONAL'
        CHECK (usage_type IN ('PERSONAL', 'COMMERCIAL', 'TAXI', 'RENTAL')),
    annual_mileage INTEGER CHECK (annual_mileage > 0),
    parking_location VARCHAR(20)
        CHECK (parking_location IN ('GARAGE', 'COVERED', 'STREET', 'PARKING_LOT')),

    is_active BOOLEAN NOT NULL DEFAULT TRUE,

    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_by UUID,
    updated_by UUID,
    version INTEGER NOT NULL DEFAULT 0,

    deleted_at TIMESTAMPTZ,
    deleted_by UUID
);

CREATE UNIQUE INDEX customer_vehicles_plate_province_key
    ON customer_vehicles(registration_number, province_code) WHERE deleted_at IS NULL;
CREATE INDEX idx_customer_vehicles_customer ON customer_vehicles(customer_id) WHERE deleted_at IS NULL;
CREATE INDEX idx_customer_vehicles_make_model ON customer_vehicles(make, model) WHERE deleted_at IS NULL;

COMMENT ON TABLE customer_vehicles IS 'Customer-owned vehicles for insurance';
COMMENT ON COLUMN customer_vehicles.registration_number IS 'Thai plate, canonical form (series, one space, number)';
COMMENT ON COLUMN customer_vehicles.province_code IS 'Province of registration';
COMMENT ON COLUMN customer_vehicles.plate_label IS 'Text shown instead of the province, e.g. เบตง';

CREATE TABLE dlt_verifications (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    vehicle_id UUID NOT NULL REFERENCES customer_vehicles(id),

    verification_date TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    registration_valid BOOLEAN NOT NULL,
    tax_paid BOOLEAN NOT NULL,
    registration_expiry DATE,

    dlt_response JSONB,
    dlt_reference_number VARCHAR(50),

    verified_by VARCHAR(50) CHECK (verified_by IN ('SYSTEM', 'AGENT', 'STAFF', 'ADMIN')),
    verification_method VARCHAR(20) CHECK (verification_method IN ('API', 'MANUAL', 'DOCUMENT')),

    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_by UUID
);

CREATE INDEX idx_dlt_verifications_vehicle ON dlt_verifications(vehicle_id, verification_date);

COMMENT ON TABLE dlt_verifications IS 'Vehicle verifications from the Department of Land Transport';

-- PDPA s.19 consent: subject, purpose, text version, channel, time given, time withdrawn.
-- A withdrawn consent stays as history; at most one live consent per purpose.
CREATE TABLE consent_records (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    customer_id UUID NOT NULL REFERENCES customers(id),

    purpose VARCHAR(40) NOT NULL
        CHECK (purpose IN ('MARKETING', 'DATA_SHARING_PARTNERS', 'HEALTH_DATA_CLAIMS',
                           'CROSS_BORDER_TRANSFER', 'PROFILING', 'SMS_NOTIFICATIONS',
                           'EMAIL_NOTIFICATIONS')),
    lawful_basis VARCHAR(30) NOT NULL DEFAULT 'CONSENT'
        CHECK (lawful_basis IN ('CONSENT', 'CONTRACT', 'LEGAL_OBLIGATION', 'LEGITIMATE_INTEREST',
                                'VITAL_INTEREST', 'PUBLIC_TASK', 'RESEARCH')),
    consent_text_version VARCHAR(20) NOT NULL,
    channel VARCHAR(20) NOT NULL
        CHECK (channel IN ('PAPER', 'WEB', 'MOBILE', 'AGENT', 'CALL_CENTER', 'BRANCH')),
    given_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    withdrawn_at TIMESTAMPTZ,
    withdrawal_channel VARCHAR(20)
        CHECK (withdrawal_channel IN ('PAPER', 'WEB', 'MOBILE', 'AGENT', 'CALL_CENTER', 'BRANCH')),
    evidence_reference VARCHAR(200),

    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_by UUID,
    updated_by UUID,
    version INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT chk_consent_records_withdrawal CHECK (
        (withdrawn_at IS NULL AND withdrawal_channel IS NULL)
        OR (withdrawn_at >= given_at AND withdrawal_channel IS NOT NULL)
    )
);

CREATE UNIQUE INDEX consent_records_live_purpose_key
    ON consent_records(customer_id, purpose) WHERE withdrawn_at IS NULL;
CREATE INDEX idx_consent_records_customer ON consent_records(customer_id, given_at);

COMMENT ON TABLE consent_records IS 'PDPA consents given and withdrawn, kept as history';

CREATE TABLE customer_documents (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    customer_id UUID NOT NULL REFERENCES customers(id),

    document_type VARCHAR(30) NOT NULL
        CHECK (document_type IN ('NATIONAL_ID_CARD', 'DRIVING_LICENCE', 'VEHICLE_REGISTRATION',
                                 'HOUSE_REGISTRATION', 'COMPANY_CERTIFICATE', 'CONSENT_FORM',
                                 'OTHER')),
    original_filename VARCHAR(255) NOT NULL,
    file_path VARCHAR(500) NOT NULL,
    file_size BIGINT CHECK (file_size >= 0),
    mime_type VARCHAR(100),
    sha256 CHAR(64) CHECK (sha256 ~ '^[0-9a-f]{64}$'),

    description TEXT,
    is_sensitive BOOLEAN NOT NULL DEFAULT TRUE,
    verification_status VARCHAR(20) NOT NULL DEFAULT 'PENDING'
        CHECK (verification_status IN ('PENDING', 'VERIFIED', 'REJECTED')),
    expires_on DATE,

    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_by UUID,
    updated_by UUID,
    version INTEGER NOT NULL DEFAULT 0,
    reviewed_at TIMESTAMPTZ,
    reviewed_by UUID,

    deleted_at TIMESTAMPTZ,
    deleted_by UUID
);

CREATE INDEX idx_customer_documents_customer ON customer_documents(customer_id) WHERE deleted_at IS NULL;

COMMENT ON TABLE customer_documents IS 'Identity and KYC documents supplied by customers';
