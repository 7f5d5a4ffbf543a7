//! Settings: the TOML config file in the `directories` config dir, overridden by the
//! environment (DATABASE_URL, PRAKAN_DATA_DIR, PG_BIN, PRAKAN_CONFIG).

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// What the config file may hold. Every field is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// An external PostgreSQL server instead of the embedded cluster.
    pub database_url: Option<String>,
    /// Where prakan keeps its cluster, logs and documents.
    pub data_dir: Option<PathBuf>,
    /// Leave the embedded cluster running when the last prakan process exits.
    pub keep_db_running: Option<bool>,
    /// Log filter, e.g. "info" or "prakan=debug".
    pub log_level: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub config_path: PathBuf,
    pub database_url: Option<String>,
    pub data_dir: PathBuf,
    pub pg_bin: Option<PathBuf>,
    pub keep_db_running: bool,
    pub log_level: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("Cannot read the config file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("The config file {path} is not valid: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("No home directory was found to keep prakan's data in; set PRAKAN_DATA_DIR.")]
    NoHome,
}

impl Settings {
    pub fn load() -> Result<Settings, ConfigError> {
        let config_path = env_path("PRAKAN_CONFIG").unwrap_or_else(default_config_path);
        let file = read_config_file(&config_path)?;
        let data_dir = match env_path("PRAKAN_DATA_DIR").or(file.data_dir) {
            Some(dir) => dir,
            None => default_data_dir()?,
        };
        Ok(Settings {
            config_path,
            database_url: env_text("DATABASE_URL").or(file.database_url),
            data_dir,
            pg_bin: env_path("PG_BIN"),
            keep_db_running: file.keep_db_running.unwrap_or(false),
            log_level: file.log_level.unwrap_or_else(|| "info".into()),
        })
    }
}

fn read_config_file(path: &Path) -> Result<ConfigFile, ConfigError> {
    match std::fs::read_to_string(path) {
        Ok(text) => toml::from_str(&text).map_err(|e| ConfigError::Parse {
            path: path.to_path_buf(),
            message: e.message().to_string(),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(ConfigFile::default()),
        Err(source) => Err(ConfigError::Read {
            path: path.to_path_buf(),
            source,
        }),
    }
}

fn default_config_path() -> PathBuf {
    directories::ProjectDirs::from("", "", "prakan")
        .map(|dirs| dirs.config_dir().join("config.toml"))
        .unwrap_or_else(|| PathBuf::from("/etc/prakan/config.toml"))
}

/// As root the data lives in /var/lib/prakan: root's home is private, and PostgreSQL runs
/// as the `postgres` account, which must be able to reach its cluster.
fn default_data_dir() -> Result<PathBuf, ConfigError> {
    if nix::unistd::geteuid().is_root() {
        return Ok(PathBuf::from("/var/lib/prakan"));
    }
    directories::ProjectDirs::from("", "", "prakan")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or(ConfigError::NoHome)
}

fn env_text(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn env_path(name: &str) -> Option<PathBuf> {
    env_text(name).map(PathBuf::from)
}
