//! `kehoach render PLAN`: the plan as an official document.

use super::Context;
use super::plan_input::load;
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
    #[command(flatten)]
    pub out: super::output::OutputArgs,
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
    args.out.emit(ctx, &text)
}
