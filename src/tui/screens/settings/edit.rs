//! The settings screen's forms: one setting's value (checked as the database checks it,
//! the sentence beside the field), a cell of a rating table, a new rating table.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use rust_decimal::Decimal;

use super::work::SettingsCmd;
use crate::db::rating_admin::{BaseRateRow, FactorRow};
use crate::db::settings::{self, Setting, SettingType};
use crate::i18n::Message;
use crate::tui::screens::Ui;
use crate::tui::screens::staff::form::form_box;
use crate::tui::widgets::form::{ChoiceOption, Field, Form};
use crate::{key, msg, tr};

/// A number as typed ("1,250.50"), or the sentence.
pub fn parse_number(typed: &str) -> Result<Decimal, Message> {
    let cleaned: String = typed
        .trim()
        .chars()
        .filter(|c| *c != ',' && !c.is_whitespace())
        .collect();
    cleaned.parse().map_err(|_| msg!("admin-rating-number"))
}

/// A date typed as d/m/yyyy; a year above 2400 is a Buddhist Era year.
pub fn parse_date(typed: &str) -> Result<NaiveDate, Message> {
    let parts: Vec<&str> = typed.trim().split(['/', '-', '.']).collect();
    let [day, month, year] = parts.as_slice() else {
        return Err(msg!("admin-rating-date-invalid"));
    };
    let number = |text: &str| text.trim().parse::<i32>().ok();
    let (Some(day), Some(month), Some(mut year)) = (number(day), number(month), number(year))
    else {
        return Err(msg!("admin-rating-date-invalid"));
    };
    if year > 2400 {
        year -= 543;
    }
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
        .ok_or_else(|| msg!("admin-rating-date-invalid"))
}

#[derive(Debug, Clone)]
pub enum Editor {
    Setting { setting: Box<Setting>, form: Form },
    BaseRate { row: BaseRateRow, form: Form },
    Factor { row: FactorRow, form: Form },
    NewVersion { form: Form, today: NaiveDate },
}

impl Editor {
    pub fn setting(setting: Setting) -> Editor {
        let field = if setting.setting_type == SettingType::Boolean {
            let options = ["true", "false"]
                .into_iter()
                .map(|value| ChoiceOption {
                    value: value.to_string(),
                    label: msg!("settings-description", text = value),
                })
                .collect();
            Field::choice(key!("settings-col-value"), options)
        } else {
            Field::text(key!("settings-col-value"))
        };
        let mut form = Form::new(vec![field]);
        let current = setting.value.clone().unwrap_or_default();
        if setting.setting_type == SettingType::Boolean {
            if current == "false" {
                form.edit(&crossterm::event::Event::Key(
                    crossterm::event::KeyCode::Right.into(),
                ));
            }
        } else {
            form.set_value(0, &current);
        }
        form.mark_clean();
        Editor::Setting {
            setting: Box::new(setting),
            form,
        }
    }

    pub fn base_rate(row: BaseRateRow) -> Editor {
        let mut form = Form::new(vec![
            Field::text(key!("rating-field-base")),
            Field::text(key!("rating-field-od-rate")),
        ]);
        form.set_value(0, &row.base_premium.normalize().to_string());
        form.set_value(1, &row.own_damage_rate.normalize().to_string());
        form.mark_clean();
        Editor::BaseRate { row, form }
    }

    pub fn factor(row: FactorRow) -> Editor {
        let mut form = Form::new(vec![Field::text(key!("rating-field-multiplier"))]);
        form.set_value(0, &row.multiplier.normalize().to_string());
        form.mark_clean();
        Editor::Factor { row, form }
    }

    pub fn new_version(today: NaiveDate, suggested: NaiveDate) -> Editor {
        let mut form = Form::new(vec![
            Field::text(key!("rating-field-effective")),
            Field::text(key!("rating-field-description")),
        ]);
        form.set_value(
            0,
            &format!(
                "{}/{}/{}",
                chrono::Datelike::day(&suggested),
                chrono::Datelike::month(&suggested),
                chrono::Datelike::year(&suggested) + 543
            ),
        );
        form.mark_clean();
        Editor::NewVersion { form, today }
    }

    pub fn form(&self) -> &Form {
        match self {
            Editor::Setting { form, .. }
            | Editor::BaseRate { form, .. }
            | Editor::Factor { form, .. }
            | Editor::NewVersion { form, .. } => form,
        }
    }

    pub fn form_mut(&mut self) -> &mut Form {
        match self {
            Editor::Setting { form, .. }
            | Editor::BaseRate { form, .. }
            | Editor::Factor { form, .. }
            | Editor::NewVersion { form, .. } => form,
        }
    }

    /// The command saving what was typed, or `None` with the sentence beside the field.
    pub fn checked(&mut self) -> Option<SettingsCmd> {
        self.form_mut().clear_errors();
        match self {
            Editor::Setting { setting, form } => {
                let typed = form.value(0).to_string();
                match settings::check_value(setting, &typed) {
                    Ok(_) => Some(SettingsCmd::SaveSetting {
                        setting: setting.clone(),
                        typed,
                    }),
                    Err(message) => {
                        form.set_error(0, Some(message));
                        None
                    }
                }
            }
            Editor::BaseRate { row, form } => {
                let base = parse_number(form.value(0));
                let rate = parse_number(form.value(1));
                if let Err(message) = &base {
                    form.set_error(0, Some(message.clone()));
                } else if base.as_ref().is_ok_and(|b| *b <= Decimal::ZERO) {
                    form.set_error(0, Some(msg!("admin-rating-premium-positive")));
                }
                if let Err(message) = &rate {
                    form.set_error(1, Some(message.clone()));
                } else if rate.as_ref().is_ok_and(|r| *r < Decimal::ZERO) {
                    form.set_error(1, Some(msg!("admin-rating-rate-negative")));
                }
                if form.has_errors() {
                    form.focus_first_error();
                    return None;
                }
                Some(SettingsCmd::SaveBaseRate {
                    row: row.clone(),
                    base_premium: base.ok()?,
                    own_damage_rate: rate.ok()?,
                })
            }
            Editor::Factor { row, form } => match parse_number(form.value(0)) {
                Ok(multiplier) if multiplier > Decimal::ZERO => Some(SettingsCmd::SaveMultiplier {
                    row: row.clone(),
                    multiplier,
                }),
                Ok(_) => {
                    form.set_error(0, Some(msg!("admin-rating-multiplier-positive")));
                    None
                }
                Err(message) => {
                    form.set_error(0, Some(message));
                    None
                }
            },
            Editor::NewVersion { form, today } => {
                let date = parse_date(form.value(0));
                let description = form.value(1).trim().to_string();
                match &date {
                    Err(message) => form.set_error(0, Some(message.clone())),
                    Ok(date) if *date <= *today => {
                        form.set_error(0, Some(msg!("admin-rating-date-future")))
                    }
                    Ok(_) => {}
                }
                if description.is_empty() {
                    form.set_error(1, Some(msg!("admin-rating-description-empty")));
                }
                if form.has_errors() {
                    form.focus_first_error();
                    return None;
                }
                Some(SettingsCmd::AddVersion {
                    effective_from: date.ok()?,
                    description,
                    today: *today,
                    shown_date: String::new(),
                })
            }
        }
    }

    /// The database refused: its sentence goes beside the first field.
    pub fn refused(&mut self, message: Message) {
        let form = self.form_mut();
        form.set_error(0, Some(message));
        form.focus = 0;
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let title = match self {
            Editor::Setting { setting, .. } => tr!(
                ui.lang,
                "settings-edit-title",
                key = setting.key.as_str(),
                kind = setting.setting_type.as_db()
            ),
            Editor::BaseRate { row, .. } => tr!(
                ui.lang,
                "rating-edit-base-title",
                class = row.policy_type.as_str(),
                vehicle = row.vehicle_type.as_str(),
                usage = row.usage_type.as_str()
            ),
            Editor::Factor { row, .. } => tr!(
                ui.lang,
                "rating-edit-factor-title",
                kind = row.factor_kind.as_str(),
                band = super::rating::band(row.lower_bound, row.upper_bound)
            ),
            Editor::NewVersion { .. } => tr!(ui.lang, "rating-new-title"),
        };
        let hint = tr!(ui.lang, "settings-edit-keys");
        form_box(frame, area, &title, self.form(), &hint, ui);
    }
}
