//! The cross-plan matrix (`kehoach compare`): national indicators, then agencies, down the
//! side; plans across the top, ordered by province then period. Each cell is the same row
//! the compliance view computes for that plan. Laid out in `tables.rs`; the tidy CSV, one row
//! per plan × indicator × level, in `tidy.rs`.

mod tables;
mod tidy;

pub use tables::legend_text;
pub use tidy::{TIDY_HEADER, tidy_rows};

use super::compliance::{self, AgencyStatus};
use crate::compile::CompiledPlan;
use crate::i18n::Lang;
use crate::reference::{Programme, Reference, Requirement};
use crate::text::match_key;
use crate::verdict::Verdict;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct Column {
    pub label: String,
    pub file: String,
    pub province: String,
    pub start: i32,
    pub end: i32,
    pub number: Option<String>,
    pub programme: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct IndicatorCell {
    pub target: Option<String>,
    pub verdict: Verdict,
    pub mark: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// `target` as data, one per level (views/structured.rs).
    pub targets: Vec<super::structured::TargetData>,
}

#[derive(Clone, Debug, Serialize)]
pub struct IndicatorRow {
    pub programme: String,
    pub id: String,
    pub short: String,
    pub national: String,
    pub national_targets: Vec<super::structured::TargetData>,
    /// The national wording, for tooltips.
    pub wording: String,
    /// One per column; `None` where the plan implements another programme.
    pub cells: Vec<Option<IndicatorCell>>,
}

#[derive(Clone, Debug, Serialize)]
pub struct AgencyCell {
    pub status: AgencyStatus,
    pub mark: &'static str,
    pub named: Vec<compliance::NamedAgency>,
    /// The body that held the function on this plan's date (Sở Y tế in a 2026 plan, where
    /// the row is the programme's Sở Lao động - Thương binh và Xã hội).
    pub body: String,
    /// Whether `body` differs from the row's name.
    pub successor: bool,
}

/// The mark of a cell with nothing to assess: the plan does not follow this programme, or the
/// function had passed to a body shown on another row on the plan's date.
pub const NOT_APPLICABLE: &str = "⊘";

#[derive(Clone, Debug, Serialize)]
pub struct AgencyRow {
    pub programme: String,
    /// The programme's agency id; a cell may show its successor on the plan's date.
    pub id: String,
    pub name: String,
    pub requirement: Requirement,
    pub cells: Vec<Option<AgencyCell>>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Matrix {
    pub columns: Vec<Column>,
    pub indicators: Vec<IndicatorRow>,
    pub agencies: Vec<AgencyRow>,
}

/// One plan's column, kept compact: only the cells the matrix shows, so `compare` need not
/// hold every compiled plan at once (memory grows with the cells, not with the plans' text).
pub struct PlanColumn<'r> {
    pub column: Column,
    /// Province (Vietnamese order, tones ignored first), then period, then file.
    sort_key: (String, i32, i32, String),
    pub programme: Option<&'r Programme>,
    reference: &'r crate::reference::Reference,
    /// A centrally-run city's plan: the rows then use the city forms of the bodies' names.
    is_city: bool,
    /// One per indicator of `programme`, in its order.
    pub indicators: Vec<Option<IndicatorCell>>,
    /// One per agency requirement of `programme`, in its order.
    pub agencies: Vec<Option<AgencyCell>>,
}

/// The cells of one plan. Without `full`, what only the HTML tooltips and the JSON show is
/// dropped: the plan's wording of each target, its targets as data, the names of the bodies.
pub fn column<'r>(p: &CompiledPlan<'r>, lang: Lang, full: bool) -> PlanColumn<'r> {
    let column = Column {
        label: super::plan_label(p),
        file: p.source.name.clone(),
        province: super::province_name(p),
        start: p.start,
        end: p.end,
        number: p.doc.plan.value.number.as_ref().map(|n| n.value.clone()),
        programme: p.programme.map(|x| x.id.clone()),
    };
    let sort_key = (
        match_key(&column.province),
        p.start,
        p.end,
        column.file.clone(),
    );
    let is_city = p.province.is_some_and(|x| x.kind == "thành phố");
    let Some(prog) = p.programme else {
        return PlanColumn {
            column,
            sort_key,
            programme: None,
            reference: p.reference,
            is_city,
            indicators: Vec::new(),
            agencies: Vec::new(),
        };
    };
    let indicators = prog
        .indicators
        .iter()
        .map(|n| {
            let r = compliance::indicator_row(p, n, lang);
            Some(IndicatorCell {
                target: r.plan,
                verdict: r.verdict,
                mark: r.mark,
                note: r.note,
                text: r.text.filter(|_| full),
                targets: if full { r.plan_targets } else { Vec::new() },
            })
        })
        .collect();
    let rows = compliance::agency_rows(p, lang);
    let agencies = prog
        .agencies
        .iter()
        .map(|req| {
            rows.iter()
                .find(|r| r.requirement_of.as_deref() == Some(req.agency.as_str()))
                .map(|r| AgencyCell {
                    status: r.status,
                    mark: r.mark,
                    named: r
                        .named
                        .iter()
                        .map(|a| compliance::NamedAgency {
                            name: if full { a.name.clone() } else { String::new() },
                            ..a.clone()
                        })
                        .collect(),
                    successor: r.id.as_deref() != Some(req.agency.as_str()),
                    body: r.name.clone(),
                })
        })
        .collect();
    PlanColumn {
        column,
        sort_key,
        programme: Some(prog),
        reference: p.reference,
        is_city,
        indicators,
        agencies,
    }
}

/// The matrix of every plan, in memory at once (tests and small sets).
pub fn build(plans: &[Box<CompiledPlan<'_>>], lang: Lang) -> Matrix {
    let reference = plans.first().map(|p| p.reference);
    let columns = plans.iter().map(|p| column(p, lang, true)).collect();
    assemble(columns, reference, lang)
}

/// Sorts the columns by province, then period, then file, and lays the cells out as rows.
pub fn assemble(
    mut plans: Vec<PlanColumn<'_>>,
    reference: Option<&Reference>,
    lang: Lang,
) -> Matrix {
    plans.sort_by(|a, b| a.sort_key.cmp(&b.sort_key));
    let mut columns: Vec<Column> = plans.iter().map(|p| p.column.clone()).collect();
    distinguish_labels(&mut columns);
    let mut programmes: Vec<&Programme> = Vec::new();
    for p in plans.iter().filter_map(|p| p.programme) {
        if !programmes.iter().any(|x| x.id == p.id) {
            programmes.push(p);
        }
    }
    let mut indicators = Vec::new();
    let mut agencies = Vec::new();
    for prog in programmes {
        indicator_rows(&mut plans, prog, lang, &mut indicators);
        agency_rows(&mut plans, prog, reference, lang, &mut agencies);
    }
    Matrix {
        columns,
        indicators,
        agencies,
    }
}

/// Two versions of one province and period: tell them apart by number, else by file.
fn distinguish_labels(columns: &mut [Column]) {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for c in columns.iter() {
        *seen.entry(c.label.clone()).or_default() += 1;
    }
    for c in columns {
        if seen.get(&c.label).is_some_and(|n| *n > 1) {
            let tag = c.number.clone().unwrap_or_else(|| {
                std::path::Path::new(&c.file)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default()
            });
            c.label = format!("{} ({tag})", c.label);
        }
    }
}

/// Whether the column's plan is checked against `prog`: the other plans' cells stay empty.
fn applies(p: &PlanColumn, prog: &Programme) -> bool {
    p.programme.is_some_and(|x| x.id == prog.id)
}

/// One row per indicator of `prog`, its cells taken out of the columns.
fn indicator_rows(
    plans: &mut [PlanColumn<'_>],
    prog: &Programme,
    lang: Lang,
    rows: &mut Vec<IndicatorRow>,
) {
    for (i, n) in prog.indicators.iter().enumerate() {
        let cells = plans
            .iter_mut()
            .map(|p| {
                if applies(p, prog) {
                    p.indicators.get_mut(i).and_then(Option::take)
                } else {
                    None
                }
            })
            .collect();
        rows.push(IndicatorRow {
            programme: prog.id.clone(),
            id: n.id.clone(),
            short: n.short(lang).to_string(),
            national: n.target_display(lang),
            national_targets: super::structured::of_national(n, lang),
            wording: n.text(lang).to_string(),
            cells,
        });
    }
}

/// One row per body `prog` expects, its cells taken out of the columns.
fn agency_rows(
    plans: &mut [PlanColumn<'_>],
    prog: &Programme,
    reference: Option<&Reference>,
    lang: Lang,
    rows: &mut Vec<AgencyRow>,
) {
    for (i, req) in prog.agencies.iter().enumerate() {
        let cells: Vec<Option<AgencyCell>> = plans
            .iter_mut()
            .map(|p| {
                if applies(p, prog) {
                    p.agencies.get_mut(i).and_then(Option::take)
                } else {
                    None
                }
            })
            .collect();
        let mut name = agency_row_name(plans, &req.agency, reference, lang);
        // The row names every body that held the function on some plan's date, so a 2026
        // plan's Sở Y tế is never read as Sở Lao động - Thương binh và Xã hội.
        let mut later: Vec<&str> = cells
            .iter()
            .flatten()
            .filter(|c| c.successor)
            .map(|c| c.body.as_str())
            .collect();
        later.dedup();
        for b in later {
            if !name.contains(b) {
                name = format!("{name} → {b}");
            }
        }
        rows.push(AgencyRow {
            programme: prog.id.clone(),
            id: req.agency.clone(),
            name,
            requirement: req.requirement,
            cells,
        });
    }
}

/// The row speaks the plans' own forms: "Công an thành phố" when every plan is a centrally-run
/// city's, both forms when provinces and cities are compared.
fn agency_row_name(
    plans: &[PlanColumn<'_>],
    id: &str,
    reference: Option<&Reference>,
    lang: Lang,
) -> String {
    let cities = plans.iter().filter(|p| p.is_city).count();
    reference
        .and_then(|r| r.agencies.get(id))
        .map_or(id.to_string(), |a| match (&a.name_city, lang) {
            (Some(city), Lang::Vi) if cities == plans.len() => city.clone(),
            (Some(city), Lang::Vi) if cities > 0 => format!("{} / {city}", a.name),
            _ => a.name(lang).to_string(),
        })
}
