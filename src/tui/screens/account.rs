//! My account: who I am in the directory, my language, and changing my own password (the
//! verifier is computed here; PostgreSQL never sees the password).

use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::Ui;
use crate::db::session::StaffIdentity;
use crate::domain::staff::password_problem;
use crate::i18n::{Lang, Message, date_time, money};
use crate::tui::LoginTarget;
use crate::tui::cmd::Cmd;
use crate::tui::msg::PasswordChangeError;
use crate::tui::remote::RequestCounter;
use crate::tui::widgets::form::{Field, Form};
use crate::tui::widgets::{spinner, text};
use crate::{key, msg, tr};

pub const CURRENT: usize = 0;
pub const NEW: usize = 1;
pub const CONFIRM: usize = 2;

#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    Idle,
    Saving,
    Saved,
    Failed(Message),
}

#[derive(Debug, Clone)]
pub struct AccountScreen {
    pub form: Form,
    pub status: SaveStatus,
    request: RequestCounter,
}

impl Default for AccountScreen {
    fn default() -> Self {
        AccountScreen::new()
    }
}

impl AccountScreen {
    pub fn new() -> AccountScreen {
        AccountScreen {
            form: Form::new(vec![
                Field::secret(key!("account-current-password")),
                Field::secret(key!("account-new-password")),
                Field::secret(key!("account-confirm-password")),
            ]),
            status: SaveStatus::Idle,
            request: RequestCounter::default(),
        }
    }

    /// Enter: to the next field, and on the last one check and change the password.
    pub fn submit(
        &mut self,
        staff: &StaffIdentity,
        pool: &sqlx::PgPool,
        target: &LoginTarget,
    ) -> Option<Cmd> {
        if !self.form.is_last() {
            self.form.next();
            return None;
        }
        if self.status == SaveStatus::Saving {
            return None;
        }
        self.form.clear_errors();
        let current = self.form.value(CURRENT).to_string();
        let new = self.form.value(NEW).to_string();
        if current.is_empty() {
            self.form
                .set_error(CURRENT, Some(msg!("account-need-current")));
        }
        if let Some(problem) = password_problem(&staff.username, &new) {
            self.form.set_error(NEW, Some(problem.message()));
        } else if new == current {
            self.form
                .set_error(NEW, Some(msg!("account-password-unchanged")));
        }
        if self.form.value(CONFIRM) != new {
            self.form
                .set_error(CONFIRM, Some(msg!("account-passwords-differ")));
        }
        if let Some(first_error) = self.form.fields.iter().position(|f| f.error.is_some()) {
            self.form.focus = first_error;
            return None;
        }
        self.status = SaveStatus::Saving;
        Some(Cmd::ChangePassword {
            request: self.request.issue(),
            pool: pool.clone(),
            current: target.options(&staff.username, &current),
            tried: target.described.clone(),
            new_password: new,
        })
    }

    pub fn changed(&mut self, request: u64, result: Result<(), PasswordChangeError>) {
        if !self.request.is_latest(request) {
            return;
        }
        match result {
            Ok(()) => {
                self.form.reset();
                self.status = SaveStatus::Saved;
            }
            Err(PasswordChangeError::WrongCurrentPassword) => {
                self.form.clear(CURRENT);
                self.form
                    .set_error(CURRENT, Some(msg!("account-wrong-current")));
                self.form.focus = CURRENT;
                self.status = SaveStatus::Idle;
            }
            Err(PasswordChangeError::Failed(message)) => self.status = SaveStatus::Failed(message),
        }
    }

    pub fn render(
        &self,
        frame: &mut Frame,
        area: Rect,
        ui: &Ui,
        staff: &StaffIdentity,
        session_lang: Lang,
        active: bool,
    ) {
        let [profile_area, form_area] =
            Layout::vertical([Constraint::Length(9), Constraint::Min(0)]).areas(area);
        let roles: Vec<String> = staff
            .groups
            .iter()
            .map(|g| crate::i18n::role_name(ui.lang, *g))
            .collect();
        let never = tr!(ui.lang, "account-never");
        let when = |at: Option<DateTime<Utc>>| {
            at.map(|t| date_time(ui.lang, ui.calendar, t))
                .unwrap_or_else(|| never.clone())
        };
        let preferred = Lang::parse(&staff.preferred_language).unwrap_or_default();
        let rows = [
            (tr!(ui.lang, "account-name"), staff.display_name()),
            (tr!(ui.lang, "account-username"), staff.username.clone()),
            (tr!(ui.lang, "account-role"), roles.join(", ")),
            (
                tr!(ui.lang, "account-authority"),
                money(staff.authority_limit),
            ),
            (
                tr!(ui.lang, "account-last-login"),
                when(staff.last_login_at),
            ),
            (
                tr!(ui.lang, "account-password-changed"),
                when(staff.password_changed_at),
            ),
            (
                tr!(ui.lang, "account-language"),
                tr!(
                    ui.lang,
                    "account-language-state",
                    session = tr!(ui.lang, "language-name", code = session_lang.code()),
                    preferred = tr!(ui.lang, "language-name", code = preferred.code())
                ),
            ),
        ];
        let label_width = rows.iter().map(|(l, _)| text::width(l)).max().unwrap_or(0);
        let lines: Vec<Line> = rows
            .into_iter()
            .map(|(label, value)| {
                Line::from(vec![
                    Span::styled(text::pad(&label, label_width + 2), ui.theme.muted()),
                    Span::raw(value),
                ])
            })
            .collect();
        let block = Block::bordered().title(Line::styled(
            format!(" {} ", tr!(ui.lang, "account-profile")),
            ui.theme.title(),
        ));
        frame.render_widget(Paragraph::new(lines).block(block), profile_area);

        let block = Block::bordered().title(Line::styled(
            format!(" {} ", tr!(ui.lang, "account-change-password")),
            ui.theme.title(),
        ));
        let inner = block.inner(form_area);
        frame.render_widget(block, form_area);
        let [fields, status] = Layout::vertical([
            Constraint::Length(self.form.height()),
            Constraint::Length(1),
        ])
        .areas(inner);
        self.form.render(frame, fields, ui.lang, ui.theme, active);
        let line = match &self.status {
            SaveStatus::Idle => Line::default(),
            SaveStatus::Saving => Line::styled(
                format!("{} {}", spinner(ui.tick), tr!(ui.lang, "account-saving")),
                ui.theme.muted(),
            ),
            SaveStatus::Saved => {
                Line::styled(tr!(ui.lang, "account-password-saved"), ui.theme.success())
            }
            SaveStatus::Failed(message) => Line::styled(message.text(ui.lang), ui.theme.error()),
        };
        frame.render_widget(Paragraph::new(line), status);
    }
}
