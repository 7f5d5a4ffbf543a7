//! `prakan db maintain`, `prakan db backup` and `prakan db restore`.

use std::path::{Path, PathBuf};

use prakan::config::Settings;
use prakan::db::backup::{BackupError, Server, Step};
use prakan::db::maintain::{MONTHS_AHEAD, MaintenanceReport, Options};
use prakan::db::target::{EMBEDDED_DATABASE, Target};
use prakan::i18n::Lang;
use prakan::tr;

use super::table::print_fields;
use super::{Ctx, Failure, Outcome, open};

impl From<BackupError> for Failure {
    fn from(error: BackupError) -> Failure {
        tracing::error!("{error}");
        Failure(error.message())
    }
}

pub async fn maintain(settings: &Settings, ctx: Ctx, vacuum: bool) -> Outcome {
    let (_target, pool) = open(settings, ctx).await?;
    let report = prakan::db::maintain::run_with(&pool, Options { vacuum }).await?;
    pool.close().await;
    print_fields(&maintenance_summary(&report, ctx.lang));
    Ok(())
}

fn maintenance_summary(report: &MaintenanceReport, lang: Lang) -> Vec<(String, String)> {
    let label = |what: &str| tr!(lang, "maintain-label", what = what);
    let partitions = if report.partitions_created.is_empty() {
        tr!(
            lang,
            "maintain-partitions-in-place",
            tables = report.partitioned_tables.join(", "),
            months = MONTHS_AHEAD
        )
    } else {
        tr!(
            lang,
            "maintain-partitions-created",
            count = report.partitions_created.len(),
            names = report.partitions_created.join(", ")
        )
    };
    let tables = report.tables_analyzed;
    let took = seconds(report.statistics_time);
    let statistics = if report.vacuumed {
        tr!(lang, "maintain-vacuumed", tables = tables, seconds = took)
    } else {
        tr!(
            lang,
            "maintain-analyzed-only",
            tables = tables,
            seconds = took
        )
    };
    vec![
        (label("partitions"), partitions),
        (
            label("policies"),
            tr!(
                lang,
                "maintain-policies-expired",
                count = report.policies_expired
            ),
        ),
        (
            label("overdue"),
            tr!(
                lang,
                "maintain-payments-overdue",
                marked = report.payments_marked_overdue,
                total = report.payments_overdue
            ),
        ),
        (
            label("sessions"),
            tr!(
                lang,
                "maintain-sessions-closed",
                count = report.sessions_closed
            ),
        ),
        (
            label("names"),
            tr!(
                lang,
                "maintain-name-words",
                added = report.name_words.0,
                removed = report.name_words.1
            ),
        ),
        (
            label("charts"),
            tr!(
                lang,
                "maintain-chart-snapshots",
                count = report.chart_snapshots
            ),
        ),
        (label("statistics"), statistics),
    ]
}

/// The configured database as a server to dump from or restore to.
fn server_of(target: &Target, settings: &Settings) -> Outcome<Server> {
    Ok(match target.cluster() {
        Some(cluster) => Server::embedded(cluster, EMBEDDED_DATABASE),
        None => Server::from_url(
            settings.database_url.as_deref().unwrap_or_default(),
            settings.pg_bin.as_deref(),
        )?,
    })
}

pub async fn backup(settings: &Settings, ctx: Ctx, file: Option<PathBuf>) -> Outcome {
    let (target, pool) = open(settings, ctx).await?;
    pool.close().await;
    let server = server_of(&target, settings)?;
    let database = server.home_database().to_string();
    let file = match file {
        Some(file) => file,
        None => default_backup_file(settings, &database)?,
    };
    let lang = ctx.lang;
    let summary =
        prakan::db::backup::backup(&server, &database, &file, &|step| say(lang, step)).await?;
    print_fields(&[
        (
            tr!(lang, "backup-label", what = "file"),
            summary.file.display().to_string(),
        ),
        (
            tr!(lang, "backup-label", what = "size"),
            size(summary.bytes),
        ),
        (
            tr!(lang, "backup-label", what = "entries"),
            tr!(lang, "backup-entries", entries = summary.entries),
        ),
        (
            tr!(lang, "backup-label", what = "time"),
            tr!(lang, "backup-seconds", seconds = seconds(summary.elapsed)),
        ),
    ]);
    println!(
        "{}",
        tr!(
            lang,
            "backup-done",
            database = summary.database,
            file = summary.file.display().to_string()
        )
    );
    Ok(())
}

/// `backups/<database>-<Bangkok date and time>.dump` in the data directory, which is made
/// private to its owner (dumps hold customers' personal data).
fn default_backup_file(settings: &Settings, database: &str) -> Outcome<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let dir = settings.data_dir.join("backups");
    std::fs::create_dir_all(&dir)?;
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700))?;
    let bangkok = chrono::FixedOffset::east_opt(7 * 3600).expect("UTC+7");
    let stamp = chrono::Utc::now()
        .with_timezone(&bangkok)
        .format("%Y%m%d-%H%M%S");
    Ok(dir.join(format!("{database}-{stamp}.dump")))
}

pub async fn restore(
    settings: &Settings,
    ctx: Ctx,
    file: &Path,
    database: Option<String>,
    force: bool,
) -> Outcome {
    let (target, pool) = open(settings, ctx).await?;
    // Our own connections would keep a --force restore from dropping the database.
    pool.close().await;
    let server = server_of(&target, settings)?;
    let database = database.unwrap_or_else(|| server.home_database().to_string());
    let lang = ctx.lang;
    let summary =
        prakan::db::backup::restore(&server, file, &database, force, &|step| say(lang, step))
            .await?;
    let file_name = file.display().to_string();
    let migration = summary.migration.unwrap_or_default();
    let took = seconds(summary.elapsed);
    let done = if summary.replaced {
        tr!(
            lang,
            "restore-done-replaced",
            file = file_name,
            database = summary.database.as_str(),
            tables = summary.tables,
            migration = migration,
            seconds = took
        )
    } else {
        tr!(
            lang,
            "restore-done",
            file = file_name,
            database = summary.database.as_str(),
            tables = summary.tables,
            migration = migration,
            seconds = took
        )
    };
    println!("{done}");
    let latest = prakan::db::migrate::MIGRATOR
        .iter()
        .map(|m| m.version)
        .max()
        .unwrap_or_default();
    if summary.migration.unwrap_or_default() < latest {
        println!(
            "{}",
            tr!(
                lang,
                "restore-behind",
                migration = summary.migration.unwrap_or_default(),
                latest = latest
            )
        );
    }
    if database != server.home_database() {
        println!(
            "{}",
            tr!(lang, "restore-other-database", database = database)
        );
    }
    Ok(())
}

/// One line saying what is being done; the work may take minutes on a big database.
fn say(lang: Lang, step: Step) {
    let path = |p: &Path| p.display().to_string();
    let line = match step {
        Step::Dumping { database, file } => tr!(
            lang,
            "backup-step-dumping",
            database = database,
            file = path(file)
        ),
        Step::Checking { file } => tr!(lang, "backup-step-checking", file = path(file)),
        Step::Dropping { database } => {
            tr!(lang, "restore-step-dropping", database = database)
        }
        Step::Creating { database } => {
            tr!(lang, "restore-step-creating", database = database)
        }
        Step::Restoring { database, file } => tr!(
            lang,
            "restore-step-restoring",
            database = database,
            file = path(file)
        ),
    };
    println!("{line}");
}

fn seconds(elapsed: std::time::Duration) -> String {
    format!("{:.1}", elapsed.as_secs_f64())
}

fn size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KiB", "MiB", "GiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}
