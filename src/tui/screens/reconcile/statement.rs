//! The lines of one statement (the last one imported, or the latest), whatever their
//! status, with the receipts their matches issued: where a matched line is undone (`u`).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use rust_decimal::Decimal;
use uuid::Uuid;

use super::Tab;
use super::work::{ReconcileCmd, StatementLines, StatementRow};
use crate::i18n::format::bangkok_date;
use crate::i18n::{Calendar, Lang, Message, date, date_time, money};
use crate::msg;
use crate::tui::keymap::Action;
use crate::tui::remote::{Remote, RequestCounter};
use crate::tui::screens::Ui;
use crate::tui::widgets::table::{DataTable, SortKey, TableRow, Tone};
use crate::{key, tr};

#[derive(Debug, Clone)]
pub struct StatementPane {
    /// The statement asked for (`None`: the latest one).
    pub statement_id: Option<Uuid>,
    pub lines: Remote<StatementLines>,
    pub table: DataTable,
    pub request: RequestCounter,
    /// The tab Esc goes back to.
    pub from: Tab,
    labelled_for: Option<(Lang, Calendar)>,
}

impl StatementPane {
    pub fn new(statement_id: Option<Uuid>, from: Tab) -> StatementPane {
        StatementPane {
            statement_id,
            lines: Remote::Loading,
            table: DataTable::new(vec![
                key!("reconcile-column-line"),
                key!("reconcile-column-date"),
                key!("reconcile-column-amount"),
                key!("reconcile-column-status"),
                key!("reconcile-column-receipts"),
                key!("reconcile-column-refs"),
                key!("reconcile-column-description"),
            ])
            .keep_whole(&[0, 1, 2]),
            request: RequestCounter::default(),
            from,
            labelled_for: None,
        }
    }

    pub fn reload(&mut self) -> ReconcileCmd {
        if self.lines.loaded().is_none() {
            self.lines = Remote::Loading;
        }
        ReconcileCmd::LoadStatement {
            request: self.request.issue(),
            statement_id: self.statement_id,
        }
    }

    pub fn on_loaded(
        &mut self,
        request: u64,
        result: Result<Option<StatementLines>, Message>,
        lang: Lang,
        calendar: Calendar,
    ) {
        if !self.request.is_latest(request) {
            return;
        }
        match result {
            Ok(Some(lines)) => {
                let kept = self.selected().map(|r| r.id);
                self.table
                    .set_rows(lines.rows.iter().map(|r| row(r, lang, calendar)).collect());
                if let Some(index) = kept.and_then(|id| lines.rows.iter().position(|r| r.id == id))
                {
                    self.table.select_index(index);
                }
                self.statement_id = Some(lines.statement_id);
                self.lines = Remote::Loaded(lines);
                self.labelled_for = Some((lang, calendar));
            }
            Ok(None) => self.lines = Remote::Failed(msg!("reconcile-statement-none")),
            Err(message) => self.lines = Remote::Failed(message),
        }
    }

    pub fn selected(&self) -> Option<&StatementRow> {
        let index = self.table.selected_index()?;
        self.lines.loaded()?.rows.get(index)
    }

    pub fn is_loading(&self) -> bool {
        self.lines.is_loading()
    }

    pub fn key(&mut self, action: Action) {
        self.table.act(action);
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        if self.labelled_for != Some((ui.lang, ui.calendar))
            && let Some(lines) = self.lines.loaded()
        {
            let rows = lines
                .rows
                .iter()
                .map(|r| row(r, ui.lang, ui.calendar))
                .collect();
            self.table.set_rows(rows);
            self.labelled_for = Some((ui.lang, ui.calendar));
        }
        let [info_area, table_area] =
            Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(area);
        let info = match ui.loaded(&self.lines, key!("reconcile-loading")) {
            Err(line) => vec![line],
            Ok(lines) => vec![
                Line::styled(
                    tr!(
                        ui.lang,
                        "reconcile-statement-title",
                        file = lines.file_name.as_str(),
                        account = lines.account_code.as_str(),
                        when = date_time(ui.lang, ui.calendar, lines.imported_at)
                    ),
                    ui.theme.title(),
                ),
                Line::styled(
                    tr!(
                        ui.lang,
                        "reconcile-statement-about",
                        lines = lines.rows.len(),
                        matched = lines.rows.iter().filter(|r| r.status == "MATCHED").count()
                    ),
                    ui.theme.muted(),
                ),
            ],
        };
        frame.render_widget(Paragraph::new(info), info_area);
        if self.lines.loaded().is_some() {
            self.table.render(frame, table_area, ui.lang, ui.theme);
        }
    }
}

fn row(r: &StatementRow, lang: Lang, calendar: Calendar) -> TableRow {
    let status = match (&r.matched_rule, r.status.as_str()) {
        (Some(rule), "MATCHED") => format!(
            "{} ({})",
            tr!(lang, "reconcile-line-status", value = r.status.as_str()),
            tr!(lang, "reconcile-rule", value = rule.as_str())
        ),
        _ => tr!(lang, "reconcile-line-status", value = r.status.as_str()),
    };
    TableRow {
        cells: vec![
            r.line_number.to_string(),
            date(lang, calendar, bangkok_date(r.booked_at)),
            money(r.amount),
            status,
            r.receipt_numbers.join(", "),
            super::prompt::refs(&r.ref1, &r.ref2),
            r.description.clone(),
        ],
        sort_keys: vec![
            SortKey::Number(Decimal::from(r.line_number)),
            SortKey::Text(r.booked_at.to_rfc3339()),
            SortKey::Number(r.amount),
            SortKey::Text(r.status.clone()),
            SortKey::Text(r.receipt_numbers.join(", ")),
            SortKey::Text(super::prompt::refs(&r.ref1, &r.ref2)),
            SortKey::Text(r.description.clone()),
        ],
        tone: match r.status.as_str() {
            "MATCHED" => Tone::Good,
            "DISPUTED" => Tone::Warning,
            _ => Tone::Normal,
        },
    }
}
