//! Quote → issue through db::policies against a real PostgreSQL, as the demo staff: an
//! issue writes the policy, its premium as the rating engine prices it, its payment
//! schedule, its document row and its audit trail in one transaction — or nothing at all;
//! overlapping cover is refused by name, also when two underwriters race; referrals hold
//! a quote until someone with enough authority approves, and an approval does not stretch
//! to a bigger risk; agents quote for their own customers and never issue; the issue form's
//! vehicle finder and open-quote list.

use std::time::Duration;

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde_json::{Value, json};
use sqlx::{Connection, PgConnection, PgPool};
use uuid::Uuid;

use prakan::db::policies::{self, IssueError, IssueOutcome, Overlap, Referral};
use prakan::db::referrals;
use prakan::domain::lookup::{Classified, classify};
use prakan::domain::policy::{PolicyDraft, PolicyInput};
use prakan::domain::premium::instalments::{PaymentPlan, Remainder};
use prakan::domain::premium::rating::{self, Quote, Risk, Usage};
use prakan::domain::premium::{PolicyType, PremiumBreakdown};
use prakan::i18n::Lang;
use prakan::seed::demo::DEMO_PASSWORD;

use crate::fixtures;
use crate::harness::{TestDb, assert_refused_by, violation};

/// A demo database with the two underwriters logged in, and the day cover may start.
struct Desk {
    db: TestDb,
    /// Underwriter, authority 1,500,000.
    wichai: PgPool,
    /// Underwriter, authority 5,000,000.
    siriporn: PgPool,
    /// Today in Bangkok, as the database sees it.
    today: NaiveDate,
    /// A week from today: every quote here starts then, for a year.
    start: NaiveDate,
}

async fn desk() -> Desk {
    let db = TestDb::with_demo().await;
    let wichai = log_in(&db, "wichai").await;
    let siriporn = log_in(&db, "siriporn").await;
    let today: NaiveDate = sqlx::query_scalar("SELECT (now() AT TIME ZONE 'Asia/Bangkok')::date")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let start = today + chrono::Duration::days(7);
    Desk {
        db,
        wichai,
        siriporn,
        today,
        start,
    }
}

async fn log_in(db: &TestDb, username: &str) -> PgPool {
    db.login(username, DEMO_PASSWORD)
        .await
        .unwrap_or_else(|e| panic!("log in as {username}: {e}"))
}

impl Desk {
    fn end(&self) -> NaiveDate {
        self.start + Months::new(12)
    }

    /// The Buddhist year of the start, as policy and quote numbers carry it.
    fn be_year(&self) -> i32 {
        self.start.year() + 543
    }

    /// A draft as the issue form parses it: the form's defaults, starting `self.start`.
    fn draft(
        &self,
        policy_type: PolicyType,
        (customer, vehicle): (Uuid, Uuid),
        sum_insured: Option<&str>,
    ) -> PolicyDraft {
        self.draft_from(policy_type, (customer, vehicle), sum_insured, |_| {})
    }

    fn draft_from(
        &self,
        policy_type: PolicyType,
        (customer, vehicle): (Uuid, Uuid),
        sum_insured: Option<&str>,
        change: impl FnOnce(&mut PolicyInput),
    ) -> PolicyDraft {
        let mut input = PolicyInput::new(policy_type, &self.start.to_string());
        input.customer_id = Some(customer);
        input.vehicle_id = Some(vehicle);
        if let Some(sum) = sum_insured {
            input.sum_insured = sum.into();
        }
        change(&mut input);
        PolicyDraft::parse(&input, self.today)
            .unwrap_or_else(|problems| panic!("the form refused the draft: {problems:?}"))
    }
}

/// A customer (optionally an agent's) with a sedan of the given year and usage.
async fn sedan(db: &TestDb, n: u64, agent: Option<Uuid>, year: i32, usage: &str) -> (Uuid, Uuid) {
    let customer = fixtures::customer_with_agent(&db.pool, n, agent)
        .await
        .expect("customer");
    let vehicle = car(db, customer, &format!("ฌญ {n}"), "10", year, usage).await;
    (customer, vehicle)
}

async fn car(
    db: &TestDb,
    customer: Uuid,
    plate: &str,
    province: &str,
    year: i32,
    usage: &str,
) -> Uuid {
    sqlx::query_scalar(
        "INSERT INTO customer_vehicles (customer_id, registration_number, province_code, make, model,
                                        year_of_manufacture, engine_cc, seats, vehicle_type,
                                        fuel_type, usage_type)
         VALUES ($1, $2, $3, 'Toyota', 'Corolla Altis', $4, 1800, 5, 'SEDAN', 'GASOLINE', $5)
         RETURNING id",
    )
    .bind(customer)
    .bind(plate)
    .bind(province)
    .bind(year)
    .bind(usage)
    .fetch_one(&db.pool)
    .await
    .expect("vehicle")
}

#[track_caller]
fn issued(outcome: Result<IssueOutcome, IssueError>) -> (Uuid, String) {
    match outcome {
        Ok(IssueOutcome::Issued {
            policy_id,
            policy_number,
        }) => (policy_id, policy_number),
        other => panic!("expected the policy to be issued, got {other:?}"),
    }
}

#[track_caller]
fn referred(outcome: Result<IssueOutcome, IssueError>) -> (Uuid, String, Vec<Referral>) {
    match outcome {
        Ok(IssueOutcome::Referred {
            policy_id,
            quote_number,
            referrals,
        }) => (policy_id, quote_number, referrals),
        other => panic!("expected the quote to be referred, got {other:?}"),
    }
}

#[track_caller]
fn quoted(outcome: Result<IssueOutcome, IssueError>) -> (Uuid, String) {
    match outcome {
        Ok(IssueOutcome::Quoted {
            policy_id,
            quote_number,
        }) => (policy_id, quote_number),
        other => panic!("expected a saved quote, got {other:?}"),
    }
}

#[track_caller]
fn overlap(outcome: Result<IssueOutcome, IssueError>) -> Overlap {
    match outcome {
        Err(IssueError::Overlap(existing)) => existing,
        other => panic!("expected overlapping cover to be refused, got {other:?}"),
    }
}

/// (status, policy_number, quote_number, version) of a policy.
async fn state(db: &TestDb, policy: Uuid) -> (String, String, Option<String>, i32) {
    sqlx::query_as(
        "SELECT status, policy_number, quote_number, version FROM policies WHERE id = $1",
    )
    .bind(policy)
    .fetch_one(&db.pool)
    .await
    .expect("the policy")
}

/// Every policy of a vehicle: (status, policy_type, policy_number).
async fn policies_of(db: &TestDb, vehicle: Uuid) -> Vec<(String, String, String)> {
    sqlx::query_as(
        "SELECT status, policy_type, policy_number FROM policies WHERE vehicle_id = $1
          ORDER BY created_at, policy_number",
    )
    .bind(vehicle)
    .fetch_all(&db.pool)
    .await
    .unwrap()
}

/// (payments, documents, referrals) hanging off one policy.
async fn attached(db: &TestDb, policy: Uuid) -> (i64, i64, i64) {
    sqlx::query_as(
        "SELECT (SELECT count(*) FROM payments WHERE policy_id = $1),
                (SELECT count(*) FROM policy_documents WHERE policy_id = $1),
                (SELECT count(*) FROM policy_referrals WHERE policy_id = $1)",
    )
    .bind(policy)
    .fetch_one(&db.pool)
    .await
    .unwrap()
}

/// Rows in the tables an issue writes, all of them.
async fn table_counts(db: &TestDb) -> [i64; 4] {
    let (p, pay, doc, r): (i64, i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM policies), (SELECT count(*) FROM payments),
                (SELECT count(*) FROM policy_documents), (SELECT count(*) FROM policy_referrals)",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    [p, pay, doc, r]
}

/// An amount in coverage_details, whether JSON keeps it as a string or a number.
#[track_caller]
fn amount(value: &Value) -> Decimal {
    match value {
        Value::String(text) => text.parse().expect("an amount"),
        Value::Number(number) => number.to_string().parse().expect("an amount"),
        other => panic!("not an amount: {other}"),
    }
}

#[derive(Debug, sqlx::FromRow)]
struct Stored {
    status: String,
    policy_number: String,
    quote_number: Option<String>,
    customer_id: Uuid,
    created_by: Option<Uuid>,
    policy_type: String,
    sum_insured: Option<Decimal>,
    base_premium: Decimal,
    discounts: Decimal,
    net_premium: Decimal,
    stamp_duty: Decimal,
    vat: Decimal,
    total_premium: Decimal,
    start_date: NaiveDate,
    end_date: NaiveDate,
    policy_period_months: i32,
    no_claim_discount: Decimal,
    payment_plan: String,
    payment_frequency: String,
    issued: bool,
    coverage_details: sqlx::types::Json<Value>,
}

#[derive(Debug, sqlx::FromRow)]
struct PaymentRow {
    id: Uuid,
    customer_id: Uuid,
    payment_type: String,
    payment_status: String,
    amount: Decimal,
    total_amount: Decimal,
    payment_method: String,
    due_date: Option<NaiveDate>,
    installment_number: Option<i32>,
    total_installments: Option<i32>,
    transaction_reference: Option<String>,
}

#[tokio::test]
async fn issuing_writes_the_policy_its_premium_schedule_document_and_audit_at_once() {
    let d = desk().await;
    let wichai_id = d.db.staff_id("wichai").await;
    let customer = fixtures::customer(&d.db.pool, 101).await.unwrap();
    // A 2022 pickup, 2,400 cc, two seats, personal use.
    let pickup = fixtures::vehicle(&d.db.pool, customer, "ฌญ 101", "10")
        .await
        .unwrap();
    let draft = d.draft_from(
        PolicyType::Class1,
        (customer, pickup),
        Some("650,000"),
        |input| {
            input.deductible = "5000".into();
            input.driver_age = "30".into();
            input.ncb_percent = 20;
            input.payment_plan = PaymentPlan::Installment12;
            input.remainder = Remainder::Last;
            input.payment_method = "BANK_TRANSFER".into();
        },
    );

    // What the rating engine prices for this pickup, from the table in force on the start.
    let mut connection = d.db.pool.acquire().await.unwrap();
    let table = prakan::db::rating::load(&mut connection, d.start)
        .await
        .unwrap();
    drop(connection);
    let risk = Risk {
        policy_type: PolicyType::Class1,
        vehicle_type: "PICKUP".into(),
        usage: Usage::Personal,
        vehicle_age_years: d.start.year() - 2022,
        engine_cc: Some(2400),
        seats: Some(2),
        sum_insured: Some(dec!(650000)),
        youngest_driver_age: Some(30),
        deductible: dec!(5000),
        ncb_percent: 20,
        surcharge_percent: 0,
    };
    let expected: Quote = rating::quote(&table, &risk).expect("a price");
    let premium = expected.breakdown;
    assert!(
        premium.discounts > Decimal::ZERO,
        "the NCB takes something off"
    );
    // The form's live price sees the same vehicle and table.
    let context = policies::quote_context(&d.wichai, pickup, d.start)
        .await
        .unwrap();
    assert_eq!(context.table, table);
    assert_eq!(context.vehicle.risk(&draft), risk);

    let (policy, number) = issued(policies::issue_new(&d.wichai, &draft).await);

    let stored: Stored = sqlx::query_as(
        "SELECT status, policy_number, quote_number, customer_id, created_by, policy_type,
                sum_insured, base_premium, discounts, net_premium, stamp_duty, vat, total_premium,
                start_date, end_date, policy_period_months, no_claim_discount, payment_plan,
                payment_frequency, issued_at IS NOT NULL AS issued, coverage_details
           FROM policies WHERE id = $1",
    )
    .bind(policy)
    .fetch_one(&d.db.pool)
    .await
    .unwrap();
    let be = d.be_year();
    assert_eq!(stored.status, "ACTIVE");
    assert!(stored.issued);
    assert_eq!(stored.policy_number, number);
    assert!(
        regex_lite::Regex::new(&format!(r"^C1-{be}-\d{{7}}$"))
            .unwrap()
            .is_match(&number),
        "{number}"
    );
    assert_eq!(
        stored.quote_number, None,
        "issued at once, it never was a quote to keep a number of"
    );
    assert_eq!(
        (
            stored.customer_id,
            stored.created_by,
            stored.policy_type.as_str()
        ),
        (customer, Some(wichai_id), "CLASS_1")
    );
    assert_eq!(stored.sum_insured, Some(dec!(650000)));
    assert_eq!(
        (
            stored.base_premium,
            stored.discounts,
            stored.net_premium,
            stored.stamp_duty,
            stored.vat,
            stored.total_premium
        ),
        (
            premium.base,
            premium.discounts,
            premium.net,
            premium.stamp_duty,
            premium.vat,
            premium.total
        ),
        "the stored premium is the rating engine's"
    );
    assert_eq!(
        (
            stored.start_date,
            stored.end_date,
            stored.policy_period_months
        ),
        (d.start, d.end(), 12)
    );
    assert_eq!(stored.no_claim_discount, dec!(20));
    assert_eq!(
        (
            stored.payment_plan.as_str(),
            stored.payment_frequency.as_str()
        ),
        ("INSTALLMENT_12", "MONTHLY")
    );

    // The cover and the payment terms, as agreed.
    let cover = &stored.coverage_details.0;
    assert_eq!(amount(&cover["own_damage"]), dec!(650000), "{cover}");
    assert_eq!(amount(&cover["theft_and_fire"]), dec!(650000));
    assert_eq!(cover["flood"], json!(true));
    assert_eq!(amount(&cover["deductible"]), dec!(5000));
    assert_eq!(cover["youngest_driver_age"], json!(30));
    assert_eq!(amount(&cover["third_party_property"]), dec!(1000000));
    assert_eq!(
        amount(&cover["third_party_injury_per_person"]),
        dec!(500000)
    );
    assert_eq!(amount(&cover["riders"]["bail_bond"]), dec!(200000));
    assert_eq!(cover["rating"]["ncb_percent"], json!(20));
    assert_eq!(amount(&cover["rating"]["base_premium"]), premium.base);
    let terms = &cover["payment_terms"];
    assert_eq!(terms["plan"], json!("INSTALLMENT_12"));
    assert_eq!(terms["remainder"], json!("LAST"));
    assert_eq!(terms["method"], json!("BANK_TRANSFER"));
    assert_eq!(amount(&terms["total"]), premium.total);
    assert_eq!(
        amount(&terms["payable"]),
        premium.total,
        "an individual withholds nothing"
    );
    assert_eq!(cover["underwriting"], json!([]), "nothing was referred");

    // Twelve pending monthly instalments that add up to the satang.
    let payments: Vec<PaymentRow> = sqlx::query_as(
        "SELECT id, customer_id, payment_type, payment_status, amount, total_amount,
                payment_method, due_date, installment_number, total_installments,
                transaction_reference
           FROM payments WHERE policy_id = $1 ORDER BY installment_number",
    )
    .bind(policy)
    .fetch_all(&d.db.pool)
    .await
    .unwrap();
    assert_eq!(payments.len(), 12, "{payments:?}");
    assert_eq!(
        payments.iter().map(|p| p.amount).sum::<Decimal>(),
        premium.total,
        "{payments:?}"
    );
    let each = (premium.total / dec!(12)).trunc_with_scale(2);
    for (k, payment) in payments.iter().enumerate() {
        let n = k as i32 + 1;
        assert_eq!(
            (
                payment.payment_type.as_str(),
                payment.payment_status.as_str(),
                payment.payment_method.as_str(),
                payment.customer_id
            ),
            ("INSTALLMENT", "PENDING", "BANK_TRANSFER", customer),
            "{payment:?}"
        );
        assert_eq!(
            (payment.installment_number, payment.total_installments),
            (Some(n), Some(12))
        );
        assert_eq!(payment.due_date, Some(d.start + Months::new(k as u32)));
        assert_eq!(payment.total_amount, payment.amount);
        assert_eq!(
            payment.transaction_reference.as_deref(),
            Some(format!("{number}-{n:02}").as_str())
        );
        if n < 12 {
            assert_eq!(payment.amount, each, "{payment:?}");
        }
    }
    assert!(
        payments[11].amount >= each,
        "the last carries the satang left over"
    );

    // No document row points at a file before the schedule is printed (db::documents).
    let documents: i64 =
        sqlx::query_scalar("SELECT count(*) FROM policy_documents WHERE policy_id = $1")
            .bind(policy)
            .fetch_one(&d.db.pool)
            .await
            .unwrap();
    assert_eq!(documents, 0);

    // The audit trail says who issued it and as what.
    let trail: Vec<(String, Option<String>, String, Option<Uuid>)> = sqlx::query_as(
        "SELECT operation, business_context, db_user, user_id FROM audit_logs
          WHERE table_name = 'policies' AND record_id = $1 ORDER BY logged_at, id",
    )
    .bind(policy)
    .fetch_all(&d.db.pool)
    .await
    .unwrap();
    let ops: Vec<&str> = trail.iter().map(|row| row.0.as_str()).collect();
    assert_eq!(ops, ["INSERT"], "issued in one write: {trail:?}");
    for (_, context, db_user, user_id) in &trail {
        assert_eq!(
            (context.as_deref(), db_user.as_str(), *user_id),
            (Some("POLICY_ISSUE"), "wichai", Some(wichai_id))
        );
    }
    let payment_ids: Vec<Uuid> = payments.iter().map(|p| p.id).collect();
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_logs WHERE table_name = 'payments' AND record_id = ANY($1)
            AND operation = 'INSERT' AND business_context = 'POLICY_ISSUE'",
    )
    .bind(&payment_ids)
    .fetch_one(&d.db.pool)
    .await
    .unwrap();
    assert_eq!(audited, 12);
}

#[tokio::test]
async fn a_connection_killed_in_the_middle_of_an_issue_leaves_nothing_behind() {
    let d = desk().await;
    let (customer, car) = sedan(&d.db, 102, None, 2022, "PERSONAL").await;
    let premium = PremiumBreakdown::new(dec!(15000), Decimal::ZERO);

    // The issue's own writes, done by hand on a connection of wichai's own: the DRAFT,
    // its payment, its activation — and then the server ends the session before commit.
    let mut connection = PgConnection::connect_with(&d.db.login_options("wichai", DEMO_PASSWORD))
        .await
        .unwrap();
    let mut tx = connection.begin().await.unwrap();
    let pid: i32 = sqlx::query_scalar("SELECT pg_backend_pid()")
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    sqlx::query("SELECT set_config('prakan.context', 'POLICY_ISSUE', true)")
        .execute(&mut *tx)
        .await
        .unwrap();
    let (policy, quote_number): (Uuid, String) = sqlx::query_as(
        "INSERT INTO policies (policy_number, quote_number, customer_id, vehicle_id, agent_id,
                               policy_type, coverage_details, sum_insured, base_premium, discounts,
                               stamp_duty, vat, total_premium, start_date, end_date,
                               policy_period_months, status, no_claim_discount, auto_renewal,
                               payment_plan, payment_frequency)
         SELECT q.number, q.number, v.customer_id, v.id, c.agent_id,
                'CLASS_1', '{}', 600000, $2, $3, $4, $5, $6, $7, $8, 12, 'DRAFT', 0, false,
                'FULL', 'ANNUAL'
           FROM customer_vehicles v JOIN customers c ON c.id = v.customer_id,
                LATERAL (SELECT next_quote_number($7) AS number) q
          WHERE v.id = $1
         RETURNING id, policy_number",
    )
    .bind(car)
    .bind(premium.base)
    .bind(premium.discounts)
    .bind(premium.stamp_duty)
    .bind(premium.vat)
    .bind(premium.total)
    .bind(d.start)
    .bind(d.end())
    .fetch_one(&mut *tx)
    .await
    .expect("the DRAFT");
    sqlx::query(
        "INSERT INTO payments (policy_id, customer_id, payment_type, amount, total_amount,
                               payment_method, payment_channel, due_date, transaction_reference)
         VALUES ($1, $2, 'PREMIUM', $3, $3, 'PROMPTPAY', 'AGENT', $4, $5 || '-01')",
    )
    .bind(policy)
    .bind(customer)
    .bind(premium.total)
    .bind(d.start)
    .bind(&quote_number)
    .execute(&mut *tx)
    .await
    .expect("its payment");
    let number: String = sqlx::query_scalar(
        "UPDATE policies SET status = 'ACTIVE', issued_at = now(),
                policy_number = next_policy_number(policy_type, start_date)
          WHERE id = $1 RETURNING policy_number",
    )
    .bind(policy)
    .fetch_one(&mut *tx)
    .await
    .expect("activated");

    let terminated: bool = sqlx::query_scalar("SELECT pg_terminate_backend($1)")
        .bind(pid)
        .fetch_one(&d.db.pool)
        .await
        .unwrap();
    assert!(terminated);
    for _ in 0..500 {
        let alive: bool =
            sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = $1)")
                .bind(pid)
                .fetch_one(&d.db.pool)
                .await
                .unwrap();
        if !alive {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(
        tx.commit().await.is_err(),
        "a killed session commits nothing"
    );

    let left: (i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM policies
                  WHERE id = $1 OR quote_number = $2 OR policy_number IN ($2, $3)),
                (SELECT count(*) FROM payments WHERE policy_id = $1 OR transaction_reference = $2 || '-01'),
                (SELECT count(*) FROM audit_logs WHERE record_id = $1)",
    )
    .bind(policy)
    .bind(&quote_number)
    .bind(&number)
    .fetch_one(&d.db.pool)
    .await
    .unwrap();
    assert_eq!(left, (0, 0, 0), "nothing of {quote_number} / {number}");
    // Nor does anything hold the cover: the same cover issues now.
    issued(
        policies::issue_new(
            &d.wichai,
            &d.draft(PolicyType::Class1, (customer, car), Some("600000")),
        )
        .await,
    );
}

#[tokio::test]
async fn an_issue_that_fails_leaves_no_draft_and_no_schedule() {
    let d = desk().await;
    let (customer, car) = sedan(&d.db, 103, None, 2022, "PERSONAL").await;

    // The last write fails (a payment method the payments table does not take): the
    // policy was already activated in the transaction, and it all goes.
    let before = table_counts(&d.db).await;
    let bad = d.draft_from(
        PolicyType::Class1,
        (customer, car),
        Some("600000"),
        |input| input.payment_method = "BITCOIN".into(),
    );
    match policies::issue_new(&d.wichai, &bad).await {
        Err(IssueError::Database(error)) => {
            let (code, constraint) = violation(&error);
            assert_eq!(code, "23514", "{error}");
            assert!(
                constraint.is_some_and(|c| c.contains("payment_method")),
                "{error}"
            );
        }
        other => panic!("expected the schedule to be refused, got {other:?}"),
    }
    assert_eq!(table_counts(&d.db).await, before);
    assert_eq!(policies_of(&d.db, car).await, vec![]);

    // Overlapping cover: refused, and nothing of the second issue stays.
    let draft = d.draft(PolicyType::Class1, (customer, car), Some("600000"));
    let (_, first) = issued(policies::issue_new(&d.wichai, &draft).await);
    let before = table_counts(&d.db).await;
    let existing = overlap(policies::issue_new(&d.siriporn, &draft).await);
    assert_eq!(existing.policy_number, first);
    assert_eq!(table_counts(&d.db).await, before);

    // A saved quote whose cover someone else issued meanwhile: refused at the constraint,
    // the quote stays a quote, with no schedule or document.
    let (customer, other_car) = sedan(&d.db, 104, None, 2022, "PERSONAL").await;
    let draft = d.draft(PolicyType::Class1, (customer, other_car), Some("600000"));
    let (quote, quote_number) = quoted(policies::save_quote(&d.wichai, &draft).await);
    let version = state(&d.db, quote).await.3;
    let (_, theirs) = issued(policies::issue_new(&d.siriporn, &draft).await);
    let existing = overlap(policies::issue_quote(&d.wichai, quote, version).await);
    assert_eq!(existing.policy_number, theirs);
    assert_eq!(
        state(&d.db, quote).await,
        (
            "DRAFT".to_string(),
            quote_number.clone(),
            Some(quote_number),
            version
        )
    );
    assert_eq!(attached(&d.db, quote).await, (0, 0, 0));
}

#[tokio::test]
async fn two_underwriters_issuing_one_cover_at_once_get_one_policy() {
    let d = desk().await;
    let (customer, car) = sedan(&d.db, 105, None, 2022, "PERSONAL").await;
    let draft = d.draft(PolicyType::Class1, (customer, car), Some("600000"));
    let quotes_taken = || async {
        let taken: i64 = sqlx::query_scalar(
            "SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM policy_number_seq",
        )
        .fetch_one(&d.db.pool)
        .await
        .unwrap();
        taken
    };
    let quotes_before = quotes_taken().await;

    // Neither may see the other's policy before writing its own: the rating tables are
    // locked until both issues wait on them, then both write a DRAFT and race to activate.
    let mut lock = d.db.pool.begin().await.unwrap();
    sqlx::query("LOCK TABLE rating_tables IN ACCESS EXCLUSIVE MODE")
        .execute(&mut *lock)
        .await
        .unwrap();
    let release = async {
        let mut held = false;
        for _ in 0..1500 {
            let waiting: i64 = sqlx::query_scalar(
                "SELECT count(*) FROM pg_locks
                  WHERE NOT granted AND relation = 'rating_tables'::regclass
                    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            )
            .fetch_one(&d.db.pool)
            .await
            .unwrap();
            if waiting >= 2 {
                held = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        lock.commit().await.unwrap();
        held
    };
    let (by_wichai, by_siriporn, held) = tokio::join!(
        policies::issue_new(&d.wichai, &draft),
        policies::issue_new(&d.siriporn, &draft),
        release
    );
    assert!(
        held,
        "both issues were to wait at the rating tables (if issue_new no longer reads them \
         before writing, hold them elsewhere)"
    );

    let (winner, loser) = match (&by_wichai, &by_siriporn) {
        (Ok(_), Err(_)) => (by_wichai, by_siriporn),
        (Err(_), Ok(_)) => (by_siriporn, by_wichai),
        _ => panic!("exactly one issues: {by_wichai:?} / {by_siriporn:?}"),
    };
    let (policy, number) = issued(winner);
    let existing = overlap(loser);
    assert_eq!(
        existing,
        Overlap {
            policy_number: number.clone(),
            start_date: d.start,
            end_date: d.end(),
        }
    );
    assert_eq!(
        quotes_taken().await - quotes_before,
        2,
        "both wrote their policy before one of them lost"
    );
    // The loser's DRAFT went with its transaction.
    assert_eq!(
        policies_of(&d.db, car).await,
        vec![("ACTIVE".to_string(), "CLASS_1".to_string(), number)]
    );
    let payments: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM payments p JOIN policies x ON x.id = p.policy_id
          WHERE x.vehicle_id = $1 AND p.policy_id <> $2",
    )
    .bind(car)
    .bind(policy)
    .fetch_one(&d.db.pool)
    .await
    .unwrap();
    assert_eq!(payments, 0);
    assert_eq!(attached(&d.db, policy).await, (1, 0, 0));
}

#[tokio::test]
async fn cover_of_one_kind_is_refused_by_name_while_cmi_and_class_1_live_together() {
    let d = desk().await;
    let (customer, car) = sedan(&d.db, 106, None, 2022, "PERSONAL").await;
    let class_1 = d.draft(PolicyType::Class1, (customer, car), Some("600000"));
    let (_, first) = issued(policies::issue_new(&d.wichai, &class_1).await);

    // Another voluntary policy starting three months in overlaps it.
    let mut later = d.draft(PolicyType::Class2Plus, (customer, car), Some("400000"));
    later.start_date = d.start + Months::new(3);
    let refused = policies::issue_new(&d.siriporn, &later).await.unwrap_err();
    let sentence = refused.message().text(Lang::En);
    match &refused {
        IssueError::Overlap(existing) => assert_eq!(
            (
                existing.policy_number.as_str(),
                existing.start_date,
                existing.end_date
            ),
            (first.as_str(), d.start, d.end())
        ),
        other => panic!("expected overlapping cover, got {other:?}"),
    }
    assert!(
        sentence.contains(&first) && sentence.contains("already gives this vehicle"),
        "{sentence}"
    );

    // Compulsory cover (พ.ร.บ.) for the same car and year is another kind: fine.
    let cmi = d.draft(PolicyType::Cmi, (customer, car), None);
    let (_, cmi_number) = issued(policies::issue_new(&d.wichai, &cmi).await);
    assert!(
        cmi_number.starts_with(&format!("CMI-{}-", d.be_year())),
        "{cmi_number}"
    );
    // … but a second CMI is not, and names the first.
    let again = overlap(policies::issue_new(&d.siriporn, &cmi).await);
    assert_eq!(again.policy_number, cmi_number);

    // A renewal starting the day the first ends does not overlap it.
    let mut renewal = class_1.clone();
    renewal.start_date = d.end();
    issued(policies::issue_new(&d.wichai, &renewal).await);

    let kinds: Vec<(String, String)> = policies_of(&d.db, car)
        .await
        .into_iter()
        .map(|(status, kind, _)| (status, kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("ACTIVE", "CLASS_1"),
            ("ACTIVE", "CMI"),
            ("ACTIVE", "CLASS_1")
        ]
        .map(|(s, k)| (s.to_string(), k.to_string()))
    );
}

/// (rule, reason, required authority, status) of each referral.
fn rules(referrals: &[Referral]) -> Vec<(&str, &str, Decimal, &str)> {
    referrals
        .iter()
        .map(|r| {
            (
                r.rule.as_str(),
                r.reason.as_str(),
                r.required_authority,
                r.status.as_str(),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_referral_holds_the_quote_until_someone_with_authority_approves() {
    let d = desk().await;
    let siriporn_id = d.db.staff_id("siriporn").await;
    let (customer, car) = sedan(&d.db, 107, None, 2022, "PERSONAL").await;
    let draft = d.draft(PolicyType::Class1, (customer, car), Some("2,000,000"));

    // 2,000,000 is above wichai's 1,500,000.
    let (policy, quote_number, referred_for) =
        referred(policies::issue_new(&d.wichai, &draft).await);
    let reason = "Sum insured 2000000.00 THB is above your authority of 1500000.00 THB";
    assert_eq!(
        rules(&referred_for),
        vec![("SUM_INSURED_AUTHORITY", reason, dec!(2000000), "PENDING")]
    );
    let (status, number, kept, version) = state(&d.db, policy).await;
    assert_eq!(
        (status.as_str(), number.as_str(), kept.as_deref()),
        ("DRAFT", quote_number.as_str(), Some(quote_number.as_str()))
    );
    assert!(quote_number.starts_with(&format!("Q-{}-", d.be_year())));
    assert_eq!(attached(&d.db, policy).await, (0, 0, 1));

    // Asking again changes nothing: still referred, the same single referral.
    let (_, _, again) = referred(policies::issue_quote(&d.wichai, policy, version).await);
    assert_eq!(again, referred_for);
    assert_eq!(state(&d.db, policy).await.0, "DRAFT");
    assert_eq!(attached(&d.db, policy).await, (0, 0, 1));

    // Siriporn (5,000,000) approves; wichai issues.
    let referral = &referred_for[0];
    referrals::decide(
        &d.siriporn,
        referral.id,
        referral.version,
        true,
        "ลูกค้าเก่า ประวัติดี",
    )
    .await
    .expect("approved");
    let (issued_id, policy_number) =
        issued(policies::issue_quote(&d.wichai, policy, version).await);
    assert_eq!(issued_id, policy);
    assert!(policy_number.starts_with(&format!("C1-{}-", d.be_year())));
    let (status, number, kept, _) = state(&d.db, policy).await;
    assert_eq!(
        (status.as_str(), number.as_str(), kept.as_deref()),
        (
            "ACTIVE",
            policy_number.as_str(),
            Some(quote_number.as_str())
        )
    );
    assert_eq!(attached(&d.db, policy).await, (1, 0, 1));

    let cover: Value = sqlx::query_scalar("SELECT coverage_details FROM policies WHERE id = $1")
        .bind(policy)
        .fetch_one(&d.db.pool)
        .await
        .unwrap();
    let underwriting = cover["underwriting"].as_array().expect("the underwriting");
    assert_eq!(underwriting.len(), 1, "{cover}");
    let approved = &underwriting[0];
    assert_eq!(approved["rule"], json!("SUM_INSURED_AUTHORITY"));
    assert_eq!(approved["reason"], json!(reason));
    assert_eq!(approved["status"], json!("APPROVED"));
    assert_eq!(approved["decided_by"], json!(siriporn_id.to_string()));
    assert_eq!(approved["note"], json!("ลูกค้าเก่า ประวัติดี"));
    assert!(approved["decided_at"].is_string(), "{approved}");
}

#[tokio::test]
async fn hire_use_and_old_cars_are_referred_and_cmi_never_is() {
    let d = desk().await;
    let year = d.start.year();

    // A taxi, within wichai's authority: referred for its use.
    let taxi = sedan(&d.db, 108, None, year - 3, "TAXI").await;
    let (_, _, found) = referred(
        policies::issue_new(
            &d.wichai,
            &d.draft(PolicyType::Class1, taxi, Some("500000")),
        )
        .await,
    );
    assert_eq!(
        rules(&found),
        vec![(
            "HIRE_USAGE",
            "The vehicle is used as a taxi",
            dec!(500000),
            "PENDING"
        )]
    );
    // Its compulsory cover is not referred.
    issued(policies::issue_new(&d.wichai, &d.draft(PolicyType::Cmi, taxi, None)).await);

    // Class 1 on a car eleven years old at the start: referred (the limit is ten) …
    let old = sedan(&d.db, 109, None, year - 11, "PERSONAL").await;
    let (_, _, found) = referred(
        policies::issue_new(&d.wichai, &d.draft(PolicyType::Class1, old, Some("300000"))).await,
    );
    assert_eq!(
        rules(&found),
        vec![(
            "VEHICLE_AGE",
            "Class 1 on a vehicle 11 years old (the limit is 10)",
            dec!(300000),
            "PENDING"
        )]
    );
    // … and its CMI is not.
    issued(policies::issue_new(&d.wichai, &d.draft(PolicyType::Cmi, old, None)).await);
    // Ten years old is within the limit.
    let ten = sedan(&d.db, 110, None, year - 10, "PERSONAL").await;
    issued(policies::issue_new(&d.wichai, &d.draft(PolicyType::Class1, ten, Some("300000"))).await);

    // An old taxi insured above wichai's authority meets every rule but the claims one;
    // its CMI still meets none.
    let old_taxi = sedan(&d.db, 111, None, year - 15, "TAXI").await;
    let (_, _, found) = referred(
        policies::issue_new(
            &d.wichai,
            &d.draft(PolicyType::Class1, old_taxi, Some("1,600,000")),
        )
        .await,
    );
    let mut met: Vec<&str> = found.iter().map(|r| r.rule.as_str()).collect();
    met.sort_unstable();
    assert_eq!(met, ["HIRE_USAGE", "SUM_INSURED_AUTHORITY", "VEHICLE_AGE"]);
    issued(policies::issue_new(&d.wichai, &d.draft(PolicyType::Cmi, old_taxi, None)).await);
}

#[tokio::test]
async fn an_approval_does_not_cover_a_higher_sum_insured() {
    let d = desk().await;
    let (customer, car) = sedan(&d.db, 112, None, 2022, "PERSONAL").await;
    let draft = d.draft(PolicyType::Class1, (customer, car), Some("2000000"));
    let (policy, _, first) = referred(policies::issue_new(&d.wichai, &draft).await);
    referrals::decide(&d.siriporn, first[0].id, first[0].version, true, "")
        .await
        .expect("approved for 2,000,000");

    // The underwriter raises the sum insured on the quote after the approval.
    let (_, _, _, version) = state(&d.db, policy).await;
    sqlx::query("UPDATE policies SET sum_insured = 3000000 WHERE id = $1")
        .bind(policy)
        .execute(&d.wichai)
        .await
        .expect("an underwriter edits a quote");
    let raised = state(&d.db, policy).await.3;
    assert_eq!(raised, version + 1);

    // The quote as it was loaded before the change is not issued.
    match policies::issue_quote(&d.wichai, policy, version).await {
        Err(IssueError::Save(prakan::db::customers::SaveError::Conflict(conflict))) => {
            assert_eq!(conflict.version, raised)
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    // Its stored premium was priced for 2,000,000: prakan does not issue it as it is.
    assert!(
        matches!(
            policies::issue_quote(&d.wichai, policy, raised).await,
            Err(IssueError::PriceChanged)
        ),
        "a quote edited outside the form is quoted again, not issued"
    );
    assert_eq!(state(&d.db, policy).await.0, "DRAFT");

    // Around prakan, the database says the same.
    assert_refused_by(
        sqlx::query("UPDATE policies SET status = 'ACTIVE', issued_at = now() WHERE id = $1")
            .bind(policy)
            .execute(&d.wichai)
            .await,
        "chk_policies_referral_approved",
    );
}

#[tokio::test]
async fn an_agent_quotes_for_their_own_customers_only_and_never_issues() {
    let d = desk().await;
    let anong = log_in(&d.db, "anong").await;
    let boonmee = log_in(&d.db, "boonmee").await;
    let anong_id = d.db.staff_id("anong").await;
    let boonmee_id = d.db.staff_id("boonmee").await;
    let hers = sedan(&d.db, 113, Some(anong_id), 2022, "PERSONAL").await;
    let his = sedan(&d.db, 114, Some(boonmee_id), 2022, "PERSONAL").await;

    let (quote, quote_number) = quoted(
        policies::save_quote(&anong, &d.draft(PolicyType::Class1, hers, Some("600000"))).await,
    );
    let (agent, created_by, status, total): (Option<Uuid>, Option<Uuid>, String, Decimal) =
        sqlx::query_as(
            "SELECT agent_id, created_by, status, total_premium FROM policies WHERE id = $1",
        )
        .bind(quote)
        .fetch_one(&d.db.pool)
        .await
        .unwrap();
    assert_eq!(
        (agent, created_by, status.as_str()),
        (Some(anong_id), Some(anong_id), "DRAFT")
    );
    assert!(total > Decimal::ZERO);
    assert!(quote_number.starts_with("Q-"));

    // Boonmee's customer is not hers to quote for.
    let before = table_counts(&d.db).await;
    let refused =
        policies::save_quote(&anong, &d.draft(PolicyType::Class1, his, Some("600000"))).await;
    assert!(
        matches!(refused, Err(IssueError::Database(sqlx::Error::RowNotFound))),
        "row-level security hides his vehicle: {refused:?}"
    );
    assert_eq!(table_counts(&d.db).await, before);
    assert_eq!(policies_of(&d.db, his.1).await, vec![]);

    // She cannot issue her quote, nor issue in one go.
    let (_, _, _, version) = state(&d.db, quote).await;
    match policies::issue_quote(&anong, quote, version).await {
        Err(IssueError::Database(error)) => assert_eq!(violation(&error).0, "42501", "{error}"),
        other => panic!("expected the agent to be refused, got {other:?}"),
    }
    assert_eq!(state(&d.db, quote).await.0, "DRAFT");
    assert_eq!(state(&d.db, quote).await.3, version);
    let refused = policies::issue_new(&anong, &d.draft(PolicyType::Cmi, hers, None)).await;
    assert!(refused.is_err(), "{refused:?}");
    assert_eq!(table_counts(&d.db).await, before);
    let raw = sqlx::query("UPDATE policies SET status = 'ACTIVE', issued_at = now() WHERE id = $1")
        .bind(quote)
        .execute(&anong)
        .await;
    assert!(raw.is_err(), "{raw:?}");
    assert_eq!(attached(&d.db, quote).await, (0, 0, 0));

    // Her quote is on her list, not on boonmee's; an underwriter issues it, still hers.
    let on = |list: Vec<policies::OpenQuote>| list.iter().any(|q| q.policy_id == quote);
    assert!(on(policies::open_quotes(&anong).await.unwrap()));
    assert!(!on(policies::open_quotes(&boonmee).await.unwrap()));
    issued(policies::issue_quote(&d.wichai, quote, version).await);
    let agent: Option<Uuid> = sqlx::query_scalar("SELECT agent_id FROM policies WHERE id = $1")
        .bind(quote)
        .fetch_one(&d.db.pool)
        .await
        .unwrap();
    assert_eq!(agent, Some(anong_id));
}

fn plate_lookup(typed: &str) -> prakan::domain::lookup::Lookup {
    match classify(typed) {
        Classified::Ready(lookup) => lookup,
        other => panic!("{typed:?} is not a lookup: {other:?}"),
    }
}

#[tokio::test]
async fn the_plate_looked_up_comes_first_and_open_quotes_count_their_referrals() {
    let d = desk().await;
    let year = d.start.year();
    // One customer with two cars; another with the same plate in Chiang Mai.
    let first_owner = fixtures::customer(&d.db.pool, 115).await.unwrap();
    let other_car = car(&d.db, first_owner, "ฌก 800", "10", 2020, "PERSONAL").await;
    let wanted = car(&d.db, first_owner, "ฌญ 801", "10", year - 2, "TAXI").await;
    let second_owner = fixtures::customer(&d.db.pool, 116).await.unwrap();
    let in_chiang_mai = car(&d.db, second_owner, "ฌญ 801", "50", 2021, "PERSONAL").await;
    let their_other = car(&d.db, second_owner, "ฌข 802", "50", 2021, "PERSONAL").await;

    let found = policies::find_vehicles(&d.wichai, &plate_lookup("ฌญ 801"))
        .await
        .unwrap();
    let ids: Vec<Uuid> = found.iter().map(|v| v.vehicle_id).collect();
    assert_eq!(ids.len(), 4, "{found:?}");
    for vehicle in [other_car, wanted, in_chiang_mai, their_other] {
        assert_eq!(
            ids.iter().filter(|id| **id == vehicle).count(),
            1,
            "{found:?}"
        );
    }
    assert!(
        found[..2].iter().all(|v| v.registration_number == "ฌญ 801"),
        "the plate looked up first: {found:?}"
    );
    let first = found.iter().find(|v| v.vehicle_id == wanted).unwrap();
    assert_eq!(
        (
            first.customer_id,
            first.usage_type.as_str(),
            first.province_name_en.as_str()
        ),
        (first_owner, "TAXI", "Bangkok")
    );
    let in_province = policies::find_vehicles(&d.wichai, &plate_lookup("ฌญ 801 เชียงใหม่"))
        .await
        .unwrap();
    let ids: Vec<Uuid> = in_province.iter().map(|v| v.vehicle_id).collect();
    assert_eq!(ids, vec![in_chiang_mai, their_other], "{in_province:?}");

    // A taxi insured for 2,000,000 by wichai: two referrals, one of them approved.
    let (quote, quote_number, found) = referred(
        policies::issue_new(
            &d.wichai,
            &d.draft(PolicyType::Class1, (first_owner, wanted), Some("2000000")),
        )
        .await,
    );
    assert_eq!(found.len(), 2, "{found:?}");
    let hire = found.iter().find(|r| r.rule == "HIRE_USAGE").unwrap();
    referrals::decide(&d.siriporn, hire.id, hire.version, true, "")
        .await
        .unwrap();
    // A plain quote, saved for later.
    let (plain, _) = quoted(
        policies::save_quote(
            &d.siriporn,
            &d.draft(
                PolicyType::Class1,
                (second_owner, their_other),
                Some("500000"),
            ),
        )
        .await,
    );

    let open = policies::open_quotes(&d.wichai).await.unwrap();
    let listed = open
        .iter()
        .find(|q| q.policy_id == quote)
        .unwrap_or_else(|| panic!("the referred quote is open: {open:?}"));
    assert_eq!(listed.quote_number, quote_number);
    assert_eq!(listed.plate, "ฌญ 801 กรุงเทพมหานคร");
    assert_eq!(listed.sum_insured, Some(dec!(2000000)));
    assert_eq!(listed.start_date, d.start);
    assert_eq!(
        (
            listed.referrals_pending,
            listed.referrals_approved,
            listed.referrals_declined
        ),
        (1, 1, 0)
    );
    assert_eq!(listed.created_by_name.as_deref(), Some("วิชัย วงศ์สวัสดิ์"));
    let plain_listed = open.iter().find(|q| q.policy_id == plain).unwrap();
    assert_eq!(
        (
            plain_listed.referrals_pending,
            plain_listed.referrals_approved,
            plain_listed.referrals_declined
        ),
        (0, 0, 0)
    );
    assert!(
        open.iter().position(|q| q.policy_id == plain)
            < open.iter().position(|q| q.policy_id == quote),
        "newest first"
    );

    // Issued, it leaves the list.
    let (_, _, _, version) = state(&d.db, plain).await;
    issued(policies::issue_quote(&d.siriporn, plain, version).await);
    let open = policies::open_quotes(&d.wichai).await.unwrap();
    assert!(!open.iter().any(|q| q.policy_id == plain));
}

/// The same plate may be registered in two provinces; one owner of both is one customer.
#[tokio::test]
async fn a_customer_with_one_plate_in_two_provinces_sees_each_car_once() {
    let d = desk().await;
    let owner = fixtures::customer(&d.db.pool, 117).await.unwrap();
    let bangkok = car(&d.db, owner, "ฌฎ 803", "10", 2021, "PERSONAL").await;
    let chiang_mai = car(&d.db, owner, "ฌฎ 803", "50", 2021, "PERSONAL").await;
    let found = policies::find_vehicles(&d.wichai, &plate_lookup("ฌฎ 803"))
        .await
        .unwrap();
    let mut ids: Vec<Uuid> = found.iter().map(|v| v.vehicle_id).collect();
    ids.sort();
    let mut expected = vec![bangkok, chiang_mai];
    expected.sort();
    assert_eq!(ids, expected, "{found:?}");
}
