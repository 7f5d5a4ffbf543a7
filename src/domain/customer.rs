//! A customer as typed into the form, checked field by field into a draft the database
//! can take: names in Thai and English, a national ID with a valid check digit, a date of
//! birth in either era, a Thai phone number, an e-mail, and an address.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::{national_id, phone, thai_date};
use crate::i18n::{Lang, Message};
use crate::msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CustomerType {
    #[default]
    Individual,
    /// A company or partnership: the registered name and a tax ID.
    Juristic,
}

impl CustomerType {
    pub fn as_db(self) -> &'static str {
        match self {
            CustomerType::Individual => "INDIVIDUAL",
            CustomerType::Juristic => "JURISTIC",
        }
    }

    pub fn from_db(text: &str) -> CustomerType {
        if text == "JURISTIC" {
            CustomerType::Juristic
        } else {
            CustomerType::Individual
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Other,
}

impl Gender {
    pub const ALL: [Gender; 3] = [Gender::Male, Gender::Female, Gender::Other];

    pub fn as_db(self) -> &'static str {
        match self {
            Gender::Male => "MALE",
            Gender::Female => "FEMALE",
            Gender::Other => "OTHER",
        }
    }

    pub fn from_db(text: &str) -> Option<Gender> {
        Gender::ALL.into_iter().find(|g| g.as_db() == text)
    }
}

/// The free-form part of an address, stored as JSON in customers.address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressLines {
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub house_no: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub moo: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub village: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub building: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub soi: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub road: Option<String>,
}

impl AddressLines {
    pub fn is_empty(&self) -> bool {
        *self == AddressLines::default()
    }
}

/// The fields of the customer form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CustomerField {
    FirstName,
    LastName,
    FirstNameEn,
    LastNameEn,
    NationalId,
    BranchCode,
    DateOfBirth,
    Phone,
    Email,
    HouseNo,
    Moo,
    Village,
    Building,
    Soi,
    Road,
    Tambon,
    PostalCode,
}

/// What the form holds: text as typed, choices as chosen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CustomerInput {
    pub customer_type: CustomerType,
    pub first_name: String,
    pub last_name: String,
    pub first_name_en: String,
    pub last_name_en: String,
    pub national_id: String,
    pub branch_code: String,
    pub date_of_birth: String,
    pub gender: Option<Gender>,
    pub phone: String,
    pub email: String,
    pub preferred_language: Lang,
    pub marketing_consent: bool,
    pub sms_notifications: bool,
    pub email_notifications: bool,
    pub address: AddressInput,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct AddressInput {
    pub house_no: String,
    pub moo: String,
    pub village: String,
    pub building: String,
    pub soi: String,
    pub road: String,
    pub tambon_code: Option<String>,
    pub postal_code: Option<String>,
}

/// A customer ready to be saved.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerDraft {
    pub customer_type: CustomerType,
    pub first_name: String,
    pub last_name: Option<String>,
    pub first_name_en: Option<String>,
    pub last_name_en: Option<String>,
    pub national_id: String,
    pub branch_code: Option<String>,
    pub date_of_birth: Option<NaiveDate>,
    pub gender: Option<Gender>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub preferred_language: Lang,
    pub marketing_consent: bool,
    pub sms_notifications: bool,
    pub email_notifications: bool,
    pub address: Option<AddressLines>,
    pub tambon_code: Option<String>,
    pub postal_code: Option<String>,
}

pub type Problems = Vec<(CustomerField, Message)>;

impl CustomerDraft {
    /// Checks every field; all the problems at once, each with its field.
    pub fn parse(input: &CustomerInput, today: NaiveDate) -> Result<CustomerDraft, Problems> {
        let mut problems = Problems::new();
        let juristic = input.customer_type == CustomerType::Juristic;
        let mut check = |field: CustomerField, value: &str| match field_problem(field, value, today)
        {
            Some(problem) => {
                problems.push((field, problem));
                None
            }
            None => optional(value),
        };

        let first_name = check(CustomerField::FirstName, &input.first_name);
        let last_name = if juristic {
            None
        } else {
            check(CustomerField::LastName, &input.last_name)
        };
        let first_name_en = check(CustomerField::FirstNameEn, &input.first_name_en);
        let last_name_en = if juristic {
            None
        } else {
            check(CustomerField::LastNameEn, &input.last_name_en)
        };
        let national_id = check(CustomerField::NationalId, &input.national_id)
            .and_then(|typed| national_id::normalize(&typed));
        let branch_code = if juristic {
            check(CustomerField::BranchCode, &input.branch_code)
        } else {
            None
        };
        let date_of_birth = if juristic {
            None
        } else {
            check(CustomerField::DateOfBirth, &input.date_of_birth)
                .and_then(|typed| thai_date::parse(&typed).ok())
        };
        let phone =
            check(CustomerField::Phone, &input.phone).and_then(|typed| phone::normalize(&typed));
        let email = check(CustomerField::Email, &input.email).map(|e| e.to_lowercase());

        let address = &input.address;
        let lines = AddressLines {
            house_no: check(CustomerField::HouseNo, &address.house_no),
            moo: check(CustomerField::Moo, &address.moo).and_then(|m| m.parse().ok()),
            village: check(CustomerField::Village, &address.village),
            building: check(CustomerField::Building, &address.building),
            soi: check(CustomerField::Soi, &address.soi),
            road: check(CustomerField::Road, &address.road),
        };
        if !lines.is_empty() && address.tambon_code.is_none() {
            problems.push((CustomerField::Tambon, msg!("customer-need-tambon")));
        }
        if address.tambon_code.is_some() && address.postal_code.is_none() {
            problems.push((CustomerField::PostalCode, msg!("customer-need-postal-code")));
        }

        if !juristic {
            if input.last_name.trim().is_empty() {
                problems.push((CustomerField::LastName, msg!("customer-need-last-name")));
            }
            if !input.first_name_en.trim().is_empty() && input.last_name_en.trim().is_empty() {
                problems.push((
                    CustomerField::LastNameEn,
                    msg!("customer-need-last-name-en"),
                ));
            }
        }
        if input.first_name.trim().is_empty() {
            problems.push((
                CustomerField::FirstName,
                if juristic {
                    msg!("customer-need-registered-name")
                } else {
                    msg!("customer-need-first-name")
                },
            ));
        }
        if input.national_id.trim().is_empty() {
            problems.push((
                CustomerField::NationalId,
                if juristic {
                    msg!("customer-need-tax-id")
                } else {
                    msg!("customer-need-national-id")
                },
            ));
        }
        if input.email_notifications && input.email.trim().is_empty() {
            problems.push((CustomerField::Email, msg!("customer-email-for-notices")));
        }
        if input.sms_notifications && input.phone.trim().is_empty() {
            problems.push((CustomerField::Phone, msg!("customer-phone-for-notices")));
        }

        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(CustomerDraft {
            customer_type: input.customer_type,
            first_name: first_name.unwrap_or_default(),
            last_name,
            first_name_en,
            last_name_en,
            national_id: national_id.unwrap_or_default(),
            branch_code,
            date_of_birth,
            gender: if juristic { None } else { input.gender },
            phone,
            email,
            preferred_language: input.preferred_language,
            marketing_consent: input.marketing_consent,
            sms_notifications: input.sms_notifications,
            email_notifications: input.email_notifications,
            address: (!lines.is_empty()).then_some(lines),
            tambon_code: address.tambon_code.clone(),
            postal_code: address.postal_code.clone(),
        })
    }
}

fn optional(value: &str) -> Option<String> {
    let trimmed = value.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// What is wrong with one field's text, judged on its own (as the person types). Empty
/// is never wrong here: which fields are required depends on the others.
pub fn field_problem(field: CustomerField, value: &str, today: NaiveDate) -> Option<Message> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let too_long = |limit: usize| value.chars().count() > limit;
    match field {
        CustomerField::FirstName if too_long(200) => Some(msg!("customer-too-long", limit = 200)),
        CustomerField::LastName if too_long(100) => Some(msg!("customer-too-long", limit = 100)),
        CustomerField::FirstNameEn | CustomerField::LastNameEn => {
            let limit = if field == CustomerField::FirstNameEn {
                200
            } else {
                100
            };
            if too_long(limit) {
                Some(msg!("customer-too-long", limit = limit as i64))
            } else if value.chars().any(is_thai) {
                Some(msg!("customer-english-in-latin"))
            } else {
                None
            }
        }
        CustomerField::NationalId => {
            let digits: String = value.chars().filter(|c| !matches!(c, '-' | ' ')).collect();
            if !digits.chars().all(|c| c.is_ascii_digit()) {
                Some(msg!("lookup-national-id-digits"))
            } else if digits.len() < 13 {
                Some(msg!(
                    "lookup-digits-to-go",
                    count = 13 - digits.len() as i64
                ))
            } else if digits.len() > 13 {
                Some(msg!("lookup-national-id-digits"))
            } else if !national_id::is_valid(&digits) {
                Some(msg!("lookup-national-id-check"))
            } else {
                None
            }
        }
        CustomerField::BranchCode => (!(value.len() == 5
            && value.chars().all(|c| c.is_ascii_digit())))
        .then(|| msg!("customer-branch-code")),
        CustomerField::DateOfBirth => match thai_date::parse(value) {
            Err(problem) => Some(problem.message()),
            Ok(date) if date > today => Some(msg!("customer-born-in-future")),
            Ok(date) if date < NaiveDate::from_ymd_opt(1900, 1, 1).expect("a date") => {
                Some(msg!("customer-born-too-early"))
            }
            Ok(_) => None,
        },
        CustomerField::Phone => match phone::normalize(value) {
            None => Some(msg!("customer-phone-shape")),
            Some(_) => None,
        },
        CustomerField::Email => {
            let shaped = value.split_once('@').is_some_and(|(user, domain)| {
                !user.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
            }) && !value.contains(char::is_whitespace)
                && value.matches('@').count() == 1;
            (!shaped).then(|| msg!("customer-email-shape"))
        }
        CustomerField::Moo => match value.parse::<u32>() {
            Ok(1..=99) => None,
            _ => Some(msg!("customer-moo-shape")),
        },
        CustomerField::HouseNo
        | CustomerField::Village
        | CustomerField::Building
        | CustomerField::Soi
        | CustomerField::Road
            if too_long(100) =>
        {
            Some(msg!("customer-too-long", limit = 100))
        }
        _ => None,
    }
}

fn is_thai(c: char) -> bool {
    ('\u{0E00}'..='\u{0E7F}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    fn somchai() -> CustomerInput {
        CustomerInput {
            first_name: "สมชาย".into(),
            last_name: "ใจดี".into(),
            first_name_en: "Somchai".into(),
            last_name_en: "Jaidee".into(),
            national_id: "1-1017-00123-45-6".into(),
            date_of_birth: "15/01/2530".into(),
            gender: Some(Gender::Male),
            phone: "081-234-5678".into(),
            email: "Somchai@Example.com".into(),
            sms_notifications: true,
            email_notifications: true,
            address: AddressInput {
                house_no: "99/1".into(),
                moo: "5".into(),
                tambon_code: Some("120601".into()),
                postal_code: Some("11120".into()),
                ..AddressInput::default()
            },
            ..CustomerInput::default()
        }
    }

    #[test]
    fn a_complete_person_becomes_a_draft() {
        let draft = CustomerDraft::parse(&somchai(), today()).expect("valid");
        assert_eq!(draft.national_id, "1101700123456");
        assert_eq!(draft.phone.as_deref(), Some("0812345678"));
        assert_eq!(draft.email.as_deref(), Some("somchai@example.com"));
        assert_eq!(draft.date_of_birth, NaiveDate::from_ymd_opt(1987, 1, 15));
        let address = draft.address.expect("an address");
        assert_eq!(address.moo, Some(5));
        assert_eq!(
            serde_json::to_string(&address).unwrap(),
            r#"{"house_no":"99/1","moo":5}"#
        );
    }

    #[test]
    fn every_problem_is_named_with_its_field() {
        let mut input = somchai();
        input.national_id = "1101700123457".into();
        input.date_of_birth = "31/02/2530".into();
        input.phone = "12345".into();
        input.email = "somchai@".into();
        input.last_name.clear();
        input.first_name_en = "สมชาย".into();
        let problems = CustomerDraft::parse(&input, today()).unwrap_err();
        let fields: Vec<CustomerField> = problems.iter().map(|(f, _)| *f).collect();
        for field in [
            CustomerField::NationalId,
            CustomerField::DateOfBirth,
            CustomerField::Phone,
            CustomerField::Email,
            CustomerField::LastName,
            CustomerField::FirstNameEn,
        ] {
            assert!(fields.contains(&field), "{field:?} in {fields:?}");
        }
    }

    #[test]
    fn a_company_has_a_registered_name_and_a_tax_id_but_no_birthday() {
        let input = CustomerInput {
            customer_type: CustomerType::Juristic,
            first_name: "บริษัท ไทยรุ่งเรือง จำกัด".into(),
            national_id: "0105555123450".into(),
            branch_code: "00000".into(),
            date_of_birth: "not even a date".into(),
            gender: Some(Gender::Male),
            ..CustomerInput::default()
        };
        let draft = CustomerDraft::parse(&input, today()).expect("valid");
        assert_eq!(draft.last_name, None);
        assert_eq!(draft.date_of_birth, None);
        assert_eq!(draft.gender, None);
        assert_eq!(draft.branch_code.as_deref(), Some("00000"));
    }

    #[test]
    fn live_checks_say_what_is_missing() {
        let problem = |field, value| field_problem(field, value, today());
        assert_eq!(
            problem(CustomerField::NationalId, "1101700"),
            Some(msg!("lookup-digits-to-go", count = 6))
        );
        assert_eq!(problem(CustomerField::NationalId, "1101700123456"), None);
        assert_eq!(
            problem(CustomerField::DateOfBirth, "1/1/2600"),
            Some(msg!("customer-born-in-future"))
        );
        assert_eq!(problem(CustomerField::Phone, "+66 81 234 5678"), None);
        assert_eq!(problem(CustomerField::Email, ""), None);
    }

    #[test]
    fn an_address_needs_its_tambon_and_postcode() {
        let mut input = somchai();
        input.address.tambon_code = None;
        input.address.postal_code = None;
        let problems = CustomerDraft::parse(&input, today()).unwrap_err();
        assert_eq!(problems[0].0, CustomerField::Tambon);
        input.address.tambon_code = Some("100101".into());
        let problems = CustomerDraft::parse(&input, today()).unwrap_err();
        assert_eq!(problems[0].0, CustomerField::PostalCode);
    }
}
