//! The 2025 reform, by the plan's date: bodies that handed their function to a successor
//! (`superseded-agency`), provinces that were merged or renamed (`superseded-province`), the
//! district level that was abolished (`obsolete-level`); and the wording of findings against a
//! programme that no longer applies (reference only). The first three live in `provinces.rs`,
//! `districts.rs` and `bodies.rs`; this file runs them and words the reference-only findings.

mod bodies;
mod districts;
mod provinces;

use crate::compile::CompiledPlan;
use crate::date::Date;
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::msg;
use crate::reference::Programme;
use crate::rules::Level;
use crate::text::nfc;
use bodies::{Named, body};
use districts::{
    district_judiciary_in_tasks, district_plan, district_populations, district_targets,
};
use provinces::province;

pub fn check(plan: &CompiledPlan, lang: Lang, out: &mut Vec<Finding>) {
    province(plan, lang, out);
    district_plan(plan, lang, out);
    district_targets(plan, lang, out);
    district_populations(plan, lang, out);
    district_judiciary_in_tasks(plan, lang, out);
    for a in &plan.agencies {
        if let Some(agency) = a.agency {
            body(plan, lang, &Named::Duty(a), agency, out);
        }
    }
    if let Some(rep) = &plan.doc.reporting {
        for to in &rep.value.to {
            let written = nfc(to.value.trim());
            if let Some(agency) = plan.reference.agencies.resolve(&written, plan.province) {
                let span = to.span;
                body(plan, lang, &Named::Recipient(&written, span), agency, out);
            }
        }
    }
}

/// A finding against a programme the plan does not implement, shown for reference only: a note,
/// tagged in its message, with the reason first in its help.
pub fn as_reference(plan: &CompiledPlan, lang: Lang, mut f: Finding) -> Finding {
    let Some(p) = plan.programme.filter(|_| plan.programme_is_reference) else {
        return f;
    };
    f.level = Level::Note;
    f.message = if expired(plan, p).is_some() {
        msg!(
            lang,
            "{} (chỉ để tham khảo: {} đã hết hiệu lực)",
            "{} (reference only: {} has expired)",
            f.message,
            p.id
        )
    } else {
        msg!(
            lang,
            "{} (chỉ để tham khảo: {})",
            "{} (reference only: {})",
            f.message,
            p.id
        )
    };
    let why = reference_reason(plan, p, lang);
    f.help = Some(match f.help.take() {
        Some(h) => format!("{why} {h}"),
        None => why,
    });
    f
}

/// "1629/QĐ-TTg hết hiệu lực ngày 31/12/2025; chưa có chương trình ... thay thế.", when the
/// plan's period begins after the programme ended.
pub fn programme_expiry(plan: &CompiledPlan, p: &Programme, lang: Lang) -> Option<String> {
    let until = expired(plan, p)?;
    let status = plan.reference.reforms.programme(&p.id);
    let successor = status
        .and_then(|s| s.successor_note(lang))
        .map(|n| format!("; {n}"))
        .unwrap_or_default();
    Some(msg!(
        lang,
        "{} (giai đoạn {}-{}) hết hiệu lực ngày {}{}.",
        "{} ({}-{}) expired on {}{}.",
        p.id,
        p.start,
        p.end,
        until.display(lang),
        successor
    ))
}

/// The programme's last day, when the plan's period begins after it.
fn expired(plan: &CompiledPlan, p: &Programme) -> Option<Date> {
    let until = plan
        .reference
        .reforms
        .programme(&p.id)
        .map_or(Date::last_of_year(p.end), |s| s.until);
    let first = if plan.start != 0 {
        Date::first_of_year(plan.start)
    } else {
        plan.date
    };
    (first > until).then_some(until)
}

fn reference_reason(plan: &CompiledPlan, p: &Programme, lang: Lang) -> String {
    if let Some(expiry) = programme_expiry(plan, p, lang) {
        return msg!(
            lang,
            "Kế hoạch không thực hiện chương trình quốc gia nào còn hiệu lực: {} Mức của {} chỉ để tham khảo, để xác định các chỉ tiêu thấp hơn chương trình gần nhất.",
            "The plan implements no national programme in force: {} What {} asked is given for reference only: it shows where the draft falls below the last programme.",
            expiry,
            p.id
        );
    }
    msg!(
        lang,
        "Kế hoạch không dẫn chiếu chương trình quốc gia nào áp dụng cho thời kỳ của kế hoạch; so sánh với {} (giai đoạn {}-{}) chỉ để tham khảo.",
        "The plan cites no national programme covering its period; the comparison with {} ({}-{}) is for reference only.",
        p.id,
        p.start,
        p.end
    )
}

/// A change and the act it comes from, as one or two sentences.
fn cite(change: &str, source: &str, lang: Lang) -> String {
    let source = source.trim().trim_end_matches('.');
    match (change.trim(), source) {
        (c, "") => c.to_string(),
        ("", s) => msg!(lang, "Căn cứ: {s}.", "Source: {s}."),
        (c, s) => msg!(lang, "{c} Căn cứ: {s}.", "{c} Source: {s}."),
    }
}
