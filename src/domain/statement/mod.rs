//! Bank statements: the lines of a file, read through a profile (a CSV column mapping, or
//! ISO 20022 CAMT.053), each with the key that makes importing it twice harmless.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;

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
