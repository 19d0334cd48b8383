//! The documentation of every rule: one Markdown file per rule, docs/rules/CODE.md, compiled in.
//! `kehoach explain` prints it and the repository shows the same files, so there is one text.
//!
//! A file has a `# code` title, the prose under `## Tiếng Việt` and `## English`, and one
//! example under `## Ví dụ sai / Bad` and one under `## Ví dụ đúng / Good`. An example fenced
//! as ```` ```yaml ```` is a whole plan, and the tests check that the bad one reports the rule
//! and the good one does not; ```` ```yaml fragment ```` marks a part of a plan.

use super::Rule;
use crate::i18n::Lang;

macro_rules! docs {
    ($($code:literal),* $(,)?) => {
        /// (code, Markdown) for every documented rule.
        pub const DOCS: &[(&str, &str)] = &[
            $(($code, include_str!(concat!("../../docs/rules/", $code, ".md")))),*
        ];
    };
}

docs![
    "syntax",
    "schema",
    "unknown-programme",
    "unknown-province",
    "unknown-indicator",
    "duplicate-indicator",
    "impossible-target",
    "weaker-target",
    "target-in-sentence",
    "text-disagrees-with-target",
    "missing-indicator",
    "not-comparable",
    "period-outside-programme",
    "no-lead-agency",
    "missing-agency",
    "unexpected-agency",
    "unknown-agency",
    "missing-budget",
    "missing-reporting",
    "no-issue-date",
    "number-kind-mismatch",
    "weaker-than-parent",
    "missing-parent",
    "parent-cycle",
    "weaker-than-previous",
    "missing-previous",
    "superseded-agency",
    "superseded-province",
    "obsolete-level",
    "waiver-without-reason",
    "stale-waiver",
    "config",
];

const VI: &str = "Tiếng Việt";
const EN: &str = "English";
const BAD: &str = "Ví dụ sai / Bad";
const GOOD: &str = "Ví dụ đúng / Good";

/// One rule's documentation.
#[derive(Clone, Copy, Debug)]
pub struct RuleDoc {
    pub code: &'static str,
    pub markdown: &'static str,
}

/// A fenced example.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example {
    /// The fence's language: `yaml` or `toml`.
    pub syntax: &'static str,
    /// A whole plan (checked by the tests) rather than a fragment of one.
    pub whole: bool,
    pub code: &'static str,
}

impl Rule {
    pub fn doc(self) -> Option<RuleDoc> {
        RuleDoc::find(self.code())
    }
}

impl RuleDoc {
    pub fn find(code: &str) -> Option<RuleDoc> {
        DOCS.iter()
            .find(|(c, _)| *c == code)
            .map(|&(code, markdown)| RuleDoc { code, markdown })
    }

    /// The title line's code (it must equal the file's name).
    pub fn title(&self) -> Option<&'static str> {
        self.markdown.lines().next()?.strip_prefix("# ")
    }

    /// What the rule checks and why, in one language.
    pub fn prose(&self, lang: Lang) -> Option<&'static str> {
        section(self.markdown, lang.pick(VI, EN))
    }

    pub fn bad(&self) -> Option<Example> {
        example(section(self.markdown, BAD)?)
    }

    pub fn good(&self) -> Option<Example> {
        example(section(self.markdown, GOOD)?)
    }
}

/// The text under `## heading`, up to the next `## ` heading.
fn section(markdown: &'static str, heading: &str) -> Option<&'static str> {
    let marker = format!("\n## {heading}\n");
    let start = markdown.find(&marker)? + marker.len();
    let rest = &markdown[start..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    Some(rest[..end].trim())
}

/// The one fenced block of a section.
fn example(section: &'static str) -> Option<Example> {
    let open = section.strip_prefix("```")?;
    let (info, body) = open.split_once('\n')?;
    let code = body.strip_suffix("```")?;
    let mut words = info.split_whitespace();
    let syntax = words.next()?;
    let whole = syntax == "yaml" && words.next().is_none();
    Some(Example {
        syntax,
        whole,
        code,
    })
}
