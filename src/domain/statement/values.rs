//! Amounts and moments as statement files write them: thousands separators, signs in
//! front, behind or as brackets; dates in either era, read in Bangkok time and kept in UTC.

use std::str::FromStr;

use chrono::format::{Item, Parsed};
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use rust_decimal::Decimal;

use super::mapping::Era;
use crate::i18n::Message;
use crate::msg;

/// Bangkok is seven hours ahead of UTC all year (no daylight saving since 1920).
const BANGKOK_OFFSET_HOURS: i64 = 7;

/// The moment in Bangkok's wall-clock time.
pub fn bangkok(moment: DateTime<Utc>) -> NaiveDateTime {
    moment.naive_utc() + Duration::hours(BANGKOK_OFFSET_HOURS)
}

/// A Bangkok wall-clock time as a moment.
pub fn from_bangkok(local: NaiveDateTime) -> DateTime<Utc> {
    (local - Duration::hours(BANGKOK_OFFSET_HOURS)).and_utc()
}

/// `bangkok` for a moment written with `+07:00`.
pub fn rfc3339_bangkok(moment: DateTime<Utc>) -> String {
    format!("{}+07:00", bangkok(moment).format("%Y-%m-%dT%H:%M:%S"))
}

/// Two decimals with comma thousands separators: "-1,234,567.50".
pub fn grouped(amount: Decimal) -> String {
    let text = format!("{:.2}", amount.round_dp(2).abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, "00"));
    let mut out = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    let sign = if amount.round_dp(2).is_sign_negative() && !amount.round_dp(2).is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}{out}.{fraction}")
}

/// Amounts from this on do not fit `NUMERIC(14,2)`.
const MAX_WHOLE_DIGITS: u32 = 12;

/// An amount: digits with at most two decimals, `thousands` between groups of three when
/// given, a sign in front ("-12.50", "+12.50"), behind ("12.50-") or brackets ("(12.50)").
/// `None` when it is none of those (an empty text included).
pub fn parse_amount(text: &str, thousands: Option<char>) -> Option<Decimal> {
    let mut text = text.trim();
    let mut negative = false;
    if let Some(inner) = text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        negative = true;
        text = inner.trim();
    } else if let Some(rest) = text.strip_prefix('-') {
        negative = true;
        text = rest.trim_start();
    } else if let Some(rest) = text.strip_suffix('-') {
        negative = true;
        text = rest.trim_end();
    } else if let Some(rest) = text.strip_prefix('+') {
        text = rest.trim_start();
    }
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text, None),
    };
    let digits = match thousands {
        Some(separator) if whole.contains(separator) => {
            let groups: Vec<&str> = whole.split(separator).collect();
            let well_grouped = groups.iter().enumerate().all(|(i, group)| {
                let all_digits = group.chars().all(|c| c.is_ascii_digit());
                all_digits
                    && if i == 0 {
                        (1..=3).contains(&group.len())
                    } else {
                        group.len() == 3
                    }
            });
            if !well_grouped {
                return None;
            }
            groups.concat()
        }
        _ => whole.to_string(),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if let Some(fraction) = fraction
        && (fraction.is_empty()
            || fraction.len() > 2
            || !fraction.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let number = match fraction {
        Some(fraction) => format!("{digits}.{fraction}"),
        None => digits,
    };
    let value = Decimal::from_str(&number).ok()?;
    if value >= Decimal::from(10_i64.pow(MAX_WHOLE_DIGITS)) {
        return None;
    }
    Some(if negative { -value } else { value })
}

/// A date (and perhaps a time) in the file's format, its year read in `era`: the moment in
/// Bangkok's wall-clock time, and whether the format gave a time of day.
pub fn parse_date(
    text: &str,
    format: &[Item<'_>],
    format_text: &str,
    era: Era,
) -> Result<(NaiveDate, Option<NaiveTime>), Message> {
    let text = text.trim();
    let bad = || msg!("statement-line-date", value = text, format = format_text);
    let mut parsed = Parsed::new();
    chrono::format::parse(&mut parsed, text, format.iter()).map_err(|_| bad())?;
    let (Some(month), Some(day)) = (parsed.month(), parsed.day()) else {
        return Err(bad());
    };
    let year = match (parsed.year(), parsed.year_mod_100()) {
        (Some(year), _) => match era {
            Era::Ce if year > BUDDHIST_FROM => {
                return Err(msg!("statement-line-year-buddhist", value = text));
            }
            Era::Be if year <= BUDDHIST_FROM => {
                return Err(msg!("statement-line-year-christian", value = text));
            }
            _ => year,
        },
        // Two digits: 20yy, or 25yy when the profile says the years are Buddhist.
        (None, Some(short)) => match era {
            Era::Be => 2500 + short,
            Era::Ce | Era::Auto => 2000 + short,
        },
        (None, None) => return Err(bad()),
    };
    let christian = crate::domain::thai_date::christian_year(year, month).ok_or_else(bad)?;
    let date = NaiveDate::from_ymd_opt(christian, month, day).ok_or_else(bad)?;
    let time = if parsed.hour_div_12().is_some() || parsed.hour_mod_12().is_some() {
        Some(parsed.to_naive_time().map_err(|_| bad())?)
    } else {
        None
    };
    Ok((date, time))
}

/// A time of day in the file's format.
pub fn parse_time(
    text: &str,
    format: &[Item<'_>],
    format_text: &str,
) -> Result<NaiveTime, Message> {
    let text = text.trim();
    let mut parsed = Parsed::new();
    chrono::format::parse(&mut parsed, text, format.iter())
        .and_then(|()| parsed.to_naive_time())
        .map_err(|_| msg!("statement-line-time", value = text, format = format_text))
}

/// Years above this are Buddhist Era years (DOMAIN §8).
const BUDDHIST_FROM: i32 = 2400;

/// An ISO 8601 date-time as XML writes it: with an offset it is that moment; without one
/// it is Bangkok's wall-clock time.
pub fn parse_iso_moment(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if let Ok(moment) = DateTime::parse_from_rfc3339(text) {
        return Some(moment.with_timezone(&Utc));
    }
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")
        .ok()
        .map(from_bangkok)
}

/// An ISO 8601 date (`2026-11-29`).
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::format::StrftimeItems;
    use rust_decimal_macros::dec;

    #[test]
    fn amounts_with_separators_and_signs() {
        let comma = Some(',');
        assert_eq!(parse_amount("1,234.56", comma), Some(dec!(1234.56)));
        assert_eq!(parse_amount(" 1,234,567.5 ", comma), Some(dec!(1234567.5)));
        assert_eq!(parse_amount("999", comma), Some(dec!(999)));
        assert_eq!(parse_amount("-1,234.56", comma), Some(dec!(-1234.56)));
        assert_eq!(parse_amount("1,234.56-", comma), Some(dec!(-1234.56)));
        assert_eq!(parse_amount("(1,234.56)", comma), Some(dec!(-1234.56)));
        assert_eq!(parse_amount("+12.00", comma), Some(dec!(12.00)));
        assert_eq!(parse_amount("1234.56", comma), Some(dec!(1234.56)));
        assert_eq!(parse_amount("1 234.56", Some(' ')), Some(dec!(1234.56)));
        for bad in [
            "",
            "-",
            "1,23.45",
            "12,3456.00",
            ",123.00",
            "1,234.567",
            "12.",
            ".5",
            "1.2.3",
            "abc",
            "1,234.5x",
            "฿100",
            "1e5",
            "10000000000000.00",
        ] {
            assert_eq!(parse_amount(bad, comma), None, "{bad:?}");
        }
        assert_eq!(parse_amount("1,234.56", None), None);
    }

    #[test]
    fn grouped_writes_two_decimals_and_commas() {
        assert_eq!(grouped(dec!(1234567.5)), "1,234,567.50");
        assert_eq!(grouped(dec!(-1234.56)), "-1,234.56");
        assert_eq!(grouped(dec!(0)), "0.00");
        assert_eq!(grouped(dec!(999.999)), "1,000.00");
        assert_eq!(grouped(dec!(100)), "100.00");
    }

    fn date(text: &str, format: &str, era: Era) -> Result<(NaiveDate, Option<NaiveTime>), Message> {
        let items: Vec<Item> = StrftimeItems::new(format).collect();
        parse_date(text, &items, format, era)
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn years_in_either_era() {
        let d = |text, era| date(text, "%d/%m/%Y", era).map(|(d, _)| d);
        assert_eq!(d("29/11/2569", Era::Auto), Ok(ymd(2026, 11, 29)));
        assert_eq!(d("29/11/2569", Era::Be), Ok(ymd(2026, 11, 29)));
        assert_eq!(d("29/11/2026", Era::Auto), Ok(ymd(2026, 11, 29)));
        assert_eq!(d("29/11/2026", Era::Ce), Ok(ymd(2026, 11, 29)));
        assert_eq!(
            d("29/11/2569", Era::Ce).unwrap_err().key,
            "statement-line-year-buddhist"
        );
        assert_eq!(
            d("29/11/2026", Era::Be).unwrap_err().key,
            "statement-line-year-christian"
        );
        // 29 February exists in 2024 (BE 2567), not in 2025 (BE 2568).
        assert_eq!(d("29/02/2567", Era::Auto), Ok(ymd(2024, 2, 29)));
        assert_eq!(
            d("29/02/2568", Era::Auto).unwrap_err().key,
            "statement-line-date"
        );
        assert_eq!(
            d("31/04/2026", Era::Auto).unwrap_err().key,
            "statement-line-date"
        );
        assert_eq!(
            d("2026-11-29", Era::Auto).unwrap_err().key,
            "statement-line-date"
        );
        assert_eq!(d("", Era::Auto).unwrap_err().key, "statement-line-date");
    }

    #[test]
    fn two_digit_years_are_20yy_unless_buddhist() {
        let (day, time) = date("29-11-26 09:15", "%d-%m-%y %H:%M", Era::Ce).unwrap();
        assert_eq!(day, ymd(2026, 11, 29));
        assert_eq!(time, NaiveTime::from_hms_opt(9, 15, 0));
        // chrono would read 75 as 1975; a statement means 2075.
        let (day, _) = date("01-01-75 00:00", "%d-%m-%y %H:%M", Era::Auto).unwrap();
        assert_eq!(day, ymd(2075, 1, 1));
        let (day, time) = date("29/11/69", "%d/%m/%y", Era::Be).unwrap();
        assert_eq!(day, ymd(2026, 11, 29));
        assert_eq!(time, None);
        assert_eq!(
            date("29-11-26 25:15", "%d-%m-%y %H:%M", Era::Ce)
                .unwrap_err()
                .key,
            "statement-line-date"
        );
    }

    #[test]
    fn times_and_iso_moments() {
        let items: Vec<Item> = StrftimeItems::new("%H:%M").collect();
        assert_eq!(
            parse_time("08:05", &items, "%H:%M"),
            Ok(NaiveTime::from_hms_opt(8, 5, 0).unwrap())
        );
        assert_eq!(
            parse_time("8.05", &items, "%H:%M").unwrap_err().key,
            "statement-line-time"
        );
        let moment = parse_iso_moment("2026-11-29T09:15:00+07:00").unwrap();
        assert_eq!(moment.to_rfc3339(), "2026-11-29T02:15:00+00:00");
        assert_eq!(parse_iso_moment("2026-11-29T09:15:00"), Some(moment));
        assert_eq!(parse_iso_moment("2026-11-29T02:15:00Z"), Some(moment));
        assert_eq!(parse_iso_moment("2026-11-29T02:15:00.000Z"), Some(moment));
        assert_eq!(rfc3339_bangkok(moment), "2026-11-29T09:15:00+07:00");
        assert_eq!(parse_iso_moment("29/11/2026"), None);
        assert_eq!(parse_iso_date("2026-11-29"), Some(ymd(2026, 11, 29)));
    }
}
