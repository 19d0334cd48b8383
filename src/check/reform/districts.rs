//! The district level the 2025 reform abolished, in a plan dated after it ended: a district's
//! own plan, district-level targets, targets that count districts, and tasks for the district
//! courts and procuracies (`obsolete-level`).

use super::cite;
use crate::compile::CompiledPlan;
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::model::{Level as PlanLevel, TargetField};
use crate::msg;
use crate::rules::Rule;
use crate::text::nfc;

/// A district's own plan (`plan.district`) dated after the district level ended.
pub(super) fn district_plan(plan: &CompiledPlan, lang: Lang, out: &mut Vec<Finding>) {
    let Some(district) = &plan.doc.plan.value.district else {
        return;
    };
    let Some(level) = plan
        .reference
        .reforms
        .level_abolished(PlanLevel::District, plan.date)
    else {
        return;
    };
    let from = level.from().display(lang);
    out.push(
        Finding::new(
            Rule::ObsoleteLevel,
            msg!(
                lang,
                "không thể có kế hoạch của cấp huyện ({}) vào ngày {}: cấp huyện đã kết thúc hoạt động từ {from}",
                "there can be no district plan ({}) on {}: the district level ceased on {from}",
                nfc(district.value.trim()),
                plan.date.display(lang)
            ),
        )
        .at(district.span)
        .label(msg!(lang, "không còn cấp huyện từ {from}", "no district level since {from}"))
        .help(msg!(
            lang,
            "{} Kế hoạch ban hành sau ngày đó là của tỉnh hoặc của xã, phường, đặc khu: bỏ `district:`.",
            "{} A plan dated after that is the province's or a commune's: remove `district:`.",
            cite(level.change(lang), &level.source, lang)
        )),
    );
}

/// `district:` in a per-level target, dated after the district level ended.
pub(super) fn district_targets(plan: &CompiledPlan, lang: Lang, out: &mut Vec<Finding>) {
    let Some(level) = plan
        .reference
        .reforms
        .level_abolished(PlanLevel::District, plan.date)
    else {
        return;
    };
    let Some(entries) = &plan.doc.indicators else {
        return;
    };
    let from = level.from().display(lang);
    for entry in &entries.value {
        let e = &entry.value;
        let Some(TargetField::ByLevel(levels)) = e.target.as_ref().map(|t| &t.value) else {
            continue;
        };
        let id = e
            .reference
            .as_ref()
            .or(e.id.as_ref())
            .map(|s| s.value.trim().to_string())
            .unwrap_or_default();
        for (key, _) in levels {
            if key.value.trim() != PlanLevel::District.key() {
                continue;
            }
            out.push(
                Finding::new(
                    Rule::ObsoleteLevel,
                    msg!(
                        lang,
                        "{id}: chỉ tiêu cấp huyện không còn áp dụng: cấp huyện đã kết thúc hoạt động từ {from}",
                        "{id}: a district-level target no longer applies: the district level ceased on {from}",
                    ),
                )
                .at(key.span)
                .label(msg!(lang, "không còn cấp huyện từ {from}", "no district level since {from}"))
                .indicator(&id)
                .help(msg!(
                    lang,
                    "{} Chỉ đặt chỉ tiêu cho cấp tỉnh (`province:`) và cấp xã (`commune:`).",
                    "{} Set targets for the province (`province:`) and commune (`commune:`) levels only.",
                    cite(level.change(lang), &level.source, lang)
                )),
            );
        }
    }
}

/// A national target whose whole population is the district level (`plans-built`,
/// `integration`), set by a plan dated after the district level ended.
pub(super) fn district_populations(plan: &CompiledPlan, lang: Lang, out: &mut Vec<Finding>) {
    let Some(level) = plan
        .reference
        .reforms
        .level_abolished(PlanLevel::District, plan.date)
    else {
        return;
    };
    let from = level.from().display(lang);
    for ind in &plan.indicators {
        let Some(n) = ind
            .national
            .filter(|n| crate::assess::population_gone(plan, n))
        else {
            continue;
        };
        // Set only for levels still in force (`{ commune: "100%" }`): the two-level form.
        let levels_in_force = !ind.targets.is_empty()
            && ind.targets.iter().all(|t| {
                t.level
                    .is_some_and(|l| crate::assess::level_in_force(plan, Some(l)))
            });
        if levels_in_force {
            continue;
        }
        let instead = n.two_level.as_ref().map_or(String::new(), |t| {
            msg!(
                lang,
                " Nếu kế hoạch đặt chỉ tiêu này cho cấp xã, ghi thành chỉ tiêu riêng, ví dụ `- id: {}` với `text: \"{}\"`.",
                " If the plan sets it for communes, write it as a local indicator, e.g. `- id: {}` with `text: \"{}\"`.",
                t.id.as_deref().unwrap_or(&n.id),
                t.text
            )
        });
        out.push(
            Finding::new(
                Rule::ObsoleteLevel,
                msg!(
                    lang,
                    "{}: chỉ tiêu tính trên các đơn vị cấp huyện, không còn áp dụng: cấp huyện đã kết thúc hoạt động từ {from}",
                    "{}: the target counts districts and no longer applies: the district level ceased on {from}",
                    n.id
                ),
            )
            .at(ind.key_span)
            .label(msg!(lang, "không còn cấp huyện từ {from}", "no district level since {from}"))
            .indicator(&n.id)
            .help(format!("{}{instead}", cite(level.change(lang), &level.source, lang))),
        );
    }
}

/// A task that gives work to the district courts or procuracies ("Chỉ đạo, hướng dẫn Viện
/// Kiểm sát, Tòa án cấp huyện ..."), in a plan dated after they ended: they are named inside a
/// provincial body's task, not as entries of their own, so the entry check does not see them.
pub(super) fn district_judiciary_in_tasks(plan: &CompiledPlan, lang: Lang, out: &mut Vec<Finding>) {
    use crate::reference::Branch;
    let reforms = &plan.reference.reforms;
    for level in reforms
        .levels
        .iter()
        .filter(|l| l.branch == Branch::Judiciary && l.ended_by(plan.date))
    {
        let names: Vec<(String, &str)> = level
            .bodies
            .iter()
            .filter_map(|id| plan.reference.agencies.get(id))
            .flat_map(|a| std::iter::once(&a.name).chain(&a.aliases))
            .map(|n| (crate::text::match_key(n), n.as_str()))
            .collect();
        let from = level.from().display(lang);
        let mut items = Vec::new();
        for a in &plan.agencies {
            // Bodies named together (`also:`) share their tasks: one finding for the item.
            if items.contains(&a.item) {
                continue;
            }
            items.push(a.item);
            let tasks: Vec<usize> = a
                .tasks
                .iter()
                .enumerate()
                .filter(|(_, t)| {
                    let key = crate::text::match_key(t);
                    names.iter().any(|(k, _)| key.contains(k.as_str()))
                })
                .map(|(i, _)| i + 1)
                .collect();
            if tasks.is_empty() {
                continue;
            }
            let list = tasks
                .iter()
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(", ");
            out.push(
                Finding::new(
                    Rule::ObsoleteLevel,
                    msg!(
                        lang,
                        "nhiệm vụ thứ {list} của {} giao việc cho {}; từ {from} không còn các cơ quan này",
                        "task {list} of {} gives work to the {}, which ceased on {from}",
                        a.name,
                        level.name(lang)
                    ),
                )
                .at(a.span)
                .agency(&a.name)
                .help(msg!(
                    lang,
                    "{} Giao việc này cho tòa án nhân dân khu vực, viện kiểm sát nhân dân khu vực.",
                    "{} Give this work to the regional people's courts and procuracies.",
                    cite(level.change(lang), &level.source, lang)
                )),
            );
        }
    }
}
