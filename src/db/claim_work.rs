//! Moving a claim along its workflow, one transaction per action with optimistic locking
//! on the claim's version: status changes with their reason, assessments, approval within
//! the approver's authority (else it waits for someone with enough), assigning, sending a
//! surveyor, and settlement with its pending payout for finance.

use rust_decimal::Decimal;
use sqlx::PgPool;
use uuid::Uuid;

use crate::db::customers::SaveError;
use crate::domain::claim_flow::{AssessmentType, ClaimStatus, DamageItem, RecommendedAction};

/// Moves a claim to `to` with the reason given; returns the claim's new version.
pub async fn move_to(
    pool: &PgPool,
    id: Uuid,
    version: i32,
    to: ClaimStatus,
    reason: &str,
) -> Result<i32, SaveError> {
    todo!("{pool:?} {id} {version} {to:?} {reason}")
}

/// A repair shop's quote for the work.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RepairEstimate {
    pub shop: String,
    pub amount: Decimal,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentDraft {
    pub assessment_type: AssessmentType,
    pub items: Vec<DamageItem>,
    pub repair_estimates: Vec<RepairEstimate>,
    pub liability_percentage: Decimal,
    pub total_loss: bool,
    pub salvage_value: Option<Decimal>,
    pub recommended_amount: Decimal,
    pub recommended_action: RecommendedAction,
    pub notes: String,
}

/// Saves an assessment of the claim as loaded at `version`: the assessment row, the claim's
/// assessed amount, and the move to ASSESSED (through INVESTIGATING from ASSIGNED, each move
/// with its reason). Returns the claim's new version.
pub async fn save_assessment(
    pool: &PgPool,
    claim_id: Uuid,
    version: i32,
    draft: &AssessmentDraft,
) -> Result<i32, SaveError> {
    todo!("{pool:?} {claim_id} {version} {draft:?}")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApprovalOutcome {
    Approved {
        version: i32,
    },
    /// Over the approver's authority: the claim waits in Awaiting approval.
    AwaitingApproval {
        version: i32,
        authority: Decimal,
    },
}

/// Approves `amount` when it is within the person's authority; otherwise records the request
/// so that someone with enough authority approves it.
pub async fn approve(
    pool: &PgPool,
    id: Uuid,
    version: i32,
    amount: Decimal,
    reason: &str,
) -> Result<ApprovalOutcome, SaveError> {
    todo!("{pool:?} {id} {version} {amount} {reason}")
}

/// Assigns the claim to an adjuster (a senior's right); a reported claim moves to ASSIGNED.
pub async fn assign(
    pool: &PgPool,
    id: Uuid,
    version: i32,
    adjuster_id: Uuid,
    reason: &str,
) -> Result<i32, SaveError> {
    todo!("{pool:?} {id} {version} {adjuster_id} {reason}")
}

/// Sends a surveyor to the claim (they then see it and may add assessments).
pub async fn send_surveyor(
    pool: &PgPool,
    id: Uuid,
    version: i32,
    surveyor_id: Uuid,
) -> Result<i32, SaveError> {
    todo!("{pool:?} {id} {version} {surveyor_id}")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettlementType {
    Repair,
    Cash,
    TotalLoss,
    ThirdParty,
    Medical,
}

impl SettlementType {
    pub fn as_db(self) -> &'static str {
        match self {
            SettlementType::Repair => "REPAIR",
            SettlementType::Cash => "CASH",
            SettlementType::TotalLoss => "TOTAL_LOSS",
            SettlementType::ThirdParty => "THIRD_PARTY",
            SettlementType::Medical => "MEDICAL",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PayeeType {
    Insured,
    RepairShop,
    ThirdParty,
    Hospital,
}

impl PayeeType {
    pub fn as_db(self) -> &'static str {
        match self {
            PayeeType::Insured => "INSURED",
            PayeeType::RepairShop => "REPAIR_SHOP",
            PayeeType::ThirdParty => "THIRD_PARTY",
            PayeeType::Hospital => "HOSPITAL",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SettlementDraft {
    pub settlement_type: SettlementType,
    pub payee_type: PayeeType,
    pub payee_name: String,
    /// Whether the insured was at fault: the renewal's no-claim discount reads it.
    pub at_fault: bool,
    /// Bank code (DOMAIN §7) and account of the payee, when known.
    pub bank_code: Option<String>,
    pub bank_account: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Settled {
    pub version: i32,
    pub payment_reference: String,
    pub net_amount: Decimal,
}

/// Settles an approved claim: the settlement (approved amount less the deductible and the
/// excess the database computes) and its pending OUTGOING payout for finance, in one
/// transaction. The claim waits for the payout (sub-status AWAITING_PAYMENT); finance's
/// paying it moves the claim to SETTLED.
pub async fn settle(
    pool: &PgPool,
    id: Uuid,
    version: i32,
    draft: &SettlementDraft,
) -> Result<Settled, SaveError> {
    todo!("{pool:?} {id} {version} {draft:?}")
}
