//! `check --cache`: a warm run says exactly what a fresh run says, and anything a plan's
//! findings depend on (its bytes, its parent and previous plans, the language, the
//! configuration) makes the cached findings stale.

use crate::common;
use common::*;
use std::fs;
use std::path::{Path, PathBuf};

const FORMATS: [&str; 4] = ["human", "json", "sarif", "github"];

/// A temporary repository holding copies of plans/ and examples/.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["plans", "examples"] {
        fs::create_dir(dir.path().join(sub)).unwrap();
        for e in fs::read_dir(root().join(sub)).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_file() {
                fs::copy(e.path(), dir.path().join(sub).join(e.file_name())).unwrap();
            }
        }
    }
    dir
}

/// Runs `check ARGS` without the cache and twice with it, asserts all three runs give the
/// same status, stdout and stderr, and returns that result.
fn cached_matches_fresh(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let fresh = check_in(dir, args);
    let with_cache: Vec<&str> = [&["--cache"][..], args].concat();
    assert_eq!(
        check_in(dir, &with_cache),
        fresh,
        "first cached run of {args:?}"
    );
    assert_eq!(
        check_in(dir, &with_cache),
        fresh,
        "second cached run of {args:?}"
    );
    fresh
}

fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir.join(".kehoach_cache"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    out.sort();
    out
}

/// Every stored message replaced, so output from the cache can be told from a fresh check.
fn mark_entries(dir: &Path) {
    for path in entries(dir) {
        let mut entry: serde_json::Value =
            serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
        for f in entry["findings"].as_array_mut().unwrap() {
            f["message"] = "FROM THE CACHE".into();
        }
        fs::write(&path, serde_json::to_vec(&entry).unwrap()).unwrap();
    }
}

fn plan_with(dir: &Path, name: &str, period: &str, links: &str, target: &str) -> PathBuf {
    let text = format!(
        "kehoach: 1
plan:
  title: \"Kế hoạch phòng, chống mại dâm tỉnh Nghệ An {period}\"
  province: Nghệ An
  period: {period}
  implements: [1629/QĐ-TTg]
{links}indicators:
  - ref: commune-communication
    target: \"{target}\"
"
    );
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn cold_and_warm_runs_match_a_run_without_the_cache_in_every_format() {
    let dir = repository();
    for lang in ["en", "vi"] {
        for format in FORMATS {
            let (code, out, err) = cached_matches_fresh(
                dir.path(),
                &["--lang", lang, "-f", format, "plans", "examples"],
            );
            assert_eq!(code, 1, "the examples have errors");
            assert!(!(out.is_empty() && err.is_empty()));
        }
    }
    let inputs = fs::read_dir(dir.path().join("plans")).unwrap().count()
        + fs::read_dir(dir.path().join("examples")).unwrap().count();
    assert_eq!(entries(dir.path()).len(), inputs, "one entry per input");
    let cache = dir.path().join(".kehoach_cache");
    assert_eq!(fs::read_to_string(cache.join(".gitignore")).unwrap(), "*\n");
    assert!(
        fs::read_to_string(cache.join("CACHEDIR.TAG"))
            .unwrap()
            .starts_with("Signature: 8a477f597d28d172789f06886806bc55\n")
    );

    // The warm run really comes from the entries.
    mark_entries(dir.path());
    let (_, out, _) = check_in(
        dir.path(),
        &["--cache", "--lang", "vi", "plans", "examples"],
    );
    assert!(out.contains("FROM THE CACHE"), "{out}");
}

#[test]
fn an_edited_plan_is_checked_again() {
    let dir = repository();
    let args = ["--lang", "en", "-f", "json", "examples"];
    cached_matches_fresh(dir.path(), &args);
    mark_entries(dir.path());
    let plan = dir.path().join("examples/draft-2025-nghe-an.yaml");
    let text = fs::read_to_string(&plan).unwrap();
    fs::write(&plan, text.replace("70%", "20%")).unwrap();
    let mut with_cache = vec!["--cache"];
    with_cache.extend(args);
    let (_, out, _) = check_in(dir.path(), &with_cache);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let fresh: Vec<_> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["file"] == "examples/draft-2025-nghe-an.yaml")
        .collect();
    assert!(!fresh.is_empty());
    assert!(
        fresh.iter().all(|f| f["message"] != "FROM THE CACHE"),
        "{fresh:#?}"
    );
}

#[test]
fn editing_a_parent_or_previous_plan_rechecks_the_plans_that_name_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    plan_with(d, "parent.yaml", "2021-2025", "", ">= 60%");
    plan_with(d, "last-year.yaml", "2021", "", ">= 60%");
    plan_with(
        d,
        "child.yaml",
        "2022",
        "  parent: parent.yaml\n  previous: last-year.yaml\n",
        ">= 70%",
    );
    let args = ["--lang", "en", "-f", "json", "child.yaml"];
    let (code, out, _) = cached_matches_fresh(d, &args);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("weaker-than"), "{out}");

    plan_with(d, "parent.yaml", "2021-2025", "", ">= 80%");
    let (code, out, _) = cached_matches_fresh(d, &args);
    assert_eq!(code, 1);
    assert!(out.contains("weaker-than-parent"), "{out}");
    assert!(!out.contains("weaker-than-previous"), "{out}");

    // One lowered value, one finding: the parent's names last year's too.
    plan_with(d, "last-year.yaml", "2021", "", ">= 90%");
    let (_, out, _) = cached_matches_fresh(d, &args);
    assert!(out.contains("also below last year's ≥ 90%"), "{out}");

    fs::remove_file(d.join("last-year.yaml")).unwrap();
    let (_, out, _) = cached_matches_fresh(d, &args);
    assert!(out.contains("missing-previous"), "{out}");
}

#[test]
fn the_language_and_the_configuration_are_part_of_what_is_cached() {
    let dir = repository();
    let en = cached_matches_fresh(dir.path(), &["--lang", "en", "plans"]);
    let vi = cached_matches_fresh(dir.path(), &["--lang", "vi", "plans"]);
    assert_ne!(en, vi);

    fs::write(
        dir.path().join("kehoach.toml"),
        "[rules]\nweaker-target = \"off\"\nmissing-indicator = \"note\"\n",
    )
    .unwrap();
    let configured = cached_matches_fresh(dir.path(), &["--lang", "en", "plans"]);
    assert_ne!(configured, en);
    fs::remove_file(dir.path().join("kehoach.toml")).unwrap();
    assert_eq!(
        cached_matches_fresh(dir.path(), &["--lang", "en", "plans"]),
        en
    );
}

#[test]
fn another_programme_file_is_not_served_the_bundled_programme_s_findings() {
    let dir = repository();
    let programme = dir.path().join("programme.yaml");
    fs::copy(root().join("schemas/1629-qd-ttg.yaml"), &programme).unwrap();
    let args = [
        "--cache",
        "--programme",
        "programme.yaml",
        "--lang",
        "en",
        "plans",
    ];
    let from_cache = || check_in(dir.path(), &args).1.contains("FROM THE CACHE");
    cached_matches_fresh(dir.path(), &["--lang", "en", "plans"]);
    mark_entries(dir.path());
    assert!(!from_cache(), "the bundled programme's entries");
    mark_entries(dir.path());
    assert!(from_cache(), "the same programme file, unchanged");
    let text = fs::read_to_string(&programme).unwrap();
    fs::write(&programme, format!("{text}\n# edited\n")).unwrap();
    assert!(!from_cache(), "an edited programme file");
}

#[test]
fn a_corrupt_entry_is_a_miss_and_is_written_again() {
    let dir = repository();
    let args = ["--lang", "en", "-f", "json", "plans"];
    let fresh = cached_matches_fresh(dir.path(), &args);
    let all = entries(dir.path());
    fs::write(&all[0], b"{\"key\": not json").unwrap();
    fs::write(&all[1], b"").unwrap();
    let mut with_cache = vec!["--cache"];
    with_cache.extend(args);
    assert_eq!(check_in(dir.path(), &with_cache), fresh);
    for path in &all[..2] {
        let entry: serde_json::Value = serde_json::from_slice(&fs::read(path).unwrap()).unwrap();
        assert!(entry["findings"].is_array());
    }
}

#[test]
fn a_cache_that_cannot_be_written_does_not_fail_the_check() {
    let dir = repository();
    fs::write(dir.path().join("not-a-dir"), "").unwrap();
    let args = ["--lang", "en", "-f", "json", "plans"];
    let (code, out, err) = check_in(dir.path(), &args);
    let mut with_cache = vec!["--cache", "--cache-dir", "not-a-dir/cache"];
    with_cache.extend(args);
    let (c, o, e) = check_in(dir.path(), &with_cache);
    assert_eq!((c, o), (code, out));
    let warning = "kehoach: warning: cannot write the cache not-a-dir/cache (";
    assert_eq!(e.matches(warning).count(), 1, "{e}");
    assert_eq!(
        e.lines()
            .filter(|l| !l.starts_with(warning))
            .collect::<Vec<_>>(),
        err.lines().collect::<Vec<_>>()
    );
}

#[test]
fn cache_dir_needs_cache() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = check_in(dir.path(), &["--cache-dir", "x", "plans"]);
    assert_eq!(code, 2);
    assert!(err.contains("--cache"), "{err}");
}
