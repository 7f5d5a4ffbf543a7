//! Which operating-system account runs the PostgreSQL programs. PostgreSQL refuses to run as
//! root, so when prakan runs as root (containers, CI) the server runs as `postgres`.

use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Command;

use super::PgError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerAccount {
    /// The account prakan itself runs as.
    Current,
    /// Another account, switched to for every PostgreSQL program.
    Other { name: String, uid: u32, gid: u32 },
}

impl ServerAccount {
    pub fn for_this_process() -> Result<ServerAccount, PgError> {
        if !nix::unistd::geteuid().is_root() {
            return Ok(ServerAccount::Current);
        }
        match nix::unistd::User::from_name("postgres") {
            Ok(Some(user)) => Ok(ServerAccount::Other {
                name: user.name,
                uid: user.uid.as_raw(),
                gid: user.gid.as_raw(),
            }),
            _ => Err(PgError::NoServerAccount),
        }
    }

    pub fn name(&self) -> String {
        match self {
            ServerAccount::Current => nix::unistd::User::from_uid(nix::unistd::geteuid())
                .ok()
                .flatten()
                .map(|u| u.name)
                .unwrap_or_else(|| "the current user".into()),
            ServerAccount::Other { name, .. } => name.clone(),
        }
    }

    /// A command for a PostgreSQL program, run as this account with a C.UTF-8 locale and
    /// `/` as working directory (the caller's directory may be private to root).
    pub fn command(&self, program: &Path) -> Command {
        let mut command = Command::new(program);
        command
            .env("LC_ALL", "C.UTF-8")
            .env("LANG", "C.UTF-8")
            .env_remove("PGDATA")
            .env_remove("PGHOST")
            .env_remove("PGPORT");
        if let ServerAccount::Other { uid, gid, .. } = self {
            command.uid(*uid).gid(*gid).current_dir("/");
        }
        command
    }

    /// Hands a directory prakan created to this account.
    pub fn take_ownership(&self, path: &Path) -> Result<(), PgError> {
        if let ServerAccount::Other { uid, gid, .. } = self {
            std::os::unix::fs::chown(path, Some(*uid), Some(*gid)).map_err(PgError::io(
                format!("giving {} to the server account", path.display()),
            ))?;
        }
        Ok(())
    }

    /// Checks that this account can enter every directory on the way to `path`.
    pub fn check_reachable(&self, path: &Path) -> Result<(), PgError> {
        use std::os::unix::fs::MetadataExt;
        let ServerAccount::Other { uid, gid, name } = self else {
            return Ok(());
        };
        for dir in path.ancestors().skip(1) {
            let Ok(meta) = std::fs::metadata(dir) else {
                continue;
            };
            let mode = meta.mode();
            let can_enter = if meta.uid() == *uid {
                mode & 0o100 != 0
            } else if meta.gid() == *gid {
                mode & 0o010 != 0
            } else {
                mode & 0o001 != 0
            };
            if !can_enter {
                return Err(PgError::Unreachable {
                    account: name.clone(),
                    path: path.to_path_buf(),
                });
            }
        }
        Ok(())
    }
}
