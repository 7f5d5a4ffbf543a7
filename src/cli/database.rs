//! `prakan db …`, `prakan migrate` and the overview `prakan` prints.

use anyhow::Context;
use clap::Subcommand;

use prakan::config::Settings;
use prakan::db::target::{EMBEDDED_DATABASE, Target, embedded_cluster};
use prakan::pg::ClusterStatus;

use super::{OpenOptions, open, sentence};

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
    /// Upkeep, safe to run from cron: partitions ahead, statistics.
    Maintain,
}

pub async fn run(
    command: DbCommand,
    settings: &Settings,
    options: OpenOptions,
) -> anyhow::Result<()> {
    match command {
        DbCommand::Status => status(settings).await,
        DbCommand::Start => start(settings, options).await,
        DbCommand::Stop { force } => stop(settings, force),
        DbCommand::Psql { args } => psql(settings, options, &args).await,
        DbCommand::Url => url(settings),
        DbCommand::Maintain => maintain(settings, options).await,
    }
}

/// `prakan` without a subcommand: bring the database up, say what is there, show help.
pub async fn overview(settings: &Settings, options: OpenOptions) -> anyhow::Result<()> {
    let (target, pool) = open(settings, options).await?;
    println!(
        "prakan {} — {}",
        env!("CARGO_PKG_VERSION"),
        target.describe()
    );
    print_contents(&pool).await?;
    // A new cluster has just printed the demo accounts while loading them.
    let demo_listed_already = target.is_new_cluster();
    if !demo_listed_already
        && prakan::seed::demo::demo_present(&pool)
            .await
            .map_err(sentence)?
    {
        super::seed::print_demo_accounts();
    }
    pool.close().await;
    println!();
    println!("The terminal screens are not built yet. Commands:");
    println!("  prakan db status|start|stop|psql|url|maintain");
    println!("  prakan migrate · prakan seed --demo|--scale N · prakan staff … · prakan bench");
    println!("  prakan --help for everything");
    drop(target);
    Ok(())
}

async fn status(settings: &Settings) -> anyhow::Result<()> {
    if let Some(url) = &settings.database_url {
        println!("database: DATABASE_URL {}", mask_password(url));
        let target = Target::open(settings, false).await?;
        match prakan::db::admin_pool(target.admin_options(), 1).await {
            Ok(pool) => {
                println!("server:   reachable");
                print_contents(&pool).await?;
            }
            Err(error) => println!(
                "server:   not reachable: {}",
                prakan::db::error::sentence(&error)
            ),
        }
        return Ok(());
    }
    let cluster = embedded_cluster(settings)?;
    println!(
        "database: embedded PostgreSQL {} ({})",
        cluster.binaries.version,
        cluster.binaries.dir.display()
    );
    println!("cluster:  {}", cluster.root.display());
    println!(
        "socket:   {}",
        cluster
            .socket_dir
            .join(format!(".s.PGSQL.{}", prakan::pg::PORT))
            .display()
    );
    match cluster.status()? {
        ClusterStatus::NotCreated => {
            println!("server:   not created yet (any prakan command creates it)")
        }
        ClusterStatus::Stopped => println!("server:   stopped"),
        ClusterStatus::Running { pid } => {
            println!(
                "server:   running{}{}",
                pid.map(|p| format!(" (pid {p})")).unwrap_or_default(),
                if cluster.is_pinned() {
                    ", kept running"
                } else {
                    ""
                }
            );
            match prakan::db::admin_pool(cluster.superuser_options(EMBEDDED_DATABASE), 1).await {
                Ok(pool) => print_contents(&pool).await?,
                Err(_) => println!("database: {EMBEDDED_DATABASE} not created yet"),
            }
        }
    }
    Ok(())
}

async fn print_contents(pool: &sqlx::PgPool) -> anyhow::Result<()> {
    let version = prakan::db::migrate::applied_version(pool)
        .await
        .map_err(sentence)?;
    let Some(version) = version else {
        println!("schema:   not migrated (run `prakan migrate`)");
        return Ok(());
    };
    let latest = prakan::db::migrate::MIGRATOR
        .iter()
        .map(|m| m.version)
        .max()
        .unwrap_or_default();
    println!(
        "schema:   migration {version}{}",
        if version < latest {
            format!(" (this prakan has {latest}: run `prakan migrate`)")
        } else {
            String::new()
        }
    );
    let counts: (i64, i64, i64, i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM customer_vehicles),
                (SELECT count(*) FROM policies), (SELECT count(*) FROM claims),
                (SELECT count(*) FROM payments), (SELECT count(*) FROM users)",
    )
    .fetch_one(pool)
    .await
    .map_err(sentence)?;
    println!(
        "data:     {} customers, {} vehicles, {} policies, {} claims, {} payments, {} staff",
        counts.0, counts.1, counts.2, counts.3, counts.4, counts.5
    );
    Ok(())
}

async fn start(settings: &Settings, options: OpenOptions) -> anyhow::Result<()> {
    if settings.database_url.is_some() {
        anyhow::bail!("DATABASE_URL is set: prakan does not start or stop that server.");
    }
    let (target, pool) = open(
        settings,
        OpenOptions {
            keep_running: true,
            ..options
        },
    )
    .await?;
    pool.close().await;
    println!(
        "The embedded cluster is running and stays running: {}",
        target.describe()
    );
    println!("Stop it with `prakan db stop`.");
    Ok(())
}

fn stop(settings: &Settings, force: bool) -> anyhow::Result<()> {
    if settings.database_url.is_some() {
        anyhow::bail!("DATABASE_URL is set: prakan does not start or stop that server.");
    }
    let cluster = embedded_cluster(settings)?;
    if cluster.stop_shared(force)? {
        println!("The embedded cluster has stopped.");
    } else {
        println!("The embedded cluster was not running.");
    }
    Ok(())
}

async fn psql(settings: &Settings, options: OpenOptions, args: &[String]) -> anyhow::Result<()> {
    let (target, pool) = open(settings, options).await?;
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
        .await?
        .context("running psql")?;
    drop(target);
    if !status.success() {
        anyhow::bail!("psql ended with {status}");
    }
    Ok(())
}

fn url(settings: &Settings) -> anyhow::Result<()> {
    match &settings.database_url {
        Some(url) => println!("{}", mask_password(url)),
        None => println!("{}", embedded_cluster(settings)?.url(EMBEDDED_DATABASE)),
    }
    Ok(())
}

pub async fn migrate(settings: &Settings, options: OpenOptions) -> anyhow::Result<()> {
    let (target, pool) = open(settings, options).await?;
    if !target.is_embedded() {
        prakan::db::migrate::run(&pool).await?;
    }
    let version = prakan::db::migrate::applied_version(&pool)
        .await
        .map_err(sentence)?;
    let geography: (i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM provinces), (SELECT count(*) FROM amphoes), (SELECT count(*) FROM tambons)",
    )
    .fetch_one(&pool)
    .await
    .map_err(sentence)?;
    pool.close().await;
    println!(
        "{} is at migration {}.",
        target.describe(),
        version.unwrap_or_default()
    );
    println!(
        "Geography: {} provinces, {} amphoes, {} tambons ({}).",
        geography.0,
        geography.1,
        geography.2,
        prakan::db::geo::ATTRIBUTION
    );
    Ok(())
}

async fn maintain(settings: &Settings, options: OpenOptions) -> anyhow::Result<()> {
    let (_target, pool) = open(settings, options).await?;
    let report = prakan::db::maintain::run(&pool).await.map_err(sentence)?;
    pool.close().await;
    if report.partitions_created.is_empty() {
        println!(
            "Audit partitions: already in place for this month and the next {}.",
            prakan::db::maintain::MONTHS_AHEAD
        );
    } else {
        println!(
            "Audit partitions created: {}.",
            report.partitions_created.join(", ")
        );
    }
    println!("Statistics refreshed on {} tables.", report.tables_analyzed);
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
