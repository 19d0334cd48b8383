//! A `--programme` file: bytes → programme, then a real plan compiled and checked against it,
//! with its compliance view.

#![no_main]

#[path = "common.rs"]
mod common;

use kehoach::load::LoadFailure;
use kehoach::pipeline;
use kehoach::reference::Reference;
use kehoach::views::compliance;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for lang in common::LANGS {
        let source =
            match kehoach::load::source_from_bytes("programme.yaml".into(), data.to_vec(), lang) {
                Ok(s) => s,
                Err(b) => {
                    common::render_all(&b.0, std::slice::from_ref(&b.1), lang);
                    continue;
                }
            };
        let reference = match Reference::with_programme_source(source, lang) {
            Ok(r) => r,
            Err(LoadFailure::Invalid(src, f)) => {
                common::render_all(&src, std::slice::from_ref(&f), lang);
                continue;
            }
            Err(LoadFailure::Unreadable(_)) => continue,
        };
        let loaded = common::load(
            "nghe-an-2024.yaml",
            common::OTHER_PLAN.as_bytes(),
            &reference,
            lang,
        );
        if let pipeline::Loaded::Compiled(plan) = loaded {
            let view = compliance::build(&plan, lang);
            let _ = kehoach::report::markdown::report(&view.report(lang));
            let report = pipeline::check_loaded(pipeline::Loaded::Compiled(plan), lang);
            common::render_all(&report.source, &report.findings, lang);
        }
    }
});
