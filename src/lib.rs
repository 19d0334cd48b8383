//! kehoach: compile and validate Vietnamese provincial prostitution-prevention plans
//! (Kế hoạch phòng, chống mại dâm) against the national programme they implement.
//!
//! The pipeline is `load` (YAML → typed [`model::PlanFile`] with spans) → `compile`
//! (normalise, resolve references → [`compile::CompiledPlan`]) → `check` (rules →
//! [`finding::Finding`]s) → `report` (human, JSON, ...). Every output is a view over the
//! compiled plan and the findings; nothing downstream re-parses the YAML.
//!
//! # Layers
//!
//! The modules stand on layers. A module may use the modules on the layers below its own, and
//! on its own layer those written before it; never one above, so no two modules depend on each
//! other and each can be read knowing only what is under it. tests/it/layers.rs reads every
//! `crate::` path under src/ against this picture, and checks that the README shows the same.
//!
//! ```text
//! ┌────────────────────────────────────────────────────────────────────────────┐
//! │ cli        cli                                                             │
//! ├────────────────────────────────────────────────────────────────────────────┤
//! │ run        pipeline, cache, parallel                                       │
//! ├────────────────────────────────────────────────────────────────────────────┤
//! │ outputs    views, render, import, scaffold                                 │
//! ├────────────────────────────────────────────────────────────────────────────┤
//! │ report     report                                                          │
//! ├────────────────────────────────────────────────────────────────────────────┤
//! │ check      check                                                           │
//! ├────────────────────────────────────────────────────────────────────────────┤
//! │ judge      verdict, assess                                                 │
//! ├────────────────────────────────────────────────────────────────────────────┤
//! │ compile    compile, loaded, related                                        │
//! ├────────────────────────────────────────────────────────────────────────────┤
//! │ reference  reference, plan_schema                                          │
//! ├────────────────────────────────────────────────────────────────────────────┤
//! │ load       load, walk, config                                              │
//! ├────────────────────────────────────────────────────────────────────────────┤
//! │ model      model                                                           │
//! ├────────────────────────────────────────────────────────────────────────────┤
//! │ ground     i18n, text, date, source, rules, finding, fix, fingerprint,     │
//! │            reads, recall, output_file                                      │
//! └────────────────────────────────────────────────────────────────────────────┘
//! ```
//!
//! - **ground**: what every layer speaks. Messages in both languages, Vietnamese text, dates
//!   and periods, source files and spans, the rule table, a finding and the fix it carries (and
//!   how a fix is written into the file, `fix`); and three services that must not know who uses
//!   them: the hash that tells files apart (`fingerprint`), the list of files a check read
//!   (`reads`, reported by the loader, kept by the cache), a bounded per-thread memory of
//!   what was worked out from a text (`recall`) and safe writing of output files.
//! - **model**: the plan as written, and targets written out (reports' notation, plan syntax).
//! - **load**: bytes → typed YAML with spans and every schema mistake, for plans and for the
//!   reference data alike; the directories walked for plans, and `kehoach.toml`.
//! - **reference**: the national data, read with the loader. It knows nothing of compiling,
//!   judging, checking or caching. The plan's JSON Schema is generated from it.
//! - **compile**: a plan resolved against the reference data; one file read and compiled
//!   (`loaded`); the plans a plan names (`related`), compiled the same way.
//! - **judge**: a plan's target against a national one (`verdict`); the whole plan against its
//!   programme on its date (`assess`).
//! - **check**: the rules, which turn a compiled plan into findings.
//! - **report**: findings and tables in every format. It reads findings and verdicts only.
//! - **outputs**: what the other commands show: the views of `diff`, `summary` and `compare`
//!   (drawn with the report's tables), the plan rendered as a document, a document imported as
//!   a plan, and `init`'s draft.
//! - **run**: one file from bytes to findings (`pipeline`), the cache of findings, and many files
//!   on every core. They sit above check because they call it; nothing below needs them.
//! - **cli**: the commands, their arguments and exit codes.

#![forbid(unsafe_code)]
#![warn(clippy::too_many_lines)]

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
pub mod recall;
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
