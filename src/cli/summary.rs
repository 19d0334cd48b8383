//! `kehoach summary PLAN`: a one-screen summary of a plan.

use super::Context;
use super::output::emit;
use super::plan_input::load;
use crate::report::{markdown, table};
use crate::views::summary;
use clap::ValueEnum;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct SummaryArgs {
    /// The plan
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Tables for the terminal
    Table,
    /// Markdown
    Md,
    /// JSON
    Json,
}

pub fn run(ctx: &Context, args: SummaryArgs) -> i32 {
    let plan = match load(ctx, &args.plan) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let findings = crate::check::run(&plan, ctx.lang);
    let view = summary::build(&plan, &findings, ctx.lang);
    let text = match args.format {
        Format::Table => table::report(&view.report(ctx.lang), ctx.width, ctx.stdout_color),
        Format::Md => markdown::report(&view.report(ctx.lang)),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&view).expect("views serialise to JSON");
            s.push('\n');
            s
        }
    };
    emit(ctx, &text, None, false)
}
