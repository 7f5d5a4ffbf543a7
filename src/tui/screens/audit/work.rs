//! The audit trail screen's reads, run in tasks, and the messages they send back.

use sqlx::PgPool;

use crate::db::audit_trail::{self, AuditDetail, AuditFilter, AuditPage, Cursor, StaffChoice};

#[derive(Debug)]
pub enum AuditCmd {
    /// The audited tables and the staff directory, for the filter's choices.
    LoadChoices {
        request: u64,
    },
    /// A page of entries; `after` None: the first.
    LoadPage {
        request: u64,
        filter: AuditFilter,
        after: Option<Cursor>,
    },
    LoadDetail {
        request: u64,
        cursor: Cursor,
    },
}

#[derive(Debug)]
pub enum AuditMsg {
    ChoicesLoaded {
        request: u64,
        result: Result<(Vec<String>, Vec<StaffChoice>), sqlx::Error>,
    },
    PageLoaded {
        request: u64,
        appended: bool,
        result: Result<AuditPage, sqlx::Error>,
    },
    DetailLoaded {
        request: u64,
        result: Result<Option<Box<AuditDetail>>, sqlx::Error>,
    },
}

impl AuditCmd {
    pub async fn run(self, pool: PgPool) -> AuditMsg {
        match self {
            AuditCmd::LoadChoices { request } => AuditMsg::ChoicesLoaded {
                request,
                result: tokio::try_join!(
                    audit_trail::audited_tables(&pool),
                    audit_trail::staff(&pool)
                ),
            },
            AuditCmd::LoadPage {
                request,
                filter,
                after,
            } => AuditMsg::PageLoaded {
                request,
                appended: after.is_some(),
                result: audit_trail::page(&pool, &filter, after, audit_trail::PAGE_SIZE).await,
            },
            AuditCmd::LoadDetail { request, cursor } => AuditMsg::DetailLoaded {
                request,
                result: audit_trail::detail(&pool, cursor)
                    .await
                    .map(|d| d.map(Box::new)),
            },
        }
    }
}
