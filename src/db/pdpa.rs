//! PDPA rights (DOMAIN §9) through the functions that run as their owner: everything
//! about a customer as JSON (s.31 portability), and anonymisation (s.33). Both are audited
//! with the staff member who asked.

use sqlx::PgPool;
use uuid::Uuid;

/// Everything about the customer, as one JSON document.
pub async fn export(pool: &PgPool, customer: Uuid) -> sqlx::Result<serde_json::Value> {
    sqlx::query_scalar("SELECT export_customer_data($1)")
        .bind(customer)
        .fetch_one(pool)
        .await
}

/// Scrubs the person; false when they were anonymised already.
pub async fn anonymize(pool: &PgPool, customer: Uuid) -> sqlx::Result<bool> {
    sqlx::query_scalar("SELECT anonymize_customer_data($1)")
        .bind(customer)
        .fetch_one(pool)
        .await
}
