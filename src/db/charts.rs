//! The charts' figures: aggregates from SECURITY DEFINER functions (migration 0024), each
//! callable only by the groups it is for (adjusters the claims charts, underwriters the
//! premium and loss ratio, finance the reconciliation backlog; auditors and
//! administrators all of them).
//!
//! Each answers from a snapshot of its figures while it is younger than
//! CHART_SNAPSHOT_MINUTES, else recomputes and keeps them (migration 0029); `freshness`
//! says when the figures were computed.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use sqlx::PgExecutor;

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

pub async fn claims_by_status(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<StatusCount>> {
    sqlx::query_as("SELECT status, claims FROM chart_claims_by_status()")
        .fetch_all(db)
        .await
}

pub async fn claims_ageing(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<AgeCount>> {
    sqlx::query_as("SELECT bucket, claims FROM chart_claims_ageing()")
        .fetch_all(db)
        .await
}

pub async fn premium_written(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<PremiumMonth>> {
    sqlx::query_as("SELECT month, premium, policies FROM chart_premium_written($1)")
        .bind(MONTHS)
        .fetch_all(db)
        .await
}

pub async fn loss_ratio(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<LossMonth>> {
    sqlx::query_as("SELECT month, premium, incurred, ratio FROM chart_loss_ratio($1)")
        .bind(MONTHS)
        .fetch_all(db)
        .await
}

pub async fn reconciliation_backlog(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<BacklogBucket>> {
    sqlx::query_as("SELECT kind, bucket, items, amount FROM chart_reconciliation_backlog()")
        .fetch_all(db)
        .await
}

/// A chart's snapshot in `chart_snapshots`: its name and the months it covers (0 for the
/// charts that are not monthly).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Snapshot {
    pub chart: &'static str,
    pub months: i32,
}

pub const CLAIMS_BY_STATUS: Snapshot = Snapshot {
    chart: "claims_by_status",
    months: 0,
};
pub const CLAIMS_AGEING: Snapshot = Snapshot {
    chart: "claims_ageing",
    months: 0,
};
pub const PREMIUM_WRITTEN: Snapshot = Snapshot {
    chart: "premium_written",
    months: MONTHS,
};
pub const LOSS_RATIO: Snapshot = Snapshot {
    chart: "loss_ratio",
    months: MONTHS,
};
pub const RECONCILIATION_BACKLOG: Snapshot = Snapshot {
    chart: "reconciliation_backlog",
    months: 0,
};

/// How old a chart's figures are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Freshness {
    /// When the figures shown were computed.
    pub taken: DateTime<Utc>,
    /// CHART_SNAPSHOT_MINUTES: how often they are recomputed.
    pub every_minutes: i32,
}

/// When the figures of `snapshot` that the chart just returned were computed. Call it in
/// the chart's transaction, right after the chart: the chart decided with the same `now()`.
/// A snapshot older than the setting means the chart computed its figures afresh without
/// keeping them (a read-only transaction, as on a replica): they are as of now.
pub async fn freshness(db: impl PgExecutor<'_>, snapshot: Snapshot) -> sqlx::Result<Freshness> {
    let (taken, now, every_minutes): (Option<DateTime<Utc>>, DateTime<Utc>, i32) =
        sqlx::query_as("SELECT chart_snapshot_taken($1, $2), now(), chart_snapshot_minutes()")
            .bind(snapshot.chart)
            .bind(snapshot.months)
            .fetch_one(db)
            .await?;
    let oldest = now - chrono::Duration::minutes(i64::from(every_minutes));
    Ok(Freshness {
        taken: taken.filter(|taken| *taken > oldest).unwrap_or(now),
        every_minutes,
    })
}

/// Recomputes every chart's snapshot, as the owner (`prakan db maintain`); returns how many
/// were written.
pub async fn refresh_snapshots(db: impl PgExecutor<'_>) -> sqlx::Result<i32> {
    sqlx::query_scalar("SELECT refresh_chart_snapshots()")
        .fetch_one(db)
        .await
}
