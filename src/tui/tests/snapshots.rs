//! What each screen looks like, at 80×24 unless said otherwise, in Thai and English.

use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::*;
use crate::tui::app::Connection;

#[tokio::test]
async fn login_with_demo_accounts() {
    for lang in Lang::ALL {
        let mut app = app(lang, true);
        assert_snapshot!(
            format!("login_demo_{}", lang.code()),
            screen(&mut app, 80, 24)
        );
    }
}

#[tokio::test]
async fn login_without_demo_accounts() {
    let mut app = app(Lang::En, false);
    assert_snapshot!(screen(&mut app, 80, 24));
}

#[tokio::test]
async fn home_for_each_group_role() {
    for group in GroupRole::ALL {
        let mut app = app(Lang::En, false);
        let cmds = log_in(&mut app, group);
        with_figures(&mut app, cmds, group);
        app.toast = None;
        assert_snapshot!(
            format!("home_{}", group.short_name()),
            screen(&mut app, 80, 24)
        );
    }
}

#[tokio::test]
async fn home_in_thai() {
    let mut app = app(Lang::Th, false);
    let cmds = log_in(&mut app, GroupRole::Finance);
    with_figures(&mut app, cmds, GroupRole::Finance);
    app.toast = None;
    assert_snapshot!(screen(&mut app, 80, 24));
}

#[tokio::test]
async fn help_overlay_lists_the_live_keys() {
    let mut app = app(Lang::En, false);
    let cmds = log_in(&mut app, GroupRole::Adjuster);
    with_figures(&mut app, cmds, GroupRole::Adjuster);
    app.toast = None;
    app.update(key(KeyCode::Char('?')));
    assert_snapshot!(screen(&mut app, 80, 24));
}

#[tokio::test]
async fn a_form_with_inline_errors() {
    for lang in Lang::ALL {
        let mut app = app(lang, false);
        log_in(&mut app, GroupRole::Underwriter);
        open_account(&mut app, GroupRole::Underwriter);
        type_text(&mut app, "เดิม");
        app.update(key(KeyCode::Tab));
        type_text(&mut app, "สั้น");
        app.update(key(KeyCode::Tab));
        type_text(&mut app, "ไม่ตรง");
        app.update(key(KeyCode::Enter));
        app.toast = None;
        assert_snapshot!(
            format!("account_errors_{}", lang.code()),
            screen(&mut app, 80, 24)
        );
    }
}

#[tokio::test]
async fn the_status_bar_when_the_connection_is_lost() {
    let mut app = app(Lang::Th, false);
    let cmds = log_in(&mut app, GroupRole::Adjuster);
    with_figures(&mut app, cmds, GroupRole::Adjuster);
    app.toast = None;
    app.connection = Connection::Lost;
    assert_snapshot!(screen(&mut app, 100, 24));
}

#[tokio::test]
async fn the_idle_lock() {
    let mut app = app(Lang::Th, false);
    log_in(&mut app, GroupRole::Surveyor);
    app.toast = None;
    app.update(Msg::Tick(app.now + IDLE_LOCK));
    assert_snapshot!(screen(&mut app, 80, 24));
}

#[tokio::test]
async fn the_palette_refusing_a_forbidden_screen() {
    let mut app = app(Lang::Th, false);
    let cmds = log_in(&mut app, GroupRole::Agent);
    with_figures(&mut app, cmds, GroupRole::Agent);
    app.toast = None;
    app.update(key(KeyCode::Char(':')));
    type_text(&mut app, "health");
    app.update(key(KeyCode::Enter));
    assert_snapshot!(screen(&mut app, 80, 24));
}
