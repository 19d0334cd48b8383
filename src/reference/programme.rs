//! A national programme: its targets, task groups and expected agencies.

use crate::date::Date;
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::model::{Level, Target};
use crate::rules::Rule;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeFile {
    #[serde(rename = "kehoach-programme")]
    pub version: u32,
    pub id: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub title: String,
    pub title_en: String,
    pub issued: Date,
    pub issuer: String,
    pub period: String,
    pub source: String,
    #[serde(default)]
    pub implementing: Vec<String>,
    /// What is known of each implementing document, for citing it in full.
    #[serde(default)]
    pub implementing_documents: Vec<ImplementingDocument>,
    pub indicators: Vec<IndicatorDef>,
    #[serde(default)]
    pub task_groups: Vec<TaskGroupDef>,
    #[serde(default)]
    pub agencies: Vec<AgencyRequirement>,
    #[serde(default)]
    pub practice_plans: Vec<PracticePlan>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorDef {
    pub id: String,
    pub group: String,
    pub short: String,
    pub short_en: String,
    pub text: String,
    pub text_en: String,
    pub measure: String,
    pub target: TargetDef,
    #[serde(default)]
    pub deadline: Option<i32>,
    pub binds: Binds,
    pub clause: String,
    /// The part of `clause` a source confirms; only this is printed.
    #[serde(default)]
    pub clause_confirmed: Option<String>,
    pub text_status: TextStatus,
    /// Who gives `text` (word for word when verbatim), as a reader can name it.
    #[serde(default)]
    pub text_source: Option<String>,
    /// The full reference (address, date) of `text_source`, for docs and audits.
    #[serde(default)]
    pub text_source_detail: Option<String>,
    /// The level of government the whole target counts ("district": plans-built).
    #[serde(default)]
    pub population_level: Option<String>,
    /// How a plan dated after the district level ended words it (kehoach's draft wording).
    #[serde(default)]
    pub two_level: Option<TwoLevelForm>,
    /// A second part that must also be set ("100% ... at least once by 2025").
    #[serde(default)]
    pub once_by_deadline: Option<SecondPart>,
    #[serde(default)]
    pub population: Option<String>,
    #[serde(default)]
    pub phrases: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A document implementing the programme (808/QĐ-LĐTBXH), as a plan cites it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ImplementingDocument {
    pub id: String,
    pub issued: Date,
    /// "Bộ trưởng Bộ Lao động - Thương binh và Xã hội".
    pub issuer: String,
    /// "về việc ban hành Kế hoạch tổng thể ...".
    pub title: String,
    pub source: String,
}

/// How far `text` is the Decision's own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextStatus {
    /// A source gives these words as the Decision's, word for word.
    Verbatim,
    /// The content as a source restates it, not the Decision's own words.
    Paraphrase,
    /// Put together by kehoach from partial sources; no source has this sentence.
    Reconstructed,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TwoLevelForm {
    /// A local id for targets whose national form counts districts.
    #[serde(default)]
    pub id: Option<String>,
    pub text: String,
    #[serde(default)]
    pub target: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SecondPart {
    pub target: String,
    pub text: String,
    pub text_en: String,
    pub text_status: TextStatus,
    #[serde(default)]
    pub text_source: Option<String>,
    /// Words that show a plan sets this part.
    pub phrases: Vec<String>,
    /// The match keys of `phrases`, computed once when the programme is read.
    #[serde(skip)]
    pub phrase_keys: Vec<String>,
}

impl SecondPart {
    /// Whether a text whose [`match_key`](crate::text::match_key) is `text_key` contains one
    /// of the phrases.
    pub fn set_in(&self, text_key: &str) -> bool {
        if self.phrase_keys.len() == self.phrases.len() {
            self.phrase_keys
                .iter()
                .any(|p| text_key.contains(p.as_str()))
        } else {
            // Not read through the programme: the keys were never computed.
            let key = |p: &String| crate::text::match_key(p);
            self.phrases.iter().any(|p| text_key.contains(&key(p)))
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum TargetDef {
    One(String),
    ByLevel(BTreeMap<String, String>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Binds {
    /// Every provincial plan must localise it.
    Province,
    /// A national aggregate (e.g. "at least 10 provinces run pilot models").
    National,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TaskGroupDef {
    pub id: String,
    pub title: String,
    pub title_en: String,
    #[serde(default)]
    pub clause: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Requirement {
    Lead,
    Required,
    Conditional,
    Requested,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AgencyRequirement {
    pub agency: String,
    pub requirement: Requirement,
    #[serde(default)]
    pub condition: Option<String>,
    /// What the expectation rests on: the Decision (or the Ministry's plan) naming the body,
    /// or the practice of the real plans in `practice_plans`.
    pub basis: Basis,
    /// Ids of the `practice_plans` that name the body.
    #[serde(default)]
    pub seen_in: Vec<String>,
    /// How many practice plans could have named it, when not all (border guards: only
    /// provinces with a border or a coast).
    #[serde(default)]
    pub out_of: Option<usize>,
    #[serde(default)]
    pub clause: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// Named by the Decision or the Ministry's plan for provinces: a warning when missing.
    Decision,
    /// Seen in real provincial plans: a note that says how common.
    Practice,
}

/// A real provincial plan whose practice the expectations count.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PracticePlan {
    pub id: String,
    pub plan: String,
    pub source: String,
}

/// A national indicator with its target read.
#[derive(Debug, Clone, Serialize)]
pub struct NationalIndicator {
    pub id: String,
    pub group: String,
    pub short: String,
    pub short_en: String,
    pub text: String,
    pub text_en: String,
    /// `None` applies to every level; otherwise one target per level.
    pub targets: Vec<(Option<Level>, Target)>,
    pub deadline: Option<i32>,
    pub binds: Binds,
    pub clause: String,
    pub clause_confirmed: Option<String>,
    pub text_status: TextStatus,
    pub text_source: Option<String>,
    pub text_source_detail: Option<String>,
    pub population_level: Option<Level>,
    pub two_level: Option<TwoLevelForm>,
    pub once_by_deadline: Option<SecondPart>,
    pub population: Option<String>,
    pub phrases: Vec<String>,
    pub note: Option<String>,
}

impl NationalIndicator {
    /// Whether `text` may be shown in quotation marks as the Decision's own words.
    pub fn quotable(&self) -> bool {
        self.text_status == TextStatus::Verbatim && self.text_source.is_some()
    }

    pub fn short(&self, lang: Lang) -> &str {
        lang.pick(&self.short, &self.short_en)
    }

    pub fn text(&self, lang: Lang) -> &str {
        lang.pick(&self.text, &self.text_en)
    }

    /// The national target in compact notation, levels spelled out where they differ.
    pub fn target_display(&self, lang: Lang) -> String {
        crate::model::display_targets(self.targets.iter().map(|(l, t)| (*l, t)), lang)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Programme {
    pub id: String,
    pub aliases: Vec<String>,
    pub title: String,
    pub title_en: String,
    pub issued: Date,
    pub issuer: String,
    pub start: i32,
    pub end: i32,
    pub source: String,
    pub implementing: Vec<String>,
    pub implementing_documents: Vec<ImplementingDocument>,
    pub indicators: Vec<NationalIndicator>,
    pub task_groups: Vec<TaskGroupDef>,
    pub agencies: Vec<AgencyRequirement>,
    pub practice_plans: Vec<PracticePlan>,
    /// Match keys of every name the programme goes by.
    #[serde(skip)]
    pub name_keys: Vec<String>,
}

impl Programme {
    pub fn from_file(f: ProgrammeFile) -> Result<Programme, Box<Finding>> {
        let (start, end) = crate::date::parse_period(&f.period).ok_or_else(|| {
            bad(format!(
                "programme period `{}` is not YEAR or YEAR-YEAR",
                f.period
            ))
        })?;
        let indicators = f
            .indicators
            .into_iter()
            .map(NationalIndicator::from_def)
            .collect::<Result<Vec<_>, _>>()?;
        let mut p = Programme {
            id: f.id,
            aliases: f.aliases,
            title: f.title,
            title_en: f.title_en,
            issued: f.issued,
            issuer: f.issuer,
            start,
            end,
            source: f.source,
            implementing: f.implementing,
            implementing_documents: f.implementing_documents,
            indicators,
            task_groups: f.task_groups,
            agencies: f.agencies,
            practice_plans: f.practice_plans,
            name_keys: Vec::new(),
        };
        p.name_keys = p.names().map(crate::text::match_key).collect();
        Ok(p)
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.id.as_str())
            .chain(self.aliases.iter().map(String::as_str))
            .chain(self.implementing.iter().map(String::as_str))
    }

    pub fn indicator(&self, id: &str) -> Option<&NationalIndicator> {
        self.indicators.iter().find(|i| i.id == id)
    }
}

/// A schema finding about the programme data itself (its files are checked like plans).
fn bad(msg: String) -> Box<Finding> {
    Box::new(Finding::new(Rule::Schema, msg))
}

/// `province`, `district` or `commune` in the programme data.
fn level_named(id: &str, k: &str) -> Result<Level, Box<Finding>> {
    Level::ALL
        .into_iter()
        .find(|l| l.key() == k)
        .ok_or_else(|| bad(format!("indicator `{id}`: unknown level `{k}`")))
}

impl NationalIndicator {
    fn from_def(d: IndicatorDef) -> Result<NationalIndicator, Box<Finding>> {
        let targets = national_targets(&d)?;
        if d.text_status != TextStatus::Reconstructed && d.text_source.is_none() {
            return Err(bad(format!(
                "indicator `{}`: a {:?} text needs `text_source:`",
                d.id, d.text_status
            )));
        }
        let population_level = match d.population_level.as_deref() {
            None => None,
            Some(k) => Some(level_named(&d.id, k)?),
        };
        Ok(NationalIndicator {
            id: d.id,
            group: d.group,
            short: d.short,
            short_en: d.short_en,
            text: d.text,
            text_en: d.text_en,
            targets,
            deadline: d.deadline,
            binds: d.binds,
            clause: d.clause,
            clause_confirmed: d.clause_confirmed,
            text_status: d.text_status,
            text_source: d.text_source,
            text_source_detail: d.text_source_detail,
            population_level,
            two_level: d.two_level,
            once_by_deadline: d.once_by_deadline.map(|mut part| {
                part.phrase_keys = part
                    .phrases
                    .iter()
                    .map(|p| crate::text::match_key(p))
                    .collect();
                part
            }),
            population: d.population,
            phrases: d.phrases,
            note: d.note,
        })
    }
}

/// The indicator's target, or one per level in the order plans write them.
fn national_targets(d: &IndicatorDef) -> Result<Vec<(Option<Level>, Target)>, Box<Finding>> {
    let read = |s: &str| {
        Target::parse(s)
            .map_err(|_| bad(format!("indicator `{}`: target `{s}` cannot be read", d.id)))
    };
    Ok(match &d.target {
        TargetDef::One(s) => vec![(None, read(s)?)],
        TargetDef::ByLevel(m) => {
            let mut v = Vec::new();
            for (k, s) in m {
                v.push((Some(level_named(&d.id, k)?), read(s)?));
            }
            // Province, district, commune: the order plans write them in.
            v.sort_by_key(|(l, _)| *l);
            v
        }
    })
}
