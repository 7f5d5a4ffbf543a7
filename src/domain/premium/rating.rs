//! Quoting a premium (DOMAIN §1–§3): the CMI tariff, or a voluntary class rated from a
//! rating table, then the no-claim discount, stamp duty and VAT.
//!
//! # The voluntary arithmetic, and how it rounds
//!
//! 1. the base premium of the (class, vehicle type, usage) row of the table;
//! 2. plus `own_damage_rate × sum insured` for the classes that insure the vehicle's value
//!    (1, 2+ and 2);
//! 3. times the multiplier of each factor band holding the risk's value, in the order
//!    vehicle age, engine cc, sum insured, youngest driver's age (skipped for unnamed
//!    drivers), deductible; a factor with no band holding the value multiplies by 1;
//! 4. times `1 + surcharge %` when there is a surcharge.
//!
//! Every step's result is rounded half away from zero to the satang, so each line of the
//! breakdown can be checked by hand from the one above it. The result of the last step is
//! then rounded half away from zero to the whole baht: that is the premium before
//! discounts (`policies.base_premium`). The no-claim discount is `ncb % × that`, to the
//! satang, and stamp duty and VAT follow on the rest ([`PremiumBreakdown::new`]).

use chrono::{Datelike, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use rust_decimal_macros::dec;
use serde_json::json;

use super::cmi::{CmiCategory, VehicleUse};
use super::ncb::NCB_LADDER;
use super::{PolicyType, PremiumBreakdown, satang};

/// What a vehicle is used for (`customer_vehicles.usage_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Usage {
    Personal,
    Commercial,
    Taxi,
    Rental,
}

impl Usage {
    pub const ALL: [Usage; 4] = [
        Usage::Personal,
        Usage::Commercial,
        Usage::Taxi,
        Usage::Rental,
    ];

    pub fn as_db(self) -> &'static str {
        match self {
            Usage::Personal => "PERSONAL",
            Usage::Commercial => "COMMERCIAL",
            Usage::Taxi => "TAXI",
            Usage::Rental => "RENTAL",
        }
    }

    pub fn from_db(s: &str) -> Option<Usage> {
        Usage::ALL.into_iter().find(|u| u.as_db() == s)
    }

    /// The CMI tariff column: taxis and rental cars are vehicles for hire.
    pub fn cmi_use(self) -> VehicleUse {
        match self {
            Usage::Taxi | Usage::Rental => VehicleUse::Hire,
            Usage::Personal | Usage::Commercial => VehicleUse::Private,
        }
    }
}

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_db())
    }
}

/// What a factor band is measured on (`rating_factors.factor_kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FactorKind {
    /// Whole years since the year of manufacture, at the start of cover.
    VehicleAge,
    EngineCc,
    /// Baht.
    SumInsured,
    /// The youngest named driver's age in years.
    DriverAge,
    /// Baht paid by the insured per own-damage claim.
    Deductible,
}

impl FactorKind {
    /// Also the order in which the factors apply.
    pub const ALL: [FactorKind; 5] = [
        FactorKind::VehicleAge,
        FactorKind::EngineCc,
        FactorKind::SumInsured,
        FactorKind::DriverAge,
        FactorKind::Deductible,
    ];

    pub fn as_db(self) -> &'static str {
        match self {
            FactorKind::VehicleAge => "VEHICLE_AGE",
            FactorKind::EngineCc => "ENGINE_CC",
            FactorKind::SumInsured => "SUM_INSURED",
            FactorKind::DriverAge => "DRIVER_AGE",
            FactorKind::Deductible => "DEDUCTIBLE",
        }
    }

    pub fn from_db(s: &str) -> Option<FactorKind> {
        FactorKind::ALL.into_iter().find(|k| k.as_db() == s)
    }
}

/// One row of `rating_base_rates`.
#[derive(Debug, Clone, PartialEq)]
pub struct BaseRate {
    pub policy_type: PolicyType,
    pub vehicle_type: String,
    pub usage: Usage,
    pub base_premium: Decimal,
    /// Fraction of the sum insured added to the base, e.g. 0.012.
    pub own_damage_rate: Decimal,
}

/// One band of `rating_factors`: values in `[lower, upper)` multiply the premium.
#[derive(Debug, Clone, PartialEq)]
pub struct Factor {
    pub kind: FactorKind,
    /// Inclusive.
    pub lower: Decimal,
    /// Exclusive; None = no upper bound.
    pub upper: Option<Decimal>,
    pub multiplier: Decimal,
}

impl Factor {
    pub fn contains(&self, value: Decimal) -> bool {
        self.lower <= value && self.upper.is_none_or(|upper| value < upper)
    }
}

/// A rating table: the rates in force from `effective_from` until the next table.
#[derive(Debug, Clone, PartialEq)]
pub struct RatingTable {
    pub effective_from: NaiveDate,
    pub base_rates: Vec<BaseRate>,
    pub factors: Vec<Factor>,
}

impl RatingTable {
    pub fn base_rate(
        &self,
        policy_type: PolicyType,
        vehicle_type: &str,
        usage: Usage,
    ) -> Option<&BaseRate> {
        self.base_rates.iter().find(|rate| {
            rate.policy_type == policy_type
                && rate.vehicle_type == vehicle_type
                && rate.usage == usage
        })
    }

    /// The band of `kind` holding `value`.
    pub fn factor(&self, kind: FactorKind, value: Decimal) -> Option<&Factor> {
        self.factors
            .iter()
            .find(|factor| factor.kind == kind && factor.contains(value))
    }

    /// The kinds whose bands do not cover every value from 0 upward without a gap (kinds
    /// without any band are not listed: they do not apply).
    pub fn gaps(&self) -> Vec<FactorKind> {
        FactorKind::ALL
            .into_iter()
            .filter(|kind| {
                let mut bands: Vec<&Factor> =
                    self.factors.iter().filter(|f| f.kind == *kind).collect();
                if bands.is_empty() {
                    return false;
                }
                bands.sort_by_key(|f| f.lower);
                let mut reached = Some(Decimal::ZERO);
                for band in bands {
                    match reached {
                        Some(edge) if band.lower == edge => reached = band.upper,
                        _ => return true,
                    }
                }
                reached.is_some()
            })
            .collect()
    }
}

/// What is to be insured, as the rating needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Risk {
    pub policy_type: PolicyType,
    /// SEDAN, HATCHBACK, SUV, PICKUP, VAN or MOTORCYCLE (`customer_vehicles.vehicle_type`).
    pub vehicle_type: String,
    pub usage: Usage,
    pub vehicle_age_years: i32,
    pub engine_cc: Option<i32>,
    pub seats: Option<i16>,
    pub sum_insured: Option<Decimal>,
    /// None = unnamed drivers.
    pub youngest_driver_age: Option<i32>,
    pub deductible: Decimal,
    pub ncb_percent: u8,
    pub surcharge_percent: u8,
}

/// A vehicle's age in whole years at `on`, from its year of manufacture (never negative:
/// next year's model bought this year is new).
pub fn vehicle_age(year_of_manufacture: i32, on: NaiveDate) -> i32 {
    (on.year() - year_of_manufacture).max(0)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RatingLabel {
    /// The OIC's CMI tariff.
    Tariff,
    Base,
    OwnDamage,
    Factor(FactorKind),
    Surcharge,
    NoClaimDiscount,
}

impl RatingLabel {
    /// A stable name for the step: BASE, OWN_DAMAGE, FACTOR_VEHICLE_AGE, …
    pub fn code(self) -> String {
        match self {
            RatingLabel::Tariff => "TARIFF".into(),
            RatingLabel::Base => "BASE".into(),
            RatingLabel::OwnDamage => "OWN_DAMAGE".into(),
            RatingLabel::Factor(kind) => format!("FACTOR_{}", kind.as_db()),
            RatingLabel::Surcharge => "SURCHARGE".into(),
            RatingLabel::NoClaimDiscount => "NO_CLAIM_DISCOUNT".into(),
        }
    }
}

/// One line of the rating: what was applied, and the premium after it.
#[derive(Debug, Clone, PartialEq)]
pub struct RatingStep {
    pub label: RatingLabel,
    /// The multiplier applied (for the own-damage step: the rate on the sum insured);
    /// None for the starting amount.
    pub multiplier: Option<Decimal>,
    /// The running premium after this step.
    pub amount: Decimal,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub policy_type: PolicyType,
    pub steps: Vec<RatingStep>,
    pub ncb_percent: u8,
    pub surcharge_percent: u8,
    pub breakdown: PremiumBreakdown,
}

impl Quote {
    /// What a juristic customer withholds (1 % of net + stamp duty, from 1,000 baht);
    /// nothing for individuals.
    pub fn withholding_tax(&self, juristic: bool) -> Decimal {
        if juristic {
            self.breakdown.withholding_tax()
        } else {
            Decimal::ZERO
        }
    }

    /// What the customer actually pays: the total less any withholding tax.
    pub fn payable(&self, juristic: bool) -> Decimal {
        self.breakdown.total - self.withholding_tax(juristic)
    }

    /// The quote as one JSON object; every amount a string with exactly two decimals.
    pub fn to_json(&self, juristic: bool) -> serde_json::Value {
        let steps: Vec<serde_json::Value> = self
            .steps
            .iter()
            .map(|step| {
                json!({
                    "label": step.label.code(),
                    "multiplier": step.multiplier.map(multiplier_text),
                    "amount": money(step.amount),
                })
            })
            .collect();
        let b = &self.breakdown;
        json!({
            "policy_type": self.policy_type.as_db(),
            "steps": steps,
            "ncb_percent": self.ncb_percent,
            "surcharge_percent": self.surcharge_percent,
            "base_premium": money(b.base),
            "ncb_discount": money(b.discounts),
            "net_premium": money(b.net),
            "stamp_duty": money(b.stamp_duty),
            "vat": money(b.vat),
            "total": money(b.total),
            "juristic": juristic,
            "withholding_tax": money(self.withholding_tax(juristic)),
            "payable": money(self.payable(juristic)),
        })
    }
}

/// An amount to the satang as text: "14910.00".
pub fn money(amount: Decimal) -> String {
    format!("{:.2}", satang(amount))
}

/// A multiplier or rate as text, at least two decimals and no trailing zeros beyond:
/// "1.05", "1.00", "1.30", "0.012".
pub fn multiplier_text(multiplier: Decimal) -> String {
    let normalized = multiplier.normalize();
    if normalized.scale() < 2 {
        format!("{normalized:.2}")
    } else {
        normalized.to_string()
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum QuoteError {
    #[error("the rating table has no rate for {policy_type} on a {vehicle_type} for {usage} use")]
    NoRate {
        policy_type: PolicyType,
        vehicle_type: String,
        usage: Usage,
    },
    #[error("no CMI tariff is published for this vehicle for hire (a pickup)")]
    NoCmiTariff,
    #[error("this class insures the vehicle's value, so it needs a sum insured above zero")]
    SumInsuredRequired,
    #[error("a no-claim discount applies to voluntary cover only, and is 0, 20, 30, 40 or 50 %")]
    NcbNotAllowed,
}

impl QuoteError {
    /// The catalogue message (assets/i18n/*/premium.ftl) saying this to a person.
    pub fn message_id(&self) -> &'static str {
        use crate::key;
        match self {
            QuoteError::NoRate { .. } => key!("premium-error-no-rate"),
            QuoteError::NoCmiTariff => key!("premium-error-no-cmi-tariff"),
            QuoteError::SumInsuredRequired => key!("premium-error-sum-insured-required"),
            QuoteError::NcbNotAllowed => key!("premium-error-ncb-not-allowed"),
        }
    }

    /// The message with its placeables filled.
    pub fn message(&self) -> crate::i18n::Message {
        let args = match self {
            QuoteError::NoRate {
                policy_type,
                vehicle_type,
                usage,
            } => vec![
                ("policy_type", policy_type.as_db().into()),
                ("vehicle_type", vehicle_type.as_str().into()),
                ("usage", usage.as_db().into()),
            ],
            _ => Vec::new(),
        };
        crate::i18n::Message::new(self.message_id(), args)
    }
}

/// The premium of `risk` under `table` (CMI ignores the table).
pub fn quote(table: &RatingTable, risk: &Risk) -> Result<Quote, QuoteError> {
    if risk.policy_type == PolicyType::Cmi {
        return quote_cmi(risk);
    }
    if !NCB_LADDER.contains(&risk.ncb_percent) {
        return Err(QuoteError::NcbNotAllowed);
    }
    let sum_insured = if risk.policy_type.needs_sum_insured() {
        match risk.sum_insured {
            Some(sum) if sum > Decimal::ZERO => Some(sum),
            _ => return Err(QuoteError::SumInsuredRequired),
        }
    } else {
        None
    };
    let rate = table
        .base_rate(risk.policy_type, &risk.vehicle_type, risk.usage)
        .ok_or_else(|| QuoteError::NoRate {
            policy_type: risk.policy_type,
            vehicle_type: risk.vehicle_type.clone(),
            usage: risk.usage,
        })?;

    let mut amount = satang(rate.base_premium);
    let mut steps = vec![RatingStep {
        label: RatingLabel::Base,
        multiplier: None,
        amount,
    }];
    if let Some(sum) = sum_insured {
        amount = satang(amount + rate.own_damage_rate * sum);
        steps.push(RatingStep {
            label: RatingLabel::OwnDamage,
            multiplier: Some(rate.own_damage_rate),
            amount,
        });
    }
    for kind in FactorKind::ALL {
        let value = match kind {
            FactorKind::VehicleAge => Some(Decimal::from(risk.vehicle_age_years.max(0))),
            FactorKind::EngineCc => risk.engine_cc.map(Decimal::from),
            FactorKind::SumInsured => sum_insured,
            FactorKind::DriverAge => risk.youngest_driver_age.map(Decimal::from),
            FactorKind::Deductible => Some(risk.deductible),
        };
        if let Some(factor) = value.and_then(|value| table.factor(kind, value)) {
            amount = satang(amount * factor.multiplier);
            steps.push(RatingStep {
                label: RatingLabel::Factor(kind),
                multiplier: Some(factor.multiplier),
                amount,
            });
        }
    }
    if risk.surcharge_percent > 0 {
        let multiplier = Decimal::ONE + Decimal::from(risk.surcharge_percent) / dec!(100);
        amount = satang(amount * multiplier);
        steps.push(RatingStep {
            label: RatingLabel::Surcharge,
            multiplier: Some(multiplier),
            amount,
        });
    }
    let base = amount.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    let discounts = satang(base * Decimal::from(risk.ncb_percent) / dec!(100));
    if risk.ncb_percent > 0 {
        steps.push(RatingStep {
            label: RatingLabel::NoClaimDiscount,
            multiplier: Some(Decimal::ONE - Decimal::from(risk.ncb_percent) / dec!(100)),
            amount: base - discounts,
        });
    }
    Ok(Quote {
        policy_type: risk.policy_type,
        steps,
        ncb_percent: risk.ncb_percent,
        surcharge_percent: risk.surcharge_percent,
        breakdown: PremiumBreakdown::new(base, discounts),
    })
}

/// CMI: the OIC tariff of the vehicle's category and use; no discount, no surcharge.
fn quote_cmi(risk: &Risk) -> Result<Quote, QuoteError> {
    if risk.ncb_percent != 0 {
        return Err(QuoteError::NcbNotAllowed);
    }
    let category = CmiCategory::for_vehicle(&risk.vehicle_type, risk.engine_cc, risk.seats);
    let net = category
        .net_premium(risk.usage.cmi_use())
        .ok_or(QuoteError::NoCmiTariff)?;
    Ok(Quote {
        policy_type: PolicyType::Cmi,
        steps: vec![RatingStep {
            label: RatingLabel::Tariff,
            multiplier: None,
            amount: net,
        }],
        ncb_percent: 0,
        surcharge_percent: 0,
        breakdown: PremiumBreakdown::new(net, Decimal::ZERO),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn band(kind: FactorKind, lower: i64, upper: Option<i64>, multiplier: Decimal) -> Factor {
        Factor {
            kind,
            lower: Decimal::from(lower),
            upper: upper.map(Decimal::from),
            multiplier,
        }
    }

    /// A small hand-made table: one sedan rate per class, round multipliers.
    fn table() -> RatingTable {
        use FactorKind::*;
        let rate = |policy_type, base: Decimal, own_damage_rate: Decimal| BaseRate {
            policy_type,
            vehicle_type: "SEDAN".into(),
            usage: Usage::Personal,
            base_premium: base,
            own_damage_rate,
        };
        RatingTable {
            effective_from: NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
            base_rates: vec![
                rate(PolicyType::Class1, dec!(7000), dec!(0.012)),
                rate(PolicyType::Class2Plus, dec!(5200), dec!(0.0025)),
                rate(PolicyType::Class3, dec!(2200), dec!(0)),
            ],
            factors: vec![
                band(VehicleAge, 0, Some(3), dec!(1.00)),
                band(VehicleAge, 3, Some(6), dec!(1.05)),
                band(VehicleAge, 6, None, dec!(1.12)),
                band(EngineCc, 0, Some(1301), dec!(0.95)),
                band(EngineCc, 1301, Some(2001), dec!(1.00)),
                band(EngineCc, 2001, None, dec!(1.10)),
                band(SumInsured, 0, Some(300_000), dec!(1.05)),
                band(SumInsured, 300_000, None, dec!(1.00)),
                band(DriverAge, 0, Some(25), dec!(1.30)),
                band(DriverAge, 25, Some(36), dec!(1.10)),
                band(DriverAge, 36, None, dec!(0.95)),
                band(Deductible, 0, Some(1000), dec!(1.00)),
                band(Deductible, 1000, Some(3000), dec!(0.95)),
                band(Deductible, 3000, None, dec!(0.90)),
            ],
        }
    }

    fn risk(policy_type: PolicyType) -> Risk {
        Risk {
            policy_type,
            vehicle_type: "SEDAN".into(),
            usage: Usage::Personal,
            vehicle_age_years: 5,
            engine_cc: Some(1500),
            seats: Some(5),
            sum_insured: Some(dec!(600000)),
            youngest_driver_age: None,
            deductible: Decimal::ZERO,
            ncb_percent: 0,
            surcharge_percent: 0,
        }
    }

    fn amounts(quote: &Quote) -> Vec<(String, Decimal)> {
        quote
            .steps
            .iter()
            .map(|s| (s.label.code(), s.amount))
            .collect()
    }

    #[test]
    fn class_1_sedan_worked_example() {
        // 7,000 + 0.012 × 600,000 = 14,200; age 5 → × 1.05 = 14,910; 1,500 cc × 1.00;
        // SI 600k × 1.00; unnamed drivers: no driver factor; deductible 0 × 1.00.
        // Net 14,910; stamp ceil(14,910 / 250) = 60; VAT 7 % × 14,970 = 1,047.90;
        // total 16,017.90. Juristic: WHT 1 % × 14,970 = 149.70, payable 15,868.20.
        let quote = quote(&table(), &risk(PolicyType::Class1)).unwrap();
        assert_eq!(
            amounts(&quote),
            [
                ("BASE".to_string(), dec!(7000)),
                ("OWN_DAMAGE".to_string(), dec!(14200)),
                ("FACTOR_VEHICLE_AGE".to_string(), dec!(14910)),
                ("FACTOR_ENGINE_CC".to_string(), dec!(14910)),
                ("FACTOR_SUM_INSURED".to_string(), dec!(14910)),
                ("FACTOR_DEDUCTIBLE".to_string(), dec!(14910)),
            ]
        );
        let b = quote.breakdown;
        assert_eq!(
            (b.base, b.discounts, b.net, b.stamp_duty, b.vat, b.total),
            (
                dec!(14910),
                dec!(0),
                dec!(14910),
                dec!(60),
                dec!(1047.90),
                dec!(16017.90)
            )
        );
        assert_eq!(quote.withholding_tax(false), dec!(0));
        assert_eq!(quote.withholding_tax(true), dec!(149.70));
        assert_eq!(quote.payable(true), dec!(15868.20));
        assert_eq!(quote.payable(false), dec!(16017.90));
    }

    #[test]
    fn young_driver_deductible_surcharge_and_ncb() {
        // 7,000 + 0.012 × 250,000 = 10,000; age 7 → × 1.12 = 11,200; 1,200 cc × 0.95 =
        // 10,640; SI 250k × 1.05 = 11,172; driver 22 × 1.30 = 14,523.60; deductible 3,000
        // × 0.90 = 13,071.24; surcharge 20 % × 1.2 = 15,685.488 → 15,685.49; whole baht
        // 15,685.
        let mut r = risk(PolicyType::Class1);
        r.vehicle_age_years = 7;
        r.engine_cc = Some(1200);
        r.sum_insured = Some(dec!(250000));
        r.youngest_driver_age = Some(22);
        r.deductible = dec!(3000);
        r.surcharge_percent = 20;
        let q = quote(&table(), &r).unwrap();
        let steps: Vec<Decimal> = q.steps.iter().map(|s| s.amount).collect();
        assert_eq!(
            steps,
            [
                dec!(7000),
                dec!(10000),
                dec!(11200),
                dec!(10640),
                dec!(11172),
                dec!(14523.60),
                dec!(13071.24),
                dec!(15685.49)
            ]
        );
        assert_eq!(q.steps[7].label, RatingLabel::Surcharge);
        assert_eq!(q.steps[7].multiplier, Some(dec!(1.2)));
        assert_eq!(q.breakdown.base, dec!(15685));
        // stamp ceil(15,685 / 250) = 63; VAT 7 % × 15,748 = 1,102.36.
        assert_eq!(q.breakdown.total, dec!(16850.36));

        // Without the surcharge and with NCB 40 %: 13,071.24 → 13,071; discount 40 % =
        // 5,228.40; net 7,842.60; stamp ceil(7,842.60 / 250) = 32; VAT 7 % × 7,874.60 =
        // 551.222 → 551.22; total 8,425.82.
        r.surcharge_percent = 0;
        r.ncb_percent = 40;
        let q = quote(&table(), &r).unwrap();
        assert_eq!(q.breakdown.base, dec!(13071));
        assert_eq!(q.breakdown.discounts, dec!(5228.40));
        assert_eq!(q.breakdown.net, dec!(7842.60));
        assert_eq!(q.breakdown.stamp_duty, dec!(32));
        assert_eq!(q.breakdown.vat, dec!(551.22));
        assert_eq!(q.breakdown.total, dec!(8425.82));
        let last = q.steps.last().unwrap();
        assert_eq!(last.label, RatingLabel::NoClaimDiscount);
        assert_eq!(last.multiplier, Some(dec!(0.6)));
        assert_eq!(last.amount, dec!(7842.60));
    }

    #[test]
    fn third_party_only_ignores_the_sum_insured() {
        // 2,200, age 5 × 1.05 = 2,310; cc × 1.00; no sum insured factor; ded × 1.00.
        // stamp ceil(2,310 / 250) = 10; VAT 7 % × 2,320 = 162.40; total 2,482.40.
        let mut r = risk(PolicyType::Class3);
        r.sum_insured = Some(dec!(100));
        let q = quote(&table(), &r).unwrap();
        assert!(q.steps.iter().all(|s| s.label != RatingLabel::OwnDamage
            && s.label != RatingLabel::Factor(FactorKind::SumInsured)));
        assert_eq!(q.breakdown.base, dec!(2310));
        assert_eq!(q.breakdown.total, dec!(2482.40));
        r.sum_insured = None;
        assert_eq!(quote(&table(), &r).unwrap().breakdown.total, dec!(2482.40));
    }

    #[test]
    fn class_2_plus_rounds_to_the_baht_half_up() {
        // 5,200 + 0.0025 × 333,333 = 6,033.3325 → 6,033.33; × 1.05 = 6,334.9965 →
        // 6,335.00; whole baht 6,335.
        let mut r = risk(PolicyType::Class2Plus);
        r.sum_insured = Some(dec!(333333));
        let q = quote(&table(), &r).unwrap();
        assert_eq!(q.steps[1].amount, dec!(6033.33));
        assert_eq!(q.breakdown.base, dec!(6335));
        // And a half baht goes up: 5,200 + 0.0025 × 300,200 = 5,950.50; age 1 × 1.00;
        // whole baht 5,951.
        r.sum_insured = Some(dec!(300200));
        r.vehicle_age_years = 1;
        assert_eq!(quote(&table(), &r).unwrap().breakdown.base, dec!(5951));
    }

    #[test]
    fn errors() {
        let t = table();
        let mut r = risk(PolicyType::Class1);
        r.sum_insured = None;
        assert_eq!(quote(&t, &r), Err(QuoteError::SumInsuredRequired));
        r.sum_insured = Some(Decimal::ZERO);
        assert_eq!(quote(&t, &r), Err(QuoteError::SumInsuredRequired));
        let mut r = risk(PolicyType::Class1);
        r.ncb_percent = 25;
        assert_eq!(quote(&t, &r), Err(QuoteError::NcbNotAllowed));
        let mut r = risk(PolicyType::Class2);
        assert!(matches!(quote(&t, &r), Err(QuoteError::NoRate { .. })));
        r.policy_type = PolicyType::Class1;
        r.usage = Usage::Taxi;
        assert_eq!(
            quote(&t, &r),
            Err(QuoteError::NoRate {
                policy_type: PolicyType::Class1,
                vehicle_type: "SEDAN".into(),
                usage: Usage::Taxi
            })
        );
        let mut cmi = risk(PolicyType::Cmi);
        cmi.ncb_percent = 20;
        assert_eq!(quote(&t, &cmi), Err(QuoteError::NcbNotAllowed));
        let mut pickup = risk(PolicyType::Cmi);
        pickup.vehicle_type = "PICKUP".into();
        pickup.usage = Usage::Rental;
        assert_eq!(quote(&t, &pickup), Err(QuoteError::NoCmiTariff));
        for error in [
            QuoteError::NoCmiTariff,
            QuoteError::SumInsuredRequired,
            QuoteError::NcbNotAllowed,
        ] {
            assert!(error.message_id().starts_with("premium-error-"));
            assert!(!error.to_string().is_empty());
        }
    }

    #[test]
    fn cmi_follows_the_tariff_and_ignores_the_table() {
        let empty = RatingTable {
            effective_from: NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
            base_rates: Vec::new(),
            factors: Vec::new(),
        };
        let car = risk(PolicyType::Cmi);
        let q = quote(&empty, &car).unwrap();
        assert_eq!(q.breakdown.total, dec!(645.21));
        assert_eq!(q.steps.len(), 1);
        assert_eq!(q.steps[0].label, RatingLabel::Tariff);
        let mut taxi = car.clone();
        taxi.usage = Usage::Taxi;
        assert_eq!(quote(&empty, &taxi).unwrap().breakdown.total, dec!(2041.56));
        let mut pickup = car.clone();
        pickup.vehicle_type = "PICKUP".into();
        pickup.usage = Usage::Commercial;
        assert_eq!(
            quote(&empty, &pickup).unwrap().breakdown.total,
            dec!(967.28)
        );
        let mut bike = car;
        bike.vehicle_type = "MOTORCYCLE".into();
        bike.engine_cc = Some(110);
        assert_eq!(quote(&empty, &bike).unwrap().breakdown.total, dec!(323.14));
        // CMI is not withheld below 1,000 baht.
        assert_eq!(q.withholding_tax(true), dec!(0));
    }

    #[test]
    fn usage_and_kinds_round_trip() {
        for usage in Usage::ALL {
            assert_eq!(Usage::from_db(usage.as_db()), Some(usage));
        }
        for kind in FactorKind::ALL {
            assert_eq!(FactorKind::from_db(kind.as_db()), Some(kind));
        }
        assert_eq!(Usage::Rental.cmi_use(), VehicleUse::Hire);
        assert_eq!(Usage::Commercial.cmi_use(), VehicleUse::Private);
        assert_eq!(Usage::from_db("personal"), None);
    }

    #[test]
    fn vehicle_age_counts_calendar_years() {
        let on = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(vehicle_age(2021, on), 5);
        assert_eq!(vehicle_age(2027, on), 0);
    }

    #[test]
    fn gaps_are_found() {
        assert!(table().gaps().is_empty());
        let mut t = table();
        t.factors
            .retain(|f| !(f.kind == FactorKind::EngineCc && f.lower == dec!(1301)));
        assert_eq!(t.gaps(), [FactorKind::EngineCc]);
        let mut t = table();
        t.factors
            .retain(|f| !(f.kind == FactorKind::DriverAge && f.upper.is_none()));
        assert_eq!(t.gaps(), [FactorKind::DriverAge]);
    }

    #[test]
    fn json_amounts_have_two_decimals() {
        let q = quote(&table(), &risk(PolicyType::Class1)).unwrap();
        let json = q.to_json(true);
        assert_eq!(json["policy_type"], "CLASS_1");
        assert_eq!(json["base_premium"], "14910.00");
        assert_eq!(json["vat"], "1047.90");
        assert_eq!(json["total"], "16017.90");
        assert_eq!(json["withholding_tax"], "149.70");
        assert_eq!(json["payable"], "15868.20");
        assert_eq!(json["steps"][2]["label"], "FACTOR_VEHICLE_AGE");
        assert_eq!(json["steps"][1]["multiplier"], "0.012");
        assert_eq!(json["steps"][2]["multiplier"], "1.05");
        assert_eq!(json["steps"][3]["multiplier"], "1.00");
        assert_eq!(json["steps"][0]["multiplier"], serde_json::Value::Null);
    }

    proptest! {
        #[test]
        fn total_is_base_less_discount_plus_stamp_and_vat(
            class in 0usize..3,
            age in 0i32..30,
            cc in 50i32..6000,
            sum in 50_000i64..5_000_000,
            driver in proptest::option::of(18i32..90),
            deductible in 0i64..10_000,
            ncb in 0usize..5,
            surcharge in proptest::sample::select(vec![0u8, 20, 30, 40, 50]),
        ) {
            let policy_type = [PolicyType::Class1, PolicyType::Class2Plus, PolicyType::Class3][class];
            let r = Risk {
                policy_type,
                vehicle_type: "SEDAN".into(),
                usage: Usage::Personal,
                vehicle_age_years: age,
                engine_cc: Some(cc),
                seats: Some(5),
                sum_insured: Some(Decimal::from(sum)),
                youngest_driver_age: driver,
                deductible: Decimal::from(deductible),
                ncb_percent: NCB_LADDER[ncb],
                surcharge_percent: surcharge,
            };
            let q = quote(&table(), &r).unwrap();
            let b = q.breakdown;
            prop_assert_eq!(b.total, b.base - b.discounts + b.stamp_duty + b.vat);
            prop_assert_eq!(b.net, b.base - b.discounts);
            prop_assert_eq!(b.base.fract(), Decimal::ZERO);
            prop_assert!(b.total.scale() <= 2);
            prop_assert_eq!(b.discounts, satang(b.base * Decimal::from(r.ncb_percent) / dec!(100)));
            prop_assert!(b.base > Decimal::ZERO);
            // Each step is the one before times its multiplier, to the satang.
            for pair in q.steps.windows(2) {
                if let (RatingLabel::Factor(_) | RatingLabel::Surcharge, Some(m)) = (pair[1].label, pair[1].multiplier) {
                    prop_assert_eq!(pair[1].amount, satang(pair[0].amount * m));
                }
            }
        }
    }
}
