//! `prakan db backup` and `prakan db restore` against the test server: a restore into a
//! fresh database reproduces every table exactly, and a database that holds data is
//! never overwritten without --force.

use prakan::db::backup::{self, BackupError, Occupancy};

use crate::harness::{TestDb, backup_server, unique};

/// Row count and a digest of every row, per table of the public schema.
async fn table_digests(pool: &sqlx::PgPool) -> Vec<(String, i64, Option<String>)> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT relname::text FROM pg_class
          WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'
          ORDER BY relname",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut digests = Vec::new();
    for table in tables {
        let (rows, digest): (i64, Option<String>) = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT count(*), md5(string_agg(t::text, '|' ORDER BY t::text)) FROM \"{table}\" t"
        )))
        .fetch_one(pool)
        .await
        .unwrap();
        digests.push((table, rows, digest));
    }
    digests
}

fn no_progress(_: backup::Step) {}

#[tokio::test]
async fn backup_then_restore_into_a_fresh_database_reproduces_every_row() {
    let db = TestDb::with_demo().await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("demo.dump");
    let server = backup_server(&db.name);

    let made = backup::backup(&server, &db.name, &file, &no_progress)
        .await
        .unwrap();
    assert!(made.bytes > 10_000 && made.entries > 100, "{made:?}");
    let again = backup::backup(&server, &db.name, &file, &no_progress).await;
    assert!(
        matches!(again, Err(BackupError::FileExists { .. })),
        "a backup never overwrites a file: {again:?}"
    );

    let copy = unique("t_");
    assert_eq!(
        backup::occupancy(&server, &copy).await.unwrap(),
        Occupancy::Missing
    );
    let restored = backup::restore(&server, &file, &copy, false, &no_progress)
        .await
        .unwrap();
    let copy = TestDb::adopt(copy).await;
    assert!(!restored.replaced);
    assert_eq!(
        restored.migration,
        prakan::db::migrate::applied_version(&db.pool)
            .await
            .unwrap()
    );

    let original = table_digests(&db.pool).await;
    assert!(original.len() > 20);
    assert!(
        original
            .iter()
            .any(|(table, rows, _)| table.starts_with("audit_logs_") && *rows > 0),
        "the demo has an audit trail to compare"
    );
    assert_eq!(table_digests(&copy.pool).await, original);

    // The group roles may connect to the copy, as to the original.
    let finance_may_connect: bool = sqlx::query_scalar(
        "SELECT has_database_privilege('prakan_finance', current_database(), 'CONNECT')",
    )
    .fetch_one(&copy.pool)
    .await
    .unwrap();
    assert!(finance_may_connect);
}

#[tokio::test]
async fn a_database_that_holds_data_is_replaced_only_with_force_and_nobody_connected() {
    let db = TestDb::new().await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("schema.dump");
    let server = backup_server(&db.name);
    backup::backup(&server, &db.name, &file, &no_progress)
        .await
        .unwrap();

    let target = TestDb::with_demo().await;
    let before = table_digests(&target.pool).await;
    let refused = backup::restore(&server, &file, &target.name, false, &no_progress).await;
    match refused {
        Err(BackupError::NotEmpty {
            tables, migration, ..
        }) => {
            assert!(tables > 20);
            assert!(migration.is_some());
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    let in_use = backup::restore(&server, &file, &target.name, true, &no_progress).await;
    assert!(
        matches!(in_use, Err(BackupError::InUse { sessions, .. }) if sessions > 0),
        "{in_use:?}"
    );
    assert_eq!(table_digests(&target.pool).await, before, "left untouched");

    target.pool.close().await;
    let replaced = backup::restore(&server, &file, &target.name, true, &no_progress)
        .await
        .unwrap();
    assert!(replaced.replaced);
    let reopened = TestDb::adopt(target.name.clone()).await;
    let customers: i64 = sqlx::query_scalar("SELECT count(*) FROM customers")
        .fetch_one(&reopened.pool)
        .await
        .unwrap();
    assert_eq!(customers, 0, "now a copy of the schema-only database");
    drop(target);
}

#[tokio::test]
async fn only_a_prakan_backup_is_restored() {
    let db = TestDb::empty().await;
    let dir = tempfile::tempdir().unwrap();
    let server = backup_server(&db.name);

    let garbage = dir.path().join("notes.dump");
    std::fs::write(&garbage, "not a dump").unwrap();
    let refused = backup::restore(&server, &garbage, &db.name, false, &no_progress).await;
    assert!(
        matches!(refused, Err(BackupError::NotADump { .. })),
        "{refused:?}"
    );

    sqlx::query("CREATE TABLE IF NOT EXISTS public.somebody_elses (id int)")
        .execute(&db.pool)
        .await
        .unwrap();
    let foreign = dir.path().join("foreign.dump");
    let refused = backup::backup(&server, &db.name, &foreign, &no_progress).await;
    assert!(
        matches!(refused, Err(BackupError::NotPrakan { .. })),
        "{refused:?}"
    );
    assert!(
        !foreign.exists(),
        "no file is left that looks like a backup"
    );
}
