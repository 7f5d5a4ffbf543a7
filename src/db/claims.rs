//! One claim: registering it (first notice of loss, with the coverage check and the likely
//! duplicates shown first) and everything the claim screen shows about it.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use sqlx::PgPool;
use uuid::Uuid;

use crate::domain::claim::ClaimDraft;
use crate::domain::claim_flow::DamageItem;

/// A policy a claim can be registered on, found by policy number or plate.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct PolicyForClaim {
    pub id: Uuid,
    pub policy_number: String,
    pub policy_type: String,
    pub status: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub customer_name: String,
    pub plate: String,
    pub province_th: String,
    pub make: String,
    pub model: String,
    pub sum_insured: Option<Decimal>,
}

/// Policies whose number starts with, or whose vehicle's plate matches, the text; newest
/// first, at most 20.
pub async fn find_policies(pool: &PgPool, text: &str) -> sqlx::Result<Vec<PolicyForClaim>> {
    todo!("{pool:?} {text}")
}

/// Why a policy does not cover a claim (codes of `claim_coverage_problem` in
/// `0021_claims.sql`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoverageProblem {
    NoPolicy,
    NotInForce,
    IncidentInFuture,
    ThirdPartyOnlyForAccidents,
    CmiNoOwnDamage,
    NoTheftOrFire,
    NeedsCounterparty,
    NoOwnCollisionDamage,
    Class1Only,
}

impl CoverageProblem {
    pub const ALL: [CoverageProblem; 9] = [
        CoverageProblem::NoPolicy,
        CoverageProblem::NotInForce,
        CoverageProblem::IncidentInFuture,
        CoverageProblem::ThirdPartyOnlyForAccidents,
        CoverageProblem::CmiNoOwnDamage,
        CoverageProblem::NoTheftOrFire,
        CoverageProblem::NeedsCounterparty,
        CoverageProblem::NoOwnCollisionDamage,
        CoverageProblem::Class1Only,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CoverageProblem::NoPolicy => "NO_POLICY",
            CoverageProblem::NotInForce => "NOT_IN_FORCE",
            CoverageProblem::IncidentInFuture => "INCIDENT_IN_FUTURE",
            CoverageProblem::ThirdPartyOnlyForAccidents => "THIRD_PARTY_ONLY_FOR_ACCIDENTS",
            CoverageProblem::CmiNoOwnDamage => "CMI_NO_OWN_DAMAGE",
            CoverageProblem::NoTheftOrFire => "NO_THEFT_OR_FIRE",
            CoverageProblem::NeedsCounterparty => "NEEDS_COUNTERPARTY",
            CoverageProblem::NoOwnCollisionDamage => "NO_OWN_COLLISION_DAMAGE",
            CoverageProblem::Class1Only => "CLASS_1_ONLY",
        }
    }

    pub fn from_code(code: &str) -> Option<CoverageProblem> {
        CoverageProblem::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// An open or recent claim on the same policy, of the same type, within a day of the
/// incident: probably the same loss reported twice.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct LikelyDuplicate {
    pub id: Uuid,
    pub claim_number: String,
    pub claim_type: String,
    pub status: String,
    pub incident_date: DateTime<Utc>,
}

/// What is known before saving a new claim.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimCheck {
    pub coverage: Option<CoverageProblem>,
    pub duplicates: Vec<LikelyDuplicate>,
}

pub async fn check(pool: &PgPool, draft: &ClaimDraft) -> sqlx::Result<ClaimCheck> {
    todo!("{pool:?} {draft:?}")
}

#[derive(Debug, Clone, PartialEq)]
pub struct Registered {
    pub id: Uuid,
    pub claim_number: String,
    pub fraud_flags: Vec<String>,
    pub requires_investigation: bool,
}

#[derive(Debug)]
pub enum RegisterError {
    NotCovered(CoverageProblem),
    Database(sqlx::Error),
}

impl From<sqlx::Error> for RegisterError {
    fn from(error: sqlx::Error) -> RegisterError {
        RegisterError::Database(error)
    }
}

/// Registers a claim (REPORTED, unassigned) with the next claim number, in one transaction;
/// the database checks the cover again and runs the fraud rules.
pub async fn register(pool: &PgPool, draft: &ClaimDraft) -> Result<Registered, RegisterError> {
    todo!("{pool:?} {draft:?}")
}

/// The claim itself, its policy, customer and vehicle.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct ClaimFacts {
    pub id: Uuid,
    pub claim_number: String,
    pub status: String,
    pub sub_status: Option<String>,
    pub claim_type: String,
    pub own_damage_claimed: bool,
    pub incident_date: DateTime<Utc>,
    pub reported_date: DateTime<Utc>,
    pub incident_description: String,
    pub damage_description: Option<String>,
    pub injury_description: Option<String>,
    pub incident_province_th: Option<String>,
    /// The free text of the location, with the amphoe's name when one was picked.
    pub location_text: Option<String>,
    pub other_party_name: Option<String>,
    pub other_party_plate: Option<String>,
    pub other_party_insurer: Option<String>,
    pub other_party_phone: Option<String>,
    pub police_report_number: Option<String>,
    pub estimated_amount: Option<Decimal>,
    pub assessed_amount: Option<Decimal>,
    pub approved_amount: Option<Decimal>,
    pub settled_amount: Option<Decimal>,
    pub approval_requested_amount: Option<Decimal>,
    pub approval_requested_by_name: Option<String>,
    pub approved_by_name: Option<String>,
    pub adjuster_id: Option<Uuid>,
    pub adjuster_name: Option<String>,
    pub surveyor_id: Option<Uuid>,
    pub surveyor_name: Option<String>,
    pub fraud_score: Decimal,
    pub fraud_flags: Vec<String>,
    pub requires_investigation: bool,
    pub version: i32,
    pub policy_id: Uuid,
    pub policy_number: String,
    pub policy_type: String,
    pub sum_insured: Option<Decimal>,
    pub policy_start: NaiveDate,
    pub policy_end: NaiveDate,
    pub customer_id: Uuid,
    pub customer_name: String,
    pub plate: String,
    pub province_th: String,
    pub make: String,
    pub model: String,
    pub year_of_manufacture: i32,
    /// The policy's deductible and the compulsory excess that come off an approval
    /// (`claim_deductions`), and whether the counterparty is named.
    pub deductible: Decimal,
    pub excess: Decimal,
    pub counterparty_named: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentRow {
    pub id: Uuid,
    pub assessment_type: String,
    pub assessor_name: String,
    pub assessor_type: String,
    pub assessment_date: DateTime<Utc>,
    pub items: Vec<DamageItem>,
    pub total_loss: bool,
    pub liability_percentage: Option<Decimal>,
    pub recommended_amount: Option<Decimal>,
    pub recommended_action: Option<String>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct StatusChange {
    pub from_status: Option<String>,
    pub to_status: String,
    pub reason: String,
    pub by_name: Option<String>,
    pub changed_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct SettlementRow {
    pub settlement_type: String,
    pub payee_type: String,
    pub payee_name: String,
    pub gross_amount: Decimal,
    pub deductible_amount: Decimal,
    pub excess_amount: Decimal,
    pub net_amount: Decimal,
    pub at_fault: bool,
    pub counterparty_named: bool,
    pub status: String,
    pub payment_reference: Option<String>,
    pub payment_status: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClaimDetail {
    pub facts: ClaimFacts,
    /// Newest first.
    pub assessments: Vec<AssessmentRow>,
    /// Oldest first.
    pub history: Vec<StatusChange>,
    pub settlements: Vec<SettlementRow>,
}

/// Everything about one claim; `None` when it is not there (or not visible to this person).
pub async fn detail(pool: &PgPool, id: Uuid) -> sqlx::Result<Option<ClaimDetail>> {
    todo!("{pool:?} {id}")
}
