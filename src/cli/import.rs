//! `kehoach import FILE`: a plan document read into a plan file (src/import/).

use super::Context;
use super::output::OutputArgs;
use crate::import::draft::Draft;
use crate::import::{self, Imported};
use crate::msg;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
#[command(
    long_about = "Reads a plan document (Word .docx, a saved web page .html, Markdown or plain text; \
Unicode, TCVN3 or VNI) and writes a plan file (docs/plan-format.md): metadata, specific targets \
matched to the national indicators, task groups, budget, the bodies of the organisation section \
with their roles and tasks, and the reporting regime. Every guess carries a comment \
\"# kiểm tra lại: …\"; a summary on standard error says what was found, matched and left out. \
Old binary .doc files and PDFs are refused with a message saying how to convert them. \
Exit status: 0 written, 1 with --check when the plan has error-level findings, 2 on error."
)]
pub struct ImportArgs {
    /// The document to import (.docx, .html, .md, .txt)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    #[command(flatten)]
    pub out: OutputArgs,
    /// Run `check` on the imported plan at once (needs -o, or checks a temporary copy)
    #[arg(long)]
    pub check: bool,
    /// Do not print the summary on standard error
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

pub fn run(ctx: &Context, args: ImportArgs) -> i32 {
    if let Some(refusal) = args.out.refusal(ctx.lang) {
        eprintln!("kehoach: {refusal}");
        return 2;
    }
    let name = args.file.display().to_string();
    let bytes = match std::fs::read(&args.file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!(
                "{}",
                msg!(
                    ctx.lang,
                    "kehoach: không đọc được {}: {}",
                    "kehoach: cannot read {}: {}",
                    name,
                    e
                )
            );
            return 2;
        }
    };
    let imported = match import::import(&name, &name, &bytes, ctx.reference, ctx.lang) {
        Ok(i) => i,
        Err(message) => {
            eprintln!("kehoach: {message}");
            return 2;
        }
    };
    if !args.quiet {
        eprint!("{}", summary(ctx, &imported));
    }
    let code = args.out.emit(ctx, &imported.yaml);
    if code != 0 || !args.check {
        return code;
    }
    run_check(ctx, &args, &imported.yaml)
}

fn run_check(ctx: &Context, args: &ImportArgs, yaml: &str) -> i32 {
    #[derive(clap::Parser)]
    struct Wrap {
        #[command(flatten)]
        check: super::check::CheckArgs,
    }
    use clap::Parser;
    let _tmp;
    let path = match &args.out.output {
        Some(p) => p.clone(),
        None => {
            let dir = match tempfile_dir() {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("kehoach: {e}");
                    return 2;
                }
            };
            let p = dir.join("imported.yaml");
            if let Err(e) = std::fs::write(&p, yaml) {
                eprintln!("kehoach: {e}");
                return 2;
            }
            _tmp = TempDir(dir);
            p
        }
    };
    // With the plan on standard output, the report goes to standard error.
    let to_stderr = args.out.output.is_none();
    match Wrap::try_parse_from([std::ffi::OsString::from("check"), path.into_os_string()]) {
        Ok(w) => super::check::run_to(ctx, w.check, to_stderr),
        Err(e) => {
            eprintln!("kehoach: {e}");
            2
        }
    }
}

/// A directory removed when dropped.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn tempfile_dir() -> std::io::Result<PathBuf> {
    let base = std::env::temp_dir();
    for n in 0..1000 {
        let d = base.join(format!("kehoach-import-{}-{n}", std::process::id()));
        match std::fs::create_dir(&d) {
            Ok(()) => return Ok(d),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("no free temporary directory"))
}

/// What was found, matched and left out, for standard error.
fn summary(ctx: &Context, i: &Imported) -> String {
    let d = &i.draft;
    let lang = ctx.lang;
    let resolved = d
        .responsibilities
        .iter()
        .filter(|r| {
            ctx.reference.agencies.resolve(&r.agency, None).is_some() || r.doubts.is_empty()
        })
        .count();
    let doubts = d.indicators.iter().map(|x| x.doubts.len()).sum::<usize>()
        + d.responsibilities
            .iter()
            .map(|r| r.doubts.len())
            .sum::<usize>()
        + d.tasks.iter().filter(|t| t.doubt.is_some()).count();
    let mut s = String::new();
    let yes_no = |b: bool| {
        if b {
            msg!(lang, "có", "yes")
        } else {
            msg!(lang, "không", "no")
        }
    };
    s.push_str(&msg!(
        lang,
        "kehoach import: {} ({}{})\n",
        "kehoach import: {} ({}{})\n",
        d.meta.source,
        i.kind.name(),
        i.legacy
            .map(|l| format!(", {}", l.name()))
            .unwrap_or_default()
    ));
    s.push_str(&msg!(
        lang,
        "  thông tin chung: số {}, tỉnh {}, kỳ {}, ngày {}, người ký {}\n",
        "  metadata: number {}, province {}, period {}, date {}, signer {}\n",
        d.meta.number.as_ref().map_or("—", |n| n.value.as_str()),
        d.meta.province.as_ref().map_or("—", |n| n.value.as_str()),
        d.meta.period.as_ref().map_or("—", |n| n.value.as_str()),
        d.meta.issued.as_ref().map_or("—", |n| n.value.as_str()),
        yes_no(d.meta.signer.is_some())
    ));
    targets_line(ctx, d, &mut s);
    s.push_str(&msg!(
        lang,
        "  nhóm nhiệm vụ: {}; kinh phí: {}; chế độ báo cáo: {}\n",
        "  task groups: {}; budget: {}; reporting: {}\n",
        d.tasks.len(),
        yes_no(d.budget.is_some()),
        yes_no(d.reporting.is_some())
    ));
    s.push_str(&msg!(
        lang,
        "  cơ quan: {} (nhận ra {})\n",
        "  bodies: {} (recognised {})\n",
        d.responsibilities.len(),
        resolved
    ));
    s.push_str(&msg!(
        lang,
        "  cần kiểm tra lại: {} chỗ (dòng “# kiểm tra lại” trong tệp); đoạn không đưa vào: {}\n",
        "  to check: {} places (lines “# kiểm tra lại” in the file); paragraphs left out: {}\n",
        doubts,
        d.left_out.len()
    ));
    left_out(d, &mut s);
    s
}

/// How many targets were found, how many matched a national indicator, and which national
/// ones the text does not state.
fn targets_line(ctx: &Context, d: &Draft, s: &mut String) {
    let lang = ctx.lang;
    let national = d
        .indicators
        .iter()
        .filter(|x| x.reference.is_some())
        .count();
    let parts = d.indicators.iter().filter(|x| x.part_of.is_some()).count();
    let local = d.indicators.len() - national - parts;
    let missing = missing_national(ctx, d);
    s.push_str(&msg!(
        lang,
        "  chỉ tiêu: {} (khớp chỉ tiêu quốc gia {}, phần của chỉ tiêu quốc gia {}, riêng {})\n",
        "  targets: {} (matched to a national indicator {}, parts of one {}, local {})\n",
        d.indicators.len(),
        national,
        parts,
        local
    ));
    if !missing.is_empty() {
        s.push_str(&msg!(
            lang,
            "  chỉ tiêu quốc gia không thấy trong văn bản: {}\n",
            "  national indicators not found in the text: {}\n",
            missing.join(", ")
        ));
    }
}

/// The national indicators of the first programme that the draft neither matched nor counts
/// a part of.
fn missing_national(ctx: &Context, d: &Draft) -> Vec<&'static str> {
    let refs: Vec<&str> = d
        .indicators
        .iter()
        .filter_map(|x| x.reference.as_deref())
        .collect();
    ctx.reference
        .programmes
        .first()
        .map(|p| {
            p.indicators
                .iter()
                .map(|n| n.id.as_str())
                .filter(|id| {
                    !refs.contains(id)
                        && !d
                            .indicators
                            .iter()
                            .any(|x| x.part_of.as_deref() == Some(*id))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The first five paragraphs left out, each cut at 90 characters.
fn left_out(d: &Draft, s: &mut String) {
    for p in d.left_out.iter().take(5) {
        let short: String = p.chars().take(90).collect();
        s.push_str(&format!(
            "    - {short}{}\n",
            if p.chars().count() > 90 { "…" } else { "" }
        ));
    }
}
