//! The staff screen's forms: a new account, and the one-field prompts (group, authority
//! limit, new password). Each field is checked here with its sentence beside it; the
//! database checks again when saving.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};
use rust_decimal::Decimal;

use super::work::{NewAccount, StaffCmd};
use crate::db::staff::StaffRow;
use crate::domain::staff::{GroupRole, password_problem, username_problem};
use crate::i18n::Message;
use crate::tui::screens::Ui;
use crate::tui::widgets::form::{ChoiceOption, Field, FieldKind, Form};
use crate::{key, msg, tr};

pub const USERNAME: usize = 0;
pub const FIRST_NAME: usize = 1;
pub const LAST_NAME: usize = 2;
pub const GROUP: usize = 3;
pub const LIMIT: usize = 4;
pub const EMAIL: usize = 5;
pub const PASSWORD: usize = 6;
pub const REPEAT: usize = 7;

fn group_choice(label: &'static str, current: Option<GroupRole>) -> Field {
    let options = GroupRole::ALL
        .iter()
        .map(|group| ChoiceOption {
            value: group.role_name().to_string(),
            label: msg!("role-name", role = group.short_name()),
        })
        .collect();
    let mut field = Field::choice(label, options);
    if let (FieldKind::Choice { selected, .. }, Some(current)) = (&mut field.kind, current) {
        *selected = GroupRole::ALL
            .iter()
            .position(|g| *g == current)
            .unwrap_or(0);
    }
    field
}

fn chosen_group(form: &Form, index: usize) -> Option<GroupRole> {
    GroupRole::parse(form.value(index))
}

/// Baht as typed ("50,000", "50000.00"): `None` with the sentence when it is not.
pub fn parse_limit(typed: &str) -> Result<Decimal, Message> {
    let cleaned: String = typed
        .trim()
        .chars()
        .filter(|c| *c != ',' && *c != '฿' && !c.is_whitespace())
        .collect();
    if cleaned.is_empty() {
        return Ok(Decimal::ZERO);
    }
    let amount: Decimal = cleaned
        .parse()
        .map_err(|_| msg!("admin-limit-not-number"))?;
    if amount < Decimal::ZERO {
        return Err(msg!("admin-limit-negative"));
    }
    Ok(amount.round_dp(2))
}

fn email_is_valid(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace)
        && !domain.contains('@')
}

#[derive(Debug, Clone)]
pub struct AddForm {
    pub form: Form,
    /// Esc was pressed once over typed input: the next Esc discards it.
    pub discard_armed: bool,
}

impl Default for AddForm {
    fn default() -> Self {
        AddForm::new()
    }
}

impl AddForm {
    pub fn new() -> AddForm {
        AddForm {
            form: Form::new(vec![
                Field::text(key!("staff-field-username")),
                Field::text(key!("staff-field-first-name")),
                Field::text(key!("staff-field-last-name")),
                group_choice(key!("staff-field-group"), Some(GroupRole::Agent)),
                Field::text(key!("staff-field-limit")),
                Field::text(key!("staff-field-email")),
                Field::secret(key!("staff-field-password")),
                Field::secret(key!("staff-field-repeat")),
            ]),
            discard_armed: false,
        }
    }

    /// The account, or `None` with each problem beside its field.
    pub fn checked(&mut self) -> Option<NewAccount> {
        let form = &mut self.form;
        form.clear_errors();
        let username = form.value(USERNAME).trim().to_string();
        let first_name = form.value(FIRST_NAME).trim().to_string();
        let last_name = form.value(LAST_NAME).trim().to_string();
        let email = form.value(EMAIL).trim().to_string();
        let password = form.value(PASSWORD).to_string();
        let repeat = form.value(REPEAT).to_string();
        let group = chosen_group(form, GROUP);

        let username_error = if username.is_empty() {
            Some(msg!("staff-required"))
        } else {
            username_problem(&username).map(|p| p.message())
        };
        form.set_error(USERNAME, username_error);
        if first_name.is_empty() {
            form.set_error(FIRST_NAME, Some(msg!("staff-required")));
        }
        let limit = match parse_limit(form.value(LIMIT)) {
            Ok(limit) => Some(limit),
            Err(message) => {
                form.set_error(LIMIT, Some(message));
                None
            }
        };
        if !email.is_empty() && !email_is_valid(&email) {
            form.set_error(EMAIL, Some(msg!("staff-email-invalid")));
        }
        form.set_error(
            PASSWORD,
            password_problem(&username, &password).map(|p| p.message()),
        );
        if repeat != password {
            form.set_error(REPEAT, Some(msg!("staff-passwords-differ")));
        }
        if form.has_errors() {
            form.focus_first_error();
            return None;
        }
        Some(NewAccount {
            username,
            group: group?,
            first_name,
            last_name,
            password,
            authority_limit: limit?,
            email: (!email.is_empty()).then_some(email),
        })
    }

    /// The database refused the account: the sentence goes beside the field it is about.
    pub fn refused(&mut self, message: Message) {
        let field = match message.key {
            "constraint-username-taken" | "constraint-username" | "cli-username-reserved" => {
                USERNAME
            }
            "constraint-email" | "constraint-email-taken" => EMAIL,
            "account-password-too-short" | "account-password-is-username" => PASSWORD,
            _ => USERNAME,
        };
        self.form.set_error(field, Some(message));
        self.form.focus = field;
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        form_box(
            frame,
            area,
            &tr!(ui.lang, "staff-add-title"),
            &self.form,
            &tr!(ui.lang, "staff-form-keys"),
            ui,
        );
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    Group,
    Limit,
    Password,
}

/// One change to one staff member.
#[derive(Debug, Clone)]
pub struct Prompt {
    pub kind: PromptKind,
    pub staff: StaffRow,
    pub form: Form,
}

impl Prompt {
    pub fn new(kind: PromptKind, staff: StaffRow) -> Prompt {
        let form = match kind {
            PromptKind::Group => {
                Form::new(vec![group_choice(key!("staff-field-group"), staff.group())])
            }
            PromptKind::Limit => {
                let mut form = Form::new(vec![Field::text(key!("staff-field-limit"))]);
                form.set_value(0, &staff.authority_limit.normalize().to_string());
                form.mark_clean();
                form
            }
            PromptKind::Password => Form::new(vec![
                Field::secret(key!("staff-field-password")),
                Field::secret(key!("staff-field-repeat")),
            ]),
        };
        Prompt { kind, staff, form }
    }

    /// The command for the change, or `None` with the problem beside its field.
    pub fn checked(&mut self) -> Option<StaffCmd> {
        self.form.clear_errors();
        let staff = &self.staff;
        match self.kind {
            PromptKind::Group => Some(StaffCmd::ChangeGroup {
                id: staff.id,
                version: staff.version,
                username: staff.username.clone(),
                group: chosen_group(&self.form, 0)?,
            }),
            PromptKind::Limit => match parse_limit(self.form.value(0)) {
                Ok(limit) => Some(StaffCmd::SetLimit {
                    id: staff.id,
                    version: staff.version,
                    username: staff.username.clone(),
                    limit,
                }),
                Err(message) => {
                    self.form.set_error(0, Some(message));
                    None
                }
            },
            PromptKind::Password => {
                let password = self.form.value(0).to_string();
                if let Some(problem) = password_problem(&staff.username, &password) {
                    self.form.set_error(0, Some(problem.message()));
                    self.form.focus = 0;
                    return None;
                }
                if self.form.value(1) != password {
                    self.form.set_error(1, Some(msg!("staff-passwords-differ")));
                    self.form.focus = 1;
                    return None;
                }
                Some(StaffCmd::ResetPassword {
                    username: staff.username.clone(),
                    password,
                })
            }
        }
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let name = self.staff.display_name();
        let title = match self.kind {
            PromptKind::Group => tr!(ui.lang, "staff-group-title", name = name),
            PromptKind::Limit => tr!(ui.lang, "staff-limit-title", name = name),
            PromptKind::Password => tr!(ui.lang, "staff-password-title", name = name),
        };
        let hint = if self.kind == PromptKind::Group {
            format!(
                "{} · {}",
                tr!(ui.lang, "staff-group-hint"),
                tr!(ui.lang, "staff-form-keys")
            )
        } else {
            tr!(ui.lang, "staff-form-keys")
        };
        form_box(frame, area, &title, &self.form, &hint, ui);
    }
}

/// A form in a box over the screen, with its keys on the last line.
pub(crate) fn form_box(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    form: &Form,
    hint: &str,
    ui: &Ui,
) {
    let width = area.width.saturating_sub(2).min(90);
    let height = (form.height() + 4).min(area.height);
    let rect = super::clear_box(frame, area, width, height);
    let block = Block::bordered().title(Line::styled(format!(" {title} "), ui.theme.title()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [form_area, hint_area] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(inner);
    form.render(frame, form_area, ui.lang, ui.theme, true);
    frame.render_widget(
        Paragraph::new(Line::styled(hint.to_string(), ui.theme.muted())),
        hint_area,
    );
}
