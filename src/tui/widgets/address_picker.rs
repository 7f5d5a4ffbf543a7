//! Choosing a place, one level at a time: province → amphoe (khet in Bangkok) → tambon
//! (khwaeng) → postcode when the tambon has several. Typing narrows each list in Thai or
//! English; Enter goes down a level, Backspace on an empty query or Esc goes back up. The
//! geography is the bundled one: nothing waits for the server.

use crossterm::event::{Event, KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::picker::{Picker, PickerItem};
use crate::db::geo::{Geography, Place};
use crate::i18n::Lang;
use crate::key;
use crate::tui::theme::Theme;

/// Bangkok's province code: its amphoes are khet and its tambons khwaeng.
const BANGKOK: &str = "10";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Level {
    Province,
    Amphoe,
    Tambon,
    Postcode,
}

/// What was chosen: a tambon and its postcode, or (for plates) just a province.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chosen {
    Tambon {
        tambon_code: String,
        postal_code: String,
    },
    Province(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Still choosing.
    Open,
    Chosen(Chosen),
    Cancelled,
}

#[derive(Debug, Clone)]
pub struct AddressPicker {
    pub level: Level,
    /// Stop at the province (a plate's registration province).
    province_only: bool,
    province: Option<String>,
    amphoe: Option<String>,
    tambon: Option<String>,
    pub picker: Picker<String>,
}

fn item(place: &Place, lang: Lang) -> PickerItem<String> {
    let (label, detail) = match lang {
        Lang::Th => (place.name_th.clone(), place.name_en.clone()),
        Lang::En => (place.name_en.clone(), place.name_th.clone()),
    };
    PickerItem {
        label,
        detail,
        words: vec![place.name_th.clone(), place.name_en.clone()],
        value: place.code.clone(),
    }
}

impl AddressPicker {
    /// A picker for a whole address, down to the postcode.
    pub fn address(lang: Lang) -> AddressPicker {
        AddressPicker {
            level: Level::Province,
            province_only: false,
            province: None,
            amphoe: None,
            tambon: None,
            picker: Self::provinces(lang),
        }
    }

    /// A picker for a province alone.
    pub fn province(lang: Lang) -> AddressPicker {
        AddressPicker {
            province_only: true,
            ..AddressPicker::address(lang)
        }
    }

    fn provinces(lang: Lang) -> Picker<String> {
        let geography = Geography::bundled();
        let mut items: Vec<PickerItem<String>> =
            geography.provinces.iter().map(|p| item(p, lang)).collect();
        items.sort_by(|a, b| a.label.cmp(&b.label));
        Picker::new(items)
    }

    fn amphoes(province: &str, lang: Lang) -> Picker<String> {
        let geography = Geography::bundled();
        let mut items: Vec<PickerItem<String>> = geography
            .amphoes_of(province)
            .map(|a| item(a, lang))
            .collect();
        items.sort_by(|a, b| a.label.cmp(&b.label));
        Picker::new(items)
    }

    fn tambons(amphoe: &str, lang: Lang) -> Picker<String> {
        let geography = Geography::bundled();
        let mut items: Vec<PickerItem<String>> = geography
            .tambons_of(amphoe)
            .map(|t| PickerItem {
                detail: format!(
                    "{} · {}",
                    item(&t.place, lang).detail,
                    t.postal_codes.join(", ")
                ),
                ..item(&t.place, lang)
            })
            .collect();
        items.sort_by(|a, b| a.label.cmp(&b.label));
        Picker::new(items)
    }

    fn postcodes(codes: &[String]) -> Picker<String> {
        Picker::new(
            codes
                .iter()
                .map(|code| PickerItem {
                    label: code.clone(),
                    detail: String::new(),
                    words: vec![code.clone()],
                    value: code.clone(),
                })
                .collect(),
        )
    }

    pub fn key(&mut self, key: &KeyEvent, lang: Lang) -> Outcome {
        match key.code {
            KeyCode::Esc => self.back(lang),
            KeyCode::Backspace if self.picker.query().is_empty() => self.back(lang),
            KeyCode::Enter => self.choose(lang),
            KeyCode::Up => {
                self.picker.up();
                Outcome::Open
            }
            KeyCode::Down => {
                self.picker.down();
                Outcome::Open
            }
            _ => {
                self.picker.edit(&Event::Key(*key));
                Outcome::Open
            }
        }
    }

    pub fn paste(&mut self, text: &str) {
        self.picker.edit(&Event::Paste(text.to_string()));
    }

    fn back(&mut self, lang: Lang) -> Outcome {
        match self.level {
            Level::Province => return Outcome::Cancelled,
            Level::Amphoe => {
                self.level = Level::Province;
                self.picker = Self::provinces(lang);
            }
            Level::Tambon => {
                self.level = Level::Amphoe;
                self.picker = Self::amphoes(self.province.as_deref().unwrap_or_default(), lang);
            }
            Level::Postcode => {
                self.level = Level::Tambon;
                self.picker = Self::tambons(self.amphoe.as_deref().unwrap_or_default(), lang);
            }
        }
        Outcome::Open
    }

    fn choose(&mut self, lang: Lang) -> Outcome {
        let Some(code) = self.picker.chosen().map(|item| item.value.clone()) else {
            return Outcome::Open;
        };
        match self.level {
            Level::Province if self.province_only => Outcome::Chosen(Chosen::Province(code)),
            Level::Province => {
                self.picker = Self::amphoes(&code, lang);
                self.province = Some(code);
                self.level = Level::Amphoe;
                Outcome::Open
            }
            Level::Amphoe => {
                self.picker = Self::tambons(&code, lang);
                self.amphoe = Some(code);
                self.level = Level::Tambon;
                Outcome::Open
            }
            Level::Tambon => {
                let codes = Geography::bundled()
                    .tambon(&code)
                    .map(|t| t.postal_codes.clone())
                    .unwrap_or_default();
                if codes.len() == 1 {
                    return Outcome::Chosen(Chosen::Tambon {
                        tambon_code: code,
                        postal_code: codes[0].clone(),
                    });
                }
                self.picker = Self::postcodes(&codes);
                self.tambon = Some(code);
                self.level = Level::Postcode;
                Outcome::Open
            }
            Level::Postcode => Outcome::Chosen(Chosen::Tambon {
                tambon_code: self.tambon.clone().unwrap_or_default(),
                postal_code: code,
            }),
        }
    }

    /// Message key of what is being chosen now (khet and khwaeng in Bangkok).
    pub fn prompt_key(&self) -> &'static str {
        let bangkok = self.province.as_deref() == Some(BANGKOK);
        match (&self.level, bangkok) {
            (Level::Province, _) => key!("picker-province"),
            (Level::Amphoe, true) => key!("picker-khet"),
            (Level::Amphoe, false) => key!("picker-amphoe"),
            (Level::Tambon, true) => key!("picker-khwaeng"),
            (Level::Tambon, false) => key!("picker-tambon"),
            (Level::Postcode, _) => key!("picker-postcode"),
        }
    }

    /// The levels chosen so far, as a breadcrumb.
    pub fn path(&self, lang: Lang) -> String {
        let geography = Geography::bundled();
        let name = |place: Option<&Place>| {
            place.map(|p| match lang {
                Lang::Th => p.name_th.clone(),
                Lang::En => p.name_en.clone(),
            })
        };
        [
            name(self.province.as_deref().and_then(|c| geography.province(c))),
            name(self.amphoe.as_deref().and_then(|c| geography.amphoe(c))),
            name(
                self.tambon
                    .as_deref()
                    .and_then(|c| geography.tambon(c))
                    .map(|t| &t.place),
            ),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" › ")
    }

    /// The breadcrumb, then the query line and the narrowed list.
    pub fn render(&self, frame: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        let path = self.path(lang);
        let crumb = if path.is_empty() {
            crate::i18n::text(lang, key!("picker-hint"), &[])
        } else {
            path
        };
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(crumb, theme.muted()))),
            Rect { height: 1, ..area },
        );
        let prompt = format!("{}: ", crate::i18n::text(lang, self.prompt_key(), &[]));
        self.picker.render(
            frame,
            Rect {
                y: area.y + 1,
                height: area.height.saturating_sub(1),
                ..area
            },
            theme,
            &prompt,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;

    fn press(picker: &mut AddressPicker, code: KeyCode) -> Outcome {
        picker.key(&KeyEvent::new(code, KeyModifiers::NONE), Lang::Th)
    }

    fn typed(picker: &mut AddressPicker, text: &str) {
        for c in text.chars() {
            press(picker, KeyCode::Char(c));
        }
    }

    #[test]
    fn bangkok_down_to_a_khwaeng_in_thai() {
        let mut picker = AddressPicker::address(Lang::Th);
        typed(&mut picker, "กรุงเทพ");
        assert_eq!(picker.picker.chosen().unwrap().value, "10");
        press(&mut picker, KeyCode::Enter);
        assert_eq!(picker.prompt_key(), "picker-khet");
        typed(&mut picker, "พระนคร");
        assert_eq!(picker.picker.chosen().unwrap().value, "1001");
        press(&mut picker, KeyCode::Enter);
        assert_eq!(picker.prompt_key(), "picker-khwaeng");
        typed(&mut picker, "พระบรม");
        assert_eq!(
            press(&mut picker, KeyCode::Enter),
            Outcome::Chosen(Chosen::Tambon {
                tambon_code: "100101".into(),
                postal_code: "10200".into()
            })
        );
    }

    #[test]
    fn up_country_in_english_with_a_postcode_choice_and_going_back() {
        let geography = Geography::bundled();
        let tambon = geography
            .tambons
            .iter()
            .find(|t| t.postal_codes.len() > 1)
            .expect("a tambon with two postcodes");
        let amphoe = geography.amphoe(&tambon.amphoe_code).unwrap();
        let province = geography.province(&tambon.amphoe_code[..2]).unwrap();
        let mut picker = AddressPicker::address(Lang::En);
        let pick = |picker: &mut AddressPicker, place: &Place| {
            typed(picker, &place.name_en.to_lowercase());
            let position = picker
                .picker
                .matches()
                .iter()
                .position(|m| m.value == place.code)
                .expect("the place is listed");
            for _ in 0..position {
                press(picker, KeyCode::Down);
            }
            press(picker, KeyCode::Enter)
        };
        pick(&mut picker, province);
        assert_eq!(picker.level, Level::Amphoe);
        // Backspace on an empty query goes back to the provinces.
        press(&mut picker, KeyCode::Backspace);
        assert_eq!(picker.level, Level::Province);
        pick(&mut picker, province);
        pick(&mut picker, amphoe);
        assert_eq!(pick(&mut picker, &tambon.place), Outcome::Open);
        assert_eq!(picker.level, Level::Postcode);
        press(&mut picker, KeyCode::Down);
        assert_eq!(
            press(&mut picker, KeyCode::Enter),
            Outcome::Chosen(Chosen::Tambon {
                tambon_code: tambon.place.code.clone(),
                postal_code: tambon.postal_codes[1].clone()
            })
        );
    }

    #[test]
    fn a_province_alone_for_a_plate() {
        let mut picker = AddressPicker::province(Lang::En);
        typed(&mut picker, "chiang m");
        assert_eq!(
            press(&mut picker, KeyCode::Enter),
            Outcome::Chosen(Chosen::Province("50".into()))
        );
        let mut picker = AddressPicker::province(Lang::Th);
        assert_eq!(press(&mut picker, KeyCode::Esc), Outcome::Cancelled);
    }
}
