//! Which PostgreSQL prakan works with: the embedded cluster (the default) or the server
//! named by DATABASE_URL.

use std::str::FromStr;

use sqlx::postgres::PgConnectOptions;

use crate::config::Settings;
use crate::pg::{Cluster, ClusterLease, PgBinaries, PgError};

/// The application database inside the embedded cluster.
pub const EMBEDDED_DATABASE: &str = "prakan";

pub enum Target {
    Embedded { lease: ClusterLease },
    External { options: PgConnectOptions },
}

#[derive(Debug, thiserror::Error)]
pub enum TargetError {
    #[error(transparent)]
    Pg(#[from] PgError),
    #[error("DATABASE_URL is not a PostgreSQL URL: {0}")]
    BadUrl(String),
    #[error("Could not prepare the database: {0}")]
    Database(String),
}

impl TargetError {
    pub fn message(&self) -> crate::i18n::Message {
        match self {
            TargetError::Pg(error) => error.message(),
            TargetError::BadUrl(detail) => crate::msg!("target-bad-url", detail = detail.as_str()),
            TargetError::Database(detail) => {
                crate::msg!("target-database", detail = detail.as_str())
            }
        }
    }
}

impl Target {
    /// Opens the configured target. For the embedded default this finds the binaries,
    /// creates and starts the cluster as needed, and joins it.
    pub async fn open(settings: &Settings, keep_running: bool) -> Result<Target, TargetError> {
        if let Some(url) = &settings.database_url {
            let options = PgConnectOptions::from_str(url)
                .map_err(|e| TargetError::BadUrl(e.to_string()))?
                .application_name("prakan");
            return Ok(Target::External { options });
        }
        let cluster = embedded_cluster(settings)?;
        let lease = cluster
            .acquire(keep_running || settings.keep_db_running)
            .await?;
        Ok(Target::Embedded { lease })
    }

    pub fn is_embedded(&self) -> bool {
        matches!(self, Target::Embedded { .. })
    }

    /// True when this process has just created the embedded cluster.
    pub fn is_new_cluster(&self) -> bool {
        match self {
            Target::Embedded { lease } => lease.created(),
            Target::External { .. } => false,
        }
    }

    /// Options for administrative work: the cluster superuser on the embedded default,
    /// the URL's own credentials on an external server.
    pub fn admin_options(&self) -> PgConnectOptions {
        match self {
            Target::Embedded { lease } => lease.cluster().superuser_options(EMBEDDED_DATABASE),
            Target::External { options } => options.clone(),
        }
    }

    /// Options for a staff member logging in with their own role and password.
    pub fn login_options(&self, username: &str, password: &str) -> PgConnectOptions {
        match self {
            Target::Embedded { lease } => lease
                .cluster()
                .role_options(EMBEDDED_DATABASE, username)
                .password(password),
            Target::External { options } => options.clone().username(username).password(password),
        }
    }

    /// How people reach this database to log in as themselves.
    pub fn login_target(&self) -> crate::tui::LoginTarget {
        match self {
            Target::Embedded { lease } => crate::tui::LoginTarget {
                base: lease.cluster().role_options(EMBEDDED_DATABASE, ""),
                described: self.describe(),
                embedded: true,
                replicas: Default::default(),
            },
            Target::External { options } => crate::tui::LoginTarget {
                base: options.clone(),
                described: self.describe(),
                embedded: false,
                replicas: Default::default(),
            },
        }
    }

    /// One line naming the database, for status bars and command output.
    pub fn describe(&self) -> String {
        match self {
            Target::Embedded { lease } => format!(
                "embedded PostgreSQL {} in {}",
                lease.cluster().binaries.version,
                lease.cluster().root.display()
            ),
            Target::External { options } => format!(
                "{}:{}/{}",
                options
                    .get_socket()
                    .map(|dir| dir.display().to_string())
                    .unwrap_or_else(|| options.get_host().to_string()),
                options.get_port(),
                options.get_database().unwrap_or("(default database)")
            ),
        }
    }

    /// On the embedded default: creates the application database if needed and applies
    /// the migrations. An external server is migrated only by `prakan migrate`.
    pub async fn prepare_embedded(&self) -> Result<(), TargetError> {
        let Target::Embedded { lease } = self else {
            return Ok(());
        };
        let cluster = lease.cluster();
        create_database_if_missing(cluster, EMBEDDED_DATABASE)
            .await
            .map_err(|e| TargetError::Database(e.to_string()))?;
        let pool = super::admin_pool(cluster.superuser_options(EMBEDDED_DATABASE), 2)
            .await
            .map_err(|e| TargetError::Database(e.to_string()))?;
        super::migrate::run(&pool)
            .await
            .map_err(|e| TargetError::Database(e.to_string()))?;
        pool.close().await;
        Ok(())
    }

    /// The embedded cluster, when that is the target.
    pub fn cluster(&self) -> Option<&Cluster> {
        match self {
            Target::Embedded { lease } => Some(lease.cluster()),
            Target::External { .. } => None,
        }
    }
}

/// The embedded cluster as configured, without starting it.
pub fn embedded_cluster(settings: &Settings) -> Result<Cluster, PgError> {
    let binaries = PgBinaries::find(settings.pg_bin.as_deref())?;
    Cluster::locate(&settings.data_dir, binaries)
}

async fn create_database_if_missing(cluster: &Cluster, name: &str) -> sqlx::Result<()> {
    use sqlx::{Connection, PgConnection};
    let mut connection = PgConnection::connect_with(&cluster.superuser_options("postgres")).await?;
    let exists: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)")
            .bind(name)
            .fetch_one(&mut connection)
            .await?;
    if !exists {
        // The name is a fixed identifier of ours, never user input.
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE \"{name}\"")))
            .execute(&mut connection)
            .await?;
    }
    connection.close().await
}
