//! `kehoach explain CODE` and `kehoach explain --list`: the rules' documentation.

use super::Context;
use crate::i18n::Lang;
use crate::msg;
use crate::rules::{Example, Rule};
use crate::text::did_you_mean;
use std::fmt::Write;

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
        Some(rule) => super::output::print(lang, explain(rule, lang).as_bytes()),
        None => {
            let codes = Rule::ALL.iter().map(|r| r.code());
            let hint = match did_you_mean(code, codes) {
                Some(best) => msg!(lang, "có phải ý bạn là `{best}`?", "did you mean `{best}`?"),
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
