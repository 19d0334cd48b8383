//! Provinces: names, border and coast, and the 2025 mergers.

use crate::date::Date;
use crate::text::match_key;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProvincesFile {
    #[serde(rename = "kehoach-provinces")]
    pub version: u32,
    #[serde(default)]
    pub sources: Vec<String>,
    pub provinces: Vec<Province>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Province {
    pub id: String,
    pub name: String,
    pub kind: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub land_border: bool,
    pub coast: bool,
    #[serde(default)]
    pub until: Option<Date>,
    #[serde(default)]
    pub merged_into: Option<String>,
    #[serde(default)]
    pub renamed_to: Option<String>,
    #[serde(default)]
    pub from: Option<Date>,
    #[serde(default)]
    pub note: Option<String>,
    /// The match keys of the name and aliases, computed once when the registry is built.
    #[serde(skip)]
    pub keys: Vec<String>,
}

impl Province {
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }

    /// "tỉnh Nghệ An", "thành phố Hà Nội".
    pub fn full_name(&self) -> String {
        format!("{} {}", self.kind, self.name)
    }

    pub fn exists_on(&self, date: Date) -> bool {
        self.until.is_none_or(|u| date <= u) && self.from.is_none_or(|f| date >= f)
    }
}

#[derive(Debug, Clone)]
pub struct ProvinceRegistry {
    pub provinces: Vec<Province>,
    pub sources: Vec<String>,
    by_key: HashMap<String, usize>,
    by_bare_key: HashMap<String, Option<usize>>,
}

/// The key of a province name without "tỉnh" / "thành phố" / "TP." before it.
pub fn province_key(name: &str) -> String {
    let mut key = match_key(name);
    for prefix in ["thành phố", "tỉnh", "tp.", "tp"] {
        if let Some(rest) = key.strip_prefix(crate::text::const_key(prefix))
            && (rest.starts_with(' ') || prefix.ends_with('.'))
        {
            key = rest.trim_start().to_string();
            break;
        }
    }
    key
}

/// [`province_key`] without diacritics, "tinh"/"thanh pho" prefixes removed as well.
fn bare_key(name: &str) -> String {
    let key = crate::text::strip_diacritics(&province_key(name));
    for prefix in ["thanh pho ", "tinh ", "tp. ", "tp."] {
        if let Some(rest) = key.strip_prefix(prefix) {
            return rest.trim_start().to_string();
        }
    }
    key
}

impl ProvinceRegistry {
    pub fn new(mut file: ProvincesFile) -> ProvinceRegistry {
        for p in &mut file.provinces {
            p.keys = p.names().map(match_key).collect();
        }
        let mut by_key = HashMap::new();
        let mut by_bare_key: HashMap<String, Option<usize>> = HashMap::new();
        for (i, p) in file.provinces.iter().enumerate() {
            for n in p.names() {
                by_key.entry(province_key(n)).or_insert(i);
                // Two provinces whose names differ only in diacritics would make the bare
                // spelling ambiguous: such a key maps to nothing.
                let slot = by_bare_key.entry(bare_key(n)).or_insert(Some(i));
                if *slot != Some(i) {
                    *slot = None;
                }
            }
        }
        ProvinceRegistry {
            provinces: file.provinces,
            sources: file.sources,
            by_key,
            by_bare_key,
        }
    }

    pub fn get(&self, id: &str) -> Option<&Province> {
        self.provinces.iter().find(|p| p.id == id)
    }

    /// The province a name refers to. Names typed without diacritics ("Ha Noi", "Quang Nam")
    /// are accepted too, when they fit exactly one province.
    pub fn resolve(&self, name: &str) -> Option<&Province> {
        let key = province_key(name);
        self.by_key
            .get(&key)
            .or_else(|| {
                self.by_bare_key
                    .get(&bare_key(name))
                    .and_then(Option::as_ref)
            })
            .map(|&i| &self.provinces[i])
    }

    /// The canonical name of the province closest to a misspelt one.
    pub fn suggest(&self, name: &str) -> Option<&str> {
        let best = crate::text::did_you_mean(name, self.all_names())
            .or_else(|| self.short_name_near(name))?;
        self.resolve(best).map(|p| p.name.as_str())
    }

    /// A one-syllable name ("Huế") is too short for a proportional score: "Huees" is two
    /// edits from it. The name the input starts with, at most two characters longer, is meant.
    fn short_name_near(&self, name: &str) -> Option<&str> {
        use crate::text::{match_key, strip_diacritics};
        let typed = strip_diacritics(&match_key(name));
        self.all_names().find(|n| {
            let known = strip_diacritics(&match_key(n));
            known.chars().count() >= 3
                && typed.starts_with(&known)
                && typed.chars().count() <= known.chars().count() + 2
        })
    }

    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        self.provinces.iter().flat_map(Province::names)
    }

    /// The provinces that `p` had absorbed by `date` (for the border/coast of a merged province).
    pub fn absorbed_by<'a>(
        &'a self,
        p: &'a Province,
        date: Date,
    ) -> impl Iterator<Item = &'a Province> {
        self.provinces.iter().filter(move |q| {
            q.merged_into.as_deref() == Some(p.id.as_str()) && q.until.is_some_and(|u| date > u)
        })
    }

    /// Whether the province (with what it had absorbed by `date`) has a land border or a coast.
    pub fn has_border_or_coast(&self, p: &Province, date: Date) -> bool {
        p.land_border || p.coast || self.absorbed_by(p, date).any(|q| q.land_border || q.coast)
    }
}

#[cfg(test)]
mod tests {
    use crate::reference::Reference;

    #[test]
    fn names_without_diacritics_resolve_when_unambiguous() {
        let p = &Reference::bundled().provinces;
        assert_eq!(p.resolve("Ha Noi").map(|x| x.id.as_str()), Some("ha-noi"));
        assert_eq!(
            p.resolve("tinh Quang Nam").map(|x| x.id.as_str()),
            Some("quang-nam")
        );
        assert_eq!(
            p.resolve("Thừa Thiên - Huế").map(|x| x.id.as_str()),
            Some("thua-thien-hue")
        );
        assert_eq!(
            p.suggest("Ha Nio"),
            Some("Hà Nội"),
            "suggestions are canonical names"
        );
        assert!(p.resolve("Ha").is_none());
    }
}
