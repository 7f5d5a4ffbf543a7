//! Sharing one cluster between prakan processes. `setup.lock` (exclusive) serialises
//! creating, starting and stopping; every process using the cluster holds `users.lock`
//! shared. On the way out, a process that can take `users.lock` exclusively is the last
//! one, and stops the server unless it was pinned (`prakan db start`, `--keep-db-running`).

use std::fs::{File, OpenOptions};
use std::path::PathBuf;

use super::{Cluster, ClusterStatus, PgError};

pub struct ClusterLease {
    cluster: Cluster,
    users_lock: Option<File>,
    created: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopOutcome {
    Stopped,
    LeftRunningForOthers,
    LeftRunningPinned,
}

impl Cluster {
    fn lock_file(&self, name: &str) -> Result<File, PgError> {
        let path = self.root.join(name);
        OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(PgError::io(format!("opening {}", path.display())))
    }

    fn pin_file(&self) -> PathBuf {
        self.root.join("keep-running")
    }

    pub fn is_pinned(&self) -> bool {
        self.pin_file().exists()
    }

    /// Creates and starts the cluster as needed and registers this process as a user.
    pub async fn acquire(&self, keep_running: bool) -> Result<ClusterLease, PgError> {
        // The root must exist before its lock files can.
        let created = {
            std::fs::create_dir_all(&self.root)
                .map_err(PgError::io(format!("creating {}", self.root.display())))?;
            let setup = self.lock_file("setup.lock")?;
            setup
                .lock()
                .map_err(PgError::io("waiting for setup.lock"))?;
            let created = self.ensure_created()?;
            if !matches!(self.status()?, ClusterStatus::Running { .. }) {
                self.start().await?;
            }
            if keep_running {
                self.pin()?;
            }
            let users = self.lock_file("users.lock")?;
            users
                .lock_shared()
                .map_err(PgError::io("taking users.lock"))?;
            drop(setup);
            (created, users)
        };
        Ok(ClusterLease {
            cluster: self.clone(),
            users_lock: Some(created.1),
            created: created.0,
        })
    }

    pub fn pin(&self) -> Result<(), PgError> {
        std::fs::write(self.pin_file(), b"").map_err(PgError::io("writing the keep-running mark"))
    }

    /// `prakan db stop`: stops the server unless other prakan processes use it (`force`
    /// stops it anyway). Clears the keep-running mark.
    pub fn stop_shared(&self, force: bool) -> Result<bool, PgError> {
        if !matches!(self.status()?, ClusterStatus::Running { .. }) {
            let _ = std::fs::remove_file(self.pin_file());
            return Ok(false);
        }
        let setup = self.lock_file("setup.lock")?;
        setup
            .lock()
            .map_err(PgError::io("waiting for setup.lock"))?;
        let users = self.lock_file("users.lock")?;
        if users.try_lock().is_err() && !force {
            return Err(PgError::InUse {
                holders: "One or more".into(),
            });
        }
        self.stop()?;
        let _ = std::fs::remove_file(self.pin_file());
        Ok(true)
    }
}

impl ClusterLease {
    pub fn cluster(&self) -> &Cluster {
        &self.cluster
    }

    /// Whether this process created the cluster (a brand-new cluster gets the demo data).
    pub fn created(&self) -> bool {
        self.created
    }

    /// Leaves the cluster; the last process out stops it unless it is pinned.
    pub fn release(mut self) -> Result<StopOutcome, PgError> {
        self.release_inner()
    }

    fn release_inner(&mut self) -> Result<StopOutcome, PgError> {
        let Some(users) = self.users_lock.take() else {
            return Ok(StopOutcome::LeftRunningForOthers);
        };
        let setup = self.cluster.lock_file("setup.lock")?;
        setup
            .lock()
            .map_err(PgError::io("waiting for setup.lock"))?;
        // Converting our shared lock to exclusive succeeds only when nobody else holds it;
        // nobody can join meanwhile, because joining needs setup.lock.
        let last = users.try_lock().is_ok();
        if !last {
            return Ok(StopOutcome::LeftRunningForOthers);
        }
        if self.cluster.is_pinned() {
            return Ok(StopOutcome::LeftRunningPinned);
        }
        if matches!(self.cluster.status()?, ClusterStatus::Running { .. }) {
            self.cluster.stop()?;
        }
        Ok(StopOutcome::Stopped)
    }
}

impl Drop for ClusterLease {
    fn drop(&mut self) {
        if let Err(error) = self.release_inner() {
            tracing::error!("leaving the embedded cluster: {error}");
        }
    }
}
