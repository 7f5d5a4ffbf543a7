//! A local streaming replica of the embedded cluster, for trying read replicas: made by
//! `pg_basebackup -R` from the primary's socket into `<cluster root>/replica/data`, a hot
//! standby on a socket of its own (port 5433), reached like the primary only through its
//! socket.

use std::io::Write;
use std::path::PathBuf;

use sqlx::postgres::PgConnectOptions;

use super::cluster::socket_dir_for;
use super::{Cluster, ClusterStatus, PORT, PgError, SUPERUSER};

/// The replica's port: it only names the socket file, as on the primary.
pub const REPLICA_PORT: u16 = 5433;

/// Lets the cluster superuser stream WAL over the private socket (pg_basebackup, the
/// standby's WAL receiver). `all` in pg_hba.conf does not cover replication connections.
pub const HBA_REPLICATION_LINE: &str = "local   replication   postgres         trust\n";

#[derive(Debug, Clone)]
pub struct LocalReplica {
    /// The primary it copies and follows.
    primary: Cluster,
    /// The replica's own files, described like a cluster (for pg_ctl status and stop).
    server: Cluster,
}

impl LocalReplica {
    /// The replica that belongs to `primary`, whether or not it exists.
    pub fn of(primary: &Cluster) -> LocalReplica {
        let root = primary.root.join("replica");
        let data = root.join("data");
        let socket_dir = socket_dir_for(&data, primary.binaries.major, REPLICA_PORT);
        let server = Cluster {
            binaries: primary.binaries.clone(),
            account: primary.account.clone(),
            root,
            data,
            socket_dir,
        };
        LocalReplica {
            primary: primary.clone(),
            server,
        }
    }

    pub fn data(&self) -> &std::path::Path {
        &self.server.data
    }

    pub fn log_file(&self) -> PathBuf {
        self.server.log_file()
    }

    pub fn status(&self) -> Result<ClusterStatus, PgError> {
        self.server.status()
    }

    /// A cheap guess without running anything: the postmaster's pid file is there.
    pub fn seems_running(&self) -> bool {
        self.server.data.join("postmaster.pid").is_file()
    }

    /// Copies the primary with pg_basebackup unless the copy exists. The primary must run.
    /// `no_sync` is for throwaway clusters.
    pub fn create(&self, no_sync: bool) -> Result<bool, PgError> {
        if self.server.data.join("PG_VERSION").is_file() {
            return Ok(false);
        }
        allow_local_replication(&self.primary)?;
        let root = &self.server.root;
        let _ = std::fs::remove_dir_all(root);
        std::fs::create_dir_all(root)
            .map_err(PgError::io(format!("creating {}", root.display())))?;
        set_private(root)?;
        self.server.account.take_ownership(root)?;
        let output = self
            .server
            .account
            .command(&self.server.binaries.program("pg_basebackup"))
            .arg("-D")
            .arg(&self.server.data)
            .arg("-h")
            .arg(&self.primary.socket_dir)
            .args(["-p", &PORT.to_string(), "-U", SUPERUSER])
            .args(["-R", "-X", "stream", "-c", "fast"])
            .args(no_sync.then_some("--no-sync"))
            .output()
            .map_err(PgError::io("running pg_basebackup"))?;
        if !output.status.success() {
            let _ = std::fs::remove_dir_all(root);
            return Err(PgError::CommandFailed {
                step: "pg_basebackup".into(),
                detail: String::from_utf8_lossy(&output.stderr).trim().to_string(),
            });
        }
        self.write_configuration()?;
        Ok(true)
    }

    /// The copy carries the primary's settings; later lines win, so these give the replica
    /// its own socket and port.
    fn write_configuration(&self) -> Result<(), PgError> {
        let settings = format!(
            "\n# prakan: the local streaming replica, a hot standby on a socket of its own\n\
             port = {REPLICA_PORT}\n\
             unix_socket_directories = '{socket}'\n\
             hot_standby = on\n\
             shared_buffers = 128MB\n",
            socket = self.server.socket_dir.display()
        );
        let mut conf = std::fs::OpenOptions::new()
            .append(true)
            .open(self.server.data.join("postgresql.conf"))
            .map_err(PgError::io("opening the replica's postgresql.conf"))?;
        conf.write_all(settings.as_bytes())
            .map_err(PgError::io("writing the replica's postgresql.conf"))
    }

    /// Starts the standby with pg_ctl (it outlives this process) and waits until it
    /// accepts connections.
    pub fn start(&self) -> Result<(), PgError> {
        if self.server.socket_dir != self.server.data {
            std::fs::create_dir_all(&self.server.socket_dir).map_err(PgError::io(format!(
                "creating {}",
                self.server.socket_dir.display()
            )))?;
            set_private(&self.server.socket_dir)?;
            self.server
                .account
                .take_ownership(&self.server.socket_dir)?;
        }
        let output = self
            .server
            .account
            .command(&self.server.binaries.program("pg_ctl"))
            .arg("start")
            .arg("-D")
            .arg(&self.server.data)
            .arg("-l")
            .arg(self.log_file())
            .args(["-w", "-t", "60"])
            .output()
            .map_err(PgError::io("running pg_ctl start"))?;
        if !output.status.success() {
            let log = std::fs::read_to_string(self.log_file()).unwrap_or_default();
            let lines: Vec<&str> = log.lines().collect();
            return Err(PgError::StartFailed {
                log: self.log_file(),
                tail: lines[lines.len().saturating_sub(15)..].join("\n"),
            });
        }
        Ok(())
    }

    /// Stops the standby; false when it was not running.
    pub fn stop(&self) -> Result<bool, PgError> {
        if !matches!(self.status()?, ClusterStatus::Running { .. }) {
            return Ok(false);
        }
        self.server.stop()?;
        Ok(true)
    }

    /// Where the replica is, without a user: socket directory, port and database.
    pub fn address(&self, database: &str) -> PgConnectOptions {
        PgConnectOptions::new()
            .socket(&self.server.socket_dir)
            .port(REPLICA_PORT)
            .database(database)
            .application_name("prakan")
    }

    /// The cluster superuser on the replica.
    pub fn superuser_options(&self, database: &str) -> PgConnectOptions {
        self.address(database).username(SUPERUSER)
    }

    /// A URL for DATABASE_REPLICA_URL and psql: the socket directory is the encoded host.
    pub fn url(&self, database: &str) -> String {
        let socket_dir: String = url::form_urlencoded::byte_serialize(
            self.server.socket_dir.as_os_str().as_encoded_bytes(),
        )
        .collect();
        format!("postgresql://{SUPERUSER}@{socket_dir}:{REPLICA_PORT}/{database}")
    }
}

/// Adds the replication line to the primary's pg_hba.conf unless it is there (clusters
/// made before replicas existed lack it) and has the running server reload it.
fn allow_local_replication(primary: &Cluster) -> Result<(), PgError> {
    let path = primary.data.join("pg_hba.conf");
    let hba = std::fs::read_to_string(&path).map_err(PgError::io("reading pg_hba.conf"))?;
    let allowed = hba.lines().any(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        words.len() >= 4 && words[0] == "local" && words[1] == "replication" && words[3] == "trust"
    });
    if allowed {
        return Ok(());
    }
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .map_err(PgError::io("opening pg_hba.conf"))?;
    file.write_all(
        format!("# prakan: streaming to the local replica\n{HBA_REPLICATION_LINE}").as_bytes(),
    )
    .map_err(PgError::io("writing pg_hba.conf"))?;
    let output = primary
        .account
        .command(&primary.binaries.program("pg_ctl"))
        .arg("reload")
        .arg("-D")
        .arg(&primary.data)
        .output()
        .map_err(PgError::io("running pg_ctl reload"))?;
    if !output.status.success() {
        return Err(PgError::CommandFailed {
            step: "pg_ctl reload".into(),
            detail: String::from_utf8_lossy(&output.stderr).trim().to_string(),
        });
    }
    // The server reloads on the signal, a moment after pg_ctl returns.
    std::thread::sleep(std::time::Duration::from_millis(500));
    Ok(())
}

fn set_private(path: &std::path::Path) -> Result<(), PgError> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o700)).map_err(PgError::io(
        format!("setting the mode of {}", path.display()),
    ))
}
