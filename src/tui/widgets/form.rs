//! A form: fields on tui-input, one focused, each with its error sentence beneath it.
//! Cursor movement and deletion go by grapheme, so Thai vowels and tone marks move with
//! their consonant.

use crossterm::event::Event;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use tui_input::Input;
use tui_input::backend::crossterm::to_input_request;

use super::text;
use crate::i18n::{Lang, Message};
use crate::tui::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    Secret,
}

#[derive(Debug, Clone)]
pub struct Field {
    /// Message key of the label.
    pub label: &'static str,
    pub kind: FieldKind,
    pub input: Input,
    pub error: Option<Message>,
}

impl Field {
    pub fn text(label: &'static str) -> Field {
        Field {
            label,
            kind: FieldKind::Text,
            input: Input::default(),
            error: None,
        }
    }

    pub fn secret(label: &'static str) -> Field {
        Field {
            kind: FieldKind::Secret,
            ..Field::text(label)
        }
    }
}

#[derive(Debug, Clone)]
pub struct Form {
    pub fields: Vec<Field>,
    pub focus: usize,
}

impl Form {
    pub fn new(fields: Vec<Field>) -> Form {
        Form { fields, focus: 0 }
    }

    pub fn value(&self, index: usize) -> &str {
        self.fields[index].input.value()
    }

    pub fn set_value(&mut self, index: usize, value: &str) {
        self.fields[index].input = Input::new(value.to_string());
    }

    pub fn set_error(&mut self, index: usize, error: Option<Message>) {
        self.fields[index].error = error;
    }

    pub fn clear_errors(&mut self) {
        for field in &mut self.fields {
            field.error = None;
        }
    }

    pub fn has_errors(&self) -> bool {
        self.fields.iter().any(|f| f.error.is_some())
    }

    /// Whether anything has been typed (quitting would lose it).
    pub fn is_dirty(&self) -> bool {
        self.fields.iter().any(|f| !f.input.value().is_empty())
    }

    pub fn clear(&mut self, index: usize) {
        self.fields[index].input.reset();
    }

    pub fn reset(&mut self) {
        for field in &mut self.fields {
            field.input.reset();
            field.error = None;
        }
        self.focus = 0;
    }

    pub fn next(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len();
    }

    pub fn previous(&mut self) {
        self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
    }

    pub fn is_last(&self) -> bool {
        self.focus + 1 == self.fields.len()
    }

    /// Gives a key or paste to the focused field. Returns true when its value or cursor
    /// changed; editing a field clears its error.
    pub fn edit(&mut self, event: &Event) -> bool {
        let field = &mut self.fields[self.focus];
        if let Event::Paste(pasted) = event {
            for c in pasted.chars().filter(|c| !c.is_control()) {
                field.input.handle(tui_input::InputRequest::InsertChar(c));
            }
            field.error = None;
            return true;
        }
        let Some(request) = to_input_request(event) else {
            return false;
        };
        let changed = field.input.handle(request);
        if changed.is_some_and(|c| c.value) {
            field.error = None;
        }
        changed.is_some()
    }

    /// Two lines per field: the field, then its error.
    pub fn height(&self) -> u16 {
        (self.fields.len() * 2) as u16
    }

    /// Draws the form; the focused field gets the cursor when `active`.
    pub fn render(&self, frame: &mut Frame, area: Rect, lang: Lang, theme: &Theme, active: bool) {
        let labels: Vec<String> = self
            .fields
            .iter()
            .map(|f| crate::i18n::text(lang, f.label, &[]))
            .collect();
        let label_width = labels.iter().map(|l| text::width(l)).max().unwrap_or(0) as u16;
        let input_x = area.x + label_width + 2;
        let input_width = area.width.saturating_sub(label_width + 2);
        for (i, (field, label)) in self.fields.iter().zip(&labels).enumerate() {
            let y = area.y + (i as u16) * 2;
            if y >= area.bottom() {
                break;
            }
            let focused = i == self.focus;
            let label_style = if focused {
                theme.title()
            } else {
                theme.muted()
            };
            let label_line = Line::from(Span::styled(
                format!(
                    "{}{label}",
                    " ".repeat(label_width as usize - text::width(label))
                ),
                label_style,
            ));
            frame.render_widget(
                Paragraph::new(label_line),
                Rect::new(area.x, y, label_width, 1),
            );

            let shown = match field.kind {
                FieldKind::Text => field.input.value().to_string(),
                FieldKind::Secret => text::mask(field.input.value()),
            };
            let scroll = if focused {
                field
                    .input
                    .visual_scroll(input_width.saturating_sub(1) as usize)
            } else {
                0
            };
            let underline =
                ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::UNDERLINED);
            let input_rect = Rect::new(input_x, y, input_width, 1);
            frame.render_widget(
                Paragraph::new(shown)
                    .style(underline)
                    .scroll((0, scroll as u16)),
                input_rect,
            );
            if focused && active {
                let cursor = match field.kind {
                    FieldKind::Text => field.input.visual_cursor(),
                    FieldKind::Secret => text::mask(
                        &field.input.value()[..byte_at(field.input.value(), field.input.cursor())],
                    )
                    .chars()
                    .count(),
                };
                let x = input_x + (cursor.saturating_sub(scroll)) as u16;
                frame.set_cursor_position((x.min(input_rect.right().saturating_sub(1)), y));
            }
            if let Some(error) = &field.error
                && y + 1 < area.bottom()
            {
                let sentence = text::truncate(&error.text(lang), input_width as usize);
                frame.render_widget(
                    Paragraph::new(Span::styled(sentence, theme.error())),
                    Rect::new(input_x, y + 1, input_width, 1),
                );
            }
        }
    }
}

/// The byte offset of the `codepoints`-th character.
fn byte_at(value: &str, codepoints: usize) -> usize {
    value
        .char_indices()
        .nth(codepoints)
        .map_or(value.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn key(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn thai_is_deleted_a_whole_letter_at_a_time() {
        let mut form = Form::new(vec![Field::text("login-username")]);
        for c in "กิต".chars() {
            form.edit(&key(KeyCode::Char(c)));
        }
        assert_eq!(form.value(0), "กิต");
        form.edit(&key(KeyCode::Left));
        form.edit(&key(KeyCode::Backspace));
        assert_eq!(form.value(0), "ต", "backspace removed ก with its vowel");
    }

    #[test]
    fn editing_clears_the_fields_error() {
        let mut form = Form::new(vec![
            Field::text("login-username"),
            Field::secret("login-password"),
        ]);
        form.set_error(0, Some(crate::msg!("login-need-username")));
        form.edit(&key(KeyCode::Char('a')));
        assert!(form.fields[0].error.is_none());
        assert!(form.is_dirty());
        form.next();
        assert_eq!(form.focus, 1);
        form.next();
        assert_eq!(form.focus, 0);
    }
}
