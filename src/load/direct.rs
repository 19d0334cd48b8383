//! The direct route: a plan read straight from its text into the typed [`PlanFile`], without
//! serde-saphyr, for the plain YAML that plans are written in.
//!
//! serde-saphyr is safe and exact but costs about as much as everything kehoach does after it
//! (docs/performance.md): every scalar goes through a token queue, an event, a peek and a
//! visitor, and every string is copied twice. Plans use a small part of YAML: block mappings
//! and sequences, plain and quoted scalars, comments, one-line flow collections of scalars.
//! This module reads exactly that part in one pass, borrowing text that needs no unescaping.
//!
//! It never judges a document. Whatever it is not sure of (anchors, tags, block scalars,
//! an empty value, a duplicate or unknown key, a scalar that YAML would read as a boolean or
//! a number where a word is wanted, more than [`MAX_NODES`] nodes or [`MAX_NESTING`] levels),
//! it declines, and the document is read by serde-saphyr as before, which finds and locates
//! every mistake. So a plan read here is the plan serde-saphyr would give, spans included;
//! `tests/it/direct.rs` and the `direct` fuzz target hold it to that.

use crate::model::PlanFile;

mod build;
mod tree;

#[cfg(test)]
mod tests;

/// Far above any real plan (a few thousand nodes), far below serde-saphyr's own budget, so
/// that a document serde-saphyr would refuse for its size is always left to it.
const MAX_NODES: usize = 50_000;
/// A plan is five levels deep; deeper is left to serde-saphyr and its depth limit.
const MAX_NESTING: usize = 8;

/// Whether the direct route reads `text` as YAML, without making a plan of it: the bare parse
/// `cargo bench --bench check_10k` compares a check with.
pub fn reads_yaml(text: &str) -> bool {
    tree::document(text).is_some()
}

/// The plan `text` holds, when it is written in the plain YAML this route reads and is a
/// well-formed plan; `None` leaves the text to serde-saphyr.
pub fn plan(text: &str) -> Option<PlanFile> {
    let root = tree::document(text)?;
    build::plan_file(root)
}
