//! `kehoach render PLAN`: the plan as an official document.

use super::Context;
use super::plan_input::{emit, load};
use crate::render::{document, html, markdown};
use clap::ValueEnum;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct RenderArgs {
    /// The plan
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Md)]
    pub format: Format,
    /// Write to FILE instead of standard output (never over an existing file without --force)
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE if it exists
    #[arg(long, requires = "output")]
    pub force: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Markdown
    Md,
    /// One self-contained HTML page
    Html,
}

pub fn run(ctx: &Context, args: RenderArgs) -> i32 {
    let plan = match load(ctx, &args.plan) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let doc = document::build(&plan);
    let text = match args.format {
        Format::Md => markdown::write(&doc),
        Format::Html => html::write(&doc),
    };
    emit(ctx, &text, args.output.as_deref(), args.force)
}
