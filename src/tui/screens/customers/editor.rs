//! What every form on the customer screen shares: where saving stands, turning a failed
//! save into a sentence beside the field it concerns, and the box they are drawn in.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::db::customers::{Conflict, SaveError};
use crate::i18n::{Message, date_time};
use crate::tui::screens::Ui;
use crate::tui::widgets::form::{ChoiceOption, Form};
use crate::tui::widgets::spinner;
use crate::{msg, tr};

#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    Editing,
    /// Looking for existing customers like this one.
    Checking,
    Saving,
    Failed(Message),
}

/// A save that did not happen, for the form to show.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// Someone saved first: who, when, and the version to save over deliberately.
    Conflict(Conflict),
    /// A rule of the database, named by its constraint.
    Constraint(String, Message),
    Other(Message),
}

pub fn refusal(error: SaveError) -> Refusal {
    match error {
        SaveError::Conflict(conflict) => Refusal::Conflict(conflict),
        SaveError::Gone => Refusal::Other(msg!("customers-record-gone")),
        SaveError::Database(error) => {
            let message = crate::db::error::message(&error);
            match &error {
                sqlx::Error::Database(db) => match db.constraint() {
                    Some(constraint) => Refusal::Constraint(constraint.to_string(), message),
                    None => Refusal::Other(message),
                },
                _ => Refusal::Other(message),
            }
        }
    }
}

/// Where saving stands; while editing, the keys that work (message key `keys`).
pub fn status_line(status: &SaveStatus, keys: &'static str, ui: &Ui) -> Line<'static> {
    match status {
        SaveStatus::Editing => {
            Line::styled(crate::i18n::text(ui.lang, keys, &[]), ui.theme.muted())
        }
        SaveStatus::Checking => Line::styled(
            format!(
                "{} {}",
                spinner(ui.tick),
                tr!(ui.lang, "customers-checking-duplicates")
            ),
            ui.theme.muted(),
        ),
        SaveStatus::Saving => Line::styled(
            format!("{} {}", spinner(ui.tick), tr!(ui.lang, "customers-saving")),
            ui.theme.muted(),
        ),
        SaveStatus::Failed(message) => Line::styled(message.text(ui.lang), ui.theme.error()),
    }
}

/// Someone else's save that beat this form: who and when.
pub type Beaten = (Option<String>, chrono::DateTime<chrono::Utc>);

/// A form in its box: a conflict banner on top when there is one, the fields, and a line
/// beneath saying where saving stands (or which keys work).
pub struct FormBox<'a> {
    pub title: &'a str,
    pub form: &'a Form,
    pub status: &'a SaveStatus,
    pub conflict: Option<&'a Beaten>,
    /// Whether the form has the cursor (not a picker or dialog over it).
    pub active: bool,
    /// Message key of the keys to show while editing.
    pub keys: &'static str,
}

impl FormBox<'_> {
    pub fn render(self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let block =
            Block::bordered().title(Line::styled(format!(" {} ", self.title), ui.theme.title()));
        let inner = block.inner(area);
        frame.render_widget(Clear, area);
        frame.render_widget(block, area);
        let status = status_line(self.status, self.keys, ui);
        let [banner, form_area, status_area] = Layout::vertical([
            Constraint::Length(2 * u16::from(self.conflict.is_some())),
            Constraint::Min(0),
            Constraint::Length(wrapped_height(&status, inner.width, 3)),
        ])
        .areas(inner);
        if let Some((by, at)) = self.conflict {
            frame.render_widget(
                Paragraph::new(Line::styled(
                    tr!(
                        ui.lang,
                        "customers-conflict",
                        who = by.clone().unwrap_or_else(|| "–".into()),
                        when = date_time(ui.lang, ui.calendar, *at)
                    ),
                    ui.theme.warning(),
                ))
                .wrap(ratatui::widgets::Wrap { trim: true }),
                banner,
            );
        }
        self.form
            .render(frame, form_area, ui.lang, ui.theme, self.active);
        frame.render_widget(
            Paragraph::new(status).wrap(ratatui::widgets::Wrap { trim: true }),
            status_area,
        );
    }
}

/// The rows a line needs when wrapped at `width` (a long sentence, e.g. why a save was
/// refused, must be read whole), at least one and at most `most`.
fn wrapped_height(line: &Line, width: u16, most: u16) -> u16 {
    let width = usize::from(width.max(1));
    let rows = line.width().div_ceil(width).clamp(1, usize::from(most));
    u16::try_from(rows).unwrap_or(most)
}

/// The choices of a field: database values with their words.
pub fn options(values: &[&str], label: fn(&str) -> Message) -> Vec<ChoiceOption> {
    values
        .iter()
        .map(|value| ChoiceOption {
            value: value.to_string(),
            label: label(value),
        })
        .collect()
}
