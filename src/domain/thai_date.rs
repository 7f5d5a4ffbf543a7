//! Dates as people type them (DOMAIN §8): day/month/year or year-month-day, months by
//! number or by Thai or English name, years in the Buddhist Era or the Christian era (a
//! year above 2400 is Buddhist). Dates are stored in the Christian era.

use chrono::NaiveDate;

use crate::i18n::Message;
use crate::i18n::format::{
    ENGLISH_MONTHS_LONG, ENGLISH_MONTHS_SHORT, THAI_MONTHS_LONG, THAI_MONTHS_SHORT,
};
use crate::msg;

/// Years above this are Buddhist Era years.
const BUDDHIST_FROM: i32 = 2400;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    /// Not a date shape prakan reads.
    Unreadable,
    /// Day, month and year that make no date (31 February).
    NoSuchDate,
}

impl DateProblem {
    pub fn message(self) -> Message {
        match self {
            DateProblem::Unreadable => msg!("date-unreadable"),
            DateProblem::NoSuchDate => msg!("date-no-such-date"),
        }
    }
}

/// "15/01/2530", "15-1-1987", "1987-01-15", "15 ม.ค. 2530", "15 มกราคม 2530", "15 Jan 1987".
pub fn parse(text: &str) -> Result<NaiveDate, DateProblem> {
    let text = text.trim();
    let parts: Vec<&str> = text
        .split(|c: char| c == '/' || c == '-' || c.is_whitespace() || c == ',')
        .filter(|p| !p.is_empty())
        .collect();
    let (day, month, year) = match parts.as_slice() {
        [year, month, day] if year.len() == 4 && is_number(year) => {
            (number(day)?, number(month)?, number(year)?)
        }
        [day, month, year] => (number(day)?, month_of(month)?, number(year)?),
        [dotted] => {
            let pieces: Vec<&str> = dotted.split('.').collect();
            match pieces.as_slice() {
                [day, month, year] => (number(day)?, number(month)?, number(year)?),
                _ => return Err(DateProblem::Unreadable),
            }
        }
        _ => return Err(DateProblem::Unreadable),
    };
    if !(1000..=9999).contains(&year) {
        return Err(DateProblem::Unreadable);
    }
    let christian = christian_year(year, month).ok_or(DateProblem::NoSuchDate)?;
    NaiveDate::from_ymd_opt(christian, month, day).ok_or(DateProblem::NoSuchDate)
}

/// A typed year in the Christian era: Buddhist years (above 2400) lose 543, or 542 for
/// January to March before 1941, when the Thai year still began in April. BE 2483 was
/// the short year from April to December 1940: it has no January to March.
pub fn christian_year(year: i32, month: u32) -> Option<i32> {
    if year <= BUDDHIST_FROM {
        Some(year)
    } else if year == 2483 && month <= 3 {
        None
    } else if year < 2483 && month <= 3 {
        Some(year - 542)
    } else {
        Some(year - 543)
    }
}

fn is_number(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_digit())
}

fn number<T: std::str::FromStr>(text: &str) -> Result<T, DateProblem> {
    if !is_number(text) {
        return Err(DateProblem::Unreadable);
    }
    text.parse().map_err(|_| DateProblem::Unreadable)
}

/// A month by number, Thai name (ม.ค., มกราคม) or English name (Jan, January).
fn month_of(text: &str) -> Result<u32, DateProblem> {
    if is_number(text) {
        return number(text);
    }
    let wanted = text.trim_end_matches('.').to_lowercase();
    let same = |name: &str| name.trim_end_matches('.').to_lowercase() == wanted;
    [
        &THAI_MONTHS_SHORT,
        &THAI_MONTHS_LONG,
        &ENGLISH_MONTHS_SHORT,
        &ENGLISH_MONTHS_LONG,
    ]
    .iter()
    .find_map(|names| names.iter().position(|name| same(name)))
    .map(|index| index as u32 + 1)
    .ok_or(DateProblem::Unreadable)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn buddhist_and_christian_years() {
        for typed in [
            "15/01/2530",
            "15/1/1987",
            "15-01-2530",
            "1987-01-15",
            "15.01.2530",
            "15 ม.ค. 2530",
            "15 มกราคม 2530",
            "15 Jan 1987",
            "15 january 2530",
        ] {
            assert_eq!(parse(typed), Ok(day(1987, 1, 15)), "{typed}");
        }
    }

    #[test]
    fn before_1941_january_to_march_belong_to_the_previous_buddhist_year() {
        assert_eq!(parse("1/2/2482"), Ok(day(1940, 2, 1)));
        assert_eq!(parse("1/5/2483"), Ok(day(1940, 5, 1)));
        assert_eq!(parse("1/2/2484"), Ok(day(1941, 2, 1)));
        assert_eq!(parse("1/2/2483"), Err(DateProblem::NoSuchDate));
    }

    #[test]
    fn nonsense_is_refused_with_the_reason() {
        assert_eq!(parse("31/02/2530"), Err(DateProblem::NoSuchDate));
        assert_eq!(parse("15/13/2530"), Err(DateProblem::NoSuchDate));
        assert_eq!(parse("yesterday"), Err(DateProblem::Unreadable));
        assert_eq!(parse("15/01/87"), Err(DateProblem::Unreadable));
        assert_eq!(parse(""), Err(DateProblem::Unreadable));
    }

    proptest! {
        #[test]
        fn every_date_reads_back_in_both_eras(days in 0i64..70_000) {
            let date = day(1900, 1, 1) + chrono::Duration::days(days);
            let christian = date.format("%d/%m/%Y").to_string();
            let buddhist = format!("{}/{}/{}", date.format("%d"), date.format("%m"),
                crate::i18n::format::buddhist_year(date));
            prop_assert_eq!(parse(&christian), Ok(date));
            prop_assert_eq!(parse(&buddhist), Ok(date));
        }
    }
}
