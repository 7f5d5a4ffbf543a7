//! Staff accounts: a PostgreSQL LOGIN role plus a directory row, created together. The
//! password leaves this process only as a SCRAM-SHA-256 verifier.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::staff::GroupRole;

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
