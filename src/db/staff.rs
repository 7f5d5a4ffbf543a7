//! Staff accounts: a PostgreSQL LOGIN role plus a directory row, created together. The
//! password leaves this process only as a SCRAM-SHA-256 verifier.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::staff::GroupRole;
use crate::i18n::Message;

pub struct NewStaff<'a> {
    pub username: &'a str,
    pub group: GroupRole,
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub password: &'a str,
    pub authority_limit: Decimal,
    pub email: Option<&'a str>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StaffMember {
    pub username: String,
    pub first_name: String,
    pub last_name: String,
    pub group_role: String,
    pub authority_limit: Decimal,
    pub account_status: String,
    pub can_log_in: bool,
    pub last_login_at: Option<DateTime<Utc>>,
}

/// The verifier PostgreSQL stores for a password, computed here so that the password
/// itself never reaches the server, its logs or its statistics.
pub fn scram_verifier(password: &str) -> String {
    postgres_protocol::password::scram_sha_256(password.as_bytes())
}

/// Creates the login role and the directory row in the caller's transaction.
pub async fn create(connection: &mut PgConnection, staff: &NewStaff<'_>) -> sqlx::Result<Uuid> {
    sqlx::query_scalar("SELECT staff_create($1, $2, $3, $4, $5, $6, $7)")
        .bind(staff.username)
        .bind(staff.group.role_name())
        .bind(staff.first_name)
        .bind(staff.last_name)
        .bind(scram_verifier(staff.password))
        .bind(staff.authority_limit)
        .bind(staff.email)
        .fetch_one(connection)
        .await
}

pub async fn list(pool: &PgPool) -> sqlx::Result<Vec<StaffMember>> {
    sqlx::query_as(
        "SELECT u.username, u.first_name, u.last_name, u.group_role, u.authority_limit,
                u.account_status, COALESCE(r.rolcanlogin, false) AS can_log_in, u.last_login_at
           FROM users u LEFT JOIN pg_roles r ON r.rolname = u.username
          WHERE u.deleted_at IS NULL
          ORDER BY u.group_role, u.username",
    )
    .fetch_all(pool)
    .await
}

/// Enables (ACTIVE) or disables (INACTIVE) an account; the directory trigger switches the
/// role's LOGIN accordingly. Returns false when there is no such account.
pub async fn set_active(pool: &PgPool, username: &str, active: bool) -> sqlx::Result<bool> {
    let status = if active { "ACTIVE" } else { "INACTIVE" };
    let updated = sqlx::query("UPDATE users SET account_status = $2 WHERE username = $1")
        .bind(username)
        .bind(status)
        .execute(pool)
        .await?;
    Ok(updated.rows_affected() == 1)
}

/// Moves an account to another group role (the trigger moves the role membership).
pub async fn set_group(pool: &PgPool, username: &str, group: GroupRole) -> sqlx::Result<bool> {
    let updated = sqlx::query("UPDATE users SET group_role = $2 WHERE username = $1")
        .bind(username)
        .bind(group.role_name())
        .execute(pool)
        .await?;
    Ok(updated.rows_affected() == 1)
}

pub async fn set_password(pool: &PgPool, username: &str, password: &str) -> sqlx::Result<()> {
    sqlx::query("SELECT staff_set_password($1, $2)")
        .bind(username)
        .bind(scram_verifier(password))
        .execute(pool)
        .await?;
    Ok(())
}

/// Why an administrator's change was not saved.
#[derive(Debug)]
pub enum AdminError {
    /// Someone else changed the record since it was loaded: nothing was written.
    Conflict,
    /// The record is no longer there.
    Gone,
    /// The input breaks a rule checked before saving; the sentence says which.
    Invalid(Message),
    Database(sqlx::Error),
}

impl From<sqlx::Error> for AdminError {
    fn from(error: sqlx::Error) -> AdminError {
        AdminError::Database(error)
    }
}

impl AdminError {
    pub fn message(&self) -> Message {
        match self {
            AdminError::Conflict => crate::msg!("admin-conflict"),
            AdminError::Gone => crate::msg!("error-record-gone"),
            AdminError::Invalid(message) => message.clone(),
            AdminError::Database(error) => super::error::message(error),
        }
    }
}

/// One staff member as the staff screen lists them.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct StaffRow {
    pub id: Uuid,
    pub username: String,
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
    pub group_role: String,
    pub authority_limit: Decimal,
    pub account_status: String,
    pub can_log_in: bool,
    pub last_login_at: Option<DateTime<Utc>>,
    /// Running prakan sessions (and other programs) connected as this person.
    pub live_sessions: i64,
    pub version: i32,
}

impl StaffRow {
    pub fn display_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
            .trim()
            .to_string()
    }

    pub fn group(&self) -> Option<GroupRole> {
        GroupRole::parse(&self.group_role)
    }

    pub fn is_active(&self) -> bool {
        self.account_status == "ACTIVE"
    }
}

/// The staff directory with live session counts (administrators only: it reads
/// `staff_live_sessions()`).
pub async fn directory(pool: &PgPool) -> sqlx::Result<Vec<StaffRow>> {
    sqlx::query_as(
        "WITH live AS (
             SELECT username, count(DISTINCT COALESCE(application_name, pid::text)) AS sessions
               FROM staff_live_sessions() GROUP BY username)
         SELECT u.id, u.username, u.first_name, u.last_name, u.email, u.group_role,
                u.authority_limit, u.account_status, COALESCE(r.rolcanlogin, false) AS can_log_in,
                u.last_login_at, COALESCE(live.sessions, 0) AS live_sessions, u.version
           FROM users u
           LEFT JOIN pg_roles r ON r.rolname = u.username
           LEFT JOIN live ON live.username = u.username
          WHERE u.deleted_at IS NULL
          ORDER BY u.username",
    )
    .fetch_all(pool)
    .await
}

/// Creates a staff member as an administrator, in one transaction.
pub async fn create_account(pool: &PgPool, staff: &NewStaff<'_>) -> Result<Uuid, AdminError> {
    if let Some(problem) = crate::domain::staff::username_problem(staff.username) {
        return Err(AdminError::Invalid(problem.message()));
    }
    if let Some(problem) = crate::domain::staff::password_problem(staff.username, staff.password) {
        return Err(AdminError::Invalid(problem.message()));
    }
    let mut tx = pool.begin().await?;
    super::customers::set_context(&mut tx, "STAFF_CREATE").await?;
    let id = create(&mut tx, staff).await?;
    tx.commit().await?;
    Ok(id)
}

/// One change of a directory row, guarded by the version the screen loaded.
async fn update_versioned(
    pool: &PgPool,
    id: Uuid,
    version: i32,
    context: &str,
    assignment: &'static str,
    value: impl for<'q> sqlx::Encode<'q, sqlx::Postgres> + sqlx::Type<sqlx::Postgres> + Send,
) -> Result<i32, AdminError> {
    let mut tx = pool.begin().await?;
    super::customers::set_context(&mut tx, context).await?;
    // `assignment` is one of this module's constants, never input.
    let statement = format!(
        "UPDATE users SET {assignment} WHERE id = $1 AND version = $2 AND deleted_at IS NULL
         RETURNING version"
    );
    let saved: Option<i32> = sqlx::query_scalar(sqlx::AssertSqlSafe(statement))
        .bind(id)
        .bind(version)
        .bind(value)
        .fetch_optional(&mut *tx)
        .await?;
    match saved {
        Some(new_version) => {
            tx.commit().await?;
            Ok(new_version)
        }
        None => {
            let exists: bool =
                sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM users WHERE id = $1)")
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?;
            Err(if exists {
                AdminError::Conflict
            } else {
                AdminError::Gone
            })
        }
    }
}

/// Moves a staff member to another group (the directory trigger moves the membership and
/// refuses to demote the last administrator). Returns the new version.
pub async fn change_group(
    pool: &PgPool,
    id: Uuid,
    version: i32,
    group: GroupRole,
) -> Result<i32, AdminError> {
    update_versioned(
        pool,
        id,
        version,
        "STAFF_CHANGE_GROUP",
        "group_role = $3",
        group.role_name(),
    )
    .await
}

/// Sets the largest amount a staff member may approve.
pub async fn set_authority_limit(
    pool: &PgPool,
    id: Uuid,
    version: i32,
    limit: Decimal,
) -> Result<i32, AdminError> {
    if limit < Decimal::ZERO {
        return Err(AdminError::Invalid(crate::msg!("admin-limit-negative")));
    }
    update_versioned(
        pool,
        id,
        version,
        "STAFF_AUTHORITY_LIMIT",
        "authority_limit = $3",
        limit,
    )
    .await
}

/// Enables (ACTIVE) or disables (INACTIVE) an account: LOGIN follows, and the last active
/// administrator is never disabled.
pub async fn set_account_active(
    pool: &PgPool,
    id: Uuid,
    version: i32,
    active: bool,
) -> Result<i32, AdminError> {
    let status = if active { "ACTIVE" } else { "INACTIVE" };
    let context = if active {
        "STAFF_ENABLE"
    } else {
        "STAFF_DISABLE"
    };
    update_versioned(pool, id, version, context, "account_status = $3", status).await
}

/// Sets a new password for a staff member (the server sees only the SCRAM verifier).
pub async fn reset_password(
    pool: &PgPool,
    username: &str,
    password: &str,
) -> Result<(), AdminError> {
    if let Some(problem) = crate::domain::staff::password_problem(username, password) {
        return Err(AdminError::Invalid(problem.message()));
    }
    let mut tx = pool.begin().await?;
    super::customers::set_context(&mut tx, "STAFF_RESET_PASSWORD").await?;
    sqlx::query("SELECT staff_set_password($1, $2)")
        .bind(username)
        .bind(scram_verifier(password))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Ends every live session of a staff member; returns how many connections were ended.
pub async fn end_sessions(pool: &PgPool, username: &str) -> Result<i32, AdminError> {
    let mut tx = pool.begin().await?;
    let ended: i32 = sqlx::query_scalar("SELECT staff_end_sessions($1)")
        .bind(username)
        .fetch_one(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(ended)
}
