//! Settings: the TOML config file in the `directories` config dir, overridden by the
//! environment (DATABASE_URL, DATABASE_REPLICA_URL, PRAKAN_REPLICA_MAX_LAG, PRAKAN_DATA_DIR,
//! PG_BIN, PRAKAN_CONFIG).

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// What the config file may hold. Every field is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// An external PostgreSQL server instead of the embedded cluster.
    pub database_url: Option<String>,
    /// Read replicas of that server: one URL, several separated by commas, or a list.
    pub database_replica_url: Option<ReplicaUrls>,
    /// Seconds a replica may lag before reads go back to the primary.
    pub replica_max_lag_seconds: Option<u64>,
    /// Where prakan keeps its cluster, logs and documents.
    pub data_dir: Option<PathBuf>,
    /// Leave the embedded cluster running when the last prakan process exits.
    pub keep_db_running: Option<bool>,
    /// Log filter, e.g. "info" or "prakan=debug".
    pub log_level: Option<String>,
    /// The language before anyone logs in: "th" or "en".
    pub lang: Option<String>,
    /// Minutes without a key before the screen locks.
    pub idle_lock_minutes: Option<u64>,
    /// Keys per screen context, e.g. `[keys.global] quit = ["q", "ctrl-q"]`.
    #[serde(default)]
    pub keys: crate::tui::keymap::KeyOverrides,
    /// Colours by name or #rrggbb, e.g. `accent = "magenta"`.
    #[serde(default)]
    pub theme: std::collections::HashMap<String, String>,
}

/// `database_replica_url` as written: `"url1,url2"` or `["url1", "url2"]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum ReplicaUrls {
    One(String),
    Many(Vec<String>),
}

impl ReplicaUrls {
    fn into_list(self) -> Vec<String> {
        match self {
            ReplicaUrls::One(text) => split_urls(&text),
            ReplicaUrls::Many(list) => list.iter().flat_map(|text| split_urls(text)).collect(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub config_path: PathBuf,
    pub database_url: Option<String>,
    /// Read replicas (DATABASE_REPLICA_URL or the config file); empty: none.
    pub replica_urls: Vec<String>,
    pub replica_max_lag: std::time::Duration,
    pub data_dir: PathBuf,
    pub pg_bin: Option<PathBuf>,
    pub keep_db_running: bool,
    pub log_level: String,
    /// PRAKAN_LANG or the config file; None leaves it to the locale.
    pub lang: Option<crate::i18n::Lang>,
    pub idle_lock_minutes: u64,
    pub keys: crate::tui::keymap::KeyOverrides,
    pub theme: std::collections::HashMap<String, String>,
}

/// Reads leave a replica that lags more than this, unless configured.
pub const DEFAULT_REPLICA_MAX_LAG_SECONDS: u64 = 30;

/// Screens lock after this many minutes without a key, unless configured.
pub const DEFAULT_IDLE_LOCK_MINUTES: u64 = 15;

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

impl ConfigError {
    pub fn message(&self) -> crate::i18n::Message {
        match self {
            ConfigError::Read { path, source } => {
                crate::msg!(
                    "config-read",
                    path = path.display().to_string(),
                    detail = source.to_string()
                )
            }
            ConfigError::Parse { path, message } => {
                crate::msg!(
                    "config-parse",
                    path = path.display().to_string(),
                    detail = message.as_str()
                )
            }
            ConfigError::NoHome => crate::msg!("config-no-home"),
        }
    }
}

impl Settings {
    pub fn load() -> Result<Settings, ConfigError> {
        let config_path = env_path("PRAKAN_CONFIG").unwrap_or_else(default_config_path);
        let file = read_config_file(&config_path)?;
        let data_dir = match env_path("PRAKAN_DATA_DIR").or(file.data_dir) {
            Some(dir) => dir,
            None => default_data_dir()?,
        };
        let replica_urls =
            replica_urls(env_text("DATABASE_REPLICA_URL"), file.database_replica_url);
        let replica_max_lag = replica_max_lag(
            env_text("PRAKAN_REPLICA_MAX_LAG"),
            file.replica_max_lag_seconds,
        );
        Ok(Settings {
            config_path,
            database_url: env_text("DATABASE_URL").or(file.database_url),
            replica_urls,
            replica_max_lag,
            data_dir,
            pg_bin: env_path("PG_BIN"),
            keep_db_running: file.keep_db_running.unwrap_or(false),
            log_level: file.log_level.unwrap_or_else(|| "info".into()),
            lang: env_text("PRAKAN_LANG")
                .or(file.lang)
                .and_then(|code| crate::i18n::Lang::parse(&code)),
            idle_lock_minutes: file
                .idle_lock_minutes
                .unwrap_or(DEFAULT_IDLE_LOCK_MINUTES)
                .max(1),
            keys: file.keys,
            theme: file.theme,
        })
    }
}

/// The environment's comma-separated list wins over the config file's.
fn replica_urls(from_env: Option<String>, from_file: Option<ReplicaUrls>) -> Vec<String> {
    match from_env {
        Some(text) => split_urls(&text),
        None => from_file.map(ReplicaUrls::into_list).unwrap_or_default(),
    }
}

fn split_urls(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|url| !url.is_empty())
        .map(str::to_string)
        .collect()
}

/// PRAKAN_REPLICA_MAX_LAG (seconds) wins over the config file; unreadable text is ignored.
fn replica_max_lag(from_env: Option<String>, from_file: Option<u64>) -> std::time::Duration {
    let seconds = from_env
        .and_then(|text| text.trim().parse::<u64>().ok())
        .or(from_file)
        .unwrap_or(DEFAULT_REPLICA_MAX_LAG_SECONDS);
    std::time::Duration::from_secs(seconds)
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

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn file(text: &str) -> ConfigFile {
        toml::from_str(text).expect("a valid config file")
    }

    #[test]
    fn replica_urls_may_be_one_string_with_commas_or_a_list() {
        let one =
            file(r#"database_replica_url = "postgresql://r1/prakan, postgresql://r2/prakan""#);
        assert_eq!(
            replica_urls(None, one.database_replica_url),
            ["postgresql://r1/prakan", "postgresql://r2/prakan"]
        );
        let list =
            file(r#"database_replica_url = ["postgresql://r1/prakan", "postgresql://r2/prakan"]"#);
        assert_eq!(
            replica_urls(None, list.database_replica_url),
            ["postgresql://r1/prakan", "postgresql://r2/prakan"]
        );
        assert!(replica_urls(None, None).is_empty());
    }

    #[test]
    fn the_environment_replica_list_wins_over_the_config_file() {
        let configured = file(r#"database_replica_url = "postgresql://file/prakan""#);
        assert_eq!(
            replica_urls(
                Some("postgresql://env1/prakan,,postgresql://env2/prakan ".into()),
                configured.database_replica_url
            ),
            ["postgresql://env1/prakan", "postgresql://env2/prakan"]
        );
    }

    #[test]
    fn the_lag_bound_comes_from_the_environment_the_file_or_the_default() {
        let configured = file("replica_max_lag_seconds = 5");
        assert_eq!(
            replica_max_lag(Some("12".into()), configured.replica_max_lag_seconds),
            Duration::from_secs(12)
        );
        assert_eq!(
            replica_max_lag(None, configured.replica_max_lag_seconds),
            Duration::from_secs(5)
        );
        assert_eq!(
            replica_max_lag(Some("soon".into()), None),
            Duration::from_secs(DEFAULT_REPLICA_MAX_LAG_SECONDS)
        );
    }
}
