//! `update` alone: keys and results in, state and commands out.

use std::time::Duration;

use crossterm::event::KeyCode;

use super::*;
use crate::db::session::LoginError;
use crate::tui::access::ScreenId;
use crate::tui::app::{Connection, Overlay, PaletteCommand, Screen};
use crate::tui::screens::login::{LoginStatus, PASSWORD, USERNAME};

fn login_status(app: &App) -> LoginStatus {
    match &app.screen {
        Screen::Login(login) => login.status.clone(),
        _ => panic!("not on the login screen"),
    }
}

#[tokio::test]
async fn each_login_failure_has_its_own_sentence_and_keeps_the_username() {
    let failures = [
        (LoginError::WrongCredentials, "Wrong username or password."),
        (
            LoginError::Disabled,
            "This account is disabled: ask an administrator to enable it.",
        ),
        (
            LoginError::NotInDirectory,
            "This database login is not in the staff directory, so it cannot use prakan.",
        ),
        (
            LoginError::NotStaff,
            "This database login is not a prakan staff account.",
        ),
        (
            LoginError::Unreachable {
                tried: "the socket in /var/lib/prakan/pg15/data".into(),
                detail: "connection refused".into(),
            },
            "The database cannot be reached: prakan tried the socket in /var/lib/prakan/pg15/data (connection refused).",
        ),
    ];
    for (error, sentence) in failures {
        let mut app = app(Lang::En, false);
        type_text(&mut app, "somchai");
        app.update(key(KeyCode::Tab));
        type_text(&mut app, "wrong-password");
        let Some(Cmd::LogIn { request, .. }) = app.update(key(KeyCode::Enter)).into_iter().next()
        else {
            panic!("a login is attempted");
        };
        assert_eq!(login_status(&app), LoginStatus::Connecting);
        app.update(Msg::LoggedIn {
            request,
            result: Err(error),
        });
        let LoginStatus::Failed(message) = login_status(&app) else {
            panic!("the failure is shown");
        };
        assert_eq!(message.text(Lang::En), sentence);
        let Screen::Login(login) = &app.screen else {
            unreachable!()
        };
        assert_eq!(login.form.value(USERNAME), "somchai", "the username stays");
        assert_eq!(login.form.value(PASSWORD), "", "the password is gone");
        assert!(screen(&mut app, 120, 24).contains(sentence.split(':').next().unwrap()));
    }
}

#[tokio::test]
async fn an_empty_form_is_refused_beside_its_fields_without_a_login() {
    let mut app = app(Lang::Th, false);
    app.update(key(KeyCode::Tab));
    let cmds = app.update(key(KeyCode::Enter));
    assert!(cmds.is_empty(), "nothing is sent to the database");
    let Screen::Login(login) = &app.screen else {
        unreachable!()
    };
    assert_eq!(
        login.form.fields[USERNAME]
            .error
            .as_ref()
            .unwrap()
            .text(Lang::Th),
        "กรุณากรอกชื่อผู้ใช้"
    );
    assert_eq!(
        login.form.fields[PASSWORD]
            .error
            .as_ref()
            .unwrap()
            .text(Lang::Th),
        "กรุณากรอกรหัสผ่าน"
    );
}

#[tokio::test]
async fn an_older_login_result_is_ignored() {
    let mut app = app(Lang::En, false);
    type_text(&mut app, "somchai");
    app.update(key(KeyCode::Tab));
    type_text(&mut app, "prakan-demo");
    let Some(Cmd::LogIn { request, .. }) = app.update(key(KeyCode::Enter)).into_iter().next()
    else {
        panic!("a login is attempted");
    };
    app.update(Msg::LoggedIn {
        request: request + 7,
        result: Err(LoginError::WrongCredentials),
    });
    assert_eq!(login_status(&app), LoginStatus::Connecting);
}

#[tokio::test]
async fn the_palette_offers_only_the_screens_a_role_may_open() {
    for group in GroupRole::ALL {
        let mut app = app(Lang::En, false);
        log_in(&mut app, group);
        app.update(key(KeyCode::Char(':')));
        let Some(Overlay::Palette(palette)) = &app.overlay else {
            panic!("the palette opens");
        };
        let screens: Vec<ScreenId> = palette
            .picker
            .matches()
            .iter()
            .filter_map(|item| match item.value {
                PaletteCommand::Open(screen) => Some(screen),
                _ => None,
            })
            .collect();
        for screen in &screens {
            assert!(
                crate::tui::access::may_open(&[group], *screen),
                "{group} is offered {screen:?}"
            );
        }
        assert_eq!(
            screens.contains(&ScreenId::Health),
            group == GroupRole::Admin,
            "{group}"
        );
    }
}

#[tokio::test]
async fn a_forbidden_screen_typed_in_full_is_named_and_not_opened() {
    for typed in ["health", "Database health", "สถานะฐานข้อมูล"] {
        let mut app = app(Lang::En, false);
        log_in(&mut app, GroupRole::Adjuster);
        app.update(key(KeyCode::Char(':')));
        type_text(&mut app, typed);
        app.update(key(KeyCode::Enter));
        assert!(matches!(app.screen, Screen::Home(_)));
        let Some(Overlay::Palette(palette)) = &app.overlay else {
            panic!("the palette stays open to say why");
        };
        assert_eq!(
            palette.error.as_ref().unwrap().text(Lang::En),
            "Your role (Adjuster) cannot open Database health."
        );
    }
}

/// Every key a person could press, but those that quit (quitting ends the probe early).
fn every_key() -> Vec<Msg> {
    let mut keys: Vec<Msg> = (' '..='~')
        .filter(|c| *c != 'q')
        .map(|c| key(KeyCode::Char(c)))
        .collect();
    keys.extend(('a'..='z').filter(|c| *c != 'c').map(ctrl));
    keys.extend((1..=12).map(|n| key(KeyCode::F(n))));
    keys.extend(
        [
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
        ]
        .into_iter()
        .map(key),
    );
    keys
}

#[tokio::test]
async fn no_key_takes_a_role_to_a_screen_it_may_not_open() {
    for group in GroupRole::ALL
        .into_iter()
        .filter(|g| *g != GroupRole::Admin)
    {
        for first in every_key() {
            let mut probe = logged_in(group);
            probe.update(first);
            for second in every_key() {
                probe.update(second);
                assert!(
                    !matches!(probe.screen, Screen::Health(_)),
                    "{group} reached the health screen"
                );
            }
        }
    }
}

/// A fresh logged-in app for each probe (the previous one may have quit).
fn logged_in(group: GroupRole) -> App {
    let mut fresh = app(Lang::En, false);
    log_in(&mut fresh, group);
    fresh
}

#[tokio::test]
async fn the_idle_lock_covers_the_screen_and_keeps_what_was_typed() {
    let mut app = app(Lang::En, false);
    log_in(&mut app, GroupRole::Finance);
    open_account(&mut app, GroupRole::Finance);
    assert!(matches!(app.screen, Screen::Account(_)));
    type_text(&mut app, "half-typed");
    let later = app.now + IDLE_LOCK + Duration::from_secs(1);
    app.update(Msg::Tick(later));
    assert!(
        matches!(app.overlay, Some(Overlay::Lock(_))),
        "locked after the idle period"
    );
    assert!(
        !screen(&mut app, 80, 24).contains("Change my password"),
        "the screen is covered"
    );

    type_text(&mut app, "prakan-demo");
    let Some(Cmd::CheckUnlock { request, .. }) = app.update(key(KeyCode::Enter)).into_iter().next()
    else {
        panic!("the password is checked with the database");
    };
    app.update(Msg::UnlockChecked {
        request,
        result: Ok(()),
    });
    assert!(app.overlay.is_none());
    let Screen::Account(account) = &app.screen else {
        panic!("still on my account");
    };
    assert_eq!(account.form.value(0), "half-typed");
}

#[tokio::test]
async fn a_wrong_password_keeps_the_screen_locked() {
    let mut app = app(Lang::Th, false);
    log_in(&mut app, GroupRole::Adjuster);
    app.update(Msg::Tick(app.now + IDLE_LOCK));
    type_text(&mut app, "guess");
    let Some(Cmd::CheckUnlock { request, .. }) = app.update(key(KeyCode::Enter)).into_iter().next()
    else {
        panic!("checked");
    };
    app.update(Msg::UnlockChecked {
        request,
        result: Err(LoginError::WrongCredentials),
    });
    let Some(Overlay::Lock(lock)) = &app.overlay else {
        panic!("still locked");
    };
    assert_eq!(
        lock.error.as_ref().unwrap().text(Lang::Th),
        "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง"
    );
}

#[tokio::test]
async fn switching_language_keeps_the_screen_and_what_was_typed() {
    let mut app = app(Lang::Th, true);
    type_text(&mut app, "somchai");
    app.update(key(KeyCode::Tab));
    type_text(&mut app, "secr");
    app.update(key(KeyCode::F(2)));
    assert_eq!(app.lang, Lang::En);
    let Screen::Login(login) = &app.screen else {
        unreachable!()
    };
    assert_eq!(
        (
            login.form.value(USERNAME),
            login.form.value(PASSWORD),
            login.form.focus
        ),
        ("somchai", "secr", PASSWORD)
    );
    assert!(screen(&mut app, 80, 24).contains("Username"));

    log_in(&mut app, GroupRole::Finance);
    open_account(&mut app, GroupRole::Finance);
    type_text(&mut app, "ก่อนสลับ");
    app.update(key(KeyCode::F(2)));
    let Screen::Account(account) = &app.screen else {
        panic!("still on my account");
    };
    assert_eq!(account.form.value(0), "ก่อนสลับ");
}

#[tokio::test]
async fn the_language_follows_the_persons_preference_and_can_be_kept() {
    let mut app = app(Lang::En, false);
    let person = staff(GroupRole::Underwriter);
    type_text(&mut app, &person.username);
    app.update(key(KeyCode::Tab));
    type_text(&mut app, "prakan-demo");
    let Some(Cmd::LogIn { request, .. }) = app.update(key(KeyCode::Enter)).into_iter().next()
    else {
        panic!()
    };
    app.update(Msg::LoggedIn {
        request,
        result: Ok(LoggedIn {
            pool: idle_pool(),
            staff: person,
            session_id: "s".into(),
            expires_at: Utc::now() + chrono::Duration::hours(1),
        }),
    });
    assert_eq!(app.lang, Lang::Th, "the staff member prefers Thai");
    app.update(key(KeyCode::F(2)));
    open_account(&mut app, GroupRole::Underwriter);
    let cmds = app.update(ctrl('s'));
    assert!(matches!(
        cmds.as_slice(),
        [Cmd::SaveLanguage { lang: Lang::En, .. }]
    ));
}

#[tokio::test]
async fn quitting_with_typed_input_asks_first_and_ends_the_session() {
    let mut app = app(Lang::En, false);
    log_in(&mut app, GroupRole::Auditor);
    app.update(key(KeyCode::Char('2')));
    type_text(&mut app, "x");
    assert!(app.update(ctrl('c')).is_empty());
    assert!(matches!(app.overlay, Some(Overlay::Confirm(_))));
    let cmds = app.update(key(KeyCode::Char('y')));
    assert!(matches!(
        cmds.as_slice(),
        [Cmd::LogOut {
            then_quit: true,
            reason: "QUIT",
            ..
        }]
    ));
    assert!(!app.quit, "waits until the session has ended");
    app.update(Msg::LoggedOut { then_quit: true });
    assert!(app.quit);
}

#[tokio::test]
async fn a_lost_connection_keeps_the_figures_and_recovers_by_itself() {
    let mut app = app(Lang::En, false);
    let cmds = log_in(&mut app, GroupRole::Adjuster);
    with_figures(&mut app, cmds, GroupRole::Adjuster);
    let Some(Cmd::Ping { .. }) = app
        .update(Msg::Tick(app.now + Duration::from_secs(11)))
        .into_iter()
        .next()
    else {
        panic!("a logged-in screen checks the connection");
    };
    app.update(Msg::Pinged {
        result: Err(sqlx::Error::PoolTimedOut),
    });
    assert_eq!(app.connection, Connection::Lost);
    assert!(screen(&mut app, 100, 24).contains("connection lost — retrying"));
    let Screen::Home(home) = &app.screen else {
        unreachable!()
    };
    assert!(
        home.figures.loaded().is_some(),
        "the figures stay on screen"
    );

    let retry = app.update(Msg::Tick(app.now + Duration::from_secs(3)));
    assert!(
        matches!(retry.as_slice(), [Cmd::Ping { .. }]),
        "retries every couple of seconds"
    );
    let reload = app.update(Msg::Pinged { result: Ok(()) });
    assert_eq!(app.connection, Connection::Online);
    assert!(
        matches!(reload.as_slice(), [Cmd::LoadFigures { .. }]),
        "the screen reloads on its own"
    );
}

#[tokio::test]
async fn the_newest_figures_win() {
    let mut app = app(Lang::En, false);
    let first = log_in(&mut app, GroupRole::Adjuster);
    let refresh = app.update(key(KeyCode::Char('r')));
    with_figures(&mut app, refresh, GroupRole::Adjuster);
    let Some(Cmd::LoadFigures { request: stale, .. }) = first.into_iter().next() else {
        panic!()
    };
    app.update(Msg::FiguresLoaded {
        request: stale,
        result: Err(sqlx::Error::Protocol("late".into())),
    });
    let Screen::Home(home) = &app.screen else {
        unreachable!()
    };
    assert!(
        home.figures.loaded().is_some(),
        "a late failure of an older request changes nothing"
    );
}

#[tokio::test]
async fn a_session_opened_by_an_older_attempt_is_ended() {
    let mut app = app(Lang::En, false);
    type_text(&mut app, "somchai");
    app.update(key(KeyCode::Tab));
    type_text(&mut app, "prakan-demo");
    let Some(Cmd::LogIn { request, .. }) = app.update(key(KeyCode::Enter)).into_iter().next()
    else {
        panic!("a login is attempted");
    };
    let stale = LoggedIn {
        pool: idle_pool(),
        staff: staff(GroupRole::Adjuster),
        session_id: "older".into(),
        expires_at: Utc::now() + chrono::Duration::hours(1),
    };
    let cmds = app.update(Msg::LoggedIn {
        request: request - 1,
        result: Ok(stale),
    });
    assert!(matches!(
        cmds.as_slice(),
        [Cmd::LogOut {
            reason: "SUPERSEDED",
            then_quit: false,
            ..
        }]
    ));
    assert!(app.session.is_none());
    assert_eq!(
        login_status(&app),
        LoginStatus::Connecting,
        "the newest attempt is still awaited"
    );
}
