//! A national target with a second part due by the programme's deadline (inspection: at least
//! 20% a year AND every establishment at least once by 2025): a period plan that reaches the
//! deadline must set both parts.

use crate::compile::CompiledPlan;
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::msg;
use crate::reference::with_match_key;
use crate::rules::Rule;

pub fn check(plan: &CompiledPlan, lang: Lang, out: &mut Vec<Finding>) {
    let Some(programme) = plan.programme else {
        return;
    };
    for n in &programme.indicators {
        let (Some(part), Some(deadline)) = (&n.once_by_deadline, n.deadline) else {
            continue;
        };
        // Only a plan over several years that reaches the deadline owes the second part; a
        // yearly plan localises the yearly share.
        if plan.start == plan.end || plan.end < deadline || plan.start > deadline {
            continue;
        }
        let Some(entry) = plan
            .indicators
            .iter()
            .find(|i| i.national.is_some_and(|x| x.id == n.id))
        else {
            continue; // missing-indicator reports the whole target
        };
        // The second part may stand in the entry's text or in any indicator of the plan.
        let sets_it = plan.indicators.iter().any(|i| {
            with_match_key(i.text.as_deref().unwrap_or_default(), |text| {
                part.set_in(text)
            })
        });
        if sets_it {
            continue;
        }
        out.push(
            Finding::new(
                Rule::MissingIndicator,
                msg!(
                    lang,
                    "{}: kế hoạch giai đoạn {}-{} chỉ đặt một vế của chỉ tiêu, thiếu vế: {}",
                    "{}: the {}-{} plan sets one part of the target only, not: {}",
                    n.id,
                    plan.start,
                    plan.end,
                    lang.pick(&part.text, &part.text_en)
                ),
            )
            .at(entry.key_span)
            .indicator(&n.id)
            .help(msg!(
                lang,
                "Chỉ tiêu {} của {} có hai vế: {} (hằng năm); và {} (nội dung chỉ tiêu, không phải nguyên văn). Ghi cả vế thứ hai vào `text:` của chỉ tiêu này.",
                "Target {} of {} has two parts: {} (each year); and {} (the target in substance, not the Decision's words). Write the second part into this entry's `text:`.",
                n.id,
                programme.id,
                n.text(lang),
                lang.pick(&part.text, &part.text_en)
            )),
        );
    }
}
