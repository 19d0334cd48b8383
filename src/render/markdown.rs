//! The document as Markdown: the two-column header and signature as tables (GitHub
//! renders them side by side, as on paper), sections as headings, items as lists.

use super::document::{Document, MOTTO, MOTTO_COUNTRY, Para};
use crate::report::markdown::escape;

fn lines(v: &[String]) -> String {
    v.iter().map(|l| escape(l)).collect::<Vec<_>>().join("<br>")
}

fn body(out: &mut String, paras: &[Para]) {
    for p in paras {
        match p {
            Para::Text(t) => out.push_str(&format!("{}\n\n", escape(t))),
            Para::Bullet(t) => out.push_str(&format!("- {}\n", escape(t))),
        }
    }
    if matches!(paras.last(), Some(Para::Bullet(_))) {
        out.push('\n');
    }
}

pub fn write(d: &Document) -> String {
    let mut out = String::new();
    let issuer = match d.issuer.as_slice() {
        [] => String::new(),
        [one] => format!("**{}**", escape(one)),
        [first, rest @ ..] => format!("{}<br>**{}**", escape(first), lines(rest)),
    };
    out.push_str(&format!(
        "| {issuer} | **{MOTTO_COUNTRY}**<br>**{MOTTO}** |\n| :---: | :---: |\n"
    ));
    if d.number.is_some() || d.place_date.is_some() {
        out.push_str(&format!(
            "| {} | {} |\n",
            d.number.as_deref().map(escape).unwrap_or_default(),
            d.place_date
                .as_deref()
                .map(|p| format!("*{}*", escape(p)))
                .unwrap_or_default()
        ));
    }
    out.push_str(&format!("\n# {}\n\n", d.kind));
    if let Some(s) = &d.subject {
        out.push_str(&format!("**{}**\n\n", escape(s)));
    }
    if let Some(a) = d.decision.as_ref().and_then(|d| d.authority.as_ref()) {
        out.push_str(&format!("**{}**\n\n", escape(a)));
    }
    for b in &d.bases {
        out.push_str(&format!("{}\n\n", escape(b)));
    }
    if let Some(dec) = &d.decision {
        // A decision: its articles and signature, then the plan it issues.
        out.push_str("**QUYẾT ĐỊNH:**\n\n");
        for a in &dec.articles {
            match a.split_once(". ") {
                Some((head, rest)) => {
                    out.push_str(&format!("**{}.** {}\n\n", escape(head), escape(rest)))
                }
                None => out.push_str(&format!("{}\n\n", escape(a))),
            }
        }
        signature(&mut out, d);
        out.push_str(&format!("\n# {}\n\n", dec.plan_kind));
        if let Some(s) = &dec.plan_subject {
            out.push_str(&format!("**{}**\n\n", escape(s)));
        }
        out.push_str(&format!("*{}*\n\n", escape(&dec.attached)));
    }
    for s in &d.sections {
        out.push_str(&format!("## {}. {}\n\n", s.numeral, escape(&s.title)));
        body(&mut out, &s.body);
        for sub in &s.subsections {
            out.push_str(&format!("### {}. {}\n\n", sub.number, escape(&sub.title)));
            body(&mut out, &sub.body);
        }
    }
    if d.decision.is_none() {
        signature(&mut out, d);
    }
    out
}

/// Recipients and signature, side by side, under a rule.
fn signature(out: &mut String, d: &Document) {
    if !d.recipients.is_empty() || d.signature.is_some() {
        let recipients = if d.recipients.is_empty() {
            String::new()
        } else {
            let n = d.recipients.len();
            let items: Vec<String> = d
                .recipients
                .iter()
                .enumerate()
                .map(|(i, r)| format!("- {}{}", escape(r), if i + 1 == n { "." } else { ";" }))
                .collect();
            format!("***Nơi nhận:***<br>{}", items.join("<br>"))
        };
        let signature = d
            .signature
            .as_ref()
            .map(|s| {
                let mut l: Vec<String> = s
                    .title_lines
                    .iter()
                    .map(|t| format!("**{}**", escape(t)))
                    .collect();
                l.push(String::new());
                l.push(format!("**{}**", escape(&s.name)));
                l.join("<br>")
            })
            .unwrap_or_default();
        out.push_str(&format!(
            "---\n\n| {recipients} | {signature} |\n| :--- | :---: |\n"
        ));
    }
}
