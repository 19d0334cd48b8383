//! A loaded source file and locations inside it.

use std::sync::Arc;

/// A plan's text, as read (BOM removed), with the name it is reported under.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub name: String,
    pub text: Arc<str>,
}

impl SourceFile {
    /// The span of a top-level key (`indicators:` written at column 1), for findings about a
    /// whole section. serde-saphyr locates a block at its first child; people look for the key.
    pub fn top_level_key(&self, key: &str) -> Option<Span> {
        // Counted while scanning: the key starts its line, so this is `Span::at_offset`
        // without a second pass over the text.
        let mut offset = 0;
        for (line_index, line) in self.text.split_inclusive('\n').enumerate() {
            if let Some(rest) = line.strip_prefix(key)
                && rest.trim_start().starts_with(':')
            {
                return Some(Span {
                    offset,
                    len: key.len(),
                    line: line_index as u32 + 1,
                    column: 1,
                });
            }
            offset += line.len();
        }
        None
    }
}

/// A located value: byte range for code frames, 1-based line and column for machines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Span {
    pub offset: usize,
    pub len: usize,
    pub line: u32,
    pub column: u32,
}

impl Span {
    pub fn from_location(loc: serde_saphyr::Location) -> Span {
        let span = loc.span();
        Span {
            offset: span.byte_offset().unwrap_or(0) as usize,
            len: span.byte_len().unwrap_or(0) as usize,
            line: loc.line() as u32,
            column: loc.column() as u32,
        }
    }

    /// The byte offset of a 1-based line and (character) column in `text`, for locations that
    /// come without one (some parser errors carry only line and column).
    pub fn at_line_column(text: &str, line: u32, column: u32) -> Span {
        let line_start: usize = text
            .split_inclusive('\n')
            .take(line.saturating_sub(1) as usize)
            .map(str::len)
            .sum();
        let rest = &text[line_start.min(text.len())..];
        let col_bytes: usize = rest
            .chars()
            .take(column.saturating_sub(1) as usize)
            .map(char::len_utf8)
            .sum();
        Span {
            offset: line_start + col_bytes,
            len: 0,
            line,
            column,
        }
    }

    /// The position of a byte offset in `text` (for errors found before YAML parsing).
    pub fn at_offset(text: &str, offset: usize, len: usize) -> Span {
        let offset = offset.min(text.len());
        let before = &text.as_bytes()[..offset];
        let line = before.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count() as u32
            + 1;
        Span {
            offset,
            len,
            line,
            column,
        }
    }
}

/// A value together with where it was written.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Located<T> {
    pub value: T,
    #[serde(skip)]
    pub span: Span,
}

impl<T> Located<T> {
    pub fn new(value: T, span: Span) -> Self {
        Located { value, span }
    }
}

impl<T> From<serde_saphyr::Spanned<T>> for Located<T> {
    fn from(s: serde_saphyr::Spanned<T>) -> Self {
        Located {
            span: Span::from_location(s.referenced),
            value: s.value,
        }
    }
}

/// Read as serde-saphyr's `Spanned`, keeping only where the value was written (its
/// `referenced` location), so that the rest of the program never sees the parser's types.
impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Located<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        serde_saphyr::Spanned::<T>::deserialize(d).map(Located::from)
    }
}
