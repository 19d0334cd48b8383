//! Targets as plans write them ("Trên 70%", "3 - 5%/năm", "ít nhất một tháng một lần",
//! "25.000 người") parsed into a measure, a comparator and numbers.

use crate::i18n::Lang;
use crate::text::{const_fold, fold as match_key, format_number, parse_number};
use serde::Serialize;

/// How the plan's number bounds the result. National targets are floors ("at least"): more
/// communication, more inspections, more people reached is always better. A plan may still
/// write a ceiling ("tối đa 70%", "dưới 70%"), which promises no floor at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cmp {
    /// ≥ (ít nhất, tối thiểu, không dưới, trở lên; a bare number)
    AtLeast,
    /// > (trên, hơn)
    Above,
    /// = (written with "=")
    Exactly,
    /// ≤ (tối đa, không quá, trở xuống): a ceiling.
    AtMost,
    /// < (dưới): a ceiling.
    Below,
}

impl Cmp {
    /// A ceiling bounds the result from above; it says nothing about how much will be done.
    pub fn is_ceiling(self) -> bool {
        matches!(self, Cmp::AtMost | Cmp::Below)
    }

    /// The symbol the compact notation writes before the number ("≥ ", "< ").
    pub fn symbol(self) -> &'static str {
        match self {
            Cmp::AtLeast => "≥ ",
            Cmp::Above => "> ",
            Cmp::Exactly => "= ",
            Cmp::AtMost => "≤ ",
            Cmp::Below => "< ",
        }
    }
}

/// Why a target has no figure that can be compared: the plan's words are kept as they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unclear {
    /// The wording has no figure ("thường xuyên", "kịp thời").
    NoFigure,
    /// The wording has several figures, and none of them is plainly the target.
    SeveralFigures,
    /// The indicator has no `target:` at all (a source cut mid-sentence).
    NotStated,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Per {
    Week,
    Month,
    Quarter,
    Year,
}

impl Per {
    /// How many of this period fit in a month, to compare frequencies.
    pub fn per_month(self) -> f64 {
        match self {
            Per::Week => 52.0 / 12.0,
            Per::Month => 1.0,
            Per::Quarter => 1.0 / 3.0,
            Per::Year => 1.0 / 12.0,
        }
    }

    pub fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Per::Week, Lang::Vi) => "tuần",
            (Per::Month, Lang::Vi) => "tháng",
            (Per::Quarter, Lang::Vi) => "quý",
            (Per::Year, Lang::Vi) => "năm",
            (Per::Week, Lang::En) => "week",
            (Per::Month, Lang::En) => "month",
            (Per::Quarter, Lang::En) => "quarter",
            (Per::Year, Lang::En) => "year",
        }
    }
}

/// A level of government a target can be set for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Province,
    District,
    Commune,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Province, Level::District, Level::Commune];

    pub fn key(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::District => "district",
            Level::Commune => "commune",
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Level::Province, Lang::Vi) => "cấp tỉnh",
            (Level::District, Lang::Vi) => "cấp huyện",
            (Level::Commune, Lang::Vi) => "cấp xã",
            (Level::Province, Lang::En) => "province level",
            (Level::District, Lang::En) => "district level",
            (Level::Commune, Lang::En) => "commune level",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "measure", rename_all = "kebab-case")]
pub enum Target {
    /// A share of a population, in percent.
    Percent { cmp: Cmp, value: f64 },
    /// A yearly rise, in percent, between `min` and `max` (equal for a single figure).
    Growth { min: f64, max: f64 },
    /// At least `times` per period.
    Frequency { times: f64, per: Per },
    /// A head-count or a number of units.
    Count { cmp: Cmp, value: f64 },
    /// Words with no figure that can be compared: the plan's text is kept beside it
    /// (`PlanTarget::written`), and every report shows it as `?`.
    Qualitative { why: Unclear },
}

/// The kinds of target, for a reader that knows what the indicator measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    Percent,
    Growth,
    Frequency,
    Count,
}

impl Measure {
    /// From the `measure:` key of the programme schema ("percent", "count", ...).
    pub fn from_key(key: &str) -> Option<Measure> {
        match key {
            "percent" => Some(Measure::Percent),
            "growth" => Some(Measure::Growth),
            "frequency" => Some(Measure::Frequency),
            "count" => Some(Measure::Count),
            _ => None,
        }
    }
}

/// Why a target string could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable;

impl Target {
    pub fn measure(&self) -> &'static str {
        match self {
            Target::Percent { .. } => "percent",
            Target::Growth { .. } => "growth",
            Target::Frequency { .. } => "frequency",
            Target::Count { .. } => "count",
            Target::Qualitative { .. } => "qualitative",
        }
    }

    /// The figure read as a share, when a bare number stands where a percentage is expected:
    /// `70` → 70%, `0.7` → 70%. Only a guess to offer ("có phải là 70%?"), never a reading.
    pub fn percent_guess(&self) -> Option<Target> {
        match *self {
            Target::Count { cmp, value } if value > 0.0 && value < 1.0 => Some(Target::Percent {
                cmp,
                value: (value * 10000.0).round() / 100.0,
            }),
            Target::Count { cmp, value } if (1.0..=100.0).contains(&value) => {
                Some(Target::Percent { cmp, value })
            }
            _ => None,
        }
    }

    /// Reads a target written in one of the accepted forms (docs/plan-format.md): a share
    /// ("ít nhất 70%", "70% trở lên", "70 phần trăm", "70％", "tối đa 70%", "10/10"), a yearly
    /// rise ("tăng 3-5%/năm"), a frequency ("hằng tháng", "2 lần/năm", "ít nhất một lần trong
    /// năm"), a count ("25.000 người"). Numbers may be written in digits or words ("một",
    /// "hai") with the same reading. A sentence around a figure, or words with no figure, are
    /// not a form: [`crate::model::read_target`] reads those and never fails.
    pub fn parse(input: &str) -> Result<Target, Unreadable> {
        let s = normalise(input);
        let s = strip_fillers(&s);
        if let Some(t) = parse_frequency(s) {
            return Ok(t);
        }
        let (cmp, rest) = strip_bounds(s);
        let (growing, rest) = match strip_word(rest, "tăng") {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let (per_year, rest) = strip_per_year(rest);
        let rest = rest.trim();
        if let Some(num) = rest.strip_suffix('%') {
            return parse_share(num.trim(), cmp, growing || per_year);
        }
        if growing || per_year {
            return Err(Unreadable);
        }
        let cmp = cmp.unwrap_or(Cmp::AtLeast);
        if let Some(t) = parse_fraction(rest, cmp) {
            return Ok(t);
        }
        // "tất cả các xã": all of them.
        let all = ["tất cả", "toàn bộ"]
            .into_iter()
            .find_map(|w| strip_word(rest, w));
        if all.is_some_and(|tail| tail.split(' ').count() <= 4) {
            return Ok(Target::Percent { cmp, value: 100.0 });
        }
        // A count: a number, optionally followed by a short unit ("25.000 người").
        let (num, unit) = rest.split_once(' ').unwrap_or((rest, ""));
        let value = parse_number(num)
            .or_else(|| word_number(num))
            .ok_or(Unreadable)?;
        if unit.split(' ').count() > 4 {
            return Err(Unreadable);
        }
        Ok(Target::Count { cmp, value })
    }

    /// Whether a wording's figure is this target's: the same number for the same measure, both
    /// floors or both ceilings ("Ít nhất 70%" and "> 70%" agree; so do "70%" and "≥ 70%").
    /// Different measures (a head-count in a sentence, a share in the target) are not called a
    /// disagreement: a wording may well give both.
    pub fn same_figure(&self, other: &Target) -> bool {
        const EPS: f64 = 1e-6;
        let close = |x: f64, y: f64| (x - y).abs() < EPS;
        match (*self, *other) {
            (Target::Percent { cmp: c1, value: v1 }, Target::Percent { cmp: c2, value: v2 })
            | (Target::Count { cmp: c1, value: v1 }, Target::Count { cmp: c2, value: v2 }) => {
                close(v1, v2) && c1.is_ceiling() == c2.is_ceiling()
            }
            (Target::Growth { min: a1, max: a2 }, Target::Growth { min: b1, max: b2 }) => {
                close(a1, b1) && close(a2, b2)
            }
            (
                Target::Frequency { times: t1, per: p1 },
                Target::Frequency { times: t2, per: p2 },
            ) => close(t1 * p1.per_month(), t2 * p2.per_month()),
            _ => true,
        }
    }

    /// Why this target cannot be met, if it cannot (above 100%, an empty range, never).
    pub fn impossibility(&self, lang: Lang) -> Option<String> {
        match *self {
            Target::Percent {
                cmp: Cmp::Above,
                value,
            } if value >= 100.0 => Some(crate::msg!(
                lang,
                "không thể vượt quá 100%",
                "nothing can exceed 100%"
            )),
            Target::Percent { value, .. } if value > 100.0 => Some(crate::msg!(
                lang,
                "một tỷ lệ không thể lớn hơn 100%",
                "a share cannot be larger than 100%"
            )),
            Target::Growth { min, max } if min > max => Some(crate::msg!(
                lang,
                "khoảng rỗng: cận dưới {} lớn hơn cận trên {}",
                "empty range: the lower bound {} is above the upper bound {}",
                format_number(min),
                format_number(max)
            )),
            Target::Frequency { times, .. } if times <= 0.0 => Some(crate::msg!(
                lang,
                "tần suất phải lớn hơn 0",
                "a frequency must be above zero"
            )),
            _ => None,
        }
    }

    /// Compact, language-aware notation: "≥ 70%", "> 50%", "3–5%/năm", "≥ 1 lần/tháng", "25.000".
    pub fn display(&self, lang: Lang) -> String {
        let sym = Cmp::symbol;
        match *self {
            Target::Percent { cmp, value } if value >= 100.0 && !cmp.is_ceiling() => {
                format!("{}%", format_number(value))
            }
            Target::Percent { cmp, value } => format!("{}{}%", sym(cmp), format_number(value)),
            Target::Growth { min, max } if min == max => {
                format!("+{}%/{}", format_number(min), Per::Year.word(lang))
            }
            Target::Growth { min, max } => format!(
                "+{}–{}%/{}",
                format_number(min),
                format_number(max),
                Per::Year.word(lang)
            ),
            // "≥ 1 lần/tháng": the Vietnamese reads "times" (review §4.8).
            // Less than once a period ("6 tháng một lần" is 1/6 a month): "≥ 1 lần/6 tháng",
            // not "≥ 0,17 lần/tháng".
            Target::Frequency { times, per } if times > 0.0 && times < 1.0 => {
                let every = format_number((1.0 / times * 100.0).round() / 100.0);
                match lang {
                    Lang::Vi => format!("≥ 1 lần/{every} {}", per.word(lang)),
                    Lang::En => format!("≥ 1 every {every} {}s", per.word(lang)),
                }
            }
            Target::Frequency { times, per } => match lang {
                Lang::Vi => format!("≥ {} lần/{}", format_number(times), per.word(lang)),
                Lang::En => format!("≥ {}/{}", format_number(times), per.word(lang)),
            },
            Target::Count { cmp, value } => format!("{}{}", sym(cmp), format_number(value)),
            Target::Qualitative { .. } => "?".to_string(),
        }
    }

    /// The target written as the start of a Vietnamese sentence, the way plans phrase it:
    /// "Ít nhất 70%", "Trên 50%", "100%", "Tăng 3 - 5%/năm", "ít nhất 1 lần/tháng". Empty for
    /// a qualitative target, whose words are the plan's own.
    pub fn vietnamese_phrase(&self) -> String {
        match *self {
            Target::Percent { cmp, value } if cmp.is_ceiling() => {
                format!("{} {}%", ceiling_word(cmp), format_number(value))
            }
            Target::Count { cmp, value } if cmp.is_ceiling() => {
                format!("{} {}", ceiling_word(cmp), format_number(value))
            }
            Target::Qualitative { .. } => String::new(),
            Target::Percent { value, .. } if value >= 100.0 => "100%".to_string(),
            Target::Percent {
                cmp: Cmp::AtLeast,
                value,
            } => format!("Ít nhất {}%", format_number(value)),
            Target::Percent {
                cmp: Cmp::Above,
                value,
            } => format!("Trên {}%", format_number(value)),
            Target::Percent { value, .. } => format!("{}%", format_number(value)),
            Target::Growth { min, max } if min == max => {
                format!("Tăng {}%/năm", format_number(min))
            }
            Target::Growth { min, max } => {
                format!("Tăng {} - {}%/năm", format_number(min), format_number(max))
            }
            Target::Frequency { times: 1.0, per } => {
                format!("ít nhất một {} một lần", per.word(Lang::Vi))
            }
            Target::Frequency { times, per } => format!(
                "ít nhất {} lần/{}",
                format_number(times),
                per.word(Lang::Vi)
            ),
            Target::Count {
                cmp: Cmp::Above,
                value,
            } => format!("Trên {}", format_number(value)),
            Target::Count {
                cmp: Cmp::AtLeast,
                value,
            } => format!("Ít nhất {}", format_number(value)),
            Target::Count { value, .. } => format_number(value),
        }
    }
}

fn ceiling_word(cmp: Cmp) -> &'static str {
    if cmp == Cmp::AtMost {
        "Tối đa"
    } else {
        "Dưới"
    }
}

/// The folded wording with the per-cent sign in one form: "70 phần trăm", "70 %" and "70％"
/// (the full-width sign Vietnamese input methods type) all become "70%".
pub(super) fn normalise(input: &str) -> String {
    // A comma followed by a space separates clauses ("đến năm 2025, 100%"); folding would join
    // it to the next number as a decimal comma ("2025,100").
    let s = match_key(&input.replace('％', "%").replace(", ", "; "));
    s.replace(const_fold("phần trăm"), "%")
        .replace(" %", "%")
        .replace("/ ", "/")
        .replace(" /", "/")
}

/// `s` without the word `w` at its start (a whole word), and the spaces after it.
fn strip_word<'a>(s: &'a str, w: &'static str) -> Option<&'a str> {
    let rest = s.strip_prefix(const_fold(w))?;
    let word_ends = !w.ends_with(char::is_alphanumeric)
        || rest.is_empty()
        || rest.starts_with([' ', ',', ':', ';']);
    word_ends.then(|| rest.trim_start_matches([' ', ',', ':', ';']))
}

/// Words that introduce a target without changing it: "Phấn đấu đạt 70%", "đến năm 2025, 100%".
fn strip_fillers(s: &str) -> &str {
    const FILLERS: [&str; 11] = [
        "phấn đấu",
        "đạt tỷ lệ",
        "đạt",
        "đảm bảo",
        "bảo đảm",
        "có",
        "là",
        "duy trì",
        "tỷ lệ",
        "mục tiêu",
        "chỉ tiêu",
    ];
    let mut s = s.trim();
    loop {
        if let Some(rest) = FILLERS.into_iter().find_map(|w| strip_word(s, w)) {
            s = rest;
            continue;
        }
        // "đến năm 2025", "năm 2025", followed by the target.
        let after_year = strip_word(s, "đến năm")
            .or_else(|| strip_word(s, "năm"))
            .and_then(|r| {
                let (year, tail) = r.split_once(' ')?;
                let year = year.trim_end_matches([',', ';']);
                (year.len() == 4 && year.chars().all(|c| c.is_ascii_digit())).then_some(tail)
            });
        match after_year {
            Some(rest) => s = rest.trim_start_matches([' ', ',', ';']),
            None => return s,
        }
    }
}

/// The comparator, from a word before the number or "trở lên" / "trở xuống" after it.
fn strip_bounds(s: &str) -> (Option<Cmp>, &str) {
    let (before, rest) = strip_comparator(s);
    for (suffix, cmp) in [
        ("trở lên", Cmp::AtLeast),
        ("or more", Cmp::AtLeast),
        ("trở xuống", Cmp::AtMost),
        ("or less", Cmp::AtMost),
    ] {
        if let Some(r) = rest.strip_suffix(const_fold(suffix)) {
            // "từ 70% trở lên": "từ" only opens the phrase.
            let cmp = match before {
                Some(b) if b != Cmp::AtLeast => b,
                _ => cmp,
            };
            return (Some(cmp), r.trim_end());
        }
    }
    (before, rest)
}

fn strip_comparator(s: &str) -> (Option<Cmp>, &str) {
    // Longer phrases first: "không dưới" is a floor, "dưới" a ceiling.
    const TABLE: [(&str, Cmp); 35] = [
        (">=", Cmp::AtLeast),
        ("=>", Cmp::AtLeast),
        ("≥", Cmp::AtLeast),
        ("<=", Cmp::AtMost),
        ("≤", Cmp::AtMost),
        ("ít nhất là", Cmp::AtLeast),
        ("ít nhất", Cmp::AtLeast),
        ("tối thiểu là", Cmp::AtLeast),
        ("tối thiểu", Cmp::AtLeast),
        ("không dưới", Cmp::AtLeast),
        ("không thấp hơn", Cmp::AtLeast),
        ("không ít hơn", Cmp::AtLeast),
        ("at least", Cmp::AtLeast),
        ("từ", Cmp::AtLeast),
        ("tối đa là", Cmp::AtMost),
        ("tối đa", Cmp::AtMost),
        ("không vượt quá", Cmp::AtMost),
        ("không quá", Cmp::AtMost),
        ("không hơn", Cmp::AtMost),
        ("at most", Cmp::AtMost),
        ("cao hơn", Cmp::Above),
        ("trên", Cmp::Above),
        ("hơn", Cmp::Above),
        ("above", Cmp::Above),
        ("more than", Cmp::Above),
        ("over", Cmp::Above),
        ("thấp hơn", Cmp::Below),
        ("ít hơn", Cmp::Below),
        ("dưới", Cmp::Below),
        ("below", Cmp::Below),
        ("less than", Cmp::Below),
        ("under", Cmp::Below),
        (">", Cmp::Above),
        ("<", Cmp::Below),
        ("=", Cmp::Exactly),
    ];
    for (word, cmp) in TABLE {
        if let Some(rest) = strip_word(s, word) {
            return (Some(cmp), rest);
        }
    }
    (None, s)
}

/// The number (or range) before a "%": a share, or a yearly rise when `growth`.
fn parse_share(num: &str, cmp: Option<Cmp>, growth: bool) -> Result<Target, Unreadable> {
    if let Some((a, b)) = split_range(num) {
        if growth {
            return match cmp {
                None => Ok(Target::Growth { min: a, max: b }),
                Some(_) => Err(Unreadable),
            };
        }
        // "70-80%", "85 - 90% tổng số xã": the plan promises at least the lower bound.
        return match cmp {
            None | Some(Cmp::AtLeast) if a <= b => Ok(Target::Percent {
                cmp: Cmp::AtLeast,
                value: a,
            }),
            _ => Err(Unreadable),
        };
    }
    let v = parse_number(num).ok_or(Unreadable)?;
    if growth {
        return Ok(Target::Growth { min: v, max: v });
    }
    Ok(Target::Percent {
        cmp: cmp.unwrap_or(Cmp::AtLeast),
        value: v,
    })
}

/// "10/10 huyện": every one of ten, a share.
fn parse_fraction(s: &str, cmp: Cmp) -> Option<Target> {
    let (first, tail) = s.split_once(' ').unwrap_or((s, ""));
    let (a, b) = first.split_once('/')?;
    let (a, b) = (parse_number(a)?, parse_number(b)?);
    if b <= 0.0 || a > b || tail.split(' ').count() > 4 {
        return None;
    }
    Some(Target::Percent {
        cmp,
        value: (a / b * 10000.0).round() / 100.0,
    })
}

fn strip_per_year(s: &str) -> (bool, &str) {
    for suffix in [
        "/năm",
        "mỗi năm",
        "một năm",
        "hằng năm",
        "hàng năm",
        "/year",
        "per year",
        "a year",
    ] {
        let k = const_fold(suffix);
        if let Some(rest) = s.strip_suffix(&k) {
            return (true, rest.trim_end());
        }
    }
    (false, s)
}

fn split_range(s: &str) -> Option<(f64, f64)> {
    let (a, b) = s
        .split_once('-')
        .or_else(|| s.split_once(const_fold(" đến ")))
        .or_else(|| s.split_once(const_fold(" tới ")))?;
    let a = a.trim().trim_end_matches('%').trim();
    let a = a.strip_prefix(const_fold("từ")).unwrap_or(a).trim();
    Some((parse_number(a)?, parse_number(b.trim())?))
}

/// A number written in digits ("02") or in words ("hai"), as plans count times and units.
pub(crate) fn number(w: &str) -> Option<f64> {
    parse_number(w).or_else(|| word_number(w))
}

fn word_number(w: &str) -> Option<f64> {
    let table = [
        ("một", 1.0),
        ("hai", 2.0),
        ("ba", 3.0),
        ("bốn", 4.0),
        ("tư", 4.0),
        ("năm", 5.0),
        ("sáu", 6.0),
        ("bảy", 7.0),
        ("tám", 8.0),
        ("chín", 9.0),
        ("mười", 10.0),
        ("one", 1.0),
        ("two", 2.0),
        ("three", 3.0),
        ("four", 4.0),
    ];
    let k = match_key(w);
    table
        .iter()
        .find(|(word, _)| const_fold(word) == k)
        .map(|&(_, v)| v)
}

fn period_word(w: &str) -> Option<Per> {
    let table = [
        ("tuần", Per::Week),
        ("tháng", Per::Month),
        ("quý", Per::Quarter),
        ("năm", Per::Year),
        ("week", Per::Week),
        ("month", Per::Month),
        ("quarter", Per::Quarter),
        ("year", Per::Year),
    ];
    let k = match_key(w);
    table
        .iter()
        .find(|(word, _)| const_fold(word) == k)
        .map(|&(_, p)| p)
}

/// Words between "lần" and its period that change nothing: "1 lần trong năm", "2 lần mỗi quý",
/// "1 lần/năm", "1 lần trong một năm".
fn is_connector(w: &str) -> bool {
    [
        "/", "trong", "mỗi", "một", "1", "hằng", "hàng", "trên", "per", "a", "every",
    ]
    .iter()
    .any(|c| const_fold(c) == w)
}

fn is_times(w: &str) -> bool {
    w == const_fold("lần") || w == "times" || w == "time"
}

fn parse_frequency(s: &str) -> Option<Target> {
    let (cmp, s) = strip_comparator(s);
    if cmp.is_some_and(Cmp::is_ceiling) {
        return None;
    }
    let spaced = s.replace('/', " / ");
    let mut words: Vec<&str> = spaced.split_whitespace().collect();
    let periodic =
        words.len() > 2 && words[0] == const_fold("định") && words[1] == const_fold("kỳ");
    if periodic {
        words.drain(..2);
    }
    let adverbs = [
        ("weekly", Per::Week),
        ("monthly", Per::Month),
        ("quarterly", Per::Quarter),
        ("yearly", Per::Year),
        ("annually", Per::Year),
    ];
    if let [w] = words.as_slice()
        && let Some(&(_, per)) = adverbs.iter().find(|(a, _)| a == w)
    {
        return Some(Target::Frequency { times: 1.0, per });
    }
    frequency_words(&words, periodic)
}

/// The word patterns of a frequency, numbers in digits or words.
fn frequency_words(words: &[&str], periodic: bool) -> Option<Target> {
    let every = |w: &str| {
        ["hằng", "hàng", "mỗi", "every"]
            .iter()
            .any(|e| const_fold(e) == w)
    };
    let per = |w: &str| period_word(w);
    match words {
        // "hằng tháng", "mỗi quý", "mỗi tháng 2 lần"
        [e, p, rest @ ..] if every(e) && per(p).is_some() => {
            let times = match rest {
                [] => 1.0,
                [n, t] if is_times(t) => number(n)?,
                _ => return None,
            };
            Some(Target::Frequency {
                times,
                per: per(p)?,
            })
        }
        // "mỗi 6 tháng", "định kỳ 6 tháng" (once every six months)
        [e, n, p] if (every(e) || periodic) && per(p).is_some() => Some(Target::Frequency {
            times: 1.0 / number(n)?,
            per: per(p)?,
        }),
        [n, p] if periodic && per(p).is_some() => Some(Target::Frequency {
            times: 1.0 / number(n)?,
            per: per(p)?,
        }),
        // "2 lần/năm", "1 lần trong năm", "một lần mỗi quý", "1 lần trong một năm"
        [n, t, mid @ .., p]
            if is_times(t)
                && per(p).is_some()
                && mid.iter().all(|w| is_connector(w))
                && mid.len() <= 2 =>
        {
            Some(Target::Frequency {
                times: number(n)?,
                per: per(p)?,
            })
        }
        // "1/tháng"
        [n, "/", p] if per(p).is_some() => Some(Target::Frequency {
            times: number(n)?,
            per: per(p)?,
        }),
        // "một tháng một lần", "6 tháng một lần", "6 tháng/lần", "3 tháng/1 lần"
        [n, p, mid @ .., t] if is_times(t) && per(p).is_some() => {
            let times = match mid {
                [] | ["/"] => 1.0,
                [m] | ["/", m] => number(m)?,
                _ => return None,
            };
            Some(Target::Frequency {
                times: times / number(n)?,
                per: per(p)?,
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Target {
        Target::parse(s).unwrap_or_else(|_| panic!("could not read {s:?}"))
    }

    #[test]
    fn every_form_the_seeds_use() {
        assert_eq!(
            p(">= 70%"),
            Target::Percent {
                cmp: Cmp::AtLeast,
                value: 70.0
            }
        );
        assert_eq!(
            p("≥ 70%"),
            Target::Percent {
                cmp: Cmp::AtLeast,
                value: 70.0
            }
        );
        assert_eq!(
            p("Ít nhất 70%"),
            Target::Percent {
                cmp: Cmp::AtLeast,
                value: 70.0
            }
        );
        assert_eq!(
            p("Trên 70%"),
            Target::Percent {
                cmp: Cmp::Above,
                value: 70.0
            }
        );
        assert_eq!(
            p("> 50%"),
            Target::Percent {
                cmp: Cmp::Above,
                value: 50.0
            }
        );
        assert_eq!(
            p("100%"),
            Target::Percent {
                cmp: Cmp::AtLeast,
                value: 100.0
            }
        );
        assert_eq!(
            p("50%"),
            Target::Percent {
                cmp: Cmp::AtLeast,
                value: 50.0
            }
        );
        assert_eq!(
            p("phấn đấu 100%"),
            Target::Percent {
                cmp: Cmp::AtLeast,
                value: 100.0
            }
        );
        assert_eq!(
            p("2,5%"),
            Target::Percent {
                cmp: Cmp::AtLeast,
                value: 2.5
            }
        );
        assert_eq!(p("3-5%/năm"), Target::Growth { min: 3.0, max: 5.0 });
        assert_eq!(p("Tăng 3 - 5%"), Target::Growth { min: 3.0, max: 5.0 });
        assert_eq!(p("3% - 5% mỗi năm"), Target::Growth { min: 3.0, max: 5.0 });
        assert_eq!(p("3-5%/year"), Target::Growth { min: 3.0, max: 5.0 });
        assert_eq!(
            p("1/tháng"),
            Target::Frequency {
                times: 1.0,
                per: Per::Month
            }
        );
        assert_eq!(
            p("ít nhất một tháng một lần"),
            Target::Frequency {
                times: 1.0,
                per: Per::Month
            }
        );
        assert_eq!(
            p("mỗi tháng một lần"),
            Target::Frequency {
                times: 1.0,
                per: Per::Month
            }
        );
        assert_eq!(
            p("hằng tháng"),
            Target::Frequency {
                times: 1.0,
                per: Per::Month
            }
        );
        assert_eq!(
            p("định kỳ hàng quý"),
            Target::Frequency {
                times: 1.0,
                per: Per::Quarter
            }
        );
        assert_eq!(
            p("2 lần/quý"),
            Target::Frequency {
                times: 2.0,
                per: Per::Quarter
            }
        );
        assert_eq!(
            p("monthly"),
            Target::Frequency {
                times: 1.0,
                per: Per::Month
            }
        );
        assert_eq!(
            p("25.000"),
            Target::Count {
                cmp: Cmp::AtLeast,
                value: 25000.0
            }
        );
        assert_eq!(
            p("25.000 người"),
            Target::Count {
                cmp: Cmp::AtLeast,
                value: 25000.0
            }
        );
        assert_eq!(
            p("ít nhất 1"),
            Target::Count {
                cmp: Cmp::AtLeast,
                value: 1.0
            }
        );
        assert_eq!(
            p(">= 10"),
            Target::Count {
                cmp: Cmp::AtLeast,
                value: 10.0
            }
        );
    }

    #[test]
    fn nonsense_is_unreadable_not_guessed() {
        for s in ["", "nhiều", "80-70%", "%", "tăng", "abc%", "1/thế kỷ"] {
            assert_eq!(Target::parse(s), Err(Unreadable), "{s:?}");
        }
    }

    #[test]
    fn impossible_targets_are_named() {
        assert!(p("120%").impossibility(Lang::En).is_some());
        assert!(p("> 100%").impossibility(Lang::En).is_some());
        assert!(p("5-3%/năm").impossibility(Lang::En).is_some());
        assert!(p("100%").impossibility(Lang::En).is_none());
    }
}
