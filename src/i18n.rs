//! Message language. Every user-facing sentence is written twice, in Vietnamese and English,
//! by hand: the two read naturally rather than word for word.

use clap::ValueEnum;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Tiếng Việt
    Vi,
    /// English
    En,
}

impl Lang {
    /// The language the environment asks for: Vietnamese for `vi*` locales, English otherwise.
    /// `LANGUAGE` (GNU gettext's list of preferred languages, `vi:en`) comes first: its first
    /// entry that kehoach speaks wins. Then `LC_ALL` overrides `LC_MESSAGES`, which overrides
    /// `LANG`, as in POSIX.
    pub fn from_env() -> Lang {
        if let Ok(list) = std::env::var("LANGUAGE") {
            for entry in list.split(':').map(str::to_ascii_lowercase) {
                if entry.starts_with("vi") {
                    return Lang::Vi;
                }
                if entry.starts_with("en") {
                    return Lang::En;
                }
            }
        }
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(v) = std::env::var(var)
                && !v.is_empty()
            {
                return if v.to_ascii_lowercase().starts_with("vi") {
                    Lang::Vi
                } else {
                    Lang::En
                };
            }
        }
        Lang::En
    }

    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

/// `msg!(lang, "vi {x}", "en {x}")`: a formatted message in the chosen language.
#[macro_export]
macro_rules! msg {
    ($lang:expr, $vi:literal, $en:literal $(,)?) => {
        match $lang {
            $crate::i18n::Lang::Vi => format!($vi),
            $crate::i18n::Lang::En => format!($en),
        }
    };
    ($lang:expr, $vi:literal, $en:literal, $($arg:tt)*) => {
        match $lang {
            $crate::i18n::Lang::Vi => format!($vi, $($arg)*),
            $crate::i18n::Lang::En => format!($en, $($arg)*),
        }
    };
}
