//! `--programme FILE`: checking against a programme other than the bundled one.

use crate::common;
use common::*;

fn programme_with(from: &str, to: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let text = std::fs::read_to_string(root().join("schemas/1629-qd-ttg.yaml")).unwrap();
    assert!(text.contains(from), "fixture line {from:?}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("programme.yaml");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    (dir, path)
}

#[test]
fn a_lower_floor_in_another_programme_file_changes_the_verdict() {
    let (_dir, path) = programme_with("target: \">= 60%\"", "target: \">= 40%\"");
    let out = kehoach()
        .args(["check", "--lang", "en", "--format", "json", "--programme"])
        .arg(&path)
        .arg("plans/quang-nam-2023.yaml")
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let weaker: Vec<_> = findings(&doc)
        .iter()
        .filter(|f| f["code"] == "weaker-target")
        .map(|f| f["indicator"].as_str().unwrap())
        .collect();
    assert_eq!(
        weaker,
        ["students"],
        "industrial-workers' 50% now meets the 40% floor"
    );
}

#[test]
fn a_broken_programme_file_is_a_located_error_and_exit_2() {
    let (_dir, path) = programme_with(
        "    measure: percent\n",
        "    measure: percent\n    measur: percent\n",
    );
    let out = kehoach()
        .args(["check", "--lang", "en", "--programme"])
        .arg(&path)
        .arg("plans/quang-nam-2023.yaml")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("unknown key `measur`"), "{stderr}");
    assert!(stderr.contains("programme.yaml:"), "located: {stderr}");
}

#[test]
fn a_missing_programme_file_is_exit_2() {
    let out = kehoach()
        .args([
            "check",
            "--lang",
            "en",
            "--programme",
            "no-such.yaml",
            "plans",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such.yaml"));
}
