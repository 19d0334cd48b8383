//! `kehoach explain`: every rule is documented, and the documentation's examples do what they
//! say (the bad plan reports the rule, the good plan does not).

use crate::common;
use common::*;
use kehoach::i18n::Lang;
use kehoach::pipeline;
use kehoach::reference::Reference;
use kehoach::rules::{DOCS, Rule, RuleDoc};
use kehoach::source::SourceFile;
use std::sync::Arc;

#[test]
fn every_rule_has_documentation_in_both_languages_with_two_examples() {
    let mut undocumented = Vec::new();
    for rule in Rule::ALL {
        let Some(doc) = rule.doc() else {
            undocumented.push(rule.code());
            continue;
        };
        assert_eq!(doc.title(), Some(rule.code()), "title of {}", rule.code());
        for lang in [Lang::Vi, Lang::En] {
            let prose = doc.prose(lang).unwrap_or_default();
            assert!(
                prose.len() > 200,
                "{}: the {lang:?} text says what the rule checks and why",
                rule.code()
            );
        }
        let (bad, good) = (doc.bad(), doc.good());
        assert!(bad.is_some() && good.is_some(), "{}: examples", rule.code());
        assert_ne!(bad, good, "{}", rule.code());
    }
    assert!(
        undocumented.is_empty(),
        "write docs/rules/CODE.md and list it in src/rules/docs.rs for: {undocumented:?}"
    );
}

#[test]
fn every_documentation_file_is_compiled_in() {
    let mut files: Vec<String> = std::fs::read_dir(root().join("docs/rules"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .map(|n| n.trim_end_matches(".md").to_string())
        .collect();
    files.sort();
    let mut listed: Vec<String> = DOCS.iter().map(|(c, _)| c.to_string()).collect();
    listed.sort();
    assert_eq!(
        files, listed,
        "docs/rules/*.md and the table in src/rules/docs.rs"
    );
    for (code, _) in DOCS {
        let doc = RuleDoc::find(code).unwrap();
        assert_eq!(doc.title(), Some(*code), "docs/rules/{code}.md title");
    }
}

fn codes_reported(name: &str, yaml: &str) -> Vec<Rule> {
    let source = SourceFile {
        name: name.to_string(),
        text: Arc::from(yaml),
    };
    let loaded = pipeline::load_source(source, Reference::bundled(), Lang::En);
    pipeline::check_loaded(loaded, Lang::En)
        .findings
        .iter()
        .map(|f| f.rule)
        .collect()
}

#[test]
fn whole_plan_examples_report_the_rule_when_bad_and_not_when_good() {
    let mut checked = 0;
    for rule in Rule::ALL {
        let doc = rule.doc().expect("documented");
        let (bad, good) = (doc.bad().unwrap(), doc.good().unwrap());
        if bad.whole {
            let found = codes_reported("bad.yaml", bad.code);
            assert!(
                found.contains(rule),
                "{}: the bad example reports it; it reports {found:?}",
                rule.code()
            );
            checked += 1;
        }
        if good.whole {
            let found = codes_reported("good.yaml", good.code);
            assert!(
                !found.contains(rule),
                "{}: the good example does not report it",
                rule.code()
            );
            checked += 1;
        }
    }
    assert!(checked >= 30, "most examples are whole plans: {checked}");
}

#[test]
fn fragments_are_yaml() {
    for (code, _) in DOCS {
        let doc = RuleDoc::find(code).unwrap();
        for e in [doc.bad().unwrap(), doc.good().unwrap()] {
            if e.syntax == "yaml" && !e.whole {
                serde_saphyr::from_str::<serde_json::Value>(e.code)
                    .unwrap_or_else(|err| panic!("{code}: fragment is YAML: {err}"));
            }
        }
    }
}

fn explain(args: &[&str]) -> (i32, String, String) {
    let out = kehoach().arg("explain").args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn list_shows_every_rule_once_with_its_level() {
    for lang in ["vi", "en"] {
        let (code, stdout, _) = explain(&["--list", "--lang", lang]);
        assert_eq!(code, 0);
        assert_eq!(
            stdout.lines().count(),
            Rule::ALL.len() + 1,
            "a header and a line per rule"
        );
        insta::assert_snapshot!(format!("list-{lang}"), stdout);
    }
}

#[test]
fn a_rule_page_in_each_language() {
    let (code, stdout, stderr) = explain(&["weaker-target", "--lang", "vi"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    insta::assert_snapshot!("weaker-target-vi", stdout);
    let (code, stdout, _) = explain(&["weaker-than-parent", "--lang", "en"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("weaker-than-parent-en", stdout);
}

#[test]
fn an_unknown_code_is_a_usage_error_with_a_suggestion() {
    let (code, stdout, stderr) = explain(&["weaker-targets", "--lang", "en"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert_eq!(
        stderr.trim(),
        "kehoach: no rule `weaker-targets`; did you mean `weaker-target`?"
    );
    let (code, _, _) = explain(&["--lang", "en"]);
    assert_eq!(code, 2, "a code or --list is required");
}
