//! Legacy 8-bit Vietnamese encodings: TCVN3 (ABC, fonts .VnTime) and VNI (fonts VNI-Times).
//!
//! Such text reaches us as Latin-1 look-alikes: a `.txt` saved in TCVN3 is not UTF-8 and is
//! read byte by byte, and a Word file typed in a .VnTime or VNI font stores the same bytes as
//! the Latin-1 characters U+0080..U+00FF. We recognise it by trying each conversion and keeping
//! the one whose words look most like Vietnamese syllables (at most one tone mark, no stray
//! symbols such as "¬", "®", "µ"); the text as it is wins every tie.
//!
//! Tables and their sources:
//! - TCVN3: glibc's iconv module TCVN5712-1 (iconvdata/tcvn5712-1.c, TCVN 5712:1993), read out
//!   code by code with `iconv -f TCVN5712-1 -t UTF-8`. The ABC (VN3) fonts use the codes
//!   0xA1..0xFF of that table; the capitals of VN1 below 0xA0 are kept for completeness.
//! - VNI: the VNI-Windows spellings of every vowel in lamdao/xvnkb `vni.h` (Dao Hai Lam, 2002):
//!   a base letter followed by one byte for the vowel mark and/or tone. The Unicode side is
//!   composed here from the letter and its marks, not copied.

use unicode_normalization::UnicodeNormalization;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Legacy {
    Tcvn3,
    Vni,
}

impl Legacy {
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "TCVN3 (ABC)",
            Legacy::Vni => "VNI",
        }
    }
}

/// TCVN 5712 (VN1 ⊃ VN3) codes 0x80..0xFF that differ from Latin-1; 0xA0 and 0xFD are the same.
#[rustfmt::skip]
const TCVN3_HIGH: [(u8, char); 126] = [
    (0x80, 'À'), (0x81, 'Ả'), (0x82, 'Ã'), (0x83, 'Á'), (0x84, 'Ạ'), (0x85, 'Ặ'), (0x86, 'Ậ'),
    (0x87, 'È'), (0x88, 'Ẻ'), (0x89, 'Ẽ'), (0x8a, 'É'), (0x8b, 'Ẹ'), (0x8c, 'Ệ'), (0x8d, 'Ì'),
    (0x8e, 'Ỉ'), (0x8f, 'Ĩ'), (0x90, 'Í'), (0x91, 'Ị'), (0x92, 'Ò'), (0x93, 'Ỏ'), (0x94, 'Õ'),
    (0x95, 'Ó'), (0x96, 'Ọ'), (0x97, 'Ộ'), (0x98, 'Ờ'), (0x99, 'Ở'), (0x9a, 'Ỡ'), (0x9b, 'Ớ'),
    (0x9c, 'Ợ'), (0x9d, 'Ù'), (0x9e, 'Ủ'), (0x9f, 'Ũ'), (0xa1, 'Ă'), (0xa2, 'Â'), (0xa3, 'Ê'),
    (0xa4, 'Ô'), (0xa5, 'Ơ'), (0xa6, 'Ư'), (0xa7, 'Đ'), (0xa8, 'ă'), (0xa9, 'â'), (0xaa, 'ê'),
    (0xab, 'ô'), (0xac, 'ơ'), (0xad, 'ư'), (0xae, 'đ'), (0xaf, 'Ằ'), (0xb0, '\u{300}'),
    (0xb1, '\u{309}'), (0xb2, '\u{303}'), (0xb3, '\u{301}'), (0xb4, '\u{323}'), (0xb5, 'à'),
    (0xb6, 'ả'), (0xb7, 'ã'), (0xb8, 'á'), (0xb9, 'ạ'), (0xba, 'Ẳ'), (0xbb, 'ằ'), (0xbc, 'ẳ'),
    (0xbd, 'ẵ'), (0xbe, 'ắ'), (0xbf, 'Ẵ'), (0xc0, 'Ắ'), (0xc1, 'Ầ'), (0xc2, 'Ẩ'), (0xc3, 'Ẫ'),
    (0xc4, 'Ấ'), (0xc5, 'Ề'), (0xc6, 'ặ'), (0xc7, 'ầ'), (0xc8, 'ẩ'), (0xc9, 'ẫ'), (0xca, 'ấ'),
    (0xcb, 'ậ'), (0xcc, 'è'), (0xcd, 'Ể'), (0xce, 'ẻ'), (0xcf, 'ẽ'), (0xd0, 'é'), (0xd1, 'ẹ'),
    (0xd2, 'ề'), (0xd3, 'ể'), (0xd4, 'ễ'), (0xd5, 'ế'), (0xd6, 'ệ'), (0xd7, 'ì'), (0xd8, 'ỉ'),
    (0xd9, 'Ễ'), (0xda, 'Ế'), (0xdb, 'Ồ'), (0xdc, 'ĩ'), (0xdd, 'í'), (0xde, 'ị'), (0xdf, 'ò'),
    (0xe0, 'Ổ'), (0xe1, 'ỏ'), (0xe2, 'õ'), (0xe3, 'ó'), (0xe4, 'ọ'), (0xe5, 'ồ'), (0xe6, 'ổ'),
    (0xe7, 'ỗ'), (0xe8, 'ố'), (0xe9, 'ộ'), (0xea, 'ờ'), (0xeb, 'ở'), (0xec, 'ỡ'), (0xed, 'ớ'),
    (0xee, 'ợ'), (0xef, 'ù'), (0xf0, 'Ỗ'), (0xf1, 'ủ'), (0xf2, 'ũ'), (0xf3, 'ú'), (0xf4, 'ụ'),
    (0xf5, 'ừ'), (0xf6, 'ử'), (0xf7, 'ữ'), (0xf8, 'ứ'), (0xf9, 'ự'), (0xfa, 'ỳ'), (0xfb, 'ỷ'),
    (0xfc, 'ỹ'), (0xfe, 'ỵ'), (0xff, 'Ố'),
];

/// VN1 capitals placed on control codes (never seen in real text otherwise).
#[rustfmt::skip]
const TCVN3_LOW: [(u8, char); 12] = [
    (0x01, 'Ú'), (0x02, 'Ụ'), (0x04, 'Ừ'), (0x05, 'Ử'), (0x06, 'Ữ'), (0x11, 'Ứ'), (0x12, 'Ự'),
    (0x13, 'Ỳ'), (0x14, 'Ỷ'), (0x15, 'Ỹ'), (0x16, 'Ý'), (0x17, 'Ỵ'),
];

fn tcvn3_char(c: char) -> Option<char> {
    let code = u32::from(c);
    let table: &[(u8, char)] = if code < 0x20 { &TCVN3_LOW } else { &TCVN3_HIGH };
    u8::try_from(code)
        .ok()
        .and_then(|b| table.iter().find(|(k, _)| *k == b).map(|(_, v)| *v))
}

/// TCVN3 text read as Latin-1 characters, converted to Unicode NFC.
pub fn from_tcvn3(s: &str) -> String {
    s.chars()
        .map(|c| tcvn3_char(c).unwrap_or(c))
        .collect::<String>()
        .nfc()
        .collect()
}

/// The inverse, for tests: Unicode to TCVN3 bytes (as Latin-1 characters). Characters with no
/// precomposed code are written as base letter + tone code, as TCVN 5712 allows.
pub fn to_tcvn3(s: &str) -> String {
    let mut out = String::new();
    for c in s.nfc() {
        if let Some(&(b, _)) = TCVN3_HIGH
            .iter()
            .chain(TCVN3_LOW.iter())
            .find(|(_, v)| *v == c)
        {
            out.push(char::from(b));
            continue;
        }
        if u32::from(c) < 0x80 || !c.is_alphabetic() {
            out.push(c);
            continue;
        }
        // Decompose the tone off and write it as a combining code.
        let parts: Vec<char> = c.to_string().nfd().collect();
        let (tone, base): (Vec<char>, Vec<char>) = parts
            .into_iter()
            .partition(|m| ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'].contains(m));
        let base: String = base.into_iter().collect::<String>().nfc().collect();
        out.push_str(&to_tcvn3(&base));
        for t in tone {
            if let Some(&(b, _)) = TCVN3_HIGH.iter().find(|(_, v)| *v == t) {
                out.push(char::from(b));
            }
        }
    }
    out
}

/// VNI rows (xvnkb vni.h order): base letter, then the six forms no tone, sắc, huyền, hỏi,
/// ngã, nặng. Each entry is (Unicode base with its vowel mark, VNI spellings).
const VNI_ROWS: [(&str, [&str; 6]); 24] = [
    ("A", ["A", "AÙ", "AØ", "AÛ", "AÕ", "AÏ"]),
    ("Â", ["AÂ", "AÁ", "AÀ", "AÅ", "AÃ", "AÄ"]),
    ("Ă", ["AÊ", "AÉ", "AÈ", "AÚ", "AÜ", "AË"]),
    ("E", ["E", "EÙ", "EØ", "EÛ", "EÕ", "EÏ"]),
    ("Ê", ["EÂ", "EÁ", "EÀ", "EÅ", "EÃ", "EÄ"]),
    ("O", ["O", "OÙ", "OØ", "OÛ", "OÕ", "OÏ"]),
    ("Ô", ["OÂ", "OÁ", "OÀ", "OÅ", "OÃ", "OÄ"]),
    ("Ơ", ["Ô", "ÔÙ", "ÔØ", "ÔÛ", "ÔÕ", "ÔÏ"]),
    ("U", ["U", "UÙ", "UØ", "UÛ", "UÕ", "UÏ"]),
    ("Ư", ["Ö", "ÖÙ", "ÖØ", "ÖÛ", "ÖÕ", "ÖÏ"]),
    ("I", ["I", "Í", "Ì", "Æ", "Ó", "Ò"]),
    ("Y", ["Y", "YÙ", "YØ", "YÛ", "YÕ", "Î"]),
    ("a", ["a", "aù", "aø", "aû", "aõ", "aï"]),
    ("â", ["aâ", "aá", "aà", "aå", "aã", "aä"]),
    ("ă", ["aê", "aé", "aè", "aú", "aü", "aë"]),
    ("e", ["e", "eù", "eø", "eû", "eõ", "eï"]),
    ("ê", ["eâ", "eá", "eà", "eå", "eã", "eä"]),
    ("o", ["o", "où", "oø", "oû", "oõ", "oï"]),
    ("ô", ["oâ", "oá", "oà", "oå", "oã", "oä"]),
    ("ơ", ["ô", "ôù", "ôø", "ôû", "ôõ", "ôï"]),
    ("u", ["u", "uù", "uø", "uû", "uõ", "uï"]),
    ("ư", ["ö", "öù", "öø", "öû", "öõ", "öï"]),
    ("i", ["i", "í", "ì", "æ", "ó", "ò"]),
    ("y", ["y", "yù", "yø", "yû", "yõ", "î"]),
];

const TONES: [&str; 6] = ["", "\u{301}", "\u{300}", "\u{309}", "\u{303}", "\u{323}"];

/// (VNI spelling, Unicode) pairs, longest spellings first so that greedy matching works.
fn vni_pairs() -> Vec<(String, String)> {
    let mut pairs = vec![
        ("Ñ".to_string(), "Đ".to_string()),
        ("ñ".to_string(), "đ".to_string()),
    ];
    for (base, forms) in VNI_ROWS {
        for (form, tone) in forms.iter().zip(TONES) {
            if *form == base {
                continue;
            }
            let uni: String = format!("{base}{tone}").nfc().collect();
            pairs.push((form.to_string(), uni));
        }
    }
    pairs.sort_by_key(|(v, _)| std::cmp::Reverse(v.chars().count()));
    pairs
}

/// VNI text read as Latin-1 characters, converted to Unicode NFC.
pub fn from_vni(s: &str) -> String {
    let pairs = vni_pairs();
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    'outer: while let Some(c) = rest.chars().next() {
        if !c.is_ascii() || c.is_ascii_alphabetic() {
            for (v, u) in &pairs {
                if let Some(r) = rest.strip_prefix(v.as_str()) {
                    out.push_str(u);
                    rest = r;
                    continue 'outer;
                }
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out.nfc().collect()
}

/// The inverse of [`from_vni`], for tests.
pub fn to_vni(s: &str) -> String {
    let pairs = vni_pairs();
    s.nfc()
        .map(|c| {
            let cs = c.to_string();
            pairs
                .iter()
                .find(|(_, u)| *u == cs)
                .map_or(cs, |(v, _)| v.clone())
        })
        .collect()
}

/// How Vietnamese the words of `s` look: words with Vietnamese marks that are well formed,
/// minus words with stray Latin-1 symbols or more than one tone mark.
fn score(s: &str) -> i64 {
    let mut total = 0i64;
    for word in s.split_whitespace() {
        let nfd: Vec<char> = word.nfd().collect();
        let tones = nfd
            .iter()
            .filter(|c| ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'].contains(c))
            .count();
        let marked = word.chars().any(|c| u32::from(c) >= 0xC0);
        let stray = word.chars().any(|c| {
            let u = u32::from(c);
            // Latin-1 letters that Vietnamese never uses ("ä", "ø", "Û", "ñ").
            let foreign =
                (0xC0..=0xFF).contains(&u) && !"àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ".contains(c);
            ((0x80..0xC0).contains(&u) || foreign)
                || (!c.is_alphanumeric()
                    && u >= 0x80
                    && !matches!(c, '–' | '—' | '…' | '“' | '”' | '‘' | '’'))
        });
        if stray || tones > 1 {
            total -= 1;
        } else if marked {
            total += 1;
        }
    }
    total
}

/// Converts `s` if it reads better as TCVN3 or VNI; returns the text and the encoding found.
pub fn detect_and_convert(s: &str) -> (String, Option<Legacy>) {
    // Unicode Vietnamese letters outside Latin-1 mean the text is already Unicode.
    let unicode_letters = s
        .chars()
        .filter(|c| matches!(u32::from(*c), 0x102..=0x1B0 | 0x1EA0..=0x1EF9))
        .count();
    let latin1 = s
        .chars()
        .filter(|c| matches!(u32::from(*c), 0x80..=0xFF))
        .count();
    if latin1 == 0 || unicode_letters * 4 > latin1 {
        return (s.to_string(), None);
    }
    let base = score(s);
    let tcvn = from_tcvn3(s);
    let vni = from_vni(s);
    let (st, sv) = (score(&tcvn), score(&vni));
    let margin = (s.split_whitespace().count() as i64 / 50).max(2);
    if st >= sv && st > base + margin {
        (tcvn, Some(Legacy::Tcvn3))
    } else if sv > st && sv > base + margin {
        (vni, Some(Legacy::Vni))
    } else {
        (s.to_string(), None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tcvn3_round_trips_and_is_detected() {
        let text = "Ủy ban nhân dân tỉnh Nghệ An ban hành Kế hoạch phòng, chống mại dâm năm 2024; \
                    Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với các sở, ngành.";
        let legacy = to_tcvn3(text);
        assert_ne!(legacy, text);
        assert_eq!(from_tcvn3(&legacy), text);
        let (back, enc) = detect_and_convert(&legacy);
        assert_eq!(enc, Some(Legacy::Tcvn3));
        assert_eq!(back, text);
    }

    #[test]
    fn vni_round_trips_and_is_detected() {
        let text = "Ủy ban nhân dân tỉnh Nghệ An ban hành Kế hoạch phòng, chống mại dâm năm 2024; \
                    Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với các sở, ngành.";
        let legacy = to_vni(text);
        assert_ne!(legacy, text);
        assert_eq!(from_vni(&legacy), text);
        let (back, enc) = detect_and_convert(&legacy);
        assert_eq!(enc, Some(Legacy::Vni));
        assert_eq!(back, text);
    }

    #[test]
    fn unicode_text_is_left_alone() {
        let text = "Thông tin về phòng, chống mại dâm được đăng tải ít nhất một tháng một lần.";
        assert_eq!(detect_and_convert(text), (text.to_string(), None));
        let french = "Café à Paris, été";
        assert_eq!(detect_and_convert(french).1, None);
    }
}
