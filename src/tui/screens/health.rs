//! Database health for administrators: size, connections, replication, largest tables,
//! partitions ahead for every partitioned table, the state of statement statistics; below,
//! the queries running long (who, for how long, since when, what) and the slowest
//! statements from pg_stat_statements, or how to turn it on.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use rust_decimal::Decimal;

use super::Ui;
use crate::db::health::{Health, HealthCheck, LongQuery, SlowStatement};
use crate::i18n::Lang;
use crate::key;
use crate::tr;
use crate::tui::remote::{Remote, RequestCounter};
use crate::tui::widgets::spinner;
use crate::tui::widgets::table::{DataTable, SortKey, TableRow, Tone};
use crate::tui::widgets::text;

#[derive(Debug, Clone)]
pub struct HealthScreen {
    pub checks: Remote<Health>,
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

    pub fn loaded(&mut self, health: Health, lang: Lang) {
        self.checks = Remote::Loaded(health);
        self.relabel(lang);
    }

    /// Rebuilds the rows in `lang` (after loading, or when the language changes).
    pub fn relabel(&mut self, lang: Lang) {
        let Some(health) = self.checks.loaded() else {
            return;
        };
        let rows = health.checks.iter().map(|check| row(check, lang)).collect();
        self.table.set_rows(rows);
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let health = match &self.checks {
            Remote::Idle | Remote::Loading => {
                frame.render_widget(
                    Paragraph::new(Line::styled(
                        format!("{} {}", spinner(ui.tick), tr!(ui.lang, "loading")),
                        ui.theme.muted(),
                    )),
                    area,
                );
                return;
            }
            Remote::Failed(message) => {
                frame.render_widget(
                    Paragraph::new(Line::styled(message.text(ui.lang), ui.theme.error())),
                    area,
                );
                return;
            }
            Remote::Loaded(health) => health.clone(),
        };
        // The checks' table (header, rows, footer), then the two lists share the rest.
        let table_height = (self.table.len() as u16 + 3).min(area.height / 2 + 2);
        let [checks, queries, statements] = Layout::vertical([
            Constraint::Length(table_height),
            Constraint::Fill(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        self.table.render(frame, checks, ui.lang, ui.theme);
        frame.render_widget(
            Paragraph::new(long_query_lines(&health.long_queries, queries.width, ui)),
            queries,
        );
        let statistics = health
            .checks
            .iter()
            .find(|c| c.check_name == "statement_statistics")
            .and_then(|c| c.details.clone())
            .unwrap_or_default();
        frame.render_widget(
            Paragraph::new(slow_statement_lines(
                &health.slow_statements,
                &statistics,
                statements.width,
                ui,
            ))
            .wrap(ratatui::widgets::Wrap { trim: true }),
            statements,
        );
    }
}

fn heading(title: String, ui: &Ui) -> Line<'static> {
    Line::styled(title, ui.theme.title())
}

/// Who, for how long, since when, and the start of the query.
fn long_query_lines(queries: &[LongQuery], width: u16, ui: &Ui) -> Vec<Line<'static>> {
    let mut lines = vec![heading(
        tr!(
            ui.lang,
            "health-long-queries-title",
            seconds = crate::db::health::LONG_RUNNING_SECONDS
        ),
        ui,
    )];
    if queries.is_empty() {
        lines.push(Line::styled(
            tr!(ui.lang, "health-long-queries-none"),
            ui.theme.muted(),
        ));
    }
    for query in queries {
        let who = match &query.staff_name {
            Some(name) => format!("{name} ({})", query.username),
            None => query.username.clone(),
        };
        let head = format!(
            "{who} · {} · {} · ",
            tr!(ui.lang, "health-running-for", seconds = query.seconds),
            crate::i18n::date_time(ui.lang, ui.calendar, query.query_start)
        );
        let statement = query
            .query
            .as_deref()
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let room = (width as usize).saturating_sub(text::width(&head));
        lines.push(Line::from(vec![
            Span::styled(head, ui.theme.warning()),
            Span::raw(text::truncate(&statement, room)),
        ]));
    }
    lines
}

/// The slowest statements, or why there are none to show.
fn slow_statement_lines(
    statements: &[SlowStatement],
    statistics: &str,
    width: u16,
    ui: &Ui,
) -> Vec<Line<'static>> {
    let mut lines = vec![heading(
        tr!(
            ui.lang,
            "health-slow-title",
            ms = crate::db::health::SLOW_MEAN_MS as i64
        ),
        ui,
    )];
    if statistics != "on" {
        lines.push(Line::styled(
            tr!(ui.lang, "health-statistics-off", state = statistics),
            ui.theme.muted(),
        ));
        return lines;
    }
    if statements.is_empty() {
        lines.push(Line::styled(
            tr!(ui.lang, "health-slow-none"),
            ui.theme.muted(),
        ));
    }
    for statement in statements {
        let head = tr!(
            ui.lang,
            "health-slow-figures",
            mean = format!("{:.0}", statement.mean_ms),
            calls = statement.calls
        );
        let head = format!("{head} · ");
        let query = statement
            .query
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let room = (width as usize).saturating_sub(text::width(&head));
        lines.push(Line::from(vec![
            Span::styled(head, ui.theme.warning()),
            Span::raw(text::truncate(&query, room)),
        ]));
    }
    lines
}

fn row(check: &HealthCheck, lang: Lang) -> TableRow {
    let figure = check.figure.unwrap_or_default();
    let details = check.details.clone().unwrap_or_default();
    let value = match check.check_name.as_str() {
        "database_size" => details.clone(),
        "connections" => tr!(
            lang,
            "health-connections",
            count = figure.to_string(),
            limit = details.clone()
        ),
        "replication_lag" => match details.as_str() {
            "no_replica" => tr!(lang, "health-no-replica"),
            _ => tr!(lang, "health-lag", seconds = figure.to_string()),
        },
        "largest_tables" => details.clone(),
        "partitions_ahead" | "audit_partitions_ahead" => {
            tr!(lang, "health-months-ahead", months = whole(figure))
        }
        "long_running_queries" => tr!(lang, "health-long-running", count = whole(figure)),
        "statement_statistics" => tr!(lang, "health-statistics-state", state = details.as_str()),
        _ => format!("{figure} {details}"),
    };
    let tone = match check.status.as_str() {
        "OK" => Tone::Good,
        "WARNING" => Tone::Warning,
        _ => Tone::Normal,
    };
    let name = match check.check_name.as_str() {
        "partitions_ahead" => tr!(lang, "health-partitions-of", table = details.as_str()),
        other => tr!(lang, "health-check-name", check = other),
    };
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
