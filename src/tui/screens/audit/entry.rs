//! One audit entry: who did what to which record, when, and the row before and after side
//! by side, the changed fields highlighted. Values are shown as the history pane shows
//! them (words for codes, dates in the calendar chosen; masked national IDs and sensitive
//! settings stay masked, as the trail stores them).

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, Table};

use crate::db::audit_trail::{self, AuditDetail, FieldDiff};
use crate::i18n::date_time;
use crate::tr;
use crate::tui::keymap::Action;
use crate::tui::remote::{Remote, RequestCounter};
use crate::tui::screens::Ui;
use crate::tui::screens::customers::labels;
use crate::tui::widgets::history::shown_value;
use crate::tui::widgets::text;

#[derive(Debug, Clone)]
pub struct EntryView {
    pub detail: Remote<AuditDetail>,
    pub request: RequestCounter,
    /// First field row shown.
    pub scroll: usize,
}

impl EntryView {
    pub fn loading() -> EntryView {
        EntryView {
            detail: Remote::Loading,
            request: RequestCounter::default(),
            scroll: 0,
        }
    }

    pub fn scroll(&mut self, action: Action) {
        self.scroll = match action {
            Action::Up => self.scroll.saturating_sub(1),
            Action::Down => self.scroll.saturating_add(1),
            Action::PageUp => self.scroll.saturating_sub(10),
            Action::PageDown => self.scroll.saturating_add(10),
            Action::First => 0,
            _ => self.scroll,
        };
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let detail = match ui.loaded(&self.detail, crate::key!("loading")) {
            Ok(detail) => detail,
            Err(line) => {
                frame.render_widget(Paragraph::new(line), area);
                return;
            }
        };
        let entry = &detail.entry;
        let who = match entry
            .role
            .as_deref()
            .and_then(crate::domain::staff::GroupRole::parse)
        {
            Some(role) => format!(
                "{} ({}, {})",
                entry.who,
                entry.username,
                crate::i18n::role_name(ui.lang, role)
            ),
            None => format!("{} ({})", entry.who, entry.username),
        };
        let mut head = vec![
            Line::from(vec![
                Span::styled(
                    date_time(ui.lang, ui.calendar, entry.logged_at),
                    ui.theme.title(),
                ),
                Span::raw("  "),
                Span::styled(
                    labels::audit_operation(&entry.operation).text(ui.lang),
                    ui.theme.selected(),
                ),
                Span::raw(format!("  {who}")),
            ]),
            Line::from(vec![
                Span::styled(
                    format!("{} ", tr!(ui.lang, "audit-column-table")),
                    ui.theme.muted(),
                ),
                Span::raw(tr!(
                    ui.lang,
                    "audit-table",
                    table = entry.table_name.as_str()
                )),
                Span::styled(
                    format!("  {} ", tr!(ui.lang, "audit-record")),
                    ui.theme.muted(),
                ),
                Span::raw(entry.record_id.to_string()),
            ]),
        ];
        if let Some(context) = &entry.context {
            head.push(Line::styled(
                tr!(ui.lang, "audit-context", context = context.as_str()),
                ui.theme.muted(),
            ));
        }
        let head_height = head.len() as u16;
        frame.render_widget(Paragraph::new(head), area);

        let fields = audit_trail::diff(detail);
        let body = Rect {
            y: area.y + head_height,
            height: area.height.saturating_sub(head_height),
            ..area
        };
        let visible = body.height.saturating_sub(3) as usize;
        self.scroll = self.scroll.min(fields.len().saturating_sub(visible));
        // Room for the longest field name (and the mark), within reason.
        let label_width = fields
            .iter()
            .map(|f| text::width(&labels::field_name(&f.field).text(ui.lang)) as u16 + 3)
            .max()
            .unwrap_or(12)
            .clamp(12, 26);
        let value_width = (body.width.saturating_sub(label_width + 4) / 2).max(8);
        let rows: Vec<Row> = fields
            .iter()
            .skip(self.scroll)
            .map(|field| diff_row(field, &entry.table_name, label_width, value_width, ui))
            .collect();
        let header = Row::new(vec![
            tr!(ui.lang, "audit-column-field"),
            tr!(ui.lang, "audit-column-before"),
            tr!(ui.lang, "audit-column-after"),
        ])
        .style(ui.theme.title());
        let table = Table::new(
            rows,
            [
                Constraint::Length(label_width),
                Constraint::Length(value_width),
                Constraint::Length(value_width),
            ],
        )
        .header(header)
        .block(Block::bordered());
        frame.render_widget(table, body);
    }
}

fn diff_row(field: &FieldDiff, table: &str, label_width: u16, width: u16, ui: &Ui) -> Row<'static> {
    let shown = |raw: &Option<String>| match raw {
        Some(raw) => shown_value(table, &field.field, raw, ui),
        None => "–".to_string(),
    };
    let marker = if field.changed { "● " } else { "  " };
    let cells = vec![
        text::truncate(
            &format!("{marker}{}", labels::field_name(&field.field).text(ui.lang)),
            label_width as usize,
        ),
        text::truncate(&shown(&field.old), width as usize),
        text::truncate(&shown(&field.new), width as usize),
    ];
    let row = Row::new(cells);
    if field.changed {
        row.style(ui.theme.warning())
    } else {
        row
    }
}
