//! The plan document as written: typed, every value that a finding can point at keeps its span.

mod plan;
pub mod target;
pub mod words;

pub use plan::*;
pub use target::{Cmp, Level, Per, Target};
pub use words::Words;
