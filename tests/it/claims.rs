//! Claims (issue 6) against a real PostgreSQL. First the rules `0021_claims.sql` holds for
//! everyone, psql included, tried in raw SQL as the staff member: the workflow's transitions
//! with their reasons, approval within authority, who assigns, what surveyors see, the cover
//! of each class, the fraud rules, settlement. Then the services on top (register, take-next,
//! assessment with optimistic locking, approval, settlement, live notifications).
//!
//! Claims in a given state are put there by the cluster owner (the system), whom the rules
//! do not check; every step under test is taken by a logged-in member of staff.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde_json::{Value, json};
use sqlx::types::Json;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use prakan::db::claim_queue::{self, QueueFilter, QueueTab};
use prakan::db::claim_work::{
    self, ApprovalOutcome, AssessmentDraft, PayeeType, RepairEstimate, SettlementDraft,
    SettlementType,
};
use prakan::db::claims::{self, CoverageProblem, RegisterError};
use prakan::db::customers::SaveError;
use prakan::domain::claim::{ClaimDraft, IncidentPlace, OtherParty};
use prakan::domain::claim_flow::{
    AssessmentType, ClaimStatus, ClaimType, DamageItem, RecommendedAction, RepairAction,
    TRANSITIONS,
};
use prakan::domain::premium::PremiumBreakdown;
use prakan::domain::staff::GroupRole;
use prakan::i18n::Lang;

use crate::fixtures::{self, date};
use crate::harness::{PASSWORD, TestDb, assert_refused_by, violation};

/// The incident of most claims here: a Monday morning in Bangkok, within the 2026 policies.
const INCIDENT: &str = "2026-06-01 10:00+07";

/// A member of staff logged in: their directory id and a pool connected as them.
struct Staff {
    id: Uuid,
    pool: PgPool,
}

async fn staff(db: &TestDb, group: GroupRole, limit: Decimal) -> Staff {
    let username = db.create_staff_with_limit(group, limit).await;
    let id = db.staff_id(&username).await;
    let pool = db.login(&username, PASSWORD).await.expect("log in");
    Staff { id, pool }
}

/// Customer number `n` with a pickup: (customer, vehicle).
async fn car(pool: &PgPool, n: u64) -> (Uuid, Uuid) {
    let customer = fixtures::customer(pool, n).await.expect("customer");
    let vehicle = fixtures::vehicle(pool, customer, &format!("ขค {n}"), "10")
        .await
        .expect("vehicle");
    (customer, vehicle)
}

/// A policy of `class` on the car over [start, end) with `status`: sum insured 500,000
/// (none for CMI) and the deductible given.
#[allow(clippy::too_many_arguments)]
async fn cover(
    pool: &PgPool,
    customer: Uuid,
    vehicle: Uuid,
    class: &str,
    start: NaiveDate,
    end: NaiveDate,
    status: &str,
    deductible: i64,
) -> Uuid {
    let premium = PremiumBreakdown::new(
        Decimal::from(if class == "CMI" { 900 } else { 15000 }),
        Decimal::ZERO,
    );
    sqlx::query_scalar(
        "INSERT INTO policies (policy_number, customer_id, vehicle_id, policy_type, coverage_details,
                               sum_insured, base_premium, discounts, stamp_duty, vat, total_premium,
                               start_date, end_date, status)
         VALUES ($1, $2, $3, $4, jsonb_build_object('deductible', $5::int),
                 CASE WHEN $4 = 'CMI' THEN NULL ELSE 500000 END, $6, $7, $8, $9, $10, $11, $12, $13)
         RETURNING id",
    )
    .bind(format!("T-{}", Uuid::new_v4()))
    .bind(customer)
    .bind(vehicle)
    .bind(class)
    .bind(deductible)
    .bind(premium.base)
    .bind(premium.discounts)
    .bind(premium.stamp_duty)
    .bind(premium.vat)
    .bind(premium.total)
    .bind(start)
    .bind(end)
    .bind(status)
    .fetch_one(pool)
    .await
    .expect("policy")
}

/// Customer `n`'s pickup with an ACTIVE Class 1 policy for 2026 (deductible as given):
/// (customer, vehicle, policy).
async fn class_1(pool: &PgPool, n: u64, deductible: i64) -> (Uuid, Uuid, Uuid) {
    let (customer, vehicle) = car(pool, n).await;
    let policy = cover(
        pool,
        customer,
        vehicle,
        "CLASS_1",
        date("2026-01-01"),
        date("2027-01-01"),
        "ACTIVE",
        0,
    )
    .await;
    if deductible != 0 {
        sqlx::query(
            "UPDATE policies SET coverage_details = jsonb_build_object('deductible', $2::int)
              WHERE id = $1",
        )
        .bind(policy)
        .bind(deductible)
        .execute(pool)
        .await
        .unwrap();
    }
    (customer, vehicle, policy)
}

/// A claim put in `status` by the system, with the adjuster given (if any) and an assessed
/// amount of 10,000; from APPROVED on also approved at 10,000.
async fn claim_in(pool: &PgPool, policy: Uuid, status: &str, adjuster: Option<Uuid>) -> Uuid {
    sqlx::query_scalar(
        "INSERT INTO claims (claim_number, policy_id, adjuster_id, incident_date, reported_date,
                             claim_type, status, incident_description, assessed_amount,
                             approved_amount)
         VALUES ('SYS-' || gen_random_uuid(), $1, $2, $3::timestamptz,
                 $3::timestamptz + interval '2 hours', 'ACCIDENT', $4, 'ชนท้ายที่แยกอโศก', 10000,
                 CASE WHEN $4 IN ('APPROVED', 'SETTLED', 'CLOSED') THEN 10000 END)
         RETURNING id",
    )
    .bind(policy)
    .bind(adjuster)
    .bind(INCIDENT)
    .bind(status)
    .fetch_one(pool)
    .await
    .expect("a claim put in place by the system")
}

/// An assessment of the claim by `assessor`, written by the system.
async fn add_assessment(pool: &PgPool, claim: Uuid, assessor: Uuid) {
    sqlx::query(
        "INSERT INTO claim_assessments (claim_id, assessor_id, assessor_type, assessment_date,
                                        assessment_type, damage_assessment, recommended_amount)
         VALUES ($1, $2, 'ADJUSTER', now(), 'INITIAL', '{\"items\": [], \"total\": 10000}', 10000)",
    )
    .bind(claim)
    .bind(assessor)
    .execute(pool)
    .await
    .expect("an assessment");
}

async fn version_of(pool: &PgPool, claim: Uuid) -> i32 {
    sqlx::query_scalar("SELECT version FROM claims WHERE id = $1")
        .bind(claim)
        .fetch_one(pool)
        .await
        .unwrap()
}

async fn status_of(pool: &PgPool, claim: Uuid) -> String {
    sqlx::query_scalar("SELECT status FROM claims WHERE id = $1")
        .bind(claim)
        .fetch_one(pool)
        .await
        .unwrap()
}

/// A claim's status history: (from, to, reason, by), oldest first.
type Change = (Option<String>, String, String, Option<Uuid>);

async fn history(pool: &PgPool, claim: Uuid) -> Vec<Change> {
    sqlx::query_as(
        "SELECT from_status, to_status, reason, changed_by FROM claim_status_history
          WHERE claim_id = $1 ORDER BY id",
    )
    .bind(claim)
    .fetch_all(pool)
    .await
    .unwrap()
}

fn change(from: Option<&str>, to: &str, reason: &str, by: Uuid) -> Change {
    (
        from.map(str::to_string),
        to.to_string(),
        reason.to_string(),
        Some(by),
    )
}

async fn bangkok_today(pool: &PgPool) -> NaiveDate {
    sqlx::query_scalar("SELECT (now() AT TIME ZONE 'Asia/Bangkok')::date")
        .fetch_one(pool)
        .await
        .unwrap()
}

/// A first notice of loss typed in raw SQL by a member of staff.
#[derive(Clone)]
struct Report {
    policy: Uuid,
    incident: String,
    /// Two hours after the incident unless given.
    reported: Option<String>,
    claim_type: &'static str,
    own_damage: bool,
    other_party: Option<Value>,
    estimated: Option<Decimal>,
    police_report: Option<&'static str>,
}

impl Report {
    fn of(policy: Uuid) -> Report {
        Report {
            policy,
            incident: INCIDENT.to_string(),
            reported: None,
            claim_type: "ACCIDENT",
            own_damage: true,
            other_party: None,
            estimated: Some(dec!(10000)),
            police_report: None,
        }
    }

    fn at(mut self, incident: &str) -> Report {
        self.incident = incident.to_string();
        self
    }

    fn reported(mut self, reported: &str) -> Report {
        self.reported = Some(reported.to_string());
        self
    }

    fn kind(mut self, claim_type: &'static str) -> Report {
        self.claim_type = claim_type;
        self
    }
}

/// What the database made of a report: its id and the fraud rules' verdict.
#[derive(Debug, PartialEq)]
struct Filed {
    id: Uuid,
    flags: Vec<String>,
    score: Decimal,
    investigate: bool,
}

async fn report<'e>(
    executor: impl sqlx::PgExecutor<'e>,
    report: &Report,
) -> Result<Filed, sqlx::Error> {
    let (id, Json(flags), score, investigate): (Uuid, Json<Vec<String>>, Decimal, bool) =
        sqlx::query_as(
            "INSERT INTO claims (claim_number, policy_id, incident_date, reported_date, claim_type,
                                 own_damage_claimed, other_party_info, estimated_amount,
                                 police_report_number, incident_description)
             VALUES (next_claim_number(now()), $1, $2::timestamptz,
                     COALESCE($3::timestamptz, $2::timestamptz + interval '2 hours'), $4, $5, $6,
                     $7, $8, 'รถเสียหาย')
             RETURNING id, fraud_flags, fraud_score, requires_investigation",
        )
        .bind(report.policy)
        .bind(&report.incident)
        .bind(&report.reported)
        .bind(report.claim_type)
        .bind(report.own_damage)
        .bind(&report.other_party)
        .bind(report.estimated)
        .bind(report.police_report)
        .fetch_one(executor)
        .await?;
    Ok(Filed {
        id,
        flags,
        score,
        investigate,
    })
}

fn flags(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

/// The DETAIL of a database error (the coverage problem's code).
fn detail(error: &sqlx::Error) -> Option<String> {
    error
        .as_database_error()
        .and_then(|db| db.try_downcast_ref::<sqlx::postgres::PgDatabaseError>())
        .and_then(|pg| pg.detail())
        .map(str::to_string)
}

// ---------------------------------------------------------------------------------------
// The workflow

#[tokio::test]
async fn the_rust_transition_list_is_the_database_s() {
    let db = TestDb::new().await;
    let adjuster = staff(&db, GroupRole::Adjuster, dec!(0)).await;
    let table: BTreeSet<(String, String)> =
        sqlx::query_as("SELECT from_status::text, to_status::text FROM claim_transitions")
            .fetch_all(&adjuster.pool)
            .await
            .unwrap()
            .into_iter()
            .collect();
    let rust: BTreeSet<(String, String)> = TRANSITIONS
        .iter()
        .map(|(from, to)| (from.as_db().to_string(), to.as_db().to_string()))
        .collect();
    assert_eq!(rust.len(), TRANSITIONS.len(), "no transition listed twice");
    assert_eq!(table, rust);
}

#[tokio::test]
async fn every_allowed_transition_succeeds_and_every_other_fails_in_raw_sql() {
    let db = TestDb::new().await;
    let adjuster = staff(&db, GroupRole::Adjuster, dec!(100000)).await;
    let (_, _, policy) = fixtures::insured_pickup(&db.pool, 1).await;
    let allowed: BTreeSet<(String, String)> =
        sqlx::query_as("SELECT from_status::text, to_status::text FROM claim_transitions")
            .fetch_all(&db.pool)
            .await
            .unwrap()
            .into_iter()
            .collect();
    assert_eq!(allowed.len(), 9);

    // A claim in every status for every target, each with what any move needs: an
    // adjuster, an assessment and assessed amount, and a paid settlement.
    let mut claims = Vec::new();
    for from in ClaimStatus::ALL {
        for to in ClaimStatus::ALL {
            let id = claim_in(&db.pool, policy, from.as_db(), Some(adjuster.id)).await;
            add_assessment(&db.pool, id, adjuster.id).await;
            claims.push(((from, to), id));
        }
    }
    sqlx::query(
        "INSERT INTO claim_settlements (claim_id, settlement_type, payee_type, payee_name,
                                        gross_amount, net_amount, at_fault, status, settled_at)
         SELECT id, 'REPAIR', 'REPAIR_SHOP', 'อู่ช่างเอก', 10000, 10000, false, 'PAID', now()
           FROM claims",
    )
    .execute(&db.pool)
    .await
    .unwrap();

    let mut wrong = Vec::new();
    let mut moved = 0;
    for ((from, to), id) in claims {
        let reason = format!("เหตุผล {} → {}", from.as_db(), to.as_db());
        let outcome = sqlx::query(
            "UPDATE claims
                SET status = $2, transition_reason = $3,
                    approved_amount = CASE WHEN $2 = 'APPROVED' THEN 10000 ELSE approved_amount END
              WHERE id = $1",
        )
        .bind(id)
        .bind(to.as_db())
        .bind(&reason)
        .execute(&adjuster.pool)
        .await;
        let status = status_of(&db.pool, id).await;
        let left: Option<String> =
            sqlx::query_scalar("SELECT transition_reason FROM claims WHERE id = $1")
                .bind(id)
                .fetch_one(&db.pool)
                .await
                .unwrap();
        let changes = history(&db.pool, id).await;
        let pair = (from.as_db().to_string(), to.as_db().to_string());
        let case = format!("{} → {}", from.as_db(), to.as_db());
        match outcome {
            Ok(done) if from == to => {
                if done.rows_affected() != 1 || !changes.is_empty() || status != from.as_db() {
                    wrong.push(format!("{case}: staying put is no change: {changes:?}"));
                }
            }
            Ok(_) if allowed.contains(&pair) => {
                moved += 1;
                let expected = vec![change(Some(from.as_db()), to.as_db(), &reason, adjuster.id)];
                if status != to.as_db() || changes != expected || left.is_some() {
                    wrong.push(format!(
                        "{case}: moved, but status {status}, history {changes:?}, reason left {left:?}"
                    ));
                }
            }
            Ok(_) => wrong.push(format!("{case}: accepted, but not an allowed transition")),
            Err(error) if from != to && !allowed.contains(&pair) => {
                if violation(&error).1.as_deref() != Some("chk_claims_transition")
                    || status != from.as_db()
                    || !changes.is_empty()
                {
                    wrong.push(format!("{case}: refused, but not as expected: {error}"));
                }
            }
            Err(error) => wrong.push(format!("{case}: refused: {error}")),
        }
    }
    assert!(wrong.is_empty(), "transitions:\n{}", wrong.join("\n"));
    assert_eq!(moved, 9);
}

#[tokio::test]
async fn a_status_change_needs_a_reason_and_the_history_keeps_it_with_who_gave_it() {
    let db = TestDb::new().await;
    let adjuster = staff(&db, GroupRole::Adjuster, dec!(0)).await;
    let (_, _, policy) = fixtures::insured_pickup(&db.pool, 1).await;

    // Reported by a member of staff: the history starts with REPORTED, by them.
    let filed = report(&adjuster.pool, &Report::of(policy)).await.unwrap();
    assert_eq!(
        history(&db.pool, filed.id).await,
        [change(None, "REPORTED", "รับแจ้ง · Reported", adjuster.id)]
    );
    sqlx::query(
        "UPDATE claims SET adjuster_id = $2, status = 'ASSIGNED', transition_reason = 'รับเรื่องเอง'
          WHERE id = $1",
    )
    .bind(filed.id)
    .bind(adjuster.id)
    .execute(&adjuster.pool)
    .await
    .expect("taken with a reason");

    let investigate = |reason: Option<&'static str>| {
        sqlx::query(
            "UPDATE claims SET status = 'INVESTIGATING', transition_reason = $2 WHERE id = $1",
        )
        .bind(filed.id)
        .bind(reason)
        .execute(&adjuster.pool)
    };
    assert_refused_by(investigate(None).await, "chk_claims_transition_reason");
    assert_refused_by(
        investigate(Some("   ")).await,
        "chk_claims_transition_reason",
    );
    assert_eq!(status_of(&db.pool, filed.id).await, "ASSIGNED");

    // A reason typed beforehand does not stay on the row for the next change.
    sqlx::query("UPDATE claims SET transition_reason = 'เตรียมไว้ก่อน' WHERE id = $1")
        .bind(filed.id)
        .execute(&adjuster.pool)
        .await
        .unwrap();
    assert_refused_by(investigate(None).await, "chk_claims_transition_reason");

    investigate(Some("  รอรูปความเสียหายจากอู่  "))
        .await
        .expect("a reason given");
    let (status, left): (String, Option<String>) =
        sqlx::query_as("SELECT status, transition_reason FROM claims WHERE id = $1")
            .bind(filed.id)
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!((status.as_str(), left), ("INVESTIGATING", None));
    assert_eq!(
        history(&db.pool, filed.id).await,
        [
            change(None, "REPORTED", "รับแจ้ง · Reported", adjuster.id),
            change(Some("REPORTED"), "ASSIGNED", "รับเรื่องเอง", adjuster.id),
            change(
                Some("ASSIGNED"),
                "INVESTIGATING",
                "รอรูปความเสียหายจากอู่",
                adjuster.id
            ),
        ]
    );

    // Other changes need no reason and leave no history.
    sqlx::query("UPDATE claims SET damage_description = 'กันชนหลังบุบ' WHERE id = $1")
        .bind(filed.id)
        .execute(&adjuster.pool)
        .await
        .expect("no status change, no reason needed");
    assert_eq!(history(&db.pool, filed.id).await.len(), 3);

    // Assessed only with an assessment and an assessed amount.
    let assess = || {
        sqlx::query(
            "UPDATE claims SET status = 'ASSESSED', assessed_amount = 12000,
                               transition_reason = 'ประเมินแล้ว'
              WHERE id = $1",
        )
        .bind(filed.id)
        .execute(&adjuster.pool)
    };
    assert_refused_by(assess().await, "chk_claims_assessed");
    add_assessment(&db.pool, filed.id, adjuster.id).await;
    assess().await.expect("assessed");
    let assessed_on: Option<NaiveDate> =
        sqlx::query_scalar("SELECT assessment_date FROM claims WHERE id = $1")
            .bind(filed.id)
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(assessed_on, Some(bangkok_today(&db.pool).await));
}

// ---------------------------------------------------------------------------------------
// Authority

#[tokio::test]
async fn approving_above_ones_authority_is_refused_in_raw_sql_and_an_approval_stays_as_made() {
    let db = TestDb::new().await;
    let junior = staff(&db, GroupRole::Adjuster, dec!(50000)).await;
    let senior = staff(&db, GroupRole::Adjuster, dec!(1000000)).await;
    let (_, _, policy) = fixtures::insured_pickup(&db.pool, 1).await;
    let claim = claim_in(&db.pool, policy, "ASSESSED", Some(junior.id)).await;
    add_assessment(&db.pool, claim, junior.id).await;

    let approve = async |pool: &PgPool, amount: Option<Decimal>| {
        sqlx::query(
            "UPDATE claims SET status = 'APPROVED', approved_amount = $2,
                               transition_reason = 'ซ่อมตามใบเสนอราคาอู่'
              WHERE id = $1",
        )
        .bind(claim)
        .bind(amount)
        .execute(pool)
        .await
    };
    let over = approve(&junior.pool, Some(dec!(50000.01))).await;
    assert_eq!(
        over.as_ref().map_err(violation).err(),
        Some((
            "42501".to_string(),
            Some("chk_claims_approval_authority".to_string())
        ))
    );
    assert_refused_by(
        approve(&junior.pool, Some(dec!(0))).await,
        "chk_claims_approved_amount",
    );
    assert_refused_by(
        approve(&junior.pool, None).await,
        "chk_claims_approved_amount",
    );
    // An amount is set only by approving.
    assert_refused_by(
        sqlx::query("UPDATE claims SET approved_amount = 100 WHERE id = $1")
            .bind(claim)
            .execute(&junior.pool)
            .await,
        "chk_claims_approved_amount_fixed",
    );
    let untouched: (String, Option<Decimal>, Option<Uuid>) =
        sqlx::query_as("SELECT status, approved_amount, approved_by FROM claims WHERE id = $1")
            .bind(claim)
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(untouched, ("ASSESSED".to_string(), None, None));

    approve(&junior.pool, Some(dec!(50000)))
        .await
        .expect("exactly the authority is within it");
    let approved: (String, Option<Decimal>, Option<Uuid>, Option<NaiveDate>) = sqlx::query_as(
        "SELECT status, approved_amount, approved_by, approval_date FROM claims WHERE id = $1",
    )
    .bind(claim)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        approved,
        (
            "APPROVED".to_string(),
            Some(dec!(50000)),
            Some(junior.id),
            Some(bangkok_today(&db.pool).await)
        )
    );
    assert_eq!(
        history(&db.pool, claim).await,
        [change(
            Some("ASSESSED"),
            "APPROVED",
            "ซ่อมตามใบเสนอราคาอู่",
            junior.id
        )]
    );

    // Nobody changes it afterwards, not even someone with more authority.
    for (pool, sql) in [
        (
            &junior.pool,
            "UPDATE claims SET approved_amount = 40000 WHERE id = $1",
        ),
        (
            &senior.pool,
            "UPDATE claims SET approved_amount = 60000 WHERE id = $1",
        ),
        (
            &senior.pool,
            "UPDATE claims SET approved_by = current_staff_id() WHERE id = $1",
        ),
        (
            &senior.pool,
            "UPDATE claims SET approved_amount = NULL WHERE id = $1",
        ),
    ] {
        assert_refused_by(
            sqlx::query(sql).bind(claim).execute(pool).await,
            "chk_claims_approved_amount_fixed",
        );
    }
    let amount: Option<Decimal> =
        sqlx::query_scalar("SELECT approved_amount FROM claims WHERE id = $1")
            .bind(claim)
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(amount, Some(dec!(50000)));
}

#[tokio::test]
async fn an_approval_over_authority_waits_for_someone_with_enough() {
    let db = TestDb::new().await;
    let junior = staff(&db, GroupRole::Adjuster, dec!(50000)).await;
    let senior = staff(&db, GroupRole::Adjuster, dec!(1000000)).await;
    let (_, _, policy) = fixtures::insured_pickup(&db.pool, 1).await;
    let claim = claim_in(&db.pool, policy, "ASSESSED", Some(junior.id)).await;
    add_assessment(&db.pool, claim, junior.id).await;

    // In raw SQL: only an assessed claim waits, for a positive amount; the request is stamped
    // with who asked and when.
    let investigating = claim_in(&db.pool, policy, "INVESTIGATING", Some(junior.id)).await;
    assert_refused_by(
        sqlx::query("UPDATE claims SET approval_requested_amount = 80000 WHERE id = $1")
            .bind(investigating)
            .execute(&junior.pool)
            .await,
        "chk_claims_approval_request",
    );
    assert_refused_by(
        sqlx::query("UPDATE claims SET approval_requested_amount = 0 WHERE id = $1")
            .bind(claim)
            .execute(&junior.pool)
            .await,
        "chk_claims_approval_requested_amount",
    );

    // Through the service: over the junior's authority it waits in Awaiting approval.
    let version = version_of(&db.pool, claim).await;
    let outcome = claim_work::approve(&junior.pool, claim, version, dec!(80000), "เกินวงเงิน")
        .await
        .expect("a request");
    let waiting_version = version_of(&db.pool, claim).await;
    assert_eq!(
        outcome,
        ApprovalOutcome::AwaitingApproval {
            version: waiting_version,
            authority: dec!(50000)
        }
    );
    let request: (String, Option<Decimal>, Option<Uuid>, bool) = sqlx::query_as(
        "SELECT status, approval_requested_amount, approval_requested_by,
                approval_requested_at IS NOT NULL
           FROM claims WHERE id = $1",
    )
    .bind(claim)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        request,
        (
            "ASSESSED".to_string(),
            Some(dec!(80000)),
            Some(junior.id),
            true
        )
    );
    let awaiting = claim_queue::page(
        &senior.pool,
        QueueTab::AwaitingApproval,
        &QueueFilter::default(),
    )
    .await
    .unwrap();
    assert_eq!(
        awaiting
            .iter()
            .map(|r| (r.id, r.approval_requested_amount))
            .collect::<Vec<_>>(),
        [(claim, Some(dec!(80000)))]
    );

    // The senior approves it: the request is done with.
    let outcome = claim_work::approve(
        &senior.pool,
        claim,
        waiting_version,
        dec!(80000),
        "อนุมัติตามที่ขอ",
    )
    .await
    .expect("approved");
    let approved_version = version_of(&db.pool, claim).await;
    assert_eq!(
        outcome,
        ApprovalOutcome::Approved {
            version: approved_version
        }
    );
    let approved: (
        String,
        Option<Decimal>,
        Option<Uuid>,
        Option<Decimal>,
        Option<Uuid>,
    ) = sqlx::query_as(
        "SELECT status, approved_amount, approved_by, approval_requested_amount,
                    approval_requested_by
               FROM claims WHERE id = $1",
    )
    .bind(claim)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        approved,
        (
            "APPROVED".to_string(),
            Some(dec!(80000)),
            Some(senior.id),
            None,
            None
        )
    );
    assert!(
        claim_queue::page(
            &senior.pool,
            QueueTab::AwaitingApproval,
            &QueueFilter::default()
        )
        .await
        .unwrap()
        .is_empty()
    );
}

// ---------------------------------------------------------------------------------------
// Assignment and surveyors

#[tokio::test]
async fn adjusters_take_unassigned_claims_and_only_seniors_assign_to_others() {
    let db = TestDb::new().await;
    let junior = staff(&db, GroupRole::Adjuster, dec!(100000)).await;
    // CLAIM_SENIOR_AUTHORITY is 500,000: exactly that is senior.
    let senior = staff(&db, GroupRole::Adjuster, dec!(500000)).await;
    let other = staff(&db, GroupRole::Adjuster, dec!(100000)).await;
    let surveyor = staff(&db, GroupRole::Surveyor, dec!(0)).await;
    let (_, _, policy) = fixtures::insured_pickup(&db.pool, 1).await;
    let mine = claim_in(&db.pool, policy, "REPORTED", None).await;
    let theirs = claim_in(&db.pool, policy, "REPORTED", None).await;

    let assign = async |pool: &PgPool, claim: Uuid, to: Option<Uuid>| {
        sqlx::query(
            "UPDATE claims
                SET adjuster_id = $2, transition_reason = 'มอบหมายงาน',
                    status = CASE WHEN status = 'REPORTED' AND $2::uuid IS NOT NULL
                                  THEN 'ASSIGNED' ELSE status END
              WHERE id = $1",
        )
        .bind(claim)
        .bind(to)
        .execute(pool)
        .await
    };
    let adjuster_of = |claim: Uuid| {
        sqlx::query_scalar::<_, Option<Uuid>>("SELECT adjuster_id FROM claims WHERE id = $1")
            .bind(claim)
            .fetch_one(&db.pool)
    };

    assign(&junior.pool, mine, Some(junior.id))
        .await
        .expect("a junior takes an unassigned claim for themselves");
    assert_eq!(adjuster_of(mine).await.unwrap(), Some(junior.id));
    assert_eq!(status_of(&db.pool, mine).await, "ASSIGNED");

    // A junior assigns nobody else, nor hands their claim on, nor drops it.
    for (claim, to) in [
        (theirs, Some(other.id)),
        (mine, Some(other.id)),
        (mine, None),
    ] {
        let refused = assign(&junior.pool, claim, to).await;
        assert_eq!(
            refused.map_err(|e| violation(&e)).err(),
            Some((
                "42501".to_string(),
                Some("chk_claims_assignment".to_string())
            ))
        );
    }
    // Nor takes a claim someone else has.
    let taken_by_other = claim_in(&db.pool, policy, "ASSIGNED", Some(other.id)).await;
    assert_refused_by(
        assign(&junior.pool, taken_by_other, Some(junior.id)).await,
        "chk_claims_assignment",
    );
    // Through the service the database says the same.
    let version = version_of(&db.pool, theirs).await;
    match claim_work::assign(&junior.pool, theirs, version, other.id, "ฝากงาน").await {
        Err(SaveError::Database(error)) => assert_eq!(
            violation(&error).1.as_deref(),
            Some("chk_claims_assignment")
        ),
        other => panic!("expected chk_claims_assignment, got {other:?}"),
    }
    assert_eq!(adjuster_of(theirs).await.unwrap(), None);

    // A senior assigns and reassigns, to active adjusters only.
    let version = version_of(&db.pool, theirs).await;
    claim_work::assign(&senior.pool, theirs, version, other.id, "กระจายงาน")
        .await
        .expect("a senior assigns");
    assert_eq!(adjuster_of(theirs).await.unwrap(), Some(other.id));
    assert_eq!(status_of(&db.pool, theirs).await, "ASSIGNED");
    assign(&senior.pool, mine, Some(other.id))
        .await
        .expect("a senior reassigns");
    assert_eq!(adjuster_of(mine).await.unwrap(), Some(other.id));
    assert_refused_by(
        assign(&senior.pool, mine, Some(surveyor.id)).await,
        "chk_claims_assignee",
    );
    // Assigned means with an adjuster.
    let reported = claim_in(&db.pool, policy, "REPORTED", None).await;
    assert_refused_by(
        sqlx::query(
            "UPDATE claims SET status = 'ASSIGNED', transition_reason = 'ไม่มีผู้รับ' WHERE id = $1",
        )
        .bind(reported)
        .execute(&senior.pool)
        .await,
        "chk_claims_assignee",
    );
    assert_eq!(
        history(&db.pool, theirs).await,
        [change(Some("REPORTED"), "ASSIGNED", "กระจายงาน", senior.id)]
    );
}

#[tokio::test]
async fn a_surveyor_sees_only_the_claims_they_were_sent_to_and_changes_none() {
    let db = TestDb::new().await;
    let adjuster = staff(&db, GroupRole::Adjuster, dec!(100000)).await;
    let surveyor = staff(&db, GroupRole::Surveyor, dec!(0)).await;
    let other_surveyor = staff(&db, GroupRole::Surveyor, dec!(0)).await;
    let (_, _, policy) = fixtures::insured_pickup(&db.pool, 1).await;
    let (_, _, other_policy) = fixtures::insured_pickup(&db.pool, 2).await;
    let sent = report(&adjuster.pool, &Report::of(policy))
        .await
        .unwrap()
        .id;
    report(&adjuster.pool, &Report::of(other_policy))
        .await
        .unwrap();

    let send = |claim: Uuid, to: Uuid| {
        sqlx::query("UPDATE claims SET surveyor_id = $2 WHERE id = $1")
            .bind(claim)
            .bind(to)
            .execute(&adjuster.pool)
    };
    assert_refused_by(send(sent, adjuster.id).await, "chk_claims_surveyor");
    let version = version_of(&db.pool, sent).await;
    claim_work::send_surveyor(&adjuster.pool, sent, version, surveyor.id)
        .await
        .expect("a surveyor is sent");

    let visible: Vec<Uuid> = sqlx::query_scalar("SELECT id FROM claims")
        .fetch_all(&surveyor.pool)
        .await
        .unwrap();
    assert_eq!(visible, [sent]);
    let their_history: Vec<Uuid> = sqlx::query_scalar("SELECT claim_id FROM claim_status_history")
        .fetch_all(&surveyor.pool)
        .await
        .unwrap();
    assert_eq!(their_history, [sent]);
    let others: i64 = sqlx::query_scalar("SELECT count(*) FROM claims")
        .fetch_one(&other_surveyor.pool)
        .await
        .unwrap();
    assert_eq!(others, 0);
    let mine = claim_queue::page(&surveyor.pool, QueueTab::Mine, &QueueFilter::default())
        .await
        .unwrap();
    assert_eq!(mine.iter().map(|r| r.id).collect::<Vec<_>>(), [sent]);
    // They open the claim they were sent to; its payouts are not theirs to read.
    let detail = prakan::db::claims::detail(&surveyor.pool, sent)
        .await
        .expect("a surveyor opens the claim they were sent to")
        .expect("visible");
    assert_eq!(detail.facts.id, sent);
    assert_eq!(detail.settlements, None);
    let as_adjuster = prakan::db::claims::detail(&adjuster.pool, sent)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(as_adjuster.settlements, Some(Vec::new()));

    for sql in [
        "UPDATE claims SET damage_description = 'แก้โดยผู้สำรวจ' WHERE id = $1",
        "UPDATE claims SET status = 'ASSIGNED', transition_reason = 'x' WHERE id = $1",
    ] {
        let error = sqlx::query(sql)
            .bind(sent)
            .execute(&surveyor.pool)
            .await
            .unwrap_err();
        assert_eq!(violation(&error).0, "42501", "{sql}: {error}");
    }
    let error = report(&surveyor.pool, &Report::of(policy))
        .await
        .unwrap_err();
    assert_eq!(violation(&error).0, "42501");
    let untouched: (Option<String>, i64) = sqlx::query_as(
        "SELECT damage_description, (SELECT count(*) FROM claims) FROM claims WHERE id = $1",
    )
    .bind(sent)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(untouched, (None, 2));
}

// ---------------------------------------------------------------------------------------
// Take-next

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn take_next_with_eight_adjusters_at_once_hands_out_each_claim_exactly_once() {
    let db = TestDb::new().await;
    let (_, _, policy) = fixtures::insured_pickup(&db.pool, 1).await;
    sqlx::query(
        "INSERT INTO claims (claim_number, policy_id, incident_date, reported_date, claim_type,
                             incident_description)
         SELECT 'CL-Q-' || lpad(g::text, 4, '0'), $1, timestamptz '2026-06-01 10:00+07',
                timestamptz '2026-06-01 10:00+07' + g * interval '1 minute', 'ACCIDENT', 'ชน'
           FROM generate_series(1, 1000) g",
    )
    .bind(policy)
    .execute(&db.pool)
    .await
    .unwrap();
    let mut adjusters = Vec::new();
    for _ in 0..8 {
        adjusters.push(staff(&db, GroupRole::Adjuster, dec!(0)).await);
    }

    // The oldest first.
    let first = claim_queue::take_next(&adjusters[0].pool)
        .await
        .unwrap()
        .expect("a claim");
    assert_eq!(first.claim_number, "CL-Q-0001");
    let mut taken_by: BTreeMap<Uuid, Uuid> = BTreeMap::from([(first.id, adjusters[0].id)]);

    let tasks: Vec<_> = adjusters
        .iter()
        .map(|adjuster| {
            let pool = adjuster.pool.clone();
            let id = adjuster.id;
            tokio::spawn(async move {
                let mut taken = Vec::new();
                while let Some(claim) = claim_queue::take_next(&pool).await.expect("take-next") {
                    taken.push(claim.id);
                }
                (id, taken)
            })
        })
        .collect();
    let mut takers_with_claims = 0;
    for task in tasks {
        let (adjuster, taken) = task.await.unwrap();
        takers_with_claims += usize::from(!taken.is_empty());
        for claim in taken {
            if let Some(earlier) = taken_by.insert(claim, adjuster) {
                panic!("claim {claim} handed out twice (to {earlier} and {adjuster})");
            }
        }
    }
    assert_eq!(taken_by.len(), 1000, "every claim handed out");
    assert!(takers_with_claims > 1, "the adjusters really took at once");

    let stored: BTreeMap<Uuid, Uuid> = sqlx::query_as::<_, (Uuid, Uuid)>(
        "SELECT id, adjuster_id FROM claims WHERE status = 'ASSIGNED'",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap()
    .into_iter()
    .collect();
    assert_eq!(stored, taken_by, "each assigned to whoever took it");
    let histories: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM claim_status_history h JOIN claims c ON c.id = h.claim_id
          WHERE h.from_status = 'REPORTED' AND h.to_status = 'ASSIGNED'
            AND h.changed_by = c.adjuster_id AND btrim(h.reason) <> ''",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(histories, 1000);
    assert_eq!(
        claim_queue::take_next(&adjusters[3].pool).await.unwrap(),
        None
    );
}

// ---------------------------------------------------------------------------------------
// Coverage

const CLASSES: [&str; 6] = [
    "CMI",
    "CLASS_1",
    "CLASS_2_PLUS",
    "CLASS_2",
    "CLASS_3_PLUS",
    "CLASS_3",
];

/// DOMAIN §2, written out again: what each class pays for.
fn expected_cover(
    class: &str,
    claim_type: &str,
    own_damage: bool,
    named: bool,
) -> Option<&'static str> {
    if !own_damage {
        // Third party and injury: every class has it, CMI included, for accidents.
        return (claim_type != "ACCIDENT").then_some("THIRD_PARTY_ONLY_FOR_ACCIDENTS");
    }
    let theft_or_fire = matches!(claim_type, "THEFT" | "FIRE");
    match (class, claim_type) {
        ("CLASS_1", _) => None,
        ("CMI", _) => Some("CMI_NO_OWN_DAMAGE"),
        ("CLASS_2_PLUS" | "CLASS_2", _) if theft_or_fire => None,
        ("CLASS_3_PLUS" | "CLASS_3", _) if theft_or_fire => Some("NO_THEFT_OR_FIRE"),
        ("CLASS_2_PLUS" | "CLASS_3_PLUS", "ACCIDENT") if named => None,
        ("CLASS_2_PLUS" | "CLASS_3_PLUS", "ACCIDENT") => Some("NEEDS_COUNTERPARTY"),
        ("CLASS_2" | "CLASS_3", "ACCIDENT") => Some("NO_OWN_COLLISION_DAMAGE"),
        _ => Some("CLASS_1_ONLY"),
    }
}

#[tokio::test]
async fn each_class_covers_what_domain_2_says_both_asked_and_on_insert() {
    let db = TestDb::new().await;
    let adjuster = staff(&db, GroupRole::Adjuster, dec!(0)).await;
    let mut policies = Vec::new();
    for (n, class) in (1..).zip(CLASSES) {
        let (customer, vehicle) = car(&db.pool, n).await;
        let policy = cover(
            &db.pool,
            customer,
            vehicle,
            class,
            date("2026-01-01"),
            date("2027-01-01"),
            "ACTIVE",
            0,
        )
        .await;
        policies.push((class, policy));
    }
    // Named by name or by plate; an insurer and phone alone, or a blank name, name nobody.
    let counterparties = [
        (
            true,
            Some(json!({"name": "สมชาย ใจดี", "insurer": "วิริยะประกันภัย"})),
        ),
        (true, Some(json!({"name": " ", "plate": "1กข 1234"}))),
        (false, None),
        (
            false,
            Some(json!({"name": "  ", "insurer": "วิริยะประกันภัย", "phone": "0812345678"})),
        ),
    ];

    let mut wrong = Vec::new();
    let mut cases = 0;
    for (class, policy) in &policies {
        for claim_type in ClaimType::ALL.map(ClaimType::as_db) {
            for own_damage in [true, false] {
                for (named, other_party) in &counterparties {
                    cases += 1;
                    let expected = expected_cover(class, claim_type, own_damage, *named);
                    let case = format!(
                        "{class} {claim_type} own damage {own_damage} counterparty {other_party:?}"
                    );
                    let asked: Option<String> = sqlx::query_scalar(
                        "SELECT claim_coverage_problem($1, $2::timestamptz, $3, $4, $5)",
                    )
                    .bind(policy)
                    .bind(INCIDENT)
                    .bind(claim_type)
                    .bind(own_damage)
                    .bind(other_party)
                    .fetch_one(&adjuster.pool)
                    .await
                    .unwrap();
                    if asked.as_deref() != expected {
                        wrong.push(format!("{case}: asked {asked:?}, expected {expected:?}"));
                    }
                    if let Some(code) = expected
                        && CoverageProblem::from_code(code).is_none()
                    {
                        wrong.push(format!("{case}: {code} unknown to CoverageProblem"));
                    }

                    let mut tx = adjuster.pool.begin().await.unwrap();
                    let mut typed = Report::of(*policy).kind(claim_type);
                    typed.own_damage = own_damage;
                    typed.other_party = other_party.clone();
                    let inserted = report(&mut *tx, &typed).await;
                    tx.rollback().await.unwrap();
                    match (expected, inserted) {
                        (None, Ok(_)) => {}
                        (Some(code), Err(error))
                            if violation(&error).1.as_deref() == Some("chk_claims_coverage")
                                && detail(&error).as_deref() == Some(code) => {}
                        (expected, outcome) => wrong.push(format!(
                            "{case}: insert gave {:?}, expected {expected:?}",
                            outcome.map(|f| f.id).map_err(|e| e.to_string())
                        )),
                    }
                }
            }
        }
    }
    assert_eq!(cases, 6 * 6 * 2 * 4);
    assert!(wrong.is_empty(), "coverage:\n{}", wrong.join("\n"));
}

#[tokio::test]
async fn a_policy_covers_only_incidents_while_it_is_in_force() {
    let db = TestDb::new().await;
    let adjuster = staff(&db, GroupRole::Adjuster, dec!(0)).await;
    let (_, _, active) = class_1(&db.pool, 1, 0).await;
    let (customer, vehicle) = car(&db.pool, 2).await;
    let expired = cover(
        &db.pool,
        customer,
        vehicle,
        "CLASS_1",
        date("2025-01-01"),
        date("2026-01-01"),
        "EXPIRED",
        0,
    )
    .await;
    let (_, _, cancelled) = class_1(&db.pool, 3, 0).await;
    sqlx::query(
        "UPDATE policies SET status = 'CANCELLED', cancelled_at = '2026-06-01 12:00+07' WHERE id = $1",
    )
    .bind(cancelled)
    .execute(&db.pool)
    .await
    .unwrap();
    let (customer, vehicle) = car(&db.pool, 4).await;
    let draft = cover(
        &db.pool,
        customer,
        vehicle,
        "CLASS_1",
        date("2026-01-01"),
        date("2027-01-01"),
        "DRAFT",
        0,
    )
    .await;
    // A policy around today, for an incident tomorrow.
    let today = Utc::now().date_naive();
    let (customer, vehicle) = car(&db.pool, 5).await;
    let current = cover(
        &db.pool,
        customer,
        vehicle,
        "CLASS_1",
        today - chrono::Days::new(100),
        today + chrono::Days::new(265),
        "ACTIVE",
        0,
    )
    .await;
    let tomorrow = (Utc::now() + chrono::Duration::days(1)).to_rfc3339();

    let cases: Vec<(&str, Uuid, String, Option<&str>)> = vec![
        (
            "before the start",
            active,
            "2025-12-31 23:59+07".into(),
            Some("NOT_IN_FORCE"),
        ),
        (
            "the first Bangkok minute (still the 31st in UTC)",
            active,
            "2025-12-31 17:01+00".into(),
            None,
        ),
        (
            "the last day of an expired policy",
            expired,
            "2025-12-31 23:00+07".into(),
            None,
        ),
        (
            "the day it ended",
            expired,
            "2026-01-01 00:30+07".into(),
            Some("NOT_IN_FORCE"),
        ),
        (
            "an hour before the cancellation",
            cancelled,
            "2026-06-01 11:00+07".into(),
            None,
        ),
        (
            "at the cancellation",
            cancelled,
            "2026-06-01 12:00+07".into(),
            Some("NOT_IN_FORCE"),
        ),
        (
            "months after the cancellation",
            cancelled,
            "2026-09-01 09:00+07".into(),
            Some("NOT_IN_FORCE"),
        ),
        ("a quote", draft, INCIDENT.into(), Some("NOT_IN_FORCE")),
        (
            "no such policy",
            Uuid::new_v4(),
            INCIDENT.into(),
            Some("NO_POLICY"),
        ),
        (
            "tomorrow",
            current,
            tomorrow.clone(),
            Some("INCIDENT_IN_FUTURE"),
        ),
    ];
    let mut wrong = Vec::new();
    for (case, policy, incident, expected) in cases {
        let asked: Option<String> = sqlx::query_scalar(
            "SELECT claim_coverage_problem($1, $2::timestamptz, 'ACCIDENT', true, NULL)",
        )
        .bind(policy)
        .bind(&incident)
        .fetch_one(&adjuster.pool)
        .await
        .unwrap();
        if asked.as_deref() != expected {
            wrong.push(format!("{case}: asked {asked:?}, expected {expected:?}"));
        }
        let mut tx = adjuster.pool.begin().await.unwrap();
        let mut typed = Report::of(policy).at(&incident);
        if expected == Some("INCIDENT_IN_FUTURE") {
            typed = typed.reported(&incident);
        }
        let inserted = report(&mut *tx, &typed).await;
        tx.rollback().await.unwrap();
        match (expected, inserted) {
            (None, Ok(_)) => {}
            (Some(code), Err(error))
                if violation(&error).1.as_deref() == Some("chk_claims_coverage")
                    && detail(&error).as_deref() == Some(code) => {}
            (expected, outcome) => wrong.push(format!(
                "{case}: insert gave {:?}, expected {expected:?}",
                outcome.map(|f| f.id).map_err(|e| e.to_string())
            )),
        }
    }
    assert!(wrong.is_empty(), "in force:\n{}", wrong.join("\n"));
}

// ---------------------------------------------------------------------------------------
// Fraud rules

#[tokio::test]
async fn each_fraud_rule_fires_at_its_line_and_not_before() {
    let db = TestDb::new().await;
    let adjuster = staff(&db, GroupRole::Adjuster, dec!(0)).await;
    type Adjust = fn(Report) -> Report;
    let cases: [(&str, Adjust, &[&str], Decimal); 11] = [
        ("a clean claim", |r| r, &[], dec!(0)),
        (
            "29 days after the start, late in the Bangkok evening",
            |r| r.at("2026-01-30 23:30+07"),
            &["INCIDENT_WITHIN_30_DAYS_OF_INCEPTION"],
            dec!(30),
        ),
        (
            "30 days after the start",
            |r| r.at("2026-01-31 00:30+07"),
            &[],
            dec!(0),
        ),
        (
            "reported 30 days and a minute late",
            |r| r.at("2026-03-01 10:00+07").reported("2026-03-31 10:01+07"),
            &["REPORTED_MORE_THAN_30_DAYS_LATE"],
            dec!(25),
        ),
        (
            "reported exactly 30 days later",
            |r| r.at("2026-03-01 10:00+07").reported("2026-03-31 10:00+07"),
            &[],
            dec!(0),
        ),
        (
            "an estimate of 80 % of the sum insured",
            |mut r| {
                r.estimated = Some(dec!(400000));
                r
            },
            &["ESTIMATE_AT_LEAST_80_PERCENT_OF_SUM_INSURED"],
            dec!(30),
        ),
        (
            "an estimate just under 80 %",
            |mut r| {
                r.estimated = Some(dec!(399999.99));
                r
            },
            &[],
            dec!(0),
        ),
        (
            "a theft without a police report",
            |r| r.kind("THEFT"),
            &["THEFT_WITHOUT_POLICE_REPORT"],
            dec!(40),
        ),
        (
            "a theft with a blank police report",
            |mut r| {
                r.police_report = Some("  ");
                r.kind("THEFT")
            },
            &["THEFT_WITHOUT_POLICE_REPORT"],
            dec!(40),
        ),
        (
            "a theft reported to the police",
            |mut r| {
                r.police_report = Some("ปจว. ข้อ 12 สน.ทองหล่อ");
                r.kind("THEFT")
            },
            &[],
            dec!(0),
        ),
        (
            "an accident without a police report",
            |mut r| {
                r.police_report = None;
                r
            },
            &[],
            dec!(0),
        ),
    ];
    let mut wrong = Vec::new();
    for (n, (case, adjust, expected, score)) in (1..).zip(cases) {
        let (_, _, policy) = class_1(&db.pool, n, 0).await;
        let filed = report(&adjuster.pool, &adjust(Report::of(policy)))
            .await
            .unwrap_or_else(|e| panic!("{case}: {e}"));
        let got = (filed.flags, filed.score, filed.investigate);
        let want = (flags(expected), score, false);
        if got != want {
            wrong.push(format!("{case}: got {got:?}, expected {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "fraud rules:\n{}", wrong.join("\n"));
}

#[tokio::test]
async fn a_second_claim_on_the_vehicle_within_twelve_months_is_flagged_on_any_of_its_policies() {
    let db = TestDb::new().await;
    let adjuster = staff(&db, GroupRole::Adjuster, dec!(0)).await;
    let (customer, vehicle) = car(&db.pool, 1).await;
    let last_year = cover(
        &db.pool,
        customer,
        vehicle,
        "CLASS_1",
        date("2025-01-01"),
        date("2026-01-01"),
        "EXPIRED",
        0,
    )
    .await;
    let this_year = cover(
        &db.pool,
        customer,
        vehicle,
        "CLASS_1",
        date("2026-01-01"),
        date("2027-01-01"),
        "ACTIVE",
        0,
    )
    .await;
    let cmi = cover(
        &db.pool,
        customer,
        vehicle,
        "CMI",
        date("2026-01-01"),
        date("2027-01-01"),
        "ACTIVE",
        0,
    )
    .await;
    report(
        &adjuster.pool,
        &Report::of(last_year).at("2025-03-01 10:00+07"),
    )
    .await
    .unwrap();

    let twelve_months_on = report(
        &adjuster.pool,
        &Report::of(this_year).at("2026-03-01 10:00+07"),
    )
    .await
    .unwrap();
    assert_eq!(
        (twelve_months_on.flags, twelve_months_on.score),
        (flags(&[]), dec!(0)),
        "twelve months to the minute is no longer within twelve months"
    );
    let mut third_party = Report::of(cmi).at("2026-04-01 10:00+07");
    third_party.own_damage = false;
    let on_the_cmi = report(&adjuster.pool, &third_party).await.unwrap();
    assert_eq!(
        (on_the_cmi.flags, on_the_cmi.score),
        (flags(&["TWO_OR_MORE_CLAIMS_IN_12_MONTHS"]), dec!(25))
    );
    // The customer's other car has its own record.
    let other_car = fixtures::vehicle(&db.pool, customer, "ขค 9999", "10")
        .await
        .unwrap();
    let other_policy = cover(
        &db.pool,
        customer,
        other_car,
        "CLASS_1",
        date("2026-01-01"),
        date("2027-01-01"),
        "ACTIVE",
        0,
    )
    .await;
    let other = report(
        &adjuster.pool,
        &Report::of(other_policy).at("2026-04-02 10:00+07"),
    )
    .await
    .unwrap();
    assert_eq!(other.flags, flags(&[]));
}

#[tokio::test]
async fn the_score_adds_up_and_reaching_the_setting_sends_the_claim_to_investigation() {
    let db = TestDb::new().await;
    let adjuster = staff(&db, GroupRole::Adjuster, dec!(0)).await;

    // 40 + 30 = 70 ≥ 50.
    let (_, _, policy) = class_1(&db.pool, 1, 0).await;
    let theft = report(
        &adjuster.pool,
        &Report::of(policy).kind("THEFT").at("2026-01-10 10:00+07"),
    )
    .await
    .unwrap();
    assert_eq!(
        (theft.flags, theft.score, theft.investigate),
        (
            flags(&[
                "INCIDENT_WITHIN_30_DAYS_OF_INCEPTION",
                "THEFT_WITHOUT_POLICE_REPORT"
            ]),
            dec!(70),
            true
        )
    );

    // 25 + 25 = 50: at the setting is enough.
    let (_, _, policy) = class_1(&db.pool, 2, 0).await;
    claim_in(&db.pool, policy, "CLOSED", None).await;
    let at_the_line = report(
        &adjuster.pool,
        &Report::of(policy)
            .at("2026-07-01 10:00+07")
            .reported("2026-08-15 10:00+07"),
    )
    .await
    .unwrap();
    assert_eq!(
        (
            at_the_line.flags,
            at_the_line.score,
            at_the_line.investigate
        ),
        (
            flags(&[
                "TWO_OR_MORE_CLAIMS_IN_12_MONTHS",
                "REPORTED_MORE_THAN_30_DAYS_LATE"
            ]),
            dec!(50),
            true
        )
    );
    let investigation = claim_queue::page(
        &adjuster.pool,
        QueueTab::Investigation,
        &QueueFilter::default(),
    )
    .await
    .unwrap();
    assert_eq!(
        investigation.iter().map(|r| r.id).collect::<BTreeSet<_>>(),
        BTreeSet::from([theft.id, at_the_line.id])
    );

    // Every rule at once: 150 points, capped at 100.
    let (customer, car_5) = car(&db.pool, 5).await;
    let before = cover(
        &db.pool,
        customer,
        car_5,
        "CLASS_1",
        date("2025-01-01"),
        date("2026-01-01"),
        "EXPIRED",
        0,
    )
    .await;
    let now = cover(
        &db.pool,
        customer,
        car_5,
        "CLASS_1",
        date("2026-01-01"),
        date("2027-01-01"),
        "ACTIVE",
        0,
    )
    .await;
    report(
        &adjuster.pool,
        &Report::of(before).at("2025-12-20 10:00+07"),
    )
    .await
    .unwrap();
    let mut everything = Report::of(now)
        .kind("THEFT")
        .at("2026-01-10 10:00+07")
        .reported("2026-02-15 10:00+07");
    everything.estimated = Some(dec!(450000));
    let everything = report(&adjuster.pool, &everything).await.unwrap();
    assert_eq!(
        (everything.flags, everything.score, everything.investigate),
        (
            flags(&[
                "INCIDENT_WITHIN_30_DAYS_OF_INCEPTION",
                "TWO_OR_MORE_CLAIMS_IN_12_MONTHS",
                "REPORTED_MORE_THAN_30_DAYS_LATE",
                "ESTIMATE_AT_LEAST_80_PERCENT_OF_SUM_INSURED",
                "THEFT_WITHOUT_POLICE_REPORT"
            ]),
            dec!(100),
            true
        )
    );

    // The line is a setting.
    sqlx::query(
        "UPDATE system_configurations SET config_value = '80'
          WHERE config_key = 'CLAIM_INVESTIGATION_SCORE'",
    )
    .execute(&db.pool)
    .await
    .unwrap();
    let (_, _, policy) = class_1(&db.pool, 6, 0).await;
    let below = report(
        &adjuster.pool,
        &Report::of(policy).kind("THEFT").at("2026-01-10 10:00+07"),
    )
    .await
    .unwrap();
    assert_eq!((below.score, below.investigate), (dec!(70), false));

    // A change to what the rules read runs them again.
    let (_, _, policy) = class_1(&db.pool, 7, 0).await;
    let clean = report(&adjuster.pool, &Report::of(policy)).await.unwrap();
    assert_eq!(clean.score, dec!(0));
    let rerun: (Json<Vec<String>>, Decimal, bool) = sqlx::query_as(
        "UPDATE claims SET estimated_amount = 450000, police_report_number = NULL WHERE id = $1
         RETURNING fraud_flags, fraud_score, requires_investigation",
    )
    .bind(clean.id)
    .fetch_one(&adjuster.pool)
    .await
    .unwrap();
    assert_eq!(
        (rerun.0.0, rerun.1, rerun.2),
        (
            flags(&["ESTIMATE_AT_LEAST_80_PERCENT_OF_SUM_INSURED"]),
            dec!(30),
            false
        )
    );
}

// ---------------------------------------------------------------------------------------
// Settlement

fn settlement_draft() -> SettlementDraft {
    SettlementDraft {
        settlement_type: SettlementType::Repair,
        payee_type: PayeeType::RepairShop,
        payee_name: " อู่ช่างเอกการช่าง ".to_string(),
        at_fault: true,
        bank_code: Some("004".to_string()),
        bank_account: Some("0123456789".to_string()),
    }
}

/// The settlements of a claim with their payouts: (gross, deductible, excess, net, named,
/// at fault, status, payment amount, payment status, direction, type).
type SettlementFacts = (
    Decimal,
    Decimal,
    Decimal,
    Decimal,
    bool,
    bool,
    String,
    Decimal,
    String,
    String,
    String,
);

async fn settlements(pool: &PgPool, claim: Uuid) -> Vec<SettlementFacts> {
    sqlx::query_as(
        "SELECT s.gross_amount, s.deductible_amount, s.excess_amount, s.net_amount,
                s.counterparty_named, s.at_fault, s.status, p.amount, p.payment_status,
                p.payment_direction, p.payment_type
           FROM claim_settlements s JOIN payments p ON p.id = s.payment_id AND p.claim_id = s.claim_id
          WHERE s.claim_id = $1",
    )
    .bind(claim)
    .fetch_all(pool)
    .await
    .unwrap()
}

async fn payments_of(pool: &PgPool, claim: Uuid) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM payments WHERE claim_id = $1")
        .bind(claim)
        .fetch_one(pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn settle_pays_the_approved_amount_less_deductible_and_excess_once_in_one_transaction() {
    let db = TestDb::new().await;
    let adjuster = staff(&db, GroupRole::Adjuster, dec!(1000000)).await;
    let (_, _, policy) = class_1(&db.pool, 1, 2000).await;

    let named = json!({"name": "สมชาย ใจดี", "plate": "1กข 1234"});
    let cases = [
        (
            "an accident nobody can be named for",
            "ACCIDENT",
            None,
            dec!(1000),
        ),
        (
            "an accident with a named counterparty",
            "ACCIDENT",
            Some(named),
            dec!(0),
        ),
        ("vandalism", "VANDALISM", None, dec!(1000)),
    ];
    for (case, claim_type, other_party, excess) in cases {
        let claim = claim_in(&db.pool, policy, "APPROVED", Some(adjuster.id)).await;
        sqlx::query(
            "UPDATE claims SET claim_type = $2, other_party_info = $3, approved_amount = 30000
              WHERE id = $1",
        )
        .bind(claim)
        .bind(claim_type)
        .bind(&other_party)
        .execute(&db.pool)
        .await
        .unwrap();
        let version = version_of(&db.pool, claim).await;
        let settled = claim_work::settle(&adjuster.pool, claim, version, &settlement_draft())
            .await
            .unwrap_or_else(|e| panic!("{case}: {e:?}"));
        let net = dec!(30000) - dec!(2000) - excess;
        assert_eq!(settled.net_amount, net, "{case}");
        assert_eq!(
            settlements(&db.pool, claim).await,
            [(
                dec!(30000),
                dec!(2000),
                excess,
                net,
                other_party.is_some(),
                true,
                "PENDING".to_string(),
                net,
                "PENDING".to_string(),
                "OUTGOING".to_string(),
                "CLAIM_SETTLEMENT".to_string()
            )],
            "{case}"
        );
        let claim_row: (String, Option<String>, i32) =
            sqlx::query_as("SELECT status, sub_status, version FROM claims WHERE id = $1")
                .bind(claim)
                .fetch_one(&db.pool)
                .await
                .unwrap();
        assert_eq!(
            claim_row,
            (
                "APPROVED".to_string(),
                Some("AWAITING_PAYMENT".to_string()),
                settled.version
            ),
            "{case}"
        );

        // Once: the second payout goes back with the refused settlement.
        match claim_work::settle(&adjuster.pool, claim, settled.version, &settlement_draft()).await
        {
            Err(SaveError::Database(error)) => assert_eq!(
                violation(&error).1.as_deref(),
                Some("chk_claim_settlements_once"),
                "{case}"
            ),
            other => panic!("{case}: a second settlement was not refused: {other:?}"),
        }
        assert_eq!(settlements(&db.pool, claim).await.len(), 1, "{case}");
        assert_eq!(payments_of(&db.pool, claim).await, 1, "{case}");
        assert_eq!(version_of(&db.pool, claim).await, settled.version, "{case}");
    }

    // A stale version settles nothing.
    let claim = claim_in(&db.pool, policy, "APPROVED", Some(adjuster.id)).await;
    let stale = version_of(&db.pool, claim).await;
    sqlx::query("UPDATE claims SET damage_description = 'เพิ่มเติม' WHERE id = $1")
        .bind(claim)
        .execute(&adjuster.pool)
        .await
        .unwrap();
    assert!(matches!(
        claim_work::settle(&adjuster.pool, claim, stale, &settlement_draft()).await,
        Err(SaveError::Conflict(_))
    ));
    assert_eq!(payments_of(&db.pool, claim).await, 0);
    // Nor does a claim not yet approved.
    let assessed = claim_in(&db.pool, policy, "ASSESSED", Some(adjuster.id)).await;
    let version = version_of(&db.pool, assessed).await;
    assert!(
        claim_work::settle(&adjuster.pool, assessed, version, &settlement_draft())
            .await
            .is_err()
    );
    assert_eq!(payments_of(&db.pool, assessed).await, 0);
}

/// A settlement and its payout written in raw SQL by a member of staff.
#[allow(clippy::too_many_arguments)]
async fn raw_settlement(
    connection: &mut PgConnection,
    claim: Uuid,
    customer: Uuid,
    gross: Decimal,
    deductible: Decimal,
    excess: Decimal,
    named: bool,
    paid_out: Decimal,
) -> Result<(), sqlx::Error> {
    let payment: Uuid = sqlx::query_scalar(
        "INSERT INTO payments (claim_id, customer_id, payment_type, payment_direction, amount,
                               total_amount, payment_method)
         VALUES ($1, $2, 'CLAIM_SETTLEMENT', 'OUTGOING', $3, $3, 'BANK_TRANSFER')
         RETURNING id",
    )
    .bind(claim)
    .bind(customer)
    .bind(paid_out)
    .fetch_one(&mut *connection)
    .await?;
    sqlx::query(
        "INSERT INTO claim_settlements (claim_id, settlement_type, payee_type, payee_name,
                                        gross_amount, deductible_amount, excess_amount, net_amount,
                                        at_fault, counterparty_named, payment_id)
         VALUES ($1, 'CASH', 'INSURED', 'สมหญิง ทดสอบ', $2, $3, $4, $2 - $3 - $4, false, $5, $6)",
    )
    .bind(claim)
    .bind(gross)
    .bind(deductible)
    .bind(excess)
    .bind(named)
    .bind(payment)
    .execute(&mut *connection)
    .await
    .map(|_| ())
}

#[tokio::test]
async fn a_settlement_in_raw_sql_must_have_the_right_figures_and_finance_paying_it_settles_the_claim()
 {
    let db = TestDb::new().await;
    let adjuster = staff(&db, GroupRole::Adjuster, dec!(1000000)).await;
    let finance = staff(&db, GroupRole::Finance, dec!(0)).await;
    let (customer, _, policy) = class_1(&db.pool, 1, 2000).await;
    let claim = claim_in(&db.pool, policy, "APPROVED", Some(adjuster.id)).await;
    let assessed = claim_in(&db.pool, policy, "ASSESSED", Some(adjuster.id)).await;

    let mut connection = adjuster.pool.acquire().await.unwrap();
    let mut attempt = async |claim: Uuid,
                             deductible: Decimal,
                             excess: Decimal,
                             named: bool,
                             paid_out: Decimal| {
        let mut tx = sqlx::Connection::begin(&mut *connection).await.unwrap();
        let outcome = raw_settlement(
            &mut tx,
            claim,
            customer,
            dec!(10000),
            deductible,
            excess,
            named,
            paid_out,
        )
        .await;
        match outcome {
            Ok(()) => tx.commit().await.unwrap(),
            Err(_) => tx.rollback().await.unwrap(),
        }
        outcome
    };
    assert_refused_by(
        attempt(claim, dec!(0), dec!(1000), false, dec!(9000)).await,
        "chk_claim_settlements_figures",
    );
    assert_refused_by(
        attempt(claim, dec!(2000), dec!(0), false, dec!(8000)).await,
        "chk_claim_settlements_figures",
    );
    assert_refused_by(
        attempt(claim, dec!(2000), dec!(1000), true, dec!(7000)).await,
        "chk_claim_settlements_figures",
    );
    assert_refused_by(
        attempt(claim, dec!(2000), dec!(1000), false, dec!(7500)).await,
        "chk_claim_settlements_payment",
    );
    assert_refused_by(
        attempt(assessed, dec!(2000), dec!(1000), false, dec!(7000)).await,
        "chk_claim_settlements_approved",
    );
    attempt(claim, dec!(2000), dec!(1000), false, dec!(7000))
        .await
        .expect("the right figures");
    drop(connection);

    // The adjuster cannot mark it paid, nor settle the claim before it is.
    let error = sqlx::query("UPDATE claim_settlements SET status = 'PAID', settled_at = now()")
        .execute(&adjuster.pool)
        .await
        .unwrap_err();
    assert_eq!(violation(&error).0, "42501");
    let error = sqlx::query("UPDATE payments SET payment_status = 'SUCCESS', payment_date = now()")
        .execute(&adjuster.pool)
        .await
        .unwrap_err();
    assert_eq!(violation(&error).0, "42501");
    assert_refused_by(
        sqlx::query(
            "UPDATE claims SET status = 'SETTLED', transition_reason = 'จ่ายแล้ว' WHERE id = $1",
        )
        .bind(claim)
        .execute(&adjuster.pool)
        .await,
        "chk_claims_settled",
    );

    // Not before its payout has gone out, even for finance.
    assert_refused_by(
        sqlx::query(
            "UPDATE claim_settlements SET status = 'PAID', settled_at = now() WHERE claim_id = $1",
        )
        .bind(claim)
        .execute(&finance.pool)
        .await,
        "chk_claim_settlements_payout_paid",
    );

    // Finance pays it: the claim is settled, by finance, with the paid amount.
    let mut tx = finance.pool.begin().await.unwrap();
    sqlx::query(
        "UPDATE payments SET payment_status = 'SUCCESS', payment_date = now() WHERE claim_id = $1",
    )
    .bind(claim)
    .execute(&mut *tx)
    .await
    .unwrap();
    sqlx::query(
        "UPDATE claim_settlements SET status = 'PAID', settled_at = now() WHERE claim_id = $1",
    )
    .bind(claim)
    .execute(&mut *tx)
    .await
    .expect("finance marks the settlement paid");
    tx.commit().await.unwrap();
    let settled: (String, Option<Decimal>, Option<NaiveDate>, Option<String>) = sqlx::query_as(
        "SELECT status, settled_amount, settlement_date, transition_reason FROM claims WHERE id = $1",
    )
    .bind(claim)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        settled,
        (
            "SETTLED".to_string(),
            Some(dec!(7000)),
            Some(bangkok_today(&db.pool).await),
            None
        )
    );
    assert_eq!(
        history(&db.pool, claim).await,
        [change(
            Some("APPROVED"),
            "SETTLED",
            "จ่ายสินไหมแล้ว · Settlement paid",
            finance.id
        )]
    );
    sqlx::query("UPDATE claims SET status = 'CLOSED', transition_reason = 'ปิดเรื่อง' WHERE id = $1")
        .bind(claim)
        .execute(&adjuster.pool)
        .await
        .expect("closed after settlement");
    let closed: Option<NaiveDate> =
        sqlx::query_scalar("SELECT closure_date FROM claims WHERE id = $1")
            .bind(claim)
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(closed, Some(bangkok_today(&db.pool).await));
}

// ---------------------------------------------------------------------------------------
// Assessment with optimistic locking

fn assessment_draft() -> AssessmentDraft {
    AssessmentDraft {
        assessment_type: AssessmentType::Initial,
        items: vec![
            DamageItem {
                part: "กันชนหลัง".to_string(),
                action: RepairAction::Replace,
                parts: dec!(18000),
                labour: dec!(4000),
            },
            DamageItem {
                part: "ไฟท้ายซ้าย".to_string(),
                action: RepairAction::Replace,
                parts: dec!(6500),
                labour: dec!(500),
            },
        ],
        repair_estimates: vec![RepairEstimate {
            shop: "อู่ช่างเอกการช่าง".to_string(),
            amount: dec!(29000),
        }],
        liability_percentage: dec!(0),
        total_loss: false,
        salvage_value: None,
        recommended_amount: dec!(29000),
        recommended_action: RecommendedAction::Approve,
        notes: "คู่กรณีรับผิด".to_string(),
    }
}

#[tokio::test]
async fn a_stale_assessment_is_a_conflict_and_writes_nothing() {
    let db = TestDb::new().await;
    let adjuster = staff(&db, GroupRole::Adjuster, dec!(100000)).await;
    let (_, _, policy) = fixtures::insured_pickup(&db.pool, 1).await;
    let claim = claim_in(&db.pool, policy, "ASSIGNED", Some(adjuster.id)).await;
    let loaded = version_of(&db.pool, claim).await;
    sqlx::query("UPDATE claims SET damage_description = 'ไฟท้ายแตกด้วย' WHERE id = $1")
        .bind(claim)
        .execute(&adjuster.pool)
        .await
        .unwrap();
    let draft = assessment_draft();

    match claim_work::save_assessment(&adjuster.pool, claim, loaded, &draft).await {
        Err(SaveError::Conflict(conflict)) => {
            assert_eq!(conflict.version, loaded + 1);
            assert_eq!(conflict.by.as_deref(), Some("ทดสอบ adjuster"));
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(draft, assessment_draft(), "the input is kept");
    let untouched: (String, Option<Decimal>, i32, i64) = sqlx::query_as(
        "SELECT status, assessed_amount, version,
                (SELECT count(*) FROM claim_assessments WHERE claim_id = $1)
           FROM claims WHERE id = $1",
    )
    .bind(claim)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        untouched,
        ("ASSIGNED".to_string(), Some(dec!(10000)), loaded + 1, 0)
    );
    assert!(history(&db.pool, claim).await.is_empty());

    let saved = claim_work::save_assessment(&adjuster.pool, claim, loaded + 1, &draft)
        .await
        .expect("saved at the current version");
    let stored: (String, Option<Decimal>, i32, Json<Value>, Option<Decimal>) = sqlx::query_as(
        "SELECT c.status, c.assessed_amount, c.version, a.damage_assessment, a.recommended_amount
           FROM claims c JOIN claim_assessments a ON a.claim_id = c.id
          WHERE c.id = $1",
    )
    .bind(claim)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        (stored.0.as_str(), stored.1, stored.2, stored.4),
        ("ASSESSED", Some(dec!(29000)), saved, Some(dec!(29000)))
    );
    assert_eq!(stored.3.0["items"][0]["part"], "กันชนหลัง");
    let moves: Vec<(Option<String>, String, Option<Uuid>)> = history(&db.pool, claim)
        .await
        .into_iter()
        .map(|(from, to, _, by)| (from, to, by))
        .collect();
    assert_eq!(
        moves,
        [
            (
                Some("ASSIGNED".to_string()),
                "INVESTIGATING".to_string(),
                Some(adjuster.id)
            ),
            (
                Some("INVESTIGATING".to_string()),
                "ASSESSED".to_string(),
                Some(adjuster.id)
            ),
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Live queues

#[tokio::test]
async fn a_change_reaches_a_listening_connection_within_a_second_and_the_queue_follows() {
    let db = TestDb::new().await;
    let watching = staff(&db, GroupRole::Adjuster, dec!(0)).await;
    let working = staff(&db, GroupRole::Adjuster, dec!(0)).await;
    let (_, _, policy) = fixtures::insured_pickup(&db.pool, 1).await;
    let waiting = claim_in(&db.pool, policy, "REPORTED", None).await;
    let unassigned = |pool: PgPool| async move {
        claim_queue::page(&pool, QueueTab::Unassigned, &QueueFilter::default())
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(unassigned(watching.pool.clone()).await, [waiting]);

    let mut listener = claim_queue::listen(&watching.pool).await.unwrap();
    let mut next = async || {
        tokio::time::timeout(Duration::from_secs(1), listener.recv())
            .await
            .expect("a notification within a second")
            .expect("a notification")
    };

    let taken = claim_queue::take_next(&working.pool)
        .await
        .unwrap()
        .expect("taken");
    assert_eq!(taken.id, waiting);
    let notification = next().await;
    assert_eq!(notification.channel(), claim_queue::CHANNEL);
    assert_eq!(claim_queue::changed_ids(notification.payload()), [waiting]);
    assert!(unassigned(watching.pool.clone()).await.is_empty());

    // A new claim is news too.
    let filed = report(&working.pool, &Report::of(policy)).await.unwrap();
    assert_eq!(claim_queue::changed_ids(next().await.payload()), [filed.id]);
    assert_eq!(unassigned(watching.pool.clone()).await, [filed.id]);

    // A change to more than a hundred claims names none: every queue reloads.
    sqlx::query(
        "INSERT INTO claims (claim_number, policy_id, incident_date, claim_type, incident_description)
         SELECT 'BULK-' || g, $1, $2::timestamptz, 'ACCIDENT', 'ชน' FROM generate_series(1, 101) g",
    )
    .bind(policy)
    .bind(INCIDENT)
    .execute(&db.pool)
    .await
    .unwrap();
    let bulk = next().await;
    assert_eq!(
        serde_json::from_str::<Value>(bulk.payload()).unwrap(),
        json!({"ids": null})
    );
    assert!(claim_queue::changed_ids(bulk.payload()).is_empty());
}

// ---------------------------------------------------------------------------------------
// Registration

fn draft_on(policy: Uuid, incident_at: DateTime<Utc>) -> ClaimDraft {
    ClaimDraft {
        policy_id: policy,
        incident_at,
        claim_type: ClaimType::Accident,
        own_damage_claimed: true,
        place: IncidentPlace {
            province_code: Some("10".to_string()),
            amphoe_code: None,
            text: "ถนนพระราม 4 หน้าตลาดคลองเตย".to_string(),
            lat: Some(13.7222),
            lng: Some(100.5564),
        },
        incident_description: "ถูกรถเก๋งชนท้ายขณะรอสัญญาณไฟ".to_string(),
        damage_description: Some("กันชนหลังและฝาท้ายบุบ".to_string()),
        injury_description: None,
        other_party: OtherParty {
            name: Some("สมชาย ใจดี".to_string()),
            plate: Some("1กข 1234".to_string()),
            insurer: Some("วิริยะประกันภัย".to_string()),
            phone: Some("0812345678".to_string()),
        },
        police_report_number: None,
        estimated_amount: Some(dec!(25000)),
    }
}

/// The serial of a claim number `CL-<Buddhist year>-NNNNNNN`, checking its shape and year.
fn serial(number: &str, buddhist_year: i32) -> i64 {
    let pattern = regex_lite::Regex::new(r"^CL-(\d{4})-(\d{7})$").unwrap();
    let parts = pattern
        .captures(number)
        .unwrap_or_else(|| panic!("{number} is not CL-<year>-NNNNNNN"));
    assert_eq!(parts[1].parse::<i32>().unwrap(), buddhist_year, "{number}");
    parts[2].parse().unwrap()
}

#[tokio::test]
async fn register_numbers_the_claim_readably_and_check_shows_the_likely_duplicate() {
    let db = TestDb::new().await;
    let adjuster = staff(&db, GroupRole::Adjuster, dec!(0)).await;
    let today = Utc::now().date_naive();
    let (customer, vehicle) = car(&db.pool, 1).await;
    let policy = cover(
        &db.pool,
        customer,
        vehicle,
        "CLASS_1",
        today - chrono::Days::new(100),
        today + chrono::Days::new(265),
        "ACTIVE",
        0,
    )
    .await;
    let buddhist_year: i32 = sqlx::query_scalar(
        "SELECT extract(year FROM now() AT TIME ZONE 'Asia/Bangkok')::int + 543",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let incident = Utc::now() - chrono::Duration::hours(5);
    let draft = draft_on(policy, incident);

    let before = claims::check(&adjuster.pool, &draft).await.unwrap();
    assert_eq!((before.coverage, before.duplicates.len()), (None, 0));
    let first = claims::register(&adjuster.pool, &draft)
        .await
        .expect("registered");
    assert_eq!(
        (first.fraud_flags.clone(), first.requires_investigation),
        (flags(&[]), false)
    );
    let stored: (
        String,
        String,
        Option<Uuid>,
        Option<String>,
        bool,
        Option<String>,
    ) = sqlx::query_as(
        "SELECT claim_number, status, adjuster_id, transition_reason, own_damage_claimed,
                    other_party_info->>'plate'
               FROM claims WHERE id = $1",
    )
    .bind(first.id)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        stored,
        (
            first.claim_number.clone(),
            "REPORTED".to_string(),
            None,
            None,
            true,
            Some("1กข 1234".to_string())
        )
    );
    let first_serial = serial(&first.claim_number, buddhist_year);
    assert_eq!(
        history(&db.pool, first.id).await,
        [change(None, "REPORTED", "รับแจ้ง · Reported", adjuster.id)]
    );

    // The same loss typed again three hours later is shown before saving.
    let again = draft_on(policy, incident + chrono::Duration::hours(3));
    let shown = claims::check(&adjuster.pool, &again).await.unwrap();
    assert_eq!(shown.coverage, None);
    assert_eq!(
        shown
            .duplicates
            .iter()
            .map(|d| (d.id, d.claim_number.as_str()))
            .collect::<Vec<_>>(),
        [(first.id, first.claim_number.as_str())]
    );
    // Another kind of loss, or days apart, is not the same loss.
    let mut theft = again.clone();
    theft.claim_type = ClaimType::Theft;
    assert!(
        claims::check(&adjuster.pool, &theft)
            .await
            .unwrap()
            .duplicates
            .is_empty()
    );
    let days_apart = draft_on(policy, incident - chrono::Duration::days(3));
    assert!(
        claims::check(&adjuster.pool, &days_apart)
            .await
            .unwrap()
            .duplicates
            .is_empty()
    );

    // Registered anyway, it gets the next number and the second-claim flag.
    let second = claims::register(&adjuster.pool, &again).await.unwrap();
    assert_eq!(
        serial(&second.claim_number, buddhist_year),
        first_serial + 1
    );
    assert_eq!(
        second.fraud_flags,
        flags(&["TWO_OR_MORE_CLAIMS_IN_12_MONTHS"])
    );

    // What the policy does not cover is not registered.
    let (customer, vehicle) = car(&db.pool, 2).await;
    let class_3 = cover(
        &db.pool,
        customer,
        vehicle,
        "CLASS_3",
        today - chrono::Days::new(100),
        today + chrono::Days::new(265),
        "ACTIVE",
        0,
    )
    .await;
    let mut uncovered = draft_on(class_3, incident);
    uncovered.other_party = OtherParty::default();
    assert_eq!(
        claims::check(&adjuster.pool, &uncovered)
            .await
            .unwrap()
            .coverage,
        Some(CoverageProblem::NoOwnCollisionDamage)
    );
    assert!(matches!(
        claims::register(&adjuster.pool, &uncovered).await,
        Err(RegisterError::NotCovered(
            CoverageProblem::NoOwnCollisionDamage
        ))
    ));
    let on_class_3: i64 = sqlx::query_scalar("SELECT count(*) FROM claims WHERE policy_id = $1")
        .bind(class_3)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(on_class_3, 0);
}

// ---------------------------------------------------------------------------------------
// Sentences

#[test]
fn every_rule_of_0021_has_a_sentence_in_thai_and_english() {
    let migration = include_str!("../../migrations/0021_claims.sql");
    let named = regex_lite::Regex::new(r"CONSTRAINT\s*=?\s*'?(chk_[a-z_]+)").unwrap();
    let names: BTreeSet<&str> = named
        .captures_iter(migration)
        .map(|c| c.get(1).unwrap().as_str())
        .collect();
    assert!(names.len() >= 20, "{names:?}");
    let mut missing = Vec::new();
    for name in names {
        let Some(message) = prakan::db::error::constraint_message(name) else {
            missing.push(format!("{name}: no message"));
            continue;
        };
        let th = message.text(Lang::Th);
        let en = message.text(Lang::En);
        if th.starts_with('⟦') || en.starts_with('⟦') || th == en {
            missing.push(format!("{name}: th {th:?}, en {en:?}"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

// ---------------------------------------------------------------------------------------
// Holes a first review of 0021 found, kept closed

#[tokio::test]
async fn a_statement_that_changes_no_claim_notifies_nobody() {
    let db = TestDb::new().await;
    let adjuster = staff(&db, GroupRole::Adjuster, dec!(0)).await;
    let (_, _, policy) = fixtures::insured_pickup(&db.pool, 1).await;
    let claim = claim_in(&db.pool, policy, "ASSIGNED", Some(adjuster.id)).await;
    let stale = version_of(&db.pool, claim).await - 1;
    let mut listener = claim_queue::listen(&adjuster.pool).await.unwrap();

    // A save at a stale version and take-next on an empty queue change nothing.
    assert!(matches!(
        claim_work::move_to(
            &adjuster.pool,
            claim,
            stale,
            ClaimStatus::Investigating,
            "ช้าไป"
        )
        .await,
        Err(SaveError::Conflict(_))
    ));
    assert_eq!(claim_queue::take_next(&adjuster.pool).await.unwrap(), None);
    sqlx::query("UPDATE claims SET damage_description = 'x' WHERE id = $1")
        .bind(claim)
        .execute(&adjuster.pool)
        .await
        .unwrap();
    let first = tokio::time::timeout(Duration::from_secs(1), listener.recv())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        claim_queue::changed_ids(first.payload()),
        [claim],
        "the first notification is the real change, not {}",
        first.payload()
    );
}

#[tokio::test]
async fn going_back_to_investigation_withdraws_the_approval_request() {
    let db = TestDb::new().await;
    let adjuster = staff(&db, GroupRole::Adjuster, dec!(50000)).await;
    let (_, _, policy) = fixtures::insured_pickup(&db.pool, 1).await;
    let claim = claim_in(&db.pool, policy, "ASSESSED", Some(adjuster.id)).await;
    add_assessment(&db.pool, claim, adjuster.id).await;
    sqlx::query("UPDATE claims SET approval_requested_amount = 80000 WHERE id = $1")
        .bind(claim)
        .execute(&adjuster.pool)
        .await
        .unwrap();
    sqlx::query(
        "UPDATE claims SET status = 'INVESTIGATING', transition_reason = 'ขอเอกสารเพิ่ม' WHERE id = $1",
    )
    .bind(claim)
    .execute(&adjuster.pool)
    .await
    .unwrap();
    let request: (Option<Decimal>, Option<Uuid>) = sqlx::query_as(
        "SELECT approval_requested_amount, approval_requested_by FROM claims WHERE id = $1",
    )
    .bind(claim)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(request, (None, None));
}

#[tokio::test]
async fn two_settlements_at_once_in_raw_sql_are_refused() {
    let db = TestDb::new().await;
    let adjuster = staff(&db, GroupRole::Adjuster, dec!(1000000)).await;
    let other = staff(&db, GroupRole::Adjuster, dec!(1000000)).await;
    let (customer, _, policy) = class_1(&db.pool, 1, 0).await;
    let claim = claim_in(&db.pool, policy, "APPROVED", Some(adjuster.id)).await;
    let mut first = adjuster.pool.begin().await.unwrap();
    raw_settlement(
        &mut first,
        claim,
        customer,
        dec!(10000),
        dec!(0),
        dec!(1000),
        false,
        dec!(9000),
    )
    .await
    .expect("the first settlement");
    let second = tokio::spawn(async move {
        let mut tx = other.pool.begin().await.unwrap();
        let outcome = raw_settlement(
            &mut tx,
            claim,
            customer,
            dec!(10000),
            dec!(0),
            dec!(1000),
            false,
            dec!(9000),
        )
        .await;
        if outcome.is_ok() {
            tx.commit().await?;
        }
        outcome
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    first.commit().await.unwrap();
    let _ = second.await.unwrap();
    let count: i64 =
        sqlx::query_scalar("SELECT count(*) FROM claim_settlements WHERE claim_id = $1")
            .bind(claim)
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(count, 1, "a claim is settled once");
}

#[tokio::test]
async fn a_renewal_is_not_an_inception() {
    let db = TestDb::new().await;
    let adjuster = staff(&db, GroupRole::Adjuster, dec!(0)).await;
    let (customer, vehicle) = car(&db.pool, 1).await;
    let last_year = cover(
        &db.pool,
        customer,
        vehicle,
        "CLASS_1",
        date("2025-01-01"),
        date("2026-01-01"),
        "EXPIRED",
        0,
    )
    .await;
    let renewal = cover(
        &db.pool,
        customer,
        vehicle,
        "CLASS_1",
        date("2026-01-01"),
        date("2027-01-01"),
        "ACTIVE",
        0,
    )
    .await;
    sqlx::query("UPDATE policies SET previous_policy_id = $2, renewal_count = 1 WHERE id = $1")
        .bind(renewal)
        .bind(last_year)
        .execute(&db.pool)
        .await
        .unwrap();
    let filed = report(
        &adjuster.pool,
        &Report::of(renewal).at("2026-01-10 10:00+07"),
    )
    .await
    .unwrap();
    assert_eq!(filed.flags, flags(&[]), "cover has run for a year already");
}
