//! `update` tests (messages in, state and commands out) and snapshots of each screen on
//! ratatui's TestBackend, with a fixed clock and fixed identities.

mod admin;
mod claims;
mod customers;
mod oversight;
mod policies;
mod reconcile;
mod replicas;
mod snapshots;
mod update;

use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rust_decimal_macros::dec;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use uuid::Uuid;

use super::LoginTarget;
use super::app::{App, AppConfig};
use super::cmd::Cmd;
use super::keymap::Keymap;
use super::msg::Msg;
use super::theme::Theme;
use crate::db::home::{Figure, FigureValue};
use crate::db::session::{LoggedIn, StaffIdentity};
use crate::domain::staff::GroupRole;
use crate::i18n::Lang;

pub const IDLE_LOCK: Duration = Duration::from_secs(15 * 60);

pub fn target() -> LoginTarget {
    LoginTarget {
        base: PgConnectOptions::new()
            .socket("/nonexistent/prakan-test")
            .port(5432)
            .database("prakan"),
        described: "embedded PostgreSQL 15.18 in /var/lib/prakan/pg15".into(),
        embedded: true,
        replicas: Default::default(),
    }
}

pub fn app(lang: Lang, demo_accounts: bool) -> App {
    let mut app = App::new(AppConfig {
        lang,
        theme: Theme::default(),
        keymap: Keymap::default(),
        target: target(),
        demo_accounts,
        idle_lock_after: IDLE_LOCK,
        data_dir: std::env::temp_dir().join("prakan-test-data"),
        now: Instant::now(),
    });
    app.fixed_today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25);
    app
}

pub fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn ctrl(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// Sends each character of `text` as a key press; returns the commands they caused.
pub fn type_text(app: &mut App, text: &str) -> Vec<Cmd> {
    text.chars()
        .flat_map(|c| app.update(key(KeyCode::Char(c))))
        .collect()
}

pub fn staff(group: GroupRole) -> StaffIdentity {
    let (username, first, last) = match group {
        GroupRole::Agent => ("anong", "อนงค์", "ศรีสุข"),
        GroupRole::Underwriter => ("wichai", "วิชัย", "วงศ์สวัสดิ์"),
        GroupRole::Adjuster => ("somchai", "สมชาย", "ใจดี"),
        GroupRole::Surveyor => ("thana", "ธนา", "มีสุข"),
        GroupRole::Finance => ("malee", "มาลี", "พูลผล"),
        GroupRole::Auditor => ("napat", "ณภัทร", "จันทร์เพ็ญ"),
        GroupRole::Admin => ("sudarat", "สุดารัตน์", "อินทร์แก้ว"),
    };
    StaffIdentity {
        id: Uuid::nil(),
        username: username.into(),
        first_name: first.into(),
        last_name: last.into(),
        groups: vec![group],
        authority_limit: dec!(50000),
        preferred_language: "th".into(),
        last_login_at: Some(Utc.with_ymd_and_hms(2026, 11, 24, 2, 15, 0).unwrap()),
        password_changed_at: Some(Utc.with_ymd_and_hms(2026, 10, 1, 9, 0, 0).unwrap()),
    }
}

/// Opens "My account" from the home menu, wherever it sits for this person's roles.
pub fn open_account(app: &mut App, group: GroupRole) {
    let position = crate::tui::access::menu(&[group])
        .iter()
        .position(|s| *s == crate::tui::access::ScreenId::Account)
        .expect("everyone has an account screen");
    let digit = char::from_digit(position as u32 + 1, 10).expect("within the first nine");
    app.update(key(KeyCode::Char(digit)));
}

/// A pool that never connects unless used: enough for screens that are not asked to load.
pub fn idle_pool() -> sqlx::PgPool {
    PgPoolOptions::new().connect_lazy_with(target().base)
}

/// Logs `group`'s demo person in through the login screen; returns the commands the
/// successful login caused (loading the home figures).
pub fn log_in(app: &mut App, group: GroupRole) -> Vec<Cmd> {
    let person = staff(group);
    type_text(app, &person.username);
    app.update(key(KeyCode::Tab));
    type_text(app, "prakan-demo");
    let cmds = app.update(key(KeyCode::Enter));
    let Some(Cmd::LogIn { request, .. }) = cmds.into_iter().next() else {
        panic!("Enter on the password logs in");
    };
    let preferred = app.lang;
    let mut person = person;
    person.preferred_language = preferred.code().into();
    app.update(Msg::LoggedIn {
        request,
        result: Ok(LoggedIn {
            pool: idle_pool(),
            staff: person,
            session_id: "test-session".into(),
            expires_at: Utc::now() + chrono::Duration::hours(8),
        }),
    })
}

/// Home figures as a role would see them.
pub fn figures(group: GroupRole) -> Vec<(GroupRole, Vec<Figure>)> {
    let counted = |label: &'static str, n: i64| Figure {
        label,
        value: FigureValue::Count(n),
    };
    let figures = match group {
        GroupRole::Adjuster => vec![
            counted("figure-my-open-claims", 9),
            counted("figure-unassigned-claims", 3),
            counted("figure-investigation-claims", 7),
            counted("figure-approved-awaiting-settlement", 5),
        ],
        GroupRole::Finance => vec![
            counted("figure-overdue-payments", 42),
            Figure {
                label: "figure-overdue-amount",
                value: FigureValue::Money(dec!(183456.75)),
            },
            counted("figure-due-within-7-days", 12),
            counted("figure-payouts-waiting", 9),
            Figure {
                label: "figure-payouts-amount",
                value: FigureValue::Money(dec!(412300)),
            },
        ],
        _ => vec![
            counted("figure-active-policies", 128),
            counted("figure-draft-quotes", 4),
        ],
    };
    vec![(group, figures)]
}

/// Loads the home figures into a freshly logged-in app.
pub fn with_figures(app: &mut App, cmds: Vec<Cmd>, group: GroupRole) {
    let request = cmds
        .iter()
        .find_map(|c| match c {
            Cmd::LoadFigures { request, .. } => Some(*request),
            _ => None,
        })
        .expect("home loads its figures");
    app.update(Msg::FiguresLoaded {
        request,
        result: Ok(figures(group)),
    });
}

/// The screen as text, as a TestBackend of `width` × `height` shows it.
pub fn screen(app: &mut App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| super::view::draw(app, frame))
        .expect("draw");
    terminal.backend().to_string()
}
