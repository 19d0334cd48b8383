//! Targets as plans write them ("Trên 70%", "3 - 5%/năm", "ít nhất một tháng một lần",
//! "25.000 người") parsed into a measure, a comparator and numbers.

use crate::i18n::Lang;
use crate::text::{const_fold, fold as match_key, format_number, parse_number};
use serde::Serialize;

/// How the plan's number bounds the result. Every target here is a floor ("at least"):
/// more communication, more inspections, more people reached is always better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cmp {
    /// ≥ (ít nhất, tối thiểu, không dưới; a bare number)
    AtLeast,
    /// > (trên)
    Above,
    /// = (written with "=")
    Exactly,
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
        }
    }

    pub fn parse(input: &str) -> Result<Target, Unreadable> {
        let mut s = match_key(input);
        for filler in ["phấn đấu", "đạt", "đảm bảo", "bảo đảm"] {
            let f = const_fold(filler);
            if let Some(rest) = s.strip_prefix(f) {
                s = rest.trim_start().to_string();
            }
        }
        if let Some(t) = parse_frequency(&s) {
            return Ok(t);
        }
        let (cmp, rest) = strip_comparator(&s);
        let (growing, rest) = match rest.strip_prefix(const_fold("tăng")) {
            Some(r) => (true, r.trim_start()),
            None => (false, rest),
        };
        let (per_year, rest) = strip_per_year(rest);
        let rest = rest.trim();
        if let Some(num) = rest.strip_suffix('%') {
            let num = num.trim();
            if let Some((a, b)) = split_range(num) {
                if !(growing || per_year) || cmp.is_some() {
                    return Err(Unreadable);
                }
                return Ok(Target::Growth { min: a, max: b });
            }
            let v = parse_number(num).ok_or(Unreadable)?;
            if growing || per_year {
                return Ok(Target::Growth { min: v, max: v });
            }
            return Ok(Target::Percent {
                cmp: cmp.unwrap_or(Cmp::AtLeast),
                value: v,
            });
        }
        if growing || per_year {
            return Err(Unreadable);
        }
        // A count: a number, optionally followed by its unit ("25.000 người").
        let num_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(rest.len());
        let (num, unit) = rest.split_at(num_end);
        match parse_number(num) {
            Some(value) if unit.is_empty() || unit.starts_with(' ') => Ok(Target::Count {
                cmp: cmp.unwrap_or(Cmp::AtLeast),
                value,
            }),
            _ => Err(Unreadable),
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

    /// Compact, language-aware notation: "≥ 70%", "> 50%", "3–5%/năm", "≥ 1/tháng", "25.000".
    pub fn display(&self, lang: Lang) -> String {
        let sym = |c: Cmp| match c {
            Cmp::AtLeast => "≥ ",
            Cmp::Above => "> ",
            Cmp::Exactly => "= ",
        };
        match *self {
            Target::Percent { value, .. } if value >= 100.0 => format!("{}%", format_number(value)),
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
            Target::Frequency { times, per } => {
                format!("≥ {}/{}", format_number(times), per.word(lang))
            }
            Target::Count { cmp, value } => format!("{}{}", sym(cmp), format_number(value)),
        }
    }

    /// The target written as the start of a Vietnamese sentence, the way plans phrase it:
    /// "Ít nhất 70%", "Trên 50%", "100%", "Tăng 3 - 5%/năm", "ít nhất 1 lần/tháng".
    pub fn vietnamese_phrase(&self) -> String {
        match *self {
            Target::Percent { value, .. } if value >= 100.0 => "100%".to_string(),
            Target::Percent {
                cmp: Cmp::AtLeast,
                value,
            } => format!("Ít nhất {}%", format_number(value)),
            Target::Percent {
                cmp: Cmp::Above,
                value,
            } => format!("Trên {}%", format_number(value)),
            Target::Percent {
                cmp: Cmp::Exactly,
                value,
            } => format!("{}%", format_number(value)),
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

fn strip_comparator(s: &str) -> (Option<Cmp>, &str) {
    const TABLE: [(&str, Cmp); 12] = [
        (">=", Cmp::AtLeast),
        ("≥", Cmp::AtLeast),
        ("ít nhất", Cmp::AtLeast),
        ("tối thiểu", Cmp::AtLeast),
        ("không dưới", Cmp::AtLeast),
        ("at least", Cmp::AtLeast),
        (">", Cmp::Above),
        ("trên", Cmp::Above),
        ("hơn", Cmp::Above),
        ("above", Cmp::Above),
        ("more than", Cmp::Above),
        ("=", Cmp::Exactly),
    ];
    for (word, cmp) in TABLE {
        let w = const_fold(word);
        if let Some(rest) = s.strip_prefix(w) {
            return (Some(cmp), rest.trim_start());
        }
    }
    (None, s)
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
    let (a, b) = s.split_once('-')?;
    let a = a.trim().trim_end_matches('%').trim();
    Some((parse_number(a)?, parse_number(b.trim())?))
}

fn word_number(w: &str) -> Option<f64> {
    let table = [
        ("một", 1.0),
        ("hai", 2.0),
        ("ba", 3.0),
        ("bốn", 4.0),
        ("năm", 5.0),
        ("mười", 10.0),
        ("one", 1.0),
        ("two", 2.0),
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

fn parse_frequency(s: &str) -> Option<Target> {
    let (_, s) = strip_comparator(s);
    let s = s.trim();
    // "monthly", "hằng tháng", "định kỳ hàng tháng", "mỗi tháng"
    let adverbs = [
        ("weekly", Per::Week),
        ("monthly", Per::Month),
        ("quarterly", Per::Quarter),
        ("yearly", Per::Year),
    ];
    if let Some(&(_, per)) = adverbs.iter().find(|(w, _)| *w == s) {
        return Some(Target::Frequency { times: 1.0, per });
    }
    let s = s
        .strip_prefix(const_fold("định kỳ"))
        .map(str::trim_start)
        .unwrap_or(s);
    for every in ["hằng", "hàng", "mỗi"] {
        if let Some(rest) = s.strip_prefix(const_fold(every)) {
            let rest = rest.trim();
            // "mỗi tháng một lần", "hằng tháng", "mỗi tháng 2 lần"
            let mut words = rest.splitn(2, ' ');
            let per = period_word(words.next()?)?;
            let times = match words.next().map(str::trim) {
                None | Some("") => 1.0,
                Some(tail) => count_times(tail)?,
            };
            return Some(Target::Frequency { times, per });
        }
    }
    // "một tháng một lần", "1 tháng 1 lần"
    let words: Vec<&str> = s.split(' ').collect();
    if words.len() == 4 && match_key(words[3]) == const_fold("lần") {
        let n = parse_number(words[0]).or_else(|| word_number(words[0]))?;
        let per = period_word(words[1])?;
        let times = parse_number(words[2]).or_else(|| word_number(words[2]))?;
        return Some(Target::Frequency {
            times: times / n,
            per,
        });
    }
    // "1/tháng", "2 lần/quý", "1 lần / tháng"
    let (left, right) = s.split_once('/')?;
    let per = period_word(right.trim())?;
    let left = left.trim();
    let left = left
        .strip_suffix(const_fold("lần"))
        .map(str::trim_end)
        .unwrap_or(left);
    let times = parse_number(left).or_else(|| word_number(left))?;
    Some(Target::Frequency { times, per })
}

fn count_times(tail: &str) -> Option<f64> {
    let mut words = tail.split(' ');
    let n = words.next()?;
    let times = parse_number(n).or_else(|| word_number(n))?;
    match words.next() {
        Some(w) if match_key(w) == const_fold("lần") => Some(times),
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
        for s in ["", "nhiều", "70-80%", "%", "tăng", "abc%", "1/thế kỷ"] {
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
