//! Views over a compiled plan and its findings: the data behind `diff`, `summary` and
//! `compare`. Each view is computed once (verdicts from [`crate::verdict`], agency
//! requirements resolved on the plan's date) and then laid out by any writer in
//! [`crate::report`]; the JSON formats serialise these structs as they are.

pub mod changes;
pub mod compliance;
pub mod matrix;
pub mod structured;
pub mod summary;

use crate::compile::CompiledPlan;
use crate::i18n::Lang;
use crate::model::Role;

/// "Nghệ An 2024", "Ninh Bình 2021–2025": how a plan is named in headings and columns.
pub fn plan_label(plan: &CompiledPlan) -> String {
    format!("{} {}", province_name(plan), period(plan))
}

pub fn province_name(plan: &CompiledPlan) -> String {
    plan.province
        .map(|p| p.name.clone())
        .unwrap_or_else(|| crate::text::nfc(plan.doc.plan.value.province.value.trim()))
}

pub fn period(plan: &CompiledPlan) -> String {
    if plan.start == 0 {
        plan.doc.plan.value.period.value.trim().to_string()
    } else if plan.start == plan.end {
        plan.start.to_string()
    } else {
        format!("{}–{}", plan.start, plan.end)
    }
}

pub fn role_name(role: Role, lang: Lang) -> &'static str {
    match (role, lang) {
        (Role::Lead, Lang::Vi) => "chủ trì",
        (Role::Coordinate, Lang::Vi) => "phối hợp",
        (Role::Requested, Lang::Vi) => "đề nghị",
        (Role::Lead, Lang::En) => "lead",
        (Role::Coordinate, Lang::En) => "coordinate",
        (Role::Requested, Lang::En) => "requested",
    }
}
