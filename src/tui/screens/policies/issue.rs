//! The issue form: a vehicle picked through the jump box, the policy type and cover, the
//! period and payment plan, with the premium priced live beside it as keys are typed.
//! Saving issues the policy, or saves it as a quote with its referrals when a rule says
//! someone with more authority must approve first.

use chrono::NaiveDate;
use crossterm::event::{Event, KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use tui_input::Input;
use tui_input::backend::crossterm::to_input_request;

use super::quote_panel;
use super::work::PoliciesCmd;
use crate::db::policies::{IssueError, IssueOutcome, QuoteContext, VehicleChoice};
use crate::domain::lookup::{Classified, classify};
use crate::domain::policy::{
    PAYMENT_METHODS, PERIODS, PolicyDraft, PolicyField, PolicyInput, field_problem, period_problem,
};
use crate::domain::premium::PolicyType;
use crate::domain::premium::instalments::{PaymentPlan, Remainder};
use crate::domain::premium::ncb::NCB_LADDER;
use crate::domain::premium::rating::{self, Quote};
use crate::i18n::{Lang, Message};
use crate::tui::remote::{Remote, RequestCounter};
use crate::tui::screens::Ui;
use crate::tui::screens::customers::editor::{FormBox, SaveStatus, options};
use crate::tui::screens::customers::labels;
use crate::tui::widgets::form::{ChoiceOption, Field, Form};
use crate::tui::widgets::{modal, spinner};
use crate::{key, msg, tr};

pub const VEHICLE: usize = 0;
pub const TYPE: usize = 1;
pub const SUM_INSURED: usize = 2;
pub const DEDUCTIBLE: usize = 3;
pub const DRIVER_AGE: usize = 4;
pub const THIRD_PARTY_PROPERTY: usize = 5;
pub const THIRD_PARTY_INJURY: usize = 6;
pub const PERSONAL_ACCIDENT: usize = 7;
pub const MEDICAL: usize = 8;
pub const BAIL_BOND: usize = 9;
pub const START: usize = 10;
pub const PERIOD: usize = 11;
pub const NCB: usize = 12;
pub const PLAN: usize = 13;
pub const REMAINDER: usize = 14;
pub const METHOD: usize = 15;
pub const AUTO_RENEWAL: usize = 16;

/// Fields only voluntary cover has.
const VOLUNTARY_ONLY: [usize; 8] = [
    DEDUCTIBLE,
    DRIVER_AGE,
    THIRD_PARTY_PROPERTY,
    THIRD_PARTY_INJURY,
    PERSONAL_ACCIDENT,
    MEDICAL,
    BAIL_BOND,
    NCB,
];

fn index_of(field: PolicyField) -> usize {
    match field {
        PolicyField::Vehicle => VEHICLE,
        PolicyField::SumInsured => SUM_INSURED,
        PolicyField::Deductible => DEDUCTIBLE,
        PolicyField::DriverAge => DRIVER_AGE,
        PolicyField::ThirdPartyProperty => THIRD_PARTY_PROPERTY,
        PolicyField::ThirdPartyInjury => THIRD_PARTY_INJURY,
        PolicyField::PersonalAccident => PERSONAL_ACCIDENT,
        PolicyField::Medical => MEDICAL,
        PolicyField::BailBond => BAIL_BOND,
        PolicyField::Start => START,
        PolicyField::Period => PERIOD,
        PolicyField::Ncb => NCB,
    }
}

fn field_at(index: usize) -> Option<PolicyField> {
    Some(match index {
        SUM_INSURED => PolicyField::SumInsured,
        DEDUCTIBLE => PolicyField::Deductible,
        DRIVER_AGE => PolicyField::DriverAge,
        THIRD_PARTY_PROPERTY => PolicyField::ThirdPartyProperty,
        THIRD_PARTY_INJURY => PolicyField::ThirdPartyInjury,
        PERSONAL_ACCIDENT => PolicyField::PersonalAccident,
        MEDICAL => PolicyField::Medical,
        BAIL_BOND => PolicyField::BailBond,
        START => PolicyField::Start,
        _ => return None,
    })
}

/// The jump box over the form: type a plate, phone, ID or name; pick the vehicle.
#[derive(Debug, Clone, Default)]
pub struct VehiclePicker {
    pub input: Input,
    pub classified: Option<Classified>,
    pub results: Remote<Vec<VehicleChoice>>,
    pub selected: usize,
    pub request: RequestCounter,
}

pub enum PickerOutcome {
    Open(Option<PoliciesCmd>),
    Chosen(VehicleChoice),
    Cancelled,
}

impl VehiclePicker {
    pub fn key(&mut self, key: &KeyEvent) -> PickerOutcome {
        match key.code {
            KeyCode::Esc => return PickerOutcome::Cancelled,
            KeyCode::Enter => {
                return match self.results.loaded().and_then(|r| r.get(self.selected)) {
                    Some(choice) => PickerOutcome::Chosen(choice.clone()),
                    None => PickerOutcome::Open(None),
                };
            }
            KeyCode::Down => {
                let count = self.results.loaded().map_or(0, Vec::len);
                if self.selected + 1 < count {
                    self.selected += 1;
                }
                return PickerOutcome::Open(None);
            }
            KeyCode::Up => {
                self.selected = self.selected.saturating_sub(1);
                return PickerOutcome::Open(None);
            }
            _ => {}
        }
        let changed = to_input_request(&Event::Key(*key))
            .and_then(|request| self.input.handle(request))
            .is_some_and(|change| change.value);
        PickerOutcome::Open(changed.then(|| self.retype()).flatten())
    }

    fn retype(&mut self) -> Option<PoliciesCmd> {
        let classified = classify(self.input.value());
        let cmd = match &classified {
            Classified::Ready(lookup) => {
                self.results = Remote::Loading;
                Some(PoliciesCmd::FindVehicles {
                    request: self.request.issue(),
                    lookup: lookup.clone(),
                })
            }
            _ => {
                self.request.issue();
                self.results = Remote::Idle;
                None
            }
        };
        self.classified = Some(classified);
        self.selected = 0;
        cmd
    }

    pub fn on_results(&mut self, request: u64, result: Result<Vec<VehicleChoice>, Message>) {
        if !self.request.is_latest(request) {
            return;
        }
        self.results = match result {
            Ok(found) => Remote::Loaded(found),
            Err(message) => Remote::Failed(message),
        };
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let popup = modal::centered(area, 84, 18);
        frame.render_widget(Clear, popup);
        let block = Block::bordered().title(Line::styled(
            format!(" {} ", tr!(ui.lang, "policy-pick-vehicle-title")),
            ui.theme.title(),
        ));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        let [input_area, hint_area, list_area] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(inner);
        frame.render_widget(
            Paragraph::new(format!("› {}", self.input.value())),
            input_area,
        );
        frame.set_cursor_position((
            input_area.x + 2 + self.input.visual_cursor() as u16,
            input_area.y,
        ));
        let hint = match &self.classified {
            Some(Classified::NotYet(_, problem)) => {
                Line::styled(problem.text(ui.lang), ui.theme.warning())
            }
            _ => Line::styled(tr!(ui.lang, "policy-pick-vehicle-hint"), ui.theme.muted()),
        };
        frame.render_widget(Paragraph::new(hint), hint_area);
        let lines: Vec<Line> = match &self.results {
            Remote::Idle => Vec::new(),
            Remote::Loading => vec![Line::styled(
                format!("{} {}", spinner(ui.tick), tr!(ui.lang, "policy-searching")),
                ui.theme.muted(),
            )],
            Remote::Failed(message) => {
                vec![Line::styled(message.text(ui.lang), ui.theme.error())]
            }
            Remote::Loaded(found) if found.is_empty() => vec![Line::styled(
                tr!(ui.lang, "policy-no-vehicles"),
                ui.theme.muted(),
            )],
            Remote::Loaded(found) => found
                .iter()
                .enumerate()
                .map(|(i, choice)| {
                    let text = vehicle_label(choice, ui.lang);
                    if i == self.selected {
                        Line::styled(format!("▸ {text}"), ui.theme.selected())
                    } else {
                        Line::from(format!("  {text}"))
                    }
                })
                .collect(),
        };
        frame.render_widget(Paragraph::new(lines), list_area);
    }
}

/// The payment plans as choices of a form field.
pub fn plan_options() -> Vec<ChoiceOption> {
    [
        PaymentPlan::Full,
        PaymentPlan::Installment6,
        PaymentPlan::Installment12,
    ]
    .iter()
    .map(|p| ChoiceOption {
        value: p.as_db().to_string(),
        label: msg!("enum-payment-plan", value = p.as_db()),
    })
    .collect()
}

/// A date as it is typed: day/month/Buddhist year.
pub fn typed_date(date: NaiveDate) -> String {
    use chrono::Datelike;
    format!(
        "{:02}/{:02}/{}",
        date.day(),
        date.month(),
        date.year() + 543
    )
}

/// "กข 1234 กรุงเทพมหานคร · Toyota Corolla 2021 — สมชาย ใจดี"
pub fn vehicle_label(choice: &VehicleChoice, lang: Lang) -> String {
    let province = match lang {
        Lang::Th => &choice.province_name_th,
        Lang::En => &choice.province_name_en,
    };
    format!(
        "{} {} · {} {} {} — {}",
        choice.registration_number,
        province,
        choice.make,
        choice.model,
        choice.year_of_manufacture,
        choice.customer_name
    )
}

/// Where the form stands after saving.
#[derive(Debug, Clone, PartialEq)]
pub enum Done {
    Issued { number: String },
    Referred(IssueOutcome),
}

#[derive(Debug, Clone)]
pub struct IssueForm {
    pub form: Form,
    pub vehicle: Option<VehicleChoice>,
    pub picker: Option<VehiclePicker>,
    pub context: Remote<QuoteContext>,
    pub context_request: RequestCounter,
    /// The start date the loaded rating table was chosen for.
    context_start: Option<NaiveDate>,
    pub status: SaveStatus,
    pub request: RequestCounter,
    /// Asking "issue this policy?" before doing it.
    pub confirming: bool,
    pub done: Option<Done>,
    /// Agents save quotes; underwriters issue.
    pub quote_only: bool,
}

impl IssueForm {
    pub fn new(today: NaiveDate, quote_only: bool, lang: Lang) -> IssueForm {
        let start = typed_date(today + chrono::Duration::days(1));
        let _ = lang;
        let types: Vec<ChoiceOption> = [
            PolicyType::Class1,
            PolicyType::Class2Plus,
            PolicyType::Class2,
            PolicyType::Class3Plus,
            PolicyType::Class3,
            PolicyType::Cmi,
        ]
        .iter()
        .map(|t| ChoiceOption {
            value: t.as_db().to_string(),
            label: labels::policy_type(t.as_db()),
        })
        .collect();
        let periods = PERIODS
            .iter()
            .map(|m| ChoiceOption {
                value: m.to_string(),
                label: msg!("policy-months", months = *m as i64),
            })
            .collect();
        let ncb = NCB_LADDER
            .iter()
            .map(|p| ChoiceOption {
                value: p.to_string(),
                label: msg!("policy-percent", percent = *p as i64),
            })
            .collect();
        let plans = plan_options();
        let remainders = ["FIRST", "LAST"]
            .iter()
            .map(|r| ChoiceOption {
                value: r.to_string(),
                label: msg!("enum-remainder", value = *r),
            })
            .collect();
        let fields = vec![
            Field::pick(key!("policy-vehicle")).in_section(key!("policy-section-vehicle")),
            Field::choice(key!("policy-type"), types).in_section(key!("policy-section-cover")),
            Field::text(key!("policy-sum-insured")),
            Field::text(key!("policy-deductible")),
            Field::text(key!("policy-driver-age"))
                .with_placeholder(msg!("policy-placeholder-driver-age")),
            Field::text(key!("policy-third-party-property")),
            Field::text(key!("policy-third-party-injury")),
            Field::text(key!("policy-personal-accident")).in_section(key!("policy-section-riders")),
            Field::text(key!("policy-medical")),
            Field::text(key!("policy-bail-bond")),
            Field::text(key!("policy-start"))
                .with_placeholder(msg!("policy-placeholder-date"))
                .in_section(key!("policy-section-period")),
            Field::choice(key!("policy-period"), periods),
            Field::choice(key!("policy-ncb"), ncb),
            Field::choice(key!("policy-plan"), plans),
            Field::choice(key!("policy-remainder"), remainders),
            Field::choice(
                key!("policy-method"),
                options(&PAYMENT_METHODS, labels::payment_method),
            ),
            Field::toggle(key!("policy-auto-renewal"), false),
        ];
        let mut form = Form::new(fields);
        let defaults = PolicyInput::new(PolicyType::Class1, &start);
        form.set_value(DEDUCTIBLE, &defaults.deductible);
        form.set_value(THIRD_PARTY_PROPERTY, &defaults.third_party_property);
        form.set_value(THIRD_PARTY_INJURY, &defaults.third_party_injury);
        form.set_value(PERSONAL_ACCIDENT, &defaults.personal_accident);
        form.set_value(MEDICAL, &defaults.medical);
        form.set_value(BAIL_BOND, &defaults.bail_bond);
        form.set_value(START, &start);
        form.set_value(PERIOD, "12");
        form.mark_clean();
        let mut issue = IssueForm {
            form,
            vehicle: None,
            picker: None,
            context: Remote::Idle,
            context_request: RequestCounter::default(),
            context_start: None,
            status: SaveStatus::Editing,
            request: RequestCounter::default(),
            confirming: false,
            done: None,
            quote_only,
        };
        issue.show_fields_of_type();
        issue
    }

    pub fn policy_type(&self) -> PolicyType {
        PolicyType::from_db(self.form.value(TYPE)).unwrap_or(PolicyType::Class1)
    }

    /// CMI has no voluntary cover fields; Class 3 and 3+ have no sum insured.
    fn show_fields_of_type(&mut self) {
        let policy_type = self.policy_type();
        for index in VOLUNTARY_ONLY {
            self.form.set_hidden(index, !policy_type.is_voluntary());
        }
        self.form
            .set_hidden(SUM_INSURED, !policy_type.needs_sum_insured());
        let instalments = self.form.value(PLAN) != PaymentPlan::Full.as_db();
        self.form.set_hidden(REMAINDER, !instalments);
    }

    pub fn is_busy(&self) -> bool {
        self.status == SaveStatus::Saving
    }

    pub fn open_picker(&mut self) {
        if self.form.focus == VEHICLE && !self.is_busy() {
            self.picker = Some(VehiclePicker::default());
        }
    }

    /// A key for the picker over the form.
    pub fn picker_key(&mut self, key: &KeyEvent, today: NaiveDate) -> Option<PoliciesCmd> {
        let picker = self.picker.as_mut()?;
        match picker.key(key) {
            PickerOutcome::Open(cmd) => cmd,
            PickerOutcome::Cancelled => {
                self.picker = None;
                None
            }
            PickerOutcome::Chosen(choice) => {
                self.picker = None;
                self.choose_vehicle(choice, today)
            }
        }
    }

    /// Puts a vehicle on the form and loads what pricing it needs.
    pub fn choose_vehicle(
        &mut self,
        choice: VehicleChoice,
        today: NaiveDate,
    ) -> Option<PoliciesCmd> {
        self.form.set_pick(
            VEHICLE,
            Some(choice.vehicle_id.to_string()),
            vehicle_label(&choice, Lang::Th),
        );
        self.vehicle = Some(choice);
        self.form.mark_touched();
        self.done = None;
        self.context = Remote::Idle;
        self.context_start = None;
        self.form.next();
        self.reload_context(today)
    }

    fn start(&self) -> Option<NaiveDate> {
        crate::domain::thai_date::parse(self.form.value(START)).ok()
    }

    /// The rating table depends on the start date: load again when it changes.
    fn reload_context(&mut self, today: NaiveDate) -> Option<PoliciesCmd> {
        let vehicle = self.vehicle.as_ref()?;
        let start = self.start().filter(|s| *s >= today).unwrap_or(today);
        if self.context_start == Some(start) {
            return None;
        }
        self.context_start = Some(start);
        if self.context.loaded().is_none() {
            self.context = Remote::Loading;
        }
        Some(PoliciesCmd::LoadQuoteContext {
            request: self.context_request.issue(),
            vehicle_id: vehicle.vehicle_id,
            start,
        })
    }

    pub fn on_context(&mut self, request: u64, result: Result<QuoteContext, IssueError>) {
        if !self.context_request.is_latest(request) {
            return;
        }
        self.context = match result {
            Ok(context) => Remote::Loaded(context),
            Err(error) => Remote::Failed(error.message()),
        };
    }

    pub fn edit(&mut self, event: &Event, today: NaiveDate) -> Option<PoliciesCmd> {
        if self.is_busy() || self.confirming {
            return None;
        }
        if !self.form.edit(event) {
            return None;
        }
        self.done = None;
        if self.status != SaveStatus::Saving {
            self.status = SaveStatus::Editing;
        }
        let focus = self.form.focus;
        self.show_fields_of_type();
        let input = self.input(today);
        if let Some(field) = field_at(focus) {
            let problem = field_problem(&input, field, today);
            self.form.set_error(focus, problem);
        }
        if focus == PERIOD || focus == TYPE {
            self.form.set_error(
                PERIOD,
                period_problem(self.policy_type(), input.period_months),
            );
        }
        if focus == START {
            return self.reload_context(today);
        }
        None
    }

    fn input(&self, today: NaiveDate) -> PolicyInput {
        let form = &self.form;
        let text = |index| form.value(index).to_string();
        let mut input = PolicyInput::new(self.policy_type(), &text(START));
        input.customer_id = self.vehicle.as_ref().map(|v| v.customer_id);
        input.vehicle_id = self.vehicle.as_ref().map(|v| v.vehicle_id);
        input.sum_insured = text(SUM_INSURED);
        input.deductible = text(DEDUCTIBLE);
        input.driver_age = text(DRIVER_AGE);
        input.third_party_property = text(THIRD_PARTY_PROPERTY);
        input.third_party_injury = text(THIRD_PARTY_INJURY);
        input.personal_accident = text(PERSONAL_ACCIDENT);
        input.medical = text(MEDICAL);
        input.bail_bond = text(BAIL_BOND);
        input.period_months = form.value(PERIOD).parse().unwrap_or(12);
        input.ncb_percent = if self.policy_type().earns_ncb() {
            form.value(NCB).parse().unwrap_or(0)
        } else {
            0
        };
        input.payment_plan = PaymentPlan::from_db(form.value(PLAN)).unwrap_or(PaymentPlan::Full);
        input.remainder = if form.value(REMAINDER) == "LAST" {
            Remainder::Last
        } else {
            Remainder::First
        };
        input.payment_method = text(METHOD);
        input.auto_renewal = form.is_on(AUTO_RENEWAL);
        let _ = today;
        input
    }

    /// The draft as it stands, if it is complete and valid.
    fn draft(&self, today: NaiveDate) -> Result<PolicyDraft, Vec<(PolicyField, Message)>> {
        PolicyDraft::parse(&self.input(today), today)
    }

    /// The premium for what the form says now, priced here with the loaded rating table:
    /// the same engine the server prices with when issuing.
    pub fn live_quote(&self, today: NaiveDate) -> Option<Result<Quote, Message>> {
        let context = self.context.loaded()?;
        let draft = self.draft(today).ok()?;
        Some(
            rating::quote(&context.table, &context.vehicle.risk(&draft))
                .map_err(|problem| problem.message()),
        )
    }

    /// Checks the form; when it is valid, asks for confirmation.
    pub fn submit(&mut self, today: NaiveDate) {
        if self.is_busy() {
            return;
        }
        self.form.clear_errors();
        match self.draft(today) {
            Ok(_) => match self.live_quote(today) {
                Some(Ok(_)) => self.confirming = true,
                Some(Err(problem)) => self.status = SaveStatus::Failed(problem),
                None => self.status = SaveStatus::Failed(msg!("policy-quote-not-ready")),
            },
            Err(problems) => {
                for (field, problem) in problems {
                    let index = index_of(field);
                    if self.form.fields[index].error.is_none() {
                        self.form.set_error(index, Some(problem));
                    }
                }
                self.form.focus_first_error();
                self.status = SaveStatus::Failed(msg!("customers-form-has-errors"));
            }
        }
    }

    /// The person confirmed: issue (or save the quote).
    pub fn confirm(&mut self, today: NaiveDate) -> Option<PoliciesCmd> {
        self.confirming = false;
        let draft = self.draft(today).ok()?;
        self.status = SaveStatus::Saving;
        Some(PoliciesCmd::Issue {
            request: self.request.issue(),
            draft: Box::new(draft),
            quote_only: self.quote_only,
        })
    }

    pub fn on_issued(
        &mut self,
        request: u64,
        result: Result<IssueOutcome, IssueError>,
    ) -> Option<(Message, bool)> {
        if !self.request.is_latest(request) {
            return None;
        }
        match result {
            Ok(IssueOutcome::Issued { policy_number, .. }) => {
                self.status = SaveStatus::Editing;
                self.form.mark_clean();
                let message = msg!("policy-issued", number = policy_number.as_str());
                self.done = Some(Done::Issued {
                    number: policy_number,
                });
                Some((message, true))
            }
            Ok(outcome) => {
                self.status = SaveStatus::Editing;
                self.form.mark_clean();
                let message = match &outcome {
                    IssueOutcome::Referred {
                        quote_number,
                        referrals,
                        ..
                    } if !referrals.is_empty() => {
                        msg!("policy-referred", number = quote_number.as_str())
                    }
                    IssueOutcome::Quoted { quote_number, .. }
                    | IssueOutcome::Referred { quote_number, .. } => {
                        msg!("policy-quote-saved", number = quote_number.as_str())
                    }
                    IssueOutcome::Issued { .. } => return None,
                };
                self.done = Some(Done::Referred(outcome));
                Some((message, true))
            }
            Err(IssueError::Overlap(existing)) => {
                let message = IssueError::Overlap(existing).message();
                self.form.set_error(TYPE, Some(message.clone()));
                self.form.focus = TYPE;
                self.status = SaveStatus::Failed(message.clone());
                Some((message, false))
            }
            Err(error) => {
                let message = error.message();
                self.status = SaveStatus::Failed(message.clone());
                Some((message, false))
            }
        }
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let [form_area, quote_area] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                .areas(area);
        let title = if self.quote_only {
            tr!(ui.lang, "policy-quote-title")
        } else {
            tr!(ui.lang, "policy-issue-title")
        };
        FormBox {
            title: &title,
            form: &self.form,
            status: &self.status,
            conflict: None,
            active: self.picker.is_none() && !self.confirming,
            keys: if self.quote_only {
                key!("policy-quote-keys")
            } else {
                key!("policy-issue-keys")
            },
        }
        .render(frame, form_area, ui);
        self.render_quote(frame, quote_area, ui);
        if let Some(picker) = &self.picker {
            picker.render(frame, area, ui);
        }
        if self.confirming {
            self.render_confirmation(frame, ui);
        }
    }

    fn render_quote(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let block = Block::bordered().title(Line::styled(
            format!(" {} ", tr!(ui.lang, "policy-quote-panel")),
            ui.theme.title(),
        ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let mut lines: Vec<Line> = Vec::new();
        if let Some(done) = &self.done {
            lines.extend(done_lines(done, ui));
            lines.push(Line::from(""));
        }
        let today = ui.today;
        match (&self.context, self.live_quote(today)) {
            (Remote::Idle, _) => lines.push(Line::styled(
                tr!(ui.lang, "policy-quote-pick-vehicle"),
                ui.theme.muted(),
            )),
            (Remote::Loading, _) => lines.push(Line::styled(
                format!(
                    "{} {}",
                    spinner(ui.tick),
                    tr!(ui.lang, "policy-quote-loading")
                ),
                ui.theme.muted(),
            )),
            (Remote::Failed(message), _) => {
                lines.push(Line::styled(message.text(ui.lang), ui.theme.error()))
            }
            (Remote::Loaded(_), None) => lines.push(Line::styled(
                tr!(ui.lang, "policy-quote-incomplete"),
                ui.theme.muted(),
            )),
            (Remote::Loaded(_), Some(Err(problem))) => {
                lines.push(Line::styled(problem.text(ui.lang), ui.theme.error()))
            }
            (Remote::Loaded(context), Some(Ok(quote))) => {
                let input = self.input(today);
                lines.extend(quote_panel::lines(
                    &quote,
                    context.vehicle.juristic,
                    input.payment_plan,
                    input.remainder,
                    self.start().unwrap_or(today),
                    ui,
                ));
            }
        }
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    }

    fn render_confirmation(&self, frame: &mut Frame, ui: &Ui) {
        let total = self
            .live_quote(ui.today)
            .and_then(Result::ok)
            .map(|q| crate::i18n::money(q.breakdown.total))
            .unwrap_or_default();
        let vehicle = self
            .vehicle
            .as_ref()
            .map(|v| vehicle_label(v, ui.lang))
            .unwrap_or_default();
        let question = if self.quote_only {
            tr!(ui.lang, "policy-confirm-quote")
        } else {
            tr!(ui.lang, "policy-confirm-issue")
        };
        let lines = vec![
            Line::from(question),
            Line::from(""),
            Line::from(format!(
                "{} · {}",
                labels::policy_type(self.policy_type().as_db()).text(ui.lang),
                total
            )),
            Line::from(vehicle),
            Line::from(""),
            Line::styled(tr!(ui.lang, "policy-confirm-keys"), ui.theme.muted()),
        ];
        modal::framed(
            frame,
            &tr!(ui.lang, "policy-confirm-title"),
            lines,
            ui.theme,
        );
    }
}

fn done_lines(done: &Done, ui: &Ui) -> Vec<Line<'static>> {
    match done {
        Done::Issued { number } => vec![Line::styled(
            tr!(ui.lang, "policy-issued", number = number.as_str()),
            ui.theme.success(),
        )],
        Done::Referred(IssueOutcome::Referred {
            quote_number,
            referrals,
            ..
        }) if !referrals.is_empty() => {
            let mut lines = vec![Line::styled(
                tr!(ui.lang, "policy-referred", number = quote_number.as_str()),
                ui.theme.warning(),
            )];
            for referral in referrals {
                lines.push(Line::from(format!(
                    "• {} — {}",
                    tr!(
                        ui.lang,
                        "enum-referral-rule",
                        value = referral.rule.as_str()
                    ),
                    referral.reason
                )));
            }
            lines
        }
        Done::Referred(
            IssueOutcome::Quoted { quote_number, .. } | IssueOutcome::Referred { quote_number, .. },
        ) => vec![Line::styled(
            tr!(
                ui.lang,
                "policy-quote-saved",
                number = quote_number.as_str()
            ),
            ui.theme.success(),
        )],
        Done::Referred(IssueOutcome::Issued { .. }) => Vec::new(),
    }
}
