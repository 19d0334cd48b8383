//! `kehoach summary PLAN`: a one-screen summary of a plan.

use super::Context;
use super::output::{ReportFormat, emit, report_text};
use super::plan_input::load;
use crate::views::summary;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct SummaryArgs {
    /// The plan
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
}

pub fn run(ctx: &Context, args: SummaryArgs) -> i32 {
    let plan = match load(ctx, &args.plan) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let findings = crate::check::run(&plan, ctx.lang);
    let view = summary::build(&plan, &findings, ctx.lang);
    let text = report_text(ctx, args.format, &view, || view.report(ctx.lang));
    emit(ctx, &text, None, false)
}
