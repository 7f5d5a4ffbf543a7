//! The history of one record from the audit trail: who did what, when, and which fields
//! changed from what to what. Row-level security on audit_logs shows a person the history
//! of exactly the records they may see.

use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::PgPool;
use uuid::Uuid;

/// The most entries shown for one record, newest first.
pub const HISTORY_LIMIT: i64 = 200;

#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    pub at: DateTime<Utc>,
    /// INSERT, UPDATE, DELETE, REVEAL, EXPORT or ANONYMIZE.
    pub operation: String,
    /// The staff member's name, or the database role when it is not a staff member.
    pub who: String,
    pub username: String,
    pub role: Option<String>,
    pub context: Option<String>,
    pub changes: Vec<Change>,
}

#[derive(sqlx::FromRow)]
struct AuditRow {
    logged_at: DateTime<Utc>,
    operation: String,
    old_values: Option<Value>,
    new_values: Option<Value>,
    changed_fields: Option<Vec<String>>,
    db_user: String,
    user_role: Option<String>,
    business_context: Option<String>,
    staff_name: Option<String>,
}

pub async fn record_history(
    pool: &PgPool,
    table: &str,
    record: Uuid,
) -> sqlx::Result<Vec<HistoryEntry>> {
    let rows: Vec<AuditRow> = sqlx::query_as(
        "SELECT a.logged_at, a.operation, a.old_values, a.new_values, a.changed_fields, a.db_user,
                a.user_role, a.business_context,
                NULLIF(concat_ws(' ', u.first_name, u.last_name), '') AS staff_name
           FROM audit_logs a LEFT JOIN users u ON u.id = a.user_id
          WHERE a.table_name = $1 AND a.record_id = $2
          ORDER BY a.logged_at DESC, a.id DESC
          LIMIT $3",
    )
    .bind(table)
    .bind(record)
    .bind(HISTORY_LIMIT)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(entry).collect())
}

fn entry(row: AuditRow) -> HistoryEntry {
    let field_value = |values: &Option<Value>, field: &str| {
        values.as_ref().and_then(|v| v.get(field)).and_then(shown)
    };
    let changes = row
        .changed_fields
        .unwrap_or_default()
        .into_iter()
        .map(|field| Change {
            old: field_value(&row.old_values, &field),
            new: field_value(&row.new_values, &field),
            field,
        })
        .collect();
    HistoryEntry {
        at: row.logged_at,
        operation: row.operation,
        who: row.staff_name.unwrap_or_else(|| row.db_user.clone()),
        username: row.db_user,
        role: row.user_role,
        context: row.business_context,
        changes,
    }
}

/// A JSON value as a person reads it: text without quotes, nothing for null.
pub fn shown(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(text) => Some(text.clone()),
        other => Some(other.to_string()),
    }
}
