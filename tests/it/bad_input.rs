//! Hostile and broken input: never a panic or a hang, always a located error.

use crate::common;
use common::*;
use std::path::Path;
use std::time::{Duration, Instant};

const VALID: &str = "kehoach: 1\nplan:\n  number: 1/KH-UBND\n  province: Nghệ An\n  period: 2024\n  implements: [1629/QĐ-TTg]\n";

/// Writes `bytes` to a temp file, checks it, and returns (exit code, the only finding).
fn check_bytes(name: &str, bytes: &[u8]) -> (i32, serde_json::Value, Duration) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let start = Instant::now();
    let (code, doc) = check_json(&path);
    let took = start.elapsed();
    (code, doc, took)
}

fn first(doc: &serde_json::Value) -> &serde_json::Value {
    &findings(doc)[0]
}

fn assert_located(f: &serde_json::Value, code: &str, line: u64, column: u64) {
    assert_eq!(f["code"], code, "{f}");
    assert_eq!(f["level"], "error", "{f}");
    assert_eq!(
        (f["line"].as_u64().unwrap(), f["column"].as_u64().unwrap()),
        (line, column),
        "{f}"
    );
}

#[test]
fn malformed_yaml_is_a_syntax_error_at_the_fault() {
    let (code, doc, _) = check_bytes(
        "bad.yaml",
        b"kehoach: 1\nplan:\n  province: \"Nghe An\n  period: 2024\n",
    );
    assert_eq!(code, 1);
    assert_eq!(first(&doc)["code"], "syntax");
    assert!(first(&doc)["line"].as_u64().unwrap() >= 3, "{doc}");
}

#[test]
fn a_wrong_type_is_located_on_the_value() {
    let (code, doc, _) = check_bytes("t.yaml", b"kehoach: one\n");
    assert_eq!(code, 1);
    assert_located(first(&doc), "schema", 1, 10);
    assert!(
        first(&doc)["message"]
            .as_str()
            .unwrap()
            .contains("whole number"),
        "{doc}"
    );
}

#[test]
fn an_unknown_key_suggests_the_closest_one() {
    let (code, doc, _) = check_bytes("k.yaml", format!("{VALID}indicatrs: []\n").as_bytes());
    assert_eq!(code, 1);
    assert_located(first(&doc), "schema", 7, 1);
    assert!(
        first(&doc)["help"]
            .as_str()
            .unwrap()
            .contains("`indicators`"),
        "{doc}"
    );
}

#[test]
fn a_duplicate_key_is_an_error_on_the_second() {
    let (code, doc, _) = check_bytes(
        "d.yaml",
        format!("{VALID}budget: a\nbudget: b\n").as_bytes(),
    );
    assert_eq!(code, 1);
    assert_located(first(&doc), "syntax", 8, 1);
    assert!(first(&doc)["message"].as_str().unwrap().contains("budget"));
}

#[test]
fn an_alias_bomb_is_stopped_quickly() {
    // Nine levels of nine-fold aliases: 9^9 strings if expanded.
    let mut y = String::from(VALID);
    y.push_str(
        "purpose: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let keys = [
        "requirements",
        "objectives",
        "x1",
        "x2",
        "x3",
        "x4",
        "x5",
        "x6",
    ];
    let anchors = "abcdefghi".chars().collect::<Vec<_>>();
    for (i, k) in keys.iter().enumerate() {
        y.push_str(&format!(
            "{k}: &{} [{}]\n",
            anchors[i + 1],
            vec![format!("*{}", anchors[i]); 9].join(",")
        ));
    }
    let (code, doc, took) = check_bytes("bomb.yaml", y.as_bytes());
    assert_eq!(code, 1);
    assert!(
        ["syntax", "schema"].contains(&first(&doc)["code"].as_str().unwrap()),
        "{doc}"
    );
    assert!(
        first(&doc)["line"].as_u64().unwrap() >= 8,
        "located inside the bomb: {doc}"
    );
    assert!(
        took < Duration::from_secs(10),
        "stopped, not expanded ({took:?})"
    );
}

#[test]
fn many_aliases_hit_the_budget() {
    let mut y = format!("{VALID}purpose: [&s lol]\nobjectives: [");
    y.push_str(&vec!["*s"; 5000].join(", "));
    y.push_str("]\n");
    let (code, doc, _) = check_bytes("aliases.yaml", y.as_bytes());
    assert_eq!(code, 1);
    let f = first(&doc);
    assert_eq!(f["code"], "syntax", "{f}");
    assert!(f["message"].as_str().unwrap().contains("alias"), "{f}");
    assert_eq!(f["line"], 8);
}

#[test]
fn nesting_100000_deep_is_refused_without_overflowing_the_stack() {
    let mut y = String::from("kehoach: 1\npurpose: ");
    y.push_str(&"[".repeat(100_000));
    y.push_str(&"]".repeat(100_000));
    let (code, doc, took) = check_bytes("deep.yaml", y.as_bytes());
    assert_eq!(code, 1);
    assert_eq!(first(&doc)["line"], 2, "{}", first(&doc));
    assert!(took < Duration::from_secs(10));
    // The human report names the place but does not print the 200,000-character line.
    let out = kehoach()
        .args(["check", "--lang", "en"])
        .arg("-")
        .write_stdin(y)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("<stdin>:2:"),
        "{}",
        &stdout[..stdout.len().min(500)]
    );
    assert!(
        stdout.len() < 5_000,
        "the frame is not printed whole ({} bytes)",
        stdout.len()
    );
}

#[test]
fn a_100_mb_file_is_refused_without_reading_it_all() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.yaml");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(100 * 1024 * 1024).unwrap(); // sparse: costs no disk
    let start = Instant::now();
    let (code, doc) = check_json(&path);
    assert_eq!(code, 1);
    assert_located(first(&doc), "syntax", 1, 1);
    assert!(first(&doc)["message"].as_str().unwrap().contains("MiB"));
    assert!(start.elapsed() < Duration::from_secs(10));
}

#[test]
fn invalid_utf8_is_located_at_the_bad_byte() {
    let (code, doc, _) = check_bytes(
        "latin1.yaml",
        b"kehoach: 1\nplan:\n  province: H\xe0 N\xf4i\n",
    );
    assert_eq!(code, 1);
    assert_located(first(&doc), "syntax", 3, 14);
    assert!(first(&doc)["message"].as_str().unwrap().contains("UTF-8"));
}

#[test]
fn a_bom_is_accepted_and_columns_ignore_it() {
    let with_bom = [
        b"\xEF\xBB\xBF".as_slice(),
        format!("{VALID}indicators:\n  - ref: students\n    target: \"150%\"\n").as_bytes(),
    ]
    .concat();
    let (code, doc, _) = check_bytes("bom.yaml", &with_bom);
    assert_eq!(code, 1);
    let f = findings(&doc)
        .iter()
        .find(|f| f["code"] == "impossible-target")
        .expect("checked past the BOM");
    assert_eq!(
        (f["line"].as_u64().unwrap(), f["column"].as_u64().unwrap()),
        (9, 13)
    );
}

#[test]
fn crlf_line_endings_give_the_same_findings_and_lines() {
    let lf = std::fs::read_to_string(root().join("plans/quang-nam-2023.yaml")).unwrap();
    let crlf = lf.replace('\n', "\r\n");
    let (code_lf, doc_lf, _) = check_bytes("lf.yaml", lf.as_bytes());
    let (code_crlf, doc_crlf, _) = check_bytes("crlf.yaml", crlf.as_bytes());
    assert_eq!(code_lf, code_crlf);
    assert_eq!(triples(&doc_lf), triples(&doc_crlf));
}

#[test]
fn nfd_text_is_accepted_and_normalised() {
    use unicode_normalization::UnicodeNormalization;
    let nfc = std::fs::read_to_string(root().join("plans/nghe-an-2024.yaml")).unwrap();
    let nfd: String = nfc.nfd().collect();
    assert_ne!(nfc, nfd, "the fixture has composed characters");
    let (code_nfc, doc_nfc, _) = check_bytes("nfc.yaml", nfc.as_bytes());
    let (code_nfd, doc_nfd, _) = check_bytes("nfd.yaml", nfd.as_bytes());
    assert_eq!(code_nfd, code_nfc);
    assert_eq!(
        triples(&doc_nfd),
        triples(&doc_nfc),
        "province, agencies and targets resolve the same"
    );
}

#[test]
fn an_empty_file_says_so() {
    for content in [&b""[..], b"\n\n", b"# only a comment\n"] {
        let (code, doc, _) = check_bytes("empty.yaml", content);
        assert_eq!(code, 1);
        assert_eq!(first(&doc)["code"], "syntax");
        assert!(
            first(&doc)["message"].as_str().unwrap().contains("empty"),
            "{doc}"
        );
    }
}

#[test]
fn unreadable_entries_and_symlink_loops_are_reported_and_the_rest_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("plans/nghe-an-2024.yaml"),
        dir.path().join("good.yaml"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("nowhere.yaml"),
        dir.path().join("dangling.yaml"),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
    let out = kehoach()
        .args(["check", "--lang", "en", "--format", "json"])
        .arg(dir.path())
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "unreadable input is exit status 2"
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["summary"]["files"], 1, "the good file is still checked");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("dangling.yaml") && stderr.contains("does not exist"),
        "{stderr}"
    );
    assert!(stderr.contains("loop"), "{stderr}");
}

#[test]
fn a_missing_path_is_exit_2() {
    let out = kehoach()
        .args(["check", "--lang", "en", "no/such/plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/plan.yaml: does not exist"));
    assert!(Path::new("no/such").symlink_metadata().is_err());
}
