//! The claim queues: one page of each tab in reported order, take-next (`FOR UPDATE SKIP
//! LOCKED`, so two adjusters never get the same claim), assigning by a senior, and the
//! notifications that keep open queues live.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use sqlx::PgPool;
use sqlx::postgres::PgListener;
use uuid::Uuid;

use crate::domain::claim_flow::{ClaimStatus, ClaimType};

/// The channel `0021_claims.sql` notifies on every change to claims.
pub const CHANNEL: &str = "prakan_claims";

/// The most rows one queue page shows.
pub const PAGE: i64 = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QueueTab {
    /// Reported and not yet taken, oldest first.
    Unassigned,
    /// Open claims assigned to me (as adjuster, or as surveyor for surveyors).
    Mine,
    /// Assessed claims whose approval is over someone's authority.
    AwaitingApproval,
    /// Open claims the fraud rules (or a person) sent to investigation.
    Investigation,
    /// Every open claim, with the filters.
    AllOpen,
}

impl QueueTab {
    pub const ALL: [QueueTab; 5] = [
        QueueTab::Unassigned,
        QueueTab::Mine,
        QueueTab::AwaitingApproval,
        QueueTab::Investigation,
        QueueTab::AllOpen,
    ];
}

/// The filters of the All open tab; empty means any.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QueueFilter {
    pub status: Option<ClaimStatus>,
    pub claim_type: Option<ClaimType>,
    pub province_code: Option<String>,
    /// The estimate (or approved amount) at least this.
    pub min_amount: Option<Decimal>,
    /// Reported at least this many days ago.
    pub min_age_days: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct QueueRow {
    pub id: Uuid,
    pub claim_number: String,
    /// "กข 1234" and the province's Thai name.
    pub plate: String,
    pub province_th: String,
    pub customer_name: String,
    pub claim_type: String,
    pub status: String,
    pub reported_date: DateTime<Utc>,
    /// Whole days since the report, in Bangkok.
    pub age_days: i32,
    pub estimated_amount: Option<Decimal>,
    pub approved_amount: Option<Decimal>,
    pub approval_requested_amount: Option<Decimal>,
    pub adjuster_name: Option<String>,
    pub requires_investigation: bool,
    pub fraud_score: Decimal,
    pub version: i32,
}

/// The service levels of the queues (settings CLAIM_SLA_CONTACT_DAYS and
/// CLAIM_SLA_ASSESSMENT_DAYS).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlaDays {
    pub contact: i64,
    pub assessment: i64,
}

impl Default for SlaDays {
    fn default() -> SlaDays {
        SlaDays {
            contact: 1,
            assessment: 7,
        }
    }
}

pub async fn sla_days(pool: &PgPool) -> sqlx::Result<SlaDays> {
    todo!("{pool:?}")
}

/// The first page of a tab, oldest report first.
pub async fn page(
    pool: &PgPool,
    tab: QueueTab,
    filter: &QueueFilter,
) -> sqlx::Result<Vec<QueueRow>> {
    todo!("{pool:?} {tab:?} {filter:?}")
}

/// Takes the oldest unassigned claim for the person logged in: assigns it to them and moves
/// it to ASSIGNED, in one statement that skips claims another adjuster is taking. `None`
/// when the queue is empty.
pub async fn take_next(pool: &PgPool) -> sqlx::Result<Option<Taken>> {
    todo!("{pool:?}")
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Taken {
    pub id: Uuid,
    pub claim_number: String,
}

/// Active adjusters (to assign to) and surveyors (to send), with their authority.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct StaffChoice {
    pub id: Uuid,
    pub name: String,
    pub group_role: String,
    pub authority_limit: Decimal,
}

pub async fn assignable_staff(pool: &PgPool) -> sqlx::Result<Vec<StaffChoice>> {
    todo!("{pool:?}")
}

/// A listener on the claims channel, on a connection of its own (LISTEN is per session).
pub async fn listen(pool: &PgPool) -> sqlx::Result<PgListener> {
    let mut listener = PgListener::connect_with(pool).await?;
    listener.listen(CHANNEL).await?;
    Ok(listener)
}

/// The claims a notification names; empty when it names none (a bulk change: reload all).
pub fn changed_ids(payload: &str) -> Vec<Uuid> {
    #[derive(serde::Deserialize)]
    struct Payload {
        ids: Option<Vec<Uuid>>,
    }
    serde_json::from_str::<Payload>(payload)
        .ok()
        .and_then(|p| p.ids)
        .unwrap_or_default()
}
