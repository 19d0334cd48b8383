//! `kehoach init`: drafts that pass `check` with no error, the right bodies for the date and the
//! province, and files that are never clobbered.

use crate::common;
use common::*;
use kehoach::date::Date;
use kehoach::i18n::Lang;
use kehoach::pipeline;
use kehoach::reference::Reference;
use kehoach::rules::Level;
use kehoach::scaffold::{self, Request};
use kehoach::source::SourceFile;
use std::path::Path;
use std::sync::Arc;

fn init(args: &[&str]) -> (i32, String, String) {
    let out = kehoach().arg("init").args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn error_codes(path: &Path) -> Vec<String> {
    let (code, doc) = check_json(path);
    let errors: Vec<String> = findings(&doc)
        .iter()
        .filter(|f| f["level"] == "error")
        .map(|f| f.to_string())
        .collect();
    assert_eq!(code, i32::from(!errors.is_empty()), "{doc:#}");
    errors
}

#[test]
fn thua_thien_hue_2024_passes_check_and_lists_border_guards() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hue-2024.yaml");
    let (code, stdout, stderr) = init(&[
        "--province",
        "Thừa Thiên Huế",
        "--period",
        "2024",
        "-o",
        path.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty(), "the draft goes to the file");
    assert!(stderr.contains("kehoach check"), "{stderr}");
    assert_eq!(error_codes(&path), Vec::<String>::new());
    let (_, doc) = check_json(&path);
    // A draft has no issue date yet: one note says so, nothing else.
    let codes: Vec<(&str, &str)> = findings(&doc)
        .iter()
        .map(|f| (f["code"].as_str().unwrap(), f["level"].as_str().unwrap()))
        .collect();
    assert_eq!(codes, [("no-issue-date", "note")], "{doc:#}");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("  - agency: Bộ Chỉ huy Bộ đội Biên phòng tỉnh\n"));
    assert!(
        !text.contains("TODO"),
        "marks for the officer are Vietnamese comments"
    );
    let text = text.replace(path.to_str().unwrap(), "<file>");
    insta::assert_snapshot!("thua-thien-hue-2024", text);
}

#[test]
fn ha_noi_has_no_border_guards_and_names_the_city_police() {
    let (code, draft, _) = init(&["--province", "TP. Hà Nội", "--period", "2024"]);
    assert_eq!(code, 0);
    assert!(!draft.contains("Biên phòng"), "{draft}");
    assert!(draft.contains("  - agency: Công an thành phố\n"), "{draft}");
    assert!(draft.contains("issuer: UBND thành phố Hà Nội\n"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ha-noi.yaml");
    std::fs::write(&path, &draft).unwrap();
    assert_eq!(error_codes(&path), Vec::<String>::new());
}

/// The lead agency named in a draft.
fn lead(draft: &str) -> &str {
    let at = draft.find("    role: lead").expect("a lead");
    let line = draft[..at].lines().last().unwrap();
    line.trim().strip_prefix("- agency: ").unwrap()
}

#[test]
fn the_bodies_are_the_ones_in_force_on_the_plans_date() {
    let (_, before, _) = init(&["--province", "Nghệ An", "--period", "2025"]);
    assert_eq!(lead(&before), "Sở Lao động - Thương binh và Xã hội");
    let (_, after, _) = init(&[
        "--province",
        "Nghệ An",
        "--period",
        "2025",
        "--date",
        "2025-06-01",
    ]);
    assert_eq!(lead(&after), "Sở Y tế");
    assert!(after.contains("  issued: 2025-06-01\n"));
    assert_eq!(
        after.matches("agency: Sở Y tế").count(),
        1,
        "the lead is also a required body: named once"
    );
    assert!(!after.contains("Thông tin và Truyền thông"));
    assert_eq!(
        after
            .matches("agency: Sở Văn hóa, Thể thao và Du lịch\n")
            .count(),
        1,
        "the press work of Sở TT&TT went to Sở VHTTDL, which is named once"
    );

    let (_, draft, _) = init(&["--province", "Nghệ An", "--period", "2026"]);
    assert_eq!(lead(&draft), "Sở Y tế");
    assert!(draft.contains("to: [Sở Y tế]") && draft.contains("và Bộ Y tế."));
    assert!(
        draft.contains("  implements: []\n  basis: [\"10/2003/PL-UBTVQH11\"]"),
        "no programme covers 2026: the draft cites its legal basis: {draft}"
    );
    assert!(!draft.contains("district:"), "no district level in 2026");
    assert!(draft.contains("agency: Ủy ban nhân dân các xã, phường, đặc khu"));
    assert!(!draft.contains("Lao động - Thương binh"));
}

#[test]
fn every_province_in_every_era_gets_a_draft_without_errors() {
    let reference = Reference::bundled();
    let mut drafts = 0;
    for (start, end) in [(2024, 2024), (2021, 2025), (2026, 2026)] {
        for province in &reference.provinces.provinces {
            let request = Request {
                province,
                start,
                end,
                issued: None,
                schema: "kehoach-plan.schema.json".to_string(),
            };
            if !province.exists_on(request.date()) {
                continue;
            }
            let text = scaffold::draft(reference, &request);
            let source = SourceFile {
                name: format!("{}-{start}.yaml", province.id),
                text: Arc::from(text.as_str()),
            };
            let loaded = pipeline::load_source(source, reference, Lang::En);
            let report = pipeline::check_loaded(loaded, Lang::En);
            let errors: Vec<_> = report
                .findings
                .iter()
                .filter(|f| f.level == Level::Error)
                .map(|f| format!("{}: {}", f.rule, f.message))
                .collect();
            assert!(
                errors.is_empty(),
                "{} {start}-{end}: {errors:#?}\n{text}",
                province.name
            );
            let border = reference
                .provinces
                .has_border_or_coast(province, request.date());
            assert_eq!(
                text.contains("Biên phòng"),
                border,
                "{} {start}: border guards iff a border or coast",
                province.name
            );
            drafts += 1;
        }
    }
    assert!(drafts >= 63 + 63 + 34, "{drafts}");
}

#[test]
fn a_draft_validates_against_the_editor_schema() {
    let out = kehoach()
        .args(["schema", "--json-schema"])
        .output()
        .unwrap();
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut compiler = boon::Compiler::new();
    compiler.add_resource("file:///plan.json", schema).unwrap();
    let mut schemas = boon::Schemas::new();
    let index = compiler.compile("file:///plan.json", &mut schemas).unwrap();
    for (province, period) in [("Thừa Thiên Huế", "2024"), ("Đà Nẵng", "2026")] {
        let (_, draft, _) = init(&["--province", province, "--period", period]);
        let value: serde_json::Value = serde_saphyr::from_str(&draft).unwrap();
        if let Err(e) = schemas.validate(&value, index) {
            panic!("{province} {period}: {e:#}");
        }
    }
}

#[test]
fn an_unknown_province_is_a_usage_error_with_a_suggestion() {
    let (code, stdout, stderr) =
        init(&["--province", "Nghệ Ann", "--period", "2024", "--lang", "en"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert_eq!(
        stderr.trim(),
        "kehoach: unknown province `Nghệ Ann`; did you mean `Nghệ An`?"
    );
    let (code, _, stderr) = init(&[
        "--province",
        "Nghệ An",
        "--period",
        "2024-20",
        "--lang",
        "vi",
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("thời kỳ `2024-20` không đọc được"),
        "{stderr}"
    );
}

#[test]
fn a_province_that_did_not_exist_on_the_date_names_the_one_that_did() {
    let (code, _, stderr) = init(&[
        "--province",
        "Quảng Nam",
        "--period",
        "2026",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("thành phố Đà Nẵng") && stderr.contains("--province \"Đà Nẵng\""),
        "{stderr}"
    );
    let (code, _, stderr) = init(&["--province", "Huế", "--period", "2024", "--lang", "en"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--province \"Thừa Thiên Huế\""), "{stderr}");
}

#[test]
fn an_existing_file_is_never_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.yaml");
    std::fs::write(&path, "officer's work\n").unwrap();
    let file = path.to_str().unwrap();
    let (code, _, stderr) = init(&[
        "--province",
        "Nghệ An",
        "--period",
        "2024",
        "-o",
        file,
        "--lang",
        "en",
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("already exists"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "officer's work\n");

    let (code, _, _) = init(&[
        "--province",
        "Nghệ An",
        "--period",
        "2024",
        "-o",
        file,
        "--force",
    ]);
    assert_eq!(code, 0);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("province: Nghệ An")
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["plan.yaml"], "no temporary file left behind");
}

#[test]
fn the_editor_header_points_at_the_schema_in_a_directory_above() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("kehoach-plan.schema.json"), "{}").unwrap();
    std::fs::create_dir_all(dir.path().join("plans/2024")).unwrap();
    let path = dir.path().join("plans/2024/nghe-an.yaml");
    let (code, _, _) = init(&[
        "--province",
        "Nghệ An",
        "--period",
        "2024",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("# yaml-language-server: $schema=../../kehoach-plan.schema.json\n"),
        "{text}"
    );
    let (_, text, _) = init(&[
        "--province",
        "Nghệ An",
        "--period",
        "2024",
        "--schema",
        "https://example.org/plan.json",
    ]);
    assert!(text.starts_with("# yaml-language-server: $schema=https://example.org/plan.json\n"));
}

#[test]
fn the_issue_date_must_be_a_date() {
    let (code, _, stderr) = init(&[
        "--province",
        "Nghệ An",
        "--period",
        "2024",
        "--date",
        "2024-02-30",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("date `2024-02-30` is not valid"),
        "{stderr}"
    );
    let _ = Date::parse("2024-02-29").expect("a leap day is a date");
}
