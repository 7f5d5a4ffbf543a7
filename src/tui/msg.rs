//! Everything that can happen to the application: keys, time, and database results.

use std::time::Instant;

use crossterm::event::KeyEvent;

use crate::db::health::Health;
use crate::db::home::Figure;
use crate::db::session::{LoggedIn, LoginError};
use crate::domain::staff::GroupRole;
use crate::i18n::{Lang, Message};
use crate::tui::screens::claims::work::ClaimsMsg;
use crate::tui::screens::customers::work::CustomersMsg;
use crate::tui::screens::policies::work::PoliciesMsg;
use crate::tui::screens::reconcile::work::ReconcileMsg;
use crate::tui::screens::settings::work::SettingsMsg;
use crate::tui::screens::staff::work::StaffMsg;

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
        result: Result<Health, sqlx::Error>,
    },
    /// The shared history pane's entries (`Cmd::LoadHistory`).
    HistoryLoaded {
        request: u64,
        result: Result<Vec<crate::db::history::HistoryEntry>, sqlx::Error>,
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
    /// The session was ended from elsewhere (`termination_reason`, e.g. ADMIN_ENDED).
    SessionEnded {
        reason: String,
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
    /// A result of the audit trail screen.
    Audit(Box<crate::tui::screens::audit::work::AuditMsg>),
    /// A chart's figures.
    Charts(Box<crate::tui::screens::charts::work::ChartsMsg>),
    /// A result of the finance screen (or an import's progress).
    Reconcile(Box<ReconcileMsg>),
    /// A result of the staff screen.
    Staff(Box<StaffMsg>),
    /// A result of the settings screen.
    Settings(Box<SettingsMsg>),
}

#[derive(Debug)]
pub enum PasswordChangeError {
    WrongCurrentPassword,
    Failed(Message),
}
