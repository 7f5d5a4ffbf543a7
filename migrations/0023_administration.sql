-- Administration (issue 8): live sessions of staff, ending them, settings as non-admins
-- may see them, and rating tables that cannot be edited once in force.

-- Ending a session is an action on a person, not a change of a row: the audit trail
-- records it as TERMINATE.
ALTER TABLE audit_logs DROP CONSTRAINT chk_audit_logs_operation;
ALTER TABLE audit_logs ADD CONSTRAINT chk_audit_logs_operation
    CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE', 'EXPORT', 'ANONYMIZE', 'REVEAL', 'TERMINATE'));

-- Refuses anyone who is not an administrator (the functions below run as their owner, so
-- EXECUTE alone is not trusted to keep others out).
CREATE FUNCTION require_admin() RETURNS void
LANGUAGE plpgsql STABLE
SET search_path = public, pg_temp
AS $$
BEGIN
    IF NOT pg_has_role(session_user, 'prakan_admin', 'MEMBER') THEN
        RAISE EXCEPTION 'only an administrator may do this'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END
$$;
REVOKE ALL ON FUNCTION require_admin() FROM PUBLIC;

-- The live connections of staff to this database: one prakan session holds up to a few
-- (its pool), all with the application name "prakan <first 8 characters of its id>".
CREATE FUNCTION staff_live_sessions()
RETURNS TABLE (
    username text,
    pid integer,
    application_name text,
    client_addr inet,
    backend_start timestamptz,
    state text,
    session_id text
)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM require_admin();
    RETURN QUERY
        SELECT u.username::text, a.pid, a.application_name::text, a.client_addr,
               a.backend_start, a.state::text, s.session_id::text
          FROM pg_stat_activity a
          JOIN users u ON u.username = a.usename
          LEFT JOIN user_sessions s
                 ON s.user_id = u.id AND s.is_active
                AND a.application_name = 'prakan ' || left(s.session_id, 8)
         WHERE a.datname = current_database() AND a.backend_type = 'client backend'
         ORDER BY u.username, a.backend_start;
END
$$;
REVOKE ALL ON FUNCTION staff_live_sessions() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION staff_live_sessions() TO prakan_admin;

-- Ends every live session of a staff member: their open user_sessions rows are marked
-- ADMIN_ENDED (so a prakan that reconnects knows it was ended) and their connections to
-- this database are terminated. Never a superuser, never the caller's own account (an
-- administrator logs out instead). Audited as TERMINATE on the person's directory row.
-- Returns the number of connections ended.
CREATE FUNCTION staff_end_sessions(p_username text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    target users%ROWTYPE;
    caller users%ROWTYPE;
    sessions_ended integer;
    ended_pids integer[] := '{}';
    target_pid integer;
BEGIN
    PERFORM require_admin();
    SELECT * INTO target FROM users WHERE username = p_username AND deleted_at IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no staff account named %', p_username USING ERRCODE = 'no_data_found';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_username AND rolsuper) THEN
        RAISE EXCEPTION 'the sessions of the superuser % cannot be ended here', p_username
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_username = session_user THEN
        RAISE EXCEPTION 'an administrator does not end their own session here; log out instead'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_staff_end_own_session';
    END IF;

    PERFORM set_config('prakan.context', 'ADMIN_ENDED_SESSION', true);
    UPDATE user_sessions
       SET is_active = false, terminated_at = now(), termination_reason = 'ADMIN_ENDED'
     WHERE user_id = target.id AND is_active;
    GET DIAGNOSTICS sessions_ended = ROW_COUNT;

    -- The connections are chosen first and ended one by one: in a single query the
    -- planner may call pg_terminate_backend before the other conditions have filtered.
    FOR target_pid IN
        SELECT a.pid FROM pg_stat_activity a
         WHERE a.usename = p_username AND a.datname = current_database()
           AND a.pid <> pg_backend_pid()
         ORDER BY a.pid
    LOOP
        IF pg_terminate_backend(target_pid) THEN
            ended_pids := ended_pids || target_pid;
        END IF;
    END LOOP;

    SELECT * INTO caller FROM users WHERE username = session_user;
    INSERT INTO audit_logs (table_name, record_id, operation, new_values, changed_fields,
                            user_id, db_user, user_role, ip_address, user_agent, business_context)
    VALUES ('users', target.id, 'TERMINATE',
            jsonb_build_object('username', target.username, 'sessions_ended', sessions_ended,
                               'connections_ended', cardinality(ended_pids), 'pids', to_jsonb(ended_pids)),
            ARRAY['sessions'], caller.id, session_user, caller.group_role, inet_client_addr(),
            nullif(current_setting('application_name', true), ''), 'ADMIN_ENDED_SESSION');
    RETURN cardinality(ended_pids);
END
$$;
REVOKE ALL ON FUNCTION staff_end_sessions(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION staff_end_sessions(text) TO prakan_admin;

-- The settings as the person asking may see them: every row, but the value of a
-- sensitive one only for administrators (NULL, with value_masked, for everyone else).
-- Row-level security hides sensitive rows from non-admins entirely; this lets the
-- read-only settings screen show that they exist.
CREATE FUNCTION settings_overview()
RETURNS TABLE (
    id uuid,
    config_key text,
    config_category text,
    config_value text,
    value_masked boolean,
    config_type text,
    description text,
    is_sensitive boolean,
    is_readonly boolean,
    validation_regex text,
    min_value numeric,
    max_value numeric,
    version integer,
    updated_at timestamptz
)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    is_admin boolean := pg_has_role(session_user, 'prakan_admin', 'MEMBER');
BEGIN
    IF NOT is_admin AND NOT pg_has_role(session_user, 'prakan_auditor', 'MEMBER') THEN
        RAISE EXCEPTION 'only administrators and auditors see the settings'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN QUERY
        SELECT c.id, c.config_key::text, c.config_category::text,
               CASE WHEN c.is_sensitive AND NOT is_admin THEN NULL ELSE c.config_value END,
               c.is_sensitive AND NOT is_admin,
               c.config_type::text, c.description, c.is_sensitive, c.is_readonly,
               c.validation_regex::text, c.min_value, c.max_value, c.version, c.updated_at
          FROM system_configurations c
         ORDER BY c.config_category, c.config_key;
END
$$;
REVOKE ALL ON FUNCTION settings_overview() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION settings_overview() TO prakan_auditor, prakan_admin;

-- A rating table in force (effective on or before today in Bangkok) is history: quotes
-- were priced from it. Its rows, and the table itself, are never changed or deleted, and
-- no table is added in force at once. The cluster superuser (bulk loads, repairs) may.
CREATE FUNCTION check_rating_table_not_in_force() RETURNS trigger
LANGUAGE plpgsql
SET search_path = public, pg_temp
AS $$
DECLARE
    today date := (now() AT TIME ZONE 'Asia/Bangkok')::date;
BEGIN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN
        RETURN COALESCE(NEW, OLD);
    END IF;
    IF (TG_OP IN ('UPDATE', 'DELETE') AND OLD.effective_from <= today)
       OR (TG_OP IN ('INSERT', 'UPDATE') AND NEW.effective_from <= today) THEN
        RAISE EXCEPTION 'the rating table of % is in force and cannot be changed; add a new one',
            COALESCE(OLD.effective_from, NEW.effective_from)
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_rating_tables_in_force';
    END IF;
    RETURN COALESCE(NEW, OLD);
END
$$;

CREATE TRIGGER check_rating_table_not_in_force
    BEFORE INSERT OR UPDATE OR DELETE ON rating_tables
    FOR EACH ROW EXECUTE FUNCTION check_rating_table_not_in_force();
CREATE TRIGGER check_rating_table_not_in_force
    BEFORE INSERT OR UPDATE OR DELETE ON rating_base_rates
    FOR EACH ROW EXECUTE FUNCTION check_rating_table_not_in_force();
CREATE TRIGGER check_rating_table_not_in_force
    BEFORE INSERT OR UPDATE OR DELETE ON rating_factors
    FOR EACH ROW EXECUTE FUNCTION check_rating_table_not_in_force();
