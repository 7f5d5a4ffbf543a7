//! The staff and settings screens: keys in, commands out, and how they look at 80×24.

use chrono::{NaiveDate, TimeZone, Utc};
use crossterm::event::KeyCode;
use insta::assert_snapshot;
use rust_decimal_macros::dec;
use uuid::Uuid;

use super::{app, key, log_in, screen, type_text};
use crate::db::rating_admin::{BaseRateRow, FactorRow, RatingVersion};
use crate::db::settings::{Setting, SettingType};
use crate::db::staff::StaffRow;
use crate::domain::staff::GroupRole;
use crate::i18n::Lang;
use crate::tui::access::ScreenId;
use crate::tui::app::{App, Screen};
use crate::tui::cmd::Cmd;
use crate::tui::msg::Msg;
use crate::tui::screens::settings::work::{SettingsCmd, SettingsMsg};
use crate::tui::screens::staff::Mode;
use crate::tui::screens::staff::work::{StaffCmd, StaffMsg};

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn person(n: u128, username: &str, first: &str, last: &str, group: &str) -> StaffRow {
    StaffRow {
        id: id(n),
        username: username.into(),
        first_name: first.into(),
        last_name: last.into(),
        email: None,
        group_role: group.into(),
        authority_limit: dec!(50000),
        account_status: "ACTIVE".into(),
        can_log_in: true,
        last_login_at: Some(Utc.with_ymd_and_hms(2026, 11, 24, 2, 15, 0).unwrap()),
        live_sessions: 0,
        version: 3,
    }
}

fn directory() -> Vec<StaffRow> {
    let mut somchai = person(2, "somchai", "สมชาย", "ใจดี", "prakan_adjuster");
    somchai.live_sessions = 1;
    let mut boonmee = person(3, "boonmee", "บุญมี", "รักดี", "prakan_agent");
    boonmee.account_status = "INACTIVE".into();
    boonmee.can_log_in = false;
    boonmee.authority_limit = dec!(0);
    boonmee.last_login_at = None;
    vec![
        person(1, "sudarat", "สุดารัตน์", "อินทร์แก้ว", "prakan_admin"),
        somchai,
        boonmee,
    ]
}

fn staff_cmds(cmds: Vec<Cmd>) -> Vec<StaffCmd> {
    cmds.into_iter()
        .filter_map(|cmd| match cmd {
            Cmd::Staff { cmd, .. } => Some(cmd),
            _ => None,
        })
        .collect()
}

fn settings_cmds(cmds: Vec<Cmd>) -> Vec<SettingsCmd> {
    cmds.into_iter()
        .filter_map(|cmd| match cmd {
            Cmd::Settings { cmd, .. } => Some(cmd),
            _ => None,
        })
        .collect()
}

/// The staff screen, opened and loaded.
fn on_staff(lang: Lang) -> App {
    let mut app = app(lang, false);
    log_in(&mut app, GroupRole::Admin);
    let cmds = staff_cmds(app.go(ScreenId::Staff));
    let Some(StaffCmd::Load { request }) = cmds.first() else {
        panic!("the staff screen loads the directory: {cmds:?}");
    };
    app.update(Msg::Staff(Box::new(StaffMsg::Loaded {
        request: *request,
        result: Ok(directory()),
    })));
    app.toast = None;
    app
}

#[tokio::test]
async fn only_an_administrator_opens_the_staff_screen() {
    let mut auditor = app(Lang::En, false);
    log_in(&mut auditor, GroupRole::Auditor);
    assert!(auditor.go(ScreenId::Staff).is_empty());
    assert!(matches!(auditor.screen, Screen::Home(_)));
    assert!(!settings_cmds(auditor.go(ScreenId::Settings)).is_empty());
    assert!(matches!(auditor.screen, Screen::Settings(_)));
}

#[tokio::test]
async fn ending_a_session_asks_first_and_then_sends_the_command() {
    let mut app = on_staff(Lang::En);
    app.update(key(KeyCode::Down));
    assert!(staff_cmds(app.update(key(KeyCode::Char('x')))).is_empty());
    assert!(screen(&mut app, 80, 24).contains("End every live session of สมชาย ใจดี"));
    let cmds = staff_cmds(app.update(key(KeyCode::Char('y'))));
    assert_eq!(
        cmds,
        [StaffCmd::EndSessions {
            username: "somchai".into()
        }]
    );
}

#[tokio::test]
async fn the_database_refusing_the_last_admin_is_a_sentence() {
    let mut app = on_staff(Lang::En);
    app.update(key(KeyCode::Char('d')));
    let cmds = staff_cmds(app.update(key(KeyCode::Char('y'))));
    assert!(matches!(
        cmds.as_slice(),
        [StaffCmd::SetActive {
            active: false,
            version: 3,
            ..
        }]
    ));
    let refusal = crate::db::staff::AdminError::Invalid(crate::msg!("constraint-last-admin"));
    app.update(Msg::Staff(Box::new(StaffMsg::Done(Err(refusal)))));
    assert_eq!(
        app.toast.as_ref().unwrap().message.text(Lang::En),
        "The last active administrator cannot be removed."
    );
}

#[tokio::test]
async fn an_ended_session_goes_back_to_the_login_screen_with_the_reason() {
    let mut app = app(Lang::En, false);
    log_in(&mut app, GroupRole::Adjuster);
    let cmds = app.update(Msg::SessionEnded {
        reason: "ADMIN_ENDED".into(),
    });
    assert!(matches!(cmds.as_slice(), [Cmd::LogOut { .. }]));
    assert!(app.session.is_none());
    assert!(matches!(app.screen, Screen::Login(_)));
    assert!(screen(&mut app, 100, 24).contains("An administrator ended your session."));
}

#[tokio::test]
async fn the_staff_list() {
    for lang in Lang::ALL {
        let mut app = on_staff(lang);
        assert_snapshot!(
            format!("staff_list_{}", lang.code()),
            screen(&mut app, 80, 24)
        );
    }
}

#[tokio::test]
async fn the_add_form_says_what_is_wrong_beside_the_field() {
    for lang in Lang::ALL {
        let mut app = on_staff(lang);
        app.update(key(KeyCode::Char('a')));
        type_text(&mut app, "Pim");
        app.update(key(KeyCode::Tab));
        type_text(&mut app, "พิมพ์");
        for _ in 0..5 {
            app.update(key(KeyCode::Tab));
        }
        type_text(&mut app, "short");
        let cmds = staff_cmds(app.update(key(KeyCode::Enter)));
        assert!(cmds.is_empty(), "nothing is sent: {cmds:?}");
        assert_snapshot!(
            format!("staff_add_invalid_{}", lang.code()),
            screen(&mut app, 80, 24)
        );
    }
}

#[tokio::test]
async fn typed_input_in_the_add_form_is_discarded_only_on_a_second_esc() {
    let mut app = on_staff(Lang::En);
    app.update(key(KeyCode::Char('a')));
    type_text(&mut app, "pim");
    app.update(key(KeyCode::Esc));
    let Screen::Staff(staff) = &app.screen else {
        panic!("still on the staff screen");
    };
    assert!(
        matches!(staff.mode, Mode::Add(_)),
        "the first Esc keeps the form"
    );
    assert_eq!(
        app.toast.as_ref().unwrap().message.text(Lang::En),
        crate::i18n::text(Lang::En, "customers-discard-again", &[])
    );
    app.update(key(KeyCode::Esc));
    let Screen::Staff(staff) = &app.screen else {
        panic!("still on the staff screen");
    };
    assert!(matches!(staff.mode, Mode::List), "the second Esc discards");

    // An untouched form closes at once.
    app.update(key(KeyCode::Char('a')));
    app.update(key(KeyCode::Esc));
    let Screen::Staff(staff) = &app.screen else {
        panic!("still on the staff screen");
    };
    assert!(matches!(staff.mode, Mode::List));
}

fn settings() -> Vec<Setting> {
    let setting = |n: u128, key: &str, category: &str, value: &str, kind, min, max| Setting {
        id: id(n),
        key: key.into(),
        category: category.into(),
        value: Some(value.into()),
        setting_type: kind,
        description: Some("User session timeout in hours".into()),
        is_sensitive: false,
        is_readonly: false,
        validation_regex: None,
        min_value: min,
        max_value: max,
        version: 0,
        updated_at: Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap(),
    };
    let mut secret = setting(
        4,
        "PAYMENT_GATEWAY_KEY",
        "PAYMENT",
        "s3cret",
        SettingType::String,
        None,
        None,
    );
    secret.is_sensitive = true;
    vec![
        setting(
            1,
            "MAX_CLAIM_AMOUNT",
            "CLAIMS",
            "5000000.00",
            SettingType::Decimal,
            Some(dec!(0)),
            None,
        ),
        setting(
            2,
            "PAYMENT_TIMEOUT_MINUTES",
            "PAYMENT",
            "15",
            SettingType::Integer,
            Some(dec!(1)),
            Some(dec!(1440)),
        ),
        secret,
        setting(
            3,
            "SESSION_TIMEOUT_HOURS",
            "SECURITY",
            "8",
            SettingType::Integer,
            Some(dec!(1)),
            Some(dec!(720)),
        ),
    ]
}

fn versions() -> Vec<RatingVersion> {
    let version = |n: u128, date: NaiveDate, description: &str| RatingVersion {
        id: id(n),
        effective_from: date,
        description: description.into(),
        base_rates: 120,
        factors: 20,
        version: 0,
    };
    vec![
        version(
            11,
            NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
            "2027 rates",
        ),
        version(
            10,
            NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
            "Demonstration rates",
        ),
    ]
}

/// The settings screen as an administrator, loaded.
fn on_settings(lang: Lang) -> App {
    let mut app = app(lang, false);
    log_in(&mut app, GroupRole::Admin);
    for cmd in settings_cmds(app.go(ScreenId::Settings)) {
        let msg = match cmd {
            SettingsCmd::LoadSettings { request } => SettingsMsg::SettingsLoaded {
                request,
                result: Ok(settings()),
            },
            SettingsCmd::LoadVersions { request } => SettingsMsg::VersionsLoaded {
                request,
                result: Ok(versions()),
            },
            other => panic!("unexpected {other:?}"),
        };
        app.update(Msg::Settings(Box::new(msg)));
    }
    app.toast = None;
    app
}

#[tokio::test]
async fn a_setting_out_of_bounds_is_refused_beside_the_field() {
    for lang in Lang::ALL {
        let mut app = on_settings(lang);
        app.update(key(KeyCode::End));
        app.update(key(KeyCode::Enter));
        for _ in 0..3 {
            app.update(key(KeyCode::Backspace));
        }
        type_text(&mut app, "1000");
        let cmds = settings_cmds(app.update(key(KeyCode::Enter)));
        assert!(cmds.is_empty(), "nothing is sent: {cmds:?}");
        assert_snapshot!(
            format!("settings_invalid_{}", lang.code()),
            screen(&mut app, 80, 24)
        );
    }
}

#[tokio::test]
async fn a_sensitive_value_stays_masked_until_revealed() {
    let mut app = on_settings(Lang::En);
    assert!(!screen(&mut app, 80, 24).contains("s3cret"));
    app.update(key(KeyCode::Down));
    app.update(key(KeyCode::Down));
    app.update(key(KeyCode::Char('r')));
    assert!(screen(&mut app, 80, 24).contains("s3cret"));
}

fn rows() -> (Vec<BaseRateRow>, Vec<FactorRow>) {
    let base = ["SEDAN", "PICKUP", "SUV"]
        .iter()
        .enumerate()
        .map(|(n, vehicle)| BaseRateRow {
            id: id(100 + n as u128),
            policy_type: "CLASS_1".into(),
            vehicle_type: (*vehicle).into(),
            usage_type: "PERSONAL".into(),
            base_premium: dec!(7000) + rust_decimal::Decimal::from(n as i64 * 700),
            own_damage_rate: dec!(0.012),
            version: 0,
        })
        .collect();
    let factors = vec![FactorRow {
        id: id(200),
        factor_kind: "VEHICLE_AGE".into(),
        lower_bound: dec!(0),
        upper_bound: Some(dec!(3)),
        multiplier: dec!(1.00),
        version: 0,
    }];
    (base, factors)
}

#[tokio::test]
async fn a_future_rating_version_opens_with_its_rates() {
    for lang in Lang::ALL {
        let mut app = on_settings(lang);
        app.update(key(KeyCode::Tab));
        let cmds = settings_cmds(app.update(key(KeyCode::Enter)));
        let Some(SettingsCmd::LoadVersion {
            request,
            effective_from,
        }) = cmds.first()
        else {
            panic!("opening a version loads it: {cmds:?}");
        };
        assert_eq!(
            *effective_from,
            NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()
        );
        app.update(Msg::Settings(Box::new(SettingsMsg::VersionLoaded {
            request: *request,
            result: Ok(rows()),
        })));
        assert_snapshot!(
            format!("rating_version_{}", lang.code()),
            screen(&mut app, 80, 24)
        );
        app.update(key(KeyCode::Char('e')));
        let cmds = settings_cmds(app.update(key(KeyCode::Enter)));
        assert!(
            matches!(cmds.as_slice(), [SettingsCmd::SaveBaseRate { .. }]),
            "a future version is edited: {cmds:?}"
        );
    }
}
