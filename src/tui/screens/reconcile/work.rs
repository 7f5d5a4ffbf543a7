//! The finance screen's work for the database, and what comes back. Each command runs in a
//! task of its own (see `tui::cmd`). An import reports its progress as it goes: `Cmd::spawn`
//! hands every reconciliation command a way to report besides its final answer, and only
//! the import uses it.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use sqlx::PgPool;
use uuid::Uuid;

use crate::db::customers::SaveError;
use crate::db::reconcile::{
    self, BankAccount, ImportError, ImportOutcome, ImportSource, SavedProfile,
};
use crate::db::reconcile_work::{
    self, Allocation, Candidate, CounterPayment, IssuedReceipt, OpenLine, Overview, OwedPayment,
    Payout, Transfer,
};
use crate::domain::statement::{
    self, CsvMapping, LineProblem, ParsedStatement, Profile, StatementError, builtin_profile,
};
use crate::i18n::Message;
use crate::msg;

/// How long the cockpit's selection must rest before its candidates load, and typing in
/// the owed payments' search box must pause before it searches.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// A change finance makes, with the version of the record it was made against.
#[derive(Debug, Clone, PartialEq)]
pub enum Write {
    Match {
        line_id: Uuid,
        version: i32,
        allocations: Vec<Allocation>,
    },
    Dispute {
        line_id: Uuid,
        version: i32,
        note: String,
    },
    ClearDispute {
        line_id: Uuid,
        version: i32,
    },
    Unmatch {
        line_id: Uuid,
        version: i32,
        reason: String,
    },
    Counter {
        payment_id: Uuid,
        version: i32,
        payment: CounterPayment,
    },
    Payout {
        payment_id: Uuid,
        version: i32,
        transfer: Transfer,
    },
}

/// What a change did.
#[derive(Debug, Clone, PartialEq)]
pub enum Written {
    Matched(Vec<IssuedReceipt>),
    Disputed { version: i32 },
    DisputeCleared { version: i32 },
    Unmatched { version: i32 },
    CounterPaid(IssuedReceipt),
    PaidOut { version: i32 },
}

/// A profile to read a statement with: a built-in one by its code, or a saved column
/// mapping (the JSON of `domain::statement::CsvMapping`).
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileChoice {
    pub code: String,
    pub mapping: Option<serde_json::Value>,
}

/// A file to import, as typed, into an account, read with a profile.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportRequest {
    pub path: String,
    pub account_code: String,
    pub profile: ProfileChoice,
}

/// Why a file could not be read from the disk.
#[derive(Debug, Clone, PartialEq)]
pub enum FileProblem {
    NotFound,
    NotAFile,
    NotReadable(String),
    Empty,
}

/// Why nothing was imported.
#[derive(Debug)]
pub enum ImportProblem {
    File(FileProblem),
    /// The file as a whole is not a statement the profile reads.
    Unreadable(Message),
    /// Lines the profile could not read.
    Lines(Vec<LineProblem>),
    /// The opening balance plus the movements is not the closing balance.
    Balance {
        opening: Decimal,
        movements: Decimal,
        closing: Decimal,
    },
    AlreadyImported {
        statement_id: Uuid,
        at: DateTime<Utc>,
    },
    NoSuchAccount(String),
    Database(sqlx::Error),
}

impl From<ImportError> for ImportProblem {
    fn from(error: ImportError) -> ImportProblem {
        match error {
            ImportError::AlreadyImported { statement_id, at } => {
                ImportProblem::AlreadyImported { statement_id, at }
            }
            ImportError::NoSuchAccount(code) => ImportProblem::NoSuchAccount(code),
            ImportError::BalanceMismatch {
                opening,
                lines_total,
                closing,
            } => ImportProblem::Balance {
                opening,
                movements: lines_total,
                closing,
            },
            ImportError::Database(error) => ImportProblem::Database(error),
        }
    }
}

pub use crate::db::reconcile_work::{StatementLines, StatementRow};

#[derive(Debug)]
pub enum ReconcileCmd {
    LoadOverview {
        request: u64,
    },
    /// Owed incoming payments; `pause` when it follows typing (search-as-you-type).
    LoadOwed {
        request: u64,
        search: String,
        pause: bool,
    },
    /// The accounts and the saved profiles the import form offers.
    LoadImportChoices {
        request: u64,
    },
    Import {
        request: u64,
        import: Box<ImportRequest>,
    },
    LoadLines {
        request: u64,
    },
    /// A line's candidates, once the selection has rested on it.
    LoadCandidates {
        request: u64,
        line_id: Uuid,
    },
    /// A statement's lines (`None`: the latest statement).
    LoadStatement {
        request: u64,
        statement_id: Option<Uuid>,
    },
    LoadPayouts {
        request: u64,
    },
    Write {
        request: u64,
        write: Box<Write>,
    },
    /// Print receipts / tax invoices (copies when printed before) into the data directory.
    PrintReceipts {
        request: u64,
        numbers: Vec<String>,
    },
}

#[derive(Debug)]
pub enum ReconcileMsg {
    OverviewLoaded {
        request: u64,
        result: Result<Overview, sqlx::Error>,
    },
    OwedLoaded {
        request: u64,
        result: Result<Vec<OwedPayment>, sqlx::Error>,
    },
    ImportChoicesLoaded {
        request: u64,
        result: Result<(Vec<BankAccount>, Vec<SavedProfile>), sqlx::Error>,
    },
    /// The import has stored `stored` of the file's `total` lines.
    ImportProgress {
        request: u64,
        stored: usize,
        total: usize,
    },
    Imported {
        request: u64,
        result: Result<ImportOutcome, ImportProblem>,
    },
    LinesLoaded {
        request: u64,
        result: Result<Vec<OpenLine>, sqlx::Error>,
    },
    CandidatesLoaded {
        request: u64,
        line_id: Uuid,
        result: Result<Vec<Candidate>, sqlx::Error>,
    },
    StatementLoaded {
        request: u64,
        result: Result<Option<StatementLines>, sqlx::Error>,
    },
    PayoutsLoaded {
        request: u64,
        result: Result<Vec<Payout>, sqlx::Error>,
    },
    Written {
        request: u64,
        result: Result<Written, SaveError>,
    },
    ReceiptsPrinted {
        request: u64,
        results:
            Vec<Result<crate::db::documents::PrintedReceipt, crate::db::documents::PrintError>>,
    },
}

impl ReconcileCmd {
    /// Reads that only the open screen wants (leaving it aborts them); writes and imports
    /// always finish.
    pub fn is_read(&self) -> bool {
        !matches!(
            self,
            ReconcileCmd::Import { .. }
                | ReconcileCmd::Write { .. }
                | ReconcileCmd::PrintReceipts { .. }
        )
    }

    /// Reads a replica may answer (see `Cmd::replica_safe`): only the overview's figures;
    /// the lines, candidates and payments that matching works on come from the primary.
    pub fn replica_safe(&self) -> bool {
        matches!(self, ReconcileCmd::LoadOverview { .. })
    }

    /// Commands of which only the newest may run (see `Cmd::slot`).
    pub fn slot(&self) -> Option<&'static str> {
        match self {
            ReconcileCmd::LoadOwed { pause: true, .. } => Some("reconcile-owed-search"),
            ReconcileCmd::LoadCandidates { .. } => Some("reconcile-candidates"),
            _ => None,
        }
    }

    /// Runs the command; `report` takes what it says before its answer (an import's
    /// progress).
    /// Runs on `pool`; printed receipts go under `data_dir`; an import reports its progress
    /// through `report`.
    pub async fn run(
        self,
        pool: PgPool,
        data_dir: &Path,
        report: &(dyn Fn(ReconcileMsg) + Sync),
    ) -> ReconcileMsg {
        match self {
            ReconcileCmd::LoadOverview { request } => ReconcileMsg::OverviewLoaded {
                request,
                result: reconcile_work::overview(&pool).await,
            },
            ReconcileCmd::LoadOwed {
                request,
                search,
                pause,
            } => {
                if pause {
                    tokio::time::sleep(DEBOUNCE).await;
                }
                ReconcileMsg::OwedLoaded {
                    request,
                    result: reconcile_work::owed_payments(&pool, search.trim()).await,
                }
            }
            ReconcileCmd::LoadImportChoices { request } => {
                let result = match reconcile::accounts(&pool).await {
                    Ok(accounts) => reconcile::saved_profiles(&pool)
                        .await
                        .map(|profiles| (accounts, profiles)),
                    Err(error) => Err(error),
                };
                ReconcileMsg::ImportChoicesLoaded { request, result }
            }
            ReconcileCmd::Import { request, import } => ReconcileMsg::Imported {
                request,
                result: run_import(&pool, &import, &|stored, total| {
                    report(ReconcileMsg::ImportProgress {
                        request,
                        stored,
                        total,
                    })
                })
                .await,
            },
            ReconcileCmd::LoadLines { request } => ReconcileMsg::LinesLoaded {
                request,
                result: reconcile_work::open_lines(&pool).await,
            },
            ReconcileCmd::LoadCandidates { request, line_id } => {
                tokio::time::sleep(DEBOUNCE).await;
                ReconcileMsg::CandidatesLoaded {
                    request,
                    line_id,
                    result: reconcile_work::candidates(&pool, line_id).await,
                }
            }
            ReconcileCmd::LoadStatement {
                request,
                statement_id,
            } => ReconcileMsg::StatementLoaded {
                request,
                result: reconcile_work::statement_lines(&pool, statement_id).await,
            },
            ReconcileCmd::LoadPayouts { request } => ReconcileMsg::PayoutsLoaded {
                request,
                result: reconcile_work::pending_payouts(&pool).await,
            },
            ReconcileCmd::Write { request, write } => ReconcileMsg::Written {
                request,
                result: write.run(&pool).await,
            },
            ReconcileCmd::PrintReceipts { request, numbers } => {
                let mut results = Vec::new();
                for number in numbers {
                    results
                        .push(crate::db::documents::print_receipt(&pool, data_dir, &number).await);
                }
                ReconcileMsg::ReceiptsPrinted { request, results }
            }
        }
    }
}

impl Write {
    async fn run(self, pool: &PgPool) -> Result<Written, SaveError> {
        match self {
            Write::Match {
                line_id,
                version,
                allocations,
            } => reconcile_work::match_line(pool, line_id, version, &allocations)
                .await
                .map(Written::Matched),
            Write::Dispute {
                line_id,
                version,
                note,
            } => reconcile_work::dispute(pool, line_id, version, Some(&note))
                .await
                .map(|version| Written::Disputed { version }),
            Write::ClearDispute { line_id, version } => {
                reconcile_work::dispute(pool, line_id, version, None)
                    .await
                    .map(|version| Written::DisputeCleared { version })
            }
            Write::Unmatch {
                line_id,
                version,
                reason,
            } => reconcile_work::unmatch(pool, line_id, version, &reason)
                .await
                .map(|version| Written::Unmatched { version }),
            Write::Counter {
                payment_id,
                version,
                payment,
            } => reconcile_work::record_counter_payment(pool, payment_id, version, &payment)
                .await
                .map(Written::CounterPaid),
            Write::Payout {
                payment_id,
                version,
                transfer,
            } => reconcile_work::record_payout(pool, payment_id, version, &transfer)
                .await
                .map(|version| Written::PaidOut { version }),
        }
    }
}

/// Reads the file, reads the statement in it, and imports it with its progress. Nothing is
/// imported when any of it fails.
async fn run_import(
    pool: &PgPool,
    import: &ImportRequest,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<ImportOutcome, ImportProblem> {
    let path = expand_home(import.path.trim());
    let bytes = read_file(&path).await.map_err(ImportProblem::File)?;
    let statement = read_statement(&bytes, &import.profile)?;
    let source = ImportSource {
        account_code: import.account_code.clone(),
        profile_code: import.profile.code.clone(),
        file_name: path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_else(|| import.path.trim().to_string()),
        sha256: statement::sha256_hex(&bytes),
    };
    let total = statement.lines.len();
    // A message per stored line would flood the screen: about a hundred steps at most.
    let step = (total / 100).max(1);
    let reported = AtomicUsize::new(0);
    let told = |stored: usize| {
        let last = reported.load(Ordering::Relaxed);
        if stored == 0 || stored >= total || stored >= last + step {
            reported.store(stored, Ordering::Relaxed);
            progress(stored, total);
        }
    };
    Ok(reconcile::import(pool, &source, &statement, &told).await?)
}

/// "~/statements/kbank.csv" → the home directory's statements folder.
fn expand_home(typed: &str) -> PathBuf {
    match (typed.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => Path::new(&home).join(rest),
        _ => PathBuf::from(typed),
    }
}

/// The file's bytes, or why they cannot be had.
pub async fn read_file(path: &Path) -> Result<Vec<u8>, FileProblem> {
    let problem = |error: std::io::Error| match error.kind() {
        std::io::ErrorKind::NotFound => FileProblem::NotFound,
        std::io::ErrorKind::IsADirectory => FileProblem::NotAFile,
        _ => FileProblem::NotReadable(error.to_string()),
    };
    let metadata = tokio::fs::metadata(path).await.map_err(problem)?;
    if !metadata.is_file() {
        return Err(FileProblem::NotAFile);
    }
    let bytes = tokio::fs::read(path).await.map_err(problem)?;
    if bytes.is_empty() {
        return Err(FileProblem::Empty);
    }
    Ok(bytes)
}

// ---- Where the screen meets the statement reader (`domain::statement`). ----

/// Reads the statement in a file with a profile: a built-in one by its code, or a saved
/// column mapping. A malformed line is reported with its line number, balances that do not
/// add up with their three figures.
pub fn read_statement(
    bytes: &[u8],
    profile: &ProfileChoice,
) -> Result<ParsedStatement, ImportProblem> {
    let code = profile.code.as_str();
    let reader = match &profile.mapping {
        Some(mapping) => {
            let mapping: CsvMapping = serde_json::from_value(mapping.clone()).map_err(|e| {
                ImportProblem::Unreadable(msg!(
                    "reconcile-import-bad-mapping",
                    code = code,
                    detail = e.to_string()
                ))
            })?;
            mapping.check().map_err(ImportProblem::Unreadable)?;
            Profile::Csv(mapping)
        }
        None => builtin_profile(code).ok_or_else(|| {
            ImportProblem::Unreadable(msg!("reconcile-import-no-profile", code = code))
        })?,
    };
    statement::parse(bytes, &reader).map_err(|error| match error {
        StatementError::Lines(problems) => ImportProblem::Lines(problems),
        StatementError::BalanceMismatch {
            opening,
            lines_total,
            closing,
        } => ImportProblem::Balance {
            opening,
            movements: lines_total,
            closing,
        },
        StatementError::NotAStatement(message) => ImportProblem::Unreadable(message),
    })
}
