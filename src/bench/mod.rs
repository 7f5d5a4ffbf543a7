//! `prakan bench`: named scenarios run against a database (usually one loaded with
//! `prakan seed --scale`), reported as latency percentiles and throughput.

mod lookup;
pub mod startup;
mod stats;

use std::time::{Duration, Instant};

use sqlx::PgPool;

pub use stats::Summary;

/// A scenario: sample inputs once, then run one operation per input.
pub struct Scenario {
    pub name: &'static str,
    /// Message key of what the scenario measures.
    pub description: &'static str,
    kind: ScenarioKind,
}

#[derive(Clone, Copy)]
enum ScenarioKind {
    CustomerByNationalId,
    VehicleByPlate,
}

pub static SCENARIOS: &[Scenario] = &[
    Scenario {
        name: "customer-by-national-id",
        description: crate::key!("bench-customer-by-national-id"),
        kind: ScenarioKind::CustomerByNationalId,
    },
    Scenario {
        name: "vehicle-by-plate",
        description: crate::key!("bench-vehicle-by-plate"),
        kind: ScenarioKind::VehicleByPlate,
    },
];

pub fn find(name: &str) -> Option<&'static Scenario> {
    SCENARIOS.iter().find(|s| s.name == name)
}

#[derive(Debug, Clone, Copy)]
pub struct BenchOptions {
    /// Measured operations, after the warm-up.
    pub iterations: usize,
    /// Tasks running operations at once, each with its own connection.
    pub concurrency: usize,
    pub warmup: usize,
}

impl Default for BenchOptions {
    fn default() -> Self {
        BenchOptions {
            iterations: 10_000,
            concurrency: 1,
            warmup: 500,
        }
    }
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct BenchResult {
    pub scenario: &'static str,
    pub concurrency: usize,
    pub summary: Summary,
    /// Rows in the table the scenario searches: the scale the figures belong to.
    pub table_rows: i64,
}

impl BenchError {
    pub fn message(&self) -> crate::i18n::Message {
        match self {
            BenchError::NoData(scenario) => crate::msg!("bench-no-data", scenario = *scenario),
            BenchError::Database(error) => crate::db::error::message(error),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error("the database holds no data for {0}; load some with `prakan seed --scale N`")]
    NoData(&'static str),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Runs one scenario. `pool` must allow `concurrency` connections.
pub async fn run(
    pool: &PgPool,
    scenario: &Scenario,
    options: BenchOptions,
) -> Result<BenchResult, BenchError> {
    let inputs = match scenario.kind {
        ScenarioKind::CustomerByNationalId => lookup::sample_national_ids(pool).await?,
        ScenarioKind::VehicleByPlate => lookup::sample_plates(pool).await?,
    };
    if inputs.is_empty() {
        return Err(BenchError::NoData(scenario.name));
    }
    let table_rows = lookup::table_rows(pool, scenario.kind).await?;

    let concurrency = options.concurrency.max(1);
    let per_task = options.iterations.div_ceil(concurrency);
    let warmup_per_task = options.warmup.div_ceil(concurrency);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for task in 0..concurrency {
        let pool = pool.clone();
        let inputs = inputs.clone();
        let kind = scenario.kind;
        tasks.push(tokio::spawn(async move {
            let mut connection = pool.acquire().await?;
            let mut latencies = Vec::with_capacity(per_task);
            for i in 0..warmup_per_task + per_task {
                let input = &inputs[(task * 7919 + i) % inputs.len()];
                let begun = Instant::now();
                lookup::run_once(&mut connection, kind, input).await?;
                if i >= warmup_per_task {
                    latencies.push(begun.elapsed());
                }
            }
            Ok::<Vec<Duration>, sqlx::Error>(latencies)
        }));
    }
    let mut latencies = Vec::new();
    for task in tasks {
        latencies.extend(
            task.await
                .map_err(|e| sqlx::Error::Protocol(e.to_string()))??,
        );
    }
    Ok(BenchResult {
        scenario: scenario.name,
        concurrency,
        summary: Summary::of(latencies, started.elapsed()),
        table_rows,
    })
}
