//! A grid as CSV (RFC 4180): one header row, fields quoted when they need it. Numbers in
//! CSV are plain (`3460`, `2.5`), so a spreadsheet reads them as numbers in any locale.

use crate::report::grid::Grid;

fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A UTF-8 byte-order mark: Excel on Windows needs it to read a CSV file as UTF-8.
pub const BOM: &str = "\u{feff}";

/// One record, with its line end.
pub fn record<S: AsRef<str>>(fields: &[S]) -> String {
    let mut out = fields
        .iter()
        .map(|f| field(f.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    out.push_str("\r\n");
    out
}

/// A number as a spreadsheet reads it: no thousands separator, a point for decimals.
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{}", (v * 100.0).round() / 100.0)
    }
}

/// Display text with its numbers made plain: Vietnamese "3.460" → "3460", "2,5" → "2.5".
pub fn plain_numbers(s: &str) -> String {
    let c: Vec<char> = s.chars().collect();
    let digit = |i: usize| c.get(i).is_some_and(|d| d.is_ascii_digit());
    let mut out = String::with_capacity(s.len());
    for (i, &ch) in c.iter().enumerate() {
        let between = i > 0 && digit(i - 1) && digit(i + 1);
        // A thousands point is followed by exactly three digits.
        let grouping = ch == '.' && between && (1..=3).all(|k| digit(i + k)) && !digit(i + 4);
        if grouping {
            continue;
        }
        out.push(if ch == ',' && between { '.' } else { ch });
    }
    out
}

pub fn grid(g: &Grid) -> String {
    let mut out = String::new();
    let mut line = |cells: Vec<&str>| {
        out.push_str(&cells.into_iter().map(field).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    };
    line(g.header.iter().map(String::as_str).collect());
    for row in &g.rows {
        line(row.iter().map(|c| c.text.as_str()).collect());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::grid::Cell;

    #[test]
    fn quotes_only_fields_that_need_it() {
        let mut g = Grid::new(["a", "b"]);
        g.row(vec![Cell::plain("x, y"), Cell::plain("say \"hi\"")]);
        g.row(vec![Cell::plain("≥ 70% ="), Cell::plain("")]);
        assert_eq!(
            grid(&g),
            "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n≥ 70% =,\r\n"
        );
    }

    #[test]
    fn numbers_are_plain() {
        assert_eq!(number(3460.0), "3460");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(plain_numbers("≥ 3.460 ?"), "≥ 3460 ?");
        assert_eq!(plain_numbers("≥ 1.234.567; 2,5%"), "≥ 1234567; 2.5%");
        assert_eq!(plain_numbers("+3–5%/year; 1/month"), "+3–5%/year; 1/month");
    }
}
