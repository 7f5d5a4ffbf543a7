//! The application state and `update`: every key, tick and database result goes through
//! here, synchronously. `update` never waits on anything; what needs the database comes
//! back as commands to run.

use std::time::{Duration, Instant};

use chrono::Utc;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use sqlx::PgPool;

use super::LoginTarget;
use super::access::{self, ACCESS, ScreenId};
use super::cmd::Cmd;
use super::keymap::{Action, Context, Keymap};
use super::msg::Msg;
use super::remote::Remote;
use super::screens::account::AccountScreen;
use super::screens::audit::{self, AuditScreen};
use super::screens::charts::{self, ChartsScreen};
use super::screens::claims::{self, ClaimsScreen};
use super::screens::customers::{self, CustomersScreen};
use super::screens::health::HealthScreen;
use super::screens::home::HomeScreen;
use super::screens::login::{LoginOutcome, LoginScreen};
use super::screens::policies::{self, PoliciesScreen};
use super::screens::reconcile::{self, ReconcileScreen};
use super::screens::settings::{self, SettingsScreen};
use super::screens::staff::{self, StaffScreen};
use super::theme::Theme;
use super::widgets::form::{Field, Form};
use super::widgets::history::{HistoryPane, RecordRef};
use super::widgets::picker::{Picker, PickerItem};
use crate::db::session::{LoggedIn, StaffIdentity};
use crate::domain::staff::GroupRole;
use crate::i18n::{Calendar, Lang, Message};
use crate::{key, msg};

/// How often a logged-in screen checks the server is there, and how often while it is not.
const PING_EVERY: Duration = Duration::from_secs(10);
const RETRY_EVERY: Duration = Duration::from_secs(2);
const TOAST_FOR: Duration = Duration::from_secs(6);

#[derive(Debug)]
pub struct Session {
    pub staff: StaffIdentity,
    pub pool: PgPool,
    pub session_id: String,
    pub expires_at: chrono::DateTime<Utc>,
    /// Which server answers reads, when read replicas are configured.
    pub reads: Option<std::sync::Arc<crate::db::replica::ReadRouter>>,
}

#[derive(Debug)]
pub enum Screen {
    Login(LoginScreen),
    Home(HomeScreen),
    Customers(Box<CustomersScreen>),
    Policies(Box<PoliciesScreen>),
    Claims(Box<ClaimsScreen>),
    Reconcile(Box<ReconcileScreen>),
    Staff(Box<StaffScreen>),
    Settings(Box<SettingsScreen>),
    Account(AccountScreen),
    Health(HealthScreen),
    Audit(Box<AuditScreen>),
    Charts(Box<ChartsScreen>),
}

impl Screen {
    pub fn id(&self) -> Option<ScreenId> {
        match self {
            Screen::Login(_) => None,
            Screen::Home(_) => Some(ScreenId::Home),
            Screen::Customers(_) => Some(ScreenId::Customers),
            Screen::Policies(policies) => Some(policies.screen_id()),
            Screen::Claims(_) => Some(ScreenId::Claims),
            Screen::Reconcile(_) => Some(ScreenId::Reconcile),
            Screen::Staff(_) => Some(ScreenId::Staff),
            Screen::Settings(_) => Some(ScreenId::Settings),
            Screen::Account(_) => Some(ScreenId::Account),
            Screen::Health(_) => Some(ScreenId::Health),
            Screen::Audit(_) => Some(ScreenId::Audit),
            Screen::Charts(_) => Some(ScreenId::Charts),
        }
    }

    fn context(&self) -> Context {
        match self {
            Screen::Login(_) => Context::Login,
            Screen::Home(_) => Context::Home,
            Screen::Customers(customers) => customers.context(),
            Screen::Policies(policies) => policies.context(),
            Screen::Claims(claims) => claims.context(),
            Screen::Reconcile(reconcile) => reconcile.context(),
            Screen::Staff(staff) => staff.context(),
            Screen::Settings(settings) => settings.context(),
            Screen::Account(_) => Context::Account,
            Screen::Health(_) => Context::Health,
            Screen::Audit(audit) => audit.context(),
            Screen::Charts(charts) => charts.context(),
        }
    }

    /// The record `h` shows the history of: what the screen has selected, if anything.
    pub fn selected_record(&self, lang: Lang, calendar: Calendar) -> Option<RecordRef> {
        match self {
            Screen::Customers(customers) => customers.selected_record(lang, calendar),
            Screen::Policies(policies) => policies.selected_record(),
            Screen::Claims(claims) => claims.selected_record(),
            Screen::Reconcile(reconcile) => reconcile.selected_record(),
            Screen::Staff(staff) => staff.selected_record(),
            Screen::Settings(settings) => settings.selected_record(),
            Screen::Audit(audit) => audit.selected_record(),
            Screen::Login(_)
            | Screen::Home(_)
            | Screen::Account(_)
            | Screen::Health(_)
            | Screen::Charts(_) => None,
        }
    }

    /// Unsaved typing that leaving the screen would lose.
    pub fn has_unsaved_input(&self) -> bool {
        match self {
            Screen::Account(account) => account.form.is_dirty(),
            Screen::Customers(customers) => customers.has_unsaved_input(),
            Screen::Policies(policies) => policies.has_unsaved_input(),
            Screen::Claims(claims) => claims.has_unsaved_input(),
            Screen::Reconcile(reconcile) => reconcile.has_unsaved_input(),
            Screen::Staff(staff) => staff.has_unsaved_input(),
            Screen::Settings(settings) => settings.has_unsaved_input(),
            _ => false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaletteCommand {
    Open(ScreenId),
    About,
    Help,
    Language,
    SaveLanguage,
    Calendar,
    Logout,
    Quit,
}

#[derive(Debug, Clone)]
pub struct Palette {
    pub picker: Picker<PaletteCommand>,
    pub error: Option<Message>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfirmAction {
    Quit,
    Logout,
    LeaveScreen,
}

#[derive(Debug, Clone)]
pub struct Lock {
    pub form: Form,
    pub checking: bool,
    pub error: Option<Message>,
    pub request: u64,
}

#[derive(Debug, Clone)]
pub enum Overlay {
    Help,
    About,
    Palette(Palette),
    Confirm(ConfirmAction),
    Lock(Lock),
    /// The history of the record the screen had selected (`h`).
    History(HistoryPane),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Connection {
    /// Not logged in: nothing to be connected to yet.
    NotConnected,
    Online,
    Lost,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Success,
    Error,
}

#[derive(Debug, Clone)]
pub struct Toast {
    pub message: Message,
    pub tone: Tone,
    pub until: Instant,
}

/// What the application is started with.
pub struct AppConfig {
    pub lang: Lang,
    pub theme: Theme,
    pub keymap: Keymap,
    pub target: LoginTarget,
    pub demo_accounts: bool,
    pub idle_lock_after: Duration,
    /// The data directory: PDPA exports go to its `exports/`, printed documents to its
    /// `documents/`.
    pub data_dir: std::path::PathBuf,
    pub now: Instant,
}

pub struct App {
    pub lang: Lang,
    pub calendar: Calendar,
    pub theme: Theme,
    pub keymap: Keymap,
    pub target: LoginTarget,
    pub demo_accounts: bool,
    pub idle_lock_after: Duration,
    pub data_dir: std::path::PathBuf,
    /// A fixed "today" (tests); otherwise the date in Bangkok now.
    pub fixed_today: Option<chrono::NaiveDate>,
    pub session: Option<Session>,
    pub screen: Screen,
    /// The screen a jump left (customer 360 → a policy), to come back to with Esc.
    pub stashed: Option<Screen>,
    pub overlay: Option<Overlay>,
    pub toast: Option<Toast>,
    pub connection: Connection,
    pub now: Instant,
    pub tick: u64,
    pub quit: bool,
    /// Waiting for the session to end before quitting.
    pub quitting: bool,
    last_input: Instant,
    next_ping: Instant,
    ping_in_flight: bool,
    unlock_requests: u64,
    dirty: bool,
}

impl App {
    pub fn new(config: AppConfig) -> App {
        App {
            // Buddhist Era years by default, whatever the language; F3 switches.
            calendar: Calendar::default(),
            lang: config.lang,
            theme: config.theme,
            keymap: config.keymap,
            target: config.target,
            demo_accounts: config.demo_accounts,
            idle_lock_after: config.idle_lock_after,
            data_dir: config.data_dir,
            fixed_today: None,
            session: None,
            screen: Screen::Login(LoginScreen::new()),
            stashed: None,
            overlay: None,
            toast: None,
            connection: Connection::NotConnected,
            now: config.now,
            tick: 0,
            quit: false,
            quitting: false,
            last_input: config.now,
            next_ping: config.now,
            ping_in_flight: false,
            unlock_requests: 0,
            dirty: true,
        }
    }

    /// Whether something changed since the last draw (and forget it).
    /// The session's read router, if it has replicas: commands run through it.
    pub fn read_router(&self) -> Option<std::sync::Arc<crate::db::replica::ReadRouter>> {
        self.session
            .as_ref()
            .and_then(|session| session.reads.clone())
    }

    pub fn take_dirty(&mut self) -> bool {
        std::mem::take(&mut self.dirty)
    }

    pub fn groups(&self) -> &[GroupRole] {
        self.session
            .as_ref()
            .map_or(&[], |s| s.staff.groups.as_slice())
    }

    pub fn context(&self) -> Context {
        if matches!(self.overlay, Some(Overlay::History(_))) {
            return Context::History;
        }
        self.screen.context()
    }

    /// Whether a text field has the keyboard (so printable keys type rather than command).
    pub fn is_typing(&self) -> bool {
        match &self.screen {
            Screen::Login(_) | Screen::Account(_) => true,
            Screen::Customers(customers) => customers.is_typing(),
            Screen::Policies(policies) => policies.is_typing(),
            Screen::Claims(claims) => claims.is_typing(),
            Screen::Reconcile(reconcile) => reconcile.is_typing(),
            Screen::Staff(staff) => staff.is_typing(),
            Screen::Settings(settings) => settings.is_typing(),
            Screen::Health(health) => health.table.is_filtering(),
            Screen::Audit(audit) => audit.is_typing(),
            Screen::Home(_) | Screen::Charts(_) => false,
        }
    }

    pub fn update(&mut self, msg: Msg) -> Vec<Cmd> {
        if !matches!(msg, Msg::Tick(_)) {
            self.dirty = true;
        }
        match msg {
            Msg::Key(key) => {
                self.last_input = self.now;
                self.on_key(key)
            }
            Msg::Paste(text) => {
                self.last_input = self.now;
                self.on_paste(&text)
            }
            Msg::Resize => Vec::new(),
            Msg::Tick(now) => self.on_tick(now),
            Msg::Terminate => self.begin_quit(),
            Msg::LoggedIn { request, result } => self.on_logged_in(request, result),
            Msg::LoggedOut { then_quit } => {
                if self.session.is_none() {
                    self.connection = Connection::NotConnected;
                }
                if then_quit {
                    self.quit = true;
                }
                Vec::new()
            }
            Msg::FiguresLoaded { request, result } => {
                let lost = result
                    .as_ref()
                    .err()
                    .is_some_and(crate::db::error::is_connection_problem);
                if let Screen::Home(home) = &mut self.screen
                    && home.request.is_latest(request)
                {
                    match result {
                        Ok(figures) => home.figures = Remote::Loaded(figures),
                        Err(error) if lost && home.figures.loaded().is_some() => drop(error),
                        Err(error) => {
                            home.figures = Remote::Failed(crate::db::error::message(&error))
                        }
                    }
                }
                self.note_connection(lost)
            }
            Msg::HealthLoaded { request, result } => {
                let lost = result
                    .as_ref()
                    .err()
                    .is_some_and(crate::db::error::is_connection_problem);
                let lang = self.lang;
                if let Screen::Health(health) = &mut self.screen
                    && health.request.is_latest(request)
                {
                    match result {
                        Ok(checks) => health.loaded(checks, lang),
                        Err(error) if lost && health.checks.loaded().is_some() => drop(error),
                        Err(error) => {
                            health.checks = Remote::Failed(crate::db::error::message(&error))
                        }
                    }
                }
                self.note_connection(lost)
            }
            Msg::HistoryLoaded { request, result } => {
                let lost = result
                    .as_ref()
                    .err()
                    .is_some_and(crate::db::error::is_connection_problem);
                if let Some(Overlay::History(pane)) = &mut self.overlay {
                    pane.loaded(request, result);
                }
                self.note_connection(lost)
            }
            Msg::PasswordChanged { request, result } => {
                let saved = result.is_ok();
                if let Screen::Account(account) = &mut self.screen {
                    account.changed(request, result);
                }
                if saved {
                    self.show(msg!("account-password-saved"), Tone::Success);
                }
                Vec::new()
            }
            Msg::LanguageSaved { result } => {
                match result {
                    Ok(lang) => {
                        if let Some(session) = &mut self.session {
                            session.staff.preferred_language = lang.code().to_string();
                        }
                        self.show(msg!("language-saved"), Tone::Success);
                    }
                    Err(error) => self.show(crate::db::error::message(&error), Tone::Error),
                }
                Vec::new()
            }
            Msg::Pinged { result } => self.on_pinged(result),
            Msg::SessionEnded { reason } => self.on_session_ended(&reason),
            Msg::Customers(result) => self.on_customers(*result),
            Msg::Policies(result) => self.on_policies(*result),
            Msg::Claims(result) => self.on_claims(*result),
            Msg::ClaimsListening => self.on_claims_live(|claims, _| claims.on_listening()),
            Msg::ClaimsChanged(ids) => self.on_claims_live(|claims, _| claims.on_changed(&ids)),
            Msg::ClaimsListenStopped(error) => {
                self.on_claims_live(|claims, env| claims.on_listen_stopped(error.as_ref(), env))
            }
            Msg::Reconcile(result) => self.on_reconcile(*result),
            Msg::Staff(result) => self.on_staff(*result),
            Msg::Audit(result) => {
                let (lang, calendar) = (self.lang, self.calendar);
                let outcome = match &mut self.screen {
                    Screen::Audit(audit) => audit.on_msg(*result, lang, calendar),
                    _ => return Vec::new(),
                };
                self.audit_outcome(outcome)
            }
            Msg::Charts(result) => {
                let outcome = match &mut self.screen {
                    Screen::Charts(charts) => charts.on_msg(*result),
                    _ => return Vec::new(),
                };
                self.charts_outcome(outcome)
            }
            Msg::Settings(result) => self.on_settings(*result),
            Msg::UnlockChecked { request, result } => {
                if let Some(Overlay::Lock(lock)) = &mut self.overlay
                    && lock.request == request
                {
                    match result {
                        Ok(()) => self.overlay = None,
                        Err(error) => {
                            lock.checking = false;
                            lock.error = Some(error.message());
                            lock.form.clear(0);
                        }
                    }
                }
                Vec::new()
            }
        }
    }

    pub fn today(&self) -> chrono::NaiveDate {
        self.fixed_today
            .unwrap_or_else(|| crate::i18n::format::bangkok_date(Utc::now()))
    }

    /// What the customer screen needs to handle a key or a result.
    fn customers_env(&self) -> customers::Env {
        customers::Env {
            lang: self.lang,
            calendar: self.calendar,
            today: self.today(),
        }
    }

    /// Turns what the customer screen produced into commands and a message.
    fn customers_outcome(&mut self, outcome: customers::Outcome) -> Vec<Cmd> {
        if let Some(jump) = outcome.jump {
            return self.jump_to_policies(jump);
        }
        if let Some(notice) = outcome.notice {
            let tone = if notice.good {
                Tone::Success
            } else {
                Tone::Error
            };
            self.show(notice.message, tone);
        }
        self.screen_cmds(outcome.lost_connection, outcome.cmds, |pool, cmd| {
            Cmd::Customers { pool, cmd }
        })
    }

    /// Opens the policy screen for the customer screen's work, keeping the customer
    /// screen to come back to.
    fn jump_to_policies(&mut self, jump: customers::Jump) -> Vec<Cmd> {
        let Some(session) = &self.session else {
            return Vec::new();
        };
        let screen_id = match jump {
            customers::Jump::Policy(_) => ScreenId::Policy,
            customers::Jump::IssueFor(_) => ScreenId::Issue,
        };
        if !access::may_open(&session.staff.groups, screen_id) {
            let message = self.forbidden(screen_id);
            self.show(message, Tone::Error);
            return Vec::new();
        }
        let quote_only = !session.staff.groups.contains(&GroupRole::Underwriter);
        let mut screen =
            PoliciesScreen::new(policies::Tab::Issue, self.today(), quote_only, self.lang);
        let outcome = match jump {
            customers::Jump::Policy(id) => screen.open_elsewhere_policy(id),
            customers::Jump::IssueFor(choice) => screen.open_elsewhere_issue(choice, self.today()),
        };
        let previous = std::mem::replace(&mut self.screen, Screen::Policies(Box::new(screen)));
        self.stashed = Some(previous);
        self.policies_outcome(outcome)
    }

    fn policies_env(&self) -> policies::Env {
        policies::Env {
            lang: self.lang,
            calendar: self.calendar,
            today: self.today(),
        }
    }

    /// Turns what the policy screen produced into commands and a message.
    fn policies_outcome(&mut self, outcome: policies::Outcome) -> Vec<Cmd> {
        if outcome.leave {
            match self.stashed.take() {
                Some(previous) => {
                    self.screen = previous;
                    return self.reload_screen();
                }
                None => return self.back(),
            }
        }
        if let Some(notice) = outcome.notice {
            let tone = if notice.good {
                Tone::Success
            } else {
                Tone::Error
            };
            self.show(notice.message, tone);
        }
        let data_dir = self.data_dir.clone();
        self.screen_cmds(outcome.lost_connection, outcome.cmds, |pool, cmd| {
            Cmd::Policies {
                pool,
                cmd,
                data_dir: data_dir.clone(),
            }
        })
    }

    fn on_policies(&mut self, msg: policies::work::PoliciesMsg) -> Vec<Cmd> {
        let env = self.policies_env();
        let Screen::Policies(screen) = &mut self.screen else {
            return Vec::new();
        };
        let outcome = screen.on_msg(msg, env);
        self.policies_outcome(outcome)
    }

    fn claims_env(&self) -> claims::Env {
        claims::Env {
            lang: self.lang,
            calendar: self.calendar,
            now: self.now,
            clock: Utc::now(),
        }
    }

    /// Turns what the claim screen produced into commands and a message.
    fn claims_outcome(&mut self, outcome: claims::Outcome) -> Vec<Cmd> {
        if let Some(notice) = outcome.notice {
            self.show(notice.message, notice.tone);
        }
        let mut cmds = Vec::new();
        if outcome.listen
            && let Some(session) = &self.session
        {
            cmds.push(Cmd::ListenClaims {
                pool: session.pool.clone(),
            });
        }
        cmds.extend(
            self.screen_cmds(outcome.lost_connection, outcome.cmds, |pool, cmd| {
                Cmd::Claims { pool, cmd }
            }),
        );
        cmds
    }

    fn on_claims(&mut self, msg: claims::work::ClaimsMsg) -> Vec<Cmd> {
        let env = self.claims_env();
        let Screen::Claims(screen) = &mut self.screen else {
            return Vec::new();
        };
        let outcome = screen.on_msg(msg, env);
        self.claims_outcome(outcome)
    }

    /// News from the claims listener, for the claim screen if it is still open.
    fn on_claims_live(
        &mut self,
        handle: impl FnOnce(&mut ClaimsScreen, claims::Env) -> claims::Outcome,
    ) -> Vec<Cmd> {
        let env = self.claims_env();
        let Screen::Claims(screen) = &mut self.screen else {
            return Vec::new();
        };
        let outcome = handle(screen, env);
        self.claims_outcome(outcome)
    }

    fn reconcile_env(&self) -> reconcile::Env {
        reconcile::Env {
            lang: self.lang,
            calendar: self.calendar,
            today: self.today(),
            clock: Utc::now(),
        }
    }

    /// Turns what the finance screen produced into commands and a message.
    fn reconcile_outcome(&mut self, outcome: reconcile::Outcome) -> Vec<Cmd> {
        if let Some(notice) = outcome.notice {
            self.show(notice.message, notice.tone);
        }
        let data_dir = self.data_dir.clone();
        self.screen_cmds(outcome.lost_connection, outcome.cmds, |pool, cmd| {
            Cmd::Reconcile {
                pool,
                cmd,
                data_dir: data_dir.clone(),
            }
        })
    }

    fn on_reconcile(&mut self, msg: reconcile::work::ReconcileMsg) -> Vec<Cmd> {
        let env = self.reconcile_env();
        let Screen::Reconcile(screen) = &mut self.screen else {
            return Vec::new();
        };
        let outcome = screen.on_msg(msg, env);
        self.reconcile_outcome(outcome)
    }

    fn audit_outcome(&mut self, outcome: audit::Outcome) -> Vec<Cmd> {
        self.screen_cmds(outcome.lost_connection, outcome.cmds, |pool, cmd| {
            Cmd::Audit { pool, cmd }
        })
    }

    fn charts_outcome(&mut self, outcome: charts::Outcome) -> Vec<Cmd> {
        self.screen_cmds(outcome.lost_connection, outcome.cmds, |pool, cmd| {
            Cmd::Charts { pool, cmd }
        })
    }

    fn staff_env(&self) -> staff::Env {
        staff::Env {
            lang: self.lang,
            calendar: self.calendar,
        }
    }

    /// Turns what the staff screen produced into commands and a message.
    fn staff_outcome(&mut self, outcome: staff::Outcome) -> Vec<Cmd> {
        if let Some(notice) = outcome.notice {
            self.show(notice.message, notice.tone);
        }
        self.screen_cmds(outcome.lost_connection, outcome.cmds, |pool, cmd| {
            Cmd::Staff { pool, cmd }
        })
    }

    fn on_staff(&mut self, msg: staff::work::StaffMsg) -> Vec<Cmd> {
        let env = self.staff_env();
        let Screen::Staff(screen) = &mut self.screen else {
            return Vec::new();
        };
        let outcome = screen.on_msg(msg, env);
        self.staff_outcome(outcome)
    }

    fn settings_env(&self) -> settings::Env {
        settings::Env {
            lang: self.lang,
            calendar: self.calendar,
            today: self.today(),
        }
    }

    /// Turns what the settings screen produced into commands and a message.
    fn settings_outcome(&mut self, outcome: settings::Outcome) -> Vec<Cmd> {
        if let Some(notice) = outcome.notice {
            self.show(notice.message, notice.tone);
        }
        self.screen_cmds(outcome.lost_connection, outcome.cmds, |pool, cmd| {
            Cmd::Settings { pool, cmd }
        })
    }

    fn on_settings(&mut self, msg: settings::work::SettingsMsg) -> Vec<Cmd> {
        let env = self.settings_env();
        let Screen::Settings(screen) = &mut self.screen else {
            return Vec::new();
        };
        let outcome = screen.on_msg(msg, env);
        self.settings_outcome(outcome)
    }

    fn on_customers(&mut self, msg: customers::work::CustomersMsg) -> Vec<Cmd> {
        let env = self.customers_env();
        let Screen::Customers(screen) = &mut self.screen else {
            return Vec::new();
        };
        let outcome = screen.on_msg(msg, env);
        self.customers_outcome(outcome)
    }

    fn show(&mut self, message: Message, tone: Tone) {
        self.toast = Some(Toast {
            message,
            tone,
            until: self.now + TOAST_FOR,
        });
    }

    // ---- time ----

    fn on_tick(&mut self, now: Instant) -> Vec<Cmd> {
        self.now = now;
        self.tick += 1;
        if self.is_animating() {
            self.dirty = true;
        }
        if self.toast.as_ref().is_some_and(|t| now >= t.until) {
            self.toast = None;
            self.dirty = true;
        }
        let Some(session) = &self.session else {
            return Vec::new();
        };
        if session.expires_at <= Utc::now() {
            self.dirty = true;
            return self.log_out(msg!("login-session-expired"), "EXPIRED");
        }
        let pool = session.pool.clone();
        let session_id = session.session_id.clone();
        let mut cmds = self.claims_tick(now);
        if !matches!(self.overlay, Some(Overlay::Lock(_)))
            && now.duration_since(self.last_input) >= self.idle_lock_after
        {
            self.lock();
        }
        if now >= self.next_ping && !self.ping_in_flight {
            self.ping_in_flight = true;
            cmds.push(Cmd::Ping { pool, session_id });
        }
        cmds
    }

    /// The claim screen listens again a while after its live updates stopped.
    fn claims_tick(&mut self, now: Instant) -> Vec<Cmd> {
        let Screen::Claims(screen) = &mut self.screen else {
            return Vec::new();
        };
        let outcome = screen.on_tick(now);
        self.claims_outcome(outcome)
    }

    fn is_animating(&self) -> bool {
        match &self.screen {
            Screen::Login(login) => login.status == super::screens::login::LoginStatus::Connecting,
            Screen::Home(home) => home.figures.is_loading(),
            Screen::Health(health) => health.checks.is_loading(),
            Screen::Account(account) => {
                account.status == super::screens::account::SaveStatus::Saving
            }
            Screen::Customers(customers) => customers.is_busy(),
            Screen::Policies(policies) => policies.is_busy(),
            Screen::Claims(claims) => claims.is_busy(),
            Screen::Reconcile(reconcile) => reconcile.is_busy(),
            Screen::Staff(staff) => staff.is_busy(),
            Screen::Settings(settings) => settings.is_busy(),
            Screen::Audit(audit) => audit.is_busy(),
            Screen::Charts(charts) => charts.is_busy(),
        }
    }

    fn lock(&mut self) {
        self.dirty = true;
        self.overlay = Some(Overlay::Lock(Lock {
            form: Form::new(vec![Field::secret(key!("login-password"))]),
            checking: false,
            error: None,
            request: 0,
        }));
    }

    /// A screen's commands, each with the session's pool, after noting a lost connection
    /// (no session: nothing to run).
    fn screen_cmds<C>(
        &mut self,
        lost_connection: bool,
        screen_cmds: Vec<C>,
        wrap: impl Fn(PgPool, C) -> Cmd,
    ) -> Vec<Cmd> {
        let mut cmds = self.note_connection(lost_connection);
        if let Some(session) = &self.session {
            cmds.extend(
                screen_cmds
                    .into_iter()
                    .map(|cmd| wrap(session.pool.clone(), cmd)),
            );
        }
        cmds
    }

    fn note_connection(&mut self, lost: bool) -> Vec<Cmd> {
        if lost && self.connection == Connection::Online {
            self.connection = Connection::Lost;
            self.next_ping = self.now + RETRY_EVERY;
        }
        Vec::new()
    }

    /// The answer to a connection check; the next check is timed from it, so a server
    /// that does not answer never has several checks waiting on it.
    fn on_pinged(&mut self, result: Result<(), sqlx::Error>) -> Vec<Cmd> {
        self.ping_in_flight = false;
        let lost = result
            .as_ref()
            .err()
            .is_some_and(crate::db::error::is_connection_problem);
        self.next_ping = self.now + if lost { RETRY_EVERY } else { PING_EVERY };
        match result {
            Ok(()) => {
                let was_lost = self.connection == Connection::Lost;
                if self.session.is_some() {
                    self.connection = Connection::Online;
                }
                if was_lost {
                    self.show(msg!("connection-restored"), Tone::Success);
                    return self.reload_screen();
                }
                Vec::new()
            }
            Err(_) if lost => {
                if self.session.is_some() {
                    self.connection = Connection::Lost;
                }
                Vec::new()
            }
            Err(error) => {
                tracing::warn!("ping: {error}");
                Vec::new()
            }
        }
    }

    /// The session was ended from elsewhere: back to the login screen, never carrying on
    /// in it over the pool's new connection.
    fn on_session_ended(&mut self, reason: &str) -> Vec<Cmd> {
        self.ping_in_flight = false;
        let notice = match reason {
            "ADMIN_ENDED" => msg!("login-session-ended-by-admin"),
            "DISABLED" => msg!("login-error-disabled"),
            _ => msg!("login-session-expired"),
        };
        self.log_out(notice, "ENDED")
    }

    // ---- logging in and out ----

    fn on_logged_in(
        &mut self,
        request: u64,
        result: Result<LoggedIn, crate::db::session::LoginError>,
    ) -> Vec<Cmd> {
        let outcome = match &mut self.screen {
            Screen::Login(login) => login.finished(request, result),
            _ => match result {
                Ok(stale) => LoginOutcome::Superseded(stale),
                Err(_) => LoginOutcome::Failed,
            },
        };
        let logged_in = match outcome {
            LoginOutcome::Accepted(logged_in) => logged_in,
            LoginOutcome::Superseded(stale) => {
                return vec![Cmd::LogOut {
                    pool: stale.pool,
                    replicas: None,
                    session_id: stale.session_id,
                    reason: "SUPERSEDED",
                    then_quit: false,
                }];
            }
            LoginOutcome::Failed => return Vec::new(),
        };
        if let Some(lang) = Lang::parse(&logged_in.staff.preferred_language)
            && lang != self.lang
        {
            self.lang = lang;
        }
        let name = logged_in.staff.display_name();
        let reads = crate::db::replica::ReadRouter::new(&logged_in.pool, &self.target.replicas);
        self.session = Some(Session {
            reads,
            staff: logged_in.staff,
            pool: logged_in.pool,
            session_id: logged_in.session_id,
            expires_at: logged_in.expires_at,
        });
        self.connection = Connection::Online;
        self.next_ping = self.now + PING_EVERY;
        self.last_input = self.now;
        self.show(msg!("login-welcome", name = name), Tone::Success);
        self.go(ScreenId::Home)
    }

    /// Ends the session and returns to the login screen with `notice`.
    fn log_out(&mut self, notice: Message, reason: &'static str) -> Vec<Cmd> {
        let Some(session) = self.session.take() else {
            return Vec::new();
        };
        let mut login = LoginScreen::new();
        login.notice = Some(notice);
        login
            .form
            .set_value(super::screens::login::USERNAME, &session.staff.username);
        login.form.focus = super::screens::login::PASSWORD;
        self.screen = Screen::Login(login);
        self.overlay = None;
        self.connection = Connection::NotConnected;
        vec![Cmd::LogOut {
            pool: session.pool,
            replicas: session.reads,
            session_id: session.session_id,
            reason,
            then_quit: false,
        }]
    }

    /// Quits: with a session, end it first (the LoggedOut message finishes the quit).
    fn begin_quit(&mut self) -> Vec<Cmd> {
        self.overlay = None;
        match self.session.take() {
            Some(session) => {
                self.quitting = true;
                vec![Cmd::LogOut {
                    pool: session.pool,
                    replicas: session.reads,
                    session_id: session.session_id,
                    reason: "QUIT",
                    then_quit: true,
                }]
            }
            None => {
                self.quit = true;
                Vec::new()
            }
        }
    }

    fn request_quit(&mut self) -> Vec<Cmd> {
        if self.screen.has_unsaved_input() {
            self.overlay = Some(Overlay::Confirm(ConfirmAction::Quit));
            Vec::new()
        } else {
            self.begin_quit()
        }
    }

    // ---- navigation ----

    /// Opens a screen, if this person may. Nothing else changes the screen.
    pub fn go(&mut self, screen: ScreenId) -> Vec<Cmd> {
        let Some(session) = &self.session else {
            self.show(msg!("palette-log-in-first"), Tone::Error);
            return Vec::new();
        };
        if !access::may_open(&session.staff.groups, screen) {
            let message = self.forbidden(screen);
            self.show(message, Tone::Error);
            return Vec::new();
        }
        self.overlay = None;
        if screen == ScreenId::Claims && matches!(self.screen, Screen::Claims(_)) {
            // Already there: a new screen would start a second listener beside this one's.
            return self.reload_screen();
        }
        self.stashed = None;
        self.screen = match screen {
            ScreenId::Home => Screen::Home(HomeScreen::new(&session.staff.groups)),
            ScreenId::Customers => Screen::Customers(Box::new(CustomersScreen::new(
                self.data_dir.join("exports"),
            ))),
            ScreenId::Issue | ScreenId::Quotes | ScreenId::Renewals | ScreenId::Policy => {
                let quote_only = !session.staff.groups.contains(&GroupRole::Underwriter);
                Screen::Policies(Box::new(PoliciesScreen::new(
                    policies::Tab::of(screen),
                    self.today(),
                    quote_only,
                    self.lang,
                )))
            }
            ScreenId::Claims => {
                let groups = &session.staff.groups;
                let surveyor =
                    groups.contains(&GroupRole::Surveyor) && !groups.contains(&GroupRole::Adjuster);
                Screen::Claims(Box::new(ClaimsScreen::new(
                    surveyor,
                    session.staff.authority_limit,
                )))
            }
            ScreenId::Reconcile => Screen::Reconcile(Box::default()),
            ScreenId::Staff => Screen::Staff(Box::default()),
            ScreenId::Settings => Screen::Settings(Box::new(SettingsScreen::new(
                session.staff.groups.contains(&GroupRole::Admin),
            ))),
            ScreenId::Account => Screen::Account(AccountScreen::new()),
            ScreenId::Health => Screen::Health(HealthScreen::new()),
            ScreenId::Audit => Screen::Audit(Box::default()),
            ScreenId::Charts => Screen::Charts(Box::new(ChartsScreen::new(&session.staff.groups))),
        };
        self.reload_screen()
    }

    /// The sentence for a screen this person's roles may not open.
    fn forbidden(&self, screen: ScreenId) -> Message {
        let roles: Vec<String> = self
            .groups()
            .iter()
            .map(|g| crate::i18n::role_name(self.lang, *g))
            .collect();
        msg!(
            "palette-forbidden",
            role = roles.join(", "),
            screen = crate::i18n::text(self.lang, access::entry(screen).title, &[])
        )
    }

    /// Starts loading what the current screen shows.
    fn reload_screen(&mut self) -> Vec<Cmd> {
        let Some(session) = &self.session else {
            return Vec::new();
        };
        match &mut self.screen {
            Screen::Home(home) => {
                home.figures = Remote::Loading;
                vec![Cmd::LoadFigures {
                    request: home.request.issue(),
                    pool: session.pool.clone(),
                    groups: session.staff.groups.clone(),
                }]
            }
            Screen::Health(health) => {
                if health.checks.loaded().is_none() {
                    health.checks = Remote::Loading;
                }
                vec![Cmd::LoadHealth {
                    request: health.request.issue(),
                    pool: session.pool.clone(),
                }]
            }
            Screen::Customers(customers) => {
                let cmds = customers.reload();
                self.customers_outcome(customers::Outcome {
                    cmds,
                    ..customers::Outcome::default()
                })
            }
            Screen::Policies(policies) => {
                let cmds = policies.reload();
                self.policies_outcome(policies::Outcome {
                    cmds,
                    ..policies::Outcome::default()
                })
            }
            Screen::Claims(claims) => {
                let outcome = claims.reload();
                self.claims_outcome(outcome)
            }
            Screen::Reconcile(reconcile) => {
                let outcome = reconcile.reload();
                self.reconcile_outcome(outcome)
            }
            Screen::Staff(staff) => {
                let outcome = staff.reload();
                self.staff_outcome(outcome)
            }
            Screen::Settings(settings) => {
                let outcome = settings.reload();
                self.settings_outcome(outcome)
            }
            Screen::Audit(audit) => {
                let outcome = audit.reload();
                self.audit_outcome(outcome)
            }
            Screen::Charts(charts) => {
                let outcome = charts.reload();
                self.charts_outcome(outcome)
            }
            Screen::Login(_) | Screen::Account(_) => Vec::new(),
        }
    }

    fn back(&mut self) -> Vec<Cmd> {
        if self.session.is_none() || matches!(self.screen, Screen::Home(_)) {
            return Vec::new();
        }

        if self.screen.has_unsaved_input() {
            self.overlay = Some(Overlay::Confirm(ConfirmAction::LeaveScreen));
            return Vec::new();
        }
        self.go(ScreenId::Home)
    }

    fn switch_language(&mut self) {
        self.lang = self.lang.other();
        if let Screen::Health(health) = &mut self.screen {
            health.relabel(self.lang);
        }
        let settings_env = self.settings_env();
        if let Screen::Settings(settings) = &mut self.screen {
            settings.relabel(settings_env);
        }
        self.show(msg!("language-switched"), Tone::Info);
    }

    fn save_language(&mut self) -> Vec<Cmd> {
        match &self.session {
            Some(session) => vec![Cmd::SaveLanguage {
                pool: session.pool.clone(),
                lang: self.lang,
            }],
            None => Vec::new(),
        }
    }

    // ---- keys ----

    fn on_key(&mut self, key: KeyEvent) -> Vec<Cmd> {
        if self.quitting {
            return Vec::new();
        }
        if self.overlay.is_some() {
            return self.overlay_key(key);
        }
        let context = self.context();
        let action = self.keymap.action(context, &key);
        if self.is_typing() && edits_text(&key) {
            return self.edit_screen(&Event::Key(key), action);
        }
        match action {
            Some(Action::Quit) => self.request_quit(),
            Some(Action::Help) => {
                self.overlay = Some(Overlay::Help);
                Vec::new()
            }
            Some(Action::About) => {
                self.overlay = Some(Overlay::About);
                Vec::new()
            }
            Some(Action::Palette) => {
                self.overlay = Some(Overlay::Palette(self.palette()));
                Vec::new()
            }
            Some(Action::ToggleLanguage) => {
                self.switch_language();
                Vec::new()
            }
            Some(Action::ToggleCalendar) => {
                self.calendar = self.calendar.toggle();
                Vec::new()
            }
            Some(Action::Back) if !self.screen_takes_back() => self.back(),
            Some(Action::History) => self.open_history(),
            other => self.screen_key(&key, other),
        }
    }

    /// Opens the shared history pane over the screen for the record it has selected.
    fn open_history(&mut self) -> Vec<Cmd> {
        let Some(pool) = self.session.as_ref().map(|s| s.pool.clone()) else {
            return Vec::new();
        };
        let Some(record) = self.screen.selected_record(self.lang, self.calendar) else {
            self.show(msg!("history-nothing-selected"), Tone::Info);
            return Vec::new();
        };
        let (table, id) = (record.table, record.id);
        let mut pane = HistoryPane::new(record);
        let request = pane.request.issue();
        self.overlay = Some(Overlay::History(pane));
        vec![Cmd::LoadHistory {
            request,
            pool,
            table,
            id,
        }]
    }

    /// Esc belongs to the screen while it has something of its own to close.
    fn screen_takes_back(&self) -> bool {
        match &self.screen {
            Screen::Health(health) => health.table.is_filtering(),
            Screen::Customers(customers) => customers.takes_back(),
            Screen::Policies(policies) => policies.takes_back(),
            Screen::Claims(claims) => claims.takes_back(),
            Screen::Reconcile(reconcile) => reconcile.takes_back(),
            Screen::Staff(staff) => staff.takes_back(),
            Screen::Settings(settings) => settings.takes_back(),
            Screen::Audit(audit) => audit.takes_back(),
            _ => false,
        }
    }

    fn on_paste(&mut self, text: &str) -> Vec<Cmd> {
        let event = Event::Paste(text.to_string());
        let typing = self.is_typing();
        match &mut self.overlay {
            Some(Overlay::Palette(palette)) => {
                palette.picker.edit(&event);
            }
            Some(Overlay::Lock(lock)) => {
                lock.form.edit(&event);
            }
            Some(_) => {}
            None if typing => return self.edit_screen(&event, None),
            None => {}
        }
        Vec::new()
    }

    fn edit_screen(&mut self, event: &Event, action: Option<Action>) -> Vec<Cmd> {
        let env = self.customers_env();
        match &mut self.screen {
            Screen::Login(login) => {
                login.form.edit(event);
            }
            Screen::Account(account) => {
                account.form.edit(event);
            }
            Screen::Customers(customers) => {
                let outcome = customers.edit(event, env);
                return self.customers_outcome(outcome);
            }
            Screen::Policies(policies) => {
                let env = policies::Env {
                    lang: env.lang,
                    calendar: env.calendar,
                    today: env.today,
                };
                let outcome = policies.edit(event, action, env);
                return self.policies_outcome(outcome);
            }
            Screen::Claims(claims) => {
                let outcome = claims.edit(event, action);
                return self.claims_outcome(outcome);
            }
            Screen::Reconcile(reconcile) => {
                let outcome = reconcile.edit(event, action);
                return self.reconcile_outcome(outcome);
            }
            Screen::Staff(staff) => {
                let outcome = staff.edit(event, action);
                return self.staff_outcome(outcome);
            }
            Screen::Settings(settings) => {
                let outcome = settings.edit(event);
                return self.settings_outcome(outcome);
            }
            Screen::Health(health) => health.table.filter_key(event, action),
            Screen::Audit(audit) => {
                let outcome = audit.edit(event);
                return self.audit_outcome(outcome);
            }
            Screen::Home(_) | Screen::Charts(_) => {}
        }
        Vec::new()
    }

    fn screen_key(&mut self, key: &KeyEvent, action: Option<Action>) -> Vec<Cmd> {
        let env = self.customers_env();
        let claims_env = self.claims_env();
        let reconcile_env = self.reconcile_env();
        let settings_env = self.settings_env();
        let (lang, calendar) = (self.lang, self.calendar);
        match &mut self.screen {
            Screen::Audit(audit) => {
                let outcome = audit.key(key, action, lang, calendar);
                self.audit_outcome(outcome)
            }
            Screen::Charts(charts) => {
                let outcome = charts.key(key, action);
                self.charts_outcome(outcome)
            }
            Screen::Staff(staff) => {
                let outcome = staff.key(key, action);
                self.staff_outcome(outcome)
            }
            Screen::Settings(settings) => {
                let outcome = settings.key(key, action, settings_env);
                self.settings_outcome(outcome)
            }
            Screen::Claims(claims) => {
                let outcome = claims.key(key, action, claims_env);
                self.claims_outcome(outcome)
            }
            Screen::Reconcile(reconcile) => {
                let outcome = reconcile.key(key, action, reconcile_env);
                self.reconcile_outcome(outcome)
            }
            Screen::Customers(customers) => {
                let outcome = match action {
                    Some(Action::Back) => customers.back(env),
                    _ => customers.key(key, action, env),
                };
                self.customers_outcome(outcome)
            }
            Screen::Policies(policies) => {
                let env = policies::Env {
                    lang: env.lang,
                    calendar: env.calendar,
                    today: env.today,
                };
                let outcome = match action {
                    Some(Action::Back) => policies.back(env),
                    _ => policies.key(key, action, env),
                };
                self.policies_outcome(outcome)
            }
            Screen::Login(login) => {
                match action {
                    Some(Action::NextField) => login.form.next(),
                    Some(Action::PrevField) => login.form.previous(),
                    Some(Action::Submit) => {
                        return login.submit(&self.target).into_iter().collect();
                    }
                    _ => {}
                }
                Vec::new()
            }
            Screen::Home(home) => match action {
                Some(Action::Up) => {
                    home.up();
                    Vec::new()
                }
                Some(Action::Down) => {
                    home.down();
                    Vec::new()
                }
                Some(Action::Open) => match home.chosen() {
                    Some(screen) => self.go(screen),
                    None => Vec::new(),
                },
                Some(Action::Refresh) => self.reload_screen(),
                _ => match key.code {
                    KeyCode::Char(digit) if digit.is_ascii_digit() => match home.numbered(digit) {
                        Some(screen) => self.go(screen),
                        None => Vec::new(),
                    },
                    _ => Vec::new(),
                },
            },
            Screen::Account(account) => {
                let Some(session) = &self.session else {
                    return Vec::new();
                };
                match action {
                    Some(Action::NextField) => account.form.next(),
                    Some(Action::PrevField) => account.form.previous(),
                    Some(Action::Submit) => {
                        return account
                            .submit(&session.staff, &session.pool, &self.target)
                            .into_iter()
                            .collect();
                    }
                    Some(Action::SaveLanguage) => return self.save_language(),
                    _ => {}
                }
                Vec::new()
            }
            Screen::Health(health) => {
                if health.table.is_filtering() {
                    health.table.filter_key(&Event::Key(*key), action);
                    return Vec::new();
                }
                match action {
                    Some(Action::Refresh) => self.reload_screen(),
                    Some(other) => {
                        health.table.act(other);
                        Vec::new()
                    }
                    None => Vec::new(),
                }
            }
        }
    }

    fn overlay_key(&mut self, key: KeyEvent) -> Vec<Cmd> {
        let is_ctrl_c =
            key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
        let action = self.keymap.action(Context::Global, &key);
        let Some(overlay) = self.overlay.take() else {
            return Vec::new();
        };
        match overlay {
            Overlay::Help | Overlay::About => {
                if is_ctrl_c {
                    return self.request_quit();
                }
                Vec::new()
            }
            Overlay::Confirm(confirmed) => match key.code {
                KeyCode::Char('y') | KeyCode::Char('Y') | KeyCode::Enter => match confirmed {
                    ConfirmAction::Quit => self.begin_quit(),
                    ConfirmAction::Logout => self.log_out(msg!("login-logged-out"), "LOGOUT"),
                    ConfirmAction::LeaveScreen => self.go(ScreenId::Home),
                },
                _ => Vec::new(),
            },
            Overlay::History(mut pane) => {
                if is_ctrl_c {
                    return self.request_quit();
                }
                let scrolled = self
                    .keymap
                    .action(Context::History, &key)
                    .is_some_and(|action| pane.act(action));
                if scrolled || action != Some(Action::Back) {
                    self.overlay = Some(Overlay::History(pane));
                }
                Vec::new()
            }
            Overlay::Palette(palette) => self.palette_key(palette, key, action),
            Overlay::Lock(lock) => self.lock_key(lock, key, action, is_ctrl_c),
        }
    }

    fn palette_key(
        &mut self,
        mut palette: Palette,
        key: KeyEvent,
        action: Option<Action>,
    ) -> Vec<Cmd> {
        match key.code {
            KeyCode::Esc => Vec::new(),
            KeyCode::Enter => self.run_palette(palette),
            KeyCode::Tab => {
                palette.picker.complete();
                self.overlay = Some(Overlay::Palette(palette));
                Vec::new()
            }
            KeyCode::Up => {
                palette.picker.up();
                self.overlay = Some(Overlay::Palette(palette));
                Vec::new()
            }
            KeyCode::Down => {
                palette.picker.down();
                self.overlay = Some(Overlay::Palette(palette));
                Vec::new()
            }
            _ if action == Some(Action::Quit) && !edits_text(&key) => self.begin_quit(),
            _ => {
                palette.picker.edit(&Event::Key(key));
                palette.error = None;
                self.overlay = Some(Overlay::Palette(palette));
                Vec::new()
            }
        }
    }

    fn lock_key(
        &mut self,
        mut lock: Lock,
        key: KeyEvent,
        action: Option<Action>,
        is_ctrl_c: bool,
    ) -> Vec<Cmd> {
        if is_ctrl_c {
            return self.begin_quit();
        }
        if action == Some(Action::ToggleLanguage) {
            self.switch_language();
            self.overlay = Some(Overlay::Lock(lock));
            return Vec::new();
        }
        let mut cmds = Vec::new();
        if key.code == KeyCode::Enter && !lock.checking {
            if let Some(session) = &self.session
                && !lock.form.value(0).is_empty()
            {
                self.unlock_requests += 1;
                lock.request = self.unlock_requests;
                lock.checking = true;
                lock.error = None;
                cmds.push(Cmd::CheckUnlock {
                    request: lock.request,
                    options: self
                        .target
                        .options(&session.staff.username, lock.form.value(0)),
                    tried: self.target.described.clone(),
                });
            }
        } else {
            lock.form.edit(&Event::Key(key));
        }
        self.overlay = Some(Overlay::Lock(lock));
        cmds
    }

    /// The palette offers the screens this person may open and the commands.
    fn palette(&self) -> Palette {
        let mut items = Vec::new();
        if self.session.is_some() {
            for entry in ACCESS.iter().filter(|a| {
                a.screen != ScreenId::Policy && access::may_open(self.groups(), a.screen)
            }) {
                items.push(self.palette_item(
                    entry.title,
                    entry.aliases,
                    PaletteCommand::Open(entry.screen),
                ));
            }
        }
        let commands: &[(&'static str, &'static [&'static str], PaletteCommand)] = &[
            (key!("palette-about"), &["about"], PaletteCommand::About),
            (
                key!("palette-help"),
                &["help", "keys"],
                PaletteCommand::Help,
            ),
            (
                key!("palette-language"),
                &["lang", "language"],
                PaletteCommand::Language,
            ),
            (
                key!("palette-calendar"),
                &["calendar", "be", "ce"],
                PaletteCommand::Calendar,
            ),
            (
                key!("palette-quit"),
                &["quit", "exit"],
                PaletteCommand::Quit,
            ),
        ];
        for (title, aliases, command) in commands {
            items.push(self.palette_item(title, aliases, *command));
        }
        if self.session.is_some() {
            items.push(self.palette_item(
                key!("palette-save-language"),
                &["lang save", "save language"],
                PaletteCommand::SaveLanguage,
            ));
            items.push(self.palette_item(
                key!("palette-logout"),
                &["logout", "log out"],
                PaletteCommand::Logout,
            ));
        }
        Palette {
            picker: Picker::new(items),
            error: None,
        }
    }

    fn palette_item(
        &self,
        title: &'static str,
        aliases: &[&str],
        command: PaletteCommand,
    ) -> PickerItem<PaletteCommand> {
        let mut words: Vec<String> = aliases.iter().map(|a| a.to_string()).collect();
        for lang in Lang::ALL {
            words.push(crate::i18n::text(lang, title, &[]));
        }
        PickerItem {
            label: crate::i18n::text(self.lang, title, &[]),
            detail: aliases.first().map(|a| format!(":{a}")).unwrap_or_default(),
            words,
            value: command,
        }
    }

    /// Enter in the palette. A screen this person may not open, typed in full, is named
    /// with the reason; it is never opened.
    fn run_palette(&mut self, mut palette: Palette) -> Vec<Cmd> {
        let typed = palette.picker.query().trim().to_lowercase();
        let forbidden = ACCESS.iter().find(|entry| {
            !access::may_open(self.groups(), entry.screen)
                && (entry.aliases.iter().any(|a| *a == typed)
                    || Lang::ALL
                        .iter()
                        .any(|l| crate::i18n::text(*l, entry.title, &[]).to_lowercase() == typed))
        });
        if let Some(entry) = forbidden {
            palette.error = Some(if self.session.is_some() {
                self.forbidden(entry.screen)
            } else {
                msg!("palette-log-in-first")
            });
            self.overlay = Some(Overlay::Palette(palette));
            return Vec::new();
        }
        let Some(command) = palette.picker.chosen().map(|item| item.value) else {
            palette.error = Some(msg!("palette-unknown", typed = palette.picker.query()));
            self.overlay = Some(Overlay::Palette(palette));
            return Vec::new();
        };
        match command {
            PaletteCommand::Open(screen) => {
                if self.screen.has_unsaved_input() && Some(screen) != self.screen.id() {
                    self.overlay = Some(Overlay::Confirm(ConfirmAction::LeaveScreen));
                    return Vec::new();
                }
                self.go(screen)
            }
            PaletteCommand::About => {
                self.overlay = Some(Overlay::About);
                Vec::new()
            }
            PaletteCommand::Help => {
                self.overlay = Some(Overlay::Help);
                Vec::new()
            }
            PaletteCommand::Language => {
                self.switch_language();
                Vec::new()
            }
            PaletteCommand::SaveLanguage => self.save_language(),
            PaletteCommand::Calendar => {
                self.calendar = self.calendar.toggle();
                Vec::new()
            }
            PaletteCommand::Logout => {
                self.overlay = Some(Overlay::Confirm(ConfirmAction::Logout));
                Vec::new()
            }
            PaletteCommand::Quit => self.request_quit(),
        }
    }
}

/// Keys that edit text in a focused field rather than give a command. Ctrl-C never does.
fn edits_text(key: &KeyEvent) -> bool {
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::Char(_) if plain => true,
        KeyCode::Backspace
        | KeyCode::Delete
        | KeyCode::Left
        | KeyCode::Right
        | KeyCode::Home
        | KeyCode::End => true,
        KeyCode::Char(c) if key.modifiers == KeyModifiers::CONTROL => {
            matches!(c, 'a' | 'e' | 'u' | 'w' | 'k' | 'h' | 'b' | 'f' | 'y')
        }
        _ => false,
    }
}
