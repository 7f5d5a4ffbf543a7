//! A policy as typed into the issue form, checked into a draft: the cover (sum insured,
//! deductible, third-party limits, riders), the period and the payment plan. The premium
//! itself comes from `premium::rating::quote`.

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde_json::json;
use uuid::Uuid;

use crate::domain::premium::instalments::{PaymentPlan, Remainder};
use crate::domain::premium::rating::Quote;
use crate::domain::premium::{PolicyType, ncb};
use crate::domain::thai_date;
use crate::i18n::Message;
use crate::msg;

pub const PERIODS: [u32; 4] = [6, 12, 24, 36];
pub const PAYMENT_METHODS: [&str; 6] = [
    "PROMPTPAY",
    "BANK_TRANSFER",
    "CREDIT_CARD",
    "K_PLUS",
    "CASH",
    "CHEQUE",
];
/// Third-party injury cover per person may not be lower (DOMAIN §2, since 2020).
pub const MIN_THIRD_PARTY_INJURY: Decimal = dec!(500000);
/// Third-party death or permanent disability per incident, for policies from 1 Jan 2026.
pub const THIRD_PARTY_PER_INCIDENT: Decimal = dec!(20000000);
/// The compulsory excess for damage without a named counterparty (DOMAIN §2).
pub const COMPULSORY_EXCESS: Decimal = dec!(1000);
/// How far ahead a policy may start.
pub const LATEST_START_DAYS: i64 = 90;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PolicyField {
    Vehicle,
    SumInsured,
    Deductible,
    DriverAge,
    ThirdPartyProperty,
    ThirdPartyInjury,
    PersonalAccident,
    Medical,
    BailBond,
    Start,
    Period,
    Ncb,
}

/// The form's values: text as typed, choices as values.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyInput {
    pub customer_id: Option<Uuid>,
    pub vehicle_id: Option<Uuid>,
    pub policy_type: PolicyType,
    pub sum_insured: String,
    pub deductible: String,
    pub driver_age: String,
    pub third_party_property: String,
    pub third_party_injury: String,
    pub personal_accident: String,
    pub medical: String,
    pub bail_bond: String,
    pub start: String,
    pub period_months: u32,
    pub ncb_percent: u8,
    pub payment_plan: PaymentPlan,
    pub remainder: Remainder,
    pub payment_method: String,
    pub auto_renewal: bool,
}

impl PolicyInput {
    /// A new form: Class 1, a year from the given day, paid in full by PromptPay.
    pub fn new(policy_type: PolicyType, start: &str) -> PolicyInput {
        PolicyInput {
            customer_id: None,
            vehicle_id: None,
            policy_type,
            sum_insured: String::new(),
            deductible: "0".into(),
            driver_age: String::new(),
            third_party_property: "1000000".into(),
            third_party_injury: "500000".into(),
            personal_accident: "100000".into(),
            medical: "50000".into(),
            bail_bond: "200000".into(),
            start: start.into(),
            period_months: 12,
            ncb_percent: 0,
            payment_plan: PaymentPlan::Full,
            remainder: Remainder::First,
            payment_method: "PROMPTPAY".into(),
            auto_renewal: false,
        }
    }
}

/// Limits and riders of a voluntary policy, in baht.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cover {
    pub third_party_property: Decimal,
    pub third_party_injury_per_person: Decimal,
    pub personal_accident: Decimal,
    pub medical: Decimal,
    pub bail_bond: Decimal,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PolicyDraft {
    pub customer_id: Uuid,
    pub vehicle_id: Uuid,
    pub policy_type: PolicyType,
    pub sum_insured: Option<Decimal>,
    pub deductible: Decimal,
    pub youngest_driver_age: Option<i32>,
    pub cover: Cover,
    pub start_date: NaiveDate,
    pub period_months: u32,
    pub ncb_percent: u8,
    pub payment_plan: PaymentPlan,
    pub remainder: Remainder,
    pub payment_method: String,
    pub auto_renewal: bool,
}

impl PolicyDraft {
    pub fn parse(
        input: &PolicyInput,
        today: NaiveDate,
    ) -> Result<PolicyDraft, Vec<(PolicyField, Message)>> {
        let mut problems = Vec::new();
        for field in TEXT_FIELDS {
            if let Some(problem) = field_problem(input, field, today) {
                problems.push((field, problem));
            }
        }
        if input.customer_id.is_none() || input.vehicle_id.is_none() {
            problems.push((PolicyField::Vehicle, msg!("policy-need-vehicle")));
        }
        if input.policy_type.needs_sum_insured() && input.sum_insured.trim().is_empty() {
            problems.push((PolicyField::SumInsured, msg!("policy-need-sum-insured")));
        }
        if input.start.trim().is_empty() {
            problems.push((PolicyField::Start, msg!("policy-need-start")));
        }
        if let Some(problem) = period_problem(input.policy_type, input.period_months) {
            problems.push((PolicyField::Period, problem));
        }
        if let Some(problem) = ncb_problem(input.policy_type, input.ncb_percent) {
            problems.push((PolicyField::Ncb, problem));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let voluntary = input.policy_type.is_voluntary();
        Ok(PolicyDraft {
            customer_id: input.customer_id.unwrap_or_default(),
            vehicle_id: input.vehicle_id.unwrap_or_default(),
            policy_type: input.policy_type,
            sum_insured: input
                .policy_type
                .needs_sum_insured()
                .then(|| baht(&input.sum_insured))
                .flatten(),
            deductible: if voluntary {
                baht(&input.deductible).unwrap_or_default()
            } else {
                Decimal::ZERO
            },
            youngest_driver_age: input.driver_age.trim().parse().ok().filter(|_| voluntary),
            cover: Cover {
                third_party_property: baht(&input.third_party_property).unwrap_or_default(),
                third_party_injury_per_person: baht(&input.third_party_injury).unwrap_or_default(),
                personal_accident: baht(&input.personal_accident).unwrap_or_default(),
                medical: baht(&input.medical).unwrap_or_default(),
                bail_bond: baht(&input.bail_bond).unwrap_or_default(),
            },
            start_date: thai_date::parse(&input.start).unwrap_or(today),
            period_months: input.period_months,
            ncb_percent: if voluntary { input.ncb_percent } else { 0 },
            payment_plan: input.payment_plan,
            remainder: input.remainder,
            payment_method: input.payment_method.clone(),
            auto_renewal: input.auto_renewal,
        })
    }

    pub fn end_date(&self) -> NaiveDate {
        end_date(self.start_date, self.period_months)
    }

    /// What the policy covers and how it was priced, as stored in `coverage_details`.
    pub fn coverage_details(&self, quote: &Quote, juristic: bool) -> serde_json::Value {
        coverage_details(
            self.policy_type,
            self.sum_insured,
            self.deductible,
            self.youngest_driver_age,
            &self.cover,
            quote,
            &PaymentTerms {
                plan: self.payment_plan,
                remainder: self.remainder,
                method: &self.payment_method,
                juristic,
            },
        )
    }
}

pub struct PaymentTerms<'a> {
    pub plan: PaymentPlan,
    pub remainder: Remainder,
    pub method: &'a str,
    pub juristic: bool,
}

/// The cover of a policy as stored in `coverage_details`: limits by class (DOMAIN §1–§2),
/// the rating steps and the payment terms, with the withholding tax of a juristic customer.
pub fn coverage_details(
    policy_type: PolicyType,
    sum_insured: Option<Decimal>,
    deductible: Decimal,
    youngest_driver_age: Option<i32>,
    cover: &Cover,
    quote: &Quote,
    terms: &PaymentTerms,
) -> serde_json::Value {
    let rating = json!({
        "ncb_percent": quote.ncb_percent,
        "surcharge_percent": quote.surcharge_percent,
        "base_premium": quote.breakdown.base,
        "discounts": quote.breakdown.discounts,
    });
    let payment_terms = json!({
        "plan": terms.plan.as_db(),
        "remainder": match terms.remainder { Remainder::First => "FIRST", Remainder::Last => "LAST" },
        "method": terms.method,
        "total": quote.breakdown.total,
        "withholding_tax": quote.withholding_tax(terms.juristic),
        "payable": quote.payable(terms.juristic),
    });
    if policy_type == PolicyType::Cmi {
        return json!({
            "preliminary_medical_per_person": 30000,
            "preliminary_death_disability_per_person": 35000,
            "medical_per_person": 80000,
            "death_disability_per_person": 500000,
            "inpatient_per_day": 200,
            "per_incident": THIRD_PARTY_PER_INCIDENT,
            "rating": rating,
            "payment_terms": payment_terms,
        });
    }
    let own_damage = match policy_type {
        PolicyType::Class1 => sum_insured,
        PolicyType::Class2Plus | PolicyType::Class3Plus => Some(dec!(100000)),
        _ => None,
    };
    let theft_and_fire = matches!(
        policy_type,
        PolicyType::Class1 | PolicyType::Class2Plus | PolicyType::Class2
    );
    json!({
        "third_party_injury_per_person": cover.third_party_injury_per_person,
        "third_party_injury_per_incident": THIRD_PARTY_PER_INCIDENT,
        "third_party_property": cover.third_party_property,
        "own_damage": own_damage,
        "own_damage_counterparty_required": matches!(policy_type, PolicyType::Class2Plus | PolicyType::Class3Plus),
        "theft_and_fire": theft_and_fire.then_some(sum_insured).flatten(),
        "flood": policy_type == PolicyType::Class1,
        "deductible": deductible,
        "compulsory_excess": COMPULSORY_EXCESS,
        "youngest_driver_age": youngest_driver_age,
        "riders": {
            "personal_accident_per_person": cover.personal_accident,
            "medical_per_person": cover.medical,
            "bail_bond": cover.bail_bond,
        },
        "rating": rating,
        "payment_terms": payment_terms,
    })
}

/// The end of a policy of `months` from `start` (the day the cover stops, exclusive).
pub fn end_date(start: NaiveDate, months: u32) -> NaiveDate {
    start
        .checked_add_months(Months::new(months))
        .unwrap_or(start)
}

const TEXT_FIELDS: [PolicyField; 9] = [
    PolicyField::SumInsured,
    PolicyField::Deductible,
    PolicyField::DriverAge,
    PolicyField::ThirdPartyProperty,
    PolicyField::ThirdPartyInjury,
    PolicyField::PersonalAccident,
    PolicyField::Medical,
    PolicyField::BailBond,
    PolicyField::Start,
];

/// "1,000,000": an amount of whole baht with thousands separators.
fn whole_baht(amount: Decimal) -> String {
    crate::i18n::format::money(amount)
        .trim_start_matches('฿')
        .trim_end_matches(".00")
        .to_string()
}

/// Whole baht, with or without thousands separators.
fn baht(value: &str) -> Option<Decimal> {
    let cleaned: String = value.trim().chars().filter(|c| *c != ',').collect();
    let amount: Decimal = cleaned.parse().ok()?;
    (amount >= Decimal::ZERO && amount.fract().is_zero()).then_some(amount)
}

/// What is wrong with one field's text on its own; empty is judged at submit.
pub fn field_problem(input: &PolicyInput, field: PolicyField, today: NaiveDate) -> Option<Message> {
    let voluntary = input.policy_type.is_voluntary();
    let value = match field {
        PolicyField::SumInsured if input.policy_type.needs_sum_insured() => &input.sum_insured,
        PolicyField::Deductible if voluntary => &input.deductible,
        PolicyField::DriverAge if voluntary => &input.driver_age,
        PolicyField::ThirdPartyProperty if voluntary => &input.third_party_property,
        PolicyField::ThirdPartyInjury if voluntary => &input.third_party_injury,
        PolicyField::PersonalAccident if voluntary => &input.personal_accident,
        PolicyField::Medical if voluntary => &input.medical,
        PolicyField::BailBond if voluntary => &input.bail_bond,
        PolicyField::Start => &input.start,
        _ => return None,
    };
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let in_range = |low: Decimal, high: Decimal| match baht(value) {
        Some(amount) if amount >= low && amount <= high => None,
        _ => Some(msg!(
            "policy-amount-between",
            low = whole_baht(low),
            high = whole_baht(high)
        )),
    };
    match field {
        PolicyField::SumInsured => in_range(dec!(50000), dec!(20000000)),
        PolicyField::Deductible => in_range(Decimal::ZERO, dec!(50000)),
        PolicyField::ThirdPartyProperty => in_range(dec!(200000), dec!(10000000)),
        PolicyField::ThirdPartyInjury => in_range(MIN_THIRD_PARTY_INJURY, dec!(10000000)),
        PolicyField::PersonalAccident | PolicyField::Medical | PolicyField::BailBond => {
            in_range(Decimal::ZERO, dec!(5000000))
        }
        PolicyField::DriverAge => match value.parse::<i32>() {
            Ok(age) if (18..=99).contains(&age) => None,
            _ => Some(msg!("policy-driver-age-range")),
        },
        PolicyField::Start => match thai_date::parse(value) {
            Ok(start) if start < today => Some(msg!("policy-start-past")),
            Ok(start) if (start - today).num_days() > LATEST_START_DAYS => {
                Some(msg!("policy-start-too-late", days = LATEST_START_DAYS))
            }
            Ok(_) => None,
            Err(problem) => Some(problem.message()),
        },
        _ => None,
    }
}

/// CMI runs a year; voluntary cover 6, 12, 24 or 36 months.
pub fn period_problem(policy_type: PolicyType, months: u32) -> Option<Message> {
    if !PERIODS.contains(&months) {
        return Some(msg!("policy-period-choice"));
    }
    (policy_type == PolicyType::Cmi && months != 12).then(|| msg!("policy-period-cmi"))
}

fn ncb_problem(policy_type: PolicyType, percent: u8) -> Option<Message> {
    if !ncb::NCB_LADDER.contains(&percent) {
        return Some(msg!("policy-ncb-ladder"));
    }
    (!policy_type.earns_ncb() && percent != 0).then(|| msg!("policy-ncb-cmi"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
    }

    fn class_1() -> PolicyInput {
        PolicyInput {
            customer_id: Some(Uuid::nil()),
            vehicle_id: Some(Uuid::nil()),
            sum_insured: "600,000".into(),
            ..PolicyInput::new(PolicyType::Class1, "2026-12-01")
        }
    }

    fn problems(input: &PolicyInput) -> Vec<PolicyField> {
        match PolicyDraft::parse(input, today()) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.into_iter().map(|(field, _)| field).collect(),
        }
    }

    #[test]
    fn a_complete_class_1_parses_with_its_end_a_year_later() {
        let draft = PolicyDraft::parse(&class_1(), today()).unwrap();
        assert_eq!(draft.sum_insured, Some(dec!(600000)));
        assert_eq!(
            draft.end_date(),
            NaiveDate::from_ymd_opt(2027, 12, 1).unwrap()
        );
    }

    #[test]
    fn class_1_needs_a_sum_insured_and_class_3_does_not() {
        let mut input = class_1();
        input.sum_insured.clear();
        assert_eq!(problems(&input), vec![PolicyField::SumInsured]);
        input.policy_type = PolicyType::Class3;
        assert!(problems(&input).is_empty());
    }

    #[test]
    fn third_party_injury_below_the_legal_minimum_is_refused() {
        let mut input = class_1();
        input.third_party_injury = "300000".into();
        assert_eq!(problems(&input), vec![PolicyField::ThirdPartyInjury]);
    }

    #[test]
    fn a_start_in_the_past_or_far_ahead_is_refused_and_buddhist_years_are_read() {
        let mut input = class_1();
        input.start = "2026-11-28".into();
        assert_eq!(problems(&input), vec![PolicyField::Start]);
        input.start = "2027-06-01".into();
        assert_eq!(problems(&input), vec![PolicyField::Start]);
        input.start = "15/12/2569".into();
        let draft = PolicyDraft::parse(&input, today()).unwrap();
        assert_eq!(
            draft.start_date,
            NaiveDate::from_ymd_opt(2026, 12, 15).unwrap()
        );
    }

    #[test]
    fn cmi_runs_a_year_without_ncb() {
        let mut input = class_1();
        input.policy_type = PolicyType::Cmi;
        input.period_months = 24;
        input.ncb_percent = 20;
        assert_eq!(
            problems(&input),
            vec![PolicyField::Period, PolicyField::Ncb]
        );
    }

    #[test]
    fn no_vehicle_is_refused() {
        let mut input = class_1();
        input.vehicle_id = None;
        assert_eq!(problems(&input), vec![PolicyField::Vehicle]);
    }
}
