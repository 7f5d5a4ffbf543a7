//! Adding and editing a vehicle (the plate checked as typed, its province picked), and
//! recording a DLT verification checked by hand or read from a document.

use chrono::NaiveDate;
use crossterm::event::Event;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear};
use uuid::Uuid;

use super::editor::{Beaten, FormBox, Refusal, SaveStatus, options};
use super::labels;
use super::work::{CustomersCmd, Save};
use crate::db::customers::VehicleRow;
use crate::db::geo::Geography;
use crate::domain::vehicle::{
    DLT_METHODS, DltDraft, DltField, DltInput, FUEL_TYPES, PARKING_LOCATIONS, USAGE_TYPES,
    VEHICLE_TYPES, VehicleDraft, VehicleField, VehicleInput, field_problem,
};
use crate::i18n::Lang;
use crate::tui::remote::RequestCounter;
use crate::tui::screens::Ui;
use crate::tui::widgets::address_picker::{AddressPicker, Chosen, Outcome};
use crate::tui::widgets::form::{Field, Form};
use crate::tui::widgets::modal;
use crate::{key, msg, tr};

pub const PLATE: usize = 0;
pub const PROVINCE: usize = 1;
pub const PLATE_LABEL: usize = 2;
pub const MAKE: usize = 3;
pub const MODEL: usize = 4;
pub const YEAR: usize = 5;
pub const ENGINE_CC: usize = 6;
pub const SEATS: usize = 7;
pub const TYPE: usize = 8;
pub const FUEL: usize = 9;
pub const COLOR: usize = 10;
pub const CHASSIS: usize = 11;
pub const USAGE: usize = 12;
pub const PARKING: usize = 13;
pub const MILEAGE: usize = 14;

fn index_of(field: VehicleField) -> usize {
    match field {
        VehicleField::Plate => PLATE,
        VehicleField::Province => PROVINCE,
        VehicleField::PlateLabel => PLATE_LABEL,
        VehicleField::Make => MAKE,
        VehicleField::Model => MODEL,
        VehicleField::Year => YEAR,
        VehicleField::EngineCc => ENGINE_CC,
        VehicleField::Seats => SEATS,
        VehicleField::Color => COLOR,
        VehicleField::Chassis => CHASSIS,
        VehicleField::AnnualMileage => MILEAGE,
    }
}

fn field_at(index: usize) -> Option<VehicleField> {
    Some(match index {
        PLATE => VehicleField::Plate,
        PLATE_LABEL => VehicleField::PlateLabel,
        MAKE => VehicleField::Make,
        MODEL => VehicleField::Model,
        YEAR => VehicleField::Year,
        ENGINE_CC => VehicleField::EngineCc,
        SEATS => VehicleField::Seats,
        COLOR => VehicleField::Color,
        CHASSIS => VehicleField::Chassis,
        MILEAGE => VehicleField::AnnualMileage,
        _ => return None,
    })
}

#[derive(Debug, Clone)]
pub struct VehicleEditor {
    pub form: Form,
    pub customer: Uuid,
    /// The vehicle and version being edited; None for a new one.
    pub editing: Option<(Uuid, i32)>,
    pub picker: Option<AddressPicker>,
    pub status: SaveStatus,
    pub conflict: Option<Beaten>,
    pub request: RequestCounter,
}

impl VehicleEditor {
    pub fn new(customer: Uuid) -> VehicleEditor {
        let mut parking = options(&["NONE"], labels::parking);
        parking.extend(options(&PARKING_LOCATIONS, labels::parking));
        let fields = vec![
            Field::text(key!("vehicle-plate"))
                .with_placeholder(msg!("vehicle-placeholder-plate"))
                .in_section(key!("vehicle-section-registration")),
            Field::pick(key!("vehicle-province")),
            Field::text(key!("vehicle-plate-label"))
                .with_placeholder(msg!("vehicle-placeholder-plate-label")),
            Field::text(key!("vehicle-make")).in_section(key!("vehicle-section-vehicle")),
            Field::text(key!("vehicle-model")),
            Field::text(key!("vehicle-year")).with_placeholder(msg!("vehicle-placeholder-year")),
            Field::text(key!("vehicle-engine-cc")),
            Field::text(key!("vehicle-seats")),
            Field::choice(
                key!("vehicle-type"),
                options(&VEHICLE_TYPES, labels::vehicle_type),
            ),
            Field::choice(
                key!("vehicle-fuel"),
                options(&FUEL_TYPES, labels::fuel_type),
            ),
            Field::text(key!("vehicle-color")),
            Field::text(key!("vehicle-chassis")),
            Field::choice(
                key!("vehicle-usage"),
                options(&USAGE_TYPES, labels::usage_type),
            )
            .in_section(key!("vehicle-section-use")),
            Field::choice(key!("vehicle-parking"), parking),
            Field::text(key!("vehicle-mileage")),
        ];
        VehicleEditor {
            form: Form::new(fields),
            customer,
            editing: None,
            picker: None,
            status: SaveStatus::Editing,
            conflict: None,
            request: RequestCounter::default(),
        }
    }

    pub fn editing(customer: Uuid, vehicle: &VehicleRow, lang: Lang) -> VehicleEditor {
        let mut editor = VehicleEditor::new(customer);
        let form = &mut editor.form;
        form.set_value(PLATE, &vehicle.registration_number);
        form.set_value(
            PLATE_LABEL,
            vehicle.plate_label.as_deref().unwrap_or_default(),
        );
        form.set_value(MAKE, &vehicle.make);
        form.set_value(MODEL, &vehicle.model);
        form.set_value(YEAR, &(vehicle.year_of_manufacture + 543).to_string());
        form.set_value(
            ENGINE_CC,
            &vehicle.engine_cc.map(|c| c.to_string()).unwrap_or_default(),
        );
        form.set_value(
            SEATS,
            &vehicle.seats.map(|c| c.to_string()).unwrap_or_default(),
        );
        form.set_value(TYPE, &vehicle.vehicle_type);
        form.set_value(FUEL, &vehicle.fuel_type);
        form.set_value(COLOR, vehicle.color.as_deref().unwrap_or_default());
        form.set_value(
            CHASSIS,
            vehicle.chassis_number.as_deref().unwrap_or_default(),
        );
        form.set_value(USAGE, &vehicle.usage_type);
        form.set_value(
            PARKING,
            vehicle.parking_location.as_deref().unwrap_or("NONE"),
        );
        form.set_value(
            MILEAGE,
            &vehicle
                .annual_mileage
                .map(|m| m.to_string())
                .unwrap_or_default(),
        );
        editor.set_province(&vehicle.province_code, lang);
        editor.editing = Some((vehicle.id, vehicle.version));
        editor.form.mark_clean();
        editor
    }

    fn set_province(&mut self, code: &str, lang: Lang) {
        let shown = Geography::bundled()
            .province(code)
            .map(|p| match lang {
                Lang::Th => format!("{} · {}", p.name_th, p.name_en),
                Lang::En => format!("{} · {}", p.name_en, p.name_th),
            })
            .unwrap_or_else(|| code.to_string());
        self.form.set_pick(PROVINCE, Some(code.to_string()), shown);
    }

    pub fn is_busy(&self) -> bool {
        matches!(self.status, SaveStatus::Saving)
    }

    pub fn edit(&mut self, event: &Event, today: NaiveDate) {
        if self.is_busy() {
            return;
        }
        if self.form.edit(event) {
            let focus = self.form.focus;
            if let Some(field) = field_at(focus) {
                let problem = field_problem(field, self.form.value(focus), today);
                self.form.set_error(focus, problem);
            }
        }
    }

    pub fn open_picker(&mut self, lang: Lang) {
        if self.form.focus == PROVINCE {
            self.picker = Some(AddressPicker::province(lang));
        }
    }

    pub fn picker_key(&mut self, key: &crossterm::event::KeyEvent, lang: Lang) {
        let Some(picker) = &mut self.picker else {
            return;
        };
        match picker.key(key, lang) {
            Outcome::Open => {}
            Outcome::Chosen(Chosen::Province(code)) => {
                self.picker = None;
                self.set_province(&code, lang);
                self.form.mark_touched();
                self.form.next();
            }
            Outcome::Chosen(_) | Outcome::Cancelled => self.picker = None,
        }
    }

    fn input(&self) -> VehicleInput {
        let form = &self.form;
        let text = |index| form.value(index).to_string();
        VehicleInput {
            plate: text(PLATE),
            province_code: form.picked(PROVINCE).map(str::to_string),
            plate_label: text(PLATE_LABEL),
            make: text(MAKE),
            model: text(MODEL),
            year: text(YEAR),
            engine_cc: text(ENGINE_CC),
            seats: text(SEATS),
            vehicle_type: text(TYPE),
            fuel_type: text(FUEL),
            color: text(COLOR),
            chassis_number: text(CHASSIS),
            usage_type: text(USAGE),
            parking_location: Some(text(PARKING)).filter(|p| p != "NONE"),
            annual_mileage: text(MILEAGE),
        }
    }

    pub fn submit(&mut self, today: NaiveDate) -> Option<CustomersCmd> {
        if self.is_busy() {
            return None;
        }
        self.form.clear_errors();
        let draft = match VehicleDraft::parse(&self.input(), today) {
            Ok(draft) => Box::new(draft),
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
        let save = match self.editing {
            None => Save::CreateVehicle {
                customer: self.customer,
                draft,
            },
            Some((id, version)) => Save::UpdateVehicle { id, version, draft },
        };
        self.status = SaveStatus::Saving;
        Some(CustomersCmd::Save {
            request: self.request.issue(),
            save,
        })
    }

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
                let index = match constraint.as_str() {
                    "chk_customer_vehicles_plate" | "customer_vehicles_plate_province_key" => {
                        Some(PLATE)
                    }
                    "chk_customer_vehicles_year" => Some(YEAR),
                    "chk_customer_vehicles_engine_cc" => Some(ENGINE_CC),
                    "chk_customer_vehicles_seats" => Some(SEATS),
                    _ => None,
                };
                if let Some(index) = index {
                    self.form.set_error(index, Some(message.clone()));
                    self.form.focus = index;
                }
                self.status = SaveStatus::Failed(message);
            }
            Refusal::Other(message) => self.status = SaveStatus::Failed(message),
        }
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let title = if self.editing.is_some() {
            tr!(ui.lang, "vehicle-edit-title")
        } else {
            tr!(ui.lang, "vehicle-new-title")
        };
        FormBox {
            title: &title,
            form: &self.form,
            status: &self.status,
            conflict: self.conflict.as_ref(),
            active: self.picker.is_none(),
            keys: key!("customers-form-keys"),
        }
        .render(frame, area, ui);
        if let Some(picker) = &self.picker {
            let popup = modal::centered(area, 56, 20);
            frame.render_widget(Clear, popup);
            let block = Block::bordered().title(Line::styled(
                format!(" {} ", tr!(ui.lang, "vehicle-province")),
                ui.theme.title(),
            ));
            let inner = block.inner(popup);
            frame.render_widget(block, popup);
            picker.render(frame, inner, ui.lang, ui.theme);
        }
    }
}

pub const VALID: usize = 0;
pub const TAX_PAID: usize = 1;
pub const EXPIRY: usize = 2;
pub const REFERENCE: usize = 3;
pub const METHOD: usize = 4;

#[derive(Debug, Clone)]
pub struct DltEditor {
    pub form: Form,
    pub vehicle: Uuid,
    /// "กข 1234 กรุงเทพมหานคร", for the title.
    pub plate: String,
    pub status: SaveStatus,
    pub request: RequestCounter,
}

impl DltEditor {
    pub fn new(vehicle: &VehicleRow, lang: Lang) -> DltEditor {
        let province = Geography::bundled()
            .province(&vehicle.province_code)
            .map(|p| match lang {
                Lang::Th => p.name_th.clone(),
                Lang::En => p.name_en.clone(),
            })
            .unwrap_or_default();
        DltEditor {
            form: Form::new(vec![
                Field::toggle(key!("dlt-registration-valid"), true),
                Field::toggle(key!("dlt-tax-paid"), true),
                Field::text(key!("dlt-expiry")).with_placeholder(msg!("customer-placeholder-date")),
                Field::text(key!("dlt-reference")),
                Field::choice(
                    key!("dlt-method"),
                    options(&DLT_METHODS, labels::dlt_method),
                ),
            ]),
            vehicle: vehicle.id,
            plate: format!("{} {province}", vehicle.registration_number),
            status: SaveStatus::Editing,
            request: RequestCounter::default(),
        }
    }

    pub fn edit(&mut self, event: &Event) {
        if self.status != SaveStatus::Saving && self.form.edit(event) && self.form.focus == EXPIRY {
            let typed = self.form.value(EXPIRY).trim().to_string();
            let problem = (!typed.is_empty())
                .then(|| crate::domain::thai_date::parse(&typed).err())
                .flatten()
                .map(|p| p.message());
            self.form.set_error(EXPIRY, problem);
        }
    }

    pub fn submit(&mut self) -> Option<CustomersCmd> {
        if self.status == SaveStatus::Saving {
            return None;
        }
        let input = DltInput {
            registration_valid: self.form.is_on(VALID),
            tax_paid: self.form.is_on(TAX_PAID),
            expiry: self.form.value(EXPIRY).to_string(),
            reference: self.form.value(REFERENCE).to_string(),
            method: self.form.value(METHOD).to_string(),
        };
        match DltDraft::parse(&input) {
            Ok(draft) => {
                self.status = SaveStatus::Saving;
                Some(CustomersCmd::Save {
                    request: self.request.issue(),
                    save: Save::AddVerification {
                        vehicle: self.vehicle,
                        draft,
                    },
                })
            }
            Err(problems) => {
                for (field, problem) in problems {
                    let index = match field {
                        DltField::Expiry => EXPIRY,
                        DltField::Reference => REFERENCE,
                    };
                    self.form.set_error(index, Some(problem));
                }
                self.form.focus_first_error();
                self.status = SaveStatus::Failed(msg!("customers-form-has-errors"));
                None
            }
        }
    }

    pub fn refused(&mut self, refusal: Refusal) {
        self.status = SaveStatus::Failed(match refusal {
            Refusal::Conflict(_) => msg!("customers-record-gone"),
            Refusal::Constraint(_, message) | Refusal::Other(message) => message,
        });
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let title = tr!(ui.lang, "dlt-title", plate = self.plate.clone());
        FormBox {
            title: &title,
            form: &self.form,
            status: &self.status,
            conflict: None,
            active: true,
            keys: key!("customers-form-keys-simple"),
        }
        .render(frame, area, ui);
    }
}
