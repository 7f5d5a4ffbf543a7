//! `prakan bench renew`: the renewal batch at scale, policies renewed per second, with
//! PostgreSQL's own TPC-B-like yardstick (`pgbench`) run right after it on the same
//! cluster.
//!
//! The batch writes, so it runs on a scratch copy of the database (`CREATE DATABASE …
//! TEMPLATE`, dropped afterwards): the data set itself is never changed and the benchmark
//! can be repeated. Its candidates are the policies due on the real today within
//! `due_within` days (and lapsed within the grace period); when that is fewer than
//! `policies`, the horizon is widened, day by day up to a year ahead, until it holds that
//! many: the work per policy is the same (the renewal is then recorded as EARLY).

use std::sync::atomic::AtomicBool;
use std::time::Instant;

use chrono::NaiveDate;
use sqlx::PgConnection;
use sqlx::postgres::PgConnectOptions;

use super::pgbench::PgbenchFigures;
use crate::db::renewals::{self, BatchOptions, BatchProgress, CHUNK};
use crate::pg::Cluster;

/// The scratch copy the batch runs on.
const SCRATCH: &str = "prakan_renew_bench";
/// The widest horizon tried when looking for enough due policies.
const MAX_HORIZON: i64 = 366;

#[derive(Debug, Clone, Copy)]
pub struct RenewBenchOptions {
    /// How many due policies to renew (at least; the horizon is widened to find them).
    pub policies: usize,
    /// The horizon to start from, in days.
    pub due_within: i64,
    pub workers: usize,
    pub chunk: usize,
    /// Seconds of TPC-B-like pgbench afterwards (0: none; embedded cluster only).
    pub pgbench_seconds: u64,
}

impl Default for RenewBenchOptions {
    fn default() -> Self {
        RenewBenchOptions {
            policies: 100_000,
            due_within: 60,
            workers: 2,
            chunk: CHUNK,
            pgbench_seconds: 10,
        }
    }
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct RenewBenchReport {
    /// Rows in `policies` of the database copied.
    pub policies_in_database: i64,
    pub today: NaiveDate,
    /// The horizon that held enough due policies.
    pub within_days: i64,
    pub candidates: usize,
    pub renewed: usize,
    pub referred: usize,
    pub skipped_overlap: usize,
    pub skipped_taken: usize,
    pub failed: usize,
    pub workers: usize,
    pub chunk: usize,
    /// The batch alone (listing, pricing, writing, committing).
    pub seconds: f64,
    /// Candidates dealt with per second.
    pub policies_per_second: f64,
    /// Renewals written (issued or referred) per second.
    pub renewals_per_second: f64,
    /// Copying the database to the scratch one.
    pub copy_seconds: f64,
    /// `pgbench` (TPC-B-like, prepared statements) on the same cluster right after.
    pub pgbench_tpcb: Option<PgbenchFigures>,
    pub pgbench_clients: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum RenewBenchError {
    #[error(
        "the database holds no policies due for renewal; load some with `prakan seed --scale N`"
    )]
    NoData,
    #[error("copying the database failed (is another session connected to it?): {0}")]
    Copy(sqlx::Error),
    #[error("{0}")]
    Renewal(String),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

impl RenewBenchError {
    pub fn message(&self) -> crate::i18n::Message {
        match self {
            RenewBenchError::NoData => crate::msg!("bench-no-data", scenario = "renew"),
            RenewBenchError::Copy(error) => {
                crate::msg!("bench-renew-copy-failed", detail = error.to_string())
            }
            RenewBenchError::Renewal(detail) => {
                crate::msg!("bench-renew-failed", detail = detail.as_str())
            }
            RenewBenchError::Database(error) => crate::db::error::message(error),
        }
    }
}

/// Copies the database `admin` names, renews in the copy, runs pgbench, drops both scratch
/// databases. `admin` must be a role that may create databases (the cluster's superuser on
/// the embedded default); nothing else may be connected to the database being copied.
pub async fn run(
    admin: &PgConnectOptions,
    cluster: Option<&Cluster>,
    options: RenewBenchOptions,
    progress: impl Fn(BatchProgress) + Sync,
) -> Result<RenewBenchReport, RenewBenchError> {
    let source = admin.get_database().unwrap_or("prakan").to_string();
    let maintenance_pool = crate::db::admin_pool(admin.clone().database("postgres"), 1).await?;
    let mut maintenance = maintenance_pool.acquire().await?;
    let copying = Instant::now();
    execute(
        &mut maintenance,
        &format!("DROP DATABASE IF EXISTS {SCRATCH} WITH (FORCE)"),
    )
    .await?;
    // The source's name is the configured database's, quoted as an identifier.
    execute(
        &mut maintenance,
        &format!(
            "CREATE DATABASE {SCRATCH} TEMPLATE \"{}\" STRATEGY FILE_COPY",
            source.replace('"', "\"\"")
        ),
    )
    .await
    .map_err(RenewBenchError::Copy)?;
    let copy_seconds = copying.elapsed().as_secs_f64();

    let outcome = renew_in_copy(admin, options, &progress).await;
    execute(
        &mut maintenance,
        &format!("DROP DATABASE IF EXISTS {SCRATCH} WITH (FORCE)"),
    )
    .await?;
    drop(maintenance);
    let pgbench = match (&outcome, cluster) {
        (Ok(_), Some(cluster)) if options.pgbench_seconds > 0 => Some(
            super::pgbench::tpc_b(
                cluster,
                &maintenance_pool,
                options.pgbench_seconds,
                options.workers.max(1),
            )
            .await,
        ),
        _ => None,
    };
    maintenance_pool.close().await;

    let (policies_in_database, today, batch) = outcome?;
    let pgbench_tpcb = match pgbench {
        Some(Ok(figures)) => Some(figures),
        Some(Err(error)) => {
            tracing::warn!("pgbench failed: {error}");
            None
        }
        None => None,
    };
    let seconds = batch.elapsed.as_secs_f64().max(0.001);
    Ok(RenewBenchReport {
        policies_in_database,
        today,
        within_days: batch.within_days,
        candidates: batch.candidates,
        renewed: batch.renewed,
        referred: batch.referred,
        skipped_overlap: batch.skipped_overlap,
        skipped_taken: batch.skipped_taken,
        failed: batch.failed,
        workers: options.workers,
        chunk: options.chunk,
        seconds,
        policies_per_second: batch.done() as f64 / seconds,
        renewals_per_second: (batch.renewed + batch.referred) as f64 / seconds,
        copy_seconds,
        pgbench_tpcb,
        pgbench_clients: options.workers.max(1),
    })
}

async fn renew_in_copy(
    admin: &PgConnectOptions,
    options: RenewBenchOptions,
    progress: &(impl Fn(BatchProgress) + Sync),
) -> Result<(i64, NaiveDate, renewals::BatchReport), RenewBenchError> {
    let pool = crate::db::admin_pool(
        admin.clone().database(SCRATCH),
        options.workers.max(1) as u32 + 1,
    )
    .await?;
    let today = crate::i18n::format::bangkok_date(chrono::Utc::now());
    let policies_in_database: i64 = sqlx::query_scalar("SELECT count(*) FROM policies")
        .fetch_one(&pool)
        .await?;
    let within_days = horizon(&pool, today, options).await?;
    let batch_options = BatchOptions {
        within_days: Some(within_days),
        workers: options.workers.max(1),
        chunk: options.chunk.max(1),
        ..BatchOptions::new(today)
    };
    let cancel = AtomicBool::new(false);
    let batch = renewals::renew_batch(&pool, &batch_options, &cancel, progress)
        .await
        .map_err(|error| RenewBenchError::Renewal(error.to_string()))?;
    pool.close().await;
    if batch.candidates == 0 {
        return Err(RenewBenchError::NoData);
    }
    Ok((policies_in_database, today, batch))
}

/// The smallest horizon from `due_within` days that holds `policies` due policies (a year
/// at most).
async fn horizon(
    pool: &sqlx::PgPool,
    today: NaiveDate,
    options: RenewBenchOptions,
) -> Result<i64, RenewBenchError> {
    let count = |days: i64| async move {
        renewals::due_count(pool, Some(days), today)
            .await
            .map_err(|error| RenewBenchError::Renewal(error.to_string()))
    };
    let wanted = options.policies as i64;
    let mut low = options.due_within.clamp(0, MAX_HORIZON);
    if count(low).await? >= wanted {
        return Ok(low);
    }
    let mut high = MAX_HORIZON;
    if count(high).await? < wanted {
        return Ok(high);
    }
    // count(low) < wanted <= count(high)
    while high - low > 1 {
        let middle = (low + high) / 2;
        if count(middle).await? >= wanted {
            high = middle;
        } else {
            low = middle;
        }
    }
    Ok(high)
}

async fn execute(connection: &mut PgConnection, sql: &str) -> sqlx::Result<()> {
    sqlx::query(sqlx::AssertSqlSafe(sql.to_string()))
        .execute(connection)
        .await
        .map(|_| ())
}
