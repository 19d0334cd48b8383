//! Waivers written into a plan: a justified deviation becomes a note with its reason; a waiver
//! without a reason is an error; one that waives nothing is a stale warning.

use crate::common;
use common::*;
use serde_json::Value;
use std::path::Path;

const QUANG_NAM: &str = "quang-nam-2023.yaml";

/// A temporary directory holding a copy of `plans/<plan>` with `waivers` appended (YAML text
/// of the `waivers:` list items), and optionally a kehoach.toml.
fn plan_with(plan: &str, waivers: &str, config: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut text = std::fs::read_to_string(root().join("plans").join(plan)).unwrap();
    assert!(!text.contains("\nwaivers:"), "the real plan has no waivers");
    text.push_str("\nwaivers:\n");
    text.push_str(waivers);
    std::fs::write(dir.path().join(plan), text).unwrap();
    if let Some(c) = config {
        std::fs::write(dir.path().join("kehoach.toml"), c).unwrap();
    }
    dir
}

fn json(dir: &Path, plan: &str) -> (i32, Value) {
    let (code, stdout, stderr) = check_in(dir, &["--lang", "en", "--format", "json", plan]);
    (
        code,
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stderr}")),
    )
}

fn finding<'a>(doc: &'a Value, code: &str, subject: &str) -> &'a Value {
    findings(doc)
        .iter()
        .find(|f| f["code"] == code && (f["indicator"] == subject || f["agency"] == subject))
        .unwrap_or_else(|| panic!("{code} {subject} in {doc:#}"))
}

fn line_of_text(dir: &Path, plan: &str, needle: &str) -> u64 {
    let text = std::fs::read_to_string(dir.join(plan)).unwrap();
    text.lines().position(|l| l.contains(needle)).unwrap() as u64 + 1
}

const REASON: &str = "Tỉnh có ít khu công nghiệp; chỉ tiêu điều chỉnh theo thực tế.";

#[test]
fn a_waiver_with_a_reason_turns_its_finding_into_a_note_showing_the_reason() {
    let dir = plan_with(
        QUANG_NAM,
        &format!(
            "  - rule: weaker-target\n    ref: industrial-workers\n    reason: \"{REASON}\"\n"
        ),
        None,
    );
    let (code, doc) = json(dir.path(), QUANG_NAM);
    let waived = finding(&doc, "weaker-target", "industrial-workers");
    assert_eq!(waived["level"], "note");
    assert_eq!(waived["waiver"], REASON);
    assert!(
        waived["message"]
            .as_str()
            .unwrap()
            .starts_with("[waived] industrial-workers")
    );
    assert!(waived["help"].as_str().unwrap().contains(REASON));
    // The waiver covers one indicator only: students stays an error, and so does the plan.
    assert_eq!(finding(&doc, "weaker-target", "students")["level"], "error");
    assert_eq!(code, 1);

    let (_, human, _) = check_in(dir.path(), &["--lang", "en", QUANG_NAM]);
    insta::assert_snapshot!("human-en__waived", human);
    let (_, human, _) = check_in(dir.path(), &["--lang", "vi", QUANG_NAM]);
    assert!(
        human.contains("[được miễn] “Người lao động trong khu công nghiệp” (industrial-workers)"),
        "{human}"
    );
    assert!(human.contains(REASON), "{human}");
}

#[test]
fn a_waiver_without_ref_or_agency_covers_every_finding_of_its_rule() {
    let dir = plan_with(
        QUANG_NAM,
        "  - rule: weaker-target\n    reason: \"Điều kiện thực tế của tỉnh.\"\n",
        None,
    );
    let (code, doc) = json(dir.path(), QUANG_NAM);
    assert_eq!(code, 0, "both weaker targets are waived");
    for subject in ["industrial-workers", "students"] {
        assert_eq!(finding(&doc, "weaker-target", subject)["level"], "note");
    }
    assert_eq!(doc["summary"]["errors"], 0);
}

#[test]
fn a_waiver_without_a_reason_is_an_error_and_waives_nothing() {
    let dir = plan_with(
        QUANG_NAM,
        "  - rule: weaker-target\n    ref: industrial-workers\n  - rule: weaker-target\n    ref: students\n    reason: \"  \"\n",
        None,
    );
    let (code, doc) = json(dir.path(), QUANG_NAM);
    assert_eq!(code, 1);
    let errors: Vec<_> = findings(&doc)
        .iter()
        .filter(|f| f["code"] == "waiver-without-reason")
        .collect();
    assert_eq!(errors.len(), 2, "{doc:#}");
    assert!(errors.iter().all(|f| f["level"] == "error"));
    let first_waiver = line_of_text(dir.path(), QUANG_NAM, "- rule: weaker-target");
    assert_eq!(errors[0]["line"], first_waiver);
    assert_eq!(errors[0]["column"], 11, "at the rule code");
    // A blank reason is pointed at where it is written.
    assert_eq!(errors[1]["line"], first_waiver + 4);
    for subject in ["industrial-workers", "students"] {
        assert_eq!(finding(&doc, "weaker-target", subject)["level"], "error");
    }
}

#[test]
fn a_waiver_that_matches_nothing_is_a_stale_warning() {
    let dir = plan_with(
        QUANG_NAM,
        "  - rule: weaker-target\n    ref: commune-communication\n    reason: \"Đã đạt.\"\n  - rule: missing-agency\n    agency: Sở Tư pháp\n    reason: \"Không cần.\"\n",
        None,
    );
    let (_, doc) = json(dir.path(), QUANG_NAM);
    let stale: Vec<_> = findings(&doc)
        .iter()
        .filter(|f| f["code"] == "stale-waiver")
        .collect();
    assert_eq!(stale.len(), 2, "{doc:#}");
    assert!(stale.iter().all(|f| f["level"] == "warning"));
    assert_eq!(
        stale[0]["line"],
        line_of_text(dir.path(), QUANG_NAM, "- rule: weaker-target")
    );
    assert!(
        stale[0]["message"]
            .as_str()
            .unwrap()
            .contains("commune-communication")
    );
}

#[test]
fn an_unknown_rule_code_is_a_schema_error_with_a_suggestion() {
    let dir = plan_with(
        QUANG_NAM,
        "  - rule: weaker-targets\n    reason: \"x\"\n",
        None,
    );
    let (code, doc) = json(dir.path(), QUANG_NAM);
    assert_eq!(code, 1);
    let f = findings(&doc)
        .iter()
        .find(|f| f["code"] == "schema")
        .expect("a schema finding");
    assert_eq!(
        f["line"],
        line_of_text(dir.path(), QUANG_NAM, "- rule: weaker-targets")
    );
    assert_eq!(f["help"], "did you mean `weaker-target`?");
}

#[test]
fn agencies_are_matched_whatever_their_spelling() {
    // Nghệ An's plan gives no task to the finance department.
    let (_, real) = check_json(Path::new("plans/nghe-an-2024.yaml"));
    let missing = finding(&real, "missing-agency", "Sở Tài chính");
    // Only one of the five real plans names it: a note, not a warning.
    assert_eq!(missing["level"], "note");

    let dir = plan_with(
        "nghe-an-2024.yaml",
        "  - rule: missing-agency\n    agency: \"SỞ TÀI CHÍNH\"\n    reason: \"Kinh phí do các sở tự bố trí.\"\n",
        None,
    );
    let (_, doc) = json(dir.path(), "nghe-an-2024.yaml");
    assert_eq!(
        finding(&doc, "missing-agency", "Sở Tài chính")["level"],
        "note"
    );
    assert!(!findings(&doc).iter().any(|f| f["code"] == "stale-waiver"));
}

#[test]
fn the_configuration_does_not_undo_a_waiver() {
    let waiver =
        format!("  - rule: weaker-target\n    ref: industrial-workers\n    reason: \"{REASON}\"\n");
    // A configured level applies to the findings no waiver covers.
    let dir = plan_with(
        QUANG_NAM,
        &waiver,
        Some("[rules]\nweaker-target = \"warning\"\n"),
    );
    let (code, doc) = json(dir.path(), QUANG_NAM);
    assert_eq!(code, 0);
    assert_eq!(
        finding(&doc, "weaker-target", "industrial-workers")["level"],
        "note"
    );
    assert_eq!(
        finding(&doc, "weaker-target", "students")["level"],
        "warning"
    );

    // A rule turned off leaves its waivers matched, not stale.
    let dir = plan_with(
        QUANG_NAM,
        &waiver,
        Some("[rules]\nweaker-target = \"off\"\n"),
    );
    let (_, doc) = json(dir.path(), QUANG_NAM);
    assert!(
        !findings(&doc)
            .iter()
            .any(|f| f["code"] == "weaker-target" || f["code"] == "stale-waiver")
    );

    // And the waiver rules themselves can be configured.
    let dir = plan_with(
        QUANG_NAM,
        "  - rule: weaker-target\n    ref: commune-communication\n    reason: \"x\"\n",
        Some("[rules]\nstale-waiver = \"error\"\n"),
    );
    let (_, doc) = json(dir.path(), QUANG_NAM);
    let stale = findings(&doc)
        .iter()
        .find(|f| f["code"] == "stale-waiver")
        .unwrap();
    assert_eq!(stale["level"], "error");
}

#[test]
fn sarif_marks_a_waived_result_as_suppressed_in_source() {
    let dir = plan_with(
        QUANG_NAM,
        &format!(
            "  - rule: weaker-target\n    ref: industrial-workers\n    reason: \"{REASON}\"\n"
        ),
        None,
    );
    let (_, stdout, _) = check_in(
        dir.path(),
        &["--lang", "en", "--format", "sarif", QUANG_NAM],
    );
    let log: Value = serde_json::from_str(&stdout).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    let waived = results
        .iter()
        .find(|r| r["properties"]["indicator"] == "industrial-workers")
        .unwrap();
    assert_eq!(waived["level"], "note");
    assert_eq!(waived["suppressions"][0]["kind"], "inSource");
    assert_eq!(waived["suppressions"][0]["justification"], REASON);
    let students = results
        .iter()
        .find(|r| r["properties"]["indicator"] == "students")
        .unwrap();
    assert!(students.get("suppressions").is_none());
}
