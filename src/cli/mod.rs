//! The command line: `prakan` and its subcommands. Everything said to a person comes from
//! the catalogues, in the language of `--lang`, PRAKAN_LANG, the config file or the locale.

mod bench;
mod customer;
mod database;
mod docs;
pub mod help;
pub mod logging;
mod maintenance;
mod quote;
mod reconcile;
mod renew;
mod replica;
mod seed;
mod staff;
mod table;
mod terminal;

use clap::{Parser, Subcommand};

use prakan::config::Settings;
use prakan::db::target::Target;
use prakan::i18n::{Lang, Message};

#[derive(Debug, Parser)]
#[command(
    name = "prakan",
    version,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
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
    /// The language before logging in: th or en.
    #[arg(long, global = true, value_name = "th|en")]
    pub lang: Option<String>,
    /// Print help.
    #[arg(short = 'h', long = "help", global = true, action = clap::ArgAction::Help)]
    pub help: Option<bool>,
    /// Print the version.
    #[arg(short = 'V', long = "version", action = clap::ArgAction::Version)]
    pub version: Option<bool>,
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
    /// Customers' data: the PDPA export.
    Customer {
        #[command(subcommand)]
        command: customer::CustomerCommand,
    },
    /// Quote a premium: the CMI tariff or a voluntary class from the rating table.
    Quote(quote::QuoteArgs),
    /// Renew the policies due: priced with their no-claim discount, in chunks, with progress.
    Renew(renew::RenewArgs),
    /// Bank statements: import one and match it, or write a sample to try.
    Reconcile {
        #[command(subcommand)]
        command: reconcile::ReconcileCommand,
    },
    /// Print documents: a policy's schedule and CMI certificate, or a receipt / tax invoice.
    Docs {
        #[command(subcommand)]
        command: docs::DocsCommand,
    },
    /// Run benchmark scenarios and report latency percentiles and throughput.
    Bench(bench::BenchArgs),
}

/// A failure to report to the person: a message in their language.
#[derive(Debug)]
pub struct Failure(pub Message);

pub type Outcome<T = ()> = Result<T, Failure>;

impl From<Message> for Failure {
    fn from(message: Message) -> Failure {
        Failure(message)
    }
}

impl From<prakan::pg::PgError> for Failure {
    fn from(error: prakan::pg::PgError) -> Failure {
        tracing::error!("{error}");
        Failure(error.message())
    }
}

impl From<prakan::db::target::TargetError> for Failure {
    fn from(error: prakan::db::target::TargetError) -> Failure {
        tracing::error!("{error}");
        Failure(error.message())
    }
}

impl From<prakan::db::migrate::MigrateError> for Failure {
    fn from(error: prakan::db::migrate::MigrateError) -> Failure {
        tracing::error!("{error}");
        Failure(error.message())
    }
}

impl From<sqlx::Error> for Failure {
    fn from(error: sqlx::Error) -> Failure {
        tracing::error!("{error}");
        Failure(prakan::db::error::message(&error))
    }
}

impl From<prakan::bench::BenchError> for Failure {
    fn from(error: prakan::bench::BenchError) -> Failure {
        tracing::error!("{error}");
        Failure(error.message())
    }
}

impl From<std::io::Error> for Failure {
    fn from(error: std::io::Error) -> Failure {
        tracing::error!("{error}");
        Failure(prakan::msg!("cli-io", detail = error.to_string()))
    }
}

/// What every command needs besides its own arguments.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    pub lang: Lang,
    pub keep_running: bool,
    /// Load the demo into a brand-new embedded cluster.
    pub demo: bool,
}

pub async fn run(args: Args, settings: Settings, lang: Lang) -> Outcome {
    let ctx = Ctx {
        lang,
        keep_running: args.keep_db_running,
        demo: !args.no_demo,
    };
    match args.command {
        None => terminal::run(&settings, ctx).await,
        Some(Command::Db { command }) => database::run(command, &settings, ctx).await,
        Some(Command::Migrate) => database::migrate(&settings, ctx).await,
        Some(Command::Seed(seed_args)) => seed::run(seed_args, &settings, ctx).await,
        Some(Command::Staff { command }) => staff::run(command, &settings, ctx).await,
        Some(Command::Customer { command }) => customer::run(command, &settings, ctx).await,
        Some(Command::Quote(quote_args)) => quote::run(quote_args, &settings, ctx).await,
        Some(Command::Renew(renew_args)) => renew::run(renew_args, &settings, ctx).await,
        Some(Command::Reconcile { command }) => reconcile::run(command, &settings, ctx).await,
        Some(Command::Docs { command }) => docs::run(command, &settings, ctx).await,
        Some(Command::Bench(bench_args)) => bench::run(bench_args, &settings, ctx).await,
    }
}

/// Opens the database for a command. On the embedded default this starts the cluster,
/// migrates, and on a brand-new cluster loads the demo and says so.
/// A pool of one connection logged in as a staff member, with the password read from
/// the first line of standard input or asked for.
pub async fn log_in(
    settings: &Settings,
    ctx: Ctx,
    username: &str,
    password_stdin: bool,
) -> Outcome<sqlx::PgPool> {
    let (target, admin) = open(settings, ctx).await?;
    admin.close().await;
    let password = if password_stdin {
        let mut line = String::new();
        std::io::BufRead::read_line(&mut std::io::stdin().lock(), &mut line)?;
        line.trim_end_matches(['\r', '\n']).to_string()
    } else {
        rpassword::prompt_password(prakan::tr!(
            ctx.lang,
            "cli-login-password",
            username = username
        ))?
    };
    let pool = sqlx::postgres::PgPoolOptions::new()
        .max_connections(1)
        .connect_with(target.login_target().options(username, &password))
        .await?;
    Ok(pool)
}

pub async fn open(settings: &Settings, ctx: Ctx) -> Outcome<(Target, sqlx::PgPool)> {
    let target = Target::open(settings, ctx.keep_running).await?;
    target.prepare_embedded().await?;
    let pool = prakan::db::admin_pool(target.admin_options(), 4).await?;
    if target.is_new_cluster() {
        println!(
            "{}",
            prakan::tr!(
                ctx.lang,
                "cli-cluster-created",
                description = target.describe()
            )
        );
        if ctx.demo {
            seed::load_demo(&pool, ctx.lang).await?;
        }
    }
    Ok((target, pool))
}
