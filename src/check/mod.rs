//! Rules over a compiled plan. One file per family of rules; each adds findings.

mod agencies;
mod completeness;
pub mod indicators;
mod metadata;
pub mod reform;
mod related;
mod second_part;
mod sections;
mod waivers;

use crate::compile::CompiledPlan;
use crate::finding::Finding;
use crate::i18n::Lang;

/// Every rule family over one compiled plan, in the order a reader meets the plan.
pub fn run(plan: &CompiledPlan, lang: Lang) -> Vec<Finding> {
    let mut out = plan.findings.clone();
    metadata::check(plan, lang, &mut out);
    reform::check(plan, lang, &mut out);
    indicators::check(plan, lang, &mut out);
    indicators::text_agreement(plan, lang, &mut out);
    second_part::check(plan, lang, &mut out);
    agencies::check(plan, lang, &mut out);
    sections::check(plan, lang, &mut out);
    related::check(plan, lang, &mut out);
    one_cause(plan, &mut out);
    waivers::apply(plan, lang, &mut out);
    related::one_per_target(lang, &mut out);
    completeness::group_absences(plan, lang, &mut out);
    // In the order a reader meets them in the file; file-wide findings first.
    out.sort_by_key(|f| f.span.map(|s| (s.line, s.column)));
    out
}

/// One cause, one finding: a misspelt `ref` (or agency name) is reported where it is written,
/// with its did-you-mean; the national indicator (or body) it was meant to be is not reported
/// missing as well.
fn one_cause(plan: &CompiledPlan, out: &mut Vec<Finding>) {
    use crate::rules::Rule;
    let ids: Vec<&str> = plan
        .programme
        .map(|p| p.indicators.iter().map(|i| i.id.as_str()).collect())
        .unwrap_or_default();
    let meant_indicators: Vec<&str> = plan
        .findings
        .iter()
        .filter(|f| f.rule == Rule::UnknownIndicator)
        .filter_map(|f| f.indicator.as_deref())
        .filter_map(|written| crate::text::did_you_mean(written, ids.iter().copied()))
        .collect();
    let meant_agencies: Vec<String> = plan
        .findings
        .iter()
        .filter(|f| matches!(f.rule, Rule::UnknownAgency | Rule::NoLeadAgency))
        .filter_map(|f| f.agency.as_deref())
        .filter_map(|written| crate::compile::suggest_agency(written, plan.reference))
        .collect();
    out.retain(|f| match f.rule {
        Rule::MissingIndicator => !f
            .indicator
            .as_deref()
            .is_some_and(|i| meant_indicators.contains(&i)),
        Rule::MissingAgency => !f
            .agency
            .as_deref()
            .is_some_and(|a| meant_agencies.iter().any(|m| m == a)),
        _ => true,
    });
}
