//! Sections a complete plan has: budget (IV. Kinh phí) and a reporting regime.

use crate::compile::CompiledPlan;
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::model::Completeness;
use crate::msg;
use crate::rules::{Level, Rule};
use crate::source::Span;

pub fn check(plan: &CompiledPlan, lang: Lang, out: &mut Vec<Finding>) {
    let at = plan
        .source
        .top_level_key("plan")
        .unwrap_or(plan.doc.plan.span);
    let doc = &plan.doc;
    // An excerpt or a news summary is silent about a section; the signed plan may have it.
    if let Some(c) = super::completeness::partial(plan) {
        return source_silent(plan, c, at, lang, out);
    }
    if budget_empty(plan) {
        let f = Finding::new(Rule::MissingBudget, msg!(lang, "kế hoạch không có mục kinh phí", "the plan has no budget section"))
            .help(msg!(
                lang,
                "thêm `budget:` nêu nguồn kinh phí (mục IV. Kinh phí thực hiện), ví dụ \"Được bố trí từ nguồn ngân sách nhà nước trong dự toán chi thường xuyên ...\"",
                "add `budget:` saying where the funds come from (section IV, Kinh phí), e.g. \"Được bố trí từ nguồn ngân sách nhà nước ...\""
            ));
        out.push(match &doc.budget {
            Some(b) => f.at(b.span).label(msg!(lang, "để trống", "empty")),
            None => f.at(at),
        });
    }
    if reporting_empty(plan) {
        out.push(
            Finding::new(Rule::MissingReporting, msg!(lang, "kế hoạch không quy định chế độ báo cáo", "the plan sets no reporting regime"))
                .at(plan.source.top_level_key("reporting").unwrap_or(at))
                .help(msg!(
                    lang,
                    "thêm `reporting:` với kỳ báo cáo (`every: [6-months, yearly]`) và nơi nhận báo cáo (`to:`)",
                    "add `reporting:` with how often (`every: [6-months, yearly]`) and to whom (`to:`)"
                )),
        );
    }
}

fn budget_empty(plan: &CompiledPlan) -> bool {
    plan.doc
        .budget
        .as_ref()
        .is_none_or(|b| b.value.trim().is_empty())
}

fn reporting_empty(plan: &CompiledPlan) -> bool {
    plan.doc.reporting.as_ref().is_none_or(|r| {
        r.value.every.is_empty()
            && r.value.to.is_empty()
            && r.value.text.as_deref().is_none_or(|t| t.trim().is_empty())
    })
}

/// For a partial source: one note per absent section, saying that the source is silent.
fn source_silent(
    plan: &CompiledPlan,
    c: Completeness,
    at: Span,
    lang: Lang,
    out: &mut Vec<Finding>,
) {
    let source = super::completeness::source_name(c, lang);
    let note = |rule: Rule, vi: &str, en: &str| {
        Finding::new(rule, msg!(lang, "{} không nêu {}", "{} does not state {}", source, lang.pick(vi, en)))
            .level(Level::Note)
            .help(msg!(
                lang,
                "nguồn chỉ là một phần của văn bản, nên không biết kế hoạch có mục này hay không; khi có toàn văn, bổ sung mục này",
                "the source is only part of the document, so whether the plan has this section is unknown; add it once the full text is at hand"
            ))
    };
    if budget_empty(plan) {
        let f = note(Rule::MissingBudget, "mục kinh phí", "a budget section");
        out.push(match &plan.doc.budget {
            Some(b) => f.at(b.span),
            None => f.at(at),
        });
    }
    if reporting_empty(plan) {
        let f = note(
            Rule::MissingReporting,
            "chế độ báo cáo",
            "a reporting regime",
        );
        out.push(f.at(plan.source.top_level_key("reporting").unwrap_or(at)));
    }
}
