//! `kehoach check` on the five real plans: the verdicts the issue asks for, on the right lines.

use crate::common;
use common::*;
use std::path::Path;

fn codes_for<'a>(doc: &'a serde_json::Value, indicator: &str) -> Vec<&'a str> {
    findings(doc)
        .iter()
        .filter(|f| f["indicator"] == indicator)
        .map(|f| f["code"].as_str().unwrap())
        .collect()
}

#[test]
fn quang_nam_has_two_weaker_targets_on_the_50_percent_lines_and_crimes_not_comparable() {
    let plan = root().join("plans/quang-nam-2023.yaml");
    let (code, doc) = check_json(&plan);
    assert_eq!(code, 1, "weaker targets are errors");
    for (indicator, national) in [("industrial-workers", "60"), ("students", "70")] {
        let f = findings(&doc)
            .iter()
            .find(|f| f["code"] == "weaker-target" && f["indicator"] == indicator)
            .unwrap_or_else(|| panic!("weaker-target on {indicator}"));
        assert_eq!(f["level"], "error");
        let line = line_of(&plan, &format!("ref: {indicator}"), "target:");
        assert_eq!(
            f["line"], line,
            "{indicator} is labelled on its target line"
        );
        assert_eq!(f["column"], 13, "the label sits on the value, not the key");
        assert!(f["message"].as_str().unwrap().contains("50%"), "{f}");
        assert!(f["message"].as_str().unwrap().contains(national), "{f}");
        assert!(
            f["help"].as_str().unwrap().contains("1629/QĐ-TTg"),
            "help cites the decision: {f}"
        );
    }
    assert_eq!(codes_for(&doc, "crimes-handled-growth"), ["not-comparable"]);
    assert!(
        codes_for(&doc, "establishments-inspected").is_empty(),
        "above 50% beats the national 20%"
    );
    assert!(
        codes_for(&doc, "commune-communication").is_empty(),
        "above 70% meets the national 70%"
    );
}

#[test]
fn ha_noi_head_counts_are_not_comparable_never_weaker() {
    let plan = root().join("plans/ha-noi-2024.yaml");
    let (code, doc) = check_json(&plan);
    assert_eq!(code, 0);
    for indicator in ["industrial-workers", "establishment-workers", "students"] {
        assert_eq!(
            codes_for(&doc, indicator),
            ["not-comparable"],
            "{indicator}"
        );
    }
    assert!(findings(&doc).iter().all(|f| f["code"] != "weaker-target"));
}

#[test]
fn a_denominator_turns_a_head_count_into_a_real_verdict() {
    let text = std::fs::read_to_string(root().join("plans/ha-noi-2024.yaml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    // 25.000 of 50.000 is 50%, below the national 60%; of 40.000 it is 62,5%, above it.
    for (denominator, expected) in [("50.000", Some("weaker-target")), ("40.000", None)] {
        let patched = text.replacen(
            "    target: \"25.000\"\n",
            &format!("    target: \"25.000\"\n    denominator: \"{denominator}\"\n"),
            1,
        );
        assert_ne!(patched, text, "the fixture still has the 25.000 line");
        let path = dir.path().join(format!("ha-noi-{denominator}.yaml"));
        std::fs::write(&path, patched).unwrap();
        let (_, doc) = check_json(&path);
        let codes = codes_for(&doc, "industrial-workers");
        match expected {
            Some(c) => {
                assert_eq!(codes, [c]);
                let f = findings(&doc)
                    .iter()
                    .find(|f| f["indicator"] == "industrial-workers")
                    .unwrap();
                assert!(
                    f["message"].as_str().unwrap().contains("50%"),
                    "shows the derived share: {f}"
                );
            }
            None => assert!(codes.is_empty(), "62,5% meets 60%: {codes:?}"),
        }
    }
}

#[test]
fn nghe_an_and_ninh_binh_meet_the_national_targets() {
    for plan in ["plans/nghe-an-2024.yaml", "plans/ninh-binh-2021-2025.yaml"] {
        let (code, doc) = check_json(Path::new(plan));
        assert_eq!(code, 0, "{plan}: {doc}");
        let indicator_codes = [
            "weaker-target",
            "not-comparable",
            "missing-indicator",
            "impossible-target",
        ];
        let bad: Vec<_> = findings(&doc)
            .iter()
            .filter(|f| indicator_codes.contains(&f["code"].as_str().unwrap()))
            .collect();
        assert!(bad.is_empty(), "{plan}: {bad:?}");
    }
}

#[test]
fn thanh_hoa_misses_every_binding_indicator_but_no_national_aggregate() {
    // A news summary (`completeness: summary`): the twelve absent targets are one note.
    let (code, doc) = check_json(Path::new("plans/thanh-hoa-2021-2025.yaml"));
    assert_eq!(code, 0, "missing indicators are warnings");
    let programme = std::fs::read_to_string(root().join("schemas/1629-qd-ttg.yaml")).unwrap();
    let binding: Vec<(&str, &str)> = [
        ("commune-communication", "Communes with communication"),
        ("press-monthly", "Press coverage monthly"),
        (
            "establishment-workers",
            "Service-establishment workers reached",
        ),
        ("industrial-workers", "Industrial-zone workers reached"),
        ("students", "Students reached"),
        ("plans-built", "Lower-level units with a plan"),
        ("integration", "Integrated with other programmes"),
        ("denunciations-handled", "Denunciations handled"),
        ("crimes-handled-growth", "Growth of crimes handled"),
        ("establishments-inspected", "Establishments inspected"),
        ("services-access", "Sex workers accessing services"),
        ("officials-trained", "Officials trained"),
    ]
    .to_vec();
    let missing: Vec<_> = findings(&doc)
        .iter()
        .filter(|f| f["code"] == "missing-indicator")
        .collect();
    assert_eq!(missing.len(), 1, "one grouped finding: {missing:?}");
    let grouped = missing[0];
    assert_eq!(grouped["level"], "note");
    let message = grouped["message"].as_str().unwrap();
    assert!(
        message.starts_with("12 national targets not stated in this summary: "),
        "{message}"
    );
    for (id, short) in &binding {
        assert!(programme.contains(&format!("id: {id}")));
        assert!(message.contains(short), "{short} in {message}");
    }
    assert!(
        !message.contains("Provinces running pilot models"),
        "pilot-models is a national aggregate"
    );
}

#[test]
fn every_finding_has_the_machine_fields() {
    let (_, doc) = check_json(Path::new("plans"));
    assert!(!findings(&doc).is_empty());
    for f in findings(&doc) {
        for key in ["file", "code", "level", "message", "line", "column"] {
            assert!(!f[key].is_null(), "{key} missing in {f}");
        }
        assert!(["error", "warning", "note"].contains(&f["level"].as_str().unwrap()));
        assert!(f["line"].as_u64().unwrap() >= 1 && f["column"].as_u64().unwrap() >= 1);
    }
    assert_eq!(doc["summary"]["files"], 5);
}
