//! Data a screen waits for: never a frozen screen, always one of these states.

use crate::i18n::Message;

#[derive(Debug, Clone, PartialEq, Default)]
pub enum Remote<T> {
    #[default]
    Idle,
    Loading,
    Loaded(T),
    Failed(Message),
}

impl<T> Remote<T> {
    pub fn loaded(&self) -> Option<&T> {
        match self {
            Remote::Loaded(value) => Some(value),
            _ => None,
        }
    }

    pub fn is_loading(&self) -> bool {
        matches!(self, Remote::Loading)
    }
}

/// Numbers the requests of one screen so that only the newest result is taken.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RequestCounter {
    latest: u64,
}

impl RequestCounter {
    pub fn issue(&mut self) -> u64 {
        self.latest += 1;
        self.latest
    }

    pub fn is_latest(&self, request: u64) -> bool {
        request == self.latest
    }
}
