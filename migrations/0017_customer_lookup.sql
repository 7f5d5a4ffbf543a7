-- Customer lookup: the dictionary behind the fuzzy name search, finding and revealing a
-- national ID for the roles that see it masked, and the history of a record for everyone
-- who may see the record.

-- Every word of every customer's names, once. A typed word is matched against these by
-- trigram similarity (a few hundred thousand words at most, where the customers are
-- millions), and the close words are then looked up exactly in customers.name_tokens.
CREATE TABLE name_dictionary (
    token TEXT PRIMARY KEY
);
CREATE INDEX idx_name_dictionary_trgm ON name_dictionary USING GIST (token gist_trgm_ops);

COMMENT ON TABLE name_dictionary IS 'The distinct words of customer names, for the fuzzy name search';

-- Keeps the dictionary in step with the customers: new words are added, and a word no
-- customer uses any more (a renamed or anonymised person) is removed. Runs as its owner:
-- whether anyone else still uses a word is not a question row-level security may narrow.
CREATE FUNCTION sync_name_dictionary() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    INSERT INTO name_dictionary (token)
    SELECT DISTINCT t FROM unnest(NEW.name_tokens) AS t
    ON CONFLICT DO NOTHING;
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM name_dictionary d
         WHERE d.token = ANY (OLD.name_tokens)
           AND NOT d.token = ANY (NEW.name_tokens)
           AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.name_tokens @> ARRAY[d.token]);
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION sync_name_dictionary() FROM PUBLIC;

CREATE TRIGGER sync_name_dictionary
    AFTER INSERT OR UPDATE OF first_name, last_name, first_name_en, last_name_en ON customers
    FOR EACH ROW EXECUTE FUNCTION sync_name_dictionary();

-- Rebuilds the dictionary from the customers: after a bulk load with triggers off, and by
-- `prakan db maintain` (two sessions renaming at once can leave a word behind or miss one).
-- Returns the words added and removed.
CREATE FUNCTION refresh_name_dictionary(OUT added bigint, OUT removed bigint)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    CREATE TEMP TABLE live_tokens ON COMMIT DROP AS
        SELECT DISTINCT unnest(name_tokens) AS token FROM customers;
    INSERT INTO name_dictionary (token)
    SELECT token FROM live_tokens ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS added = ROW_COUNT;
    DELETE FROM name_dictionary d WHERE NOT EXISTS (SELECT 1 FROM live_tokens l WHERE l.token = d.token);
    GET DIAGNOSTICS removed = ROW_COUNT;
    DROP TABLE live_tokens;
END
$$;
REVOKE ALL ON FUNCTION refresh_name_dictionary() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION refresh_name_dictionary() TO prakan_admin;

-- The dictionary words closest to each typed word: at most eight per word, each at least
-- 0.3 similar (one wrong or missing letter in a name of five or more). Runs as its owner
-- so that nobody reads the dictionary itself: it answers only "which names are like this".
CREATE FUNCTION close_name_tokens(words text[])
RETURNS TABLE (word_no integer, token text, score real)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
SET pg_trgm.similarity_threshold = 0.3
AS $$
    SELECT w.word_no::integer, t.token, similarity(t.token, w.word)
      FROM unnest(words) WITH ORDINALITY AS w(word, word_no)
      CROSS JOIN LATERAL (
          SELECT d.token FROM name_dictionary d
           WHERE d.token % w.word
           ORDER BY d.token <-> w.word
           LIMIT 8
      ) AS t
$$;
REVOKE ALL ON FUNCTION close_name_tokens(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION close_name_tokens(text[]) TO
    prakan_agent, prakan_underwriter, prakan_adjuster, prakan_surveyor,
    prakan_finance, prakan_auditor, prakan_admin;

-- Adjusters and surveyors see national IDs masked. They may still find a customer by a
-- full national ID, and reveal one (audited): adjusters any customer's, surveyors those
-- of the customers behind the claims assigned to them.
CREATE FUNCTION customer_open_to_claims_staff(customer_uuid uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    SELECT pg_has_role(session_user, 'prakan_adjuster', 'MEMBER')
        OR (pg_has_role(session_user, 'prakan_surveyor', 'MEMBER')
            AND EXISTS (SELECT 1 FROM claims c JOIN policies p ON p.id = c.policy_id
                         WHERE p.customer_id = customer_uuid
                           AND c.surveyor_id = current_staff_id()))
$$;
REVOKE ALL ON FUNCTION customer_open_to_claims_staff(uuid) FROM PUBLIC;

CREATE FUNCTION find_customer_by_national_id(national_id_typed text) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    SELECT id FROM customers
     WHERE national_id = national_id_typed
       AND customer_open_to_claims_staff(id)
$$;
REVOKE ALL ON FUNCTION find_customer_by_national_id(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION find_customer_by_national_id(text) TO prakan_adjuster, prakan_surveyor;

CREATE FUNCTION reveal_national_id(customer_uuid uuid) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    revealed text;
BEGIN
    IF NOT customer_open_to_claims_staff(customer_uuid) THEN
        RAISE EXCEPTION 'customer % is not open to you', customer_uuid
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT national_id INTO revealed FROM customers WHERE id = customer_uuid;
    INSERT INTO audit_logs (table_name, record_id, operation, changed_fields, user_id, db_user,
                            user_role, business_context)
    SELECT 'customers', customer_uuid, 'REVEAL', ARRAY['national_id'], u.id, session_user,
           u.group_role, 'REVEAL_NATIONAL_ID'
      FROM (SELECT 1) AS one LEFT JOIN users u ON u.username = session_user;
    RETURN revealed;
END
$$;
REVOKE ALL ON FUNCTION reveal_national_id(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reveal_national_id(uuid) TO prakan_adjuster, prakan_surveyor;

-- The history of a record is open to everyone who may see the record: auditors and
-- administrators read the whole trail; every other role reads the audit rows of the
-- business records its own row-level security lets it see. Each role's policy names only
-- the tables that role may read (a policy naming another would fail for want of the
-- privilege), so the policies are written from the grants.
ALTER TABLE audit_logs ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_logs_whole_trail ON audit_logs FOR SELECT
    TO prakan_auditor, prakan_admin
    USING (true);

DO $$
DECLARE
    staff_role text;
    business_table text;
    branches text;
BEGIN
    FOREACH staff_role IN ARRAY ARRAY['prakan_agent', 'prakan_underwriter', 'prakan_adjuster',
                                      'prakan_surveyor', 'prakan_finance'] LOOP
        branches := '';
        FOREACH business_table IN ARRAY ARRAY[
            'customers', 'customer_vehicles', 'dlt_verifications', 'consent_records',
            'customer_documents', 'policies', 'policy_documents', 'policy_renewals', 'claims',
            'claim_documents', 'claim_assessments', 'claim_settlements', 'payments',
            'payment_transactions', 'payment_receipts'
        ] LOOP
            IF has_column_privilege(staff_role, business_table, 'id', 'SELECT') THEN
                branches := branches || format(
                    ' WHEN %L THEN EXISTS (SELECT 1 FROM %I r WHERE r.id = audit_logs.record_id)',
                    business_table, business_table);
            END IF;
        END LOOP;
        EXECUTE format('CREATE POLICY %I ON audit_logs FOR SELECT TO %I USING (CASE table_name%s ELSE false END)',
                       'audit_logs_records_seen_by_' || substr(staff_role, 8), staff_role, branches);
    END LOOP;
END
$$;

GRANT SELECT ON audit_logs TO prakan_agent, prakan_underwriter, prakan_adjuster, prakan_surveyor,
                                prakan_finance;
