//! Vietnamese text normalisation: what makes two spellings of one name compare equal.

mod normalisation;
mod one_pass;

/// Unicode NFC: the form every stored string is kept in.
pub fn nfc(s: &str) -> String {
    // Most text already is NFC; the quick check avoids decomposing and recomposing it, and
    // most of that is plainly so, character by character.
    if normalisation::plainly_nfc(s) {
        return s.to_string();
    }
    match unicode_normalization::is_nfc_quick(s.chars()) {
        unicode_normalization::IsNormalized::Yes => s.to_string(),
        _ => normalisation::nfc(s),
    }
}

/// [`fold`] of a constant phrase, computed once per process on first use: the tables of words
/// that targets are read against would be folded again for every target otherwise.
/// `folded!("phần trăm")` is a `&'static str`.
#[macro_export]
macro_rules! folded {
    ($text:literal) => {{
        static FOLDED: std::sync::LazyLock<String> =
            std::sync::LazyLock::new(|| $crate::text::fold($text));
        FOLDED.as_str()
    }};
}

/// A constant phrase and its [`fold`], for tables of words (`static` arrays of [`phrase!`]).
/// The folded form is computed once per process, on first use.
pub struct Phrase {
    /// The phrase as written in the source.
    pub text: &'static str,
    folded: std::sync::LazyLock<String>,
}

impl Phrase {
    /// Used by [`phrase!`]; `fold` must be `|| fold(text)`.
    pub const fn new(text: &'static str, fold: fn() -> String) -> Phrase {
        Phrase {
            text,
            folded: std::sync::LazyLock::new(fold),
        }
    }

    /// The phrase as [`fold`] writes it, to compare with folded text.
    pub fn folded(&self) -> &str {
        &self.folded
    }
}

/// A [`Phrase`] from a string literal: `phrase!("ít nhất")`.
#[macro_export]
macro_rules! phrase {
    ($text:literal) => {
        $crate::text::Phrase::new($text, || $crate::text::fold($text))
    };
}

/// [`match_key`] of a constant, computed once per process. The table is looked up by the
/// constant's address, which a literal keeps for the whole run, so no text is hashed.
pub fn const_key(word: &'static str) -> &'static str {
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    type Interned = HashMap<(usize, usize), &'static str, BuildAddressHasher>;
    thread_local! {
        static CACHE: RefCell<Interned> = RefCell::new(HashMap::default());
    }
    // Every interned string is also kept in this process-wide table, so it stays reachable
    // until exit: a leak checker (the fuzzing harness runs LeakSanitizer) sees no leak, and
    // each word is folded once per process, not once per thread. Lookups stay lock-free on
    // the thread's own table.
    static ALL: OnceLock<Mutex<Interned>> = OnceLock::new();
    let address = (word.as_ptr() as usize, word.len());
    CACHE.with(|c| {
        *c.borrow_mut().entry(address).or_insert_with(|| {
            let mut all = ALL
                .get_or_init(Default::default)
                .lock()
                .unwrap_or_else(|e| e.into_inner());
            *all.entry(address)
                .or_insert_with(|| Box::leak(match_key(word).into_boxed_str()))
        })
    })
}

/// Hashes an address and a length: they are already spread out, so one multiplication mixes
/// them enough, where SipHash would cost more than the lookup it guards.
#[derive(Clone, Copy, Default)]
struct BuildAddressHasher;

impl std::hash::BuildHasher for BuildAddressHasher {
    type Hasher = AddressHasher;
    fn build_hasher(&self) -> AddressHasher {
        AddressHasher(0)
    }
}

struct AddressHasher(u64);

impl std::hash::Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
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
    one_pass::key(s, comma_is_dash).unwrap_or_else(|| general_key(s, comma_is_dash))
}

/// [`key`] for any text: decomposed (NFD), the marks moved, spaced, and composed again (NFC).
fn general_key(s: &str, comma_is_dash: bool) -> String {
    let mut decomposed = String::with_capacity(s.len() + s.len() / 2);
    normalisation::decompose(s.chars(), &mut decomposed);
    normalisation::nfc(&spaced(&marks_moved(
        decomposed.chars(),
        decomposed.len(),
        comma_is_dash,
    )))
}

/// The decomposed text `chars` lower-cased, dashes in one form, and tone marks moved to the
/// end of their syllable, so "hoà" and "hòa" agree; the vowel-quality marks (circumflex,
/// breve, horn) stay where they are.
fn marks_moved(chars: impl Iterator<Item = char>, len: usize, comma_is_dash: bool) -> String {
    let mut out = String::with_capacity(len);
    let mut tones = String::new();
    let step = |c: char, out: &mut String, tones: &mut String| {
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
            out.push_str(tones);
            tones.clear();
            out.push(c);
        }
    };
    for c in chars {
        // ASCII is most of the text: its lower case is one character, and its letters and
        // digits need no table to be told apart.
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c.is_ascii() {
            step(c, &mut out, &mut tones);
        } else {
            c.to_lowercase().for_each(|c| step(c, &mut out, &mut tones));
        }
    }
    out.push_str(&tones);
    out
}

/// Spacing: runs collapsed, no space around joining punctuation, none at either end.
fn spaced(out: &str) -> String {
    let mut key = String::with_capacity(out.len());
    let mut pending_space = false;
    for c in out.chars() {
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
    }
    let trimmed = key.trim_matches(|c: char| c == ' ' || c == '.' || c == ',' || c == ';');
    if trimmed.len() == key.len() {
        key
    } else {
        trimmed.to_string()
    }
}

/// Parses a number in Vietnamese notation: "." groups thousands, "," is the decimal mark
/// ("2.000" is two thousand, "2,5" two and a half). A "." followed by other than exactly
/// three digits is read as a decimal point, since English-style drafts write "2.5".
pub fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim();
    // Every branch below keeps each character but "." and ",": a word with any other is no
    // number, and most words tried are not.
    if !s
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
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

/// The text without tone and vowel marks, "đ" as "d": how Vietnamese is typed on a keyboard
/// without a Vietnamese input method. Used only where it cannot confuse two names.
pub fn strip_diacritics(s: &str) -> String {
    let mut decomposed = String::with_capacity(s.len() + s.len() / 2);
    normalisation::decompose(s.chars(), &mut decomposed);
    decomposed
        .chars()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect()
}

/// The closest candidate to `input` by normalised edit distance, if close enough to be a
/// plausible misspelling.
pub fn did_you_mean<'a, I>(input: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    // Scored without diacritics, so that a name typed without them ("Ha Nio") still finds its
    // match; ties go to the closer spelling with them.
    const THRESHOLD: f64 = 0.7;
    let key = match_key(input);
    let bare = strip_diacritics(&key);
    let bare_len = bare.chars().count();
    let mut best: Option<(f64, &'a str)> = None;
    for c in candidates {
        let score = with_candidate_key(c, |ck, ck_bare, ck_bare_len| {
            // The distance is at least the difference in length, and the tie-break adds at
            // most 0.01: a candidate too long or too short to reach the threshold is not scored.
            let longest = bare_len.max(ck_bare_len);
            if longest > 0
                && 1.0 - bare_len.abs_diff(ck_bare_len) as f64 / longest as f64 + 0.01 + 1e-9
                    < THRESHOLD
            {
                return 0.0;
            }
            strsim::normalized_damerau_levenshtein(&bare, ck_bare)
                + strsim::normalized_damerau_levenshtein(&key, ck) / 100.0
        });
        // On a tie the later candidate wins.
        if score >= THRESHOLD && best.is_none_or(|(b, _)| score >= b) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c)
}

/// Abbreviations of the words in Vietnamese agency names, as officers type them (without
/// diacritics, their separators removed): "LĐTBXH", "LĐ-TB&XH", "TBXH", "VHTTDL", "GD&ĐT", …
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("ldtbxh", "lao dong thuong binh va xa hoi"),
    ("tbxh", "thuong binh va xa hoi"),
    ("ld", "lao dong"),
    ("vhttdl", "van hoa the thao va du lich"),
    ("gddt", "giao duc va dao tao"),
    ("khdt", "ke hoach va dau tu"),
    ("tttt", "thong tin va truyen thong"),
    ("mttq", "mat tran to quoc"),
    ("ubmttq", "uy ban mat tran to quoc"),
    ("ubnd", "uy ban nhan dan"),
    ("hdnd", "hoi dong nhan dan"),
    ("nnptnt", "nong nghiep va phat trien nong thon"),
    ("tnmt", "tai nguyen va moi truong"),
    ("gtvt", "giao thong van tai"),
    ("khcn", "khoa hoc va cong nghe"),
    ("lhpn", "lien hiep phu nu"),
    ("hlhpn", "hoi lien hiep phu nu"),
    ("tncs", "thanh nien cong san"),
    ("bdbp", "bo doi bien phong"),
    ("bchqs", "bo chi huy quan su"),
    ("bch", "bo chi huy"),
    ("vksnd", "vien kiem sat nhan dan"),
    ("tand", "toa an nhan dan"),
    ("tp", "thanh pho"),
];

/// `s` without diacritics, lower case, with the usual abbreviations of agency names written
/// out: "Sở LĐ-TB&XH" and "So Lao dong TBXH" both become "so lao dong thuong binh va xa hoi".
/// Separators inside an abbreviation ("LĐ - TB & XH") are ignored. For suggestions only.
pub fn expand_abbreviations(s: &str) -> String {
    let bare = strip_diacritics(&match_key(s)).to_lowercase();
    // Words as typed, each without the separators abbreviations carry.
    let words: Vec<String> = bare
        .split([' ', ','])
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let mut out: Vec<&str> = Vec::new();
    let mut i = 0;
    'words: while i < words.len() {
        // The longest run of words (up to four: "ld tb xh") that spells one abbreviation.
        for n in (1..=4.min(words.len() - i)).rev() {
            let joined: String = words[i..i + n].concat();
            if let Some((_, full)) = ABBREVIATIONS.iter().find(|(a, _)| *a == joined) {
                out.push(full);
                i += n;
                continue 'words;
            }
        }
        out.push(&words[i]);
        i += 1;
    }
    out.join(" ")
}

/// Calls `f` with a suggestion candidate's match key, that key without diacritics, and the
/// latter's length in characters. Candidates are the same few hundred names (agencies,
/// provinces, keys) for every file, so these are kept per thread instead of being recomputed
/// for each unknown name.
fn with_candidate_key<R>(candidate: &str, f: impl FnOnce(&str, &str, usize) -> R) -> R {
    use std::cell::RefCell;
    use std::collections::HashMap;
    // Bounded: a pathological input cannot make the cache grow without limit.
    const MAX_CACHED: usize = 4096;
    thread_local! {
        static KEYS: RefCell<HashMap<String, (String, String, usize)>> =
            RefCell::new(HashMap::new());
    }
    KEYS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if !cache.contains_key(candidate) {
            if cache.len() >= MAX_CACHED {
                cache.clear();
            }
            let key = match_key(candidate);
            let bare = strip_diacritics(&key);
            let len = bare.chars().count();
            cache.insert(candidate.to_string(), (key, bare, len));
        }
        let (key, bare, len) = &cache[candidate];
        f(key, bare, *len)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

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
    fn folds_as_through_the_crate_s_normalisation() {
        // The one pass, and normalisation's own NFD and NFC, against the crate's, on every
        // line of the bundled plans and examples.
        let plans: Vec<String> = ["plans", "examples"]
            .iter()
            .flat_map(|dir| {
                std::fs::read_dir(format!("{}/{dir}", env!("CARGO_MANIFEST_DIR")))
                    .expect("a bundled folder")
            })
            .map(|entry| std::fs::read_to_string(entry.expect("a file").path()).expect("text"))
            .collect();
        assert!(plans.len() >= 10);
        let lines = plans.iter().flat_map(|p| p.lines());
        for s in [
            ">= 70%",
            "  At least 2 times / YEAR ",
            "So LDTBXH, Cong an",
            "a\tb\r\nc - d , e",
            "Hoà Bình, Uỷ ban; Ủy ban, HỘI LHPN – Đoàn TNCS",
            "e\u{302}\u{323}t, e\u{323}\u{302}, a\u{1ab0}\u{323}b \u{301}x",
        ]
        .into_iter()
        .chain(lines)
        {
            for comma_is_dash in [true, false] {
                let slow: String = spaced(&marks_moved(s.nfd(), s.len(), comma_is_dash))
                    .nfc()
                    .collect();
                assert_eq!(key(s, comma_is_dash), slow, "{s:?}");
            }
        }
    }

    #[test]
    fn folding_folded_text_changes_nothing() {
        // Target tables compare a word of folded text with a folded phrase before folding the
        // word (model::target::parse): that relies on this.
        for s in [
            "phần trăm",
            "ít nhất là",
            "một",
            "bốn",
            "tư",
            "mười",
            "tuần",
            "quý",
            "năm",
            "hằng",
            "mỗi",
            "Hoà Bình, Uỷ ban",
            "Sở LĐ - TB & XH.",
        ] {
            assert_eq!(fold(&fold(s)), fold(s), "{s}");
            assert_eq!(match_key(&match_key(s)), match_key(s), "{s}");
        }
    }

    #[test]
    fn constants_fold_once_to_the_same_key() {
        assert_eq!(folded!("phần trăm"), fold("phần trăm"));
        let p: Phrase = phrase!("ít nhất");
        assert_eq!(p.folded(), fold("ít nhất"));
        assert_eq!(p.text, "ít nhất");
        assert_eq!(const_key("Báo"), match_key("Báo"));
        let word: &'static str = "Sở Y tế";
        assert!(std::ptr::eq(const_key(word), const_key(word)));
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
    fn abbreviations_of_agency_names_are_written_out() {
        let full = "so lao dong thuong binh va xa hoi";
        for typed in [
            "So Lao dong TBXH",
            "Sở Lao động TBXH",
            "So LDTBXH",
            "Sở LĐ-TB&XH",
            "Sở LĐ - TB & XH",
        ] {
            assert_eq!(expand_abbreviations(typed), full, "{typed}");
        }
        assert_eq!(
            expand_abbreviations("Sở VHTTDL"),
            "so van hoa the thao va du lich"
        );
        assert_eq!(
            expand_abbreviations("Ủy ban MTTQ tỉnh"),
            "uy ban mat tran to quoc tinh"
        );
    }

    #[test]
    fn suggestions_only_for_near_misses() {
        let names = ["Sở Y tế", "Sở Tư pháp", "Công an tỉnh"];
        assert_eq!(did_you_mean("Sở Y tê", names), Some("Sở Y tế"));
        assert_eq!(did_you_mean("Ngân hàng", names), None);
    }
}
