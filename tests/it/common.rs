//! Shared helpers for the CLI tests: a `kehoach` command with a fixed, clean environment.
#![allow(dead_code)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The binary, run from the repository root with no locale, no colour and 100 columns, so
/// output does not depend on the machine running the tests.
pub fn kehoach() -> Command {
    let mut cmd = Command::cargo_bin("kehoach").expect("binary is built");
    cmd.current_dir(root())
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env("COLUMNS", "100")
        .env("NO_COLOR", "1");
    cmd
}

/// Runs `check --format json` on `path` and returns (exit code, parsed document).
pub fn check_json(path: &Path) -> (i32, serde_json::Value) {
    let out = kehoach()
        .args(["check", "--lang", "en", "--format", "json"])
        .arg(path)
        .output()
        .expect("runs");
    let doc = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    (out.status.code().expect("exit code"), doc)
}

pub fn findings(doc: &serde_json::Value) -> &Vec<serde_json::Value> {
    doc["findings"].as_array().expect("findings array")
}

/// (code, indicator-or-agency, line) of each finding.
pub fn triples(doc: &serde_json::Value) -> Vec<(String, String, u64)> {
    findings(doc)
        .iter()
        .map(|f| {
            let subject = f["indicator"]
                .as_str()
                .or(f["agency"].as_str())
                .unwrap_or("")
                .to_string();
            (
                f["code"].as_str().unwrap().to_string(),
                subject,
                f["line"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

/// The 1-based line of the first line of `file` containing `needle` after the line containing `after`.
pub fn line_of(file: &Path, after: &str, needle: &str) -> u64 {
    let text = std::fs::read_to_string(file).unwrap();
    let start = text
        .lines()
        .position(|l| l.contains(after))
        .unwrap_or_else(|| panic!("{after:?} in {}", file.display()));
    let idx = text
        .lines()
        .enumerate()
        .skip(start)
        .find(|(_, l)| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} after {after:?}"))
        .0;
    idx as u64 + 1
}

/// Runs `kehoach check --color never ARGS` in `dir`: (exit code, stdout, stderr).
pub fn check_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = kehoach()
        .current_dir(dir)
        .args(["check", "--color", "never"])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}
