//! A national programme: its targets, task groups and expected agencies.

use crate::check::Finding;
use crate::date::Date;
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
    pub indicators: Vec<IndicatorDef>,
    #[serde(default)]
    pub task_groups: Vec<TaskGroupDef>,
    #[serde(default)]
    pub agencies: Vec<AgencyRequirement>,
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
    #[serde(default)]
    pub population: Option<String>,
    #[serde(default)]
    pub phrases: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
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
    #[serde(default)]
    pub clause: Option<String>,
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
    pub population: Option<String>,
    pub phrases: Vec<String>,
    pub note: Option<String>,
}

impl NationalIndicator {
    pub fn short(&self, lang: Lang) -> &str {
        lang.pick(&self.short, &self.short_en)
    }

    pub fn text(&self, lang: Lang) -> &str {
        lang.pick(&self.text, &self.text_en)
    }

    /// The national target in compact notation, levels spelled out where they differ.
    pub fn target_display(&self, lang: Lang) -> String {
        crate::verdict::display_targets(self.targets.iter().map(|(l, t)| (*l, t)), lang)
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
    pub indicators: Vec<NationalIndicator>,
    pub task_groups: Vec<TaskGroupDef>,
    pub agencies: Vec<AgencyRequirement>,
    /// Match keys of every name the programme goes by.
    #[serde(skip)]
    pub name_keys: Vec<String>,
}

impl Programme {
    pub fn from_file(f: ProgrammeFile) -> Result<Programme, Box<Finding>> {
        let bad = |msg: String| Box::new(Finding::new(Rule::Schema, msg));
        let (start, end) = crate::compile::parse_period(&f.period).ok_or_else(|| {
            bad(format!(
                "programme period `{}` is not YEAR or YEAR-YEAR",
                f.period
            ))
        })?;
        let mut indicators = Vec::with_capacity(f.indicators.len());
        for d in f.indicators {
            let read = |s: &str| {
                Target::parse(s)
                    .map_err(|_| bad(format!("indicator `{}`: target `{s}` cannot be read", d.id)))
            };
            let targets = match &d.target {
                TargetDef::One(s) => vec![(None, read(s)?)],
                TargetDef::ByLevel(m) => {
                    let mut v = Vec::new();
                    for (k, s) in m {
                        let level =
                            Level::ALL
                                .into_iter()
                                .find(|l| l.key() == k)
                                .ok_or_else(|| {
                                    bad(format!("indicator `{}`: unknown level `{k}`", d.id))
                                })?;
                        v.push((Some(level), read(s)?));
                    }
                    // Province, district, commune: the order plans write them in.
                    v.sort_by_key(|(l, _)| *l);
                    v
                }
            };
            indicators.push(NationalIndicator {
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
                population: d.population,
                phrases: d.phrases,
                note: d.note,
            });
        }
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
            indicators,
            task_groups: f.task_groups,
            agencies: f.agencies,
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
