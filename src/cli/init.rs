//! `kehoach init --province NAME --period YEAR|RANGE [-o FILE]`: a draft plan from the programme.

use super::Context;
use crate::date::{Date, parse_period};
use crate::i18n::Lang;
use crate::msg;
use crate::reference::{Province, ProvinceRegistry};
use crate::scaffold::{self, Request};
use std::path::{Path, PathBuf};

/// The file `kehoach schema --json-schema` is saved to (docs/editors.md).
pub const SCHEMA_FILE: &str = "kehoach-plan.schema.json";

#[derive(clap::Args, Debug)]
pub struct InitArgs {
    /// The province or centrally governed city (any common spelling)
    #[arg(long, value_name = "NAME")]
    pub province: String,
    /// One year (2024) or a range (2021-2025)
    #[arg(long, value_name = "YEAR|RANGE")]
    pub period: String,
    #[command(flatten)]
    pub out: super::output::OutputArgs,
    /// The issue date, YYYY-MM-DD: written as plan.issued and used to choose the bodies in force
    /// [default: none; the first day of the period is used]
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// The `$schema` of the editor header [default: kehoach-plan.schema.json, found in FILE's
    /// directory or above]
    #[arg(long, value_name = "PATH|URL")]
    pub schema: Option<String>,
}

pub fn run(ctx: &Context, args: InitArgs) -> i32 {
    let lang = ctx.lang;
    let text = match draft(ctx, &args) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("kehoach: {message}");
            return 2;
        }
    };
    let code = args.out.emit(ctx, &text);
    if let (0, Some(path)) = (code, &args.out.output) {
        eprintln!(
            "{}",
            msg!(
                lang,
                "kehoach: đã ghi bản nháp vào {0}; kiểm tra bằng `kehoach check {0}`",
                "kehoach: wrote the draft to {0}; check it with `kehoach check {0}`",
                path.display()
            )
        );
    }
    code
}

/// The draft's text, or why it cannot be made (a usage error).
fn draft(ctx: &Context, args: &InitArgs) -> Result<String, String> {
    let lang = ctx.lang;
    let reference = ctx.reference;
    let (start, end) = parse_period(&args.period).ok_or_else(|| {
        let (message, help) = crate::compile::period_problem(&args.period, lang);
        format!("{message}; {help}")
    })?;
    let issued = match &args.date {
        None => None,
        Some(d) => Some(Date::parse(d).ok_or_else(|| {
            msg!(
                lang,
                "ngày `{d}` không hợp lệ; viết theo dạng NĂM-THÁNG-NGÀY, ví dụ `2024-03-26`",
                "date `{d}` is not valid; write it as YEAR-MONTH-DAY, e.g. `2024-03-26`"
            )
        })?),
    };
    let province = find_province(&reference.provinces, &args.province, lang)?;
    if let Some(refusal) = args.out.refusal(lang) {
        return Err(refusal);
    }
    let mut request = Request {
        province,
        start,
        end,
        issued,
        schema: String::new(),
    };
    in_existence(&reference.provinces, province, request.date(), lang)?;
    request.schema = match &args.schema {
        Some(s) => s.clone(),
        None => schema_path(args.out.output.as_deref()),
    };
    Ok(scaffold::draft(reference, &request))
}

fn find_province<'r>(
    provinces: &'r ProvinceRegistry,
    name: &str,
    lang: Lang,
) -> Result<&'r Province, String> {
    provinces.resolve(name).ok_or_else(|| {
        let hint = match provinces.suggest(name) {
            Some(best) => msg!(
                lang,
                "; có phải ý bạn là `{best}`?",
                "; did you mean `{best}`?"
            ),
            None => String::new(),
        };
        msg!(
            lang,
            "không nhận ra tỉnh, thành phố `{name}`{hint}",
            "unknown province `{name}`{hint}"
        )
    })
}

/// A draft for a province that did not exist on the plan's date names the one that did.
fn in_existence(
    provinces: &ProvinceRegistry,
    p: &Province,
    date: Date,
    lang: Lang,
) -> Result<(), String> {
    if p.exists_on(date) {
        return Ok(());
    }
    let on = date.vietnamese_short();
    if let Some(until) = p.until.filter(|u| date > *u) {
        let after = until.vietnamese_short();
        let merged = p.merged_into.as_deref().and_then(|id| provinces.get(id));
        let renamed = p.renamed_to.as_deref().and_then(|id| provinces.get(id));
        let change = match (merged, renamed) {
            (Some(next), _) => Some((
                next,
                msg!(
                    lang,
                    "sau ngày {after} đã hợp nhất vào {}",
                    "after {after} it was merged into {}",
                    next.full_name()
                ),
            )),
            (None, Some(next)) => Some((
                next,
                msg!(
                    lang,
                    "sau ngày {after} đã trở thành {}",
                    "after {after} it became {}",
                    next.full_name()
                ),
            )),
            (None, None) => None,
        };
        if let Some((next, change)) = change {
            return Err(msg!(
                lang,
                "{} không còn tồn tại vào ngày {on}: {change}; dùng --province \"{}\"",
                "{} no longer existed on {on}: {change}; use --province \"{}\"",
                p.full_name(),
                next.name
            ));
        }
    }
    let earlier = provinces
        .provinces
        .iter()
        .find(|q| q.renamed_to.as_deref() == Some(p.id.as_str()));
    match (p.from.filter(|f| date < *f), earlier) {
        (Some(from), Some(before)) => Err(msg!(
            lang,
            "{} chỉ có từ ngày {}; vào ngày {on} là {}; dùng --province \"{}\"",
            "{} exists only from {}; on {on} it was {}; use --province \"{}\"",
            p.full_name(),
            from.vietnamese_short(),
            before.full_name(),
            before.name
        )),
        _ => Err(msg!(
            lang,
            "{} không tồn tại vào ngày {on}",
            "{} did not exist on {on}",
            p.full_name()
        )),
    }
}

/// `kehoach-plan.schema.json` relative to the draft's directory, found there or in a directory
/// above (a repository keeps one schema at its root); the bare name when there is none.
fn schema_path(output: Option<&Path>) -> String {
    let dir = output
        .and_then(Path::parent)
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if let Ok(dir) = dir.canonicalize() {
        let mut up = PathBuf::new();
        for d in dir.ancestors() {
            if d.join(SCHEMA_FILE).is_file() {
                return up.join(SCHEMA_FILE).to_string_lossy().replace('\\', "/");
            }
            up.push("..");
        }
    }
    SCHEMA_FILE.to_string()
}
