//! `prakan db maintain`: idempotent upkeep, safe to run from cron.

use sqlx::PgPool;

/// How many months of audit partitions exist ahead of the current one.
pub const MONTHS_AHEAD: i32 = 3;

#[derive(Debug, Default)]
pub struct MaintenanceReport {
    pub partitions_created: Vec<String>,
    pub tables_analyzed: usize,
    /// Name words added to and removed from the fuzzy search's dictionary.
    pub name_words: (i64, i64),
    /// ACTIVE policies whose cover ended before today, now EXPIRED.
    pub policies_expired: u64,
}

pub async fn run(pool: &PgPool) -> sqlx::Result<MaintenanceReport> {
    let partitions_created: Vec<String> = sqlx::query_scalar(
        "SELECT created FROM (
             SELECT ensure_monthly_partition('audit_logs',
                        (date_trunc('month', now() AT TIME ZONE 'Asia/Bangkok')
                         + make_interval(months => m))::date) AS created
               FROM generate_series(0, $1) AS m) AS made
          WHERE created IS NOT NULL",
    )
    .bind(MONTHS_AHEAD)
    .fetch_all(pool)
    .await?;

    let policies_expired =
        expire_policies(pool, crate::i18n::format::bangkok_date(chrono::Utc::now())).await?;

    let name_words: (i64, i64) =
        sqlx::query_as("SELECT added, removed FROM refresh_name_dictionary()")
            .fetch_one(pool)
            .await?;

    // ANALYZE runs from the client, outside any function (the seed's perform_maintenance()
    // could not: PostgreSQL forbids VACUUM inside a function).
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT format('%I', relname) FROM pg_stat_user_tables WHERE schemaname = 'public'
          ORDER BY relname",
    )
    .fetch_all(pool)
    .await?;
    for table in &tables {
        sqlx::query(sqlx::AssertSqlSafe(format!("ANALYZE {table}")))
            .execute(pool)
            .await?;
    }
    Ok(MaintenanceReport {
        partitions_created,
        tables_analyzed: tables.len(),
        name_words,
        policies_expired,
    })
}

/// Marks EXPIRED the ACTIVE policies whose last day of cover (`end_date`, a Bangkok date)
/// is before `today`. They stay renewable within the grace period (db::renewals).
pub async fn expire_policies(pool: &PgPool, today: chrono::NaiveDate) -> sqlx::Result<u64> {
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
