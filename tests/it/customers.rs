//! Customers through prakan's own database layer, as each role: the 360 view and what each
//! role sees of it, creating with the duplicate check, editing with optimistic locking,
//! vehicles and verifications, consents, revealing an ID, and the history of a record.

use chrono::NaiveDate;
use prakan::db::customers::{self, DuplicateReason, SaveError};
use prakan::db::rights::{CustomerRights, customer_rights};
use prakan::db::{consents, history, vehicles};
use prakan::domain::consent::ConsentDraft;
use prakan::domain::customer::{AddressInput, CustomerDraft, CustomerInput, Gender};
use prakan::domain::staff::GroupRole;
use prakan::domain::vehicle::{DltDraft, VehicleDraft, VehicleInput};
use sqlx::PgPool;
use uuid::Uuid;

use crate::fixtures;
use crate::harness::{TestDb, violation};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn somchai(n: u64) -> CustomerDraft {
    let input = CustomerInput {
        first_name: "สมชาย".into(),
        last_name: "ใจดีมาก".into(),
        first_name_en: "Somchai".into(),
        last_name_en: "Jaideemak".into(),
        national_id: fixtures::national_id(n),
        date_of_birth: "15/01/2530".into(),
        gender: Some(Gender::Male),
        phone: format!("081-234-{:04}", 5000 + n),
        sms_notifications: true,
        address: AddressInput {
            house_no: "12".into(),
            soi: "ลาดพร้าว 71".into(),
            tambon_code: Some("100101".into()),
            postal_code: Some("10200".into()),
            ..AddressInput::default()
        },
        ..CustomerInput::default()
    };
    CustomerDraft::parse(&input, today()).expect("a valid customer")
}

async fn rights(pool: &PgPool) -> CustomerRights {
    customer_rights(pool).await.expect("rights")
}

#[tokio::test]
async fn each_role_is_offered_what_the_database_allows() {
    let db = TestDb::new().await;
    let (_, underwriter) = db.staff_pool(GroupRole::Underwriter).await;
    let (_, adjuster) = db.staff_pool(GroupRole::Adjuster).await;
    let (_, finance) = db.staff_pool(GroupRole::Finance).await;
    let (_, admin) = db.staff_pool(GroupRole::Admin).await;
    let underwriter = rights(&underwriter).await;
    assert!(
        underwriter.create_customers && underwriter.edit_vehicles && underwriter.read_national_id
    );
    assert!(!underwriter.anonymize && !underwriter.reveal_national_id);
    let adjuster = rights(&adjuster).await;
    assert!(
        !adjuster.read_national_id && adjuster.reveal_national_id && !adjuster.create_customers
    );
    assert!(adjuster.read_history && adjuster.read_consents);
    let finance = rights(&finance).await;
    assert!(!finance.read_consents && !finance.read_documents && finance.read_receipts);
    let admin = rights(&admin).await;
    assert!(admin.export_data && admin.anonymize);
}

#[tokio::test]
async fn a_new_customer_is_checked_for_duplicates_and_saved_whole() {
    let db = TestDb::new().await;
    let (underwriter_name, underwriter) = db.staff_pool(GroupRole::Underwriter).await;
    let draft = somchai(1);
    assert!(
        customers::duplicates(&underwriter, &draft, None)
            .await
            .unwrap()
            .is_empty()
    );
    let id = customers::create(&underwriter, &draft)
        .await
        .expect("created");

    // The same person typed again: same ID, same phone, same name and birthday.
    let duplicates = customers::duplicates(&underwriter, &draft, None)
        .await
        .unwrap();
    assert_eq!(duplicates.len(), 1);
    assert_eq!(duplicates[0].id, id);
    assert_eq!(
        duplicates[0].reasons,
        [
            DuplicateReason::SameNationalId,
            DuplicateReason::SamePhone,
            DuplicateReason::SameNameAndBirthday
        ]
    );
    // Someone else sharing only the phone is still shown, with only that reason.
    let mut relative = somchai(2);
    relative.first_name = "สมหญิง".into();
    relative.phone = draft.phone.clone();
    let shared = customers::duplicates(&underwriter, &relative, None)
        .await
        .unwrap();
    assert_eq!(shared[0].reasons, [DuplicateReason::SamePhone]);
    // Editing the customer does not find the customer itself.
    assert!(
        customers::duplicates(&underwriter, &draft, Some(id))
            .await
            .unwrap()
            .is_empty()
    );
    // And the database refuses a second customer with the same ID whatever the screen did.
    let error = customers::create(&underwriter, &draft).await.unwrap_err();
    assert_eq!(
        violation(&error).1.as_deref(),
        Some("customers_national_id_key")
    );

    let loaded = customers::load(&underwriter, id, &rights(&underwriter).await)
        .await
        .unwrap()
        .expect("the new customer");
    let profile = &loaded.profile;
    assert_eq!(
        profile.national_id.as_deref(),
        Some(draft.national_id.as_str())
    );
    assert_eq!(profile.phone_number.as_deref(), Some("0812345001"));
    assert_eq!(profile.date_of_birth, NaiveDate::from_ymd_opt(1987, 1, 15));
    assert_eq!(
        profile.address.as_ref().map(|a| a.0.soi.clone()),
        Some(Some("ลาดพร้าว 71".to_string()))
    );
    assert_eq!(profile.version, 0);
    let audited: String = sqlx::query_scalar(
        "SELECT db_user FROM audit_logs WHERE table_name = 'customers' AND record_id = $1
            AND operation = 'INSERT' AND business_context = 'CUSTOMER_CREATE'",
    )
    .bind(id)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(audited, underwriter_name);
}

#[tokio::test]
async fn an_agents_new_customer_is_their_own() {
    let db = TestDb::new().await;
    let (agent, pool) = db.staff_pool(GroupRole::Agent).await;
    let id = customers::create(&pool, &somchai(3))
        .await
        .expect("created");
    let owner: Option<Uuid> = sqlx::query_scalar("SELECT agent_id FROM customers WHERE id = $1")
        .bind(id)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(owner, Some(db.staff_id(&agent).await));
}

#[tokio::test]
async fn a_second_editor_is_told_who_saved_first_and_nothing_is_overwritten() {
    let db = TestDb::new().await;
    let (_, first) = db.staff_pool(GroupRole::Underwriter).await;
    let (_, second) = db.staff_pool(GroupRole::Admin).await;
    let id = customers::create(&first, &somchai(4)).await.unwrap();
    let first_name: String = sqlx::query_scalar(
        "SELECT concat_ws(' ', first_name, last_name) FROM users WHERE username = session_user",
    )
    .fetch_one(&first)
    .await
    .unwrap();

    // Both open version 0; the first saves a new phone.
    let mut first_edit = somchai(4);
    first_edit.phone = Some("0899999999".into());
    let saved = customers::update(&first, id, 0, &first_edit)
        .await
        .expect("saved");
    assert_eq!(saved, 1);

    let mut second_edit = somchai(4);
    second_edit.email = Some("somchai@example.com".into());
    match customers::update(&second, id, 0, &second_edit).await {
        Err(SaveError::Conflict(conflict)) => {
            assert_eq!(conflict.by.as_deref(), Some(first_name.as_str()));
            assert_eq!(conflict.version, 1);
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    let (phone, email): (Option<String>, Option<String>) =
        sqlx::query_as("SELECT phone_number, email FROM customers WHERE id = $1")
            .bind(id)
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(
        phone.as_deref(),
        Some("0899999999"),
        "the first edit stands"
    );
    assert_eq!(email, None, "the second edit was not written");

    // Saving again on top of the version now seen goes through.
    let mut merged = first_edit.clone();
    merged.email = Some("somchai@example.com".into());
    assert_eq!(customers::update(&second, id, 1, &merged).await.unwrap(), 2);
}

#[tokio::test]
async fn the_360_shows_each_role_what_it_may_see() {
    let db = TestDb::new().await;
    let (customer, vehicle, policy) = fixtures::insured_pickup(&db.pool, 1).await;
    sqlx::query(
        "INSERT INTO claims (claim_number, policy_id, incident_date, claim_type, incident_description)
         VALUES ('CL-2569-0000001', $1, '2026-02-01', 'ACCIDENT', 'ชนท้าย')",
    )
    .bind(policy)
    .execute(&db.pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO payments (policy_id, customer_id, payment_type, amount, total_amount,
                               payment_method, due_date, installment_number, total_installments)
         VALUES ($1, $2, 'INSTALLMENT', 5000, 5000, 'PROMPTPAY', '2026-01-15', 1, 3),
                ($1, $2, 'INSTALLMENT', 5000, 5000, 'PROMPTPAY', '2099-02-15', 2, 3)",
    )
    .bind(policy)
    .bind(customer)
    .execute(&db.pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO dlt_verifications (vehicle_id, registration_valid, tax_paid, registration_expiry,
                                        verification_method)
         VALUES ($1, true, true, '2027-03-31', 'MANUAL')",
    )
    .bind(vehicle)
    .execute(&db.pool)
    .await
    .unwrap();

    let (_, underwriter) = db.staff_pool(GroupRole::Underwriter).await;
    let full = customers::load(&underwriter, customer, &rights(&underwriter).await)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(full.profile.national_id, Some(fixtures::national_id(1)));
    assert_eq!(full.vehicles.len(), 1);
    assert_eq!(full.vehicles[0].registration_valid, Some(true));
    assert_eq!(full.policies.as_ref().map(Vec::len), Some(1));
    assert_eq!(full.claims.as_ref().map(Vec::len), Some(1));
    assert_eq!(full.payments.as_ref().map(Vec::len), Some(2));
    let outstanding = full.outstanding.unwrap();
    assert_eq!(outstanding.total, rust_decimal::Decimal::from(10_000));
    assert_eq!(outstanding.overdue, rust_decimal::Decimal::from(5_000));
    assert_eq!(outstanding.count, 2);

    let (_, adjuster) = db.staff_pool(GroupRole::Adjuster).await;
    let masked = customers::load(&adjuster, customer, &rights(&adjuster).await)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(masked.profile.national_id, None);
    assert_eq!(
        masked.profile.national_id_masked,
        Some(prakan::domain::national_id::mask(&fixtures::national_id(1)))
    );

    let (_, finance) = db.staff_pool(GroupRole::Finance).await;
    let accounts = customers::load(&finance, customer, &rights(&finance).await)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(accounts.consents, None, "finance does not read consents");
    assert_eq!(accounts.documents, None);
    assert_eq!(accounts.vehicles[0].registration_valid, None);
    assert_eq!(accounts.payments.as_ref().map(Vec::len), Some(2));

    // An agent who did not bring the customer finds nothing at all.
    let (_, agent) = db.staff_pool(GroupRole::Agent).await;
    assert!(
        customers::load(&agent, customer, &rights(&agent).await)
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn revealing_an_id_is_audited_and_only_for_the_claims_one_works_on() {
    let db = TestDb::new().await;
    let (customer, _, policy) = fixtures::insured_pickup(&db.pool, 1).await;
    let (adjuster_name, adjuster) = db.staff_pool(GroupRole::Adjuster).await;
    let revealed = customers::reveal_national_id(&adjuster, customer)
        .await
        .unwrap();
    assert_eq!(revealed, Some(fixtures::national_id(1)));
    let who: String = sqlx::query_scalar(
        "SELECT db_user FROM audit_logs WHERE record_id = $1 AND operation = 'REVEAL'",
    )
    .bind(customer)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(who, adjuster_name);

    let (surveyor_name, surveyor) = db.staff_pool(GroupRole::Surveyor).await;
    let error = customers::reveal_national_id(&surveyor, customer)
        .await
        .unwrap_err();
    assert_eq!(
        violation(&error).0,
        "42501",
        "not one of the surveyor's claims"
    );
    sqlx::query(
        "INSERT INTO claims (claim_number, policy_id, incident_date, claim_type, incident_description,
                             surveyor_id)
         VALUES ('CL-2569-0000002', $1, '2026-02-01', 'ACCIDENT', 'ชนท้าย', $2)",
    )
    .bind(policy)
    .bind(db.staff_id(&surveyor_name).await)
    .execute(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        customers::reveal_national_id(&surveyor, customer)
            .await
            .unwrap(),
        Some(fixtures::national_id(1))
    );

    let (_, underwriter) = db.staff_pool(GroupRole::Underwriter).await;
    let error = customers::reveal_national_id(&underwriter, customer)
        .await
        .unwrap_err();
    assert_eq!(
        violation(&error).0,
        "42501",
        "underwriters read the ID directly and have no reveal"
    );
}

#[tokio::test]
async fn the_history_of_a_record_is_open_to_whoever_sees_the_record() {
    let db = TestDb::new().await;
    let agent = db.create_staff(GroupRole::Agent).await;
    let other_agent = db.create_staff(GroupRole::Agent).await;
    let customer = fixtures::customer_with_agent(&db.pool, 1, Some(db.staff_id(&agent).await))
        .await
        .unwrap();
    let (editor, underwriter) = db.staff_pool(GroupRole::Underwriter).await;
    let mut draft = somchai(1);
    draft.phone = Some("0877777777".into());
    customers::update(&underwriter, customer, 0, &draft)
        .await
        .unwrap();

    let entries = history::record_history(&underwriter, "customers", customer)
        .await
        .unwrap();
    assert_eq!(entries.len(), 2, "the insert and the edit");
    let edit = &entries[0];
    assert_eq!(edit.operation, "UPDATE");
    assert_eq!(edit.username, editor);
    assert_eq!(edit.context.as_deref(), Some("CUSTOMER_EDIT"));
    let phone = edit
        .changes
        .iter()
        .find(|c| c.field == "phone_number")
        .expect("the phone changed");
    assert_eq!(phone.old.as_deref(), Some("0812345678"));
    assert_eq!(phone.new.as_deref(), Some("0877777777"));

    let agent_pool = db.login(&agent, crate::harness::PASSWORD).await.unwrap();
    assert_eq!(
        history::record_history(&agent_pool, "customers", customer)
            .await
            .unwrap()
            .len(),
        2,
        "the agent who brought the customer sees its history"
    );
    let other_pool = db
        .login(&other_agent, crate::harness::PASSWORD)
        .await
        .unwrap();
    assert!(
        history::record_history(&other_pool, "customers", customer)
            .await
            .unwrap()
            .is_empty(),
        "another agent does not"
    );

    // The trail keeps national IDs masked, so an adjuster reading it learns nothing more.
    let (_, adjuster) = db.staff_pool(GroupRole::Adjuster).await;
    let entries = history::record_history(&adjuster, "customers", customer)
        .await
        .unwrap();
    let inserted = entries.last().unwrap();
    let id_change = inserted
        .changes
        .iter()
        .find(|c| c.field == "national_id")
        .expect("the ID was set");
    assert_eq!(
        id_change.new,
        Some(prakan::domain::national_id::mask(&fixtures::national_id(1)))
    );
}

#[tokio::test]
async fn vehicles_are_added_edited_and_verified() {
    let db = TestDb::new().await;
    let customer = fixtures::customer(&db.pool, 1).await.unwrap();
    let (_, underwriter) = db.staff_pool(GroupRole::Underwriter).await;
    let input = VehicleInput {
        plate: "1กข1234".into(),
        province_code: Some("10".into()),
        make: "Honda".into(),
        model: "City".into(),
        year: "2566".into(),
        engine_cc: "1000".into(),
        vehicle_type: "SEDAN".into(),
        fuel_type: "GASOLINE".into(),
        usage_type: "PERSONAL".into(),
        ..VehicleInput::default()
    };
    let draft = VehicleDraft::parse(&input, today()).unwrap();
    let vehicle = vehicles::create(&underwriter, customer, &draft)
        .await
        .unwrap();
    let error = vehicles::create(&underwriter, customer, &draft)
        .await
        .unwrap_err();
    assert_eq!(
        violation(&error).1.as_deref(),
        Some("customer_vehicles_plate_province_key"),
        "one plate per province"
    );
    let mut edited = draft.clone();
    edited.color = Some("ขาว".into());
    assert_eq!(
        vehicles::update(&underwriter, vehicle, 0, &edited)
            .await
            .unwrap(),
        1
    );
    assert!(matches!(
        vehicles::update(&underwriter, vehicle, 0, &edited).await,
        Err(SaveError::Conflict(_))
    ));
    let verification = DltDraft {
        registration_valid: true,
        tax_paid: false,
        registration_expiry: NaiveDate::from_ymd_opt(2027, 6, 30),
        reference: Some("ขส.1234/2569".into()),
        method: "DOCUMENT".into(),
    };
    vehicles::add_verification(&underwriter, vehicle, &verification)
        .await
        .unwrap();
    let (verified_by, method): (String, String) = sqlx::query_as(
        "SELECT verified_by, verification_method FROM dlt_verifications WHERE vehicle_id = $1",
    )
    .bind(vehicle)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        (verified_by.as_str(), method.as_str()),
        ("STAFF", "DOCUMENT")
    );
}

#[tokio::test]
async fn consents_are_given_and_withdrawn_and_stay_as_history() {
    let db = TestDb::new().await;
    let customer = fixtures::customer(&db.pool, 1).await.unwrap();
    let (_, underwriter) = db.staff_pool(GroupRole::Underwriter).await;
    let draft = ConsentDraft {
        purpose: "MARKETING".into(),
        lawful_basis: "CONSENT".into(),
        text_version: "2569-01".into(),
        channel: "BRANCH".into(),
        evidence: Some("แบบฟอร์มเลขที่ 42".into()),
    };
    let consent = consents::record(&underwriter, customer, &draft)
        .await
        .unwrap();
    let flag: bool = sqlx::query_scalar("SELECT marketing_consent FROM customers WHERE id = $1")
        .bind(customer)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert!(flag, "the customer's marketing flag follows the consent");
    let error = consents::record(&underwriter, customer, &draft)
        .await
        .unwrap_err();
    assert_eq!(
        violation(&error).1.as_deref(),
        Some("consent_records_live_purpose_key"),
        "one live consent per purpose"
    );

    consents::withdraw(&underwriter, consent, 0, "CALL_CENTER")
        .await
        .unwrap();
    let (withdrawn, channel, flag): (bool, Option<String>, bool) = sqlx::query_as(
        "SELECT r.withdrawn_at IS NOT NULL, r.withdrawal_channel, c.marketing_consent
           FROM consent_records r JOIN customers c ON c.id = r.customer_id WHERE r.id = $1",
    )
    .bind(consent)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert!(withdrawn);
    assert_eq!(channel.as_deref(), Some("CALL_CENTER"));
    assert!(!flag);
    assert!(
        matches!(
            consents::withdraw(&underwriter, consent, 1, "CALL_CENTER").await,
            Err(SaveError::Conflict(_))
        ),
        "a withdrawn consent cannot be withdrawn again"
    );
    // Given again later: a new record beside the withdrawn one.
    consents::record(&underwriter, customer, &draft)
        .await
        .unwrap();
    let records: i64 =
        sqlx::query_scalar("SELECT count(*) FROM consent_records WHERE customer_id = $1")
            .bind(customer)
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(records, 2);
}
