//! How a plan's target compares with a national one. `check`, `diff` and `compare` all
//! read these verdicts; none of them compares targets on its own.

use crate::compile::{CompiledIndicator, PlanTarget};
use crate::i18n::Lang;
use crate::model::{Cmp, Level, Target};
use crate::reference::{Binds, NationalIndicator};
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Stronger,
    Equal,
    Weaker,
    /// Different measures, or a head-count with no denominator.
    NotComparable,
    /// The plan sets no target for it (or not for every level the programme names).
    Missing,
    /// A national aggregate: provinces contribute, no provincial floor to compare with.
    Aggregate,
}

impl Verdict {
    /// A mark that reads without colour.
    pub fn mark(self) -> &'static str {
        match self {
            Verdict::Stronger => "+",
            Verdict::Equal => "=",
            Verdict::Weaker => "-",
            Verdict::NotComparable => "?",
            Verdict::Missing => "∅",
            Verdict::Aggregate => "Σ",
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Verdict::Stronger, Lang::Vi) => "cao hơn",
            (Verdict::Equal, Lang::Vi) => "bằng",
            (Verdict::Weaker, Lang::Vi) => "thấp hơn",
            (Verdict::NotComparable, Lang::Vi) => "không so sánh được",
            (Verdict::Missing, Lang::Vi) => "thiếu",
            (Verdict::Aggregate, Lang::Vi) => "chỉ tiêu chung cả nước",
            (Verdict::Stronger, Lang::En) => "stronger",
            (Verdict::Equal, Lang::En) => "equal",
            (Verdict::Weaker, Lang::En) => "weaker",
            (Verdict::NotComparable, Lang::En) => "not comparable",
            (Verdict::Missing, Lang::En) => "missing",
            (Verdict::Aggregate, Lang::En) => "national aggregate",
        }
    }
}

/// Why two targets cannot be compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Incomparable {
    DifferentMeasure,
    NoDenominator,
    /// The plan's target has no figure (a qualitative target, or none stated).
    NoFigure,
    /// The plan sets a ceiling ("tối đa 70%") at or above the national floor: it promises
    /// nothing about reaching the floor.
    Ceiling,
}

/// The comparison at one level (or for all levels at once).
#[derive(Clone, Debug)]
pub struct Part<'a> {
    pub level: Option<Level>,
    pub national: Target,
    pub plan: Option<&'a PlanTarget>,
    /// The plan's target as a percentage, when it is a count with a denominator.
    pub as_percent: Option<f64>,
    pub verdict: Verdict,
    pub incomparable: Option<Incomparable>,
}

#[derive(Clone, Debug)]
pub struct Judgement<'a> {
    pub verdict: Verdict,
    pub parts: Vec<Part<'a>>,
}

impl Judgement<'_> {
    /// The part that decided the verdict (the weaker, incomparable or missing one).
    pub fn deciding(&self) -> Option<&Part<'_>> {
        self.parts.iter().find(|p| p.verdict == self.verdict)
    }

    /// The levels the programme sets a target for and the plan does not.
    pub fn missing_levels(&self) -> impl Iterator<Item = Level> + '_ {
        self.parts
            .iter()
            .filter(|p| p.verdict == Verdict::Missing)
            .filter_map(|p| p.level)
    }
}

const EPS: f64 = 1e-9;

/// Compares two floors: the plan's (value, strict) against the national one.
fn floors(national: (f64, bool), plan: (f64, bool)) -> Verdict {
    if (plan.0 - national.0).abs() < EPS {
        match (plan.1, national.1) {
            (true, false) => Verdict::Stronger,
            (false, true) => Verdict::Weaker,
            _ => Verdict::Equal,
        }
    } else if plan.0 > national.0 {
        Verdict::Stronger
    } else {
        Verdict::Weaker
    }
}

fn strict(c: Cmp) -> bool {
    c == Cmp::Above
}

/// One plan target against one national target.
pub fn compare(
    national: &Target,
    plan: &Target,
    denominator: Option<f64>,
) -> (Verdict, Option<Incomparable>, Option<f64>) {
    use Target::*;
    if let Qualitative { .. } = plan {
        return (Verdict::NotComparable, Some(Incomparable::NoFigure), None);
    }
    if let Some(judged) = ceiling(national, plan, denominator) {
        return judged;
    }
    match (*national, *plan) {
        (Percent { cmp: nc, value: nv }, Percent { cmp: pc, value: pv }) => {
            (floors((nv, strict(nc)), (pv, strict(pc))), None, None)
        }
        (Percent { cmp: nc, value: nv }, Count { cmp: pc, value: pv }) => match denominator {
            Some(d) => {
                let pct = pv / d * 100.0;
                (floors((nv, strict(nc)), (pct, strict(pc))), None, Some(pct))
            }
            None => (
                Verdict::NotComparable,
                Some(Incomparable::NoDenominator),
                None,
            ),
        },
        (Count { cmp: nc, value: nv }, Count { cmp: pc, value: pv }) => {
            (floors((nv, strict(nc)), (pv, strict(pc))), None, None)
        }
        (
            Growth {
                min: nmin,
                max: nmax,
            },
            Growth {
                min: pmin,
                max: pmax,
            },
        ) => {
            let v = floors((nmin, false), (pmin, false));
            let v = if v == Verdict::Equal {
                floors((nmax, false), (pmax, false))
            } else {
                v
            };
            (v, None, None)
        }
        (Frequency { times: nt, per: np }, Frequency { times: pt, per: pp }) => (
            floors((nt * np.per_month(), false), (pt * pp.per_month(), false)),
            None,
            None,
        ),
        _ => (
            Verdict::NotComparable,
            Some(Incomparable::DifferentMeasure),
            None,
        ),
    }
}

/// A plan's ceiling against a national floor: below the floor it is weaker (the plan caps the
/// result where the programme asks for more); at or above it, it promises no floor at all.
fn ceiling(
    national: &Target,
    plan: &Target,
    denominator: Option<f64>,
) -> Option<(Verdict, Option<Incomparable>, Option<f64>)> {
    let (cmp, value) = match *plan {
        Target::Percent { cmp, value } | Target::Count { cmp, value } if cmp.is_ceiling() => {
            (cmp, value)
        }
        _ => return None,
    };
    let as_floor = match *plan {
        Target::Percent { .. } => Target::Percent {
            cmp: Cmp::AtLeast,
            value,
        },
        _ => Target::Count {
            cmp: Cmp::AtLeast,
            value,
        },
    };
    let (v, incomparable, pct) = compare(national, &as_floor, denominator);
    if incomparable.is_some() {
        return None;
    }
    let at_floor = v == Verdict::Equal && cmp == Cmp::Below;
    Some(if v == Verdict::Weaker || at_floor {
        (Verdict::Weaker, None, pct)
    } else {
        (Verdict::NotComparable, Some(Incomparable::Ceiling), pct)
    })
}

/// The plan's indicator against the national one, level by level.
pub fn judge<'a>(national: &NationalIndicator, plan: &'a CompiledIndicator) -> Judgement<'a> {
    judge_where(national, plan, |_| true)
}

/// As [`judge`], over the national levels `due` keeps (a level of government that no longer
/// exists on the plan's date has no target due).
pub fn judge_where<'a>(
    national: &NationalIndicator,
    plan: &'a CompiledIndicator,
    due: impl Fn(Option<Level>) -> bool,
) -> Judgement<'a> {
    if national.binds == Binds::National {
        return Judgement {
            verdict: Verdict::Aggregate,
            parts: Vec::new(),
        };
    }
    let floors = national
        .targets
        .iter()
        .filter(|(l, _)| due(*l))
        .map(|(l, t)| (*l, *t));
    judge_floors(floors, plan, &due)
}

/// The plan's indicator against any set of floors, level by level: a national indicator's
/// targets, or a parent's or last year's plan's. `due` keeps the plan's targets that count.
pub fn judge_floors<'a>(
    floors: impl Iterator<Item = (Option<Level>, Target)>,
    plan: &'a CompiledIndicator,
    due: impl Fn(Option<Level>) -> bool,
) -> Judgement<'a> {
    let mut parts = Vec::new();
    for (level, nt) in floors {
        let candidates: Vec<&PlanTarget> = match level {
            Some(l) => plan
                .targets
                .iter()
                .filter(|t| t.level == Some(l))
                .chain(plan.targets.iter().filter(|t| t.level.is_none()))
                .take(1)
                .collect(),
            None => plan.targets.iter().filter(|t| due(t.level)).collect(),
        };
        if candidates.is_empty() {
            parts.push(Part {
                level,
                national: nt,
                plan: None,
                as_percent: None,
                verdict: Verdict::Missing,
                incomparable: None,
            });
        }
        for pt in candidates {
            let (verdict, incomparable, as_percent) = compare(&nt, &pt.target, plan.denominator);
            parts.push(Part {
                level: level.or(pt.level),
                national: nt,
                plan: Some(pt),
                as_percent,
                verdict,
                incomparable,
            });
        }
    }
    let any = |v: Verdict| parts.iter().any(|p| p.verdict == v);
    let verdict = [
        Verdict::Weaker,
        Verdict::NotComparable,
        Verdict::Missing,
        Verdict::Stronger,
    ]
    .into_iter()
    .find(|v| any(*v))
    .unwrap_or(Verdict::Equal);
    Judgement { verdict, parts }
}
