//! Staff accounts: the login role and the directory row together, passwords checked by
//! PostgreSQL, the directory driving role membership and LOGIN.

use prakan::db::staff;
use prakan::domain::staff::GroupRole;
use rust_decimal_macros::dec;

use crate::harness::{PASSWORD, TestDb, assert_refused_by, violation};

async fn member_of(db: &TestDb, username: &str, group: GroupRole) -> bool {
    sqlx::query_scalar("SELECT pg_has_role($1, $2, 'MEMBER')")
        .bind(username)
        .bind(group.role_name())
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_new_account_logs_in_with_its_password_and_has_its_group_rights() {
    let db = TestDb::new().await;
    let username = db
        .create_staff_with_limit(GroupRole::Adjuster, dec!(75000))
        .await;
    let pool = db
        .login(&username, PASSWORD)
        .await
        .expect("logs in with SCRAM");
    let (who, limit): (String, rust_decimal::Decimal) = sqlx::query_as(
        "SELECT session_user::text, authority_limit FROM users WHERE id = current_staff_id()",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!((who.as_str(), limit), (username.as_str(), dec!(75000)));
    assert!(member_of(&db, &username, GroupRole::Adjuster).await);
    let may_insert_claims: bool =
        sqlx::query_scalar("SELECT has_table_privilege('claims', 'INSERT')")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert!(may_insert_claims);

    let wrong = db.login(&username, "not the password").await.unwrap_err();
    assert_eq!(violation(&wrong).0, "28P01");
}

#[tokio::test]
async fn the_server_never_sees_the_password() {
    let db = TestDb::new().await;
    let username = db.create_staff(GroupRole::Finance).await;
    let stored: String = sqlx::query_scalar("SELECT rolpassword FROM pg_authid WHERE rolname = $1")
        .bind(&username)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert!(stored.starts_with("SCRAM-SHA-256$4096:"));
    assert!(!stored.contains(PASSWORD));

    let error = sqlx::query(
        "SELECT staff_create('plain_text', 'prakan_agent', 'ก', 'ข', 'secret-password')",
    )
    .execute(&db.pool)
    .await
    .unwrap_err();
    assert_eq!(
        violation(&error).0,
        "22023",
        "a plaintext password is refused"
    );
}

#[tokio::test]
async fn disabling_blocks_login_and_enabling_restores_it() {
    let db = TestDb::new().await;
    let username = db.create_staff(GroupRole::Underwriter).await;
    assert!(staff::set_active(&db.pool, &username, false).await.unwrap());
    let error = db.login(&username, PASSWORD).await.unwrap_err();
    assert_eq!(
        violation(&error).0,
        "28000",
        "a disabled account may not log in: {error}"
    );
    assert_eq!(
        prakan::db::error::message(&error).text(prakan::i18n::Lang::En),
        "This account is disabled: ask an administrator to enable it."
    );
    assert!(staff::set_active(&db.pool, &username, true).await.unwrap());
    db.login(&username, PASSWORD).await.expect("enabled again");
    assert!(
        !staff::set_active(&db.pool, "nobody_here", true)
            .await
            .unwrap()
    );
}

#[tokio::test]
async fn changing_the_group_moves_the_role_membership() {
    let db = TestDb::new().await;
    let username = db.create_staff(GroupRole::Agent).await;
    assert!(
        staff::set_group(&db.pool, &username, GroupRole::Finance)
            .await
            .unwrap()
    );
    assert!(member_of(&db, &username, GroupRole::Finance).await);
    assert!(!member_of(&db, &username, GroupRole::Agent).await);
    let listed = staff::list(&db.pool).await.unwrap();
    let entry = listed.iter().find(|s| s.username == username).unwrap();
    assert_eq!(entry.group_role, "prakan_finance");
    assert!(entry.can_log_in);
}

#[tokio::test]
async fn the_last_administrator_stays() {
    let db = TestDb::new().await;
    let first = db.create_staff(GroupRole::Admin).await;
    assert_refused_by(
        staff::set_active(&db.pool, &first, false).await,
        "chk_users_last_admin",
    );
    assert_refused_by(
        staff::set_group(&db.pool, &first, GroupRole::Auditor).await,
        "chk_users_last_admin",
    );
    let second = db.create_staff(GroupRole::Admin).await;
    staff::set_active(&db.pool, &first, false)
        .await
        .expect("another administrator remains");
    assert_refused_by(
        staff::set_active(&db.pool, &second, false).await,
        "chk_users_last_admin",
    );

    let admin_pool = db.login(&second, PASSWORD).await.unwrap();
    let error = sqlx::query("UPDATE users SET account_status = 'SUSPENDED' WHERE username = $1")
        .bind(&second)
        .execute(&admin_pool)
        .await
        .unwrap_err();
    assert_eq!(
        violation(&error).1.as_deref(),
        Some("chk_users_last_admin"),
        "in raw SQL too"
    );
}

#[tokio::test]
async fn a_new_password_replaces_the_old_one() {
    let db = TestDb::new().await;
    let username = db.create_staff(GroupRole::Surveyor).await;
    staff::set_password(&db.pool, &username, "a brand new secret")
        .await
        .unwrap();
    assert_eq!(
        violation(&db.login(&username, PASSWORD).await.unwrap_err()).0,
        "28P01"
    );
    db.login(&username, "a brand new secret")
        .await
        .expect("the new password works");
}

#[tokio::test]
async fn names_that_are_not_staff_accounts_are_refused() {
    let db = TestDb::new().await;
    let mut connection = db.pool.acquire().await.unwrap();
    let outsider = crate::harness::unique("app_");
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "CREATE ROLE \"{outsider}\" LOGIN"
    )))
    .execute(&mut *connection)
    .await
    .unwrap();
    let new = |username: &str| staff::NewStaff {
        username: Box::leak(username.to_string().into_boxed_str()),
        group: GroupRole::Agent,
        first_name: "ก",
        last_name: "ข",
        password: PASSWORD,
        authority_limit: dec!(0),
        email: None,
    };
    let error = staff::create(&mut connection, &new(&outsider))
        .await
        .unwrap_err();
    assert_eq!(
        violation(&error).0,
        "42710",
        "an unrelated database role is not taken over"
    );
    assert_refused_by(
        staff::create(&mut connection, &new("postgres")).await,
        "chk_users_username",
    );
    assert_refused_by(
        staff::create(&mut connection, &new("prakan_admin")).await,
        "chk_users_username",
    );
}
