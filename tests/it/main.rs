//! The CLI tests, in one binary: each module links the whole crate, so one binary instead of
//! sixteen saves a link per module on every `cargo test`.

mod common;

mod analyst_data;
mod bad_input;
mod cache;
mod check_plans;
mod ci_formats;
mod completions;
mod config;
mod direct;
mod docx;
mod domain;
mod explain;
mod import;
mod init;
mod layers;
mod lint;
mod one_story;
mod plans_as_they_come;
mod programme_file;
mod reform;
mod related;
mod reports;
mod robustness;
mod roundtrip;
mod schema;
mod snapshots;
mod vietnamese;
mod waivers;
mod wordings;
