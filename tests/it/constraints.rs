//! Each family of constraints refuses a bad row by name and accepts the good one beside it.

use rust_decimal_macros::dec;

use crate::fixtures::{self, date};
use crate::harness::{TestDb, assert_refused_by};

#[tokio::test]
async fn national_id_checksum() {
    let db = TestDb::new().await;
    let insert = |id: &'static str| {
        sqlx::query(
            "INSERT INTO customers (national_id, first_name, last_name) VALUES ($1, 'ก', 'ข')",
        )
        .bind(id)
        .execute(&db.pool)
    };
    insert("1101700123456")
        .await
        .expect("a valid ID is accepted");
    assert_refused_by(insert("1101700123457").await, "chk_customers_national_id");
    assert_refused_by(insert("1111111111111").await, "chk_customers_national_id");
    assert_refused_by(insert("110170012345").await, "chk_customers_national_id");
    assert_refused_by(insert("1101700123456").await, "customers_national_id_key");
    insert("0105555123450")
        .await
        .expect("a juristic tax ID is accepted");

    let check = |id: &'static str| {
        sqlx::query_scalar::<_, bool>("SELECT is_valid_thai_national_id($1)")
            .bind(id)
            .fetch_one(&db.pool)
    };
    assert!(check("3100600987659").await.unwrap());
    assert!(!check("31006009876x9").await.unwrap());
}

#[tokio::test]
async fn customers_without_email_are_welcome_and_emails_stay_unique() {
    let db = TestDb::new().await;
    let insert = |id: u64, email: Option<&'static str>| {
        sqlx::query("INSERT INTO customers (national_id, first_name, last_name, email) VALUES ($1, 'ก', 'ข', $2)")
            .bind(fixtures::national_id(id))
            .bind(email)
            .execute(&db.pool)
    };
    insert(1, None).await.expect("no e-mail");
    insert(2, None).await.expect("no e-mail either");
    insert(3, Some("a@example.co.th")).await.expect("an e-mail");
    assert_refused_by(
        insert(4, Some("A@Example.co.th")).await,
        "customers_email_key",
    );
    assert_refused_by(
        insert(5, Some("not an address")).await,
        "chk_customers_email",
    );
}

#[tokio::test]
async fn one_plate_per_province() {
    let db = TestDb::new().await;
    let owner = fixtures::customer(&db.pool, 1).await.unwrap();
    fixtures::vehicle(&db.pool, owner, "1กข 1234", "10")
        .await
        .expect("first registration");
    fixtures::vehicle(&db.pool, owner, "1กข 1234", "50")
        .await
        .expect("the same plate in Chiang Mai");
    assert_refused_by(
        fixtures::vehicle(&db.pool, owner, "1กข 1234", "10").await,
        "customer_vehicles_plate_province_key",
    );
    assert_refused_by(
        fixtures::vehicle(&db.pool, owner, "1กข1234", "10").await,
        "chk_customer_vehicles_plate",
    );
    assert_refused_by(
        fixtures::vehicle(&db.pool, owner, "AB 1234", "10").await,
        "chk_customer_vehicles_plate",
    );
}

#[tokio::test]
async fn cover_of_one_kind_never_overlaps_but_cmi_and_voluntary_do() {
    let db = TestDb::new().await;
    let owner = fixtures::customer(&db.pool, 1).await.unwrap();
    let car = fixtures::vehicle(&db.pool, owner, "กข 1", "10")
        .await
        .unwrap();

    fixtures::policy(&db.pool, owner, car, "CLASS_1", "2026-01-01", "2027-01-01")
        .await
        .expect("class 1");
    fixtures::policy(&db.pool, owner, car, "CMI", "2026-03-01", "2027-03-01")
        .await
        .expect("CMI beside the voluntary cover");
    fixtures::policy(&db.pool, owner, car, "CLASS_1", "2027-01-01", "2028-01-01")
        .await
        .expect("a renewal starting the day the old one ends");
    assert_refused_by(
        fixtures::policy(
            &db.pool,
            owner,
            car,
            "CLASS_2_PLUS",
            "2026-06-01",
            "2027-06-01",
        )
        .await,
        "excl_policies_overlapping_cover",
    );
    assert_refused_by(
        fixtures::policy(&db.pool, owner, car, "CMI", "2026-12-01", "2027-12-01").await,
        "excl_policies_overlapping_cover",
    );

    let other_car = fixtures::vehicle(&db.pool, owner, "กข 2", "10")
        .await
        .unwrap();
    fixtures::policy(
        &db.pool,
        owner,
        other_car,
        "CLASS_3_PLUS",
        "2026-06-01",
        "2027-06-01",
    )
    .await
    .expect("another car is another matter");
}

#[tokio::test]
async fn a_cancelled_policy_frees_its_period() {
    let db = TestDb::new().await;
    let (owner, car, policy) = fixtures::insured_pickup(&db.pool, 1).await;
    sqlx::query("UPDATE policies SET status = 'CANCELLED', cancelled_at = now() WHERE id = $1")
        .bind(policy)
        .execute(&db.pool)
        .await
        .unwrap();
    fixtures::policy(&db.pool, owner, car, "CLASS_1", "2026-06-01", "2027-06-01")
        .await
        .expect("new cover once the old one is cancelled");
}

#[tokio::test]
async fn premium_arithmetic() {
    let db = TestDb::new().await;
    let owner = fixtures::customer(&db.pool, 1).await.unwrap();
    let car = fixtures::vehicle(&db.pool, owner, "กข 1", "10")
        .await
        .unwrap();
    let insert = |number: &'static str, base, discounts, stamp, vat, total, start: &'static str| {
        sqlx::query(
            "INSERT INTO policies (policy_number, customer_id, vehicle_id, policy_type, coverage_details,
                                   base_premium, discounts, stamp_duty, vat, total_premium, start_date, end_date)
             VALUES ($1, $2, $3, 'CLASS_1', '{}', $4, $5, $6, $7, $8, $9, $9::date + 365)",
        )
        .bind(number)
        .bind(owner)
        .bind(car)
        .bind(base)
        .bind(discounts)
        .bind(stamp)
        .bind(vat)
        .bind(total)
        .bind(date(start))
        .execute(&db.pool)
    };
    // 12,500 − 2,500 NCB = 10,000 net; stamp 40; VAT 702.80; total 10,742.80 (DOMAIN §3).
    insert(
        "OK-1",
        dec!(12500),
        dec!(2500),
        dec!(40),
        dec!(702.80),
        dec!(10742.80),
        "2020-01-01",
    )
    .await
    .expect("the published example");
    assert_refused_by(
        insert(
            "BAD-1",
            dec!(12500),
            dec!(2500),
            dec!(40),
            dec!(702.80),
            dec!(13242.80),
            "2022-01-01",
        )
        .await,
        "chk_policies_premium_total",
    );
    assert_refused_by(
        insert(
            "BAD-2",
            dec!(600),
            dec!(0),
            dec!(2.40),
            dec!(42.17),
            dec!(644.57),
            "2023-01-01",
        )
        .await,
        "chk_policies_stamp_duty",
    );
    assert_refused_by(
        insert(
            "BAD-3",
            dec!(600),
            dec!(700),
            dec!(0),
            dec!(0),
            dec!(-100),
            "2024-01-01",
        )
        .await,
        "chk_policies_discount_within_base",
    );

    let net: rust_decimal::Decimal =
        sqlx::query_scalar("SELECT net_premium FROM policies WHERE policy_number = 'OK-1'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(net, dec!(10000));
}

#[tokio::test]
async fn claim_dates_follow_the_incident() {
    let db = TestDb::new().await;
    let (_, _, policy) = fixtures::insured_pickup(&db.pool, 1).await;
    let insert = |number: &'static str,
                  incident: &'static str,
                  reported: &'static str,
                  settled: Option<&'static str>| {
        sqlx::query(
            "INSERT INTO claims (claim_number, policy_id, incident_date, reported_date, claim_type,
                                 incident_description, settlement_date)
             VALUES ($1, $2, $3::timestamptz, $4::timestamptz, 'ACCIDENT', 'ชนท้าย', $5::date)",
        )
        .bind(number)
        .bind(policy)
        .bind(incident)
        .bind(reported)
        .bind(settled)
        .execute(&db.pool)
    };
    insert(
        "CL-OK",
        "2026-03-01 08:00+07",
        "2026-03-01 10:00+07",
        Some("2026-03-01"),
    )
    .await
    .expect("settled on the day of the incident, Bangkok time");
    assert_refused_by(
        insert(
            "CL-BAD-1",
            "2026-03-02 08:00+07",
            "2026-03-01 10:00+07",
            None,
        )
        .await,
        "chk_claims_dates",
    );
    assert_refused_by(
        insert(
            "CL-BAD-2",
            "2026-03-02 08:00+07",
            "2026-03-03 10:00+07",
            Some("2026-03-01"),
        )
        .await,
        "chk_claims_dates",
    );
    assert_refused_by(
        insert("CL-OK", "2026-03-05 08:00+07", "2026-03-05 10:00+07", None).await,
        "claims_claim_number_key",
    );
}

#[tokio::test]
async fn payment_amounts_and_instalment_numbers() {
    let db = TestDb::new().await;
    let (owner, _, policy) = fixtures::insured_pickup(&db.pool, 1).await;
    let insert = |amount, fees, total, number: Option<i32>, of: Option<i32>| {
        sqlx::query(
            "INSERT INTO payments (policy_id, customer_id, payment_type, amount, fees, total_amount,
                                   payment_method, installment_number, total_installments)
             VALUES ($1, $2, CASE WHEN $6::int IS NULL THEN 'PREMIUM' ELSE 'INSTALLMENT' END,
                     $3, $4, $5, 'PROMPTPAY', $6, $7)",
        )
        .bind(policy)
        .bind(owner)
        .bind(amount)
        .bind(fees)
        .bind(total)
        .bind(number)
        .bind(of)
        .execute(&db.pool)
    };
    insert(dec!(1000), dec!(15), dec!(1015), None, None)
        .await
        .expect("amount plus fees");
    assert_refused_by(
        insert(dec!(1000), dec!(15), dec!(1000), None, None).await,
        "chk_payments_amounts",
    );
    assert_refused_by(
        insert(dec!(0), dec!(0), dec!(0), None, None).await,
        "chk_payments_amount",
    );
    insert(dec!(500), dec!(0), dec!(500), Some(1), Some(6))
        .await
        .expect("instalment 1 of 6");
    assert_refused_by(
        insert(dec!(500), dec!(0), dec!(500), Some(7), Some(6)).await,
        "chk_payments_installments",
    );
    assert_refused_by(
        insert(dec!(500), dec!(0), dec!(500), Some(0), Some(6)).await,
        "chk_payments_installments",
    );
    assert_refused_by(
        insert(dec!(500), dec!(0), dec!(500), Some(1), Some(6)).await,
        "payments_policy_installment_key",
    );
}

#[tokio::test]
async fn a_refund_goes_out_and_a_premium_comes_in() {
    let db = TestDb::new().await;
    let (owner, _, policy) = fixtures::insured_pickup(&db.pool, 1).await;
    let insert = |kind: &'static str, direction: &'static str| {
        sqlx::query(
            "INSERT INTO payments (policy_id, customer_id, payment_type, payment_direction, amount,
                                   total_amount, payment_method)
             VALUES ($1, $2, $3, $4, 100, 100, 'BANK_TRANSFER')",
        )
        .bind(policy)
        .bind(owner)
        .bind(kind)
        .bind(direction)
        .execute(&db.pool)
    };
    insert("REFUND", "OUTGOING")
        .await
        .expect("a refund is paid out");
    assert_refused_by(insert("REFUND", "INCOMING").await, "chk_payments_direction");
    assert_refused_by(
        insert("PREMIUM", "OUTGOING").await,
        "chk_payments_direction",
    );
    assert_refused_by(
        insert("CLAIM_SETTLEMENT", "OUTGOING").await,
        "chk_payments_subject",
    );
}
