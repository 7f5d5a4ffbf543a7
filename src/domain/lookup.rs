//! What someone typed into the customer jump box, recognised: a national ID, a phone
//! number, a plate (with or without its province), a policy, claim or receipt number, an
//! e-mail, or else words of a name. A prefix such as `id:` or `plate:` forces the kind.

use crate::domain::{national_id, phone, plate};
use crate::i18n::Message;
use crate::{key, msg};

/// At most this many words of a name are searched.
pub const MAX_NAME_WORDS: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LookupKind {
    NationalId,
    Phone,
    Plate,
    Policy,
    Claim,
    Receipt,
    Email,
    Name,
}

impl LookupKind {
    pub const ALL: [LookupKind; 8] = [
        LookupKind::NationalId,
        LookupKind::Phone,
        LookupKind::Plate,
        LookupKind::Policy,
        LookupKind::Claim,
        LookupKind::Receipt,
        LookupKind::Email,
        LookupKind::Name,
    ];

    /// Message key of the kind's name, shown beside the box.
    pub fn label(self) -> &'static str {
        match self {
            LookupKind::NationalId => key!("lookup-kind-national-id"),
            LookupKind::Phone => key!("lookup-kind-phone"),
            LookupKind::Plate => key!("lookup-kind-plate"),
            LookupKind::Policy => key!("lookup-kind-policy"),
            LookupKind::Claim => key!("lookup-kind-claim"),
            LookupKind::Receipt => key!("lookup-kind-receipt"),
            LookupKind::Email => key!("lookup-kind-email"),
            LookupKind::Name => key!("lookup-kind-name"),
        }
    }

    /// The prefixes that force this kind (without the colon).
    pub fn prefixes(self) -> &'static [&'static str] {
        match self {
            LookupKind::NationalId => &["id", "nid", "tax", "บัตร"],
            LookupKind::Phone => &["phone", "tel", "โทร"],
            LookupKind::Plate => &["plate", "ทะเบียน"],
            LookupKind::Policy => &["policy", "pol", "กรมธรรม์"],
            LookupKind::Claim => &["claim", "เคลม"],
            LookupKind::Receipt => &["receipt", "rc", "ใบเสร็จ"],
            LookupKind::Email => &["email", "mail", "อีเมล"],
            LookupKind::Name => &["name", "ชื่อ"],
        }
    }
}

/// A search ready to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// 13 digits with a valid check digit.
    NationalId(String),
    /// National form: 0 and 8 or 9 digits.
    Phone(String),
    /// Canonical plate, and the province as typed (to be matched to a province name).
    Plate {
        plate: String,
        province: Option<String>,
    },
    Policy(String),
    Claim(String),
    Receipt(String),
    /// Lower-cased.
    Email(String),
    /// Lower-cased words, titles and company words left out.
    Name(Vec<String>),
}

impl Lookup {
    pub fn kind(&self) -> LookupKind {
        match self {
            Lookup::NationalId(_) => LookupKind::NationalId,
            Lookup::Phone(_) => LookupKind::Phone,
            Lookup::Plate { .. } => LookupKind::Plate,
            Lookup::Policy(_) => LookupKind::Policy,
            Lookup::Claim(_) => LookupKind::Claim,
            Lookup::Receipt(_) => LookupKind::Receipt,
            Lookup::Email(_) => LookupKind::Email,
            Lookup::Name(_) => LookupKind::Name,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Classified {
    Empty,
    Ready(Lookup),
    /// Looks like this kind but is not complete or not valid yet; the sentence says why.
    NotYet(LookupKind, Message),
}

impl Classified {
    pub fn kind(&self) -> Option<LookupKind> {
        match self {
            Classified::Empty => None,
            Classified::Ready(lookup) => Some(lookup.kind()),
            Classified::NotYet(kind, _) => Some(*kind),
        }
    }
}

/// Recognises what was typed.
pub fn classify(typed: &str) -> Classified {
    let typed = typed.trim();
    if typed.is_empty() {
        return Classified::Empty;
    }
    if let Some((kind, rest)) = forced_kind(typed) {
        return parse_as(kind, rest.trim());
    }
    if typed.contains('@') {
        return parse_as(LookupKind::Email, typed);
    }
    if let Some(kind) = document_number_kind(typed) {
        return parse_as(kind, typed);
    }
    // A truck plate "70-1234" is all digits too; a number starting 0 or + is a phone.
    if !typed.starts_with(['0', '+'])
        && let Some(lookup) = plate_with_province(typed)
    {
        return Classified::Ready(lookup);
    }
    if is_number_like(typed) {
        return classify_digits(typed);
    }
    parse_as(LookupKind::Name, typed)
}

fn forced_kind(typed: &str) -> Option<(LookupKind, &str)> {
    let (prefix, rest) = typed.split_once(':')?;
    let prefix = prefix.trim().to_lowercase();
    LookupKind::ALL
        .into_iter()
        .find(|kind| kind.prefixes().contains(&prefix.as_str()))
        .map(|kind| (kind, rest))
}

/// Digits with the separators people type in numbers: spaces, dashes, dots, brackets, +.
fn is_number_like(typed: &str) -> bool {
    typed.chars().any(|c| c.is_ascii_digit())
        && typed
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '+' | '(' | ')' | '.'))
}

/// A number alone is a national ID at 13 digits and a phone number at 9–10 starting
/// with 0 (or +66); anything shorter is one of them still being typed.
fn classify_digits(typed: &str) -> Classified {
    let digits: String = typed.chars().filter(char::is_ascii_digit).collect();
    let international = typed.starts_with('+') || (digits.starts_with("66") && digits.len() == 11);
    if digits.len() == 13 {
        return parse_as(LookupKind::NationalId, typed);
    }
    if international || (digits.starts_with('0') && digits.len() <= 10) {
        return parse_as(LookupKind::Phone, typed);
    }
    parse_as(LookupKind::NationalId, typed)
}

/// Policy, claim and receipt numbers: letters, a dash, a four-digit year, a dash, digits.
fn document_number_kind(typed: &str) -> Option<LookupKind> {
    let upper = typed.to_uppercase();
    let mut parts = upper.split('-');
    let (code, year, serial) = (parts.next()?, parts.next()?, parts.next()?);
    let shaped = parts.next().is_none()
        && (1..=4).contains(&code.len())
        && code.chars().all(|c| c.is_ascii_alphanumeric())
        && code.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && year.len() == 4
        && year.chars().all(|c| c.is_ascii_digit())
        && !serial.is_empty()
        && serial.chars().all(|c| c.is_ascii_digit());
    if !shaped {
        return None;
    }
    Some(match code {
        "CL" => LookupKind::Claim,
        "RC" => LookupKind::Receipt,
        _ => LookupKind::Policy,
    })
}

/// "กข 1234 กรุงเทพ", "1กข1234 Bangkok": a plate, then the words of a province.
fn plate_with_province(typed: &str) -> Option<Lookup> {
    if let Some(plate) = plate::normalize(typed) {
        return Some(Lookup::Plate {
            plate,
            province: None,
        });
    }
    let words: Vec<&str> = typed.split_whitespace().collect();
    (1..words.len()).rev().find_map(|split| {
        let plate = plate::normalize(&words[..split].join(" "))?;
        let province = words[split..].join(" ");
        let is_name = province
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '.' || is_thai_mark(c));
        is_name.then_some(Lookup::Plate {
            plate,
            province: Some(province),
        })
    })
}

/// Thai vowel and tone marks, which are not "alphabetic" to Unicode.
fn is_thai_mark(c: char) -> bool {
    ('\u{0E30}'..='\u{0E4E}').contains(&c)
}

/// Parses `value` as `kind`: the lookup, or why it cannot run yet.
pub fn parse_as(kind: LookupKind, value: &str) -> Classified {
    if value.is_empty() {
        return Classified::NotYet(kind, msg!("lookup-type-more"));
    }
    let ready = |lookup| Classified::Ready(lookup);
    match kind {
        LookupKind::NationalId => {
            let digits: String = value.chars().filter(char::is_ascii_digit).collect();
            let stray = value
                .chars()
                .any(|c| !(c.is_ascii_digit() || matches!(c, ' ' | '-')));
            if stray || digits.len() > 13 {
                Classified::NotYet(kind, msg!("lookup-national-id-digits"))
            } else if digits.len() < 13 {
                Classified::NotYet(
                    kind,
                    msg!("lookup-digits-to-go", count = 13 - digits.len() as i64),
                )
            } else if national_id::is_valid(&digits) {
                ready(Lookup::NationalId(digits))
            } else {
                Classified::NotYet(kind, msg!("lookup-national-id-check"))
            }
        }
        LookupKind::Phone => match phone::normalize(value) {
            Some(number) => ready(Lookup::Phone(number)),
            None => Classified::NotYet(kind, msg!("lookup-phone-incomplete")),
        },
        LookupKind::Plate => match plate_with_province(value) {
            Some(lookup) => ready(lookup),
            None => Classified::NotYet(kind, msg!("lookup-plate-shape")),
        },
        LookupKind::Policy | LookupKind::Claim | LookupKind::Receipt => {
            match document_number(value) {
                Some(number) => ready(match kind {
                    LookupKind::Policy => Lookup::Policy(number),
                    LookupKind::Claim => Lookup::Claim(number),
                    _ => Lookup::Receipt(number),
                }),
                None => Classified::NotYet(kind, msg!("lookup-number-shape")),
            }
        }
        LookupKind::Email => {
            let email = value.to_lowercase();
            let shaped = email
                .split_once('@')
                .is_some_and(|(user, domain)| !user.is_empty() && domain.contains('.'))
                && !email.ends_with('.')
                && !email.contains(char::is_whitespace);
            if shaped {
                ready(Lookup::Email(email))
            } else {
                Classified::NotYet(kind, msg!("lookup-email-incomplete"))
            }
        }
        LookupKind::Name => {
            let words = name_words(value);
            if words.is_empty() {
                Classified::NotYet(kind, msg!("lookup-name-short"))
            } else {
                ready(Lookup::Name(words))
            }
        }
    }
}

/// "cl-2568-123" → "CL-2568-0000123": upper case, the serial padded to seven digits.
fn document_number(value: &str) -> Option<String> {
    let upper = value.trim().to_uppercase();
    document_number_kind(&upper)?;
    let (head, serial) = upper.rsplit_once('-')?;
    Some(format!("{head}-{serial:0>7}"))
}

/// Titles and company words: too common to tell anyone apart.
const COMMON_WORDS: &[&str] = &[
    "นาย",
    "นาง",
    "นางสาว",
    "น.ส.",
    "คุณ",
    "บริษัท",
    "บจก",
    "จำกัด",
    "มหาชน",
    "ห้างหุ้นส่วน",
    "หจก",
    "mr",
    "mrs",
    "ms",
    "miss",
    "khun",
    "co",
    "ltd",
    "company",
    "limited",
    "inc",
    "plc",
];

/// The words of a name as the database splits them (lower case; spaces, commas, dots and
/// brackets separate), without titles and company words unless nothing else is left.
/// Words of one letter are left out: they match too much to mean anything.
pub fn name_words(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut words: Vec<String> = Vec::new();
    for word in lower.split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '(' | ')')) {
        if word.chars().filter(|c| !is_thai_mark(*c)).count() >= 2
            && !words.iter().any(|w| w == word)
        {
            words.push(word.to_string());
        }
    }
    let distinctive: Vec<String> = words
        .iter()
        .filter(|w| !COMMON_WORDS.contains(&w.as_str()))
        .cloned()
        .collect();
    let mut chosen = if distinctive.is_empty() {
        words
    } else {
        distinctive
    };
    chosen.truncate(MAX_NAME_WORDS);
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ready(typed: &str) -> Lookup {
        match classify(typed) {
            Classified::Ready(lookup) => lookup,
            other => panic!("{typed:?} was {other:?}"),
        }
    }

    fn not_yet(typed: &str) -> LookupKind {
        match classify(typed) {
            Classified::NotYet(kind, _) => kind,
            other => panic!("{typed:?} was {other:?}"),
        }
    }

    #[test]
    fn national_ids_with_and_without_dashes() {
        for typed in [
            "1101700123456",
            "1-1017-00123-45-6",
            "1 1017 00123 45 6",
            " 1101700123456 ",
        ] {
            assert_eq!(ready(typed), Lookup::NationalId("1101700123456".into()));
        }
        assert_eq!(
            ready("0105555123450"),
            Lookup::NationalId("0105555123450".into()),
            "a juristic tax ID starts with 0 and is still an ID"
        );
        assert_eq!(not_yet("1101700123457"), LookupKind::NationalId);
        assert_eq!(not_yet("110170012"), LookupKind::NationalId);
        assert_eq!(
            ready("id: 1-1017-00123-45-6"),
            Lookup::NationalId("1101700123456".into())
        );
        assert_eq!(not_yet("id:0812345678"), LookupKind::NationalId);
    }

    #[test]
    fn phones_in_every_form() {
        for typed in [
            "0812345678",
            "081-234-5678",
            "081 234 5678",
            "+66 81 234 5678",
            "+66812345678",
            "66812345678",
            "(081) 234-5678",
        ] {
            assert_eq!(ready(typed), Lookup::Phone("0812345678".into()), "{typed}");
        }
        assert_eq!(ready("02-123-4567"), Lookup::Phone("021234567".into()));
        assert_eq!(not_yet("0812"), LookupKind::Phone);
        assert_eq!(not_yet("+66 81"), LookupKind::Phone);
        assert_eq!(
            ready("tel:081 234 5678"),
            Lookup::Phone("0812345678".into())
        );
    }

    #[test]
    fn plates_with_and_without_spaces_and_province() {
        let plate = |p: &str, province: Option<&str>| Lookup::Plate {
            plate: p.into(),
            province: province.map(Into::into),
        };
        assert_eq!(ready("กข 1234"), plate("กข 1234", None));
        assert_eq!(ready("กข1234"), plate("กข 1234", None));
        assert_eq!(ready("กข-1234"), plate("กข 1234", None));
        assert_eq!(ready("1กข 1234"), plate("1กข 1234", None));
        assert_eq!(ready("1กข1234"), plate("1กข 1234", None));
        assert_eq!(
            ready("1กข 1234 กรุงเทพมหานคร"),
            plate("1กข 1234", Some("กรุงเทพมหานคร"))
        );
        assert_eq!(ready("กข 1234 เชียงใหม่"), plate("กข 1234", Some("เชียงใหม่")));
        assert_eq!(
            ready("กข1234 Chiang Mai"),
            plate("กข 1234", Some("Chiang Mai"))
        );
        assert_eq!(ready("plate:70-1234"), plate("70-1234", None));
        assert_eq!(not_yet("plate:กข"), LookupKind::Plate);
    }

    #[test]
    fn document_numbers() {
        assert_eq!(
            ready("C1-2568-0000123"),
            Lookup::Policy("C1-2568-0000123".into())
        );
        assert_eq!(
            ready("cmi-2568-42"),
            Lookup::Policy("CMI-2568-0000042".into())
        );
        assert_eq!(
            ready("CL-2568-0000007"),
            Lookup::Claim("CL-2568-0000007".into())
        );
        assert_eq!(
            ready("rc-2569-15"),
            Lookup::Receipt("RC-2569-0000015".into())
        );
        assert_eq!(
            ready("claim: cl-2568-7"),
            Lookup::Claim("CL-2568-0000007".into())
        );
        assert_eq!(not_yet("policy:abc"), LookupKind::Policy);
    }

    #[test]
    fn emails() {
        assert_eq!(
            ready("Somchai@Example.co.th"),
            Lookup::Email("somchai@example.co.th".into())
        );
        assert_eq!(not_yet("somchai@"), LookupKind::Email);
        assert_eq!(not_yet("somchai@example"), LookupKind::Email);
    }

    #[test]
    fn anything_else_is_a_name() {
        assert_eq!(
            ready("สมชาย ใจดี"),
            Lookup::Name(vec!["สมชาย".into(), "ใจดี".into()])
        );
        assert_eq!(
            ready("Somchai  JAIDEE"),
            Lookup::Name(vec!["somchai".into(), "jaidee".into()])
        );
        assert_eq!(
            ready("นาย สมชาย"),
            Lookup::Name(vec!["สมชาย".into()]),
            "titles are left out"
        );
        assert_eq!(
            ready("บริษัท ไทยรุ่งเรือง จำกัด"),
            Lookup::Name(vec!["ไทยรุ่งเรือง".into()])
        );
        assert_eq!(
            ready("บริษัท จำกัด"),
            Lookup::Name(vec!["บริษัท".into(), "จำกัด".into()]),
            "common words stay when nothing else is left"
        );
        assert_eq!(
            ready("name:0812345678"),
            Lookup::Name(vec!["0812345678".into()])
        );
        assert_eq!(not_yet("ส"), LookupKind::Name);
    }

    #[test]
    fn ambiguous_inputs_resolve_predictably() {
        // Two Thai consonants could start a plate or a name: without a number it is a name.
        assert_eq!(ready("กข"), Lookup::Name(vec!["กข".into()]));
        // Twelve digits is an ID still being typed, ten starting with 0 a phone.
        assert_eq!(not_yet("110170012345"), LookupKind::NationalId);
        assert_eq!(ready("0912345678"), Lookup::Phone("0912345678".into()));
        // Digits then letters is not a plate: it is searched as a name.
        assert_eq!(
            ready("1234 กข"),
            Lookup::Name(vec!["1234".into(), "กข".into()])
        );
        // Two digits, a dash and four digits is a truck plate, unless it starts with 0.
        assert_eq!(
            ready("70-1234"),
            Lookup::Plate {
                plate: "70-1234".into(),
                province: None
            }
        );
        assert_eq!(not_yet("02-1234"), LookupKind::Phone);
        // An unknown prefix is part of the text.
        assert_eq!(ready("foo:bar"), Lookup::Name(vec!["foo:bar".into()]));
    }
}
