//! `kehoach check PATH...`

use super::Context;
use crate::i18n::Lang;
use crate::msg;
use crate::pipeline::{self, FileReport};
use crate::report::Counts;
use crate::report::json::JsonWriter;
use crate::source::SourceFile;
use crate::walk::{self, Input};
use clap::ValueEnum;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Plan files, directories, or - for standard input
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Print only findings, not the closing summary line
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Code frames on stderr (for people)
    Human,
    /// One JSON document on stdout (for machines)
    Json,
}

enum Sink {
    Human(Box<crate::report::human::Human>),
    Json(JsonWriter<std::io::BufWriter<std::io::Stdout>>),
}

pub fn run(ctx: &Context, args: CheckArgs) -> i32 {
    let lang = ctx.lang;
    let inputs = walk::inputs(&args.paths, &|_| false, lang);
    let mut sink = match args.format {
        Format::Human => Sink::Human(Box::new(ctx.human())),
        Format::Json => match JsonWriter::start(std::io::BufWriter::new(std::io::stdout())) {
            Ok(w) => Sink::Json(w),
            Err(_) => return 2,
        },
    };
    let mut counts = Counts::default();
    let mut unreadable = false;
    let mut errors = false;
    for input in inputs {
        let report = match check_input(&input, ctx) {
            Ok(r) => r,
            Err((name, reason)) => {
                eprintln!("kehoach: {name}: {reason}");
                unreadable = true;
                continue;
            }
        };
        counts.add(&report.findings);
        errors |= report.has_errors();
        emit(&mut sink, &report);
    }
    match sink {
        Sink::Human(h) => {
            if !args.quiet {
                eprint!("{}", h.summary(&counts));
            }
        }
        Sink::Json(w) => {
            if w.finish(&counts).is_err() {
                return 2;
            }
        }
    }
    if counts.files == 0 && !unreadable {
        eprintln!("{}", no_files(lang));
        return 2;
    }
    if unreadable {
        2
    } else if errors {
        1
    } else {
        0
    }
}

fn no_files(lang: Lang) -> String {
    msg!(
        lang,
        "kehoach: không tìm thấy tệp kế hoạch nào (*.yaml, *.yml)",
        "kehoach: no plan files found (*.yaml, *.yml)"
    )
}

fn check_input(input: &Input, ctx: &Context) -> Result<FileReport, (String, String)> {
    let path = match input {
        Input::Stdin => PathBuf::from("-"),
        Input::File(p) => p.clone(),
        Input::Broken(p, why) => return Err((p.display().to_string(), why.clone())),
    };
    let loaded =
        pipeline::read_plan(&path, ctx.reference, ctx.lang).map_err(|u| (u.name, u.reason))?;
    Ok(pipeline::check_loaded(loaded, ctx.lang))
}

fn emit(sink: &mut Sink, report: &FileReport) {
    match sink {
        Sink::Human(h) => {
            if !report.findings.is_empty() {
                eprint!("{}", h.file(&report.source, &report.findings));
            }
        }
        Sink::Json(w) => {
            let _ = w.file(&report.source, &report.findings);
        }
    }
}

#[allow(dead_code)]
fn _assert_source_is_send(s: SourceFile) -> impl Send {
    s
}
