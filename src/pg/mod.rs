//! The embedded default: a private PostgreSQL cluster that prakan finds, creates, starts,
//! shares between its own processes and stops (DESIGN §2).

mod account;
pub mod backup;
mod binaries;
mod cluster;
mod lease;
pub mod replica;
pub mod throwaway;

pub use account::ServerAccount;
pub use binaries::PgBinaries;
pub use cluster::{Cluster, ClusterStatus};
pub use lease::{ClusterLease, StopOutcome};
pub use replica::LocalReplica;

use std::path::PathBuf;

use crate::i18n::Message;
use crate::msg;

/// The cluster superuser. It may connect only through the private socket.
pub const SUPERUSER: &str = "postgres";
/// The port only names the socket file: the cluster listens on no TCP address.
pub const PORT: u16 = 5432;

#[derive(Debug, thiserror::Error)]
pub enum PgError {
    #[error(
        "No PostgreSQL server binaries were found (looked in: {looked}). Install the PostgreSQL \
         server (apt-get install postgresql) or set DATABASE_URL to use an existing server."
    )]
    BinariesNotFound { looked: String },

    #[error(
        "PG_BIN is set to {path}, which does not hold postgres, initdb and pg_ctl. Point PG_BIN at \
         a PostgreSQL bin directory, or unset it."
    )]
    BadPgBin { path: PathBuf },

    #[error("PostgreSQL {found} in {dir} is too old: prakan needs PostgreSQL 15 or newer.")]
    TooOld { found: String, dir: PathBuf },

    #[error(
        "The cluster in {data} was created by PostgreSQL {cluster_major}, but the binaries found \
         are PostgreSQL {binaries_major} ({dir}). Set PG_BIN to a PostgreSQL {cluster_major} bin \
         directory, or PRAKAN_DATA_DIR to a new place."
    )]
    VersionMismatch {
        data: PathBuf,
        cluster_major: u32,
        binaries_major: u32,
        dir: PathBuf,
    },

    #[error(
        "prakan is running as root, and PostgreSQL refuses to run as root, but there is no \
         'postgres' account to run it as. Install the PostgreSQL server (apt-get install \
         postgresql), which creates that account."
    )]
    NoServerAccount,

    #[error(
        "PostgreSQL runs as '{account}' and cannot reach {path}. Choose a PRAKAN_DATA_DIR that \
         account can enter (every parent directory needs o+x)."
    )]
    Unreachable { account: String, path: PathBuf },

    #[error("{step} failed: {detail}")]
    CommandFailed { step: String, detail: String },

    #[error("PostgreSQL did not start. The end of {log}:\n{tail}")]
    StartFailed { log: PathBuf, tail: String },

    #[error(
        "{holders} other prakan process(es) still use the cluster; stop them first or use --force."
    )]
    InUse { holders: String },

    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
}

impl PgError {
    /// The sentence for a person, in their language (Display is for the log).
    pub fn message(&self) -> Message {
        let path = |p: &std::path::Path| p.display().to_string();
        match self {
            PgError::BinariesNotFound { looked } => {
                msg!("pg-binaries-not-found", looked = looked.as_str())
            }
            PgError::BadPgBin { path: p } => msg!("pg-bad-pg-bin", path = path(p)),
            PgError::TooOld { found, dir } => {
                msg!("pg-too-old", found = found.as_str(), dir = path(dir))
            }
            PgError::VersionMismatch {
                data,
                cluster_major,
                binaries_major,
                dir,
            } => msg!(
                "pg-version-mismatch",
                data = path(data),
                cluster = *cluster_major,
                binaries = *binaries_major,
                dir = path(dir)
            ),
            PgError::NoServerAccount => msg!("pg-no-server-account"),
            PgError::Unreachable { account, path: p } => msg!(
                "pg-unreachable-dir",
                account = account.as_str(),
                path = path(p)
            ),
            PgError::CommandFailed { step, detail } => msg!(
                "pg-command-failed",
                step = step.as_str(),
                detail = detail.as_str()
            ),
            PgError::StartFailed { log, tail } => {
                msg!("pg-start-failed", log = path(log), tail = tail.as_str())
            }
            PgError::InUse { .. } => msg!("pg-in-use"),
            PgError::Io { context, source } => msg!(
                "pg-io",
                context = context.as_str(),
                detail = source.to_string()
            ),
        }
    }

    pub(crate) fn io(context: impl Into<String>) -> impl FnOnce(std::io::Error) -> PgError {
        let context = context.into();
        move |source| PgError::Io { context, source }
    }
}
