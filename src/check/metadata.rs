//! Metadata: the plan's period against the programme it implements, a plan with no issue
//! date, and a number whose code contradicts the kind of document.

use crate::compile::CompiledPlan;
use crate::date::Date;
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::model::DocKind;
use crate::model::Level as TargetLevel;
use crate::msg;
use crate::rules::{Level, Rule};

pub fn check(plan: &CompiledPlan, lang: Lang, out: &mut Vec<Finding>) {
    kind_and_number(plan, lang, out);
    undated(plan, lang, out);
    period(plan, lang, out);
}

fn period(plan: &CompiledPlan, lang: Lang, out: &mut Vec<Finding>) {
    let Some(p) = plan.programme else { return };
    if plan.programme_is_reference || plan.start == 0 {
        return;
    }
    if plan.start < p.start || plan.end > p.end {
        let period = &plan.doc.plan.value.period;
        let years = if plan.start == plan.end {
            plan.start.to_string()
        } else {
            format!("{}-{}", plan.start, plan.end)
        };
        let expiry = super::reform::programme_expiry(plan, p, lang)
            .map(|e| format!(" {e}"))
            .unwrap_or_default();
        out.push(
            Finding::new(
                Rule::PeriodOutsideProgramme,
                msg!(
                    lang,
                    "thời kỳ {} nằm ngoài giai đoạn {}-{} của {}",
                    "period {} falls outside the {}-{} period of {}",
                    years,
                    p.start,
                    p.end,
                    p.id
                ),
            )
            .at(period.span)
            .help(msg!(
                lang,
                "{} chỉ áp dụng cho giai đoạn {}-{}; kế hoạch cho năm khác cần dẫn chiếu chương trình của năm đó, hoặc chỉ dẫn chiếu Pháp lệnh (khi đó kehoach so sánh với chương trình gần nhất để tham khảo).{}",
                "{} covers {}-{} only; a plan for other years should cite the programme for those years, or only its legal basis (kehoach then compares it with the latest programme for reference).{}",
                p.id,
                p.start,
                p.end,
                expiry
            )),
        );
    }
}

/// The kind a number's code names: "223/KH-UBND" a plan, "15/QĐ-UBND" a decision.
fn kind_of_number(number: &str) -> Option<DocKind> {
    let code = number.rsplit_once('/')?.1;
    let code = code.split(['-', '–']).next()?.trim();
    match crate::text::match_key(code).as_str() {
        "kh" => Some(DocKind::KeHoach),
        "qđ" | "qd" => Some(DocKind::QuyetDinh),
        _ => None,
    }
}

fn kind_name(kind: DocKind, lang: Lang) -> String {
    match kind {
        DocKind::KeHoach => msg!(lang, "kế hoạch", "a plan (kế hoạch)"),
        DocKind::QuyetDinh => msg!(lang, "quyết định", "a decision (quyết định)"),
    }
}

fn kind_and_number(plan: &CompiledPlan, lang: Lang, out: &mut Vec<Finding>) {
    let meta = &plan.doc.plan.value;
    let Some(number) = &meta.number else { return };
    let Some(by_number) = kind_of_number(&number.value) else {
        return;
    };
    // Without `kind:` a document is laid out as a plan.
    let declared = meta.kind.as_ref().map_or(DocKind::KeHoach, |k| k.value);
    if declared == by_number {
        return;
    }
    let fix = match by_number {
        DocKind::QuyetDinh => "quyet-dinh",
        DocKind::KeHoach => "ke-hoach",
    };
    let f = Finding::new(
        Rule::NumberKindMismatch,
        msg!(
            lang,
            "số hiệu {} là số của một {}, nhưng văn bản được khai là {}",
            "number {} is that of {}, but the document is filed as {}",
            number.value.trim(),
            kind_name(by_number, lang),
            kind_name(declared, lang)
        ),
    )
    .at(number.span)
    .help(msg!(
        lang,
        "nếu văn bản là {}, ghi `kind: {}`; nếu không, sửa lại số hiệu cho đúng như văn bản",
        "if the document is {}, write `kind: {}`; otherwise correct the number as printed",
        kind_name(by_number, lang),
        fix
    ));
    out.push(match &meta.kind {
        Some(k) => f.label(msg!(
            lang,
            "trái với `kind: {}`",
            "contradicts `kind: {}`",
            match k.value {
                DocKind::QuyetDinh => "quyet-dinh",
                DocKind::KeHoach => "ke-hoach",
            }
        )),
        None => f,
    });
}

/// A plan with no `issued:` is checked on the first day of its period. Say so once, and name
/// the changes within the period that would give another verdict on a later date.
fn undated(plan: &CompiledPlan, lang: Lang, out: &mut Vec<Finding>) {
    let meta = &plan.doc.plan.value;
    if meta.issued.is_some() || plan.start == 0 {
        return;
    }
    let changes = changes_within(plan, lang);
    let assumed = plan.date.display(lang);
    let mut f = Finding::new(
        Rule::NoIssueDate,
        if changes.is_empty() {
            msg!(
                lang,
                "kế hoạch không ghi ngày ban hành; kehoach kiểm tra theo ngày {} (đầu thời kỳ)",
                "the plan has no issue date; kehoach checks it as of {} (the period's first day)",
                assumed
            )
        } else {
            msg!(
                lang,
                "kế hoạch không ghi ngày ban hành; kehoach kiểm tra theo ngày {} (đầu thời kỳ), nhưng kết quả phụ thuộc vào ngày ban hành: {}",
                "the plan has no issue date; kehoach checks it as of {} (the period's first day), but the verdict depends on the date: {}",
                assumed,
                changes.join("; ")
            )
        },
    )
    .at(meta.period.span)
    .help(msg!(
        lang,
        "thêm `issued:` (NĂM-THÁNG-NGÀY) như ghi ở dòng ngày tháng của văn bản",
        "add `issued:` (YEAR-MONTH-DAY) as printed in the document's date line"
    ));
    // Where the verdict may change, a full plan is warned; an excerpt or summary that does not
    // give the date only gets a note, as for any other absence of the source.
    f = f.level(
        if changes.is_empty() || super::completeness::partial(plan).is_some() {
            Level::Note
        } else {
            Level::Warning
        },
    );
    out.push(f);
}

/// The reforms that take effect after the period's first day and by its last: a body the plan
/// names or the programme expects, the province, and the district level when the plan uses it.
fn changes_within(plan: &CompiledPlan, lang: Lang) -> Vec<String> {
    let (first, last) = (
        Date::first_of_year(plan.start),
        Date::last_of_year(plan.end),
    );
    let within = |until: Date| until >= first && until < last;
    let mut out = body_changes(plan, &within, lang);
    if let Some(p) = plan.province
        && let Some(until) = p.until.filter(|u| within(*u))
    {
        out.push((
            until,
            msg!(
                lang,
                "từ {} không còn đơn vị hành chính {}",
                "from {} {} no longer exists",
                until.next_day().display(lang),
                p.name
            ),
        ));
    }
    if uses_district(plan)
        && let Some(l) = plan
            .reference
            .reforms
            .government_level(TargetLevel::District)
            .filter(|l| within(l.until))
    {
        out.push((
            l.until,
            msg!(
                lang,
                "từ {} không còn {}",
                "from {} there is no {}",
                l.from().display(lang),
                l.name(lang)
            ),
        ));
    }
    out.sort_by_key(|(d, _)| *d);
    out.into_iter().map(|(_, s)| s).collect()
}

/// The bodies the plan names or the programme expects that end within the period: each
/// with its successor, dated.
fn body_changes(
    plan: &CompiledPlan,
    within: &dyn Fn(Date) -> bool,
    lang: Lang,
) -> Vec<(Date, String)> {
    let registry = &plan.reference.agencies;
    let mut out = Vec::new();
    let mut bodies: Vec<&crate::reference::Agency> =
        plan.agencies.iter().filter_map(|a| a.agency).collect();
    if let Some(p) = plan.programme {
        bodies.extend(p.agencies.iter().filter_map(|r| registry.get(&r.agency)));
    }
    bodies.sort_by(|a, b| a.id.cmp(&b.id));
    bodies.dedup_by(|a, b| a.id == b.id);
    for a in bodies {
        let Some(until) = a.until.filter(|u| within(*u)) else {
            continue;
        };
        let successor = a.successor.as_deref().and_then(|s| registry.get(s));
        out.push((
            until,
            match successor {
                Some(s) => msg!(
                    lang,
                    "từ {0} {2} thay {1}",
                    "from {0}, {1} → {2}",
                    until.next_day().display(lang),
                    a.name(lang),
                    s.name(lang)
                ),
                None => msg!(
                    lang,
                    "từ {} không còn {}",
                    "from {} there is no {}",
                    until.next_day().display(lang),
                    a.name(lang)
                ),
            },
        ));
    }
    out
}

/// Whether the plan sets district targets or names a district body.
fn uses_district(plan: &CompiledPlan) -> bool {
    plan.indicators.iter().any(|i| {
        i.targets
            .iter()
            .any(|t| t.level == Some(TargetLevel::District))
    }) || plan
        .agencies
        .iter()
        .filter_map(|a| a.agency)
        .any(|a| plan.reference.reforms.level_of_body(a).is_some())
}
