//! Where a command's text goes: standard output, or a file given with `-o` that is written
//! atomically and never replaces an existing one without `--force`.

use super::Context;
use crate::i18n::Lang;
use crate::msg;
use crate::output_file::{Refusal, WriteError, check_destination, write_atomically};
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
    /// With `--force`, also refuses early what `--force` may not replace (see output_file).
    pub fn refusal(&self, lang: Lang) -> Option<String> {
        match check_destination(self.output.as_deref()?, self.force) {
            Err(WriteError::Exists(p)) => Some(exists(&p, lang)),
            Err(WriteError::Refused(p, why)) => Some(refused(&p, why, lang)),
            _ => None,
        }
    }

    pub fn emit(&self, ctx: &Context, text: &str) -> i32 {
        emit(ctx, text, self.output.as_deref(), self.force)
    }
}

/// Why `--force` does not replace `path`, naming it as the user gave it.
pub fn refused(path: &Path, why: Refusal, lang: Lang) -> String {
    let p = path.display();
    match why {
        Refusal::Symlink => msg!(
            lang,
            "{p} là một liên kết tượng trưng (symlink); --force không thay thế liên kết: hãy ghi vào đường dẫn của tệp đích",
            "{p} is a symbolic link; --force does not replace links: write to the target's own path"
        ),
        Refusal::Directory => msg!(
            lang,
            "{p} là một thư mục; --force chỉ thay thế tệp thông thường",
            "{p} is a directory; --force replaces only a regular file"
        ),
        Refusal::Special => msg!(
            lang,
            "{p} không phải tệp thông thường (FIFO, socket hay thiết bị); --force chỉ thay thế tệp thông thường",
            "{p} is not a regular file (a FIFO, socket or device); --force replaces only a regular file"
        ),
        Refusal::Input => msg!(
            lang,
            "{p} là tệp đầu vào của chính lệnh này; không ghi đè, kể cả với --force",
            "{p} is an input of this command; not overwritten, even with --force"
        ),
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

/// The one way a command's text reaches standard output. A closed pipe (`| head`) is the
/// reader's choice and ends quietly with status 0, as in ripgrep; any other write error (a
/// full disk, `> /dev/full`) is said on stderr and is status 2. Never a panic, which is what
/// `print!` does on a write error.
pub fn print(lang: Lang, bytes: &[u8]) -> i32 {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|_| stdout.flush()) {
        Ok(()) => 0,
        Err(e) if stdout_failed(lang, &e) => 2,
        Err(_) => 0,
    }
}

/// Says why writing to standard output failed, unless the reader closed the pipe. Returns
/// whether it was a failure (`false`: a closed pipe, nothing said).
pub fn stdout_failed(lang: Lang, e: &std::io::Error) -> bool {
    use std::io::Write;
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return false;
    }
    // Not `eprintln!`: it panics in turn when stderr cannot be written either.
    let _ = writeln!(
        std::io::stderr(),
        "{}",
        msg!(
            lang,
            "kehoach: không ghi được ra đầu ra chuẩn (stdout): {e}",
            "kehoach: cannot write to standard output: {e}"
        )
    );
    true
}

/// Prints to stdout, or writes `out` atomically (never over an existing file unless `force`).
pub fn emit(ctx: &Context, text: &str, out: Option<&Path>, force: bool) -> i32 {
    let Some(path) = out else {
        return print(ctx.lang, text.as_bytes());
    };
    let lang = ctx.lang;
    match write_atomically(path, text.as_bytes(), force) {
        Ok(()) => 0,
        Err(e) => write_failed(e, lang),
    }
}

/// Says why the `-o` file was not written, naming the path the user gave. Exit status 2.
pub fn write_failed(e: WriteError, lang: Lang) -> i32 {
    let why = match e {
        WriteError::Exists(p) => exists(&p, lang),
        WriteError::Refused(p, why) => refused(&p, why, lang),
        WriteError::Io(p, e) => msg!(
            lang,
            "không ghi được {}: {}",
            "cannot write {}: {}",
            p.display(),
            e
        ),
    };
    eprintln!("kehoach: {why}");
    2
}
