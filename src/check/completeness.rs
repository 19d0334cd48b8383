//! Plans that transcribe only part of their document (`plan.completeness: excerpt | summary`).
//!
//! A news article about a plan names a few targets and bodies; what it leaves out says nothing
//! about the signed plan. So the indicators and bodies that such a source does not mention are
//! gathered into one note per kind ("8 national targets not stated in this summary: …"),
//! instead of a warning each. A full plan (the default) keeps one warning per absence.

use crate::compile::CompiledPlan;
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::model::Completeness;
use crate::msg;
use crate::rules::{Level, Rule};

/// The plan's declared completeness, when it is less than the whole document.
pub fn partial(plan: &CompiledPlan) -> Option<Completeness> {
    plan.doc
        .plan
        .value
        .completeness
        .as_ref()
        .map(|c| c.value)
        .filter(|c| *c != Completeness::Full)
}

/// "this excerpt" / "this summary", as the subject of a sentence about the source.
pub fn source_name(c: Completeness, lang: Lang) -> String {
    match c {
        Completeness::Excerpt => msg!(lang, "bản trích", "this excerpt"),
        _ => msg!(lang, "bản tóm tắt", "this summary"),
    }
}

/// Replaces the unwaived `missing-indicator` findings for indicators the plan does not state,
/// and the unwaived `missing-agency` findings, by one note each. Runs after the waivers, so a
/// waiver written for one absence still matches it.
pub fn group_absences(plan: &CompiledPlan, lang: Lang, out: &mut Vec<Finding>) {
    let Some(c) = partial(plan) else { return };
    let stated = |id: &str| plan.indicators.iter().any(|i| i.key == id);
    let absent_indicator = |f: &Finding| {
        f.rule == Rule::MissingIndicator
            && f.waiver.is_none()
            && f.indicator.as_deref().is_some_and(|id| !stated(id))
    };
    let absent_agency = |f: &Finding| f.rule == Rule::MissingAgency && f.waiver.is_none();
    let indicators: Vec<Finding> = take(out, absent_indicator);
    let agencies: Vec<Finding> = take(out, absent_agency);
    let source = source_name(c, lang);
    if let Some(first) = indicators.first() {
        let names: Vec<String> = indicators
            .iter()
            .filter_map(|f| f.indicator.as_deref())
            .map(|id| indicator_name(plan, id, lang))
            .collect();
        let mut f = Finding::new(
            Rule::MissingIndicator,
            msg!(
                lang,
                "{} không nêu {} chỉ tiêu của chương trình: {}",
                "{1} national targets not stated in {0}: {2}",
                source,
                names.len(),
                names.join("; ")
            ),
        )
        .at_opt(first.span)
        .level(Level::Note)
        .help(msg!(
            lang,
            "nguồn chỉ là một phần của văn bản (`completeness: {}`), nên không biết kế hoạch có đặt các chỉ tiêu này hay không; khi có toàn văn, chép các chỉ tiêu vào `indicators:` và bỏ `completeness:`",
            "the source is only part of the document (`completeness: {}`), so whether the plan sets these targets is unknown; once the full text is at hand, add them under `indicators:` and drop `completeness:`",
            kebab(c)
        ));
        if names.len() == 1 {
            f = f.indicator(first.indicator.clone().unwrap_or_default());
        }
        out.push(f);
    }
    if let Some(first) = agencies.first() {
        let names: Vec<String> = agencies
            .iter()
            .filter_map(|f| f.agency.as_deref())
            .map(|name| agency_name(plan, name, lang))
            .collect();
        out.push(
            Finding::new(
                Rule::MissingAgency,
                msg!(
                    lang,
                    "{} không nêu nhiệm vụ của {} cơ quan mà kế hoạch cấp tỉnh thường giao: {}",
                    "{1} bodies that provincial plans usually task are not named in {0}: {2}",
                    source,
                    names.len(),
                    names.join("; ")
                ),
            )
            .at_opt(first.span)
            .level(Level::Note)
            .help(msg!(
                lang,
                "nguồn chỉ là một phần của văn bản, nên không biết kế hoạch có giao nhiệm vụ cho các cơ quan này hay không",
                "the source is only part of the document, so whether the plan gives these bodies a task is unknown"
            )),
        );
    }
    out.sort_by_key(|f| f.span.map(|s| (s.line, s.column)));
}

fn take(out: &mut Vec<Finding>, pick: impl Fn(&Finding) -> bool) -> Vec<Finding> {
    let (taken, kept): (Vec<Finding>, Vec<Finding>) = out.drain(..).partition(|f| pick(f));
    *out = kept;
    taken
}

fn kebab(c: Completeness) -> &'static str {
    match c {
        Completeness::Full => "full",
        Completeness::Excerpt => "excerpt",
        Completeness::Summary => "summary",
    }
}

fn indicator_name(plan: &CompiledPlan, id: &str, lang: Lang) -> String {
    plan.programme
        .and_then(|p| p.indicators.iter().find(|n| n.id == id))
        .map_or_else(|| id.to_string(), |n| n.short(lang).to_string())
}

fn agency_name(plan: &CompiledPlan, name: &str, lang: Lang) -> String {
    plan.reference
        .agencies
        .resolve(name, plan.province)
        .map_or_else(
            || name.to_string(),
            |a| a.name_in(plan.province, lang).to_string(),
        )
}
