//! A claim's life: its states and the allowed moves between them (the database's
//! `claim_transitions` holds the same list and enforces it), claim types, the damage items
//! of an assessment, the total-loss line and the service-level clock of the queues.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClaimStatus {
    Reported,
    Assigned,
    Investigating,
    Assessed,
    Approved,
    Rejected,
    Settled,
    Closed,
}

/// Every allowed status change; `0021_claims.sql` enforces the same list.
pub const TRANSITIONS: &[(ClaimStatus, ClaimStatus)] = &[
    (ClaimStatus::Reported, ClaimStatus::Assigned),
    (ClaimStatus::Assigned, ClaimStatus::Investigating),
    (ClaimStatus::Investigating, ClaimStatus::Assessed),
    (ClaimStatus::Assessed, ClaimStatus::Investigating),
    (ClaimStatus::Assessed, ClaimStatus::Approved),
    (ClaimStatus::Assessed, ClaimStatus::Rejected),
    (ClaimStatus::Approved, ClaimStatus::Settled),
    (ClaimStatus::Settled, ClaimStatus::Closed),
    (ClaimStatus::Rejected, ClaimStatus::Closed),
];

impl ClaimStatus {
    pub const ALL: [ClaimStatus; 8] = [
        ClaimStatus::Reported,
        ClaimStatus::Assigned,
        ClaimStatus::Investigating,
        ClaimStatus::Assessed,
        ClaimStatus::Approved,
        ClaimStatus::Rejected,
        ClaimStatus::Settled,
        ClaimStatus::Closed,
    ];

    pub fn as_db(self) -> &'static str {
        match self {
            ClaimStatus::Reported => "REPORTED",
            ClaimStatus::Assigned => "ASSIGNED",
            ClaimStatus::Investigating => "INVESTIGATING",
            ClaimStatus::Assessed => "ASSESSED",
            ClaimStatus::Approved => "APPROVED",
            ClaimStatus::Rejected => "REJECTED",
            ClaimStatus::Settled => "SETTLED",
            ClaimStatus::Closed => "CLOSED",
        }
    }

    pub fn from_db(text: &str) -> Option<ClaimStatus> {
        ClaimStatus::ALL.into_iter().find(|s| s.as_db() == text)
    }

    /// Still being worked: the queues show it.
    pub fn is_open(self) -> bool {
        !matches!(
            self,
            ClaimStatus::Rejected | ClaimStatus::Settled | ClaimStatus::Closed
        )
    }

    pub fn may_move_to(self, to: ClaimStatus) -> bool {
        TRANSITIONS.contains(&(self, to))
    }

    /// Where it may go next, in workflow order.
    pub fn next(self) -> Vec<ClaimStatus> {
        TRANSITIONS
            .iter()
            .filter(|(from, _)| *from == self)
            .map(|(_, to)| *to)
            .collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClaimType {
    Accident,
    Theft,
    Fire,
    Flood,
    Vandalism,
    NaturalDisaster,
}

impl ClaimType {
    pub const ALL: [ClaimType; 6] = [
        ClaimType::Accident,
        ClaimType::Theft,
        ClaimType::Fire,
        ClaimType::Flood,
        ClaimType::Vandalism,
        ClaimType::NaturalDisaster,
    ];

    pub fn as_db(self) -> &'static str {
        match self {
            ClaimType::Accident => "ACCIDENT",
            ClaimType::Theft => "THEFT",
            ClaimType::Fire => "FIRE",
            ClaimType::Flood => "FLOOD",
            ClaimType::Vandalism => "VANDALISM",
            ClaimType::NaturalDisaster => "NATURAL_DISASTER",
        }
    }

    pub fn from_db(text: &str) -> Option<ClaimType> {
        ClaimType::ALL.into_iter().find(|t| t.as_db() == text)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssessmentType {
    Initial,
    Detailed,
    ReAssessment,
    Final,
}

impl AssessmentType {
    pub const ALL: [AssessmentType; 4] = [
        AssessmentType::Initial,
        AssessmentType::Detailed,
        AssessmentType::ReAssessment,
        AssessmentType::Final,
    ];

    pub fn as_db(self) -> &'static str {
        match self {
            AssessmentType::Initial => "INITIAL",
            AssessmentType::Detailed => "DETAILED",
            AssessmentType::ReAssessment => "RE_ASSESSMENT",
            AssessmentType::Final => "FINAL",
        }
    }

    pub fn from_db(text: &str) -> Option<AssessmentType> {
        AssessmentType::ALL.into_iter().find(|t| t.as_db() == text)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecommendedAction {
    Approve,
    Reject,
    Investigate,
    RequestMoreInfo,
}

impl RecommendedAction {
    pub const ALL: [RecommendedAction; 4] = [
        RecommendedAction::Approve,
        RecommendedAction::Reject,
        RecommendedAction::Investigate,
        RecommendedAction::RequestMoreInfo,
    ];

    pub fn as_db(self) -> &'static str {
        match self {
            RecommendedAction::Approve => "APPROVE",
            RecommendedAction::Reject => "REJECT",
            RecommendedAction::Investigate => "INVESTIGATE",
            RecommendedAction::RequestMoreInfo => "REQUEST_MORE_INFO",
        }
    }

    pub fn from_db(text: &str) -> Option<RecommendedAction> {
        RecommendedAction::ALL
            .into_iter()
            .find(|a| a.as_db() == text)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RepairAction {
    Repair,
    Replace,
}

/// One damaged part of an assessment, as stored in `damage_assessment.items`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DamageItem {
    pub part: String,
    pub action: RepairAction,
    pub parts: Decimal,
    pub labour: Decimal,
}

impl DamageItem {
    pub fn total(&self) -> Decimal {
        self.parts + self.labour
    }
}

pub fn damage_total(items: &[DamageItem]) -> Decimal {
    items.iter().map(DamageItem::total).sum()
}

/// Damage of at least 70 % of the car's value is a total loss (DOMAIN §2): the insurer pays
/// the sum insured and takes the wreck.
pub fn is_total_loss(damage: Decimal, vehicle_value: Decimal) -> bool {
    vehicle_value > Decimal::ZERO && damage >= vehicle_value * dec!(0.7)
}

/// Where a claim stands against its service levels: taken by an adjuster within the contact
/// days of its report, assessed within the assessment days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sla {
    OnTime,
    /// On the last day of its limit.
    DueSoon,
    Late,
}

pub fn sla(status: ClaimStatus, age_days: i64, contact_days: i64, assessment_days: i64) -> Sla {
    let limit = match status {
        ClaimStatus::Reported => contact_days,
        ClaimStatus::Assigned | ClaimStatus::Investigating => assessment_days,
        _ => return Sla::OnTime,
    };
    if age_days > limit {
        Sla::Late
    } else if age_days == limit {
        Sla::DueSoon
    } else {
        Sla::OnTime
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workflow_moves_forward_only_along_its_transitions() {
        use ClaimStatus::*;
        assert!(Reported.may_move_to(Assigned));
        assert!(!Reported.may_move_to(Approved));
        assert!(!Assigned.may_move_to(Assessed));
        assert_eq!(Assessed.next(), [Investigating, Approved, Rejected]);
        assert!(Closed.next().is_empty());
        assert!(!Settled.is_open() && Assessed.is_open());
        for status in ClaimStatus::ALL {
            assert_eq!(ClaimStatus::from_db(status.as_db()), Some(status));
        }
    }

    #[test]
    fn seventy_percent_of_the_value_is_a_total_loss() {
        assert!(is_total_loss(dec!(420000), dec!(600000)));
        assert!(!is_total_loss(dec!(419999.99), dec!(600000)));
        assert!(!is_total_loss(dec!(1000), Decimal::ZERO));
    }

    #[test]
    fn the_damage_total_adds_parts_and_labour() {
        let items = [
            DamageItem {
                part: "กันชนหน้า".into(),
                action: RepairAction::Replace,
                parts: dec!(8500),
                labour: dec!(1500),
            },
            DamageItem {
                part: "ไฟหน้า".into(),
                action: RepairAction::Repair,
                parts: dec!(0),
                labour: dec!(800.50),
            },
        ];
        assert_eq!(damage_total(&items), dec!(10800.50));
    }

    #[test]
    fn a_report_is_late_after_the_contact_day_and_an_assessment_after_a_week() {
        use ClaimStatus::*;
        assert_eq!(sla(Reported, 0, 1, 7), Sla::OnTime);
        assert_eq!(sla(Reported, 1, 1, 7), Sla::DueSoon);
        assert_eq!(sla(Reported, 2, 1, 7), Sla::Late);
        assert_eq!(sla(Assigned, 6, 1, 7), Sla::OnTime);
        assert_eq!(sla(Investigating, 7, 1, 7), Sla::DueSoon);
        assert_eq!(sla(Investigating, 8, 1, 7), Sla::Late);
        assert_eq!(sla(Assessed, 30, 1, 7), Sla::OnTime);
    }
}
