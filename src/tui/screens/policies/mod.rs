//! Policies, for underwriters (and agents, who quote for their own customers): the issue
//! form with its live quote, the referral queue, the renewal queue, and everything about
//! one policy. Each part is a tab of this screen; the screen a person opens picks the tab.

pub mod issue;
pub mod policy_view;
pub mod quote_panel;
pub mod quotes;
pub mod renewals;
pub mod work;

use chrono::NaiveDate;
use crossterm::event::{Event, KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;

use crate::i18n::{Calendar, Lang, Message};
use crate::msg;
use crate::tui::access::ScreenId;
use crate::tui::keymap::{Action, Context};
use crate::tui::screens::Ui;
use crate::tui::widgets::history::RecordRef;

use issue::IssueForm;
use policy_view::PolicyPane;
use quotes::QuotesPane;
use renewals::RenewalsPane;
use work::{PoliciesCmd, PoliciesMsg};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Issue,
    Quotes,
    Renewals,
    /// One policy, opened from another tab (Esc goes back there).
    Policy,
}

impl Tab {
    /// The tab a screen of the menu opens on.
    pub fn of(screen: ScreenId) -> Tab {
        match screen {
            ScreenId::Quotes => Tab::Quotes,
            ScreenId::Renewals => Tab::Renewals,
            _ => Tab::Issue,
        }
    }
}

/// What the screen needs from the application to handle a key or a result.
#[derive(Debug, Clone, Copy)]
pub struct Env {
    pub lang: Lang,
    pub calendar: Calendar,
    pub today: NaiveDate,
}

/// A sentence for the status bar: good news or bad.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub message: Message,
    pub good: bool,
}

/// What handling a key or a result produced.
#[derive(Debug, Default)]
pub struct Outcome {
    pub cmds: Vec<PoliciesCmd>,
    pub notice: Option<Notice>,
    /// The result said the server cannot be reached.
    pub lost_connection: bool,
    /// Go back to the screen this one was opened from.
    pub leave: bool,
}

impl Outcome {
    fn cmds(cmds: impl IntoIterator<Item = PoliciesCmd>) -> Outcome {
        Outcome {
            cmds: cmds.into_iter().collect(),
            ..Outcome::default()
        }
    }

    /// A sentence, and the list to load again after the write it reports.
    fn reloading(
        cmds: impl IntoIterator<Item = PoliciesCmd>,
        message: Message,
        good: bool,
    ) -> Outcome {
        Outcome {
            cmds: cmds.into_iter().collect(),
            notice: Some(Notice { message, good }),
            ..Outcome::default()
        }
    }

    fn notice(message: Message, good: bool) -> Outcome {
        Outcome {
            notice: Some(Notice { message, good }),
            ..Outcome::default()
        }
    }
}

#[derive(Debug, Clone)]
pub struct PoliciesScreen {
    pub tab: Tab,
    pub issue: IssueForm,
    pub quotes: QuotesPane,
    pub renewals: RenewalsPane,
    pub policy: PolicyPane,
    /// The tab the policy view was opened from.
    opened_from: Tab,
    /// Opened from another screen for one task: Esc at its end goes back there.
    return_on_back: bool,
    /// Esc once on a changed form asks; twice leaves it.
    discard_armed: bool,
}

impl PoliciesScreen {
    pub fn new(tab: Tab, today: NaiveDate, quote_only: bool, lang: Lang) -> PoliciesScreen {
        PoliciesScreen {
            tab,
            issue: IssueForm::new(today, quote_only, lang),
            quotes: QuotesPane::default(),
            renewals: RenewalsPane::default(),
            policy: PolicyPane::default(),
            opened_from: tab,
            return_on_back: false,
            discard_armed: false,
        }
    }

    pub fn screen_id(&self) -> ScreenId {
        match self.tab {
            Tab::Issue => ScreenId::Issue,
            Tab::Quotes => ScreenId::Quotes,
            Tab::Renewals => ScreenId::Renewals,
            Tab::Policy => ScreenId::Policy,
        }
    }

    /// The keys most worth showing in the hint line.
    pub fn hints(&self) -> Vec<Action> {
        match self.tab {
            Tab::Issue => vec![
                Action::Save,
                Action::NextField,
                Action::Submit,
                Action::Back,
            ],
            Tab::Quotes => vec![
                Action::Open,
                Action::Decide,
                Action::IssueQuote,
                Action::Filter,
                Action::Back,
            ],
            Tab::Renewals if self.renewals.dialog.is_some() => vec![Action::Back],
            Tab::Renewals => vec![
                Action::Open,
                Action::Select,
                Action::Renew,
                Action::Filter,
                Action::Back,
            ],
            Tab::Policy if self.policy.takes_back() => vec![Action::Back],
            Tab::Policy => vec![
                Action::History,
                Action::CancelPolicy,
                Action::PrintDocument,
                Action::Down,
                Action::Refresh,
                Action::Back,
            ],
        }
    }

    /// The policy whose history `h` shows: the one open in the policy view.
    pub fn selected_record(&self) -> Option<RecordRef> {
        match self.tab {
            Tab::Policy => self.policy.selected_record().ok(),
            Tab::Issue | Tab::Quotes | Tab::Renewals => None,
        }
    }

    pub fn context(&self) -> Context {
        match self.tab {
            Tab::Issue => Context::PolicyForm,
            Tab::Quotes => Context::PolicyQuotes,
            Tab::Renewals => Context::RenewalQueue,
            Tab::Policy => Context::PolicyView,
        }
    }

    /// Whether printable keys type (into a form or a box).
    pub fn is_typing(&self) -> bool {
        match self.tab {
            Tab::Issue => !self.issue.confirming,
            Tab::Quotes => self.quotes.is_typing(),
            Tab::Renewals => self.renewals.is_typing(),
            Tab::Policy => self.policy.is_typing(),
        }
    }

    pub fn has_unsaved_input(&self) -> bool {
        self.tab == Tab::Issue && self.issue.form.is_dirty()
    }

    pub fn is_busy(&self) -> bool {
        self.issue.is_busy() || self.issue.context.is_loading() || self.quotes.list.is_loading()
    }

    /// Esc belongs to the screen while it has something of its own to close.
    pub fn takes_back(&self) -> bool {
        if self.return_on_back {
            return true;
        }
        match self.tab {
            Tab::Issue => {
                self.issue.picker.is_some() || self.issue.confirming || self.issue.form.is_dirty()
            }
            Tab::Quotes => self.quotes.dialog.is_some() || self.quotes.table.is_filtering(),
            Tab::Renewals => self.renewals.dialog.is_some() || self.renewals.table.is_filtering(),
            Tab::Policy => true,
        }
    }

    /// What to load when the screen opens or the person asks again.
    pub fn reload(&mut self) -> Vec<PoliciesCmd> {
        match self.tab {
            Tab::Issue => Vec::new(),
            Tab::Quotes => vec![self.quotes.reload()],
            Tab::Renewals => vec![self.renewals.reload()],
            Tab::Policy => self.policy.reload().into_iter().collect(),
        }
    }

    /// Opened from the customer 360: one policy; Esc goes back there.
    pub fn open_elsewhere_policy(&mut self, id: uuid::Uuid) -> Outcome {
        self.return_on_back = true;
        self.open_policy(id)
    }

    /// Opened from the customer 360: the issue form for one vehicle.
    pub fn open_elsewhere_issue(
        &mut self,
        choice: crate::db::policies::VehicleChoice,
        today: NaiveDate,
    ) -> Outcome {
        self.return_on_back = true;
        self.tab = Tab::Issue;
        let cmd = self.issue.choose_vehicle(choice, today);
        self.issue.form.mark_clean();
        Outcome::cmds(cmd)
    }

    fn leave() -> Outcome {
        Outcome {
            leave: true,
            ..Outcome::default()
        }
    }

    /// Opens one policy; Esc returns to this tab.
    fn open_policy(&mut self, id: uuid::Uuid) -> Outcome {
        if self.tab != Tab::Policy {
            self.opened_from = self.tab;
        }
        self.tab = Tab::Policy;
        Outcome::cmds([self.policy.open(id)])
    }

    pub fn back(&mut self, env: Env) -> Outcome {
        if self.tab == Tab::Policy {
            if self.policy.back() {
                return Outcome::default();
            }
            if self.return_on_back {
                return Self::leave();
            }
            self.tab = self.opened_from;
            return Outcome::cmds(self.reload());
        }
        if self.tab == Tab::Renewals {
            if self.renewals.table.is_filtering() {
                self.renewals.table.filter_key(
                    &Event::Key(KeyEvent::from(KeyCode::Esc)),
                    Some(Action::Back),
                );
            } else {
                self.renewals.dialog = None;
            }
            return Outcome::default();
        }
        if self.tab == Tab::Quotes {
            if self.quotes.table.is_filtering() {
                self.quotes.table.filter_key(
                    &Event::Key(KeyEvent::from(KeyCode::Esc)),
                    Some(Action::Back),
                );
            } else {
                self.quotes.dialog = None;
            }
            return Outcome::default();
        }
        let _ = env;
        let issue = &mut self.issue;
        if issue.picker.is_some() {
            issue.picker = None;
            return Outcome::default();
        }
        if issue.confirming {
            issue.confirming = false;
            return Outcome::default();
        }
        if issue.form.is_dirty() && !self.discard_armed {
            self.discard_armed = true;
            return Outcome::notice(msg!("customers-discard-again"), false);
        }
        self.discard_armed = false;
        issue.form.mark_clean();
        if self.return_on_back {
            return Self::leave();
        }
        Outcome::default()
    }

    /// A key that is not typing.
    pub fn key(&mut self, key: &KeyEvent, action: Option<Action>, env: Env) -> Outcome {
        self.discard_armed = false;
        match self.tab {
            Tab::Issue => self.issue_key(key, action, env),
            Tab::Quotes if action == Some(Action::Open) && self.quotes.dialog.is_none() => {
                match self.quotes.selected_policy() {
                    Some(id) => self.open_policy(id),
                    None => Outcome::default(),
                }
            }
            Tab::Quotes => match self.quotes.key(key, action) {
                Ok(cmd) => Outcome::cmds(cmd),
                Err(message) => Outcome::notice(message, false),
            },
            Tab::Renewals if action == Some(Action::Open) && self.renewals.dialog.is_none() => {
                match self.renewals.selected_policy() {
                    Some(id) => self.open_policy(id),
                    None => Outcome::default(),
                }
            }
            Tab::Renewals => match self.renewals.key(key, action) {
                Ok(cmd) => Outcome::cmds(cmd),
                Err(message) => Outcome::notice(message, false),
            },
            Tab::Policy => match self.policy.key(key, action, env.today) {
                Ok(cmd) => Outcome::cmds(cmd),
                Err(message) => Outcome::notice(message, false),
            },
        }
    }

    /// A key or paste while typing.
    pub fn edit(&mut self, event: &Event, action: Option<Action>, env: Env) -> Outcome {
        self.discard_armed = false;
        if self.tab == Tab::Quotes {
            self.quotes.edit(event);
            return Outcome::default();
        }
        if self.tab == Tab::Policy {
            return Outcome::cmds(self.policy.edit(event));
        }
        if self.tab == Tab::Renewals {
            self.renewals.edit(event);
            return Outcome::default();
        }
        let issue = &mut self.issue;
        if let Event::Key(key) = event {
            if issue.picker.is_some() {
                return Outcome::cmds(issue.picker_key(key, env.today));
            }
            if issue.confirming {
                return self.issue_key(key, action, env);
            }
        }
        Outcome::cmds(issue.edit(event, env.today))
    }

    fn issue_key(&mut self, key: &KeyEvent, action: Option<Action>, env: Env) -> Outcome {
        let issue = &mut self.issue;
        if issue.picker.is_some() {
            return Outcome::cmds(issue.picker_key(key, env.today));
        }
        if issue.confirming {
            return match key.code {
                KeyCode::Enter => Outcome::cmds(issue.confirm(env.today)),
                KeyCode::Esc => {
                    issue.confirming = false;
                    Outcome::default()
                }
                _ => Outcome::default(),
            };
        }
        match action {
            Some(Action::NextField) => issue.form.next(),
            Some(Action::PrevField) => issue.form.previous(),
            Some(Action::Submit) if issue.form.focus == issue::VEHICLE => issue.open_picker(),
            Some(Action::Submit) => issue.form.next(),
            Some(Action::Save) => issue.submit(env.today),
            _ => {}
        }
        Outcome::default()
    }

    pub fn on_msg(&mut self, msg: PoliciesMsg, env: Env) -> Outcome {
        let lost = |error: &sqlx::Error| crate::db::error::is_connection_problem(error);
        match msg {
            PoliciesMsg::VehiclesFound { request, result } => {
                let lost_connection = result.as_ref().err().is_some_and(lost);
                if let Some(picker) = &mut self.issue.picker {
                    picker.on_results(request, result.map_err(|e| crate::db::error::message(&e)));
                }
                Outcome {
                    lost_connection,
                    ..Outcome::default()
                }
            }
            PoliciesMsg::QuoteContextLoaded { request, result } => {
                self.issue.on_context(request, result);
                Outcome::default()
            }
            PoliciesMsg::Issued { request, result } => {
                match self.issue.on_issued(request, result) {
                    Some((message, good)) => Outcome::notice(message, good),
                    None => Outcome::default(),
                }
            }
            PoliciesMsg::QuoteIssued { request, result } => {
                match self.quotes.on_issued(request, result) {
                    Some(message) => Outcome::reloading([self.quotes.reload()], message, true),
                    None => Outcome::default(),
                }
            }
            PoliciesMsg::QuotesLoaded { request, result } => {
                let lost_connection = result.as_ref().err().is_some_and(lost);
                self.quotes
                    .on_list(request, result.map_err(|e| crate::db::error::message(&e)));
                Outcome {
                    lost_connection,
                    ..Outcome::default()
                }
            }
            PoliciesMsg::RenewalsLoaded { request, result } => {
                let lost_connection = matches!(&result, Err(crate::db::renewals::RenewalError::Database(e)) if lost(e));
                self.renewals
                    .on_list(request, result.map_err(|e| e.message()));
                Outcome {
                    lost_connection,
                    ..Outcome::default()
                }
            }
            PoliciesMsg::Renewed { request, result } => {
                match self.renewals.on_renewed(request, result) {
                    Some((message, good)) => {
                        let reload = good.then(|| self.renewals.reload());
                        Outcome::reloading(reload, message, good)
                    }
                    None => Outcome::default(),
                }
            }
            PoliciesMsg::RenewedMany { request, results } => {
                match self.renewals.on_renewed_many(request, results) {
                    Some((message, good)) => {
                        Outcome::reloading([self.renewals.reload()], message, good)
                    }
                    None => Outcome::default(),
                }
            }
            PoliciesMsg::PolicyLoaded { request, result } => {
                let lost_connection = result.as_ref().err().is_some_and(lost);
                self.policy.on_loaded(
                    request,
                    result
                        .map(|found| found.map(|detail| *detail))
                        .map_err(|e| crate::db::error::message(&e)),
                );
                Outcome {
                    lost_connection,
                    ..Outcome::default()
                }
            }
            PoliciesMsg::CancelPreviewed { request, result } => {
                self.policy.on_preview(request, result.map(|quote| *quote));
                Outcome::default()
            }
            PoliciesMsg::Cancelled { request, result } => {
                match self.policy.on_cancelled(request, result) {
                    Some(message) => Outcome::reloading(self.policy.reload(), message, true),
                    None => Outcome::default(),
                }
            }
            PoliciesMsg::PolicyPrinted { request, result } => {
                match self.policy.on_printed(request, result, env.lang) {
                    Some((message, true)) => {
                        Outcome::reloading(self.policy.reload(), message, true)
                    }
                    Some((message, false)) => Outcome::notice(message, false),
                    None => Outcome::default(),
                }
            }
            PoliciesMsg::Decided { request, result } => {
                match self.quotes.on_decided(request, result) {
                    Some(message) => Outcome::reloading([self.quotes.reload()], message, true),
                    None => Outcome::default(),
                }
            }
        }
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        match self.tab {
            Tab::Issue => self.issue.render(frame, area, ui),
            Tab::Quotes => self.quotes.render(frame, area, ui),
            Tab::Renewals => self.renewals.render(frame, area, ui),
            Tab::Policy => self.policy.render(frame, area, ui),
        }
    }
}
