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

#[derive(Debug, Clone)]
pub struct Settings {
    pub config_path: PathBuf,
    pub database_url: Option<String>,
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
        Ok(Settings {
            config_path,
            database_url: env_text("DATABASE_URL").or(file.database_url),
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
