//! Thai and English conventions for dates and money (DOMAIN §8).

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::Lang;

/// How years are counted on screen. Dates are stored in the Christian era.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Calendar {
    #[default]
    Buddhist,
    Christian,
}

impl Calendar {
    pub fn toggle(self) -> Calendar {
        match self {
            Calendar::Buddhist => Calendar::Christian,
            Calendar::Christian => Calendar::Buddhist,
        }
    }

    /// Thai shows the Buddhist Era by default, English the Christian era.
    pub fn default_for(lang: Lang) -> Calendar {
        match lang {
            Lang::Th => Calendar::Buddhist,
            Lang::En => Calendar::Christian,
        }
    }
}

pub const THAI_MONTHS_SHORT: [&str; 12] = [
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
];
pub const THAI_MONTHS_LONG: [&str; 12] = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
];
pub const ENGLISH_MONTHS_SHORT: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
pub const ENGLISH_MONTHS_LONG: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The Buddhist Era year: CE + 543 from 1 January 1941 (BE 2484); before that the year
/// began on 1 April, so January to March take + 542.
pub fn buddhist_year(date: NaiveDate) -> i32 {
    if date.year() < 1941 && date.month() <= 3 {
        date.year() + 542
    } else {
        date.year() + 543
    }
}

fn year(date: NaiveDate, calendar: Calendar) -> i32 {
    match calendar {
        Calendar::Buddhist => buddhist_year(date),
        Calendar::Christian => date.year(),
    }
}

/// "15 ม.ค. 2569" / "15 Jan 2026" (with "BE" when English shows Buddhist years).
pub fn date(lang: Lang, calendar: Calendar, date: NaiveDate) -> String {
    let month = date.month0() as usize;
    match lang {
        Lang::Th => format!(
            "{} {} {}",
            date.day(),
            THAI_MONTHS_SHORT[month],
            year(date, calendar)
        ),
        Lang::En => match calendar {
            Calendar::Christian => format!(
                "{} {} {}",
                date.day(),
                ENGLISH_MONTHS_SHORT[month],
                date.year()
            ),
            Calendar::Buddhist => format!(
                "{} {} BE {}",
                date.day(),
                ENGLISH_MONTHS_SHORT[month],
                buddhist_year(date)
            ),
        },
    }
}

/// "15 มกราคม 2569" / "15 January 2026": the form of documents.
pub fn date_long(lang: Lang, calendar: Calendar, date: NaiveDate) -> String {
    let month = date.month0() as usize;
    match lang {
        Lang::Th => format!(
            "{} {} {}",
            date.day(),
            THAI_MONTHS_LONG[month],
            year(date, calendar)
        ),
        Lang::En => match calendar {
            Calendar::Christian => format!(
                "{} {} {}",
                date.day(),
                ENGLISH_MONTHS_LONG[month],
                date.year()
            ),
            Calendar::Buddhist => format!(
                "{} {} BE {}",
                date.day(),
                ENGLISH_MONTHS_LONG[month],
                buddhist_year(date)
            ),
        },
    }
}

/// The date in Bangkok (UTC+7, no daylight saving) at a moment.
pub fn bangkok_date(at: chrono::DateTime<chrono::Utc>) -> NaiveDate {
    (at + chrono::Duration::hours(7)).date_naive()
}

/// A moment in Bangkok time: "25 พ.ย. 2569 14:32" / "25 Nov 2026 14:32".
pub fn date_time(lang: Lang, calendar: Calendar, at: chrono::DateTime<chrono::Utc>) -> String {
    let local = at + chrono::Duration::hours(7);
    format!(
        "{} {}",
        date(lang, calendar, local.date_naive()),
        local.format("%H:%M")
    )
}

/// "฿1,234.56" in either language.
pub fn money(amount: Decimal) -> String {
    let negative = amount.is_sign_negative() && !amount.is_zero();
    format!(
        "{}฿{}",
        if negative { "-" } else { "" },
        grouped(amount.abs())
    )
}

/// "1,234.56 บาท" / "THB 1,234.56": the amount written as on Thai documents.
pub fn money_words_suffix(lang: Lang, amount: Decimal) -> String {
    match lang {
        Lang::Th => format!("{} บาท", grouped(amount)),
        Lang::En => format!("THB {}", grouped(amount)),
    }
}

/// Two decimals with thousands separators: "1,234.56".
pub fn grouped(amount: Decimal) -> String {
    let text = format!("{:.2}", amount.round_dp(2));
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, "00"));
    let (sign, digits) = whole.strip_prefix('-').map_or(("", whole), |d| ("-", d));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}.{fraction}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn buddhist_era_from_1941_and_before() {
        assert_eq!(buddhist_year(day(2026, 1, 15)), 2569);
        assert_eq!(buddhist_year(day(1941, 1, 1)), 2484);
        assert_eq!(buddhist_year(day(1940, 3, 31)), 2482);
        assert_eq!(buddhist_year(day(1940, 4, 1)), 2483);
    }

    #[test]
    fn dates_in_each_language() {
        let d = day(2026, 1, 15);
        assert_eq!(date(Lang::Th, Calendar::Buddhist, d), "15 ม.ค. 2569");
        assert_eq!(date(Lang::Th, Calendar::Christian, d), "15 ม.ค. 2026");
        assert_eq!(date(Lang::En, Calendar::Christian, d), "15 Jan 2026");
        assert_eq!(date(Lang::En, Calendar::Buddhist, d), "15 Jan BE 2569");
        assert_eq!(date_long(Lang::Th, Calendar::Buddhist, d), "15 มกราคม 2569");
        assert_eq!(
            date_long(Lang::En, Calendar::Christian, d),
            "15 January 2026"
        );
    }

    #[test]
    fn moments_are_shown_in_bangkok_time() {
        use chrono::TimeZone;
        let at = chrono::Utc
            .with_ymd_and_hms(2026, 11, 24, 17, 30, 0)
            .unwrap();
        assert_eq!(
            date_time(Lang::Th, Calendar::Buddhist, at),
            "25 พ.ย. 2569 00:30"
        );
        assert_eq!(
            date_time(Lang::En, Calendar::Christian, at),
            "25 Nov 2026 00:30"
        );
    }

    #[test]
    fn money_has_separators_and_the_baht_sign() {
        assert_eq!(money(dec!(1234.5)), "฿1,234.50");
        assert_eq!(money(dec!(645.21)), "฿645.21");
        assert_eq!(money(dec!(1000000)), "฿1,000,000.00");
        assert_eq!(money(dec!(-12.3)), "-฿12.30");
        assert_eq!(money(dec!(0)), "฿0.00");
        assert_eq!(money_words_suffix(Lang::Th, dec!(1234.56)), "1,234.56 บาท");
        assert_eq!(money_words_suffix(Lang::En, dec!(1234.56)), "THB 1,234.56");
    }
}
