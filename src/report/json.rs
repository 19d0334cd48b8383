//! `--format json`: one document on stdout, a list of located findings and the counts.

use crate::finding::Finding;
use crate::i18n::Lang;
use crate::report::sarif::end_of;
use crate::rules::Level;
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
    let mut out = String::with_capacity(1024);
    JsonFinding::new(source, finding, lang).write_to(&mut out);
    out
}

impl JsonFinding<'_> {
    /// Appends what `serde_json::to_string(self)` writes, byte for byte. Written out because
    /// serde_json escapes a string byte by byte, and a finding's messages are most of a JSON
    /// report: this skips the runs with nothing to escape (`string`). The derived
    /// `Serialize` stays the definition; a test holds the two together.
    fn write_to(&self, out: &mut String) {
        let f = self.finding;
        out.push_str("{\"file\":");
        string(out, self.file);
        field(out, "code", f.rule.code());
        let level = match f.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "note",
        };
        field(out, "level", level);
        field(out, "message", &f.message);
        let optional = [
            ("label", &f.label),
            ("help", &f.help),
            ("indicator", &f.indicator),
            ("agency", &f.agency),
            ("waiver", &f.waiver),
        ];
        for (name, value) in optional {
            if let Some(v) = value {
                field(out, name, v);
            }
        }
        number_field(out, "line", self.line);
        number_field(out, "column", self.column);
        number_field(out, "end_line", self.end_line);
        number_field(out, "end_column", self.end_column);
        field(out, "docs", &self.docs);
        field(out, "summary", self.summary);
        if let Some(fix) = &self.fix {
            out.push_str(",\"fix\":{\"replacement\":");
            string(out, &fix.replacement);
            number_field(out, "line", Some(fix.line));
            number_field(out, "column", Some(fix.column));
            number_field(out, "end_line", Some(fix.end_line));
            number_field(out, "end_column", Some(fix.end_column));
            out.push('}');
        }
        out.push('}');
    }
}

/// `,"name":"value"`.
fn field(out: &mut String, name: &str, value: &str) {
    out.push_str(",\"");
    out.push_str(name);
    out.push_str("\":");
    string(out, value);
}

/// `,"name":n`, or `,"name":null`.
fn number_field(out: &mut String, name: &str, value: Option<u32>) {
    out.push_str(",\"");
    out.push_str(name);
    out.push_str("\":");
    let Some(mut n) = value else {
        out.push_str("null");
        return;
    };
    // The decimal digits, last first, as `{n}` would write them without the formatter's
    // machinery (four of these per finding).
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&digits[at..]).expect("ASCII digits"));
}

/// `s` as a JSON string, escaped as serde_json escapes it: the quote and the backslash, the
/// control characters with a short form (`\n`, `\t`, ...), the others as `\u00XX`; nothing
/// else.
fn string(out: &mut String, s: &str) {
    let needs_escape = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
    let bytes = s.as_bytes();
    out.reserve(s.len() + 2);
    out.push('"');
    let (mut start, mut at) = (0, 0);
    loop {
        // Sixteen bytes at a time while none needs escaping (a few vector instructions),
        // where serde_json looks each byte up in a table; then byte by byte to the one that
        // does (or the end).
        while let Some(chunk) = bytes.get(at..at + 16)
            && !chunk.iter().fold(false, |any, &b| any | needs_escape(b))
        {
            at += 16;
        }
        while at < bytes.len() && !needs_escape(bytes[at]) {
            at += 1;
        }
        let Some(&b) = bytes.get(at) else { break };
        // Only ASCII bytes are escaped, so both ends are character boundaries.
        out.push_str(&s[start..at]);
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0xf)]));
            }
        }
        at += 1;
        start = at;
    }
    out.push_str(&s[start..]);
    out.push('"');
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rule;
    use crate::source::Span;

    fn serde_item(source: &SourceFile, finding: &Finding, lang: Lang) -> String {
        serde_json::to_string(&JsonFinding::new(source, finding, lang)).expect("serialises")
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut every_byte: String = (0u8..0x80).map(char::from).collect();
        every_byte.push_str("Sở Y tế “70%” ≥ \\ \" \u{7f}\u{2028}");
        for s in [
            "",
            "a",
            "\"",
            "0123456789abcdef\n",
            &every_byte,
            &every_byte[3..],
        ] {
            let mut out = String::new();
            string(&mut out, s);
            assert_eq!(out, serde_json::to_string(s).expect("serialises"), "{s:?}");
        }
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        for n in [0, 7, 10, 99, 1234, u32::MAX] {
            let mut out = String::new();
            number_field(&mut out, "n", Some(n));
            assert_eq!(out, format!(",\"n\":{n}"));
        }
    }

    #[test]
    fn a_finding_is_written_as_serde_json_writes_it() {
        let text = "kehoach: 1\nplan:\n  province: \"Ha Noi\"\n  title: x\n";
        let source = SourceFile {
            name: "plans/\"odd\"\\name.yaml".to_string(),
            text: text.into(),
        };
        let at = text.find("\"Ha Noi\"").expect("in the text");
        let span = Span::at_offset(text, at, "\"Ha Noi\"".len());
        let bare = Finding::new(Rule::UnknownAgency, "plain");
        let full = Finding::new(Rule::NoLeadAgency, "tab\there \u{1} “quoted”")
            .at(span)
            .label("label\nline")
            .help("help \\ back")
            .indicator("1a")
            .agency("Sở Y tế")
            .fix(span, "Hà Nội");
        let mut waived = full.clone();
        waived.waiver = Some("because".to_string());
        waived.level = crate::rules::Level::Note;
        for finding in [&bare, &full, &waived] {
            for lang in [Lang::Vi, Lang::En] {
                assert_eq!(
                    item(&source, finding, lang),
                    serde_item(&source, finding, lang)
                );
            }
        }
        assert!(serde_item(&source, &full, Lang::En).contains("\"fix\":{"));
    }
}
