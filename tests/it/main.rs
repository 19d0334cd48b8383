//! The CLI tests, in one binary: each module links the whole crate, so one binary instead of
//! sixteen saves a link per module on every `cargo test`.

mod common;

mod bad_input;
mod cache;
mod check_plans;
mod ci_formats;
mod completions;
mod config;
mod explain;
mod init;
mod programme_file;
mod reform;
mod related;
mod reports;
mod robustness;
mod schema;
mod snapshots;
mod waivers;
