//! The 2025 reform, by the plan's date: bodies that handed their function to a successor
//! (`superseded-agency`), provinces that were merged or renamed (`superseded-province`), the
//! district level that was abolished (`obsolete-level`); and the wording of findings against a
//! programme that no longer applies (reference only).

use crate::compile::{CompiledAgency, CompiledPlan};
use crate::date::Date;
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::model::{Level as PlanLevel, Role, TargetField};
use crate::msg;
use crate::reference::{Agency, Programme, Province};
use crate::rules::{Level, Rule};
use crate::source::Span;
use crate::text::nfc;

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
                let span = Span::from_location(to.referenced);
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

fn province(plan: &CompiledPlan, lang: Lang, out: &mut Vec<Finding>) {
    let Some(p) = plan.province else { return };
    if p.exists_on(plan.date) {
        return;
    }
    let registry = &plan.reference.provinces;
    let span = Span::from_location(plan.doc.plan.value.province.referenced);
    let written = nfc(plan.doc.plan.value.province.value.trim());
    let date = plan.date.display(lang);
    let cited = |p: &Province| {
        plan.reference
            .reforms
            .province_change(p)
            .map(|c| format!(" {}", cite(c.change(lang), &c.source, lang)))
            .unwrap_or_default()
    };

    if let Some(until) = p.until.filter(|u| plan.date > *u) {
        let from = until.next_day().display(lang);
        if let Some(into) = p.merged_into.as_deref().and_then(|id| registry.get(id)) {
            let mut parts = vec![into.name.as_str()];
            parts.extend(
                registry
                    .provinces
                    .iter()
                    .filter(|q| q.merged_into.as_deref() == Some(into.id.as_str()))
                    .filter(|q| q.until == p.until)
                    .map(|q| q.name.as_str()),
            );
            let into_name = province_name(into, lang);
            out.push(
                Finding::new(
                    Rule::SupersededProvince,
                    msg!(
                        lang,
                        "vào ngày {date}, {written} không còn là một đơn vị hành chính cấp tỉnh: từ {from} đã được sắp xếp, hợp nhất thành {into_name}",
                        "on {date} {written} was no longer a province: it has been part of {into_name} since {from}",
                    ),
                )
                .at(span)
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
                    cited(p)
                )),
            );
        } else if let Some(to) = p.renamed_to.as_deref().and_then(|id| registry.get(id)) {
            let to_name = province_name(to, lang);
            out.push(
                Finding::new(
                    Rule::SupersededProvince,
                    msg!(
                        lang,
                        "vào ngày {date}, {written} không còn mang tên này: từ {from} là {to_name}",
                        "on {date} {written} no longer went by that name: since {from} it has been {to_name}",
                    ),
                )
                .at(span)
                .label(msg!(
                    lang,
                    "{to_name} từ {from}",
                    "{to_name} since {from}"
                ))
                .help(msg!(
                    lang,
                    "Ghi `province: {}`.{}",
                    "Write `province: {}`.{}",
                    to.name,
                    cited(p)
                )),
            );
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
        let before_name = province_name(before, lang);
        let from = from.display(lang);
        out.push(
            Finding::new(
                Rule::SupersededProvince,
                msg!(
                    lang,
                    "vào ngày {date}, {} chưa có: đến trước {from} đơn vị cấp tỉnh này là {before_name}",
                    "on {date} {} did not exist yet: until {from} the province was {before_name}",
                    province_name(p, lang)
                ),
            )
            .at(span)
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
                cited(before)
            )),
        );
    }
}

/// A district's own plan (`plan.district`) dated after the district level ended.
fn district_plan(plan: &CompiledPlan, lang: Lang, out: &mut Vec<Finding>) {
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
        .at(Span::from_location(district.referenced))
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
fn district_targets(plan: &CompiledPlan, lang: Lang, out: &mut Vec<Finding>) {
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
                .at(Span::from_location(key.referenced))
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
fn district_populations(plan: &CompiledPlan, lang: Lang, out: &mut Vec<Finding>) {
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
fn district_judiciary_in_tasks(plan: &CompiledPlan, lang: Lang, out: &mut Vec<Finding>) {
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

/// Where a plan names a body: a duty in `responsibilities`, or a recipient of its reports.
enum Named<'a> {
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

fn body(plan: &CompiledPlan, lang: Lang, named: &Named, agency: &Agency, out: &mut Vec<Finding>) {
    let date = plan.date;
    let written = named.written();
    let level = plan
        .reference
        .reforms
        .level_of_body(agency)
        .filter(|l| l.ended_by(date));
    if let Some(level) = level {
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
        out.push(
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
                )),
        );
        return;
    }
    // Some bodies ended in one province only (Nghệ An's Sở Du lịch, 01/3/2025).
    let local_end = agency.ended_in(plan.province).filter(|e| date > e.until);
    let (until, successor_id) = match local_end {
        Some(e) => (e.until, Some(e.successor.as_str())),
        None if agency.in_force(date) => return,
        None => match agency.until {
            Some(u) => (u, agency.successor.as_deref()),
            None => return,
        },
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
        out.push(
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
        return;
    };
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
    let when = date.display(lang);
    let message = match named {
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
    };
    let already = plan
        .agencies
        .iter()
        .find(|a| a.agency.is_some_and(|x| x.id == successor.id));
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
            if national { &succ_vi } else { &local }
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
    let replacement = if national { &succ_vi } else { &local };
    let named_already = match named {
        Named::Duty(_) => already.is_some(),
        Named::Recipient(..) => plan.doc.reporting.as_ref().is_some_and(|r| {
            r.value.to.iter().any(|t| {
                let t = nfc(t.value.trim());
                crate::text::match_key(&t) == crate::text::match_key(replacement)
                    || plan
                        .reference
                        .agencies
                        .resolve(&t, plan.province)
                        .is_some_and(|a| a.id == successor.id)
            })
        }),
    };
    if !named_already {
        f = f.fix(named.span(), replacement);
    }
    // The lead answers for the whole plan; one that no longer holds the function leaves every
    // task it coordinates without an owner.
    if named.is_lead() {
        f = f.level(Level::Error);
    }
    out.push(f);
}

/// " Nhiệm vụ về việc làm ... nay thuộc Sở Nội vụ.": tasks whose text shows they belong to a
/// function that went to another successor than the main one (Sở LĐTBXH's labour, vocational
/// and drug-rehabilitation work).
fn function_split(plan: &CompiledPlan, agency: &Agency, a: &CompiledAgency, lang: Lang) -> String {
    let mut out = String::new();
    for f in &agency.successors {
        let Some(to) = plan.reference.agencies.in_force_on(&f.agency, plan.date) else {
            continue;
        };
        let tasks: Vec<usize> = a
            .tasks
            .iter()
            .enumerate()
            .filter(|(_, t)| {
                agency
                    .function_successors(t)
                    .iter()
                    .any(|g| g.agency == f.agency)
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

/// A change and the act it comes from, as one or two sentences.
fn cite(change: &str, source: &str, lang: Lang) -> String {
    let source = source.trim().trim_end_matches('.');
    match (change.trim(), source) {
        (c, "") => c.to_string(),
        ("", s) => msg!(lang, "Căn cứ: {s}.", "Source: {s}."),
        (c, s) => msg!(lang, "{c} Căn cứ: {s}.", "{c} Source: {s}."),
    }
}
