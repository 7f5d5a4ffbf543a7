-- Application settings, edited by administrators. Every value is checked against its type,
-- its regex and its bounds by a trigger, so psql cannot store what the settings screen refuses.
CREATE TABLE system_configurations (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),

    config_key VARCHAR(100) NOT NULL CONSTRAINT system_configurations_config_key_key UNIQUE,
    config_category VARCHAR(50) NOT NULL,

    config_value TEXT NOT NULL,
    config_type VARCHAR(20) NOT NULL
        CHECK (config_type IN ('STRING', 'INTEGER', 'DECIMAL', 'BOOLEAN', 'JSON')),

    description TEXT,
    is_sensitive BOOLEAN NOT NULL DEFAULT FALSE,
    is_readonly BOOLEAN NOT NULL DEFAULT FALSE,

    environment VARCHAR(20) NOT NULL DEFAULT 'ALL'
        CHECK (environment IN ('ALL', 'DEVELOPMENT', 'STAGING', 'PRODUCTION')),

    validation_regex VARCHAR(500),
    min_value NUMERIC,
    max_value NUMERIC,

    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_by UUID,
    updated_by UUID,
    version INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT chk_system_configurations_bounds CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value)
);

CREATE INDEX idx_system_configurations_category ON system_configurations(config_category);

COMMENT ON TABLE system_configurations IS 'Application configuration parameters';

CREATE FUNCTION check_system_configuration() RETURNS trigger
LANGUAGE plpgsql
SET search_path = public, pg_temp
AS $$
DECLARE
    numeric_value numeric;
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.is_readonly
       AND (NEW.config_value, NEW.config_type, NEW.is_readonly)
           IS DISTINCT FROM (OLD.config_value, OLD.config_type, OLD.is_readonly)
       AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN
        RAISE EXCEPTION 'setting % is read-only', OLD.config_key
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_system_configurations_readonly';
    END IF;

    CASE NEW.config_type
        WHEN 'INTEGER' THEN
            IF NEW.config_value !~ '^-?[0-9]+$' THEN
                RAISE EXCEPTION 'setting % must be a whole number', NEW.config_key
                    USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_system_configurations_type';
            END IF;
        WHEN 'DECIMAL' THEN
            IF NEW.config_value !~ '^-?[0-9]+(\.[0-9]+)?$' THEN
                RAISE EXCEPTION 'setting % must be a number', NEW.config_key
                    USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_system_configurations_type';
            END IF;
        WHEN 'BOOLEAN' THEN
            IF NEW.config_value NOT IN ('true', 'false') THEN
                RAISE EXCEPTION 'setting % must be true or false', NEW.config_key
                    USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_system_configurations_type';
            END IF;
        WHEN 'JSON' THEN
            BEGIN
                PERFORM NEW.config_value::jsonb;
            EXCEPTION WHEN invalid_text_representation THEN
                RAISE EXCEPTION 'setting % must be valid JSON', NEW.config_key
                    USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_system_configurations_type';
            END;
        ELSE
            NULL;
    END CASE;

    IF NEW.config_type IN ('INTEGER', 'DECIMAL') THEN
        numeric_value := NEW.config_value::numeric;
        IF (NEW.min_value IS NOT NULL AND numeric_value < NEW.min_value)
           OR (NEW.max_value IS NOT NULL AND numeric_value > NEW.max_value) THEN
            RAISE EXCEPTION 'setting % must lie between % and %', NEW.config_key,
                COALESCE(NEW.min_value::text, '…'), COALESCE(NEW.max_value::text, '…')
                USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_system_configurations_range';
        END IF;
    END IF;

    IF NEW.validation_regex IS NOT NULL AND NEW.config_value !~ NEW.validation_regex THEN
        RAISE EXCEPTION 'setting % does not have the required form', NEW.config_key
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_system_configurations_regex';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER check_system_configuration
    BEFORE INSERT OR UPDATE ON system_configurations
    FOR EACH ROW EXECUTE FUNCTION check_system_configuration();

INSERT INTO system_configurations
    (config_key, config_category, config_value, config_type, description, min_value, max_value) VALUES
('POLICY_GRACE_PERIOD_DAYS', 'POLICY', '30', 'INTEGER', 'Grace period for policy renewal in days', 0, 365),
('MAX_CLAIM_AMOUNT', 'CLAIMS', '5000000.00', 'DECIMAL', 'Maximum claim amount in THB', 0, NULL),
('DEFAULT_NO_CLAIM_DISCOUNT', 'POLICY', '0', 'DECIMAL', 'No-claim discount percentage of a first policy (0, 20, 30, 40 or 50)', 0, 50),
('PAYMENT_TIMEOUT_MINUTES', 'PAYMENT', '15', 'INTEGER', 'Payment gateway timeout in minutes', 1, 1440),
('SMS_OTP_EXPIRY_MINUTES', 'SECURITY', '5', 'INTEGER', 'SMS OTP expiry time in minutes', 1, 60),
('MAX_LOGIN_ATTEMPTS', 'SECURITY', '5', 'INTEGER', 'Maximum failed login attempts before account lock', 1, 100),
('SESSION_TIMEOUT_HOURS', 'SECURITY', '8', 'INTEGER', 'User session timeout in hours', 1, 720);

UPDATE system_configurations SET validation_regex = '^(0|20|30|40|50)(\.0+)?$'
 WHERE config_key = 'DEFAULT_NO_CLAIM_DISCOUNT';
