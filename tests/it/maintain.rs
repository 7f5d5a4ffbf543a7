//! `prakan db maintain` keeps the audit partitions ahead and is idempotent.

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
        "SELECT status, figure FROM check_database_health() WHERE check_name = 'audit_partitions_ahead'",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        (status.as_str(), months),
        ("OK", rust_decimal::Decimal::from(3))
    );
}
