//! Writes a [`Draft`] as a plan file (docs/plan-format.md), with the doubts as comments.

use super::draft::{Draft, Indicator, Noted, Responsibility, TargetOut};
use crate::model::Role;
use std::fmt::Write;

/// A double-quoted YAML scalar: always quoted, so "2.000", "100%" and "Có" stay text.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn comment(out: &mut String, indent: &str, doubt: &str) {
    for (i, line) in doubt.lines().enumerate() {
        let lead = if i == 0 { "kiểm tra lại: " } else { "  " };
        let _ = writeln!(out, "{indent}# {lead}{line}");
    }
}

fn noted(out: &mut String, key: &str, v: &Option<Noted>) {
    if let Some(n) = v {
        if let Some(d) = &n.doubt {
            comment(out, "  ", d);
        }
        let _ = writeln!(out, "  {key}: {}", quote(&n.value));
    }
}

fn list(out: &mut String, indent: &str, key: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "{indent}{key}:");
    for i in items {
        let _ = writeln!(out, "{indent}  - {}", quote(i));
    }
}

pub fn write(d: &Draft, header: &[String]) -> String {
    let mut out = String::new();
    for h in header {
        let _ = writeln!(out, "# {h}");
    }
    out.push_str("kehoach: 1\nplan:\n");
    meta(&mut out, &d.meta);
    list(&mut out, "", "purpose", &d.purpose);
    list(&mut out, "", "requirements", &d.requirements);
    list(&mut out, "", "objectives", &d.objectives);
    if !d.indicators.is_empty() {
        out.push_str("\nindicators:\n");
        for i in &d.indicators {
            indicator(&mut out, i);
        }
    }
    if !d.tasks.is_empty() {
        out.push_str("\ntasks:\n");
        for g in &d.tasks {
            task_group(&mut out, g);
        }
    }
    if let Some(b) = &d.budget {
        let _ = writeln!(out, "\nbudget: {}", quote(b));
    }
    if !d.responsibilities.is_empty() {
        out.push_str("\nresponsibilities:\n");
        for r in &d.responsibilities {
            responsibility(&mut out, r);
        }
    }
    if let Some(r) = &d.reporting {
        reporting(&mut out, r);
    }
    out
}

/// The `plan:` block; a province or period not found is written empty, with what to do.
fn meta(out: &mut String, m: &super::draft::Meta) {
    noted(out, "number", &m.number);
    if let Some(k) = m.kind {
        let _ = writeln!(out, "  kind: {k}");
    }
    noted(out, "title", &m.title);
    noted(out, "issuer", &m.issuer);
    match &m.province {
        Some(_) => noted(out, "province", &m.province),
        None => {
            comment(out, "  ", "không tìm thấy tỉnh ban hành; điền tên tỉnh");
            out.push_str("  province: \"\"\n");
        }
    }
    noted(out, "place", &m.place);
    noted(out, "issued", &m.issued);
    match &m.period {
        Some(_) => noted(out, "period", &m.period),
        None => {
            comment(
                out,
                "  ",
                "không tìm thấy năm hoặc giai đoạn của kế hoạch; điền vào",
            );
            out.push_str("  period: \"\"\n");
        }
    }
    list(out, "  ", "implements", &m.implements);
    list(out, "  ", "basis", &m.basis);
    if let Some((name, title)) = &m.signer {
        let _ = match title {
            Some(t) => writeln!(
                out,
                "  signer: {{ name: {}, title: {} }}",
                quote(name),
                quote(t)
            ),
            None => writeln!(out, "  signer: {{ name: {} }}", quote(name)),
        };
    }
    list(out, "  ", "recipients", &m.recipients);
    let _ = writeln!(out, "  source: {}", quote(&m.source));
}

fn task_group(out: &mut String, g: &super::draft::TaskGroup) {
    if let Some(doubt) = &g.doubt {
        comment(out, "  ", doubt);
    }
    match &g.group {
        Some(id) => {
            let _ = writeln!(out, "  - group: {id}\n    title: {}", quote(&g.title));
        }
        None => {
            let _ = writeln!(out, "  - title: {}", quote(&g.title));
        }
    }
    if g.items.is_empty() {
        out.push_str("    items: []\n");
    } else {
        list(out, "    ", "items", &g.items);
    }
}

fn reporting(out: &mut String, r: &super::draft::Reporting) {
    out.push_str("\nreporting:\n");
    if !r.every.is_empty() {
        let _ = writeln!(out, "  every: [{}]", r.every.join(", "));
    }
    if !r.to.is_empty() {
        let to: Vec<String> = r.to.iter().map(|t| quote(t)).collect();
        let _ = writeln!(out, "  to: [{}]", to.join(", "));
    }
    let _ = writeln!(out, "  text: {}", quote(&r.text));
}

fn indicator(out: &mut String, i: &Indicator) {
    for d in &i.doubts {
        comment(out, "  ", d);
    }
    let mut first = true;
    let mut key = |out: &mut String, k: &str, v: String| {
        let lead = if first { "  - " } else { "    " };
        first = false;
        let _ = writeln!(out, "{lead}{k}: {v}");
    };
    if let Some(r) = &i.reference {
        key(out, "ref", r.clone());
    }
    if let Some(id) = &i.id {
        key(out, "id", id.clone());
    }
    if let Some(p) = &i.part_of {
        key(out, "part_of", p.clone());
    }
    let target = match &i.target {
        TargetOut::One(t) => quote(t),
        TargetOut::ByLevel(levels) => {
            let parts: Vec<String> = levels
                .iter()
                .map(|(l, t)| format!("{}: {}", l.key(), quote(t)))
                .collect();
            format!("{{ {} }}", parts.join(", "))
        }
    };
    key(out, "target", target);
    if let Some(u) = &i.unit {
        key(out, "unit", quote(u));
    }
    if let Some(d) = &i.denominator {
        key(out, "denominator", quote(d));
    }
    key(out, "text", quote(&i.text));
}

fn responsibility(out: &mut String, r: &Responsibility) {
    for d in &r.doubts {
        comment(out, "  ", d);
    }
    let role = match r.role {
        Role::Lead => "lead",
        Role::Coordinate => "coordinate",
        Role::Requested => "requested",
    };
    let _ = writeln!(out, "  - agency: {}\n    role: {role}", quote(&r.agency));
    if r.tasks.is_empty() {
        out.push_str("    tasks: []\n");
    } else {
        list(out, "    ", "tasks", &r.tasks);
    }
}
