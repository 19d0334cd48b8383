//! The stages strung together for one file: read → parse → compile → check. The first three
//! live below check (src/loaded.rs), since checking a plan may compile the plans it names;
//! they are re-exported here, so a caller of the whole pipeline needs one module.

use crate::check;
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::source::SourceFile;

pub use crate::loaded::{Loaded, load_source, read_plan};

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
