//! The direct route (src/load/direct.rs) reads the bundled plans, and what it reads is what
//! serde-saphyr reads, on the real files and on thousands of broken variants of them.

use kehoach::i18n::Lang;
use kehoach::model::PlanFile;
use kehoach::source::SourceFile;
use std::path::Path;

fn yaml_files() -> Vec<(String, String)> {
    let mut files = Vec::new();
    for dir in ["plans", "examples"] {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        for entry in std::fs::read_dir(root).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "yaml") {
                let text = std::fs::read_to_string(&path).unwrap();
                files.push((
                    format!("{dir}/{}", path.file_name().unwrap().display()),
                    text,
                ));
            }
        }
    }
    files.sort();
    files
}

fn serde(text: &str) -> Option<PlanFile> {
    let source = SourceFile {
        name: "t.yaml".to_string(),
        text: text.into(),
    };
    kehoach::load::parse::<PlanFile>(&source, Lang::En).ok()
}

/// `Some(true)`: read by the direct route and equal; `None`: left to serde-saphyr.
fn same(name: &str, text: &str) -> Option<bool> {
    let direct = kehoach::load::direct::plan(text)?;
    let serde = serde(text)
        .unwrap_or_else(|| panic!("{name}: serde-saphyr refuses what the direct route read"));
    assert_eq!(direct, serde, "{name}");
    Some(true)
}

#[test]
fn every_bundled_plan_takes_the_direct_route_and_reads_the_same() {
    for (name, text) in yaml_files() {
        let read = same(&name, &text);
        // draft-schema is built of schema mistakes; it is for serde-saphyr to locate them.
        if name != "examples/draft-schema.yaml" {
            assert_eq!(read, Some(true), "{name} was left to serde-saphyr");
        }
    }
}

/// Every 3rd line removed, doubled, or shifted one space right or left, one at a time: most
/// variants are no longer plans, or not plain, and the direct route must then step aside.
#[test]
fn broken_variants_of_the_plans_read_the_same_or_are_left_to_serde_saphyr() {
    let (mut read, mut left) = (0, 0);
    for (name, text) in yaml_files() {
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        for i in (0..lines.len()).step_by(3) {
            let edits: [&dyn Fn(&str) -> String; 4] = [
                &|_| String::new(),
                &|l| format!("{l}{l}"),
                &|l| format!(" {l}"),
                &|l| l.strip_prefix(' ').unwrap_or(l).to_string(),
            ];
            for (k, edit) in edits.iter().enumerate() {
                let variant: String = lines
                    .iter()
                    .enumerate()
                    .map(|(j, l)| if j == i { edit(l) } else { l.to_string() })
                    .collect();
                match same(&format!("{name}, line {}, edit {k}", i + 1), &variant) {
                    Some(_) => read += 1,
                    None => left += 1,
                }
            }
        }
    }
    // Both routes are exercised: a change that made the direct route decline everything, or
    // read everything, would show here.
    assert!(read > 500 && left > 200, "read {read}, left {left}");
}

/// Found by the `direct` fuzz target: a NUL in a key. YAML refuses control characters, so the
/// direct route leaves the text to serde-saphyr, which locates them.
#[test]
fn control_characters_are_left_to_serde_saphyr() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/nghe-an-2024.yaml"),
    )
    .unwrap();
    for odd in ["\0", "\u{1}", "\u{7f}", "\u{85}", "\u{2029}"] {
        let broken = text.replacen("crimes-handled", &format!("crimes-handled{odd}"), 1);
        assert!(kehoach::load::direct::plan(&broken).is_none(), "{odd:?}");
        if odd <= "\u{7f}" {
            assert!(serde(&broken).is_none(), "{odd:?}");
        }
    }
}
