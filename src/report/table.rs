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
    // The first column names the row: keep it wide enough that words are not split.
    let first = g
        .rows
        .iter()
        .map(|r| {
            r[0].text
                .split_whitespace()
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0)
        })
        .chain(g.header.first().map(|h| h.chars().count()))
        .max()
        .unwrap_or(0)
        .max(16)
        .min(width / 4) as u16;
    for row in &g.rows {
        t.add_row(row.iter().map(|cell| {
            let c = Cell::new(&cell.text);
            match colour(cell.tone) {
                Some(col) if color => c.fg(col),
                _ => c,
            }
        }));
    }
    if let Some(c) = t.column_mut(0) {
        c.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(first + 2)));
    }
    let mut s = t.to_string();
    s.push('\n');
    s
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
