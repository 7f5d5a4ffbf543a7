//! Reading the sample files of `tests/fixtures/statements/`, malformed variants of them,
//! and files written by the demo writers.

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Timelike, Utc};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::*;
use crate::i18n::Lang;

const KBANK: &[u8] = include_bytes!("../../../tests/fixtures/statements/kbank.csv");
const KBANK_BAD: &[u8] = include_bytes!("../../../tests/fixtures/statements/kbank_bad_lines.csv");
const SCB: &[u8] = include_bytes!("../../../tests/fixtures/statements/scb.csv");
const CAMT: &[u8] = include_bytes!("../../../tests/fixtures/statements/camt053.xml");
const CAMT_MISMATCH: &[u8] =
    include_bytes!("../../../tests/fixtures/statements/camt053_balance_mismatch.xml");

fn kbank() -> Profile {
    builtin_profile("KBANK").unwrap()
}

fn scb() -> Profile {
    builtin_profile("scb").unwrap()
}

fn utc(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, s).unwrap()
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn some(text: &str) -> Option<String> {
    Some(text.to_string())
}

/// The problems of a refused file as (line, message key).
fn problems(result: Result<ParsedStatement, StatementError>) -> Vec<(u32, &'static str)> {
    match result {
        Err(StatementError::Lines(problems)) => {
            for problem in &problems {
                for lang in Lang::ALL {
                    let text = problem.text(lang);
                    assert!(!text.contains('⟦'), "{text}");
                }
            }
            problems.iter().map(|p| (p.line, p.problem.key)).collect()
        }
        other => panic!("expected line problems, got {other:?}"),
    }
}

fn not_a_statement(result: Result<ParsedStatement, StatementError>) -> &'static str {
    match result {
        Err(StatementError::NotAStatement(message)) => {
            for lang in Lang::ALL {
                assert!(!message.text(lang).contains('⟦'), "{}", message.key);
            }
            message.key
        }
        other => panic!("expected not a statement, got {other:?}"),
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn the_builtin_profiles_are_kbank_scb_and_camt053() {
    let profiles = builtin_profiles();
    let codes: Vec<&str> = profiles.iter().map(|(code, _, _)| *code).collect();
    assert_eq!(codes, ["KBANK", "SCB", "CAMT053"]);
    for (_, name, _) in &profiles {
        for lang in Lang::ALL {
            assert!(!name.text(lang).contains('⟦'), "{}", name.key);
        }
    }
    assert_eq!(builtin_profile(" camt053 "), Some(Profile::Camt053));
    assert_eq!(builtin_profile("BBL"), None);
}

#[test]
fn kbank_fixture_reads_to_the_exact_lines() {
    let statement = parse(KBANK, &kbank()).unwrap();
    assert_eq!(statement.opening_balance, Some(dec!(1482315.40)));
    assert_eq!(statement.closing_balance, Some(dec!(247044.54)));
    assert_eq!(
        statement.period,
        Some((ymd(2026, 11, 2), ymd(2026, 11, 29)))
    );
    assert_eq!(statement.lines.len(), 8);
    assert_eq!(
        statement.lines[0],
        StatementLine {
            line_number: 15,
            booked_at: utc(2026, 11, 2, 1, 42, 0),
            amount: dec!(18560.00),
            ref1: some("C1-2569-0000123"),
            ref2: some("PAY-2569-00000042"),
            description: "ชำระเบี้ยประกัน จาก นายสมชาย ใจดี".to_string(),
            balance: Some(dec!(1500875.40)),
            bank_reference: None,
            key: "2026-11-02|18560.00|ชำระเบี้ยประกัน จาก นายสมชาย ใจดี|0".to_string(),
        }
    );
    let summary: Vec<(u32, Decimal, Option<Decimal>, &str)> = statement
        .lines
        .iter()
        .map(|l| (l.line_number, l.amount, l.balance, l.description.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            (
                15,
                dec!(18560.00),
                Some(dec!(1500875.40)),
                "ชำระเบี้ยประกัน จาก นายสมชาย ใจดี"
            ),
            (
                16,
                dec!(1234.56),
                Some(dec!(1502109.96)),
                "รับโอนจาก นายสมชาย ใจดี"
            ),
            (
                17,
                dec!(-25000.00),
                Some(dec!(1477109.96)),
                "โอนเงินไป อู่ช่างเอก การาจ, ค่าซ่อมรถ"
            ),
            (
                18,
                dec!(500.00),
                Some(dec!(1477609.96)),
                "รับโอนจาก น.ส.มาลี ศรีสุข"
            ),
            (
                19,
                dec!(500.00),
                Some(dec!(1478109.96)),
                "รับโอนจาก น.ส.มาลี ศรีสุข"
            ),
            (
                20,
                dec!(6934.58),
                Some(dec!(1485044.54)),
                "ชำระเบี้ยประกัน จาก บริษัท ขนส่งไทย จำกัด"
            ),
            (
                21,
                dec!(-1250000.00),
                Some(dec!(235044.54)),
                "โอนเงินไป บัญชีเงินฝากประจำ 123-2-34567-8"
            ),
            (
                22,
                dec!(12000.00),
                Some(dec!(247044.54)),
                "รับโอนจาก นางวิไล แก้วมณี"
            ),
        ]
    );
    let sixth = &statement.lines[5];
    assert_eq!(sixth.ref1, some("C1-2569-0000456"));
    assert_eq!(sixth.ref2, some("PAY-2569-00000057"));
    assert_eq!(sixth.booked_at, utc(2026, 11, 12, 4, 47, 0));
    assert!(statement.lines[1].ref1.is_none() && statement.lines[1].ref2.is_none());
}

#[test]
fn identical_lines_in_one_file_get_different_keys() {
    let statement = parse(KBANK, &kbank()).unwrap();
    assert_eq!(
        statement.lines[3].key,
        "2026-11-05|500.00|รับโอนจาก น.ส.มาลี ศรีสุข|0"
    );
    assert_eq!(
        statement.lines[4].key,
        "2026-11-05|500.00|รับโอนจาก น.ส.มาลี ศรีสุข|1"
    );
    let mut keys: Vec<&str> = statement.lines.iter().map(|l| l.key.as_str()).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), statement.lines.len());
    assert!(keys.iter().all(|k| k.chars().count() <= 300));
}

#[test]
fn scb_fixture_reads_buddhist_years_and_direction_codes() {
    let statement = parse(SCB, &scb()).unwrap();
    assert_eq!(statement.opening_balance, Some(dec!(356200.00)));
    assert_eq!(statement.closing_balance, Some(dec!(342680.78)));
    assert_eq!(
        statement.period,
        Some((ymd(2026, 11, 3), ymd(2026, 11, 29)))
    );
    assert_eq!(
        statement.lines[0],
        StatementLine {
            line_number: 6,
            booked_at: utc(2026, 11, 3, 2, 12, 0),
            amount: dec!(9850.00),
            ref1: some("C1-2569-0000789"),
            ref2: some("PAY-2569-00000061"),
            description: "รับชำระค่าเบี้ยประกัน นายประเสริฐ มั่นคง".to_string(),
            balance: Some(dec!(366050.00)),
            bank_reference: None,
            key: "2026-11-03|9850.00|รับชำระค่าเบี้ยประกัน นายประเสริฐ มั่นคง|0".to_string(),
        }
    );
    let summary: Vec<(u32, DateTime<Utc>, Decimal)> = statement
        .lines
        .iter()
        .map(|l| (l.line_number, l.booked_at, l.amount))
        .collect();
    assert_eq!(
        summary,
        [
            (6, utc(2026, 11, 3, 2, 12, 0), dec!(9850.00)),
            (7, utc(2026, 11, 7, 7, 3, 0), dec!(2500.00)),
            (8, utc(2026, 11, 15, 3, 30, 0), dec!(-48000.00)),
            (9, utc(2026, 11, 21, 1, 55, 0), dec!(15000.00)),
            (10, utc(2026, 11, 29, 9, 40, 0), dec!(7130.78)),
        ]
    );
    assert_eq!(
        statement.lines[2].description,
        "โอนไป BBL x7710 บจก. อู่ศรีนคร เซอร์วิส"
    );
    assert_eq!(statement.lines[2].ref1, None);
    assert_eq!(statement.lines[4].ref1, some("C1-2569-0000321"));
    assert_eq!(statement.lines[4].ref2, some("PAY-2569-00000077"));
}

#[test]
fn christian_years_read_the_same_as_buddhist_ones() {
    let christian = text(SCB).replace("/2569", "/2026");
    assert_eq!(
        parse(christian.as_bytes(), &scb()).unwrap(),
        parse(SCB, &scb()).unwrap()
    );
    // A profile that says the years are Christian refuses Buddhist ones.
    let mut mapping = CsvMapping::scb();
    mapping.era = Era::Ce;
    let lines = problems(parse(SCB, &Profile::Csv(mapping)));
    assert_eq!(lines.len(), 5);
    assert!(
        lines
            .iter()
            .all(|(_, key)| *key == "statement-line-year-buddhist")
    );
}

#[test]
fn a_byte_order_mark_is_stripped() {
    assert!(KBANK.starts_with(b"\xEF\xBB\xBF"));
    let without = &KBANK[3..];
    assert_eq!(
        parse(without, &kbank()).unwrap(),
        parse(KBANK, &kbank()).unwrap()
    );
    let mut with = b"\xEF\xBB\xBF".to_vec();
    with.extend_from_slice(SCB);
    assert_eq!(parse(&with, &scb()).unwrap(), parse(SCB, &scb()).unwrap());
    let mut camt = b"\xEF\xBB\xBF".to_vec();
    camt.extend_from_slice(CAMT);
    assert_eq!(
        parse(&camt, &Profile::Camt053).unwrap(),
        parse(CAMT, &Profile::Camt053).unwrap()
    );
}

#[test]
fn camt053_fixture_reads_to_the_exact_lines() {
    let statement = parse(CAMT, &Profile::Camt053).unwrap();
    assert_eq!(statement.opening_balance, Some(dec!(500000.00)));
    assert_eq!(statement.closing_balance, Some(dec!(501729.14)));
    assert_eq!(
        statement.period,
        Some((ymd(2026, 11, 1), ymd(2026, 11, 30)))
    );
    assert_eq!(
        statement.lines,
        [
            StatementLine {
                line_number: 1,
                booked_at: utc(2026, 11, 2, 1, 42, 10),
                amount: dec!(18560.00),
                ref1: some("C1-2569-0000123"),
                ref2: some("PAY-2569-00000042"),
                description: "ชำระเบี้ยประกันภัย นายสมชาย ใจดี".to_string(),
                balance: None,
                bank_reference: some("KB261102084210000123"),
                key: "KB261102084210000123".to_string(),
            },
            StatementLine {
                line_number: 2,
                // A booking date without a time: midnight in Bangkok.
                booked_at: utc(2026, 11, 2, 17, 0, 0),
                amount: dec!(-25000.00),
                ref1: None,
                ref2: None,
                description: "ค่าซ่อมรถ & อะไหล่ อู่ช่างเอก การาจ".to_string(),
                balance: None,
                bank_reference: some("KB261103000000000456"),
                key: "KB261103000000000456".to_string(),
            },
            StatementLine {
                line_number: 3,
                booked_at: utc(2026, 11, 5, 3, 15, 0),
                amount: dec!(1234.56),
                ref1: None,
                ref2: None,
                description: "รับโอนจาก นายสมชาย ใจดี".to_string(),
                balance: None,
                bank_reference: None,
                key: "2026-11-05|1234.56|รับโอนจาก นายสมชาย ใจดี|0".to_string(),
            },
            // Entry 4 is pending (PDNG): not on the statement yet.
            StatementLine {
                line_number: 5,
                booked_at: utc(2026, 11, 12, 4, 47, 0),
                amount: dec!(6934.58),
                ref1: some("C1-2569-0000456"),
                ref2: None,
                description: "ชำระเบี้ยประกันภัย หักภาษี ณ ที่จ่าย 1% บริษัท ขนส่งไทย จำกัด".to_string(),
                balance: None,
                bank_reference: some("KB261112114700000789"),
                key: "KB261112114700000789".to_string(),
            },
        ]
    );
}

#[test]
fn a_camt053_whose_balances_do_not_add_up_is_refused_whole() {
    let error = parse(CAMT_MISMATCH, &Profile::Camt053).unwrap_err();
    assert_eq!(
        error,
        StatementError::BalanceMismatch {
            opening: dec!(500000.00),
            lines_total: dec!(1729.14),
            closing: dec!(501829.14),
        }
    );
    let english = error.text(Lang::En);
    assert!(english.contains("500,000.00"), "{english}");
    assert!(english.contains("1,729.14"), "{english}");
    assert!(english.contains("501,729.14"), "{english}");
    assert!(english.contains("501,829.14"), "{english}");
    assert!(!error.text(Lang::Th).contains('⟦'));
}

#[test]
fn malformed_lines_are_reported_with_their_line_numbers() {
    let result = parse(KBANK_BAD, &kbank());
    let error = result.clone().unwrap_err();
    assert_eq!(
        problems(result),
        [
            (17, "statement-line-date"),
            (20, "statement-line-debit-and-credit")
        ]
    );
    let english = error.text(Lang::En);
    assert!(
        english.starts_with("The file has 2 malformed lines; nothing was imported."),
        "{english}"
    );
    assert!(
        english.contains("Line 17: \"31-11-26 13:20\" is not a date in the format %d-%m-%y %H:%M."),
        "{english}"
    );
    assert!(
        english.contains("Line 20: it has both a withdrawal (6,934.58) and a deposit (6,934.58)."),
        "{english}"
    );
    assert!(error.text(Lang::Th).contains("บรรทัดที่ 17"));
}

#[test]
fn every_kind_of_malformed_line_is_named() {
    let kbank_text = text(KBANK);
    let with = |from: &str, to: &str| {
        assert!(kbank_text.contains(from), "{from}");
        parse(kbank_text.replacen(from, to, 1).as_bytes(), &kbank())
    };
    assert_eq!(
        problems(with(
            ",,\"1,234.56\",,,\"1,502,109.96\"",
            ",,,,,\"1,502,109.96\""
        )),
        [(16, "statement-line-no-amount")]
    );
    assert_eq!(
        problems(with(
            ",,\"1,234.56\",,,\"1,502,109.96\"",
            ",,\"1,234.5x\",,,\"1,502,109.96\""
        )),
        [(16, "statement-line-amount")]
    );
    assert_eq!(
        problems(with(
            ",,\"1,234.56\",,,\"1,502,109.96\"",
            ",,\"12,34.56\",,,\"1,502,109.96\""
        )),
        [(16, "statement-line-amount")]
    );
    // The unused column may say 0.00; both at zero is no amount.
    let zero_debit = with(
        ",,\"1,234.56\",,,\"1,502,109.96\"",
        ",0.00,\"1,234.56\",,,\"1,502,109.96\"",
    );
    assert_eq!(zero_debit.unwrap(), parse(KBANK, &kbank()).unwrap());
    assert_eq!(
        problems(with(
            ",,\"1,234.56\",,,\"1,502,109.96\"",
            ",0.00,0.00,,,\"1,502,109.96\""
        )),
        [(16, "statement-line-no-amount")]
    );
    assert_eq!(
        problems(with("\"1,502,109.96\"", "\"1,502,109.96 THB\"")),
        [(16, "statement-line-balance")]
    );
    assert_eq!(
        problems(with("\"1,502,109.96\"", "\"1,502,119.96\"")),
        // The wrong balance, and the next line's that follows the true one.
        [
            (16, "statement-line-running-balance"),
            (17, "statement-line-running-balance")
        ]
    );
    assert_eq!(
        problems(with("2,02-11-26 10:15,02-11-26,", "2,02-11-26 10:15,")),
        [(16, "statement-line-columns")]
    );
    assert_eq!(
        problems(with("C1-2569-0000123", &"C".repeat(51))),
        [(15, "statement-line-reference-too-long")]
    );

    let scb_text = text(SCB);
    let scb_with = |from: &str, to: &str| {
        assert!(scb_text.contains(from), "{from}");
        parse(scb_text.replacen(from, to, 1).as_bytes(), &scb())
    };
    assert_eq!(
        problems(scb_with("14:03,X1,", "14:03,X9,")),
        [(7, "statement-line-direction-code")]
    );
    // Codes compare without regard to case and spaces.
    assert_eq!(
        scb_with("14:03,X1,", "14:03, x1 ,").unwrap(),
        parse(SCB, &scb()).unwrap()
    );
    assert_eq!(
        problems(scb_with("07/11/2569,14:03", "07/11/2569,14h03")),
        [(7, "statement-line-time")]
    );
    assert_eq!(
        problems(scb_with("07/11/2569,14:03", "2569-11-07,14:03")),
        [(7, "statement-line-date")]
    );
    assert_eq!(
        problems(scb_with("\"2,500.00\"", "0.00")),
        [(7, "statement-line-amount-zero")]
    );
}

#[test]
fn files_that_are_not_statements_are_refused() {
    assert_eq!(not_a_statement(parse(b"", &kbank())), "statement-empty");
    assert_eq!(
        not_a_statement(parse(b"\xEF\xBB\xBF \n", &scb())),
        "statement-empty"
    );
    assert_eq!(not_a_statement(parse(CAMT, &kbank())), "statement-not-csv");
    assert_eq!(
        not_a_statement(parse(KBANK, &Profile::Camt053)),
        "statement-not-xml"
    );
    // An SCB file is too short for the KBank layout's 13 lines of details.
    assert_eq!(not_a_statement(parse(SCB, &kbank())), "statement-no-header");
    let mut narrow = CsvMapping::scb();
    narrow.description = Some(20);
    assert_eq!(
        not_a_statement(parse(SCB, &Profile::Csv(narrow))),
        "statement-header-columns"
    );
    let mut latin1 = SCB.to_vec();
    let third_line = latin1
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(1)
        .unwrap()
        .0;
    latin1[third_line + 1] = 0xFF;
    match parse(&latin1, &scb()) {
        Err(StatementError::NotAStatement(message)) => {
            assert_eq!(message.key, "statement-not-utf8");
            assert_eq!(
                message.text(Lang::En),
                "The file is not UTF-8 text (line 3). Export it from the bank again as UTF-8 CSV."
            );
        }
        other => panic!("{other:?}"),
    }
    let camt052 = text(CAMT).replace("camt.053.001.02", "camt.052.001.02");
    assert_eq!(
        not_a_statement(parse(camt052.as_bytes(), &Profile::Camt053)),
        "statement-not-camt053"
    );
    let mut bad_mapping = CsvMapping::kbank();
    bad_mapping.delimiter = 'ก';
    assert_eq!(
        not_a_statement(parse(KBANK, &Profile::Csv(bad_mapping))),
        "statement-mapping-delimiter"
    );
}

#[test]
fn malformed_camt053_entries_are_reported_by_index() {
    let camt = text(CAMT);
    let result = parse(
        camt.replacen(
            "<CdtDbtInd>DBIT</CdtDbtInd>",
            "<CdtDbtInd>DEBIT</CdtDbtInd>",
            1,
        )
        .replacen(
            "<Amt Ccy=\"THB\">1234.56</Amt>",
            "<Amt Ccy=\"USD\">1234.56</Amt>",
            1,
        )
        .replacen(
            "<DtTm>2026-11-12T11:47:00+07:00</DtTm>",
            "<DtTm>12/11/2026</DtTm>",
            1,
        )
        .as_bytes(),
        &Profile::Camt053,
    );
    assert_eq!(
        problems(result),
        [
            (2, "statement-line-credit-debit"),
            (3, "statement-line-currency"),
            (5, "statement-line-date")
        ]
    );
    let no_date = camt.replacen(
        "<BookgDt>\n          <Dt>2026-11-03</Dt>\n        </BookgDt>",
        "",
        1,
    );
    assert_ne!(no_date, camt);
    assert_eq!(
        problems(parse(no_date.as_bytes(), &Profile::Camt053)),
        [(2, "statement-line-no-date")]
    );
    let bad_amount = camt.replacen(">25000.00<", ">25,000.00<", 1);
    assert_eq!(
        problems(parse(bad_amount.as_bytes(), &Profile::Camt053)),
        [(2, "statement-line-amount")]
    );
}

#[test]
fn a_camt053_with_several_statements_of_one_account_reads_as_one() {
    let camt = text(CAMT);
    let start = camt.find("    <Stmt>").unwrap();
    let end = camt.find("  </BkToCstmrStmt>").unwrap();
    let statement = &camt[start..end];
    // A second day: opening 501,729.14, one debit of 729.14, closing 501,000.00.
    let second = statement
        .replace("<Amt Ccy=\"THB\">500000.00</Amt>", "<Amt Ccy=\"THB\">501729.14</Amt>")
        .replace("<Amt Ccy=\"THB\">501729.14</Amt>\n        <CdtDbtInd>CRDT</CdtDbtInd>\n        <Dt>\n          <Dt>2026-11-30", "<Amt Ccy=\"THB\">501000.00</Amt>\n        <CdtDbtInd>CRDT</CdtDbtInd>\n        <Dt>\n          <Dt>2026-11-30");
    let entries_start = second.find("      <Ntry>").unwrap();
    let entries_end = second.rfind("    </Stmt>").unwrap();
    let second = format!(
        "{}      <Ntry>\n        <Amt Ccy=\"THB\">729.14</Amt>\n        <CdtDbtInd>DBIT</CdtDbtInd>\n        <Sts>BOOK</Sts>\n        <BookgDt><Dt>2026-12-01</Dt></BookgDt>\n        <AcctSvcrRef>KB261201000000000999</AcctSvcrRef>\n      </Ntry>\n{}",
        &second[..entries_start],
        &second[entries_end..]
    )
    .replace("2026-11-30T23:59:59", "2026-12-01T23:59:59");
    let two = format!("{}{}{}", &camt[..end], second, &camt[end..]);
    let parsed = parse(two.as_bytes(), &Profile::Camt053).unwrap();
    assert_eq!(parsed.lines.len(), 5);
    assert_eq!(parsed.lines[4].line_number, 6);
    assert_eq!(parsed.lines[4].amount, dec!(-729.14));
    assert_eq!(parsed.opening_balance, Some(dec!(500000.00)));
    assert_eq!(parsed.closing_balance, Some(dec!(501000.00)));
    assert_eq!(parsed.period, Some((ymd(2026, 11, 1), ymd(2026, 12, 1))));

    let other_account = format!(
        "{}{}{}",
        &camt[..end],
        second.replace("<Id>1231234567</Id>", "<Id>9876543210</Id>"),
        &camt[end..]
    );
    assert_eq!(
        not_a_statement(parse(other_account.as_bytes(), &Profile::Camt053)),
        "statement-camt-accounts"
    );
}

#[test]
fn a_mapping_of_another_layout_reads_signed_amounts_and_bank_references() {
    // No header, semicolons, ISO dates with the time apart, newest first, a footer.
    let mapping: CsvMapping = serde_json::from_value(serde_json::json!({
        "delimiter": ";",
        "has_header": false,
        "date": {"column": 0, "format": "%Y-%m-%d"},
        "time": {"column": 1, "format": "%H:%M:%S"},
        "amount": {"kind": "signed", "column": 3},
        "description": 2,
        "balance": 4,
        "bank_reference": 5,
        "thousands_separator": " ",
        "skip_footer_rows": 1,
        "newest_first": true
    }))
    .unwrap();
    let file = "2026-11-03;16:00:01;ค่าธรรมเนียม;-15.00;1 989.00;REF-3\n\
                2026-11-02;09:30:00;รับโอน;(1 000.00);2 004.00;REF-2\n\
                \n\
                2026-11-01;08:00:00;รับโอน;+3 004.00;3 004.00;REF-1\n\
                รวม;;;;;\n";
    let statement = parse(file.as_bytes(), &Profile::Csv(mapping)).unwrap();
    let lines: Vec<(u32, DateTime<Utc>, Decimal, &str)> = statement
        .lines
        .iter()
        .map(|l| (l.line_number, l.booked_at, l.amount, l.key.as_str()))
        .collect();
    assert_eq!(
        lines,
        [
            (4, utc(2026, 11, 1, 1, 0, 0), dec!(3004.00), "REF-1"),
            (2, utc(2026, 11, 2, 2, 30, 0), dec!(-1000.00), "REF-2"),
            (1, utc(2026, 11, 3, 9, 0, 1), dec!(-15.00), "REF-3"),
        ]
    );
    assert_eq!(statement.opening_balance, Some(dec!(0.00)));
    assert_eq!(statement.closing_balance, Some(dec!(1989.00)));
    assert_eq!(statement.period, Some((ymd(2026, 11, 1), ymd(2026, 11, 3))));
}

#[test]
fn a_file_without_balances_has_none_to_check() {
    let mut mapping = CsvMapping::scb();
    mapping.balance = None;
    let statement = parse(SCB, &Profile::Csv(mapping)).unwrap();
    assert_eq!(statement.opening_balance, None);
    assert_eq!(statement.closing_balance, None);
    assert!(statement.lines.iter().all(|l| l.balance.is_none()));
    assert_eq!(statement.lines.len(), 5);
}

#[test]
fn a_header_without_lines_is_an_empty_statement() {
    let header_only: String = text(SCB).lines().take(5).collect::<Vec<_>>().join("\n");
    let statement = parse(header_only.as_bytes(), &scb()).unwrap();
    assert_eq!(statement, ParsedStatement::default());
}

#[test]
fn sha256_is_lowercase_hex() {
    assert_eq!(
        sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_ne!(sha256_hex(KBANK), sha256_hex(&KBANK[3..]));
}

/// Twenty-one movements over twenty days, with two identical ones (and without a bank
/// reference) on day 10 and one without a description.
fn sample_lines() -> Vec<SampleLine> {
    let mut lines: Vec<SampleLine> = (1..=20)
        .map(|day| SampleLine {
            booked_at: utc(2026, 11, day, 2, 15, 30),
            amount: if day % 4 == 0 {
                Decimal::new(-(day as i64) * 100_011, 2)
            } else {
                Decimal::new(day as i64 * 123_456 + 7, 2)
            },
            ref1: (day % 2 == 1).then(|| format!("C1-2569-{:07}", day * 37)),
            ref2: (day % 3 == 1).then(|| format!("PAY-2569-{:08}", day * 41)),
            description: format!("รับโอนจาก นาย ทดสอบ {day}, \"ลูกค้า\" <&>"),
            bank_reference: Some(format!("BR{day:05}")),
        })
        .collect();
    lines[9].ref1 = None;
    lines[9].ref2 = None;
    lines[9].amount = dec!(500.00);
    lines[9].bank_reference = None;
    lines.insert(10, lines[9].clone());
    lines[3].description = String::new();
    lines
}

#[test]
fn a_written_kbank_file_reads_back() {
    let lines = sample_lines();
    let file = write_kbank_csv("123-1-23456-7", &lines, dec!(1000000.00));
    assert!(file.starts_with("\u{feff}รายการเดินบัญชีเงินฝากออมทรัพย์ (มีรายละเอียด),"));
    let statement = parse(file.as_bytes(), &kbank()).unwrap();
    assert_eq!(statement.lines.len(), lines.len());
    let mut balance = dec!(1000000.00);
    for (i, (read, written)) in statement.lines.iter().zip(&lines).enumerate() {
        balance += written.amount;
        assert_eq!(read.line_number, 15 + i as u32);
        // KBank writes minutes and has no bank reference column.
        assert_eq!(read.booked_at, written.booked_at.with_second(0).unwrap());
        assert_eq!(read.amount, written.amount);
        assert_eq!(read.ref1, written.ref1);
        assert_eq!(read.ref2, written.ref2);
        assert_eq!(read.description, written.description);
        assert_eq!(read.balance, Some(balance));
        assert_eq!(read.bank_reference, None);
    }
    assert_eq!(statement.lines[9].key.rsplit('|').next(), Some("0"));
    assert_eq!(statement.lines[10].key.rsplit('|').next(), Some("1"));
    assert_eq!(statement.opening_balance, Some(dec!(1000000.00)));
    assert_eq!(statement.closing_balance, Some(balance));
    assert_eq!(
        statement.period,
        Some((ymd(2026, 11, 1), ymd(2026, 11, 20)))
    );
}

#[test]
fn a_written_camt053_file_reads_back_exactly() {
    let lines = sample_lines();
    let file = write_camt053("123-1-23456-7", &lines, dec!(-250.50));
    let statement = parse(file.as_bytes(), &Profile::Camt053).unwrap();
    let read: Vec<SampleLine> = statement
        .lines
        .iter()
        .map(|l| SampleLine {
            booked_at: l.booked_at,
            amount: l.amount,
            ref1: l.ref1.clone(),
            ref2: l.ref2.clone(),
            description: l.description.clone(),
            bank_reference: l.bank_reference.clone(),
        })
        .collect();
    assert_eq!(read, lines);
    let numbers: Vec<u32> = statement.lines.iter().map(|l| l.line_number).collect();
    assert_eq!(numbers, (1..=lines.len() as u32).collect::<Vec<_>>());
    assert_eq!(statement.opening_balance, Some(dec!(-250.50)));
    assert_eq!(
        statement.closing_balance,
        Some(dec!(-250.50) + lines.iter().map(|l| l.amount).sum::<Decimal>())
    );
    assert_eq!(
        statement.period,
        Some((ymd(2026, 11, 1), ymd(2026, 11, 20)))
    );
    for line in &statement.lines {
        match &line.bank_reference {
            Some(reference) => assert_eq!(&line.key, reference),
            None => assert!(line.key.starts_with("2026-11-10|500.00|"), "{}", line.key),
        }
    }
    // The same lines make the same file.
    assert_eq!(write_camt053("123-1-23456-7", &lines, dec!(-250.50)), file);
}

#[test]
fn overlapping_files_give_the_shared_movements_the_same_keys() {
    let lines = sample_lines();
    // Days 1–12 (with both identical movements of day 10) and days 8–20.
    let first_end = lines.iter().position(|l| l.booked_at.day() == 13).unwrap();
    let second_start = lines.iter().position(|l| l.booked_at.day() == 8).unwrap();
    let opening_second = dec!(1000.00)
        + lines[..second_start]
            .iter()
            .map(|l| l.amount)
            .sum::<Decimal>();
    for (write, profile) in [
        (
            write_kbank_csv as fn(&str, &[SampleLine], Decimal) -> String,
            kbank(),
        ),
        (write_camt053, Profile::Camt053),
    ] {
        let first = parse(
            write("123-1-23456-7", &lines[..first_end], dec!(1000.00)).as_bytes(),
            &profile,
        )
        .unwrap();
        let second = parse(
            write("123-1-23456-7", &lines[second_start..], opening_second).as_bytes(),
            &profile,
        )
        .unwrap();
        let keys = |s: &ParsedStatement| -> Vec<String> {
            s.lines.iter().map(|l| l.key.clone()).collect()
        };
        let (a, b) = (keys(&first), keys(&second));
        let shared: Vec<&String> = a.iter().filter(|k| b.contains(k)).collect();
        assert_eq!(shared.len(), first_end - second_start, "{profile:?}");
        assert_eq!(&a[second_start..], &b[..first_end - second_start]);
        let mut all: Vec<&String> = a.iter().chain(&b).collect();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), lines.len(), "{profile:?}");
    }
}

/// A movement for the property tests: any moment of 2026 to the minute, any amount of up
/// to a hundred million baht either way, refs and descriptions with the characters CSV and
/// XML escape.
fn any_line() -> impl Strategy<Value = SampleLine> {
    (
        0i64..(365 * 24 * 60),
        1i64..10_000_000_000,
        any::<bool>(),
        proptest::option::of("[A-Z0-9-]{1,20}"),
        proptest::option::of("[A-Z0-9-]{1,20}"),
        "[ก-ฮa-z0-9 ,\"'<>&]{0,40}",
    )
        .prop_map(
            |(minute, cents, credit, ref1, ref2, description)| SampleLine {
                booked_at: utc(2026, 1, 1, 0, 0, 0) + chrono::Duration::minutes(minute),
                amount: Decimal::new(if credit { cents } else { -cents }, 2),
                ref1,
                ref2,
                description: description.trim().to_string(),
                bank_reference: None,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 48,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn written_files_read_back(
        mut lines in proptest::collection::vec(any_line(), 0..12),
        opening in -100_000_000i64..100_000_000,
    ) {
        lines.sort_by_key(|l| l.booked_at);
        let opening = Decimal::new(opening, 2);
        for profile in [kbank(), Profile::Camt053] {
            let file = match profile {
                Profile::Camt053 => write_camt053("9876543210", &lines, opening),
                Profile::Csv(_) => write_kbank_csv("9876543210", &lines, opening),
            };
            let statement = parse(file.as_bytes(), &profile).unwrap();
            let read: Vec<SampleLine> = statement.lines.iter().map(|l| SampleLine {
                booked_at: l.booked_at,
                amount: l.amount,
                ref1: l.ref1.clone(),
                ref2: l.ref2.clone(),
                description: l.description.clone(),
                bank_reference: l.bank_reference.clone(),
            }).collect();
            prop_assert_eq!(&read, &lines);
            if !lines.is_empty() {
                prop_assert_eq!(statement.opening_balance, Some(opening));
            }
        }
    }
}
