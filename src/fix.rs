//! `check --fix` and `--diff`: rewriting a value that has one safe answer (an agency's
//! canonical name, a superseded body's successor, a misspelt `ref` with a single close match).
//!
//! A finding carries its fix as the span of the offending scalar and the value it should hold.
//! The edit replaces exactly those bytes, written in the scalar's own quoting style, so every
//! comment, blank line and indentation of the file stays as it was.

use crate::finding::{Finding, Fix};
use std::fmt::Write;

/// The bytes to write over `text[offset..offset + len]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub offset: usize,
    pub len: usize,
    pub replacement: String,
}

/// The edit for `fix` in `text`, or `None` when the span is not one single-line scalar that
/// can be rewritten without touching anything around it (a block scalar, a span that moved).
pub fn edit(text: &str, fix: &Fix) -> Option<Edit> {
    let (offset, len) = (fix.span.offset, fix.span.len);
    let written = text.get(offset..offset.checked_add(len)?)?;
    if written.is_empty() || written.contains(['\n', '\r']) || fix.value.contains(['\n', '\r']) {
        return None;
    }
    let replacement = match written.as_bytes()[0] {
        b'"' if len >= 2 && written.ends_with('"') => double_quoted(&fix.value),
        b'\'' if len >= 2 && written.ends_with('\'') => {
            format!("'{}'", fix.value.replace('\'', "''"))
        }
        b'"' | b'\'' | b'|' | b'>' | b'&' | b'*' | b'!' => return None,
        _ if plain_safe(&fix.value) => fix.value.clone(),
        _ => double_quoted(&fix.value),
    };
    (replacement != written).then_some(Edit {
        offset,
        len,
        replacement,
    })
}

fn double_quoted(value: &str) -> String {
    let mut out = String::from("\"");
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether `value` reads back as the same string when written without quotes, in a block
/// (`agency: X`) or a flow context (`to: [X, Y]`) alike.
fn plain_safe(value: &str) -> bool {
    let Some(first) = value.chars().next() else {
        return false;
    };
    let resolves_otherwise = matches!(
        value.to_ascii_lowercase().as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "~"
    ) || value.parse::<f64>().is_ok();
    !resolves_otherwise
        && !"-?:,[]{}#&*!|>'\"%@`".contains(first)
        && value.trim() == value
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.ends_with(':')
        && !value.contains([',', '[', ']', '{', '}', '\t'])
        && !value.chars().any(char::is_control)
}

/// The one candidate close to `written` (an indicator id with a typo), or `None` when none or
/// several are: `--fix` rewrites only where the answer is not a guess between two.
pub fn single_close_match<'a>(written: &str, candidates: &[&'a str]) -> Option<&'a str> {
    const CLOSE: f64 = 0.8;
    let key = written.to_lowercase();
    let mut close = candidates
        .iter()
        .filter(|c| strsim::normalized_damerau_levenshtein(&key, &c.to_lowercase()) >= CLOSE);
    let only = close.next()?;
    close.next().is_none().then_some(*only)
}

/// The edits of every finding that has one, in order, without overlaps (the first wins).
pub fn edits(text: &str, findings: &[Finding]) -> Vec<Edit> {
    let mut edits: Vec<Edit> = findings
        .iter()
        .filter_map(|f| edit(text, f.fix.as_ref()?))
        .collect();
    edits.sort_by_key(|e| e.offset);
    edits.dedup_by(|later, earlier| later.offset < earlier.offset + earlier.len.max(1));
    edits
}

/// `text` with `edits` (sorted, not overlapping) applied.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.offset]);
        out.push_str(&e.replacement);
        at = e.offset + e.len;
    }
    out.push_str(&text[at..]);
    out
}

/// A unified diff of `old` and `new` (`--- a/NAME`, `+++ b/NAME`, hunks with three lines of
/// context), as `diff -u` and `ruff --diff` print it. Fixes rewrite values within their
/// lines, so the two texts have the same lines and differ only in some of them.
pub fn unified_diff(name: &str, old: &str, new: &str) -> String {
    const CONTEXT: usize = 3;
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    if old == new {
        return String::new();
    }
    let mut name = name;
    while let Some(rest) = name.strip_prefix("./") {
        name = rest;
    }
    // `a/` and `b/` as git writes them (`patch -p1`), except before an absolute path.
    let mut out = if name.starts_with('/') {
        format!("--- {name}\n+++ {name}\n")
    } else {
        format!("--- a/{name}\n+++ b/{name}\n")
    };
    if a.len() != b.len() {
        // Not expected from a fix; still a correct diff: the whole file replaced.
        hunk(&mut out, &a, &b, 0..a.len(), 0..b.len());
        return out;
    }
    let changed: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    let mut i = 0;
    while i < changed.len() {
        let start = changed[i].saturating_sub(CONTEXT);
        let mut last = changed[i];
        while i + 1 < changed.len() && changed[i + 1] <= last + 2 * CONTEXT + 1 {
            i += 1;
            last = changed[i];
        }
        let end = (last + CONTEXT + 1).min(a.len());
        let _ = writeln!(
            out,
            "@@ -{},{} +{},{} @@",
            start + 1,
            end - start,
            start + 1,
            end - start
        );
        for l in start..end {
            if a[l] == b[l] {
                line(&mut out, ' ', a[l]);
            } else {
                line(&mut out, '-', a[l]);
                line(&mut out, '+', b[l]);
            }
        }
        i += 1;
    }
    out
}

fn hunk(
    out: &mut String,
    a: &[&str],
    b: &[&str],
    ra: std::ops::Range<usize>,
    rb: std::ops::Range<usize>,
) {
    let _ = writeln!(out, "@@ -1,{} +1,{} @@", ra.len(), rb.len());
    for l in &a[ra] {
        line(out, '-', l);
    }
    for l in &b[rb] {
        line(out, '+', l);
    }
}

fn line(out: &mut String, mark: char, text: &str) {
    out.push(mark);
    out.push_str(text);
    if !text.ends_with('\n') {
        out.push_str("\n\\ No newline at end of file\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Span;

    fn fix_at(text: &str, written: &str, value: &str) -> Option<String> {
        let offset = text.find(written).unwrap();
        let span = Span::at_offset(text, offset, written.len());
        let e = edit(
            text,
            &Fix {
                span,
                value: value.into(),
            },
        )?;
        Some(apply(text, &[e]))
    }

    #[test]
    fn keeps_the_quoting_style_and_everything_around() {
        let text = "a:\n  - agency: So Y te  # note\n";
        assert_eq!(
            fix_at(text, "So Y te", "Sở Y tế").unwrap(),
            "a:\n  - agency: Sở Y tế  # note\n"
        );
        let text = "agency: \"So Y te\" # c\n";
        assert_eq!(
            fix_at(text, "\"So Y te\"", "Sở \"Y\" tế").unwrap(),
            "agency: \"Sở \\\"Y\\\" tế\" # c\n"
        );
        let text = "agency: 'So Y te'\n";
        assert_eq!(
            fix_at(text, "'So Y te'", "Sở Y'tế").unwrap(),
            "agency: 'Sở Y''tế'\n"
        );
        // A value that would not read back as written plain is quoted.
        let text = "to: [So Y te, X]\n";
        assert_eq!(
            fix_at(text, "So Y te", "A, B").unwrap(),
            "to: [\"A, B\", X]\n"
        );
        assert_eq!(fix_at("a: x\n", "x", "true").unwrap(), "a: \"true\"\n");
    }

    #[test]
    fn refuses_what_is_not_one_scalar_on_one_line() {
        assert_eq!(fix_at("a: |\n  x\n", "|\n  x", "y"), None);
        assert_eq!(fix_at("a: \"x\n  y\"\n", "\"x\n  y\"", "z"), None);
        assert_eq!(fix_at("a: *x\n", "*x", "y"), None);
        let bad = Fix {
            span: Span {
                offset: 90,
                len: 3,
                line: 1,
                column: 1,
            },
            value: "v".into(),
        };
        assert_eq!(edit("short", &bad), None);
    }

    #[test]
    fn a_ref_is_fixed_only_when_one_id_is_close() {
        let ids = [
            "officials-trained",
            "industrial-workers",
            "students-reached",
        ];
        assert_eq!(
            single_close_match("industral-workers", &ids),
            Some("industrial-workers")
        );
        assert_eq!(single_close_match("workers", &ids), None);
        assert_eq!(
            single_close_match("student-a", &["student-b", "student-c"]),
            None
        );
    }

    #[test]
    fn diff_has_context_and_merged_hunks() {
        let old: String = (1..=20).map(|i| format!("line {i}\n")).collect();
        let new = old
            .replace("line 2\n", "LINE 2\n")
            .replace("line 5\n", "LINE 5\n");
        let new = new.replace("line 18\n", "LINE 18\n");
        let d = unified_diff("p.yaml", &old, &new);
        assert!(d.starts_with(
            "--- a/p.yaml\n+++ b/p.yaml\n@@ -1,8 +1,8 @@\n line 1\n-line 2\n+LINE 2\n"
        ));
        assert!(d.contains("@@ -15,6 +15,6 @@\n line 15\n"), "{d}");
        assert_eq!(unified_diff("p", &old, &old), "");
    }
}
