//! The plain YAML of a plan, as a tree of borrowed scalars with serde-saphyr's spans.
//!
//! Every function returns `None` for what this reader leaves to serde-saphyr; none of them
//! decides that a document is wrong. The spans are the ones serde-saphyr gives a value's
//! `referenced` location: a scalar from its first byte (the quote, if quoted) to its last; a
//! block mapping at its first key and a block sequence at its first `-`, with no length; a
//! sequence written level with its key ("indentless") at its first item's first token; a
//! flow collection at its bracket, one byte long.

use super::{MAX_NESTING, MAX_NODES};
use crate::source::Span;
use std::borrow::Cow;

pub(super) enum Node<'a> {
    Scalar(Scalar<'a>),
    Map(Map<'a>),
    Seq(Seq<'a>),
}

pub(super) struct Scalar<'a> {
    pub text: Cow<'a, str>,
    /// Unquoted: YAML may read it as a number, a boolean or null.
    pub plain: bool,
    pub span: Span,
}

pub(super) struct Map<'a> {
    pub entries: Vec<Entry<'a>>,
    pub span: Span,
}

pub(super) struct Entry<'a> {
    pub key: &'a str,
    pub key_span: Span,
    pub value: Node<'a>,
}

pub(super) struct Seq<'a> {
    pub items: Vec<Node<'a>>,
    pub span: Span,
}

impl Node<'_> {
    pub fn span(&self) -> Span {
        match self {
            Node::Scalar(s) => s.span,
            Node::Map(m) => m.span,
            Node::Seq(s) => s.span,
        }
    }
}

/// The document's top-level mapping.
pub(super) fn document(text: &str) -> Option<Map<'_>> {
    // Tabs and carriage returns have rules of their own in YAML; such files take the long way.
    if memchr::memchr2(b'\t', b'\r', text.as_bytes()).is_some() || unusual_characters(text) {
        return None;
    }
    let mut r = Reader {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        line: 1,
        line_start: 0,
        nodes: 0,
        nesting: 0,
    };
    if !r.next_content_line() || r.indent() != 0 {
        return None;
    }
    let map = r.block_map(0)?;
    r.at_end().then_some(map)
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// The 1-based number of the line `pos` is on, and where that line starts.
    line: u32,
    line_start: usize,
    nodes: usize,
    nesting: usize,
}

impl<'a> Reader<'a> {
    fn peek(&self) -> u8 {
        self.bytes.get(self.pos).copied().unwrap_or(b'\n')
    }

    fn peek_at(&self, ahead: usize) -> u8 {
        self.bytes.get(self.pos + ahead).copied().unwrap_or(b'\n')
    }

    fn at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    /// The column of `pos` counted in bytes; on a line of spaces and `- ` it is the indent.
    fn indent(&self) -> usize {
        self.pos - self.line_start
    }

    fn span(&self, offset: usize, len: usize) -> Span {
        let column = self.text[self.line_start..offset].chars().count() as u32 + 1;
        Span {
            offset,
            len,
            line: self.line,
            column,
        }
    }

    fn count_node(&mut self) -> Option<()> {
        self.nodes += 1;
        (self.nodes <= MAX_NODES).then_some(())
    }

    fn skip_spaces(&mut self) {
        while self.peek() == b' ' && !self.at_end() {
            self.pos += 1;
        }
    }

    /// Past the end of the current line.
    fn next_line(&mut self) {
        match memchr::memchr(b'\n', &self.bytes[self.pos.min(self.bytes.len())..]) {
            Some(i) => {
                self.pos += i + 1;
                self.line += 1;
                self.line_start = self.pos;
            }
            None => self.pos = self.bytes.len(),
        }
    }

    /// To the first character of the next line that holds more than spaces and a comment;
    /// `false` at the end of the text.
    fn next_content_line(&mut self) -> bool {
        loop {
            self.skip_spaces();
            if self.at_end() {
                return false;
            }
            match self.peek() {
                b'\n' | b'#' => self.next_line(),
                _ => return true,
            }
        }
    }

    /// What may follow a value on its line: spaces, then a comment or the line's end. Moves
    /// to the next content line.
    fn end_of_line(&mut self) -> Option<()> {
        let before = self.pos;
        self.skip_spaces();
        match self.peek() {
            b'\n' => {}
            b'#' if self.pos > before => {}
            _ => return None,
        }
        self.next_line();
        self.next_content_line();
        Some(())
    }

    fn enter(&mut self) -> Option<()> {
        self.nesting += 1;
        (self.nesting <= MAX_NESTING).then_some(())
    }

    /// A block mapping whose keys stand at column `indent`; `pos` is on its first key.
    fn block_map(&mut self, indent: usize) -> Option<Map<'a>> {
        self.enter()?;
        self.count_node()?;
        let span = self.span(self.pos, 0);
        let mut entries = Vec::new();
        loop {
            let (key, key_span) = self.key()?;
            let value = self.value_after_key(indent)?;
            push_entry(&mut entries, key, key_span, value)?;
            if self.at_end() || self.indent() < indent {
                break;
            }
            if self.indent() > indent {
                return None;
            }
        }
        self.nesting -= 1;
        Some(Map { entries, span })
    }

    /// A key of letters, digits, `_` and `-`, and its colon; `pos` is left after the colon.
    fn key(&mut self) -> Option<(&'a str, Span)> {
        let start = self.pos;
        let len = key_len(&self.bytes[start..]);
        if len == 0 || !matches!(self.peek_at(len), b':') || !is_break(self.peek_at(len + 1)) {
            return None;
        }
        self.count_node()?;
        self.pos += len + 1;
        Some((&self.text[start..start + len], self.span(start, len)))
    }

    /// The value after `key:` in a mapping at column `indent`: on the same line, or the block
    /// on the lines below. `pos` is left on the next content line.
    fn value_after_key(&mut self, indent: usize) -> Option<Node<'a>> {
        let before = self.pos;
        self.skip_spaces();
        let comment = self.peek() == b'#' && self.pos > before;
        if self.peek() != b'\n' && !comment {
            let value = self.inline_value()?;
            self.end_of_line()?;
            // A deeper line after a value on the key's line continues a plain scalar, or is
            // a mistake: either way, not for this reader.
            if !self.at_end() && self.indent() > indent {
                return None;
            }
            return Some(value);
        }
        self.next_line();
        if !self.next_content_line() {
            return None;
        }
        let at = self.indent();
        let dash = self.peek() == b'-' && is_break(self.peek_at(1));
        if at > indent {
            if dash {
                self.block_seq(at, false)
            } else {
                self.block_map(at).map(Node::Map)
            }
        } else if at == indent && dash {
            self.block_seq(at, true)
        } else {
            None
        }
    }

    /// A block sequence whose dashes stand at column `indent`; `level` when it is written
    /// level with its key, which ends it at the next key.
    fn block_seq(&mut self, indent: usize, level: bool) -> Option<Node<'a>> {
        self.enter()?;
        self.count_node()?;
        let mut span = self.span(self.pos, 0);
        let mut items = Vec::new();
        loop {
            if self.peek_at(1) != b' ' {
                return None;
            }
            self.pos += 1;
            self.skip_spaces();
            if level && items.is_empty() {
                span = self.span(self.pos, 0);
            }
            items.push(self.seq_item(indent)?);
            if self.at_end() || self.indent() < indent {
                break;
            }
            let dash = self.peek() == b'-' && is_break(self.peek_at(1));
            match (self.indent() == indent, dash) {
                (true, true) => continue,
                (true, false) if level => break,
                _ => return None,
            }
        }
        self.nesting -= 1;
        Some(Node::Seq(Seq { items, span }))
    }

    /// One item of a block sequence, `pos` on its first character after `- `.
    fn seq_item(&mut self, indent: usize) -> Option<Node<'a>> {
        match self.peek() {
            b'\n' | b'#' | b'-' => return None,
            _ => {}
        }
        let len = key_len(&self.bytes[self.pos..]);
        if len > 0 && self.peek_at(len) == b':' && is_break(self.peek_at(len + 1)) {
            let column = self.indent();
            return self.block_map(column).map(Node::Map);
        }
        let value = self.inline_value()?;
        self.end_of_line()?;
        if !self.at_end() && self.indent() > indent {
            return None;
        }
        Some(value)
    }

    /// A value written on one line: a quoted or plain scalar, or a flow collection of scalars.
    fn inline_value(&mut self) -> Option<Node<'a>> {
        match self.peek() {
            b'"' => self.double_quoted().map(Node::Scalar),
            b'\'' => self.single_quoted().map(Node::Scalar),
            b'[' => self.flow_seq(),
            b'{' => self.flow_map(),
            _ => self.plain(false).map(Node::Scalar),
        }
    }
}

/// Characters YAML refuses or reads as line breaks: control characters (C0 but the line feed,
/// DEL, C1 with NEL), U+2028 and U+2029, U+FFFE and U+FFFF, and a byte order mark past the
/// start. serde-saphyr says where they are.
fn unusual_characters(text: &str) -> bool {
    let b = text.as_bytes();
    // Plain bytes, checked 32 at a time without branches; only a block holding a control
    // byte or the lead byte of one of the characters above is looked at closely.
    let plain =
        |c: u8| (c >= 0x20 || c == b'\n') & (c != 0x7f) & (c != 0xc2) & (c != 0xe2) & (c != 0xef);
    b.chunks(32).enumerate().any(|(k, block)| {
        !block.iter().fold(true, |ok, &c| ok & plain(c)) && unusual_in(b, k * 32, block.len())
    })
}

/// [`unusual_characters`] on the `len` bytes from `from`.
fn unusual_in(b: &[u8], from: usize, len: usize) -> bool {
    (from..from + len).any(|i| match b[i] {
        b'\n' => false,
        0..0x20 | 0x7f => true,
        0xc2 => matches!(b.get(i + 1), Some(0x80..=0x9f)),
        0xe2 => b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xa8 | 0xa9)),
        0xef => matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0xbf), Some(0xbe | 0xbf)) | (Some(0xbb), Some(0xbf))
        ),
        _ => false,
    })
}

/// Adds a mapping's entry; a key the mapping already has (which serde-saphyr refuses) declines.
fn push_entry<'a>(
    entries: &mut Vec<Entry<'a>>,
    key: &'a str,
    key_span: Span,
    value: Node<'a>,
) -> Option<()> {
    if entries.iter().any(|e| e.key == key) {
        return None;
    }
    entries.push(Entry {
        key,
        key_span,
        value,
    });
    Some(())
}

/// The length of a key at the start of `bytes`: ASCII letters, digits, `_` and `-`.
fn key_len(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
        .count()
}

/// A space or a line's end: what makes `:` a key's colon and `-` a sequence's dash.
fn is_break(b: u8) -> bool {
    matches!(b, b' ' | b'\n')
}

mod flow;
mod scalars;
