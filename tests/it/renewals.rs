//! Renewals (db::renewals): the link to last year's policy and the renewal record, the
//! no-claim discount from the claims, the batch (twice, at once, dry), expiry by
//! `db maintain`, and a renewal that needs a referral.

use std::sync::atomic::AtomicBool;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::json;
use sqlx::PgPool;
use uuid::Uuid;

use prakan::db::renewals::{
    self, BatchOptions, DuePage, RenewalChanges, RenewalChannel, RenewalError, RenewalOutcome,
    RenewalType,
};
use prakan::domain::premium::PremiumBreakdown;
use prakan::domain::premium::ncb::NcbReason;
use prakan::domain::staff::GroupRole;

use crate::fixtures::{self, date};
use crate::harness::{PASSWORD, TestDb, assert_refused_by};

/// The day the tests renew on: policies ending on 2027-01-01 are 22 days away.
fn today() -> NaiveDate {
    date("2026-12-10")
}

/// A customer with a 2022 pickup and a Class 1 policy (sum insured 600,000; 15,000 baht
/// before its NCB) running from `start` to `end`.
async fn insured(pool: &PgPool, n: u64, ncb: u8, start: &str, end: &str) -> Uuid {
    let customer = fixtures::customer(pool, n).await.expect("customer");
    let vehicle = fixtures::vehicle(pool, customer, &format!("ขข {}", 2000 + n), "10")
        .await
        .expect("vehicle");
    policy_on(pool, customer, vehicle, ncb, start, end, "ACTIVE").await
}

async fn policy_on(
    pool: &PgPool,
    customer: Uuid,
    vehicle: Uuid,
    ncb: u8,
    start: &str,
    end: &str,
    status: &str,
) -> Uuid {
    let base = Decimal::from(15000);
    let premium = PremiumBreakdown::new(base, base * Decimal::from(ncb) / Decimal::from(100));
    let coverage = json!({
        "own_damage": 600000, "theft_and_fire": 600000, "deductible": 0,
        "third_party_property": 1000000,
        "rating": { "ncb_percent": ncb, "surcharge_percent": 0 },
        "payment_terms": { "plan": "FULL", "remainder": "FIRST", "method": "BANK_TRANSFER" },
    });
    sqlx::query_scalar(
        "INSERT INTO policies (policy_number, customer_id, vehicle_id, policy_type, coverage_details,
                               sum_insured, base_premium, discounts, stamp_duty, vat, total_premium,
                               start_date, end_date, status, no_claim_discount, auto_renewal,
                               cancelled_at)
         VALUES ($1, $2, $3, 'CLASS_1', $4, 600000, $5, $6, $7, $8, $9, $10, $11, $12, $13, true,
                 CASE WHEN $12 = 'CANCELLED' THEN now() END)
         RETURNING id",
    )
    .bind(format!("T-{}", Uuid::new_v4()))
    .bind(customer)
    .bind(vehicle)
    .bind(coverage)
    .bind(premium.base)
    .bind(premium.discounts)
    .bind(premium.stamp_duty)
    .bind(premium.vat)
    .bind(premium.total)
    .bind(date(start))
    .bind(date(end))
    .bind(status)
    .bind(Decimal::from(ncb))
    .fetch_one(pool)
    .await
    .expect("policy")
}

/// A claim on the policy; `settled` = Some((at fault, counterparty named)) settles it.
async fn claim(
    pool: &PgPool,
    policy: Uuid,
    incident: &str,
    amount: i64,
    settled: Option<(bool, bool)>,
) {
    let claim: Uuid = sqlx::query_scalar(
        "INSERT INTO claims (claim_number, policy_id, incident_date, reported_date, claim_type,
                             status, incident_description, estimated_amount, settled_amount)
         VALUES ($1, $2, ($3::date + time '10:00') AT TIME ZONE 'Asia/Bangkok',
                 ($3::date + time '11:00') AT TIME ZONE 'Asia/Bangkok', 'ACCIDENT', $4,
                 'ชนท้าย', $5, CASE WHEN $6 THEN $5 END)
         RETURNING id",
    )
    .bind(format!("CL-T-{}", Uuid::new_v4()))
    .bind(policy)
    .bind(date(incident))
    .bind(if settled.is_some() {
        "SETTLED"
    } else {
        "REPORTED"
    })
    .bind(Decimal::from(amount))
    .bind(settled.is_some())
    .fetch_one(pool)
    .await
    .expect("claim");
    if let Some((at_fault, counterparty_named)) = settled {
        sqlx::query(
            "INSERT INTO claim_settlements (claim_id, settlement_type, payee_type, payee_name,
                                            gross_amount, net_amount, at_fault, counterparty_named,
                                            status, settled_at)
             VALUES ($1, 'REPAIR', 'REPAIR_SHOP', 'อู่ทดสอบ', $2, $2, $3, $4, 'PAID', now())",
        )
        .bind(claim)
        .bind(Decimal::from(amount))
        .bind(at_fault)
        .bind(counterparty_named)
        .execute(pool)
        .await
        .expect("settlement");
    }
}

async fn underwriter(db: &TestDb) -> (String, PgPool) {
    let username = db
        .create_staff_with_limit(GroupRole::Underwriter, Decimal::from(5_000_000))
        .await;
    let pool = db.login(&username, PASSWORD).await.expect("log in");
    (username, pool)
}

async fn count(pool: &PgPool, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_string()))
        .fetch_one(pool)
        .await
        .expect("a count")
}

fn options(chunk: usize, workers: usize) -> BatchOptions {
    BatchOptions {
        chunk,
        workers,
        ..BatchOptions::new(today())
    }
}

#[tokio::test]
async fn a_renewal_links_back_and_records_the_change() {
    let db = TestDb::new().await;
    let old = insured(&db.pool, 1, 20, "2026-01-01", "2027-01-01").await;
    let (_, pool) = underwriter(&db).await;

    let due = renewals::due(&pool, None, today(), DuePage::first(50))
        .await
        .expect("the queue");
    let row = due
        .iter()
        .find(|r| r.policy_id == old)
        .expect("the policy is due");
    let ncb = row.ncb.expect("class 1 earns an NCB");
    assert_eq!((ncb.previous_percent, ncb.next_percent), (20, 30));
    let quoted_total = row.new_total().expect("priced");

    let outcome = renewals::renew_one(
        &pool,
        old,
        row.version,
        &RenewalChanges::default(),
        RenewalChannel::Branch,
        today(),
    )
    .await
    .expect("renewed");
    let RenewalOutcome::Issued(renewed) = outcome else {
        panic!("expected an issued renewal, got {outcome:?}");
    };
    assert!(renewed.number.starts_with("C1-2570-"), "{}", renewed.number);
    assert_eq!(renewed.renewal_type, RenewalType::Manual);
    assert_eq!(renewed.total_premium, quoted_total);

    let (previous, count_, status, start, end, ncb_now, total): (
        Option<Uuid>,
        i32,
        String,
        NaiveDate,
        NaiveDate,
        Decimal,
        Decimal,
    ) = sqlx::query_as(
        "SELECT previous_policy_id, renewal_count, status, start_date, end_date, no_claim_discount,
                total_premium
           FROM policies WHERE id = $1",
    )
    .bind(renewed.policy_id)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(previous, Some(old));
    assert_eq!(count_, 1);
    assert_eq!(status, "ACTIVE");
    assert_eq!((start, end), (date("2027-01-01"), date("2028-01-01")));
    assert_eq!(ncb_now, Decimal::from(30));

    let old_total: Decimal = sqlx::query_scalar("SELECT total_premium FROM policies WHERE id = $1")
        .bind(old)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let (kind, premium_change, discount_change, initiated_by, channel): (
        String,
        Decimal,
        Decimal,
        String,
        String,
    ) = sqlx::query_as(
        "SELECT renewal_type, premium_change, discount_change, initiated_by, renewal_channel
           FROM policy_renewals WHERE original_policy_id = $1 AND renewed_policy_id = $2",
    )
    .bind(old)
    .bind(renewed.policy_id)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(kind, "MANUAL");
    assert_eq!(premium_change, total - old_total);
    assert_eq!(renewed.premium_change, premium_change);
    assert_eq!(discount_change, Decimal::from(10));
    assert_eq!(
        (initiated_by.as_str(), channel.as_str()),
        ("UNDERWRITER", "BRANCH")
    );

    // The cover is last year's; the rating and payment terms are the renewal's own.
    let (coverage, paid, documents): (serde_json::Value, Decimal, i64) = sqlx::query_as(
        "SELECT p.coverage_details,
                (SELECT sum(amount) FROM payments
                  WHERE policy_id = p.id AND payment_status = 'PENDING'),
                (SELECT count(*) FROM policy_documents WHERE policy_id = p.id)
           FROM policies p WHERE p.id = $1",
    )
    .bind(renewed.policy_id)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(coverage["third_party_property"], json!(1000000));
    assert_eq!(coverage["rating"]["ncb_percent"], json!(30));
    assert_eq!(coverage["payment_terms"]["method"], json!("BANK_TRANSFER"));
    assert_eq!(coverage["renewal"]["ncb_reason"], json!("CLAIM_FREE"));
    assert_eq!(paid, total);
    // The schedule is printed on demand, not pointed at before it exists.
    assert_eq!(documents, 0);

    // Once only, and the queue no longer offers it.
    let again = renewals::renew_one(
        &pool,
        old,
        row.version,
        &RenewalChanges::default(),
        RenewalChannel::Branch,
        today(),
    )
    .await;
    assert!(
        matches!(again, Err(RenewalError::AlreadyRenewed { ref number, .. }) if *number == renewed.number),
        "{again:?}"
    );
    let due = renewals::due(&pool, None, today(), DuePage::first(50))
        .await
        .unwrap();
    assert!(due.iter().all(|r| r.policy_id != old));
}

#[tokio::test]
async fn changes_and_a_stale_version() {
    let db = TestDb::new().await;
    let old = insured(&db.pool, 2, 0, "2026-01-01", "2027-01-01").await;
    let (_, pool) = underwriter(&db).await;
    let stale = renewals::renew_one(
        &pool,
        old,
        7,
        &RenewalChanges::default(),
        RenewalChannel::Agent,
        today(),
    )
    .await;
    assert!(matches!(stale, Err(RenewalError::Changed(_))), "{stale:?}");

    let changes = RenewalChanges {
        sum_insured: Some(Decimal::from(550_000)),
        deductible: Some(Decimal::from(3000)),
        auto_renewal: Some(false),
        ..RenewalChanges::default()
    };
    let outcome = renewals::renew_one(&pool, old, 0, &changes, RenewalChannel::Agent, today())
        .await
        .expect("renewed");
    let id = outcome.renewed().policy_id;
    let (sum, auto, coverage, changed): (Decimal, bool, serde_json::Value, serde_json::Value) =
        sqlx::query_as(
            "SELECT p.sum_insured, p.auto_renewal, p.coverage_details, r.coverage_changes
               FROM policies p JOIN policy_renewals r ON r.renewed_policy_id = p.id
              WHERE p.id = $1",
        )
        .bind(id)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(sum, Decimal::from(550_000));
    assert!(!auto);
    assert_eq!(coverage["own_damage"], json!("550000"));
    assert_eq!(coverage["deductible"], json!("3000"));
    assert_eq!(changed["sum_insured"]["to"], json!("550000"));
    assert_eq!(
        changed["auto_renewal"],
        json!({ "from": true, "to": false })
    );
}

#[tokio::test]
async fn the_ncb_follows_the_claims() {
    let db = TestDb::new().await;
    let pool = &db.pool;
    let claim_free = insured(pool, 10, 20, "2026-01-01", "2027-01-01").await;
    let at_fault = insured(pool, 11, 40, "2026-01-01", "2027-01-01").await;
    claim(pool, at_fault, "2026-05-01", 30000, Some((true, true))).await;
    let their_fault = insured(pool, 12, 30, "2026-01-01", "2027-01-01").await;
    claim(pool, their_fault, "2026-05-01", 90000, Some((false, true))).await;
    let unnamed = insured(pool, 13, 30, "2026-01-01", "2027-01-01").await;
    claim(pool, unnamed, "2026-05-01", 20000, Some((false, false))).await;
    let open = insured(pool, 14, 50, "2026-01-01", "2027-01-01").await;
    claim(pool, open, "2026-11-01", 5000, None).await;
    let heavy = insured(pool, 15, 50, "2026-01-01", "2027-01-01").await;
    claim(pool, heavy, "2026-03-01", 20000, Some((true, true))).await;
    claim(pool, heavy, "2026-04-01", 20000, None).await;
    // Rejected claims and claims before the period do not count.
    let rejected = insured(pool, 16, 20, "2026-01-01", "2027-01-01").await;
    claim(pool, rejected, "2026-05-01", 20000, None).await;
    sqlx::query("UPDATE claims SET status = 'REJECTED' WHERE policy_id = $1")
        .bind(rejected)
        .execute(pool)
        .await
        .unwrap();

    let due = renewals::due(pool, Some(30), today(), DuePage::first(100))
        .await
        .unwrap();
    let outcome = |id: Uuid| {
        let row = due.iter().find(|r| r.policy_id == id).expect("due");
        let ncb = row.ncb.expect("an NCB");
        (ncb.next_percent, ncb.reason, row.claims, row.claims_counted)
    };
    assert_eq!(outcome(claim_free), (30, NcbReason::ClaimFree, 0, 0));
    assert_eq!(outcome(at_fault), (30, NcbReason::OneClaim, 1, 1));
    assert_eq!(outcome(their_fault), (30, NcbReason::NotAtFaultOnly, 1, 0));
    assert_eq!(outcome(unnamed), (20, NcbReason::OneClaim, 1, 1));
    assert_eq!(outcome(open), (40, NcbReason::OneClaim, 1, 1));
    // 40,000 is more than twice the premium (8,057.10): two steps down.
    assert_eq!(
        outcome(heavy),
        (30, NcbReason::SeveralClaimsOverTwiceThePremium, 2, 2)
    );
    assert_eq!(outcome(rejected), (30, NcbReason::ClaimFree, 0, 0));
    // A lower NCB means a higher premium, the same risk otherwise.
    let total = |id: Uuid| {
        due.iter()
            .find(|r| r.policy_id == id)
            .and_then(|r| r.new_total())
            .unwrap()
    };
    assert!(total(unnamed) > total(claim_free));
}

#[tokio::test]
async fn the_queue_holds_the_window_and_pages() {
    let db = TestDb::new().await;
    let pool = &db.pool;
    let soon = insured(pool, 20, 0, "2026-01-01", "2027-01-01").await;
    let later = insured(pool, 21, 0, "2026-03-01", "2027-03-01").await; // 81 days
    let lapsed = insured(pool, 22, 0, "2025-12-01", "2026-12-01").await; // ended 9 days ago
    let long_gone = insured(pool, 23, 0, "2025-10-01", "2026-10-01").await; // beyond grace
    sqlx::query("UPDATE policies SET status = 'EXPIRED' WHERE id = ANY($1)")
        .bind(vec![lapsed, long_gone])
        .execute(pool)
        .await
        .unwrap();
    let customer = fixtures::customer(pool, 24).await.unwrap();
    let vehicle = fixtures::vehicle(pool, customer, "ขข 9024", "10")
        .await
        .unwrap();
    let cancelled = policy_on(
        pool,
        customer,
        vehicle,
        0,
        "2026-01-01",
        "2027-01-01",
        "CANCELLED",
    )
    .await;

    let ids = |rows: &[renewals::DueRenewal]| rows.iter().map(|r| r.policy_id).collect::<Vec<_>>();
    let due = renewals::due(pool, None, today(), DuePage::first(10))
        .await
        .unwrap();
    assert_eq!(ids(&due), [lapsed, soon]);
    assert_eq!(renewals::due_count(pool, None, today()).await.unwrap(), 2);
    let wider = renewals::due(pool, Some(90), today(), DuePage::first(10))
        .await
        .unwrap();
    assert_eq!(ids(&wider), [lapsed, soon, later]);
    assert!(!ids(&wider).contains(&long_gone) && !ids(&wider).contains(&cancelled));

    let first = renewals::due(pool, Some(90), today(), DuePage::first(2))
        .await
        .unwrap();
    let next = renewals::due(
        pool,
        Some(90),
        today(),
        DuePage {
            after: Some(first[1].key()),
            limit: 2,
        },
    )
    .await
    .unwrap();
    assert_eq!(ids(&first), [lapsed, soon]);
    assert_eq!(ids(&next), [later]);
    assert_eq!(due[0].plate(prakan::i18n::Lang::Th), "ขข 2022 กรุงเทพมหานคร");
}

#[tokio::test]
async fn the_batch_renews_each_policy_once() {
    let db = TestDb::new().await;
    let pool = &db.pool;
    let mut expected = Vec::new();
    for n in 0..7 {
        expected.push(insured(pool, 30 + n, 20, "2026-01-01", "2027-01-01").await);
    }
    // This vehicle already has next year's cover, issued as a new policy.
    let customer = fixtures::customer(pool, 40).await.unwrap();
    let vehicle = fixtures::vehicle(pool, customer, "ขข 9040", "10")
        .await
        .unwrap();
    policy_on(
        pool,
        customer,
        vehicle,
        0,
        "2026-01-01",
        "2027-01-01",
        "ACTIVE",
    )
    .await;
    policy_on(
        pool,
        customer,
        vehicle,
        0,
        "2027-01-01",
        "2028-01-01",
        "ACTIVE",
    )
    .await;

    let cancel = AtomicBool::new(false);
    let seen = std::sync::Mutex::new(Vec::new());
    let first = renewals::renew_batch(pool, &options(3, 2), &cancel, |p| {
        seen.lock().unwrap().push(p.done)
    })
    .await
    .expect("the batch");
    assert_eq!(first.candidates, 8);
    assert_eq!(first.renewed, 7, "{first:?}");
    assert_eq!((first.referred, first.failed), (0, 0), "{first:?}");
    assert_eq!(first.skipped_overlap, 1);
    assert_eq!(seen.lock().unwrap().iter().max(), Some(&8));

    let kinds: Vec<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT DISTINCT renewal_type, initiated_by, renewal_channel FROM policy_renewals",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    assert_eq!(kinds, [("AUTOMATIC".into(), "SYSTEM".into(), None)]);

    let second = renewals::renew_batch(pool, &options(3, 2), &cancel, |_| {})
        .await
        .unwrap();
    assert_eq!((second.candidates, second.renewed), (1, 0), "{second:?}");
    assert_eq!(second.skipped_overlap, 1);
    assert_eq!(count(pool, "SELECT count(*) FROM policy_renewals").await, 7);
    assert_eq!(
        count(
            pool,
            "SELECT count(*) FROM policies WHERE previous_policy_id IS NOT NULL"
        )
        .await,
        7
    );
    let renewed: Vec<Uuid> =
        sqlx::query_scalar("SELECT original_policy_id FROM policy_renewals ORDER BY 1")
            .fetch_all(pool)
            .await
            .unwrap();
    expected.sort();
    assert_eq!(renewed, expected);
}

#[tokio::test]
async fn two_batches_at_once_share_the_work() {
    let db = TestDb::new().await;
    let pool = &db.pool;
    for n in 0..12 {
        insured(pool, 50 + n, 0, "2026-01-01", "2027-01-01").await;
    }
    let cancel = AtomicBool::new(false);
    let (first, second) = (options(2, 1), options(2, 1));
    let (a, b) = tokio::join!(
        renewals::renew_batch(pool, &first, &cancel, |_| {}),
        renewals::renew_batch(pool, &second, &cancel, |_| {}),
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.renewed + b.renewed, 12, "{a:?} {b:?}");
    assert_eq!(a.failed + b.failed, 0);
    assert_eq!(
        count(pool, "SELECT count(*) FROM policy_renewals").await,
        12
    );
}

#[tokio::test]
async fn a_dry_run_writes_nothing() {
    let db = TestDb::new().await;
    let pool = &db.pool;
    for n in 0..4 {
        insured(pool, 70 + n, 30, "2026-01-01", "2027-01-01").await;
    }
    let tables = "SELECT (SELECT count(*) FROM policies) + (SELECT count(*) FROM payments)
                       + (SELECT count(*) FROM policy_renewals)
                       + (SELECT count(*) FROM policy_documents)
                       + (SELECT count(*) FROM policy_referrals)
                       + (SELECT count(*) FROM audit_logs)";
    let before = count(pool, tables).await;
    let sequences = "SELECT (SELECT last_value FROM policy_number_seq)
                          + (SELECT last_value FROM quote_number_seq)";
    let numbers = count(pool, sequences).await;
    let cancel = AtomicBool::new(false);
    let report = renewals::renew_batch(
        pool,
        &BatchOptions {
            dry_run: true,
            ..options(3, 1)
        },
        &cancel,
        |_| {},
    )
    .await
    .unwrap();
    assert!(report.dry_run);
    assert_eq!(report.renewed, 4, "{report:?}");
    assert!(report.premium_after > Decimal::ZERO);
    assert_eq!(count(pool, tables).await, before);
    assert_eq!(count(pool, sequences).await, numbers);
    assert_eq!(renewals::due_count(pool, None, today()).await.unwrap(), 4);
}

#[tokio::test]
async fn maintain_expires_ended_policies() {
    let db = TestDb::new().await;
    let pool = &db.pool;
    let ended = insured(pool, 80, 0, "2025-12-01", "2026-12-01").await;
    let ends_today = insured(pool, 81, 0, "2025-12-10", "2026-12-10").await;
    let running = insured(pool, 82, 0, "2026-01-01", "2027-01-01").await;
    let status = |id: Uuid| async move {
        sqlx::query_scalar::<_, String>("SELECT status FROM policies WHERE id = $1")
            .bind(id)
            .fetch_one(pool)
            .await
            .unwrap()
    };
    assert_eq!(
        prakan::db::maintain::expire_policies(pool, today())
            .await
            .unwrap(),
        1
    );
    assert_eq!(status(ended).await, "EXPIRED");
    assert_eq!(status(ends_today).await, "ACTIVE");
    assert_eq!(status(running).await, "ACTIVE");
    assert_eq!(
        prakan::db::maintain::expire_policies(pool, today())
            .await
            .unwrap(),
        0
    );
    // Expired within the grace period, it is still due.
    let due = renewals::due(pool, None, today(), DuePage::first(10))
        .await
        .unwrap();
    assert!(
        due.iter()
            .any(|r| r.policy_id == ended && r.status == "EXPIRED")
    );

    // `db maintain` does it on the real date.
    let old = insured(pool, 83, 0, "2020-01-01", "2021-01-01").await;
    let report = prakan::db::maintain::run(pool).await.unwrap();
    assert!(report.policies_expired >= 1);
    assert_eq!(status(old).await, "EXPIRED");
}

#[tokio::test]
async fn a_referred_renewal_waits_for_approval() {
    let db = TestDb::new().await;
    // Two claims in the year before the renewal starts: the CLAIMS_HISTORY rule.
    let old = insured(&db.pool, 90, 50, "2026-01-01", "2027-01-01").await;
    claim(&db.pool, old, "2026-03-01", 4000, Some((false, true))).await;
    claim(&db.pool, old, "2026-08-01", 4000, Some((false, true))).await;
    let (_, pool) = underwriter(&db).await;

    let outcome = renewals::renew_one(
        &pool,
        old,
        0,
        &RenewalChanges::default(),
        RenewalChannel::CallCenter,
        today(),
    )
    .await
    .expect("written");
    let RenewalOutcome::Referred { renewed, referrals } = outcome else {
        panic!("expected a referral, got {outcome:?}");
    };
    assert!(renewed.number.starts_with("Q-"), "{}", renewed.number);
    assert_eq!(
        referrals
            .iter()
            .map(|r| (r.rule.as_str(), r.status.as_str()))
            .collect::<Vec<_>>(),
        [("CLAIMS_HISTORY", "PENDING")]
    );
    let (status, version): (String, i32) =
        sqlx::query_as("SELECT status, version FROM policies WHERE id = $1")
            .bind(renewed.policy_id)
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(status, "DRAFT");
    assert_eq!(
        count(
            &db.pool,
            "SELECT count(*) FROM payments p JOIN policies x ON x.id = p.policy_id
              WHERE x.status = 'DRAFT'"
        )
        .await,
        0
    );
    // Recorded as the policy's renewal, so it is not offered again…
    let again = renewals::renew_one(
        &pool,
        old,
        0,
        &RenewalChanges::default(),
        RenewalChannel::Branch,
        today(),
    )
    .await;
    assert!(
        matches!(again, Err(RenewalError::AlreadyRenewed { .. })),
        "{again:?}"
    );
    // …and it cannot be issued behind the referral's back.
    assert_refused_by(
        sqlx::query("UPDATE policies SET status = 'ACTIVE' WHERE id = $1")
            .bind(renewed.policy_id)
            .execute(&pool)
            .await,
        "chk_policies_referral_approved",
    );

    // Another underwriter approves; then it issues like any quote.
    let (_, approver) = underwriter(&db).await;
    sqlx::query("UPDATE policy_referrals SET status = 'APPROVED' WHERE policy_id = $1")
        .bind(renewed.policy_id)
        .execute(&approver)
        .await
        .expect("approve");
    let issued = prakan::db::policies::issue_quote(&pool, renewed.policy_id, version)
        .await
        .expect("issued");
    assert!(
        matches!(issued, prakan::db::policies::IssueOutcome::Issued { .. }),
        "{issued:?}"
    );
}

#[tokio::test]
async fn the_batch_counts_referrals_and_leaves_them_drafts() {
    let db = TestDb::new().await;
    let pool = &db.pool;
    let clean = insured(pool, 100, 0, "2026-01-01", "2027-01-01").await;
    let claimed = insured(pool, 101, 0, "2026-01-01", "2027-01-01").await;
    claim(pool, claimed, "2026-03-01", 1000, Some((true, true))).await;
    claim(pool, claimed, "2026-04-01", 1000, Some((true, true))).await;
    let cancel = AtomicBool::new(false);
    let report = renewals::renew_batch(pool, &options(10, 1), &cancel, |_| {})
        .await
        .unwrap();
    assert_eq!((report.renewed, report.referred), (1, 1), "{report:?}");
    let statuses: Vec<(Uuid, String)> = sqlx::query_as(
        "SELECT r.original_policy_id, p.status FROM policy_renewals r
           JOIN policies p ON p.id = r.renewed_policy_id ORDER BY p.status",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    assert_eq!(
        statuses,
        [
            (clean, "ACTIVE".to_string()),
            (claimed, "DRAFT".to_string())
        ]
    );
    assert_eq!(
        count(
            pool,
            "SELECT count(*) FROM policy_referrals WHERE status = 'PENDING'"
        )
        .await,
        1
    );
}
