//! The audit trail's filter form: table, record, staff member, operation, from and to
//! (dates typed as everywhere: Buddhist or Christian years, Thai or English months).

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};
use uuid::Uuid;

use crate::db::audit_trail::{AuditFilter, OPERATIONS, StaffChoice};
use crate::i18n::{Calendar, Lang};
use crate::tui::screens::Ui;
use crate::tui::screens::customers::labels;
use crate::tui::widgets::form::{ChoiceOption, Field, Form};
use crate::{key, msg, tr};

pub const TABLE: usize = 0;
pub const RECORD: usize = 1;
pub const STAFF: usize = 2;
pub const OPERATION: usize = 3;
pub const FROM: usize = 4;
pub const TO: usize = 5;

#[derive(Debug, Clone)]
pub struct FilterForm {
    pub form: Form,
}

fn any() -> ChoiceOption {
    ChoiceOption {
        value: String::new(),
        label: msg!("audit-any"),
    }
}

impl FilterForm {
    /// The form showing `current`, offering `tables` and `staff`.
    pub fn new(
        current: &AuditFilter,
        tables: &[String],
        staff: &[StaffChoice],
        lang: Lang,
        calendar: Calendar,
    ) -> FilterForm {
        let tables = std::iter::once(any())
            .chain(tables.iter().map(|table| ChoiceOption {
                value: table.clone(),
                label: msg!("audit-table", table = table.as_str()),
            }))
            .collect();
        let staff = std::iter::once(any())
            .chain(staff.iter().map(|person| ChoiceOption {
                value: person.id.to_string(),
                label: msg!(
                    "audit-staff-choice",
                    name = person.name.as_str(),
                    username = person.username.as_str()
                ),
            }))
            .collect();
        let operations = std::iter::once(any())
            .chain(OPERATIONS.iter().map(|operation| ChoiceOption {
                value: operation.to_string(),
                label: labels::audit_operation(operation),
            }))
            .collect();
        let date_hint = msg!("audit-date-placeholder");
        let mut form = Form::new(vec![
            Field::choice(key!("audit-filter-table"), tables),
            Field::text(key!("audit-filter-record"))
                .with_placeholder(msg!("audit-record-placeholder")),
            Field::choice(key!("audit-filter-staff"), staff),
            Field::choice(key!("audit-filter-operation"), operations),
            Field::text(key!("audit-filter-from")).with_placeholder(date_hint.clone()),
            Field::text(key!("audit-filter-to")).with_placeholder(date_hint),
        ]);
        let shown_date = |date: Option<NaiveDate>| {
            date.map(|d| crate::i18n::date(lang, calendar, d))
                .unwrap_or_default()
        };
        form.set_value(TABLE, current.table.as_deref().unwrap_or(""));
        form.set_value(
            RECORD,
            &current.record.map(|r| r.to_string()).unwrap_or_default(),
        );
        form.set_value(
            STAFF,
            &current.staff.map(|s| s.to_string()).unwrap_or_default(),
        );
        form.set_value(OPERATION, current.operation.as_deref().unwrap_or(""));
        form.set_value(FROM, &shown_date(current.from));
        form.set_value(TO, &shown_date(current.to));
        form.mark_clean();
        FilterForm { form }
    }

    /// The filter typed, or each field's error set beside it.
    pub fn filter(&mut self) -> Option<AuditFilter> {
        self.form.clear_errors();
        let chosen = |form: &Form, index: usize| {
            Some(form.value(index).to_string()).filter(|v| !v.is_empty())
        };
        let record = self.form.value(RECORD).trim().to_string();
        let record = if record.is_empty() {
            None
        } else {
            match Uuid::parse_str(&record) {
                Ok(id) => Some(id),
                Err(_) => {
                    self.form
                        .set_error(RECORD, Some(msg!("audit-record-not-an-id")));
                    None
                }
            }
        };
        let from = self.date(FROM);
        let to = self.date(TO);
        if let (Some(from), Some(to)) = (from, to)
            && from > to
        {
            self.form.set_error(TO, Some(msg!("audit-to-before-from")));
        }
        if self.form.has_errors() {
            self.form.focus_first_error();
            return None;
        }
        Some(AuditFilter {
            table: chosen(&self.form, TABLE),
            record,
            staff: chosen(&self.form, STAFF).and_then(|s| Uuid::parse_str(&s).ok()),
            operation: chosen(&self.form, OPERATION),
            from,
            to,
        })
    }

    fn date(&mut self, index: usize) -> Option<NaiveDate> {
        let typed = self.form.value(index).trim().to_string();
        if typed.is_empty() {
            return None;
        }
        match crate::domain::thai_date::parse(&typed) {
            Ok(date) => Some(date),
            Err(problem) => {
                self.form.set_error(index, Some(problem.message()));
                None
            }
        }
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let height = (self.form.height() + 4).min(area.height);
        let popup = crate::tui::widgets::modal::centered(area, area.width.min(76), height);
        frame.render_widget(Clear, popup);
        let block = Block::bordered().title(Line::styled(
            format!(" {} ", tr!(ui.lang, "audit-filter-title")),
            ui.theme.title(),
        ));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        let form_area = Rect {
            height: inner.height.saturating_sub(1),
            ..inner
        };
        self.form.render(frame, form_area, ui.lang, ui.theme, true);
        frame.render_widget(
            Paragraph::new(Line::styled(
                tr!(ui.lang, "audit-filter-keys"),
                ui.theme.muted(),
            )),
            Rect {
                y: inner.bottom().saturating_sub(1),
                height: 1,
                ..inner
            },
        );
    }
}
