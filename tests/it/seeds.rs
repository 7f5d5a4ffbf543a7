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
    // Work for two adjusters trying the queues side by side.
    for (what, at_least, sql) in [
        ("fresh unassigned reports to take", 8, "SELECT count(*) FROM claims
            WHERE status = 'REPORTED' AND adjuster_id IS NULL
              AND reported_date > now() - interval '5 days'"),
        ("approvals above an adjuster's authority", 3, "SELECT count(*) FROM claims c
            JOIN users u ON u.id = c.approval_requested_by
           WHERE c.status = 'ASSESSED' AND c.approval_requested_amount > 50000
             AND u.group_role = 'prakan_adjuster' AND u.authority_limit < c.approval_requested_amount
             AND c.adjuster_id = c.approval_requested_by AND c.approval_requested_at IS NOT NULL"),
        ("open claims flagged for investigation", 2, "SELECT count(*) FROM claims
            WHERE requires_investigation AND fraud_score >= 50
              AND status IN ('REPORTED', 'ASSIGNED', 'INVESTIGATING', 'ASSESSED', 'APPROVED')"),
    ] {
        let found = count(pool, sql).await;
        assert!(found >= at_least, "the demo has {what}: {found}");
    }
    assert_claims_follow_the_rules(pool).await;
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

/// The claims rules of `0021_claims.sql` hold for seeded claims too, though the seeds load
/// as the cluster's owner, whom the claims trigger does not check.
async fn assert_claims_follow_the_rules(pool: &PgPool) {
    for (what, sql) in [
        ("own damage claimed exactly where the class covers it", "SELECT count(*) FROM claims c
            JOIN policies p ON p.id = c.policy_id
           WHERE c.own_damage_claimed <> NOT (c.claim_type = 'ACCIDENT'
                 AND (p.policy_type IN ('CMI', 'CLASS_2', 'CLASS_3')
                      OR (p.policy_type IN ('CLASS_2_PLUS', 'CLASS_3_PLUS')
                          AND COALESCE(NULLIF(btrim(c.other_party_info->>'name'), ''),
                                       NULLIF(btrim(c.other_party_info->>'plate'), '')) IS NULL)))"),
        ("claims the policy's cover refuses", "SELECT count(*) FROM claims c
            JOIN policies p ON p.id = c.policy_id
           WHERE p.status <> 'CANCELLED'
             AND claim_coverage_problem(c.policy_id, c.incident_date, c.claim_type,
                                        c.own_damage_claimed, c.other_party_info) IS NOT NULL"),
        ("deductions other than the database's", "SELECT count(*) FROM claim_settlements s
            CROSS JOIN LATERAL claim_deductions(s.claim_id) d
           WHERE s.deductible_amount <> d.deductible OR s.excess_amount <> d.excess
              OR s.counterparty_named <> d.counterparty_named"),
        ("approval requests within the requester's authority", "SELECT count(*) FROM claims c
            JOIN users u ON u.id = c.approval_requested_by
           WHERE c.status <> 'ASSESSED' OR u.authority_limit >= c.approval_requested_amount"),
        ("approvals beyond the approver's authority", "SELECT count(*) FROM claims c
            JOIN users u ON u.id = c.approved_by
           WHERE u.authority_limit < c.approved_amount"),
        ("fraud scores other than the flags' points", "SELECT count(*) FROM claims
           WHERE fraud_score <> LEAST(100, (SELECT COALESCE(sum(CASE f
                     WHEN 'INCIDENT_WITHIN_30_DAYS_OF_INCEPTION' THEN 30
                     WHEN 'TWO_OR_MORE_CLAIMS_IN_12_MONTHS' THEN 25
                     WHEN 'REPORTED_MORE_THAN_30_DAYS_LATE' THEN 25
                     WHEN 'ESTIMATE_AT_LEAST_80_PERCENT_OF_SUM_INSURED' THEN 30
                     WHEN 'THEFT_WITHOUT_POLICE_REPORT' THEN 40 END), 0)
                  FROM jsonb_array_elements_text(fraud_flags) f))
              OR (fraud_score >= 50 AND NOT requires_investigation)"),
        ("claim numbers the sequence would hand out again", "SELECT count(*) FROM claims
           WHERE substring(claim_number FROM '([0-9]+)$')::bigint
                 >= (SELECT last_value + CASE WHEN is_called THEN 1 ELSE 0 END FROM claim_number_seq)"),
    ] {
        assert_eq!(count(pool, sql).await, 0, "seeded claims: {what}");
    }
    let open_with_approval = count(
        pool,
        "SELECT count(*) FROM claims WHERE approval_requested_amount IS NOT NULL",
    )
    .await;
    assert!(open_with_approval > 0, "some assessments wait for approval");
}

/// Rows whose foreign key points nowhere, per constraint (the scale load runs without the
/// triggers that would otherwise check them).
/// A foreign key: its name, the referencing and referenced tables, and their columns.
type ForeignKey = (String, String, String, Vec<String>, Vec<String>);

async fn orphans(pool: &PgPool) -> Vec<String> {
    // Top-level keys only: a key pointing at a partitioned table has a copy per partition.
    let keys: Vec<ForeignKey> = sqlx::query_as(
        "SELECT c.conname::text, quote_ident(child.relname::text), quote_ident(parent.relname::text),
                ARRAY(SELECT quote_ident(a.attname::text) FROM unnest(c.conkey) WITH ORDINALITY AS k(n, i)
                        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i),
                ARRAY(SELECT quote_ident(a.attname::text) FROM unnest(c.confkey) WITH ORDINALITY AS k(n, i)
                        JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i)
           FROM pg_constraint c
           JOIN pg_class child ON child.oid = c.conrelid
           JOIN pg_class parent ON parent.oid = c.confrelid
          WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace AND c.conparentid = 0",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut broken = Vec::new();
    for (name, child, parent, columns, parent_columns) in keys {
        let present = columns
            .iter()
            .map(|column| format!("c.{column} IS NOT NULL"))
            .collect::<Vec<_>>()
            .join(" AND ");
        let matching = columns
            .iter()
            .zip(&parent_columns)
            .map(|(column, parent_column)| format!("p.{parent_column} = c.{column}"))
            .collect::<Vec<_>>()
            .join(" AND ");
        let sql = format!(
            "SELECT count(*) FROM {child} c WHERE {present}
               AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE {matching})"
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
        (0.6..0.9).contains(&(open / claims)),
        "most claims are recent and open (the claims benchmark wants 200,000 at 1 M customers): {}",
        open / claims
    );
    let (open_age, closed_age): (f64, f64) = sqlx::query_as(
        "SELECT avg(extract(epoch FROM now() - incident_date) / 86400)
                    FILTER (WHERE status NOT IN ('SETTLED', 'CLOSED', 'REJECTED'))::float8,
                avg(extract(epoch FROM now() - incident_date) / 86400)
                    FILTER (WHERE status IN ('SETTLED', 'CLOSED', 'REJECTED'))::float8
           FROM claims",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    assert!(
        open_age * 2.0 < closed_age,
        "open claims are the recent ones: {open_age:.0} days against {closed_age:.0}"
    );
    assert_claims_follow_the_rules(pool).await;

    assert_eq!(orphans(pool).await, Vec::<String>::new());
    assert_eq!(
        count(pool, "SELECT count(*) FROM payments_default").await,
        0,
        "every seeded payment is in its month's partition"
    );
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

#[tokio::test]
async fn the_claims_benchmark_takes_each_claim_once_and_hands_them_back() {
    let db = TestDb::with_demo().await;
    let pool = &db.pool;
    let unassigned =
        "SELECT count(*) FROM claims WHERE status = 'REPORTED' AND adjuster_id IS NULL";
    let before = count(pool, unassigned).await;
    let options = prakan::bench::claims::ClaimsBenchOptions {
        pages: 5,
        takes: 80,
        adjusters: 8,
        details: 10,
    };
    let report = prakan::bench::claims::run(pool, options, |_| {})
        .await
        .expect("the claims benchmark runs");
    assert_eq!(report.collisions, 0);
    assert_eq!(report.taken, 80 + 8 * 2, "each adjuster warms up with two");
    assert_eq!(report.handed_back, report.taken as u64);
    assert_eq!(report.unassigned_before, before);
    assert!(
        report.added_for_take_next > 0,
        "the demo has too few reports for 96 takes: some were added"
    );
    assert_eq!(report.tabs.len(), 6);
    assert!(report.tabs.iter().all(|t| t.summary.operations == 5));
    assert_eq!(report.detail.operations, 10);
    assert_eq!(
        count(pool, unassigned).await,
        before + report.added_for_take_next as i64,
        "every claim taken is back in the Unassigned queue"
    );
    assert_eq!(
        count(
            pool,
            "SELECT count(*) FROM claim_status_history h JOIN users u ON u.id = h.changed_by
              WHERE u.username LIKE 'bench\\_%'"
        )
        .await,
        0,
        "no take-next history is left behind"
    );
    assert_eq!(
        count(
            pool,
            "SELECT count(*) FROM claims c
              WHERE c.other_party_info->>'name' = 'สมศักดิ์ มีทรัพย์'
                AND c.damage_description = 'กันชนหน้า, ไฟหน้า'
                AND claim_coverage_problem(c.policy_id, c.incident_date, c.claim_type,
                                           c.own_damage_claimed, c.other_party_info) IS NULL"
        )
        .await,
        report.added_for_take_next as i64,
        "the claims added are covered"
    );

    let again = prakan::bench::claims::run(pool, options, |_| {})
        .await
        .expect("a second run");
    assert_eq!(again.added_for_take_next, 0, "the second run needs no more");
    assert_eq!(again.collisions, 0);
}

#[tokio::test]
async fn the_oversight_benchmark_measures_charts_audit_pages_and_health() {
    use prakan::bench::oversight::{self, OversightBenchOptions};
    let db = TestDb::with_demo().await;
    let pool = &db.pool;
    let before = count(pool, "SELECT count(*) FROM audit_logs").await;
    let options = OversightBenchOptions {
        iterations: 2,
        audit_rows: before as u64 + 2_000,
    };
    let report = oversight::run(pool, options, |_| {})
        .await
        .expect("the oversight benchmark runs");
    let names: Vec<&str> = report.measures.iter().map(|m| m.name).collect();
    assert_eq!(
        names,
        [
            "chart-claims-by-status",
            "chart-claims-by-status-compute",
            "chart-claims-ageing",
            "chart-claims-ageing-compute",
            "chart-premium-written",
            "chart-premium-written-compute",
            "chart-loss-ratio",
            "chart-loss-ratio-compute",
            "chart-reconciliation-backlog",
            "chart-reconciliation-backlog-compute",
            "audit-first-page",
            "audit-by-table",
            "audit-by-staff",
            "audit-by-operation",
            "audit-by-record",
            "audit-by-dates",
            "audit-next-page",
            "health",
        ]
    );
    for measure in &report.measures {
        assert_eq!(measure.summary.operations, 2, "{}", measure.name);
        assert!(measure.summary.p50_ms > 0.0, "{}", measure.name);
    }
    let rows = |name: &str| {
        let m = report.measures.iter().find(|m| m.name == name).unwrap();
        (m.rows_min, m.rows_max)
    };
    assert_eq!(rows("chart-premium-written"), (12, 12), "twelve months");
    assert_eq!(
        rows("chart-premium-written-compute"),
        (12, 12),
        "computed alike"
    );
    let group = |name: &str| {
        report
            .measures
            .iter()
            .find(|m| m.name == name)
            .unwrap()
            .as_group
    };
    assert_eq!(group("chart-loss-ratio"), "auditor", "as the screen");
    assert_eq!(group("chart-loss-ratio-compute"), "owner", "as a refresh");
    assert_eq!(rows("chart-claims-ageing"), (4, 4), "four age buckets");
    assert_eq!(rows("audit-first-page"), (100, 100), "a full page");
    assert!(rows("audit-next-page").0 > 0, "the trail goes on");
    assert!(rows("health").0 > 5, "the health checks");
    assert_eq!(
        (report.auditor.as_str(), report.admin.as_str()),
        ("napat", "sudarat")
    );

    let fill = report.fill.expect("the trail was filled");
    assert_eq!(fill.added, 2_000);
    assert_eq!(report.audit_rows, before + 2_000);
    let synthetic = "FROM audit_logs WHERE business_context = 'BENCH_AUDIT'";
    assert_eq!(
        count(pool, &format!("SELECT count(*) {synthetic}")).await,
        2_000
    );
    assert!(
        count(
            pool,
            &format!("SELECT count(DISTINCT date_trunc('month', logged_at)) {synthetic}")
        )
        .await
            >= 12,
        "spread over the year"
    );
    assert_eq!(
        count(
            pool,
            "SELECT count(*) FROM audit_logs_default WHERE business_context = 'BENCH_AUDIT'"
        )
        .await,
        0,
        "each in its month's partition"
    );
    assert!(
        count(
            pool,
            &format!("SELECT count(DISTINCT operation) + count(DISTINCT user_id) {synthetic}")
        )
        .await
            >= 5 + 5,
        "operations and staff are mixed"
    );

    let again = oversight::run(pool, options, |_| {})
        .await
        .expect("a second run");
    assert_eq!(again.fill.map(|f| f.added), Some(0), "nothing more to add");
}
