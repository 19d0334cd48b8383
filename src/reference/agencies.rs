//! Provincial bodies, every spelling real plans use for them, and who succeeded whom.

use super::match_keys::with_match_key;
use crate::date::Date;
use crate::i18n::Lang;
use crate::recall::BuildNameHasher;
use crate::reference::Province;
use crate::text::match_key;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgenciesFile {
    #[serde(rename = "kehoach-agencies")]
    pub version: u32,
    pub agencies: Vec<Agency>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Agency {
    pub id: String,
    pub name: String,
    pub name_en: String,
    /// The name in a centrally-run city ("Công an thành phố", "Thành đoàn").
    #[serde(default)]
    pub name_city: Option<String>,
    #[serde(default)]
    pub national: Option<String>,
    #[serde(default = "province_level")]
    pub level: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Last day the body held the prostitution-prevention function (or existed).
    #[serde(default)]
    pub until: Option<Date>,
    #[serde(default)]
    pub successor: Option<String>,
    /// Other functions of the body and who took each over (Sở LĐTBXH: labour to Sở Nội vụ).
    #[serde(default)]
    pub successors: Vec<FunctionSuccessor>,
    /// Provinces where the body ended on its own date (Sở Du lịch, kept in some provinces only).
    #[serde(default)]
    pub ended_in: Vec<ProvinceEnd>,
    #[serde(default)]
    pub change: Option<String>,
    #[serde(default)]
    pub change_en: Option<String>,
    /// The legal act behind `change`, the one a finding's help cites.
    #[serde(default)]
    pub basis: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FunctionSuccessor {
    pub function: String,
    pub function_en: String,
    pub agency: String,
    /// Words in a task's text that show it belongs to this function.
    pub words: Vec<String>,
    /// The match keys of `words`, computed once when the registry is built.
    #[serde(skip)]
    pub word_keys: Vec<String>,
}

impl FunctionSuccessor {
    /// Whether a task whose [`match_key`] is `task_key` contains one of the words.
    fn named_in(&self, task_key: &str) -> bool {
        if self.word_keys.len() == self.words.len() {
            self.word_keys.iter().any(|w| task_key.contains(w.as_str()))
        } else {
            // Not built by the registry: the keys were never computed.
            self.words.iter().any(|w| task_key.contains(&match_key(w)))
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ProvinceEnd {
    pub province: String,
    pub until: Date,
    pub successor: String,
    pub source: String,
}

fn province_level() -> String {
    "province".to_string()
}

impl Agency {
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.name, &self.name_en)
    }

    /// The name as the plan's own province uses it: the city form in a centrally-run city.
    pub fn name_in(&self, province: Option<&Province>, lang: Lang) -> &str {
        match (lang, &self.name_city, province) {
            (Lang::Vi, Some(city), Some(p)) if p.kind == "thành phố" => city,
            _ => self.name(lang),
        }
    }

    /// The successors of other functions whose words a task's text contains, by the task's
    /// [`match_key`] (a caller asking about each task for several functions folds it once).
    pub fn function_successors<'a>(
        &'a self,
        task_key: &'a str,
    ) -> impl Iterator<Item = &'a FunctionSuccessor> {
        self.successors.iter().filter(move |f| f.named_in(task_key))
    }

    /// This province's own end of the body, if it has one.
    pub fn ended_in(&self, province: Option<&Province>) -> Option<&ProvinceEnd> {
        let p = province?;
        self.ended_in.iter().find(|e| e.province == p.id)
    }

    /// Whether the body held its function on `date`.
    pub fn in_force(&self, date: Date) -> bool {
        self.until.is_none_or(|u| date <= u)
    }
}

#[derive(Debug, Clone)]
pub struct AgencyRegistry {
    pub agencies: Vec<Agency>,
    by_key: HashMap<String, usize, BuildNameHasher>,
    /// Every name and alias with its abbreviations written out ([`AgencyRegistry::closest`]),
    /// made on the first name that does not resolve and kept: each such name searched them.
    expanded_names: OnceLock<Vec<(String, String)>>,
}

/// Words that only say which province a body belongs to: "Công an tỉnh", "Báo Nghệ An".
const LOCALITY_WORDS: [&str; 6] = [
    "tỉnh",
    "thành phố",
    "tp",
    "tp.",
    "thành phố trực thuộc trung ương",
    "thành phố trung ương",
];

/// The key of a body's name with its locality removed, so "Công an tỉnh", "Công an thành phố"
/// and "Công an tỉnh Nghệ An" meet.
pub fn agency_key(name: &str, province: Option<&Province>) -> String {
    locality_removed(&match_key(name), province).into_owned()
}

/// [`agency_key`] of a name whose [`match_key`] is `key`. Borrows from `key` unless the
/// province's name stands inside it.
fn locality_removed<'k>(key: &'k str, province: Option<&Province>) -> Cow<'k, str> {
    let mut key = Cow::Borrowed(key);
    if let Some(p) = province {
        // The province's name may stand anywhere: "Ủy ban MTTQ Việt Nam tỉnh Nghệ An và các
        // tổ chức thành viên".
        for k in &p.keys {
            while let Some(at) = find_after_space(&key, k) {
                let end = at + 1 + k.len();
                let after = &key[end..];
                if !(after.is_empty() || after.starts_with([' ', ','])) {
                    break;
                }
                key.to_mut().replace_range(at..end, "");
            }
        }
    }
    match key {
        Cow::Borrowed(k) => Cow::Borrowed(without_locality_words(k)),
        Cow::Owned(k) => Cow::Owned(without_locality_words(&k).to_string()),
    }
}

/// Where `word` first stands after a space in `key`: the offset of that space (what
/// `key.find(&format!(" {word}"))` gives, without building the pattern).
fn find_after_space(key: &str, word: &str) -> Option<usize> {
    let (bytes, word) = (key.as_bytes(), word.as_bytes());
    let Some(&first) = word.first() else {
        return key.find(' ');
    };
    // The byte after the space is compared first: it rules out nearly every space.
    (0..bytes.len().saturating_sub(word.len()))
        .find(|&i| bytes[i] == b' ' && bytes[i + 1] == first && bytes[i + 1..].starts_with(word))
}

/// `key` without the locality words it ends with ("công an tỉnh" → "công an").
fn without_locality_words(mut key: &str) -> &str {
    static WORDS: LazyLock<[String; 6]> = LazyLock::new(|| LOCALITY_WORDS.map(match_key));
    loop {
        let before = key.len();
        for w in WORDS.iter() {
            if let Some(rest) = key.strip_suffix(w.as_str())
                && rest.ends_with([' ', '-'])
            {
                key = rest.trim_end_matches([' ', '-']);
            }
        }
        if key.len() == before {
            return key;
        }
    }
}

impl AgencyRegistry {
    pub fn new(file: AgenciesFile) -> AgencyRegistry {
        let mut by_key = HashMap::default();
        let mut file = file;
        for a in &mut file.agencies {
            for f in &mut a.successors {
                f.word_keys = f.words.iter().map(|w| match_key(w)).collect();
            }
        }
        for (i, a) in file.agencies.iter().enumerate() {
            for n in std::iter::once(&a.name)
                .chain(&a.name_city)
                .chain(&a.aliases)
                .chain(&a.national)
            {
                by_key.entry(agency_key(n, None)).or_insert(i);
            }
        }
        AgencyRegistry {
            agencies: file.agencies,
            by_key,
            expanded_names: OnceLock::new(),
        }
    }

    pub fn get(&self, id: &str) -> Option<&Agency> {
        self.agencies.iter().find(|a| a.id == id)
    }

    /// The body a name in a plan refers to, whatever its spelling.
    pub fn resolve(&self, name: &str, province: Option<&Province>) -> Option<&Agency> {
        with_match_key(name, |bare| {
            if let Some(&i) = self.by_key.get(&*locality_removed(bare, province)) {
                return Some(&self.agencies[i]);
            }
            // "Báo Nghệ An", "Báo Quảng Nam": the provincial newspaper goes by the province's
            // name.
            let p = province?;
            let rest = bare.strip_prefix(crate::text::const_key("Báo"))?;
            if p.keys.iter().any(|k| rest.trim_start() == k) {
                return self.get("newspaper");
            }
            None
        })
    }

    /// Every name and alias, for did-you-mean suggestions.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        self.agencies.iter().flat_map(|a| {
            std::iter::once(a.name.as_str()).chain(a.aliases.iter().map(String::as_str))
        })
    }

    /// The canonical name of the body closest to a name that does not resolve: by spelling
    /// ("Sở Y tê"), then with abbreviations written out and diacritics dropped ("So Lao dong
    /// TBXH", "Sở LĐTBXH tỉnh" → Sở Lao động - Thương binh và Xã hội).
    pub fn closest(&self, written: &str) -> Option<&str> {
        let best = crate::text::did_you_mean(written, self.all_names()).or_else(|| {
            let expanded = crate::text::expand_abbreviations(written);
            let names = self.expanded_names.get_or_init(|| {
                self.all_names()
                    .map(|n| (crate::text::expand_abbreviations(n), n.to_string()))
                    .collect()
            });
            let hit = crate::text::did_you_mean(&expanded, names.iter().map(|(e, _)| e.as_str()))?;
            names
                .iter()
                .find(|(e, _)| e == hit)
                .map(|(_, n)| n.as_str())
        })?;
        Some(self.resolve(best, None).map_or(best, |a| a.name.as_str()))
    }

    /// The body that held `id`'s function on `date`, following successors.
    pub fn in_force_on<'a>(&'a self, id: &str, date: Date) -> Option<&'a Agency> {
        let mut current = self.get(id)?;
        for _ in 0..8 {
            if current.in_force(date) {
                return Some(current);
            }
            current = self.get(current.successor.as_deref()?)?;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_after_a_space_is_found_where_find_finds_it() {
        for key in [
            "công an tỉnh nghệ an",
            "nghệ an",
            " nghệ",
            "báo nghệ an, ",
            "a  b",
            "",
        ] {
            for word in ["nghệ an", "nghệ", "b", "", "an, "] {
                assert_eq!(
                    find_after_space(key, word),
                    key.find(&format!(" {word}")),
                    "{key:?} {word:?}"
                );
            }
        }
    }

    #[test]
    fn the_locality_is_removed_wherever_the_province_stands() {
        let reference = crate::reference::Reference::bundled();
        let nghe_an = reference.provinces.get("nghe-an");
        for (name, id) in [
            ("Công an tỉnh Nghệ An", "police"),
            ("Báo Nghệ An", "newspaper"),
            ("Sở Y tế tỉnh", "health-dept"),
            ("Ủy ban MTTQ Việt Nam tỉnh Nghệ An", "fatherland-front"),
        ] {
            assert_eq!(
                reference
                    .agencies
                    .resolve(name, nghe_an)
                    .map(|a| a.id.as_str()),
                Some(id),
                "{name}"
            );
        }
    }
}
