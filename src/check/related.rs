//! Related plans: each target against the parent plan's (a floor, as the national target is)
//! and against last year's plan's (a target lowered since then deserves a second look).

use super::indicators::{level_suffix, shown_target};
use crate::compile::{CompiledPlan, PlanTarget};
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::model::{Level, S, Target};
use crate::msg;
use crate::related;
use crate::rules::Rule;
use crate::verdict::{Verdict, judge_floors};
use std::path::PathBuf;

pub fn check(plan: &CompiledPlan, lang: Lang, out: &mut Vec<Finding>) {
    let meta = &plan.doc.plan.value;
    if let Some(written) = &meta.parent {
        parent(plan, written, lang, out);
    }
    if let Some(written) = &meta.previous {
        previous(plan, written, lang, out);
    }
}

#[derive(Clone, Copy)]
enum Relation {
    Parent,
    Previous,
}

/// The related plan a `parent:` or `previous:` value names, or the finding that it cannot be
/// used, located on the value.
fn load<'r>(
    plan: &CompiledPlan<'r>,
    written: &S<String>,
    relation: Relation,
    lang: Lang,
) -> Result<(PathBuf, Box<CompiledPlan<'r>>), Box<Finding>> {
    let path = related::path_of(plan, &written.value);
    related::load(&path, plan.reference, lang)
        .map(|other| (path.clone(), other))
        .map_err(|why| {
            let shown = path.display();
            let (rule, message, help) = match relation {
                Relation::Parent => (
                    Rule::MissingParent,
                    msg!(
                        lang,
                        "không dùng được kế hoạch cấp trên `{shown}`",
                        "cannot use the parent plan `{shown}`"
                    ),
                    msg!(
                        lang,
                        "`parent:` là đường dẫn tới tệp kế hoạch mà kế hoạch này cụ thể hóa, tính từ thư mục chứa kế hoạch này",
                        "`parent:` is the path of the plan this one localises, relative to this plan's directory"
                    ),
                ),
                Relation::Previous => (
                    Rule::MissingPrevious,
                    msg!(
                        lang,
                        "không dùng được kế hoạch năm trước `{shown}`",
                        "cannot use last year's plan `{shown}`"
                    ),
                    msg!(
                        lang,
                        "`previous:` là đường dẫn tới tệp kế hoạch năm trước của cùng tỉnh, tính từ thư mục chứa kế hoạch này",
                        "`previous:` is the path of the same province's plan for the year before, relative to this plan's directory"
                    ),
                ),
            };
            Box::new(
                Finding::new(rule, message)
                    .at(written.span)
                    .label(why)
                    .help(help),
            )
        })
}

fn parent(plan: &CompiledPlan, written: &S<String>, lang: Lang, out: &mut Vec<Finding>) {
    let (path, other) = match load(plan, written, Relation::Parent, lang) {
        Ok(loaded) => loaded,
        Err(f) => return out.push(*f),
    };
    if let Some(chain) = related::parent_cycle(plan, &path, &other, lang) {
        let shown = chain
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(" → ");
        let message = if chain.len() == 2 {
            msg!(
                lang,
                "kế hoạch tự nhận chính nó là kế hoạch cấp trên ({shown})",
                "the plan names itself as its parent ({shown})"
            )
        } else {
            msg!(
                lang,
                "các kế hoạch cấp trên tạo thành vòng lặp: {shown}",
                "the parent plans form a cycle: {shown}"
            )
        };
        out.push(
            Finding::new(Rule::ParentCycle, message)
                .at(written.span)
                .label(msg!(lang, "vòng lặp", "cycle"))
                .help(msg!(
                    lang,
                    "mỗi kế hoạch chỉ trỏ lên kế hoạch cấp cao hơn hoặc dài hạn hơn (xã → huyện → tỉnh; kế hoạch năm → kế hoạch giai đoạn); kế hoạch cao nhất không có `parent:`",
                    "each plan points up to a higher or longer-term plan (commune → district → province; a yearly plan → the multi-year plan); the topmost plan has no `parent:`"
                )),
        );
        return;
    }
    for w in lowered(plan, &other) {
        let theirs = w.floor.display(lang);
        out.push(
            Finding::new(
                Rule::WeakerThanParent,
                msg!(
                    lang,
                    "{}: chỉ tiêu {}{} thấp hơn mức {} của kế hoạch cấp trên",
                    "{}: target {}{} is below the parent plan's {}",
                    named(plan, w.key, lang),
                    shown_target(w.ours, w.as_percent, lang),
                    level_suffix(w.level, lang),
                    theirs
                ),
            )
            .at(w.ours.span)
            .label(msg!(
                lang,
                "thấp hơn mức {theirs} của kế hoạch cấp trên ({}:{})",
                "below the parent plan's {theirs} ({}:{})",
                other.source.name,
                w.theirs.span.line
            ))
            .indicator(w.key)
            .help(msg!(
                lang,
                "kế hoạch cấp trên {}:{} đặt chỉ tiêu {}; kế hoạch cụ thể hóa phải bằng hoặc cao hơn mức đó",
                "the parent plan {}:{} sets {}; a plan that localises it must meet or exceed it",
                other.source.name,
                w.theirs.span.line,
                theirs
            )),
        );
    }
}

fn previous(plan: &CompiledPlan, written: &S<String>, lang: Lang, out: &mut Vec<Finding>) {
    let (_, other) = match load(plan, written, Relation::Previous, lang) {
        Ok(loaded) => loaded,
        Err(f) => return out.push(*f),
    };
    for w in lowered(plan, &other) {
        let theirs = w.floor.display(lang);
        let place = format!("{}:{}", other.source.name, w.theirs.span.line);
        out.push(
            Finding::new(
                Rule::WeakerThanPrevious,
                msg!(
                    lang,
                    "{}: chỉ tiêu {}{} thấp hơn năm trước ({}, {})",
                    "{}: target {}{} is lower than last year's {} ({})",
                    named(plan, w.key, lang),
                    shown_target(w.ours, w.as_percent, lang),
                    level_suffix(w.level, lang),
                    theirs,
                    place
                ),
            )
            .at(w.ours.span)
            .label(msg!(
                lang,
                "thấp hơn mức {theirs} của năm trước ({place})",
                "below last year's {theirs} ({place})"
            ))
            .indicator(w.key)
            .help(msg!(
                lang,
                "hạ chỉ tiêu so với năm trước cần có lý do; nếu là chủ ý, thêm một miễn trừ có lý do: `waivers: [{{ rule: weaker-than-previous, ref: {}, reason: \"…\" }}]`",
                "a target lowered since last year needs a reason; if it is deliberate, add a waiver with the reason: `waivers: [{{ rule: weaker-than-previous, ref: {}, reason: \"…\" }}]`",
                w.key
            )),
        );
    }
}

/// How a message names an indicator: in Vietnamese a national one by its short name with the
/// id after it, as the other indicator messages do.
fn named(plan: &CompiledPlan, key: &str, lang: Lang) -> String {
    let national = plan
        .indicators
        .iter()
        .find(|i| i.key == key)
        .and_then(|i| i.national);
    national.map_or_else(|| key.to_string(), |n| super::indicators::named(n, lang))
}

/// One of this plan's targets that falls below the related plan's target for the same indicator.
struct Lowered<'a> {
    key: &'a str,
    level: Option<Level>,
    ours: &'a PlanTarget,
    /// Ours as a percentage, when it is a count with a denominator.
    as_percent: Option<f64>,
    theirs: &'a PlanTarget,
    /// Theirs as the floor ours was compared with (a share, for a count with a denominator).
    floor: Target,
}

/// The related plan's targets are floors for ours, indicator by indicator (same national `ref`
/// or same local `id`), compared by the same verdicts as national targets. One finding per
/// target of ours, against the first of theirs it falls below.
fn lowered<'a>(plan: &'a CompiledPlan, other: &'a CompiledPlan) -> Vec<Lowered<'a>> {
    // A five-year plan's head-count may be a total for the period; a yearly plan's is for one
    // year. Counts compare only between periods of the same length.
    let same_length = plan.end - plan.start == other.end - other.start;
    let mut out: Vec<Lowered> = Vec::new();
    for ind in &plan.indicators {
        let Some(related) = other.indicators.iter().find(|o| o.key == ind.key) else {
            continue;
        };
        for theirs in &related.targets {
            let floor = as_percent(theirs.target, related.denominator);
            if matches!(floor, Target::Count { .. }) && !same_length {
                continue;
            }
            let j = judge_floors(std::iter::once((theirs.level, floor)), ind, |_| true);
            for part in j.parts.iter().filter(|p| p.verdict == Verdict::Weaker) {
                let Some(ours) = part.plan else { continue };
                if out.iter().any(|w| std::ptr::eq(w.ours, ours)) {
                    continue;
                }
                out.push(Lowered {
                    key: &ind.key,
                    level: part.level,
                    ours,
                    as_percent: part.as_percent,
                    theirs,
                    floor,
                });
            }
        }
    }
    out
}

/// A count with its denominator is the share it stands for, so a related plan that wrote
/// "25.000 of 180.000" compares with one that writes "14%".
fn as_percent(t: Target, denominator: Option<f64>) -> Target {
    match (t, denominator) {
        (Target::Count { cmp, value }, Some(d)) => Target::Percent {
            cmp,
            value: value / d * 100.0,
        },
        _ => t,
    }
}

/// One lowered value, one finding: a target below the national floor, the parent plan's and
/// last year's is reported once, by the weightiest rule, and that finding names the others.
/// Runs after the waivers, so each waiver still sees the finding it waives.
pub fn one_per_target(lang: Lang, out: &mut Vec<Finding>) {
    const ORDER: [Rule; 3] = [
        Rule::WeakerTarget,
        Rule::WeakerThanParent,
        Rule::WeakerThanPrevious,
    ];
    // The most severe finding leads, then the national floor, the parent plan, last year. A
    // note (a reference-only comparison, a waived finding) stays apart with its caveat.
    let rank = |f: &Finding| {
        (f.waiver.is_none() && f.level != crate::rules::Level::Note)
            .then(|| ORDER.iter().position(|r| *r == f.rule))
            .flatten()
            .map(|order| (f.level, order))
    };
    let mut i = 0;
    while i < out.len() {
        let Some(mine) = rank(&out[i]) else {
            i += 1;
            continue;
        };
        let span = out[i].span.map(|s| (s.offset, s.len));
        let primary = (0..out.len())
            .filter(|&j| out[j].span.map(|s| (s.offset, s.len)) == span && rank(&out[j]).is_some())
            .min_by_key(|&j| rank(&out[j]))
            .unwrap_or(i);
        if primary == i || span.is_none() || rank(&out[primary]) == Some(mine) {
            i += 1;
            continue;
        }
        let other = out.remove(i);
        let primary = if primary > i { primary - 1 } else { primary };
        if let Some(also) = other.label {
            let p = &mut out[primary];
            p.message = msg!(lang, "{}; cũng {}", "{}; also {}", p.message, also);
        }
    }
}
