//! The screens. Each keeps its own state, turns keys into commands, and draws itself.

pub mod account;
pub mod claims;
pub mod customers;
pub mod health;
pub mod home;
pub mod login;
pub mod policies;
pub mod reconcile;

use crate::i18n::{Calendar, Lang};
use crate::tui::theme::Theme;

/// What every screen needs to draw itself.
pub struct Ui<'a> {
    pub lang: Lang,
    pub calendar: Calendar,
    /// Today in Bangkok (ages, what is overdue).
    pub today: chrono::NaiveDate,
    pub theme: &'a Theme,
    pub tick: u64,
}
