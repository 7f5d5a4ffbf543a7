//! What the person logged in may do on the customer screens, asked of the database (its
//! grants are the truth): the screens offer only what would succeed, and say why the rest
//! is not there.

use sqlx::PgPool;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, sqlx::FromRow)]
pub struct CustomerRights {
    /// Reads customers.national_id (else sees it masked and may reveal it).
    pub read_national_id: bool,
    pub reveal_national_id: bool,
    pub create_customers: bool,
    pub edit_customers: bool,
    pub edit_vehicles: bool,
    pub read_verifications: bool,
    pub verify_vehicles: bool,
    pub read_consents: bool,
    pub record_consents: bool,
    pub read_documents: bool,
    pub read_policies: bool,
    /// Saves quotes (agents) or issues policies (underwriters).
    pub quote_policies: bool,
    pub read_claims: bool,
    pub read_payments: bool,
    pub read_receipts: bool,
    pub read_history: bool,
    pub export_data: bool,
    pub anonymize: bool,
}

impl CustomerRights {
    /// Everything: for tests and snapshots of the full screen.
    pub fn all() -> CustomerRights {
        CustomerRights {
            read_national_id: true,
            reveal_national_id: false,
            create_customers: true,
            edit_customers: true,
            edit_vehicles: true,
            read_verifications: true,
            verify_vehicles: true,
            read_consents: true,
            record_consents: true,
            read_documents: true,
            read_policies: true,
            quote_policies: true,
            read_claims: true,
            read_payments: true,
            read_receipts: true,
            read_history: true,
            export_data: true,
            anonymize: true,
        }
    }
}

pub async fn customer_rights(pool: &PgPool) -> sqlx::Result<CustomerRights> {
    sqlx::query_as(
        "SELECT has_column_privilege('customers', 'national_id', 'SELECT') AS read_national_id,
                has_function_privilege('reveal_national_id(uuid)', 'EXECUTE') AS reveal_national_id,
                has_table_privilege('customers', 'INSERT') AS create_customers,
                has_table_privilege('customers', 'UPDATE') AS edit_customers,
                has_table_privilege('customer_vehicles', 'INSERT')
                    AND has_table_privilege('customer_vehicles', 'UPDATE') AS edit_vehicles,
                has_table_privilege('dlt_verifications', 'SELECT') AS read_verifications,
                has_table_privilege('dlt_verifications', 'INSERT') AS verify_vehicles,
                has_table_privilege('consent_records', 'SELECT') AS read_consents,
                has_table_privilege('consent_records', 'INSERT')
                    AND has_table_privilege('consent_records', 'UPDATE') AS record_consents,
                has_table_privilege('customer_documents', 'SELECT') AS read_documents,
                has_table_privilege('policies', 'SELECT') AS read_policies,
                has_table_privilege('policies', 'INSERT') AS quote_policies,
                has_table_privilege('claims', 'SELECT') AS read_claims,
                has_table_privilege('payments', 'SELECT') AS read_payments,
                has_table_privilege('payment_receipts', 'SELECT') AS read_receipts,
                has_table_privilege('audit_logs', 'SELECT') AS read_history,
                has_function_privilege('export_customer_data(uuid)', 'EXECUTE') AS export_data,
                has_function_privilege('anonymize_customer_data(uuid)', 'EXECUTE') AS anonymize",
    )
    .fetch_one(pool)
    .await
}
