//! Customers, their vehicles, DLT checks and PDPA consents.

use chrono::{Datelike, NaiveDate};
use rand::Rng;
use rand::seq::IndexedRandom;
use serde_json::json;
use uuid::Uuid;

use super::identifiers::{national_id_for, plate_for};
use super::{Book, SynthContext, days_before};
use crate::seed::catalog::{
    COLORS, COMPANIES, GIVEN_NAMES, Gender, ROAD_NAMES, SURNAMES, VEHICLE_MODELS, VILLAGE_NAMES,
    VehicleModel, VehicleType,
};

pub const CUSTOMER_COLUMNS: &[&str] = &[
    "id",
    "customer_type",
    "email",
    "phone_number",
    "national_id",
    "first_name",
    "last_name",
    "first_name_en",
    "last_name_en",
    "branch_code",
    "date_of_birth",
    "gender",
    "address",
    "tambon_code",
    "postal_code",
    "agent_id",
    "account_status",
    "kyc_status",
    "preferred_language",
    "marketing_consent",
    "sms_notifications",
    "email_notifications",
    "created_at",
    "updated_at",
];

pub const VEHICLE_COLUMNS: &[&str] = &[
    "id",
    "customer_id",
    "registration_number",
    "province_code",
    "make",
    "model",
    "year_of_manufacture",
    "engine_cc",
    "seats",
    "vehicle_type",
    "fuel_type",
    "color",
    "chassis_number",
    "usage_type",
    "annual_mileage",
    "parking_location",
    "created_at",
    "updated_at",
];

pub const DLT_COLUMNS: &[&str] = &[
    "vehicle_id",
    "verification_date",
    "registration_valid",
    "tax_paid",
    "registration_expiry",
    "dlt_reference_number",
    "verified_by",
    "verification_method",
];

pub const CONSENT_COLUMNS: &[&str] = &[
    "customer_id",
    "purpose",
    "lawful_basis",
    "consent_text_version",
    "channel",
    "given_at",
    "withdrawn_at",
    "withdrawal_channel",
];

/// What the rest of the book needs to know about a customer.
pub struct Customer {
    pub id: Uuid,
    pub juristic: bool,
    pub display_name: String,
    pub agent_id: Option<Uuid>,
    pub province_code: String,
    pub vehicle_count: usize,
}

pub struct Vehicle {
    pub id: Uuid,
    pub model: &'static VehicleModel,
    pub year: i32,
    pub usage: &'static str,
    pub province_code: String,
}

pub fn add_customer(
    ctx: &SynthContext,
    rng: &mut impl Rng,
    index: u64,
    book: &mut Book,
) -> Customer {
    let id = Uuid::now_v7();
    let juristic = rng.random_bool(0.03);
    let place = ctx.random_place(rng).clone();
    let created = ctx.moment(days_before(ctx.today, rng.random_range(0..5 * 365)), rng);
    let agent_id = (rng.random_bool(0.4))
        .then(|| ctx.staff.agents.choose(rng).copied())
        .flatten();
    let phone = rng.random_bool(0.97).then(|| {
        format!(
            "0{}{:08}",
            ["6", "8", "9"].choose(rng).unwrap_or(&"8"),
            rng.random_range(0..100_000_000)
        )
    });

    let (names, gender, birth, email, branch) = if juristic {
        let company = COMPANIES.choose(rng).expect("companies");
        let slug: String = company
            .en
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .take(12)
            .collect::<String>()
            .to_lowercase();
        (
            (company.th.to_string(), None, company.en.to_string(), None),
            None,
            None,
            Some(format!("account{index}@{slug}.co.th")),
            Some("00000"),
        )
    } else {
        let given = GIVEN_NAMES.choose(rng).expect("given names");
        let surname = SURNAMES.choose(rng).expect("surnames");
        let age = rng.random_range(20..76);
        let birth = NaiveDate::from_ymd_opt(
            ctx.today.year() - age,
            rng.random_range(1..13),
            rng.random_range(1..29),
        );
        let email = rng.random_bool(0.7).then(|| {
            let domain = ["gmail.com", "hotmail.com", "yahoo.com", "outlook.co.th"]
                .choose(rng)
                .unwrap_or(&"gmail.com");
            format!(
                "{}.{}{index}@{domain}",
                given.en.to_lowercase(),
                surname
                    .en
                    .chars()
                    .next()
                    .unwrap_or('x')
                    .to_ascii_lowercase()
            )
        });
        let gender = match given.gender {
            Gender::Male => "MALE",
            Gender::Female => "FEMALE",
        };
        (
            (
                given.th.to_string(),
                Some(surname.th.to_string()),
                given.en.to_string(),
                Some(surname.en.to_string()),
            ),
            Some(gender),
            birth,
            email,
            None,
        )
    };
    let (first_name, last_name, first_name_en, last_name_en) = names;
    let display_name = match &last_name {
        Some(last) => format!("{first_name} {last}"),
        None => first_name.clone(),
    };
    let marketing = rng.random_bool(0.35);
    let kyc = *[
        "VERIFIED",
        "VERIFIED",
        "VERIFIED",
        "VERIFIED",
        "VERIFIED",
        "VERIFIED",
        "PENDING",
        "IN_PROGRESS",
    ]
    .choose(rng)
    .unwrap_or(&"VERIFIED");

    book.customers
        .field(id)
        .field(if juristic { "JURISTIC" } else { "INDIVIDUAL" })
        .field(email)
        .field(phone)
        .field(national_id_for(index, juristic))
        .field(&first_name)
        .field(last_name)
        .field(first_name_en)
        .field(last_name_en)
        .field(branch)
        .field(birth)
        .field(gender)
        .field(address(rng, place.is_bangkok()))
        .field(&place.tambon_code)
        .field(&place.postal_code)
        .field(agent_id)
        .field("ACTIVE")
        .field(kyc)
        .field(if rng.random_bool(0.06) { "en" } else { "th" })
        .field(marketing)
        .field(true)
        .field(true)
        .field(created)
        .field(created);
    book.customers.end_row();
    book.note("customer", if juristic { "JURISTIC" } else { "INDIVIDUAL" });

    add_consents(ctx, rng, id, marketing, created, book);

    let vehicle_count = if juristic {
        rng.random_range(2..5)
    } else {
        match rng.random_range(0..100) {
            0..85 => 1,
            85..97 => 2,
            _ => 3,
        }
    };
    Customer {
        id,
        juristic,
        display_name,
        agent_id,
        province_code: place.province_code,
        vehicle_count,
    }
}

fn address(rng: &mut impl Rng, bangkok: bool) -> serde_json::Value {
    let mut address = json!({
        "house_no": if rng.random_bool(0.4) {
            format!("{}/{}", rng.random_range(1..400), rng.random_range(1..200))
        } else {
            rng.random_range(1..999).to_string()
        },
    });
    if !bangkok && rng.random_bool(0.7) {
        address["moo"] = json!(rng.random_range(1..15));
    }
    if rng.random_bool(0.3) {
        address["village"] = json!(VILLAGE_NAMES.choose(rng).copied().unwrap_or_default());
    }
    if rng.random_bool(0.6) {
        address["road"] = json!(ROAD_NAMES.choose(rng).copied().unwrap_or_default());
    }
    address
}

fn add_consents(
    ctx: &SynthContext,
    rng: &mut impl Rng,
    customer_id: Uuid,
    marketing: bool,
    created: chrono::DateTime<chrono::Utc>,
    book: &mut Book,
) {
    let channel = *["BRANCH", "AGENT", "WEB", "MOBILE", "PAPER"]
        .choose(rng)
        .unwrap_or(&"AGENT");
    let withdrawn_marketing = !marketing && rng.random_bool(0.25);
    if marketing || withdrawn_marketing {
        let withdrawn = withdrawn_marketing
            .then(|| created.max(ctx.now - chrono::Duration::days(rng.random_range(1..300))));
        book.consents
            .field(customer_id)
            .field("MARKETING")
            .field("CONSENT")
            .field("2565-01")
            .field(channel)
            .field(created)
            .field(withdrawn)
            .field(withdrawn.map(|_| "CALL_CENTER"));
        book.consents.end_row();
    }
    if rng.random_bool(0.5) {
        book.consents
            .field(customer_id)
            .field("SMS_NOTIFICATIONS")
            .field("CONSENT")
            .field("2565-01")
            .field(channel)
            .field(created)
            .field(None::<chrono::DateTime<chrono::Utc>>)
            .field(None::<&str>);
        book.consents.end_row();
    }
}

pub fn add_vehicle(
    ctx: &SynthContext,
    rng: &mut impl Rng,
    customer: &Customer,
    book: &mut Book,
) -> Vehicle {
    let id = Uuid::now_v7();
    let motorcycle = !customer.juristic && rng.random_bool(0.22);
    let model = &VEHICLE_MODELS[ctx.random_model(rng, motorcycle)];
    let province_code = if rng.random_bool(0.8) {
        customer.province_code.clone()
    } else {
        ctx.random_place(rng).province_code.clone()
    };
    let digit_series = motorcycle || province_code == "10";
    let plate = plate_for(ctx.numbering.vehicle_index(), digit_series);
    let year = ctx.today.year() - rng.random_range(0..15);
    let usage = if customer.juristic {
        *["COMMERCIAL", "COMMERCIAL", "RENTAL"]
            .choose(rng)
            .unwrap_or(&"COMMERCIAL")
    } else {
        match rng.random_range(0..100) {
            0..94 => "PERSONAL",
            94..96 => "TAXI",
            _ => "COMMERCIAL",
        }
    };
    let color = COLORS.choose(rng).map(|(th, _)| *th);
    let created = ctx.moment(days_before(ctx.today, rng.random_range(0..4 * 365)), rng);

    book.vehicles
        .field(id)
        .field(customer.id)
        .field(&plate)
        .field(&province_code)
        .field(model.make)
        .field(model.model)
        .field(year)
        .field((model.engine_cc > 0).then_some(model.engine_cc as i32))
        .field(i32::from(model.seats))
        .field(model.vehicle_type.as_db())
        .field(model.fuel.as_db())
        .field(color)
        .field(chassis_number(rng, model.vehicle_type))
        .field(usage)
        .field(rng.random_range(5..40i32) * 1000)
        .field(
            *["GARAGE", "COVERED", "STREET", "PARKING_LOT"]
                .choose(rng)
                .unwrap_or(&"GARAGE"),
        )
        .field(created)
        .field(created);
    book.vehicles.end_row();

    if rng.random_bool(0.3) {
        book.dlt_verifications
            .field(id)
            .field(created)
            .field(true)
            .field(rng.random_bool(0.95))
            .field(super::days_after(ctx.today, rng.random_range(1..365)))
            .field(format!("DLT{:010}", rng.random_range(0..10_000_000_000u64)))
            .field("STAFF")
            .field("DOCUMENT");
        book.dlt_verifications.end_row();
    }
    Vehicle {
        id,
        model,
        year,
        usage,
        province_code,
    }
}

/// A 17-character chassis number (VIN) shaped like those of cars sold in Thailand.
fn chassis_number(rng: &mut impl Rng, vehicle_type: VehicleType) -> String {
    const VIN_CHARS: &[u8] = b"ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    let prefix = if vehicle_type == VehicleType::Motorcycle {
        "MLH"
    } else {
        "MR0"
    };
    let mut vin = String::from(prefix);
    for _ in 0..14 {
        vin.push(char::from(VIN_CHARS[rng.random_range(0..VIN_CHARS.len())]));
    }
    vin
}
