//! Finding the PostgreSQL server programs: PG_BIN, a checked `pg_config --bindir`, the newest
//! `/usr/lib/postgresql/*/bin`, `/usr/pgsql-*/bin`, Homebrew, then PATH.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::PgError;

const REQUIRED: [&str; 3] = ["postgres", "initdb", "pg_ctl"];
const MINIMUM_MAJOR: u32 = 15;

#[derive(Debug, Clone)]
pub struct PgBinaries {
    pub dir: PathBuf,
    pub major: u32,
    pub version: String,
}

impl PgBinaries {
    /// Finds the server binaries. `pg_bin` (the PG_BIN variable) wins and must be right.
    pub fn find(pg_bin: Option<&Path>) -> Result<PgBinaries, PgError> {
        if let Some(dir) = pg_bin {
            if !holds_server(dir) {
                return Err(PgError::BadPgBin {
                    path: dir.to_path_buf(),
                });
            }
            return PgBinaries::at(dir);
        }
        let candidates = candidate_dirs();
        for dir in &candidates {
            if holds_server(dir) {
                return PgBinaries::at(dir);
            }
        }
        let looked = candidates
            .iter()
            .map(|d| d.display().to_string())
            .collect::<Vec<_>>();
        Err(PgError::BinariesNotFound {
            looked: if looked.is_empty() {
                "pg_config, /usr/lib/postgresql, /usr/pgsql-*, PATH".into()
            } else {
                looked.join(", ")
            },
        })
    }

    fn at(dir: &Path) -> Result<PgBinaries, PgError> {
        let output = Command::new(dir.join("postgres"))
            .arg("--version")
            .output()
            .map_err(PgError::io(format!(
                "running {}/postgres --version",
                dir.display()
            )))?;
        let text = String::from_utf8_lossy(&output.stdout).trim().to_string();
        // "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"
        let version = text
            .split_whitespace()
            .nth(2)
            .unwrap_or_default()
            .to_string();
        let major = version
            .split('.')
            .next()
            .and_then(|m| m.parse::<u32>().ok())
            .ok_or_else(|| PgError::CommandFailed {
                step: format!("reading the version of {}", dir.display()),
                detail: text.clone(),
            })?;
        if major < MINIMUM_MAJOR {
            return Err(PgError::TooOld {
                found: version,
                dir: dir.to_path_buf(),
            });
        }
        Ok(PgBinaries {
            dir: dir.to_path_buf(),
            major,
            version,
        })
    }

    pub fn program(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }
}

fn holds_server(dir: &Path) -> bool {
    REQUIRED.iter().all(|p| dir.join(p).is_file())
}

pub(super) fn candidate_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Ok(output) = Command::new("pg_config").arg("--bindir").output()
        && output.status.success()
    {
        dirs.push(PathBuf::from(
            String::from_utf8_lossy(&output.stdout).trim(),
        ));
    }
    dirs.extend(newest_first("/usr/lib/postgresql", |name| {
        name.parse::<u32>().ok()
    }));
    dirs.extend(newest_first("/usr", |name| {
        name.strip_prefix("pgsql-")
            .and_then(|v| v.parse::<u32>().ok())
    }));
    for brew in ["/opt/homebrew/opt", "/usr/local/opt"] {
        dirs.extend(newest_first(brew, |name| {
            name.strip_prefix("postgresql@")
                .and_then(|v| v.parse::<u32>().ok())
        }));
    }
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    dirs
}

/// `<root>/<versioned>/bin` directories, newest version first.
fn newest_first(root: &str, version_of: impl Fn(&str) -> Option<u32>) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(root) else {
        return Vec::new();
    };
    let mut found: Vec<(u32, PathBuf)> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            version_of(&name).map(|v| (v, e.path().join("bin")))
        })
        .collect();
    found.sort_by_key(|(version, _)| std::cmp::Reverse(*version));
    found.into_iter().map(|(_, dir)| dir).collect()
}
