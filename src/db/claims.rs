//! One claim: registering it (first notice of loss, with the coverage check and the likely
//! duplicates shown first) and everything the claim screen shows about it.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use sqlx::PgPool;
use sqlx::types::Json;
use uuid::Uuid;

use crate::db::customers::set_context;
use crate::domain::claim::{ClaimDraft, IncidentPlace};
use crate::domain::claim_flow::DamageItem;
use crate::domain::lookup::{Classified, Lookup, classify};

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

/// The policies of the customers the jump box finds for the text (a plate, phone, ID, policy
/// or claim number, or a name): the policy or plate typed first, then by the search's rank,
/// newest first; at most 50. Nothing while the text is not yet a complete search.
pub async fn find_policies(pool: &PgPool, text: &str) -> sqlx::Result<Vec<PolicyForClaim>> {
    let Classified::Ready(lookup) = classify(text) else {
        return Ok(Vec::new());
    };
    let page = crate::db::lookup::search(pool, &lookup, false, 0).await?;
    let mut customers: Vec<Uuid> = Vec::new();
    for hit in &page.hits {
        if !customers.contains(&hit.customer_id) {
            customers.push(hit.customer_id);
        }
    }
    let (policy, plate) = match &lookup {
        Lookup::Policy(number) => (Some(number.clone()), None),
        Lookup::Plate { plate, .. } => (None, Some(plate.clone())),
        _ => (None, None),
    };
    sqlx::query_as(
        "SELECT p.id, p.policy_number, p.policy_type, p.status, p.start_date, p.end_date,
                concat_ws(' ', cu.first_name, cu.last_name) AS customer_name,
                v.registration_number AS plate, vp.name_th AS province_th, v.make, v.model,
                p.sum_insured
           FROM unnest($1::uuid[]) WITH ORDINALITY AS found(customer_id, rank)
           JOIN customers cu ON cu.id = found.customer_id
           JOIN policies p ON p.customer_id = cu.id
           JOIN customer_vehicles v ON v.id = p.vehicle_id
           JOIN provinces vp ON vp.province_code = v.province_code
          WHERE p.deleted_at IS NULL AND p.status <> 'DRAFT'
          ORDER BY p.policy_number = $2 DESC, v.registration_number = $3 DESC, found.rank,
                   p.start_date DESC, p.policy_number
          LIMIT 50",
    )
    .bind(&customers)
    .bind(policy)
    .bind(plate)
    .fetch_all(pool)
    .await
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
    let problem: Option<String> =
        sqlx::query_scalar("SELECT claim_coverage_problem($1, $2, $3, $4, $5)")
            .bind(draft.policy_id)
            .bind(draft.incident_at)
            .bind(draft.claim_type.as_db())
            .bind(draft.own_damage_claimed)
            .bind(Json(&draft.other_party))
            .fetch_one(pool)
            .await?;
    let duplicates = sqlx::query_as(
        "SELECT id, claim_number, claim_type, status, incident_date
           FROM claims
          WHERE policy_id = $1 AND claim_type = $2 AND deleted_at IS NULL
            AND incident_date BETWEEN $3 - interval '1 day' AND $3 + interval '1 day'
          ORDER BY incident_date",
    )
    .bind(draft.policy_id)
    .bind(draft.claim_type.as_db())
    .bind(draft.incident_at)
    .fetch_all(pool)
    .await?;
    Ok(ClaimCheck {
        coverage: problem.as_deref().and_then(CoverageProblem::from_code),
        duplicates,
    })
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
    let mut tx = pool.begin().await?;
    set_context(&mut tx, "CLAIM_REGISTER").await?;
    let inserted: sqlx::Result<RegisteredRow> = sqlx::query_as(
        "INSERT INTO claims (claim_number, policy_id, incident_date, claim_type, own_damage_claimed,
                             incident_description, damage_description, injury_description,
                             incident_location, incident_province_code, other_party_info,
                             police_report_number, estimated_amount, transition_reason)
         VALUES (next_claim_number(now()), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
                 'รับแจ้ง · Reported')
         RETURNING id, claim_number, fraud_flags, requires_investigation",
    )
    .bind(draft.policy_id)
    .bind(draft.incident_at)
    .bind(draft.claim_type.as_db())
    .bind(draft.own_damage_claimed)
    .bind(&draft.incident_description)
    .bind(&draft.damage_description)
    .bind(&draft.injury_description)
    .bind(location_json(&draft.place))
    .bind(&draft.place.province_code)
    .bind((!draft.other_party.is_empty()).then_some(Json(&draft.other_party)))
    .bind(&draft.police_report_number)
    .bind(draft.estimated_amount)
    .fetch_one(&mut *tx)
    .await;
    let (id, claim_number, Json(fraud_flags), requires_investigation) = match inserted {
        Ok(row) => row,
        Err(error) => return Err(coverage_refusal(error)),
    };
    tx.commit().await?;
    Ok(Registered {
        id,
        claim_number,
        fraud_flags,
        requires_investigation,
    })
}

/// Number, fraud flags and investigation mark of the claim just inserted.
type RegisteredRow = (Uuid, String, Json<Vec<String>>, bool);

/// The database's coverage refusal as its problem; any other error as it is.
fn coverage_refusal(error: sqlx::Error) -> RegisterError {
    let problem = match &error {
        sqlx::Error::Database(db) if db.constraint() == Some("chk_claims_coverage") => db
            .try_downcast_ref::<sqlx::postgres::PgDatabaseError>()
            .and_then(|pg| pg.detail())
            .and_then(CoverageProblem::from_code),
        _ => None,
    };
    match problem {
        Some(problem) => RegisterError::NotCovered(problem),
        None => RegisterError::Database(error),
    }
}

fn location_json(place: &IncidentPlace) -> Json<serde_json::Value> {
    let mut location = serde_json::json!({ "description": place.text });
    if let Some(amphoe) = &place.amphoe_code {
        location["amphoe_code"] = amphoe.clone().into();
    }
    if let (Some(lat), Some(lng)) = (place.lat, place.lng) {
        location["lat"] = lat.into();
        location["lng"] = lng.into();
    }
    Json(location)
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
    /// `None` for a role that may not read settlements (surveyors).
    pub settlements: Option<Vec<SettlementRow>>,
}

/// Everything about one claim; `None` when it is not there (or not visible to this person).
pub async fn detail(pool: &PgPool, id: Uuid) -> sqlx::Result<Option<ClaimDetail>> {
    let Some(facts) = facts(pool, id).await? else {
        return Ok(None);
    };
    let (assessments, history, settlements) = tokio::try_join!(
        assessments(pool, id),
        history(pool, id),
        settlements(pool, id)
    )?;
    Ok(Some(ClaimDetail {
        facts,
        assessments,
        history,
        settlements,
    }))
}

async fn facts(pool: &PgPool, id: Uuid) -> sqlx::Result<Option<ClaimFacts>> {
    sqlx::query_as(
        "SELECT c.id, c.claim_number, c.status, c.sub_status, c.claim_type, c.own_damage_claimed,
                c.incident_date, c.reported_date, c.incident_description, c.damage_description,
                c.injury_description, ip.name_th AS incident_province_th,
                NULLIF(concat_ws(' ', ia.name_th, c.incident_location->>'description'), '')
                    AS location_text,
                c.other_party_info->>'name' AS other_party_name,
                c.other_party_info->>'plate' AS other_party_plate,
                c.other_party_info->>'insurer' AS other_party_insurer,
                c.other_party_info->>'phone' AS other_party_phone,
                c.police_report_number, c.estimated_amount, c.assessed_amount, c.approved_amount,
                c.settled_amount, c.approval_requested_amount,
                NULLIF(concat_ws(' ', ru.first_name, ru.last_name), '') AS approval_requested_by_name,
                NULLIF(concat_ws(' ', au.first_name, au.last_name), '') AS approved_by_name,
                c.adjuster_id, NULLIF(concat_ws(' ', adj.first_name, adj.last_name), '') AS adjuster_name,
                c.surveyor_id, NULLIF(concat_ws(' ', sv.first_name, sv.last_name), '') AS surveyor_name,
                c.fraud_score,
                ARRAY(SELECT jsonb_array_elements_text(c.fraud_flags)) AS fraud_flags,
                c.requires_investigation, c.version,
                p.id AS policy_id, p.policy_number, p.policy_type, p.sum_insured,
                p.start_date AS policy_start, p.end_date AS policy_end,
                cu.id AS customer_id, concat_ws(' ', cu.first_name, cu.last_name) AS customer_name,
                v.registration_number AS plate, vp.name_th AS province_th, v.make, v.model,
                v.year_of_manufacture,
                d.deductible, d.excess, d.counterparty_named
           FROM claims c
           JOIN policies p ON p.id = c.policy_id
           JOIN customer_vehicles v ON v.id = p.vehicle_id
           JOIN provinces vp ON vp.province_code = v.province_code
           JOIN customers cu ON cu.id = p.customer_id
           CROSS JOIN LATERAL claim_deductions(c.id) d
           LEFT JOIN provinces ip ON ip.province_code = c.incident_province_code
           LEFT JOIN amphoes ia ON ia.amphoe_code = c.incident_location->>'amphoe_code'
           LEFT JOIN users ru ON ru.id = c.approval_requested_by
           LEFT JOIN users au ON au.id = c.approved_by
           LEFT JOIN users adj ON adj.id = c.adjuster_id
           LEFT JOIN users sv ON sv.id = c.surveyor_id
          WHERE c.id = $1 AND c.deleted_at IS NULL",
    )
    .bind(id)
    .fetch_optional(pool)
    .await
}

#[derive(sqlx::FromRow)]
struct AssessmentRecord {
    id: Uuid,
    assessment_type: String,
    assessor_name: String,
    assessor_type: String,
    assessment_date: DateTime<Utc>,
    damage_assessment: Json<DamageAssessment>,
    total_loss_assessment: bool,
    liability_percentage: Option<Decimal>,
    recommended_amount: Option<Decimal>,
    recommended_action: Option<String>,
    assessment_notes: Option<String>,
}

/// The stored shape of `claim_assessments.damage_assessment`.
#[derive(serde::Serialize, serde::Deserialize, Default)]
pub struct DamageAssessment {
    #[serde(default)]
    pub items: Vec<DamageItem>,
    #[serde(default)]
    pub total: Decimal,
}

async fn assessments(pool: &PgPool, id: Uuid) -> sqlx::Result<Vec<AssessmentRow>> {
    let records: Vec<AssessmentRecord> = sqlx::query_as(
        "SELECT a.id, a.assessment_type,
                concat_ws(' ', u.first_name, u.last_name) AS assessor_name, a.assessor_type,
                a.assessment_date, a.damage_assessment, a.total_loss_assessment,
                a.liability_percentage, a.recommended_amount, a.recommended_action,
                a.assessment_notes
           FROM claim_assessments a
           JOIN users u ON u.id = a.assessor_id
          WHERE a.claim_id = $1
          ORDER BY a.assessment_date DESC, a.created_at DESC",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    Ok(records
        .into_iter()
        .map(|r| AssessmentRow {
            id: r.id,
            assessment_type: r.assessment_type,
            assessor_name: r.assessor_name,
            assessor_type: r.assessor_type,
            assessment_date: r.assessment_date,
            items: r.damage_assessment.0.items,
            total_loss: r.total_loss_assessment,
            liability_percentage: r.liability_percentage,
            recommended_amount: r.recommended_amount,
            recommended_action: r.recommended_action,
            notes: r.assessment_notes,
        })
        .collect())
}

async fn history(pool: &PgPool, id: Uuid) -> sqlx::Result<Vec<StatusChange>> {
    sqlx::query_as(
        "SELECT h.from_status, h.to_status, h.reason,
                NULLIF(concat_ws(' ', u.first_name, u.last_name), '') AS by_name, h.changed_at
           FROM claim_status_history h
           LEFT JOIN users u ON u.id = h.changed_by
          WHERE h.claim_id = $1
          ORDER BY h.changed_at, h.id",
    )
    .bind(id)
    .fetch_all(pool)
    .await
}

async fn settlements(pool: &PgPool, id: Uuid) -> sqlx::Result<Option<Vec<SettlementRow>>> {
    let may_read: bool =
        sqlx::query_scalar("SELECT has_table_privilege('claim_settlements', 'SELECT')")
            .fetch_one(pool)
            .await?;
    if !may_read {
        return Ok(None);
    }
    sqlx::query_as(
        "SELECT s.settlement_type, s.payee_type, s.payee_name, s.gross_amount,
                s.deductible_amount, s.excess_amount, s.net_amount, s.at_fault,
                s.counterparty_named, s.status, pay.transaction_reference AS payment_reference,
                pay.payment_status
           FROM claim_settlements s
           LEFT JOIN payments pay ON pay.id = s.payment_id AND pay.created_at = s.payment_created_at
          WHERE s.claim_id = $1
          ORDER BY s.created_at",
    )
    .bind(id)
    .fetch_all(pool)
    .await
    .map(Some)
}
