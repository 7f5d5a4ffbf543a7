//! ISO 20022 camt.053 (bank-to-customer statement) XML: reading, and writing for demo and
//! benchmark files.
//!
//! Read: every `Stmt` of the file (all of one account), its `OPBD` (else `PRCD`) and `CLBD`
//! balances, `FrToDt`, and each booked `Ntry`: `Amt` and `CdtDbtInd`, `BookgDt/Dt` or
//! `DtTm`, `AcctSvcrRef` (the bank reference), `RmtInf/Ustrd` (the description, with the
//! debtor's or creditor's name when given apart) and `RmtInf/Strd/CdtrRefInf/Ref` (the first
//! is Ref1, a second Ref2). Entries whose status is not `BOOK` (pending, information) are
//! left out.

use chrono::{NaiveDate, NaiveTime};
use roxmltree::Node;
use rust_decimal::Decimal;

use super::values::{self, parse_amount};
use super::{
    LineProblem, MAX_BANK_REFERENCE, MAX_REF, ParsedStatement, SampleLine, StatementError,
    StatementLine, assign_keys, check_balances, period_of, reference, utf8,
};
use crate::i18n::Message;
use crate::msg;

const CURRENCY: &str = "THB";

/// Reads a camt.053 file (without its BOM).
pub fn parse(bytes: &[u8]) -> Result<ParsedStatement, StatementError> {
    let not_a_statement = StatementError::NotAStatement;
    let text = utf8(bytes)?;
    let document = roxmltree::Document::parse(text)
        .map_err(|error| not_a_statement(msg!("statement-not-xml", detail = error.to_string())))?;
    let root = document.root_element();
    let is_camt053 = root.tag_name().name() == "Document"
        && root
            .tag_name()
            .namespace()
            .is_none_or(|ns| ns.contains("camt.053"));
    let statements: Vec<Node> = child(root, "BkToCstmrStmt")
        .filter(|_| is_camt053)
        .map(|report| children(report, "Stmt").collect())
        .unwrap_or_default();
    if statements.is_empty() {
        return Err(not_a_statement(msg!("statement-not-camt053")));
    }
    let accounts: Vec<Option<&str>> = statements.iter().map(|s| account_id(*s)).collect();
    if accounts.windows(2).any(|pair| pair[0] != pair[1]) {
        return Err(not_a_statement(msg!("statement-camt-accounts")));
    }

    let mut lines = Vec::new();
    let mut problems = Vec::new();
    let mut entry_index: u32 = 0;
    let mut opening_balance = None;
    let mut closing_balance = None;
    let mut stated_period: Option<(NaiveDate, NaiveDate)> = None;
    for (i, statement) in statements.iter().enumerate() {
        let opening = balance(*statement, "OPBD")
            .or_else(|| balance(*statement, "PRCD"))
            .transpose()
            .map_err(not_a_statement)?;
        let closing = balance(*statement, "CLBD")
            .transpose()
            .map_err(not_a_statement)?;
        let first_line = lines.len();
        for entry in children(*statement, "Ntry") {
            entry_index += 1;
            match read_entry(entry, entry_index) {
                Ok(Some(line)) => lines.push(line),
                Ok(None) => {}
                Err(problem) => problems.push(LineProblem {
                    line: entry_index,
                    problem,
                }),
            }
        }
        if problems.is_empty() {
            check_balances(opening, closing, &lines[first_line..])?;
        }
        if i == 0 {
            opening_balance = opening;
        }
        if i + 1 == statements.len() {
            closing_balance = closing;
        }
        if let Some((from, to)) = stated_dates(*statement) {
            stated_period = Some(match stated_period {
                Some((a, b)) => (a.min(from), b.max(to)),
                None => (from, to),
            });
        }
    }
    if !problems.is_empty() {
        return Err(StatementError::Lines(problems));
    }
    check_balances(opening_balance, closing_balance, &lines)?;
    assign_keys(&mut lines);
    Ok(ParsedStatement {
        period: stated_period.or_else(|| period_of(&lines)),
        lines,
        opening_balance,
        closing_balance,
    })
}

fn children<'a, 'input>(
    node: Node<'a, 'input>,
    name: &'static str,
) -> impl Iterator<Item = Node<'a, 'input>> {
    node.children()
        .filter(move |n| n.is_element() && n.tag_name().name() == name)
}

fn child<'a, 'input>(node: Node<'a, 'input>, name: &'static str) -> Option<Node<'a, 'input>> {
    children(node, name).next()
}

/// The element at the end of `path` under `node`, following the first match at each step.
fn at<'a, 'input>(node: Node<'a, 'input>, path: &[&'static str]) -> Option<Node<'a, 'input>> {
    path.iter().try_fold(node, |n, name| child(n, name))
}

/// The trimmed text of an element, if it has any.
fn text<'a>(node: Node<'a, '_>) -> Option<&'a str> {
    node.text().map(str::trim).filter(|t| !t.is_empty())
}

fn text_at<'a>(node: Node<'a, '_>, path: &[&'static str]) -> Option<&'a str> {
    at(node, path).and_then(text)
}

fn account_id<'a>(statement: Node<'a, '_>) -> Option<&'a str> {
    text_at(statement, &["Acct", "Id", "IBAN"])
        .or_else(|| text_at(statement, &["Acct", "Id", "Othr", "Id"]))
}

/// The statement's balance of type `code`, signed.
fn balance(statement: Node, code: &str) -> Option<Result<Decimal, Message>> {
    let node = children(statement, "Bal").find(|b| {
        text_at(*b, &["Tp", "CdOrPrtry", "Cd"]).is_some_and(|c| c.eq_ignore_ascii_case(code))
    })?;
    let amount_text = text_at(node, &["Amt"]).unwrap_or("");
    let Some(amount) = parse_amount(amount_text, None) else {
        return Some(Err(msg!(
            "statement-camt-balance",
            code = code,
            value = amount_text
        )));
    };
    Some(Ok(match text_at(node, &["CdtDbtInd"]) {
        Some("DBIT") => -amount,
        _ => amount,
    }))
}

/// `FrToDt` as Bangkok dates.
fn stated_dates(statement: Node) -> Option<(NaiveDate, NaiveDate)> {
    let from = text_at(statement, &["FrToDt", "FrDtTm"]).and_then(values::parse_iso_moment)?;
    let to = text_at(statement, &["FrToDt", "ToDtTm"]).and_then(values::parse_iso_moment)?;
    Some((values::bangkok(from).date(), values::bangkok(to).date()))
}

/// One entry as a line (without its key); `None` for an entry not booked.
fn read_entry(entry: Node, index: u32) -> Result<Option<StatementLine>, Message> {
    let status = child(entry, "Sts").and_then(|s| text_at(s, &["Cd"]).or_else(|| text(s)));
    if status.is_some_and(|s| !s.eq_ignore_ascii_case("BOOK")) {
        return Ok(None);
    }
    let amount_node = child(entry, "Amt");
    let amount_text = amount_node.and_then(text).unwrap_or("");
    if amount_text.is_empty() {
        return Err(msg!("statement-line-no-amount"));
    }
    let amount = parse_amount(amount_text, None)
        .filter(|a| !a.is_sign_negative())
        .ok_or_else(|| msg!("statement-line-amount", value = amount_text))?;
    if amount.is_zero() {
        return Err(msg!("statement-line-amount-zero"));
    }
    if let Some(currency) = amount_node.and_then(|n| n.attribute("Ccy"))
        && !currency.eq_ignore_ascii_case(CURRENCY)
    {
        return Err(msg!("statement-line-currency", currency = currency));
    }
    let direction = text_at(entry, &["CdtDbtInd"]).unwrap_or("");
    let amount = match direction {
        "CRDT" => amount,
        "DBIT" => -amount,
        _ => return Err(msg!("statement-line-credit-debit", value = direction)),
    };
    let booked_at = if let Some(moment) = text_at(entry, &["BookgDt", "DtTm"]) {
        values::parse_iso_moment(moment)
            .ok_or_else(|| msg!("statement-line-date", value = moment, format = "ISO 8601"))?
    } else if let Some(date) = text_at(entry, &["BookgDt", "Dt"]) {
        let day = values::parse_iso_date(date)
            .ok_or_else(|| msg!("statement-line-date", value = date, format = "YYYY-MM-DD"))?;
        values::from_bangkok(day.and_time(NaiveTime::MIN))
    } else {
        return Err(msg!("statement-line-no-date"));
    };

    let details: Vec<Node> = children(entry, "NtryDtls")
        .flat_map(|d| children(d, "TxDtls"))
        .collect();
    let bank_reference = text_at(entry, &["AcctSvcrRef"]).or_else(|| {
        details
            .iter()
            .find_map(|tx| text_at(*tx, &["Refs", "AcctSvcrRef"]))
    });
    let remittances: Vec<Node> = details
        .iter()
        .flat_map(|tx| children(*tx, "RmtInf"))
        .collect();
    // By position: the first creditor reference is Ref1 (even when it is empty), the second
    // Ref2.
    let mut references = remittances
        .iter()
        .flat_map(|r| children(*r, "Strd"))
        .flat_map(|s| children(s, "CdtrRefInf"))
        .map(|c| text_at(c, &["Ref"]));
    let ref1 = references.next().flatten();
    let ref2 = references.next().flatten();

    let mut parts: Vec<&str> = remittances
        .iter()
        .flat_map(|r| children(*r, "Ustrd"))
        .filter_map(text)
        .collect();
    if parts.is_empty() {
        parts.extend(
            details
                .iter()
                .filter_map(|tx| text_at(*tx, &["AddtlTxInf"])),
        );
    }
    if parts.is_empty() {
        parts.extend(text_at(entry, &["AddtlNtryInf"]));
    }
    let party = if amount.is_sign_positive() {
        "Dbtr"
    } else {
        "Cdtr"
    };
    let name = details.iter().find_map(|tx| {
        text_at(*tx, &["RltdPties", party, "Nm"])
            .or_else(|| text_at(*tx, &["RltdPties", party, "Pty", "Nm"]))
    });
    let mut description = parts.join(" ");
    if let Some(name) = name
        && !description.contains(name)
    {
        if !description.is_empty() {
            description.push(' ');
        }
        description.push_str(name);
    }

    Ok(Some(StatementLine {
        line_number: index,
        booked_at,
        amount,
        ref1: reference(ref1, MAX_REF)?,
        ref2: reference(ref2, MAX_REF)?,
        description,
        balance: None,
        bank_reference: reference(bank_reference, MAX_BANK_REFERENCE)?,
        key: String::new(),
    }))
}

/// A camt.053.001.02 statement of `account_number` in baht: the opening balance, the lines
/// in order (booked at their moment, to the second, written in Bangkok time), the closing
/// balance. `parse` reads it back to the same lines. The period is the first to the last booking date (the first of
/// January 1970 when there are no lines), so the same lines always give the same file.
pub fn write_camt053(
    account_number: &str,
    lines: &[SampleLine],
    opening_balance: Decimal,
) -> String {
    let first = lines.iter().map(|l| l.booked_at).min();
    let last = lines.iter().map(|l| l.booked_at).max();
    let day = |moment: Option<chrono::DateTime<chrono::Utc>>| {
        moment.map_or(NaiveDate::default(), |m| values::bangkok(m).date())
    };
    let (from, to) = (day(first), day(last));
    let closing = opening_balance + lines.iter().map(|l| l.amount).sum::<Decimal>();
    let digits: String = account_number
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    let created = format!("{}T23:59:59+07:00", to.format("%Y-%m-%d"));
    let id = format!("{digits}-{}-{}", from.format("%Y%m%d"), to.format("%Y%m%d"));

    let mut xml = String::with_capacity(1024 + lines.len() * 900);
    xml.push_str(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\" ",
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n",
        "  <BkToCstmrStmt>\n",
        "    <GrpHdr>\n"
    ));
    xml.push_str(&format!("      <MsgId>MSG-{}</MsgId>\n", escape(&id)));
    xml.push_str(&format!("      <CreDtTm>{created}</CreDtTm>\n"));
    xml.push_str("    </GrpHdr>\n    <Stmt>\n");
    xml.push_str(&format!("      <Id>STMT-{}</Id>\n", escape(&id)));
    xml.push_str(&format!("      <CreDtTm>{created}</CreDtTm>\n"));
    xml.push_str(&format!(
        "      <FrToDt>\n        <FrDtTm>{}T00:00:00+07:00</FrDtTm>\n        <ToDtTm>{}T23:59:59+07:00</ToDtTm>\n      </FrToDt>\n",
        from.format("%Y-%m-%d"),
        to.format("%Y-%m-%d")
    ));
    xml.push_str(&format!(
        "      <Acct>\n        <Id>\n          <Othr>\n            <Id>{}</Id>\n          </Othr>\n        </Id>\n        <Ccy>{CURRENCY}</Ccy>\n      </Acct>\n",
        escape(account_number)
    ));
    write_balance(&mut xml, "OPBD", opening_balance, from);
    write_balance(&mut xml, "CLBD", closing, to);
    for line in lines {
        write_entry(&mut xml, line);
    }
    xml.push_str("    </Stmt>\n  </BkToCstmrStmt>\n</Document>\n");
    xml
}

fn write_balance(xml: &mut String, code: &str, amount: Decimal, date: NaiveDate) {
    xml.push_str(&format!(
        concat!(
            "      <Bal>\n",
            "        <Tp>\n          <CdOrPrtry>\n            <Cd>{code}</Cd>\n          </CdOrPrtry>\n        </Tp>\n",
            "        <Amt Ccy=\"{ccy}\">{amount:.2}</Amt>\n",
            "        <CdtDbtInd>{direction}</CdtDbtInd>\n",
            "        <Dt>\n          <Dt>{date}</Dt>\n        </Dt>\n",
            "      </Bal>\n"
        ),
        code = code,
        ccy = CURRENCY,
        amount = amount.abs(),
        direction = if amount.is_sign_negative() && !amount.is_zero() {
            "DBIT"
        } else {
            "CRDT"
        },
        date = date.format("%Y-%m-%d"),
    ));
}

fn write_entry(xml: &mut String, line: &SampleLine) {
    let credit = line.amount.is_sign_positive();
    xml.push_str("      <Ntry>\n");
    xml.push_str(&format!(
        "        <Amt Ccy=\"{CURRENCY}\">{:.2}</Amt>\n",
        line.amount.abs()
    ));
    xml.push_str(&format!(
        "        <CdtDbtInd>{}</CdtDbtInd>\n",
        if credit { "CRDT" } else { "DBIT" }
    ));
    xml.push_str("        <Sts>BOOK</Sts>\n");
    xml.push_str(&format!(
        "        <BookgDt>\n          <DtTm>{}</DtTm>\n        </BookgDt>\n",
        values::rfc3339_bangkok(line.booked_at)
    ));
    xml.push_str(&format!(
        "        <ValDt>\n          <Dt>{}</Dt>\n        </ValDt>\n",
        values::bangkok(line.booked_at).date().format("%Y-%m-%d")
    ));
    if let Some(reference) = &line.bank_reference {
        xml.push_str(&format!(
            "        <AcctSvcrRef>{}</AcctSvcrRef>\n",
            escape(reference)
        ));
    }
    xml.push_str(&format!(
        "        <BkTxCd>\n          <Domn>\n            <Cd>PMNT</Cd>\n            <Fmly>\n              <Cd>{}</Cd>\n              <SubFmlyCd>{}</SubFmlyCd>\n            </Fmly>\n          </Domn>\n        </BkTxCd>\n",
        if credit { "RCDT" } else { "ICDT" },
        "DMCT"
    ));
    xml.push_str("        <NtryDtls>\n          <TxDtls>\n            <RmtInf>\n");
    if !line.description.trim().is_empty() {
        xml.push_str(&format!(
            "              <Ustrd>{}</Ustrd>\n",
            escape(&line.description)
        ));
    }
    let references = match (&line.ref1, &line.ref2) {
        (None, None) => vec![],
        (Some(ref1), None) => vec![Some(ref1)],
        (ref1, Some(ref2)) => vec![ref1.as_ref(), Some(ref2)],
    };
    for reference in references {
        match reference {
            Some(reference) => xml.push_str(&format!(
                "              <Strd>\n                <CdtrRefInf>\n                  <Ref>{}</Ref>\n                </CdtrRefInf>\n              </Strd>\n",
                escape(reference)
            )),
            // Ref2 without Ref1: an empty first reference keeps Ref2 second.
            None => xml.push_str("              <Strd>\n                <CdtrRefInf/>\n              </Strd>\n"),
        }
    }
    xml.push_str("            </RmtInf>\n          </TxDtls>\n        </NtryDtls>\n");
    xml.push_str("      </Ntry>\n");
}

/// Text as XML content or attribute value.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}
