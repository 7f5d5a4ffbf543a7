//! The customer jump box's searches, run as the person: row-level security decides which
//! customers they may find (an agent finds only their own). Exact kinds go through a
//! unique or selective index; names go through the name dictionary (fuzzy, by trigram
//! similarity) and then the GIN index of customers.name_tokens.

use chrono::NaiveDate;
use sqlx::PgPool;
use uuid::Uuid;

use crate::domain::lookup::Lookup;

/// Hits per page.
pub const PAGE: i64 = 20;

/// The most customers a one-word name search ranks per close dictionary word: five pages.
pub const ONE_WORD_CAP: i64 = 5 * PAGE;

/// One customer found, with what matched when it was not the customer itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub customer_id: Uuid,
    pub customer_type: String,
    pub first_name: String,
    pub last_name: Option<String>,
    pub first_name_en: Option<String>,
    pub last_name_en: Option<String>,
    pub national_id_masked: Option<String>,
    pub phone_number: Option<String>,
    pub date_of_birth: Option<NaiveDate>,
    pub tambon_code: Option<String>,
    /// An anonymised (or otherwise deleted) customer: found only through their records.
    pub deleted: bool,
    pub matched: Option<Matched>,
    /// Name similarity from 0 to 1 (the mean over the words typed), for name hits.
    pub score: Option<f32>,
}

/// The record a non-name lookup landed on.
#[derive(Debug, Clone, PartialEq)]
pub enum Matched {
    Vehicle {
        plate: String,
        province_code: String,
    },
    Policy {
        number: String,
        status: String,
    },
    Claim {
        number: String,
        status: String,
    },
    Receipt {
        number: String,
    },
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    pub hits: Vec<Hit>,
    /// Whether another page follows.
    pub more: bool,
}

/// The columns of a hit, from customers aliased `c`.
const HIT_COLUMNS: &str = "c.id, c.customer_type, c.first_name, c.last_name, c.first_name_en,
    c.last_name_en, c.national_id_masked, c.phone_number, c.date_of_birth, c.tambon_code,
    c.deleted_at IS NOT NULL AS deleted";

/// The same columns by name, from a subquery of HIT_COLUMNS.
const HIT_FIELDS: &str = "id, customer_type, first_name, last_name, first_name_en, last_name_en,
    national_id_masked, phone_number, date_of_birth, tambon_code, deleted";

#[derive(sqlx::FromRow)]
struct HitRow {
    id: Uuid,
    customer_type: String,
    first_name: String,
    last_name: Option<String>,
    first_name_en: Option<String>,
    last_name_en: Option<String>,
    national_id_masked: Option<String>,
    phone_number: Option<String>,
    date_of_birth: Option<NaiveDate>,
    tambon_code: Option<String>,
    deleted: bool,
}

impl HitRow {
    fn hit(self) -> Hit {
        Hit {
            customer_id: self.id,
            customer_type: self.customer_type,
            first_name: self.first_name,
            last_name: self.last_name,
            first_name_en: self.first_name_en,
            last_name_en: self.last_name_en,
            national_id_masked: self.national_id_masked,
            phone_number: self.phone_number,
            date_of_birth: self.date_of_birth,
            tambon_code: self.tambon_code,
            deleted: self.deleted,
            matched: None,
            score: None,
        }
    }
}

/// A hit with the record it came through (a vehicle's plate, a document's number).
#[derive(sqlx::FromRow)]
struct RecordHitRow {
    #[sqlx(flatten)]
    customer: HitRow,
    number: String,
    detail: String,
}

#[derive(sqlx::FromRow)]
struct ScoredHitRow {
    #[sqlx(flatten)]
    customer: HitRow,
    score: f32,
}

/// Runs a lookup; `page` counts from 0. `full_national_id` says whether this person may
/// read customers.national_id (adjusters and surveyors may not: they find by ID through
/// find_customer_by_national_id, which applies their own limits).
pub async fn search(
    pool: &PgPool,
    lookup: &Lookup,
    full_national_id: bool,
    page: u32,
) -> sqlx::Result<Page> {
    let offset = i64::from(page) * PAGE;
    let mut hits = match lookup {
        Lookup::NationalId(id) => by_national_id(pool, id, full_national_id).await?,
        Lookup::Phone(phone) => by_column(pool, "c.phone_number = $1", phone, offset).await?,
        Lookup::Email(email) => by_column(pool, "lower(c.email) = $1", email, offset).await?,
        Lookup::Plate { plate, province } => {
            by_plate(pool, plate, province.as_deref(), offset).await?
        }
        Lookup::Policy(number) => by_policy(pool, number).await?,
        Lookup::Claim(number) => by_claim(pool, number).await?,
        Lookup::Receipt(number) => by_receipt(pool, number).await?,
        Lookup::Name(words) if words.len() == 1 => by_one_word(pool, &words[0], offset).await?,
        Lookup::Name(words) => by_words(pool, words, offset).await?,
    };
    let more = hits.len() as i64 > PAGE;
    hits.truncate(PAGE as usize);
    Ok(Page { hits, more })
}

async fn by_national_id(pool: &PgPool, id: &str, full_access: bool) -> sqlx::Result<Vec<Hit>> {
    let condition = if full_access {
        "c.national_id = $1"
    } else {
        "c.id IN (SELECT find_customer_by_national_id($1))"
    };
    let sql = format!("SELECT {HIT_COLUMNS} FROM customers c WHERE {condition}");
    let rows: Vec<HitRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_all(pool)
        .await?;
    Ok(rows.into_iter().map(HitRow::hit).collect())
}

/// Customers (not deleted) matching one indexed condition on `$1`, a page at a time.
async fn by_column(
    pool: &PgPool,
    condition: &'static str,
    value: &str,
    offset: i64,
) -> sqlx::Result<Vec<Hit>> {
    let sql = format!(
        "SELECT {HIT_COLUMNS} FROM customers c
          WHERE {condition} AND c.deleted_at IS NULL
          ORDER BY c.first_name, c.last_name, c.id
          LIMIT $2 OFFSET $3"
    );
    let rows: Vec<HitRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(value)
        .bind(PAGE + 1)
        .bind(offset)
        .fetch_all(pool)
        .await?;
    Ok(rows.into_iter().map(HitRow::hit).collect())
}

/// A plate, in any province or in the provinces whose Thai or English name starts with
/// what was typed ("กรุงเทพ", "chiang mai").
async fn by_plate(
    pool: &PgPool,
    plate: &str,
    province: Option<&str>,
    offset: i64,
) -> sqlx::Result<Vec<Hit>> {
    let sql = format!(
        "SELECT {HIT_COLUMNS}, v.registration_number AS number, v.province_code AS detail
           FROM customer_vehicles v
           JOIN customers c ON c.id = v.customer_id
           JOIN provinces p ON p.province_code = v.province_code
          WHERE v.registration_number = $1 AND v.deleted_at IS NULL
            AND ($2::text IS NULL
                 OR p.name_th LIKE $2 || '%'
                 OR replace(p.name_th, 'จังหวัด', '') LIKE $2 || '%'
                 OR lower(p.name_en) LIKE lower($2) || '%'
                 OR COALESCE(v.plate_label, '') LIKE $2 || '%')
          ORDER BY p.province_code, c.id
          LIMIT $3 OFFSET $4"
    );
    let rows: Vec<RecordHitRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(plate)
        .bind(province.map(str::trim))
        .bind(PAGE + 1)
        .bind(offset)
        .fetch_all(pool)
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| Hit {
            matched: Some(Matched::Vehicle {
                plate: row.number,
                province_code: row.detail,
            }),
            ..row.customer.hit()
        })
        .collect())
}

async fn by_policy(pool: &PgPool, number: &str) -> sqlx::Result<Vec<Hit>> {
    document_hit(
        pool,
        "SELECT policy_number AS number, status AS detail, customer_id FROM policies WHERE policy_number = $1",
        number,
        |number, status| Matched::Policy { number, status },
    )
    .await
}

async fn by_claim(pool: &PgPool, number: &str) -> sqlx::Result<Vec<Hit>> {
    document_hit(
        pool,
        "SELECT cl.claim_number AS number, cl.status AS detail, p.customer_id
           FROM claims cl JOIN policies p ON p.id = cl.policy_id
          WHERE cl.claim_number = $1",
        number,
        |number, status| Matched::Claim { number, status },
    )
    .await
}

async fn by_receipt(pool: &PgPool, number: &str) -> sqlx::Result<Vec<Hit>> {
    document_hit(
        pool,
        "SELECT r.receipt_number AS number, r.receipt_type AS detail, pay.customer_id
           FROM payment_receipts r
           JOIN payments pay ON pay.id = r.payment_id AND pay.created_at = r.payment_created_at
          WHERE r.receipt_number = $1",
        number,
        |number, _| Matched::Receipt { number },
    )
    .await
}

/// The customer behind a policy, claim or receipt number; `found` is a query returning
/// (number, detail, customer_id).
async fn document_hit(
    pool: &PgPool,
    found: &'static str,
    number: &str,
    matched: impl Fn(String, String) -> Matched,
) -> sqlx::Result<Vec<Hit>> {
    let sql = format!(
        "WITH found AS ({found})
         SELECT {HIT_COLUMNS}, found.number, found.detail
           FROM found JOIN customers c ON c.id = found.customer_id"
    );
    let rows: Vec<RecordHitRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(number)
        .fetch_all(pool)
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| Hit {
            matched: Some(matched(row.number, row.detail)),
            ..row.customer.hit()
        })
        .collect())
}

/// One word: the customers having each close dictionary word, closest word first. Each
/// dictionary word fetches at most ONE_WORD_CAP customers, so a common name never means
/// fetching thousands of rows; the cap is the same for every page, so the pages are cut
/// from one and the same ranked list.
async fn by_one_word(pool: &PgPool, word: &str, offset: i64) -> sqlx::Result<Vec<Hit>> {
    let sql = format!(
        "SELECT {HIT_FIELDS}, score FROM (
             SELECT DISTINCT ON (hit.id) hit.*, close.score, close.token
               FROM close_name_tokens($1) AS close
              CROSS JOIN LATERAL (
                    SELECT {HIT_COLUMNS} FROM customers c
                     WHERE c.name_tokens @> ARRAY[close.token] AND c.deleted_at IS NULL
                     LIMIT {ONE_WORD_CAP}) AS hit
              ORDER BY hit.id, close.score DESC) AS best
          ORDER BY score DESC, token, id
          LIMIT $2 OFFSET $3"
    );
    scored(pool, sql, &[word.to_string()], offset).await
}

/// Several words: customers matching every word (each through one of its close dictionary
/// words), ranked by the mean similarity of the best match of each word.
async fn by_words(pool: &PgPool, words: &[String], offset: i64) -> sqlx::Result<Vec<Hit>> {
    let every_word: Vec<String> = (1..=words.len())
        .map(|n| {
            format!("c.name_tokens && (SELECT array_agg(token) FROM close WHERE word_no = {n})")
        })
        .collect();
    let sql = format!(
        "WITH close AS MATERIALIZED (SELECT * FROM close_name_tokens($1))
         SELECT {HIT_COLUMNS},
                (SELECT (sum(best) / cardinality($1::text[]))::real FROM (
                    SELECT max(close.score) AS best FROM close
                     WHERE close.token = ANY (c.name_tokens)
                     GROUP BY close.word_no) AS per_word) AS score
           FROM customers c
          WHERE {} AND c.deleted_at IS NULL
          ORDER BY score DESC, c.id
          LIMIT $2 OFFSET $3",
        every_word.join(" AND ")
    );
    scored(pool, sql, words, offset).await
}

async fn scored(
    pool: &PgPool,
    sql: String,
    words: &[String],
    offset: i64,
) -> sqlx::Result<Vec<Hit>> {
    let rows: Vec<ScoredHitRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(words)
        .bind(PAGE + 1)
        .bind(offset)
        .fetch_all(pool)
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| Hit {
            score: Some(row.score),
            ..row.customer.hit()
        })
        .collect())
}
