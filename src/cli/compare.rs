//! `kehoach compare PATH...`: one matrix across many plans.

use super::Context;
use super::plan_input::load;
use crate::msg;
use crate::report::{csv, markdown, table};
use crate::views::matrix;
use crate::walk::{self, Input};
use clap::ValueEnum;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
#[command(
    long_about = "Rows: the national indicators, then the agencies the programme expects; \
columns: the plans, by province then period; cells: the plan's target and its verdict mark \
(+ stronger, = equal, - weaker, ? not comparable, ∅ missing, Σ national aggregate), or the \
agency's mark and role. CSV has a `kind` column (indicator or agency) so the two can be told \
apart. HTML is one self-contained page with a legend and tooltips."
)]
pub struct CompareArgs {
    /// Plan files, or directories walked for *.yaml and *.yml
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    pub format: Format,
    #[command(flatten)]
    pub out: super::output::OutputArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for the terminal
    Table,
    /// Markdown
    Md,
    /// CSV (RFC 4180)
    Csv,
    /// JSON
    Json,
    /// One self-contained HTML page
    Html,
}

pub fn run(ctx: &Context, args: CompareArgs) -> i32 {
    let mut plans = Vec::new();
    let mut failed = false;
    for input in walk::inputs(&args.paths, &|_| false, ctx.lang) {
        let path = match input {
            Input::Stdin => PathBuf::from("-"),
            Input::File(p) => p,
            Input::Broken(p, why) => {
                eprintln!("kehoach: {}: {why}", p.display());
                failed = true;
                continue;
            }
        };
        match load(ctx, &path) {
            Ok(p) => plans.push(p),
            Err(_) => failed = true,
        }
    }
    if plans.is_empty() {
        if !failed {
            eprintln!(
                "{}",
                msg!(
                    ctx.lang,
                    "kehoach: không tìm thấy tệp kế hoạch nào (*.yaml, *.yml)",
                    "kehoach: no plan files found (*.yaml, *.yml)"
                )
            );
        }
        return 2;
    }
    matrix::sort_plans(&mut plans);
    let view = matrix::build(&plans, ctx.lang);
    let text = match args.format {
        // Every mark in the table is explained under it.
        Format::Table => format!(
            "{}\n{}",
            table::grid(&view.grid(ctx.lang), ctx.width, ctx.stdout_color),
            matrix::legend_text(ctx.lang, false)
        ),
        Format::Md => format!(
            "{}\n{}",
            markdown::grid(&view.grid(ctx.lang)),
            matrix::legend_text(ctx.lang, true)
        ),
        Format::Csv => csv::grid(&view.csv_grid(ctx.lang)),
        Format::Json => super::output::pretty_json(&view),
        Format::Html => view.html(ctx.lang),
    };
    let code = args.out.emit(ctx, &text);
    if failed { 2 } else { code }
}
