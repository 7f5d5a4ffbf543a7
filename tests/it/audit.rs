//! The audit trail: every change by whom, what changed, in which business context; nobody
//! rewrites it; a row always finds a partition.

use prakan::domain::staff::GroupRole;
use uuid::Uuid;

use crate::fixtures;
use crate::harness::{TestDb, violation};

#[derive(Debug, sqlx::FromRow)]
struct AuditRow {
    operation: String,
    db_user: String,
    user_role: Option<String>,
    user_id: Option<Uuid>,
    changed_fields: Option<Vec<String>>,
    business_context: Option<String>,
    old_values: Option<serde_json::Value>,
    new_values: Option<serde_json::Value>,
}

async fn history(db: &TestDb, table: &str, id: Uuid) -> Vec<AuditRow> {
    sqlx::query_as(
        "SELECT operation, db_user, user_role, user_id, changed_fields, business_context, old_values, new_values
           FROM audit_logs WHERE table_name = $1 AND record_id = $2 ORDER BY id",
    )
    .bind(table)
    .bind(id)
    .fetch_all(&db.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn insert_update_and_delete_are_audited_with_who_what_and_why() {
    let db = TestDb::new().await;
    let (underwriter, pool) = db.staff_pool(GroupRole::Underwriter).await;
    let staff_id = db.staff_id(&underwriter).await;

    let customer = fixtures::customer(&pool, 1)
        .await
        .expect("an underwriter adds a customer");
    let mut tx = pool.begin().await.unwrap();
    sqlx::query("SELECT set_config('prakan.context', 'CUSTOMER_EDIT', true)")
        .execute(&mut *tx)
        .await
        .unwrap();
    let updated =
        sqlx::query("UPDATE customers SET first_name = 'สมศรี' WHERE id = $1 AND version = 0")
            .bind(customer)
            .execute(&mut *tx)
            .await
            .unwrap();
    assert_eq!(updated.rows_affected(), 1);
    tx.commit().await.unwrap();

    let denied = sqlx::query("DELETE FROM customers WHERE id = $1")
        .bind(customer)
        .execute(&pool)
        .await
        .unwrap_err();
    assert_eq!(
        violation(&denied).0,
        "42501",
        "staff may not delete customers"
    );
    sqlx::query("DELETE FROM customers WHERE id = $1")
        .bind(customer)
        .execute(&db.pool)
        .await
        .unwrap();

    let rows = history(&db, "customers", customer).await;
    assert_eq!(
        rows.iter()
            .map(|r| r.operation.as_str())
            .collect::<Vec<_>>(),
        ["INSERT", "UPDATE", "DELETE"]
    );

    let insert = &rows[0];
    assert_eq!(insert.db_user, underwriter);
    assert_eq!(insert.user_role.as_deref(), Some("prakan_underwriter"));
    assert_eq!(insert.user_id, Some(staff_id));
    let inserted_fields = insert.changed_fields.clone().unwrap();
    assert!(
        inserted_fields.contains(&"national_id".to_string())
            && inserted_fields.contains(&"first_name".to_string())
    );

    let update = &rows[1];
    assert_eq!(update.db_user, underwriter);
    assert_eq!(
        update.changed_fields.as_deref(),
        Some(&["first_name".to_string()][..])
    );
    assert_eq!(update.business_context.as_deref(), Some("CUSTOMER_EDIT"));
    assert_eq!(update.old_values.as_ref().unwrap()["first_name"], "สมหญิง");
    assert_eq!(update.new_values.as_ref().unwrap()["first_name"], "สมศรี");
    assert_eq!(update.new_values.as_ref().unwrap()["version"], 1);
    assert_eq!(
        update.new_values.as_ref().unwrap()["updated_by"],
        staff_id.to_string()
    );

    let delete = &rows[2];
    assert_eq!(delete.db_user, "postgres");
    assert_eq!(delete.user_id, None);
    assert!(delete.new_values.is_none());
    assert_eq!(delete.old_values.as_ref().unwrap()["first_name"], "สมศรี");
}

#[tokio::test]
async fn versions_count_updates_and_a_stale_version_changes_nothing() {
    let db = TestDb::new().await;
    let customer = fixtures::customer(&db.pool, 1).await.unwrap();
    let update = |version: i32, name: &'static str| {
        sqlx::query("UPDATE customers SET first_name = $3 WHERE id = $1 AND version = $2")
            .bind(customer)
            .bind(version)
            .bind(name)
            .execute(&db.pool)
    };
    assert_eq!(update(0, "หนึ่ง").await.unwrap().rows_affected(), 1);
    assert_eq!(
        update(0, "สอง").await.unwrap().rows_affected(),
        0,
        "someone else saved first"
    );
    assert_eq!(update(1, "สอง").await.unwrap().rows_affected(), 1);
    let (version, name, touched): (i32, String, bool) = sqlx::query_as(
        "SELECT version, first_name, updated_at > created_at FROM customers WHERE id = $1",
    )
    .bind(customer)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!((version, name.as_str(), touched), (2, "สอง", true));

    sqlx::query("UPDATE customers SET version = 99 WHERE id = $1")
        .bind(customer)
        .execute(&db.pool)
        .await
        .unwrap();
    let version: i32 = sqlx::query_scalar("SELECT version FROM customers WHERE id = $1")
        .bind(customer)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(version, 3, "the version cannot be set by hand");
}

#[tokio::test]
async fn an_update_that_changes_nothing_leaves_no_audit_row() {
    let db = TestDb::new().await;
    let customer = fixtures::customer(&db.pool, 1).await.unwrap();
    sqlx::query("UPDATE customers SET first_name = first_name WHERE id = $1")
        .bind(customer)
        .execute(&db.pool)
        .await
        .unwrap();
    assert_eq!(history(&db, "customers", customer).await.len(), 1);
}

#[tokio::test]
async fn nobody_rewrites_the_audit_trail() {
    let db = TestDb::new().await;
    fixtures::customer(&db.pool, 1).await.unwrap();
    for group in [GroupRole::Auditor, GroupRole::Admin, GroupRole::Underwriter] {
        let (_, pool) = db.staff_pool(group).await;
        for statement in [
            "UPDATE audit_logs SET db_user = 'nobody'",
            "DELETE FROM audit_logs",
            "INSERT INTO audit_logs (table_name, record_id, operation) VALUES ('customers', gen_random_uuid(), 'INSERT')",
            "TRUNCATE audit_logs",
            "UPDATE audit_logs_default SET db_user = 'nobody'",
        ] {
            let error = sqlx::query(statement).execute(&pool).await.unwrap_err();
            assert_eq!(violation(&error).0, "42501", "{group} ran: {statement}");
        }
    }
    let readable: i64 = {
        let (_, auditor) = db.staff_pool(GroupRole::Auditor).await;
        sqlx::query_scalar("SELECT count(*) FROM audit_logs")
            .fetch_one(&auditor)
            .await
            .unwrap()
    };
    assert!(readable >= 1, "the auditor reads the trail");
}

#[tokio::test]
async fn a_row_for_a_month_without_partition_lands_in_default_and_moves_when_the_month_is_made() {
    let db = TestDb::new().await;
    let record = Uuid::new_v4();
    sqlx::query(
        "INSERT INTO audit_logs (table_name, record_id, operation, logged_at)
         VALUES ('customers', $1, 'INSERT', now() + interval '2 years')",
    )
    .bind(record)
    .execute(&db.pool)
    .await
    .expect("an insert never fails for want of a partition");
    let pool = db.pool.clone();
    let partition = move || {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, String>(
                "SELECT tableoid::regclass::text FROM audit_logs WHERE record_id = $1",
            )
            .bind(record)
            .fetch_one(&pool)
            .await
        }
    };
    assert_eq!(partition().await.unwrap(), "audit_logs_default");

    let created: Option<String> = sqlx::query_scalar(
        "SELECT ensure_monthly_partition('audit_logs', ((now() + interval '2 years') AT TIME ZONE 'Asia/Bangkok')::date)",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let created = created.expect("a new partition");
    assert_eq!(partition().await.unwrap(), created);
    let copies: i64 = sqlx::query_scalar("SELECT count(*) FROM audit_logs WHERE record_id = $1")
        .bind(record)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(copies, 1);
}

/// Every column a person may see changed in the history pane or the audit trail has a name
/// in both languages (the `history-field` selector of fields.ftl), not its column name.
#[tokio::test]
async fn every_column_of_an_audited_table_has_a_name_in_both_languages() {
    let db = TestDb::new().await;
    let columns: Vec<(String, String)> = sqlx::query_as(
        "SELECT DISTINCT c.relname::text, a.attname::text
           FROM pg_trigger t
           JOIN pg_class c ON c.oid = t.tgrelid
           JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
          WHERE t.tgname = 'audit_row_change'
          ORDER BY 1, 2",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    assert!(columns.len() > 300, "only {} columns", columns.len());
    for (lang, files) in prakan::i18n::CATALOGUES {
        let (_, fields) = files
            .iter()
            .find(|(name, _)| *name == "fields")
            .expect("a fields catalogue");
        let unnamed: Vec<String> = columns
            .iter()
            .filter(|(_, column)| {
                !prakan::tui::widgets::history::HOUSEKEEPING.contains(&column.as_str())
            })
            .filter(|(_, column)| !fields.contains(&format!("    [{column}] ")))
            .map(|(table, column)| format!("{table}.{column}"))
            .collect();
        assert!(unnamed.is_empty(), "{lang:?} has no name for {unnamed:?}");
    }
}
