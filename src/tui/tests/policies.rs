//! The policy screens: the issue form with its live quote, a referral being decided, the
//! renewal queue. Database results are answered by hand; the figures come from the same
//! pricing engine the server uses.

use chrono::{NaiveDate, TimeZone, Utc};
use crossterm::event::KeyCode;
use insta::assert_snapshot;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::*;
use crate::db::policies::{OpenQuote, QuoteContext, VehicleChoice, VehicleFacts};
use crate::db::referrals::ReferralQueueRow;
use crate::db::renewals::{DueRenewal, PriceError};
use crate::domain::premium::PolicyType;
use crate::domain::premium::ncb::{NcbOutcome, NcbReason};
use crate::domain::premium::rating::{
    self, BaseRate, Factor, FactorKind, RatingTable, Risk, Usage,
};
use crate::tui::app::Screen;
use crate::tui::screens::policies::quotes::QuoteList;
use crate::tui::screens::policies::renewals::DueList;
use crate::tui::screens::policies::work::{PoliciesCmd, PoliciesMsg};

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn policies_cmds(cmds: Vec<Cmd>) -> Vec<PoliciesCmd> {
    cmds.into_iter()
        .filter_map(|cmd| match cmd {
            Cmd::Policies { cmd, .. } => Some(cmd),
            _ => None,
        })
        .collect()
}

fn send(app: &mut App, msg: PoliciesMsg) -> Vec<PoliciesCmd> {
    policies_cmds(app.update(Msg::Policies(Box::new(msg))))
}

/// A small rating table: a Class 1 base rate for personal sedans and one band per factor.
fn table() -> RatingTable {
    let band = |kind, multiplier| Factor {
        kind,
        lower: Decimal::ZERO,
        upper: None,
        multiplier,
    };
    RatingTable {
        effective_from: NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
        base_rates: vec![BaseRate {
            policy_type: PolicyType::Class1,
            vehicle_type: "SEDAN".into(),
            usage: Usage::Personal,
            base_premium: dec!(7000),
            own_damage_rate: dec!(0.012),
        }],
        factors: vec![
            band(FactorKind::VehicleAge, dec!(1.05)),
            band(FactorKind::EngineCc, dec!(1.00)),
            band(FactorKind::SumInsured, dec!(1.00)),
            band(FactorKind::DriverAge, dec!(1.10)),
            band(FactorKind::Deductible, dec!(1.00)),
        ],
    }
}

fn choice() -> VehicleChoice {
    VehicleChoice {
        vehicle_id: id(20),
        customer_id: id(10),
        customer_name: "สมชาย ใจดี".into(),
        registration_number: "กข 1234".into(),
        province_name_th: "กรุงเทพมหานคร".into(),
        province_name_en: "Bangkok".into(),
        make: "Toyota".into(),
        model: "Corolla Altis".into(),
        year_of_manufacture: 2021,
        usage_type: "PERSONAL".into(),
    }
}

fn context() -> QuoteContext {
    QuoteContext {
        vehicle: VehicleFacts {
            vehicle_id: id(20),
            customer_id: id(10),
            customer_name: "สมชาย ใจดี".into(),
            juristic: false,
            registration_number: "กข 1234".into(),
            province_name_th: "กรุงเทพมหานคร".into(),
            province_name_en: "Bangkok".into(),
            make: "Toyota".into(),
            model: "Corolla Altis".into(),
            year_of_manufacture: 2021,
            engine_cc: Some(1600),
            seats: Some(5),
            vehicle_type: "SEDAN".into(),
            usage_type: "PERSONAL".into(),
        },
        table: table(),
    }
}

/// The underwriter's issue form with the vehicle picked through the jump box and its
/// rating table loaded.
fn issue_form_with_vehicle(lang: Lang) -> App {
    let mut app = app(lang, false);
    log_in(&mut app, GroupRole::Underwriter);
    app.toast = None;
    app.update(key(KeyCode::Char('2')));
    assert!(
        matches!(app.screen, Screen::Policies(_)),
        "2 opens the issue form"
    );
    app.update(key(KeyCode::Enter));
    let cmds = policies_cmds(type_text(&mut app, "กข1234"));
    let Some(PoliciesCmd::FindVehicles { request, .. }) = cmds.last() else {
        panic!("a complete plate searches: {cmds:?}");
    };
    send(
        &mut app,
        PoliciesMsg::VehiclesFound {
            request: *request,
            result: Ok(vec![choice()]),
        },
    );
    let cmds = policies_cmds(app.update(key(KeyCode::Enter)));
    let Some(PoliciesCmd::LoadQuoteContext {
        request,
        vehicle_id,
        ..
    }) = cmds.first()
    else {
        panic!("picking the vehicle loads its rating table: {cmds:?}");
    };
    assert_eq!(*vehicle_id, id(20));
    send(
        &mut app,
        PoliciesMsg::QuoteContextLoaded {
            request: *request,
            result: Ok(context()),
        },
    );
    app
}

#[tokio::test]
async fn the_issue_form_prices_as_the_cover_is_typed() {
    let mut app = issue_form_with_vehicle(Lang::En);
    app.update(key(KeyCode::Tab));
    type_text(&mut app, "600000");
    app.update(key(KeyCode::Tab));
    app.update(key(KeyCode::Tab));
    type_text(&mut app, "35");
    let expected = rating::quote(
        &table(),
        &Risk {
            policy_type: PolicyType::Class1,
            vehicle_type: "SEDAN".into(),
            usage: Usage::Personal,
            vehicle_age_years: 5,
            engine_cc: Some(1600),
            seats: Some(5),
            sum_insured: Some(dec!(600000)),
            youngest_driver_age: Some(35),
            deductible: Decimal::ZERO,
            ncb_percent: 0,
            surcharge_percent: 0,
        },
    )
    .unwrap();
    let shown = screen(&mut app, 120, 40);
    assert!(
        shown.contains(&crate::i18n::money(expected.breakdown.total)),
        "the panel shows the engine's total {}:\n{shown}",
        expected.breakdown.total
    );
    assert_snapshot!("issue_form_live_quote_en", shown);
}

#[tokio::test]
async fn issuing_asks_first_and_sends_the_draft() {
    let mut app = issue_form_with_vehicle(Lang::En);
    app.update(key(KeyCode::Tab));
    type_text(&mut app, "600000");
    let cmds = policies_cmds(app.update(ctrl('s')));
    assert!(cmds.is_empty(), "Ctrl-S asks before issuing: {cmds:?}");
    let cmds = policies_cmds(app.update(key(KeyCode::Enter)));
    match cmds.as_slice() {
        [
            PoliciesCmd::Issue {
                draft, quote_only, ..
            },
        ] => {
            assert!(!quote_only, "an underwriter issues");
            assert_eq!(draft.sum_insured, Some(dec!(600000)));
            assert_eq!(draft.vehicle_id, id(20));
        }
        other => panic!("Enter confirms and issues: {other:?}"),
    }
}

#[tokio::test]
async fn a_wrong_sum_insured_is_said_beside_the_field_and_nothing_is_sent() {
    let mut app = issue_form_with_vehicle(Lang::En);
    app.update(key(KeyCode::Tab));
    type_text(&mut app, "12");
    let cmds = policies_cmds(app.update(ctrl('s')));
    assert!(cmds.is_empty());
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("Enter whole baht from 50,000"), "{shown}");
}

fn open_quote() -> OpenQuote {
    OpenQuote {
        policy_id: id(30),
        quote_number: "Q-2569-0000042".into(),
        policy_type: "CLASS_1".into(),
        customer_name: "สมชาย ใจดี".into(),
        plate: "กข 1234 กรุงเทพมหานคร".into(),
        start_date: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        sum_insured: Some(dec!(2000000)),
        total_premium: dec!(31250.40),
        referrals_pending: 1,
        referrals_declined: 0,
        referrals_approved: 0,
        created_by_name: Some("วิชัย วงศ์สวัสดิ์".into()),
        created_at: Utc.with_ymd_and_hms(2026, 11, 24, 3, 0, 0).unwrap(),
        version: 0,
    }
}

fn pending_referral() -> ReferralQueueRow {
    ReferralQueueRow {
        referral_id: id(40),
        policy_id: id(30),
        quote_number: "Q-2569-0000042".into(),
        policy_type: "CLASS_1".into(),
        customer_name: "สมชาย ใจดี".into(),
        plate: "กข 1234".into(),
        province: "กรุงเทพมหานคร".into(),
        sum_insured: Some(dec!(2000000)),
        total_premium: dec!(31250.40),
        rule: "SUM_INSURED_AUTHORITY".into(),
        reason: "Sum insured 2000000.00 THB is above your authority of 1500000.00 THB".into(),
        required_authority: dec!(2000000),
        referred_by_name: Some("วิชัย วงศ์สวัสดิ์".into()),
        referred_at: Utc.with_ymd_and_hms(2026, 11, 24, 3, 0, 0).unwrap(),
        version: 0,
        within_my_authority: true,
        referred_by_me: false,
    }
}

#[tokio::test]
async fn a_referral_is_decided_in_a_dialog() {
    let mut app = app(Lang::En, false);
    log_in(&mut app, GroupRole::Underwriter);
    app.toast = None;
    let cmds = policies_cmds(app.update(key(KeyCode::Char('3'))));
    let Some(PoliciesCmd::LoadQuotes { request }) = cmds.first() else {
        panic!("3 opens the quotes and loads them: {cmds:?}");
    };
    send(
        &mut app,
        PoliciesMsg::QuotesLoaded {
            request: *request,
            result: Ok(QuoteList {
                quotes: vec![open_quote()],
                referrals: vec![pending_referral()],
            }),
        },
    );
    screen(&mut app, 120, 32);
    app.update(key(KeyCode::Char('d')));
    type_text(&mut app, "Garage checked");
    assert_snapshot!("referral_decision_en", screen(&mut app, 120, 32));
    let cmds = policies_cmds(app.update(key(KeyCode::Enter)));
    match cmds.as_slice() {
        [
            PoliciesCmd::Decide {
                referral_id,
                approve,
                note,
                ..
            },
        ] => {
            assert_eq!(*referral_id, id(40));
            assert!(*approve);
            assert_eq!(note, "Garage checked");
        }
        other => panic!("Enter decides: {other:?}"),
    }
}

fn due(n: u128, number: &str, claims: i64, ncb: (u8, u8), last: Decimal) -> DueRenewal {
    let quote = rating::quote(
        &table(),
        &Risk {
            policy_type: PolicyType::Class1,
            vehicle_type: "SEDAN".into(),
            usage: Usage::Personal,
            vehicle_age_years: 5,
            engine_cc: Some(1600),
            seats: Some(5),
            sum_insured: Some(dec!(500000)),
            youngest_driver_age: None,
            deductible: Decimal::ZERO,
            ncb_percent: ncb.1,
            surcharge_percent: 0,
        },
    )
    .map_err(PriceError::Quote);
    DueRenewal {
        policy_id: id(n),
        policy_number: number.into(),
        customer_id: id(n + 100),
        customer_name: "สุดา มีสุข".into(),
        juristic: false,
        registration_number: "1กข 4321".into(),
        province_name_th: "กรุงเทพมหานคร".into(),
        province_name_en: "Bangkok".into(),
        policy_type: PolicyType::Class1,
        start_date: NaiveDate::from_ymd_opt(2025, 12, 20).unwrap(),
        end_date: NaiveDate::from_ymd_opt(2026, 12, 20).unwrap(),
        status: "ACTIVE".into(),
        auto_renewal: n.is_multiple_of(2),
        sum_insured: Some(dec!(500000)),
        last_total_premium: last,
        last_ncb: ncb.0,
        last_surcharge: 0,
        claims,
        claims_counted: claims,
        ncb: Some(NcbOutcome {
            previous_percent: ncb.0,
            next_percent: ncb.1,
            surcharge_percent: 0,
            reason: if claims == 0 {
                NcbReason::ClaimFree
            } else {
                NcbReason::OneClaim
            },
        }),
        new_quote: quote,
        covered_by: None,
        version: 3,
    }
}

#[tokio::test]
async fn the_renewal_queue_shows_last_and_new_premium_with_the_ncb() {
    let mut app = app(Lang::En, false);
    log_in(&mut app, GroupRole::Underwriter);
    app.toast = None;
    let cmds = policies_cmds(app.update(key(KeyCode::Char('4'))));
    let Some(PoliciesCmd::LoadRenewals { request }) = cmds.first() else {
        panic!("4 opens the renewal queue and loads it: {cmds:?}");
    };
    send(
        &mut app,
        PoliciesMsg::RenewalsLoaded {
            request: *request,
            result: Ok(DueList {
                rows: vec![
                    due(1, "C1-2568-0000101", 0, (30, 40), dec!(14210.55)),
                    due(2, "C1-2568-0000102", 1, (30, 20), dec!(14210.55)),
                ],
                total: 2,
            }),
        },
    );
    screen(&mut app, 140, 20);
    app.update(key(KeyCode::Char(' ')));
    assert_snapshot!("renewal_queue_en", screen(&mut app, 140, 20));
    let cmds = policies_cmds(app.update(key(KeyCode::Char('n'))));
    assert!(cmds.is_empty(), "renewing the selection asks first");
    let cmds = policies_cmds(app.update(key(KeyCode::Enter)));
    match cmds.as_slice() {
        [PoliciesCmd::RenewMany { policies, .. }] => {
            assert_eq!(
                policies,
                &vec![(id(1), 3)],
                "only the selected row, at its version"
            )
        }
        other => panic!("Enter renews the selection: {other:?}"),
    }
}
