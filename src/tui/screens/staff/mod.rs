//! Staff accounts for administrators: the directory with each person's group, authority
//! limit, status, last login and live sessions; adding an account, changing its group or
//! limit, disabling or enabling it, resetting its password and ending its live sessions.
//! The database refuses what must not happen (the last administrator going, say); the
//! screen turns its refusals into sentences.

pub mod form;
pub mod work;

use crossterm::event::{Event, KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use self::form::{AddForm, Prompt, PromptKind};
use self::work::{StaffCmd, StaffMsg};
use super::Ui;
use crate::db::staff::{AdminError, StaffRow};
use crate::i18n::format::grouped;
use crate::i18n::{Calendar, Lang, Message};
use crate::tui::app::Tone;
use crate::tui::keymap::{Action, Context};
use crate::tui::remote::{Remote, RequestCounter};
use crate::tui::widgets::history::RecordRef;
use crate::tui::widgets::modal;
use crate::tui::widgets::table::{self, DataTable, SortKey, TableRow};
use crate::{key, tr};

/// What the screen needs from the application to handle a key or a result.
#[derive(Debug, Clone, Copy)]
pub struct Env {
    pub lang: Lang,
    pub calendar: Calendar,
}

pub use super::Notice;

/// What handling a key or a result produced.
#[derive(Debug, Default)]
pub struct Outcome {
    pub cmds: Vec<StaffCmd>,
    pub notice: Option<Notice>,
    /// The result said the server cannot be reached.
    pub lost_connection: bool,
}

impl Outcome {
    fn cmd(cmd: StaffCmd) -> Outcome {
        Outcome {
            cmds: vec![cmd],
            ..Outcome::default()
        }
    }
}

/// An irreversible change waiting for y/n.
#[derive(Debug, Clone, PartialEq)]
pub enum Confirm {
    SetActive { staff: StaffRow, active: bool },
    EndSessions(StaffRow),
}

#[derive(Debug, Clone)]
pub enum Mode {
    List,
    Add(Box<AddForm>),
    Prompt(Box<Prompt>),
    Confirm(Box<Confirm>),
}

#[derive(Debug)]
pub struct StaffScreen {
    pub staff: Remote<Vec<StaffRow>>,
    pub table: DataTable,
    pub mode: Mode,
    /// A change is being saved.
    pub saving: bool,
    request: RequestCounter,
}

impl Default for StaffScreen {
    fn default() -> Self {
        StaffScreen::new()
    }
}

impl StaffScreen {
    pub fn new() -> StaffScreen {
        StaffScreen {
            staff: Remote::Idle,
            table: DataTable::new(vec![
                key!("staff-col-name"),
                key!("staff-col-username"),
                key!("staff-col-group"),
                key!("staff-col-limit"),
                key!("staff-col-status"),
                key!("staff-col-last-login"),
            ])
            .keep_whole(&[1, 3, 5]),
            mode: Mode::List,
            saving: false,
            request: RequestCounter::default(),
        }
    }

    pub fn context(&self) -> Context {
        match self.mode {
            Mode::List | Mode::Confirm(_) => Context::Staff,
            Mode::Add(_) | Mode::Prompt(_) => Context::AdminForm,
        }
    }

    pub fn is_typing(&self) -> bool {
        matches!(self.mode, Mode::Add(_) | Mode::Prompt(_)) || self.table.is_filtering()
    }

    pub fn takes_back(&self) -> bool {
        !matches!(self.mode, Mode::List) || self.table.is_filtering()
    }

    pub fn has_unsaved_input(&self) -> bool {
        match &self.mode {
            Mode::Add(add) => add.form.is_dirty(),
            _ => false,
        }
    }

    pub fn is_busy(&self) -> bool {
        self.saving || self.staff.is_loading()
    }

    pub fn hints(&self) -> Vec<Action> {
        match self.mode {
            Mode::List => vec![
                Action::New,
                Action::ChangeGroup,
                Action::SetLimit,
                Action::ToggleActive,
                Action::ResetPassword,
                Action::EndSessions,
                Action::Filter,
                Action::History,
            ],
            Mode::Add(_) | Mode::Prompt(_) => {
                vec![Action::NextField, Action::Submit, Action::Back]
            }
            Mode::Confirm(_) => Vec::new(),
        }
    }

    /// The staff member under the cursor.
    pub fn selected(&self) -> Option<&StaffRow> {
        let index = self.table.selected_index()?;
        self.staff.loaded()?.get(index)
    }

    /// The directory row of the selected staff member, for the history pane.
    pub fn selected_record(&self) -> Option<RecordRef> {
        let row = self.selected()?;
        Some(RecordRef::new(
            "users",
            row.id,
            format!("{} ({})", row.display_name(), row.username),
        ))
    }

    pub fn reload(&mut self) -> Outcome {
        if self.staff.loaded().is_none() {
            self.staff = Remote::Loading;
        }
        Outcome::cmd(StaffCmd::Load {
            request: self.request.issue(),
        })
    }

    pub fn on_msg(&mut self, msg: StaffMsg, env: Env) -> Outcome {
        match msg {
            StaffMsg::Loaded { request, result } => {
                if !self.request.is_latest(request) {
                    return Outcome::default();
                }
                let lost = result
                    .as_ref()
                    .err()
                    .is_some_and(crate::db::error::is_connection_problem);
                match result {
                    Ok(rows) => self.loaded(rows, env),
                    Err(_) if lost && self.staff.loaded().is_some() => {}
                    Err(error) => self.staff = Remote::Failed(crate::db::error::message(&error)),
                }
                Outcome {
                    lost_connection: lost,
                    ..Outcome::default()
                }
            }
            StaffMsg::Done(result) => self.done(result),
        }
    }

    fn loaded(&mut self, rows: Vec<StaffRow>, env: Env) {
        let selected = self.selected().map(|row| row.id);
        let table_rows = rows.iter().map(|row| table_row(row, env)).collect();
        self.table.set_rows(table_rows);
        if let Some(index) = selected.and_then(|id| rows.iter().position(|r| r.id == id)) {
            self.table.select_index(index);
        }
        self.staff = Remote::Loaded(rows);
    }

    /// A change came back: on success close the form and reload; a refusal of the add form
    /// or a prompt stays beside its field; a conflict reloads the list.
    fn done(&mut self, result: Result<Message, AdminError>) -> Outcome {
        self.saving = false;
        match result {
            Ok(message) => {
                self.mode = Mode::List;
                let mut outcome = self.reload();
                outcome.notice = Some(Notice {
                    message,
                    tone: Tone::Success,
                });
                outcome
            }
            Err(error) => {
                let lost = matches!(&error, AdminError::Database(e) if crate::db::error::is_connection_problem(e));
                let conflict = matches!(error, AdminError::Conflict);
                let message = error.message();
                let shown_in_form = match &mut self.mode {
                    Mode::Add(add) => {
                        add.refused(message.clone());
                        true
                    }
                    Mode::Prompt(prompt) if !conflict => {
                        prompt.form.set_error(0, Some(message.clone()));
                        true
                    }
                    _ => false,
                };
                let mut outcome = if conflict {
                    self.mode = Mode::List;
                    self.reload()
                } else {
                    Outcome::default()
                };
                outcome.lost_connection = lost;
                if !shown_in_form {
                    outcome.notice = Some(Notice {
                        message,
                        tone: Tone::Error,
                    });
                }
                outcome
            }
        }
    }

    /// Keys that type into the add form, a prompt or the filter.
    pub fn edit(&mut self, event: &Event, action: Option<Action>) -> Outcome {
        match &mut self.mode {
            Mode::Add(add) => {
                add.form.edit(event);
            }
            Mode::Prompt(prompt) => {
                prompt.form.edit(event);
            }
            _ if self.table.is_filtering() => self.table.filter_key(event, action),
            _ => {}
        }
        Outcome::default()
    }

    pub fn key(&mut self, key: &KeyEvent, action: Option<Action>) -> Outcome {
        if self.table.is_filtering() && matches!(self.mode, Mode::List) {
            self.table.filter_key(&Event::Key(*key), action);
            return Outcome::default();
        }
        match std::mem::replace(&mut self.mode, Mode::List) {
            Mode::List => self.list_key(action),
            Mode::Confirm(confirm) => self.confirm_key(key, confirm),
            Mode::Add(add) => self.add_key(add, action),
            Mode::Prompt(prompt) => self.prompt_key(prompt, action),
        }
    }

    fn list_key(&mut self, action: Option<Action>) -> Outcome {
        let Some(action) = action else {
            return Outcome::default();
        };
        if action == Action::Refresh {
            return self.reload();
        }
        if action == Action::New {
            self.mode = Mode::Add(Box::default());
            return Outcome::default();
        }
        if self.table.act(action) {
            return Outcome::default();
        }
        let Some(row) = self.selected().cloned() else {
            return Outcome::default();
        };
        self.mode = match action {
            Action::ChangeGroup => Mode::Prompt(Box::new(Prompt::new(PromptKind::Group, row))),
            Action::SetLimit => Mode::Prompt(Box::new(Prompt::new(PromptKind::Limit, row))),
            Action::ResetPassword => Mode::Prompt(Box::new(Prompt::new(PromptKind::Password, row))),
            Action::ToggleActive => Mode::Confirm(Box::new(Confirm::SetActive {
                active: !row.is_active(),
                staff: row,
            })),
            Action::EndSessions => Mode::Confirm(Box::new(Confirm::EndSessions(row))),
            _ => Mode::List,
        };
        Outcome::default()
    }

    fn confirm_key(&mut self, key: &KeyEvent, confirm: Box<Confirm>) -> Outcome {
        match key.code {
            KeyCode::Char('y') | KeyCode::Char('Y') | KeyCode::Enter => {
                self.saving = true;
                Outcome::cmd(match *confirm {
                    Confirm::SetActive { staff, active } => StaffCmd::SetActive {
                        id: staff.id,
                        version: staff.version,
                        username: staff.username,
                        active,
                    },
                    Confirm::EndSessions(staff) => StaffCmd::EndSessions {
                        username: staff.username,
                    },
                })
            }
            KeyCode::Char('n') | KeyCode::Char('N') | KeyCode::Esc => Outcome::default(),
            _ => {
                self.mode = Mode::Confirm(confirm);
                Outcome::default()
            }
        }
    }

    fn add_key(&mut self, mut add: Box<AddForm>, action: Option<Action>) -> Outcome {
        match action {
            // Typed input is not thrown away on one key: the first Esc says so.
            Some(Action::Back) if add.form.is_dirty() && !add.discard_armed => {
                add.discard_armed = true;
                self.mode = Mode::Add(add);
                return Outcome {
                    notice: Some(Notice {
                        message: crate::msg!("customers-discard-again"),
                        tone: Tone::Error,
                    }),
                    ..Outcome::default()
                };
            }
            Some(Action::Back) => return Outcome::default(),
            Some(Action::NextField) => add.form.next(),
            Some(Action::PrevField) => add.form.previous(),
            Some(Action::Submit) if !self.saving => {
                if let Some(account) = add.checked() {
                    self.saving = true;
                    self.mode = Mode::Add(add);
                    return Outcome::cmd(StaffCmd::Create(Box::new(account)));
                }
            }
            _ => {}
        }
        self.mode = Mode::Add(add);
        Outcome::default()
    }

    fn prompt_key(&mut self, mut prompt: Box<Prompt>, action: Option<Action>) -> Outcome {
        match action {
            Some(Action::Back) => return Outcome::default(),
            Some(Action::NextField) => prompt.form.next(),
            Some(Action::PrevField) => prompt.form.previous(),
            Some(Action::Submit) if !self.saving => {
                if let Some(cmd) = prompt.checked() {
                    self.saving = true;
                    self.mode = Mode::Prompt(prompt);
                    return Outcome::cmd(cmd);
                }
            }
            _ => {}
        }
        self.mode = Mode::Prompt(prompt);
        Outcome::default()
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let [title_area, table_area] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        let title = if self.table.is_filtering() || !self.table.filter_text().is_empty() {
            format!(
                "{} · {}",
                tr!(ui.lang, "staff-title"),
                tr!(ui.lang, "staff-filter", text = self.table.filter_text())
            )
        } else {
            tr!(ui.lang, "staff-title")
        };
        frame.render_widget(
            Paragraph::new(Line::styled(title, ui.theme.title())),
            title_area,
        );
        match ui.loaded(&self.staff, key!("loading")) {
            Err(line) => frame.render_widget(Paragraph::new(line), table_area),
            Ok(rows) if rows.is_empty() => frame.render_widget(
                Paragraph::new(Line::styled(tr!(ui.lang, "staff-empty"), ui.theme.muted())),
                table_area,
            ),
            Ok(_) => self.table.render(frame, table_area, ui.lang, ui.theme),
        }
        match &self.mode {
            Mode::List => {}
            Mode::Add(add) => add.render(frame, area, ui),
            Mode::Prompt(prompt) => prompt.render(frame, area, ui),
            Mode::Confirm(confirm) => {
                let text = confirm_text(confirm, ui.lang);
                let width = area.width.saturating_sub(8).min(70);
                modal::framed(
                    frame,
                    &tr!(ui.lang, "staff-title"),
                    wrap(&text, width as usize),
                    ui.theme,
                );
            }
        }
    }
}

fn confirm_text(confirm: &Confirm, lang: Lang) -> String {
    match confirm {
        Confirm::SetActive { staff, active } => {
            let key = if *active {
                key!("staff-confirm-enable")
            } else {
                key!("staff-confirm-disable")
            };
            crate::i18n::text(
                lang,
                key,
                &[
                    ("name", staff.display_name().as_str().into()),
                    ("username", staff.username.as_str().into()),
                ],
            )
        }
        Confirm::EndSessions(staff) => tr!(
            lang,
            "staff-confirm-end",
            name = staff.display_name(),
            username = staff.username.as_str()
        ),
    }
}

/// Splits a sentence into lines of at most `width` columns, at spaces.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split(' ') {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if crate::tui::widgets::text::width(&candidate) > width && !current.is_empty() {
            lines.push(Line::from(std::mem::take(&mut current)));
            current = word.to_string();
        } else {
            current = candidate;
        }
    }
    if !current.is_empty() {
        lines.push(Line::from(current));
    }
    lines
}

/// Clears a centred box of `width` × `height` and returns it.
pub(crate) fn clear_box(frame: &mut Frame, area: Rect, width: u16, height: u16) -> Rect {
    let rect = modal::centered(area, width, height);
    frame.render_widget(Clear, rect);
    rect
}

/// A day as a Thai back office writes it short: 24/11/69 (Buddhist Era) or 24/11/26.
fn short_date(calendar: Calendar, at: chrono::DateTime<chrono::Utc>) -> String {
    use chrono::Datelike;
    let day = crate::i18n::format::bangkok_date(at);
    let year = match calendar {
        Calendar::Buddhist => day.year() + 543,
        Calendar::Christian => day.year(),
    };
    format!("{:02}/{:02}/{:02}", day.day(), day.month(), year % 100)
}

fn table_row(row: &StaffRow, env: Env) -> TableRow {
    let group = row.group().map_or_else(
        || row.group_role.clone(),
        |g| crate::i18n::role_name(env.lang, g),
    );
    let mut status = if row.is_active() && row.can_log_in {
        tr!(env.lang, "staff-status-active")
    } else {
        tr!(env.lang, "staff-status-disabled")
    };
    if row.live_sessions > 0 {
        status = format!("{status} ●{}", row.live_sessions);
    }
    let last_login = row.last_login_at.map_or_else(
        || tr!(env.lang, "staff-never"),
        |at| short_date(env.calendar, at),
    );
    let tone = if !row.is_active() {
        table::Tone::Warning
    } else if row.live_sessions > 0 {
        table::Tone::Good
    } else {
        table::Tone::Normal
    };
    TableRow {
        sort_keys: vec![
            SortKey::Text(row.display_name()),
            SortKey::Text(row.username.clone()),
            SortKey::Text(group.clone()),
            SortKey::Number(row.authority_limit),
            SortKey::Text(status.clone()),
            SortKey::Text(
                row.last_login_at
                    .map(|at| at.to_rfc3339())
                    .unwrap_or_default(),
            ),
        ],
        cells: vec![
            row.display_name(),
            row.username.clone(),
            group,
            grouped(row.authority_limit),
            status,
            last_login,
        ],
        tone,
    }
}
