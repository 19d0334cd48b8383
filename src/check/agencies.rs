//! Agencies: a lead, the bodies the programme expects, and bodies the province cannot have.

use crate::assess::AgencyAssessment;
use crate::compile::{CompiledAgency, CompiledPlan};
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::model::Role;
use crate::msg;
use crate::reference::Agency;
use crate::rules::Level;
use crate::rules::Rule;
use crate::source::Span;

pub fn check(plan: &CompiledPlan, lang: Lang, out: &mut Vec<Finding>) {
    if plan.programme.is_none() {
        return;
    };
    let section = plan
        .source
        .top_level_key("responsibilities")
        .or_else(|| plan.source.top_level_key("plan"))
        .unwrap_or(plan.doc.plan.span);

    lead(plan, lang, section, out);

    for assessed in crate::assess::agencies(plan) {
        let (expected, named) = (assessed.expected, &assessed.named);
        if assessed.impossible {
            impossible(plan, lang, expected, named, out);
        }
        if assessed.applies && named.is_empty() {
            out.push(super::reform::as_reference(
                plan,
                lang,
                missing(plan, lang, &assessed, section),
            ));
        }
    }
}

/// The plan's lead: there must be one, and it should be the body the programme puts in
/// charge on the plan's date.
fn lead(plan: &CompiledPlan, lang: Lang, section: Span, out: &mut Vec<Finding>) {
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
                "vào ngày {} cơ quan thường trực về phòng, chống mại dâm ở cấp tỉnh là {}; đặt `role: lead` cho cơ quan này",
                "on {} the provincial body in charge of prostitution prevention is the {}; give it `role: lead`",
                plan.date.display(lang),
                e.name_in(plan.province, lang)
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
                        e.name_in(plan.province, lang)
                    ),
                )
                .at(l.role_span.unwrap_or(l.span))
                .agency(&l.name)
                .help(msg!(
                    lang,
                    "vào ngày {} cơ quan thường trực về phòng, chống mại dâm ở cấp tỉnh là {}",
                    "on {} the provincial body in charge of prostitution prevention is the {}",
                    plan.date.display(lang),
                    e.name_in(plan.province, lang)
                )),
            ));
        }
    }
}

/// Border guards named in a province with no land border and no coast.
fn impossible(
    plan: &CompiledPlan,
    lang: Lang,
    expected: &Agency,
    named: &[&CompiledAgency],
    out: &mut Vec<Finding>,
) {
    let province = plan.province.map(|p| p.full_name()).unwrap_or_default();
    let police = plan
        .reference
        .agencies
        .get("police")
        .map_or("Công an tỉnh", |p| p.name_in(plan.province, Lang::Vi));
    for a in named {
        out.push(
            Finding::new(
                Rule::UnexpectedAgency,
                msg!(
                    lang,
                    "{} không có {}",
                    "{} has no {}",
                    province,
                    expected.name_in(plan.province, lang)
                ),
            )
            .at(a.span)
            .label(msg!(
                lang,
                "tỉnh không có biên giới đất liền, không có bờ biển",
                "no land border and no coast"
            ))
            .agency(&a.name)
            .help(msg!(
                lang,
                "Bộ đội Biên phòng chỉ có ở tỉnh có biên giới đất liền hoặc bờ biển; bỏ mục này hoặc giao nhiệm vụ cho {police}",
                "border guards exist only in provinces with a land border or a coast; remove this entry or give the task to the police (`{police}`)"
            )),
        );
    }
}

/// A body the plan does not name: a warning when the Decision names it, a note saying how
/// common it is when only real plans do (schemas/1629-qd-ttg.yaml, `basis`).
fn missing(plan: &CompiledPlan, lang: Lang, a: &AgencyAssessment, section: Span) -> Finding {
    let name = a.expected.name_in(plan.province, Lang::Vi);
    let shown = a.expected.name_in(plan.province, lang);
    let add = msg!(
        lang,
        "thêm một mục `- agency: {name}` vào `responsibilities:`",
        "add `- agency: {name}` under `responsibilities:`"
    );
    let f = Finding::new(
        Rule::MissingAgency,
        msg!(
            lang,
            "chưa giao nhiệm vụ cho {shown}",
            "no task for the {shown}"
        ),
    )
    .at(section)
    .agency(&a.expected.name);
    match a.practice {
        None => f.help(match &a.requirement.clause {
            Some(basis) => msg!(lang, "Căn cứ: {basis}. Hãy {add}.", "Basis: {basis}. Please {add}."),
            None => msg!(lang, "Hãy {add}.", "Please {add}."),
        }),
        Some((seen, total)) => f.level(Level::Note).help(msg!(
            lang,
            "Đây là thực tiễn, không phải yêu cầu đã xác định trong văn bản của chương trình: {seen} trong {total} kế hoạch cấp tỉnh đã đối chiếu giao nhiệm vụ cho {shown}. Nếu cơ quan này có phần việc trong kế hoạch, {add}; nếu việc đó do cơ quan khác đảm nhiệm, có thể bỏ qua ghi chú này.",
            "This is practice, not a requirement found in the programme's text: {seen} of the {total} provincial plans checked give the {shown} a task. If it has a part in this plan, {add}; if another body does that work, this note can be ignored."
        )),
    }
}
