//! The report views over a fuzzed plan: compliance diff, summary, render (Markdown, HTML),
//! `diff OLD NEW` both ways and `compare` in every format, against a real plan.

#![no_main]

#[path = "common.rs"]
mod common;

use kehoach::i18n::Lang;
use kehoach::render::{document, docx, html, markdown as doc_md};
use kehoach::report::{markdown, table};
use kehoach::views::{changes, compliance, matrix, summary};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let reference = kehoach::reference::Reference::bundled();
    for lang in common::LANGS {
        let Some(plan) = common::compiled("fuzz.yaml", data, reference, lang) else {
            continue;
        };
        let other = common::compiled(
            "nghe-an-2024.yaml",
            common::OTHER_PLAN.as_bytes(),
            reference,
            lang,
        )
        .expect("the bundled example plan compiles");
        let c = compliance::build(&plan, lang);
        report(&c.report(lang), &c);
        let findings = kehoach::check::run(&plan, lang);
        let s = summary::build(&plan, &findings, lang);
        report(&s.report(lang), &s);
        let d = document::build(&plan);
        let _ = doc_md::write(&d);
        let _ = html::write(&d);
        let _ = docx::write(&d);
        for (old, new) in [(&plan, &other), (&other, &plan)] {
            let ch = changes::build(old, new, lang);
            report(&ch.report(lang), &ch);
        }
        for p in [&plan, &other] {
            let _ = matrix::tidy_rows(&matrix::column(p, lang, true), lang);
        }
        let plans = vec![plan, other];
        compare(&matrix::build(&plans, lang), lang);
    }
});

fn report<T: serde::Serialize>(r: &kehoach::report::grid::Report, view: &T) {
    let _ = table::report(r, 100, false);
    let _ = table::report(r, 40, true);
    let _ = markdown::report(r);
    let _ = serde_json::to_string_pretty(view);
}

fn compare(m: &matrix::Matrix, lang: Lang) {
    let _ = table::grid(&m.grid(lang), 100, false);
    let _ = markdown::grid(&m.grid(lang));
    let mut out = Vec::new();
    let _ = m.write_csv(lang, &mut out);
    let _ = serde_json::to_string_pretty(m);
    let _ = m.html(lang);
}
