//! The plan read against its programme, decided once. For each national indicator: what the
//! plan sets and how it compares, level by level, on the plan's date. For each body the
//! programme expects: which entries of the plan stand for it. `check` turns these into
//! findings and the reports lay them out; neither decides again.

use crate::compile::{CompiledAgency, CompiledIndicator, CompiledPlan};
use crate::model::Level;
use crate::reference::{Agency, AgencyRequirement, Basis, Binds, NationalIndicator, Requirement};
use crate::verdict::{Judgement, Verdict, judge_where};

pub struct IndicatorAssessment<'p> {
    pub national: &'p NationalIndicator,
    /// The plan's entry for it (`ref:`).
    pub entry: Option<&'p CompiledIndicator<'p>>,
    /// Local indicators that count towards it (`part_of:`).
    pub parts: Vec<&'p CompiledIndicator<'p>>,
    /// The level-by-level comparison, over the levels still in force on the plan's date; `None`
    /// when there is nothing to compare.
    pub judgement: Option<Judgement<'p>>,
    pub verdict: Verdict,
}

impl IndicatorAssessment<'_> {
    /// The plan has an entry whose target could not be used (unreadable or impossible):
    /// compile has reported it, and nothing more should be said.
    pub fn target_unusable(&self) -> bool {
        self.entry.is_some_and(|e| e.targets.is_empty())
    }
}

/// Whether targets at `level` still had a level of government to apply to on the plan's date
/// (no district targets are due once the district level is gone).
pub fn level_in_force(plan: &CompiledPlan, level: Option<Level>) -> bool {
    level.is_none_or(|l| {
        plan.reference
            .reforms
            .level_abolished(l, plan.date)
            .is_none()
    })
}

/// A national target whose whole population is a level that had ceased on the plan's date
/// (plans-built and integration count districts; none are due after 30/6/2025).
pub fn population_gone(plan: &CompiledPlan, national: &NationalIndicator) -> bool {
    national
        .population_level
        .is_some_and(|l| !level_in_force(plan, Some(l)))
}

pub fn indicator<'p>(
    plan: &'p CompiledPlan<'p>,
    national: &'p NationalIndicator,
) -> IndicatorAssessment<'p> {
    let entry = plan
        .indicators
        .iter()
        .find(|i| i.national.is_some_and(|x| x.id == national.id));
    let parts: Vec<_> = plan
        .indicators
        .iter()
        .filter(|i| i.part_of.as_deref() == Some(national.id.as_str()))
        .collect();
    let (judgement, verdict) = match entry {
        _ if national.binds == Binds::National => (None, Verdict::Aggregate),
        Some(e) if e.targets.is_empty() => (None, Verdict::Missing),
        Some(e) => {
            let j = judge_where(national, e, |level| level_in_force(plan, level));
            let v = j.verdict;
            (Some(j), v)
        }
        None if parts.is_empty() => (None, Verdict::Missing),
        // Component head-counts with no denominator to add them up against.
        None => (None, Verdict::NotComparable),
    };
    IndicatorAssessment {
        national,
        entry,
        parts,
        judgement,
        verdict,
    }
}

/// Every national indicator of the plan's programme, in the programme's order.
pub fn indicators<'p>(plan: &'p CompiledPlan<'p>) -> Vec<IndicatorAssessment<'p>> {
    plan.programme
        .map(|p| p.indicators.iter().map(|n| indicator(plan, n)).collect())
        .unwrap_or_default()
}

pub struct AgencyAssessment<'p> {
    pub requirement: &'p AgencyRequirement,
    /// The body that holds the function on the plan's date.
    pub expected: &'p Agency,
    /// Whether the body is expected in this plan at all (lead or usual body; border guards only
    /// where there is a border or a coast).
    pub applies: bool,
    /// Whether the programme binds this plan to name it: expected, and named by the Decision
    /// or the Ministry's plan (`basis: decision`), not only seen in real plans.
    pub binding: bool,
    /// For a body expected by practice: in how many of how many real plans it is named.
    pub practice: Option<(usize, usize)>,
    /// The province cannot have this body (border guards without a land border or a coast).
    pub impossible: bool,
    /// The plan's entries that stand for it: the body itself, or a predecessor that had
    /// already handed the function over by the plan's date.
    pub named: Vec<&'p CompiledAgency<'p>>,
}

/// Whether `a` is `target`, or stood for it by the plan's date: only a body that had already
/// handed its function over stands for its successor (in 2023 the labour department is not
/// the health department).
pub fn stands_for(plan: &CompiledPlan, a: &Agency, target: &Agency) -> bool {
    let mut cur = Some(a);
    for _ in 0..8 {
        match cur {
            Some(c) if c.id == target.id => return true,
            Some(c) if !c.in_force(plan.date) => {
                cur = c
                    .successor
                    .as_deref()
                    .and_then(|s| plan.reference.agencies.get(s))
            }
            _ => return false,
        }
    }
    false
}

/// The body expected to lead, on the plan's date.
pub fn expected_lead<'p>(plan: &'p CompiledPlan<'p>) -> Option<&'p Agency> {
    let programme = plan.programme?;
    let lead = programme
        .agencies
        .iter()
        .find(|r| r.requirement == Requirement::Lead)?;
    plan.reference.agencies.in_force_on(&lead.agency, plan.date)
}

/// The programme's expected bodies on the plan's date, each once (two requirements can meet in
/// one successor: Sở TT&TT's press work went to Sở VHTTDL).
pub fn agencies<'p>(plan: &'p CompiledPlan<'p>) -> Vec<AgencyAssessment<'p>> {
    let Some(programme) = plan.programme else {
        return Vec::new();
    };
    let border_or_coast = plan
        .province
        .map(|p| plan.reference.provinces.has_border_or_coast(p, plan.date));
    let mut out: Vec<AgencyAssessment<'p>> = Vec::new();
    for requirement in &programme.agencies {
        let Some(expected) = plan
            .reference
            .agencies
            .in_force_on(&requirement.agency, plan.date)
        else {
            continue;
        };
        if out.iter().any(|a| a.expected.id == expected.id) {
            continue;
        }
        let named = plan
            .agencies
            .iter()
            .filter(|a| a.agency.is_some_and(|x| stands_for(plan, x, expected)))
            .collect();
        let conditional = requirement.requirement == Requirement::Conditional;
        let applies = match requirement.requirement {
            Requirement::Lead | Requirement::Required => true,
            Requirement::Conditional => border_or_coast == Some(true),
            Requirement::Requested => false,
        };
        let by_practice = requirement.basis == Basis::Practice;
        out.push(AgencyAssessment {
            requirement,
            expected,
            applies,
            binding: applies && !by_practice,
            practice: by_practice.then(|| {
                let total = requirement.out_of.unwrap_or(programme.practice_plans.len());
                (requirement.seen_in.len(), total)
            }),
            impossible: conditional && border_or_coast == Some(false),
            named,
        });
    }
    out
}
