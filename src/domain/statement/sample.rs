//! Writing statement files for the demo and the benchmarks, in the layouts `parse` reads.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;

use super::values::{self, grouped};

/// A movement to write into a statement file. Money in is positive, money out negative,
/// never zero.
#[derive(Debug, Clone, PartialEq)]
pub struct SampleLine {
    pub booked_at: DateTime<Utc>,
    pub amount: Decimal,
    pub ref1: Option<String>,
    pub ref2: Option<String>,
    pub description: String,
    pub bank_reference: Option<String>,
}

/// The title KBank puts on its detailed savings account statements.
pub const KBANK_TITLE: &str = "รายการเดินบัญชีเงินฝากออมทรัพย์ (มีรายละเอียด)";

const KBANK_COLUMNS: usize = 13;

/// A KBank business CSV statement (the `KBANK` profile's layout: BOM, 13 lines of account
/// details and totals, the header on line 14, one movement per line from line 15, CRLF line
/// ends) of `account_number`, starting from `opening_balance`. `parse` reads back the same
/// lines, except that KBank writes times to the minute and has no bank reference column:
/// seconds and `bank_reference` are not kept.
pub fn write_kbank_csv(
    account_number: &str,
    lines: &[SampleLine],
    opening_balance: Decimal,
) -> String {
    let row = |cells: &[(usize, String)]| {
        let mut record = vec![String::new(); KBANK_COLUMNS];
        for (column, text) in cells {
            record[*column] = text.clone();
        }
        record
    };
    let day = |moment: DateTime<Utc>| values::bangkok(moment).date();
    let from = lines.iter().map(|l| day(l.booked_at)).min();
    let to = lines.iter().map(|l| day(l.booked_at)).max();
    let (from, to) = (
        from.unwrap_or(NaiveDate::default()),
        to.unwrap_or(NaiveDate::default()),
    );
    let withdrawals: Vec<Decimal> = lines
        .iter()
        .filter(|l| l.amount.is_sign_negative())
        .map(|l| -l.amount)
        .collect();
    let deposits: Vec<Decimal> = lines
        .iter()
        .filter(|l| l.amount.is_sign_positive())
        .map(|l| l.amount)
        .collect();
    let closing = opening_balance + lines.iter().map(|l| l.amount).sum::<Decimal>();

    let mut records: Vec<Vec<String>> = vec![
        row(&[(0, KBANK_TITLE.to_string())]),
        row(&[]),
        row(&[(0, "เลขที่บัญชี".to_string()), (3, account_number.to_string())]),
        row(&[(0, "ประเภทบัญชี".to_string()), (3, "ออมทรัพย์".to_string())]),
        row(&[(0, "สกุลเงิน".to_string()), (3, "THB (บาท)".to_string())]),
        row(&[
            (9, "ช่วงวันที่".to_string()),
            (
                11,
                format!("{} - {}", from.format("%d/%m/%Y"), to.format("%d/%m/%Y")),
            ),
        ]),
        row(&[]),
        row(&[(9, "ยอดคงเหลือ".to_string()), (12, grouped(closing))]),
        row(&[
            (7, "รวมถอนเงิน".to_string()),
            (9, withdrawals.len().to_string()),
            (10, "รายการ".to_string()),
            (12, grouped(withdrawals.iter().sum())),
        ]),
        row(&[
            (7, "รวมฝากเงิน".to_string()),
            (9, deposits.len().to_string()),
            (10, "รายการ".to_string()),
            (12, grouped(deposits.iter().sum())),
        ]),
        row(&[(9, "ยอดยกมา".to_string()), (12, grouped(opening_balance))]),
        row(&[]),
        row(&[]),
        [
            "ลำดับ",
            "วันที่ทำรายการ",
            "วันที่มีผล",
            "รายการ",
            "ถอนเงิน (บาท)",
            "ฝากเงิน (บาท)",
            "เลขที่เช็ค",
            "สาขา",
            "ยอดคงเหลือ (บาท)",
            "ช่องทาง",
            "เลขที่อ้างอิง 1",
            "เลขที่อ้างอิง 2",
            "รายละเอียด",
        ]
        .map(String::from)
        .to_vec(),
    ];
    let mut balance = opening_balance;
    for (i, line) in lines.iter().enumerate() {
        balance += line.amount;
        let local = values::bangkok(line.booked_at);
        let credit = line.amount.is_sign_positive();
        let bill_payment = credit && line.ref1.is_some();
        let (kind, channel) = match (credit, bill_payment) {
            (true, true) => ("รับชำระเงิน", "Bill Payment"),
            (true, false) => ("รับโอนเงิน", "K PLUS"),
            (false, _) => ("โอนเงิน", "K BIZ"),
        };
        let amount = grouped(line.amount.abs());
        records.push(vec![
            (i + 1).to_string(),
            local.format("%d-%m-%y %H:%M").to_string(),
            local.format("%d-%m-%y").to_string(),
            kind.to_string(),
            if credit {
                String::new()
            } else {
                amount.clone()
            },
            if credit { amount } else { String::new() },
            String::new(),
            String::new(),
            grouped(balance),
            channel.to_string(),
            line.ref1.clone().unwrap_or_default(),
            line.ref2.clone().unwrap_or_default(),
            line.description.clone(),
        ]);
    }

    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for record in &records {
        writer
            .write_record(record)
            .expect("writing to memory does not fail");
    }
    let bytes = writer
        .into_inner()
        .expect("writing to memory does not fail");
    let mut text = String::from("\u{feff}");
    text.push_str(&String::from_utf8(bytes).expect("the fields are UTF-8"));
    text
}
