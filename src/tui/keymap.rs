//! Keys and what they do, per screen context. The defaults are compiled in; the config
//! file's [keys.<context>] tables replace the keys of an action, e.g.
//! `[keys.global] quit = ["q", "ctrl-q"]`. The help overlay is drawn from this map, so it
//! always lists the keys that really work.

use std::collections::HashMap;
use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use crate::key;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    Help,
    Palette,
    Back,
    About,
    ToggleLanguage,
    ToggleCalendar,
    NextField,
    PrevField,
    Submit,
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    Open,
    Refresh,
    Filter,
    Sort,
    SaveLanguage,
    Save,
    NewCustomer,
    New,
    Edit,
    History,
    Reveal,
    Verify,
    Withdraw,
    Export,
    Anonymize,
    Search,
    NextPane,
    PrevPane,
    Decide,
    IssueQuote,
    Renew,
    Select,
    CancelPolicy,
    /// Print the document of what is shown (policy schedule, receipt).
    PrintDocument,
    NewPolicy,
    NextTab,
    PrevTab,
    TakeNext,
    Register,
    Investigate,
    Assess,
    Approve,
    Reject,
    Settle,
    CloseClaim,
    Assign,
    SendSurveyor,
    AddRow,
    DeleteRow,
    CounterPayment,
    ImportAgain,
    StatementLines,
    MatchLine,
    SplitLine,
    SwitchPane,
    Dispute,
    ClearDispute,
    Unmatch,
    RecordPayout,
    ChangeGroup,
    SetLimit,
    ToggleActive,
    ResetPassword,
    EndSessions,
}

impl Action {
    /// Message key of the action's short name in the hint line.
    pub fn hint(self) -> &'static str {
        match self {
            Action::Save => key!("hint-save"),
            Action::NewCustomer => key!("hint-new-customer"),
            Action::New => key!("hint-new"),
            Action::Edit => key!("hint-edit"),
            Action::History => key!("hint-history"),
            Action::Search => key!("hint-search"),
            Action::NextPane => key!("hint-next-pane"),
            Action::Reveal => key!("hint-reveal"),
            Action::Export => key!("hint-export"),
            Action::Decide => key!("hint-decide"),
            Action::IssueQuote => key!("hint-issue-quote"),
            Action::Renew => key!("hint-renew"),
            Action::Select => key!("hint-select"),
            Action::CancelPolicy => key!("hint-cancel-policy"),
            Action::PrintDocument => key!("hint-print-document"),
            Action::NewPolicy => key!("hint-new-policy"),
            Action::NextTab => key!("hint-next-tab"),
            Action::PrevTab => key!("hint-prev-tab"),
            Action::TakeNext => key!("hint-take-next"),
            Action::Register => key!("hint-register"),
            Action::Investigate => key!("hint-investigate"),
            Action::Assess => key!("hint-assess"),
            Action::Approve => key!("hint-approve"),
            Action::Reject => key!("hint-reject"),
            Action::Settle => key!("hint-settle"),
            Action::CloseClaim => key!("hint-close-claim"),
            Action::Assign => key!("hint-assign"),
            Action::SendSurveyor => key!("hint-send-surveyor"),
            Action::AddRow => key!("hint-add-row"),
            Action::DeleteRow => key!("hint-delete-row"),
            Action::CounterPayment => key!("hint-counter-payment"),
            Action::ImportAgain => key!("hint-import-again"),
            Action::StatementLines => key!("hint-statement-lines"),
            Action::MatchLine => key!("hint-match-line"),
            Action::SplitLine => key!("hint-split-line"),
            Action::SwitchPane => key!("hint-switch-pane"),
            Action::Dispute => key!("hint-dispute"),
            Action::ClearDispute => key!("hint-clear-dispute"),
            Action::Unmatch => key!("hint-unmatch"),
            Action::RecordPayout => key!("hint-record-payout"),
            Action::ChangeGroup => key!("hint-change-group"),
            Action::SetLimit => key!("hint-set-limit"),
            Action::ToggleActive => key!("hint-toggle-active"),
            Action::ResetPassword => key!("hint-reset-password"),
            Action::EndSessions => key!("hint-end-sessions"),
            other => other.description(),
        }
    }

    /// Message key describing the action in the help overlay.
    pub fn description(self) -> &'static str {
        match self {
            Action::Quit => key!("action-quit"),
            Action::Help => key!("action-help"),
            Action::Palette => key!("action-palette"),
            Action::Back => key!("action-back"),
            Action::About => key!("action-about"),
            Action::ToggleLanguage => key!("action-toggle-language"),
            Action::ToggleCalendar => key!("action-toggle-calendar"),
            Action::NextField => key!("action-next-field"),
            Action::PrevField => key!("action-prev-field"),
            Action::Submit => key!("action-submit"),
            Action::Up => key!("action-up"),
            Action::Down => key!("action-down"),
            Action::PageUp => key!("action-page-up"),
            Action::PageDown => key!("action-page-down"),
            Action::First => key!("action-first"),
            Action::Last => key!("action-last"),
            Action::Open => key!("action-open"),
            Action::Refresh => key!("action-refresh"),
            Action::Filter => key!("action-filter"),
            Action::Sort => key!("action-sort"),
            Action::SaveLanguage => key!("action-save-language"),
            Action::Save => key!("action-save"),
            Action::NewCustomer => key!("action-new-customer"),
            Action::New => key!("action-new"),
            Action::Edit => key!("action-edit"),
            Action::History => key!("action-history"),
            Action::Reveal => key!("action-reveal"),
            Action::Verify => key!("action-verify"),
            Action::Withdraw => key!("action-withdraw"),
            Action::Export => key!("action-export"),
            Action::Anonymize => key!("action-anonymize"),
            Action::Search => key!("action-search"),
            Action::NextPane => key!("action-next-pane"),
            Action::PrevPane => key!("action-prev-pane"),
            Action::Decide => key!("action-decide"),
            Action::IssueQuote => key!("action-issue-quote"),
            Action::Renew => key!("action-renew"),
            Action::Select => key!("action-select"),
            Action::CancelPolicy => key!("action-cancel-policy"),
            Action::PrintDocument => key!("action-print-document"),
            Action::NewPolicy => key!("action-new-policy"),
            Action::NextTab => key!("action-next-tab"),
            Action::PrevTab => key!("action-prev-tab"),
            Action::TakeNext => key!("action-take-next"),
            Action::Register => key!("action-register"),
            Action::Investigate => key!("action-investigate"),
            Action::Assess => key!("action-assess"),
            Action::Approve => key!("action-approve"),
            Action::Reject => key!("action-reject"),
            Action::Settle => key!("action-settle"),
            Action::CloseClaim => key!("action-close-claim"),
            Action::Assign => key!("action-assign"),
            Action::SendSurveyor => key!("action-send-surveyor"),
            Action::AddRow => key!("action-add-row"),
            Action::DeleteRow => key!("action-delete-row"),
            Action::CounterPayment => key!("action-counter-payment"),
            Action::ImportAgain => key!("action-import-again"),
            Action::StatementLines => key!("action-statement-lines"),
            Action::MatchLine => key!("action-match-line"),
            Action::SplitLine => key!("action-split-line"),
            Action::SwitchPane => key!("action-switch-pane"),
            Action::Dispute => key!("action-dispute"),
            Action::ClearDispute => key!("action-clear-dispute"),
            Action::Unmatch => key!("action-unmatch"),
            Action::RecordPayout => key!("action-record-payout"),
            Action::ChangeGroup => key!("action-change-group"),
            Action::SetLimit => key!("action-set-limit"),
            Action::ToggleActive => key!("action-toggle-active"),
            Action::ResetPassword => key!("action-reset-password"),
            Action::EndSessions => key!("action-end-sessions"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    Global,
    Login,
    Home,
    Account,
    Health,
    Customers,
    CustomerForm,
    PolicyForm,
    PolicyQuotes,
    RenewalQueue,
    PolicyView,
    ClaimQueue,
    ClaimView,
    ClaimForm,
    ReconcilePayments,
    ReconcileSearch,
    ReconcileImport,
    ReconcileSummary,
    ReconcileCockpit,
    ReconcileStatement,
    ReconcilePayouts,
    ReconcileForm,
    ReconcileSplit,
    /// The shared history pane over any screen.
    History,
    AuditList,
    AuditFilter,
    AuditEntry,
    Charts,
    Staff,
    Settings,
    /// A form of the staff or settings screen.
    AdminForm,
}

impl Context {
    fn config_name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::Login => "login",
            Context::Home => "home",
            Context::Account => "account",
            Context::Health => "health",
            Context::Customers => "customers",
            Context::CustomerForm => "customer_form",
            Context::PolicyForm => "policy_form",
            Context::PolicyQuotes => "policy_quotes",
            Context::RenewalQueue => "renewal_queue",
            Context::PolicyView => "policy_view",
            Context::ClaimQueue => "claim_queue",
            Context::ClaimView => "claim_view",
            Context::ClaimForm => "claim_form",
            Context::ReconcilePayments => "reconcile_payments",
            Context::ReconcileSearch => "reconcile_search",
            Context::ReconcileImport => "reconcile_import",
            Context::ReconcileSummary => "reconcile_summary",
            Context::ReconcileCockpit => "reconcile_cockpit",
            Context::ReconcileStatement => "reconcile_statement",
            Context::ReconcilePayouts => "reconcile_payouts",
            Context::ReconcileForm => "reconcile_form",
            Context::ReconcileSplit => "reconcile_split",
            Context::History => "history",
            Context::AuditList => "audit_list",
            Context::AuditFilter => "audit_filter",
            Context::AuditEntry => "audit_entry",
            Context::Charts => "charts",
            Context::Staff => "staff",
            Context::Settings => "settings",
            Context::AdminForm => "admin_form",
        }
    }

    const ALL: [Context; 31] = [
        Context::Global,
        Context::Login,
        Context::Home,
        Context::Account,
        Context::Health,
        Context::Customers,
        Context::CustomerForm,
        Context::PolicyForm,
        Context::PolicyQuotes,
        Context::RenewalQueue,
        Context::PolicyView,
        Context::ClaimQueue,
        Context::ClaimView,
        Context::ClaimForm,
        Context::ReconcilePayments,
        Context::ReconcileSearch,
        Context::ReconcileImport,
        Context::ReconcileSummary,
        Context::ReconcileCockpit,
        Context::ReconcileStatement,
        Context::ReconcilePayouts,
        Context::ReconcileForm,
        Context::ReconcileSplit,
        Context::History,
        Context::AuditList,
        Context::AuditFilter,
        Context::AuditEntry,
        Context::Charts,
        Context::Staff,
        Context::Settings,
        Context::AdminForm,
    ];
}

/// A key with its modifiers, written like "ctrl-c", "f2", "shift-tab", "?" or "pgdn".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyBinding {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl KeyBinding {
    pub fn parse(text: &str) -> Option<KeyBinding> {
        let text = text.trim();
        let (modifiers, name) = match text.to_ascii_lowercase() {
            lower if lower.starts_with("ctrl-") && text.len() > 5 => {
                (KeyModifiers::CONTROL, text[5..].to_string())
            }
            lower if lower.starts_with("alt-") && text.len() > 4 => {
                (KeyModifiers::ALT, text[4..].to_string())
            }
            _ => (KeyModifiers::NONE, text.to_string()),
        };
        let code = match name.to_ascii_lowercase().as_str() {
            "esc" | "escape" => KeyCode::Esc,
            "enter" | "return" => KeyCode::Enter,
            "tab" => KeyCode::Tab,
            "shift-tab" | "backtab" => KeyCode::BackTab,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "space" => KeyCode::Char(' '),
            f if f.starts_with('f') && f.len() > 1 => KeyCode::F(f[1..].parse().ok()?),
            _ => {
                let mut chars = name.chars();
                let c = chars.next()?;
                if chars.next().is_some() {
                    return None;
                }
                KeyCode::Char(if modifiers == KeyModifiers::CONTROL {
                    c.to_ascii_lowercase()
                } else {
                    c
                })
            }
        };
        Some(KeyBinding { code, modifiers })
    }

    pub fn matches(&self, event: &KeyEvent) -> bool {
        let modifiers = event.modifiers - KeyModifiers::SHIFT;
        let code = match event.code {
            KeyCode::Char(c) if event.modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        code == self.code && modifiers == self.modifiers - KeyModifiers::SHIFT
    }

    /// A key that types a character when a text field has the focus.
    pub fn types_text(&self) -> bool {
        matches!(self.code, KeyCode::Char(_))
            && !self
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    }
}

impl fmt::Display for KeyBinding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::F(n) => write!(f, "F{n}"),
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) if self.modifiers.contains(KeyModifiers::CONTROL) => {
                write!(f, "{}", c.to_ascii_uppercase())
            }
            KeyCode::Char(c) => write!(f, "{c}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// Keys the config file sets: context → action → keys.
pub type KeyOverrides = HashMap<String, HashMap<Action, Vec<String>>>;

#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<(Context, KeyBinding, Action)>,
}

const DEFAULTS: &[(Context, &str, Action)] = &[
    (Context::Global, "ctrl-c", Action::Quit),
    (Context::Global, "q", Action::Quit),
    (Context::Global, "?", Action::Help),
    (Context::Global, "f1", Action::Help),
    (Context::Global, ":", Action::Palette),
    (Context::Global, "esc", Action::Back),
    (Context::Global, "f2", Action::ToggleLanguage),
    (Context::Global, "f3", Action::ToggleCalendar),
    (Context::Global, "f12", Action::About),
    (Context::Login, "tab", Action::NextField),
    (Context::Login, "down", Action::NextField),
    (Context::Login, "shift-tab", Action::PrevField),
    (Context::Login, "up", Action::PrevField),
    (Context::Login, "enter", Action::Submit),
    (Context::Home, "up", Action::Up),
    (Context::Home, "k", Action::Up),
    (Context::Home, "down", Action::Down),
    (Context::Home, "j", Action::Down),
    (Context::Home, "enter", Action::Open),
    (Context::Home, "r", Action::Refresh),
    (Context::Account, "tab", Action::NextField),
    (Context::Account, "down", Action::NextField),
    (Context::Account, "shift-tab", Action::PrevField),
    (Context::Account, "up", Action::PrevField),
    (Context::Account, "enter", Action::Submit),
    (Context::Account, "ctrl-s", Action::SaveLanguage),
    (Context::History, "up", Action::Up),
    (Context::History, "k", Action::Up),
    (Context::History, "down", Action::Down),
    (Context::History, "j", Action::Down),
    (Context::History, "pgup", Action::PageUp),
    (Context::History, "pgdn", Action::PageDown),
    (Context::History, "home", Action::First),
    (Context::History, "end", Action::Last),
    (Context::AuditList, "up", Action::Up),
    (Context::AuditList, "k", Action::Up),
    (Context::AuditList, "down", Action::Down),
    (Context::AuditList, "j", Action::Down),
    (Context::AuditList, "pgup", Action::PageUp),
    (Context::AuditList, "pgdn", Action::PageDown),
    (Context::AuditList, "home", Action::First),
    (Context::AuditList, "enter", Action::Open),
    (Context::AuditList, "/", Action::Filter),
    (Context::AuditList, "f", Action::Filter),
    (Context::AuditList, "h", Action::History),
    (Context::AuditList, "r", Action::Refresh),
    (Context::AuditList, "f5", Action::Refresh),
    (Context::AuditFilter, "tab", Action::NextField),
    (Context::AuditFilter, "down", Action::NextField),
    (Context::AuditFilter, "shift-tab", Action::PrevField),
    (Context::AuditFilter, "up", Action::PrevField),
    (Context::AuditFilter, "enter", Action::Submit),
    (Context::AuditFilter, "ctrl-s", Action::Submit),
    (Context::AuditEntry, "up", Action::Up),
    (Context::AuditEntry, "k", Action::Up),
    (Context::AuditEntry, "down", Action::Down),
    (Context::AuditEntry, "j", Action::Down),
    (Context::AuditEntry, "pgup", Action::PageUp),
    (Context::AuditEntry, "pgdn", Action::PageDown),
    (Context::AuditEntry, "h", Action::History),
    (Context::Charts, "tab", Action::NextTab),
    (Context::Charts, "right", Action::NextTab),
    (Context::Charts, "shift-tab", Action::PrevTab),
    (Context::Charts, "left", Action::PrevTab),
    (Context::Charts, "r", Action::Refresh),
    (Context::Charts, "f5", Action::Refresh),
    (Context::Staff, "up", Action::Up),
    (Context::Staff, "k", Action::Up),
    (Context::Staff, "down", Action::Down),
    (Context::Staff, "j", Action::Down),
    (Context::Staff, "pgup", Action::PageUp),
    (Context::Staff, "pgdn", Action::PageDown),
    (Context::Staff, "home", Action::First),
    (Context::Staff, "end", Action::Last),
    (Context::Staff, "a", Action::New),
    (Context::Staff, "g", Action::ChangeGroup),
    (Context::Staff, "l", Action::SetLimit),
    (Context::Staff, "d", Action::ToggleActive),
    (Context::Staff, "p", Action::ResetPassword),
    (Context::Staff, "x", Action::EndSessions),
    (Context::Staff, "/", Action::Filter),
    (Context::Staff, "s", Action::Sort),
    (Context::Staff, "h", Action::History),
    (Context::Staff, "r", Action::Refresh),
    (Context::Staff, "f5", Action::Refresh),
    (Context::Settings, "up", Action::Up),
    (Context::Settings, "k", Action::Up),
    (Context::Settings, "down", Action::Down),
    (Context::Settings, "j", Action::Down),
    (Context::Settings, "pgup", Action::PageUp),
    (Context::Settings, "pgdn", Action::PageDown),
    (Context::Settings, "home", Action::First),
    (Context::Settings, "end", Action::Last),
    (Context::Settings, "enter", Action::Open),
    (Context::Settings, "e", Action::Edit),
    (Context::Settings, "r", Action::Reveal),
    (Context::Settings, "tab", Action::NextTab),
    (Context::Settings, "shift-tab", Action::PrevTab),
    (Context::Settings, "left", Action::SwitchPane),
    (Context::Settings, "right", Action::SwitchPane),
    (Context::Settings, "n", Action::New),
    (Context::Settings, "D", Action::DeleteRow),
    (Context::Settings, "h", Action::History),
    (Context::Settings, "f5", Action::Refresh),
    (Context::AdminForm, "tab", Action::NextField),
    (Context::AdminForm, "down", Action::NextField),
    (Context::AdminForm, "shift-tab", Action::PrevField),
    (Context::AdminForm, "up", Action::PrevField),
    (Context::AdminForm, "enter", Action::Submit),
    (Context::Health, "up", Action::Up),
    (Context::Health, "k", Action::Up),
    (Context::Health, "down", Action::Down),
    (Context::Health, "j", Action::Down),
    (Context::Health, "pgup", Action::PageUp),
    (Context::Health, "pgdn", Action::PageDown),
    (Context::Health, "home", Action::First),
    (Context::Health, "end", Action::Last),
    (Context::Health, "/", Action::Filter),
    (Context::Health, "s", Action::Sort),
    (Context::Health, "r", Action::Refresh),
    (Context::Customers, "up", Action::Up),
    (Context::Customers, "k", Action::Up),
    (Context::Customers, "down", Action::Down),
    (Context::Customers, "j", Action::Down),
    (Context::Customers, "pgup", Action::PageUp),
    (Context::Customers, "pgdn", Action::PageDown),
    (Context::Customers, "home", Action::First),
    (Context::Customers, "end", Action::Last),
    (Context::Customers, "enter", Action::Open),
    (Context::Customers, "tab", Action::NextPane),
    (Context::Customers, "shift-tab", Action::PrevPane),
    (Context::Customers, "ctrl-n", Action::NewCustomer),
    (Context::Customers, "n", Action::New),
    (Context::Customers, "e", Action::Edit),
    (Context::Customers, "h", Action::History),
    (Context::Customers, "p", Action::NewPolicy),
    (Context::Customers, "v", Action::Reveal),
    (Context::Customers, "d", Action::Verify),
    (Context::Customers, "w", Action::Withdraw),
    (Context::Customers, "x", Action::Export),
    (Context::Customers, "X", Action::Anonymize),
    (Context::Customers, "s", Action::Sort),
    (Context::Customers, "/", Action::Search),
    (Context::Customers, "r", Action::Refresh),
    (Context::Customers, "f5", Action::Refresh),
    (Context::CustomerForm, "tab", Action::NextField),
    (Context::CustomerForm, "down", Action::NextField),
    (Context::CustomerForm, "shift-tab", Action::PrevField),
    (Context::CustomerForm, "up", Action::PrevField),
    (Context::CustomerForm, "enter", Action::Submit),
    (Context::CustomerForm, "ctrl-s", Action::Save),
    (Context::PolicyForm, "tab", Action::NextField),
    (Context::PolicyForm, "down", Action::NextField),
    (Context::PolicyForm, "shift-tab", Action::PrevField),
    (Context::PolicyForm, "up", Action::PrevField),
    (Context::PolicyForm, "enter", Action::Submit),
    (Context::PolicyForm, "ctrl-s", Action::Save),
    (Context::PolicyQuotes, "up", Action::Up),
    (Context::PolicyQuotes, "k", Action::Up),
    (Context::PolicyQuotes, "down", Action::Down),
    (Context::PolicyQuotes, "j", Action::Down),
    (Context::PolicyQuotes, "pgup", Action::PageUp),
    (Context::PolicyQuotes, "pgdn", Action::PageDown),
    (Context::PolicyQuotes, "home", Action::First),
    (Context::PolicyQuotes, "end", Action::Last),
    (Context::PolicyQuotes, "enter", Action::Open),
    (Context::PolicyQuotes, "/", Action::Filter),
    (Context::PolicyQuotes, "s", Action::Sort),
    (Context::PolicyQuotes, "r", Action::Refresh),
    (Context::PolicyQuotes, "f5", Action::Refresh),
    (Context::PolicyQuotes, "d", Action::Decide),
    (Context::PolicyQuotes, "i", Action::IssueQuote),
    (Context::RenewalQueue, "up", Action::Up),
    (Context::RenewalQueue, "k", Action::Up),
    (Context::RenewalQueue, "down", Action::Down),
    (Context::RenewalQueue, "j", Action::Down),
    (Context::RenewalQueue, "pgup", Action::PageUp),
    (Context::RenewalQueue, "pgdn", Action::PageDown),
    (Context::RenewalQueue, "home", Action::First),
    (Context::RenewalQueue, "end", Action::Last),
    (Context::RenewalQueue, "enter", Action::Open),
    (Context::RenewalQueue, "/", Action::Filter),
    (Context::RenewalQueue, "s", Action::Sort),
    (Context::RenewalQueue, "r", Action::Refresh),
    (Context::RenewalQueue, "f5", Action::Refresh),
    (Context::RenewalQueue, "n", Action::Renew),
    (Context::RenewalQueue, "space", Action::Select),
    (Context::PolicyView, "up", Action::Up),
    (Context::PolicyView, "k", Action::Up),
    (Context::PolicyView, "down", Action::Down),
    (Context::PolicyView, "j", Action::Down),
    (Context::PolicyView, "pgup", Action::PageUp),
    (Context::PolicyView, "pgdn", Action::PageDown),
    (Context::PolicyView, "home", Action::First),
    (Context::PolicyView, "end", Action::Last),
    (Context::PolicyView, "r", Action::Refresh),
    (Context::PolicyView, "f5", Action::Refresh),
    (Context::PolicyView, "c", Action::CancelPolicy),
    (Context::PolicyView, "p", Action::PrintDocument),
    (Context::PolicyView, "h", Action::History),
    (Context::ClaimQueue, "up", Action::Up),
    (Context::ClaimQueue, "h", Action::History),
    (Context::ClaimQueue, "k", Action::Up),
    (Context::ClaimQueue, "down", Action::Down),
    (Context::ClaimQueue, "j", Action::Down),
    (Context::ClaimQueue, "pgup", Action::PageUp),
    (Context::ClaimQueue, "pgdn", Action::PageDown),
    (Context::ClaimQueue, "home", Action::First),
    (Context::ClaimQueue, "end", Action::Last),
    (Context::ClaimQueue, "enter", Action::Open),
    (Context::ClaimQueue, "tab", Action::NextTab),
    (Context::ClaimQueue, "shift-tab", Action::PrevTab),
    (Context::ClaimQueue, "n", Action::TakeNext),
    (Context::ClaimQueue, "r", Action::Register),
    (Context::ClaimQueue, "/", Action::Filter),
    (Context::ClaimQueue, "s", Action::Sort),
    (Context::ClaimQueue, "f5", Action::Refresh),
    (Context::ClaimView, "up", Action::Up),
    (Context::ClaimView, "h", Action::History),
    (Context::ClaimView, "k", Action::Up),
    (Context::ClaimView, "down", Action::Down),
    (Context::ClaimView, "j", Action::Down),
    (Context::ClaimView, "pgup", Action::PageUp),
    (Context::ClaimView, "pgdn", Action::PageDown),
    (Context::ClaimView, "home", Action::First),
    (Context::ClaimView, "r", Action::Refresh),
    (Context::ClaimView, "f5", Action::Refresh),
    (Context::ClaimView, "i", Action::Investigate),
    (Context::ClaimView, "a", Action::Assess),
    (Context::ClaimView, "A", Action::Approve),
    (Context::ClaimView, "o", Action::Approve),
    (Context::ClaimView, "x", Action::Reject),
    (Context::ClaimView, "s", Action::Settle),
    (Context::ClaimView, "c", Action::CloseClaim),
    (Context::ClaimView, "g", Action::Assign),
    (Context::ClaimView, "v", Action::SendSurveyor),
    (Context::ClaimForm, "tab", Action::NextField),
    (Context::ClaimForm, "down", Action::NextField),
    (Context::ClaimForm, "shift-tab", Action::PrevField),
    (Context::ClaimForm, "up", Action::PrevField),
    (Context::ClaimForm, "enter", Action::Submit),
    (Context::ClaimForm, "ctrl-s", Action::Save),
    (Context::ClaimForm, "ctrl-n", Action::AddRow),
    (Context::ClaimForm, "ctrl-d", Action::DeleteRow),
    (Context::ReconcilePayments, "up", Action::Up),
    (Context::ReconcilePayments, "h", Action::History),
    (Context::ReconcilePayments, "k", Action::Up),
    (Context::ReconcilePayments, "down", Action::Down),
    (Context::ReconcilePayments, "j", Action::Down),
    (Context::ReconcilePayments, "pgup", Action::PageUp),
    (Context::ReconcilePayments, "pgdn", Action::PageDown),
    (Context::ReconcilePayments, "home", Action::First),
    (Context::ReconcilePayments, "end", Action::Last),
    (Context::ReconcilePayments, "tab", Action::NextTab),
    (Context::ReconcilePayments, "shift-tab", Action::PrevTab),
    (Context::ReconcilePayments, "c", Action::CounterPayment),
    (Context::ReconcilePayments, "p", Action::PrintDocument),
    (Context::ReconcilePayments, "/", Action::Filter),
    (Context::ReconcilePayments, "s", Action::Sort),
    (Context::ReconcilePayments, "r", Action::Refresh),
    (Context::ReconcilePayments, "f5", Action::Refresh),
    (Context::ReconcileSearch, "enter", Action::Submit),
    (Context::ReconcileSearch, "up", Action::Up),
    (Context::ReconcileSearch, "down", Action::Down),
    (Context::ReconcileSearch, "pgup", Action::PageUp),
    (Context::ReconcileSearch, "pgdn", Action::PageDown),
    (Context::ReconcileImport, "tab", Action::NextTab),
    (Context::ReconcileImport, "shift-tab", Action::PrevTab),
    (Context::ReconcileImport, "down", Action::NextField),
    (Context::ReconcileImport, "up", Action::PrevField),
    (Context::ReconcileImport, "enter", Action::Submit),
    (Context::ReconcileSummary, "tab", Action::NextTab),
    (Context::ReconcileSummary, "shift-tab", Action::PrevTab),
    (Context::ReconcileSummary, "up", Action::Up),
    (Context::ReconcileSummary, "k", Action::Up),
    (Context::ReconcileSummary, "down", Action::Down),
    (Context::ReconcileSummary, "j", Action::Down),
    (Context::ReconcileSummary, "pgup", Action::PageUp),
    (Context::ReconcileSummary, "pgdn", Action::PageDown),
    (Context::ReconcileSummary, "home", Action::First),
    (Context::ReconcileSummary, "l", Action::StatementLines),
    (Context::ReconcileSummary, "enter", Action::ImportAgain),
    (Context::ReconcileSummary, "n", Action::ImportAgain),
    (Context::ReconcileCockpit, "up", Action::Up),
    (Context::ReconcileCockpit, "h", Action::History),
    (Context::ReconcileCockpit, "k", Action::Up),
    (Context::ReconcileCockpit, "down", Action::Down),
    (Context::ReconcileCockpit, "j", Action::Down),
    (Context::ReconcileCockpit, "pgup", Action::PageUp),
    (Context::ReconcileCockpit, "pgdn", Action::PageDown),
    (Context::ReconcileCockpit, "home", Action::First),
    (Context::ReconcileCockpit, "end", Action::Last),
    (Context::ReconcileCockpit, "tab", Action::NextTab),
    (Context::ReconcileCockpit, "shift-tab", Action::PrevTab),
    (Context::ReconcileCockpit, "right", Action::SwitchPane),
    (Context::ReconcileCockpit, "left", Action::SwitchPane),
    (Context::ReconcileCockpit, "enter", Action::MatchLine),
    (Context::ReconcileCockpit, "m", Action::MatchLine),
    (Context::ReconcileCockpit, "s", Action::SplitLine),
    (Context::ReconcileCockpit, "d", Action::Dispute),
    (Context::ReconcileCockpit, "D", Action::ClearDispute),
    (Context::ReconcileCockpit, "l", Action::StatementLines),
    (Context::ReconcileCockpit, "p", Action::PrintDocument),
    (Context::ReconcileCockpit, "r", Action::Refresh),
    (Context::ReconcileCockpit, "f5", Action::Refresh),
    (Context::ReconcileStatement, "up", Action::Up),
    (Context::ReconcileStatement, "h", Action::History),
    (Context::ReconcileStatement, "k", Action::Up),
    (Context::ReconcileStatement, "down", Action::Down),
    (Context::ReconcileStatement, "j", Action::Down),
    (Context::ReconcileStatement, "pgup", Action::PageUp),
    (Context::ReconcileStatement, "pgdn", Action::PageDown),
    (Context::ReconcileStatement, "home", Action::First),
    (Context::ReconcileStatement, "end", Action::Last),
    (Context::ReconcileStatement, "u", Action::Unmatch),
    (Context::ReconcileStatement, "p", Action::PrintDocument),
    (Context::ReconcileStatement, "s", Action::Sort),
    (Context::ReconcileStatement, "r", Action::Refresh),
    (Context::ReconcileStatement, "f5", Action::Refresh),
    (Context::ReconcilePayouts, "up", Action::Up),
    (Context::ReconcilePayouts, "h", Action::History),
    (Context::ReconcilePayouts, "k", Action::Up),
    (Context::ReconcilePayouts, "down", Action::Down),
    (Context::ReconcilePayouts, "j", Action::Down),
    (Context::ReconcilePayouts, "pgup", Action::PageUp),
    (Context::ReconcilePayouts, "pgdn", Action::PageDown),
    (Context::ReconcilePayouts, "home", Action::First),
    (Context::ReconcilePayouts, "end", Action::Last),
    (Context::ReconcilePayouts, "tab", Action::NextTab),
    (Context::ReconcilePayouts, "shift-tab", Action::PrevTab),
    (Context::ReconcilePayouts, "p", Action::RecordPayout),
    (Context::ReconcilePayouts, "/", Action::Filter),
    (Context::ReconcilePayouts, "s", Action::Sort),
    (Context::ReconcilePayouts, "r", Action::Refresh),
    (Context::ReconcilePayouts, "f5", Action::Refresh),
    (Context::ReconcileForm, "tab", Action::NextField),
    (Context::ReconcileForm, "down", Action::NextField),
    (Context::ReconcileForm, "shift-tab", Action::PrevField),
    (Context::ReconcileForm, "up", Action::PrevField),
    (Context::ReconcileForm, "enter", Action::Submit),
    (Context::ReconcileForm, "ctrl-s", Action::Save),
    (Context::ReconcileSplit, "tab", Action::NextField),
    (Context::ReconcileSplit, "down", Action::NextField),
    (Context::ReconcileSplit, "shift-tab", Action::PrevField),
    (Context::ReconcileSplit, "up", Action::PrevField),
    (Context::ReconcileSplit, "space", Action::Select),
    (Context::ReconcileSplit, "enter", Action::Submit),
    (Context::ReconcileSplit, "ctrl-s", Action::Save),
];

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            bindings: DEFAULTS
                .iter()
                .map(|(context, key, action)| {
                    (
                        *context,
                        KeyBinding::parse(key).expect("a default key"),
                        *action,
                    )
                })
                .collect(),
        }
    }
}

impl Keymap {
    /// The defaults with the config's keys in place of those it names. Names it cannot
    /// read are reported, and the defaults kept for them.
    pub fn with_overrides(overrides: &KeyOverrides) -> (Keymap, Vec<String>) {
        let mut keymap = Keymap::default();
        let mut problems = Vec::new();
        for (context_name, actions) in overrides {
            let Some(context) = Context::ALL
                .into_iter()
                .find(|c| c.config_name() == context_name)
            else {
                problems.push(format!("[keys.{context_name}]"));
                continue;
            };
            for (action, keys) in actions {
                let parsed: Option<Vec<KeyBinding>> =
                    keys.iter().map(|k| KeyBinding::parse(k)).collect();
                let Some(parsed) = parsed else {
                    problems.push(format!("[keys.{context_name}] {keys:?}"));
                    continue;
                };
                keymap
                    .bindings
                    .retain(|(c, _, a)| !(*c == context && a == action));
                keymap
                    .bindings
                    .extend(parsed.into_iter().map(|key| (context, key, *action)));
            }
        }
        (keymap, problems)
    }

    /// The action of a key in a context, falling back to the global keys.
    pub fn action(&self, context: Context, event: &KeyEvent) -> Option<Action> {
        let find = |wanted: Context| {
            self.bindings
                .iter()
                .find(|(c, key, _)| *c == wanted && key.matches(event))
                .map(|(_, _, action)| *action)
        };
        find(context).or_else(|| find(Context::Global))
    }

    /// Whether `event` is one of the global keys that work even while typing.
    pub fn binding_types_text(&self, context: Context, event: &KeyEvent) -> bool {
        self.bindings
            .iter()
            .filter(|(c, _, _)| *c == context || *c == Context::Global)
            .find(|(_, key, _)| key.matches(event))
            .is_none_or(|(_, key, _)| key.types_text())
    }

    /// The keys of a context and the global ones, grouped by action, for the help overlay.
    pub fn help(&self, context: Context) -> Vec<(Action, Vec<KeyBinding>)> {
        let mut grouped: Vec<(Action, Vec<KeyBinding>)> = Vec::new();
        for wanted in [context, Context::Global] {
            for (c, key, action) in &self.bindings {
                if *c != wanted {
                    continue;
                }
                match grouped.iter_mut().find(|(a, _)| a == action) {
                    Some((_, keys)) => keys.push(*key),
                    None => grouped.push((*action, vec![*key])),
                }
            }
        }
        grouped
    }

    /// The first key of an action, for hints like "F2 English".
    pub fn first_key(&self, context: Context, action: Action) -> Option<KeyBinding> {
        self.bindings
            .iter()
            .find(|(c, _, a)| (*c == context || *c == Context::Global) && *a == action)
            .map(|(_, key, _)| *key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn keys_parse_and_print() {
        for (text, shown) in [
            ("ctrl-c", "Ctrl-C"),
            ("f2", "F2"),
            ("shift-tab", "Shift-Tab"),
            ("?", "?"),
            ("pgdn", "PgDn"),
            ("esc", "Esc"),
        ] {
            assert_eq!(KeyBinding::parse(text).unwrap().to_string(), shown);
        }
        assert!(KeyBinding::parse("ctrl-").is_none() || KeyBinding::parse("ctrl-").is_some());
        assert!(KeyBinding::parse("nonsense").is_none());
    }

    #[test]
    fn screen_keys_come_before_global_ones() {
        let keymap = Keymap::default();
        let enter = key(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(keymap.action(Context::Home, &enter), Some(Action::Open));
        assert_eq!(keymap.action(Context::Login, &enter), Some(Action::Submit));
        let question = key(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(keymap.action(Context::Home, &question), Some(Action::Help));
        let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(keymap.action(Context::Login, &ctrl_c), Some(Action::Quit));
    }

    #[test]
    fn the_config_replaces_the_keys_of_an_action() {
        let overrides: KeyOverrides =
            toml::from_str("[global]\nquit = [\"ctrl-q\"]\n").expect("toml");
        let (keymap, problems) = Keymap::with_overrides(&overrides);
        assert!(problems.is_empty());
        assert_eq!(
            keymap.action(Context::Home, &key(KeyCode::Char('q'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            keymap.action(
                Context::Home,
                &key(KeyCode::Char('q'), KeyModifiers::CONTROL)
            ),
            Some(Action::Quit)
        );
        let help = keymap.help(Context::Home);
        let quit_keys = &help.iter().find(|(a, _)| *a == Action::Quit).unwrap().1;
        assert_eq!(
            quit_keys
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            ["Ctrl-Q"]
        );
    }
}
