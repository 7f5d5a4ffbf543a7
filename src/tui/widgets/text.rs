//! Text measured in terminal columns: Thai vowels and tone marks above and below take no
//! column of their own, so widths count grapheme clusters, never characters.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

pub fn width(text: &str) -> usize {
    text.width()
}

/// Cuts `text` to at most `max` columns at a grapheme boundary, ending with "…" when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        let w = grapheme.width();
        if used + w > max - 1 {
            break;
        }
        out.push_str(grapheme);
        used += w;
    }
    out.push('…');
    out
}

/// Pads `text` with spaces to `columns` (or truncates it).
pub fn pad(text: &str, columns: usize) -> String {
    let cut = truncate(text, columns);
    let fill = columns.saturating_sub(cut.width());
    format!("{cut}{}", " ".repeat(fill))
}

/// One bullet per grapheme: a secret's shape without its content.
pub fn mask(text: &str) -> String {
    "•".repeat(text.graphemes(true).count())
}

/// Thai SARA AM (ำ) is a spacing vowel that Unicode's grapheme rules attach to the
/// consonant before it, so the buffer holds "กำ" as one two-column cell. Terminals print it
/// as two one-column characters, and when that cell later changes the buffer no longer
/// rewrites the second column, leaving a stray ำ behind. Giving the vowel its own cell keeps
/// the buffer and the terminal in step.
pub fn split_sara_am(buffer: &mut ratatui::buffer::Buffer) {
    const SARA_AM: char = '\u{0E33}';
    let area = buffer.area;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right().saturating_sub(1) {
            let symbol = buffer[(x, y)].symbol();
            if symbol.len() > SARA_AM.len_utf8() && symbol.ends_with(SARA_AM) && symbol.width() == 2
            {
                let base = symbol[..symbol.len() - SARA_AM.len_utf8()].to_string();
                let style = buffer[(x, y)].style();
                buffer[(x, y)].set_symbol(&base);
                buffer[(x + 1, y)].set_symbol("\u{0E33}").set_style(style);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thai_marks_take_no_column_and_are_never_split() {
        assert_eq!(width("กิตติศักดิ์"), 6);
        assert_eq!(width("ที่"), 1);
        let cut = truncate("กิตติศักดิ์ ทองดี", 5);
        assert_eq!(cut, "กิตติศั…");
        assert_eq!(width(&cut), 5);
        assert_eq!(truncate("สั้น", 10), "สั้น");
        assert_eq!(pad("ดี", 4), "ดี   ");
        assert_eq!(mask("กิต"), "••");
    }

    #[test]
    fn sara_am_gets_a_cell_of_its_own() {
        let mut buffer = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 6, 1));
        buffer.set_string(0, 0, "กำลัง", ratatui::style::Style::new());
        split_sara_am(&mut buffer);
        let cells: Vec<&str> = (0..5).map(|x| buffer[(x, 0)].symbol()).collect();
        assert_eq!(cells, ["ก", "ำ", "ลั", "ง", " "]);
    }
}
