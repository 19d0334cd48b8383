//! A grid as CSV (RFC 4180): one header row, fields quoted when they need it.

use crate::report::grid::Grid;

fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
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
}
