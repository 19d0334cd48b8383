//! `kehoach.toml`: bytes → text (size limit, UTF-8) → settings or located findings, and the
//! findings rendered as `kehoach` prints them.

#![no_main]

#[path = "common.rs"]
mod common;

use kehoach::config::Config;
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;

fuzz_target!(|data: &[u8]| {
    for lang in common::LANGS {
        let source =
            match kehoach::load::source_from_bytes("kehoach.toml".into(), data.to_vec(), lang) {
                Ok(s) => s,
                Err(b) => {
                    common::render_all(&b.0, std::slice::from_ref(&b.1), lang);
                    continue;
                }
            };
        match kehoach::config::parse(&source, PathBuf::from("/nonexistent"), lang) {
            Ok(config) => {
                let mut findings = Vec::new();
                config.apply(&mut findings);
                let _ = config.excludes(std::path::Path::new("/nonexistent/plans/a/b.yaml"));
            }
            Err(findings) => common::render_all(&source, &findings, lang),
        }
    }
    let _ = Config::default();
});
