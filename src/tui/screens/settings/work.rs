//! The settings screen's work for the database, and what comes back.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sqlx::PgPool;

use crate::db::rating_admin::{self, BaseRateRow, FactorRow, RatingVersion};
use crate::db::settings::{self, Setting};
use crate::db::staff::AdminError;
use crate::i18n::Message;
use crate::msg;

#[derive(Debug, Clone, PartialEq)]
pub enum SettingsCmd {
    LoadSettings {
        request: u64,
    },
    LoadVersions {
        request: u64,
    },
    LoadVersion {
        request: u64,
        effective_from: NaiveDate,
    },
    SaveSetting {
        setting: Box<Setting>,
        typed: String,
    },
    SaveBaseRate {
        row: BaseRateRow,
        base_premium: Decimal,
        own_damage_rate: Decimal,
    },
    SaveMultiplier {
        row: FactorRow,
        multiplier: Decimal,
    },
    AddVersion {
        effective_from: NaiveDate,
        description: String,
        today: NaiveDate,
        /// The date as the person reads it, for the sentence saying it was done.
        shown_date: String,
    },
    DeleteVersion {
        version: RatingVersion,
        shown_date: String,
    },
}

/// What was written, so the screen knows what to reload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    Setting,
    RatingRow,
    Versions,
}

#[derive(Debug)]
pub enum SettingsMsg {
    SettingsLoaded {
        request: u64,
        result: sqlx::Result<Vec<Setting>>,
    },
    VersionsLoaded {
        request: u64,
        result: sqlx::Result<Vec<RatingVersion>>,
    },
    VersionLoaded {
        request: u64,
        result: sqlx::Result<(Vec<BaseRateRow>, Vec<FactorRow>)>,
    },
    Done(Result<(Written, Message), AdminError>),
}

impl SettingsCmd {
    pub fn is_read(&self) -> bool {
        matches!(
            self,
            SettingsCmd::LoadSettings { .. }
                | SettingsCmd::LoadVersions { .. }
                | SettingsCmd::LoadVersion { .. }
        )
    }

    pub async fn run(self, pool: PgPool) -> SettingsMsg {
        match self {
            SettingsCmd::LoadSettings { request } => SettingsMsg::SettingsLoaded {
                request,
                result: settings::list(&pool).await,
            },
            SettingsCmd::LoadVersions { request } => SettingsMsg::VersionsLoaded {
                request,
                result: rating_admin::versions(&pool).await,
            },
            SettingsCmd::LoadVersion {
                request,
                effective_from,
            } => {
                let result = async {
                    let base = rating_admin::base_rates(&pool, effective_from).await?;
                    let factors = rating_admin::factors(&pool, effective_from).await?;
                    Ok((base, factors))
                }
                .await;
                SettingsMsg::VersionLoaded { request, result }
            }
            other => SettingsMsg::Done(other.write(&pool).await),
        }
    }

    async fn write(self, pool: &PgPool) -> Result<(Written, Message), AdminError> {
        match self {
            SettingsCmd::SaveSetting { setting, typed } => {
                settings::update_value(pool, &setting, &typed).await?;
                let shown = if setting.is_sensitive {
                    "•••••".to_string()
                } else {
                    settings::check_value(&setting, &typed).unwrap_or(typed)
                };
                Ok((
                    Written::Setting,
                    msg!("settings-saved", key = setting.key, value = shown),
                ))
            }
            SettingsCmd::SaveBaseRate {
                row,
                base_premium,
                own_damage_rate,
            } => {
                rating_admin::set_base_rate(pool, &row, base_premium, own_damage_rate).await?;
                Ok((Written::RatingRow, msg!("rating-saved")))
            }
            SettingsCmd::SaveMultiplier { row, multiplier } => {
                rating_admin::set_multiplier(pool, &row, multiplier).await?;
                Ok((Written::RatingRow, msg!("rating-saved")))
            }
            SettingsCmd::AddVersion {
                effective_from,
                description,
                today,
                shown_date,
            } => {
                rating_admin::add_version(pool, effective_from, &description, today).await?;
                Ok((Written::Versions, msg!("rating-created", date = shown_date)))
            }
            SettingsCmd::DeleteVersion {
                version,
                shown_date,
            } => {
                rating_admin::delete_version(pool, &version).await?;
                Ok((Written::Versions, msg!("rating-deleted", date = shown_date)))
            }
            SettingsCmd::LoadSettings { .. }
            | SettingsCmd::LoadVersions { .. }
            | SettingsCmd::LoadVersion { .. } => unreachable!("a load is not a write"),
        }
    }
}
