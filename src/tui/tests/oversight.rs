//! The audit trail, the health screen and the charts: what they look like with fixed data
//! (in Thai and English, 80×24), and what their keys do.

use chrono::{Datelike, NaiveDate, TimeZone, Utc};
use crossterm::event::KeyCode;
use insta::assert_snapshot;
use rust_decimal_macros::dec;
use serde_json::json;

use super::*;
use crate::db::audit_trail::{AuditDetail, AuditEntry, AuditPage, StaffChoice};
use crate::db::charts::{AgeCount, BacklogBucket, Freshness, LossMonth, PremiumMonth, StatusCount};
use crate::db::health::{Health, HealthCheck, LongQuery, SlowStatement};
use crate::tui::access::ScreenId;
use crate::tui::app::{Overlay, Screen};
use crate::tui::screens::audit::work::{AuditCmd, AuditMsg};
use crate::tui::screens::charts::work::{ChartsCmd, ChartsMsg};
use crate::tui::screens::charts::{ChartData, ChartKind, LoadedChart};

fn uuid(n: u128) -> Uuid {
    Uuid::from_u128(0x5a1e_0000_0000_4000_8000_0000_0000_0000 + n)
}

fn audit_cmds(cmds: Vec<Cmd>) -> Vec<AuditCmd> {
    cmds.into_iter()
        .filter_map(|cmd| match cmd {
            Cmd::Audit { cmd, .. } => Some(cmd),
            _ => None,
        })
        .collect()
}

fn entry(n: i64, table: &str, operation: &str, who: &str, fields: &[&str]) -> AuditEntry {
    AuditEntry {
        id: 1000 - n,
        logged_at: Utc.with_ymd_and_hms(2026, 11, 25, 8, 0, 0).unwrap()
            - chrono::Duration::minutes(37 * n),
        table_name: table.into(),
        record_id: uuid(n as u128),
        operation: operation.into(),
        who: who.into(),
        username: who.split(' ').next().unwrap_or_default().to_lowercase(),
        role: None,
        context: None,
        changed_fields: Some(fields.iter().map(|f| f.to_string()).collect()),
    }
}

fn entries() -> Vec<AuditEntry> {
    vec![
        entry(1, "customers", "UPDATE", "wichai", &["phone_number"]),
        entry(
            2,
            "claims",
            "UPDATE",
            "somchai",
            &["status", "approved_amount"],
        ),
        entry(
            3,
            "policies",
            "INSERT",
            "siriporn",
            &["policy_number", "status"],
        ),
        entry(4, "customers", "REVEAL", "napat", &[]),
        entry(
            5,
            "system_configurations",
            "UPDATE",
            "sudarat",
            &["config_value"],
        ),
        entry(6, "payments", "UPDATE", "malee", &["payment_status"]),
    ]
}

/// The audit screen as an auditor sees it, its first page and its choices in.
fn on_audit(lang: Lang) -> App {
    let mut app = app(lang, false);
    log_in(&mut app, GroupRole::Auditor);
    let cmds = audit_cmds(app.go(ScreenId::Audit));
    for cmd in cmds {
        let msg = match cmd {
            AuditCmd::LoadPage { request, after, .. } => {
                assert!(after.is_none(), "the first page");
                AuditMsg::PageLoaded {
                    request,
                    appended: false,
                    result: Ok(AuditPage {
                        entries: entries(),
                        next: None,
                    }),
                }
            }
            AuditCmd::LoadChoices { request } => AuditMsg::ChoicesLoaded {
                request,
                result: Ok((
                    vec!["claims".into(), "customers".into(), "policies".into()],
                    vec![StaffChoice {
                        id: uuid(90),
                        username: "wichai".into(),
                        name: "วิชัย วงศ์สวัสดิ์".into(),
                    }],
                )),
            },
            other => panic!("the screen loads its page and choices: {other:?}"),
        };
        app.update(Msg::Audit(Box::new(msg)));
    }
    app.toast = None;
    app
}

#[tokio::test]
async fn the_audit_list_in_thai_and_english() {
    for lang in Lang::ALL {
        let mut app = on_audit(lang);
        assert_snapshot!(
            format!("audit_list_{}", lang.code()),
            screen(&mut app, 80, 24)
        );
    }
}

#[tokio::test]
async fn the_filter_form_says_what_is_wrong_and_applies_a_good_filter() {
    let mut app = on_audit(Lang::En);
    app.update(key(KeyCode::Char('/')));
    // Table: the second choice (the first table); record: not an id.
    app.update(key(KeyCode::Right));
    app.update(key(KeyCode::Tab));
    type_text(&mut app, "not-a-uuid");
    let cmds = audit_cmds(app.update(key(KeyCode::Enter)));
    assert!(cmds.is_empty(), "nothing loads while a field is wrong");
    assert_snapshot!("audit_filter_error_en", screen(&mut app, 80, 24));

    // Clear the record, dates in the Buddhist Era: 1 to 25 November 2569.
    for _ in 0.."not-a-uuid".len() {
        app.update(key(KeyCode::Backspace));
    }
    app.update(key(KeyCode::Tab));
    app.update(key(KeyCode::Tab));
    app.update(key(KeyCode::Tab));
    type_text(&mut app, "1/11/2569");
    app.update(key(KeyCode::Tab));
    type_text(&mut app, "25 พ.ย. 2569");
    let cmds = audit_cmds(app.update(key(KeyCode::Enter)));
    let [AuditCmd::LoadPage { filter, after, .. }] = cmds.as_slice() else {
        panic!("the filter loads its first page: {cmds:?}");
    };
    assert!(after.is_none());
    assert_eq!(filter.table.as_deref(), Some("claims"));
    assert_eq!(filter.record, None);
    assert_eq!(filter.from, NaiveDate::from_ymd_opt(2026, 11, 1));
    assert_eq!(filter.to, NaiveDate::from_ymd_opt(2026, 11, 25));
}

#[tokio::test]
async fn moving_near_the_end_loads_the_next_page_once() {
    let mut app = app(Lang::En, false);
    log_in(&mut app, GroupRole::Admin);
    let cmds = audit_cmds(app.go(ScreenId::Audit));
    let request = cmds
        .iter()
        .find_map(|c| match c {
            AuditCmd::LoadPage { request, .. } => Some(*request),
            _ => None,
        })
        .unwrap();
    let many: Vec<AuditEntry> = (1..=20)
        .map(|n| entry(n, "customers", "UPDATE", "wichai", &["first_name"]))
        .collect();
    let last = many.last().unwrap().cursor();
    app.update(Msg::Audit(Box::new(AuditMsg::PageLoaded {
        request,
        appended: false,
        result: Ok(AuditPage {
            entries: many,
            next: Some(last),
        }),
    })));
    let mut loads = Vec::new();
    for _ in 0..15 {
        loads.extend(audit_cmds(app.update(key(KeyCode::Down))));
    }
    let [AuditCmd::LoadPage { after, .. }] = loads.as_slice() else {
        panic!("one load of the next page: {loads:?}");
    };
    assert_eq!(*after, Some(last), "it starts after the last entry loaded");
}

fn detail() -> AuditDetail {
    let mut entry = entry(
        2,
        "claims",
        "UPDATE",
        "somchai",
        &["status", "approved_amount"],
    );
    entry.role = Some("prakan_adjuster".into());
    entry.who = "สมชาย ใจดี".into();
    entry.context = Some("CLAIM_APPROVE".into());
    AuditDetail {
        entry,
        old_values: Some(json!({
            "claim_number": "CLM-2569-0000002",
            "status": "ASSESSED",
            "approved_amount": null,
            "estimated_amount": 18500,
            "incident_date": "2026-11-20T09:30:00+07:00",
            "own_damage_claimed": true,
        })),
        new_values: Some(json!({
            "claim_number": "CLM-2569-0000002",
            "status": "APPROVED",
            "approved_amount": 17250,
            "estimated_amount": 18500,
            "incident_date": "2026-11-20T09:30:00+07:00",
            "own_damage_claimed": true,
        })),
    }
}

#[tokio::test]
async fn an_entry_side_by_side_in_thai_and_english() {
    for lang in Lang::ALL {
        let mut app = on_audit(lang);
        app.update(key(KeyCode::Down));
        let cmds = audit_cmds(app.update(key(KeyCode::Enter)));
        let [AuditCmd::LoadDetail { request, cursor }] = cmds.as_slice() else {
            panic!("Enter loads the entry: {cmds:?}");
        };
        assert_eq!(cursor.id, 998, "the entry under the cursor");
        app.update(Msg::Audit(Box::new(AuditMsg::DetailLoaded {
            request: *request,
            result: Ok(Some(Box::new(detail()))),
        })));
        assert_snapshot!(
            format!("audit_diff_{}", lang.code()),
            screen(&mut app, 80, 24)
        );
        // h: the whole history of the entry's record, in the shared pane.
        let cmds = app.update(key(KeyCode::Char('h')));
        assert!(
            cmds.iter().any(|c| matches!(c,
                Cmd::LoadHistory { table: "claims", id, .. } if *id == uuid(2))),
            "{cmds:?}"
        );
        assert!(matches!(app.overlay, Some(Overlay::History(_))));
    }
}

fn health(statistics: &str) -> Health {
    let check =
        |name: &str, status: &str, figure: Option<rust_decimal::Decimal>, details: Option<&str>| {
            HealthCheck {
                check_name: name.into(),
                status: status.into(),
                figure,
                details: details.map(str::to_string),
            }
        };
    Health {
        checks: vec![
            check("database_size", "INFO", Some(dec!(11534336)), Some("11 MB")),
            check("connections", "OK", Some(dec!(7)), Some("100")),
            check("replication_lag", "OK", None, Some("no_replica")),
            check(
                "largest_tables",
                "INFO",
                None,
                Some("audit_logs (2 GB), customers (410 MB)"),
            ),
            check("partitions_ahead", "OK", Some(dec!(3)), Some("audit_logs")),
            check(
                "partitions_ahead",
                "WARNING",
                Some(dec!(0)),
                Some("payments"),
            ),
            check("long_running_queries", "WARNING", Some(dec!(1)), None),
            check("statement_statistics", "OK", None, Some(statistics)),
        ],
        long_queries: vec![LongQuery {
            pid: 4242,
            username: "malee".into(),
            staff_name: Some("มาลี พูลผล".into()),
            query_start: Utc.with_ymd_and_hms(2026, 11, 25, 7, 52, 10).unwrap(),
            seconds: 412,
            state: Some("active".into()),
            query: Some("SELECT * FROM payments p JOIN customers c ON c.id = p.customer_id".into()),
        }],
        slow_statements: vec![SlowStatement {
            query: "SELECT count(*) FROM audit_logs WHERE changed_fields @> $1".into(),
            calls: 12,
            mean_ms: 1840.0,
            total_ms: 22080.0,
        }],
    }
}

fn on_health(lang: Lang, statistics: &str) -> App {
    let mut app = app(lang, false);
    log_in(&mut app, GroupRole::Admin);
    let cmds = app.go(ScreenId::Health);
    let Some(request) = cmds.iter().find_map(|c| match c {
        Cmd::LoadHealth { request, .. } => Some(*request),
        _ => None,
    }) else {
        panic!("the health screen loads: {cmds:?}");
    };
    app.update(Msg::HealthLoaded {
        request,
        result: Ok(health(statistics)),
    });
    app.toast = None;
    app
}

#[tokio::test]
async fn the_health_screen_in_thai_and_english() {
    for lang in Lang::ALL {
        let mut app = on_health(lang, "on");
        assert_snapshot!(format!("health_{}", lang.code()), screen(&mut app, 80, 24));
    }
}

#[tokio::test]
async fn without_statement_statistics_the_screen_says_how_to_turn_them_on() {
    let mut app = on_health(Lang::En, "not_preloaded");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("shared_preload_libraries"), "{shown}");
    assert!(!shown.contains("1840 ms"), "{shown}");
}

fn month(offset: u32) -> NaiveDate {
    // December 2025 … November 2026.
    let first = NaiveDate::from_ymd_opt(2025, 12, 1).unwrap();
    first + chrono::Months::new(offset)
}

fn chart_data(kind: ChartKind) -> ChartData {
    match kind {
        ChartKind::ClaimsByStatus => ChartData::ClaimsByStatus(
            [
                ("REPORTED", 42),
                ("ASSIGNED", 31),
                ("INVESTIGATING", 9),
                ("ASSESSED", 17),
                ("APPROVED", 12),
                ("SETTLED", 88),
                ("CLOSED", 240),
                ("REJECTED", 6),
            ]
            .into_iter()
            .map(|(status, claims)| StatusCount {
                status: status.into(),
                claims,
            })
            .collect(),
        ),
        ChartKind::ClaimsAgeing => ChartData::ClaimsAgeing(
            [("0-7", 48), ("8-30", 39), ("31-90", 18), ("90+", 6)]
                .into_iter()
                .map(|(bucket, claims)| AgeCount {
                    bucket: bucket.into(),
                    claims,
                })
                .collect(),
        ),
        ChartKind::PremiumWritten => ChartData::PremiumWritten(
            (0..12)
                .map(|n| PremiumMonth {
                    month: month(n),
                    premium: rust_decimal::Decimal::from(1_850_000 + 95_000 * (n as i64 % 5)),
                    policies: 110 + n as i64,
                })
                .collect(),
        ),
        ChartKind::LossRatio => ChartData::LossRatio(
            (0..12)
                .map(|n| {
                    let premium = rust_decimal::Decimal::from(1_900_000);
                    let incurred = rust_decimal::Decimal::from(700_000 + 120_000 * (n as i64 % 7));
                    LossMonth {
                        month: month(n),
                        premium,
                        incurred,
                        ratio: Some((incurred / premium).round_dp(4)),
                    }
                })
                .collect(),
        ),
        ChartKind::Backlog => ChartData::Backlog(
            [
                ("unmatched_lines", "0-7", 14, dec!(84250.00)),
                ("unmatched_lines", "8-30", 6, dec!(31900.50)),
                ("unmatched_lines", "31-90", 2, dec!(5200.00)),
                ("unmatched_lines", "90+", 1, dec!(-480.00)),
                ("overdue_payments", "0-7", 21, dec!(96400.00)),
                ("overdue_payments", "8-30", 11, dec!(57320.25)),
                ("overdue_payments", "31-90", 4, dec!(18900.00)),
                ("overdue_payments", "90+", 3, dec!(22350.00)),
            ]
            .into_iter()
            .map(|(kind, bucket, items, amount)| BacklogBucket {
                kind: kind.into(),
                bucket: bucket.into(),
                items,
                amount,
            })
            .collect(),
        ),
    }
}

/// Figures computed at 14:05 Bangkok time on 30 November 2026, recomputed every 10 minutes.
fn freshness() -> Freshness {
    Freshness {
        taken: Utc.with_ymd_and_hms(2026, 11, 30, 7, 5, 0).unwrap(),
        every_minutes: 10,
    }
}

/// The charts screen for `group`, every chart it loads answered with the data above.
fn on_charts(lang: Lang, group: GroupRole) -> (App, Vec<ChartKind>) {
    let mut app = app(lang, false);
    log_in(&mut app, group);
    let mut kinds = Vec::new();
    for cmd in app.go(ScreenId::Charts) {
        if let Cmd::Charts {
            cmd: ChartsCmd::Load { request, kind },
            ..
        } = cmd
        {
            kinds.push(kind);
            app.update(Msg::Charts(Box::new(ChartsMsg::Loaded {
                request,
                kind,
                result: Ok(LoadedChart {
                    figures: chart_data(kind),
                    freshness: freshness(),
                }),
            })));
        }
    }
    app.toast = None;
    (app, kinds)
}

#[tokio::test]
async fn each_team_loads_its_own_charts() {
    let cases = [
        (
            GroupRole::Adjuster,
            vec![ChartKind::ClaimsByStatus, ChartKind::ClaimsAgeing],
        ),
        (
            GroupRole::Underwriter,
            vec![ChartKind::PremiumWritten, ChartKind::LossRatio],
        ),
        (GroupRole::Finance, vec![ChartKind::Backlog]),
        (GroupRole::Auditor, ChartKind::ALL.to_vec()),
        (GroupRole::Admin, ChartKind::ALL.to_vec()),
    ];
    for (group, wanted) in cases {
        let (_, kinds) = on_charts(Lang::En, group);
        assert_eq!(kinds, wanted, "{group}");
    }
    for group in [GroupRole::Agent, GroupRole::Surveyor] {
        assert!(!crate::tui::access::may_open(&[group], ScreenId::Charts));
    }
}

#[tokio::test]
async fn each_chart_in_thai_and_english() {
    for lang in Lang::ALL {
        let (mut app, kinds) = on_charts(lang, GroupRole::Auditor);
        for kind in kinds {
            let Screen::Charts(charts) = &app.screen else {
                panic!("the charts screen");
            };
            assert_eq!(charts.charts[charts.current].0, kind);
            let name = format!("{kind:?}").to_lowercase();
            let shown = screen(&mut app, 80, 24);
            let as_of = match lang {
                Lang::Th => "ข้อมูล ณ 30 พ.ย. 2569 14:05 (ทุก 10 นาที)",
                Lang::En => "As of 30 Nov BE 2569 14:05 (every 10 minutes)",
            };
            assert!(shown.contains(as_of), "{shown}");
            assert_snapshot!(format!("chart_{name}_{}", lang.code()), shown);
            app.update(key(KeyCode::Tab));
        }
    }
    assert_eq!(month(11).month(), 11);
}
