-- The staff directory (the seed's `users`). Each person is a PostgreSQL LOGIN role named
-- `username`; PostgreSQL holds the SCRAM verifier, so no password hash lives here. The
-- directory row says which group role the person belongs to and what they may approve.
CREATE TABLE users (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    username VARCHAR(63) NOT NULL CONSTRAINT users_username_key UNIQUE
        CONSTRAINT chk_users_username
        CHECK (username ~ '^[a-z][a-z0-9_.]{1,62}$'
               AND username !~ '^(prakan_|pg_)'
               AND username <> 'postgres'),
    email VARCHAR(255) CONSTRAINT users_email_key UNIQUE
        CONSTRAINT chk_users_email CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
    phone_number VARCHAR(20) CONSTRAINT chk_users_phone CHECK (phone_number ~ '^0[0-9]{8,9}$'),
    password_changed_at TIMESTAMPTZ,

    first_name VARCHAR(100) NOT NULL,
    last_name VARCHAR(100) NOT NULL DEFAULT '',
    employee_id VARCHAR(50),

    group_role VARCHAR(30) NOT NULL
        CONSTRAINT chk_users_group_role
        CHECK (group_role IN ('prakan_agent', 'prakan_underwriter', 'prakan_adjuster',
                              'prakan_surveyor', 'prakan_finance', 'prakan_auditor',
                              'prakan_admin')),
    authority_limit NUMERIC(14,2) NOT NULL DEFAULT 0
        CONSTRAINT chk_users_authority_limit CHECK (authority_limit >= 0),
    department VARCHAR(50),

    account_status VARCHAR(20) NOT NULL DEFAULT 'ACTIVE'
        CHECK (account_status IN ('ACTIVE', 'INACTIVE', 'LOCKED', 'SUSPENDED', 'TERMINATED')),
    email_verified BOOLEAN NOT NULL DEFAULT FALSE,
    phone_verified BOOLEAN NOT NULL DEFAULT FALSE,

    last_login_at TIMESTAMPTZ,
    last_login_ip INET,

    profile_picture_url VARCHAR(500),
    preferred_language VARCHAR(5) NOT NULL DEFAULT 'th' CHECK (preferred_language IN ('th', 'en')),
    timezone VARCHAR(50) NOT NULL DEFAULT 'Asia/Bangkok',

    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_by UUID,
    updated_by UUID,
    version INTEGER NOT NULL DEFAULT 0,

    deleted_at TIMESTAMPTZ,
    deleted_by UUID
);

CREATE INDEX idx_users_group_role ON users(group_role) WHERE deleted_at IS NULL;
CREATE INDEX idx_users_status ON users(account_status) WHERE deleted_at IS NULL;
CREATE INDEX idx_users_department ON users(department) WHERE deleted_at IS NULL;
CREATE INDEX idx_users_last_login ON users(last_login_at);

COMMENT ON TABLE users IS 'Staff directory: one row per PostgreSQL login role (username = role name)';
COMMENT ON COLUMN users.group_role IS 'The prakan_* group role this person is a member of';
COMMENT ON COLUMN users.authority_limit IS 'Largest amount in THB this person may approve';

CREATE TABLE user_sessions (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(id),

    session_id VARCHAR(255) NOT NULL CONSTRAINT user_sessions_session_id_key UNIQUE,
    backend_pid INTEGER,

    ip_address INET,
    user_agent TEXT,
    device_info JSONB,
    location_info JSONB,

    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    login_method VARCHAR(20) NOT NULL DEFAULT 'PASSWORD'
        CHECK (login_method IN ('PASSWORD', 'SSO', 'TOKEN', 'BIOMETRIC')),

    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    last_activity_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    expires_at TIMESTAMPTZ NOT NULL,
    terminated_at TIMESTAMPTZ,
    termination_reason VARCHAR(50),

    CONSTRAINT chk_user_sessions_expiry CHECK (expires_at > created_at),
    CONSTRAINT chk_user_sessions_termination CHECK (is_active OR terminated_at IS NOT NULL)
);

CREATE INDEX idx_user_sessions_user ON user_sessions(user_id);
CREATE INDEX idx_user_sessions_active ON user_sessions(expires_at) WHERE is_active;

COMMENT ON TABLE user_sessions IS 'Login sessions of staff, for security tracking';

-- The staff directory id of the person connected (session_user survives SET ROLE and
-- SECURITY DEFINER, so it always names the human). NULL for the cluster superuser.
CREATE FUNCTION current_staff_id() RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    SELECT id FROM public.users WHERE username = session_user AND deleted_at IS NULL
$$;
REVOKE ALL ON FUNCTION current_staff_id() FROM PUBLIC;

-- Row housekeeping shared by every business table: who created a row, and on every update
-- a new version number (optimistic locking), updated_at and updated_by.
CREATE FUNCTION stamp_created_by() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.created_by := COALESCE(NEW.created_by, current_staff_id());
    RETURN NEW;
END
$$;

CREATE FUNCTION touch_row() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated_at := now();
    NEW.updated_by := current_staff_id();
    NEW.version := OLD.version + 1;
    RETURN NEW;
END
$$;

-- Keeps the database roles in step with the directory: the group role membership follows
-- group_role, LOGIN follows account_status, and the last active administrator stays.
CREATE FUNCTION apply_staff_directory_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    login_role pg_roles%ROWTYPE;
    may_log_in boolean := NEW.account_status = 'ACTIVE' AND NEW.deleted_at IS NULL;
BEGIN
    SELECT * INTO login_role FROM pg_roles WHERE rolname = NEW.username;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'staff account % has no database login role', NEW.username
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'fk_users_login_role';
    END IF;
    IF login_role.rolsuper THEN
        RAISE EXCEPTION 'the directory cannot manage the superuser %', NEW.username
            USING ERRCODE = 'insufficient_privilege';
    END IF;

    IF OLD.group_role = 'prakan_admin' AND OLD.account_status = 'ACTIVE' AND OLD.deleted_at IS NULL
       AND NOT (NEW.group_role = 'prakan_admin' AND may_log_in)
       AND NOT EXISTS (SELECT 1 FROM users
                        WHERE id <> NEW.id AND group_role = 'prakan_admin'
                          AND account_status = 'ACTIVE' AND deleted_at IS NULL) THEN
        RAISE EXCEPTION 'the last active administrator cannot be removed'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_users_last_admin';
    END IF;

    IF NEW.group_role IS DISTINCT FROM OLD.group_role THEN
        EXECUTE format('REVOKE %I FROM %I', OLD.group_role, NEW.username);
        EXECUTE format('GRANT %I TO %I', NEW.group_role, NEW.username);
    END IF;
    IF may_log_in IS DISTINCT FROM login_role.rolcanlogin THEN
        EXECUTE format('ALTER ROLE %I %s', NEW.username,
                       CASE WHEN may_log_in THEN 'LOGIN' ELSE 'NOLOGIN' END);
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION apply_staff_directory_change() FROM PUBLIC;

CREATE TRIGGER apply_staff_directory_change
    AFTER UPDATE OF group_role, account_status, deleted_at ON users
    FOR EACH ROW EXECUTE FUNCTION apply_staff_directory_change();

-- True for a SCRAM-SHA-256 verifier as PostgreSQL stores it: what a client computes from a
-- password. Staff passwords must arrive in this form, never as plaintext.
CREATE FUNCTION is_scram_verifier(candidate text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT candidate ~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$'
$$;

-- Creates a staff member: the LOGIN role (from a SCRAM verifier computed by the client,
-- never a plaintext password) and the directory row, in the caller's transaction.
-- A role of that name may already exist only when it is a prakan staff role of another
-- database in this cluster; any other existing role is refused.
CREATE FUNCTION staff_create(
    p_username text,
    p_group_role text,
    p_first_name text,
    p_last_name text,
    p_scram_verifier text,
    p_authority_limit numeric DEFAULT 0,
    p_email text DEFAULT NULL,
    p_preferred_language text DEFAULT 'th'
) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    existing pg_roles%ROWTYPE;
    new_id uuid;
BEGIN
    IF NOT is_scram_verifier(p_scram_verifier) THEN
        RAISE EXCEPTION 'a staff password must arrive as a SCRAM-SHA-256 verifier'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_group_role NOT IN ('prakan_agent', 'prakan_underwriter', 'prakan_adjuster',
                            'prakan_surveyor', 'prakan_finance', 'prakan_auditor',
                            'prakan_admin') THEN
        RAISE EXCEPTION 'unknown group role %', p_group_role
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_users_group_role';
    END IF;
    IF EXISTS (SELECT 1 FROM users WHERE username = p_username) THEN
        RAISE EXCEPTION 'a staff account named % already exists', p_username
            USING ERRCODE = 'unique_violation', CONSTRAINT = 'users_username_key';
    END IF;

    -- The directory row first: its CHECK refuses names that must not become roles.
    INSERT INTO users (username, group_role, first_name, last_name, authority_limit, email,
                       preferred_language, password_changed_at)
    VALUES (p_username, p_group_role, p_first_name, COALESCE(p_last_name, ''),
            COALESCE(p_authority_limit, 0), p_email, COALESCE(p_preferred_language, 'th'), now())
    RETURNING id INTO new_id;

    SELECT * INTO existing FROM pg_roles WHERE rolname = p_username;
    IF FOUND THEN
        IF existing.rolsuper OR NOT EXISTS (
            SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
             WHERE m.member = existing.oid AND g.rolname LIKE 'prakan\_%') THEN
            RAISE EXCEPTION 'a database role named % already exists and is not a prakan staff account', p_username
                USING ERRCODE = 'duplicate_object';
        END IF;
        EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', p_username, p_scram_verifier);
        FOR existing IN
            SELECT g.* FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
             WHERE m.member = (SELECT oid FROM pg_roles WHERE rolname = p_username)
               AND g.rolname LIKE 'prakan\_%' AND g.rolname <> p_group_role
        LOOP
            EXECUTE format('REVOKE %I FROM %I', existing.rolname, p_username);
        END LOOP;
    ELSE
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_username, p_scram_verifier);
    END IF;
    EXECUTE format('GRANT %I TO %I', p_group_role, p_username);
    RETURN new_id;
END
$$;
REVOKE ALL ON FUNCTION staff_create(text, text, text, text, text, numeric, text, text) FROM PUBLIC;

-- Sets another staff member's password (admin) from a client-computed SCRAM verifier.
CREATE FUNCTION staff_set_password(p_username text, p_scram_verifier text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    IF NOT is_scram_verifier(p_scram_verifier) THEN
        RAISE EXCEPTION 'a staff password must arrive as a SCRAM-SHA-256 verifier'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM users u JOIN pg_roles r ON r.rolname = u.username
                    WHERE u.username = p_username AND NOT r.rolsuper) THEN
        RAISE EXCEPTION 'no staff account named %', p_username
            USING ERRCODE = 'no_data_found';
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L', p_username, p_scram_verifier);
    UPDATE users SET password_changed_at = now() WHERE username = p_username;
END
$$;
REVOKE ALL ON FUNCTION staff_set_password(text, text) FROM PUBLIC;
