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

/// One row of [`load_for`]'s single query: the table's date, a base rate or a factor band.
#[derive(sqlx::FromRow)]
struct PartRow {
    effective_from: NaiveDate,
    part: String,
    /// The policy type of a rate; the kind of a factor.
    policy_type: Option<String>,
    vehicle_type: Option<String>,
    amount: Option<Decimal>,
    upper_bound: Option<Decimal>,
    rate: Option<Decimal>,
}

/// The rating table in force on `on`, with only the base rate one risk needs, in one round
/// trip: what issuing a policy prices with.
pub async fn load_for(
    conn: &mut PgConnection,
    on: NaiveDate,
    policy_type: PolicyType,
    vehicle_type: &str,
    usage: Usage,
) -> Result<RatingTable, RatingError> {
    let rows: Vec<PartRow> = sqlx::query_as(
        "WITH t AS (SELECT effective_from FROM rating_tables
                     WHERE effective_from <= $1 ORDER BY effective_from DESC LIMIT 1)
         SELECT t.effective_from, 'TABLE' AS part, NULL AS policy_type, NULL AS vehicle_type,
                NULL::numeric AS amount, NULL::numeric AS upper_bound, NULL::numeric AS rate
           FROM t
         UNION ALL
         SELECT t.effective_from, 'RATE', r.policy_type, r.vehicle_type,
                r.base_premium, NULL, r.own_damage_rate
           FROM t JOIN rating_base_rates r ON r.effective_from = t.effective_from
          WHERE r.policy_type = $2 AND r.vehicle_type = $3 AND r.usage_type = $4
         UNION ALL
         SELECT t.effective_from, 'FACTOR', f.factor_kind, NULL,
                f.lower_bound, f.upper_bound, f.multiplier
           FROM t JOIN rating_factors f ON f.effective_from = t.effective_from",
    )
    .bind(on)
    .bind(policy_type.as_db())
    .bind(vehicle_type)
    .bind(usage.as_db())
    .fetch_all(&mut *conn)
    .await?;
    let effective_from = rows
        .first()
        .map(|row| row.effective_from)
        .ok_or(RatingError::NoTableInForce(on))?;
    let unknown = |column: &'static str, value: &str| RatingError::UnknownValue {
        effective_from,
        column,
        value: value.to_string(),
    };
    let mut table = RatingTable {
        effective_from,
        base_rates: Vec::new(),
        factors: Vec::new(),
    };
    for row in rows {
        match row.part.as_str() {
            "RATE" => table.base_rates.push(BaseRate {
                policy_type,
                vehicle_type: row.vehicle_type.unwrap_or_default(),
                usage,
                base_premium: row.amount.unwrap_or_default(),
                own_damage_rate: row.rate.unwrap_or_default(),
            }),
            "FACTOR" => {
                let kind = row.policy_type.unwrap_or_default();
                table.factors.push(Factor {
                    kind: FactorKind::from_db(&kind)
                        .ok_or_else(|| unknown("factor_kind", &kind))?,
                    lower: row.amount.unwrap_or_default(),
                    upper: row.upper_bound,
                    multiplier: row.rate.unwrap_or_default(),
                });
            }
            _ => {}
        }
    }
    table
        .factors
        .sort_by(|a, b| (a.kind.as_db(), a.lower).cmp(&(b.kind.as_db(), b.lower)));
    Ok(table)
}
