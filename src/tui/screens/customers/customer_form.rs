//! Creating and editing a customer: Thai and English names, the national ID checked as it
//! is typed, a date of birth in either era, contact details, the address chosen province
//! → amphoe → tambon → postcode, and the notice flags. A new customer is first compared
//! with those already on file; an edit that someone else beat is kept, with what they
//! saved shown under each field.

use chrono::NaiveDate;
use crossterm::event::Event;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use uuid::Uuid;

use super::editor::{Beaten, FormBox, Refusal, SaveStatus, options};
use super::labels;
use super::work::{CustomersCmd, Save};
use crate::db::customers::{Duplicate, DuplicateReason, Profile};
use crate::db::geo::Geography;
use crate::domain::customer::{
    AddressInput, CustomerDraft, CustomerField, CustomerInput, CustomerType, Gender, field_problem,
};
use crate::i18n::{Lang, date};
use crate::tui::remote::RequestCounter;
use crate::tui::screens::Ui;
use crate::tui::widgets::address_picker::{AddressPicker, Chosen, Outcome};
use crate::tui::widgets::form::{Field, Form};
use crate::tui::widgets::modal;
use crate::{key, msg, tr};

pub const TYPE: usize = 0;
pub const FIRST_NAME: usize = 1;
pub const LAST_NAME: usize = 2;
pub const FIRST_NAME_EN: usize = 3;
pub const LAST_NAME_EN: usize = 4;
pub const NATIONAL_ID: usize = 5;
pub const BRANCH: usize = 6;
pub const BIRTH: usize = 7;
pub const GENDER: usize = 8;
pub const PHONE: usize = 9;
pub const EMAIL: usize = 10;
pub const LANGUAGE: usize = 11;
pub const HOUSE: usize = 12;
pub const MOO: usize = 13;
pub const VILLAGE: usize = 14;
pub const BUILDING: usize = 15;
pub const SOI: usize = 16;
pub const ROAD: usize = 17;
pub const PLACE: usize = 18;
pub const MARKETING: usize = 19;
pub const SMS: usize = 20;
pub const EMAIL_NOTICES: usize = 21;

/// Which form field shows a draft field's problem.
fn index_of(field: CustomerField) -> usize {
    match field {
        CustomerField::FirstName => FIRST_NAME,
        CustomerField::LastName => LAST_NAME,
        CustomerField::FirstNameEn => FIRST_NAME_EN,
        CustomerField::LastNameEn => LAST_NAME_EN,
        CustomerField::NationalId => NATIONAL_ID,
        CustomerField::BranchCode => BRANCH,
        CustomerField::DateOfBirth => BIRTH,
        CustomerField::Phone => PHONE,
        CustomerField::Email => EMAIL,
        CustomerField::HouseNo => HOUSE,
        CustomerField::Moo => MOO,
        CustomerField::Village => VILLAGE,
        CustomerField::Building => BUILDING,
        CustomerField::Soi => SOI,
        CustomerField::Road => ROAD,
        CustomerField::Tambon | CustomerField::PostalCode => PLACE,
    }
}

/// The draft field a form field holds, for checking it as it is typed.
fn field_at(index: usize) -> Option<CustomerField> {
    Some(match index {
        FIRST_NAME => CustomerField::FirstName,
        LAST_NAME => CustomerField::LastName,
        FIRST_NAME_EN => CustomerField::FirstNameEn,
        LAST_NAME_EN => CustomerField::LastNameEn,
        NATIONAL_ID => CustomerField::NationalId,
        BRANCH => CustomerField::BranchCode,
        BIRTH => CustomerField::DateOfBirth,
        PHONE => CustomerField::Phone,
        EMAIL => CustomerField::Email,
        HOUSE => CustomerField::HouseNo,
        MOO => CustomerField::Moo,
        VILLAGE => CustomerField::Village,
        BUILDING => CustomerField::Building,
        SOI => CustomerField::Soi,
        ROAD => CustomerField::Road,
        _ => return None,
    })
}

/// The database constraint a refused save names, and the field it is about.
fn field_of_constraint(constraint: &str) -> Option<usize> {
    Some(match constraint {
        "customers_national_id_key" | "chk_customers_national_id" => NATIONAL_ID,
        "customers_email_key" | "chk_customers_email" => EMAIL,
        "chk_customers_phone" => PHONE,
        "chk_customers_person_name" => LAST_NAME,
        "chk_customers_date_of_birth" => BIRTH,
        "chk_customers_branch_code" => BRANCH,
        "chk_customers_postal_code" => PLACE,
        _ => return None,
    })
}

#[derive(Debug, Clone)]
pub struct CustomerEditor {
    pub form: Form,
    /// The customer and version being edited; None for a new customer.
    pub editing: Option<(Uuid, i32)>,
    pub picker: Option<AddressPicker>,
    pub status: SaveStatus,
    /// Customers like the new one, waiting for the person to decide.
    pub duplicates: Option<Vec<Duplicate>>,
    /// Someone else's save that came first: who and when.
    pub conflict: Option<Beaten>,
    pub request: RequestCounter,
    /// The draft checked for duplicates, saved when the person says so.
    pending: Option<CustomerDraft>,
}

impl CustomerEditor {
    pub fn new() -> CustomerEditor {
        let choices_type = options(&["INDIVIDUAL", "JURISTIC"], labels::customer_type);
        let mut genders = options(&["NONE"], labels::gender);
        genders.extend(options(&["MALE", "FEMALE", "OTHER"], labels::gender));
        let fields = vec![
            Field::choice(key!("customer-field-type"), choices_type)
                .in_section(key!("customer-section-identity")),
            Field::text(key!("customer-field-first-name")),
            Field::text(key!("customer-field-last-name")),
            Field::text(key!("customer-field-first-name-en")),
            Field::text(key!("customer-field-last-name-en")),
            Field::text(key!("customer-field-national-id"))
                .with_placeholder(msg!("customer-placeholder-national-id")),
            Field::text(key!("customer-field-branch"))
                .with_placeholder(msg!("customer-placeholder-branch")),
            Field::text(key!("customer-field-birth"))
                .with_placeholder(msg!("customer-placeholder-birth")),
            Field::choice(key!("customer-field-gender"), genders),
            Field::text(key!("customer-field-phone"))
                .with_placeholder(msg!("customer-placeholder-phone"))
                .in_section(key!("customer-section-contact")),
            Field::text(key!("customer-field-email")),
            Field::choice(
                key!("customer-field-language"),
                options(&["th", "en"], labels::language),
            ),
            Field::text(key!("customer-field-house")).in_section(key!("customer-section-address")),
            Field::text(key!("customer-field-moo")),
            Field::text(key!("customer-field-village")),
            Field::text(key!("customer-field-building")),
            Field::text(key!("customer-field-soi")),
            Field::text(key!("customer-field-road")),
            Field::pick(key!("customer-field-place")),
            Field::toggle(key!("customer-field-marketing"), false)
                .in_section(key!("customer-section-notices")),
            Field::toggle(key!("customer-field-sms"), true),
            Field::toggle(key!("customer-field-email-notices"), false),
        ];
        let mut editor = CustomerEditor {
            form: Form::new(fields),
            editing: None,
            picker: None,
            status: SaveStatus::Editing,
            duplicates: None,
            conflict: None,
            request: RequestCounter::default(),
            pending: None,
        };
        editor.form.focus = FIRST_NAME;
        editor.apply_type();
        editor
    }

    /// A form filled with a customer's current values.
    pub fn editing(profile: &Profile, lang: Lang) -> CustomerEditor {
        let mut editor = CustomerEditor::new();
        editor.fill(profile, lang);
        editor.editing = Some((profile.id, profile.version));
        editor.form.mark_clean();
        editor
    }

    fn fill(&mut self, p: &Profile, lang: Lang) {
        let form = &mut self.form;
        form.set_value(TYPE, &p.customer_type);
        form.set_value(FIRST_NAME, &p.first_name);
        form.set_value(LAST_NAME, p.last_name.as_deref().unwrap_or_default());
        form.set_value(
            FIRST_NAME_EN,
            p.first_name_en.as_deref().unwrap_or_default(),
        );
        form.set_value(LAST_NAME_EN, p.last_name_en.as_deref().unwrap_or_default());
        form.set_value(
            NATIONAL_ID,
            &p.national_id
                .as_deref()
                .map(crate::domain::national_id::format)
                .unwrap_or_default(),
        );
        form.set_value(BRANCH, p.branch_code.as_deref().unwrap_or_default());
        form.set_value(
            BIRTH,
            &p.date_of_birth
                .map(|d| {
                    format!(
                        "{}/{}",
                        d.format("%d/%m"),
                        crate::i18n::format::buddhist_year(d)
                    )
                })
                .unwrap_or_default(),
        );
        form.set_value(GENDER, p.gender.as_deref().unwrap_or("NONE"));
        form.set_value(
            PHONE,
            &p.phone_number
                .as_deref()
                .map(crate::domain::phone::format)
                .unwrap_or_default(),
        );
        form.set_value(EMAIL, p.email.as_deref().unwrap_or_default());
        form.set_value(LANGUAGE, &p.preferred_language);
        let lines = p.address.as_ref().map(|a| a.0.clone()).unwrap_or_default();
        form.set_value(HOUSE, lines.house_no.as_deref().unwrap_or_default());
        form.set_value(MOO, &lines.moo.map(|m| m.to_string()).unwrap_or_default());
        form.set_value(VILLAGE, lines.village.as_deref().unwrap_or_default());
        form.set_value(BUILDING, lines.building.as_deref().unwrap_or_default());
        form.set_value(SOI, lines.soi.as_deref().unwrap_or_default());
        form.set_value(ROAD, lines.road.as_deref().unwrap_or_default());
        if let (Some(tambon), Some(postcode)) = (&p.tambon_code, &p.postal_code) {
            self.set_place(tambon, postcode, lang);
        }
        let form = &mut self.form;
        form.set_value(MARKETING, &p.marketing_consent.to_string());
        form.set_value(SMS, &p.sms_notifications.to_string());
        form.set_value(EMAIL_NOTICES, &p.email_notifications.to_string());
        self.apply_type();
    }

    fn set_place(&mut self, tambon: &str, postcode: &str, lang: Lang) {
        let shown = Geography::bundled()
            .address(&Default::default(), tambon, postcode)
            .map(|a| a.format(lang))
            .unwrap_or_else(|| format!("{tambon} {postcode}"));
        self.form
            .set_pick(PLACE, Some(format!("{tambon} {postcode}")), shown);
    }

    fn juristic(&self) -> bool {
        self.form.value(TYPE) == "JURISTIC"
    }

    /// A company has a registered name and a branch, no last name, birthday or gender.
    fn apply_type(&mut self) {
        let juristic = self.juristic();
        for index in [LAST_NAME, LAST_NAME_EN, BIRTH, GENDER] {
            self.form.set_hidden(index, juristic);
        }
        self.form.set_hidden(BRANCH, !juristic);
        self.form.fields[FIRST_NAME].label = if juristic {
            key!("customer-field-registered-name")
        } else {
            key!("customer-field-first-name")
        };
        self.form.fields[FIRST_NAME_EN].label = if juristic {
            key!("customer-field-registered-name-en")
        } else {
            key!("customer-field-first-name-en")
        };
        self.form.fields[NATIONAL_ID].label = if juristic {
            key!("customer-field-tax-id")
        } else {
            key!("customer-field-national-id")
        };
    }

    pub fn is_busy(&self) -> bool {
        matches!(self.status, SaveStatus::Checking | SaveStatus::Saving)
    }

    /// A key or paste for the focused field, checked as typed.
    pub fn edit(&mut self, event: &Event, today: NaiveDate) {
        if self.is_busy() {
            return;
        }
        if self.form.edit(event) {
            let focus = self.form.focus;
            if focus == TYPE {
                self.apply_type();
            }
            if let Some(field) = field_at(focus) {
                let problem = field_problem(field, self.form.value(focus), today);
                self.form.set_error(focus, problem);
            }
            if matches!(self.status, SaveStatus::Failed(_)) {
                self.status = SaveStatus::Editing;
            }
        }
    }

    /// Enter on the place field opens the picker.
    pub fn open_picker(&mut self, lang: Lang) {
        if self.form.focus == PLACE {
            self.picker = Some(AddressPicker::address(lang));
        }
    }

    pub fn picker_key(&mut self, key: &crossterm::event::KeyEvent, lang: Lang) {
        let Some(picker) = &mut self.picker else {
            return;
        };
        match picker.key(key, lang) {
            Outcome::Open => {}
            Outcome::Cancelled => self.picker = None,
            Outcome::Chosen(Chosen::Tambon {
                tambon_code,
                postal_code,
            }) => {
                self.picker = None;
                self.set_place(&tambon_code, &postal_code, lang);
                self.form.mark_touched();
                self.form.next();
            }
            Outcome::Chosen(Chosen::Province(_)) => self.picker = None,
        }
    }

    fn input(&self) -> CustomerInput {
        let form = &self.form;
        let text = |index| form.value(index).to_string();
        let (tambon_code, postal_code) = match form.picked(PLACE) {
            Some(value) => match value.split_once(' ') {
                Some((tambon, postcode)) => (Some(tambon.to_string()), Some(postcode.to_string())),
                None => (None, None),
            },
            None => (None, None),
        };
        CustomerInput {
            customer_type: CustomerType::from_db(form.value(TYPE)),
            first_name: text(FIRST_NAME),
            last_name: text(LAST_NAME),
            first_name_en: text(FIRST_NAME_EN),
            last_name_en: text(LAST_NAME_EN),
            national_id: text(NATIONAL_ID),
            branch_code: text(BRANCH),
            date_of_birth: text(BIRTH),
            gender: Gender::from_db(form.value(GENDER)),
            phone: text(PHONE),
            email: text(EMAIL),
            preferred_language: Lang::parse(form.value(LANGUAGE)).unwrap_or_default(),
            marketing_consent: form.is_on(MARKETING),
            sms_notifications: form.is_on(SMS),
            email_notifications: form.is_on(EMAIL_NOTICES),
            address: AddressInput {
                house_no: text(HOUSE),
                moo: text(MOO),
                village: text(VILLAGE),
                building: text(BUILDING),
                soi: text(SOI),
                road: text(ROAD),
                tambon_code,
                postal_code,
            },
        }
    }

    /// Ctrl-S: check the form; a new customer is compared with those on file first.
    pub fn submit(&mut self, today: NaiveDate) -> Option<CustomersCmd> {
        if self.is_busy() {
            return None;
        }
        self.form.clear_errors();
        let draft = match CustomerDraft::parse(&self.input(), today) {
            Ok(draft) => draft,
            Err(problems) => {
                for (field, problem) in problems {
                    let index = index_of(field);
                    if self.form.fields[index].error.is_none() {
                        self.form.set_error(index, Some(problem));
                    }
                }
                self.form.focus_first_error();
                self.status = SaveStatus::Failed(msg!("customers-form-has-errors"));
                return None;
            }
        };
        match self.editing {
            None => {
                self.status = SaveStatus::Checking;
                self.pending = Some(draft.clone());
                Some(CustomersCmd::CheckDuplicates {
                    request: self.request.issue(),
                    draft: Box::new(draft),
                    except: None,
                })
            }
            Some((id, version)) => Some(self.save(Save::UpdateCustomer {
                id,
                version,
                draft: Box::new(draft),
            })),
        }
    }

    fn save(&mut self, save: Save) -> CustomersCmd {
        self.status = SaveStatus::Saving;
        CustomersCmd::Save {
            request: self.request.issue(),
            save,
        }
    }

    /// The duplicate check answered: save at once when there is no one like this.
    pub fn on_duplicates(
        &mut self,
        request: u64,
        result: Result<Vec<Duplicate>, crate::i18n::Message>,
    ) -> Option<CustomersCmd> {
        if !self.request.is_latest(request) {
            return None;
        }
        match result {
            Ok(found) if found.is_empty() => self.save_pending(),
            Ok(found) => {
                self.duplicates = Some(found);
                self.status = SaveStatus::Editing;
                None
            }
            Err(message) => {
                self.status = SaveStatus::Failed(message);
                None
            }
        }
    }

    /// "Save anyway" on the duplicates shown.
    pub fn save_pending(&mut self) -> Option<CustomersCmd> {
        self.duplicates = None;
        let draft = self.pending.take()?;
        Some(self.save(Save::CreateCustomer(Box::new(draft))))
    }

    /// Back to the form from the duplicates, to change it.
    pub fn dismiss_duplicates(&mut self) {
        self.duplicates = None;
        self.pending = None;
        self.status = SaveStatus::Editing;
    }

    /// A save that did not go through: the reason beside its field, or the conflict. The
    /// person's input stays as it is.
    pub fn refused(&mut self, refusal: Refusal) {
        match refusal {
            Refusal::Conflict(conflict) => {
                if let Some((id, _)) = self.editing {
                    self.editing = Some((id, conflict.version));
                }
                self.conflict = Some((conflict.by, conflict.at));
                self.status = SaveStatus::Failed(msg!("customers-conflict-kept"));
            }
            Refusal::Constraint(constraint, message) => {
                if let Some(index) = field_of_constraint(&constraint) {
                    self.form.set_error(index, Some(message.clone()));
                    self.form.focus = index;
                }
                self.status = SaveStatus::Failed(message);
            }
            Refusal::Other(message) => self.status = SaveStatus::Failed(message),
        }
    }

    /// After a conflict: what the other person saved, under each field where it differs
    /// from what is typed here.
    pub fn show_theirs(&mut self, theirs: &Profile, lang: Lang) {
        let mut other = CustomerEditor::new();
        other.fill(theirs, lang);
        self.form.clear_notes();
        for index in 0..self.form.fields.len() {
            let mine = self.form.value(index);
            let saved = other.form.value(index);
            let bare = |text: &str| text.trim().replace(['-', ' '], "");
            let differs = match index {
                NATIONAL_ID | PHONE => bare(mine) != bare(saved),
                _ => mine.trim() != saved.trim(),
            };
            if differs {
                let shown = match &other.form.fields[index].kind {
                    crate::tui::widgets::form::FieldKind::Pick { shown, .. } => shown.clone(),
                    _ if saved.is_empty() => "–".to_string(),
                    _ => saved.to_string(),
                };
                self.form
                    .set_note(index, Some(msg!("customers-theirs", value = shown)));
            }
        }
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let title = if self.editing.is_some() {
            tr!(ui.lang, "customers-edit-title")
        } else {
            tr!(ui.lang, "customers-new-title")
        };
        let active = self.picker.is_none() && self.duplicates.is_none();
        FormBox {
            title: &title,
            form: &self.form,
            status: &self.status,
            conflict: self.conflict.as_ref(),
            active,
            keys: key!("customers-form-keys"),
        }
        .render(frame, area, ui);
        if let Some(picker) = &self.picker {
            let popup = modal::centered(area, 64, 20);
            frame.render_widget(Clear, popup);
            let block = Block::bordered().title(Line::styled(
                format!(" {} ", tr!(ui.lang, "customer-field-place")),
                ui.theme.title(),
            ));
            let inner = block.inner(popup);
            frame.render_widget(block, popup);
            picker.render(frame, inner, ui.lang, ui.theme);
        }
        if let Some(duplicates) = &self.duplicates {
            render_duplicates(frame, area, duplicates, ui);
        }
    }
}

impl Default for CustomerEditor {
    fn default() -> Self {
        CustomerEditor::new()
    }
}

fn render_duplicates(frame: &mut Frame, area: Rect, duplicates: &[Duplicate], ui: &Ui) {
    let popup = modal::centered(area, 72, (duplicates.len() as u16 * 2 + 6).min(area.height));
    frame.render_widget(Clear, popup);
    let block = Block::bordered().title(Line::styled(
        format!(" {} ", tr!(ui.lang, "customers-duplicates-title")),
        ui.theme.warning(),
    ));
    let mut lines = vec![
        Line::raw(tr!(ui.lang, "customers-duplicates-intro")),
        Line::default(),
    ];
    for duplicate in duplicates {
        let reasons: Vec<String> = duplicate
            .reasons
            .iter()
            .map(|reason| {
                tr!(
                    ui.lang,
                    "customers-duplicate-reason",
                    reason = match reason {
                        DuplicateReason::SameNationalId => "national-id",
                        DuplicateReason::SamePhone => "phone",
                        DuplicateReason::SameNameAndBirthday => "name-birthday",
                    }
                )
            })
            .collect();
        lines.push(Line::from(vec![
            Span::styled(duplicate.name.clone(), ui.theme.title()),
            Span::raw(format!(
                "  {}  {}  {}",
                duplicate.national_id_masked.clone().unwrap_or_default(),
                duplicate
                    .phone_number
                    .as_deref()
                    .map(crate::domain::phone::format)
                    .unwrap_or_default(),
                duplicate
                    .date_of_birth
                    .map(|d| date(ui.lang, ui.calendar, d))
                    .unwrap_or_default()
            )),
        ]));
        lines.push(Line::styled(
            format!("  {}", reasons.join(", ")),
            ui.theme.warning(),
        ));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        tr!(ui.lang, "customers-duplicates-keys"),
        ui.theme.muted(),
    ));
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
