//! The shape every tabular view is reduced to before a writer (terminal, Markdown, CSV, HTML)
//! lays it out: headed blocks of text and grids whose cells carry a tone, not a colour.

use crate::verdict::Verdict;

/// What a cell says about compliance; each writer picks its own colour for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Stronger,
    Equal,
    Weaker,
    NotComparable,
    Missing,
    Aggregate,
    /// Present but not asked for, or not applicable: shown faintly.
    Faint,
}

impl Tone {
    /// The CSS class and the name used in legends.
    pub fn class(self) -> &'static str {
        match self {
            Tone::Plain => "plain",
            Tone::Stronger => "v-stronger",
            Tone::Equal => "v-equal",
            Tone::Weaker => "v-weaker",
            Tone::NotComparable => "v-not-comparable",
            Tone::Missing => "v-missing",
            Tone::Aggregate => "v-aggregate",
            Tone::Faint => "faint",
        }
    }
}

impl From<Verdict> for Tone {
    fn from(v: Verdict) -> Tone {
        match v {
            Verdict::Stronger => Tone::Stronger,
            Verdict::Equal => Tone::Equal,
            Verdict::Weaker => Tone::Weaker,
            Verdict::NotComparable => Tone::NotComparable,
            Verdict::Missing => Tone::Missing,
            Verdict::Aggregate => Tone::Aggregate,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub text: String,
    pub tone: Tone,
    /// A longer explanation (HTML tooltip); other writers leave it out.
    pub tip: Option<String>,
}

impl Cell {
    pub fn plain(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            tone: Tone::Plain,
            tip: None,
        }
    }

    pub fn toned(text: impl Into<String>, tone: Tone) -> Cell {
        Cell {
            text: text.into(),
            tone,
            tip: None,
        }
    }

    pub fn tip(mut self, tip: impl Into<String>) -> Cell {
        self.tip = Some(tip.into());
        self
    }
}

#[derive(Clone, Debug, Default)]
pub struct Grid {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Grid {
    pub fn new(header: impl IntoIterator<Item = impl Into<String>>) -> Grid {
        Grid {
            header: header.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<Cell>) {
        debug_assert_eq!(cells.len(), self.header.len());
        self.rows.push(cells);
    }
}

#[derive(Clone, Debug)]
pub enum Block {
    Heading(String),
    Text(String),
    Grid(Grid),
}

/// A report for people: headings, sentences and grids, in reading order.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub blocks: Vec<Block>,
}

impl Report {
    pub fn heading(&mut self, s: impl Into<String>) {
        self.blocks.push(Block::Heading(s.into()));
    }

    pub fn text(&mut self, s: impl Into<String>) {
        self.blocks.push(Block::Text(s.into()));
    }

    pub fn grid(&mut self, g: Grid) {
        self.blocks.push(Block::Grid(g));
    }
}
