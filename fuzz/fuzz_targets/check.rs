//! `kehoach check FILE` after the read: load, compile, check, every renderer, both languages.

#![no_main]

#[path = "common.rs"]
mod common;

use kehoach::pipeline;
use kehoach::reference::Reference;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let reference = Reference::bundled();
    for lang in common::LANGS {
        let report = pipeline::check_loaded(common::load("fuzz.yaml", data, reference, lang), lang);
        common::render_all(&report.source, &report.findings, lang);
    }
});
