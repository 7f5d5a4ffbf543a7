//! Importing bank statements and matching their lines to payments automatically: one
//! transaction per file (whole or nothing), idempotent by the file's hash and each line's
//! key, then the matching rules in order, set-based, each match naming its rule.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use crate::db::customers::set_context;
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
    sqlx::query_as(
        "SELECT id, code, bank_code, account_number, account_name
           FROM bank_accounts WHERE is_active ORDER BY code",
    )
    .fetch_all(pool)
    .await
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
    sqlx::query_as("SELECT code, name, mapping FROM statement_profiles ORDER BY code")
        .fetch_all(pool)
        .await
}

/// Saves (or replaces) a column mapping under its code.
pub async fn save_profile(pool: &PgPool, profile: &SavedProfile) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    set_context(&mut tx, "STATEMENT_PROFILE").await?;
    sqlx::query(
        "INSERT INTO statement_profiles (code, name, mapping) VALUES ($1, $2, $3)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, mapping = EXCLUDED.mapping",
    )
    .bind(&profile.code)
    .bind(&profile.name)
    .bind(&profile.mapping)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
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
    /// The file states balances that its lines do not add up to.
    BalanceMismatch {
        opening: Decimal,
        lines_total: Decimal,
        closing: Decimal,
    },
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
    check_balances(statement)?;
    let mut tx = pool.begin().await?;
    set_context(&mut tx, "STATEMENT_IMPORT").await?;
    let account: Option<Uuid> = sqlx::query_scalar("SELECT id FROM bank_accounts WHERE code = $1")
        .bind(&source.account_code)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(account) = account else {
        return Err(ImportError::NoSuchAccount(source.account_code.clone()));
    };
    let earlier: Option<(Uuid, DateTime<Utc>)> = sqlx::query_as(
        "SELECT id, imported_at FROM bank_statements WHERE bank_account_id = $1 AND file_sha256 = $2",
    )
    .bind(account)
    .bind(&source.sha256)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some((statement_id, at)) = earlier {
        return Err(ImportError::AlreadyImported { statement_id, at });
    }
    stage_lines(&mut tx, statement, progress).await?;
    let new_lines = drop_known_lines(&mut tx, account).await?;
    let statement_id = insert_statement(&mut tx, account, source, statement, new_lines).await?;
    let matched = propose_matches(&mut tx, "staged_lines").await?;
    store_staged_lines(&mut tx, statement_id, account).await?;
    apply_matches(&mut tx).await?;
    tx.commit().await?;
    progress(statement.lines.len());
    Ok(ImportOutcome {
        statement_id,
        lines: statement.lines.len(),
        new_lines,
        matched,
    })
}

/// Opening plus the lines is the closing, when the file states both (the reader checks
/// this too; the service does not take it on trust).
fn check_balances(statement: &ParsedStatement) -> Result<(), ImportError> {
    let (Some(opening), Some(closing)) = (statement.opening_balance, statement.closing_balance)
    else {
        return Ok(());
    };
    let lines_total: Decimal = statement.lines.iter().map(|l| l.amount).sum();
    if opening + lines_total == closing {
        Ok(())
    } else {
        Err(ImportError::BalanceMismatch {
            opening,
            lines_total,
            closing,
        })
    }
}

async fn insert_statement(
    tx: &mut PgConnection,
    account: Uuid,
    source: &ImportSource,
    statement: &ParsedStatement,
    new_lines: usize,
) -> sqlx::Result<Uuid> {
    sqlx::query_scalar(
        "INSERT INTO bank_statements (bank_account_id, profile_code, file_name, file_sha256,
                                      period_from, period_to, opening_balance, closing_balance,
                                      line_count, new_line_count)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         RETURNING id",
    )
    .bind(account)
    .bind(&source.profile_code)
    .bind(&source.file_name)
    .bind(&source.sha256)
    .bind(statement.period.map(|p| p.0))
    .bind(statement.period.map(|p| p.1))
    .bind(statement.opening_balance)
    .bind(statement.closing_balance)
    .bind(statement.lines.len() as i32)
    .bind(new_lines as i32)
    .fetch_one(tx)
    .await
}

/// Lines go to a temporary table first: matched there, they are stored once, already
/// matched, instead of stored and then updated.
const STAGE_CHUNK: usize = 10_000;

async fn stage_lines(
    tx: &mut PgConnection,
    statement: &ParsedStatement,
    progress: &(dyn Fn(usize) + Sync),
) -> sqlx::Result<()> {
    sqlx::query(
        "CREATE TEMP TABLE staged_lines (
             id uuid NOT NULL DEFAULT gen_random_uuid(), line_number int NOT NULL,
             line_key text NOT NULL, booked_at timestamptz NOT NULL, amount numeric NOT NULL,
             ref1 text, ref2 text, description text NOT NULL, balance numeric,
             bank_reference text
         ) ON COMMIT DROP",
    )
    .execute(&mut *tx)
    .await?;
    for (index, chunk) in statement.lines.chunks(STAGE_CHUNK).enumerate() {
        sqlx::query(
            "INSERT INTO staged_lines (line_number, line_key, booked_at, amount, ref1, ref2,
                                       description, balance, bank_reference)
             SELECT * FROM unnest($1::int[], $2::text[], $3::timestamptz[], $4::numeric[],
                                  $5::text[], $6::text[], $7::text[], $8::numeric[], $9::text[])",
        )
        .bind(
            chunk
                .iter()
                .map(|l| l.line_number as i32)
                .collect::<Vec<_>>(),
        )
        .bind(chunk.iter().map(|l| l.key.as_str()).collect::<Vec<_>>())
        .bind(chunk.iter().map(|l| l.booked_at).collect::<Vec<_>>())
        .bind(chunk.iter().map(|l| l.amount).collect::<Vec<_>>())
        .bind(chunk.iter().map(|l| l.ref1.as_deref()).collect::<Vec<_>>())
        .bind(chunk.iter().map(|l| l.ref2.as_deref()).collect::<Vec<_>>())
        .bind(
            chunk
                .iter()
                .map(|l| l.description.as_str())
                .collect::<Vec<_>>(),
        )
        .bind(chunk.iter().map(|l| l.balance).collect::<Vec<_>>())
        .bind(
            chunk
                .iter()
                .map(|l| l.bank_reference.as_deref())
                .collect::<Vec<_>>(),
        )
        .execute(&mut *tx)
        .await?;
        progress(index * STAGE_CHUNK + chunk.len());
    }
    sqlx::query("ANALYZE staged_lines")
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Forgets the staged lines this account already has (an overlapping file); returns how
/// many are new.
async fn drop_known_lines(tx: &mut PgConnection, account: Uuid) -> sqlx::Result<usize> {
    sqlx::query(
        "DELETE FROM staged_lines s USING bank_statement_lines l
          WHERE l.bank_account_id = $1 AND l.line_key = s.line_key",
    )
    .bind(account)
    .execute(&mut *tx)
    .await?;
    // Two identical keys within one file cannot happen (the key counts occurrences), but a
    // file that repeats a bank reference keeps its first line.
    sqlx::query(
        "DELETE FROM staged_lines s USING staged_lines t
          WHERE s.line_key = t.line_key AND s.line_number > t.line_number",
    )
    .execute(&mut *tx)
    .await?;
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM staged_lines")
        .fetch_one(&mut *tx)
        .await?;
    Ok(count as usize)
}

async fn store_staged_lines(
    tx: &mut PgConnection,
    statement_id: Uuid,
    account: Uuid,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO bank_statement_lines
                (id, statement_id, bank_account_id, line_number, line_key, booked_at, amount,
                 ref1, ref2, description, balance, bank_reference, status, matched_amount,
                 matched_rule, created_by)
         SELECT s.id, $1, $2, s.line_number, s.line_key, s.booked_at, s.amount, s.ref1, s.ref2,
                s.description, s.balance, s.bank_reference,
                CASE WHEN m.line_id IS NULL THEN 'UNMATCHED' ELSE 'MATCHED' END,
                COALESCE(m.matched, 0), m.rule, (SELECT current_staff_id())
           FROM staged_lines s
           LEFT JOIN (SELECT line_id, sum(amount) AS matched, min(rule) AS rule
                        FROM proposed_matches GROUP BY line_id) m ON m.line_id = s.id",
    )
    .bind(statement_id)
    .bind(account)
    .execute(tx)
    .await
    .map(|_| ())
}

/// Runs the matching rules over every unmatched incoming line (all statements), in one
/// transaction; returns what each rule matched.
pub async fn auto_match_all(pool: &PgPool) -> sqlx::Result<MatchCounts> {
    let mut tx = pool.begin().await?;
    set_context(&mut tx, "AUTO_MATCH").await?;
    sqlx::query(
        "CREATE TEMP TABLE open_lines ON COMMIT DROP AS
         SELECT l.id, l.line_number, l.booked_at, l.amount, l.ref1, l.ref2, l.description
           FROM bank_statement_lines l
          WHERE l.status = 'UNMATCHED' AND l.amount > 0
            -- A line someone unmatched was decided by a person: the rules leave it alone.
            AND NOT EXISTS (SELECT 1 FROM reconciliation_matches m WHERE m.line_id = l.id)
          ORDER BY l.booked_at, l.line_number
            FOR UPDATE",
    )
    .execute(&mut *tx)
    .await?;
    let counts = propose_matches(&mut tx, "open_lines").await?;
    sqlx::query(
        "UPDATE bank_statement_lines l
            SET status = 'MATCHED', matched_amount = m.matched, matched_rule = m.rule
           FROM (SELECT line_id, sum(amount) AS matched, min(rule) AS rule
                   FROM proposed_matches GROUP BY line_id) m
          WHERE l.id = m.line_id",
    )
    .execute(&mut *tx)
    .await?;
    apply_matches(&mut tx).await?;
    tx.commit().await?;
    Ok(counts)
}

/// The matching rules, in order, over the incoming lines of `lines` (a temporary table with
/// id, line_number, booked_at, amount, ref1, ref2, description), into the temporary table
/// `proposed_matches`. A payment goes to one line and a line to one payment; each rule sees
/// only what the rules before it left. Each match carries the payment's whole key (id and
/// booking time): what follows reads one partition of payments per match, not all.
async fn propose_matches(tx: &mut PgConnection, lines: &str) -> sqlx::Result<MatchCounts> {
    sqlx::query(
        "CREATE TEMP TABLE proposed_matches (
             line_id uuid NOT NULL, payment_id uuid NOT NULL,
             payment_created_at timestamptz NOT NULL, booked_at timestamptz NOT NULL,
             amount numeric NOT NULL, withholding numeric NOT NULL, rule text NOT NULL
         ) ON COMMIT DROP",
    )
    .execute(&mut *tx)
    .await?;
    // Rule 1, by reference, in passes: several lines quoting one policy number pay its
    // instalments one each, earliest due first.
    for _ in 0..REFERENCE_PASSES {
        let added = sqlx::query(sqlx::AssertSqlSafe(
            RULE_REFERENCE.replace("{lines}", lines),
        ))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if added == 0 {
            break;
        }
    }
    sqlx::query(sqlx::AssertSqlSafe(
        RULE_AMOUNT_DATE_NAME.replace("{lines}", lines),
    ))
    .execute(&mut *tx)
    .await?;
    let (reference, less_withholding, by_name, incoming): (i64, i64, i64, i64) =
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT count(*) FILTER (WHERE rule = 'REFERENCE'),
                    count(*) FILTER (WHERE rule = 'REFERENCE_WHT'),
                    count(*) FILTER (WHERE rule = 'AMOUNT_DATE_NAME'),
                    (SELECT count(*) FROM {lines} WHERE amount > 0)
               FROM proposed_matches"
        )))
        .fetch_one(&mut *tx)
        .await?;
    Ok(MatchCounts {
        reference: reference as u64,
        reference_less_withholding: less_withholding as u64,
        amount_date_name: by_name as u64,
        unmatched: (incoming - reference - less_withholding - by_name).max(0) as u64,
    })
}

const REFERENCE_PASSES: usize = 3;

/// Rule 1: Ref1 or Ref2 is the payment's reference or its policy's number, and the amount
/// is what is due, or what is due less the 1 % a juristic customer withholds from 1,000
/// baht (`withholding_on`).
const RULE_REFERENCE: &str = "
    INSERT INTO proposed_matches (line_id, payment_id, payment_created_at, booked_at, amount,
                                  withholding, rule)
    SELECT line_id, payment_id, payment_created_at, booked_at, amount, withholding, rule
      FROM (
        SELECT DISTINCT ON (c.line_id) c.*
          FROM (
            SELECT DISTINCT ON (p.id)
                   s.id AS line_id, p.id AS payment_id, p.created_at AS payment_created_at,
                   s.booked_at, s.amount, p.due_date,
                   p.total_amount - s.amount AS withholding,
                   CASE WHEN s.amount = p.total_amount THEN 'REFERENCE' ELSE 'REFERENCE_WHT' END AS rule
              FROM {lines} s
              JOIN LATERAL (
                  SELECT p.id, p.created_at, p.customer_id, p.total_amount, p.due_date
                    FROM payments p
                   WHERE p.transaction_reference IN (s.ref1, s.ref2)
                     AND p.payment_status IN ('PENDING', 'PROCESSING')
                     AND p.payment_direction = 'INCOMING'
                  UNION
                  SELECT p.id, p.created_at, p.customer_id, p.total_amount, p.due_date
                    FROM policies pol
                    JOIN payments p ON p.policy_id = pol.id
                   WHERE pol.policy_number IN (s.ref1, s.ref2)
                     AND p.payment_status IN ('PENDING', 'PROCESSING')
                     AND p.payment_direction = 'INCOMING'
              ) p ON true
              JOIN customers cu ON cu.id = p.customer_id
             WHERE s.amount > 0
               AND NOT EXISTS (SELECT 1 FROM proposed_matches m WHERE m.line_id = s.id)
               AND NOT EXISTS (SELECT 1 FROM proposed_matches m WHERE m.payment_id = p.id)
               AND (s.amount = p.total_amount
                    OR (cu.customer_type = 'JURISTIC' AND p.total_amount >= 1000
                        AND s.amount = p.total_amount - round(p.total_amount * 100 / 107 * 0.01, 2)))
             ORDER BY p.id, s.line_number
          ) c
         ORDER BY c.line_id, c.due_date, c.payment_id
      ) picked";

/// Rule 2: exactly one payment still owed of the same amount, due within 3 days of the
/// booking, whose customer's name is like the description (RECONCILE_NAME_SIMILARITY) —
/// and that payment like no other line.
const RULE_AMOUNT_DATE_NAME: &str = "
    INSERT INTO proposed_matches (line_id, payment_id, payment_created_at, booked_at, amount,
                                  withholding, rule)
    SELECT line_id, payment_id, payment_created_at, booked_at, amount, 0, 'AMOUNT_DATE_NAME'
      FROM (
        SELECT s.id AS line_id, p.id AS payment_id, p.created_at AS payment_created_at,
               s.booked_at, s.amount,
               count(*) OVER (PARTITION BY s.id) AS payments_alike,
               count(*) OVER (PARTITION BY p.id) AS lines_alike
          FROM {lines} s
          JOIN payments p
            ON p.total_amount = s.amount
           AND p.payment_status IN ('PENDING', 'PROCESSING')
           AND p.due_date BETWEEN (s.booked_at AT TIME ZONE 'Asia/Bangkok')::date - 3
                              AND (s.booked_at AT TIME ZONE 'Asia/Bangkok')::date + 3
           AND p.payment_direction = 'INCOMING'
          JOIN customers cu ON cu.id = p.customer_id
         WHERE s.amount > 0
           AND NOT EXISTS (SELECT 1 FROM proposed_matches m WHERE m.line_id = s.id)
           AND NOT EXISTS (SELECT 1 FROM proposed_matches m WHERE m.payment_id = p.id)
           AND word_similarity(concat_ws(' ', cu.first_name, cu.last_name), s.description)
               >= (SELECT config_value::real FROM system_configurations
                    WHERE config_key = 'RECONCILE_NAME_SIMILARITY')
      ) alike
     WHERE payments_alike = 1 AND lines_alike = 1";

/// Carries out the proposed matches: the match rows, the payments paid (SUCCESS,
/// MATCHED, paid when the bank booked it), and their receipts.
///
/// Each match reads its payment by the whole key, one partition. The planner prices a join
/// into payments as if every row read every month's partition (it leaves them out only
/// while running), so for thousands of matches it would rather scan the whole table, and
/// compile that plan (JIT) for longer than it runs: the lookups are written to go row by
/// row (a LATERAL subquery with LIMIT 1, or hash and merge joins off for the one UPDATE).
async fn apply_matches(tx: &mut PgConnection) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO reconciliation_matches (line_id, payment_id, payment_created_at, amount,
                                             withholding_tax, rule, previous_payment_status,
                                             created_by)
         SELECT m.line_id, m.payment_id, m.payment_created_at, m.amount, m.withholding, m.rule,
                p.payment_status, (SELECT current_staff_id())
           FROM proposed_matches m
          CROSS JOIN LATERAL (
                SELECT p.payment_status FROM payments p
                 WHERE p.id = m.payment_id AND p.created_at = m.payment_created_at
                 LIMIT 1) p",
    )
    .execute(&mut *tx)
    .await?;
    join_row_by_row(&mut *tx, true).await?;
    sqlx::query(
        "UPDATE payments p
            SET payment_status = 'SUCCESS', reconciliation_status = 'MATCHED',
                reconciled_at = now(), processed_at = now(), payment_date = m.booked_at
           FROM proposed_matches m
          WHERE p.id = m.payment_id AND p.created_at = m.payment_created_at",
    )
    .execute(&mut *tx)
    .await?;
    join_row_by_row(&mut *tx, false).await?;
    sqlx::query(
        "SELECT count(*) FROM issue_receipts(
             ARRAY(SELECT payment_id FROM proposed_matches ORDER BY booked_at, payment_id),
             ARRAY(SELECT payment_created_at FROM proposed_matches ORDER BY booked_at, payment_id),
             ARRAY(SELECT withholding FROM proposed_matches ORDER BY booked_at, payment_id),
             (now() AT TIME ZONE 'Asia/Bangkok')::date)",
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Hash and merge joins off (`true`) for the statements that follow, or back on, as
/// PostgreSQL has them by default (`false`). Only for a statement whose every join is a
/// lookup by key: other joins (fresh tables without statistics) would go wrong. (JIT is off
/// for the whole database: `db::migrate::secure_database`.)
async fn join_row_by_row(tx: &mut PgConnection, row_by_row: bool) -> sqlx::Result<()> {
    let setting = if row_by_row { "off" } else { "on" };
    sqlx::query(
        "SELECT set_config('enable_hashjoin', $1, true), set_config('enable_mergejoin', $1, true)",
    )
    .bind(setting)
    .execute(tx)
    .await
    .map(|_| ())
}

/// The amount a juristic customer withholds from a premium payment of `due` (1 % of the
/// VAT base, net + stamp, which is 100/107 of what is due), from 1,000 baht (DOMAIN §6).
pub fn withholding_on(due: Decimal) -> Decimal {
    use rust_decimal_macros::dec;
    if due < dec!(1000) {
        return Decimal::ZERO;
    }
    // Rounded half away from zero, as PostgreSQL's round() in the matching rule.
    (due * dec!(100) / dec!(107) * dec!(0.01))
        .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}
