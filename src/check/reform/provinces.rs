//! A province named as it was not on the plan's date (`superseded-province`): merged into
//! another, renamed, or named by what it only became later.

use super::cite;
use crate::compile::CompiledPlan;
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::msg;
use crate::reference::Province;
use crate::rules::Rule;
use crate::source::Span;
use crate::text::nfc;

pub(super) fn province(plan: &CompiledPlan, lang: Lang, out: &mut Vec<Finding>) {
    let Some(p) = plan.province else { return };
    if p.exists_on(plan.date) {
        return;
    }
    let registry = &plan.reference.provinces;
    let written = Written {
        span: plan.doc.plan.value.province.span,
        name: nfc(plan.doc.plan.value.province.value.trim()),
        date: plan.date.display(lang),
    };
    if let Some(until) = p.until.filter(|u| plan.date > *u) {
        let from = until.next_day().display(lang);
        if let Some(into) = p.merged_into.as_deref().and_then(|id| registry.get(id)) {
            out.push(merged(plan, p, into, &written, &from, lang));
        } else if let Some(to) = p.renamed_to.as_deref().and_then(|id| registry.get(id)) {
            out.push(renamed(plan, p, to, &written, &from, lang));
        }
    } else if let Some(from) = p.from.filter(|f| plan.date < *f) {
        // A province named by what it became later (Huế before 2025).
        let Some(before) = registry
            .provinces
            .iter()
            .find(|q| q.renamed_to.as_deref() == Some(p.id.as_str()))
        else {
            return;
        };
        out.push(not_yet(
            plan,
            p,
            before,
            &written,
            &from.display(lang),
            lang,
        ));
    }
}

/// The plan's `province:` as written, where it stands, and the plan's date as displayed.
struct Written {
    span: Span,
    name: String,
    date: String,
}

/// " Căn cứ: ..." for the province's change, when the data cites one.
fn cited(plan: &CompiledPlan, p: &Province, lang: Lang) -> String {
    plan.reference
        .reforms
        .province_change(p)
        .map(|c| format!(" {}", cite(c.change(lang), &c.source, lang)))
        .unwrap_or_default()
}

fn merged(
    plan: &CompiledPlan,
    p: &Province,
    into: &Province,
    written: &Written,
    from: &str,
    lang: Lang,
) -> Finding {
    let Written {
        span,
        name: written,
        date,
    } = written;
    let mut parts = vec![into.name.as_str()];
    parts.extend(
        plan.reference
            .provinces
            .provinces
            .iter()
            .filter(|q| q.merged_into.as_deref() == Some(into.id.as_str()))
            .filter(|q| q.until == p.until)
            .map(|q| q.name.as_str()),
    );
    let into_name = province_name(into, lang);
    Finding::new(
        Rule::SupersededProvince,
        msg!(
            lang,
            "vào ngày {date}, {written} không còn là một đơn vị hành chính cấp tỉnh: từ {from} đã được sắp xếp, hợp nhất thành {into_name}",
            "on {date} {written} was no longer a province: it has been part of {into_name} since {from}",
        ),
    )
    .at(*span)
    .label(msg!(
        lang,
        "thuộc {into_name} từ {from}",
        "part of {into_name} since {from}"
    ))
    .help(msg!(
        lang,
        "Từ {from}, {into_name} gồm địa bàn của {}; kế hoạch ban hành sau ngày đó là kế hoạch của {into_name}: ghi `province: {}`.{}",
        "Since {from} {into_name} covers what were {}; a plan dated after that is {into_name}'s plan: write `province: {}`.{}",
        and_list(&parts, lang),
        into.name,
        cited(plan, p, lang)
    ))
}

fn renamed(
    plan: &CompiledPlan,
    p: &Province,
    to: &Province,
    written: &Written,
    from: &str,
    lang: Lang,
) -> Finding {
    let Written {
        span,
        name: written,
        date,
    } = written;
    let to_name = province_name(to, lang);
    Finding::new(
        Rule::SupersededProvince,
        msg!(
            lang,
            "vào ngày {date}, {written} không còn mang tên này: từ {from} là {to_name}",
            "on {date} {written} no longer went by that name: since {from} it has been {to_name}",
        ),
    )
    .at(*span)
    .label(msg!(lang, "{to_name} từ {from}", "{to_name} since {from}"))
    .help(msg!(
        lang,
        "Ghi `province: {}`.{}",
        "Write `province: {}`.{}",
        to.name,
        cited(plan, p, lang)
    ))
}

fn not_yet(
    plan: &CompiledPlan,
    p: &Province,
    before: &Province,
    written: &Written,
    from: &str,
    lang: Lang,
) -> Finding {
    let Written { span, date, .. } = written;
    let before_name = province_name(before, lang);
    Finding::new(
        Rule::SupersededProvince,
        msg!(
            lang,
            "vào ngày {date}, {} chưa có: đến trước {from} đơn vị cấp tỉnh này là {before_name}",
            "on {date} {} did not exist yet: until {from} the province was {before_name}",
            province_name(p, lang)
        ),
    )
    .at(*span)
    .label(msg!(
        lang,
        "{before_name} đến trước {from}",
        "{before_name} until {from}"
    ))
    .help(msg!(
        lang,
        "Ghi `province: {}`.{}",
        "Write `province: {}`.{}",
        before.name,
        cited(plan, before, lang)
    ))
}

/// "Ninh Bình, Hà Nam và Nam Định" / "Ninh Bình, Hà Nam and Nam Định".
fn and_list(items: &[&str], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), lang.pick("và", "and")),
    }
}

/// "thành phố Đà Nẵng" / "Đà Nẵng city".
fn province_name(p: &Province, lang: Lang) -> String {
    match lang {
        Lang::Vi => p.full_name(),
        Lang::En if p.kind == "thành phố" => format!("{} city", p.name),
        Lang::En => format!("{} province", p.name),
    }
}
