//! Migrations apply to an empty database, and applying them again changes nothing.

use crate::harness::TestDb;

/// A digest of everything the migrations and the reference data put into a database.
async fn schema_digest(db: &TestDb) -> String {
    sqlx::query_scalar(
        "SELECT md5(string_agg(item, '|' ORDER BY item)) FROM (
             SELECT 'relation ' || c.relname || ' ' || c.relkind::text || ' ' || COALESCE(c.relacl::text, '')
               FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace
             UNION ALL
             SELECT 'column ' || attrelid::regclass || '.' || attname || ' ' || COALESCE(attacl::text, '')
               FROM pg_attribute WHERE attrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace)
                AND attnum > 0 AND NOT attisdropped
             UNION ALL
             SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid)
               FROM pg_constraint WHERE connamespace = 'public'::regnamespace
             UNION ALL
             SELECT 'function ' || proname || ' ' || md5(prosrc) || ' ' || COALESCE(proacl::text, '')
               FROM pg_proc WHERE pronamespace = 'public'::regnamespace
             UNION ALL
             SELECT 'policy ' || polname || ' ' || polrelid::regclass FROM pg_policy
             UNION ALL
             SELECT 'trigger ' || tgname || ' ' || tgrelid::regclass FROM pg_trigger WHERE NOT tgisinternal
             UNION ALL
             SELECT 'rows ' || (SELECT count(*) FROM provinces) || ' ' || (SELECT count(*) FROM amphoes)
                    || ' ' || (SELECT count(*) FROM tambons) || ' ' || (SELECT count(*) FROM system_configurations)
                    || ' ' || (SELECT count(*) FROM _sqlx_migrations)
         ) AS catalogue(item)",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn migrations_apply_to_an_empty_database_and_again_change_nothing() {
    let db = TestDb::empty().await;
    assert_eq!(
        prakan::db::migrate::applied_version(&db.pool)
            .await
            .unwrap(),
        None
    );

    prakan::db::migrate::run(&db.pool)
        .await
        .expect("migrations apply to an empty database");
    let latest = prakan::db::migrate::MIGRATOR
        .iter()
        .map(|m| m.version)
        .max();
    assert_eq!(
        prakan::db::migrate::applied_version(&db.pool)
            .await
            .unwrap(),
        latest
    );
    let first = schema_digest(&db).await;

    prakan::db::migrate::run(&db.pool)
        .await
        .expect("applying them again is harmless");
    assert_eq!(
        schema_digest(&db).await,
        first,
        "the second run changed the database"
    );
}

/// A staff member's session on a migrated database runs without JIT compilation or
/// parallel workers (on a big book both cost a screen's short read more than the read).
#[tokio::test]
async fn sessions_run_without_jit_or_parallel_workers() {
    let db = TestDb::new().await;
    let (_, pool) = db
        .staff_pool(prakan::domain::staff::GroupRole::Finance)
        .await;
    let jit: String = sqlx::query_scalar("SHOW jit")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(jit, "off");
    let workers: String = sqlx::query_scalar("SHOW max_parallel_workers_per_gather")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(workers, "0");
}

#[tokio::test]
async fn the_seed_defaults_are_in_place() {
    let db = TestDb::new().await;
    let keys: Vec<String> =
        sqlx::query_scalar("SELECT config_key::text FROM system_configurations ORDER BY 1")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    assert_eq!(
        keys,
        [
            "CHART_SNAPSHOT_MINUTES",
            "CLAIM_INVESTIGATION_SCORE",
            "CLAIM_SENIOR_AUTHORITY",
            "CLAIM_SLA_ASSESSMENT_DAYS",
            "CLAIM_SLA_CONTACT_DAYS",
            "COMPANY_ADDRESS_TH",
            "COMPANY_BRANCH",
            "COMPANY_NAME_TH",
            "COMPANY_TAX_ID",
            "DEFAULT_NO_CLAIM_DISCOUNT",
            "MAX_CLAIM_AMOUNT",
            "MAX_LOGIN_ATTEMPTS",
            "PAYMENT_TIMEOUT_MINUTES",
            "POLICY_GRACE_PERIOD_DAYS",
            "RECONCILE_NAME_SIMILARITY",
            "RENEWAL_QUEUE_DAYS",
            "SESSION_TIMEOUT_HOURS",
            "SMS_OTP_EXPIRY_MINUTES",
            "UW_CLAIMS_IN_YEAR_REFERRAL",
            "UW_CLASS_1_MAX_VEHICLE_AGE",
        ]
    );
    let extensions: Vec<String> =
        sqlx::query_scalar("SELECT extname::text FROM pg_extension ORDER BY 1")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    for wanted in ["btree_gist", "pg_trgm", "pgcrypto"] {
        assert!(
            extensions.iter().any(|e| e == wanted),
            "{wanted} is installed"
        );
    }
}
