//! Thai national ID and juristic tax ID: 13 digits with a check digit (DOMAIN §4).

/// The check digit for the first 12 digits.
pub fn check_digit(first_twelve: &[u8; 12]) -> u8 {
    let sum: u32 = first_twelve
        .iter()
        .enumerate()
        .map(|(i, d)| u32::from(*d) * (13 - i as u32))
        .sum();
    ((11 - sum % 11) % 10) as u8
}

/// Keeps the digits of an ID typed with dashes or spaces ("1-1017-00123-45-6").
pub fn normalize(text: &str) -> Option<String> {
    let digits: String = text.chars().filter(|c| !matches!(c, '-' | ' ')).collect();
    (digits.len() == 13 && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

/// True for 13 digits, not all the same, with a correct check digit.
pub fn is_valid(id: &str) -> bool {
    let bytes = id.as_bytes();
    if bytes.len() != 13 || !bytes.iter().all(u8::is_ascii_digit) {
        return false;
    }
    if bytes.iter().all(|b| *b == bytes[0]) {
        return false;
    }
    let mut first_twelve = [0u8; 12];
    for (slot, byte) in first_twelve.iter_mut().zip(bytes) {
        *slot = byte - b'0';
    }
    check_digit(&first_twelve) == bytes[12] - b'0'
}

/// Completes 12 digits with their check digit.
pub fn with_check_digit(first_twelve: &[u8; 12]) -> String {
    let mut id: String = first_twelve.iter().map(|d| char::from(b'0' + d)).collect();
    id.push(char::from(b'0' + check_digit(first_twelve)));
    id
}

/// The form shown to roles that do not need the full number: x-xxxx-xxxxx-12-3.
pub fn mask(id: &str) -> String {
    if id.len() != 13 {
        return "x-xxxx-xxxxx-xx-x".into();
    }
    format!("x-xxxx-xxxxx-{}-{}", &id[10..12], &id[12..])
}

/// The usual grouping: 1-1017-00123-45-6.
pub fn format(id: &str) -> String {
    if id.len() != 13 {
        return id.to_string();
    }
    format!(
        "{}-{}-{}-{}-{}",
        &id[0..1],
        &id[1..5],
        &id[5..10],
        &id[10..12],
        &id[12..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn domain_examples_are_valid() {
        assert!(is_valid("1101700123456"));
        assert!(is_valid("3100600987659"));
        assert!(is_valid("0105555123450"));
    }

    #[test]
    fn a_wrong_check_digit_or_shape_is_invalid() {
        assert!(!is_valid("1101700123457"));
        assert!(!is_valid("110170012345"));
        assert!(!is_valid("11017001234567"));
        assert!(!is_valid("11017001234a6"));
        assert!(!is_valid("1111111111111"));
        assert!(!is_valid("0000000000000"));
    }

    #[test]
    fn normalizes_dashes_and_spaces() {
        assert_eq!(
            normalize("1-1017-00123-45-6").as_deref(),
            Some("1101700123456")
        );
        assert_eq!(
            normalize("1 1017 00123 45 6").as_deref(),
            Some("1101700123456")
        );
        assert_eq!(normalize("1-1017-00123-45"), None);
    }

    #[test]
    fn masks_and_formats() {
        assert_eq!(mask("1101700123456"), "x-xxxx-xxxxx-45-6");
        assert_eq!(format("1101700123456"), "1-1017-00123-45-6");
    }

    proptest! {
        #[test]
        fn completing_twelve_digits_gives_a_valid_id(digits in proptest::array::uniform12(0u8..10)) {
            let id = with_check_digit(&digits);
            let all_same = id.bytes().all(|b| b == id.as_bytes()[0]);
            prop_assert_eq!(is_valid(&id), !all_same);
        }

    }
}
