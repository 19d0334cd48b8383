//! The machine formats CI reads: SARIF 2.1.0 (validated against the official schema) and
//! GitHub workflow commands, both pointing at the same places as the human and JSON reports.
//!
//! tests/sarif-2.1.0-rtm.5.json is the OASIS SARIF 2.1.0 schema (release 5, the one
//! schemastore.org serves as sarif-2.1.0), as shipped in the npm package
//! @microsoft/jest-sarif 1.0.0-beta.0 (lib/schemas/sarif-2.1.0-rtm.5.json, MIT licence).

use crate::common;
use common::*;
use serde_json::Value;

/// Every file the CLI tests use: the real plans and the drafts full of mistakes.
const INPUTS: [&str; 2] = ["plans", "examples"];

fn run(format: &str) -> (i32, Vec<u8>, String) {
    let out = kehoach()
        .args([
            "check", "--lang", "en", "--color", "never", "--format", format,
        ])
        .args(INPUTS)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        out.stdout,
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn sarif() -> Value {
    let (code, stdout, stderr) = run("sarif");
    assert_eq!(code, 1, "the drafts have errors; stderr: {stderr}");
    serde_json::from_slice(&stdout).expect("SARIF output is JSON")
}

fn results(log: &Value) -> &Vec<Value> {
    log["runs"][0]["results"].as_array().expect("results")
}

#[test]
fn sarif_validates_against_the_sarif_2_1_0_schema() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/sarif-2.1.0-rtm.5.json")).unwrap(),
    )
    .unwrap();
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    compiler
        .add_resource("file:///sarif-2.1.0-rtm.5.json", schema)
        .unwrap();
    let mut schemas = boon::Schemas::new();
    let index = compiler
        .compile("file:///sarif-2.1.0-rtm.5.json", &mut schemas)
        .unwrap();

    let log = sarif();
    assert!(
        results(&log).len() > 50,
        "plans and drafts give many findings"
    );
    if let Err(e) = schemas.validate(&log, index) {
        panic!("SARIF output does not fit the schema: {e:#}");
    }
    // The schema is not vacuous: it refuses a result without a message.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]
        .as_object_mut()
        .unwrap()
        .remove("message");
    assert!(schemas.validate(&broken, index).is_err());
}

#[test]
fn sarif_describes_every_rule_once_and_results_point_at_theirs() {
    let log = sarif();
    let driver = &log["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "kehoach");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    for expected in [
        "weaker-target",
        "stale-waiver",
        "waiver-without-reason",
        "schema",
    ] {
        assert!(ids.contains(&expected), "{expected} in {ids:?}");
    }
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "rule ids are unique");
    for r in rules {
        // Help in both languages: the Vietnamese summary of weaker-target says "thấp hơn".
        let help = r["help"]["text"].as_str().unwrap();
        assert!(help.lines().count() >= 2, "{help}");
    }
    let weaker = rules.iter().find(|r| r["id"] == "weaker-target").unwrap();
    assert!(
        weaker["fullDescription"]["text"]
            .as_str()
            .unwrap()
            .contains("thấp hơn mức tối thiểu")
    );
    for r in results(&log) {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
    }
}

/// (file, code, line, column) of each finding, in output order.
type Place = (String, String, u64, u64);

#[test]
fn sarif_regions_are_the_json_and_human_locations() {
    let log = sarif();
    let from_sarif: Vec<Place> = results(&log)
        .iter()
        .map(|r| {
            let loc = &r["locations"][0]["physicalLocation"];
            (
                loc["artifactLocation"]["uri"].as_str().unwrap().to_string(),
                r["ruleId"].as_str().unwrap().to_string(),
                loc["region"]["startLine"].as_u64().unwrap(),
                loc["region"]["startColumn"].as_u64().unwrap(),
            )
        })
        .collect();

    let (_, stdout, _) = run("json");
    let json: Value = serde_json::from_slice(&stdout).unwrap();
    let from_json: Vec<Place> = findings(&json)
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_string(),
                f["code"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(from_sarif, from_json);

    // The human report's header line of each finding: `code file:line:column`.
    let (_, stdout, _) = run("human");
    let from_human: Vec<Place> = String::from_utf8(stdout)
        .unwrap()
        .lines()
        .filter_map(|l| {
            let (code, place) = l.split_once(' ')?;
            let mut parts = place.rsplitn(3, ':');
            let column = parts.next()?.parse().ok()?;
            let line = parts.next()?.parse().ok()?;
            let file = parts.next()?.to_string();
            Some((file, code.to_string(), line, column))
        })
        .collect();
    assert_eq!(from_sarif, from_human);
}

#[test]
fn sarif_regions_cover_the_offending_value() {
    let log = sarif();
    let r = results(&log)
        .iter()
        .find(|r| {
            r["ruleId"] == "weaker-target"
                && r["properties"]["indicator"] == "industrial-workers"
                && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    == "plans/quang-nam-2023.yaml"
        })
        .expect("Quảng Nam's 50% for industrial workers");
    let region = &r["locations"][0]["physicalLocation"]["region"];
    let text = std::fs::read_to_string(root().join("plans/quang-nam-2023.yaml")).unwrap();
    let line = text
        .lines()
        .nth(region["startLine"].as_u64().unwrap() as usize - 1)
        .unwrap();
    let chars: Vec<char> = line.chars().collect();
    let start = region["startColumn"].as_u64().unwrap() as usize - 1;
    let end = region["endColumn"].as_u64().unwrap() as usize - 1;
    assert_eq!(region["endLine"], region["startLine"]);
    assert_eq!(chars[start..end].iter().collect::<String>(), "\"50%\"");
}

#[test]
fn github_annotations() {
    let out = kehoach()
        .args([
            "check",
            "--lang",
            "en",
            "--format",
            "github",
            "plans/quang-nam-2023.yaml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let (_, json) = check_json(std::path::Path::new("plans/quang-nam-2023.yaml"));
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines.len(),
        findings(&json).len(),
        "one command per finding"
    );
    for (line, f) in lines.iter().zip(findings(&json)) {
        let level = match f["level"].as_str().unwrap() {
            "note" => "notice",
            other => other,
        };
        let expected = format!(
            "::{level} file=plans/quang-nam-2023.yaml,line={},col={},title={}::",
            f["line"],
            f["column"],
            f["code"].as_str().unwrap()
        );
        assert!(line.starts_with(&expected), "{line}\nexpected {expected}");
        // A message's percent signs and line breaks are escaped, so each stays one command.
        let message = line.split_once("::").unwrap().1.split_once("::").unwrap().1;
        assert!(!message.contains('\r'));
        assert!(message.contains("%0A") || f["help"].is_null());
    }
    insta::assert_snapshot!("github__plans__quang-nam-2023", stdout);
}

#[test]
fn unreadable_inputs_make_the_sarif_invocation_unsuccessful() {
    let out = kehoach()
        .args([
            "check",
            "--lang",
            "en",
            "--format",
            "sarif",
            "plans/nghe-an-2024.yaml",
            "plans/no-such-plan.yaml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let note = &invocation["toolExecutionNotifications"][0];
    assert_eq!(
        note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "plans/no-such-plan.yaml"
    );
    assert!(
        note["message"]["text"]
            .as_str()
            .unwrap()
            .contains("does not exist")
    );
}

#[test]
fn output_order_is_input_order_whatever_the_number_of_jobs() {
    let args = [
        "check", "--lang", "en", "--format", "json", "plans", "examples",
    ];
    let one = kehoach().args(args).args(["-j", "1"]).output().unwrap();
    let four = kehoach().args(args).args(["-j", "4"]).output().unwrap();
    assert_eq!(one.status.code(), four.status.code());
    assert_eq!(
        String::from_utf8(one.stdout).unwrap(),
        String::from_utf8(four.stdout).unwrap()
    );
}
