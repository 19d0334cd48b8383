//! Human output: miette code frames whose label sits on the offending value.

use crate::finding::Finding;
use crate::i18n::Lang;
use crate::msg;
use crate::report::Counts;
use crate::report::frame::{self, FrameStyle};
use crate::report::help_footer::HelpFooter;
use crate::rules::{Level, Rule};
use crate::source::SourceFile;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, Severity, SourceCode, SourceSpan, SpanContents, ThemeStyles,
};
use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

/// One part of a finding as miette renders it: its message (`frame: false`), or its code
/// frame under an empty message (`frame: true`). The header and help lines are written by
/// `Human::file`, and the message is remembered, as the same message recurs across files.
struct Rendered<'a> {
    finding: &'a Finding,
    source: &'a Indexed<'a>,
    frame: bool,
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
        while let Some(at) = memchr::memchr2(b'\r', b'\n', &bytes[i..]) {
            i += at;
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            i += 1;
            line_starts.push(i);
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
        if self.frame {
            return Ok(());
        }
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for Rendered<'_> {}

/// A line longer than this is not framed: a hostile one-line file (100,000 brackets) would
/// otherwise be printed whole. The header still says file:line:column.
const MAX_FRAMED_LINE: usize = 400;

impl Rendered<'_> {
    fn framed(&self) -> bool {
        if !self.frame {
            return false;
        }
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

fn severity(level: Level) -> Severity {
    match level {
        Level::Error => Severity::Error,
        Level::Warning => Severity::Warning,
        Level::Note => Severity::Advice,
    }
}

/// What miette writes for a finding's message when the message is empty: the severity's
/// icon line, which precedes each code frame rendered under an empty message.
#[derive(Debug)]
struct Blank(Severity);

impl fmt::Display for Blank {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        Ok(())
    }
}

impl std::error::Error for Blank {}

impl Diagnostic for Blank {
    fn severity(&self) -> Option<Severity> {
        Some(self.0)
    }
}

/// No code and no `help`: `Human::file` writes the header and the help lines itself.
impl Diagnostic for Rendered<'_> {
    fn severity(&self) -> Option<Severity> {
        Some(severity(self.finding.level))
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
    /// What code frames are drawn with when they are written without miette.
    frame: FrameStyle,
    /// The header's style for each severity (`slot`), as miette styles a diagnostic's code.
    styles: ThemeStyles,
    /// What miette writes for an empty message, for each severity.
    blank: [String; 3],
    /// What the memory of rendered messages is keyed by besides the message, per severity.
    message_scope: [String; 3],
    pub lang: Lang,
}

/// Where a severity's entry sits in `Human`'s arrays.
fn slot(severity: Severity) -> usize {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Advice => 2,
    }
}

impl Human {
    pub fn new(lang: Lang, color: bool, width: usize) -> Human {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let handler = GraphicalReportHandler::new_themed(theme.clone())
            .with_width(width)
            .with_links(false)
            .with_word_separator(super::line_breaks::separator());
        let severities = [Severity::Error, Severity::Warning, Severity::Advice];
        let blank = severities.map(|s| {
            let mut out = String::new();
            let _ = handler.render_report(&mut out, &Blank(s));
            out
        });
        Human {
            help: HelpFooter::new(&theme, width),
            frame: FrameStyle::new(&theme),
            styles: theme.styles,
            blank,
            message_scope: severities.map(|s| format!("message {width} {color} {}", slot(s))),
            handler,
            lang,
        }
    }

    /// One finding, as miette renders it with its code, message, frame and help.
    fn finding(&self, out: &mut String, source: &Indexed, f: &Finding) {
        let severity = severity(f.level);
        let style = match severity {
            Severity::Error => self.styles.error,
            Severity::Warning => self.styles.warning,
            Severity::Advice => self.styles.advice,
        };
        let _ = match f.span {
            Some(s) => writeln!(
                out,
                "{}\n",
                style.style(format_args!(
                    "{} {}:{}:{}",
                    f.rule.code(),
                    source.name,
                    s.line,
                    s.column
                ))
            ),
            None => writeln!(
                out,
                "{}\n",
                style.style(format_args!("{} {}", f.rule.code(), source.name))
            ),
        };
        let mut part = Rendered {
            finding: f,
            source,
            frame: false,
        };
        super::memo::remembered(&self.message_scope[slot(severity)], &f.message, out, || {
            let mut message = String::new();
            let _ = self.handler.render_report(&mut message, &part);
            message
        });
        part.frame = true;
        if part.framed() && !self.direct_frame(out, source, f) {
            self.miette_frame(out, &part, severity);
        }
        if let Some(help) = &f.help {
            self.help.write(out, help);
        }
        out.push('\n');
    }

    /// The frame of a finding with a span, written by [`frame`] when it is one it draws.
    fn direct_frame(&self, out: &mut String, source: &Indexed, f: &Finding) -> bool {
        let Some(span) = f.span else { return false };
        let text_len = source.text.len();
        let lines = frame::Lines {
            text: source.text,
            starts: &source.line_starts,
        };
        let at = span.offset.min(text_len);
        let len = span.len.min(text_len.saturating_sub(span.offset));
        frame::write(
            out,
            &self.frame,
            source.name,
            &lines,
            (at, len),
            f.label.as_deref(),
        )
    }

    /// The frame as miette renders it under an empty message.
    fn miette_frame(&self, out: &mut String, part: &Rendered, severity: Severity) {
        // miette writes the (empty) message line first: dropped, as the message is out.
        let start = out.len();
        let _ = self.handler.render_report(out, part);
        let blank = &self.blank[slot(severity)];
        if out[start..].starts_with(blank.as_str()) {
            out.replace_range(start..start + blank.len(), "");
        }
    }

    /// All findings of one file, each as a framed diagnostic.
    pub fn file(&self, source: &SourceFile, findings: &[Finding]) -> String {
        let indexed = Indexed::new(&source.name, &source.text);
        let mut out = String::new();
        for f in findings {
            self.finding(&mut out, &indexed, f);
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
    use crate::source::Span;

    /// A finding as one miette diagnostic, code and help included: what `Human::file` wrote
    /// before it rendered the parts separately.
    #[derive(Debug)]
    struct Whole<'a> {
        part: Rendered<'a>,
        code: String,
    }

    impl fmt::Display for Whole<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(&self.part.finding.message)
        }
    }

    impl std::error::Error for Whole<'_> {}

    impl Diagnostic for Whole<'_> {
        fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
            Some(Box::new(&self.code))
        }
        fn severity(&self) -> Option<Severity> {
            self.part.severity()
        }
        fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
            let help = self.part.finding.help.as_ref()?;
            Some(Box::new(help))
        }
        fn source_code(&self) -> Option<&dyn SourceCode> {
            self.part.source_code()
        }
        fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
            self.part.labels()
        }
    }

    /// Header, remembered message, frame and help, written apart, are miette's whole rendering.
    #[test]
    fn parts_equal_the_whole_rendering() {
        let text = include_str!("../../plans/quang-nam-2023.yaml");
        let source = SourceFile {
            name: "q.yaml".to_string(),
            text: text.into(),
        };
        let long = "chỉ tiêu `Ít nhất 70%` thấp hơn mức quốc gia (≥ 80%) — xem Quyết định 1629/QĐ-TTg về Chương trình phòng, chống mại dâm giai đoạn 2021–2025, mục II";
        let mut findings = Vec::new();
        for (i, level) in [Level::Error, Level::Warning, Level::Note]
            .into_iter()
            .enumerate()
        {
            for (j, offset) in (0..text.len()).step_by(text.len() / 7).enumerate() {
                let line = text[..offset].matches('\n').count() + 1;
                let mut f = Finding::new(Rule::ALL[i + j], if j % 2 == 0 { long } else { "ngắn" })
                    .at(Span {
                        offset,
                        len: j * 3,
                        line: u32::try_from(line).unwrap(),
                        column: 1,
                    });
                f.level = level;
                if j % 3 == 0 {
                    f = f.help(long);
                }
                if j % 4 == 1 {
                    f = f.label("giá trị này");
                }
                findings.push(f);
            }
            let mut f = Finding::new(Rule::ALL[i], "cả tệp");
            f.level = level;
            findings.push(f.help("thêm `issued:`"));
        }
        for color in [false, true] {
            for width in [60, 100] {
                let human = Human::new(Lang::Vi, color, width);
                let indexed = Indexed::new(&source.name, &source.text);
                let mut whole = String::new();
                for f in &findings {
                    let code = match f.span {
                        Some(s) => format!("{} q.yaml:{}:{}", f.rule.code(), s.line, s.column),
                        None => format!("{} q.yaml", f.rule.code()),
                    };
                    let part = Rendered {
                        finding: f,
                        source: &indexed,
                        frame: true,
                    };
                    human
                        .handler
                        .render_report(&mut whole, &Whole { part, code })
                        .unwrap();
                    whole.push('\n');
                }
                assert!(
                    whole.contains("╭─[") && whole.contains("giá trị này"),
                    "{whole}"
                );
                // Twice: the second time from the memory.
                for _ in 0..2 {
                    assert_eq!(human.file(&source, &findings), whole, "{color} {width}");
                }
            }
        }
    }

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

    /// Frames written without miette are miette's, byte for byte: on spans all over every
    /// bundled plan (at every line's start, inside words, across multi-byte letters, empty,
    /// at the end of a line, over a line break), with and without a label and colour.
    #[test]
    fn direct_frames_equal_miettes() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (mut direct, mut left) = (0, 0);
        for color in [false, true] {
            let human = Human::new(Lang::Vi, color, 100);
            for dir in ["plans", "examples"] {
                for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                    let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
                    let source = Indexed::new("p.yaml", &text);
                    let offsets = (0..text.len())
                        .step_by(29)
                        .chain(source.line_starts.clone())
                        .chain(source.line_starts.iter().map(|s| s.saturating_sub(1)))
                        .chain([text.len().saturating_sub(1), text.len()])
                        .filter(|&o| text.is_char_boundary(o));
                    for (k, offset) in offsets.enumerate() {
                        for len in [0, 1, 4, 17] {
                            let mut f = Finding::new(Rule::ALL[k % 3], "m").at(Span {
                                offset,
                                len,
                                line: 1,
                                column: 1,
                            });
                            f.label =
                                [None, Some("giá trị này"), Some("")][k % 3].map(String::from);
                            let part = Rendered {
                                finding: &f,
                                source: &source,
                                frame: true,
                            };
                            let mut ours = String::new();
                            if !part.framed() || !human.direct_frame(&mut ours, &source, &f) {
                                left += 1;
                                continue;
                            }
                            direct += 1;
                            let mut theirs = String::new();
                            human.miette_frame(&mut theirs, &part, severity(f.level));
                            assert_eq!(ours, theirs, "offset {offset}, len {len}, colour {color}");
                        }
                    }
                }
            }
        }
        assert!(
            direct > 20_000 && left > 500,
            "direct {direct}, left {left}"
        );
    }
}
