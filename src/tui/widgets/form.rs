//! A form: fields on tui-input, one focused, each with its error sentence beneath it.
//! Besides text there are choices (←/→ or Space), yes/no toggles (Space) and fields
//! filled from a picker the screen opens (Enter). Fields can be grouped under headings
//! and hidden; a long form scrolls to keep the focused field in view. Cursor movement and
//! deletion go by grapheme, so Thai vowels and tone marks move with their consonant.

use crossterm::event::{Event, KeyCode};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use tui_input::Input;
use tui_input::backend::crossterm::to_input_request;

use super::text;
use crate::i18n::{Lang, Message};
use crate::key;
use crate::tui::theme::Theme;

#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceOption {
    /// What the program stores (a database value).
    pub value: String,
    pub label: Message,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FieldKind {
    Text,
    Secret,
    /// One of a fixed list.
    Choice {
        options: Vec<ChoiceOption>,
        selected: usize,
    },
    /// Yes or no.
    Toggle(bool),
    /// Filled from a picker: the stored value and what is shown for it.
    Pick {
        value: Option<String>,
        shown: String,
    },
}

#[derive(Debug, Clone)]
pub struct Field {
    /// Message key of the label.
    pub label: &'static str,
    pub kind: FieldKind,
    pub input: Input,
    pub error: Option<Message>,
    /// A remark under the field when there is no error (e.g. what someone else saved).
    pub note: Option<Message>,
    /// Shown dimmed in an empty text field, e.g. the date format.
    pub placeholder: Option<Message>,
    /// Message key of a heading shown above this field.
    pub section: Option<&'static str>,
    pub hidden: bool,
}

impl Field {
    pub fn text(label: &'static str) -> Field {
        Field {
            label,
            kind: FieldKind::Text,
            input: Input::default(),
            error: None,
            note: None,
            placeholder: None,
            section: None,
            hidden: false,
        }
    }

    pub fn secret(label: &'static str) -> Field {
        Field {
            kind: FieldKind::Secret,
            ..Field::text(label)
        }
    }

    pub fn choice(label: &'static str, options: Vec<ChoiceOption>) -> Field {
        Field {
            kind: FieldKind::Choice {
                options,
                selected: 0,
            },
            ..Field::text(label)
        }
    }

    pub fn toggle(label: &'static str, on: bool) -> Field {
        Field {
            kind: FieldKind::Toggle(on),
            ..Field::text(label)
        }
    }

    pub fn pick(label: &'static str) -> Field {
        Field {
            kind: FieldKind::Pick {
                value: None,
                shown: String::new(),
            },
            ..Field::text(label)
        }
    }

    pub fn in_section(self, section: &'static str) -> Field {
        Field {
            section: Some(section),
            ..self
        }
    }

    pub fn with_placeholder(self, placeholder: Message) -> Field {
        Field {
            placeholder: Some(placeholder),
            ..self
        }
    }

    /// The lines the field takes: itself, and the line for its error or note (kept even
    /// when empty, so that fields do not jump as sentences come and go).
    fn height(&self) -> u16 {
        2
    }
}

#[derive(Debug, Clone)]
pub struct Form {
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Changed since it was filled (quitting would lose it).
    touched: bool,
}

impl Form {
    pub fn new(fields: Vec<Field>) -> Form {
        Form {
            fields,
            focus: 0,
            touched: false,
        }
    }

    /// The text of a text field; a choice's value; "true"/"false"; a pick's value.
    pub fn value(&self, index: usize) -> &str {
        match &self.fields[index].kind {
            FieldKind::Text | FieldKind::Secret => self.fields[index].input.value(),
            FieldKind::Choice { options, selected } => options
                .get(*selected)
                .map_or("", |option| option.value.as_str()),
            FieldKind::Toggle(on) => {
                if *on {
                    "true"
                } else {
                    "false"
                }
            }
            FieldKind::Pick { value, .. } => value.as_deref().unwrap_or(""),
        }
    }

    pub fn is_on(&self, index: usize) -> bool {
        matches!(self.fields[index].kind, FieldKind::Toggle(true))
    }

    pub fn picked(&self, index: usize) -> Option<&str> {
        match &self.fields[index].kind {
            FieldKind::Pick { value, .. } => value.as_deref(),
            _ => None,
        }
    }

    /// Fills a field without counting as an edit.
    pub fn set_value(&mut self, index: usize, value: &str) {
        let field = &mut self.fields[index];
        match &mut field.kind {
            FieldKind::Text | FieldKind::Secret => field.input = Input::new(value.to_string()),
            FieldKind::Choice { options, selected } => {
                if let Some(position) = options.iter().position(|o| o.value == value) {
                    *selected = position;
                }
            }
            FieldKind::Toggle(on) => *on = value == "true",
            FieldKind::Pick { .. } => {}
        }
    }

    pub fn set_pick(&mut self, index: usize, value: Option<String>, shown: String) {
        if let FieldKind::Pick {
            value: stored,
            shown: label,
        } = &mut self.fields[index].kind
        {
            *stored = value;
            *label = shown;
            self.fields[index].error = None;
        }
    }

    pub fn set_error(&mut self, index: usize, error: Option<Message>) {
        self.fields[index].error = error;
    }

    pub fn set_note(&mut self, index: usize, note: Option<Message>) {
        self.fields[index].note = note;
    }

    pub fn set_hidden(&mut self, index: usize, hidden: bool) {
        self.fields[index].hidden = hidden;
        if hidden && self.focus == index {
            self.next();
        }
    }

    pub fn clear_errors(&mut self) {
        for field in &mut self.fields {
            field.error = None;
        }
    }

    pub fn clear_notes(&mut self) {
        for field in &mut self.fields {
            field.note = None;
        }
    }

    pub fn has_errors(&self) -> bool {
        self.fields.iter().any(|f| f.error.is_some() && !f.hidden)
    }

    /// Focuses the first field with an error; true when there was one.
    pub fn focus_first_error(&mut self) -> bool {
        match self
            .fields
            .iter()
            .position(|f| f.error.is_some() && !f.hidden)
        {
            Some(index) => {
                self.focus = index;
                true
            }
            None => false,
        }
    }

    /// Whether anything has been typed or changed since the form was filled (leaving
    /// would lose it).
    pub fn is_dirty(&self) -> bool {
        self.touched
    }

    /// Marks the form as holding nothing unsaved (after saving).
    pub fn mark_clean(&mut self) {
        self.touched = false;
    }

    pub fn mark_touched(&mut self) {
        self.touched = true;
    }

    pub fn clear(&mut self, index: usize) {
        self.fields[index].input.reset();
    }

    pub fn reset(&mut self) {
        for field in &mut self.fields {
            field.input.reset();
            field.error = None;
            field.note = None;
        }
        self.focus = 0;
        self.touched = false;
    }

    pub fn next(&mut self) {
        for _ in 0..self.fields.len() {
            self.focus = (self.focus + 1) % self.fields.len();
            if !self.fields[self.focus].hidden {
                break;
            }
        }
    }

    pub fn previous(&mut self) {
        for _ in 0..self.fields.len() {
            self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
            if !self.fields[self.focus].hidden {
                break;
            }
        }
    }

    pub fn is_last(&self) -> bool {
        !self.fields[self.focus + 1..].iter().any(|f| !f.hidden)
    }

    /// Whether the focused field is filled from a picker (Enter opens it).
    pub fn focus_is_pick(&self) -> bool {
        matches!(self.fields[self.focus].kind, FieldKind::Pick { .. })
    }

    /// Gives a key or paste to the focused field. Returns true when its value or cursor
    /// changed; changing a field clears its error.
    pub fn edit(&mut self, event: &Event) -> bool {
        let field = &mut self.fields[self.focus];
        let key = match event {
            Event::Key(key) => Some(key.code),
            _ => None,
        };
        let changed = match &mut field.kind {
            FieldKind::Choice { options, selected } => match key {
                Some(KeyCode::Right) | Some(KeyCode::Char(' ')) => {
                    *selected = (*selected + 1) % options.len().max(1);
                    true
                }
                Some(KeyCode::Left) => {
                    *selected = (*selected + options.len().max(1) - 1) % options.len().max(1);
                    true
                }
                _ => false,
            },
            FieldKind::Toggle(on) => match key {
                Some(KeyCode::Char(' ')) | Some(KeyCode::Left) | Some(KeyCode::Right) => {
                    *on = !*on;
                    true
                }
                _ => false,
            },
            FieldKind::Pick { .. } => false,
            FieldKind::Text | FieldKind::Secret => {
                if let Event::Paste(pasted) = event {
                    for c in pasted.chars().filter(|c| !c.is_control()) {
                        field.input.handle(tui_input::InputRequest::InsertChar(c));
                    }
                    field.error = None;
                    self.touched = true;
                    return true;
                }
                let Some(request) = to_input_request(event) else {
                    return false;
                };
                let changed = field.input.handle(request);
                if changed.is_some_and(|c| c.value) {
                    field.error = None;
                    self.touched = true;
                }
                return changed.is_some();
            }
        };
        if changed {
            field.error = None;
            self.touched = true;
        }
        changed
    }

    /// Lines for all visible fields and headings (for sizing a box around the form).
    pub fn height(&self) -> u16 {
        self.layout().last().map_or(0, |(_, top, h)| top + h)
    }

    /// (field index, top line, height) of each visible field; headings take two lines
    /// above their field (one blank between groups).
    fn layout(&self) -> Vec<(usize, u16, u16)> {
        let mut top = 0;
        let mut placed = Vec::new();
        for (index, field) in self.fields.iter().enumerate() {
            if field.hidden {
                continue;
            }
            if field.section.is_some() {
                top += if placed.is_empty() { 1 } else { 2 };
            }
            placed.push((index, top, field.height()));
            top += field.height();
        }
        placed
    }

    /// Draws the form; the focused field gets the cursor when `active`. A form taller than
    /// `area` scrolls so that the focused field shows.
    pub fn render(&self, frame: &mut Frame, area: Rect, lang: Lang, theme: &Theme, active: bool) {
        let labels: Vec<String> = self
            .fields
            .iter()
            .map(|f| crate::i18n::text(lang, f.label, &[]))
            .collect();
        let label_width = self
            .fields
            .iter()
            .zip(&labels)
            .filter(|(f, _)| !f.hidden)
            .map(|(_, l)| text::width(l))
            .max()
            .unwrap_or(0) as u16;
        let input_x = area.x + label_width + 2;
        let input_width = area.width.saturating_sub(label_width + 2);
        let layout = self.layout();
        let scroll = layout
            .iter()
            .find(|(index, _, _)| *index == self.focus)
            .map_or(0, |(_, top, height)| {
                (top + height).saturating_sub(area.height)
            });
        for (index, top, _) in &layout {
            let field = &self.fields[*index];
            let Some(y) = top.checked_sub(scroll).map(|t| area.y + t) else {
                continue;
            };
            if let Some(section) = field.section
                && y > area.y
                && y - 1 < area.bottom()
            {
                let heading = crate::i18n::text(lang, section, &[]);
                frame.render_widget(
                    Paragraph::new(Span::styled(heading, theme.title())),
                    Rect::new(area.x, y - 1, area.width, 1),
                );
            }
            if y >= area.bottom() {
                break;
            }
            self.render_field(
                frame,
                *index,
                &labels[*index],
                (area.x, input_x, y),
                (label_width, input_width),
                area.bottom(),
                lang,
                theme,
                active,
            );
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn render_field(
        &self,
        frame: &mut Frame,
        index: usize,
        label: &str,
        (label_x, input_x, y): (u16, u16, u16),
        (label_width, input_width): (u16, u16),
        bottom: u16,
        lang: Lang,
        theme: &Theme,
        active: bool,
    ) {
        let field = &self.fields[index];
        let focused = index == self.focus;
        let label_style = if focused {
            theme.title()
        } else {
            theme.muted()
        };
        let label_line = Line::from(Span::styled(
            format!(
                "{}{label}",
                " ".repeat((label_width as usize).saturating_sub(text::width(label)))
            ),
            label_style,
        ));
        frame.render_widget(
            Paragraph::new(label_line),
            Rect::new(label_x, y, label_width, 1),
        );
        let input_rect = Rect::new(input_x, y, input_width, 1);
        let underline =
            ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::UNDERLINED);
        match &field.kind {
            FieldKind::Text | FieldKind::Secret => {
                let value = field.input.value();
                let shown = match field.kind {
                    FieldKind::Secret => text::mask(value),
                    _ => value.to_string(),
                };
                let scroll = if focused {
                    field
                        .input
                        .visual_scroll(input_width.saturating_sub(1) as usize)
                } else {
                    0
                };
                let line = match (&field.placeholder, value.is_empty()) {
                    (Some(placeholder), true) => {
                        Line::styled(placeholder.text(lang), theme.muted().patch(underline))
                    }
                    _ => Line::styled(shown, underline),
                };
                frame.render_widget(Paragraph::new(line).scroll((0, scroll as u16)), input_rect);
                if focused && active {
                    let cursor = match field.kind {
                        FieldKind::Secret => {
                            text::mask(&value[..byte_at(value, field.input.cursor())])
                                .chars()
                                .count()
                        }
                        _ => field.input.visual_cursor(),
                    };
                    let x = input_x + (cursor.saturating_sub(scroll)) as u16;
                    frame.set_cursor_position((x.min(input_rect.right().saturating_sub(1)), y));
                }
            }
            FieldKind::Choice { options, selected } => {
                let current = options
                    .get(*selected)
                    .map(|o| o.label.text(lang))
                    .unwrap_or_default();
                let shown = if focused {
                    format!("◀ {current} ▶")
                } else {
                    current
                };
                let style = if focused { theme.selected() } else { underline };
                frame.render_widget(Paragraph::new(Span::styled(shown, style)), input_rect);
            }
            FieldKind::Toggle(on) => {
                let shown = format!(
                    "[{}] {}",
                    if *on { "x" } else { " " },
                    crate::i18n::text(
                        lang,
                        if *on {
                            key!("form-yes")
                        } else {
                            key!("form-no")
                        },
                        &[]
                    )
                );
                let style = if focused {
                    theme.selected()
                } else {
                    ratatui::style::Style::new()
                };
                frame.render_widget(Paragraph::new(Span::styled(shown, style)), input_rect);
            }
            FieldKind::Pick { shown, value } => {
                let text_shown = if value.is_none() {
                    crate::i18n::text(lang, key!("form-pick"), &[])
                } else {
                    shown.clone()
                };
                let style = match (focused, value.is_none()) {
                    (true, _) => theme.selected(),
                    (false, true) => theme.muted().patch(underline),
                    (false, false) => underline,
                };
                frame.render_widget(
                    Paragraph::new(Span::styled(
                        text::truncate(&text_shown, input_width as usize),
                        style,
                    )),
                    input_rect,
                );
            }
        }
        let remark = match (&field.error, &field.note) {
            (Some(error), _) => Some((error, theme.error())),
            (None, Some(note)) => Some((note, theme.warning())),
            (None, None) => None,
        };
        if let Some((message, style)) = remark
            && y + 1 < bottom
        {
            // Under the value; a sentence too long for that column starts further left,
            // under the label (that line is the field's own), so it is read whole.
            let right = input_x + input_width;
            let full = message.text(lang);
            let wanted = u16::try_from(text::width(&full)).unwrap_or(u16::MAX);
            let x = right.saturating_sub(wanted).clamp(label_x, input_x);
            let sentence = text::truncate(&full, usize::from(right - x));
            frame.render_widget(
                Paragraph::new(Span::styled(sentence, style)),
                Rect::new(x, y + 1, right - x, 1),
            );
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

    #[test]
    fn choices_and_toggles_change_with_arrows_and_space_and_hidden_fields_are_skipped() {
        let option = |value: &str| ChoiceOption {
            value: value.into(),
            label: crate::msg!("form-yes"),
        };
        let mut form = Form::new(vec![
            Field::choice(
                "login-username",
                vec![option("A"), option("B"), option("C")],
            ),
            Field::text("login-password"),
            Field::toggle("login-password", false),
        ]);
        assert_eq!(form.value(0), "A");
        form.edit(&key(KeyCode::Right));
        assert_eq!(form.value(0), "B");
        form.edit(&key(KeyCode::Left));
        form.edit(&key(KeyCode::Left));
        assert_eq!(form.value(0), "C");
        form.set_hidden(1, true);
        form.next();
        assert_eq!(form.focus, 2, "the hidden field is skipped");
        form.edit(&key(KeyCode::Char(' ')));
        assert!(form.is_on(2));
        assert!(form.is_last());
        assert!(form.is_dirty());
    }
}
