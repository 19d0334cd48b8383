//! [`super::key`] in one pass, for text written in Vietnamese letters, ASCII and the usual
//! punctuation: nearly every string a plan holds. The general route decomposes the text,
//! moves the tone marks, respaces it and composes it again, four passes and four strings; a
//! target sentence is folded that way for every indicator of every plan. Here each character
//! is looked up once, as its lower-case letter without a tone and that tone, and the tone is
//! written on the last letter of its syllable as composition (NFC) would write it.
//!
//! Why that is the same text: each of these letters decomposes to one starter and at most a
//! vowel-quality mark and a tone; no two of these characters compose with each other; so after
//! the general route moves a syllable's tone to its end, composition only rejoins each letter
//! with its own quality mark, and the last one with the tone. The tests compare both routes on
//! every character of the tables, in context, on random strings and on the bundled plans.
//! Anything else (another script, a stray combining mark, a syllable with two tones) is
//! `None`: the general route folds it.

use super::TONE_MARKS;
use super::normalisation;
use std::sync::LazyLock;
use unicode_normalization::char::decompose_canonical;

/// The letters with a quality mark, and "đ": what a Vietnamese letter is, once lower-cased and
/// without its tone, if it is not ASCII.
const MARKED_LETTERS: [char; 7] = ['ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ'];

/// Punctuation outside ASCII that plans write, and what the general route folds it to: the
/// dashes to "-", the no-break space to a space, the rest to themselves. None of them
/// decomposes, is a letter or composes with a neighbour.
const PUNCTUATION: [(char, char); 18] = [
    ('\u{a0}', ' '),
    ('\u{2010}', '-'),
    ('\u{2011}', '-'),
    ('\u{2012}', '-'),
    ('\u{2013}', '-'),
    ('\u{2014}', '-'),
    ('\u{2015}', '-'),
    ('\u{2212}', '-'),
    ('\u{2018}', '\u{2018}'),
    ('\u{2019}', '\u{2019}'),
    ('\u{201c}', '\u{201c}'),
    ('\u{201d}', '\u{201d}'),
    ('\u{2026}', '\u{2026}'),
    ('\u{2192}', '\u{2192}'),
    ('\u{2264}', '\u{2264}'),
    ('\u{2265}', '\u{2265}'),
    ('\u{ff05}', '\u{ff05}'),
    ('\u{b7}', '\u{b7}'),
];

/// The two ranges where precomposed Vietnamese letters are: Latin-1 to the Latin Extended-B
/// letters with a horn ("ơ", "ư"), and the Vietnamese block of Latin Extended Additional.
const LATIN: std::ops::RangeInclusive<u32> = 0xc0..=0x1b0;
const VIETNAMESE: std::ops::RangeInclusive<u32> = 0x1ea0..=0x1ef9;

/// One character as the one pass reads it.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) enum Read {
    /// A letter or digit: lower-case, without its tone, and the tone (1 + its index in
    /// [`TONE_MARKS`]; 0 for none).
    Letter(char, u8),
    /// Not a letter: what it folds to.
    Other(char),
    /// Not known here: the general route folds the text.
    Unknown,
}

/// The letters of [`LATIN`] and [`VIETNAMESE`], read once per process.
struct Tables {
    latin: Vec<Read>,
    vietnamese: Vec<Read>,
    /// For each letter a syllable may end with (ASCII by its code, then [`MARKED_LETTERS`]),
    /// the letter with each tone, as composition writes it: one character ("ậ", then
    /// `'\0'`), or the letter and the mark ("m̉") when there is no such character.
    toned: Vec<[[char; 2]; 5]>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let read_range = |range: std::ops::RangeInclusive<u32>| {
        range
            .map(|u| char::from_u32(u).map_or(Read::Unknown, letter))
            .collect()
    };
    let letters = (0..128u8)
        .map(char::from)
        .chain(MARKED_LETTERS)
        .map(|l| {
            std::array::from_fn(|t| {
                let toned = normalisation::nfc(&format!("{l}{}", TONE_MARKS[t]));
                let mut chars = toned.chars().chain(std::iter::repeat('\0'));
                let pair = [
                    chars.next().expect("a letter"),
                    chars.next().expect("'\\0'"),
                ];
                assert_eq!(
                    chars.next(),
                    Some('\0'),
                    "{toned:?} is more than two characters"
                );
                pair
            })
        })
        .collect();
    Tables {
        latin: read_range(LATIN),
        vietnamese: read_range(VIETNAMESE),
        toned: letters,
    }
});

/// How the general route reads a precomposed letter: its decomposition lower-cased, the tone
/// taken out and the rest composed again. [`Read::Unknown`] unless that is one letter this
/// pass writes tones on (so at most one other mark) and there is at most one tone.
fn letter(c: char) -> Read {
    let mut rest = String::new();
    let mut tone = 0;
    let mut known = true;
    decompose_canonical(c, |d| {
        for l in d.to_lowercase() {
            match TONE_MARKS.iter().position(|&t| t == l) {
                Some(i) if tone == 0 => tone = i as u8 + 1,
                Some(_) => known = false,
                None => rest.push(l),
            }
        }
    });
    let rest = normalisation::nfc(&rest);
    let mut chars = rest.chars();
    match (chars.next(), chars.next()) {
        (Some(l), None) if known && (l.is_ascii_alphabetic() || MARKED_LETTERS.contains(&l)) => {
            Read::Letter(l, tone)
        }
        _ => Read::Unknown,
    }
}

/// How the one pass reads `c`; `comma_is_dash` as for [`super::key`].
#[inline]
pub(super) fn read(c: char, comma_is_dash: bool) -> Read {
    if c.is_ascii() {
        return match c {
            _ if c.is_ascii_alphanumeric() => Read::Letter(c.to_ascii_lowercase(), 0),
            ',' if comma_is_dash => Read::Other('-'),
            '\t' | '\n' | '\r' => Read::Other(' '),
            _ => Read::Other(c),
        };
    }
    let u = u32::from(c);
    if LATIN.contains(&u) {
        TABLES.latin[(u - LATIN.start()) as usize]
    } else if VIETNAMESE.contains(&u) {
        TABLES.vietnamese[(u - VIETNAMESE.start()) as usize]
    } else {
        PUNCTUATION
            .iter()
            .find(|(p, _)| *p == c)
            .map_or(Read::Unknown, |&(_, f)| Read::Other(f))
    }
}

/// The key [`super::key`] gives `s`, if every character of `s` is one this pass knows.
pub(super) fn key(s: &str, comma_is_dash: bool) -> Option<String> {
    // A tone moved to a letter it does not compose with takes two bytes more than it did.
    let mut out = Spaced::with_capacity(s.len() + s.len() / 2);
    // The current syllable's last letter, not written yet, and its tone.
    let mut last: Option<char> = None;
    let mut tone = 0u8;
    for c in s.chars() {
        match read(c, comma_is_dash) {
            Read::Letter(l, t) => {
                if t != 0 {
                    if tone != 0 {
                        return None;
                    }
                    tone = t;
                }
                if let Some(previous) = last.replace(l) {
                    out.push(previous);
                }
            }
            Read::Other(o) => {
                end_syllable(&mut out, last.take(), std::mem::take(&mut tone));
                out.push(o);
            }
            Read::Unknown => return None,
        }
    }
    end_syllable(&mut out, last, tone);
    Some(out.finish())
}

/// Writes a syllable's last letter with the syllable's tone.
#[inline(always)]
fn end_syllable(out: &mut Spaced, last: Option<char>, tone: u8) {
    let Some(l) = last else { return };
    if tone == 0 {
        out.push(l);
        return;
    }
    let row = match MARKED_LETTERS.iter().position(|&m| m == l) {
        Some(i) => 128 + i,
        None => l as usize,
    };
    let [first, second] = TABLES.toned[row][usize::from(tone - 1)];
    out.push(first);
    if second != '\0' {
        out.push(second);
    }
}

/// Text written a character at a time with [`super::spaced`]'s spacing: runs of spaces as one,
/// none around joining punctuation, none at either end.
struct Spaced {
    key: String,
    pending_space: bool,
    /// The last character written, if any: a space after joining punctuation is dropped.
    last: char,
}

impl Spaced {
    fn with_capacity(n: usize) -> Spaced {
        Spaced {
            key: String::with_capacity(n),
            pending_space: false,
            last: '\0',
        }
    }

    #[inline(always)]
    fn push(&mut self, c: char) {
        if c == ' ' {
            self.pending_space = true;
            return;
        }
        let joins = matches!(c, '-' | '&' | ',' | '.' | '/' | '(' | ')');
        if self.pending_space
            && !joins
            && !self.key.is_empty()
            && !matches!(self.last, '-' | '&' | ',' | '.' | '/' | '(')
        {
            self.key.push(' ');
        }
        self.pending_space = false;
        self.key.push(c);
        self.last = c;
    }

    fn finish(self) -> String {
        let key = self.key;
        let trimmed = key.trim_matches(|c: char| c == ' ' || c == '.' || c == ',' || c == ';');
        if trimmed.len() == key.len() {
            key
        } else {
            trimmed.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::char::compose;

    /// Every character the one pass knows: ASCII, and the letters and punctuation of its tables.
    fn known() -> Vec<char> {
        (0..128u8)
            .map(char::from)
            .chain(LATIN.chain(VIETNAMESE).filter_map(char::from_u32))
            .chain(PUNCTUATION.iter().map(|&(p, _)| p))
            .filter(|&c| read(c, false) != Read::Unknown)
            .collect()
    }

    #[test]
    fn every_vietnamese_letter_is_known() {
        for consonant in "bcdđghklmnpqrstvx".chars() {
            for c in [consonant, consonant.to_ascii_uppercase()] {
                assert!(matches!(read(c, true), Read::Letter(_, 0)), "{c}");
            }
        }
        for vowel in "aăâeêioôơuưy".chars() {
            for (t, tone) in ["", "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"]
                .into_iter()
                .enumerate()
            {
                let lower = normalisation::nfc(&format!("{vowel}{tone}"));
                for s in [lower.to_uppercase(), lower] {
                    let c = s.chars().next().expect("a letter");
                    assert_eq!(s.chars().count(), 1, "{s}");
                    assert_eq!(read(c, true), Read::Letter(vowel, t as u8), "{s}");
                }
            }
        }
    }

    #[test]
    fn no_two_known_characters_compose() {
        let known = known();
        for &a in &known {
            for &b in &known {
                assert_eq!(compose(a, b), None, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn every_known_character_folds_as_by_the_general_route() {
        for c in known() {
            for context in [
                "{}", "a{}", "{}a", "hoa{}", "{}{}", "Ư{}t", "ệ{}", " {} ", "ố{}m", "ậ{}.", "-{}",
                "{} -", "(ở{}", "{}, ạ", "x /{}",
            ] {
                let s = context.replace("{}", &c.to_string());
                for comma_is_dash in [true, false] {
                    let general = super::super::general_key(&s, comma_is_dash);
                    match key(&s, comma_is_dash) {
                        Some(k) => assert_eq!(k, general, "{s:?}"),
                        None => assert!(two_tones_in_a_syllable(&s), "{s:?}"),
                    }
                }
            }
        }
    }

    fn two_tones_in_a_syllable(s: &str) -> bool {
        let mut tones = 0;
        for c in s.chars() {
            match read(c, false) {
                Read::Letter(_, 0) => {}
                Read::Letter(..) => tones += 1,
                _ if tones > 1 => return true,
                _ => tones = 0,
            }
        }
        tones > 1
    }

    #[test]
    fn random_text_folds_as_by_the_general_route() {
        // Three pools, drawn from as a plan writes: mostly letters without a tone and
        // punctuation, some letters with one, now and then a character this pass leaves alone.
        let plain: Vec<char> =
            "aAeEoOuUyYiIdDđĐmnthgcpkx019 ,.;:-/&()%'\"\t\năâêôơưĂÊ…–—“”\u{a0}≥→"
                .chars()
                .chain(std::iter::repeat_n(' ', 10))
                .collect();
        let toned: Vec<char> = "àáảãạầấẩẫậằắẳẵặềếểễệồốổỗộờớởỡợừứửữựỳýỷỹỵíìỉĩịẦỰÝĨỊé"
            .chars()
            .collect();
        let other: Vec<char> = "\u{301}\u{323}\u{302}ßçǹ\u{2003}".chars().collect();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as usize
        };
        let mut folded_here = 0;
        for _ in 0..30_000 {
            let len = next() % 40 + 1;
            let s: String = (0..len)
                .map(|_| match next() % 100 {
                    0..2 => other[next() % other.len()],
                    2..17 => toned[next() % toned.len()],
                    _ => plain[next() % plain.len()],
                })
                .collect();
            for comma_is_dash in [true, false] {
                let general = super::super::general_key(&s, comma_is_dash);
                if let Some(k) = key(&s, comma_is_dash) {
                    assert_eq!(k, general, "{s:?}");
                    folded_here += 1;
                }
            }
        }
        // Most strings are folded here; not those with a character of the third pool, nor
        // those with two tones in a syllable.
        assert!(folded_here > 20_000, "{folded_here}");
    }

    #[test]
    fn every_line_of_the_bundled_plans_takes_the_one_pass() {
        for dir in ["plans", "examples"] {
            let files = std::fs::read_dir(format!("{}/{dir}", env!("CARGO_MANIFEST_DIR")));
            for file in files.expect("a bundled folder") {
                let text = std::fs::read_to_string(file.expect("a file").path()).expect("text");
                for line in text.lines() {
                    for comma_is_dash in [true, false] {
                        let general = super::super::general_key(line, comma_is_dash);
                        assert_eq!(key(line, comma_is_dash), Some(general), "{line:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn text_this_pass_does_not_know_is_left_to_the_general_route() {
        assert_eq!(key("Straße", true), None);
        assert_eq!(key("e\u{301}", true), None);
        assert_eq!(key("hóá", true), None);
        // The tone goes on the syllable's last letter, composed with it when Unicode has that
        // letter.
        assert_eq!(key("Hòa Bình", true).as_deref(), Some("hoà binh\u{300}"));
        assert_eq!(key("Tết", true).as_deref(), Some("têt\u{301}"));
    }
}
