//! Agencies: a lead, the bodies the programme expects, and bodies the province cannot have.

use super::Finding;
use crate::compile::CompiledPlan;
use crate::i18n::Lang;
use crate::model::Role;
use crate::msg;
use crate::rules::Rule;
use crate::source::Span;

pub fn check(plan: &CompiledPlan, lang: Lang, out: &mut Vec<Finding>) {
    let Some(programme) = plan.programme else {
        return;
    };
    let section = plan
        .source
        .top_level_key("responsibilities")
        .or_else(|| plan.source.top_level_key("plan"))
        .unwrap_or(Span::from_location(plan.doc.plan.referenced));

    let expected_lead = crate::assess::expected_lead(plan);
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
        let matches = leads.iter().any(|l| {
            l.agency
                .is_some_and(|a| crate::assess::stands_for(plan, a, e))
        });
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

    for assessed in crate::assess::agencies(plan) {
        let (expected, named) = (assessed.expected, &assessed.named);
        if assessed.impossible {
            for a in named {
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
        if assessed.binding && named.is_empty() {
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
