//! Indicators: each national target against the plan's (missing, weaker, not comparable).

use super::Finding;
use crate::compile::{CompiledPlan, PlanTarget};
use crate::i18n::Lang;
use crate::msg;
use crate::reference::{NationalIndicator, Programme};
use crate::rules::Rule;
use crate::source::Span;
use crate::text::format_number;
use crate::verdict::{Incomparable, Verdict, short_level};

/// "1629/QĐ-TTg (Điều 1, mục I): “Ít nhất 70% ...”": the national wording and where it stands.
/// Only a wording the data marks verbatim, with its source, goes in quotation marks; a
/// paraphrase says whose it is; only the confirmed part of the clause is printed.
pub fn national_help(p: &Programme, n: &NationalIndicator, lang: Lang) -> String {
    use crate::reference::TextStatus;
    let at = match &n.clause_confirmed {
        Some(c) => format!("{} ({c})", p.id),
        None => p.id.clone(),
    };
    let source = n.text_source.as_deref().unwrap_or_default();
    // The official wording is Vietnamese; English readers get the gloss after it.
    let gloss = match lang {
        Lang::Vi => String::new(),
        Lang::En => format!(" ({})", n.text_en),
    };
    match (n.quotable(), n.text_status) {
        (true, _) => format!("{at}: “{}”{gloss}", n.text),
        (false, TextStatus::Reconstructed) => msg!(
            lang,
            "{at}, nội dung chỉ tiêu (kehoach tóm tắt, không phải nguyên văn): {}{gloss}",
            "{at}, the target in substance (kehoach's summary, not the Decision's words): {}{gloss}",
            n.text
        ),
        (false, _) => msg!(
            lang,
            "{at}, nội dung chỉ tiêu (không phải nguyên văn; theo {source}): {}{gloss}",
            "{at}, the target in substance (not the Decision's words; source: {source}): {}{gloss}",
            n.text
        ),
    }
}

pub fn check(plan: &CompiledPlan, lang: Lang, out: &mut Vec<Finding>) {
    let Some(programme) = plan.programme else {
        return;
    };
    let fallback = plan
        .source
        .top_level_key("indicators")
        .or_else(|| plan.source.top_level_key("plan"))
        .unwrap_or(Span::from_location(plan.doc.plan.referenced));
    let mut found = Vec::new();
    for a in crate::assess::indicators(plan) {
        let n = a.national;
        if a.verdict == Verdict::Aggregate || a.target_unusable() {
            // A national aggregate binds no province; an unusable target is compile's finding.
            continue;
        }
        if a.entry.is_none() && crate::assess::population_gone(plan, n) {
            // Nothing to ask for: the level it counts is gone (reform: obsolete-level).
            continue;
        }
        let Some(ind) = a.entry else {
            if let Some(first) = a.parts.first() {
                found.push(
                    Finding::new(
                        Rule::NotComparable,
                        msg!(
                            lang,
                            "{}: kế hoạch chỉ nêu các số lượng thành phần ({}), không có mẫu số để so với chỉ tiêu quốc gia {}",
                            "{}: the plan gives only component counts ({}), with no denominator to set against the national {}",
                            n.id,
                            a.parts.iter().map(|p| p.key.as_str()).collect::<Vec<_>>().join(", "),
                            n.target_display(lang)
                        ),
                    )
                    .at(first.key_span)
                    .indicator(&n.id)
                    .help(national_help(programme, n, lang)),
                );
                continue;
            }
            found.push(
                Finding::new(
                    Rule::MissingIndicator,
                    msg!(
                        lang,
                        "thiếu chỉ tiêu {} ({})",
                        "missing indicator {} ({})",
                        n.id,
                        n.short(lang)
                    ),
                )
                .at(fallback)
                .indicator(&n.id)
                .help(msg!(
                    lang,
                    "chương trình yêu cầu {} — {}. Thêm `- ref: {}` với `target:`",
                    "the programme asks for {} — {}. Add `- ref: {}` with a `target:`",
                    n.target_display(lang),
                    national_help(programme, n, lang),
                    n.id
                )),
            );
            continue;
        };
        let Some(j) = &a.judgement else { continue };
        match j.verdict {
            Verdict::Weaker => {
                for part in j.parts.iter().filter(|p| p.verdict == Verdict::Weaker) {
                    let Some(pt) = part.plan else { continue };
                    let shown = shown_target(pt, part.as_percent);
                    let at_level = level_suffix(part.level, lang);
                    found.push(
                        Finding::new(
                            Rule::WeakerTarget,
                            msg!(
                                lang,
                                "{}: chỉ tiêu {}{} thấp hơn mức tối thiểu quốc gia {}",
                                "{}: target {}{} is below the national floor of {}",
                                n.id,
                                shown,
                                at_level,
                                part.national.display(lang)
                            ),
                        )
                        .at(pt.span)
                        .label(msg!(
                            lang,
                            "dưới mức {} của chương trình",
                            "below the programme's {}",
                            part.national.display(lang)
                        ))
                        .indicator(&n.id)
                        .help(national_help(programme, n, lang)),
                    );
                }
            }
            Verdict::NotComparable => {
                let part = j.deciding().expect("a not-comparable verdict has a part");
                let pt = part.plan.expect("an incomparable part has a plan target");
                let why = match part.incomparable {
                    Some(Incomparable::NoDenominator) => msg!(
                        lang,
                        "kế hoạch nêu số lượng ({}) nhưng không có mẫu số; thêm `denominator:` (tổng số {}) để so sánh với {}",
                        "the plan gives a head-count ({}) without a denominator; add `denominator:` (the total number of {}) to compare it with {}",
                        pt.written,
                        n.population.as_deref().unwrap_or("?"),
                        part.national.display(lang)
                    ),
                    _ => msg!(
                        lang,
                        "kế hoạch đo bằng {} ({}), chương trình đo bằng {} ({})",
                        "the plan measures {} ({}), the programme {} ({})",
                        measure_name(pt.target.measure(), lang),
                        pt.written,
                        measure_name(part.national.measure(), lang),
                        part.national.display(lang)
                    ),
                };
                found.push(
                    Finding::new(
                        Rule::NotComparable,
                        msg!(
                            lang,
                            "{}: không so sánh được với chỉ tiêu quốc gia",
                            "{}: cannot be compared with the national target",
                            n.id
                        ),
                    )
                    .at(pt.span)
                    .label(why)
                    .indicator(&n.id)
                    .help(national_help(programme, n, lang)),
                );
            }
            Verdict::Missing => {
                let levels: Vec<&str> = j.missing_levels().map(|l| short_level(l, lang)).collect();
                found.push(
                    Finding::new(
                        Rule::MissingIndicator,
                        msg!(
                            lang,
                            "{}: chưa có chỉ tiêu cho cấp {}",
                            "{}: no target for the {} level",
                            n.id,
                            levels.join(", ")
                        ),
                    )
                    .at(ind.key_span)
                    .indicator(&n.id)
                    .help(national_help(programme, n, lang)),
                );
            }
            _ => {}
        }
    }
    // Against a programme the plan does not implement, the officer still sees where the draft
    // falls below it, but nothing here binds the plan.
    out.extend(
        found
            .into_iter()
            .map(|f| super::reform::as_reference(plan, lang, f)),
    );
}

/// A plan's target as written, with the share it stands for when it is a count with a
/// denominator: "25.000 (= 13,89%)".
pub(super) fn shown_target(pt: &PlanTarget, as_percent: Option<f64>) -> String {
    match as_percent {
        Some(pct) => format!(
            "{} (= {}%)",
            pt.written,
            format_number((pct * 100.0).round() / 100.0)
        ),
        None => pt.written.clone(),
    }
}

pub(super) fn level_suffix(level: Option<crate::model::Level>, lang: Lang) -> String {
    level
        .map(|l| format!(" ({})", l.name(lang)))
        .unwrap_or_default()
}

fn measure_name(m: &str, lang: Lang) -> &'static str {
    match (m, lang) {
        ("percent", Lang::Vi) => "tỷ lệ phần trăm",
        ("growth", Lang::Vi) => "mức tăng hằng năm",
        ("frequency", Lang::Vi) => "tần suất",
        ("count", Lang::Vi) => "số lượng",
        ("percent", _) => "a percentage",
        ("growth", _) => "a yearly rise",
        ("frequency", _) => "a frequency",
        _ => "a count",
    }
}
