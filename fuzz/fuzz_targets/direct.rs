//! The direct route (src/load/direct.rs) against serde-saphyr: a plan the direct route reads
//! is the plan serde-saphyr reads from the same text, spans included.

#![no_main]

use kehoach::i18n::Lang;
use kehoach::model::PlanFile;
use kehoach::source::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(direct) = kehoach::load::direct::plan(text) {
        let source = SourceFile {
            name: "fuzz.yaml".to_string(),
            text: text.into(),
        };
        let serde = kehoach::load::parse::<PlanFile>(&source, Lang::En)
            .expect("serde-saphyr reads what the direct route reads");
        assert_eq!(direct, serde);
    }
});
