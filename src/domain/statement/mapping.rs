//! Where a bank's CSV statement keeps what: the column mapping finance saves per layout
//! (`statement_profiles.mapping` holds it as JSON), and the built-in KBank and SCB layouts.

use chrono::format::{Item, StrftimeItems};
use serde::{Deserialize, Serialize};

use crate::i18n::Message;
use crate::msg;

/// How to read one bank's CSV statement. Columns count from 0.
///
/// As JSON (the KBank layout):
/// `{"skip_rows":13,"delimiter":",","has_header":true,"date":{"column":1,"format":"%d-%m-%y %H:%M"},
/// "time":null,"amount":{"kind":"debit_credit","debit":4,"credit":5},"ref1":10,"ref2":11,
/// "description":12,"balance":8,"bank_reference":null,"thousands_separator":",","era":"CE",
/// "skip_footer_rows":0,"newest_first":false}`. Fields other than `date` and `amount` may be
/// left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsvMapping {
    /// Physical lines before the header row (or before the first data row when there is no
    /// header).
    #[serde(default)]
    pub skip_rows: usize,
    #[serde(default = "comma")]
    pub delimiter: char,
    /// Whether a header row (column titles) comes after the skipped lines. Every data row
    /// then has as many columns as the header.
    #[serde(default = "yes")]
    pub has_header: bool,
    /// The booking date, perhaps with the time (`%d-%m-%y %H:%M`, `%d/%m/%Y`).
    pub date: DateColumn,
    /// The time of day, when it has its own column (`%H:%M`, `%H:%M:%S`). Without either,
    /// a movement is booked at midnight.
    #[serde(default)]
    pub time: Option<DateColumn>,
    pub amount: AmountColumns,
    #[serde(default)]
    pub ref1: Option<usize>,
    #[serde(default)]
    pub ref2: Option<usize>,
    #[serde(default)]
    pub description: Option<usize>,
    /// The running balance after each movement; when present every line's balance is
    /// checked against the one before it.
    #[serde(default)]
    pub balance: Option<usize>,
    /// The bank's own reference for the movement (then the line's key).
    #[serde(default)]
    pub bank_reference: Option<usize>,
    /// Between groups of three digits ("1,234.56"); the decimal mark is always ".".
    #[serde(default)]
    pub thousands_separator: Option<char>,
    #[serde(default)]
    pub era: Era,
    /// Non-blank rows after the last movement to ignore (totals, signatures).
    #[serde(default)]
    pub skip_footer_rows: usize,
    /// The file lists the newest movement first.
    #[serde(default)]
    pub newest_first: bool,
}

fn comma() -> char {
    ','
}

fn yes() -> bool {
    true
}

/// A column and the chrono format (strftime) of the dates or times in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateColumn {
    pub column: usize,
    pub format: String,
}

/// Where a line's amount and its direction are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AmountColumns {
    /// One column, money in positive and money out negative.
    Signed { column: usize },
    /// A withdrawal column and a deposit column; a line fills exactly one of them.
    DebitCredit { debit: usize, credit: usize },
    /// The amount and a code saying its direction (SCB: X1 money in, X2 money out).
    /// Codes compare without regard to case or surrounding spaces.
    Direction {
        amount: usize,
        code: usize,
        credit_codes: Vec<String>,
        debit_codes: Vec<String>,
    },
}

/// Which era the years in the file count in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Era {
    /// Christian era: two-digit years are 20yy; a four-digit year above 2400 is refused.
    Ce,
    /// Buddhist era: two-digit years are 25yy; a four-digit year of 2400 or less is refused.
    Be,
    /// A four-digit year above 2400 is Buddhist, else Christian; two-digit years are 20yy.
    #[default]
    Auto,
}

impl CsvMapping {
    /// KBank's business CSV, the detailed savings account layout: UTF-8 with a BOM, the
    /// title "รายการเดินบัญชีเงินฝากออมทรัพย์ (มีรายละเอียด)", 13 lines of account details and
    /// totals, a header on line 14, then 13 columns: sequence, date and time (`DD-MM-YY
    /// HH:MM`, CE), effective date, transaction, withdrawal, deposit, cheque number, branch,
    /// balance, channel, Ref1, Ref2 (bill payments) and details (who paid or was paid).
    pub fn kbank() -> CsvMapping {
        CsvMapping {
            skip_rows: 13,
            delimiter: ',',
            has_header: true,
            date: DateColumn {
                column: 1,
                format: "%d-%m-%y %H:%M".to_string(),
            },
            time: None,
            amount: AmountColumns::DebitCredit {
                debit: 4,
                credit: 5,
            },
            ref1: Some(10),
            ref2: Some(11),
            description: Some(12),
            balance: Some(8),
            bank_reference: None,
            thousands_separator: Some(','),
            era: Era::Ce,
            skip_footer_rows: 0,
            newest_first: false,
        }
    }

    /// SCB's business CSV: four lines of account details, a header on line 5, then date
    /// (`DD/MM/YYYY`, Buddhist or Christian years), time, code (X1 money in, X2 money out),
    /// channel (ENET, SIPI, CDM…), amount, balance, description, Ref1, Ref2.
    pub fn scb() -> CsvMapping {
        CsvMapping {
            skip_rows: 4,
            delimiter: ',',
            has_header: true,
            date: DateColumn {
                column: 0,
                format: "%d/%m/%Y".to_string(),
            },
            time: Some(DateColumn {
                column: 1,
                format: "%H:%M".to_string(),
            }),
            amount: AmountColumns::Direction {
                amount: 4,
                code: 2,
                credit_codes: vec!["X1".to_string()],
                debit_codes: vec!["X2".to_string()],
            },
            ref1: Some(7),
            ref2: Some(8),
            description: Some(6),
            balance: Some(5),
            bank_reference: None,
            thousands_separator: Some(','),
            era: Era::Auto,
            skip_footer_rows: 0,
            newest_first: false,
        }
    }

    /// Whether the mapping can read anything: for the screen that edits one, and checked
    /// again by `parse`.
    pub fn check(&self) -> Result<(), Message> {
        let delimiter_ok = self.delimiter.is_ascii()
            && !matches!(self.delimiter, '"' | '\n' | '\r' | '.')
            && !self.delimiter.is_ascii_alphanumeric();
        if !delimiter_ok {
            return Err(msg!(
                "statement-mapping-delimiter",
                value = self.delimiter.to_string()
            ));
        }
        if let Some(separator) = self.thousands_separator
            && (separator == '.' || separator == '-' || separator.is_alphanumeric())
        {
            return Err(msg!(
                "statement-mapping-thousands",
                value = separator.to_string()
            ));
        }
        for column in std::iter::once(&self.date).chain(self.time.as_ref()) {
            if column.format.trim().is_empty()
                || StrftimeItems::new(&column.format).any(|item| matches!(item, Item::Error))
            {
                return Err(msg!(
                    "statement-mapping-date-format",
                    value = column.format.as_str()
                ));
            }
        }
        match &self.amount {
            AmountColumns::Signed { .. } => {}
            AmountColumns::DebitCredit { debit, credit } => {
                if debit == credit {
                    return Err(msg!("statement-mapping-debit-credit"));
                }
            }
            AmountColumns::Direction {
                amount,
                code,
                credit_codes,
                debit_codes,
            } => {
                let normal = |codes: &Vec<String>| -> Vec<String> {
                    codes.iter().map(|c| normal_code(c)).collect()
                };
                let (credits, debits) = (normal(credit_codes), normal(debit_codes));
                let overlap = credits.iter().any(|c| debits.contains(c));
                let empty = credits.iter().chain(&debits).any(|c| c.is_empty());
                if amount == code || credits.is_empty() || debits.is_empty() || overlap || empty {
                    return Err(msg!("statement-mapping-codes"));
                }
            }
        }
        Ok(())
    }

    /// How many columns a data row needs at least.
    pub(super) fn columns_needed(&self) -> usize {
        let amount_columns: Vec<usize> = match &self.amount {
            AmountColumns::Signed { column } => vec![*column],
            AmountColumns::DebitCredit { debit, credit } => vec![*debit, *credit],
            AmountColumns::Direction { amount, code, .. } => vec![*amount, *code],
        };
        [
            Some(self.date.column),
            self.time.as_ref().map(|t| t.column),
            self.ref1,
            self.ref2,
            self.description,
            self.balance,
            self.bank_reference,
        ]
        .into_iter()
        .flatten()
        .chain(amount_columns)
        .max()
        .map_or(0, |column| column + 1)
    }
}

/// A direction code as compared: trimmed, upper case.
pub(super) fn normal_code(code: &str) -> String {
    code.trim().to_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_json_of_a_mapping_reads_back() {
        for mapping in [CsvMapping::kbank(), CsvMapping::scb()] {
            mapping.check().unwrap();
            let json = serde_json::to_value(&mapping).unwrap();
            let back: CsvMapping = serde_json::from_value(json).unwrap();
            assert_eq!(back, mapping);
        }
        let json = serde_json::to_value(CsvMapping::kbank()).unwrap();
        assert_eq!(json["era"], "CE");
        assert_eq!(json["amount"]["kind"], "debit_credit");
        assert_eq!(json["date"]["format"], "%d-%m-%y %H:%M");
        assert_eq!(
            serde_json::to_value(CsvMapping::scb()).unwrap()["amount"],
            serde_json::json!({"kind": "direction", "amount": 4, "code": 2,
                "credit_codes": ["X1"], "debit_codes": ["X2"]})
        );
    }

    #[test]
    fn a_short_json_mapping_takes_the_defaults() {
        let mapping: CsvMapping = serde_json::from_str(
            r#"{"date": {"column": 0, "format": "%Y-%m-%d"},
                "amount": {"kind": "signed", "column": 2}, "description": 1}"#,
        )
        .unwrap();
        assert_eq!(mapping.skip_rows, 0);
        assert_eq!(mapping.delimiter, ',');
        assert!(mapping.has_header);
        assert_eq!(mapping.era, Era::Auto);
        assert_eq!(mapping.thousands_separator, None);
        assert_eq!(mapping.columns_needed(), 3);
        mapping.check().unwrap();
    }

    #[test]
    fn a_mapping_that_cannot_read_is_refused() {
        let key = |change: &dyn Fn(&mut CsvMapping)| {
            let mut mapping = CsvMapping::scb();
            change(&mut mapping);
            mapping.check().unwrap_err().key
        };
        assert_eq!(key(&|m| m.delimiter = 'ก'), "statement-mapping-delimiter");
        assert_eq!(key(&|m| m.delimiter = '"'), "statement-mapping-delimiter");
        assert_eq!(
            key(&|m| m.thousands_separator = Some('.')),
            "statement-mapping-thousands"
        );
        assert_eq!(
            key(&|m| m.date.format = "%d/%m/%Q".to_string()),
            "statement-mapping-date-format"
        );
        assert_eq!(
            key(&|m| m.time.as_mut().unwrap().format = String::new()),
            "statement-mapping-date-format"
        );
        assert_eq!(
            key(&|m| m.amount = AmountColumns::DebitCredit {
                debit: 3,
                credit: 3
            }),
            "statement-mapping-debit-credit"
        );
        assert_eq!(
            key(&|m| m.amount = AmountColumns::Direction {
                amount: 4,
                code: 2,
                credit_codes: vec!["x1".to_string()],
                debit_codes: vec![" X1 ".to_string()],
            }),
            "statement-mapping-codes"
        );
        assert_eq!(
            key(&|m| m.amount = AmountColumns::Direction {
                amount: 4,
                code: 2,
                credit_codes: vec![],
                debit_codes: vec!["X2".to_string()],
            }),
            "statement-mapping-codes"
        );
    }

    #[test]
    fn kbank_has_thirteen_columns() {
        assert_eq!(CsvMapping::kbank().columns_needed(), 13);
        assert_eq!(CsvMapping::scb().columns_needed(), 9);
    }
}
