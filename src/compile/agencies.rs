//! The plan's bodies resolved: each name in the organisation section against the agency
//! registry (with the province's own bodies), the reporting recipients, and the suggestion
//! offered for a name it does not know.

use super::{CompiledAgency, loc};
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::model::{PlanFile, Role};
use crate::msg;
use crate::reference::{Province, Reference};
use crate::rules::Rule;
use crate::source::Span;
use crate::text::nfc;

pub(super) fn compile_agencies<'r>(
    doc: &PlanFile,
    reference: &'r Reference,
    province: Option<&Province>,
    lang: Lang,
    findings: &mut Vec<Finding>,
) -> Vec<CompiledAgency<'r>> {
    let Some(list) = &doc.responsibilities else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let first = findings.len();
    let is_lead =
        |r: &crate::model::Responsibility| r.role.as_ref().is_some_and(|x| x.value == Role::Lead);
    let known_lead = list.value.iter().any(|r| {
        is_lead(&r.value)
            && reference
                .agencies
                .resolve(&nfc(r.value.agency.value.trim()), province)
                .is_some()
    });
    for (item, r) in list.value.iter().enumerate() {
        let role = r.value.role.as_ref().map_or(Role::Coordinate, |r| r.value);
        let tasks: Vec<String> = r.value.tasks.iter().map(|t| nfc(t)).collect();
        for (k, field) in std::iter::once(&r.value.agency)
            .chain(&r.value.also)
            .enumerate()
        {
            let name = loc(field);
            let written = nfc(name.value.trim());
            let agency = reference.agencies.resolve(&written, province);
            if agency.is_none() {
                let f = unknown_agency(&written, name.span, reference, lang);
                // An unrecognised lead leaves the plan with no recognised lead: one finding
                // that says both, at the level of the no-lead rule.
                findings.push(if k == 0 && is_lead(&r.value) && !known_lead {
                    unrecognised_lead(f, &written, lang)
                } else {
                    f
                });
            }
            out.push(CompiledAgency {
                name: written,
                agency,
                role,
                tasks: tasks.clone(),
                span: name.span,
                role_span: r.value.role.as_ref().filter(|_| k == 0).map(|r| r.span),
                item,
            });
        }
    }
    // Renaming an entry to a body the list already names would name it twice: merging the two
    // is the officer's choice, so there is no fix.
    for f in &mut findings[first..] {
        let named = |v: &str| {
            let id = reference.agencies.resolve(v, province).map(|a| &a.id);
            id.is_some() && out.iter().any(|a| a.agency.map(|a| &a.id) == id)
        };
        if f.fix.as_ref().is_some_and(|x| named(&x.value)) {
            f.fix = None;
        }
    }
    if let Some(rep) = &doc.reporting {
        for to in &rep.value.to {
            let to = loc(to);
            if reference.agencies.resolve(&to.value, province).is_none() {
                findings.push(unknown_agency(&nfc(&to.value), to.span, reference, lang));
            }
        }
    }
    out
}

fn unrecognised_lead(mut f: Finding, written: &str, lang: Lang) -> Finding {
    f.rule = Rule::NoLeadAgency;
    f.level = Rule::NoLeadAgency.default_level();
    f.message = msg!(
        lang,
        "không nhận ra cơ quan chủ trì `{written}`, nên kế hoạch chưa có cơ quan chủ trì được nhận ra",
        "the lead agency `{written}` is not recognised, so the plan has no recognised lead"
    );
    f
}

fn unknown_agency(written: &str, span: Span, reference: &Reference, lang: Lang) -> Finding {
    let mut f = Finding::new(
        Rule::UnknownAgency,
        msg!(
            lang,
            "không nhận ra cơ quan `{written}`",
            "unknown agency `{written}`"
        ),
    )
    .at(span)
    .agency(written);
    if let Some(best) = suggest_agency(written, reference) {
        f = f
            .help(msg!(
                lang,
                "Có phải ý bạn là `{best}`?",
                "did you mean `{best}`?"
            ))
            .fix(span, best);
    } else {
        f = f.help(msg!(
            lang,
            "viết tên đầy đủ của cơ quan như trong văn bản (ví dụ \"Sở Y tế\", \"Công an tỉnh\"); danh sách tên kehoach nhận ra có trong `kehoach schema --json-schema` (mục agency). Một cơ quan riêng của tỉnh, không có trong danh sách, có thể giữ nguyên tên",
            "write the body's full name as the document does (e.g. \"Sở Y tế\", \"Công an tỉnh\"); the names kehoach recognises are listed in `kehoach schema --json-schema` (under agency). A province's own body that is not in the list may keep its name"
        ));
    }
    f
}

/// The canonical name of the body whose spelling comes closest to `written`. The same unknown
/// names recur from plan to plan ("UBND các huyện, thành phố"), so answers are kept per
/// thread and registry: across a repository of plans this search was a tenth of the work.
pub(crate) fn suggest_agency(written: &str, reference: &Reference) -> Option<String> {
    use std::cell::RefCell;
    use std::collections::HashMap;
    const MAX_CACHED: usize = 1024;
    thread_local! {
        static SUGGESTIONS: RefCell<HashMap<(usize, String), Option<String>>> =
            RefCell::new(HashMap::new());
    }
    let registry = &reference.agencies;
    let key = (registry as *const _ as usize, written.to_string());
    if let Some(hit) = SUGGESTIONS.with(|c| c.borrow().get(&key).cloned()) {
        return hit;
    }
    // Suggest the body's canonical name, whichever of its spellings came closest.
    let best = registry.closest(written).map(str::to_string);
    SUGGESTIONS.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= MAX_CACHED {
            c.clear();
        }
        c.insert(key, best.clone());
    });
    best
}
