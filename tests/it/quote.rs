//! Quotes from the rating tables in the database: the demonstration table of
//! 0018_rating.sql, choosing a table by date, who may change the rates, and `prakan quote`
//! itself run against the test database.

use std::process::{Command, Output, Stdio};

use chrono::NaiveDate;
use prakan::db::rating::{RatingError, load};
use prakan::domain::premium::PolicyType;
use prakan::domain::premium::rating::{FactorKind, Risk, Usage, quote};
use prakan::domain::staff::GroupRole;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::harness::{TestDb, violation};

fn day(text: &str) -> NaiveDate {
    crate::fixtures::date(text)
}

/// Class 1, a 2021 1,500 cc sedan for personal use, 600,000 baht, unnamed drivers.
fn class_1_sedan() -> Risk {
    Risk {
        policy_type: PolicyType::Class1,
        vehicle_type: "SEDAN".into(),
        usage: Usage::Personal,
        vehicle_age_years: 5,
        engine_cc: Some(1500),
        seats: Some(5),
        sum_insured: Some(dec!(600000)),
        youngest_driver_age: None,
        deductible: Decimal::ZERO,
        ncb_percent: 0,
        surcharge_percent: 0,
    }
}

#[tokio::test]
async fn the_demonstration_table_quotes_every_class() {
    let db = TestDb::new().await;
    let mut connection = db.pool.acquire().await.unwrap();
    let table = load(&mut connection, day("2026-12-01")).await.unwrap();
    assert_eq!(table.effective_from, day("2020-01-01"));
    // Five voluntary classes × six vehicle types × four uses; five bands of four kinds.
    assert_eq!(table.base_rates.len(), 120);
    assert_eq!(table.factors.len(), 20);
    assert!(
        table.gaps().is_empty(),
        "bands cover 0 upward: {:?}",
        table.gaps()
    );
    for kind in FactorKind::ALL {
        assert!(table.factors.iter().any(|f| f.kind == kind), "{kind:?}");
    }

    // 7,000 + 1.2 % × 600,000 = 14,200; 5 years old × 1.05 = 14,910; 1,500 cc × 1.00;
    // SI 600k × 1.00; deductible 0 × 1.00. Stamp 60, VAT 1,047.90: 16,017.90.
    let class_1 = quote(&table, &class_1_sedan()).unwrap();
    assert_eq!(class_1.breakdown.base, dec!(14910));
    assert_eq!(class_1.breakdown.stamp_duty, dec!(60));
    assert_eq!(class_1.breakdown.vat, dec!(1047.90));
    assert_eq!(class_1.breakdown.total, dec!(16017.90));
    assert_eq!(class_1.payable(true), dec!(15868.20));

    // The other classes land where the Thai market has them for the same car.
    for (policy_type, low, high) in [
        (PolicyType::Class2Plus, 6000, 8000),
        (PolicyType::Class3Plus, 5000, 7000),
        (PolicyType::Class2, 3500, 4500),
        (PolicyType::Class3, 1800, 2800),
    ] {
        let mut risk = class_1_sedan();
        risk.policy_type = policy_type;
        let premium = quote(&table, &risk).unwrap().breakdown.base;
        assert!(
            (Decimal::from(low)..=Decimal::from(high)).contains(&premium),
            "{policy_type}: {premium}"
        );
    }
    // Every class, vehicle type and use has a rate.
    for policy_type in PolicyType::ALL.into_iter().filter(|t| t.is_voluntary()) {
        for vehicle_type in prakan::domain::vehicle::VEHICLE_TYPES {
            for usage in Usage::ALL {
                let mut risk = class_1_sedan();
                risk.policy_type = policy_type;
                risk.vehicle_type = vehicle_type.into();
                risk.usage = usage;
                let quoted = quote(&table, &risk).unwrap();
                assert!(quoted.breakdown.total > Decimal::ZERO);
            }
        }
    }

    let mut cmi = class_1_sedan();
    cmi.policy_type = PolicyType::Cmi;
    assert_eq!(quote(&table, &cmi).unwrap().breakdown.total, dec!(645.21));
}

#[tokio::test]
async fn a_newer_table_takes_over_on_its_effective_date() {
    let db = TestDb::new().await;
    for statement in [
        "INSERT INTO rating_tables (effective_from, description) VALUES ('2027-01-01', '2027 rates')",
        "INSERT INTO rating_base_rates (effective_from, policy_type, vehicle_type, usage_type, base_premium, own_damage_rate)
         VALUES ('2027-01-01', 'CLASS_1', 'SEDAN', 'PERSONAL', 8000, 0.01)",
        "INSERT INTO rating_factors (effective_from, factor_kind, lower_bound, upper_bound, multiplier)
         VALUES ('2027-01-01', 'VEHICLE_AGE', 0, NULL, 1.10)",
    ] {
        sqlx::query(statement).execute(&db.pool).await.unwrap();
    }
    let mut connection = db.pool.acquire().await.unwrap();

    let before = load(&mut connection, day("2026-12-31")).await.unwrap();
    assert_eq!(before.effective_from, day("2020-01-01"));
    assert_eq!(before.base_rates.len(), 120);

    let after = load(&mut connection, day("2027-01-01")).await.unwrap();
    assert_eq!(after.effective_from, day("2027-01-01"));
    assert_eq!(after.base_rates.len(), 1);
    // 8,000 + 1 % × 600,000 = 14,000 × 1.10 = 15,400.
    assert_eq!(
        quote(&after, &class_1_sedan()).unwrap().breakdown.base,
        dec!(15400)
    );
    let mut taxi = class_1_sedan();
    taxi.usage = Usage::Taxi;
    assert!(
        quote(&after, &taxi).is_err(),
        "the new table has no taxi rate"
    );
    assert_eq!(
        load(&mut connection, day("2030-06-01"))
            .await
            .unwrap()
            .effective_from,
        day("2027-01-01")
    );

    match load(&mut connection, day("2019-12-31")).await {
        Err(RatingError::NoTableInForce(on)) => assert_eq!(on, day("2019-12-31")),
        other => panic!("expected no table in force, got {other:?}"),
    }
}

#[tokio::test]
async fn only_administrators_change_the_rates() {
    let db = TestDb::new().await;
    let (_, underwriter) = db.staff_pool(GroupRole::Underwriter).await;
    let (admin_name, admin) = db.staff_pool(GroupRole::Admin).await;

    let rates: i64 = sqlx::query_scalar("SELECT count(*) FROM rating_base_rates")
        .fetch_one(&underwriter)
        .await
        .expect("an underwriter reads the rates");
    assert_eq!(rates, 120);
    for statement in [
        "INSERT INTO rating_tables (effective_from, description) VALUES ('2028-01-01', 'mine')",
        "UPDATE rating_base_rates SET base_premium = 1 WHERE policy_type = 'CLASS_1'",
        "UPDATE rating_factors SET multiplier = 0.5",
        "DELETE FROM rating_tables",
    ] {
        let error = sqlx::query(statement)
            .execute(&underwriter)
            .await
            .unwrap_err();
        assert_eq!(violation(&error).0, "42501", "{statement}");
    }

    sqlx::query("INSERT INTO rating_tables (effective_from, description) VALUES ('2028-01-01', '2028 rates')")
        .execute(&admin)
        .await
        .expect("an administrator adds a table");
    sqlx::query(
        "INSERT INTO rating_factors (effective_from, factor_kind, lower_bound, upper_bound, multiplier)
         VALUES ('2028-01-01', 'ENGINE_CC', 0, 2001, 1.00)",
    )
    .execute(&admin)
    .await
    .expect("and its bands");
    crate::harness::assert_refused_by(
        sqlx::query(
            "INSERT INTO rating_factors (effective_from, factor_kind, lower_bound, upper_bound, multiplier)
             VALUES ('2028-01-01', 'ENGINE_CC', 1500, NULL, 1.20)",
        )
        .execute(&admin)
        .await,
        "excl_rating_factors_overlapping_bands",
    );
    crate::harness::assert_refused_by(
        sqlx::query(
            "INSERT INTO rating_factors (effective_from, factor_kind, lower_bound, upper_bound, multiplier)
             VALUES ('2028-01-01', 'DRIVER_AGE', 50, 40, 1.20)",
        )
        .execute(&admin)
        .await,
        "chk_rating_factors_bounds",
    );
    // A table in force is history (0023_administration.sql): the rates are changed in one
    // not yet in force.
    sqlx::query(
        "INSERT INTO rating_base_rates (effective_from, policy_type, vehicle_type, usage_type, base_premium)
         VALUES ('2028-01-01', 'CLASS_3', 'SEDAN', 'PERSONAL', 2200)",
    )
    .execute(&admin)
    .await
    .expect("and its rates");
    let changed = sqlx::query(
        "UPDATE rating_base_rates SET base_premium = base_premium + 100
          WHERE effective_from = '2028-01-01' AND policy_type = 'CLASS_3' AND vehicle_type = 'SEDAN'
            AND usage_type = 'PERSONAL' AND version = 0",
    )
    .execute(&admin)
    .await
    .expect("an administrator changes a rate");
    assert_eq!(changed.rows_affected(), 1);
    let (base, version): (Decimal, i32) = sqlx::query_as(
        "SELECT base_premium, version FROM rating_base_rates
          WHERE effective_from = '2028-01-01' AND policy_type = 'CLASS_3' AND vehicle_type = 'SEDAN'
            AND usage_type = 'PERSONAL'",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!((base, version), (dec!(2300), 1));
    let audited: String = sqlx::query_scalar(
        "SELECT db_user FROM audit_logs WHERE table_name = 'rating_base_rates' AND operation = 'UPDATE'",
    )
    .fetch_one(&db.pool)
    .await
    .expect("the change is audited");
    assert_eq!(audited, admin_name);

    let deleted = sqlx::query("DELETE FROM rating_tables WHERE effective_from = '2028-01-01'")
        .execute(&admin)
        .await
        .expect("an administrator deletes a table, and its bands with it");
    assert_eq!(deleted.rows_affected(), 1);
    let bands: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM rating_factors WHERE effective_from = '2028-01-01'",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(bands, 0);
}

/// A DATABASE_URL for the test database, as the superuser the harness connects as.
async fn database_url(db: &TestDb) -> String {
    if let Ok(url) = std::env::var("PRAKAN_TEST_DATABASE_URL")
        && !url.trim().is_empty()
    {
        let mut url = url::Url::parse(url.trim()).expect("PRAKAN_TEST_DATABASE_URL is a URL");
        url.set_path(&db.name);
        return url.to_string();
    }
    let (sockets, port, user): (String, String, String) = sqlx::query_as(
        "SELECT current_setting('unix_socket_directories'), current_setting('port'), current_user::text",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let socket = sockets.split(',').next().unwrap_or_default().trim();
    let host: String = url::form_urlencoded::byte_serialize(socket.as_bytes()).collect();
    format!("postgresql://{user}@{host}:{port}/{}", db.name)
}

fn prakan_quote(url: &str, args: &[&str]) -> Output {
    let home = tempfile::tempdir().expect("a temporary directory");
    Command::new(env!("CARGO_BIN_EXE_prakan"))
        .arg("quote")
        .args(args)
        .env("DATABASE_URL", url)
        .env("PRAKAN_DATA_DIR", home.path())
        .env("PRAKAN_CONFIG", home.path().join("no-config.toml"))
        .env("PRAKAN_LANG", "en")
        .stdin(Stdio::null())
        .output()
        .expect("run prakan quote")
}

fn json_of(output: &Output) -> serde_json::Value {
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("one JSON object")
}

#[tokio::test]
async fn prakan_quote_prints_the_breakdown() {
    let db = TestDb::new().await;
    let url = database_url(&db).await;

    let class_1 = json_of(&prakan_quote(
        &url,
        &[
            "--type",
            "CLASS_1",
            "--vehicle-type",
            "SEDAN",
            "--year",
            "2021",
            "--engine-cc",
            "1500",
            "--sum-insured",
            "600000",
            "--start",
            "2026-12-01",
            "--juristic",
            "--json",
        ],
    ));
    assert_eq!(class_1["rating_table"], "2020-01-01");
    assert_eq!(class_1["base_premium"], "14910.00");
    assert_eq!(class_1["ncb_discount"], "0.00");
    assert_eq!(class_1["net_premium"], "14910.00");
    assert_eq!(class_1["stamp_duty"], "60.00");
    assert_eq!(class_1["vat"], "1047.90");
    assert_eq!(class_1["total"], "16017.90");
    assert_eq!(class_1["withholding_tax"], "149.70");
    assert_eq!(class_1["payable"], "15868.20");
    assert_eq!(class_1["steps"][0]["label"], "BASE");
    assert_eq!(class_1["steps"][0]["amount"], "7000.00");

    // NCB 30 %: 14,910 − 4,473 = 10,437; stamp 42; VAT 7 % × 10,479 = 733.53.
    let with_ncb = json_of(&prakan_quote(
        &url,
        &[
            "--type",
            "1",
            "--vehicle-type",
            "sedan",
            "--year",
            "2021",
            "--engine-cc",
            "1500",
            "--sum-insured",
            "600,000",
            "--ncb",
            "30",
            "--start",
            "2026-12-01",
            "--json",
        ],
    ));
    assert_eq!(with_ncb["ncb_discount"], "4473.00");
    assert_eq!(with_ncb["total"], "11212.53");

    let cmi = json_of(&prakan_quote(
        &url,
        &["--type", "CMI", "--vehicle-type", "SEDAN", "--json"],
    ));
    assert_eq!(cmi["total"], "645.21");
    assert_eq!(cmi["rating_table"], serde_json::Value::Null);

    let text = prakan_quote(
        &url,
        &[
            "--type",
            "CLASS_1",
            "--vehicle-type",
            "SEDAN",
            "--year",
            "2021",
            "--engine-cc",
            "1500",
            "--sum-insured",
            "600000",
            "--start",
            "2026-12-01",
            "--juristic",
        ],
    );
    assert!(text.status.success());
    let text = String::from_utf8_lossy(&text.stdout);
    for wanted in [
        "vehicle age 5 years",
        "฿14,910.00",
        "฿1,047.90",
        "฿16,017.90",
        "withholding tax 1 %",
        "฿15,868.20",
    ] {
        assert!(text.contains(wanted), "{wanted} in\n{text}");
    }

    for (args, sentence) in [
        (
            vec![
                "--type",
                "CLASS_1",
                "--vehicle-type",
                "SEDAN",
                "--year",
                "2021",
            ],
            "Classes 1, 2+ and 2 insure the vehicle's value",
        ),
        (
            vec![
                "--type",
                "CLASS_1",
                "--vehicle-type",
                "TRUCK",
                "--year",
                "2021",
            ],
            "\"TRUCK\" is not a vehicle type",
        ),
        (
            vec!["--type", "CMI", "--vehicle-type", "SEDAN", "--ncb", "20"],
            "A no-claim discount is for voluntary cover only",
        ),
        (
            vec![
                "--type",
                "CMI",
                "--vehicle-type",
                "PICKUP",
                "--usage",
                "TAXI",
            ],
            "No CMI tariff is published for a pickup for hire",
        ),
        (
            vec![
                "--type",
                "CLASS_3",
                "--vehicle-type",
                "SEDAN",
                "--year",
                "2015",
                "--start",
                "2019-06-01",
            ],
            "No rating table is in force on 2019-06-01",
        ),
    ] {
        let output = prakan_quote(&url, &args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty(), "{args:?}");
        assert_eq!(stderr.trim().lines().count(), 1, "one sentence: {stderr}");
        assert!(
            stderr.starts_with("prakan: ") && stderr.contains(sentence),
            "{args:?}: {stderr}"
        );
    }
}
