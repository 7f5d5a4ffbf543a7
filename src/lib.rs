//! prakan (ประกัน): the back office of a Thai motor insurer, in the terminal.

pub mod bench;
pub mod config;
pub mod db;
pub mod documents;
pub mod domain;
pub mod i18n;
pub mod pg;
pub mod seed;
pub mod tui;
