//! Logging in as a PostgreSQL role, sessions, and the real interface loop against a real
//! database.

use std::time::{Duration, Instant};

use prakan::db::session::{self, LoginError};
use prakan::domain::staff::GroupRole;
use prakan::i18n::Lang;
use prakan::tui::app::{App, AppConfig, Screen};
use prakan::tui::keymap::Keymap;
use prakan::tui::msg::Msg;
use prakan::tui::theme::Theme;
use prakan::tui::{Runtime, TICK};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::harness::{PASSWORD, TestDb, unique};

async fn log_in(
    db: &TestDb,
    username: &str,
    password: &str,
) -> Result<session::LoggedIn, LoginError> {
    session::log_in(
        db.login_options(username, password),
        "the test database",
        "prakan test",
    )
    .await
}

#[tokio::test]
async fn a_login_records_a_session_and_the_last_login() {
    let db = TestDb::new().await;
    let username = db.create_staff(GroupRole::Adjuster).await;
    let logged_in = log_in(&db, &username, PASSWORD).await.expect("logs in");
    assert_eq!(logged_in.staff.username, username);
    assert_eq!(logged_in.staff.groups, [GroupRole::Adjuster]);

    let (method, active, hours, last_login): (String, bool, f64, bool) = sqlx::query_as(
        "SELECT s.login_method, s.is_active, (extract(epoch FROM s.expires_at - s.created_at) / 3600)::float8,
                u.last_login_at IS NOT NULL
           FROM user_sessions s JOIN users u ON u.id = s.user_id
          WHERE s.session_id = $1",
    )
    .bind(&logged_in.session_id)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        (method.as_str(), active, last_login),
        ("PASSWORD", true, true)
    );
    assert!(
        (hours - 8.0).abs() < 0.01,
        "SESSION_TIMEOUT_HOURS is 8: {hours}"
    );

    let version: i32 = sqlx::query_scalar("SELECT version FROM users WHERE username = $1")
        .bind(&username)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(version, 0, "a login is not an edit of the directory row");

    session::log_out(&logged_in.pool, &logged_in.session_id, "LOGOUT")
        .await
        .unwrap();
    let (active, reason): (bool, Option<String>) = sqlx::query_as(
        "SELECT is_active, termination_reason FROM user_sessions WHERE session_id = $1",
    )
    .bind(&logged_in.session_id)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!((active, reason.as_deref()), (false, Some("LOGOUT")));
}

#[tokio::test]
async fn each_failed_login_says_why() {
    let db = TestDb::new().await;
    let adjuster = db.create_staff(GroupRole::Adjuster).await;
    assert_eq!(
        log_in(&db, &adjuster, "wrong password").await.unwrap_err(),
        LoginError::WrongCredentials
    );
    assert_eq!(
        log_in(&db, "nobody_at_all", PASSWORD).await.unwrap_err(),
        LoginError::WrongCredentials
    );

    let disabled = db.create_staff(GroupRole::Finance).await;
    prakan::db::staff::set_active(&db.pool, &disabled, false)
        .await
        .unwrap();
    assert_eq!(
        log_in(&db, &disabled, PASSWORD).await.unwrap_err(),
        LoginError::Disabled,
        "NOLOGIN"
    );

    let outsider = unique("outsider_");
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "CREATE ROLE \"{outsider}\" LOGIN PASSWORD '{PASSWORD}'"
    )))
    .execute(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        log_in(&db, &outsider, PASSWORD).await.unwrap_err(),
        LoginError::NotStaff
    );

    let undirected = unique("undirected_");
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "CREATE ROLE \"{undirected}\" LOGIN PASSWORD '{PASSWORD}' IN ROLE prakan_agent"
    )))
    .execute(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        log_in(&db, &undirected, PASSWORD).await.unwrap_err(),
        LoginError::NotInDirectory
    );

    let superuser = log_in(&db, "postgres", "anything").await.unwrap_err();
    assert_eq!(
        superuser,
        LoginError::NotInDirectory,
        "the cluster superuser is no staff member"
    );

    let nowhere = sqlx::postgres::PgConnectOptions::new()
        .socket("/nonexistent/prakan")
        .username(&adjuster)
        .password(PASSWORD);
    let unreachable = session::log_in(nowhere, "/nonexistent/prakan", "prakan test")
        .await
        .unwrap_err();
    let LoginError::Unreachable { tried, .. } = &unreachable else {
        panic!("unreachable: {unreachable:?}");
    };
    assert_eq!(tried, "/nonexistent/prakan");
    assert!(
        unreachable
            .message()
            .text(Lang::En)
            .contains("prakan tried /nonexistent/prakan")
    );
}

#[tokio::test]
async fn a_directory_status_other_than_active_refuses_the_login() {
    let db = TestDb::new().await;
    let username = db.create_staff(GroupRole::Surveyor).await;
    let pool = db.login(&username, PASSWORD).await.unwrap();
    sqlx::query("UPDATE users SET account_status = 'SUSPENDED' WHERE username = $1")
        .bind(&username)
        .execute(&db.pool)
        .await
        .unwrap();
    let error = session::identity(&pool).await.unwrap_err();
    assert_eq!(error, LoginError::Disabled);
    assert_eq!(
        error.message().text(Lang::En),
        "This account is disabled: ask an administrator to enable it."
    );
}

#[tokio::test]
async fn a_person_changes_their_own_password() {
    let db = TestDb::new().await;
    let username = db.create_staff(GroupRole::Auditor).await;
    let logged_in = log_in(&db, &username, PASSWORD).await.unwrap();
    session::change_own_password(&logged_in.pool, "a new long secret")
        .await
        .expect("changed");
    assert_eq!(
        log_in(&db, &username, PASSWORD).await.unwrap_err(),
        LoginError::WrongCredentials
    );
    log_in(&db, &username, "a new long secret")
        .await
        .expect("the new password works");
    session::verify_password(db.login_options(&username, "a new long secret"), "test")
        .await
        .unwrap();
    let changed: bool = sqlx::query_scalar(
        "SELECT password_changed_at > now() - interval '1 minute' FROM users WHERE username = $1",
    )
    .bind(&username)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert!(changed);
}

/// The real loop, with a test terminal: an adjuster types their login and sees their home.
#[tokio::test]
async fn a_demo_adjuster_logs_in_and_sees_their_open_claims() {
    let db = TestDb::with_demo().await;
    let expected: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM claims c JOIN users u ON u.id = c.adjuster_id
          WHERE u.username = 'somchai' AND c.status NOT IN ('SETTLED', 'CLOSED', 'REJECTED')",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert!(expected > 0, "the demo gives somchai open claims");

    let app = App::new(AppConfig {
        lang: Lang::En,
        theme: Theme::default(),
        keymap: Keymap::default(),
        target: db.login_target(),
        demo_accounts: true,
        idle_lock_after: Duration::from_secs(900),
        data_dir: std::env::temp_dir().join("prakan-test-data"),
        now: Instant::now(),
    });
    let mut runtime = Runtime::new(app);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let keys = runtime.sender();
    let type_keys = |text: &str| {
        for c in text.chars() {
            let code = match c {
                '\t' => crossterm::event::KeyCode::Tab,
                '\n' => crossterm::event::KeyCode::Enter,
                other => crossterm::event::KeyCode::Char(other),
            };
            keys.send(Msg::Key(crossterm::event::KeyEvent::new(
                code,
                crossterm::event::KeyModifiers::NONE,
            )))
            .unwrap();
        }
    };
    type_keys("somchai\tprakan-demo\n");
    let ticks = runtime.sender();
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(TICK).await;
            if ticks.send(Msg::Tick(Instant::now())).is_err() {
                break;
            }
        }
    });
    let home_loaded =
        |app: &App| matches!(&app.screen, Screen::Home(home) if home.figures.loaded().is_some());
    let reached = runtime
        .run_until(&mut terminal, home_loaded, Some(Duration::from_secs(20)))
        .await
        .unwrap();
    assert!(reached, "the home figures arrived");
    terminal
        .draw(|frame| prakan::tui::view::draw(&mut runtime.app, frame))
        .unwrap();
    let screen = terminal.backend().to_string();
    // somchai prefers Thai, so after logging in the screen speaks Thai.
    assert_eq!(runtime.app.lang, Lang::Th);
    let label = prakan::tr!(Lang::Th, "figure-my-open-claims");
    let line = screen
        .lines()
        .find(|l| l.contains(&label))
        .unwrap_or_else(|| panic!("the adjuster's figure is shown:\n{screen}"));
    assert!(
        line.trim_end_matches(['│', '"', ' '])
            .ends_with(&format!(" {expected}")),
        "{line}"
    );
    let role = prakan::tr!(Lang::Th, "role-name", role = "adjuster");
    assert!(
        screen.contains(&format!("somchai · {role}")),
        "the status bar names the person and role"
    );
}

/// The real loop: an underwriter finds a demo customer by part of the name with a letter
/// missing, opens them, and the 360 shows their policies from the database.
#[tokio::test]
async fn a_demo_underwriter_finds_a_customer_by_a_misspelt_name() {
    let db = TestDb::with_demo().await;
    let (id, first, last, policies): (uuid::Uuid, String, String, i64) = sqlx::query_as(
        "SELECT c.id, c.first_name, c.last_name, count(p.id)
           FROM customers c JOIN policies p ON p.customer_id = c.id
          WHERE c.customer_type = 'INDIVIDUAL' AND length(c.last_name) >= 6
          GROUP BY c.id ORDER BY count(p.id) DESC, c.id LIMIT 1",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let typo: String = last.chars().take(2).chain(last.chars().skip(3)).collect();

    let app = App::new(AppConfig {
        lang: Lang::En,
        theme: Theme::default(),
        keymap: Keymap::default(),
        target: db.login_target(),
        demo_accounts: true,
        idle_lock_after: Duration::from_secs(900),
        data_dir: std::env::temp_dir().join("prakan-test-data"),
        now: Instant::now(),
    });
    let mut runtime = Runtime::new(app);
    let mut terminal = Terminal::new(TestBackend::new(120, 36)).unwrap();
    let keys = runtime.sender();
    let press = move |code: crossterm::event::KeyCode| {
        keys.send(Msg::Key(crossterm::event::KeyEvent::new(
            code,
            crossterm::event::KeyModifiers::NONE,
        )))
        .unwrap();
    };
    let type_text = |text: &str| {
        for c in text.chars() {
            press(match c {
                '\t' => crossterm::event::KeyCode::Tab,
                '\n' => crossterm::event::KeyCode::Enter,
                other => crossterm::event::KeyCode::Char(other),
            });
        }
    };
    type_text("wichai\tprakan-demo\n");
    let logged_in = |app: &App| matches!(&app.screen, Screen::Home(_));
    assert!(
        runtime
            .run_until(&mut terminal, logged_in, Some(Duration::from_secs(20)))
            .await
            .unwrap()
    );
    type_text("1");
    type_text(&format!("{first} {typo}"));
    let found = |app: &App| match &app.screen {
        Screen::Customers(screen) => screen
            .search
            .results
            .loaded()
            .is_some_and(|page| !page.hits.is_empty()),
        _ => false,
    };
    assert!(
        runtime
            .run_until(&mut terminal, found, Some(Duration::from_secs(20)))
            .await
            .unwrap(),
        "the search answered"
    );
    let Screen::Customers(screen) = &runtime.app.screen else {
        unreachable!()
    };
    assert_eq!(
        screen.search.hits()[0].customer_id,
        id,
        "the person comes first"
    );
    type_text("\n");
    let opened = |app: &App| match &app.screen {
        Screen::Customers(screen) => screen
            .customer
            .as_ref()
            .is_some_and(|pane| pane.data.loaded().is_some()),
        _ => false,
    };
    assert!(
        runtime
            .run_until(&mut terminal, opened, Some(Duration::from_secs(20)))
            .await
            .unwrap()
    );
    terminal
        .draw(|frame| prakan::tui::view::draw(&mut runtime.app, frame))
        .unwrap();
    let shown = terminal.backend().to_string();
    assert!(shown.contains(&format!("{first} {last}")), "{shown}");
    let tab = prakan::tr!(runtime.app.lang, "customers-tab-policies");
    assert!(
        shown.contains(&format!("{tab} ({policies})")),
        "the policies tab counts theirs:\n{shown}"
    );
}
