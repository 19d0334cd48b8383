//! Reports on a terminal: comfy-table grids fitted to the width, coloured only when asked.

use crate::report::grid::{Block, Grid, Report, Tone};
use comfy_table::{
    Attribute, Cell, Color, ColumnConstraint, ContentArrangement, Table, Width, presets,
};

fn colour(tone: Tone) -> Option<Color> {
    match tone {
        Tone::Plain => None,
        Tone::Stronger => Some(Color::Green),
        Tone::Equal => Some(Color::Cyan),
        Tone::Weaker => Some(Color::Red),
        Tone::NotComparable => Some(Color::Yellow),
        Tone::Missing => Some(Color::Magenta),
        Tone::Aggregate => Some(Color::Blue),
        Tone::Faint => Some(Color::DarkGrey),
    }
}

pub fn grid(g: &Grid, width: usize, color: bool) -> String {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width.min(u16::MAX as usize) as u16);
    if color {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    t.set_header(g.header.iter().map(|h| {
        let c = Cell::new(h);
        if color {
            c.add_attribute(Attribute::Bold)
        } else {
            c
        }
    }));
    let widths = word_widths(g, width);
    for row in &g.rows {
        t.add_row(row.iter().enumerate().map(|(i, cell)| {
            let bound = widths.get(i).copied().unwrap_or(u16::MAX) as usize;
            let c = Cell::new(break_at_hyphens(&cell.text, bound));
            match colour(cell.tone) {
                Some(col) if color => c.fg(col),
                _ => c,
            }
        }));
    }
    for (i, min) in widths.into_iter().enumerate() {
        if let Some(c) = t.column_mut(i) {
            c.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(min + 2)));
        }
    }
    let mut s = t.to_string();
    s.push('\n');
    s
}

/// A word longer than the column is cut after its hyphens rather than anywhere
/// ("students-upper-secondary" → "students-upper-" "secondary"): the pieces, each as long as
/// fits, are separated by a space, where the table then wraps.
fn break_at_hyphens(text: &str, bound: usize) -> String {
    if bound == 0 || longest_word(text) <= bound {
        return text.to_string();
    }
    let mut out = Vec::new();
    for word in text.split(' ') {
        if word.chars().count() <= bound || !word.contains('-') {
            out.push(word.to_string());
            continue;
        }
        let mut line = String::new();
        for piece in word.split_inclusive('-') {
            if !line.is_empty() && line.chars().count() + piece.chars().count() > bound {
                out.push(std::mem::take(&mut line));
            }
            line.push_str(piece);
        }
        out.push(line);
    }
    out.join(" ")
}

fn longest_word(s: &str) -> usize {
    s.split_whitespace()
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0)
}

/// The least width of each column: its longest word, so that comfy-table wraps between words
/// ("students-upper-secondary", not "students-u | pper-secon | dary"). When the longest words
/// do not all fit in `width`, every column is held to the same cap, the largest that fits, and
/// only words longer than it are split.
fn word_widths(g: &Grid, width: usize) -> Vec<u16> {
    let n = g.header.len();
    let longest: Vec<usize> = (0..n)
        .map(|i| {
            g.rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|c| longest_word(&c.text))
                .chain(g.header.get(i).map(|h| longest_word(h)))
                .max()
                .unwrap_or(0)
        })
        .collect();
    // Each column takes two spaces of padding and one border.
    let room = width.saturating_sub(3 * n + 1);
    let fits = |cap: usize| longest.iter().map(|l| (*l).min(cap)).sum::<usize>() <= room;
    let mut cap = longest.iter().copied().max().unwrap_or(0);
    while cap > 1 && !fits(cap) {
        cap -= 1;
    }
    longest
        .iter()
        .map(|l| (*l).min(cap).min(u16::MAX as usize) as u16)
        .collect()
}

pub fn report(r: &Report, width: usize, color: bool) -> String {
    let mut out = String::new();
    for (i, b) in r.blocks.iter().enumerate() {
        match b {
            Block::Heading(h) => {
                if i > 0 {
                    out.push('\n');
                }
                if color {
                    out.push_str(&format!("\x1b[1m{h}\x1b[0m\n"));
                } else {
                    out.push_str(h);
                    out.push('\n');
                }
            }
            Block::Text(t) => {
                out.push_str(t);
                out.push('\n');
            }
            Block::Grid(g) => out.push_str(&grid(g, width, color)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::grid::Cell as GridCell;

    #[test]
    fn long_hyphenated_words_break_after_a_hyphen() {
        assert_eq!(
            break_at_hyphens("students-upper-secondary ≥ 37.800", 15),
            "students-upper- secondary ≥ 37.800"
        );
        assert_eq!(break_at_hyphens("short words", 15), "short words");
    }

    #[test]
    fn no_word_is_split_when_the_words_fit() {
        let mut g = Grid::new(["Indicator", "Plan"]);
        g.row(vec![
            GridCell::plain("establishments-inspected"),
            GridCell::plain("students-upper-secondary ≥ 37.800"),
        ]);
        let out = grid(&g, 80, false);
        assert!(out.contains("establishments-inspected"), "{out}");
        assert!(out.contains("students-upper-secondary"), "{out}");
    }
}
