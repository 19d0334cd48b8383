//! Output formats for findings. Reports go to stdout (or an `-o` file); stderr is for errors
//! about the run itself.

pub mod csv;
mod frame;
pub mod github;
pub mod grid;
mod help_footer;
pub mod html;
pub mod human;
pub mod json;
mod line_breaks;
pub mod markdown;
mod memo;
pub mod sarif;
pub mod table;

use crate::rules::Level;

#[derive(Clone, Copy, Debug, Default, serde::Serialize)]
pub struct Counts {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

impl Counts {
    /// Adds another run's counts (of other files) to these.
    pub fn merge(&mut self, other: &Counts) {
        self.files += other.files;
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.notes += other.notes;
    }

    pub fn add(&mut self, findings: &[crate::finding::Finding]) {
        self.files += 1;
        for f in findings {
            match f.level {
                Level::Error => self.errors += 1,
                Level::Warning => self.warnings += 1,
                Level::Note => self.notes += 1,
            }
        }
    }
}
