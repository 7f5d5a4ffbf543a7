//! The demo book shows every kind of record and loads once; the scale load keeps every
//! foreign key and rule true and grows in proportion.

use prakan::seed::demo::{DEMO_ACCOUNTS, DEMO_PASSWORD, DemoOutcome};
use sqlx::PgPool;

use crate::harness::TestDb;

async fn count(pool: &PgPool, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_string()))
        .fetch_one(pool)
        .await
        .unwrap()
}

async fn distinct(pool: &PgPool, sql: &str) -> Vec<String> {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_string()))
        .fetch_all(pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn the_demo_shows_every_kind_of_record() {
    let db = TestDb::with_demo().await;
    let pool = &db.pool;
    let customers = count(pool, "SELECT count(*) FROM customers").await;
    let vehicles = count(pool, "SELECT count(*) FROM customer_vehicles").await;
    assert!(
        (300..=450).contains(&customers),
        "about 300 customers: {customers}"
    );
    assert!(
        (350..=550).contains(&vehicles),
        "about 400 vehicles: {vehicles}"
    );

    assert_eq!(
        distinct(
            pool,
            "SELECT DISTINCT policy_type::text FROM policies ORDER BY 1"
        )
        .await,
        [
            "CLASS_1",
            "CLASS_2",
            "CLASS_2_PLUS",
            "CLASS_3",
            "CLASS_3_PLUS",
            "CMI"
        ]
    );
    assert_eq!(
        distinct(pool, "SELECT DISTINCT status::text FROM claims ORDER BY 1").await,
        [
            "APPROVED",
            "ASSESSED",
            "ASSIGNED",
            "CLOSED",
            "INVESTIGATING",
            "REJECTED",
            "REPORTED",
            "SETTLED"
        ]
    );
    assert_eq!(
        distinct(
            pool,
            "SELECT DISTINCT payment_status::text FROM payments ORDER BY 1"
        )
        .await,
        [
            "CANCELLED",
            "FAILED",
            "PARTIAL_REFUND",
            "PENDING",
            "PROCESSING",
            "REFUNDED",
            "SUCCESS"
        ]
    );
    for (what, sql) in [
        ("CMI and voluntary on one car", "SELECT count(*) FROM (SELECT vehicle_id FROM policies WHERE status = 'ACTIVE'
                                           GROUP BY 1 HAVING count(DISTINCT cover_kind) = 2) AS both_kinds"),
        ("policies expiring within 30 days", "SELECT count(*) FROM policies WHERE status = 'ACTIVE'
                                              AND end_date <= (now() AT TIME ZONE 'Asia/Bangkok')::date + 30"),
        ("lapsed policies", "SELECT count(*) FROM policies WHERE status = 'EXPIRED'"),
        ("renewal chains", "SELECT count(*) FROM policy_renewals"),
        ("instalments", "SELECT count(*) FROM payments WHERE payment_type = 'INSTALLMENT'"),
        ("pending payments with bank references", "SELECT count(*) FROM payments WHERE payment_status = 'PENDING'
                                                   AND transaction_reference ~ '^PAY-'"),
        ("assessments", "SELECT count(*) FROM claim_assessments"),
        ("settlements awaiting payout", "SELECT count(*) FROM claim_settlements WHERE status = 'PENDING'"),
        ("pending refunds", "SELECT count(*) FROM payments WHERE payment_type = 'REFUND' AND payment_status = 'PENDING'"),
        ("juristic customers with tax IDs", "SELECT count(*) FROM customers WHERE customer_type = 'JURISTIC'
                                             AND national_id LIKE '0%' AND branch_code = '00000'"),
        ("customers without e-mail", "SELECT count(*) FROM customers WHERE email IS NULL"),
        ("customers of agents", "SELECT count(*) FROM customers WHERE agent_id IS NOT NULL"),
        ("receipts", "SELECT count(*) FROM payment_receipts"),
        ("consents", "SELECT count(*) FROM consent_records"),
    ] {
        assert!(count(pool, sql).await > 0, "the demo has {what}");
    }
    let groups = distinct(
        pool,
        "SELECT DISTINCT group_role::text FROM users ORDER BY 1",
    )
    .await;
    assert_eq!(
        groups.len(),
        7,
        "one account per group role at least: {groups:?}"
    );
}

#[tokio::test]
async fn demo_accounts_log_in_and_the_demo_loads_only_once() {
    let db = TestDb::with_demo().await;
    for account in DEMO_ACCOUNTS {
        let pool = db
            .login(account.username, DEMO_PASSWORD)
            .await
            .expect("a demo account logs in");
        let group: String =
            sqlx::query_scalar("SELECT group_role FROM users WHERE id = current_staff_id()")
                .fetch_one(&pool)
                .await
                .unwrap();
        assert_eq!(group, account.group.role_name());
        pool.close().await;
    }
    let before = count(&db.pool, "SELECT count(*) FROM customers").await;
    let outcome = prakan::seed::demo::seed(&db.pool, chrono::Utc::now())
        .await
        .unwrap();
    assert_eq!(outcome, DemoOutcome::AlreadyPresent);
    assert_eq!(
        count(&db.pool, "SELECT count(*) FROM customers").await,
        before
    );
}

/// Rows whose foreign key points nowhere, per constraint (the scale load runs without the
/// triggers that would otherwise check them).
async fn orphans(pool: &PgPool) -> Vec<String> {
    let keys: Vec<(String, String, String, String, String)> = sqlx::query_as(
        "SELECT c.conname::text, quote_ident(child.relname::text), quote_ident(child_column.attname::text),
                quote_ident(parent.relname::text), quote_ident(parent_column.attname::text)
           FROM pg_constraint c
           JOIN pg_class child ON child.oid = c.conrelid
           JOIN pg_class parent ON parent.oid = c.confrelid
           JOIN pg_attribute child_column ON child_column.attrelid = c.conrelid AND child_column.attnum = c.conkey[1]
           JOIN pg_attribute parent_column ON parent_column.attrelid = c.confrelid AND parent_column.attnum = c.confkey[1]
          WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut broken = Vec::new();
    for (name, child, column, parent, parent_column) in keys {
        let sql = format!(
            "SELECT count(*) FROM {child} c WHERE c.{column} IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.{parent_column} = c.{column})"
        );
        if count(pool, &sql).await > 0 {
            broken.push(name);
        }
    }
    broken
}

#[tokio::test]
async fn the_scale_load_is_consistent_and_proportional() {
    let db = TestDb::with_demo().await;
    let customers_before = count(&db.pool, "SELECT count(*) FROM customers").await;
    let cancel = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let report =
        prakan::seed::scale::seed(&db.pool, 6_000, chrono::Utc::now(), cancel.clone(), |_| {})
            .await
            .unwrap();
    assert_eq!(report.customers, 6_000);
    assert!(report.triggers_off);
    prakan::seed::scale::seed(&db.pool, 1_500, chrono::Utc::now(), cancel, |_| {})
        .await
        .expect("a second load adds to the first without colliding");

    let pool = &db.pool;
    let customers = count(pool, "SELECT count(*) FROM customers").await - customers_before;
    assert_eq!(customers, 7_500);
    let per_customer = |n: i64| n as f64 / 7_500.0;
    let vehicles = per_customer(count(pool, "SELECT count(*) FROM customer_vehicles").await);
    let policies = per_customer(count(pool, "SELECT count(*) FROM policies").await);
    assert!(
        (1.1..1.4).contains(&vehicles),
        "≈1.2 vehicles per customer: {vehicles}"
    );
    assert!(
        (1.3..1.8).contains(&policies),
        "≈1.5 policies per customer: {policies}"
    );
    let claims = count(pool, "SELECT count(*) FROM claims").await as f64;
    let policies_in_force = count(
        pool,
        "SELECT count(*) FROM policies WHERE status <> 'DRAFT'",
    )
    .await as f64;
    assert!(
        (0.12..0.28).contains(&(claims / policies_in_force)),
        "≈20 % of policies have a claim"
    );
    let open = count(
        pool,
        "SELECT count(*) FROM claims WHERE status NOT IN ('SETTLED', 'CLOSED', 'REJECTED')",
    )
    .await as f64;
    assert!(
        (0.18..0.45).contains(&(open / claims)),
        "about a quarter of claims are open: {}",
        open / claims
    );

    assert_eq!(orphans(pool).await, Vec::<String>::new());
    let schedules_off = count(
        pool,
        "SELECT count(*) FROM policies p
           JOIN (SELECT policy_id, sum(amount) AS scheduled FROM payments
                  WHERE payment_type = 'INSTALLMENT' GROUP BY 1) s ON s.policy_id = p.id
          WHERE s.scheduled <> p.total_premium",
    )
    .await;
    assert_eq!(
        schedules_off, 0,
        "instalments sum exactly to the total premium"
    );
    let overlapping_numbers = count(
        pool,
        "SELECT count(*) - count(DISTINCT receipt_number) FROM payment_receipts",
    )
    .await;
    assert_eq!(overlapping_numbers, 0);
}

#[tokio::test]
async fn the_benchmark_measures_lookups_of_keys_that_exist() {
    let db = TestDb::with_demo().await;
    let options = prakan::bench::BenchOptions {
        iterations: 200,
        concurrency: 2,
        warmup: 20,
    };
    for scenario in prakan::bench::SCENARIOS {
        let result = prakan::bench::run(&db.pool, scenario, options)
            .await
            .expect("the scenario runs");
        assert_eq!(result.summary.operations, 200);
        assert!(result.summary.p50_ms > 0.0 && result.summary.p50_ms <= result.summary.p99_ms);
        assert!(result.table_rows > 250);
    }
    let empty = TestDb::new().await;
    let error = prakan::bench::run(&empty.pool, &prakan::bench::SCENARIOS[0], options)
        .await
        .unwrap_err();
    assert!(error.to_string().contains("prakan seed --scale"), "{error}");
}
