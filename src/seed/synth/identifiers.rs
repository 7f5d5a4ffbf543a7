//! Unique identifiers from an index, through multiplications that are bijections modulo the
//! size of each identifier space: different indexes always give different identifiers.

use crate::domain::national_id;
use crate::seed::catalog::THAI_PLATE_CONSONANTS;

/// Coprime with 10 (neither 2 nor 5 divides it), so `i * K mod 10^11` is a bijection.
const ID_MULTIPLIER: u128 = 7_919_861_731;
const ID_SPACE: u128 = 100_000_000_000;

/// A valid national ID (first digit 1 or 3) or juristic tax ID (first digit 0) for an index.
pub fn national_id_for(index: u64, juristic: bool) -> String {
    let scrambled = (u128::from(index) * ID_MULTIPLIER) % ID_SPACE;
    let first = if juristic {
        0
    } else if index.is_multiple_of(3) {
        3
    } else {
        1
    };
    let mut digits = [0u8; 12];
    digits[0] = first;
    let mut rest = scrambled;
    for slot in digits[1..].iter_mut().rev() {
        *slot = (rest % 10) as u8;
        rest /= 10;
    }
    let id = national_id::with_check_digit(&digits);
    if national_id::is_valid(&id) {
        id
    } else {
        // Only thirteen identical digits are refused; move to the other first digit.
        digits[0] = if first == 3 { 1 } else { 3 };
        national_id::with_check_digit(&digits)
    }
}

/// Coprime with 2, 3, 11 and 101, the primes of both plate spaces.
const PLATE_MULTIPLIER: u128 = 1_000_003;
const NUMBERS: u128 = 9_999;

/// A plate for a vehicle index. `digit_series` gives the Bangkok and motorcycle form with a
/// leading digit (1กข 1234); otherwise two consonants (กข 1234). Within each form, different
/// indexes give different plates, whatever the province.
pub fn plate_for(index: u64, digit_series: bool) -> String {
    let letters = THAI_PLATE_CONSONANTS.len() as u128;
    let series_digits = if digit_series { 9 } else { 1 };
    let space = series_digits * letters * letters * NUMBERS;
    let mut rest = (u128::from(index) * PLATE_MULTIPLIER) % space;
    let mut series = String::new();
    if digit_series {
        series.push(char::from(b'1' + (rest % 9) as u8));
        rest /= 9;
    }
    series.push(THAI_PLATE_CONSONANTS[(rest % letters) as usize]);
    rest /= letters;
    series.push(THAI_PLATE_CONSONANTS[(rest % letters) as usize]);
    rest /= letters;
    format!("{series} {}", rest + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn national_ids_are_valid_and_distinct() {
        let mut seen = HashSet::new();
        for index in 0..50_000 {
            let id = national_id_for(index, index % 50 == 0);
            assert!(national_id::is_valid(&id), "{id}");
            assert!(seen.insert(id));
        }
    }

    #[test]
    fn plates_are_canonical_and_distinct() {
        for digit_series in [false, true] {
            let mut seen = HashSet::new();
            for index in 0..50_000 {
                let plate = plate_for(index, digit_series);
                assert_eq!(
                    crate::domain::plate::normalize(&plate).as_deref(),
                    Some(plate.as_str())
                );
                assert!(seen.insert(plate));
            }
        }
    }
}
