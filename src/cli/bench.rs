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
    /// Measured operations per scenario (10,000; `claims`: 1,000 per measure; `oversight`:
    /// 200 per measure).
    #[arg(long)]
    iterations: Option<usize>,
    /// Operations running at once, each on its own connection.
    #[arg(long, default_value_t = 1)]
    concurrency: usize,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// List the scenarios and exit.
    #[arg(long)]
    list: bool,
    /// `startup`: warm starts to measure.
    #[arg(long, default_value_t = 20)]
    warm_runs: usize,
    /// `startup`: cold starts (new data directory) to measure.
    #[arg(long, default_value_t = 3)]
    cold_runs: usize,
    /// `startup`: seconds of idling to measure CPU over.
    #[arg(long, default_value_t = 30)]
    idle_seconds: u64,
    /// `lookup`: seconds of `pgbench -S` to run beside the scenarios (0: none); `issue`:
    /// seconds of pgbench's TPC-B-like run.
    #[arg(long, default_value_t = 10)]
    pgbench_seconds: u64,
    /// `issue`: policies issued by one client, and again by `--clients` clients.
    #[arg(long, default_value_t = 1000)]
    policies: usize,
    /// `issue`: clients issuing at once for the throughput (and pgbench's clients).
    #[arg(long, default_value_t = 4)]
    clients: usize,
    /// `renew`: due policies to renew (the horizon is widened until it holds this many).
    #[arg(long, default_value_t = 100_000)]
    renewals: usize,
    /// `renew`: the horizon to start from, in days.
    #[arg(long, default_value_t = 60)]
    due_within: i64,
    /// `renew`: chunks renewed at once, each on its own connection (and pgbench's clients).
    #[arg(long, default_value_t = 2)]
    workers: usize,
    /// `renew`: policies per transaction.
    #[arg(long, default_value_t = prakan::db::renewals::CHUNK)]
    chunk: usize,
    /// `reconcile`: lines of the statement imported (then `--iterations` matches are made by
    /// hand through its unmatched lines).
    #[arg(long, default_value_t = 100_000)]
    statement_lines: usize,
    /// `oversight`: bring the audit trail up to this many rows first, with synthetic rows
    /// spread over the last 12 months (0: measure the trail as it is).
    #[arg(long, default_value_t = 0)]
    audit_rows: u64,
}

/// What a grouped benchmark says as it goes (on standard error, and not at all when the
/// report is JSON).
fn progress(lang: prakan::i18n::Lang, quiet: bool) -> impl Fn(&str) {
    move |what| {
        if !quiet {
            eprintln!("{}", tr!(lang, "cli-bench-running", scenario = what));
        }
    }
}

/// The benchmarks that run as a group of their own measures, each named alone.
const GROUPS: [&str; 6] = [
    "startup",
    "issue",
    "renew",
    "claims",
    "reconcile",
    "oversight",
];

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
        for group in GROUPS {
            println!("{group:<26} {}", tr!(lang, "bench-group", group = group));
        }
        return Ok(());
    }
    if args.scenarios.iter().any(|s| s == "startup") {
        return startup(&args, settings, ctx).await;
    }
    if args.scenarios.iter().any(|s| s == "issue") {
        return issue(&args, settings, ctx).await;
    }
    if args.scenarios.iter().any(|s| s == "renew") {
        return renew(&args, settings, ctx).await;
    }
    if args.scenarios.iter().any(|s| s == "claims") {
        return claims(&args, settings, ctx).await;
    }
    if args.scenarios.iter().any(|s| s == "reconcile") {
        return reconcile(&args, settings, ctx).await;
    }
    if args.scenarios.iter().any(|s| s == "oversight") {
        return oversight(&args, settings, ctx).await;
    }
    let chosen = if args.scenarios.is_empty() {
        SCENARIOS.iter().collect::<Vec<_>>()
    } else {
        let mut chosen = Vec::new();
        for name in &args.scenarios {
            match (prakan::bench::group(name), prakan::bench::find(name)) {
                (Some(group), _) => chosen.extend(group),
                (None, Some(scenario)) => chosen.push(scenario),
                (None, None) => {
                    return Err(msg!("cli-bench-unknown", name = name.as_str()).into());
                }
            }
        }
        chosen
    };
    let with_pgbench = args.pgbench_seconds > 0 && args.scenarios.iter().any(|s| s == "lookup");
    let (target, admin) = open(settings, ctx).await?;
    let pgbench = match (with_pgbench, target.cluster()) {
        (true, Some(cluster)) => {
            if !args.json {
                eprintln!(
                    "{}",
                    tr!(lang, "cli-bench-running", scenario = "pgbench -S")
                );
            }
            match prakan::bench::pgbench::select_only(cluster, &admin, args.pgbench_seconds).await {
                Ok(figures) => Some(figures),
                Err(error) => {
                    tracing::warn!("{error}");
                    eprintln!(
                        "{}",
                        tr!(lang, "cli-bench-pgbench-failed", detail = error.to_string())
                    );
                    None
                }
            }
        }
        _ => None,
    };
    admin.close().await;
    let pool =
        prakan::db::admin_pool(target.admin_options(), args.concurrency.max(1) as u32).await?;
    let bench_options = BenchOptions {
        iterations: args.iterations.unwrap_or(10_000),
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
        let report = serde_json::json!({ "scenarios": results, "pgbench_select_only": pgbench });
        print_json(&report)?;
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
    if let Some(figures) = pgbench {
        println!();
        println!(
            "{}",
            tr!(
                lang,
                "cli-bench-pgbench",
                latency = format!("{:.3}", figures.latency_ms),
                tps = format!("{:.0}", figures.tps),
                seconds = figures.seconds
            )
        );
    }
    Ok(())
}

/// `prakan bench issue`: pgbench's TPC-B-like throughput first, then prakan's issuance.
async fn issue(args: &BenchArgs, settings: &Settings, ctx: Ctx) -> Outcome {
    let lang = ctx.lang;
    let (target, admin) = open(settings, ctx).await?;
    let pgbench = match target.cluster() {
        Some(cluster) if args.pgbench_seconds > 0 => {
            eprintln!(
                "{}",
                tr!(lang, "cli-bench-running", scenario = "pgbench TPC-B")
            );
            match prakan::bench::pgbench::tpc_b(cluster, &admin, args.pgbench_seconds, args.clients)
                .await
            {
                Ok(figures) => Some(figures),
                Err(error) => {
                    eprintln!(
                        "{}",
                        tr!(lang, "cli-bench-pgbench-failed", detail = error.to_string())
                    );
                    None
                }
            }
        }
        _ => None,
    };
    eprintln!("{}", tr!(lang, "cli-bench-running", scenario = "issue"));
    let report = prakan::bench::issue::run(&admin, args.policies, args.clients)
        .await
        .map_err(|e| super::Failure(e.message()))?;
    admin.close().await;
    if args.json {
        let json = serde_json::json!({ "issue": report, "pgbench_tpc_b": pgbench });
        print_json(&json)?;
        return Ok(());
    }
    println!("{}", target.describe());
    println!(
        "{}",
        tr!(
            lang,
            "bench-issue-as",
            who = report.underwriter.as_str(),
            policies = report.policies_in_book
        )
    );
    let row = |clients: usize, s: &prakan::bench::Summary| {
        vec![
            clients.to_string(),
            s.operations.to_string(),
            format!("{:.2}", s.p50_ms),
            format!("{:.2}", s.p95_ms),
            format!("{:.2}", s.p99_ms),
            format!("{:.0}", s.per_second),
        ]
    };
    let headers = ["clients", "ops", "p50", "p95", "p99", "throughput"]
        .map(|column| tr!(lang, "bench-issue-column", column = column));
    super::table::print(
        &headers,
        &[
            row(1, &report.single),
            row(report.clients, &report.concurrent),
        ],
    );
    if report.referred > 0 {
        println!(
            "{}",
            tr!(lang, "bench-issue-referred", count = report.referred)
        );
    }
    if let Some(figures) = pgbench {
        println!();
        println!(
            "{}",
            tr!(
                lang,
                "bench-issue-pgbench",
                clients = args.clients,
                tps = format!("{:.0}", figures.tps),
                seconds = figures.seconds,
                share = format!(
                    "{:.0}",
                    100.0 * report.concurrent.per_second / figures.tps.max(1.0)
                )
            )
        );
    }
    Ok(())
}

async fn startup(args: &BenchArgs, settings: &Settings, ctx: Ctx) -> Outcome {
    let lang = ctx.lang;
    eprintln!("{}", tr!(lang, "cli-bench-running", scenario = "startup"));
    let report =
        prakan::bench::startup::run(settings, args.warm_runs, args.cold_runs, args.idle_seconds)
            .await
            .map_err(|e| super::Failure(e.message()))?;
    if args.json {
        print_json(&report)?;
        return Ok(());
    }
    let timing = |what: &str, s: &prakan::bench::Summary| {
        vec![
            tr!(lang, "bench-startup-row", what = what),
            s.operations.to_string(),
            format!("{:.1}", s.p50_ms),
            format!("{:.1}", s.p95_ms),
            format!("{:.1}", s.p99_ms),
            format!("{:.1}", s.max_ms),
        ]
    };
    let rows = vec![
        timing("warm", &report.warm_to_login_screen),
        timing("cold", &report.cold_to_login_screen),
        timing("key", &report.key_to_frame),
    ];
    let headers = ["measure", "runs", "p50", "p95", "p99", "max"]
        .map(|column| tr!(lang, "bench-startup-column", column = column));
    super::table::print(&headers, &rows);
    println!();
    println!(
        "{}",
        tr!(
            lang,
            "bench-startup-memory",
            megabytes = format!("{:.1}", report.rss_after_login_mb)
        )
    );
    println!(
        "{}",
        tr!(
            lang,
            "bench-startup-idle",
            percent = format!("{:.2}", report.idle_cpu_percent),
            seconds = report.idle_seconds
        )
    );
    Ok(())
}

/// `prakan bench renew`: the renewal batch on a scratch copy of the database, then
/// pgbench's TPC-B-like run on the same cluster.
async fn renew(args: &BenchArgs, settings: &Settings, ctx: Ctx) -> Outcome {
    let lang = ctx.lang;
    let (target, pool) = open(settings, ctx).await?;
    // The copy needs the database to itself.
    pool.close().await;
    if !args.json {
        eprintln!("{}", tr!(lang, "cli-bench-running", scenario = "renew"));
    }
    let options = prakan::bench::renew::RenewBenchOptions {
        policies: args.renewals,
        due_within: args.due_within,
        workers: args.workers.clamp(1, 8),
        chunk: args.chunk.max(1),
        pgbench_seconds: args.pgbench_seconds,
    };
    let quiet = args.json;
    let report =
        prakan::bench::renew::run(&target.admin_options(), target.cluster(), options, |p| {
            if !quiet {
                super::renew::print_progress(p, lang);
            }
        })
        .await
        .map_err(|error| {
            tracing::error!("{error}");
            super::Failure(error.message())
        })?;
    if !quiet {
        eprintln!();
    }
    if args.json {
        print_json(&report)?;
        return Ok(());
    }
    println!("{}", target.describe());
    let row = |what: &str, value: String| vec![tr!(lang, "bench-renew-row", what = what), value];
    let mut rows = vec![
        row("database", report.policies_in_database.to_string()),
        row("window", report.within_days.to_string()),
        row("candidates", report.candidates.to_string()),
        row("renewed", report.renewed.to_string()),
        row("referred", report.referred.to_string()),
        row(
            "skipped",
            (report.skipped_overlap + report.skipped_taken).to_string(),
        ),
        row("failed", report.failed.to_string()),
        row("workers", format!("{} × {}", report.workers, report.chunk)),
        row("seconds", format!("{:.1}", report.seconds)),
        row("rate", format!("{:.0}", report.policies_per_second)),
        row("copy", format!("{:.1}", report.copy_seconds)),
    ];
    if let Some(figures) = report.pgbench_tpcb {
        rows.push(row(
            "pgbench",
            tr!(
                lang,
                "bench-renew-pgbench",
                tps = format!("{:.0}", figures.tps),
                latency = format!("{:.3}", figures.latency_ms),
                clients = report.pgbench_clients,
                seconds = figures.seconds
            ),
        ));
    }
    let headers = ["what", "value"].map(|column| tr!(lang, "bench-renew-column", column = column));
    super::table::print(&headers, &rows);
    Ok(())
}

/// `prakan bench claims`: the queue tabs' first pages, take-next by several adjusters at
/// once, and the claim detail, in the table of the point lookups (the rows column holds the
/// open claims). It changes the data: see `prakan::bench::claims`.
async fn claims(args: &BenchArgs, settings: &Settings, ctx: Ctx) -> Outcome {
    use prakan::bench::claims::{self, ClaimsBenchOptions};
    let lang = ctx.lang;
    let (target, admin) = open(settings, ctx).await?;
    admin.close().await;
    let iterations = args.iterations.unwrap_or(1_000).max(1);
    let adjusters = if args.concurrency > 1 {
        args.concurrency
    } else {
        claims::ADJUSTERS
    };
    let pool = prakan::db::admin_pool(target.admin_options(), 4).await?;
    let quiet = args.json;
    let report = claims::run(
        &pool,
        ClaimsBenchOptions {
            pages: iterations,
            takes: iterations,
            adjusters,
            details: iterations,
        },
        progress(lang, quiet),
    )
    .await
    .map_err(|e| super::Failure(e.message()))?;
    pool.close().await;
    if args.json {
        print_json(&report)?;
    } else {
        println!("{}", target.describe());
        let row = |name: &str, concurrency: usize, s: &prakan::bench::Summary| {
            vec![
                name.to_string(),
                report.open_claims.to_string(),
                s.operations.to_string(),
                concurrency.to_string(),
                format!("{:.3}", s.p50_ms),
                format!("{:.3}", s.p95_ms),
                format!("{:.3}", s.p99_ms),
                format!("{:.3}", s.mean_ms),
                format!("{:.0}", s.per_second),
            ]
        };
        let mut rows: Vec<Vec<String>> = report
            .tabs
            .iter()
            .map(|t| row(t.name, 1, &t.summary))
            .collect();
        rows.push(row("claims-take-next", report.adjusters, &report.take_next));
        rows.push(row("claims-detail", 1, &report.detail));
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
    }
    if report.collisions > 0 {
        // Two adjusters were handed the same claim: take-next is broken, whatever its speed.
        return Err(msg!(
            "error-database",
            detail = format!(
                "take-next handed {} claims to the wrong adjuster or to two",
                report.collisions
            )
        )
        .into());
    }
    Ok(())
}

/// `prakan bench reconcile`: a sample statement imported and matched as a finance user,
/// then its unmatched lines resolved by hand; the payments it paid are given back
/// afterwards (see `prakan::bench::reconcile`).
async fn reconcile(args: &BenchArgs, settings: &Settings, ctx: Ctx) -> Outcome {
    use prakan::bench::reconcile::{self, ReconcileBenchOptions};
    let lang = ctx.lang;
    let (target, admin) = open(settings, ctx).await?;
    let quiet = args.json;
    let report = reconcile::run(
        &admin,
        ReconcileBenchOptions {
            lines: args.statement_lines.clamp(1, 1_000_000),
            manual: args.iterations.unwrap_or(1_000).max(1),
        },
        progress(lang, quiet),
    )
    .await
    .map_err(|e| super::Failure(e.message()))?;
    admin.close().await;
    if args.json {
        print_json(&report)?;
        return Ok(());
    }
    println!("{}", target.describe());
    let row =
        |what: &str, value: String| vec![tr!(lang, "bench-reconcile-row", what = what), value];
    let mix = &report.mix;
    let matched = &report.matched;
    let rows = vec![
        row("pending", report.pending_payments.to_string()),
        row("as", report.finance_user.clone()),
        row(
            "mix",
            format!(
                "{} / {} / {} / {} / {}",
                mix.reference, mix.less_withholding, mix.by_name, mix.other_payer, mix.unknown
            ),
        ),
        row("file", format!("{:.1}", report.file_bytes as f64 / 1e6)),
        row("parse", format!("{:.2}", report.parse_seconds)),
        row("stage", format!("{:.2}", report.stage_seconds)),
        row("import", format!("{:.2}", report.import_seconds)),
        row("end-to-end", format!("{:.2}", report.end_to_end_seconds)),
        row("rate", format!("{:.0}", report.lines_per_second)),
        row("new-lines", report.new_lines.to_string()),
        row(
            "matched",
            format!(
                "{} / {} / {} / {}",
                matched.reference,
                matched.reference_less_withholding,
                matched.amount_date_name,
                matched.unmatched
            ),
        ),
        row(
            "by-hand",
            format!("{} / {}", report.looked_at, report.without_candidate),
        ),
        row(
            "restored",
            format!(
                "{} / {} ({:.1} s)",
                report.restored_payments, report.removed_receipts, report.restore_seconds
            ),
        ),
    ];
    let headers =
        ["what", "value"].map(|column| tr!(lang, "bench-reconcile-column", column = column));
    super::table::print(&headers, &rows);
    println!();
    let timing = |name: &str, s: &prakan::bench::Summary| {
        vec![
            name.to_string(),
            report.pending_payments.to_string(),
            s.operations.to_string(),
            "1".to_string(),
            format!("{:.3}", s.p50_ms),
            format!("{:.3}", s.p95_ms),
            format!("{:.3}", s.p99_ms),
            format!("{:.3}", s.mean_ms),
            format!("{:.0}", s.per_second),
        ]
    };
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
    super::table::print(
        &headers,
        &[
            timing("reconcile-candidates", &report.candidates),
            timing("reconcile-manual-match", &report.manual_match),
        ],
    );
    println!();
    println!(
        "{}",
        tr!(
            lang,
            "bench-reconcile-targets",
            rate = format!("{:.0}", report.lines_per_second),
            rate_target = format!("{:.0}", report.targets.lines_per_second),
            p95 = format!("{:.1}", report.manual_match.p95_ms),
            p95_target = format!("{:.0}", report.targets.manual_match_p95_ms)
        )
    );
    Ok(())
}

/// `prakan bench oversight`: the charts and the audit trail's pages as an auditor, the
/// health screen as an administrator; with `--audit-rows N` the trail is first brought up
/// to N rows (see `prakan::bench::oversight`).
async fn oversight(args: &BenchArgs, settings: &Settings, ctx: Ctx) -> Outcome {
    use prakan::bench::oversight::{self, OversightBenchOptions};
    let lang = ctx.lang;
    let (target, admin) = open(settings, ctx).await?;
    let quiet = args.json;
    let report = oversight::run(
        &admin,
        OversightBenchOptions {
            iterations: args.iterations.unwrap_or(200).max(1),
            audit_rows: args.audit_rows,
        },
        progress(lang, quiet),
    )
    .await
    .map_err(|e| super::Failure(e.message()))?;
    admin.close().await;
    if args.json {
        print_json(&report)?;
        return Ok(());
    }
    println!("{}", target.describe());
    println!(
        "{}",
        tr!(
            lang,
            "bench-oversight-as",
            auditor = report.auditor.as_str(),
            admin = report.admin.as_str(),
            rows = report.audit_rows
        )
    );
    if let Some(fill) = report.fill.as_ref().filter(|fill| fill.added == 0) {
        println!(
            "{}",
            tr!(
                lang,
                "bench-oversight-fill-none",
                wanted = fill.wanted,
                present = fill.present
            )
        );
    } else if let Some(fill) = &report.fill {
        println!(
            "{}",
            tr!(
                lang,
                "bench-oversight-fill",
                wanted = fill.wanted,
                present = fill.present,
                added = fill.added,
                partitions = fill.partitions_created,
                insert = format!("{:.0}", fill.insert_seconds),
                vacuum = format!("{:.0}", fill.vacuum_seconds)
            )
        );
    }
    let rows: Vec<Vec<String>> = report
        .measures
        .iter()
        .map(|m| {
            let s = &m.summary;
            vec![
                m.name.to_string(),
                tr!(lang, "bench-oversight-group", group = m.as_group),
                s.operations.to_string(),
                if m.rows_min == m.rows_max {
                    m.rows_min.to_string()
                } else {
                    format!("{}–{}", m.rows_min, m.rows_max)
                },
                format!("{:.2}", s.p50_ms),
                format!("{:.2}", s.p95_ms),
                format!("{:.2}", s.max_ms),
                tr!(
                    lang,
                    "bench-oversight-target",
                    target = format!("{:.0}", m.target_p95_ms),
                    met = if m.met() { "yes" } else { "no" }
                ),
            ]
        })
        .collect();
    let headers = [
        "measure", "as", "ops", "rows", "p50", "p95", "max", "target",
    ]
    .map(|column| tr!(lang, "bench-oversight-column", column = column));
    super::table::print(&headers, &rows);
    println!();
    println!(
        "{}",
        tr!(
            lang,
            "bench-oversight-targets",
            page = format!("{:.0}", oversight::TARGET_AUDIT_PAGE_P95_MS),
            chart = format!("{:.0}", oversight::TARGET_CHART_P95_MS),
            health = format!("{:.0}", oversight::TARGET_HEALTH_P95_MS)
        )
    );
    Ok(())
}

/// Prints a report as pretty JSON (`--json`).
fn print_json(report: &impl serde::Serialize) -> std::io::Result<()> {
    let text = serde_json::to_string_pretty(report).map_err(std::io::Error::other)?;
    println!("{text}");
    Ok(())
}
