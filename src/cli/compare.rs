//! `kehoach compare PATH...`: one matrix across many plans.
//!
//! Memory is bounded by what is shown, not by the plans: each plan is compiled, reduced to its
//! column of cells ([`matrix::column`]) and dropped before the next is read. The tidy CSV
//! (`-f csv-long`) keeps nothing: its rows are written as each plan is read.

use super::Context;
use super::plan_input::load;
use crate::msg;
use crate::output_file::write_atomically_with;
use crate::report::{csv, markdown, table};
use crate::views::matrix;
use crate::walk::{self, Input};
use clap::ValueEnum;
use std::io::{self, Write};
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
#[command(
    long_about = "Rows: the national indicators, then the agencies the programme expects; \
columns: the plans, by province then period; cells: the plan's target and its verdict mark \
(+ stronger, = equal, - weaker, ? not comparable, ∅ missing, Σ national aggregate), or the \
agency's mark and role. CSV has a `kind` column (indicator or agency) so the two can be told \
apart. `csv-long` is the tidy form for spreadsheets and scripts: one row per plan × indicator × \
level (comparator, value, unit, verdict, the national target beside it) and per plan × agency, \
numbers as numbers, rows in the order the plans are read. HTML is one self-contained page with \
a legend and tooltips."
)]
pub struct CompareArgs {
    /// Plan files, or directories walked for *.yaml and *.yml
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Start CSV with a UTF-8 byte-order mark, so that Excel shows Vietnamese correctly
    #[arg(long)]
    pub bom: bool,
    #[command(flatten)]
    pub out: super::output::OutputArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for the terminal
    Table,
    /// Markdown
    Md,
    /// CSV (RFC 4180): the matrix
    Csv,
    /// CSV (RFC 4180), long and tidy: one row per plan × indicator × level
    CsvLong,
    /// JSON
    Json,
    /// One self-contained HTML page
    Html,
}

pub fn run(ctx: &Context, args: CompareArgs) -> i32 {
    // Before any work: an existing -o file without --force is refused.
    if let Some(why) = args.out.refusal(ctx.lang) {
        eprintln!("kehoach: {why}");
        return 2;
    }
    let (paths, mut failed) = plan_paths(ctx, &args);
    if paths.is_empty() {
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
    let bom = args.bom && matches!(args.format, Format::Csv | Format::CsvLong);
    let code = if args.format == Format::CsvLong {
        tidy(ctx, &args, &paths, bom, &mut failed)
    } else {
        compare(ctx, &args, &paths, bom, &mut failed)
    };
    if failed { 2 } else { code }
}

/// The plan files the arguments name; `true` when some could not be listed (said on stderr).
fn plan_paths(ctx: &Context, args: &CompareArgs) -> (Vec<PathBuf>, bool) {
    let mut paths = Vec::new();
    let mut failed = false;
    for input in walk::inputs(&args.paths, &|_| false, ctx.lang) {
        match input {
            Input::Stdin => paths.push(PathBuf::from("-")),
            Input::File(p) => paths.push(p),
            Input::Broken(p, why) => {
                eprintln!("kehoach: {}: {why}", p.display());
                failed = true;
            }
        }
    }
    (paths, failed)
}

/// The tidy CSV, one plan at a time: nothing but the current plan is held.
fn tidy(ctx: &Context, args: &CompareArgs, paths: &[PathBuf], bom: bool, failed: &mut bool) -> i32 {
    output(ctx, &args.out, |w| {
        if bom {
            w.write_all(csv::BOM.as_bytes())?;
        }
        w.write_all(csv::record(matrix::TIDY_HEADER).as_bytes())?;
        for path in paths {
            let Ok(plan) = load(ctx, path) else {
                *failed = true;
                continue;
            };
            // Written and dropped at once, so it may keep everything.
            let column = matrix::column(&plan, ctx.lang, true);
            drop(plan);
            for row in matrix::tidy_rows(&column, ctx.lang) {
                w.write_all(csv::record(&row).as_bytes())?;
            }
        }
        Ok(())
    })
}

/// The matrix: one compact column per plan, then laid out in the chosen format.
fn compare(
    ctx: &Context,
    args: &CompareArgs,
    paths: &[PathBuf],
    bom: bool,
    failed: &mut bool,
) -> i32 {
    // Only the HTML tooltips and the JSON show each target's wording and the bodies' names.
    let full = matches!(args.format, Format::Html | Format::Json);
    let mut columns = Vec::new();
    for path in paths {
        match load(ctx, path) {
            Ok(plan) => columns.push(matrix::column(&plan, ctx.lang, full)),
            Err(_) => *failed = true,
        }
    }
    if columns.is_empty() {
        return 2;
    }
    let view = matrix::assemble(columns, Some(ctx.reference), ctx.lang);
    output(ctx, &args.out, |w| {
        if bom {
            w.write_all(csv::BOM.as_bytes())?;
        }
        write_matrix(ctx, args.format, &view, w)
    })
}

fn write_matrix(
    ctx: &Context,
    format: Format,
    view: &matrix::Matrix,
    w: &mut dyn Write,
) -> io::Result<()> {
    match format {
        // Every mark in the table is explained under it.
        Format::Table => write!(
            w,
            "{}\n{}",
            table::grid(&view.grid(ctx.lang), ctx.width, ctx.stdout_color),
            matrix::legend_text(ctx.lang, false)
        ),
        Format::Md => write!(
            w,
            "{}\n{}",
            markdown::grid(&view.grid(ctx.lang)),
            matrix::legend_text(ctx.lang, true)
        ),
        Format::Csv => view.write_csv(ctx.lang, w),
        Format::Json => {
            serde_json::to_writer_pretty(&mut *w, &view).map_err(|e| {
                // Keep the kind: a closed pipe is the reader's choice, not a failure.
                match e.io_error_kind() {
                    Some(kind) => io::Error::new(kind, e),
                    None => io::Error::other(e),
                }
            })?;
            w.write_all(b"\n")
        }
        Format::Html => view.write_html(ctx.lang, w),
        Format::CsvLong => Ok(()),
    }
}

/// Writes through `write` to standard output, or to the `-o` file atomically (never over an
/// existing file without `--force`). Exit status 0, or 2 with a message.
fn output(
    ctx: &Context,
    out: &super::output::OutputArgs,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> i32 {
    let lang = ctx.lang;
    let Some(path) = out.output.as_deref() else {
        let stdout = io::stdout().lock();
        let mut w = io::BufWriter::new(stdout);
        return match write(&mut w).and_then(|_| w.flush()) {
            Ok(()) => 0,
            // A closed pipe (`| head`) is the reader's choice, not a failure.
            Err(e) if super::output::stdout_failed(lang, &e) => 2,
            Err(_) => 0,
        };
    };
    match write_atomically_with(path, out.force, write) {
        Ok(()) => 0,
        Err(e) => super::output::write_failed(e, lang),
    }
}
