//! A body the plan names (a duty, or a recipient of its reports) that no longer held its
//! function on the plan's date: its whole level ended (`obsolete-level`), or the body itself
//! was merged or ended (`superseded-agency`), with the successor to write instead.

use super::cite;
use crate::compile::{CompiledAgency, CompiledPlan};
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::model::{Level as PlanLevel, Role};
use crate::msg;
use crate::reference::{Agency, LevelChange};
use crate::rules::{Level, Rule};
use crate::source::Span;
use crate::text::nfc;

/// Where a plan names a body: a duty in `responsibilities`, or a recipient of its reports.
pub(super) enum Named<'a> {
    Duty(&'a CompiledAgency<'a>),
    Recipient(&'a str, Span),
}

impl Named<'_> {
    fn written(&self) -> &str {
        match self {
            Named::Duty(a) => &a.name,
            Named::Recipient(w, _) => w,
        }
    }

    fn span(&self) -> Span {
        match self {
            Named::Duty(a) => a.span,
            Named::Recipient(_, s) => *s,
        }
    }

    fn is_lead(&self) -> bool {
        matches!(self, Named::Duty(a) if a.role == Role::Lead)
    }
}

pub(super) fn body(
    plan: &CompiledPlan,
    lang: Lang,
    named: &Named,
    agency: &Agency,
    out: &mut Vec<Finding>,
) {
    let level = plan
        .reference
        .reforms
        .level_of_body(agency)
        .filter(|l| l.ended_by(plan.date));
    let found = match level {
        Some(level) => Some(level_ended(plan, lang, named, agency, level)),
        None => superseded(plan, lang, named, agency),
    };
    out.extend(found);
}

/// The body's whole level (the district People's Committees, courts, procuracies) ended.
fn level_ended(
    plan: &CompiledPlan,
    lang: Lang,
    named: &Named,
    agency: &Agency,
    level: &LevelChange,
) -> Finding {
    let date = plan.date;
    let written = named.written();
    let from = level.from().display(lang);
    let message = match named {
        Named::Duty(_) => msg!(
            lang,
            "giao nhiệm vụ cho {written}, nhưng {} đã kết thúc hoạt động từ {from}",
            "a duty for {written}, but the {} ceased on {from}",
            level.name(lang)
        ),
        Named::Recipient(..) => msg!(
            lang,
            "báo cáo gửi {written}, nhưng {} đã kết thúc hoạt động từ {from}",
            "reports go to {written}, but the {} ceased on {from}",
            level.name(lang)
        ),
    };
    let instead = agency
        .successor
        .as_deref()
        .and_then(|s| plan.reference.agencies.in_force_on(s, date))
        .map(|s| match (lang, level.level) {
            // The district's tasks went up to the province as well as down to the communes.
            (Lang::Vi, PlanLevel::District)
                if level.branch == crate::reference::Branch::Government =>
            {
                format!(
                    " Tùy nội dung, giao nhiệm vụ này cho cơ quan cấp tỉnh hoặc cho {}.",
                    s.name
                )
            }
            (Lang::En, PlanLevel::District)
                if level.branch == crate::reference::Branch::Government =>
            {
                format!(
                    " Depending on the task, give it to a provincial body or to the {} (`{}`).",
                    s.name_en, s.name
                )
            }
            (Lang::Vi, _) => format!(" Giao nhiệm vụ này cho {}.", s.name),
            (Lang::En, _) => format!(" Give this duty to the {} (`{}`).", s.name_en, s.name),
        })
        .unwrap_or_default();
    Finding::new(Rule::ObsoleteLevel, message)
        .at(named.span())
        .label(msg!(
            lang,
            "không còn vào ngày {}",
            "gone by {}",
            date.display(lang)
        ))
        .agency(written)
        .help(format!(
            "{}{instead}",
            cite(level.change(lang), &level.source, lang)
        ))
}

/// The body itself ended, everywhere or in the plan's province only; `None` while it is in force.
fn superseded(plan: &CompiledPlan, lang: Lang, named: &Named, agency: &Agency) -> Option<Finding> {
    let date = plan.date;
    let written = named.written();
    // Some bodies ended in one province only (Nghệ An's Sở Du lịch, 01/3/2025).
    let local_end = agency.ended_in(plan.province).filter(|e| date > e.until);
    let (until, successor_id) = match local_end {
        Some(e) => (e.until, Some(e.successor.as_str())),
        None if agency.in_force(date) => return None,
        None => (agency.until?, agency.successor.as_deref()),
    };
    let from = until.next_day().display(lang);
    let why = match local_end {
        Some(e) => cite(
            &msg!(
                lang,
                "Từ {from}, {written} được hợp nhất vào {}.",
                "From {from} {written} was merged into the {}.",
                successor_id
                    .and_then(|s| plan.reference.agencies.get(s))
                    .map_or("", |s| s.name_in(plan.province, lang))
            ),
            &e.source,
            lang,
        ),
        None => change_help(agency, lang),
    };
    let successor = successor_id.and_then(|s| plan.reference.agencies.in_force_on(s, date));
    let Some(successor) = successor else {
        return Some(
            Finding::new(
                Rule::SupersededAgency,
                msg!(
                    lang,
                    "{written} không còn tồn tại vào ngày {}: đã kết thúc hoạt động từ {from}",
                    "{written} no longer existed on {}: it ceased on {from}",
                    date.display(lang)
                ),
            )
            .at(named.span())
            .agency(written)
            .help(why),
        );
    };
    Some(replaced(plan, lang, named, agency, successor, &from, &why))
}

/// The body's work went to `successor`, which the finding names (and `--fix` writes, unless
/// the plan already names it).
fn replaced(
    plan: &CompiledPlan,
    lang: Lang,
    named: &Named,
    agency: &Agency,
    successor: &Agency,
    from: &str,
    why: &str,
) -> Finding {
    let written = named.written();
    // A ministry written where the province's reports go keeps its level in the suggestion:
    // "Bộ Lao động - Thương binh và Xã hội" → "Bộ Y tế".
    let national = agency
        .national
        .as_deref()
        .is_some_and(|n| crate::text::match_key(n) == crate::text::match_key(written));
    let local = successor.name_in(plan.province, Lang::Vi).to_string();
    let (succ_vi, succ_en) = match (&successor.national, national) {
        (Some(n), true) => (n.clone(), n.clone()),
        _ => (local.clone(), format!("the {}", successor.name_en)),
    };
    let succ = lang.pick(&succ_vi, &succ_en);
    let message = replaced_message(named, &plan.date.display(lang), from, succ, lang);
    let already = plan
        .agencies
        .iter()
        .find(|a| a.agency.is_some_and(|x| x.id == successor.id));
    let replacement = if national { &succ_vi } else { &local };
    let todo = match (already, named.is_lead()) {
        (Some(a), true) => msg!(
            lang,
            "{} đã có ở dòng {}: giao vai trò chủ trì (`role: lead`) cho {} và chuyển các nhiệm vụ của {written} sang đó.",
            "{} is already named on line {}: make {} the lead (`role: lead`) and move {written}'s tasks to it.",
            a.name,
            a.span.line,
            a.name
        ),
        _ => msg!(
            lang,
            "Ghi `{}` thay cho `{written}`.",
            "Write `{}` instead of `{written}`.",
            replacement
        ),
    };
    let split = match named {
        Named::Duty(a) => function_split(plan, agency, a, lang),
        Named::Recipient(..) => String::new(),
    };
    let mut f = Finding::new(Rule::SupersededAgency, message)
        .at(named.span())
        .label(msg!(lang, "từ {from}: {succ}", "{succ} since {from}"))
        .agency(written)
        .help(format!("{why} {todo}{split}"));
    // Renaming is the whole answer only while the successor is not already named: otherwise
    // two entries would name one body, and merging their tasks is the officer's choice.
    let named_already = match named {
        Named::Duty(_) => already.is_some(),
        Named::Recipient(..) => recipient_named(plan, replacement, successor),
    };
    if !named_already {
        f = f.fix(named.span(), replacement);
    }
    // The lead answers for the whole plan; one that no longer holds the function leaves every
    // task it coordinates without an owner.
    if named.is_lead() {
        f = f.level(Level::Error);
    }
    f
}

fn replaced_message(named: &Named, when: &str, from: &str, succ: &str, lang: Lang) -> String {
    let written = named.written();
    match named {
        Named::Duty(_) if named.is_lead() => msg!(
            lang,
            "vào ngày {when} không còn {written} làm cơ quan chủ trì: từ {from}, phần việc của cơ quan này trong kế hoạch thuộc {succ}",
            "on {when} {written} could no longer lead: since {from} its part in this plan belongs to {succ}",
        ),
        Named::Duty(_) => msg!(
            lang,
            "vào ngày {when} không còn {written}: từ {from}, phần việc của cơ quan này trong kế hoạch thuộc {succ}",
            "on {when} {written} no longer existed: since {from} its part in this plan belongs to {succ}",
        ),
        Named::Recipient(..) => msg!(
            lang,
            "báo cáo gửi {written}, nhưng từ {from} phần việc này thuộc {succ}",
            "reports go to {written}, but since {from} this work belongs to {succ}",
        ),
    }
}

/// Whether the plan's reports already go to the successor, by that name or another.
fn recipient_named(plan: &CompiledPlan, replacement: &str, successor: &Agency) -> bool {
    plan.doc.reporting.as_ref().is_some_and(|r| {
        r.value.to.iter().any(|t| {
            let t = nfc(t.value.trim());
            crate::text::match_key(&t) == crate::text::match_key(replacement)
                || plan
                    .reference
                    .agencies
                    .resolve(&t, plan.province)
                    .is_some_and(|a| a.id == successor.id)
        })
    })
}

/// " Nhiệm vụ về việc làm ... nay thuộc Sở Nội vụ.": tasks whose text shows they belong to a
/// function that went to another successor than the main one (Sở LĐTBXH's labour, vocational
/// and drug-rehabilitation work).
fn function_split(plan: &CompiledPlan, agency: &Agency, a: &CompiledAgency, lang: Lang) -> String {
    let mut out = String::new();
    let mut task_keys: Option<Vec<String>> = None;
    for f in &agency.successors {
        let Some(to) = plan.reference.agencies.in_force_on(&f.agency, plan.date) else {
            continue;
        };
        let keys = task_keys
            .get_or_insert_with(|| a.tasks.iter().map(|t| crate::text::match_key(t)).collect());
        let tasks: Vec<usize> = keys
            .iter()
            .enumerate()
            .filter(|(_, k)| agency.function_successors(k).any(|g| g.agency == f.agency))
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
        let name = to.name_in(plan.province, lang);
        out.push_str(&msg!(
            lang,
            " Nhiệm vụ thứ {list} thuộc lĩnh vực {}: lĩnh vực này chuyển sang {name}, giao nhiệm vụ đó cho {name}.",
            " Task {list} concerns {}: that function went to the {name}; give that task to it.",
            lang.pick(&f.function, &f.function_en)
        ));
    }
    out
}

/// "Từ 01/3/2025, ... Căn cứ: Nghị định 45/2025/NĐ-CP ...": the body's change and its source.
fn change_help(agency: &Agency, lang: Lang) -> String {
    let change = match lang {
        Lang::Vi => agency.change.as_deref(),
        Lang::En => agency.change_en.as_deref(),
    };
    cite(
        change.unwrap_or(""),
        // The legal act only: the news reports and other provinces' schemes behind the data
        // are in `source` and docs/domain-data.md.
        agency.basis.as_deref().unwrap_or(""),
        lang,
    )
}
