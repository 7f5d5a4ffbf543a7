//! Moving a claim along its workflow, one transaction per action with optimistic locking
//! on the claim's version: status changes with their reason, assessments, approval within
//! the approver's authority (else it waits for someone with enough), assigning, sending a
//! surveyor, and settlement with its pending payout for finance.

use rust_decimal::Decimal;
use sqlx::types::Json;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use crate::db::claims::DamageAssessment;
use crate::db::customers::{SaveError, commit_or_conflict, conflict, set_context};
use crate::db::reconcile_work::mask_account;
use crate::domain::claim_flow::{
    AssessmentType, ClaimStatus, DamageItem, RecommendedAction, damage_total,
};

/// Moves a claim to `to` with the reason given; returns the claim's new version.
pub async fn move_to(
    pool: &PgPool,
    id: Uuid,
    version: i32,
    to: ClaimStatus,
    reason: &str,
) -> Result<i32, SaveError> {
    let mut tx = pool.begin().await?;
    set_context(&mut tx, "CLAIM_STATUS").await?;
    let saved = update_status(&mut tx, id, Some(version), to, reason).await?;
    commit_or_conflict(tx, saved, "claims", id).await
}

/// Moves the claim; `None` when it is not at `version` (any version when `None` is given:
/// a second step of the same action, on the row this transaction already holds).
async fn update_status(
    connection: &mut PgConnection,
    id: Uuid,
    version: Option<i32>,
    to: ClaimStatus,
    reason: &str,
) -> sqlx::Result<Option<i32>> {
    sqlx::query_scalar(
        "UPDATE claims SET status = $3, transition_reason = $4
          WHERE id = $1 AND ($2::int IS NULL OR version = $2) AND deleted_at IS NULL
          RETURNING version",
    )
    .bind(id)
    .bind(version)
    .bind(to.as_db())
    .bind(reason)
    .fetch_optional(connection)
    .await
}

/// Locks the claim as loaded at `version`; its status, or `None` when it changed since.
async fn lock(
    connection: &mut PgConnection,
    id: Uuid,
    version: i32,
) -> sqlx::Result<Option<ClaimStatus>> {
    let status: Option<String> = sqlx::query_scalar(
        "SELECT status FROM claims
          WHERE id = $1 AND version = $2 AND deleted_at IS NULL
          FOR UPDATE",
    )
    .bind(id)
    .bind(version)
    .fetch_optional(connection)
    .await?;
    Ok(status.as_deref().and_then(ClaimStatus::from_db))
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
    let mut tx = pool.begin().await?;
    set_context(&mut tx, "CLAIM_ASSESSMENT").await?;
    if is_surveyor(&mut tx).await? {
        return surveyor_assessment(tx, claim_id, version, draft).await;
    }
    let Some(status) = lock(&mut tx, claim_id, version).await? else {
        return Err(refuse(tx, claim_id).await?);
    };
    insert_assessment(&mut tx, claim_id, draft).await?;
    let mut saved: Option<i32> = sqlx::query_scalar(
        "UPDATE claims SET assessed_amount = $2, estimated_amount = COALESCE(estimated_amount, $2)
          WHERE id = $1 RETURNING version",
    )
    .bind(claim_id)
    .bind(draft.recommended_amount)
    .fetch_optional(&mut *tx)
    .await?;
    if status == ClaimStatus::Assigned {
        saved = update_status(
            &mut tx,
            claim_id,
            None,
            ClaimStatus::Investigating,
            "เริ่มประเมิน · Assessment started",
        )
        .await?;
    }
    if matches!(status, ClaimStatus::Assigned | ClaimStatus::Investigating) {
        let reason = format!("ประเมินแล้ว · Assessed: {}", draft.assessment_type.as_db());
        saved = update_status(&mut tx, claim_id, None, ClaimStatus::Assessed, &reason).await?;
    }
    commit_or_conflict(tx, saved, "claims", claim_id).await
}

async fn is_surveyor(connection: &mut PgConnection) -> sqlx::Result<bool> {
    sqlx::query_scalar("SELECT pg_has_role('prakan_surveyor', 'MEMBER')")
        .fetch_one(connection)
        .await
}

/// A surveyor adds their assessment to a claim they were sent to; the adjuster moves the
/// claim on. The claim stays as it is, so its version must still be the one loaded.
async fn surveyor_assessment(
    mut tx: sqlx::Transaction<'_, sqlx::Postgres>,
    claim_id: Uuid,
    version: i32,
    draft: &AssessmentDraft,
) -> Result<i32, SaveError> {
    let current: Option<i32> = sqlx::query_scalar(
        "SELECT version FROM claims WHERE id = $1 AND version = $2 AND deleted_at IS NULL",
    )
    .bind(claim_id)
    .bind(version)
    .fetch_optional(&mut *tx)
    .await?;
    if current.is_none() {
        return Err(refuse(tx, claim_id).await?);
    }
    insert_assessment(&mut tx, claim_id, draft).await?;
    tx.commit().await?;
    Ok(version)
}

/// Ends a transaction whose claim changed since it was loaded: who changed it, or gone.
async fn refuse(
    mut tx: sqlx::Transaction<'_, sqlx::Postgres>,
    id: Uuid,
) -> sqlx::Result<SaveError> {
    let refusal = conflict(&mut tx, "claims", id).await?;
    tx.rollback().await?;
    Ok(refusal)
}

async fn insert_assessment(
    connection: &mut PgConnection,
    claim_id: Uuid,
    draft: &AssessmentDraft,
) -> sqlx::Result<()> {
    let damage = DamageAssessment {
        items: draft.items.clone(),
        total: damage_total(&draft.items),
    };
    sqlx::query(
        "INSERT INTO claim_assessments
                (claim_id, assessor_id, assessor_type, assessment_date, assessment_type,
                 damage_assessment, repair_estimates, total_loss_assessment, salvage_value,
                 liability_percentage, recommended_amount, recommended_action, assessment_notes)
         VALUES ($1, current_staff_id(),
                 CASE WHEN pg_has_role('prakan_surveyor', 'MEMBER') THEN 'SURVEYOR' ELSE 'ADJUSTER' END,
                 now(), $2, $3, $4, $5, $6, $7, $8, $9, NULLIF($10, ''))",
    )
    .bind(claim_id)
    .bind(draft.assessment_type.as_db())
    .bind(Json(&damage))
    .bind(Json(&draft.repair_estimates))
    .bind(draft.total_loss)
    .bind(draft.salvage_value)
    .bind(draft.liability_percentage)
    .bind(draft.recommended_amount)
    .bind(draft.recommended_action.as_db())
    .bind(draft.notes.trim())
    .execute(connection)
    .await
    .map(|_| ())
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
    let mut tx = pool.begin().await?;
    set_context(&mut tx, "CLAIM_APPROVAL").await?;
    let authority: Decimal = sqlx::query_scalar(
        "SELECT COALESCE((SELECT authority_limit FROM users WHERE id = current_staff_id()), 0)",
    )
    .fetch_one(&mut *tx)
    .await?;
    if amount > authority {
        let saved: Option<i32> = sqlx::query_scalar(
            "UPDATE claims SET approval_requested_amount = $3
              WHERE id = $1 AND version = $2 AND deleted_at IS NULL
              RETURNING version",
        )
        .bind(id)
        .bind(version)
        .bind(amount)
        .fetch_optional(&mut *tx)
        .await?;
        let version = commit_or_conflict(tx, saved, "claims", id).await?;
        return Ok(ApprovalOutcome::AwaitingApproval { version, authority });
    }
    let saved: Option<i32> = sqlx::query_scalar(
        "UPDATE claims SET status = 'APPROVED', approved_amount = $3, transition_reason = $4
          WHERE id = $1 AND version = $2 AND deleted_at IS NULL
          RETURNING version",
    )
    .bind(id)
    .bind(version)
    .bind(amount)
    .bind(reason)
    .fetch_optional(&mut *tx)
    .await?;
    let version = commit_or_conflict(tx, saved, "claims", id).await?;
    Ok(ApprovalOutcome::Approved { version })
}

/// Assigns the claim to an adjuster (a senior's right); a reported claim moves to ASSIGNED.
pub async fn assign(
    pool: &PgPool,
    id: Uuid,
    version: i32,
    adjuster_id: Uuid,
    reason: &str,
) -> Result<i32, SaveError> {
    let mut tx = pool.begin().await?;
    set_context(&mut tx, "CLAIM_ASSIGN").await?;
    let saved: Option<i32> = sqlx::query_scalar(
        "UPDATE claims
            SET adjuster_id = $3,
                status = CASE WHEN status = 'REPORTED' THEN 'ASSIGNED' ELSE status END,
                transition_reason = $4
          WHERE id = $1 AND version = $2 AND deleted_at IS NULL
          RETURNING version",
    )
    .bind(id)
    .bind(version)
    .bind(adjuster_id)
    .bind(reason)
    .fetch_optional(&mut *tx)
    .await?;
    commit_or_conflict(tx, saved, "claims", id).await
}

/// Sends a surveyor to the claim (they then see it and may add assessments).
pub async fn send_surveyor(
    pool: &PgPool,
    id: Uuid,
    version: i32,
    surveyor_id: Uuid,
) -> Result<i32, SaveError> {
    let mut tx = pool.begin().await?;
    set_context(&mut tx, "CLAIM_SURVEYOR").await?;
    let saved: Option<i32> = sqlx::query_scalar(
        "UPDATE claims SET surveyor_id = $3
          WHERE id = $1 AND version = $2 AND deleted_at IS NULL
          RETURNING version",
    )
    .bind(id)
    .bind(version)
    .bind(surveyor_id)
    .fetch_optional(&mut *tx)
    .await?;
    commit_or_conflict(tx, saved, "claims", id).await
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
    /// Bank code (DOMAIN §7) and account of the payee, when known (the account is stored
    /// masked: finance types it whole when paying).
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
    let mut tx = pool.begin().await?;
    set_context(&mut tx, "CLAIM_SETTLEMENT").await?;
    if lock(&mut tx, id, version).await?.is_none() {
        return Err(refuse(tx, id).await?);
    }
    let figures: SettlementFigures = sqlx::query_as(
        "SELECT c.approved_amount AS gross, d.deductible, d.excess, d.counterparty_named,
                p.customer_id, c.claim_number
           FROM claims c
           JOIN policies p ON p.id = c.policy_id
          CROSS JOIN LATERAL claim_deductions(c.id) d
          WHERE c.id = $1",
    )
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    let gross = figures.gross.unwrap_or_default();
    let net = gross - figures.deductible - figures.excess;
    let reference = format!("{}-S", figures.claim_number);
    let payment_id: Uuid = sqlx::query_scalar(
        "INSERT INTO payments (claim_id, customer_id, payment_type, payment_direction, amount,
                               total_amount, payment_method, payment_channel, due_date,
                               transaction_reference, bank_code, bank_account_number)
         VALUES ($1, $2, 'CLAIM_SETTLEMENT', 'OUTGOING', $3, $3, 'BANK_TRANSFER', 'BANK',
                 (now() AT TIME ZONE 'Asia/Bangkok')::date, $4, $5, $6)
         RETURNING id",
    )
    .bind(id)
    .bind(figures.customer_id)
    .bind(net)
    .bind(&reference)
    .bind(&draft.bank_code)
    .bind(draft.bank_account.as_deref().map(mask_account))
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO claim_settlements
                (claim_id, settlement_type, payee_type, payee_name, gross_amount,
                 deductible_amount, excess_amount, net_amount, at_fault, counterparty_named,
                 approved_by, payment_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, current_staff_id(), $11)",
    )
    .bind(id)
    .bind(draft.settlement_type.as_db())
    .bind(draft.payee_type.as_db())
    .bind(draft.payee_name.trim())
    .bind(gross)
    .bind(figures.deductible)
    .bind(figures.excess)
    .bind(net)
    .bind(draft.at_fault)
    .bind(figures.counterparty_named)
    .bind(payment_id)
    .execute(&mut *tx)
    .await?;
    let saved: Option<i32> = sqlx::query_scalar(
        "UPDATE claims SET sub_status = 'AWAITING_PAYMENT', deductible_amount = $2
          WHERE id = $1 RETURNING version",
    )
    .bind(id)
    .bind(figures.deductible + figures.excess)
    .fetch_optional(&mut *tx)
    .await?;
    let version = commit_or_conflict(tx, saved, "claims", id).await?;
    Ok(Settled {
        version,
        payment_reference: reference,
        net_amount: net,
    })
}

#[derive(sqlx::FromRow)]
struct SettlementFigures {
    gross: Option<Decimal>,
    deductible: Decimal,
    excess: Decimal,
    counterparty_named: bool,
    customer_id: Uuid,
    claim_number: String,
}
