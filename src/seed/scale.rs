//! `prakan seed --scale N`: N more customers with everything that hangs off them, loaded
//! with COPY in batches of whole customers, each batch one transaction, by as many workers
//! as there are cores. As superuser the load runs with triggers off (no audit rows for
//! synthetic data); the generator keeps every foreign key and constraint true by
//! construction, and CHECK constraints and unique indexes still apply.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use rand::SeedableRng;
use rand::rngs::SmallRng;
use sqlx::PgPool;

use super::synth::{Book, Numbering, StaffIds, SynthContext, add_customer};

pub const BATCH_CUSTOMERS: u64 = 5_000;

#[derive(Debug, Clone, Copy)]
pub struct ScaleProgress {
    pub customers_done: u64,
    pub customers_total: u64,
    pub rows: u64,
    pub elapsed: Duration,
}

impl ScaleProgress {
    pub fn rows_per_second(&self) -> f64 {
        self.rows as f64 / self.elapsed.as_secs_f64().max(0.001)
    }

    pub fn remaining(&self) -> Option<Duration> {
        if self.customers_done == 0 {
            return None;
        }
        let per_customer = self.elapsed.as_secs_f64() / self.customers_done as f64;
        Some(Duration::from_secs_f64(
            per_customer * (self.customers_total - self.customers_done) as f64,
        ))
    }
}

#[derive(Debug, Clone, Copy)]
pub struct ScaleReport {
    pub customers: u64,
    pub rows: u64,
    pub load: Duration,
    pub analyze: Duration,
    pub triggers_off: bool,
    pub cancelled: bool,
}

/// Loads `customers` more customers. `progress` is called after every batch; setting
/// `cancel` stops handing out batches (batches in flight finish, so none is left half done).
pub async fn seed(
    pool: &PgPool,
    customers: u64,
    now: DateTime<Utc>,
    cancel: Arc<AtomicBool>,
    progress: impl Fn(ScaleProgress) + Send + Sync + 'static,
) -> sqlx::Result<ScaleReport> {
    super::prepare_partitions(pool).await?;
    let mut connection = pool.acquire().await?;
    let staff = StaffIds::from_database(&mut connection).await?;
    let numbering = Numbering::from_database(&mut connection).await?;
    let first_index: i64 = sqlx::query_scalar("SELECT count(*) FROM customers")
        .fetch_one(&mut *connection)
        .await?;
    let triggers_off: bool =
        sqlx::query_scalar("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            .fetch_one(&mut *connection)
            .await?;
    drop(connection);

    let context = Arc::new(SynthContext::new(now, staff, numbering));
    let next_batch = Arc::new(AtomicU64::new(0));
    let done = Arc::new(AtomicU64::new(0));
    let rows = Arc::new(AtomicU64::new(0));
    let progress = Arc::new(progress);
    let started = Instant::now();
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .max(2);

    let mut tasks = Vec::new();
    for _ in 0..workers {
        let worker = Worker {
            pool: pool.clone(),
            context: context.clone(),
            next_batch: next_batch.clone(),
            done: done.clone(),
            rows: rows.clone(),
            cancel: cancel.clone(),
            first_index: first_index as u64,
            total: customers,
            triggers_off,
        };
        let progress = progress.clone();
        tasks.push(tokio::spawn(async move {
            worker
                .run(|customers_done, rows| {
                    progress(ScaleProgress {
                        customers_done,
                        customers_total: customers,
                        rows,
                        elapsed: started.elapsed(),
                    })
                })
                .await
        }));
    }
    for task in tasks {
        task.await
            .map_err(|e| sqlx::Error::Protocol(e.to_string()))??;
    }
    let load = started.elapsed();
    sqlx::query(
        "SELECT sync_policy_number_seq(), sync_claim_number_seq(), sync_receipt_counters()",
    )
    .execute(pool)
    .await?;

    let analyzing = Instant::now();
    if triggers_off {
        // The name dictionary is kept by a trigger, which the load ran without.
        sqlx::query("SELECT * FROM refresh_name_dictionary()")
            .execute(pool)
            .await?;
    }
    for table in [
        "name_dictionary",
        "customers",
        "customer_vehicles",
        "dlt_verifications",
        "consent_records",
        "policies",
        "policy_renewals",
        "claims",
        "claim_assessments",
        "payments",
        "claim_settlements",
        "payment_receipts",
    ] {
        sqlx::query(sqlx::AssertSqlSafe(format!("ANALYZE {table}")))
            .execute(pool)
            .await?;
    }
    Ok(ScaleReport {
        customers: done.load(Ordering::Relaxed),
        rows: rows.load(Ordering::Relaxed),
        load,
        analyze: analyzing.elapsed(),
        triggers_off,
        cancelled: cancel.load(Ordering::Relaxed),
    })
}

struct Worker {
    pool: PgPool,
    context: Arc<SynthContext>,
    next_batch: Arc<AtomicU64>,
    done: Arc<AtomicU64>,
    rows: Arc<AtomicU64>,
    cancel: Arc<AtomicBool>,
    first_index: u64,
    total: u64,
    triggers_off: bool,
}

impl Worker {
    async fn run(&self, report: impl Fn(u64, u64)) -> sqlx::Result<()> {
        loop {
            if self.cancel.load(Ordering::Relaxed) {
                return Ok(());
            }
            let start = self
                .next_batch
                .fetch_add(BATCH_CUSTOMERS, Ordering::Relaxed);
            if start >= self.total {
                return Ok(());
            }
            let count = BATCH_CUSTOMERS.min(self.total - start);
            let context = self.context.clone();
            let first = self.first_index + start;
            let mut book = tokio::task::spawn_blocking(move || generate(&context, first, count))
                .await
                .map_err(|e| sqlx::Error::Protocol(e.to_string()))?;

            let mut tx = self.pool.begin().await?;
            if self.triggers_off {
                sqlx::query("SET LOCAL session_replication_role = replica")
                    .execute(&mut *tx)
                    .await?;
            }
            sqlx::query("SELECT set_config('prakan.context', 'SCALE_SEED', true)")
                .execute(&mut *tx)
                .await?;
            let copied = book.copy_into(&mut tx).await?;
            tx.commit().await?;

            let done = self.done.fetch_add(count, Ordering::Relaxed) + count;
            let rows = self.rows.fetch_add(copied, Ordering::Relaxed) + copied;
            report(done, rows);
        }
    }
}

fn generate(context: &SynthContext, first_index: u64, count: u64) -> Book {
    let mut rng = SmallRng::seed_from_u64(first_index);
    let mut book = Book::new();
    for index in first_index..first_index + count {
        add_customer(context, &mut rng, index, &mut book);
    }
    book
}
