//! Finance's work by hand, one transaction per action with optimistic locking: the
//! cockpit's lines and their ranked candidates, matching (one line to one or several
//! payments, each paid with its receipt / tax invoice), disputing, undoing a match; the
//! payments overview with ageing; counter payments; payouts of claim settlements and refunds.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use sqlx::PgPool;
use uuid::Uuid;

use crate::db::customers::SaveError;

/// A statement line still to resolve (unmatched or disputed), oldest first.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct OpenLine {
    pub id: Uuid,
    pub account_code: String,
    pub booked_at: DateTime<Utc>,
    pub amount: Decimal,
    pub ref1: Option<String>,
    pub ref2: Option<String>,
    pub description: String,
    pub status: String,
    pub dispute_note: Option<String>,
    /// Whole days since it was booked, in Bangkok.
    pub age_days: i32,
    pub version: i32,
}

/// The most lines the cockpit loads.
pub const OPEN_LINES: i64 = 500;

pub async fn open_lines(pool: &PgPool) -> sqlx::Result<Vec<OpenLine>> {
    todo!("{pool:?}")
}

/// Why a payment is offered for a line: each field that agrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Agreement {
    /// Ref1 or Ref2 is the payment's reference or its policy's number.
    Reference,
    /// The line's amount is what is due.
    Amount,
    /// The line's amount is what is due less the 1 % a juristic customer withholds.
    AmountLessWithholding,
    /// Booked within 3 days of the due date (the days apart).
    DateNear(i64),
    /// The description is like the customer's name (similarity, 0–1).
    Name(f32),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub payment_id: Uuid,
    pub version: i32,
    pub reference: Option<String>,
    pub policy_number: Option<String>,
    pub customer_name: String,
    pub juristic: bool,
    pub payment_type: String,
    pub installment: Option<(i32, i32)>,
    pub due_date: Option<NaiveDate>,
    pub amount_due: Decimal,
    /// What the customer may withhold (juristic, from 1,000 baht), else zero.
    pub withholding: Decimal,
    pub agreements: Vec<Agreement>,
}

impl Candidate {
    /// How many fields agree: the ranking.
    pub fn score(&self) -> usize {
        self.agreements.len()
    }
}

/// Pending incoming payments that could be this line, best first (at most 20).
pub async fn candidates(pool: &PgPool, line_id: Uuid) -> sqlx::Result<Vec<Candidate>> {
    todo!("{pool:?} {line_id}")
}

/// Part of a line paying one payment: the money applied and what the customer withheld.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Allocation {
    pub payment_id: Uuid,
    pub amount: Decimal,
    pub withholding: Decimal,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct IssuedReceipt {
    pub payment_id: Uuid,
    pub receipt_id: Uuid,
    pub receipt_number: String,
}

/// Matches the line (as loaded at `version`) to one payment, or splits it over several:
/// each payment becomes SUCCESS and MATCHED with its receipt, in one transaction.
pub async fn match_line(
    pool: &PgPool,
    line_id: Uuid,
    version: i32,
    allocations: &[Allocation],
) -> Result<Vec<IssuedReceipt>, SaveError> {
    todo!("{pool:?} {line_id} {version} {allocations:?}")
}

/// Undoes a line's matches: the payments are owed again, their receipts voided (kept, with
/// their numbers), the line unmatched; the matches stay, marked undone with the reason.
pub async fn unmatch(
    pool: &PgPool,
    line_id: Uuid,
    version: i32,
    reason: &str,
) -> Result<i32, SaveError> {
    todo!("{pool:?} {line_id} {version} {reason}")
}

/// Marks a line disputed with a note (or, with `None`, settles the dispute: unmatched).
pub async fn dispute(
    pool: &PgPool,
    line_id: Uuid,
    version: i32,
    note: Option<&str>,
) -> Result<i32, SaveError> {
    todo!("{pool:?} {line_id} {version} {note:?}")
}

/// Overdue incoming payments by days past due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgeBucket {
    UpTo30,
    UpTo60,
    UpTo90,
    Over90,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BucketFigure {
    pub bucket: AgeBucket,
    pub count: i64,
    pub amount: Decimal,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct StatusFigure {
    pub direction: String,
    pub payment_type: String,
    pub status: String,
    pub count: i64,
    pub amount: Decimal,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Overview {
    /// Incoming payments past due, by age.
    pub overdue: Vec<BucketFigure>,
    /// Incoming payments due within the next 30 days.
    pub due_soon: (i64, Decimal),
    /// Outgoing payments waiting for finance (claim settlements, refunds).
    pub payouts_waiting: (i64, Decimal),
    pub by_status: Vec<StatusFigure>,
}

pub async fn overview(pool: &PgPool) -> sqlx::Result<Overview> {
    todo!("{pool:?}")
}

/// An incoming payment still owed, for the counter.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct OwedPayment {
    pub id: Uuid,
    pub version: i32,
    pub reference: Option<String>,
    pub policy_number: Option<String>,
    pub customer_name: String,
    pub payment_type: String,
    pub installment_number: Option<i32>,
    pub total_installments: Option<i32>,
    pub due_date: Option<NaiveDate>,
    pub amount_due: Decimal,
    pub days_overdue: i32,
}

/// Owed incoming payments, most overdue first; `search` narrows by reference, policy number
/// or customer name (at most 200).
pub async fn owed_payments(pool: &PgPool, search: &str) -> sqlx::Result<Vec<OwedPayment>> {
    todo!("{pool:?} {search}")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CounterMethod {
    Cash,
    Cheque,
    Card,
}

impl CounterMethod {
    pub fn as_db(self) -> &'static str {
        match self {
            CounterMethod::Cash => "CASH",
            CounterMethod::Cheque => "CHEQUE",
            CounterMethod::Card => "CREDIT_CARD",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CounterPayment {
    pub method: CounterMethod,
    /// The cheque number or the card slip's reference; none for cash.
    pub reference: Option<String>,
    /// A card's last four digits.
    pub card_last_four: Option<String>,
    pub withholding: Decimal,
}

/// Records a payment made at the counter: SUCCESS with its receipt, in one transaction.
pub async fn record_counter_payment(
    pool: &PgPool,
    payment_id: Uuid,
    version: i32,
    payment: &CounterPayment,
) -> Result<IssuedReceipt, SaveError> {
    todo!("{pool:?} {payment_id} {version} {payment:?}")
}

/// An outgoing payment waiting for finance: a claim settlement or a refund.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Payout {
    pub id: Uuid,
    pub version: i32,
    pub payment_type: String,
    pub reference: Option<String>,
    pub claim_number: Option<String>,
    pub policy_number: Option<String>,
    pub payee_name: String,
    pub amount: Decimal,
    pub bank_code: Option<String>,
    pub bank_account_number: Option<String>,
    pub created_at: DateTime<Utc>,
}

pub async fn pending_payouts(pool: &PgPool) -> sqlx::Result<Vec<Payout>> {
    todo!("{pool:?}")
}

#[derive(Debug, Clone, PartialEq)]
pub struct Transfer {
    /// Bank code of the payee's bank (DOMAIN §7).
    pub bank_code: String,
    /// The payee's account as typed; stored masked (only the last four digits kept).
    pub account_number: String,
    pub transfer_reference: String,
    pub paid_at: DateTime<Utc>,
}

/// Records the transfer of a payout: the payment SUCCESS with the masked account; a claim
/// settlement becomes PAID, which settles its claim. One transaction.
pub async fn record_payout(
    pool: &PgPool,
    payment_id: Uuid,
    version: i32,
    transfer: &Transfer,
) -> Result<i32, SaveError> {
    todo!("{pool:?} {payment_id} {version} {transfer:?}")
}

/// "123-4-56789-0" → "xxx-x-x6789-0": every digit but the last five hidden, the layout kept.
pub fn mask_account(account: &str) -> String {
    let digits = account.chars().filter(char::is_ascii_digit).count();
    let mut seen = 0;
    account
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                seen += 1;
                if seen + 5 <= digits { 'x' } else { c }
            } else {
                c
            }
        })
        .collect()
}
