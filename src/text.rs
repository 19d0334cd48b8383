//! Vietnamese text normalisation: what makes two spellings of one name compare equal.

use unicode_normalization::UnicodeNormalization;

/// Unicode NFC: the form every stored string is kept in.
pub fn nfc(s: &str) -> String {
    // Most text already is NFC; the quick check avoids decomposing and recomposing it.
    match unicode_normalization::is_nfc_quick(s.chars()) {
        unicode_normalization::IsNormalized::Yes => s.to_string(),
        _ => s.nfc().collect(),
    }
}

/// [`match_key`] of a constant, computed once per thread: the tables of words that targets and
/// names are matched against are folded on every lookup otherwise.
pub fn const_key(word: &'static str) -> &'static str {
    cached(word, true)
}

/// [`fold`] of a constant, computed once per thread.
pub fn const_fold(word: &'static str) -> &'static str {
    cached(word, false)
}

fn cached(word: &'static str, comma_is_dash: bool) -> &'static str {
    use std::cell::RefCell;
    use std::collections::HashMap;
    thread_local! {
        static CACHE: RefCell<HashMap<(&'static str, bool), &'static str>> = RefCell::new(HashMap::new());
    }
    CACHE.with(|c| {
        *c.borrow_mut()
            .entry((word, comma_is_dash))
            .or_insert_with(|| Box::leak(key(word, comma_is_dash).into_boxed_str()))
    })
}

const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// A key under which spellings of one name meet: NFC/NFD, old and new tone placement
/// ("Hoà"/"Hòa", "Uỷ"/"Ủy"), case, dash kinds, spacing around punctuation and "&".
/// Not for display.
pub fn match_key(s: &str) -> String {
    key(s, true)
}

/// Like [`match_key`] but keeps commas, for text where a comma is a decimal mark (targets).
pub fn fold(s: &str) -> String {
    key(s, false)
}

fn key(s: &str, comma_is_dash: bool) -> String {
    let mut out = String::with_capacity(s.len());
    // Tone marks are moved to the end of their syllable, so "hoà" and "hòa" agree; the
    // vowel-quality marks (circumflex, breve, horn) stay where they are.
    let mut tones = String::new();
    let flush = |out: &mut String, tones: &mut String| {
        out.push_str(tones);
        tones.clear();
    };
    for c in s.nfd().flat_map(char::to_lowercase) {
        let c = match c {
            // Dashes of every kind, and the comma some texts write in the same place
            // ("Lao động - Thương binh" / "Lao động, Thương binh").
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            ',' if comma_is_dash => '-',
            '\u{a0}' | '\t' | '\n' | '\r' => ' ',
            _ => c,
        };
        if TONE_MARKS.contains(&c) {
            tones.push(c);
        } else if c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c) {
            out.push(c);
        } else {
            flush(&mut out, &mut tones);
            out.push(c);
        }
    }
    flush(&mut out, &mut tones);
    // Spacing: collapse runs, and drop spaces around joining punctuation.
    let mut key = String::with_capacity(out.len());
    let mut chars = out.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        if c == ' ' {
            pending_space = true;
            continue;
        }
        let joins = matches!(c, '-' | '&' | ',' | '.' | '/' | '(' | ')');
        if pending_space
            && !joins
            && !key.is_empty()
            && !key.ends_with(['-', '&', ',', '.', '/', '('])
        {
            key.push(' ');
        }
        pending_space = false;
        key.push(c);
        let _ = chars.peek();
    }
    key.trim_matches(|c: char| c == ' ' || c == '.' || c == ',' || c == ';')
        .nfc()
        .collect()
}

/// Parses a number in Vietnamese notation: "." groups thousands, "," is the decimal mark
/// ("2.000" is two thousand, "2,5" two and a half). A "." followed by other than exactly
/// three digits is read as a decimal point, since English-style drafts write "2.5".
pub fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim();
    let normalised = match (s.contains('.'), s.contains(',')) {
        (true, true) => s.replace('.', "").replace(',', "."),
        (false, true) => s.replace(',', "."),
        (true, false) if s.split('.').skip(1).all(|g| g.len() == 3) => s.replace('.', ""),
        _ => s.to_string(),
    };
    let well_formed = !normalised.is_empty()
        && normalised.chars().all(|c| c.is_ascii_digit() || c == '.')
        && normalised.starts_with(|c: char| c.is_ascii_digit())
        && normalised.matches('.').count() <= 1;
    if well_formed {
        normalised.parse().ok()
    } else {
        None
    }
}

/// Formats a number the Vietnamese way ("25.000", "2,5").
pub fn format_number(v: f64) -> String {
    let neg = v < 0.0;
    let v = v.abs();
    let int = v.trunc() as u64;
    let frac = ((v - v.trunc()) * 100.0).round() as u64;
    let digits = int.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    if frac > 0 {
        let f = format!("{frac:02}");
        out.push(',');
        out.push_str(f.trim_end_matches('0'));
    }
    if neg { format!("-{out}") } else { out }
}

/// The closest candidate to `input` by normalised edit distance, if close enough to be a
/// plausible misspelling.
pub fn did_you_mean<'a, I>(input: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    const THRESHOLD: f64 = 0.7;
    let key: Vec<char> = match_key(input).chars().collect();
    let mut best: Option<(f64, &'a str)> = None;
    for c in candidates {
        let score = with_candidate_key(c, |ck| {
            let longest = key.len().max(ck.len());
            if longest == 0 {
                return 1.0;
            }
            // Only distances that reach the threshold (or beat the best so far) matter, so
            // the computation stops as soon as a candidate cannot get there.
            let floor = best.map_or(THRESHOLD, |(b, _)| b.max(THRESHOLD));
            let max = ((1.0 - floor) * longest as f64 + 1e-9).floor() as usize;
            levenshtein_within(&key, ck, max).map_or(0.0, |d| 1.0 - d as f64 / longest as f64)
        });
        // On a tie the later candidate wins, as lists put canonical names last.
        if score >= THRESHOLD && best.is_none_or(|(b, _)| score >= b) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c)
}

/// The edit distance between `a` and `b` if it is at most `max`.
fn levenshtein_within(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        let mut smallest = row[0];
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
            smallest = smallest.min(row[j + 1]);
        }
        if smallest > max {
            return None;
        }
    }
    let d = row[b.len()];
    (d <= max).then_some(d)
}

/// Calls `f` with the match key (as characters) of a suggestion candidate. Candidates are
/// the same few hundred names (agencies, provinces, keys) for every file, so their keys are
/// kept per thread instead of being recomputed for each unknown name.
fn with_candidate_key<R>(candidate: &str, f: impl FnOnce(&[char]) -> R) -> R {
    use std::cell::RefCell;
    use std::collections::HashMap;
    // Bounded: a pathological input cannot make the cache grow without limit.
    const MAX_CACHED: usize = 4096;
    thread_local! {
        static KEYS: RefCell<HashMap<String, Vec<char>>> = RefCell::new(HashMap::new());
    }
    KEYS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if !cache.contains_key(candidate) {
            if cache.len() >= MAX_CACHED {
                cache.clear();
            }
            cache.insert(
                candidate.to_string(),
                match_key(candidate).chars().collect(),
            );
        }
        f(&cache[candidate])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_name_share_a_key() {
        let nfd: String = "Sở Lao động - Thương binh và Xã hội".nfd().collect();
        let k = match_key("Sở Lao động - Thương binh và Xã hội");
        assert_eq!(match_key(&nfd), k);
        assert_eq!(match_key("Sở Lao động – Thương binh và Xã hội"), k);
        assert_eq!(match_key("SỞ LAO ĐỘNG-THƯƠNG BINH VÀ XÃ HỘI"), k);
        assert_eq!(match_key("Hoà Bình"), match_key("Hòa Bình"));
        assert_eq!(match_key("Uỷ ban"), match_key("Ủy ban"));
        assert_eq!(match_key("Sở LĐ-TB&XH"), match_key("Sở LĐ - TB & XH"));
        assert_ne!(match_key("Sở Y tế"), match_key("Sở Y tê"));
        assert_ne!(match_key("Hòa"), match_key("Hóa"));
    }

    #[test]
    fn vietnamese_numbers() {
        assert_eq!(parse_number("2.000"), Some(2000.0));
        assert_eq!(parse_number("25.000"), Some(25000.0));
        assert_eq!(parse_number("1.234.567"), Some(1234567.0));
        assert_eq!(parse_number("2,5"), Some(2.5));
        assert_eq!(parse_number("2.5"), Some(2.5));
        assert_eq!(parse_number("70"), Some(70.0));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number("1.000,5"), Some(1000.5));
        assert_eq!(format_number(25000.0), "25.000");
        assert_eq!(format_number(2.5), "2,5");
    }

    #[test]
    fn bounded_edit_distance() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        for (a, b) in [
            ("kitten", "sitting"),
            ("", "abc"),
            ("Sở Y tế", "Sở Y tê"),
            ("abc", "abc"),
        ] {
            let d = strsim::levenshtein(a, b);
            assert_eq!(
                levenshtein_within(&chars(a), &chars(b), d),
                Some(d),
                "{a} {b}"
            );
            if d > 0 {
                assert_eq!(
                    levenshtein_within(&chars(a), &chars(b), d - 1),
                    None,
                    "{a} {b}"
                );
            }
        }
    }

    #[test]
    fn suggestions_only_for_near_misses() {
        let names = ["Sở Y tế", "Sở Tư pháp", "Công an tỉnh"];
        assert_eq!(did_you_mean("Sở Y tê", names), Some("Sở Y tế"));
        assert_eq!(did_you_mean("Ngân hàng", names), None);
    }
}
