//! The audit trail viewer's reads: entries filtered by table, record, staff member,
//! operation and time range, newest first, a page at a time by keyset (never OFFSET), and
//! one entry whole. Only the filters given are written into the statement, so that each
//! is answered from its own index (a generic `$n IS NULL OR …` plan sorts whole tables).
//! Row-level security shows auditors and administrators the whole trail.

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::Value;
use sqlx::PgPool;
use uuid::Uuid;

/// Entries per page.
pub const PAGE_SIZE: i64 = 100;

/// The operations the trail records.
pub const OPERATIONS: &[&str] = &[
    "INSERT",
    "UPDATE",
    "DELETE",
    "REVEAL",
    "EXPORT",
    "ANONYMIZE",
    "TERMINATE",
];

/// What to show: each filter left `None` is not applied. Dates are Bangkok days, both
/// ends included.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AuditFilter {
    pub table: Option<String>,
    pub record: Option<Uuid>,
    pub staff: Option<Uuid>,
    pub operation: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// Where a page ends: the next page starts strictly after (older than) this entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub logged_at: DateTime<Utc>,
    pub id: i64,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct AuditEntry {
    pub id: i64,
    pub logged_at: DateTime<Utc>,
    pub table_name: String,
    pub record_id: Uuid,
    pub operation: String,
    /// The staff member's name, or the database role when it is not a staff member.
    pub who: String,
    pub username: String,
    pub role: Option<String>,
    pub context: Option<String>,
    pub changed_fields: Option<Vec<String>>,
}

impl AuditEntry {
    pub fn cursor(&self) -> Cursor {
        Cursor {
            logged_at: self.logged_at,
            id: self.id,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    /// Where the next page starts; None when this was the last.
    pub next: Option<Cursor>,
}

/// One entry with the row as it was before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditDetail {
    pub entry: AuditEntry,
    pub old_values: Option<Value>,
    pub new_values: Option<Value>,
}

/// A staff member to filter by.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct StaffChoice {
    pub id: Uuid,
    pub username: String,
    pub name: String,
}

const COLUMNS: &str = "a.id, a.logged_at, a.table_name, a.record_id, a.operation,
       COALESCE(NULLIF(concat_ws(' ', u.first_name, u.last_name), ''), a.db_user) AS who,
       a.db_user AS username, a.user_role AS role, a.business_context AS context,
       a.changed_fields";

/// The statement for a page: the filters given, each with its own placeholder, in order
/// table, record, staff, operation, from, to, cursor (time then id), then the limit.
fn page_statement(filter: &AuditFilter, after: Option<Cursor>) -> String {
    let mut conditions = Vec::new();
    let mut next = 0;
    let mut placeholder = || {
        next += 1;
        format!("${next}")
    };
    if filter.table.is_some() {
        conditions.push(format!("a.table_name = {}", placeholder()));
    }
    if filter.record.is_some() {
        conditions.push(format!("a.record_id = {}", placeholder()));
    }
    if filter.staff.is_some() {
        conditions.push(format!("a.user_id = {}", placeholder()));
    }
    if filter.operation.is_some() {
        conditions.push(format!("a.operation = {}", placeholder()));
    }
    if filter.from.is_some() {
        conditions.push(format!(
            "a.logged_at >= {}::date::timestamp AT TIME ZONE 'Asia/Bangkok'",
            placeholder()
        ));
    }
    if filter.to.is_some() {
        conditions.push(format!(
            "a.logged_at < ({}::date + 1)::timestamp AT TIME ZONE 'Asia/Bangkok'",
            placeholder()
        ));
    }
    if after.is_some() {
        let at = placeholder();
        let id = placeholder();
        conditions.push(format!("(a.logged_at, a.id) < ({at}, {id})"));
    }
    let limit = placeholder();
    let filters = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    format!(
        "SELECT {COLUMNS}
           FROM audit_logs a LEFT JOIN users u ON u.id = a.user_id
          {filters}
          ORDER BY a.logged_at DESC, a.id DESC
          LIMIT {limit}"
    )
}

/// A page of entries, newest first, after `after` (the first page: None).
pub async fn page(
    pool: &PgPool,
    filter: &AuditFilter,
    after: Option<Cursor>,
    size: i64,
) -> sqlx::Result<AuditPage> {
    let statement = page_statement(filter, after);
    let mut query = sqlx::query_as::<_, AuditEntry>(sqlx::AssertSqlSafe(statement));
    if let Some(table) = &filter.table {
        query = query.bind(table.clone());
    }
    if let Some(record) = filter.record {
        query = query.bind(record);
    }
    if let Some(staff) = filter.staff {
        query = query.bind(staff);
    }
    if let Some(operation) = &filter.operation {
        query = query.bind(operation.clone());
    }
    if let Some(from) = filter.from {
        query = query.bind(from);
    }
    if let Some(to) = filter.to {
        query = query.bind(to);
    }
    if let Some(cursor) = after {
        query = query.bind(cursor.logged_at).bind(cursor.id);
    }
    // One more than a page says whether another follows.
    let mut entries = query.bind(size + 1).fetch_all(pool).await?;
    let more = entries.len() as i64 > size;
    entries.truncate(size.max(0) as usize);
    let next = if more {
        entries.last().map(AuditEntry::cursor)
    } else {
        None
    };
    Ok(AuditPage { entries, next })
}

#[derive(sqlx::FromRow)]
struct DetailRow {
    #[sqlx(flatten)]
    entry: AuditEntry,
    old_values: Option<Value>,
    new_values: Option<Value>,
}

/// One entry whole (by its key: the partition is found by the time).
pub async fn detail(pool: &PgPool, cursor: Cursor) -> sqlx::Result<Option<AuditDetail>> {
    let statement = format!(
        "SELECT {COLUMNS}, a.old_values, a.new_values
           FROM audit_logs a LEFT JOIN users u ON u.id = a.user_id
          WHERE a.id = $1 AND a.logged_at = $2"
    );
    let row: Option<DetailRow> = sqlx::query_as(sqlx::AssertSqlSafe(statement))
        .bind(cursor.id)
        .bind(cursor.logged_at)
        .fetch_optional(pool)
        .await?;
    Ok(row.map(|row| AuditDetail {
        entry: row.entry,
        old_values: row.old_values,
        new_values: row.new_values,
    }))
}

/// The tables whose changes are audited, for the table filter.
pub async fn audited_tables(pool: &PgPool) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar("SELECT audited_tables()")
        .fetch_all(pool)
        .await
}

/// The staff directory, for the staff filter.
pub async fn staff(pool: &PgPool) -> sqlx::Result<Vec<StaffChoice>> {
    sqlx::query_as(
        "SELECT id, username,
                COALESCE(NULLIF(concat_ws(' ', first_name, last_name), ''), username) AS name
           FROM users ORDER BY username",
    )
    .fetch_all(pool)
    .await
}

/// One field of a diff: its value before and after, and whether it changed.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldDiff {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
    pub changed: bool,
}

/// Every field of the row before and after, in column-name order; those the entry names
/// as changed are marked (an insert or delete: every field it names).
pub fn diff(detail: &AuditDetail) -> Vec<FieldDiff> {
    let mut fields: Vec<String> = [&detail.old_values, &detail.new_values]
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
        .flat_map(|object| object.keys().cloned())
        .collect();
    fields.extend(detail.entry.changed_fields.clone().unwrap_or_default());
    fields.sort();
    fields.dedup();
    let changed = detail.entry.changed_fields.clone().unwrap_or_default();
    let value = |values: &Option<Value>, field: &str| {
        values
            .as_ref()
            .and_then(|v| v.get(field))
            .and_then(crate::db::history::shown)
    };
    fields
        .into_iter()
        .map(|field| FieldDiff {
            old: value(&detail.old_values, &field),
            new: value(&detail.new_values, &field),
            changed: changed.contains(&field),
            field,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_filters_given_are_written() {
        let none = page_statement(&AuditFilter::default(), None);
        assert!(!none.contains("WHERE"), "{none}");
        assert!(none.contains("LIMIT $1"), "{none}");
        let filter = AuditFilter {
            operation: Some("UPDATE".into()),
            to: NaiveDate::from_ymd_opt(2026, 11, 30),
            ..AuditFilter::default()
        };
        let cursor = Cursor {
            logged_at: Utc::now(),
            id: 7,
        };
        let some = page_statement(&filter, Some(cursor));
        assert!(some.contains("a.operation = $1"), "{some}");
        assert!(some.contains("($2::date + 1)"), "{some}");
        assert!(some.contains("(a.logged_at, a.id) < ($3, $4)"), "{some}");
        assert!(some.contains("LIMIT $5"), "{some}");
        assert!(!some.contains("IS NULL OR"), "{some}");
        assert!(!some.contains("table_name ="), "{some}");
    }
}
