//! pg_dump and pg_restore for a server of a given major version: the same major when it
//! is installed (PG_BIN first, then the places the server binaries are looked for), else
//! the nearest newer one (pg_dump reads older servers; never an older pg_dump).

use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Debug, Clone)]
pub struct DumpTools {
    pub dir: PathBuf,
    pub major: u32,
}

impl DumpTools {
    /// The best pg_dump/pg_restore pair for a server of `server_major`, or None.
    pub fn find(pg_bin: Option<&Path>, server_major: u32) -> Option<DumpTools> {
        let mut dirs: Vec<PathBuf> = pg_bin.map(Path::to_path_buf).into_iter().collect();
        dirs.extend(super::binaries::candidate_dirs());
        let found: Vec<DumpTools> = dirs.iter().filter_map(|dir| DumpTools::at(dir)).collect();
        found
            .iter()
            .find(|tools| tools.major == server_major)
            .or_else(|| {
                found
                    .iter()
                    .filter(|tools| tools.major > server_major)
                    .min_by_key(|tools| tools.major)
            })
            .cloned()
    }

    fn at(dir: &Path) -> Option<DumpTools> {
        if !dir.join("pg_dump").is_file() || !dir.join("pg_restore").is_file() {
            return None;
        }
        let output = Command::new(dir.join("pg_dump"))
            .arg("--version")
            .output()
            .ok()?;
        // "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"
        let text = String::from_utf8_lossy(&output.stdout).to_string();
        let major = text
            .split_whitespace()
            .nth(2)?
            .split('.')
            .next()?
            .parse()
            .ok()?;
        Some(DumpTools {
            dir: dir.to_path_buf(),
            major,
        })
    }

    pub fn program(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }
}
