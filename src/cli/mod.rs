//! The command line: argument parsing and dispatch. Each command lives in its own file.

mod check;
mod compare;
mod completions;
mod diff;
mod explain;
mod help;
mod import;
mod init;
mod output;
mod plan_input;
mod render;
mod schema;
mod summary;

use crate::config::{self, Config, ConfigError};
use crate::i18n::Lang;
use crate::reference::Reference;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "kehoach",
    version,
    about = "Compile and validate Vietnamese prostitution-prevention plans (Kế hoạch phòng, chống mại dâm)",
    long_about = "kehoach reads a plan written as YAML (docs/plan-format.md), resolves it against the national \
programme it implements (Decision 1629/QĐ-TTg, bundled) and reports where it falls short: targets below the \
national floor, missing indicators and agencies, unknown names, impossible targets.\n\n\
Messages are in Vietnamese or English (--lang; by default from LC_ALL / LC_MESSAGES / LANG).\n\
Exit status: 0 no error-level finding, 1 at least one, 2 usage error or unreadable input."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(clap::Args, Debug, Clone)]
pub struct Global {
    /// Language of messages [default: vi for vi_* locales, else en]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// When to colour output; NO_COLOR in the environment also turns it off
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Programme schema to check against instead of the bundled 1629/QĐ-TTg
    #[arg(long, global = true, value_name = "FILE")]
    pub programme: Option<PathBuf>,
    /// Settings file [default: the nearest kehoach.toml in this directory or above]
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Lint plans: files, directories (walked for *.yaml, *.yml) or - for standard input
    Check(check::CheckArgs),
    /// Compliance diff of a plan against its programme, or a semantic diff of two versions
    Diff(diff::DiffArgs),
    /// One-screen summary of a plan: metadata, findings, indicators, agencies
    Summary(summary::SummaryArgs),
    /// One table across plans: national indicators and agencies by province and period
    Compare(compare::CompareArgs),
    /// The plan laid out as a Vietnamese administrative document (Markdown, HTML or Word)
    Render(render::RenderArgs),
    /// Explain a rule: what it checks, why, and an example of bad and good YAML
    Explain(explain::ExplainArgs),
    /// Write a draft plan for a province and period from the national programme
    Init(init::InitArgs),
    /// Read a plan document (.docx, .html, .md, .txt) into a plan file
    Import(import::ImportArgs),
    /// List the national programmes and their indicator ids; --json-schema for editors
    Schema(schema::SchemaArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    Completions(completions::CompletionsArgs),
}

/// What every command needs: language, colour, width and the reference data.
pub struct Context {
    pub lang: Lang,
    pub color: bool,
    /// Colour for data written to stdout (tables): decided on stdout, not stderr.
    pub stdout_color: bool,
    pub width: usize,
    pub reference: &'static Reference,
    pub config: Config,
}

impl Context {
    fn new(g: &Global) -> Result<Context, i32> {
        let lang = g.lang.unwrap_or_else(Lang::from_env);
        let wants = |terminal: bool| match g.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && terminal
            }
        };
        let color = wants(std::io::stderr().is_terminal());
        let stdout_color = wants(std::io::stdout().is_terminal());
        let width = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse().ok())
            .filter(|w| *w >= 40)
            .unwrap_or(100);
        let config = load_config(g, lang, color, width)?;
        // Command-line flags win over the configuration, which wins over the environment.
        let lang = g.lang.or(config.lang).unwrap_or(lang);
        let reference: &'static Reference = match g.programme.as_ref().or(config.programme.as_ref())
        {
            None => Reference::bundled(),
            Some(path) => match Reference::with_programme(path, lang) {
                Ok(r) => Box::leak(Box::new(r)),
                Err(e) => {
                    report_load_failure(e, lang, color, width);
                    return Err(2);
                }
            },
        };
        Ok(Context {
            lang,
            color,
            stdout_color,
            width,
            reference,
            config,
        })
    }

    pub fn human(&self) -> crate::report::human::Human {
        crate::report::human::Human::new(self.lang, self.color, self.width)
    }
}

fn load_config(g: &Global, lang: Lang, color: bool, width: usize) -> Result<Config, i32> {
    let path = match &g.config {
        Some(p) => p.clone(),
        None => match std::env::current_dir()
            .ok()
            .and_then(|d| config::discover(&d))
        {
            Some(p) => p,
            None => return Ok(Config::default()),
        },
    };
    Config::load(&path, lang).map_err(|e| {
        match e {
            ConfigError::Unreadable(u) => eprintln!("kehoach: {}: {}", u.name, u.reason),
            ConfigError::Invalid(src, findings) => {
                let human = crate::report::human::Human::new(lang, color, width);
                eprint!("{}", human.file(&src, &findings));
            }
        }
        2
    })
}

fn report_load_failure(e: crate::load::LoadFailure, lang: Lang, color: bool, width: usize) {
    match e {
        crate::load::LoadFailure::Unreadable(u) => eprintln!("kehoach: {}: {}", u.name, u.reason),
        crate::load::LoadFailure::Invalid(src, f) => {
            let human = crate::report::human::Human::new(lang, color, width);
            eprint!("{}", human.file(&src, std::slice::from_ref(&f)));
        }
    }
}

/// Runs the command line and returns the exit status.
pub fn main() -> i32 {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = help::lang_before_parsing(&args);
    let parsed = help::localise(Cli::command(), lang)
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) if e.use_stderr() || std::io::stdout().is_terminal() => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
        // --help and --version into a pipe or a file: clap would drop a write error, so the
        // text goes out through the path every command uses.
        Err(e) => {
            return output::print(Lang::from_env(), e.render().to_string().as_bytes());
        }
    };
    let ctx = match Context::new(&cli.global) {
        Ok(c) => c,
        Err(code) => return code,
    };
    match cli.command {
        Command::Check(args) => check::run(&ctx, args),
        Command::Diff(args) => diff::run(&ctx, args),
        Command::Summary(args) => summary::run(&ctx, args),
        Command::Compare(args) => compare::run(&ctx, args),
        Command::Render(args) => render::run(&ctx, args),
        Command::Explain(args) => explain::run(&ctx, args),
        Command::Init(args) => init::run(&ctx, args),
        Command::Import(args) => import::run(&ctx, args),
        Command::Schema(args) => schema::run(&ctx, args),
        Command::Completions(args) => completions::run(&ctx, args),
    }
}
