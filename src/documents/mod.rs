//! The documents prakan prints: the policy schedule (every type), the CMI certificate and
//! the receipt / full tax invoice, as A4 PDFs in Sarabun with Thai shaped by rustybuzz and
//! text that can be searched and copied (krilla writes the ToUnicode maps). Bilingual:
//! each label is the Thai and the English of one catalogue key. docs/documents.md says why
//! krilla.
//!
//! This module renders and stores files; `db::documents` reads what goes on them and
//! records each file printed.

pub mod certificate;
pub mod layout;
pub mod receipt;
pub mod schedule;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sha2::{Digest, Sha256};

use crate::i18n::{Calendar, Lang};

pub const PDF_MIME: &str = "application/pdf";

/// The insurer as it appears on every document (the COMPANY_* settings).
#[derive(Debug, Clone, PartialEq)]
pub struct Insurer {
    pub name: String,
    pub address: String,
    pub tax_id: String,
    /// 00000 the head office, else the branch number.
    pub branch: String,
}

/// What a policy schedule or certificate shows.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicySheet {
    pub insurer: Insurer,
    pub policy_number: String,
    /// CMI, CLASS_1, …
    pub policy_type: String,
    pub status: String,
    pub insured_name: String,
    pub insured_address: String,
    /// The national ID or tax ID, when known.
    pub insured_id: Option<String>,
    pub plate: String,
    /// The province, or the label shown instead (เบตง).
    pub plate_province: String,
    pub make: String,
    pub model: String,
    pub year_of_manufacture: i32,
    pub vehicle_type: String,
    pub usage_type: String,
    pub chassis_number: Option<String>,
    pub engine_cc: Option<i32>,
    pub seats: Option<i16>,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub issued_on: Option<NaiveDate>,
    pub sum_insured: Option<Decimal>,
    pub coverage: serde_json::Value,
    pub base_premium: Decimal,
    pub discounts: Decimal,
    pub no_claim_discount: Decimal,
    pub net_premium: Decimal,
    pub stamp_duty: Decimal,
    pub vat: Decimal,
    pub total_premium: Decimal,
    pub instalments: Vec<Instalment>,
    pub agent_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Instalment {
    pub number: Option<i32>,
    pub due_date: Option<NaiveDate>,
    pub amount: Decimal,
    pub status: String,
}

/// What a receipt / tax invoice shows: the row of `payment_receipts` with its payment.
#[derive(Debug, Clone, PartialEq)]
pub struct ReceiptSheet {
    pub receipt_number: String,
    pub tax_invoice_number: Option<String>,
    pub issued_date: NaiveDate,
    pub seller: Insurer,
    pub buyer_name: String,
    pub buyer_address: String,
    pub buyer_tax_id: Option<String>,
    /// Only a juristic buyer has a branch.
    pub buyer_branch: Option<String>,
    pub description: String,
    pub policy_number: Option<String>,
    pub amount_before_vat: Decimal,
    pub vat: Decimal,
    pub total: Decimal,
    pub withholding: Option<Decimal>,
    pub amount_received: Decimal,
    pub payment_method: String,
    pub paid_on: Option<NaiveDate>,
    pub issued_by: Option<String>,
    pub voided: bool,
    pub void_reason: Option<String>,
    /// 0 the original, n the n-th copy.
    pub copy_number: i32,
}

/// A label in both languages, as the documents print them: "ผู้เอาประกันภัย / Insured".
pub(crate) fn both(key: &'static str) -> String {
    let thai = crate::i18n::text(Lang::Th, key, &[]);
    let english = crate::i18n::text(Lang::En, key, &[]);
    format!("{thai} / {english}")
}

/// Thai first, the English under it: table headers.
pub(crate) fn both_lines(key: &'static str) -> String {
    let thai = crate::i18n::text(Lang::Th, key, &[]);
    let english = crate::i18n::text(Lang::En, key, &[]);
    format!("{thai}\n{english}")
}

/// "15 มกราคม 2569": dates on documents are Thai with the Buddhist year (DOMAIN §8).
pub(crate) fn thai_date(date: NaiveDate) -> String {
    crate::i18n::date_long(Lang::Th, Calendar::Buddhist, date)
}

/// "1,234.56".
pub(crate) fn amount(value: Decimal) -> String {
    crate::i18n::format::grouped(value)
}

/// "สำนักงานใหญ่" for 00000, else "สาขาที่ 00012" (DOMAIN §6).
pub(crate) fn branch_text(branch: &str) -> String {
    match branch {
        "00000" => crate::tr!(Lang::Th, "doc-head-office"),
        number => crate::tr!(Lang::Th, "doc-branch-number", number = number),
    }
}

/// An enumerated value in both languages: "ชั้น 1 / Class 1".
pub(crate) fn both_value(thai: String, english: String) -> String {
    match thai == english {
        true => thai,
        false => format!("{thai} / {english}"),
    }
}

/// A database code through an `enum-…` selector (`key!`), in both languages:
/// "เก๋ง / sedan".
pub(crate) fn both_enum(key: &'static str, value: &str) -> String {
    let args = [("value", crate::i18n::Arg::from(value))];
    both_value(
        crate::i18n::text(Lang::Th, key, &args),
        crate::i18n::text(Lang::En, key, &args),
    )
}

/// The insurer's name, address, tax ID and branch at the top of every document, and the
/// document's title in Thai and English under them.
pub(crate) fn letterhead(
    layout: &mut layout::Layout,
    insurer: &Insurer,
    title: &str,
    subtitle: &str,
) {
    use layout::{Align, CONTENT_WIDTH, MARGIN, Style, VALUE};
    layout.paragraph(
        MARGIN,
        CONTENT_WIDTH,
        Style::bold(14.0),
        Align::Left,
        &insurer.name,
    );
    layout.paragraph(MARGIN, CONTENT_WIDTH, VALUE, Align::Left, &insurer.address);
    let tax_line = format!(
        "{}: {}  {}",
        both(crate::key!("doc-tax-id")),
        insurer.tax_id,
        branch_text(&insurer.branch)
    );
    layout.paragraph(MARGIN, CONTENT_WIDTH, VALUE, Align::Left, &tax_line);
    layout.gap(4.0);
    layout.rule();
    layout.gap(4.0);
    layout.paragraph(
        MARGIN,
        CONTENT_WIDTH,
        Style::bold(17.0),
        Align::Center,
        title,
    );
    layout.paragraph(
        MARGIN,
        CONTENT_WIDTH,
        Style::regular(11.0),
        Align::Center,
        subtitle,
    );
    layout.gap(6.0);
}

/// A framed stamp at the top right of the first page: สำเนา / COPY, ยกเลิก / VOID.
pub(crate) fn stamp(layout: &mut layout::Layout, text: &str, color: (u8, u8, u8)) {
    use layout::{Align, MARGIN, PAGE_WIDTH, Style};
    let style = Style::bold(15.0).colored(color);
    let width = layout::text_width(text, style) + 16.0;
    let left = PAGE_WIDTH - MARGIN - width;
    layout.frame((left, MARGIN, width, 28.0), 1.5, color);
    layout.text_at(left + width / 2.0, MARGIN + 4.0, style, Align::Center, text);
}

/// The footer's page label in both languages.
pub(crate) fn page_label() -> Box<dyn Fn(usize, usize) -> String> {
    Box::new(|page, total| {
        format!(
            "{} / {}",
            crate::tr!(Lang::Th, "doc-page", page = page, total = total),
            crate::tr!(Lang::En, "doc-page", page = page, total = total)
        )
    })
}

/// A file written under the data directory's `documents/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    /// Relative to the data directory, as recorded in the database.
    pub relative_path: String,
    pub full_path: PathBuf,
    pub size: u64,
    pub sha256: String,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Writes `bytes` to `data_dir/relative` through a temporary file renamed into place, so a
/// reader never sees half a PDF.
pub fn store(data_dir: &Path, relative: &str, bytes: &[u8]) -> std::io::Result<StoredFile> {
    let full_path = data_dir.join(relative);
    if let Some(parent) = full_path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let partial = full_path.with_extension("pdf.partial");
    std::fs::write(&partial, bytes)?;
    std::fs::rename(&partial, &full_path)?;
    Ok(StoredFile {
        relative_path: relative.to_string(),
        full_path,
        size: bytes.len() as u64,
        sha256: sha256_hex(bytes),
    })
}

/// A name safe as one path component: letters, digits, '-' and '_' kept, the rest '_'.
pub fn file_stem(text: &str) -> String {
    text.chars()
        .map(
            |c| match c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                true => c,
                false => '_',
            },
        )
        .collect()
}
