//! Compile: a typed plan document → a plan whose names, numbers and targets are resolved
//! against the reference data. Everything later (rules, reports) reads this, never the YAML.

use crate::date::{Date, parse_period};
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::model::{
    IndicatorEntry, Level, Measure, PlanFile, Role, Target, TargetField, Unclear, read_target,
};
use crate::msg;
use crate::reference::{Agency, NationalIndicator, Programme, Province, Reference};
use crate::rules::Rule;
use crate::source::{Located, SourceFile, Span};
use crate::text::{did_you_mean, nfc, parse_number};

pub struct CompiledPlan<'r> {
    pub source: SourceFile,
    pub doc: PlanFile,
    pub reference: &'r Reference,
    pub province: Option<&'r Province>,
    /// First and last year of the plan's period.
    pub start: i32,
    pub end: i32,
    pub issued: Option<Date>,
    /// The date every time-dependent lookup uses: the issue date, else the period's start.
    pub date: Date,
    /// The programme the plan is checked against.
    pub programme: Option<&'r Programme>,
    /// True when the plan implements no known current programme and is compared with the
    /// most recent one only for reference.
    pub programme_is_reference: bool,
    pub indicators: Vec<CompiledIndicator<'r>>,
    pub agencies: Vec<CompiledAgency<'r>>,
    /// Problems found while compiling (unknown names, unreadable targets, ...).
    pub findings: Vec<Finding>,
}

pub struct CompiledIndicator<'r> {
    /// The national id (`ref`) or the local id.
    pub key: String,
    pub national: Option<&'r NationalIndicator>,
    /// For a local indicator that counts towards a national one.
    pub part_of: Option<String>,
    pub targets: Vec<PlanTarget>,
    pub unit: Option<String>,
    pub denominator: Option<f64>,
    pub text: Option<String>,
    /// The whole entry, and its `ref:`/`id:` value.
    pub span: Span,
    pub key_span: Span,
}

impl CompiledIndicator<'_> {
    /// The figure `text:` states, when no `target:` with a figure has it: the sentence says
    /// something other than the target (`text-disagrees-with-target`), and `render` writes the
    /// target instead. `None` when they agree, or when either has no single figure to compare.
    pub fn text_disagrees(&self) -> Option<Target> {
        let said = read_target(self.text.as_deref()?, None).target;
        let mut figures = self
            .targets
            .iter()
            .map(|t| t.target)
            .filter(|t| !matches!(t, Target::Qualitative { .. }))
            .peekable();
        let disagrees = !matches!(said, Target::Qualitative { .. })
            && figures.peek().is_some()
            && !figures.any(|t| said.same_figure(&t));
        disagrees.then_some(said)
    }
}

#[derive(Clone, Debug)]
pub struct PlanTarget {
    /// `None`: the same target at every level.
    pub level: Option<Level>,
    pub target: Target,
    /// The text as written ("Trên 70%"), NFC.
    pub written: String,
    pub span: Span,
}

pub struct CompiledAgency<'r> {
    /// The name as the plan writes it (NFC).
    pub name: String,
    pub agency: Option<&'r Agency>,
    pub role: Role,
    pub tasks: Vec<String>,
    pub span: Span,
    pub role_span: Option<Span>,
    /// The item of the plan's organisation section this body is named in (0-based); bodies
    /// named together (`also:`) share it.
    pub item: usize,
}

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

fn loc<T: Clone>(s: &serde_saphyr::Spanned<T>) -> Located<T> {
    Located::new(s.value.clone(), Span::from_location(s.referenced))
}

pub fn compile<'r>(
    source: SourceFile,
    doc: PlanFile,
    reference: &'r Reference,
    lang: Lang,
) -> CompiledPlan<'r> {
    let mut findings = Vec::new();
    let meta = &doc.plan.value;
    let plan_span = Span::from_location(doc.plan.referenced);

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
            .at(Span::from_location(doc.kehoach.referenced))
            .help(msg!(
                lang,
                "phiên bản duy nhất hiện có là `kehoach: 1`",
                "the only version is `kehoach: 1`"
            )),
        );
    }

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

    let period = loc(&meta.period);
    let (start, end) = parse_period(&period.value).unwrap_or_else(|| {
        let (message, help) = period_problem(&period.value, lang);
        findings.push(
            Finding::new(Rule::Schema, message)
                .at(period.span)
                .help(help),
        );
        (0, 0)
    });

    let issued = meta.issued.as_ref().map(loc).and_then(|d| {
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
    });
    let date = issued.unwrap_or(Date::first_of_year(start));

    let mut programme = None;
    for p in &meta.implements {
        let p = loc(p);
        match reference.programme(&p.value) {
            Some(found) => {
                programme.get_or_insert(found);
            }
            None if reference.reforms.legal_basis(&p.value).is_some()
                || is_known_legal_basis(&p.value) => {}
            None => {
                let names: Vec<&str> = reference
                    .programmes
                    .iter()
                    .flat_map(Programme::names)
                    .collect();
                let mut f = Finding::new(
                    Rule::UnknownProgramme,
                    msg!(
                        lang,
                        "không có chương trình `{}` trong dữ liệu",
                        "unknown programme `{}`",
                        nfc(&p.value)
                    ),
                )
                .at(p.span);
                // An alias is suggested as the programme's id; a document that implements the
                // programme (808/QĐ-LĐTBXH) is suggested as itself.
                let best = did_you_mean(&p.value, names.iter().copied()).map(|n| {
                    reference
                        .programme(n)
                        .filter(|p| !p.implementing.iter().any(|i| i == n))
                        .map_or(n, |p| p.id.as_str())
                });
                f = f.help(match best {
                    Some(best) => {
                        msg!(lang, "Có phải ý bạn là `{best}`?", "did you mean `{best}`?")
                    }
                    None => msg!(
                        lang,
                        "chương trình đã biết: {}",
                        "known programmes: {}",
                        names.join(", ")
                    ),
                });
                findings.push(f);
            }
        }
    }
    let named = programme.is_some();
    let programme = programme.or_else(|| latest_programme_before(reference, date));
    // A plan that names no programme is still bound by the one that covered its period; only
    // a plan beyond every programme (2026 and later) is compared with the last one for reference.
    let programme_is_reference =
        !named && !programme.is_some_and(|p| covers(reference, p, start, date));

    let indicators = compile_indicators(&source, &doc, programme, lang, &mut findings);
    let agencies = compile_agencies(&doc, reference, province, lang, &mut findings);
    let _ = plan_span;

    CompiledPlan {
        source,
        doc,
        reference,
        province,
        start,
        end,
        issued,
        date,
        programme,
        programme_is_reference,
        indicators,
        agencies,
        findings,
    }
}

/// The text of a plain scalar as written in the source.
fn raw_scalar(source: &SourceFile, span: Span) -> String {
    source
        .text
        .get(span.offset..span.offset + span.len)
        .unwrap_or("")
        .trim()
        .to_string()
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

fn compile_indicators<'r>(
    source: &SourceFile,
    doc: &PlanFile,
    programme: Option<&'r Programme>,
    lang: Lang,
    findings: &mut Vec<Finding>,
) -> Vec<CompiledIndicator<'r>> {
    let Some(entries) = &doc.indicators else {
        return Vec::new();
    };
    let mut out: Vec<CompiledIndicator<'r>> = Vec::new();
    for entry in &entries.value {
        let span = Span::from_location(entry.referenced);
        if let Some(ind) = compile_indicator(source, &entry.value, span, programme, lang, findings)
        {
            if let Some(first) = out.iter().find(|o| o.key == ind.key) {
                findings.push(
                    Finding::new(Rule::DuplicateIndicator, msg!(lang, "chỉ tiêu `{}` đã được khai báo ở dòng {}", "indicator `{}` is already declared on line {}", ind.key, first.key_span.line))
                        .at(ind.key_span)
                        .label(msg!(lang, "khai báo lần hai", "declared again"))
                        .help(msg!(lang, "gộp hai mục thành một, hoặc ghi chỉ tiêu theo cấp: `target: {{ province: ..., district: ... }}`", "merge the two entries, or give per-level targets: `target: {{ province: ..., district: ... }}`"))
                        .indicator(&ind.key),
                );
                continue;
            }
            out.push(ind);
        }
    }
    out
}

fn compile_indicator<'r>(
    source: &SourceFile,
    e: &IndicatorEntry,
    span: Span,
    programme: Option<&'r Programme>,
    lang: Lang,
    findings: &mut Vec<Finding>,
) -> Option<CompiledIndicator<'r>> {
    let (key, national) = match (&e.reference, &e.id) {
        (Some(r), None) => {
            let r = loc(r);
            let national = programme.and_then(|p| p.indicator(r.value.trim()));
            if national.is_none() {
                let ids: Vec<&str> = programme
                    .map(|p| p.indicators.iter().map(|i| i.id.as_str()).collect())
                    .unwrap_or_default();
                let mut f = Finding::new(
                    Rule::UnknownIndicator,
                    msg!(
                        lang,
                        "chương trình không có chỉ tiêu `{}`",
                        "the programme has no indicator `{}`",
                        r.value
                    ),
                )
                .at(r.span)
                .indicator(r.value.trim());
                // `--fix` only when one national id is close: with two, the choice is the officer's.
                if let Some(only) = crate::fix::single_close_match(r.value.trim(), &ids) {
                    f = f.fix(r.span, only);
                }
                f = f.help(match did_you_mean(&r.value, ids.iter().copied()) {
                    Some(best) => msg!(lang, "Có phải ý bạn là `{best}`? Chỉ tiêu riêng của địa phương thì dùng `id:` thay cho `ref:`", "did you mean `{best}`? For a local indicator use `id:` instead of `ref:`"),
                    None => msg!(lang, "chỉ tiêu riêng của địa phương thì dùng `id:` thay cho `ref:`; danh sách chỉ tiêu: `kehoach schema`", "for a local indicator use `id:` instead of `ref:`; list the national ones with `kehoach schema`"),
                });
                findings.push(f);
                return None;
            }
            (Located::new(r.value.trim().to_string(), r.span), national)
        }
        (None, Some(id)) => (loc(id), None),
        (Some(r), Some(_)) => {
            findings.push(
                Finding::new(
                    Rule::Schema,
                    msg!(
                        lang,
                        "một chỉ tiêu có `ref:` hoặc `id:`, không có cả hai",
                        "an indicator has `ref:` or `id:`, not both"
                    ),
                )
                .at(Span::from_location(r.referenced))
                .help(msg!(
                    lang,
                    "`ref:` trỏ tới chỉ tiêu quốc gia; `id:` đặt tên chỉ tiêu riêng của địa phương",
                    "`ref:` points at a national indicator; `id:` names a local one"
                )),
            );
            return None;
        }
        (None, None) => {
            findings.push(
                Finding::new(
                    Rule::Schema,
                    msg!(
                        lang,
                        "chỉ tiêu thiếu `ref:` (chỉ tiêu quốc gia) hoặc `id:` (chỉ tiêu riêng)",
                        "indicator lacks `ref:` (national) or `id:` (local)"
                    ),
                )
                .at(span),
            );
            return None;
        }
    };

    let mut targets = Vec::new();
    let expect = national
        .and_then(|n| n.targets.first())
        .and_then(|(_, t)| Measure::from_key(t.measure()));
    let mut read = |written: Located<String>, level: Option<Level>, findings: &mut Vec<Finding>| {
        let text = nfc(&written.value);
        // Every wording has a reading: a qualitative target says why it has no figure.
        let reading = read_target(&text, expect);
        if let Some(why) = reading.target.impossibility(lang) {
            findings.push(
                Finding::new(
                    Rule::ImpossibleTarget,
                    msg!(
                        lang,
                        "chỉ tiêu `{}` không thể đạt được: {}",
                        "target `{}` cannot be met: {}",
                        text,
                        why
                    ),
                )
                .at(written.span)
                .label(why)
                .indicator(&key.value),
            );
            return;
        }
        if reading.in_sentence {
            findings.push(sentence_finding(
                &text,
                &reading.target,
                written.span,
                &key.value,
                lang,
            ));
        }
        targets.push(PlanTarget {
            level,
            target: reading.target,
            written: text,
            span: written.span,
        });
    };
    match &e.target {
        Some(t) => {
            let span = Span::from_location(t.referenced);
            match &t.value {
                TargetField::Text(text) => read(Located::new(text.clone(), span), None, findings),
                TargetField::Number => {
                    read(Located::new(raw_scalar(source, span), span), None, findings)
                }
                TargetField::ByLevel(levels) => {
                    for (k, v) in levels {
                        let k = loc(k);
                        match Level::ALL.into_iter().find(|l| l.key() == k.value.trim()) {
                            Some(level) => read(loc(v), Some(level), findings),
                            None => {
                                let keys = Level::ALL.map(Level::key);
                                let mut f = Finding::new(
                                    Rule::Schema,
                                    msg!(
                                        lang,
                                        "cấp không hợp lệ `{}`",
                                        "unknown level `{}`",
                                        k.value
                                    ),
                                )
                                .at(k.span)
                                .indicator(&key.value);
                                f = f.help(match did_you_mean(&k.value, keys) {
                                    Some(best) => msg!(lang, "Có phải ý bạn là `{best}`? Các cấp: province, district, commune", "did you mean `{best}`? Levels: province, district, commune"),
                                    None => msg!(lang, "các cấp: province (tỉnh), district (huyện), commune (xã)", "levels: province, district, commune"),
                                });
                                findings.push(f);
                            }
                        }
                    }
                }
            }
        }
        // A source cut mid-sentence names the indicator and no target: nothing to compare,
        // which the verdict says (not-comparable), not a malformed file.
        None => targets.push(PlanTarget {
            level: None,
            target: Target::Qualitative {
                why: Unclear::NotStated,
            },
            written: String::new(),
            span: key.span,
        }),
    }

    let denominator = e.denominator.as_ref().map(loc).and_then(|d| {
        let v = parse_number(&d.value).filter(|v| *v > 0.0);
        if v.is_none() {
            findings.push(
                Finding::new(
                    Rule::Schema,
                    msg!(
                        lang,
                        "mẫu số `{}` phải là một số dương",
                        "denominator `{}` must be a positive number",
                        d.value
                    ),
                )
                .at(d.span)
                .indicator(&key.value),
            );
        }
        v
    });

    let part_of = e.part_of.as_ref().map(loc).and_then(|p| {
        let known = programme.is_some_and(|pr| pr.indicator(&p.value).is_some());
        if !known {
            findings.push(
                Finding::new(
                    Rule::UnknownIndicator,
                    msg!(
                        lang,
                        "`part_of` trỏ tới chỉ tiêu không có: `{}`",
                        "`part_of` names no national indicator: `{}`",
                        p.value
                    ),
                )
                .at(p.span)
                .indicator(&p.value),
            );
        }
        known.then_some(p.value)
    });

    Some(CompiledIndicator {
        key: key.value,
        national,
        part_of,
        targets,
        unit: e.unit.as_deref().map(nfc),
        denominator,
        text: e.text.as_deref().map(nfc),
        span,
        key_span: key.span,
    })
}

/// A target written as a sentence: its figure is read, and the sentence belongs in `text:`.
fn sentence_finding(text: &str, target: &Target, span: Span, key: &str, lang: Lang) -> Finding {
    let syntax = crate::model::plan_syntax(target);
    Finding::new(
        Rule::TargetInSentence,
        msg!(
            lang,
            "{key}: chỉ tiêu được viết thành một câu; kehoach đọc được con số {}",
            "{key}: the target is written as a sentence; kehoach reads its figure as {}",
            target.display(lang)
        ),
    )
    .at(span)
    .label(msg!(lang, "đọc là {}", "read as {}", target.display(lang)))
    .indicator(key)
    .help(msg!(
        lang,
        "ghi `target: \"{syntax}\"` và chuyển câu sang `text:` (câu văn sẽ được in trong văn bản): `text: \"{text}\"`",
        "write `target: \"{syntax}\"` and move the sentence to `text:` (the wording the document prints): `text: \"{text}\"`"
    ))
}

fn compile_agencies<'r>(
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
                role_span: r
                    .value
                    .role
                    .as_ref()
                    .filter(|_| k == 0)
                    .map(|r| Span::from_location(r.referenced)),
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
