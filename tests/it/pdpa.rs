//! PDPA rights: a customer's data exported whole; an anonymised customer leaves no trace of
//! who they were in any text or JSON column, while the financial and claim records stay.

use prakan::domain::staff::GroupRole;
use uuid::Uuid;

use crate::fixtures;
use crate::harness::{TestDb, violation};

const NAME: &str = "ปิยะวัฒน์พิเศษ";
const SURNAME: &str = "ไม่ซ้ำใครเลย";
const PHONE: &str = "0899990001";
const EMAIL: &str = "piyawat.unique@example.co.th";

/// A customer with a unique identity, a vehicle, a policy, a claim, a card payment, and an
/// appearance as the other party of someone else's accident.
async fn customer_with_history(db: &TestDb) -> (Uuid, String) {
    let national_id = fixtures::national_id(77);
    let customer: Uuid = sqlx::query_scalar(
        "INSERT INTO customers (national_id, first_name, last_name, first_name_en, last_name_en, phone_number, email,
                                address, tambon_code, postal_code)
         VALUES ($1, $2, $3, 'Piyawat', 'Unikhun', $4, $5, '{\"house_no\": \"99/1\"}', '100101', '10200')
         RETURNING id",
    )
    .bind(&national_id)
    .bind(NAME)
    .bind(SURNAME)
    .bind(PHONE)
    .bind(EMAIL)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let car = fixtures::vehicle(&db.pool, customer, "1กก 77", "10")
        .await
        .unwrap();
    sqlx::query("UPDATE customer_vehicles SET chassis_number = 'MR0UNIQUECHASSIS1' WHERE id = $1")
        .bind(car)
        .execute(&db.pool)
        .await
        .unwrap();
    let policy = fixtures::policy(
        &db.pool,
        customer,
        car,
        "CLASS_1",
        "2026-01-01",
        "2027-01-01",
    )
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO claims (claim_number, policy_id, incident_date, claim_type, incident_description)
         VALUES ('CL-OWN', $1, '2026-02-01', 'ACCIDENT', 'ชนท้าย')",
    )
    .bind(policy)
    .execute(&db.pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO payments (policy_id, customer_id, payment_type, amount, total_amount, payment_method,
                               card_last_four, card_token)
         VALUES ($1, $2, 'PREMIUM', 16092.80, 16092.80, 'CREDIT_CARD', '4242', 'tok_unique_card')",
    )
    .bind(policy)
    .bind(customer)
    .execute(&db.pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO consent_records (customer_id, purpose, consent_text_version, channel, evidence_reference)
         VALUES ($1, 'MARKETING', '2565-01', 'PAPER', 'scan of the form signed by the customer')",
    )
    .bind(customer)
    .execute(&db.pool)
    .await
    .unwrap();

    let (_, _, someone_elses_policy) = fixtures::insured_pickup(&db.pool, 5).await;
    sqlx::query(
        "INSERT INTO claims (claim_number, policy_id, incident_date, claim_type, incident_description, other_party_info)
         VALUES ('CL-OTHER', $1, '2026-03-01', 'ACCIDENT', 'เฉี่ยวชน', jsonb_build_object('name', $2::text, 'phone', $3::text))",
    )
    .bind(someone_elses_policy)
    .bind(format!("{NAME} {SURNAME}"))
    .bind(PHONE)
    .execute(&db.pool)
    .await
    .unwrap();
    (customer, national_id)
}

/// Every text and JSON column of every table that contains `needle`.
async fn columns_containing(db: &TestDb, needle: &str) -> Vec<String> {
    let columns: Vec<(String, String)> = sqlx::query_as(
        "SELECT quote_ident(c.table_name::text), quote_ident(c.column_name::text)
           FROM information_schema.columns c
           JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
          WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
            AND c.data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY')",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    let mut found = Vec::new();
    for (table, column) in columns {
        let sql =
            format!("SELECT count(*) FROM {table} WHERE {column}::text LIKE '%' || $1 || '%'");
        let hits: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .bind(needle)
            .fetch_one(&db.pool)
            .await
            .unwrap();
        if hits > 0 {
            found.push(format!("{table}.{column}"));
        }
    }
    found
}

#[tokio::test]
async fn an_export_holds_every_related_record_and_is_audited() {
    let db = TestDb::new().await;
    let (customer, national_id) = customer_with_history(&db).await;
    let (admin, pool) = db.staff_pool(GroupRole::Admin).await;
    let export: serde_json::Value = sqlx::query_scalar("SELECT export_customer_data($1)")
        .bind(customer)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(export["customer"]["national_id"], national_id);
    for (section, count) in [
        ("vehicles", 1),
        ("policies", 1),
        ("claims", 1),
        ("payments", 1),
        ("consents", 1),
    ] {
        assert_eq!(
            export[section].as_array().map(Vec::len),
            Some(count),
            "{section}"
        );
    }
    let who: String = sqlx::query_scalar(
        "SELECT db_user FROM audit_logs WHERE operation = 'EXPORT' AND record_id = $1",
    )
    .bind(customer)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        who, admin,
        "the export is logged as the staff member who ran it"
    );

    let (_, underwriter) = db.staff_pool(GroupRole::Underwriter).await;
    let error = sqlx::query("SELECT export_customer_data($1)")
        .bind(customer)
        .execute(&underwriter)
        .await
        .unwrap_err();
    assert_eq!(violation(&error).0, "42501");
}

#[tokio::test]
async fn anonymisation_leaves_no_trace_of_the_person_and_keeps_the_records() {
    let db = TestDb::new().await;
    let (customer, national_id) = customer_with_history(&db).await;
    for needle in [NAME, SURNAME, PHONE, EMAIL, national_id.as_str()] {
        assert!(
            !columns_containing(&db, needle).await.is_empty(),
            "the fixture stores {needle}"
        );
    }
    let (admin, pool) = db.staff_pool(GroupRole::Admin).await;
    let done: bool = sqlx::query_scalar("SELECT anonymize_customer_data($1)")
        .bind(customer)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(done);

    for needle in [
        NAME,
        SURNAME,
        PHONE,
        EMAIL,
        national_id.as_str(),
        "MR0UNIQUECHASSIS1",
        "tok_unique_card",
        "scan of the form",
    ] {
        assert_eq!(
            columns_containing(&db, needle).await,
            Vec::<String>::new(),
            "{needle} is still stored"
        );
    }
    let kept: (i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM policies WHERE customer_id = $1),
                (SELECT count(*) FROM payments WHERE customer_id = $1),
                (SELECT count(*) FROM claims)",
    )
    .bind(customer)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(kept, (1, 1, 2), "policies, payments and claims stay");
    let who: String = sqlx::query_scalar(
        "SELECT db_user FROM audit_logs WHERE operation = 'ANONYMIZE' AND record_id = $1",
    )
    .bind(customer)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(who, admin);
    let again: bool = sqlx::query_scalar("SELECT anonymize_customer_data($1)")
        .bind(customer)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(!again, "a second anonymisation has nothing left to do");
}

/// For each section of the export: how many rows the database holds for the customer.
const SECTIONS: &[(&str, &str)] = &[
    (
        "vehicles",
        "SELECT count(*) FROM customer_vehicles WHERE customer_id = $1",
    ),
    (
        "dlt_verifications",
        "SELECT count(*) FROM dlt_verifications d JOIN customer_vehicles v ON v.id = d.vehicle_id
          WHERE v.customer_id = $1",
    ),
    (
        "consents",
        "SELECT count(*) FROM consent_records WHERE customer_id = $1",
    ),
    (
        "documents",
        "SELECT count(*) FROM customer_documents WHERE customer_id = $1",
    ),
    (
        "policies",
        "SELECT count(*) FROM policies WHERE customer_id = $1",
    ),
    (
        "policy_documents",
        "SELECT count(*) FROM policy_documents d JOIN policies p ON p.id = d.policy_id
          WHERE p.customer_id = $1",
    ),
    (
        "policy_renewals",
        "SELECT count(*) FROM policy_renewals r JOIN policies p ON p.id = r.original_policy_id
          WHERE p.customer_id = $1",
    ),
    (
        "claims",
        "SELECT count(*) FROM claims c JOIN policies p ON p.id = c.policy_id WHERE p.customer_id = $1",
    ),
    (
        "claim_documents",
        "SELECT count(*) FROM claim_documents d JOIN claims c ON c.id = d.claim_id
           JOIN policies p ON p.id = c.policy_id WHERE p.customer_id = $1",
    ),
    (
        "claim_assessments",
        "SELECT count(*) FROM claim_assessments a JOIN claims c ON c.id = a.claim_id
           JOIN policies p ON p.id = c.policy_id WHERE p.customer_id = $1",
    ),
    (
        "claim_settlements",
        "SELECT count(*) FROM claim_settlements s JOIN claims c ON c.id = s.claim_id
           JOIN policies p ON p.id = c.policy_id WHERE p.customer_id = $1",
    ),
    (
        "payments",
        "SELECT count(*) FROM payments WHERE customer_id = $1",
    ),
    (
        "payment_transactions",
        "SELECT count(*) FROM payment_transactions t JOIN payments p ON p.id = t.payment_id
          WHERE p.customer_id = $1",
    ),
    (
        "payment_receipts",
        "SELECT count(*) FROM payment_receipts r JOIN payments p ON p.id = r.payment_id
          WHERE p.customer_id = $1",
    ),
];

#[tokio::test]
async fn an_export_holds_every_related_record_of_a_busy_customer() {
    let db = TestDb::with_demo().await;
    // The demo customer with the most settled claims: policies, claims, assessments,
    // settlements, payments, receipts and renewals all hang off them.
    let customer: Uuid = sqlx::query_scalar(
        "SELECT p.customer_id FROM claim_settlements s JOIN claims c ON c.id = s.claim_id
           JOIN policies p ON p.id = c.policy_id
          GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1",
    )
    .fetch_one(&db.pool)
    .await
    .expect("the demo settles claims");
    let (_, admin) = db.staff_pool(GroupRole::Admin).await;
    let export = prakan::db::pdpa::export(&admin, customer).await.unwrap();
    assert_eq!(export["customer"]["id"], customer.to_string());
    let mut filled = Vec::new();
    for (section, count_sql) in SECTIONS {
        let held: i64 = sqlx::query_scalar(*count_sql)
            .bind(customer)
            .fetch_one(&db.pool)
            .await
            .unwrap();
        let exported = export[*section]
            .as_array()
            .unwrap_or_else(|| panic!("the export has a {section} list"))
            .len() as i64;
        assert_eq!(exported, held, "{section}: every record, and only theirs");
        if held > 0 {
            filled.push(*section);
        }
    }
    for section in [
        "vehicles",
        "policies",
        "claims",
        "claim_settlements",
        "payments",
    ] {
        assert!(
            filled.contains(&section),
            "the customer has {section}: {filled:?}"
        );
    }
}

#[tokio::test]
async fn the_screen_writes_an_export_only_its_owner_can_read() {
    use std::os::unix::fs::PermissionsExt;
    let db = TestDb::new().await;
    let (customer, national_id) = customer_with_history(&db).await;
    let (_, admin) = db.staff_pool(GroupRole::Admin).await;
    let scratch = tempfile::tempdir().unwrap();
    let directory = scratch.path().join("exports");
    let path = prakan::tui::screens::customers::work::export(&admin, customer, directory.clone())
        .await
        .expect("written");
    assert!(path.starts_with(&directory));
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(written["customer"]["national_id"], national_id);
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&directory), 0o700);

    let (_, underwriter) = db.staff_pool(GroupRole::Underwriter).await;
    let refused =
        prakan::tui::screens::customers::work::export(&underwriter, customer, directory).await;
    assert!(
        refused.is_err(),
        "only those granted the export may write one"
    );
}
