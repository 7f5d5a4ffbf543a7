//! A new claim as typed on the first-notice-of-loss form, checked into a draft; and the
//! amounts, percentages, times and coordinates the claim forms read.

use chrono::{DateTime, NaiveDateTime, NaiveTime, TimeZone, Utc};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use uuid::Uuid;

use crate::domain::claim_flow::ClaimType;
use crate::domain::{phone, plate, thai_date};
use crate::i18n::Message;
use crate::i18n::format::bangkok_date;
use crate::msg;

/// The other party of an accident; all optional (a hit-and-run has none).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct OtherParty {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plate: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub insurer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

impl OtherParty {
    pub fn is_empty(&self) -> bool {
        self.name.is_none()
            && self.plate.is_none()
            && self.insurer.is_none()
            && self.phone.is_none()
    }

    /// Named by name or plate: 2+/3+ pay own collision damage only then.
    pub fn is_named(&self) -> bool {
        self.name.is_some() || self.plate.is_some()
    }
}

/// Where it happened: a province and amphoe when picked, free text, and optionally the
/// coordinates.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IncidentPlace {
    pub province_code: Option<String>,
    pub amphoe_code: Option<String>,
    pub text: String,
    pub lat: Option<f64>,
    pub lng: Option<f64>,
}

/// A valid new claim, ready to check and register.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimDraft {
    pub policy_id: Uuid,
    pub incident_at: DateTime<Utc>,
    pub claim_type: ClaimType,
    pub own_damage_claimed: bool,
    pub place: IncidentPlace,
    pub incident_description: String,
    pub damage_description: Option<String>,
    pub injury_description: Option<String>,
    pub other_party: OtherParty,
    pub police_report_number: Option<String>,
    pub estimated_amount: Option<Decimal>,
}

/// The largest amount the forms take: well above any motor claim, well within
/// `NUMERIC(12,2)`.
pub const MAX_AMOUNT: Decimal = dec!(100000000);
/// Police report numbers are kept in `VARCHAR(50)`.
pub const POLICE_REPORT_MAX: usize = 50;

/// The fields of the first-notice-of-loss form that can be wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClaimField {
    Policy,
    IncidentDate,
    IncidentTime,
    Coordinates,
    IncidentDescription,
    OtherPartyPhone,
    PoliceReport,
    EstimatedAmount,
}

/// The first-notice-of-loss form as typed: text as it stands, choices as values.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimInput {
    /// Day/month/year, Buddhist or Christian era (`thai_date::parse`), in Bangkok.
    pub incident_date: String,
    /// HH:MM in Bangkok ("14:30", "14.30 น.").
    pub incident_time: String,
    pub claim_type: ClaimType,
    pub own_damage_claimed: bool,
    pub province_code: Option<String>,
    pub amphoe_code: Option<String>,
    pub location: String,
    /// "13.7563, 100.5018" (latitude, longitude), or empty.
    pub coordinates: String,
    pub incident_description: String,
    pub damage_description: String,
    pub injury_description: String,
    pub other_name: String,
    pub other_plate: String,
    pub other_insurer: String,
    pub other_phone: String,
    pub police_report_number: String,
    /// Baht, optional.
    pub estimated_amount: String,
}

impl Default for ClaimInput {
    fn default() -> ClaimInput {
        ClaimInput {
            incident_date: String::new(),
            incident_time: String::new(),
            claim_type: ClaimType::Accident,
            own_damage_claimed: true,
            province_code: None,
            amphoe_code: None,
            location: String::new(),
            coordinates: String::new(),
            incident_description: String::new(),
            damage_description: String::new(),
            injury_description: String::new(),
            other_name: String::new(),
            other_plate: String::new(),
            other_insurer: String::new(),
            other_phone: String::new(),
            police_report_number: String::new(),
            estimated_amount: String::new(),
        }
    }
}

impl ClaimInput {
    /// The claim as a draft ready to check and register, or a sentence for each field that
    /// is wrong. `now` is when the form is read: an incident cannot be later.
    pub fn parse(
        &self,
        policy_id: Option<Uuid>,
        now: DateTime<Utc>,
    ) -> Result<ClaimDraft, Vec<(ClaimField, Message)>> {
        let mut problems = Vec::new();
        if policy_id.is_none() {
            problems.push((ClaimField::Policy, msg!("claimform-need-policy")));
        }
        let today = bangkok_date(now);
        let date = if self.incident_date.trim().is_empty() {
            problems.push((ClaimField::IncidentDate, msg!("claimform-need-date")));
            None
        } else {
            match thai_date::parse(&self.incident_date) {
                Ok(date) if date > today => {
                    problems.push((ClaimField::IncidentDate, msg!("claimform-date-future")));
                    None
                }
                Ok(date) => Some(date),
                Err(problem) => {
                    problems.push((ClaimField::IncidentDate, problem.message()));
                    None
                }
            }
        };
        let time = if self.incident_time.trim().is_empty() {
            problems.push((ClaimField::IncidentTime, msg!("claimform-need-time")));
            None
        } else {
            match parse_time(&self.incident_time) {
                Ok(time) => Some(time),
                Err(problem) => {
                    problems.push((ClaimField::IncidentTime, problem));
                    None
                }
            }
        };
        let incident_at = match (date, time) {
            (Some(date), Some(time)) => {
                let at = from_bangkok(date.and_time(time));
                if at > now {
                    problems.push((ClaimField::IncidentTime, msg!("claimform-time-future")));
                }
                Some(at)
            }
            _ => None,
        };
        let coordinates = match parse_coordinates(&self.coordinates) {
            Ok(found) => found,
            Err(problem) => {
                problems.push((ClaimField::Coordinates, problem));
                None
            }
        };
        if self.incident_description.trim().is_empty() {
            problems.push((
                ClaimField::IncidentDescription,
                msg!("claimform-need-description"),
            ));
        }
        let phone = match optional(&self.other_phone) {
            None => None,
            Some(typed) => match phone::normalize(&typed) {
                Some(national) => Some(national),
                None => {
                    problems.push((ClaimField::OtherPartyPhone, msg!("claimform-phone")));
                    None
                }
            },
        };
        let police_report_number = optional(&self.police_report_number);
        if police_report_number
            .as_ref()
            .is_some_and(|n| n.chars().count() > POLICE_REPORT_MAX)
        {
            problems.push((
                ClaimField::PoliceReport,
                msg!("claimform-police-report-long", max = POLICE_REPORT_MAX),
            ));
        }
        let estimated_amount = match parse_amount(&self.estimated_amount) {
            Ok(Some(amount)) if amount.is_zero() => {
                problems.push((ClaimField::EstimatedAmount, msg!("claimform-amount-zero")));
                None
            }
            Ok(amount) => amount,
            Err(problem) => {
                problems.push((ClaimField::EstimatedAmount, problem));
                None
            }
        };
        let (Some(policy_id), Some(incident_at), true) =
            (policy_id, incident_at, problems.is_empty())
        else {
            return Err(problems);
        };
        let other_plate =
            optional(&self.other_plate).map(|typed| plate::normalize(&typed).unwrap_or(typed));
        Ok(ClaimDraft {
            policy_id,
            incident_at,
            claim_type: self.claim_type,
            own_damage_claimed: self.own_damage_claimed,
            place: IncidentPlace {
                province_code: self.province_code.clone(),
                amphoe_code: self
                    .amphoe_code
                    .clone()
                    .filter(|_| self.province_code.is_some()),
                text: self.location.trim().to_string(),
                lat: coordinates.map(|(lat, _)| lat),
                lng: coordinates.map(|(_, lng)| lng),
            },
            incident_description: self.incident_description.trim().to_string(),
            damage_description: optional(&self.damage_description),
            injury_description: optional(&self.injury_description),
            other_party: OtherParty {
                name: optional(&self.other_name),
                plate: other_plate,
                insurer: optional(&self.other_insurer),
                phone,
            },
            police_report_number,
            estimated_amount,
        })
    }

    /// The sentence for one field as the form stands (None when it is fine).
    pub fn problem(
        &self,
        policy_id: Option<Uuid>,
        now: DateTime<Utc>,
        field: ClaimField,
    ) -> Option<Message> {
        self.parse(policy_id, now)
            .err()?
            .into_iter()
            .find(|(f, _)| *f == field)
            .map(|(_, message)| message)
    }
}

/// Trimmed text, or None when there is none.
fn optional(text: &str) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// A moment typed as Bangkok wall-clock time (UTC+7, no daylight saving).
pub fn from_bangkok(local: NaiveDateTime) -> DateTime<Utc> {
    Utc.from_utc_datetime(&(local - chrono::Duration::hours(7)))
}

/// "14:30", "14.30", "9:05", "1430", "14:30 น." → a time of day.
pub fn parse_time(text: &str) -> Result<NaiveTime, Message> {
    let text = text.trim();
    let text = text.strip_suffix("น.").unwrap_or(text).trim();
    let (hours, minutes) = match text.split_once([':', '.']) {
        Some((h, m)) => (h.trim(), m.trim()),
        None if text.len() == 4 && text.is_ascii() => text.split_at(2),
        None => return Err(msg!("claimform-time-unreadable")),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.chars().all(|c| c.is_ascii_digit());
    if !digits(hours) || minutes.len() != 2 || !digits(minutes) {
        return Err(msg!("claimform-time-unreadable"));
    }
    let (hours, minutes): (u32, u32) = (hours.parse().unwrap_or(99), minutes.parse().unwrap_or(99));
    NaiveTime::from_hms_opt(hours, minutes, 0).ok_or_else(|| msg!("claimform-time-no-such-time"))
}

/// "13.7563, 100.5018" or "13.7563 100.5018" → (latitude, longitude); empty → None.
pub fn parse_coordinates(text: &str) -> Result<Option<(f64, f64)>, Message> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = text
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    let [lat, lng] = parts.as_slice() else {
        return Err(msg!("claimform-coordinates"));
    };
    let number = |s: &str| s.parse::<f64>().ok().filter(|n| n.is_finite());
    let (Some(lat), Some(lng)) = (number(lat), number(lng)) else {
        return Err(msg!("claimform-coordinates"));
    };
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lng) {
        return Err(msg!("claimform-coordinates-range"));
    }
    Ok(Some((lat, lng)))
}

/// Baht as typed: "12,500", "12500.50", "฿12,500"; empty → None. At most two decimals,
/// not negative, at most `MAX_AMOUNT`.
pub fn parse_amount(text: &str) -> Result<Option<Decimal>, Message> {
    let cleaned: String = text
        .trim()
        .trim_start_matches('฿')
        .chars()
        .filter(|c| *c != ',' && !c.is_whitespace())
        .collect();
    if cleaned.is_empty() {
        return Ok(None);
    }
    let plain = cleaned
        .split_once('.')
        .map_or(cleaned.as_str(), |(whole, _)| whole);
    if plain.is_empty() || !cleaned.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Err(if cleaned.starts_with('-') {
            msg!("claimform-amount-negative")
        } else {
            msg!("claimform-amount-unreadable")
        });
    }
    let amount: Decimal = cleaned
        .parse()
        .map_err(|_| msg!("claimform-amount-unreadable"))?;
    if amount.scale() > 2 && amount.round_dp(2) != amount {
        return Err(msg!("claimform-amount-satang"));
    }
    if amount > MAX_AMOUNT {
        return Err(msg!(
            "claimform-amount-too-large",
            max = crate::i18n::money(MAX_AMOUNT)
        ));
    }
    Ok(Some(amount.round_dp(2)))
}

/// A percentage from 0 to 100 with at most two decimals; empty → None.
pub fn parse_percentage(text: &str) -> Result<Option<Decimal>, Message> {
    let cleaned = text.trim().trim_end_matches('%').trim();
    if cleaned.is_empty() {
        return Ok(None);
    }
    let valid = cleaned.chars().all(|c| c.is_ascii_digit() || c == '.');
    match cleaned.parse::<Decimal>() {
        Ok(value)
            if valid
                && value >= Decimal::ZERO
                && value <= dec!(100)
                && value.round_dp(2) == value =>
        {
            Ok(Some(value))
        }
        _ => Err(msg!("claimform-percentage")),
    }
}

/// What comes off a recommended amount when it is approved: the policy's deductible and
/// the compulsory excess; never below zero.
pub fn net_after_deductions(amount: Decimal, deductible: Decimal, excess: Decimal) -> Decimal {
    (amount - deductible - excess).max(Decimal::ZERO)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// 25 Nov 2026 10:00 in Bangkok.
    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 25, 3, 0, 0).unwrap()
    }

    fn policy() -> Option<Uuid> {
        Some(Uuid::from_u128(7))
    }

    fn accident() -> ClaimInput {
        ClaimInput {
            incident_date: "24/11/2569".into(),
            incident_time: "18:45".into(),
            province_code: Some("10".into()),
            amphoe_code: Some("1001".into()),
            location: " แยกราชประสงค์ ".into(),
            coordinates: "13.7466, 100.5393".into(),
            incident_description: "ถูกชนท้ายขณะรอไฟแดง".into(),
            damage_description: "กันชนหลังยุบ".into(),
            other_name: "วิชัย มีสุข".into(),
            other_plate: "1กข1234".into(),
            other_insurer: "วิริยะ".into(),
            other_phone: "+66 81 234 5678".into(),
            police_report_number: "สน.ลุมพินี 123/2569".into(),
            estimated_amount: "12,500".into(),
            ..ClaimInput::default()
        }
    }

    fn problems(input: &ClaimInput) -> Vec<(ClaimField, &'static str)> {
        input
            .parse(policy(), now())
            .expect_err("a problem")
            .into_iter()
            .map(|(field, message)| (field, message.key))
            .collect()
    }

    #[test]
    fn a_complete_accident_becomes_a_draft_in_bangkok_time() {
        let draft = accident().parse(policy(), now()).expect("valid");
        assert_eq!(
            draft.incident_at,
            Utc.with_ymd_and_hms(2026, 11, 24, 11, 45, 0).unwrap()
        );
        assert_eq!(draft.claim_type, ClaimType::Accident);
        assert!(draft.own_damage_claimed);
        assert_eq!(draft.place.text, "แยกราชประสงค์");
        assert_eq!(draft.place.amphoe_code.as_deref(), Some("1001"));
        assert_eq!(draft.place.lat, Some(13.7466));
        assert_eq!(draft.other_party.phone.as_deref(), Some("0812345678"));
        assert_eq!(draft.other_party.plate.as_deref(), Some("1กข 1234"));
        assert!(draft.other_party.is_named());
        assert_eq!(draft.estimated_amount, Some(dec!(12500)));
        assert_eq!(draft.injury_description, None);
    }

    #[test]
    fn only_the_description_is_needed_besides_when() {
        let input = ClaimInput {
            incident_date: "2026-11-25".into(),
            incident_time: "9.30 น.".into(),
            incident_description: "รถหายจากลานจอด".into(),
            claim_type: ClaimType::Theft,
            ..ClaimInput::default()
        };
        let draft = input.parse(policy(), now()).expect("valid");
        assert!(draft.other_party.is_empty());
        assert_eq!(draft.place, IncidentPlace::default());
        assert_eq!(draft.estimated_amount, None);
        assert_eq!(draft.police_report_number, None);
    }

    #[test]
    fn each_wrong_field_gets_its_sentence() {
        let empty = ClaimInput::default();
        assert_eq!(
            empty
                .parse(None, now())
                .unwrap_err()
                .into_iter()
                .map(|(f, m)| (f, m.key))
                .collect::<Vec<_>>(),
            [
                (ClaimField::Policy, "claimform-need-policy"),
                (ClaimField::IncidentDate, "claimform-need-date"),
                (ClaimField::IncidentTime, "claimform-need-time"),
                (
                    ClaimField::IncidentDescription,
                    "claimform-need-description"
                ),
            ]
        );
        let wrong = ClaimInput {
            incident_date: "31/02/2569".into(),
            incident_time: "25:00".into(),
            coordinates: "13.7".into(),
            other_phone: "12345".into(),
            estimated_amount: "12,500.555".into(),
            police_report_number: "x".repeat(51),
            ..accident()
        };
        assert_eq!(
            problems(&wrong),
            [
                (ClaimField::IncidentDate, "date-no-such-date"),
                (ClaimField::IncidentTime, "claimform-time-no-such-time"),
                (ClaimField::Coordinates, "claimform-coordinates"),
                (ClaimField::OtherPartyPhone, "claimform-phone"),
                (ClaimField::PoliceReport, "claimform-police-report-long"),
                (ClaimField::EstimatedAmount, "claimform-amount-satang"),
            ]
        );
    }

    #[test]
    fn an_incident_cannot_be_in_the_future() {
        let later_today = ClaimInput {
            incident_date: "25/11/2569".into(),
            incident_time: "10:01".into(),
            ..accident()
        };
        assert_eq!(
            problems(&later_today),
            [(ClaimField::IncidentTime, "claimform-time-future")]
        );
        let just_now = ClaimInput {
            incident_time: "10:00".into(),
            ..later_today
        };
        assert!(just_now.parse(policy(), now()).is_ok());
        let tomorrow = ClaimInput {
            incident_date: "26/11/2026".into(),
            ..accident()
        };
        assert_eq!(
            problems(&tomorrow),
            [(ClaimField::IncidentDate, "claimform-date-future")]
        );
        assert_eq!(
            tomorrow.problem(policy(), now(), ClaimField::IncidentDate),
            Some(msg!("claimform-date-future"))
        );
        assert_eq!(
            tomorrow.problem(policy(), now(), ClaimField::IncidentTime),
            None
        );
    }

    #[test]
    fn times_in_the_usual_thai_and_english_shapes() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        for (typed, time) in [
            ("14:30", t(14, 30)),
            ("14.30", t(14, 30)),
            ("9:05", t(9, 5)),
            ("0905", t(9, 5)),
            ("14.30 น.", t(14, 30)),
            (" 00:00 ", t(0, 0)),
        ] {
            assert_eq!(parse_time(typed), Ok(time), "{typed}");
        }
        for typed in ["14", "14:3", "2pm", "14:30:00", "1:2:3", "กa"] {
            assert_eq!(
                parse_time(typed),
                Err(msg!("claimform-time-unreadable")),
                "{typed}"
            );
        }
        assert_eq!(
            parse_time("24:00"),
            Err(msg!("claimform-time-no-such-time"))
        );
        assert_eq!(
            parse_time("12:60"),
            Err(msg!("claimform-time-no-such-time"))
        );
    }

    #[test]
    fn coordinates_are_latitude_then_longitude() {
        assert_eq!(
            parse_coordinates("13.7563, 100.5018"),
            Ok(Some((13.7563, 100.5018)))
        );
        assert_eq!(parse_coordinates("18.79 98.98"), Ok(Some((18.79, 98.98))));
        assert_eq!(parse_coordinates("  "), Ok(None));
        assert_eq!(
            parse_coordinates("100.5018, 13.7563"),
            Err(msg!("claimform-coordinates-range"))
        );
        for typed in ["13.75", "north, east", "1,2,3", "NaN, 1"] {
            assert_eq!(
                parse_coordinates(typed),
                Err(msg!("claimform-coordinates")),
                "{typed}"
            );
        }
    }

    #[test]
    fn amounts_in_baht_and_satang() {
        assert_eq!(parse_amount("12,500"), Ok(Some(dec!(12500))));
        assert_eq!(parse_amount("฿ 1,234.50"), Ok(Some(dec!(1234.50))));
        assert_eq!(parse_amount("0"), Ok(Some(dec!(0))));
        assert_eq!(parse_amount(""), Ok(None));
        assert_eq!(parse_amount("1.500"), Ok(Some(dec!(1.5))));
        assert_eq!(parse_amount("1.505"), Err(msg!("claimform-amount-satang")));
        assert_eq!(parse_amount("-5"), Err(msg!("claimform-amount-negative")));
        for typed in ["12a", ".5", "1.2.3", "หนึ่งพัน"] {
            assert_eq!(
                parse_amount(typed),
                Err(msg!("claimform-amount-unreadable")),
                "{typed}"
            );
        }
        assert!(parse_amount("100000000").is_ok());
        assert_eq!(
            parse_amount("100000000.01").unwrap_err().key,
            "claimform-amount-too-large"
        );
    }

    #[test]
    fn percentages_from_nought_to_a_hundred() {
        assert_eq!(parse_percentage("50"), Ok(Some(dec!(50))));
        assert_eq!(parse_percentage("12.5 %"), Ok(Some(dec!(12.5))));
        assert_eq!(parse_percentage("100"), Ok(Some(dec!(100))));
        assert_eq!(parse_percentage(""), Ok(None));
        for typed in ["101", "-1", "abc", "10.555"] {
            assert_eq!(
                parse_percentage(typed),
                Err(msg!("claimform-percentage")),
                "{typed}"
            );
        }
    }

    #[test]
    fn deductions_never_make_a_payment_negative() {
        assert_eq!(
            net_after_deductions(dec!(10800.50), dec!(2000), dec!(1000)),
            dec!(7800.50)
        );
        assert_eq!(
            net_after_deductions(dec!(500), dec!(0), dec!(1000)),
            Decimal::ZERO
        );
    }
}
