//! Code frames for the common case, written directly: one label on one line, lines free of
//! tabs, carriage returns and escape characters. Each such frame is what miette's graphical
//! handler writes for it, byte for byte (the test below compares the two on every finding of
//! the bundled plans and on spans all over them); any other frame is left to miette.
//!
//! miette reads the frame's window through `SourceCode`, splits it into lines, measures and
//! styles each part, and allocates for each: once the rules had become cheap, that was most of
//! what the human format cost beyond JSON.

use miette::{GraphicalTheme, ThemeCharacters};
use owo_colors::Style;
use std::fmt::Write as _;
use unicode_width::UnicodeWidthChar;

/// What a frame is drawn with: the theme's characters and the styles miette gives a frame's
/// parts (line numbers, the file link, the first label's highlight).
pub(super) struct FrameStyle {
    chars: ThemeCharacters,
    linum: Style,
    link: Style,
    highlight: Style,
}

impl FrameStyle {
    pub fn new(theme: &GraphicalTheme) -> FrameStyle {
        FrameStyle {
            chars: theme.characters.clone(),
            linum: theme.styles.linum,
            link: theme.styles.link,
            highlight: theme.styles.highlights.first().copied().unwrap_or_default(),
        }
    }
}

/// A file's text and where each of its lines starts (as miette counts line breaks).
pub(super) struct Lines<'a> {
    pub text: &'a str,
    pub starts: &'a [usize],
}

impl Lines<'_> {
    fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// Line `i`'s text without its line break, if the file has such a line.
    fn text_of(&self, i: usize) -> Option<&str> {
        let start = *self.starts.get(i)?;
        if start >= self.text.len() {
            return None;
        }
        let end = self.starts.get(i + 1).map_or(self.text.len(), |&s| s);
        Some(self.text[start..end].trim_end_matches('\n'))
    }
}

/// Writes the frame of `label` over `offset..offset + len` into `out` and returns `true`, or
/// writes nothing and returns `false` when the frame is not one this module draws.
pub(super) fn write(
    out: &mut String,
    style: &FrameStyle,
    name: &str,
    lines: &Lines,
    (offset, len): (usize, usize),
    label: Option<&str>,
) -> bool {
    let text = lines.text;
    let end = offset + len;
    let simple = offset < text.len()
        && end <= text.len()
        && text.is_char_boundary(offset)
        && text.is_char_boundary(end)
        && !text.as_bytes()[offset..end]
            .iter()
            .any(|&b| b == b'\n' || b == b'\r')
        && !label.is_some_and(|l| l.contains('\n'));
    if !simple {
        return false;
    }
    let at = lines.line_of(offset);
    let first = at.saturating_sub(1);
    let shown: Vec<(usize, &str)> = (first..=at + 1)
        .filter_map(|i| lines.text_of(i).map(|t| (i, t)))
        .collect();
    let odd = |t: &str| t.bytes().any(|b| b == b'\t' || b == b'\r' || b == 0x1b);
    if shown.iter().any(|&(_, t)| odd(t)) {
        return false;
    }
    let Some(&(last, _)) = shown.last() else {
        return false;
    };
    let width = (last + 1).to_string().len();
    let line_start = lines.starts[at];
    let column = text[line_start..offset].chars().count() + 1;
    let c = &style.chars;
    let _ = writeln!(
        out,
        "{:pad$}{}{}[{}]",
        "",
        c.ltop,
        c.hbar,
        style.link.style(format_args!("{name}:{}:{column}", at + 1)),
        pad = width + 2
    );
    for &(i, line) in &shown {
        let _ = write!(out, " {:width$} ", style.linum.style(i + 1));
        out.push(c.vbar);
        out.push(' ');
        out.push_str(line);
        out.push('\n');
        if i == at {
            underline(
                out,
                style,
                width,
                &line[..offset - line_start],
                &text[offset..end],
                label,
            );
        }
    }
    let _ = writeln!(
        out,
        "{:pad$}{}{}",
        "",
        c.lbot,
        c.hbar.to_string().repeat(4),
        pad = width + 2
    );
    true
}

/// The line under the labelled line: the underline, and the label's own line.
fn underline(
    out: &mut String,
    style: &FrameStyle,
    width: usize,
    before: &str,
    spanned: &str,
    label: Option<&str>,
) {
    let c = &style.chars;
    let start = visual_width(before);
    let end = if spanned.is_empty() {
        start + 1
    } else {
        (start + visual_width(spanned)).max(start + 1)
    };
    let middle = (start + end) / 2;
    let mark = if spanned.is_empty() {
        c.uarrow
    } else if label.is_some() {
        c.underbar
    } else {
        c.underline
    };
    let mut drawn = String::with_capacity(end * 3);
    drawn.extend(std::iter::repeat_n(' ', start));
    drawn.extend(std::iter::repeat_n(c.underline, middle - start));
    drawn.push(mark);
    drawn.extend(std::iter::repeat_n(c.underline, end - middle - 1));
    no_number(out, width, c.vbar_break);
    let _ = writeln!(out, "{}", style.highlight.style(drawn));
    if let Some(label) = label {
        let mut text = String::with_capacity(label.len() + 16);
        text.extend([c.lbot, c.hbar, c.hbar, ' ']);
        let _ = write!(text, "{}", style.highlight.style(label));
        no_number(out, width, c.vbar_break);
        out.extend(std::iter::repeat_n(' ', middle));
        let _ = writeln!(out, "{}", style.highlight.style(text));
    }
}

/// The gutter of a line with no number: ` {width spaces} · `.
fn no_number(out: &mut String, width: usize, bar: char) {
    out.extend(std::iter::repeat_n(' ', width + 1));
    out.extend([' ', bar, ' ']);
}

/// The columns text takes on a terminal, as miette counts them (printable ASCII is one
/// column each without a table lookup).
fn visual_width(text: &str) -> usize {
    text.chars()
        .map(|c| match c {
            ' '..='~' => 1,
            _ => c.width().unwrap_or(0),
        })
        .sum()
}
