//! A throwaway cluster for the test suite: created in the temporary directory, run without
//! durability, and killed together with the process that started it (PR_SET_PDEATHSIG).
//! Directories left behind by earlier runs are swept when the next one starts.

use std::os::unix::process::CommandExt;
use std::path::Path;
use std::time::{Duration, Instant};

use sqlx::postgres::PgConnectOptions;
use sqlx::{ConnectOptions, Connection};

use super::{Cluster, LocalReplica, PgBinaries, PgError};

const DIR_PREFIX: &str = "prakan-test-";

pub struct Throwaway {
    cluster: Cluster,
}

impl Throwaway {
    /// Creates and starts a throwaway cluster. Blocks until it accepts connections.
    pub fn start(pg_bin: Option<&Path>) -> Result<Throwaway, PgError> {
        sweep_stale_dirs();
        let binaries = PgBinaries::find(pg_bin)?;
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or_default();
        let root = std::env::temp_dir().join(format!("{DIR_PREFIX}{}-{nanos}", std::process::id()));
        let cluster = Cluster::at(root, binaries)?;
        cluster.create(true)?;
        spawn_server_with_keeper(&cluster)?;
        wait_until_ready(&cluster)?;
        Ok(Throwaway { cluster })
    }

    pub fn superuser_options(&self, database: &str) -> PgConnectOptions {
        self.cluster.superuser_options(database)
    }

    pub fn cluster(&self) -> &Cluster {
        &self.cluster
    }

    /// Starts a streaming replica of this cluster (made by pg_basebackup the first time),
    /// dying with the process like the cluster. Also restarts one stopped before.
    pub fn start_replica(&self) -> Result<LocalReplica, PgError> {
        let replica = LocalReplica::of(&self.cluster);
        replica.create(true)?;
        let mut command = self
            .cluster
            .account
            .command(&self.cluster.binaries.program("postgres"));
        command.arg("-D").arg(replica.data()).args(SERVER_FLAGS);
        spawn_with_keeper(command)?;
        wait_until_accepting(replica.superuser_options("postgres"))?;
        Ok(replica)
    }
}

/// The server is the child of a thread that lives as long as the process, so the
/// parent-death signal fires exactly when the process ends.
fn spawn_server_with_keeper(cluster: &Cluster) -> Result<(), PgError> {
    let mut command = cluster
        .account
        .command(&cluster.binaries.program("postgres"));
    command.arg("-D").arg(&cluster.data).args(SERVER_FLAGS);
    spawn_with_keeper(command)
}

/// Settings for speed over durability; a standby needs the same max_connections.
const SERVER_FLAGS: [&str; 12] = [
    "-c",
    "fsync=off",
    "-c",
    "synchronous_commit=off",
    "-c",
    "full_page_writes=off",
    "-c",
    "autovacuum=off",
    "-c",
    "shared_buffers=128MB",
    "-c",
    "max_connections=200",
];

/// Runs `command` (a postgres server) as the child of a keeper thread, killed with SIGQUIT
/// when this process ends.
fn spawn_with_keeper(mut command: std::process::Command) -> Result<(), PgError> {
    command
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    // SAFETY: prctl is async-signal-safe and touches no memory of the parent.
    unsafe {
        command.pre_exec(|| {
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGQUIT) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("postgres-keeper".into())
        .spawn(move || {
            let spawned = command.spawn();
            let mut child = match spawned {
                Ok(child) => {
                    let _ = sender.send(Ok(()));
                    child
                }
                Err(error) => {
                    let _ = sender.send(Err(error));
                    return;
                }
            };
            let _ = child.wait();
            loop {
                std::thread::park();
            }
        })
        .map_err(PgError::io("starting the postgres keeper thread"))?;
    receiver
        .recv()
        .map_err(|_| PgError::CommandFailed {
            step: "starting postgres".into(),
            detail: "the keeper thread ended".into(),
        })?
        .map_err(PgError::io("starting postgres"))
}

fn wait_until_ready(cluster: &Cluster) -> Result<(), PgError> {
    wait_until_accepting(cluster.superuser_options("postgres"))
}

/// Waits on a thread of its own, so that it may be called from inside an async runtime.
fn wait_until_accepting(options: PgConnectOptions) -> Result<(), PgError> {
    std::thread::spawn(move || wait_on_own_runtime(options))
        .join()
        .map_err(|_| PgError::CommandFailed {
            step: "waiting for the throwaway cluster".into(),
            detail: "the waiting thread panicked".into(),
        })?
}

fn wait_on_own_runtime(options: PgConnectOptions) -> Result<(), PgError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(PgError::io("starting a runtime"))?;
    let started = Instant::now();
    runtime.block_on(async {
        loop {
            match options.connect().await {
                Ok(connection) => {
                    let _ = connection.close().await;
                    return Ok(());
                }
                Err(error) if started.elapsed() > Duration::from_secs(30) => {
                    return Err(PgError::CommandFailed {
                        step: "waiting for the throwaway cluster".into(),
                        detail: error.to_string(),
                    });
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            }
        }
    })
}

/// Removes throwaway clusters whose test process is gone.
fn sweep_stale_dirs() {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        let Some(rest) = name.strip_prefix(DIR_PREFIX) else {
            continue;
        };
        let owner_alive = rest
            .split('-')
            .next()
            .and_then(|pid| pid.parse::<i32>().ok())
            .is_some_and(process_alive);
        if !owner_alive && !postmaster_alive(&entry.path()) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

fn postmaster_alive(root: &Path) -> bool {
    std::fs::read_to_string(root.join("data").join("postmaster.pid"))
        .ok()
        .and_then(|text| {
            text.lines()
                .next()
                .and_then(|l| l.trim().parse::<i32>().ok())
        })
        .is_some_and(process_alive)
}

fn process_alive(pid: i32) -> bool {
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), None).is_ok()
}

impl std::fmt::Debug for Throwaway {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Throwaway")
            .field("root", &self.cluster.root)
            .finish()
    }
}
