//! One plan file read, parsed and compiled, without its checks: what the plans a plan names
//! (`parent`, `previous`), `init`'s draft and the import benchmark need, and the first half of
//! the pipeline (src/pipeline.rs), which checks what this gives it.

use crate::compile::{self, CompiledPlan};
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::load::{self, Unreadable};
use crate::reference::Reference;
use crate::source::SourceFile;
use std::path::Path;

/// A plan that compiled; or text that is not a plan, with every schema mistake in it; or bytes
/// that are not text at all, with the one finding that says why.
pub enum Loaded<'r> {
    Compiled(Box<CompiledPlan<'r>>),
    Invalid(SourceFile, Vec<Finding>),
    Failed(SourceFile, Box<Finding>),
}

pub fn load_source<'r>(source: SourceFile, reference: &'r Reference, lang: Lang) -> Loaded<'r> {
    match load::parse_plan(&source, lang) {
        Ok(doc) => Loaded::Compiled(Box::new(compile::compile(source, doc, reference, lang))),
        Err(findings) => Loaded::Invalid(source, findings),
    }
}

pub fn read_plan<'r>(
    path: &Path,
    reference: &'r Reference,
    lang: Lang,
) -> Result<Loaded<'r>, Unreadable> {
    Ok(match load::read_source(path, lang)? {
        Ok(source) => load_source(source, reference, lang),
        Err(b) => Loaded::Failed(b.0, Box::new(b.1)),
    })
}
