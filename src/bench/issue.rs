//! `prakan bench issue`: the issuance transaction (price on the server, referral rules,
//! policy, payment schedule, document row, audit) as an underwriter, one client for the
//! latency and four for the throughput, beside pgbench's TPC-B-like run with four clients.
//! The policies it issues start two years ahead (clear of the book's own cover) and are
//! removed again afterwards; their audit rows stay, as audit rows do.

use std::time::{Duration, Instant};

use chrono::{Datelike, NaiveDate};
use rust_decimal_macros::dec;
use sqlx::PgPool;
use uuid::Uuid;

use super::{BenchError, Summary};
use crate::db::policies::{IssueError, IssueOutcome, issue_new};
use crate::domain::policy::{Cover, PolicyDraft};
use crate::domain::premium::PolicyType;
use crate::domain::premium::instalments::{PaymentPlan, Remainder};

#[derive(Debug, Clone, serde::Serialize)]
pub struct IssueReport {
    /// The underwriter the policies were issued as.
    pub underwriter: String,
    pub policies_in_book: i64,
    /// One client: the latency of one issue.
    pub single: Summary,
    /// Several clients at once: the throughput.
    pub concurrent: Summary,
    pub clients: usize,
    /// Issues the referral rules sent to approval instead (still whole transactions).
    pub referred: usize,
}

/// Vehicles to insure: used personally, young enough for Class 1 without a referral;
/// sampled across a large table, all of them from a small one.
async fn sample_vehicles(
    pool: &PgPool,
    count: usize,
    start: NaiveDate,
) -> sqlx::Result<Vec<(Uuid, Uuid)>> {
    for sampling in ["TABLESAMPLE SYSTEM (20)", ""] {
        let found: Vec<(Uuid, Uuid)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT v.id, v.customer_id FROM customer_vehicles v {sampling}
              WHERE v.deleted_at IS NULL AND v.is_active AND v.usage_type = 'PERSONAL'
                AND v.vehicle_type <> 'MOTORCYCLE' AND v.year_of_manufacture >= $2
              LIMIT $1"
        )))
        .bind(count as i64)
        .bind(start.year() - 8)
        .fetch_all(pool)
        .await?;
        if found.len() >= count || sampling.is_empty() {
            return Ok(found);
        }
    }
    Ok(Vec::new())
}

fn draft(vehicle: (Uuid, Uuid), start: NaiveDate, plan: PaymentPlan) -> PolicyDraft {
    PolicyDraft {
        customer_id: vehicle.1,
        vehicle_id: vehicle.0,
        policy_type: PolicyType::Class1,
        sum_insured: Some(dec!(500000)),
        deductible: dec!(0),
        youngest_driver_age: None,
        cover: Cover {
            third_party_property: dec!(1000000),
            third_party_injury_per_person: dec!(500000),
            personal_accident: dec!(100000),
            medical: dec!(50000),
            bail_bond: dec!(200000),
        },
        start_date: start,
        period_months: 12,
        ncb_percent: 20,
        payment_plan: plan,
        remainder: Remainder::First,
        payment_method: "PROMPTPAY".into(),
        auto_renewal: true,
    }
}

pub async fn run(
    admin: &PgPool,
    iterations: usize,
    clients: usize,
) -> Result<IssueReport, BenchError> {
    let underwriter: Option<String> = sqlx::query_scalar(
        "SELECT username FROM users WHERE group_role = 'prakan_underwriter' AND deleted_at IS NULL
          ORDER BY authority_limit DESC LIMIT 1",
    )
    .fetch_optional(admin)
    .await?;
    let underwriter = underwriter.ok_or(BenchError::NoData("issue"))?;
    let start = crate::i18n::format::bangkok_date(chrono::Utc::now()) + chrono::Duration::days(730);
    let clients = clients.max(1);
    let vehicles = sample_vehicles(admin, iterations * 2, start).await?;
    if vehicles.len() < iterations * 2 {
        return Err(BenchError::NoData("issue"));
    }
    let policies_in_book: i64 = sqlx::query_scalar("SELECT count(*) FROM policies")
        .fetch_one(admin)
        .await?;
    let (single_set, concurrent_set) = vehicles.split_at(iterations);

    let mut issued = Vec::new();
    let mut referred = 0;
    let single_pool = super::pool_as(admin, &underwriter, 1).await?;
    let (single, ids, refs) = measure(&single_pool, single_set, start, 1).await;
    single_pool.close().await;
    issued.extend(ids);
    referred += refs;
    let concurrent_pool = super::pool_as(admin, &underwriter, clients as u32).await?;
    let (concurrent, ids, refs) = measure(&concurrent_pool, concurrent_set, start, clients).await;
    concurrent_pool.close().await;
    issued.extend(ids);
    referred += refs;
    remove(admin, &issued).await?;
    Ok(IssueReport {
        underwriter,
        policies_in_book,
        single: single?,
        concurrent: concurrent?,
        clients,
        referred,
    })
}

/// Issues one policy per vehicle, `clients` at a time.
async fn measure(
    pool: &PgPool,
    vehicles: &[(Uuid, Uuid)],
    start: NaiveDate,
    clients: usize,
) -> (Result<Summary, BenchError>, Vec<Uuid>, usize) {
    let started = Instant::now();
    let mut tasks = Vec::new();
    for chunk in vehicles.chunks(vehicles.len().div_ceil(clients).max(1)) {
        let pool = pool.clone();
        let chunk = chunk.to_vec();
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::with_capacity(chunk.len());
            let mut ids = Vec::with_capacity(chunk.len());
            let mut referred = 0;
            let mut failure = None;
            for (i, vehicle) in chunk.iter().enumerate() {
                let plan = if i % 3 == 0 {
                    PaymentPlan::Installment12
                } else {
                    PaymentPlan::Full
                };
                let begun = Instant::now();
                match issue_new(&pool, &draft(*vehicle, start, plan)).await {
                    Ok(IssueOutcome::Issued { policy_id, .. }) => ids.push(policy_id),
                    Ok(
                        IssueOutcome::Referred { policy_id, .. }
                        | IssueOutcome::Quoted { policy_id, .. },
                    ) => {
                        ids.push(policy_id);
                        referred += 1;
                    }
                    // A vehicle that already has cover then is refused, as it should be.
                    Err(IssueError::Overlap(_)) => continue,
                    Err(IssueError::Database(error)) => {
                        failure = Some(error);
                        break;
                    }
                    Err(other) => {
                        failure = Some(sqlx::Error::Protocol(format!("{other:?}")));
                        break;
                    }
                }
                latencies.push(begun.elapsed());
            }
            (latencies, ids, referred, failure)
        }));
    }
    let mut latencies: Vec<Duration> = Vec::new();
    let mut ids = Vec::new();
    let mut referred = 0;
    let mut failure = None;
    for task in tasks {
        match task.await {
            Ok((l, i, r, f)) => {
                latencies.extend(l);
                ids.extend(i);
                referred += r;
                failure = failure.or(f);
            }
            Err(error) => failure = Some(sqlx::Error::Protocol(error.to_string())),
        }
    }
    let summary = match failure {
        Some(error) => Err(BenchError::Database(error)),
        None => Ok(Summary::of(latencies, started.elapsed())),
    };
    (summary, ids, referred)
}

/// Removes what the benchmark issued: payments, documents, referrals, then the policies.
async fn remove(admin: &PgPool, policies: &[Uuid]) -> sqlx::Result<()> {
    let mut tx = admin.begin().await?;
    for table in ["payments", "policy_documents", "policy_referrals"] {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE policy_id = ANY($1)"
        )))
        .bind(policies)
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query("DELETE FROM policies WHERE id = ANY($1)")
        .bind(policies)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}
