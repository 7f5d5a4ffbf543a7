//! The customer screen: typing searches after a pause and only the newest answer counts,
//! the 360 opens at the record found, forms refuse bad input beside the field, a
//! conflict keeps the person's input, roles are offered what they may do; and what it
//! looks like (the jump box with each kind of result, the 360 in Thai, the address picker
//! mid-typing, a form with errors).

use chrono::{NaiveDate, TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use insta::assert_snapshot;
use rust_decimal_macros::dec;
use sqlx::types::Json;
use uuid::Uuid;

use super::*;
use crate::db::customers::{
    ClaimRow, Conflict, ConsentRow, Customer360, Duplicate, DuplicateReason, Outstanding,
    PaymentRow, PolicyRow, Profile, SaveError, VehicleRow,
};
use crate::db::lookup::{Hit, Matched, Page};
use crate::db::rights::CustomerRights;
use crate::domain::customer::AddressLines;
use crate::domain::lookup::{Classified, Lookup, LookupKind};
use crate::tui::app::Screen;
use crate::tui::screens::customers::work::{CustomersCmd, CustomersMsg, Save, Saved};
use crate::tui::screens::customers::{CustomersScreen, Overlay, customer_form};

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn customers_cmds(cmds: Vec<Cmd>) -> Vec<CustomersCmd> {
    cmds.into_iter()
        .filter_map(|cmd| match cmd {
            Cmd::Customers { cmd, .. } => Some(cmd),
            _ => None,
        })
        .collect()
}

fn send(app: &mut App, msg: CustomersMsg) -> Vec<CustomersCmd> {
    customers_cmds(app.update(Msg::Customers(Box::new(msg))))
}

fn screen_of(app: &App) -> &CustomersScreen {
    match &app.screen {
        Screen::Customers(screen) => screen,
        _ => panic!("not on the customer screen"),
    }
}

fn ctrl_key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// Logs in and opens the customer screen with `rights` loaded.
fn on_customers(lang: Lang, group: GroupRole, rights: CustomerRights) -> App {
    let mut app = app(lang, false);
    log_in(&mut app, group);
    app.toast = None;
    let cmds = customers_cmds(app.update(key(KeyCode::Char('1'))));
    assert!(
        matches!(cmds.as_slice(), [CustomersCmd::LoadRights]),
        "opening the screen asks what this person may do: {cmds:?}"
    );
    send(&mut app, CustomersMsg::RightsLoaded(Ok(rights)));
    app
}

fn underwriter() -> CustomerRights {
    CustomerRights {
        reveal_national_id: false,
        export_data: false,
        anonymize: false,
        ..CustomerRights::all()
    }
}

fn adjuster() -> CustomerRights {
    CustomerRights {
        read_national_id: false,
        reveal_national_id: true,
        create_customers: false,
        edit_customers: false,
        edit_vehicles: false,
        verify_vehicles: false,
        record_consents: false,
        export_data: false,
        anonymize: false,
        ..CustomerRights::all()
    }
}

fn hit(n: u128, first: &str, last: &str, en: (&str, &str)) -> Hit {
    Hit {
        customer_id: id(n),
        customer_type: "INDIVIDUAL".into(),
        first_name: first.into(),
        last_name: Some(last.into()),
        first_name_en: Some(en.0.into()),
        last_name_en: Some(en.1.into()),
        national_id_masked: Some(format!("x-xxxx-xxxxx-{:02}-{}", n % 100, n % 10)),
        phone_number: Some(format!("08123450{:02}", n % 100)),
        date_of_birth: NaiveDate::from_ymd_opt(1987, 1, 15),
        tambon_code: Some("100101".into()),
        deleted: false,
        matched: None,
        score: None,
    }
}

fn profile() -> Profile {
    Profile {
        id: id(1),
        customer_type: "INDIVIDUAL".into(),
        first_name: "สมชาย".into(),
        last_name: Some("ใจดี".into()),
        first_name_en: Some("Somchai".into()),
        last_name_en: Some("Jaidee".into()),
        national_id: Some("1101700123456".into()),
        national_id_masked: Some("x-xxxx-xxxxx-45-6".into()),
        branch_code: None,
        date_of_birth: NaiveDate::from_ymd_opt(1987, 1, 15),
        gender: Some("MALE".into()),
        phone_number: Some("0812345678".into()),
        email: Some("somchai@example.co.th".into()),
        address: Some(Json(AddressLines {
            house_no: Some("12".into()),
            soi: Some("ลาดพร้าว 71".into()),
            ..AddressLines::default()
        })),
        tambon_code: Some("100101".into()),
        postal_code: Some("10200".into()),
        agent_name: Some("อนงค์ ศรีสุข".into()),
        account_status: "ACTIVE".into(),
        kyc_status: "VERIFIED".into(),
        preferred_language: "th".into(),
        marketing_consent: true,
        sms_notifications: true,
        email_notifications: false,
        created_at: Utc.with_ymd_and_hms(2025, 3, 1, 3, 0, 0).unwrap(),
        created_by_name: Some("วิชัย วงศ์สวัสดิ์".into()),
        updated_at: Utc.with_ymd_and_hms(2026, 11, 20, 7, 30, 0).unwrap(),
        updated_by_name: Some("วิชัย วงศ์สวัสดิ์".into()),
        version: 3,
        deleted_at: None,
    }
}

fn customer360() -> Customer360 {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    Customer360 {
        profile: profile(),
        vehicles: vec![VehicleRow {
            id: id(11),
            registration_number: "1กข 1234".into(),
            province_code: "10".into(),
            plate_label: None,
            make: "Toyota".into(),
            model: "Yaris Ativ".into(),
            year_of_manufacture: 2022,
            engine_cc: Some(1200),
            seats: Some(5),
            vehicle_type: "SEDAN".into(),
            fuel_type: "GASOLINE".into(),
            color: Some("ขาว".into()),
            chassis_number: Some("MR0FB3F30N0000001".into()),
            usage_type: "PERSONAL".into(),
            parking_location: Some("GARAGE".into()),
            annual_mileage: Some(15000),
            is_active: true,
            version: 0,
            verified_at: Some(Utc.with_ymd_and_hms(2026, 3, 1, 3, 0, 0).unwrap()),
            registration_valid: Some(true),
            tax_paid: Some(true),
            registration_expiry: Some(day(2027, 3, 31)),
            verification_reference: Some("ขส.1234/2569".into()),
        }],
        policies: Some(vec![
            PolicyRow {
                id: id(21),
                policy_number: "C1-2569-0000123".into(),
                policy_type: "CLASS_1".into(),
                status: "ACTIVE".into(),
                start_date: day(2026, 3, 1),
                end_date: day(2027, 3, 1),
                sum_insured: Some(dec!(550000)),
                total_premium: dec!(18432.55),
                plate: Some("1กข 1234".into()),
                payment_plan: Some("INSTALLMENT".into()),
            },
            PolicyRow {
                id: id(22),
                policy_number: "CMI-2569-0000456".into(),
                policy_type: "CMI".into(),
                status: "EXPIRED".into(),
                start_date: day(2025, 3, 1),
                end_date: day(2026, 3, 1),
                sum_insured: None,
                total_premium: dec!(645.21),
                plate: Some("1กข 1234".into()),
                payment_plan: None,
            },
        ]),
        claims: Some(vec![ClaimRow {
            id: id(31),
            claim_number: "CL-2569-0000007".into(),
            claim_type: "ACCIDENT".into(),
            status: "ASSESSED".into(),
            incident_date: Utc.with_ymd_and_hms(2026, 9, 14, 11, 20, 0).unwrap(),
            estimated_amount: Some(dec!(42000)),
            approved_amount: None,
            settled_amount: None,
            policy_number: "C1-2569-0000123".into(),
        }]),
        payments: Some(vec![PaymentRow {
            id: id(41),
            transaction_reference: Some("PAY-2569-00000001".into()),
            payment_type: "INSTALLMENT".into(),
            payment_direction: "INCOMING".into(),
            payment_method: "PROMPTPAY".into(),
            total_amount: dec!(6144.18),
            payment_status: "PENDING".into(),
            due_date: Some(day(2026, 11, 1)),
            payment_date: None,
            installment_number: Some(2),
            total_installments: Some(3),
            policy_number: Some("C1-2569-0000123".into()),
        }]),
        outstanding: Some(Outstanding {
            total: dec!(12288.36),
            overdue: dec!(6144.18),
            count: 2,
        }),
        consents: Some(vec![ConsentRow {
            id: id(51),
            purpose: "MARKETING".into(),
            lawful_basis: "CONSENT".into(),
            consent_text_version: "2569-01".into(),
            channel: "BRANCH".into(),
            given_at: Utc.with_ymd_and_hms(2026, 3, 1, 3, 0, 0).unwrap(),
            withdrawn_at: None,
            withdrawal_channel: None,
            evidence_reference: None,
            version: 0,
        }]),
        documents: Some(Vec::new()),
    }
}

/// Types into the box and answers the search it caused with `page`.
fn search_and_answer(app: &mut App, typed: &str, page: Page) {
    let cmds = customers_cmds(type_text(app, typed));
    let Some(CustomersCmd::Search { request, .. }) = cmds.last() else {
        panic!("{typed:?} starts a search: {cmds:?}");
    };
    let request = *request;
    send(
        app,
        CustomersMsg::Searched {
            request,
            page: 0,
            result: Ok(page),
        },
    );
}

/// Opens the 360 of the first hit and answers with `data`.
fn open_360(app: &mut App, data: Customer360) {
    let cmds = customers_cmds(app.update(key(KeyCode::Enter)));
    let Some(CustomersCmd::Load { request, .. }) = cmds.first() else {
        panic!("Enter opens the customer: {cmds:?}");
    };
    let request = *request;
    send(
        app,
        CustomersMsg::Loaded {
            request,
            result: Ok(Some(Box::new(data))),
        },
    );
}

fn somchai_page() -> Page {
    Page {
        hits: vec![hit(1, "สมชาย", "ใจดี", ("Somchai", "Jaidee"))],
        more: false,
    }
}

#[tokio::test]
async fn typing_searches_after_a_pause_and_only_the_newest_answer_counts() {
    let mut app = on_customers(Lang::Th, GroupRole::Underwriter, underwriter());
    let cmds = customers_cmds(type_text(&mut app, "สมชาย ใจ"));
    let searches: Vec<u64> = cmds
        .iter()
        .map(|cmd| match cmd {
            CustomersCmd::Search { request, delay, .. } => {
                assert_eq!(*delay, crate::tui::screens::customers::work::DEBOUNCE);
                *request
            }
            other => panic!("typing only searches: {other:?}"),
        })
        .collect();
    assert!(searches.len() >= 2, "each complete name searches again");
    let newest = *searches.last().unwrap();
    let older = searches[0];
    // The older search answers last: it is dropped.
    send(
        &mut app,
        CustomersMsg::Searched {
            request: newest,
            page: 0,
            result: Ok(somchai_page()),
        },
    );
    send(
        &mut app,
        CustomersMsg::Searched {
            request: older,
            page: 0,
            result: Ok(Page {
                hits: vec![hit(9, "สมชัย", "ใจเย็น", ("Somchai", "Jaiyen"))],
                more: false,
            }),
        },
    );
    let screen = screen_of(&app);
    assert_eq!(screen.search.hits().len(), 1);
    assert_eq!(screen.search.hits()[0].first_name, "สมชาย");
    assert_eq!(screen.search.classified.kind(), Some(LookupKind::Name));
}

#[tokio::test]
async fn incomplete_input_says_what_is_missing_and_does_not_search() {
    let mut app = on_customers(Lang::En, GroupRole::Underwriter, underwriter());
    let cmds = customers_cmds(type_text(&mut app, "081-23"));
    assert!(cmds.is_empty(), "half a phone number is not searched");
    assert!(matches!(
        screen_of(&app).search.classified,
        Classified::NotYet(LookupKind::Phone, _)
    ));
    let cmds = customers_cmds(type_text(&mut app, "4-5678"));
    assert!(matches!(
        cmds.last(),
        Some(CustomersCmd::Search { lookup: Lookup::Phone(phone), .. }) if phone == "0812345678"
    ));
}

#[tokio::test]
async fn enter_opens_the_customer_at_the_policy_found() {
    let mut app = on_customers(Lang::En, GroupRole::Underwriter, underwriter());
    let mut found = somchai_page();
    found.hits[0].matched = Some(Matched::Policy {
        number: "C1-2569-0000123".into(),
        status: "ACTIVE".into(),
    });
    search_and_answer(&mut app, "c1-2569-123", found);
    open_360(&mut app, customer360());
    let pane = screen_of(&app).customer.as_ref().expect("the 360 is open");
    assert_eq!(pane.id, id(1));
    // The policy is chosen once drawn.
    screen(&mut app, 120, 36);
    let pane = screen_of(&app).customer.as_ref().unwrap();
    assert_eq!(
        pane.selected(),
        Some((
            crate::tui::screens::customers::view360::Tab::Policies,
            self::id(21)
        ))
    );
    // Esc goes back to the results, still there.
    app.update(key(KeyCode::Esc));
    assert!(screen_of(&app).customer.is_none());
    assert_eq!(screen_of(&app).search.hits().len(), 1);
}

#[tokio::test]
async fn a_new_customer_with_bad_input_is_refused_beside_the_fields() {
    let mut app = on_customers(Lang::En, GroupRole::Underwriter, underwriter());
    app.update(ctrl_key('n'));
    type_text(&mut app, "สมศรี");
    app.update(key(KeyCode::Tab));
    app.update(key(KeyCode::Tab));
    app.update(key(KeyCode::Tab));
    app.update(key(KeyCode::Tab));
    type_text(&mut app, "1101700123457");
    let cmds = customers_cmds(app.update(ctrl_key('s')));
    assert!(cmds.is_empty(), "nothing is saved");
    let Some(Overlay::Customer(editor)) = &screen_of(&app).overlay else {
        panic!("the form stays open");
    };
    let error = |index: usize| editor.form.fields[index].error.clone();
    assert_eq!(
        error(customer_form::NATIONAL_ID),
        Some(crate::msg!("lookup-national-id-check"))
    );
    assert_eq!(
        error(customer_form::LAST_NAME),
        Some(crate::msg!("customer-need-last-name"))
    );
    assert_eq!(editor.form.value(customer_form::FIRST_NAME), "สมศรี");
    assert!(app.screen.has_unsaved_input(), "quitting would ask first");
}

/// Fills the new-customer form with a valid person.
fn fill_valid_customer(app: &mut App) {
    app.update(ctrl_key('n'));
    type_text(app, "สมศรี");
    app.update(key(KeyCode::Tab));
    type_text(app, "มีสุข");
    app.update(key(KeyCode::Tab));
    app.update(key(KeyCode::Tab));
    app.update(key(KeyCode::Tab));
    type_text(app, "1-1017-00123-45-6");
    app.update(key(KeyCode::Tab));
    type_text(app, "15/01/2530");
    app.update(key(KeyCode::Tab));
    app.update(key(KeyCode::Tab));
    type_text(app, "0812345678");
}

#[tokio::test]
async fn duplicates_are_shown_before_a_new_customer_is_saved() {
    let mut app = on_customers(Lang::En, GroupRole::Underwriter, underwriter());
    fill_valid_customer(&mut app);
    let cmds = customers_cmds(app.update(ctrl_key('s')));
    let Some(CustomersCmd::CheckDuplicates { request, draft, .. }) = cmds.first() else {
        panic!("a new customer is checked first: {cmds:?}");
    };
    assert_eq!(draft.national_id, "1101700123456");
    let request = *request;
    let cmds = send(
        &mut app,
        CustomersMsg::DuplicatesChecked {
            request,
            result: Ok(vec![Duplicate {
                id: id(1),
                name: "สมศรี มีสุข".into(),
                national_id_masked: Some("x-xxxx-xxxxx-45-6".into()),
                phone_number: Some("0812345678".into()),
                date_of_birth: NaiveDate::from_ymd_opt(1987, 1, 15),
                reasons: vec![DuplicateReason::SameNationalId, DuplicateReason::SamePhone],
            }]),
        },
    );
    assert!(
        cmds.is_empty(),
        "nothing is saved while the duplicates are shown"
    );
    assert_snapshot!("customer_duplicates", super::screen(&mut app, 100, 30));
    let cmds = customers_cmds(app.update(key(KeyCode::Enter)));
    assert!(
        matches!(
            cmds.as_slice(),
            [CustomersCmd::Save {
                save: Save::CreateCustomer(_),
                ..
            }]
        ),
        "Enter saves anyway: {cmds:?}"
    );
}

#[tokio::test]
async fn a_conflict_keeps_the_input_and_shows_what_the_other_person_saved() {
    let mut app = on_customers(Lang::En, GroupRole::Underwriter, underwriter());
    search_and_answer(&mut app, "somchai", somchai_page());
    open_360(&mut app, customer360());
    app.update(key(KeyCode::Char('e')));
    // Change the phone.
    for _ in 0..7 {
        app.update(key(KeyCode::Tab));
    }
    app.update(ctrl_key('u'));
    type_text(&mut app, "0899999999");
    let cmds = customers_cmds(app.update(ctrl_key('s')));
    let Some(CustomersCmd::Save {
        request,
        save: Save::UpdateCustomer { version, .. },
    }) = cmds.first()
    else {
        panic!("Ctrl-S saves the edit: {cmds:?}");
    };
    assert_eq!(*version, 3, "the version that was opened");
    let request = *request;
    let cmds = send(
        &mut app,
        CustomersMsg::Saved {
            request,
            result: Err(SaveError::Conflict(Conflict {
                by: Some("สุดารัตน์ อินทร์แก้ว".into()),
                at: Utc.with_ymd_and_hms(2026, 11, 25, 3, 0, 0).unwrap(),
                version: 4,
            })),
        },
    );
    let Some(CustomersCmd::Load { request, .. }) = cmds.first() else {
        panic!("the conflict loads what the other person saved: {cmds:?}");
    };
    let mut theirs = customer360();
    theirs.profile.email = Some("somchai.j@example.com".into());
    theirs.profile.version = 4;
    let request = *request;
    send(
        &mut app,
        CustomersMsg::Loaded {
            request,
            result: Ok(Some(Box::new(theirs))),
        },
    );
    let Some(Overlay::Customer(editor)) = &screen_of(&app).overlay else {
        panic!("the form stays open");
    };
    assert_eq!(
        editor.form.value(customer_form::PHONE),
        "0899999999",
        "my input is kept"
    );
    assert_eq!(
        editor.editing.map(|(_, v)| v),
        Some(4),
        "saving again goes over theirs"
    );
    assert_eq!(
        editor.form.fields[customer_form::EMAIL].note,
        Some(crate::msg!(
            "customers-theirs",
            value = "somchai.j@example.com"
        ))
    );
    assert!(editor.conflict.is_some());
    assert_snapshot!("customer_conflict", super::screen(&mut app, 100, 30));
}

#[tokio::test]
async fn an_adjuster_is_told_what_the_role_may_not_do_and_may_reveal_the_id() {
    let mut app = on_customers(Lang::En, GroupRole::Adjuster, adjuster());
    search_and_answer(&mut app, "somchai", somchai_page());
    let mut masked = customer360();
    masked.profile.national_id = None;
    open_360(&mut app, masked);
    let cmds = customers_cmds(app.update(key(KeyCode::Char('e'))));
    assert!(cmds.is_empty());
    assert!(screen_of(&app).overlay.is_none(), "no form opens");
    assert_eq!(
        app.toast.as_ref().map(|t| t.message.clone()),
        Some(crate::msg!("customers-not-allowed"))
    );
    let cmds = customers_cmds(app.update(key(KeyCode::Char('v'))));
    assert!(matches!(cmds.as_slice(), [CustomersCmd::Reveal { id }] if *id == self::id(1)));
    send(
        &mut app,
        CustomersMsg::Revealed {
            id: id(1),
            result: Ok(Some("1101700123456".into())),
        },
    );
    assert_eq!(
        screen_of(&app)
            .customer
            .as_ref()
            .unwrap()
            .revealed
            .as_deref(),
        Some("1101700123456")
    );
    assert!(
        app.update(ctrl_key('n')).is_empty(),
        "adjusters add no customers"
    );
}

#[tokio::test]
async fn an_administrator_anonymises_only_after_typing_the_word() {
    let mut app = on_customers(Lang::En, GroupRole::Admin, CustomerRights::all());
    search_and_answer(&mut app, "somchai", somchai_page());
    open_360(&mut app, customer360());
    app.update(Msg::Key(KeyEvent::new(
        KeyCode::Char('X'),
        KeyModifiers::SHIFT,
    )));
    assert!(matches!(
        screen_of(&app).overlay,
        Some(Overlay::Anonymize(_))
    ));
    type_text(&mut app, "ANONYMIS");
    assert!(customers_cmds(app.update(key(KeyCode::Enter))).is_empty());
    type_text(&mut app, "E");
    let before = customers_cmds(app.update(key(KeyCode::Enter)));
    assert!(before.is_empty(), "ANONYMISE is not ANONYMIZE");
    for _ in 0..2 {
        app.update(key(KeyCode::Backspace));
    }
    type_text(&mut app, "ZE");
    let cmds = customers_cmds(app.update(key(KeyCode::Enter)));
    assert!(matches!(cmds.as_slice(), [CustomersCmd::Anonymize { id }] if *id == self::id(1)));
    let cmds = send(
        &mut app,
        CustomersMsg::Anonymized {
            id: id(1),
            result: Ok(true),
        },
    );
    assert!(
        matches!(cmds.as_slice(), [CustomersCmd::Load { .. }]),
        "the 360 reloads"
    );
    assert!(screen_of(&app).overlay.is_none());
}

#[tokio::test]
async fn saving_a_vehicle_reloads_the_customer() {
    let mut app = on_customers(Lang::En, GroupRole::Underwriter, underwriter());
    search_and_answer(&mut app, "somchai", somchai_page());
    open_360(&mut app, customer360());
    app.update(key(KeyCode::Tab));
    app.update(key(KeyCode::Char('n')));
    assert!(matches!(screen_of(&app).overlay, Some(Overlay::Vehicle(_))));
    type_text(&mut app, "กข1234");
    let cmds = customers_cmds(app.update(ctrl_key('s')));
    assert!(
        cmds.is_empty(),
        "the province, make, model and year are missing"
    );
    let Some(Overlay::Vehicle(editor)) = &screen_of(&app).overlay else {
        panic!("the form stays open");
    };
    assert_eq!(
        editor.form.fields[crate::tui::screens::customers::vehicle_form::PROVINCE].error,
        Some(crate::msg!("vehicle-need-province"))
    );
    app.update(key(KeyCode::Esc));
    app.update(key(KeyCode::Esc));
    assert!(
        screen_of(&app).overlay.is_none(),
        "Esc twice leaves a changed form"
    );
    let cmds = send(
        &mut app,
        CustomersMsg::Saved {
            request: 99,
            result: Ok(Saved {
                customer: Some(id(1)),
            }),
        },
    );
    assert!(cmds.is_empty(), "a save nobody waits for changes nothing");
}

// ---- what it looks like ----

fn kinds() -> Vec<(&'static str, &'static str, Option<Matched>, Option<f32>)> {
    vec![
        ("name", "พิชญาา รุ่งโรจน์", None, Some(0.87)),
        ("national_id", "1-1017-00123-45-6", None, None),
        ("phone", "+66 81 234 5601", None, None),
        (
            "plate",
            "1กข 1234 กรุงเทพ",
            Some(Matched::Vehicle {
                plate: "1กข 1234".into(),
                province_code: "10".into(),
            }),
            None,
        ),
        (
            "policy",
            "C1-2569-123",
            Some(Matched::Policy {
                number: "C1-2569-0000123".into(),
                status: "ACTIVE".into(),
            }),
            None,
        ),
        (
            "claim",
            "CL-2569-7",
            Some(Matched::Claim {
                number: "CL-2569-0000007".into(),
                status: "ASSESSED".into(),
            }),
            None,
        ),
        (
            "receipt",
            "RC-2569-15",
            Some(Matched::Receipt {
                number: "RC-2569-0000015".into(),
            }),
            None,
        ),
        ("email", "somchai@example.co.th", None, None),
    ]
}

#[tokio::test]
async fn the_jump_box_with_each_kind_of_result() {
    for (kind, typed, matched, score) in kinds() {
        let mut app = on_customers(Lang::Th, GroupRole::Underwriter, underwriter());
        let mut first = hit(
            1,
            "พิชญาภา",
            "รุ่งโรจน์ธนกุล",
            ("Phitchayapha", "Rungrotthanakul"),
        );
        first.matched = matched;
        first.score = score;
        let mut hits = vec![first];
        if kind == "name" {
            let mut second = hit(2, "พิชญา", "รุ่งโรจน์", ("Phitchaya", "Rungrot"));
            second.score = Some(0.71);
            hits.push(second);
        }
        search_and_answer(&mut app, typed, Page { hits, more: false });
        assert_snapshot!(format!("search_{kind}"), super::screen(&mut app, 110, 14));
    }
}

#[tokio::test]
async fn the_customer_360_in_thai_and_english() {
    for lang in Lang::ALL {
        let mut app = on_customers(lang, GroupRole::Underwriter, underwriter());
        search_and_answer(&mut app, "somchai", somchai_page());
        open_360(&mut app, customer360());
        app.update(key(KeyCode::Tab));
        app.update(key(KeyCode::Tab));
        assert_snapshot!(
            format!("customer_360_{}", lang.code()),
            super::screen(&mut app, 120, 28)
        );
    }
}

#[tokio::test]
async fn the_history_of_a_change() {
    let mut app = on_customers(Lang::Th, GroupRole::Underwriter, underwriter());
    search_and_answer(&mut app, "somchai", somchai_page());
    open_360(&mut app, customer360());
    let cmds = app.update(key(KeyCode::Char('h')));
    let Some(Cmd::LoadHistory {
        request, table, id, ..
    }) = cmds.first()
    else {
        panic!("h loads the history: {cmds:?}");
    };
    assert_eq!((*table, *id), ("customers", profile().id));
    let request = *request;
    app.update(Msg::HistoryLoaded {
        request,
        result: Ok(vec![crate::db::history::HistoryEntry {
            at: Utc.with_ymd_and_hms(2026, 11, 20, 7, 30, 0).unwrap(),
            operation: "UPDATE".into(),
            who: "วิชัย วงศ์สวัสดิ์".into(),
            username: "wichai".into(),
            role: Some("prakan_underwriter".into()),
            context: Some("CUSTOMER_EDIT".into()),
            changes: vec![
                crate::db::history::Change {
                    field: "phone_number".into(),
                    old: Some("0812345600".into()),
                    new: Some("0812345678".into()),
                },
                crate::db::history::Change {
                    field: "tambon_code".into(),
                    old: Some("120601".into()),
                    new: Some("100101".into()),
                },
                crate::db::history::Change {
                    field: "marketing_consent".into(),
                    old: Some("false".into()),
                    new: Some("true".into()),
                },
            ],
        }]),
    });
    assert_snapshot!(super::screen(&mut app, 110, 20));
}

#[tokio::test]
async fn the_address_picker_mid_typing() {
    let mut app = on_customers(Lang::Th, GroupRole::Underwriter, underwriter());
    app.update(ctrl_key('n'));
    for _ in 0..customer_form::PLACE - customer_form::FIRST_NAME - 1 {
        app.update(key(KeyCode::Tab));
    }
    let Some(Overlay::Customer(editor)) = &screen_of(&app).overlay else {
        panic!("the form is open");
    };
    assert_eq!(editor.form.focus, customer_form::PLACE);
    app.update(key(KeyCode::Enter));
    type_text(&mut app, "กรุงเทพ");
    app.update(key(KeyCode::Enter));
    type_text(&mut app, "บางก");
    assert_snapshot!(super::screen(&mut app, 100, 30));
}

#[tokio::test]
async fn a_customer_form_with_errors() {
    for lang in Lang::ALL {
        let mut app = on_customers(lang, GroupRole::Underwriter, underwriter());
        app.update(ctrl_key('n'));
        type_text(&mut app, "สมศรี");
        app.update(key(KeyCode::Tab));
        app.update(key(KeyCode::Tab));
        type_text(&mut app, "สมศรี");
        app.update(key(KeyCode::Tab));
        app.update(key(KeyCode::Tab));
        type_text(&mut app, "110170012345");
        app.update(key(KeyCode::Tab));
        type_text(&mut app, "31/02/2530");
        app.update(ctrl_key('s'));
        assert_snapshot!(
            format!("customer_form_errors_{}", lang.code()),
            super::screen(&mut app, 100, 30)
        );
    }
}
