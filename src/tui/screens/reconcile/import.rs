//! The import tab: a file path as typed, the account, and the profile to read it with
//! (the built-in KBank, SCB and CAMT.053 ones, then those finance saved). Enter reads,
//! checks and imports the file in a command, with its progress; then the summary: the lines
//! in the file, the new ones, what each matching rule matched and what is left for the
//! cockpit — or why nothing was imported (the file imported before, the lines that do not
//! read with their numbers, balances that do not add up).

use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};
use rust_decimal::Decimal;
use uuid::Uuid;

use super::work::{FileProblem, ImportProblem, ImportRequest, ProfileChoice, ReconcileCmd};
use crate::db::reconcile::{BankAccount, ImportOutcome, SavedProfile};
use crate::domain::statement::{LineProblem, builtin_profiles};
use crate::i18n::{Message, date_time, money};
use crate::tui::keymap::Action;
use crate::tui::remote::{Remote, RequestCounter};
use crate::tui::screens::Ui;
use crate::tui::widgets::form::{ChoiceOption, Field, Form};
use crate::tui::widgets::{spinner, text};
use crate::{key, msg, tr};

pub const FILE: usize = 0;
pub const ACCOUNT: usize = 1;
pub const PROFILE: usize = 2;

/// What an import came to.
#[derive(Debug, Clone, PartialEq)]
pub enum Summary {
    Imported(ImportOutcome),
    AlreadyImported {
        at: DateTime<Utc>,
    },
    /// Lines that do not read, with their line numbers; nothing was imported.
    Malformed(Vec<LineProblem>),
    Balance {
        opening: Decimal,
        movements: Decimal,
        closing: Decimal,
    },
    Failed(Message),
}

#[derive(Debug, Clone, PartialEq)]
pub enum ImportState {
    Editing,
    /// Reading the file (`total` unknown), then storing its lines.
    Running {
        total: Option<usize>,
        stored: usize,
    },
    Done(Summary),
}

#[derive(Debug, Clone)]
pub struct ImportPane {
    pub form: Form,
    pub accounts: Remote<Vec<BankAccount>>,
    pub profiles: Vec<SavedProfile>,
    choices_request: RequestCounter,
    pub request: RequestCounter,
    pub state: ImportState,
    /// The summary's scroll (a long list of lines that do not read).
    pub scroll: u16,
    /// The statement the last import made (or found imported before): `l` shows its lines.
    pub last_statement: Option<Uuid>,
}

impl Default for ImportPane {
    fn default() -> ImportPane {
        let mut form = Form::new(vec![
            Field::text(key!("reconcile-import-file"))
                .with_placeholder(msg!("reconcile-import-file-placeholder")),
            Field::choice(key!("reconcile-import-account"), Vec::new()),
            Field::choice(key!("reconcile-import-profile"), profile_options(&[])),
        ]);
        form.mark_clean();
        ImportPane {
            form,
            accounts: Remote::Idle,
            profiles: Vec::new(),
            choices_request: RequestCounter::default(),
            request: RequestCounter::default(),
            state: ImportState::Editing,
            scroll: 0,
            last_statement: None,
        }
    }
}

/// The built-in profiles, then the saved ones.
fn profile_options(saved: &[SavedProfile]) -> Vec<ChoiceOption> {
    builtin_profiles()
        .into_iter()
        .map(|(code, name, _)| ChoiceOption {
            value: code.to_string(),
            label: name,
        })
        .chain(saved.iter().map(|p| ChoiceOption {
            value: p.code.clone(),
            label: msg!(
                "reconcile-profile-saved",
                name = p.name.as_str(),
                code = p.code.as_str()
            ),
        }))
        .collect()
}

impl ImportPane {
    /// Loads the accounts and saved profiles, once.
    pub fn reload(&mut self) -> Option<ReconcileCmd> {
        if self.accounts.loaded().is_some() || self.accounts.is_loading() {
            return None;
        }
        self.accounts = Remote::Loading;
        Some(ReconcileCmd::LoadImportChoices {
            request: self.choices_request.issue(),
        })
    }

    pub fn is_editing(&self) -> bool {
        self.state == ImportState::Editing
    }

    /// A path typed and not imported yet.
    pub fn has_unsaved_input(&self) -> bool {
        self.is_editing() && self.form.is_dirty()
    }

    pub fn is_running(&self) -> bool {
        matches!(self.state, ImportState::Running { .. })
    }

    pub fn on_choices(
        &mut self,
        request: u64,
        result: Result<(Vec<BankAccount>, Vec<SavedProfile>), Message>,
    ) {
        if !self.choices_request.is_latest(request) {
            return;
        }
        match result {
            Ok((accounts, profiles)) => {
                let account = self.form.value(ACCOUNT).to_string();
                let profile = self.form.value(PROFILE).to_string();
                let options = accounts
                    .iter()
                    .map(|a| ChoiceOption {
                        value: a.code.clone(),
                        label: msg!(
                            "reconcile-import-account-choice",
                            code = a.code.as_str(),
                            bank = super::prompt::bank_name(&a.bank_code).unwrap_or(""),
                            number = a.account_number.as_str()
                        ),
                    })
                    .collect();
                let field = &mut self.form.fields[ACCOUNT];
                *field = Field::choice(field.label, options);
                let field = &mut self.form.fields[PROFILE];
                *field = Field::choice(field.label, profile_options(&profiles));
                self.form.set_value(ACCOUNT, &account);
                self.form.set_value(PROFILE, &profile);
                if accounts.is_empty() {
                    self.form
                        .set_error(ACCOUNT, Some(msg!("reconcile-import-no-accounts")));
                }
                self.accounts = Remote::Loaded(accounts);
                self.profiles = profiles;
            }
            Err(message) => {
                self.form.set_error(ACCOUNT, Some(message.clone()));
                self.accounts = Remote::Failed(message);
            }
        }
    }

    /// Enter: the import asked for, or the sentence beside what is missing.
    pub fn submit(&mut self) -> Option<ReconcileCmd> {
        if !self.is_editing() {
            return None;
        }
        self.form.clear_errors();
        let path = self.form.value(FILE).trim().to_string();
        if path.is_empty() {
            self.form
                .set_error(FILE, Some(msg!("reconcile-import-file-needed")));
        }
        let account = self.form.value(ACCOUNT).to_string();
        if account.is_empty() {
            let message = match &self.accounts {
                Remote::Loaded(_) => msg!("reconcile-import-no-accounts"),
                Remote::Failed(message) => message.clone(),
                _ => msg!("reconcile-import-accounts-loading"),
            };
            self.form.set_error(ACCOUNT, Some(message));
        }
        if self.form.focus_first_error() {
            return None;
        }
        let code = self.form.value(PROFILE).to_string();
        let mapping = self
            .profiles
            .iter()
            .find(|p| p.code == code)
            .map(|p| p.mapping.clone());
        self.state = ImportState::Running {
            total: None,
            stored: 0,
        };
        self.scroll = 0;
        Some(ReconcileCmd::Import {
            request: self.request.issue(),
            import: Box::new(ImportRequest {
                path,
                account_code: account,
                profile: ProfileChoice { code, mapping },
            }),
        })
    }

    pub fn on_progress(&mut self, request: u64, stored: usize, total: usize) {
        if self.request.is_latest(request) && self.is_running() {
            self.state = ImportState::Running {
                total: Some(total),
                stored,
            };
        }
    }

    /// The import's answer: the summary, or why nothing was imported. A file that cannot
    /// be read, or an account that is not there, goes back to its field with the form as
    /// typed. Returns the notice for the status bar and whether the connection is lost.
    pub fn on_imported(
        &mut self,
        request: u64,
        result: Result<ImportOutcome, ImportProblem>,
    ) -> Option<(Message, bool)> {
        if !self.request.is_latest(request) {
            return None;
        }
        self.scroll = 0;
        let summary = match result {
            Ok(outcome) => {
                self.form.mark_clean();
                self.last_statement = Some(outcome.statement_id);
                let notice = msg!(
                    "reconcile-import-done",
                    new = outcome.new_lines,
                    left = outcome.matched.unmatched
                );
                self.state = ImportState::Done(Summary::Imported(outcome));
                return Some((notice, false));
            }
            Err(ImportProblem::File(problem)) => {
                self.state = ImportState::Editing;
                let message = file_message(&problem);
                self.form.set_error(FILE, Some(message.clone()));
                self.form.focus = FILE;
                return Some((message, false));
            }
            Err(ImportProblem::NoSuchAccount(code)) => {
                self.state = ImportState::Editing;
                let message = msg!("reconcile-import-no-such-account", code = code);
                self.form.set_error(ACCOUNT, Some(message.clone()));
                self.form.focus = ACCOUNT;
                return Some((message, false));
            }
            Err(ImportProblem::Unreadable(message)) => Summary::Failed(message),
            Err(ImportProblem::Lines(problems)) => Summary::Malformed(problems),
            Err(ImportProblem::Balance {
                opening,
                movements,
                closing,
            }) => Summary::Balance {
                opening,
                movements,
                closing,
            },
            Err(ImportProblem::AlreadyImported { statement_id, at }) => {
                self.last_statement = Some(statement_id);
                Summary::AlreadyImported { at }
            }
            Err(ImportProblem::Database(error)) => {
                let lost = crate::db::error::is_connection_problem(&error);
                let message = crate::db::error::message(&error);
                self.state = ImportState::Done(Summary::Failed(message.clone()));
                return Some((message, lost));
            }
        };
        self.state = ImportState::Done(summary);
        Some((msg!("reconcile-import-nothing"), false))
    }

    /// Back to the form, as it was typed, for another file.
    pub fn edit_again(&mut self) {
        if !self.is_running() {
            self.state = ImportState::Editing;
            self.scroll = 0;
        }
    }

    /// Moving through a long summary.
    pub fn scroll(&mut self, action: Action) {
        self.scroll = match action {
            Action::Up => self.scroll.saturating_sub(1),
            Action::Down => self.scroll.saturating_add(1),
            Action::PageUp => self.scroll.saturating_sub(10),
            Action::PageDown => self.scroll.saturating_add(10),
            Action::First => 0,
            _ => self.scroll,
        };
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let form_height = self.form.height() + 2;
        let [form_area, status_area, summary_area] = Layout::vertical([
            Constraint::Length(form_height),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(area);
        let block = Block::bordered().title(Line::styled(
            format!(" {} ", tr!(ui.lang, "reconcile-import-title")),
            ui.theme.title(),
        ));
        let inner = block.inner(form_area);
        frame.render_widget(block, form_area);
        self.form.render(
            frame,
            Rect {
                width: inner.width.min(90),
                ..inner
            },
            ui.lang,
            ui.theme,
            self.is_editing(),
        );
        let status = match &self.state {
            ImportState::Editing => {
                Line::styled(tr!(ui.lang, "reconcile-import-keys"), ui.theme.muted())
            }
            ImportState::Running { total: None, .. } => Line::styled(
                format!(
                    "{} {}",
                    spinner(ui.tick),
                    tr!(ui.lang, "reconcile-import-reading")
                ),
                ui.theme.muted(),
            ),
            ImportState::Running {
                total: Some(total),
                stored,
            } => Line::styled(
                format!(
                    "{} {}",
                    spinner(ui.tick),
                    tr!(
                        ui.lang,
                        "reconcile-import-running",
                        total = *total,
                        stored = *stored
                    )
                ),
                ui.theme.muted(),
            ),
            ImportState::Done(_) if self.last_statement.is_some() => Line::styled(
                tr!(ui.lang, "reconcile-import-summary-keys"),
                ui.theme.muted(),
            ),
            ImportState::Done(_) => Line::styled(
                tr!(ui.lang, "reconcile-import-summary-keys-no-lines"),
                ui.theme.muted(),
            ),
        };
        frame.render_widget(Paragraph::new(status), status_area);
        if let ImportState::Done(summary) = &self.state {
            let lines = summary_lines(summary, self, ui);
            frame.render_widget(
                Paragraph::new(lines)
                    .block(Block::bordered().title(Line::styled(
                        format!(" {} ", tr!(ui.lang, "reconcile-import-summary")),
                        ui.theme.title(),
                    )))
                    .scroll((self.scroll, 0)),
                summary_area,
            );
        }
    }
}

/// The sentence for a file that cannot be read, under the file's field.
pub fn file_message(problem: &FileProblem) -> Message {
    match problem {
        FileProblem::NotFound => msg!("reconcile-import-file-not-found"),
        FileProblem::NotAFile => msg!("reconcile-import-file-not-a-file"),
        FileProblem::NotReadable(detail) => {
            msg!("reconcile-import-file-unreadable", detail = detail.as_str())
        }
        FileProblem::Empty => msg!("reconcile-import-file-empty"),
    }
}

const SUMMARY_LABEL: usize = 44;

fn figure(label: String, value: impl std::fmt::Display) -> Line<'static> {
    Line::from(format!("{}{value:>9}", text::pad(&label, SUMMARY_LABEL)))
}

fn summary_lines(summary: &Summary, pane: &ImportPane, ui: &Ui) -> Vec<Line<'static>> {
    let lang = ui.lang;
    let file = pane.form.value(FILE).trim().to_string();
    let account = pane.form.value(ACCOUNT).to_string();
    match summary {
        Summary::Imported(outcome) => {
            let earlier = outcome.lines.saturating_sub(outcome.new_lines);
            let m = &outcome.matched;
            vec![
                Line::styled(
                    tr!(
                        lang,
                        "reconcile-import-imported",
                        file = file,
                        account = account
                    ),
                    ui.theme.success(),
                ),
                Line::from(""),
                figure(tr!(lang, "reconcile-import-lines"), outcome.lines),
                figure(tr!(lang, "reconcile-import-new"), outcome.new_lines),
                figure(tr!(lang, "reconcile-import-seen"), earlier),
                figure(tr!(lang, "reconcile-rule-reference"), m.reference),
                figure(
                    tr!(lang, "reconcile-rule-reference-wht"),
                    m.reference_less_withholding,
                ),
                figure(
                    tr!(lang, "reconcile-rule-amount-date-name"),
                    m.amount_date_name,
                ),
                figure(tr!(lang, "reconcile-import-left"), m.unmatched).style(if m.unmatched > 0 {
                    ui.theme.warning()
                } else {
                    ui.theme.success()
                }),
            ]
        }
        Summary::AlreadyImported { at } => vec![
            Line::styled(
                tr!(
                    lang,
                    "reconcile-import-already",
                    account = account,
                    when = date_time(lang, ui.calendar, *at)
                ),
                ui.theme.warning(),
            ),
            Line::styled(tr!(lang, "reconcile-import-already-note"), ui.theme.muted()),
        ],
        Summary::Malformed(problems) => {
            let mut lines = vec![
                Line::styled(
                    tr!(lang, "reconcile-import-malformed", count = problems.len()),
                    ui.theme.error(),
                ),
                Line::from(""),
            ];
            lines.extend(problems.iter().map(|p| Line::from(p.text(lang))));
            lines
        }
        Summary::Balance {
            opening,
            movements,
            closing,
        } => vec![
            Line::styled(tr!(lang, "reconcile-import-balance"), ui.theme.error()),
            Line::from(""),
            Line::from(tr!(
                lang,
                "reconcile-import-balance-figures",
                opening = money(*opening),
                movements = money(*movements),
                sum = money(*opening + *movements),
                closing = money(*closing)
            )),
            Line::styled(
                tr!(
                    lang,
                    "reconcile-import-balance-off",
                    difference = money(*closing - *opening - *movements)
                ),
                ui.theme.warning(),
            ),
        ],
        Summary::Failed(message) => vec![
            Line::styled(tr!(lang, "reconcile-import-failed"), ui.theme.error()),
            Line::from(message.text(lang)),
        ],
    }
}
