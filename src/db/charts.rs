//! The charts' figures: aggregates from SECURITY DEFINER functions (migration 0024), each
//! callable only by the groups it is for (adjusters the claims charts, underwriters the
//! premium and loss ratio, finance the reconciliation backlog; auditors and
//! administrators all of them).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sqlx::PgPool;

/// Months shown in the monthly charts, up to and including this one.
pub const MONTHS: i32 = 12;

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct StatusCount {
    pub status: String,
    pub claims: i64,
}

/// Open claims in one ageing bucket: "0-7", "8-30", "31-90" or "90+" days.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct AgeCount {
    pub bucket: String,
    pub claims: i64,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct PremiumMonth {
    /// The first day of the Bangkok month.
    pub month: NaiveDate,
    pub premium: Decimal,
    pub policies: i64,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct LossMonth {
    pub month: NaiveDate,
    pub premium: Decimal,
    pub incurred: Decimal,
    /// Incurred over premium; None without premium.
    pub ratio: Option<Decimal>,
}

/// Unmatched statement lines or overdue owed payments in one age bucket.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct BacklogBucket {
    /// "unmatched_lines" or "overdue_payments".
    pub kind: String,
    pub bucket: String,
    pub items: i64,
    pub amount: Decimal,
}

pub async fn claims_by_status(pool: &PgPool) -> sqlx::Result<Vec<StatusCount>> {
    sqlx::query_as("SELECT status, claims FROM chart_claims_by_status()")
        .fetch_all(pool)
        .await
}

pub async fn claims_ageing(pool: &PgPool) -> sqlx::Result<Vec<AgeCount>> {
    sqlx::query_as("SELECT bucket, claims FROM chart_claims_ageing()")
        .fetch_all(pool)
        .await
}

pub async fn premium_written(pool: &PgPool) -> sqlx::Result<Vec<PremiumMonth>> {
    sqlx::query_as("SELECT month, premium, policies FROM chart_premium_written($1)")
        .bind(MONTHS)
        .fetch_all(pool)
        .await
}

pub async fn loss_ratio(pool: &PgPool) -> sqlx::Result<Vec<LossMonth>> {
    sqlx::query_as("SELECT month, premium, incurred, ratio FROM chart_loss_ratio($1)")
        .bind(MONTHS)
        .fetch_all(pool)
        .await
}

pub async fn reconciliation_backlog(pool: &PgPool) -> sqlx::Result<Vec<BacklogBucket>> {
    sqlx::query_as("SELECT kind, bucket, items, amount FROM chart_reconciliation_backlog()")
        .fetch_all(pool)
        .await
}
