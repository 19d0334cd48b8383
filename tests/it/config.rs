//! `kehoach.toml`: found from the current directory upward, rule levels, exclusions, default
//! programme and language; mistakes in it are located like mistakes in a plan.

use crate::common;
use common::*;
use std::path::Path;

/// A repository of plans in a temporary directory: `plans/quang-nam-2023.yaml` copied from
/// the real one, and a `kehoach.toml` with `config` at its root.
fn repo(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("plans")).unwrap();
    std::fs::copy(
        root().join("plans/quang-nam-2023.yaml"),
        dir.path().join("plans/quang-nam-2023.yaml"),
    )
    .unwrap();
    std::fs::write(dir.path().join("kehoach.toml"), config).unwrap();
    dir
}

fn json_in(dir: &Path, args: &[&str]) -> (i32, serde_json::Value) {
    let mut all = vec!["--lang", "en", "--format", "json"];
    all.extend_from_slice(args);
    let (code, stdout, stderr) = check_in(dir, &all);
    let doc = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    (code, doc)
}

fn levels_of(doc: &serde_json::Value, code: &str) -> Vec<String> {
    findings(doc)
        .iter()
        .filter(|f| f["code"] == code)
        .map(|f| f["level"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn weaker_target_as_a_warning_lets_quang_nam_pass() {
    // Without the configuration the plan fails: two targets below the national floor.
    let (code, _) = check_json(Path::new("plans/quang-nam-2023.yaml"));
    assert_eq!(code, 1);

    let dir = repo("[rules]\nweaker-target = \"warning\"\n");
    let (code, stdout, _) = check_in(dir.path(), &["--lang", "en", "plans/quang-nam-2023.yaml"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("0 error(s)"), "{stdout}");
    let (_, doc) = json_in(dir.path(), &["plans/quang-nam-2023.yaml"]);
    assert_eq!(levels_of(&doc, "weaker-target"), ["warning", "warning"]);
}

#[test]
fn the_configuration_is_found_from_a_subdirectory() {
    let dir = repo("[rules]\nweaker-target = \"note\"\n");
    let (code, doc) = json_in(&dir.path().join("plans"), &["quang-nam-2023.yaml"]);
    assert_eq!(code, 0);
    assert_eq!(levels_of(&doc, "weaker-target"), ["note", "note"]);
}

#[test]
fn off_removes_a_rule_and_leaves_the_others() {
    let dir = repo("[rules]\nmissing-budget = \"off\"\nnot-comparable = \"error\"\n");
    let (code, doc) = json_in(dir.path(), &["plans"]);
    assert_eq!(code, 1);
    assert!(levels_of(&doc, "missing-budget").is_empty());
    assert_eq!(levels_of(&doc, "not-comparable"), ["error"]);
    assert_eq!(levels_of(&doc, "weaker-target"), ["error", "error"]);
    // The excerpt's two absent targets are one note; its one warning, not-comparable, is now
    // an error.
    assert_eq!(doc["summary"]["warnings"], 0, "{doc}");
}

#[test]
fn explicit_config_file_wins_over_discovery() {
    let dir = repo("[rules]\nweaker-target = \"off\"\n");
    let other = dir.path().join("strict.toml");
    std::fs::write(&other, "[rules]\nmissing-indicator = \"error\"\n").unwrap();
    let (code, doc) = json_in(
        dir.path(),
        &["--config", "strict.toml", "plans/quang-nam-2023.yaml"],
    );
    assert_eq!(code, 1);
    assert_eq!(
        levels_of(&doc, "weaker-target").len(),
        2,
        "kehoach.toml is not read"
    );
    // Quảng Nam's two absent targets are one finding (the plan is an excerpt).
    assert_eq!(levels_of(&doc, "missing-indicator"), ["error"]);
}

#[test]
fn excluded_paths_are_skipped_when_walking_but_not_when_named() {
    let dir = repo("exclude = [\"drafts\", \"plans/old-*.yaml\"]\n");
    let plans = dir.path().join("plans");
    std::fs::create_dir(plans.join("drafts")).unwrap();
    std::fs::write(plans.join("drafts/broken.yaml"), "kehoach: 1\nplan: [\n").unwrap();
    std::fs::write(plans.join("old-2019.yaml"), "kehoach: [").unwrap();
    let (_, doc) = json_in(dir.path(), &["plans"]);
    assert_eq!(doc["summary"]["files"], 1, "{doc}");
    // Run from inside plans/: patterns stay relative to the directory of kehoach.toml.
    let (_, doc) = json_in(&plans, &["."]);
    assert_eq!(doc["summary"]["files"], 1, "{doc}");
    let (code, doc) = json_in(dir.path(), &["plans/drafts/broken.yaml"]);
    assert_eq!(code, 1);
    assert_eq!(levels_of(&doc, "schema"), ["error"]);
}

#[test]
fn language_from_the_configuration_unless_given_on_the_command_line() {
    let dir = repo("lang = \"vi\"\n");
    let (_, stdout, _) = check_in(dir.path(), &["plans"]);
    assert!(stdout.contains("Đã kiểm tra 1 tệp"), "{stdout}");
    let (_, stdout, _) = check_in(dir.path(), &["--lang", "en", "plans"]);
    assert!(stdout.contains("Checked 1 file(s)"), "{stdout}");
}

#[test]
fn programme_is_relative_to_the_configuration() {
    let dir = repo("programme = \"schemas/national.yaml\"\n");
    std::fs::create_dir(dir.path().join("schemas")).unwrap();
    // The bundled programme with one floor raised, so the file is visibly the one used.
    let text = std::fs::read_to_string(root().join("schemas/1629-qd-ttg.yaml")).unwrap();
    assert_eq!(
        text.matches("target: \">= 20%\"").count(),
        1,
        "the inspection floor"
    );
    std::fs::write(
        dir.path().join("schemas/national.yaml"),
        text.replace("target: \">= 20%\"", "target: \">= 60%\""),
    )
    .unwrap();
    let (_, doc) = json_in(&dir.path().join("plans"), &["quang-nam-2023.yaml"]);
    let weaker: Vec<_> = findings(&doc)
        .iter()
        .filter(|f| f["code"] == "weaker-target")
        .map(|f| f["indicator"].as_str().unwrap())
        .collect();
    assert!(
        weaker.contains(&"establishments-inspected"),
        "the raised floor applies: {weaker:?}"
    );
}

#[test]
fn unknown_key_is_a_located_error() {
    let dir = repo("lang = \"en\"\nexclud = [\"drafts\"]\n");
    let (code, stdout, stderr) = check_in(dir.path(), &["--lang", "en", "plans"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(stderr.contains("config kehoach.toml:2:1"), "{stderr}");
    insta::assert_snapshot!("unknown-key", stderr);
}

#[test]
fn unknown_rules_and_levels_are_located_with_suggestions() {
    let dir = repo(
        "[rules]\nweaker-targt = \"warning\"\nmissing-budget = \"wrning\"\nstale-waiver = 3\n",
    );
    let (code, _, stderr) = check_in(&dir.path().join("plans"), &["--lang", "vi", "."]);
    assert_eq!(code, 2);
    assert!(stderr.contains("config ../kehoach.toml:2:1"), "{stderr}");
    assert!(stderr.contains("config ../kehoach.toml:3:18"), "{stderr}");
    assert!(stderr.contains("config ../kehoach.toml:4:16"), "{stderr}");
    insta::assert_snapshot!("bad-rules", stderr);
}

#[test]
fn invalid_toml_is_a_located_error() {
    let dir = repo("[rules\nweaker-target = \"warning\"\n");
    let (code, _, stderr) = check_in(dir.path(), &["--lang", "en", "plans"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("config kehoach.toml:1:"), "{stderr}");
    assert!(stderr.contains("invalid TOML"), "{stderr}");
}

#[test]
fn a_missing_programme_file_is_located() {
    let dir = repo("\nprogramme = \"schemas/none.yaml\"\n");
    let (code, _, stderr) = check_in(dir.path(), &["--lang", "en", "plans"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("config kehoach.toml:2:13"), "{stderr}");
    assert!(stderr.contains("programme file `schemas/none.yaml` not found"));
}
