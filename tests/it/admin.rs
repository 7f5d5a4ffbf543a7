//! Administration through the services the staff and settings screens use: accounts,
//! live sessions, settings and rating tables, each checked against the real database.

use chrono::{Duration, NaiveDate};
use prakan::db::rating_admin;
use prakan::db::settings::{self, Setting};
use prakan::db::staff::{self, AdminError, NewStaff};
use prakan::domain::staff::GroupRole;
use prakan::i18n::Lang;
use rust_decimal_macros::dec;
use sqlx::PgPool;

use crate::harness::{PASSWORD, TestDb, assert_refused_by, unique, violation};

fn today() -> NaiveDate {
    prakan::i18n::format::bangkok_date(chrono::Utc::now())
}

async fn row_of(pool: &PgPool, username: &str) -> staff::StaffRow {
    staff::directory(pool)
        .await
        .expect("an administrator lists the staff")
        .into_iter()
        .find(|row| row.username == username)
        .expect("listed")
}

fn sentence(error: &AdminError) -> String {
    error.message().text(Lang::En)
}

#[tokio::test]
async fn a_new_adjuster_logs_in_with_exactly_the_adjusters_rights_and_disabling_blocks_it() {
    let db = TestDb::new().await;
    let (_, admin) = db.staff_pool(GroupRole::Admin).await;
    let username = unique("adj_");
    staff::create_account(
        &admin,
        &NewStaff {
            username: &username,
            group: GroupRole::Adjuster,
            first_name: "สมหญิง",
            last_name: "ใจดี",
            password: "a long enough password",
            authority_limit: dec!(50000),
            email: Some("somying@example.co.th"),
        },
    )
    .await
    .expect("an administrator creates an adjuster");

    let adjuster = db
        .login(&username, "a long enough password")
        .await
        .expect("the new adjuster logs in");
    sqlx::query("SELECT count(*) FROM claims")
        .execute(&adjuster)
        .await
        .expect("an adjuster reads claims");
    let error = sqlx::query("INSERT INTO policies (policy_number) VALUES ('X')")
        .execute(&adjuster)
        .await
        .unwrap_err();
    assert_eq!(violation(&error).0, "42501", "no policy writing: {error}");

    let row = row_of(&admin, &username).await;
    assert_eq!(
        (row.group_role.as_str(), row.authority_limit),
        ("prakan_adjuster", dec!(50000))
    );
    adjuster.close().await;

    staff::set_account_active(&admin, row.id, row.version, false)
        .await
        .expect("disabled");
    let refused = db
        .login(&username, "a long enough password")
        .await
        .unwrap_err();
    assert_eq!(violation(&refused).0, "28000");

    let too_short = staff::create_account(
        &admin,
        &NewStaff {
            username: "shorty",
            group: GroupRole::Agent,
            first_name: "ก",
            last_name: "",
            password: "short",
            authority_limit: dec!(0),
            email: None,
        },
    )
    .await
    .unwrap_err();
    assert!(matches!(too_short, AdminError::Invalid(_)), "{too_short:?}");
}

#[tokio::test]
async fn the_last_administrator_is_neither_disabled_nor_demoted() {
    let db = TestDb::new().await;
    let (admin_name, admin) = db.staff_pool(GroupRole::Admin).await;
    let me = row_of(&admin, &admin_name).await;
    let disabled = staff::set_account_active(&admin, me.id, me.version, false)
        .await
        .unwrap_err();
    assert_eq!(
        sentence(&disabled),
        "The last active administrator cannot be removed."
    );
    let demoted = staff::change_group(&admin, me.id, me.version, GroupRole::Auditor)
        .await
        .unwrap_err();
    assert_eq!(
        sentence(&demoted),
        "The last active administrator cannot be removed."
    );
    assert_refused_by(
        sqlx::query("UPDATE users SET group_role = 'prakan_finance' WHERE username = $1")
            .bind(&admin_name)
            .execute(&admin)
            .await,
        "chk_users_last_admin",
    );
}

#[tokio::test]
async fn a_stale_version_is_a_conflict_and_writes_nothing() {
    let db = TestDb::new().await;
    let (_, admin) = db.staff_pool(GroupRole::Admin).await;
    let agent = db.create_staff(GroupRole::Agent).await;
    let loaded = row_of(&admin, &agent).await;
    staff::set_authority_limit(&admin, loaded.id, loaded.version, dec!(10000))
        .await
        .expect("first change");
    let stale = staff::set_authority_limit(&admin, loaded.id, loaded.version, dec!(99999))
        .await
        .unwrap_err();
    assert!(matches!(stale, AdminError::Conflict), "{stale:?}");
    assert!(sentence(&stale).starts_with("Someone else changed this"));
    assert_eq!(row_of(&admin, &agent).await.authority_limit, dec!(10000));

    let setting = setting_named(&admin, "PAYMENT_TIMEOUT_MINUTES").await;
    settings::update_value(&admin, &setting, "20")
        .await
        .expect("saved");
    let stale = settings::update_value(&admin, &setting, "25")
        .await
        .unwrap_err();
    assert!(matches!(stale, AdminError::Conflict), "{stale:?}");
    assert_eq!(
        setting_named(&admin, "PAYMENT_TIMEOUT_MINUTES")
            .await
            .value
            .as_deref(),
        Some("20")
    );
}

#[tokio::test]
async fn ending_a_session_terminates_the_backend_and_is_audited() {
    let db = TestDb::new().await;
    let (admin_name, admin) = db.staff_pool(GroupRole::Admin).await;
    let adjuster_name = db.create_staff(GroupRole::Adjuster).await;
    let logged_in =
        prakan::db::session::log_in(db.login_options(&adjuster_name, PASSWORD), "test", "test")
            .await
            .expect("the adjuster logs in as prakan does");
    let pid: i32 = sqlx::query_scalar("SELECT pg_backend_pid()")
        .fetch_one(&logged_in.pool)
        .await
        .unwrap();
    assert_eq!(row_of(&admin, &adjuster_name).await.live_sessions, 1);

    let ended = staff::end_sessions(&admin, &adjuster_name)
        .await
        .expect("ended");
    assert!(ended >= 1, "{ended}");
    let alive: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = $1)")
            .bind(pid)
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert!(!alive, "the backend is gone");

    let (actor, operation): (String, String) = sqlx::query_as(
        "SELECT db_user, operation FROM audit_logs
          WHERE table_name = 'users' AND record_id = $1 AND operation = 'TERMINATE'",
    )
    .bind(db.staff_id(&adjuster_name).await)
    .fetch_one(&db.pool)
    .await
    .expect("the action is in the audit trail");
    assert_eq!(
        (actor.as_str(), operation.as_str()),
        (admin_name.as_str(), "TERMINATE")
    );

    // The ended prakan reconnects (its pool opens a new connection) and learns why.
    let check = prakan::db::session::check(&logged_in.pool, &logged_in.session_id)
        .await
        .expect("a new connection answers");
    assert_eq!(
        check,
        prakan::db::session::SessionCheck::Ended("ADMIN_ENDED".into())
    );

    let own = staff::end_sessions(&admin, &admin_name).await.unwrap_err();
    assert_eq!(
        sentence(&own),
        "You cannot end your own session here; log out instead."
    );
}

#[tokio::test]
async fn only_administrators_see_or_end_live_sessions() {
    let db = TestDb::new().await;
    let target = db.create_staff(GroupRole::Agent).await;
    for group in [GroupRole::Auditor, GroupRole::Finance, GroupRole::Agent] {
        let (_, pool) = db.staff_pool(group).await;
        for statement in [
            "SELECT * FROM staff_live_sessions()",
            "SELECT staff_end_sessions($1)",
        ] {
            let error = sqlx::query(statement)
                .bind(&target)
                .execute(&pool)
                .await
                .unwrap_err();
            assert_eq!(violation(&error).0, "42501", "{group} {statement}");
        }
    }
}

async fn setting_named(pool: &PgPool, key: &str) -> Setting {
    settings::list(pool)
        .await
        .expect("settings")
        .into_iter()
        .find(|s| s.key == key)
        .expect("the setting")
}

#[tokio::test]
async fn settings_out_of_bounds_or_form_are_refused_by_the_service_and_in_sql() {
    let db = TestDb::new().await;
    let (_, admin) = db.staff_pool(GroupRole::Admin).await;
    let timeout = setting_named(&admin, "SESSION_TIMEOUT_HOURS").await;
    let error = settings::update_value(&admin, &timeout, "1000")
        .await
        .unwrap_err();
    assert_eq!(sentence(&error), "The value must lie between 1 and 720.");
    let error = settings::update_value(&admin, &timeout, "eight")
        .await
        .unwrap_err();
    assert_eq!(sentence(&error), "Type a whole number, for example 30.");
    assert_refused_by(
        sqlx::query("UPDATE system_configurations SET config_value = '1000' WHERE config_key = 'SESSION_TIMEOUT_HOURS'")
            .execute(&admin)
            .await,
        "chk_system_configurations_range",
    );

    let discount = setting_named(&admin, "DEFAULT_NO_CLAIM_DISCOUNT").await;
    let error = settings::update_value(&admin, &discount, "25")
        .await
        .unwrap_err();
    assert!(sentence(&error).starts_with("The value does not have the required form"));
    assert_refused_by(
        sqlx::query("UPDATE system_configurations SET config_value = '25' WHERE config_key = 'DEFAULT_NO_CLAIM_DISCOUNT'")
            .execute(&admin)
            .await,
        "chk_system_configurations_regex",
    );
    settings::update_value(&admin, &discount, "30")
        .await
        .expect("an allowed value");
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_logs WHERE table_name = 'system_configurations'
            AND record_id = $1 AND business_context = 'SETTING_CHANGE'",
    )
    .bind(discount.id)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(audited, 1);
}

#[tokio::test]
async fn sensitive_values_are_masked_for_an_auditor() {
    let db = TestDb::new().await;
    sqlx::query(
        "INSERT INTO system_configurations (config_key, config_category, config_value, config_type, is_sensitive)
         VALUES ('TEST_GATEWAY_SECRET', 'PAYMENT', 's3cret', 'STRING', true)",
    )
    .execute(&db.pool)
    .await
    .unwrap();
    let (_, admin) = db.staff_pool(GroupRole::Admin).await;
    let (_, auditor) = db.staff_pool(GroupRole::Auditor).await;
    let seen_by_auditor = setting_named(&auditor, "TEST_GATEWAY_SECRET").await;
    assert_eq!(seen_by_auditor.value, None, "masked");
    assert_eq!(
        setting_named(&auditor, "SESSION_TIMEOUT_HOURS")
            .await
            .value
            .as_deref(),
        Some("8")
    );
    assert_eq!(
        setting_named(&admin, "TEST_GATEWAY_SECRET")
            .await
            .value
            .as_deref(),
        Some("s3cret")
    );
    let (_, agent) = db.staff_pool(GroupRole::Agent).await;
    let error = settings::list(&agent).await.unwrap_err();
    assert_eq!(violation(&error).0, "42501");
}

#[tokio::test]
async fn a_new_version_copies_every_row_and_only_a_future_one_is_edited() {
    let db = TestDb::new().await;
    let (_, admin) = db.staff_pool(GroupRole::Admin).await;
    let today = today();
    let future = today + Duration::days(30);
    rating_admin::add_version(&admin, future, "next year's rates", today)
        .await
        .expect("a future version");
    let versions = rating_admin::versions(&admin).await.unwrap();
    let [new, in_force] = versions.as_slice() else {
        panic!("two versions: {versions:?}")
    };
    assert_eq!(new.effective_from, future);
    assert_eq!(
        (new.base_rates, new.factors),
        (in_force.base_rates, in_force.factors)
    );
    assert_eq!((new.base_rates, new.factors), (120, 20));

    let rate = rating_admin::base_rates(&admin, future).await.unwrap()[0].clone();
    rating_admin::set_base_rate(&admin, &rate, dec!(7777), rate.own_damage_rate)
        .await
        .expect("a future rate is edited");
    let stale = rating_admin::set_base_rate(&admin, &rate, dec!(8888), rate.own_damage_rate)
        .await
        .unwrap_err();
    assert!(matches!(stale, AdminError::Conflict));

    let old_rate = rating_admin::base_rates(&admin, in_force.effective_from)
        .await
        .unwrap()[0]
        .clone();
    let refused = rating_admin::set_base_rate(&admin, &old_rate, dec!(1), dec!(0))
        .await
        .unwrap_err();
    assert_eq!(
        sentence(&refused),
        "This rating table is in force and cannot be changed; add a new one from a future date."
    );
    for statement in [
        "UPDATE rating_factors SET multiplier = 2 WHERE effective_from = '2020-01-01'",
        "DELETE FROM rating_tables WHERE effective_from = '2020-01-01'",
        "INSERT INTO rating_tables (effective_from, description) VALUES ('2021-01-01', 'backdated')",
    ] {
        assert_refused_by(
            sqlx::query(statement).execute(&admin).await,
            "chk_rating_tables_in_force",
        );
    }
    let early = rating_admin::add_version(&admin, today, "today", today)
        .await
        .unwrap_err();
    assert!(matches!(early, AdminError::Invalid(_)));

    rating_admin::delete_version(&admin, new)
        .await
        .expect("a future version is deleted");
    let left: i64 =
        sqlx::query_scalar("SELECT count(*) FROM rating_base_rates WHERE effective_from = $1")
            .bind(future)
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(left, 0);
}
