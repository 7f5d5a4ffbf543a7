//! The embedded default: a private PostgreSQL cluster that prakan finds, creates, starts,
//! shares between its own processes and stops (DESIGN §2).

mod account;
mod binaries;
mod cluster;
mod lease;
pub mod throwaway;

pub use account::ServerAccount;
pub use binaries::PgBinaries;
pub use cluster::{Cluster, ClusterStatus};
pub use lease::{ClusterLease, StopOutcome};

use std::path::PathBuf;

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
    pub(crate) fn io(context: impl Into<String>) -> impl FnOnce(std::io::Error) -> PgError {
        let context = context.into();
        move |source| PgError::Io { context, source }
    }
}
