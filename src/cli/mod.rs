//! The command line: `prakan` and its subcommands.

mod bench;
mod database;
pub mod logging;
mod seed;
mod staff;
mod table;

use anyhow::Context;
use clap::{Parser, Subcommand};

use prakan::config::Settings;
use prakan::db::target::Target;

#[derive(Debug, Parser)]
#[command(
    name = "prakan",
    version,
    about = "prakan (ประกัน): the back office of a Thai motor insurer, in the terminal",
    long_about = "prakan (ประกัน): the back office of a Thai motor insurer, in the terminal.\n\n\
                  Without DATABASE_URL prakan runs its own private PostgreSQL cluster in its data \
                  directory (PRAKAN_DATA_DIR; /var/lib/prakan as root), creating it with demo data \
                  the first time. With DATABASE_URL (environment or config file) it works with \
                  that server instead."
)]
pub struct Args {
    /// Leave the embedded PostgreSQL running when this process exits.
    #[arg(long, global = true)]
    pub keep_db_running: bool,
    /// Do not load the demo data into a newly created embedded cluster.
    #[arg(long, global = true)]
    pub no_demo: bool,
    /// Log filter for the log file, e.g. "debug" or "prakan=trace".
    #[arg(long, global = true, value_name = "FILTER")]
    pub log_level: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Manage the database: the embedded cluster or the DATABASE_URL server.
    Db {
        #[command(subcommand)]
        command: database::DbCommand,
    },
    /// Apply the migrations and reference data (needed on a DATABASE_URL server).
    Migrate,
    /// Load demo data or scale data.
    Seed(seed::SeedArgs),
    /// Manage staff accounts (PostgreSQL login roles plus the staff directory).
    Staff {
        #[command(subcommand)]
        command: staff::StaffCommand,
    },
    /// Run benchmark scenarios and report latency percentiles and throughput.
    Bench(bench::BenchArgs),
}

pub async fn run(args: Args, settings: Settings) -> anyhow::Result<()> {
    let options = OpenOptions {
        keep_running: args.keep_db_running,
        demo: !args.no_demo,
    };
    match args.command {
        None => database::overview(&settings, options).await,
        Some(Command::Db { command }) => database::run(command, &settings, options).await,
        Some(Command::Migrate) => database::migrate(&settings, options).await,
        Some(Command::Seed(seed_args)) => seed::run(seed_args, &settings, options).await,
        Some(Command::Staff { command }) => staff::run(command, &settings, options).await,
        Some(Command::Bench(bench_args)) => bench::run(bench_args, &settings, options).await,
    }
}

#[derive(Debug, Clone, Copy)]
pub struct OpenOptions {
    pub keep_running: bool,
    /// Load the demo into a brand-new embedded cluster.
    pub demo: bool,
}

/// Opens the database for an administrative command. On the embedded default this starts
/// the cluster, migrates, and on a brand-new cluster loads the demo and says so.
pub async fn open(
    settings: &Settings,
    options: OpenOptions,
) -> anyhow::Result<(Target, sqlx::PgPool)> {
    let target = Target::open(settings, options.keep_running).await?;
    target.prepare_embedded().await?;
    let pool = prakan::db::admin_pool(target.admin_options(), 4)
        .await
        .map_err(|e| anyhow::anyhow!(prakan::db::error::sentence(&e)))
        .with_context(|| format!("connecting to {}", target.describe()))?;
    if target.is_new_cluster() {
        println!(
            "Created a new embedded PostgreSQL cluster: {}",
            target.describe()
        );
        if options.demo {
            seed::load_demo(&pool).await?;
        }
    }
    Ok((target, pool))
}

/// Turns a database error into its sentence.
pub fn sentence(error: sqlx::Error) -> anyhow::Error {
    anyhow::anyhow!(prakan::db::error::sentence(&error))
}
