//! The claim queues: one tab each for unassigned claims, mine, those awaiting approval,
//! those under investigation, and every open claim (with filters). Ages are coloured by the
//! service levels; a reload keeps the cursor on the same claim.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use rust_decimal::Decimal;
use uuid::Uuid;

use super::filter::{self, FilterPrompt};
use super::work::ClaimsCmd;
use crate::db::claim_queue::{QueueFilter, QueueRow, QueueTab, SlaDays};
use crate::domain::claim_flow::{ClaimStatus, Sla, sla};
use crate::i18n::{Lang, Message, money};
use crate::tui::keymap::Action;
use crate::tui::remote::{Remote, RequestCounter};
use crate::tui::screens::Ui;
use crate::tui::screens::customers::labels;
use crate::tui::widgets::spinner;
use crate::tui::widgets::table::{DataTable, SortKey, TableRow, Tone};
use crate::{key, tr};

/// Message key of a tab's title.
pub fn tab_title(tab: QueueTab) -> &'static str {
    match tab {
        QueueTab::Unassigned => key!("claims-tab-unassigned"),
        QueueTab::Mine => key!("claims-tab-mine"),
        QueueTab::AwaitingApproval => key!("claims-tab-awaiting"),
        QueueTab::Investigation => key!("claims-tab-investigation"),
        QueueTab::AllOpen => key!("claims-tab-all-open"),
    }
}

/// Message key of what a tab holds.
fn tab_about(tab: QueueTab) -> &'static str {
    match tab {
        QueueTab::Unassigned => key!("claims-about-unassigned"),
        QueueTab::Mine => key!("claims-about-mine"),
        QueueTab::AwaitingApproval => key!("claims-about-awaiting"),
        QueueTab::Investigation => key!("claims-about-investigation"),
        QueueTab::AllOpen => key!("claims-about-all-open"),
    }
}

#[derive(Debug, Clone)]
pub struct QueuePane {
    /// The tabs this person has (surveyors: only their own claims).
    pub tabs: Vec<QueueTab>,
    pub tab: QueueTab,
    pub rows: Remote<Vec<QueueRow>>,
    pub table: DataTable,
    pub request: RequestCounter,
    /// A load is in flight.
    loading: bool,
    /// Something changed while it was: load once more when it is in.
    again: bool,
    pub filter: QueueFilter,
    pub filter_prompt: Option<FilterPrompt>,
    pub sla: SlaDays,
    labelled_for: Option<Lang>,
}

impl QueuePane {
    pub fn new(surveyor: bool) -> QueuePane {
        let tabs = if surveyor {
            vec![QueueTab::Mine]
        } else {
            QueueTab::ALL.to_vec()
        };
        QueuePane {
            tab: tabs[0],
            tabs,
            rows: Remote::Idle,
            table: DataTable::new(vec![
                key!("claims-column-number"),
                key!("claims-column-plate"),
                key!("claims-column-customer"),
                key!("claims-column-type"),
                key!("claims-column-status"),
                key!("claims-column-age"),
                key!("claims-column-estimate"),
                key!("claims-column-approved"),
            ])
            .keep_whole(&[0, 5, 6, 7]),
            request: RequestCounter::default(),
            loading: false,
            again: false,
            filter: QueueFilter::default(),
            filter_prompt: None,
            sla: SlaDays::default(),
            labelled_for: None,
        }
    }

    /// Loads the current tab (the rows on screen stay until the new ones are in).
    pub fn reload(&mut self) -> ClaimsCmd {
        if self.rows.loaded().is_none() {
            self.rows = Remote::Loading;
        }
        self.loading = true;
        self.again = false;
        let filter = if self.tab == QueueTab::AllOpen {
            self.filter.clone()
        } else {
            QueueFilter::default()
        };
        ClaimsCmd::LoadQueue {
            request: self.request.issue(),
            tab: self.tab,
            filter,
        }
    }

    /// Claims changed somewhere: load again, or once more after the load in flight.
    pub fn changed(&mut self) -> Option<ClaimsCmd> {
        if self.loading {
            self.again = true;
            return None;
        }
        Some(self.reload())
    }

    pub fn is_loading(&self) -> bool {
        self.loading
    }

    /// A page came in; returns the load to run again when claims changed meanwhile.
    pub fn on_list(
        &mut self,
        request: u64,
        result: Result<Vec<QueueRow>, Message>,
        lang: Lang,
    ) -> Option<ClaimsCmd> {
        if !self.request.is_latest(request) {
            return None;
        }
        self.loading = false;
        match result {
            Ok(rows) => self.put_rows(rows, lang),
            Err(message) => self.rows = Remote::Failed(message),
        }
        std::mem::take(&mut self.again).then(|| self.reload())
    }

    /// The new rows, with the cursor on the claim it was on; when that claim has left the
    /// tab, on the same line.
    fn put_rows(&mut self, rows: Vec<QueueRow>, lang: Lang) {
        let kept = self.selected_claim();
        self.table
            .set_rows(rows.iter().map(|r| row(r, self.sla, lang)).collect());
        if let Some(index) = kept.and_then(|id| rows.iter().position(|r| r.id == id)) {
            self.table.select_index(index);
        }
        self.rows = Remote::Loaded(rows);
        self.labelled_for = Some(lang);
    }

    /// The service levels came in: the ages are coloured again.
    pub fn on_sla(&mut self, sla: SlaDays) {
        self.sla = sla;
        self.labelled_for = None;
    }

    /// The claim under the cursor.
    pub fn selected_claim(&self) -> Option<Uuid> {
        let index = self.table.selected_index()?;
        self.rows.loaded()?.get(index).map(|r| r.id)
    }

    pub fn is_typing(&self) -> bool {
        self.filter_prompt.is_some() || self.table.is_filtering()
    }

    /// Opens a tab and loads it.
    pub fn switch_to(&mut self, tab: QueueTab) -> Option<ClaimsCmd> {
        if tab == self.tab || !self.tabs.contains(&tab) {
            return None;
        }
        self.tab = tab;
        self.rows = Remote::Idle;
        self.table.set_rows(Vec::new());
        Some(self.reload())
    }

    fn step_tab(&mut self, forward: bool) -> Option<ClaimsCmd> {
        let n = self.tabs.len();
        let at = self.tabs.iter().position(|t| *t == self.tab).unwrap_or(0);
        let next = if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        };
        self.switch_to(self.tabs[next])
    }

    /// Keys of the queue itself (moving, tabs, sorting, filtering).
    pub fn key(&mut self, key: &KeyEvent, action: Option<Action>, lang: Lang) -> Option<ClaimsCmd> {
        match action {
            Some(Action::NextTab) => self.step_tab(true),
            Some(Action::PrevTab) => self.step_tab(false),
            Some(Action::Refresh) => Some(self.reload()),
            Some(Action::Filter) if self.tab == QueueTab::AllOpen => {
                self.filter_prompt = Some(FilterPrompt::new(&self.filter, lang));
                None
            }
            Some(other) => {
                self.table.act(other);
                None
            }
            None => match key.code {
                KeyCode::Char(digit @ '1'..='9') => {
                    let index = digit as usize - '1' as usize;
                    self.tabs
                        .get(index)
                        .copied()
                        .and_then(|t| self.switch_to(t))
                }
                _ => None,
            },
        }
    }

    /// Enter in the filter prompt: the filter applies and the tab loads again.
    pub fn apply_filter(&mut self) -> Option<ClaimsCmd> {
        let prompt = self.filter_prompt.as_mut()?;
        let filter = prompt.parse()?;
        self.filter_prompt = None;
        self.filter = filter;
        Some(self.reload())
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ui: &Ui, live: bool) {
        if self.labelled_for != Some(ui.lang)
            && let Some(rows) = self.rows.loaded()
        {
            let rows: Vec<TableRow> = rows.iter().map(|r| row(r, self.sla, ui.lang)).collect();
            self.table.set_rows(rows);
            self.labelled_for = Some(ui.lang);
        }
        let [tabs_area, info_area, table_area] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(2),
            Constraint::Min(0),
        ])
        .areas(area);
        frame.render_widget(Paragraph::new(self.tab_line(ui, live)), tabs_area);
        frame.render_widget(Paragraph::new(self.info_line(ui)), info_area);
        self.table.render(frame, table_area, ui.lang, ui.theme);
        if let Some(prompt) = &self.filter_prompt {
            prompt.render(frame, ui);
        }
    }

    fn tab_line(&self, ui: &Ui, live: bool) -> Line<'static> {
        let mut spans = Vec::new();
        for (i, tab) in self.tabs.iter().enumerate() {
            let style = if *tab == self.tab {
                ui.theme.selected()
            } else {
                ui.theme.muted()
            };
            let title = crate::i18n::text(ui.lang, tab_title(*tab), &[]);
            spans.push(Span::styled(format!(" {} {title} ", i + 1), style));
            spans.push(Span::raw(" "));
        }
        let (mark, style) = if live {
            (tr!(ui.lang, "claims-live-on"), ui.theme.success())
        } else {
            (tr!(ui.lang, "claims-live-off"), ui.theme.warning())
        };
        spans.push(Span::styled(format!(" ● {mark}"), style));
        Line::from(spans)
    }

    fn info_line(&self, ui: &Ui) -> Line<'static> {
        match &self.rows {
            Remote::Idle | Remote::Loading => Line::styled(
                format!("{} {}", spinner(ui.tick), tr!(ui.lang, "claims-loading")),
                ui.theme.muted(),
            ),
            Remote::Failed(message) => Line::styled(message.text(ui.lang), ui.theme.error()),
            Remote::Loaded(_) if self.tab == QueueTab::AllOpen => {
                Line::styled(filter::describe(&self.filter, ui.lang), ui.theme.title())
            }
            Remote::Loaded(_) => Line::styled(
                crate::i18n::text(ui.lang, tab_about(self.tab), &[]),
                ui.theme.muted(),
            ),
        }
    }
}

/// Where a claim stands against its service levels.
pub fn sla_of(row: &QueueRow, days: SlaDays) -> Sla {
    match ClaimStatus::from_db(&row.status) {
        Some(status) => sla(
            status,
            i64::from(row.age_days),
            days.contact,
            days.assessment,
        ),
        None => Sla::OnTime,
    }
}

fn row(r: &QueueRow, days: SlaDays, lang: Lang) -> TableRow {
    let approved = match (r.approved_amount, r.approval_requested_amount) {
        (Some(amount), _) => money(amount),
        (None, Some(asked)) => tr!(lang, "claims-amount-asked", amount = money(asked)),
        (None, None) => String::new(),
    };
    let flag = if r.requires_investigation { " ⚑" } else { "" };
    TableRow {
        cells: vec![
            format!("{}{flag}", r.claim_number),
            format!("{} {}", r.plate, r.province_th),
            r.customer_name.clone(),
            labels::claim_type(&r.claim_type).text(lang),
            labels::claim_status(&r.status).text(lang),
            tr!(lang, "claims-age-days", days = r.age_days),
            r.estimated_amount.map(money).unwrap_or_default(),
            approved,
        ],
        sort_keys: vec![
            SortKey::Text(r.claim_number.clone()),
            SortKey::Text(r.plate.clone()),
            SortKey::Text(r.customer_name.clone()),
            SortKey::Text(r.claim_type.clone()),
            SortKey::Text(r.status.clone()),
            SortKey::Number(Decimal::from(r.age_days)),
            SortKey::Number(r.estimated_amount.unwrap_or_default()),
            SortKey::Number(
                r.approved_amount
                    .or(r.approval_requested_amount)
                    .unwrap_or_default(),
            ),
        ],
        tone: match sla_of(r, days) {
            Sla::Late => Tone::Bad,
            Sla::DueSoon => Tone::Warning,
            Sla::OnTime => Tone::Normal,
        },
    }
}
