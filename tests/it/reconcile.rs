//! Payment reconciliation (issue 7) against a real PostgreSQL. First the rules
//! `0022_reconciliation.sql` holds for everyone, psql included, tried in raw SQL as the staff
//! member: who may change payment and reconciliation state, receipts drawn only through
//! `issue_receipts` with gapless numbers, the match checks. Then the services on top:
//! idempotent imports, the matching rules in order, matching by hand with receipts / tax
//! invoices, undo, counter payments and payouts.
//!
//! Customers, policies and payments are put in place by the cluster owner (the system); every
//! step under test is taken by a logged-in member of staff.

use std::collections::BTreeSet;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use rand::{Rng, SeedableRng};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use sqlx::PgPool;
use sqlx::postgres::PgPoolOptions;
use uuid::Uuid;

use prakan::db::claim_work::{self, PayeeType, SettlementDraft, SettlementType};
use prakan::db::customers::SaveError;
use prakan::db::reconcile::{self, ImportError, ImportSource, MatchCounts};
use prakan::db::reconcile_work::{
    self, Agreement, Allocation, CounterMethod, CounterPayment, Transfer,
};
use prakan::domain::staff::GroupRole;
use prakan::domain::statement::{ParsedStatement, StatementLine};
use prakan::i18n::Lang;

use crate::fixtures::{self, date};
use crate::harness::{PASSWORD, TestDb, assert_refused_by, violation};

/// A member of staff logged in: their directory id, login and a pool connected as them.
struct Staff {
    id: Uuid,
    username: String,
    pool: PgPool,
}

async fn staff(db: &TestDb, group: GroupRole) -> Staff {
    staff_with_limit(db, group, Decimal::ZERO).await
}

async fn staff_with_limit(db: &TestDb, group: GroupRole, limit: Decimal) -> Staff {
    let username = db.create_staff_with_limit(group, limit).await;
    let id = db.staff_id(&username).await;
    let pool = db.login(&username, PASSWORD).await.expect("log in");
    Staff { id, username, pool }
}

/// A person with this Thai name (customer number `n`).
async fn person(pool: &PgPool, n: u64, first: &str, last: &str) -> Uuid {
    sqlx::query_scalar(
        "INSERT INTO customers (national_id, first_name, last_name, phone_number, tambon_code,
                                postal_code, address)
         VALUES ($1, $2, $3, '0812345678', '100101', '10200', '{\"house_no\": \"12/3\"}')
         RETURNING id",
    )
    .bind(fixtures::national_id(n))
    .bind(first)
    .bind(last)
    .fetch_one(pool)
    .await
    .expect("a person")
}

/// The juristic tax ID of company number `n`.
fn company_tax_id(n: u64) -> String {
    prakan::seed::synth::national_id_for(800_000 + n, true)
}

/// A company (juristic person) at its head office, number `n`.
async fn company(pool: &PgPool, n: u64, name: &str) -> Uuid {
    sqlx::query_scalar(
        "INSERT INTO customers (customer_type, national_id, first_name, branch_code, phone_number,
                                tambon_code, postal_code, address)
         VALUES ('JURISTIC', $1, $2, '00000', '022345678', '100101', '10200',
                 '{\"house_no\": \"99/1\", \"road\": \"ถนนวิภาวดีรังสิต\"}')
         RETURNING id",
    )
    .bind(company_tax_id(n))
    .bind(name)
    .fetch_one(pool)
    .await
    .expect("a company")
}

/// A customer's car with a Class 1 policy for 2026.
struct Insured {
    customer: Uuid,
    policy: Uuid,
    policy_number: String,
}

async fn insured(pool: &PgPool, customer: Uuid, n: u64) -> Insured {
    let vehicle = fixtures::vehicle(pool, customer, &format!("ฆง {}", 1000 + n), "10")
        .await
        .expect("a vehicle");
    let policy = fixtures::policy(
        pool,
        customer,
        vehicle,
        "CLASS_1",
        "2026-01-01",
        "2027-01-01",
    )
    .await
    .expect("a policy");
    // A number as the policy screen issues them, which the jump box knows.
    let policy_number = sqlx::query_scalar(
        "UPDATE policies SET policy_number = 'C1-2569-' || lpad($2::text, 7, '0') WHERE id = $1
         RETURNING policy_number",
    )
    .bind(policy)
    .bind(9_000_000 + n as i64)
    .fetch_one(pool)
    .await
    .unwrap();
    Insured {
        customer,
        policy,
        policy_number,
    }
}

/// A pending premium (or instalment `(n, of)`) of `due` baht, due on `due_date`, with the
/// bill payment reference given.
async fn owed(
    pool: &PgPool,
    insured: &Insured,
    due: Decimal,
    due_date: &str,
    reference: &str,
    instalment: Option<(i32, i32)>,
) -> Uuid {
    sqlx::query_scalar(
        "INSERT INTO payments (policy_id, customer_id, payment_type, amount, total_amount,
                               payment_method, transaction_reference, due_date,
                               installment_number, total_installments)
         VALUES ($1, $2, CASE WHEN $6::int IS NULL THEN 'PREMIUM' ELSE 'INSTALLMENT' END, $3, $3,
                 'BANK_TRANSFER', $4, $5, $6, $7)
         RETURNING id",
    )
    .bind(insured.policy)
    .bind(insured.customer)
    .bind(due)
    .bind(reference)
    .bind(date(due_date))
    .bind(instalment.map(|(n, _)| n))
    .bind(instalment.map(|(_, of)| of))
    .fetch_one(pool)
    .await
    .expect("a payment owed")
}

/// 10:00 in Bangkok on that day.
fn at(day: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(&format!("{day}T10:00:00+07:00"))
        .expect("a time")
        .with_timezone(&Utc)
}

/// A statement line as a parser would give it.
fn line(
    key: &str,
    day: &str,
    amount: Decimal,
    refs: (Option<&str>, Option<&str>),
    description: &str,
) -> StatementLine {
    StatementLine {
        line_number: 0,
        booked_at: at(day),
        amount,
        ref1: refs.0.map(str::to_string),
        ref2: refs.1.map(str::to_string),
        description: description.to_string(),
        balance: None,
        bank_reference: None,
        key: key.to_string(),
    }
}

/// A statement of these lines (numbered from the first data row), without balances.
fn statement(lines: Vec<StatementLine>) -> ParsedStatement {
    ParsedStatement {
        lines: lines
            .into_iter()
            .enumerate()
            .map(|(i, mut l)| {
                l.line_number = i as u32 + 2;
                l
            })
            .collect(),
        opening_balance: None,
        closing_balance: None,
        period: None,
    }
}

fn sha256(content: &str) -> String {
    hex::encode(Sha256::digest(content.as_bytes()))
}

fn source(account: &str, file_name: &str) -> ImportSource {
    ImportSource {
        account_code: account.to_string(),
        profile_code: "KBANK".to_string(),
        file_name: file_name.to_string(),
        sha256: sha256(file_name),
    }
}

async fn import(
    pool: &PgPool,
    source: &ImportSource,
    statement: &ParsedStatement,
) -> Result<reconcile::ImportOutcome, ImportError> {
    reconcile::import(pool, source, statement, &|_| {}).await
}

async fn count(pool: &PgPool, sql: &'static str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

/// The stored line with that key: (id, status, matched amount, matched rule, version).
async fn stored_line(pool: &PgPool, key: &str) -> (Uuid, String, Decimal, Option<String>, i32) {
    sqlx::query_as(
        "SELECT id, status, matched_amount, matched_rule, version FROM bank_statement_lines
          WHERE line_key = $1",
    )
    .bind(key)
    .fetch_one(pool)
    .await
    .unwrap_or_else(|e| panic!("no line {key}: {e}"))
}

/// What a payment's state is: status, reconciliation, reconciled_at and payment_date set.
#[derive(Debug, PartialEq, Eq, sqlx::FromRow)]
struct PaymentState {
    payment_status: String,
    reconciliation_status: String,
    reconciled: bool,
    paid: bool,
}

impl PaymentState {
    fn owed() -> PaymentState {
        PaymentState {
            payment_status: "PENDING".to_string(),
            reconciliation_status: "PENDING".to_string(),
            reconciled: false,
            paid: false,
        }
    }

    fn matched() -> PaymentState {
        PaymentState {
            payment_status: "SUCCESS".to_string(),
            reconciliation_status: "MATCHED".to_string(),
            reconciled: true,
            paid: true,
        }
    }
}

async fn payment_state(pool: &PgPool, payment: Uuid) -> PaymentState {
    sqlx::query_as(
        "SELECT payment_status, reconciliation_status, reconciled_at IS NOT NULL AS reconciled,
                payment_date IS NOT NULL AS paid
           FROM payments WHERE id = $1",
    )
    .bind(payment)
    .fetch_one(pool)
    .await
    .unwrap()
}

/// A payment's matches: (line, amount, withholding, rule, live).
type MatchRow = (Uuid, Decimal, Decimal, String, bool);

async fn matches_of(pool: &PgPool, payment: Uuid) -> Vec<MatchRow> {
    sqlx::query_as(
        "SELECT line_id, amount, withholding_tax, rule, undone_at IS NULL
           FROM reconciliation_matches WHERE payment_id = $1 ORDER BY created_at, id",
    )
    .bind(payment)
    .fetch_all(pool)
    .await
    .unwrap()
}

/// A receipt / tax invoice as stored, less its number and dates (checked on their own).
#[derive(Debug, PartialEq, sqlx::FromRow)]
struct TaxInvoice {
    receipt_type: String,
    /// The receipt and tax invoice numbers are one, `RC-<Buddhist year of issue>-NNNNNNN`.
    numbered_alike: bool,
    vat_amount: Option<Decimal>,
    withholding_tax: Option<Decimal>,
    seller_name: Option<String>,
    seller_address: Option<String>,
    seller_tax_id: Option<String>,
    seller_branch: Option<String>,
    buyer_name: Option<String>,
    buyer_address: Option<Value>,
    buyer_tax_id: Option<String>,
    buyer_branch: Option<String>,
    description: Option<String>,
    amount_before_vat: Option<Decimal>,
    total_amount: Option<Decimal>,
    amount_received: Option<Decimal>,
    live: bool,
}

const SELLER_NAME: &str = "บริษัท ประกันภัยประกัน จำกัด (มหาชน)";
const SELLER_ADDRESS: &str = "999 ถนนพระรามที่ 4 แขวงสีลม เขตบางรัก กรุงเทพมหานคร 10500";

async fn receipts_of(pool: &PgPool, payment: Uuid) -> Vec<TaxInvoice> {
    sqlx::query_as(
        "SELECT receipt_type,
                receipt_number = tax_invoice_number
                AND receipt_number ~ ('^RC-' || (extract(year FROM issued_date)::int + 543)
                                      || '-[0-9]{7}$') AS numbered_alike,
                vat_amount, withholding_tax, seller_name, seller_address, seller_tax_id,
                seller_branch, buyer_name, buyer_address, buyer_tax_id, buyer_branch,
                description, amount_before_vat, total_amount, amount_received,
                voided_at IS NULL AS live
           FROM payment_receipts WHERE payment_id = $1 ORDER BY receipt_number",
    )
    .bind(payment)
    .fetch_all(pool)
    .await
    .unwrap()
}

/// The receipt a premium of `due` paid in full gets, for customer number `n` as made by
/// `person` (สมหญิง-style individuals have no branch).
fn invoice(
    due: Decimal,
    withheld: Decimal,
    buyer: (&str, &str, Option<&str>),
    buyer_address: Value,
    description: String,
) -> TaxInvoice {
    let vat = (due * dec!(7) / dec!(107)).round_dp(2);
    TaxInvoice {
        receipt_type: "TAX_INVOICE".to_string(),
        numbered_alike: true,
        vat_amount: Some(vat),
        withholding_tax: (withheld > Decimal::ZERO).then_some(withheld),
        seller_name: Some(SELLER_NAME.to_string()),
        seller_address: Some(SELLER_ADDRESS.to_string()),
        seller_tax_id: Some("0107536000315".to_string()),
        seller_branch: Some("00000".to_string()),
        buyer_name: Some(buyer.0.to_string()),
        buyer_address: Some(buyer_address),
        buyer_tax_id: Some(buyer.1.to_string()),
        buyer_branch: buyer.2.map(str::to_string),
        description: Some(description),
        amount_before_vat: Some(due - vat),
        total_amount: Some(due),
        amount_received: Some(due - withheld),
        live: true,
    }
}

fn person_address() -> Value {
    json!({"house_no": "12/3", "tambon_code": "100101", "postal_code": "10200"})
}

fn company_address() -> Value {
    json!({"house_no": "99/1", "road": "ถนนวิภาวดีรังสิต", "tambon_code": "100101",
           "postal_code": "10200"})
}

/// The live receipt numbers of a payment.
async fn receipt_numbers(pool: &PgPool, payment: Uuid) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT receipt_number FROM payment_receipts WHERE payment_id = $1 ORDER BY receipt_number",
    )
    .bind(payment)
    .fetch_all(pool)
    .await
    .unwrap()
}

/// The serial of `RC-2569-0000042`: 42.
fn serial(number: &str) -> i64 {
    number.rsplit('-').next().unwrap().parse().unwrap()
}

#[track_caller]
fn assert_denied<T: std::fmt::Debug>(result: Result<T, sqlx::Error>, what: &str) {
    match result {
        Ok(value) => panic!("{what}: expected permission denied, but it was accepted: {value:?}"),
        Err(error) => assert_eq!(violation(&error).0, "42501", "{what}: {error}"),
    }
}

/// Draws receipts in raw SQL: `issue_receipts(ids, withholding, issued)` → the numbers.
async fn issue_receipts<'e>(
    executor: impl sqlx::PgExecutor<'e>,
    payments: &[Uuid],
    issued: &str,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT receipt_number FROM issue_receipts($1, $2, $3)")
        .bind(payments.to_vec())
        .bind(vec![Decimal::ZERO; payments.len()])
        .bind(date(issued))
        .fetch_all(executor)
        .await
}

/// How many receipt numbers were drawn, all years together.
async fn numbers_drawn(pool: &PgPool) -> i64 {
    count(
        pool,
        "SELECT COALESCE(sum(last_number), 0)::bigint FROM receipt_counters",
    )
    .await
}

async fn counter(pool: &PgPool, year_be: i32) -> Option<i64> {
    sqlx::query_scalar("SELECT last_number FROM receipt_counters WHERE year_be = $1")
        .bind(year_be)
        .fetch_optional(pool)
        .await
        .unwrap()
}

/// A statement line written by the system (its own one-line statement on the KBank account).
async fn raw_line(pool: &PgPool, key: &str, amount: Decimal) -> Uuid {
    let statement: Uuid = sqlx::query_scalar(
        "INSERT INTO bank_statements (bank_account_id, profile_code, file_name, file_sha256,
                                      line_count, new_line_count)
         SELECT id, 'KBANK', $1, $2, 1, 1 FROM bank_accounts WHERE code = 'KBANK-PREMIUM'
         RETURNING id",
    )
    .bind(format!("{key}.csv"))
    .bind(sha256(key))
    .fetch_one(pool)
    .await
    .unwrap();
    sqlx::query_scalar(
        "INSERT INTO bank_statement_lines (statement_id, bank_account_id, line_number, line_key,
                                           booked_at, amount, description)
         SELECT $1, bank_account_id, 2, $2, '2026-03-10 10:00+07', $3, 'โอนเงิน'
           FROM bank_statements WHERE id = $1
         RETURNING id",
    )
    .bind(statement)
    .bind(key)
    .bind(amount)
    .fetch_one(pool)
    .await
    .unwrap()
}

/// When the payment was booked: with its id, its key.
async fn booked(pool: &PgPool, payment: Uuid) -> DateTime<Utc> {
    sqlx::query_scalar("SELECT created_at FROM payments WHERE id = $1")
        .bind(payment)
        .fetch_one(pool)
        .await
        .expect("the payment's booking time")
}

/// A live match inserted in raw SQL.
async fn raw_match<'e>(
    executor: impl sqlx::PgExecutor<'e>,
    line: Uuid,
    payment: Uuid,
    amount: Decimal,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO reconciliation_matches (line_id, payment_id, amount, rule)
         VALUES ($1, $2, $3, 'MANUAL')",
    )
    .bind(line)
    .bind(payment)
    .bind(amount)
    .execute(executor)
    .await
    .map(|_| ())
}

// ---------------------------------------------------------------------------------------
// Who may change payment and reconciliation state, in raw SQL

#[tokio::test]
async fn adjusters_and_underwriters_cannot_pay_reconcile_or_issue_receipts_in_raw_sql() {
    let db = TestDb::new().await;
    let customer = person(&db.pool, 1, "สมชาย", "ใจดี").await;
    let insured = insured(&db.pool, customer, 1).await;
    let payment = owed(
        &db.pool,
        &insured,
        dec!(7490),
        "2026-03-10",
        "PAY-2569-00000001",
        None,
    )
    .await;
    let line = raw_line(&db.pool, "L-1", dec!(7490)).await;
    // A match and a receipt made by the system, for the updates to aim at.
    let paid = owed(
        &db.pool,
        &insured,
        dec!(1000),
        "2026-02-10",
        "PAY-2569-00000002",
        None,
    )
    .await;
    sqlx::query(
        "UPDATE payments SET payment_status = 'SUCCESS', payment_date = now() WHERE id = $1",
    )
    .bind(paid)
    .execute(&db.pool)
    .await
    .unwrap();
    issue_receipts(&db.pool, &[paid], "2026-02-10")
        .await
        .unwrap();
    let matched = owed(
        &db.pool,
        &insured,
        dec!(1000),
        "2026-02-10",
        "PAY-2569-00000003",
        None,
    )
    .await;
    let matched_line = raw_line(&db.pool, "L-2", dec!(1000)).await;
    raw_match(&db.pool, matched_line, matched, dec!(1000))
        .await
        .unwrap();
    let counter_before = counter(&db.pool, 2569).await;

    for group in [GroupRole::Adjuster, GroupRole::Underwriter] {
        let who = staff(&db, group).await;
        let pool = &who.pool;
        assert_denied(
            sqlx::query(
                "UPDATE payments SET payment_status = 'SUCCESS', payment_date = now(),
                                     reconciliation_status = 'MATCHED', reconciled_at = now()
                  WHERE id = $1",
            )
            .bind(payment)
            .execute(pool)
            .await,
            &format!("{group} marks a payment paid"),
        );
        assert_denied(
            sqlx::query("UPDATE payments SET payment_status = 'SUCCESS' WHERE id = $1")
                .bind(payment)
                .execute(pool)
                .await,
            &format!("{group} marks a payment SUCCESS"),
        );
        assert_denied(
            sqlx::query(
                "INSERT INTO payments (policy_id, customer_id, payment_type, amount, total_amount,
                                       payment_method, payment_status, payment_date)
                 VALUES ($1, $2, 'PREMIUM', 500, 500, 'CASH', 'SUCCESS', now())",
            )
            .bind(insured.policy)
            .bind(customer)
            .execute(pool)
            .await,
            &format!("{group} records a paid payment"),
        );
        assert_denied(
            raw_match(pool, line, payment, dec!(7490)).await,
            &format!("{group} inserts a match"),
        );
        assert_denied(
            sqlx::query(
                "UPDATE reconciliation_matches SET undone_at = now(), undo_reason = 'ไม่ใช่'",
            )
            .execute(pool)
            .await,
            &format!("{group} undoes a match"),
        );
        assert_denied(
            sqlx::query(
                "UPDATE bank_statement_lines SET status = 'MATCHED', matched_amount = amount
                  WHERE id = $1",
            )
            .bind(line)
            .execute(pool)
            .await,
            &format!("{group} marks a line matched"),
        );
        assert_denied(
            sqlx::query(
                "INSERT INTO bank_statement_lines (statement_id, bank_account_id, line_number,
                                                   line_key, booked_at, amount)
                 SELECT statement_id, bank_account_id, 3, 'L-3', now(), 100
                   FROM bank_statement_lines WHERE id = $1",
            )
            .bind(line)
            .execute(pool)
            .await,
            &format!("{group} adds a statement line"),
        );
        assert_denied(
            sqlx::query(
                "INSERT INTO bank_statements (bank_account_id, profile_code, file_name,
                                              file_sha256, line_count, new_line_count)
                 SELECT id, 'KBANK', 'x.csv', repeat('a', 64), 0, 0 FROM bank_accounts LIMIT 1",
            )
            .execute(pool)
            .await,
            &format!("{group} imports a statement"),
        );
        assert_denied(
            issue_receipts(pool, &[payment], "2026-03-10").await,
            &format!("{group} issues a receipt"),
        );
        assert_denied(
            sqlx::query(
                "INSERT INTO payment_receipts (payment_id, receipt_number, receipt_type)
                 VALUES ($1, 'RC-2569-9000001', 'TAX_INVOICE')",
            )
            .bind(payment)
            .execute(pool)
            .await,
            &format!("{group} writes a receipt"),
        );
        assert_denied(
            sqlx::query("UPDATE payment_receipts SET voided_at = now(), void_reason = 'x'")
                .execute(pool)
                .await,
            &format!("{group} voids a receipt"),
        );
        assert_denied(
            sqlx::query("UPDATE receipt_counters SET last_number = 0")
                .execute(pool)
                .await,
            &format!("{group} rewinds the receipt counter"),
        );
        assert_eq!(
            payment_state(&db.pool, payment).await,
            PaymentState::owed(),
            "{group}"
        );
    }
    assert_eq!(
        count(&db.pool, "SELECT count(*) FROM reconciliation_matches").await,
        1
    );
    assert_eq!(
        count(
            &db.pool,
            "SELECT count(*) FROM payment_receipts WHERE voided_at IS NULL"
        )
        .await,
        1
    );
    assert_eq!(counter(&db.pool, 2569).await, counter_before);
    let (_, status, matched, _, _) = stored_line(&db.pool, "L-1").await;
    assert_eq!((status.as_str(), matched), ("UNMATCHED", dec!(0)));
}

#[tokio::test]
async fn finance_gets_receipts_only_from_issue_receipts_once_per_paid_incoming_payment() {
    let db = TestDb::new().await;
    let finance = staff(&db, GroupRole::Finance).await;
    let customer = person(&db.pool, 1, "สมชาย", "ใจดี").await;
    let insured = insured(&db.pool, customer, 1).await;
    let payment = owed(
        &db.pool,
        &insured,
        dec!(7490),
        "2026-03-10",
        "PAY-2569-00000001",
        None,
    )
    .await;

    assert_denied(
        sqlx::query(
            "INSERT INTO payment_receipts (payment_id, receipt_number, receipt_type)
             VALUES ($1, 'RC-2569-0000001', 'TAX_INVOICE')",
        )
        .bind(payment)
        .execute(&finance.pool)
        .await,
        "finance types a receipt in",
    );
    // Not for a payment still owed.
    assert_refused_by(
        issue_receipts(&finance.pool, &[payment], "2026-03-10").await,
        "chk_payment_receipts_paid",
    );
    assert_eq!(counter(&db.pool, 2569).await, None, "no number drawn");

    sqlx::query(
        "UPDATE payments SET payment_status = 'SUCCESS', payment_date = now() WHERE id = $1",
    )
    .bind(payment)
    .execute(&finance.pool)
    .await
    .expect("finance marks it paid");
    let numbers = issue_receipts(&finance.pool, &[payment], "2026-03-10")
        .await
        .expect("a receipt for a paid payment");
    assert_eq!(numbers, ["RC-2569-0000001"]);

    // Once.
    assert_refused_by(
        issue_receipts(&finance.pool, &[payment], "2026-03-11").await,
        "chk_payment_receipts_once",
    );
    assert_eq!(counter(&db.pool, 2569).await, Some(1));

    // Its number and figures are not finance's to change; voiding and counting copies are.
    for change in [
        "UPDATE payment_receipts SET receipt_number = 'RC-2569-0000099'",
        "UPDATE payment_receipts SET tax_invoice_number = 'X'",
        "UPDATE payment_receipts SET vat_amount = 0",
        "UPDATE payment_receipts SET buyer_tax_id = NULL",
        "UPDATE payment_receipts SET payment_id = payment_id",
    ] {
        assert_denied(sqlx::query(change).execute(&finance.pool).await, change);
    }
    assert_denied(
        sqlx::query("UPDATE receipt_counters SET last_number = 0")
            .execute(&finance.pool)
            .await,
        "finance rewinds the counter",
    );
    // Copies are counted by printing (start_receipt_print, tests/it/documents.rs), not by hand.
    assert_denied(
        sqlx::query("UPDATE payment_receipts SET copies_printed = copies_printed + 1")
            .execute(&finance.pool)
            .await,
        "finance counts a copy by hand",
    );

    // Voided, the payment may have a new one, with the next number.
    sqlx::query("UPDATE payment_receipts SET voided_at = now(), void_reason = 'พิมพ์ชื่อผิด'")
        .execute(&finance.pool)
        .await
        .expect("finance voids a receipt");
    let again = issue_receipts(&finance.pool, &[payment], "2026-03-11")
        .await
        .expect("a new receipt after the void");
    assert_eq!(again, ["RC-2569-0000002"]);
    assert_eq!(
        receipt_numbers(&db.pool, payment).await,
        ["RC-2569-0000001", "RC-2569-0000002"],
        "the voided receipt is kept with its number"
    );

    // Money going out gets no receipt.
    let refund: Uuid = sqlx::query_scalar(
        "INSERT INTO payments (policy_id, customer_id, payment_type, payment_direction, amount,
                               total_amount, payment_method, payment_status, payment_date)
         VALUES ($1, $2, 'REFUND', 'OUTGOING', 300, 300, 'BANK_TRANSFER', 'SUCCESS', now())
         RETURNING id",
    )
    .bind(insured.policy)
    .bind(customer)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_refused_by(
        issue_receipts(&finance.pool, &[refund], "2026-03-11").await,
        "chk_payment_receipts_paid",
    );
    assert_eq!(counter(&db.pool, 2569).await, Some(2));

    // Nor can an auditor draw a number.
    let auditor = staff(&db, GroupRole::Auditor).await;
    assert_denied(
        issue_receipts(&auditor.pool, &[payment], "2026-03-11").await,
        "an auditor issues a receipt",
    );

    // Each receipt names who issued it.
    let issuers: Vec<(String, Option<Uuid>, Option<Uuid>)> = sqlx::query_as(
        "SELECT receipt_number, created_by, issued_by FROM payment_receipts
          WHERE payment_id = $1 ORDER BY receipt_number",
    )
    .bind(payment)
    .fetch_all(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        issuers,
        [
            (
                "RC-2569-0000001".to_string(),
                Some(finance.id),
                Some(finance.id)
            ),
            (
                "RC-2569-0000002".to_string(),
                Some(finance.id),
                Some(finance.id)
            )
        ]
    );
}

/// A paid premium of 7,490 with no receipt yet, and a finance officer.
async fn paid_without_receipt(db: &TestDb) -> (Staff, Uuid) {
    let finance = staff(db, GroupRole::Finance).await;
    let customer = person(&db.pool, 1, "สมชาย", "ใจดี").await;
    let insured = insured(&db.pool, customer, 1).await;
    let payment = owed(
        &db.pool,
        &insured,
        dec!(7490),
        "2026-03-10",
        "PAY-2569-00000001",
        None,
    )
    .await;
    sqlx::query(
        "UPDATE payments SET payment_status = 'SUCCESS', payment_date = now() WHERE id = $1",
    )
    .bind(payment)
    .execute(&db.pool)
    .await
    .unwrap();
    (finance, payment)
}

#[tokio::test]
async fn a_payment_that_is_not_there_costs_no_receipt_number() {
    let db = TestDb::new().await;
    let (finance, payment) = paid_without_receipt(&db).await;
    let outcome = issue_receipts(&finance.pool, &[Uuid::new_v4()], "2026-03-10").await;
    assert!(
        outcome.as_ref().map_or(true, Vec::is_empty),
        "a receipt for no payment: {outcome:?}"
    );
    assert_eq!(
        counter(&db.pool, 2569).await.unwrap_or(0),
        0,
        "a number was drawn for no receipt: the next receipt leaves a gap"
    );
    let numbers = issue_receipts(&finance.pool, &[payment], "2026-03-10")
        .await
        .unwrap();
    assert_eq!(numbers, ["RC-2569-0000001"]);
}

#[tokio::test]
async fn a_payment_named_twice_in_one_call_gets_one_receipt() {
    let db = TestDb::new().await;
    let (finance, payment) = paid_without_receipt(&db).await;
    let outcome = issue_receipts(&finance.pool, &[payment, payment], "2026-03-10").await;
    let numbers = receipt_numbers(&db.pool, payment).await;
    assert!(
        numbers.len() <= 1,
        "one payment named twice got receipts {numbers:?}: {outcome:?}"
    );
    assert_eq!(
        counter(&db.pool, 2569).await.unwrap_or(0),
        numbers.len() as i64,
        "every number drawn is on a receipt"
    );
}

#[tokio::test]
async fn two_officers_issuing_the_same_payment_s_receipt_at_once_get_one() {
    let db = TestDb::new().await;
    let anong = staff(&db, GroupRole::Finance).await;
    let boonmee = staff(&db, GroupRole::Finance).await;
    let customer = person(&db.pool, 1, "สมชาย", "ใจดี").await;
    let insured = insured(&db.pool, customer, 1).await;
    let payment = owed(
        &db.pool,
        &insured,
        dec!(7490),
        "2026-03-10",
        "PAY-2569-00000001",
        None,
    )
    .await;
    sqlx::query(
        "UPDATE payments SET payment_status = 'SUCCESS', payment_date = now() WHERE id = $1",
    )
    .bind(payment)
    .execute(&db.pool)
    .await
    .unwrap();

    let mut first = anong.pool.begin().await.unwrap();
    issue_receipts(&mut *first, &[payment], "2026-03-10")
        .await
        .expect("the first receipt");
    let second = tokio::spawn({
        let pool = boonmee.pool.clone();
        async move {
            let mut tx = pool.begin().await.unwrap();
            let outcome = issue_receipts(&mut *tx, &[payment], "2026-03-10").await;
            if outcome.is_ok() {
                tx.commit().await.unwrap();
            }
            outcome
        }
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    first.commit().await.unwrap();
    let second = second.await.unwrap();
    assert_refused_by(second, "chk_payment_receipts_once");
    assert_eq!(
        receipt_numbers(&db.pool, payment).await,
        ["RC-2569-0000001"]
    );
    assert_eq!(counter(&db.pool, 2569).await, Some(1));
}

// ---------------------------------------------------------------------------------------
// A payment is pointed at by its whole key, id and booking time (0027, 0028)

/// A pending premium booked long ago (it waits in another partition than today's).
async fn owed_booked_on(pool: &PgPool, insured: &Insured, booked: &str, reference: &str) -> Uuid {
    sqlx::query_scalar(
        "INSERT INTO payments (policy_id, customer_id, payment_type, amount, total_amount,
                               payment_method, transaction_reference, due_date, created_at)
         VALUES ($1, $2, 'PREMIUM', 1000, 1000, 'BANK_TRANSFER', $3, $4::date, $4::date)
         RETURNING id",
    )
    .bind(insured.policy)
    .bind(insured.customer)
    .bind(reference)
    .bind(date(booked))
    .fetch_one(pool)
    .await
    .expect("a payment booked earlier")
}

#[tokio::test]
async fn a_wrong_booking_time_is_refused_and_a_missing_one_is_found() {
    let db = TestDb::new().await;
    let finance = staff(&db, GroupRole::Finance).await;
    let customer = person(&db.pool, 1, "สมชาย", "ใจดี").await;
    let insured = insured(&db.pool, customer, 1).await;
    let today = owed(&db.pool, &insured, dec!(1000), "2026-03-10", "BP-A", None).await;
    let earlier = owed_booked_on(&db.pool, &insured, "2025-01-15", "BP-B").await;
    let (today_booked, earlier_booked) = (
        booked(&db.pool, today).await,
        booked(&db.pool, earlier).await,
    );
    assert_ne!(today_booked, earlier_booked);
    let line = raw_line(&db.pool, "L-1", dec!(1000)).await;
    let f = &finance.pool;
    let match_booked = |booked: DateTime<Utc>| {
        sqlx::query(
            "INSERT INTO reconciliation_matches (line_id, payment_id, payment_created_at, amount, rule)
             VALUES ($1, $2, $3, 1000, 'MANUAL')",
        )
        .bind(line)
        .bind(today)
        .bind(booked)
        .execute(f)
    };

    // A match naming the payment with another payment's booking time, or a moment off.
    assert_refused_by(
        match_booked(earlier_booked).await,
        "reconciliation_matches_payment_id_fkey",
    );
    assert_refused_by(
        match_booked(today_booked + chrono::Duration::microseconds(1)).await,
        "reconciliation_matches_payment_id_fkey",
    );
    // By hand, through the service: the same refusal, and nothing paid.
    let (version,): (i32,) =
        sqlx::query_as("SELECT version FROM bank_statement_lines WHERE id = $1")
            .bind(line)
            .fetch_one(&db.pool)
            .await
            .unwrap();
    let wrong = reconcile_work::match_line(
        f,
        line,
        version,
        &[Allocation {
            payment_id: today,
            payment_created_at: earlier_booked,
            amount: dec!(1000),
            withholding: dec!(0),
        }],
    )
    .await;
    match wrong {
        Err(SaveError::Database(error)) => assert_eq!(
            violation(&error).1.as_deref(),
            Some("reconciliation_matches_payment_id_fkey"),
            "{error}"
        ),
        other => panic!("a match with a wrong booking time was not refused: {other:?}"),
    }
    assert_eq!(payment_state(&db.pool, today).await, PaymentState::owed());
    assert_eq!(numbers_drawn(&db.pool).await, 0);

    // Written without one, the match gets the payment's own.
    raw_match(f, line, today, dec!(1000))
        .await
        .expect("matched by id alone");
    let stored: DateTime<Utc> = sqlx::query_scalar(
        "SELECT payment_created_at FROM reconciliation_matches WHERE payment_id = $1",
    )
    .bind(today)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(stored, today_booked);

    // Receipts: a wrong booking time names no payment, so no number is drawn.
    sqlx::query(
        "UPDATE payments SET payment_status = 'SUCCESS', payment_date = now() WHERE id = ANY ($1)",
    )
    .bind(vec![today, earlier])
    .execute(&db.pool)
    .await
    .unwrap();
    // Even the system cannot write a receipt pointing at a payment with a wrong booking time.
    assert_refused_by(
        sqlx::query(
            "INSERT INTO payment_receipts (payment_id, payment_created_at, receipt_number, receipt_type)
             VALUES ($1, $2, 'RC-2569-9999999', 'RECEIPT')",
        )
        .bind(today)
        .bind(earlier_booked)
        .execute(&db.pool)
        .await,
        "payment_receipts_payment_id_fkey",
    );
    let issue = |booked: DateTime<Utc>| {
        sqlx::query_scalar::<_, String>("SELECT receipt_number FROM issue_receipts($1, $2, $3, $4)")
            .bind(vec![earlier])
            .bind(vec![booked])
            .bind(vec![Decimal::ZERO])
            .bind(date("2026-03-10"))
            .fetch_all(f)
    };
    assert_refused_by(issue(today_booked).await, "chk_payment_receipts_payments");
    assert_eq!(numbers_drawn(&db.pool).await, 0);
    assert_eq!(
        issue(earlier_booked).await.expect("the right booking time"),
        ["RC-2569-0000001"]
    );
    let receipt_booked: DateTime<Utc> =
        sqlx::query_scalar("SELECT payment_created_at FROM payment_receipts WHERE payment_id = $1")
            .bind(earlier)
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(receipt_booked, earlier_booked);
    // The three-argument form finds the booking time itself.
    assert_eq!(
        issue_receipts(f, &[today], "2026-03-10")
            .await
            .expect("by id alone"),
        ["RC-2569-0000002"]
    );

    // Another payment named later without its booking time: the new payment's is found.
    let transaction: Uuid = sqlx::query_scalar(
        "INSERT INTO payment_transactions (payment_id, transaction_type, amount, status)
         VALUES ($1, 'CHARGE', 1000, 'SUCCESS') RETURNING id",
    )
    .bind(today)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let moved: DateTime<Utc> = sqlx::query_scalar(
        "UPDATE payment_transactions SET payment_id = $2 WHERE id = $1 RETURNING payment_created_at",
    )
    .bind(transaction)
    .bind(earlier)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(moved, earlier_booked);
}

// ---------------------------------------------------------------------------------------
// The match rules, for finance in raw SQL too

#[tokio::test]
async fn a_match_pays_an_owed_payment_in_its_direction_within_the_line_once() {
    let db = TestDb::new().await;
    let finance = staff(&db, GroupRole::Finance).await;
    let customer = person(&db.pool, 1, "สมชาย", "ใจดี").await;
    let insured = insured(&db.pool, customer, 1).await;
    let a = owed(&db.pool, &insured, dec!(1000), "2026-03-10", "BP-A", None).await;
    let b = owed(&db.pool, &insured, dec!(600), "2026-03-10", "BP-B", None).await;
    let c = owed(&db.pool, &insured, dec!(500), "2026-03-10", "BP-C", None).await;
    let paid = owed(&db.pool, &insured, dec!(1000), "2026-02-10", "BP-D", None).await;
    sqlx::query(
        "UPDATE payments SET payment_status = 'SUCCESS', payment_date = now() WHERE id = $1",
    )
    .bind(paid)
    .execute(&db.pool)
    .await
    .unwrap();
    let refund: Uuid = sqlx::query_scalar(
        "INSERT INTO payments (policy_id, customer_id, payment_type, payment_direction, amount,
                               total_amount, payment_method)
         VALUES ($1, $2, 'REFUND', 'OUTGOING', 1000, 1000, 'BANK_TRANSFER') RETURNING id",
    )
    .bind(insured.policy)
    .bind(customer)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let line = raw_line(&db.pool, "L-1", dec!(1000)).await;
    let outgoing_line = raw_line(&db.pool, "L-OUT", dec!(-1000)).await;
    let f = &finance.pool;

    assert_refused_by(
        raw_match(f, line, paid, dec!(1000)).await,
        "chk_reconciliation_matches_payment",
    );
    assert_refused_by(
        raw_match(f, line, refund, dec!(1000)).await,
        "chk_reconciliation_matches_payment",
    );
    assert_refused_by(
        raw_match(f, outgoing_line, a, dec!(1000)).await,
        "chk_reconciliation_matches_payment",
    );
    // 600 + 500 is more than the line's 1,000: in one statement, or one after the other.
    assert_refused_by(
        sqlx::query(
            "INSERT INTO reconciliation_matches (line_id, payment_id, amount, rule)
             VALUES ($1, $2, 600, 'SPLIT'), ($1, $3, 500, 'SPLIT')",
        )
        .bind(line)
        .bind(b)
        .bind(c)
        .execute(f)
        .await,
        "chk_reconciliation_matches_total",
    );
    raw_match(f, line, b, dec!(600))
        .await
        .expect("600 of the 1,000");
    assert_refused_by(
        raw_match(f, line, c, dec!(500)).await,
        "chk_reconciliation_matches_total",
    );
    // A payment is paid by one live match.
    let other_line = raw_line(&db.pool, "L-2", dec!(600)).await;
    assert_refused_by(
        raw_match(f, other_line, b, dec!(600)).await,
        "reconciliation_matches_one_live_per_payment",
    );

    // A disputed line waits for its dispute.
    let disputed = raw_line(&db.pool, "L-3", dec!(1000)).await;
    assert_refused_by(
        sqlx::query("UPDATE bank_statement_lines SET status = 'DISPUTED' WHERE id = $1")
            .bind(disputed)
            .execute(f)
            .await,
        "chk_bank_statement_lines_dispute",
    );
    sqlx::query(
        "UPDATE bank_statement_lines SET status = 'DISPUTED', dispute_note = 'ลูกค้าโอนซ้ำ'
          WHERE id = $1",
    )
    .bind(disputed)
    .execute(f)
    .await
    .expect("disputed with a note");
    assert_refused_by(
        raw_match(f, disputed, a, dec!(1000)).await,
        "chk_reconciliation_matches_disputed",
    );
    // A line is matched for money, and only as much as it carries.
    assert_refused_by(
        sqlx::query("UPDATE bank_statement_lines SET status = 'MATCHED' WHERE id = $1")
            .bind(line)
            .execute(f)
            .await,
        "chk_bank_statement_lines_matched",
    );
    assert_refused_by(
        sqlx::query(
            "UPDATE bank_statement_lines SET status = 'MATCHED', matched_amount = 1000.01
              WHERE id = $1",
        )
        .bind(line)
        .execute(f)
        .await,
        "chk_bank_statement_lines_matched",
    );
    // A movement once per account, a file once per account.
    assert_refused_by(
        sqlx::query(
            "INSERT INTO bank_statement_lines (statement_id, bank_account_id, line_number,
                                               line_key, booked_at, amount)
             SELECT statement_id, bank_account_id, 9, line_key, booked_at, amount
               FROM bank_statement_lines WHERE id = $1",
        )
        .bind(line)
        .execute(f)
        .await,
        "bank_statement_lines_key",
    );
    assert_refused_by(
        sqlx::query(
            "INSERT INTO bank_statements (bank_account_id, profile_code, file_name, file_sha256,
                                          line_count, new_line_count)
             SELECT bank_account_id, profile_code, 'again.csv', file_sha256, 0, 0
               FROM bank_statements WHERE file_name = 'L-1.csv'",
        )
        .execute(f)
        .await,
        "bank_statements_file_key",
    );
    let live: i64 = count(
        &db.pool,
        "SELECT count(*) FROM reconciliation_matches WHERE undone_at IS NULL",
    )
    .await;
    assert_eq!(live, 1);
}

#[tokio::test]
async fn two_officers_filling_the_same_line_at_once_cannot_both_have_it() {
    let db = TestDb::new().await;
    let anong = staff(&db, GroupRole::Finance).await;
    let boonmee = staff(&db, GroupRole::Finance).await;
    let customer = person(&db.pool, 1, "สมชาย", "ใจดี").await;
    let insured = insured(&db.pool, customer, 1).await;
    let a = owed(&db.pool, &insured, dec!(1000), "2026-03-10", "BP-A", None).await;
    let b = owed(&db.pool, &insured, dec!(1000), "2026-03-10", "BP-B", None).await;
    let line = raw_line(&db.pool, "L-1", dec!(1000)).await;

    let mut first = anong.pool.begin().await.unwrap();
    raw_match(&mut *first, line, a, dec!(1000))
        .await
        .expect("the first match");
    let second = tokio::spawn({
        let pool = boonmee.pool.clone();
        async move {
            let mut tx = pool.begin().await.unwrap();
            let outcome = raw_match(&mut *tx, line, b, dec!(1000)).await;
            if outcome.is_ok() {
                tx.commit().await.unwrap();
            }
            outcome
        }
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    first.commit().await.unwrap();
    assert_refused_by(second.await.unwrap(), "chk_reconciliation_matches_total");
    assert!(matches_of(&db.pool, b).await.is_empty());
}

#[tokio::test]
async fn an_undone_match_cannot_come_back_to_pay_twice_or_overfill_its_line() {
    let db = TestDb::new().await;
    let finance = staff(&db, GroupRole::Finance).await;
    let customer = person(&db.pool, 1, "สมชาย", "ใจดี").await;
    let insured = insured(&db.pool, customer, 1).await;
    let a = owed(&db.pool, &insured, dec!(1000), "2026-03-10", "BP-A", None).await;
    let b = owed(&db.pool, &insured, dec!(1000), "2026-03-10", "BP-B", None).await;
    let line = raw_line(&db.pool, "L-1", dec!(1000)).await;
    let f = &finance.pool;
    raw_match(f, line, a, dec!(1000)).await.unwrap();
    sqlx::query(
        "UPDATE reconciliation_matches SET undone_at = now(), undone_by = $2, undo_reason = 'ผิดคน'
          WHERE payment_id = $1",
    )
    .bind(a)
    .bind(finance.id)
    .execute(f)
    .await
    .expect("finance undoes a match");
    raw_match(f, line, b, dec!(1000))
        .await
        .expect("the line now pays the other payment");

    // Bringing the undone match back would make the line pay 2,000 of its 1,000.
    let revived = sqlx::query(
        "UPDATE reconciliation_matches SET undone_at = NULL, undone_by = NULL, undo_reason = NULL
          WHERE payment_id = $1",
    )
    .bind(a)
    .execute(f)
    .await;
    let live: Option<Decimal> = sqlx::query_scalar(
        "SELECT sum(amount) FROM reconciliation_matches WHERE line_id = $1 AND undone_at IS NULL",
    )
    .bind(line)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        live,
        Some(dec!(1000)),
        "an undone match came back to life: {revived:?}"
    );
}

// ---------------------------------------------------------------------------------------
// Gapless receipt numbers

/// `n` payments owed by one customer: a premium each, 100 baht apart.
async fn many_owed(pool: &PgPool, n: usize) -> Vec<Uuid> {
    let customer = person(pool, 77, "สมใจ", "จ่ายตรง").await;
    let insured = insured(pool, customer, 77).await;
    sqlx::query_scalar(
        "INSERT INTO payments (policy_id, customer_id, payment_type, amount, total_amount,
                               payment_method, transaction_reference, due_date)
         SELECT $1, $2, 'PREMIUM', 1000 + 100 * i, 1000 + 100 * i, 'BANK_TRANSFER',
                'PAY-2569-' || lpad(i::text, 8, '0'), DATE '2026-03-10'
           FROM generate_series(1, $3) AS i
         ORDER BY i
         RETURNING id",
    )
    .bind(insured.policy)
    .bind(insured.customer)
    .bind(n as i32)
    .fetch_all(pool)
    .await
    .unwrap()
}

/// Receipts of 2569 already numbered up to 41 (a bulk load), and the counter moved there.
async fn receipts_loaded_up_to_41(pool: &PgPool) {
    let customer = person(pool, 41, "ก่อน", "หน้านี้").await;
    let insured = insured(pool, customer, 41).await;
    sqlx::query(
        "WITH paid AS (
             INSERT INTO payments (policy_id, customer_id, payment_type, amount, total_amount,
                                   payment_method, payment_status, payment_date)
             SELECT $1, $2, 'PREMIUM', 500, 500, 'CASH', 'SUCCESS', '2026-01-05'
               FROM generate_series(1, 41)
             RETURNING id)
         INSERT INTO payment_receipts (payment_id, receipt_number, receipt_type, issued_date)
         SELECT id, 'RC-2569-' || lpad((row_number() OVER (ORDER BY id))::text, 7, '0'),
                'TAX_INVOICE', '2026-01-05'
           FROM paid",
    )
    .bind(insured.policy)
    .bind(insured.customer)
    .execute(pool)
    .await
    .unwrap();
    sqlx::query("SELECT sync_receipt_counters()")
        .execute(pool)
        .await
        .unwrap();
    assert_eq!(counter(pool, 2569).await, Some(41));
}

/// The receipt numbers of that year are exactly 1..=last, each once, and the counter
/// stands at the last.
async fn assert_gapless(pool: &PgPool, year_be: i32, last: i64) {
    let numbers: Vec<String> = sqlx::query_scalar(
        "SELECT receipt_number FROM payment_receipts
          WHERE receipt_number LIKE 'RC-' || $1 || '-%' ORDER BY receipt_number",
    )
    .bind(year_be.to_string())
    .fetch_all(pool)
    .await
    .unwrap();
    let serials: Vec<i64> = numbers.iter().map(|n| serial(n)).collect();
    let expected: Vec<i64> = (1..=last).collect();
    assert_eq!(serials, expected, "1..N, no gap, no duplicate");
    assert_eq!(counter(pool, year_be).await, Some(last));
    let receipts_per_payment: Vec<i64> = sqlx::query_scalar(
        "SELECT count(r.id) FROM payments p LEFT JOIN payment_receipts r ON r.payment_id = p.id
          WHERE p.payment_status = 'SUCCESS' GROUP BY p.id HAVING count(r.id) <> 1",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    assert!(
        receipts_per_payment.is_empty(),
        "each paid payment has one receipt: {receipts_per_payment:?}"
    );
}

/// A pool of `n` connections logged in as that staff member.
async fn wide_pool(db: &TestDb, who: &Staff, n: u32) -> PgPool {
    PgPoolOptions::new()
        .max_connections(n)
        .connect_with(db.login_options(&who.username, PASSWORD))
        .await
        .expect("log in")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn receipt_numbers_stay_gapless_with_eight_officers_and_random_rollbacks_in_raw_sql() {
    let db = TestDb::new().await;
    let finance = staff(&db, GroupRole::Finance).await;
    receipts_loaded_up_to_41(&db.pool).await;
    let payments = many_owed(&db.pool, 96).await;
    let pool = wide_pool(&db, &finance, 8).await;

    let mut workers = Vec::new();
    for (worker, share) in payments.chunks(12).enumerate() {
        let pool = pool.clone();
        let share = share.to_vec();
        workers.push(tokio::spawn(async move {
            let mut rng = rand::rngs::StdRng::seed_from_u64(worker as u64);
            let mut rolled_back = 0;
            // One, two or three payments per transaction.
            let mut rest = share.as_slice();
            let mut size = worker % 3 + 1;
            while !rest.is_empty() {
                let (batch, after) = rest.split_at(size.min(rest.len()));
                let mut tx = pool.begin().await.unwrap();
                sqlx::query(
                    "UPDATE payments SET payment_status = 'SUCCESS', payment_date = now(),
                                         reconciliation_status = 'MATCHED', reconciled_at = now()
                      WHERE id = ANY($1)",
                )
                .bind(batch.to_vec())
                .execute(&mut *tx)
                .await
                .unwrap();
                let numbers = issue_receipts(&mut *tx, batch, "2026-03-10").await.unwrap();
                assert_eq!(numbers.len(), batch.len());
                tokio::time::sleep(Duration::from_millis(rng.random_range(0..4))).await;
                if rng.random_bool(0.35) {
                    tx.rollback().await.unwrap();
                    rolled_back += 1;
                    continue;
                }
                tx.commit().await.unwrap();
                rest = after;
                size = size % 3 + 1;
            }
            rolled_back
        }));
    }
    let mut rolled_back = 0;
    for worker in workers {
        rolled_back += worker.await.expect("a worker");
    }
    assert!(rolled_back > 10, "rollbacks happened: {rolled_back}");
    assert_gapless(&db.pool, 2569, 41 + 96).await;
    let numbered_in_order: bool = sqlx::query_scalar(
        "SELECT bool_and(receipt_number = tax_invoice_number) FROM payment_receipts",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert!(numbered_in_order);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eight_officers_matching_at_once_with_rollbacks_leave_no_gap_or_duplicate() {
    let db = TestDb::new().await;
    let finance = staff(&db, GroupRole::Finance).await;
    receipts_loaded_up_to_41(&db.pool).await;
    let payments = many_owed(&db.pool, 64).await;
    // The bank lines, paid long after the due date and naming nobody: none matches by
    // itself, and each is matched by hand.
    let amounts: Vec<Decimal> = sqlx::query_scalar(
        "SELECT total_amount FROM payments WHERE id = ANY($1) ORDER BY array_position($1, id)",
    )
    .bind(&payments)
    .fetch_all(&db.pool)
    .await
    .unwrap();
    let lines = statement(
        amounts
            .iter()
            .enumerate()
            .map(|(i, amount)| line(&format!("M-{i}"), "2026-06-30", *amount, (None, None), "-"))
            .collect(),
    );
    let imported = import(&finance.pool, &source("KBANK-PREMIUM", "june.csv"), &lines)
        .await
        .expect("imported");
    assert_eq!(imported.matched.unmatched, 64);
    let pool = wide_pool(&db, &finance, 8).await;

    let mut workers = Vec::new();
    for worker in 0..8usize {
        let pool = pool.clone();
        let share: Vec<(usize, Uuid, Decimal)> = (worker * 8..worker * 8 + 8)
            .map(|i| (i, payments[i], amounts[i]))
            .collect();
        workers.push(tokio::spawn(async move {
            let mut rng = rand::rngs::StdRng::seed_from_u64(100 + worker as u64);
            let mut rolled_back = 0;
            for (i, payment, amount) in share {
                // Sometimes someone draws a number for this payment and then rolls back.
                if rng.random_bool(0.4) {
                    let mut tx = pool.begin().await.unwrap();
                    sqlx::query(
                        "UPDATE payments SET payment_status = 'SUCCESS', payment_date = now()
                          WHERE id = $1",
                    )
                    .bind(payment)
                    .execute(&mut *tx)
                    .await
                    .unwrap();
                    issue_receipts(&mut *tx, &[payment], "2026-06-30")
                        .await
                        .unwrap();
                    tokio::time::sleep(Duration::from_millis(rng.random_range(0..4))).await;
                    tx.rollback().await.unwrap();
                    rolled_back += 1;
                }
                let (line_id, version): (Uuid, i32) = sqlx::query_as(
                    "SELECT id, version FROM bank_statement_lines WHERE line_key = $1",
                )
                .bind(format!("M-{i}"))
                .fetch_one(&pool)
                .await
                .unwrap();
                let issued = reconcile_work::match_line(
                    &pool,
                    line_id,
                    version,
                    &[Allocation {
                        payment_id: payment,
                        payment_created_at: booked(&pool, payment).await,
                        amount,
                        withholding: Decimal::ZERO,
                    }],
                )
                .await
                .unwrap_or_else(|e| panic!("matching line {i}: {e:?}"));
                assert_eq!(issued.len(), 1);
            }
            rolled_back
        }));
    }
    let mut rolled_back = 0;
    for worker in workers {
        rolled_back += worker.await.expect("a worker");
    }
    assert!(rolled_back > 5, "rollbacks happened: {rolled_back}");
    // The receipts are of the year the service dates them (the 41 loaded are of 2569).
    let years: Vec<i32> = sqlx::query_scalar(
        "SELECT DISTINCT substring(receipt_number FROM '^RC-([0-9]{4})-')::int
           FROM payment_receipts WHERE payment_id = ANY($1)",
    )
    .bind(&payments)
    .fetch_all(&db.pool)
    .await
    .unwrap();
    assert_eq!(years.len(), 1, "{years:?}");
    let loaded = if years[0] == 2569 { 41 } else { 0 };
    assert_gapless(&db.pool, years[0], loaded + 64).await;
    for payment in payments {
        assert_eq!(
            payment_state(&db.pool, payment).await,
            PaymentState::matched()
        );
    }
}

// ---------------------------------------------------------------------------------------
// Imports

#[tokio::test]
async fn the_same_file_twice_adds_nothing_and_overlapping_files_add_only_their_new_lines() {
    let db = TestDb::new().await;
    let finance = staff(&db, GroupRole::Finance).await;
    let lines: Vec<StatementLine> = (1..=6)
        .map(|i| {
            line(
                &format!("K{i}"),
                &format!("2026-03-0{i}"),
                Decimal::from(1000 * i),
                (None, None),
                &format!("รายการที่ {i}"),
            )
        })
        .collect();
    let first_file = statement(lines[0..4].to_vec());
    let second_file = statement(lines[2..6].to_vec());
    let first_source = source("KBANK-PREMIUM", "march-1.csv");

    let progress = std::sync::Mutex::new(Vec::new());
    let first = reconcile::import(&finance.pool, &first_source, &first_file, &|stored| {
        progress.lock().unwrap().push(stored)
    })
    .await
    .expect("the first file");
    assert_eq!(
        (first.lines, first.new_lines, first.matched),
        (
            4,
            4,
            MatchCounts {
                unmatched: 4,
                ..MatchCounts::default()
            }
        )
    );
    let told = progress.into_inner().unwrap();
    assert_eq!(told.last(), Some(&4), "progress told: {told:?}");

    // The same file again: refused, naming the first import, nothing written.
    match import(&finance.pool, &first_source, &first_file).await {
        Err(ImportError::AlreadyImported { statement_id, .. }) => {
            assert_eq!(statement_id, first.statement_id)
        }
        other => panic!("expected AlreadyImported, got {other:?}"),
    }
    // Also under another name: it is the same file.
    let renamed = ImportSource {
        file_name: "march-1 (copy).csv".to_string(),
        ..first_source.clone()
    };
    assert!(matches!(
        import(&finance.pool, &renamed, &first_file).await,
        Err(ImportError::AlreadyImported { .. })
    ));
    assert_eq!(
        count(&db.pool, "SELECT count(*) FROM bank_statements").await,
        1
    );
    assert_eq!(
        count(&db.pool, "SELECT count(*) FROM bank_statement_lines").await,
        4
    );

    // A file overlapping the first by two movements adds the other two.
    let second = import(
        &finance.pool,
        &source("KBANK-PREMIUM", "march-2.csv"),
        &second_file,
    )
    .await
    .expect("the overlapping file");
    assert_eq!((second.lines, second.new_lines), (4, 2));
    assert_eq!(second.matched.unmatched, 2);
    let keys: Vec<(String, Uuid)> =
        sqlx::query_as("SELECT line_key, statement_id FROM bank_statement_lines ORDER BY line_key")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    let by_statement: Vec<(&str, bool)> = keys
        .iter()
        .map(|(k, s)| (k.as_str(), *s == first.statement_id))
        .collect();
    assert_eq!(
        by_statement,
        [
            ("K1", true),
            ("K2", true),
            ("K3", true),
            ("K4", true),
            ("K5", false),
            ("K6", false)
        ]
    );
    let counted: Vec<(String, i32, i32)> = sqlx::query_as(
        "SELECT file_name, line_count, new_line_count FROM bank_statements ORDER BY file_name",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        counted,
        [
            ("march-1.csv".to_string(), 4, 4),
            ("march-2.csv".to_string(), 4, 2)
        ]
    );

    // The same file belongs to each account once: the SCB account takes it whole.
    let elsewhere = import(
        &finance.pool,
        &ImportSource {
            account_code: "SCB-PREMIUM".to_string(),
            ..first_source.clone()
        },
        &first_file,
    )
    .await
    .expect("the file into the other account");
    assert_eq!((elsewhere.lines, elsewhere.new_lines), (4, 4));
    assert_eq!(
        count(&db.pool, "SELECT count(*) FROM bank_statement_lines").await,
        10
    );

    // No such account: nothing.
    assert!(matches!(
        import(
            &finance.pool,
            &source("NO-SUCH-ACCOUNT", "march-3.csv"),
            &first_file
        )
        .await,
        Err(ImportError::NoSuchAccount(code)) if code == "NO-SUCH-ACCOUNT"
    ));
    assert_eq!(
        count(&db.pool, "SELECT count(*) FROM bank_statements").await,
        3
    );

    // An auditor cannot import at all.
    let auditor = staff(&db, GroupRole::Auditor).await;
    assert!(
        import(
            &auditor.pool,
            &source("KBANK-PREMIUM", "march-4.csv"),
            &statement(vec![line("K9", "2026-03-09", dec!(9), (None, None), "")])
        )
        .await
        .is_err()
    );
    assert_eq!(
        count(&db.pool, "SELECT count(*) FROM bank_statements").await,
        3
    );
}

#[tokio::test]
async fn a_statement_that_does_not_add_up_or_has_a_bad_line_is_refused_whole() {
    let db = TestDb::new().await;
    let finance = staff(&db, GroupRole::Finance).await;
    let lines = vec![
        line("B1", "2026-03-02", dec!(300), (None, None), "เข้า"),
        line("B2", "2026-03-03", dec!(-50.25), (None, None), "ค่าธรรมเนียม"),
        line("B3", "2026-03-04", dec!(150.25), (None, None), "เข้า"),
    ];
    let unbalanced = ParsedStatement {
        opening_balance: Some(dec!(1000)),
        closing_balance: Some(dec!(1500)),
        period: Some((date("2026-03-01"), date("2026-03-31"))),
        ..statement(lines.clone())
    };
    let outcome = import(
        &finance.pool,
        &source("KBANK-PREMIUM", "unbalanced.csv"),
        &unbalanced,
    )
    .await;
    assert!(outcome.is_err(), "1,000 + 400 is not 1,500: {outcome:?}");
    assert_eq!(
        count(&db.pool, "SELECT count(*) FROM bank_statements").await,
        0
    );
    assert_eq!(
        count(&db.pool, "SELECT count(*) FROM bank_statement_lines").await,
        0
    );

    // A line the database refuses (no money moved) takes the whole file with it.
    let mut with_zero = lines.clone();
    with_zero.push(line("B4", "2026-03-05", dec!(0), (None, None), "ศูนย์"));
    match import(
        &finance.pool,
        &source("KBANK-PREMIUM", "zero.csv"),
        &statement(with_zero),
    )
    .await
    {
        Err(ImportError::Database(error)) => assert_eq!(
            violation(&error).1.as_deref(),
            Some("chk_bank_statement_lines_amount")
        ),
        other => panic!("expected the zero line refused, got {other:?}"),
    }
    assert_eq!(
        count(&db.pool, "SELECT count(*) FROM bank_statements").await,
        0
    );
    assert_eq!(
        count(&db.pool, "SELECT count(*) FROM bank_statement_lines").await,
        0
    );

    // Balanced, it goes in with its balances and period.
    let balanced = ParsedStatement {
        closing_balance: Some(dec!(1400)),
        ..unbalanced
    };
    let done = import(
        &finance.pool,
        &source("KBANK-PREMIUM", "balanced.csv"),
        &balanced,
    )
    .await
    .expect("a balanced statement");
    assert_eq!((done.lines, done.new_lines), (3, 3));
    let stored: (
        Option<Decimal>,
        Option<Decimal>,
        Option<NaiveDate>,
        Option<NaiveDate>,
        String,
    ) = sqlx::query_as(
        "SELECT opening_balance, closing_balance, period_from, period_to, file_sha256
               FROM bank_statements WHERE id = $1",
    )
    .bind(done.statement_id)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        stored,
        (
            Some(dec!(1000)),
            Some(dec!(1400)),
            Some(date("2026-03-01")),
            Some(date("2026-03-31")),
            sha256("balanced.csv")
        )
    );
    // Money out is stored negative and is never matched to a premium.
    let (_, status, _, _, _) = stored_line(&db.pool, "B2").await;
    assert_eq!(status, "UNMATCHED");
    let amount: Decimal =
        sqlx::query_scalar("SELECT amount FROM bank_statement_lines WHERE line_key = 'B2'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(amount, dec!(-50.25));
}

// ---------------------------------------------------------------------------------------
// The matching rules

#[tokio::test]
async fn each_rule_matches_what_it_should_in_order_and_names_itself() {
    let db = TestDb::new().await;
    let finance = staff(&db, GroupRole::Finance).await;
    let p = &db.pool;

    // Rule 1: Ref1 the policy number, Ref2 the payment reference, the amount due.
    let somchai = insured(p, person(p, 1, "สมชาย", "ใจดี").await, 1).await;
    let by_reference = owed(
        p,
        &somchai,
        dec!(7490),
        "2026-03-01",
        "PAY-2569-00001001",
        None,
    )
    .await;
    // Rule 1 with Ref1 only (the customer typed the policy number alone).
    let wilai = insured(p, person(p, 2, "วิไล", "ศรีสุข").await, 2).await;
    let by_policy_number = owed(
        p,
        &wilai,
        dec!(8125.50),
        "2026-03-01",
        "PAY-2569-00001002",
        None,
    )
    .await;
    // Rule 1 less 1 % withholding: a company at its head office (DOMAIN §6's example).
    let siam_tax_id = company_tax_id(3);
    let siam = insured(p, company(p, 3, "บริษัท ขนส่งสยาม จำกัด").await, 3).await;
    let less_withholding = owed(
        p,
        &siam,
        dec!(10742.80),
        "2026-03-01",
        "PAY-2569-00001003",
        None,
    )
    .await;
    // …which a person does not get: they do not withhold.
    let mana = insured(p, person(p, 4, "มานะ", "อดทน").await, 4).await;
    let person_short = owed(
        p,
        &mana,
        dec!(10742.80),
        "2026-03-01",
        "PAY-2569-00001004",
        None,
    )
    .await;
    // Rule 2: one payment of the amount, due 3 days after, from a customer of that name.
    let prasert = insured(p, person(p, 5, "ประเสริฐ", "วงศ์ทอง").await, 5).await;
    let by_name = owed(
        p,
        &prasert,
        dec!(3210),
        "2026-03-10",
        "PAY-2569-00001005",
        None,
    )
    .await;
    // …not 4 days off,
    let piti = insured(p, person(p, 6, "ปิติ", "ยินดี").await, 6).await;
    let too_late = owed(
        p,
        &piti,
        dec!(4100),
        "2026-03-10",
        "PAY-2569-00001006",
        None,
    )
    .await;
    // …not under another name,
    let somsri = insured(p, person(p, 7, "สมศรี", "รักไทย").await, 7).await;
    let other_name = owed(
        p,
        &somsri,
        dec!(2750),
        "2026-03-10",
        "PAY-2569-00001007",
        None,
    )
    .await;
    // …and not when two payments fit.
    let manee_1 = insured(p, person(p, 8, "มานี", "มีนา").await, 8).await;
    let manee_2 = insured(p, person(p, 9, "มานี", "มีนา").await, 9).await;
    let twin_1 = owed(
        p,
        &manee_1,
        dec!(2500),
        "2026-03-10",
        "PAY-2569-00001008",
        None,
    )
    .await;
    let twin_2 = owed(
        p,
        &manee_2,
        dec!(2500),
        "2026-03-11",
        "PAY-2569-00001009",
        None,
    )
    .await;

    let file = statement(vec![
        line(
            "R1",
            "2026-03-02",
            dec!(7490),
            (Some(&somchai.policy_number), Some("PAY-2569-00001001")),
            "BILL PAYMENT",
        ),
        line(
            "R2",
            "2026-03-02",
            dec!(8125.50),
            (Some(&wilai.policy_number), None),
            "BILL PAYMENT",
        ),
        line(
            "W1",
            "2026-03-02",
            dec!(10642.40),
            (Some(&siam.policy_number), Some("PAY-2569-00001003")),
            "BILL PAYMENT",
        ),
        line(
            "W2",
            "2026-03-02",
            dec!(10642.40),
            (Some(&mana.policy_number), Some("PAY-2569-00001004")),
            "BILL PAYMENT",
        ),
        line(
            "N1",
            "2026-03-07",
            dec!(3210),
            (None, None),
            "ประเสริฐ วงศ์ทอง",
        ),
        line("N2", "2026-03-14", dec!(4100), (None, None), "ปิติ ยินดี"),
        line("N3", "2026-03-10", dec!(2750), (None, None), "ทองดี ฟันขาว"),
        line("N4", "2026-03-11", dec!(2500), (None, None), "มานี มีนา"),
    ]);
    let outcome = import(&finance.pool, &source("KBANK-PREMIUM", "rules.csv"), &file)
        .await
        .expect("imported");
    assert_eq!(
        outcome.matched,
        MatchCounts {
            reference: 2,
            reference_less_withholding: 1,
            amount_date_name: 1,
            unmatched: 4,
        }
    );

    let expect_line = async |key: &str, status: &str, matched: Decimal, rule: Option<&str>| {
        let (_, s, m, r, _) = stored_line(p, key).await;
        assert_eq!(
            (s.as_str(), m, r.as_deref()),
            (status, matched, rule),
            "line {key}"
        );
    };
    expect_line("R1", "MATCHED", dec!(7490), Some("REFERENCE")).await;
    expect_line("R2", "MATCHED", dec!(8125.50), Some("REFERENCE")).await;
    expect_line("W1", "MATCHED", dec!(10642.40), Some("REFERENCE_WHT")).await;
    expect_line("N1", "MATCHED", dec!(3210), Some("AMOUNT_DATE_NAME")).await;
    for key in ["W2", "N2", "N3", "N4"] {
        expect_line(key, "UNMATCHED", dec!(0), None).await;
    }

    let line_id = async |key: &str| stored_line(p, key).await.0;
    assert_eq!(
        matches_of(p, by_reference).await,
        [(
            line_id("R1").await,
            dec!(7490),
            dec!(0),
            "REFERENCE".to_string(),
            true
        )]
    );
    assert_eq!(
        matches_of(p, by_policy_number).await,
        [(
            line_id("R2").await,
            dec!(8125.50),
            dec!(0),
            "REFERENCE".to_string(),
            true
        )]
    );
    assert_eq!(
        matches_of(p, less_withholding).await,
        [(
            line_id("W1").await,
            dec!(10642.40),
            dec!(100.40),
            "REFERENCE_WHT".to_string(),
            true
        )]
    );
    assert_eq!(
        matches_of(p, by_name).await,
        [(
            line_id("N1").await,
            dec!(3210),
            dec!(0),
            "AMOUNT_DATE_NAME".to_string(),
            true
        )]
    );
    for payment in [by_reference, by_policy_number, less_withholding, by_name] {
        assert_eq!(payment_state(p, payment).await, PaymentState::matched());
    }
    for payment in [person_short, too_late, other_name, twin_1, twin_2] {
        assert_eq!(payment_state(p, payment).await, PaymentState::owed());
        assert!(matches_of(p, payment).await.is_empty());
        assert!(receipts_of(p, payment).await.is_empty());
    }

    // The receipts: what was due, what was withheld, what came in.
    assert_eq!(
        receipts_of(p, less_withholding).await,
        [invoice(
            dec!(10742.80),
            dec!(100.40),
            ("บริษัท ขนส่งสยาม จำกัด", &siam_tax_id, Some("00000")),
            company_address(),
            format!("ค่าเบี้ยประกันภัย {}", siam.policy_number),
        )]
    );
    let vat: Option<Decimal> =
        sqlx::query_scalar("SELECT vat_amount FROM payment_receipts WHERE payment_id = $1")
            .bind(less_withholding)
            .fetch_one(p)
            .await
            .unwrap();
    assert_eq!(vat, Some(dec!(702.80)), "7/107 of 10,742.80");
    assert_eq!(
        receipts_of(p, by_reference).await,
        [invoice(
            dec!(7490),
            dec!(0),
            ("สมชาย ใจดี", &fixtures::national_id(1), None),
            person_address(),
            format!("ค่าเบี้ยประกันภัย {}", somchai.policy_number),
        )]
    );

    // The twins' line waits in the cockpit with both as candidates.
    let open: Vec<Uuid> = reconcile_work::open_lines(&finance.pool)
        .await
        .unwrap()
        .into_iter()
        .map(|l| l.id)
        .collect();
    let mut waiting = Vec::new();
    for key in ["W2", "N3", "N4", "N2"] {
        waiting.push(line_id(key).await);
    }
    assert_eq!(
        open.iter().copied().collect::<BTreeSet<_>>(),
        waiting.iter().copied().collect::<BTreeSet<_>>(),
        "the unmatched lines and nothing else"
    );
    let twins: BTreeSet<Uuid> = reconcile_work::candidates(&finance.pool, line_id("N4").await)
        .await
        .unwrap()
        .into_iter()
        .filter(|c| c.score() == 3)
        .map(|c| c.payment_id)
        .collect();
    assert_eq!(twins, BTreeSet::from([twin_1, twin_2]));
    // The person who paid 1 % short: the reference agrees, the amount does not.
    let short = reconcile_work::candidates(&finance.pool, line_id("W2").await)
        .await
        .unwrap();
    assert_eq!(short[0].payment_id, person_short);
    assert!(short[0].agreements.contains(&Agreement::Reference));
    assert!(!short[0].agreements.contains(&Agreement::Amount));
    assert!(
        !short[0]
            .agreements
            .contains(&Agreement::AmountLessWithholding)
    );
    assert_eq!(short[0].withholding, dec!(0));
}

#[tokio::test]
async fn an_unmatched_line_offers_its_candidates_ranked_by_what_agrees() {
    let db = TestDb::new().await;
    let finance = staff(&db, GroupRole::Finance).await;
    let p = &db.pool;
    // The line: 5,000 on 20 May quoting PAY-2569-00002001, from "สุดา แสนดี".
    let suda = insured(p, person(p, 1, "สุดา", "แสนดี").await, 1).await;
    let anan = insured(p, person(p, 2, "อนันต์", "ทองคำ").await, 2).await;
    let kanya = insured(p, person(p, 3, "กันยา", "บุญมา").await, 3).await;
    let nobody = insured(p, person(p, 4, "ชูชาติ", "ไกลบ้าน").await, 4).await;
    // Reference, date and name agree; the amount does not.
    let top = owed(
        p,
        &suda,
        dec!(4800),
        "2026-05-20",
        "PAY-2569-00002001",
        None,
    )
    .await;
    // Amount and date (two days) agree.
    let middle = owed(
        p,
        &anan,
        dec!(5000),
        "2026-05-22",
        "PAY-2569-00002002",
        None,
    )
    .await;
    // Only the amount (due 12 days after).
    let bottom = owed(
        p,
        &kanya,
        dec!(5000),
        "2026-06-01",
        "PAY-2569-00002003",
        None,
    )
    .await;
    // Nothing.
    owed(
        p,
        &nobody,
        dec!(1250),
        "2026-08-01",
        "PAY-2569-00002004",
        None,
    )
    .await;

    let file = statement(vec![line(
        "C1",
        "2026-05-20",
        dec!(5000),
        (None, Some("PAY-2569-00002001")),
        "สุดา แสนดี",
    )]);
    let outcome = import(&finance.pool, &source("KBANK-PREMIUM", "may.csv"), &file)
        .await
        .expect("imported");
    assert_eq!(
        outcome.matched,
        MatchCounts {
            unmatched: 1,
            ..MatchCounts::default()
        }
    );
    let (line_id, status, _, _, _) = stored_line(p, "C1").await;
    assert_eq!(status, "UNMATCHED");

    let candidates = reconcile_work::candidates(&finance.pool, line_id)
        .await
        .unwrap();
    let ranked: Vec<(Uuid, usize)> = candidates
        .iter()
        .map(|c| (c.payment_id, c.score()))
        .collect();
    assert_eq!(ranked, [(top, 3), (middle, 2), (bottom, 1)]);
    let first = &candidates[0];
    assert!(first.agreements.contains(&Agreement::Reference));
    assert!(first.agreements.contains(&Agreement::DateNear(0)));
    assert!(
        first
            .agreements
            .iter()
            .any(|a| matches!(a, Agreement::Name(s) if *s >= 0.5)),
        "{:?}",
        first.agreements
    );
    assert_eq!(
        (
            first.reference.as_deref(),
            first.policy_number.as_deref(),
            first.customer_name.as_str(),
            first.amount_due,
            first.juristic,
        ),
        (
            Some("PAY-2569-00002001"),
            Some(suda.policy_number.as_str()),
            "สุดา แสนดี",
            dec!(4800),
            false
        )
    );
    let mut middle_agrees = candidates[1].agreements.clone();
    middle_agrees.sort_by_key(|a| format!("{a:?}"));
    assert_eq!(middle_agrees, [Agreement::Amount, Agreement::DateNear(2)]);
    assert_eq!(candidates[2].agreements, [Agreement::Amount]);
}

#[tokio::test]
async fn two_identical_lines_never_pay_one_payment() {
    let db = TestDb::new().await;
    let finance = staff(&db, GroupRole::Finance).await;
    let p = &db.pool;
    let somchai = insured(p, person(p, 1, "สมชาย", "ใจดี").await, 1).await;
    let payment = owed(
        p,
        &somchai,
        dec!(1234),
        "2026-03-10",
        "PAY-2569-00003001",
        None,
    )
    .await;
    let twice = |key: &str| {
        line(
            key,
            "2026-03-10",
            dec!(1234),
            (
                Some(somchai.policy_number.as_str()),
                Some("PAY-2569-00003001"),
            ),
            "BILL PAYMENT",
        )
    };
    let file = statement(vec![twice("D#0"), twice("D#1")]);
    let outcome = import(&finance.pool, &source("KBANK-PREMIUM", "double.csv"), &file)
        .await
        .expect("imported");
    assert_eq!(
        outcome.matched,
        MatchCounts {
            reference: 1,
            unmatched: 1,
            ..MatchCounts::default()
        }
    );
    let statuses: BTreeSet<String> = sqlx::query_scalar("SELECT status FROM bank_statement_lines")
        .fetch_all(p)
        .await
        .unwrap()
        .into_iter()
        .collect();
    assert_eq!(
        statuses,
        BTreeSet::from(["MATCHED".to_string(), "UNMATCHED".to_string()])
    );
    assert_eq!(matches_of(p, payment).await.len(), 1);
    assert_eq!(receipt_numbers(p, payment).await.len(), 1);

    // Running the rules again, or matching the other line to it by hand, changes nothing.
    assert_eq!(
        reconcile::auto_match_all(&finance.pool).await.unwrap(),
        MatchCounts {
            unmatched: 1,
            ..MatchCounts::default()
        }
    );
    let (other, _, _, _, version) =
        sqlx::query_as::<_, (Uuid, String, Decimal, Option<String>, i32)>(
            "SELECT id, status, matched_amount, matched_rule, version FROM bank_statement_lines
          WHERE status = 'UNMATCHED'",
        )
        .fetch_one(p)
        .await
        .unwrap();
    let again = reconcile_work::match_line(
        &finance.pool,
        other,
        version,
        &[Allocation {
            payment_id: payment,
            payment_created_at: booked(p, payment).await,
            amount: dec!(1234),
            withholding: dec!(0),
        }],
    )
    .await;
    assert!(again.is_err(), "a paid payment matched again: {again:?}");
    assert_eq!(matches_of(p, payment).await.len(), 1);
    assert_eq!(receipt_numbers(p, payment).await.len(), 1);
    let (_, status, _, _, _) = stored_line(p, "D#1").await;
    let (_, status_0, _, _, _) = stored_line(p, "D#0").await;
    assert_eq!(
        BTreeSet::from([status, status_0]),
        BTreeSet::from(["MATCHED".to_string(), "UNMATCHED".to_string()])
    );
}

#[tokio::test]
async fn lines_waiting_are_matched_when_their_payment_turns_up() {
    let db = TestDb::new().await;
    let finance = staff(&db, GroupRole::Finance).await;
    let p = &db.pool;
    let somchai = insured(p, person(p, 1, "สมชาย", "ใจดี").await, 1).await;
    let file = statement(vec![line(
        "E1",
        "2026-03-10",
        dec!(2222),
        (
            Some(somchai.policy_number.as_str()),
            Some("PAY-2569-00004001"),
        ),
        "BILL PAYMENT",
    )]);
    import(&finance.pool, &source("KBANK-PREMIUM", "early.csv"), &file)
        .await
        .expect("imported");
    assert_eq!(stored_line(p, "E1").await.1, "UNMATCHED");
    let payment = owed(
        p,
        &somchai,
        dec!(2222),
        "2026-03-10",
        "PAY-2569-00004001",
        None,
    )
    .await;
    assert_eq!(
        reconcile::auto_match_all(&finance.pool).await.unwrap(),
        MatchCounts {
            reference: 1,
            ..MatchCounts::default()
        }
    );
    assert_eq!(payment_state(p, payment).await, PaymentState::matched());
    assert_eq!(receipt_numbers(p, payment).await.len(), 1);
}

#[tokio::test]
async fn a_match_someone_undid_is_not_made_again_by_the_rules() {
    let db = TestDb::new().await;
    let finance = staff(&db, GroupRole::Finance).await;
    let p = &db.pool;
    let somchai = insured(p, person(p, 1, "สมชาย", "ใจดี").await, 1).await;
    let payment = owed(
        p,
        &somchai,
        dec!(3333),
        "2026-03-10",
        "PAY-2569-00004101",
        None,
    )
    .await;
    let file = statement(vec![line(
        "U1",
        "2026-03-10",
        dec!(3333),
        (
            Some(somchai.policy_number.as_str()),
            Some("PAY-2569-00004101"),
        ),
        "BILL PAYMENT",
    )]);
    import(&finance.pool, &source("KBANK-PREMIUM", "undo.csv"), &file)
        .await
        .expect("imported");
    let (line_id, status, _, _, version) = stored_line(p, "U1").await;
    assert_eq!(status, "MATCHED");
    reconcile_work::unmatch(&finance.pool, line_id, version, "ลูกค้าคนละคน ชื่อซ้ำ")
        .await
        .expect("undone");

    // Running the rules again leaves the person's decision alone.
    let again = reconcile::auto_match_all(&finance.pool).await.unwrap();
    assert_eq!(again.reference, 0, "{again:?}");
    assert_eq!(stored_line(p, "U1").await.1, "UNMATCHED");
    assert_eq!(payment_state(p, payment).await, PaymentState::owed());
    let live: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM reconciliation_matches WHERE payment_id = $1 AND undone_at IS NULL",
    )
    .bind(payment)
    .fetch_one(p)
    .await
    .unwrap();
    assert_eq!(live, 0);
}

// ---------------------------------------------------------------------------------------
// Matching by hand, splitting, undoing

#[tokio::test]
async fn a_split_match_pays_both_instalments_with_receipts_and_undo_restores_everything() {
    let db = TestDb::new().await;
    let finance = staff(&db, GroupRole::Finance).await;
    let p = &db.pool;
    // The seller comes from the settings at the time of issue.
    sqlx::query(
        "UPDATE system_configurations SET config_value = '1 ถนนสาทร แขวงยานนาวา เขตสาทร กรุงเทพมหานคร 10120'
          WHERE config_key = 'COMPANY_ADDRESS_TH'",
    )
    .execute(p)
    .await
    .unwrap();
    let tax_id = company_tax_id(1);
    let siam = insured(p, company(p, 1, "บริษัท ขนส่งสยาม จำกัด").await, 1).await;
    let first = owed(
        p,
        &siam,
        dec!(5371.40),
        "2026-03-10",
        "PAY-2569-00005001",
        Some((1, 2)),
    )
    .await;
    let second = owed(
        p,
        &siam,
        dec!(5371.40),
        "2026-04-10",
        "PAY-2569-00005002",
        Some((2, 2)),
    )
    .await;
    let file = statement(vec![line(
        "S1",
        "2026-03-09",
        dec!(10742.80),
        (None, None),
        "TRANSFER FROM SIAM TRANSPORT",
    )]);
    import(&finance.pool, &source("KBANK-PREMIUM", "split.csv"), &file)
        .await
        .expect("imported");
    let (line_id, status, _, _, version) = stored_line(p, "S1").await;
    assert_eq!(status, "UNMATCHED");
    let allocations = [
        Allocation {
            payment_id: first,
            payment_created_at: booked(p, first).await,
            amount: dec!(5371.40),
            withholding: dec!(0),
        },
        Allocation {
            payment_id: second,
            payment_created_at: booked(p, second).await,
            amount: dec!(5371.40),
            withholding: dec!(0),
        },
    ];
    // Loaded before someone else touched the line: a conflict, nothing written.
    sqlx::query("UPDATE bank_statement_lines SET description = description || ' ' WHERE id = $1")
        .bind(line_id)
        .execute(p)
        .await
        .unwrap();
    match reconcile_work::match_line(&finance.pool, line_id, version, &allocations).await {
        Err(SaveError::Conflict(conflict)) => assert_eq!(conflict.version, version + 1),
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(payment_state(p, first).await, PaymentState::owed());
    assert_eq!(
        count(p, "SELECT count(*) FROM reconciliation_matches").await,
        0
    );
    assert_eq!(count(p, "SELECT count(*) FROM payment_receipts").await, 0);
    assert_eq!(numbers_drawn(p).await, 0);

    let issued = reconcile_work::match_line(&finance.pool, line_id, version + 1, &allocations)
        .await
        .expect("split over the two instalments");
    assert_eq!(
        issued.iter().map(|r| r.payment_id).collect::<Vec<_>>(),
        [first, second]
    );
    let serials: Vec<i64> = issued.iter().map(|r| serial(&r.receipt_number)).collect();
    assert_eq!(serials, [1, 2], "consecutive numbers: {issued:?}");

    for (payment, n) in [(first, 1), (second, 2)] {
        assert_eq!(payment_state(p, payment).await, PaymentState::matched());
        assert_eq!(
            matches_of(p, payment).await,
            [(line_id, dec!(5371.40), dec!(0), "SPLIT".to_string(), true)]
        );
        let mut expected = invoice(
            dec!(5371.40),
            dec!(0),
            ("บริษัท ขนส่งสยาม จำกัด", &tax_id, Some("00000")),
            company_address(),
            format!("ค่าเบี้ยประกันภัยงวดที่ {n}/2 {}", siam.policy_number),
        );
        expected.seller_address =
            Some("1 ถนนสาทร แขวงยานนาวา เขตสาทร กรุงเทพมหานคร 10120".to_string());
        assert_eq!(receipts_of(p, payment).await, [expected]);
    }
    let vat: Vec<(Option<Decimal>, Option<Decimal>)> = sqlx::query_as(
        "SELECT vat_amount, amount_before_vat FROM payment_receipts ORDER BY receipt_number",
    )
    .fetch_all(p)
    .await
    .unwrap();
    assert_eq!(
        vat,
        [
            (Some(dec!(351.40)), Some(dec!(5020.00))),
            (Some(dec!(351.40)), Some(dec!(5020.00)))
        ]
    );
    let (_, status, matched, rule, version) = stored_line(p, "S1").await;
    assert_eq!(
        (status.as_str(), matched, rule.as_deref()),
        ("MATCHED", dec!(10742.80), Some("SPLIT"))
    );
    assert!(
        !reconcile_work::open_lines(&finance.pool)
            .await
            .unwrap()
            .iter()
            .any(|l| l.id == line_id)
    );

    // Undo: owed again, the receipts voided but kept, the line open, the matches marked.
    let undone_at_least: DateTime<Utc> = sqlx::query_scalar("SELECT now()")
        .fetch_one(p)
        .await
        .unwrap();
    let reason = "โอนมาผิดบัญชี ลูกค้าขอคืน";
    assert!(matches!(
        reconcile_work::unmatch(&finance.pool, line_id, version - 1, reason).await,
        Err(SaveError::Conflict(_))
    ));
    assert_eq!(payment_state(p, first).await, PaymentState::matched());
    let version = reconcile_work::unmatch(&finance.pool, line_id, version, reason)
        .await
        .expect("undone");
    for payment in [first, second] {
        assert_eq!(payment_state(p, payment).await, PaymentState::owed());
        let undone: (bool, Option<Uuid>, Option<String>) = sqlx::query_as(
            "SELECT undone_at IS NOT NULL, undone_by, undo_reason FROM reconciliation_matches
              WHERE payment_id = $1",
        )
        .bind(payment)
        .fetch_one(p)
        .await
        .unwrap();
        assert_eq!(undone, (true, Some(finance.id), Some(reason.to_string())));
        let voided: Vec<(String, bool, Option<String>)> = sqlx::query_as(
            "SELECT receipt_number, voided_at IS NOT NULL, void_reason FROM payment_receipts
              WHERE payment_id = $1",
        )
        .bind(payment)
        .fetch_all(p)
        .await
        .unwrap();
        assert_eq!(voided.len(), 1);
        assert!(voided[0].1, "voided");
        assert!(voided[0].2.as_deref().is_some_and(|r| r.contains(reason)));
    }
    assert_eq!(
        receipt_numbers(p, first).await,
        [issued[0].receipt_number.clone()],
        "kept with its number"
    );
    let (_, status, matched, rule, _) = stored_line(p, "S1").await;
    assert_eq!(
        (status.as_str(), matched, rule.as_deref()),
        ("UNMATCHED", dec!(0), None)
    );
    assert!(
        reconcile_work::open_lines(&finance.pool)
            .await
            .unwrap()
            .iter()
            .any(|l| l.id == line_id)
    );

    // Audited, in the finance officer's name.
    let audited: Vec<(String, String)> = sqlx::query_as(
        "SELECT DISTINCT table_name::text, operation::text FROM audit_logs
          WHERE db_user = $1 AND logged_at >= $2 AND operation = 'UPDATE'
          ORDER BY 1",
    )
    .bind(&finance.username)
    .bind(undone_at_least)
    .fetch_all(p)
    .await
    .unwrap();
    let tables: Vec<&str> = audited.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        tables,
        [
            "bank_statement_lines",
            "payment_receipts",
            "payments",
            "reconciliation_matches"
        ]
    );
    let undo_trail: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_logs
          WHERE table_name = 'reconciliation_matches' AND operation = 'UPDATE' AND db_user = $1
            AND 'undone_at' = ANY(changed_fields) AND new_values->>'undo_reason' = $2",
    )
    .bind(&finance.username)
    .bind(reason)
    .fetch_one(p)
    .await
    .unwrap();
    assert_eq!(undo_trail, 2);

    // Matched again, each gets a new receipt with the next number.
    let issued_again = reconcile_work::match_line(&finance.pool, line_id, version, &allocations)
        .await
        .expect("matched again");
    let serials: Vec<i64> = issued_again
        .iter()
        .map(|r| serial(&r.receipt_number))
        .collect();
    assert_eq!(serials, [3, 4]);
    assert_eq!(receipt_numbers(p, first).await.len(), 2);
    assert_eq!(numbers_drawn(p).await, 4);
}

#[tokio::test]
async fn a_manual_match_of_one_payment_is_manual_and_a_dispute_holds_the_line() {
    let db = TestDb::new().await;
    let finance = staff(&db, GroupRole::Finance).await;
    let p = &db.pool;
    let somchai = insured(p, person(p, 1, "สมชาย", "ใจดี").await, 1).await;
    let payment = owed(
        p,
        &somchai,
        dec!(6000),
        "2026-03-10",
        "PAY-2569-00006001",
        None,
    )
    .await;
    let file = statement(vec![line(
        "M1",
        "2026-04-30",
        dec!(6000),
        (None, None),
        "CASH DEPOSIT",
    )]);
    import(&finance.pool, &source("KBANK-PREMIUM", "manual.csv"), &file)
        .await
        .expect("imported");
    let (line_id, _, _, _, version) = stored_line(p, "M1").await;

    // Disputed: it stays open with its note and cannot be matched until settled.
    let version = reconcile_work::dispute(&finance.pool, line_id, version, Some("ลูกค้าแจ้งโอนซ้ำ"))
        .await
        .expect("disputed");
    let open = reconcile_work::open_lines(&finance.pool).await.unwrap();
    let held = open.iter().find(|l| l.id == line_id).expect("still open");
    assert_eq!(
        (
            held.status.as_str(),
            held.dispute_note.as_deref(),
            held.version
        ),
        ("DISPUTED", Some("ลูกค้าแจ้งโอนซ้ำ"), version)
    );
    let allocation = [Allocation {
        payment_id: payment,
        payment_created_at: booked(p, payment).await,
        amount: dec!(6000),
        withholding: dec!(0),
    }];
    assert!(
        reconcile_work::match_line(&finance.pool, line_id, version, &allocation)
            .await
            .is_err()
    );
    assert_eq!(payment_state(p, payment).await, PaymentState::owed());
    let version = reconcile_work::dispute(&finance.pool, line_id, version, None)
        .await
        .expect("settled");
    let (_, status, _, _, _) = stored_line(p, "M1").await;
    assert_eq!(status, "UNMATCHED");

    let issued = reconcile_work::match_line(&finance.pool, line_id, version, &allocation)
        .await
        .expect("matched by hand");
    assert_eq!(issued.len(), 1);
    assert_eq!(
        matches_of(p, payment).await,
        [(line_id, dec!(6000), dec!(0), "MANUAL".to_string(), true)]
    );
    assert_eq!(
        issued[0].receipt_number,
        receipt_numbers(p, payment).await[0]
    );

    // More than the line carries is refused, writing nothing.
    let other = owed(
        p,
        &somchai,
        dec!(500),
        "2026-04-10",
        "PAY-2569-00006002",
        None,
    )
    .await;
    let file = statement(vec![line(
        "M2",
        "2026-04-30",
        dec!(400),
        (None, None),
        "CASH",
    )]);
    import(&finance.pool, &source("KBANK-PREMIUM", "short.csv"), &file)
        .await
        .expect("imported");
    let (short_line, _, _, _, version) = stored_line(p, "M2").await;
    let outcome = reconcile_work::match_line(
        &finance.pool,
        short_line,
        version,
        &[Allocation {
            payment_id: other,
            payment_created_at: booked(p, other).await,
            amount: dec!(500),
            withholding: dec!(0),
        }],
    )
    .await;
    assert!(outcome.is_err(), "500 out of a 400 line: {outcome:?}");
    assert_eq!(payment_state(p, other).await, PaymentState::owed());
    assert_eq!(receipt_numbers(p, other).await.len(), 0);
    assert_eq!(numbers_drawn(p).await, 1, "no number spent");
}

#[tokio::test]
async fn a_match_pays_exactly_what_is_due_and_only_companies_withhold() {
    let db = TestDb::new().await;
    let finance = staff(&db, GroupRole::Finance).await;
    let p = &db.pool;
    let somchai = insured(p, person(p, 1, "สมชาย", "ใจดี").await, 1).await;
    let payment = owed(
        p,
        &somchai,
        dec!(6000),
        "2026-03-10",
        "PAY-2569-00008001",
        None,
    )
    .await;
    let file = statement(vec![line(
        "P1",
        "2026-04-30",
        dec!(6000),
        (None, None),
        "CASH",
    )]);
    import(&finance.pool, &source("KBANK-PREMIUM", "part.csv"), &file)
        .await
        .expect("imported");
    let (line_id, _, _, _, version) = stored_line(p, "P1").await;

    // 500 of a 6,000 line does not pay a 6,000 premium.
    let part = reconcile_work::match_line(
        &finance.pool,
        line_id,
        version,
        &[Allocation {
            payment_id: payment,
            payment_created_at: booked(p, payment).await,
            amount: dec!(500),
            withholding: dec!(0),
        }],
    )
    .await;
    assert!(part.is_err(), "a 6,000 premium paid with 500: {part:?}");
    assert_eq!(payment_state(p, payment).await, PaymentState::owed());
    // Nor does a person withhold 1 %: individuals do not (DOMAIN §6).
    let (_, _, _, _, version) = stored_line(p, "P1").await;
    let withheld = reconcile_work::match_line(
        &finance.pool,
        line_id,
        version,
        &[Allocation {
            payment_id: payment,
            payment_created_at: booked(p, payment).await,
            amount: dec!(5943.93),
            withholding: dec!(56.07),
        }],
    )
    .await;
    assert!(withheld.is_err(), "a person withholding tax: {withheld:?}");
    assert_eq!(payment_state(p, payment).await, PaymentState::owed());
    assert_eq!(receipt_numbers(p, payment).await.len(), 0);
    assert_eq!(numbers_drawn(p).await, 0);
    let (_, status, matched, _, _) = stored_line(p, "P1").await;
    assert_eq!((status.as_str(), matched), ("UNMATCHED", dec!(0)));

    // Nor at the counter.
    let version: i32 = sqlx::query_scalar("SELECT version FROM payments WHERE id = $1")
        .bind(payment)
        .fetch_one(p)
        .await
        .unwrap();
    let at_counter = reconcile_work::record_counter_payment(
        &finance.pool,
        payment,
        version,
        &CounterPayment {
            method: CounterMethod::Cash,
            reference: None,
            card_last_four: None,
            withholding: dec!(56.07),
        },
    )
    .await;
    assert!(
        at_counter.is_err(),
        "a person withholding at the counter: {at_counter:?}"
    );
    assert_eq!(payment_state(p, payment).await, PaymentState::owed());
    assert_eq!(numbers_drawn(p).await, 0);
}

// ---------------------------------------------------------------------------------------
// The counter and payouts

#[tokio::test]
async fn a_counter_payment_is_paid_with_its_receipt_and_a_stale_one_writes_nothing() {
    let db = TestDb::new().await;
    let finance = staff(&db, GroupRole::Finance).await;
    let p = &db.pool;
    let tax_id = company_tax_id(1);
    let siam = insured(p, company(p, 1, "บริษัท ขนส่งสยาม จำกัด").await, 1).await;
    let payment = owed(
        p,
        &siam,
        dec!(10742.80),
        "2026-03-10",
        "PAY-2569-00007001",
        None,
    )
    .await;
    let somchai = insured(p, person(p, 2, "สมชาย", "ใจดี").await, 2).await;
    let by_card = owed(
        p,
        &somchai,
        dec!(3500),
        "2026-03-10",
        "PAY-2569-00007002",
        Some((1, 2)),
    )
    .await;

    // Found by the policy number or the payment's reference.
    for search in [siam.policy_number.as_str(), "PAY-2569-00007001"] {
        let owed_list = reconcile_work::owed_payments(&finance.pool, search)
            .await
            .unwrap();
        let found: Vec<(Uuid, Decimal, &str, Option<&str>)> = owed_list
            .iter()
            .map(|o| {
                (
                    o.id,
                    o.amount_due,
                    o.customer_name.as_str(),
                    o.reference.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            found,
            [(
                payment,
                dec!(10742.80),
                "บริษัท ขนส่งสยาม จำกัด",
                Some("PAY-2569-00007001")
            )],
            "{search}"
        );
    }
    let loaded: i32 = sqlx::query_scalar("SELECT version FROM payments WHERE id = $1")
        .bind(payment)
        .fetch_one(p)
        .await
        .unwrap();

    // Someone else changed it since: nothing is written.
    sqlx::query("UPDATE payments SET due_date = due_date + 1 WHERE id = $1")
        .bind(payment)
        .execute(p)
        .await
        .unwrap();
    let cash = CounterPayment {
        method: CounterMethod::Cash,
        reference: None,
        card_last_four: None,
        withholding: dec!(100.40),
    };
    match reconcile_work::record_counter_payment(&finance.pool, payment, loaded, &cash).await {
        Err(SaveError::Conflict(conflict)) => assert_eq!(conflict.version, loaded + 1),
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(payment_state(p, payment).await, PaymentState::owed());
    assert_eq!(receipt_numbers(p, payment).await.len(), 0);
    assert_eq!(numbers_drawn(p).await, 0);

    let receipt = reconcile_work::record_counter_payment(&finance.pool, payment, loaded + 1, &cash)
        .await
        .expect("paid at the counter");
    assert_eq!(receipt.payment_id, payment);
    assert_eq!(
        receipt_numbers(p, payment).await,
        std::slice::from_ref(&receipt.receipt_number)
    );
    let paid: (String, String, Option<String>, bool) = sqlx::query_as(
        "SELECT payment_status, payment_method, payment_channel, payment_date IS NOT NULL
           FROM payments WHERE id = $1",
    )
    .bind(payment)
    .fetch_one(p)
    .await
    .unwrap();
    assert_eq!(
        paid,
        (
            "SUCCESS".to_string(),
            "CASH".to_string(),
            Some("COUNTER".to_string()),
            true
        )
    );
    assert_eq!(
        receipts_of(p, payment).await,
        [invoice(
            dec!(10742.80),
            dec!(100.40),
            ("บริษัท ขนส่งสยาม จำกัด", &tax_id, Some("00000")),
            company_address(),
            format!("ค่าเบี้ยประกันภัย {}", siam.policy_number),
        )]
    );
    // Paid, it is no longer owed, and cannot be paid twice.
    assert!(
        reconcile_work::owed_payments(&finance.pool, &siam.policy_number)
            .await
            .unwrap()
            .is_empty()
    );
    let version: i32 = sqlx::query_scalar("SELECT version FROM payments WHERE id = $1")
        .bind(payment)
        .fetch_one(p)
        .await
        .unwrap();
    assert!(
        reconcile_work::record_counter_payment(&finance.pool, payment, version, &cash)
            .await
            .is_err()
    );
    assert_eq!(receipt_numbers(p, payment).await.len(), 1);

    // By card: the slip's last four digits kept.
    let version: i32 = sqlx::query_scalar("SELECT version FROM payments WHERE id = $1")
        .bind(by_card)
        .fetch_one(p)
        .await
        .unwrap();
    let card = CounterPayment {
        method: CounterMethod::Card,
        reference: Some("SLIP-778812".to_string()),
        card_last_four: Some("4242".to_string()),
        withholding: dec!(0),
    };
    reconcile_work::record_counter_payment(&finance.pool, by_card, version, &card)
        .await
        .expect("paid by card");
    let carded: (String, String, Option<String>) = sqlx::query_as(
        "SELECT payment_status, payment_method, card_last_four FROM payments WHERE id = $1",
    )
    .bind(by_card)
    .fetch_one(p)
    .await
    .unwrap();
    assert_eq!(
        carded,
        (
            "SUCCESS".to_string(),
            "CREDIT_CARD".to_string(),
            Some("4242".to_string())
        )
    );
    assert_eq!(
        receipts_of(p, by_card).await,
        [invoice(
            dec!(3500),
            dec!(0),
            ("สมชาย ใจดี", &fixtures::national_id(2), None),
            person_address(),
            format!("ค่าเบี้ยประกันภัยงวดที่ 1/2 {}", somchai.policy_number),
        )]
    );
    let serials: BTreeSet<i64> =
        sqlx::query_scalar::<_, String>("SELECT receipt_number FROM payment_receipts")
            .fetch_all(p)
            .await
            .unwrap()
            .iter()
            .map(|n| serial(n))
            .collect();
    assert_eq!(serials, BTreeSet::from([1, 2]));
}

/// A claim put in APPROVED by the system, approved at 30,000 (as in tests/it/claims.rs).
async fn approved_claim(pool: &PgPool, policy: Uuid, adjuster: Uuid) -> Uuid {
    sqlx::query_scalar(
        "INSERT INTO claims (claim_number, policy_id, adjuster_id, incident_date, reported_date,
                             claim_type, status, incident_description, assessed_amount,
                             approved_amount)
         VALUES ('SYS-' || gen_random_uuid(), $1, $2, '2026-06-01 10:00+07',
                 '2026-06-01 12:00+07', 'ACCIDENT', 'APPROVED', 'ชนท้ายที่แยกอโศก', 30000, 30000)
         RETURNING id",
    )
    .bind(policy)
    .bind(adjuster)
    .fetch_one(pool)
    .await
    .expect("an approved claim")
}

#[tokio::test]
async fn paying_a_settlement_settles_its_claim_and_a_refund_is_simply_paid() {
    let db = TestDb::new().await;
    let adjuster = staff_with_limit(&db, GroupRole::Adjuster, dec!(1000000)).await;
    let finance = staff(&db, GroupRole::Finance).await;
    let p = &db.pool;
    let somchai = insured(p, person(p, 1, "สมชาย", "ใจดี").await, 1).await;
    let claim = approved_claim(p, somchai.policy, adjuster.id).await;
    let version: i32 = sqlx::query_scalar("SELECT version FROM claims WHERE id = $1")
        .bind(claim)
        .fetch_one(p)
        .await
        .unwrap();
    let settled = claim_work::settle(
        &adjuster.pool,
        claim,
        version,
        &SettlementDraft {
            settlement_type: SettlementType::Repair,
            payee_type: PayeeType::RepairShop,
            payee_name: "อู่ช่างเอกการช่าง".to_string(),
            at_fault: true,
            bank_code: Some("004".to_string()),
            bank_account: Some("0123456789".to_string()),
        },
    )
    .await
    .expect("settled by the adjuster");
    let net = settled.net_amount;
    let refund: Uuid = sqlx::query_scalar(
        "INSERT INTO payments (policy_id, customer_id, payment_type, payment_direction, amount,
                               total_amount, payment_method)
         VALUES ($1, $2, 'REFUND', 'OUTGOING', 1200, 1200, 'BANK_TRANSFER') RETURNING id",
    )
    .bind(somchai.policy)
    .bind(somchai.customer)
    .fetch_one(p)
    .await
    .unwrap();

    let waiting = reconcile_work::pending_payouts(&finance.pool)
        .await
        .unwrap();
    let payout = waiting
        .iter()
        .find(|w| w.payment_type == "CLAIM_SETTLEMENT")
        .expect("the settlement waits");
    assert_eq!(payout.amount, net);
    assert!(payout.claim_number.is_some());
    assert!(
        waiting
            .iter()
            .any(|w| w.id == refund && w.amount == dec!(1200))
    );
    assert_eq!(waiting.len(), 2);

    let transfer = Transfer {
        bank_code: "014".to_string(),
        account_number: "123-4-56789-0".to_string(),
        transfer_reference: "SCB2026060100123".to_string(),
        paid_at: at("2026-06-05"),
    };
    // A stale payout writes nothing.
    assert!(matches!(
        reconcile_work::record_payout(&finance.pool, payout.id, payout.version - 1, &transfer)
            .await,
        Err(SaveError::Conflict(_))
    ));
    let untouched: (String, String) =
        sqlx::query_as("SELECT p.payment_status, c.status FROM payments p JOIN claims c ON c.id = p.claim_id WHERE p.id = $1")
            .bind(payout.id)
            .fetch_one(p)
            .await
            .unwrap();
    assert_eq!(untouched, ("PENDING".to_string(), "APPROVED".to_string()));

    reconcile_work::record_payout(&finance.pool, payout.id, payout.version, &transfer)
        .await
        .expect("the transfer recorded");
    let paid: (
        String,
        Option<String>,
        Option<String>,
        Option<DateTime<Utc>>,
    ) = sqlx::query_as(
        "SELECT payment_status, bank_code, bank_account_number, payment_date FROM payments
          WHERE id = $1",
    )
    .bind(payout.id)
    .fetch_one(p)
    .await
    .unwrap();
    assert_eq!(
        paid,
        (
            "SUCCESS".to_string(),
            Some("014".to_string()),
            Some("xxx-x-x6789-0".to_string()),
            Some(at("2026-06-05"))
        )
    );
    let settlement: (String, bool) = sqlx::query_as(
        "SELECT status, settled_at IS NOT NULL FROM claim_settlements WHERE claim_id = $1",
    )
    .bind(claim)
    .fetch_one(p)
    .await
    .unwrap();
    assert_eq!(settlement, ("PAID".to_string(), true));
    let claim_row: (String, Option<Decimal>) =
        sqlx::query_as("SELECT status, settled_amount FROM claims WHERE id = $1")
            .bind(claim)
            .fetch_one(p)
            .await
            .unwrap();
    assert_eq!(claim_row, ("SETTLED".to_string(), Some(net)));
    let moved_by: Option<Uuid> = sqlx::query_scalar(
        "SELECT changed_by FROM claim_status_history WHERE claim_id = $1 AND to_status = 'SETTLED'",
    )
    .bind(claim)
    .fetch_one(p)
    .await
    .unwrap();
    assert_eq!(moved_by, Some(finance.id), "settled in finance's name");
    // No receipt goes with money going out.
    assert_eq!(receipt_numbers(p, payout.id).await.len(), 0);

    // The refund: paid, nothing else.
    let refund_version = waiting.iter().find(|w| w.id == refund).unwrap().version;
    reconcile_work::record_payout(
        &finance.pool,
        refund,
        refund_version,
        &Transfer {
            bank_code: "004".to_string(),
            account_number: "0123456789".to_string(),
            transfer_reference: "KB-REFUND-1".to_string(),
            paid_at: at("2026-06-06"),
        },
    )
    .await
    .expect("the refund paid");
    let refunded: (String, Option<String>, Option<String>) = sqlx::query_as(
        "SELECT payment_status, bank_code, bank_account_number FROM payments WHERE id = $1",
    )
    .bind(refund)
    .fetch_one(p)
    .await
    .unwrap();
    assert_eq!(
        refunded,
        (
            "SUCCESS".to_string(),
            Some("004".to_string()),
            Some("xxxxx56789".to_string())
        )
    );
    assert!(
        reconcile_work::pending_payouts(&finance.pool)
            .await
            .unwrap()
            .is_empty()
    );

    // An adjuster cannot record a payout.
    let another = approved_claim(p, somchai.policy, adjuster.id).await;
    let version: i32 = sqlx::query_scalar("SELECT version FROM claims WHERE id = $1")
        .bind(another)
        .fetch_one(p)
        .await
        .unwrap();
    claim_work::settle(
        &adjuster.pool,
        another,
        version,
        &SettlementDraft {
            settlement_type: SettlementType::Repair,
            payee_type: PayeeType::RepairShop,
            payee_name: "อู่ช่างเอกการช่าง".to_string(),
            at_fault: true,
            bank_code: None,
            bank_account: None,
        },
    )
    .await
    .unwrap();
    let (other_payout, other_version): (Uuid, i32) =
        sqlx::query_as("SELECT id, version FROM payments WHERE claim_id = $1")
            .bind(another)
            .fetch_one(p)
            .await
            .unwrap();
    assert!(
        reconcile_work::record_payout(&adjuster.pool, other_payout, other_version, &transfer)
            .await
            .is_err()
    );
    let still: String = sqlx::query_scalar("SELECT payment_status FROM payments WHERE id = $1")
        .bind(other_payout)
        .fetch_one(p)
        .await
        .unwrap();
    assert_eq!(still, "PENDING");
}

#[test]
fn an_account_is_masked_to_its_last_five_digits_in_its_own_layout() {
    assert_eq!(
        reconcile_work::mask_account("123-4-56789-0"),
        "xxx-x-x6789-0"
    );
    assert_eq!(reconcile_work::mask_account("0123456789"), "xxxxx56789");
    assert_eq!(reconcile_work::mask_account("1234"), "1234");
}

#[test]
fn a_company_withholds_one_percent_of_the_vat_base_from_a_thousand_baht() {
    assert_eq!(reconcile::withholding_on(dec!(10742.80)), dec!(100.40));
    assert_eq!(reconcile::withholding_on(dec!(999.99)), dec!(0));
    assert_eq!(reconcile::withholding_on(dec!(1000)), dec!(9.35));
}

// ---------------------------------------------------------------------------------------
// Sentences

#[test]
fn every_rule_of_0022_has_a_sentence_in_thai_and_english() {
    let migration = include_str!("../../migrations/0022_reconciliation.sql");
    let named =
        regex_lite::Regex::new(r"(?:CONSTRAINT\s*=?\s*'?|CREATE UNIQUE INDEX\s+)([a-z0-9_]+)")
            .unwrap();
    let names: BTreeSet<&str> = named
        .captures_iter(migration)
        .map(|c| c.get(1).unwrap().as_str())
        .collect();
    for expected in [
        "chk_payment_receipts_finance",
        "chk_payment_receipts_once",
        "chk_payment_receipts_paid",
        "chk_reconciliation_matches_total",
        "bank_statements_file_key",
        "bank_statement_lines_key",
        "reconciliation_matches_one_live_per_payment",
    ] {
        assert!(
            names.contains(expected),
            "{expected} not found in {names:?}"
        );
    }
    let mut missing = Vec::new();
    for name in names {
        let Some(message) = prakan::db::error::constraint_message(name) else {
            missing.push(format!("{name}: no message"));
            continue;
        };
        let th = message.text(Lang::Th);
        let en = message.text(Lang::En);
        if th.starts_with('⟦') || en.starts_with('⟦') || th == en {
            missing.push(format!("{name}: th {th:?}, en {en:?}"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
