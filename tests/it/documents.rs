//! Documents (issue 9): the policy schedule, the CMI certificate and the receipt / tax
//! invoice printed as staff members, read back with poppler's `pdftotext -layout` (the
//! Thai names, numbers, totals and amounts in words come out as text), the file's SHA-256
//! against the database row, re-prints marked as copies with the same number, a voided
//! receipt marked void, and who may print. Each document's first page is rendered to PNG
//! in target/document-previews/ for a person to look at (not compared).

use std::path::{Path, PathBuf};
use std::process::Command;

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use sqlx::PgPool;
use uuid::Uuid;

use prakan::db::documents::{PrintError, print_policy, print_receipt};
use prakan::domain::staff::GroupRole;

use crate::fixtures::{customer, date, policy, vehicle};
use crate::harness::{TestDb, violation};

const CMI_COVER: &str = r#"{"preliminary_medical_per_person": 30000,
    "preliminary_death_disability_per_person": 35000, "medical_per_person": 80000,
    "death_disability_per_person": 500000, "inpatient_per_day": 200, "per_incident": 20000000}"#;

const CLASS_1_COVER: &str = r#"{"third_party_injury_per_person": 1000000,
    "third_party_injury_per_incident": 20000000, "third_party_property": 2500000,
    "own_damage": 650000, "own_damage_counterparty_required": false, "theft_and_fire": 650000,
    "flood": true, "deductible": 0, "compulsory_excess": 1000,
    "riders": {"personal_accident_per_person": 100000, "medical_per_person": 100000,
               "bail_bond": 300000}}"#;

struct Insured {
    customer: Uuid,
    cmi: (Uuid, String),
    class_1: (Uuid, String),
}

/// สมหญิง ทดสอบ with a pickup กข 1234 (Bangkok) insured by a CMI and a Class 1 policy.
async fn insured(pool: &PgPool) -> Insured {
    let customer = customer(pool, 9).await.expect("customer");
    sqlx::query(r#"UPDATE customers SET address = '{"house_no": "99/1", "road": "ราชดำเนินกลาง"}' WHERE id = $1"#)
        .bind(customer)
        .execute(pool)
        .await
        .unwrap();
    let vehicle = vehicle(pool, customer, "กข 1234", "10")
        .await
        .expect("vehicle");
    sqlx::query("UPDATE customer_vehicles SET chassis_number = 'MR0HA3CD200123456' WHERE id = $1")
        .bind(vehicle)
        .execute(pool)
        .await
        .unwrap();
    let mut policies = Vec::new();
    for (policy_type, number, cover) in [
        ("CMI", "CMI-2569-0000101", CMI_COVER),
        ("CLASS_1", "C1-2569-0000102", CLASS_1_COVER),
    ] {
        let id = policy(
            pool,
            customer,
            vehicle,
            policy_type,
            "2026-01-15",
            "2027-01-15",
        )
        .await
        .expect("policy");
        sqlx::query(
            "UPDATE policies SET policy_number = $2, coverage_details = $3::jsonb,
                    sum_insured = CASE WHEN policy_type = 'CMI' THEN NULL ELSE 650000 END,
                    issued_at = now()
              WHERE id = $1",
        )
        .bind(id)
        .bind(number)
        .bind(cover)
        .execute(pool)
        .await
        .unwrap();
        policies.push((id, number.to_string()));
    }
    Insured {
        customer,
        class_1: policies.pop().unwrap(),
        cmi: policies.pop().unwrap(),
    }
}

/// A paid premium of `amount` for the policy with its receipt issued by finance: the
/// receipt's number.
async fn receipt(db: &TestDb, finance: &PgPool, insured: &Insured, amount: Decimal) -> String {
    let payment: Uuid = sqlx::query_scalar(
        "INSERT INTO payments (policy_id, customer_id, payment_type, amount, total_amount,
                               payment_method, due_date, payment_status, payment_date)
         VALUES ($1, $2, 'PREMIUM', $3, $3, 'BANK_TRANSFER', $4, 'SUCCESS', now())
         RETURNING id",
    )
    .bind(insured.cmi.0)
    .bind(insured.customer)
    .bind(amount)
    .bind(date("2026-01-15"))
    .fetch_one(&db.pool)
    .await
    .unwrap();
    sqlx::query_scalar("SELECT receipt_number FROM issue_receipts($1, $2, $3)")
        .bind(vec![payment])
        .bind(vec![Decimal::ZERO])
        .bind(date("2026-01-20"))
        .fetch_one(finance)
        .await
        .unwrap()
}

/// The PDF's text as `pdftotext -layout` gives it.
fn pdf_text(path: &Path) -> String {
    let output = Command::new("pdftotext")
        .arg("-layout")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(output.status.success(), "pdftotext failed on {path:?}");
    String::from_utf8(output.stdout).expect("UTF-8 text")
}

/// The first page as a PNG in target/document-previews/, for a human look.
fn preview(path: &Path, name: &str) {
    let directory = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/document-previews");
    std::fs::create_dir_all(&directory).unwrap();
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"])
        .arg(path)
        .arg(directory.join(name))
        .status()
        .expect("pdftoppm (poppler-utils) is installed");
    assert!(status.success(), "pdftoppm failed on {path:?}");
}

fn assert_contains(text: &str, expected: &[&str]) {
    for wanted in expected {
        assert!(
            text.contains(wanted),
            "{wanted:?} is not in the PDF's text:\n{text}"
        );
    }
}

#[tokio::test]
async fn a_cmi_policy_prints_its_schedule_and_certificate_in_thai_as_text() {
    let db = TestDb::new().await;
    let insured = insured(&db.pool).await;
    let (_, underwriter) = db.staff_pool(GroupRole::Underwriter).await;
    let data_dir = tempfile::tempdir().unwrap();

    let printed = print_policy(&underwriter, data_dir.path(), &insured.cmi.1)
        .await
        .expect("printed");
    let types: Vec<&str> = printed.documents.iter().map(|d| d.document_type).collect();
    assert_eq!(types, ["SCHEDULE", "CERTIFICATE"]);

    // Net 900 (a pickup): stamp 4, VAT 63.28, total 967.28 (DOMAIN §1).
    let common = [
        "สมหญิง ทดสอบ",
        "CMI-2569-0000101",
        "กข 1234 กรุงเทพมหานคร",
        "MR0HA3CD200123456",
        "15 มกราคม 2569 – 15 มกราคม 2570",
        "967.28",
        "บริษัท ประกันภัยประกัน จำกัด (มหาชน)",
        "0107536000315",
        "สำนักงานใหญ่",
        "20,000,000.00",
    ];
    let schedule = &printed.documents[0];
    let text = pdf_text(&schedule.file.full_path);
    assert_contains(&text, &common);
    assert_contains(
        &text,
        &[
            "ตารางกรมธรรม์ประกันภัยรถยนต์",
            "Motor Insurance Policy Schedule",
            "เก้าร้อยหกสิบเจ็ดบาทยี่สิบแปดสตางค์",
            "เบี้ยประกันภัยสุทธิ / Net premium",
            "63.28",
            "99/1 ถนนราชดำเนินกลาง แขวงพระบรมมหาราชวัง เขตพระนคร กรุงเทพมหานคร 10200",
        ],
    );
    let certificate = &printed.documents[1];
    let text = pdf_text(&certificate.file.full_path);
    assert_contains(&text, &common);
    assert_contains(
        &text,
        &[
            "หนังสือรับรองการประกันภัยตาม พ.ร.บ.",
            "พระราชบัญญัติคุ้มครองผู้ประสบภัยจากรถ",
            "500,000.00",
        ],
    );
    preview(&schedule.file.full_path, "cmi-schedule");
    preview(&certificate.file.full_path, "cmi-certificate");

    let recorded: Vec<(String, String, i64, String, String, i32)> = sqlx::query_as(
        "SELECT document_type, file_path, file_size, mime_type, sha256, version_number
           FROM policy_documents WHERE policy_id = $1 ORDER BY document_type DESC",
    )
    .bind(insured.cmi.0)
    .fetch_all(&db.pool)
    .await
    .unwrap();
    assert_eq!(recorded.len(), 2);
    for ((kind, path, size, mime, sha256, version), printed) in
        recorded.iter().zip(&printed.documents)
    {
        assert_eq!(kind, printed.document_type);
        let bytes = std::fs::read(data_dir.path().join(path)).unwrap();
        assert_eq!(*size as usize, bytes.len());
        assert_eq!(mime, "application/pdf");
        assert_eq!(*sha256, prakan::documents::sha256_hex(&bytes));
        assert_eq!(*version, 1);
        assert!(path.starts_with("documents/policies/CMI-2569-0000101/"));
    }

    let again = print_policy(&underwriter, data_dir.path(), &insured.cmi.1)
        .await
        .expect("printed again");
    assert!(again.documents.iter().all(|d| d.version == 2));
}

#[tokio::test]
async fn a_class_1_schedule_shows_its_cover_and_premium() {
    let db = TestDb::new().await;
    let insured = insured(&db.pool).await;
    let (_, underwriter) = db.staff_pool(GroupRole::Underwriter).await;
    let data_dir = tempfile::tempdir().unwrap();

    let printed = print_policy(&underwriter, data_dir.path(), &insured.class_1.1)
        .await
        .expect("printed");
    assert_eq!(printed.documents.len(), 1, "no certificate for Class 1");
    let path = &printed.documents[0].file.full_path;
    let text = pdf_text(path);
    // Net 15,000: stamp 60, VAT 1,054.20, total 16,114.20.
    assert_contains(
        &text,
        &[
            "C1-2569-0000102",
            "ชั้น 1 / Class 1",
            "650,000.00",
            "16,114.20",
            "1,054.20",
            "หนึ่งหมื่นหกพันหนึ่งร้อยสิบสี่บาทยี่สิบสตางค์",
            "น้ำท่วม / ภัยธรรมชาติ",
        ],
    );
    preview(path, "class-1-schedule");
}

#[tokio::test]
async fn a_receipt_prints_once_as_original_then_as_copies_and_void_when_voided() {
    let db = TestDb::new().await;
    let insured = insured(&db.pool).await;
    let (_, finance) = db.staff_pool(GroupRole::Finance).await;
    let number = receipt(&db, &finance, &insured, dec!(645.21)).await;
    assert_eq!(number, "RC-2569-0000001");
    let data_dir = tempfile::tempdir().unwrap();

    let original = print_receipt(&finance, data_dir.path(), &number)
        .await
        .expect("printed");
    assert_eq!(original.copy_number, 0);
    let text = pdf_text(&original.file.full_path);
    assert_contains(
        &text,
        &[
            "ใบเสร็จรับเงิน/ใบกำกับภาษี",
            "RC-2569-0000001",
            "ต้นฉบับ / ORIGINAL",
            "20 มกราคม 2569",
            "สมหญิง ทดสอบ",
            "บริษัท ประกันภัยประกัน จำกัด (มหาชน)",
            "0107536000315",
            "สำนักงานใหญ่",
            "603.00",
            "42.21",
            "645.21",
            "(หกร้อยสี่สิบห้าบาทยี่สิบเอ็ดสตางค์)",
            "ค่าเบี้ยประกันภัย CMI-2569-0000101",
        ],
    );
    assert!(!text.contains("สำเนา / COPY"));
    preview(&original.file.full_path, "receipt");
    assert_recorded(&db.pool, &number, data_dir.path(), &original.file.sha256, 0).await;
    assert_printed(&db.pool, &number, data_dir.path(), 0, &original.file.sha256).await;

    let copy = print_receipt(&finance, data_dir.path(), &number)
        .await
        .expect("printed again");
    assert_eq!(
        (copy.copy_number, copy.receipt_number.as_str()),
        (1, "RC-2569-0000001")
    );
    assert_ne!(
        copy.file.full_path, original.file.full_path,
        "the original stays"
    );
    let text = pdf_text(&copy.file.full_path);
    assert_contains(&text, &["สำเนา / COPY", "RC-2569-0000001", "645.21"]);
    preview(&copy.file.full_path, "receipt-copy");
    // The row keeps the original; the copy is a print of its own.
    assert_recorded(&db.pool, &number, data_dir.path(), &original.file.sha256, 1).await;
    assert_printed(&db.pool, &number, data_dir.path(), 1, &copy.file.sha256).await;
    let drawn: i64 = sqlx::query_scalar("SELECT count(*) FROM payment_receipts")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(drawn, 1, "a copy is never a new receipt");

    sqlx::query(
        "UPDATE payment_receipts SET voided_at = now(), void_reason = 'ออกผิดราย' WHERE receipt_number = $1",
    )
    .bind(&number)
    .execute(&finance)
    .await
    .unwrap();
    let void = print_receipt(&finance, data_dir.path(), &number)
        .await
        .expect("printed void");
    assert!(void.voided);
    let text = pdf_text(&void.file.full_path);
    assert_contains(&text, &["ยกเลิก / VOID", "ออกผิดราย", "RC-2569-0000001"]);
    preview(&void.file.full_path, "receipt-void");
}

/// The print `copy` of the receipt is in `receipt_prints` with the hash of its file.
async fn assert_printed(pool: &PgPool, number: &str, data_dir: &Path, copy: i32, sha256: &str) {
    let (path, stored_sha): (String, String) = sqlx::query_as(
        "SELECT p.file_path, p.sha256 FROM receipt_prints p
           JOIN payment_receipts r ON r.id = p.receipt_id
          WHERE r.receipt_number = $1 AND p.copy_number = $2",
    )
    .bind(number)
    .bind(copy)
    .fetch_one(pool)
    .await
    .unwrap();
    let bytes = std::fs::read(data_dir.join(&path)).unwrap();
    assert_eq!(stored_sha, prakan::documents::sha256_hex(&bytes));
    assert_eq!(stored_sha, sha256);
}

async fn assert_recorded(pool: &PgPool, number: &str, data_dir: &Path, sha256: &str, copies: i32) {
    let (path, size, mime, stored_sha, stored_copies): (String, i64, String, String, i32) =
        sqlx::query_as(
            "SELECT file_path, file_size, mime_type, sha256, copies_printed
               FROM payment_receipts WHERE receipt_number = $1",
        )
        .bind(number)
        .fetch_one(pool)
        .await
        .unwrap();
    let bytes = std::fs::read(data_dir.join(&path)).unwrap();
    assert_eq!(size as usize, bytes.len());
    assert_eq!(mime, "application/pdf");
    assert_eq!(stored_sha, prakan::documents::sha256_hex(&bytes));
    assert_eq!(stored_sha, sha256);
    assert_eq!(stored_copies, copies);
}

#[tokio::test]
async fn a_juristic_buyer_gets_its_branch_and_withholding_on_the_tax_invoice() {
    let db = TestDb::new().await;
    let insured = insured(&db.pool).await;
    sqlx::query(
        "UPDATE customers SET customer_type = 'JURISTIC', first_name = 'บริษัท ขนส่งดี จำกัด',
                last_name = NULL, gender = NULL, date_of_birth = NULL, national_id = '0105555123450',
                branch_code = '00012'
          WHERE id = $1",
    )
    .bind(insured.customer)
    .execute(&db.pool)
    .await
    .unwrap();
    let (_, finance) = db.staff_pool(GroupRole::Finance).await;
    let payment: Uuid = sqlx::query_scalar(
        "INSERT INTO payments (policy_id, customer_id, payment_type, amount, total_amount,
                               payment_method, due_date, payment_status, payment_date)
         VALUES ($1, $2, 'PREMIUM', 10742.80, 10742.80, 'BANK_TRANSFER', '2026-01-15', 'SUCCESS', now())
         RETURNING id",
    )
    .bind(insured.class_1.0)
    .bind(insured.customer)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let number: String =
        sqlx::query_scalar("SELECT receipt_number FROM issue_receipts($1, $2, $3)")
            .bind(vec![payment])
            .bind(vec![dec!(100.40)])
            .bind(date("2026-01-20"))
            .fetch_one(&finance)
            .await
            .unwrap();
    let data_dir = tempfile::tempdir().unwrap();
    let printed = print_receipt(&finance, data_dir.path(), &number)
        .await
        .expect("printed");
    let text = pdf_text(&printed.file.full_path);
    // DOMAIN §6: 10,742.80 billed, 1 % of 10,040.00 withheld, 10,642.40 received.
    assert_contains(
        &text,
        &[
            "บริษัท ขนส่งดี จำกัด",
            "0105555123450",
            "สาขาที่ 00012",
            "10,040.00",
            "702.80",
            "10,742.80",
            "-100.40",
            "10,642.40",
            "(หนึ่งหมื่นเจ็ดร้อยสี่สิบสองบาทแปดสิบสตางค์)",
            "50 ทวิ",
        ],
    );
    preview(&printed.file.full_path, "receipt-juristic");
}

#[tokio::test]
async fn only_underwriters_print_policies_and_only_finance_and_admin_print_receipts() {
    let db = TestDb::new().await;
    let insured = insured(&db.pool).await;
    let (_, finance) = db.staff_pool(GroupRole::Finance).await;
    let number = receipt(&db, &finance, &insured, dec!(645.21)).await;
    let data_dir = tempfile::tempdir().unwrap();

    for group in [GroupRole::Agent, GroupRole::Finance, GroupRole::Auditor] {
        let (_, pool) = db.staff_pool(group).await;
        let outcome = print_policy(&pool, data_dir.path(), &insured.cmi.1).await;
        assert!(
            matches!(outcome, Err(PrintError::PolicyNotAllowed)),
            "{group:?}: {outcome:?}"
        );
    }
    for group in [GroupRole::Underwriter, GroupRole::Auditor, GroupRole::Agent] {
        let (_, pool) = db.staff_pool(group).await;
        let outcome = print_receipt(&pool, data_dir.path(), &number).await;
        assert!(
            matches!(outcome, Err(PrintError::ReceiptNotAllowed)),
            "{group:?}: {outcome:?}"
        );
        // The database refuses it too, in psql.
        let by_function = sqlx::query("SELECT * FROM start_receipt_print($1)")
            .bind(&number)
            .execute(&pool)
            .await
            .expect_err("not finance");
        assert_eq!(violation(&by_function).0, "42501", "{group:?}");
        // Nor may they count copies or record a file by hand.
        let by_hand = sqlx::query("UPDATE payment_receipts SET copies_printed = 5")
            .execute(&pool)
            .await;
        assert!(by_hand.is_err(), "{group:?} changed copies_printed");
    }
    // Finance prints, but neither counts copies nor records a file by hand either.
    for sql in [
        "UPDATE payment_receipts SET copies_printed = 0",
        "UPDATE payment_receipts SET sha256 = repeat('0', 64)",
        "INSERT INTO receipt_prints (receipt_id, copy_number, file_path, file_size, mime_type, sha256)
         SELECT id, 9, 'x.pdf', 1, 'application/pdf', repeat('0', 64) FROM payment_receipts",
    ] {
        let error = sqlx::query(sql).execute(&finance).await.expect_err(sql);
        assert_eq!(violation(&error).0, "42501", "{sql}");
    }
    let (_, admin) = db.staff_pool(GroupRole::Admin).await;
    let printed = print_receipt(&admin, data_dir.path(), &number)
        .await
        .expect("an administrator prints receipts");
    assert_eq!(printed.copy_number, 0);
    let untouched: i32 =
        sqlx::query_scalar("SELECT copies_printed FROM payment_receipts WHERE receipt_number = $1")
            .bind(&number)
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(untouched, 0);
    assert!(matches!(
        print_receipt(&finance, data_dir.path(), "RC-2569-9999999").await,
        Err(PrintError::NoReceipt(_))
    ));
}
