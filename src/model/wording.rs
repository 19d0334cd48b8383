//! Whatever a plan writes as a target, read: a form `Target::parse` knows, a figure picked out
//! of a sentence ("Phấn đấu đến năm 2025 có 80% học sinh …"), or words kept as a qualitative
//! target. Nothing a plan writes is a schema error; what cannot be compared says why.

use super::target::{Cmp, Measure, Target, Unclear, normalise, period_words};
use crate::folded;
use crate::text::parse_number;
use serde::Serialize;
use std::borrow::Cow;
use std::cell::OnceCell;
use std::sync::LazyLock;

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
    let (target, in_sentence) = remembered(input);
    Reading {
        target,
        in_sentence,
        did_you_mean: match expect {
            Some(Measure::Percent) => target.percent_guess(),
            _ => None,
        },
    }
}

/// [`read_figure`] of `input`, remembered per thread: plans generated from, or copied from,
/// the same document state the same targets in the same words, and a sentence costs far
/// more to read than to look up. Bounded, so that no input makes it grow without limit.
fn remembered(input: &str) -> (Target, bool) {
    use crate::recall::Recall;
    use std::cell::RefCell;
    thread_local! {
        static READ: RefCell<Recall<(Target, bool)>> = RefCell::new(Recall::default());
    }
    READ.with(|read| {
        if let Some(&known) = read.borrow().get(input) {
            return known;
        }
        let reading = read_figure(input);
        read.borrow_mut().keep(input, reading);
        reading
    })
}

/// The target a wording states, and whether it was picked out of a longer sentence.
fn read_figure(input: &str) -> (Target, bool) {
    if input.trim().is_empty() {
        return (qualitative(Unclear::NotStated), false);
    }
    let s = normalise(input);
    if let Ok(t) = Target::parse_normalised(&s) {
        return (t, false);
    }
    let words = Words::new(&s);
    let target = from_sentence(&words);
    let in_sentence = !matches!(target, Target::Qualitative { .. });
    (target, in_sentence)
}

/// A target for words that have no figure to compare.
pub fn qualitative(why: Unclear) -> Target {
    Target::Qualitative { why }
}

/// The words of a normalised sentence, without the punctuation around them, and how to read
/// a run of them as a target.
struct Words<'a> {
    /// The sentence the words are pieces of.
    text: &'a str,
    words: Vec<&'a str>,
    /// The words joined by spaces are normalised text ([`normalise`] leaves them as they are),
    /// and so is every run of them: a run can be read without normalising it again. Not so
    /// when taking the punctuation away left, say, a dash after a space (`"-5"`).
    normalised: bool,
    /// How many of the words before each hold a word for a period ([`period_words`]); only
    /// counted for normalised words, and only when asked for a frequency: a sentence with a
    /// share is never asked.
    periods_before: OnceCell<Vec<usize>>,
}

impl<'a> Words<'a> {
    /// The words of `s`, which [`normalise`] wrote.
    fn new(s: &'a str) -> Words<'a> {
        // `s.split(' ')` byte by byte: a space is one byte, and this is cheaper on short words.
        let mut words: Vec<&str> = Vec::with_capacity(s.len() / 4);
        let mut start = 0;
        for (at, &b) in s.as_bytes().iter().enumerate().chain([(s.len(), &b' ')]) {
            if b == b' ' {
                let w = clean(&s[start..at]);
                if !w.is_empty() {
                    words.push(w);
                }
                start = at + 1;
            }
        }
        let normalised = words.windows(2).all(|pair| stay_apart(pair[0], pair[1]));
        debug_assert!(
            !normalised || {
                let joined = words.join(" ");
                normalise(&joined) == joined
            }
        );
        Words {
            text: s,
            words,
            normalised,
            periods_before: OnceCell::new(),
        }
    }

    /// [`Words::periods_before`], counted on first use.
    fn periods_before(&self) -> &[usize] {
        self.periods_before.get_or_init(|| {
            let mut periods_before = vec![0];
            if self.normalised {
                for holds in self.words.iter().map(|w| holds_a_period(w)) {
                    periods_before.push(periods_before.last().unwrap() + usize::from(holds));
                }
            }
            periods_before
        })
    }

    /// The words `from..=to` joined by spaces: a piece of the sentence when single spaces
    /// stand between them, as they most often do, so nothing is copied.
    fn run(&self, from: usize, to: usize) -> Cow<'a, str> {
        let run = &self.words[from..=to];
        let start = offset(self.text, run[0]);
        let end = offset(self.text, run[run.len() - 1]) + run[run.len() - 1].len();
        // Each word is followed by at least one space: the span is as long as the words
        // joined by one space only when that is all there is between them.
        let joined = run.iter().map(|w| w.len()).sum::<usize>() + run.len() - 1;
        if end - start == joined {
            Cow::Borrowed(&self.text[start..end])
        } else {
            Cow::Owned(run.join(" "))
        }
    }

    /// The target a run of words (`phrase`, words joined by spaces) reads as.
    fn parse(&self, phrase: &str) -> Option<Target> {
        if self.normalised {
            Target::parse_normalised(phrase).ok()
        } else {
            Target::parse(phrase).ok()
        }
    }

    /// The frequency the words `i..k` read as, if they read as one.
    fn frequency(&self, i: usize, k: usize) -> Option<Target> {
        if !self.normalised {
            return match Target::parse(&self.run(i, k - 1)) {
                Ok(t @ Target::Frequency { .. }) => Some(t),
                _ => None,
            };
        }
        let periods_before = self.periods_before();
        if periods_before[k] == periods_before[i] {
            return None;
        }
        Target::parse_frequency_normalised(&self.run(i, k - 1))
    }
}

/// Whether a word holds a word for a period ([`period_words`]). Each byte is looked up in a
/// table of the bytes those words start with; only there are they compared.
fn holds_a_period(word: &str) -> bool {
    static PERIODS: LazyLock<(Vec<&'static str>, [bool; 256])> = LazyLock::new(|| {
        let words: Vec<&str> = period_words().collect();
        let mut first = [false; 256];
        for w in &words {
            first[usize::from(w.as_bytes()[0])] = true;
        }
        (words, first)
    });
    let (periods, first) = &*PERIODS;
    let bytes = word.as_bytes();
    // Compared byte by byte: most comparisons end at the second byte, before a call to
    // `memcmp` would have begun.
    let starts_with =
        |rest: &[u8], p: &[u8]| rest.len() >= p.len() && rest.iter().zip(p).all(|(a, b)| a == b);
    (0..bytes.len()).any(|i| {
        first[usize::from(bytes[i])]
            && periods
                .iter()
                .any(|p| starts_with(&bytes[i..], p.as_bytes()))
    })
}

/// Where `piece`, a slice of `s`, starts in it.
fn offset(s: &str, piece: &str) -> usize {
    piece.as_ptr() as usize - s.as_ptr() as usize
}

/// Whether two words of normalised text, the punctuation around them taken away, are still
/// normalised text when joined by a space: folding drops a space next to a dash, a slash or a
/// bracket, and [`normalise`] one before "%", and makes "%" of "phần trăm".
fn stay_apart(a: &str, b: &str) -> bool {
    let (phan, tram) = folded!("phần trăm").split_once(' ').expect("two words");
    let joins_after = matches!(
        a.chars().next_back(),
        Some('-' | '&' | ',' | '.' | '/' | '(')
    );
    let joins_before = matches!(
        b.chars().next(),
        Some('-' | '&' | ',' | '.' | '/' | '(' | ')' | '%')
    );
    let makes_percent = a.ends_with(phan) && b.starts_with(tram);
    !(joins_after || joins_before || makes_percent)
}

impl<'a> std::ops::Deref for Words<'a> {
    type Target = [&'a str];
    fn deref(&self) -> &[&'a str] {
        &self.words
    }
}

/// A word without the punctuation around it ("70%,", "(80%").
fn clean(w: &str) -> &str {
    // `w.trim_matches` of these marks, byte by byte: the ASCII marks are one byte, the quotes
    // “ and ” three (E2 80 9C, E2 80 9D), and E2 always starts a character.
    let b = w.as_bytes();
    let (mut start, mut end) = (0, b.len());
    loop {
        match b[start..end] {
            [b',' | b';' | b':' | b'.' | b'(' | b')' | b'"', ..] => start += 1,
            [0xe2, 0x80, 0x9c | 0x9d, ..] => start += 3,
            _ => break,
        }
    }
    loop {
        match b[start..end] {
            [.., b',' | b';' | b':' | b'.' | b'(' | b')' | b'"'] => end -= 1,
            [.., 0xe2, 0x80, 0x9c | 0x9d] => end -= 3,
            _ => break,
        }
    }
    &w[start..end]
}

/// The one figure of a sentence: a share if it has one, else a frequency, else a count.
fn from_sentence(words: &Words) -> Target {
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
    let all = [
        [folded!("tất"), folded!("cả")],
        [folded!("toàn"), folded!("bộ")],
    ]
    .iter()
    .any(|[a, b]| words.len() > 2 && words[0] == *a && words[1] == *b);
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
    // `w.split_once('%')`: a byte search, cheaper on a word than the general one.
    let num = w.bytes().position(|b| b == b'%').map(|at| &w[..at]);
    num.is_some_and(|num| {
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
        && (i == 0 || words[i - 1].ends_with(folded!("năm")) || words[i - 1] == folded!("đến"))
}

/// The reading of the figure at `i` with the words just before it that bound it
/// ("có ít nhất 70%", "trên 70%") and a "trở lên" just after it.
fn window_before(words: &Words, i: usize) -> Option<Target> {
    let end = match words.get(i + 1..i + 3) {
        Some([a, _]) if *a == folded!("trở") => i + 2,
        _ => i,
    };
    (i.saturating_sub(4)..=i).find_map(|j| words.parse(&words.run(j, end)))
}

/// Every frequency a sentence states ("kiểm tra ít nhất 1 lần trong năm"), each once.
fn frequencies(words: &Words) -> Vec<Target> {
    let mut out: Vec<Target> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // The longest phrase from here that reads as a frequency.
        let found = (i + 1..=(i + 6).min(words.len()))
            .rev()
            .find_map(|k| Some((words.frequency(i, k)?, k)));
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Sentences as plans write them in `text:`, with the figure each one states.
    const SENTENCES: [&str; 8] = [
        "Phấn đấu đến năm 2025 có 80% học sinh được tuyên truyền",
        "Kiểm tra ít nhất 1 lần trong năm đối với cơ sở kinh doanh dịch vụ",
        "Tổ chức 2 lần/năm các lớp tập huấn, bồi dưỡng cho 25.000 người",
        "Tất cả huyện, thị xã, thành phố xây dựng kế hoạch",
        "Giảm \"-5\" vụ so với năm 2020, kiểm tra 6 tháng một lần",
        "Trên 70 phần trăm xã, phường (có 10/10 huyện) trở lên",
        "thường xuyên tuyên truyền",
        "Hằng quý kiểm tra (ít nhất một lần mỗi quý)",
    ];

    #[test]
    fn runs_of_normalised_words_read_as_their_normalised_text() {
        for sentence in SENTENCES {
            let s = normalise(sentence);
            let words = Words::new(&s);
            let slow = Words {
                text: words.text,
                words: words.words.clone(),
                normalised: false,
                periods_before: OnceCell::new(),
            };
            assert_eq!(from_sentence(&words), from_sentence(&slow), "{sentence}");
        }
    }

    #[test]
    fn words_are_cleaned_as_by_trim_matches() {
        let marks = |c: char| matches!(c, ',' | ';' | ':' | '.' | '(' | ')' | '"' | '“' | '”');
        for w in [
            "",
            ",",
            "“”",
            "(70%),",
            "“tất cả”.",
            "a",
            "x“y”z",
            "..“.",
            "ở.",
            "”ầ“",
            "\"\"",
        ] {
            assert_eq!(clean(w), w.trim_matches(marks), "{w:?}");
        }
    }

    #[test]
    fn a_run_of_words_is_the_words_joined() {
        for sentence in SENTENCES {
            let s = normalise(sentence);
            let words = Words::new(&s);
            let mut borrowed = 0;
            for from in 0..words.len() {
                for to in from..words.len() {
                    let run = words.run(from, to);
                    assert_eq!(run, words[from..=to].join(" "), "{sentence}");
                    borrowed += usize::from(matches!(run, Cow::Borrowed(_)));
                }
            }
            assert!(borrowed > 0, "{sentence}");
        }
    }

    #[test]
    fn words_holding_a_period_are_those_that_contain_one() {
        for sentence in SENTENCES {
            let s = normalise(sentence);
            let words = Words::new(&s);
            let contain: Vec<bool> = words
                .iter()
                .map(|w| period_words().any(|p| w.contains(p)))
                .collect();
            let holding: Vec<bool> = words.iter().map(|w| holds_a_period(w)).collect();
            assert_eq!(holding, contain, "{sentence}");
        }
    }

    #[test]
    fn a_dash_left_after_a_space_is_normalised_again() {
        let s = normalise(SENTENCES[4]);
        assert!(!Words::new(&s).normalised);
        assert!(Words::new(&normalise(SENTENCES[1])).normalised);
    }

    #[test]
    fn a_remembered_reading_is_the_reading() {
        for sentence in SENTENCES.iter().chain(&SENTENCES) {
            let read = read_target(sentence, Some(Measure::Percent));
            let (target, in_sentence) = read_figure(sentence);
            assert_eq!((read.target, read.in_sentence), (target, in_sentence));
            assert_eq!(read.did_you_mean, target.percent_guess(), "{sentence}");
        }
    }

    #[test]
    fn the_figure_of_a_sentence() {
        let read = |s: &str| read_target(s, None);
        assert_eq!(
            read(SENTENCES[0]).target,
            Target::Percent {
                cmp: Cmp::AtLeast,
                value: 80.0
            }
        );
        assert!(read(SENTENCES[0]).in_sentence);
        assert_eq!(
            read(SENTENCES[1]).target,
            Target::Frequency {
                times: 1.0,
                per: crate::model::Per::Year
            }
        );
        assert_eq!(
            read(SENTENCES[3]).target,
            Target::Percent {
                cmp: Cmp::AtLeast,
                value: 100.0
            }
        );
        assert_eq!(read(SENTENCES[6]).target, qualitative(Unclear::NoFigure));
        assert_eq!(read("  ").target, qualitative(Unclear::NotStated));
    }
}
