//! The claim queues: one page of each tab in reported order, take-next (`FOR UPDATE SKIP
//! LOCKED`, so two adjusters never get the same claim), assigning by a senior, and the
//! notifications that keep open queues live.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use sqlx::postgres::PgListener;
use sqlx::{PgPool, QueryBuilder};
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
    let (contact, assessment): (Option<i64>, Option<i64>) = sqlx::query_as(
        "SELECT max(config_value::bigint) FILTER (WHERE config_key = 'CLAIM_SLA_CONTACT_DAYS'),
                max(config_value::bigint) FILTER (WHERE config_key = 'CLAIM_SLA_ASSESSMENT_DAYS')
           FROM system_configurations
          WHERE config_key IN ('CLAIM_SLA_CONTACT_DAYS', 'CLAIM_SLA_ASSESSMENT_DAYS')",
    )
    .fetch_one(pool)
    .await?;
    let default = SlaDays::default();
    Ok(SlaDays {
        contact: contact.unwrap_or(default.contact),
        assessment: assessment.unwrap_or(default.assessment),
    })
}

/// The open statuses, as the partial indexes of `0021_claims.sql` spell them.
const OPEN: &str = "c.status IN ('REPORTED', 'ASSIGNED', 'INVESTIGATING', 'ASSESSED', 'APPROVED')";

/// The rows of a tab: which claims, in the order its index reads them.
fn tab_condition(tab: QueueTab) -> String {
    match tab {
        QueueTab::Unassigned => "c.status = 'REPORTED' AND c.adjuster_id IS NULL".to_string(),
        // Two index scans (as adjuster, as surveyor) joined by a BitmapOr, then a sort of
        // the person's own claims.
        QueueTab::Mine => format!(
            "{OPEN} AND (c.adjuster_id = (SELECT current_staff_id())
                         OR c.surveyor_id = (SELECT current_staff_id()))"
        ),
        QueueTab::AwaitingApproval => {
            "c.status = 'ASSESSED' AND c.approval_requested_amount IS NOT NULL".to_string()
        }
        QueueTab::Investigation => format!("{OPEN} AND c.requires_investigation"),
        QueueTab::AllOpen => OPEN.to_string(),
    }
}

/// The first page of a tab, oldest report first.
pub async fn page(
    pool: &PgPool,
    tab: QueueTab,
    filter: &QueueFilter,
) -> sqlx::Result<Vec<QueueRow>> {
    let mut query = QueryBuilder::new(format!(
        "{PAGE_COLUMNS} WHERE {} AND c.deleted_at IS NULL",
        tab_condition(tab)
    ));
    // Only the filters given are written into the statement: a generic plan for
    // "($1 IS NULL OR …)" guesses every filter selective and sorts the whole tab.
    if let Some(status) = filter.status {
        query.push(" AND c.status = ").push_bind(status.as_db());
    }
    if let Some(claim_type) = filter.claim_type {
        query
            .push(" AND c.claim_type = ")
            .push_bind(claim_type.as_db());
    }
    if let Some(province) = &filter.province_code {
        query
            .push(" AND c.incident_province_code = ")
            .push_bind(province.clone());
    }
    if let Some(amount) = filter.min_amount {
        // The whole-baht column finds the rows by its index; the exact amount decides.
        query
            .push(" AND c.queue_amount >= ")
            .push_bind(amount.floor().to_i64().unwrap_or(i64::MAX))
            .push(" AND ")
            .push(AMOUNT)
            .push(" >= ")
            .push_bind(amount);
    }
    if let Some(days) = filter.min_age_days {
        query
            .push(" AND c.reported_date <= now() - make_interval(days => ")
            .push_bind(days)
            .push(")");
    }
    query
        .push(" ORDER BY c.reported_date, c.id LIMIT ")
        .push_bind(PAGE);
    // With filters, plan for the values given (a rare province is read by its own index,
    // a common one in date order); without, the tab's index serves every call alike.
    let filtered = *filter != QueueFilter::default();
    query
        .build_query_as()
        .persistent(!filtered)
        .fetch_all(pool)
        .await
}

/// The amount a claim is filtered by: approved, else assessed, else estimated.
const AMOUNT: &str = "COALESCE(c.approved_amount, c.assessed_amount, c.estimated_amount)";

const PAGE_COLUMNS: &str = "SELECT c.id, c.claim_number,
        v.registration_number AS plate, vp.name_th AS province_th,
        concat_ws(' ', cu.first_name, cu.last_name) AS customer_name,
        c.claim_type, c.status, c.reported_date,
        ((now() AT TIME ZONE 'Asia/Bangkok')::date
          - (c.reported_date AT TIME ZONE 'Asia/Bangkok')::date) AS age_days,
        c.estimated_amount, c.approved_amount, c.approval_requested_amount,
        NULLIF(concat_ws(' ', u.first_name, u.last_name), '') AS adjuster_name,
        c.requires_investigation, c.fraud_score, c.version
   FROM claims c
   JOIN policies p ON p.id = c.policy_id
   JOIN customer_vehicles v ON v.id = p.vehicle_id
   JOIN provinces vp ON vp.province_code = v.province_code
   JOIN customers cu ON cu.id = p.customer_id
   LEFT JOIN users u ON u.id = c.adjuster_id";

/// Takes the oldest unassigned claim for the person logged in: assigns it to them and moves
/// it to ASSIGNED, in one statement that skips claims another adjuster is taking. `None`
/// when the queue is empty.
pub async fn take_next(pool: &PgPool) -> sqlx::Result<Option<Taken>> {
    let mut tx = pool.begin().await?;
    crate::db::customers::set_context(&mut tx, "CLAIM_TAKE_NEXT").await?;
    let taken = sqlx::query_as(
        "UPDATE claims c
            SET adjuster_id = current_staff_id(), status = 'ASSIGNED',
                transition_reason = 'รับเรื่องจากคิว · Taken from the queue'
          WHERE c.id = (SELECT id FROM claims
                         WHERE status = 'REPORTED' AND adjuster_id IS NULL AND deleted_at IS NULL
                         ORDER BY reported_date, id
                         LIMIT 1
                         FOR UPDATE SKIP LOCKED)
          RETURNING c.id, c.claim_number",
    )
    .fetch_optional(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(taken)
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
    sqlx::query_as(
        "SELECT id, concat_ws(' ', first_name, last_name) AS name, group_role, authority_limit
           FROM users
          WHERE group_role IN ('prakan_adjuster', 'prakan_surveyor')
            AND account_status = 'ACTIVE' AND deleted_at IS NULL
          ORDER BY group_role, authority_limit, first_name",
    )
    .fetch_all(pool)
    .await
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
