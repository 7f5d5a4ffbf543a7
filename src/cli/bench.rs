//! `prakan bench`: run scenarios and print a table, or JSON with --json.

use clap::Args;

use prakan::bench::{BenchOptions, SCENARIOS};
use prakan::config::Settings;
use prakan::{msg, tr};

use super::{Ctx, Outcome, open};

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Scenarios to run (all when none is named).
    scenarios: Vec<String>,
    /// Measured operations per scenario.
    #[arg(long, default_value_t = 10_000)]
    iterations: usize,
    /// Operations running at once, each on its own connection.
    #[arg(long, default_value_t = 1)]
    concurrency: usize,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// List the scenarios and exit.
    #[arg(long)]
    list: bool,
}

pub async fn run(args: BenchArgs, settings: &Settings, ctx: Ctx) -> Outcome {
    let lang = ctx.lang;
    if args.list {
        for scenario in SCENARIOS {
            println!(
                "{:<26} {}",
                scenario.name,
                prakan::i18n::text(lang, scenario.description, &[])
            );
        }
        return Ok(());
    }
    let chosen = if args.scenarios.is_empty() {
        SCENARIOS.iter().collect::<Vec<_>>()
    } else {
        args.scenarios
            .iter()
            .map(|name| {
                prakan::bench::find(name)
                    .ok_or_else(|| msg!("cli-bench-unknown", name = name.as_str()))
            })
            .collect::<Result<Vec<_>, _>>()?
    };
    let (target, _admin) = open(settings, ctx).await?;
    let pool =
        prakan::db::admin_pool(target.admin_options(), args.concurrency.max(1) as u32).await?;
    let bench_options = BenchOptions {
        iterations: args.iterations,
        concurrency: args.concurrency,
        ..BenchOptions::default()
    };
    let mut results = Vec::new();
    for scenario in chosen {
        if !args.json {
            eprintln!(
                "{}",
                tr!(lang, "cli-bench-running", scenario = scenario.name)
            );
        }
        results.push(prakan::bench::run(&pool, scenario, bench_options).await?);
    }
    pool.close().await;
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&results)
                .map_err(|e| std::io::Error::other(e.to_string()))?
        );
        return Ok(());
    }
    println!("{}", target.describe());
    let rows: Vec<Vec<String>> = results
        .iter()
        .map(|r| {
            vec![
                r.scenario.to_string(),
                r.table_rows.to_string(),
                r.summary.operations.to_string(),
                r.concurrency.to_string(),
                format!("{:.3}", r.summary.p50_ms),
                format!("{:.3}", r.summary.p95_ms),
                format!("{:.3}", r.summary.p99_ms),
                format!("{:.3}", r.summary.mean_ms),
                format!("{:.0}", r.summary.per_second),
            ]
        })
        .collect();
    let headers = [
        "scenario",
        "rows",
        "ops",
        "concurrency",
        "p50",
        "p95",
        "p99",
        "mean",
        "throughput",
    ]
    .map(|column| tr!(lang, "cli-bench-column", column = column));
    super::table::print(&headers, &rows);
    Ok(())
}
