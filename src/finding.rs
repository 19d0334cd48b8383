//! One finding: what a rule says about one place in one plan.

use crate::rules::{Level, Rule};
use crate::source::Span;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    #[serde(rename = "code")]
    pub rule: Rule,
    pub level: Level,
    pub message: String,
    /// Where the offending value is; `None` when the finding is about the file as a whole.
    #[serde(skip)]
    pub span: Option<Span>,
    /// Short text shown on the code frame under the offending value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// What to do, and the national wording and clause where relevant.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// The reason of the plan's waiver that turned this finding into a note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waiver: Option<String>,
    /// The value the offending scalar should hold, when there is one safe answer (`--fix`).
    #[serde(skip)]
    pub fix: Option<Fix>,
}

impl Finding {
    pub fn new(rule: Rule, message: impl Into<String>) -> Finding {
        Finding {
            rule,
            level: rule.default_level(),
            message: message.into(),
            span: None,
            label: None,
            help: None,
            indicator: None,
            agency: None,
            waiver: None,
            fix: None,
        }
    }

    pub fn at(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    pub fn at_opt(mut self, span: Option<Span>) -> Self {
        self.span = span;
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn indicator(mut self, id: impl Into<String>) -> Self {
        self.indicator = Some(id.into());
        self
    }

    pub fn agency(mut self, name: impl Into<String>) -> Self {
        self.agency = Some(name.into());
        self
    }

    /// What `--fix` writes over the scalar at `span`.
    pub fn fix(mut self, span: Span, value: impl Into<String>) -> Self {
        self.fix = Some(Fix {
            span,
            value: value.into(),
        });
        self
    }

    pub fn level(mut self, level: Level) -> Self {
        self.level = level;
        self
    }
}

/// The value a scalar should hold, and where the scalar is written: a finding carries it, and
/// `check --fix` (src/fix.rs) writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub span: Span,
    pub value: String,
}
