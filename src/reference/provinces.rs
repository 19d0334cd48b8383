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

impl ProvinceRegistry {
    pub fn new(mut file: ProvincesFile) -> ProvinceRegistry {
        for p in &mut file.provinces {
            p.keys = p.names().map(match_key).collect();
        }
        let mut by_key = HashMap::new();
        for (i, p) in file.provinces.iter().enumerate() {
            for n in p.names() {
                by_key.entry(province_key(n)).or_insert(i);
            }
        }
        ProvinceRegistry {
            provinces: file.provinces,
            sources: file.sources,
            by_key,
        }
    }

    pub fn get(&self, id: &str) -> Option<&Province> {
        self.provinces.iter().find(|p| p.id == id)
    }

    pub fn resolve(&self, name: &str) -> Option<&Province> {
        self.by_key
            .get(&province_key(name))
            .map(|&i| &self.provinces[i])
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
