//! Reports as GitHub-flavoured Markdown: headings, paragraphs, pipe tables.

use crate::report::grid::{Block, Grid, Report};

/// Escapes what Markdown would read as markup in running text.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn cell(s: &str) -> String {
    escape(s).replace("\r\n", "<br>").replace('\n', "<br>")
}

pub fn grid(g: &Grid) -> String {
    let mut out = String::new();
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    out.push_str(&line(g.header.iter().map(|h| cell(h)).collect()));
    out.push_str(&line(g.header.iter().map(|_| "---".to_string()).collect()));
    for row in &g.rows {
        out.push_str(&line(row.iter().map(|c| cell(&c.text)).collect()));
    }
    out
}

pub fn report(r: &Report) -> String {
    let mut out = String::new();
    for b in &r.blocks {
        if !out.is_empty() {
            out.push('\n');
        }
        match b {
            Block::Heading(h) => out.push_str(&format!("## {}\n", escape(h))),
            Block::Text(t) => out.push_str(&format!("{}\n", escape(t))),
            Block::Grid(g) => out.push_str(&grid(g)),
        }
    }
    out
}
