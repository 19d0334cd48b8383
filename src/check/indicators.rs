//! Indicators: each national target against the plan's (missing, weaker, not comparable).

use crate::assess::IndicatorAssessment;
use crate::compile::{CompiledIndicator, CompiledPlan, PlanTarget};
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::model::{Target, Unclear, short_level};
use crate::msg;
use crate::reference::{NationalIndicator, Programme};
use crate::rules::Rule;
use crate::source::Span;
use crate::text::format_number;
use crate::verdict::{Incomparable, Part, Verdict};

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
        .unwrap_or(plan.doc.plan.span);
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
        match a.entry {
            None => found.push(absent(programme, &a, fallback, lang)),
            Some(ind) => judged(programme, &a, ind, lang, &mut found),
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

/// A national indicator the plan has no entry for: only component counts, or nothing.
fn absent(programme: &Programme, a: &IndicatorAssessment, fallback: Span, lang: Lang) -> Finding {
    let n = a.national;
    if let Some(first) = a.parts.first() {
        return Finding::new(
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
        .help(national_help(programme, n, lang));
    }
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
    ))
}

/// The plan's entry for a national indicator, by its verdict: weaker, not comparable, or
/// missing at some level.
fn judged(
    programme: &Programme,
    a: &IndicatorAssessment,
    ind: &CompiledIndicator,
    lang: Lang,
    found: &mut Vec<Finding>,
) {
    let n = a.national;
    let Some(j) = &a.judgement else { return };
    match j.verdict {
        Verdict::Weaker => {
            for part in j.parts.iter().filter(|p| p.verdict == Verdict::Weaker) {
                let Some(pt) = part.plan else { continue };
                found.push(weaker(programme, n, pt, part, lang));
            }
        }
        Verdict::NotComparable => {
            let part = j.deciding().expect("a not-comparable verdict has a part");
            let pt = part.plan.expect("an incomparable part has a plan target");
            let (why, help) = incomparable(n, ind, pt, part, lang);
            found.push(
                Finding::new(
                    Rule::NotComparable,
                    msg!(
                        lang,
                        "{}: không so sánh được với chỉ tiêu của Chương trình",
                        "{}: cannot be compared with the national target",
                        named(n, lang)
                    ),
                )
                .at(pt.span)
                .label(why)
                .indicator(&n.id)
                .help(help.unwrap_or_else(|| national_help(programme, n, lang))),
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
                        named(n, lang),
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

/// One level's target below the national floor.
fn weaker(
    programme: &Programme,
    n: &NationalIndicator,
    pt: &PlanTarget,
    part: &Part,
    lang: Lang,
) -> Finding {
    let shown = shown_target(pt, part.as_percent, lang);
    let at_level = level_suffix(part.level, lang);
    Finding::new(
        Rule::WeakerTarget,
        msg!(
            lang,
            "{}: chỉ tiêu {}{} thấp hơn mức tối thiểu {} của Chương trình",
            "{}: target {}{} is below the national floor of {}",
            named(n, lang),
            shown,
            at_level,
            floor_figure(&part.national.display(lang), lang)
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
    .help(format!(
        "{}. {}",
        national_help(programme, n, lang).trim_end_matches('.'),
        msg!(
            lang,
            "Nâng chỉ tiêu lên ít nhất mức tối thiểu; nếu địa phương có lý do chính đáng, thêm một miễn trừ (`waivers:`) ghi rõ lý do.",
            "Raise the target to at least the floor; if the province has a good reason, add a waiver (`waivers:`) that states it."
        )
    ))
}

/// A plan's target in the normalised notation, with the share it stands for when it is a count
/// with a denominator: "≥ 25.000 (= 13,89%)". A qualitative target is shown in its own words.
pub(super) fn shown_target(pt: &PlanTarget, as_percent: Option<f64>, lang: Lang) -> String {
    let shown = match pt.target {
        Target::Qualitative { .. } => format!("“{}”", pt.written),
        t => t.display(lang),
    };
    match as_percent {
        Some(pct) => format!(
            "{shown} (= {}%)",
            format_number((pct * 100.0).round() / 100.0)
        ),
        None => shown,
    }
}

/// Why one part cannot be compared (the finding's label) and, where there is one, the fix.
fn incomparable(
    n: &NationalIndicator,
    ind: &CompiledIndicator,
    pt: &PlanTarget,
    part: &Part,
    lang: Lang,
) -> (String, Option<String>) {
    let national = part.national.display(lang);
    let shown = pt.target.display(lang);
    match part.incomparable {
        Some(Incomparable::NoDenominator) => {
            // A bare number for a share is more likely a per-cent sign left out than a head-count.
            let guess = (ind.unit.is_none() && part.national.measure() == "percent")
                .then(|| pt.target.percent_guess())
                .flatten();
            match guess {
                Some(g) => (
                    msg!(
                        lang,
                        "kế hoạch ghi số {} không kèm đơn vị, còn chỉ tiêu quốc gia là tỷ lệ {}",
                        "the plan writes the bare number {} with no unit, and the national target is a share, {}",
                        bare_number(&pt.target),
                        national
                    ),
                    Some(msg!(
                        lang,
                        "có phải là {g}? Viết `target: \"{p}\"`; nếu là số người, thêm `unit:` và `denominator:` (tổng số {pop})",
                        "did you mean {g}? Write `target: \"{p}\"`; if it is a head-count, add `unit:` and `denominator:` (the total number of {pop})",
                        g = bare_percent(&g),
                        p = crate::model::plan_syntax(&g),
                        pop = n.population.as_deref().unwrap_or("?")
                    )),
                ),
                None => (
                    msg!(
                        lang,
                        "kế hoạch nêu số lượng ({}) nhưng không có mẫu số; thêm `denominator:` (tổng số {}) để so sánh với {}",
                        "the plan gives a head-count ({}) without a denominator; add `denominator:` (the total number of {}) to compare it with {}",
                        shown,
                        n.population.as_deref().unwrap_or("?"),
                        national
                    ),
                    None,
                ),
            }
        }
        Some(Incomparable::NoFigure) => no_figure(pt, &part.national, lang),
        Some(Incomparable::Ceiling) => (
            msg!(
                lang,
                "kế hoạch đặt mức trần ({}), chương trình đặt mức sàn ({}): mức trần không bảo đảm đạt mức sàn",
                "the plan sets a ceiling ({}) where the programme sets a floor ({}): a ceiling does not promise the floor",
                shown,
                national
            ),
            Some(msg!(
                lang,
                "nếu ý là \"ít nhất\", viết `target: \">= …\"`",
                "if \"at least\" is meant, write `target: \">= …\"`"
            )),
        ),
        _ => (
            msg!(
                lang,
                "kế hoạch đo bằng {} ({}), chương trình đo bằng {} ({})",
                "the plan measures {} ({}), the programme {} ({})",
                measure_name(pt.target.measure(), lang),
                shown,
                measure_name(part.national.measure(), lang),
                national
            ),
            None,
        ),
    }
}

/// "70": a count's number without its comparator.
fn bare_number(t: &Target) -> String {
    match t {
        Target::Count { value, .. } => format_number(*value),
        t => t.display(Lang::Vi),
    }
}

/// "70%": a guessed share as the plan would write it.
fn bare_percent(t: &Target) -> String {
    match t {
        Target::Percent { value, .. } => format!("{}%", format_number(*value)),
        t => t.display(Lang::Vi),
    }
}

/// A qualitative target: the plan's words are kept, and nothing in them can be set against a
/// national figure.
fn no_figure(pt: &PlanTarget, floor: &Target, lang: Lang) -> (String, Option<String>) {
    let national = floor.display(lang);
    let syntax = crate::model::plan_syntax(floor);
    let why = match pt.target {
        Target::Qualitative {
            why: Unclear::NotStated,
        } => msg!(
            lang,
            "kế hoạch không nêu chỉ tiêu (`target:`) nên không so được với {}",
            "the plan states no target (`target:`), so nothing can be set against {}",
            national
        ),
        Target::Qualitative {
            why: Unclear::SeveralFigures,
        } => msg!(
            lang,
            "“{}” có nhiều con số, không rõ con số nào là chỉ tiêu để so với {}",
            "“{}” has several figures, and none is plainly the target to set against {}",
            pt.written,
            national
        ),
        _ => msg!(
            lang,
            "“{}” không có con số nên không so được với {}",
            "“{}” has no figure, so it cannot be set against {}",
            pt.written,
            national
        ),
    };
    let help = msg!(
        lang,
        "ghi con số vào `target:` (ví dụ `target: \"{syntax}\"`) và giữ câu văn ở `text:`; nếu nguồn không nêu con số, có thể để nguyên",
        "put the figure in `target:` (e.g. `target: \"{syntax}\"`) and keep the wording in `text:`; if the source gives no figure, leave it as it is"
    );
    (why, Some(help))
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

/// `text:` states a figure that no `target:` of the indicator has: the document `render` prints
/// would say something other than what `check` verified.
pub fn text_agreement(plan: &CompiledPlan, lang: Lang, out: &mut Vec<Finding>) {
    for ind in &plan.indicators {
        let Some(said) = ind.text_disagrees() else {
            continue;
        };
        let figures: Vec<&PlanTarget> = ind
            .targets
            .iter()
            .filter(|t| !matches!(t.target, Target::Qualitative { .. }))
            .collect();
        let Some(first) = figures.first() else {
            continue;
        };
        let targets =
            crate::model::display_targets(figures.iter().map(|t| (t.level, &t.target)), lang);
        out.push(
            Finding::new(
                Rule::TextDisagreesWithTarget,
                msg!(
                    lang,
                    "{}: câu văn (`text:`) nêu {} nhưng chỉ tiêu (`target:`) là {}",
                    "{}: the wording (`text:`) says {} but the target (`target:`) is {}",
                    ind.key,
                    said.display(lang),
                    targets
                ),
            )
            .at(first.span)
            .label(msg!(
                lang,
                "`text:` nêu {}",
                "`text:` says {}",
                said.display(lang)
            ))
            .indicator(&ind.key)
            .help(msg!(
                lang,
                "`check` so sánh và `render` in chỉ tiêu theo `target:`; sửa câu văn cho khớp, hoặc xóa `text:` để kehoach viết câu từ chỉ tiêu",
                "`check` compares and `render` prints the target from `target:`; make the wording agree, or delete `text:` and kehoach writes the sentence from the target"
            )),
        );
    }
}

/// How a message names a national indicator: in Vietnamese its short name, then the id
/// (“Người lao động trong khu công nghiệp” (industrial-workers)); in English the id.
pub(super) fn named(n: &crate::reference::NationalIndicator, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("“{}” ({})", n.short(lang), n.id),
        Lang::En => n.id.clone(),
    }
}

/// "≥ 60%" as "60%" in Vietnamese, where "mức tối thiểu" already says "at least".
fn floor_figure(display: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => display.strip_prefix("≥ ").unwrap_or(display).to_string(),
        Lang::En => display.to_string(),
    }
}
