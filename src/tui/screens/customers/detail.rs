//! One record's fields, read-only, in a box over the screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::tr;
use crate::tui::screens::Ui;
use crate::tui::widgets::text;

/// A record's fields, read-only.
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
