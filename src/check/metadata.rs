//! Metadata: the plan's period against the programme it implements.

use super::Finding;
use crate::compile::CompiledPlan;
use crate::i18n::Lang;
use crate::msg;
use crate::rules::Rule;
use crate::source::Span;

pub fn check(plan: &CompiledPlan, lang: Lang, out: &mut Vec<Finding>) {
    let Some(p) = plan.programme else { return };
    if plan.programme_is_reference || plan.start == 0 {
        return;
    }
    if plan.start < p.start || plan.end > p.end {
        let period = &plan.doc.plan.value.period;
        let years = if plan.start == plan.end {
            plan.start.to_string()
        } else {
            format!("{}-{}", plan.start, plan.end)
        };
        let expiry = super::reform::programme_expiry(plan, p, lang)
            .map(|e| format!(" {e}"))
            .unwrap_or_default();
        out.push(
            Finding::new(
                Rule::PeriodOutsideProgramme,
                msg!(
                    lang,
                    "thời kỳ {} nằm ngoài giai đoạn {}-{} của {}",
                    "period {} falls outside the {}-{} period of {}",
                    years,
                    p.start,
                    p.end,
                    p.id
                ),
            )
            .at(Span::from_location(period.referenced))
            .help(msg!(
                lang,
                "{} chỉ áp dụng cho giai đoạn {}-{}; kế hoạch cho năm khác cần dẫn chiếu chương trình của năm đó, hoặc chỉ dẫn chiếu Pháp lệnh (khi đó kehoach so sánh với chương trình gần nhất để tham khảo).{}",
                "{} covers {}-{} only; a plan for other years should cite the programme for those years, or only its legal basis (kehoach then compares it with the latest programme for reference).{}",
                p.id,
                p.start,
                p.end,
                expiry
            )),
        );
    }
}
