//! Where a command's text goes: standard output, or a file given with `-o` that is written
//! atomically and never replaces an existing one without `--force`.

use super::Context;
use crate::i18n::Lang;
use crate::msg;
use crate::output_file::{WriteError, write_atomically};
use std::path::{Path, PathBuf};

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
