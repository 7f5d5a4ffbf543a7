//! The Thai geography (GeoThai, CC BY 4.0): 77 provinces, 928 amphoes, 7,436 tambons, loaded
//! from the CSV shipped in assets/. Codes stay text: their leading digits matter.

use std::collections::BTreeMap;

use sqlx::PgPool;

pub const GEOGRAPHY_CSV: &str = include_str!("../../assets/thai_geography.csv");
pub const ATTRIBUTION: &str =
    "Thai geography: GeoThai (github.com/GeoThai/data), CC BY 4.0, © 2026 Pongsakorn Thipayanate";

#[derive(Debug, thiserror::Error)]
pub enum GeoError {
    #[error("the geography CSV is malformed: {0}")]
    Csv(#[from] csv::Error),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

#[derive(Debug, serde::Deserialize)]
struct Row {
    province_code: String,
    province_th: String,
    province_en: String,
    amphoe_code: String,
    amphoe_th: String,
    amphoe_en: String,
    tambon_code: String,
    tambon_th: String,
    tambon_en: String,
    postal_code: String,
    region: String,
}

/// Column-wise values ready to be bound as arrays.
#[derive(Default)]
struct Columns {
    codes: Vec<String>,
    parents: Vec<String>,
    names_th: Vec<String>,
    names_en: Vec<String>,
    extra: Vec<String>,
}

impl Columns {
    fn push(&mut self, code: &str, parent: &str, th: &str, en: &str, extra: &str) {
        self.codes.push(code.into());
        self.parents.push(parent.into());
        self.names_th.push(th.into());
        self.names_en.push(en.into());
        self.extra.push(extra.into());
    }
}

/// Loads (or refreshes) every province, amphoe and tambon. Does nothing when the database
/// already holds exactly the shipped data.
pub async fn load(pool: &PgPool) -> Result<(), GeoError> {
    let rows = parse()?;
    let loaded: i64 = sqlx::query_scalar("SELECT count(*) FROM tambons")
        .fetch_one(pool)
        .await?;
    if loaded == rows.len() as i64 {
        return Ok(());
    }

    let mut provinces = BTreeMap::new();
    let mut amphoes = BTreeMap::new();
    let mut tambons = Columns::default();
    for row in &rows {
        provinces.entry(row.province_code.clone()).or_insert((
            row.province_th.clone(),
            row.province_en.clone(),
            row.region.clone(),
        ));
        amphoes.entry(row.amphoe_code.clone()).or_insert((
            row.province_code.clone(),
            row.amphoe_th.clone(),
            row.amphoe_en.clone(),
        ));
        tambons.push(
            &row.tambon_code,
            &row.amphoe_code,
            &row.tambon_th,
            &row.tambon_en,
            &row.postal_code,
        );
    }
    let mut province_columns = Columns::default();
    for (code, (th, en, region)) in &provinces {
        province_columns.push(code, "", th, en, region);
    }
    let mut amphoe_columns = Columns::default();
    for (code, (province, th, en)) in &amphoes {
        amphoe_columns.push(code, province, th, en, "");
    }

    let mut tx = pool.begin().await?;
    sqlx::query(
        "INSERT INTO provinces (province_code, name_th, name_en, region)
         SELECT * FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[])
         ON CONFLICT (province_code) DO UPDATE
            SET name_th = EXCLUDED.name_th, name_en = EXCLUDED.name_en, region = EXCLUDED.region",
    )
    .bind(&province_columns.codes)
    .bind(&province_columns.names_th)
    .bind(&province_columns.names_en)
    .bind(&province_columns.extra)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO amphoes (amphoe_code, province_id, name_th, name_en)
         SELECT a.code, p.id, a.th, a.en
           FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[]) AS a(code, province, th, en)
           JOIN provinces p ON p.province_code = a.province
         ON CONFLICT (amphoe_code) DO UPDATE
            SET province_id = EXCLUDED.province_id, name_th = EXCLUDED.name_th, name_en = EXCLUDED.name_en",
    )
    .bind(&amphoe_columns.codes)
    .bind(&amphoe_columns.parents)
    .bind(&amphoe_columns.names_th)
    .bind(&amphoe_columns.names_en)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO tambons (tambon_code, amphoe_id, name_th, name_en, postal_codes)
         SELECT t.code, a.id, t.th, t.en, string_to_array(t.postcodes, ' ')
           FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
                AS t(code, amphoe, th, en, postcodes)
           JOIN amphoes a ON a.amphoe_code = t.amphoe
         ON CONFLICT (tambon_code) DO UPDATE
            SET amphoe_id = EXCLUDED.amphoe_id, name_th = EXCLUDED.name_th,
                name_en = EXCLUDED.name_en, postal_codes = EXCLUDED.postal_codes",
    )
    .bind(&tambons.codes)
    .bind(&tambons.parents)
    .bind(&tambons.names_th)
    .bind(&tambons.names_en)
    .bind(&tambons.extra)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

fn parse() -> Result<Vec<Row>, csv::Error> {
    csv::Reader::from_reader(GEOGRAPHY_CSV.as_bytes())
        .deserialize()
        .collect()
}
