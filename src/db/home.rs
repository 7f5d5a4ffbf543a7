//! The figures each group role's home screen shows, counted as the person (row-level
//! security applies: an agent counts only their own customers). Days are Bangkok days.

use rust_decimal::Decimal;
use sqlx::PgPool;

use crate::domain::staff::GroupRole;
use crate::key;

#[derive(Debug, Clone, PartialEq)]
pub enum FigureValue {
    Count(i64),
    Money(Decimal),
}

/// One figure: a message key for its label and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub label: &'static str,
    pub value: FigureValue,
}

fn count(label: &'static str, value: i64) -> Figure {
    Figure {
        label,
        value: FigureValue::Count(value),
    }
}

fn money(label: &'static str, value: Decimal) -> Figure {
    Figure {
        label,
        value: FigureValue::Money(value),
    }
}

pub async fn figures(pool: &PgPool, group: GroupRole) -> sqlx::Result<Vec<Figure>> {
    match group {
        GroupRole::Agent => agent(pool).await,
        GroupRole::Underwriter => underwriter(pool).await,
        GroupRole::Adjuster => adjuster(pool).await,
        GroupRole::Surveyor => surveyor(pool).await,
        GroupRole::Finance => finance(pool).await,
        GroupRole::Auditor => auditor(pool).await,
        GroupRole::Admin => admin(pool).await,
    }
}

async fn agent(pool: &PgPool) -> sqlx::Result<Vec<Figure>> {
    let (customers, active, quotes, expiring): (i64, i64, i64, i64) = sqlx::query_as("SELECT (SELECT count(*) FROM customers WHERE deleted_at IS NULL),
                (SELECT count(*) FROM policies WHERE status = 'ACTIVE'),
                (SELECT count(*) FROM policies WHERE status = 'DRAFT' AND agent_id = current_staff_id()),
                (SELECT count(*) FROM policies WHERE status = 'ACTIVE'
                    AND end_date BETWEEN (now() AT TIME ZONE 'Asia/Bangkok')::date AND (now() AT TIME ZONE 'Asia/Bangkok')::date + 30)")
    .fetch_one(pool)
    .await?;
    Ok(vec![
        count(key!("figure-my-customers"), customers),
        count(key!("figure-active-policies"), active),
        count(key!("figure-my-draft-quotes"), quotes),
        count(key!("figure-expiring-30-days"), expiring),
    ])
}

async fn underwriter(pool: &PgPool) -> sqlx::Result<Vec<Figure>> {
    let (due_this_month, lapsed_in_grace, drafts, issued_this_month): (i64, i64, i64, i64) = sqlx::query_as("SELECT (SELECT count(*) FROM policies WHERE status = 'ACTIVE'
                    AND date_trunc('month', end_date) = date_trunc('month', (now() AT TIME ZONE 'Asia/Bangkok')::date)),
                (SELECT count(*) FROM policies p WHERE status = 'EXPIRED'
                    AND end_date >= (now() AT TIME ZONE 'Asia/Bangkok')::date - COALESCE((SELECT config_value::int FROM system_configurations
                                                        WHERE config_key = 'POLICY_GRACE_PERIOD_DAYS'), 30)
                    AND NOT EXISTS (SELECT 1 FROM policy_renewals r WHERE r.original_policy_id = p.id)),
                (SELECT count(*) FROM policies WHERE status = 'DRAFT'),
                (SELECT count(*) FROM policies WHERE issued_at >= date_trunc('month', now() AT TIME ZONE 'Asia/Bangkok')
                    AT TIME ZONE 'Asia/Bangkok')")
    .fetch_one(pool)
    .await?;
    Ok(vec![
        count(key!("figure-renewals-due-this-month"), due_this_month),
        count(key!("figure-lapsed-in-grace"), lapsed_in_grace),
        count(key!("figure-draft-quotes"), drafts),
        count(key!("figure-issued-this-month"), issued_this_month),
    ])
}

async fn adjuster(pool: &PgPool) -> sqlx::Result<Vec<Figure>> {
    let (mine, unassigned, investigation, approved): (i64, i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM claims WHERE adjuster_id = current_staff_id()
                    AND status NOT IN ('SETTLED', 'CLOSED', 'REJECTED') AND deleted_at IS NULL),
                (SELECT count(*) FROM claims WHERE adjuster_id IS NULL AND status = 'REPORTED'
                    AND deleted_at IS NULL),
                (SELECT count(*) FROM claims WHERE requires_investigation
                    AND status NOT IN ('SETTLED', 'CLOSED', 'REJECTED') AND deleted_at IS NULL),
                (SELECT count(*) FROM claims WHERE status = 'APPROVED' AND deleted_at IS NULL)",
    )
    .fetch_one(pool)
    .await?;
    Ok(vec![
        count(key!("figure-my-open-claims"), mine),
        count(key!("figure-unassigned-claims"), unassigned),
        count(key!("figure-investigation-claims"), investigation),
        count(key!("figure-approved-awaiting-settlement"), approved),
    ])
}

async fn surveyor(pool: &PgPool) -> sqlx::Result<Vec<Figure>> {
    let (assigned, assessments): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM claims WHERE status NOT IN ('SETTLED', 'CLOSED', 'REJECTED')
                    AND deleted_at IS NULL),
                (SELECT count(*) FROM claim_assessments WHERE assessor_id = current_staff_id()
                    AND assessment_date >= date_trunc('month', now()))",
    )
    .fetch_one(pool)
    .await?;
    Ok(vec![
        count(key!("figure-my-assigned-claims"), assigned),
        count(key!("figure-my-assessments-this-month"), assessments),
    ])
}

async fn finance(pool: &PgPool) -> sqlx::Result<Vec<Figure>> {
    let (overdue, overdue_amount, due_week, payouts, payout_amount): (i64, Decimal, i64, i64, Decimal) =
        sqlx::query_as("SELECT count(*) FILTER (WHERE payment_direction = 'INCOMING' AND due_date < (now() AT TIME ZONE 'Asia/Bangkok')::date),
                    COALESCE(sum(total_amount) FILTER (WHERE payment_direction = 'INCOMING' AND due_date < (now() AT TIME ZONE 'Asia/Bangkok')::date), 0),
                    count(*) FILTER (WHERE payment_direction = 'INCOMING' AND due_date BETWEEN (now() AT TIME ZONE 'Asia/Bangkok')::date AND (now() AT TIME ZONE 'Asia/Bangkok')::date + 7),
                    count(*) FILTER (WHERE payment_direction = 'OUTGOING'),
                    COALESCE(sum(total_amount) FILTER (WHERE payment_direction = 'OUTGOING'), 0)
               FROM payments WHERE payment_status IN ('PENDING', 'PROCESSING')")
        .fetch_one(pool)
        .await?;
    Ok(vec![
        count(key!("figure-overdue-payments"), overdue),
        money(key!("figure-overdue-amount"), overdue_amount),
        count(key!("figure-due-within-7-days"), due_week),
        count(key!("figure-payouts-waiting"), payouts),
        money(key!("figure-payouts-amount"), payout_amount),
    ])
}

async fn auditor(pool: &PgPool) -> sqlx::Result<Vec<Figure>> {
    let (changes, logins, exports): (i64, i64, i64) = sqlx::query_as("SELECT (SELECT count(*) FROM audit_logs
                  WHERE logged_at >= (now() AT TIME ZONE 'Asia/Bangkok')::date::timestamp AT TIME ZONE 'Asia/Bangkok'),
                (SELECT count(*) FROM user_sessions
                  WHERE created_at >= (now() AT TIME ZONE 'Asia/Bangkok')::date::timestamp AT TIME ZONE 'Asia/Bangkok'),
                (SELECT count(*) FROM audit_logs WHERE operation IN ('EXPORT', 'ANONYMIZE', 'REVEAL')
                  AND logged_at >= date_trunc('month', now()))")
    .fetch_one(pool)
    .await?;
    Ok(vec![
        count(key!("figure-changes-today"), changes),
        count(key!("figure-logins-today"), logins),
        count(key!("figure-personal-data-actions"), exports),
    ])
}

async fn admin(pool: &PgPool) -> sqlx::Result<Vec<Figure>> {
    let (staff, disabled, sessions): (i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM users WHERE account_status = 'ACTIVE' AND deleted_at IS NULL),
                (SELECT count(*) FROM users WHERE account_status <> 'ACTIVE' AND deleted_at IS NULL),
                (SELECT count(*) FROM user_sessions WHERE is_active AND expires_at > now())",
    )
    .fetch_one(pool)
    .await?;
    Ok(vec![
        count(key!("figure-active-staff"), staff),
        count(key!("figure-disabled-staff"), disabled),
        count(key!("figure-active-sessions"), sessions),
    ])
}
