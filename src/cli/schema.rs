//! `kehoach schema`: the national programmes kehoach knows, and (`--json-schema`) the JSON Schema
//! of the plan format for editors.

use super::Context;
use crate::i18n::Lang;
use crate::msg;
use crate::reference::{Binds, Programme};
use std::fmt::Write;

#[derive(clap::Args, Debug)]
pub struct SchemaArgs {
    /// Print the JSON Schema of the plan format (for yaml-language-server; see docs/editors.md)
    #[arg(long)]
    pub json_schema: bool,
}

pub fn run(ctx: &Context, args: SchemaArgs) -> i32 {
    let text = if args.json_schema {
        let schema = crate::plan_schema::plan_schema(ctx.reference);
        super::output::pretty_json(&schema)
    } else {
        ctx.reference
            .programmes
            .iter()
            .map(|p| programme(p, ctx.lang))
            .collect()
    };
    super::output::print(ctx.lang, text.as_bytes())
}

/// A programme's id, title, period and other names, then one line per indicator.
pub fn programme(p: &Programme, lang: Lang) -> String {
    let mut out = String::new();
    let title = lang.pick(&p.title, &p.title_en);
    let years = format!("{}-{}", p.start, p.end);
    // Titles usually end with their period ("… giai đoạn 2021 - 2025"): say it once.
    if crate::text::match_key(title).contains(&years) || title.contains(&years) {
        let _ = writeln!(out, "{} — {title}", p.id);
    } else {
        let _ = writeln!(out, "{} — {title} ({years})", p.id);
    }
    let _ = writeln!(
        out,
        "{}",
        msg!(
            lang,
            "  {} ban hành ngày {}\n  nguồn: {}",
            "  issued by {} on {}\n  source: {}",
            p.issuer,
            p.issued.vietnamese_short(),
            p.source
        )
    );
    if !p.implementing.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            msg!(
                lang,
                "  văn bản thực hiện (dẫn chiếu cũng được): {}",
                "  implementing documents (may be cited instead): {}",
                p.implementing.join(", ")
            )
        );
    }
    let _ = writeln!(
        out,
        "\n  {}",
        msg!(
            lang,
            "chỉ tiêu (`ref:` trong kế hoạch):",
            "indicators (`ref:` in a plan):"
        )
    );
    let id_width = p.indicators.iter().map(|i| i.id.len()).max().unwrap_or(0);
    let targets: Vec<String> = p
        .indicators
        .iter()
        .map(|i| i.target_display(lang))
        .collect();
    let target_width = targets.iter().map(|t| t.chars().count()).max().unwrap_or(0);
    for (i, target) in p.indicators.iter().zip(&targets) {
        let scope = match i.binds {
            Binds::Province => String::new(),
            Binds::National => msg!(lang, " (chỉ tiêu chung cả nước)", " (national aggregate)"),
        };
        let _ = writeln!(
            out,
            "  {:<id_width$}  {:<target_width$}  {}{scope}",
            i.id,
            target,
            i.short(lang)
        );
    }
    out
}
