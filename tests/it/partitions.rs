//! Payments partitioned by booking month (migration 0027): an existing database keeps every
//! payment exactly once, a payment booked far ahead waits in the default partition until its
//! month is made, the rules of the old table still hold, and a date filter reads one month.

use sqlx::PgPool;
use uuid::Uuid;

use crate::fixtures;
use crate::harness::{TestDb, assert_refused_by, violation};

/// The last migration before payments were partitioned, and the one that partitions them.
const BEFORE_PARTITIONING: i64 = 26;
const PARTITIONING: i64 = 27;

/// 42 paid instalments of one policy, three booked in each of the last 14 months, each with
/// a receipt and a bank transfer.
async fn payments_over_fourteen_months(pool: &PgPool) {
    let customer_id = fixtures::customer(pool, 1).await.unwrap();
    let vehicle_id = fixtures::vehicle(pool, customer_id, "กข 1001", "10")
        .await
        .unwrap();
    let policy_id = fixtures::policy(
        pool,
        customer_id,
        vehicle_id,
        "CLASS_1",
        "2026-01-01",
        "2027-01-01",
    )
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO payments (policy_id, customer_id, payment_type, amount, total_amount,
                               payment_method, payment_status, payment_date, processed_at,
                               due_date, installment_number, total_installments, created_at)
         SELECT $1, $2, 'INSTALLMENT', 1000 + n * 13.37, 1000 + n * 13.37, 'BANK_TRANSFER',
                'SUCCESS', booked + interval '2 days', booked + interval '2 days',
                (booked + interval '10 days')::date, n, 42, booked
           FROM generate_series(1, 42) AS n,
                LATERAL (SELECT now() - make_interval(months => (n - 1) / 3, hours => n) AS booked) b",
    )
    .bind(policy_id)
    .bind(customer_id)
    .execute(pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO payment_receipts (payment_id, receipt_number, receipt_type, vat_amount, issued_date)
         SELECT id, 'RC-T-' || installment_number, 'TAX_INVOICE', 10, payment_date::date FROM payments",
    )
    .execute(pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO payment_transactions (payment_id, transaction_type, amount, status, occurred_at)
         SELECT id, 'TRANSFER', total_amount, 'SUCCESS', payment_date FROM payments",
    )
    .execute(pool)
    .await
    .unwrap();
}

/// Every payment row as text, the receipts and transfers without the new column, and how
/// many payments each Bangkok month holds.
async fn payment_digest(pool: &PgPool) -> (i64, rust_decimal::Decimal, String, String, String) {
    sqlx::query_as(
        "SELECT (SELECT count(*) FROM payments),
                (SELECT sum(total_amount) FROM payments),
                (SELECT md5(string_agg(p::text, '|' ORDER BY p.id)) FROM payments p),
                (SELECT md5(string_agg((to_jsonb(r) - 'payment_created_at')::text, '|' ORDER BY r.id))
                   FROM payment_receipts r)
                || (SELECT md5(string_agg((to_jsonb(t) - 'payment_created_at')::text, '|' ORDER BY t.id))
                   FROM payment_transactions t),
                (SELECT string_agg(month || ':' || n, ' ' ORDER BY month)
                   FROM (SELECT to_char(created_at AT TIME ZONE 'Asia/Bangkok', 'YYYY-MM') AS month,
                                count(*) AS n
                           FROM payments GROUP BY 1) m)",
    )
    .fetch_one(pool)
    .await
    .unwrap()
}

async fn audit_rows(pool: &PgPool) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM audit_logs")
        .fetch_one(pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn partitioning_an_existing_database_keeps_every_payment_once() {
    let db = TestDb::empty().await;
    prakan::db::migrate::MIGRATOR
        .run_to(BEFORE_PARTITIONING, &db.pool)
        .await
        .unwrap();
    prakan::db::geo::load(&db.pool).await.unwrap();
    payments_over_fourteen_months(&db.pool).await;
    let before = payment_digest(&db.pool).await;
    let audit_before = audit_rows(&db.pool).await;
    assert_eq!(before.0, 42);
    assert_eq!(before.4.split(' ').count(), 14, "months: {}", before.4);

    prakan::db::migrate::MIGRATOR
        .run_to(PARTITIONING, &db.pool)
        .await
        .unwrap();

    assert_eq!(payment_digest(&db.pool).await, before);
    assert_eq!(
        audit_rows(&db.pool).await,
        audit_before,
        "moving rows is not an edit"
    );
    let misplaced: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM payments
          WHERE tableoid::regclass::text
                <> 'payments_y' || to_char(created_at AT TIME ZONE 'Asia/Bangkok', 'YYYY\"m\"MM')",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(misplaced, 0, "each payment is in its own month's partition");
    let pointing_right: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM payment_receipts r JOIN payments p
             ON p.id = r.payment_id AND p.created_at = r.payment_created_at",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        pointing_right, 42,
        "every receipt points at its payment's key"
    );
}

async fn a_policy(db: &TestDb) -> (Uuid, Uuid) {
    let (customer_id, _, policy_id) = fixtures::insured_pickup(&db.pool, 7).await;
    (customer_id, policy_id)
}

async fn insert_instalment(
    pool: &PgPool,
    customer_id: Uuid,
    policy_id: Uuid,
    number: i32,
    booked: &str,
) -> Result<Uuid, sqlx::Error> {
    sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "INSERT INTO payments (policy_id, customer_id, payment_type, amount, total_amount,
                               payment_method, due_date, installment_number, total_installments,
                               created_at)
         VALUES ($1, $2, 'INSTALLMENT', 1500, 1500, 'PROMPTPAY', current_date + 30, $3, 12, {booked})
         RETURNING id"
    )))
    .bind(policy_id)
    .bind(customer_id)
    .bind(number)
    .fetch_one(pool)
    .await
}

async fn partition_of(pool: &PgPool, payment_id: Uuid) -> String {
    sqlx::query_scalar("SELECT tableoid::regclass::text FROM payments WHERE id = $1")
        .bind(payment_id)
        .fetch_one(pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_payment_booked_two_years_ahead_waits_in_the_default_partition() {
    let db = TestDb::new().await;
    let (customer_id, policy_id) = a_policy(&db).await;
    let ahead = insert_instalment(
        &db.pool,
        customer_id,
        policy_id,
        1,
        "now() + interval '2 years'",
    )
    .await
    .expect("a payment two years ahead is stored");
    assert_eq!(partition_of(&db.pool, ahead).await, "payments_default");
    sqlx::query(
        "INSERT INTO payment_receipts (payment_id, receipt_number, receipt_type) VALUES ($1, 'RC-T-1', 'RECEIPT')",
    )
    .bind(ahead)
    .execute(&db.pool)
    .await
    .expect("a receipt may point at it");
    let version_before: i32 = sqlx::query_scalar("SELECT version FROM payments WHERE id = $1")
        .bind(ahead)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let audit_before = audit_rows(&db.pool).await;

    // When its month comes within reach, maintenance makes the month and moves it there.
    let month: chrono::NaiveDate = sqlx::query_scalar(
        "SELECT (created_at AT TIME ZONE 'Asia/Bangkok')::date FROM payments WHERE id = $1",
    )
    .bind(ahead)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let made: String = sqlx::query_scalar("SELECT ensure_monthly_partition('payments', $1)")
        .bind(month)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(partition_of(&db.pool, ahead).await, made);
    assert_eq!(audit_rows(&db.pool).await, audit_before);
    let version_after: i32 = sqlx::query_scalar("SELECT version FROM payments WHERE id = $1")
        .bind(ahead)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(version_after, version_before);
    // The receipt's foreign key is back and still enforced (PostgreSQL names the copy of
    // the constraint that guards the partition).
    let refused = sqlx::query("DELETE FROM payments WHERE id = $1")
        .bind(ahead)
        .execute(&db.pool)
        .await
        .expect_err("a payment with a receipt cannot be deleted");
    let (code, constraint) = violation(&refused);
    assert_eq!(code, "23503", "{refused}");
    assert!(
        constraint.is_some_and(|name| name.starts_with("payment_receipts_payment_id")),
        "{refused}"
    );
}

#[tokio::test]
async fn the_rules_of_the_unpartitioned_table_still_hold() {
    let db = TestDb::new().await;
    let (customer_id, policy_id) = a_policy(&db).await;
    let first = insert_instalment(&db.pool, customer_id, policy_id, 1, "now()")
        .await
        .unwrap();
    assert_refused_by(
        insert_instalment(
            &db.pool,
            customer_id,
            policy_id,
            1,
            "now() - interval '3 months'",
        )
        .await,
        "payments_policy_installment_key",
    );
    assert_refused_by(
        sqlx::query(
            "UPDATE payments SET created_at = created_at - interval '1 month' WHERE id = $1",
        )
        .bind(first)
        .execute(&db.pool)
        .await,
        "payments_booking_time_fixed",
    );
    assert_refused_by(
        sqlx::query(
            "INSERT INTO payment_receipts (payment_id, receipt_number, receipt_type)
             VALUES (gen_random_uuid(), 'RC-T-2', 'RECEIPT')",
        )
        .execute(&db.pool)
        .await,
        "payment_receipts_payment_id_fkey",
    );

    // An edit bumps the version and is audited under the table's name, not the partition's.
    let (_, finance_pool) = db
        .staff_pool(prakan::domain::staff::GroupRole::Finance)
        .await;
    sqlx::query("UPDATE payments SET payment_status = 'PROCESSING' WHERE id = $1")
        .bind(first)
        .execute(&finance_pool)
        .await
        .unwrap();
    let (version, audited_as): (i32, String) = sqlx::query_as(
        "SELECT p.version, a.table_name FROM payments p
           JOIN audit_logs a ON a.record_id = p.id AND a.operation = 'UPDATE'
          WHERE p.id = $1",
    )
    .bind(first)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!((version, audited_as.as_str()), (1, "payments"));
}

#[tokio::test]
async fn a_date_filter_reads_only_its_months() {
    let db = TestDb::new().await;
    let plan: serde_json::Value = sqlx::query_scalar(
        "EXPLAIN (FORMAT JSON)
         SELECT count(*) FROM payments
          WHERE created_at >= date_trunc('month', now() AT TIME ZONE 'Asia/Bangkok') AT TIME ZONE 'Asia/Bangkok'
            AND created_at < now()",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let mut scanned = Vec::new();
    relations_read(&plan, &mut scanned);
    let this_month = chrono::Utc::now()
        .with_timezone(&chrono_tz_bangkok())
        .format("payments_y%Ym%m")
        .to_string();
    assert!(
        !scanned.is_empty() && scanned.iter().all(|name| *name == this_month),
        "only {this_month} is read: {scanned:?}"
    );
}

/// The "Relation Name" of every node of a JSON plan.
fn relations_read(plan: &serde_json::Value, found: &mut Vec<String>) {
    match plan {
        serde_json::Value::Object(node) => {
            for (key, value) in node {
                match (key.as_str(), value) {
                    ("Relation Name", serde_json::Value::String(name)) => found.push(name.clone()),
                    _ => relations_read(value, found),
                }
            }
        }
        serde_json::Value::Array(items) => {
            items.iter().for_each(|item| relations_read(item, found))
        }
        _ => {}
    }
}

fn chrono_tz_bangkok() -> chrono::FixedOffset {
    chrono::FixedOffset::east_opt(7 * 3600).expect("UTC+7")
}

#[tokio::test]
async fn nobody_reads_a_partition_past_the_row_security_of_payments() {
    let db = TestDb::new().await;
    for group in prakan::domain::staff::GroupRole::ALL {
        let (_, pool) = db.staff_pool(group).await;
        for partition in ["payments_default", "audit_logs_default"] {
            let refused = sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT count(*) FROM {partition}"
            )))
            .execute(&pool)
            .await
            .expect_err("a partition is not granted to staff");
            assert_eq!(violation(&refused).0, "42501", "{group:?} {partition}");
        }
    }
}
