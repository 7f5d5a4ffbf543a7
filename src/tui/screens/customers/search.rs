//! The jump box and its results: what was typed is recognised as you type (the kind is
//! shown beside the box), searched after a short pause (the newest search wins), and
//! shown a page at a time.

use crossterm::event::Event;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};
use tui_input::Input;
use tui_input::backend::crossterm::to_input_request;
use uuid::Uuid;

use super::labels;
use super::work::{CustomersCmd, DEBOUNCE};
use crate::db::geo::Geography;
use crate::db::lookup::{Hit, Matched, PAGE, Page};
use crate::domain::lookup::{Classified, Lookup, classify};
use crate::i18n::{Calendar, Lang, Message, date};
use crate::tui::remote::{Remote, RequestCounter};
use crate::tui::screens::Ui;
use crate::tui::widgets::table::{DataTable, TableRow, Tone};
use crate::tui::widgets::{spinner, text};
use crate::{key, tr};

#[derive(Debug, Clone)]
pub struct SearchPane {
    pub input: Input,
    pub classified: Classified,
    pub results: Remote<Page>,
    /// The page shown, from 0.
    pub page: u32,
    pub table: DataTable,
    pub request: RequestCounter,
    /// The search the shown results answer (for paging).
    searched: Option<Lookup>,
    labelled_for: Option<(Lang, Calendar)>,
}

impl Default for SearchPane {
    fn default() -> Self {
        SearchPane::new()
    }
}

impl SearchPane {
    pub fn new() -> SearchPane {
        SearchPane {
            input: Input::default(),
            classified: Classified::Empty,
            results: Remote::Idle,
            page: 0,
            table: DataTable::new(vec![
                key!("customers-column-name"),
                key!("customers-column-name-en"),
                key!("customers-column-found-by"),
                key!("customers-column-id"),
                key!("customers-column-phone"),
                key!("customers-column-born"),
                key!("customers-column-province"),
            ])
            .keep_whole(&[2, 3, 4, 5]),
            request: RequestCounter::default(),
            searched: None,
            labelled_for: None,
        }
    }

    /// A key or paste for the box. When the text changed and reads as a complete lookup,
    /// the search to start (after the pause).
    pub fn edit(&mut self, event: &Event, full_national_id: bool) -> Option<CustomersCmd> {
        let changed = match event {
            Event::Paste(pasted) => {
                for c in pasted.chars().filter(|c| !c.is_control()) {
                    self.input.handle(tui_input::InputRequest::InsertChar(c));
                }
                true
            }
            other => to_input_request(other)
                .and_then(|request| self.input.handle(request))
                .is_some_and(|change| change.value),
        };
        if !changed {
            return None;
        }
        self.retype(full_national_id)
    }

    /// Empties the box.
    pub fn clear(&mut self) {
        self.input.reset();
        self.classified = Classified::Empty;
        self.results = Remote::Idle;
        self.searched = None;
        self.request.issue();
        self.table.set_rows(Vec::new());
    }

    /// Classifies the text again and starts the search it calls for.
    fn retype(&mut self, full_national_id: bool) -> Option<CustomersCmd> {
        self.classified = classify(self.input.value());
        match &self.classified {
            Classified::Ready(lookup) => {
                let lookup = lookup.clone();
                Some(self.search(lookup, 0, full_national_id, DEBOUNCE))
            }
            Classified::Empty | Classified::NotYet(..) => {
                // Whatever is still on its way answers text that is no longer there.
                self.request.issue();
                self.results = Remote::Idle;
                self.searched = None;
                self.table.set_rows(Vec::new());
                None
            }
        }
    }

    fn search(
        &mut self,
        lookup: Lookup,
        page: u32,
        full_national_id: bool,
        delay: std::time::Duration,
    ) -> CustomersCmd {
        if self.results.loaded().is_none() {
            self.results = Remote::Loading;
        }
        self.searched = Some(lookup.clone());
        CustomersCmd::Search {
            request: self.request.issue(),
            lookup,
            page,
            full_national_id,
            delay,
        }
    }

    /// The same search again (after a save, or when the connection came back).
    pub fn refresh(&mut self, full_national_id: bool) -> Option<CustomersCmd> {
        let lookup = self.searched.clone()?;
        Some(self.search(
            lookup,
            self.page,
            full_national_id,
            std::time::Duration::ZERO,
        ))
    }

    /// The next or previous page of the same search, if there is one.
    pub fn turn_page(&mut self, forward: bool, full_national_id: bool) -> Option<CustomersCmd> {
        let lookup = self.searched.clone()?;
        let more = self.results.loaded().is_some_and(|p| p.more);
        let page = match forward {
            true if more => self.page + 1,
            false if self.page > 0 => self.page - 1,
            _ => return None,
        };
        Some(self.search(lookup, page, full_national_id, std::time::Duration::ZERO))
    }

    pub fn on_results(&mut self, request: u64, page: u32, result: Result<Page, Message>) {
        if !self.request.is_latest(request) {
            return;
        }
        match result {
            Ok(found) => {
                self.page = page;
                self.results = Remote::Loaded(found);
                self.labelled_for = None;
            }
            Err(message) => self.results = Remote::Failed(message),
        }
    }

    pub fn hits(&self) -> &[Hit] {
        self.results.loaded().map_or(&[], |p| p.hits.as_slice())
    }

    /// The customer on the chosen row.
    pub fn chosen(&self) -> Option<(Uuid, Option<Matched>)> {
        let hit = self.hits().get(self.table.selected_index()?)?;
        Some((hit.customer_id, hit.matched.clone()))
    }

    /// Builds the table's rows in `lang` (after results arrive, or the language changes).
    pub fn relabel(&mut self, lang: Lang, calendar: Calendar) {
        if self.labelled_for == Some((lang, calendar)) {
            return;
        }
        self.labelled_for = Some((lang, calendar));
        let rows = self
            .hits()
            .iter()
            .map(|hit| row(hit, lang, calendar))
            .collect();
        self.table.set_rows(rows);
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ui: &Ui, active: bool) {
        self.relabel(ui.lang, ui.calendar);
        let [box_area, status_area, table_area] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(area);
        self.render_box(frame, box_area, ui, active);
        frame.render_widget(Paragraph::new(self.status_line(ui)), status_area);
        if !self.hits().is_empty() {
            self.table.render(frame, table_area, ui.lang, ui.theme);
        } else if matches!(self.classified, Classified::Empty) {
            render_tips(frame, table_area, ui);
        }
    }

    fn render_box(&self, frame: &mut Frame, area: Rect, ui: &Ui, active: bool) {
        let kind = match self.classified.kind() {
            Some(kind) => format!(" {} ", crate::i18n::text(ui.lang, kind.label(), &[])),
            None => String::new(),
        };
        let block = Block::bordered()
            .title(Line::styled(
                format!(" {} ", tr!(ui.lang, "customers-jump-box")),
                ui.theme.title(),
            ))
            .title(Line::styled(kind, ui.theme.selected()).right_aligned());
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let width = inner.width.saturating_sub(1) as usize;
        let scroll = self.input.visual_scroll(width);
        let shown: Line = if self.input.value().is_empty() {
            Line::styled(tr!(ui.lang, "customers-jump-placeholder"), ui.theme.muted())
        } else {
            Line::raw(self.input.value().to_string())
        };
        frame.render_widget(Paragraph::new(shown).scroll((0, scroll as u16)), inner);
        if active {
            let x = inner.x + (self.input.visual_cursor().saturating_sub(scroll)) as u16;
            frame.set_cursor_position((x.min(inner.right().saturating_sub(1)), inner.y));
        }
    }

    /// Under the box: why the text is not searched yet, the search running, or what it found.
    fn status_line(&self, ui: &Ui) -> Line<'static> {
        if let Classified::NotYet(_, why) = &self.classified {
            return Line::styled(why.text(ui.lang), ui.theme.warning());
        }
        match &self.results {
            Remote::Idle => Line::default(),
            Remote::Loading => Line::styled(
                format!(
                    "{} {}",
                    spinner(ui.tick),
                    tr!(ui.lang, "customers-searching")
                ),
                ui.theme.muted(),
            ),
            Remote::Failed(message) => Line::styled(message.text(ui.lang), ui.theme.error()),
            Remote::Loaded(page) if page.hits.is_empty() => {
                Line::styled(tr!(ui.lang, "customers-nothing-found"), ui.theme.muted())
            }
            Remote::Loaded(page) => {
                let first = self.page as i64 * PAGE + 1;
                let last = first + page.hits.len() as i64 - 1;
                Line::styled(
                    tr!(
                        ui.lang,
                        "customers-found",
                        first = first,
                        last = last,
                        more = if page.more { "yes" } else { "no" }
                    ),
                    ui.theme.muted(),
                )
            }
        }
    }
}

/// How to use the box, while it is empty.
fn render_tips(frame: &mut Frame, area: Rect, ui: &Ui) {
    let lines: Vec<Line> = tr!(ui.lang, "customers-tips")
        .lines()
        .map(|line| Line::styled(line.to_string(), ui.theme.muted()))
        .collect();
    frame.render_widget(
        Paragraph::new(lines),
        area.inner(ratatui::layout::Margin::new(1, 1)),
    );
}

/// One hit as a table row.
fn row(hit: &Hit, lang: Lang, calendar: Calendar) -> TableRow {
    let name = match &hit.last_name {
        Some(last) if !last.is_empty() => format!("{} {last}", hit.first_name),
        _ => hit.first_name.clone(),
    };
    let name_en = match (&hit.first_name_en, &hit.last_name_en) {
        (Some(first), Some(last)) => format!("{first} {last}"),
        (Some(first), None) => first.clone(),
        _ => String::new(),
    };
    let province = hit
        .tambon_code
        .as_deref()
        .and_then(|code| Geography::bundled().province(&code[..2]))
        .map(|p| match lang {
            Lang::Th => p.name_th.clone(),
            Lang::En => p.name_en.clone(),
        })
        .unwrap_or_default();
    let found_by = match &hit.matched {
        Some(Matched::Vehicle {
            plate,
            province_code,
        }) => {
            let province = Geography::bundled()
                .province(province_code)
                .map(|p| match lang {
                    Lang::Th => p.name_th.clone(),
                    Lang::En => p.name_en.clone(),
                })
                .unwrap_or_default();
            format!("{plate} {province}")
        }
        Some(Matched::Policy { number, status }) => {
            format!("{number} · {}", labels::policy_status(status).text(lang))
        }
        Some(Matched::Claim { number, status }) => {
            format!("{number} · {}", labels::claim_status(status).text(lang))
        }
        Some(Matched::Receipt { number }) => number.clone(),
        None => hit
            .score
            .map(|s| {
                tr!(
                    lang,
                    "customers-similarity",
                    percent = (s * 100.0).round() as i64
                )
            })
            .unwrap_or_default(),
    };
    let cells = vec![
        if hit.deleted {
            tr!(lang, "customers-anonymised")
        } else {
            text::truncate(&name, 32)
        },
        text::truncate(&name_en, 22),
        found_by,
        hit.national_id_masked.clone().unwrap_or_default(),
        hit.phone_number
            .as_deref()
            .map(crate::domain::phone::format)
            .unwrap_or_default(),
        hit.date_of_birth
            .map(|d| date(lang, calendar, d))
            .unwrap_or_default(),
        province,
    ];
    TableRow {
        tone: if hit.deleted {
            Tone::Warning
        } else {
            Tone::Normal
        },
        ..TableRow::new(cells)
    }
}
