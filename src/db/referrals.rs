//! Underwriting referrals: the queue of quotes waiting for someone with enough authority,
//! and the decision on one. The database decides who may decide (`check_referral_change`
//! in migration 0019): not the person who referred it, only once, and an approval only
//! within the decider's `users.authority_limit`. This module asks it and turns its refusals
//! into sentences; it does not repeat the rules.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use sqlx::PgPool;
use uuid::Uuid;

use crate::db::customers::{Conflict, SaveError, conflict, set_context};
use crate::domain::premium::PolicyType;
use crate::i18n::Message;
use crate::msg;

/// The most referrals the queue loads (oldest first).
pub const QUEUE_LIMIT: i64 = 500;

/// One pending referral, with what the decider needs to see at a glance.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct ReferralQueueRow {
    pub referral_id: Uuid,
    pub policy_id: Uuid,
    pub quote_number: String,
    /// `policies.policy_type` (see [`ReferralQueueRow::policy_type`]).
    pub policy_type: String,
    pub customer_name: String,
    pub plate: String,
    /// The Thai name of the plate's province.
    pub province: String,
    pub sum_insured: Option<Decimal>,
    pub total_premium: Decimal,
    /// VEHICLE_AGE, SUM_INSURED_AUTHORITY, HIRE_USAGE or CLAIMS_HISTORY.
    pub rule: String,
    pub reason: String,
    pub required_authority: Decimal,
    pub referred_by_name: Option<String>,
    pub referred_at: DateTime<Utc>,
    pub version: i32,
    /// The person logged in has at least the authority this referral needs.
    pub within_my_authority: bool,
    /// The person logged in referred it (and so may not decide it).
    pub referred_by_me: bool,
}

impl ReferralQueueRow {
    pub fn policy_type(&self) -> Option<PolicyType> {
        PolicyType::from_db(&self.policy_type)
    }

    /// Whether the person logged in may approve it, as far as the queue can tell.
    pub fn approvable(&self) -> bool {
        self.within_my_authority && !self.referred_by_me
    }
}

/// Pending referrals of quotes still waiting to be issued, oldest first.
pub async fn queue(pool: &PgPool) -> sqlx::Result<Vec<ReferralQueueRow>> {
    sqlx::query_as(
        "SELECT r.id AS referral_id, p.id AS policy_id,
                COALESCE(p.quote_number, p.policy_number) AS quote_number, p.policy_type,
                concat_ws(' ', c.first_name, c.last_name) AS customer_name,
                v.registration_number AS plate, pr.name_th AS province,
                p.sum_insured, p.total_premium, r.rule, r.reason, r.required_authority,
                NULLIF(concat_ws(' ', referrer.first_name, referrer.last_name), '') AS referred_by_name,
                r.created_at AS referred_at, r.version,
                COALESCE(me.authority_limit >= r.required_authority, false) AS within_my_authority,
                COALESCE(r.created_by = me.id, false) AS referred_by_me
           FROM policy_referrals r
           JOIN policies p ON p.id = r.policy_id
           JOIN customers c ON c.id = p.customer_id
           JOIN customer_vehicles v ON v.id = p.vehicle_id
           JOIN provinces pr ON pr.province_code = v.province_code
           LEFT JOIN users referrer ON referrer.id = r.created_by
           LEFT JOIN users me ON me.id = current_staff_id()
          WHERE r.status = 'PENDING' AND p.status = 'DRAFT' AND p.deleted_at IS NULL
          ORDER BY r.created_at, r.id
          LIMIT $1",
    )
    .bind(QUEUE_LIMIT)
    .fetch_all(pool)
    .await
}

/// Why a decision was not recorded.
#[derive(Debug)]
pub enum DecisionError {
    /// Declining needs a note saying why (the agent and the customer will ask).
    NoteRequired,
    /// The approver's authority is below what the referral needs.
    Authority {
        authority: Decimal,
        required: Decimal,
    },
    /// The person who referred it may not decide it.
    OwnReferral,
    /// It was decided already (APPROVED or DECLINED, by whom if known).
    AlreadyDecided {
        status: String,
        by: Option<String>,
    },
    /// The person's role may not decide referrals at all.
    NotPermitted,
    /// Someone changed the referral since it was loaded.
    Conflict(Conflict),
    /// The referral is not there (or not visible to this person).
    Gone,
    Database(sqlx::Error),
}

impl From<sqlx::Error> for DecisionError {
    fn from(error: sqlx::Error) -> DecisionError {
        DecisionError::Database(error)
    }
}

impl DecisionError {
    pub fn message(&self) -> Message {
        match self {
            DecisionError::NoteRequired => msg!("policy-view-decline-needs-note"),
            DecisionError::Authority {
                authority,
                required,
            } => msg!(
                "policy-view-referral-authority",
                authority = baht(*authority),
                required = baht(*required)
            ),
            DecisionError::OwnReferral => msg!("policy-view-referral-own"),
            DecisionError::AlreadyDecided {
                status,
                by: Some(who),
            } => msg!(
                "policy-view-referral-decided-by",
                status = status.as_str(),
                who = who.as_str()
            ),
            DecisionError::AlreadyDecided { status, by: None } => {
                msg!("policy-view-referral-decided", status = status.as_str())
            }
            DecisionError::NotPermitted => msg!("policy-view-referral-not-permitted"),
            DecisionError::Conflict(conflict) => conflict_message(conflict),
            DecisionError::Gone => msg!("error-record-gone"),
            DecisionError::Database(error) => crate::db::error::message(error),
        }
    }
}

/// "1,500,000.00": an amount as the sentences about authority write it.
pub(crate) fn baht(amount: Decimal) -> String {
    crate::i18n::format::money(amount)
        .trim_start_matches('฿')
        .to_string()
}

/// Someone saved the record first: who, and when (Bangkok time).
pub(crate) fn conflict_message(conflict: &Conflict) -> Message {
    let when = (conflict.at + chrono::Duration::hours(7))
        .format("%Y-%m-%d %H:%M")
        .to_string();
    match &conflict.by {
        Some(who) => msg!("policy-view-conflict-by", who = who.as_str(), when = when),
        None => msg!("policy-view-conflict", when = when),
    }
}

/// What the decider and the referral looked like just before the decision.
#[derive(sqlx::FromRow)]
struct Before {
    required_authority: Decimal,
    my_authority: Option<Decimal>,
    status: String,
    decided_by_name: Option<String>,
}

/// Approves or declines a referral in one transaction, if it is still at `version`. The
/// database refuses a decision by the referrer, a second decision, and an approval beyond
/// the decider's authority; each refusal comes back as its own variant.
pub async fn decide(
    pool: &PgPool,
    referral_id: Uuid,
    version: i32,
    approve: bool,
    note: &str,
) -> Result<(), DecisionError> {
    let note = note.trim();
    if !approve && note.is_empty() {
        return Err(DecisionError::NoteRequired);
    }
    let mut tx = pool.begin().await?;
    set_context(
        &mut tx,
        if approve {
            "REFERRAL_APPROVE"
        } else {
            "REFERRAL_DECLINE"
        },
    )
    .await?;
    let before: Option<Before> = sqlx::query_as(
        "SELECT r.required_authority,
                (SELECT authority_limit FROM users WHERE id = current_staff_id()) AS my_authority,
                r.status,
                NULLIF(concat_ws(' ', u.first_name, u.last_name), '') AS decided_by_name
           FROM policy_referrals r LEFT JOIN users u ON u.id = r.decided_by
          WHERE r.id = $1",
    )
    .bind(referral_id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(before) = before else {
        return Err(DecisionError::Gone);
    };
    let decided: Result<Option<i32>, sqlx::Error> = sqlx::query_scalar(
        "UPDATE policy_referrals SET status = $3, decision_note = NULLIF($4, '')
          WHERE id = $1 AND version = $2
         RETURNING version",
    )
    .bind(referral_id)
    .bind(version)
    .bind(if approve { "APPROVED" } else { "DECLINED" })
    .bind(note)
    .fetch_optional(&mut *tx)
    .await;
    match decided {
        Ok(Some(_)) => {
            tx.commit().await?;
            Ok(())
        }
        Ok(None) => {
            let found = conflict(&mut tx, "policy_referrals", referral_id).await?;
            tx.rollback().await?;
            Err(match found {
                SaveError::Conflict(conflict) => DecisionError::Conflict(conflict),
                SaveError::Gone => DecisionError::Gone,
                SaveError::Database(error) => DecisionError::Database(error),
            })
        }
        Err(error) => {
            tx.rollback().await?;
            Err(refusal(error, before))
        }
    }
}

/// The trigger's refusals by constraint name; a missing privilege (SQLSTATE 42501 without
/// a constraint) is a role that may not decide at all.
fn refusal(error: sqlx::Error, before: Before) -> DecisionError {
    let Some(db) = error.as_database_error() else {
        return DecisionError::Database(error);
    };
    match (db.constraint(), db.code().as_deref()) {
        (Some("chk_policy_referrals_authority"), _) => DecisionError::Authority {
            authority: before.my_authority.unwrap_or_default(),
            required: before.required_authority,
        },
        (Some("chk_policy_referrals_four_eyes"), _) => DecisionError::OwnReferral,
        (Some("chk_policy_referrals_decided_once"), _) => DecisionError::AlreadyDecided {
            status: before.status,
            by: before.decided_by_name,
        },
        (None, Some("42501")) => DecisionError::NotPermitted,
        _ => DecisionError::Database(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use rust_decimal_macros::dec;

    #[test]
    fn refusals_are_sentences_in_both_languages() {
        let authority = DecisionError::Authority {
            authority: dec!(1500000),
            required: dec!(2000000),
        };
        assert_eq!(
            authority.message().text(Lang::En),
            "Your authority of 1,500,000.00 THB is below the 2,000,000.00 THB this referral needs."
        );
        assert_eq!(
            authority.message().text(Lang::Th),
            "วงเงินอนุมัติของคุณ 1,500,000.00 บาท ต่ำกว่า 2,000,000.00 บาท ที่เรื่องส่งพิจารณานี้ต้องการ"
        );
        let decided = DecisionError::AlreadyDecided {
            status: "APPROVED".into(),
            by: Some("สมศักดิ์ ใจดี".into()),
        };
        assert_eq!(
            decided.message().text(Lang::En),
            "สมศักดิ์ ใจดี already approved this referral; a decision is not changed."
        );
        let conflict = DecisionError::Conflict(Conflict {
            by: None,
            at: "2026-11-29T07:30:00Z".parse().unwrap(),
            version: 2,
        });
        assert_eq!(
            conflict.message().text(Lang::En),
            "This was changed at 2026-11-29 14:30, after you opened it. Reload to see the change."
        );
        for refusal in [
            DecisionError::NoteRequired,
            DecisionError::OwnReferral,
            DecisionError::AlreadyDecided {
                status: "DECLINED".into(),
                by: None,
            },
            DecisionError::NotPermitted,
            DecisionError::Gone,
        ] {
            for lang in Lang::ALL {
                let text = refusal.message().text(lang);
                assert!(!text.contains('⟦') && !text.contains('{'), "{text}");
            }
        }
    }
}
