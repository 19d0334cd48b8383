//! `kehoach render PLAN`: the plan as an official document.

use super::Context;
use super::plan_input::load;
use crate::msg;
use crate::output_file::write_atomically;
use crate::render::{document, docx, html, markdown};
use crate::rules::Level;
use clap::ValueEnum;
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct RenderArgs {
    /// The plan
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Md)]
    pub format: Format,
    /// Write to FILE instead of standard output (never over an existing file without --force)
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Render even a plan that has errors (they are still listed on standard error), and
    /// replace FILE if it exists
    #[arg(long)]
    pub force: bool,
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
    let out = super::output::OutputArgs {
        output: args.output,
        force: args.force,
    };
    if args.format == Format::Docx && out.output.is_none() && std::io::stdout().is_terminal() {
        eprintln!("kehoach: {}", binary_to_terminal(ctx));
        return 2;
    }
    if let Some(refusal) = out.refusal(ctx.lang) {
        eprintln!("kehoach: {refusal}");
        return 2;
    }
    let plan = match load(ctx, &args.plan) {
        Ok(p) => p,
        Err(code) => return code,
    };
    // A document is signed as it is rendered: one that `check` finds errors in is not
    // written unless asked for, and what it leaves out (an unknown `ref`) is never silent.
    let mut findings = crate::check::run(&plan, ctx.lang);
    ctx.config.apply(&mut findings);
    findings.retain(|f| f.level == Level::Error);
    if !findings.is_empty() {
        eprint!("{}", ctx.human().file(&plan.source, &findings));
        let n = findings.len();
        if !args.force {
            eprintln!(
                "{}",
                msg!(
                    ctx.lang,
                    "kehoach: kế hoạch có {n} lỗi nên không xuất văn bản; sửa các lỗi trên, hoặc dùng --force để vẫn xuất",
                    "kehoach: the plan has {n} error(s), so no document is written; fix them, or use --force to render anyway"
                )
            );
            return 1;
        }
    }
    let doc = document::build(&plan);
    let text = match args.format {
        Format::Md => markdown::write(&doc),
        Format::Html => html::write(&doc),
        Format::Docx => return emit_bytes(ctx, &docx::write(&doc), &out),
    };
    out.emit(ctx, &text)
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
        return super::output::print(ctx.lang, bytes);
    };
    match write_atomically(path, bytes, out.force) {
        Ok(()) => 0,
        Err(e) => super::output::write_failed(e, ctx.lang),
    }
}
