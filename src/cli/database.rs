//! `prakan db …`, `prakan migrate`, and the overview printed when output is not a terminal.

use clap::Subcommand;

use prakan::config::Settings;
use prakan::db::target::{EMBEDDED_DATABASE, Target, embedded_cluster};
use prakan::i18n::Lang;
use prakan::pg::ClusterStatus;
use prakan::{msg, tr};

use super::table::print_fields;
use super::{Ctx, Outcome, open};

#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Show where the database is and whether it runs.
    Status,
    /// Start the embedded cluster and keep it running.
    Start,
    /// Stop the embedded cluster.
    Stop {
        /// Stop it even while other prakan processes use it.
        #[arg(long)]
        force: bool,
    },
    /// Open psql on the database (arguments after -- go to psql).
    Psql {
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Print the connection URL of the database.
    Url,
    /// A local streaming replica of the embedded cluster, for trying read replicas.
    Replica {
        #[command(subcommand)]
        command: super::replica::ReplicaCommand,
    },
    /// Upkeep, safe to run from cron: partitions ahead, expiries, overdue marks, statistics.
    Maintain {
        /// Only ANALYZE, without VACUUM (faster on a big database).
        #[arg(long)]
        no_vacuum: bool,
    },
    /// Back the database up with pg_dump (custom format) and check the file.
    Backup {
        /// Where to write it (default: backups/ in the data directory).
        file: Option<std::path::PathBuf>,
    },
    /// Restore a backup into an empty database.
    Restore {
        /// The backup file.
        file: std::path::PathBuf,
        /// Restore into this database (created if missing) instead of the configured one.
        #[arg(long, value_name = "NAME")]
        database: Option<String>,
        /// Drop and recreate a database that holds tables (refused while anyone uses it).
        #[arg(long)]
        force: bool,
    },
}

pub async fn run(command: DbCommand, settings: &Settings, ctx: Ctx) -> Outcome {
    match command {
        DbCommand::Status => status(settings, ctx.lang).await,
        DbCommand::Start => start(settings, ctx).await,
        DbCommand::Stop { force } => stop(settings, force, ctx.lang),
        DbCommand::Psql { args } => psql(settings, ctx, &args).await,
        DbCommand::Url => url(settings),
        DbCommand::Replica { command } => super::replica::run(command, settings, ctx).await,
        DbCommand::Maintain { no_vacuum } => {
            super::maintenance::maintain(settings, ctx, !no_vacuum).await
        }
        DbCommand::Backup { file } => super::maintenance::backup(settings, ctx, file).await,
        DbCommand::Restore {
            file,
            database,
            force,
        } => super::maintenance::restore(settings, ctx, &file, database, force).await,
    }
}

/// `prakan` when output is not a terminal: bring the database up, say what it holds.
pub async fn overview(settings: &Settings, ctx: Ctx) -> Outcome {
    let (target, pool) = open(settings, ctx).await?;
    println!(
        "{}",
        tr!(
            ctx.lang,
            "cli-overview-heading",
            version = env!("CARGO_PKG_VERSION"),
            database = target.describe()
        )
    );
    print_fields(&contents(&pool, ctx.lang).await?);
    // A new cluster has just listed the demo accounts while loading them.
    if !target.is_new_cluster() && prakan::seed::demo::demo_present(&pool).await? {
        super::seed::print_demo_accounts(ctx.lang);
    }
    pool.close().await;
    println!();
    println!("{}", tr!(ctx.lang, "cli-overview-commands"));
    Ok(())
}

fn label(lang: Lang, what: &str) -> String {
    tr!(lang, "cli-label", what = what)
}

async fn status(settings: &Settings, lang: Lang) -> Outcome {
    let mut fields = Vec::new();
    if let Some(url) = &settings.database_url {
        fields.push((
            label(lang, "database"),
            tr!(lang, "cli-status-database-url", url = mask_password(url)),
        ));
        let target = Target::open(settings, false).await?;
        match prakan::db::admin_pool(target.admin_options(), 1).await {
            Ok(pool) => {
                fields.push((label(lang, "server"), tr!(lang, "cli-server-reachable")));
                fields.extend(contents(&pool, lang).await?);
            }
            Err(error) => fields.push((
                label(lang, "server"),
                tr!(
                    lang,
                    "cli-server-unreachable",
                    detail = prakan::db::error::message(&error).text(lang)
                ),
            )),
        }
        print_fields(&fields);
        return Ok(());
    }
    let cluster = embedded_cluster(settings)?;
    fields.push((
        label(lang, "database"),
        tr!(
            lang,
            "cli-status-embedded",
            version = cluster.binaries.version.as_str(),
            dir = cluster.binaries.dir.display().to_string()
        ),
    ));
    fields.push((label(lang, "cluster"), cluster.root.display().to_string()));
    fields.push((
        label(lang, "socket"),
        cluster
            .socket_dir
            .join(format!(".s.PGSQL.{}", prakan::pg::PORT))
            .display()
            .to_string(),
    ));
    match cluster.status()? {
        ClusterStatus::NotCreated => {
            fields.push((label(lang, "server"), tr!(lang, "cli-server-not-created")))
        }
        ClusterStatus::Stopped => {
            fields.push((label(lang, "server"), tr!(lang, "cli-server-stopped")))
        }
        ClusterStatus::Running { pid } => {
            let mut running = tr!(
                lang,
                "cli-server-running",
                pid = pid.map(i64::from).unwrap_or_default()
            );
            if cluster.is_pinned() {
                running.push_str(&tr!(lang, "cli-server-kept-running"));
            }
            fields.push((label(lang, "server"), running));
            match prakan::db::admin_pool(cluster.superuser_options(EMBEDDED_DATABASE), 1).await {
                Ok(pool) => fields.extend(contents(&pool, lang).await?),
                Err(_) => fields.push((
                    label(lang, "schema"),
                    tr!(lang, "cli-database-not-created", name = EMBEDDED_DATABASE),
                )),
            }
        }
    }
    print_fields(&fields);
    Ok(())
}

/// Labelled lines saying which migration the database is at and what it holds.
async fn contents(pool: &sqlx::PgPool, lang: Lang) -> Outcome<Vec<(String, String)>> {
    let Some(version) = prakan::db::migrate::applied_version(pool).await? else {
        return Ok(vec![(
            label(lang, "schema"),
            tr!(lang, "cli-schema-not-migrated"),
        )]);
    };
    let latest = prakan::db::migrate::MIGRATOR
        .iter()
        .map(|m| m.version)
        .max()
        .unwrap_or_default();
    let schema = if version < latest {
        tr!(
            lang,
            "cli-schema-behind",
            version = version,
            latest = latest
        )
    } else {
        tr!(lang, "cli-schema-version", version = version)
    };
    let counts: (i64, i64, i64, i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM customer_vehicles),
                (SELECT count(*) FROM policies), (SELECT count(*) FROM claims),
                (SELECT count(*) FROM payments), (SELECT count(*) FROM users)",
    )
    .fetch_one(pool)
    .await?;
    let data = tr!(
        lang,
        "cli-data-counts",
        customers = counts.0,
        vehicles = counts.1,
        policies = counts.2,
        claims = counts.3,
        payments = counts.4,
        staff = counts.5
    );
    Ok(vec![
        (label(lang, "schema"), schema),
        (label(lang, "data"), data),
    ])
}

async fn start(settings: &Settings, ctx: Ctx) -> Outcome {
    if settings.database_url.is_some() {
        return Err(msg!("cli-url-no-start-stop").into());
    }
    let (target, pool) = open(
        settings,
        Ctx {
            keep_running: true,
            ..ctx
        },
    )
    .await?;
    pool.close().await;
    println!(
        "{}",
        tr!(
            ctx.lang,
            "cli-started-kept",
            description = target.describe()
        )
    );
    Ok(())
}

fn stop(settings: &Settings, force: bool, lang: Lang) -> Outcome {
    if settings.database_url.is_some() {
        return Err(msg!("cli-url-no-start-stop").into());
    }
    let cluster = embedded_cluster(settings)?;
    // The local replica follows the primary: it goes first.
    if prakan::pg::LocalReplica::of(&cluster).stop()? {
        println!("{}", tr!(lang, "replica-stopped"));
    }
    if cluster.stop_shared(force)? {
        println!("{}", tr!(lang, "cli-stopped"));
    } else {
        println!("{}", tr!(lang, "cli-was-not-running"));
    }
    Ok(())
}

async fn psql(settings: &Settings, ctx: Ctx, args: &[String]) -> Outcome {
    let (target, pool) = open(settings, ctx).await?;
    pool.close().await;
    let mut command = match target.cluster() {
        Some(cluster) => {
            let mut command = std::process::Command::new(cluster.binaries.program("psql"));
            command.arg("-h").arg(&cluster.socket_dir).args([
                "-p",
                &prakan::pg::PORT.to_string(),
                "-U",
                prakan::pg::SUPERUSER,
                "-d",
                EMBEDDED_DATABASE,
            ]);
            command
        }
        None => {
            let mut command = std::process::Command::new("psql");
            command.arg(settings.database_url.as_deref().unwrap_or_default());
            command
        }
    };
    command.args(args);
    let status = tokio::task::spawn_blocking(move || command.status())
        .await
        .map_err(|e| std::io::Error::other(e.to_string()))??;
    drop(target);
    if !status.success() {
        return Err(msg!("cli-psql-failed", status = status.to_string()).into());
    }
    Ok(())
}

fn url(settings: &Settings) -> Outcome {
    match &settings.database_url {
        Some(url) => println!("{}", mask_password(url)),
        None => println!("{}", embedded_cluster(settings)?.url(EMBEDDED_DATABASE)),
    }
    Ok(())
}

pub async fn migrate(settings: &Settings, ctx: Ctx) -> Outcome {
    let (target, pool) = open(settings, ctx).await?;
    if !target.is_embedded() {
        prakan::db::migrate::run(&pool).await?;
    }
    let version = prakan::db::migrate::applied_version(&pool).await?;
    let geography: (i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM provinces), (SELECT count(*) FROM amphoes), (SELECT count(*) FROM tambons)",
    )
    .fetch_one(&pool)
    .await?;
    pool.close().await;
    let lang = ctx.lang;
    println!(
        "{}",
        tr!(
            lang,
            "cli-migrated",
            database = target.describe(),
            version = version.unwrap_or_default()
        )
    );
    println!(
        "{}",
        tr!(
            lang,
            "cli-geography",
            provinces = geography.0,
            amphoes = geography.1,
            tambons = geography.2
        )
    );
    Ok(())
}

fn mask_password(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("*****"));
            parsed.to_string()
        }
        _ => url.to_string(),
    }
}
