//! Targets as plans write them ("Trên 70%", "3 - 5%/năm", "ít nhất một tháng một lần",
//! "25.000 người"): a measure, a comparator and numbers. Reading them from words is in
//! [`parse`], writing them back in [`display`].

mod display;
mod parse;
#[cfg(test)]
mod tests;

pub(super) use parse::{normalise, period_words};

use crate::i18n::Lang;
use crate::text::format_number;
use serde::Serialize;

/// How the plan's number bounds the result. National targets are floors ("at least"): more
/// communication, more inspections, more people reached is always better. A plan may still
/// write a ceiling ("tối đa 70%", "dưới 70%"), which promises no floor at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cmp {
    /// ≥ (ít nhất, tối thiểu, không dưới, trở lên; a bare number)
    AtLeast,
    /// > (trên, hơn)
    Above,
    /// = (written with "=")
    Exactly,
    /// ≤ (tối đa, không quá, trở xuống): a ceiling.
    AtMost,
    /// < (dưới): a ceiling.
    Below,
}

impl Cmp {
    /// A ceiling bounds the result from above; it says nothing about how much will be done.
    pub fn is_ceiling(self) -> bool {
        matches!(self, Cmp::AtMost | Cmp::Below)
    }
}

/// Why a target has no figure that can be compared: the plan's words are kept as they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unclear {
    /// The wording has no figure ("thường xuyên", "kịp thời").
    NoFigure,
    /// The wording has several figures, and none of them is plainly the target.
    SeveralFigures,
    /// The indicator has no `target:` at all (a source cut mid-sentence).
    NotStated,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Per {
    Week,
    Month,
    Quarter,
    Year,
}

impl Per {
    /// How many of this period fit in a month, to compare frequencies.
    pub fn per_month(self) -> f64 {
        match self {
            Per::Week => 52.0 / 12.0,
            Per::Month => 1.0,
            Per::Quarter => 1.0 / 3.0,
            Per::Year => 1.0 / 12.0,
        }
    }

    pub fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Per::Week, Lang::Vi) => "tuần",
            (Per::Month, Lang::Vi) => "tháng",
            (Per::Quarter, Lang::Vi) => "quý",
            (Per::Year, Lang::Vi) => "năm",
            (Per::Week, Lang::En) => "week",
            (Per::Month, Lang::En) => "month",
            (Per::Quarter, Lang::En) => "quarter",
            (Per::Year, Lang::En) => "year",
        }
    }
}

/// A level of government a target can be set for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Province,
    District,
    Commune,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Province, Level::District, Level::Commune];

    pub fn key(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::District => "district",
            Level::Commune => "commune",
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Level::Province, Lang::Vi) => "cấp tỉnh",
            (Level::District, Lang::Vi) => "cấp huyện",
            (Level::Commune, Lang::Vi) => "cấp xã",
            (Level::Province, Lang::En) => "province level",
            (Level::District, Lang::En) => "district level",
            (Level::Commune, Lang::En) => "commune level",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "measure", rename_all = "kebab-case")]
pub enum Target {
    /// A share of a population, in percent.
    Percent { cmp: Cmp, value: f64 },
    /// A yearly rise, in percent, between `min` and `max` (equal for a single figure).
    Growth { min: f64, max: f64 },
    /// At least `times` per period.
    Frequency { times: f64, per: Per },
    /// A head-count or a number of units.
    Count { cmp: Cmp, value: f64 },
    /// Words with no figure that can be compared: the plan's text is kept beside it
    /// (`PlanTarget::written`), and every report shows it as `?`.
    Qualitative { why: Unclear },
}

/// The kinds of target, for a reader that knows what the indicator measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    Percent,
    Growth,
    Frequency,
    Count,
}

impl Measure {
    /// From the `measure:` key of the programme schema ("percent", "count", ...).
    pub fn from_key(key: &str) -> Option<Measure> {
        match key {
            "percent" => Some(Measure::Percent),
            "growth" => Some(Measure::Growth),
            "frequency" => Some(Measure::Frequency),
            "count" => Some(Measure::Count),
            _ => None,
        }
    }
}

/// Why a target string could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable;

impl Target {
    pub fn measure(&self) -> &'static str {
        match self {
            Target::Percent { .. } => "percent",
            Target::Growth { .. } => "growth",
            Target::Frequency { .. } => "frequency",
            Target::Count { .. } => "count",
            Target::Qualitative { .. } => "qualitative",
        }
    }

    /// The figure read as a share, when a bare number stands where a percentage is expected:
    /// `70` → 70%, `0.7` → 70%. Only a guess to offer ("có phải là 70%?"), never a reading.
    pub fn percent_guess(&self) -> Option<Target> {
        match *self {
            Target::Count { cmp, value } if value > 0.0 && value < 1.0 => Some(Target::Percent {
                cmp,
                value: (value * 10000.0).round() / 100.0,
            }),
            Target::Count { cmp, value } if (1.0..=100.0).contains(&value) => {
                Some(Target::Percent { cmp, value })
            }
            _ => None,
        }
    }

    /// Whether a wording's figure is this target's: the same number for the same measure, both
    /// floors or both ceilings ("Ít nhất 70%" and "> 70%" agree; so do "70%" and "≥ 70%").
    /// Different measures (a head-count in a sentence, a share in the target) are not called a
    /// disagreement: a wording may well give both.
    pub fn same_figure(&self, other: &Target) -> bool {
        const EPS: f64 = 1e-6;
        let close = |x: f64, y: f64| (x - y).abs() < EPS;
        match (*self, *other) {
            (Target::Percent { cmp: c1, value: v1 }, Target::Percent { cmp: c2, value: v2 })
            | (Target::Count { cmp: c1, value: v1 }, Target::Count { cmp: c2, value: v2 }) => {
                close(v1, v2) && c1.is_ceiling() == c2.is_ceiling()
            }
            (Target::Growth { min: a1, max: a2 }, Target::Growth { min: b1, max: b2 }) => {
                close(a1, b1) && close(a2, b2)
            }
            (
                Target::Frequency { times: t1, per: p1 },
                Target::Frequency { times: t2, per: p2 },
            ) => close(t1 * p1.per_month(), t2 * p2.per_month()),
            _ => true,
        }
    }

    /// Why this target cannot be met, if it cannot (above 100%, an empty range, never).
    pub fn impossibility(&self, lang: Lang) -> Option<String> {
        match *self {
            Target::Percent {
                cmp: Cmp::Above,
                value,
            } if value >= 100.0 => Some(crate::msg!(
                lang,
                "không thể vượt quá 100%",
                "nothing can exceed 100%"
            )),
            Target::Percent { value, .. } if value > 100.0 => Some(crate::msg!(
                lang,
                "một tỷ lệ không thể lớn hơn 100%",
                "a share cannot be larger than 100%"
            )),
            Target::Growth { min, max } if min > max => Some(crate::msg!(
                lang,
                "khoảng rỗng: cận dưới {} lớn hơn cận trên {}",
                "empty range: the lower bound {} is above the upper bound {}",
                format_number(min),
                format_number(max)
            )),
            Target::Frequency { times, .. } if times <= 0.0 => Some(crate::msg!(
                lang,
                "tần suất phải lớn hơn 0",
                "a frequency must be above zero"
            )),
            _ => None,
        }
    }
}
