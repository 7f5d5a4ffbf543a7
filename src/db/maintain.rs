//! `prakan db maintain`: idempotent upkeep, safe to run from cron. A second run in a row
//! creates, expires, marks and closes nothing (it only recomputes the chart snapshots).

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use sqlx::PgPool;

/// How many months of partitions exist ahead of the current one.
pub const MONTHS_AHEAD: i32 = 3;

#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// VACUUM (ANALYZE) every table; without it only ANALYZE runs (much faster on big data).
    pub vacuum: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options { vacuum: true }
    }
}

#[derive(Debug, Default)]
pub struct MaintenanceReport {
    /// The tables partitioned by month that were checked.
    pub partitioned_tables: Vec<String>,
    pub partitions_created: Vec<String>,
    /// ACTIVE policies whose cover ended before today, now EXPIRED.
    pub policies_expired: u64,
    /// Incoming payments still owed and past due, newly marked overdue.
    pub payments_marked_overdue: u64,
    /// All payments marked overdue after this run.
    pub payments_overdue: i64,
    /// Sessions still open after their expiry, now closed.
    pub sessions_closed: u64,
    /// Name words added to and removed from the fuzzy search's dictionary.
    pub name_words: (i64, i64),
    /// Chart snapshots recomputed (every chart's, so that charts open at once).
    pub chart_snapshots: i32,
    pub tables_analyzed: usize,
    /// Whether the tables were vacuumed too, or only analyzed.
    pub vacuumed: bool,
    pub statistics_time: Duration,
}

/// Everything, VACUUM included.
pub async fn run(pool: &PgPool) -> sqlx::Result<MaintenanceReport> {
    run_with(pool, Options::default()).await
}

pub async fn run_with(pool: &PgPool, options: Options) -> sqlx::Result<MaintenanceReport> {
    let today = crate::i18n::format::bangkok_date(chrono::Utc::now());
    let partitioned_tables = monthly_partitioned_tables(pool).await?;
    let mut partitions_created = Vec::new();
    for table in &partitioned_tables {
        partitions_created.extend(ensure_partitions(pool, table).await?);
    }
    let policies_expired = expire_policies(pool, today).await?;
    let payments_marked_overdue = mark_overdue_payments(pool, today).await?;
    let payments_overdue =
        sqlx::query_scalar("SELECT count(*) FROM payments WHERE overdue_since IS NOT NULL")
            .fetch_one(pool)
            .await?;
    let sessions_closed = close_expired_sessions(pool).await?;
    let name_words: (i64, i64) =
        sqlx::query_as("SELECT added, removed FROM refresh_name_dictionary()")
            .fetch_one(pool)
            .await?;
    let chart_snapshots = crate::db::charts::refresh_snapshots(pool).await?;
    let started = Instant::now();
    let tables_analyzed = refresh_statistics(pool, options.vacuum).await?;
    Ok(MaintenanceReport {
        partitioned_tables,
        partitions_created,
        policies_expired,
        payments_marked_overdue,
        payments_overdue,
        sessions_closed,
        name_words,
        chart_snapshots,
        tables_analyzed,
        vacuumed: options.vacuum,
        statistics_time: started.elapsed(),
    })
}

/// Public tables range-partitioned by month: those with at least one partition named
/// `<table>_yYYYYmMM`, as ensure_monthly_partition() makes them.
pub async fn monthly_partitioned_tables(pool: &PgPool) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar(
        "SELECT c.relname::text
           FROM pg_partitioned_table pt
           JOIN pg_class c ON c.oid = pt.partrelid
          WHERE c.relnamespace = 'public'::regnamespace AND pt.partstrat = 'r'
            AND pt.partnatts = 1
            AND EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhrelid
                         WHERE i.inhparent = c.oid
                           AND p.relname ~ ('^' || c.relname || '_y[0-9]{4}m[0-9]{2}$'))
          ORDER BY c.relname",
    )
    .fetch_all(pool)
    .await
}

/// This month's partition and the next MONTHS_AHEAD; returns the ones created now.
async fn ensure_partitions(pool: &PgPool, table: &str) -> sqlx::Result<Vec<String>> {
    ensure_partitions_since(pool, table, 0).await
}

/// The partitions from `months_back` months before this one to MONTHS_AHEAD after it, for
/// loading history (the seeds); returns the ones created now.
pub async fn ensure_partitions_since(
    pool: &PgPool,
    table: &str,
    months_back: i32,
) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar(
        "SELECT created FROM (
             SELECT ensure_monthly_partition($1,
                        (date_trunc('month', now() AT TIME ZONE 'Asia/Bangkok')
                         + make_interval(months => m))::date) AS created
               FROM generate_series(-$3, $2) AS m) AS made
          WHERE created IS NOT NULL",
    )
    .bind(table)
    .bind(MONTHS_AHEAD)
    .bind(months_back)
    .fetch_all(pool)
    .await
}

/// Marks EXPIRED the ACTIVE policies whose last day of cover (`end_date`, a Bangkok date)
/// is before `today`. They stay renewable within the grace period (db::renewals).
pub async fn expire_policies(pool: &PgPool, today: NaiveDate) -> sqlx::Result<u64> {
    let mut tx = pool.begin().await?;
    crate::db::customers::set_context(&mut tx, "POLICY_EXPIRY").await?;
    let expired = sqlx::query(
        "UPDATE policies SET status = 'EXPIRED'
          WHERE status = 'ACTIVE' AND deleted_at IS NULL AND end_date < $1",
    )
    .bind(today)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    tx.commit().await?;
    Ok(expired)
}

/// Marks the incoming payments still owed (PENDING or PROCESSING) whose due date is before
/// `today`: the same rule as the finance screens' ageing. Paying or cancelling one clears
/// the mark (the keep_overdue_mark trigger).
pub async fn mark_overdue_payments(pool: &PgPool, today: NaiveDate) -> sqlx::Result<u64> {
    let mut tx = pool.begin().await?;
    crate::db::customers::set_context(&mut tx, "OVERDUE_MARKING").await?;
    let marked = sqlx::query(
        "UPDATE payments SET overdue_since = due_date + 1
          WHERE payment_direction = 'INCOMING' AND payment_status IN ('PENDING', 'PROCESSING')
            AND due_date < $1 AND overdue_since IS NULL",
    )
    .bind(today)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    tx.commit().await?;
    Ok(marked)
}

/// Closes the login sessions still open after they expired, as ended at their expiry.
pub async fn close_expired_sessions(pool: &PgPool) -> sqlx::Result<u64> {
    let mut tx = pool.begin().await?;
    crate::db::customers::set_context(&mut tx, "SESSION_EXPIRY").await?;
    let closed = sqlx::query(
        "UPDATE user_sessions
            SET is_active = false, terminated_at = expires_at, termination_reason = 'EXPIRED'
          WHERE is_active AND expires_at < now()",
    )
    .execute(&mut *tx)
    .await?
    .rows_affected();
    tx.commit().await?;
    Ok(closed)
}

/// VACUUM (ANALYZE) or ANALYZE, table by table, from the client: PostgreSQL forbids VACUUM
/// inside a function or a transaction block (the seed's perform_maintenance() could not).
async fn refresh_statistics(pool: &PgPool, vacuum: bool) -> sqlx::Result<usize> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT format('%I', relname) FROM pg_stat_user_tables WHERE schemaname = 'public'
          ORDER BY relname",
    )
    .fetch_all(pool)
    .await?;
    let command = if vacuum {
        "VACUUM (ANALYZE)"
    } else {
        "ANALYZE"
    };
    for table in &tables {
        sqlx::query(sqlx::AssertSqlSafe(format!("{command} {table}")))
            .execute(pool)
            .await?;
    }
    Ok(tables.len())
}
