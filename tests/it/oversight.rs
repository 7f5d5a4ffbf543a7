//! Oversight: the audit trail viewer's filters and paging, the health check, and the
//! charts' aggregates with who may see them.

use std::collections::HashSet;

use chrono::{Duration, Utc};
use prakan::db::audit_trail::{self, AuditFilter, Cursor};
use prakan::db::{charts, health};
use prakan::domain::staff::GroupRole;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use sqlx::PgPool;
use uuid::Uuid;

use crate::fixtures;
use crate::harness::TestDb;

/// Every entry the filter selects, page by page (small pages, to cross many).
async fn all_pages(pool: &PgPool, filter: &AuditFilter, size: i64) -> Vec<(Cursor, String)> {
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page = audit_trail::page(pool, filter, after, size)
            .await
            .expect("a page of the trail");
        assert!(page.entries.len() as i64 <= size);
        seen.extend(page.entries.iter().map(|e| {
            (
                e.cursor(),
                format!("{} {} {}", e.table_name, e.operation, e.username),
            )
        }));
        match page.next {
            Some(next) => after = Some(next),
            None => return seen,
        }
    }
}

async fn rename_customer(pool: &PgPool, id: Uuid, name: &str) {
    sqlx::query("UPDATE customers SET first_name = $2 WHERE id = $1")
        .bind(id)
        .bind(name)
        .execute(pool)
        .await
        .expect("an underwriter renames the customer");
}

#[tokio::test]
async fn audit_filters_return_exactly_the_expected_rows() {
    let db = TestDb::new().await;
    let (first, first_pool) = db.staff_pool(GroupRole::Underwriter).await;
    let (second, second_pool) = db.staff_pool(GroupRole::Underwriter).await;
    let (_, auditor) = db.staff_pool(GroupRole::Auditor).await;
    let first_id = db.staff_id(&first).await;
    let second_id = db.staff_id(&second).await;

    // First: a customer (INSERT) renamed twice (UPDATE ×2). Second: another customer and
    // a vehicle of it (INSERT ×2), then renames the first customer (UPDATE).
    let customer = fixtures::customer(&first_pool, 1).await.unwrap();
    rename_customer(&first_pool, customer, "สมศรี").await;
    rename_customer(&first_pool, customer, "สมใจ").await;
    let other = fixtures::customer(&second_pool, 2).await.unwrap();
    let vehicle = fixtures::vehicle(&second_pool, other, "กข 1234", "10")
        .await
        .unwrap();
    rename_customer(&second_pool, customer, "สมปอง").await;

    let count = |filter: AuditFilter| {
        let auditor = auditor.clone();
        async move {
            all_pages(&auditor, &filter, 100)
                .await
                .into_iter()
                .map(|(_, what)| what)
                .collect::<Vec<_>>()
        }
    };

    // By table: the vehicle's one insert; the customers' five changes, newest first.
    let vehicles = count(AuditFilter {
        table: Some("customer_vehicles".into()),
        ..AuditFilter::default()
    })
    .await;
    assert_eq!(vehicles, [format!("customer_vehicles INSERT {second}")]);
    let customers = count(AuditFilter {
        table: Some("customers".into()),
        ..AuditFilter::default()
    })
    .await;
    assert_eq!(
        customers,
        [
            format!("customers UPDATE {second}"),
            format!("customers INSERT {second}"),
            format!("customers UPDATE {first}"),
            format!("customers UPDATE {first}"),
            format!("customers INSERT {first}"),
        ]
    );

    // By record: the first customer's four entries; the vehicle's one.
    let record = count(AuditFilter {
        record: Some(customer),
        ..AuditFilter::default()
    })
    .await;
    assert_eq!(record.len(), 4, "{record:?}");
    assert_eq!(
        count(AuditFilter {
            record: Some(vehicle),
            ..AuditFilter::default()
        })
        .await
        .len(),
        1
    );

    // By staff member: three each (their own inserts and updates).
    let by_first = count(AuditFilter {
        staff: Some(first_id),
        ..AuditFilter::default()
    })
    .await;
    assert_eq!(
        by_first,
        [
            format!("customers UPDATE {first}"),
            format!("customers UPDATE {first}"),
            format!("customers INSERT {first}"),
        ]
    );
    let by_second = count(AuditFilter {
        staff: Some(second_id),
        ..AuditFilter::default()
    })
    .await;
    assert_eq!(by_second.len(), 3, "{by_second:?}");

    // By operation, combined with staff and table.
    let updates_by_second = count(AuditFilter {
        staff: Some(second_id),
        operation: Some("UPDATE".into()),
        table: Some("customers".into()),
        ..AuditFilter::default()
    })
    .await;
    assert_eq!(updates_by_second, [format!("customers UPDATE {second}")]);
    let inserts = count(AuditFilter {
        operation: Some("INSERT".into()),
        record: Some(customer),
        ..AuditFilter::default()
    })
    .await;
    assert_eq!(inserts, [format!("customers INSERT {first}")]);

    // By time range (Bangkok days, both ends included): one entry moved to last year
    // falls out of today and into its own day.
    sqlx::query(
        "UPDATE audit_logs SET logged_at = timestamptz '2025-06-15 23:30+07'
          WHERE table_name = 'customer_vehicles' AND record_id = $1",
    )
    .bind(vehicle)
    .execute(&db.pool)
    .await
    .unwrap();
    let today = prakan::i18n::format::bangkok_date(Utc::now());
    let on_the_day = count(AuditFilter {
        from: Some(fixtures::date("2025-06-15")),
        to: Some(fixtures::date("2025-06-15")),
        ..AuditFilter::default()
    })
    .await;
    assert_eq!(on_the_day, [format!("customer_vehicles INSERT {second}")]);
    let day_before = count(AuditFilter {
        to: Some(fixtures::date("2025-06-14")),
        ..AuditFilter::default()
    })
    .await;
    assert!(day_before.is_empty(), "{day_before:?}");
    let since_today = count(AuditFilter {
        from: Some(today - Duration::days(1)),
        table: Some("customer_vehicles".into()),
        ..AuditFilter::default()
    })
    .await;
    assert!(since_today.is_empty(), "{since_today:?}");

    // The entry whole: old and new values, the changed field marked.
    let page = audit_trail::page(
        &auditor,
        &AuditFilter {
            staff: Some(second_id),
            operation: Some("UPDATE".into()),
            ..AuditFilter::default()
        },
        None,
        10,
    )
    .await
    .unwrap();
    let detail = audit_trail::detail(&auditor, page.entries[0].cursor())
        .await
        .unwrap()
        .expect("the entry");
    let changed: Vec<_> = audit_trail::diff(&detail)
        .into_iter()
        .filter(|field| field.changed)
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert_eq!(changed[0].field, "first_name");
    assert_eq!(changed[0].old.as_deref(), Some("สมใจ"));
    assert_eq!(changed[0].new.as_deref(), Some("สมปอง"));
}

#[tokio::test]
async fn keyset_paging_returns_every_row_once() {
    let db = TestDb::new().await;
    let customer = fixtures::customer(&db.pool, 1).await.unwrap();
    // 57 updates, several sharing one timestamp (ties are broken by id).
    for n in 0..57 {
        rename_customer(&db.pool, customer, &format!("ชื่อ{n}")).await;
    }
    sqlx::query(
        "UPDATE audit_logs SET logged_at = timestamptz '2026-01-01 12:00+07'
          WHERE record_id = $1 AND id % 3 = 0",
    )
    .bind(customer)
    .execute(&db.pool)
    .await
    .unwrap();
    let filter = AuditFilter {
        record: Some(customer),
        ..AuditFilter::default()
    };
    let (_, auditor) = db.staff_pool(GroupRole::Auditor).await;
    let paged = all_pages(&auditor, &filter, 7).await;
    assert_eq!(paged.len(), 58, "57 updates and the insert");
    let distinct: HashSet<_> = paged.iter().map(|(c, _)| c.id).collect();
    assert_eq!(distinct.len(), 58, "no entry twice");
    let order: Vec<_> = paged.iter().map(|(c, _)| (c.logged_at, c.id)).collect();
    let mut sorted = order.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(order, sorted, "newest first throughout");
}

#[tokio::test]
async fn the_health_check_runs_for_administrators_only() {
    let db = TestDb::new().await;
    let (_, admin) = db.staff_pool(GroupRole::Admin).await;
    let checks = health::checks(&admin).await.expect("an admin runs it");
    let names: Vec<_> = checks.iter().map(|c| c.check_name.as_str()).collect();
    for wanted in [
        "database_size",
        "connections",
        "replication_lag",
        "largest_tables",
        "long_running_queries",
        "statement_statistics",
    ] {
        assert!(names.contains(&wanted), "{wanted} in {names:?}");
    }
    let partitioned: Vec<_> = checks
        .iter()
        .filter(|c| c.check_name == "partitions_ahead")
        .filter_map(|c| c.details.clone())
        .collect();
    assert!(
        partitioned.contains(&"audit_logs".to_string()),
        "{partitioned:?}"
    );
    let everything = health::health(&admin)
        .await
        .expect("long queries and slow statements too, with or without pg_stat_statements");
    assert!(everything.long_queries.iter().all(|q| q.seconds >= 30));

    // The extension created on a server that does not preload it: no error, and the
    // check says so (when the server has the extension at all).
    let available: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_stat_statements')",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let preloaded: bool = sqlx::query_scalar(
        "SELECT current_setting('shared_preload_libraries') ~ 'pg_stat_statements'",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    if available && !preloaded {
        sqlx::query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
            .execute(&db.pool)
            .await
            .unwrap();
        let everything = health::health(&admin)
            .await
            .expect("no error while the extension is not preloaded");
        let state = everything
            .checks
            .iter()
            .find(|c| c.check_name == "statement_statistics")
            .and_then(|c| c.details.clone());
        assert_eq!(state.as_deref(), Some("not_preloaded"));
        assert!(everything.slow_statements.is_empty());
    }

    for group in [GroupRole::Auditor, GroupRole::Finance, GroupRole::Adjuster] {
        let (_, pool) = db.staff_pool(group).await;
        assert!(health::checks(&pool).await.is_err(), "{group:?} refused");
        assert!(
            health::long_queries(&pool).await.is_err(),
            "{group:?} refused"
        );
    }
}

/// A claim on `policy`, reported `days_ago` Bangkok days ago, in `status`.
async fn claim(
    pool: &PgPool,
    policy: Uuid,
    status: &str,
    days_ago: i32,
    approved: Option<Decimal>,
) {
    sqlx::query(
        "INSERT INTO claims (claim_number, policy_id, incident_date, reported_date, claim_type,
                             status, incident_description, estimated_amount, approved_amount)
         VALUES ('T-' || gen_random_uuid(), $1, now() - make_interval(days => $3) - interval '1 hour',
                 now() - make_interval(days => $3), 'ACCIDENT', $2, 'ชนท้าย', 1000, $4)",
    )
    .bind(policy)
    .bind(status)
    .bind(days_ago)
    .bind(approved)
    .execute(pool)
    .await
    .expect("a claim");
}

#[tokio::test]
async fn the_claims_charts_count_by_status_and_age() {
    let db = TestDb::new().await;
    let (_, _, policy) = fixtures::insured_pickup(&db.pool, 1).await;
    // Open: 2 days, 10 days, 40 days (×2), 200 days; closed long ago: not ageing.
    for (status, days) in [
        ("REPORTED", 2),
        ("ASSIGNED", 10),
        ("INVESTIGATING", 40),
        ("REPORTED", 40),
        ("ASSESSED", 200),
        ("CLOSED", 300),
    ] {
        claim(&db.pool, policy, status, days, None).await;
    }
    let (_, adjuster) = db.staff_pool(GroupRole::Adjuster).await;
    let by_status = charts::claims_by_status(&adjuster).await.unwrap();
    let counted: Vec<_> = by_status
        .iter()
        .map(|s| (s.status.as_str(), s.claims))
        .collect();
    assert_eq!(
        counted,
        [
            ("REPORTED", 2),
            ("ASSIGNED", 1),
            ("INVESTIGATING", 1),
            ("ASSESSED", 1),
            ("CLOSED", 1)
        ]
    );
    let ageing = charts::claims_ageing(&adjuster).await.unwrap();
    let aged: Vec<_> = ageing
        .iter()
        .map(|a| (a.bucket.as_str(), a.claims))
        .collect();
    assert_eq!(aged, [("0-7", 1), ("8-30", 1), ("31-90", 2), ("90+", 1)]);

    for group in [GroupRole::Finance, GroupRole::Agent, GroupRole::Underwriter] {
        let (_, pool) = db.staff_pool(group).await;
        assert!(charts::claims_by_status(&pool).await.is_err(), "{group:?}");
        assert!(charts::claims_ageing(&pool).await.is_err(), "{group:?}");
    }
    let (_, auditor) = db.staff_pool(GroupRole::Auditor).await;
    assert_eq!(charts::claims_ageing(&auditor).await.unwrap(), ageing);
}

#[tokio::test]
async fn premium_written_and_loss_ratio_per_month() {
    let db = TestDb::new().await;
    let (_, _, policy) = fixtures::insured_pickup(&db.pool, 1).await;
    let (_, _, second) = fixtures::insured_pickup(&db.pool, 2).await;
    // Issued this month and two months ago; a claim this month approved at 8,025.
    sqlx::query("UPDATE policies SET issued_at = now() WHERE id = $1")
        .bind(policy)
        .execute(&db.pool)
        .await
        .unwrap();
    sqlx::query(
        "UPDATE policies SET issued_at = date_trunc('month', now() AT TIME ZONE 'Asia/Bangkok')
                                         AT TIME ZONE 'Asia/Bangkok' - interval '45 days'
          WHERE id = $1",
    )
    .bind(second)
    .execute(&db.pool)
    .await
    .unwrap();
    let premium: Decimal = sqlx::query_scalar("SELECT total_premium FROM policies WHERE id = $1")
        .bind(policy)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    claim(&db.pool, policy, "APPROVED", 0, Some(dec!(8025))).await;
    claim(&db.pool, policy, "REJECTED", 0, None).await;

    let (_, underwriter) = db.staff_pool(GroupRole::Underwriter).await;
    let written = charts::premium_written(&underwriter).await.unwrap();
    assert_eq!(written.len(), 12);
    let this_month = written.last().unwrap();
    assert_eq!((this_month.premium, this_month.policies), (premium, 1));
    let two_ago = &written[9];
    assert_eq!((two_ago.premium, two_ago.policies), (premium, 1));
    assert_eq!(
        written.iter().map(|m| m.policies).sum::<i64>(),
        2,
        "every other month is zero"
    );

    let losses = charts::loss_ratio(&underwriter).await.unwrap();
    let now = losses.last().unwrap();
    assert_eq!(
        now.incurred,
        dec!(8025),
        "the rejected claim counts nothing"
    );
    assert_eq!(now.ratio, Some((dec!(8025) / premium).round_dp(4)));
    assert_eq!(losses[0].ratio, None, "no premium: no ratio");

    for group in [GroupRole::Adjuster, GroupRole::Finance] {
        let (_, pool) = db.staff_pool(group).await;
        assert!(charts::premium_written(&pool).await.is_err(), "{group:?}");
        assert!(charts::loss_ratio(&pool).await.is_err(), "{group:?}");
    }
    let sneaky = sqlx::query("SELECT * FROM chart_premium_written_rows('2026-01-01')")
        .execute(&underwriter)
        .await;
    assert!(sneaky.is_err(), "the helper is not callable on its own");
}

#[tokio::test]
async fn the_reconciliation_backlog_by_age() {
    let db = TestDb::new().await;
    let (customer, _, policy) = fixtures::insured_pickup(&db.pool, 1).await;
    // Owed: overdue 3 days (500) and 45 days (700), not yet due (900: not counted).
    for (days_overdue, amount) in [(3, dec!(500)), (45, dec!(700)), (-5, dec!(900))] {
        sqlx::query(
            "INSERT INTO payments (policy_id, customer_id, payment_type, amount, total_amount,
                                   payment_method, due_date)
             VALUES ($1, $2, 'PREMIUM', $3, $3, 'PROMPTPAY',
                     (now() AT TIME ZONE 'Asia/Bangkok')::date - $4)",
        )
        .bind(policy)
        .bind(customer)
        .bind(amount)
        .bind(days_overdue)
        .execute(&db.pool)
        .await
        .expect("an owed payment");
    }
    // Unmatched lines: booked 1 day and 100 days ago.
    let statement: Uuid = sqlx::query_scalar(
        "INSERT INTO bank_statements (bank_account_id, profile_code, file_name, file_sha256,
                                      line_count, new_line_count)
         SELECT id, 'KBANK', 'x.csv', repeat('a', 64), 2, 2 FROM bank_accounts
          WHERE code = 'KBANK-PREMIUM'
         RETURNING id",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    for (n, days, amount) in [(1, 1, dec!(250)), (2, 100, dec!(-40))] {
        sqlx::query(
            "INSERT INTO bank_statement_lines (statement_id, bank_account_id, line_number, line_key,
                                               booked_at, amount)
             SELECT $1, bank_account_id, $2, 'L-' || $2, now() - make_interval(days => $3), $4
               FROM bank_statements WHERE id = $1",
        )
        .bind(statement)
        .bind(n)
        .bind(days)
        .bind(amount)
        .execute(&db.pool)
        .await
        .expect("a statement line");
    }

    let (_, finance) = db.staff_pool(GroupRole::Finance).await;
    let backlog = charts::reconciliation_backlog(&finance).await.unwrap();
    let rows: Vec<_> = backlog
        .iter()
        .map(|b| (b.kind.as_str(), b.bucket.as_str(), b.items, b.amount))
        .collect();
    assert_eq!(
        rows,
        [
            ("unmatched_lines", "0-7", 1, dec!(250)),
            ("unmatched_lines", "8-30", 0, dec!(0)),
            ("unmatched_lines", "31-90", 0, dec!(0)),
            ("unmatched_lines", "90+", 1, dec!(-40)),
            ("overdue_payments", "0-7", 1, dec!(500)),
            ("overdue_payments", "8-30", 0, dec!(0)),
            ("overdue_payments", "31-90", 1, dec!(700)),
            ("overdue_payments", "90+", 0, dec!(0)),
        ]
    );
    for group in [
        GroupRole::Adjuster,
        GroupRole::Underwriter,
        GroupRole::Agent,
    ] {
        let (_, pool) = db.staff_pool(group).await;
        assert!(
            charts::reconciliation_backlog(&pool).await.is_err(),
            "{group:?}"
        );
    }
    let (_, admin) = db.staff_pool(GroupRole::Admin).await;
    assert_eq!(
        charts::reconciliation_backlog(&admin).await.unwrap(),
        backlog
    );
}
