//! `kehoach completions SHELL`: a script for each shell that knows every command and option.

use crate::common;
use common::*;

fn script(shell: &str) -> String {
    let out = kehoach().args(["completions", shell]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{shell}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_shell_gets_a_script_naming_the_commands() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let text = script(shell);
        for word in [
            "check",
            "explain",
            "schema",
            "init",
            "completions",
            "--json-schema",
        ] {
            assert!(text.contains(word), "{shell} completes {word}");
        }
    }
}

#[test]
fn the_bash_script_is_valid_bash() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kehoach.bash");
    std::fs::write(&path, script("bash")).unwrap();
    let status = std::process::Command::new("bash")
        .arg("-n")
        .arg(&path)
        .status()
        .expect("bash is installed");
    assert!(status.success());
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let out = kehoach().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("possible values"));
}
