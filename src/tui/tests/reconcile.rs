//! The finance screen: the payments overview, importing a statement, the cockpit with its
//! ranked candidates, and payouts. Database results are answered by hand.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use crossterm::event::KeyCode;
use insta::assert_snapshot;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::*;
use crate::db::customers::{Conflict, SaveError};
use crate::db::reconcile::{BankAccount, ImportOutcome, MatchCounts, SavedProfile};
use crate::db::reconcile_work::{
    AgeBucket, Agreement, BucketFigure, Candidate, IssuedReceipt, OpenLine, Overview, OwedPayment,
    Payout, StatusFigure,
};
use crate::domain::statement::LineProblem;
use crate::tui::access::ScreenId;
use crate::tui::app::{Overlay, Screen};
use crate::tui::keymap::Context;
use crate::tui::screens::customers::editor::SaveStatus;
use crate::tui::screens::reconcile::work::{
    ImportProblem, ReconcileCmd, ReconcileMsg, StatementLines, StatementRow, Write, Written,
};
use crate::tui::screens::reconcile::{ReconcileScreen, Tab};

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
}

fn day(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, day).unwrap()
}

fn reconcile_cmds(cmds: Vec<Cmd>) -> Vec<ReconcileCmd> {
    cmds.into_iter()
        .filter_map(|cmd| match cmd {
            Cmd::Reconcile { cmd, .. } => Some(cmd),
            _ => None,
        })
        .collect()
}

fn send(app: &mut App, msg: ReconcileMsg) -> Vec<ReconcileCmd> {
    reconcile_cmds(app.update(Msg::Reconcile(Box::new(msg))))
}

fn screen_of(app: &App) -> &ReconcileScreen {
    match &app.screen {
        Screen::Reconcile(screen) => screen,
        _ => panic!("not on the finance screen"),
    }
}

/// The finance screen, opened from the menu (second entry for finance), with what the
/// payments tab asked for.
fn on_reconcile(lang: Lang) -> (App, Vec<ReconcileCmd>) {
    let mut app = app(lang, false);
    log_in(&mut app, GroupRole::Finance);
    app.toast = None;
    let cmds = reconcile_cmds(app.update(key(KeyCode::Char('2'))));
    assert!(
        matches!(app.screen, Screen::Reconcile(_)),
        "finance opens the screen from the menu"
    );
    (app, cmds)
}

fn overview() -> Overview {
    let bucket = |bucket, count, amount| BucketFigure {
        bucket,
        count,
        amount,
    };
    let status = |direction: &str, payment_type: &str, status: &str, count, amount| StatusFigure {
        direction: direction.into(),
        payment_type: payment_type.into(),
        status: status.into(),
        count,
        amount,
    };
    Overview {
        overdue: vec![
            bucket(AgeBucket::UpTo30, 42, dec!(183456.75)),
            bucket(AgeBucket::UpTo60, 9, dec!(48210.40)),
            bucket(AgeBucket::UpTo90, 3, dec!(12880.00)),
            bucket(AgeBucket::Over90, 1, dec!(7450.00)),
        ],
        due_soon: (128, dec!(1204330.50)),
        payouts_waiting: (2, dec!(31200.00)),
        by_status: vec![
            status("INCOMING", "INSTALLMENT", "PENDING", 183, dec!(1456327.65)),
            status(
                "INCOMING",
                "INSTALLMENT",
                "SUCCESS",
                2410,
                dec!(19876543.21),
            ),
            status("INCOMING", "PREMIUM", "SUCCESS", 812, dec!(9120456.00)),
            status("OUTGOING", "CLAIM_SETTLEMENT", "PENDING", 1, dec!(25500.00)),
            status("OUTGOING", "REFUND", "PENDING", 1, dec!(5700.00)),
        ],
    }
}

fn owed(n: u128, days_overdue: i32, amount: Decimal) -> OwedPayment {
    OwedPayment {
        id: id(n),
        version: 1,
        juristic: n % 3 == 2,
        reference: Some(format!("PAY-2569-{n:07}")),
        policy_number: Some(format!("C1-2569-{:07}", 40 + n)),
        customer_name: ["สุดา มีสุข", "วีระ สุขใจ", "บริษัท ขนส่งไทย จำกัด"][n as usize % 3].into(),
        payment_type: "INSTALLMENT".into(),
        installment_number: Some(2),
        total_installments: Some(12),
        due_date: Some(day(11, 25) - chrono::Duration::days(i64::from(days_overdue))),
        amount_due: amount,
        days_overdue,
    }
}

fn owed_rows() -> Vec<OwedPayment> {
    vec![
        owed(1, 97, dec!(7450.00)),
        owed(2, 45, dec!(10742.80)),
        owed(3, 12, dec!(1790.25)),
        owed(4, 0, dec!(2580.00)),
    ]
}

/// The payments tab with its figures and owed payments in.
fn on_payments(lang: Lang) -> App {
    let (mut app, cmds) = on_reconcile(lang);
    for cmd in cmds {
        match cmd {
            ReconcileCmd::LoadOverview { request } => {
                send(
                    &mut app,
                    ReconcileMsg::OverviewLoaded {
                        request,
                        result: Ok(overview()),
                    },
                );
            }
            ReconcileCmd::LoadOwed { request, .. } => {
                send(
                    &mut app,
                    ReconcileMsg::OwedLoaded {
                        request,
                        result: Ok(owed_rows()),
                    },
                );
            }
            other => panic!("the payments tab loads its figures and list: {other:?}"),
        }
    }
    app.toast = None;
    app
}

fn line(n: u128, amount: Decimal, age_days: i32, status: &str) -> OpenLine {
    OpenLine {
        id: id(100 + n),
        statement_id: id(99),
        account_code: "KBANK-PREMIUM".into(),
        booked_at: at(25, 3) - chrono::Duration::days(i64::from(age_days)),
        amount,
        ref1: (n != 3).then(|| format!("PAY25690000{n:03}")),
        ref2: (n == 1).then(|| "C125690000041".into()),
        description: ["โอนเงิน บจก. ขนส่งไทย", "PROMPTPAY สุดา มีสุข", "CDM DEPOSIT"][n as usize % 3]
            .into(),
        status: status.into(),
        dispute_note: (status == "DISPUTED").then(|| "ลูกค้าแจ้งว่าโอนซ้ำ".into()),
        age_days,
        version: 3,
    }
}

fn lines() -> Vec<OpenLine> {
    vec![
        line(1, dec!(10642.40), 9, "UNMATCHED"),
        line(2, dec!(15000.00), 5, "UNMATCHED"),
        line(3, dec!(1790.25), 1, "UNMATCHED"),
        line(4, dec!(3200.00), 12, "DISPUTED"),
    ]
}

fn candidate(
    n: u128,
    customer: &str,
    due: Decimal,
    withholding: Decimal,
    agreements: Vec<Agreement>,
) -> Candidate {
    Candidate {
        payment_id: id(200 + n),
        payment_created_at: at(1, 9),
        version: 1,
        reference: Some(format!("PAY-2569-{:07}", 10 + n)),
        policy_number: Some(format!("C1-2569-{:07}", 40 + n)),
        customer_name: customer.into(),
        juristic: !withholding.is_zero(),
        payment_type: "INSTALLMENT".into(),
        installment: Some((n as i32 + 1, 12)),
        due_date: Some(day(11, 14 + n as u32)),
        amount_due: due,
        withholding,
        agreements,
    }
}

/// The first line's candidates, as the database ranks them (best first).
fn candidates() -> Vec<Candidate> {
    vec![
        candidate(
            1,
            "บริษัท ขนส่งไทย จำกัด",
            dec!(10742.80),
            dec!(100.40),
            vec![
                Agreement::Reference,
                Agreement::AmountLessWithholding,
                Agreement::DateNear(2),
                Agreement::Name(0.82),
            ],
        ),
        candidate(
            2,
            "บริษัท ขนส่งไทย จำกัด",
            dec!(10742.80),
            dec!(100.40),
            vec![Agreement::AmountLessWithholding, Agreement::Name(0.82)],
        ),
        candidate(
            3,
            "สมศรี ขนส่ง",
            dec!(10642.40),
            dec!(0),
            vec![Agreement::Amount],
        ),
    ]
}

/// The cockpit (third tab) with its lines in; returns the candidates' request of the first.
fn on_cockpit(lang: Lang) -> (App, u64) {
    let mut app = on_payments(lang);
    let cmds = reconcile_cmds(app.update(key(KeyCode::Char('3'))));
    let [ReconcileCmd::LoadLines { request }] = cmds.as_slice() else {
        panic!("3 opens the cockpit, which loads its lines: {cmds:?}");
    };
    let cmds = send(
        &mut app,
        ReconcileMsg::LinesLoaded {
            request: *request,
            result: Ok(lines()),
        },
    );
    let [ReconcileCmd::LoadCandidates { request, line_id }] = cmds.as_slice() else {
        panic!("the first line's candidates load: {cmds:?}");
    };
    assert_eq!(*line_id, id(101), "the oldest unmatched line comes first");
    (app, *request)
}

fn answer_candidates(app: &mut App, request: u64, line_id: Uuid, found: Vec<Candidate>) {
    send(
        app,
        ReconcileMsg::CandidatesLoaded {
            request,
            line_id,
            result: Ok(found),
        },
    );
}

fn writes(cmds: &[ReconcileCmd]) -> Vec<(u64, Write)> {
    cmds.iter()
        .filter_map(|cmd| match cmd {
            ReconcileCmd::Write { request, write } => Some((*request, (**write).clone())),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn finance_and_administrators_open_the_screen_and_an_adjuster_does_not() {
    let (app, cmds) = on_reconcile(Lang::En);
    assert!(
        cmds.iter()
            .any(|c| matches!(c, ReconcileCmd::LoadOverview { .. })),
        "{cmds:?}"
    );
    assert_eq!(screen_of(&app).tab, Tab::Payments);

    let mut admin = super::app(Lang::En, false);
    log_in(&mut admin, GroupRole::Admin);
    admin.go(ScreenId::Reconcile);
    assert!(matches!(admin.screen, Screen::Reconcile(_)));

    let mut adjuster = super::app(Lang::En, false);
    log_in(&mut adjuster, GroupRole::Adjuster);
    let cmds = adjuster.go(ScreenId::Reconcile);
    assert!(cmds.is_empty());
    assert!(matches!(adjuster.screen, Screen::Home(_)));
    for typed in ["reconcile", "การเงิน", "กระทบยอด"] {
        adjuster.update(key(KeyCode::Char(':')));
        type_text(&mut adjuster, typed);
        adjuster.update(key(KeyCode::Enter));
        assert!(matches!(adjuster.screen, Screen::Home(_)), "{typed}");
        let Some(Overlay::Palette(palette)) = &adjuster.overlay else {
            panic!("the palette stays open to say why");
        };
        assert_eq!(
            palette.error.as_ref().unwrap().text(Lang::En),
            "Your role (Adjuster) cannot open Payments and reconciliation.",
            "{typed}"
        );
        adjuster.overlay = None;
    }
}

#[tokio::test]
async fn the_candidates_of_the_line_the_selection_rests_on_win() {
    let (mut app, first) = on_cockpit(Lang::En);
    let cmds = reconcile_cmds(app.update(key(KeyCode::Down)));
    let [
        ReconcileCmd::LoadCandidates {
            request: second,
            line_id,
        },
    ] = cmds.as_slice()
    else {
        panic!("moving asks for the next line's candidates: {cmds:?}");
    };
    assert_eq!(*line_id, id(102));
    let slot = Cmd::Reconcile {
        pool: idle_pool(),
        cmd: ReconcileCmd::LoadCandidates {
            request: *second,
            line_id: *line_id,
        },
        data_dir: std::env::temp_dir(),
    }
    .slot();
    assert_eq!(
        slot,
        Some("reconcile-candidates"),
        "a newer request aborts the one still waiting"
    );

    answer_candidates(&mut app, first, id(101), candidates());
    let cockpit = &screen_of(&app).cockpit;
    assert!(
        cockpit.loaded_candidates().is_none(),
        "the first line's answer came too late: dropped"
    );
    assert!(cockpit.candidates.is_loading());

    let second_found = vec![candidate(
        5,
        "สุดา มีสุข",
        dec!(15000),
        dec!(0),
        vec![Agreement::Amount],
    )];
    answer_candidates(&mut app, *second, id(102), second_found.clone());
    assert_eq!(
        screen_of(&app).cockpit.loaded_candidates(),
        Some(&second_found)
    );

    let cmds = reconcile_cmds(app.update(key(KeyCode::Char('m'))));
    assert!(cmds.is_empty(), "m asks first: {cmds:?}");
    let cmds = reconcile_cmds(app.update(key(KeyCode::Enter)));
    let [(request, write)] = writes(&cmds).try_into().expect("Enter matches");
    assert_eq!(
        write,
        Write::Match {
            line_id: id(102),
            version: 3,
            allocations: vec![crate::db::reconcile_work::Allocation {
                payment_id: id(205),
                payment_created_at: at(1, 9),
                amount: dec!(15000),
                withholding: dec!(0),
            }],
        }
    );
    let cmds = send(
        &mut app,
        ReconcileMsg::Written {
            request,
            result: Ok(Written::Matched(vec![IssuedReceipt {
                payment_id: id(205),
                receipt_id: id(300),
                receipt_number: "RC-2569-0000123".into(),
            }])),
        },
    );
    assert!(
        matches!(cmds.as_slice(), [ReconcileCmd::LoadLines { .. }]),
        "the lines load again: {cmds:?}"
    );
    assert!(screen_of(&app).prompt.is_none());
    assert_eq!(
        app.toast.as_ref().unwrap().message.text(Lang::En),
        "Matched: receipt RC-2569-0000123"
    );
}

#[tokio::test]
async fn a_split_must_add_up_to_the_line() {
    let (mut app, _) = on_cockpit(Lang::En);
    let cmds = reconcile_cmds(app.update(key(KeyCode::Down)));
    let [ReconcileCmd::LoadCandidates { request, line_id }] = cmds.as_slice() else {
        panic!("{cmds:?}");
    };
    let found = vec![
        candidate(
            6,
            "สุดา มีสุข",
            dec!(10000),
            dec!(0),
            vec![Agreement::Name(0.9)],
        ),
        candidate(
            7,
            "สุดา มีสุข",
            dec!(8000),
            dec!(0),
            vec![Agreement::Name(0.9)],
        ),
    ];
    answer_candidates(&mut app, *request, *line_id, found);
    app.update(key(KeyCode::Char('s')));
    assert_eq!(app.context(), Context::ReconcileSplit);
    app.update(key(KeyCode::Char(' ')));
    let prompt = screen_of(&app).prompt.as_ref().expect("s opens the split");
    assert_eq!(
        prompt.form.value(0),
        "10000",
        "included with what is left of the line, at most what is due"
    );
    app.update(key(KeyCode::Down));
    type_text(&mut app, "4000");
    let cmds = reconcile_cmds(app.update(key(KeyCode::Enter)));
    assert!(cmds.is_empty(), "refused: {cmds:?}");
    let prompt = screen_of(&app).prompt.as_ref().unwrap();
    assert!(!prompt.confirming);
    let SaveStatus::Failed(message) = &prompt.status else {
        panic!("the prompt says why: {:?}", prompt.status);
    };
    assert_eq!(
        message.text(Lang::En),
        "The amounts make ฿14,000.00 but the line is ฿15,000.00 (฿1,000.00 left)"
    );
    assert_eq!(prompt.form.value(1), "4000", "what was typed stays");

    for _ in 0..4 {
        app.update(key(KeyCode::Backspace));
    }
    type_text(&mut app, "9000");
    let cmds = reconcile_cmds(app.update(key(KeyCode::Enter)));
    assert!(cmds.is_empty(), "more than is due: {cmds:?}");
    assert_eq!(
        screen_of(&app).prompt.as_ref().unwrap().form.fields[1]
            .error
            .as_ref()
            .unwrap()
            .text(Lang::En),
        "More than is due (฿8,000.00)"
    );

    for _ in 0..4 {
        app.update(key(KeyCode::Backspace));
    }
    type_text(&mut app, "5000");
    let cmds = reconcile_cmds(app.update(key(KeyCode::Enter)));
    assert!(
        cmds.is_empty(),
        "the first Enter shows what will be recorded"
    );
    assert!(screen_of(&app).prompt.as_ref().unwrap().confirming);
    let cmds = reconcile_cmds(app.update(key(KeyCode::Enter)));
    let written = writes(&cmds);
    let [(_, Write::Match { allocations, .. })] = written.as_slice() else {
        panic!("the second Enter splits: {cmds:?}");
    };
    assert_eq!(
        allocations
            .iter()
            .map(|a| (a.payment_id, a.amount))
            .collect::<Vec<_>>(),
        [(id(206), dec!(10000)), (id(207), dec!(5000))]
    );
}

#[tokio::test]
async fn a_conflict_keeps_the_typed_note_and_names_who_changed_the_line() {
    let (mut app, _) = on_cockpit(Lang::En);
    app.update(key(KeyCode::Char('d')));
    let cmds = reconcile_cmds(app.update(key(KeyCode::Enter)));
    assert!(cmds.is_empty(), "a note is needed");
    type_text(&mut app, "ยอดไม่ตรงกับงวดใด");
    let cmds = reconcile_cmds(app.update(key(KeyCode::Enter)));
    let written = writes(&cmds);
    let [(request, Write::Dispute { version: 3, .. })] = written.as_slice() else {
        panic!("Enter disputes: {cmds:?}");
    };
    let cmds = send(
        &mut app,
        ReconcileMsg::Written {
            request: *request,
            result: Err(SaveError::Conflict(Conflict {
                by: Some("somsak".into()),
                at: at(25, 4),
                version: 5,
            })),
        },
    );
    assert!(
        matches!(cmds.as_slice(), [ReconcileCmd::LoadLines { .. }]),
        "{cmds:?}"
    );
    let prompt = screen_of(&app).prompt.as_ref().expect("still open");
    assert_eq!(prompt.form.value(0), "ยอดไม่ตรงกับงวดใด");
    assert_eq!(prompt.version, 5);
    assert_eq!(
        app.toast.as_ref().unwrap().message.text(Lang::En),
        "somsak changed this at 25 Nov BE 2569 11:00; it is loaded again. Check, then confirm once more."
    );
    let cmds = reconcile_cmds(app.update(key(KeyCode::Enter)));
    assert!(
        matches!(writes(&cmds).as_slice(), [(_, Write::Dispute { version: 5, note, .. })] if note == "ยอดไม่ตรงกับงวดใด"),
        "{cmds:?}"
    );
}

#[tokio::test]
async fn a_disputed_line_is_settled_before_it_is_matched() {
    let (mut app, _) = on_cockpit(Lang::En);
    app.update(key(KeyCode::End));
    let line = screen_of(&app).cockpit.selected_line().unwrap().clone();
    assert_eq!(line.status, "DISPUTED", "disputed lines come last");
    let cmds = reconcile_cmds(app.update(key(KeyCode::Char('m'))));
    assert!(writes(&cmds).is_empty());
    assert_eq!(
        app.toast.as_ref().unwrap().message.text(Lang::En),
        "The line is disputed: settle the dispute first (D)"
    );
    let cmds = reconcile_cmds(app.update(key(KeyCode::Char('D'))));
    assert_eq!(
        writes(&cmds)
            .into_iter()
            .map(|(_, w)| w)
            .collect::<Vec<_>>(),
        [Write::ClearDispute {
            line_id: line.id,
            version: 3
        }]
    );
}

#[tokio::test]
async fn a_counter_payment_shows_its_receipt_and_p_prints_it_into_the_data_directory() {
    let mut app = on_payments(Lang::En);
    assert!(reconcile_cmds(app.update(key(KeyCode::Char('p')))).is_empty());
    assert_eq!(
        app.toast.as_ref().unwrap().message.text(Lang::En),
        crate::i18n::text(Lang::En, "doc-no-receipt-selected", &[]),
        "nothing issued yet: p says so and prints nothing"
    );
    app.update(key(KeyCode::Down));
    app.update(key(KeyCode::Char('c')));
    assert!(screen_of(&app).prompt.is_some());
    app.update(key(KeyCode::Right));
    app.update(key(KeyCode::Tab));
    type_text(&mut app, "0012345");
    app.update(key(KeyCode::Tab));
    for _ in 0..3 {
        app.update(key(KeyCode::Backspace));
    }
    type_text(&mut app, "100.40");
    let shown = screen(&mut app, 120, 30);
    assert!(shown.contains("Received: ฿10,642.40"), "{shown}");
    let cmds = reconcile_cmds(app.update(key(KeyCode::Enter)));
    let written = writes(&cmds);
    let [(request, Write::Counter { payment, .. })] = written.as_slice() else {
        panic!("Enter records the payment: {cmds:?}");
    };
    assert_eq!(payment.reference.as_deref(), Some("0012345"));
    assert_eq!(payment.withholding, dec!(100.40));
    send(
        &mut app,
        ReconcileMsg::Written {
            request: *request,
            result: Ok(Written::CounterPaid(IssuedReceipt {
                payment_id: id(2),
                receipt_id: id(301),
                receipt_number: "RC-2569-0000124".into(),
            })),
        },
    );
    assert_eq!(
        app.toast.as_ref().unwrap().message.text(Lang::En),
        "Paid at the counter: receipt RC-2569-0000124 issued"
    );

    let printing: Vec<(ReconcileCmd, std::path::PathBuf)> = app
        .update(key(KeyCode::Char('p')))
        .into_iter()
        .filter_map(|cmd| match cmd {
            Cmd::Reconcile { cmd, data_dir, .. } => Some((cmd, data_dir)),
            _ => None,
        })
        .collect();
    let [(ReconcileCmd::PrintReceipts { numbers, .. }, data_dir)] = printing.as_slice() else {
        panic!("p prints the receipt just issued: {printing:?}");
    };
    assert_eq!(numbers, &["RC-2569-0000124".to_string()]);
    assert_eq!(data_dir, &app.data_dir);
}

#[tokio::test]
async fn the_ageing_overview() {
    for lang in Lang::ALL {
        let mut app = on_payments(lang);
        assert_snapshot!(
            format!("payments_overview_{}", lang.code()),
            screen(&mut app, 120, 26)
        );
    }
}

#[tokio::test]
async fn the_cockpit_with_candidates_and_their_reasons() {
    for lang in Lang::ALL {
        let (mut app, request) = on_cockpit(lang);
        answer_candidates(&mut app, request, id(101), candidates());
        app.update(key(KeyCode::Right));
        app.update(key(KeyCode::Down));
        app.toast = None;
        assert_snapshot!(
            format!("cockpit_{}", lang.code()),
            screen(&mut app, 120, 34)
        );
    }
    let (mut app, request) = on_cockpit(Lang::En);
    answer_candidates(&mut app, request, id(101), candidates());
    app.toast = None;
    assert_snapshot!("cockpit_wide_en", screen(&mut app, 210, 20));
}

#[tokio::test]
async fn the_match_confirmation_shows_the_withholding_and_the_receipt() {
    let (mut app, request) = on_cockpit(Lang::En);
    answer_candidates(&mut app, request, id(101), candidates());
    app.update(key(KeyCode::Enter));
    app.toast = None;
    assert_snapshot!("cockpit_match_confirmation", screen(&mut app, 120, 24));
}

/// The import tab with the accounts in, a file typed, Enter pressed; returns its request.
fn importing(lang: Lang) -> (App, u64) {
    let mut app = on_payments(lang);
    let cmds = reconcile_cmds(app.update(key(KeyCode::Char('2'))));
    let [ReconcileCmd::LoadImportChoices { request }] = cmds.as_slice() else {
        panic!("the import tab loads the accounts: {cmds:?}");
    };
    send(
        &mut app,
        ReconcileMsg::ImportChoicesLoaded {
            request: *request,
            result: Ok((
                vec![
                    BankAccount {
                        id: id(400),
                        code: "KBANK-PREMIUM".into(),
                        bank_code: "004".into(),
                        account_number: "123-1-23456-7".into(),
                        account_name: "บริษัท ประกันภัยประกัน จำกัด (มหาชน) บัญชีรับเบี้ย".into(),
                    },
                    BankAccount {
                        id: id(401),
                        code: "SCB-PREMIUM".into(),
                        bank_code: "014".into(),
                        account_number: "987-6-54321-0".into(),
                        account_name: "บริษัท ประกันภัยประกัน จำกัด (มหาชน) บัญชีรับเบี้ย".into(),
                    },
                ],
                vec![SavedProfile {
                    code: "KTB-CSV".into(),
                    name: "KTB corporate CSV".into(),
                    mapping: serde_json::json!({"date": {"column": 0, "format": "%d/%m/%Y"}}),
                }],
            )),
        },
    );
    assert_eq!(app.context(), Context::ReconcileImport);
    type_text(&mut app, "/srv/statements/kbank-2569-11.csv");
    let cmds = reconcile_cmds(app.update(key(KeyCode::Enter)));
    let [ReconcileCmd::Import { request, import }] = cmds.as_slice() else {
        panic!("Enter imports: {cmds:?}");
    };
    assert_eq!(import.account_code, "KBANK-PREMIUM");
    assert_eq!(import.profile.code, "KBANK");
    assert_eq!(import.profile.mapping, None, "a built-in profile");
    (app, *request)
}

#[tokio::test]
async fn an_import_shows_its_progress_then_what_each_rule_matched() {
    let (mut app, request) = importing(Lang::En);
    send(
        &mut app,
        ReconcileMsg::ImportProgress {
            request,
            stored: 600,
            total: 1250,
        },
    );
    assert!(
        screen(&mut app, 120, 24).contains("Importing 1250 lines: 600 stored"),
        "the progress shows"
    );
    let cmds = send(
        &mut app,
        ReconcileMsg::Imported {
            request,
            result: Ok(ImportOutcome {
                statement_id: id(500),
                lines: 1250,
                new_lines: 1200,
                matched: MatchCounts {
                    reference: 980,
                    reference_less_withholding: 40,
                    amount_date_name: 120,
                    unmatched: 60,
                },
            }),
        },
    );
    assert!(cmds.is_empty(), "{cmds:?}");
    app.toast = None;
    assert_snapshot!("import_summary_en", screen(&mut app, 120, 26));

    let cmds = reconcile_cmds(app.update(key(KeyCode::Char('l'))));
    let [
        ReconcileCmd::LoadStatement {
            request,
            statement_id,
        },
    ] = cmds.as_slice()
    else {
        panic!("l shows the statement's lines: {cmds:?}");
    };
    assert_eq!(*statement_id, Some(id(500)));
    send(
        &mut app,
        ReconcileMsg::StatementLoaded {
            request: *request,
            result: Ok(Some(StatementLines {
                statement_id: id(500),
                account_code: "KBANK-PREMIUM".into(),
                file_name: "kbank-2569-11.csv".into(),
                imported_at: at(25, 4),
                rows: vec![StatementRow {
                    id: id(101),
                    version: 4,
                    line_number: 15,
                    booked_at: at(16, 3),
                    amount: dec!(10642.40),
                    ref1: Some("PAY25690000011".into()),
                    ref2: None,
                    description: "โอนเงิน บจก. ขนส่งไทย".into(),
                    status: "MATCHED".into(),
                    matched_rule: Some("REFERENCE_WHT".into()),
                    dispute_note: None,
                    receipt_numbers: vec!["RC-2569-0000120".into()],
                }],
            })),
        },
    );
    app.update(key(KeyCode::Char('u')));
    type_text(&mut app, "ผิดงวด");
    let cmds = reconcile_cmds(app.update(key(KeyCode::Enter)));
    assert_eq!(
        writes(&cmds)
            .into_iter()
            .map(|(_, w)| w)
            .collect::<Vec<_>>(),
        [Write::Unmatch {
            line_id: id(101),
            version: 4,
            reason: "ผิดงวด".into()
        }]
    );
}

#[tokio::test]
async fn a_refused_import_lists_the_lines_that_do_not_read() {
    let (mut app, request) = importing(Lang::Th);
    send(
        &mut app,
        ReconcileMsg::Imported {
            request,
            result: Err(ImportProblem::Lines(vec![
                LineProblem {
                    line: 17,
                    problem: crate::msg!("statement-line-amount", value = "1,2x0.00"),
                },
                LineProblem {
                    line: 23,
                    problem: crate::msg!("statement-line-no-date"),
                },
            ])),
        },
    );
    app.toast = None;
    assert_snapshot!("import_summary_errors_th", screen(&mut app, 120, 26));

    let (mut app, request) = importing(Lang::En);
    send(
        &mut app,
        ReconcileMsg::Imported {
            request,
            result: Err(ImportProblem::Balance {
                opening: dec!(152000.00),
                movements: dec!(48250.75),
                closing: dec!(201250.75),
            }),
        },
    );
    app.toast = None;
    assert_snapshot!("import_summary_balance_en", screen(&mut app, 120, 26));
}

#[tokio::test]
async fn a_file_that_is_not_there_goes_back_to_its_field() {
    let (mut app, request) = importing(Lang::En);
    send(
        &mut app,
        ReconcileMsg::Imported {
            request,
            result: Err(ImportProblem::File(
                crate::tui::screens::reconcile::work::FileProblem::NotFound,
            )),
        },
    );
    let import = &screen_of(&app).import;
    assert!(import.is_editing());
    assert_eq!(
        import.form.value(0),
        "/srv/statements/kbank-2569-11.csv",
        "what was typed stays"
    );
    assert_eq!(
        import.form.fields[0].error.as_ref().unwrap().text(Lang::En),
        "There is no such file"
    );
}

fn payouts() -> Vec<Payout> {
    vec![
        Payout {
            id: id(600),
            version: 2,
            payment_type: "CLAIM_SETTLEMENT".into(),
            reference: Some("PAY-2569-0000077".into()),
            claim_number: Some("CLM-2569-0000001".into()),
            policy_number: Some("C1-2569-0000042".into()),
            payee_name: "อู่ช่างเอก".into(),
            amount: dec!(25500.00),
            bank_code: Some("004".into()),
            bank_account_number: Some("123-4-56789-0".into()),
            created_at: at(23, 5),
        },
        Payout {
            id: id(601),
            version: 1,
            payment_type: "REFUND".into(),
            reference: Some("PAY-2569-0000078".into()),
            claim_number: None,
            policy_number: Some("C2P-2569-0000107".into()),
            payee_name: "วีระ สุขใจ".into(),
            amount: dec!(5700.00),
            bank_code: None,
            bank_account_number: None,
            created_at: at(24, 8),
        },
    ]
}

#[tokio::test]
async fn payouts_and_a_transfer_that_settles_a_claim() {
    let mut app = on_payments(Lang::En);
    let cmds = reconcile_cmds(app.update(key(KeyCode::Char('4'))));
    let [ReconcileCmd::LoadPayouts { request }] = cmds.as_slice() else {
        panic!("4 opens the payouts: {cmds:?}");
    };
    send(
        &mut app,
        ReconcileMsg::PayoutsLoaded {
            request: *request,
            result: Ok(payouts()),
        },
    );
    app.toast = None;
    assert_snapshot!("payouts_en", screen(&mut app, 120, 12));

    app.update(key(KeyCode::Char('p')));
    app.update(key(KeyCode::Tab));
    app.update(key(KeyCode::Tab));
    let cmds = reconcile_cmds(app.update(key(KeyCode::Enter)));
    assert!(cmds.is_empty(), "the transfer's reference is needed");
    type_text(&mut app, "KB2611250001");
    let cmds = reconcile_cmds(app.update(key(KeyCode::Enter)));
    assert!(
        cmds.is_empty(),
        "the first Enter shows what will be recorded"
    );
    assert_snapshot!("payout_confirmation_en", screen(&mut app, 120, 24));
    let cmds = reconcile_cmds(app.update(key(KeyCode::Enter)));
    let written = writes(&cmds);
    let [(request, Write::Payout { transfer, .. })] = written.as_slice() else {
        panic!("the second Enter records it: {cmds:?}");
    };
    assert_eq!(transfer.bank_code, "004");
    assert_eq!(transfer.transfer_reference, "KB2611250001");
    send(
        &mut app,
        ReconcileMsg::Written {
            request: *request,
            result: Ok(Written::PaidOut { version: 3 }),
        },
    );
    assert_eq!(
        app.toast.as_ref().unwrap().message.text(Lang::En),
        "Paid; claim CLM-2569-0000001 is settled"
    );
}

#[tokio::test]
async fn a_bank_code_not_on_the_list_is_refused() {
    let mut app = on_payments(Lang::En);
    let cmds = reconcile_cmds(app.update(key(KeyCode::Char('4'))));
    let [ReconcileCmd::LoadPayouts { request }] = cmds.as_slice() else {
        panic!("{cmds:?}");
    };
    send(
        &mut app,
        ReconcileMsg::PayoutsLoaded {
            request: *request,
            result: Ok(payouts()),
        },
    );
    app.update(key(KeyCode::Down));
    app.update(key(KeyCode::Char('p')));
    type_text(&mut app, "999");
    app.update(key(KeyCode::Tab));
    type_text(&mut app, "1234567890");
    let shown = screen(&mut app, 120, 24);
    assert!(shown.contains("kept as xxxxx67890"), "{shown}");
    app.update(key(KeyCode::Tab));
    type_text(&mut app, "REF1");
    let cmds = reconcile_cmds(app.update(key(KeyCode::Enter)));
    assert!(cmds.is_empty());
    let prompt = screen_of(&app).prompt.as_ref().unwrap();
    assert_eq!(
        prompt.form.fields[0].error.as_ref().unwrap().text(Lang::En),
        "Not a Thai bank code (002 BBL, 004 KBANK, 006 KTB, 014 SCB, 025 BAY …)"
    );
}

#[tokio::test]
async fn the_help_lists_every_key_of_the_cockpit() {
    let (mut app, request) = on_cockpit(Lang::En);
    answer_candidates(&mut app, request, id(101), candidates());
    app.update(key(KeyCode::Char('?')));
    let shown = screen(&mut app, 100, 40);
    for wanted in [
        "Match the line to the highlighted candidate",
        "Split the line across several payments",
        "Dispute the line (with a note)",
        "Settle the line's dispute",
        "Between the lines and their candidates",
        "The lines of the last statement",
        "1–4",
    ] {
        assert!(shown.contains(wanted), "{wanted}:\n{shown}");
    }
}

#[tokio::test]
async fn h_opens_the_shared_history_of_the_payment_or_the_statement_line() {
    let history_of = |cmds: &[Cmd]| {
        cmds.iter().find_map(|cmd| match cmd {
            Cmd::LoadHistory { table, id, .. } => Some((*table, *id)),
            _ => None,
        })
    };
    let mut app = on_payments(Lang::Th);
    let selected = screen_of(&app).payments.selected().map(|p| p.id).unwrap();
    let cmds = app.update(key(KeyCode::Char('h')));
    assert_eq!(history_of(&cmds), Some(("payments", selected)));

    let (mut app, _) = on_cockpit(Lang::En);
    let cmds = app.update(key(KeyCode::Char('h')));
    assert_eq!(history_of(&cmds), Some(("bank_statement_lines", id(101))));
}
