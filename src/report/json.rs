//! `--format json`: one document on stdout, a list of located findings and the counts.

use crate::check::Finding;
use crate::report::Counts;
use crate::source::SourceFile;
use serde::Serialize;

#[derive(Serialize)]
pub struct JsonFinding<'a> {
    pub file: &'a str,
    #[serde(flatten)]
    pub finding: &'a Finding,
    pub line: Option<u32>,
    pub column: Option<u32>,
}

impl<'a> JsonFinding<'a> {
    pub fn new(source: &'a SourceFile, finding: &'a Finding) -> Self {
        JsonFinding {
            file: &source.name,
            finding,
            line: finding.span.map(|s| s.line),
            column: finding.span.map(|s| s.column),
        }
    }
}

/// One finding as a JSON object, for [`JsonWriter::items`] (serialised off the writing thread).
pub fn item(source: &SourceFile, finding: &Finding) -> String {
    serde_json::to_string(&JsonFinding::new(source, finding)).expect("a finding serialises")
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

    pub fn file(&mut self, source: &SourceFile, findings: &[Finding]) -> std::io::Result<()> {
        for f in findings {
            self.out
                .write_all(if self.first { b"\n  " } else { b",\n  " })?;
            self.first = false;
            serde_json::to_writer(&mut self.out, &JsonFinding::new(source, f))?;
        }
        Ok(())
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

    pub fn finish(mut self, counts: &Counts) -> std::io::Result<()> {
        self.out.write_all(b"\n],\n\"summary\": ")?;
        serde_json::to_writer(&mut self.out, counts)?;
        self.out.write_all(b"}\n")?;
        self.out.flush()
    }
}
