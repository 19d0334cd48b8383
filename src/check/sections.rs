//! Sections a complete plan has: budget (IV. Kinh phí) and a reporting regime.

use super::Finding;
use crate::compile::CompiledPlan;
use crate::i18n::Lang;
use crate::msg;
use crate::rules::Rule;
use crate::source::Span;

pub fn check(plan: &CompiledPlan, lang: Lang, out: &mut Vec<Finding>) {
    let at = plan
        .source
        .top_level_key("plan")
        .unwrap_or(Span::from_location(plan.doc.plan.referenced));
    let doc = &plan.doc;
    if doc
        .budget
        .as_ref()
        .is_none_or(|b| b.value.trim().is_empty())
    {
        let f = Finding::new(Rule::MissingBudget, msg!(lang, "kế hoạch không có mục kinh phí", "the plan has no budget section"))
            .help(msg!(
                lang,
                "thêm `budget:` nêu nguồn kinh phí (mục IV. Kinh phí thực hiện), ví dụ \"Được bố trí từ nguồn ngân sách nhà nước trong dự toán chi thường xuyên ...\"",
                "add `budget:` saying where the funds come from (section IV, Kinh phí), e.g. \"Được bố trí từ nguồn ngân sách nhà nước ...\""
            ));
        out.push(match &doc.budget {
            Some(b) => {
                f.at(Span::from_location(b.referenced))
                    .label(msg!(lang, "để trống", "empty"))
            }
            None => f.at(at),
        });
    }
    let reporting_empty = doc.reporting.as_ref().is_none_or(|r| {
        r.value.every.is_empty()
            && r.value.to.is_empty()
            && r.value.text.as_deref().is_none_or(|t| t.trim().is_empty())
    });
    if reporting_empty {
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
