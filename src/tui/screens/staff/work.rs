//! The staff screen's work for the database, and what comes back.

use rust_decimal::Decimal;
use sqlx::PgPool;
use uuid::Uuid;

use crate::db::staff::{self, AdminError, NewStaff, StaffRow};
use crate::domain::staff::GroupRole;
use crate::i18n::Message;
use crate::msg;

/// A new account as the add form gathered it.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAccount {
    pub username: String,
    pub group: GroupRole,
    pub first_name: String,
    pub last_name: String,
    pub password: String,
    pub authority_limit: Decimal,
    pub email: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StaffCmd {
    Load {
        request: u64,
    },
    Create(Box<NewAccount>),
    ChangeGroup {
        id: Uuid,
        version: i32,
        username: String,
        group: GroupRole,
    },
    SetLimit {
        id: Uuid,
        version: i32,
        username: String,
        limit: Decimal,
    },
    SetActive {
        id: Uuid,
        version: i32,
        username: String,
        active: bool,
    },
    ResetPassword {
        username: String,
        password: String,
    },
    EndSessions {
        username: String,
    },
}

#[derive(Debug)]
pub enum StaffMsg {
    Loaded {
        request: u64,
        result: sqlx::Result<Vec<StaffRow>>,
    },
    /// A change finished: the sentence saying what was done, or why not.
    Done(Result<Message, AdminError>),
}

impl StaffCmd {
    pub fn is_read(&self) -> bool {
        matches!(self, StaffCmd::Load { .. })
    }

    pub async fn run(self, pool: PgPool) -> StaffMsg {
        match self {
            StaffCmd::Load { request } => StaffMsg::Loaded {
                request,
                result: staff::directory(&pool).await,
            },
            other => StaffMsg::Done(other.write(&pool).await),
        }
    }

    async fn write(self, pool: &PgPool) -> Result<Message, AdminError> {
        match self {
            StaffCmd::Load { .. } => unreachable!("a load is not a write"),
            StaffCmd::Create(account) => {
                staff::create_account(
                    pool,
                    &NewStaff {
                        username: &account.username,
                        group: account.group,
                        first_name: &account.first_name,
                        last_name: &account.last_name,
                        password: &account.password,
                        authority_limit: account.authority_limit,
                        email: account.email.as_deref(),
                    },
                )
                .await?;
                Ok(msg!("staff-created", username = account.username))
            }
            StaffCmd::ChangeGroup {
                id,
                version,
                username,
                group,
            } => {
                staff::change_group(pool, id, version, group).await?;
                Ok(msg!(
                    "staff-group-changed",
                    username = username,
                    group = group.short_name()
                ))
            }
            StaffCmd::SetLimit {
                id,
                version,
                username,
                limit,
            } => {
                staff::set_authority_limit(pool, id, version, limit).await?;
                Ok(msg!(
                    "staff-limit-changed",
                    username = username,
                    limit = crate::i18n::format::money(limit)
                ))
            }
            StaffCmd::SetActive {
                id,
                version,
                username,
                active,
            } => {
                staff::set_account_active(pool, id, version, active).await?;
                Ok(if active {
                    msg!("staff-enabled", username = username)
                } else {
                    msg!("staff-disabled", username = username)
                })
            }
            StaffCmd::ResetPassword { username, password } => {
                staff::reset_password(pool, &username, &password).await?;
                Ok(msg!("staff-password-reset", username = username))
            }
            StaffCmd::EndSessions { username } => {
                let count = staff::end_sessions(pool, &username).await?;
                Ok(msg!(
                    "staff-sessions-ended",
                    username = username,
                    count = i64::from(count)
                ))
            }
        }
    }
}
