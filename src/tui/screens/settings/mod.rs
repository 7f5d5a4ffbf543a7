//! Settings for administrators (read-only for auditors): `system_configurations` by
//! category with each value's type and bounds, sensitive values masked until revealed,
//! type-aware editing checked before saving; and the rating tables by effective date.

pub mod edit;
pub mod rating;
pub mod work;

use std::collections::HashSet;

use chrono::NaiveDate;
use crossterm::event::{Event, KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use uuid::Uuid;

use self::edit::Editor;
use self::rating::{DetailPane, VersionDetail};
use self::work::{SettingsCmd, SettingsMsg, Written};
use super::Ui;
use super::staff::{Notice, wrap};
use crate::db::rating_admin::RatingVersion;
use crate::db::settings::Setting;
use crate::db::staff::AdminError;
use crate::i18n::{Calendar, Lang, Message};
use crate::tui::app::Tone;
use crate::tui::keymap::{Action, Context};
use crate::tui::remote::{Remote, RequestCounter};
use crate::tui::widgets::history::RecordRef;
use crate::tui::widgets::modal;
use crate::tui::widgets::table::{DataTable, SortKey, TableRow, Tone as RowTone};
use crate::tui::widgets::text::truncate;
use crate::{key, tr};

#[derive(Debug, Clone, Copy)]
pub struct Env {
    pub lang: Lang,
    pub calendar: Calendar,
    pub today: NaiveDate,
}

#[derive(Debug, Default)]
pub struct Outcome {
    pub cmds: Vec<SettingsCmd>,
    pub notice: Option<Notice>,
    pub lost_connection: bool,
}

impl Outcome {
    fn cmds(cmds: impl IntoIterator<Item = SettingsCmd>) -> Outcome {
        Outcome {
            cmds: cmds.into_iter().collect(),
            ..Outcome::default()
        }
    }

    fn error(message: Message) -> Outcome {
        Outcome {
            notice: Some(Notice {
                message,
                tone: Tone::Error,
            }),
            ..Outcome::default()
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Settings,
    Rating,
}

#[derive(Debug, Clone)]
pub enum Mode {
    List,
    Edit(Box<Editor>),
    ConfirmDelete(RatingVersion),
}

#[derive(Debug)]
pub struct SettingsScreen {
    /// Administrators edit; others only read.
    pub may_edit: bool,
    pub tab: Tab,
    pub settings: Remote<Vec<Setting>>,
    pub settings_table: DataTable,
    /// Sensitive settings whose value the administrator chose to see.
    pub revealed: HashSet<Uuid>,
    pub versions: Remote<Vec<RatingVersion>>,
    pub versions_table: DataTable,
    pub detail: Option<Box<VersionDetail>>,
    pub mode: Mode,
    pub saving: bool,
    settings_request: RequestCounter,
    versions_request: RequestCounter,
}

impl SettingsScreen {
    pub fn new(may_edit: bool) -> SettingsScreen {
        SettingsScreen {
            may_edit,
            tab: Tab::Settings,
            settings: Remote::Idle,
            settings_table: DataTable::new(vec![
                key!("settings-col-key"),
                key!("settings-col-type"),
                key!("settings-col-value"),
                key!("settings-col-bounds"),
            ]),
            revealed: HashSet::new(),
            versions: Remote::Idle,
            versions_table: DataTable::new(vec![
                key!("rating-col-effective"),
                key!("rating-col-description"),
                key!("rating-col-rows"),
                key!("rating-col-state"),
            ]),
            detail: None,
            mode: Mode::List,
            saving: false,
            settings_request: RequestCounter::default(),
            versions_request: RequestCounter::default(),
        }
    }

    pub fn context(&self) -> Context {
        match self.mode {
            Mode::Edit(_) => Context::AdminForm,
            _ => Context::Settings,
        }
    }

    pub fn is_typing(&self) -> bool {
        matches!(self.mode, Mode::Edit(_))
    }

    pub fn takes_back(&self) -> bool {
        !matches!(self.mode, Mode::List) || (self.tab == Tab::Rating && self.detail.is_some())
    }

    pub fn has_unsaved_input(&self) -> bool {
        matches!(&self.mode, Mode::Edit(editor) if editor.form().is_dirty())
    }

    pub fn is_busy(&self) -> bool {
        self.saving || self.settings.is_loading() || self.versions.is_loading()
    }

    pub fn hints(&self) -> Vec<Action> {
        match (&self.mode, self.tab, self.detail.is_some()) {
            (Mode::Edit(_), _, _) => vec![Action::Submit, Action::Back],
            (Mode::ConfirmDelete(_), _, _) => Vec::new(),
            (_, Tab::Settings, _) if self.may_edit => {
                vec![Action::Edit, Action::NextTab, Action::History]
            }
            (_, Tab::Settings, _) => vec![Action::NextTab, Action::History],
            (_, Tab::Rating, false) if self.may_edit => {
                vec![Action::Open, Action::NextTab]
            }
            (_, Tab::Rating, false) => vec![Action::Open, Action::NextTab],
            (_, Tab::Rating, true) if self.may_edit && !self.detail_locked() => {
                vec![Action::Edit, Action::Back]
            }
            (_, Tab::Rating, true) => vec![Action::Back],
        }
    }

    fn detail_locked(&self) -> bool {
        self.detail.as_ref().is_some_and(|detail| detail.locked)
    }

    pub fn selected_setting(&self) -> Option<&Setting> {
        self.settings
            .loaded()?
            .get(self.settings_table.selected_index()?)
    }

    pub fn selected_version(&self) -> Option<&RatingVersion> {
        self.versions
            .loaded()?
            .get(self.versions_table.selected_index()?)
    }

    pub fn selected_record(&self) -> Option<RecordRef> {
        match (self.tab, &self.detail) {
            (Tab::Settings, _) => self.selected_setting().map(|setting| {
                RecordRef::new("system_configurations", setting.id, setting.key.clone())
            }),
            (Tab::Rating, Some(detail)) => detail.selected_record(),
            (Tab::Rating, None) => self.selected_version().map(|version| {
                RecordRef::new(
                    "rating_tables",
                    version.id,
                    version.effective_from.to_string(),
                )
            }),
        }
    }

    pub fn reload(&mut self) -> Outcome {
        if self.settings.loaded().is_none() {
            self.settings = Remote::Loading;
        }
        if self.versions.loaded().is_none() {
            self.versions = Remote::Loading;
        }
        let mut cmds = vec![
            SettingsCmd::LoadSettings {
                request: self.settings_request.issue(),
            },
            SettingsCmd::LoadVersions {
                request: self.versions_request.issue(),
            },
        ];
        if let Some(detail) = &mut self.detail {
            cmds.push(SettingsCmd::LoadVersion {
                request: detail.request.issue(),
                effective_from: detail.version.effective_from,
            });
        }
        Outcome::cmds(cmds)
    }

    pub fn on_msg(&mut self, msg: SettingsMsg, env: Env) -> Outcome {
        let lost = |error: &sqlx::Error| crate::db::error::is_connection_problem(error);
        match msg {
            SettingsMsg::SettingsLoaded { request, result } => {
                if !self.settings_request.is_latest(request) {
                    return Outcome::default();
                }
                let lost_connection = result.as_ref().err().is_some_and(lost);
                match result {
                    Ok(settings) => {
                        self.settings = Remote::Loaded(settings);
                        self.relabel(env);
                    }
                    Err(_) if lost_connection && self.settings.loaded().is_some() => {}
                    Err(error) => self.settings = Remote::Failed(crate::db::error::message(&error)),
                }
                Outcome {
                    lost_connection,
                    ..Outcome::default()
                }
            }
            SettingsMsg::VersionsLoaded { request, result } => {
                if !self.versions_request.is_latest(request) {
                    return Outcome::default();
                }
                let lost_connection = result.as_ref().err().is_some_and(lost);
                match result {
                    Ok(versions) => {
                        if let Some(detail) = &mut self.detail {
                            match versions.iter().find(|v| v.id == detail.version.id) {
                                Some(version) => detail.version = version.clone(),
                                None => self.detail = None,
                            }
                        }
                        self.versions = Remote::Loaded(versions);
                        self.relabel(env);
                    }
                    Err(_) if lost_connection && self.versions.loaded().is_some() => {}
                    Err(error) => self.versions = Remote::Failed(crate::db::error::message(&error)),
                }
                Outcome {
                    lost_connection,
                    ..Outcome::default()
                }
            }
            SettingsMsg::VersionLoaded { request, result } => {
                let Some(detail) = &mut self.detail else {
                    return Outcome::default();
                };
                if !detail.request.is_latest(request) {
                    return Outcome::default();
                }
                let lost_connection = result.as_ref().err().is_some_and(lost);
                match result {
                    Ok((base, factors)) => detail.loaded(base, factors),
                    Err(_) if lost_connection && detail.rows.loaded().is_some() => {}
                    Err(error) => detail.rows = Remote::Failed(crate::db::error::message(&error)),
                }
                Outcome {
                    lost_connection,
                    ..Outcome::default()
                }
            }
            SettingsMsg::Done(result) => self.done(result),
        }
    }

    /// Rebuilds the tables' rows in the language (after loading or a language switch).
    pub fn relabel(&mut self, env: Env) {
        if let Some(settings) = self.settings.loaded() {
            let rows = settings
                .iter()
                .map(|setting| setting_row(setting, self.revealed.contains(&setting.id), env))
                .collect();
            self.settings_table.set_rows(rows);
        }
        if let Some(versions) = self.versions.loaded() {
            self.versions_table.set_rows(rating::version_rows(
                versions,
                env.today,
                env.lang,
                env.calendar,
            ));
        }
    }

    fn done(&mut self, result: Result<(Written, Message), AdminError>) -> Outcome {
        self.saving = false;
        match result {
            Ok((written, message)) => {
                self.mode = Mode::List;
                if written == Written::Versions {
                    self.detail = None;
                }
                let mut outcome = self.reload();
                outcome.notice = Some(Notice {
                    message,
                    tone: Tone::Success,
                });
                outcome
            }
            Err(AdminError::Conflict) => {
                self.mode = Mode::List;
                let mut outcome = self.reload();
                outcome.notice = Some(Notice {
                    message: AdminError::Conflict.message(),
                    tone: Tone::Error,
                });
                outcome
            }
            Err(error) => {
                let lost = matches!(&error, AdminError::Database(e) if crate::db::error::is_connection_problem(e));
                let message = error.message();
                let mut outcome = match &mut self.mode {
                    Mode::Edit(editor) => {
                        editor.refused(message);
                        Outcome::default()
                    }
                    _ => {
                        self.mode = Mode::List;
                        Outcome::error(message)
                    }
                };
                outcome.lost_connection = lost;
                outcome
            }
        }
    }

    pub fn edit(&mut self, event: &Event) -> Outcome {
        if let Mode::Edit(editor) = &mut self.mode {
            editor.form_mut().edit(event);
        }
        Outcome::default()
    }

    pub fn key(&mut self, key: &KeyEvent, action: Option<Action>, env: Env) -> Outcome {
        match std::mem::replace(&mut self.mode, Mode::List) {
            Mode::Edit(editor) => self.editor_key(editor, action, env),
            Mode::ConfirmDelete(version) => self.confirm_key(key, version, env),
            Mode::List => match action {
                Some(Action::Refresh) => self.reload(),
                Some(Action::NextTab) | Some(Action::PrevTab) => {
                    self.tab = match self.tab {
                        Tab::Settings => Tab::Rating,
                        Tab::Rating => Tab::Settings,
                    };
                    Outcome::default()
                }
                Some(action) => match self.tab {
                    Tab::Settings => self.settings_key(action, env),
                    Tab::Rating => self.rating_key(action, env),
                },
                None => Outcome::default(),
            },
        }
    }

    fn settings_key(&mut self, action: Action, env: Env) -> Outcome {
        if self.settings_table.act(action) {
            return Outcome::default();
        }
        let Some(setting) = self.selected_setting().cloned() else {
            return Outcome::default();
        };
        match action {
            Action::Open | Action::Edit if self.may_edit => {
                if setting.is_readonly {
                    return Outcome::error(crate::msg!("constraint-setting-readonly"));
                }
                self.mode = Mode::Edit(Box::new(Editor::setting(setting)));
            }
            Action::Reveal if self.may_edit && setting.is_sensitive => {
                if !self.revealed.remove(&setting.id) {
                    self.revealed.insert(setting.id);
                }
                self.relabel(env);
            }
            _ => {}
        }
        Outcome::default()
    }

    fn rating_key(&mut self, action: Action, env: Env) -> Outcome {
        if let Some(detail) = &mut self.detail {
            return match action {
                Action::Back => {
                    self.detail = None;
                    Outcome::default()
                }
                Action::SwitchPane => {
                    detail.pane = match detail.pane {
                        DetailPane::BaseRates => DetailPane::Factors,
                        DetailPane::Factors => DetailPane::BaseRates,
                    };
                    Outcome::default()
                }
                Action::Open | Action::Edit if self.may_edit => {
                    if detail.version.is_locked(env.today) {
                        return Outcome::error(crate::msg!("constraint-rating-in-force"));
                    }
                    let editor = match detail.pane {
                        DetailPane::BaseRates => {
                            detail.selected_base().cloned().map(Editor::base_rate)
                        }
                        DetailPane::Factors => {
                            detail.selected_factor().cloned().map(Editor::factor)
                        }
                    };
                    if let Some(editor) = editor {
                        self.mode = Mode::Edit(Box::new(editor));
                    }
                    Outcome::default()
                }
                other => {
                    detail.table().act(other);
                    Outcome::default()
                }
            };
        }
        if self.versions_table.act(action) {
            return Outcome::default();
        }
        match action {
            Action::Open => {
                let Some(version) = self.selected_version().cloned() else {
                    return Outcome::default();
                };
                let mut detail = VersionDetail::new(version, env.today);
                let cmd = SettingsCmd::LoadVersion {
                    request: detail.request.issue(),
                    effective_from: detail.version.effective_from,
                };
                self.detail = Some(Box::new(detail));
                Outcome::cmds([cmd])
            }
            Action::New if self.may_edit => {
                let next_year =
                    chrono::NaiveDate::from_ymd_opt(chrono::Datelike::year(&env.today) + 1, 1, 1)
                        .unwrap_or(env.today);
                self.mode = Mode::Edit(Box::new(Editor::new_version(env.today, next_year)));
                Outcome::default()
            }
            Action::DeleteRow if self.may_edit => {
                let Some(version) = self.selected_version().cloned() else {
                    return Outcome::default();
                };
                if version.is_locked(env.today) {
                    return Outcome::error(crate::msg!("constraint-rating-in-force"));
                }
                self.mode = Mode::ConfirmDelete(version);
                Outcome::default()
            }
            _ => Outcome::default(),
        }
    }

    fn editor_key(&mut self, mut editor: Box<Editor>, action: Option<Action>, env: Env) -> Outcome {
        match action {
            Some(Action::Back) => return Outcome::default(),
            Some(Action::NextField) => editor.form_mut().next(),
            Some(Action::PrevField) => editor.form_mut().previous(),
            Some(Action::Submit) if !self.saving => {
                if let Some(mut cmd) = editor.checked() {
                    if let SettingsCmd::AddVersion {
                        effective_from,
                        shown_date,
                        ..
                    } = &mut cmd
                    {
                        *shown_date = crate::i18n::date(env.lang, env.calendar, *effective_from);
                    }
                    self.saving = true;
                    self.mode = Mode::Edit(editor);
                    return Outcome::cmds([cmd]);
                }
            }
            _ => {}
        }
        self.mode = Mode::Edit(editor);
        Outcome::default()
    }

    fn confirm_key(&mut self, key: &KeyEvent, version: RatingVersion, env: Env) -> Outcome {
        match key.code {
            KeyCode::Char('y') | KeyCode::Char('Y') | KeyCode::Enter => {
                self.saving = true;
                let shown_date = crate::i18n::date(env.lang, env.calendar, version.effective_from);
                Outcome::cmds([SettingsCmd::DeleteVersion {
                    version,
                    shown_date,
                }])
            }
            KeyCode::Char('n') | KeyCode::Char('N') | KeyCode::Esc => Outcome::default(),
            _ => {
                self.mode = Mode::ConfirmDelete(version);
                Outcome::default()
            }
        }
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let [tabs_area, body_area, keys_area] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(0),
            Constraint::Length(1),
        ])
        .areas(area);
        let tab = |tab: Tab, key: &'static str| {
            let text = format!(" {} ", crate::i18n::text(ui.lang, key, &[]));
            if tab == self.tab {
                Span::styled(text, ui.theme.selected())
            } else {
                Span::styled(text, ui.theme.muted())
            }
        };
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                tab(Tab::Settings, key!("settings-tab-settings")),
                Span::raw(" "),
                tab(Tab::Rating, key!("settings-tab-rating")),
            ])),
            tabs_area,
        );
        let note = if !self.may_edit {
            Some(tr!(ui.lang, "settings-keys-readonly"))
        } else if self.tab == Tab::Rating && self.detail.is_none() {
            Some(tr!(ui.lang, "rating-keys"))
        } else {
            None
        };
        if let Some(note) = note {
            frame.render_widget(
                Paragraph::new(Line::styled(note, ui.theme.muted())),
                keys_area,
            );
        }
        match self.tab {
            Tab::Settings => self.render_settings(frame, body_area, ui),
            Tab::Rating => match &mut self.detail {
                Some(detail) => detail.render(frame, body_area, ui),
                None => match ui.loaded(&self.versions, key!("loading")) {
                    Err(line) => frame.render_widget(Paragraph::new(line), body_area),
                    Ok(_) => self
                        .versions_table
                        .render(frame, body_area, ui.lang, ui.theme),
                },
            },
        }
        match &self.mode {
            Mode::List => {}
            Mode::Edit(editor) => editor.render(frame, area, ui),
            Mode::ConfirmDelete(version) => {
                let text = tr!(
                    ui.lang,
                    "rating-confirm-delete",
                    date = crate::i18n::date(ui.lang, ui.calendar, version.effective_from)
                );
                let width = area.width.saturating_sub(8).min(70) as usize;
                modal::framed(
                    frame,
                    &tr!(ui.lang, "settings-tab-rating"),
                    wrap(&text, width),
                    ui.theme,
                );
            }
        }
    }

    fn render_settings(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let [table_area, description_area] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(2)]).areas(area);
        match ui.loaded(&self.settings, key!("loading")) {
            Err(line) => frame.render_widget(Paragraph::new(line), table_area),
            Ok(_) => self
                .settings_table
                .render(frame, table_area, ui.lang, ui.theme),
        }
        if let Some(setting) = self.selected_setting() {
            let mut text = format!(
                "{} · {}",
                tr!(
                    ui.lang,
                    "settings-category",
                    category = setting.category.clone()
                ),
                tr!(
                    ui.lang,
                    "settings-about",
                    key = setting.key.clone(),
                    stored = setting.description.clone().unwrap_or_default()
                )
            );
            if setting.is_sensitive && self.may_edit {
                text = format!("{text} · {}", tr!(ui.lang, "settings-reveal-hint"));
            }
            frame.render_widget(
                Paragraph::new(Line::styled(text, ui.theme.muted()))
                    .wrap(ratatui::widgets::Wrap { trim: true }),
                description_area,
            );
        }
    }
}

fn bounds(setting: &Setting) -> String {
    let show = |value: Option<rust_decimal::Decimal>| {
        value.map_or_else(|| "…".to_string(), |v| v.normalize().to_string())
    };
    match (
        setting.min_value,
        setting.max_value,
        &setting.validation_regex,
    ) {
        (None, None, None) => String::new(),
        (None, None, Some(regex)) => truncate(regex, 16),
        (min, max, _) => format!("{}–{}", show(min), show(max)),
    }
}

fn setting_row(setting: &Setting, revealed: bool, env: Env) -> TableRow {
    let value = match &setting.value {
        Some(value) if !setting.is_sensitive || revealed => truncate(value, 28),
        _ => tr!(env.lang, "settings-masked"),
    };
    let value = if setting.is_readonly {
        format!("{value} ({})", tr!(env.lang, "settings-readonly"))
    } else {
        value
    };
    TableRow {
        sort_keys: vec![
            SortKey::Text(format!("{} {}", setting.category, setting.key)),
            SortKey::Text(setting.setting_type.as_db().to_string()),
            SortKey::Text(value.clone()),
            SortKey::Text(bounds(setting)),
        ],
        cells: vec![
            setting.key.clone(),
            setting.setting_type.as_db().to_string(),
            value,
            bounds(setting),
        ],
        tone: if setting.is_readonly {
            RowTone::Warning
        } else {
            RowTone::Normal
        },
    }
}
