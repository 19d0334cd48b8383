//! Related plans: a yearly plan against the multi-year plan it localises (`parent`), and a draft
//! against last year's plan (`previous`). Every case builds its plans in a temporary directory.

use crate::common;
use common::*;
use std::path::{Path, PathBuf};

/// A plan of Nghệ An with the given period and extra `plan:` lines, and these indicators.
fn plan(period: &str, links: &str, indicators: &str) -> String {
    format!(
        "kehoach: 1
plan:
  title: \"Kế hoạch phòng, chống mại dâm tỉnh Nghệ An {period}\"
  province: Nghệ An
  period: {period}
  implements: [1629/QĐ-TTg]
{links}indicators:
{indicators}"
    )
}

const PARENT_2021_2025: &str = "  - ref: commune-communication
    target: \">= 75%\"
  - ref: industrial-workers
    target: \">= 65%\"
";

/// The real case of issue 4: the 2022 plan promises less than its own 2021-2025 plan.
const CHILD_2022: &str = "  - ref: commune-communication
    target: \">= 70%\"
  - ref: industrial-workers
    target: \"60%\"
";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn with_code<'a>(doc: &'a serde_json::Value, code: &str) -> Vec<&'a serde_json::Value> {
    findings(doc).iter().filter(|f| f["code"] == code).collect()
}

#[test]
fn a_yearly_plan_below_its_multi_year_parent_has_one_error_per_lowered_target() {
    let dir = tempfile::tempdir().unwrap();
    let parent = write(
        dir.path(),
        "nghe-an-2021-2025.yaml",
        &plan("2021-2025", "", PARENT_2021_2025),
    );
    let child = write(
        dir.path(),
        "nghe-an-2022.yaml",
        &plan("2022", "  parent: nghe-an-2021-2025.yaml\n", CHILD_2022),
    );
    let (code, doc) = check_json(&child);
    assert_eq!(code, 1, "weaker-than-parent is an error");
    let found = with_code(&doc, "weaker-than-parent");
    assert_eq!(found.len(), 2, "{found:#?}");
    for (f, (indicator, ours, theirs)) in found.iter().zip([
        // Both sides in the normalised notation, whatever the files wrote.
        ("commune-communication", "≥ 70%", "≥ 75%"),
        ("industrial-workers", "≥ 60%", "≥ 65%"),
    ]) {
        assert_eq!(f["indicator"], indicator);
        assert_eq!(f["level"], "error");
        assert_eq!(
            f["line"],
            line_of(&child, &format!("ref: {indicator}"), "target:")
        );
        assert_eq!(f["column"], 13, "located on the value: {f}");
        let message = f["message"].as_str().unwrap();
        assert!(message.contains(ours), "{message}");
        let help = f["help"].as_str().unwrap();
        let at = format!(
            "{}:{}",
            parent.display(),
            line_of(&parent, &format!("ref: {indicator}"), "target:")
        );
        assert!(help.contains(&at), "help names the parent's line: {help}");
        assert!(
            help.contains(theirs),
            "help quotes the parent's target: {help}"
        );
    }
}

#[test]
fn meeting_or_beating_the_parent_is_silent_and_the_parent_is_not_rechecked() {
    let dir = tempfile::tempdir().unwrap();
    // The parent has problems of its own (an unknown agency name, a weak target): they belong
    // to its own check.
    write(
        dir.path(),
        "parent.yaml",
        &plan(
            "2021-2025",
            "",
            "  - ref: commune-communication\n    target: \">= 75%\"\n  - ref: students\n    target: \"50%\"\n",
        ),
    );
    let child = write(
        dir.path(),
        "child.yaml",
        &plan(
            "2022",
            "  parent: parent.yaml\n",
            "  - ref: commune-communication\n    target: \"> 75%\"\n  - ref: students\n    target: \"70%\"\n",
        ),
    );
    let (_, doc) = check_json(&child);
    assert!(with_code(&doc, "weaker-than-parent").is_empty(), "{doc:#}");
    assert!(
        findings(&doc)
            .iter()
            .all(|f| f["file"] == child.to_str().unwrap()),
        "no finding about the parent file itself: {doc:#}"
    );
    assert!(with_code(&doc, "weaker-target").is_empty());
}

#[test]
fn per_level_targets_are_compared_level_by_level() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "parent.yaml",
        &plan(
            "2021-2025",
            "",
            "  - ref: officials-trained\n    target: { province: \">= 80%\", district: \">= 60%\", commune: \">= 50%\" }\n",
        ),
    );
    let child = write(
        dir.path(),
        "child.yaml",
        &plan(
            "2023",
            "  parent: parent.yaml\n",
            "  - ref: officials-trained\n    target: { province: \">= 75%\", district: \">= 60%\", commune: \">= 55%\" }\n",
        ),
    );
    let (_, doc) = check_json(&child);
    let found = with_code(&doc, "weaker-than-parent");
    assert_eq!(
        found.len(),
        1,
        "only the province level is lower: {found:#?}"
    );
    let message = found[0]["message"].as_str().unwrap();
    assert!(
        message.contains("≥ 75%") && message.contains("province"),
        "{message}"
    );
    assert_eq!(
        found[0]["column"], 25,
        "on the province value: {}",
        found[0]
    );
}

#[test]
fn a_missing_or_broken_parent_is_an_error_on_the_parent_value() {
    let dir = tempfile::tempdir().unwrap();
    let child = write(
        dir.path(),
        "child.yaml",
        &plan("2022", "  parent: nowhere/plan.yaml\n", CHILD_2022),
    );
    let (code, doc) = check_json(&child);
    assert_eq!(code, 1);
    let found = with_code(&doc, "missing-parent");
    assert_eq!(found.len(), 1, "{doc:#}");
    assert_eq!(found[0]["line"], line_of(&child, "plan:", "parent:"));
    assert_eq!(found[0]["column"], 11, "on the value: {}", found[0]);
    assert!(
        found[0]["message"]
            .as_str()
            .unwrap()
            .contains("nowhere/plan.yaml")
    );

    write(
        dir.path(),
        "broken.yaml",
        "kehoach: 1\nplan: [not, a, plan\n",
    );
    let child = write(
        dir.path(),
        "child.yaml",
        &plan("2022", "  parent: broken.yaml\n", CHILD_2022),
    );
    let (_, doc) = check_json(&child);
    let found = with_code(&doc, "missing-parent");
    assert_eq!(found.len(), 1, "{doc:#}");
    let label = found[0]["label"].as_str().unwrap();
    assert!(
        label.contains("broken.yaml:"),
        "says where the parent is broken: {label}"
    );
}

#[test]
fn cycles_are_errors_listing_the_chain() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.yaml",
        &plan("2022", "  parent: b.yaml\n", CHILD_2022),
    );
    write(
        dir.path(),
        "b.yaml",
        &plan("2021-2025", "  parent: a.yaml\n", PARENT_2021_2025),
    );
    let (code, doc) = check_json(&a);
    assert_eq!(code, 1);
    let found = with_code(&doc, "parent-cycle");
    assert_eq!(found.len(), 1, "{doc:#}");
    assert_eq!(found[0]["line"], line_of(&a, "plan:", "parent:"));
    let message = found[0]["message"].as_str().unwrap();
    assert!(
        message.contains("a.yaml → ")
            && message.contains("b.yaml → ")
            && message.ends_with("a.yaml"),
        "{message}"
    );
    assert!(
        with_code(&doc, "weaker-than-parent").is_empty(),
        "no comparison inside a cycle"
    );

    let own = write(
        dir.path(),
        "own.yaml",
        &plan("2022", "  parent: ./own.yaml\n", CHILD_2022),
    );
    let (_, doc) = check_json(&own);
    let found = with_code(&doc, "parent-cycle");
    assert_eq!(found.len(), 1, "{doc:#}");
    assert!(found[0]["message"].as_str().unwrap().contains("itself"));
}

#[test]
fn a_longer_chain_without_a_cycle_compares_with_the_direct_parent_only() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("district")).unwrap();
    write(
        dir.path(),
        "province.yaml",
        &plan("2021-2025", "", PARENT_2021_2025),
    );
    write(
        dir.path(),
        "province-2022.yaml",
        &plan("2022", "  parent: province.yaml\n", CHILD_2022),
    );
    // A district plan of 2022 that follows the province's 2022 plan (70%, 60%) exactly.
    let district = write(
        &dir.path().join("district"),
        "plan.yaml",
        &plan("2022", "  parent: ../province-2022.yaml\n", CHILD_2022),
    );
    let (_, doc) = check_json(&district);
    assert!(with_code(&doc, "parent-cycle").is_empty(), "{doc:#}");
    assert!(with_code(&doc, "missing-parent").is_empty(), "{doc:#}");
    assert!(with_code(&doc, "weaker-than-parent").is_empty(), "{doc:#}");
}

#[test]
fn head_counts_compare_only_over_periods_of_the_same_length() {
    let dir = tempfile::tempdir().unwrap();
    // 25.000 workers over five years is no floor for one year's 6.000.
    write(
        dir.path(),
        "five-years.yaml",
        &plan(
            "2021-2025",
            "",
            "  - id: workers-reached\n    target: 25.000\n",
        ),
    );
    let yearly = write(
        dir.path(),
        "yearly.yaml",
        &plan(
            "2022",
            "  parent: five-years.yaml\n  previous: last-year.yaml\n",
            "  - id: workers-reached\n    target: 6.000\n",
        ),
    );
    write(
        dir.path(),
        "last-year.yaml",
        &plan("2021", "", "  - id: workers-reached\n    target: 7.000\n"),
    );
    let (_, doc) = check_json(&yearly);
    assert!(with_code(&doc, "weaker-than-parent").is_empty(), "{doc:#}");
    let found = with_code(&doc, "weaker-than-previous");
    assert_eq!(found.len(), 1, "one year against one year: {doc:#}");
    assert_eq!(found[0]["indicator"], "workers-reached");
}

/// A draft for 2026 that implements no current programme, with last year's plan beside it.
fn draft_2026(previous: &str, students: &str) -> String {
    format!(
        "kehoach: 1
plan:
  title: \"Kế hoạch phòng, chống mại dâm trên địa bàn tỉnh Nghệ An năm 2026\"
  province: Nghệ An
  period: 2026
  implements: []
  basis: [10/2003/PL-UBTVQH11]
  previous: {previous}
indicators:
  - ref: students
    target: \"{students}\"
"
    )
}

#[test]
fn a_target_lowered_since_last_year_is_a_warning_naming_last_years_value_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let last = write(
        dir.path(),
        "nghe-an-2025.yaml",
        &plan(
            "2025",
            "",
            "  - ref: commune-communication\n    target: \">= 75%\"\n  - ref: students\n    target: \">= 70%\"\n",
        ),
    );
    let draft = write(
        dir.path(),
        "nghe-an-2026.yaml",
        &draft_2026("nghe-an-2025.yaml", "60%"),
    );
    let (_, doc) = check_json(&draft);
    let found = with_code(&doc, "weaker-than-previous");
    assert_eq!(found.len(), 1, "{doc:#}");
    let f = found[0];
    assert_eq!(f["level"], "warning");
    assert_eq!(f["indicator"], "students");
    assert_eq!(f["line"], line_of(&draft, "ref: students", "target:"));
    let message = f["message"].as_str().unwrap();
    let at = format!(
        "{}:{}",
        last.display(),
        line_of(&last, "ref: students", "target:")
    );
    assert!(
        message.contains("70%") && message.contains(&at),
        "names last year's value and place: {message}"
    );

    let same = write(
        dir.path(),
        "nghe-an-2026b.yaml",
        &draft_2026("nghe-an-2025.yaml", "70%"),
    );
    let (_, doc) = check_json(&same);
    assert!(
        with_code(&doc, "weaker-than-previous").is_empty(),
        "{doc:#}"
    );
}

#[test]
fn a_missing_previous_plan_is_an_error_on_the_previous_value() {
    let dir = tempfile::tempdir().unwrap();
    let draft = write(
        dir.path(),
        "draft.yaml",
        &draft_2026("nghe-an-2025.yaml", "70%"),
    );
    let (code, doc) = check_json(&draft);
    assert_eq!(code, 1, "missing-previous is an error");
    let found = with_code(&doc, "missing-previous");
    assert_eq!(found.len(), 1, "{doc:#}");
    assert_eq!(found[0]["line"], line_of(&draft, "plan:", "previous:"));
    assert_eq!(found[0]["column"], 13);
}

#[test]
fn a_plan_on_standard_input_finds_its_parent_from_the_working_directory() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "parent.yaml",
        &plan("2021-2025", "", PARENT_2021_2025),
    );
    let out = kehoach()
        .current_dir(dir.path())
        .args(["check", "--lang", "en", "--format", "json", "-"])
        .write_stdin(plan("2022", "  parent: parent.yaml\n", CHILD_2022))
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(with_code(&doc, "weaker-than-parent").len(), 2, "{doc:#}");
}

#[test]
fn a_head_count_with_its_denominator_is_compared_as_the_share_it_stands_for() {
    let dir = tempfile::tempdir().unwrap();
    // 45.000 of 60.000 workers: 75%, a share, which a yearly plan's 70% falls below.
    write(
        dir.path(),
        "parent.yaml",
        &plan(
            "2021-2025",
            "",
            "  - ref: industrial-workers\n    target: 45.000\n    denominator: 60.000\n",
        ),
    );
    let child = write(
        dir.path(),
        "child.yaml",
        &plan(
            "2022",
            "  parent: parent.yaml\n",
            "  - ref: industrial-workers\n    target: \">= 70%\"\n",
        ),
    );
    let (_, doc) = check_json(&child);
    let found = with_code(&doc, "weaker-than-parent");
    assert_eq!(found.len(), 1, "{doc:#}");
    let message = found[0]["message"].as_str().unwrap();
    assert!(message.contains("≥ 75%"), "{message}");
}
