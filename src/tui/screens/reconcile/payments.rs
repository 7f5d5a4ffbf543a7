//! The payments tab: incoming payments overdue by age (0–30, 31–60, 61–90, over 90 days),
//! those due within 30 days, the payouts waiting, and every payment by direction, type and
//! status; beneath, the owed payments, most overdue first, searched as one types (`/`).

use crossterm::event::Event;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use rust_decimal::Decimal;
use tui_input::Input;
use tui_input::backend::crossterm::to_input_request;

use super::work::ReconcileCmd;
use crate::db::reconcile_work::{AgeBucket, Overview, OwedPayment};
use crate::i18n::{Calendar, Lang, Message, date, money};
use crate::tui::keymap::Action;
use crate::tui::remote::{Remote, RequestCounter};
use crate::tui::screens::Ui;
use crate::tui::screens::customers::labels;
use crate::tui::widgets::table::{DataTable, SortKey, TableRow, Tone};
use crate::tui::widgets::{spinner, text};
use crate::{key, tr};

/// Message key of an ageing bucket.
pub fn bucket_title(bucket: AgeBucket) -> &'static str {
    match bucket {
        AgeBucket::UpTo30 => key!("reconcile-bucket-30"),
        AgeBucket::UpTo60 => key!("reconcile-bucket-60"),
        AgeBucket::UpTo90 => key!("reconcile-bucket-90"),
        AgeBucket::Over90 => key!("reconcile-bucket-over-90"),
    }
}

const BUCKETS: [AgeBucket; 4] = [
    AgeBucket::UpTo30,
    AgeBucket::UpTo60,
    AgeBucket::UpTo90,
    AgeBucket::Over90,
];

#[derive(Debug, Clone)]
pub struct PaymentsPane {
    pub overview: Remote<Overview>,
    overview_request: RequestCounter,
    pub owed: Remote<Vec<OwedPayment>>,
    pub table: DataTable,
    pub owed_request: RequestCounter,
    /// The search box (`/`): reference, policy number or name.
    pub search: Input,
    pub searching: bool,
    labelled_for: Option<(Lang, Calendar)>,
}

impl Default for PaymentsPane {
    fn default() -> PaymentsPane {
        PaymentsPane {
            overview: Remote::Idle,
            overview_request: RequestCounter::default(),
            owed: Remote::Idle,
            table: DataTable::new(vec![
                key!("reconcile-column-reference"),
                key!("reconcile-column-policy"),
                key!("reconcile-column-customer"),
                key!("reconcile-column-type"),
                key!("reconcile-column-due-date"),
                key!("reconcile-column-amount"),
                key!("reconcile-column-overdue"),
            ])
            .keep_whole(&[0, 1, 4, 5]),
            owed_request: RequestCounter::default(),
            search: Input::default(),
            searching: false,
            labelled_for: None,
        }
    }
}

impl PaymentsPane {
    /// Loads the figures and the owed payments (what is on screen stays until they are in).
    pub fn reload(&mut self) -> Vec<ReconcileCmd> {
        if self.overview.loaded().is_none() {
            self.overview = Remote::Loading;
        }
        vec![
            ReconcileCmd::LoadOverview {
                request: self.overview_request.issue(),
            },
            self.load_owed(false),
        ]
    }

    /// Loads the owed payments for the search as typed (`pause`: while typing).
    pub fn load_owed(&mut self, pause: bool) -> ReconcileCmd {
        if self.owed.loaded().is_none() {
            self.owed = Remote::Loading;
        }
        ReconcileCmd::LoadOwed {
            request: self.owed_request.issue(),
            search: self.search.value().to_string(),
            pause,
        }
    }

    pub fn is_loading(&self) -> bool {
        self.overview.is_loading() || self.owed.is_loading()
    }

    pub fn on_overview(&mut self, request: u64, result: Result<Overview, Message>) {
        if !self.overview_request.is_latest(request) {
            return;
        }
        self.overview = match result {
            Ok(overview) => Remote::Loaded(overview),
            Err(message) => Remote::Failed(message),
        };
    }

    /// The owed payments came in, the cursor staying on the payment it was on.
    pub fn on_owed(
        &mut self,
        request: u64,
        result: Result<Vec<OwedPayment>, Message>,
        lang: Lang,
        calendar: Calendar,
    ) {
        if !self.owed_request.is_latest(request) {
            return;
        }
        match result {
            Ok(rows) => {
                let kept = self.selected().map(|p| p.id);
                self.table
                    .set_rows(rows.iter().map(|p| row(p, lang, calendar)).collect());
                if let Some(index) = kept.and_then(|id| rows.iter().position(|p| p.id == id)) {
                    self.table.select_index(index);
                }
                self.owed = Remote::Loaded(rows);
                self.labelled_for = Some((lang, calendar));
            }
            Err(message) => self.owed = Remote::Failed(message),
        }
    }

    /// The owed payment under the cursor.
    pub fn selected(&self) -> Option<&OwedPayment> {
        let index = self.table.selected_index()?;
        self.owed.loaded()?.get(index)
    }

    /// Keys of the list (moving, sorting, opening the search box, loading again).
    pub fn key(&mut self, action: Option<Action>) -> Vec<ReconcileCmd> {
        match action {
            Some(Action::Filter) => {
                self.searching = true;
                Vec::new()
            }
            Some(Action::Refresh) => self.reload(),
            Some(other) => {
                self.table.act(other);
                Vec::new()
            }
            None => Vec::new(),
        }
    }

    /// A key in the search box: typing searches again after a pause; Enter keeps the
    /// search, Esc clears it.
    pub fn search_event(&mut self, event: &Event, action: Option<Action>) -> Option<ReconcileCmd> {
        match action {
            Some(Action::Back) => {
                self.searching = false;
                if self.search.value().is_empty() {
                    return None;
                }
                self.search.reset();
                Some(self.load_owed(false))
            }
            Some(Action::Submit) => {
                self.searching = false;
                None
            }
            Some(Action::Up | Action::Down | Action::PageUp | Action::PageDown) => {
                self.table.act(action?);
                None
            }
            _ => {
                let request = to_input_request(event)?;
                let changed = self.search.handle(request);
                changed
                    .is_some_and(|c| c.value)
                    .then(|| self.load_owed(true))
            }
        }
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        if self.labelled_for != Some((ui.lang, ui.calendar))
            && let Some(rows) = self.owed.loaded()
        {
            let rows: Vec<TableRow> = rows.iter().map(|p| row(p, ui.lang, ui.calendar)).collect();
            self.table.set_rows(rows);
            self.labelled_for = Some((ui.lang, ui.calendar));
        }
        let [figures_area, search_area, table_area] = Layout::vertical([
            Constraint::Length(9),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(area);
        self.render_overview(frame, figures_area, ui);
        self.render_search(frame, search_area, ui);
        match &self.owed {
            Remote::Failed(message) => frame.render_widget(
                Paragraph::new(Line::styled(message.text(ui.lang), ui.theme.error())),
                table_area,
            ),
            Remote::Idle | Remote::Loading => frame.render_widget(
                Paragraph::new(Line::styled(
                    format!("{} {}", spinner(ui.tick), tr!(ui.lang, "reconcile-loading")),
                    ui.theme.muted(),
                )),
                table_area,
            ),
            Remote::Loaded(_) => self.table.render(frame, table_area, ui.lang, ui.theme),
        }
    }

    fn render_overview(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                .areas(area);
        let left_block = Block::bordered().title(Line::styled(
            format!(" {} ", tr!(ui.lang, "reconcile-overdue-title")),
            ui.theme.title(),
        ));
        let right_block = Block::bordered().title(Line::styled(
            format!(" {} ", tr!(ui.lang, "reconcile-by-status-title")),
            ui.theme.title(),
        ));
        let (ageing, by_status) = match &self.overview {
            Remote::Loaded(overview) => (
                ageing_lines(overview, ui, left_block.inner(left).width),
                status_lines(overview, ui, right_block.inner(right).width),
            ),
            Remote::Failed(message) => {
                let line = Line::styled(message.text(ui.lang), ui.theme.error());
                (vec![line.clone()], vec![line])
            }
            Remote::Idle | Remote::Loading => {
                let line = Line::styled(
                    format!("{} {}", spinner(ui.tick), tr!(ui.lang, "reconcile-loading")),
                    ui.theme.muted(),
                );
                (vec![line.clone()], vec![line])
            }
        };
        frame.render_widget(Paragraph::new(ageing).block(left_block), left);
        frame.render_widget(Paragraph::new(by_status).block(right_block), right);
    }

    fn render_search(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let line = if self.searching || !self.search.value().is_empty() {
            let mut spans = vec![
                Span::styled(
                    format!("{} ", tr!(ui.lang, "reconcile-owed-search")),
                    ui.theme.title(),
                ),
                Span::raw(self.search.value().to_string()),
            ];
            if self.searching {
                spans.push(Span::styled(
                    format!("  {}", tr!(ui.lang, "reconcile-owed-search-keys")),
                    ui.theme.muted(),
                ));
            }
            Line::from(spans)
        } else {
            Line::styled(tr!(ui.lang, "reconcile-owed-about"), ui.theme.muted())
        };
        frame.render_widget(Paragraph::new(line), area);
        if self.searching {
            let label = tr!(ui.lang, "reconcile-owed-search");
            let x = area.x + text::width(&label) as u16 + 1 + self.search.visual_cursor() as u16;
            frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y));
        }
    }
}

/// One figure per line, fitted to `width` columns: the label (cut with "…" when it must
/// be), then the count and the amount, aligned on the right edge so no amount is ever cut.
fn figure_lines(figures: Vec<(String, i64, Decimal, Style)>, width: u16) -> Vec<Line<'static>> {
    let amount_width = figures
        .iter()
        .map(|(_, _, amount, _)| text::width(&money(*amount)))
        .max()
        .unwrap_or(0);
    let count_width = figures
        .iter()
        .map(|(_, count, _, _)| count.to_string().len())
        .max()
        .unwrap_or(0);
    let numbers_width = count_width + 2 + amount_width;
    let label_width = usize::from(width).saturating_sub(numbers_width + 1);
    figures
        .into_iter()
        .map(|(label, count, amount, style)| {
            if label.is_empty() {
                return Line::from("");
            }
            Line::styled(
                format!(
                    "{} {count:>count_width$}  {:>amount_width$}",
                    text::pad(&label, label_width),
                    money(amount)
                ),
                style,
            )
        })
        .collect()
}

fn ageing_lines(overview: &Overview, ui: &Ui, width: u16) -> Vec<Line<'static>> {
    let lang = ui.lang;
    let mut figures = Vec::new();
    for bucket in BUCKETS {
        let (count, amount) = overview
            .overdue
            .iter()
            .find(|f| f.bucket == bucket)
            .map_or((0, Decimal::ZERO), |f| (f.count, f.amount));
        let style = match bucket {
            _ if count == 0 => Style::new(),
            AgeBucket::UpTo30 => Style::new(),
            AgeBucket::UpTo60 => ui.theme.warning(),
            AgeBucket::UpTo90 | AgeBucket::Over90 => ui.theme.error(),
        };
        let label = crate::i18n::text(lang, bucket_title(bucket), &[]);
        figures.push((label, count, amount, style));
    }
    figures.push((String::new(), 0, Decimal::ZERO, Style::new()));
    figures.push((
        tr!(lang, "reconcile-due-soon"),
        overview.due_soon.0,
        overview.due_soon.1,
        Style::new(),
    ));
    figures.push((
        tr!(lang, "reconcile-payouts-waiting"),
        overview.payouts_waiting.0,
        overview.payouts_waiting.1,
        Style::new(),
    ));
    figure_lines(figures, width)
}

fn status_lines(overview: &Overview, ui: &Ui, width: u16) -> Vec<Line<'static>> {
    let lang = ui.lang;
    if overview.by_status.is_empty() {
        return vec![Line::styled(tr!(lang, "reconcile-none"), ui.theme.muted())];
    }
    let figures = overview
        .by_status
        .iter()
        .map(|f| {
            (
                format!(
                    "{} · {} · {}",
                    tr!(lang, "reconcile-direction", value = f.direction.as_str()),
                    labels::payment_type(&f.payment_type).text(lang),
                    labels::payment_status(&f.status).text(lang)
                ),
                f.count,
                f.amount,
                Style::new(),
            )
        })
        .collect();
    figure_lines(figures, width)
}

fn row(p: &OwedPayment, lang: Lang, calendar: Calendar) -> TableRow {
    let installment = p.installment_number.zip(p.total_installments);
    let kind = labels::payment_type(&p.payment_type).text(lang);
    let kind = match installment {
        Some((n, of)) => format!("{kind} {n}/{of}"),
        None => kind,
    };
    TableRow {
        cells: vec![
            p.reference.clone().unwrap_or_default(),
            p.policy_number.clone().unwrap_or_default(),
            p.customer_name.clone(),
            kind,
            p.due_date
                .map(|d| date(lang, calendar, d))
                .unwrap_or_default(),
            money(p.amount_due),
            if p.days_overdue > 0 {
                tr!(lang, "reconcile-days", days = p.days_overdue)
            } else {
                tr!(lang, "reconcile-not-yet-due")
            },
        ],
        sort_keys: vec![
            SortKey::Text(p.reference.clone().unwrap_or_default()),
            SortKey::Text(p.policy_number.clone().unwrap_or_default()),
            SortKey::Text(p.customer_name.clone()),
            SortKey::Text(p.payment_type.clone()),
            SortKey::Text(p.due_date.map(|d| d.to_string()).unwrap_or_default()),
            SortKey::Number(p.amount_due),
            SortKey::Number(Decimal::from(p.days_overdue)),
        ],
        tone: match p.days_overdue {
            d if d > 90 => Tone::Bad,
            d if d > 30 => Tone::Warning,
            _ => Tone::Normal,
        },
    }
}
