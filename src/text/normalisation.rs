//! Unicode NFD and NFC as `unicode_normalization`'s `nfd()` and `nfc()` give them, written out
//! for text that is mostly ASCII: an ASCII character is a starter that neither decomposes nor
//! composes with the one before it, so it needs no table lookup. Folding (`text::fold`) runs
//! over every sentence of every plan, where the generic iterators were a quarter of a check.
//! The tests compare both with the crate's iterators.

use unicode_normalization::char::{canonical_combining_class, compose, decompose_canonical};

/// The canonical decomposition (NFD) of `chars`, appended to `out`: each character fully
/// decomposed, each run of combining marks put in canonical order (a stable sort by combining
/// class).
pub(super) fn decompose(chars: impl Iterator<Item = char>, out: &mut String) {
    // The marks after the last starter, with their combining classes.
    let mut marks: Vec<(u8, char)> = Vec::new();
    let push = |d: char, out: &mut String, marks: &mut Vec<(u8, char)>| match class(d) {
        0 => {
            flush(marks, out);
            out.push(d);
        }
        c => marks.push((c, d)),
    };
    for c in chars {
        if c.is_ascii() {
            flush(&mut marks, out);
            out.push(c);
        } else {
            decompose_canonical(c, |d| push(d, out, &mut marks));
        }
    }
    flush(&mut marks, out);
}

/// Writes the marks after a starter, in canonical order. Called for every starter, most of
/// which have no marks after them: that case is kept inline.
#[inline(always)]
fn flush(marks: &mut Vec<(u8, char)>, out: &mut String) {
    if !marks.is_empty() {
        flush_marks(marks, out);
    }
}

fn flush_marks(marks: &mut Vec<(u8, char)>, out: &mut String) {
    match marks.len() {
        1 => out.push(marks[0].1),
        _ => {
            marks.sort_by_key(|&(class, _)| class);
            for &(_, c) in marks.iter() {
                out.push(c);
            }
        }
    }
    marks.clear();
}

fn class(c: char) -> u8 {
    if c.is_ascii() {
        0
    } else {
        canonical_combining_class(c)
    }
}

/// The canonical composition (NFC) of `s`.
pub(super) fn nfc(s: &str) -> String {
    let mut decomposed = String::with_capacity(s.len() + s.len() / 2);
    decompose(s.chars(), &mut decomposed);
    let mut out = String::with_capacity(decomposed.len());
    recompose(&decomposed, &mut out);
    out
}

/// Composes decomposed, canonically ordered text, as `unicode_normalization`'s
/// `Recompositions` does: each mark joins the last starter unless a mark of the same or a
/// higher class stands between them; a starter joins the one just before it.
fn recompose(decomposed: &str, out: &mut String) {
    let mut composee: Option<char> = None;
    // The class of the last mark that did not compose, and the marks left as they are.
    let mut last_class: Option<u8> = None;
    let mut left: Vec<char> = Vec::new();
    for ch in decomposed.chars() {
        let ch_class = class(ch);
        let Some(k) = composee else {
            if ch_class == 0 {
                composee = Some(ch);
            } else {
                out.push(ch);
            }
            continue;
        };
        let blocked = last_class.is_some_and(|l| l >= ch_class);
        if !blocked && let Some(r) = composed_pair(k, ch) {
            composee = Some(r);
            continue;
        }
        if ch_class == 0 {
            out.push(k);
            for c in left.drain(..) {
                out.push(c);
            }
            composee = Some(ch);
            last_class = None;
        } else {
            left.push(ch);
            last_class = Some(ch_class);
        }
    }
    if let Some(k) = composee {
        out.push(k);
    }
    for c in left {
        out.push(c);
    }
}

/// Whether `s` is NFC, when that is plain: every character below U+0300 (ASCII, Latin-1 and
/// the Latin extensions, where Vietnamese's "ă", "đ", "ơ", "ư" are) or a precomposed
/// Vietnamese letter (U+1EA0 to U+1EF9) is a starter that is NFC by itself. `false` says
/// only that `s` has another character.
pub(super) fn plainly_nfc(s: &str) -> bool {
    s.chars()
        .all(|c| c < '\u{300}' || ('\u{1ea0}'..='\u{1ef9}').contains(&c))
}

/// The primary composite of two characters; no two ASCII characters have one.
fn composed_pair(a: char, b: char) -> Option<char> {
    if a.is_ascii() && b.is_ascii() {
        None
    } else {
        compose(a, b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    /// Characters where normalisation has something to do: Vietnamese letters precomposed
    /// and not, every tone and vowel mark, marks of other classes in either order, Hangul
    /// syllables and jamo, composition exclusions, singletons and the Kelvin and Ångström signs.
    const POOL: &[char] = &[
        'a', 'A', 'e', 'o', 'u', 'y', 'd', 'n', 't', ' ', '-', '.', '%', '1', 'ă', 'â', 'ê', 'ô',
        'ơ', 'ư', 'đ', 'Đ', 'à', 'á', 'ả', 'ã', 'ạ', 'ầ', 'ấ', 'ẩ', 'ẫ', 'ậ', 'ằ', 'ệ', 'ổ', 'ờ',
        'ự', 'Ỷ', 'ǹ', '\u{300}', '\u{301}', '\u{302}', '\u{303}', '\u{306}', '\u{309}', '\u{31b}',
        '\u{323}', '\u{327}', '\u{345}', '\u{5b0}', '\u{1ab0}', '\u{334}', '\u{35c}', '\u{1100}',
        '\u{1161}', '\u{11a8}', '가', '각', '\u{0958}', '\u{0915}', '\u{093c}', '\u{0f73}',
        '\u{212a}', '\u{212b}', '\u{2126}', '\u{0344}', '\u{1e9b}', 'İ', 'ǅ', '\u{a0}',
    ];

    fn strings() -> impl Iterator<Item = String> {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        (0..20_000).map(move |_| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let len = (seed >> 59) as usize + 1;
            (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    POOL[(seed >> 33) as usize % POOL.len()]
                })
                .collect()
        })
    }

    #[test]
    fn decompose_is_the_crate_s_nfd() {
        for s in strings() {
            let mut ours = String::new();
            decompose(s.chars(), &mut ours);
            assert_eq!(ours, s.nfd().collect::<String>(), "{s:?}");
        }
    }

    #[test]
    fn nfc_is_the_crate_s_nfc() {
        for s in strings() {
            assert_eq!(nfc(&s), s.nfc().collect::<String>(), "{s:?}");
        }
    }

    #[test]
    fn plain_characters_are_nfc_starters() {
        use unicode_normalization::{IsNormalized, is_nfc_quick};
        let plain = ('\0'..'\u{300}').chain('\u{1ea0}'..='\u{1ef9}');
        for c in plain {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
        }
        assert!(!plainly_nfc("Sở Lao động – Thương binh"));
        assert!(plainly_nfc("Sở Lao động - Thương binh"));
    }

    #[test]
    fn ascii_is_left_alone() {
        for a in 0..128u8 {
            let a = char::from(a);
            assert_eq!(canonical_combining_class(a), 0);
            let mut parts = Vec::new();
            decompose_canonical(a, |d| parts.push(d));
            assert_eq!(parts, [a]);
        }
        for a in 0..128u8 {
            for b in 0..128u8 {
                assert_eq!(compose(char::from(a), char::from(b)), None);
            }
        }
    }
}
