//! The document as one self-contained HTML page, styled as the printed form (Times New
//! Roman, centred header blocks, justified paragraphs); printable as it is.

use super::document::{Document, MOTTO, MOTTO_COUNTRY, Para};
use crate::report::html::escape;

const STYLE: &str = "\
body{font-family:'Times New Roman',Times,serif;font-size:14pt;line-height:1.45;max-width:48rem;margin:2rem auto;padding:0 1.5rem;color:#000;background:#fff}
table.head,table.foot{width:100%;border-collapse:collapse}
table.head td{width:50%;text-align:center;vertical-align:top;padding:0 .5rem}
table.foot td{width:50%;vertical-align:top;padding:0 .5rem}
table.foot td.sign{text-align:center}
.issuer,.motto-country{font-weight:bold}
.issuer-body{font-weight:normal}
.motto{font-weight:bold}
.rule{display:block;width:40%;margin:.1rem auto;border-top:1px solid #000}
.number{margin-top:.4rem}
.date{font-style:italic;margin-top:.4rem}
h1{text-align:center;font-size:15pt;margin:1.5rem 0 0}
p.subject{text-align:center;font-weight:bold;margin:0 0 1rem}
h2{font-size:14pt;margin:1rem 0 .3rem}
h3{font-size:14pt;margin:.6rem 0 .2rem}
p{text-align:justify;margin:.3rem 0;text-indent:2rem}
p.basis{font-style:italic}
ul{margin:.2rem 0;padding-left:2rem;list-style:none}
ul li{text-align:justify;margin:.2rem 0}
ul li::before{content:'- '}
.recipients{font-size:11pt}
.recipients b{font-style:italic;font-size:12pt}
.signer-name{margin-top:4rem;font-weight:bold}
p.authority,p.decides{text-align:center;font-weight:bold;text-indent:0}
h1.attached{page-break-before:always;break-before:page}
p.attached-note{text-align:center;font-style:italic;text-indent:0}
";

fn body(out: &mut String, paras: &[Para]) {
    let mut in_list = false;
    for p in paras {
        match p {
            Para::Text(t) => {
                if in_list {
                    out.push_str("</ul>\n");
                    in_list = false;
                }
                out.push_str(&format!("<p>{}</p>\n", escape(t)));
            }
            Para::Bullet(t) => {
                if !in_list {
                    out.push_str("<ul>\n");
                    in_list = true;
                }
                out.push_str(&format!("<li>{}</li>\n", escape(t)));
            }
        }
    }
    if in_list {
        out.push_str("</ul>\n");
    }
}

pub fn write(d: &Document) -> String {
    let mut out = String::new();
    let title = match &d.subject {
        Some(s) => format!("{} {}", d.kind, s),
        None => d.kind.to_string(),
    };
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        escape(&title)
    ));
    heading(&mut out, d);
    out.push_str(&format!("<h1>{}</h1>\n", d.kind));
    if let Some(s) = &d.subject {
        out.push_str(&format!("<p class=\"subject\">{}</p>\n", escape(s)));
    }
    if let Some(a) = d.decision.as_ref().and_then(|d| d.authority.as_ref()) {
        out.push_str(&format!("<p class=\"authority\">{}</p>\n", escape(a)));
    }
    for b in &d.bases {
        out.push_str(&format!("<p class=\"basis\">{}</p>\n", escape(b)));
    }
    if let Some(dec) = &d.decision {
        decision(&mut out, d, dec);
    }
    sections(&mut out, d);
    if d.decision.is_none() {
        signature(&mut out, d);
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The two-column heading: issuer and number left, national name, motto and date right.
fn heading(out: &mut String, d: &Document) {
    out.push_str("<table class=\"head\"><tr>\n<td>");
    if let [first, rest @ ..] = d.issuer.as_slice() {
        if rest.is_empty() {
            out.push_str(&format!("<div class=\"issuer\">{}</div>", escape(first)));
        } else {
            out.push_str(&format!(
                "<div class=\"issuer-body\">{}</div>",
                escape(first)
            ));
            for l in rest {
                out.push_str(&format!("<div class=\"issuer\">{}</div>", escape(l)));
            }
        }
        out.push_str("<span class=\"rule\"></span>");
    }
    if let Some(n) = &d.number {
        out.push_str(&format!("<div class=\"number\">{}</div>", escape(n)));
    }
    out.push_str(&format!(
        "</td>\n<td><div class=\"motto-country\">{MOTTO_COUNTRY}</div><div class=\"motto\">{MOTTO}</div><span class=\"rule\"></span>"
    ));
    if let Some(p) = &d.place_date {
        out.push_str(&format!("<div class=\"date\">{}</div>", escape(p)));
    }
    out.push_str("</td>\n</tr></table>\n");
}

/// A decision: its articles and signature, then the heading of the plan it issues.
fn decision(out: &mut String, d: &Document, dec: &super::document::Decision) {
    out.push_str("<p class=\"decides\">QUYẾT ĐỊNH:</p>\n");
    for a in &dec.articles {
        match a.split_once(". ") {
            Some((head, rest)) => out.push_str(&format!(
                "<p><b>{}.</b> {}</p>\n",
                escape(head),
                escape(rest)
            )),
            None => out.push_str(&format!("<p>{}</p>\n", escape(a))),
        }
    }
    signature(out, d);
    out.push_str(&format!("<h1 class=\"attached\">{}</h1>\n", dec.plan_kind));
    if let Some(s) = &dec.plan_subject {
        out.push_str(&format!("<p class=\"subject\">{}</p>\n", escape(s)));
    }
    out.push_str(&format!(
        "<p class=\"attached-note\">{}</p>\n",
        escape(&dec.attached)
    ));
}

/// The numbered sections and their numbered items.
fn sections(out: &mut String, d: &Document) {
    for s in &d.sections {
        out.push_str(&format!("<h2>{}. {}</h2>\n", s.numeral, escape(&s.title)));
        body(out, &s.body);
        for sub in &s.subsections {
            out.push_str(&format!(
                "<h3>{}. {}</h3>\n",
                sub.number,
                escape(&sub.title)
            ));
            body(out, &sub.body);
        }
    }
}

/// Recipients and signature, side by side.
fn signature(out: &mut String, d: &Document) {
    if !d.recipients.is_empty() || d.signature.is_some() {
        out.push_str("<table class=\"foot\"><tr>\n<td class=\"recipients\">");
        if !d.recipients.is_empty() {
            out.push_str("<b>Nơi nhận:</b><br>\n");
            let n = d.recipients.len();
            for (i, r) in d.recipients.iter().enumerate() {
                out.push_str(&format!(
                    "- {}{}<br>\n",
                    escape(r),
                    if i + 1 == n { "." } else { ";" }
                ));
            }
        }
        out.push_str("</td>\n<td class=\"sign\">");
        if let Some(s) = &d.signature {
            for t in &s.title_lines {
                out.push_str(&format!("<div><b>{}</b></div>", escape(t)));
            }
            out.push_str(&format!(
                "<div class=\"signer-name\">{}</div>",
                escape(&s.name)
            ));
        }
        out.push_str("</td>\n</tr></table>\n");
    }
}
