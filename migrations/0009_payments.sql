-- Payments in and out: premiums and instalments, claim settlements and refunds; the
-- attempts and bank movements behind each payment; receipts and tax invoices.
CREATE TABLE payments (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),

    policy_id UUID REFERENCES policies(id),
    claim_id UUID REFERENCES claims(id),
    customer_id UUID NOT NULL REFERENCES customers(id),

    payment_type VARCHAR(20) NOT NULL
        CHECK (payment_type IN ('PREMIUM', 'INSTALLMENT', 'CLAIM_SETTLEMENT', 'REFUND', 'FEE')),
    payment_direction VARCHAR(10) NOT NULL DEFAULT 'INCOMING'
        CHECK (payment_direction IN ('INCOMING', 'OUTGOING')),

    amount NUMERIC(12,2) NOT NULL CONSTRAINT chk_payments_amount CHECK (amount > 0),
    currency VARCHAR(3) NOT NULL DEFAULT 'THB' CHECK (currency IN ('THB', 'USD', 'EUR')),
    fees NUMERIC(12,2) NOT NULL DEFAULT 0 CONSTRAINT chk_payments_fees CHECK (fees >= 0),
    total_amount NUMERIC(12,2) NOT NULL,

    payment_method VARCHAR(30) NOT NULL
        CHECK (payment_method IN ('CREDIT_CARD', 'DEBIT_CARD', 'BANK_TRANSFER', 'PROMPTPAY',
                                  'TRUEMONEY', 'RABBIT_LINE_PAY', 'K_PLUS', 'CASH', 'CHEQUE')),
    payment_channel VARCHAR(20)
        CHECK (payment_channel IN ('WEB', 'MOBILE', 'AGENT', 'CALL_CENTER', 'BANK', 'ATM', 'COUNTER')),

    payment_status VARCHAR(20) NOT NULL DEFAULT 'PENDING'
        CHECK (payment_status IN ('PENDING', 'PROCESSING', 'SUCCESS', 'FAILED', 'CANCELLED',
                                  'REFUNDED', 'PARTIAL_REFUND')),

    -- For incoming bill payments the reference the customer quotes (Ref2; Ref1 is the policy number).
    transaction_reference VARCHAR(100),
    gateway_transaction_id VARCHAR(100),
    authorization_code VARCHAR(50),

    payment_date TIMESTAMPTZ,
    due_date DATE,
    processed_at TIMESTAMPTZ,

    installment_number INTEGER,
    total_installments INTEGER,

    gateway_provider VARCHAR(50),
    gateway_response JSONB,

    card_last_four VARCHAR(4) CHECK (card_last_four ~ '^[0-9]{4}$'),
    card_type VARCHAR(20),
    card_token VARCHAR(255),

    bank_code VARCHAR(3) CONSTRAINT chk_payments_bank_code CHECK (bank_code ~ '^[0-9]{3}$'),
    bank_account_number VARCHAR(50),

    reconciliation_status VARCHAR(20) NOT NULL DEFAULT 'PENDING'
        CHECK (reconciliation_status IN ('PENDING', 'MATCHED', 'UNMATCHED', 'DISPUTED')),
    reconciled_at TIMESTAMPTZ,

    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_by UUID,
    updated_by UUID,
    version INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT chk_payments_amounts CHECK (total_amount = amount + fees),
    CONSTRAINT chk_payments_installments CHECK (
        (installment_number IS NULL AND total_installments IS NULL) OR
        (installment_number > 0 AND total_installments > 0 AND installment_number <= total_installments)
    ),
    CONSTRAINT chk_payments_installment_type CHECK (
        (payment_type = 'INSTALLMENT') = (installment_number IS NOT NULL)
    ),
    CONSTRAINT chk_payments_subject CHECK (
        CASE payment_type
            WHEN 'PREMIUM' THEN policy_id IS NOT NULL
            WHEN 'INSTALLMENT' THEN policy_id IS NOT NULL
            WHEN 'CLAIM_SETTLEMENT' THEN claim_id IS NOT NULL
            WHEN 'REFUND' THEN policy_id IS NOT NULL
            ELSE true
        END
    ),
    CONSTRAINT chk_payments_direction CHECK (
        payment_direction = CASE WHEN payment_type IN ('CLAIM_SETTLEMENT', 'REFUND')
                                 THEN 'OUTGOING' ELSE 'INCOMING' END
    ),
    CONSTRAINT chk_payments_reconciled CHECK (
        (reconciliation_status = 'MATCHED') = (reconciled_at IS NOT NULL)
    )
);

CREATE UNIQUE INDEX payments_policy_installment_key
    ON payments(policy_id, installment_number) WHERE installment_number IS NOT NULL;
CREATE INDEX idx_payments_customer_status ON payments(customer_id, payment_status);
CREATE INDEX idx_payments_policy ON payments(policy_id) WHERE policy_id IS NOT NULL;
CREATE INDEX idx_payments_claim ON payments(claim_id) WHERE claim_id IS NOT NULL;
CREATE INDEX idx_payments_date ON payments(payment_date);
CREATE INDEX idx_payments_reference ON payments(transaction_reference) WHERE transaction_reference IS NOT NULL;
CREATE INDEX idx_payments_due_status ON payments(due_date, payment_status) WHERE due_date IS NOT NULL;
CREATE INDEX idx_payments_open ON payments(payment_direction, due_date)
    WHERE payment_status IN ('PENDING', 'PROCESSING');
CREATE INDEX idx_payments_reconciliation ON payments(reconciliation_status, processed_at);

COMMENT ON TABLE payments IS 'All payments: premiums, instalments, claim settlements, refunds';
COMMENT ON COLUMN payments.gateway_response IS 'Full gateway response for debugging';

ALTER TABLE claim_settlements
    ADD CONSTRAINT claim_settlements_payment_id_fkey FOREIGN KEY (payment_id) REFERENCES payments(id);

CREATE TABLE payment_transactions (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    payment_id UUID NOT NULL REFERENCES payments(id),

    transaction_type VARCHAR(20) NOT NULL
        CHECK (transaction_type IN ('CHARGE', 'TRANSFER', 'REFUND', 'REVERSAL', 'ADJUSTMENT')),
    amount NUMERIC(12,2) NOT NULL CONSTRAINT chk_payment_transactions_amount CHECK (amount > 0),
    status VARCHAR(20) NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SUCCESS', 'FAILED')),

    gateway_provider VARCHAR(50),
    gateway_transaction_id VARCHAR(100),
    bank_code VARCHAR(3) CHECK (bank_code ~ '^[0-9]{3}$'),
    bank_reference VARCHAR(100),
    failure_reason TEXT,
    raw_response JSONB,
    occurred_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_by UUID,
    updated_by UUID,
    version INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX idx_payment_transactions_payment ON payment_transactions(payment_id, occurred_at);
CREATE INDEX idx_payment_transactions_bank_reference ON payment_transactions(bank_reference)
    WHERE bank_reference IS NOT NULL;

COMMENT ON TABLE payment_transactions IS 'Attempts and bank movements behind a payment';

CREATE TABLE payment_receipts (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    payment_id UUID NOT NULL REFERENCES payments(id),

    receipt_number VARCHAR(50) NOT NULL CONSTRAINT payment_receipts_receipt_number_key UNIQUE,
    receipt_type VARCHAR(20) NOT NULL CHECK (receipt_type IN ('PAYMENT', 'TAX_INVOICE', 'RECEIPT')),

    file_path VARCHAR(500),
    file_format VARCHAR(10) NOT NULL DEFAULT 'PDF',
    sha256 CHAR(64) CHECK (sha256 ~ '^[0-9a-f]{64}$'),

    tax_invoice_number VARCHAR(50),
    vat_amount NUMERIC(12,2) CHECK (vat_amount >= 0),
    withholding_tax NUMERIC(12,2) CHECK (withholding_tax >= 0),

    issued_date DATE NOT NULL DEFAULT CURRENT_DATE,
    issued_by UUID,
    language VARCHAR(5) NOT NULL DEFAULT 'th' CHECK (language IN ('th', 'en')),

    delivery_method VARCHAR(20) CHECK (delivery_method IN ('EMAIL', 'SMS', 'POSTAL', 'DOWNLOAD')),
    delivered_at TIMESTAMPTZ,

    voided_at TIMESTAMPTZ,
    void_reason TEXT,

    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_by UUID,
    updated_by UUID,
    version INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT chk_payment_receipts_void CHECK ((voided_at IS NULL) = (void_reason IS NULL))
);

CREATE INDEX idx_payment_receipts_payment ON payment_receipts(payment_id);
CREATE INDEX idx_payment_receipts_issued ON payment_receipts(issued_date);

COMMENT ON TABLE payment_receipts IS 'Receipts and tax invoices; a voided one stays, marked void';
