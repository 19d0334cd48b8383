//! Where a command's text goes: standard output, or a file given with `-o` that is written
//! atomically and never replaces an existing one without `--force`.

use super::Context;
use crate::i18n::Lang;
use crate::msg;
use crate::output_file::{WriteError, write_atomically};
use crate::report::grid::Report;
use crate::report::{markdown, table};
use std::path::{Path, PathBuf};

/// The formats of the commands whose output is a report of tables (`diff`, `summary`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Tables for the terminal
    Table,
    /// Markdown
    Md,
    /// JSON
    Json,
}

/// A view as text: its tables laid out for the terminal or as Markdown, or the view itself as JSON.
pub fn report_text<T: serde::Serialize>(
    ctx: &Context,
    format: ReportFormat,
    view: &T,
    report: impl FnOnce() -> Report,
) -> String {
    match format {
        ReportFormat::Table => table::report(&report(), ctx.width, ctx.stdout_color),
        ReportFormat::Md => markdown::report(&report()),
        ReportFormat::Json => pretty_json(view),
    }
}

/// Pretty JSON with a final newline. The views are plain data, so serialising cannot fail.
pub fn pretty_json<T: serde::Serialize>(v: &T) -> String {
    let mut s = serde_json::to_string_pretty(v).expect("views serialise to JSON");
    s.push('\n');
    s
}

#[derive(clap::Args, Debug)]
pub struct OutputArgs {
    /// Write to FILE instead of standard output (never over an existing file without --force)
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE if it exists
    #[arg(long, requires = "output")]
    pub force: bool,
}

impl OutputArgs {
    /// Refuses early, before any work, when the file exists and `--force` is not given.
    pub fn refusal(&self, lang: Lang) -> Option<String> {
        match &self.output {
            Some(path) if !self.force && path.exists() => Some(exists(path, lang)),
            _ => None,
        }
    }

    pub fn emit(&self, ctx: &Context, text: &str) -> i32 {
        emit(ctx, text, self.output.as_deref(), self.force)
    }
}

pub fn exists(path: &Path, lang: Lang) -> String {
    msg!(
        lang,
        "{} đã có; không ghi đè (dùng --force để thay thế)",
        "{} already exists; not overwritten (use --force to replace it)",
        path.display()
    )
}

/// Prints to stdout, or writes `out` atomically (never over an existing file unless `force`).
pub fn emit(ctx: &Context, text: &str, out: Option<&Path>, force: bool) -> i32 {
    let Some(path) = out else {
        use std::io::Write;
        let mut stdout = std::io::stdout().lock();
        return match stdout
            .write_all(text.as_bytes())
            .and_then(|_| stdout.flush())
        {
            Ok(()) => 0,
            // A closed pipe (`| head`) is the reader's choice, not a failure.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
            Err(e) => {
                eprintln!("kehoach: {e}");
                2
            }
        };
    };
    let lang = ctx.lang;
    match write_atomically(path, text.as_bytes(), force) {
        Ok(()) => 0,
        Err(WriteError::Exists(p)) => {
            eprintln!("kehoach: {}", exists(&p, lang));
            2
        }
        Err(WriteError::Io(p, e)) => {
            eprintln!(
                "{}",
                msg!(
                    lang,
                    "kehoach: không ghi được {}: {}",
                    "kehoach: cannot write {}: {}",
                    p.display(),
                    e
                )
            );
            2
        }
    }
}
