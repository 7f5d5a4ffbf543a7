//! Bank statements: the lines of a file, read through a profile (a CSV column mapping, or
//! ISO 20022 CAMT.053), each with the key that makes importing it twice harmless.
//!
//! `parse` reads a whole file or refuses it whole: every malformed line is reported with its
//! line number and the reason, and a file whose opening balance plus its lines does not make
//! its closing balance is refused. Pure: bytes in, lines out.

mod camt053;
mod csv_file;
mod mapping;
mod sample;
mod values;

#[cfg(test)]
mod tests;

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use sha2::{Digest, Sha256};

use crate::i18n::{Lang, Message};
use crate::msg;

pub use camt053::write_camt053;
pub use mapping::{AmountColumns, CsvMapping, DateColumn, Era};
pub use sample::{SampleLine, write_kbank_csv};

/// One movement on the account as the file has it. Money in is positive, money out
/// negative.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementLine {
    /// The line of the file it came from (1-based, counting header rows), for messages.
    pub line_number: u32,
    pub booked_at: DateTime<Utc>,
    pub amount: Decimal,
    pub ref1: Option<String>,
    pub ref2: Option<String>,
    pub description: String,
    pub balance: Option<Decimal>,
    /// The bank's own reference for the movement, when the file has one.
    pub bank_reference: Option<String>,
    /// Unique per account: the bank's reference, else date + amount + description + how
    /// many identical movements came before it in the file.
    pub key: String,
}

/// A whole file, read and checked: when it states opening and closing balances, the
/// opening plus the lines equals the closing.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParsedStatement {
    pub lines: Vec<StatementLine>,
    pub opening_balance: Option<Decimal>,
    pub closing_balance: Option<Decimal>,
    pub period: Option<(NaiveDate, NaiveDate)>,
}

/// How a file is read: a CSV column mapping, or ISO 20022 camt.053 XML. (One is made per
/// import: the size of the mapping does not matter.)
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum Profile {
    Csv(CsvMapping),
    Camt053,
}

/// The profiles prakan knows without being told: (code, name, profile). The codes are
/// `KBANK`, `SCB` and `CAMT053`; saved mappings (`statement_profiles`) come on top.
pub fn builtin_profiles() -> Vec<(&'static str, Message, Profile)> {
    vec![
        (
            "KBANK",
            msg!("statement-profile-kbank"),
            Profile::Csv(CsvMapping::kbank()),
        ),
        (
            "SCB",
            msg!("statement-profile-scb"),
            Profile::Csv(CsvMapping::scb()),
        ),
        (
            "CAMT053",
            msg!("statement-profile-camt053"),
            Profile::Camt053,
        ),
    ]
}

/// The built-in profile with this code (case-insensitive), if there is one.
pub fn builtin_profile(code: &str) -> Option<Profile> {
    builtin_profiles()
        .into_iter()
        .find(|(c, _, _)| c.eq_ignore_ascii_case(code.trim()))
        .map(|(_, _, profile)| profile)
}

/// One malformed line of a file and why.
#[derive(Debug, Clone, PartialEq)]
pub struct LineProblem {
    /// The physical line of a CSV file (1-based), or the entry's index in a CAMT.053 file.
    pub line: u32,
    pub problem: Message,
}

impl LineProblem {
    /// "Line 17: …" in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        crate::tr!(
            lang,
            "statement-line-problem",
            line = self.line,
            problem = self.problem.text(lang)
        )
    }
}

/// Why a file was refused (always whole: nothing of it is to be imported).
#[derive(Debug, Clone, PartialEq)]
pub enum StatementError {
    /// Every malformed line, in file order.
    Lines(Vec<LineProblem>),
    /// The opening balance plus the lines is not the closing balance.
    BalanceMismatch {
        opening: Decimal,
        lines_total: Decimal,
        closing: Decimal,
    },
    /// Not a file this profile reads (not UTF-8, not the right format, no header…).
    NotAStatement(Message),
}

impl StatementError {
    /// One sentence saying why the file was refused (the line problems are listed apart).
    pub fn summary(&self) -> Message {
        match self {
            StatementError::Lines(problems) => {
                msg!("statement-refused-lines", count = problems.len())
            }
            StatementError::BalanceMismatch {
                opening,
                lines_total,
                closing,
            } => msg!(
                "statement-balance-mismatch",
                opening = values::grouped(*opening),
                lines = values::grouped(*lines_total),
                expected = values::grouped(*opening + *lines_total),
                closing = values::grouped(*closing)
            ),
            StatementError::NotAStatement(message) => message.clone(),
        }
    }

    /// The summary, then one line per malformed line: for the command line.
    pub fn text(&self, lang: Lang) -> String {
        let mut text = self.summary().text(lang);
        if let StatementError::Lines(problems) = self {
            for problem in problems {
                text.push('\n');
                text.push_str(&problem.text(lang));
            }
        }
        text
    }
}

/// Reads a whole statement file with `profile`: every line, or the reasons why not.
pub fn parse(bytes: &[u8], profile: &Profile) -> Result<ParsedStatement, StatementError> {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    match profile {
        Profile::Csv(mapping) => csv_file::parse(bytes, mapping),
        Profile::Camt053 => camt053::parse(bytes),
    }
}

/// The SHA-256 of a file in lowercase hex (`bank_statements.file_sha256`).
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The longest references `bank_statement_lines` stores.
const MAX_REF: usize = 50;
const MAX_BANK_REFERENCE: usize = 100;
/// How much of a description goes into a line's key (`line_key` is at most 300 characters).
const KEY_DESCRIPTION_CHARS: usize = 200;

/// Sets each line's key: its bank reference, else `date|amount|description|n`, n counting
/// the lines with the same date, amount and description before it in the file.
fn assign_keys(lines: &mut [StatementLine]) {
    let mut seen: HashMap<(NaiveDate, Decimal, String), u32> = HashMap::new();
    for line in lines {
        line.key = match &line.bank_reference {
            Some(reference) => reference.clone(),
            None => {
                let date = values::bangkok(line.booked_at).date();
                let description: String = line
                    .description
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .chars()
                    .take(KEY_DESCRIPTION_CHARS)
                    .collect();
                let amount = line.amount.round_dp(2);
                let count = seen.entry((date, amount, description.clone())).or_insert(0);
                let key = format!("{date}|{amount:.2}|{description}|{count}");
                *count += 1;
                key
            }
        };
    }
}

/// The first and last booking dates (Bangkok time).
fn period_of(lines: &[StatementLine]) -> Option<(NaiveDate, NaiveDate)> {
    let dates = lines.iter().map(|l| values::bangkok(l.booked_at).date());
    let first = dates.clone().min()?;
    let last = dates.max()?;
    Some((first, last))
}

/// Refuses the file when both balances are known and the lines do not lead from one to
/// the other.
fn check_balances(
    opening: Option<Decimal>,
    closing: Option<Decimal>,
    lines: &[StatementLine],
) -> Result<(), StatementError> {
    let (Some(opening), Some(closing)) = (opening, closing) else {
        return Ok(());
    };
    let lines_total: Decimal = lines.iter().map(|l| l.amount).sum();
    if opening + lines_total == closing {
        Ok(())
    } else {
        Err(StatementError::BalanceMismatch {
            opening,
            lines_total,
            closing,
        })
    }
}

/// The file as text, or the line where it stops being UTF-8.
fn utf8(bytes: &[u8]) -> Result<&str, StatementError> {
    std::str::from_utf8(bytes).map_err(|error| {
        let line = bytes[..error.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        StatementError::NotAStatement(msg!("statement-not-utf8", line = line))
    })
}

/// The reference checks every format shares: trimmed, empty as none, not longer than the
/// database keeps.
fn reference(text: Option<&str>, max: usize) -> Result<Option<String>, Message> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    if text.chars().count() > max {
        return Err(msg!(
            "statement-line-reference-too-long",
            value = text,
            max = max
        ));
    }
    Ok(Some(text.to_string()))
}
