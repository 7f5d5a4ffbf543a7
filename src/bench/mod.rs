//! `prakan bench`: named scenarios run against a database (usually one loaded with
//! `prakan seed --scale`), reported as latency percentiles and throughput.

pub mod claims;
mod customer_lookup;
pub mod issue;
mod lookup;
pub mod oversight;
pub mod pgbench;
pub mod reconcile;
pub mod renew;
pub mod startup;
mod stats;

use std::time::{Duration, Instant};

use sqlx::PgPool;
use sqlx::postgres::PgPoolOptions;

use customer_lookup::Typed;
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
    /// The jump box, as an underwriter.
    Search(Typed),
    /// The customer 360, as an underwriter.
    Customer360,
}

impl ScenarioKind {
    /// Scenarios that run as a staff role rather than as the cluster's owner.
    fn as_underwriter(self) -> bool {
        matches!(self, ScenarioKind::Search(_) | ScenarioKind::Customer360)
    }
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
    Scenario {
        name: "lookup-national-id",
        description: crate::key!("bench-lookup-national-id"),
        kind: ScenarioKind::Search(Typed::NationalId),
    },
    Scenario {
        name: "lookup-phone",
        description: crate::key!("bench-lookup-phone"),
        kind: ScenarioKind::Search(Typed::Phone),
    },
    Scenario {
        name: "lookup-plate",
        description: crate::key!("bench-lookup-plate"),
        kind: ScenarioKind::Search(Typed::Plate),
    },
    Scenario {
        name: "lookup-policy",
        description: crate::key!("bench-lookup-policy"),
        kind: ScenarioKind::Search(Typed::Policy),
    },
    Scenario {
        name: "lookup-claim",
        description: crate::key!("bench-lookup-claim"),
        kind: ScenarioKind::Search(Typed::Claim),
    },
    Scenario {
        name: "lookup-receipt",
        description: crate::key!("bench-lookup-receipt"),
        kind: ScenarioKind::Search(Typed::Receipt),
    },
    Scenario {
        name: "lookup-email",
        description: crate::key!("bench-lookup-email"),
        kind: ScenarioKind::Search(Typed::Email),
    },
    Scenario {
        name: "lookup-name-typo",
        description: crate::key!("bench-lookup-name-typo"),
        kind: ScenarioKind::Search(Typed::NameWithTypo),
    },
    Scenario {
        name: "lookup-surname-typo",
        description: crate::key!("bench-lookup-surname-typo"),
        kind: ScenarioKind::Search(Typed::SurnameWithTypo),
    },
    Scenario {
        name: "customer-360",
        description: crate::key!("bench-customer-360"),
        kind: ScenarioKind::Customer360,
    },
];

/// Scenarios run together under one name: `prakan bench lookup`.
pub fn group(name: &str) -> Option<Vec<&'static Scenario>> {
    match name {
        "lookup" => Some(
            SCENARIOS
                .iter()
                .filter(|s| s.name.starts_with("lookup-") || s.name == "customer-360")
                .collect(),
        ),
        _ => None,
    }
}

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
        ScenarioKind::Search(typed) => customer_lookup::sample(pool, typed).await?,
        ScenarioKind::Customer360 => customer_lookup::sample_customers(pool).await?,
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
        let pool = task_pool(pool, scenario.kind).await?;
        let inputs = inputs.clone();
        let kind = scenario.kind;
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::with_capacity(per_task);
            for i in 0..warmup_per_task + per_task {
                let input = &inputs[(task * 7919 + i) % inputs.len()];
                let begun = Instant::now();
                run_once(&pool, kind, input).await?;
                if i >= warmup_per_task {
                    latencies.push(begun.elapsed());
                }
            }
            pool.close().await;
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

/// One connection for one task: as the cluster's owner for the raw lookups, as the
/// underwriter group role for the screen's own searches (so their privileges and
/// row-level security are what is measured).
async fn task_pool(pool: &PgPool, kind: ScenarioKind) -> sqlx::Result<PgPool> {
    let options = (*pool.connect_options()).clone();
    let mut builder = PgPoolOptions::new().max_connections(1).min_connections(1);
    if kind.as_underwriter() {
        builder = builder.after_connect(|connection, _| {
            Box::pin(async move {
                sqlx::query("SET ROLE prakan_underwriter")
                    .execute(connection)
                    .await
                    .map(|_| ())
            })
        });
    }
    builder.connect_with(options).await
}

async fn run_once(pool: &PgPool, kind: ScenarioKind, input: &[String]) -> sqlx::Result<()> {
    match kind {
        ScenarioKind::CustomerByNationalId | ScenarioKind::VehicleByPlate => {
            let mut connection = pool.acquire().await?;
            lookup::run_once(&mut connection, kind, input).await
        }
        ScenarioKind::Search(typed) => customer_lookup::search_once(pool, typed, &input[0]).await,
        ScenarioKind::Customer360 => customer_lookup::load_once(pool, &input[0]).await,
    }
}

/// A pool whose connections act as `username` (SET SESSION AUTHORIZATION needs the
/// cluster's owner, which the benchmarks connect as): their rights and row-level security
/// apply, and `session_user` and `current_staff_id()` are theirs, as in the program.
pub(crate) async fn pool_as(
    owner: &PgPool,
    username: &str,
    connections: u32,
) -> sqlx::Result<PgPool> {
    let options = (*owner.connect_options()).clone();
    let statement = format!(
        "SET SESSION AUTHORIZATION \"{}\"",
        username.replace('"', "")
    );
    PgPoolOptions::new()
        .max_connections(connections)
        .min_connections(connections)
        .after_connect(move |connection, _| {
            let statement = statement.clone();
            Box::pin(async move {
                sqlx::query(sqlx::AssertSqlSafe(statement))
                    .execute(connection)
                    .await
                    .map(|_| ())
            })
        })
        .connect_with(options)
        .await
}
