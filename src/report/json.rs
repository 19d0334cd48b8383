//! `--format json`: one document on stdout, a list of located findings and the counts.

use crate::finding::Finding;
use crate::i18n::Lang;
use crate::report::sarif::end_of;
use crate::source::SourceFile;
use serde::Serialize;

#[derive(Serialize)]
pub struct JsonFinding<'a> {
    pub file: &'a str,
    #[serde(flatten)]
    pub finding: &'a Finding,
    pub line: Option<u32>,
    pub column: Option<u32>,
    /// Just after the offending value (exclusive), as SARIF's `endLine`/`endColumn`; equal to
    /// `line`/`column` for an empty span.
    pub end_line: Option<u32>,
    pub end_column: Option<u32>,
    /// The rule's documentation: `docs/rules/CODE.md` in kehoach's repository (the same text
    /// as `kehoach explain CODE`), and its one-line summary in the report's language.
    pub docs: String,
    pub summary: &'static str,
    /// What `--fix` would write: the exact bytes replacing the located range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<JsonFix>,
}

#[derive(Serialize)]
pub struct JsonFix {
    pub replacement: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

impl<'a> JsonFinding<'a> {
    pub fn new(source: &'a SourceFile, finding: &'a Finding, lang: Lang) -> Self {
        let end = finding.span.map(|s| end_of(&source.text, s));
        let fix = finding
            .fix
            .as_ref()
            .and_then(|x| crate::fix::edit(&source.text, x).map(|e| (x.span, e)))
            .map(|(span, e)| {
                let (end_line, end_column) = end_of(&source.text, span);
                JsonFix {
                    replacement: e.replacement,
                    line: span.line,
                    column: span.column,
                    end_line,
                    end_column,
                }
            });
        JsonFinding {
            file: &source.name,
            finding,
            line: finding.span.map(|s| s.line),
            column: finding.span.map(|s| s.column),
            end_line: end.map(|e| e.0),
            end_column: end.map(|e| e.1),
            docs: format!("docs/rules/{}.md", finding.rule.code()),
            summary: finding.rule.summary(lang),
            fix,
        }
    }
}

/// One finding as a JSON object, for [`JsonWriter::items`] (serialised off the writing thread).
pub fn item(source: &SourceFile, finding: &Finding, lang: Lang) -> String {
    serde_json::to_string(&JsonFinding::new(source, finding, lang)).expect("a finding serialises")
}

/// Writes `{"findings": [...], "summary": {...}}` incrementally, so memory does not grow
/// with the number of files checked.
pub struct JsonWriter<W: std::io::Write> {
    out: W,
    first: bool,
}

impl<W: std::io::Write> JsonWriter<W> {
    pub fn start(mut out: W) -> std::io::Result<Self> {
        out.write_all(b"{\"findings\": [")?;
        Ok(JsonWriter { out, first: true })
    }

    /// Findings already serialised by [`item`], in order.
    pub fn items(&mut self, items: &[String]) -> std::io::Result<()> {
        for item in items {
            self.out
                .write_all(if self.first { b"\n  " } else { b",\n  " })?;
            self.first = false;
            self.out.write_all(item.as_bytes())?;
        }
        Ok(())
    }

    /// Closes the list and writes the summary object (the counts, and whatever the command
    /// adds to them).
    pub fn finish(mut self, summary: &impl Serialize) -> std::io::Result<()> {
        self.out.write_all(b"\n],\n\"summary\": ")?;
        serde_json::to_writer(&mut self.out, summary)?;
        self.out.write_all(b"}\n")?;
        self.out.flush()
    }
}
