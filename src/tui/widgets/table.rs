//! A table with keyboard selection, sorting by column, a `/` filter and scrolling by
//! page. It holds only the rows a screen loaded (screens load bounded pages).

use std::cmp::Ordering;

use crossterm::event::Event;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table, TableState};
use rust_decimal::Decimal;
use tui_input::Input;
use tui_input::backend::crossterm::to_input_request;

use super::text;
use crate::i18n::Lang;
use crate::tr;
use crate::tui::keymap::Action;
use crate::tui::theme::Theme;

#[derive(Debug, Clone, PartialEq)]
pub enum SortKey {
    Text(String),
    Number(Decimal),
}

impl SortKey {
    fn compare(&self, other: &SortKey) -> Ordering {
        match (self, other) {
            (SortKey::Number(a), SortKey::Number(b)) => a.cmp(b),
            (SortKey::Text(a), SortKey::Text(b)) => a.cmp(b),
            (SortKey::Number(_), SortKey::Text(_)) => Ordering::Less,
            (SortKey::Text(_), SortKey::Number(_)) => Ordering::Greater,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tone {
    #[default]
    Normal,
    Good,
    Warning,
    Bad,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub cells: Vec<String>,
    pub sort_keys: Vec<SortKey>,
    pub tone: Tone,
}

impl TableRow {
    /// A row sorted by its text.
    pub fn new(cells: Vec<String>) -> TableRow {
        TableRow {
            sort_keys: cells.iter().map(|c| SortKey::Text(c.clone())).collect(),
            cells,
            tone: Tone::Normal,
        }
    }
}

#[derive(Debug, Clone)]
pub struct DataTable {
    /// Message keys of the column titles.
    pub columns: Vec<&'static str>,
    rows: Vec<TableRow>,
    /// Indexes of the rows shown, filtered and sorted.
    view: Vec<usize>,
    state: TableState,
    sort: Option<(usize, bool)>,
    filter: Input,
    filtering: bool,
    page: usize,
    /// Columns never cut to fit a narrow terminal (numbers, amounts, dates): the others
    /// give up their width first.
    whole: Vec<usize>,
}

impl DataTable {
    pub fn new(columns: Vec<&'static str>) -> DataTable {
        DataTable {
            columns,
            rows: Vec::new(),
            view: Vec::new(),
            state: TableState::default(),
            sort: None,
            filter: Input::default(),
            filtering: false,
            page: 10,
            whole: Vec::new(),
        }
    }

    /// Keeps these columns whole when the table must be narrowed to fit.
    pub fn keep_whole(mut self, columns: &[usize]) -> DataTable {
        self.whole = columns.to_vec();
        self
    }

    pub fn set_rows(&mut self, rows: Vec<TableRow>) {
        self.rows = rows;
        self.refresh_view();
    }

    pub fn len(&self) -> usize {
        self.view.len()
    }

    pub fn is_empty(&self) -> bool {
        self.view.is_empty()
    }

    pub fn selected(&self) -> Option<&TableRow> {
        self.state
            .selected()
            .and_then(|i| self.view.get(i))
            .map(|i| &self.rows[*i])
    }

    /// Shows no row as selected (a table without the keyboard).
    pub fn clear_selection(&mut self) {
        self.state.select(None);
    }

    /// Where the selected row was in the rows given to `set_rows`.
    pub fn selected_index(&self) -> Option<usize> {
        self.state
            .selected()
            .and_then(|i| self.view.get(i))
            .copied()
    }

    /// Selects the row that was at `index` in the rows given to `set_rows`.
    pub fn select_index(&mut self, index: usize) {
        if let Some(position) = self.view.iter().position(|i| *i == index) {
            self.state.select(Some(position));
        }
    }

    /// The shown rows, in order (for tests and exports).
    pub fn visible_rows(&self) -> Vec<&TableRow> {
        self.view.iter().map(|i| &self.rows[*i]).collect()
    }

    /// Whether the filter line has the keyboard.
    pub fn is_filtering(&self) -> bool {
        self.filtering
    }

    pub fn filter_text(&self) -> &str {
        self.filter.value()
    }

    /// Handles a table action. Returns true when it did something.
    pub fn act(&mut self, action: Action) -> bool {
        let last = self.view.len().saturating_sub(1);
        let current = self.state.selected().unwrap_or(0);
        let target = match action {
            Action::Up => current.saturating_sub(1),
            Action::Down => (current + 1).min(last),
            Action::PageUp => current.saturating_sub(self.page),
            Action::PageDown => (current + self.page).min(last),
            Action::First => 0,
            Action::Last => last,
            Action::Sort => {
                self.next_sort();
                return true;
            }
            Action::Filter => {
                self.filtering = true;
                return true;
            }
            _ => return false,
        };
        if !self.view.is_empty() {
            self.state.select(Some(target));
        }
        true
    }

    /// Keys while the filter line is open: Enter keeps the filter, Esc clears it.
    pub fn filter_key(&mut self, event: &Event, action: Option<Action>) {
        match action {
            Some(Action::Submit) | Some(Action::Open) => self.filtering = false,
            Some(Action::Back) => {
                self.filter.reset();
                self.filtering = false;
                self.refresh_view();
            }
            _ => {
                if let Some(request) = to_input_request(event) {
                    self.filter.handle(request);
                    self.refresh_view();
                }
            }
        }
    }

    /// No sort → first column ascending → descending → next column …
    fn next_sort(&mut self) {
        self.sort = match self.sort {
            None => Some((0, true)),
            Some((column, true)) => Some((column, false)),
            Some((column, false)) if column + 1 < self.columns.len() => Some((column + 1, true)),
            Some(_) => None,
        };
        self.refresh_view();
    }

    fn refresh_view(&mut self) {
        let needle = self.filter.value().to_lowercase();
        self.view = (0..self.rows.len())
            .filter(|i| {
                needle.is_empty()
                    || self.rows[*i]
                        .cells
                        .iter()
                        .any(|c| c.to_lowercase().contains(&needle))
            })
            .collect();
        if let Some((column, ascending)) = self.sort {
            let rows = &self.rows;
            self.view.sort_by(|a, b| {
                let order = rows[*a].sort_keys[column].compare(&rows[*b].sort_keys[column]);
                if ascending { order } else { order.reverse() }
            });
        }
        let selected = self
            .state
            .selected()
            .unwrap_or(0)
            .min(self.view.len().saturating_sub(1));
        self.state
            .select((!self.view.is_empty()).then_some(selected));
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        let footer_height = 1;
        let table_area = Rect {
            height: area.height.saturating_sub(footer_height),
            ..area
        };
        self.page = table_area.height.saturating_sub(2).max(1) as usize;

        let titles: Vec<String> = self
            .columns
            .iter()
            .enumerate()
            .map(|(i, key)| {
                let title = crate::i18n::text(lang, key, &[]);
                match self.sort {
                    Some((column, true)) if column == i => format!("{title} ▲"),
                    Some((column, false)) if column == i => format!("{title} ▼"),
                    _ => title,
                }
            })
            .collect();
        let mut widths: Vec<usize> = titles.iter().map(|t| text::width(t)).collect();
        for i in &self.view {
            for (w, cell) in widths.iter_mut().zip(&self.rows[*i].cells) {
                *w = (*w).max(text::width(cell));
            }
        }
        // Columns move closer together before any is narrowed.
        let gaps = widths.len().saturating_sub(1);
        let room = usize::from(table_area.width).saturating_sub(HIGHLIGHT_WIDTH);
        let spacing = if widths.iter().sum::<usize>() + COLUMN_SPACING * gaps <= room {
            COLUMN_SPACING
        } else {
            1
        };
        fit_widths(
            &mut widths,
            room.saturating_sub(spacing * gaps),
            &self.whole,
        );
        let cut = |cells: &[String]| -> Vec<String> {
            cells
                .iter()
                .zip(&widths)
                .map(|(cell, w)| text::truncate(cell, *w))
                .collect()
        };
        let header = Row::new(cut(&titles)).style(theme.title());
        let rows = self.view.iter().map(|i| {
            let row = &self.rows[*i];
            let style = match row.tone {
                Tone::Normal => Style::new(),
                Tone::Good => theme.success(),
                Tone::Warning => theme.warning(),
                Tone::Bad => theme.error(),
            };
            Row::new(cut(&row.cells)).style(style)
        });
        // Every column as wide as fit_widths left it, and the last takes what is left.
        let last = widths.len().saturating_sub(1);
        let constraints: Vec<Constraint> = widths
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if i == last {
                    Constraint::Fill(1)
                } else {
                    Constraint::Length(*w as u16)
                }
            })
            .collect();
        let table = Table::new(rows, constraints)
            .header(header)
            .column_spacing(spacing as u16)
            .row_highlight_style(theme.selected())
            .highlight_symbol("▶ ");
        frame.render_stateful_widget(table, table_area, &mut self.state);

        let footer = if self.filtering || !self.filter.value().is_empty() {
            Line::from(vec![
                Span::styled(format!("/{}", self.filter.value()), theme.title()),
                Span::styled(
                    format!(
                        "  {}",
                        tr!(
                            lang,
                            "table-rows-shown",
                            shown = self.view.len(),
                            total = self.rows.len()
                        )
                    ),
                    theme.muted(),
                ),
            ])
        } else {
            Line::from(Span::styled(
                tr!(lang, "table-rows", total = self.rows.len()),
                theme.muted(),
            ))
        };
        let footer_area = Rect {
            y: area.bottom().saturating_sub(1),
            height: 1,
            ..area
        };
        frame.render_widget(Paragraph::new(footer), footer_area);
        if self.filtering {
            let x = footer_area.x + 1 + self.filter.visual_cursor() as u16;
            frame
                .set_cursor_position((x.min(footer_area.right().saturating_sub(1)), footer_area.y));
        }
    }
}

const HIGHLIGHT_WIDTH: usize = 2;
const COLUMN_SPACING: usize = 2;
/// The narrowest a column that may be cut becomes: three letters and "…".
const NARROWEST: usize = 4;

/// Narrows `widths` to `available` columns in all: the widest column that may be cut
/// gives up one column at a time, so names and places shrink together while numbers,
/// amounts and dates (`whole`) stay readable. When even that is not enough, the table
/// is cut at the right edge.
fn fit_widths(widths: &mut [usize], available: usize, whole: &[usize]) {
    while widths.iter().sum::<usize>() > available {
        let widest = widths
            .iter()
            .enumerate()
            .filter(|(i, w)| !whole.contains(i) && **w > NARROWEST)
            .max_by_key(|(i, w)| (**w, std::cmp::Reverse(*i)))
            .map(|(i, _)| i);
        match widest {
            Some(i) => widths[i] -= 1,
            None => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn table() -> DataTable {
        let mut table = DataTable::new(vec!["health-column-check", "health-column-value"]);
        let row = |name: &str, n: Decimal| TableRow {
            cells: vec![name.to_string(), n.to_string()],
            sort_keys: vec![SortKey::Text(name.to_string()), SortKey::Number(n)],
            tone: Tone::Normal,
        };
        table.set_rows(vec![
            row("ขนาด", dec!(10)),
            row("connections", dec!(9)),
            row("lag", dec!(100)),
        ]);
        table
    }

    fn names(table: &DataTable) -> Vec<String> {
        table
            .visible_rows()
            .iter()
            .map(|r| r.cells[0].clone())
            .collect()
    }

    #[test]
    fn sorts_numbers_as_numbers_and_cycles_columns() {
        let mut table = table();
        table.act(Action::Sort);
        assert_eq!(names(&table), ["connections", "lag", "ขนาด"]);
        table.act(Action::Sort);
        assert_eq!(names(&table), ["ขนาด", "lag", "connections"]);
        table.act(Action::Sort);
        assert_eq!(
            names(&table),
            ["connections", "ขนาด", "lag"],
            "9 < 10 < 100"
        );
    }

    #[test]
    fn narrowing_cuts_the_widest_free_text_first_and_keeps_numbers_whole() {
        // claim number, plate, customer, amount
        let mut widths = vec![15, 17, 20, 11];
        fit_widths(&mut widths, 55, &[0, 3]);
        assert_eq!(widths, vec![15, 14, 15, 11]);

        // Nothing left to cut: the whole columns stay, the others stop at the narrowest.
        let mut widths = vec![15, 17, 20, 11];
        fit_widths(&mut widths, 20, &[0, 3]);
        assert_eq!(widths, vec![15, NARROWEST, NARROWEST, 11]);

        let mut widths = vec![5, 8];
        fit_widths(&mut widths, 40, &[]);
        assert_eq!(widths, vec![5, 8], "a table that fits is left alone");
    }

    #[test]
    fn filters_and_keeps_the_selection_in_range() {
        let mut table = table();
        table.act(Action::Last);
        table.act(Action::Filter);
        assert!(table.is_filtering());
        let key = |c| {
            Event::Key(crossterm::event::KeyEvent::new(
                crossterm::event::KeyCode::Char(c),
                crossterm::event::KeyModifiers::NONE,
            ))
        };
        table.filter_key(&key('l'), None);
        table.filter_key(&key('a'), None);
        assert_eq!(names(&table), ["lag"]);
        assert_eq!(table.selected().unwrap().cells[0], "lag");
        table.filter_key(&key('x'), Some(Action::Back));
        assert_eq!(table.len(), 3);
        assert!(!table.is_filtering());
    }
}
