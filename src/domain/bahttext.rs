//! An amount of baht in Thai words, as written on receipts and tax invoices:
//! 645.21 → "หกร้อยสี่สิบห้าบาทยี่สิบเอ็ดสตางค์", 100 → "หนึ่งร้อยบาทถ้วน".
//!
//! The rules are those of Excel's BAHTTEXT, which Thai banks and accounting software
//! follow: a units digit 1 is "เอ็ด" when any higher digit of the number is not zero (11
//! สิบเอ็ด, 101 หนึ่งร้อยเอ็ด, 1,000,001 หนึ่งล้านเอ็ด) and "หนึ่ง" alone; a tens digit 1 is
//! "สิบ" and 2 is "ยี่สิบ"; ล้าน repeats for each further six digits (1,000,000,000,000 is
//! หนึ่งล้านล้าน); "ถ้วน" closes an amount without satang; an amount of satang alone has no
//! baht part (0.50 ห้าสิบสตางค์).

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BahtTextError {
    #[error("a negative amount has no words on a receipt")]
    Negative,
    #[error("an amount is written to the satang, not finer")]
    FractionOfSatang,
    #[error("the amount is too large")]
    TooLarge,
}

const DIGITS: [&str; 10] = [
    "ศูนย์",
    "หนึ่ง",
    "สอง",
    "สาม",
    "สี่",
    "ห้า",
    "หก",
    "เจ็ด",
    "แปด",
    "เก้า",
];

/// Place names of the six digits of a group, from the units up.
const PLACES: [&str; 6] = ["", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน"];

const MILLION: u128 = 1_000_000;

/// The amount in Thai words: whole baht, then satang or "ถ้วน".
pub fn bahttext(amount: Decimal) -> Result<String, BahtTextError> {
    if amount.is_sign_negative() && !amount.is_zero() {
        return Err(BahtTextError::Negative);
    }
    if amount.round_dp(2) != amount {
        return Err(BahtTextError::FractionOfSatang);
    }
    let baht = amount.trunc().to_u128().ok_or(BahtTextError::TooLarge)?;
    let satang = ((amount - amount.trunc()) * Decimal::ONE_HUNDRED)
        .to_u128()
        .ok_or(BahtTextError::TooLarge)?;
    Ok(match (baht, satang) {
        (0, 0) => "ศูนย์บาทถ้วน".to_string(),
        (0, satang) => format!("{}สตางค์", number(satang)),
        (baht, 0) => format!("{}บาทถ้วน", number(baht)),
        (baht, satang) => format!("{}บาท{}สตางค์", number(baht), number(satang)),
    })
}

/// A whole number above zero in words, ล้าน by ล้าน.
fn number(value: u128) -> String {
    if value < MILLION {
        return group(value, false);
    }
    let (millions, rest) = (value / MILLION, value % MILLION);
    format!("{}ล้าน{}", number(millions), group(rest, true))
}

/// Up to six digits; `follows_higher` when millions come before this group, so that a
/// lone 1 is "เอ็ด".
fn group(value: u128, follows_higher: bool) -> String {
    let mut words = String::new();
    for place in (0..6).rev() {
        let digit = (value / 10u128.pow(place as u32) % 10) as usize;
        if digit == 0 {
            continue;
        }
        let higher_digits = value / 10u128.pow(place as u32 + 1) > 0;
        let word = match (place, digit) {
            (1, 1) => "",
            (1, 2) => "ยี่",
            (0, 1) if higher_digits || follows_higher => "เอ็ด",
            _ => DIGITS[digit],
        };
        words.push_str(word);
        words.push_str(PLACES[place]);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn amounts_in_words_as_on_thai_receipts() {
        let table = [
            (dec!(0), "ศูนย์บาทถ้วน"),
            (dec!(0.00), "ศูนย์บาทถ้วน"),
            (dec!(1), "หนึ่งบาทถ้วน"),
            (dec!(2), "สองบาทถ้วน"),
            (dec!(10), "สิบบาทถ้วน"),
            (dec!(11), "สิบเอ็ดบาทถ้วน"),
            (dec!(12), "สิบสองบาทถ้วน"),
            (dec!(20), "ยี่สิบบาทถ้วน"),
            (dec!(21), "ยี่สิบเอ็ดบาทถ้วน"),
            (dec!(22), "ยี่สิบสองบาทถ้วน"),
            (dec!(99), "เก้าสิบเก้าบาทถ้วน"),
            (dec!(100), "หนึ่งร้อยบาทถ้วน"),
            (dec!(101), "หนึ่งร้อยเอ็ดบาทถ้วน"),
            (dec!(110), "หนึ่งร้อยสิบบาทถ้วน"),
            (dec!(111), "หนึ่งร้อยสิบเอ็ดบาทถ้วน"),
            (dec!(120), "หนึ่งร้อยยี่สิบบาทถ้วน"),
            (dec!(201), "สองร้อยเอ็ดบาทถ้วน"),
            (dec!(1000), "หนึ่งพันบาทถ้วน"),
            (dec!(1001), "หนึ่งพันเอ็ดบาทถ้วน"),
            (dec!(10000), "หนึ่งหมื่นบาทถ้วน"),
            (dec!(100000), "หนึ่งแสนบาทถ้วน"),
            (dec!(1000000), "หนึ่งล้านบาทถ้วน"),
            (dec!(1000001), "หนึ่งล้านเอ็ดบาทถ้วน"),
            (dec!(1000010), "หนึ่งล้านสิบบาทถ้วน"),
            (dec!(1000021), "หนึ่งล้านยี่สิบเอ็ดบาทถ้วน"),
            (dec!(11000000), "สิบเอ็ดล้านบาทถ้วน"),
            (dec!(21000000), "ยี่สิบเอ็ดล้านบาทถ้วน"),
            (dec!(101000000), "หนึ่งร้อยเอ็ดล้านบาทถ้วน"),
            (dec!(20000000), "ยี่สิบล้านบาทถ้วน"),
            (dec!(1000000000000), "หนึ่งล้านล้านบาทถ้วน"),
            (dec!(2000001000000), "สองล้านเอ็ดล้านบาทถ้วน"),
            (dec!(1000000000001), "หนึ่งล้านล้านเอ็ดบาทถ้วน"),
            (dec!(0.01), "หนึ่งสตางค์"),
            (dec!(0.10), "สิบสตางค์"),
            (dec!(0.11), "สิบเอ็ดสตางค์"),
            (dec!(0.21), "ยี่สิบเอ็ดสตางค์"),
            (dec!(0.5), "ห้าสิบสตางค์"),
            (dec!(0.99), "เก้าสิบเก้าสตางค์"),
            (dec!(1.01), "หนึ่งบาทหนึ่งสตางค์"),
            (dec!(645.21), "หกร้อยสี่สิบห้าบาทยี่สิบเอ็ดสตางค์"),
            (dec!(967.28), "เก้าร้อยหกสิบเจ็ดบาทยี่สิบแปดสตางค์"),
            (dec!(1182.35), "หนึ่งพันหนึ่งร้อยแปดสิบสองบาทสามสิบห้าสตางค์"),
            (dec!(10742.80), "หนึ่งหมื่นเจ็ดร้อยสี่สิบสองบาทแปดสิบสตางค์"),
            (dec!(10642.40), "หนึ่งหมื่นหกร้อยสี่สิบสองบาทสี่สิบสตางค์"),
            (dec!(25811.11), "สองหมื่นห้าพันแปดร้อยสิบเอ็ดบาทสิบเอ็ดสตางค์"),
            (
                dec!(999999.99),
                "เก้าแสนเก้าหมื่นเก้าพันเก้าร้อยเก้าสิบเก้าบาทเก้าสิบเก้าสตางค์",
            ),
            (
                dec!(1234567.89),
                "หนึ่งล้านสองแสนสามหมื่นสี่พันห้าร้อยหกสิบเจ็ดบาทแปดสิบเก้าสตางค์",
            ),
        ];
        for (amount, words) in table {
            assert_eq!(bahttext(amount).as_deref(), Ok(words), "{amount}");
        }
    }

    #[test]
    fn negative_and_finer_than_satang_are_refused() {
        assert_eq!(bahttext(dec!(-1)), Err(BahtTextError::Negative));
        assert_eq!(bahttext(dec!(-0.01)), Err(BahtTextError::Negative));
        assert_eq!(bahttext(dec!(1.005)), Err(BahtTextError::FractionOfSatang));
        assert_eq!(bahttext(dec!(1.500)).as_deref(), Ok("หนึ่งบาทห้าสิบสตางค์"));
    }
}
