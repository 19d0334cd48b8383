//! What changed around the plans, and when: legal bases, expired programmes, abolished levels,
//! and the acts behind province changes (schemas/reforms.yaml).

use crate::date::Date;
use crate::i18n::Lang;
use crate::model::Level;
use crate::reference::{Agency, Province};
use crate::text::match_key;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReformsFile {
    #[serde(rename = "kehoach-reforms")]
    pub version: u32,
    pub legal_bases: Vec<LegalBasis>,
    pub programmes: Vec<ProgrammeStatus>,
    pub levels: Vec<LevelChange>,
    pub provinces: Vec<ProvinceChange>,
}

/// A law or ordinance: a basis for plans, with duties but no targets.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegalBasis {
    pub id: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub title: String,
    pub title_en: String,
    pub issued: Date,
    pub from: Date,
    pub source: String,
}

/// When a national programme stopped applying, and what replaced it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeStatus {
    pub id: String,
    pub until: Date,
    #[serde(default)]
    pub successor: Option<String>,
    #[serde(default)]
    pub successor_note: Option<String>,
    #[serde(default)]
    pub successor_note_en: Option<String>,
    pub source: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Branch {
    Government,
    Police,
    /// District courts and procuracies (ended 01/7/2025).
    Judiciary,
}

/// A level of government (or of the police) that ceased to exist.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelChange {
    pub id: String,
    #[serde(deserialize_with = "level_key")]
    pub level: Level,
    pub branch: Branch,
    /// Its last day.
    pub until: Date,
    #[serde(default)]
    pub bodies: Vec<String>,
    pub name: String,
    pub name_en: String,
    pub change: String,
    pub change_en: String,
    pub source: String,
}

/// `district`, `commune`, `province`: the keys plans use for levels.
fn level_key<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Level, D::Error> {
    let key = String::deserialize(d)?;
    Level::ALL
        .into_iter()
        .find(|l| l.key() == key)
        .ok_or_else(|| serde::de::Error::custom(format!("unknown level `{key}`")))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProvinceChangeKind {
    Merger,
    Rename,
}

/// The act behind a set of province changes that took effect on the same day.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProvinceChange {
    pub id: String,
    pub kind: ProvinceChangeKind,
    /// The last day of the provinces it ended.
    pub until: Date,
    pub change: String,
    pub change_en: String,
    pub source: String,
}

impl LevelChange {
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.name, &self.name_en)
    }

    pub fn change(&self, lang: Lang) -> &str {
        lang.pick(&self.change, &self.change_en)
    }

    /// The first day without the level.
    pub fn from(&self) -> Date {
        self.until.next_day()
    }

    pub fn ended_by(&self, date: Date) -> bool {
        date > self.until
    }
}

impl ProvinceChange {
    pub fn change(&self, lang: Lang) -> &str {
        lang.pick(&self.change, &self.change_en)
    }
}

impl ProgrammeStatus {
    pub fn successor_note(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::Vi => self.successor_note.as_deref(),
            Lang::En => self.successor_note_en.as_deref(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Reforms {
    pub legal_bases: Vec<LegalBasis>,
    pub programmes: Vec<ProgrammeStatus>,
    pub levels: Vec<LevelChange>,
    pub provinces: Vec<ProvinceChange>,
}

impl Reforms {
    pub fn new(file: ReformsFile) -> Reforms {
        Reforms {
            legal_bases: file.legal_bases,
            programmes: file.programmes,
            levels: file.levels,
            provinces: file.provinces,
        }
    }

    /// The law or ordinance a plan names in `basis:` or `implements:`, whatever its spelling.
    pub fn legal_basis(&self, name: &str) -> Option<&LegalBasis> {
        let key = match_key(name);
        self.legal_bases.iter().find(|b| {
            std::iter::once(&b.id)
                .chain(&b.aliases)
                .any(|n| match_key(n) == key)
        })
    }

    /// What is known of a programme's end (`None`: it has no recorded end).
    pub fn programme(&self, id: &str) -> Option<&ProgrammeStatus> {
        let key = match_key(id);
        self.programmes.iter().find(|p| match_key(&p.id) == key)
    }

    /// The level change a body ended with: the one that lists it, else, for a district body,
    /// the end of district government (its committees' and centres' tasks went with it).
    pub fn level_of_body(&self, agency: &Agency) -> Option<&LevelChange> {
        self.levels
            .iter()
            .find(|l| l.bodies.contains(&agency.id))
            .or_else(|| {
                (agency.level == Level::District.key())
                    .then(|| self.government_level(Level::District))
                    .flatten()
            })
    }

    /// The end of a level of local government (for targets and duties given to that level).
    pub fn government_level(&self, level: Level) -> Option<&LevelChange> {
        self.levels
            .iter()
            .find(|l| l.level == level && l.branch == Branch::Government)
    }

    /// The level of local government `level` had ceased to exist on `date`.
    pub fn level_abolished(&self, level: Level, date: Date) -> Option<&LevelChange> {
        self.government_level(level).filter(|l| l.ended_by(date))
    }

    /// The act that ended a province (merged or renamed), by its last day and kind.
    pub fn province_change(&self, p: &Province) -> Option<&ProvinceChange> {
        let until = p.until?;
        let kind = if p.merged_into.is_some() {
            ProvinceChangeKind::Merger
        } else if p.renamed_to.is_some() {
            ProvinceChangeKind::Rename
        } else {
            return None;
        };
        self.provinces
            .iter()
            .find(|c| c.until == until && c.kind == kind)
    }
}

#[cfg(test)]
mod tests {
    use crate::date::Date;
    use crate::model::Level;
    use crate::reference::Reference;

    fn existing_on(date: Date) -> Vec<&'static str> {
        Reference::bundled()
            .provinces
            .provinces
            .iter()
            .filter(|p| p.exists_on(date))
            .map(|p| p.name.as_str())
            .collect()
    }

    #[test]
    fn sixty_three_provinces_before_the_mergers_and_thirty_four_after() {
        assert_eq!(existing_on(Date::new(2024, 6, 1)).len(), 63);
        assert_eq!(existing_on(Date::new(2025, 6, 30)).len(), 63);
        let after = existing_on(Date::new(2025, 7, 1));
        assert_eq!(after.len(), 34, "{after:?}");
        assert!(after.contains(&"Huế") && !after.contains(&"Thừa Thiên Huế"));
        assert!(after.contains(&"Đà Nẵng") && !after.contains(&"Quảng Nam"));
    }

    #[test]
    fn every_merger_and_rename_points_at_a_province_that_exists_afterwards() {
        let r = Reference::bundled();
        let mut absorbed = 0;
        for p in &r.provinces.provinces {
            let next = p.merged_into.as_deref().or(p.renamed_to.as_deref());
            let Some(next) = next else {
                assert!(p.until.is_none(), "{} ends without a successor", p.id);
                continue;
            };
            let until = p.until.expect("a merged or renamed province has `until`");
            let to = r
                .provinces
                .get(next)
                .unwrap_or_else(|| panic!("{next} unknown"));
            assert!(to.exists_on(until.next_day()), "{} → {next}", p.id);
            assert!(
                r.reforms.province_change(p).is_some(),
                "{} has no act",
                p.id
            );
            absorbed += usize::from(p.merged_into.is_some());
        }
        // domain.md §6: 23 provinces absorbed 29 others.
        assert_eq!(absorbed, 29);
    }

    #[test]
    fn every_successor_and_level_body_is_a_known_agency() {
        let r = Reference::bundled();
        for a in &r.agencies.agencies {
            if let Some(s) = &a.successor {
                assert!(r.agencies.get(s).is_some(), "{} → {s}", a.id);
                assert!(a.until.is_some(), "{} has a successor but no end", a.id);
            }
        }
        for l in &r.reforms.levels {
            for b in &l.bodies {
                let a = r.agencies.get(b).unwrap_or_else(|| panic!("{b} unknown"));
                assert_eq!(a.until, Some(l.until), "{b} and level {}", l.id);
            }
        }
    }

    #[test]
    fn lookups_go_by_date() {
        let r = Reference::bundled();
        let lead = |d| {
            r.agencies
                .in_force_on("labour-dept", d)
                .unwrap()
                .id
                .as_str()
        };
        assert_eq!(lead(Date::new(2025, 2, 28)), "labour-dept");
        assert_eq!(lead(Date::new(2025, 3, 1)), "health-dept");
        let district = |d| r.reforms.level_abolished(Level::District, d).is_some();
        assert!(!district(Date::new(2025, 6, 30)));
        assert!(district(Date::new(2025, 7, 1)));
        assert!(r.reforms.legal_basis("10/2003/PL-UBTVQH11").is_some());
        assert!(
            r.reforms
                .legal_basis("Pháp lệnh phòng, chống mại dâm")
                .is_some()
        );
        assert!(r.reforms.legal_basis("1629/QĐ-TTg").is_none());
        let p = r.reforms.programme("1629/QĐ-TTg").unwrap();
        assert_eq!(p.until, Date::new(2025, 12, 31));
        assert!(r.programme(&p.id).is_some());
    }
}
