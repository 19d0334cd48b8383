//! Accuracy of `kehoach import` on the real documents we have, against their hand-checked
//! plan files: targets (indicator + value) and bodies (body + role). Not a timing benchmark:
//! `cargo bench --bench import_accuracy` prints the table of docs/import.md.

use kehoach::i18n::Lang;
use kehoach::import::{self, score};
use kehoach::reference::Reference;
use std::path::Path;

/// (document, hand-checked plan, what the document is).
const DOCUMENTS: [(&str, &str, &str); 7] = [
    (
        "tests/fixtures/seeds/003_b23892a0df21ecaf.txt",
        "plans/nghe-an-2024.yaml",
        "full text",
    ),
    (
        "tests/fixtures/import/nghe-an-223.docx",
        "plans/nghe-an-2024.yaml",
        "full text, .docx",
    ),
    (
        "tests/fixtures/seeds/002_34ef264421f58d54.txt",
        "plans/quang-nam-2023.yaml",
        "sections summary",
    ),
    (
        "tests/fixtures/seeds/004_8ec1b54259918bd8.txt",
        "plans/ninh-binh-2021-2025.yaml",
        "news summary",
    ),
    (
        "tests/fixtures/seeds/001_4b1518317d1c1c28.txt",
        "plans/ha-noi-2024.yaml",
        "news summary",
    ),
    (
        "tests/fixtures/import/ha-noi-46.html",
        "plans/ha-noi-2024.yaml",
        "news summary, saved page",
    ),
    (
        "tests/fixtures/seeds/000_f7b7322e067c048d.txt",
        "plans/thanh-hoa-2021-2025.yaml",
        "news summary",
    ),
];

fn pct(v: f64) -> String {
    format!("{:.0}%", v * 100.0)
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let reference = Reference::bundled();
    println!(
        "| document | kind | targets P | targets R | wrong values | bodies P | bodies R | bodies with wrong role |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- | --- |");
    let mut total = score::Score::default();
    for (doc, gold, kind) in DOCUMENTS {
        let bytes = std::fs::read(root.join(doc)).expect("fixture exists");
        let imported = import::import(doc, doc, &bytes, reference, Lang::En).expect("imports");
        let gold_text = std::fs::read_to_string(root.join(gold)).expect("plan exists");
        let got = score::compile(doc, &imported.yaml, reference).expect("imported plan compiles");
        let want = score::compile(gold, &gold_text, reference).expect("hand-checked plan compiles");
        let s = score::score(&got, &want);
        total.targets.add(&s.targets);
        total.bodies.add(&s.bodies);
        let t = s.targets;
        let b = s.bodies;
        println!(
            "| {doc} | {kind} | {} ({}/{}) | {} ({}/{}) | {} | {} ({}/{}) | {} ({}/{}) | {} |",
            pct(t.precision()),
            t.correct,
            t.found,
            pct(t.recall()),
            t.correct,
            t.expected,
            t.wrong_value,
            pct(b.precision()),
            b.correct,
            b.found,
            pct(b.recall()),
            b.correct,
            b.expected,
            b.wrong_value
        );
    }
    let (t, b) = (total.targets, total.bodies);
    println!(
        "| all | | {} | {} | {} | {} | {} | {} |",
        pct(t.precision()),
        pct(t.recall()),
        t.wrong_value,
        pct(b.precision()),
        pct(b.recall()),
        b.wrong_value
    );
}
