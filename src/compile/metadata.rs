//! The plan's heading resolved: format version, province, period, issue date and the programme
//! it is checked against.

use super::loc;
use crate::date::{Date, parse_period};
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::model::{Meta, PlanFile};
use crate::msg;
use crate::reference::{Programme, Province, Reference};
use crate::rules::Rule;
use crate::source::Span;
use crate::text::{did_you_mean, nfc};

/// Why a period cannot be read, and how to write it: (message, help).
pub fn period_problem(text: &str, lang: Lang) -> (String, String) {
    let years: Vec<&str> = text.split(['-', '–', '—']).map(str::trim).collect();
    if let [a, b] = years[..]
        && let (Some(a), Some(b)) = (parse_period(a), parse_period(b))
        && a.0 > b.0
    {
        return (
            msg!(
                lang,
                "thời kỳ `{text}`: năm bắt đầu ({}) sau năm kết thúc ({})",
                "period `{text}`: the first year ({}) is after the last ({})",
                a.0,
                b.0
            ),
            msg!(lang, "viết `{}-{}`", "write `{}-{}`", b.0, a.0),
        );
    }
    (
        msg!(
            lang,
            "thời kỳ `{text}` không đọc được",
            "period `{text}` cannot be read"
        ),
        msg!(
            lang,
            "viết một năm (`2024`) hoặc một giai đoạn (`2021-2025`)",
            "write one year (`2024`) or a range (`2021-2025`)"
        ),
    )
}

/// Only `kehoach: 1` exists; any other version is reported, and the plan is read as version 1.
pub(super) fn check_version(doc: &PlanFile, lang: Lang, findings: &mut Vec<Finding>) {
    if doc.kehoach.value != 1 {
        findings.push(
            Finding::new(
                Rule::Schema,
                msg!(
                    lang,
                    "phiên bản định dạng {} không được hỗ trợ",
                    "format version {} is not supported",
                    doc.kehoach.value
                ),
            )
            .at(doc.kehoach.span)
            .help(msg!(
                lang,
                "phiên bản duy nhất hiện có là `kehoach: 1`",
                "the only version is `kehoach: 1`"
            )),
        );
    }
}

pub(super) fn province<'r>(
    meta: &Meta,
    reference: &'r Reference,
    lang: Lang,
    findings: &mut Vec<Finding>,
) -> Option<&'r Province> {
    let province_name = loc(&meta.province);
    let province = reference.provinces.resolve(&province_name.value);
    if province.is_none() {
        let mut f = Finding::new(
            Rule::UnknownProvince,
            msg!(
                lang,
                "không nhận ra tỉnh, thành phố `{}`",
                "unknown province `{}`",
                nfc(&province_name.value)
            ),
        )
        .at(province_name.span);
        if let Some(best) = reference.provinces.suggest(&province_name.value) {
            f = f.help(msg!(
                lang,
                "Có phải ý bạn là `{best}`?",
                "did you mean `{best}`?"
            ));
        }
        findings.push(f);
    }
    province
}

/// The period's first and last year; `(0, 0)` when it cannot be read (and that is reported).
pub(super) fn period(meta: &Meta, lang: Lang, findings: &mut Vec<Finding>) -> (i32, i32) {
    let period = loc(&meta.period);
    parse_period(&period.value).unwrap_or_else(|| {
        let (message, help) = period_problem(&period.value, lang);
        findings.push(
            Finding::new(Rule::Schema, message)
                .at(period.span)
                .help(help),
        );
        (0, 0)
    })
}

pub(super) fn issued(meta: &Meta, lang: Lang, findings: &mut Vec<Finding>) -> Option<Date> {
    meta.issued.as_ref().map(loc).and_then(|d| {
        let parsed = Date::parse(&d.value);
        if parsed.is_none() {
            findings.push(
                Finding::new(
                    Rule::Schema,
                    msg!(
                        lang,
                        "ngày ban hành `{}` không hợp lệ",
                        "issue date `{}` is not a valid date",
                        d.value
                    ),
                )
                .at(d.span)
                .help(msg!(
                    lang,
                    "viết theo dạng NĂM-THÁNG-NGÀY, ví dụ `2024-03-26`",
                    "write it as YEAR-MONTH-DAY, e.g. `2024-03-26`"
                )),
            );
        }
        parsed
    })
}

/// The programme the plan is checked against, and whether it is only a reference (see
/// `CompiledPlan::programme_is_reference`).
pub(super) fn programme<'r>(
    meta: &Meta,
    reference: &'r Reference,
    start: i32,
    date: Date,
    lang: Lang,
    findings: &mut Vec<Finding>,
) -> (Option<&'r Programme>, bool) {
    let mut programme = None;
    for p in &meta.implements {
        let p = loc(p);
        match reference.programme(&p.value) {
            Some(found) => {
                programme.get_or_insert(found);
            }
            None if reference.reforms.legal_basis(&p.value).is_some()
                || is_known_legal_basis(&p.value) => {}
            None => findings.push(unknown_programme(&p.value, p.span, reference, lang)),
        }
    }
    let named = programme.is_some();
    let programme = programme.or_else(|| latest_programme_before(reference, date));
    // A plan that names no programme is still bound by the one that covered its period; only
    // a plan beyond every programme (2026 and later) is compared with the last one for reference.
    let programme_is_reference =
        !named && !programme.is_some_and(|p| covers(reference, p, start, date));
    (programme, programme_is_reference)
}

fn unknown_programme(written: &str, span: Span, reference: &Reference, lang: Lang) -> Finding {
    let names: Vec<&str> = reference
        .programmes
        .iter()
        .flat_map(Programme::names)
        .collect();
    let f = Finding::new(
        Rule::UnknownProgramme,
        msg!(
            lang,
            "không có chương trình `{}` trong dữ liệu",
            "unknown programme `{}`",
            nfc(written)
        ),
    )
    .at(span);
    // An alias is suggested as the programme's id; a document that implements the
    // programme (808/QĐ-LĐTBXH) is suggested as itself.
    let best = did_you_mean(written, names.iter().copied()).map(|n| {
        reference
            .programme(n)
            .filter(|p| !p.implementing.iter().any(|i| i == n))
            .map_or(n, |p| p.id.as_str())
    });
    f.help(match best {
        Some(best) => {
            msg!(lang, "Có phải ý bạn là `{best}`?", "did you mean `{best}`?")
        }
        None => msg!(
            lang,
            "chương trình đã biết: {}",
            "known programmes: {}",
            names.join(", ")
        ),
    })
}

/// Laws and ordinances a plan may cite as its basis; they are not programmes with targets.
fn is_known_legal_basis(name: &str) -> bool {
    let k = crate::text::match_key(name);
    k.contains("pl-ubtvqh") || k.contains("pháp lệnh".nfc_key().as_str())
}

trait NfcKey {
    fn nfc_key(&self) -> String;
}
impl NfcKey for str {
    fn nfc_key(&self) -> String {
        crate::text::match_key(self)
    }
}

/// Whether `p` applied to a plan whose period starts in `start` (or, unread, on `date`).
fn covers(reference: &Reference, p: &Programme, start: i32, date: Date) -> bool {
    let year = if start != 0 { start } else { date.year };
    let ended = reference
        .reforms
        .programme(&p.id)
        .is_some_and(|s| Date::first_of_year(year) > s.until);
    (p.start..=p.end).contains(&year) && !ended
}

/// The most recent programme that had started by `date` (or the earliest one).
fn latest_programme_before(reference: &Reference, date: Date) -> Option<&Programme> {
    reference
        .programmes
        .iter()
        .filter(|p| p.start <= date.year)
        .max_by_key(|p| p.start)
        .or_else(|| reference.programmes.first())
}
