//! kehoach: compile and validate Vietnamese provincial prostitution-prevention plans
//! (Kế hoạch phòng, chống mại dâm) against the national programme they implement.
//!
//! The pipeline is `load` (YAML → typed [`model::PlanFile`] with spans) → `compile`
//! (normalise, resolve references → [`compile::CompiledPlan`]) → `check` (rules →
//! [`finding::Finding`]s) → `report` (human, JSON, ...). Every output is a view over the
//! compiled plan and the findings; nothing downstream re-parses the YAML.

#![forbid(unsafe_code)]

pub mod assess;
pub mod cache;
pub mod check;
pub mod cli;
pub mod compile;
pub mod config;
pub mod date;
pub mod finding;
pub mod fingerprint;
pub mod fix;
pub mod i18n;
pub mod import;
pub mod load;
pub mod loaded;
pub mod model;
pub mod output_file;
pub mod parallel;
pub mod pipeline;
pub mod plan_schema;
pub mod reads;
pub mod reference;
pub mod related;
pub mod render;
pub mod report;
pub mod rules;
pub mod scaffold;
pub mod source;
pub mod text;
pub mod verdict;
pub mod views;
pub mod walk;
