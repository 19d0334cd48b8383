//! The words a plan may use for its enumerated values (`role:`, `every:`): the format's English
//! word, and the Vietnamese an officer writes, with or without diacritics ("chủ trì",
//! "chu tri", "hàng quý"). One table per enum, so the loader, the schema-error messages, the
//! JSON Schema and the docs all list the same words.

use super::{ReportEvery, Role};
use crate::i18n::Lang;
use crate::text::{match_key, strip_diacritics};
use std::sync::LazyLock;

/// An enum whose values are written as words.
pub trait Words: Sized + Copy + PartialEq + 'static {
    /// Every value with its accepted spellings: the Vietnamese word first (shown in Vietnamese
    /// messages), the English word second (shown in English ones), then variants.
    const SPELLINGS: &'static [(Self, &'static [&'static str])];

    /// Every spelling's key, in the order of [`Words::SPELLINGS`]: [`spelling_keys`], made
    /// once per process (a `static` in each implementation), not for every word read.
    fn keys() -> &'static [(Self, String)];

    /// The value a word names, however it is cased, dashed or accented.
    fn from_word(word: &str) -> Option<Self> {
        let key = word_key(word);
        Self::keys()
            .iter()
            .find(|(_, k)| *k == key)
            .map(|(v, _)| *v)
    }

    /// The value's word in `lang`.
    fn word(self, lang: Lang) -> &'static str {
        let words = Self::SPELLINGS
            .iter()
            .find(|(v, _)| *v == self)
            .map(|(_, w)| *w)
            .expect("every value has spellings");
        match lang {
            Lang::Vi => words[0],
            Lang::En => words[1],
        }
    }

    /// The words to list in a message: "chủ trì, phối hợp, đề nghị" / "lead, coordinate, …".
    fn allowed(lang: Lang) -> String {
        Self::SPELLINGS
            .iter()
            .map(|(v, _)| v.word(lang))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Every accepted word, for the JSON Schema and did-you-mean.
    fn all_words() -> Vec<&'static str> {
        Self::SPELLINGS
            .iter()
            .flat_map(|(_, w)| w.iter().copied())
            .collect()
    }
}

/// The key of every spelling of every value, in order, for [`Words::keys`].
pub fn spelling_keys<T: Words>() -> Vec<(T, String)> {
    T::SPELLINGS
        .iter()
        .flat_map(|(v, words)| words.iter().map(|w| (*v, word_key(w))))
        .collect()
}

/// Case, accents, dashes and spacing do not matter: "6-months", "6 tháng", "6 THANG" meet.
fn word_key(s: &str) -> String {
    strip_diacritics(&match_key(s))
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Words for Role {
    const SPELLINGS: &'static [(Role, &'static [&'static str])] = &[
        (Role::Lead, &["chủ trì", "lead", "chủ trì thực hiện"]),
        (
            Role::Coordinate,
            &[
                "phối hợp",
                "coordinate",
                "phối hợp thực hiện",
                "tham gia",
                "phối hợp tham gia",
            ],
        ),
        (
            Role::Requested,
            &[
                "đề nghị",
                "requested",
                "đề nghị phối hợp",
                "đề nghị tham gia",
                "đề nghị phối hợp thực hiện",
            ],
        ),
    ];

    fn keys() -> &'static [(Role, String)] {
        static KEYS: LazyLock<Vec<(Role, String)>> = LazyLock::new(spelling_keys);
        &KEYS
    }
}

impl Words for ReportEvery {
    const SPELLINGS: &'static [(ReportEvery, &'static [&'static str])] = &[
        (
            ReportEvery::Monthly,
            &["hằng tháng", "monthly", "hàng tháng", "mỗi tháng"],
        ),
        (
            ReportEvery::Quarterly,
            &["hằng quý", "quarterly", "hàng quý", "mỗi quý"],
        ),
        (
            ReportEvery::SixMonths,
            &[
                "6 tháng",
                "6-months",
                "sáu tháng",
                "6 tháng một lần",
                "định kỳ 6 tháng",
                "sơ kết 6 tháng",
            ],
        ),
        (
            ReportEvery::Yearly,
            &["hằng năm", "yearly", "hàng năm", "mỗi năm", "tổng kết năm"],
        ),
        (ReportEvery::AdHoc, &["đột xuất", "ad-hoc", "ad hoc"]),
    ];

    fn keys() -> &'static [(ReportEvery, String)] {
        static KEYS: LazyLock<Vec<(ReportEvery, String)>> = LazyLock::new(spelling_keys);
        &KEYS
    }
}

/// Deserialises a [`Words`] enum from its word; an unknown word names the allowed ones.
pub fn deserialize<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Words,
{
    struct V<T>(std::marker::PhantomData<T>);
    impl<T: Words> serde::de::Visitor<'_> for V<T> {
        type Value = T;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            write!(f, "one of: {}", T::allowed(Lang::En))
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
            T::from_word(v).ok_or_else(|| E::unknown_variant(v, &EXPECTED))
        }
    }
    // The loader's own pass (load::shape) names the allowed words in the reader's language;
    // this list is only what serde reports when that pass is not run.
    const EXPECTED: [&str; 0] = [];
    d.deserialize_str(V(std::marker::PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_and_english_words_name_the_same_value() {
        for w in [
            "chủ trì",
            "Chủ trì",
            "chu tri",
            "lead",
            "LEAD",
            "chủ trì thực hiện",
        ] {
            assert_eq!(Role::from_word(w), Some(Role::Lead), "{w}");
        }
        for w in ["phối hợp", "phoi hop", "phối hợp thực hiện", "coordinate"] {
            assert_eq!(Role::from_word(w), Some(Role::Coordinate), "{w}");
        }
        for w in ["đề nghị", "de nghi", "đề nghị phối hợp", "requested"] {
            assert_eq!(Role::from_word(w), Some(Role::Requested), "{w}");
        }
        for w in ["6 tháng", "6-months", "6 thang", "sáu tháng"] {
            assert_eq!(
                ReportEvery::from_word(w),
                Some(ReportEvery::SixMonths),
                "{w}"
            );
        }
        for w in ["hằng năm", "hàng năm", "hang nam", "yearly"] {
            assert_eq!(ReportEvery::from_word(w), Some(ReportEvery::Yearly), "{w}");
        }
        for w in ["hằng quý", "hàng quý", "quarterly"] {
            assert_eq!(
                ReportEvery::from_word(w),
                Some(ReportEvery::Quarterly),
                "{w}"
            );
        }
        for w in ["hằng tháng", "hàng tháng", "monthly"] {
            assert_eq!(ReportEvery::from_word(w), Some(ReportEvery::Monthly), "{w}");
        }
        for w in ["đột xuất", "dot xuat", "ad-hoc", "ad hoc"] {
            assert_eq!(ReportEvery::from_word(w), Some(ReportEvery::AdHoc), "{w}");
        }
        assert_eq!(Role::from_word("giám sát"), None);
    }

    #[test]
    fn messages_use_the_reader_s_language() {
        assert_eq!(ReportEvery::SixMonths.word(Lang::Vi), "6 tháng");
        assert_eq!(ReportEvery::AdHoc.word(Lang::Vi), "đột xuất");
        assert_eq!(ReportEvery::AdHoc.word(Lang::En), "ad-hoc");
        assert_eq!(Role::allowed(Lang::Vi), "chủ trì, phối hợp, đề nghị");
    }
}
