//! The rating tables tab: the versions by effective date, and one version's base rates and
//! factor bands. Versions in force are shown read-only.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use rust_decimal::Decimal;

use crate::db::rating_admin::{BaseRateRow, FactorRow, RatingVersion};
use crate::i18n::{Calendar, Lang, date};
use crate::tui::remote::{Remote, RequestCounter};
use crate::tui::screens::Ui;
use crate::tui::widgets::history::RecordRef;
use crate::tui::widgets::table::{DataTable, SortKey, TableRow, Tone};
use crate::{key, tr};

/// A factor band as a person reads it: "0–3", "10+".
pub fn band(lower: Decimal, upper: Option<Decimal>) -> String {
    match upper {
        Some(upper) => format!("{}–{}", lower.normalize(), upper.normalize()),
        None => format!("{}+", lower.normalize()),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailPane {
    BaseRates,
    Factors,
}

/// One version opened: its rows.
#[derive(Debug, Clone)]
pub struct VersionDetail {
    pub version: RatingVersion,
    /// In force when it was opened: read only.
    pub locked: bool,
    pub pane: DetailPane,
    pub rows: Remote<(Vec<BaseRateRow>, Vec<FactorRow>)>,
    pub base_table: DataTable,
    pub factor_table: DataTable,
    pub request: RequestCounter,
}

impl VersionDetail {
    pub fn new(version: RatingVersion, today: NaiveDate) -> VersionDetail {
        VersionDetail {
            locked: version.is_locked(today),
            version,
            pane: DetailPane::BaseRates,
            rows: Remote::Loading,
            base_table: DataTable::new(vec![
                key!("rating-col-class"),
                key!("rating-col-vehicle"),
                key!("rating-col-usage"),
                key!("rating-col-base"),
                key!("rating-col-od-rate"),
            ]),
            factor_table: DataTable::new(vec![
                key!("rating-col-kind"),
                key!("rating-col-band"),
                key!("rating-col-multiplier"),
            ]),
            request: RequestCounter::default(),
        }
    }

    pub fn loaded(&mut self, base: Vec<BaseRateRow>, factors: Vec<FactorRow>) {
        let keep_base = self.base_table.selected_index();
        let keep_factor = self.factor_table.selected_index();
        self.base_table
            .set_rows(base.iter().map(base_row).collect());
        self.factor_table
            .set_rows(factors.iter().map(factor_row).collect());
        if let Some(index) = keep_base {
            self.base_table.select_index(index);
        }
        if let Some(index) = keep_factor {
            self.factor_table.select_index(index);
        }
        self.rows = Remote::Loaded((base, factors));
    }

    pub fn table(&mut self) -> &mut DataTable {
        match self.pane {
            DetailPane::BaseRates => &mut self.base_table,
            DetailPane::Factors => &mut self.factor_table,
        }
    }

    pub fn selected_base(&self) -> Option<&BaseRateRow> {
        let (base, _) = self.rows.loaded()?;
        base.get(self.base_table.selected_index()?)
    }

    pub fn selected_factor(&self) -> Option<&FactorRow> {
        let (_, factors) = self.rows.loaded()?;
        factors.get(self.factor_table.selected_index()?)
    }

    pub fn selected_record(&self) -> Option<RecordRef> {
        match self.pane {
            DetailPane::BaseRates => self.selected_base().map(|row| {
                RecordRef::new(
                    "rating_base_rates",
                    row.id,
                    format!(
                        "{} {} {} {}",
                        self.version.effective_from,
                        row.policy_type,
                        row.vehicle_type,
                        row.usage_type
                    ),
                )
            }),
            DetailPane::Factors => self.selected_factor().map(|row| {
                RecordRef::new(
                    "rating_factors",
                    row.id,
                    format!(
                        "{} {} {}",
                        self.version.effective_from,
                        row.factor_kind,
                        band(row.lower_bound, row.upper_bound)
                    ),
                )
            }),
        }
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let [title_area, tabs_area, table_area, note_area] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(0),
            Constraint::Length(1),
        ])
        .areas(area);
        let title = format!(
            "{} {} · {}",
            tr!(ui.lang, "rating-col-effective"),
            date(ui.lang, ui.calendar, self.version.effective_from),
            self.version.description
        );
        frame.render_widget(
            Paragraph::new(Line::styled(title, ui.theme.title())),
            title_area,
        );
        let tab = |pane: DetailPane, key: &'static str| {
            let text = format!(" {} ", crate::i18n::text(ui.lang, key, &[]));
            if pane == self.pane {
                ratatui::text::Span::styled(text, ui.theme.selected())
            } else {
                ratatui::text::Span::styled(text, ui.theme.muted())
            }
        };
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                tab(DetailPane::BaseRates, key!("rating-pane-base")),
                ratatui::text::Span::raw(" "),
                tab(DetailPane::Factors, key!("rating-pane-factors")),
            ])),
            tabs_area,
        );
        let pane = self.pane;
        match ui.loaded(&self.rows, key!("loading")) {
            Err(line) => frame.render_widget(Paragraph::new(line), table_area),
            Ok(_) => match pane {
                DetailPane::BaseRates => {
                    self.base_table.render(frame, table_area, ui.lang, ui.theme)
                }
                DetailPane::Factors => self
                    .factor_table
                    .render(frame, table_area, ui.lang, ui.theme),
            },
        }
        let note = if self.locked {
            Line::styled(tr!(ui.lang, "rating-detail-locked"), ui.theme.warning())
        } else {
            Line::styled(tr!(ui.lang, "rating-detail-keys"), ui.theme.muted())
        };
        frame.render_widget(Paragraph::new(note), note_area);
    }
}

fn base_row(row: &BaseRateRow) -> TableRow {
    TableRow {
        sort_keys: vec![
            SortKey::Text(row.policy_type.clone()),
            SortKey::Text(row.vehicle_type.clone()),
            SortKey::Text(row.usage_type.clone()),
            SortKey::Number(row.base_premium),
            SortKey::Number(row.own_damage_rate),
        ],
        cells: vec![
            row.policy_type.clone(),
            row.vehicle_type.clone(),
            row.usage_type.clone(),
            crate::i18n::money(row.base_premium),
            row.own_damage_rate.normalize().to_string(),
        ],
        tone: Tone::Normal,
    }
}

fn factor_row(row: &FactorRow) -> TableRow {
    TableRow {
        sort_keys: vec![
            SortKey::Text(row.factor_kind.clone()),
            SortKey::Number(row.lower_bound),
            SortKey::Number(row.multiplier),
        ],
        cells: vec![
            row.factor_kind.clone(),
            band(row.lower_bound, row.upper_bound),
            row.multiplier.normalize().to_string(),
        ],
        tone: Tone::Normal,
    }
}

/// The versions list's rows: effective date, description, rows, state on `today`.
pub fn version_rows(
    versions: &[RatingVersion],
    today: NaiveDate,
    lang: Lang,
    calendar: Calendar,
) -> Vec<TableRow> {
    let in_force = versions
        .iter()
        .filter(|v| v.effective_from <= today)
        .map(|v| v.effective_from)
        .max();
    versions
        .iter()
        .map(|version| {
            let (state, tone) = if Some(version.effective_from) == in_force {
                (tr!(lang, "rating-state-in-force"), Tone::Good)
            } else if version.effective_from > today {
                (tr!(lang, "rating-state-future"), Tone::Warning)
            } else {
                (tr!(lang, "rating-state-past"), Tone::Normal)
            };
            TableRow {
                sort_keys: vec![
                    SortKey::Text(version.effective_from.to_string()),
                    SortKey::Text(version.description.clone()),
                    SortKey::Number(version.base_rates.into()),
                    SortKey::Text(state.clone()),
                ],
                cells: vec![
                    date(lang, calendar, version.effective_from),
                    crate::tui::widgets::text::truncate(&version.description, 36),
                    format!("{} / {}", version.base_rates, version.factors),
                    state,
                ],
                tone,
            }
        })
        .collect()
}
