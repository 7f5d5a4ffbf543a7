//! Claims, for adjusters (and surveyors, for the claims sent to them): the live queues,
//! take-next, one claim with the actions its status allows, registering a new claim and
//! assessing one. The queues follow other people's changes through the database's
//! notifications (`Cmd::ListenClaims`), keeping the cursor on the claim it was on.

pub mod assessment;
pub mod detail;
pub mod filter;
pub mod fnol;
pub mod prompt;
pub mod queue;
pub mod work;

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use crossterm::event::{Event, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use rust_decimal::Decimal;
use uuid::Uuid;

use crate::db::claims::RegisterError;
use crate::db::customers::SaveError;
use crate::i18n::{Calendar, Lang, Message, date_time, money};
use crate::msg;
use crate::tui::app::Tone;
use crate::tui::keymap::{Action, Context};
use crate::tui::remote::RequestCounter;
use crate::tui::screens::Ui;
use crate::tui::screens::customers::editor::SaveStatus;
use crate::tui::widgets::history::RecordRef;

use assessment::AssessmentOutcome;
use detail::ClaimPane;
use fnol::{FnolForm, FnolOutcome};
use queue::QueuePane;
use work::{ClaimsCmd, ClaimsMsg, Done};

/// How long after the live updates stopped the screen listens again by itself.
pub const LISTEN_RETRY: Duration = Duration::from_secs(5);

/// What the screen needs from the application to handle a key or a result.
#[derive(Debug, Clone, Copy)]
pub struct Env {
    pub lang: Lang,
    pub calendar: Calendar,
    /// The application's clock (ticks), for retrying the live updates.
    pub now: Instant,
    /// The wall clock, for a new claim's default incident time.
    pub clock: DateTime<Utc>,
}

pub use super::Notice;

/// What handling a key or a result produced.
#[derive(Debug, Default)]
pub struct Outcome {
    pub cmds: Vec<ClaimsCmd>,
    pub notice: Option<Notice>,
    /// The result said the server cannot be reached.
    pub lost_connection: bool,
    /// Start listening to the claims channel (`Cmd::ListenClaims`).
    pub listen: bool,
}

impl Outcome {
    fn cmds(cmds: impl IntoIterator<Item = ClaimsCmd>) -> Outcome {
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

    fn with_notice(self, message: Message, tone: Tone) -> Outcome {
        Outcome {
            notice: Some(Notice { message, tone }),
            ..self
        }
    }

    fn lost(self, lost_connection: bool) -> Outcome {
        Outcome {
            lost_connection,
            ..self
        }
    }
}

/// Whether other people's changes reach the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Live {
    /// Not asked yet.
    Off,
    /// Asked; `after_stop` when it stopped before (saying so when it is back).
    Starting {
        after_stop: bool,
    },
    On,
    /// Stopped at that moment; a later tick (or the connection coming back) asks again.
    Stopped {
        since: Instant,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Queue,
    Claim,
}

/// The registration form over the queue, with the numbers of its requests.
pub struct FnolEditor {
    pub form: Box<FnolForm>,
    pub search: RequestCounter,
    pub check: RequestCounter,
    pub write: RequestCounter,
}

impl std::fmt::Debug for FnolEditor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FnolEditor").finish_non_exhaustive()
    }
}

#[derive(Debug)]
pub struct ClaimsScreen {
    pub view: View,
    pub queue: QueuePane,
    pub claim: ClaimPane,
    pub fnol: Option<FnolEditor>,
    pub live: Live,
    /// A surveyor: only their own claims, and nothing but assessing them.
    pub surveyor: bool,
    /// The approval authority of the person logged in.
    pub authority: Decimal,
    sla_asked: bool,
    take: RequestCounter,
}

impl ClaimsScreen {
    pub fn new(surveyor: bool, authority: Decimal) -> ClaimsScreen {
        ClaimsScreen {
            view: View::Queue,
            queue: QueuePane::new(surveyor),
            claim: ClaimPane::default(),
            fnol: None,
            live: Live::Off,
            surveyor,
            authority,
            sla_asked: false,
            take: RequestCounter::default(),
        }
    }

    /// Whether a form or prompt is over the queue or the claim.
    fn form_open(&self) -> bool {
        match self.view {
            View::Queue => self.fnol.is_some() || self.queue.filter_prompt.is_some(),
            View::Claim => self.claim.assessment.is_some() || self.claim.prompt.is_some(),
        }
    }

    pub fn context(&self) -> Context {
        match self.view {
            _ if self.form_open() => Context::ClaimForm,
            View::Queue => Context::ClaimQueue,
            View::Claim => Context::ClaimView,
        }
    }

    /// The claim whose history `h` shows: the one under the cursor in the queue, or the
    /// one open. None while a form or prompt is open.
    pub fn selected_record(&self) -> Option<RecordRef> {
        if self.form_open() {
            return None;
        }
        match self.view {
            View::Queue => {
                let index = self.queue.table.selected_index()?;
                let row = self.queue.rows.loaded()?.get(index)?;
                Some(RecordRef::new("claims", row.id, row.claim_number.clone()))
            }
            View::Claim => {
                let facts = self.claim.facts()?;
                Some(RecordRef::new(
                    "claims",
                    facts.id,
                    facts.claim_number.clone(),
                ))
            }
        }
    }

    /// The actions this person does not have here (hidden from the hints and the help).
    pub fn hidden_actions(&self) -> Vec<Action> {
        if !self.surveyor {
            return Vec::new();
        }
        let mut hidden = vec![Action::TakeNext, Action::Register];
        hidden.extend(
            detail::ACTIONS
                .into_iter()
                .filter(|a| !detail::SURVEYOR_ACTIONS.contains(a)),
        );
        hidden
    }

    /// The keys most worth showing in the hint line.
    pub fn hints(&self) -> Vec<Action> {
        if self.view == View::Queue && self.fnol.is_some() {
            return vec![Action::Save, Action::NextField, Action::Back];
        }
        if self.view == View::Claim && self.claim.assessment.is_some() {
            return vec![
                Action::Save,
                Action::NextField,
                Action::AddRow,
                Action::DeleteRow,
                Action::Back,
            ];
        }
        if self.form_open() {
            return vec![Action::Submit, Action::NextField, Action::Back];
        }
        let mut hints = match self.view {
            View::Queue => vec![
                Action::Open,
                Action::TakeNext,
                Action::Register,
                Action::NextTab,
                Action::Filter,
            ],
            View::Claim => {
                let actions: &[Action] = if self.surveyor {
                    &detail::SURVEYOR_ACTIONS
                } else {
                    &detail::ACTIONS
                };
                let mut allowed: Vec<Action> = actions
                    .iter()
                    .copied()
                    .filter(|a| self.claim.allows(*a))
                    .collect();
                allowed.push(Action::Refresh);
                allowed
            }
        };
        let hidden = self.hidden_actions();
        hints.retain(|a| !hidden.contains(a));
        hints.push(Action::Back);
        hints
    }

    /// Whether printable keys type (into a form, a prompt or the table's filter).
    pub fn is_typing(&self) -> bool {
        match self.view {
            View::Queue => match &self.fnol {
                Some(editor) => editor.form.is_typing(),
                None => self.queue.is_typing(),
            },
            View::Claim => match &self.claim.assessment {
                Some(editor) => editor.form.is_typing(),
                None => self.claim.prompt.is_some(),
            },
        }
    }

    pub fn has_unsaved_input(&self) -> bool {
        let fnol = self
            .fnol
            .as_ref()
            .is_some_and(|e| e.form.has_unsaved_input());
        let assessment = self
            .claim
            .assessment
            .as_ref()
            .is_some_and(|e| e.form.has_unsaved_input());
        let prompt = self
            .claim
            .prompt
            .as_ref()
            .is_some_and(|p| p.form.is_dirty());
        fnol || assessment || prompt
    }

    pub fn is_busy(&self) -> bool {
        matches!(self.live, Live::Starting { .. })
            || self.queue.is_loading()
            || self.claim.is_loading()
            || self
                .claim
                .prompt
                .as_ref()
                .is_some_and(|p| p.status == SaveStatus::Saving)
    }

    /// Esc belongs to the screen while it has something of its own to close.
    pub fn takes_back(&self) -> bool {
        self.view == View::Claim || self.form_open() || self.queue.table.is_filtering()
    }

    pub fn is_live(&self) -> bool {
        self.live == Live::On
    }

    /// What to load when the screen opens, comes back, or the connection returns. When the
    /// live updates are not running they start first, and the load follows once they are
    /// in place (or have failed): no change falls between the two.
    pub fn reload(&mut self) -> Outcome {
        let mut cmds = Vec::new();
        if !self.sla_asked {
            self.sla_asked = true;
            cmds.push(ClaimsCmd::LoadSla);
        }
        let listen = self.start_listening();
        if !listen {
            cmds.extend(self.load_view());
        }
        Outcome {
            listen,
            ..Outcome::cmds(cmds)
        }
    }

    /// Loads what is on screen: the tab, or the claim.
    fn load_view(&mut self) -> Option<ClaimsCmd> {
        match self.view {
            View::Queue => Some(self.queue.reload()),
            View::Claim => self.claim.reload(),
        }
    }

    fn start_listening(&mut self) -> bool {
        let after_stop = match self.live {
            Live::Off => false,
            Live::Stopped { .. } => true,
            Live::Starting { .. } | Live::On => return false,
        };
        self.live = Live::Starting { after_stop };
        true
    }

    /// A tick: listen again a while after the live updates stopped.
    pub fn on_tick(&mut self, now: Instant) -> Outcome {
        match self.live {
            Live::Stopped { since } if now.duration_since(since) >= LISTEN_RETRY => Outcome {
                listen: self.start_listening(),
                ..Outcome::default()
            },
            _ => Outcome::default(),
        }
    }

    /// The listener is in place: what is on screen loads now.
    pub fn on_listening(&mut self) -> Outcome {
        let after_stop = matches!(self.live, Live::Starting { after_stop: true });
        self.live = Live::On;
        let outcome = self.on_changed(&[]);
        if after_stop {
            return outcome.with_notice(msg!("claims-live-resumed"), Tone::Success);
        }
        outcome
    }

    /// The listener stopped (`None`: its connection dropped). What is on screen loads
    /// anyway (it may have waited for the listener; while listening keeps failing, each
    /// retry loads it again), and a tick listens again later.
    pub fn on_listen_stopped(&mut self, error: Option<&sqlx::Error>, env: Env) -> Outcome {
        self.live = Live::Stopped { since: env.now };
        let (message, lost) = match error {
            Some(error) => (
                msg!(
                    "claims-live-stopped",
                    detail = crate::db::error::message(error).text(env.lang)
                ),
                crate::db::error::is_connection_problem(error),
            ),
            None => (msg!("claims-live-dropped"), true),
        };
        self.on_changed(&[])
            .with_notice(message, Tone::Error)
            .lost(lost)
    }

    /// Claims changed (`ids`; none named: any): the tab on screen loads again, and the
    /// claim open when it is one of them.
    pub fn on_changed(&mut self, ids: &[Uuid]) -> Outcome {
        match self.view {
            View::Queue => Outcome::cmds(self.queue.changed()),
            View::Claim => {
                let named = ids.is_empty() || self.claim.id.is_some_and(|id| ids.contains(&id));
                Outcome::cmds(named.then(|| self.claim.changed()).flatten())
            }
        }
    }

    /// Shows one claim; Esc goes back to the queue.
    pub fn open_claim(&mut self, id: Uuid) -> Outcome {
        self.view = View::Claim;
        self.fnol = None;
        Outcome::cmds([self.claim.open(id)])
    }

    fn back_to_queue(&mut self) -> Outcome {
        self.view = View::Queue;
        self.claim.prompt = None;
        self.claim.assessment = None;
        Outcome::cmds([self.queue.reload()])
    }

    /// A key that is not typing (Esc included: the screen closes what is open).
    pub fn key(&mut self, key: &KeyEvent, action: Option<Action>, env: Env) -> Outcome {
        match self.view {
            View::Queue => self.queue_key(key, action, env),
            View::Claim => self.claim_key(key, action, env),
        }
    }

    /// A key or paste while typing.
    pub fn edit(&mut self, event: &Event, action: Option<Action>) -> Outcome {
        match self.view {
            View::Queue if self.fnol.is_some() => return self.fnol_event(event, action),
            View::Claim if self.claim.assessment.is_some() => {
                return self.assessment_event(event, action);
            }
            View::Queue => match &mut self.queue.filter_prompt {
                Some(prompt) => {
                    prompt.form.edit(event);
                }
                None => self.queue.table.filter_key(event, action),
            },
            View::Claim => {
                if let Some(prompt) = &mut self.claim.prompt
                    && prompt.status != SaveStatus::Saving
                {
                    prompt.form.edit(event);
                }
            }
        }
        Outcome::default()
    }

    fn queue_key(&mut self, key: &KeyEvent, action: Option<Action>, env: Env) -> Outcome {
        if self.fnol.is_some() {
            return self.fnol_event(&Event::Key(*key), action);
        }
        if self.queue.filter_prompt.is_some() {
            return self.filter_key(action);
        }
        if self.queue.table.is_filtering() {
            self.queue.table.filter_key(&Event::Key(*key), action);
            return Outcome::default();
        }
        match action {
            Some(Action::Open) => match self.queue.selected_claim() {
                Some(id) => self.open_claim(id),
                None => Outcome::default(),
            },
            Some(Action::TakeNext) if !self.surveyor => Outcome::cmds([ClaimsCmd::TakeNext {
                request: self.take.issue(),
            }]),
            Some(Action::Register) if !self.surveyor => {
                self.fnol = Some(FnolEditor {
                    form: Box::new(FnolForm::new(env.clock, env.lang)),
                    search: RequestCounter::default(),
                    check: RequestCounter::default(),
                    write: RequestCounter::default(),
                });
                Outcome::default()
            }
            Some(Action::TakeNext | Action::Register) => Outcome::default(),
            _ => Outcome::cmds(self.queue.key(key, action, env.lang)),
        }
    }

    fn filter_key(&mut self, action: Option<Action>) -> Outcome {
        let Some(prompt) = &mut self.queue.filter_prompt else {
            return Outcome::default();
        };
        match action {
            Some(Action::Back) => self.queue.filter_prompt = None,
            Some(Action::NextField) => prompt.form.next(),
            Some(Action::PrevField) => prompt.form.previous(),
            Some(Action::Submit | Action::Save) => return Outcome::cmds(self.queue.apply_filter()),
            _ => {}
        }
        Outcome::default()
    }

    fn claim_key(&mut self, key: &KeyEvent, action: Option<Action>, env: Env) -> Outcome {
        if self.claim.assessment.is_some() {
            return self.assessment_event(&Event::Key(*key), action);
        }
        if self.claim.prompt.is_some() {
            return self.prompt_key(action);
        }
        match action {
            Some(Action::Back) => self.back_to_queue(),
            Some(Action::Refresh) => Outcome::cmds(self.claim.reload()),
            Some(action) if detail::ACTIONS.contains(&action) => self.claim_action(action, env),
            Some(other) => {
                self.claim.scroll(other);
                Outcome::default()
            }
            None => Outcome::default(),
        }
    }

    /// An action of the detail: refused in a sentence when the status does not allow it.
    fn claim_action(&mut self, action: Action, env: Env) -> Outcome {
        if self.hidden_actions().contains(&action) {
            return Outcome::default();
        }
        let Some(facts) = self.claim.facts() else {
            return Outcome::notice(msg!("claims-not-loaded"), Tone::Error);
        };
        if !self.claim.allows(action) {
            let status = crate::tui::screens::customers::labels::claim_status(&facts.status);
            return Outcome::notice(
                msg!("claims-not-now", status = status.text(env.lang)),
                Tone::Error,
            );
        }
        let opened = match detail::prompt_kind(action) {
            Some(kind) => self.claim.open_prompt(kind, self.authority),
            None => self.claim.open_assessment(env.lang).map(|()| None),
        };
        match opened {
            Ok(cmd) => Outcome::cmds(cmd),
            Err(message) => Outcome::notice(message, Tone::Error),
        }
    }

    fn prompt_key(&mut self, action: Option<Action>) -> Outcome {
        let Some(prompt) = &mut self.claim.prompt else {
            return Outcome::default();
        };
        match action {
            Some(Action::Back) => self.claim.prompt = None,
            Some(Action::NextField) => prompt.form.next(),
            Some(Action::PrevField) => prompt.form.previous(),
            Some(Action::Submit | Action::Save) if prompt.status != SaveStatus::Saving => {
                let Some(change) = prompt.submit() else {
                    return Outcome::default();
                };
                prompt.status = SaveStatus::Saving;
                return Outcome::cmds([ClaimsCmd::Change {
                    request: self.claim.write.issue(),
                    id: prompt.claim_id,
                    version: prompt.version,
                    change: Box::new(change),
                }]);
            }
            _ => {}
        }
        Outcome::default()
    }

    fn fnol_event(&mut self, event: &Event, action: Option<Action>) -> Outcome {
        let Some(editor) = &mut self.fnol else {
            return Outcome::default();
        };
        let outcome = match event {
            Event::Key(key) => editor.form.key(*key, action),
            Event::Paste(text) => {
                editor.form.paste(text);
                editor.form.take_pending().unwrap_or(FnolOutcome::Nothing)
            }
            _ => FnolOutcome::Nothing,
        };
        match outcome {
            FnolOutcome::Nothing => Outcome::default(),
            FnolOutcome::Cancel => match editor.form.registered() {
                Some(id) => self.open_claim(id),
                None => {
                    self.fnol = None;
                    Outcome::cmds([self.queue.reload()])
                }
            },
            FnolOutcome::FindPolicies(text) => Outcome::cmds([ClaimsCmd::FindPolicies {
                request: editor.search.issue(),
                text,
            }]),
            FnolOutcome::Check(draft) => Outcome::cmds([ClaimsCmd::Check {
                request: editor.check.issue(),
                draft: Box::new(draft),
            }]),
            FnolOutcome::Register(draft) => Outcome::cmds([ClaimsCmd::Register {
                request: editor.write.issue(),
                draft: Box::new(draft),
            }]),
        }
    }

    fn assessment_event(&mut self, event: &Event, action: Option<Action>) -> Outcome {
        let Some(editor) = &mut self.claim.assessment else {
            return Outcome::default();
        };
        let outcome = match event {
            Event::Key(key) => editor.form.key(*key, action),
            Event::Paste(text) => {
                editor.form.paste(text);
                AssessmentOutcome::Nothing
            }
            _ => AssessmentOutcome::Nothing,
        };
        match outcome {
            AssessmentOutcome::Nothing => Outcome::default(),
            AssessmentOutcome::Cancel => {
                self.claim.assessment = None;
                Outcome::default()
            }
            AssessmentOutcome::Save(draft) => Outcome::cmds([ClaimsCmd::SaveAssessment {
                request: self.claim.write.issue(),
                id: editor.claim_id,
                version: editor.version,
                draft: Box::new(draft),
            }]),
        }
    }

    pub fn on_msg(&mut self, msg: ClaimsMsg, env: Env) -> Outcome {
        let lost = |e: &sqlx::Error| crate::db::error::is_connection_problem(e);
        let message = |e: &sqlx::Error| crate::db::error::message(e);
        match msg {
            ClaimsMsg::SlaLoaded { result } => match result {
                Ok(sla) => {
                    self.queue.on_sla(sla);
                    Outcome::default()
                }
                Err(error) => Outcome::default().lost(lost(&error)),
            },
            ClaimsMsg::QueueLoaded { request, result } => {
                let lost_connection = result.as_ref().err().is_some_and(lost);
                let again = self
                    .queue
                    .on_list(request, result.map_err(|e| message(&e)), env.lang);
                Outcome::cmds(again).lost(lost_connection)
            }
            ClaimsMsg::Taken { request, result } => self.on_taken(request, result),
            ClaimsMsg::ClaimLoaded { request, result } => {
                let lost_connection = result.as_ref().err().is_some_and(lost);
                let again = self.claim.on_loaded(
                    request,
                    result
                        .map(|found| found.map(|detail| *detail))
                        .map_err(|e| message(&e)),
                );
                Outcome::cmds(again).lost(lost_connection)
            }
            ClaimsMsg::StaffLoaded { request, result } => {
                let lost_connection = result.as_ref().err().is_some_and(lost);
                self.claim
                    .on_staff(request, result.map_err(|e| message(&e)));
                Outcome::default().lost(lost_connection)
            }
            ClaimsMsg::Changed { request, result } => self.on_change_done(request, result, env),
            ClaimsMsg::AssessmentSaved { request, result } => {
                self.on_assessment_saved(request, result, env)
            }
            ClaimsMsg::PoliciesFound { request, result } => {
                if let Some(editor) = &mut self.fnol
                    && editor.search.is_latest(request)
                {
                    editor
                        .form
                        .on_policies_found(result.map_err(|e| message(&e)));
                }
                Outcome::default()
            }
            ClaimsMsg::Checked { request, result } => {
                if let Some(editor) = &mut self.fnol
                    && editor.check.is_latest(request)
                {
                    editor.form.on_checked(result.map_err(|e| message(&e)));
                }
                Outcome::default()
            }
            ClaimsMsg::Registered { request, result } => self.on_registered(request, result),
        }
    }

    fn on_taken(
        &mut self,
        request: u64,
        result: Result<Option<crate::db::claim_queue::Taken>, sqlx::Error>,
    ) -> Outcome {
        if !self.take.is_latest(request) {
            return Outcome::default();
        }
        match result {
            Ok(Some(taken)) => self.open_claim(taken.id).with_notice(
                msg!("claims-taken", number = taken.claim_number.as_str()),
                Tone::Success,
            ),
            Ok(None) => Outcome::notice(msg!("claims-queue-empty"), Tone::Info),
            Err(error) => Outcome::notice(crate::db::error::message(&error), Tone::Error)
                .lost(crate::db::error::is_connection_problem(&error)),
        }
    }

    fn on_registered(
        &mut self,
        request: u64,
        result: Result<crate::db::claims::Registered, RegisterError>,
    ) -> Outcome {
        let Some(editor) = &mut self.fnol else {
            return Outcome::default();
        };
        if !editor.write.is_latest(request) {
            return Outcome::default();
        }
        let number = result.as_ref().ok().map(|r| r.claim_number.clone());
        let lost_connection = matches!(&result, Err(RegisterError::Database(e)) if crate::db::error::is_connection_problem(e));
        let policy_type = editor
            .form
            .policy()
            .map(|p| p.policy_type.clone())
            .unwrap_or_default();
        editor.form.on_registered(result.map_err(|e| match e {
            RegisterError::NotCovered(problem) => fnol::coverage_message(problem, &policy_type),
            RegisterError::Database(error) => crate::db::error::message(&error),
        }));
        match number {
            Some(number) => {
                Outcome::notice(msg!("claims-registered", number = number), Tone::Success)
            }
            None => Outcome::default().lost(lost_connection),
        }
    }

    /// A prompt's change came back: done (the claim loads again), refused (the prompt
    /// keeps what was typed), or beaten by someone else's change (the same, with the newer
    /// version to go again against).
    fn on_change_done(
        &mut self,
        request: u64,
        result: Result<Done, SaveError>,
        env: Env,
    ) -> Outcome {
        if !self.claim.write.is_latest(request) {
            return Outcome::default();
        }
        let (mut outcome, reload) = match result {
            Ok(done) => {
                self.claim.prompt = None;
                let message = done_message(&done, env.lang);
                (Outcome::notice(message, Tone::Success), true)
            }
            Err(SaveError::Conflict(conflict)) => {
                let message = conflict_message(&conflict, env);
                if let Some(prompt) = &mut self.claim.prompt {
                    prompt.version = conflict.version;
                    prompt.status = SaveStatus::Failed(message.clone());
                }
                (Outcome::notice(message, Tone::Error), true)
            }
            Err(SaveError::Gone) => {
                self.claim.prompt = None;
                (Outcome::notice(msg!("claims-not-found"), Tone::Error), true)
            }
            Err(SaveError::Database(error)) => {
                let message = crate::db::error::message(&error);
                if let Some(prompt) = &mut self.claim.prompt {
                    prompt.status = SaveStatus::Failed(message.clone());
                }
                let lost = crate::db::error::is_connection_problem(&error);
                (Outcome::notice(message, Tone::Error).lost(lost), false)
            }
        };
        if reload {
            outcome.cmds.extend(self.claim.reload());
        }
        outcome
    }

    fn on_assessment_saved(
        &mut self,
        request: u64,
        result: Result<i32, SaveError>,
        env: Env,
    ) -> Outcome {
        if !self.claim.write.is_latest(request) {
            return Outcome::default();
        }
        let Some(editor) = &mut self.claim.assessment else {
            return Outcome::cmds(self.claim.reload());
        };
        let (message, lost_connection) = match result {
            Ok(version) => {
                editor.form.on_saved(Ok(version));
                self.claim.assessment = None;
                let reload = self.claim.reload();
                return Outcome::cmds(reload)
                    .with_notice(msg!("claims-assessment-saved"), Tone::Success);
            }
            Err(SaveError::Conflict(conflict)) => {
                editor.version = conflict.version;
                (conflict_message(&conflict, env), false)
            }
            Err(SaveError::Gone) => (msg!("claims-not-found"), false),
            Err(SaveError::Database(error)) => (
                crate::db::error::message(&error),
                crate::db::error::is_connection_problem(&error),
            ),
        };
        editor.form.on_saved(Err(message.clone()));
        Outcome::cmds(self.claim.reload())
            .with_notice(message, Tone::Error)
            .lost(lost_connection)
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        match self.view {
            View::Queue => match &mut self.fnol {
                Some(editor) => editor.form.render(frame, area, ui),
                None => self.queue.render(frame, area, ui, self.is_live()),
            },
            View::Claim => self.claim.render(frame, area, ui),
        }
    }
}

/// Who changed the claim first, and when; the claim is loaded again.
fn conflict_message(conflict: &crate::db::customers::Conflict, env: Env) -> Message {
    msg!(
        "claims-conflict",
        who = conflict.by.clone().unwrap_or_else(|| "–".into()),
        when = date_time(env.lang, env.calendar, conflict.at)
    )
}

fn done_message(done: &Done, lang: Lang) -> Message {
    match done {
        Done::Moved { to, .. } => msg!(
            "claims-moved",
            status = crate::tui::screens::customers::labels::claim_status(to.as_db()).text(lang)
        ),
        Done::Approval(crate::db::claim_work::ApprovalOutcome::Approved { .. }) => {
            msg!("claims-approved")
        }
        Done::Approval(crate::db::claim_work::ApprovalOutcome::AwaitingApproval {
            authority,
            ..
        }) => msg!("claims-over-authority", authority = money(*authority)),
        Done::Assigned { .. } => msg!("claims-assigned"),
        Done::SurveyorSent { .. } => msg!("claims-surveyor-sent"),
        Done::Settled(settled) => msg!(
            "claims-settled",
            net = money(settled.net_amount),
            reference = settled.payment_reference.as_str()
        ),
    }
}
