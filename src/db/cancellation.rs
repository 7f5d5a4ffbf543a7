//! Cancelling a policy: the refund shown before the person confirms (`preview`), and the
//! cancellation itself (`cancel`) — the policy closed with its reason, the unpaid premium
//! called off and the refund handed to finance — in one transaction.
//!
//! The refund (DOMAIN §2): the short-rate table when the insured cancels, pro rata when the
//! insurer does (`premium::refund`), of the policy's total premium; of that entitlement the
//! customer gets back what they paid beyond the part of the premium they keep owing.

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use crate::db::customers::{Conflict, SaveError, conflict, set_context};
use crate::db::referrals::conflict_message;
use crate::domain::cancellation::{self, CancellationCode, RefundBasis};
use crate::domain::premium::PolicyType;
use crate::domain::premium::refund::{CancelledBy, refund_due, refund_entitlement};
use crate::i18n::Message;
use crate::msg;

/// Days from the cancellation date to the refund's due date. No rule for this was found
/// (DOMAIN has none; treat it as [U]): fifteen days gives finance a statement cycle to
/// check the bank details and pay, and is well inside the thirty days a customer would
/// reasonably expect to wait. Finance may pay earlier; the due date only orders the queue.
pub const REFUND_DUE_DAYS: u64 = 15;

/// Payments of the policy not yet received: how many and how much.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Unpaid {
    pub count: i64,
    pub amount: Decimal,
}

/// What cancelling a policy on a day, by a party, would do.
#[derive(Debug, Clone, PartialEq)]
pub struct CancellationQuote {
    pub policy_id: Uuid,
    pub policy_number: String,
    pub policy_type: PolicyType,
    pub status: String,
    /// The version to pass to [`cancel`].
    pub version: i32,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub cancel_on: NaiveDate,
    pub cancelled_by: CancelledBy,
    pub total_premium: Decimal,
    /// Whole days in force by `cancel_on` (0 before the start).
    pub days_in_force: i64,
    /// The short-rate percentage, or the pro rata share, behind `entitlement`.
    pub basis: RefundBasis,
    /// The part of the total premium the insured is entitled to get back.
    pub entitlement: Decimal,
    /// Premium and instalments received (SUCCESS).
    pub paid: Decimal,
    /// What goes back to the customer: a REFUND payment when above zero.
    pub refund_due: Decimal,
    /// PENDING premium and instalments: cancelled with the policy.
    pub unpaid_to_cancel: Unpaid,
    /// Premium and instalments being processed (PROCESSING): left for finance to settle,
    /// as the money may already be on its way.
    pub in_process: Unpaid,
    /// The reasons this policy may be cancelled for.
    pub allowed_codes: Vec<CancellationCode>,
}

/// What a cancellation did.
#[derive(Debug, Clone, PartialEq)]
pub struct CancelOutcome {
    /// The PENDING OUTGOING REFUND payment for finance, when anything goes back.
    pub refund_payment_id: Option<Uuid>,
    pub refund: Decimal,
    /// How many PENDING premium or instalment payments were cancelled.
    pub unpaid_cancelled: i64,
    /// The policy's version after the cancellation.
    pub version: i32,
}

/// The field of the cancel form a refusal belongs beside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CancelField {
    Code,
    Party,
    Reason,
    Date,
}

#[derive(Debug)]
pub enum CancelError {
    /// This reason does not end this kind of cover (CMI: not at the customer's request,
    /// not for non-payment).
    CodeNotAllowed {
        code: CancellationCode,
        policy_type: PolicyType,
    },
    /// This reason belongs to the other party (see `CancellationCode::parties`).
    PartyNotAllowed {
        code: CancellationCode,
        by: CancelledBy,
    },
    ReasonMissing,
    /// A cancellation takes effect today or earlier: the policy is closed now.
    DateInFuture {
        today: NaiveDate,
    },
    /// The policy has already run out by that day: nothing is left to cancel.
    DateAfterEnd {
        end: NaiveDate,
    },
    /// Only ACTIVE and SUSPENDED policies are cancelled.
    NotCancellable {
        status: String,
    },
    /// The person's role may not cancel policies.
    NotPermitted,
    /// Someone changed the policy since it was loaded.
    Conflict(Conflict),
    /// The policy is not there (or not visible to this person).
    Gone,
    Database(sqlx::Error),
}

impl From<sqlx::Error> for CancelError {
    fn from(error: sqlx::Error) -> CancelError {
        CancelError::Database(error)
    }
}

impl CancelError {
    pub fn message(&self) -> Message {
        match self {
            CancelError::CodeNotAllowed { code, .. } => {
                msg!("policy-view-cmi-code-refused", code = code.as_db())
            }
            CancelError::PartyNotAllowed { code, by } => msg!(
                "policy-view-party-refused",
                code = code.as_db(),
                party = cancellation::party_as_db(*by)
            ),
            CancelError::ReasonMissing => msg!("policy-view-cancel-needs-reason"),
            CancelError::DateInFuture { today } => {
                msg!("policy-view-cancel-date-future", today = today.to_string())
            }
            CancelError::DateAfterEnd { end } => {
                msg!("policy-view-cancel-date-after-end", end = end.to_string())
            }
            CancelError::NotCancellable { status } => {
                msg!("policy-view-not-cancellable", status = status.as_str())
            }
            CancelError::NotPermitted => msg!("policy-view-cancel-not-permitted"),
            CancelError::Conflict(conflict) => conflict_message(conflict),
            CancelError::Gone => msg!("error-record-gone"),
            CancelError::Database(error) => crate::db::error::message(error),
        }
    }

    /// The field the sentence belongs beside; None for the form as a whole.
    pub fn field(&self) -> Option<CancelField> {
        match self {
            CancelError::CodeNotAllowed { .. } => Some(CancelField::Code),
            CancelError::PartyNotAllowed { .. } => Some(CancelField::Party),
            CancelError::ReasonMissing => Some(CancelField::Reason),
            CancelError::DateInFuture { .. } | CancelError::DateAfterEnd { .. } => {
                Some(CancelField::Date)
            }
            _ => None,
        }
    }
}

#[derive(sqlx::FromRow)]
struct PolicyFacts {
    policy_number: String,
    policy_type: String,
    status: String,
    version: i32,
    customer_id: Uuid,
    start_date: NaiveDate,
    end_date: NaiveDate,
    total_premium: Decimal,
    today: NaiveDate,
}

#[derive(sqlx::FromRow)]
struct PaymentFacts {
    paid: Decimal,
    unpaid_count: i64,
    unpaid_amount: Decimal,
    processing_count: i64,
    processing_amount: Decimal,
}

const POLICY_FACTS: &str =
    "SELECT policy_number, policy_type, status, version, customer_id, start_date,
        end_date, total_premium, (now() AT TIME ZONE 'Asia/Bangkok')::date AS today
   FROM policies WHERE id = $1 AND deleted_at IS NULL";

/// The premium and instalments of the policy, by state. Refunds and other payments are not
/// premium received.
const PAYMENT_FACTS: &str =
    "SELECT COALESCE(sum(amount) FILTER (WHERE payment_status = 'SUCCESS'), 0) AS paid,
        count(*) FILTER (WHERE payment_status = 'PENDING') AS unpaid_count,
        COALESCE(sum(amount) FILTER (WHERE payment_status = 'PENDING'), 0) AS unpaid_amount,
        count(*) FILTER (WHERE payment_status = 'PROCESSING') AS processing_count,
        COALESCE(sum(amount) FILTER (WHERE payment_status = 'PROCESSING'), 0) AS processing_amount
   FROM payments
  WHERE policy_id = $1 AND payment_direction = 'INCOMING'
    AND payment_type IN ('PREMIUM', 'INSTALLMENT')";

/// What cancelling the policy on `cancel_on` by `by` would refund and call off, for the
/// screen to show before the person confirms. Refuses what [`cancel`] would refuse
/// whatever the reason (a policy not in force, a date in the future or after the end).
pub async fn preview(
    pool: &PgPool,
    policy_id: Uuid,
    cancel_on: NaiveDate,
    by: CancelledBy,
) -> Result<CancellationQuote, CancelError> {
    let mut connection = pool.acquire().await?;
    let facts: Option<PolicyFacts> = sqlx::query_as(POLICY_FACTS)
        .bind(policy_id)
        .fetch_optional(&mut *connection)
        .await?;
    let facts = facts.ok_or(CancelError::Gone)?;
    let payments = payment_facts(&mut connection, policy_id).await?;
    assess(policy_id, &facts, &payments, cancel_on, by)
}

async fn payment_facts(
    connection: &mut PgConnection,
    policy_id: Uuid,
) -> sqlx::Result<PaymentFacts> {
    sqlx::query_as(PAYMENT_FACTS)
        .bind(policy_id)
        .fetch_one(connection)
        .await
}

/// The checks and the arithmetic shared by `preview` and `cancel`.
fn assess(
    policy_id: Uuid,
    facts: &PolicyFacts,
    payments: &PaymentFacts,
    cancel_on: NaiveDate,
    by: CancelledBy,
) -> Result<CancellationQuote, CancelError> {
    if !matches!(facts.status.as_str(), "ACTIVE" | "SUSPENDED") {
        return Err(CancelError::NotCancellable {
            status: facts.status.clone(),
        });
    }
    if cancel_on > facts.today {
        return Err(CancelError::DateInFuture { today: facts.today });
    }
    if cancel_on >= facts.end_date {
        return Err(CancelError::DateAfterEnd {
            end: facts.end_date,
        });
    }
    let policy_type = PolicyType::from_db(&facts.policy_type).ok_or_else(|| {
        CancelError::Database(sqlx::Error::Decode(
            format!("unknown policy type {}", facts.policy_type).into(),
        ))
    })?;
    let (start, end, total) = (facts.start_date, facts.end_date, facts.total_premium);
    let entitlement = refund_entitlement(total, start, end, cancel_on, by);
    Ok(CancellationQuote {
        policy_id,
        policy_number: facts.policy_number.clone(),
        policy_type,
        status: facts.status.clone(),
        version: facts.version,
        start_date: start,
        end_date: end,
        cancel_on,
        cancelled_by: by,
        total_premium: total,
        days_in_force: cancellation::days_in_force(start, cancel_on),
        basis: cancellation::refund_basis(start, end, cancel_on, by),
        entitlement,
        paid: payments.paid,
        refund_due: refund_due(total, payments.paid, entitlement),
        unpaid_to_cancel: Unpaid {
            count: payments.unpaid_count,
            amount: payments.unpaid_amount,
        },
        in_process: Unpaid {
            count: payments.processing_count,
            amount: payments.processing_amount,
        },
        allowed_codes: CancellationCode::allowed(policy_type),
    })
}

/// Cancels an ACTIVE or SUSPENDED policy still at `version`, effective `cancel_on`, in one
/// transaction:
/// - the policy becomes CANCELLED with `cancelled_at` (now), the reason, the code and the
///   party; the effective date and the refund figures are kept in
///   `coverage_details.cancellation`, as the table has no column for them;
/// - its PENDING premium and instalments become CANCELLED;
/// - when anything goes back, a PENDING OUTGOING REFUND payment by bank transfer, due
///   [`REFUND_DUE_DAYS`] after `cancel_on`, waits for finance.
///
/// The reason must suit the cover (CMI) and the party (see `CancellationCode`): checked
/// here for a sentence beside the field; `chk_policies_cmi_cancellation` is the guard.
pub async fn cancel(
    pool: &PgPool,
    policy_id: Uuid,
    version: i32,
    code: CancellationCode,
    by: CancelledBy,
    reason: &str,
    cancel_on: NaiveDate,
) -> Result<CancelOutcome, CancelError> {
    let reason = reason.trim();
    if !code.parties().contains(&by) {
        return Err(CancelError::PartyNotAllowed { code, by });
    }
    if reason.is_empty() {
        return Err(CancelError::ReasonMissing);
    }
    let mut tx = pool.begin().await?;
    set_context(&mut tx, "POLICY_CANCEL").await?;
    // Locking the row needs the right to update it: a role without it is told so, rather
    // than that the policy is gone.
    let locked: Result<Option<PolicyFacts>, sqlx::Error> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{POLICY_FACTS} FOR UPDATE")))
            .bind(policy_id)
            .fetch_optional(&mut *tx)
            .await;
    let facts = match locked {
        Ok(Some(facts)) => facts,
        Ok(None) => {
            let visible: Option<i32> = sqlx::query_scalar(
                "SELECT version FROM policies WHERE id = $1 AND deleted_at IS NULL",
            )
            .bind(policy_id)
            .fetch_optional(&mut *tx)
            .await?;
            tx.rollback().await?;
            return Err(match visible {
                Some(_) => CancelError::NotPermitted,
                None => CancelError::Gone,
            });
        }
        Err(error) if is_not_permitted(&error) => {
            tx.rollback().await?;
            return Err(CancelError::NotPermitted);
        }
        Err(error) => return Err(error.into()),
    };
    if facts.version != version {
        let found = conflict(&mut tx, "policies", policy_id).await?;
        tx.rollback().await?;
        return Err(match found {
            SaveError::Conflict(conflict) => CancelError::Conflict(conflict),
            SaveError::Gone => CancelError::Gone,
            SaveError::Database(error) => CancelError::Database(error),
        });
    }
    // The unpaid premium is locked before it is counted: a payment finance is marking
    // received meanwhile is either counted as paid or still pending, never lost between.
    sqlx::query(
        "SELECT id FROM payments
          WHERE policy_id = $1 AND payment_direction = 'INCOMING'
            AND payment_type IN ('PREMIUM', 'INSTALLMENT') AND payment_status = 'PENDING'
          FOR UPDATE",
    )
    .bind(policy_id)
    .execute(&mut *tx)
    .await?;
    let payments = payment_facts(&mut tx, policy_id).await?;
    let quote = assess(policy_id, &facts, &payments, cancel_on, by)?;
    if !code.allowed_for(quote.policy_type) {
        return Err(CancelError::CodeNotAllowed {
            code,
            policy_type: quote.policy_type,
        });
    }

    let record = serde_json::json!({
        "effective_date": cancel_on,
        "code": code.as_db(),
        "party": cancellation::party_as_db(by),
        "days_in_force": quote.days_in_force,
        "basis": basis_json(quote.basis),
        "entitlement": quote.entitlement,
        "paid": quote.paid,
        "refund": quote.refund_due,
    });
    let new_version: Option<i32> = sqlx::query_scalar(
        "UPDATE policies
            SET status = 'CANCELLED', cancelled_at = now(), cancellation_reason = $3,
                cancellation_code = $4, cancelled_by_party = $5,
                coverage_details = coverage_details || jsonb_build_object('cancellation', $6::jsonb)
          WHERE id = $1 AND version = $2 AND status IN ('ACTIVE', 'SUSPENDED')
         RETURNING version",
    )
    .bind(policy_id)
    .bind(version)
    .bind(reason)
    .bind(code.as_db())
    .bind(cancellation::party_as_db(by))
    .bind(&record)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(new_version) = new_version else {
        // The row is locked and was checked above: only a missing right gets here.
        tx.rollback().await?;
        return Err(CancelError::NotPermitted);
    };

    let unpaid_cancelled = sqlx::query(
        "UPDATE payments SET payment_status = 'CANCELLED'
          WHERE policy_id = $1 AND payment_direction = 'INCOMING'
            AND payment_type IN ('PREMIUM', 'INSTALLMENT') AND payment_status = 'PENDING'",
    )
    .bind(policy_id)
    .execute(&mut *tx)
    .await?
    .rows_affected() as i64;

    let refund_payment_id = if quote.refund_due > Decimal::ZERO {
        let due = cancel_on
            .checked_add_days(Days::new(REFUND_DUE_DAYS))
            .unwrap_or(cancel_on);
        let id: Uuid = sqlx::query_scalar(
            "INSERT INTO payments (policy_id, customer_id, payment_type, payment_direction,
                                   amount, total_amount, payment_method, due_date,
                                   transaction_reference)
             VALUES ($1, $2, 'REFUND', 'OUTGOING', $3, $3, 'BANK_TRANSFER', $4, $5)
             RETURNING id",
        )
        .bind(policy_id)
        .bind(facts.customer_id)
        .bind(quote.refund_due)
        .bind(due)
        .bind(format!("{}-RF", facts.policy_number))
        .fetch_one(&mut *tx)
        .await?;
        Some(id)
    } else {
        None
    };
    tx.commit().await?;
    Ok(CancelOutcome {
        refund_payment_id,
        refund: quote.refund_due,
        unpaid_cancelled,
        version: new_version,
    })
}

fn basis_json(basis: RefundBasis) -> serde_json::Value {
    match basis {
        RefundBasis::BeforeStart => serde_json::json!({"kind": "BEFORE_START"}),
        RefundBasis::AfterEnd => serde_json::json!({"kind": "AFTER_END"}),
        RefundBasis::ShortRate { days, percent } => {
            serde_json::json!({"kind": "SHORT_RATE", "days": days, "percent": percent})
        }
        RefundBasis::ProRata {
            unexpired_days,
            period_days,
        } => serde_json::json!({
            "kind": "PRO_RATA", "unexpired_days": unexpired_days, "period_days": period_days
        }),
    }
}

fn is_not_permitted(error: &sqlx::Error) -> bool {
    error
        .as_database_error()
        .and_then(|db| db.code())
        .is_some_and(|code| code == "42501")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Every refusal reads as a whole sentence in both languages.
    #[test]
    fn refusals_are_sentences_in_both_languages() {
        let refusals = [
            CancelError::CodeNotAllowed {
                code: CancellationCode::CustomerRequest,
                policy_type: PolicyType::Cmi,
            },
            CancelError::CodeNotAllowed {
                code: CancellationCode::NonPayment,
                policy_type: PolicyType::Cmi,
            },
            CancelError::PartyNotAllowed {
                code: CancellationCode::NonPayment,
                by: CancelledBy::Insured,
            },
            CancelError::PartyNotAllowed {
                code: CancellationCode::CustomerRequest,
                by: CancelledBy::Insurer,
            },
            CancelError::ReasonMissing,
            CancelError::DateInFuture {
                today: day(2026, 11, 29),
            },
            CancelError::DateAfterEnd {
                end: day(2026, 1, 1),
            },
            CancelError::NotCancellable {
                status: "DRAFT".into(),
            },
            CancelError::NotPermitted,
            CancelError::Gone,
        ];
        for lang in Lang::ALL {
            for refusal in &refusals {
                let text = refusal.message().text(lang);
                assert!(!text.contains('⟦') && !text.contains('{'), "{text}");
            }
        }
        let english = |refusal: &CancelError| refusal.message().text(Lang::En);
        assert_eq!(
            english(&refusals[1]),
            "A CMI (พ.ร.บ.) policy is not cancelled for non-payment: compulsory cover ends \
             early only when the vehicle is sold, written off or deregistered, when it \
             duplicates another CMI, or for misrepresentation."
        );
        assert_eq!(
            english(&refusals[7]),
            "Only an active or suspended policy can be cancelled; this one is still a quote."
        );
    }

    #[test]
    fn the_basis_is_explained() {
        let basis = RefundBasis::ShortRate {
            days: 45,
            percent: 61,
        };
        assert_eq!(
            basis.explain().text(Lang::En),
            "Short rate: 61 % of the premium goes back after 45 days in force."
        );
    }
}
