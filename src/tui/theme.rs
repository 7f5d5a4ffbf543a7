//! Colours, overridable in the config file's [theme] table by name or #rrggbb.

use std::collections::HashMap;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub accent: Color,
    pub text: Color,
    pub muted: Color,
    pub error: Color,
    pub success: Color,
    pub warning: Color,
    pub selection: Color,
    pub bar: Color,
}

impl Default for Theme {
    fn default() -> Theme {
        Theme {
            accent: Color::Cyan,
            text: Color::Reset,
            muted: Color::DarkGray,
            error: Color::LightRed,
            success: Color::LightGreen,
            warning: Color::Yellow,
            selection: Color::Blue,
            bar: Color::Indexed(236),
        }
    }
}

impl Theme {
    /// The default theme with the colours the config names. Unknown names are reported.
    pub fn with_overrides(overrides: &HashMap<String, String>) -> Result<Theme, String> {
        let mut theme = Theme::default();
        for (name, value) in overrides {
            let color = Color::from_str(value).map_err(|_| format!("{name} = {value}"))?;
            let slot = match name.as_str() {
                "accent" => &mut theme.accent,
                "text" => &mut theme.text,
                "muted" => &mut theme.muted,
                "error" => &mut theme.error,
                "success" => &mut theme.success,
                "warning" => &mut theme.warning,
                "selection" => &mut theme.selection,
                "bar" => &mut theme.bar,
                _ => return Err(format!("{name} = {value}")),
            };
            *slot = color;
        }
        Ok(theme)
    }

    pub fn title(&self) -> Style {
        Style::new().fg(self.accent).add_modifier(Modifier::BOLD)
    }

    pub fn muted(&self) -> Style {
        Style::new().fg(self.muted)
    }

    pub fn error(&self) -> Style {
        Style::new().fg(self.error)
    }

    pub fn success(&self) -> Style {
        Style::new().fg(self.success)
    }

    pub fn warning(&self) -> Style {
        Style::new().fg(self.warning)
    }

    pub fn selected(&self) -> Style {
        Style::new().bg(self.selection).add_modifier(Modifier::BOLD)
    }

    pub fn bar(&self) -> Style {
        Style::new().bg(self.bar)
    }
}
