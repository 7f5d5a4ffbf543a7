//! Keeping the rating tables (`0018_rating.sql`) from the settings screen: a new table is
//! copied from the one in force and dated in the future; only tables not yet in force are
//! edited or deleted (`0023_administration.sql` holds psql to the same).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sqlx::PgPool;
use uuid::Uuid;

use super::staff::AdminError;
use crate::msg;

/// One rating table (a version of the rates), with how many rows it holds.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct RatingVersion {
    pub id: Uuid,
    pub effective_from: NaiveDate,
    pub description: String,
    pub base_rates: i64,
    pub factors: i64,
    pub version: i32,
}

impl RatingVersion {
    /// In force on `today` or before: history, never edited.
    pub fn is_locked(&self, today: NaiveDate) -> bool {
        self.effective_from <= today
    }
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct BaseRateRow {
    pub id: Uuid,
    pub policy_type: String,
    pub vehicle_type: String,
    pub usage_type: String,
    pub base_premium: Decimal,
    pub own_damage_rate: Decimal,
    pub version: i32,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct FactorRow {
    pub id: Uuid,
    pub factor_kind: String,
    pub lower_bound: Decimal,
    pub upper_bound: Option<Decimal>,
    pub multiplier: Decimal,
    pub version: i32,
}

/// Every rating table, the newest first.
pub async fn versions(pool: &PgPool) -> sqlx::Result<Vec<RatingVersion>> {
    sqlx::query_as(
        "SELECT t.id, t.effective_from, t.description,
                (SELECT count(*) FROM rating_base_rates b WHERE b.effective_from = t.effective_from) AS base_rates,
                (SELECT count(*) FROM rating_factors f WHERE f.effective_from = t.effective_from) AS factors,
                t.version
           FROM rating_tables t
          ORDER BY t.effective_from DESC",
    )
    .fetch_all(pool)
    .await
}

pub async fn base_rates(
    pool: &PgPool,
    effective_from: NaiveDate,
) -> sqlx::Result<Vec<BaseRateRow>> {
    sqlx::query_as(
        "SELECT id, policy_type, vehicle_type, usage_type, base_premium, own_damage_rate, version
           FROM rating_base_rates WHERE effective_from = $1
          ORDER BY policy_type, vehicle_type, usage_type",
    )
    .bind(effective_from)
    .fetch_all(pool)
    .await
}

pub async fn factors(pool: &PgPool, effective_from: NaiveDate) -> sqlx::Result<Vec<FactorRow>> {
    sqlx::query_as(
        "SELECT id, factor_kind, lower_bound, upper_bound, multiplier, version
           FROM rating_factors WHERE effective_from = $1
          ORDER BY factor_kind, lower_bound",
    )
    .bind(effective_from)
    .fetch_all(pool)
    .await
}

/// Adds a rating table effective from `effective_from` (after `today`), copying every
/// base rate and factor band of the table in force on `today`.
pub async fn add_version(
    pool: &PgPool,
    effective_from: NaiveDate,
    description: &str,
    today: NaiveDate,
) -> Result<(), AdminError> {
    if effective_from <= today {
        return Err(AdminError::Invalid(msg!("admin-rating-date-future")));
    }
    if description.trim().is_empty() {
        return Err(AdminError::Invalid(msg!("admin-rating-description-empty")));
    }
    let mut tx = pool.begin().await?;
    super::customers::set_context(&mut tx, "RATING_NEW_VERSION").await?;
    let source: Option<NaiveDate> = sqlx::query_scalar(
        "SELECT effective_from FROM rating_tables WHERE effective_from <= $1
          ORDER BY effective_from DESC LIMIT 1",
    )
    .bind(today)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(source) = source else {
        return Err(AdminError::Invalid(msg!(
            "premium-no-rating-table",
            date = today.to_string()
        )));
    };
    sqlx::query("INSERT INTO rating_tables (effective_from, description) VALUES ($1, $2)")
        .bind(effective_from)
        .bind(description.trim())
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO rating_base_rates (effective_from, policy_type, vehicle_type, usage_type,
                                        base_premium, own_damage_rate)
         SELECT $1, policy_type, vehicle_type, usage_type, base_premium, own_damage_rate
           FROM rating_base_rates WHERE effective_from = $2",
    )
    .bind(effective_from)
    .bind(source)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO rating_factors (effective_from, factor_kind, lower_bound, upper_bound, multiplier)
         SELECT $1, factor_kind, lower_bound, upper_bound, multiplier
           FROM rating_factors WHERE effective_from = $2",
    )
    .bind(effective_from)
    .bind(source)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Sets one base rate of a table not yet in force.
pub async fn set_base_rate(
    pool: &PgPool,
    row: &BaseRateRow,
    base_premium: Decimal,
    own_damage_rate: Decimal,
) -> Result<i32, AdminError> {
    if base_premium <= Decimal::ZERO {
        return Err(AdminError::Invalid(msg!("admin-rating-premium-positive")));
    }
    if own_damage_rate < Decimal::ZERO {
        return Err(AdminError::Invalid(msg!("admin-rating-rate-negative")));
    }
    let mut tx = pool.begin().await?;
    super::customers::set_context(&mut tx, "RATING_EDIT").await?;
    let saved: Option<i32> = sqlx::query_scalar(
        "UPDATE rating_base_rates SET base_premium = $3, own_damage_rate = $4
          WHERE id = $1 AND version = $2 RETURNING version",
    )
    .bind(row.id)
    .bind(row.version)
    .bind(base_premium)
    .bind(own_damage_rate)
    .fetch_optional(&mut *tx)
    .await?;
    finish(tx, saved).await
}

/// Sets one factor band's multiplier of a table not yet in force.
pub async fn set_multiplier(
    pool: &PgPool,
    row: &FactorRow,
    multiplier: Decimal,
) -> Result<i32, AdminError> {
    if multiplier <= Decimal::ZERO {
        return Err(AdminError::Invalid(msg!(
            "admin-rating-multiplier-positive"
        )));
    }
    let mut tx = pool.begin().await?;
    super::customers::set_context(&mut tx, "RATING_EDIT").await?;
    let saved: Option<i32> = sqlx::query_scalar(
        "UPDATE rating_factors SET multiplier = $3 WHERE id = $1 AND version = $2 RETURNING version",
    )
    .bind(row.id)
    .bind(row.version)
    .bind(multiplier)
    .fetch_optional(&mut *tx)
    .await?;
    finish(tx, saved).await
}

/// Deletes a table not yet in force, with its rows.
pub async fn delete_version(pool: &PgPool, version: &RatingVersion) -> Result<(), AdminError> {
    let mut tx = pool.begin().await?;
    super::customers::set_context(&mut tx, "RATING_DELETE_VERSION").await?;
    let deleted = sqlx::query("DELETE FROM rating_tables WHERE id = $1 AND version = $2")
        .bind(version.id)
        .bind(version.version)
        .execute(&mut *tx)
        .await?;
    if deleted.rows_affected() != 1 {
        return Err(AdminError::Conflict);
    }
    tx.commit().await?;
    Ok(())
}

async fn finish(
    tx: sqlx::Transaction<'_, sqlx::Postgres>,
    saved: Option<i32>,
) -> Result<i32, AdminError> {
    match saved {
        Some(version) => {
            tx.commit().await?;
            Ok(version)
        }
        None => Err(AdminError::Conflict),
    }
}
