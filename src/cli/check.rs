//! `kehoach check PATH...`
//!
//! Files are checked on every core and reported in the order given (directories in sorted
//! order), as each is ready: a worker reads, checks and renders a file; this thread only
//! writes what the workers rendered. Memory stays flat however many files there are.

use super::Context;
use crate::cache::{self, Cache};
use crate::check::Finding;
use crate::i18n::Lang;
use crate::load::{self, Unreadable};
use crate::msg;
use crate::parallel;
use crate::pipeline::{self, FileReport, Loaded};
use crate::report::Counts;
use crate::report::github;
use crate::report::human::Human;
use crate::report::json::{self, JsonWriter};
use crate::report::sarif::{self, SarifWriter};
use crate::rules::Level;
use crate::source::SourceFile;
use crate::walk::{self, Input};
use clap::ValueEnum;
use std::io::{BufWriter, Stdout, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

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
    /// Files checked at once [default: the number of cores]
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Keep each file's findings and reuse them while it and the plans it names are unchanged
    #[arg(long)]
    pub cache: bool,
    /// Where --cache keeps its results
    #[arg(long, value_name = "DIR", default_value = cache::DEFAULT_DIR, requires = "cache")]
    pub cache_dir: PathBuf,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Code frames on stderr (for people)
    Human,
    /// One JSON document on stdout (for machines)
    Json,
    /// SARIF 2.1.0 on stdout (GitHub code scanning and other viewers)
    Sarif,
    /// GitHub Actions annotations (workflow commands) on stdout
    Github,
}

/// What a worker hands back for one input: its rendered findings and their tally.
struct Checked {
    counts: Counts,
    errors: bool,
    rendered: Rendered,
}

enum Rendered {
    /// Text to write as it is (human: stderr; github: stdout).
    Text(String),
    /// Serialised elements of the JSON or SARIF list.
    Items(Vec<String>),
    /// The input could not be read: name and reason.
    Unreadable(String, String),
}

enum Sink {
    Human,
    Github(BufWriter<Stdout>),
    Json(JsonWriter<BufWriter<Stdout>>),
    Sarif(SarifWriter<BufWriter<Stdout>>),
}

pub fn run(ctx: &Context, args: CheckArgs) -> i32 {
    let lang = ctx.lang;
    let config = &ctx.config;
    let inputs = walk::inputs(&args.paths, &|p: &Path| config.excludes(p), lang);
    let human = ctx.human();
    let stdout = || BufWriter::new(std::io::stdout());
    let mut sink = match args.format {
        Format::Human => Ok(Sink::Human),
        Format::Github => Ok(Sink::Github(stdout())),
        Format::Json => JsonWriter::start(stdout()).map(Sink::Json),
        Format::Sarif => SarifWriter::start(stdout(), lang).map(Sink::Sarif),
    };
    let sink = match sink.as_mut() {
        Ok(s) => s,
        Err(e) => {
            super::output::stdout_failed(lang, e);
            return 2;
        }
    };

    let mut counts = Counts::default();
    let mut unreadable = Vec::new();
    let mut errors = false;
    let mut closed = None;
    let cache = args
        .cache
        .then(|| Cache::open(&args.cache_dir, &ctx.reference.fingerprint, lang));
    let threads = args
        .jobs
        .map_or_else(parallel::default_threads, usize::from);
    parallel::for_each_ordered(
        &inputs,
        threads,
        |input| check_input(input, ctx, args.format, &human, cache.as_ref()),
        |checked| {
            counts.merge(&checked.counts);
            errors |= checked.errors;
            if let Rendered::Unreadable(name, reason) = &checked.rendered {
                eprintln!("kehoach: {name}: {reason}");
                unreadable.push((name.clone(), reason.clone()));
                return ControlFlow::Continue(());
            }
            match write(sink, checked.rendered) {
                Ok(()) => ControlFlow::Continue(()),
                Err(e) => {
                    // Nothing more can be delivered: the reader went away (`| head`) or the
                    // disk is full.
                    closed = Some(e);
                    ControlFlow::Break(())
                }
            }
        },
    );
    let human_sink = matches!(sink, Sink::Human);
    let finished = match closed {
        Some(e) => Err(e),
        None => match std::mem::replace(sink, Sink::Human) {
            Sink::Human => Ok(()),
            Sink::Github(mut out) => out.flush(),
            Sink::Json(w) => w.finish(&counts),
            Sink::Sarif(w) => w.finish(&unreadable),
        },
    };
    if let Err(e) = finished {
        // Said unless the pipe was closed, or the failure was stderr's (human frames): then
        // there is nowhere to say it. Status 2 either way: the check did not finish.
        if !human_sink {
            super::output::stdout_failed(lang, &e);
        }
        return 2;
    }
    if !args.quiet && matches!(args.format, Format::Human | Format::Github) {
        eprint!("{}", human.summary(&counts));
    }
    if counts.files == 0 && unreadable.is_empty() {
        eprintln!("{}", no_files(lang));
        return 2;
    }
    if !unreadable.is_empty() {
        2
    } else if errors {
        1
    } else {
        0
    }
}

fn write(sink: &mut Sink, rendered: Rendered) -> std::io::Result<()> {
    match (sink, rendered) {
        (Sink::Human, Rendered::Text(t)) => {
            let mut err = std::io::stderr().lock();
            err.write_all(t.as_bytes())
        }
        (Sink::Github(out), Rendered::Text(t)) => out.write_all(t.as_bytes()),
        (Sink::Json(w), Rendered::Items(items)) => w.items(&items),
        (Sink::Sarif(w), Rendered::Items(items)) => w.results(&items),
        _ => unreachable!("each format renders what its sink writes"),
    }
}

fn no_files(lang: Lang) -> String {
    msg!(
        lang,
        "kehoach: không tìm thấy tệp kế hoạch nào (*.yaml, *.yml)",
        "kehoach: no plan files found (*.yaml, *.yml)"
    )
}

/// Everything done for one input, on a worker thread.
fn check_input(
    input: &Input,
    ctx: &Context,
    format: Format,
    human: &Human,
    cache: Option<&Cache>,
) -> Checked {
    let path = match input {
        Input::Stdin => PathBuf::from("-"),
        Input::File(p) => p.clone(),
        Input::Broken(p, why) => return unreadable(p.display().to_string(), why.clone()),
    };
    let found = match cache {
        Some(cache) if path != Path::new("-") => check_cached(&path, ctx, cache),
        _ => check_fresh(&path, ctx),
    };
    let mut report = match found {
        Ok(r) => r,
        Err(u) => return unreadable(u.name, u.reason),
    };
    // After the cache: its entries do not depend on the configured rule levels.
    ctx.config.apply(&mut report.findings);
    let mut counts = Counts::default();
    counts.add(&report.findings);
    Checked {
        counts,
        errors: report.findings.iter().any(|f| f.level == Level::Error),
        rendered: render(format, human, &report.source, &report.findings),
    }
}

fn check_fresh(path: &Path, ctx: &Context) -> Result<FileReport, Unreadable> {
    let loaded = pipeline::read_plan(path, ctx.reference, ctx.lang)?;
    Ok(pipeline::check_loaded(loaded, ctx.lang))
}

/// The file is read here once, for its hash and for the code frames; on a miss the same
/// bytes go through the pipeline.
fn check_cached(path: &Path, ctx: &Context, cache: &Cache) -> Result<FileReport, Unreadable> {
    let Ok(bytes) = load::read_file_bytes(path) else {
        // Missing, a directory...: reported as without the cache.
        return check_fresh(path, ctx);
    };
    let name = path.display().to_string();
    let hash = cache::hash(&bytes);
    let text = load::source_from_bytes(name.clone(), bytes, ctx.lang);
    if let Some(findings) = cache.lookup(&name, &hash) {
        let source = text.unwrap_or_else(|b| b.0);
        return Ok(FileReport { source, findings });
    }
    Ok(cache.fill(&name, &hash, || {
        let loaded = match text {
            Ok(source) => pipeline::load_source(source, ctx.reference, ctx.lang),
            Err(b) => Loaded::Failed(b.0, Box::new(b.1)),
        };
        pipeline::check_loaded(loaded, ctx.lang)
    }))
}

fn unreadable(name: String, reason: String) -> Checked {
    Checked {
        counts: Counts::default(),
        errors: false,
        rendered: Rendered::Unreadable(name, reason),
    }
}

fn render(format: Format, human: &Human, source: &SourceFile, findings: &[Finding]) -> Rendered {
    match format {
        Format::Human if findings.is_empty() => Rendered::Text(String::new()),
        Format::Human => Rendered::Text(human.file(source, findings)),
        Format::Github => Rendered::Text(github::annotations(source, findings)),
        Format::Json => Rendered::Items(findings.iter().map(|f| json::item(source, f)).collect()),
        Format::Sarif => {
            Rendered::Items(findings.iter().map(|f| sarif::result(source, f)).collect())
        }
    }
}
