//! The claim screen: live queues that keep the cursor on its claim, take-next, one claim
//! with its actions, and what a surveyor sees. Database results are answered by hand.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use crossterm::event::KeyCode;
use insta::assert_snapshot;
use ratatui::style::Color;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::*;
use crate::db::claim_queue::{QueueRow, QueueTab, SlaDays, Taken};
use crate::db::claim_work::ApprovalOutcome;
use crate::db::claims::{AssessmentRow, ClaimDetail, ClaimFacts, SettlementRow, StatusChange};
use crate::db::customers::{Conflict, SaveError};
use crate::domain::claim_flow::{ClaimStatus, DamageItem, RepairAction};
use crate::tui::app::Screen;
use crate::tui::keymap::Action;
use crate::tui::screens::claims::work::{Change, ClaimsCmd, ClaimsMsg, Done};
use crate::tui::screens::claims::{ClaimsScreen, Live, View};

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
}

fn claims_cmds(cmds: Vec<Cmd>) -> Vec<ClaimsCmd> {
    cmds.into_iter()
        .filter_map(|cmd| match cmd {
            Cmd::Claims { cmd, .. } => Some(cmd),
            _ => None,
        })
        .collect()
}

fn send(app: &mut App, msg: ClaimsMsg) -> Vec<ClaimsCmd> {
    claims_cmds(app.update(Msg::Claims(Box::new(msg))))
}

fn claims_of(app: &App) -> &ClaimsScreen {
    match &app.screen {
        Screen::Claims(claims) => claims,
        _ => panic!("not on the claim screen"),
    }
}

fn queue_request(cmds: &[ClaimsCmd]) -> (u64, QueueTab) {
    cmds.iter()
        .find_map(|cmd| match cmd {
            ClaimsCmd::LoadQueue { request, tab, .. } => Some((*request, *tab)),
            _ => None,
        })
        .unwrap_or_else(|| panic!("the queue loads: {cmds:?}"))
}

/// The claim screen, opened from the menu (second entry for adjusters and surveyors),
/// with the service levels in and the listener in place; returns the first load of the
/// queue, which waits for the listener.
fn on_claims(lang: Lang, group: GroupRole) -> (App, u64, QueueTab) {
    let mut app = app(lang, false);
    log_in(&mut app, group);
    app.toast = None;
    let cmds = app.update(key(KeyCode::Char('2')));
    assert!(
        cmds.iter().any(|c| matches!(c, Cmd::ListenClaims { .. })),
        "opening the screen listens to the claims channel: {cmds:?}"
    );
    let cmds = claims_cmds(cmds);
    assert!(
        matches!(cmds.as_slice(), [ClaimsCmd::LoadSla]),
        "the queue waits for the listener: {cmds:?}"
    );
    send(
        &mut app,
        ClaimsMsg::SlaLoaded {
            result: Ok(SlaDays::default()),
        },
    );
    let cmds = claims_cmds(app.update(Msg::ClaimsListening));
    let (request, tab) = queue_request(&cmds);
    (app, request, tab)
}

fn row(n: u128, status: &str, age_days: i32) -> QueueRow {
    QueueRow {
        id: id(n),
        claim_number: format!("CLM-2569-{n:07}"),
        plate: format!("{}กข {}", n % 9 + 1, 1000 + n),
        province_th: "กรุงเทพมหานคร".into(),
        customer_name: "สมชาย ใจดี".into(),
        claim_type: "ACCIDENT".into(),
        status: status.into(),
        reported_date: at(25, 2) - chrono::Duration::days(i64::from(age_days)),
        age_days,
        estimated_amount: Some(Decimal::from(12_000 + 1_000 * n as i64)),
        approved_amount: None,
        approval_requested_amount: None,
        adjuster_name: None,
        requires_investigation: false,
        fraud_score: Decimal::ZERO,
        version: 1,
    }
}

fn answer(app: &mut App, request: u64, rows: Vec<QueueRow>) -> Vec<ClaimsCmd> {
    send(
        app,
        ClaimsMsg::QueueLoaded {
            request,
            result: Ok(rows),
        },
    )
}

fn selected(app: &App) -> Option<Uuid> {
    claims_of(app).queue.selected_claim()
}

#[tokio::test]
async fn a_change_elsewhere_reloads_the_tab_and_the_cursor_stays_on_its_claim() {
    let (mut app, request, tab) = on_claims(Lang::En, GroupRole::Adjuster);
    assert_eq!(tab, QueueTab::Unassigned);
    let rows = |ns: &[u128]| ns.iter().map(|n| row(*n, "REPORTED", 0)).collect();
    answer(&mut app, request, rows(&[1, 2, 3, 4]));
    app.update(key(KeyCode::Down));
    app.update(key(KeyCode::Down));
    assert_eq!(selected(&app), Some(id(3)));

    let cmds = claims_cmds(app.update(Msg::ClaimsChanged(vec![id(9)])));
    let (request, _) = queue_request(&cmds);
    answer(&mut app, request, rows(&[9, 1, 3, 4]));
    assert_eq!(
        selected(&app),
        Some(id(3)),
        "claim 9 appeared above and claim 2 left: the cursor follows claim 3"
    );

    let cmds = claims_cmds(app.update(Msg::ClaimsChanged(vec![id(3)])));
    let (request, _) = queue_request(&cmds);
    answer(&mut app, request, rows(&[9, 1, 4, 5]));
    assert_eq!(
        selected(&app),
        Some(id(4)),
        "claim 3 left the tab: the cursor stays on the same line"
    );

    let cmds = claims_cmds(app.update(Msg::ClaimsChanged(vec![])));
    let (request, _) = queue_request(&cmds);
    let during = claims_cmds(app.update(Msg::ClaimsChanged(vec![id(7)])));
    assert!(during.is_empty(), "one load at a time: {during:?}");
    let after = answer(&mut app, request, rows(&[9, 1, 4, 5]));
    assert!(
        matches!(after.as_slice(), [ClaimsCmd::LoadQueue { .. }]),
        "the change during the load is picked up once more: {after:?}"
    );
}

#[tokio::test]
async fn take_next_opens_the_taken_claim_or_says_the_queue_is_empty() {
    let (mut app, request, _) = on_claims(Lang::En, GroupRole::Adjuster);
    answer(&mut app, request, vec![row(1, "REPORTED", 0)]);

    let cmds = claims_cmds(app.update(key(KeyCode::Char('n'))));
    let [ClaimsCmd::TakeNext { request }] = cmds.as_slice() else {
        panic!("n takes the next claim: {cmds:?}");
    };
    let cmds = send(
        &mut app,
        ClaimsMsg::Taken {
            request: *request,
            result: Ok(None),
        },
    );
    assert!(cmds.is_empty());
    assert_eq!(claims_of(&app).view, View::Queue);
    assert_eq!(
        app.toast.as_ref().unwrap().message.text(Lang::En),
        "The queue is empty: no claim is waiting to be taken"
    );

    let cmds = claims_cmds(app.update(key(KeyCode::Char('n'))));
    let [ClaimsCmd::TakeNext { request }] = cmds.as_slice() else {
        panic!("n takes the next claim: {cmds:?}");
    };
    let cmds = send(
        &mut app,
        ClaimsMsg::Taken {
            request: *request,
            result: Ok(Some(Taken {
                id: id(1),
                claim_number: "CLM-2569-0000001".into(),
            })),
        },
    );
    assert!(
        matches!(cmds.as_slice(), [ClaimsCmd::LoadClaim { id, .. }] if *id == self::id(1)),
        "the taken claim opens: {cmds:?}"
    );
    assert_eq!(claims_of(&app).view, View::Claim);
    assert_eq!(
        app.toast.as_ref().unwrap().message.text(Lang::En),
        "You took claim CLM-2569-0000001"
    );
}

#[tokio::test]
async fn a_surveyor_sees_only_the_claims_sent_to_them_and_cannot_take_or_register() {
    let (mut app, request, tab) = on_claims(Lang::En, GroupRole::Surveyor);
    assert_eq!(tab, QueueTab::Mine);
    assert_eq!(claims_of(&app).queue.tabs, [QueueTab::Mine]);
    answer(&mut app, request, vec![row(1, "INVESTIGATING", 2)]);
    for pressed in [
        key(KeyCode::Char('n')),
        key(KeyCode::Char('r')),
        key(KeyCode::Tab),
        key(KeyCode::Char('5')),
    ] {
        let cmds = claims_cmds(app.update(pressed));
        assert!(cmds.is_empty(), "{cmds:?}");
    }
    let claims = claims_of(&app);
    assert!(claims.fnol.is_none(), "no registration form");
    assert_eq!(claims.queue.tab, QueueTab::Mine);
    let shown = screen(&mut app, 120, 12);
    assert!(!shown.contains("take next"), "{shown}");
    assert!(!shown.contains("Unassigned"), "{shown}");

    let cmds = claims_cmds(app.update(key(KeyCode::Enter)));
    let [ClaimsCmd::LoadClaim { request, .. }] = cmds.as_slice() else {
        panic!("Enter opens the claim: {cmds:?}");
    };
    send(
        &mut app,
        ClaimsMsg::ClaimLoaded {
            request: *request,
            result: Ok(Some(Box::new(detail("INVESTIGATING")))),
        },
    );
    assert_eq!(
        claims_of(&app).hints(),
        [Action::Assess, Action::Refresh, Action::Back],
        "a surveyor only assesses"
    );
    for pressed in ['A', 'x', 'g', 'i'] {
        let cmds = claims_cmds(app.update(key(KeyCode::Char(pressed))));
        assert!(cmds.is_empty(), "{pressed}: {cmds:?}");
        assert!(claims_of(&app).claim.prompt.is_none(), "{pressed}");
    }
}

#[tokio::test]
async fn the_live_updates_say_when_they_stop_and_come_back_by_themselves() {
    let (mut app, request, _) = on_claims(Lang::En, GroupRole::Adjuster);
    answer(&mut app, request, vec![row(1, "REPORTED", 0)]);
    assert_eq!(claims_of(&app).live, Live::On);
    let cmds = claims_cmds(app.update(Msg::ClaimsListenStopped(None)));
    let (request, _) = queue_request(&cmds);
    answer(&mut app, request, vec![row(1, "REPORTED", 0)]);
    assert!(matches!(claims_of(&app).live, Live::Stopped { .. }));
    assert!(
        app.toast
            .as_ref()
            .unwrap()
            .message
            .text(Lang::En)
            .starts_with("Live updates stopped")
    );
    let soon = app.update(Msg::Tick(app.now + Duration::from_secs(1)));
    assert!(!soon.iter().any(|c| matches!(c, Cmd::ListenClaims { .. })));
    let later = app.update(Msg::Tick(app.now + Duration::from_secs(6)));
    assert!(
        later.iter().any(|c| matches!(c, Cmd::ListenClaims { .. })),
        "listens again: {later:?}"
    );
    let cmds = claims_cmds(app.update(Msg::ClaimsListening));
    assert!(
        matches!(cmds.as_slice(), [ClaimsCmd::LoadQueue { .. }]),
        "what changed meanwhile is loaded: {cmds:?}"
    );
    assert_eq!(
        app.toast.as_ref().unwrap().message.text(Lang::En),
        "Live updates are back"
    );
}

fn facts(status: &str) -> ClaimFacts {
    ClaimFacts {
        id: id(1),
        claim_number: "CLM-2569-0000001".into(),
        status: status.into(),
        sub_status: None,
        claim_type: "ACCIDENT".into(),
        own_damage_claimed: true,
        incident_date: at(20, 11),
        reported_date: at(21, 2),
        incident_description: "ชนท้ายรถกระบะที่แยกอโศก".into(),
        damage_description: Some("กันชนหลังยุบ ไฟท้ายแตก".into()),
        injury_description: None,
        incident_province_th: Some("กรุงเทพมหานคร".into()),
        location_text: Some("เขตวัฒนา แยกอโศก".into()),
        other_party_name: Some("วีระ สุขใจ".into()),
        other_party_plate: Some("3ขค 4455".into()),
        other_party_insurer: Some("ประกันภัยไทย".into()),
        other_party_phone: None,
        police_report_number: None,
        estimated_amount: Some(dec!(35000)),
        assessed_amount: Some(dec!(28500)),
        approved_amount: None,
        settled_amount: None,
        approval_requested_amount: None,
        approval_requested_by_name: None,
        approved_by_name: None,
        adjuster_id: Some(id(70)),
        adjuster_name: Some("สมชาย ใจดี".into()),
        surveyor_id: None,
        surveyor_name: None,
        fraud_score: dec!(30),
        fraud_flags: vec!["INCIDENT_WITHIN_30_DAYS_OF_INCEPTION".into()],
        requires_investigation: false,
        version: 4,
        policy_id: id(30),
        policy_number: "C1-2569-0000042".into(),
        policy_type: "CLASS_1".into(),
        sum_insured: Some(dec!(600000)),
        policy_start: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        policy_end: NaiveDate::from_ymd_opt(2027, 11, 1).unwrap(),
        customer_id: id(10),
        customer_name: "สุดา มีสุข".into(),
        plate: "1กข 1234".into(),
        province_th: "กรุงเทพมหานคร".into(),
        make: "Toyota".into(),
        model: "Corolla Altis".into(),
        year_of_manufacture: 2021,
        deductible: dec!(2000),
        excess: dec!(1000),
        counterparty_named: true,
    }
}

fn detail(status: &str) -> ClaimDetail {
    ClaimDetail {
        facts: facts(status),
        assessments: vec![AssessmentRow {
            id: id(50),
            assessment_type: "INITIAL".into(),
            assessor_name: "สมชาย ใจดี".into(),
            assessor_type: "ADJUSTER".into(),
            assessment_date: at(23, 4),
            items: vec![
                DamageItem {
                    part: "กันชนหลัง".into(),
                    action: RepairAction::Replace,
                    parts: dec!(18000),
                    labour: dec!(3500),
                },
                DamageItem {
                    part: "ไฟท้ายซ้าย".into(),
                    action: RepairAction::Replace,
                    parts: dec!(5500),
                    labour: dec!(1500),
                },
            ],
            total_loss: false,
            liability_percentage: Some(dec!(0)),
            recommended_amount: Some(dec!(28500)),
            recommended_action: Some("APPROVE".into()),
            notes: Some("คู่กรณีรับผิด".into()),
        }],
        history: vec![
            StatusChange {
                from_status: None,
                to_status: "REPORTED".into(),
                reason: "รับแจ้งทางโทรศัพท์".into(),
                by_name: Some("มาลี พูลผล".into()),
                changed_at: at(21, 2),
            },
            StatusChange {
                from_status: Some("REPORTED".into()),
                to_status: "ASSIGNED".into(),
                reason: "take next".into(),
                by_name: Some("สมชาย ใจดี".into()),
                changed_at: at(21, 3),
            },
        ],
        settlements: Some(Vec::new()),
    }
}

/// The adjuster's claim screen with claim 1 open at `status`.
fn on_claim(lang: Lang, status: &str) -> App {
    let (mut app, request, _) = on_claims(lang, GroupRole::Adjuster);
    answer(&mut app, request, vec![row(1, status, 4)]);
    let cmds = claims_cmds(app.update(key(KeyCode::Enter)));
    let [ClaimsCmd::LoadClaim { request, .. }] = cmds.as_slice() else {
        panic!("Enter opens the claim: {cmds:?}");
    };
    send(
        &mut app,
        ClaimsMsg::ClaimLoaded {
            request: *request,
            result: Ok(Some(Box::new(detail(status)))),
        },
    );
    app.toast = None;
    app
}

#[tokio::test]
async fn the_open_claim_loads_again_when_it_changes_and_not_for_others() {
    let mut app = on_claim(Lang::En, "ASSESSED");
    let others = claims_cmds(app.update(Msg::ClaimsChanged(vec![id(2)])));
    assert!(others.is_empty(), "{others:?}");
    let mine = claims_cmds(app.update(Msg::ClaimsChanged(vec![id(2), id(1)])));
    assert!(
        matches!(mine.as_slice(), [ClaimsCmd::LoadClaim { id, .. }] if *id == self::id(1)),
        "{mine:?}"
    );
}

#[tokio::test]
async fn approving_over_the_authority_sends_the_claim_to_awaiting_approval() {
    let mut app = on_claim(Lang::En, "ASSESSED");
    app.update(key(KeyCode::Char('A')));
    let prompt = claims_of(&app).claim.prompt.as_ref().expect("A asks");
    assert_eq!(prompt.form.value(0), "28500", "the assessed amount");
    app.update(key(KeyCode::Tab));
    type_text(&mut app, "ตรวจแล้ว");
    let cmds = claims_cmds(app.update(key(KeyCode::Enter)));
    let [
        ClaimsCmd::Change {
            request,
            id,
            version,
            change,
        },
    ] = cmds.as_slice()
    else {
        panic!("Enter approves: {cmds:?}");
    };
    assert_eq!((*id, *version), (self::id(1), 4));
    assert_eq!(
        **change,
        Change::Approve {
            amount: dec!(28500),
            reason: "ตรวจแล้ว".into()
        }
    );
    let cmds = send(
        &mut app,
        ClaimsMsg::Changed {
            request: *request,
            result: Ok(Done::Approval(ApprovalOutcome::AwaitingApproval {
                version: 5,
                authority: dec!(20000),
            })),
        },
    );
    assert!(matches!(cmds.as_slice(), [ClaimsCmd::LoadClaim { .. }]));
    assert!(claims_of(&app).claim.prompt.is_none());
    assert_eq!(
        app.toast.as_ref().unwrap().message.text(Lang::En),
        "Over your authority of ฿20,000.00 — sent to Awaiting approval"
    );
}

#[tokio::test]
async fn a_conflict_keeps_the_typed_reason_and_goes_again_at_the_newer_version() {
    let mut app = on_claim(Lang::En, "ASSESSED");
    app.update(key(KeyCode::Char('x')));
    let cmds = claims_cmds(app.update(key(KeyCode::Enter)));
    assert!(cmds.is_empty(), "a reason is needed first");
    type_text(&mut app, "not covered");
    let cmds = claims_cmds(app.update(key(KeyCode::Enter)));
    let [ClaimsCmd::Change { request, .. }] = cmds.as_slice() else {
        panic!("Enter rejects: {cmds:?}");
    };
    let cmds = send(
        &mut app,
        ClaimsMsg::Changed {
            request: *request,
            result: Err(SaveError::Conflict(Conflict {
                by: Some("kittisak".into()),
                at: at(25, 3),
                version: 6,
            })),
        },
    );
    assert!(
        matches!(cmds.as_slice(), [ClaimsCmd::LoadClaim { .. }]),
        "{cmds:?}"
    );
    let prompt = claims_of(&app).claim.prompt.as_ref().expect("still open");
    assert_eq!(prompt.form.value(0), "not covered");
    assert_eq!(prompt.version, 6);
    assert!(
        app.toast
            .as_ref()
            .unwrap()
            .message
            .text(Lang::En)
            .starts_with("kittisak changed this claim at 25 Nov")
    );
    let cmds = claims_cmds(app.update(key(KeyCode::Enter)));
    assert!(
        matches!(cmds.as_slice(), [ClaimsCmd::Change { version: 6, change, .. }]
            if **change == Change::Move { to: ClaimStatus::Rejected, reason: "not covered".into() }),
        "{cmds:?}"
    );
}

#[tokio::test]
async fn a_status_that_does_not_allow_an_action_says_so() {
    let mut app = on_claim(Lang::En, "INVESTIGATING");
    let cmds = claims_cmds(app.update(key(KeyCode::Char('s'))));
    assert!(cmds.is_empty());
    assert!(claims_of(&app).claim.prompt.is_none());
    assert_eq!(
        app.toast.as_ref().unwrap().message.text(Lang::En),
        "Not possible while the claim is investigating"
    );
}

/// The screen as text, then where it is coloured as late (error), due soon (warning) or
/// good (success), row by row.
fn styled_screen(app: &mut App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| crate::tui::view::draw(app, frame))
        .expect("draw");
    let theme = Theme::default();
    let name = |colour: Color| match colour {
        c if c == theme.error => Some("error"),
        c if c == theme.warning => Some("warning"),
        c if c == theme.success => Some("success"),
        _ => None,
    };
    let buffer = terminal.backend().buffer();
    let mut out = terminal.backend().to_string();
    out.push_str("colours:\n");
    for y in 0..height {
        let mut runs: Vec<(u16, u16, &str)> = Vec::new();
        for x in 0..width {
            let Some(colour) = name(buffer[(x, y)].fg) else {
                continue;
            };
            match runs.last_mut() {
                Some((_, end, last)) if *end + 1 == x && *last == colour => *end = x,
                _ => runs.push((x, x, colour)),
            }
        }
        for (start, end, colour) in runs {
            out.push_str(&format!(
                "  row {y:>2}, columns {start:>3}–{end:>3}: {colour}\n"
            ));
        }
    }
    out
}

/// Rows for a tab: one late, one due soon, one on time where the status has a clock.
fn rows_for(tab: QueueTab) -> Vec<QueueRow> {
    match tab {
        QueueTab::Unassigned => vec![
            row(1, "REPORTED", 3),
            row(2, "REPORTED", 1),
            row(3, "REPORTED", 0),
        ],
        QueueTab::Mine => vec![
            row(4, "ASSIGNED", 9),
            row(5, "INVESTIGATING", 7),
            row(6, "ASSIGNED", 2),
        ],
        QueueTab::AwaitingApproval => vec![QueueRow {
            approval_requested_amount: Some(dec!(185000)),
            ..row(7, "ASSESSED", 12)
        }],
        QueueTab::Investigation => vec![
            QueueRow {
                requires_investigation: true,
                claim_type: "THEFT".into(),
                fraud_score: dec!(70),
                ..row(8, "INVESTIGATING", 10)
            },
            QueueRow {
                requires_investigation: true,
                ..row(9, "REPORTED", 0)
            },
        ],
        QueueTab::AllOpen => vec![
            row(1, "REPORTED", 3),
            row(4, "ASSIGNED", 9),
            QueueRow {
                approved_amount: Some(dec!(26500)),
                ..row(10, "APPROVED", 15)
            },
        ],
    }
}

#[tokio::test]
async fn each_tab_with_its_service_level_colours() {
    let (mut app, request, _) = on_claims(Lang::En, GroupRole::Adjuster);
    answer(&mut app, request, rows_for(QueueTab::Unassigned));
    for (digit, tab) in ('1'..='5').zip(QueueTab::ALL) {
        if tab != QueueTab::Unassigned {
            let cmds = claims_cmds(app.update(key(KeyCode::Char(digit))));
            let (request, loaded) = queue_request(&cmds);
            assert_eq!(loaded, tab);
            answer(&mut app, request, rows_for(tab));
        }
        app.toast = None;
        assert_snapshot!(
            format!("queue_{tab:?}").to_lowercase(),
            styled_screen(&mut app, 120, 12)
        );
    }
}

#[tokio::test]
async fn the_all_open_filter_in_thai() {
    let (mut app, _, _) = on_claims(Lang::Th, GroupRole::Adjuster);
    let cmds = claims_cmds(app.update(key(KeyCode::Char('5'))));
    let (request, _) = queue_request(&cmds);
    answer(&mut app, request, rows_for(QueueTab::AllOpen));
    app.update(key(KeyCode::Char('/')));
    app.update(key(KeyCode::Right));
    app.update(key(KeyCode::Tab));
    app.update(key(KeyCode::Tab));
    type_text(&mut app, "เชียงใหม่");
    app.update(key(KeyCode::Tab));
    type_text(&mut app, "20000");
    let cmds = claims_cmds(app.update(key(KeyCode::Enter)));
    let [
        ClaimsCmd::LoadQueue {
            request, filter, ..
        },
    ] = cmds.as_slice()
    else {
        panic!("Enter filters: {cmds:?}");
    };
    assert_eq!(filter.status, Some(ClaimStatus::Reported));
    assert_eq!(filter.province_code.as_deref(), Some("50"));
    assert_eq!(filter.min_amount, Some(dec!(20000)));
    answer(&mut app, *request, vec![row(1, "REPORTED", 3)]);
    app.toast = None;
    assert_snapshot!("queue_all_open_filtered_th", screen(&mut app, 120, 10));
}

#[tokio::test]
async fn a_claim_with_its_assessment() {
    for lang in Lang::ALL {
        let mut app = on_claim(lang, "ASSESSED");
        assert_snapshot!(
            format!("claim_assessed_{}", lang.code()),
            screen(&mut app, 140, 36)
        );
    }
}

#[tokio::test]
async fn the_settle_prompt_shows_the_net() {
    let mut app = on_claim(Lang::En, "APPROVED");
    if let Screen::Claims(claims) = &mut app.screen
        && let crate::tui::remote::Remote::Loaded(detail) = &mut claims.claim.detail
    {
        detail.facts.approved_amount = Some(dec!(28500));
        detail.facts.approved_by_name = Some("กิตติศักดิ์ ศรีวงศ์".into());
        detail.settlements = Some(vec![SettlementRow {
            settlement_type: "REPAIR".into(),
            payee_type: "REPAIR_SHOP".into(),
            payee_name: "อู่ช่างเอก".into(),
            gross_amount: dec!(28500),
            deductible_amount: dec!(2000),
            excess_amount: dec!(1000),
            net_amount: dec!(25500),
            at_fault: false,
            counterparty_named: true,
            status: "PENDING".into(),
            payment_reference: Some("PAY-2569-0000077".into()),
            payment_status: Some("PENDING".into()),
        }]);
    }
    app.update(key(KeyCode::Char('s')));
    assert_snapshot!("claim_settle_prompt_en", screen(&mut app, 140, 36));
}

#[tokio::test]
async fn r_opens_the_registration_form_and_esc_goes_back_to_the_queue() {
    let (mut app, request, _) = on_claims(Lang::En, GroupRole::Adjuster);
    answer(&mut app, request, vec![row(1, "REPORTED", 0)]);
    app.update(key(KeyCode::Char('r')));
    assert!(claims_of(&app).fnol.is_some());
    assert_eq!(app.context(), crate::tui::keymap::Context::ClaimForm);
    let cmds = claims_cmds(app.update(key(KeyCode::Esc)));
    assert!(claims_of(&app).fnol.is_none());
    assert!(
        matches!(cmds.as_slice(), [ClaimsCmd::LoadQueue { .. }]),
        "{cmds:?}"
    );
}

#[tokio::test]
async fn a_conflict_on_the_assessment_keeps_the_form_and_loads_the_claim_again() {
    let mut app = on_claim(Lang::En, "INVESTIGATING");
    app.update(key(KeyCode::Char('a')));
    let request = match &mut app.screen {
        Screen::Claims(claims) => {
            let editor = claims.claim.assessment.as_ref().expect("a opens the form");
            assert_eq!(editor.version, 4);
            claims.claim.write.issue()
        }
        _ => unreachable!(),
    };
    let cmds = send(
        &mut app,
        ClaimsMsg::AssessmentSaved {
            request,
            result: Err(SaveError::Conflict(Conflict {
                by: Some("thana".into()),
                at: at(25, 3),
                version: 7,
            })),
        },
    );
    assert!(
        matches!(cmds.as_slice(), [ClaimsCmd::LoadClaim { .. }]),
        "{cmds:?}"
    );
    let editor = claims_of(&app)
        .claim
        .assessment
        .as_ref()
        .expect("still open");
    assert_eq!(
        editor.version, 7,
        "saving again goes against the newer version"
    );
}

#[tokio::test]
async fn the_help_lists_the_claim_keys_a_person_has() {
    let (mut app, request, _) = on_claims(Lang::En, GroupRole::Adjuster);
    answer(&mut app, request, vec![row(1, "REPORTED", 0)]);
    app.update(key(KeyCode::Char('?')));
    let shown = screen(&mut app, 100, 30);
    for wanted in [
        "Take the oldest unassigned claim",
        "Register a new claim",
        "1–5",
    ] {
        assert!(shown.contains(wanted), "{wanted}:\n{shown}");
    }

    let (mut app, request, _) = on_claims(Lang::En, GroupRole::Surveyor);
    answer(&mut app, request, vec![row(1, "INVESTIGATING", 0)]);
    app.update(key(KeyCode::Char('?')));
    let shown = screen(&mut app, 100, 30);
    for unwanted in ["Take the oldest", "Register a new claim", "1–5"] {
        assert!(!shown.contains(unwanted), "{unwanted}:\n{shown}");
    }
}

/// The shared history pane's load, if `h` started one: (table, id).
fn history_loaded(cmds: &[Cmd]) -> Option<(&'static str, Uuid)> {
    cmds.iter().find_map(|cmd| match cmd {
        Cmd::LoadHistory { table, id, .. } => Some((*table, *id)),
        _ => None,
    })
}

#[tokio::test]
async fn h_opens_the_shared_history_of_the_claim_in_the_queue_and_the_claim_open() {
    let (mut app, request, _) = on_claims(Lang::Th, GroupRole::Adjuster);
    answer(
        &mut app,
        request,
        vec![row(1, "REPORTED", 4), row(2, "ASSIGNED", 9)],
    );
    app.update(key(KeyCode::Down));
    let cmds = app.update(key(KeyCode::Char('h')));
    assert_eq!(history_loaded(&cmds), Some(("claims", id(2))));
    let Some(crate::tui::app::Overlay::History(pane)) = &app.overlay else {
        panic!("the history pane is open over the queue");
    };
    assert_eq!(pane.record.title, "CLM-2569-0000002");
    app.update(key(KeyCode::Esc));
    assert!(app.overlay.is_none(), "Esc closes the pane");
    assert!(matches!(app.screen, crate::tui::app::Screen::Claims(_)));

    let mut app = on_claim(Lang::En, "INVESTIGATING");
    let cmds = app.update(key(KeyCode::Char('h')));
    let open = claims_of(&app).claim.facts().map(|f| f.id);
    assert_eq!(
        history_loaded(&cmds).map(|(t, i)| (t, Some(i))),
        Some(("claims", open))
    );
}
