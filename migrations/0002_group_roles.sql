-- The group roles that carry every right (docs/security.md). Roles are cluster-wide, so
-- creation is idempotent and tolerates another database creating them at the same moment.
DO $$
DECLARE
    group_role text;
BEGIN
    FOREACH group_role IN ARRAY ARRAY[
        'prakan_agent', 'prakan_underwriter', 'prakan_adjuster', 'prakan_surveyor',
        'prakan_finance', 'prakan_auditor', 'prakan_admin'
    ] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = group_role) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', group_role);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;
END
$$;
