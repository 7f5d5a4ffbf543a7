//! One private cluster on disk: `<data dir>/pg<major>/` holding `data/` (PGDATA, also the
//! socket directory), `server.log` and the lock files that let prakan processes share it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use sqlx::postgres::PgConnectOptions;
use sqlx::{ConnectOptions, Connection};

use super::{PORT, PgBinaries, PgError, SUPERUSER, ServerAccount};

/// The longest socket path the kernel accepts, `.s.PGSQL.5432` included.
const MAX_SOCKET_PATH: usize = 107;

#[derive(Debug, Clone)]
pub struct Cluster {
    pub binaries: PgBinaries,
    pub account: ServerAccount,
    /// `<data dir>/pg<major>`
    pub root: PathBuf,
    pub data: PathBuf,
    pub socket_dir: PathBuf,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClusterStatus {
    NotCreated,
    Stopped,
    Running { pid: Option<u32> },
}

impl Cluster {
    /// The cluster that belongs under prakan's data directory.
    pub fn locate(data_dir: &Path, binaries: PgBinaries) -> Result<Cluster, PgError> {
        let root = data_dir.join(format!("pg{}", binaries.major));
        Cluster::at(root, binaries)
    }

    /// A cluster whose files live in `root`.
    pub fn at(root: PathBuf, binaries: PgBinaries) -> Result<Cluster, PgError> {
        let account = ServerAccount::for_this_process()?;
        let data = root.join("data");
        let socket_dir = socket_dir_for(&data, binaries.major, PORT);
        Ok(Cluster {
            binaries,
            account,
            root,
            data,
            socket_dir,
        })
    }

    pub fn log_file(&self) -> PathBuf {
        self.root.join("server.log")
    }

    pub fn status(&self) -> Result<ClusterStatus, PgError> {
        if !self.data.join("PG_VERSION").is_file() {
            return Ok(ClusterStatus::NotCreated);
        }
        let output = self
            .account
            .command(&self.binaries.program("pg_ctl"))
            .arg("status")
            .arg("-D")
            .arg(&self.data)
            .output()
            .map_err(PgError::io("running pg_ctl status"))?;
        Ok(match output.status.code() {
            Some(0) => ClusterStatus::Running {
                pid: String::from_utf8_lossy(&output.stdout)
                    .split("PID: ")
                    .nth(1)
                    .and_then(|rest| rest.split(')').next())
                    .and_then(|pid| pid.trim().parse().ok()),
            },
            _ => ClusterStatus::Stopped,
        })
    }

    /// Creates the cluster unless it exists. Returns whether it was created now.
    pub fn ensure_created(&self) -> Result<bool, PgError> {
        if self.data.join("PG_VERSION").is_file() {
            self.check_version()?;
            return Ok(false);
        }
        self.create(false)?;
        Ok(true)
    }

    /// Runs initdb and writes prakan's configuration. `no_sync` is for throwaway clusters.
    pub(crate) fn create(&self, no_sync: bool) -> Result<(), PgError> {
        std::fs::create_dir_all(&self.root)
            .map_err(PgError::io(format!("creating {}", self.root.display())))?;
        set_mode(&self.root, 0o700)?;
        self.account.take_ownership(&self.root)?;
        self.account.check_reachable(&self.root)?;

        let initdb = |locale: &str| {
            self.account
                .command(&self.binaries.program("initdb"))
                .arg("-D")
                .arg(&self.data)
                .args(["-U", SUPERUSER, "-E", "UTF8", "--auth=trust"])
                .arg(format!("--locale={locale}"))
                .args(no_sync.then_some("--no-sync"))
                .output()
                .map_err(PgError::io("running initdb"))
        };
        let mut output = initdb("C.UTF-8")?;
        if !output.status.success() && String::from_utf8_lossy(&output.stderr).contains("locale") {
            tracing::warn!("initdb: locale C.UTF-8 is missing here; falling back to C");
            let _ = std::fs::remove_dir_all(&self.data);
            output = initdb("C")?;
        }
        if !output.status.success() {
            return Err(PgError::CommandFailed {
                step: "initdb".into(),
                detail: String::from_utf8_lossy(&output.stderr).trim().to_string(),
            });
        }
        // Throwaway clusters (tests) run without statement statistics, like many servers.
        self.write_configuration(!no_sync)
    }

    fn check_version(&self) -> Result<(), PgError> {
        let text = std::fs::read_to_string(self.data.join("PG_VERSION"))
            .map_err(PgError::io("reading PG_VERSION"))?;
        let cluster_major = text.trim().parse::<u32>().unwrap_or(0);
        if cluster_major != self.binaries.major {
            return Err(PgError::VersionMismatch {
                data: self.data.clone(),
                cluster_major,
                binaries_major: self.binaries.major,
                dir: self.binaries.dir.clone(),
            });
        }
        Ok(())
    }

    /// The cluster listens only on its private socket. Its superuser may connect there
    /// without a password (only the owning account and root can reach the socket); every
    /// other role must pass SCRAM-SHA-256, so staff passwords are really checked.
    fn write_configuration(&self, statement_statistics: bool) -> Result<(), PgError> {
        let hba = format!(
            "# prakan: the cluster superuser over the private socket; everyone else by SCRAM.\n\
             local   all   postgres                 trust\n\
             local   all   all                      scram-sha-256\n\
             {}",
            super::replica::HBA_REPLICATION_LINE
        );
        std::fs::write(self.data.join("pg_hba.conf"), hba)
            .map_err(PgError::io("writing pg_hba.conf"))?;
        let settings = format!(
            "\n# prakan: a private cluster reached only through its socket\n\
             listen_addresses = ''\n\
             unix_socket_directories = '{socket}'\n\
             unix_socket_permissions = 0700\n\
             port = {PORT}\n\
             password_encryption = 'scram-sha-256'\n\
             timezone = 'Asia/Bangkok'\n\
             log_timezone = 'Asia/Bangkok'\n\
             shared_buffers = 256MB\n\
             max_wal_size = 4GB\n\
             checkpoint_timeout = 15min\n\
             maintenance_work_mem = 256MB\n",
            socket = self.socket_dir.display()
        );
        let mut conf = std::fs::OpenOptions::new()
            .append(true)
            .open(self.data.join("postgresql.conf"))
            .map_err(PgError::io("opening postgresql.conf"))?;
        conf.write_all(settings.as_bytes())
            .map_err(PgError::io("writing postgresql.conf"))?;
        if statement_statistics && self.has_library("pg_stat_statements") {
            // The health screen's slowest statements; migration 0024 creates the extension.
            conf.write_all(b"shared_preload_libraries = 'pg_stat_statements'\n")
                .map_err(PgError::io("writing postgresql.conf"))?;
        }
        Ok(())
    }

    /// Whether the server's library directory (beside its bin directory) holds `name`.
    fn has_library(&self, name: &str) -> bool {
        let Some(prefix) = self.binaries.dir.parent() else {
            return false;
        };
        let file = format!("{name}.so");
        [
            prefix.join("lib").join(&file),
            prefix.join("lib/postgresql").join(&file),
        ]
        .iter()
        .any(|path| path.is_file())
    }

    /// Starts the server and waits until it accepts connections.
    pub async fn start(&self) -> Result<(), PgError> {
        if self.socket_dir != self.data {
            std::fs::create_dir_all(&self.socket_dir).map_err(PgError::io(format!(
                "creating {}",
                self.socket_dir.display()
            )))?;
            set_mode(&self.socket_dir, 0o700)?;
            self.account.take_ownership(&self.socket_dir)?;
        }
        let output = self
            .account
            .command(&self.binaries.program("pg_ctl"))
            .arg("start")
            .arg("-D")
            .arg(&self.data)
            .arg("-l")
            .arg(self.log_file())
            .args(["-w", "-t", "60"])
            .output()
            .map_err(PgError::io("running pg_ctl start"))?;
        if !output.status.success() {
            return Err(self.start_failure());
        }
        self.wait_until_ready(Duration::from_secs(5)).await
    }

    async fn wait_until_ready(&self, limit: Duration) -> Result<(), PgError> {
        let started = Instant::now();
        loop {
            match self.superuser_options("postgres").connect().await {
                Ok(connection) => {
                    let _ = connection.close().await;
                    return Ok(());
                }
                Err(error) if started.elapsed() > limit => {
                    tracing::error!("PostgreSQL is not answering: {error}");
                    return Err(self.start_failure());
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            }
        }
    }

    fn start_failure(&self) -> PgError {
        let log = std::fs::read_to_string(self.log_file()).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        let tail = lines[lines.len().saturating_sub(15)..].join("\n");
        PgError::StartFailed {
            log: self.log_file(),
            tail,
        }
    }

    pub fn stop(&self) -> Result<(), PgError> {
        let output = self
            .account
            .command(&self.binaries.program("pg_ctl"))
            .arg("stop")
            .arg("-D")
            .arg(&self.data)
            .args(["-m", "fast", "-w", "-t", "60"])
            .output()
            .map_err(PgError::io("running pg_ctl stop"))?;
        if !output.status.success() {
            return Err(PgError::CommandFailed {
                step: "pg_ctl stop".into(),
                detail: String::from_utf8_lossy(&output.stderr).trim().to_string(),
            });
        }
        Ok(())
    }

    /// Connection options for the cluster superuser over the private socket.
    pub fn superuser_options(&self, database: &str) -> PgConnectOptions {
        self.role_options(database, SUPERUSER)
    }

    /// Connection options for any role over the private socket (no password set yet).
    pub fn role_options(&self, database: &str, role: &str) -> PgConnectOptions {
        PgConnectOptions::new()
            .socket(&self.socket_dir)
            .port(PORT)
            .username(role)
            .database(database)
            .application_name("prakan")
    }

    /// A URL for the superuser, usable by psql and as DATABASE_URL: the socket directory
    /// is the percent-encoded host.
    pub fn url(&self, database: &str) -> String {
        let socket_dir: String =
            url::form_urlencoded::byte_serialize(self.socket_dir.as_os_str().as_encoded_bytes())
                .collect();
        format!("postgresql://{SUPERUSER}@{socket_dir}:{PORT}/{database}")
    }
}

/// The socket lives in PGDATA unless that path is too long for a socket, then in a runtime
/// directory named after a hash of PGDATA (stable, so every run finds the same one).
pub(super) fn socket_dir_for(data: &Path, major: u32, port: u16) -> PathBuf {
    use sha2::Digest;
    let socket_name = format!(".s.PGSQL.{port}");
    if data.as_os_str().len() + 1 + socket_name.len() <= MAX_SOCKET_PATH {
        return data.to_path_buf();
    }
    let base = std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp"));
    let digest = sha2::Sha256::digest(data.as_os_str().as_encoded_bytes());
    base.join(format!(
        "prakan-{}-pg{major}-{}",
        nix::unistd::geteuid().as_raw(),
        &hex::encode(digest)[..8]
    ))
}

fn set_mode(path: &Path, mode: u32) -> Result<(), PgError> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).map_err(PgError::io(
        format!("setting the mode of {}", path.display()),
    ))
}
