//! The tidy CSV of `compare --format csv-long`: one row per plan × indicator × level, and per
//! plan × agency, with numbers as numbers, for spreadsheets and statistics packages.

use super::{IndicatorCell, PlanColumn};
use crate::i18n::Lang;
use crate::reference::{AgencyRequirement, NationalIndicator, Programme};
use crate::report::csv::number;
use crate::views::structured::{self, TargetData};
use serde::Serialize;

/// The columns of the tidy CSV: one row per plan × indicator × level, and per plan × agency.
pub const TIDY_HEADER: &[&str] = &[
    "file",
    "province",
    "period_start",
    "period_end",
    "number",
    "programme",
    "kind",
    "id",
    "name",
    "level",
    "comparator",
    "value",
    "max",
    "unit",
    "count_unit",
    "per",
    "verdict",
    "national_comparator",
    "national_value",
    "national_max",
    "role",
    "display",
];

fn machine_name<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// One plan's rows of the tidy CSV, with numbers as numbers. A target set per level gives a
/// row per level, next to the national target for that level; an indicator with no target
/// gives one row with its verdict.
pub fn tidy_rows(p: &PlanColumn, lang: Lang) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let Some(prog) = p.programme else { return rows };
    indicator_rows(p, prog, lang, &mut rows);
    agency_rows(p, prog, lang, &mut rows);
    rows
}

/// The plan's columns that begin every row, then the row's kind, id and name.
fn head(p: &PlanColumn, kind: &str, id: &str, name: &str) -> Vec<String> {
    let c = &p.column;
    vec![
        c.file.clone(),
        c.province.clone(),
        c.start.to_string(),
        c.end.to_string(),
        c.number.clone().unwrap_or_default(),
        c.programme.clone().unwrap_or_default(),
        kind.to_string(),
        id.to_string(),
        name.to_string(),
    ]
}

fn num(v: Option<f64>) -> String {
    v.map(number).unwrap_or_default()
}

fn indicator_rows(p: &PlanColumn, prog: &Programme, lang: Lang, rows: &mut Vec<Vec<String>>) {
    for (n, cell) in prog.indicators.iter().zip(&p.indicators) {
        let Some(cell) = cell else { continue };
        let national = structured::of_national(n, lang);
        if cell.targets.is_empty() {
            rows.push(indicator_row(p, n, cell, None, &national, lang));
        } else {
            for t in &cell.targets {
                rows.push(indicator_row(p, n, cell, Some(t), &national, lang));
            }
        }
    }
}

/// One target of the plan (or, with none, its verdict) beside the national target for the
/// same level.
fn indicator_row(
    p: &PlanColumn,
    n: &NationalIndicator,
    cell: &IndicatorCell,
    t: Option<&TargetData>,
    national: &[TargetData],
    lang: Lang,
) -> Vec<String> {
    let level = t.and_then(|t| t.level);
    let nat = national
        .iter()
        .find(|x| x.level == level)
        .or_else(|| national.iter().find(|x| x.level.is_none()))
        .or(national.first());
    let mut row = head(p, "indicator", &n.id, n.short(lang));
    row.extend([
        level.map(|l| l.key().to_string()).unwrap_or_default(),
        t.map(|t| t.comparator.to_string()).unwrap_or_default(),
        num(t.and_then(|t| t.value)),
        num(t.and_then(|t| t.max)),
        t.map(|t| t.unit.to_string()).unwrap_or_default(),
        t.and_then(|t| t.count_unit.clone()).unwrap_or_default(),
        t.and_then(|t| t.period).unwrap_or_default().to_string(),
        machine_name(&cell.verdict),
        nat.map(|x| x.comparator.to_string()).unwrap_or_default(),
        num(nat.and_then(|x| x.value)),
        num(nat.and_then(|x| x.max)),
        String::new(),
        crate::report::csv::plain_numbers(&t.map_or_else(
            || cell.target.clone().unwrap_or_default(),
            |t| t.display.clone(),
        )),
    ]);
    row
}

fn agency_rows(p: &PlanColumn, prog: &Programme, lang: Lang, rows: &mut Vec<Vec<String>>) {
    for (req, cell) in prog.agencies.iter().zip(&p.agencies) {
        let Some(cell) = cell else { continue };
        rows.push(agency_row(p, req, cell, lang));
    }
}

fn agency_row(
    p: &PlanColumn,
    req: &AgencyRequirement,
    cell: &super::AgencyCell,
    lang: Lang,
) -> Vec<String> {
    let mut roles: Vec<&str> = cell.named.iter().map(|a| machine_role(a.role)).collect();
    roles.dedup();
    let name = p
        .reference
        .agencies
        .get(&req.agency)
        .map_or(req.agency.as_str(), |a| a.name(lang));
    let mut row = head(p, "agency", &req.agency, name);
    row.extend(std::iter::repeat_n(String::new(), 7));
    row.push(machine_name(&cell.status));
    row.extend(std::iter::repeat_n(String::new(), 3));
    row.push(roles.join(";"));
    row.push(
        cell.named
            .iter()
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>()
            .join("; "),
    );
    row
}

fn machine_role(r: crate::model::Role) -> &'static str {
    crate::views::role_name(r, Lang::En)
}
