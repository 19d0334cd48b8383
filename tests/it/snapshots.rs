//! Snapshots of `check` output for every real plan and every example draft: the human report
//! (Vietnamese, as a drafting officer sees it) and the JSON document (English, for machines).
//! Review changes with care: these files are the tool's user interface.

use crate::common;
use common::*;

fn plan_files() -> Vec<String> {
    let mut files = Vec::new();
    for dir in ["plans", "examples"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            if name.ends_with(".yaml") {
                files.push(format!("{dir}/{name}"));
            }
        }
    }
    files.sort();
    assert!(
        files.len() >= 8,
        "five plans and at least three drafts: {files:?}"
    );
    files
}

fn snapshot_name(file: &str, kind: &str) -> String {
    format!(
        "{kind}__{}",
        file.trim_end_matches(".yaml").replace('/', "__")
    )
}

#[test]
fn human_reports_in_vietnamese() {
    for file in plan_files() {
        let out = kehoach()
            .args(["check", "--lang", "vi", "--color", "never", &file])
            .output()
            .unwrap();
        assert!(
            out.stderr.is_empty(),
            "the human report goes to stdout, as ruff's and yamllint's do"
        );
        let report = format!(
            "exit status: {}\n\n{}",
            out.status.code().unwrap(),
            String::from_utf8(out.stdout).unwrap()
        );
        insta::assert_snapshot!(snapshot_name(&file, "human-vi"), report);
    }
}

#[test]
fn human_report_in_english() {
    let out = kehoach()
        .args([
            "check",
            "--lang",
            "en",
            "--color",
            "never",
            "plans/quang-nam-2023.yaml",
        ])
        .output()
        .unwrap();
    insta::assert_snapshot!(
        "human-en__plans__quang-nam-2023",
        String::from_utf8(out.stdout).unwrap()
    );
}

#[test]
fn json_reports() {
    for file in plan_files() {
        let (code, doc) = check_json(std::path::Path::new(&file));
        let value = serde_json::json!({ "exit": code, "report": doc });
        insta::assert_json_snapshot!(snapshot_name(&file, "json"), value);
    }
}

#[test]
fn lang_follows_the_locale() {
    let vi = kehoach()
        .env("LANG", "vi_VN.UTF-8")
        .args(["check", "plans/quang-nam-2023.yaml"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&vi.stdout).contains("thấp hơn mức tối thiểu"));
    let en = kehoach()
        .env("LANG", "en_US.UTF-8")
        .args(["check", "plans/quang-nam-2023.yaml"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&en.stdout).contains("below the national floor"));
    let lc_all = kehoach()
        .env("LANG", "en_US.UTF-8")
        .env("LC_ALL", "vi_VN.UTF-8")
        .args(["check", "plans/quang-nam-2023.yaml"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&lc_all.stdout).contains("thấp hơn"),
        "LC_ALL wins over LANG"
    );
}

#[test]
fn stdin_is_read_with_a_dash() {
    let text = std::fs::read_to_string(root().join("plans/quang-nam-2023.yaml")).unwrap();
    let out = kehoach()
        .args(["check", "--lang", "en", "--format", "json", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(findings(&doc).iter().all(|f| f["file"] == "<stdin>"));
    assert_eq!(
        findings(&doc)
            .iter()
            .filter(|f| f["code"] == "weaker-target")
            .count(),
        2
    );
}

#[test]
fn usage_errors_are_exit_2() {
    assert_eq!(
        kehoach().args(["check"]).output().unwrap().status.code(),
        Some(2),
        "no path"
    );
    assert_eq!(
        kehoach()
            .args(["check", "--format", "xml", "plans"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        kehoach()
            .args(["frobnicate"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    let help = kehoach().args(["check", "--help"]).output().unwrap();
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("--format"));
}
