//! `prakan quote …`: the premium of a risk, every step shown: the CMI tariff, or a voluntary
//! class rated from the rating table in force on the start date, then the no-claim
//! discount, stamp duty, VAT and (juristic customers) withholding tax.
//!
//! Bad input is one sentence on standard error and exit status 2; a database failure
//! exits with 1 like every other command.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use prakan::config::Settings;
use prakan::domain::premium::PolicyType;
use prakan::domain::premium::ncb::NCB_LADDER;
use prakan::domain::premium::rating::{
    self, FactorKind, Quote, QuoteError, RatingLabel, RatingTable, Risk, Usage, vehicle_age,
};
use prakan::domain::vehicle::VEHICLE_TYPES;
use prakan::i18n::{Lang, Message, money};
use prakan::{msg, tr};

use super::{Ctx, Failure, Outcome, open};

/// The exit status for input prakan cannot quote.
const BAD_INPUT: i32 = 2;

#[derive(Debug, clap::Args)]
pub struct QuoteArgs {
    /// CMI, CLASS_1, CLASS_2_PLUS, CLASS_2, CLASS_3_PLUS or CLASS_3.
    #[arg(long = "type", value_name = "TYPE")]
    pub policy_type: String,
    /// SEDAN, HATCHBACK, SUV, PICKUP, VAN or MOTORCYCLE.
    #[arg(long, value_name = "TYPE")]
    pub vehicle_type: String,
    /// PERSONAL, COMMERCIAL, TAXI or RENTAL.
    #[arg(long, value_name = "USAGE", default_value = "PERSONAL")]
    pub usage: String,
    /// The year of manufacture.
    #[arg(long, value_name = "YEAR")]
    pub year: Option<String>,
    #[arg(long, value_name = "CC")]
    pub engine_cc: Option<String>,
    #[arg(long, value_name = "N")]
    pub seats: Option<String>,
    #[arg(long, value_name = "THB")]
    pub sum_insured: Option<String>,
    /// The youngest named driver's age (none: unnamed drivers).
    #[arg(long, value_name = "YEARS")]
    pub driver_age: Option<String>,
    #[arg(long, value_name = "THB", default_value = "0")]
    pub deductible: String,
    #[arg(long, value_name = "PERCENT", default_value = "0")]
    pub ncb: String,
    /// The customer is a juristic person (withholds 1 %).
    #[arg(long)]
    pub juristic: bool,
    /// The date cover starts (default: today in Bangkok).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub start: Option<String>,
    /// One JSON object instead of the table.
    #[arg(long)]
    pub json: bool,
}

enum Problem {
    /// The input cannot be quoted: exit status 2.
    BadInput(Message),
    Failure(Failure),
}

impl From<Failure> for Problem {
    fn from(failure: Failure) -> Problem {
        Problem::Failure(failure)
    }
}

impl From<sqlx::Error> for Problem {
    fn from(error: sqlx::Error) -> Problem {
        Problem::Failure(error.into())
    }
}

pub async fn run(args: QuoteArgs, settings: &Settings, ctx: Ctx) -> Outcome {
    match quote(args, settings, ctx).await {
        Ok(()) => Ok(()),
        Err(Problem::Failure(failure)) => Err(failure),
        Err(Problem::BadInput(message)) => {
            // Everything holding the database was dropped when `quote` returned.
            eprintln!("prakan: {}", message.text(ctx.lang));
            std::process::exit(BAD_INPUT);
        }
    }
}

async fn quote(args: QuoteArgs, settings: &Settings, ctx: Ctx) -> Result<(), Problem> {
    let today = prakan::i18n::format::bangkok_date(chrono::Utc::now());
    let input = parse(&args, today).map_err(Problem::BadInput)?;
    let table = if input.risk.policy_type.is_voluntary() {
        let (_target, pool) = open(settings, ctx).await?;
        let loaded = {
            let mut connection = pool.acquire().await?;
            prakan::db::rating::load(&mut connection, input.start).await
        };
        pool.close().await;
        match loaded {
            Ok(table) => Some(table),
            Err(prakan::db::rating::RatingError::Database(error)) => return Err(error.into()),
            Err(error @ prakan::db::rating::RatingError::NoTableInForce(_)) => {
                return Err(Problem::BadInput(error.message()));
            }
            Err(error) => {
                tracing::error!("{error}");
                return Err(Problem::Failure(Failure(error.message())));
            }
        }
    } else {
        None
    };
    let empty;
    let rating_table = match &table {
        Some(table) => table,
        None => {
            // CMI follows the OIC tariff and never reads a table.
            empty = RatingTable {
                effective_from: input.start,
                base_rates: Vec::new(),
                factors: Vec::new(),
            };
            &empty
        }
    };
    let quote = rating::quote(rating_table, &input.risk)
        .map_err(|error: QuoteError| Problem::BadInput(error.message()))?;
    if args.json {
        print_json(&input, table.as_ref(), &quote);
    } else {
        print_text(ctx.lang, &input, table.as_ref(), &quote);
    }
    Ok(())
}

/// The command line, checked.
#[derive(Debug, Clone, PartialEq)]
struct Input {
    risk: Risk,
    year: Option<i32>,
    start: NaiveDate,
    juristic: bool,
}

fn parse(args: &QuoteArgs, today: NaiveDate) -> Result<Input, Message> {
    let policy_type = parse_policy_type(&args.policy_type)?;
    let vehicle_type = args.vehicle_type.trim().to_uppercase();
    if !VEHICLE_TYPES.contains(&vehicle_type.as_str()) {
        return Err(msg!(
            "premium-bad-vehicle-type",
            value = args.vehicle_type.as_str()
        ));
    }
    let usage = Usage::from_db(&args.usage.trim().to_uppercase())
        .ok_or_else(|| msg!("premium-bad-usage", value = args.usage.as_str()))?;
    let start = match &args.start {
        None => today,
        Some(text) => prakan::domain::thai_date::parse(text)
            .map_err(|_| msg!("premium-bad-start", value = text.as_str()))?,
    };
    // Next year's model is sold this year.
    let latest_year = start.year() + 1;
    let year = match &args.year {
        None => None,
        Some(text) => {
            let typed: i32 = text
                .trim()
                .parse()
                .map_err(|_| bad_year(text, latest_year))?;
            let year = prakan::domain::thai_date::christian_year(typed, 12).unwrap_or(typed);
            if !(1950..=latest_year).contains(&year) {
                return Err(bad_year(text, latest_year));
            }
            Some(year)
        }
    };
    if year.is_none() && policy_type.is_voluntary() {
        return Err(msg!("premium-need-year"));
    }
    let engine_cc = match &args.engine_cc {
        None => None,
        Some(text) => Some(
            text.trim()
                .replace(',', "")
                .parse::<i32>()
                .ok()
                .filter(|cc| *cc > 0)
                .ok_or_else(|| msg!("premium-bad-engine-cc", value = text.as_str()))?,
        ),
    };
    if engine_cc.is_none() && vehicle_type == "MOTORCYCLE" && policy_type == PolicyType::Cmi {
        return Err(msg!("premium-need-engine-cc"));
    }
    let seats = match &args.seats {
        None => None,
        Some(text) => Some(
            text.trim()
                .parse::<i16>()
                .ok()
                .filter(|n| (1..=100).contains(n))
                .ok_or_else(|| msg!("premium-bad-seats", value = text.as_str()))?,
        ),
    };
    let sum_insured = match &args.sum_insured {
        None => None,
        Some(text) => Some(
            amount(text)
                .filter(|sum| *sum > Decimal::ZERO)
                .ok_or_else(|| msg!("premium-bad-sum-insured", value = text.as_str()))?,
        ),
    };
    let youngest_driver_age = match &args.driver_age {
        None => None,
        Some(text) => Some(
            text.trim()
                .parse::<i32>()
                .ok()
                .filter(|age| (18..=99).contains(age))
                .ok_or_else(|| msg!("premium-bad-driver-age", value = text.as_str()))?,
        ),
    };
    let deductible = amount(&args.deductible)
        .filter(|d| *d >= Decimal::ZERO)
        .ok_or_else(|| msg!("premium-bad-deductible", value = args.deductible.as_str()))?;
    let ncb_percent = args
        .ncb
        .trim()
        .trim_end_matches('%')
        .trim()
        .parse::<u8>()
        .ok()
        .filter(|n| NCB_LADDER.contains(n))
        .ok_or_else(|| msg!("premium-bad-ncb", value = args.ncb.as_str()))?;
    Ok(Input {
        risk: Risk {
            policy_type,
            vehicle_type,
            usage,
            vehicle_age_years: year.map_or(0, |y| vehicle_age(y, start)),
            engine_cc,
            seats,
            sum_insured,
            youngest_driver_age,
            deductible,
            ncb_percent,
            surcharge_percent: 0,
        },
        year,
        start,
        juristic: args.juristic,
    })
}

fn bad_year(text: &str, latest: i32) -> Message {
    msg!(
        "premium-bad-year",
        value = text,
        latest = latest.to_string()
    )
}

/// CLASS_1 as stored, or as people say it: 1, 2+, 3+, C1, C2P, class-2-plus …
fn parse_policy_type(text: &str) -> Result<PolicyType, Message> {
    let typed = text.trim().to_uppercase().replace(['-', ' '], "_");
    let typed = typed.strip_prefix("CLASS_").unwrap_or(&typed);
    let typed = typed.replace("PLUS", "+").replace("_+", "+");
    PolicyType::ALL
        .into_iter()
        .find(|t| {
            let short = t.as_db().trim_start_matches("CLASS_").replace("_PLUS", "+");
            t.as_db() == typed || short == typed || t.number_prefix() == typed
        })
        .ok_or_else(|| msg!("premium-bad-type", value = text))
}

/// Baht as typed: "600000", "600,000", "600000.50".
fn amount(text: &str) -> Option<Decimal> {
    let cleaned: String = text
        .trim()
        .trim_start_matches('฿')
        .chars()
        .filter(|c| *c != ',' && *c != '_')
        .collect();
    let value: Decimal = cleaned.trim().parse().ok()?;
    (value.scale() <= 2).then_some(value)
}

fn print_json(input: &Input, table: Option<&RatingTable>, quote: &Quote) {
    let mut json = quote.to_json(input.juristic);
    if let Some(object) = json.as_object_mut() {
        let risk = &input.risk;
        object.insert(
            "rating_table".into(),
            table.map(|t| t.effective_from.to_string()).into(),
        );
        object.insert("start_date".into(), input.start.to_string().into());
        object.insert("vehicle_type".into(), risk.vehicle_type.clone().into());
        object.insert("usage".into(), risk.usage.as_db().into());
        object.insert("year_of_manufacture".into(), input.year.into());
        object.insert("vehicle_age_years".into(), risk.vehicle_age_years.into());
        object.insert("engine_cc".into(), risk.engine_cc.into());
        object.insert("seats".into(), risk.seats.into());
        object.insert(
            "sum_insured".into(),
            risk.sum_insured.map(rating::money).into(),
        );
        object.insert("driver_age".into(), risk.youngest_driver_age.into());
        object.insert("deductible".into(), rating::money(risk.deductible).into());
    }
    println!("{json}");
}

fn print_text(lang: Lang, input: &Input, table: Option<&RatingTable>, quote: &Quote) {
    let risk = &input.risk;
    println!(
        "{}",
        tr!(
            lang,
            "premium-quote-heading",
            policy_type = tr!(lang, "enum-policy-type", value = risk.policy_type.as_db()),
            vehicle_type = tr!(
                lang,
                "enum-vehicle-type",
                value = risk.vehicle_type.as_str()
            ),
            usage = tr!(lang, "enum-usage-type", value = risk.usage.as_db()),
            start =
                prakan::i18n::date(lang, prakan::i18n::Calendar::default_for(lang), input.start)
        )
    );
    println!(
        "{}",
        match table {
            Some(table) => tr!(
                lang,
                "premium-rating-table",
                date = prakan::i18n::date(
                    lang,
                    prakan::i18n::Calendar::default_for(lang),
                    table.effective_from
                )
            ),
            None => tr!(lang, "premium-cmi-tariff"),
        }
    );
    println!();

    let rows: Vec<Vec<String>> = quote
        .steps
        .iter()
        .map(|step| {
            let value = match step.label {
                RatingLabel::Factor(FactorKind::VehicleAge) => risk.vehicle_age_years.to_string(),
                RatingLabel::Factor(FactorKind::EngineCc) => {
                    risk.engine_cc.map(|cc| cc.to_string()).unwrap_or_default()
                }
                RatingLabel::Factor(FactorKind::SumInsured) | RatingLabel::OwnDamage => {
                    risk.sum_insured.map(money).unwrap_or_default()
                }
                RatingLabel::Factor(FactorKind::DriverAge) => risk
                    .youngest_driver_age
                    .map(|age| age.to_string())
                    .unwrap_or_default(),
                RatingLabel::Factor(FactorKind::Deductible) => money(risk.deductible),
                RatingLabel::Surcharge => quote.surcharge_percent.to_string(),
                RatingLabel::NoClaimDiscount => quote.ncb_percent.to_string(),
                RatingLabel::Tariff | RatingLabel::Base => String::new(),
            };
            let multiplier = match (step.label, step.multiplier) {
                (_, None) => String::new(),
                (RatingLabel::OwnDamage, Some(rate)) => format!(
                    "+ {} % × {}",
                    (rate * Decimal::ONE_HUNDRED).normalize(),
                    risk.sum_insured.map(money).unwrap_or_default()
                ),
                (_, Some(m)) => format!("× {}", rating::multiplier_text(m)),
            };
            vec![
                tr!(
                    lang,
                    "premium-step",
                    step = step.label.code(),
                    value = value
                ),
                multiplier,
                money(step.amount),
            ]
        })
        .collect();
    let headers =
        ["step", "multiplier", "amount"].map(|column| tr!(lang, "premium-column", column = column));
    super::table::print(&headers, &rows);
    println!();

    let b = &quote.breakdown;
    let field = |name: &str| {
        tr!(
            lang,
            "premium-field",
            field = name,
            percent = quote.ncb_percent.to_string()
        )
    };
    let mut fields = vec![
        (field("base"), money(b.base)),
        (field("discount"), money(b.discounts)),
        (field("net"), money(b.net)),
        (field("stamp"), money(b.stamp_duty)),
        (field("vat"), money(b.vat)),
        (field("total"), money(b.total)),
    ];
    if input.juristic {
        fields.push((field("wht"), money(quote.withholding_tax(true))));
        fields.push((field("payable"), money(quote.payable(true))));
    }
    super::table::print_fields(&fields);
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn args(policy_type: &str) -> QuoteArgs {
        QuoteArgs {
            policy_type: policy_type.into(),
            vehicle_type: "sedan".into(),
            usage: "PERSONAL".into(),
            year: Some("2021".into()),
            engine_cc: Some("1500".into()),
            seats: None,
            sum_insured: Some("600,000".into()),
            driver_age: None,
            deductible: "0".into(),
            ncb: "0".into(),
            juristic: false,
            start: Some("2026-12-01".into()),
            json: false,
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    }

    #[test]
    fn policy_types_as_people_say_them() {
        for (typed, wanted) in [
            ("CLASS_1", PolicyType::Class1),
            ("class-1", PolicyType::Class1),
            ("1", PolicyType::Class1),
            ("C1", PolicyType::Class1),
            ("2+", PolicyType::Class2Plus),
            ("CLASS_2_PLUS", PolicyType::Class2Plus),
            ("c2p", PolicyType::Class2Plus),
            ("2", PolicyType::Class2),
            ("3+", PolicyType::Class3Plus),
            ("class 3 plus", PolicyType::Class3Plus),
            ("3", PolicyType::Class3),
            ("cmi", PolicyType::Cmi),
        ] {
            assert_eq!(parse_policy_type(typed), Ok(wanted), "{typed}");
        }
        assert!(parse_policy_type("4").is_err());
        assert!(parse_policy_type("").is_err());
    }

    #[test]
    fn a_class_1_sedan_is_read() {
        let input = parse(&args("CLASS_1"), today()).unwrap();
        assert_eq!(input.risk.vehicle_type, "SEDAN");
        assert_eq!(input.risk.vehicle_age_years, 5);
        assert_eq!(input.risk.sum_insured, Some(dec!(600000)));
        assert_eq!(input.start, NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        let mut buddhist = args("CLASS_1");
        buddhist.year = Some("2564".into());
        assert_eq!(parse(&buddhist, today()).unwrap().year, Some(2021));
        let mut no_start = args("CLASS_1");
        no_start.start = None;
        assert_eq!(parse(&no_start, today()).unwrap().start, today());
    }

    #[test]
    fn bad_input_says_which() {
        let key = |args: &QuoteArgs| parse(args, today()).unwrap_err().key;
        let mut a = args("CLASS_1");
        a.vehicle_type = "TRUCK".into();
        assert_eq!(key(&a), "premium-bad-vehicle-type");
        let mut a = args("CLASS_1");
        a.usage = "FLEET".into();
        assert_eq!(key(&a), "premium-bad-usage");
        let mut a = args("CLASS_1");
        a.year = None;
        assert_eq!(key(&a), "premium-need-year");
        let mut a = args("CLASS_1");
        a.year = Some("2031".into());
        assert_eq!(key(&a), "premium-bad-year");
        let mut a = args("CLASS_1");
        a.ncb = "25".into();
        assert_eq!(key(&a), "premium-bad-ncb");
        let mut a = args("CLASS_1");
        a.sum_insured = Some("-5".into());
        assert_eq!(key(&a), "premium-bad-sum-insured");
        let mut a = args("CLASS_1");
        a.driver_age = Some("15".into());
        assert_eq!(key(&a), "premium-bad-driver-age");
        let mut a = args("CLASS_1");
        a.deductible = "lots".into();
        assert_eq!(key(&a), "premium-bad-deductible");
        let mut a = args("CLASS_1");
        a.start = Some("31/02/2026".into());
        assert_eq!(key(&a), "premium-bad-start");
        let mut a = args("CMI");
        a.vehicle_type = "MOTORCYCLE".into();
        a.engine_cc = None;
        assert_eq!(key(&a), "premium-need-engine-cc");
        assert_eq!(key(&args("CLASS_9")), "premium-bad-type");
    }

    #[test]
    fn cmi_needs_no_year() {
        let mut a = args("CMI");
        a.year = None;
        a.sum_insured = None;
        assert!(parse(&a, today()).is_ok());
    }
}
