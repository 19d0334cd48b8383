//! `--format github`: GitHub Actions workflow commands, so findings appear as annotations on
//! the lines of a pull request: `::error file=F,line=L,col=C,title=CODE::message`.

use crate::finding::Finding;
use crate::rules::Level;
use crate::source::SourceFile;
use std::fmt::Write;

/// Every finding of one file, one command a line.
pub fn annotations(source: &SourceFile, findings: &[Finding]) -> String {
    let mut out = String::new();
    let file = source.name.replace('\\', "/");
    let file = file.trim_start_matches("./");
    for f in findings {
        let command = match f.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "notice",
        };
        let mut properties = format!("file={}", escape_property(file));
        if let Some(s) = f.span {
            let _ = write!(properties, ",line={},col={}", s.line, s.column);
        }
        let _ = write!(properties, ",title={}", escape_property(f.rule.code()));
        let mut message = f.message.clone();
        if let Some(help) = &f.help {
            message.push('\n');
            message.push_str(help);
        }
        let _ = writeln!(out, "::{command} {properties}::{}", escape_data(&message));
    }
    out
}

/// The message part: `%`, CR and LF are encoded so a message stays on its command's line.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value: additionally `:` and `,`, which separate properties.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_cannot_be_broken_by_their_text() {
        assert_eq!(escape_data("50%\nnext\r"), "50%25%0Anext%0D");
        assert_eq!(escape_property("a,b:c%"), "a%2Cb%3Ac%25");
    }
}
