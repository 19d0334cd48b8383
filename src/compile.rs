//! Compile: a typed plan document → a plan whose names, numbers and targets are resolved
//! against the reference data. Everything later (rules, reports) reads this, never the YAML.
//! This file holds the compiled types and the order of the work; the heading is resolved in
//! `metadata.rs`, the indicators and their targets in `indicators.rs`, the bodies in
//! `agencies.rs`.

mod agencies;
mod indicators;
mod metadata;

pub(crate) use agencies::suggest_agency;
pub use metadata::period_problem;

use crate::date::Date;
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::model::{Level, PlanFile, Role, Target, read_target};
use crate::reference::{Agency, NationalIndicator, Programme, Province, Reference};
use crate::source::{Located, SourceFile, Span};
use agencies::compile_agencies;
use indicators::compile_indicators;

pub struct CompiledPlan<'r> {
    pub source: SourceFile,
    pub doc: PlanFile,
    pub reference: &'r Reference,
    pub province: Option<&'r Province>,
    /// First and last year of the plan's period.
    pub start: i32,
    pub end: i32,
    pub issued: Option<Date>,
    /// The date every time-dependent lookup uses: the issue date, else the period's start.
    pub date: Date,
    /// The programme the plan is checked against.
    pub programme: Option<&'r Programme>,
    /// True when the plan implements no known current programme and is compared with the
    /// most recent one only for reference.
    pub programme_is_reference: bool,
    pub indicators: Vec<CompiledIndicator<'r>>,
    pub agencies: Vec<CompiledAgency<'r>>,
    /// Problems found while compiling (unknown names, unreadable targets, ...).
    pub findings: Vec<Finding>,
}

pub struct CompiledIndicator<'r> {
    /// The national id (`ref`) or the local id.
    pub key: String,
    pub national: Option<&'r NationalIndicator>,
    /// For a local indicator that counts towards a national one.
    pub part_of: Option<String>,
    pub targets: Vec<PlanTarget>,
    pub unit: Option<String>,
    pub denominator: Option<f64>,
    pub text: Option<String>,
    /// The whole entry, and its `ref:`/`id:` value.
    pub span: Span,
    pub key_span: Span,
}

impl CompiledIndicator<'_> {
    /// The figure `text:` states, when no `target:` with a figure has it: the sentence says
    /// something other than the target (`text-disagrees-with-target`), and `render` writes the
    /// target instead. `None` when they agree, or when either has no single figure to compare.
    pub fn text_disagrees(&self) -> Option<Target> {
        let said = read_target(self.text.as_deref()?, None).target;
        let mut figures = self
            .targets
            .iter()
            .map(|t| t.target)
            .filter(|t| !matches!(t, Target::Qualitative { .. }))
            .peekable();
        let disagrees = !matches!(said, Target::Qualitative { .. })
            && figures.peek().is_some()
            && !figures.any(|t| said.same_figure(&t));
        disagrees.then_some(said)
    }
}

#[derive(Clone, Debug)]
pub struct PlanTarget {
    /// `None`: the same target at every level.
    pub level: Option<Level>,
    pub target: Target,
    /// The text as written ("Trên 70%"), NFC.
    pub written: String,
    pub span: Span,
}

pub struct CompiledAgency<'r> {
    /// The name as the plan writes it (NFC).
    pub name: String,
    pub agency: Option<&'r Agency>,
    pub role: Role,
    pub tasks: Vec<String>,
    pub span: Span,
    pub role_span: Option<Span>,
    /// The item of the plan's organisation section this body is named in (0-based); bodies
    /// named together (`also:`) share it.
    pub item: usize,
}

fn loc<T: Clone>(s: &Located<T>) -> Located<T> {
    s.clone()
}

pub fn compile<'r>(
    source: SourceFile,
    doc: PlanFile,
    reference: &'r Reference,
    lang: Lang,
) -> CompiledPlan<'r> {
    let mut findings = Vec::new();
    let meta = &doc.plan.value;
    // The order of these calls is the order of the findings.
    metadata::check_version(&doc, lang, &mut findings);
    let province = metadata::province(meta, reference, lang, &mut findings);
    let (start, end) = metadata::period(meta, lang, &mut findings);
    let issued = metadata::issued(meta, lang, &mut findings);
    let date = issued.unwrap_or(Date::first_of_year(start));
    let (programme, programme_is_reference) =
        metadata::programme(meta, reference, start, date, lang, &mut findings);
    let indicators = compile_indicators(&source, &doc, programme, lang, &mut findings);
    let agencies = compile_agencies(&doc, reference, province, lang, &mut findings);

    CompiledPlan {
        source,
        doc,
        reference,
        province,
        start,
        end,
        issued,
        date,
        programme,
        programme_is_reference,
        indicators,
        agencies,
        findings,
    }
}
