//! Plain text for the terminal, aligned by display width (Thai vowels and tone marks
//! above and below take no column).

use prakan::tui::widgets::text::{pad, width};

/// A table with a header and a rule under it.
pub fn print(headers: &[String], rows: &[Vec<String>]) {
    let mut widths: Vec<usize> = headers.iter().map(|h| width(h)).collect();
    for row in rows {
        for (column, cell) in widths.iter_mut().zip(row) {
            *column = (*column).max(width(cell));
        }
    }
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(cell, w)| pad(cell, *w))
            .collect();
        println!("{}", padded.join("  ").trim_end());
    };
    line(headers);
    line(&widths.iter().map(|w| "─".repeat(*w)).collect::<Vec<_>>());
    for row in rows {
        line(row);
    }
}

/// Labelled lines, the labels padded to one width: "server:   running".
pub fn print_fields(rows: &[(String, String)]) {
    let label_width = rows
        .iter()
        .map(|(label, _)| width(label) + 1)
        .max()
        .unwrap_or(0);
    for (label, value) in rows {
        println!("{}{value}", pad(&format!("{label}:"), label_width + 1));
    }
}
