//! `kehoach import`: seed 003 against its hand-checked plan, the LibreOffice .docx and a
//! TCVN3 copy against the text, refusals, and the render → import round trip.

use crate::common::{self, kehoach};
use kehoach::i18n::Lang;
use kehoach::import::{self, legacy, score};
use kehoach::reference::Reference;
use std::path::Path;

const SEED_003: &str = "tests/fixtures/seeds/003_b23892a0df21ecaf.txt";

/// The plan file without the lines that name the file it came from.
fn substance(yaml: &str) -> String {
    yaml.lines()
        .filter(|l| !l.starts_with("# Nhập tự động") && !l.trim_start().starts_with("source:"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn import_file(path: &Path) -> String {
    let bytes = std::fs::read(path).expect("fixture");
    let name = path.display().to_string();
    import::import(&name, &name, &bytes, Reference::bundled(), Lang::Vi)
        .expect("imports")
        .yaml
}

#[test]
fn seed_003_imports_to_the_hand_checked_plan() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("na.yaml");
    let run = kehoach()
        .args(["import", SEED_003, "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let summary = String::from_utf8_lossy(&run.stderr);
    assert!(
        summary.contains("12 (matched to a national indicator 12"),
        "{summary}"
    );
    let diff = kehoach()
        .args(["diff", "plans/nghe-an-2024.yaml", "-f", "json"])
        .arg(&out)
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&diff.stdout).unwrap();
    for c in doc["changes"].as_array().unwrap() {
        let (section, item) = (c["section"].as_str().unwrap(), c["item"].as_str().unwrap());
        // What remains: the border guard's second sentence, which the hand-checked file
        // keeps whole and the importer splits at ";" (docs/import.md). `diff` does not
        // compare `plan.source`, the file each was read from.
        let explained = section == "agencies" && item == "Bộ Chỉ huy Bộ đội Biên phòng tỉnh";
        assert!(explained, "unexpected difference: {c}");
        assert_ne!(c["kind"], "role-changed", "{c}");
    }
    // No body gained or lost: the border guard's changes are task sentences.
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.matches("  - agency: ").count(), 15);
}

#[test]
fn libreoffice_docx_imports_like_the_text() {
    let text = import_file(&common::root().join(SEED_003));
    let docx = import_file(&common::root().join("tests/fixtures/import/nghe-an-223.docx"));
    assert!(docx.contains("Word (.docx)"));
    assert_eq!(substance(&docx), substance(&text));
}

#[test]
fn tcvn3_and_vni_copies_import_like_the_unicode_text() {
    let original = std::fs::read_to_string(common::root().join(SEED_003)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let unicode = import_file(&common::root().join(SEED_003));
    // As a Word file typed in a .VnTime font arrives: TCVN3 codes as Latin-1 characters.
    let tcvn3 = dir.path().join("tcvn3.txt");
    std::fs::write(&tcvn3, legacy::to_tcvn3(&original)).unwrap();
    let imported = import_file(&tcvn3);
    assert!(
        imported.contains("chuyển từ bảng mã TCVN3"),
        "{}",
        &imported[..300]
    );
    assert_eq!(substance(&imported), substance(&unicode));
    let vni = dir.path().join("vni.txt");
    std::fs::write(&vni, legacy::to_vni(&original)).unwrap();
    assert_eq!(substance(&import_file(&vni)), substance(&unicode));
    // A TCVN3 text file proper (bytes, not UTF-8): characters TCVN3 cannot hold written
    // the way such files write them.
    let plain = original.replace(['–', '—'], "-").replace('…', "...");
    let bytes: Vec<u8> = legacy::to_tcvn3(&plain)
        .chars()
        .map(|c| u8::try_from(u32::from(c)).expect("TCVN3 is 8-bit"))
        .collect();
    let raw = dir.path().join("raw.txt");
    std::fs::write(&raw, bytes).unwrap();
    let plain_file = dir.path().join("plain.txt");
    std::fs::write(&plain_file, &plain).unwrap();
    assert_eq!(
        substance(&import_file(&raw)),
        substance(&import_file(&plain_file))
    );
}

#[test]
fn old_word_files_and_pdfs_are_refused_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("kh.doc");
    std::fs::write(&doc, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).unwrap();
    let pdf = dir.path().join("kh.pdf");
    std::fs::write(&pdf, b"%PDF-1.7\n").unwrap();
    for (file, lang, words) in [
        (&doc, "vi", "soffice --headless --convert-to docx"),
        (&doc, "en", "old binary Word file"),
        (&pdf, "vi", "nhận dạng ký tự (OCR)"),
        (&pdf, "en", "--convert-to docx"),
    ] {
        let out = kehoach()
            .args(["--lang", lang, "import"])
            .arg(file)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(words), "{err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn never_replaces_a_file_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("na.yaml");
    std::fs::write(&out, "keep").unwrap();
    let run = kehoach()
        .args(["import", SEED_003, "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep");
    let run = kehoach()
        .args(["import", "-q", SEED_003, "--force", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("223/KH-UBND")
    );
}

#[test]
fn check_runs_on_the_imported_plan() {
    let run = kehoach()
        .args(["import", "-q", "--check", SEED_003])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&run.stdout);
    assert!(out.contains("kehoach: 1"), "the plan is written: {out}");
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        err.contains("imported.yaml"),
        "check reports on the imported plan: {err}"
    );
}

/// Renders `plan` as `format` with kehoach, imports the result, and scores targets and
/// bodies against the plan. The docx variant adds a format here once `render` writes it.
fn round_trip(plan: &str, format: &str) -> score::Score {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join(format!("plan.{format}"));
    let run = kehoach()
        // `--force`: some plans have errors (Quảng Nam's targets below the floor); the
        // document is what is tested.
        .args(["render", plan, "--force", "-f", format, "-o"])
        .arg(&doc)
        .output()
        .unwrap();
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let yaml = import_file(&doc);
    let reference = Reference::bundled();
    let got = score::compile("imported", &yaml, reference).expect("compiles");
    let gold_text = std::fs::read_to_string(common::root().join(plan)).unwrap();
    let want = score::compile(plan, &gold_text, reference).expect("compiles");
    score::score(&got, &want)
}

/// The plans whose rendered document gives back every target and body with its role.
/// Not yet: plans/ha-noi-2024.yaml (its local head-counts), examples/draft-2026.yaml and
/// draft-document.yaml (`integration: { commune: ">= 50%" }` has no `text:`, and render writes
/// the national sentence, "các huyện, thành phố, thị xã", so the level is lost), and
/// examples/draft-schema.yaml (not a valid plan: render refuses it). See docs/import.md.
const ROUND_TRIP: [&str; 8] = [
    "plans/nghe-an-2024.yaml",
    "plans/quang-nam-2023.yaml",
    "plans/ninh-binh-2021-2025.yaml",
    "plans/thanh-hoa-2021-2025.yaml",
    "examples/draft-2025-nghe-an.yaml",
    "examples/draft-agencies.yaml",
    "examples/draft-mid-2025.yaml",
    "examples/draft-targets.yaml",
];

#[test]
fn render_md_then_import_gives_back_targets_bodies_and_roles() {
    let mut bad = Vec::new();
    for plan in ROUND_TRIP {
        let s = round_trip(plan, "md");
        for (what, t) in [("targets", s.targets), ("bodies", s.bodies)] {
            if (t.correct, t.found, t.wrong_value) != (t.expected, t.expected, 0) {
                bad.push(format!("{plan}: {what} {t:?}"));
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn a_saved_news_page_imports_like_its_text() {
    let page = import_file(&common::root().join("tests/fixtures/import/ha-noi-46.html"));
    let text = import_file(&common::root().join("tests/fixtures/seeds/001_4b1518317d1c1c28.txt"));
    assert!(page.contains("(HTML)"));
    let targets = |y: &str| -> Vec<String> {
        y.lines()
            .filter(|l| l.trim_start().starts_with("target:") || l.contains("- ref:"))
            .map(String::from)
            .collect()
    };
    assert_eq!(targets(&page), targets(&text));
    assert!(!page.contains("Tin liên quan") && !page.contains("Trang chủ"));
}
