//! Printing documents as the person asking: what goes on a policy schedule, CMI certificate
//! or receipt is read with their rights, the PDF is written under the data directory's
//! `documents/`, and the file (path, size, mime type, SHA-256) is recorded in the same
//! transaction — in `policy_documents` for policies (underwriters insert there), through
//! `start_receipt_print` / `record_receipt_file` for receipts (finance and administrators:
//! the first print is the original, every later one a copy counted in `copies_printed`,
//! never a new number).

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use sqlx::PgPool;
use uuid::Uuid;

use crate::db::geo::Geography;
use crate::documents::{
    self, Instalment, Insurer, PDF_MIME, PolicySheet, ReceiptSheet, StoredFile, file_stem,
};
use crate::domain::customer::AddressLines;
use crate::i18n::format::bangkok_date;
use crate::i18n::{Lang, Message};
use crate::msg;

/// Where printed documents go, under the data directory.
pub const DOCUMENTS_DIR: &str = "documents";

#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error("no policy {0}")]
    NoPolicy(String),
    #[error("{0} is a draft")]
    Draft(String),
    #[error("no receipt {0}")]
    NoReceipt(String),
    #[error("not allowed to print policy documents")]
    PolicyNotAllowed,
    #[error("not allowed to print receipts")]
    ReceiptNotAllowed,
    #[error("cannot write {path}: {error}")]
    File {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

impl PrintError {
    pub fn message(&self) -> Message {
        match self {
            PrintError::NoPolicy(number) => msg!("doc-no-policy", number = number.as_str()),
            PrintError::Draft(number) => msg!("doc-draft-policy", number = number.as_str()),
            PrintError::NoReceipt(number) => msg!("doc-no-receipt", number = number.as_str()),
            PrintError::PolicyNotAllowed => msg!("doc-not-allowed-policy"),
            PrintError::ReceiptNotAllowed => msg!("doc-not-allowed-receipt"),
            PrintError::File { path, error } => msg!(
                "doc-file-failed",
                path = path.display().to_string(),
                detail = error.to_string()
            ),
            PrintError::Database(error) => crate::db::error::message(error),
        }
    }
}

/// One document printed of a policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintedPolicyDocument {
    /// SCHEDULE or CERTIFICATE.
    pub document_type: &'static str,
    pub file: StoredFile,
    pub version: i32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintedPolicy {
    pub policy_number: String,
    pub documents: Vec<PrintedPolicyDocument>,
}

/// The message key naming a kind of policy document.
pub fn document_kind_key(document_type: &str) -> &'static str {
    match document_type {
        "CERTIFICATE" => crate::key!("doc-kind-certificate"),
        _ => crate::key!("doc-kind-schedule"),
    }
}

impl PrintedPolicy {
    /// "Printed the schedule, CMI certificate of policy …: path" (the kinds in `lang`).
    pub fn message(&self, lang: Lang) -> Message {
        let kinds: Vec<String> = self
            .documents
            .iter()
            .map(|d| crate::i18n::text(lang, document_kind_key(d.document_type), &[]))
            .collect();
        // The folder once, then the files: the status bar keeps the start of a sentence.
        let folder = self
            .documents
            .first()
            .and_then(|d| d.file.full_path.parent())
            .map(|p| format!("{}/", p.display()))
            .unwrap_or_default();
        let files: Vec<String> = self
            .documents
            .iter()
            .filter_map(|d| d.file.full_path.file_name())
            .map(|name| name.to_string_lossy().into_owned())
            .collect();
        msg!(
            "doc-printed-policy",
            documents = kinds.join(", "),
            number = self.policy_number.as_str(),
            path = match files.as_slice() {
                [one] => format!("{folder}{one}"),
                several => format!("{folder}{{{}}}", several.join(",")),
            }
        )
    }

    pub fn sentence(&self, lang: Lang) -> String {
        self.message(lang).text(lang)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintedReceipt {
    pub receipt_number: String,
    /// 0 the original, else the copy's number.
    pub copy_number: i32,
    pub voided: bool,
    pub file: StoredFile,
}

impl PrintedReceipt {
    pub fn message(&self) -> Message {
        let number = self.receipt_number.as_str();
        let path = self.file.full_path.display().to_string();
        match (self.voided, self.copy_number) {
            (true, _) => msg!("doc-printed-receipt-void", number = number, path = path),
            (false, 0) => msg!("doc-printed-receipt", number = number, path = path),
            (false, copy) => msg!(
                "doc-printed-receipt-copy",
                number = number,
                copy = copy,
                path = path
            ),
        }
    }

    pub fn sentence(&self, lang: Lang) -> String {
        self.message().text(lang)
    }
}

#[derive(sqlx::FromRow)]
struct PolicyRow {
    id: Uuid,
    policy_number: String,
    policy_type: String,
    status: String,
    customer_name: String,
    national_id: Option<String>,
    address: Option<sqlx::types::Json<AddressLines>>,
    tambon_code: Option<String>,
    postal_code: Option<String>,
    plate: String,
    province_name_th: String,
    plate_label: Option<String>,
    make: String,
    model: String,
    year_of_manufacture: i32,
    vehicle_type: String,
    usage_type: String,
    chassis_number: Option<String>,
    engine_cc: Option<i32>,
    seats: Option<i16>,
    start_date: NaiveDate,
    end_date: NaiveDate,
    issued_at: Option<DateTime<Utc>>,
    sum_insured: Option<Decimal>,
    coverage_details: sqlx::types::Json<serde_json::Value>,
    base_premium: Decimal,
    discounts: Decimal,
    no_claim_discount: Decimal,
    net_premium: Decimal,
    stamp_duty: Decimal,
    vat: Decimal,
    total_premium: Decimal,
    agent_name: Option<String>,
}

const POLICY: &str = "SELECT p.id, p.policy_number, p.policy_type, p.status,
        concat_ws(' ', c.first_name, c.last_name) AS customer_name, c.national_id,
        c.address, c.tambon_code, c.postal_code,
        v.registration_number AS plate, pr.name_th AS province_name_th, v.plate_label,
        v.make, v.model, v.year_of_manufacture, v.vehicle_type, v.usage_type,
        v.chassis_number, v.engine_cc, v.seats,
        p.start_date, p.end_date, p.issued_at, p.sum_insured, p.coverage_details,
        p.base_premium, p.discounts, p.no_claim_discount, p.net_premium, p.stamp_duty,
        p.vat, p.total_premium,
        NULLIF(concat_ws(' ', agent.first_name, agent.last_name), '') AS agent_name
   FROM policies p
   JOIN customers c ON c.id = p.customer_id
   JOIN customer_vehicles v ON v.id = p.vehicle_id
   JOIN provinces pr ON pr.province_code = v.province_code
   LEFT JOIN users agent ON agent.id = p.agent_id
  WHERE p.policy_number = $1 AND p.deleted_at IS NULL";

const INSTALMENTS: &str = "SELECT installment_number, due_date, total_amount, payment_status
   FROM payments
  WHERE policy_id = $1 AND payment_direction = 'INCOMING'
    AND payment_type IN ('PREMIUM', 'INSTALLMENT')
  ORDER BY installment_number NULLS FIRST, due_date NULLS LAST, created_at, id";

/// The insurer from the COMPANY_* settings.
async fn insurer(connection: &mut sqlx::PgConnection) -> sqlx::Result<Insurer> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT config_key::text, config_value FROM system_configurations
          WHERE config_key IN ('COMPANY_NAME_TH', 'COMPANY_ADDRESS_TH', 'COMPANY_TAX_ID',
                               'COMPANY_BRANCH')",
    )
    .fetch_all(connection)
    .await?;
    let get = |key: &str| {
        rows.iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    Ok(Insurer {
        name: get("COMPANY_NAME_TH"),
        address: get("COMPANY_ADDRESS_TH"),
        tax_id: get("COMPANY_TAX_ID"),
        branch: get("COMPANY_BRANCH"),
    })
}

/// A customer's address on one line, in Thai, with the place names of its tambon.
fn thai_address(
    lines: &AddressLines,
    tambon_code: Option<&str>,
    postal_code: Option<&str>,
) -> String {
    let geography = Geography::bundled();
    match tambon_code.and_then(|code| geography.address(lines, code, postal_code.unwrap_or(""))) {
        Some(address) => address.format(Lang::Th),
        None => {
            let mut parts: Vec<String> = Vec::new();
            parts.extend(lines.house_no.clone());
            parts.extend(lines.moo.map(|m| format!("หมู่ {m}")));
            parts.extend(lines.village.clone());
            parts.extend(lines.building.clone());
            parts.extend(lines.soi.clone());
            parts.extend(lines.road.clone());
            parts.extend(postal_code.map(str::to_string));
            parts.join(" ")
        }
    }
}

/// What the policy's schedule and certificate show, read as the person asking.
pub async fn policy_sheet(
    connection: &mut sqlx::PgConnection,
    policy_number: &str,
) -> Result<(Uuid, PolicySheet), PrintError> {
    let row: Option<PolicyRow> = sqlx::query_as(POLICY)
        .bind(policy_number)
        .fetch_optional(&mut *connection)
        .await?;
    let row = row.ok_or_else(|| PrintError::NoPolicy(policy_number.to_string()))?;
    if row.status == "DRAFT" {
        return Err(PrintError::Draft(policy_number.to_string()));
    }
    let instalments: Vec<(Option<i32>, Option<NaiveDate>, Decimal, String)> =
        sqlx::query_as(INSTALMENTS)
            .bind(row.id)
            .fetch_all(&mut *connection)
            .await?;
    let insurer = insurer(connection).await?;
    let lines = row.address.map(|a| a.0).unwrap_or_default();
    let sheet = PolicySheet {
        insurer,
        policy_number: row.policy_number,
        policy_type: row.policy_type,
        status: row.status,
        insured_name: row.customer_name,
        insured_address: thai_address(
            &lines,
            row.tambon_code.as_deref(),
            row.postal_code.as_deref(),
        ),
        insured_id: row.national_id,
        plate: row.plate,
        plate_province: row.plate_label.unwrap_or(row.province_name_th),
        make: row.make,
        model: row.model,
        year_of_manufacture: row.year_of_manufacture,
        vehicle_type: row.vehicle_type,
        usage_type: row.usage_type,
        chassis_number: row.chassis_number,
        engine_cc: row.engine_cc,
        seats: row.seats,
        start_date: row.start_date,
        end_date: row.end_date,
        issued_on: row.issued_at.map(bangkok_date),
        sum_insured: row.sum_insured,
        coverage: row.coverage_details.0,
        base_premium: row.base_premium,
        discounts: row.discounts,
        no_claim_discount: row.no_claim_discount,
        net_premium: row.net_premium,
        stamp_duty: row.stamp_duty,
        vat: row.vat,
        total_premium: row.total_premium,
        instalments: instalments
            .into_iter()
            .map(|(number, due_date, amount, status)| Instalment {
                number,
                due_date,
                amount,
                status,
            })
            .collect(),
        agent_name: row.agent_name,
    };
    Ok((row.id, sheet))
}

/// Prints a policy's schedule, and its certificate when it is CMI, as the person of `pool`
/// (an underwriter), recording each file in `policy_documents` with its next version.
pub async fn print_policy(
    pool: &PgPool,
    data_dir: &Path,
    policy_number: &str,
) -> Result<PrintedPolicy, PrintError> {
    let policy_number = policy_number.trim().to_string();
    let mut tx = pool.begin().await?;
    let may_insert: bool =
        sqlx::query_scalar("SELECT has_table_privilege('policy_documents', 'INSERT')")
            .fetch_one(&mut *tx)
            .await?;
    if !may_insert {
        return Err(PrintError::PolicyNotAllowed);
    }
    let (policy_id, sheet) = policy_sheet(&mut tx, &policy_number).await?;
    let mut kinds = vec![("SCHEDULE", "schedule")];
    if sheet.policy_type == "CMI" {
        kinds.push(("CERTIFICATE", "certificate"));
    }
    let mut printed = Vec::new();
    for (document_type, stem) in kinds {
        let version: i32 = sqlx::query_scalar(
            "SELECT COALESCE(max(version_number), 0) + 1 FROM policy_documents
              WHERE policy_id = $1 AND document_type = $2",
        )
        .bind(policy_id)
        .bind(document_type)
        .fetch_one(&mut *tx)
        .await?;
        let bytes = match document_type {
            "CERTIFICATE" => documents::certificate::render(&sheet),
            _ => documents::schedule::render(&sheet),
        };
        let relative = format!(
            "{DOCUMENTS_DIR}/policies/{}/{stem}-v{version}.pdf",
            file_stem(&sheet.policy_number)
        );
        let file = write(data_dir, &relative, &bytes)?;
        sqlx::query(
            "INSERT INTO policy_documents (policy_id, document_type, document_name, file_path,
                                           file_size, mime_type, sha256, language, is_official,
                                           version_number, created_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'th', TRUE, $8, current_staff_id())",
        )
        .bind(policy_id)
        .bind(document_type)
        .bind(format!(
            "{} {}",
            crate::i18n::text(Lang::Th, document_kind_key(document_type), &[]),
            sheet.policy_number
        ))
        .bind(&file.relative_path)
        .bind(file.size as i64)
        .bind(PDF_MIME)
        .bind(&file.sha256)
        .bind(version)
        .execute(&mut *tx)
        .await?;
        printed.push(PrintedPolicyDocument {
            document_type,
            file,
            version,
        });
    }
    tx.commit().await?;
    Ok(PrintedPolicy {
        policy_number: sheet.policy_number,
        documents: printed,
    })
}

#[derive(sqlx::FromRow)]
struct ReceiptRow {
    receipt_number: String,
    tax_invoice_number: Option<String>,
    issued_date: NaiveDate,
    seller_name: Option<String>,
    seller_address: Option<String>,
    seller_tax_id: Option<String>,
    seller_branch: Option<String>,
    buyer_name: Option<String>,
    buyer_address: Option<sqlx::types::Json<serde_json::Value>>,
    buyer_tax_id: Option<String>,
    buyer_branch: Option<String>,
    description: Option<String>,
    amount_before_vat: Option<Decimal>,
    vat_amount: Option<Decimal>,
    total_amount: Option<Decimal>,
    withholding_tax: Option<Decimal>,
    amount_received: Option<Decimal>,
    payment_method: String,
    payment_date: Option<DateTime<Utc>>,
    policy_number: Option<String>,
    issued_by_name: Option<String>,
    voided_at: Option<DateTime<Utc>>,
    void_reason: Option<String>,
}

/// The fields `issue_receipts()` froze on the receipt; a receipt issued before they existed
/// (migration 0022) takes them from its payment and customer as `issue_receipts()` would.
const RECEIPT: &str = "SELECT r.receipt_number, r.tax_invoice_number, r.issued_date,
        r.seller_name, r.seller_address, r.seller_tax_id, r.seller_branch,
        COALESCE(r.buyer_name, concat_ws(' ', c.first_name, c.last_name)) AS buyer_name,
        COALESCE(r.buyer_address, COALESCE(c.address, '{}'::jsonb)
            || jsonb_strip_nulls(jsonb_build_object('tambon_code', c.tambon_code,
                                                    'postal_code', c.postal_code))) AS buyer_address,
        COALESCE(r.buyer_tax_id, c.national_id) AS buyer_tax_id,
        COALESCE(r.buyer_branch, CASE WHEN c.customer_type = 'JURISTIC'
                                      THEN COALESCE(c.branch_code, '00000') END) AS buyer_branch,
        COALESCE(r.description,
                 concat_ws(' ', CASE pay.payment_type WHEN 'INSTALLMENT' THEN 'ค่าเบี้ยประกันภัยงวดที่ '
                                         || pay.installment_number || '/' || pay.total_installments
                                     ELSE 'ค่าเบี้ยประกันภัย' END,
                           pol.policy_number)) AS description,
        r.amount_before_vat, COALESCE(r.vat_amount, round(pay.total_amount * 7 / 107, 2)) AS vat_amount,
        COALESCE(r.total_amount, pay.total_amount) AS total_amount, r.withholding_tax,
        r.amount_received, pay.payment_method, pay.payment_date, pol.policy_number,
        NULLIF(concat_ws(' ', issuer.first_name, issuer.last_name), '') AS issued_by_name,
        r.voided_at, r.void_reason
   FROM payment_receipts r
   JOIN payments pay ON pay.id = r.payment_id AND pay.created_at = r.payment_created_at
   JOIN customers c ON c.id = pay.customer_id
   LEFT JOIN policies pol ON pol.id = pay.policy_id
   LEFT JOIN users issuer ON issuer.id = r.issued_by
  WHERE r.id = $1";

/// What a receipt shows. The figures are those stored when it was issued.
async fn receipt_sheet(
    connection: &mut sqlx::PgConnection,
    receipt_id: Uuid,
    copy_number: i32,
) -> Result<ReceiptSheet, PrintError> {
    let row: ReceiptRow = sqlx::query_as(RECEIPT)
        .bind(receipt_id)
        .fetch_one(&mut *connection)
        .await?;
    let address = row.buyer_address.map(|a| a.0).unwrap_or_default();
    let lines: AddressLines = serde_json::from_value(address.clone()).unwrap_or_default();
    let total = row.total_amount.unwrap_or_default();
    let vat = row.vat_amount.unwrap_or_default();
    let insurer = insurer(connection).await?;
    Ok(ReceiptSheet {
        tax_invoice_number: row.tax_invoice_number,
        issued_date: row.issued_date,
        seller: Insurer {
            name: row.seller_name.unwrap_or(insurer.name),
            address: row.seller_address.unwrap_or(insurer.address),
            tax_id: row.seller_tax_id.unwrap_or(insurer.tax_id),
            branch: row.seller_branch.unwrap_or(insurer.branch),
        },
        buyer_name: row.buyer_name.unwrap_or_default(),
        buyer_address: thai_address(
            &lines,
            address["tambon_code"].as_str(),
            address["postal_code"].as_str(),
        ),
        buyer_tax_id: row.buyer_tax_id,
        buyer_branch: row.buyer_branch,
        description: row.description.unwrap_or_default(),
        policy_number: row.policy_number,
        amount_before_vat: row.amount_before_vat.unwrap_or(total - vat),
        vat,
        total,
        withholding: row.withholding_tax,
        amount_received: row
            .amount_received
            .unwrap_or(total - row.withholding_tax.unwrap_or_default()),
        payment_method: row.payment_method,
        paid_on: row.payment_date.map(bangkok_date),
        issued_by: row.issued_by_name,
        voided: row.voided_at.is_some(),
        void_reason: row.void_reason,
        copy_number,
        receipt_number: row.receipt_number,
    })
}

/// Prints a receipt / tax invoice as the person of `pool` (finance or an administrator):
/// the original the first time, a copy marked สำเนา afterwards, a voided one marked void.
pub async fn print_receipt(
    pool: &PgPool,
    data_dir: &Path,
    receipt_number: &str,
) -> Result<PrintedReceipt, PrintError> {
    let receipt_number = receipt_number.trim().to_string();
    let mut tx = pool.begin().await?;
    let may_print: bool =
        sqlx::query_scalar("SELECT has_function_privilege('start_receipt_print(text)', 'EXECUTE')")
            .fetch_one(&mut *tx)
            .await?;
    if !may_print {
        return Err(PrintError::ReceiptNotAllowed);
    }
    let started: Option<(Uuid, i32)> =
        sqlx::query_as("SELECT receipt_id, copy_number FROM start_receipt_print($1)")
            .bind(&receipt_number)
            .fetch_optional(&mut *tx)
            .await?;
    let (receipt_id, copy_number) =
        started.ok_or_else(|| PrintError::NoReceipt(receipt_number.clone()))?;
    let sheet = receipt_sheet(&mut tx, receipt_id, copy_number).await?;
    let bytes = documents::receipt::render(&sheet);
    let stem = file_stem(&sheet.receipt_number);
    let relative = match copy_number {
        0 => format!("{DOCUMENTS_DIR}/receipts/{stem}.pdf"),
        copy => format!("{DOCUMENTS_DIR}/receipts/{stem}-copy-{copy}.pdf"),
    };
    let file = write(data_dir, &relative, &bytes)?;
    sqlx::query("SELECT record_receipt_file($1, $2, $3, $4, $5, $6)")
        .bind(receipt_id)
        .bind(copy_number)
        .bind(&file.relative_path)
        .bind(file.size as i64)
        .bind(PDF_MIME)
        .bind(&file.sha256)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(PrintedReceipt {
        receipt_number: sheet.receipt_number,
        copy_number,
        voided: sheet.voided,
        file,
    })
}

fn write(data_dir: &Path, relative: &str, bytes: &[u8]) -> Result<StoredFile, PrintError> {
    documents::store(data_dir, relative, bytes).map_err(|error| PrintError::File {
        path: data_dir.join(relative),
        error,
    })
}
