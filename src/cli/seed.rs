//! `prakan seed --demo` and `prakan seed --scale N`.

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use clap::Args;

use prakan::config::Settings;
use prakan::seed::demo::{self, DEMO_ACCOUNTS, DEMO_PASSWORD, DemoOutcome};
use prakan::seed::scale::{self, ScaleProgress};

use super::{OpenOptions, open, sentence};

#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct SeedArgs {
    /// Load the demo book of business and one staff account per group role (idempotent).
    #[arg(long)]
    demo: bool,
    /// Add N customers with vehicles, policies, claims and payments, for benchmarks.
    #[arg(long, value_name = "N")]
    scale: Option<u64>,
}

pub async fn run(args: SeedArgs, settings: &Settings, options: OpenOptions) -> anyhow::Result<()> {
    // The demo is loaded below on purpose, not as a side effect of creating the cluster.
    let demo_on_create = options.demo && !args.demo;
    let (_target, pool) = open(
        settings,
        OpenOptions {
            demo: demo_on_create,
            ..options
        },
    )
    .await?;
    if args.demo {
        load_demo(&pool).await?;
    }
    if let Some(customers) = args.scale {
        load_scale(&pool, customers).await?;
    }
    pool.close().await;
    Ok(())
}

pub async fn load_demo(pool: &sqlx::PgPool) -> anyhow::Result<()> {
    match demo::seed(pool, chrono::Utc::now())
        .await
        .map_err(sentence)?
    {
        DemoOutcome::Loaded { customers, rows } => {
            println!("Demo data loaded: {customers} customers, {rows} rows in all.");
        }
        DemoOutcome::AlreadyPresent => println!("The demo data is already loaded."),
    }
    print_demo_accounts();
    Ok(())
}

pub fn print_demo_accounts() {
    println!();
    println!("Demo accounts (password for all: {DEMO_PASSWORD}):");
    let rows: Vec<Vec<String>> = DEMO_ACCOUNTS
        .iter()
        .map(|a| {
            vec![
                a.username.to_string(),
                a.group.short_name().to_string(),
                format!("{} {}", a.first_name, a.last_name),
                a.what_for.to_string(),
            ]
        })
        .collect();
    super::table::print(&["username", "role", "name", "for"], &rows);
}

async fn load_scale(pool: &sqlx::PgPool, customers: u64) -> anyhow::Result<()> {
    let cancel = Arc::new(AtomicBool::new(false));
    let on_interrupt = cancel.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            on_interrupt.store(true, Ordering::Relaxed);
            eprintln!("\nStopping after the batches in flight…");
        }
    });
    println!("Loading {customers} customers with their vehicles, policies, claims and payments…");
    let report = scale::seed(pool, customers, chrono::Utc::now(), cancel, print_progress)
        .await
        .map_err(sentence)?;
    eprintln!();
    let total = report.load + report.analyze;
    println!(
        "{} {} customers, {} rows in {:.1} s ({:.0} rows/s), then statistics in {:.1} s: {:.1} s in all{}.",
        if report.cancelled {
            "Cancelled after"
        } else {
            "Loaded"
        },
        report.customers,
        report.rows,
        report.load.as_secs_f64(),
        report.rows as f64 / report.load.as_secs_f64().max(0.001),
        report.analyze.as_secs_f64(),
        total.as_secs_f64(),
        if report.triggers_off {
            ""
        } else {
            " (with triggers on: not a superuser)"
        }
    );
    Ok(())
}

fn print_progress(progress: ScaleProgress) {
    let percent = 100.0 * progress.customers_done as f64 / progress.customers_total.max(1) as f64;
    let eta = progress
        .remaining()
        .map(format_duration)
        .unwrap_or_else(|| "…".into());
    eprint!(
        "\r{}/{} customers ({percent:.0} %) · {} rows · {:.0} rows/s · ETA {eta}   ",
        progress.customers_done,
        progress.customers_total,
        progress.rows,
        progress.rows_per_second()
    );
    let _ = std::io::stderr().flush();
}

fn format_duration(duration: Duration) -> String {
    let seconds = duration.as_secs();
    format!("{}m{:02}s", seconds / 60, seconds % 60)
}
