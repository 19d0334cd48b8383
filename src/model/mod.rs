//! The plan document as written: typed, every value that a finding can point at keeps its span.

mod notation;
mod plan;
pub mod target;
mod wording;
pub mod words;

pub use notation::{display_targets, plan_syntax, short_level};
pub use plan::*;
pub use target::{Cmp, Level, Measure, Per, Target, Unclear};
pub use wording::{Reading, read_target};
pub use words::Words;
