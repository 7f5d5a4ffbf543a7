//! The audit history of one record, newest first: who, when, what they did, and each
//! field's value before and after. One pane for every screen: the application opens it as
//! an overlay with `h` on whatever record the screen has selected (`RecordRef`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use uuid::Uuid;

use crate::db::history::HistoryEntry;
use crate::domain::cancellation::{self, CancellationCode};
use crate::i18n::date_time;
use crate::tr;
use crate::tui::keymap::Action;
use crate::tui::remote::{Remote, RequestCounter};
use crate::tui::screens::Ui;
use crate::tui::screens::customers::labels;
use crate::tui::widgets::text;

/// The record a history is of: its table, its id, and what a person calls it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordRef {
    pub table: &'static str,
    pub id: Uuid,
    /// What the history is of, e.g. "กข 1234".
    pub title: String,
}

impl RecordRef {
    pub fn new(table: &'static str, id: Uuid, title: impl Into<String>) -> RecordRef {
        RecordRef {
            table,
            id,
            title: title.into(),
        }
    }

    /// A record of a table named at run time (an audit entry's `table_name`).
    pub fn of_table(table: &str, id: Uuid, title: impl Into<String>) -> RecordRef {
        RecordRef::new(interned(table), id, title)
    }
}

/// The table name as a `&'static str`. The names are the schema's tables, a few dozen at
/// most, so each is leaked once and kept for the life of the program.
fn interned(table: &str) -> &'static str {
    static NAMES: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());
    let mut names = NAMES
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(name) = names.iter().find(|name| **name == table) {
        return name;
    }
    let name: &'static str = Box::leak(table.to_string().into_boxed_str());
    names.push(name);
    name
}

#[derive(Debug, Clone)]
pub struct HistoryPane {
    pub record: RecordRef,
    pub entries: Remote<Vec<HistoryEntry>>,
    pub request: RequestCounter,
    /// First line shown.
    pub scroll: usize,
}

impl HistoryPane {
    pub fn new(record: RecordRef) -> HistoryPane {
        HistoryPane {
            record,
            entries: Remote::Loading,
            request: RequestCounter::default(),
            scroll: 0,
        }
    }

    pub fn scroll_by(&mut self, lines: isize) {
        self.scroll = self.scroll.saturating_add_signed(lines);
    }

    /// Scrolls for a key; whether the key was one that scrolls.
    pub fn act(&mut self, action: Action) -> bool {
        match action {
            Action::Up => self.scroll_by(-1),
            Action::Down => self.scroll_by(1),
            Action::PageUp => self.scroll_by(-10),
            Action::PageDown => self.scroll_by(10),
            Action::First => self.scroll = 0,
            Action::Last => self.scroll = usize::MAX,
            _ => return false,
        }
        true
    }

    /// The loaded history, if it is for the request still wanted.
    pub fn loaded(&mut self, request: u64, result: Result<Vec<HistoryEntry>, sqlx::Error>) {
        if self.request.is_latest(request) {
            self.entries = match result {
                Ok(entries) => Remote::Loaded(entries),
                Err(error) => Remote::Failed(crate::db::error::message(&error)),
            };
        }
    }

    fn lines(&self, ui: &Ui, width: usize) -> Vec<Line<'static>> {
        let entries = match ui.loaded(&self.entries, crate::key!("loading")) {
            Err(line) => return vec![line],
            Ok(entries) if entries.is_empty() => {
                return vec![Line::styled(tr!(ui.lang, "history-none"), ui.theme.muted())];
            }
            Ok(entries) => entries,
        };
        let mut lines = Vec::new();
        for entry in entries {
            let role = entry
                .role
                .as_deref()
                .and_then(crate::domain::staff::GroupRole::parse)
                .map(|role| crate::i18n::role_name(ui.lang, role));
            let who = match role {
                Some(role) => format!("{} ({}, {role})", entry.who, entry.username),
                None => format!("{} ({})", entry.who, entry.username),
            };
            let mut head = vec![
                Span::styled(date_time(ui.lang, ui.calendar, entry.at), ui.theme.title()),
                Span::raw("  "),
                Span::styled(
                    labels::audit_operation(&entry.operation).text(ui.lang),
                    ui.theme.selected(),
                ),
                Span::raw(format!("  {who}")),
            ];
            if let Some(context) = &entry.context {
                head.push(Span::styled(format!("  · {context}"), ui.theme.muted()));
            }
            lines.push(Line::from(head));
            for change in entry
                .changes
                .iter()
                .filter(|c| !HOUSEKEEPING.contains(&c.field.as_str()))
            {
                let field = labels::field_name(&change.field).text(ui.lang);
                let shown = |raw: &Option<String>| match raw {
                    Some(raw) => shown_value(self.record.table, &change.field, raw, ui),
                    None => "–".to_string(),
                };
                let value = match (&change.new, entry.operation.as_str()) {
                    (Some(_), "INSERT") => shown(&change.new),
                    _ => format!("{} → {}", shown(&change.old), shown(&change.new)),
                };
                lines.push(Line::from(vec![
                    Span::styled(format!("    {field}: "), ui.theme.muted()),
                    Span::raw(text::truncate(
                        &value,
                        width.saturating_sub(text::width(&field) + 6),
                    )),
                ]));
            }
            lines.push(Line::default());
        }
        lines
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let block = Block::bordered().title(Line::styled(
            format!(
                " {} ",
                tr!(ui.lang, "history-title", record = self.record.title.clone())
            ),
            ui.theme.title(),
        ));
        let inner = block.inner(area);
        frame.render_widget(Clear, area);
        frame.render_widget(block, area);
        let lines = self.lines(ui, inner.width as usize);
        let visible = inner.height.saturating_sub(1) as usize;
        self.scroll = self.scroll.min(lines.len().saturating_sub(visible));
        let shown: Vec<Line> = lines.into_iter().skip(self.scroll).take(visible).collect();
        frame.render_widget(
            Paragraph::new(shown),
            Rect {
                height: visible as u16,
                ..inner
            },
        );
        frame.render_widget(
            Paragraph::new(Line::styled(tr!(ui.lang, "history-keys"), ui.theme.muted())),
            Rect {
                y: inner.bottom().saturating_sub(1),
                height: 1,
                ..inner
            },
        );
    }
}

/// Columns that say nothing to a person reading the history.
pub const HOUSEKEEPING: &[&str] = &[
    "id",
    "created_at",
    "updated_at",
    "created_by",
    "updated_by",
    "version",
    "customer_id",
    "vehicle_id",
    "policy_id",
    "deleted_by",
    "national_id_masked",
    "name_tokens",
];

/// A stored value as the screen shows it elsewhere: words for codes, dates in the
/// calendar chosen, place names for place codes, yes and no.
pub fn shown_value(table: &str, field: &str, raw: &str, ui: &Ui) -> String {
    let lang = ui.lang;
    if let Some(selector) = code_words(table, field) {
        return crate::i18n::text(lang, selector, &[("value", raw.into())]);
    }
    let geography = crate::db::geo::Geography::bundled();
    let name = |place: &crate::db::geo::Place| match lang {
        crate::i18n::Lang::Th => place.name_th.clone(),
        crate::i18n::Lang::En => place.name_en.clone(),
    };
    let word = |key: Option<&'static str>| match key {
        Some(key) => crate::i18n::text(lang, key, &[]),
        None => raw.to_string(),
    };
    match (table, field) {
        (_, "group_role") => crate::domain::staff::GroupRole::parse(raw)
            .map(|role| crate::i18n::role_name(lang, role))
            .unwrap_or_else(|| raw.into()),
        (_, "cancellation_code") => word(CancellationCode::from_db(raw).map(|c| c.label_key())),
        (_, "cancelled_by_party") => {
            word(cancellation::party_from_db(raw).map(cancellation::party_label_key))
        }
        (_, "config_category") => crate::tr!(lang, "settings-category", category = raw),
        (_, "phone_number") => crate::domain::phone::format(raw),
        (_, "province_code" | "incident_province_code") => geography
            .province(raw)
            .map(name)
            .unwrap_or_else(|| raw.into()),
        (_, "tambon_code") => geography
            .tambon(raw)
            .map(|t| name(&t.place))
            .unwrap_or_else(|| raw.into()),
        (_, "address") => serde_json::from_str::<crate::domain::customer::AddressLines>(raw)
            .map(|lines| {
                [
                    lines.house_no,
                    lines.moo.map(|m| format!("หมู่ {m}")),
                    lines.village,
                    lines.building,
                    lines.soi,
                    lines.road,
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ")
            })
            .unwrap_or_else(|_| raw.into()),
        _ if raw == "true" => crate::i18n::text(lang, crate::key!("form-yes"), &[]),
        _ if raw == "false" => crate::i18n::text(lang, crate::key!("form-no"), &[]),
        _ => {
            if let Ok(day) = chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
                crate::i18n::date(lang, ui.calendar, day)
            } else if let Ok(at) = chrono::DateTime::parse_from_rfc3339(raw) {
                date_time(lang, ui.calendar, at.to_utc())
            } else {
                raw.to_string()
            }
        }
    }
}

/// The selector (taking `$value`) that puts a column's codes into words, where the
/// catalogues have one. By column name, or by table and column where tables share a
/// column name but not its codes.
fn code_words(table: &str, field: &str) -> Option<&'static str> {
    use crate::key;
    let selector = match (table, field) {
        ("policies", "status") => key!("enum-policy-status"),
        ("claims", "status") => key!("enum-claim-status"),
        ("claim_settlements", "status") => key!("history-settlement-status"),
        ("payment_transactions", "status") => key!("enum-payment-status"),
        ("policy_referrals", "status") => key!("enum-referral-status"),
        ("bank_statement_lines", "status") => key!("reconcile-line-status"),
        ("policy_referrals", "rule") => key!("enum-referral-rule"),
        ("reconciliation_matches", "rule") | (_, "matched_rule") => key!("reconcile-rule"),
        ("customer_documents", "document_type") => key!("enum-document-type"),
        (_, "customer_type") => key!("enum-customer-type"),
        (_, "gender") => key!("enum-gender"),
        (_, "account_status") => key!("enum-account-status"),
        (_, "kyc_status") => key!("enum-kyc-status"),
        (_, "preferred_language" | "language") => key!("enum-language"),
        (_, "vehicle_type") => key!("enum-vehicle-type"),
        (_, "fuel_type") => key!("enum-fuel-type"),
        (_, "usage_type") => key!("enum-usage-type"),
        (_, "parking_location") => key!("enum-parking"),
        (_, "purpose") => key!("enum-consent-purpose"),
        (_, "lawful_basis") => key!("enum-lawful-basis"),
        (_, "channel" | "withdrawal_channel") => key!("enum-channel"),
        (_, "verification_status") => key!("enum-verification-status"),
        (_, "verification_method") => key!("enum-dlt-method"),
        (_, "payment_status" | "previous_payment_status") => key!("enum-payment-status"),
        (_, "payment_type") => key!("enum-payment-type"),
        (_, "payment_method") => key!("enum-payment-method"),
        (_, "payment_direction") => key!("reconcile-direction"),
        (_, "reconciliation_status") => key!("history-reconciliation-status"),
        (_, "policy_type") => key!("enum-policy-type"),
        (_, "payment_plan") => key!("enum-payment-plan"),
        (_, "claim_type") => key!("enum-claim-type"),
        (_, "assessment_type") => key!("claims-assessment-type"),
        (_, "assessor_type") => key!("claims-assessor-type"),
        (_, "recommended_action") => key!("claims-recommended-action"),
        (_, "settlement_type") => key!("claims-settlement-type"),
        (_, "payee_type") => key!("claims-payee-type"),
        (_, "renewal_type") => key!("renewal-type"),
        (_, "renewal_channel") => key!("renewal-channel"),
        (_, "factor_kind") => key!("policy-step-factor"),
        _ => return None,
    };
    Some(selector)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Calendar, Lang};
    use crate::tui::theme::Theme;

    fn shown(lang: Lang, table: &str, field: &str, raw: &str) -> String {
        let theme = Theme::default();
        let ui = Ui {
            lang,
            calendar: Calendar::default_for(lang),
            today: chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("a date"),
            theme: &theme,
            tick: 0,
        };
        shown_value(table, field, raw, &ui)
    }

    #[test]
    fn codes_of_the_audited_tables_are_shown_in_words() {
        let samples = [
            ("claims", "status", "ASSESSED"),
            ("claims", "claim_type", "THEFT"),
            ("claim_settlements", "status", "PAID"),
            ("claim_settlements", "settlement_type", "TOTAL_LOSS"),
            ("claim_settlements", "payee_type", "REPAIR_SHOP"),
            ("claim_assessments", "assessment_type", "RE_ASSESSMENT"),
            (
                "claim_assessments",
                "recommended_action",
                "REQUEST_MORE_INFO",
            ),
            ("payments", "payment_status", "PENDING"),
            ("payments", "payment_direction", "OUTGOING"),
            ("payments", "reconciliation_status", "MATCHED"),
            ("payment_transactions", "status", "FAILED"),
            ("policies", "status", "ACTIVE"),
            ("policies", "payment_plan", "INSTALLMENT_6"),
            ("policies", "cancellation_code", "VEHICLE_SOLD"),
            ("policies", "cancelled_by_party", "INSURER"),
            ("policy_referrals", "status", "DECLINED"),
            ("policy_referrals", "rule", "HIRE_USAGE"),
            ("policy_renewals", "renewal_channel", "CALL_CENTER"),
            ("bank_statement_lines", "status", "DISPUTED"),
            ("bank_statement_lines", "matched_rule", "REFERENCE_WHT"),
            (
                "reconciliation_matches",
                "previous_payment_status",
                "PROCESSING",
            ),
            ("customer_documents", "document_type", "DRIVING_LICENCE"),
            ("dlt_verifications", "verification_method", "DOCUMENT"),
            ("rating_factors", "factor_kind", "ENGINE_CC"),
            ("system_configurations", "config_category", "UNDERWRITING"),
            ("users", "group_role", "prakan_surveyor"),
            ("claims", "incident_province_code", "10"),
        ];
        for lang in Lang::ALL {
            for (table, field, code) in samples {
                let words = shown(lang, table, field, code);
                assert!(
                    words != code && !words.contains('⟦'),
                    "{table}.{field} = {code} is shown as {words:?} in {lang:?}"
                );
            }
        }
        assert_eq!(
            shown(Lang::Th, "claim_settlements", "status", "PAID"),
            "จ่ายแล้ว"
        );
        assert_eq!(
            shown(Lang::En, "payment_transactions", "status", "SUCCESS"),
            "paid"
        );
    }

    #[test]
    fn a_status_is_read_with_the_codes_of_its_own_table() {
        assert_eq!(shown(Lang::Th, "claims", "status", "APPROVED"), "อนุมัติ");
        assert_eq!(
            shown(Lang::Th, "policy_referrals", "status", "APPROVED"),
            "อนุมัติแล้ว"
        );
        assert_eq!(
            shown(Lang::Th, "claim_settlements", "status", "PENDING"),
            "รอจ่าย"
        );
        assert_eq!(
            shown(Lang::Th, "payments", "payment_status", "PENDING"),
            "รอชำระ"
        );
        // A code with no words anywhere stays as stored rather than being guessed at.
        assert_eq!(
            shown(Lang::En, "claim_documents", "upload_status", "PROCESSED"),
            "PROCESSED"
        );
    }
}
