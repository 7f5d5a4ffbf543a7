//! `prakan bench claims`: the claim queues at scale, as adjusters use them.
//!
//! - the first page of every queue tab (`db::claim_queue::page`) as a demo adjuster, with
//!   his rights and row-level security: Unassigned, Mine, Awaiting approval, Investigation,
//!   All open, and All open with one filter at a time (a status, a type, a province, an
//!   amount or an age, drawn at random from a fixed seed);
//! - take-next (`db::claim_queue::take_next`) by several adjusters at once, each on a
//!   connection of their own as a different adjuster, counting collisions: a claim handed
//!   to two adjusters, or one not assigned to the adjuster it was handed to (there must be
//!   none);
//! - the claim screen's detail (`db::claims::detail`) of open claims drawn at random.
//!
//! **It changes the data.** Take-next needs unassigned reported claims: when there are
//! fewer than it will take, the missing ones are added first, in one set-based INSERT as
//! the cluster's owner, and they stay. The claims taken are handed back afterwards (as the
//! cluster's owner, whom the claims trigger does not check): REPORTED and unassigned again,
//! their take-next status history removed, so that a second run takes the same claims
//! again. The bench adjusters (`bench_adjuster_1` …) it creates the first time stay in the
//! staff directory, as do the audit rows of what it did.

use std::time::{Duration, Instant};

use rand::rngs::SmallRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rust_decimal::Decimal;
use sqlx::PgPool;
use uuid::Uuid;

use super::{BenchError, Summary};
use crate::db::claim_queue::{self, QueueFilter, QueueTab};
use crate::db::claims;
use crate::db::staff::{self, NewStaff};
use crate::domain::claim_flow::{ClaimStatus, ClaimType};
use crate::domain::staff::GroupRole;

/// Adjusters taking claims at once (the target is for eight).
pub const ADJUSTERS: usize = 8;
/// The bench's own adjusters are named this, then a number.
const BENCH_ADJUSTER: &str = "bench_adjuster_";
/// The demo adjusters the queue pages are read as, in order of preference.
const DEMO_ADJUSTERS: [&str; 3] = ["somchai", "pranee", "kittisak"];
const OPEN: &str = "status IN ('REPORTED', 'ASSIGNED', 'INVESTIGATING', 'ASSESSED', 'APPROVED')
                    AND deleted_at IS NULL";

#[derive(Debug, Clone, Copy)]
pub struct ClaimsBenchOptions {
    /// First pages loaded per tab.
    pub pages: usize,
    /// Claims taken by all the adjusters together.
    pub takes: usize,
    /// Adjusters taking at once.
    pub adjusters: usize,
    /// Claim details loaded.
    pub details: usize,
}

impl Default for ClaimsBenchOptions {
    fn default() -> Self {
        ClaimsBenchOptions {
            pages: 1_000,
            takes: 1_000,
            adjusters: ADJUSTERS,
            details: 1_000,
        }
    }
}

/// What the benchmark aims at (issue 6).
pub const TARGET_PAGE_P95_MS: f64 = 10.0;
pub const TARGET_TAKE_NEXT_P95_MS: f64 = 10.0;
pub const TARGET_DETAIL_P95_MS: f64 = 15.0;

#[derive(Debug, Clone, serde::Serialize)]
pub struct TabFigures {
    /// `claims-queue-…`
    pub name: &'static str,
    /// Rows on the first page (at most `claim_queue::PAGE`), over the loads.
    pub rows_min: usize,
    pub rows_max: usize,
    pub summary: Summary,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ClaimsBenchReport {
    /// Open claims (REPORTED … APPROVED) before the run: the scale the figures belong to.
    pub open_claims: i64,
    /// The demo adjuster the pages and details were read as.
    pub adjuster: String,
    pub tabs: Vec<TabFigures>,
    /// Unassigned reported claims before the run.
    pub unassigned_before: i64,
    /// Unassigned reported claims added for take-next (0 when there were enough).
    pub added_for_take_next: u64,
    pub adjusters: usize,
    pub take_next: Summary,
    /// Claims taken, warm-up included.
    pub taken: usize,
    /// Claims handed to two adjusters, or not assigned to the one they were handed to.
    pub collisions: usize,
    /// Claims handed back to the Unassigned queue afterwards.
    pub handed_back: u64,
    pub detail: Summary,
    pub targets_ms: Targets,
}

#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct Targets {
    pub page_p95: f64,
    pub take_next_p95: f64,
    pub detail_p95: f64,
}

pub async fn run(
    admin: &PgPool,
    options: ClaimsBenchOptions,
    progress: impl Fn(&str),
) -> Result<ClaimsBenchReport, BenchError> {
    let open_claims: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT count(*) FROM claims WHERE {OPEN}"
    )))
    .fetch_one(admin)
    .await?;
    if open_claims == 0 {
        return Err(BenchError::NoData("claims"));
    }
    let adjuster: Option<String> = sqlx::query_scalar(
        "SELECT username FROM users
          WHERE group_role = 'prakan_adjuster' AND account_status = 'ACTIVE' AND deleted_at IS NULL
            AND username NOT LIKE 'bench\\_%'
          ORDER BY array_position($1::text[], username::text) NULLS LAST, username
          LIMIT 1",
    )
    .bind(&DEMO_ADJUSTERS[..])
    .fetch_optional(admin)
    .await?;
    let adjuster = adjuster.ok_or(BenchError::NoData("claims"))?;
    // As many connections as the program's own pool: the detail's queries run side by side.
    let reader = super::pool_as(admin, &adjuster, 5).await?;

    progress("claims: queue first pages");
    let tabs = measure_tabs(admin, &reader, options.pages.max(1)).await;

    let take = async {
        let adjusters = bench_adjusters(admin, options.adjusters.max(1)).await?;
        // Claims an interrupted run left with the bench adjusters go back first.
        hand_back(admin, &adjusters).await?;
        let warmup = adjusters.len() * 2;
        let wanted = (options.takes.max(1) + warmup) as i64;
        let unassigned_before: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM claims
              WHERE status = 'REPORTED' AND adjuster_id IS NULL AND deleted_at IS NULL",
        )
        .fetch_one(admin)
        .await?;
        let added = if unassigned_before < wanted {
            progress(&format!(
                "claims: {unassigned_before} unassigned reported claims; adding {} for take-next",
                wanted - unassigned_before
            ));
            add_unassigned(admin, wanted - unassigned_before).await?
        } else {
            0
        };
        progress(&format!("claims: take-next × {}", adjusters.len()));
        let outcome = measure_take_next(admin, &adjusters, options.takes.max(1), 2).await;
        // Hand back whatever was taken, also when the run failed half-way.
        let handed_back = hand_back(admin, &adjusters).await?;
        let (summary, taken, collisions) = outcome?;
        Ok::<_, BenchError>((
            unassigned_before,
            added,
            adjusters.len(),
            summary,
            taken,
            collisions,
            handed_back,
        ))
    };
    let take = take.await;

    progress("claims: claim detail");
    let detail = measure_detail(admin, &reader, options.details.max(1)).await;
    reader.close().await;

    let (unassigned_before, added, adjusters, take_next, taken, collisions, handed_back) = take?;
    Ok(ClaimsBenchReport {
        open_claims,
        adjuster,
        tabs: tabs?,
        unassigned_before,
        added_for_take_next: added,
        adjusters,
        take_next,
        taken,
        collisions,
        handed_back,
        detail: detail?,
        targets_ms: Targets {
            page_p95: TARGET_PAGE_P95_MS,
            take_next_p95: TARGET_TAKE_NEXT_P95_MS,
            detail_p95: TARGET_DETAIL_P95_MS,
        },
    })
}

/// The All open tab's filters the benchmark tries, one at a time: every status, type and
/// province that open claims have, and a few amounts and ages.
async fn filters(admin: &PgPool) -> sqlx::Result<Vec<Vec<QueueFilter>>> {
    let provinces: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT DISTINCT incident_province_code FROM claims
          WHERE {OPEN} AND incident_province_code IS NOT NULL ORDER BY 1"
    )))
    .fetch_all(admin)
    .await?;
    let none = QueueFilter::default;
    Ok(vec![
        ClaimStatus::ALL
            .into_iter()
            .filter(|s| s.is_open())
            .map(|s| QueueFilter {
                status: Some(s),
                ..none()
            })
            .collect(),
        ClaimType::ALL
            .into_iter()
            .map(|t| QueueFilter {
                claim_type: Some(t),
                ..none()
            })
            .collect(),
        provinces
            .into_iter()
            .map(|p| QueueFilter {
                province_code: Some(p),
                ..none()
            })
            .collect(),
        [10_000, 50_000, 100_000, 500_000]
            .into_iter()
            .map(|a| QueueFilter {
                min_amount: Some(Decimal::from(a)),
                ..none()
            })
            .collect(),
        [7, 30, 90]
            .into_iter()
            .map(|d| QueueFilter {
                min_age_days: Some(d),
                ..none()
            })
            .collect(),
    ])
}

async fn measure_tabs(
    admin: &PgPool,
    reader: &PgPool,
    pages: usize,
) -> Result<Vec<TabFigures>, BenchError> {
    let filters = filters(admin).await?;
    let mut rng = SmallRng::seed_from_u64(6);
    let mut figures = Vec::new();
    let runs: [(&'static str, QueueTab, bool); 6] = [
        ("claims-queue-unassigned", QueueTab::Unassigned, false),
        ("claims-queue-mine", QueueTab::Mine, false),
        (
            "claims-queue-awaiting-approval",
            QueueTab::AwaitingApproval,
            false,
        ),
        ("claims-queue-investigation", QueueTab::Investigation, false),
        ("claims-queue-all-open", QueueTab::AllOpen, false),
        ("claims-queue-all-open-filtered", QueueTab::AllOpen, true),
    ];
    for (name, tab, filtered) in runs {
        let warmup = (pages / 10).clamp(1, 50);
        let mut latencies = Vec::with_capacity(pages);
        let (mut rows_min, mut rows_max) = (usize::MAX, 0);
        let started = Instant::now();
        for i in 0..warmup + pages {
            let filter = if filtered {
                filters
                    .choose(&mut rng)
                    .and_then(|kind| kind.choose(&mut rng))
                    .cloned()
                    .unwrap_or_default()
            } else {
                QueueFilter::default()
            };
            let begun = Instant::now();
            let rows = claim_queue::page(reader, tab, &filter).await?;
            if i >= warmup {
                latencies.push(begun.elapsed());
                rows_min = rows_min.min(rows.len());
                rows_max = rows_max.max(rows.len());
            }
        }
        figures.push(TabFigures {
            name,
            rows_min,
            rows_max,
            summary: Summary::of(latencies, started.elapsed()),
        });
    }
    Ok(figures)
}

/// The bench's adjusters, created the first time (as the demo creates its staff), with an
/// unknown random password: the benchmark acts as them through SET SESSION AUTHORIZATION.
async fn bench_adjusters(admin: &PgPool, count: usize) -> sqlx::Result<Vec<(Uuid, String)>> {
    let mut tx = admin.begin().await?;
    let mut adjusters = Vec::with_capacity(count);
    for n in 1..=count {
        let username = format!("{BENCH_ADJUSTER}{n}");
        let existing: Option<Uuid> = sqlx::query_scalar(
            "SELECT id FROM users WHERE username = $1 AND group_role = 'prakan_adjuster'
                AND account_status = 'ACTIVE' AND deleted_at IS NULL",
        )
        .bind(&username)
        .fetch_optional(&mut *tx)
        .await?;
        let id = match existing {
            Some(id) => id,
            None => {
                let password: String = rand::rng()
                    .sample_iter(rand::distr::Alphanumeric)
                    .take(24)
                    .map(char::from)
                    .collect();
                let last_name = format!("เบนช์ {n}");
                staff::create(
                    &mut tx,
                    &NewStaff {
                        username: &username,
                        group: GroupRole::Adjuster,
                        first_name: "ผู้ทดสอบ",
                        last_name: &last_name,
                        password: &password,
                        authority_limit: Decimal::from(100_000),
                        email: None,
                    },
                )
                .await?
            }
        };
        adjusters.push((id, username));
    }
    tx.commit().await?;
    Ok(adjusters)
}

/// Adds `count` reported, unassigned accident claims (a named other party, reported over
/// the last day) on policies in force, in one statement as the cluster's owner.
async fn add_unassigned(admin: &PgPool, count: i64) -> sqlx::Result<u64> {
    let mut tx = admin.begin().await?;
    sqlx::query(
        "SELECT set_config('prakan.context', 'BENCH_CLAIMS', true), sync_claim_number_seq()",
    )
    .execute(&mut *tx)
    .await?;
    let added = sqlx::query(
        "INSERT INTO claims (claim_number, policy_id, incident_date, reported_date, claim_type,
                             status, incident_description, damage_description,
                             incident_location, incident_province_code, estimated_amount,
                             own_damage_claimed, other_party_info, police_report_number)
         SELECT next_claim_number(r.reported), p.id, r.reported - interval '2 hours', r.reported,
                'ACCIDENT', 'REPORTED', 'ชนท้ายรถคันหน้าขณะรถติด', 'กันชนหน้า, ไฟหน้า',
                jsonb_build_object('description', 'ใกล้ทางแยก'), v.province_code,
                5000 + (p.n % 40) * 1000,
                p.policy_type NOT IN ('CMI', 'CLASS_2', 'CLASS_3'),
                jsonb_build_object('name', 'สมศักดิ์ มีทรัพย์', 'plate', '1กข ' || (1000 + p.n % 9000),
                                   'insurer', 'วิริยะประกันภัย', 'phone', '0812345678'),
                NULL
           FROM (SELECT id, vehicle_id, policy_type, row_number() OVER () AS n
                   FROM policies
                  WHERE status = 'ACTIVE' AND deleted_at IS NULL
                    AND start_date <= (now() AT TIME ZONE 'Asia/Bangkok')::date - 2
                    AND end_date > (now() AT TIME ZONE 'Asia/Bangkok')::date
                  LIMIT $1) p
           JOIN customer_vehicles v ON v.id = p.vehicle_id
          CROSS JOIN LATERAL (SELECT now() - p.n * interval '1 second' AS reported) r",
    )
    .bind(count)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    sqlx::query("ANALYZE claims").execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(added)
}

/// Hands the claims the bench adjusters hold back to the Unassigned queue as the cluster's
/// owner, and removes the status history take-next wrote for them. Returns how many went
/// back.
async fn hand_back(admin: &PgPool, adjusters: &[(Uuid, String)]) -> sqlx::Result<u64> {
    let ids: Vec<Uuid> = adjusters.iter().map(|(id, _)| *id).collect();
    let mut tx = admin.begin().await?;
    sqlx::query("SELECT set_config('prakan.context', 'BENCH_CLAIMS', true)")
        .execute(&mut *tx)
        .await?;
    let back: Vec<Uuid> = sqlx::query_scalar(
        "UPDATE claims SET status = 'REPORTED', adjuster_id = NULL, transition_reason = NULL
          WHERE status = 'ASSIGNED' AND adjuster_id = ANY($1)
          RETURNING id",
    )
    .bind(&ids)
    .fetch_all(&mut *tx)
    .await?;
    sqlx::query(
        "DELETE FROM claim_status_history
          WHERE claim_id = ANY($1) AND changed_by = ANY($2) AND to_status = 'ASSIGNED'",
    )
    .bind(&back)
    .bind(&ids)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(back.len() as u64)
}

/// Each adjuster on a connection of their own takes `warmup` claims unmeasured, then their
/// share of `takes`; all start together. Returns the latencies, the claims taken and the
/// collisions found.
async fn measure_take_next(
    admin: &PgPool,
    adjusters: &[(Uuid, String)],
    takes: usize,
    warmup: usize,
) -> Result<(Summary, usize, usize), BenchError> {
    let per_adjuster = takes.div_ceil(adjusters.len());
    let mut pools = Vec::with_capacity(adjusters.len());
    for (_, username) in adjusters {
        pools.push(super::pool_as(admin, username, 1).await?);
    }
    let start = std::sync::Arc::new(tokio::sync::Barrier::new(adjusters.len()));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for (pool, adjuster) in pools
        .iter()
        .cloned()
        .zip(adjusters.iter().map(|(id, _)| *id))
    {
        let start = start.clone();
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::with_capacity(per_adjuster);
            let mut taken = Vec::with_capacity(warmup + per_adjuster);
            start.wait().await;
            for i in 0..warmup + per_adjuster {
                let begun = Instant::now();
                let Some(claim) = claim_queue::take_next(&pool).await? else {
                    return Err(sqlx::Error::Protocol(
                        "the Unassigned queue ran dry during take-next".into(),
                    ));
                };
                if i >= warmup {
                    latencies.push(begun.elapsed());
                }
                taken.push((claim.id, adjuster));
            }
            Ok::<_, sqlx::Error>((latencies, taken))
        }));
    }
    let mut latencies: Vec<Duration> = Vec::new();
    let mut taken: Vec<(Uuid, Uuid)> = Vec::new();
    let mut failure = None;
    for task in tasks {
        match task.await {
            Ok(Ok((l, t))) => {
                latencies.extend(l);
                taken.extend(t);
            }
            Ok(Err(error)) => failure = failure.or(Some(error)),
            Err(error) => failure = failure.or(Some(sqlx::Error::Protocol(error.to_string()))),
        }
    }
    let wall = started.elapsed();
    for pool in pools {
        pool.close().await;
    }
    if let Some(error) = failure {
        return Err(error.into());
    }
    let collisions = collisions(admin, &taken).await?;
    Ok((Summary::of(latencies, wall), taken.len(), collisions))
}

/// Claims handed out twice, plus claims not assigned (ASSIGNED) to the adjuster they were
/// handed to.
async fn collisions(admin: &PgPool, taken: &[(Uuid, Uuid)]) -> sqlx::Result<usize> {
    let mut ids: Vec<Uuid> = taken.iter().map(|(id, _)| *id).collect();
    ids.sort_unstable();
    ids.dedup();
    let twice = taken.len() - ids.len();
    let (claims, takers): (Vec<Uuid>, Vec<Uuid>) = taken.iter().copied().unzip();
    let elsewhere: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM unnest($1::uuid[], $2::uuid[]) AS t(claim_id, taker)
           LEFT JOIN claims c ON c.id = t.claim_id
          WHERE c.adjuster_id IS DISTINCT FROM t.taker OR c.status IS DISTINCT FROM 'ASSIGNED'",
    )
    .bind(&claims)
    .bind(&takers)
    .fetch_one(admin)
    .await?;
    Ok(twice + elsewhere as usize)
}

async fn measure_detail(
    admin: &PgPool,
    reader: &PgPool,
    details: usize,
) -> Result<Summary, BenchError> {
    let sample: Vec<Uuid> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT id FROM claims WHERE {OPEN} ORDER BY random() LIMIT $1"
    )))
    .bind(details.min(10_000) as i64)
    .fetch_all(admin)
    .await?;
    if sample.is_empty() {
        return Err(BenchError::NoData("claims"));
    }
    let warmup = (details / 10).clamp(1, 50);
    let mut latencies = Vec::with_capacity(details);
    let started = Instant::now();
    for i in 0..warmup + details {
        let id = sample[(i * 7919) % sample.len()];
        let begun = Instant::now();
        let found = claims::detail(reader, id).await?;
        if found.is_none() {
            return Err(sqlx::Error::RowNotFound.into());
        }
        if i >= warmup {
            latencies.push(begun.elapsed());
        }
    }
    Ok(Summary::of(latencies, started.elapsed()))
}
