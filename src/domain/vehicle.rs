//! A vehicle as typed into the form, checked into a draft: the plate (DOMAIN §5) and its
//! province, make, model, year (either era), engine size, type, fuel, usage, parking,
//! chassis number. And a DLT verification recorded by hand or from a document.

use chrono::NaiveDate;

use crate::domain::{plate, thai_date};
use crate::i18n::Message;
use crate::msg;

pub const VEHICLE_TYPES: [&str; 6] = ["SEDAN", "HATCHBACK", "SUV", "PICKUP", "VAN", "MOTORCYCLE"];
pub const FUEL_TYPES: [&str; 6] = ["GASOLINE", "DIESEL", "HYBRID", "ELECTRIC", "LPG", "CNG"];
pub const USAGE_TYPES: [&str; 4] = ["PERSONAL", "COMMERCIAL", "TAXI", "RENTAL"];
pub const PARKING_LOCATIONS: [&str; 4] = ["GARAGE", "COVERED", "STREET", "PARKING_LOT"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VehicleField {
    Plate,
    Province,
    PlateLabel,
    Make,
    Model,
    Year,
    EngineCc,
    Seats,
    Color,
    Chassis,
    AnnualMileage,
}

/// The form's values: text as typed, choices as their database values.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VehicleInput {
    pub plate: String,
    pub province_code: Option<String>,
    pub plate_label: String,
    pub make: String,
    pub model: String,
    pub year: String,
    pub engine_cc: String,
    pub seats: String,
    pub vehicle_type: String,
    pub fuel_type: String,
    pub color: String,
    pub chassis_number: String,
    pub usage_type: String,
    pub parking_location: Option<String>,
    pub annual_mileage: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct VehicleDraft {
    pub registration_number: String,
    pub province_code: String,
    pub plate_label: Option<String>,
    pub make: String,
    pub model: String,
    pub year_of_manufacture: i32,
    pub engine_cc: Option<i32>,
    pub seats: Option<i16>,
    pub vehicle_type: String,
    pub fuel_type: String,
    pub color: Option<String>,
    pub chassis_number: Option<String>,
    pub usage_type: String,
    pub parking_location: Option<String>,
    pub annual_mileage: Option<i32>,
}

impl VehicleDraft {
    pub fn parse(
        input: &VehicleInput,
        today: NaiveDate,
    ) -> Result<VehicleDraft, Vec<(VehicleField, Message)>> {
        let mut problems = Vec::new();
        for (field, value) in [
            (VehicleField::Plate, &input.plate),
            (VehicleField::PlateLabel, &input.plate_label),
            (VehicleField::Make, &input.make),
            (VehicleField::Model, &input.model),
            (VehicleField::Year, &input.year),
            (VehicleField::EngineCc, &input.engine_cc),
            (VehicleField::Seats, &input.seats),
            (VehicleField::Color, &input.color),
            (VehicleField::Chassis, &input.chassis_number),
            (VehicleField::AnnualMileage, &input.annual_mileage),
        ] {
            if let Some(problem) = field_problem(field, value, today) {
                problems.push((field, problem));
            }
        }
        for (field, value, missing) in [
            (
                VehicleField::Plate,
                &input.plate,
                msg!("vehicle-need-plate"),
            ),
            (VehicleField::Make, &input.make, msg!("vehicle-need-make")),
            (
                VehicleField::Model,
                &input.model,
                msg!("vehicle-need-model"),
            ),
            (VehicleField::Year, &input.year, msg!("vehicle-need-year")),
        ] {
            if value.trim().is_empty() {
                problems.push((field, missing));
            }
        }
        if input.province_code.is_none() {
            problems.push((VehicleField::Province, msg!("vehicle-need-province")));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let text = |value: &str| {
            let trimmed = value.trim();
            (!trimmed.is_empty()).then(|| trimmed.to_string())
        };
        let number = |value: &str| value.trim().parse().ok();
        Ok(VehicleDraft {
            registration_number: plate::normalize(&input.plate).unwrap_or_default(),
            province_code: input.province_code.clone().unwrap_or_default(),
            plate_label: text(&input.plate_label),
            make: input.make.trim().to_string(),
            model: input.model.trim().to_string(),
            year_of_manufacture: year_of(&input.year).unwrap_or_default(),
            engine_cc: number(&input.engine_cc),
            seats: input.seats.trim().parse().ok(),
            vehicle_type: input.vehicle_type.clone(),
            fuel_type: input.fuel_type.clone(),
            color: text(&input.color),
            chassis_number: text(&input.chassis_number).map(|c| c.to_uppercase()),
            usage_type: input.usage_type.clone(),
            parking_location: input.parking_location.clone(),
            annual_mileage: number(&input.annual_mileage),
        })
    }
}

/// A year typed in either era, as a Christian year.
fn year_of(value: &str) -> Option<i32> {
    let year: i32 = value.trim().parse().ok()?;
    thai_date::christian_year(year, 12)
}

/// What is wrong with one field's text on its own; empty is judged at submit.
pub fn field_problem(field: VehicleField, value: &str, today: NaiveDate) -> Option<Message> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let whole = |low: i64, high: i64| match value.parse::<i64>() {
        Ok(n) if (low..=high).contains(&n) => None,
        _ => Some(msg!("vehicle-number-between", low = low, high = high)),
    };
    let too_long = |limit: usize| {
        (value.chars().count() > limit).then(|| msg!("customer-too-long", limit = limit as i64))
    };
    match field {
        VehicleField::Plate => plate::normalize(value)
            .is_none()
            .then(|| msg!("lookup-plate-shape")),
        VehicleField::Year => {
            let latest = chrono::Datelike::year(&today) + 1;
            match year_of(value) {
                Some(year) if (1950..=latest).contains(&year) => None,
                _ => Some(msg!("vehicle-year-range", latest = latest)),
            }
        }
        VehicleField::EngineCc => whole(1, 20_000),
        VehicleField::Seats => whole(1, 100),
        VehicleField::AnnualMileage => whole(1, 1_000_000),
        VehicleField::Chassis => {
            let shaped = value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
            if !shaped {
                Some(msg!("vehicle-chassis-shape"))
            } else {
                too_long(50)
            }
        }
        VehicleField::Make | VehicleField::Color => {
            too_long(if field == VehicleField::Make { 50 } else { 30 })
        }
        VehicleField::Model | VehicleField::PlateLabel => {
            too_long(if field == VehicleField::Model {
                100
            } else {
                50
            })
        }
        VehicleField::Province => None,
    }
}

pub const DLT_METHODS: [&str; 2] = ["MANUAL", "DOCUMENT"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DltField {
    Expiry,
    Reference,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct DltInput {
    pub registration_valid: bool,
    pub tax_paid: bool,
    pub expiry: String,
    pub reference: String,
    pub method: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DltDraft {
    pub registration_valid: bool,
    pub tax_paid: bool,
    pub registration_expiry: Option<NaiveDate>,
    pub reference: Option<String>,
    pub method: String,
}

impl DltDraft {
    pub fn parse(input: &DltInput) -> Result<DltDraft, Vec<(DltField, Message)>> {
        let mut problems = Vec::new();
        let expiry = match input.expiry.trim() {
            "" => None,
            typed => match thai_date::parse(typed) {
                Ok(date) => Some(date),
                Err(problem) => {
                    problems.push((DltField::Expiry, problem.message()));
                    None
                }
            },
        };
        let reference = input.reference.trim();
        if reference.chars().count() > 50 {
            problems.push((DltField::Reference, msg!("customer-too-long", limit = 50)));
        }
        if input.method == "DOCUMENT" && reference.is_empty() {
            problems.push((DltField::Reference, msg!("dlt-need-reference")));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(DltDraft {
            registration_valid: input.registration_valid,
            tax_paid: input.tax_paid,
            registration_expiry: expiry,
            reference: (!reference.is_empty()).then(|| reference.to_string()),
            method: input.method.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    fn civic() -> VehicleInput {
        VehicleInput {
            plate: "1กข1234".into(),
            province_code: Some("10".into()),
            make: "Honda".into(),
            model: "Civic".into(),
            year: "2565".into(),
            engine_cc: "1500".into(),
            vehicle_type: "SEDAN".into(),
            fuel_type: "GASOLINE".into(),
            usage_type: "PERSONAL".into(),
            chassis_number: "mrhfc1650np000001".into(),
            ..VehicleInput::default()
        }
    }

    #[test]
    fn a_vehicle_with_a_buddhist_year_becomes_a_draft() {
        let draft = VehicleDraft::parse(&civic(), today()).expect("valid");
        assert_eq!(draft.registration_number, "1กข 1234");
        assert_eq!(draft.year_of_manufacture, 2022);
        assert_eq!(draft.engine_cc, Some(1500));
        assert_eq!(draft.chassis_number.as_deref(), Some("MRHFC1650NP000001"));
    }

    #[test]
    fn a_wrong_plate_and_a_future_year_are_named() {
        let mut input = civic();
        input.plate = "AB 1234".into();
        input.year = "2575".into();
        input.province_code = None;
        let problems = VehicleDraft::parse(&input, today()).unwrap_err();
        let fields: Vec<_> = problems.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            [
                VehicleField::Plate,
                VehicleField::Year,
                VehicleField::Province
            ]
        );
    }

    #[test]
    fn a_verification_from_a_document_names_the_document() {
        let input = DltInput {
            registration_valid: true,
            tax_paid: true,
            expiry: "31/12/2570".into(),
            method: "DOCUMENT".into(),
            ..DltInput::default()
        };
        let problems = DltDraft::parse(&input).unwrap_err();
        assert_eq!(problems[0].0, DltField::Reference);
        let draft = DltDraft::parse(&DltInput {
            reference: "ขส 123/2569".into(),
            ..input
        })
        .expect("valid");
        assert_eq!(
            draft.registration_expiry,
            NaiveDate::from_ymd_opt(2027, 12, 31)
        );
    }
}
