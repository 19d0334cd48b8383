//! Human output: miette code frames whose label sits on the offending value.

use crate::check::Finding;
use crate::i18n::Lang;
use crate::msg;
use crate::report::Counts;
use crate::rules::Level;
use crate::source::SourceFile;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, Severity,
    SourceCode,
};
use std::fmt;

struct Rendered<'a> {
    finding: &'a Finding,
    source: &'a CharColumns,
    code: String,
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

/// The source as miette sees it, but with columns counted in characters, as every other
/// location kehoach prints (and JSON and SARIF) counts them. miette counts bytes, so a label after
/// "Sở Lao động" would otherwise carry a larger column in the frame than in the header.
struct CharColumns(NamedSource<String>);

impl CharColumns {
    fn inner(&self) -> &String {
        self.0.inner()
    }
}

impl SourceCode for CharColumns {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let c = self.0.read_span(span, before, after)?;
        let text = self.0.inner();
        let start = c.span().offset();
        let line_start = start.saturating_sub(c.column());
        let column = text
            .get(line_start..start)
            .map_or(c.column(), |t| t.chars().count());
        let name = c.name().unwrap_or_default().to_string();
        Ok(Box::new(miette::MietteSpanContents::new_named(
            name,
            c.data(),
            *c.span(),
            c.line(),
            column,
            c.line_count(),
        )))
    }
}

/// A line longer than this is not framed: a hostile one-line file (100,000 brackets) would
/// otherwise be printed whole. The header still says file:line:column.
const MAX_FRAMED_LINE: usize = 400;

impl Rendered<'_> {
    fn framed(&self) -> bool {
        let Some(span) = self.finding.span else {
            return false;
        };
        let text = self.source.inner();
        let at = span.offset.min(text.len());
        let start = text[..at].rfind('\n').map_or(0, |p| p + 1);
        let end = text[at..].find('\n').map_or(text.len(), |p| at + p);
        end - start <= MAX_FRAMED_LINE
    }
}

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

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.finding
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.framed().then_some(self.source as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if !self.framed() {
            return None;
        }
        let span = self.finding.span?;
        let len = span
            .len
            .min(self.source.inner().len().saturating_sub(span.offset));
        let label = LabeledSpan::new(
            self.finding.label.clone(),
            span.offset.min(self.source.inner().len()),
            len,
        );
        Some(Box::new(std::iter::once(label)))
    }
}

/// Rendering settings: colour and width are decided once, by the CLI.
pub struct Human {
    handler: GraphicalReportHandler,
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
            handler: GraphicalReportHandler::new_themed(theme)
                .with_width(width)
                .with_links(false),
            lang,
        }
    }

    /// All findings of one file, each as a framed diagnostic.
    pub fn file(&self, source: &SourceFile, findings: &[Finding]) -> String {
        let named = CharColumns(
            NamedSource::new(&source.name, source.text.to_string()).with_language("yaml"),
        );
        let mut out = String::new();
        for f in findings {
            let code = match f.span {
                Some(s) => format!("{} {}:{}:{}", f.rule.code(), source.name, s.line, s.column),
                None => format!("{} {}", f.rule.code(), source.name),
            };
            let r = Rendered {
                finding: f,
                source: &named,
                code,
            };
            let _ = self.handler.render_report(&mut out, &r);
            out.push('\n');
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
