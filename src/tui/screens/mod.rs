//! The screens. Each keeps its own state, turns keys into commands, and draws itself.

pub mod account;
pub mod audit;
pub mod charts;
pub mod claims;
pub mod customers;
pub mod health;
pub mod home;
pub mod login;
pub mod policies;
pub mod reconcile;
pub mod settings;
pub mod staff;

use crate::i18n::{Calendar, Lang};
use crate::tui::theme::Theme;

/// A sentence for the status bar, in the tone it is said in.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub message: crate::i18n::Message,
    pub tone: crate::tui::app::Tone,
}

/// What every screen needs to draw itself.
pub struct Ui<'a> {
    pub lang: Lang,
    pub calendar: Calendar,
    /// Today in Bangkok (ages, what is overdue).
    pub today: chrono::NaiveDate,
    pub theme: &'a Theme,
    pub tick: u64,
}

impl Ui<'_> {
    /// What a screen waiting for `remote` shows instead of it: the spinner with the
    /// sentence of `loading` (a message key), or the error. `Ok` once it is loaded.
    pub fn loaded<'r, T>(
        &self,
        remote: &'r crate::tui::remote::Remote<T>,
        loading: &'static str,
    ) -> Result<&'r T, ratatui::text::Line<'static>> {
        use crate::tui::remote::Remote;
        match remote {
            Remote::Loaded(value) => Ok(value),
            Remote::Failed(message) => Err(ratatui::text::Line::styled(
                message.text(self.lang),
                self.theme.error(),
            )),
            Remote::Idle | Remote::Loading => Err(ratatui::text::Line::styled(
                format!(
                    "{} {}",
                    crate::tui::widgets::spinner(self.tick),
                    crate::i18n::text(self.lang, loading, &[])
                ),
                self.theme.muted(),
            )),
        }
    }
}

/// Draws a piece of a screen at 80×24 on 25 Nov 2026 for a test, as text.
#[cfg(test)]
pub fn drawn_for_test(lang: Lang, render: impl FnOnce(&mut ratatui::Frame, &Ui)) -> String {
    let theme = Theme::default();
    let ui = Ui {
        lang,
        calendar: Calendar::default_for(lang),
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("a date"),
        theme: &theme,
        tick: 0,
    };
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).expect("a terminal");
    terminal.draw(|frame| render(frame, &ui)).expect("drawn");
    terminal.backend().to_string()
}
