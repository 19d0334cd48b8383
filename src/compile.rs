//! Compile: a typed plan document → a plan whose names, numbers and targets are resolved
//! against the reference data. Everything later (rules, reports) reads this, never the YAML.

use crate::check::Finding;
use crate::date::Date;
use crate::i18n::Lang;
use crate::model::{IndicatorEntry, Level, PlanFile, Role, Target, TargetField};
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

/// `2024` or `2021-2025` (any dash, any spacing) → first and last year.
pub fn parse_period(s: &str) -> Option<(i32, i32)> {
    let s: String = s
        .chars()
        .map(|c| {
            if matches!(c, '–' | '—' | '‐' | '−') {
                '-'
            } else {
                c
            }
        })
        .filter(|c| !c.is_whitespace())
        .collect();
    let year = |y: &str| y.parse::<i32>().ok().filter(|y| (1900..=2200).contains(y));
    match s.split_once('-') {
        None => year(&s).map(|y| (y, y)),
        Some((a, b)) => {
            let (a, b) = (year(a)?, year(b)?);
            (a <= b).then_some((a, b))
        }
    }
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
                "có phải ý bạn là `{best}`?",
                "did you mean `{best}`?"
            ));
        }
        findings.push(f);
    }

    let period = loc(&meta.period);
    let (start, end) = parse_period(&period.value).unwrap_or_else(|| {
        findings.push(
            Finding::new(
                Rule::Schema,
                msg!(
                    lang,
                    "thời kỳ `{}` không đọc được",
                    "period `{}` cannot be read",
                    period.value
                ),
            )
            .at(period.span)
            .help(msg!(
                lang,
                "viết một năm (`2024`) hoặc một giai đoạn (`2021-2025`)",
                "write one year (`2024`) or a range (`2021-2025`)"
            )),
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
                        msg!(lang, "có phải ý bạn là `{best}`?", "did you mean `{best}`?")
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
                f = f.help(match did_you_mean(&r.value, ids.iter().copied()) {
                    Some(best) => msg!(lang, "có phải ý bạn là `{best}`? Chỉ tiêu riêng của địa phương thì dùng `id:` thay cho `ref:`", "did you mean `{best}`? For a local indicator use `id:` instead of `ref:`"),
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
    let mut read = |written: Located<String>, level: Option<Level>, findings: &mut Vec<Finding>| {
        let text = nfc(&written.value);
        match Target::parse(&text) {
            Ok(t) => {
                if let Some(why) = t.impossibility(lang) {
                    findings.push(
                        Finding::new(Rule::ImpossibleTarget, msg!(lang, "chỉ tiêu `{}` không thể đạt được: {}", "target `{}` cannot be met: {}", text, why))
                            .at(written.span)
                            .label(why)
                            .indicator(&key.value),
                    );
                } else {
                    targets.push(PlanTarget { level, target: t, written: text, span: written.span });
                }
            }
            Err(_) => findings.push(
                Finding::new(Rule::Schema, msg!(lang, "không đọc được chỉ tiêu `{}`", "cannot read target `{}`", text))
                    .at(written.span)
                    .indicator(&key.value)
                    .help(msg!(
                        lang,
                        "các dạng hợp lệ: \"ít nhất 70%\", \"trên 70%\", \"100%\", \"3-5%/năm\", \"1/tháng\", \"25.000\" (xem docs/plan-format.md)",
                        "accepted forms: \">= 70%\", \"> 70%\", \"100%\", \"3-5%/năm\", \"1/tháng\", \"25.000\" (see docs/plan-format.md)"
                    )),
            ),
        }
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
                                    Some(best) => msg!(lang, "có phải ý bạn là `{best}`? Các cấp: province, district, commune", "did you mean `{best}`? Levels: province, district, commune"),
                                    None => msg!(lang, "các cấp: province (tỉnh), district (huyện), commune (xã)", "levels: province, district, commune"),
                                });
                                findings.push(f);
                            }
                        }
                    }
                }
            }
        }
        None => findings.push(
            Finding::new(
                Rule::Schema,
                msg!(
                    lang,
                    "chỉ tiêu `{}` chưa có `target:`",
                    "indicator `{}` has no `target:`",
                    key.value
                ),
            )
            .at(key.span)
            .indicator(&key.value),
        ),
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
                findings.push(unknown_agency(&written, name.span, reference, lang));
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
        f = f.help(msg!(
            lang,
            "có phải ý bạn là `{best}`?",
            "did you mean `{best}`?"
        ));
    } else {
        f = f.help(msg!(
            lang,
            "nếu đây là tên đúng của một cơ quan, hãy thêm nó vào schemas/agencies.yaml",
            "if this is the right name of a body, add it to schemas/agencies.yaml"
        ));
    }
    f
}

/// The canonical name of the body whose spelling comes closest to `written`. The same unknown
/// names recur from plan to plan ("UBND các huyện, thành phố"), so answers are kept per
/// thread and registry: across a repository of plans this search was a tenth of the work.
fn suggest_agency(written: &str, reference: &Reference) -> Option<String> {
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
    let best = did_you_mean(written, registry.all_names()).map(|n| {
        registry
            .resolve(n, None)
            .map_or(n, |a| a.name.as_str())
            .to_string()
    });
    SUGGESTIONS.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= MAX_CACHED {
            c.clear();
        }
        c.insert(key, best.clone());
    });
    best
}
