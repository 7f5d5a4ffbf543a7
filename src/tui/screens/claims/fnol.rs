//! First notice of loss: find the policy by its number or the car's plate, then say when,
//! what and where, the descriptions, the other party, the police report and an estimate.
//! While the form is valid every change asks for the coverage check and the likely
//! duplicates (the screen runs them), shown beside the form before anything is saved.
//! Registering is refused while the cover is lacking, and asks once more when a likely
//! duplicate exists.

use std::time::Instant;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use tui_input::backend::crossterm::to_input_request;
use tui_input::{Input, InputRequest};

use crate::db::claims::{ClaimCheck, CoverageProblem, PolicyForClaim, Registered};
use crate::db::geo::{Geography, Place};
use crate::domain::claim::{ClaimDraft, ClaimField, ClaimInput};
use crate::domain::claim_flow::ClaimType;
use crate::i18n::format::bangkok_date;
use crate::i18n::{Lang, Message};
use crate::tui::keymap::Action;
use crate::tui::remote::Remote;
use crate::tui::screens::Ui;
use crate::tui::screens::customers::labels;
use crate::tui::widgets::form::{ChoiceOption, Field, Form};
use crate::tui::widgets::picker::{Picker, PickerItem};
use crate::tui::widgets::{modal, spinner, text};
use crate::{key, msg, tr};

pub const POLICY: usize = 0;
pub const DATE: usize = 1;
pub const TIME: usize = 2;
pub const TYPE: usize = 3;
pub const OWN_DAMAGE: usize = 4;
pub const PLACE: usize = 5;
pub const LOCATION: usize = 6;
pub const COORDINATES: usize = 7;
pub const INCIDENT: usize = 8;
pub const DAMAGE: usize = 9;
pub const INJURY: usize = 10;
pub const OTHER_NAME: usize = 11;
pub const OTHER_PLATE: usize = 12;
pub const OTHER_INSURER: usize = 13;
pub const OTHER_PHONE: usize = 14;
pub const POLICE_REPORT: usize = 15;
pub const ESTIMATE: usize = 16;

/// Characters typed before the policy search starts.
pub const SEARCH_FROM: usize = 3;
/// Likely duplicates listed by name; the rest are counted.
const DUPLICATES_SHOWN: usize = 3;

fn field_at(index: usize) -> Option<ClaimField> {
    Some(match index {
        POLICY => ClaimField::Policy,
        DATE => ClaimField::IncidentDate,
        TIME => ClaimField::IncidentTime,
        COORDINATES => ClaimField::Coordinates,
        INCIDENT => ClaimField::IncidentDescription,
        OTHER_PHONE => ClaimField::OtherPartyPhone,
        POLICE_REPORT => ClaimField::PoliceReport,
        ESTIMATE => ClaimField::EstimatedAmount,
        _ => return None,
    })
}

/// What a key, a paste or a result asks of the screen.
#[derive(Debug, Clone, PartialEq)]
pub enum FnolOutcome {
    Nothing,
    /// Close the form (nothing unsaved, or the person said to discard it).
    Cancel,
    /// Find the policies whose number or plate matches (debounced by the screen).
    FindPolicies(String),
    /// Run the coverage check and the duplicate search for this draft (asked again only
    /// when what they read changes: policy, incident time, type, own damage, whether the
    /// other party is named).
    Check(ClaimDraft),
    /// Register the claim.
    Register(ClaimDraft),
}

/// The sentence for a coverage problem, naming the class where it matters.
pub fn coverage_message(problem: CoverageProblem, policy_type: &str) -> Message {
    msg!(
        "fnol-coverage",
        problem = problem.code(),
        class = policy_type
    )
}

/// The sentence for a fraud flag the database raised.
pub fn fraud_flag_message(flag: &str) -> Message {
    msg!("claims-fraud-flag", code = flag)
}

#[derive(Debug, Clone, PartialEq)]
enum Status {
    Editing,
    Saving,
    /// Saving found wrong fields: each says why beside it.
    Invalid,
    Problem(Message),
    Warning(Message),
}

/// The policy box: a policy number or plate, and the policies it finds.
#[derive(Debug, Clone, Default)]
struct PolicySearch {
    input: Input,
    results: Remote<Vec<PolicyForClaim>>,
    selected: usize,
}

impl PolicySearch {
    fn render(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let popup = modal::centered(area, 100, area.height);
        frame.render_widget(Clear, popup);
        let block = Block::bordered().title(Line::styled(
            format!(" {} ", tr!(ui.lang, "fnol-search-title")),
            ui.theme.title(),
        ));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        let [input_area, hint_area, list_area] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(2),
            Constraint::Min(0),
        ])
        .areas(inner);
        let width = input_area.width.saturating_sub(3) as usize;
        let scroll = self.input.visual_scroll(width);
        frame.render_widget(
            Paragraph::new(format!("› {}", self.input.value())).scroll((0, scroll as u16)),
            input_area,
        );
        frame.set_cursor_position((
            input_area.x + 2 + (self.input.visual_cursor().saturating_sub(scroll)) as u16,
            input_area.y,
        ));
        frame.render_widget(
            Paragraph::new(Line::styled(
                tr!(ui.lang, "fnol-search-hint", least = SEARCH_FROM),
                ui.theme.muted(),
            ))
            .wrap(Wrap { trim: true }),
            hint_area,
        );
        let lines: Vec<Line> = match &self.results {
            Remote::Idle => Vec::new(),
            Remote::Loading => vec![Line::styled(
                format!("{} {}", spinner(ui.tick), tr!(ui.lang, "fnol-searching")),
                ui.theme.muted(),
            )],
            Remote::Failed(message) => {
                vec![Line::styled(message.text(ui.lang), ui.theme.error())]
            }
            Remote::Loaded(found) if found.is_empty() => vec![Line::styled(
                tr!(ui.lang, "fnol-no-policies"),
                ui.theme.muted(),
            )],
            Remote::Loaded(found) => {
                // Two lines a policy; keep the chosen one in view.
                let shown = (list_area.height as usize / 2).max(1);
                let first = (self.selected + 1).saturating_sub(shown);
                found
                    .iter()
                    .enumerate()
                    .skip(first)
                    .take(shown)
                    .flat_map(|(i, policy)| {
                        let (top, bottom) = policy_lines(policy, ui);
                        let width = list_area.width.saturating_sub(2) as usize;
                        if i == self.selected {
                            [
                                Line::styled(
                                    format!("▸ {}", text::pad(&top, width)),
                                    ui.theme.selected(),
                                ),
                                Line::styled(
                                    format!("  {}", text::pad(&bottom, width)),
                                    ui.theme.selected(),
                                ),
                            ]
                        } else {
                            [
                                Line::from(format!("  {}", text::truncate(&top, width))),
                                Line::styled(
                                    format!("  {}", text::truncate(&bottom, width)),
                                    ui.theme.muted(),
                                ),
                            ]
                        }
                    })
                    .collect()
            }
        };
        frame.render_widget(Paragraph::new(lines), list_area);
    }
}

/// "C1-2569-0000123 · Class 1 · in force · 1 Jan 2026 – 1 Jan 2027" and
/// "สมชาย ใจดี · กข 1234 กรุงเทพมหานคร · Toyota Corolla".
fn policy_lines(policy: &PolicyForClaim, ui: &Ui) -> (String, String) {
    let top = format!(
        "{} · {} · {} · {}",
        policy.policy_number,
        labels::policy_type(&policy.policy_type).text(ui.lang),
        labels::policy_status(&policy.status).text(ui.lang),
        period(policy.start_date, policy.end_date, ui)
    );
    let bottom = format!(
        "{} · {} {} · {} {}",
        policy.customer_name, policy.plate, policy.province_th, policy.make, policy.model
    );
    (top, bottom)
}

fn period(start: NaiveDate, end: NaiveDate, ui: &Ui) -> String {
    format!(
        "{} – {}",
        crate::i18n::date(ui.lang, ui.calendar, start),
        crate::i18n::date(ui.lang, ui.calendar, end)
    )
}

/// A province, then (optionally) one of its amphoes.
#[derive(Debug, Clone)]
struct PlacePicker {
    province: Option<String>,
    picker: Picker<String>,
}

enum PlaceOutcome {
    Open,
    Chosen(String, Option<String>),
    Cancelled,
}

fn place_item(place: &Place, lang: Lang) -> PickerItem<String> {
    let (label, detail) = match lang {
        Lang::Th => (place.name_th.clone(), place.name_en.clone()),
        Lang::En => (place.name_en.clone(), place.name_th.clone()),
    };
    PickerItem {
        label,
        detail,
        words: vec![place.name_th.clone(), place.name_en.clone()],
        value: place.code.clone(),
    }
}

fn place_name(place: &Place, lang: Lang) -> String {
    match lang {
        Lang::Th => place.name_th.clone(),
        Lang::En => place.name_en.clone(),
    }
}

/// "พระนคร, กรุงเทพมหานคร", or the province alone.
fn place_label(province: &str, amphoe: Option<&str>, lang: Lang) -> String {
    let geography = Geography::bundled();
    let province_name = geography
        .province(province)
        .map_or_else(|| province.to_string(), |p| place_name(p, lang));
    match amphoe.and_then(|code| geography.amphoe(code)) {
        Some(amphoe) => format!("{}, {province_name}", place_name(amphoe, lang)),
        None => province_name,
    }
}

impl PlacePicker {
    fn new(lang: Lang) -> PlacePicker {
        let mut items: Vec<PickerItem<String>> = Geography::bundled()
            .provinces
            .iter()
            .map(|p| place_item(p, lang))
            .collect();
        items.sort_by(|a, b| a.label.cmp(&b.label));
        PlacePicker {
            province: None,
            picker: Picker::new(items),
        }
    }

    /// The amphoes of a province, after "the whole province" for when it is not known.
    fn amphoes(province: &str, lang: Lang) -> Picker<String> {
        let mut items: Vec<PickerItem<String>> = Geography::bundled()
            .amphoes_of(province)
            .map(|a| place_item(a, lang))
            .collect();
        items.sort_by(|a, b| a.label.cmp(&b.label));
        let whole = tr!(lang, "fnol-place-whole-province");
        items.insert(
            0,
            PickerItem {
                label: whole.clone(),
                detail: String::new(),
                words: vec![whole],
                value: String::new(),
            },
        );
        Picker::new(items)
    }

    fn key(&mut self, key: &KeyEvent, lang: Lang) -> PlaceOutcome {
        match key.code {
            KeyCode::Esc => self.back(lang),
            KeyCode::Backspace if self.picker.query().is_empty() => self.back(lang),
            KeyCode::Up => {
                self.picker.up();
                PlaceOutcome::Open
            }
            KeyCode::Down => {
                self.picker.down();
                PlaceOutcome::Open
            }
            KeyCode::Enter => {
                let Some(code) = self.picker.chosen().map(|item| item.value.clone()) else {
                    return PlaceOutcome::Open;
                };
                match self.province.clone() {
                    None => {
                        self.picker = Self::amphoes(&code, lang);
                        self.province = Some(code);
                        PlaceOutcome::Open
                    }
                    Some(province) => {
                        PlaceOutcome::Chosen(province, (!code.is_empty()).then_some(code))
                    }
                }
            }
            _ => {
                self.picker.edit(&Event::Key(*key));
                PlaceOutcome::Open
            }
        }
    }

    fn back(&mut self, lang: Lang) -> PlaceOutcome {
        if self.province.is_none() {
            return PlaceOutcome::Cancelled;
        }
        *self = PlacePicker::new(lang);
        PlaceOutcome::Open
    }

    fn render(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let popup = modal::centered(area, 64, 20);
        frame.render_widget(Clear, popup);
        let block = Block::bordered().title(Line::styled(
            format!(" {} ", tr!(ui.lang, "fnol-place")),
            ui.theme.title(),
        ));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        let crumb = match &self.province {
            Some(code) => place_label(code, None, ui.lang),
            None => tr!(ui.lang, "fnol-place-hint"),
        };
        frame.render_widget(
            Paragraph::new(Line::styled(crumb, ui.theme.muted())),
            Rect { height: 1, ..inner },
        );
        let prompt = if self.province.is_some() {
            tr!(ui.lang, "picker-amphoe")
        } else {
            tr!(ui.lang, "picker-province")
        };
        self.picker.render(
            frame,
            Rect {
                y: inner.y + 1,
                height: inner.height.saturating_sub(1),
                ..inner
            },
            ui.theme,
            &format!("{prompt}: "),
        );
    }
}

/// What the coverage check and the duplicate search read of a draft: when these are
/// unchanged (only descriptions, place or amounts changed), the last check still holds.
#[derive(Debug, Clone, PartialEq)]
struct CheckKey {
    policy_id: uuid::Uuid,
    incident_at: DateTime<Utc>,
    claim_type: ClaimType,
    own_damage_claimed: bool,
    counterparty_named: bool,
}

impl CheckKey {
    fn of(draft: &ClaimDraft) -> CheckKey {
        CheckKey {
            policy_id: draft.policy_id,
            incident_at: draft.incident_at,
            claim_type: draft.claim_type,
            own_damage_claimed: draft.own_damage_claimed,
            counterparty_named: draft.other_party.is_named(),
        }
    }
}

/// A date as it is typed: day/month/Buddhist year.
fn typed_date(date: NaiveDate) -> String {
    format!(
        "{:02}/{:02}/{}",
        date.day(),
        date.month(),
        date.year() + 543
    )
}

/// The keys a form means when the screen's keymap gives no action for them.
fn default_action(key: &KeyEvent) -> Option<Action> {
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Esc => Action::Back,
        KeyCode::Tab | KeyCode::Down => Action::NextField,
        KeyCode::BackTab | KeyCode::Up => Action::PrevField,
        KeyCode::Enter => Action::Submit,
        KeyCode::Char('s') if control => Action::Save,
        _ => return None,
    })
}

#[derive(Debug, Clone)]
pub struct FnolForm {
    form: Form,
    lang: Lang,
    /// The moment the form opened, and the clock since: "now" for the future check.
    now: DateTime<Utc>,
    opened: Instant,
    policy: Option<PolicyForClaim>,
    /// The policy box, open at the start and again from the policy field.
    search: Option<PolicySearch>,
    place_picker: Option<PlacePicker>,
    /// Province and amphoe codes picked.
    place: Option<(String, Option<String>)>,
    /// The check of the draft in `checked`.
    check: Remote<ClaimCheck>,
    checked: Option<CheckKey>,
    /// The draft the person chose to register despite a likely duplicate.
    duplicate_confirmed: Option<CheckKey>,
    status: Status,
    /// Esc once on a changed form asks; twice closes it.
    discard_armed: bool,
    registered: Option<Registered>,
    /// What a paste asked for, handed over with the next key (or `take_pending`).
    pending: Option<FnolOutcome>,
}

impl FnolForm {
    pub fn new(now: DateTime<Utc>, lang: Lang) -> FnolForm {
        let types = ClaimType::ALL
            .iter()
            .map(|t| ChoiceOption {
                value: t.as_db().to_string(),
                label: labels::claim_type(t.as_db()),
            })
            .collect();
        let fields = vec![
            Field::pick(key!("fnol-policy")).in_section(key!("fnol-section-policy")),
            Field::text(key!("fnol-date"))
                .with_placeholder(msg!("fnol-placeholder-date"))
                .in_section(key!("fnol-section-incident")),
            Field::text(key!("fnol-time")).with_placeholder(msg!("fnol-placeholder-time")),
            Field::choice(key!("fnol-type"), types),
            Field::toggle(key!("fnol-own-damage"), true),
            Field::pick(key!("fnol-place")).in_section(key!("fnol-section-place")),
            Field::text(key!("fnol-location")),
            Field::text(key!("fnol-coordinates"))
                .with_placeholder(msg!("fnol-placeholder-coordinates")),
            Field::text(key!("fnol-incident")).in_section(key!("fnol-section-descriptions")),
            Field::text(key!("fnol-damage")),
            Field::text(key!("fnol-injury")),
            Field::text(key!("fnol-other-name")).in_section(key!("fnol-section-other-party")),
            Field::text(key!("fnol-other-plate")),
            Field::text(key!("fnol-other-insurer")),
            Field::text(key!("fnol-other-phone")),
            Field::text(key!("fnol-police-report")).in_section(key!("fnol-section-report")),
            Field::text(key!("fnol-estimate")).with_placeholder(msg!("fnol-placeholder-optional")),
        ];
        let mut form = Form::new(fields);
        form.set_value(DATE, &typed_date(bangkok_date(now)));
        form.mark_clean();
        FnolForm {
            form,
            lang,
            now,
            opened: Instant::now(),
            policy: None,
            search: Some(PolicySearch::default()),
            place_picker: None,
            place: None,
            check: Remote::Idle,
            checked: None,
            duplicate_confirmed: None,
            status: Status::Editing,
            discard_armed: false,
            registered: None,
            pending: None,
        }
    }

    fn now(&self) -> DateTime<Utc> {
        self.now + chrono::Duration::from_std(self.opened.elapsed()).unwrap_or_default()
    }

    /// The policy the claim is on, once picked.
    pub fn policy(&self) -> Option<&PolicyForClaim> {
        self.policy.as_ref()
    }

    pub fn form(&self) -> &Form {
        &self.form
    }

    /// The form as typed.
    pub fn input(&self) -> ClaimInput {
        let form = &self.form;
        let text = |index| form.value(index).to_string();
        ClaimInput {
            incident_date: text(DATE),
            incident_time: text(TIME),
            claim_type: ClaimType::from_db(form.value(TYPE)).unwrap_or(ClaimType::Accident),
            own_damage_claimed: form.is_on(OWN_DAMAGE),
            province_code: self.place.as_ref().map(|(province, _)| province.clone()),
            amphoe_code: self.place.as_ref().and_then(|(_, amphoe)| amphoe.clone()),
            location: text(LOCATION),
            coordinates: text(COORDINATES),
            incident_description: text(INCIDENT),
            damage_description: text(DAMAGE),
            injury_description: text(INJURY),
            other_name: text(OTHER_NAME),
            other_plate: text(OTHER_PLATE),
            other_insurer: text(OTHER_INSURER),
            other_phone: text(OTHER_PHONE),
            police_report_number: text(POLICE_REPORT),
            estimated_amount: text(ESTIMATE),
        }
    }

    fn parse(&self) -> Result<ClaimDraft, Vec<(ClaimField, Message)>> {
        self.input()
            .parse(self.policy.as_ref().map(|p| p.id), self.now())
    }

    pub fn key(&mut self, key: KeyEvent, action: Option<Action>) -> FnolOutcome {
        let outcome = self.handle_key(key, action.or_else(|| default_action(&key)));
        match (outcome, self.pending.take()) {
            (FnolOutcome::Nothing, Some(pending)) => pending,
            (outcome, _) => outcome,
        }
    }

    /// What the last paste asked for (a search or a check), if anything.
    pub fn take_pending(&mut self) -> Option<FnolOutcome> {
        self.pending.take()
    }

    fn handle_key(&mut self, key: KeyEvent, action: Option<Action>) -> FnolOutcome {
        let back = action == Some(Action::Back) || key.code == KeyCode::Esc;
        let armed = std::mem::take(&mut self.discard_armed);
        if self.registered.is_some() {
            return if back {
                FnolOutcome::Cancel
            } else {
                FnolOutcome::Nothing
            };
        }
        if self.status == Status::Saving {
            return FnolOutcome::Nothing;
        }
        if self.place_picker.is_some() {
            return self.place_key(&key);
        }
        if self.search.is_some() {
            return self.search_key(&key, back, armed);
        }
        if back {
            return self.back(armed);
        }
        match action {
            Some(Action::NextField) => self.form.next(),
            Some(Action::PrevField) => self.form.previous(),
            Some(Action::Save) => return self.save(),
            Some(Action::Submit) => match self.form.focus {
                POLICY => self.search = Some(PolicySearch::default()),
                PLACE => self.place_picker = Some(PlacePicker::new(self.lang)),
                _ if self.form.is_last() => return self.save(),
                _ => self.form.next(),
            },
            _ if self.form.focus == PLACE
                && matches!(key.code, KeyCode::Backspace | KeyCode::Delete) =>
            {
                return self.set_place(None);
            }
            _ => return self.edit(&Event::Key(key)),
        }
        FnolOutcome::Nothing
    }

    fn back(&mut self, armed: bool) -> FnolOutcome {
        if self.has_unsaved_input() && !armed {
            self.discard_armed = true;
            return FnolOutcome::Nothing;
        }
        FnolOutcome::Cancel
    }

    fn search_key(&mut self, key: &KeyEvent, back: bool, armed: bool) -> FnolOutcome {
        if back {
            if self.policy.is_some() {
                self.search = None;
                return FnolOutcome::Nothing;
            }
            return self.back(armed);
        }
        let Some(search) = &mut self.search else {
            return FnolOutcome::Nothing;
        };
        match key.code {
            KeyCode::Up => search.selected = search.selected.saturating_sub(1),
            KeyCode::Down => {
                let count = search.results.loaded().map_or(0, Vec::len);
                if search.selected + 1 < count {
                    search.selected += 1;
                }
            }
            KeyCode::Enter => {
                let chosen = search
                    .results
                    .loaded()
                    .and_then(|found| found.get(search.selected))
                    .cloned();
                if let Some(policy) = chosen {
                    return self.choose_policy(policy);
                }
            }
            _ => {
                let changed = to_input_request(&Event::Key(*key))
                    .and_then(|request| search.input.handle(request))
                    .is_some_and(|change| change.value);
                if changed {
                    return self.retype();
                }
            }
        }
        FnolOutcome::Nothing
    }

    /// The search text changed: search again from three characters.
    fn retype(&mut self) -> FnolOutcome {
        let Some(search) = &mut self.search else {
            return FnolOutcome::Nothing;
        };
        let typed = search.input.value().trim().to_string();
        search.selected = 0;
        if typed.chars().count() >= SEARCH_FROM {
            search.results = Remote::Loading;
            FnolOutcome::FindPolicies(typed)
        } else {
            search.results = Remote::Idle;
            FnolOutcome::Nothing
        }
    }

    /// Puts the policy on the form; compulsory cover claims no own damage by default.
    fn choose_policy(&mut self, policy: PolicyForClaim) -> FnolOutcome {
        self.form.set_pick(
            POLICY,
            Some(policy.id.to_string()),
            format!("{} · {}", policy.policy_number, policy.plate),
        );
        let own_damage = policy.policy_type != "CMI";
        self.form.set_value(OWN_DAMAGE, &own_damage.to_string());
        self.policy = Some(policy);
        self.search = None;
        self.form.mark_touched();
        if self.form.focus == POLICY {
            self.form.next();
        }
        self.status = Status::Editing;
        self.refresh_errors();
        self.after_change()
    }

    fn place_key(&mut self, key: &KeyEvent) -> FnolOutcome {
        let Some(picker) = &mut self.place_picker else {
            return FnolOutcome::Nothing;
        };
        match picker.key(key, self.lang) {
            PlaceOutcome::Open => FnolOutcome::Nothing,
            PlaceOutcome::Cancelled => {
                self.place_picker = None;
                FnolOutcome::Nothing
            }
            PlaceOutcome::Chosen(province, amphoe) => {
                self.place_picker = None;
                let outcome = self.set_place(Some((province, amphoe)));
                self.form.next();
                outcome
            }
        }
    }

    fn set_place(&mut self, place: Option<(String, Option<String>)>) -> FnolOutcome {
        let shown = place
            .as_ref()
            .map(|(province, amphoe)| place_label(province, amphoe.as_deref(), self.lang))
            .unwrap_or_default();
        let value = place
            .as_ref()
            .map(|(province, amphoe)| format!("{province} {}", amphoe.as_deref().unwrap_or("")));
        self.form.set_pick(PLACE, value, shown);
        self.place = place;
        self.form.mark_touched();
        self.after_change()
    }

    /// A key or paste for the focused field.
    fn edit(&mut self, event: &Event) -> FnolOutcome {
        if !self.form.edit(event) {
            return FnolOutcome::Nothing;
        }
        if matches!(
            self.status,
            Status::Invalid | Status::Problem(_) | Status::Warning(_)
        ) {
            self.status = Status::Editing;
        }
        self.refresh_errors();
        self.after_change()
    }

    /// Says what is wrong with the field being typed in, and takes back sentences that no
    /// longer hold elsewhere (the date and time are judged together).
    fn refresh_errors(&mut self) {
        let problems = self.parse().err().unwrap_or_default();
        let focus = self.form.focus;
        let related = match focus {
            DATE => Some(TIME),
            TIME => Some(DATE),
            _ => None,
        };
        for index in 0..self.form.fields.len() {
            let Some(field) = field_at(index) else {
                continue;
            };
            let shown = self.form.fields[index].error.is_some();
            let judged = index == focus || Some(index) == related;
            if !shown && !judged {
                continue;
            }
            let problem = problems
                .iter()
                .find(|(f, _)| *f == field)
                .map(|(_, message)| message.clone());
            // Nothing typed yet in a neighbour: wait for it to be typed or saved.
            let blank = self.form.value(index).trim().is_empty();
            if !shown && index != focus && blank {
                continue;
            }
            self.form.set_error(index, problem);
        }
    }

    /// When the form reads as a valid draft that has not been checked, ask for the check.
    fn after_change(&mut self) -> FnolOutcome {
        match self.parse() {
            Ok(draft) => {
                let key = CheckKey::of(&draft);
                if self.checked.as_ref() == Some(&key) {
                    return FnolOutcome::Nothing;
                }
                self.checked = Some(key);
                self.check = Remote::Loading;
                FnolOutcome::Check(draft)
            }
            Err(_) => {
                self.checked = None;
                self.check = Remote::Idle;
                FnolOutcome::Nothing
            }
        }
    }

    /// Ctrl-S: register when the form is valid, the cover checked and good, and any likely
    /// duplicate acknowledged.
    fn save(&mut self) -> FnolOutcome {
        let draft = match self.parse() {
            Ok(draft) => draft,
            Err(problems) => {
                for index in 0..self.form.fields.len() {
                    if let Some(field) = field_at(index) {
                        let problem = problems
                            .iter()
                            .find(|(f, _)| *f == field)
                            .map(|(_, message)| message.clone());
                        self.form.set_error(index, problem);
                    }
                }
                self.form.focus_first_error();
                self.status = Status::Invalid;
                return FnolOutcome::Nothing;
            }
        };
        let key = CheckKey::of(&draft);
        let stale = self.checked.as_ref() != Some(&key)
            || matches!(self.check, Remote::Idle | Remote::Failed(_));
        if stale {
            self.checked = Some(key);
            self.check = Remote::Loading;
            self.status = Status::Warning(msg!("fnol-checking-first"));
            return FnolOutcome::Check(draft);
        }
        let Some(check) = self.check.loaded() else {
            self.status = Status::Warning(msg!("fnol-wait-for-check"));
            return FnolOutcome::Nothing;
        };
        if check.coverage.is_some() {
            self.status = Status::Problem(msg!("fnol-not-covered"));
            return FnolOutcome::Nothing;
        }
        if !check.duplicates.is_empty() && self.duplicate_confirmed.as_ref() != Some(&key) {
            self.duplicate_confirmed = Some(key);
            self.status = Status::Warning(msg!("fnol-duplicate-confirm"));
            return FnolOutcome::Nothing;
        }
        self.status = Status::Saving;
        FnolOutcome::Register(draft)
    }

    pub fn paste(&mut self, text: &str) {
        if self.registered.is_some() || self.status == Status::Saving {
            return;
        }
        self.discard_armed = false;
        let outcome = if let Some(picker) = &mut self.place_picker {
            picker.picker.edit(&Event::Paste(text.to_string()));
            FnolOutcome::Nothing
        } else if let Some(search) = &mut self.search {
            for c in text.chars().filter(|c| !c.is_control()) {
                search.input.handle(InputRequest::InsertChar(c));
            }
            self.retype()
        } else {
            self.edit(&Event::Paste(text.to_string()))
        };
        if outcome != FnolOutcome::Nothing {
            self.pending = Some(outcome);
        }
    }

    pub fn on_policies_found(&mut self, result: Result<Vec<PolicyForClaim>, Message>) {
        let Some(search) = &mut self.search else {
            return;
        };
        search.selected = 0;
        search.results = match result {
            Ok(found) => Remote::Loaded(found),
            Err(message) => Remote::Failed(message),
        };
    }

    /// The check of the latest draft; ignored when the form is no longer valid.
    pub fn on_checked(&mut self, result: Result<ClaimCheck, Message>) {
        if self.checked.is_none() {
            return;
        }
        self.check = match result {
            Ok(check) => Remote::Loaded(check),
            Err(message) => Remote::Failed(message),
        };
        if matches!(self.status, Status::Warning(_)) {
            self.status = Status::Editing;
        }
    }

    pub fn on_registered(&mut self, result: Result<Registered, Message>) {
        match result {
            Ok(registered) => {
                self.registered = Some(registered);
                self.status = Status::Editing;
                self.discard_armed = false;
                self.form.mark_clean();
            }
            Err(message) => self.status = Status::Problem(message),
        }
    }

    /// Whether printable keys type into the form (not once the claim is registered).
    pub fn is_typing(&self) -> bool {
        self.registered.is_none()
    }

    pub fn has_unsaved_input(&self) -> bool {
        self.registered.is_none() && self.form.is_dirty()
    }

    pub fn registered(&self) -> Option<uuid::Uuid> {
        self.registered.as_ref().map(|r| r.id)
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        self.lang = ui.lang;
        let [form_area, panel_area] =
            Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)])
                .areas(area);
        self.render_form(frame, form_area, ui);
        self.render_panel(frame, panel_area, ui);
        if let Some(search) = &self.search {
            search.render(frame, area, ui);
        }
        if let Some(picker) = &self.place_picker {
            picker.render(frame, area, ui);
        }
    }

    fn render_form(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let block = Block::bordered().title(Line::styled(
            format!(" {} ", tr!(ui.lang, "fnol-title")),
            ui.theme.title(),
        ));
        let inner = block.inner(area);
        frame.render_widget(Clear, area);
        frame.render_widget(block, area);
        let [form_area, status_area] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(2)]).areas(inner);
        let active = self.search.is_none()
            && self.place_picker.is_none()
            && self.registered.is_none()
            && self.status != Status::Saving;
        self.form
            .render(frame, form_area, ui.lang, ui.theme, active);
        frame.render_widget(
            Paragraph::new(self.status_line(ui)).wrap(Wrap { trim: true }),
            status_area,
        );
    }

    /// Where saving stands; else the focused field's whole sentence; else the keys.
    fn status_line(&self, ui: &Ui) -> Line<'static> {
        if self.discard_armed {
            return Line::styled(tr!(ui.lang, "customers-discard-again"), ui.theme.warning());
        }
        if let Some(registered) = &self.registered {
            return Line::styled(
                tr!(
                    ui.lang,
                    "fnol-registered-keys",
                    number = registered.claim_number.as_str()
                ),
                ui.theme.success(),
            );
        }
        match &self.status {
            Status::Saving => Line::styled(
                format!("{} {}", spinner(ui.tick), tr!(ui.lang, "fnol-registering")),
                ui.theme.muted(),
            ),
            Status::Problem(message) => Line::styled(message.text(ui.lang), ui.theme.error()),
            Status::Warning(message) => Line::styled(message.text(ui.lang), ui.theme.warning()),
            Status::Invalid | Status::Editing => match &self.form.fields[self.form.focus].error {
                Some(error) => Line::styled(error.text(ui.lang), ui.theme.error()),
                None if self.status == Status::Invalid => {
                    Line::styled(tr!(ui.lang, "customers-form-has-errors"), ui.theme.error())
                }
                None => Line::styled(tr!(ui.lang, "fnol-keys"), ui.theme.muted()),
            },
        }
    }

    fn render_panel(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let block = Block::bordered().title(Line::styled(
            format!(" {} ", tr!(ui.lang, "fnol-panel")),
            ui.theme.title(),
        ));
        let inner = block.inner(area);
        frame.render_widget(Clear, area);
        frame.render_widget(block, area);
        frame.render_widget(
            Paragraph::new(self.panel_lines(ui)).wrap(Wrap { trim: false }),
            inner,
        );
    }

    fn panel_lines(&self, ui: &Ui) -> Vec<Line<'static>> {
        let mut lines = Vec::new();
        if let Some(registered) = &self.registered {
            lines.extend(registered_lines(registered, ui));
            lines.push(Line::default());
        }
        let Some(policy) = &self.policy else {
            lines.push(Line::styled(
                tr!(ui.lang, "fnol-panel-pick-policy"),
                ui.theme.muted(),
            ));
            return lines;
        };
        lines.push(Line::styled(
            format!(
                "{} · {}",
                policy.policy_number,
                labels::policy_type(&policy.policy_type).text(ui.lang)
            ),
            ui.theme.title(),
        ));
        lines.push(Line::from(format!(
            "{} · {}",
            labels::policy_status(&policy.status).text(ui.lang),
            period(policy.start_date, policy.end_date, ui)
        )));
        lines.push(Line::from(policy.customer_name.clone()));
        lines.push(Line::from(format!(
            "{} {} · {} {}",
            policy.plate, policy.province_th, policy.make, policy.model
        )));
        if let Some(sum) = policy.sum_insured {
            lines.push(Line::from(tr!(
                ui.lang,
                "fnol-sum-insured",
                amount = crate::i18n::money(sum)
            )));
        }
        lines.push(Line::default());
        if self.registered.is_some() {
            return lines;
        }
        match &self.check {
            Remote::Idle => {
                lines.push(Line::styled(
                    tr!(ui.lang, "fnol-check-incomplete"),
                    ui.theme.muted(),
                ));
                // What is still missing or wrong, field by field.
                let problems = self.parse().err().unwrap_or_default();
                for (index, field) in self.form.fields.iter().enumerate() {
                    let problem =
                        field_at(index).and_then(|f| problems.iter().find(|(p, _)| *p == f));
                    if let Some((_, message)) = problem {
                        lines.push(Line::styled(
                            format!(
                                "• {}: {}",
                                crate::i18n::text(ui.lang, field.label, &[]),
                                message.text(ui.lang)
                            ),
                            ui.theme.warning(),
                        ));
                    }
                }
            }
            Remote::Loading => lines.push(Line::styled(
                format!("{} {}", spinner(ui.tick), tr!(ui.lang, "fnol-checking")),
                ui.theme.muted(),
            )),
            Remote::Failed(message) => {
                lines.push(Line::styled(message.text(ui.lang), ui.theme.error()))
            }
            Remote::Loaded(check) => {
                match check.coverage {
                    None => lines.push(Line::styled(
                        format!("✓ {}", tr!(ui.lang, "fnol-covered")),
                        ui.theme.success(),
                    )),
                    Some(problem) => lines.push(Line::styled(
                        format!(
                            "✗ {}",
                            coverage_message(problem, &policy.policy_type).text(ui.lang)
                        ),
                        ui.theme.error(),
                    )),
                }
                for duplicate in check.duplicates.iter().take(DUPLICATES_SHOWN) {
                    lines.push(Line::styled(
                        tr!(
                            ui.lang,
                            "fnol-duplicate",
                            number = duplicate.claim_number.as_str(),
                            kind = labels::claim_type(&duplicate.claim_type).text(ui.lang),
                            date = crate::i18n::date(
                                ui.lang,
                                ui.calendar,
                                bangkok_date(duplicate.incident_date)
                            ),
                            status = labels::claim_status(&duplicate.status).text(ui.lang)
                        ),
                        ui.theme.warning(),
                    ));
                }
                let more = check.duplicates.len().saturating_sub(DUPLICATES_SHOWN);
                if more > 0 {
                    lines.push(Line::styled(
                        tr!(ui.lang, "fnol-duplicates-more", count = more),
                        ui.theme.warning(),
                    ));
                }
            }
        }
        lines
    }
}

fn registered_lines(registered: &Registered, ui: &Ui) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(
        format!(
            "✓ {}",
            tr!(
                ui.lang,
                "fnol-registered",
                number = registered.claim_number.as_str()
            )
        ),
        ui.theme.success(),
    )];
    if registered.fraud_flags.is_empty() {
        lines.push(Line::styled(
            tr!(ui.lang, "fnol-no-fraud-flags"),
            ui.theme.muted(),
        ));
    } else {
        lines.push(Line::from(tr!(ui.lang, "fnol-fraud-flags")));
        for flag in &registered.fraud_flags {
            lines.push(Line::styled(
                format!("• {}", fraud_flag_message(flag).text(ui.lang)),
                ui.theme.warning(),
            ));
        }
    }
    lines.push(if registered.requires_investigation {
        Line::styled(tr!(ui.lang, "fnol-investigation"), ui.theme.warning())
    } else {
        Line::styled(tr!(ui.lang, "fnol-no-investigation"), ui.theme.muted())
    });
    lines
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use rust_decimal_macros::dec;
    use uuid::Uuid;

    use super::*;
    use crate::db::claims::LikelyDuplicate;
    use crate::tui::keymap::{Context, Keymap};

    /// 25 Nov 2026 10:00 in Bangkok.
    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 25, 3, 0, 0).unwrap()
    }

    fn policy(kind: &str) -> PolicyForClaim {
        PolicyForClaim {
            id: Uuid::from_u128(1),
            policy_number: "C3P-2569-0000123".into(),
            policy_type: kind.into(),
            status: "ACTIVE".into(),
            start_date: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            end_date: NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
            customer_name: "สมชาย ใจดี".into(),
            plate: "กข 1234".into(),
            province_th: "กรุงเทพมหานคร".into(),
            make: "Toyota".into(),
            model: "Corolla Altis".into(),
            sum_insured: Some(dec!(600000)),
        }
    }

    fn press_with(form: &mut FnolForm, key: KeyEvent) -> FnolOutcome {
        let action = Keymap::default().action(Context::ClaimForm, &key);
        form.key(key, action)
    }

    fn press(form: &mut FnolForm, code: KeyCode) -> FnolOutcome {
        press_with(form, KeyEvent::new(code, KeyModifiers::NONE))
    }

    fn ctrl_s(form: &mut FnolForm) -> FnolOutcome {
        press_with(
            form,
            KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
        )
    }

    /// Types each character; the last outcome that asked for something.
    fn typed(form: &mut FnolForm, text: &str) -> FnolOutcome {
        text.chars()
            .map(|c| press(form, KeyCode::Char(c)))
            .filter(|outcome| *outcome != FnolOutcome::Nothing)
            .last()
            .unwrap_or(FnolOutcome::Nothing)
    }

    fn registered_draft(outcome: FnolOutcome) -> ClaimDraft {
        match outcome {
            FnolOutcome::Register(draft) => draft,
            other => panic!("expected to register, got {other:?}"),
        }
    }

    /// Tabs to the field at `index`.
    fn go(form: &mut FnolForm, index: usize) {
        for _ in 0..ESTIMATE + 1 {
            if form.form().focus == index {
                return;
            }
            press(form, KeyCode::Tab);
        }
        panic!("field {index} is not reachable");
    }

    fn with_policy(kind: &str) -> FnolForm {
        let mut form = FnolForm::new(now(), Lang::En);
        assert_eq!(
            typed(&mut form, "C3P"),
            FnolOutcome::FindPolicies("C3P".into())
        );
        form.on_policies_found(Ok(vec![policy(kind)]));
        press(&mut form, KeyCode::Enter);
        form
    }

    /// An accident on a 3+ policy, complete but for the other party; the last outcome.
    fn accident() -> (FnolForm, FnolOutcome) {
        let mut form = with_policy("CLASS_3_PLUS");
        press(&mut form, KeyCode::Tab);
        typed(&mut form, "08:15");
        go(&mut form, INCIDENT);
        let outcome = typed(&mut form, "Hit from behind at a red light");
        (form, outcome)
    }

    fn check(coverage: Option<CoverageProblem>, duplicates: usize) -> ClaimCheck {
        ClaimCheck {
            coverage,
            duplicates: (0..duplicates)
                .map(|n| LikelyDuplicate {
                    id: Uuid::from_u128(100 + n as u128),
                    claim_number: format!("CL-2569-000012{n}"),
                    claim_type: "ACCIDENT".into(),
                    status: "ASSESSED".into(),
                    incident_date: Utc.with_ymd_and_hms(2026, 11, 24, 11, 0, 0).unwrap(),
                })
                .collect(),
        }
    }

    fn draw(form: &mut FnolForm, lang: Lang) -> String {
        crate::tui::screens::drawn_for_test(lang, |frame, ui| form.render(frame, frame.area(), ui))
    }

    #[test]
    fn the_policy_box_searches_from_three_characters() {
        let mut form = FnolForm::new(now(), Lang::Th);
        assert!(form.is_typing());
        assert_eq!(typed(&mut form, "กข"), FnolOutcome::Nothing);
        assert_eq!(
            typed(&mut form, "1"),
            FnolOutcome::FindPolicies("กข1".into())
        );
        assert_eq!(
            press(&mut form, KeyCode::Backspace),
            FnolOutcome::Nothing,
            "under three characters nothing is searched"
        );
        assert!(!form.has_unsaved_input(), "a search alone is not input");
        assert_eq!(press(&mut form, KeyCode::Esc), FnolOutcome::Cancel);
    }

    #[test]
    fn picking_a_policy_fills_the_field_and_compulsory_cover_claims_no_own_damage() {
        let mut form = FnolForm::new(now(), Lang::En);
        typed(&mut form, "กข 1234");
        let mut cmi = policy("CMI");
        cmi.id = Uuid::from_u128(2);
        form.on_policies_found(Ok(vec![policy("CLASS_1"), cmi]));
        press(&mut form, KeyCode::Down);
        press(&mut form, KeyCode::Enter);
        assert_eq!(form.policy().map(|p| p.id), Some(Uuid::from_u128(2)));
        assert!(!form.input().own_damage_claimed);
        assert_eq!(form.form().focus, DATE, "on to the incident");
        assert_eq!(form.input().incident_date, "25/11/2569", "today by default");
        assert!(form.has_unsaved_input());
        // Enter on the policy field opens the box again; Esc keeps the policy.
        go(&mut form, POLICY);
        press(&mut form, KeyCode::Enter);
        assert!(form.search.is_some());
        press(&mut form, KeyCode::Esc);
        assert!(form.search.is_none());
        assert_eq!(form.policy().map(|p| p.id), Some(Uuid::from_u128(2)));
    }

    #[test]
    fn a_valid_form_asks_for_the_check_and_registering_waits_for_it() {
        let (mut form, outcome) = accident();
        let FnolOutcome::Check(draft) = outcome else {
            panic!("the complete form is checked, got {outcome:?}");
        };
        assert_eq!(draft.policy_id, Uuid::from_u128(1));
        assert_eq!(
            draft.incident_at,
            Utc.with_ymd_and_hms(2026, 11, 25, 1, 15, 0).unwrap()
        );
        assert_eq!(
            draft.incident_description, "H",
            "checked from the first letter"
        );
        assert_eq!(
            typed(&mut form, " (rear bumper)"),
            FnolOutcome::Nothing,
            "a description does not change what the check reads"
        );
        assert_eq!(press(&mut form, KeyCode::Tab), FnolOutcome::Nothing);
        assert_eq!(ctrl_s(&mut form), FnolOutcome::Nothing, "still checking");
        assert_eq!(form.status, Status::Warning(msg!("fnol-wait-for-check")));
        form.on_checked(Ok(check(None, 0)));
        let registered = registered_draft(ctrl_s(&mut form));
        assert_eq!(
            registered.incident_description,
            "Hit from behind at a red light (rear bumper)"
        );
        assert_eq!(registered.incident_at, draft.incident_at);
        assert!(!form.is_typing() || form.status == Status::Saving);
        assert_eq!(typed(&mut form, "x"), FnolOutcome::Nothing, "busy");
    }

    #[test]
    fn a_coverage_problem_stops_registering_until_the_form_changes() {
        let (mut form, _) = accident();
        form.on_checked(Ok(check(Some(CoverageProblem::NeedsCounterparty), 0)));
        assert_eq!(ctrl_s(&mut form), FnolOutcome::Nothing);
        assert_eq!(form.status, Status::Problem(msg!("fnol-not-covered")));
        let shown = draw(&mut form, Lang::En);
        assert!(
            shown.contains("✗ 2+ and 3+ pay for own"),
            "the reason is beside the form:\n{shown}"
        );
        go(&mut form, OTHER_NAME);
        let FnolOutcome::Check(named) = typed(&mut form, "Wichai") else {
            panic!("naming the other party checks again");
        };
        assert!(named.other_party.is_named());
        form.on_checked(Ok(check(None, 0)));
        let registered = registered_draft(ctrl_s(&mut form));
        assert_eq!(registered.other_party.name.as_deref(), Some("Wichai"));
    }

    #[test]
    fn a_likely_duplicate_asks_once_more_before_registering() {
        let (mut form, outcome) = accident();
        assert!(matches!(outcome, FnolOutcome::Check(_)));
        form.on_checked(Ok(check(None, 1)));
        let shown = draw(&mut form, Lang::En);
        assert!(shown.contains("Possible duplicate:"), "{shown}");
        assert!(shown.contains("CL-2569-0000120"), "{shown}");
        assert_eq!(ctrl_s(&mut form), FnolOutcome::Nothing);
        assert_eq!(form.status, Status::Warning(msg!("fnol-duplicate-confirm")));
        registered_draft(ctrl_s(&mut form));
    }

    #[test]
    fn saving_a_wrong_form_says_why_beside_each_field() {
        let mut form = with_policy("CLASS_1");
        press(&mut form, KeyCode::Tab);
        typed(&mut form, "25:99");
        assert_eq!(
            form.form().fields[TIME].error,
            Some(msg!("claimform-time-no-such-time")),
            "said as it is typed"
        );
        go(&mut form, OTHER_PHONE);
        typed(&mut form, "12345");
        go(&mut form, ESTIMATE);
        typed(&mut form, "12,5OO");
        assert_eq!(ctrl_s(&mut form), FnolOutcome::Nothing);
        let errors: Vec<(usize, &str)> = form
            .form()
            .fields
            .iter()
            .enumerate()
            .filter_map(|(i, f)| f.error.as_ref().map(|e| (i, e.key)))
            .collect();
        assert_eq!(
            errors,
            [
                (TIME, "claimform-time-no-such-time"),
                (INCIDENT, "claimform-need-description"),
                (OTHER_PHONE, "claimform-phone"),
                (ESTIMATE, "claimform-amount-unreadable"),
            ]
        );
        assert_eq!(form.form().focus, TIME, "the first wrong field");
        // Mending the time takes its sentence away.
        for _ in 0..5 {
            press(&mut form, KeyCode::Backspace);
        }
        typed(&mut form, "23:59");
        assert_eq!(
            form.form().fields[TIME].error,
            Some(msg!("claimform-time-future")),
            "23:59 today has not come yet at 10:00"
        );
        go(&mut form, DATE);
        for _ in 0..10 {
            press(&mut form, KeyCode::Backspace);
        }
        typed(&mut form, "24/11/2569");
        assert_eq!(
            form.form().fields[TIME].error,
            None,
            "yesterday at 23:59 is past"
        );
    }

    #[test]
    fn esc_on_a_changed_form_asks_before_closing() {
        let (mut form, _) = accident();
        assert_eq!(press(&mut form, KeyCode::Esc), FnolOutcome::Nothing);
        assert!(draw(&mut form, Lang::En).contains("press Esc again"));
        press(&mut form, KeyCode::Tab);
        assert_eq!(
            press(&mut form, KeyCode::Esc),
            FnolOutcome::Nothing,
            "another key in between asks again"
        );
        assert_eq!(press(&mut form, KeyCode::Esc), FnolOutcome::Cancel);
    }

    #[test]
    fn the_place_is_a_province_and_optionally_an_amphoe() {
        let mut form = with_policy("CLASS_1");
        go(&mut form, PLACE);
        press(&mut form, KeyCode::Enter);
        typed(&mut form, "Chiang Mai");
        press(&mut form, KeyCode::Enter);
        typed(&mut form, "Mueang");
        press(&mut form, KeyCode::Enter);
        let input = form.input();
        assert_eq!(input.province_code.as_deref(), Some("50"));
        assert_eq!(input.amphoe_code.as_deref(), Some("5001"));
        assert_eq!(form.form().focus, LOCATION);
        assert!(
            matches!(&form.form().fields[PLACE].kind,
                crate::tui::widgets::form::FieldKind::Pick { shown, .. }
                    if shown == "Mueang Chiang Mai, Chiang Mai"),
            "the place is named"
        );
        // The whole province, when the amphoe is not known; Backspace clears the pick.
        go(&mut form, PLACE);
        press(&mut form, KeyCode::Enter);
        typed(&mut form, "Phuket");
        press(&mut form, KeyCode::Enter);
        press(&mut form, KeyCode::Enter);
        assert_eq!(form.input().province_code.as_deref(), Some("83"));
        assert_eq!(form.input().amphoe_code, None);
        go(&mut form, PLACE);
        press(&mut form, KeyCode::Backspace);
        assert_eq!(form.input().province_code, None);
    }

    #[test]
    fn a_paste_hands_its_search_over_with_the_next_key() {
        let mut form = FnolForm::new(now(), Lang::En);
        form.paste("C1-2569");
        assert_eq!(
            form.take_pending(),
            Some(FnolOutcome::FindPolicies("C1-2569".into()))
        );
        form.paste("-0000123");
        assert_eq!(
            press(&mut form, KeyCode::Down),
            FnolOutcome::FindPolicies("C1-2569-0000123".into())
        );
    }

    #[test]
    fn once_registered_the_number_flags_and_queue_are_shown() {
        let (mut form, _) = accident();
        form.on_checked(Ok(check(None, 0)));
        ctrl_s(&mut form);
        form.on_registered(Err(msg!("claimform-need-description")));
        assert_eq!(form.registered(), None);
        assert!(form.has_unsaved_input(), "a refusal keeps the input");
        form.on_registered(Ok(Registered {
            id: Uuid::from_u128(9),
            claim_number: "CL-2569-0000456".into(),
            fraud_flags: vec!["INCIDENT_WITHIN_30_DAYS_OF_INCEPTION".into()],
            requires_investigation: true,
        }));
        assert_eq!(form.registered(), Some(Uuid::from_u128(9)));
        assert!(!form.is_typing() && !form.has_unsaved_input());
        let shown = draw(&mut form, Lang::En);
        assert!(shown.contains("✓ Registered as"), "{shown}");
        assert!(shown.contains("CL-2569-0000456"), "{shown}");
        assert!(shown.contains("Sent to the Investigation"), "{shown}");
        assert_eq!(press(&mut form, KeyCode::Esc), FnolOutcome::Cancel);
    }

    #[test]
    fn every_coverage_problem_has_its_sentence() {
        for lang in Lang::ALL {
            for problem in CoverageProblem::ALL {
                let text = coverage_message(problem, "CLASS_3").text(lang);
                assert!(
                    !text.starts_with('⟦') && text.len() > 10,
                    "{problem:?}: {text}"
                );
            }
        }
        assert_eq!(
            coverage_message(CoverageProblem::NoTheftOrFire, "CLASS_3").text(Lang::En),
            "Class 3 does not cover theft or fire."
        );
    }

    #[test]
    fn snapshots_at_80_by_24() {
        let mut form = FnolForm::new(now(), Lang::En);
        typed(&mut form, "C3P");
        form.on_policies_found(Ok(vec![policy("CLASS_3_PLUS"), policy("CMI")]));
        insta::assert_snapshot!("fnol_policy_box_en", draw(&mut form, Lang::En));
        press(&mut form, KeyCode::Enter);
        press(&mut form, KeyCode::Tab);
        typed(&mut form, "08:15");
        go(&mut form, INCIDENT);
        typed(&mut form, "ถูกชนท้ายขณะรอไฟแดง");
        go(&mut form, OTHER_PHONE);
        typed(&mut form, "0812");
        insta::assert_snapshot!("fnol_phone_error_th", draw(&mut form, Lang::Th));
        typed(&mut form, "345678");
        form.on_checked(Ok(check(None, 1)));
        insta::assert_snapshot!("fnol_checked_en", draw(&mut form, Lang::En));
        insta::assert_snapshot!("fnol_checked_th", draw(&mut form, Lang::Th));
    }
}
