//! Agencies: a lead, the bodies the programme expects, and bodies the province cannot have.

use super::Finding;
use crate::compile::CompiledPlan;
use crate::i18n::Lang;
use crate::model::Role;
use crate::msg;
use crate::reference::{Agency, Requirement};
use crate::rules::Rule;
use crate::source::Span;

/// Whether `a` is `target` or an earlier holder of its function (a superseded name).
pub fn same_or_predecessor(plan: &CompiledPlan, a: &Agency, target: &Agency) -> bool {
    // Only a body that had already handed its function over by the plan's date stands for its
    // successor: in a 2023 plan the labour department is not the health department.
    let mut cur = Some(a);
    for _ in 0..8 {
        match cur {
            Some(c) if c.id == target.id => return true,
            Some(c) if !c.in_force(plan.date) => {
                cur = c
                    .successor
                    .as_deref()
                    .and_then(|s| plan.reference.agencies.get(s))
            }
            _ => return false,
        }
    }
    false
}

pub fn check(plan: &CompiledPlan, lang: Lang, out: &mut Vec<Finding>) {
    let Some(programme) = plan.programme else {
        return;
    };
    let registry = &plan.reference.agencies;
    let section = plan
        .source
        .top_level_key("responsibilities")
        .or_else(|| plan.source.top_level_key("plan"))
        .unwrap_or(Span::from_location(plan.doc.plan.referenced));

    let expected_lead = programme
        .agencies
        .iter()
        .find(|r| r.requirement == Requirement::Lead)
        .and_then(|r| registry.in_force_on(&r.agency, plan.date));
    let leads: Vec<_> = plan
        .agencies
        .iter()
        .filter(|a| a.role == Role::Lead)
        .collect();
    if leads.is_empty() {
        let mut f = Finding::new(
            Rule::NoLeadAgency,
            msg!(
                lang,
                "không có cơ quan chủ trì (`role: lead`)",
                "no agency leads the plan (`role: lead`)"
            ),
        )
        .at(section);
        if let Some(e) = expected_lead {
            f = f.help(msg!(
                lang,
                "vào ngày {} cơ quan thường trực là {}; đặt `role: lead` cho cơ quan này",
                "on {} the body expected to lead is {}; give it `role: lead`",
                plan.date.vietnamese_short(),
                e.name(lang)
            ));
        }
        out.push(f);
    } else if let Some(e) = expected_lead {
        let matches = leads
            .iter()
            .any(|l| l.agency.is_some_and(|a| same_or_predecessor(plan, a, e)));
        if !matches && leads.iter().all(|l| l.agency.is_some()) {
            let l = leads[0];
            out.push(super::reform::as_reference(
                plan,
                lang,
                Finding::new(
                    Rule::NoLeadAgency,
                    msg!(
                        lang,
                        "cơ quan chủ trì là {}, không phải {}",
                        "{} leads the plan, not {}",
                        l.name,
                        e.name(lang)
                    ),
                )
                .at(l.role_span.unwrap_or(l.span))
                .agency(&l.name)
                .help(msg!(
                    lang,
                    "theo {} cơ quan thường trực về phòng, chống mại dâm ở tỉnh vào ngày {} là {}",
                    "under {} the provincial body in charge of prostitution prevention on {} is {}",
                    programme.id,
                    plan.date.vietnamese_short(),
                    e.name(lang)
                )),
            ));
        }
    }

    let has_border_or_coast = plan
        .province
        .map(|p| plan.reference.provinces.has_border_or_coast(p, plan.date));
    let mut checked: Vec<&str> = Vec::new();
    for req in &programme.agencies {
        let Some(expected) = registry.in_force_on(&req.agency, plan.date) else {
            continue;
        };
        // Two requirements can meet in one successor (Sở TT&TT's press work went to Sở VHTTDL).
        if checked.contains(&expected.id.as_str()) {
            continue;
        }
        checked.push(&expected.id);
        let named = plan
            .agencies
            .iter()
            .filter(|a| {
                a.agency
                    .is_some_and(|x| same_or_predecessor(plan, x, expected))
            })
            .collect::<Vec<_>>();
        let required = match req.requirement {
            Requirement::Lead | Requirement::Required => true,
            Requirement::Conditional => has_border_or_coast == Some(true),
            Requirement::Requested => false,
        };
        if req.requirement == Requirement::Conditional && has_border_or_coast == Some(false) {
            for a in &named {
                let province = plan.province.map(|p| p.full_name()).unwrap_or_default();
                out.push(
                    Finding::new(Rule::UnexpectedAgency, msg!(lang, "{} không có {}", "{} has no {}", province, expected.name(lang)))
                        .at(a.span)
                        .label(msg!(lang, "tỉnh không có biên giới đất liền, không có bờ biển", "no land border and no coast"))
                        .agency(&a.name)
                        .help(msg!(
                            lang,
                            "Bộ đội Biên phòng chỉ có ở tỉnh có biên giới đất liền hoặc bờ biển; bỏ mục này hoặc giao nhiệm vụ cho Công an tỉnh",
                            "border guards exist only in provinces with a land border or a coast; remove this entry or give the task to the police"
                        )),
                );
            }
        }
        if required && named.is_empty() {
            let mut f = Finding::new(
                Rule::MissingAgency,
                msg!(
                    lang,
                    "chưa giao nhiệm vụ cho {}",
                    "no task for {}",
                    expected.name(lang)
                ),
            )
            .at(section)
            .agency(&expected.name);
            // The decision assigns the national bodies; provincial plans give each provincial
            // counterpart a task of its own (schemas/1629-qd-ttg.yaml cites where each comes from).
            f = f.help(match &expected.national {
                Some(national) => msg!(
                    lang,
                    "{} giao nhiệm vụ cho {}; kế hoạch cấp tỉnh giao nhiệm vụ tương ứng cho {}. Thêm một mục `- agency: {}` vào `responsibilities:`",
                    "{} gives tasks to {}; a provincial plan gives the matching tasks to {}. Add `- agency: {}` under `responsibilities:`",
                    programme.id,
                    national,
                    expected.name,
                    expected.name
                ),
                None => msg!(
                    lang,
                    "các kế hoạch cấp tỉnh thực hiện {} đều giao nhiệm vụ cho {}. Thêm một mục `- agency: {}` vào `responsibilities:`",
                    "provincial plans implementing {} give {} a task. Add `- agency: {}` under `responsibilities:`",
                    programme.id,
                    expected.name,
                    expected.name
                ),
            });
            out.push(super::reform::as_reference(plan, lang, f));
        }
    }
}
