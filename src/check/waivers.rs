//! Waivers written into a plan (`waivers:`): a deviation the plan justifies itself.
//!
//! A waiver names a rule and, optionally, the indicator (`ref:`) or agency (`agency:`) it
//! covers; without either it covers every finding of that rule in the file. A matched finding
//! stays visible as a note carrying the reason, so a reviewer still sees what was waived and
//! why. A waiver must give a reason to take effect, and one that matches nothing is reported,
//! so waivers do not outlive the deviation they excused.

use crate::compile::CompiledPlan;
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::model::Waiver;
use crate::msg;
use crate::rules::{Level, Rule};
use crate::source::Span;
use crate::text::{did_you_mean, match_key};

pub fn apply(plan: &CompiledPlan, lang: Lang, out: &mut Vec<Finding>) {
    let mut own = Vec::new();
    for entry in &plan.doc.waivers {
        let waiver = &entry.value;
        let rule_span = waiver.rule.span;
        let code = waiver.rule.value.trim();
        let Some(rule) = Rule::from_code(code) else {
            own.push(unknown_rule(code, rule_span, lang));
            continue;
        };
        let reason = waiver
            .reason
            .as_ref()
            .map(|r| r.value.trim())
            .filter(|r| !r.is_empty());
        let Some(reason) = reason else {
            let at = waiver.reason.as_ref().map_or(rule_span, |r| r.span);
            own.push(without_reason(rule, at, lang));
            continue;
        };
        let mut matched = false;
        for f in out.iter_mut().filter(|f| f.rule == rule) {
            if covers(plan, waiver, f) {
                matched = true;
                // Two waivers may cover one finding; the first one's reason is shown.
                if f.waiver.is_none() {
                    waive(f, reason, rule_span.line, lang);
                }
            }
        }
        if !matched {
            own.push(stale(waiver, rule, rule_span, lang));
        }
    }
    out.extend(own);
}

fn covers(plan: &CompiledPlan, waiver: &Waiver, f: &Finding) -> bool {
    let indicator_ok = waiver
        .reference
        .as_ref()
        .is_none_or(|r| f.indicator.as_deref() == Some(r.value.trim()));
    let agency_ok = waiver.agency.as_ref().is_none_or(|a| {
        f.agency
            .as_deref()
            .is_some_and(|b| same_agency(plan, &a.value, b))
    });
    indicator_ok && agency_ok
}

/// Two spellings name one body when the registry resolves both to it; names it does not know
/// are compared as text.
fn same_agency(plan: &CompiledPlan, a: &str, b: &str) -> bool {
    let registry = &plan.reference.agencies;
    match (
        registry.resolve(a, plan.province),
        registry.resolve(b, plan.province),
    ) {
        (Some(x), Some(y)) => x.id == y.id,
        _ => match_key(a) == match_key(b),
    }
}

fn waive(f: &mut Finding, reason: &str, line: u32, lang: Lang) {
    f.level = Level::Note;
    f.message = msg!(lang, "[được miễn] {}", "[waived] {}", f.message);
    let why = msg!(
        lang,
        "được miễn (dòng {line}): {reason}",
        "waived (line {line}): {reason}"
    );
    f.help = Some(match f.help.take() {
        Some(h) => format!("{why}\n{h}"),
        None => why,
    });
    f.waiver = Some(reason.to_string());
}

fn unknown_rule(code: &str, at: Span, lang: Lang) -> Finding {
    let help = match did_you_mean(code, Rule::ALL.iter().map(|r| r.code())) {
        Some(best) => msg!(lang, "Có phải ý bạn là `{best}`?", "did you mean `{best}`?"),
        None => msg!(
            lang,
            "các mã quy tắc: {}",
            "rule codes: {}",
            Rule::ALL
                .iter()
                .map(|r| r.code())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    Finding::new(
        Rule::Schema,
        msg!(
            lang,
            "miễn trừ cho quy tắc không tồn tại `{code}`",
            "waiver for an unknown rule `{code}`"
        ),
    )
    .at(at)
    .help(help)
}

fn without_reason(rule: Rule, at: Span, lang: Lang) -> Finding {
    Finding::new(
        Rule::WaiverWithoutReason,
        msg!(
            lang,
            "miễn trừ `{rule}` không ghi lý do nên không có hiệu lực",
            "the `{rule}` waiver gives no reason, so it waives nothing"
        ),
    )
    .at(at)
    .label(msg!(lang, "thiếu `reason:`", "no `reason:`"))
    .help(msg!(
        lang,
        "thêm `reason:` giải thích vì sao kế hoạch được phép khác chương trình (ví dụ: điều kiện thực tế của địa phương)",
        "add `reason:` saying why the plan may deviate (for example the province's actual circumstances)"
    ))
}

fn stale(waiver: &Waiver, rule: Rule, at: Span, lang: Lang) -> Finding {
    let subject = waiver
        .reference
        .as_ref()
        .map(|r| r.value.trim().to_string())
        .or_else(|| waiver.agency.as_ref().map(|a| a.value.trim().to_string()));
    let message = match &subject {
        Some(s) => msg!(
            lang,
            "miễn trừ `{rule}` cho {s} không khớp phát hiện nào",
            "the `{rule}` waiver for {s} matches no finding"
        ),
        None => msg!(
            lang,
            "miễn trừ `{rule}` không khớp phát hiện nào",
            "the `{rule}` waiver matches no finding"
        ),
    };
    Finding::new(Rule::StaleWaiver, message)
        .at(at)
        .label(msg!(lang, "không còn cần thiết", "no longer needed"))
        .help(msg!(
            lang,
            "kế hoạch đã đáp ứng quy tắc này (hoặc `ref:`/`agency:` viết sai); hãy bỏ miễn trừ",
            "the plan now meets this rule (or `ref:`/`agency:` is misspelt); remove the waiver"
        ))
}
