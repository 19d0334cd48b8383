//! Rules over a compiled plan. One file per family of rules; each adds findings.

mod agencies;
mod finding;
pub mod indicators;
mod metadata;
pub mod reform;
mod related;
mod second_part;
mod sections;
mod waivers;

pub use finding::Finding;

use crate::compile::CompiledPlan;
use crate::i18n::Lang;

/// Every rule family over one compiled plan, in the order a reader meets the plan.
pub fn run(plan: &CompiledPlan, lang: Lang) -> Vec<Finding> {
    let mut out = plan.findings.clone();
    metadata::check(plan, lang, &mut out);
    reform::check(plan, lang, &mut out);
    indicators::check(plan, lang, &mut out);
    second_part::check(plan, lang, &mut out);
    agencies::check(plan, lang, &mut out);
    sections::check(plan, lang, &mut out);
    related::check(plan, lang, &mut out);
    waivers::apply(plan, lang, &mut out);
    // In the order a reader meets them in the file; file-wide findings first.
    out.sort_by_key(|f| f.span.map(|s| (s.line, s.column)));
    out
}
