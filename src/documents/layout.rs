//! A small page layout on top of krilla: A4 pages drawn top to bottom with a cursor, text
//! shaped by rustybuzz (Thai vowels and tone marks placed by the font's own GSUB/GPOS
//! rules) in Sarabun, wrapped at spaces, labelled fields, section bands and tables, and a
//! page footer. Everything is collected first and drawn at `finish`, when the number of
//! pages is known.

use std::sync::OnceLock;

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use unicode_segmentation::UnicodeSegmentation;

/// A4 in PostScript points.
pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
pub const MARGIN: f32 = 42.0;
pub const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
/// Room kept at the bottom of each page for the footer.
const FOOTER_ROOM: f32 = 34.0;
/// Thai stacks marks above and below the line, so lines are set loosely.
const LINE_FACTOR: f32 = 1.45;
const CELL_PADDING: f32 = 4.0;

const SARABUN_REGULAR: &[u8] = include_bytes!("../../assets/fonts/Sarabun-Regular.ttf");
const SARABUN_BOLD: &[u8] = include_bytes!("../../assets/fonts/Sarabun-Bold.ttf");

pub const BLACK: (u8, u8, u8) = (0, 0, 0);
pub const GREY: (u8, u8, u8) = (90, 90, 90);
pub const RED: (u8, u8, u8) = (190, 20, 20);
const BAND: (u8, u8, u8) = (228, 232, 240);
const RULE: (u8, u8, u8) = (150, 150, 150);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Center,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub size: f32,
    pub weight: Weight,
    pub color: (u8, u8, u8),
}

impl Style {
    pub const fn regular(size: f32) -> Style {
        Style {
            size,
            weight: Weight::Regular,
            color: BLACK,
        }
    }

    pub const fn bold(size: f32) -> Style {
        Style {
            size,
            weight: Weight::Bold,
            color: BLACK,
        }
    }

    pub const fn colored(self, color: (u8, u8, u8)) -> Style {
        Style { color, ..self }
    }

    pub fn line_height(self) -> f32 {
        self.size * LINE_FACTOR
    }
}

/// Field labels: small and grey above their value.
pub const LABEL: Style = Style::regular(7.5).colored(GREY);
pub const VALUE: Style = Style::regular(10.0);
pub const VALUE_BOLD: Style = Style::bold(10.0);

struct Fonts {
    regular: Font,
    bold: Font,
    regular_face: rustybuzz::Face<'static>,
    bold_face: rustybuzz::Face<'static>,
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| Fonts {
        regular: Font::new(SARABUN_REGULAR.into(), 0).expect("the bundled Sarabun Regular"),
        bold: Font::new(SARABUN_BOLD.into(), 0).expect("the bundled Sarabun Bold"),
        regular_face: rustybuzz::Face::from_slice(SARABUN_REGULAR, 0)
            .expect("the bundled Sarabun Regular"),
        bold_face: rustybuzz::Face::from_slice(SARABUN_BOLD, 0).expect("the bundled Sarabun Bold"),
    })
}

/// The glyphs of a text in one font, positioned by the shaper (advances in ems).
fn shape(text: &str, weight: Weight) -> Vec<KrillaGlyph> {
    let fonts = fonts();
    let face = match weight {
        Weight::Regular => &fonts.regular_face,
        Weight::Bold => &fonts.bold_face,
    };
    let units_per_em = face.units_per_em() as f32;
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    let output = rustybuzz::shape(face, &[], buffer);
    let infos = output.glyph_infos();
    let positions = output.glyph_positions();
    (0..output.len())
        .map(|i| {
            let start = infos[i].cluster as usize;
            // A cluster's text runs to the next glyph of another cluster.
            let end = infos[i..]
                .iter()
                .map(|info| info.cluster as usize)
                .find(|&cluster| cluster > start)
                .unwrap_or(text.len());
            KrillaGlyph::new(
                GlyphId::new(infos[i].glyph_id),
                positions[i].x_advance as f32 / units_per_em,
                positions[i].x_offset as f32 / units_per_em,
                positions[i].y_offset as f32 / units_per_em,
                positions[i].y_advance as f32 / units_per_em,
                start..end,
                None,
            )
        })
        .collect()
}

/// How wide a text is set in a style, in points.
pub fn text_width(text: &str, style: Style) -> f32 {
    shape(text, style.weight)
        .iter()
        .map(|glyph| glyph.x_advance)
        .sum::<f32>()
        * style.size
}

/// Lines of at most `width` points: broken at spaces, and inside a word too long for a
/// line between its characters (a Thai character keeps its marks).
pub fn wrap(text: &str, style: Style, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let candidate = match line.is_empty() {
                true => word.to_string(),
                false => format!("{line} {word}"),
            };
            if text_width(&candidate, style) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            for grapheme in word.graphemes(true) {
                let longer = format!("{line}{grapheme}");
                if !line.is_empty() && text_width(&longer, style) > width {
                    lines.push(std::mem::replace(&mut line, grapheme.to_string()));
                } else {
                    line = longer;
                }
            }
        }
        lines.push(line);
    }
    lines
}

enum Item {
    Text {
        x: f32,
        baseline: f32,
        style: Style,
        text: String,
    },
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        color: (u8, u8, u8),
    },
    Fill {
        rect: (f32, f32, f32, f32),
        color: (u8, u8, u8),
    },
    Frame {
        rect: (f32, f32, f32, f32),
        width: f32,
        color: (u8, u8, u8),
    },
}

/// A table column: its header (lines separated by '\n'), width in points and alignment.
pub struct Column {
    pub header: String,
    pub width: f32,
    pub align: Align,
}

/// A document being laid out: pages of items, and the cursor's height on the last page.
pub struct Layout {
    pages: Vec<Vec<Item>>,
    y: f32,
    /// Left of each page's footer (the document's title and number); the page number is
    /// added on the right.
    footer: String,
    /// "Page {n} / {total}" with the two numbers filled in at the end.
    page_label: Box<dyn Fn(usize, usize) -> String>,
}

impl Layout {
    pub fn new(footer: String, page_label: Box<dyn Fn(usize, usize) -> String>) -> Layout {
        Layout {
            pages: vec![Vec::new()],
            y: MARGIN,
            footer,
            page_label,
        }
    }

    /// The cursor: where the next line's top is.
    pub fn y(&self) -> f32 {
        self.y
    }

    pub fn set_y(&mut self, y: f32) {
        self.y = y;
    }

    pub fn gap(&mut self, height: f32) {
        self.y += height;
    }

    /// Starts a new page when fewer than `height` points are left on this one.
    pub fn ensure(&mut self, height: f32) {
        if self.y + height > PAGE_HEIGHT - MARGIN - FOOTER_ROOM {
            self.pages.push(Vec::new());
            self.y = MARGIN;
        }
    }

    fn push(&mut self, item: Item) {
        self.pages
            .last_mut()
            .expect("a layout always has a page")
            .push(item);
    }

    /// One line of text whose top is at `top`, placed by `align` against `x` (its left,
    /// right or centre).
    pub fn text_at(&mut self, x: f32, top: f32, style: Style, align: Align, text: &str) {
        if text.is_empty() {
            return;
        }
        let left = match align {
            Align::Left => x,
            Align::Right => x - text_width(text, style),
            Align::Center => x - text_width(text, style) / 2.0,
        };
        self.push(Item::Text {
            x: left,
            baseline: top + style.size * 1.1,
            style,
            text: text.to_string(),
        });
    }

    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), width: f32) {
        self.push(Item::Line {
            from,
            to,
            width,
            color: RULE,
        });
    }

    pub fn frame(&mut self, rect: (f32, f32, f32, f32), width: f32, color: (u8, u8, u8)) {
        self.push(Item::Frame { rect, width, color });
    }

    /// A rule across the page under the cursor.
    pub fn rule(&mut self) {
        let y = self.y;
        self.line((MARGIN, y), (PAGE_WIDTH - MARGIN, y), 0.6);
        self.gap(6.0);
    }

    /// Text wrapped into `width` from `x`, moving the cursor below it.
    pub fn paragraph(&mut self, x: f32, width: f32, style: Style, align: Align, text: &str) {
        for line in wrap(text, style, width) {
            self.ensure(style.line_height());
            let anchor = match align {
                Align::Left => x,
                Align::Right => x + width,
                Align::Center => x + width / 2.0,
            };
            let top = self.y;
            self.text_at(anchor, top, style, align, &line);
            self.gap(style.line_height());
        }
    }

    /// A section's title on a tinted band across the page.
    pub fn section(&mut self, title: &str) {
        let style = Style::bold(10.0);
        let height = style.line_height() + 4.0;
        self.ensure(height + 3.0 * VALUE.line_height());
        let top = self.y;
        self.push(Item::Fill {
            rect: (MARGIN, top, CONTENT_WIDTH, height),
            color: BAND,
        });
        self.text_at(MARGIN + CELL_PADDING, top + 2.0, style, Align::Left, title);
        self.gap(height + 4.0);
    }

    /// Labelled values in `columns` equal columns, row by row: each label small above its
    /// value.
    pub fn fields(&mut self, columns: usize, fields: &[(String, String)]) {
        let column_width = CONTENT_WIDTH / columns as f32;
        for row in fields.chunks(columns) {
            let wrapped: Vec<Vec<String>> = row
                .iter()
                .map(|(_, value)| wrap(value, VALUE, column_width - 2.0 * CELL_PADDING))
                .collect();
            let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1);
            let height = LABEL.line_height() + lines as f32 * VALUE.line_height() + 3.0;
            self.ensure(height);
            let top = self.y;
            for (i, ((label, _), value_lines)) in row.iter().zip(&wrapped).enumerate() {
                let x = MARGIN + i as f32 * column_width + CELL_PADDING;
                self.text_at(x, top, LABEL, Align::Left, label);
                for (n, line) in value_lines.iter().enumerate() {
                    let line_top = top + LABEL.line_height() + n as f32 * VALUE.line_height();
                    self.text_at(x, line_top, VALUE, Align::Left, line);
                }
            }
            self.gap(height);
        }
    }

    /// A table with a tinted header; cells wrap within their column, and a table longer
    /// than the page continues on the next one under its header again.
    pub fn table(&mut self, columns: &[Column], rows: &[Vec<String>]) {
        self.table_header(columns);
        for row in rows {
            let wrapped: Vec<Vec<String>> = columns
                .iter()
                .zip(row)
                .map(|(column, cell)| wrap(cell, VALUE, column.width - 2.0 * CELL_PADDING))
                .collect();
            let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1);
            let height = lines as f32 * VALUE.line_height() + 2.0;
            if self.y + height > PAGE_HEIGHT - MARGIN - FOOTER_ROOM {
                self.ensure(height);
                self.table_header(columns);
            }
            let top = self.y;
            self.cells(columns, &wrapped, top, VALUE);
            self.gap(height);
            let y = self.y;
            self.line((MARGIN, y), (MARGIN + table_width(columns), y), 0.3);
        }
        self.gap(4.0);
    }

    fn table_header(&mut self, columns: &[Column]) {
        let style = Style::bold(8.0);
        let lines = columns
            .iter()
            .map(|c| c.header.lines().count())
            .max()
            .unwrap_or(1);
        let height = lines as f32 * style.line_height() + 4.0;
        self.ensure(height + VALUE.line_height());
        let top = self.y;
        self.push(Item::Fill {
            rect: (MARGIN, top, table_width(columns), height),
            color: BAND,
        });
        let headers: Vec<Vec<String>> = columns
            .iter()
            .map(|c| c.header.lines().map(str::to_string).collect())
            .collect();
        self.cells(columns, &headers, top + 2.0, style);
        self.gap(height + 2.0);
    }

    fn cells(&mut self, columns: &[Column], cells: &[Vec<String>], top: f32, style: Style) {
        let mut x = MARGIN;
        for (column, lines) in columns.iter().zip(cells) {
            let anchor = match column.align {
                Align::Left => x + CELL_PADDING,
                Align::Right => x + column.width - CELL_PADDING,
                Align::Center => x + column.width / 2.0,
            };
            for (n, line) in lines.iter().enumerate() {
                let line_top = top + n as f32 * style.line_height();
                self.text_at(anchor, line_top, style, column.align, line);
            }
            x += column.width;
        }
    }

    /// Label and amount lines right-aligned under a table: (label, amount, bold).
    pub fn totals(&mut self, lines: &[(String, String, bool)]) {
        let right = PAGE_WIDTH - MARGIN - CELL_PADDING;
        let label_right = right - 110.0;
        for (label, amount, bold) in lines {
            let style = match bold {
                true => VALUE_BOLD,
                false => VALUE,
            };
            self.ensure(style.line_height());
            let top = self.y;
            self.text_at(label_right, top, style, Align::Right, label);
            self.text_at(right, top, style, Align::Right, amount);
            self.gap(style.line_height());
        }
    }

    /// The PDF: every page drawn, with its footer and the document's metadata.
    pub fn finish(self, title: &str) -> Vec<u8> {
        let mut document = Document::new();
        document.set_metadata(
            Metadata::new()
                .title(title.to_string())
                .language("th".to_string())
                .creator("prakan".to_string()),
        );
        let total = self.pages.len();
        for (index, items) in self.pages.iter().enumerate() {
            let settings =
                PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).expect("A4 is a valid page size");
            let mut page = document.start_page_with(settings);
            let mut surface = page.surface();
            for item in items {
                draw(&mut surface, item);
            }
            let footer_top = PAGE_HEIGHT - MARGIN - 10.0;
            let footer_style = Style::regular(7.5).colored(GREY);
            for item in [
                Item::Line {
                    from: (MARGIN, footer_top - 4.0),
                    to: (PAGE_WIDTH - MARGIN, footer_top - 4.0),
                    width: 0.4,
                    color: RULE,
                },
                Item::Text {
                    x: MARGIN,
                    baseline: footer_top + 8.0,
                    style: footer_style,
                    text: self.footer.clone(),
                },
            ] {
                draw(&mut surface, &item);
            }
            let label = (self.page_label)(index + 1, total);
            let x = PAGE_WIDTH - MARGIN - text_width(&label, footer_style);
            draw(
                &mut surface,
                &Item::Text {
                    x,
                    baseline: footer_top + 8.0,
                    style: footer_style,
                    text: label,
                },
            );
            surface.finish();
            page.finish();
        }
        document
            .finish()
            .expect("a document of text and lines always serialises")
    }
}

fn table_width(columns: &[Column]) -> f32 {
    columns.iter().map(|c| c.width).sum()
}

fn paint(color: (u8, u8, u8)) -> krilla::paint::Paint {
    rgb::Color::new(color.0, color.1, color.2).into()
}

fn draw(surface: &mut Surface<'_>, item: &Item) {
    match item {
        Item::Text {
            x,
            baseline,
            style,
            text,
        } => {
            let fonts = fonts();
            let font = match style.weight {
                Weight::Regular => fonts.regular.clone(),
                Weight::Bold => fonts.bold.clone(),
            };
            surface.set_stroke(None);
            surface.set_fill(Some(Fill {
                paint: paint(style.color),
                opacity: NormalizedF32::ONE,
                rule: Default::default(),
            }));
            let glyphs = shape(text, style.weight);
            surface.draw_glyphs(
                Point::from_xy(*x, *baseline),
                &glyphs,
                font,
                text,
                style.size,
                false,
            );
        }
        Item::Line {
            from,
            to,
            width,
            color,
        } => {
            let mut builder = PathBuilder::new();
            builder.move_to(from.0, from.1);
            builder.line_to(to.0, to.1);
            if let Some(path) = builder.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: paint(*color),
                    width: *width,
                    ..Default::default()
                }));
                surface.draw_path(&path);
            }
        }
        Item::Fill { rect, color } => {
            if let Some(path) = rect_path(*rect) {
                surface.set_stroke(None);
                surface.set_fill(Some(Fill {
                    paint: paint(*color),
                    opacity: NormalizedF32::ONE,
                    rule: Default::default(),
                }));
                surface.draw_path(&path);
            }
        }
        Item::Frame { rect, width, color } => {
            if let Some(path) = rect_path(*rect) {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: paint(*color),
                    width: *width,
                    ..Default::default()
                }));
                surface.draw_path(&path);
            }
        }
    }
}

fn rect_path((x, y, width, height): (f32, f32, f32, f32)) -> Option<krilla::geom::Path> {
    let mut builder = PathBuilder::new();
    builder.push_rect(Rect::from_xywh(x, y, width, height)?);
    builder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thai_marks_take_no_width_of_their_own() {
        // ที่ = ท + ี + ่: the vowel and the tone mark sit over the consonant.
        let style = Style::regular(10.0);
        assert!((text_width("ที่", style) - text_width("ท", style)).abs() < 0.01);
    }

    #[test]
    fn wrapping_keeps_every_character_and_breaks_long_thai_words() {
        let style = Style::regular(10.0);
        let text = "ค่าเบี้ยประกันภัยงวดที่ 1/4 กรมธรรม์เลขที่ VMI-2569-000001";
        let lines = wrap(text, style, 80.0);
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| text_width(l, style) <= 80.0));
        assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
    }
}
