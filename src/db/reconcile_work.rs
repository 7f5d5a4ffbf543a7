//! Finance's work by hand, one transaction per action with optimistic locking: the
//! cockpit's lines and their ranked candidates, matching (one line to one or several
//! payments, each paid with its receipt / tax invoice), disputing, undoing a match; the
//! payments overview with ageing; counter payments; payouts of claim settlements and refunds.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use crate::db::customers::{SaveError, commit_or_conflict, conflict, set_context};
use crate::db::reconcile::withholding_on;
use crate::domain::lookup::{Classified, classify};

/// A statement line still to resolve (unmatched or disputed), oldest first.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct OpenLine {
    pub id: Uuid,
    pub statement_id: Uuid,
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
    // Unmatched first, then disputed, each oldest first: two index reads, not one sort.
    let part = |status: &str| {
        format!(
            "(SELECT l.id, l.statement_id, a.code AS account_code, l.booked_at, l.amount, l.ref1, l.ref2,
                     l.description, l.status, l.dispute_note,
                     ((now() AT TIME ZONE 'Asia/Bangkok')::date
                       - (l.booked_at AT TIME ZONE 'Asia/Bangkok')::date) AS age_days,
                     l.version
                FROM bank_statement_lines l
                JOIN bank_accounts a ON a.id = l.bank_account_id
               WHERE l.status = '{status}'
               ORDER BY l.booked_at, l.id
               LIMIT {OPEN_LINES})"
        )
    };
    let sql = format!(
        "{} UNION ALL {} LIMIT {OPEN_LINES}",
        part("UNMATCHED"),
        part("DISPUTED")
    );
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .fetch_all(pool)
        .await
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
    /// When the payment was booked: with the id, its key (payments are partitioned by it).
    pub payment_created_at: DateTime<Utc>,
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

    fn days_apart(&self) -> i64 {
        self.agreements
            .iter()
            .find_map(|a| match a {
                Agreement::DateNear(days) => Some(days.abs()),
                _ => None,
            })
            .unwrap_or(i64::MAX)
    }
}

/// Pending incoming payments that could be this line, best first (at most 20).
pub async fn candidates(pool: &PgPool, line_id: Uuid) -> sqlx::Result<Vec<Candidate>> {
    let rows: Vec<CandidateRow> = sqlx::query_as(
        "WITH l AS (SELECT * FROM bank_statement_lines WHERE id = $1),
         found AS (
             SELECT p.id, p.created_at FROM payments p, l
              WHERE p.transaction_reference IN (l.ref1, l.ref2)
                AND p.payment_status IN ('PENDING', 'PROCESSING') AND p.payment_direction = 'INCOMING'
             UNION
             SELECT p.id, p.created_at FROM l, policies pol JOIN payments p ON p.policy_id = pol.id
              WHERE pol.policy_number IN (l.ref1, l.ref2)
                AND p.payment_status IN ('PENDING', 'PROCESSING') AND p.payment_direction = 'INCOMING'
             UNION
             (SELECT p.id, p.created_at FROM payments p, l
               WHERE p.total_amount BETWEEN l.amount AND l.amount * 1.011
                 AND p.payment_status IN ('PENDING', 'PROCESSING') AND p.payment_direction = 'INCOMING'
                 AND p.due_date BETWEEN (l.booked_at AT TIME ZONE 'Asia/Bangkok')::date - 15
                                    AND (l.booked_at AT TIME ZONE 'Asia/Bangkok')::date + 15
               ORDER BY abs(p.due_date - (l.booked_at AT TIME ZONE 'Asia/Bangkok')::date)
               LIMIT 50)
         )
         SELECT p.id AS payment_id, p.created_at AS payment_created_at, p.version,
                p.transaction_reference AS reference,
                pol.policy_number, concat_ws(' ', cu.first_name, cu.last_name) AS customer_name,
                cu.customer_type = 'JURISTIC' AS juristic, p.payment_type,
                p.installment_number, p.total_installments, p.due_date,
                p.total_amount AS amount_due, l.amount AS line_amount,
                (p.transaction_reference IN (l.ref1, l.ref2)
                 OR pol.policy_number IN (l.ref1, l.ref2)) IS TRUE AS reference_agrees,
                p.due_date - (l.booked_at AT TIME ZONE 'Asia/Bangkok')::date AS days_apart,
                word_similarity(concat_ws(' ', cu.first_name, cu.last_name), l.description)
                    AS name_similarity
           FROM found
           JOIN payments p ON p.id = found.id AND p.created_at = found.created_at
           JOIN customers cu ON cu.id = p.customer_id
           LEFT JOIN policies pol ON pol.id = p.policy_id
          CROSS JOIN l",
    )
    .bind(line_id)
    .fetch_all(pool)
    .await?;
    let mut candidates: Vec<Candidate> =
        rows.into_iter().map(CandidateRow::into_candidate).collect();
    candidates.sort_by(|a, b| {
        b.score()
            .cmp(&a.score())
            .then_with(|| a.days_apart().cmp(&b.days_apart()))
    });
    candidates.truncate(CANDIDATES);
    Ok(candidates)
}

const CANDIDATES: usize = 20;

/// Names at least this alike count as agreeing (as RECONCILE_NAME_SIMILARITY's default).
const NAME_AGREES: f32 = 0.5;

#[derive(sqlx::FromRow)]
struct CandidateRow {
    payment_id: Uuid,
    payment_created_at: DateTime<Utc>,
    version: i32,
    reference: Option<String>,
    policy_number: Option<String>,
    customer_name: String,
    juristic: bool,
    payment_type: String,
    installment_number: Option<i32>,
    total_installments: Option<i32>,
    due_date: Option<NaiveDate>,
    amount_due: Decimal,
    line_amount: Decimal,
    reference_agrees: bool,
    days_apart: Option<i32>,
    name_similarity: f32,
}

impl CandidateRow {
    fn into_candidate(self) -> Candidate {
        let withholding = if self.juristic {
            withholding_on(self.amount_due)
        } else {
            Decimal::ZERO
        };
        let mut agreements = Vec::new();
        if self.reference_agrees {
            agreements.push(Agreement::Reference);
        }
        if self.line_amount == self.amount_due {
            agreements.push(Agreement::Amount);
        } else if !withholding.is_zero() && self.line_amount == self.amount_due - withholding {
            agreements.push(Agreement::AmountLessWithholding);
        }
        if let Some(days) = self.days_apart.filter(|d| d.abs() <= 3) {
            agreements.push(Agreement::DateNear(i64::from(days)));
        }
        if self.name_similarity >= NAME_AGREES {
            agreements.push(Agreement::Name(self.name_similarity));
        }
        Candidate {
            payment_id: self.payment_id,
            payment_created_at: self.payment_created_at,
            version: self.version,
            reference: self.reference,
            policy_number: self.policy_number,
            customer_name: self.customer_name,
            juristic: self.juristic,
            payment_type: self.payment_type,
            installment: self.installment_number.zip(self.total_installments),
            due_date: self.due_date,
            amount_due: self.amount_due,
            withholding,
            agreements,
        }
    }
}

/// Part of a line paying one payment: the money applied and what the customer withheld.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Allocation {
    pub payment_id: Uuid,
    /// The payment's booking time (its candidate's): with the id, the payment's key.
    pub payment_created_at: DateTime<Utc>,
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
    let mut tx = pool.begin().await?;
    set_context(&mut tx, "MATCH").await?;
    if !lock_line(&mut tx, line_id, version).await? {
        return Err(refuse(tx, "bank_statement_lines", line_id).await?);
    }
    let rule = if allocations.len() > 1 {
        "SPLIT"
    } else {
        "MANUAL"
    };
    let payments: Vec<Uuid> = allocations.iter().map(|a| a.payment_id).collect();
    let booked: Vec<DateTime<Utc>> = allocations.iter().map(|a| a.payment_created_at).collect();
    // A payment not found (or a wrong booking time) is left to the foreign key to refuse.
    sqlx::query(
        "INSERT INTO reconciliation_matches (line_id, payment_id, payment_created_at, amount,
                                             withholding_tax, rule, previous_payment_status)
         SELECT $1, a.payment_id, a.booked, a.amount, a.withholding, $2,
                COALESCE(p.payment_status, 'PENDING')
           FROM unnest($3::uuid[], $4::timestamptz[], $5::numeric[], $6::numeric[])
                AS a(payment_id, booked, amount, withholding)
           LEFT JOIN payments p ON p.id = a.payment_id AND p.created_at = a.booked",
    )
    .bind(line_id)
    .bind(rule)
    .bind(&payments)
    .bind(&booked)
    .bind(allocations.iter().map(|a| a.amount).collect::<Vec<_>>())
    .bind(
        allocations
            .iter()
            .map(|a| a.withholding)
            .collect::<Vec<_>>(),
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE payments p
            SET payment_status = 'SUCCESS', reconciliation_status = 'MATCHED',
                reconciled_at = now(), processed_at = now(), payment_date = l.booked_at
           FROM bank_statement_lines l, unnest($2::uuid[], $3::timestamptz[]) AS a(id, booked)
          WHERE l.id = $1 AND p.id = a.id AND p.created_at = a.booked",
    )
    .bind(line_id)
    .bind(&payments)
    .bind(&booked)
    .execute(&mut *tx)
    .await?;
    let receipts = issue_receipts(
        &mut tx,
        &payments,
        &booked,
        &allocations
            .iter()
            .map(|a| a.withholding)
            .collect::<Vec<_>>(),
    )
    .await?;
    let total: Decimal = allocations.iter().map(|a| a.amount).sum();
    sqlx::query(
        "UPDATE bank_statement_lines
            SET status = 'MATCHED', matched_amount = sign(amount) * $2, matched_rule = $3
          WHERE id = $1",
    )
    .bind(line_id)
    .bind(total)
    .bind(rule)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(receipts)
}

/// Locks the line as loaded at `version`; false when it changed since (or is gone).
async fn lock_line(tx: &mut PgConnection, line_id: Uuid, version: i32) -> sqlx::Result<bool> {
    let found: Option<i32> = sqlx::query_scalar(
        "SELECT version FROM bank_statement_lines WHERE id = $1 AND version = $2 FOR UPDATE",
    )
    .bind(line_id)
    .bind(version)
    .fetch_optional(tx)
    .await?;
    Ok(found.is_some())
}

/// Ends a transaction whose record changed since it was loaded: who changed it, or gone.
async fn refuse(
    mut tx: sqlx::Transaction<'_, sqlx::Postgres>,
    table: &'static str,
    id: Uuid,
) -> sqlx::Result<SaveError> {
    let refusal = conflict(&mut tx, table, id).await?;
    tx.rollback().await?;
    Ok(refusal)
}

/// The receipts of paid payments, each named by its whole key (id, booking time).
async fn issue_receipts(
    tx: &mut PgConnection,
    payments: &[Uuid],
    booked: &[DateTime<Utc>],
    withholdings: &[Decimal],
) -> sqlx::Result<Vec<IssuedReceipt>> {
    sqlx::query_as(
        "SELECT payment_id, receipt_id, receipt_number
           FROM issue_receipts($1, $2, $3, (now() AT TIME ZONE 'Asia/Bangkok')::date)",
    )
    .bind(payments)
    .bind(booked)
    .bind(withholdings)
    .fetch_all(tx)
    .await
}

/// Undoes a line's matches: the payments are owed again, their receipts voided (kept, with
/// their numbers), the line unmatched; the matches stay, marked undone with the reason.
pub async fn unmatch(
    pool: &PgPool,
    line_id: Uuid,
    version: i32,
    reason: &str,
) -> Result<i32, SaveError> {
    let mut tx = pool.begin().await?;
    set_context(&mut tx, "UNMATCH").await?;
    if !lock_line(&mut tx, line_id, version).await? {
        return Err(refuse(tx, "bank_statement_lines", line_id).await?);
    }
    let undone: Vec<(Uuid, DateTime<Utc>, String)> = sqlx::query_as(
        "UPDATE reconciliation_matches
            SET undone_at = now(), undone_by = current_staff_id(), undo_reason = $2
          WHERE line_id = $1 AND undone_at IS NULL
          RETURNING payment_id, payment_created_at, previous_payment_status",
    )
    .bind(line_id)
    .bind(reason.trim())
    .fetch_all(&mut *tx)
    .await?;
    let payments: Vec<Uuid> = undone.iter().map(|(id, _, _)| *id).collect();
    let booked: Vec<DateTime<Utc>> = undone.iter().map(|(_, booked, _)| *booked).collect();
    let previous: Vec<&str> = undone
        .iter()
        .map(|(_, _, status)| status.as_str())
        .collect();
    sqlx::query(
        "UPDATE payments p
            SET payment_status = u.previous, reconciliation_status = 'PENDING',
                reconciled_at = NULL, processed_at = NULL, payment_date = NULL
           FROM unnest($1::uuid[], $2::timestamptz[], $3::text[]) AS u(id, booked, previous)
          WHERE p.id = u.id AND p.created_at = u.booked",
    )
    .bind(&payments)
    .bind(&booked)
    .bind(&previous)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE payment_receipts SET voided_at = now(), void_reason = $2
          WHERE payment_id = ANY ($1) AND voided_at IS NULL",
    )
    .bind(&payments)
    .bind(format!("ยกเลิกการจับคู่ · Unmatched: {}", reason.trim()))
    .execute(&mut *tx)
    .await?;
    let new_version: i32 = sqlx::query_scalar(
        "UPDATE bank_statement_lines
            SET status = 'UNMATCHED', matched_amount = 0, matched_rule = NULL
          WHERE id = $1 RETURNING version",
    )
    .bind(line_id)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(new_version)
}

/// One line of a statement as the statement view shows it, whatever its status.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct StatementRow {
    pub id: Uuid,
    pub version: i32,
    pub line_number: i32,
    pub booked_at: DateTime<Utc>,
    pub amount: Decimal,
    pub ref1: Option<String>,
    pub ref2: Option<String>,
    pub description: String,
    pub status: String,
    pub matched_rule: Option<String>,
    pub dispute_note: Option<String>,
    /// The receipts its live matches issued.
    pub receipt_numbers: Vec<String>,
}

/// A statement and its lines in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementLines {
    pub statement_id: Uuid,
    pub account_code: String,
    pub file_name: String,
    pub imported_at: DateTime<Utc>,
    pub rows: Vec<StatementRow>,
}

/// The lines of a statement (the newest imported when `None`), in file order; `None` when
/// there is no such statement.
pub async fn statement_lines(
    pool: &PgPool,
    statement_id: Option<Uuid>,
) -> sqlx::Result<Option<StatementLines>> {
    let head: Option<(Uuid, String, String, DateTime<Utc>)> = sqlx::query_as(
        "SELECT s.id, a.code, s.file_name, s.imported_at
           FROM bank_statements s JOIN bank_accounts a ON a.id = s.bank_account_id
          WHERE $1::uuid IS NULL OR s.id = $1
          ORDER BY s.imported_at DESC, s.id
          LIMIT 1",
    )
    .bind(statement_id)
    .fetch_optional(pool)
    .await?;
    let Some((statement_id, account_code, file_name, imported_at)) = head else {
        return Ok(None);
    };
    let rows = sqlx::query_as(
        "SELECT l.id, l.version, l.line_number, l.booked_at, l.amount, l.ref1, l.ref2,
                l.description, l.status, l.matched_rule, l.dispute_note,
                ARRAY(SELECT r.receipt_number::text
                        FROM reconciliation_matches m
                        JOIN payment_receipts r ON r.payment_id = m.payment_id AND r.voided_at IS NULL
                       WHERE m.line_id = l.id AND m.undone_at IS NULL
                       ORDER BY r.receipt_number) AS receipt_numbers
           FROM bank_statement_lines l
          WHERE l.statement_id = $1
          ORDER BY l.line_number",
    )
    .bind(statement_id)
    .fetch_all(pool)
    .await?;
    Ok(Some(StatementLines {
        statement_id,
        account_code,
        file_name,
        imported_at,
        rows,
    }))
}

/// Marks a line disputed with a note (or, with `None`, settles the dispute: unmatched).
pub async fn dispute(
    pool: &PgPool,
    line_id: Uuid,
    version: i32,
    note: Option<&str>,
) -> Result<i32, SaveError> {
    let mut tx = pool.begin().await?;
    set_context(
        &mut tx,
        if note.is_some() {
            "DISPUTE"
        } else {
            "DISPUTE_SETTLED"
        },
    )
    .await?;
    let saved: Option<i32> = sqlx::query_scalar(
        "UPDATE bank_statement_lines
            SET status = CASE WHEN $3::text IS NULL THEN 'UNMATCHED' ELSE 'DISPUTED' END,
                dispute_note = $3
          WHERE id = $1 AND version = $2
          RETURNING version",
    )
    .bind(line_id)
    .bind(version)
    .bind(note.map(str::trim))
    .fetch_optional(&mut *tx)
    .await?;
    commit_or_conflict(tx, saved, "bank_statement_lines", line_id).await
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
    let ageing: AgeingRow = sqlx::query_as(
        "WITH owed AS (
             SELECT total_amount,
                    (now() AT TIME ZONE 'Asia/Bangkok')::date - due_date AS days
               FROM payments
              WHERE payment_direction = 'INCOMING' AND payment_status IN ('PENDING', 'PROCESSING')
                AND due_date IS NOT NULL
         )
         SELECT count(*) FILTER (WHERE days BETWEEN 1 AND 30) AS n30,
                COALESCE(sum(total_amount) FILTER (WHERE days BETWEEN 1 AND 30), 0) AS a30,
                count(*) FILTER (WHERE days BETWEEN 31 AND 60) AS n60,
                COALESCE(sum(total_amount) FILTER (WHERE days BETWEEN 31 AND 60), 0) AS a60,
                count(*) FILTER (WHERE days BETWEEN 61 AND 90) AS n90,
                COALESCE(sum(total_amount) FILTER (WHERE days BETWEEN 61 AND 90), 0) AS a90,
                count(*) FILTER (WHERE days > 90) AS nover,
                COALESCE(sum(total_amount) FILTER (WHERE days > 90), 0) AS aover,
                count(*) FILTER (WHERE days BETWEEN -30 AND 0) AS nsoon,
                COALESCE(sum(total_amount) FILTER (WHERE days BETWEEN -30 AND 0), 0) AS asoon
           FROM owed",
    )
    .fetch_one(pool)
    .await?;
    let payouts: (i64, Decimal) = sqlx::query_as(
        "SELECT count(*), COALESCE(sum(total_amount), 0) FROM payments
          WHERE payment_direction = 'OUTGOING' AND payment_status IN ('PENDING', 'PROCESSING')",
    )
    .fetch_one(pool)
    .await?;
    let by_status = sqlx::query_as(
        "SELECT payment_direction AS direction, payment_type, payment_status AS status,
                count(*) AS count, COALESCE(sum(total_amount), 0) AS amount
           FROM payments
          GROUP BY 1, 2, 3
          ORDER BY 1 DESC, 2, 3",
    )
    .fetch_all(pool)
    .await?;
    Ok(Overview {
        overdue: vec![
            BucketFigure {
                bucket: AgeBucket::UpTo30,
                count: ageing.n30,
                amount: ageing.a30,
            },
            BucketFigure {
                bucket: AgeBucket::UpTo60,
                count: ageing.n60,
                amount: ageing.a60,
            },
            BucketFigure {
                bucket: AgeBucket::UpTo90,
                count: ageing.n90,
                amount: ageing.a90,
            },
            BucketFigure {
                bucket: AgeBucket::Over90,
                count: ageing.nover,
                amount: ageing.aover,
            },
        ],
        due_soon: (ageing.nsoon, ageing.asoon),
        payouts_waiting: payouts,
        by_status,
    })
}

#[derive(sqlx::FromRow)]
struct AgeingRow {
    n30: i64,
    a30: Decimal,
    n60: i64,
    a60: Decimal,
    n90: i64,
    a90: Decimal,
    nover: i64,
    aover: Decimal,
    nsoon: i64,
    asoon: Decimal,
}

/// An incoming payment still owed, for the counter.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct OwedPayment {
    pub id: Uuid,
    pub version: i32,
    /// A juristic customer may withhold 1 % (DOMAIN §6).
    pub juristic: bool,
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
    let search = search.trim();
    // A payment reference directly; anything else through the jump box's customer search.
    let (reference, customers): (Option<&str>, Option<Vec<Uuid>>) = if search.is_empty() {
        (None, None)
    } else if search.to_uppercase().starts_with("PAY-") {
        (Some(search), None)
    } else {
        (None, Some(customers_found(pool, search).await?))
    };
    sqlx::query_as(
        "SELECT p.id, p.version, cu.customer_type = 'JURISTIC' AS juristic,
                p.transaction_reference AS reference, pol.policy_number,
                concat_ws(' ', cu.first_name, cu.last_name) AS customer_name, p.payment_type,
                p.installment_number, p.total_installments, p.due_date,
                p.total_amount AS amount_due,
                COALESCE((now() AT TIME ZONE 'Asia/Bangkok')::date - p.due_date, 0) AS days_overdue
           FROM payments p
           JOIN customers cu ON cu.id = p.customer_id
           LEFT JOIN policies pol ON pol.id = p.policy_id
          WHERE p.payment_direction = 'INCOMING' AND p.payment_status IN ('PENDING', 'PROCESSING')
            AND ($1::text IS NULL OR upper(p.transaction_reference) = upper($1))
            AND ($2::uuid[] IS NULL OR p.customer_id = ANY ($2))
          ORDER BY p.due_date NULLS LAST, p.id
          LIMIT 200",
    )
    .bind(reference)
    .bind(customers)
    .fetch_all(pool)
    .await
}

/// The customers the jump box finds for the text (none while it is not a complete search).
async fn customers_found(pool: &PgPool, text: &str) -> sqlx::Result<Vec<Uuid>> {
    let Classified::Ready(lookup) = classify(text) else {
        return Ok(Vec::new());
    };
    let page = crate::db::lookup::search(pool, &lookup, false, 0).await?;
    Ok(page.hits.iter().map(|hit| hit.customer_id).collect())
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
    let mut tx = pool.begin().await?;
    set_context(&mut tx, "COUNTER_PAYMENT").await?;
    let paid: Option<(Decimal, DateTime<Utc>)> = sqlx::query_as(
        "UPDATE payments
            SET payment_status = 'SUCCESS', reconciliation_status = 'MATCHED',
                reconciled_at = now(), processed_at = now(), payment_date = now(),
                payment_method = $3, payment_channel = 'COUNTER',
                card_last_four = COALESCE($4, card_last_four)
          WHERE id = $1 AND version = $2 AND payment_direction = 'INCOMING'
            AND payment_status IN ('PENDING', 'PROCESSING')
          RETURNING total_amount, created_at",
    )
    .bind(payment_id)
    .bind(version)
    .bind(payment.method.as_db())
    .bind(&payment.card_last_four)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((due, booked)) = paid else {
        return Err(refuse(tx, "payments", payment_id).await?);
    };
    sqlx::query(
        "INSERT INTO payment_transactions (payment_id, payment_created_at, transaction_type,
                                          amount, status, bank_reference)
         VALUES ($1, $2, 'CHARGE', $3, 'SUCCESS', $4)",
    )
    .bind(payment_id)
    .bind(booked)
    .bind(due - payment.withholding)
    .bind(&payment.reference)
    .execute(&mut *tx)
    .await?;
    let mut receipts =
        issue_receipts(&mut tx, &[payment_id], &[booked], &[payment.withholding]).await?;
    tx.commit().await?;
    Ok(receipts.remove(0))
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
    sqlx::query_as(
        "SELECT p.id, p.version, p.payment_type, p.transaction_reference AS reference,
                k.claim_number, pol.policy_number,
                COALESCE(s.payee_name, concat_ws(' ', cu.first_name, cu.last_name)) AS payee_name,
                p.total_amount AS amount, p.bank_code, p.bank_account_number, p.created_at
           FROM payments p
           JOIN customers cu ON cu.id = p.customer_id
           LEFT JOIN claims k ON k.id = p.claim_id
           LEFT JOIN policies pol ON pol.id = COALESCE(p.policy_id, k.policy_id)
           LEFT JOIN claim_settlements s ON s.payment_id = p.id AND s.status = 'PENDING'
          WHERE p.payment_direction = 'OUTGOING' AND p.payment_status IN ('PENDING', 'PROCESSING')
          ORDER BY p.created_at, p.id
          LIMIT 500",
    )
    .fetch_all(pool)
    .await
}

#[derive(Debug, Clone, PartialEq)]
pub struct Transfer {
    /// Bank code of the payee's bank (DOMAIN §7).
    pub bank_code: String,
    /// The payee's account as typed; stored masked (only the last five digits kept).
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
    let mut tx = pool.begin().await?;
    set_context(&mut tx, "PAYOUT").await?;
    let paid: Option<(i32, Decimal, DateTime<Utc>)> = sqlx::query_as(
        "UPDATE payments
            SET payment_status = 'SUCCESS', reconciliation_status = 'MATCHED',
                reconciled_at = now(), processed_at = now(), payment_date = $3,
                bank_code = $4, bank_account_number = $5, gateway_transaction_id = $6
          WHERE id = $1 AND version = $2 AND payment_direction = 'OUTGOING'
            AND payment_status IN ('PENDING', 'PROCESSING')
          RETURNING version, total_amount, created_at",
    )
    .bind(payment_id)
    .bind(version)
    .bind(transfer.paid_at)
    .bind(&transfer.bank_code)
    .bind(mask_account(&transfer.account_number))
    .bind(transfer.transfer_reference.trim())
    .fetch_optional(&mut *tx)
    .await?;
    let Some((new_version, amount, booked)) = paid else {
        return Err(refuse(tx, "payments", payment_id).await?);
    };
    sqlx::query(
        "INSERT INTO payment_transactions (payment_id, payment_created_at, transaction_type,
                                          amount, status, bank_code, bank_reference, occurred_at)
         VALUES ($1, $2, 'TRANSFER', $3, 'SUCCESS', $4, $5, $6)",
    )
    .bind(payment_id)
    .bind(booked)
    .bind(amount)
    .bind(&transfer.bank_code)
    .bind(transfer.transfer_reference.trim())
    .bind(transfer.paid_at)
    .execute(&mut *tx)
    .await?;
    // A claim settlement paid settles its claim (the trigger of 0021).
    sqlx::query(
        "UPDATE claim_settlements SET status = 'PAID', settled_at = $2
          WHERE payment_id = $1 AND status = 'PENDING'",
    )
    .bind(payment_id)
    .bind(transfer.paid_at)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(new_version)
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
