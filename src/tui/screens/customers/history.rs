//! The audit history of one record, newest first: who, when, what they did, and each
//! field's value before and after.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use uuid::Uuid;

use super::labels;
use crate::db::history::HistoryEntry;
use crate::i18n::date_time;
use crate::tr;
use crate::tui::remote::{Remote, RequestCounter};
use crate::tui::screens::Ui;
use crate::tui::widgets::{spinner, text};

#[derive(Debug, Clone)]
pub struct HistoryPane {
    /// What the history is of, e.g. "กข 1234".
    pub title: String,
    pub table: &'static str,
    pub id: Uuid,
    pub entries: Remote<Vec<HistoryEntry>>,
    pub request: RequestCounter,
    /// First line shown.
    pub scroll: usize,
}

impl HistoryPane {
    pub fn new(title: String, table: &'static str, id: Uuid) -> HistoryPane {
        HistoryPane {
            title,
            table,
            id,
            entries: Remote::Loading,
            request: RequestCounter::default(),
            scroll: 0,
        }
    }

    pub fn scroll_by(&mut self, lines: isize) {
        self.scroll = self.scroll.saturating_add_signed(lines);
    }

    fn lines(&self, ui: &Ui, width: usize) -> Vec<Line<'static>> {
        let entries = match &self.entries {
            Remote::Idle | Remote::Loading => {
                return vec![Line::styled(
                    format!("{} {}", spinner(ui.tick), tr!(ui.lang, "loading")),
                    ui.theme.muted(),
                )];
            }
            Remote::Failed(message) => {
                return vec![Line::styled(message.text(ui.lang), ui.theme.error())];
            }
            Remote::Loaded(entries) if entries.is_empty() => {
                return vec![Line::styled(tr!(ui.lang, "history-none"), ui.theme.muted())];
            }
            Remote::Loaded(entries) => entries,
        };
        let mut lines = Vec::new();
        for entry in entries {
            let who = match &entry.role {
                Some(role) => format!("{} ({}, {role})", entry.who, entry.username),
                None => format!("{} ({})", entry.who, entry.username),
            };
            let mut head = vec![
                Span::styled(date_time(ui.lang, ui.calendar, entry.at), ui.theme.title()),
                Span::raw("  "),
                Span::styled(
                    labels::audit_operation(&entry.operation).text(ui.lang),
                    ui.theme.selected(),
                ),
                Span::raw(format!("  {who}")),
            ];
            if let Some(context) = &entry.context {
                head.push(Span::styled(format!("  · {context}"), ui.theme.muted()));
            }
            lines.push(Line::from(head));
            for change in &entry.changes {
                let field = labels::field_name(&change.field).text(ui.lang);
                let value = match (&change.old, &change.new, entry.operation.as_str()) {
                    (_, Some(new), "INSERT") => new.clone(),
                    (old, new, _) => format!(
                        "{} → {}",
                        old.as_deref().unwrap_or("–"),
                        new.as_deref().unwrap_or("–")
                    ),
                };
                lines.push(Line::from(vec![
                    Span::styled(format!("    {field}: "), ui.theme.muted()),
                    Span::raw(text::truncate(
                        &value,
                        width.saturating_sub(text::width(&field) + 6),
                    )),
                ]));
            }
            lines.push(Line::default());
        }
        lines
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let block = Block::bordered().title(Line::styled(
            format!(
                " {} ",
                tr!(ui.lang, "history-title", record = self.title.clone())
            ),
            ui.theme.title(),
        ));
        let inner = block.inner(area);
        frame.render_widget(Clear, area);
        frame.render_widget(block, area);
        let lines = self.lines(ui, inner.width as usize);
        let visible = inner.height.saturating_sub(1) as usize;
        self.scroll = self.scroll.min(lines.len().saturating_sub(visible));
        let shown: Vec<Line> = lines.into_iter().skip(self.scroll).take(visible).collect();
        frame.render_widget(
            Paragraph::new(shown),
            Rect {
                height: visible as u16,
                ..inner
            },
        );
        frame.render_widget(
            Paragraph::new(Line::styled(tr!(ui.lang, "history-keys"), ui.theme.muted())),
            Rect {
                y: inner.bottom().saturating_sub(1),
                height: 1,
                ..inner
            },
        );
    }
}

/// A record's fields, read-only (policy, claim and payment screens come later).
#[derive(Debug, Clone)]
pub struct DetailPane {
    pub title: String,
    pub fields: Vec<(String, String)>,
}

impl DetailPane {
    pub fn render(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let label_width = self
            .fields
            .iter()
            .map(|(label, _)| text::width(label))
            .max()
            .unwrap_or(0);
        let mut lines: Vec<Line> = self
            .fields
            .iter()
            .map(|(label, value)| {
                Line::from(vec![
                    Span::styled(text::pad(label, label_width + 2), ui.theme.muted()),
                    Span::raw(value.clone()),
                ])
            })
            .collect();
        lines.push(Line::default());
        lines.push(Line::styled(tr!(ui.lang, "detail-keys"), ui.theme.muted()));
        let height = (lines.len() as u16 + 2).min(area.height);
        let popup = crate::tui::widgets::modal::centered(area, area.width.min(90), height);
        frame.render_widget(Clear, popup);
        let block =
            Block::bordered().title(Line::styled(format!(" {} ", self.title), ui.theme.title()));
        frame.render_widget(Paragraph::new(lines).block(block), popup);
    }
}
