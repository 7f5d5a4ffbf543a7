//! A type-ahead list: typing narrows the items, arrows choose, Tab completes.

use crossterm::event::Event;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};
use tui_input::Input;
use tui_input::backend::crossterm::to_input_request;

use super::text;
use crate::tui::theme::Theme;

#[derive(Debug, Clone, PartialEq)]
pub struct PickerItem<T> {
    pub label: String,
    pub detail: String,
    /// Words that find the item (its label is one of them).
    pub words: Vec<String>,
    pub value: T,
}

#[derive(Debug, Clone)]
pub struct Picker<T> {
    pub input: Input,
    items: Vec<PickerItem<T>>,
    matches: Vec<usize>,
    selected: usize,
}

impl<T: Clone> Picker<T> {
    pub fn new(items: Vec<PickerItem<T>>) -> Picker<T> {
        let mut picker = Picker {
            input: Input::default(),
            matches: Vec::new(),
            items,
            selected: 0,
        };
        picker.refilter();
        picker
    }

    pub fn query(&self) -> &str {
        self.input.value()
    }

    pub fn matches(&self) -> Vec<&PickerItem<T>> {
        self.matches.iter().map(|i| &self.items[*i]).collect()
    }

    pub fn chosen(&self) -> Option<&PickerItem<T>> {
        self.matches.get(self.selected).map(|i| &self.items[*i])
    }

    pub fn edit(&mut self, event: &Event) -> bool {
        let changed = match event {
            Event::Paste(text) => {
                for c in text.chars().filter(|c| !c.is_control()) {
                    self.input.handle(tui_input::InputRequest::InsertChar(c));
                }
                true
            }
            other => to_input_request(other)
                .and_then(|r| self.input.handle(r))
                .is_some(),
        };
        if changed {
            self.refilter();
        }
        changed
    }

    pub fn up(&mut self) {
        self.selected = self.selected.saturating_sub(1);
    }

    pub fn down(&mut self) {
        self.selected = (self.selected + 1).min(self.matches.len().saturating_sub(1));
    }

    /// Replaces the query with the chosen item's label.
    pub fn complete(&mut self) {
        if let Some(item) = self.chosen() {
            self.input = Input::new(
                item.words
                    .first()
                    .cloned()
                    .unwrap_or_else(|| item.label.clone()),
            );
            self.refilter();
        }
    }

    fn refilter(&mut self) {
        let query = self.input.value().trim().to_lowercase();
        let mut scored: Vec<(u8, usize)> = self
            .items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                let words = item.words.iter().map(|w| w.to_lowercase());
                let best = words
                    .filter_map(|w| {
                        if query.is_empty() || w == query {
                            Some(0)
                        } else if w.starts_with(&query) {
                            Some(1)
                        } else if w.contains(&query) {
                            Some(2)
                        } else {
                            None
                        }
                    })
                    .min()?;
                Some((best, i))
            })
            .collect();
        scored.sort();
        self.matches = scored.into_iter().map(|(_, i)| i).collect();
        self.selected = 0;
    }

    /// The query line on the first row of `area`, the matches below it.
    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme, prompt: &str) {
        let query_line = Line::from(vec![
            Span::styled(prompt.to_string(), theme.title()),
            Span::raw(self.input.value().to_string()),
        ]);
        frame.render_widget(Paragraph::new(query_line), Rect { height: 1, ..area });
        frame.set_cursor_position((
            area.x + (text::width(prompt) + self.input.visual_cursor()) as u16,
            area.y,
        ));
        let list_area = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            ..area
        };
        let label_width = self
            .matches()
            .iter()
            .map(|m| text::width(&m.label))
            .max()
            .unwrap_or(0);
        let items: Vec<ListItem> = self
            .matches()
            .iter()
            .map(|m| {
                ListItem::new(Line::from(vec![
                    Span::raw(text::pad(&m.label, label_width + 2)),
                    Span::styled(m.detail.clone(), theme.muted()),
                ]))
            })
            .collect();
        let mut state =
            ListState::default().with_selected((!self.matches.is_empty()).then_some(self.selected));
        frame.render_stateful_widget(
            List::new(items).highlight_style(theme.selected()),
            list_area,
            &mut state,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn item(label: &str, words: &[&str]) -> PickerItem<String> {
        PickerItem {
            label: label.into(),
            detail: String::new(),
            words: words.iter().map(|w| w.to_string()).collect(),
            value: label.into(),
        }
    }

    fn typed(picker: &mut Picker<String>, text: &str) {
        for c in text.chars() {
            picker.edit(&Event::Key(KeyEvent::new(
                KeyCode::Char(c),
                KeyModifiers::NONE,
            )));
        }
    }

    #[test]
    fn exact_then_prefix_then_contains_and_tab_completes() {
        let mut picker = Picker::new(vec![
            item("Account", &["account", "บัญชีของฉัน"]),
            item("Health", &["health", "สุขภาพฐานข้อมูล"]),
            item("About", &["about"]),
        ]);
        assert_eq!(picker.matches().len(), 3);
        typed(&mut picker, "a");
        assert_eq!(
            picker
                .matches()
                .iter()
                .map(|m| m.label.as_str())
                .collect::<Vec<_>>(),
            ["Account", "About", "Health"]
        );
        typed(&mut picker, "b");
        assert_eq!(picker.chosen().unwrap().label, "About");
        picker.complete();
        assert_eq!(picker.query(), "about");
        let mut thai = Picker::new(vec![item("Account", &["account", "บัญชีของฉัน"])]);
        typed(&mut thai, "บัญ");
        assert_eq!(thai.matches().len(), 1);
    }
}
