//! The security matrix of docs/security.md, tried for real: a login role of each group role
//! attempts every operation on every table. Then the row- and column-level rules.

use std::collections::{BTreeMap, BTreeSet};

use prakan::domain::staff::GroupRole;
use sqlx::PgPool;

use crate::fixtures;
use crate::harness::{TestDb, violation};

/// docs/security.md's matrix: table → role → the operations (S, I, U, D) it allows.
fn documented_matrix() -> BTreeMap<String, BTreeMap<GroupRole, BTreeSet<char>>> {
    let doc = include_str!("../../docs/security.md");
    let section = doc.split("## The matrix").nth(1).expect("a matrix section");
    let mut lines = section.lines().filter(|l| l.starts_with('|'));
    let header: Vec<String> = lines
        .next()
        .expect("a header row")
        .split('|')
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect();
    let roles: Vec<GroupRole> = header[1..]
        .iter()
        .map(|r| GroupRole::parse(r).expect("a role column"))
        .collect();
    let mut matrix = BTreeMap::new();
    for line in lines.skip(1) {
        let cells: Vec<&str> = line
            .split('|')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        if cells.len() != roles.len() + 1 {
            break;
        }
        let rights = roles
            .iter()
            .zip(&cells[1..])
            .map(|(role, cell)| {
                (
                    *role,
                    cell.chars().filter(|c| "SIUD".contains(*c)).collect(),
                )
            })
            .collect();
        matrix.insert(cells[0].to_string(), rights);
    }
    matrix
}

/// The probe for an operation: a statement that touches no row but needs the privilege.
fn probe(table: &str, operation: char) -> String {
    let updatable_column = match table {
        "users" => "preferred_language",
        "system_configurations" => "config_value",
        "name_dictionary" => "token",
        "payments" => "payment_status",
        "policy_referrals" => "status",
        // No id column, or an identity column only DEFAULT may be written to.
        "claim_transitions" => "to_status",
        "claim_status_history" => "reason",
        // Finance may change a settlement's status only, never its figures.
        "claim_settlements" => "status",
        // Reconciliation (0022): finance changes a line's match state, undoes matches and
        // voids receipts, nothing else; the receipt counters have no id.
        "bank_statement_lines" => "status",
        "reconciliation_matches" => "undo_reason",
        "payment_receipts" => "voided_at",
        "receipt_counters" => "last_number",
        // Chart snapshots (0029): no id; nobody but the chart functions' owner.
        "chart_snapshots" => "computed_at",
        _ => "id",
    };
    match operation {
        'S' => format!("SELECT count(*) FROM {table}"),
        'I' => format!("INSERT INTO {table} DEFAULT VALUES"),
        'U' => format!("UPDATE {table} SET {updatable_column} = {updatable_column} WHERE false"),
        'D' => format!("DELETE FROM {table} WHERE false"),
        _ => unreachable!(),
    }
}

/// Whether the role had the privilege: any outcome but "permission denied" means it did
/// (an INSERT of default values then fails on a NOT NULL or a row-level check, in a
/// transaction that is rolled back anyway).
async fn allowed(pool: &PgPool, statement: &str) -> bool {
    let mut tx = pool.begin().await.expect("begin");
    let outcome = sqlx::query(sqlx::AssertSqlSafe(statement.to_string()))
        .execute(&mut *tx)
        .await;
    tx.rollback().await.expect("rollback");
    match outcome {
        Ok(_) => true,
        Err(error) => {
            let denied = matches!(&error, sqlx::Error::Database(db)
                if db.code().as_deref() == Some("42501") && db.message().starts_with("permission denied"));
            !denied
        }
    }
}

#[tokio::test]
async fn the_matrix_holds_for_every_role_and_table() {
    let db = TestDb::new().await;
    let matrix = documented_matrix();

    let tables: BTreeSet<String> = sqlx::query_scalar(
        "SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
            AND c.relname <> '_sqlx_migrations'",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap()
    .into_iter()
    .collect();
    assert_eq!(
        matrix.keys().cloned().collect::<BTreeSet<_>>(),
        tables,
        "docs/security.md lists every table"
    );

    let mut differences = Vec::new();
    for group in GroupRole::ALL {
        let (_, pool) = db.staff_pool(group).await;
        for (table, rights) in &matrix {
            for operation in ['S', 'I', 'U', 'D'] {
                let expected = rights[&group].contains(&operation);
                let actual = allowed(&pool, &probe(table, operation)).await;
                if expected != actual {
                    differences.push(format!(
                        "{group} {operation} {table}: documented {}, database {}",
                        if expected { "allowed" } else { "denied" },
                        if actual { "allows" } else { "denies" }
                    ));
                }
            }
        }
        pool.close().await;
    }
    assert!(
        differences.is_empty(),
        "the database and docs/security.md disagree:\n{}",
        differences.join("\n")
    );
}

#[tokio::test]
async fn an_agent_sees_and_changes_only_their_own_customers() {
    let db = TestDb::new().await;
    let (anong, anong_pool) = db.staff_pool(GroupRole::Agent).await;
    let (_, boonmee_pool) = db.staff_pool(GroupRole::Agent).await;
    let anong_id = db.staff_id(&anong).await;

    let own = fixtures::customer_with_agent(&anong_pool, 1, Some(anong_id))
        .await
        .expect("an agent adds her customer");
    let someone_elses = fixtures::customer(&db.pool, 2).await.unwrap();
    let stolen = fixtures::customer_with_agent(&anong_pool, 3, None)
        .await
        .unwrap_err();
    assert_eq!(
        violation(&stolen).0,
        "42501",
        "an agent cannot add a customer who is not hers"
    );

    async fn visible(pool: &PgPool) -> Result<Vec<uuid::Uuid>, sqlx::Error> {
        sqlx::query_scalar("SELECT id FROM customers")
            .fetch_all(pool)
            .await
    }
    assert_eq!(visible(&anong_pool).await.unwrap(), vec![own]);
    assert!(visible(&boonmee_pool).await.unwrap().is_empty());
    let (_, underwriter) = db.staff_pool(GroupRole::Underwriter).await;
    assert_eq!(visible(&underwriter).await.unwrap().len(), 2);

    let touched = sqlx::query("UPDATE customers SET first_name = 'x' WHERE id = $1")
        .bind(someone_elses)
        .execute(&anong_pool)
        .await
        .unwrap();
    assert_eq!(
        touched.rows_affected(),
        0,
        "another agent's customer is invisible to update"
    );

    let car = fixtures::vehicle(&db.pool, own, "กข 9", "10")
        .await
        .unwrap();
    let other_car = fixtures::vehicle(&db.pool, someone_elses, "กข 8", "10")
        .await
        .unwrap();
    fixtures::policy(&db.pool, own, car, "CMI", "2026-01-01", "2027-01-01")
        .await
        .unwrap();
    fixtures::policy(
        &db.pool,
        someone_elses,
        other_car,
        "CMI",
        "2026-01-01",
        "2027-01-01",
    )
    .await
    .unwrap();
    let policies: i64 = sqlx::query_scalar("SELECT count(*) FROM policies")
        .fetch_one(&anong_pool)
        .await
        .unwrap();
    let vehicles: i64 = sqlx::query_scalar("SELECT count(*) FROM customer_vehicles")
        .fetch_one(&anong_pool)
        .await
        .unwrap();
    assert_eq!((policies, vehicles), (1, 1));
}

#[tokio::test]
async fn an_agent_writes_only_draft_quotes() {
    let db = TestDb::new().await;
    let (agent, pool) = db.staff_pool(GroupRole::Agent).await;
    let agent_id = db.staff_id(&agent).await;
    let customer = fixtures::customer_with_agent(&db.pool, 1, Some(agent_id))
        .await
        .unwrap();
    let car = fixtures::vehicle(&db.pool, customer, "กข 7", "10")
        .await
        .unwrap();
    let insert = |status: &'static str| {
        sqlx::query(
            "INSERT INTO policies (policy_number, customer_id, vehicle_id, agent_id, policy_type, coverage_details,
                                   base_premium, stamp_duty, vat, total_premium, start_date, end_date, status)
             VALUES (gen_random_uuid()::text, $1, $2, $3, 'CMI', '{}', 600, 3, 42.21, 645.21,
                     '2026-12-01', '2027-12-01', $4)",
        )
        .bind(customer)
        .bind(car)
        .bind(agent_id)
        .bind(status)
        .execute(&pool)
    };
    insert("DRAFT").await.expect("a quote");
    let issued = insert("ACTIVE").await.unwrap_err();
    assert_eq!(violation(&issued).0, "42501", "an agent cannot issue");
    let promoted = sqlx::query("UPDATE policies SET status = 'ACTIVE' WHERE status = 'DRAFT'")
        .execute(&pool)
        .await
        .unwrap_err();
    assert_eq!(
        violation(&promoted).0,
        "42501",
        "nor turn a quote into a policy"
    );
}

#[tokio::test]
async fn adjusters_see_the_masked_national_id_only() {
    let db = TestDb::new().await;
    fixtures::customer(&db.pool, 1).await.unwrap();
    let (_, adjuster) = db.staff_pool(GroupRole::Adjuster).await;
    let error = sqlx::query("SELECT national_id FROM customers")
        .fetch_all(&adjuster)
        .await
        .unwrap_err();
    assert_eq!(violation(&error).0, "42501");
    let masked: String = sqlx::query_scalar("SELECT national_id_masked FROM customers")
        .fetch_one(&adjuster)
        .await
        .unwrap();
    let full = fixtures::national_id(1);
    assert_eq!(
        masked,
        format!("x-xxxx-xxxxx-{}-{}", &full[10..12], &full[12..])
    );

    // Every other column stays readable: a column added later without its grant fails here.
    let columns: Vec<String> = sqlx::query_scalar(
        "SELECT column_name::text FROM information_schema.columns
          WHERE table_name = 'customers' AND column_name <> 'national_id' ORDER BY ordinal_position",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    let everything_else = format!("SELECT {} FROM customers", columns.join(", "));
    for group in [GroupRole::Adjuster, GroupRole::Surveyor] {
        let (_, pool) = db.staff_pool(group).await;
        sqlx::query(sqlx::AssertSqlSafe(everything_else.clone()))
            .fetch_all(&pool)
            .await
            .expect("all but the ID");
    }
}

#[tokio::test]
async fn only_finance_and_admin_change_payment_state() {
    let db = TestDb::new().await;
    let (customer, _, policy) = fixtures::insured_pickup(&db.pool, 1).await;
    let insert = |pool: PgPool, status: &'static str| async move {
        sqlx::query(
            "INSERT INTO payments (policy_id, customer_id, payment_type, amount, total_amount, payment_method, payment_status)
             VALUES ($1, $2, 'PREMIUM', 645.21, 645.21, 'PROMPTPAY', $3) RETURNING id",
        )
        .bind(policy)
        .bind(customer)
        .bind(status)
        .fetch_one(&pool)
        .await
    };
    let (_, underwriter) = db.staff_pool(GroupRole::Underwriter).await;
    let (_, adjuster) = db.staff_pool(GroupRole::Adjuster).await;
    let (_, finance) = db.staff_pool(GroupRole::Finance).await;
    insert(underwriter.clone(), "PENDING")
        .await
        .expect("an underwriter schedules a payment");
    for pool in [underwriter.clone(), adjuster.clone()] {
        let error = insert(pool.clone(), "SUCCESS").await.unwrap_err();
        assert_eq!(violation(&error).0, "42501");
        let error = sqlx::query("UPDATE payments SET payment_status = 'SUCCESS'")
            .execute(&pool)
            .await
            .unwrap_err();
        assert_eq!(violation(&error).0, "42501");
    }
    let marked =
        sqlx::query("UPDATE payments SET payment_status = 'SUCCESS', payment_date = now()")
            .execute(&finance)
            .await
            .expect("finance marks it paid");
    assert_eq!(marked.rows_affected(), 1);
}

#[tokio::test]
async fn a_surveyor_sees_only_assigned_claims() {
    let db = TestDb::new().await;
    let (surveyor, pool) = db.staff_pool(GroupRole::Surveyor).await;
    let (_, _, policy) = fixtures::insured_pickup(&db.pool, 1).await;
    let (_, _, other_policy) = fixtures::insured_pickup(&db.pool, 2).await;
    for (number, policy_id, assigned) in [("CL-A", policy, true), ("CL-B", other_policy, false)] {
        sqlx::query(
            "INSERT INTO claims (claim_number, policy_id, surveyor_id, incident_date, claim_type, incident_description)
             VALUES ($1, $2, CASE WHEN $3 THEN (SELECT id FROM users WHERE username = $4) END,
                     '2026-02-01', 'ACCIDENT', 'ชน')",
        )
        .bind(number)
        .bind(policy_id)
        .bind(assigned)
        .bind(&surveyor)
        .execute(&db.pool)
        .await
        .unwrap();
    }
    let claims: Vec<String> = sqlx::query_scalar("SELECT claim_number FROM claims")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(claims, ["CL-A"]);
    let customers: i64 = sqlx::query_scalar("SELECT count(*) FROM customers")
        .fetch_one(&pool)
        .await
        .unwrap();
    let policies: i64 = sqlx::query_scalar("SELECT count(*) FROM policies")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(
        (customers, policies),
        (1, 1),
        "only what the assigned claim needs"
    );
}

#[tokio::test]
async fn each_person_changes_only_their_own_preferences() {
    let db = TestDb::new().await;
    let (me, pool) = db.staff_pool(GroupRole::Finance).await;
    let other = db.create_staff(GroupRole::Adjuster).await;
    let mine = sqlx::query("UPDATE users SET preferred_language = 'en' WHERE username = $1")
        .bind(&me)
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(mine.rows_affected(), 1);
    let theirs = sqlx::query("UPDATE users SET preferred_language = 'en' WHERE username = $1")
        .bind(&other)
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(theirs.rows_affected(), 0);
    let error = sqlx::query("UPDATE users SET group_role = 'prakan_admin' WHERE username = $1")
        .bind(&me)
        .execute(&pool)
        .await
        .unwrap_err();
    assert_eq!(violation(&error).0, "42501", "nobody promotes themselves");
}

#[tokio::test]
async fn sensitive_settings_are_for_administrators() {
    let db = TestDb::new().await;
    sqlx::query(
        "INSERT INTO system_configurations (config_key, config_category, config_value, config_type, is_sensitive)
         VALUES ('SMS_GATEWAY_TOKEN', 'INTEGRATION', 'secret-token', 'STRING', true)",
    )
    .execute(&db.pool)
    .await
    .unwrap();
    let count = |pool: PgPool| async move {
        sqlx::query_scalar::<_, i64>(
            "SELECT count(*) FROM system_configurations WHERE config_key = 'SMS_GATEWAY_TOKEN'",
        )
        .fetch_one(&pool)
        .await
        .unwrap()
    };
    let (_, auditor) = db.staff_pool(GroupRole::Auditor).await;
    let (_, admin) = db.staff_pool(GroupRole::Admin).await;
    assert_eq!(count(auditor).await, 0);
    assert_eq!(count(admin).await, 1);
    let logged: String = sqlx::query_scalar(
        "SELECT new_values->>'config_value' FROM audit_logs WHERE table_name = 'system_configurations'
          ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(logged, "***", "the audit trail does not keep the secret");
}

#[tokio::test]
async fn settings_are_validated_in_the_database() {
    let db = TestDb::new().await;
    let (_, admin) = db.staff_pool(GroupRole::Admin).await;
    let set = |key: &'static str, value: &'static str| {
        sqlx::query("UPDATE system_configurations SET config_value = $2 WHERE config_key = $1")
            .bind(key)
            .bind(value)
            .execute(&admin)
    };
    set("SESSION_TIMEOUT_HOURS", "12")
        .await
        .expect("within bounds");
    crate::harness::assert_refused_by(
        set("SESSION_TIMEOUT_HOURS", "0").await,
        "chk_system_configurations_range",
    );
    crate::harness::assert_refused_by(
        set("SESSION_TIMEOUT_HOURS", "eight").await,
        "chk_system_configurations_type",
    );
    crate::harness::assert_refused_by(
        set("DEFAULT_NO_CLAIM_DISCOUNT", "10").await,
        "chk_system_configurations_regex",
    );
    let (_, finance) = db.staff_pool(GroupRole::Finance).await;
    let error = sqlx::query("UPDATE system_configurations SET config_value = '9' WHERE config_key = 'SESSION_TIMEOUT_HOURS'")
        .execute(&finance)
        .await
        .unwrap_err();
    assert_eq!(violation(&error).0, "42501");
}

#[tokio::test]
async fn functions_running_as_owner_fix_their_search_path_and_are_not_public() {
    let db = TestDb::new().await;
    let unsafe_functions: Vec<String> = sqlx::query_scalar(
        "SELECT p.proname::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
          WHERE n.nspname = 'public' AND p.prosecdef
            AND (p.proconfig IS NULL OR NOT EXISTS (SELECT 1 FROM unnest(p.proconfig) c WHERE c LIKE 'search_path=%')
                 OR has_function_privilege('public', p.oid, 'EXECUTE'))",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    assert!(
        unsafe_functions.is_empty(),
        "definer functions without a fixed search_path or open to PUBLIC: {unsafe_functions:?}"
    );
}

#[tokio::test]
async fn only_prakan_roles_may_connect() {
    let db = TestDb::new().await;
    let outsider = crate::harness::unique("outsider_");
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "CREATE ROLE \"{outsider}\" LOGIN PASSWORD 'outsider-password'"
    )))
    .execute(&db.pool)
    .await
    .unwrap();
    let error = db.login(&outsider, "outsider-password").await.unwrap_err();
    assert_eq!(
        violation(&error).0,
        "42501",
        "CONNECT is revoked from PUBLIC: {error}"
    );
}
