//! Provincial bodies, every spelling real plans use for them, and who succeeded whom.

use crate::date::Date;
use crate::i18n::Lang;
use crate::reference::Province;
use crate::text::match_key;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

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

    /// The successors of other functions whose words a task's text contains.
    pub fn function_successors<'a>(&'a self, task: &str) -> Vec<&'a FunctionSuccessor> {
        let key = match_key(task);
        self.successors
            .iter()
            .filter(|f| f.words.iter().any(|w| key.contains(&match_key(w))))
            .collect()
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
    by_key: HashMap<String, usize>,
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
    let mut key = match_key(name);
    if let Some(p) = province {
        // The province's name may stand anywhere: "Ủy ban MTTQ Việt Nam tỉnh Nghệ An và các
        // tổ chức thành viên".
        for k in &p.keys {
            let pk = format!(" {k}");
            while let Some(at) = key.find(&pk) {
                let after = &key[at + pk.len()..];
                if !(after.is_empty() || after.starts_with([' ', ','])) {
                    break;
                }
                key.replace_range(at..at + pk.len(), "");
            }
        }
    }
    loop {
        let before = key.len();
        for w in LOCALITY_WORDS {
            if let Some(rest) = key.strip_suffix(crate::text::const_key(w))
                && rest.ends_with([' ', '-'])
            {
                key = rest.trim_end_matches([' ', '-']).to_string();
            }
        }
        if key.len() == before {
            break;
        }
    }
    key
}

impl AgencyRegistry {
    pub fn new(file: AgenciesFile) -> AgencyRegistry {
        let mut by_key = HashMap::new();
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
        }
    }

    pub fn get(&self, id: &str) -> Option<&Agency> {
        self.agencies.iter().find(|a| a.id == id)
    }

    /// The body a name in a plan refers to, whatever its spelling.
    pub fn resolve(&self, name: &str, province: Option<&Province>) -> Option<&Agency> {
        let key = agency_key(name, province);
        if let Some(&i) = self.by_key.get(&key) {
            return Some(&self.agencies[i]);
        }
        // "Báo Nghệ An", "Báo Quảng Nam": the provincial newspaper goes by the province's name.
        if let Some(p) = province {
            let bare = match_key(name);
            if let Some(rest) = bare.strip_prefix(crate::text::const_key("Báo"))
                && p.keys.iter().any(|k| rest.trim_start() == k)
            {
                return self.get("newspaper");
            }
        }
        None
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
            let names: Vec<(String, &str)> = self
                .all_names()
                .map(|n| (crate::text::expand_abbreviations(n), n))
                .collect();
            let hit = crate::text::did_you_mean(&expanded, names.iter().map(|(e, _)| e.as_str()))?;
            names.iter().find(|(e, _)| e == hit).map(|(_, n)| *n)
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
