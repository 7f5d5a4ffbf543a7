//! Charts for each team's lead: claims by status and by age (adjusters), premium written
//! and loss ratio per month (underwriters), the reconciliation backlog (finance); auditors
//! and administrators see them all. Tab moves between the charts this person may see;
//! each is loaded when the screen opens. The figures come from SQL functions that return
//! aggregates only (`db::charts`), served from snapshots at most CHART_SNAPSHOT_MINUTES
//! old; under each chart a line says when its figures were computed.

pub mod draw;
pub mod work;

use chrono::Datelike;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::db::charts::{
    self, AgeCount, BacklogBucket, Freshness, LossMonth, PremiumMonth, StatusCount,
};
use crate::domain::staff::GroupRole;
use crate::tui::keymap::{Action, Context};
use crate::tui::remote::{Remote, RequestCounter};
use crate::tui::screens::Ui;
use crate::{key, tr};

use work::{ChartsCmd, ChartsMsg};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartKind {
    ClaimsByStatus,
    ClaimsAgeing,
    PremiumWritten,
    LossRatio,
    Backlog,
}

impl ChartKind {
    pub const ALL: [ChartKind; 5] = [
        ChartKind::ClaimsByStatus,
        ChartKind::ClaimsAgeing,
        ChartKind::PremiumWritten,
        ChartKind::LossRatio,
        ChartKind::Backlog,
    ];

    /// The groups that see this chart (the SQL functions grant the same).
    pub fn groups(self) -> &'static [GroupRole] {
        match self {
            ChartKind::ClaimsByStatus | ChartKind::ClaimsAgeing => {
                &[GroupRole::Adjuster, GroupRole::Auditor, GroupRole::Admin]
            }
            ChartKind::PremiumWritten | ChartKind::LossRatio => {
                &[GroupRole::Underwriter, GroupRole::Auditor, GroupRole::Admin]
            }
            ChartKind::Backlog => &[GroupRole::Finance, GroupRole::Auditor, GroupRole::Admin],
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            ChartKind::ClaimsByStatus => key!("charts-claims-by-status"),
            ChartKind::ClaimsAgeing => key!("charts-claims-ageing"),
            ChartKind::PremiumWritten => key!("charts-premium-written"),
            ChartKind::LossRatio => key!("charts-loss-ratio"),
            ChartKind::Backlog => key!("charts-backlog"),
        }
    }

    /// The short name on the chart's tab.
    pub fn tab(self) -> &'static str {
        match self {
            ChartKind::ClaimsByStatus => key!("charts-tab-status"),
            ChartKind::ClaimsAgeing => key!("charts-tab-ageing"),
            ChartKind::PremiumWritten => key!("charts-tab-premium"),
            ChartKind::LossRatio => key!("charts-tab-loss-ratio"),
            ChartKind::Backlog => key!("charts-tab-backlog"),
        }
    }

    /// Its snapshot in the database.
    pub fn snapshot(self) -> charts::Snapshot {
        match self {
            ChartKind::ClaimsByStatus => charts::CLAIMS_BY_STATUS,
            ChartKind::ClaimsAgeing => charts::CLAIMS_AGEING,
            ChartKind::PremiumWritten => charts::PREMIUM_WRITTEN,
            ChartKind::LossRatio => charts::LOSS_RATIO,
            ChartKind::Backlog => charts::RECONCILIATION_BACKLOG,
        }
    }

    /// The charts someone in `groups` sees, in order.
    pub fn for_groups(groups: &[GroupRole]) -> Vec<ChartKind> {
        ChartKind::ALL
            .into_iter()
            .filter(|kind| kind.groups().iter().any(|g| groups.contains(g)))
            .collect()
    }
}

/// One chart's figures.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartData {
    ClaimsByStatus(Vec<StatusCount>),
    ClaimsAgeing(Vec<AgeCount>),
    PremiumWritten(Vec<PremiumMonth>),
    LossRatio(Vec<LossMonth>),
    Backlog(Vec<BacklogBucket>),
}

/// A chart as loaded: its figures and when they were computed.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedChart {
    pub figures: ChartData,
    pub freshness: Freshness,
}

#[derive(Debug, Default)]
pub struct Outcome {
    pub cmds: Vec<ChartsCmd>,
    pub lost_connection: bool,
}

#[derive(Debug, Clone)]
pub struct ChartsScreen {
    /// The charts this person sees, each with its figures.
    pub charts: Vec<(ChartKind, Remote<LoadedChart>)>,
    pub current: usize,
    pub request: RequestCounter,
}

impl ChartsScreen {
    pub fn new(groups: &[GroupRole]) -> ChartsScreen {
        ChartsScreen {
            charts: ChartKind::for_groups(groups)
                .into_iter()
                .map(|kind| (kind, Remote::Idle))
                .collect(),
            current: 0,
            request: RequestCounter::default(),
        }
    }

    pub fn context(&self) -> Context {
        Context::Charts
    }

    pub fn hints(&self) -> Vec<Action> {
        vec![Action::NextTab, Action::Refresh, Action::Back]
    }

    pub fn is_busy(&self) -> bool {
        self.charts.iter().any(|(_, data)| data.is_loading())
    }

    /// Loads every chart this person sees (one request number for the lot).
    pub fn reload(&mut self) -> Outcome {
        let request = self.request.issue();
        let cmds = self
            .charts
            .iter_mut()
            .map(|(kind, data)| {
                if data.loaded().is_none() {
                    *data = Remote::Loading;
                }
                ChartsCmd::Load {
                    request,
                    kind: *kind,
                }
            })
            .collect();
        Outcome {
            cmds,
            ..Outcome::default()
        }
    }

    pub fn key(&mut self, _key: &KeyEvent, action: Option<Action>) -> Outcome {
        let count = self.charts.len().max(1);
        match action {
            Some(Action::NextTab) => self.current = (self.current + 1) % count,
            Some(Action::PrevTab) => self.current = (self.current + count - 1) % count,
            Some(Action::Refresh) => return self.reload(),
            _ => {}
        }
        Outcome::default()
    }

    pub fn on_msg(&mut self, msg: ChartsMsg) -> Outcome {
        let ChartsMsg::Loaded {
            request,
            kind,
            result,
        } = msg;
        let lost_connection = result
            .as_ref()
            .err()
            .is_some_and(crate::db::error::is_connection_problem);
        if self.request.is_latest(request)
            && let Some((_, data)) = self.charts.iter_mut().find(|(k, _)| *k == kind)
        {
            match result {
                Ok(chart) => *data = Remote::Loaded(chart),
                Err(_) if lost_connection && data.loaded().is_some() => {}
                Err(error) => *data = Remote::Failed(crate::db::error::message(&error)),
            }
        }
        Outcome {
            lost_connection,
            ..Outcome::default()
        }
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let Some((_, data)) = self.charts.get(self.current) else {
            frame.render_widget(
                Paragraph::new(Line::styled(tr!(ui.lang, "charts-none"), ui.theme.muted())),
                area,
            );
            return;
        };
        frame.render_widget(Paragraph::new(self.tabs(ui)), Rect { height: 1, ..area });
        let body = Rect {
            y: area.y + 2,
            height: area.height.saturating_sub(2),
            ..area
        };
        match ui.loaded(data, key!("loading")) {
            Err(line) => frame.render_widget(Paragraph::new(line), body),
            Ok(chart) => draw::chart(frame, body, chart, ui),
        }
    }

    fn tabs(&self, ui: &Ui) -> Line<'static> {
        let mut spans = Vec::new();
        for (index, (kind, _)) in self.charts.iter().enumerate() {
            let title = format!(" {} ", crate::i18n::text(ui.lang, kind.tab(), &[]));
            let style = if index == self.current {
                ui.theme.selected()
            } else {
                ui.theme.muted()
            };
            spans.push(Span::styled(title, style));
            spans.push(Span::raw(" "));
        }
        Line::from(spans)
    }
}

/// "พ.ย." / "Nov": a month's short name for a bar's label.
pub fn month_label(lang: crate::i18n::Lang, month: chrono::NaiveDate) -> String {
    let index = month.month0() as usize;
    match lang {
        crate::i18n::Lang::Th => crate::i18n::format::THAI_MONTHS_SHORT[index].to_string(),
        crate::i18n::Lang::En => crate::i18n::format::ENGLISH_MONTHS_SHORT[index].to_string(),
    }
}
