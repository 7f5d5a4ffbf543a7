//! Drawing each chart with ratatui's bar charts, labelled in the reader's language.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::{ChartData, LoadedChart, month_label};
use crate::db::charts::{AgeCount, BacklogBucket, Freshness, LossMonth, PremiumMonth, StatusCount};
use crate::i18n::Lang;
use crate::tr;
use crate::tui::screens::Ui;
use crate::tui::screens::customers::labels;

pub fn chart(frame: &mut Frame, area: Rect, chart: &LoadedChart, ui: &Ui) {
    let [plot, note] = Layout::vertical([Constraint::Min(0), Constraint::Length(3)]).areas(area);
    let footnote = match &chart.figures {
        ChartData::ClaimsByStatus(rows) => claims_by_status(frame, plot, rows, ui),
        ChartData::ClaimsAgeing(rows) => claims_ageing(frame, plot, rows, ui),
        ChartData::PremiumWritten(rows) => premium_written(frame, plot, rows, ui),
        ChartData::LossRatio(rows) => loss_ratio(frame, plot, rows, ui),
        ChartData::Backlog(rows) => backlog(frame, plot, rows, ui),
    };
    let lines = vec![
        Line::styled(footnote, ui.theme.muted()),
        Line::styled(as_of(&chart.freshness, ui), ui.theme.muted()),
    ];
    frame.render_widget(
        Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: true }),
        note,
    );
}

/// "ข้อมูล ณ 30 พ.ย. 2569 14:05 (ทุก 10 นาที)": when the figures were computed.
fn as_of(freshness: &Freshness, ui: &Ui) -> String {
    tr!(
        ui.lang,
        "charts-as-of",
        when = crate::i18n::date_time(ui.lang, ui.calendar, freshness.taken),
        minutes = freshness.every_minutes
    )
}

fn titled(title: String, ui: &Ui) -> Block<'static> {
    Block::bordered().title(Line::styled(format!(" {title} "), ui.theme.title()))
}

fn claims_by_status(frame: &mut Frame, area: Rect, rows: &[StatusCount], ui: &Ui) -> String {
    let bars: Vec<Bar> = rows
        .iter()
        .map(|row| {
            Bar::default()
                .value(row.claims.max(0) as u64)
                .label(Line::from(labels::claim_status(&row.status).text(ui.lang)))
                .text_value(row.claims.to_string())
        })
        .collect();
    let total: i64 = rows.iter().map(|r| r.claims).sum();
    frame.render_widget(
        BarChart::horizontal(bars)
            .block(titled(tr!(ui.lang, "charts-claims-by-status"), ui))
            .bar_width(1)
            .bar_gap(0)
            .bar_style(ui.theme.title())
            .value_style(ui.theme.selected()),
        area,
    );
    tr!(ui.lang, "charts-claims-total", count = total)
}

fn claims_ageing(frame: &mut Frame, area: Rect, rows: &[AgeCount], ui: &Ui) -> String {
    let bars: Vec<Bar> = rows
        .iter()
        .map(|row| {
            let style = match row.bucket.as_str() {
                "90+" => ui.theme.error(),
                "31-90" => ui.theme.warning(),
                _ => ui.theme.title(),
            };
            Bar::default()
                .value(row.claims.max(0) as u64)
                .label(Line::from(tr!(
                    ui.lang,
                    "charts-days",
                    bucket = row.bucket.as_str()
                )))
                .text_value(row.claims.to_string())
                .style(style)
        })
        .collect();
    let width = bar_width(area, rows.len(), 2, 14);
    frame.render_widget(
        BarChart::vertical(bars)
            .block(titled(tr!(ui.lang, "charts-claims-ageing"), ui))
            .bar_width(width)
            .bar_gap(2)
            .value_style(ui.theme.selected()),
        area,
    );
    let open: i64 = rows.iter().map(|r| r.claims).sum();
    tr!(ui.lang, "charts-ageing-note", count = open)
}

fn premium_written(frame: &mut Frame, area: Rect, rows: &[PremiumMonth], ui: &Ui) -> String {
    let max = rows.iter().map(|r| r.premium).max().unwrap_or_default();
    let unit = Unit::for_amount(max);
    let bars: Vec<Bar> = rows
        .iter()
        .map(|row| {
            Bar::default()
                .value(unit.whole(row.premium))
                .label(Line::from(month_label(ui.lang, row.month)))
                .text_value(unit.whole(row.premium).to_string())
                .style(ui.theme.title())
        })
        .collect();
    let title = format!(
        "{} ({})",
        tr!(ui.lang, "charts-premium-written"),
        unit.name(ui.lang)
    );
    frame.render_widget(
        BarChart::vertical(bars)
            .block(titled(title, ui))
            .bar_width(bar_width(area, rows.len(), 1, 8))
            .bar_gap(1)
            .value_style(ui.theme.selected()),
        area,
    );
    let total: Decimal = rows.iter().map(|r| r.premium).sum();
    let policies: i64 = rows.iter().map(|r| r.policies).sum();
    tr!(
        ui.lang,
        "charts-premium-note",
        range = month_range(rows.iter().map(|r| r.month), ui),
        total = crate::i18n::money(total),
        policies = policies
    )
}

fn loss_ratio(frame: &mut Frame, area: Rect, rows: &[LossMonth], ui: &Ui) -> String {
    let bars: Vec<Bar> = rows
        .iter()
        .map(|row| {
            let percent = row
                .ratio
                .map(|r| (r * Decimal::ONE_HUNDRED).round().to_u64().unwrap_or(0));
            let style = match percent {
                Some(p) if p > 100 => ui.theme.error(),
                Some(p) if p > 70 => ui.theme.warning(),
                _ => ui.theme.success(),
            };
            Bar::default()
                .value(percent.unwrap_or(0))
                .label(Line::from(month_label(ui.lang, row.month)))
                .text_value(percent.map_or("–".to_string(), |p| format!("{p}%")))
                .style(style)
        })
        .collect();
    // Bars to scale, never shorter than 100 % at the top.
    let highest = rows
        .iter()
        .filter_map(|row| row.ratio)
        .map(|r| (r * Decimal::ONE_HUNDRED).round().to_u64().unwrap_or(0))
        .max()
        .unwrap_or(0);
    frame.render_widget(
        BarChart::vertical(bars)
            .block(titled(tr!(ui.lang, "charts-loss-ratio"), ui))
            .bar_width(bar_width(area, rows.len(), 1, 8))
            .bar_gap(1)
            .max(highest.max(100))
            .value_style(ui.theme.selected()),
        area,
    );
    tr!(
        ui.lang,
        "charts-loss-note",
        range = month_range(rows.iter().map(|r| r.month), ui)
    )
}

fn backlog(frame: &mut Frame, area: Rect, rows: &[BacklogBucket], ui: &Ui) -> String {
    let group = |kind: &str| {
        let bars: Vec<Bar> = rows
            .iter()
            .filter(|row| row.kind == kind)
            .map(|row| {
                let style = match row.bucket.as_str() {
                    "90+" => ui.theme.error(),
                    "31-90" => ui.theme.warning(),
                    _ => ui.theme.title(),
                };
                Bar::default()
                    .value(row.items.max(0) as u64)
                    .label(Line::from(row.bucket.clone()))
                    .text_value(row.items.to_string())
                    .style(style)
            })
            .collect::<Vec<_>>();
        BarGroup::default()
            .label(Line::from(tr!(ui.lang, "charts-backlog-kind", kind = kind)))
            .bars(&bars)
    };
    let groups = [group("unmatched_lines"), group("overdue_payments")];
    let width = bar_width(area, 9, 1, 8);
    frame.render_widget(
        BarChart::grouped(groups)
            .block(titled(tr!(ui.lang, "charts-backlog"), ui))
            .bar_width(width)
            .bar_gap(1)
            .group_gap(3)
            .value_style(ui.theme.selected()),
        area,
    );
    let sum = |kind: &str| -> (i64, Decimal) {
        rows.iter()
            .filter(|row| row.kind == kind)
            .fold((0, Decimal::ZERO), |(n, total), row| {
                (n + row.items, total + row.amount)
            })
    };
    let (lines, lines_amount) = sum("unmatched_lines");
    let (owed, owed_amount) = sum("overdue_payments");
    tr!(
        ui.lang,
        "charts-backlog-note",
        lines = lines,
        lines_amount = crate::i18n::money(lines_amount),
        owed = owed,
        owed_amount = crate::i18n::money(owed_amount)
    )
}

/// A bar's width so that `bars` fill the inside of `area` with `gap` between them.
fn bar_width(area: Rect, bars: usize, gap: u16, widest: u16) -> u16 {
    let inside = area.width.saturating_sub(2);
    let bars = bars.max(1) as u16;
    (inside.saturating_sub(gap * bars) / bars).clamp(1, widest)
}

/// "ธ.ค. 2568 – พ.ย. 2569": the months a chart covers.
fn month_range(months: impl Iterator<Item = chrono::NaiveDate> + Clone, ui: &Ui) -> String {
    let first = months.clone().min();
    let last = months.max();
    let shown = |month: chrono::NaiveDate| {
        let full = crate::i18n::date(ui.lang, ui.calendar, month);
        // "1 ธ.ค. 2568" without the day.
        full.split_once(' ')
            .map_or(full.clone(), |(_, rest)| rest.to_string())
    };
    match (first, last) {
        (Some(first), Some(last)) => format!("{} – {}", shown(first), shown(last)),
        _ => String::new(),
    }
}

/// Amounts on bars in baht, thousands or millions, whichever keeps them short.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Unit {
    Baht,
    Thousands,
    Millions,
}

impl Unit {
    fn for_amount(max: Decimal) -> Unit {
        if max < Decimal::from(100_000) {
            Unit::Baht
        } else if max < Decimal::from(100_000_000) {
            Unit::Thousands
        } else {
            Unit::Millions
        }
    }

    fn whole(self, amount: Decimal) -> u64 {
        let divisor = match self {
            Unit::Baht => Decimal::ONE,
            Unit::Thousands => Decimal::from(1_000),
            Unit::Millions => Decimal::from(1_000_000),
        };
        (amount / divisor).round().to_u64().unwrap_or(0)
    }

    fn name(self, lang: Lang) -> String {
        let unit = match self {
            Unit::Baht => "baht",
            Unit::Thousands => "thousands",
            Unit::Millions => "millions",
        };
        tr!(lang, "charts-unit", unit = unit)
    }
}
