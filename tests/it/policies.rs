//! Underwriting after the quote, against a real PostgreSQL: referral decisions within
//! authority (through db::referrals and through raw SQL), the issue trigger, cancellation
//! with its refund (db::cancellation), and everything about one policy (db::policy_detail).

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use rust_decimal_macros::dec;
use sqlx::PgPool;
use uuid::Uuid;

use prakan::db::cancellation::{self, CancelError, CancelField};
use prakan::db::referrals::{self, DecisionError};
use prakan::db::{policies, policy_detail};
use prakan::domain::cancellation::{CancellationCode, RefundBasis};
use prakan::domain::premium::PremiumBreakdown;
use prakan::domain::premium::instalments::{PaymentPlan, Remainder};
use prakan::domain::premium::refund::CancelledBy;
use prakan::domain::staff::GroupRole;
use prakan::i18n::Lang;

use crate::fixtures::{self, date};
use crate::harness::{PASSWORD, TestDb, assert_refused_by, violation};

/// The short-rate table of DOMAIN §2, as printed there: the percentage returned for 1–9
/// days in force, then per 10-day band.
const SHORT_RATE: [u32; 36] = [
    72, 68, 65, 63, 61, 59, 56, 54, 52, 50, 48, 46, 44, 41, 39, 37, 35, 32, 30, 29, 27, 25, 23, 22,
    20, 18, 16, 15, 13, 12, 10, 8, 6, 4, 3, 1,
];

fn satang(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

async fn staff(db: &TestDb, group: GroupRole, limit: Decimal) -> (Uuid, PgPool) {
    let username = db.create_staff_with_limit(group, limit).await;
    let pool = db.login(&username, PASSWORD).await.expect("log in");
    (db.staff_id(&username).await, pool)
}

/// A vehicle of the given year and usage for a new customer (optionally an agent's).
async fn customer_vehicle(
    db: &TestDb,
    n: u64,
    agent: Option<Uuid>,
    year: i32,
    usage: &str,
) -> (Uuid, Uuid) {
    let customer = fixtures::customer_with_agent(&db.pool, n, agent)
        .await
        .expect("customer");
    let vehicle = sqlx::query_scalar(
        "INSERT INTO customer_vehicles (customer_id, registration_number, province_code, make, model,
                                        year_of_manufacture, engine_cc, seats, vehicle_type,
                                        fuel_type, usage_type)
         VALUES ($1, $2, '10', 'Toyota', 'Corolla Altis', $3, 1800, 5, 'SEDAN', 'GASOLINE', $4)
         RETURNING id",
    )
    .bind(customer)
    .bind(format!("ทก {}", 100 + n))
    .bind(year)
    .bind(usage)
    .fetch_one(&db.pool)
    .await
    .expect("vehicle");
    (customer, vehicle)
}

/// A Class 1 quote (DRAFT) with a sum insured, starting 1 Dec 2026 for a year.
async fn class_1_quote(db: &TestDb, customer: Uuid, vehicle: Uuid, sum_insured: Decimal) -> Uuid {
    let premium = PremiumBreakdown::new(dec!(15000), Decimal::ZERO);
    sqlx::query_scalar(
        "INSERT INTO policies (policy_number, quote_number, customer_id, vehicle_id, policy_type,
                               coverage_details, sum_insured, base_premium, discounts, stamp_duty,
                               vat, total_premium, start_date, end_date, status)
         VALUES ($1, $1, $2, $3, 'CLASS_1', '{}', $4, $5, 0, $6, $7, $8,
                 '2026-12-01', '2027-12-01', 'DRAFT')
         RETURNING id",
    )
    .bind(format!("Q-TEST-{}", Uuid::new_v4()))
    .bind(customer)
    .bind(vehicle)
    .bind(sum_insured)
    .bind(premium.base)
    .bind(premium.stamp_duty)
    .bind(premium.vat)
    .bind(premium.total)
    .fetch_one(&db.pool)
    .await
    .expect("a quote")
}

/// Refers a quote as the person on `pool` does at issue: one referral per rule it meets.
async fn refer(pool: &PgPool, policy: Uuid) -> Vec<(Uuid, String, Decimal, i32)> {
    sqlx::query(
        "INSERT INTO policy_referrals (policy_id, rule, reason, required_authority)
         SELECT $1, rule, reason, required_authority FROM policy_referral_rules($1)",
    )
    .bind(policy)
    .execute(pool)
    .await
    .expect("refer the quote");
    sqlx::query_as(
        "SELECT id, rule, required_authority, version FROM policy_referrals
          WHERE policy_id = $1 ORDER BY rule",
    )
    .bind(policy)
    .fetch_all(pool)
    .await
    .expect("the referrals")
}

async fn referral_state(db: &TestDb, id: Uuid) -> (String, Option<Uuid>, i32) {
    sqlx::query_as("SELECT status, decided_by, version FROM policy_referrals WHERE id = $1")
        .bind(id)
        .fetch_one(&db.pool)
        .await
        .expect("the referral")
}

#[tokio::test]
async fn a_referral_is_approved_once_by_someone_else_within_their_authority() {
    let db = TestDb::new().await;
    let (_, referrer) = staff(&db, GroupRole::Underwriter, dec!(5000000)).await;
    let (_, junior) = staff(&db, GroupRole::Underwriter, dec!(1500000)).await;
    let (senior_id, senior) = staff(&db, GroupRole::Underwriter, dec!(3000000)).await;
    let (agent_id, agent) = staff(&db, GroupRole::Agent, Decimal::ZERO).await;

    // A taxi insured for 2,000,000: the hire-usage rule, needing that much authority.
    let (customer, taxi) = customer_vehicle(&db, 1, Some(agent_id), 2022, "TAXI").await;
    let quote = class_1_quote(&db, customer, taxi, dec!(2000000)).await;
    let referred = refer(&referrer, quote).await;
    assert_eq!(referred.len(), 1, "{referred:?}");
    let (referral, rule, required, version) = referred[0].clone();
    assert_eq!((rule.as_str(), required), ("HIRE_USAGE", dec!(2000000)));

    let queue = referrals::queue(&junior).await.expect("the queue");
    assert_eq!(queue.len(), 1);
    let row = &queue[0];
    assert_eq!(
        (row.referral_id, row.policy_id, row.required_authority),
        (referral, quote, dec!(2000000))
    );
    assert_eq!(row.plate, "ทก 101");
    assert!(!row.within_my_authority && !row.referred_by_me && !row.approvable());
    let from_senior = referrals::queue(&senior).await.unwrap();
    assert!(from_senior[0].approvable());
    let from_referrer = referrals::queue(&referrer).await.unwrap();
    assert!(from_referrer[0].referred_by_me && !from_referrer[0].approvable());

    // 1,500,000 of authority does not approve 2,000,000: not through prakan …
    let refused = referrals::decide(&junior, referral, version, true, "")
        .await
        .unwrap_err();
    assert!(
        matches!(
            refused,
            DecisionError::Authority { authority, required }
                if authority == dec!(1500000) && required == dec!(2000000)
        ),
        "{refused:?}"
    );
    assert_eq!(
        refused.message().text(Lang::En),
        "Your authority of 1,500,000.00 THB is below the 2,000,000.00 THB this referral needs."
    );
    // … nor around it.
    let raw = sqlx::query("UPDATE policy_referrals SET status = 'APPROVED' WHERE id = $1")
        .bind(referral)
        .execute(&junior)
        .await
        .unwrap_err();
    assert_eq!(
        violation(&raw),
        (
            "42501".into(),
            Some("chk_policy_referrals_authority".into())
        )
    );
    assert_eq!(
        referral_state(&db, referral).await,
        ("PENDING".into(), None, version)
    );

    // The referrer may not decide their own referral, whatever their authority.
    let own = referrals::decide(&referrer, referral, version, true, "ok")
        .await
        .unwrap_err();
    assert!(matches!(own, DecisionError::OwnReferral), "{own:?}");
    assert_refused_by(
        sqlx::query("UPDATE policy_referrals SET status = 'APPROVED' WHERE id = $1")
            .bind(referral)
            .execute(&referrer)
            .await,
        "chk_policy_referrals_four_eyes",
    );

    // An agent may not decide at all.
    let agent_try = referrals::decide(&agent, referral, version, true, "")
        .await
        .unwrap_err();
    assert!(
        matches!(agent_try, DecisionError::NotPermitted),
        "{agent_try:?}"
    );
    let raw = sqlx::query("UPDATE policy_referrals SET status = 'APPROVED' WHERE id = $1")
        .bind(referral)
        .execute(&agent)
        .await
        .unwrap_err();
    assert_eq!(violation(&raw).0, "42501");
    assert_eq!(
        referral_state(&db, referral).await,
        ("PENDING".into(), None, version)
    );

    // Declining needs a reason; the senior approves.
    assert!(matches!(
        referrals::decide(&senior, referral, version, false, "  ").await,
        Err(DecisionError::NoteRequired)
    ));
    referrals::decide(&senior, referral, version, true, "เจ้าของรถมีประวัติดี")
        .await
        .expect("the senior approves");
    let (status, decided_by, new_version) = referral_state(&db, referral).await;
    assert_eq!((status.as_str(), decided_by), ("APPROVED", Some(senior_id)));
    assert!(new_version > version);
    assert!(referrals::queue(&senior).await.unwrap().is_empty());

    // A decision stands: an old version is a conflict, the current one meets the rule.
    let stale = referrals::decide(&senior, referral, version, false, "changed my mind")
        .await
        .unwrap_err();
    match &stale {
        DecisionError::Conflict(conflict) => assert_eq!(conflict.version, new_version),
        other => panic!("expected a conflict, got {other:?}"),
    }
    let again = referrals::decide(&senior, referral, new_version, false, "changed my mind")
        .await
        .unwrap_err();
    assert!(
        matches!(&again, DecisionError::AlreadyDecided { status, by: Some(_) } if status == "APPROVED"),
        "{again:?}"
    );
    assert_refused_by(
        sqlx::query("UPDATE policy_referrals SET status = 'DECLINED' WHERE id = $1")
            .bind(referral)
            .execute(&senior)
            .await,
        "chk_policy_referrals_decided_once",
    );
    assert_eq!(
        referral_state(&db, referral).await,
        ("APPROVED".into(), Some(senior_id), new_version)
    );

    // The policy view shows the decision.
    let detail = policy_detail::load(&agent, quote)
        .await
        .unwrap()
        .expect("the agent sees their customer's quote");
    let shown = detail.referrals.expect("agents read referrals");
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].status, "APPROVED");
    assert_eq!(shown[0].decision_note.as_deref(), Some("เจ้าของรถมีประวัติดี"));
}

#[tokio::test]
async fn a_quote_that_meets_a_rule_is_not_issued_until_its_referral_is_approved() {
    let db = TestDb::new().await;
    let (_, issuer) = staff(&db, GroupRole::Underwriter, dec!(1000000)).await;
    let (_, senior) = staff(&db, GroupRole::Underwriter, dec!(3000000)).await;
    // Class 1 on a car built in 2011, starting in 2026: 15 years old (the limit is 10).
    let (customer, old_car) = customer_vehicle(&db, 2, None, 2011, "PERSONAL").await;
    let quote = class_1_quote(&db, customer, old_car, dec!(300000)).await;

    let issue = |pool: PgPool| async move {
        sqlx::query("UPDATE policies SET status = 'ACTIVE', issued_at = now() WHERE id = $1")
            .bind(quote)
            .execute(&pool)
            .await
    };
    assert_refused_by(
        issue(issuer.clone()).await,
        "chk_policies_referral_approved",
    );

    let referred = refer(&issuer, quote).await;
    assert_eq!(referred.len(), 1, "{referred:?}");
    assert_eq!(referred[0].1, "VEHICLE_AGE");
    assert_refused_by(
        issue(issuer.clone()).await,
        "chk_policies_referral_approved",
    );
    let status: String = sqlx::query_scalar("SELECT status FROM policies WHERE id = $1")
        .bind(quote)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(status, "DRAFT");

    referrals::decide(&senior, referred[0].0, referred[0].3, true, "")
        .await
        .expect("approved");
    issue(issuer.clone()).await.expect("issued once approved");
}

/// Payments of a policy as the cluster superuser records them.
async fn payment(
    db: &TestDb,
    policy: Uuid,
    customer: Uuid,
    instalment: Option<(i32, i32)>,
    amount: Decimal,
    status: &str,
) {
    sqlx::query(
        "INSERT INTO payments (policy_id, customer_id, payment_type, amount, total_amount,
                               payment_method, payment_status, payment_date, due_date,
                               installment_number, total_installments)
         VALUES ($1, $2, CASE WHEN $3::int IS NULL THEN 'PREMIUM' ELSE 'INSTALLMENT' END, $4, $4,
                 'PROMPTPAY', $5, CASE WHEN $5 = 'SUCCESS' THEN now() END,
                 '2026-01-01'::date + 30 * (COALESCE($3, 1) - 1), $3, $6)",
    )
    .bind(policy)
    .bind(customer)
    .bind(instalment.map(|(n, _)| n))
    .bind(amount)
    .bind(status)
    .bind(instalment.map(|(_, of)| of))
    .execute(&db.pool)
    .await
    .expect("a payment");
}

async fn policy_version(db: &TestDb, policy: Uuid) -> (String, i32) {
    sqlx::query_as("SELECT status, version FROM policies WHERE id = $1")
        .bind(policy)
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

async fn total_premium(db: &TestDb, policy: Uuid) -> Decimal {
    sqlx::query_scalar("SELECT total_premium FROM policies WHERE id = $1")
        .bind(policy)
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn the_insured_cancelling_after_45_days_gets_the_short_rate_back() {
    let db = TestDb::new().await;
    let (_, underwriter) = staff(&db, GroupRole::Underwriter, Decimal::ZERO).await;
    // Class 1 from 1 Jan 2026 for twelve months, paid in full.
    let (customer, _, policy) = fixtures::insured_pickup(&db.pool, 3).await;
    let total = total_premium(&db, policy).await;
    payment(&db, policy, customer, None, total, "SUCCESS").await;
    let cancel_on = date("2026-02-15");
    // 45 days in force: the 40–49 band of the DOMAIN table.
    let band = 45 / 10;
    let percent = SHORT_RATE[band];
    assert_eq!(percent, 61);
    let expected = satang(total * Decimal::from(percent) / dec!(100));

    let quote = cancellation::preview(&underwriter, policy, cancel_on, CancelledBy::Insured)
        .await
        .expect("a preview");
    assert_eq!(quote.days_in_force, 45);
    assert_eq!(
        quote.basis,
        RefundBasis::ShortRate {
            days: 45,
            percent: 61
        }
    );
    assert_eq!(
        (quote.entitlement, quote.paid, quote.refund_due),
        (expected, total, expected)
    );
    assert_eq!(quote.unpaid_to_cancel.count, 0);
    assert_eq!(quote.allowed_codes, CancellationCode::ALL);

    let outcome = cancellation::cancel(
        &underwriter,
        policy,
        quote.version,
        CancellationCode::CustomerRequest,
        CancelledBy::Insured,
        "ลูกค้าขายรถให้ญาติ ขอยกเลิก",
        cancel_on,
    )
    .await
    .expect("cancelled");
    assert_eq!(outcome.refund, expected);
    assert_eq!(outcome.unpaid_cancelled, 0);

    let (status, code, party, cancelled, effective): (
        String,
        Option<String>,
        Option<String>,
        bool,
        Option<String>,
    ) = sqlx::query_as(
        "SELECT status, cancellation_code, cancelled_by_party, cancelled_at IS NOT NULL,
                coverage_details #>> '{cancellation,effective_date}'
           FROM policies WHERE id = $1",
    )
    .bind(policy)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        (
            status.as_str(),
            code.as_deref(),
            party.as_deref(),
            cancelled
        ),
        ("CANCELLED", Some("CUSTOMER_REQUEST"), Some("INSURED"), true)
    );
    assert_eq!(effective.as_deref(), Some("2026-02-15"));

    let refunds: Vec<(Uuid, String, String, Decimal, String, Option<NaiveDate>)> = sqlx::query_as(
        "SELECT id, payment_direction, payment_status, amount, payment_method, due_date
               FROM payments WHERE policy_id = $1 AND payment_type = 'REFUND'",
    )
    .bind(policy)
    .fetch_all(&db.pool)
    .await
    .unwrap();
    assert_eq!(refunds.len(), 1, "exactly one refund");
    let (id, direction, status, amount, method, due) = refunds[0].clone();
    assert_eq!(Some(id), outcome.refund_payment_id);
    assert_eq!(
        (direction.as_str(), status.as_str(), amount, method.as_str()),
        ("OUTGOING", "PENDING", expected, "BANK_TRANSFER")
    );
    assert_eq!(due, Some(date("2026-03-02")));

    // Cancelled once: a second attempt is told so.
    let again = cancellation::cancel(
        &underwriter,
        policy,
        outcome.version,
        CancellationCode::CustomerRequest,
        CancelledBy::Insured,
        "again",
        cancel_on,
    )
    .await
    .unwrap_err();
    assert!(
        matches!(&again, CancelError::NotCancellable { status } if status == "CANCELLED"),
        "{again:?}"
    );
}

#[tokio::test]
async fn cancelling_an_instalment_policy_calls_off_the_unpaid_instalments() {
    let db = TestDb::new().await;
    let (_, underwriter) = staff(&db, GroupRole::Underwriter, Decimal::ZERO).await;
    let (customer, _, policy) = fixtures::insured_pickup(&db.pool, 4).await;
    let total = total_premium(&db, policy).await;
    let instalment = satang(total / dec!(12));
    for n in 1..=12 {
        let status = if n <= 2 { "SUCCESS" } else { "PENDING" };
        payment(&db, policy, customer, Some((n, 12)), instalment, status).await;
    }
    let (_, version) = policy_version(&db, policy).await;
    let quote = cancellation::preview(
        &underwriter,
        policy,
        date("2026-02-15"),
        CancelledBy::Insured,
    )
    .await
    .unwrap();
    assert_eq!(quote.paid, instalment * dec!(2));
    assert_eq!(quote.unpaid_to_cancel.count, 10);
    assert_eq!(quote.unpaid_to_cancel.amount, instalment * dec!(10));
    // Two twelfths paid are less than the 39 % the insured keeps owing: nothing goes back.
    assert_eq!(quote.refund_due, Decimal::ZERO);

    let outcome = cancellation::cancel(
        &underwriter,
        policy,
        version,
        CancellationCode::VehicleSold,
        CancelledBy::Insured,
        "ขายรถแล้ว",
        date("2026-02-15"),
    )
    .await
    .expect("cancelled");
    assert_eq!(outcome.unpaid_cancelled, 10);
    assert_eq!(outcome.refund_payment_id, None);
    let states: Vec<(String, i64)> = sqlx::query_as(
        "SELECT payment_status, count(*) FROM payments WHERE policy_id = $1
          GROUP BY payment_status ORDER BY payment_status",
    )
    .bind(policy)
    .fetch_all(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        states,
        vec![("CANCELLED".to_string(), 10), ("SUCCESS".to_string(), 2)]
    );
}

#[tokio::test]
async fn the_insurer_cancelling_returns_pro_rata() {
    let db = TestDb::new().await;
    let (_, underwriter) = staff(&db, GroupRole::Underwriter, Decimal::ZERO).await;
    let (customer, _, policy) = fixtures::insured_pickup(&db.pool, 5).await;
    let total = total_premium(&db, policy).await;
    payment(&db, policy, customer, None, total, "SUCCESS").await;
    let (_, version) = policy_version(&db, policy).await;
    // 1 Jan 2026 – 1 Jan 2027 is 365 days; cancelled on 11 Apr, 100 days in force.
    let expected = satang(total * dec!(265) / dec!(365));

    let insurer_reason_by_insured = cancellation::cancel(
        &underwriter,
        policy,
        version,
        CancellationCode::Misrepresentation,
        CancelledBy::Insured,
        "x",
        date("2026-04-11"),
    )
    .await
    .unwrap_err();
    assert_eq!(insurer_reason_by_insured.field(), Some(CancelField::Party));

    let quote = cancellation::preview(
        &underwriter,
        policy,
        date("2026-04-11"),
        CancelledBy::Insurer,
    )
    .await
    .unwrap();
    assert_eq!(
        quote.basis,
        RefundBasis::ProRata {
            unexpired_days: 265,
            period_days: 365
        }
    );
    let outcome = cancellation::cancel(
        &underwriter,
        policy,
        version,
        CancellationCode::Misrepresentation,
        CancelledBy::Insurer,
        "แจ้งใช้รถส่วนบุคคล แต่ใช้รับจ้าง",
        date("2026-04-11"),
    )
    .await
    .expect("cancelled");
    assert_eq!(outcome.refund, expected);
    let (amount, party): (Decimal, String) = sqlx::query_as(
        "SELECT pay.amount, p.cancelled_by_party FROM payments pay JOIN policies p ON p.id = pay.policy_id
          WHERE pay.id = $1",
    )
    .bind(outcome.refund_payment_id.expect("a refund"))
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!((amount, party.as_str()), (expected, "INSURER"));
}

#[tokio::test]
async fn cmi_is_not_cancelled_at_the_customers_request() {
    let db = TestDb::new().await;
    let (_, underwriter) = staff(&db, GroupRole::Underwriter, Decimal::ZERO).await;
    let customer = fixtures::customer(&db.pool, 6).await.unwrap();
    let car = fixtures::vehicle(&db.pool, customer, "กข 6006", "10")
        .await
        .unwrap();
    let cmi = fixtures::policy(&db.pool, customer, car, "CMI", "2026-01-01", "2027-01-01")
        .await
        .unwrap();
    let total = total_premium(&db, cmi).await;
    payment(&db, cmi, customer, None, total, "SUCCESS").await;
    let before = policy_version(&db, cmi).await;

    let quote = cancellation::preview(&underwriter, cmi, date("2026-02-15"), CancelledBy::Insured)
        .await
        .unwrap();
    assert!(
        !quote
            .allowed_codes
            .contains(&CancellationCode::CustomerRequest)
    );
    let refused = cancellation::cancel(
        &underwriter,
        cmi,
        before.1,
        CancellationCode::CustomerRequest,
        CancelledBy::Insured,
        "ไม่อยากทำ พ.ร.บ.",
        date("2026-02-15"),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(refused, CancelError::CodeNotAllowed { .. }),
        "{refused:?}"
    );
    assert_eq!(refused.field(), Some(CancelField::Code));
    assert!(
        refused
            .message()
            .text(Lang::En)
            .starts_with("A CMI (พ.ร.บ.) policy cannot be cancelled at the customer's request"),
        "{}",
        refused.message().text(Lang::En)
    );
    assert_eq!(policy_version(&db, cmi).await, before, "nothing changed");
    let payments: Vec<(String, String)> =
        sqlx::query_as("SELECT payment_type, payment_status FROM payments WHERE policy_id = $1")
            .bind(cmi)
            .fetch_all(&db.pool)
            .await
            .unwrap();
    assert_eq!(payments, vec![("PREMIUM".into(), "SUCCESS".into())]);

    // The database holds the same rule for anyone going around prakan.
    assert_refused_by(
        sqlx::query(
            "UPDATE policies SET status = 'CANCELLED', cancelled_at = now(),
                    cancellation_code = 'CUSTOMER_REQUEST' WHERE id = $1",
        )
        .bind(cmi)
        .execute(&underwriter)
        .await,
        "chk_policies_cmi_cancellation",
    );

    // A lawful reason ends it.
    cancellation::cancel(
        &underwriter,
        cmi,
        before.1,
        CancellationCode::VehicleWrittenOff,
        CancelledBy::Insured,
        "รถเสียหายสิ้นเชิงจากน้ำท่วม",
        date("2026-02-15"),
    )
    .await
    .expect("a written-off car's CMI ends");
}

#[tokio::test]
async fn a_stale_version_or_the_wrong_role_cancels_nothing() {
    let db = TestDb::new().await;
    let (_, underwriter) = staff(&db, GroupRole::Underwriter, Decimal::ZERO).await;
    let (_, colleague) = staff(&db, GroupRole::Underwriter, Decimal::ZERO).await;
    let (agent_id, agent) = staff(&db, GroupRole::Agent, Decimal::ZERO).await;
    let (_, finance) = staff(&db, GroupRole::Finance, Decimal::ZERO).await;
    let customer = fixtures::customer_with_agent(&db.pool, 7, Some(agent_id))
        .await
        .unwrap();
    let car = fixtures::vehicle(&db.pool, customer, "กข 7007", "10")
        .await
        .unwrap();
    let policy = fixtures::policy(
        &db.pool,
        customer,
        car,
        "CLASS_1",
        "2026-01-01",
        "2027-01-01",
    )
    .await
    .unwrap();
    let (_, loaded) = policy_version(&db, policy).await;
    sqlx::query("UPDATE policies SET auto_renewal = true WHERE id = $1")
        .bind(policy)
        .execute(&colleague)
        .await
        .unwrap();

    let cancel = |pool: PgPool, version: i32| async move {
        cancellation::cancel(
            &pool,
            policy,
            version,
            CancellationCode::DuplicateCover,
            CancelledBy::Insured,
            "มีประกันชั้น 1 กับบริษัทอื่นแล้ว",
            date("2026-03-01"),
        )
        .await
    };
    match cancel(underwriter.clone(), loaded).await.unwrap_err() {
        CancelError::Conflict(conflict) => {
            assert_eq!(conflict.version, loaded + 1);
            assert!(conflict.by.is_some());
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    for pool in [agent, finance] {
        let refused = cancel(pool, loaded + 1).await.unwrap_err();
        assert!(matches!(refused, CancelError::NotPermitted), "{refused:?}");
    }
    assert_eq!(
        policy_version(&db, policy).await,
        ("ACTIVE".into(), loaded + 1)
    );

    // A cancellation takes effect today or earlier.
    let future = cancellation::preview(
        &underwriter,
        policy,
        date("2100-01-01"),
        CancelledBy::Insured,
    )
    .await
    .unwrap_err();
    assert!(
        matches!(future, CancelError::DateInFuture { .. }),
        "{future:?}"
    );
    assert_eq!(future.field(), Some(CancelField::Date));

    cancel(underwriter.clone(), loaded + 1)
        .await
        .expect("the current version cancels");
    assert_eq!(policy_version(&db, policy).await.0, "CANCELLED");
}

#[tokio::test]
async fn the_policy_view_has_the_schedule_and_the_renewal_chain() {
    let db = TestDb::new().await;
    let (agent_id, agent) = staff(&db, GroupRole::Agent, Decimal::ZERO).await;
    let (_, other_agent) = staff(&db, GroupRole::Agent, Decimal::ZERO).await;
    let customer = fixtures::customer_with_agent(&db.pool, 8, Some(agent_id))
        .await
        .unwrap();
    let car = fixtures::vehicle(&db.pool, customer, "กข 8008", "10")
        .await
        .unwrap();
    let mut chain = Vec::new();
    for year in 2024..=2027 {
        let id = fixtures::policy(
            &db.pool,
            customer,
            car,
            "CLASS_1",
            &format!("{year}-01-01"),
            &format!("{}-01-01", year + 1),
        )
        .await
        .unwrap();
        sqlx::query(
            "UPDATE policies SET previous_policy_id = $2, renewal_count = $3,
                    status = CASE WHEN end_date <= '2026-11-29' THEN 'EXPIRED' ELSE status END
              WHERE id = $1",
        )
        .bind(id)
        .bind(chain.last().copied())
        .bind(chain.len() as i32)
        .execute(&db.pool)
        .await
        .unwrap();
        chain.push(id);
    }
    let this = chain[2];
    let (number, total): (String, Decimal) =
        sqlx::query_as("SELECT policy_number, total_premium FROM policies WHERE id = $1")
            .bind(this)
            .fetch_one(&db.pool)
            .await
            .unwrap();
    let mut connection = db.pool.acquire().await.unwrap();
    policies::write_schedule(
        &mut connection,
        &policies::ScheduleSpec {
            policy_id: this,
            customer_id: customer,
            policy_number: &number,
            total,
            plan: PaymentPlan::Installment6,
            remainder: Remainder::First,
            method: "PROMPTPAY",
            first_due: date("2026-01-01"),
        },
    )
    .await
    .unwrap();
    drop(connection);
    sqlx::query(
        "INSERT INTO policy_documents (policy_id, document_type, document_name, file_path,
                                       file_size, mime_type, sha256, language, is_official)
         VALUES ($1, 'SCHEDULE', 'ตารางกรมธรรม์', 'documents/policies/x/schedule-v1.pdf',
                 1000, 'application/pdf', repeat('0', 64), 'th', true)",
    )
    .bind(this)
    .execute(&db.pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO claims (claim_number, policy_id, incident_date, claim_type, incident_description,
                             estimated_amount)
         VALUES ('CL-TEST-1', $1, '2026-03-01', 'ACCIDENT', 'ชนท้าย', 12000)",
    )
    .bind(this)
    .execute(&db.pool)
    .await
    .unwrap();

    let detail = policy_detail::load(&agent, this)
        .await
        .unwrap()
        .expect("the agent sees their customer's policy");
    assert_eq!(detail.policy.policy_number, number);
    assert_eq!(detail.policy.plate, "กข 8008");
    assert_eq!(detail.policy.total_premium, total);
    assert_eq!(
        detail.policy.net_premium,
        detail.policy.base_premium - detail.policy.discounts
    );
    let payments = detail.payments.as_ref().expect("agents read payments");
    let numbers: Vec<Option<i32>> = payments.iter().map(|p| p.installment_number).collect();
    assert_eq!(numbers, (1..=6).map(Some).collect::<Vec<_>>());
    assert_eq!(payments.iter().map(|p| p.amount).sum::<Decimal>(), total);
    assert_eq!(detail.premium_outstanding(), total);
    assert_eq!(detail.premium_paid(), Decimal::ZERO);
    let claims = detail.claims.as_ref().unwrap();
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].claim_number, "CL-TEST-1");
    assert_eq!(detail.documents.as_ref().unwrap().len(), 1);
    assert_eq!(detail.referrals.as_deref(), Some(&[][..]));
    let links: Vec<(Uuid, i32)> = detail
        .renewal_chain
        .iter()
        .map(|l| (l.id, l.position))
        .collect();
    assert_eq!(
        links,
        vec![(chain[0], -2), (chain[1], -1), (chain[2], 0), (chain[3], 1)]
    );
    assert_eq!(detail.renewal_chain[0].status, "EXPIRED");
    assert!(!detail.rights.cancel && !detail.rights.decide_referrals);

    // Row-level security: another agent does not see it at all.
    assert_eq!(policy_detail::load(&other_agent, this).await.unwrap(), None);

    // Each role reads what its grants allow; a section it may not read is None.
    for (group, payments, referrals) in [
        (GroupRole::Adjuster, true, false),
        (GroupRole::Finance, true, false),
        (GroupRole::Auditor, true, true),
        (GroupRole::Admin, true, true),
    ] {
        let (_, pool) = staff(&db, group, Decimal::ZERO).await;
        let seen = policy_detail::load(&pool, this)
            .await
            .unwrap_or_else(|e| panic!("{group:?}: {e}"))
            .unwrap_or_else(|| panic!("{group:?} sees the policy"));
        assert_eq!(seen.payments.is_some(), payments, "{group:?}");
        assert_eq!(seen.referrals.is_some(), referrals, "{group:?}");
        assert_eq!(seen.renewal_chain.len(), 4, "{group:?}");
        assert!(!seen.rights.cancel, "{group:?}");
    }
    let (_, surveyor) = staff(&db, GroupRole::Surveyor, Decimal::ZERO).await;
    assert_eq!(
        policy_detail::load(&surveyor, this).await.unwrap(),
        None,
        "no claim of this policy is assigned to the surveyor"
    );

    // An underwriter may cancel; the first policy of the chain shows what came after it.
    let (_, underwriter) = staff(&db, GroupRole::Underwriter, Decimal::ZERO).await;
    let first = policy_detail::load(&underwriter, chain[0])
        .await
        .unwrap()
        .unwrap();
    assert!(first.rights.cancel && first.rights.decide_referrals);
    assert_eq!(
        first
            .renewal_chain
            .iter()
            .map(|l| l.position)
            .collect::<Vec<_>>(),
        vec![0, 1, 2, 3]
    );
    assert!(!first.policy.cancellable());
}
