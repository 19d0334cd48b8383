//! Loading plans for the report commands, and writing their output: errors are reported
//! once here, the same way for every command (located frames on stderr, exit status 2).

use super::Context;
use crate::compile::CompiledPlan;
use crate::msg;
use crate::output_file::{WriteError, write_atomically};
use crate::pipeline::{self, Loaded};
use std::path::Path;

/// Reads and compiles one plan. A plan that does not parse is reported and yields `Err(2)`.
pub fn load<'r>(ctx: &'r Context, path: &Path) -> Result<Box<CompiledPlan<'r>>, i32> {
    match pipeline::read_plan(path, ctx.reference, ctx.lang) {
        Err(u) => {
            eprintln!("kehoach: {}: {}", u.name, u.reason);
            Err(2)
        }
        Ok(Loaded::Failed(source, f)) => {
            eprint!("{}", ctx.human().file(&source, std::slice::from_ref(&f)));
            Err(2)
        }
        Ok(Loaded::Compiled(plan)) => Ok(plan),
    }
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
            eprintln!(
                "{}",
                msg!(
                    lang,
                    "kehoach: {} đã tồn tại; không ghi đè (dùng --force để ghi đè)",
                    "kehoach: {} already exists; not overwritten (use --force to replace it)",
                    p.display()
                )
            );
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
