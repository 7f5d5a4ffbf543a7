//! The application settings (`system_configurations`) as the settings screen shows and
//! edits them. Values are checked here as the database trigger checks them, so a person
//! sees the sentence before saving; the trigger still has the last word.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use sqlx::PgPool;
use uuid::Uuid;

use super::staff::AdminError;
use crate::i18n::Message;
use crate::msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingType {
    String,
    Integer,
    Decimal,
    Boolean,
    Json,
}

impl SettingType {
    pub fn parse(text: &str) -> Option<SettingType> {
        Some(match text {
            "STRING" => SettingType::String,
            "INTEGER" => SettingType::Integer,
            "DECIMAL" => SettingType::Decimal,
            "BOOLEAN" => SettingType::Boolean,
            "JSON" => SettingType::Json,
            _ => return None,
        })
    }

    pub fn as_db(self) -> &'static str {
        match self {
            SettingType::String => "STRING",
            SettingType::Integer => "INTEGER",
            SettingType::Decimal => "DECIMAL",
            SettingType::Boolean => "BOOLEAN",
            SettingType::Json => "JSON",
        }
    }
}

/// One setting. `value` is `None` when it is sensitive and the reader is no administrator.
#[derive(Debug, Clone, PartialEq)]
pub struct Setting {
    pub id: Uuid,
    pub key: String,
    pub category: String,
    pub value: Option<String>,
    pub setting_type: SettingType,
    pub description: Option<String>,
    pub is_sensitive: bool,
    pub is_readonly: bool,
    pub validation_regex: Option<String>,
    pub min_value: Option<Decimal>,
    pub max_value: Option<Decimal>,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct SettingRow {
    id: Uuid,
    config_key: String,
    config_category: String,
    config_value: Option<String>,
    config_type: String,
    description: Option<String>,
    is_sensitive: bool,
    is_readonly: bool,
    validation_regex: Option<String>,
    min_value: Option<Decimal>,
    max_value: Option<Decimal>,
    version: i32,
    updated_at: DateTime<Utc>,
}

/// Every setting by category and key, sensitive values masked for non-administrators.
pub async fn list(pool: &PgPool) -> sqlx::Result<Vec<Setting>> {
    let rows: Vec<SettingRow> = sqlx::query_as(
        "SELECT id, config_key, config_category, config_value, config_type, description,
                is_sensitive, is_readonly, validation_regex, min_value, max_value, version,
                updated_at
           FROM settings_overview()",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| Setting {
            id: row.id,
            key: row.config_key,
            category: row.config_category,
            value: row.config_value,
            // An unknown type is treated as text; the trigger still checks the value.
            setting_type: SettingType::parse(&row.config_type).unwrap_or(SettingType::String),
            description: row.description,
            is_sensitive: row.is_sensitive,
            is_readonly: row.is_readonly,
            validation_regex: row.validation_regex,
            min_value: row.min_value,
            max_value: row.max_value,
            version: row.version,
            updated_at: row.updated_at,
        })
        .collect())
}

/// The value as it is to be stored, or the sentence saying why it cannot be.
pub fn check_value(setting: &Setting, typed: &str) -> Result<String, Message> {
    if setting.is_readonly {
        return Err(msg!("constraint-setting-readonly"));
    }
    let value = normalise(setting.setting_type, typed.trim())?;
    if let Some(number) = numeric(setting.setting_type, &value) {
        let below = setting.min_value.is_some_and(|min| number < min);
        let above = setting.max_value.is_some_and(|max| number > max);
        if below || above {
            return Err(msg!(
                "admin-setting-out-of-range",
                min = bound(setting.min_value),
                max = bound(setting.max_value)
            ));
        }
    }
    if let Some(pattern) = &setting.validation_regex {
        match regex_lite::Regex::new(pattern) {
            Ok(regex) if !regex.is_match(&value) => {
                return Err(msg!("admin-setting-form", pattern = pattern.clone()));
            }
            // A pattern only PostgreSQL understands is left to the trigger.
            _ => {}
        }
    }
    Ok(value)
}

fn bound(value: Option<Decimal>) -> String {
    value.map_or_else(|| "…".to_string(), |v| v.normalize().to_string())
}

fn numeric(setting_type: SettingType, value: &str) -> Option<Decimal> {
    match setting_type {
        SettingType::Integer | SettingType::Decimal => value.parse().ok(),
        _ => None,
    }
}

/// The typed text in the form the trigger accepts for the type.
fn normalise(setting_type: SettingType, typed: &str) -> Result<String, Message> {
    match setting_type {
        SettingType::String => Ok(typed.to_string()),
        SettingType::Integer => {
            let digits = typed.strip_prefix('-').unwrap_or(typed);
            if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
                return Err(msg!("admin-setting-integer"));
            }
            Ok(typed.to_string())
        }
        SettingType::Decimal => {
            let plain = typed.strip_prefix('-').unwrap_or(typed);
            let (whole, fraction) = plain.split_once('.').unwrap_or((plain, "0"));
            let digits_only =
                |part: &str| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit());
            if !digits_only(whole) || !digits_only(fraction) {
                return Err(msg!("admin-setting-decimal"));
            }
            Ok(typed.to_string())
        }
        SettingType::Boolean => match typed.to_lowercase().as_str() {
            "true" | "yes" | "on" | "1" => Ok("true".to_string()),
            "false" | "no" | "off" | "0" => Ok("false".to_string()),
            _ => Err(msg!("admin-setting-boolean")),
        },
        SettingType::Json => match serde_json::from_str::<serde_json::Value>(typed) {
            Ok(_) => Ok(typed.to_string()),
            Err(_) => Err(msg!("admin-setting-json")),
        },
    }
}

/// Saves one setting's new value, if nobody changed it since `setting` was loaded.
/// Returns the new version.
pub async fn update_value(
    pool: &PgPool,
    setting: &Setting,
    typed: &str,
) -> Result<i32, AdminError> {
    let value = check_value(setting, typed).map_err(AdminError::Invalid)?;
    let mut tx = pool.begin().await?;
    super::customers::set_context(&mut tx, "SETTING_CHANGE").await?;
    let saved: Option<i32> = sqlx::query_scalar(
        "UPDATE system_configurations SET config_value = $3
          WHERE id = $1 AND version = $2
          RETURNING version",
    )
    .bind(setting.id)
    .bind(setting.version)
    .bind(&value)
    .fetch_optional(&mut *tx)
    .await?;
    match saved {
        Some(version) => {
            tx.commit().await?;
            Ok(version)
        }
        None => Err(AdminError::Conflict),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn setting(setting_type: SettingType) -> Setting {
        Setting {
            id: Uuid::nil(),
            key: "K".into(),
            category: "C".into(),
            value: Some("1".into()),
            setting_type,
            description: None,
            is_sensitive: false,
            is_readonly: false,
            validation_regex: None,
            min_value: Some(dec!(1)),
            max_value: Some(dec!(60)),
            version: 0,
            updated_at: Utc::now(),
        }
    }

    #[test]
    fn values_are_checked_by_type_bounds_and_form() {
        let minutes = setting(SettingType::Integer);
        assert_eq!(check_value(&minutes, " 15 "), Ok("15".to_string()));
        assert!(check_value(&minutes, "61").is_err());
        assert!(check_value(&minutes, "1.5").is_err());
        let flag = setting(SettingType::Boolean);
        assert_eq!(check_value(&flag, "Yes"), Ok("true".to_string()));
        assert!(check_value(&setting(SettingType::Json), "{oops").is_err());
        let mut discount = setting(SettingType::Decimal);
        discount.validation_regex = Some(r"^(0|20|30|40|50)(\.0+)?$".into());
        assert!(check_value(&discount, "25").is_err());
        assert!(check_value(&discount, "30.0").is_ok());
        let mut locked = setting(SettingType::String);
        locked.is_readonly = true;
        assert!(check_value(&locked, "x").is_err());
    }
}
