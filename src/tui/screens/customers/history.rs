//! The audit history of one record, newest first: who, when, what they did, and each
//! field's value before and after.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use uuid::Uuid;

use super::labels;
use crate::db::history::HistoryEntry;
use crate::i18n::date_time;
use crate::tr;
use crate::tui::remote::{Remote, RequestCounter};
use crate::tui::screens::Ui;
use crate::tui::widgets::text;

#[derive(Debug, Clone)]
pub struct HistoryPane {
    /// What the history is of, e.g. "กข 1234".
    pub title: String,
    pub table: &'static str,
    pub id: Uuid,
    pub entries: Remote<Vec<HistoryEntry>>,
    pub request: RequestCounter,
    /// First line shown.
    pub scroll: usize,
}

impl HistoryPane {
    pub fn new(title: String, table: &'static str, id: Uuid) -> HistoryPane {
        HistoryPane {
            title,
            table,
            id,
            entries: Remote::Loading,
            request: RequestCounter::default(),
            scroll: 0,
        }
    }

    pub fn scroll_by(&mut self, lines: isize) {
        self.scroll = self.scroll.saturating_add_signed(lines);
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
                    Some(raw) => shown_value(self.table, &change.field, raw, ui),
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
                tr!(ui.lang, "history-title", record = self.title.clone())
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
const HOUSEKEEPING: &[&str] = &[
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
fn shown_value(table: &str, field: &str, raw: &str, ui: &Ui) -> String {
    let lang = ui.lang;
    let geography = crate::db::geo::Geography::bundled();
    let name = |place: &crate::db::geo::Place| match lang {
        crate::i18n::Lang::Th => place.name_th.clone(),
        crate::i18n::Lang::En => place.name_en.clone(),
    };
    let word = |label: fn(&str) -> crate::i18n::Message| label(raw).text(lang);
    match (table, field) {
        (_, "customer_type") => word(labels::customer_type),
        (_, "gender") => word(labels::gender),
        (_, "account_status") => word(labels::account_status),
        (_, "kyc_status") => word(labels::kyc_status),
        (_, "preferred_language") => word(labels::language),
        (_, "vehicle_type") => word(labels::vehicle_type),
        (_, "fuel_type") => word(labels::fuel_type),
        (_, "usage_type") => word(labels::usage_type),
        (_, "parking_location") => word(labels::parking),
        (_, "purpose") => word(labels::consent_purpose),
        (_, "lawful_basis") => word(labels::lawful_basis),
        (_, "channel" | "withdrawal_channel") => word(labels::channel),
        (_, "verification_status") => word(labels::verification_status),
        (_, "payment_status") => word(labels::payment_status),
        (_, "payment_type") => word(labels::payment_type),
        (_, "payment_method") => word(labels::payment_method),
        (_, "policy_type") => word(labels::policy_type),
        ("policies", "status") => word(labels::policy_status),
        ("claims", "status") => word(labels::claim_status),
        (_, "phone_number") => crate::domain::phone::format(raw),
        (_, "province_code") => geography
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

/// A record's fields, read-only (policy, claim and payment screens come later).
#[derive(Debug, Clone)]
pub struct DetailPane {
    pub title: String,
    pub fields: Vec<(String, String)>,
}

impl DetailPane {
    pub fn render(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let label_width = self
            .fields
            .iter()
            .map(|(label, _)| text::width(label))
            .max()
            .unwrap_or(0);
        let mut lines: Vec<Line> = self
            .fields
            .iter()
            .map(|(label, value)| {
                Line::from(vec![
                    Span::styled(text::pad(label, label_width + 2), ui.theme.muted()),
                    Span::raw(value.clone()),
                ])
            })
            .collect();
        lines.push(Line::default());
        lines.push(Line::styled(tr!(ui.lang, "detail-keys"), ui.theme.muted()));
        let height = (lines.len() as u16 + 2).min(area.height);
        let popup = crate::tui::widgets::modal::centered(area, area.width.min(90), height);
        frame.render_widget(Clear, popup);
        let block =
            Block::bordered().title(Line::styled(format!(" {} ", self.title), ui.theme.title()));
        frame.render_widget(Paragraph::new(lines).block(block), popup);
    }
}
