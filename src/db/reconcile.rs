//! Importing bank statements and matching their lines to payments automatically: one
//! transaction per file (whole or nothing), idempotent by the file's hash and each line's
//! key, then the matching rules in order, set-based, each match naming its rule.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use sqlx::PgPool;
use uuid::Uuid;

use crate::domain::statement::ParsedStatement;

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct BankAccount {
    pub id: Uuid,
    pub code: String,
    pub bank_code: String,
    pub account_number: String,
    pub account_name: String,
}

pub async fn accounts(pool: &PgPool) -> sqlx::Result<Vec<BankAccount>> {
    todo!("{pool:?}")
}

/// A column mapping finance saved (`statement_profiles`); the mapping is the JSON of
/// `domain::statement::CsvMapping`.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct SavedProfile {
    pub code: String,
    pub name: String,
    pub mapping: serde_json::Value,
}

pub async fn saved_profiles(pool: &PgPool) -> sqlx::Result<Vec<SavedProfile>> {
    todo!("{pool:?}")
}

/// Saves (or replaces) a column mapping under its code.
pub async fn save_profile(pool: &PgPool, profile: &SavedProfile) -> sqlx::Result<()> {
    todo!("{pool:?} {profile:?}")
}

/// How many lines each rule matched, and how many stay for the cockpit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MatchCounts {
    pub reference: u64,
    pub reference_less_withholding: u64,
    pub amount_date_name: u64,
    pub unmatched: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImportOutcome {
    pub statement_id: Uuid,
    pub lines: usize,
    /// Lines not seen before on this account (overlapping files add the rest once).
    pub new_lines: usize,
    pub matched: MatchCounts,
}

#[derive(Debug)]
pub enum ImportError {
    /// This very file was imported into this account before.
    AlreadyImported {
        statement_id: Uuid,
        at: DateTime<Utc>,
    },
    NoSuchAccount(String),
    Database(sqlx::Error),
}

impl From<sqlx::Error> for ImportError {
    fn from(error: sqlx::Error) -> ImportError {
        ImportError::Database(error)
    }
}

/// What an import is about: which account, read with which profile, from which file.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportSource {
    pub account_code: String,
    pub profile_code: String,
    pub file_name: String,
    pub sha256: String,
}

/// Imports a read statement in one transaction and matches its new lines. `progress` is
/// told how many lines are stored so far.
pub async fn import(
    pool: &PgPool,
    source: &ImportSource,
    statement: &ParsedStatement,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<ImportOutcome, ImportError> {
    progress(0);
    todo!("{pool:?} {source:?} {}", statement.lines.len())
}

/// Runs the matching rules over every unmatched incoming line (all statements), in one
/// transaction; returns what each rule matched.
pub async fn auto_match_all(pool: &PgPool) -> sqlx::Result<MatchCounts> {
    todo!("{pool:?}")
}

/// The amount a juristic customer withholds from a premium payment of `due` (1 % of the
/// VAT base, net + stamp, which is 100/107 of what is due), from 1,000 baht (DOMAIN §6).
pub fn withholding_on(due: Decimal) -> Decimal {
    use rust_decimal_macros::dec;
    if due < dec!(1000) {
        return Decimal::ZERO;
    }
    (due * dec!(100) / dec!(107) * dec!(0.01)).round_dp(2)
}
