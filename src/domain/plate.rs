//! Thai registration plates (DOMAIN §5). Stored canonically: the series, one space, the
//! number ("กข 1234", "1กข 1234"), or the bus/truck form "70-1234". The province is stored
//! apart.

/// Parses a typed plate into its canonical form, or None when it is not a Thai plate.
pub fn normalize(text: &str) -> Option<String> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(truck) = truck_form(&compact) {
        return Some(truck);
    }
    let compact: String = compact.chars().filter(|c| *c != '-').collect();
    let chars: Vec<char> = compact.chars().collect();
    let mut position = 0;
    let mut series = String::new();
    if let Some(first) = chars.first().filter(|c| ('1'..='9').contains(*c)) {
        series.push(*first);
        position = 1;
    }
    let letters_start = position;
    while position < chars.len() && is_thai_consonant(chars[position]) {
        series.push(chars[position]);
        position += 1;
    }
    let letters = position - letters_start;
    let number: String = chars[position..].iter().collect();
    let number_ok = (1..=4).contains(&number.len()) && number.chars().all(|c| c.is_ascii_digit());
    ((1..=3).contains(&letters) && number_ok).then(|| format!("{series} {number}"))
}

fn truck_form(compact: &str) -> Option<String> {
    let (left, right) = compact.split_once('-')?;
    let ok = left.len() == 2
        && right.len() == 4
        && left
            .chars()
            .chain(right.chars())
            .all(|c| c.is_ascii_digit());
    ok.then(|| format!("{left}-{right}"))
}

/// ก (U+0E01) to ฮ (U+0E2E).
pub fn is_thai_consonant(c: char) -> bool {
    ('\u{0E01}'..='\u{0E2E}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_forms() {
        assert_eq!(normalize("กข 1234").as_deref(), Some("กข 1234"));
        assert_eq!(normalize("กข1234").as_deref(), Some("กข 1234"));
        assert_eq!(normalize("กข-1234").as_deref(), Some("กข 1234"));
        assert_eq!(normalize(" 1กข  1234 ").as_deref(), Some("1กข 1234"));
        assert_eq!(normalize("9กก 9").as_deref(), Some("9กก 9"));
        assert_eq!(normalize("กขค 123").as_deref(), Some("กขค 123"));
        assert_eq!(normalize("70-1234").as_deref(), Some("70-1234"));
    }

    #[test]
    fn not_plates() {
        assert_eq!(normalize("AB 1234"), None);
        assert_eq!(normalize("กข 12345"), None);
        assert_eq!(normalize("กขคง 12"), None);
        assert_eq!(normalize("0กข 1234"), None);
        assert_eq!(normalize("1234"), None);
        assert_eq!(normalize("กข"), None);
        assert_eq!(normalize("701-234"), None);
    }
}
