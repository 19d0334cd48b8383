//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning and other viewers read it.
//!
//! One run; the tool's rules are the whole catalogue (so `ruleIndex` is a rule's place in
//! [`Rule::ALL`]); each finding is a result whose region is the offending value, with the same
//! 1-based line and column as the human and JSON reports (columns count Unicode characters,
//! declared by `columnKind`). Results are written as they come, so memory does not grow with
//! the number of files.

use crate::finding::Finding;
use crate::i18n::Lang;
use crate::rules::{Level, Rule};
use crate::source::{SourceFile, Span};
use serde_json::{Value, json};
use std::io::Write;

pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// Where the tool is described: the package's repository or homepage, when Cargo.toml names
/// one (an address is never made up here).
fn information_uri() -> Option<&'static str> {
    [env!("CARGO_PKG_REPOSITORY"), env!("CARGO_PKG_HOMEPAGE")]
        .into_iter()
        .find(|u| !u.is_empty())
}

/// The tool description: name, version and every rule with its help text in both languages.
pub fn driver() -> Value {
    let rules: Vec<Value> = Rule::ALL
        .iter()
        .map(|&r| {
            let en = r.summary(Lang::En);
            let vi = r.summary(Lang::Vi);
            json!({
                "id": r.code(),
                "shortDescription": { "text": en },
                "fullDescription": { "text": format!("{en}\n{vi}") },
                "help": {
                    "text": format!("{en}\n{vi}\n\nkehoach explain {}", r.code()),
                    "markdown": format!("{en}\n\n*{vi}*\n\n`kehoach explain {}`", r.code()),
                },
                "defaultConfiguration": { "level": level(r.default_level()) },
            })
        })
        .collect();
    let mut driver = json!({
        "name": "kehoach",
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "rules": rules,
    });
    if let Some(u) = information_uri() {
        driver["informationUri"] = json!(u);
    }
    driver
}

fn level(l: Level) -> &'static str {
    match l {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Note => "note",
    }
}

fn rule_index(rule: Rule) -> usize {
    Rule::ALL
        .iter()
        .position(|&r| r == rule)
        .expect("every rule is in Rule::ALL")
}

/// A file name as a relative URI reference: forward slashes, no leading `./`, and
/// percent-encoding for anything outside the unreserved characters (Vietnamese names, spaces).
/// Absolute paths become `file://` URIs.
pub fn uri(name: &str) -> String {
    let slashed = name.replace('\\', "/");
    let mut path = slashed.as_str();
    while let Some(rest) = path.strip_prefix("./") {
        path = rest;
    }
    let mut out = String::with_capacity(path.len() + 8);
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The line and column just after the span, for `endLine`/`endColumn` (exclusive).
pub fn end_of(text: &str, span: Span) -> (u32, u32) {
    let end = (span.offset + span.len).min(text.len());
    let covered = text.get(span.offset.min(end)..end).unwrap_or("");
    let (mut line, mut column) = (span.line, span.column);
    for c in covered.chars() {
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    (line, column)
}

/// One result, serialised: what a worker thread hands to the writer.
pub fn result(source: &SourceFile, f: &Finding) -> String {
    let mut physical = json!({ "artifactLocation": { "uri": uri(&source.name) } });
    let span = f.span.unwrap_or(Span {
        offset: 0,
        len: 0,
        line: 1,
        column: 1,
    });
    let mut region = json!({ "startLine": span.line, "startColumn": span.column });
    if span.len > 0 {
        let (end_line, end_column) = end_of(&source.text, span);
        region["endLine"] = json!(end_line);
        region["endColumn"] = json!(end_column);
    }
    physical["region"] = region;
    let mut text = f.message.clone();
    if let Some(help) = &f.help {
        text.push('\n');
        text.push_str(help);
    }
    let mut r = json!({
        "ruleId": f.rule.code(),
        "ruleIndex": rule_index(f.rule),
        "level": level(f.level),
        "message": { "text": text },
        "locations": [{ "physicalLocation": physical }],
    });
    let mut properties = serde_json::Map::new();
    if let Some(i) = &f.indicator {
        properties.insert("indicator".into(), json!(i));
    }
    if let Some(a) = &f.agency {
        properties.insert("agency".into(), json!(a));
    }
    if !properties.is_empty() {
        r["properties"] = Value::Object(properties);
    }
    if let Some(edit) = f
        .fix
        .as_ref()
        .and_then(|x| crate::fix::edit(&source.text, x))
    {
        let span = f.fix.as_ref().map_or(span, |x| x.span);
        let (end_line, end_column) = end_of(&source.text, span);
        r["fixes"] = json!([{
            "description": { "text": format!("{} → {}", &source.text[edit.offset..edit.offset + edit.len], edit.replacement) },
            "artifactChanges": [{
                "artifactLocation": { "uri": uri(&source.name) },
                "replacements": [{
                    "deletedRegion": {
                        "startLine": span.line, "startColumn": span.column,
                        "endLine": end_line, "endColumn": end_column,
                    },
                    "insertedContent": { "text": edit.replacement },
                }],
            }],
        }]);
    }
    if let Some(reason) = &f.waiver {
        r["suppressions"] = json!([{ "kind": "inSource", "justification": reason }]);
    }
    r.to_string()
}

/// Writes the log around results handed to it one by one.
pub struct SarifWriter<W: Write> {
    out: W,
    first: bool,
}

impl<W: Write> SarifWriter<W> {
    pub fn start(mut out: W, lang: Lang) -> std::io::Result<Self> {
        let language = match lang {
            Lang::Vi => "vi-VN",
            Lang::En => "en-US",
        };
        write!(
            out,
            "{{\n\"$schema\": \"{SCHEMA_URI}\",\n\"version\": \"2.1.0\",\n\"runs\": [{{\n\"tool\": {{\"driver\": {}}},\n\"language\": \"{language}\",\n\"columnKind\": \"unicodeCodePoints\",\n\"results\": [",
            driver()
        )?;
        Ok(SarifWriter { out, first: true })
    }

    /// Results already serialised by [`result`].
    pub fn results(&mut self, results: &[String]) -> std::io::Result<()> {
        for r in results {
            self.out
                .write_all(if self.first { b"\n  " } else { b",\n  " })?;
            self.first = false;
            self.out.write_all(r.as_bytes())?;
        }
        Ok(())
    }

    /// Closes the log. `unreadable` lists the inputs that could not be read (name, reason):
    /// they make the invocation unsuccessful and are reported as notifications.
    pub fn finish(mut self, unreadable: &[(String, String)]) -> std::io::Result<()> {
        let notifications: Vec<Value> = unreadable
            .iter()
            .map(|(name, reason)| {
                json!({
                    "level": "error",
                    "message": { "text": format!("{name}: {reason}") },
                    "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(name) } } }],
                })
            })
            .collect();
        let invocation = json!({
            "executionSuccessful": unreadable.is_empty(),
            "toolExecutionNotifications": notifications,
        });
        write!(self.out, "\n],\n\"invocations\": [{invocation}]\n}}]\n}}\n")?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_references() {
        assert_eq!(
            uri("plans/quang-nam-2023.yaml"),
            "plans/quang-nam-2023.yaml"
        );
        assert_eq!(uri("./plans/x.yaml"), "plans/x.yaml");
        assert_eq!(uri("plans\\x.yaml"), "plans/x.yaml");
        assert_eq!(uri("kế hoạch.yaml"), "k%E1%BA%BF%20ho%E1%BA%A1ch.yaml");
        assert_eq!(uri("/tmp/a b.yaml"), "file:///tmp/a%20b.yaml");
    }

    #[test]
    fn regions_end_after_the_value() {
        let text = "a: 1\ntarget: \"Trên 70%\"\n";
        let offset = text.find('"').unwrap();
        let span = Span::at_offset(text, offset, "\"Trên 70%\"".len());
        assert_eq!((span.line, span.column), (2, 9));
        // Ten characters (one of them two bytes): the region ends at column 19.
        assert_eq!(end_of(text, span), (2, 19));
        let across = Span::at_offset(text, 0, 6);
        assert_eq!(end_of(text, across), (2, 2));
    }
}
