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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub code: String,
    pub name_th: String,
    pub name_en: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tambon {
    pub place: Place,
    pub amphoe_code: String,
    pub postal_codes: Vec<String>,
}

/// The shipped geography in memory, for pickers and for writing addresses out: the same
/// data the geography tables hold, so choosing a place never waits for the server.
#[derive(Debug)]
pub struct Geography {
    pub provinces: Vec<Place>,
    /// (province code, amphoe), in code order.
    pub amphoes: Vec<(String, Place)>,
    pub tambons: Vec<Tambon>,
}

impl Geography {
    /// Parsed once from the CSV built into prakan.
    pub fn bundled() -> &'static Geography {
        static GEOGRAPHY: std::sync::OnceLock<Geography> = std::sync::OnceLock::new();
        GEOGRAPHY.get_or_init(|| {
            let rows = parse().expect("the bundled geography CSV parses (a test checks it)");
            let mut provinces: BTreeMap<String, Place> = BTreeMap::new();
            let mut amphoes: BTreeMap<String, (String, Place)> = BTreeMap::new();
            let mut tambons = Vec::with_capacity(rows.len());
            for row in rows {
                provinces
                    .entry(row.province_code.clone())
                    .or_insert_with(|| Place {
                        code: row.province_code.clone(),
                        name_th: row.province_th.clone(),
                        name_en: row.province_en.clone(),
                    });
                amphoes.entry(row.amphoe_code.clone()).or_insert_with(|| {
                    (
                        row.province_code.clone(),
                        Place {
                            code: row.amphoe_code.clone(),
                            name_th: row.amphoe_th.clone(),
                            name_en: row.amphoe_en.clone(),
                        },
                    )
                });
                tambons.push(Tambon {
                    place: Place {
                        code: row.tambon_code,
                        name_th: row.tambon_th,
                        name_en: row.tambon_en,
                    },
                    amphoe_code: row.amphoe_code,
                    postal_codes: row.postal_code.split(' ').map(str::to_string).collect(),
                });
            }
            tambons.sort_by(|a, b| a.place.code.cmp(&b.place.code));
            Geography {
                provinces: provinces.into_values().collect(),
                amphoes: amphoes.into_values().collect(),
                tambons,
            }
        })
    }

    pub fn province(&self, code: &str) -> Option<&Place> {
        self.provinces.iter().find(|p| p.code == code)
    }

    pub fn amphoes_of(&self, province_code: &str) -> impl Iterator<Item = &Place> {
        self.amphoes
            .iter()
            .filter(move |(province, _)| province == province_code)
            .map(|(_, amphoe)| amphoe)
    }

    pub fn tambons_of(&self, amphoe_code: &str) -> impl Iterator<Item = &Tambon> {
        self.tambons
            .iter()
            .filter(move |t| t.amphoe_code == amphoe_code)
    }

    pub fn tambon(&self, code: &str) -> Option<&Tambon> {
        self.tambons
            .binary_search_by(|t| t.place.code.as_str().cmp(code))
            .ok()
            .map(|i| &self.tambons[i])
    }

    pub fn amphoe(&self, code: &str) -> Option<&Place> {
        self.amphoes
            .iter()
            .find(|(_, a)| a.code == code)
            .map(|(_, a)| a)
    }

    /// A customer's address with the place names filled in from the tambon code.
    pub fn address(
        &self,
        lines: &crate::domain::customer::AddressLines,
        tambon_code: &str,
        postal_code: &str,
    ) -> Option<crate::domain::address::Address> {
        let tambon = self.tambon(tambon_code)?;
        let amphoe = self.amphoe(&tambon.amphoe_code)?;
        let province = self.province(&tambon.amphoe_code[..2])?;
        Some(crate::domain::address::Address {
            house_no: lines.house_no.clone(),
            moo: lines.moo,
            village: lines.village.clone(),
            building: lines.building.clone(),
            soi: lines.soi.clone(),
            road: lines.road.clone(),
            tambon_th: tambon.place.name_th.clone(),
            amphoe_th: amphoe.name_th.clone(),
            province_th: province.name_th.clone(),
            tambon_en: tambon.place.name_en.clone(),
            amphoe_en: amphoe.name_en.clone(),
            province_en: province.name_en.clone(),
            postal_code: postal_code.to_string(),
            bangkok: province.code == "10",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_geography_is_whole() {
        let geography = Geography::bundled();
        assert_eq!(geography.provinces.len(), 77);
        assert_eq!(geography.amphoes.len(), 928);
        assert_eq!(geography.tambons.len(), 7436);
        let tambon = geography
            .tambon("100101")
            .expect("Phra Borom Maha Ratchawang");
        assert_eq!(tambon.postal_codes, ["10200"]);
        assert!(
            geography.tambons.iter().any(|t| t.postal_codes.len() > 1),
            "some tambons have several postcodes"
        );
        let address = geography
            .address(&Default::default(), "100101", "10200")
            .expect("an address");
        assert!(address.bangkok);
        assert_eq!(address.amphoe_en, "Phra Nakhon");
    }
}
