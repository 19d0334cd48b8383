//! The `help:` lines under a finding, wrapped as miette wraps them, remembered per thread
//! (`memo`).
//! A rule's help text is the same for every finding of that rule, and wrapping it again for
//! each one (textwrap's word widths and its optimal fit) was most of what the human format
//! cost beyond the JSON one. The text is the same as miette's `render_footer` writes: the same
//! options, the same wrapper, the same separator.

use miette::GraphicalTheme;

/// How miette frames a help text for one width and theme.
pub struct HelpFooter {
    /// miette's terminal width less the two columns it keeps free.
    width: usize,
    /// `  help: `, in the theme's help style.
    initial_indent: String,
    /// What the memory of footers is keyed by besides the text: width and indent.
    scope: String,
}

impl HelpFooter {
    pub fn new(theme: &GraphicalTheme, termwidth: usize) -> Self {
        let width = termwidth.saturating_sub(2);
        let initial_indent = theme.styles.help.style("  help: ").to_string();
        HelpFooter {
            scope: format!("help {width} {initial_indent}"),
            width,
            initial_indent,
        }
    }

    /// Appends the footer of `help` to `out`, as miette would after the code frame.
    pub fn write(&self, out: &mut String, help: &str) {
        super::memo::remembered(&self.scope, help, out, || self.wrap(help));
    }

    fn wrap(&self, help: &str) -> String {
        let opts = textwrap::Options::new(self.width)
            .initial_indent(&self.initial_indent)
            .subsequent_indent("        ")
            .break_words(true)
            .word_separator(super::line_breaks::separator());
        let mut text = textwrap::fill(help, opts);
        text.push('\n');
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use miette::{Diagnostic, GraphicalReportHandler};
    use std::fmt;

    #[derive(Debug)]
    struct Plain {
        help: Option<&'static str>,
    }

    impl fmt::Display for Plain {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("chỉ tiêu thấp hơn mức quốc gia")
        }
    }

    impl std::error::Error for Plain {}

    impl Diagnostic for Plain {
        fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
            self.help.map(|h| Box::new(h) as Box<dyn fmt::Display>)
        }
    }

    /// miette's rendering without help, then the footer, is miette's rendering with help.
    #[test]
    fn footer_is_miette_s_own() {
        let helps = [
            "",
            "ghi `completeness: summary`",
            "the source is only part of the document (`completeness: summary`), so whether the plan sets these targets is unknown; once the full text is at hand, add them under `indicators:` and drop `completeness:`",
            "nguồn chỉ là một phần của văn bản, nên không biết kế hoạch có đặt các chỉ tiêu này hay không; khi có toàn văn, hãy thêm chúng vào `indicators:` và bỏ `completeness:`\nxem Quyết định 1629/QĐ-TTg",
        ];
        for theme in [GraphicalTheme::unicode(), GraphicalTheme::unicode_nocolor()] {
            for width in [20, 60, 100] {
                let handler = GraphicalReportHandler::new_themed(theme.clone())
                    .with_width(width)
                    .with_links(false)
                    .with_word_separator(super::super::line_breaks::separator());
                let footer = HelpFooter::new(&theme, width);
                for help in helps {
                    let mut theirs = String::new();
                    handler
                        .render_report(&mut theirs, &Plain { help: Some(help) })
                        .unwrap();
                    // Twice: the second comes from the memory.
                    for _ in 0..2 {
                        let mut ours = String::new();
                        handler
                            .render_report(&mut ours, &Plain { help: None })
                            .unwrap();
                        footer.write(&mut ours, help);
                        assert_eq!(ours, theirs, "{width} {help:?}");
                    }
                }
            }
        }
    }
}
