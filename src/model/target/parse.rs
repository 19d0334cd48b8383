//! Reading a target from the words a plan writes: "Trên 70%", "3 - 5%/năm", "ít nhất một
//! tháng một lần", "25.000 người". Every table of words is folded once per process
//! ([`Phrase`]): a sentence is tried as a target many times over (`model::wording`).

use super::{Cmp, Per, Target, Unreadable};
use crate::text::{Phrase, fold as match_key, parse_number};
use crate::{folded, phrase};
use std::borrow::Cow;
use std::sync::LazyLock;

impl Target {
    /// Reads a target written in one of the accepted forms (docs/plan-format.md): a share
    /// ("ít nhất 70%", "70% trở lên", "70 phần trăm", "70％", "tối đa 70%", "10/10"), a yearly
    /// rise ("tăng 3-5%/năm"), a frequency ("hằng tháng", "2 lần/năm", "ít nhất một lần trong
    /// năm"), a count ("25.000 người"). Numbers may be written in digits or words ("một",
    /// "hai") with the same reading. A sentence around a figure, or words with no figure, are
    /// not a form: [`crate::model::read_target`] reads those and never fails.
    pub fn parse(input: &str) -> Result<Target, Unreadable> {
        Target::parse_normalised(&normalise(input))
    }

    /// [`Target::parse`] of text that [`normalise`] already wrote (it leaves such text as it
    /// is): a caller that tries many phrases of one sentence normalises the sentence once.
    pub fn parse_normalised(s: &str) -> Result<Target, Unreadable> {
        debug_assert_eq!(normalise(s), s, "not normalised");
        let s = strip_fillers(s);
        if let Some(t) = parse_frequency(s) {
            return Ok(t);
        }
        let (cmp, rest) = strip_bounds(s);
        static RISE: Phrase = phrase!("tăng");
        let (growing, rest) = match strip_word(rest, &RISE) {
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
        static ALL: [Phrase; 2] = [phrase!("tất cả"), phrase!("toàn bộ")];
        let all = ALL.iter().find_map(|w| strip_word(rest, w));
        if all.is_some_and(|tail| tail.split(' ').count() <= 4) {
            return Ok(Target::Percent { cmp, value: 100.0 });
        }
        // A count: a number, optionally followed by a short unit ("25.000 người").
        let (num, unit) = rest.split_once(' ').unwrap_or((rest, ""));
        let value = number(num).ok_or(Unreadable)?;
        if unit.split(' ').count() > 4 {
            return Err(Unreadable);
        }
        Ok(Target::Count { cmp, value })
    }

    /// The frequency normalised text reads as: [`Target::parse_normalised`] when that gives a
    /// frequency, else `None`. A frequency is the first reading tried, so nothing else is.
    pub fn parse_frequency_normalised(s: &str) -> Option<Target> {
        debug_assert_eq!(normalise(s), s, "not normalised");
        parse_frequency(strip_fillers(s))
    }
}

/// The words that name the period of a frequency ("tháng", "năm", "monthly"), folded: a
/// word of normalised text that holds none of them cannot be, or hold, the period of a
/// frequency, so a run of such words cannot read as one.
pub(in crate::model) fn period_words() -> impl Iterator<Item = &'static str> {
    static PERIODS: [Phrase; 9] = [
        phrase!("tuần"),
        phrase!("tháng"),
        phrase!("quý"),
        phrase!("năm"),
        phrase!("week"),
        phrase!("month"),
        phrase!("quarter"),
        phrase!("year"),
        phrase!("annually"),
    ];
    PERIODS.iter().map(Phrase::folded)
}

/// The folded wording with the per-cent sign in one form: "70 phần trăm", "70 %" and "70％"
/// (the full-width sign Vietnamese input methods type) all become "70%".
pub(in crate::model) fn normalise(input: &str) -> String {
    // A comma followed by a space separates clauses ("đến năm 2025, 100%"); folding would join
    // it to the next number as a decimal comma ("2025,100").
    let input = replaced(replaced(Cow::Borrowed(input), "％", "%"), ", ", "; ");
    let s = Cow::Owned(match_key(&input));
    let s = replaced(s, folded!("phần trăm"), "%");
    let s = replaced(s, " %", "%");
    let s = replaced(s, "/ ", "/");
    replaced(s, " /", "/").into_owned()
}

/// `s.replace(from, to)`, without copying `s` when `from` is not in it (most sentences hold
/// none of the forms [`normalise`] rewrites, and it is called for every phrase tried).
fn replaced<'a>(s: Cow<'a, str>, from: &str, to: &str) -> Cow<'a, str> {
    if s.contains(from) {
        Cow::Owned(s.replace(from, to))
    } else {
        s
    }
}

/// `s` without the word `w` at its start (a whole word), and the spaces after it.
fn strip_word<'a>(s: &'a str, w: &Phrase) -> Option<&'a str> {
    // Most phrases tried do not start with the text's first byte: that is cheaper to see.
    if let (Some(a), Some(b)) = (s.as_bytes().first(), w.folded().as_bytes().first())
        && a != b
    {
        return None;
    }
    let rest = s.strip_prefix(w.folded())?;
    let word_ends = !w.text.ends_with(char::is_alphanumeric)
        || rest.is_empty()
        || rest.starts_with([' ', ',', ':', ';']);
    word_ends.then(|| rest.trim_start_matches([' ', ',', ':', ';']))
}

/// Words that introduce a target without changing it: "Phấn đấu đạt 70%", "đến năm 2025, 100%".
fn strip_fillers(s: &str) -> &str {
    static FILLERS: [Phrase; 11] = [
        phrase!("phấn đấu"),
        phrase!("đạt tỷ lệ"),
        phrase!("đạt"),
        phrase!("đảm bảo"),
        phrase!("bảo đảm"),
        phrase!("có"),
        phrase!("là"),
        phrase!("duy trì"),
        phrase!("tỷ lệ"),
        phrase!("mục tiêu"),
        phrase!("chỉ tiêu"),
    ];
    static BY_YEAR: Phrase = phrase!("đến năm");
    static YEAR: Phrase = phrase!("năm");
    let mut s = s.trim();
    static FIRST: LazyLock<FirstBytes> =
        LazyLock::new(|| FirstBytes::new(FILLERS.iter().map(Phrase::folded)));
    loop {
        if let Some(rest) = FIRST.find_map(&FILLERS, s, |w| strip_word(s, w)) {
            s = rest;
            continue;
        }
        // "đến năm 2025", "năm 2025", followed by the target.
        let after_year = strip_word(s, &BY_YEAR)
            .or_else(|| strip_word(s, &YEAR))
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
    static AFTER: [(Phrase, Cmp); 4] = [
        (phrase!("trở lên"), Cmp::AtLeast),
        (phrase!("or more"), Cmp::AtLeast),
        (phrase!("trở xuống"), Cmp::AtMost),
        (phrase!("or less"), Cmp::AtMost),
    ];
    let (before, rest) = strip_comparator(s);
    for (suffix, cmp) in &AFTER {
        if let Some(r) = rest.strip_suffix(suffix.folded()) {
            // "từ 70% trở lên": "từ" only opens the phrase.
            let cmp = match before {
                Some(b) if b != Cmp::AtLeast => b,
                _ => *cmp,
            };
            return (Some(cmp), r.trim_end());
        }
    }
    (before, rest)
}

fn strip_comparator(s: &str) -> (Option<Cmp>, &str) {
    // Longer phrases first: "không dưới" is a floor, "dưới" a ceiling.
    static TABLE: [(Phrase, Cmp); 35] = [
        (phrase!(">="), Cmp::AtLeast),
        (phrase!("=>"), Cmp::AtLeast),
        (phrase!("≥"), Cmp::AtLeast),
        (phrase!("<="), Cmp::AtMost),
        (phrase!("≤"), Cmp::AtMost),
        (phrase!("ít nhất là"), Cmp::AtLeast),
        (phrase!("ít nhất"), Cmp::AtLeast),
        (phrase!("tối thiểu là"), Cmp::AtLeast),
        (phrase!("tối thiểu"), Cmp::AtLeast),
        (phrase!("không dưới"), Cmp::AtLeast),
        (phrase!("không thấp hơn"), Cmp::AtLeast),
        (phrase!("không ít hơn"), Cmp::AtLeast),
        (phrase!("at least"), Cmp::AtLeast),
        (phrase!("từ"), Cmp::AtLeast),
        (phrase!("tối đa là"), Cmp::AtMost),
        (phrase!("tối đa"), Cmp::AtMost),
        (phrase!("không vượt quá"), Cmp::AtMost),
        (phrase!("không quá"), Cmp::AtMost),
        (phrase!("không hơn"), Cmp::AtMost),
        (phrase!("at most"), Cmp::AtMost),
        (phrase!("cao hơn"), Cmp::Above),
        (phrase!("trên"), Cmp::Above),
        (phrase!("hơn"), Cmp::Above),
        (phrase!("above"), Cmp::Above),
        (phrase!("more than"), Cmp::Above),
        (phrase!("over"), Cmp::Above),
        (phrase!("thấp hơn"), Cmp::Below),
        (phrase!("ít hơn"), Cmp::Below),
        (phrase!("dưới"), Cmp::Below),
        (phrase!("below"), Cmp::Below),
        (phrase!("less than"), Cmp::Below),
        (phrase!("under"), Cmp::Below),
        (phrase!(">"), Cmp::Above),
        (phrase!("<"), Cmp::Below),
        (phrase!("="), Cmp::Exactly),
    ];
    static FIRST: LazyLock<FirstBytes> =
        LazyLock::new(|| FirstBytes::new(TABLE.iter().map(|(w, _)| w.folded())));
    match FIRST.find_map(&TABLE, s, |(w, cmp)| Some((*cmp, strip_word(s, w)?))) {
        Some((cmp, rest)) => (Some(cmp), rest),
        None => (None, s),
    }
}

/// For each byte, the entries of a table of phrases whose fold starts with it, in the table's
/// order: text can only start with a phrase that starts with its first byte, so the others
/// need not be tried (a sentence is tried as a target phrase by phrase, each against every
/// table).
struct FirstBytes(Vec<Vec<u8>>);

impl FirstBytes {
    fn new<'a>(folds: impl Iterator<Item = &'a str>) -> FirstBytes {
        let mut by_byte = vec![Vec::new(); 256];
        for (i, fold) in folds.enumerate() {
            let i = u8::try_from(i).expect("a table of at most 256 phrases");
            match fold.as_bytes().first() {
                Some(&b) => by_byte[usize::from(b)].push(i),
                // An empty phrase starts any text.
                None => by_byte.iter_mut().for_each(|entries| entries.push(i)),
            }
        }
        FirstBytes(by_byte)
    }

    /// The first `f(entry)` that is `Some`, over the entries of `table` (the one this was
    /// built from) that may start `s`, in the table's order.
    fn find_map<T, R>(&self, table: &[T], s: &str, f: impl FnMut(&T) -> Option<R>) -> Option<R> {
        match s.as_bytes().first() {
            Some(&b) => self.0[usize::from(b)]
                .iter()
                .map(|&i| &table[usize::from(i)])
                .find_map(f),
            None => table.iter().find_map(f),
        }
    }
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
    static SUFFIXES: [Phrase; 8] = [
        phrase!("/năm"),
        phrase!("mỗi năm"),
        phrase!("một năm"),
        phrase!("hằng năm"),
        phrase!("hàng năm"),
        phrase!("/year"),
        phrase!("per year"),
        phrase!("a year"),
    ];
    for suffix in &SUFFIXES {
        if let Some(rest) = s.strip_suffix(suffix.folded()) {
            return (true, rest.trim_end());
        }
    }
    (false, s)
}

fn split_range(s: &str) -> Option<(f64, f64)> {
    let (a, b) = s
        .split_once('-')
        .or_else(|| s.split_once(folded!(" đến ")))
        .or_else(|| s.split_once(folded!(" tới ")))?;
    let a = a.trim().trim_end_matches('%').trim();
    let a = a.strip_prefix(folded!("từ")).unwrap_or(a).trim();
    Some((parse_number(a)?, parse_number(b.trim())?))
}

/// A number written in digits ("02") or in words ("hai"), as plans count times and units.
fn number(w: &str) -> Option<f64> {
    parse_number(w).or_else(|| word_number(w))
}

fn word_number(w: &str) -> Option<f64> {
    static TABLE: [(Phrase, f64); 15] = [
        (phrase!("một"), 1.0),
        (phrase!("hai"), 2.0),
        (phrase!("ba"), 3.0),
        (phrase!("bốn"), 4.0),
        (phrase!("tư"), 4.0),
        (phrase!("năm"), 5.0),
        (phrase!("sáu"), 6.0),
        (phrase!("bảy"), 7.0),
        (phrase!("tám"), 8.0),
        (phrase!("chín"), 9.0),
        (phrase!("mười"), 10.0),
        (phrase!("one"), 1.0),
        (phrase!("two"), 2.0),
        (phrase!("three"), 3.0),
        (phrase!("four"), 4.0),
    ];
    lookup(&TABLE, w)
}

fn period_word(w: &str) -> Option<Per> {
    static TABLE: [(Phrase, Per); 8] = [
        (phrase!("tuần"), Per::Week),
        (phrase!("tháng"), Per::Month),
        (phrase!("quý"), Per::Quarter),
        (phrase!("năm"), Per::Year),
        (phrase!("week"), Per::Week),
        (phrase!("month"), Per::Month),
        (phrase!("quarter"), Per::Quarter),
        (phrase!("year"), Per::Year),
    ];
    lookup(&TABLE, w)
}

/// The value of the first phrase in `table` whose fold is `w`'s. `w` is a piece of normalised
/// text without spaces, so its fold is itself without the punctuation folding trims at the
/// ends: it need not be folded again.
fn lookup<T: Copy>(table: &[(Phrase, T)], w: &str) -> Option<T> {
    let k = w.trim_matches([' ', '.', ',', ';']);
    debug_assert_eq!(match_key(w), k, "not a piece of normalised text");
    table
        .iter()
        .find(|(word, _)| word.folded() == k)
        .map(|&(_, v)| v)
}

/// Words between "lần" and its period that change nothing: "1 lần trong năm", "2 lần mỗi quý",
/// "1 lần/năm", "1 lần trong một năm".
fn is_connector(w: &str) -> bool {
    static CONNECTORS: [Phrase; 11] = [
        phrase!("/"),
        phrase!("trong"),
        phrase!("mỗi"),
        phrase!("một"),
        phrase!("1"),
        phrase!("hằng"),
        phrase!("hàng"),
        phrase!("trên"),
        phrase!("per"),
        phrase!("a"),
        phrase!("every"),
    ];
    CONNECTORS.iter().any(|c| c.folded() == w)
}

fn is_times(w: &str) -> bool {
    w == folded!("lần") || w == "times" || w == "time"
}

/// "hằng", "mỗi": a period follows that the frequency is once in.
fn is_every(w: &str) -> bool {
    static EVERY: [Phrase; 4] = [
        phrase!("hằng"),
        phrase!("hàng"),
        phrase!("mỗi"),
        phrase!("every"),
    ];
    EVERY.iter().any(|e| e.folded() == w)
}

fn parse_frequency(s: &str) -> Option<Target> {
    let (cmp, s) = strip_comparator(s);
    if cmp.is_some_and(Cmp::is_ceiling) {
        return None;
    }
    // No form of a frequency has more than five words, seven after "định kỳ": the words of a
    // longer text need not be kept.
    let mut kept = [""; 8];
    let mut count = 0;
    for w in slash_words(s) {
        *kept.get_mut(count)? = w;
        count += 1;
    }
    let mut words = &kept[..count];
    let periodic = words.len() > 2 && words[0] == folded!("định") && words[1] == folded!("kỳ");
    if periodic {
        words = &words[2..];
    }
    let adverbs = [
        ("weekly", Per::Week),
        ("monthly", Per::Month),
        ("quarterly", Per::Quarter),
        ("yearly", Per::Year),
        ("annually", Per::Year),
    ];
    if let [w] = words
        && let Some(&(_, per)) = adverbs.iter().find(|(a, _)| a == w)
    {
        return Some(Target::Frequency { times: 1.0, per });
    }
    frequency_words(words, periodic)
}

/// The words of `s` with each "/" a word of its own: `s.replace('/', " / ")` split at
/// whitespace, without the copy.
fn slash_words(s: &str) -> impl Iterator<Item = &str> {
    s.split_whitespace()
        .flat_map(|w| w.split_inclusive('/'))
        .flat_map(|piece| match piece.strip_suffix('/') {
            Some(head) => [head, "/"],
            None => [piece, ""],
        })
        .filter(|w| !w.is_empty())
}

/// The word patterns of a frequency, numbers in digits or words.
fn frequency_words(words: &[&str], periodic: bool) -> Option<Target> {
    let per = |w: &str| period_word(w);
    match words {
        // "hằng tháng", "mỗi quý", "mỗi tháng 2 lần"
        [e, p, rest @ ..] if is_every(e) && per(p).is_some() => {
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
        [e, n, p] if (is_every(e) || periodic) && per(p).is_some() => Some(Target::Frequency {
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

    const TEXTS: [&str; 10] = [
        "",
        "2 lần/quý",
        "3 tháng/1 lần",
        "/ tháng /",
        "a//b  c",
        "1 / tháng",
        "ít nhất 70 %",
        "trên 70 phần trăm, 100％ số xã",
        "định kỳ 6 tháng",
        "tháng 1 / 2 / 3 / 4 / 5",
    ];

    #[test]
    fn slash_words_are_the_words_of_the_spaced_text() {
        for s in TEXTS {
            let spaced = s.replace('/', " / ");
            let expected: Vec<&str> = spaced.split_whitespace().collect();
            assert_eq!(slash_words(s).collect::<Vec<_>>(), expected, "{s:?}");
        }
    }

    #[test]
    fn normalise_is_the_replacements_in_turn() {
        for s in TEXTS {
            let folded = match_key(&s.replace('％', "%").replace(", ", "; "));
            let expected = folded
                .replace(folded!("phần trăm"), "%")
                .replace(" %", "%")
                .replace("/ ", "/")
                .replace(" /", "/");
            assert_eq!(normalise(s), expected, "{s:?}");
        }
    }

    #[test]
    fn first_bytes_find_what_a_scan_of_the_table_finds() {
        let table = ["tối đa", "", "tối", "trên", "ít"];
        let first = FirstBytes::new(table.iter().copied());
        for s in ["tối đa 5", "trên 3", "ít", "", "xyz"] {
            let scan = table
                .iter()
                .find_map(|w| s.strip_prefix(w).map(|r| (*w, r)));
            let indexed = first.find_map(&table, s, |w| s.strip_prefix(w).map(|r| (*w, r)));
            assert_eq!(indexed, scan, "{s:?}");
        }
    }
}
