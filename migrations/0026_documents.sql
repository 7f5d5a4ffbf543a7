-- Documents: the PDF of each receipt / tax invoice is recorded on its row (path, size, mime
-- type, SHA-256) like the policy documents are. A receipt is printed through two functions
-- running as their owner, finance and administrators only, so nobody writes the counter of
-- copies or the file by hand: start_receipt_print() locks the receipt and says whether this
-- print is the original or a copy (counting the copy), record_receipt_file() stores the
-- file printed, in the same transaction.

ALTER TABLE payment_receipts
    ADD COLUMN file_size BIGINT CONSTRAINT chk_payment_receipts_file_size CHECK (file_size >= 0),
    ADD COLUMN mime_type VARCHAR(100);
COMMENT ON COLUMN payment_receipts.file_path IS
    'The last PDF printed, relative to the data directory''s documents/ (the original or a copy)';
COMMENT ON COLUMN payment_receipts.copies_printed IS
    'Copies printed after the original; each is marked สำเนา / COPY and keeps the number';

-- Locks the receipt and returns which print this is: 0 the original (nothing printed yet),
-- else the copy's number, counted in copies_printed.
CREATE FUNCTION start_receipt_print(p_receipt_number text)
RETURNS TABLE (receipt_id uuid, copy_number integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
DECLARE
    found_id uuid;
    printed boolean;
    copies integer;
BEGIN
    IF NOT (pg_has_role(session_user, 'prakan_finance', 'MEMBER')
            OR pg_has_role(session_user, 'prakan_admin', 'MEMBER')) THEN
        RAISE EXCEPTION 'only finance prints receipts'
            USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'chk_payment_receipts_print';
    END IF;
    SELECT r.id, r.file_path IS NOT NULL, r.copies_printed
      INTO found_id, printed, copies
      FROM payment_receipts r
     WHERE r.receipt_number = p_receipt_number
       FOR UPDATE;
    IF found_id IS NULL THEN
        RETURN;
    END IF;
    IF NOT printed AND copies = 0 THEN
        RETURN QUERY SELECT found_id, 0;
        RETURN;
    END IF;
    UPDATE payment_receipts r SET copies_printed = r.copies_printed + 1 WHERE r.id = found_id;
    RETURN QUERY SELECT found_id, copies + 1;
END
$$;

-- Records the PDF just printed of a receipt (after start_receipt_print in the same
-- transaction).
CREATE FUNCTION record_receipt_file(p_receipt_id uuid, p_file_path text, p_file_size bigint,
                                    p_mime_type text, p_sha256 text)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT (pg_has_role(session_user, 'prakan_finance', 'MEMBER')
            OR pg_has_role(session_user, 'prakan_admin', 'MEMBER')) THEN
        RAISE EXCEPTION 'only finance prints receipts'
            USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'chk_payment_receipts_print';
    END IF;
    UPDATE payment_receipts
       SET file_path = p_file_path, file_size = p_file_size, mime_type = p_mime_type,
           file_format = 'PDF', sha256 = p_sha256
     WHERE id = p_receipt_id;
END
$$;

REVOKE ALL ON FUNCTION start_receipt_print(text),
    record_receipt_file(uuid, text, bigint, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION start_receipt_print(text),
    record_receipt_file(uuid, text, bigint, text, text) TO prakan_finance, prakan_admin;
