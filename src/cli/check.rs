//! `kehoach check PATH...`
//!
//! Files are checked on every core and reported in the order given (directories in sorted
//! order), as each is ready: a worker reads, checks and renders a file (`check/worker.rs`);
//! this thread only writes what the workers rendered. Memory stays flat however many files
//! there are (with `-o`, the report is kept until it is written whole).

mod fixing;
mod select;
mod worker;

use super::Context;
use super::output::{self, OutputArgs};
use crate::cache::{self, Cache};
use crate::i18n::Lang;
use crate::msg;
use crate::parallel;
use crate::report::Counts;
use crate::report::human::{Human, RunTotals};
use crate::report::json::JsonWriter;
use crate::report::sarif::SarifWriter;
use crate::rules::Rule;
use crate::walk;
use clap::ValueEnum;
use select::RuleFilter;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::{BufWriter, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use worker::{Checked, Rendered, check_input};

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
    /// Report only these rules (codes, comma-separated; may be repeated)
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    pub select: Vec<String>,
    /// Do not report these rules (codes, comma-separated; may be repeated)
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Exit 0 even when a finding is an error (unreadable input still exits 2)
    #[arg(long, conflicts_with = "strict")]
    pub exit_zero: bool,
    /// Fail (exit 1) on warnings as well as errors
    #[arg(long)]
    pub strict: bool,
    /// Count findings per rule instead of showing each one (human and json formats)
    #[arg(long)]
    pub statistics: bool,
    /// Rewrite, in place, values that have one safe answer: an agency's canonical name, a
    /// superseded body's successor, a misspelt ref with one close match
    #[arg(long)]
    pub fix: bool,
    /// Show what --fix would change as a unified diff, without writing (exit 1 if anything would)
    #[arg(long)]
    pub diff: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Code frames and a closing summary (for people)
    Human,
    /// One JSON document (for machines)
    Json,
    /// SARIF 2.1.0 (GitHub code scanning and other viewers)
    Sarif,
    /// GitHub Actions annotations (workflow commands)
    Github,
}

/// Where the report goes: standard output as it is written, or a buffer written to the
/// `-o` file (atomically) once the report is complete.
#[derive(Clone)]
enum Out {
    Stdout,
    /// `import --check` with the imported plan on standard output: the report must not mix
    /// into the YAML.
    Stderr,
    Buffer(Rc<RefCell<Vec<u8>>>),
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Out::Stdout => std::io::stdout().lock().write(buf),
            Out::Stderr => std::io::stderr().lock().write(buf),
            Out::Buffer(b) => b.borrow_mut().write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Out::Stdout => std::io::stdout().lock().flush(),
            Out::Stderr => std::io::stderr().lock().flush(),
            Out::Buffer(_) => Ok(()),
        }
    }
}

enum Sink {
    Text(BufWriter<Out>),
    Json(JsonWriter<BufWriter<Out>>),
    Sarif(SarifWriter<BufWriter<Out>>),
}

/// What every worker needs to know about the run.
struct Settings {
    format: Format,
    filter: RuleFilter,
    /// `Some(true)`: --fix; `Some(false)`: --diff.
    fix: Option<bool>,
    statistics: bool,
}

/// The closing summary of the JSON document: the counts, and what the run adds to them.
#[derive(serde::Serialize)]
struct JsonSummary<'a> {
    #[serde(flatten)]
    counts: &'a Counts,
    /// YAML files met while walking a directory that are not plans (no `kehoach:` key).
    skipped: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    fixed: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    statistics: Option<BTreeMap<&'static str, usize>>,
}

pub fn run(ctx: &Context, args: CheckArgs) -> i32 {
    run_to(ctx, args, false)
}

/// `check`, with the report on standard error instead of standard output when `to_stderr`.
pub fn run_to(ctx: &Context, args: CheckArgs, to_stderr: bool) -> i32 {
    let lang = ctx.lang;
    let settings = match settings(&args, lang) {
        Ok(s) => s,
        Err(why) => {
            eprintln!("{why}");
            return 2;
        }
    };
    let config = &ctx.config;
    let (inputs, skipped) = walk::expand(&args.paths, &|p: &Path| config.excludes(p), lang);
    let to_file = args.output.output.is_some();
    let human = Human::new(lang, ctx.stdout_color && !to_file, ctx.width);
    let out = match (to_file, to_stderr) {
        (true, _) => Out::Buffer(Rc::default()),
        (false, true) => Out::Stderr,
        (false, false) => Out::Stdout,
    };
    let sink = match open_sink(&settings, &out, lang) {
        Ok(sink) => sink,
        Err(e) => {
            super::output::stdout_failed(lang, &e);
            return 2;
        }
    };
    let mut run = Run::new(sink, skipped);
    let cache = args
        .cache
        .then(|| Cache::open(&args.cache_dir, &ctx.reference.fingerprint, lang));
    let threads = args
        .jobs
        .map_or_else(parallel::default_threads, usize::from);
    parallel::for_each_ordered(
        &inputs,
        threads,
        |input| check_input(input, ctx, &settings, &human, cache.as_ref()),
        |checked| run.take(checked),
    );
    if let Some(e) = &run.closed {
        // Said unless the reader closed the pipe (`| head`); 2 either way: the check did not
        // finish.
        super::output::stdout_failed(lang, e);
        return 2;
    }
    let Run {
        sink,
        totals,
        per_rule,
        unreadable,
        ..
    } = run;
    let nothing = totals.counts.files == 0 && unreadable.is_empty();
    let end = Ending {
        settings: &settings,
        args: &args,
        human: &human,
        nothing,
    };
    if let Err(e) = end.finish(sink, &totals, &per_rule, &unreadable) {
        super::output::stdout_failed(lang, &e);
        return 2;
    }
    if nothing {
        // No -o file either: there is no report to keep.
        eprintln!("{}", no_files(lang, skipped));
        return 2;
    }
    if let Out::Buffer(buffer) = &out {
        let text = String::from_utf8_lossy(&buffer.borrow()).into_owned();
        let code = output::emit(ctx, &text, args.output.output.as_deref(), args.output.force);
        if code != 0 {
            return code;
        }
    }
    exit_code(&args, &settings, &totals, !unreadable.is_empty())
}

fn open_sink(settings: &Settings, out: &Out, lang: Lang) -> std::io::Result<Sink> {
    let writer = BufWriter::new(out.clone());
    match (settings.fix, settings.format) {
        // A diff is text whatever the format.
        (Some(false), _) | (_, Format::Human | Format::Github) => Ok(Sink::Text(writer)),
        (_, Format::Json) => JsonWriter::start(writer).map(Sink::Json),
        (_, Format::Sarif) => SarifWriter::start(writer, lang).map(Sink::Sarif),
    }
}

/// The run as files come back from the workers, in order.
struct Run {
    sink: Sink,
    totals: RunTotals,
    per_rule: BTreeMap<Rule, usize>,
    /// Inputs that could not be read or fixed: name and reason.
    unreadable: Vec<(String, String)>,
    /// Writing failed (the reader went away, `| head`, or the disk is full): nothing more can
    /// be delivered.
    closed: Option<std::io::Error>,
}

impl Run {
    /// A run that has checked nothing yet; `skipped` inputs were excluded before it began.
    fn new(sink: Sink, skipped: usize) -> Run {
        Run {
            sink,
            totals: RunTotals {
                skipped,
                ..RunTotals::default()
            },
            per_rule: BTreeMap::new(),
            unreadable: Vec::new(),
            closed: None,
        }
    }

    fn take(&mut self, checked: Checked) -> ControlFlow<()> {
        self.totals.counts.merge(&checked.counts);
        self.totals.fixable += checked.fixable;
        self.totals.fixed += checked.fixed;
        for (rule, n) in &checked.per_rule {
            *self.per_rule.entry(*rule).or_default() += n;
        }
        let rendered = match checked.rendered {
            Rendered::Unreadable(name, reason) => {
                eprintln!("kehoach: {name}: {reason}");
                self.unreadable.push((name, reason));
                return ControlFlow::Continue(());
            }
            Rendered::Failed(name, reason, rendered) => {
                eprintln!("kehoach: {name}: {reason}");
                self.unreadable.push((name, reason));
                *rendered
            }
            r => r,
        };
        match write(&mut self.sink, rendered) {
            Ok(()) => ControlFlow::Continue(()),
            Err(e) => {
                self.closed = Some(e);
                ControlFlow::Break(())
            }
        }
    }
}

fn settings(args: &CheckArgs, lang: Lang) -> Result<Settings, String> {
    let filter = RuleFilter::parse(&args.select, &args.ignore, lang)?;
    if args.statistics && matches!(args.format, Format::Sarif | Format::Github) {
        return Err(msg!(
            lang,
            "kehoach: --statistics chỉ dùng với --format human hoặc json",
            "kehoach: --statistics works with --format human or json"
        ));
    }
    if let Some(refusal) = args.output.refusal(lang) {
        return Err(format!("kehoach: {refusal}"));
    }
    let fix = match (args.fix, args.diff) {
        (_, true) => Some(false),
        (true, false) => Some(true),
        (false, false) => None,
    };
    Ok(Settings {
        format: args.format,
        filter,
        fix,
        statistics: args.statistics,
    })
}

fn exit_code(args: &CheckArgs, settings: &Settings, totals: &RunTotals, unreadable: bool) -> i32 {
    let c = &totals.counts;
    if unreadable {
        2
    } else if settings.fix == Some(false) {
        // As `diff` and `ruff --diff`: 1 when something would change.
        i32::from(totals.fixed > 0)
    } else if args.exit_zero {
        0
    } else if c.errors > 0 || (args.strict && c.warnings > 0) {
        1
    } else {
        0
    }
}

/// How the report closes.
struct Ending<'a> {
    settings: &'a Settings,
    args: &'a CheckArgs,
    human: &'a Human,
    /// No file was found: the error says so, and nothing is summed up.
    nothing: bool,
}

impl Ending<'_> {
    /// The JSON or SARIF document's end, or the statistics and the summary lines. The human
    /// summary is part of the report (stdout); beside GitHub annotations and a diff it goes to
    /// stderr.
    fn finish(
        &self,
        sink: Sink,
        totals: &RunTotals,
        per_rule: &BTreeMap<Rule, usize>,
        unreadable: &[(String, String)],
    ) -> std::io::Result<()> {
        let settings = self.settings;
        match sink {
            Sink::Json(w) => w.finish(&JsonSummary {
                counts: &totals.counts,
                skipped: totals.skipped,
                fixed: (settings.fix == Some(true)).then_some(totals.fixed),
                statistics: settings
                    .statistics
                    .then(|| per_rule.iter().map(|(r, n)| (r.code(), *n)).collect()),
            }),
            Sink::Sarif(w) => w.finish(unreadable),
            Sink::Text(mut out) => {
                let diff = settings.fix == Some(false);
                if settings.statistics && !diff {
                    out.write_all(self.human.statistics(per_rule).as_bytes())?;
                }
                if !self.args.quiet && !self.nothing {
                    let summary = self.human.run_summary(totals, settings.fix);
                    if settings.format == Format::Human && !diff {
                        out.write_all(summary.as_bytes())?;
                    } else {
                        eprint!("{summary}");
                    }
                }
                out.flush()
            }
        }
    }
}

fn write(sink: &mut Sink, rendered: Rendered) -> std::io::Result<()> {
    match (sink, rendered) {
        (Sink::Text(out), Rendered::Text(t)) => out.write_all(t.as_bytes()),
        (Sink::Json(w), Rendered::Items(items)) => w.items(&items),
        (Sink::Sarif(w), Rendered::Items(items)) => w.results(&items),
        _ => unreachable!("each format renders what its sink writes"),
    }
}

fn no_files(lang: Lang, skipped: usize) -> String {
    if skipped > 0 {
        return msg!(
            lang,
            "kehoach: không tìm thấy tệp kế hoạch nào: {skipped} tệp YAML đã gặp đều không có khóa `kehoach:` ở cấp cao nhất",
            "kehoach: no plan files found: none of the {skipped} YAML file(s) met has a top-level `kehoach:` key"
        );
    }
    msg!(
        lang,
        "kehoach: không tìm thấy tệp kế hoạch nào (*.yaml, *.yml)",
        "kehoach: no plan files found (*.yaml, *.yml)"
    )
}
