//! The pieces every screen is built from.

pub mod address_picker;
pub mod form;
pub mod history;
pub mod modal;
pub mod picker;
pub mod table;
pub mod text;

/// A loading mark that turns with the ticks.
pub fn spinner(tick: u64) -> &'static str {
    const FRAMES: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
    FRAMES[(tick % FRAMES.len() as u64) as usize]
}
