//! `prakan reconcile …`: bank statements from the command line.
//!
//! - `import FILE --profile P --account A --as USER`: reads the file through a built-in
//!   profile (KBANK, SCB, CAMT053) or a saved column mapping, and imports it into the account
//!   as the staff member who asks (the database lets only finance import), matching what the
//!   rules can; progress for large files, then the summary; a refused file lists its
//!   malformed lines and exits non-zero. A file imported before adds nothing.
//! - `sample FILE [--profile P] [--lines N] [--account A] [--seed S]`: writes a statement
//!   made from the database's pending premium payments, for trying prakan (see
//!   `prakan::bench::reconcile`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use clap::Subcommand;

use prakan::bench::reconcile::{SampleFormat, SampleOptions, sample_statement, write_sample};
use prakan::config::Settings;
use prakan::db::reconcile::{self, ImportError, ImportOutcome, ImportSource};
use prakan::domain::statement::{self, CsvMapping, Profile};
use prakan::i18n::Lang;
use prakan::i18n::format::{Calendar, date_time};
use prakan::{msg, tr};

use super::{Ctx, Failure, Outcome, open};

#[derive(Debug, Subcommand)]
pub enum ReconcileCommand {
    /// Import a bank statement into an account and match its lines to payments.
    Import {
        /// The statement file (CSV or CAMT.053 XML).
        file: PathBuf,
        /// KBANK, SCB, CAMT053 or the code of a saved column mapping.
        #[arg(long, value_name = "PROFILE")]
        profile: String,
        /// The insurer's account the statement is of (e.g. KBANK-PREMIUM).
        #[arg(long, value_name = "ACCOUNT")]
        account: String,
        /// The staff account to act as (PRAKAN_USER): finance.
        #[arg(long = "as", env = "PRAKAN_USER", value_name = "USERNAME")]
        username: String,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Write a sample statement of the database's pending payments, for trying prakan.
    Sample {
        /// The file to write (it must not exist).
        file: PathBuf,
        /// KBANK, SCB or CAMT053.
        #[arg(long, value_name = "PROFILE", default_value = "KBANK")]
        profile: String,
        /// Lines wanted (fewer when less is owed).
        #[arg(long, value_name = "N", default_value_t = 200)]
        lines: usize,
        /// The account (default: KBANK-PREMIUM, SCB-PREMIUM for SCB).
        #[arg(long, value_name = "ACCOUNT")]
        account: Option<String>,
        /// The same seed, database and day give the same file.
        #[arg(long, value_name = "N", default_value_t = 2569)]
        seed: u64,
    },
}

pub async fn run(command: ReconcileCommand, settings: &Settings, ctx: Ctx) -> Outcome {
    match command {
        ReconcileCommand::Import {
            file,
            profile,
            account,
            username,
            password_stdin,
        } => {
            import(
                settings,
                ctx,
                &file,
                &profile,
                &account,
                &username,
                password_stdin,
            )
            .await
        }
        ReconcileCommand::Sample {
            file,
            profile,
            lines,
            account,
            seed,
        } => sample(settings, ctx, &file, &profile, lines, account, seed).await,
    }
}

/// Files from this many lines show their progress.
const PROGRESS_FROM_LINES: usize = 2_000;

async fn import(
    settings: &Settings,
    ctx: Ctx,
    file: &Path,
    profile_code: &str,
    account: &str,
    username: &str,
    password_stdin: bool,
) -> Outcome {
    let lang = ctx.lang;
    let bytes = std::fs::read(file).map_err(|error| {
        msg!(
            "reconcile-cli-unreadable",
            path = file.display().to_string(),
            detail = error.to_string()
        )
    })?;
    let pool = super::log_in(settings, ctx, username, password_stdin).await?;
    let result = import_as(&pool, lang, file, &bytes, profile_code, account).await;
    pool.close().await;
    result
}

async fn import_as(
    pool: &sqlx::PgPool,
    lang: Lang,
    file: &Path,
    bytes: &[u8],
    profile_code: &str,
    account: &str,
) -> Outcome {
    let (profile_code, profile) = profile(pool, profile_code).await?;
    let parsed = match statement::parse(bytes, &profile) {
        Ok(parsed) => parsed,
        Err(error) => {
            if let statement::StatementError::Lines(problems) = &error {
                for problem in problems {
                    eprintln!("{}", problem.text(lang));
                }
            }
            return Err(msg!(
                "reconcile-cli-refused",
                path = file.display().to_string(),
                why = error.summary().text(lang)
            )
            .into());
        }
    };
    let total = parsed.lines.len();
    let source = ImportSource {
        account_code: account.trim().to_uppercase(),
        profile_code: profile_code.clone(),
        file_name: file.file_name().map_or_else(
            || file.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
        sha256: statement::sha256_hex(bytes),
    };
    let shows_progress = total >= PROGRESS_FROM_LINES;
    if shows_progress {
        eprintln!(
            "{}",
            tr!(
                lang,
                "reconcile-cli-importing",
                lines = total,
                account = source.account_code.as_str()
            )
        );
    }
    let started = Instant::now();
    let last_shown: Mutex<Option<Instant>> = Mutex::new(None);
    let on_progress = |stored: usize| {
        if !shows_progress {
            return;
        }
        let mut last = last_shown.lock().unwrap_or_else(|e| e.into_inner());
        let due = last.is_none_or(|at| at.elapsed() >= Duration::from_millis(200));
        if due || stored >= total {
            *last = Some(Instant::now());
            print_progress(lang, stored, total, started.elapsed());
        }
    };
    let outcome = reconcile::import(pool, &source, &parsed, &on_progress).await;
    if shows_progress {
        eprintln!();
    }
    match outcome {
        Ok(outcome) => {
            print_summary(lang, &source, &outcome, started.elapsed());
            Ok(())
        }
        Err(ImportError::AlreadyImported { at, .. }) => {
            println!(
                "{}",
                tr!(
                    lang,
                    "reconcile-cli-already",
                    path = file.display().to_string(),
                    account = source.account_code.as_str(),
                    at = date_time(lang, Calendar::default_for(lang), at)
                )
            );
            Ok(())
        }
        Err(ImportError::NoSuchAccount(code)) => {
            let known: Vec<String> = reconcile::accounts(pool)
                .await
                .map(|accounts| accounts.into_iter().map(|a| a.code).collect())
                .unwrap_or_default();
            Err(msg!(
                "reconcile-cli-no-account",
                account = code,
                known = known.join(", ")
            )
            .into())
        }
        Err(ImportError::BalanceMismatch {
            opening,
            lines_total,
            closing,
        }) => Err(prakan::domain::statement::StatementError::BalanceMismatch {
            opening,
            lines_total,
            closing,
        }
        .summary()
        .into()),
        Err(ImportError::Database(error)) => Err(Failure::from(error)),
    }
}

/// A built-in profile, else a saved column mapping, by its code (any case).
async fn profile(pool: &sqlx::PgPool, code: &str) -> Outcome<(String, Profile)> {
    let code = code.trim().to_uppercase();
    if let Some(profile) = statement::builtin_profile(&code) {
        return Ok((code, profile));
    }
    let saved = reconcile::saved_profiles(pool).await?;
    if let Some(found) = saved.iter().find(|p| p.code.eq_ignore_ascii_case(&code)) {
        let mapping: CsvMapping =
            serde_json::from_value(found.mapping.clone()).map_err(|error| {
                msg!(
                    "reconcile-cli-bad-mapping",
                    profile = found.code.as_str(),
                    detail = error.to_string()
                )
            })?;
        return Ok((found.code.clone(), Profile::Csv(mapping)));
    }
    let known: Vec<String> = statement::builtin_profiles()
        .into_iter()
        .map(|(code, _, _)| code.to_string())
        .chain(saved.into_iter().map(|p| p.code))
        .collect();
    Err(msg!(
        "reconcile-cli-no-profile",
        profile = code,
        known = known.join(", ")
    )
    .into())
}

fn print_progress(lang: Lang, stored: usize, total: usize, elapsed: Duration) {
    let percent = 100.0 * stored as f64 / total.max(1) as f64;
    let rate = stored as f64 / elapsed.as_secs_f64().max(0.001);
    eprint!(
        "\r{}   ",
        tr!(
            lang,
            "reconcile-cli-progress",
            stored = stored,
            total = total,
            percent = format!("{percent:.0}"),
            rate = format!("{rate:.0}")
        )
    );
    let _ = std::io::stderr().flush();
}

fn print_summary(lang: Lang, source: &ImportSource, outcome: &ImportOutcome, elapsed: Duration) {
    let row = |what: &str, value: String| vec![tr!(lang, "reconcile-cli-row", what = what), value];
    let matched = &outcome.matched;
    let rows = vec![
        row("file", source.file_name.clone()),
        row("account", source.account_code.clone()),
        row("profile", source.profile_code.clone()),
        row("lines", outcome.lines.to_string()),
        row("new-lines", outcome.new_lines.to_string()),
        row("reference", matched.reference.to_string()),
        row(
            "reference-wht",
            matched.reference_less_withholding.to_string(),
        ),
        row("amount-date-name", matched.amount_date_name.to_string()),
        row("unmatched", matched.unmatched.to_string()),
        row("seconds", format!("{:.1}", elapsed.as_secs_f64())),
    ];
    let headers =
        ["what", "value"].map(|column| tr!(lang, "reconcile-cli-column", column = column));
    super::table::print(&headers, &rows);
    if outcome.new_lines == 0 {
        println!("{}", tr!(lang, "reconcile-cli-nothing-new"));
    } else if matched.unmatched > 0 {
        println!();
        println!(
            "{}",
            tr!(lang, "reconcile-cli-left", count = matched.unmatched)
        );
    }
}

async fn sample(
    settings: &Settings,
    ctx: Ctx,
    file: &Path,
    profile: &str,
    lines: usize,
    account: Option<String>,
    seed: u64,
) -> Outcome {
    let lang = ctx.lang;
    let Some(format) = SampleFormat::from_code(profile) else {
        return Err(msg!(
            "reconcile-cli-sample-profile",
            profile = profile,
            known = SampleFormat::ALL.map(SampleFormat::code).join(", ")
        )
        .into());
    };
    if lines == 0 || lines > 1_000_000 {
        return Err(msg!("reconcile-cli-sample-lines").into());
    }
    let account_code = account
        .map(|a| a.trim().to_uppercase())
        .unwrap_or_else(|| format.default_account().to_string());
    let (_target, pool) = open(settings, ctx).await?;
    let accounts = reconcile::accounts(&pool).await?;
    let Some(account) = accounts.iter().find(|a| a.code == account_code) else {
        pool.close().await;
        return Err(msg!(
            "reconcile-cli-no-account",
            account = account_code,
            known = accounts
                .iter()
                .map(|a| a.code.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
        .into());
    };
    let statement = sample_statement(
        &pool,
        &SampleOptions {
            lines,
            seed,
            now: chrono::Utc::now(),
        },
    )
    .await;
    pool.close().await;
    let statement = statement?;
    if statement.mix.total() == statement.mix.unknown {
        return Err(msg!("reconcile-cli-sample-nothing-owed").into());
    }
    let text = write_sample(format, account, &statement);
    let mut out = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(file)
        .map_err(|error| {
            msg!(
                "reconcile-cli-unwritable",
                path = file.display().to_string(),
                detail = error.to_string()
            )
        })?;
    out.write_all(text.as_bytes())?;
    out.sync_all()?;
    let mix = statement.mix;
    println!(
        "{}",
        tr!(
            lang,
            "reconcile-cli-sample-written",
            path = file.display().to_string(),
            lines = mix.total(),
            account = account.code.as_str(),
            profile = format.code()
        )
    );
    let row = |what: &str, count: usize| {
        vec![
            tr!(lang, "reconcile-cli-sample-row", what = what),
            count.to_string(),
        ]
    };
    let rows = vec![
        row("reference", mix.reference),
        row("less-withholding", mix.less_withholding),
        row("by-name", mix.by_name),
        row("other-payer", mix.other_payer),
        row("unknown", mix.unknown),
    ];
    let headers =
        ["what", "value"].map(|column| tr!(lang, "reconcile-cli-column", column = column));
    super::table::print(&headers, &rows);
    println!();
    println!(
        "{}",
        tr!(
            lang,
            "reconcile-cli-sample-next",
            path = file.display().to_string(),
            account = account.code.as_str(),
            profile = format.code()
        )
    );
    Ok(())
}
