//! A customer and everything about them, as the person may see it; creating and editing
//! customers (one transaction each, optimistic locking on edits); the duplicate check; and
//! revealing a masked national ID.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use sqlx::types::Json;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use crate::db::rights::CustomerRights;
use crate::domain::customer::{AddressLines, CustomerDraft};

/// The most rows of each kind the customer screen loads (newest first).
pub const SECTION_LIMIT: i64 = 200;

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Profile {
    pub id: Uuid,
    pub customer_type: String,
    pub first_name: String,
    pub last_name: Option<String>,
    pub first_name_en: Option<String>,
    pub last_name_en: Option<String>,
    /// The full ID, for those who may read it.
    pub national_id: Option<String>,
    pub national_id_masked: Option<String>,
    pub branch_code: Option<String>,
    pub date_of_birth: Option<NaiveDate>,
    pub gender: Option<String>,
    pub phone_number: Option<String>,
    pub email: Option<String>,
    pub address: Option<Json<AddressLines>>,
    pub tambon_code: Option<String>,
    pub postal_code: Option<String>,
    pub agent_name: Option<String>,
    pub account_status: String,
    pub kyc_status: String,
    pub preferred_language: String,
    pub marketing_consent: bool,
    pub sms_notifications: bool,
    pub email_notifications: bool,
    pub created_at: DateTime<Utc>,
    pub created_by_name: Option<String>,
    pub updated_at: DateTime<Utc>,
    pub updated_by_name: Option<String>,
    pub version: i32,
    pub deleted_at: Option<DateTime<Utc>>,
}

impl Profile {
    /// "สมชาย ใจดี"; a company's registered name.
    pub fn name_th(&self) -> String {
        match &self.last_name {
            Some(last) if !last.is_empty() => format!("{} {last}", self.first_name),
            _ => self.first_name.clone(),
        }
    }

    pub fn name_en(&self) -> Option<String> {
        let first = self.first_name_en.as_deref()?;
        Some(match self.last_name_en.as_deref() {
            Some(last) if !last.is_empty() => format!("{first} {last}"),
            _ => first.to_string(),
        })
    }
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct VehicleRow {
    pub id: Uuid,
    pub registration_number: String,
    pub province_code: String,
    pub plate_label: Option<String>,
    pub make: String,
    pub model: String,
    pub year_of_manufacture: i32,
    pub engine_cc: Option<i32>,
    pub seats: Option<i16>,
    pub vehicle_type: String,
    pub fuel_type: String,
    pub color: Option<String>,
    pub chassis_number: Option<String>,
    pub usage_type: String,
    pub parking_location: Option<String>,
    pub annual_mileage: Option<i32>,
    pub is_active: bool,
    pub version: i32,
    pub verified_at: Option<DateTime<Utc>>,
    pub registration_valid: Option<bool>,
    pub tax_paid: Option<bool>,
    pub registration_expiry: Option<NaiveDate>,
    pub verification_reference: Option<String>,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct PolicyRow {
    pub id: Uuid,
    pub policy_number: String,
    pub policy_type: String,
    pub status: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub sum_insured: Option<Decimal>,
    pub total_premium: Decimal,
    pub plate: Option<String>,
    pub payment_plan: Option<String>,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct ClaimRow {
    pub id: Uuid,
    pub claim_number: String,
    pub claim_type: String,
    pub status: String,
    pub incident_date: DateTime<Utc>,
    pub estimated_amount: Option<Decimal>,
    pub approved_amount: Option<Decimal>,
    pub settled_amount: Option<Decimal>,
    pub policy_number: String,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct PaymentRow {
    pub id: Uuid,
    pub transaction_reference: Option<String>,
    pub payment_type: String,
    pub payment_direction: String,
    pub payment_method: String,
    pub total_amount: Decimal,
    pub payment_status: String,
    pub due_date: Option<NaiveDate>,
    pub payment_date: Option<DateTime<Utc>>,
    pub installment_number: Option<i32>,
    pub total_installments: Option<i32>,
    pub policy_number: Option<String>,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct ConsentRow {
    pub id: Uuid,
    pub purpose: String,
    pub lawful_basis: String,
    pub consent_text_version: String,
    pub channel: String,
    pub given_at: DateTime<Utc>,
    pub withdrawn_at: Option<DateTime<Utc>>,
    pub withdrawal_channel: Option<String>,
    pub evidence_reference: Option<String>,
    pub version: i32,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct DocumentRow {
    pub id: Uuid,
    pub document_type: String,
    pub original_filename: String,
    pub verification_status: String,
    pub expires_on: Option<NaiveDate>,
    pub is_sensitive: bool,
    pub created_at: DateTime<Utc>,
}

/// What the person owes: incoming payments not yet received, and of those the overdue.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Outstanding {
    pub total: Decimal,
    pub overdue: Decimal,
    pub count: i64,
}

/// Everything the customer screen shows. A section is None when the person's role may not
/// read that table (the screen says so rather than showing it empty).
#[derive(Debug, Clone, PartialEq)]
pub struct Customer360 {
    pub profile: Profile,
    pub vehicles: Vec<VehicleRow>,
    pub policies: Option<Vec<PolicyRow>>,
    pub claims: Option<Vec<ClaimRow>>,
    pub payments: Option<Vec<PaymentRow>>,
    pub outstanding: Option<Outstanding>,
    pub consents: Option<Vec<ConsentRow>>,
    pub documents: Option<Vec<DocumentRow>>,
}

fn profile_sql(rights: &CustomerRights) -> String {
    let national_id = if rights.read_national_id {
        "c.national_id"
    } else {
        "NULL::varchar"
    };
    format!(
        "SELECT c.id, c.customer_type, c.first_name, c.last_name, c.first_name_en, c.last_name_en,
                {national_id} AS national_id, c.national_id_masked, c.branch_code, c.date_of_birth,
                c.gender, c.phone_number, c.email, c.address, c.tambon_code, c.postal_code,
                NULLIF(concat_ws(' ', agent.first_name, agent.last_name), '') AS agent_name,
                c.account_status, c.kyc_status, c.preferred_language, c.marketing_consent,
                c.sms_notifications, c.email_notifications, c.created_at,
                NULLIF(concat_ws(' ', creator.first_name, creator.last_name), '') AS created_by_name,
                c.updated_at,
                NULLIF(concat_ws(' ', editor.first_name, editor.last_name), '') AS updated_by_name,
                c.version, c.deleted_at
           FROM customers c
           LEFT JOIN users agent ON agent.id = c.agent_id
           LEFT JOIN users creator ON creator.id = c.created_by
           LEFT JOIN users editor ON editor.id = c.updated_by
          WHERE c.id = $1"
    )
}

pub async fn profile(
    connection: &mut PgConnection,
    id: Uuid,
    rights: &CustomerRights,
) -> sqlx::Result<Option<Profile>> {
    sqlx::query_as(sqlx::AssertSqlSafe(profile_sql(rights)))
        .bind(id)
        .fetch_optional(connection)
        .await
}

/// Loads the customer 360 in one read-only snapshot. None when the customer does not
/// exist or is not visible to this person.
pub async fn load(
    pool: &PgPool,
    id: Uuid,
    rights: &CustomerRights,
) -> sqlx::Result<Option<Customer360>> {
    let mut tx = pool.begin().await?;
    sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        .execute(&mut *tx)
        .await?;
    let Some(profile) = profile(&mut tx, id, rights).await? else {
        return Ok(None);
    };
    let vehicles = vehicles(&mut tx, id, rights.read_verifications).await?;
    let policies = match rights.read_policies {
        true => Some(section(&mut tx, POLICIES, id).await?),
        false => None,
    };
    let claims = match rights.read_claims && rights.read_policies {
        true => Some(section(&mut tx, CLAIMS, id).await?),
        false => None,
    };
    let (payments, outstanding) = match rights.read_payments {
        true => (
            Some(section(&mut tx, PAYMENTS, id).await?),
            Some(outstanding(&mut tx, id).await?),
        ),
        false => (None, None),
    };
    let consents = match rights.read_consents {
        true => Some(section(&mut tx, CONSENTS, id).await?),
        false => None,
    };
    let documents = match rights.read_documents {
        true => Some(section(&mut tx, DOCUMENTS, id).await?),
        false => None,
    };
    tx.commit().await?;
    Ok(Some(Customer360 {
        profile,
        vehicles,
        policies,
        claims,
        payments,
        outstanding,
        consents,
        documents,
    }))
}

const POLICIES: &str =
    "SELECT p.id, p.policy_number, p.policy_type, p.status, p.start_date, p.end_date,
        p.sum_insured, p.total_premium, v.registration_number AS plate, p.payment_plan
   FROM policies p LEFT JOIN customer_vehicles v ON v.id = p.vehicle_id
  WHERE p.customer_id = $1 AND p.deleted_at IS NULL
  ORDER BY p.start_date DESC, p.policy_number
  LIMIT $2";

const CLAIMS: &str = "SELECT cl.id, cl.claim_number, cl.claim_type, cl.status, cl.incident_date,
        cl.estimated_amount, cl.approved_amount, cl.settled_amount, p.policy_number
   FROM claims cl JOIN policies p ON p.id = cl.policy_id
  WHERE p.customer_id = $1 AND p.deleted_at IS NULL AND cl.deleted_at IS NULL
  ORDER BY cl.incident_date DESC
  LIMIT $2";

const PAYMENTS: &str =
    "SELECT pay.id, pay.transaction_reference, pay.payment_type, pay.payment_direction,
        pay.payment_method, pay.total_amount, pay.payment_status, pay.due_date, pay.payment_date,
        pay.installment_number, pay.total_installments, p.policy_number
   FROM payments pay LEFT JOIN policies p ON p.id = pay.policy_id
  WHERE pay.customer_id = $1
  ORDER BY COALESCE(pay.due_date, pay.payment_date::date, pay.created_at::date) DESC, pay.id
  LIMIT $2";

const CONSENTS: &str = "SELECT id, purpose, lawful_basis, consent_text_version, channel, given_at,
        withdrawn_at, withdrawal_channel, evidence_reference, version
   FROM consent_records
  WHERE customer_id = $1
  ORDER BY (withdrawn_at IS NULL) DESC, given_at DESC
  LIMIT $2";

const DOCUMENTS: &str =
    "SELECT id, document_type, original_filename, verification_status, expires_on,
        is_sensitive, created_at
   FROM customer_documents
  WHERE customer_id = $1 AND deleted_at IS NULL
  ORDER BY created_at DESC
  LIMIT $2";

async fn section<T>(
    connection: &mut PgConnection,
    sql: &'static str,
    customer: Uuid,
) -> sqlx::Result<Vec<T>>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow> + Send + Unpin,
{
    sqlx::query_as(sql)
        .bind(customer)
        .bind(SECTION_LIMIT)
        .fetch_all(connection)
        .await
}

async fn vehicles(
    connection: &mut PgConnection,
    customer: Uuid,
    with_verifications: bool,
) -> sqlx::Result<Vec<VehicleRow>> {
    let verification = if with_verifications {
        "LEFT JOIN LATERAL (
             SELECT verification_date, registration_valid, tax_paid, registration_expiry,
                    dlt_reference_number
               FROM dlt_verifications d WHERE d.vehicle_id = v.id
              ORDER BY verification_date DESC LIMIT 1) AS d ON true"
    } else {
        "LEFT JOIN (SELECT NULL::timestamptz AS verification_date, NULL::boolean AS registration_valid,
                           NULL::boolean AS tax_paid, NULL::date AS registration_expiry,
                           NULL::varchar AS dlt_reference_number) AS d ON true"
    };
    let sql = format!(
        "SELECT v.id, v.registration_number, v.province_code, v.plate_label, v.make, v.model,
                v.year_of_manufacture, v.engine_cc, v.seats, v.vehicle_type, v.fuel_type, v.color,
                v.chassis_number, v.usage_type, v.parking_location, v.annual_mileage, v.is_active,
                v.version, d.verification_date AS verified_at, d.registration_valid, d.tax_paid,
                d.registration_expiry, d.dlt_reference_number AS verification_reference
           FROM customer_vehicles v
           {verification}
          WHERE v.customer_id = $1 AND v.deleted_at IS NULL
          ORDER BY v.is_active DESC, v.created_at DESC
          LIMIT $2"
    );
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(customer)
        .bind(SECTION_LIMIT)
        .fetch_all(connection)
        .await
}

async fn outstanding(connection: &mut PgConnection, customer: Uuid) -> sqlx::Result<Outstanding> {
    let (total, overdue, count): (Decimal, Decimal, i64) = sqlx::query_as(
        "SELECT COALESCE(sum(total_amount), 0),
                COALESCE(sum(total_amount) FILTER (
                    WHERE due_date < (now() AT TIME ZONE 'Asia/Bangkok')::date), 0),
                count(*)
           FROM payments
          WHERE customer_id = $1 AND payment_direction = 'INCOMING'
            AND payment_status IN ('PENDING', 'PROCESSING', 'FAILED')",
    )
    .bind(customer)
    .fetch_one(connection)
    .await?;
    Ok(Outstanding {
        total,
        overdue,
        count,
    })
}

/// Why an existing customer might be the one being entered again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuplicateReason {
    SameNationalId,
    SamePhone,
    SameNameAndBirthday,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Duplicate {
    pub id: Uuid,
    pub name: String,
    pub national_id_masked: Option<String>,
    pub phone_number: Option<String>,
    pub date_of_birth: Option<NaiveDate>,
    pub reasons: Vec<DuplicateReason>,
}

#[derive(sqlx::FromRow)]
struct DuplicateRow {
    id: Uuid,
    name: String,
    national_id_masked: Option<String>,
    phone_number: Option<String>,
    date_of_birth: Option<NaiveDate>,
    same_national_id: bool,
    same_phone: bool,
    same_name_and_birthday: bool,
}

/// Customers this person can see who look like `draft`: the same national ID, the same
/// phone, or the same Thai name and date of birth. `except` leaves out the customer being
/// edited.
pub async fn duplicates(
    pool: &PgPool,
    draft: &CustomerDraft,
    except: Option<Uuid>,
) -> sqlx::Result<Vec<Duplicate>> {
    let rows: Vec<DuplicateRow> = sqlx::query_as(
        "WITH typed AS (
             SELECT array_remove(regexp_split_to_array(lower($3 || ' ' || COALESCE($4, '')),
                                                      '[[:space:],.()]+'), '') AS tokens)
         SELECT c.id, concat_ws(' ', c.first_name, c.last_name) AS name, c.national_id_masked,
                c.phone_number, c.date_of_birth,
                COALESCE(c.national_id = $1, false) AS same_national_id,
                COALESCE(c.phone_number = $2, false) AS same_phone,
                COALESCE(c.date_of_birth = $5 AND lower(c.first_name) = lower($3)
                         AND lower(COALESCE(c.last_name, '')) = lower(COALESCE($4, '')), false)
                    AS same_name_and_birthday
           FROM customers c, typed
          WHERE c.deleted_at IS NULL AND c.id IS DISTINCT FROM $6
            AND (c.national_id = $1
                 OR c.phone_number = $2
                 OR (c.date_of_birth = $5 AND c.name_tokens @> typed.tokens))
          ORDER BY c.created_at
          LIMIT 10",
    )
    .bind(&draft.national_id)
    .bind(&draft.phone)
    .bind(&draft.first_name)
    .bind(&draft.last_name)
    .bind(draft.date_of_birth)
    .bind(except)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let reasons = [
                (row.same_national_id, DuplicateReason::SameNationalId),
                (row.same_phone, DuplicateReason::SamePhone),
                (
                    row.same_name_and_birthday,
                    DuplicateReason::SameNameAndBirthday,
                ),
            ]
            .into_iter()
            .filter(|(found, _)| *found)
            .map(|(_, reason)| reason)
            .collect();
            Duplicate {
                id: row.id,
                name: row.name,
                national_id_masked: row.national_id_masked,
                phone_number: row.phone_number,
                date_of_birth: row.date_of_birth,
                reasons,
            }
        })
        .filter(|d: &Duplicate| !d.reasons.is_empty())
        .collect())
}

/// Why saving did not happen, other than a database error.
#[derive(Debug)]
pub enum SaveError {
    /// Someone else saved the record since it was loaded.
    Conflict(Conflict),
    /// The record is no longer there (or no longer visible).
    Gone,
    Database(sqlx::Error),
}

impl From<sqlx::Error> for SaveError {
    fn from(error: sqlx::Error) -> SaveError {
        SaveError::Database(error)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub by: Option<String>,
    pub at: DateTime<Utc>,
    pub version: i32,
}

/// Sets the business context the audit trail records for this transaction's changes.
pub async fn set_context(connection: &mut PgConnection, context: &str) -> sqlx::Result<()> {
    sqlx::query("SELECT set_config('prakan.context', $1, true)")
        .bind(context)
        .execute(connection)
        .await
        .map(|_| ())
}

fn address_json(draft: &CustomerDraft) -> Option<Json<&AddressLines>> {
    draft.address.as_ref().map(Json)
}

/// Creates a customer; an agent's new customer is theirs (row-level security insists).
pub async fn create(pool: &PgPool, draft: &CustomerDraft) -> sqlx::Result<Uuid> {
    let mut tx = pool.begin().await?;
    set_context(&mut tx, "CUSTOMER_CREATE").await?;
    let id = sqlx::query_scalar(
        "INSERT INTO customers (customer_type, first_name, last_name, first_name_en, last_name_en,
                                national_id, branch_code, date_of_birth, gender, phone_number, email,
                                preferred_language, marketing_consent, sms_notifications,
                                email_notifications, address, tambon_code, postal_code, agent_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
                 CASE WHEN pg_has_role('prakan_agent', 'MEMBER') THEN current_staff_id() END)
         RETURNING id",
    )
    .bind(draft.customer_type.as_db())
    .bind(&draft.first_name)
    .bind(&draft.last_name)
    .bind(&draft.first_name_en)
    .bind(&draft.last_name_en)
    .bind(&draft.national_id)
    .bind(&draft.branch_code)
    .bind(draft.date_of_birth)
    .bind(draft.gender.map(|g| g.as_db()))
    .bind(&draft.phone)
    .bind(&draft.email)
    .bind(draft.preferred_language.code())
    .bind(draft.marketing_consent)
    .bind(draft.sms_notifications)
    .bind(draft.email_notifications)
    .bind(address_json(draft))
    .bind(&draft.tambon_code)
    .bind(&draft.postal_code)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Saves an edit made to `version` of the customer. Returns the new version, or the
/// conflict when someone else saved first (nothing is written then).
pub async fn update(
    pool: &PgPool,
    id: Uuid,
    version: i32,
    draft: &CustomerDraft,
) -> Result<i32, SaveError> {
    let mut tx = pool.begin().await?;
    set_context(&mut tx, "CUSTOMER_EDIT").await?;
    let saved: Option<i32> = sqlx::query_scalar(
        "UPDATE customers
            SET customer_type = $3, first_name = $4, last_name = $5, first_name_en = $6,
                last_name_en = $7, national_id = $8, branch_code = $9, date_of_birth = $10,
                gender = $11, phone_number = $12, email = $13, preferred_language = $14,
                marketing_consent = $15, sms_notifications = $16, email_notifications = $17,
                address = $18, tambon_code = $19, postal_code = $20
          WHERE id = $1 AND version = $2 AND deleted_at IS NULL
          RETURNING version",
    )
    .bind(id)
    .bind(version)
    .bind(draft.customer_type.as_db())
    .bind(&draft.first_name)
    .bind(&draft.last_name)
    .bind(&draft.first_name_en)
    .bind(&draft.last_name_en)
    .bind(&draft.national_id)
    .bind(&draft.branch_code)
    .bind(draft.date_of_birth)
    .bind(draft.gender.map(|g| g.as_db()))
    .bind(&draft.phone)
    .bind(&draft.email)
    .bind(draft.preferred_language.code())
    .bind(draft.marketing_consent)
    .bind(draft.sms_notifications)
    .bind(draft.email_notifications)
    .bind(address_json(draft))
    .bind(&draft.tambon_code)
    .bind(&draft.postal_code)
    .fetch_optional(&mut *tx)
    .await?;
    commit_or_conflict(tx, saved, "customers", id).await
}

/// Ends an optimistic update: commits when the row was updated (`saved` holds its new
/// version), else rolls back and says who saved first.
pub async fn commit_or_conflict(
    mut tx: sqlx::Transaction<'_, sqlx::Postgres>,
    saved: Option<i32>,
    table: &'static str,
    id: Uuid,
) -> Result<i32, SaveError> {
    match saved {
        Some(new_version) => {
            tx.commit().await?;
            Ok(new_version)
        }
        None => {
            let conflict = conflict(&mut tx, table, id).await?;
            tx.rollback().await?;
            Err(conflict)
        }
    }
}

/// Who changed a record since it was loaded, and when; or that it is gone.
pub async fn conflict(
    connection: &mut PgConnection,
    table: &'static str,
    id: Uuid,
) -> sqlx::Result<SaveError> {
    let sql = format!(
        "SELECT r.version, r.updated_at,
                NULLIF(concat_ws(' ', u.first_name, u.last_name), '')
           FROM {table} r LEFT JOIN users u ON u.id = r.updated_by
          WHERE r.id = $1"
    );
    let row: Option<(i32, DateTime<Utc>, Option<String>)> =
        sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(connection)
            .await?;
    Ok(match row {
        Some((version, at, by)) => SaveError::Conflict(Conflict { by, at, version }),
        None => SaveError::Gone,
    })
}

/// The full national ID of a customer whose ID this person sees masked; audited.
pub async fn reveal_national_id(pool: &PgPool, id: Uuid) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("SELECT reveal_national_id($1)")
        .bind(id)
        .fetch_one(pool)
        .await
}
