//! `prakan renew --due-within DAYS [--auto-only] [--dry-run]`: renews every policy due, as
//! the system, by chunks of one transaction each, with progress on standard error and a
//! summary table at the end. Ctrl-C stops after the chunks in flight.

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use clap::Args;

use prakan::config::Settings;
use prakan::db::renewals::{self, BatchOptions, BatchProgress, BatchReport};
use prakan::i18n::{Lang, money};
use prakan::tr;

use super::{Ctx, Failure, Outcome, open};

#[derive(Debug, Args)]
pub struct RenewArgs {
    /// Renew the policies ending within this many days (default: the setting
    /// RENEWAL_QUEUE_DAYS), and those lapsed within the grace period.
    #[arg(long, value_name = "DAYS")]
    due_within: Option<i64>,
    /// Only policies whose customer asked for automatic renewal.
    #[arg(long)]
    auto_only: bool,
    /// Work everything out and write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Chunks renewed at once, each on its own connection.
    #[arg(long, default_value_t = 2, value_name = "N")]
    workers: usize,
}

pub async fn run(args: RenewArgs, settings: &Settings, ctx: Ctx) -> Outcome {
    let lang = ctx.lang;
    if args
        .due_within
        .is_some_and(|days| !(0..=366).contains(&days))
    {
        return Err(prakan::msg!("renew-cli-bad-days").into());
    }
    let (_target, pool) = open(settings, ctx).await?;
    let workers = args.workers.clamp(1, 8);
    // The pool of `open` holds 4 connections; more workers need more.
    let pool = if workers > 3 {
        let options = (*pool.connect_options()).clone();
        pool.close().await;
        prakan::db::admin_pool(options, workers as u32 + 1).await?
    } else {
        pool
    };
    let cancel = Arc::new(AtomicBool::new(false));
    let on_interrupt = cancel.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            on_interrupt.store(true, Ordering::Relaxed);
            eprintln!("\n{}", tr!(lang, "renew-cli-stopping"));
        }
    });
    let today = prakan::i18n::format::bangkok_date(chrono::Utc::now());
    let options = BatchOptions {
        within_days: args.due_within,
        auto_only: args.auto_only,
        dry_run: args.dry_run,
        workers,
        ..BatchOptions::new(today)
    };
    eprintln!(
        "{}",
        if args.dry_run {
            tr!(lang, "renew-cli-starting-dry", date = today.to_string())
        } else {
            tr!(lang, "renew-cli-starting", date = today.to_string())
        }
    );
    let report = renewals::renew_batch(&pool, &options, &cancel, |p| print_progress(p, lang))
        .await
        .map_err(|error| {
            tracing::error!("{error}");
            Failure(error.message())
        })?;
    pool.close().await;
    eprintln!();
    print_summary(&report, lang);
    Ok(())
}

pub(super) fn print_progress(progress: BatchProgress, lang: Lang) {
    let percent = 100.0 * progress.done as f64 / progress.total.max(1) as f64;
    let eta = progress
        .remaining()
        .map(format_duration)
        .unwrap_or_else(|| "…".into());
    eprint!(
        "\r{}   ",
        tr!(
            lang,
            "renew-cli-progress",
            done = progress.done,
            total = progress.total,
            percent = format!("{percent:.0}"),
            renewed = progress.renewed,
            referred = progress.referred,
            rate = format!("{:.0}", progress.per_second()),
            eta = eta
        )
    );
    let _ = std::io::stderr().flush();
}

fn format_duration(duration: Duration) -> String {
    let seconds = duration.as_secs();
    format!("{}m{:02}s", seconds / 60, seconds % 60)
}

fn print_summary(report: &BatchReport, lang: Lang) {
    let row = |what: &str, value: String| vec![tr!(lang, "renew-cli-row", what = what), value];
    let rows = vec![
        row("window", report.within_days.to_string()),
        row("candidates", report.candidates.to_string()),
        row("renewed", report.renewed.to_string()),
        row("referred", report.referred.to_string()),
        row("overlap", report.skipped_overlap.to_string()),
        row("taken", report.skipped_taken.to_string()),
        row("failed", report.failed.to_string()),
        row("premium-before", money(report.premium_before)),
        row("premium-after", money(report.premium_after)),
        row("elapsed", format!("{:.1}", report.elapsed.as_secs_f64())),
        row("rate", format!("{:.0}", report.per_second())),
    ];
    let headers = ["what", "value"].map(|column| tr!(lang, "renew-cli-column", column = column));
    super::table::print(&headers, &rows);
    if !report.failures.is_empty() {
        println!();
        println!("{}", tr!(lang, "renew-cli-failures", count = report.failed));
        for failure in report.failures.iter().take(20) {
            println!(
                "  {}: {}",
                failure.policy_number,
                failure.problem.text(lang)
            );
        }
    }
    if report.referred > 0 && !report.dry_run {
        println!();
        println!("{}", tr!(lang, "renew-cli-referred-note"));
    }
    if report.cancelled {
        println!("{}", tr!(lang, "renew-cli-cancelled"));
    }
    if report.dry_run {
        println!("{}", tr!(lang, "renew-cli-dry-run-note"));
    }
}
