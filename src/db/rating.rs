//! The rating tables (`0018_rating.sql`): loading the one in force on a date, for quoting.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sqlx::PgConnection;

use crate::domain::premium::PolicyType;
use crate::domain::premium::rating::{BaseRate, Factor, FactorKind, RatingTable, Usage};
use crate::i18n::Message;

#[derive(Debug, thiserror::Error)]
pub enum RatingError {
    /// No rating table has an effective date on or before the date asked for.
    #[error("no rating table is in force on {0}")]
    NoTableInForce(NaiveDate),
    /// A row holds a value this program does not know (a newer schema, or a hand edit).
    #[error("the rating table of {effective_from} holds an unknown {column} {value:?}")]
    UnknownValue {
        effective_from: NaiveDate,
        column: &'static str,
        value: String,
    },
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

impl RatingError {
    pub fn message(&self) -> Message {
        match self {
            RatingError::NoTableInForce(on) => {
                crate::msg!("premium-no-rating-table", date = on.to_string())
            }
            RatingError::UnknownValue { .. } => {
                crate::msg!("premium-rating-table-unreadable", detail = self.to_string())
            }
            RatingError::Database(error) => super::error::message(error),
        }
    }
}

#[derive(sqlx::FromRow)]
struct BaseRateRow {
    policy_type: String,
    vehicle_type: String,
    usage_type: String,
    base_premium: Decimal,
    own_damage_rate: Decimal,
}

#[derive(sqlx::FromRow)]
struct FactorRow {
    factor_kind: String,
    lower_bound: Decimal,
    upper_bound: Option<Decimal>,
    multiplier: Decimal,
}

/// The rating table in force on `on`: the one with the latest effective date not after it,
/// with its base rates and factor bands.
pub async fn load(conn: &mut PgConnection, on: NaiveDate) -> Result<RatingTable, RatingError> {
    let effective_from: NaiveDate = sqlx::query_scalar(
        "SELECT effective_from FROM rating_tables
          WHERE effective_from <= $1
          ORDER BY effective_from DESC
          LIMIT 1",
    )
    .bind(on)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(RatingError::NoTableInForce(on))?;

    let rates: Vec<BaseRateRow> = sqlx::query_as(
        "SELECT policy_type, vehicle_type, usage_type, base_premium, own_damage_rate
           FROM rating_base_rates
          WHERE effective_from = $1
          ORDER BY policy_type, vehicle_type, usage_type",
    )
    .bind(effective_from)
    .fetch_all(&mut *conn)
    .await?;
    let factors: Vec<FactorRow> = sqlx::query_as(
        "SELECT factor_kind, lower_bound, upper_bound, multiplier
           FROM rating_factors
          WHERE effective_from = $1
          ORDER BY factor_kind, lower_bound",
    )
    .bind(effective_from)
    .fetch_all(&mut *conn)
    .await?;

    let unknown = |column: &'static str, value: &str| RatingError::UnknownValue {
        effective_from,
        column,
        value: value.to_string(),
    };
    let base_rates = rates
        .into_iter()
        .map(|row| {
            Ok(BaseRate {
                policy_type: PolicyType::from_db(&row.policy_type)
                    .ok_or_else(|| unknown("policy_type", &row.policy_type))?,
                usage: Usage::from_db(&row.usage_type)
                    .ok_or_else(|| unknown("usage_type", &row.usage_type))?,
                vehicle_type: row.vehicle_type,
                base_premium: row.base_premium,
                own_damage_rate: row.own_damage_rate,
            })
        })
        .collect::<Result<Vec<_>, RatingError>>()?;
    let factors = factors
        .into_iter()
        .map(|row| {
            Ok(Factor {
                kind: FactorKind::from_db(&row.factor_kind)
                    .ok_or_else(|| unknown("factor_kind", &row.factor_kind))?,
                lower: row.lower_bound,
                upper: row.upper_bound,
                multiplier: row.multiplier,
            })
        })
        .collect::<Result<Vec<_>, RatingError>>()?;

    Ok(RatingTable {
        effective_from,
        base_rates,
        factors,
    })
}
