//! `kehoach schema`: the programme listing, and the JSON Schema editors use. Every real plan must
//! validate against the schema (an editor must not flag a correct plan), and its lists must be the
//! reference data's.

use crate::common;
use common::*;
use serde_json::Value;
use std::path::Path;

fn json_schema(extra: &[&str]) -> Value {
    let out = kehoach()
        .args(["schema", "--json-schema"])
        .args(extra)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    serde_json::from_slice(&out.stdout).expect("the schema is JSON")
}

/// A YAML plan as the JSON value an editor's validator sees.
fn yaml_value(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

struct Validator {
    schemas: boon::Schemas,
    index: boon::SchemaIndex,
}

impl Validator {
    fn new(schema: Value) -> Validator {
        let mut compiler = boon::Compiler::new();
        compiler
            .add_resource("file:///kehoach-plan.schema.json", schema)
            .unwrap();
        let mut schemas = boon::Schemas::new();
        let index = compiler
            .compile("file:///kehoach-plan.schema.json", &mut schemas)
            .expect("a valid draft-07 schema");
        Validator { schemas, index }
    }

    fn errors(&self, plan: &Value) -> Option<String> {
        self.schemas
            .validate(plan, self.index)
            .err()
            .map(|e| format!("{e:#}"))
    }
}

fn yaml_files(dir: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_real_plan_validates_against_the_schema() {
    let v = Validator::new(json_schema(&[]));
    let plans = yaml_files("plans");
    assert!(plans.len() >= 5);
    for plan in plans {
        if let Some(errors) = v.errors(&yaml_value(&plan)) {
            panic!("{} does not validate:\n{errors}", plan.display());
        }
    }
}

#[test]
fn the_schema_catches_what_an_editor_should_flag() {
    let v = Validator::new(json_schema(&[]));
    // The example draft with a misspelt section and a string for the format version.
    let errors = v
        .errors(&yaml_value(&root().join("examples/draft-schema.yaml")))
        .expect("draft-schema.yaml has schema errors");
    assert!(errors.contains("indicatrs"), "{errors}");
    let plan = |indicator: &str| -> Value {
        serde_saphyr::from_str(&format!(
            "kehoach: 1\nplan: {{ province: Nghệ An, period: 2024 }}\nindicators:\n{indicator}"
        ))
        .unwrap()
    };
    for (bad, why) in [
        ("  - ref: student\n    target: 70%\n", "unknown national id"),
        (
            "  - ref: students\n    id: x\n    target: 70%\n",
            "ref and id",
        ),
        ("  - target: 70%\n", "neither ref nor id"),
        (
            "  - ref: officials-trained\n    target: { provence: 70% }\n",
            "unknown level",
        ),
        ("  - ref: students\n    targt: 70%\n", "unknown key"),
    ] {
        assert!(v.errors(&plan(bad)).is_some(), "{why}: {bad}");
    }
    assert_eq!(
        v.errors(&plan(
            "  - ref: officials-trained\n    target: { province: \">= 70%\", commune: 50% }\n  - id: local\n    target: 25.000\n"
        )),
        None
    );
}

/// The indicator ids of a programme file, read independently of kehoach's own loader.
fn indicator_ids(programme_yaml: &str) -> Vec<String> {
    let programme: Value = serde_saphyr::from_str(programme_yaml).unwrap();
    programme["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_ref_enum_is_the_programmes_indicator_ids_with_their_wording() {
    let schema = json_schema(&[]);
    let reference = &schema["definitions"]["indicator"]["properties"]["ref"];
    let ids: Vec<&str> = reference["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let programme = std::fs::read_to_string(root().join("schemas/1629-qd-ttg.yaml")).unwrap();
    let expected = indicator_ids(&programme);
    assert_eq!(ids, expected);
    let docs = reference["enumDescriptions"].as_array().unwrap();
    assert_eq!(docs.len(), ids.len());
    let students = docs[ids.iter().position(|i| *i == "students").unwrap()]
        .as_str()
        .unwrap();
    assert!(
        students.contains("70% học sinh, sinh viên các trường trung học phổ thông"),
        "the Vietnamese wording: {students}"
    );

    // With --programme, the schema follows that programme.
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.yaml");
    std::fs::write(&other, programme.replace("- id: students", "- id: pupils")).unwrap();
    let schema = json_schema(&["--programme", other.to_str().unwrap()]);
    let ids = schema["definitions"]["indicator"]["properties"]["ref"]["enum"].to_string();
    assert!(
        ids.contains("\"pupils\"") && !ids.contains("\"students\""),
        "{ids}"
    );
}

/// Every object schema is closed and every property has a bilingual description (or is a
/// reference to a definition that has one), so an editor can explain every key.
fn walk(path: &str, schema: &Value, problems: &mut Vec<String>) {
    let Some(map) = schema.as_object() else {
        return;
    };
    if let Some(props) = map.get("properties").and_then(Value::as_object) {
        if map.get("additionalProperties") != Some(&Value::Bool(false)) {
            problems.push(format!("{path}: additionalProperties is not false"));
        }
        for (key, prop) in props {
            let described = prop
                .get("description")
                .and_then(Value::as_str)
                .is_some_and(|d| d.contains("\n\n"));
            let reference = prop.get("$ref").is_some();
            let shape = prop.get("type").and_then(Value::as_str) == Some("string")
                && path.ends_with("signer");
            if !(described || reference || shape) {
                problems.push(format!("{path}.{key}: no bilingual description"));
            }
        }
    }
    for (key, value) in map {
        match value {
            Value::Object(_) => walk(&format!("{path}.{key}"), value, problems),
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(&format!("{path}.{key}[{i}]"), item, problems);
                }
            }
            _ => {}
        }
    }
}

#[test]
fn every_object_is_closed_and_every_key_is_described() {
    let schema = json_schema(&[]);
    let mut problems = Vec::new();
    walk("", &schema, &mut problems);
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(
        schema["$schema"], "http://json-schema.org/draft-07/schema#",
        "draft-07: what yaml-language-server supports best"
    );
    // English and Vietnamese words, with and without diacritics, as the loader accepts them.
    let listed = |v: &serde_json::Value, words: &[&str]| {
        let v = v.as_array().unwrap();
        for w in words {
            assert!(v.contains(&serde_json::json!(w)), "{w} in {v:?}");
        }
    };
    let role = &schema["definitions"]["responsibility"]["properties"]["role"]["enum"];
    listed(
        role,
        &[
            "lead",
            "coordinate",
            "requested",
            "chủ trì",
            "phối hợp",
            "đề nghị",
            "chu tri",
        ],
    );
    let every = &schema["definitions"]["reporting"]["properties"]["every"]["items"]["enum"];
    listed(
        every,
        &[
            "monthly",
            "quarterly",
            "6-months",
            "yearly",
            "ad-hoc",
            "hằng tháng",
            "hàng tháng",
            "hằng quý",
            "6 tháng",
            "hằng năm",
            "hàng năm",
            "đột xuất",
        ],
    );
    let kind = &schema["definitions"]["meta"]["properties"]["kind"]["enum"];
    assert_eq!(kind, &serde_json::json!(["ke-hoach", "quyet-dinh"]));
}

#[test]
fn the_programme_listing_names_every_indicator() {
    let out = kehoach().args(["schema", "--lang", "vi"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let programme = std::fs::read_to_string(root().join("schemas/1629-qd-ttg.yaml")).unwrap();
    for id in indicator_ids(&programme) {
        assert!(text.contains(&format!("  {id} ")), "{id} in\n{text}");
    }
    insta::assert_snapshot!("programmes-vi", text);
}
