//! Human output: miette code frames whose label sits on the offending value.

use crate::finding::Finding;
use crate::i18n::Lang;
use crate::msg;
use crate::report::Counts;
use crate::report::help_footer::HelpFooter;
use crate::rules::{Level, Rule};
use crate::source::SourceFile;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, Severity, SourceCode, SourceSpan, SpanContents,
};
use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

struct Rendered<'a> {
    finding: &'a Finding,
    source: &'a Indexed<'a>,
    code: String,
}

/// A file's text with the offset of each line, so a code frame reads only the lines around
/// its span: miette's own sources scan the file from its start for every frame, which made
/// rendering cost more than checking on a repository of long plans.
struct Indexed<'a> {
    name: &'a str,
    text: &'a str,
    /// Where each line starts, counting line breaks as miette does (`\r\n`, `\r`, `\n`).
    line_starts: Vec<usize>,
}

impl<'a> Indexed<'a> {
    fn new(name: &'a str, text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    i += 1;
                    line_starts.push(i + 1);
                }
                b'\r' | b'\n' => line_starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        Indexed {
            name,
            text,
            line_starts,
        }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }
}

impl Indexed<'_> {
    /// miette's reading of a window that starts at a line boundary, with its lines numbered
    /// as in the whole file; columns in bytes, as miette counts them.
    fn read_window(
        &self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<MietteSpanContents<'_>, MietteError> {
        // The window starts a line early: miette treats a span at the very start of its
        // input specially.
        let first = self
            .line_of(span.offset())
            .saturating_sub(context_lines_before + 1);
        let last = (span.offset() + span.len())
            .saturating_sub(1)
            .max(span.offset());
        let end_line = self.line_of(last) + context_lines_after + 2;
        let start = self.line_starts[first];
        let end = self
            .line_starts
            .get(end_line)
            .copied()
            .unwrap_or(self.text.len());
        let window = &self.text.as_bytes()[start..end.max(start)];
        let local = SourceSpan::new(span.offset().saturating_sub(start).into(), span.len());
        let inner = window.read_span(&local, context_lines_before, context_lines_after)?;
        let found = inner.span();
        Ok(MietteSpanContents::new_named(
            self.name.to_string(),
            inner.data(),
            SourceSpan::new((found.offset() + start).into(), found.len()),
            inner.line() + first,
            inner.column(),
            inner.line_count() + first,
        ))
    }
}

impl SourceCode for Indexed<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let c = self.read_window(span, context_lines_before, context_lines_after)?;
        // Columns in characters, as every other location kehoach prints (and JSON and SARIF)
        // counts them: miette counts bytes, so a label after "Sở Lao động" would otherwise
        // carry a larger column in the frame than in the header.
        let start = c.span().offset();
        let line_start = start.saturating_sub(c.column());
        let column = self
            .text
            .get(line_start..start)
            .map_or(c.column(), |t| t.chars().count());
        Ok(Box::new(
            MietteSpanContents::new_named(
                self.name.to_string(),
                c.data(),
                *c.span(),
                c.line(),
                column,
                c.line_count(),
            )
            .with_language("yaml"),
        ))
    }
}

impl fmt::Debug for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for Rendered<'_> {}

/// A line longer than this is not framed: a hostile one-line file (100,000 brackets) would
/// otherwise be printed whole. The header still says file:line:column.
const MAX_FRAMED_LINE: usize = 400;

impl Rendered<'_> {
    fn framed(&self) -> bool {
        let Some(span) = self.finding.span else {
            return false;
        };
        let text = self.source.text;
        let at = span.offset.min(text.len());
        let start = text[..at].rfind('\n').map_or(0, |p| p + 1);
        let end = text[at..].find('\n').map_or(text.len(), |p| at + p);
        end - start <= MAX_FRAMED_LINE
    }
}

/// No `help`: `Human::file` writes the help lines after miette's rendering, from a memory.
impl Diagnostic for Rendered<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.code))
    }

    fn severity(&self) -> Option<Severity> {
        Some(match self.finding.level {
            Level::Error => Severity::Error,
            Level::Warning => Severity::Warning,
            Level::Note => Severity::Advice,
        })
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.framed().then_some(self.source as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if !self.framed() {
            return None;
        }
        let span = self.finding.span?;
        let text_len = self.source.text.len();
        let len = span.len.min(text_len.saturating_sub(span.offset));
        let label = LabeledSpan::new(self.finding.label.clone(), span.offset.min(text_len), len);
        Some(Box::new(std::iter::once(label)))
    }
}

/// What a whole `check` run adds up to, for its closing lines.
#[derive(Debug, Default)]
pub struct RunTotals {
    pub counts: Counts,
    /// YAML files met while walking that are not plans.
    pub skipped: usize,
    /// Findings whose fix was applied (--fix) or would be (--diff).
    pub fixed: usize,
    /// Findings reported that have a fix.
    pub fixable: usize,
}

/// Rendering settings: colour and width are decided once, by the CLI.
pub struct Human {
    handler: GraphicalReportHandler,
    /// The help lines, which miette would write last: written here, from a memory of them.
    help: HelpFooter,
    pub lang: Lang,
}

impl Human {
    pub fn new(lang: Lang, color: bool, width: usize) -> Human {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        Human {
            help: HelpFooter::new(&theme, width),
            handler: GraphicalReportHandler::new_themed(theme)
                .with_width(width)
                .with_links(false)
                .with_word_separator(super::line_breaks::separator()),
            lang,
        }
    }

    /// All findings of one file, each as a framed diagnostic.
    pub fn file(&self, source: &SourceFile, findings: &[Finding]) -> String {
        let indexed = Indexed::new(&source.name, &source.text);
        let mut out = String::new();
        for f in findings {
            let code = match f.span {
                Some(s) => format!("{} {}:{}:{}", f.rule.code(), source.name, s.line, s.column),
                None => format!("{} {}", f.rule.code(), source.name),
            };
            let r = Rendered {
                finding: f,
                source: &indexed,
                code,
            };
            let _ = self.handler.render_report(&mut out, &r);
            if let Some(help) = &f.help {
                self.help.write(&mut out, help);
            }
            out.push('\n');
        }
        out
    }

    /// The closing lines of `check`: the counts, then what was skipped, fixed and could be.
    /// `fix`: `Some(true)` with --fix, `Some(false)` with --diff.
    pub fn run_summary(&self, t: &RunTotals, fix: Option<bool>) -> String {
        let lang = self.lang;
        let mut out = match fix {
            Some(false) => msg!(
                lang,
                "Có thể sửa {} vấn đề bằng --fix.\n",
                "Would fix {} finding(s) with --fix.\n",
                t.fixed
            ),
            _ => self.summary(&t.counts),
        };
        if t.skipped > 0 {
            out += &msg!(
                lang,
                "Đã bỏ qua {} tệp YAML không phải kế hoạch kehoach (không có khóa `kehoach:` ở cấp cao nhất).\n",
                "Skipped {} YAML file(s) that are not kehoach plans (no top-level `kehoach:` key).\n",
                t.skipped
            );
        }
        if fix == Some(true) {
            out += &msg!(
                lang,
                "Đã sửa {} vấn đề.\n",
                "Fixed {} finding(s).\n",
                t.fixed
            );
        }
        if fix.is_none() && t.fixable > 0 {
            out += &msg!(
                lang,
                "{} vấn đề sửa được tự động bằng --fix (xem trước bằng --diff).\n",
                "{} finding(s) can be fixed with --fix (preview with --diff).\n",
                t.fixable
            );
        }
        out
    }

    /// `--statistics`: how many findings each rule gave, most first, with what it checks.
    pub fn statistics(&self, per_rule: &BTreeMap<Rule, usize>) -> String {
        let mut rows: Vec<(&Rule, &usize)> = per_rule.iter().collect();
        rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let count_width = rows.first().map_or(1, |(_, n)| n.to_string().len());
        let code_width = rows.iter().map(|(r, _)| r.code().len()).max().unwrap_or(0);
        let mut out = String::new();
        for (rule, n) in rows {
            let _ = writeln!(
                out,
                "{n:>count_width$}  {:<code_width$}  {}",
                rule.code(),
                rule.summary(self.lang)
            );
        }
        out
    }

    pub fn summary(&self, c: &Counts) -> String {
        let lang = self.lang;
        if c.errors + c.warnings + c.notes == 0 {
            return msg!(
                lang,
                "Đã kiểm tra {} tệp: không có vấn đề nào.\n",
                "Checked {} file(s): no findings.\n",
                c.files
            );
        }
        msg!(
            lang,
            "Đã kiểm tra {} tệp: {} lỗi, {} cảnh báo, {} ghi chú.\n",
            "Checked {} file(s): {} error(s), {} warning(s), {} note(s).\n",
            c.files,
            c.errors,
            c.warnings,
            c.notes
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reading through the line index gives exactly what miette reads from the whole text.
    #[test]
    fn indexed_reads_equal_whole_text_reads() {
        let plan = include_str!("../../plans/quang-nam-2023.yaml");
        let texts = [
            plan.to_string(),
            plan.replace('\n', "\r\n"),
            plan.replace("\n  - ", "\r  - "),
            "a\n\nb: [\n\n".to_string(),
        ];
        for text in &texts {
            let indexed = Indexed::new("f.yaml", text);
            let step = (text.len() / 150).max(1);
            // Offsets spread over the file, and every line's first and last byte.
            let mut offsets: Vec<usize> = (0..text.len()).step_by(step).collect();
            offsets.extend(
                indexed
                    .line_starts
                    .iter()
                    .flat_map(|&s| [s, s.saturating_sub(1)]),
            );
            offsets.retain(|&o| o < text.len());
            for offset in offsets {
                for len in [0, 1, 5, 80] {
                    let len = len.min(text.len() - offset);
                    let span = SourceSpan::new(offset.into(), len);
                    for (before, after) in [(0, 0), (1, 1), (2, 3)] {
                        let whole = text.as_bytes().read_span(&span, before, after).unwrap();
                        let part = indexed.read_window(&span, before, after).unwrap();
                        assert_eq!(part.data(), whole.data(), "{offset}+{len}");
                        assert_eq!(part.span(), whole.span(), "{offset}+{len}");
                        assert_eq!(part.line(), whole.line(), "{offset}+{len}");
                        assert_eq!(part.column(), whole.column(), "{offset}+{len}");
                        assert_eq!(part.line_count(), whole.line_count(), "{offset}+{len}");
                    }
                }
            }
        }
    }
}
