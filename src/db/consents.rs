//! PDPA consents: recording one and withdrawing it, each one transaction that also keeps
//! the customer's marketing, SMS and e-mail flags in step with the consents behind them.

use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use crate::db::customers::{SaveError, conflict, set_context};
use crate::domain::consent::ConsentDraft;

/// The customer flag a consent purpose stands behind, if any.
fn flag_of(purpose: &str) -> Option<&'static str> {
    match purpose {
        "MARKETING" => Some("marketing_consent"),
        "SMS_NOTIFICATIONS" => Some("sms_notifications"),
        "EMAIL_NOTIFICATIONS" => Some("email_notifications"),
        _ => None,
    }
}

async fn set_flag(
    connection: &mut PgConnection,
    customer: Uuid,
    purpose: &str,
    value: bool,
) -> sqlx::Result<()> {
    if let Some(flag) = flag_of(purpose) {
        let sql = format!("UPDATE customers SET {flag} = $2 WHERE id = $1 AND {flag} <> $2");
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(customer)
            .bind(value)
            .execute(connection)
            .await?;
    }
    Ok(())
}

pub async fn record(pool: &PgPool, customer: Uuid, draft: &ConsentDraft) -> sqlx::Result<Uuid> {
    let mut tx = pool.begin().await?;
    set_context(&mut tx, "CONSENT_GIVEN").await?;
    let id = sqlx::query_scalar(
        "INSERT INTO consent_records (customer_id, purpose, lawful_basis, consent_text_version,
                                      channel, evidence_reference)
         VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id",
    )
    .bind(customer)
    .bind(&draft.purpose)
    .bind(&draft.lawful_basis)
    .bind(&draft.text_version)
    .bind(&draft.channel)
    .bind(&draft.evidence)
    .fetch_one(&mut *tx)
    .await?;
    set_flag(&mut tx, customer, &draft.purpose, true).await?;
    tx.commit().await?;
    Ok(id)
}

/// Withdraws the consent as of now; the record stays as history.
pub async fn withdraw(
    pool: &PgPool,
    id: Uuid,
    version: i32,
    channel: &str,
) -> Result<(), SaveError> {
    let mut tx = pool.begin().await?;
    set_context(&mut tx, "CONSENT_WITHDRAWN").await?;
    let withdrawn: Option<(Uuid, String)> = sqlx::query_as(
        "UPDATE consent_records
            SET withdrawn_at = greatest(now(), given_at), withdrawal_channel = $3
          WHERE id = $1 AND version = $2 AND withdrawn_at IS NULL
          RETURNING customer_id, purpose",
    )
    .bind(id)
    .bind(version)
    .bind(channel)
    .fetch_optional(&mut *tx)
    .await?;
    match withdrawn {
        Some((customer, purpose)) => {
            set_flag(&mut tx, customer, &purpose, false).await?;
            tx.commit().await?;
            Ok(())
        }
        None => {
            let conflict = conflict(&mut tx, "consent_records", id).await?;
            tx.rollback().await?;
            Err(conflict)
        }
    }
}
