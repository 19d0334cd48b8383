//! `kehoach explain CODE` and `kehoach explain --list`: the rules' documentation.

use super::Context;
use crate::i18n::Lang;
use crate::msg;
use crate::rules::{Example, Rule};
use crate::text::did_you_mean;
use std::fmt::Write;
use std::io::IsTerminal;

#[derive(clap::Args, Debug)]
pub struct ExplainArgs {
    /// The rule's code, as findings show it (e.g. weaker-target)
    #[arg(
        value_name = "CODE",
        required_unless_present = "list",
        conflicts_with = "list"
    )]
    pub code: Option<String>,
    /// List every rule with its default level and what it checks
    #[arg(long)]
    pub list: bool,
}

pub fn run(ctx: &Context, args: ExplainArgs) -> i32 {
    let lang = ctx.lang;
    let Some(code) = args.code else {
        return super::output::print(lang, list(lang).as_bytes());
    };
    let code = code.trim();
    match Rule::from_code(code) {
        Some(rule) => {
            let page = explain(rule, lang);
            // Markdown for a file or a pipe (docs, scripts); plain text for a person at a terminal.
            let shown = if std::io::stdout().is_terminal() {
                plain(&page, ctx.stdout_color)
            } else {
                page
            };
            super::output::print(lang, shown.as_bytes())
        }
        None => {
            let codes = Rule::ALL.iter().map(|r| r.code());
            let hint = match did_you_mean(code, codes) {
                Some(best) => msg!(lang, "Có phải ý bạn là `{best}`?", "did you mean `{best}`?"),
                None => msg!(
                    lang,
                    "danh sách quy tắc: `kehoach explain --list`",
                    "list the rules with `kehoach explain --list`"
                ),
            };
            eprintln!(
                "{}",
                msg!(
                    lang,
                    "kehoach: không có quy tắc `{code}`; {hint}",
                    "kehoach: no rule `{code}`; {hint}"
                )
            );
            2
        }
    }
}

/// A rule's page: code and default level, summary, what and why, then the two examples.
pub fn explain(rule: Rule, lang: Lang) -> String {
    let mut out = String::new();
    let level = rule.default_level().name(lang);
    let _ = writeln!(
        out,
        "{}",
        msg!(
            lang,
            "{} (mức mặc định: {level})",
            "{} (default level: {level})",
            rule.code()
        )
    );
    let _ = writeln!(out, "\n{}", rule.summary(lang));
    // Every rule has documentation (a test holds it); the summary alone is the fallback.
    let Some(doc) = rule.doc() else {
        return out;
    };
    if let Some(prose) = doc.prose(lang) {
        let _ = writeln!(out, "\n{prose}");
    }
    for (heading, example) in [
        (msg!(lang, "Ví dụ sai", "Bad"), doc.bad()),
        (msg!(lang, "Ví dụ đúng", "Good"), doc.good()),
    ] {
        if let Some(e) = example {
            let _ = write!(out, "\n{heading}:\n\n{}", fenced(e));
        }
    }
    out
}

/// A page without its Markdown: `**bold**` shown bold (or plain without colour), code blocks
/// indented instead of fenced.
fn plain(page: &str, color: bool) -> String {
    let (bold, reset) = if color {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("", "")
    };
    let mut out = String::with_capacity(page.len());
    let mut in_code = false;
    for line in page.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            out.push_str("    ");
            out.push_str(line);
        } else {
            for (i, part) in line.split("**").enumerate() {
                if i > 0 {
                    out.push_str(if i % 2 == 1 { bold } else { reset });
                }
                out.push_str(part);
            }
        }
        out.push('\n');
    }
    out
}

fn fenced(e: Example) -> String {
    format!("```{}\n{}```\n", e.syntax, e.code)
}

/// One line per rule: code, default level, summary.
pub fn list(lang: Lang) -> String {
    let code_width = Rule::ALL.iter().map(|r| r.code().len()).max().unwrap_or(4);
    let level_width = Rule::ALL
        .iter()
        .map(|r| r.default_level().name(lang).chars().count())
        .max()
        .unwrap_or(5);
    let (code, level, summary) = match lang {
        Lang::Vi => ("MÃ", "MỨC", "KIỂM TRA"),
        Lang::En => ("CODE", "LEVEL", "CHECKS"),
    };
    let mut out = format!("{code:<code_width$}  {level:<level_width$}  {summary}\n");
    for r in Rule::ALL {
        let _ = writeln!(
            out,
            "{:<code_width$}  {:<level_width$}  {}",
            r.code(),
            r.default_level().name(lang),
            r.summary(lang)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_page_for_the_terminal_has_no_markdown() {
        let page = "**Kiểm tra gì.** Mỗi chỉ tiêu.\n\nVí dụ sai:\n\n```yaml\nkehoach: 1\n```\n";
        assert_eq!(
            super::plain(page, false),
            "Kiểm tra gì. Mỗi chỉ tiêu.\n\nVí dụ sai:\n\n    kehoach: 1\n"
        );
        assert!(super::plain(page, true).starts_with("\x1b[1mKiểm tra gì.\x1b[0m"));
    }
}
