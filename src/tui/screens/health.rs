//! Database health for administrators: size, connections, replication, largest tables,
//! audit partitions ahead, long-running queries.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use rust_decimal::Decimal;

use super::Ui;
use crate::db::health::HealthCheck;
use crate::i18n::Lang;
use crate::key;
use crate::tr;
use crate::tui::remote::{Remote, RequestCounter};
use crate::tui::widgets::spinner;
use crate::tui::widgets::table::{DataTable, SortKey, TableRow, Tone};

#[derive(Debug, Clone)]
pub struct HealthScreen {
    pub checks: Remote<Vec<HealthCheck>>,
    pub table: DataTable,
    pub request: RequestCounter,
}

impl Default for HealthScreen {
    fn default() -> Self {
        HealthScreen::new()
    }
}

impl HealthScreen {
    pub fn new() -> HealthScreen {
        HealthScreen {
            checks: Remote::Idle,
            table: DataTable::new(vec![
                key!("health-column-check"),
                key!("health-column-status"),
                key!("health-column-value"),
            ]),
            request: RequestCounter::default(),
        }
    }

    pub fn loaded(&mut self, checks: Vec<HealthCheck>, lang: Lang) {
        self.checks = Remote::Loaded(checks);
        self.relabel(lang);
    }

    /// Rebuilds the rows in `lang` (after loading, or when the language changes).
    pub fn relabel(&mut self, lang: Lang) {
        let Some(checks) = self.checks.loaded() else {
            return;
        };
        let rows = checks.iter().map(|check| row(check, lang)).collect();
        self.table.set_rows(rows);
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        match &self.checks {
            Remote::Idle | Remote::Loading => frame.render_widget(
                Paragraph::new(Line::styled(
                    format!("{} {}", spinner(ui.tick), tr!(ui.lang, "loading")),
                    ui.theme.muted(),
                )),
                area,
            ),
            Remote::Failed(message) => frame.render_widget(
                Paragraph::new(Line::styled(message.text(ui.lang), ui.theme.error())),
                area,
            ),
            Remote::Loaded(_) => self.table.render(frame, area, ui.lang, ui.theme),
        }
    }
}

fn row(check: &HealthCheck, lang: Lang) -> TableRow {
    let figure = check.figure.unwrap_or_default();
    let details = check.details.clone().unwrap_or_default();
    let value = match check.check_name.as_str() {
        "database_size" => details,
        "connections" => tr!(
            lang,
            "health-connections",
            count = figure.to_string(),
            limit = details
        ),
        "replication_lag" => match details.as_str() {
            "no_replica" => tr!(lang, "health-no-replica"),
            _ => tr!(lang, "health-lag", seconds = figure.to_string()),
        },
        "largest_tables" => details,
        "audit_partitions_ahead" => tr!(lang, "health-months-ahead", months = whole(figure)),
        "long_running_queries" => tr!(lang, "health-long-running", count = whole(figure)),
        _ => format!("{figure} {details}"),
    };
    let tone = match check.status.as_str() {
        "OK" => Tone::Good,
        "WARNING" => Tone::Warning,
        _ => Tone::Normal,
    };
    let name = tr!(lang, "health-check", check = check.check_name.as_str());
    let status = tr!(lang, "health-status", status = check.status.as_str());
    TableRow {
        sort_keys: vec![
            SortKey::Text(name.clone()),
            SortKey::Text(status.clone()),
            SortKey::Number(check.figure.unwrap_or(Decimal::ZERO)),
        ],
        cells: vec![name, status, value],
        tone,
    }
}

/// A count the database returned as a numeric, for messages that choose their words by it.
fn whole(figure: Decimal) -> i64 {
    i64::try_from(figure.trunc()).unwrap_or_default()
}
