//! A new claim as typed on the first-notice-of-loss form, checked into a draft.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use uuid::Uuid;

use crate::domain::claim_flow::ClaimType;

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
