//! The login screen: username and masked password; prakan connects as that PostgreSQL
//! role. While the demo data is loaded, the demo accounts are listed.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::Ui;
use crate::db::session::{LoggedIn, LoginError};
use crate::i18n::Message;
use crate::seed::demo::{DEMO_ACCOUNTS, DEMO_PASSWORD};
use crate::tui::LoginTarget;
use crate::tui::cmd::Cmd;
use crate::tui::remote::RequestCounter;
use crate::tui::widgets::form::{Field, Form};
use crate::tui::widgets::{spinner, text};
use crate::{key, msg, tr};

pub const USERNAME: usize = 0;
pub const PASSWORD: usize = 1;

#[derive(Debug, Clone, PartialEq)]
pub enum LoginStatus {
    Idle,
    Connecting,
    Failed(Message),
}

/// What a login result means for the application.
#[derive(Debug)]
pub enum LoginOutcome {
    Accepted(LoggedIn),
    /// An older attempt succeeded after a newer one was made: its session is ended.
    Superseded(LoggedIn),
    Failed,
}

#[derive(Debug, Clone)]
pub struct LoginScreen {
    pub form: Form,
    pub status: LoginStatus,
    /// Why the person is back here (logged out, session expired).
    pub notice: Option<Message>,
    request: RequestCounter,
}

impl Default for LoginScreen {
    fn default() -> Self {
        LoginScreen::new()
    }
}

impl LoginScreen {
    pub fn new() -> LoginScreen {
        LoginScreen {
            form: Form::new(vec![
                Field::text(key!("login-username")),
                Field::secret(key!("login-password")),
            ]),
            status: LoginStatus::Idle,
            notice: None,
            request: RequestCounter::default(),
        }
    }

    /// Enter: on the username go to the password; on the password log in.
    pub fn submit(&mut self, target: &LoginTarget) -> Option<Cmd> {
        if self.form.focus == USERNAME && self.form.value(PASSWORD).is_empty() {
            self.form.next();
            return None;
        }
        if self.status == LoginStatus::Connecting {
            return None;
        }
        self.form.clear_errors();
        let username = self.form.value(USERNAME).trim().to_string();
        let password = self.form.value(PASSWORD).to_string();
        if username.is_empty() {
            self.form
                .set_error(USERNAME, Some(msg!("login-need-username")));
            self.form.focus = USERNAME;
        }
        if password.is_empty() {
            self.form
                .set_error(PASSWORD, Some(msg!("login-need-password")));
        }
        if self.form.has_errors() {
            return None;
        }
        self.status = LoginStatus::Connecting;
        self.notice = None;
        Some(Cmd::LogIn {
            request: self.request.issue(),
            options: target.options(&username, &password),
            tried: target.described.clone(),
        })
    }

    /// Takes the result of a login attempt. Only the newest attempt counts: a session
    /// opened by an older one comes back as `Superseded`, to be ended. A failure keeps the
    /// username, empties the password and says why.
    pub fn finished(&mut self, request: u64, result: Result<LoggedIn, LoginError>) -> LoginOutcome {
        if !self.request.is_latest(request) {
            return match result {
                Ok(stale) => LoginOutcome::Superseded(stale),
                Err(_) => LoginOutcome::Failed,
            };
        }
        match result {
            Ok(logged_in) => {
                self.status = LoginStatus::Idle;
                self.form.reset();
                LoginOutcome::Accepted(logged_in)
            }
            Err(error) => {
                self.status = LoginStatus::Failed(error.message());
                self.form.clear(PASSWORD);
                self.form.focus = if error == LoginError::WrongCredentials {
                    PASSWORD
                } else {
                    USERNAME
                };
                LoginOutcome::Failed
            }
        }
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, ui: &Ui, demo: bool, active: bool) {
        let demo_rows = if demo {
            DEMO_ACCOUNTS.len() as u16 + 2
        } else {
            0
        };
        let [top, form_area, status_area, demo_area] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Length(self.form.height()),
            Constraint::Min(1),
            Constraint::Length(demo_rows),
        ])
        .areas(area.inner(ratatui::layout::Margin::new(2, 0)));

        let heading = vec![
            Line::from(Span::styled(tr!(ui.lang, "app-name"), ui.theme.title())),
            Line::from(Span::styled(tr!(ui.lang, "login-title"), ui.theme.muted())),
        ];
        frame.render_widget(Paragraph::new(heading), top);
        let form_width = form_area.width.min(60);
        self.form.render(
            frame,
            Rect {
                width: form_width,
                ..form_area
            },
            ui.lang,
            ui.theme,
            active,
        );

        let status = match (&self.status, &self.notice) {
            (LoginStatus::Connecting, _) => Line::from(Span::styled(
                format!("{} {}", spinner(ui.tick), tr!(ui.lang, "login-connecting")),
                ui.theme.muted(),
            )),
            (LoginStatus::Failed(message), _) => {
                Line::from(Span::styled(message.text(ui.lang), ui.theme.error()))
            }
            (LoginStatus::Idle, Some(notice)) => {
                Line::from(Span::styled(notice.text(ui.lang), ui.theme.warning()))
            }
            (LoginStatus::Idle, None) => Line::default(),
        };
        frame.render_widget(
            Paragraph::new(status).wrap(ratatui::widgets::Wrap { trim: true }),
            status_area,
        );

        if demo {
            render_demo_accounts(frame, demo_area, ui);
        }
    }
}

fn render_demo_accounts(frame: &mut Frame, area: Rect, ui: &Ui) {
    let roles: Vec<String> = DEMO_ACCOUNTS
        .iter()
        .map(|a| crate::i18n::role_name(ui.lang, a.group))
        .collect();
    let user_width = DEMO_ACCOUNTS
        .iter()
        .map(|a| a.username.len())
        .max()
        .unwrap_or(0);
    let role_width = roles.iter().map(|r| text::width(r)).max().unwrap_or(0);
    let mut lines = Vec::new();
    for (account, role) in DEMO_ACCOUNTS.iter().zip(&roles) {
        let line = format!(
            "{}  {}  {}",
            text::pad(account.username, user_width),
            text::pad(role, role_width),
            crate::i18n::text(ui.lang, account.what_for, &[])
        );
        lines.push(Line::from(text::truncate(
            &line,
            area.width.saturating_sub(2) as usize,
        )));
    }
    let title = tr!(ui.lang, "login-demo-accounts", password = DEMO_PASSWORD);
    let block = Block::bordered().title(Line::styled(format!(" {title} "), ui.theme.muted()));
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
