//! Thai phone numbers, stored in their national form: 0 followed by 8 or 9 digits.

/// "+66 81-234-5678", "081 234 5678", "66812345678" → "0812345678".
pub fn normalize(text: &str) -> Option<String> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let stray = text
        .chars()
        .any(|c| !(c.is_ascii_digit() || matches!(c, ' ' | '-' | '+' | '(' | ')' | '.')));
    if stray {
        return None;
    }
    let national = if let Some(rest) = digits
        .strip_prefix("66")
        .filter(|_| !digits.starts_with('0'))
    {
        format!("0{rest}")
    } else {
        digits
    };
    let valid = national.starts_with('0')
        && (9..=10).contains(&national.len())
        && !national.starts_with("00");
    valid.then_some(national)
}

/// A mobile number: 10 digits starting 06, 08 or 09.
pub fn is_mobile(national: &str) -> bool {
    national.len() == 10 && matches!(&national[..2], "06" | "08" | "09")
}

/// "0812345678" → "081-234-5678"; "021234567" → "02-123-4567".
pub fn format(national: &str) -> String {
    match national.len() {
        10 => format!("{}-{}-{}", &national[..3], &national[3..6], &national[6..]),
        9 => format!("{}-{}-{}", &national[..2], &national[2..5], &national[5..]),
        _ => national.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_every_common_form() {
        for typed in [
            "0812345678",
            "081-234-5678",
            "081 234 5678",
            "+66 81 234 5678",
            "+66812345678",
            "66812345678",
        ] {
            assert_eq!(normalize(typed).as_deref(), Some("0812345678"), "{typed}");
        }
        assert_eq!(normalize("02-123-4567").as_deref(), Some("021234567"));
    }

    #[test]
    fn rejects_what_is_not_a_thai_number() {
        assert_eq!(normalize("12345"), None);
        assert_eq!(normalize("08123456789"), None);
        assert_eq!(normalize("081-234-567x"), None);
        assert_eq!(normalize("0012345678"), None);
    }

    #[test]
    fn mobiles_and_formatting() {
        assert!(is_mobile("0812345678"));
        assert!(!is_mobile("021234567"));
        assert_eq!(format("0812345678"), "081-234-5678");
        assert_eq!(format("021234567"), "02-123-4567");
    }
}
