//! Home: the screens this person may open, and the figures that matter to their role,
//! counted as them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::Ui;
use crate::db::home::{Figure, FigureValue};
use crate::db::session::StaffIdentity;
use crate::domain::staff::GroupRole;
use crate::i18n::money;
use crate::tr;
use crate::tui::access::{self, ScreenId};
use crate::tui::remote::{Remote, RequestCounter};
use crate::tui::widgets::{spinner, text};

pub type RoleFigures = Vec<(GroupRole, Vec<Figure>)>;

#[derive(Debug, Clone)]
pub struct HomeScreen {
    pub menu: Vec<ScreenId>,
    pub selected: usize,
    pub figures: Remote<RoleFigures>,
    pub request: RequestCounter,
}

impl HomeScreen {
    pub fn new(groups: &[GroupRole]) -> HomeScreen {
        HomeScreen {
            menu: access::menu(groups),
            selected: 0,
            figures: Remote::Idle,
            request: RequestCounter::default(),
        }
    }

    pub fn up(&mut self) {
        self.selected = self.selected.saturating_sub(1);
    }

    pub fn down(&mut self) {
        self.selected = (self.selected + 1).min(self.menu.len().saturating_sub(1));
    }

    pub fn chosen(&self) -> Option<ScreenId> {
        self.menu.get(self.selected).copied()
    }

    /// The menu entry a digit key names (1 is the first).
    pub fn numbered(&self, digit: char) -> Option<ScreenId> {
        let n = digit.to_digit(10)? as usize;
        n.checked_sub(1).and_then(|i| self.menu.get(i)).copied()
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, ui: &Ui, staff: &StaffIdentity) {
        let [greeting_area, body] =
            Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(area);
        let roles: Vec<String> = staff
            .groups
            .iter()
            .map(|g| crate::i18n::role_name(ui.lang, *g))
            .collect();
        let greeting = Line::from(vec![
            Span::styled(
                tr!(ui.lang, "home-greeting", name = staff.display_name()),
                ui.theme.title(),
            ),
            Span::styled(format!("  · {}", roles.join(", ")), ui.theme.muted()),
        ]);
        frame.render_widget(Paragraph::new(greeting), greeting_area);

        let menu_width = self
            .menu
            .iter()
            .map(|s| text::width(&crate::i18n::text(ui.lang, access::entry(*s).title, &[])) + 6)
            .max()
            .unwrap_or(10)
            .max(text::width(&tr!(ui.lang, "home-menu")) + 4) as u16;
        let [menu_area, figures_area] = Layout::horizontal([
            Constraint::Length(menu_width.min(body.width / 2)),
            Constraint::Min(0),
        ])
        .areas(body);
        self.render_menu(frame, menu_area, ui);
        self.render_figures(frame, figures_area, ui);
    }

    fn render_menu(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let lines: Vec<Line> = self
            .menu
            .iter()
            .enumerate()
            .map(|(i, screen)| {
                let label = format!(
                    " {} {}",
                    i + 1,
                    crate::i18n::text(ui.lang, access::entry(*screen).title, &[])
                );
                if i == self.selected {
                    Line::styled(label, ui.theme.selected())
                } else {
                    Line::from(label)
                }
            })
            .collect();
        let block = Block::bordered().title(Line::styled(
            format!(" {} ", tr!(ui.lang, "home-menu")),
            ui.theme.title(),
        ));
        frame.render_widget(Paragraph::new(lines).block(block), area);
    }

    fn render_figures(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let block = Block::bordered().title(Line::styled(
            format!(" {} ", tr!(ui.lang, "home-figures")),
            ui.theme.title(),
        ));
        let inner_width = area.width.saturating_sub(2) as usize;
        let lines: Vec<Line> = match &self.figures {
            Remote::Idle | Remote::Loading => {
                vec![Line::styled(
                    format!("{} {}", spinner(ui.tick), tr!(ui.lang, "loading")),
                    ui.theme.muted(),
                )]
            }
            Remote::Failed(message) => vec![Line::styled(message.text(ui.lang), ui.theme.error())],
            Remote::Loaded(groups) => {
                let mut lines = Vec::new();
                for (group, figures) in groups {
                    if groups.len() > 1 {
                        lines.push(Line::styled(
                            crate::i18n::role_name(ui.lang, *group),
                            ui.theme.muted(),
                        ));
                    }
                    for figure in figures {
                        let label = crate::i18n::text(ui.lang, figure.label, &[]);
                        let value = match &figure.value {
                            FigureValue::Count(n) => n.to_string(),
                            FigureValue::Money(amount) => money(*amount),
                        };
                        let value_width = text::width(&value);
                        let label =
                            text::truncate(&label, inner_width.saturating_sub(value_width + 3));
                        let gap = inner_width
                            .saturating_sub(text::width(&label) + value_width + 2)
                            .max(1);
                        lines.push(Line::from(vec![
                            Span::raw(format!(" {label}")),
                            Span::raw(" ".repeat(gap)),
                            Span::styled(value, ui.theme.title()),
                        ]));
                    }
                }
                lines
            }
        };
        frame.render_widget(Paragraph::new(lines).block(block), area);
    }
}
