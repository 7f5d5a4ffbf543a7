//! One customer, whole: the profile with the Thai-written address, then a tab each for
//! vehicles, policies, claims, payments (with what is outstanding), consents and
//! documents. A section the person's role may not read says so instead of a table.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use rust_decimal::Decimal;
use uuid::Uuid;

use super::labels;
use crate::db::customers::{
    ClaimRow, ConsentRow, Customer360, DocumentRow, PaymentRow, PolicyRow, Profile, VehicleRow,
};
use crate::db::geo::Geography;
use crate::domain::{national_id, phone};
use crate::i18n::{Calendar, Lang, date, date_time, money};
use crate::tui::remote::{Remote, RequestCounter};
use crate::tui::screens::Ui;
use crate::tui::widgets::table::{DataTable, SortKey, TableRow, Tone};
use crate::tui::widgets::{spinner, text};
use crate::{key, tr};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Vehicles,
    Policies,
    Claims,
    Payments,
    Consents,
    Documents,
}

impl Tab {
    pub const ALL: [Tab; 6] = [
        Tab::Vehicles,
        Tab::Policies,
        Tab::Claims,
        Tab::Payments,
        Tab::Consents,
        Tab::Documents,
    ];

    fn title(self) -> &'static str {
        match self {
            Tab::Vehicles => key!("customers-tab-vehicles"),
            Tab::Policies => key!("customers-tab-policies"),
            Tab::Claims => key!("customers-tab-claims"),
            Tab::Payments => key!("customers-tab-payments"),
            Tab::Consents => key!("customers-tab-consents"),
            Tab::Documents => key!("customers-tab-documents"),
        }
    }

    /// The table whose audit trail holds this tab's rows.
    pub fn table_name(self) -> &'static str {
        match self {
            Tab::Vehicles => "customer_vehicles",
            Tab::Policies => "policies",
            Tab::Claims => "claims",
            Tab::Payments => "payments",
            Tab::Consents => "consent_records",
            Tab::Documents => "customer_documents",
        }
    }

    fn columns(self) -> Vec<&'static str> {
        match self {
            Tab::Vehicles => vec![
                key!("customers-column-plate"),
                key!("customers-column-vehicle"),
                key!("customers-column-year"),
                key!("customers-column-type"),
                key!("customers-column-usage"),
                key!("customers-column-dlt"),
            ],
            Tab::Policies => vec![
                key!("customers-column-policy"),
                key!("customers-column-type"),
                key!("customers-column-status"),
                key!("customers-column-from"),
                key!("customers-column-to"),
                key!("customers-column-premium"),
                key!("customers-column-plate"),
            ],
            Tab::Claims => vec![
                key!("customers-column-claim"),
                key!("customers-column-type"),
                key!("customers-column-status"),
                key!("customers-column-incident"),
                key!("customers-column-estimated"),
                key!("customers-column-paid"),
                key!("customers-column-policy"),
            ],
            Tab::Payments => vec![
                key!("customers-column-due"),
                key!("customers-column-what"),
                key!("customers-column-amount"),
                key!("customers-column-status"),
                key!("customers-column-method"),
                key!("customers-column-policy"),
            ],
            Tab::Consents => vec![
                key!("customers-column-purpose"),
                key!("customers-column-basis"),
                key!("customers-column-version"),
                key!("customers-column-given"),
                key!("customers-column-withdrawn"),
            ],
            Tab::Documents => vec![
                key!("customers-column-document"),
                key!("customers-column-file"),
                key!("customers-column-status"),
                key!("customers-column-expires"),
                key!("customers-column-added"),
            ],
        }
    }
}

/// Where the keyboard is: the profile, or a tab's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Profile,
    Tab(Tab),
}

#[derive(Debug, Clone)]
pub struct CustomerPane {
    pub id: Uuid,
    pub data: Remote<Customer360>,
    pub request: RequestCounter,
    pub focus: Focus,
    /// The tab shown under the profile (the last one focused).
    pub tab: Tab,
    tables: Vec<DataTable>,
    /// The full national ID, once revealed (adjusters, surveyors).
    pub revealed: Option<String>,
    /// A record to select once loaded (the policy or claim the search landed on).
    pub select_after_load: Option<(Tab, String)>,
    labelled_for: Option<(Lang, Calendar)>,
}

impl CustomerPane {
    pub fn new(id: Uuid) -> CustomerPane {
        CustomerPane {
            id,
            data: Remote::Loading,
            request: RequestCounter::default(),
            focus: Focus::Profile,
            tab: Tab::Vehicles,
            tables: Tab::ALL
                .iter()
                .map(|t| DataTable::new(t.columns()))
                .collect(),
            revealed: None,
            select_after_load: None,
            labelled_for: None,
        }
    }

    pub fn loaded(&mut self, data: Customer360) {
        self.data = Remote::Loaded(data);
        self.labelled_for = None;
    }

    pub fn profile(&self) -> Option<&Profile> {
        self.data.loaded().map(|d| &d.profile)
    }

    pub fn table(&self, tab: Tab) -> &DataTable {
        &self.tables[tab as usize]
    }

    pub fn table_mut(&mut self, tab: Tab) -> &mut DataTable {
        &mut self.tables[tab as usize]
    }

    /// Tab and Shift-Tab: profile → each tab → profile.
    pub fn cycle(&mut self, forward: bool) {
        let order: Vec<Focus> = std::iter::once(Focus::Profile)
            .chain(Tab::ALL.iter().map(|t| Focus::Tab(*t)))
            .collect();
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let next = if forward {
            (at + 1) % order.len()
        } else {
            (at + order.len() - 1) % order.len()
        };
        self.focus = order[next];
        if let Focus::Tab(tab) = self.focus {
            self.tab = tab;
        }
    }

    /// The id of the selected row of the focused tab.
    pub fn selected(&self) -> Option<(Tab, Uuid)> {
        let Focus::Tab(tab) = self.focus else {
            return None;
        };
        let index = self.table(tab).selected_index()?;
        let data = self.data.loaded()?;
        let id = match tab {
            Tab::Vehicles => data.vehicles.get(index).map(|r| r.id),
            Tab::Policies => data.policies.as_ref()?.get(index).map(|r| r.id),
            Tab::Claims => data.claims.as_ref()?.get(index).map(|r| r.id),
            Tab::Payments => data.payments.as_ref()?.get(index).map(|r| r.id),
            Tab::Consents => data.consents.as_ref()?.get(index).map(|r| r.id),
            Tab::Documents => data.documents.as_ref()?.get(index).map(|r| r.id),
        }?;
        Some((tab, id))
    }

    pub fn selected_vehicle(&self) -> Option<&VehicleRow> {
        match self.selected()? {
            (Tab::Vehicles, id) => self.data.loaded()?.vehicles.iter().find(|v| v.id == id),
            _ => None,
        }
    }

    /// The id of the selected row of the tab in focus.
    pub fn selected_id(&self) -> Option<Uuid> {
        self.selected().map(|(_, id)| id)
    }

    /// The selected vehicle, as the issue form's vehicle.
    pub fn selected_vehicle_choice(&self) -> Option<crate::db::policies::VehicleChoice> {
        let vehicle = self.selected_vehicle()?;
        let profile = self.profile()?;
        let province = crate::db::geo::Geography::bundled().province(&vehicle.province_code);
        Some(crate::db::policies::VehicleChoice {
            vehicle_id: vehicle.id,
            customer_id: profile.id,
            customer_name: profile.name_th(),
            registration_number: vehicle.registration_number.clone(),
            province_name_th: province.map(|p| p.name_th.clone()).unwrap_or_default(),
            province_name_en: province.map(|p| p.name_en.clone()).unwrap_or_default(),
            make: vehicle.make.clone(),
            model: vehicle.model.clone(),
            year_of_manufacture: vehicle.year_of_manufacture,
            usage_type: vehicle.usage_type.clone(),
        })
    }

    pub fn selected_consent(&self) -> Option<&ConsentRow> {
        match self.selected()? {
            (Tab::Consents, id) => self
                .data
                .loaded()?
                .consents
                .as_ref()?
                .iter()
                .find(|c| c.id == id),
            _ => None,
        }
    }

    /// Label and value lines of the selected record, for the read-only detail pane.
    pub fn detail(
        &self,
        lang: Lang,
        calendar: Calendar,
    ) -> Option<(String, Vec<(String, String)>)> {
        let (tab, id) = self.selected()?;
        let data = self.data.loaded()?;
        let field = |key: &'static str, value: String| (crate::i18n::text(lang, key, &[]), value);
        let day = |d: chrono::NaiveDate| date(lang, calendar, d);
        let when = |t: chrono::DateTime<chrono::Utc>| date_time(lang, calendar, t);
        let or_dash = |v: Option<String>| v.unwrap_or_else(|| "–".into());
        Some(match tab {
            Tab::Vehicles => {
                let v = data.vehicles.iter().find(|v| v.id == id)?;
                (
                    format!(
                        "{} {}",
                        v.registration_number,
                        province_name(&v.province_code, lang)
                    ),
                    vec![
                        field(
                            key!("customers-column-vehicle"),
                            format!("{} {}", v.make, v.model),
                        ),
                        field(
                            key!("customers-column-year"),
                            year(v.year_of_manufacture, calendar),
                        ),
                        field(
                            key!("customers-column-type"),
                            labels::vehicle_type(&v.vehicle_type).text(lang),
                        ),
                        field(
                            key!("vehicle-fuel"),
                            labels::fuel_type(&v.fuel_type).text(lang),
                        ),
                        field(
                            key!("customers-column-usage"),
                            labels::usage_type(&v.usage_type).text(lang),
                        ),
                        field(
                            key!("vehicle-engine-cc"),
                            or_dash(v.engine_cc.map(|c| c.to_string())),
                        ),
                        field(
                            key!("vehicle-seats"),
                            or_dash(v.seats.map(|c| c.to_string())),
                        ),
                        field(key!("vehicle-color"), or_dash(v.color.clone())),
                        field(key!("vehicle-chassis"), or_dash(v.chassis_number.clone())),
                        field(
                            key!("vehicle-parking"),
                            or_dash(
                                v.parking_location
                                    .as_deref()
                                    .map(|p| labels::parking(p).text(lang)),
                            ),
                        ),
                        field(
                            key!("vehicle-mileage"),
                            or_dash(v.annual_mileage.map(|m| m.to_string())),
                        ),
                        field(key!("customers-column-dlt"), dlt_summary(v, lang, calendar)),
                        field(
                            key!("vehicle-dlt-reference"),
                            or_dash(v.verification_reference.clone()),
                        ),
                    ],
                )
            }
            Tab::Policies => {
                let p = data.policies.as_ref()?.iter().find(|p| p.id == id)?;
                (
                    p.policy_number.clone(),
                    vec![
                        field(
                            key!("customers-column-type"),
                            labels::policy_type(&p.policy_type).text(lang),
                        ),
                        field(
                            key!("customers-column-status"),
                            labels::policy_status(&p.status).text(lang),
                        ),
                        field(key!("customers-column-from"), day(p.start_date)),
                        field(key!("customers-column-to"), day(p.end_date)),
                        field(
                            key!("customers-sum-insured"),
                            or_dash(p.sum_insured.map(money)),
                        ),
                        field(key!("customers-column-premium"), money(p.total_premium)),
                        field(
                            key!("customers-payment-plan"),
                            or_dash(p.payment_plan.clone()),
                        ),
                        field(key!("customers-column-plate"), or_dash(p.plate.clone())),
                    ],
                )
            }
            Tab::Claims => {
                let c = data.claims.as_ref()?.iter().find(|c| c.id == id)?;
                (
                    c.claim_number.clone(),
                    vec![
                        field(
                            key!("customers-column-type"),
                            labels::claim_type(&c.claim_type).text(lang),
                        ),
                        field(
                            key!("customers-column-status"),
                            labels::claim_status(&c.status).text(lang),
                        ),
                        field(key!("customers-column-incident"), when(c.incident_date)),
                        field(
                            key!("customers-column-estimated"),
                            or_dash(c.estimated_amount.map(money)),
                        ),
                        field(
                            key!("customers-approved"),
                            or_dash(c.approved_amount.map(money)),
                        ),
                        field(
                            key!("customers-column-paid"),
                            or_dash(c.settled_amount.map(money)),
                        ),
                        field(key!("customers-column-policy"), c.policy_number.clone()),
                    ],
                )
            }
            Tab::Payments => {
                let p = data.payments.as_ref()?.iter().find(|p| p.id == id)?;
                (
                    or_dash(p.transaction_reference.clone()),
                    vec![
                        field(key!("customers-column-what"), payment_what(p, lang)),
                        field(key!("customers-column-amount"), money(p.total_amount)),
                        field(
                            key!("customers-column-status"),
                            labels::payment_status(&p.payment_status).text(lang),
                        ),
                        field(
                            key!("customers-column-method"),
                            labels::payment_method(&p.payment_method).text(lang),
                        ),
                        field(key!("customers-column-due"), or_dash(p.due_date.map(day))),
                        field(key!("customers-paid-at"), or_dash(p.payment_date.map(when))),
                        field(
                            key!("customers-column-policy"),
                            or_dash(p.policy_number.clone()),
                        ),
                    ],
                )
            }
            Tab::Consents => {
                let c = data.consents.as_ref()?.iter().find(|c| c.id == id)?;
                (
                    labels::consent_purpose(&c.purpose).text(lang),
                    vec![
                        field(
                            key!("customers-column-basis"),
                            labels::lawful_basis(&c.lawful_basis).text(lang),
                        ),
                        field(
                            key!("customers-column-version"),
                            c.consent_text_version.clone(),
                        ),
                        field(
                            key!("consent-channel"),
                            labels::channel(&c.channel).text(lang),
                        ),
                        field(key!("customers-column-given"), when(c.given_at)),
                        field(
                            key!("customers-column-withdrawn"),
                            or_dash(c.withdrawn_at.map(|t| {
                                format!(
                                    "{} · {}",
                                    when(t),
                                    c.withdrawal_channel
                                        .as_deref()
                                        .map(|w| labels::channel(w).text(lang))
                                        .unwrap_or_default()
                                )
                            })),
                        ),
                        field(
                            key!("consent-evidence"),
                            or_dash(c.evidence_reference.clone()),
                        ),
                    ],
                )
            }
            Tab::Documents => {
                let d = data.documents.as_ref()?.iter().find(|d| d.id == id)?;
                (
                    labels::document_type(&d.document_type).text(lang),
                    vec![
                        field(key!("customers-column-file"), d.original_filename.clone()),
                        field(
                            key!("customers-column-status"),
                            labels::verification_status(&d.verification_status).text(lang),
                        ),
                        field(
                            key!("customers-column-expires"),
                            or_dash(d.expires_on.map(day)),
                        ),
                        field(key!("customers-column-added"), when(d.created_at)),
                    ],
                )
            }
        })
    }

    /// Builds the tables' rows in `lang` (after loading, or when the language changes).
    pub fn relabel(&mut self, lang: Lang, calendar: Calendar, today: NaiveDate) {
        if self.labelled_for == Some((lang, calendar)) {
            return;
        }
        let Some(data) = self.data.loaded() else {
            return;
        };
        self.labelled_for = Some((lang, calendar));
        let rows: Vec<(Tab, Vec<TableRow>)> = vec![
            (
                Tab::Vehicles,
                data.vehicles
                    .iter()
                    .map(|v| vehicle_row(v, lang, calendar))
                    .collect(),
            ),
            (
                Tab::Policies,
                rows(&data.policies, |p| policy_row(p, lang, calendar)),
            ),
            (
                Tab::Claims,
                rows(&data.claims, |c| claim_row(c, lang, calendar)),
            ),
            (
                Tab::Payments,
                rows(&data.payments, |p| payment_row(p, lang, calendar, today)),
            ),
            (
                Tab::Consents,
                rows(&data.consents, |c| consent_row(c, lang, calendar)),
            ),
            (
                Tab::Documents,
                rows(&data.documents, |d| document_row(d, lang, calendar)),
            ),
        ];
        let select = self.select_after_load.take();
        for (tab, tab_rows) in rows {
            self.tables[tab as usize].set_rows(tab_rows);
        }
        if let Some((tab, number)) = select {
            let index = match tab {
                Tab::Policies => data
                    .policies
                    .as_ref()
                    .and_then(|p| p.iter().position(|p| p.policy_number == number)),
                Tab::Claims => data
                    .claims
                    .as_ref()
                    .and_then(|c| c.iter().position(|c| c.claim_number == number)),
                Tab::Vehicles => data
                    .vehicles
                    .iter()
                    .position(|v| v.registration_number == number),
                _ => None,
            };
            if let Some(index) = index {
                self.tables[tab as usize].select_index(index);
                self.focus = Focus::Tab(tab);
                self.tab = tab;
            }
        }
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        self.relabel(ui.lang, ui.calendar, ui.today);
        let data = match &self.data {
            Remote::Idle | Remote::Loading => {
                frame.render_widget(
                    Paragraph::new(Line::styled(
                        format!("{} {}", spinner(ui.tick), tr!(ui.lang, "loading")),
                        ui.theme.muted(),
                    )),
                    area,
                );
                return;
            }
            Remote::Failed(message) => {
                frame.render_widget(
                    Paragraph::new(Line::styled(message.text(ui.lang), ui.theme.error())),
                    area,
                );
                return;
            }
            Remote::Loaded(data) => data,
        };
        let profile_lines = profile_lines(data, self.revealed.as_deref(), ui);
        let [profile_area, tabs_area, table_area] = Layout::vertical([
            Constraint::Length(profile_lines.len() as u16 + 2),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(area);
        let title = title_line(&data.profile, ui);
        let border = if self.focus == Focus::Profile {
            ui.theme.title()
        } else {
            ui.theme.muted()
        };
        let block = Block::bordered().border_style(border).title(title);
        frame.render_widget(Paragraph::new(profile_lines).block(block), profile_area);
        frame.render_widget(Paragraph::new(self.tab_bar(data, ui)), tabs_area);
        let visible = match self.tab {
            Tab::Vehicles => true,
            Tab::Policies => data.policies.is_some(),
            Tab::Claims => data.claims.is_some(),
            Tab::Payments => data.payments.is_some(),
            Tab::Consents => data.consents.is_some(),
            Tab::Documents => data.documents.is_some(),
        };
        if !visible {
            frame.render_widget(
                Paragraph::new(Line::styled(
                    tr!(ui.lang, "customers-not-for-your-role"),
                    ui.theme.muted(),
                )),
                table_area.inner(ratatui::layout::Margin::new(1, 1)),
            );
            return;
        }
        let focused = self.focus == Focus::Tab(self.tab);
        let tab = self.tab;
        let table = &mut self.tables[tab as usize];
        if table.is_empty() {
            frame.render_widget(
                Paragraph::new(Line::styled(
                    tr!(ui.lang, "customers-none-yet"),
                    ui.theme.muted(),
                )),
                table_area.inner(ratatui::layout::Margin::new(1, 1)),
            );
        } else if focused {
            table.render(frame, table_area, ui.lang, ui.theme);
        } else {
            // Unfocused: the same table without its highlight.
            let mut shown = table.clone();
            shown.clear_selection();
            shown.render(frame, table_area, ui.lang, ui.theme);
        }
    }

    fn tab_bar(&self, data: &Customer360, ui: &Ui) -> Line<'static> {
        let count = |tab: Tab| -> Option<usize> {
            match tab {
                Tab::Vehicles => Some(data.vehicles.len()),
                Tab::Policies => data.policies.as_ref().map(Vec::len),
                Tab::Claims => data.claims.as_ref().map(Vec::len),
                Tab::Payments => data.payments.as_ref().map(Vec::len),
                Tab::Consents => data.consents.as_ref().map(Vec::len),
                Tab::Documents => data.documents.as_ref().map(Vec::len),
            }
        };
        let mut spans = Vec::new();
        for tab in Tab::ALL {
            let label = format!(
                " {} ({}) ",
                crate::i18n::text(ui.lang, tab.title(), &[]),
                count(tab).map_or("–".to_string(), |n| n.to_string())
            );
            let style = if tab == self.tab {
                if self.focus == Focus::Tab(tab) {
                    ui.theme.selected()
                } else {
                    ui.theme.title()
                }
            } else {
                ui.theme.muted()
            };
            spans.push(Span::styled(label, style));
            spans.push(Span::raw("│"));
        }
        spans.pop();
        Line::from(spans)
    }
}

fn rows<T>(section: &Option<Vec<T>>, row: impl Fn(&T) -> TableRow) -> Vec<TableRow> {
    section
        .as_ref()
        .map_or(Vec::new(), |items| items.iter().map(row).collect())
}

fn province_name(code: &str, lang: Lang) -> String {
    Geography::bundled()
        .province(code)
        .map(|p| match lang {
            Lang::Th => p.name_th.clone(),
            Lang::En => p.name_en.clone(),
        })
        .unwrap_or_default()
}

/// A year in the calendar shown (Buddhist years for 1941 on).
fn year(year: i32, calendar: Calendar) -> String {
    match calendar {
        Calendar::Buddhist => (year + 543).to_string(),
        Calendar::Christian => year.to_string(),
    }
}

fn title_line(profile: &Profile, ui: &Ui) -> Line<'static> {
    let mut spans = vec![Span::styled(
        format!(" {} ", profile.name_th()),
        ui.theme.title(),
    )];
    if let Some(en) = profile.name_en() {
        spans.push(Span::styled(format!("· {en} "), ui.theme.muted()));
    }
    spans.push(Span::styled(
        format!(
            "· {} ",
            labels::customer_type(&profile.customer_type).text(ui.lang)
        ),
        ui.theme.muted(),
    ));
    if profile.deleted_at.is_some() {
        spans.push(Span::styled(
            format!("· {} ", tr!(ui.lang, "customers-anonymised")),
            ui.theme.warning(),
        ));
    }
    Line::from(spans)
}

/// The profile box: identity, contact, address in Thai and English, status, money owed.
fn profile_lines(data: &Customer360, revealed: Option<&str>, ui: &Ui) -> Vec<Line<'static>> {
    let p = &data.profile;
    let lang = ui.lang;
    let label = |key: &'static str| {
        Span::styled(
            format!("{} ", crate::i18n::text(lang, key, &[])),
            ui.theme.muted(),
        )
    };
    let gap = || Span::raw("   ");
    let id = match (
        p.national_id.as_deref().or(revealed),
        p.national_id_masked.as_deref(),
    ) {
        (Some(full), _) => national_id::format(full),
        (None, Some(masked)) => format!("{masked} {}", tr!(lang, "customers-masked-hint")),
        (None, None) => "–".to_string(),
    };
    let id_label = if p.customer_type == "JURISTIC" {
        key!("customers-tax-id")
    } else {
        key!("customers-national-id")
    };
    let mut identity = vec![label(id_label), Span::raw(id)];
    if let Some(born) = p.date_of_birth {
        let age = ui.today.years_since(born).unwrap_or(0);
        identity.extend([
            gap(),
            label(key!("customers-born")),
            Span::raw(format!(
                "{} ({})",
                date(lang, ui.calendar, born),
                tr!(lang, "customers-age", years = age)
            )),
        ]);
    }
    if let Some(gender) = &p.gender {
        identity.extend([gap(), Span::raw(labels::gender(gender).text(lang))]);
    }
    if let Some(branch) = &p.branch_code {
        identity.extend([
            gap(),
            label(key!("customers-branch")),
            Span::raw(branch.clone()),
        ]);
    }
    let contact = vec![
        label(key!("customers-phone")),
        Span::raw(
            p.phone_number
                .as_deref()
                .map(phone::format)
                .unwrap_or_else(|| "–".into()),
        ),
        gap(),
        label(key!("customers-email")),
        Span::raw(p.email.clone().unwrap_or_else(|| "–".into())),
        gap(),
        label(key!("customers-language")),
        Span::raw(labels::language(&p.preferred_language).text(lang)),
    ];
    let address = match (&p.tambon_code, &p.postal_code) {
        (Some(tambon), Some(postcode)) => Geography::bundled().address(
            &p.address.as_ref().map(|a| a.0.clone()).unwrap_or_default(),
            tambon,
            postcode,
        ),
        _ => None,
    };
    let (address_th, address_en) = match &address {
        Some(a) => (a.format(Lang::Th), a.format(Lang::En)),
        None => ("–".to_string(), String::new()),
    };
    let tick = |on: bool| if on { "✓" } else { "✗" };
    let status = vec![
        Span::raw(labels::account_status(&p.account_status).text(lang)),
        Span::raw(" · "),
        Span::raw(labels::kyc_status(&p.kyc_status).text(lang)),
        gap(),
        label(key!("customers-agent")),
        Span::raw(p.agent_name.clone().unwrap_or_else(|| "–".into())),
        gap(),
        Span::raw(format!(
            "{} {}  SMS {}  {} {}",
            tr!(lang, "customers-marketing"),
            tick(p.marketing_consent),
            tick(p.sms_notifications),
            tr!(lang, "customers-email"),
            tick(p.email_notifications)
        )),
    ];
    let mut money_line = Vec::new();
    if let Some(outstanding) = &data.outstanding {
        let style = if outstanding.overdue > Decimal::ZERO {
            ui.theme.error()
        } else if outstanding.total > Decimal::ZERO {
            ui.theme.warning()
        } else {
            ui.theme.success()
        };
        money_line.push(label(key!("customers-outstanding")));
        money_line.push(Span::styled(
            if outstanding.total.is_zero() {
                tr!(lang, "customers-nothing-outstanding")
            } else {
                tr!(
                    lang,
                    "customers-outstanding-amount",
                    total = money(outstanding.total),
                    overdue = money(outstanding.overdue),
                    count = outstanding.count
                )
            },
            style,
        ));
        money_line.push(gap());
    }
    money_line.push(label(key!("customers-updated")));
    money_line.push(Span::raw(tr!(
        lang,
        "customers-updated-by",
        when = date_time(lang, ui.calendar, p.updated_at),
        who = p
            .updated_by_name
            .clone()
            .or_else(|| p.created_by_name.clone())
            .unwrap_or_else(|| "–".into()),
        version = p.version
    )));
    let mut lines = vec![
        Line::from(identity),
        Line::from(contact),
        Line::from(vec![
            label(key!("customers-address")),
            Span::raw(address_th),
        ]),
    ];
    if !address_en.is_empty() {
        lines.push(Line::from(vec![
            label(key!("customers-address-en")),
            Span::styled(address_en, ui.theme.muted()),
        ]));
    }
    lines.push(Line::from(status));
    lines.push(Line::from(money_line));
    lines
}

fn text_key(text: &str) -> SortKey {
    SortKey::Text(text.to_string())
}

fn dlt_summary(v: &VehicleRow, lang: Lang, calendar: Calendar) -> String {
    match (v.registration_valid, v.tax_paid) {
        (Some(valid), Some(tax)) => {
            let expiry = v
                .registration_expiry
                .map(|d| format!(" · {}", date(lang, calendar, d)))
                .unwrap_or_default();
            tr!(
                lang,
                "customers-dlt-summary",
                valid = if valid { "yes" } else { "no" },
                tax = if tax { "yes" } else { "no" }
            ) + &expiry
        }
        _ => tr!(lang, "customers-dlt-none"),
    }
}

fn vehicle_row(v: &VehicleRow, lang: Lang, calendar: Calendar) -> TableRow {
    let plate = format!(
        "{} {}",
        v.registration_number,
        v.plate_label
            .clone()
            .unwrap_or_else(|| province_name(&v.province_code, lang))
    );
    let tone = match (v.registration_valid, v.tax_paid) {
        (Some(false), _) | (_, Some(false)) => Tone::Bad,
        (Some(true), Some(true)) => Tone::Good,
        _ => Tone::Normal,
    };
    TableRow {
        tone,
        ..TableRow::new(vec![
            plate,
            text::truncate(&format!("{} {}", v.make, v.model), 30),
            year(v.year_of_manufacture, calendar),
            labels::vehicle_type(&v.vehicle_type).text(lang),
            labels::usage_type(&v.usage_type).text(lang),
            dlt_summary(v, lang, calendar),
        ])
    }
}

fn date_key(d: chrono::NaiveDate) -> SortKey {
    SortKey::Text(d.format("%Y-%m-%d").to_string())
}

fn policy_row(p: &PolicyRow, lang: Lang, calendar: Calendar) -> TableRow {
    let tone = match p.status.as_str() {
        "ACTIVE" => Tone::Good,
        "CANCELLED" | "SUSPENDED" => Tone::Bad,
        "EXPIRED" => Tone::Warning,
        _ => Tone::Normal,
    };
    let cells = vec![
        p.policy_number.clone(),
        labels::policy_type(&p.policy_type).text(lang),
        labels::policy_status(&p.status).text(lang),
        date(lang, calendar, p.start_date),
        date(lang, calendar, p.end_date),
        money(p.total_premium),
        p.plate.clone().unwrap_or_default(),
    ];
    TableRow {
        sort_keys: vec![
            text_key(&cells[0]),
            text_key(&cells[1]),
            text_key(&cells[2]),
            date_key(p.start_date),
            date_key(p.end_date),
            SortKey::Number(p.total_premium),
            text_key(&cells[6]),
        ],
        cells,
        tone,
    }
}

fn claim_row(c: &ClaimRow, lang: Lang, calendar: Calendar) -> TableRow {
    let tone = match c.status.as_str() {
        "REJECTED" => Tone::Bad,
        "SETTLED" | "CLOSED" => Tone::Normal,
        _ => Tone::Warning,
    };
    let amount = |a: Option<Decimal>| a.map(money).unwrap_or_default();
    let cells = vec![
        c.claim_number.clone(),
        labels::claim_type(&c.claim_type).text(lang),
        labels::claim_status(&c.status).text(lang),
        date_time(lang, calendar, c.incident_date),
        amount(c.estimated_amount),
        amount(c.settled_amount),
        c.policy_number.clone(),
    ];
    TableRow {
        sort_keys: vec![
            text_key(&cells[0]),
            text_key(&cells[1]),
            text_key(&cells[2]),
            SortKey::Text(c.incident_date.to_rfc3339()),
            SortKey::Number(c.estimated_amount.unwrap_or_default()),
            SortKey::Number(c.settled_amount.unwrap_or_default()),
            text_key(&cells[6]),
        ],
        cells,
        tone,
    }
}

fn payment_what(p: &PaymentRow, lang: Lang) -> String {
    let kind = labels::payment_type(&p.payment_type).text(lang);
    match (p.installment_number, p.total_installments) {
        (Some(n), Some(of)) => format!("{kind} {n}/{of}"),
        _ => kind,
    }
}

fn payment_row(p: &PaymentRow, lang: Lang, calendar: Calendar, today: NaiveDate) -> TableRow {
    let open = matches!(
        p.payment_status.as_str(),
        "PENDING" | "PROCESSING" | "FAILED"
    );
    let tone = match (open, p.due_date) {
        (true, Some(due)) if due < today => Tone::Bad,
        (true, _) => Tone::Warning,
        (false, _) if p.payment_status == "SUCCESS" => Tone::Good,
        _ => Tone::Normal,
    };
    let when = p
        .due_date
        .or(p.payment_date.map(crate::i18n::format::bangkok_date))
        .map(|d| date(lang, calendar, d))
        .unwrap_or_default();
    let amount = if p.payment_direction == "OUTGOING" {
        format!("−{}", money(p.total_amount))
    } else {
        money(p.total_amount)
    };
    let cells = vec![
        when,
        payment_what(p, lang),
        amount,
        labels::payment_status(&p.payment_status).text(lang),
        labels::payment_method(&p.payment_method).text(lang),
        p.policy_number.clone().unwrap_or_default(),
    ];
    TableRow {
        sort_keys: vec![
            SortKey::Text(
                p.due_date
                    .map(|d| d.to_string())
                    .or(p.payment_date.map(|t| t.to_rfc3339()))
                    .unwrap_or_default(),
            ),
            text_key(&cells[1]),
            SortKey::Number(p.total_amount),
            text_key(&cells[3]),
            text_key(&cells[4]),
            text_key(&cells[5]),
        ],
        cells,
        tone,
    }
}

fn consent_row(c: &ConsentRow, lang: Lang, calendar: Calendar) -> TableRow {
    let withdrawn = c
        .withdrawn_at
        .map(|t| date_time(lang, calendar, t))
        .unwrap_or_else(|| tr!(lang, "customers-consent-live"));
    TableRow {
        tone: if c.withdrawn_at.is_some() {
            Tone::Warning
        } else {
            Tone::Good
        },
        ..TableRow::new(vec![
            labels::consent_purpose(&c.purpose).text(lang),
            labels::lawful_basis(&c.lawful_basis).text(lang),
            c.consent_text_version.clone(),
            date_time(lang, calendar, c.given_at),
            withdrawn,
        ])
    }
}

fn document_row(d: &DocumentRow, lang: Lang, calendar: Calendar) -> TableRow {
    TableRow::new(vec![
        labels::document_type(&d.document_type).text(lang),
        text::truncate(&d.original_filename, 40),
        labels::verification_status(&d.verification_status).text(lang),
        d.expires_on
            .map(|e| date(lang, calendar, e))
            .unwrap_or_default(),
        date_time(lang, calendar, d.created_at),
    ])
}
