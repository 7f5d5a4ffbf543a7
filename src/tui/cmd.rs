//! Work for the database, started by `update` and run off the render path: each command
//! runs in a task of its own and reports back with a message.

use std::sync::Arc;
use std::time::Duration;

use sqlx::PgPool;
use sqlx::postgres::PgConnectOptions;
use tokio::sync::mpsc::UnboundedSender;

use super::msg::{Msg, PasswordChangeError};
use crate::db::replica::ReadRouter;
use crate::db::session::{self, LoginError};
use crate::db::{claim_queue, health, home};
use crate::domain::staff::GroupRole;
use crate::i18n::Lang;
use crate::tui::screens::claims::work::ClaimsCmd;
use crate::tui::screens::customers::work::CustomersCmd;
use crate::tui::screens::policies::work::PoliciesCmd;
use crate::tui::screens::reconcile::work::ReconcileCmd;
use crate::tui::screens::settings::work::SettingsCmd;
use crate::tui::screens::staff::work::StaffCmd;

/// How long ending a session may hold up quitting when the server does not answer.
const LOGOUT_PATIENCE: Duration = Duration::from_secs(3);

#[derive(Debug)]
pub enum Cmd {
    LogIn {
        request: u64,
        options: PgConnectOptions,
        tried: String,
    },
    LogOut {
        pool: PgPool,
        /// The session's replica pools, closed with it.
        replicas: Option<Arc<ReadRouter>>,
        session_id: String,
        reason: &'static str,
        then_quit: bool,
    },
    LoadFigures {
        request: u64,
        pool: PgPool,
        groups: Vec<GroupRole>,
    },
    LoadHealth {
        request: u64,
        pool: PgPool,
    },
    /// The audit trail screen's reads.
    Audit {
        pool: PgPool,
        cmd: crate::tui::screens::audit::work::AuditCmd,
    },
    /// A chart's figures.
    Charts {
        pool: PgPool,
        cmd: crate::tui::screens::charts::work::ChartsCmd,
    },
    /// The audit history of one record, for the shared history pane.
    LoadHistory {
        request: u64,
        pool: PgPool,
        table: &'static str,
        id: uuid::Uuid,
    },
    ChangePassword {
        request: u64,
        pool: PgPool,
        current: PgConnectOptions,
        tried: String,
        new_password: String,
    },
    SaveLanguage {
        pool: PgPool,
        lang: Lang,
    },
    /// Checks the connection and that the session was not ended from elsewhere.
    Ping {
        pool: PgPool,
        session_id: String,
    },
    CheckUnlock {
        request: u64,
        options: PgConnectOptions,
        tried: String,
    },
    Customers {
        pool: PgPool,
        cmd: CustomersCmd,
    },
    /// `data_dir`: where printed documents go (`documents/`).
    Policies {
        pool: PgPool,
        cmd: PoliciesCmd,
        data_dir: std::path::PathBuf,
    },
    Claims {
        pool: PgPool,
        cmd: ClaimsCmd,
    },
    /// Listens to the claims channel for as long as the claim screen is open, reporting
    /// each notification (see `listen_claims`).
    ListenClaims {
        pool: PgPool,
    },
    /// The finance screen's work; an import reports its progress as it goes (see `spawn`).
    /// `data_dir`: where printed receipts go (`documents/`).
    Reconcile {
        pool: PgPool,
        cmd: ReconcileCmd,
        data_dir: std::path::PathBuf,
    },
    Staff {
        pool: PgPool,
        cmd: StaffCmd,
    },
    Settings {
        pool: PgPool,
        cmd: SettingsCmd,
    },
}

pub const USER_AGENT: &str = concat!("prakan ", env!("CARGO_PKG_VERSION"), " (terminal)");

impl Cmd {
    pub fn spawn(
        self,
        tx: UnboundedSender<Msg>,
        reads: Option<Arc<ReadRouter>>,
    ) -> tokio::task::AbortHandle {
        tokio::spawn(self.perform(tx, reads)).abort_handle()
    }

    /// Runs the command and sends what it says. With read replicas (`reads`), a read on the
    /// whitelist (`replica_safe`) runs on the pool the router picks; after anything that may
    /// write, the primary's WAL position is noted before the answer is sent, so the screen's
    /// next read (the load right after a save) sees the change.
    pub async fn perform(self, tx: UnboundedSender<Msg>, reads: Option<Arc<ReadRouter>>) {
        let cmd = match &reads {
            Some(router) if self.replica_safe() => {
                let pool = router.read_pool().await;
                self.with_pool(pool)
            }
            _ => self,
        };
        let note_writes = reads.clone().filter(|_| !cmd.is_read());
        let msg = match cmd {
            Cmd::ListenClaims { pool } => return listen_claims(pool, tx, reads).await,
            Cmd::Reconcile {
                pool,
                cmd,
                data_dir,
            } => {
                let progress = tx.clone();
                let report = move |msg| {
                    let _ = progress.send(Msg::Reconcile(Box::new(msg)));
                };
                Msg::Reconcile(Box::new(cmd.run(pool, &data_dir, &report).await))
            }
            other => other.run().await,
        };
        if let Some(router) = note_writes {
            router.note_primary_position().await;
        }
        let _ = tx.send(msg);
    }

    /// Reads a replica may answer: lookups, list pages, 360 and detail views, figures,
    /// charts, the audit trail and record histories. Never a write, take-next, matching,
    /// anything that guards a write (duplicate checks, quote context, cancellation
    /// previews), or the health screen (which is about the primary).
    pub fn replica_safe(&self) -> bool {
        match self {
            Cmd::LoadFigures { .. }
            | Cmd::LoadHistory { .. }
            | Cmd::Audit { .. }
            | Cmd::Charts { .. } => true,
            Cmd::Customers { cmd, .. } => cmd.replica_safe(),
            Cmd::Policies { cmd, .. } => cmd.replica_safe(),
            Cmd::Claims { cmd, .. } => cmd.replica_safe(),
            Cmd::Reconcile { cmd, .. } => cmd.replica_safe(),
            _ => false,
        }
    }

    /// Commands that change nothing in the database.
    fn is_read(&self) -> bool {
        match self {
            Cmd::LogIn { .. }
            | Cmd::LoadFigures { .. }
            | Cmd::LoadHealth { .. }
            | Cmd::LoadHistory { .. }
            | Cmd::Audit { .. }
            | Cmd::Charts { .. }
            | Cmd::Ping { .. }
            | Cmd::CheckUnlock { .. }
            | Cmd::ListenClaims { .. } => true,
            Cmd::Customers { cmd, .. } => cmd.is_read(),
            Cmd::Policies { cmd, .. } => cmd.is_read(),
            Cmd::Claims { cmd, .. } => cmd.is_read(),
            Cmd::Reconcile { cmd, .. } => cmd.is_read(),
            Cmd::Staff { cmd, .. } => cmd.is_read(),
            Cmd::Settings { cmd, .. } => cmd.is_read(),
            Cmd::LogOut { .. } | Cmd::ChangePassword { .. } | Cmd::SaveLanguage { .. } => false,
        }
    }

    /// The same command on another pool (a replica's).
    fn with_pool(mut self, replacement: PgPool) -> Cmd {
        match &mut self {
            Cmd::LoadFigures { pool, .. }
            | Cmd::LoadHistory { pool, .. }
            | Cmd::Audit { pool, .. }
            | Cmd::Charts { pool, .. }
            | Cmd::Customers { pool, .. }
            | Cmd::Policies { pool, .. }
            | Cmd::Claims { pool, .. }
            | Cmd::Reconcile { pool, .. } => *pool = replacement,
            _ => {}
        }
        self
    }

    /// Loads that only the current screen wants: leaving the screen aborts them.
    pub fn belongs_to_screen(&self) -> bool {
        match self {
            Cmd::LoadFigures { .. } | Cmd::LoadHealth { .. } | Cmd::LoadHistory { .. } => true,
            Cmd::Customers { cmd, .. } => cmd.is_read(),
            Cmd::Policies { cmd, .. } => cmd.is_read(),
            Cmd::Claims { cmd, .. } => cmd.is_read(),
            Cmd::ListenClaims { .. } => true,
            Cmd::Reconcile { cmd, .. } => cmd.is_read(),
            Cmd::Staff { cmd, .. } => cmd.is_read(),
            Cmd::Audit { .. } | Cmd::Charts { .. } => true,
            Cmd::Settings { cmd, .. } => cmd.is_read(),
            _ => false,
        }
    }

    /// Commands of which only the newest may run: starting one aborts the one before
    /// (a search still waiting out its pause, say).
    pub fn slot(&self) -> Option<&'static str> {
        match self {
            Cmd::Customers { cmd, .. } if cmd.is_search() => Some("customer-search"),
            Cmd::Policies { cmd, .. } if cmd.is_search() => Some("vehicle-search"),
            Cmd::Claims { cmd, .. } if cmd.is_search() => Some("claim-policy-search"),
            Cmd::Reconcile { cmd, .. } => cmd.slot(),
            _ => None,
        }
    }

    pub async fn run(self) -> Msg {
        match self {
            Cmd::LogIn {
                request,
                options,
                tried,
            } => Msg::LoggedIn {
                request,
                result: session::log_in(options, &tried, USER_AGENT).await,
            },
            Cmd::LogOut {
                pool,
                replicas,
                session_id,
                reason,
                then_quit,
            } => {
                let ending = session::log_out(&pool, &session_id, reason);
                if let Ok(Err(error)) = tokio::time::timeout(LOGOUT_PATIENCE, ending).await {
                    tracing::warn!("ending session {session_id}: {error}");
                }
                pool.close().await;
                if let Some(replicas) = replicas {
                    replicas.close().await;
                }
                Msg::LoggedOut { then_quit }
            }
            Cmd::LoadFigures {
                request,
                pool,
                groups,
            } => {
                let mut figures = Vec::new();
                let mut result = Ok(());
                for group in groups {
                    match home::figures(&pool, group).await {
                        Ok(f) => figures.push((group, f)),
                        Err(error) => {
                            result = Err(error);
                            break;
                        }
                    }
                }
                Msg::FiguresLoaded {
                    request,
                    result: result.map(|_| figures),
                }
            }
            Cmd::LoadHealth { request, pool } => Msg::HealthLoaded {
                request,
                result: health::health(&pool).await,
            },
            Cmd::LoadHistory {
                request,
                pool,
                table,
                id,
            } => Msg::HistoryLoaded {
                request,
                result: crate::db::history::record_history(&pool, table, id).await,
            },
            Cmd::ChangePassword {
                request,
                pool,
                current,
                tried,
                new_password,
            } => {
                let result = match session::verify_password(current, &tried).await {
                    Err(LoginError::WrongCredentials) => {
                        Err(PasswordChangeError::WrongCurrentPassword)
                    }
                    Err(other) => Err(PasswordChangeError::Failed(other.message())),
                    Ok(()) => session::change_own_password(&pool, &new_password)
                        .await
                        .map_err(|e| PasswordChangeError::Failed(crate::db::error::message(&e))),
                };
                Msg::PasswordChanged { request, result }
            }
            Cmd::SaveLanguage { pool, lang } => Msg::LanguageSaved {
                result: session::save_preferred_language(&pool, lang.code())
                    .await
                    .map(|_| lang),
            },
            Cmd::Ping { pool, session_id } => match session::check(&pool, &session_id).await {
                Ok(session::SessionCheck::Ended(reason)) => Msg::SessionEnded { reason },
                Ok(session::SessionCheck::Open) => Msg::Pinged { result: Ok(()) },
                // The account was disabled: its role may no longer log in.
                Err(sqlx::Error::Database(db)) if db.code().as_deref() == Some("28000") => {
                    Msg::SessionEnded {
                        reason: "DISABLED".to_string(),
                    }
                }
                Err(error) => Msg::Pinged { result: Err(error) },
            },
            Cmd::CheckUnlock {
                request,
                options,
                tried,
            } => Msg::UnlockChecked {
                request,
                result: session::verify_password(options, &tried).await,
            },
            Cmd::Customers { pool, cmd } => Msg::Customers(Box::new(cmd.run(pool).await)),
            Cmd::Policies {
                pool,
                cmd,
                data_dir,
            } => Msg::Policies(Box::new(cmd.run(pool, &data_dir).await)),
            Cmd::Claims { pool, cmd } => Msg::Claims(Box::new(cmd.run(pool).await)),
            Cmd::Reconcile {
                pool,
                cmd,
                data_dir,
            } => Msg::Reconcile(Box::new(cmd.run(pool, &data_dir, &|_| {}).await)),
            Cmd::Staff { pool, cmd } => Msg::Staff(Box::new(cmd.run(pool).await)),
            Cmd::Audit { pool, cmd } => Msg::Audit(Box::new(cmd.run(pool).await)),
            Cmd::Charts { pool, cmd } => Msg::Charts(Box::new(cmd.run(pool).await)),
            Cmd::Settings { pool, cmd } => Msg::Settings(Box::new(cmd.run(pool).await)),
            // Listening reports many times, so `spawn` runs it apart; a single run can
            // only say that it is not listening.
            Cmd::ListenClaims { .. } => Msg::ClaimsListenStopped(None),
        }
    }
}

/// Listens to the claims channel: says when it is listening, then sends the claims of each
/// notification until the screen is left (the task is aborted) or the connection drops
/// (the screen says so and listens again later). With replicas, each notification's
/// position on the primary is noted first, so the reload it causes sees the change.
async fn listen_claims(pool: PgPool, tx: UnboundedSender<Msg>, reads: Option<Arc<ReadRouter>>) {
    let mut listener = match claim_queue::listen(&pool).await {
        Ok(listener) => listener,
        Err(error) => {
            let _ = tx.send(Msg::ClaimsListenStopped(Some(error)));
            return;
        }
    };
    if tx.send(Msg::ClaimsListening).is_err() {
        return;
    }
    loop {
        let msg = match listener.try_recv().await {
            Ok(Some(notification)) => {
                if let Some(router) = &reads {
                    router.note_primary_position().await;
                }
                Msg::ClaimsChanged(claim_queue::changed_ids(notification.payload()))
            }
            Ok(None) => Msg::ClaimsListenStopped(None),
            Err(error) => Msg::ClaimsListenStopped(Some(error)),
        };
        let stopped = matches!(msg, Msg::ClaimsListenStopped(_));
        if tx.send(msg).is_err() || stopped {
            return;
        }
    }
}
