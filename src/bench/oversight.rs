//! `prakan bench oversight`: the auditor's and the administrator's screens at scale.
//!
//! - the five charts (`db::charts`) as an auditor, as the screen loads them: the SECURITY
//!   DEFINER function and the snapshot's age in one transaction. They answer from the
//!   chart's snapshot (migration 0029) once the warm-up has made it, so each is followed by
//!   `…-compute`: the computation itself (`chart_compute`, as the owner), what a refresh
//!   by `prakan db maintain`, or the first call after the snapshot aged, costs;
//! - the audit trail viewer's pages (`db::audit_trail::page`, 100 entries, newest first)
//!   as the same auditor: the first page without a filter, then by table, by staff
//!   member, by operation, by one record and by a 7-day range (values drawn from a fixed
//!   seed), and the page after the first (keyset);
//! - the health screen (`db::health::health`: the checks, the long-running queries, the
//!   slowest statements) as an administrator.
//!
//! Each is measured `iterations` times after a short warm-up, one at a time, on pools of
//! five connections like the program's, acting as the staff member (`SET SESSION
//! AUTHORIZATION`) so that their rights apply.
//!
//! `prakan seed --scale` loads with triggers off and leaves almost no audit trail, while an
//! insurer's trail holds tens of millions of rows after a busy year. `audit_rows` brings
//! the trail up to that many rows first (see `fill_trail`): synthetic rows made from the
//! trail's own entries, spread over the last 12 months, the audited tables and the staff,
//! marked `business_context = 'BENCH_AUDIT'`. They stay: a second run adds nothing.

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rand::rngs::SmallRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rust_decimal::Decimal;
use sqlx::PgPool;
use uuid::Uuid;

use super::{BenchError, Summary};
use crate::db::audit_trail::{self, AuditFilter, Cursor, OPERATIONS, PAGE_SIZE};
use crate::db::staff::{self, NewStaff};
use crate::db::{charts, health};
use crate::domain::staff::GroupRole;

/// What the product expects: a list answers a key within a frame or two, a chart or the
/// health screen within a second.
pub const TARGET_AUDIT_PAGE_P95_MS: f64 = 50.0;
pub const TARGET_CHART_P95_MS: f64 = 1_000.0;
pub const TARGET_HEALTH_P95_MS: f64 = 1_000.0;

/// The business context of the synthetic audit rows.
pub const SYNTHETIC_CONTEXT: &str = "BENCH_AUDIT";
/// Synthetic rows inserted per transaction.
const FILL_CHUNK: u64 = 100_000;
/// Connections per staff member, as the program's pool.
const CONNECTIONS: u32 = 5;

#[derive(Debug, Clone, Copy)]
pub struct OversightBenchOptions {
    /// Measured operations per measure.
    pub iterations: usize,
    /// Rows the audit trail should hold before measuring (0: as it is).
    pub audit_rows: u64,
}

impl Default for OversightBenchOptions {
    fn default() -> Self {
        OversightBenchOptions {
            iterations: 200,
            audit_rows: 0,
        }
    }
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct MeasureFigures {
    /// `chart-…`, `audit-…` or `health`.
    pub name: &'static str,
    /// `auditor` or `admin`.
    pub as_group: &'static str,
    /// Rows returned (chart rows, page entries, health checks), over the measured runs.
    pub rows_min: usize,
    pub rows_max: usize,
    pub summary: Summary,
    pub target_p95_ms: f64,
}

impl MeasureFigures {
    pub fn met(&self) -> bool {
        self.summary.p95_ms <= self.target_p95_ms
    }
}

/// What `audit_rows` added before measuring.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TrailFill {
    pub wanted: u64,
    /// Rows in the trail before.
    pub present: i64,
    pub added: u64,
    /// Monthly partitions created for the last 12 months.
    pub partitions_created: i64,
    pub insert_seconds: f64,
    pub vacuum_seconds: f64,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct OversightBenchReport {
    pub auditor: String,
    pub admin: String,
    /// Rows in the audit trail measured.
    pub audit_rows: i64,
    pub fill: Option<TrailFill>,
    pub measures: Vec<MeasureFigures>,
}

#[derive(Debug, Clone, Copy)]
enum Measure {
    ClaimsByStatus,
    ClaimsByStatusCompute,
    ClaimsAgeing,
    ClaimsAgeingCompute,
    PremiumWritten,
    PremiumWrittenCompute,
    LossRatio,
    LossRatioCompute,
    ReconciliationBacklog,
    ReconciliationBacklogCompute,
    AuditFirstPage,
    AuditByTable,
    AuditByStaff,
    AuditByOperation,
    AuditByRecord,
    AuditByDates,
    AuditNextPage,
    Health,
}

const MEASURES: [Measure; 18] = [
    Measure::ClaimsByStatus,
    Measure::ClaimsByStatusCompute,
    Measure::ClaimsAgeing,
    Measure::ClaimsAgeingCompute,
    Measure::PremiumWritten,
    Measure::PremiumWrittenCompute,
    Measure::LossRatio,
    Measure::LossRatioCompute,
    Measure::ReconciliationBacklog,
    Measure::ReconciliationBacklogCompute,
    Measure::AuditFirstPage,
    Measure::AuditByTable,
    Measure::AuditByStaff,
    Measure::AuditByOperation,
    Measure::AuditByRecord,
    Measure::AuditByDates,
    Measure::AuditNextPage,
    Measure::Health,
];

impl Measure {
    fn name(self) -> &'static str {
        match self {
            Measure::ClaimsByStatus => "chart-claims-by-status",
            Measure::ClaimsByStatusCompute => "chart-claims-by-status-compute",
            Measure::ClaimsAgeing => "chart-claims-ageing",
            Measure::ClaimsAgeingCompute => "chart-claims-ageing-compute",
            Measure::PremiumWritten => "chart-premium-written",
            Measure::PremiumWrittenCompute => "chart-premium-written-compute",
            Measure::LossRatio => "chart-loss-ratio",
            Measure::LossRatioCompute => "chart-loss-ratio-compute",
            Measure::ReconciliationBacklog => "chart-reconciliation-backlog",
            Measure::ReconciliationBacklogCompute => "chart-reconciliation-backlog-compute",
            Measure::AuditFirstPage => "audit-first-page",
            Measure::AuditByTable => "audit-by-table",
            Measure::AuditByStaff => "audit-by-staff",
            Measure::AuditByOperation => "audit-by-operation",
            Measure::AuditByRecord => "audit-by-record",
            Measure::AuditByDates => "audit-by-dates",
            Measure::AuditNextPage => "audit-next-page",
            Measure::Health => "health",
        }
    }

    /// A computation is held to a chart's target too: the first look after a snapshot aged
    /// (no cron) waits for it.
    fn target_p95_ms(self) -> f64 {
        match self {
            Measure::Health => TARGET_HEALTH_P95_MS,
            _ if self.chart().is_some() || self.computation().is_some() => TARGET_CHART_P95_MS,
            _ => TARGET_AUDIT_PAGE_P95_MS,
        }
    }

    /// `auditor`, `admin` or `owner`: whose pool runs it.
    fn as_group(self) -> &'static str {
        match self {
            Measure::Health => "admin",
            _ if self.computation().is_some() => "owner",
            _ => "auditor",
        }
    }

    /// The chart the screen loads.
    fn chart(self) -> Option<charts::Snapshot> {
        match self {
            Measure::ClaimsByStatus => Some(charts::CLAIMS_BY_STATUS),
            Measure::ClaimsAgeing => Some(charts::CLAIMS_AGEING),
            Measure::PremiumWritten => Some(charts::PREMIUM_WRITTEN),
            Measure::LossRatio => Some(charts::LOSS_RATIO),
            Measure::ReconciliationBacklog => Some(charts::RECONCILIATION_BACKLOG),
            _ => None,
        }
    }

    /// The chart whose computation is measured: `chart_compute(chart, months)`, which runs
    /// its `chart_…_compute` and makes the snapshot's JSON, as a refresh does.
    fn computation(self) -> Option<charts::Snapshot> {
        match self {
            Measure::ClaimsByStatusCompute => Some(charts::CLAIMS_BY_STATUS),
            Measure::ClaimsAgeingCompute => Some(charts::CLAIMS_AGEING),
            Measure::PremiumWrittenCompute => Some(charts::PREMIUM_WRITTEN),
            Measure::LossRatioCompute => Some(charts::LOSS_RATIO),
            Measure::ReconciliationBacklogCompute => Some(charts::RECONCILIATION_BACKLOG),
            _ => None,
        }
    }
}

/// The filters' values: what the viewer's pickers offer, and records that are in the trail.
struct Samples {
    tables: Vec<String>,
    staff: Vec<Uuid>,
    records: Vec<Uuid>,
    today: NaiveDate,
    /// Where the unfiltered first page ends.
    after_first: Cursor,
}

pub async fn run(
    owner: &PgPool,
    options: OversightBenchOptions,
    progress: impl Fn(&str),
) -> Result<OversightBenchReport, BenchError> {
    let fill = if options.audit_rows > 0 {
        Some(fill_trail(owner, options.audit_rows, &progress).await?)
    } else {
        None
    };
    let audit_rows: i64 = sqlx::query_scalar("SELECT count(*) FROM audit_logs")
        .fetch_one(owner)
        .await?;
    if audit_rows == 0 {
        return Err(BenchError::NoData("audit_logs"));
    }
    let auditor = staff_member(owner, GroupRole::Auditor, "napat", "bench_auditor").await?;
    let admin = staff_member(owner, GroupRole::Admin, "sudarat", "bench_admin").await?;
    let auditor_pool = super::pool_as(owner, &auditor, CONNECTIONS).await?;
    let admin_pool = super::pool_as(owner, &admin, CONNECTIONS).await?;
    let measured = async {
        let samples = samples(owner, &auditor_pool, audit_rows).await?;
        let mut rng = SmallRng::seed_from_u64(8);
        let mut measures = Vec::with_capacity(MEASURES.len());
        for measure in MEASURES {
            progress(&format!("oversight: {}", measure.name()));
            let pool = match measure.as_group() {
                "admin" => &admin_pool,
                "owner" => owner,
                _ => &auditor_pool,
            };
            measures
                .push(measure_one(pool, measure, &samples, &mut rng, options.iterations).await?);
        }
        Ok::<_, BenchError>(measures)
    };
    let measures = measured.await;
    auditor_pool.close().await;
    admin_pool.close().await;
    Ok(OversightBenchReport {
        auditor,
        admin,
        audit_rows,
        fill,
        measures: measures?,
    })
}

async fn measure_one(
    pool: &PgPool,
    measure: Measure,
    samples: &Samples,
    rng: &mut SmallRng,
    iterations: usize,
) -> Result<MeasureFigures, BenchError> {
    let iterations = iterations.max(1);
    let warmup = (iterations / 10).clamp(1, 20);
    let mut latencies: Vec<Duration> = Vec::with_capacity(iterations);
    let (mut rows_min, mut rows_max) = (usize::MAX, 0);
    let started = Instant::now();
    for i in 0..warmup + iterations {
        let (filter, after) = audit_input(measure, samples, rng);
        let begun = Instant::now();
        let rows = run_once(pool, measure, &filter, after).await?;
        if i >= warmup {
            latencies.push(begun.elapsed());
            rows_min = rows_min.min(rows);
            rows_max = rows_max.max(rows);
        }
    }
    Ok(MeasureFigures {
        name: measure.name(),
        as_group: measure.as_group(),
        rows_min,
        rows_max,
        summary: Summary::of(latencies, started.elapsed()),
        target_p95_ms: measure.target_p95_ms(),
    })
}

/// The filter and cursor of one audit page (none for the other measures).
fn audit_input(
    measure: Measure,
    samples: &Samples,
    rng: &mut SmallRng,
) -> (AuditFilter, Option<Cursor>) {
    let mut filter = AuditFilter::default();
    let mut after = None;
    match measure {
        Measure::AuditByTable => filter.table = samples.tables.choose(rng).cloned(),
        Measure::AuditByStaff => filter.staff = samples.staff.choose(rng).copied(),
        Measure::AuditByOperation => {
            filter.operation = OPERATIONS.choose(rng).map(|op| op.to_string())
        }
        Measure::AuditByRecord => filter.record = samples.records.choose(rng).copied(),
        Measure::AuditByDates => {
            let from = samples.today - chrono::Duration::days(rng.random_range(6..365));
            filter.from = Some(from);
            filter.to = Some(from + chrono::Duration::days(6));
        }
        Measure::AuditNextPage => after = Some(samples.after_first),
        _ => {}
    }
    (filter, after)
}

/// Runs one measure once; returns the rows it brought back.
async fn run_once(
    pool: &PgPool,
    measure: Measure,
    filter: &AuditFilter,
    after: Option<Cursor>,
) -> sqlx::Result<usize> {
    if let Some(snapshot) = measure.chart() {
        return load_chart(pool, measure, snapshot).await;
    }
    if let Some(snapshot) = measure.computation() {
        let rows: i32 = sqlx::query_scalar("SELECT jsonb_array_length(chart_compute($1, $2))")
            .bind(snapshot.chart)
            .bind(snapshot.months)
            .fetch_one(pool)
            .await?;
        return Ok(rows as usize);
    }
    Ok(match measure {
        Measure::Health => health::health(pool).await?.checks.len(),
        _ => audit_trail::page(pool, filter, after, PAGE_SIZE)
            .await?
            .entries
            .len(),
    })
}

/// A chart as the screen loads it (`screens::charts::work`): the figures and the snapshot's
/// age in one transaction.
async fn load_chart(
    pool: &PgPool,
    measure: Measure,
    snapshot: charts::Snapshot,
) -> sqlx::Result<usize> {
    let mut tx = pool.begin().await?;
    let rows = match measure {
        Measure::ClaimsByStatus => charts::claims_by_status(&mut *tx).await?.len(),
        Measure::ClaimsAgeing => charts::claims_ageing(&mut *tx).await?.len(),
        Measure::PremiumWritten => charts::premium_written(&mut *tx).await?.len(),
        Measure::LossRatio => charts::loss_ratio(&mut *tx).await?.len(),
        _ => charts::reconciliation_backlog(&mut *tx).await?.len(),
    };
    charts::freshness(&mut *tx, snapshot).await?;
    tx.commit().await?;
    Ok(rows)
}

async fn samples(owner: &PgPool, auditor: &PgPool, audit_rows: i64) -> Result<Samples, BenchError> {
    let tables = audit_trail::audited_tables(auditor).await?;
    let staff = audit_trail::staff(auditor)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    // About 20,000 rows of the trail, wherever they are in it.
    let percent = (2_000_000.0 / audit_rows as f64).clamp(0.01, 100.0);
    let records: Vec<Uuid> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT DISTINCT record_id FROM audit_logs TABLESAMPLE SYSTEM ({percent:.4}) LIMIT 5000"
    )))
    .fetch_all(owner)
    .await?;
    let first = audit_trail::page(auditor, &AuditFilter::default(), None, PAGE_SIZE).await?;
    let (Some(last), false) = (first.entries.last(), records.is_empty()) else {
        return Err(BenchError::NoData("audit_logs"));
    };
    let today: NaiveDate = sqlx::query_scalar("SELECT (now() AT TIME ZONE 'Asia/Bangkok')::date")
        .fetch_one(owner)
        .await?;
    Ok(Samples {
        tables,
        staff,
        records,
        today,
        after_first: last.cursor(),
    })
}

/// The demo's staff member of `group`, else the first active one, else `bench_name`
/// (created with an unknown password, as the demo creates its staff).
async fn staff_member(
    owner: &PgPool,
    group: GroupRole,
    demo_name: &str,
    bench_name: &str,
) -> sqlx::Result<String> {
    let found: Option<String> = sqlx::query_scalar(
        "SELECT username FROM users
          WHERE group_role = $1 AND account_status = 'ACTIVE' AND deleted_at IS NULL
          ORDER BY username <> $2, username LIMIT 1",
    )
    .bind(group.role_name())
    .bind(demo_name)
    .fetch_optional(owner)
    .await?;
    if let Some(username) = found {
        return Ok(username);
    }
    let password: String = rand::rng()
        .sample_iter(rand::distr::Alphanumeric)
        .take(24)
        .map(char::from)
        .collect();
    let mut tx = owner.begin().await?;
    staff::create(
        &mut tx,
        &NewStaff {
            username: bench_name,
            group,
            first_name: "ผู้ทดสอบ",
            last_name: "ระบบ",
            password: &password,
            authority_limit: Decimal::ZERO,
            email: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(bench_name.to_string())
}

/// Brings the audit trail up to `wanted` rows, as the cluster's owner.
///
/// The rows are copies of entries already in the trail (their table and the row's values,
/// so sizes and the mix of tables are the trail's own), each given a moment spread evenly
/// over the last 365 days, a staff member of the directory (round robin, scattered), an
/// operation (35 % INSERT, 60 % UPDATE of one field, 2 % DELETE, 2 % REVEAL, 1 % EXPORT)
/// and a synthetic record id shared by about five entries of one table. The monthly
/// partitions of the last 12 months are created first, as `prakan db maintain` would have
/// over the year. Inserted oldest first, 100,000 rows a transaction, then vacuumed and
/// analysed as autovacuum would.
async fn fill_trail(
    owner: &PgPool,
    wanted: u64,
    progress: &impl Fn(&str),
) -> Result<TrailFill, BenchError> {
    let present: i64 = sqlx::query_scalar("SELECT count(*) FROM audit_logs")
        .fetch_one(owner)
        .await?;
    let missing = wanted.saturating_sub(present.max(0) as u64);
    let mut fill = TrailFill {
        wanted,
        present,
        added: 0,
        partitions_created: 0,
        insert_seconds: 0.0,
        vacuum_seconds: 0.0,
    };
    if missing == 0 {
        return Ok(fill);
    }
    progress(&format!(
        "oversight: the audit trail holds {present} rows; adding {missing} synthetic rows ({SYNTHETIC_CONTEXT})"
    ));
    let started = Instant::now();
    let mut connection = owner.acquire().await?;
    fill.partitions_created = sqlx::query_scalar(
        "SELECT count(ensure_monthly_partition('audit_logs',
                    (date_trunc('month', now() AT TIME ZONE 'Asia/Bangkok')
                     - make_interval(months => m))::date))
           FROM generate_series(1, 12) AS m",
    )
    .fetch_one(&mut *connection)
    .await?;
    for statement in [
        "DROP TABLE IF EXISTS pg_temp.bench_audit_templates, pg_temp.bench_audit_staff",
        "CREATE TEMP TABLE bench_audit_templates AS
         SELECT (row_number() OVER () - 1)::bigint AS n, p.table_name, p.new_values,
                ARRAY(SELECT k FROM jsonb_object_keys(p.new_values) AS k
                       WHERE k NOT IN ('id', 'created_at', 'updated_at', 'created_by',
                                       'updated_by', 'version')
                       ORDER BY k) AS fields
           FROM (SELECT a.table_name, a.new_values
                   FROM audit_logs a
                  WHERE a.operation IN ('INSERT', 'UPDATE') AND a.new_values IS NOT NULL
                  ORDER BY random() LIMIT 20000) AS p",
        "CREATE TEMP TABLE bench_audit_staff AS
         SELECT (row_number() OVER (ORDER BY username) - 1)::bigint AS n, id, username,
                group_role
           FROM users WHERE deleted_at IS NULL AND username NOT LIKE 'bench\\_%'",
        "ANALYZE bench_audit_templates",
        "ANALYZE bench_audit_staff",
    ] {
        sqlx::query(statement).execute(&mut *connection).await?;
    }
    let (templates, staff): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM bench_audit_templates),
                (SELECT count(*) FROM bench_audit_staff)",
    )
    .fetch_one(&mut *connection)
    .await?;
    if templates == 0 || staff == 0 {
        return Err(BenchError::NoData("audit_logs"));
    }
    let records = (missing / 5).max(1) as i64;
    let chunks = missing.div_ceil(FILL_CHUNK);
    for chunk in 0..chunks {
        let first = chunk * FILL_CHUNK;
        let last = (first + FILL_CHUNK).min(missing) - 1;
        let mut tx = sqlx::Connection::begin(&mut *connection).await?;
        sqlx::query("SET LOCAL work_mem = '256MB'")
            .execute(&mut *tx)
            .await?;
        // Chunk k covers the k-th slice of the year, so each lands in one or two
        // partitions and in time order.
        sqlx::query(
            "INSERT INTO audit_logs (table_name, record_id, operation, old_values, new_values,
                                     changed_fields, user_id, db_user, user_role,
                                     business_context, logged_at)
             SELECT t.table_name,
                    md5(t.table_name || ':' || (g.i % $4))::uuid,
                    o.operation,
                    CASE WHEN o.operation IN ('UPDATE', 'DELETE') THEN t.new_values END,
                    CASE o.operation
                        WHEN 'INSERT' THEN t.new_values
                        WHEN 'UPDATE' THEN t.new_values
                             || jsonb_build_object(f.field, 'แก้ไข ' || g.i)
                    END,
                    CASE o.operation
                        WHEN 'INSERT' THEN t.fields
                        WHEN 'UPDATE' THEN ARRAY[f.field]
                    END,
                    s.id, s.username::text, s.group_role::text, $6,
                    now() - interval '365 days'
                        + (g.i + random()) * (interval '365 days' / $5)
               FROM generate_series($1::bigint, $2::bigint) AS g(i)
               JOIN bench_audit_templates t ON t.n = (g.i * 40503) % $3
               JOIN bench_audit_staff s
                 ON s.n = (g.i * 2654435761) % $7
              CROSS JOIN LATERAL (
                    SELECT CASE WHEN (g.i * 37) % 100 < 35 THEN 'INSERT'
                                WHEN (g.i * 37) % 100 < 95 THEN 'UPDATE'
                                WHEN (g.i * 37) % 100 < 97 THEN 'DELETE'
                                WHEN (g.i * 37) % 100 < 99 THEN 'REVEAL'
                                ELSE 'EXPORT' END AS operation) AS o
              CROSS JOIN LATERAL (
                    SELECT COALESCE(t.fields[1 + g.i % greatest(cardinality(t.fields), 1)],
                                    'status') AS field) AS f
              ORDER BY 11",
        )
        .bind(first as i64)
        .bind(last as i64)
        .bind(templates)
        .bind(records)
        .bind(missing as f64)
        .bind(SYNTHETIC_CONTEXT)
        .bind(staff)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        fill.added = last + 1;
        if chunk % 10 == 9 || chunk + 1 == chunks {
            progress(&format!(
                "oversight: {} of {missing} audit rows added ({:.0} s)",
                fill.added,
                started.elapsed().as_secs_f64()
            ));
        }
    }
    fill.insert_seconds = started.elapsed().as_secs_f64();
    progress("oversight: VACUUM (ANALYZE) audit_logs");
    let vacuum = Instant::now();
    sqlx::query("VACUUM (ANALYZE) audit_logs")
        .execute(&mut *connection)
        .await?;
    fill.vacuum_seconds = vacuum.elapsed().as_secs_f64();
    sqlx::query("DROP TABLE bench_audit_templates, bench_audit_staff")
        .execute(&mut *connection)
        .await?;
    Ok(fill)
}
