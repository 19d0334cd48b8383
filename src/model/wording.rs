//! Whatever a plan writes as a target, read: a form `Target::parse` knows, a figure picked out
//! of a sentence ("Phấn đấu đến năm 2025 có 80% học sinh …"), or words kept as a qualitative
//! target. Nothing a plan writes is a schema error; what cannot be compared says why.

use super::target::{Cmp, Measure, Target, Unclear, normalise};
use crate::text::{const_fold, parse_number};
use serde::Serialize;

/// What [`read_target`] made of a wording.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Reading {
    /// The structured target; [`Target::Qualitative`] when there is no figure to compare.
    pub target: Target,
    /// The figure was picked out of a longer sentence, which belongs in `text:`.
    pub in_sentence: bool,
    /// A bare number where a share is expected (`70`, `0.7`): the share it probably means.
    /// Offered as a question ("có phải là 70%?"), never taken as the reading.
    pub did_you_mean: Option<Target>,
}

/// Reads one target wording, as a plan or a source document writes it. Never fails: a wording
/// in one of the accepted forms gives its target; a sentence with one figure gives that figure
/// (`in_sentence`); anything else gives a qualitative target that says why it has no figure.
/// `expect` is what the indicator measures, when known: a bare number for a percentage
/// indicator stays a count, with the share it probably means in `did_you_mean`.
///
/// ```text
/// "70% trở lên"                → ≥ 70%
/// "tối đa 70%"                 → ≤ 70% (a ceiling)
/// "ít nhất một lần trong năm"  → ≥ 1/năm
/// "Phấn đấu đến năm 2025 có 80% học sinh …" → ≥ 80%, in a sentence
/// "thường xuyên"               → qualitative (no figure)
/// ```
pub fn read_target(input: &str, expect: Option<Measure>) -> Reading {
    let plain = |target: Target, in_sentence: bool| Reading {
        target,
        in_sentence,
        did_you_mean: match expect {
            Some(Measure::Percent) => target.percent_guess(),
            _ => None,
        },
    };
    if input.trim().is_empty() {
        return plain(qualitative(Unclear::NotStated), false);
    }
    if let Ok(t) = Target::parse(input) {
        return plain(t, false);
    }
    let s = normalise(input);
    let words: Vec<&str> = s.split(' ').map(clean).filter(|w| !w.is_empty()).collect();
    let target = from_sentence(&words);
    let in_sentence = !matches!(target, Target::Qualitative { .. });
    plain(target, in_sentence)
}

/// A target for words that have no figure to compare.
pub fn qualitative(why: Unclear) -> Target {
    Target::Qualitative { why }
}

/// A word without the punctuation around it ("70%,", "(80%").
fn clean(w: &str) -> &str {
    w.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '.' | '(' | ')' | '"' | '“' | '”'))
}

/// The one figure of a sentence: a share if it has one, else a frequency, else a count.
fn from_sentence(words: &[&str]) -> Target {
    let shares: Vec<usize> = (0..words.len()).filter(|&i| is_share(words[i])).collect();
    if !shares.is_empty() {
        return one_of(shares.iter().map(|&i| window_before(words, i)));
    }
    let frequencies = frequencies(words);
    if !frequencies.is_empty() {
        return one_of(frequencies.into_iter().map(Some));
    }
    let numbers: Vec<usize> = (0..words.len())
        .filter(|&i| is_figure(words[i]) && !is_year(words, i))
        .collect();
    if !numbers.is_empty() {
        return one_of(numbers.iter().map(|&i| window_before(words, i)));
    }
    // "Tất cả huyện, thị xã, thành phố xây dựng kế hoạch": all of them.
    let all = [["tất", "cả"], ["toàn", "bộ"]]
        .iter()
        .any(|[a, b]| words.len() > 2 && words[0] == const_fold(a) && words[1] == const_fold(b));
    if all {
        return Target::Percent {
            cmp: Cmp::AtLeast,
            value: 100.0,
        };
    }
    qualitative(Unclear::NoFigure)
}

/// The single reading among several figures, or a qualitative target when they differ.
fn one_of(readings: impl Iterator<Item = Option<Target>>) -> Target {
    let mut found: Option<Target> = None;
    for r in readings {
        match (r, found) {
            (None, _) => return qualitative(Unclear::SeveralFigures),
            (Some(t), None) => found = Some(t),
            (Some(t), Some(f)) if t == f => {}
            _ => return qualitative(Unclear::SeveralFigures),
        }
    }
    found.unwrap_or(qualitative(Unclear::NoFigure))
}

/// "70%", "85-90%", "3-5%/năm".
fn is_share(w: &str) -> bool {
    w.split_once('%').is_some_and(|(num, _)| {
        parse_number(num).is_some()
            || num
                .split_once('-')
                .is_some_and(|(a, b)| parse_number(a).is_some() && parse_number(b).is_some())
    })
}

/// A number in digits, or a fraction such as "10/10".
fn is_figure(w: &str) -> bool {
    parse_number(w).is_some()
        || w.split_once('/')
            .is_some_and(|(a, b)| parse_number(a).is_some() && parse_number(b).is_some())
}

/// "năm 2025", "2021-2025": a year is when, not how much.
fn is_year(words: &[&str], i: usize) -> bool {
    let year = |w: &str| w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y));
    year(words[i])
        && (i == 0
            || words[i - 1].ends_with(const_fold("năm"))
            || words[i - 1] == const_fold("đến"))
}

/// The reading of the figure at `i` with the words just before it that bound it
/// ("có ít nhất 70%", "trên 70%") and a "trở lên" just after it.
fn window_before(words: &[&str], i: usize) -> Option<Target> {
    let after = match words.get(i + 1..i + 3) {
        Some([a, b]) if *a == const_fold("trở") => format!(" {a} {b}"),
        _ => String::new(),
    };
    (i.saturating_sub(4)..=i).find_map(|j| {
        let phrase = format!("{}{after}", words[j..=i].join(" "));
        Target::parse(&phrase).ok()
    })
}

/// Every frequency a sentence states ("kiểm tra ít nhất 1 lần trong năm"), each once.
fn frequencies(words: &[&str]) -> Vec<Target> {
    let mut out: Vec<Target> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // The longest phrase from here that reads as a frequency.
        let found = (i + 1..=(i + 6).min(words.len())).rev().find_map(|k| {
            match Target::parse(&words[i..k].join(" ")) {
                Ok(t @ Target::Frequency { .. }) => Some((t, k)),
                _ => None,
            }
        });
        match found {
            Some((t, k)) => {
                if !out.contains(&t) {
                    out.push(t);
                }
                i = k;
            }
            None => i += 1,
        }
    }
    out
}
