-- Login sessions, recorded by the program as the person who logged in.

-- A staff member's last login is bookkeeping, not an edit: it must not bump the version of
-- their directory row (an administrator editing that row would see a false conflict).
CREATE OR REPLACE FUNCTION touch_row() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_TABLE_NAME = 'users'
       AND to_jsonb(NEW) - ARRAY['last_login_at', 'last_login_ip', 'updated_at', 'updated_by', 'version']
           = to_jsonb(OLD) - ARRAY['last_login_at', 'last_login_ip', 'updated_at', 'updated_by', 'version'] THEN
        RETURN NEW;
    END IF;
    NEW.updated_at := now();
    NEW.updated_by := current_staff_id();
    NEW.version := OLD.version + 1;
    RETURN NEW;
END
$$;

-- Starts a session for session_user: the row in user_sessions (expiring after
-- SESSION_TIMEOUT_HOURS) and last_login_at in the directory.
CREATE FUNCTION session_start(p_session_id text, p_user_agent text, p_device_info jsonb)
RETURNS timestamptz
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    staff users%ROWTYPE;
    timeout_hours integer;
    expiry timestamptz;
BEGIN
    SELECT * INTO staff FROM users WHERE username = session_user AND deleted_at IS NULL;
    IF NOT FOUND OR staff.account_status <> 'ACTIVE' THEN
        RAISE EXCEPTION '% has no active staff account', session_user
            USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'staff_account_active';
    END IF;
    SELECT config_value::integer INTO timeout_hours
      FROM system_configurations WHERE config_key = 'SESSION_TIMEOUT_HOURS';
    expiry := now() + make_interval(hours => COALESCE(timeout_hours, 8));
    INSERT INTO user_sessions (user_id, session_id, backend_pid, ip_address, user_agent, device_info,
                               login_method, expires_at)
    VALUES (staff.id, p_session_id, pg_backend_pid(), inet_client_addr(), p_user_agent, p_device_info,
            'PASSWORD', expiry);
    UPDATE users SET last_login_at = now(), last_login_ip = inet_client_addr() WHERE id = staff.id;
    RETURN expiry;
END
$$;

-- Changes session_user's own password from a SCRAM verifier computed by the client.
CREATE FUNCTION change_own_password(p_scram_verifier text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    IF NOT is_scram_verifier(p_scram_verifier) THEN
        RAISE EXCEPTION 'a staff password must arrive as a SCRAM-SHA-256 verifier'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM users WHERE username = session_user AND deleted_at IS NULL) THEN
        RAISE EXCEPTION '% has no staff account', session_user
            USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'staff_account_active';
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L', session_user, p_scram_verifier);
    UPDATE users SET password_changed_at = now() WHERE username = session_user;
END
$$;

REVOKE ALL ON FUNCTION session_start(text, text, jsonb), change_own_password(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION session_start(text, text, jsonb), change_own_password(text) TO
    prakan_agent, prakan_underwriter, prakan_adjuster, prakan_surveyor,
    prakan_finance, prakan_auditor, prakan_admin;
