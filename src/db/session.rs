//! Logging in as a staff member's own PostgreSQL role, and the session that follows.

use std::time::Duration;

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{Connection, PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::staff::GroupRole;
use crate::i18n::Message;
use crate::msg;

/// Who logged in, as the staff directory and the role memberships say.
#[derive(Debug, Clone, PartialEq)]
pub struct StaffIdentity {
    pub id: Uuid,
    pub username: String,
    pub first_name: String,
    pub last_name: String,
    /// The group roles the login role is a member of: what it may do.
    pub groups: Vec<GroupRole>,
    pub authority_limit: Decimal,
    pub preferred_language: String,
    pub last_login_at: Option<DateTime<Utc>>,
    pub password_changed_at: Option<DateTime<Utc>>,
}

impl StaffIdentity {
    pub fn display_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
            .trim()
            .to_string()
    }
}

#[derive(Debug, Clone)]
pub struct LoggedIn {
    pub pool: PgPool,
    pub staff: StaffIdentity,
    pub session_id: String,
    pub expires_at: DateTime<Utc>,
}

/// Why a login failed, in terms a person can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginError {
    WrongCredentials,
    Disabled,
    /// A database role that is a prakan member but has no directory row here.
    NotInDirectory,
    /// A database role that is not a prakan staff role at all.
    NotStaff,
    Unreachable {
        tried: String,
        detail: String,
    },
    Other(String),
}

impl LoginError {
    pub fn message(&self) -> Message {
        match self {
            LoginError::WrongCredentials => msg!("login-error-credentials"),
            LoginError::Disabled => msg!("login-error-disabled"),
            LoginError::NotInDirectory => msg!("login-error-not-in-directory"),
            LoginError::NotStaff => msg!("login-error-not-staff"),
            LoginError::Unreachable { tried, detail } => {
                msg!(
                    "login-error-unreachable",
                    tried = tried.clone(),
                    detail = detail.clone()
                )
            }
            LoginError::Other(detail) => msg!("login-error-other", detail = detail.clone()),
        }
    }

    fn from_connect(error: sqlx::Error, tried: &str) -> LoginError {
        match &error {
            sqlx::Error::Database(db) => match db.code().as_deref() {
                Some("28P01") => LoginError::WrongCredentials,
                Some("28000") => LoginError::Disabled,
                Some("42501") => LoginError::NotStaff,
                _ => LoginError::Other(db.message().to_string()),
            },
            other if super::error::is_connection_problem(other) => LoginError::Unreachable {
                tried: tried.to_string(),
                detail: other.to_string(),
            },
            other => LoginError::Other(other.to_string()),
        }
    }
}

/// The pool every screen of a logged-in person uses. Small, with a short acquire timeout
/// and a statement timeout, so that a slow or absent server shows quickly.
fn session_pool_options() -> PgPoolOptions {
    PgPoolOptions::new()
        .max_connections(5)
        .min_connections(0)
        .acquire_timeout(Duration::from_secs(5))
        .idle_timeout(Duration::from_secs(300))
}

/// Connects as the person, checks the directory, and starts the session. `tried` names
/// the server for the sentence shown when it cannot be reached.
pub async fn log_in(
    options: PgConnectOptions,
    tried: &str,
    user_agent: &str,
) -> Result<LoggedIn, LoginError> {
    let session_id = Uuid::new_v4().to_string();
    let options = options
        .application_name(&format!("prakan {}", &session_id[..8]))
        .options([("statement_timeout", "15s")]);
    let pool = session_pool_options()
        .connect_with(options)
        .await
        .map_err(|e| LoginError::from_connect(e, tried))?;
    let result = start_session(&pool, &session_id, user_agent).await;
    match result {
        Ok((staff, expires_at)) => Ok(LoggedIn {
            pool,
            staff,
            session_id,
            expires_at,
        }),
        Err(error) => {
            pool.close().await;
            Err(error)
        }
    }
}

async fn start_session(
    pool: &PgPool,
    session_id: &str,
    user_agent: &str,
) -> Result<(StaffIdentity, DateTime<Utc>), LoginError> {
    let staff = identity(pool).await?;
    let device = serde_json::json!({
        "host": hostname(),
        "terminal": std::env::var("TERM").unwrap_or_default(),
    });
    let expires_at: DateTime<Utc> = sqlx::query_scalar("SELECT session_start($1, $2, $3)")
        .bind(session_id)
        .bind(user_agent)
        .bind(device)
        .fetch_one(pool)
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(db) if db.constraint() == Some("staff_account_active") => {
                LoginError::Disabled
            }
            _ => LoginError::Other(e.to_string()),
        })?;
    Ok((staff, expires_at))
}

#[derive(sqlx::FromRow)]
struct IdentityRow {
    id: Uuid,
    username: String,
    first_name: String,
    last_name: String,
    account_status: String,
    authority_limit: Decimal,
    preferred_language: String,
    last_login_at: Option<DateTime<Utc>>,
    password_changed_at: Option<DateTime<Utc>>,
    groups: Vec<String>,
}

/// The directory row of session_user and its group memberships.
pub async fn identity(pool: &PgPool) -> Result<StaffIdentity, LoginError> {
    let row: Option<IdentityRow> = sqlx::query_as(
        "SELECT u.id, u.username, u.first_name, u.last_name, u.account_status, u.authority_limit,
                u.preferred_language, u.last_login_at, u.password_changed_at,
                ARRAY(SELECT g.rolname::text FROM pg_roles g
                       WHERE g.rolname LIKE 'prakan\\_%' AND NOT g.rolcanlogin
                         AND pg_has_role(session_user, g.oid, 'MEMBER')
                       ORDER BY g.rolname) AS groups
           FROM users u
          WHERE u.username = session_user AND u.deleted_at IS NULL",
    )
    .fetch_optional(pool)
    .await
    .map_err(|e| LoginError::Other(e.to_string()))?;
    let Some(row) = row else {
        return Err(LoginError::NotInDirectory);
    };
    if row.account_status != "ACTIVE" {
        return Err(LoginError::Disabled);
    }
    let groups: Vec<GroupRole> = row
        .groups
        .iter()
        .filter_map(|g| GroupRole::parse(g))
        .collect();
    if groups.is_empty() {
        return Err(LoginError::NotStaff);
    }
    Ok(StaffIdentity {
        id: row.id,
        username: row.username,
        first_name: row.first_name,
        last_name: row.last_name,
        groups,
        authority_limit: row.authority_limit,
        preferred_language: row.preferred_language,
        last_login_at: row.last_login_at,
        password_changed_at: row.password_changed_at,
    })
}

/// Ends the session (logout, quit, expiry) and closes the pool.
pub async fn log_out(pool: &PgPool, session_id: &str, reason: &str) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE user_sessions SET is_active = false, terminated_at = now(), termination_reason = $2
          WHERE session_id = $1 AND is_active",
    )
    .bind(session_id)
    .bind(reason)
    .execute(pool)
    .await?;
    pool.close().await;
    Ok(())
}

/// Checks a password by logging in once (the idle lock, a password change).
pub async fn verify_password(options: PgConnectOptions, tried: &str) -> Result<(), LoginError> {
    let connection = PgConnection::connect_with(&options)
        .await
        .map_err(|e| LoginError::from_connect(e, tried))?;
    let _ = connection.close().await;
    Ok(())
}

/// Sets the person's own password; PostgreSQL only ever sees the SCRAM verifier.
pub async fn change_own_password(pool: &PgPool, new_password: &str) -> sqlx::Result<()> {
    sqlx::query("SELECT change_own_password($1)")
        .bind(super::staff::scram_verifier(new_password))
        .execute(pool)
        .await?;
    Ok(())
}

/// Saves the language the person prefers (`th` or `en`).
pub async fn save_preferred_language(pool: &PgPool, code: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET preferred_language = $1 WHERE username = session_user")
        .bind(code)
        .execute(pool)
        .await?;
    Ok(())
}

/// A cheap round trip: is the server still there?
pub async fn ping(pool: &PgPool) -> sqlx::Result<()> {
    sqlx::query("SELECT 1").execute(pool).await?;
    Ok(())
}

/// Whether this program's session is still open, as the server says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionCheck {
    Open,
    /// Ended from elsewhere: an administrator (`ADMIN_ENDED`), maintenance, another logout.
    Ended(String),
}

/// A connection check that also asks whether the session was ended from elsewhere. A
/// connection an administrator terminated is replaced by the pool on the next use, so the
/// row in user_sessions is what tells a running prakan that it must not carry on.
pub async fn check(pool: &PgPool, session_id: &str) -> sqlx::Result<SessionCheck> {
    let ended: Option<Option<String>> = sqlx::query_scalar(
        "SELECT termination_reason FROM user_sessions WHERE session_id = $1 AND NOT is_active",
    )
    .bind(session_id)
    .fetch_optional(pool)
    .await?;
    Ok(match ended {
        Some(reason) => SessionCheck::Ended(reason.unwrap_or_default()),
        None => SessionCheck::Open,
    })
}

fn hostname() -> String {
    nix::unistd::gethostname()
        .ok()
        .and_then(|h| h.into_string().ok())
        .unwrap_or_default()
}
