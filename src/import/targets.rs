//! Specific targets: found in a sentence ("Ít nhất 70% …", "Tăng 3 - 5% …", "… ít nhất một
//! tháng một lần", "25.000 người lao động …"), read with the same reader `check` uses
//! ([`Target::parse`]) and matched to a national indicator of the programme by the words
//! they share with its text, `phrases` and `population` (rarer words weigh more).

use super::draft::{Indicator, TargetOut};
use super::segment::plain;
use crate::model::{Cmp, Level, Per, Target};
use crate::reference::{NationalIndicator, Programme};
use crate::text::format_number;
use std::collections::{HashMap, HashSet};

/// A target found in a clause: where it starts, the phrase given to the reader, its value.
#[derive(Clone, Debug)]
struct Found {
    start: usize,
    end: usize,
    target: Target,
    /// Written with a comparator word ("ít nhất", "trên"), not bare.
    explicit: bool,
    unit: Option<String>,
}

/// Counted things: the noun after a head-count, longest first.
const UNITS: [&str; 17] = [
    "học sinh, sinh viên",
    "người bán dâm",
    "người lao động",
    "người dân",
    "huyện/thành phố",
    "huyện, thành phố",
    "học sinh",
    "sinh viên",
    "cán bộ",
    "người",
    "huyện",
    "xã",
    "cơ sở",
    "mô hình",
    "lượt",
    "đợt",
    "lớp",
];

const FREQUENCIES: [(&str, Per); 10] = [
    ("ít nhất một tháng một lần", Per::Month),
    ("ít nhất 1 tháng 1 lần", Per::Month),
    ("một tháng một lần", Per::Month),
    ("mỗi tháng một lần", Per::Month),
    ("1 lần/tháng", Per::Month),
    ("hằng tháng", Per::Month),
    ("hàng tháng", Per::Month),
    ("một quý một lần", Per::Quarter),
    ("hằng quý", Per::Quarter),
    ("hàng quý", Per::Quarter),
];

/// Every target in `clause` (already without parentheses), in order.
fn find(clause: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let lower = clause.to_lowercase();
    for (phrase, per) in FREQUENCIES {
        if let Some(at) = lower.find(phrase) {
            out.push(Found {
                start: at,
                end: at + phrase.len(),
                target: Target::parse(phrase).unwrap_or(Target::Frequency { times: 1.0, per }),
                explicit: true,
                unit: None,
            });
            break;
        }
    }
    let bytes = clause.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit()
            || (i > 0
                && (bytes[i - 1].is_ascii_digit()
                    || bytes[i - 1] == b'/'
                    || bytes[i - 1] == b'.'
                    || bytes[i - 1] == b','))
        {
            i += 1;
            continue;
        }
        let num_end = i + clause[i..]
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(clause.len() - i);
        let num = clause[i..num_end].trim_end_matches(['.', ',']);
        let num_end = i + num.len();
        if let Some(f) = read_at(clause, i, num_end) {
            i = f.end.max(num_end);
            out.push(f);
        } else {
            i = num_end.max(i + 1);
        }
    }
    out.sort_by_key(|f| f.start);
    out
}

/// The words just before `at`, lowercased, for comparators ("ít nhất", "trên", "tăng").
fn before(clause: &str, at: usize, words: usize) -> String {
    let head = &clause[..at];
    let ws: Vec<&str> = head.split_whitespace().collect();
    ws[ws.len().saturating_sub(words)..]
        .join(" ")
        .to_lowercase()
}

fn comparator(prefix: &str) -> (&'static str, bool) {
    for (w, norm) in [
        ("ít nhất", "ít nhất"),
        ("tối thiểu", "ít nhất"),
        ("không dưới", "ít nhất"),
        ("trên", "trên"),
        ("hơn", "trên"),
    ] {
        if prefix.ends_with(w) {
            return (norm, true);
        }
    }
    ("", false)
}

/// A target whose number is clause[start..num_end], if the number is one.
fn read_at(clause: &str, start: usize, num_end: usize) -> Option<Found> {
    let num = &clause[start..num_end];
    let after = &clause[num_end..];
    let after_t = after.trim_start();
    let prefix = before(clause, start, 3);
    if let Some(rest) = after_t.strip_prefix('%') {
        return percent(
            clause,
            start,
            num,
            num_end + (after.len() - rest.len()),
            &prefix,
        );
    }
    // A range "3 - 5%", "3-5%": the first number of it.
    if let Some(r) = after_t.strip_prefix(['-', '–']) {
        let r = r.trim_start();
        let n2_len = r
            .find(|c: char| !(c.is_ascii_digit() || c == ','))
            .unwrap_or(r.len());
        if n2_len > 0 && r[n2_len..].trim_start().starts_with('%') {
            let tail = &r[n2_len..];
            let pct = tail.find('%')? + 1;
            let end = clause.len() - tail.len() + pct;
            let second = &r[..n2_len];
            return growth(clause, start, num, second, end, &prefix);
        }
    }
    // A head-count: a number followed by what is counted, not a year or a date.
    if num.contains(['/', ':'])
        || (num.len() == 4 && (num.starts_with("19") || num.starts_with("20")))
    {
        return None;
    }
    let lower_after = after_t.to_lowercase();
    let unit = UNITS.iter().find(|u| {
        lower_after.starts_with(**u)
            && lower_after[u.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })?;
    if after.starts_with('/') || prefix.ends_with("năm") || prefix.ends_with("số") && num == "1"
    {
        return None;
    }
    let (cmp, explicit) = comparator(&prefix);
    let phrase = format!("{cmp} {num}").trim().to_string();
    let target = Target::parse(&phrase).ok()?;
    let unit_text = after_t[..unit.len()].to_string();
    Some(Found {
        start,
        end: num_end + (after.len() - after_t.len()) + unit.len(),
        target,
        explicit,
        unit: Some(unit_text),
    })
}

fn per_year_after(rest: &str) -> Option<usize> {
    let lower = rest.to_lowercase();
    for s in [
        "/năm",
        " mỗi năm",
        " hằng năm",
        " hàng năm",
        " một năm",
        "/ năm",
    ] {
        if lower.starts_with(s) {
            return Some(s.len());
        }
    }
    None
}

fn percent(clause: &str, start: usize, num: &str, end: usize, prefix: &str) -> Option<Found> {
    // "3% - 5%": a range written with two signs.
    let rest = &clause[end..];
    let rt = rest.trim_start();
    if let Some(r) = rt.strip_prefix(['-', '–']) {
        let r = r.trim_start();
        let n2 = r
            .find(|c: char| !(c.is_ascii_digit() || c == ','))
            .unwrap_or(r.len());
        if n2 > 0 && r[n2..].starts_with('%') {
            let e = clause.len() - r.len() + n2 + 1;
            return growth(clause, start, num, &r[..n2], e, prefix);
        }
    }
    let growing = prefix.ends_with("tăng") || prefix.contains("tăng ");
    let yearly = per_year_after(rest);
    if growing || yearly.is_some() {
        return growth(clause, start, num, num, end, prefix);
    }
    let (cmp, explicit) = comparator(prefix);
    let phrase = format!("{cmp} {num}%").trim().to_string();
    Some(Found {
        start,
        end,
        target: Target::parse(&phrase).ok()?,
        explicit,
        unit: None,
    })
}

fn growth(
    clause: &str,
    start: usize,
    a: &str,
    b: &str,
    end: usize,
    _prefix: &str,
) -> Option<Found> {
    let phrase = if a == b {
        format!("tăng {a}%/năm")
    } else {
        format!("tăng {a} - {b}%/năm")
    };
    let end = end + per_year_after(&clause[end..]).unwrap_or(0);
    Some(Found {
        start,
        end,
        target: Target::parse(&phrase).ok()?,
        explicit: true,
        unit: None,
    })
}

/// The target as the plan file writes it: ">= 70%", "> 50%", "100%", "3-5%/năm", "1/tháng".
fn written(f: &Found) -> String {
    match f.target {
        Target::Percent {
            cmp: Cmp::AtMost | Cmp::Below,
            ..
        }
        | Target::Count {
            cmp: Cmp::AtMost | Cmp::Below,
            ..
        } => crate::model::plan_syntax(&f.target),
        Target::Qualitative { .. } => String::new(),
        Target::Percent { value: 100.0, .. } => "100%".into(),
        Target::Percent {
            cmp: Cmp::AtLeast,
            value,
        } if f.explicit => format!(">= {}%", format_number(value)),
        Target::Percent {
            cmp: Cmp::AtLeast,
            value,
        } => format!("{}%", format_number(value)),
        Target::Percent {
            cmp: Cmp::Above,
            value,
        } => format!("> {}%", format_number(value)),
        Target::Percent {
            cmp: Cmp::Exactly,
            value,
        } => format!("= {}%", format_number(value)),
        Target::Growth { min, max } if min == max => format!("{}%/năm", format_number(min)),
        Target::Growth { min, max } => {
            format!("{}-{}%/năm", format_number(min), format_number(max))
        }
        Target::Frequency { times, per } => format!(
            "{}/{}",
            format_number(times),
            per.word(crate::i18n::Lang::Vi)
        ),
        Target::Count {
            cmp: Cmp::Above,
            value,
        } => format!("> {}", format_number(value)),
        Target::Count { value, .. } if f.explicit => format!(">= {}", format_number(value)),
        Target::Count { value, .. } => format_number(value),
    }
}

/// The levels of government a piece of text names.
fn levels(s: &str) -> Vec<Level> {
    let p = plain(s);
    let mut out = Vec::new();
    if p.contains("cap tinh") {
        out.push(Level::Province);
    }
    if p.contains("cap huyen") || p.contains("quan, huyen") || p.contains("huyen, thi xa") {
        out.push(Level::District);
    }
    if p.contains("cap xa") || p.contains("xa, phuong") {
        out.push(Level::Commune);
    }
    out
}

/// Matching clauses to national indicators by shared word pairs, rarer pairs weighing more.
pub struct Matcher<'a> {
    indicators: Vec<&'a NationalIndicator>,
    profiles: Vec<HashSet<String>>,
    weight: HashMap<String, f64>,
}

fn words(s: &str) -> Vec<String> {
    plain(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .map(String::from)
        .collect()
}

fn pairs(s: &str) -> HashSet<String> {
    let w = words(s);
    w.windows(2).map(|p| format!("{} {}", p[0], p[1])).collect()
}

impl<'a> Matcher<'a> {
    pub fn new(programme: &'a Programme) -> Matcher<'a> {
        let indicators: Vec<&NationalIndicator> = programme.indicators.iter().collect();
        let profiles: Vec<HashSet<String>> = indicators
            .iter()
            .map(|i| {
                let mut p = pairs(&i.text);
                for ph in i.phrases.iter().chain(&i.population) {
                    p.extend(pairs(ph));
                }
                p
            })
            .collect();
        let mut df: HashMap<String, usize> = HashMap::new();
        for p in &profiles {
            for b in p {
                *df.entry(b.clone()).or_default() += 1;
            }
        }
        let n = profiles.len() as f64;
        let weight = df
            .into_iter()
            .map(|(b, d)| (b, ((n + 1.0) / d as f64).ln()))
            .collect();
        Matcher {
            indicators,
            profiles,
            weight,
        }
    }

    fn score(&self, text: &str, i: usize) -> f64 {
        let mine = pairs(text);
        let shared: f64 = mine
            .intersection(&self.profiles[i])
            .map(|b| self.weight.get(b).copied().unwrap_or(0.0))
            .sum();
        let folded = plain(text);
        let phrases: f64 = self.indicators[i]
            .phrases
            .iter()
            .filter(|p| folded.contains(&plain(p)))
            .map(|p| words(p).len() as f64 * 0.5)
            .sum();
        shared + phrases
    }

    /// Whether `folded` has one of the indicator's `phrases` other than its bare population
    /// ("xã, phường, thị trấn" alone does not make a commune-communication target).
    fn names_its_subject(&self, text: &str, folded: &str, i: usize) -> bool {
        let ind = self.indicators[i];
        let population = ind.population.as_deref().map(plain);
        let phrase = ind
            .phrases
            .iter()
            .map(|p| plain(p))
            .any(|p| Some(&p) != population.as_ref() && folded.contains(&p));
        // Or enough shared words besides the population's own.
        let own: HashSet<String> = ind.population.as_deref().map(pairs).unwrap_or_default();
        let beyond: f64 = pairs(text)
            .intersection(&self.profiles[i])
            .filter(|b| !own.contains(*b))
            .map(|b| self.weight.get(b).copied().unwrap_or(0.0))
            .sum();
        phrase || beyond >= THRESHOLD
    }

    /// The best indicator for `text` whose measure can hold `target`, its score, and the
    /// runner-up when it is close.
    fn best(&self, text: &str, target: &Target) -> Option<(usize, f64, Option<usize>)> {
        let folded = plain(text);
        let mut scored: Vec<(usize, f64)> = (0..self.indicators.len())
            .filter(|&i| compatible(&self.indicators[i].targets, target))
            .filter(|&i| self.names_its_subject(text, &folded, i))
            .filter(|&i| !counts_people(target, text) || about_people(self.indicators[i]))
            .map(|i| (i, self.score(text, i)))
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1));
        let (i, s) = *scored.first()?;
        let close = scored
            .get(1)
            .filter(|(_, s2)| s - s2 < 1.5)
            .map(|(j, _)| *j);
        Some((i, s, close))
    }
}

/// Words for people: a head-count of them is not a count of establishments or communes.
const PEOPLE: [&str; 5] = ["nguoi", "hoc sinh", "sinh vien", "can bo", "chien si"];

fn counts_people(t: &Target, text: &str) -> bool {
    if !matches!(t, Target::Count { .. }) {
        return false;
    }
    // The words right after the number.
    let p = plain(text);
    let after = p.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | ',' | ' '));
    PEOPLE.iter().any(|w| after.starts_with(w))
}

fn about_people(i: &NationalIndicator) -> bool {
    let p = plain(i.population.as_deref().unwrap_or(""));
    PEOPLE.iter().any(|w| p.contains(w))
}

fn compatible(national: &[(Option<Level>, Target)], t: &Target) -> bool {
    let Some((_, n)) = national.first() else {
        return false;
    };
    match t {
        Target::Frequency { .. } => matches!(n, Target::Frequency { .. }),
        Target::Growth { .. } => matches!(n, Target::Growth { .. }),
        // A share of a national count (pilot models in 10 provinces) is another measure; a
        // share for a yearly rise ("100% các tội phạm … được xử lý") is kept, with a doubt.
        Target::Percent { .. } => matches!(n, Target::Percent { .. } | Target::Growth { .. }),
        Target::Count { .. } => !matches!(n, Target::Frequency { .. } | Target::Growth { .. }),
        Target::Qualitative { .. } => false,
    }
}

/// Scores below this are no match: the clause is kept as a local indicator.
const THRESHOLD: f64 = 5.0;

fn without_parentheses(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Splits a sentence at ";" and at sentence ends.
pub fn clauses(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = s.chars().collect();
    for (k, &c) in chars.iter().enumerate() {
        cur.push(c);
        let next_upper = chars.get(k + 2).is_some_and(|n| n.is_uppercase());
        if c == ';' || (c == '.' && chars.get(k + 1) == Some(&' ') && next_upper) {
            out.push(cur.trim().to_string());
            cur.clear();
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_string());
    }
    out
}

/// Whether a clause opens with its target ("Ít nhất 70% học sinh …", "60% người lao động …"):
/// an item of a list of populations that shares the last item's predicate. A clause with its
/// own verb before the figure ("Tổ chức kiểm tra ít nhất 20% số cơ sở …") is a sentence of its
/// own, and the next clause's "được …" is not its predicate.
fn names_first(bare: &str, found: &[Found]) -> bool {
    found
        .first()
        .is_some_and(|f| bare[..f.start].split_whitespace().count() <= 3)
}

/// One target read from a clause, before indicators are merged within the paragraph.
struct Piece {
    found: Vec<Found>,
    /// Text that decides the indicator.
    key_text: String,
    /// The clause, for `text:`.
    text: String,
    level_split: bool,
}

/// All indicators of one paragraph.
pub fn read_paragraph(m: &Matcher, paragraph: &str) -> Vec<Indicator> {
    let cl = clauses(paragraph);
    // The predicate shared by a list of populations ("…; …; 70% học sinh … được tuyên truyền"):
    // the part from " được " of the last clause that has a target.
    let tail = cl
        .iter()
        .rev()
        .find(|c| !find(&without_parentheses(c)).is_empty())
        .and_then(|c| c.find(" được ").map(|at| c[at + 1..].to_string()));
    let mut pieces: Vec<Piece> = Vec::new();
    for c in &cl {
        let bare = without_parentheses(c);
        let found = find(&bare);
        if found.is_empty() {
            // A clause without a target continues the previous one's sentence.
            if let Some(p) = pieces.last_mut() {
                p.text = format!("{} {}", p.text, c);
            }
            continue;
        }
        let text = match &tail {
            Some(t)
                if !c.contains(" được ")
                    && !c.contains(t.as_str())
                    && names_first(&bare, &found) =>
            {
                format!("{} … {}", c.trim_end_matches(';'), t)
            }
            _ => c.to_string(),
        };
        let lv: Vec<Vec<Level>> = found
            .iter()
            .enumerate()
            .map(|(k, f)| {
                let end = found.get(k + 1).map_or(bare.len(), |n| n.start);
                levels(&bare[f.start..end])
            })
            .collect();
        // Two levels named for one target ("báo chí cấp tỉnh và cấp huyện") is one target per
        // level; all three levels is the same as one target.
        let level_split = (found.len() > 1 && lv.iter().all(|l| !l.is_empty()))
            || (found.len() == 1 && levels(&bare).len() == 2);
        if found.len() == 1 || level_split {
            pieces.push(Piece {
                found,
                key_text: bare.clone(),
                text,
                level_split,
            });
            continue;
        }
        // Several targets for several populations in one clause.
        for (k, f) in found.iter().enumerate() {
            let end = found.get(k + 1).map_or(bare.len(), |n| n.start);
            let key = bare[f.start..end].to_string();
            // Positions relative to the piece's own text.
            let mut f = f.clone();
            f.end -= f.start;
            f.start = 0;
            pieces.push(Piece {
                found: vec![f],
                key_text: key.clone(),
                text: key
                    .trim_end_matches([',', ';', ' '])
                    .trim_end_matches(" và")
                    .to_string(),
                level_split: false,
            });
        }
    }
    build(m, pieces)
}

/// The best national indicator for a piece, if it scores at least [`THRESHOLD`]: its index,
/// score, and a close second.
type Best = Option<(usize, f64, Option<usize>)>;

fn build(m: &Matcher, pieces: Vec<Piece>) -> Vec<Indicator> {
    let mut out: Vec<Indicator> = Vec::new();
    for p in pieces {
        let first = &p.found[0];
        // A head-count is about the words right after it; a share about its whole clause.
        let key = match first.target {
            Target::Count { .. } => p.key_text[first.start..].to_string(),
            _ => p.key_text.clone(),
        };
        let best = m
            .best(&key, &first.target)
            .filter(|(_, s, _)| *s >= THRESHOLD);
        let target = piece_target(m, &p, best);
        let (reference, id, doubts) = indicator_of(m, best, first, &key);
        // A second share for an indicator already read in this paragraph adds to it
        // ("… 20% …; đến năm 2025, 100% các cơ sở được kiểm tra ít nhất một lần").
        if let (Some(r), Target::Percent { .. } | Target::Frequency { .. }) =
            (&reference, &first.target)
            && let Some(prev) = out.iter_mut().find(|x| x.reference.as_ref() == Some(r))
        {
            add_to(prev, &p);
            continue;
        }
        out.push(Indicator {
            reference,
            id,
            part_of: None,
            target,
            unit: first.unit.clone(),
            denominator: match first.target {
                Target::Count { .. } => denominator(&p.text),
                _ => None,
            },
            text: p.text.trim().trim_end_matches(';').trim().to_string(),
            doubts,
        });
    }
    mark_parts(&mut out);
    out
}

/// A piece's target: one per level when it names levels, else one; a single level named
/// that is not the national indicator's own gives a target for that level.
fn piece_target(m: &Matcher, p: &Piece, best: Best) -> TargetOut {
    let first = &p.found[0];
    let target = if p.level_split {
        let mut by: Vec<(Level, String)> = Vec::new();
        for (k, f) in p.found.iter().enumerate() {
            let end = p.found.get(k + 1).map_or(p.key_text.len(), |n| n.start);
            let span = if p.found.len() == 1 {
                &p.key_text[..]
            } else {
                &p.key_text[f.start..end]
            };
            for l in levels(span) {
                if !by.iter().any(|(x, _)| *x == l) {
                    by.push((l, written(f)));
                }
            }
        }
        TargetOut::ByLevel(by)
    } else {
        TargetOut::One(written(first))
    };
    // One level named, not the national indicator's own ("100% các xã, phường xây dựng
    // kế hoạch", where the programme counts districts): a target for that level.
    match (&target, best) {
        (TargetOut::One(t), Some((i, _, _))) => {
            let named = levels(&p.key_text);
            let own = m.indicators[i]
                .population
                .as_deref()
                .map(levels)
                .unwrap_or_default();
            match named.as_slice() {
                [l] if !own.is_empty() && !own.contains(l) => {
                    TargetOut::ByLevel(vec![(*l, t.clone())])
                }
                _ => target,
            }
        }
        _ => target,
    }
}

/// The national indicator (`ref`) or the local id a target gets, and the doubts about it.
fn indicator_of(
    m: &Matcher,
    best: Best,
    first: &Found,
    key: &str,
) -> (Option<String>, Option<String>, Vec<String>) {
    let mut doubts = Vec::new();
    let Some((i, _, close)) = best else {
        doubts
            .push("không khớp chỉ tiêu quốc gia nào; giữ làm chỉ tiêu riêng của địa phương".into());
        return (None, Some(local_id(key)), doubts);
    };
    let ind = m.indicators[i];
    if let Some(j) = close {
        doubts.push(format!(
            "chỉ tiêu quốc gia đoán là {}, cũng có thể là {}",
            ind.id, m.indicators[j].id
        ));
    }
    if let Some((_, national)) = ind.targets.first()
        && national.measure() != first.target.measure()
    {
        doubts.push(format!(
            "đơn vị đo khác chỉ tiêu quốc gia {} ({} so với {}): chưa so sánh được",
            ind.id,
            measure_vi(first.target.measure()),
            measure_vi(national.measure())
        ));
    }
    (Some(ind.id.clone()), None, doubts)
}

/// A second target of an indicator already read in the paragraph: another level of it
/// ("… ít nhất 70% ở cấp tỉnh; ít nhất 50% ở cấp xã"), else a doubt that it is not written.
fn add_to(prev: &mut Indicator, p: &Piece) {
    let first = &p.found[0];
    let new_level = levels(&p.key_text);
    let merged = match (&prev.target, new_level.as_slice()) {
        (TargetOut::One(t), [l2]) => match levels(&prev.text).as_slice() {
            [l1] if l1 != l2 => Some(vec![(*l1, t.clone()), (*l2, written(first))]),
            _ => None,
        },
        (TargetOut::ByLevel(by), [l2]) if !by.iter().any(|(l, _)| l == l2) => {
            let mut by = by.clone();
            by.push((*l2, written(first)));
            Some(by)
        }
        _ => None,
    };
    // The clause before ended at ";" (trimmed off when it was written) or at ".".
    let sep = if prev.text.ends_with(['.', ';']) {
        " "
    } else {
        "; "
    };
    prev.text = format!("{}{sep}{}", prev.text, p.text);
    match merged {
        Some(by) => prev.target = TargetOut::ByLevel(by),
        None => prev.doubts.push(format!(
            "câu còn một chỉ tiêu nữa ({}) chưa được ghi riêng",
            written(first)
        )),
    }
}

/// Several head-counts for one national share are its parts (students by school type),
/// whether the document writes them in one sentence or one per line: each becomes a local
/// indicator `part_of` the national one.
pub fn mark_parts(out: &mut [Indicator]) {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for i in out.iter().filter(|i| is_count(i)) {
        if let Some(r) = &i.reference {
            *counts.entry(r.clone()).or_default() += 1;
        }
    }
    for (r, n) in counts {
        if n < 2 {
            continue;
        }
        for ind in out
            .iter_mut()
            .filter(|x| x.reference.as_deref() == Some(r.as_str()) && is_count(x))
        {
            ind.part_of = ind.reference.take();
            ind.id = Some(format!("{}-{}", r, local_id(&ind.text)));
            ind.doubts
                .push(format!("một phần của chỉ tiêu quốc gia {r}"));
        }
    }
}

/// A head-count ("37.800", "≥ 25.000"), not a share or a frequency.
fn is_count(i: &Indicator) -> bool {
    matches!(&i.target, TargetOut::One(t) if matches!(Target::parse(t), Ok(Target::Count { .. })))
}

/// The whole a head-count is out of: "(trên tổng số khoảng 800 người)" → "800". Written in
/// parentheses after the count, so the target reader never sees it as a target of its own.
fn denominator(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let at = lower.find("tổng số")? + "tổng số".len();
    let mut rest = lower[at..].trim_start();
    for filler in ["khoảng ", "là ", "có "] {
        rest = rest.strip_prefix(filler).unwrap_or(rest).trim_start();
    }
    let figure: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let figure = figure.trim_end_matches('.');
    (!figure.is_empty()).then(|| figure.to_string())
}

fn measure_vi(m: &str) -> &'static str {
    match m {
        "percent" => "tỷ lệ",
        "growth" => "mức tăng hằng năm",
        "frequency" => "tần suất",
        _ => "số lượng",
    }
}

/// An id from the first words after the number: "2.000 người dân tại địa phương" →
/// "nguoi-dan-tai-dia".
fn local_id(text: &str) -> String {
    let w: Vec<String> = words(text).into_iter().take(4).collect();
    if w.is_empty() {
        "chi-tieu-rieng".into()
    } else {
        w.join("-").replace('đ', "d")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::Reference;

    fn read(s: &str) -> Vec<(Option<String>, TargetOut)> {
        let m = Matcher::new(&Reference::bundled().programmes[0]);
        read_paragraph(&m, s)
            .into_iter()
            .map(|i| (i.reference.or(i.part_of), i.target))
            .collect()
    }

    fn one(r: &str, t: &str) -> (Option<String>, TargetOut) {
        (Some(r.to_string()), TargetOut::One(t.to_string()))
    }

    #[test]
    fn shares_ranges_and_frequencies() {
        assert_eq!(
            read(
                "Ít nhất 70% số xã, phường, thị trấn tổ chức được ít nhất một hình thức tuyên truyền về phòng ngừa mại dâm và được duy trì thường xuyên."
            ),
            [one("commune-communication", ">= 70%")]
        );
        assert_eq!(
            read(
                "Tăng 3 - 5% số tội phạm liên quan đến mại dâm được xử lý theo quy định của pháp luật."
            ),
            [one("crimes-handled-growth", "3-5%/năm")]
        );
        assert_eq!(
            read(
                "Thông tin về phòng, chống mại dâm được đăng tải trên cơ quan báo chí của tỉnh ít nhất một tháng một lần."
            ),
            [one("press-monthly", "1/tháng")]
        );
        assert_eq!(
            read(
                "Trên 50% các cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm được tổ chức kiểm tra."
            ),
            [one("establishments-inspected", "> 50%")]
        );
    }

    #[test]
    fn levels_and_lists_of_populations() {
        let r = read(
            "Ít nhất 70% đội ngũ cán bộ, công chức, viên chức, chiến sĩ cấp tỉnh và 50% ở cấp huyện, cấp xã được đào tạo, bồi dưỡng, tập huấn nâng cao năng lực chuyên môn, nghiệp vụ.",
        );
        assert_eq!(
            r,
            [(
                Some("officials-trained".into()),
                TargetOut::ByLevel(vec![
                    (Level::Province, ">= 70%".into()),
                    (Level::District, "50%".into()),
                    (Level::Commune, "50%".into())
                ])
            )]
        );
        let r = read(
            "Ít nhất 70% người lao động tại các cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm; ít nhất 60% người lao động trong các khu công nghiệp; 70% học sinh, sinh viên các trường trung học phổ thông, cơ sở giáo dục đại học và cơ sở giáo dục nghề nghiệp được tuyên truyền, phổ biến chính sách, pháp luật.",
        );
        assert_eq!(
            r,
            [
                one("establishment-workers", ">= 70%"),
                one("industrial-workers", ">= 60%"),
                one("students", "70%")
            ]
        );
    }

    #[test]
    fn years_dates_and_document_numbers_are_not_targets() {
        assert!(find("Kế hoạch số 46/KH-UBND ngày 5/2/2024 năm 2024").is_empty());
    }
}
