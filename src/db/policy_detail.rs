//! Everything about one policy, for the policy view: the policy with its premium breakdown,
//! its payment schedule and refunds, claims, documents, underwriting referrals and the
//! renewal chain — read in one snapshot, as the person may see it (row-level security
//! applies: an agent sees only their customers' policies). A section the person's role may
//! not read at all is None, so the screen can say so rather than show it empty.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use sqlx::PgPool;
use uuid::Uuid;

use crate::db::policies::Referral;
use crate::domain::cancellation::{self, CancellationCode};
use crate::domain::premium::PolicyType;
use crate::domain::premium::refund::CancelledBy;

/// The policy row with its customer and vehicle.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct PolicyHeader {
    pub id: Uuid,
    pub policy_number: String,
    pub quote_number: Option<String>,
    pub policy_type: String,
    /// COMPULSORY or VOLUNTARY.
    pub cover_kind: String,
    pub status: String,
    pub customer_id: Uuid,
    pub customer_name: String,
    pub customer_type: String,
    pub agent_name: Option<String>,
    pub vehicle_id: Uuid,
    pub plate: String,
    pub province_code: String,
    pub province_name_th: String,
    pub province_name_en: String,
    /// Shown instead of the province on some plates (เบตง).
    pub plate_label: Option<String>,
    pub make: String,
    pub model: String,
    pub year_of_manufacture: i32,
    pub usage_type: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub policy_period_months: i32,
    pub sum_insured: Option<Decimal>,
    pub base_premium: Decimal,
    pub discounts: Decimal,
    pub net_premium: Decimal,
    pub stamp_duty: Decimal,
    pub vat: Decimal,
    pub total_premium: Decimal,
    /// The no-claim discount in percent (0, 20, 30, 40, 50).
    pub no_claim_discount: Decimal,
    pub payment_plan: String,
    pub payment_frequency: String,
    pub auto_renewal: bool,
    pub renewal_count: i32,
    pub previous_policy_id: Option<Uuid>,
    /// Limits, riders, rating, payment terms; after issue the underwriting decisions, after
    /// cancellation the refund worked out (`cancellation`).
    #[sqlx(json)]
    pub coverage_details: serde_json::Value,
    pub issued_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub cancellation_reason: Option<String>,
    pub cancellation_code: Option<String>,
    /// INSURED or INSURER.
    pub cancelled_by_party: Option<String>,
    pub created_at: DateTime<Utc>,
    pub created_by_name: Option<String>,
    pub updated_at: DateTime<Utc>,
    pub updated_by_name: Option<String>,
    pub version: i32,
}

impl PolicyHeader {
    pub fn policy_type(&self) -> Option<PolicyType> {
        PolicyType::from_db(&self.policy_type)
    }

    pub fn cancellation_code(&self) -> Option<CancellationCode> {
        self.cancellation_code
            .as_deref()
            .and_then(CancellationCode::from_db)
    }

    pub fn cancelled_by(&self) -> Option<CancelledBy> {
        self.cancelled_by_party
            .as_deref()
            .and_then(cancellation::party_from_db)
    }

    /// The cancellation's effective date, as recorded by `db::cancellation::cancel`.
    pub fn cancellation_effective_date(&self) -> Option<NaiveDate> {
        self.coverage_details["cancellation"]["effective_date"]
            .as_str()
            .and_then(|d| d.parse().ok())
    }

    /// ACTIVE and SUSPENDED policies may be cancelled.
    pub fn cancellable(&self) -> bool {
        matches!(self.status.as_str(), "ACTIVE" | "SUSPENDED")
    }
}

/// One payment of the policy: the schedule (premium or instalments) and refunds.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct PolicyPayment {
    pub id: Uuid,
    /// PREMIUM, INSTALLMENT, REFUND, FEE or CLAIM_SETTLEMENT.
    pub payment_type: String,
    /// INCOMING or OUTGOING.
    pub payment_direction: String,
    pub installment_number: Option<i32>,
    pub total_installments: Option<i32>,
    pub due_date: Option<NaiveDate>,
    pub amount: Decimal,
    pub total_amount: Decimal,
    pub payment_status: String,
    pub payment_method: String,
    pub transaction_reference: Option<String>,
    pub payment_date: Option<DateTime<Utc>>,
    pub reconciliation_status: String,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct PolicyClaim {
    pub id: Uuid,
    pub claim_number: String,
    pub incident_date: DateTime<Utc>,
    pub reported_date: DateTime<Utc>,
    pub claim_type: String,
    pub status: String,
    pub estimated_amount: Option<Decimal>,
    pub assessed_amount: Option<Decimal>,
    pub approved_amount: Option<Decimal>,
    pub settled_amount: Option<Decimal>,
    pub deductible_amount: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct PolicyDocument {
    pub id: Uuid,
    pub document_type: String,
    pub document_name: String,
    pub file_path: String,
    pub language: String,
    pub is_official: bool,
    pub version_number: i32,
    pub generated_at: DateTime<Utc>,
}

/// One policy of the renewal chain.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct ChainLink {
    pub id: Uuid,
    pub policy_number: String,
    pub policy_type: String,
    pub status: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub total_premium: Decimal,
    /// −1 the policy this one renewed, −2 the one before, …; 0 this policy; 1 its renewal.
    pub position: i32,
}

/// What the person may do from the policy view, asked of the database's grants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, sqlx::FromRow)]
pub struct PolicyRights {
    /// Cancel policies (change them and create the refund).
    pub cancel: bool,
    /// Approve or decline referrals (within their authority; the database checks it).
    pub decide_referrals: bool,
    pub read_payments: bool,
    pub read_claims: bool,
    pub read_documents: bool,
    pub read_referrals: bool,
    pub read_history: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PolicyDetail {
    pub policy: PolicyHeader,
    /// Schedule first (by instalment and due date), then refunds and other outgoing.
    pub payments: Option<Vec<PolicyPayment>>,
    /// Newest incident first.
    pub claims: Option<Vec<PolicyClaim>>,
    pub documents: Option<Vec<PolicyDocument>>,
    pub referrals: Option<Vec<Referral>>,
    /// The first policy of the chain first; this policy is the link at position 0. The
    /// person sees the links row-level security lets them see.
    pub renewal_chain: Vec<ChainLink>,
    pub rights: PolicyRights,
}

impl PolicyDetail {
    fn premium(&self) -> impl Iterator<Item = &PolicyPayment> {
        self.payments.iter().flatten().filter(|p| {
            p.payment_direction == "INCOMING"
                && matches!(p.payment_type.as_str(), "PREMIUM" | "INSTALLMENT")
        })
    }

    /// Premium and instalments received.
    pub fn premium_paid(&self) -> Decimal {
        self.premium()
            .filter(|p| p.payment_status == "SUCCESS")
            .map(|p| p.amount)
            .sum()
    }

    /// Premium and instalments still expected (pending, in process or failed).
    pub fn premium_outstanding(&self) -> Decimal {
        self.premium()
            .filter(|p| {
                matches!(
                    p.payment_status.as_str(),
                    "PENDING" | "PROCESSING" | "FAILED"
                )
            })
            .map(|p| p.amount)
            .sum()
    }

    /// Refunds to the customer, paid or waiting (not cancelled or failed).
    pub fn refunds(&self) -> Decimal {
        self.payments
            .iter()
            .flatten()
            .filter(|p| {
                p.payment_type == "REFUND"
                    && !matches!(p.payment_status.as_str(), "CANCELLED" | "FAILED")
            })
            .map(|p| p.amount)
            .sum()
    }
}

const RIGHTS: &str = "SELECT has_table_privilege('policies', 'UPDATE')
            AND has_table_privilege('payments', 'INSERT') AS cancel,
        has_column_privilege('policy_referrals', 'status', 'UPDATE') AS decide_referrals,
        has_table_privilege('payments', 'SELECT') AS read_payments,
        has_table_privilege('claims', 'SELECT') AS read_claims,
        has_table_privilege('policy_documents', 'SELECT') AS read_documents,
        has_table_privilege('policy_referrals', 'SELECT') AS read_referrals,
        has_table_privilege('audit_logs', 'SELECT') AS read_history";

const HEADER: &str = "SELECT p.id, p.policy_number, p.quote_number, p.policy_type, p.cover_kind, p.status,
        p.customer_id, concat_ws(' ', c.first_name, c.last_name) AS customer_name, c.customer_type,
        NULLIF(concat_ws(' ', agent.first_name, agent.last_name), '') AS agent_name,
        p.vehicle_id, v.registration_number AS plate, v.province_code,
        pr.name_th AS province_name_th, pr.name_en AS province_name_en, v.plate_label,
        v.make, v.model, v.year_of_manufacture, v.usage_type,
        p.start_date, p.end_date, p.policy_period_months, p.sum_insured,
        p.base_premium, p.discounts, p.net_premium, p.stamp_duty, p.vat, p.total_premium,
        p.no_claim_discount, p.payment_plan, p.payment_frequency, p.auto_renewal,
        p.renewal_count, p.previous_policy_id, p.coverage_details, p.issued_at,
        p.cancelled_at, p.cancellation_reason, p.cancellation_code, p.cancelled_by_party,
        p.created_at, NULLIF(concat_ws(' ', creator.first_name, creator.last_name), '') AS created_by_name,
        p.updated_at, NULLIF(concat_ws(' ', editor.first_name, editor.last_name), '') AS updated_by_name,
        p.version
   FROM policies p
   JOIN customers c ON c.id = p.customer_id
   JOIN customer_vehicles v ON v.id = p.vehicle_id
   JOIN provinces pr ON pr.province_code = v.province_code
   LEFT JOIN users agent ON agent.id = p.agent_id
   LEFT JOIN users creator ON creator.id = p.created_by
   LEFT JOIN users editor ON editor.id = p.updated_by
  WHERE p.id = $1 AND p.deleted_at IS NULL";

const PAYMENTS: &str =
    "SELECT id, payment_type, payment_direction, installment_number, total_installments,
        due_date, amount, total_amount, payment_status, payment_method, transaction_reference,
        payment_date, reconciliation_status
   FROM payments
  WHERE policy_id = $1
  ORDER BY payment_direction = 'OUTGOING', installment_number NULLS FIRST, due_date NULLS LAST,
           created_at, id";

const CLAIMS: &str = "SELECT id, claim_number, incident_date, reported_date, claim_type, status,
        estimated_amount, assessed_amount, approved_amount, settled_amount, deductible_amount
   FROM claims
  WHERE policy_id = $1 AND deleted_at IS NULL
  ORDER BY incident_date DESC, claim_number";

const DOCUMENTS: &str = "SELECT id, document_type, document_name, file_path, language, is_official,
        version_number, generated_at
   FROM policy_documents
  WHERE policy_id = $1
  ORDER BY generated_at DESC, document_type";

/// Back along `previous_policy_id` to the first policy, and forward through the renewals
/// of renewals (a guard of 100 links stops a damaged chain from looping).
const CHAIN: &str = "WITH RECURSIVE earlier AS (
        SELECT id, previous_policy_id, 0 AS position FROM policies WHERE id = $1
        UNION ALL
        SELECT prev.id, prev.previous_policy_id, e.position - 1
          FROM earlier e JOIN policies prev ON prev.id = e.previous_policy_id
         WHERE e.position > -100 AND prev.deleted_at IS NULL
     ), later AS (
        SELECT id, 0 AS position FROM policies WHERE id = $1
        UNION ALL
        SELECT next.id, l.position + 1
          FROM later l JOIN policies next ON next.previous_policy_id = l.id
         WHERE l.position < 100 AND next.deleted_at IS NULL
     ), chain AS (
        SELECT id, position FROM earlier UNION SELECT id, position FROM later
     )
     SELECT p.id, p.policy_number, p.policy_type, p.status, p.start_date, p.end_date,
            p.total_premium, chain.position
       FROM chain JOIN policies p ON p.id = chain.id
      ORDER BY chain.position, p.start_date, p.policy_number";

/// Loads one policy and everything about it in one read-only snapshot. None when the policy
/// does not exist or is not visible to this person.
pub async fn load(pool: &PgPool, policy_id: Uuid) -> sqlx::Result<Option<PolicyDetail>> {
    let mut tx = pool.begin().await?;
    sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        .execute(&mut *tx)
        .await?;
    let rights: PolicyRights = sqlx::query_as(RIGHTS).fetch_one(&mut *tx).await?;
    let policy: Option<PolicyHeader> = sqlx::query_as(HEADER)
        .bind(policy_id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(policy) = policy else {
        return Ok(None);
    };
    let payments = match rights.read_payments {
        true => Some(section(&mut tx, PAYMENTS, policy_id).await?),
        false => None,
    };
    let claims = match rights.read_claims {
        true => Some(section(&mut tx, CLAIMS, policy_id).await?),
        false => None,
    };
    let documents = match rights.read_documents {
        true => Some(section(&mut tx, DOCUMENTS, policy_id).await?),
        false => None,
    };
    let referrals = match rights.read_referrals {
        true => Some(crate::db::policies::referrals(&mut tx, policy_id).await?),
        false => None,
    };
    let renewal_chain = section(&mut tx, CHAIN, policy_id).await?;
    tx.commit().await?;
    Ok(Some(PolicyDetail {
        policy,
        payments,
        claims,
        documents,
        referrals,
        renewal_chain,
        rights,
    }))
}

async fn section<T>(
    connection: &mut sqlx::PgConnection,
    sql: &'static str,
    policy_id: Uuid,
) -> sqlx::Result<Vec<T>>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow> + Send + Unpin,
{
    sqlx::query_as(sql)
        .bind(policy_id)
        .fetch_all(connection)
        .await
}
