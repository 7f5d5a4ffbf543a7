//! Point lookups: a customer by national ID, a vehicle and its owner by plate and province.

use sqlx::{PgConnection, PgPool};

use super::ScenarioKind;

/// Inputs sampled from across the table, not just its start.
const SAMPLE: i64 = 5_000;

pub async fn sample_national_ids(pool: &PgPool) -> sqlx::Result<Vec<Vec<String>>> {
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT national_id FROM customers TABLESAMPLE SYSTEM (5)
          WHERE national_id IS NOT NULL LIMIT $1",
    )
    .bind(SAMPLE)
    .fetch_all(pool)
    .await?;
    let ids = if ids.is_empty() {
        sqlx::query_scalar(
            "SELECT national_id FROM customers WHERE national_id IS NOT NULL LIMIT $1",
        )
        .bind(SAMPLE)
        .fetch_all(pool)
        .await?
    } else {
        ids
    };
    Ok(ids.into_iter().map(|id| vec![id]).collect())
}

pub async fn sample_plates(pool: &PgPool) -> sqlx::Result<Vec<Vec<String>>> {
    let mut plates: Vec<(String, String)> = sqlx::query_as(
        "SELECT registration_number, province_code FROM customer_vehicles TABLESAMPLE SYSTEM (5)
          WHERE deleted_at IS NULL LIMIT $1",
    )
    .bind(SAMPLE)
    .fetch_all(pool)
    .await?;
    if plates.is_empty() {
        plates = sqlx::query_as(
            "SELECT registration_number, province_code FROM customer_vehicles
              WHERE deleted_at IS NULL LIMIT $1",
        )
        .bind(SAMPLE)
        .fetch_all(pool)
        .await?;
    }
    Ok(plates
        .into_iter()
        .map(|(plate, province)| vec![plate, province])
        .collect())
}

pub async fn table_rows(pool: &PgPool, kind: ScenarioKind) -> sqlx::Result<i64> {
    let sql = match kind {
        ScenarioKind::CustomerByNationalId => "SELECT count(*) FROM customers",
        ScenarioKind::VehicleByPlate => "SELECT count(*) FROM customer_vehicles",
        ScenarioKind::Search(_) | ScenarioKind::Customer360 => "SELECT count(*) FROM customers",
    };
    sqlx::query_scalar(sql).fetch_one(pool).await
}

pub async fn run_once(
    connection: &mut PgConnection,
    kind: ScenarioKind,
    input: &[String],
) -> sqlx::Result<()> {
    match kind {
        ScenarioKind::CustomerByNationalId => {
            let found: Option<(uuid::Uuid, String, Option<String>, Option<String>)> =
                sqlx::query_as(
                    "SELECT id, first_name, last_name, phone_number FROM customers
                  WHERE national_id = $1 AND deleted_at IS NULL",
                )
                .bind(&input[0])
                .fetch_optional(&mut *connection)
                .await?;
            expect_found(found.is_some(), "customer")
        }
        ScenarioKind::VehicleByPlate => {
            let found: Option<(uuid::Uuid, String, String, Option<String>)> = sqlx::query_as(
                "SELECT v.id, v.registration_number, c.first_name, c.last_name
                   FROM customer_vehicles v JOIN customers c ON c.id = v.customer_id
                  WHERE v.registration_number = $1 AND v.province_code = $2
                    AND v.deleted_at IS NULL",
            )
            .bind(&input[0])
            .bind(&input[1])
            .fetch_optional(&mut *connection)
            .await?;
            expect_found(found.is_some(), "vehicle")
        }
        ScenarioKind::Search(_) | ScenarioKind::Customer360 => {
            unreachable!("the screen's searches run through bench::customer_lookup")
        }
    }
}

/// A lookup of a sampled key that finds nothing means the benchmark measures the wrong thing.
fn expect_found(found: bool, what: &str) -> sqlx::Result<()> {
    if found {
        Ok(())
    } else {
        Err(sqlx::Error::Protocol(format!(
            "a sampled {what} was not found"
        )))
    }
}
