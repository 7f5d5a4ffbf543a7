//! The renewal queue: policies ending within the window (and lapsed within the grace
//! period), each with last year's premium, the NCB outcome of its claims and the new
//! premium. Enter reviews one (sum insured, deductible, payment plan and automatic renewal
//! may change) and renews it; Space selects rows and `n` renews the selection, one
//! transaction per policy.

use std::collections::BTreeSet;

use crossterm::event::{Event, KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use rust_decimal::Decimal;
use uuid::Uuid;

use super::work::PoliciesCmd;
use crate::db::renewals::{DueRenewal, RenewalChanges, RenewalError, RenewalOutcome};
use crate::domain::premium::instalments::PaymentPlan;
use crate::i18n::{Message, date, money};
use crate::tui::keymap::Action;
use crate::tui::remote::{Remote, RequestCounter};
use crate::tui::screens::Ui;
use crate::tui::screens::customers::editor::{SaveStatus, status_line};
use crate::tui::widgets::form::{Field, Form};
use crate::tui::widgets::table::{DataTable, SortKey, TableRow, Tone};
use crate::tui::widgets::{modal, spinner};
use crate::{key, msg, tr};

/// The most policies the queue loads at once (the oldest ending first).
pub const QUEUE_PAGE: i64 = 500;

/// The queue as loaded: its rows and how many are due in all.
#[derive(Debug, Clone, PartialEq)]
pub struct DueList {
    pub rows: Vec<DueRenewal>,
    pub total: i64,
}

const SUM_INSURED: usize = 0;
const DEDUCTIBLE: usize = 1;
const PLAN: usize = 2;
const AUTO: usize = 3;

#[derive(Debug, Clone)]
pub enum Dialog {
    /// One policy: its figures, with the terms that may change.
    Review {
        due: Box<DueRenewal>,
        form: Form,
        status: SaveStatus,
    },
    /// The selected policies, renewed as they are.
    Many {
        policies: Vec<(Uuid, i32)>,
        status: SaveStatus,
    },
}

#[derive(Debug, Clone)]
pub struct RenewalsPane {
    pub list: Remote<DueList>,
    pub table: DataTable,
    pub request: RequestCounter,
    pub selected: BTreeSet<Uuid>,
    pub dialog: Option<Dialog>,
    pub write: RequestCounter,
    labelled_for: Option<(crate::i18n::Lang, crate::i18n::Calendar, usize)>,
}

impl Default for RenewalsPane {
    fn default() -> RenewalsPane {
        RenewalsPane {
            list: Remote::Idle,
            table: DataTable::new(vec![
                key!("renewals-column-policy"),
                key!("renewals-column-customer"),
                key!("renewals-column-plate"),
                key!("renewals-column-ends"),
                key!("renewals-column-last"),
                key!("renewals-column-claims"),
                key!("renewals-column-ncb"),
                key!("renewals-column-new"),
                key!("renewals-column-change"),
            ])
            .keep_whole(&[0, 3, 4, 7]),
            request: RequestCounter::default(),
            selected: BTreeSet::new(),
            dialog: None,
            write: RequestCounter::default(),
            labelled_for: None,
        }
    }
}

impl RenewalsPane {
    pub fn reload(&mut self) -> PoliciesCmd {
        if self.list.loaded().is_none() {
            self.list = Remote::Loading;
        }
        PoliciesCmd::LoadRenewals {
            request: self.request.issue(),
        }
    }

    pub fn on_list(&mut self, request: u64, result: Result<DueList, Message>) {
        if !self.request.is_latest(request) {
            return;
        }
        match result {
            Ok(list) => {
                self.selected
                    .retain(|id| list.rows.iter().any(|r| r.policy_id == *id));
                self.list = Remote::Loaded(list);
                self.labelled_for = None;
            }
            Err(message) => self.list = Remote::Failed(message),
        }
    }

    fn relabel(&mut self, ui: &Ui) {
        let stamp = (ui.lang, ui.calendar, self.selected.len());
        if self.labelled_for == Some(stamp) {
            return;
        }
        if let Some(list) = self.list.loaded() {
            let rows = list
                .rows
                .iter()
                .map(|due| row(due, self.selected.contains(&due.policy_id), ui))
                .collect();
            self.table.set_rows(rows);
            self.labelled_for = Some(stamp);
        }
    }

    fn under_cursor(&self) -> Option<&DueRenewal> {
        let index = self.table.selected_index()?;
        self.list.loaded()?.rows.get(index)
    }

    /// The policy under the cursor, to open.
    pub fn selected_policy(&self) -> Option<Uuid> {
        self.under_cursor().map(|due| due.policy_id)
    }

    pub fn is_typing(&self) -> bool {
        matches!(self.dialog, Some(Dialog::Review { .. })) || self.table.is_filtering()
    }

    pub fn key(
        &mut self,
        key: &KeyEvent,
        action: Option<Action>,
    ) -> Result<Option<PoliciesCmd>, Message> {
        if self.dialog.is_some() {
            return Ok(self.dialog_key(key, action));
        }
        match action {
            Some(Action::Select) => {
                if let Some(id) = self.selected_policy()
                    && !self.selected.remove(&id)
                {
                    self.selected.insert(id);
                }
                self.table.act(Action::Down);
                Ok(None)
            }
            Some(Action::Renew) => self.open_renewal().map(|()| None),
            Some(Action::Refresh) => Ok(Some(self.reload())),
            Some(Action::Filter) => {
                self.table.filter_key(&Event::Key(*key), action);
                Ok(None)
            }
            Some(other) => {
                self.table.act(other);
                Ok(None)
            }
            None => Ok(None),
        }
    }

    /// The selection when there is one, else a review of the row under the cursor.
    fn open_renewal(&mut self) -> Result<(), Message> {
        let list = self.list.loaded().ok_or(msg!("renewals-not-loaded"))?;
        if !self.selected.is_empty() {
            let policies = list
                .rows
                .iter()
                .filter(|r| self.selected.contains(&r.policy_id))
                .map(|r| (r.policy_id, r.version))
                .collect();
            self.dialog = Some(Dialog::Many {
                policies,
                status: SaveStatus::Editing,
            });
            return Ok(());
        }
        let due = self
            .under_cursor()
            .ok_or(msg!("quotes-none-selected"))?
            .clone();
        if let Some(existing) = &due.covered_by {
            return Err(msg!(
                "policy-overlap",
                number = existing.policy_number.as_str(),
                start = existing.start_date.to_string(),
                end = existing.end_date.to_string()
            ));
        }
        self.dialog = Some(Dialog::Review {
            form: review_form(&due),
            due: Box::new(due),
            status: SaveStatus::Editing,
        });
        Ok(())
    }

    /// Typing in the review's fields.
    pub fn edit(&mut self, event: &Event) {
        if self.table.is_filtering() {
            self.table.filter_key(event, None);
            return;
        }
        if let Some(Dialog::Review { form, status, .. }) = &mut self.dialog
            && *status != SaveStatus::Saving
        {
            form.edit(event);
        }
    }

    fn dialog_key(&mut self, key: &KeyEvent, action: Option<Action>) -> Option<PoliciesCmd> {
        let request = self.write.issue();
        match self.dialog.as_mut()? {
            Dialog::Review { due, form, status } => {
                if *status == SaveStatus::Saving {
                    return None;
                }
                match (key.code, action) {
                    (KeyCode::Esc, _) => self.dialog = None,
                    (KeyCode::Tab | KeyCode::Down, _) => form.next(),
                    (KeyCode::BackTab | KeyCode::Up, _) => form.previous(),
                    (KeyCode::Char(' '), _) => {
                        form.edit(&Event::Key(*key));
                    }
                    (KeyCode::Enter, _) => match changes(form) {
                        Ok(changes) => {
                            *status = SaveStatus::Saving;
                            return Some(PoliciesCmd::Renew {
                                request,
                                policy_id: due.policy_id,
                                version: due.version,
                                changes,
                            });
                        }
                        Err(problem) => *status = SaveStatus::Failed(problem),
                    },
                    _ => {}
                }
                None
            }
            Dialog::Many { policies, status } => {
                if *status == SaveStatus::Saving {
                    return None;
                }
                match key.code {
                    KeyCode::Esc => self.dialog = None,
                    KeyCode::Enter => {
                        *status = SaveStatus::Saving;
                        return Some(PoliciesCmd::RenewMany {
                            request,
                            policies: policies.clone(),
                        });
                    }
                    _ => {}
                }
                None
            }
        }
    }

    /// One renewal came back.
    pub fn on_renewed(
        &mut self,
        request: u64,
        result: Result<RenewalOutcome, RenewalError>,
    ) -> Option<(Message, bool)> {
        if !self.write.is_latest(request) {
            return None;
        }
        match result {
            Ok(outcome) => {
                self.dialog = None;
                let renewed = outcome.renewed();
                Some(match &outcome {
                    RenewalOutcome::Issued(_) => (
                        msg!(
                            "renewals-renewed",
                            number = renewed.number.as_str(),
                            total = money(renewed.total_premium)
                        ),
                        true,
                    ),
                    RenewalOutcome::Referred { .. } => (
                        msg!("policy-referred", number = renewed.number.as_str()),
                        true,
                    ),
                })
            }
            Err(error) => {
                if let Some(Dialog::Review { status, .. }) = &mut self.dialog {
                    *status = SaveStatus::Failed(error.message());
                }
                Some((error.message(), false))
            }
        }
    }

    /// The selection came back: how many renewed, referred and refused.
    pub fn on_renewed_many(
        &mut self,
        request: u64,
        results: Vec<Result<RenewalOutcome, RenewalError>>,
    ) -> Option<(Message, bool)> {
        if !self.write.is_latest(request) {
            return None;
        }
        self.dialog = None;
        self.selected.clear();
        let renewed = results
            .iter()
            .filter(|r| matches!(r, Ok(RenewalOutcome::Issued(_))))
            .count();
        let referred = results
            .iter()
            .filter(|r| matches!(r, Ok(RenewalOutcome::Referred { .. })))
            .count();
        let refused: Vec<&RenewalError> = results.iter().filter_map(|r| r.as_ref().err()).collect();
        let message = msg!(
            "renewals-renewed-many",
            renewed = renewed as i64,
            referred = referred as i64,
            refused = refused.len() as i64
        );
        Some((message, refused.is_empty()))
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        self.relabel(ui);
        let [summary_area, table_area] =
            Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(area);
        let summary = match &self.list {
            Remote::Idle | Remote::Loading => Line::styled(
                format!("{} {}", spinner(ui.tick), tr!(ui.lang, "renewals-loading")),
                ui.theme.muted(),
            ),
            Remote::Failed(message) => Line::styled(message.text(ui.lang), ui.theme.error()),
            Remote::Loaded(list) => Line::styled(
                tr!(
                    ui.lang,
                    "renewals-summary",
                    shown = list.rows.len() as i64,
                    total = list.total,
                    selected = self.selected.len() as i64
                ),
                ui.theme.muted(),
            ),
        };
        frame.render_widget(Paragraph::new(summary), summary_area);
        self.table.render(frame, table_area, ui.lang, ui.theme);
        if let Some(dialog) = &self.dialog {
            render_dialog(frame, dialog, ui);
        }
    }
}

fn review_form(due: &DueRenewal) -> Form {
    let plans = super::issue::plan_options();
    let mut form = Form::new(vec![
        Field::text(key!("policy-sum-insured")),
        Field::text(key!("policy-deductible")),
        Field::choice(key!("policy-plan"), plans),
        Field::toggle(key!("policy-auto-renewal"), due.auto_renewal),
    ]);
    form.set_value(
        SUM_INSURED,
        &due.sum_insured
            .map(|s| s.normalize().to_string())
            .unwrap_or_default(),
    );
    form.set_hidden(SUM_INSURED, !due.policy_type.needs_sum_insured());
    form.set_hidden(DEDUCTIBLE, !due.policy_type.is_voluntary());
    form.mark_clean();
    form
}

/// What the review changes, checked; empty fields keep last year's terms.
fn changes(form: &Form) -> Result<RenewalChanges, Message> {
    let amount = |index: usize, low: Decimal, high: Decimal| -> Result<Option<Decimal>, Message> {
        let text: String = form.value(index).chars().filter(|c| *c != ',').collect();
        if text.trim().is_empty() || form.fields[index].hidden {
            return Ok(None);
        }
        match text.trim().parse::<Decimal>() {
            Ok(n) if n >= low && n <= high && n.fract().is_zero() => Ok(Some(n)),
            _ => Err(msg!(
                "policy-amount-between",
                low = low.to_string(),
                high = high.to_string()
            )),
        }
    };
    Ok(RenewalChanges {
        sum_insured: amount(
            SUM_INSURED,
            Decimal::from(50_000),
            Decimal::from(20_000_000),
        )?,
        deductible: amount(DEDUCTIBLE, Decimal::ZERO, Decimal::from(50_000))?,
        payment_plan: PaymentPlan::from_db(form.value(PLAN)),
        auto_renewal: Some(form.is_on(AUTO)),
    })
}

fn row(due: &DueRenewal, selected: bool, ui: &Ui) -> TableRow {
    let lang = ui.lang;
    let ncb = match &due.ncb {
        Some(outcome) if outcome.surcharge_percent > 0 => format!(
            "{}→{}% +{}%",
            outcome.previous_percent, outcome.next_percent, outcome.surcharge_percent
        ),
        Some(outcome) => format!("{}→{}%", outcome.previous_percent, outcome.next_percent),
        None => "–".into(),
    };
    let (new, change) = match &due.new_quote {
        Ok(quote) => (
            money(quote.breakdown.total),
            due.premium_change().map(money).unwrap_or_default(),
        ),
        Err(problem) => (problem.message().text(lang), String::new()),
    };
    let days = due.days_left(ui.today);
    let ends = format!("{} ({days:+})", date(lang, ui.calendar, due.end_date));
    let mark = if selected { "● " } else { "" };
    let auto = if due.auto_renewal { " ↻" } else { "" };
    TableRow {
        cells: vec![
            format!("{mark}{}{auto}", due.policy_number),
            due.customer_name.clone(),
            due.registration_number.clone(),
            ends,
            money(due.last_total_premium),
            format!("{}/{}", due.claims_counted, due.claims),
            ncb,
            new,
            change,
        ],
        sort_keys: vec![
            SortKey::Text(due.policy_number.clone()),
            SortKey::Text(due.customer_name.clone()),
            SortKey::Text(due.registration_number.clone()),
            SortKey::Number(Decimal::from(days)),
            SortKey::Number(due.last_total_premium),
            SortKey::Number(Decimal::from(due.claims)),
            SortKey::Number(Decimal::from(due.ncb.map_or(0, |n| n.next_percent))),
            SortKey::Number(due.new_total().unwrap_or_default()),
            SortKey::Number(due.premium_change().unwrap_or_default()),
        ],
        tone: if due.covered_by.is_some() || due.new_quote.is_err() {
            Tone::Bad
        } else if days < 0 {
            Tone::Warning
        } else {
            Tone::Normal
        },
    }
}

fn render_dialog(frame: &mut Frame, dialog: &Dialog, ui: &Ui) {
    let lang = ui.lang;
    match dialog {
        Dialog::Many { policies, status } => {
            let lines = vec![
                Line::from(tr!(
                    lang,
                    "renewals-confirm-many",
                    count = policies.len() as i64
                )),
                Line::from(""),
                status_line(status, key!("policy-confirm-keys"), ui),
            ];
            modal::framed(frame, &tr!(lang, "renewals-title"), lines, ui.theme);
        }
        Dialog::Review { due, form, status } => {
            let area = modal::centered(frame.area(), 84, 26);
            frame.render_widget(ratatui::widgets::Clear, area);
            let block = ratatui::widgets::Block::bordered().title(Line::styled(
                format!(" {} · {} ", tr!(lang, "renewals-title"), due.policy_number),
                ui.theme.title(),
            ));
            let inner = block.inner(area);
            frame.render_widget(block, area);
            let [facts_area, form_area, status_area] = Layout::vertical([
                Constraint::Length(9),
                Constraint::Min(0),
                Constraint::Length(1),
            ])
            .areas(inner);
            let mut facts = vec![
                Line::from(format!("{} · {}", due.customer_name, due.plate(lang))),
                Line::from(tr!(
                    lang,
                    "renewals-review-period",
                    start = date(lang, ui.calendar, due.end_date)
                )),
                Line::from(tr!(
                    lang,
                    "renewals-review-last",
                    total = money(due.last_total_premium),
                    ncb = i64::from(due.last_ncb)
                )),
                Line::from(tr!(
                    lang,
                    "renewals-review-claims",
                    claims = due.claims,
                    counted = due.claims_counted
                )),
            ];
            if let Some(outcome) = &due.ncb {
                facts.push(Line::from(tr!(
                    lang,
                    "renewals-review-ncb",
                    next = i64::from(outcome.next_percent),
                    surcharge = i64::from(outcome.surcharge_percent),
                    reason = tr!(
                        lang,
                        "renewal-ncb-reason",
                        value = crate::db::renewals::ncb_reason_code(outcome.reason)
                    )
                )));
            }
            match &due.new_quote {
                Ok(quote) => facts.push(
                    Line::from(tr!(
                        lang,
                        "renewals-review-new",
                        total = money(quote.breakdown.total),
                        change = due.premium_change().map(money).unwrap_or_default()
                    ))
                    .style(ui.theme.title()),
                ),
                Err(problem) => {
                    facts.push(Line::styled(problem.message().text(lang), ui.theme.error()))
                }
            }
            facts.push(Line::styled(
                tr!(lang, "renewals-review-note"),
                ui.theme.muted(),
            ));
            frame.render_widget(Paragraph::new(facts), facts_area);
            form.render(
                frame,
                form_area,
                lang,
                ui.theme,
                *status != SaveStatus::Saving,
            );
            frame.render_widget(
                Paragraph::new(status_line(status, key!("renewals-review-keys"), ui)),
                status_area,
            );
        }
    }
}
