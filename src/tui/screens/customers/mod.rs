//! Customer lookup, for every role: one jump box over every identifier, the customer 360,
//! and the forms for customers, vehicles, DLT checks and consents, with the record history
//! and the PDPA rights. What is offered follows the rights the database reports for the
//! person (`db::rights`); the database refuses the rest anyway.

pub mod consent_form;
pub mod customer_form;
pub mod detail;
pub mod editor;
pub mod labels;
pub mod search;
pub mod vehicle_form;
pub mod view360;
pub mod work;

use std::path::PathBuf;

use chrono::NaiveDate;
use crossterm::event::{Event, KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use tui_input::Input;
use tui_input::backend::crossterm::to_input_request;
use uuid::Uuid;

use crate::db::lookup::Matched;
use crate::db::rights::CustomerRights;
use crate::i18n::{Calendar, Lang, Message};
use crate::tui::keymap::{Action, Context};
use crate::tui::remote::Remote;
use crate::tui::screens::Ui;
use crate::tui::widgets::history::RecordRef;
use crate::tui::widgets::modal;
use crate::{msg, tr};

use consent_form::{ConsentEditor, WithdrawDialog};
use customer_form::CustomerEditor;
use detail::DetailPane;
use editor::{SaveStatus, refusal};
use search::SearchPane;
use vehicle_form::{DltEditor, VehicleEditor};
use view360::{CustomerPane, Focus, Tab};
use work::{CustomersCmd, CustomersMsg, Saved};

/// The word to type before anonymising a customer.
pub const ANONYMIZE_WORD: &str = "ANONYMIZE";

#[derive(Debug, Clone)]
pub struct AnonymizeDialog {
    pub id: Uuid,
    pub name: String,
    pub input: Input,
    pub busy: bool,
    pub error: Option<Message>,
}

#[derive(Debug, Clone)]
pub enum Overlay {
    Detail(DetailPane),
    Customer(Box<CustomerEditor>),
    Vehicle(Box<VehicleEditor>),
    Dlt(DltEditor),
    Consent(ConsentEditor),
    Withdraw(WithdrawDialog),
    Anonymize(AnonymizeDialog),
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

/// Work that belongs to another screen: the application opens it, and Esc there comes
/// back here.
#[derive(Debug, Clone, PartialEq)]
pub enum Jump {
    /// Everything about one policy.
    Policy(Uuid),
    /// The issue form, for this vehicle.
    IssueFor(crate::db::policies::VehicleChoice),
}

/// What handling a key or a result produced.
#[derive(Debug, Default)]
pub struct Outcome {
    pub cmds: Vec<CustomersCmd>,
    pub notice: Option<Notice>,
    /// The result said the server cannot be reached.
    pub lost_connection: bool,
    pub jump: Option<Jump>,
}

impl Outcome {
    fn cmd(cmd: CustomersCmd) -> Outcome {
        Outcome {
            cmds: vec![cmd],
            ..Outcome::default()
        }
    }

    fn cmds(cmds: impl IntoIterator<Item = CustomersCmd>) -> Outcome {
        Outcome {
            cmds: cmds.into_iter().collect(),
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
pub struct CustomersScreen {
    pub rights: Remote<CustomerRights>,
    pub search: SearchPane,
    /// The customer open, if one is.
    pub customer: Option<CustomerPane>,
    pub overlay: Option<Overlay>,
    /// Where PDPA exports are written.
    pub export_dir: PathBuf,
    /// Esc once on a changed form asks; twice leaves it.
    discard_armed: bool,
}

impl CustomersScreen {
    pub fn new(export_dir: PathBuf) -> CustomersScreen {
        CustomersScreen {
            rights: Remote::Loading,
            search: SearchPane::new(),
            customer: None,
            overlay: None,
            export_dir,
            discard_armed: false,
        }
    }

    fn rights(&self) -> CustomerRights {
        self.rights.loaded().copied().unwrap_or_default()
    }

    /// Whether this person reads full national IDs (until the rights are in, assume so:
    /// the search then fails for those who do not, rather than finding nothing).
    fn full_national_id(&self) -> bool {
        self.rights.loaded().is_none_or(|r| r.read_national_id)
    }

    /// The keymap context: the forms have their own keys.
    pub fn context(&self) -> Context {
        match &self.overlay {
            Some(
                Overlay::Customer(_)
                | Overlay::Vehicle(_)
                | Overlay::Dlt(_)
                | Overlay::Consent(_)
                | Overlay::Withdraw(_)
                | Overlay::Anonymize(_),
            ) => Context::CustomerForm,
            _ => Context::Customers,
        }
    }

    /// Whether printable keys type (into the jump box or a form).
    pub fn is_typing(&self) -> bool {
        match &self.overlay {
            Some(Overlay::Detail(_)) => false,
            Some(_) => true,
            None => self.customer.is_none(),
        }
    }

    pub fn has_unsaved_input(&self) -> bool {
        match &self.overlay {
            Some(Overlay::Customer(editor)) => editor.form.is_dirty(),
            Some(Overlay::Vehicle(editor)) => editor.form.is_dirty(),
            Some(Overlay::Dlt(editor)) => editor.form.is_dirty(),
            Some(Overlay::Consent(editor)) => editor.form.is_dirty(),
            _ => false,
        }
    }

    pub fn is_busy(&self) -> bool {
        self.search.results.is_loading()
            || self.customer.as_ref().is_some_and(|c| c.data.is_loading())
            || match &self.overlay {
                Some(Overlay::Customer(editor)) => editor.is_busy(),
                Some(Overlay::Vehicle(editor)) => editor.is_busy(),
                Some(Overlay::Dlt(editor)) => editor.status == SaveStatus::Saving,
                Some(Overlay::Consent(editor)) => editor.status == SaveStatus::Saving,
                Some(Overlay::Withdraw(dialog)) => dialog.status == SaveStatus::Saving,
                Some(Overlay::Anonymize(dialog)) => dialog.busy,
                _ => false,
            }
    }

    /// What to load on opening the screen, or to refresh it.
    pub fn reload(&mut self) -> Vec<CustomersCmd> {
        let mut cmds = vec![CustomersCmd::LoadRights];
        if let Some(cmd) = self.reload_customer() {
            cmds.push(cmd);
        }
        if let Some(cmd) = self.search.refresh(self.full_national_id()) {
            cmds.push(cmd);
        }
        cmds
    }

    fn reload_customer(&mut self) -> Option<CustomersCmd> {
        let rights = self.rights.loaded().copied()?;
        let pane = self.customer.as_mut()?;
        Some(CustomersCmd::Load {
            request: pane.request.issue(),
            id: pane.id,
            rights,
        })
    }

    fn open_customer(&mut self, id: Uuid, select: Option<(Tab, String)>) -> Option<CustomersCmd> {
        let mut pane = CustomerPane::new(id);
        pane.select_after_load = select;
        self.customer = Some(pane);
        self.overlay = None;
        self.reload_customer()
    }

    // ---- typing ----

    /// A key that edits text, or a paste: for the open form or the jump box.
    pub fn edit(&mut self, event: &Event, env: Env) -> Outcome {
        self.discard_armed = false;
        let full_national_id = self.full_national_id();
        match &mut self.overlay {
            Some(Overlay::Customer(editor)) => {
                if editor.duplicates.is_some() {
                    return Outcome::default();
                }
                match (&mut editor.picker, event) {
                    (Some(_), Event::Key(key)) => editor.picker_key(key, env.lang),
                    (Some(picker), Event::Paste(text)) => picker.paste(text),
                    _ => editor.edit(event, env.today),
                }
            }
            Some(Overlay::Vehicle(editor)) => match (&mut editor.picker, event) {
                (Some(_), Event::Key(key)) => editor.picker_key(key, env.lang),
                (Some(picker), Event::Paste(text)) => picker.paste(text),
                _ => editor.edit(event, env.today),
            },
            Some(Overlay::Dlt(editor)) => editor.edit(event),
            Some(Overlay::Consent(editor)) => editor.edit(event),
            Some(Overlay::Withdraw(dialog)) => dialog.edit(event),
            Some(Overlay::Anonymize(dialog)) => {
                if let Some(request) = to_input_request(event) {
                    dialog.input.handle(request);
                    dialog.error = None;
                } else if let Event::Paste(text) = event {
                    for c in text.chars() {
                        dialog.input.handle(tui_input::InputRequest::InsertChar(c));
                    }
                }
            }
            Some(Overlay::Detail(_)) => {}
            None => {
                if self.customer.is_none()
                    && let Some(cmd) = self.search.edit(event, full_national_id)
                {
                    return Outcome::cmd(cmd);
                }
            }
        }
        Outcome::default()
    }

    // ---- keys ----

    /// Esc belongs to the screen while it has something to close or clear.
    pub fn takes_back(&self) -> bool {
        self.overlay.is_some() || self.customer.is_some() || !self.search.input.value().is_empty()
    }

    /// Esc: close the picker, the dialog or the form (a changed form asks first), then
    /// the customer, then empty the box.
    pub fn back(&mut self, env: Env) -> Outcome {
        let escape = KeyEvent::from(KeyCode::Esc);
        let unsaved = self.has_unsaved_input();
        match &mut self.overlay {
            Some(Overlay::Customer(editor)) if editor.picker.is_some() => {
                editor.picker_key(&escape, env.lang);
                return Outcome::default();
            }
            Some(Overlay::Vehicle(editor)) if editor.picker.is_some() => {
                editor.picker_key(&escape, env.lang);
                return Outcome::default();
            }
            Some(Overlay::Customer(editor)) if editor.duplicates.is_some() => {
                editor.dismiss_duplicates();
                return Outcome::default();
            }
            Some(_) if unsaved && !self.discard_armed => {
                self.discard_armed = true;
                return Outcome::notice(msg!("customers-discard-again"), false);
            }
            Some(_) => {
                self.overlay = None;
                self.discard_armed = false;
                return Outcome::default();
            }
            None => {}
        }
        if self.customer.take().is_some() {
            return Outcome::default();
        }
        self.search.clear();
        Outcome::default()
    }

    /// A key that is not typing: moving, opening, and the commands of the 360.
    pub fn key(&mut self, key: &KeyEvent, action: Option<Action>, env: Env) -> Outcome {
        self.discard_armed = false;
        if self.overlay.is_some() {
            return self.overlay_key(key, action, env);
        }
        if action == Some(Action::NewCustomer) {
            return self.new_customer();
        }
        match &self.customer {
            None => self.search_key(action),
            Some(_) => self.customer_key(action, env),
        }
    }

    fn new_customer(&mut self) -> Outcome {
        if !self.rights().create_customers {
            return Outcome::notice(msg!("customers-not-allowed"), false);
        }
        self.overlay = Some(Overlay::Customer(Box::default()));
        Outcome::default()
    }

    fn search_key(&mut self, action: Option<Action>) -> Outcome {
        let full_national_id = self.full_national_id();
        let hits = self.search.hits().len();
        let table = &mut self.search.table;
        match action {
            Some(Action::Open) => match self.search.chosen() {
                Some((id, matched)) => {
                    let select = match matched {
                        Some(Matched::Policy { number, .. }) => Some((Tab::Policies, number)),
                        Some(Matched::Claim { number, .. }) => Some((Tab::Claims, number)),
                        Some(Matched::Vehicle { plate, .. }) => Some((Tab::Vehicles, plate)),
                        _ => None,
                    };
                    Outcome::cmds(self.open_customer(id, select))
                }
                None => Outcome::default(),
            },
            Some(Action::PageDown) if table.selected_index().is_none_or(|i| i + 1 >= hits) => {
                Outcome::cmds(self.search.turn_page(true, full_national_id))
            }
            Some(Action::PageUp) if table.selected_index().is_none_or(|i| i == 0) => {
                Outcome::cmds(self.search.turn_page(false, full_national_id))
            }
            Some(Action::Refresh) => Outcome::cmds(self.search.refresh(full_national_id)),
            Some(
                other @ (Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::First
                | Action::Last),
            ) => {
                table.act(other);
                Outcome::default()
            }
            _ => Outcome::default(),
        }
    }

    fn customer_key(&mut self, action: Option<Action>, env: Env) -> Outcome {
        let rights = self.rights();
        let Some(pane) = &mut self.customer else {
            return Outcome::default();
        };
        match action {
            Some(Action::NextPane) => pane.cycle(true),
            Some(Action::PrevPane) => pane.cycle(false),
            Some(Action::Search) => self.customer = None,
            Some(Action::Refresh) => return Outcome::cmds(self.reload_customer()),
            Some(
                other @ (Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::First
                | Action::Last
                | Action::Sort),
            ) => {
                if let Focus::Tab(tab) = pane.focus {
                    pane.table_mut(tab).act(other);
                }
            }
            Some(Action::Open) if pane.focus == Focus::Tab(Tab::Policies) => {
                if let Some(id) = pane.selected_id() {
                    return Outcome {
                        jump: Some(Jump::Policy(id)),
                        ..Outcome::default()
                    };
                }
            }
            Some(Action::NewPolicy) if pane.focus == Focus::Tab(Tab::Vehicles) => {
                if let Some(choice) = pane.selected_vehicle_choice() {
                    return Outcome {
                        jump: Some(Jump::IssueFor(choice)),
                        ..Outcome::default()
                    };
                }
            }
            Some(Action::Open) => {
                if let Some((title, fields)) = pane.detail(env.lang, env.calendar) {
                    self.overlay = Some(Overlay::Detail(DetailPane { title, fields }));
                }
            }
            Some(Action::Edit) => return self.edit_selected(rights, env),
            Some(Action::New) => return self.new_record(rights),
            Some(Action::Verify) => return self.verify_vehicle(rights, env),
            Some(Action::Withdraw) => return self.withdraw_consent(rights),
            Some(Action::Reveal) => return self.reveal(rights),
            Some(Action::Export) => return self.export(rights),
            Some(Action::Anonymize) => return self.anonymize(rights),
            _ => {}
        }
        Outcome::default()
    }

    /// The record whose history `h` shows: the selected vehicle, policy or consent, or
    /// the customer. None while a form is open or nothing is loaded, or without the right.
    pub fn selected_record(&self, lang: Lang, calendar: Calendar) -> Option<RecordRef> {
        if !matches!(self.overlay, None | Some(Overlay::Detail(_))) || !self.rights().read_history {
            return None;
        }
        let pane = self.customer.as_ref()?;
        let profile = pane.profile()?;
        Some(match pane.selected() {
            Some((tab, id)) => {
                let title = pane
                    .detail(lang, calendar)
                    .map(|(title, _)| title)
                    .unwrap_or_default();
                RecordRef::new(tab.table_name(), id, title)
            }
            None => RecordRef::new("customers", profile.id, profile.name_th()),
        })
    }

    fn edit_selected(&mut self, rights: CustomerRights, env: Env) -> Outcome {
        let Some(pane) = &self.customer else {
            return Outcome::default();
        };
        match pane.focus {
            Focus::Profile => {
                let Some(profile) = pane.profile() else {
                    return Outcome::default();
                };
                if !rights.edit_customers {
                    return Outcome::notice(msg!("customers-not-allowed"), false);
                }
                if profile.deleted_at.is_some() {
                    return Outcome::notice(msg!("customers-anonymised-read-only"), false);
                }
                self.overlay = Some(Overlay::Customer(Box::new(CustomerEditor::editing(
                    profile, env.lang,
                ))));
            }
            Focus::Tab(Tab::Vehicles) => {
                let Some(vehicle) = pane.selected_vehicle() else {
                    return Outcome::default();
                };
                if !rights.edit_vehicles {
                    return Outcome::notice(msg!("customers-not-allowed"), false);
                }
                self.overlay = Some(Overlay::Vehicle(Box::new(VehicleEditor::editing(
                    pane.id, vehicle, env.lang,
                ))));
            }
            Focus::Tab(_) => return Outcome::notice(msg!("customers-edit-where"), false),
        }
        Outcome::default()
    }

    fn new_record(&mut self, rights: CustomerRights) -> Outcome {
        let Some(pane) = &self.customer else {
            return Outcome::default();
        };
        if pane.profile().is_some_and(|p| p.deleted_at.is_some()) {
            return Outcome::notice(msg!("customers-anonymised-read-only"), false);
        }
        match pane.focus {
            Focus::Profile | Focus::Tab(Tab::Vehicles) => {
                if !rights.edit_vehicles {
                    return Outcome::notice(msg!("customers-not-allowed"), false);
                }
                self.overlay = Some(Overlay::Vehicle(Box::new(VehicleEditor::new(pane.id))));
            }
            Focus::Tab(Tab::Consents) => {
                if !rights.record_consents {
                    return Outcome::notice(msg!("customers-not-allowed"), false);
                }
                let latest = pane
                    .data
                    .loaded()
                    .and_then(|d| d.consents.as_ref())
                    .and_then(|c| c.iter().max_by_key(|c| c.given_at))
                    .map(|c| c.consent_text_version.clone());
                self.overlay = Some(Overlay::Consent(ConsentEditor::new(
                    pane.id,
                    latest.as_deref(),
                )));
            }
            Focus::Tab(_) => return Outcome::notice(msg!("customers-new-where"), false),
        }
        Outcome::default()
    }

    fn verify_vehicle(&mut self, rights: CustomerRights, env: Env) -> Outcome {
        let Some(vehicle) = self.customer.as_ref().and_then(|p| p.selected_vehicle()) else {
            return Outcome::notice(msg!("customers-choose-vehicle"), false);
        };
        if !rights.verify_vehicles {
            return Outcome::notice(msg!("customers-not-allowed"), false);
        }
        self.overlay = Some(Overlay::Dlt(DltEditor::new(vehicle, env.lang)));
        Outcome::default()
    }

    fn withdraw_consent(&mut self, rights: CustomerRights) -> Outcome {
        let Some(consent) = self.customer.as_ref().and_then(|p| p.selected_consent()) else {
            return Outcome::notice(msg!("customers-choose-consent"), false);
        };
        if !rights.record_consents {
            return Outcome::notice(msg!("customers-not-allowed"), false);
        }
        if consent.withdrawn_at.is_some() {
            return Outcome::notice(msg!("consent-already-withdrawn"), false);
        }
        self.overlay = Some(Overlay::Withdraw(WithdrawDialog::new(consent)));
        Outcome::default()
    }

    fn reveal(&mut self, rights: CustomerRights) -> Outcome {
        let Some(profile) = self.customer.as_ref().and_then(|p| p.profile()) else {
            return Outcome::default();
        };
        if profile.national_id.is_some() {
            return Outcome::notice(msg!("customers-id-shown-already"), true);
        }
        if !rights.reveal_national_id {
            return Outcome::notice(msg!("customers-not-allowed"), false);
        }
        Outcome::cmd(CustomersCmd::Reveal { id: profile.id })
    }

    fn export(&mut self, rights: CustomerRights) -> Outcome {
        let Some(pane) = &self.customer else {
            return Outcome::default();
        };
        if !rights.export_data {
            return Outcome::notice(msg!("customers-not-allowed"), false);
        }
        Outcome {
            cmds: vec![CustomersCmd::Export {
                id: pane.id,
                directory: self.export_dir.clone(),
            }],
            notice: Some(Notice {
                message: msg!("customers-exporting"),
                good: true,
            }),
            lost_connection: false,
            ..Outcome::default()
        }
    }

    fn anonymize(&mut self, rights: CustomerRights) -> Outcome {
        let Some(profile) = self.customer.as_ref().and_then(|p| p.profile()) else {
            return Outcome::default();
        };
        if !rights.anonymize {
            return Outcome::notice(msg!("customers-not-allowed"), false);
        }
        if profile.deleted_at.is_some() {
            return Outcome::notice(msg!("customers-anonymised-already"), false);
        }
        self.overlay = Some(Overlay::Anonymize(AnonymizeDialog {
            id: profile.id,
            name: profile.name_th(),
            input: Input::default(),
            busy: false,
            error: None,
        }));
        Outcome::default()
    }

    fn overlay_key(&mut self, key: &KeyEvent, action: Option<Action>, env: Env) -> Outcome {
        let Some(overlay) = &mut self.overlay else {
            return Outcome::default();
        };
        match overlay {
            Overlay::Detail(_) => Outcome::default(),
            Overlay::Customer(editor) => {
                if editor.picker.is_some() {
                    editor.picker_key(key, env.lang);
                    return Outcome::default();
                }
                if editor.duplicates.is_some() {
                    return match action {
                        Some(Action::Submit | Action::Save) => Outcome::cmds(editor.save_pending()),
                        _ => Outcome::default(),
                    };
                }
                match action {
                    Some(Action::NextField) => editor.form.next(),
                    Some(Action::PrevField) => editor.form.previous(),
                    Some(Action::Save) => return Outcome::cmds(editor.submit(env.today)),
                    Some(Action::Submit) if editor.form.focus_is_pick() => {
                        editor.open_picker(env.lang)
                    }
                    Some(Action::Submit) if editor.form.is_last() => {
                        return Outcome::cmds(editor.submit(env.today));
                    }
                    Some(Action::Submit) => editor.form.next(),
                    _ => {}
                }
                Outcome::default()
            }
            Overlay::Vehicle(editor) => {
                if editor.picker.is_some() {
                    editor.picker_key(key, env.lang);
                    return Outcome::default();
                }
                match action {
                    Some(Action::NextField) => editor.form.next(),
                    Some(Action::PrevField) => editor.form.previous(),
                    Some(Action::Save) => return Outcome::cmds(editor.submit(env.today)),
                    Some(Action::Submit) if editor.form.focus_is_pick() => {
                        editor.open_picker(env.lang)
                    }
                    Some(Action::Submit) if editor.form.is_last() => {
                        return Outcome::cmds(editor.submit(env.today));
                    }
                    Some(Action::Submit) => editor.form.next(),
                    _ => {}
                }
                Outcome::default()
            }
            Overlay::Dlt(editor) => match move_in_form(&mut editor.form, action) {
                true => Outcome::cmds(editor.submit()),
                false => Outcome::default(),
            },
            Overlay::Consent(editor) => match move_in_form(&mut editor.form, action) {
                true => Outcome::cmds(editor.submit()),
                false => Outcome::default(),
            },
            Overlay::Withdraw(dialog) => match action {
                Some(Action::Submit | Action::Save) => Outcome::cmds(dialog.submit()),
                _ => Outcome::default(),
            },
            Overlay::Anonymize(dialog) => match action {
                Some(Action::Submit | Action::Save) if !dialog.busy => {
                    if dialog.input.value().trim() == ANONYMIZE_WORD {
                        dialog.busy = true;
                        Outcome::cmd(CustomersCmd::Anonymize { id: dialog.id })
                    } else {
                        dialog.error =
                            Some(msg!("customers-anonymize-type-word", word = ANONYMIZE_WORD));
                        Outcome::default()
                    }
                }
                _ => Outcome::default(),
            },
        }
    }

    // ---- results ----

    pub fn on_msg(&mut self, msg: CustomersMsg, env: Env) -> Outcome {
        let lost = |error: &sqlx::Error| crate::db::error::is_connection_problem(error);
        match msg {
            CustomersMsg::RightsLoaded(result) => match result {
                Ok(rights) => {
                    self.rights = Remote::Loaded(rights);
                    let reload = match &self.customer {
                        Some(pane) if pane.data.loaded().is_none() => self.reload_customer(),
                        _ => None,
                    };
                    Outcome::cmds(reload)
                }
                Err(error) => {
                    let lost_connection = lost(&error);
                    self.rights = Remote::Failed(crate::db::error::message(&error));
                    Outcome {
                        lost_connection,
                        ..Outcome::default()
                    }
                }
            },
            CustomersMsg::Searched {
                request,
                page,
                result,
            } => {
                let lost_connection = result.as_ref().err().is_some_and(lost);
                self.search.on_results(
                    request,
                    page,
                    result.map_err(|e| crate::db::error::message(&e)),
                );
                self.search.relabel(env.lang, env.calendar);
                Outcome {
                    lost_connection,
                    ..Outcome::default()
                }
            }
            CustomersMsg::Loaded { request, result } => self.on_loaded(request, result, env),
            CustomersMsg::DuplicatesChecked { request, result } => {
                if let Some(Overlay::Customer(editor)) = &mut self.overlay {
                    let cmd = editor
                        .on_duplicates(request, result.map_err(|e| crate::db::error::message(&e)));
                    return Outcome::cmds(cmd);
                }
                Outcome::default()
            }
            CustomersMsg::Saved { request, result } => self.on_saved(request, result),
            CustomersMsg::Revealed { id, result } => match result {
                Ok(revealed) => {
                    if let Some(pane) = &mut self.customer
                        && pane.id == id
                    {
                        pane.revealed = revealed;
                    }
                    Outcome::notice(msg!("customers-id-revealed"), true)
                }
                Err(error) => Outcome::notice(crate::db::error::message(&error), false),
            },
            CustomersMsg::Exported { result } => match result {
                Ok(path) => Outcome::notice(
                    msg!("customers-exported", path = path.display().to_string()),
                    true,
                ),
                Err(message) => Outcome::notice(message, false),
            },
            CustomersMsg::Anonymized { id, result } => {
                if let Some(Overlay::Anonymize(dialog)) = &mut self.overlay {
                    dialog.busy = false;
                }
                match result {
                    Ok(_) => {
                        self.overlay = None;
                        let reload = match &self.customer {
                            Some(pane) if pane.id == id => self.reload_customer(),
                            _ => None,
                        };
                        Outcome {
                            cmds: reload.into_iter().collect(),
                            notice: Some(Notice {
                                message: msg!("customers-anonymized"),
                                good: true,
                            }),
                            lost_connection: false,
                            ..Outcome::default()
                        }
                    }
                    Err(error) => {
                        let message = crate::db::error::message(&error);
                        if let Some(Overlay::Anonymize(dialog)) = &mut self.overlay {
                            dialog.error = Some(message.clone());
                        }
                        Outcome::notice(message, false)
                    }
                }
            }
        }
    }

    fn on_loaded(
        &mut self,
        request: u64,
        result: Result<Option<Box<crate::db::customers::Customer360>>, sqlx::Error>,
        env: Env,
    ) -> Outcome {
        let lost_connection = result
            .as_ref()
            .err()
            .is_some_and(crate::db::error::is_connection_problem);
        let Some(pane) = &mut self.customer else {
            return Outcome::default();
        };
        if !pane.request.is_latest(request) {
            return Outcome::default();
        }
        match result {
            Ok(Some(data)) => {
                // A form beaten by someone else's save shows what they saved.
                if let Some(Overlay::Customer(editor)) = &mut self.overlay
                    && editor.conflict.is_some()
                {
                    editor.show_theirs(&data.profile, env.lang);
                }
                pane.loaded(*data);
                pane.relabel(env.lang, env.calendar, env.today);
            }
            Ok(None) => pane.data = Remote::Failed(msg!("customers-not-visible")),
            Err(error) if lost_connection && pane.data.loaded().is_some() => drop(error),
            Err(error) => pane.data = Remote::Failed(crate::db::error::message(&error)),
        }
        Outcome {
            lost_connection,
            ..Outcome::default()
        }
    }

    fn on_saved(
        &mut self,
        request: u64,
        result: Result<Saved, crate::db::customers::SaveError>,
    ) -> Outcome {
        let latest = match &self.overlay {
            Some(Overlay::Customer(editor)) => editor.request.is_latest(request),
            Some(Overlay::Vehicle(editor)) => editor.request.is_latest(request),
            Some(Overlay::Dlt(editor)) => editor.request.is_latest(request),
            Some(Overlay::Consent(editor)) => editor.request.is_latest(request),
            Some(Overlay::Withdraw(dialog)) => dialog.request.is_latest(request),
            _ => false,
        };
        if !latest {
            return Outcome::default();
        }
        match result {
            Ok(saved) => {
                self.overlay = None;
                let cmd = match (saved.customer, &self.customer) {
                    (Some(id), Some(pane)) if pane.id != id => self.open_customer(id, None),
                    (Some(id), None) => self.open_customer(id, None),
                    _ => self.reload_customer(),
                };
                Outcome {
                    cmds: cmd.into_iter().collect(),
                    notice: Some(Notice {
                        message: msg!("customers-saved"),
                        good: true,
                    }),
                    lost_connection: false,
                    ..Outcome::default()
                }
            }
            Err(error) => {
                let lost_connection = matches!(&error, crate::db::customers::SaveError::Database(e)
                    if crate::db::error::is_connection_problem(e));
                let refused = refusal(error);
                let conflict = matches!(refused, editor::Refusal::Conflict(_));
                match &mut self.overlay {
                    Some(Overlay::Customer(editor)) => editor.refused(refused),
                    Some(Overlay::Vehicle(editor)) => editor.refused(refused),
                    Some(Overlay::Dlt(editor)) => editor.refused(refused),
                    Some(Overlay::Consent(editor)) => editor.refused(refused),
                    Some(Overlay::Withdraw(dialog)) => dialog.refused(refused),
                    _ => {}
                }
                // After a conflict, load what the other person saved to show it.
                let cmds = if conflict {
                    self.reload_customer()
                } else {
                    None
                };
                Outcome {
                    cmds: cmds.into_iter().collect(),
                    lost_connection,
                    ..Outcome::default()
                }
            }
        }
    }

    // ---- drawing ----

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ui: &Ui, active: bool) {
        match &mut self.customer {
            Some(pane) => pane.render(frame, area, ui),
            None => self
                .search
                .render(frame, area, ui, active && self.overlay.is_none()),
        }
        let form_area = modal::centered(area, 96, area.height);
        match &mut self.overlay {
            None => {}
            Some(Overlay::Detail(pane)) => pane.render(frame, area, ui),
            Some(Overlay::Customer(editor)) => editor.render(frame, form_area, ui),
            Some(Overlay::Vehicle(editor)) => editor.render(frame, form_area, ui),
            Some(Overlay::Dlt(editor)) => editor.render(frame, modal::centered(area, 80, 14), ui),
            Some(Overlay::Consent(editor)) => {
                editor.render(frame, modal::centered(area, 80, 15), ui)
            }
            Some(Overlay::Withdraw(dialog)) => {
                dialog.render(frame, modal::centered(area, 72, 7), ui, ui.lang)
            }
            Some(Overlay::Anonymize(dialog)) => render_anonymize(frame, area, dialog, ui),
        }
    }

    /// The keys worth showing in the hint line now: only what this person may do.
    pub fn hints(&self) -> Vec<Action> {
        let rights = self.rights();
        match (&self.overlay, &self.customer) {
            (Some(Overlay::Detail(_)), _) => vec![Action::History, Action::Back],
            (Some(Overlay::Anonymize(_) | Overlay::Withdraw(_)), _) => {
                vec![Action::Submit, Action::Back]
            }
            (Some(_), _) => vec![
                Action::Save,
                Action::NextField,
                Action::Submit,
                Action::Back,
            ],
            (None, None) if rights.create_customers => {
                vec![Action::Open, Action::NewCustomer, Action::Back]
            }
            (None, None) => vec![Action::Open, Action::Back],
            (None, Some(pane)) => {
                let masked = pane.profile().is_some_and(|p| p.national_id.is_none());
                [
                    (Action::NextPane, true),
                    (Action::Open, true),
                    (Action::Edit, rights.edit_customers || rights.edit_vehicles),
                    (Action::New, rights.edit_vehicles || rights.record_consents),
                    (Action::History, rights.read_history),
                    (
                        Action::NewPolicy,
                        pane.focus == Focus::Tab(Tab::Vehicles) && rights.quote_policies,
                    ),
                    (Action::Reveal, rights.reveal_national_id && masked),
                    (Action::Export, rights.export_data),
                    (Action::Search, true),
                ]
                .into_iter()
                .filter(|(_, offered)| *offered)
                .map(|(action, _)| action)
                .collect()
            }
        }
    }
}

/// Tab, Shift-Tab and Enter move through a form; true when it is time to save (Ctrl-S,
/// or Enter on the last field).
fn move_in_form(form: &mut crate::tui::widgets::form::Form, action: Option<Action>) -> bool {
    match action {
        Some(Action::NextField) => form.next(),
        Some(Action::PrevField) => form.previous(),
        Some(Action::Save) => return true,
        Some(Action::Submit) if form.is_last() => return true,
        Some(Action::Submit) => form.next(),
        _ => {}
    }
    false
}

fn render_anonymize(frame: &mut Frame, area: Rect, dialog: &AnonymizeDialog, ui: &Ui) {
    let popup = modal::centered(area, 76, 11);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .border_style(ui.theme.error())
        .title(Line::styled(
            format!(
                " {} ",
                tr!(
                    ui.lang,
                    "customers-anonymize-title",
                    name = dialog.name.clone()
                )
            ),
            ui.theme.error(),
        ));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let mut lines: Vec<Line> = tr!(
        ui.lang,
        "customers-anonymize-explain",
        word = ANONYMIZE_WORD
    )
    .lines()
    .map(|l| Line::raw(l.to_string()))
    .collect();
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled("> ", ui.theme.title()),
        Span::raw(dialog.input.value().to_string()),
    ]));
    let input_row = inner.y + lines.len() as u16 - 1;
    match (&dialog.error, dialog.busy) {
        (_, true) => lines.push(Line::styled(
            format!(
                "{} {}",
                crate::tui::widgets::spinner(ui.tick),
                tr!(ui.lang, "customers-anonymizing")
            ),
            ui.theme.muted(),
        )),
        (Some(error), false) => lines.push(Line::styled(error.text(ui.lang), ui.theme.error())),
        (None, false) => {}
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
        inner,
    );
    frame.set_cursor_position((inner.x + 2 + dialog.input.visual_cursor() as u16, input_row));
}
