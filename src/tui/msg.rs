//! Everything that can happen to the application: keys, time, and database results.

use std::time::Instant;

use crossterm::event::KeyEvent;

use crate::db::health::HealthCheck;
use crate::db::home::Figure;
use crate::db::session::{LoggedIn, LoginError};
use crate::domain::staff::GroupRole;
use crate::i18n::{Lang, Message};
use crate::tui::screens::claims::work::ClaimsMsg;
use crate::tui::screens::customers::work::CustomersMsg;
use crate::tui::screens::policies::work::PoliciesMsg;
use crate::tui::screens::reconcile::work::ReconcileMsg;

#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    Paste(String),
    Resize,
    Tick(Instant),
    /// The terminal is going away (SIGTERM, SIGHUP): end the session and quit.
    Terminate,
    LoggedIn {
        request: u64,
        result: Result<LoggedIn, LoginError>,
    },
    LoggedOut {
        then_quit: bool,
    },
    FiguresLoaded {
        request: u64,
        result: Result<Vec<(GroupRole, Vec<Figure>)>, sqlx::Error>,
    },
    HealthLoaded {
        request: u64,
        result: Result<Vec<HealthCheck>, sqlx::Error>,
    },
    PasswordChanged {
        request: u64,
        result: Result<(), PasswordChangeError>,
    },
    LanguageSaved {
        result: Result<Lang, sqlx::Error>,
    },
    Pinged {
        result: Result<(), sqlx::Error>,
    },
    UnlockChecked {
        request: u64,
        result: Result<(), LoginError>,
    },
    Customers(Box<CustomersMsg>),
    Policies(Box<PoliciesMsg>),
    Claims(Box<ClaimsMsg>),
    /// The claims listener is in place (`Cmd::ListenClaims`).
    ClaimsListening,
    /// Claims changed (those named; none named: any of them).
    ClaimsChanged(Vec<uuid::Uuid>),
    /// The claims listener stopped: its error, or `None` when its connection dropped.
    ClaimsListenStopped(Option<sqlx::Error>),
    /// A result of the finance screen (or an import's progress).
    Reconcile(Box<ReconcileMsg>),
}

#[derive(Debug)]
pub enum PasswordChangeError {
    WrongCurrentPassword,
    Failed(Message),
}
