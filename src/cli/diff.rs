//! `kehoach diff PLAN`: where the plan stands against its programme.
//! `kehoach diff OLD NEW` and `kehoach diff --previous PLAN`: what changed between versions.

use super::Context;
use super::output::{ReportFormat, emit, report_text};
use super::plan_input::load;
use crate::msg;
use crate::views::{changes, compliance};
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug)]
#[command(
    long_about = "With one plan: the compliance diff against the programme it implements \
(each national indicator: national target, plan target, verdict; the agencies the programme \
expects against those named; the plan's own indicators). Exit status 0, 2 on error.\n\n\
With two plans (OLD NEW), or one plan and --previous: what changed in substance between the \
two versions (targets raised or lowered and whether they cross the national floor, agencies, \
tasks, metadata). Reordered keys and reflowed text are no change. Exit status 0 when the two \
are the same, 1 when they differ, 2 on error (as diff(1))."
)]
pub struct DiffArgs {
    /// PLAN, or OLD NEW
    #[arg(required = true, num_args = 1..=2, value_name = "PLAN")]
    pub plans: Vec<PathBuf>,
    /// Compare PLAN with the plan named in its `plan.previous` (relative to PLAN's folder)
    #[arg(long)]
    pub previous: bool,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
}

pub fn run(ctx: &Context, args: DiffArgs) -> i32 {
    match (args.plans.as_slice(), args.previous) {
        ([plan], false) => compliance_diff(ctx, plan, args.format),
        ([plan], true) => previous_diff(ctx, plan, args.format),
        ([old, new], false) => versions_diff(ctx, old, new, args.format),
        _ => {
            eprintln!(
                "{}",
                msg!(
                    ctx.lang,
                    "kehoach: --previous dùng với đúng một kế hoạch",
                    "kehoach: --previous takes exactly one plan"
                )
            );
            2
        }
    }
}

fn compliance_diff(ctx: &Context, path: &Path, format: ReportFormat) -> i32 {
    let plan = match load(ctx, path) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let view = compliance::build(&plan, ctx.lang);
    let text = report_text(ctx, format, &view, || view.report(ctx.lang));
    emit(ctx, &text, None, false)
}

fn versions_diff(ctx: &Context, old: &Path, new: &Path, format: ReportFormat) -> i32 {
    let (old, new) = match (load(ctx, old), load(ctx, new)) {
        (Ok(o), Ok(n)) => (o, n),
        (Err(c), _) | (_, Err(c)) => return c,
    };
    let view = changes::build(&old, &new, ctx.lang);
    let text = report_text(ctx, format, &view, || view.report(ctx.lang));
    match emit(ctx, &text, None, false) {
        0 if view.is_empty() => 0,
        0 => 1,
        code => code,
    }
}

fn previous_diff(ctx: &Context, path: &Path, format: ReportFormat) -> i32 {
    let plan = match load(ctx, path) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let Some(previous) = plan.doc.plan.value.previous.as_ref() else {
        eprintln!(
            "{}",
            msg!(
                ctx.lang,
                "kehoach: {}: kế hoạch không ghi `plan.previous` (kế hoạch kỳ trước)",
                "kehoach: {}: the plan names no `plan.previous` (last period's plan)",
                plan.source.name
            )
        );
        return 2;
    };
    let base = if path == Path::new("-") {
        Path::new(".")
    } else {
        path.parent().unwrap_or(Path::new("."))
    };
    let old = base.join(previous.value.trim());
    versions_diff(ctx, &old, path, format)
}
