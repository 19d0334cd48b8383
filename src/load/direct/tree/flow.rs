//! Flow collections of scalars on one line: `[a, "b"]` and `{ name: x, title: "y" }`.

use super::{Map, Node, Reader, Scalar, Seq};

impl<'a> Reader<'a> {
    /// `[…]`, `pos` on the bracket.
    pub(super) fn flow_seq(&mut self) -> Option<Node<'a>> {
        let (span, line) = self.open_flow()?;
        let mut items = Vec::new();
        if self.peek() != b']' {
            loop {
                items.push(Node::Scalar(self.flow_scalar()?));
                if self.flow_separator(b']')? {
                    break;
                }
            }
        }
        self.pos += 1;
        (self.line == line).then_some(Node::Seq(Seq { items, span }))
    }

    /// `{…}`, `pos` on the brace.
    pub(super) fn flow_map(&mut self) -> Option<Node<'a>> {
        let (span, line) = self.open_flow()?;
        let mut entries = Vec::new();
        if self.peek() != b'}' {
            loop {
                let (key, key_span) = self.key()?;
                self.skip_spaces();
                let value = Node::Scalar(self.flow_scalar()?);
                super::push_entry(&mut entries, key, key_span, value)?;
                if self.flow_separator(b'}')? {
                    break;
                }
            }
        }
        self.pos += 1;
        (self.line == line).then_some(Node::Map(Map { entries, span }))
    }

    fn open_flow(&mut self) -> Option<(crate::source::Span, u32)> {
        self.count_node()?;
        let opened = (self.span(self.pos, 1), self.line);
        self.pos += 1;
        self.skip_spaces();
        Some(opened)
    }

    /// After an item: `true` on the closing bracket (left for the caller), `false` past a
    /// comma. A comma before the bracket is declined.
    fn flow_separator(&mut self, close: u8) -> Option<bool> {
        self.skip_spaces();
        match self.peek() {
            b',' => {
                self.pos += 1;
                self.skip_spaces();
                (self.peek() != close).then_some(false)
            }
            b if b == close => Some(true),
            _ => None,
        }
    }

    fn flow_scalar(&mut self) -> Option<Scalar<'a>> {
        match self.peek() {
            b'"' => self.double_quoted(),
            b'\'' => self.single_quoted(),
            _ => self.plain(true),
        }
    }
}
