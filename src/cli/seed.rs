//! `prakan seed --demo` and `prakan seed --scale N`.

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use clap::Args;

use prakan::config::Settings;
use prakan::i18n::Lang;
use prakan::seed::demo::{self, DEMO_ACCOUNTS, DEMO_PASSWORD, DemoOutcome};
use prakan::seed::scale::{self, ScaleProgress};
use prakan::tr;

use super::{Ctx, Outcome, open};

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

pub async fn run(args: SeedArgs, settings: &Settings, ctx: Ctx) -> Outcome {
    // The demo is loaded below on purpose, not as a side effect of creating the cluster.
    let demo_on_create = ctx.demo && !args.demo;
    let (_target, pool) = open(
        settings,
        Ctx {
            demo: demo_on_create,
            ..ctx
        },
    )
    .await?;
    if args.demo {
        load_demo(&pool, ctx.lang).await?;
    }
    if let Some(customers) = args.scale {
        load_scale(&pool, customers, ctx.lang).await?;
    }
    pool.close().await;
    Ok(())
}

pub async fn load_demo(pool: &sqlx::PgPool, lang: Lang) -> Outcome {
    match demo::seed(pool, chrono::Utc::now()).await? {
        DemoOutcome::Loaded { customers, rows } => println!(
            "{}",
            tr!(lang, "cli-demo-loaded", customers = customers, rows = rows)
        ),
        DemoOutcome::AlreadyPresent => println!("{}", tr!(lang, "cli-demo-already")),
    }
    print_demo_accounts(lang);
    Ok(())
}

pub fn print_demo_accounts(lang: Lang) {
    println!();
    println!(
        "{}",
        tr!(lang, "cli-demo-accounts", password = DEMO_PASSWORD)
    );
    let rows: Vec<Vec<String>> = DEMO_ACCOUNTS
        .iter()
        .map(|a| {
            vec![
                a.username.to_string(),
                prakan::i18n::role_name(lang, a.group),
                format!("{} {}", a.first_name, a.last_name),
                prakan::i18n::text(lang, a.what_for, &[]),
            ]
        })
        .collect();
    let headers = ["username", "role", "name", "for"]
        .map(|column| tr!(lang, "cli-demo-column", column = column));
    super::table::print(&headers, &rows);
}

async fn load_scale(pool: &sqlx::PgPool, customers: u64, lang: Lang) -> Outcome {
    let cancel = Arc::new(AtomicBool::new(false));
    let on_interrupt = cancel.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            on_interrupt.store(true, Ordering::Relaxed);
            eprintln!("\n{}", tr!(lang, "cli-scale-stopping"));
        }
    });
    println!("{}", tr!(lang, "cli-scale-loading", customers = customers));
    let report = scale::seed(pool, customers, chrono::Utc::now(), cancel, move |p| {
        print_progress(p, lang)
    })
    .await?;
    eprintln!();
    let total = report.load + report.analyze;
    let key_done = if report.cancelled {
        prakan::key!("cli-scale-cancelled")
    } else {
        prakan::key!("cli-scale-done")
    };
    let summary = prakan::i18n::text(
        lang,
        key_done,
        &[
            ("customers", report.customers.into()),
            ("rows", report.rows.into()),
            ("load", format!("{:.1}", report.load.as_secs_f64()).into()),
            (
                "rate",
                format!(
                    "{:.0}",
                    report.rows as f64 / report.load.as_secs_f64().max(0.001)
                )
                .into(),
            ),
            (
                "analyze",
                format!("{:.1}", report.analyze.as_secs_f64()).into(),
            ),
            ("total", format!("{:.1}", total.as_secs_f64()).into()),
        ],
    );
    println!("{summary}");
    if !report.triggers_off {
        println!("{}", tr!(lang, "cli-scale-triggers-on"));
    }
    Ok(())
}

fn print_progress(progress: ScaleProgress, lang: Lang) {
    let percent = 100.0 * progress.customers_done as f64 / progress.customers_total.max(1) as f64;
    let eta = progress
        .remaining()
        .map(format_duration)
        .unwrap_or_else(|| "…".into());
    eprint!(
        "\r{}   ",
        tr!(
            lang,
            "cli-scale-progress",
            done = progress.customers_done,
            total = progress.customers_total,
            percent = format!("{percent:.0}"),
            rows = progress.rows,
            rate = format!("{:.0}", progress.rows_per_second()),
            eta = eta
        )
    );
    let _ = std::io::stderr().flush();
}

fn format_duration(duration: Duration) -> String {
    let seconds = duration.as_secs();
    format!("{}m{:02}s", seconds / 60, seconds % 60)
}
