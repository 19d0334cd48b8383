//! The plan document as written: typed, every value that a finding can point at keeps its span.

mod plan;
pub mod target;

pub use plan::*;
pub use target::{Cmp, Level, Per, Target};
