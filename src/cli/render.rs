//! `kehoach render PLAN`: the plan as an official document.

use super::Context;
use super::plan_input::load;
use crate::msg;
use crate::output_file::{WriteError, write_atomically};
use crate::render::{document, docx, html, markdown};
use clap::ValueEnum;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct RenderArgs {
    /// The plan
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Md)]
    pub format: Format,
    #[command(flatten)]
    pub out: super::output::OutputArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Markdown
    Md,
    /// One self-contained HTML page
    Html,
    /// A Word document (.docx) laid out per Nghị định 30/2020/NĐ-CP; needs -o unless piped
    Docx,
}

pub fn run(ctx: &Context, args: RenderArgs) -> i32 {
    if args.format == Format::Docx && args.out.output.is_none() && std::io::stdout().is_terminal() {
        eprintln!("kehoach: {}", binary_to_terminal(ctx));
        return 2;
    }
    let plan = match load(ctx, &args.plan) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let doc = document::build(&plan);
    let text = match args.format {
        Format::Md => markdown::write(&doc),
        Format::Html => html::write(&doc),
        Format::Docx => return emit_bytes(ctx, &docx::write(&doc), &args.out),
    };
    args.out.emit(ctx, &text)
}

fn binary_to_terminal(ctx: &Context) -> String {
    msg!(
        ctx.lang,
        "tệp Word (--format docx) là dữ liệu nhị phân, không in ra màn hình; hãy ghi ra tệp với -o, ví dụ: -o ke-hoach.docx",
        "a Word file (--format docx) is binary and is not printed to a terminal; write it to a file with -o, for example: -o plan.docx"
    )
}

/// Binary output: to a pipe, or to `-o FILE` with the same guarantees as text (written
/// atomically, never over an existing file without `--force`).
fn emit_bytes(ctx: &Context, bytes: &[u8], out: &super::output::OutputArgs) -> i32 {
    let Some(path) = out.output.as_deref() else {
        let mut stdout = std::io::stdout().lock();
        return match stdout.write_all(bytes).and_then(|_| stdout.flush()) {
            Ok(()) => 0,
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
            Err(e) => {
                eprintln!("kehoach: {e}");
                2
            }
        };
    };
    match write_atomically(path, bytes, out.force) {
        Ok(()) => 0,
        Err(WriteError::Exists(p)) => {
            eprintln!("kehoach: {}", super::output::exists(&p, ctx.lang));
            2
        }
        Err(WriteError::Io(p, e)) => {
            eprintln!(
                "{}",
                msg!(
                    ctx.lang,
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
