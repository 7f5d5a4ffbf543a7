//! The cockpit: statement lines still to resolve, unmatched first then disputed, oldest
//! first, aged in days (a warning after 3 days, late after 7); beside them the selected
//! line's candidates (beneath them on a narrower terminal), ranked by how many fields
//! agree, each with its reasons. The
//! candidates load when the selection rests on a line, the newest request winning.

use std::cmp::Reverse;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};
use rust_decimal::Decimal;
use uuid::Uuid;

use super::prompt::{candidate_title, line_title};
use super::work::ReconcileCmd;
use crate::db::reconcile_work::{Agreement, Candidate, OpenLine};
use crate::i18n::format::bangkok_date;
use crate::i18n::{Calendar, Lang, Message, date, money};
use crate::tui::keymap::Action;
use crate::tui::remote::{Remote, RequestCounter};
use crate::tui::screens::Ui;
use crate::tui::widgets::table::{DataTable, SortKey, TableRow, Tone};
use crate::tui::widgets::{spinner, text};
use crate::{key, tr};

/// Days after which an open line is a warning, and late.
pub const AGE_WARNING_DAYS: i32 = 3;
pub const AGE_LATE_DAYS: i32 = 7;

/// The width from which the candidates sit beside the lines rather than beneath them.
pub const SIDE_BY_SIDE_FROM: u16 = 200;

/// Where the arrows move: through the lines, or through the selected line's candidates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Lines,
    Candidates,
}

#[derive(Debug, Clone)]
pub struct CockpitPane {
    pub lines: Remote<Vec<OpenLine>>,
    pub table: DataTable,
    pub lines_request: RequestCounter,
    pub candidates: Remote<Vec<Candidate>>,
    /// The line the candidates are (or are being loaded) for.
    pub candidates_for: Option<Uuid>,
    pub candidates_request: RequestCounter,
    /// The candidate Enter or `m` matches to.
    pub highlighted: usize,
    pub focus: Focus,
    labelled_for: Option<(Lang, Calendar)>,
}

impl Default for CockpitPane {
    fn default() -> CockpitPane {
        CockpitPane {
            lines: Remote::Idle,
            table: DataTable::new(vec![
                key!("reconcile-column-date"),
                key!("reconcile-column-age"),
                key!("reconcile-column-amount"),
                key!("reconcile-column-status"),
                key!("reconcile-column-refs"),
                key!("reconcile-column-account"),
                key!("reconcile-column-description"),
            ])
            .keep_whole(&[0, 2]),
            lines_request: RequestCounter::default(),
            candidates: Remote::Idle,
            candidates_for: None,
            candidates_request: RequestCounter::default(),
            highlighted: 0,
            focus: Focus::Lines,
            labelled_for: None,
        }
    }
}

/// The phrase for one reason a candidate is offered.
pub fn agreement(agreement: &Agreement, lang: Lang) -> String {
    match agreement {
        Agreement::Reference => tr!(lang, "reconcile-agree-reference"),
        Agreement::Amount => tr!(lang, "reconcile-agree-amount"),
        Agreement::AmountLessWithholding => tr!(lang, "reconcile-agree-amount-less-wht"),
        Agreement::DateNear(days) => tr!(lang, "reconcile-agree-date", days = days.abs()),
        Agreement::Name(similarity) => tr!(
            lang,
            "reconcile-agree-name",
            percent = (f64::from(*similarity) * 100.0).round() as i64
        ),
    }
}

impl CockpitPane {
    /// Loads the lines (those on screen stay until the new ones are in); the candidates
    /// load again after.
    pub fn reload(&mut self) -> ReconcileCmd {
        if self.lines.loaded().is_none() {
            self.lines = Remote::Loading;
        }
        self.candidates_for = None;
        ReconcileCmd::LoadLines {
            request: self.lines_request.issue(),
        }
    }

    pub fn is_loading(&self) -> bool {
        self.lines.is_loading() || self.candidates.is_loading()
    }

    /// The lines came in: unmatched first, then disputed, oldest first; the cursor stays on
    /// its line. Returns the load of the selected line's candidates.
    pub fn on_lines(
        &mut self,
        request: u64,
        result: Result<Vec<OpenLine>, Message>,
        lang: Lang,
        calendar: Calendar,
    ) -> Option<ReconcileCmd> {
        if !self.lines_request.is_latest(request) {
            return None;
        }
        match result {
            Ok(mut lines) => {
                lines.sort_by_key(|l| (l.status != "UNMATCHED", l.booked_at));
                let kept = self.selected_line().map(|l| l.id);
                self.table
                    .set_rows(lines.iter().map(|l| row(l, lang, calendar)).collect());
                if let Some(index) = kept.and_then(|id| lines.iter().position(|l| l.id == id)) {
                    self.table.select_index(index);
                }
                self.lines = Remote::Loaded(lines);
                self.labelled_for = Some((lang, calendar));
                self.selection_moved()
            }
            Err(message) => {
                self.lines = Remote::Failed(message);
                None
            }
        }
    }

    /// The line under the cursor.
    pub fn selected_line(&self) -> Option<&OpenLine> {
        let index = self.table.selected_index()?;
        self.lines.loaded()?.get(index)
    }

    /// The candidate Enter or `m` would match to.
    pub fn highlighted_candidate(&self) -> Option<&Candidate> {
        self.loaded_candidates()?.get(self.highlighted)
    }

    /// The candidates of the selected line, once they are in.
    pub fn loaded_candidates(&self) -> Option<&Vec<Candidate>> {
        let line = self.selected_line()?;
        if self.candidates_for != Some(line.id) {
            return None;
        }
        self.candidates.loaded()
    }

    /// The selection may be on another line: ask for its candidates (the command waits for
    /// the selection to rest; a newer one replaces it).
    pub fn selection_moved(&mut self) -> Option<ReconcileCmd> {
        let Some(line_id) = self.selected_line().map(|l| l.id) else {
            self.candidates = Remote::Idle;
            self.candidates_for = None;
            return None;
        };
        if self.candidates_for == Some(line_id) {
            return None;
        }
        self.candidates_for = Some(line_id);
        self.candidates = Remote::Loading;
        self.highlighted = 0;
        Some(ReconcileCmd::LoadCandidates {
            request: self.candidates_request.issue(),
            line_id,
        })
    }

    /// A line's candidates came in: only the newest request's, best first.
    pub fn on_candidates(
        &mut self,
        request: u64,
        line_id: Uuid,
        result: Result<Vec<Candidate>, Message>,
    ) {
        if !self.candidates_request.is_latest(request) || self.candidates_for != Some(line_id) {
            return;
        }
        self.highlighted = 0;
        self.candidates = match result {
            Ok(mut candidates) => {
                candidates.sort_by_key(|c| Reverse(c.score()));
                Remote::Loaded(candidates)
            }
            Err(message) => Remote::Failed(message),
        };
    }

    /// Arrows and the like: through the lines, or through the candidates.
    pub fn key(&mut self, action: Action) -> Option<ReconcileCmd> {
        if action == Action::SwitchPane {
            self.focus = match self.focus {
                Focus::Lines => Focus::Candidates,
                Focus::Candidates => Focus::Lines,
            };
            return None;
        }
        match self.focus {
            Focus::Lines => {
                self.table.act(action);
                self.selection_moved()
            }
            Focus::Candidates => {
                let count = self.loaded_candidates().map_or(0, Vec::len);
                let last = count.saturating_sub(1);
                self.highlighted = match action {
                    Action::Up => self.highlighted.saturating_sub(1),
                    Action::Down => (self.highlighted + 1).min(last),
                    Action::PageUp | Action::First => 0,
                    Action::PageDown | Action::Last => last,
                    _ => self.highlighted,
                };
                None
            }
        }
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        if self.labelled_for != Some((ui.lang, ui.calendar))
            && let Some(lines) = self.lines.loaded()
        {
            let rows: Vec<TableRow> = lines.iter().map(|l| row(l, ui.lang, ui.calendar)).collect();
            self.table.set_rows(rows);
            self.labelled_for = Some((ui.lang, ui.calendar));
        }
        let [info_area, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        // The panel sits beside the lines when there is room for every column, else beneath.
        let [left, right] = if body.width >= SIDE_BY_SIDE_FROM {
            Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(body)
        } else {
            Layout::vertical([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(body)
        };
        let info = match &self.lines {
            Remote::Idle | Remote::Loading => Line::styled(
                format!("{} {}", spinner(ui.tick), tr!(ui.lang, "reconcile-loading")),
                ui.theme.muted(),
            ),
            Remote::Failed(message) => Line::styled(message.text(ui.lang), ui.theme.error()),
            Remote::Loaded(lines) if lines.is_empty() => {
                Line::styled(tr!(ui.lang, "reconcile-cockpit-clear"), ui.theme.success())
            }
            Remote::Loaded(lines) => Line::styled(
                tr!(
                    ui.lang,
                    "reconcile-cockpit-about",
                    unmatched = lines.iter().filter(|l| l.status == "UNMATCHED").count(),
                    disputed = lines.iter().filter(|l| l.status == "DISPUTED").count()
                ),
                ui.theme.muted(),
            ),
        };
        frame.render_widget(Paragraph::new(info), info_area);
        self.table.render(frame, left, ui.lang, ui.theme);
        self.render_candidates(frame, right, ui);
    }

    fn render_candidates(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let title_style = if self.focus == Focus::Candidates {
            ui.theme.selected()
        } else {
            ui.theme.title()
        };
        let block = Block::bordered().title(Line::styled(
            format!(" {} ", tr!(ui.lang, "reconcile-candidates")),
            title_style,
        ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let width = inner.width as usize;
        let cut = |line: Line<'static>| -> Line<'static> {
            let style = line.style;
            let content: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            Line::styled(text::truncate(&content, width), style)
        };
        let Some(line) = self.selected_line() else {
            frame.render_widget(
                Paragraph::new(Line::styled(
                    tr!(ui.lang, "reconcile-no-line"),
                    ui.theme.muted(),
                )),
                inner,
            );
            return;
        };
        let mut head = vec![cut(line_title(line, ui))];
        if let Some(note) = line
            .dispute_note
            .as_deref()
            .filter(|_| line.status == "DISPUTED")
        {
            head.push(cut(Line::styled(
                tr!(ui.lang, "reconcile-disputed-note", note = note),
                ui.theme.warning(),
            )));
        }
        head.push(Line::from(""));
        let mut body: Vec<Line<'static>> = Vec::new();
        let mut highlighted_at = 0;
        match (&self.candidates, self.candidates_for == Some(line.id)) {
            (Remote::Loaded(candidates), true) if candidates.is_empty() => {
                body.push(Line::styled(
                    tr!(ui.lang, "reconcile-no-candidates"),
                    ui.theme.muted(),
                ));
            }
            (Remote::Loaded(candidates), true) => {
                for (i, candidate) in candidates.iter().enumerate() {
                    let marked = i == self.highlighted;
                    if marked {
                        highlighted_at = body.len();
                    }
                    body.extend(
                        candidate_lines(candidate, i, marked, line.amount, ui)
                            .into_iter()
                            .map(&cut),
                    );
                }
            }
            (Remote::Failed(message), true) => {
                body.push(Line::styled(message.text(ui.lang), ui.theme.error()));
            }
            _ => body.push(Line::styled(
                format!(
                    "{} {}",
                    spinner(ui.tick),
                    tr!(ui.lang, "reconcile-candidates-loading")
                ),
                ui.theme.muted(),
            )),
        }
        let room = (inner.height as usize).saturating_sub(head.len());
        let skip = (highlighted_at + 4).saturating_sub(room);
        let skip = skip.min(highlighted_at);
        head.extend(body.into_iter().skip(skip));
        frame.render_widget(Paragraph::new(head), inner);
    }
}

/// A candidate in the panel: who and what, its due date and score, then its reasons.
fn candidate_lines(
    candidate: &Candidate,
    index: usize,
    marked: bool,
    line_amount: Decimal,
    ui: &Ui,
) -> Vec<Line<'static>> {
    let lang = ui.lang;
    let head = format!(
        "{} {}. {}",
        if marked { "▶" } else { " " },
        index + 1,
        candidate_title(candidate, ui)
    );
    let due = candidate
        .due_date
        .map(|d| date(lang, ui.calendar, d))
        .unwrap_or_else(|| "–".into());
    let mut facts = tr!(
        lang,
        "reconcile-candidate-facts",
        due = due,
        score = candidate.score()
    );
    if candidate.withholding > Decimal::ZERO {
        facts.push_str(" · ");
        facts.push_str(&tr!(
            lang,
            "reconcile-candidate-wht",
            amount = money(candidate.withholding)
        ));
    }
    if candidate.amount_due != line_amount
        && candidate.amount_due - candidate.withholding != line_amount
    {
        facts.push_str(" · ");
        facts.push_str(&tr!(
            lang,
            "reconcile-candidate-differs",
            amount = money(line_amount - candidate.amount_due)
        ));
    }
    let reasons: Vec<String> = candidate
        .agreements
        .iter()
        .map(|a| agreement(a, lang))
        .collect();
    let reasons = if reasons.is_empty() {
        tr!(lang, "reconcile-agree-nothing")
    } else {
        reasons.join(" · ")
    };
    vec![
        if marked {
            Line::styled(head, ui.theme.selected())
        } else {
            Line::styled(head, ui.theme.title())
        },
        Line::styled(format!("     {facts}"), ui.theme.muted()),
        Line::styled(format!("     ✓ {reasons}"), ui.theme.success()),
        Line::from(""),
    ]
}

fn row(l: &OpenLine, lang: Lang, calendar: Calendar) -> TableRow {
    TableRow {
        cells: vec![
            date(lang, calendar, bangkok_date(l.booked_at)),
            tr!(lang, "reconcile-days", days = l.age_days),
            money(l.amount),
            tr!(lang, "reconcile-line-status", value = l.status.as_str()),
            super::prompt::refs(&l.ref1, &l.ref2),
            l.account_code.clone(),
            l.description.clone(),
        ],
        sort_keys: vec![
            SortKey::Text(l.booked_at.to_rfc3339()),
            SortKey::Number(Decimal::from(l.age_days)),
            SortKey::Number(l.amount),
            SortKey::Text(l.status.clone()),
            SortKey::Text(super::prompt::refs(&l.ref1, &l.ref2)),
            SortKey::Text(l.account_code.clone()),
            SortKey::Text(l.description.clone()),
        ],
        tone: match l.age_days {
            d if d > AGE_LATE_DAYS => Tone::Bad,
            d if d > AGE_WARNING_DAYS => Tone::Warning,
            _ => Tone::Normal,
        },
    }
}
