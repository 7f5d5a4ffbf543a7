-- PDPA rights (DOMAIN §9): export everything about a customer (s.31 portability) and
-- anonymise a customer (s.33 erasure) while keeping the financial and claim records the law
-- requires. Both run as their owner, are granted to administrators only, and are audited
-- with the staff member who ran them.

-- Replaces every occurrence of each needle inside the string values of a JSON document,
-- walking its structure (keys and numbers stay as they are, so the result is valid JSON).
CREATE FUNCTION redact_jsonb(document jsonb, needles text[]) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE
SET search_path = public, pg_temp
AS $$
DECLARE
    result jsonb;
    text_value text;
    needle text;
BEGIN
    CASE jsonb_typeof(document)
        WHEN 'object' THEN
            SELECT COALESCE(jsonb_object_agg(key, redact_jsonb(value, needles)), '{}') INTO result
              FROM jsonb_each(document);
        WHEN 'array' THEN
            SELECT COALESCE(jsonb_agg(redact_jsonb(value, needles) ORDER BY position), '[]') INTO result
              FROM jsonb_array_elements(document) WITH ORDINALITY AS element(value, position);
        WHEN 'string' THEN
            text_value := document #>> '{}';
            FOREACH needle IN ARRAY needles LOOP
                text_value := replace(text_value, needle, '[ANONYMIZED]');
            END LOOP;
            result := to_jsonb(text_value);
        ELSE
            result := document;
    END CASE;
    RETURN result;
END
$$;

-- The columns that hold personal data, per table: in the audit trail of an anonymised
-- customer's records their values are replaced whatever they were.
CREATE FUNCTION personal_columns(table_name text) RETURNS text[]
LANGUAGE sql IMMUTABLE
AS $$
    SELECT CASE table_name
        WHEN 'customers' THEN ARRAY['email', 'phone_number', 'national_id', 'national_id_masked',
                                    'first_name', 'last_name', 'first_name_en', 'last_name_en',
                                    'date_of_birth', 'gender', 'address', 'tambon_code',
                                    'postal_code', 'name_tokens']
        WHEN 'customer_vehicles' THEN ARRAY['chassis_number']
        WHEN 'dlt_verifications' THEN ARRAY['dlt_response']
        WHEN 'customer_documents' THEN ARRAY['original_filename', 'file_path', 'description']
        WHEN 'consent_records' THEN ARRAY['evidence_reference']
        WHEN 'payments' THEN ARRAY['card_last_four', 'card_type', 'card_token',
                                   'bank_account_number', 'gateway_response']
        WHEN 'payment_transactions' THEN ARRAY['raw_response']
        WHEN 'claim_settlements' THEN ARRAY['payee_name']
        ELSE ARRAY[]::text[]
    END
$$;

-- An audit row's values with the personal columns blanked and the person's identifiers
-- redacted from every other string.
CREATE FUNCTION anonymized_values(document jsonb, table_name text, needles text[]) RETURNS jsonb
LANGUAGE sql IMMUTABLE
SET search_path = public, pg_temp
AS $$
    SELECT redact_jsonb(
        (SELECT COALESCE(jsonb_object_agg(key, CASE WHEN key = ANY (personal_columns(table_name)) AND value <> 'null'
                                                    THEN '"[ANONYMIZED]"'::jsonb ELSE value END), '{}')
           FROM jsonb_each(document)),
        needles)
    WHERE document IS NOT NULL
$$;

CREATE FUNCTION export_customer_data(customer_uuid uuid) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    result jsonb;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM customers WHERE id = customer_uuid) THEN
        RAISE EXCEPTION 'no customer %', customer_uuid USING ERRCODE = 'no_data_found';
    END IF;

    SELECT jsonb_build_object(
        'exported_at', now(),
        'customer', (SELECT to_jsonb(c) FROM customers c WHERE c.id = customer_uuid),
        'vehicles', COALESCE((SELECT jsonb_agg(to_jsonb(v) ORDER BY v.created_at)
                                FROM customer_vehicles v WHERE v.customer_id = customer_uuid), '[]'),
        'dlt_verifications', COALESCE((SELECT jsonb_agg(to_jsonb(d) ORDER BY d.verification_date)
                                FROM dlt_verifications d JOIN customer_vehicles v ON v.id = d.vehicle_id
                               WHERE v.customer_id = customer_uuid), '[]'),
        'consents', COALESCE((SELECT jsonb_agg(to_jsonb(r) ORDER BY r.given_at)
                                FROM consent_records r WHERE r.customer_id = customer_uuid), '[]'),
        'documents', COALESCE((SELECT jsonb_agg(to_jsonb(d) ORDER BY d.created_at)
                                FROM customer_documents d WHERE d.customer_id = customer_uuid), '[]'),
        'policies', COALESCE((SELECT jsonb_agg(to_jsonb(p) ORDER BY p.start_date)
                                FROM policies p WHERE p.customer_id = customer_uuid), '[]'),
        'policy_documents', COALESCE((SELECT jsonb_agg(to_jsonb(d) ORDER BY d.generated_at)
                                FROM policy_documents d JOIN policies p ON p.id = d.policy_id
                               WHERE p.customer_id = customer_uuid), '[]'),
        'policy_renewals', COALESCE((SELECT jsonb_agg(to_jsonb(r) ORDER BY r.renewal_date)
                                FROM policy_renewals r JOIN policies p ON p.id = r.original_policy_id
                               WHERE p.customer_id = customer_uuid), '[]'),
        'claims', COALESCE((SELECT jsonb_agg(to_jsonb(c) ORDER BY c.incident_date)
                                FROM claims c JOIN policies p ON p.id = c.policy_id
                               WHERE p.customer_id = customer_uuid), '[]'),
        'claim_documents', COALESCE((SELECT jsonb_agg(to_jsonb(d) ORDER BY d.uploaded_at)
                                FROM claim_documents d JOIN claims c ON c.id = d.claim_id
                                JOIN policies p ON p.id = c.policy_id
                               WHERE p.customer_id = customer_uuid), '[]'),
        'claim_assessments', COALESCE((SELECT jsonb_agg(to_jsonb(a) ORDER BY a.assessment_date)
                                FROM claim_assessments a JOIN claims c ON c.id = a.claim_id
                                JOIN policies p ON p.id = c.policy_id
                               WHERE p.customer_id = customer_uuid), '[]'),
        'claim_settlements', COALESCE((SELECT jsonb_agg(to_jsonb(s) ORDER BY s.created_at)
                                FROM claim_settlements s JOIN claims c ON c.id = s.claim_id
                                JOIN policies p ON p.id = c.policy_id
                               WHERE p.customer_id = customer_uuid), '[]'),
        'payments', COALESCE((SELECT jsonb_agg(to_jsonb(pay) ORDER BY pay.created_at)
                                FROM payments pay WHERE pay.customer_id = customer_uuid), '[]'),
        'payment_transactions', COALESCE((SELECT jsonb_agg(to_jsonb(t) ORDER BY t.occurred_at)
                                FROM payment_transactions t JOIN payments pay ON pay.id = t.payment_id
                               WHERE pay.customer_id = customer_uuid), '[]'),
        'payment_receipts', COALESCE((SELECT jsonb_agg(to_jsonb(r) ORDER BY r.issued_date)
                                FROM payment_receipts r JOIN payments pay ON pay.id = r.payment_id
                               WHERE pay.customer_id = customer_uuid), '[]')
    ) INTO result;

    INSERT INTO audit_logs (table_name, record_id, operation, user_id, db_user, user_role, business_context)
    SELECT 'customers', customer_uuid, 'EXPORT', u.id, session_user, u.group_role, 'PDPA_DATA_PORTABILITY'
      FROM (SELECT 1) AS one LEFT JOIN users u ON u.username = session_user;
    RETURN result;
END
$$;

CREATE FUNCTION anonymize_customer_data(customer_uuid uuid) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    subject customers%ROWTYPE;
    full_name text;
    full_name_en text;
    identifiers text[];
    name_parts text[];
    related_ids uuid[];
    other_party_claims uuid[];
BEGIN
    SELECT * INTO subject FROM customers WHERE id = customer_uuid FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no customer %', customer_uuid USING ERRCODE = 'no_data_found';
    END IF;
    IF subject.first_name = 'ANONYMIZED' AND subject.deleted_at IS NOT NULL THEN
        RETURN false;
    END IF;

    full_name := nullif(trim(subject.first_name || ' ' || COALESCE(subject.last_name, '')), '');
    full_name_en := nullif(trim(COALESCE(subject.first_name_en, '') || ' ' || COALESCE(subject.last_name_en, '')), '');
    -- Identifiers that single this person out anywhere; name parts only within their own records.
    identifiers := ARRAY(SELECT DISTINCT x FROM unnest(ARRAY[subject.national_id, subject.phone_number,
                                                       subject.email, full_name, full_name_en]) AS x
                          WHERE x IS NOT NULL AND length(x) >= 3);
    name_parts := ARRAY(SELECT DISTINCT x FROM unnest(identifiers || ARRAY[subject.first_name, subject.last_name,
                                                       subject.first_name_en, subject.last_name_en]) AS x
                         WHERE x IS NOT NULL AND length(x) >= 2
                         ORDER BY 1);
    -- Longest first, so a full name is replaced before its parts.
    name_parts := ARRAY(SELECT x FROM unnest(name_parts) AS x ORDER BY length(x) DESC, x);
    identifiers := ARRAY(SELECT x FROM unnest(identifiers) AS x ORDER BY length(x) DESC, x);

    PERFORM set_config('prakan.context', 'PDPA_ANONYMIZE', true);

    UPDATE customers
       SET email = NULL, phone_number = NULL, national_id = NULL,
           first_name = 'ANONYMIZED', last_name = CASE WHEN customer_type = 'JURISTIC' THEN NULL ELSE 'DATA' END,
           first_name_en = NULL, last_name_en = NULL, date_of_birth = NULL, gender = NULL,
           address = NULL, tambon_code = NULL, postal_code = NULL,
           marketing_consent = false, sms_notifications = false, email_notifications = false,
           account_status = 'CLOSED', deleted_at = now(), deleted_by = current_staff_id()
     WHERE id = customer_uuid;

    UPDATE customer_vehicles SET chassis_number = NULL WHERE customer_id = customer_uuid;
    UPDATE dlt_verifications SET dlt_response = NULL
     WHERE vehicle_id IN (SELECT id FROM customer_vehicles WHERE customer_id = customer_uuid);
    UPDATE customer_documents
       SET original_filename = 'anonymized', file_path = 'anonymized', description = NULL,
           deleted_at = COALESCE(deleted_at, now()), deleted_by = COALESCE(deleted_by, current_staff_id())
     WHERE customer_id = customer_uuid;
    UPDATE consent_records SET evidence_reference = NULL WHERE customer_id = customer_uuid;
    UPDATE payments
       SET card_last_four = NULL, card_type = NULL, card_token = NULL, bank_account_number = NULL,
           gateway_response = NULL
     WHERE customer_id = customer_uuid;
    UPDATE payment_transactions SET raw_response = NULL
     WHERE payment_id IN (SELECT id FROM payments WHERE customer_id = customer_uuid);
    -- Payouts made to the person themselves name them.
    UPDATE claim_settlements SET payee_name = '[ANONYMIZED]'
     WHERE payee_type = 'INSURED'
       AND claim_id IN (SELECT c.id FROM claims c JOIN policies p ON p.id = c.policy_id
                         WHERE p.customer_id = customer_uuid);

    -- Where this person was the other party of someone else's accident.
    other_party_claims := ARRAY(SELECT id FROM claims
                                 WHERE other_party_info IS NOT NULL
                                   AND other_party_info::text LIKE ANY (
                                       SELECT '%' || x || '%' FROM unnest(identifiers) AS x));
    UPDATE claims SET other_party_info = redact_jsonb(other_party_info, identifiers)
     WHERE id = ANY (other_party_claims);

    -- The audit trail of their records keeps what happened, not who they were.
    related_ids := ARRAY[customer_uuid]
        || ARRAY(SELECT id FROM customer_vehicles WHERE customer_id = customer_uuid)
        || ARRAY(SELECT d.id FROM dlt_verifications d JOIN customer_vehicles v ON v.id = d.vehicle_id
                  WHERE v.customer_id = customer_uuid)
        || ARRAY(SELECT id FROM customer_documents WHERE customer_id = customer_uuid)
        || ARRAY(SELECT id FROM consent_records WHERE customer_id = customer_uuid)
        || ARRAY(SELECT id FROM policies WHERE customer_id = customer_uuid)
        || ARRAY(SELECT c.id FROM claims c JOIN policies p ON p.id = c.policy_id WHERE p.customer_id = customer_uuid)
        || ARRAY(SELECT s.id FROM claim_settlements s JOIN claims c ON c.id = s.claim_id
                   JOIN policies p ON p.id = c.policy_id WHERE p.customer_id = customer_uuid)
        || ARRAY(SELECT id FROM payments WHERE customer_id = customer_uuid)
        || ARRAY(SELECT t.id FROM payment_transactions t JOIN payments p ON p.id = t.payment_id
                  WHERE p.customer_id = customer_uuid);
    UPDATE audit_logs
       SET old_values = anonymized_values(old_values, table_name, name_parts),
           new_values = anonymized_values(new_values, table_name, name_parts)
     WHERE record_id = ANY (related_ids);
    UPDATE audit_logs
       SET old_values = redact_jsonb(old_values, identifiers),
           new_values = redact_jsonb(new_values, identifiers)
     WHERE record_id = ANY (other_party_claims);

    INSERT INTO audit_logs (table_name, record_id, operation, user_id, db_user, user_role, business_context)
    SELECT 'customers', customer_uuid, 'ANONYMIZE', u.id, session_user, u.group_role, 'PDPA_RIGHT_TO_ERASURE'
      FROM (SELECT 1) AS one LEFT JOIN users u ON u.username = session_user;
    RETURN true;
END
$$;

REVOKE ALL ON FUNCTION export_customer_data(uuid), anonymize_customer_data(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION export_customer_data(uuid), anonymize_customer_data(uuid) TO prakan_admin;
