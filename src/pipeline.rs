//! The stages strung together for one file: read → parse → compile → check.

use crate::check;
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

/// The findings for one file, ready for any report format.
pub struct FileReport {
    pub source: SourceFile,
    pub findings: Vec<Finding>,
}

impl FileReport {
    pub fn has_errors(&self) -> bool {
        self.findings
            .iter()
            .any(|f| f.level == crate::rules::Level::Error)
    }
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

pub fn check_loaded(loaded: Loaded<'_>, lang: Lang) -> FileReport {
    match loaded {
        Loaded::Compiled(plan) => {
            let findings = check::run(&plan, lang);
            FileReport {
                source: plan.source,
                findings,
            }
        }
        Loaded::Invalid(source, findings) => FileReport { source, findings },
        Loaded::Failed(source, f) => FileReport {
            source,
            findings: vec![*f],
        },
    }
}
