//! One story across check and the reports (issue 8): real target wordings are read, never a
//! schema error; `summary` shows what the plan leaves out; `render` writes the target `check`
//! verified and refuses a plan with errors; one cause gives one finding.

use crate::common;
use common::*;
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn codes(doc: &serde_json::Value, indicator: &str) -> Vec<String> {
    findings(doc)
        .iter()
        .filter(|f| f["indicator"] == indicator)
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

/// A Nghệ An plan for 2024 with these indicator entries and this lead.
fn plan(indicators: &str, lead: &str) -> String {
    format!(
        "kehoach: 1
plan:
  title: \"Kế hoạch phòng, chống mại dâm tỉnh Nghệ An năm 2024\"
  province: Nghệ An
  period: 2024
  implements: [1629/QĐ-TTg]
indicators:
{indicators}responsibilities:
  - agency: {lead}
    role: lead
"
    )
}

/// A draft from `kehoach init` whose first target an officer raised without touching `text:`.
fn edited_draft(dir: &Path) -> PathBuf {
    let path = dir.join("draft.yaml");
    kehoach()
        .args([
            "init",
            "--province",
            "Thừa Thiên Huế",
            "--period",
            "2024",
            "-o",
        ])
        .arg(&path)
        .assert()
        .success();
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replacen("target: \">= 70%\"", "target: \"80%\"", 1);
    assert_ne!(text, edited, "the draft has a `>= 70%` target to edit");
    std::fs::write(&path, edited).unwrap();
    path
}

#[test]
fn real_wordings_are_read_and_the_unreadable_ones_are_not_comparable() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "wordings.yaml",
        &plan(
            "  - ref: commune-communication
    target: \"từ 70% trở lên\"
  - ref: press-monthly
    target: \"hằng tháng\"
  - ref: establishment-workers
    target: \"70 phần trăm\"
  - ref: industrial-workers
    target: \"tối đa 70%\"
  - ref: students
    target: \"Phấn đấu đến năm 2025 có 80% học sinh, sinh viên được tuyên truyền\"
  - ref: integration
    target: \"thường xuyên\"
  - ref: services-access
",
            "Sở Lao động - Thương binh và Xã hội",
        ),
    );
    let (_, doc) = check_json(&path);
    assert!(
        findings(&doc).iter().all(|f| f["code"] != "schema"),
        "{doc:#}"
    );
    for quiet in [
        "commune-communication",
        "press-monthly",
        "establishment-workers",
    ] {
        assert_eq!(codes(&doc, quiet), Vec::<String>::new(), "{quiet}: {doc:#}");
    }
    // A ceiling at the floor promises nothing; words, or nothing at all, cannot be compared.
    for incomparable in ["industrial-workers", "integration", "services-access"] {
        assert_eq!(
            codes(&doc, incomparable),
            ["not-comparable"],
            "{incomparable}"
        );
    }
    assert_eq!(codes(&doc, "students"), ["target-in-sentence"]);

    let out = kehoach()
        .args(["--lang", "en", "summary", "-f", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let line = |id: &str| {
        summary["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["id"] == id)
            .unwrap_or_else(|| panic!("{id} has a row: {summary:#}"))
            .clone()
    };
    assert_eq!(line("integration")["mark"], "?");
    assert_eq!(line("services-access")["mark"], "?");
    assert_eq!(line("students")["plan"], "≥ 80%");
    // Not stated at all: still a row, marked missing, as `check` reports it.
    assert_eq!(line("officials-trained")["mark"], "∅");
}

#[test]
fn a_bare_number_for_a_share_asks_did_you_mean() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "bare.yaml",
        &plan(
            "  - ref: commune-communication\n    target: 70\n",
            "Sở Lao động - Thương binh và Xã hội",
        ),
    );
    let (_, doc) = check_json(&path);
    let f = findings(&doc)
        .iter()
        .find(|f| f["indicator"] == "commune-communication")
        .unwrap();
    assert_eq!(f["code"], "not-comparable");
    assert!(
        f["help"].as_str().unwrap().starts_with("did you mean 70%?"),
        "{f}"
    );
}

#[test]
fn an_edited_init_draft_gets_the_new_rule_and_render_writes_the_new_target() {
    let dir = tempfile::tempdir().unwrap();
    let path = edited_draft(dir.path());
    let (_, doc) = check_json(&path);
    let found: Vec<_> = findings(&doc)
        .iter()
        .filter(|f| f["code"] == "text-disagrees-with-target")
        .collect();
    assert_eq!(found.len(), 1, "{doc:#}");
    assert_eq!(found[0]["indicator"], "commune-communication");

    let out = kehoach().arg("render").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let doc = String::from_utf8(out.stdout).unwrap();
    assert!(
        doc.contains("- Ít nhất 80% số xã, phường, thị trấn"),
        "{doc}"
    );
    assert!(!doc.contains("Ít nhất 70% số xã"), "{doc}");
}

#[test]
fn render_refuses_a_plan_with_errors_unless_forced_and_says_what_it_leaves_out() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "errors.yaml",
        &plan(
            "  - ref: press-montly\n    target: \"1/tháng\"\n",
            "Sở Lao động - Thương binh và Xã hội",
        ),
    );
    let out = kehoach()
        .args(["--lang", "en", "render"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("unknown-indicator") && err.contains("--force"),
        "{err}"
    );

    let out = kehoach()
        .args(["--lang", "en", "render", "--force"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(!out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("press-montly"),
        "what is left out is said: {err}"
    );
}

#[test]
fn one_cause_gives_one_finding() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "typos.yaml",
        &plan(
            "  - ref: press-montly\n    target: \"1/tháng\"\n",
            "So Lao dong - Thuong binh va Xa hoi",
        ),
    );
    let (_, doc) = check_json(&path);
    assert_eq!(codes(&doc, "press-montly"), ["unknown-indicator"]);
    assert_eq!(
        codes(&doc, "press-monthly"),
        Vec::<String>::new(),
        "{doc:#}"
    );
    let about_lead: Vec<_> = findings(&doc)
        .iter()
        .filter(|f| {
            f["agency"]
                .as_str()
                .is_some_and(|a| a.contains("Lao") || a.contains("Lao dong"))
        })
        .collect();
    assert_eq!(about_lead.len(), 1, "{doc:#}");
    assert_eq!(about_lead[0]["code"], "no-lead-agency");
    assert!(
        about_lead[0]["message"]
            .as_str()
            .unwrap()
            .contains("lead agency"),
        "{doc:#}"
    );
}

#[test]
fn one_lowered_value_gives_one_finding_naming_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let indicator = |t: &str| format!("  - ref: industrial-workers\n    target: \"{t}\"\n");
    let lead = "Sở Lao động - Thương binh và Xã hội";
    write(
        d,
        "parent.yaml",
        &plan(&indicator(">= 65%"), lead).replace("period: 2024", "period: 2021-2025"),
    );
    write(
        d,
        "last.yaml",
        &plan(&indicator(">= 65%"), lead).replace("period: 2024", "period: 2023"),
    );
    let child = plan(&indicator("55%"), lead).replace(
        "  implements:",
        "  parent: parent.yaml\n  previous: last.yaml\n  implements:",
    );
    let path = write(d, "child.yaml", &child);
    let (_, doc) = check_json(&path);
    let found: Vec<_> = findings(&doc)
        .iter()
        .filter(|f| f["indicator"] == "industrial-workers")
        .collect();
    assert_eq!(found.len(), 1, "{doc:#}");
    assert_eq!(found[0]["code"], "weaker-target");
    let message = found[0]["message"].as_str().unwrap();
    assert!(
        message.contains("target ≥ 55%")
            && message.contains("parent plan's ≥ 65%")
            && message.contains("last year's ≥ 65%"),
        "{message}"
    );
}

#[test]
fn targets_in_words_change_only_when_their_words_do() {
    let dir = tempfile::tempdir().unwrap();
    let lead = "Sở Lao động - Thương binh và Xã hội";
    let words = |w: &str| {
        plan(
            &format!("  - ref: integration\n    target: \"{w}\"\n"),
            lead,
        )
    };
    let old = write(dir.path(), "old.yaml", &words("thường xuyên"));
    let same = write(dir.path(), "same.yaml", &words("Thường xuyên"));
    let new = write(dir.path(), "new.yaml", &words("định kỳ"));
    let diff = |a: &Path, b: &Path| {
        kehoach()
            .args(["--lang", "en", "diff", "-f", "json"])
            .arg(a)
            .arg(b)
            .output()
            .unwrap()
    };
    assert_eq!(diff(&old, &same).status.code(), Some(0));
    let out = diff(&old, &new);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("“thường xuyên”") && text.contains("“định kỳ”"),
        "{text}"
    );
}
