//! Scalars: plain, double-quoted and single-quoted, with YAML's folding of quoted lines.

use super::{Reader, Scalar};
use crate::source::Span;
use std::borrow::Cow;

impl<'a> Reader<'a> {
    /// A plain scalar on the rest of this line; in a flow collection (`flow`) it also ends at
    /// `,`, `]` or `}`. What YAML would read as a key, or as the start of something else, is
    /// declined.
    pub(super) fn plain(&mut self, flow: bool) -> Option<Scalar<'a>> {
        let start = self.pos;
        if matches!(
            self.peek(),
            b'-' | b'?'
                | b':'
                | b','
                | b'['
                | b']'
                | b'{'
                | b'}'
                | b'#'
                | b'&'
                | b'*'
                | b'!'
                | b'|'
                | b'>'
                | b'\''
                | b'"'
                | b'%'
                | b'@'
                | b'`'
                | b'\n'
        ) {
            return None;
        }
        let rest = &self.bytes[start..];
        let line = &rest[..memchr::memchr(b'\n', rest).unwrap_or(rest.len())];
        let mut end = line.len();
        for (i, &b) in line.iter().enumerate() {
            match b {
                b'#' if line[i - 1] == b' ' => {
                    end = i;
                    break;
                }
                b',' | b']' | b'}' if flow => {
                    end = i;
                    break;
                }
                b'[' | b'{' if flow => return None,
                b':' => {
                    let next = line.get(i + 1).copied().unwrap_or(b' ');
                    if next == b' ' || (flow && matches!(next, b',' | b']' | b'}')) {
                        return None;
                    }
                }
                _ => {}
            }
        }
        while end > 0 && line[end - 1] == b' ' {
            end -= 1;
        }
        if end == 0 {
            return None;
        }
        self.count_node()?;
        self.pos = start + end;
        Some(Scalar {
            text: Cow::Borrowed(&self.text[start..start + end]),
            plain: true,
            span: self.span(start, end),
        })
    }

    /// A double-quoted scalar; `pos` is on its opening quote.
    pub(super) fn double_quoted(&mut self) -> Option<Scalar<'a>> {
        let opening = self.open_quote()?;
        let mut owned: Option<String> = None;
        let mut chunk = self.pos;
        loop {
            let at = self.pos + memchr::memchr3(b'"', b'\\', b'\n', &self.bytes[self.pos..])?;
            match self.bytes[at] {
                b'"' => return Some(self.close_quote(opening, owned, chunk, at)),
                b'\\' => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.text[chunk..at]);
                    let (c, used) = escape(&self.bytes[at + 1..])?;
                    s.push(c);
                    self.pos = at + 1 + used;
                }
                _ => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(self.text[chunk..at].trim_end_matches(' '));
                    self.pos = at;
                    self.fold(opening.indent, s)?;
                }
            }
            chunk = self.pos;
        }
    }

    /// A single-quoted scalar (`''` is a quote); `pos` is on its opening quote.
    pub(super) fn single_quoted(&mut self) -> Option<Scalar<'a>> {
        let opening = self.open_quote()?;
        let mut owned: Option<String> = None;
        let mut chunk = self.pos;
        loop {
            let at = self.pos + memchr::memchr2(b'\'', b'\n', &self.bytes[self.pos..])?;
            if self.bytes[at] == b'\n' {
                let s = owned.get_or_insert_with(String::new);
                s.push_str(self.text[chunk..at].trim_end_matches(' '));
                self.pos = at;
                self.fold(opening.indent, s)?;
            } else if self.bytes.get(at + 1) == Some(&b'\'') {
                let s = owned.get_or_insert_with(String::new);
                s.push_str(&self.text[chunk..=at]);
                self.pos = at + 2;
            } else {
                return Some(self.close_quote(opening, owned, chunk, at));
            }
            chunk = self.pos;
        }
    }

    fn open_quote(&mut self) -> Option<Opening> {
        self.count_node()?;
        let line = &self.bytes[self.line_start..];
        let opening = Opening {
            offset: self.pos,
            indent: line.iter().take_while(|&&b| b == b' ').count(),
            span: self.span(self.pos, 0),
        };
        self.pos += 1;
        Some(opening)
    }

    fn close_quote(
        &mut self,
        opening: Opening,
        owned: Option<String>,
        chunk: usize,
        at: usize,
    ) -> Scalar<'a> {
        let text = match owned {
            None => Cow::Borrowed(&self.text[chunk..at]),
            Some(mut s) => {
                s.push_str(&self.text[chunk..at]);
                Cow::Owned(s)
            }
        };
        self.pos = at + 1;
        Scalar {
            text,
            plain: false,
            span: Span {
                len: at + 1 - opening.offset,
                ..opening.span
            },
        }
    }

    /// YAML's folding of a quoted scalar's line break (`pos` on it): the break and the next
    /// line's leading spaces are one space, or as many line feeds as there are empty lines.
    /// The next line must stand deeper than the line the scalar opened on; anything else
    /// (a document marker, a dedent YAML may refuse) is declined.
    fn fold(&mut self, opening_indent: usize, into: &mut String) -> Option<()> {
        let mut empty = 0;
        loop {
            self.pos += 1;
            self.line += 1;
            self.line_start = self.pos;
            self.skip_spaces();
            if self.at_end() {
                return None;
            }
            if self.peek() != b'\n' {
                break;
            }
            empty += 1;
        }
        if self.indent() <= opening_indent {
            return None;
        }
        match empty {
            0 => into.push(' '),
            n => (0..n).for_each(|_| into.push('\n')),
        }
        Some(())
    }
}

/// Where a quoted scalar opened: its offset and span, and its line's indent.
struct Opening {
    offset: usize,
    indent: usize,
    span: Span,
}

/// The character a double-quoted escape stands for, and how many bytes after the backslash
/// it takes; escapes this reader does not know are declined.
fn escape(rest: &[u8]) -> Option<(char, usize)> {
    let simple = match rest.first()? {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'n' => '\n',
        b't' => '\t',
        b'r' => '\r',
        b'0' => '\0',
        b'x' => return hex(rest, 2),
        b'u' => return hex(rest, 4),
        b'U' => return hex(rest, 8),
        _ => return None,
    };
    Some((simple, 1))
}

fn hex(rest: &[u8], digits: usize) -> Option<(char, usize)> {
    let text = std::str::from_utf8(rest.get(1..=digits)?).ok()?;
    if !text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let c = char::from_u32(u32::from_str_radix(text, 16).ok()?)?;
    Some((c, 1 + digits))
}
