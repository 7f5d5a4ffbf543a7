//! PDPA consents (DOMAIN §9, s.19): what the person agreed to, under which text version,
//! through which channel, and when; a withdrawal keeps the record as history.

use crate::i18n::Message;
use crate::msg;

pub const PURPOSES: [&str; 7] = [
    "MARKETING",
    "DATA_SHARING_PARTNERS",
    "HEALTH_DATA_CLAIMS",
    "CROSS_BORDER_TRANSFER",
    "PROFILING",
    "SMS_NOTIFICATIONS",
    "EMAIL_NOTIFICATIONS",
];
pub const LAWFUL_BASES: [&str; 7] = [
    "CONSENT",
    "CONTRACT",
    "LEGAL_OBLIGATION",
    "LEGITIMATE_INTEREST",
    "VITAL_INTEREST",
    "PUBLIC_TASK",
    "RESEARCH",
];
pub const CHANNELS: [&str; 6] = ["PAPER", "WEB", "MOBILE", "AGENT", "CALL_CENTER", "BRANCH"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConsentField {
    TextVersion,
    Evidence,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConsentInput {
    pub purpose: String,
    pub lawful_basis: String,
    pub text_version: String,
    pub channel: String,
    pub evidence: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ConsentDraft {
    pub purpose: String,
    pub lawful_basis: String,
    pub text_version: String,
    pub channel: String,
    pub evidence: Option<String>,
}

impl ConsentDraft {
    pub fn parse(input: &ConsentInput) -> Result<ConsentDraft, Vec<(ConsentField, Message)>> {
        let mut problems = Vec::new();
        let version = input.text_version.trim();
        if version.is_empty() {
            problems.push((ConsentField::TextVersion, msg!("consent-need-version")));
        } else if version.chars().count() > 20 {
            problems.push((
                ConsentField::TextVersion,
                msg!("customer-too-long", limit = 20),
            ));
        }
        let evidence = input.evidence.trim();
        if evidence.chars().count() > 200 {
            problems.push((
                ConsentField::Evidence,
                msg!("customer-too-long", limit = 200),
            ));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(ConsentDraft {
            purpose: input.purpose.clone(),
            lawful_basis: input.lawful_basis.clone(),
            text_version: version.to_string(),
            channel: input.channel.clone(),
            evidence: (!evidence.is_empty()).then(|| evidence.to_string()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_consent_names_its_text_version() {
        let input = ConsentInput {
            purpose: "MARKETING".into(),
            lawful_basis: "CONSENT".into(),
            text_version: " ".into(),
            channel: "BRANCH".into(),
            evidence: String::new(),
        };
        assert_eq!(
            ConsentDraft::parse(&input).unwrap_err()[0].0,
            ConsentField::TextVersion
        );
        let draft = ConsentDraft::parse(&ConsentInput {
            text_version: "v2.1".into(),
            ..input
        })
        .expect("valid");
        assert_eq!(draft.text_version, "v2.1");
        assert_eq!(draft.evidence, None);
    }
}
