//! A linter's conventions (issue 8, part 5): the report on stdout, YAML that is not a plan
//! skipped when walking, `--select`/`--ignore`, `--exit-zero`, `--strict`, `--statistics`,
//! `-o`, `"warn"` in kehoach.toml, and `--fix`/`--diff`.

use crate::common;
use common::*;
use serde_json::Value;
use std::fs;
use std::path::Path;

fn json(out: &str) -> Value {
    serde_json::from_str(out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

fn codes(doc: &Value) -> Vec<String> {
    findings(doc)
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

fn yaml_files_in(dir: &str) -> usize {
    fs::read_dir(root().join(dir))
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            let name = name.to_string_lossy();
            name.ends_with(".yaml") || name.ends_with(".yml")
        })
        .count()
}

#[test]
fn check_dot_at_the_root_checks_only_the_plans_and_examples() {
    let (_, out, err) = check_in(&root(), &["--lang", "en", "-f", "json", "."]);
    let doc = json(&out);
    let plans = yaml_files_in("plans") + yaml_files_in("examples");
    assert_eq!(doc["summary"]["files"], plans, "{err}");
    // schemas/*.yaml and docs/github-actions.yml (.pre-commit-hooks.yaml is hidden).
    assert!(
        doc["summary"]["skipped"].as_u64().unwrap() >= 5,
        "{}",
        doc["summary"]
    );
    for f in findings(&doc) {
        let file = f["file"].as_str().unwrap();
        assert!(
            file.starts_with("./plans/") || file.starts_with("./examples/"),
            "{file}"
        );
    }
    let (_, out, _) = check_in(&root(), &["--lang", "en", "."]);
    let skipped = doc["summary"]["skipped"].as_u64().unwrap();
    assert!(
        out.contains(&format!(
            "\nSkipped {skipped} YAML file(s) that are not kehoach plans"
        )),
        "{out}"
    );
    let (_, out, _) = check_in(&root(), &["--lang", "vi", "."]);
    assert!(
        out.contains("tệp YAML không phải kế hoạch kehoach"),
        "{out}"
    );
}

#[test]
fn a_file_named_on_the_command_line_is_checked_even_if_it_is_not_a_plan() {
    let (code, out, _) = check_in(
        &root(),
        &["--lang", "en", "-f", "json", "docs/github-actions.yml"],
    );
    assert_eq!(code, 1);
    let doc = json(&out);
    assert_eq!(doc["summary"]["files"], 1);
    assert_eq!(doc["summary"]["skipped"], 0);
    assert!(codes(&doc).contains(&"schema".to_string()));
}

#[test]
fn a_directory_without_plans_is_an_error_and_no_summary() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = check_in(dir.path(), &["--lang", "en", "."]);
    assert_eq!(code, 2);
    assert_eq!(out, "", "no summary that contradicts the error");
    assert_eq!(err, "kehoach: no plan files found (*.yaml, *.yml)\n");
    let (code, _, _) = check_in(dir.path(), &["-f", "json", "-o", "report.json", "."]);
    assert_eq!(code, 2);
    assert!(
        !dir.path().join("report.json").exists(),
        "no report, no file"
    );
    fs::write(
        dir.path().join("ci.yml"),
        "on: push\njobs:\n  kehoach: {}\n",
    )
    .unwrap();
    let (code, out, err) = check_in(dir.path(), &["--lang", "en", "."]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.contains("none of the 1 YAML file(s) met has a top-level `kehoach:` key"),
        "{err}"
    );
}

#[test]
fn the_human_report_goes_to_stdout_and_errors_about_inputs_to_stderr() {
    let (code, out, err) = check_in(
        &root(),
        &["--lang", "en", "plans/quang-nam-2023.yaml", "missing.yaml"],
    );
    assert_eq!(code, 2);
    assert!(
        out.contains("weaker-target plans/quang-nam-2023.yaml:"),
        "{out}"
    );
    assert!(out.contains("\nChecked 1 file(s): "), "{out}");
    assert_eq!(err, "kehoach: missing.yaml: does not exist\n");
}

#[test]
fn select_and_ignore_choose_the_rules() {
    let args = ["--lang", "en", "-f", "json", "plans/quang-nam-2023.yaml"];
    let (_, out, _) = check_in(&root(), &args);
    let all = codes(&json(&out));
    assert!(all.contains(&"weaker-target".to_string()));
    assert!(all.iter().any(|c| c != "weaker-target"));

    let mut only = args.to_vec();
    only.extend([
        "--select",
        "weaker-target,missing-budget",
        "--select",
        "not-comparable",
    ]);
    let (code, out, _) = check_in(&root(), &only);
    assert_eq!(code, 1);
    let selected = codes(&json(&out));
    assert!(
        selected
            .iter()
            .all(|c| ["weaker-target", "missing-budget", "not-comparable"].contains(&c.as_str())),
        "{selected:?}"
    );
    assert!(selected.contains(&"weaker-target".to_string()));

    let mut ignored = args.to_vec();
    ignored.extend(["--ignore", "weaker-target"]);
    let (_, out, _) = check_in(&root(), &ignored);
    let rest = codes(&json(&out));
    assert!(!rest.contains(&"weaker-target".to_string()));
    let weaker = all.iter().filter(|c| *c == "weaker-target").count();
    assert_eq!(rest.len(), all.len() - weaker);

    let (code, out, err) = check_in(
        &root(),
        &["--lang", "en", "--select", "weaker-targt", "plans"],
    );
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "kehoach: --select: unknown rule `weaker-targt`; did you mean `weaker-target`?\n"
    );
}

#[test]
fn exit_zero_and_strict_set_the_exit_status() {
    let quang_nam = "plans/quang-nam-2023.yaml";
    assert_eq!(check_in(&root(), &["-q", quang_nam]).0, 1);
    assert_eq!(check_in(&root(), &["-q", "--exit-zero", quang_nam]).0, 0);
    // Its growth target that cannot be compared is a warning: it passes, unless warnings fail.
    let budget = ["-q", "--select", "not-comparable", quang_nam];
    let (code, out, _) = check_in(&root(), &budget);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("not-comparable"), "{out}");
    let strict = [&budget[..], &["--strict"]].concat();
    assert_eq!(check_in(&root(), &strict).0, 1);
    assert_eq!(
        check_in(&root(), &["-q", "--exit-zero", "missing.yaml"]).0,
        2
    );
}

#[test]
fn statistics_count_findings_per_rule() {
    let (code, out, _) = check_in(&root(), &["--lang", "en", "--statistics", "plans"]);
    assert_eq!(code, 1);
    assert!(!out.contains("╭─["), "no code frames: {out}");
    let line = out
        .lines()
        .find(|l| l.contains(" weaker-target "))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(line.trim_start().starts_with("2 "), "{line}");
    assert!(line.ends_with("The plan's target is below the national programme's floor."));
    let (_, out, _) = check_in(
        &root(),
        &["--lang", "en", "--statistics", "-f", "json", "plans"],
    );
    let doc = json(&out);
    assert_eq!(doc["summary"]["statistics"]["weaker-target"], 2);
    let (code, _, err) = check_in(&root(), &["--statistics", "-f", "sarif", "plans"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn output_file_for_every_format_never_over_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let plan = root().join("plans/quang-nam-2023.yaml");
    let plan = plan.to_str().unwrap();
    for format in ["human", "json", "sarif", "github"] {
        let file = dir.path().join(format!("report.{format}"));
        let file = file.to_str().unwrap();
        let (code, out, _) = check_in(
            dir.path(),
            &["--lang", "en", "-f", format, "-o", file, plan],
        );
        assert_eq!(code, 1, "{format}");
        assert_eq!(out, "", "{format}: everything in the file");
        let written = fs::read_to_string(file).unwrap();
        match format {
            "json" | "sarif" => {
                json(&written);
            }
            "human" => assert!(written.contains("Checked 1 file(s)"), "{written}"),
            _ => assert!(written.contains("::error "), "{written}"),
        }
        let (code, _, err) = check_in(dir.path(), &["-f", format, "-o", file, plan]);
        assert_eq!(code, 2);
        assert!(err.contains("already exists"), "{err}");
        assert_eq!(fs::read_to_string(file).unwrap(), written, "not replaced");
        let (code, _, _) = check_in(dir.path(), &["-f", format, "-o", file, "--force", plan]);
        assert_eq!(code, 1);
    }
}

#[test]
fn warn_is_a_level_in_the_configuration() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        root().join("plans/quang-nam-2023.yaml"),
        dir.path().join("quang-nam-2023.yaml"),
    )
    .unwrap();
    for level in ["warn", "warning", "cảnh báo"] {
        let toml = format!("[rules]\nweaker-target = \"{level}\"\n");
        fs::write(dir.path().join("kehoach.toml"), toml).unwrap();
        let (code, out, err) = check_in(
            dir.path(),
            &["--lang", "en", "-f", "json", "quang-nam-2023.yaml"],
        );
        assert_eq!(code, 0, "{level}: {err}");
        let doc = json(&out);
        assert!(
            findings(&doc)
                .iter()
                .filter(|f| f["code"] == "weaker-target")
                .all(|f| f["level"] == "warning")
        );
    }
}

#[test]
fn json_findings_have_an_end_and_their_rule_documentation() {
    let (_, out, _) = check_in(
        &root(),
        &["--lang", "en", "-f", "json", "plans/quang-nam-2023.yaml"],
    );
    let doc = json(&out);
    let f = findings(&doc)
        .iter()
        .find(|f| f["code"] == "weaker-target")
        .unwrap();
    // `target: "50%"`: five characters from column 13.
    assert_eq!((&f["line"], &f["column"]), (&37.into(), &13.into()));
    assert_eq!((&f["end_line"], &f["end_column"]), (&37.into(), &18.into()));
    assert_eq!(f["docs"], "docs/rules/weaker-target.md");
    assert!(root().join(f["docs"].as_str().unwrap()).is_file());
    assert_eq!(
        f["summary"],
        "The plan's target is below the national programme's floor."
    );
}

/// A copy of the agencies draft in a temporary directory, with `from` replaced by `to`.
fn draft_with(dir: &Path, from: &str, to: &str) -> (std::path::PathBuf, String) {
    let text = fs::read_to_string(root().join("examples/draft-agencies.yaml")).unwrap();
    let (from, to) = (format!("agency: {from}\n"), format!("agency: {to}\n"));
    assert!(text.contains(&from));
    let text = text.replacen(&from, &to, 1);
    let path = dir.join("draft.yaml");
    fs::write(&path, &text).unwrap();
    (path, text)
}

fn unknown_agencies(dir: &Path) -> Vec<String> {
    let (_, out, _) = check_in(dir, &["--lang", "en", "-f", "json", "draft.yaml"]);
    findings(&json(&out))
        .iter()
        .filter(|f| f["code"] == "unknown-agency")
        .map(|f| f["agency"].as_str().unwrap().to_string())
        .collect()
}

/// Fixes `draft.yaml` in `dir`, where `written` was put in place of the correct `canonical`
/// name, and checks that only that value changed, and that a second check is clean of it.
fn fixes_only_that_value(dir: &Path, text: &str, written: &str, canonical: &str) {
    let path = dir.join("draft.yaml");
    let (code, diff, _) = check_in(dir, &["--lang", "en", "--diff", "draft.yaml"]);
    assert_eq!(code, 1, "--diff: 1 when something would change");
    assert!(
        diff.contains(&format!(
            "-  - agency: {written}\n+  - agency: {canonical}\n"
        )),
        "{diff}"
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        text,
        "--diff writes nothing"
    );

    let (_, out, err) = check_in(dir, &["--lang", "en", "--fix", "draft.yaml"]);
    assert!(out.contains("Fixed "), "{out}{err}");
    let fixed = fs::read_to_string(&path).unwrap();
    // Byte for byte, the file is the old one with that value replaced: every comment stays.
    let at = text.find(&format!("agency: {written}\n")).unwrap() + "agency: ".len();
    assert_eq!(&fixed[..at], &text[..at]);
    assert!(fixed[at..].starts_with(canonical));
    let rest = &text[at + written.len()..];
    let fixed_rest = &fixed[at + canonical.len()..];
    // The draft's other misspelling ("Sở Y tê") has its fix too: the rest differs only there.
    assert_eq!(fixed_rest.replacen("Sở Y tế", "Sở Y tê", 1), rest);
    assert_eq!(fixed.matches('#').count(), text.matches('#').count());
    assert!(!unknown_agencies(dir).contains(&written.to_string()));
    assert!(
        unknown_agencies(dir).is_empty(),
        "{:?}",
        unknown_agencies(dir)
    );
}

#[test]
fn fix_rewrites_a_misspelt_agency_and_keeps_every_comment() {
    let misspelt = "Sở Lao động Thương binh Xã hôi";
    let canonical = "Sở Lao động - Thương binh và Xã hội";
    for written in ["So LDTBXH", misspelt] {
        let dir = tempfile::tempdir().unwrap();
        let (_, text) = draft_with(dir.path(), misspelt, written);
        fixes_only_that_value(dir.path(), &text, written, canonical);
    }
}

#[test]
fn fix_uses_whatever_the_agency_matcher_suggests_for_abbreviations() {
    // Recognising "So Lao dong TBXH" as the labour department is the agency matcher's work
    // (issue 8, part 4); once it suggests the canonical name, --fix writes it.
    let dir = tempfile::tempdir().unwrap();
    let written = "So Lao dong TBXH";
    let (_, text) = draft_with(dir.path(), "Sở Lao động Thương binh Xã hôi", written);
    let (_, out, _) = check_in(dir.path(), &["--lang", "en", "-f", "json", "draft.yaml"]);
    let doc = json(&out);
    let suggested = findings(&doc).iter().any(|f| {
        f["agency"] == written && f["fix"]["replacement"] == "Sở Lao động - Thương binh và Xã hội"
    });
    if suggested {
        fixes_only_that_value(
            dir.path(),
            &text,
            written,
            "Sở Lao động - Thương binh và Xã hội",
        );
    }
}

#[test]
fn fix_rewrites_a_misspelt_ref_and_a_superseded_recipient() {
    let dir = tempfile::tempdir().unwrap();
    for (example, from, to) in [
        (
            "draft-targets.yaml",
            "- ref: industrial-worker\n",
            "- ref: industrial-workers\n",
        ),
        (
            "draft-mid-2025.yaml",
            "to: [Sở Lao động - Thương binh và Xã hội, Bộ Lao động - Thương binh và Xã hội]",
            "to: [Sở Y tế, Bộ Y tế]",
        ),
    ] {
        let path = dir.path().join(example);
        let text = fs::read_to_string(root().join("examples").join(example)).unwrap();
        fs::write(&path, &text).unwrap();
        let (_, out, _) = check_in(dir.path(), &["--lang", "en", "--fix", example]);
        assert!(out.contains("Fixed "), "{out}");
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            text.replacen(from, to, 1)
        );
        let (_, out, _) = check_in(dir.path(), &["--lang", "en", "-f", "json", example]);
        assert!(findings(&json(&out)).iter().all(|f| f.get("fix").is_none()));
    }
}

#[test]
fn fix_follows_a_symbolic_link_and_keeps_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = draft_with(dir.path(), "Sở Y tê", "Sở Y tê");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::symlink("draft.yaml", dir.path().join("link.yaml")).unwrap();
    let (_, out, _) = check_in(dir.path(), &["--lang", "en", "--fix", "link.yaml"]);
    assert!(out.contains("Fixed 2 finding(s)."), "{out}");
    assert!(
        fs::symlink_metadata(dir.path().join("link.yaml"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .contains("agency: Sở Y tế\n")
    );
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o640
    );
    let leftovers = fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 2, "no temporary file left");
}

#[test]
fn no_fix_that_would_name_a_body_twice() {
    // The draft names Sở Y tế correctly once and misspelt once: renaming the misspelt entry
    // would give two entries for one body.
    let dir = tempfile::tempdir().unwrap();
    draft_with(dir.path(), "Sở Lao động Thương binh Xã hôi", "Sở Y tế");
    let (_, out, _) = check_in(dir.path(), &["--lang", "en", "-f", "json", "draft.yaml"]);
    let doc = json(&out);
    let misspelt = findings(&doc)
        .iter()
        .find(|f| f["code"] == "unknown-agency" && f["agency"] == "Sở Y tê")
        .expect("still reported");
    assert!(misspelt.get("fix").is_none(), "{misspelt}");
    assert!(misspelt["help"].as_str().unwrap().contains("Sở Y tế"));

    // The lead of the mid-2025 draft passed its function to Sở Y tế, which the draft already
    // names: no fix either.
    let (_, out, _) = check_in(
        &root(),
        &["--lang", "en", "-f", "json", "examples/draft-mid-2025.yaml"],
    );
    let doc = json(&out);
    let lead = findings(&doc)
        .iter()
        .find(|f| f["code"] == "superseded-agency" && f["level"] == "error")
        .expect("the superseded lead");
    assert!(lead.get("fix").is_none(), "{lead}");
}
