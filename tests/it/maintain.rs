//! `prakan db maintain`: partitions ahead for every table partitioned by month, expired
//! policies and sessions, overdue payments; a second run changes nothing.

use prakan::domain::staff::GroupRole;

use crate::fixtures;
use crate::harness::TestDb;

#[tokio::test]
async fn maintain_creates_missing_months_then_nothing() {
    let db = TestDb::new().await;
    let furthest: String = sqlx::query_scalar(
        "SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
          WHERE i.inhparent = 'audit_logs'::regclass AND c.relname <> 'audit_logs_default'
          ORDER BY c.relname DESC LIMIT 1",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    sqlx::query(sqlx::AssertSqlSafe(format!("DROP TABLE {furthest}")))
        .execute(&db.pool)
        .await
        .unwrap();

    let first = prakan::db::maintain::run(&db.pool).await.unwrap();
    assert_eq!(first.partitions_created, [furthest]);
    let second = prakan::db::maintain::run(&db.pool).await.unwrap();
    assert!(
        second.partitions_created.is_empty(),
        "a second run creates nothing"
    );
    assert_eq!(first.tables_analyzed, second.tables_analyzed);

    let (status, months): (String, rust_decimal::Decimal) = sqlx::query_as(
        "SELECT status, figure FROM check_database_health()
          WHERE check_name = 'partitions_ahead' AND details = 'audit_logs'",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        (status.as_str(), months),
        ("OK", rust_decimal::Decimal::from(3))
    );
}

/// A digest of the rows maintain touches and of the partitions it makes.
async fn affected_rows_digest(pool: &sqlx::PgPool) -> String {
    sqlx::query_scalar(
        "SELECT md5(concat_ws('|',
             (SELECT string_agg(p::text, ',' ORDER BY p.id) FROM payments p),
             (SELECT string_agg(p::text, ',' ORDER BY p.id) FROM policies p),
             (SELECT string_agg(s::text, ',' ORDER BY s.id) FROM user_sessions s),
             (SELECT string_agg(c.relname, ',' ORDER BY c.relname)
                FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid)))",
    )
    .fetch_one(pool)
    .await
    .unwrap()
}

async fn payment_due(
    db: &TestDb,
    policy: uuid::Uuid,
    customer: uuid::Uuid,
    due: &str,
) -> uuid::Uuid {
    sqlx::query_scalar(
        "INSERT INTO payments (policy_id, customer_id, payment_type, amount, total_amount,
                               payment_method, due_date)
         VALUES ($1, $2, 'PREMIUM', 1500, 1500, 'BANK_TRANSFER', $3)
         RETURNING id",
    )
    .bind(policy)
    .bind(customer)
    .bind(fixtures::date(due))
    .fetch_one(&db.pool)
    .await
    .unwrap()
}

async fn payment_version(db: &TestDb, payment: uuid::Uuid) -> i32 {
    sqlx::query_scalar("SELECT version FROM payments WHERE id = $1")
        .bind(payment)
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

async fn overdue_since(db: &TestDb, payment: uuid::Uuid) -> Option<chrono::NaiveDate> {
    sqlx::query_scalar("SELECT overdue_since FROM payments WHERE id = $1")
        .bind(payment)
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn maintain_twice_gives_the_same_database() {
    let db = TestDb::new().await;
    let customer = fixtures::customer(&db.pool, 1).await.unwrap();
    let vehicle = fixtures::vehicle(&db.pool, customer, "กข 1001", "10")
        .await
        .unwrap();
    let ended = fixtures::policy(
        &db.pool,
        customer,
        vehicle,
        "CLASS_1",
        "2020-01-01",
        "2021-01-01",
    )
    .await
    .unwrap();
    let overdue = payment_due(&db, ended, customer, "2020-01-15").await;
    let not_yet = payment_due(&db, ended, customer, "2099-01-15").await;
    let staff = db.create_staff(GroupRole::Finance).await;
    sqlx::query(
        "INSERT INTO user_sessions (user_id, session_id, created_at, expires_at)
         VALUES ($1, 'left-open', now() - interval '2 days', now() - interval '1 day'),
                ($1, 'still-valid', now(), now() + interval '1 hour')",
    )
    .bind(db.staff_id(&staff).await)
    .execute(&db.pool)
    .await
    .unwrap();

    let version_before = payment_version(&db, overdue).await;
    let first = prakan::db::maintain::run(&db.pool).await.unwrap();
    // The mark is bookkeeping: a payment open on a finance screen is not "changed meanwhile".
    assert_eq!(payment_version(&db, overdue).await, version_before);
    assert_eq!(first.policies_expired, 1);
    assert_eq!(first.payments_marked_overdue, 1);
    assert_eq!(first.payments_overdue, 1);
    assert_eq!(first.sessions_closed, 1);
    assert!(first.vacuumed && first.tables_analyzed > 20);
    let after_first = affected_rows_digest(&db.pool).await;

    let second = prakan::db::maintain::run(&db.pool).await.unwrap();
    assert!(second.partitions_created.is_empty());
    assert_eq!(
        (
            second.policies_expired,
            second.payments_marked_overdue,
            second.sessions_closed
        ),
        (0, 0, 0)
    );
    assert_eq!(second.payments_overdue, 1);
    assert_eq!(affected_rows_digest(&db.pool).await, after_first);

    assert_eq!(
        overdue_since(&db, overdue).await,
        Some(fixtures::date("2020-01-16"))
    );
    assert_eq!(overdue_since(&db, not_yet).await, None);
    let (active, reason, ended_at_expiry): (bool, String, bool) = sqlx::query_as(
        "SELECT is_active, termination_reason, terminated_at = expires_at
           FROM user_sessions WHERE session_id = 'left-open'",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        (active, reason.as_str(), ended_at_expiry),
        (false, "EXPIRED", true)
    );
    let still_valid: bool =
        sqlx::query_scalar("SELECT is_active FROM user_sessions WHERE session_id = 'still-valid'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert!(still_valid);
}

#[tokio::test]
async fn the_overdue_mark_agrees_with_the_finance_screen_and_clears_when_paid() {
    let db = TestDb::new().await;
    let (customer, _, policy) = fixtures::insured_pickup(&db.pool, 2).await;
    let paid_later = payment_due(&db, policy, customer, "2026-01-10").await;
    let cancelled_later = payment_due(&db, policy, customer, "2026-02-10").await;
    let still_owed = payment_due(&db, policy, customer, "2026-03-10").await;
    payment_due(&db, policy, customer, "2099-03-10").await;

    let report =
        prakan::db::maintain::run_with(&db.pool, prakan::db::maintain::Options { vacuum: false })
            .await
            .unwrap();
    assert!(!report.vacuumed);
    assert_eq!(report.payments_marked_overdue, 3);
    let finance = prakan::db::reconcile_work::overview(&db.pool)
        .await
        .unwrap();
    let on_screen: i64 = finance.overdue.iter().map(|bucket| bucket.count).sum();
    assert_eq!(
        on_screen, report.payments_overdue,
        "the screen and the mark agree"
    );

    sqlx::query(
        "UPDATE payments SET payment_status = 'SUCCESS', payment_date = now(), processed_at = now()
          WHERE id = $1",
    )
    .bind(paid_later)
    .execute(&db.pool)
    .await
    .unwrap();
    sqlx::query("UPDATE payments SET payment_status = 'CANCELLED' WHERE id = $1")
        .bind(cancelled_later)
        .execute(&db.pool)
        .await
        .unwrap();
    assert_eq!(overdue_since(&db, paid_later).await, None);
    assert_eq!(overdue_since(&db, cancelled_later).await, None);
    assert_eq!(
        overdue_since(&db, still_owed).await,
        Some(fixtures::date("2026-03-11"))
    );

    // A mark written by hand is corrected to the truth, or cleared when not due yet.
    sqlx::query("UPDATE payments SET overdue_since = '2000-01-01' WHERE id = $1")
        .bind(still_owed)
        .execute(&db.pool)
        .await
        .unwrap();
    assert_eq!(
        overdue_since(&db, still_owed).await,
        Some(fixtures::date("2026-03-11"))
    );
    let future_marked: i64 = sqlx::query_scalar(
        "WITH marked AS (UPDATE payments SET overdue_since = due_date + 1
                          WHERE due_date > '2099-01-01' RETURNING overdue_since)
         SELECT count(*) FROM marked WHERE overdue_since IS NOT NULL",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(future_marked, 0);
}

#[tokio::test]
async fn every_table_partitioned_by_month_gets_its_months_ahead() {
    let db = TestDb::new().await;
    sqlx::query(
        "CREATE TABLE test_events (id int, happened_on date) PARTITION BY RANGE (happened_on)",
    )
    .execute(&db.pool)
    .await
    .unwrap();
    sqlx::query(
        "CREATE TABLE test_events_y2020m01 PARTITION OF test_events
            FOR VALUES FROM ('2020-01-01') TO ('2020-02-01')",
    )
    .execute(&db.pool)
    .await
    .unwrap();

    let report = prakan::db::maintain::run(&db.pool).await.unwrap();
    assert_eq!(
        report.partitioned_tables,
        ["audit_logs", "payments", "test_events"]
    );
    assert_eq!(
        report.partitions_created.len(),
        4,
        "this month and three ahead for test_events: {:?}",
        report.partitions_created
    );
    for table in &report.partitioned_tables {
        let missing: Vec<String> = sqlx::query_scalar(
            "SELECT name FROM (
                 SELECT format('%s_y%s', $1::text,
                               to_char(date_trunc('month', now() AT TIME ZONE 'Asia/Bangkok')
                                       + make_interval(months => m), 'YYYY\"m\"MM')) AS name
                   FROM generate_series(0, 3) AS m) AS wanted
              WHERE to_regclass(name) IS NULL",
        )
        .bind(table)
        .fetch_all(&db.pool)
        .await
        .unwrap();
        assert!(missing.is_empty(), "{table} lacks {missing:?}");
    }
    let rows_land: i64 = sqlx::query_scalar(
        "WITH added AS (INSERT INTO test_events VALUES (1, (now() AT TIME ZONE 'Asia/Bangkok')::date)
                        RETURNING tableoid::regclass::text AS partition)
         SELECT count(*) FROM added WHERE partition LIKE 'test_events_y%'",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(rows_land, 1);
    let again = prakan::db::maintain::run(&db.pool).await.unwrap();
    assert!(again.partitions_created.is_empty());
}
