//! The semantic diff of two versions of a plan (`kehoach diff OLD NEW`): what a reviewer
//! needs to know, not what a text diff shows. Values are compared after normalisation
//! (NFC, runs of whitespace collapsed) and targets by meaning (`verdict::compare`), so
//! reordered keys, reflowed strings and "Ít nhất 70%" for ">= 70%" are no change. Lists
//! whose order carries no meaning (recipients, task items, objectives) are compared as sets.

use super::structured::{self, TargetData};
use crate::compile::{CompiledIndicator, CompiledPlan, PlanTarget};
use crate::i18n::Lang;
use crate::model::{Level, Words, display_targets, short_level};
use crate::msg;
use crate::reference::{Binds, NationalIndicator};
use crate::report::grid::{Cell, Grid, Report, Tone};
use crate::text::match_key;
use crate::verdict::{Verdict, compare, judge};
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Section {
    Metadata,
    Purpose,
    Requirements,
    Objectives,
    Indicators,
    Tasks,
    Budget,
    Agencies,
    Reporting,
    Waivers,
}

impl Section {
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Section::Metadata, Lang::Vi) => "thông tin chung",
            (Section::Purpose, Lang::Vi) => "mục đích",
            (Section::Requirements, Lang::Vi) => "yêu cầu",
            (Section::Objectives, Lang::Vi) => "mục tiêu",
            (Section::Indicators, Lang::Vi) => "chỉ tiêu",
            (Section::Tasks, Lang::Vi) => "nhiệm vụ, giải pháp",
            (Section::Budget, Lang::Vi) => "kinh phí",
            (Section::Agencies, Lang::Vi) => "tổ chức thực hiện",
            (Section::Reporting, Lang::Vi) => "chế độ báo cáo",
            (Section::Waivers, Lang::Vi) => "miễn trừ",
            (Section::Metadata, Lang::En) => "metadata",
            (Section::Purpose, Lang::En) => "purpose",
            (Section::Requirements, Lang::En) => "requirements",
            (Section::Objectives, Lang::En) => "objectives",
            (Section::Indicators, Lang::En) => "indicators",
            (Section::Tasks, Lang::En) => "tasks",
            (Section::Budget, Lang::En) => "budget",
            (Section::Agencies, Lang::En) => "agencies",
            (Section::Reporting, Lang::En) => "reporting",
            (Section::Waivers, Lang::En) => "waivers",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Added,
    Removed,
    Changed,
    Raised,
    Lowered,
    /// The target now measures something else (a share instead of a yearly rise).
    Remeasured,
    RoleChanged,
}

impl Kind {
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Kind::Added, Lang::Vi) => "thêm",
            (Kind::Removed, Lang::Vi) => "bỏ",
            (Kind::Changed, Lang::Vi) => "sửa",
            (Kind::Raised, Lang::Vi) => "nâng",
            (Kind::Lowered, Lang::Vi) => "hạ",
            (Kind::Remeasured, Lang::Vi) => "đổi cách đo",
            (Kind::RoleChanged, Lang::Vi) => "đổi vai trò",
            (Kind::Added, Lang::En) => "added",
            (Kind::Removed, Lang::En) => "removed",
            (Kind::Changed, Lang::En) => "changed",
            (Kind::Raised, Lang::En) => "raised",
            (Kind::Lowered, Lang::En) => "lowered",
            (Kind::Remeasured, Lang::En) => "measure changed",
            (Kind::RoleChanged, Lang::En) => "role changed",
        }
    }

    fn tone(self) -> Tone {
        match self {
            Kind::Raised => Tone::Stronger,
            Kind::Lowered => Tone::Weaker,
            Kind::Remeasured => Tone::NotComparable,
            Kind::Removed => Tone::Missing,
            _ => Tone::Plain,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Crossing {
    /// Was at or above the national floor, now below it.
    FallsBelow,
    /// Was below the national floor, now at or above it.
    NowMeets,
}

/// How the indicator stands against the national target before and after the change.
#[derive(Clone, Debug, Serialize)]
pub struct Floor {
    pub national: String,
    pub before: Verdict,
    pub after: Verdict,
    pub crossing: Option<Crossing>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Change {
    pub section: Section,
    pub item: String,
    pub kind: Kind,
    pub before: Option<String>,
    pub after: Option<String>,
    /// For a target: `before` and `after` as data (views/structured.rs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before_targets: Option<Vec<super::structured::TargetData>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after_targets: Option<Vec<super::structured::TargetData>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub floor: Option<Floor>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Changes {
    pub old: String,
    pub new: String,
    pub changes: Vec<Change>,
}

/// The form two strings are compared in: NFC, whitespace runs collapsed, trimmed.
pub fn normalise(s: &str) -> String {
    let nfc: String = s.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The form two wordings are compared in: as [`normalise`], in lower case, without the
/// punctuation that closes it. A document writes a list item with its "." or ";" and a
/// signer's title in capitals; the plan file need not, and neither is a change of substance.
fn wording_key(s: &str) -> String {
    normalise(s)
        .to_lowercase()
        .trim_end_matches(|c: char| matches!(c, '.' | ';' | ',' | ':') || c.is_whitespace())
        .to_string()
}

/// Whether two wordings say the same words (see [`wording_key`]).
pub fn same_words(a: &str, b: &str) -> bool {
    wording_key(a) == wording_key(b)
}

struct Out {
    lang: Lang,
    changes: Vec<Change>,
}

impl Out {
    fn push(
        &mut self,
        section: Section,
        item: impl Into<String>,
        kind: Kind,
        before: Option<String>,
        after: Option<String>,
    ) {
        let item = item.into();
        let item = match field_label(&item, self.lang) {
            Some(label) => label.to_string(),
            None => item,
        };
        self.changes.push(Change {
            section,
            item,
            kind,
            before,
            after,
            before_targets: None,
            after_targets: None,
            floor: None,
        });
    }

    /// A single value: added, removed or changed.
    fn field(&mut self, section: Section, item: &str, old: Option<String>, new: Option<String>) {
        let old = old.map(|s| normalise(&s)).filter(|s| !s.is_empty());
        let new = new.map(|s| normalise(&s)).filter(|s| !s.is_empty());
        match (old, new) {
            (Some(a), None) => self.push(section, item, Kind::Removed, Some(a), None),
            (None, Some(b)) => self.push(section, item, Kind::Added, None, Some(b)),
            (Some(a), Some(b)) if !same_words(&a, &b) => {
                self.push(section, item, Kind::Changed, Some(a), Some(b))
            }
            _ => {}
        }
    }

    /// A list whose order carries no meaning: items removed, then items added.
    fn set<'a>(
        &mut self,
        section: Section,
        item: &str,
        old: impl IntoIterator<Item = &'a str>,
        new: impl IntoIterator<Item = &'a str>,
    ) {
        let old: Vec<String> = old.into_iter().map(normalise).collect();
        let new: Vec<String> = new.into_iter().map(normalise).collect();
        let in_list = |s: &str, list: &[String]| list.iter().any(|x| same_words(x, s));
        for o in old.iter().filter(|o| !in_list(o, &new)) {
            self.push(section, item, Kind::Removed, Some(o.clone()), None);
        }
        for n in new.iter().filter(|n| !in_list(n, &old)) {
            self.push(section, item, Kind::Added, None, Some(n.clone()));
        }
    }
}

/// A YAML key as the diff names it: in Vietnamese, the term of an administrative document
/// ("số hiệu", "ngày ban hành", "kỳ báo cáo"); in English, the key itself.
fn field_label(key: &str, lang: Lang) -> Option<&'static str> {
    const VI: &[(&str, &str)] = &[
        ("number", "số hiệu"),
        ("kind", "loại văn bản"),
        ("title", "trích yếu"),
        ("issuer", "cơ quan ban hành"),
        ("province", "tỉnh, thành phố"),
        ("district", "huyện"),
        ("place", "địa danh"),
        ("issued", "ngày ban hành"),
        ("period", "thời kỳ"),
        ("implements", "chương trình thực hiện"),
        ("basis", "căn cứ"),
        ("parent", "kế hoạch cấp trên"),
        ("previous", "kế hoạch năm trước"),
        ("signer", "người ký"),
        ("recipients", "nơi nhận"),
        ("purpose", "mục đích"),
        ("requirements", "yêu cầu"),
        ("objectives", "mục tiêu"),
        ("budget", "kinh phí"),
        ("waivers", "miễn trừ"),
        ("every", "kỳ báo cáo"),
        ("to", "nơi nhận báo cáo"),
        ("text", "nguyên văn"),
        ("denominator", "mẫu số"),
        ("unit", "đơn vị"),
        ("part_of", "thuộc chỉ tiêu"),
        ("name", "tên"),
    ];
    match lang {
        Lang::En => None,
        Lang::Vi => VI.iter().find(|(k, _)| *k == key).map(|(_, v)| *v),
    }
}

/// "key (what)": a part of an item, the part named in the reader's language.
fn part(item: &str, what: &'static str, lang: Lang) -> String {
    format!("{item} ({})", field_label(what, lang).unwrap_or(what))
}

/// An indicator as the diff names it: in Vietnamese, a national one by its short name with the
/// id after it (“Lao động khu công nghiệp” (industrial-workers)); otherwise by its id, which
/// English readers and scripts reading the JSON know it by.
fn indicator_label(ind: &CompiledIndicator, lang: Lang) -> String {
    match (ind.national, lang) {
        (Some(n), Lang::Vi) => format!("“{}” ({})", n.short(lang), ind.key),
        _ => ind.key.clone(),
    }
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

fn text_of(s: &Option<crate::model::S<String>>) -> Option<String> {
    s.as_ref().map(|v| v.value.clone())
}

fn targets_of(ind: &CompiledIndicator, lang: Lang) -> String {
    display_targets(ind.targets.iter().map(|t| (t.level, &t.target)), lang)
}

fn binding(n: Option<&NationalIndicator>) -> Option<&NationalIndicator> {
    n.filter(|n| n.binds == Binds::Province)
}

pub fn build(old: &CompiledPlan, new: &CompiledPlan, lang: Lang) -> Changes {
    let mut out = Out {
        lang,
        changes: Vec::new(),
    };
    metadata(&mut out, old, new);
    let (o, n) = (&old.doc, &new.doc);
    out.set(
        Section::Purpose,
        "purpose",
        strs(&o.purpose),
        strs(&n.purpose),
    );
    out.set(
        Section::Requirements,
        "requirements",
        strs(&o.requirements),
        strs(&n.requirements),
    );
    out.set(
        Section::Objectives,
        "objectives",
        strs(&o.objectives),
        strs(&n.objectives),
    );
    indicators(&mut out, old, new);
    tasks(&mut out, old, new);
    out.field(
        Section::Budget,
        "budget",
        text_of(&o.budget),
        text_of(&n.budget),
    );
    agencies(&mut out, old, new);
    reporting(&mut out, old, new);
    let waivers = |p: &CompiledPlan| -> Vec<String> {
        p.doc
            .waivers
            .iter()
            .map(|w| {
                let w = &w.value;
                let on = w
                    .reference
                    .as_ref()
                    .or(w.agency.as_ref())
                    .map(|s| s.value.as_str())
                    .unwrap_or("");
                let reason = w.reason.as_ref().map(|r| r.value.as_str()).unwrap_or("");
                format!("{} {on}: {reason}", w.rule.value)
            })
            .collect()
    };
    let (wo, wn) = (waivers(old), waivers(new));
    out.set(
        Section::Waivers,
        "waivers",
        wo.iter().map(String::as_str),
        wn.iter().map(String::as_str),
    );
    Changes {
        old: old.source.name.clone(),
        new: new.source.name.clone(),
        changes: out.changes,
    }
}

fn metadata(out: &mut Out, old: &CompiledPlan, new: &CompiledPlan) {
    identity(out, old, new);
    dates(out, old, new);
    citations(out, old, new);
    // `source` (where the file was transcribed from) is not compared: it describes the
    // file, not the plan, and a plan read back from its own document names another file.
}

/// What the document is and who issues it: number, kind, title, issuer, province, district,
/// place.
fn identity(out: &mut Out, old: &CompiledPlan, new: &CompiledPlan) {
    let (o, n) = (&old.doc.plan.value, &new.doc.plan.value);
    let s = Section::Metadata;
    out.field(s, "number", text_of(&o.number), text_of(&n.number));
    let kind = |k: &Option<crate::model::S<crate::model::DocKind>>| {
        k.as_ref().map(|k| {
            match k.value {
                crate::model::DocKind::KeHoach => out.lang.pick("kế hoạch", "ke-hoach"),
                crate::model::DocKind::QuyetDinh => out.lang.pick("quyết định", "quyet-dinh"),
            }
            .to_string()
        })
    };
    out.field(s, "kind", kind(&o.kind), kind(&n.kind));
    out.field(s, "title", text_of(&o.title), text_of(&n.title));
    out.field(s, "issuer", text_of(&o.issuer), text_of(&n.issuer));
    // The same province however it is spelled ("Nghệ An", "tỉnh Nghệ An").
    let same_province = match (old.province, new.province) {
        (Some(a), Some(b)) => a.id == b.id,
        _ => normalise(&o.province.value) == normalise(&n.province.value),
    };
    if !same_province {
        out.push(
            s,
            "province",
            Kind::Changed,
            Some(normalise(&o.province.value)),
            Some(normalise(&n.province.value)),
        );
    }
    out.field(s, "district", text_of(&o.district), text_of(&n.district));
    out.field(s, "place", place_of(old), place_of(new));
}

/// The issue date and the period, compared as dates and years.
fn dates(out: &mut Out, old: &CompiledPlan, new: &CompiledPlan) {
    let (o, n) = (&old.doc.plan.value, &new.doc.plan.value);
    let s = Section::Metadata;
    match (old.issued, new.issued) {
        (Some(a), Some(b)) if a == b => {}
        (Some(a), Some(b)) => out.push(
            s,
            "issued",
            Kind::Changed,
            Some(a.to_string()),
            Some(b.to_string()),
        ),
        _ => out.field(s, "issued", text_of(&o.issued), text_of(&n.issued)),
    }
    if (old.start, old.end) != (new.start, new.end) || old.start == 0 {
        out.field(
            s,
            "period",
            Some(super::period(old)),
            Some(super::period(new)),
        );
    }
}

/// What the plan cites and links to, who signs it and who receives it.
fn citations(out: &mut Out, old: &CompiledPlan, new: &CompiledPlan) {
    let (o, n) = (&old.doc.plan.value, &new.doc.plan.value);
    let s = Section::Metadata;
    let vals =
        |v: &Vec<crate::model::S<String>>| v.iter().map(|x| x.value.clone()).collect::<Vec<_>>();
    let (io, inn) = (vals(&o.implements), vals(&n.implements));
    out.set(
        s,
        "implements",
        io.iter().map(String::as_str),
        inn.iter().map(String::as_str),
    );
    let (bo, bn) = (vals(&o.basis), vals(&n.basis));
    out.set(
        s,
        "basis",
        bo.iter().map(String::as_str),
        bn.iter().map(String::as_str),
    );
    out.field(s, "parent", text_of(&o.parent), text_of(&n.parent));
    out.field(s, "previous", text_of(&o.previous), text_of(&n.previous));
    let signer = |p: &crate::model::Meta| {
        p.signer.as_ref().map(|x| match &x.title {
            Some(t) => format!("{} ({t})", x.name),
            None => x.name.clone(),
        })
    };
    out.field(s, "signer", signer(o), signer(n));
    out.set(
        s,
        "recipients",
        o.recipients.iter().map(String::as_str),
        n.recipients.iter().map(String::as_str),
    );
}

/// The place in the date line: the plan's own, else its province's name, which is what a
/// document without one is dated from (render writes it so).
fn place_of(plan: &CompiledPlan) -> Option<String> {
    let meta = &plan.doc.plan.value;
    text_of(&meta.place)
        .or_else(|| plan.province.map(|p| p.name.clone()))
        .or_else(|| Some(meta.province.value.clone()))
}

/// The levels two indicators are compared at: each level either names, or `None` alone.
fn level_keys(a: &CompiledIndicator, b: &CompiledIndicator) -> Vec<Option<Level>> {
    let named: Vec<Level> = Level::ALL
        .into_iter()
        .filter(|l| {
            a.targets
                .iter()
                .chain(&b.targets)
                .any(|t| t.level == Some(*l))
        })
        .collect();
    if named.is_empty() {
        vec![None]
    } else {
        named.into_iter().map(Some).collect()
    }
}

/// A qualitative target: the plan's words, no figure.
fn is_words(t: &PlanTarget) -> bool {
    matches!(t.target, crate::model::Target::Qualitative { .. })
}

/// The target that applies at `level`: the level's own, else the one for every level.
fn target_at<'a>(ind: &'a CompiledIndicator, level: Option<Level>) -> Option<&'a PlanTarget> {
    match level {
        None => ind.targets.iter().find(|t| t.level.is_none()),
        Some(l) => ind
            .targets
            .iter()
            .find(|t| t.level == Some(l))
            .or_else(|| ind.targets.iter().find(|t| t.level.is_none())),
    }
}

fn verdict_of(n: Option<&NationalIndicator>, ind: Option<&CompiledIndicator>) -> Option<Verdict> {
    let n = binding(n)?;
    Some(match ind {
        Some(i) => judge(n, i).verdict,
        None => Verdict::Missing,
    })
}

fn floor(national: &NationalIndicator, before: Verdict, after: Verdict, lang: Lang) -> Floor {
    let below = |v: Verdict| v == Verdict::Weaker;
    let meets = |v: Verdict| matches!(v, Verdict::Equal | Verdict::Stronger);
    let crossing = if below(after) && !below(before) {
        Some(Crossing::FallsBelow)
    } else if below(before) && meets(after) {
        Some(Crossing::NowMeets)
    } else {
        None
    };
    Floor {
        national: national.target_display(lang),
        before,
        after,
        crossing,
    }
}

impl Out {
    /// Gives the change just pushed its targets as data.
    fn targets(&mut self, before: Option<Vec<TargetData>>, after: Option<Vec<TargetData>>) {
        let c = self.changes.last_mut().expect("just pushed");
        c.before_targets = before;
        c.after_targets = after;
    }
}

fn indicators(out: &mut Out, old: &CompiledPlan, new: &CompiledPlan) {
    for o in &old.indicators {
        match new.indicators.iter().find(|n| n.key == o.key) {
            None => indicator_gone(out, o),
            Some(n) => {
                let first = out.changes.len();
                indicator_targets(out, o, n);
                indicator_parts(out, o, n);
                indicator_floor(out, o, n, first);
            }
        }
    }
    for n in &new.indicators {
        if !old.indicators.iter().any(|o| o.key == n.key) {
            indicator_new(out, n);
        }
    }
}

/// An indicator the new plan no longer has, with where it stood against the national floor.
fn indicator_gone(out: &mut Out, o: &CompiledIndicator) {
    let lang = out.lang;
    out.push(
        Section::Indicators,
        indicator_label(o, lang),
        Kind::Removed,
        Some(targets_of(o, lang)),
        None,
    );
    out.targets(Some(structured::of_indicator(o, lang)), None);
    if let (Some(nat), Some(before)) = (binding(o.national), verdict_of(o.national, Some(o))) {
        let f = floor(nat, before, Verdict::Missing, lang);
        out.changes.last_mut().expect("just pushed").floor = Some(f);
    }
}

/// An indicator only the new plan has, with where it stands against the national floor.
fn indicator_new(out: &mut Out, n: &CompiledIndicator) {
    let lang = out.lang;
    out.push(
        Section::Indicators,
        indicator_label(n, lang),
        Kind::Added,
        None,
        Some(targets_of(n, lang)),
    );
    out.targets(None, Some(structured::of_indicator(n, lang)));
    if let (Some(nat), Some(after)) = (binding(n.national), verdict_of(n.national, Some(n))) {
        let f = floor(nat, Verdict::Missing, after, lang);
        out.changes.last_mut().expect("just pushed").floor = Some(f);
    }
}

/// The targets of an indicator both plans have, level by level, compared by meaning.
fn indicator_targets(out: &mut Out, o: &CompiledIndicator, n: &CompiledIndicator) {
    let lang = out.lang;
    let s = Section::Indicators;
    for level in level_keys(o, n) {
        let item = match level {
            Some(l) => format!("{}, {}", indicator_label(o, lang), short_level(l, lang)),
            None => indicator_label(o, lang),
        };
        let show = |t: Option<&PlanTarget>| t.map(|t| t.target.display(lang));
        let data = |t: &PlanTarget, i: &CompiledIndicator| {
            Some(vec![structured::target(
                t.level,
                &t.target,
                i.unit.as_deref(),
                lang,
            )])
        };
        match (target_at(o, level), target_at(n, level)) {
            (None, None) => {}
            (Some(a), None) => {
                out.push(s, item, Kind::Removed, show(Some(a)), None);
                out.targets(data(a, o), None);
            }
            (None, Some(b)) => {
                out.push(s, item, Kind::Added, None, show(Some(b)));
                out.targets(None, data(b, n));
            }
            // Two targets in words: a change only when the words change.
            (Some(a), Some(b)) if is_words(a) && is_words(b) => {
                if crate::text::match_key(&a.written) != crate::text::match_key(&b.written) {
                    let words = |t: &PlanTarget| format!("“{}”", t.written);
                    out.push(s, item, Kind::Remeasured, Some(words(a)), Some(words(b)));
                    out.targets(data(a, o), data(b, n));
                }
            }
            (Some(a), Some(b)) => {
                let kind = match compare(&a.target, &b.target, n.denominator).0 {
                    Verdict::Stronger => Some(Kind::Raised),
                    Verdict::Weaker => Some(Kind::Lowered),
                    Verdict::Equal => None,
                    _ => Some(Kind::Remeasured),
                };
                if let Some(k) = kind {
                    out.push(s, item, k, show(Some(a)), show(Some(b)));
                    out.targets(data(a, o), data(b, n));
                }
            }
        }
    }
}

/// The rest of an indicator both plans have: denominator, unit, part_of, wording.
fn indicator_parts(out: &mut Out, o: &CompiledIndicator, n: &CompiledIndicator) {
    let lang = out.lang;
    let s = Section::Indicators;
    let num = |d: Option<f64>| d.map(crate::text::format_number);
    let item = |f: &'static str| part(&indicator_label(o, lang), f, lang);
    out.field(
        s,
        &item("denominator"),
        num(o.denominator),
        num(n.denominator),
    );
    out.field(s, &item("unit"), o.unit.clone(), n.unit.clone());
    out.field(s, &item("part_of"), o.part_of.clone(), n.part_of.clone());
    // A wording on one side only is not compared when it agrees with its target: it
    // records the sentence the target was read from, and the target is compared above. A
    // plan rendered and read back gains the sentence the document gave for the target.
    let one_sided = |i: &CompiledIndicator| i.text.is_some() && i.text_disagrees().is_none();
    if o.text.is_some() == n.text.is_some() || !(one_sided(o) || one_sided(n)) {
        out.field(s, &item("text"), o.text.clone(), n.text.clone());
    }
}

/// A change of standing against the national floor, on the indicator's first change (from
/// `first`), or as a change of its own when nothing else changed.
fn indicator_floor(out: &mut Out, o: &CompiledIndicator, n: &CompiledIndicator, first: usize) {
    let lang = out.lang;
    let (before, after) = (
        verdict_of(o.national, Some(o)),
        verdict_of(n.national, Some(n)),
    );
    if let (Some(b), Some(a), Some(nat)) = (before, after, binding(n.national))
        && a != b
    {
        let f = floor(nat, b, a, lang);
        match out.changes.get_mut(first) {
            Some(c) => c.floor = Some(f),
            None => {
                out.push(
                    Section::Indicators,
                    indicator_label(o, lang),
                    Kind::Changed,
                    None,
                    None,
                );
                out.changes.last_mut().expect("just pushed").floor = Some(f);
            }
        }
    }
}

fn tasks(out: &mut Out, old: &CompiledPlan, new: &CompiledPlan) {
    let key = |g: &crate::model::TaskGroup| match &g.group {
        Some(id) => id.value.trim().to_string(),
        None => normalise(g.title.as_deref().unwrap_or("")),
    };
    let label = |g: &crate::model::TaskGroup| match (&g.group, &g.title) {
        (Some(id), _) => id.value.trim().to_string(),
        (None, Some(t)) => normalise(t),
        (None, None) => String::new(),
    };
    let s = Section::Tasks;
    for g in &old.doc.tasks {
        match new.doc.tasks.iter().find(|h| key(h) == key(g)) {
            None => out.push(
                s,
                label(g),
                Kind::Removed,
                g.title.clone().map(|t| normalise(&t)),
                None,
            ),
            Some(h) => {
                if g.group.is_some() {
                    out.field(
                        s,
                        &part(&label(g), "title", out.lang),
                        g.title.clone(),
                        h.title.clone(),
                    );
                }
                out.set(
                    s,
                    &label(g),
                    g.items.iter().map(String::as_str),
                    h.items.iter().map(String::as_str),
                );
            }
        }
    }
    for h in &new.doc.tasks {
        if !old.doc.tasks.iter().any(|g| key(g) == key(h)) {
            out.push(
                s,
                label(h),
                Kind::Added,
                None,
                h.title.clone().map(|t| normalise(&t)),
            );
            for item in &h.items {
                out.push(s, label(h), Kind::Added, None, Some(normalise(item)));
            }
        }
    }
}

fn agencies(out: &mut Out, old: &CompiledPlan, new: &CompiledPlan) {
    let lang = out.lang;
    let s = Section::Agencies;
    let key = |a: &crate::compile::CompiledAgency| match a.agency {
        Some(x) => x.id.clone(),
        None => format!("?{}", match_key(&a.name)),
    };
    let mut taken = vec![false; new.agencies.len()];
    let shown = |a: &crate::compile::CompiledAgency| {
        format!("{} ({})", a.name, super::role_name(a.role, lang))
    };
    for a in &old.agencies {
        let found = new
            .agencies
            .iter()
            .enumerate()
            .find(|(i, b)| !taken[*i] && key(b) == key(a));
        let Some((i, b)) = found else {
            out.push(s, &a.name, Kind::Removed, Some(shown(a)), None);
            continue;
        };
        taken[i] = true;
        out.field(
            s,
            &part(&a.name, "name", lang),
            Some(a.name.clone()),
            Some(b.name.clone()),
        );
        if a.role != b.role {
            out.push(
                s,
                &b.name,
                Kind::RoleChanged,
                Some(super::role_name(a.role, lang).to_string()),
                Some(super::role_name(b.role, lang).to_string()),
            );
        }
        out.set(
            s,
            &b.name,
            a.tasks.iter().map(String::as_str),
            b.tasks.iter().map(String::as_str),
        );
    }
    for (b, _) in new.agencies.iter().zip(&taken).filter(|(_, t)| !**t) {
        out.push(s, &b.name, Kind::Added, None, Some(shown(b)));
        for t in &b.tasks {
            out.push(s, &b.name, Kind::Added, None, Some(normalise(t)));
        }
    }
}

fn reporting(out: &mut Out, old: &CompiledPlan, new: &CompiledPlan) {
    let s = Section::Reporting;
    let parts = |p: &CompiledPlan| {
        p.doc.reporting.as_ref().map(|r| {
            let r = &r.value;
            (
                r.every
                    .iter()
                    .map(|e| e.value.word(out.lang))
                    .collect::<Vec<_>>(),
                r.to.iter().map(|t| t.value.clone()).collect::<Vec<_>>(),
                r.text.clone(),
            )
        })
    };
    let (o, n) = (
        parts(old).unwrap_or_default(),
        parts(new).unwrap_or_default(),
    );
    out.set(s, "every", o.0.iter().copied(), n.0.iter().copied());
    out.set(
        s,
        "to",
        o.1.iter().map(String::as_str),
        n.1.iter().map(String::as_str),
    );
    out.field(s, "text", o.2, n.2);
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    pub fn floor_note(f: &Floor, lang: Lang) -> String {
        match f.crossing {
            Some(Crossing::FallsBelow) => msg!(
                lang,
                "nay thấp hơn mức tối thiểu quốc gia {}",
                "now below the national floor of {}",
                f.national
            ),
            Some(Crossing::NowMeets) => msg!(
                lang,
                "nay đạt mức tối thiểu quốc gia {}",
                "now meets the national floor of {}",
                f.national
            ),
            None => msg!(
                lang,
                "so với quốc gia {}: {} {} → {} {}",
                "against the national {}: {} {} → {} {}",
                f.national,
                f.before.mark(),
                f.before.name(lang),
                f.after.mark(),
                f.after.name(lang)
            ),
        }
    }

    pub fn report(&self, lang: Lang) -> Report {
        let mut r = Report::default();
        r.heading(format!("{} → {}", self.old, self.new));
        if self.changes.is_empty() {
            r.text(msg!(
                lang,
                "Không có thay đổi về nội dung.",
                "No change in substance."
            ));
            return r;
        }
        r.text(msg!(
            lang,
            "{} thay đổi.",
            "{} change(s).",
            self.changes.len()
        ));
        let mut g = Grid::new(match lang {
            Lang::Vi => ["Phần", "Mục", "Thay đổi", "Trước", "Sau", "Ghi chú"],
            Lang::En => ["Section", "Item", "Change", "Before", "After", "Note"],
        });
        for c in &self.changes {
            let note = c.floor.as_ref().map(|f| {
                let tone = match f.crossing {
                    Some(Crossing::FallsBelow) => Tone::Weaker,
                    Some(Crossing::NowMeets) => Tone::Stronger,
                    None => f.after.into(),
                };
                Cell::toned(Self::floor_note(f, lang), tone)
            });
            g.row(vec![
                Cell::plain(c.section.name(lang)),
                Cell::plain(&c.item),
                Cell::toned(c.kind.name(lang), c.kind.tone()),
                Cell::plain(c.before.clone().unwrap_or_default()),
                Cell::plain(c.after.clone().unwrap_or_default()),
                note.unwrap_or_else(|| Cell::plain("")),
            ]);
        }
        r.grid(g);
        r
    }
}
