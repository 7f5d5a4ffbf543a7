//! Reading a CSV statement through a column mapping.

use chrono::NaiveTime;
use chrono::format::{Item, StrftimeItems};
use rust_decimal::Decimal;

use super::mapping::{AmountColumns, CsvMapping, normal_code};
use super::values::{self, parse_amount};
use super::{
    LineProblem, MAX_BANK_REFERENCE, MAX_REF, ParsedStatement, StatementError, StatementLine,
    assign_keys, check_balances, period_of, reference, utf8,
};
use crate::i18n::Message;
use crate::msg;

/// Reads a CSV statement (without its BOM) through `mapping`.
pub fn parse(bytes: &[u8], mapping: &CsvMapping) -> Result<ParsedStatement, StatementError> {
    mapping.check().map_err(StatementError::NotAStatement)?;
    let start = bytes.trim_ascii_start();
    if start.is_empty() {
        return Err(StatementError::NotAStatement(msg!("statement-empty")));
    }
    if start.starts_with(b"<") || start.starts_with(b"%PDF") || start.starts_with(b"{") {
        return Err(StatementError::NotAStatement(msg!("statement-not-csv")));
    }
    let text = utf8(bytes)?;

    let rows = data_rows(text, mapping)?;
    let reader = LineReader::new(mapping);
    let mut results: Vec<Result<StatementLine, LineProblem>> = rows
        .rows
        .iter()
        .map(|(line_number, record)| {
            reader
                .read(*line_number, record, rows.header_columns)
                .map_err(|problem| LineProblem {
                    line: *line_number,
                    problem,
                })
        })
        .collect();
    if mapping.newest_first {
        results.reverse();
    }
    let mut problems = running_balance_problems(&results);
    let mut lines = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(line) => lines.push(line),
            Err(problem) => problems.push(problem),
        }
    }
    if !problems.is_empty() {
        problems.sort_by_key(|p| p.line);
        return Err(StatementError::Lines(problems));
    }

    let (opening_balance, closing_balance) = balances(&lines);
    check_balances(opening_balance, closing_balance, &lines)?;
    assign_keys(&mut lines);
    Ok(ParsedStatement {
        period: period_of(&lines),
        lines,
        opening_balance,
        closing_balance,
    })
}

struct DataRows {
    /// Physical line (1-based) and fields of each data row.
    rows: Vec<(u32, csv::StringRecord)>,
    header_columns: Option<usize>,
}

/// The rows after the skipped lines and the header, less blank rows and the footer.
fn data_rows(text: &str, mapping: &CsvMapping) -> Result<DataRows, StatementError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(mapping.delimiter as u8)
        .from_reader(text.as_bytes());
    let mut header_columns = None;
    let mut rows = Vec::new();
    let mut lines = LineCounter::new(text);
    for record in reader.records() {
        let record = record.map_err(|error| {
            let line = error.position().map_or(0, |p| lines.line_at(p.byte()));
            StatementError::NotAStatement(msg!("statement-csv-unreadable", line = line))
        })?;
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        if line <= mapping.skip_rows as u64 || record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if mapping.has_header && header_columns.is_none() {
            header_columns = Some(record.len());
            continue;
        }
        rows.push((u32::try_from(line).unwrap_or(u32::MAX), record));
    }
    let needed = mapping.columns_needed();
    if mapping.has_header {
        match header_columns {
            None => {
                return Err(StatementError::NotAStatement(msg!(
                    "statement-no-header",
                    line = mapping.skip_rows + 1
                )));
            }
            Some(found) if found < needed => {
                return Err(StatementError::NotAStatement(msg!(
                    "statement-header-columns",
                    expected = needed,
                    found = found
                )));
            }
            Some(_) => {}
        }
    }
    rows.truncate(rows.len().saturating_sub(mapping.skip_footer_rows));
    Ok(DataRows {
        rows,
        header_columns,
    })
}

/// Physical line numbers of byte offsets, counted forwards once. (The csv crate's own line
/// count lags behind at CRLF line ends and blank lines: a record's position is where the
/// record before it ended.)
struct LineCounter<'t> {
    text: &'t [u8],
    offset: usize,
    line: u64,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> LineCounter<'t> {
        LineCounter {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    /// The line of the first character at or after `offset` that does not end a line:
    /// where a record found from `offset` on starts. Offsets only move forwards.
    fn line_at(&mut self, offset: u64) -> u64 {
        let mut target = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while target < self.text.len() && matches!(self.text[target], b'\r' | b'\n') {
            target += 1;
        }
        if target > self.offset {
            self.line += self.text[self.offset..target]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u64;
            self.offset = target;
        }
        self.line
    }
}

/// A mapping with its date formats compiled once per file.
struct LineReader<'m> {
    mapping: &'m CsvMapping,
    date_format: Vec<Item<'m>>,
    time_format: Option<Vec<Item<'m>>>,
    needed: usize,
}

impl<'m> LineReader<'m> {
    fn new(mapping: &'m CsvMapping) -> LineReader<'m> {
        LineReader {
            mapping,
            date_format: StrftimeItems::new(&mapping.date.format).collect(),
            time_format: mapping
                .time
                .as_ref()
                .map(|t| StrftimeItems::new(&t.format).collect()),
            needed: mapping.columns_needed(),
        }
    }

    /// One data row as a line (without its key), or the first thing wrong with it.
    fn read(
        &self,
        line_number: u32,
        record: &csv::StringRecord,
        header_columns: Option<usize>,
    ) -> Result<StatementLine, Message> {
        let mapping = self.mapping;
        let expected = header_columns.unwrap_or(self.needed);
        let wrong_count = match header_columns {
            Some(columns) => record.len() != columns,
            None => record.len() < self.needed,
        };
        if wrong_count {
            return Err(msg!(
                "statement-line-columns",
                expected = expected,
                found = record.len()
            ));
        }
        let field = |column: usize| record.get(column).unwrap_or("").trim();
        let optional = |column: Option<usize>| column.map(field).filter(|f| !f.is_empty());

        let (date, date_time) = values::parse_date(
            field(mapping.date.column),
            &self.date_format,
            &mapping.date.format,
            mapping.era,
        )?;
        let time = match (&mapping.time, &self.time_format) {
            (Some(column), Some(format)) => {
                values::parse_time(field(column.column), format, &column.format)?
            }
            _ => date_time.unwrap_or(NaiveTime::MIN),
        };
        let amount = self.amount(&field)?;
        let balance = match optional(mapping.balance) {
            Some(text) => Some(
                parse_amount(text, mapping.thousands_separator)
                    .ok_or_else(|| msg!("statement-line-balance", value = text))?,
            ),
            None => None,
        };
        Ok(StatementLine {
            line_number,
            booked_at: values::from_bangkok(date.and_time(time)),
            amount,
            ref1: reference(optional(mapping.ref1), MAX_REF)?,
            ref2: reference(optional(mapping.ref2), MAX_REF)?,
            description: optional(mapping.description).unwrap_or("").to_string(),
            balance,
            bank_reference: reference(optional(mapping.bank_reference), MAX_BANK_REFERENCE)?,
            key: String::new(),
        })
    }

    /// The signed amount of a row.
    fn amount<'r>(&self, field: &dyn Fn(usize) -> &'r str) -> Result<Decimal, Message> {
        let thousands = self.mapping.thousands_separator;
        let number = |text: &str| {
            parse_amount(text, thousands).ok_or_else(|| msg!("statement-line-amount", value = text))
        };
        // A withdrawal or deposit column holding 0.00 counts as empty.
        let present = |text: &str| -> Result<Option<Decimal>, Message> {
            if text.is_empty() {
                return Ok(None);
            }
            let value = number(text)?;
            Ok((!value.is_zero()).then_some(value.abs()))
        };
        let amount = match &self.mapping.amount {
            AmountColumns::Signed { column } => {
                let text = field(*column);
                if text.is_empty() {
                    return Err(msg!("statement-line-no-amount"));
                }
                number(text)?
            }
            AmountColumns::DebitCredit { debit, credit } => {
                let (debit_text, credit_text) = (field(*debit), field(*credit));
                match (present(debit_text)?, present(credit_text)?) {
                    (Some(_), Some(_)) => {
                        return Err(msg!(
                            "statement-line-debit-and-credit",
                            debit = debit_text,
                            credit = credit_text
                        ));
                    }
                    (Some(out), None) => -out,
                    (None, Some(into)) => into,
                    (None, None) => return Err(msg!("statement-line-no-amount")),
                }
            }
            AmountColumns::Direction {
                amount,
                code,
                credit_codes,
                debit_codes,
            } => {
                let code_text = field(*code);
                let code = normal_code(code_text);
                let text = field(*amount);
                if text.is_empty() {
                    return Err(msg!("statement-line-no-amount"));
                }
                let value = number(text)?.abs();
                if credit_codes.iter().any(|c| normal_code(c) == code) {
                    value
                } else if debit_codes.iter().any(|c| normal_code(c) == code) {
                    -value
                } else {
                    return Err(msg!(
                        "statement-line-direction-code",
                        value = code_text,
                        credit = credit_codes.join(", "),
                        debit = debit_codes.join(", ")
                    ));
                }
            }
        };
        if amount.is_zero() {
            return Err(msg!("statement-line-amount-zero"));
        }
        Ok(amount)
    }
}

/// Lines whose balance is not the balance before plus their amount (a line without a
/// balance is carried to the next stated one; after a malformed line the count starts
/// again, so that one bad line is not blamed on the next).
fn running_balance_problems(results: &[Result<StatementLine, LineProblem>]) -> Vec<LineProblem> {
    let mut problems = Vec::new();
    let mut last = None;
    let mut since = Decimal::ZERO;
    for result in results {
        let Ok(line) = result else {
            last = None;
            since = Decimal::ZERO;
            continue;
        };
        since += line.amount;
        if let Some(balance) = line.balance {
            if let Some(before) = last {
                let expected: Decimal = before + since;
                if expected != balance {
                    problems.push(LineProblem {
                        line: line.line_number,
                        problem: msg!(
                            "statement-line-running-balance",
                            expected = values::grouped(expected),
                            found = values::grouped(balance)
                        ),
                    });
                }
            }
            last = Some(balance);
            since = Decimal::ZERO;
        }
    }
    problems
}

/// Opening (the first stated balance less the movements up to it) and closing (the last
/// stated balance plus any movements after it), when the file states balances.
fn balances(lines: &[StatementLine]) -> (Option<Decimal>, Option<Decimal>) {
    let first = lines.iter().position(|l| l.balance.is_some());
    let last = lines.iter().rposition(|l| l.balance.is_some());
    let (Some(first), Some(last)) = (first, last) else {
        return (None, None);
    };
    let up_to_first: Decimal = lines[..=first].iter().map(|l| l.amount).sum();
    let after_last: Decimal = lines[last + 1..].iter().map(|l| l.amount).sum();
    (
        lines[first].balance.map(|b| b - up_to_first),
        lines[last].balance.map(|b| b + after_last),
    )
}
