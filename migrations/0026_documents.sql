-- Documents: the PDF of each receipt / tax invoice is recorded like the policy documents
-- are (path, size, mime type, SHA-256): the original on the receipt's row, and every print,
-- the original and each copy, in receipt_prints. A receipt is printed through two functions
-- running as their owner, finance and administrators only, so nobody writes the counter of
-- copies or a file by hand: start_receipt_print() locks the receipt and says whether this
-- print is the original or a copy (counting the copy), record_receipt_file() records the
-- file printed, in the same transaction.

ALTER TABLE payment_receipts
    ADD COLUMN file_size BIGINT CONSTRAINT chk_payment_receipts_file_size CHECK (file_size >= 0),
    ADD COLUMN mime_type VARCHAR(100);
COMMENT ON COLUMN payment_receipts.file_path IS
    'The original PDF, relative to the data directory (its copies are in receipt_prints)';

-- Every print of a receipt, never changed: who printed which copy, and the file's hash.
CREATE TABLE receipt_prints (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    receipt_id UUID NOT NULL REFERENCES payment_receipts(id),
    copy_number INTEGER NOT NULL CONSTRAINT chk_receipt_prints_copy_number CHECK (copy_number >= 0),
    file_path VARCHAR(500) NOT NULL,
    file_size BIGINT NOT NULL CONSTRAINT chk_receipt_prints_file_size CHECK (file_size >= 0),
    mime_type VARCHAR(100) NOT NULL,
    sha256 CHAR(64) NOT NULL CONSTRAINT chk_receipt_prints_sha256 CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    printed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    printed_by UUID REFERENCES users(id),
    CONSTRAINT receipt_prints_one_per_copy UNIQUE (receipt_id, copy_number)
);
COMMENT ON TABLE receipt_prints IS
    'Each print of a receipt / tax invoice: 0 the original, then its copies (written only by record_receipt_file)';
GRANT SELECT ON receipt_prints TO prakan_underwriter, prakan_finance, prakan_auditor, prakan_admin;

-- The count of copies and the original's file are written only by the two functions below:
-- finance no longer types them (0022 let it).
REVOKE UPDATE (copies_printed, file_path, file_format, sha256) ON payment_receipts FROM prakan_finance;
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

-- Records the PDF just printed of a receipt: the print started by start_receipt_print in
-- the same transaction (its copy number must be the receipt's current one), in
-- receipt_prints, and, for the original, on the receipt's row.
CREATE FUNCTION record_receipt_file(p_receipt_id uuid, p_copy_number integer, p_file_path text,
                                    p_file_size bigint, p_mime_type text, p_sha256 text)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT (pg_has_role(session_user, 'prakan_finance', 'MEMBER')
            OR pg_has_role(session_user, 'prakan_admin', 'MEMBER')) THEN
        RAISE EXCEPTION 'only finance prints receipts'
            USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'chk_payment_receipts_print';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM payment_receipts
                    WHERE id = p_receipt_id AND copies_printed = p_copy_number) THEN
        RAISE EXCEPTION 'print % of receipt % was not started', p_copy_number, p_receipt_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_receipt_prints_copy_number';
    END IF;
    INSERT INTO receipt_prints (receipt_id, copy_number, file_path, file_size, mime_type, sha256,
                                printed_by)
    VALUES (p_receipt_id, p_copy_number, p_file_path, p_file_size, p_mime_type, p_sha256,
            current_staff_id());
    IF p_copy_number = 0 THEN
        UPDATE payment_receipts
           SET file_path = p_file_path, file_size = p_file_size, mime_type = p_mime_type,
               file_format = 'PDF', sha256 = p_sha256
         WHERE id = p_receipt_id;
    END IF;
END
$$;

REVOKE ALL ON FUNCTION start_receipt_print(text),
    record_receipt_file(uuid, integer, text, bigint, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION start_receipt_print(text),
    record_receipt_file(uuid, integer, text, bigint, text, text) TO prakan_finance, prakan_admin;
