//! `prakan db backup` and `prakan db restore`: pg_dump in custom format, checked with
//! `pg_restore --list`, and pg_restore into an empty database on the same server.
//!
//! A restore loads every table before it creates the triggers and foreign keys (pg_restore's
//! order), so neither the audit trigger nor any business trigger fires on restored rows.
//! Roles are not in a dump: the prakan_* group roles and the staff login roles belong to the
//! cluster, and must exist on a server restored to (DESIGN §2, docs/operations.md).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;
use std::time::{Duration, Instant};

use sqlx::postgres::PgConnectOptions;
use sqlx::{Connection, PgConnection};

use crate::i18n::Message;
use crate::msg;
use crate::pg::backup::DumpTools;

/// A PostgreSQL server to back up or restore, and the tools for it.
#[derive(Debug, Clone)]
pub struct Server {
    /// Connection URL without a password (it goes to the programs in PGPASSWORD).
    base: url::Url,
    password: Option<String>,
    /// The database the URL names: where the server is asked its version.
    home: String,
    pg_bin: Option<PathBuf>,
}

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("the connection URL cannot be used: {0}")]
    BadUrl(String),
    #[error("no pg_dump/pg_restore for PostgreSQL {server_major}")]
    NoTools { server_major: u32 },
    #[error("{program} failed: {detail}")]
    Program { program: String, detail: String },
    #[error("{file} is not a readable custom-format dump: {detail}")]
    NotADump { file: PathBuf, detail: String },
    #[error("{file} is a dump, but not of a prakan database")]
    NotPrakan { file: PathBuf },
    #[error("{file} exists already")]
    FileExists { file: PathBuf },
    #[error("{name:?} cannot be a database name")]
    BadName { name: String },
    #[error("database {database} holds {tables} tables")]
    NotEmpty {
        database: String,
        tables: i64,
        migration: Option<i64>,
    },
    #[error("database {database} has {sessions} other sessions ({who})")]
    InUse {
        database: String,
        sessions: i64,
        who: String,
    },
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

impl BackupError {
    /// The sentence for a person, in their language.
    pub fn message(&self) -> Message {
        let path = |p: &Path| p.display().to_string();
        match self {
            BackupError::BadUrl(detail) => msg!("backup-bad-url", detail = detail.as_str()),
            BackupError::NoTools { server_major } => {
                msg!("backup-no-tools", major = *server_major)
            }
            BackupError::Program { program, detail } => msg!(
                "backup-program-failed",
                program = program.as_str(),
                detail = detail.as_str()
            ),
            BackupError::NotADump { file, detail } => msg!(
                "backup-not-a-dump",
                file = path(file),
                detail = detail.as_str()
            ),
            BackupError::NotPrakan { file } => msg!("backup-not-prakan", file = path(file)),
            BackupError::FileExists { file } => msg!("backup-file-exists", file = path(file)),
            BackupError::BadName { name } => msg!("restore-bad-name", name = name.as_str()),
            BackupError::NotEmpty {
                database,
                tables,
                migration,
            } => msg!(
                "restore-not-empty",
                database = database.as_str(),
                tables = *tables,
                migration = migration.unwrap_or_default()
            ),
            BackupError::InUse {
                database,
                sessions,
                who,
            } => msg!(
                "restore-in-use",
                database = database.as_str(),
                sessions = *sessions,
                who = who.as_str()
            ),
            BackupError::Io { context, source } => msg!(
                "backup-io",
                context = context.as_str(),
                detail = source.to_string()
            ),
            BackupError::Database(error) => super::error::message(error),
        }
    }
}

fn io(context: impl Into<String>) -> impl FnOnce(std::io::Error) -> BackupError {
    let context = context.into();
    move |source| BackupError::Io { context, source }
}

/// What the command is doing, for the progress lines.
#[derive(Debug, Clone, Copy)]
pub enum Step<'a> {
    Dumping { database: &'a str, file: &'a Path },
    Checking { file: &'a Path },
    Dropping { database: &'a str },
    Creating { database: &'a str },
    Restoring { database: &'a str, file: &'a Path },
}

#[derive(Debug, Clone)]
pub struct BackupSummary {
    pub database: String,
    pub file: PathBuf,
    pub bytes: u64,
    pub entries: usize,
    pub elapsed: Duration,
}

/// What `pg_restore --list` says of a dump.
#[derive(Debug, Clone)]
pub struct DumpContents {
    pub entries: usize,
    pub tables: usize,
}

/// What a database on the server holds now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Occupancy {
    Missing,
    Empty,
    Holds { tables: i64, migration: Option<i64> },
}

#[derive(Debug, Clone)]
pub struct RestoreSummary {
    pub database: String,
    pub entries: usize,
    pub tables: i64,
    pub migration: Option<i64>,
    /// The database was dropped and created anew (--force over a non-empty one).
    pub replaced: bool,
    pub elapsed: Duration,
}

impl Server {
    /// A server reached by a PostgreSQL URL (DATABASE_URL, or the embedded cluster's
    /// socket URL); `pg_bin` is looked at first for pg_dump and pg_restore.
    pub fn from_url(url: &str, pg_bin: Option<&Path>) -> Result<Server, BackupError> {
        let mut base = url::Url::parse(url).map_err(|e| BackupError::BadUrl(e.to_string()))?;
        let password = base.password().map(percent_decode);
        let _ = base.set_password(None);
        let home = base.path().trim_start_matches('/').to_string();
        let home = if home.is_empty() {
            base.username().to_string()
        } else {
            percent_decode(&home)
        };
        let server = Server {
            base,
            password,
            home,
            pg_bin: pg_bin.map(Path::to_path_buf),
        };
        server.options(&server.home)?;
        Ok(server)
    }

    /// The embedded cluster, as its superuser over the private socket.
    pub fn embedded(cluster: &crate::pg::Cluster, database: &str) -> Server {
        Server {
            base: url::Url::parse(&cluster.url(database)).expect("the cluster's own URL"),
            password: None,
            home: database.to_string(),
            pg_bin: Some(cluster.binaries.dir.clone()),
        }
    }

    /// The same server, naming another database as its own.
    pub fn naming(mut self, database: &str) -> Server {
        self.home = database.to_string();
        self
    }

    /// The database the server was named with.
    pub fn home_database(&self) -> &str {
        &self.home
    }

    fn url(&self, database: &str) -> url::Url {
        let mut url = self.base.clone();
        url.set_path(&format!("/{}", encode_path_segment(database)));
        url
    }

    pub fn options(&self, database: &str) -> Result<PgConnectOptions, BackupError> {
        let mut options = PgConnectOptions::from_str(self.url(database).as_str())
            .map_err(|e| BackupError::BadUrl(e.to_string()))?
            .application_name("prakan");
        if let Some(password) = &self.password {
            options = options.password(password);
        }
        Ok(options)
    }

    async fn connect(&self, database: &str) -> Result<PgConnection, BackupError> {
        Ok(PgConnection::connect_with(&self.options(database)?).await?)
    }

    /// A connection to some database other than `avoid` (one cannot drop the database one
    /// is connected to): the home database, else `postgres`, else `template1`.
    async fn connect_elsewhere(&self, avoid: &str) -> Result<PgConnection, BackupError> {
        let mut last = None;
        for database in [self.home.as_str(), "postgres", "template1"] {
            if database == avoid {
                continue;
            }
            match self.connect(database).await {
                Ok(connection) => return Ok(connection),
                Err(error) => last = Some(error),
            }
        }
        Err(last.unwrap_or(BackupError::BadName {
            name: avoid.to_string(),
        }))
    }

    /// pg_dump and pg_restore matching the server's major version.
    pub async fn tools(&self) -> Result<DumpTools, BackupError> {
        let mut connection = self.connect(&self.home).await?;
        let version: i32 = sqlx::query_scalar("SELECT current_setting('server_version_num')::int")
            .fetch_one(&mut connection)
            .await?;
        let _ = connection.close().await;
        let server_major = u32::try_from(version / 10_000).unwrap_or_default();
        let pg_bin = self.pg_bin.clone();
        tokio::task::spawn_blocking(move || DumpTools::find(pg_bin.as_deref(), server_major))
            .await
            .map_err(|e| io("looking for pg_dump")(std::io::Error::other(e.to_string())))?
            .ok_or(BackupError::NoTools { server_major })
    }

    /// A command for one of the tools, with the password in the environment (never on the
    /// command line, where `ps` shows it).
    fn command(&self, tools: &DumpTools, program: &str) -> Command {
        let mut command = Command::new(tools.program(program));
        command
            .env("LC_ALL", "C.UTF-8")
            .env("PGAPPNAME", "prakan")
            .env_remove("PGPASSWORD")
            .env_remove("PGDATABASE")
            .arg("--no-password");
        if let Some(password) = &self.password {
            command.env("PGPASSWORD", password);
        }
        command
    }
}

/// Dumps `database` to `file` (custom format), then checks the file with
/// `pg_restore --list`. The dump is written beside `file` and renamed once checked, so a
/// failed backup never leaves a file that looks whole. `file` must not exist.
pub async fn backup(
    server: &Server,
    database: &str,
    file: &Path,
    progress: &(dyn Fn(Step) + Sync),
) -> Result<BackupSummary, BackupError> {
    let started = Instant::now();
    if file.exists() {
        return Err(BackupError::FileExists {
            file: file.to_path_buf(),
        });
    }
    let tools = server.tools().await?;
    let partial = partial_name(file);
    progress(Step::Dumping { database, file });
    let mut dump = server.command(&tools, "pg_dump");
    dump.args(["--format=custom", "--file"])
        .arg(&partial)
        .arg("--dbname")
        .arg(server.url(database).as_str());
    if let Err(error) = run(dump, "pg_dump").await {
        let _ = std::fs::remove_file(&partial);
        return Err(error);
    }
    restrict_to_owner(&partial)?;
    progress(Step::Checking { file });
    let contents = match inspect_with(server, &tools, &partial).await {
        Ok(contents) => contents,
        Err(error) => {
            let _ = std::fs::remove_file(&partial);
            return Err(error);
        }
    };
    std::fs::rename(&partial, file).map_err(io(format!("renaming {}", partial.display())))?;
    let bytes = std::fs::metadata(file)
        .map_err(io(format!("reading {}", file.display())))?
        .len();
    Ok(BackupSummary {
        database: database.to_string(),
        file: file.to_path_buf(),
        bytes,
        entries: contents.entries,
        elapsed: started.elapsed(),
    })
}

/// Checks that `file` is a custom-format dump of a prakan database.
pub async fn inspect(server: &Server, file: &Path) -> Result<DumpContents, BackupError> {
    let tools = server.tools().await?;
    inspect_with(server, &tools, file).await
}

async fn inspect_with(
    server: &Server,
    tools: &DumpTools,
    file: &Path,
) -> Result<DumpContents, BackupError> {
    let mut list = server.command(tools, "pg_restore");
    list.arg("--list").arg(file);
    let listing = run(list, "pg_restore --list")
        .await
        .map_err(|error| match error {
            BackupError::Program { detail, .. } => BackupError::NotADump {
                file: file.to_path_buf(),
                detail,
            },
            other => other,
        })?;
    let entries: Vec<&str> = listing
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with(';'))
        .collect();
    // "224; 1259 16390 TABLE public _sqlx_migrations postgres"
    if !entries
        .iter()
        .any(|line| line.contains(" TABLE public _sqlx_migrations "))
    {
        return Err(BackupError::NotPrakan {
            file: file.to_path_buf(),
        });
    }
    Ok(DumpContents {
        entries: entries.len(),
        tables: entries
            .iter()
            .filter(|line| line.contains(" TABLE public "))
            .count(),
    })
}

/// Whether `database` exists on the server, and what it holds.
pub async fn occupancy(server: &Server, database: &str) -> Result<Occupancy, BackupError> {
    let mut admin = server.connect_elsewhere(database).await?;
    let exists: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)")
            .bind(database)
            .fetch_one(&mut admin)
            .await?;
    let _ = admin.close().await;
    if !exists {
        return Ok(Occupancy::Missing);
    }
    let mut connection = server.connect(database).await?;
    let tables: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM pg_class
          WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')",
    )
    .fetch_one(&mut connection)
    .await?;
    if tables == 0 {
        let _ = connection.close().await;
        return Ok(Occupancy::Empty);
    }
    let migrated: bool =
        sqlx::query_scalar("SELECT to_regclass('public._sqlx_migrations') IS NOT NULL")
            .fetch_one(&mut connection)
            .await?;
    let migration: Option<i64> = if migrated {
        sqlx::query_scalar("SELECT max(version) FROM public._sqlx_migrations WHERE success")
            .fetch_one(&mut connection)
            .await?
    } else {
        None
    };
    let _ = connection.close().await;
    Ok(Occupancy::Holds { tables, migration })
}

/// Restores `file` into `database` on the server: created when missing, used when empty,
/// refused when it holds tables unless `force`, which drops and recreates it, but never
/// while anyone else is connected to it. All in one transaction: a failure leaves the
/// database empty.
pub async fn restore(
    server: &Server,
    file: &Path,
    database: &str,
    force: bool,
    progress: &(dyn Fn(Step) + Sync),
) -> Result<RestoreSummary, BackupError> {
    let started = Instant::now();
    check_database_name(database)?;
    let tools = server.tools().await?;
    progress(Step::Checking { file });
    let contents = inspect_with(server, &tools, file).await?;
    let found = occupancy(server, database).await?;
    let replaced = matches!(found, Occupancy::Holds { .. });
    match found {
        Occupancy::Holds { tables, migration } if !force => {
            return Err(BackupError::NotEmpty {
                database: database.to_string(),
                tables,
                migration,
            });
        }
        Occupancy::Holds { .. } => {
            drop_database(server, database, progress).await?;
            progress(Step::Creating { database });
            create_database(server, database).await?;
        }
        Occupancy::Missing => {
            progress(Step::Creating { database });
            create_database(server, database).await?;
        }
        Occupancy::Empty => {}
    }
    progress(Step::Restoring { database, file });
    let mut load = server.command(&tools, "pg_restore");
    load.args(["--exit-on-error", "--single-transaction", "--dbname"])
        .arg(server.url(database).as_str())
        .arg(file);
    run(load, "pg_restore").await?;

    // A database's own privileges (CONNECT for the group roles) are not in a dump.
    let pool = super::admin_pool(server.options(database)?, 1).await?;
    super::migrate::secure_database(&pool).await?;
    pool.close().await;
    let (tables, migration) = match occupancy(server, database).await? {
        Occupancy::Holds { tables, migration } => (tables, migration),
        _ => (0, None),
    };
    Ok(RestoreSummary {
        database: database.to_string(),
        entries: contents.entries,
        tables,
        migration,
        replaced,
        elapsed: started.elapsed(),
    })
}

fn check_database_name(name: &str) -> Result<(), BackupError> {
    let valid = !name.is_empty()
        && name.len() <= 63
        && !name.chars().any(|c| c.is_control() || c == '"' || c == '/');
    if valid && !["postgres", "template0", "template1"].contains(&name) {
        Ok(())
    } else {
        Err(BackupError::BadName {
            name: name.to_string(),
        })
    }
}

async fn create_database(server: &Server, database: &str) -> Result<(), BackupError> {
    let mut admin = server.connect_elsewhere(database).await?;
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "CREATE DATABASE {}",
        quote_identifier(database)
    )))
    .execute(&mut admin)
    .await?;
    let _ = admin.close().await;
    Ok(())
}

/// Drops the database, refusing while other sessions use it: forcing them off would lose
/// the work of whoever is logged in.
async fn drop_database(
    server: &Server,
    database: &str,
    progress: &(dyn Fn(Step) + Sync),
) -> Result<(), BackupError> {
    let mut admin = server.connect_elsewhere(database).await?;
    let (sessions, who): (i64, Option<String>) = sqlx::query_as(
        "SELECT count(*), string_agg(DISTINCT usename::text, ', ')
           FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()
            AND backend_type = 'client backend'",
    )
    .bind(database)
    .fetch_one(&mut admin)
    .await?;
    if sessions > 0 {
        return Err(BackupError::InUse {
            database: database.to_string(),
            sessions,
            who: who.unwrap_or_default(),
        });
    }
    progress(Step::Dropping { database });
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE {}",
        quote_identifier(database)
    )))
    .execute(&mut admin)
    .await?;
    let _ = admin.close().await;
    Ok(())
}

fn quote_identifier(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Runs a tool to its end off the async threads; its standard output, or its error
/// output as the failure.
async fn run(mut command: Command, program: &str) -> Result<String, BackupError> {
    let program = program.to_string();
    let output = tokio::task::spawn_blocking(move || command.output())
        .await
        .map_err(|e| io(format!("running {program}"))(std::io::Error::other(e.to_string())))?
        .map_err(io(format!("running {program}")))?;
    if !output.status.success() {
        return Err(BackupError::Program {
            program,
            detail: String::from_utf8_lossy(&output.stderr).trim().to_string(),
        });
    }
    Ok(String::from_utf8_lossy(&output.stdout).to_string())
}

fn partial_name(file: &Path) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".partial");
    PathBuf::from(name)
}

/// A dump holds every customer's personal data: only its owner may read it.
fn restrict_to_owner(file: &Path) -> Result<(), BackupError> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o600))
        .map_err(io(format!("setting the mode of {}", file.display())))
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                decoded.push(byte);
                i += 3;
            }
            (byte, _) => {
                decoded.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).to_string()
}

fn encode_path_segment(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_leaves_the_url_and_is_decoded() {
        let server =
            Server::from_url("postgresql://app:p%40ss%2Fw@db.example:6543/prakan", None).unwrap();
        assert_eq!(server.password.as_deref(), Some("p@ss/w"));
        assert_eq!(server.home_database(), "prakan");
        assert_eq!(
            server.url("prakan copy").as_str(),
            "postgresql://app@db.example:6543/prakan%20copy"
        );
    }

    #[test]
    fn reserved_and_odd_database_names_are_refused() {
        assert!(check_database_name("prakan_copy").is_ok());
        for name in ["", "postgres", "template1", "a\"b", &"x".repeat(64)] {
            assert!(check_database_name(name).is_err(), "{name:?}");
        }
    }
}
