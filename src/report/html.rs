//! A colour-coded matrix as one self-contained HTML page: inline CSS, no script, no external
//! asset, so it opens the same offline, from a mail attachment or a file share.

use crate::i18n::Lang;
use crate::report::grid::{Cell, Tone};
use std::io::{self, Write};

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Rows under a group heading that spans the table.
pub struct RowGroup<'a> {
    pub title: String,
    /// The first cell of each row is its header. Made one at a time as the page is written,
    /// so a matrix of many plans is never held as text.
    pub rows: Box<dyn Iterator<Item = Vec<Cell>> + 'a>,
}

pub struct LegendEntry {
    pub tone: Tone,
    pub mark: &'static str,
    pub text: String,
}

pub struct MatrixPage<'a> {
    pub lang: Lang,
    pub title: &'a str,
    pub notes: Vec<String>,
    pub header: Vec<String>,
    pub groups: Vec<RowGroup<'a>>,
    pub legend: Vec<LegendEntry>,
    pub legend_title: String,
}

const STYLE: &str = "\
body{font-family:'Times New Roman',Times,serif;margin:2rem;color:#1a1a1a;background:#fff}
h1{font-size:1.4rem;margin:0 0 .4rem}
p.note{margin:.2rem 0;color:#444}
table.matrix{border-collapse:collapse;margin:1rem 0;font-size:.95rem}
table.matrix th,table.matrix td{border:1px solid #9e9e9e;padding:.3rem .5rem;vertical-align:top}
table.matrix thead th{background:#37474f;color:#fff;position:sticky;top:0;z-index:2}
table.matrix th[scope=row]{text-align:left;font-weight:normal;background:#fafafa;min-width:12rem;max-width:22rem;position:sticky;left:0;z-index:1}
table.matrix thead th:first-child{left:0;z-index:3}
table.matrix tr.group th{background:#eceff1;text-align:left;font-weight:bold}
table.matrix td{text-align:center;min-width:5rem;max-width:14rem;overflow-wrap:break-word}
[title]{cursor:help}
th[title]{text-decoration:underline dotted #777}
.v-stronger{background:#c8e6c9}
.v-equal{background:#dcedc8}
.v-weaker{background:#ffcdd2}
.v-not-comparable{background:#fff3c4}
.v-missing{background:#e0e0e0;color:#5f5f5f}
.v-aggregate{background:#e1e5f5}
.faint{color:#8a8a8a}
section.legend ul{list-style:none;padding:0;margin:.4rem 0}
section.legend li{margin:.2rem 0}
section.legend span.swatch{display:inline-block;min-width:1.6rem;text-align:center;border:1px solid #9e9e9e;margin-right:.5rem}
";

fn cell_html(tag: &str, extra: &str, c: &Cell) -> String {
    let class = if c.tone == Tone::Plain {
        String::new()
    } else {
        format!(" class=\"{}\"", c.tone.class())
    };
    let title = c
        .tip
        .as_ref()
        .map(|t| format!(" title=\"{}\"", escape(t)))
        .unwrap_or_default();
    format!("<{tag}{extra}{class}{title}>{}</{tag}>", escape(&c.text))
}

pub fn matrix_page(p: MatrixPage, out: &mut dyn Write) -> io::Result<()> {
    let lang = match p.lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    };
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        escape(p.title),
        escape(p.title)
    )?;
    for n in &p.notes {
        writeln!(out, "<p class=\"note\">{}</p>", escape(n))?;
    }
    out.write_all(b"<table class=\"matrix\">\n<thead>\n<tr>")?;
    for h in &p.header {
        write!(out, "<th scope=\"col\">{}</th>", escape(h))?;
    }
    out.write_all(b"</tr>\n</thead>\n")?;
    for g in p.groups {
        write!(
            out,
            "<tbody>\n<tr class=\"group\"><th colspan=\"{}\">{}</th></tr>\n",
            p.header.len(),
            escape(&g.title)
        )?;
        for row in g.rows {
            out.write_all(b"<tr>")?;
            for (i, c) in row.iter().enumerate() {
                out.write_all(
                    if i == 0 {
                        cell_html("th", " scope=\"row\"", c)
                    } else {
                        cell_html("td", "", c)
                    }
                    .as_bytes(),
                )?;
            }
            out.write_all(b"</tr>\n")?;
        }
        out.write_all(b"</tbody>\n")?;
    }
    out.write_all(b"</table>\n")?;
    write!(
        out,
        "<section class=\"legend\" id=\"legend\">\n<h2>{}</h2>\n<ul>\n",
        escape(&p.legend_title)
    )?;
    for e in &p.legend {
        writeln!(
            out,
            "<li><span class=\"swatch {}\">{}</span>{}</li>",
            e.tone.class(),
            escape(e.mark),
            escape(&e.text)
        )?;
    }
    out.write_all(b"</ul>\n</section>\n</body>\n</html>\n")
}
