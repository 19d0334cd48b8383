//! What every target shares: bytes in as `kehoach check FILE` reads them, and the renderers
//! of one file's findings.

#![allow(dead_code)]

use kehoach::finding::Finding;
use kehoach::compile::CompiledPlan;
use kehoach::i18n::Lang;
use kehoach::pipeline::{self, Loaded};
use kehoach::reference::Reference;
use kehoach::report::human::Human;
use kehoach::report::{github, json, sarif};
use kehoach::source::SourceFile;

pub const LANGS: [Lang; 2] = [Lang::Vi, Lang::En];

/// The plan the views are compared with: a real one, so diff and compare have two sides.
pub const OTHER_PLAN: &str = include_str!("../../plans/nghe-an-2024.yaml");

/// Bytes → source, as the file reader does after reading (size limit, BOM, UTF-8).
pub fn load<'r>(name: &str, data: &[u8], reference: &'r Reference, lang: Lang) -> Loaded<'r> {
    match kehoach::load::source_from_bytes(name.to_string(), data.to_vec(), lang) {
        Ok(source) => pipeline::load_source(source, reference, lang),
        Err(b) => Loaded::Failed(b.0, Box::new(b.1)),
    }
}

/// A compiled plan, or `None` when the bytes stop at syntax or schema.
pub fn compiled<'r>(
    name: &str,
    data: &[u8],
    reference: &'r Reference,
    lang: Lang,
) -> Option<Box<CompiledPlan<'r>>> {
    match load(name, data, reference, lang) {
        Loaded::Compiled(plan) => Some(plan),
        Loaded::Failed(..) | Loaded::Invalid(..) => None,
    }
}

/// Every per-file renderer of `check`: human frames (with and without colour), JSON, SARIF,
/// GitHub annotations.
pub fn render_all(source: &SourceFile, findings: &[Finding], lang: Lang) {
    for color in [false, true] {
        let _ = Human::new(lang, color, 100).file(source, findings);
    }
    let _ = Human::new(lang, false, 40).file(source, findings);
    for f in findings {
        let _ = json::item(source, f, lang);
        let _ = sarif::result(source, f);
    }
    let _ = github::annotations(source, findings);
}
