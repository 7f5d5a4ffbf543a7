//! Finance (and administrators): payments and their reconciliation, in four tabs. Payments:
//! what is overdue by age, due soon and waiting to be paid out, and the owed payments with
//! counter payments and their receipts. Import: a bank statement file read with a profile,
//! imported whole or not at all, with its summary. Cockpit: the lines no rule matched, with
//! their ranked candidates, to match, split, dispute (and, from a statement's lines, undo).
//! Payouts: claim settlements and refunds waiting for their transfer.

pub mod cockpit;
pub mod import;
pub mod payments;
pub mod payouts;
pub mod prompt;
pub mod statement;
pub mod work;

use chrono::{DateTime, NaiveDate, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::db::customers::{Conflict, SaveError};
use crate::i18n::{Calendar, Lang, Message, date_time, money};
use crate::tui::app::Tone;
use crate::tui::keymap::{Action, Context};
use crate::tui::remote::{Remote, RequestCounter};
use crate::tui::screens::Ui;
use crate::tui::screens::customers::editor::SaveStatus;
use crate::tui::widgets::history::RecordRef;
use crate::{key, msg, tr};

use cockpit::CockpitPane;
use import::ImportPane;
use payments::PaymentsPane;
use payouts::PayoutsPane;
use prompt::{Prompt, PromptKind};
use statement::StatementPane;
use work::{ReconcileCmd, ReconcileMsg, Write, Written};

/// What the screen needs from the application to handle a key or a result.
#[derive(Debug, Clone, Copy)]
pub struct Env {
    pub lang: Lang,
    pub calendar: Calendar,
    /// Today in Bangkok (a transfer's default day).
    pub today: NaiveDate,
    /// The wall clock (a transfer made today is recorded at this moment).
    pub clock: DateTime<Utc>,
}

pub use super::Notice;

/// What handling a key or a result produced.
#[derive(Debug, Default)]
pub struct Outcome {
    pub cmds: Vec<ReconcileCmd>,
    pub notice: Option<Notice>,
    /// The result said the server cannot be reached.
    pub lost_connection: bool,
}

impl Outcome {
    fn cmds(cmds: impl IntoIterator<Item = ReconcileCmd>) -> Outcome {
        Outcome {
            cmds: cmds.into_iter().collect(),
            ..Outcome::default()
        }
    }

    fn notice(message: Message, tone: Tone) -> Outcome {
        Outcome {
            notice: Some(Notice { message, tone }),
            ..Outcome::default()
        }
    }

    fn lost(self, lost_connection: bool) -> Outcome {
        Outcome {
            lost_connection,
            ..self
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Payments,
    Import,
    Cockpit,
    Payouts,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Payments, Tab::Import, Tab::Cockpit, Tab::Payouts];

    /// Message key of the tab's title.
    pub fn title(self) -> &'static str {
        match self {
            Tab::Payments => key!("reconcile-tab-payments"),
            Tab::Import => key!("reconcile-tab-import"),
            Tab::Cockpit => key!("reconcile-tab-cockpit"),
            Tab::Payouts => key!("reconcile-tab-payouts"),
        }
    }
}

#[derive(Debug)]
pub struct ReconcileScreen {
    pub tab: Tab,
    pub payments: PaymentsPane,
    pub import: ImportPane,
    pub cockpit: CockpitPane,
    pub payouts: PayoutsPane,
    /// A statement's lines over the tabs (`l`); Esc goes back.
    pub statement: Option<StatementPane>,
    /// The one prompt open over the screen.
    pub prompt: Option<Prompt>,
    /// Numbers the writes so that only the newest answer counts.
    pub write: RequestCounter,
    /// The receipts the last match or counter payment issued: what `p` prints.
    pub last_receipts: Vec<String>,
}

impl Default for ReconcileScreen {
    fn default() -> ReconcileScreen {
        ReconcileScreen::new()
    }
}

impl ReconcileScreen {
    pub fn new() -> ReconcileScreen {
        ReconcileScreen {
            tab: Tab::Payments,
            payments: PaymentsPane::default(),
            import: ImportPane::default(),
            cockpit: CockpitPane::default(),
            payouts: PayoutsPane::default(),
            statement: None,
            prompt: None,
            write: RequestCounter::default(),
            last_receipts: Vec::new(),
        }
    }

    pub fn context(&self) -> Context {
        if let Some(prompt) = &self.prompt {
            return if prompt.is_split() && !prompt.confirming {
                Context::ReconcileSplit
            } else {
                Context::ReconcileForm
            };
        }
        if self.statement.is_some() {
            return Context::ReconcileStatement;
        }
        match self.tab {
            Tab::Payments if self.payments.searching => Context::ReconcileSearch,
            Tab::Payments => Context::ReconcilePayments,
            Tab::Import if self.import.is_editing() => Context::ReconcileImport,
            Tab::Import => Context::ReconcileSummary,
            Tab::Cockpit => Context::ReconcileCockpit,
            Tab::Payouts => Context::ReconcilePayouts,
        }
    }

    /// The record whose history `h` shows: the owed payment, the statement line or the
    /// payout under the cursor. None while a prompt is open.
    pub fn selected_record(&self) -> Option<RecordRef> {
        if self.prompt.is_some() {
            return None;
        }
        if let Some(statement) = &self.statement {
            let line = statement.selected()?;
            let title = format!("#{} {}", line.line_number, line.description);
            return Some(RecordRef::new("bank_statement_lines", line.id, title));
        }
        match self.tab {
            Tab::Payments => {
                let payment = self.payments.selected()?;
                let title = payment
                    .reference
                    .clone()
                    .or_else(|| payment.policy_number.clone())
                    .unwrap_or_else(|| payment.customer_name.clone());
                Some(RecordRef::new("payments", payment.id, title))
            }
            Tab::Cockpit => {
                let line = self.cockpit.selected_line()?;
                Some(RecordRef::new(
                    "bank_statement_lines",
                    line.id,
                    line.description.clone(),
                ))
            }
            Tab::Payouts => {
                let payout = self.payouts.selected()?;
                let title = payout
                    .claim_number
                    .clone()
                    .unwrap_or_else(|| payout.payee_name.clone());
                Some(RecordRef::new("payments", payout.id, title))
            }
            Tab::Import => None,
        }
    }

    /// Whether the digits open the tabs here (nothing is typing and no view is over them).
    pub fn digits_open_tabs(&self) -> bool {
        self.prompt.is_none() && self.statement.is_none() && !self.is_typing()
    }

    /// The keys most worth showing in the hint line.
    pub fn hints(&self) -> Vec<Action> {
        if let Some(prompt) = &self.prompt {
            return match &prompt.kind {
                _ if prompt.confirming => vec![Action::Submit, Action::Back],
                PromptKind::Match { .. } => vec![Action::Submit, Action::Back],
                PromptKind::Split { .. } => vec![
                    Action::Select,
                    Action::NextField,
                    Action::Submit,
                    Action::Back,
                ],
                _ => vec![Action::Submit, Action::NextField, Action::Back],
            };
        }
        if self.statement.is_some() {
            return vec![
                Action::Unmatch,
                Action::PrintDocument,
                Action::Refresh,
                Action::Back,
            ];
        }
        match self.context() {
            Context::ReconcileSearch => vec![Action::Submit, Action::Back],
            Context::ReconcilePayments => vec![
                Action::CounterPayment,
                Action::PrintDocument,
                Action::Filter,
                Action::NextTab,
                Action::Refresh,
                Action::Back,
            ],
            Context::ReconcileImport => vec![
                Action::Submit,
                Action::NextField,
                Action::NextTab,
                Action::Back,
            ],
            Context::ReconcileSummary if self.import.is_running() => {
                vec![Action::NextTab, Action::Back]
            }
            Context::ReconcileSummary => {
                let mut hints = vec![Action::ImportAgain];
                if self.import.last_statement.is_some() {
                    hints.insert(0, Action::StatementLines);
                }
                hints.extend([Action::NextTab, Action::Back]);
                hints
            }
            Context::ReconcileCockpit => {
                let disputed = self
                    .cockpit
                    .selected_line()
                    .is_some_and(|l| l.status == "DISPUTED");
                let mut hints = if disputed {
                    vec![Action::ClearDispute, Action::Dispute]
                } else {
                    vec![Action::MatchLine, Action::SplitLine, Action::Dispute]
                };
                hints.extend([
                    Action::SwitchPane,
                    Action::PrintDocument,
                    Action::StatementLines,
                    Action::NextTab,
                    Action::Back,
                ]);
                hints
            }
            Context::ReconcilePayouts if self.payouts.table.is_filtering() => {
                vec![Action::Submit, Action::Back]
            }
            Context::ReconcilePayouts => vec![
                Action::RecordPayout,
                Action::Filter,
                Action::NextTab,
                Action::Refresh,
                Action::Back,
            ],
            _ => vec![Action::Back],
        }
    }

    /// Whether printable keys type (into a prompt, the import form, a search or filter).
    pub fn is_typing(&self) -> bool {
        if let Some(prompt) = &self.prompt {
            return prompt.is_typing();
        }
        if self.statement.is_some() {
            return false;
        }
        match self.tab {
            Tab::Payments => self.payments.searching,
            Tab::Import => self.import.is_editing(),
            Tab::Cockpit => false,
            Tab::Payouts => self.payouts.table.is_filtering(),
        }
    }

    pub fn has_unsaved_input(&self) -> bool {
        self.prompt.as_ref().is_some_and(Prompt::is_dirty) || self.import.has_unsaved_input()
    }

    pub fn is_busy(&self) -> bool {
        self.payments.is_loading()
            || self.import.is_running()
            || self.cockpit.is_loading()
            || self.payouts.is_loading()
            || self
                .statement
                .as_ref()
                .is_some_and(StatementPane::is_loading)
            || self
                .prompt
                .as_ref()
                .is_some_and(|p| p.status == SaveStatus::Saving)
    }

    /// Esc belongs to the screen while it has something of its own to close.
    pub fn takes_back(&self) -> bool {
        self.prompt.is_some()
            || self.statement.is_some()
            || (self.tab == Tab::Payments && self.payments.searching)
            || (self.tab == Tab::Payouts && self.payouts.table.is_filtering())
    }

    /// What to load when the screen opens, comes back, or the connection returns.
    pub fn reload(&mut self) -> Outcome {
        let mut cmds = Vec::new();
        if let Some(statement) = &mut self.statement {
            cmds.push(statement.reload());
        }
        cmds.extend(self.load_tab());
        Outcome::cmds(cmds)
    }

    /// Loads what the tab on screen shows.
    fn load_tab(&mut self) -> Vec<ReconcileCmd> {
        match self.tab {
            Tab::Payments => self.payments.reload(),
            Tab::Import => self.import.reload().into_iter().collect(),
            Tab::Cockpit => vec![self.cockpit.reload()],
            Tab::Payouts => vec![self.payouts.reload()],
        }
    }

    /// Opens a tab and loads it.
    pub fn switch_to(&mut self, tab: Tab) -> Outcome {
        if tab == self.tab {
            return Outcome::default();
        }
        self.tab = tab;
        Outcome::cmds(self.load_tab())
    }

    fn step_tab(&mut self, forward: bool) -> Outcome {
        let n = Tab::ALL.len();
        let at = Tab::ALL.iter().position(|t| *t == self.tab).unwrap_or(0);
        let next = if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        };
        self.switch_to(Tab::ALL[next])
    }

    /// Shows a statement's lines (the last one imported here, else the latest).
    /// The statement of the line chosen in the cockpit, else the one imported last.
    fn open_statement(&mut self) -> Outcome {
        let statement = match self.tab {
            Tab::Cockpit => self
                .cockpit
                .selected_line()
                .map(|line| line.statement_id)
                .or(self.import.last_statement),
            _ => self.import.last_statement,
        };
        let mut pane = StatementPane::new(statement, self.tab);
        let cmd = pane.reload();
        self.statement = Some(pane);
        Outcome::cmds([cmd])
    }

    /// A key that is not typing (Esc included: the screen closes what is open).
    pub fn key(&mut self, key: &KeyEvent, action: Option<Action>, env: Env) -> Outcome {
        if self.prompt.is_some() {
            return self.prompt_key(action, env);
        }
        if self.statement.is_some() {
            return self.statement_key(action);
        }
        if self.tab == Tab::Payments && self.payments.searching {
            return Outcome::cmds(self.payments.search_event(&Event::Key(*key), action));
        }
        if self.tab == Tab::Payouts && self.payouts.table.is_filtering() {
            self.payouts.table.filter_key(&Event::Key(*key), action);
            return Outcome::default();
        }
        match action {
            Some(Action::NextTab) => return self.step_tab(true),
            Some(Action::PrevTab) => return self.step_tab(false),
            None => {
                if let KeyCode::Char(digit @ '1'..='4') = key.code
                    && self.digits_open_tabs()
                {
                    return self.switch_to(Tab::ALL[digit as usize - '1' as usize]);
                }
                return Outcome::default();
            }
            _ => {}
        }
        if action == Some(Action::PrintDocument) && matches!(self.tab, Tab::Payments | Tab::Cockpit)
        {
            return self.print_receipts();
        }
        match self.tab {
            Tab::Payments => self.payments_key(action),
            Tab::Import => self.import_key(action),
            Tab::Cockpit => self.cockpit_key(action),
            Tab::Payouts => self.payouts_key(action, env),
        }
    }

    /// A key or paste while typing.
    pub fn edit(&mut self, event: &Event, action: Option<Action>) -> Outcome {
        if let Some(prompt) = &mut self.prompt {
            prompt.edit(event, action);
            return Outcome::default();
        }
        match self.tab {
            Tab::Payments if self.payments.searching => {
                return Outcome::cmds(self.payments.search_event(event, action));
            }
            Tab::Import if self.import.is_editing() => {
                self.import.form.edit(event);
            }
            Tab::Payouts => self.payouts.table.filter_key(event, action),
            _ => {}
        }
        Outcome::default()
    }

    /// `p` on the payments and cockpit tabs: prints the receipts the last match or counter
    /// payment issued.
    fn print_receipts(&mut self) -> Outcome {
        if self.last_receipts.is_empty() {
            return Outcome::notice(msg!("doc-no-receipt-selected"), Tone::Error);
        }
        self.print(self.last_receipts.clone())
    }

    /// Prints receipts in a task; the status bar says where the files are.
    fn print(&mut self, numbers: Vec<String>) -> Outcome {
        if numbers.is_empty() {
            return Outcome::notice(msg!("doc-no-receipt-on-line"), Tone::Error);
        }
        let mut outcome = Outcome::notice(msg!("doc-printing"), Tone::Info);
        outcome.cmds.push(ReconcileCmd::PrintReceipts {
            request: self.write.issue(),
            numbers,
        });
        outcome
    }

    fn payments_key(&mut self, action: Option<Action>) -> Outcome {
        match action {
            Some(Action::CounterPayment) => {
                if let Some(payment) = self.payments.selected() {
                    self.prompt = Some(Prompt::counter(payment));
                }
                Outcome::default()
            }
            other => Outcome::cmds(self.payments.key(other)),
        }
    }

    fn import_key(&mut self, action: Option<Action>) -> Outcome {
        let Some(action) = action else {
            return Outcome::default();
        };
        if self.import.is_editing() {
            match action {
                Action::Submit => return Outcome::cmds(self.import.submit()),
                Action::NextField => self.import.form.next(),
                Action::PrevField => self.import.form.previous(),
                _ => {}
            }
            return Outcome::default();
        }
        match action {
            Action::ImportAgain => self.import.edit_again(),
            Action::StatementLines if self.import.last_statement.is_some() => {
                return self.open_statement();
            }
            other => self.import.scroll(other),
        }
        Outcome::default()
    }

    fn cockpit_key(&mut self, action: Option<Action>) -> Outcome {
        let Some(action) = action else {
            return Outcome::default();
        };
        let line = self.cockpit.selected_line().cloned();
        let disputed = line.as_ref().is_some_and(|l| l.status == "DISPUTED");
        match action {
            Action::Refresh => Outcome::cmds([self.cockpit.reload()]),
            Action::StatementLines => self.open_statement(),
            Action::MatchLine | Action::SplitLine | Action::Dispute | Action::ClearDispute
                if line.is_none() =>
            {
                Outcome::default()
            }
            Action::MatchLine | Action::SplitLine if disputed => {
                Outcome::notice(msg!("reconcile-disputed-first"), Tone::Error)
            }
            Action::MatchLine => {
                let Some(line) = line else {
                    return Outcome::default();
                };
                match (
                    self.cockpit.loaded_candidates(),
                    self.cockpit.highlighted_candidate(),
                ) {
                    (Some(_), Some(candidate)) => {
                        self.prompt = Some(Prompt::match_line(&line, candidate));
                        Outcome::default()
                    }
                    (Some(_), None) => {
                        Outcome::notice(msg!("reconcile-no-candidates"), Tone::Error)
                    }
                    (None, _) => Outcome::notice(msg!("reconcile-candidates-loading"), Tone::Info),
                }
            }
            Action::SplitLine => {
                let Some(line) = line else {
                    return Outcome::default();
                };
                match self.cockpit.loaded_candidates() {
                    Some(candidates) if candidates.len() >= 2 => {
                        self.prompt = Some(Prompt::split(&line, candidates));
                        Outcome::default()
                    }
                    Some(_) => Outcome::notice(msg!("reconcile-split-too-few"), Tone::Error),
                    None => Outcome::notice(msg!("reconcile-candidates-loading"), Tone::Info),
                }
            }
            Action::Dispute => {
                if let Some(line) = line {
                    self.prompt = Some(Prompt::dispute(&line));
                }
                Outcome::default()
            }
            Action::ClearDispute => match line {
                Some(line) if disputed => Outcome::cmds([ReconcileCmd::Write {
                    request: self.write.issue(),
                    write: Box::new(Write::ClearDispute {
                        line_id: line.id,
                        version: line.version,
                    }),
                }]),
                _ => Outcome::notice(msg!("reconcile-not-disputed"), Tone::Error),
            },
            other => Outcome::cmds(self.cockpit.key(other)),
        }
    }

    fn payouts_key(&mut self, action: Option<Action>, env: Env) -> Outcome {
        match action {
            Some(Action::RecordPayout) => {
                if let Some(payout) = self.payouts.selected() {
                    let today = typed_date(env.calendar, env.today);
                    self.prompt = Some(Prompt::payout(payout, today));
                }
                Outcome::default()
            }
            Some(other) => Outcome::cmds(self.payouts.key(other)),
            None => Outcome::default(),
        }
    }

    fn statement_key(&mut self, action: Option<Action>) -> Outcome {
        let Some(statement) = &mut self.statement else {
            return Outcome::default();
        };
        match action {
            Some(Action::Back) => {
                let from = statement.from;
                self.statement = None;
                self.tab = from;
                Outcome::cmds(self.load_tab())
            }
            Some(Action::Refresh) => Outcome::cmds([statement.reload()]),
            Some(Action::Unmatch) => match statement.selected() {
                Some(row) if row.status == "MATCHED" => {
                    self.prompt = Some(Prompt::unmatch(row));
                    Outcome::default()
                }
                Some(_) => Outcome::notice(msg!("reconcile-unmatch-not-matched"), Tone::Error),
                None => Outcome::default(),
            },
            Some(Action::PrintDocument) => {
                let numbers = statement
                    .selected()
                    .map(|row| row.receipt_numbers.clone())
                    .unwrap_or_default();
                self.print(numbers)
            }
            Some(other) => {
                statement.key(other);
                Outcome::default()
            }
            None => Outcome::default(),
        }
    }

    fn prompt_key(&mut self, action: Option<Action>, env: Env) -> Outcome {
        let Some(prompt) = &mut self.prompt else {
            return Outcome::default();
        };
        match action {
            Some(Action::Back) if prompt.status != SaveStatus::Saving && prompt.back() => {
                self.prompt = None;
            }
            Some(Action::NextField) => prompt.next(),
            Some(Action::PrevField) => prompt.previous(),
            Some(Action::Submit | Action::Save) if prompt.status != SaveStatus::Saving => {
                let Some(write) = prompt.submit(env.today, env.clock) else {
                    return Outcome::default();
                };
                prompt.status = SaveStatus::Saving;
                return Outcome::cmds([ReconcileCmd::Write {
                    request: self.write.issue(),
                    write: Box::new(write),
                }]);
            }
            _ => {}
        }
        Outcome::default()
    }

    pub fn on_msg(&mut self, msg: ReconcileMsg, env: Env) -> Outcome {
        let lost = |e: &sqlx::Error| crate::db::error::is_connection_problem(e);
        let message = |e: &sqlx::Error| crate::db::error::message(e);
        match msg {
            ReconcileMsg::OverviewLoaded { request, result } => {
                let lost_connection = result.as_ref().err().is_some_and(lost);
                self.payments
                    .on_overview(request, result.map_err(|e| message(&e)));
                Outcome::default().lost(lost_connection)
            }
            ReconcileMsg::OwedLoaded { request, result } => {
                let lost_connection = result.as_ref().err().is_some_and(lost);
                self.payments.on_owed(
                    request,
                    result.map_err(|e| message(&e)),
                    env.lang,
                    env.calendar,
                );
                Outcome::default().lost(lost_connection)
            }
            ReconcileMsg::ImportChoicesLoaded { request, result } => {
                let lost_connection = result.as_ref().err().is_some_and(lost);
                self.import
                    .on_choices(request, result.map_err(|e| message(&e)));
                Outcome::default().lost(lost_connection)
            }
            ReconcileMsg::ImportProgress {
                request,
                stored,
                total,
            } => {
                self.import.on_progress(request, stored, total);
                Outcome::default()
            }
            ReconcileMsg::Imported { request, result } => {
                let imported = result.is_ok();
                match self.import.on_imported(request, result) {
                    Some((notice, lost_connection)) => {
                        let tone = if imported { Tone::Success } else { Tone::Error };
                        let mut outcome = Outcome::notice(notice, tone).lost(lost_connection);
                        if imported {
                            // The cockpit and the figures have changed.
                            self.cockpit.lines = Remote::Idle;
                            self.payments.overview = Remote::Idle;
                            outcome.cmds.extend(self.load_tab());
                        }
                        outcome
                    }
                    None => Outcome::default(),
                }
            }
            ReconcileMsg::LinesLoaded { request, result } => {
                let lost_connection = result.as_ref().err().is_some_and(lost);
                let cmd = self.cockpit.on_lines(
                    request,
                    result.map_err(|e| message(&e)),
                    env.lang,
                    env.calendar,
                );
                Outcome::cmds(cmd).lost(lost_connection)
            }
            ReconcileMsg::CandidatesLoaded {
                request,
                line_id,
                result,
            } => {
                let lost_connection = result.as_ref().err().is_some_and(lost);
                self.cockpit
                    .on_candidates(request, line_id, result.map_err(|e| message(&e)));
                Outcome::default().lost(lost_connection)
            }
            ReconcileMsg::StatementLoaded { request, result } => {
                let lost_connection = result.as_ref().err().is_some_and(lost);
                if let Some(statement) = &mut self.statement {
                    statement.on_loaded(
                        request,
                        result.map_err(|e| message(&e)),
                        env.lang,
                        env.calendar,
                    );
                }
                Outcome::default().lost(lost_connection)
            }
            ReconcileMsg::PayoutsLoaded { request, result } => {
                let lost_connection = result.as_ref().err().is_some_and(lost);
                self.payouts.on_loaded(
                    request,
                    result.map_err(|e| message(&e)),
                    env.lang,
                    env.calendar,
                );
                Outcome::default().lost(lost_connection)
            }
            ReconcileMsg::Written { request, result } => self.on_written(request, result, env),
            ReconcileMsg::ReceiptsPrinted {
                request: _,
                results,
            } => {
                let failed = results.iter().find_map(|r| r.as_ref().err());
                match (failed, results.last()) {
                    (Some(error), _) => Outcome::notice(error.message(), Tone::Error),
                    (None, Some(Ok(printed))) => Outcome::notice(printed.message(), Tone::Success),
                    _ => Outcome::default(),
                }
            }
        }
    }

    /// A change came back: done (the prompt closes, what is on screen loads again), beaten
    /// by someone else's change (the prompt keeps what was typed and goes again against the
    /// newer version), gone, or refused (the prompt keeps what was typed).
    fn on_written(
        &mut self,
        request: u64,
        result: Result<Written, SaveError>,
        env: Env,
    ) -> Outcome {
        if !self.write.is_latest(request) {
            return Outcome::default();
        }
        let (mut outcome, reload) = match result {
            Ok(written) => {
                let kind = self.prompt.take().map(|p| p.kind);
                match &written {
                    Written::Matched(receipts) => {
                        self.last_receipts =
                            receipts.iter().map(|r| r.receipt_number.clone()).collect();
                    }
                    Written::CounterPaid(receipt) => {
                        self.last_receipts = vec![receipt.receipt_number.clone()];
                    }
                    _ => {}
                }
                let message = done_message(&written, kind.as_ref());
                (Outcome::notice(message, Tone::Success), true)
            }
            Err(SaveError::Conflict(conflict)) => {
                let message = conflict_message(&conflict, env);
                if let Some(prompt) = &mut self.prompt {
                    prompt.version = conflict.version;
                    prompt.confirming = false;
                    prompt.status = SaveStatus::Failed(message.clone());
                }
                (Outcome::notice(message, Tone::Error), true)
            }
            Err(SaveError::Gone) => {
                self.prompt = None;
                (Outcome::notice(msg!("reconcile-gone"), Tone::Error), true)
            }
            Err(SaveError::Database(error)) => {
                let message = crate::db::error::message(&error);
                if let Some(prompt) = &mut self.prompt {
                    prompt.status = SaveStatus::Failed(message.clone());
                }
                let lost = crate::db::error::is_connection_problem(&error);
                (Outcome::notice(message, Tone::Error).lost(lost), false)
            }
        };
        if reload {
            if let Some(statement) = &mut self.statement {
                outcome.cmds.push(statement.reload());
            }
            outcome.cmds.extend(self.load_tab());
        }
        outcome
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let [tabs_area, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        frame.render_widget(Paragraph::new(self.tab_line(ui)), tabs_area);
        match (&mut self.statement, self.tab) {
            (Some(statement), _) => statement.render(frame, body, ui),
            (None, Tab::Payments) => self.payments.render(frame, body, ui),
            (None, Tab::Import) => self.import.render(frame, body, ui),
            (None, Tab::Cockpit) => self.cockpit.render(frame, body, ui),
            (None, Tab::Payouts) => self.payouts.render(frame, body, ui),
        }
        if let Some(prompt) = &self.prompt {
            prompt.render(frame, ui);
        }
    }

    fn tab_line(&self, ui: &Ui) -> Line<'static> {
        let mut spans = Vec::new();
        for (i, tab) in Tab::ALL.iter().enumerate() {
            let style = if *tab == self.tab {
                ui.theme.selected()
            } else {
                ui.theme.muted()
            };
            let title = crate::i18n::text(ui.lang, tab.title(), &[]);
            let count = match tab {
                Tab::Cockpit => self.cockpit.lines.loaded().map(Vec::len),
                Tab::Payouts => self.payouts.payouts.loaded().map(Vec::len),
                _ => None,
            };
            let title = match count {
                Some(n) => format!("{title} ({n})"),
                None => title,
            };
            spans.push(Span::styled(format!(" {} {title} ", i + 1), style));
            spans.push(Span::raw(" "));
        }
        if self.statement.is_some() {
            spans.push(Span::styled(
                format!("› {}", tr!(ui.lang, "reconcile-statement-lines")),
                ui.theme.title(),
            ));
        }
        Line::from(spans)
    }
}

/// A date as a person types it, "25/11/2569" (or "25/11/2026" in Christian years): what
/// the date fields read back.
fn typed_date(calendar: Calendar, day: NaiveDate) -> String {
    use chrono::Datelike;
    let year = match calendar {
        Calendar::Buddhist => crate::i18n::format::buddhist_year(day),
        Calendar::Christian => day.year(),
    };
    format!("{:02}/{:02}/{year}", day.day(), day.month())
}

/// Who changed the record first, and when; it is loaded again.
fn conflict_message(conflict: &Conflict, env: Env) -> Message {
    msg!(
        "reconcile-conflict",
        who = conflict.by.clone().unwrap_or_else(|| "–".into()),
        when = date_time(env.lang, env.calendar, conflict.at)
    )
}

fn done_message(written: &Written, kind: Option<&PromptKind>) -> Message {
    match written {
        Written::Matched(receipts) => msg!(
            "reconcile-matched",
            count = receipts.len(),
            receipts = receipts
                .iter()
                .map(|r| r.receipt_number.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Written::Disputed { .. } => msg!("reconcile-disputed"),
        Written::DisputeCleared { .. } => msg!("reconcile-dispute-cleared"),
        Written::Unmatched { .. } => msg!("reconcile-unmatched"),
        Written::CounterPaid(receipt) => msg!(
            "reconcile-counter-paid",
            number = receipt.receipt_number.as_str()
        ),
        Written::PaidOut { .. } => match kind {
            Some(PromptKind::Payout(payout)) => {
                match (&payout.claim_number, payout.payment_type.as_str()) {
                    (Some(claim), "CLAIM_SETTLEMENT") => {
                        msg!("reconcile-paid-settled", claim = claim.as_str())
                    }
                    _ => msg!(
                        "reconcile-paid",
                        payee = payout.payee_name.as_str(),
                        amount = money(payout.amount)
                    ),
                }
            }
            _ => msg!("reconcile-paid-plain"),
        },
    }
}
