//! `prakan bench`: run scenarios and print a table, or JSON with --json.

use clap::Args;

use prakan::bench::{BenchOptions, SCENARIOS};
use prakan::config::Settings;

use super::{OpenOptions, open};

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

pub async fn run(args: BenchArgs, settings: &Settings, options: OpenOptions) -> anyhow::Result<()> {
    if args.list {
        for scenario in SCENARIOS {
            println!("{:<26} {}", scenario.name, scenario.description);
        }
        return Ok(());
    }
    let chosen = if args.scenarios.is_empty() {
        SCENARIOS.iter().collect::<Vec<_>>()
    } else {
        args.scenarios
            .iter()
            .map(|name| {
                prakan::bench::find(name).ok_or_else(|| {
                    anyhow::anyhow!("no scenario named '{name}' (see prakan bench --list)")
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?
    };
    let (target, _admin) = open(settings, options).await?;
    let pool = prakan::db::admin_pool(target.admin_options(), args.concurrency.max(1) as u32)
        .await
        .map_err(super::sentence)?;
    let bench_options = BenchOptions {
        iterations: args.iterations,
        concurrency: args.concurrency,
        ..BenchOptions::default()
    };
    let mut results = Vec::new();
    for scenario in chosen {
        if !args.json {
            eprintln!("running {} …", scenario.name);
        }
        results.push(prakan::bench::run(&pool, scenario, bench_options).await?);
    }
    pool.close().await;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&results)?);
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
    super::table::print(
        &[
            "scenario",
            "table rows",
            "ops",
            "conc",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "mean ms",
            "ops/s",
        ],
        &rows,
    );
    Ok(())
}
