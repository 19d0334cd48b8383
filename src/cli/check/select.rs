//! `--select` and `--ignore`: which rules a run reports, by code, as ruff takes them.

use crate::finding::Finding;
use crate::i18n::Lang;
use crate::msg;
use crate::rules::Rule;
use crate::text::did_you_mean;
use std::collections::HashSet;

#[derive(Debug, Default)]
pub struct RuleFilter {
    /// `None`: every rule.
    select: Option<HashSet<Rule>>,
    ignore: HashSet<Rule>,
}

impl RuleFilter {
    /// The filter, or the message for the first unknown code (with a did-you-mean).
    pub fn parse(select: &[String], ignore: &[String], lang: Lang) -> Result<Self, String> {
        let select = if select.is_empty() {
            None
        } else {
            Some(codes("--select", select, lang)?)
        };
        Ok(RuleFilter {
            select,
            ignore: codes("--ignore", ignore, lang)?,
        })
    }

    /// Whether a finding is reported. A file that is not YAML is never reported clean: its
    /// `syntax` finding stays, as ruff keeps syntax errors whatever is selected.
    pub fn keeps(&self, f: &Finding) -> bool {
        f.rule == Rule::Syntax
            || (self.select.as_ref().is_none_or(|s| s.contains(&f.rule))
                && !self.ignore.contains(&f.rule))
    }
}

fn codes(option: &str, values: &[String], lang: Lang) -> Result<HashSet<Rule>, String> {
    let mut out = HashSet::new();
    for code in values.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        match Rule::from_code(code) {
            Some(rule) => {
                out.insert(rule);
            }
            None => return Err(unknown(option, code, lang)),
        }
    }
    Ok(out)
}

fn unknown(option: &str, code: &str, lang: Lang) -> String {
    let codes = Rule::ALL.iter().map(|r| r.code());
    let hint = match did_you_mean(code, codes.clone()) {
        Some(best) => msg!(lang, "có phải ý bạn là `{best}`?", "did you mean `{best}`?"),
        None => msg!(
            lang,
            "các mã quy tắc: {} (xem `kehoach explain --list`)",
            "rule codes: {} (see `kehoach explain --list`)",
            codes.collect::<Vec<_>>().join(", ")
        ),
    };
    msg!(
        lang,
        "kehoach: {option}: không có quy tắc `{code}`; {hint}",
        "kehoach: {option}: unknown rule `{code}`; {hint}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn select_and_ignore_by_code() {
        let f = RuleFilter::parse(
            &strings(&["weaker-target", "missing-agency"]),
            &strings(&["missing-agency"]),
            Lang::En,
        )
        .unwrap();
        assert!(f.keeps(&Finding::new(Rule::WeakerTarget, "")));
        assert!(!f.keeps(&Finding::new(Rule::MissingAgency, "")));
        assert!(!f.keeps(&Finding::new(Rule::MissingBudget, "")));
        assert!(f.keeps(&Finding::new(Rule::Syntax, "")));
    }

    #[test]
    fn an_unknown_code_is_refused_with_a_suggestion() {
        let e = RuleFilter::parse(&strings(&["weaker-targt"]), &[], Lang::En).unwrap_err();
        assert_eq!(
            e,
            "kehoach: --select: unknown rule `weaker-targt`; did you mean `weaker-target`?"
        );
    }
}
