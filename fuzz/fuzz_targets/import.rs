//! `kehoach import` on untrusted documents: the bytes as each input kind (Word, web page,
//! Markdown, text; legacy encodings are detected inside), then the plan file it writes, which
//! must load (its YAML is kehoach's own).

#![no_main]

#[path = "common.rs"]
mod common;

use kehoach::reference::Reference;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let reference = Reference::bundled();
    for name in ["plan.docx", "plan.html", "plan.md", "plan.txt"] {
        for lang in common::LANGS {
            if let Ok(imported) = kehoach::import::import(name, name, data, reference, lang) {
                let _ = common::compiled("imported.yaml", imported.yaml.as_bytes(), reference, lang);
            }
        }
    }
});
