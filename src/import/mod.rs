//! `kehoach import`: a plan document (Word, web page, Markdown, text; Unicode, TCVN3 or VNI)
//! read into a plan file. Rule-based and deterministic: the document's own structure (its
//! numbered sections), the target reader `check` uses, the programme's indicators and the
//! agency registry. What is guessed is said, in the file and in the summary.

mod agencies;
mod docx;
pub mod draft;
mod html;
pub mod input;
pub mod legacy;
mod meta;
pub mod score;
pub mod segment;
pub mod targets;
mod yaml;

use crate::i18n::Lang;
use crate::reference::Reference;
use draft::{Draft, Reporting, TaskGroup};
use segment::{Marker, Para, SectionKind, looks_like_heading, plain, section_kind};

/// The result of an import: the plan file's text and what to tell the user about it.
pub struct Imported {
    pub yaml: String,
    pub draft: Draft,
    pub kind: input::Kind,
    pub legacy: Option<legacy::Legacy>,
}

/// Imports `bytes` (the file `name`) against `reference`.
pub fn import(
    name: &str,
    source: &str,
    bytes: &[u8],
    reference: &Reference,
    lang: Lang,
) -> Result<Imported, String> {
    let decoded = input::decode(name, bytes, lang).map_err(|r| r.0)?;
    if decoded.lines.iter().all(|l| l.trim().is_empty()) {
        return Err(input::empty_message(name, lang));
    }
    let draft = extract(&decoded.lines, reference, source);
    let mut header = vec![format!(
        "Nhập tự động bằng `kehoach import` từ {source} ({}{}); các dòng “kiểm tra lại” cần người đọc lại.",
        decoded.kind.name(),
        decoded
            .legacy
            .map(|l| format!(", chuyển từ bảng mã {}", l.name()))
            .unwrap_or_default()
    )];
    if draft.meta.number.is_none() && draft.meta.title.is_none() {
        header.push("Không thấy số và tên văn bản: có thể đây là bản tin tóm tắt, không phải toàn văn kế hoạch.".into());
    }
    let yaml = yaml::write(&draft, &header);
    Ok(Imported {
        yaml,
        draft,
        kind: decoded.kind,
        legacy: decoded.legacy,
    })
}

/// The top-level headings: Roman numerals when the document has them, else "1.", "2." …
fn top_level(paras: &[Para]) -> Vec<usize> {
    let roman: Vec<usize> = paras
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            matches!(p.marker, Marker::Roman(_)) && section_kind(&p.text) != SectionKind::Other
        })
        .map(|(i, _)| i)
        .collect();
    if roman.len() >= 2 {
        return paras
            .iter()
            .enumerate()
            .filter(|(_, p)| matches!(p.marker, Marker::Roman(_)))
            .map(|(i, _)| i)
            .collect();
    }
    paras
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            matches!(&p.marker, Marker::Number(n) if n.len() == 1)
                && looks_like_heading(p)
                && section_kind(&p.text) != SectionKind::Other
        })
        .map(|(i, _)| i)
        .collect()
}

fn is_sub(p: &Para, roman_top: bool) -> bool {
    match &p.marker {
        Marker::Number(n) => (roman_top && n.len() == 1) || (!roman_top && n.len() == 2),
        Marker::Letter(_) => true,
        _ => false,
    }
}

pub fn extract(lines: &[String], reference: &Reference, source: &str) -> Draft {
    let mut d = Draft::default();
    // The closing block ("Nơi nhận", signature) is read from lines; it is cut off the body.
    let closing_at = meta::closing(lines, &mut d.meta);
    let body_lines = &lines[..closing_at.unwrap_or(lines.len())];
    let paras = segment::paragraphs(body_lines);
    let tops = top_level(&paras);
    let first = tops.first().copied().unwrap_or(paras.len());
    let mut m = meta::heading(&paras, first, reference, source);
    m.recipients = std::mem::take(&mut d.meta.recipients);
    m.signer = d.meta.signer.take();
    from_the_text(&mut m, &paras, reference);
    d.meta = m;
    let province = d
        .meta
        .province
        .as_ref()
        .and_then(|p| reference.provinces.resolve(&p.value));
    let date = d
        .meta
        .issued
        .as_ref()
        .and_then(|x| crate::date::Date::parse(&x.value));
    let bodies = agencies::Bodies::new(reference, province, date);
    let Some(programme) = reference.programmes.first() else {
        return d;
    };
    let matcher = targets::Matcher::new(programme);
    if tops.is_empty() {
        news(&mut d, &paras, &matcher, &bodies);
        targets::mark_parts(&mut d.indicators);
        return d;
    }
    let roman_top = matches!(paras[tops[0]].marker, Marker::Roman(_));
    for (k, &t) in tops.iter().enumerate() {
        let end = tops.get(k + 1).copied().unwrap_or(paras.len());
        let kind = section_kind(&paras[t].text);
        let body = &paras[t + 1..end];
        match kind {
            SectionKind::Purpose => purpose(&mut d, &paras[t], body, roman_top),
            SectionKind::Objectives => objectives(&mut d, body, roman_top, &matcher),
            SectionKind::Tasks => tasks(&mut d, body, roman_top, programme),
            SectionKind::Budget => {
                let text: Vec<&str> = body.iter().map(|p| p.full.as_str()).collect();
                if !text.is_empty() {
                    d.budget = Some(text.join(" "));
                }
            }
            SectionKind::Organisation => {
                organisation(&mut d, body, roman_top, &bodies);
                single_lead(&mut d);
            }
            SectionKind::Reporting => d.reporting = Some(reporting(body, &bodies)),
            SectionKind::Other => d.left_out.push(paras[t].full.clone()),
        }
    }
    // Head-counts of one national share given one per line are its parts too.
    targets::mark_parts(&mut d.indicators);
    d
}

/// What the heading did not give, read from the text as a news summary gives it: the
/// province, the plan's number and its period (each with a doubt).
fn from_the_text(m: &mut draft::Meta, paras: &[Para], reference: &Reference) {
    if m.province.is_none() {
        let all: String = paras
            .iter()
            .take(6)
            .map(|p| p.full.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let whole: String = paras
            .iter()
            .map(|p| p.full.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        if let Some(p) = meta::province_in_text(&all, reference)
            .or_else(|| meta::most_named_province(&whole, reference))
        {
            m.province = Some(draft::Noted::doubtful(
                p.name.clone(),
                "tỉnh đoán từ nội dung bài",
            ));
        }
    }
    if m.number.is_none() {
        number_in_a_sentence(m, paras, reference);
    }
    if m.period.is_none() {
        let all = meta::own_words(&paras[..paras.len().min(6)]);
        m.period = meta::period(&all)
            .map(|p| draft::Noted::doubtful(p, "năm hoặc giai đoạn đoán từ nội dung bài"));
    }
}

/// A news summary names the plan in a sentence: "… ban hành Kế hoạch số 46/KH-UBND …". A
/// programme it cites ("Thực hiện Quyết định số 1629/QĐ-TTg …") is not its number.
fn number_in_a_sentence(m: &mut draft::Meta, paras: &[Para], reference: &Reference) {
    let number = paras
        .iter()
        .filter(|p| !meta::cites_basis(p))
        .find_map(|p| {
            let at = p
                .full
                .find("Kế hoạch số ")
                .or_else(|| p.full.find("Quyết định số "))?;
            let n = meta::document_numbers(&p.full[at..]).into_iter().next()?;
            (reference.programme(&n).is_none()).then(|| (n, p.full[at..].to_string()))
        });
    let Some((n, sentence)) = number else {
        return;
    };
    if m.period.is_none() {
        m.period = meta::period(&sentence)
            .map(|p| draft::Noted::doubtful(p, "năm hoặc giai đoạn đoán từ câu nêu số kế hoạch"));
    }
    m.kind = Some(if n.contains("/QĐ") {
        "quyet-dinh"
    } else {
        "ke-hoach"
    });
    m.number = Some(draft::Noted::doubtful(
        n,
        "số văn bản đọc từ câu văn của bài tin",
    ));
}

/// Body paragraphs grouped under their sub-headings (None for text before the first one).
fn grouped(body: &[Para], roman_top: bool) -> Vec<(Option<&Para>, Vec<&Para>)> {
    let mut out: Vec<(Option<&Para>, Vec<&Para>)> = vec![(None, vec![])];
    for p in body {
        if is_sub(p, roman_top) {
            out.push((Some(p), vec![]));
        } else if let Some(last) = out.last_mut() {
            last.1.push(p);
        }
    }
    out.retain(|(h, b)| h.is_some() || !b.is_empty());
    out
}

fn clean_item(p: &Para) -> String {
    p.text.trim().to_string()
}

fn purpose(d: &mut Draft, heading: &Para, body: &[Para], roman_top: bool) {
    for (h, items) in grouped(body, roman_top) {
        let key = plain(&h.map_or(heading.text.clone(), |h| h.text.clone()));
        let texts: Vec<String> = items.iter().map(|p| clean_item(p)).collect();
        if key.contains("yeu cau") && !key.contains("muc dich") {
            d.requirements.extend(texts);
        } else if key.contains("quan diem") {
            d.left_out.extend(texts);
        } else {
            d.purpose.extend(texts);
        }
    }
}

fn objectives(d: &mut Draft, body: &[Para], roman_top: bool, m: &targets::Matcher) {
    for (h, items) in grouped(body, roman_top) {
        let key = h.map(|h| plain(&h.text)).unwrap_or_default();
        let target_mode = key.contains("chi tieu") || key.contains("muc tieu cu the");
        for p in items {
            let found = targets::read_paragraph(m, &p.text);
            let national = found
                .iter()
                .any(|i| i.reference.is_some() || i.part_of.is_some());
            if !found.is_empty() && (target_mode || national) {
                d.indicators.extend(found);
            } else if key.contains("quan diem") {
                d.left_out.push(p.full.clone());
            } else {
                d.objectives.push(clean_item(p));
            }
        }
    }
}

/// "Thuộc nhóm nhiệm vụ của Chương trình: …": the sentence that names the programme's task
/// group of a group titled in the plan's own words (`render` writes it so).
const TASK_GROUP_LEAD: &str = "Thuộc nhóm nhiệm vụ của Chương trình:";

/// The programme's task group a paragraph names with [`TASK_GROUP_LEAD`].
fn named_group<'p>(text: &str, programme: &'p crate::reference::Programme) -> Option<&'p str> {
    let rest = text.trim().strip_prefix(TASK_GROUP_LEAD)?;
    let title = rest.trim().trim_end_matches('.');
    programme
        .task_groups
        .iter()
        .find(|g| crate::text::match_key(&g.title) == crate::text::match_key(title))
        .map(|g| g.id.as_str())
}

fn tasks(d: &mut Draft, body: &[Para], roman_top: bool, programme: &crate::reference::Programme) {
    // A document that names the programme's group of a task group names every one it
    // belongs to: a group it names none for (and is not titled as the programme's) belongs
    // to none, and is not guessed.
    let names_groups = body
        .iter()
        .any(|p| named_group(&p.text, programme).is_some());
    for (h, items) in grouped(body, roman_top) {
        let Some(h) = h else {
            d.left_out.extend(items.iter().map(|p| p.full.clone()));
            continue;
        };
        let heading_like = looks_like_heading(h);
        let title = if heading_like {
            h.text.trim().trim_end_matches(':').to_string()
        } else {
            targets::clauses(&h.text)
                .first()
                .cloned()
                .unwrap_or_default()
                .trim_end_matches(';')
                .to_string()
        };
        let mut its: Vec<String> = Vec::new();
        if !heading_like {
            its.push(h.text.clone());
        }
        let named = items.iter().find_map(|p| named_group(&p.text, programme));
        its.extend(
            items
                .iter()
                .filter(|p| named_group(&p.text, programme).is_none())
                .map(|p| clean_item(p)),
        );
        let (group, doubt) = match named {
            Some(id) => (Some(id.to_string()), None),
            // Titled as the programme titles it: render writes no sentence then.
            None if names_groups => (
                programme
                    .task_groups
                    .iter()
                    .find(|g| crate::text::match_key(&g.title) == crate::text::match_key(&title))
                    .map(|g| g.id.clone()),
                None,
            ),
            None => task_group(&title, programme),
        };
        d.tasks.push(TaskGroup {
            group,
            title,
            items: its,
            doubt,
        });
    }
}

/// The programme's task group a title names, by shared words.
fn task_group(
    title: &str,
    programme: &crate::reference::Programme,
) -> (Option<String>, Option<String>) {
    let words = |s: &str| -> std::collections::HashSet<String> {
        plain(s)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 1)
            .map(String::from)
            .collect()
    };
    let mine = words(title);
    let mut best: Option<(f64, &str)> = None;
    for g in &programme.task_groups {
        let theirs = words(&g.title);
        let shared = mine.intersection(&theirs).count() as f64;
        let score = shared / (mine.len().max(theirs.len()).max(1) as f64);
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, &g.id));
        }
    }
    match best {
        Some((s, id)) if s >= 0.6 => (Some(id.to_string()), None),
        Some((s, id)) if s >= 0.3 => (
            Some(id.to_string()),
            Some(format!("nhóm nhiệm vụ quốc gia đoán là {id}")),
        ),
        _ => (None, None),
    }
}

fn organisation(d: &mut Draft, body: &[Para], roman_top: bool, b: &agencies::Bodies) {
    for (h, items) in grouped(body, roman_top) {
        let Some(h) = h else {
            // Text before the first item: a reporting paragraph, or nothing we can place.
            for p in items {
                if plain(&p.text).contains("bao cao") && !report_every(&p.text).is_empty() {
                    d.reporting = Some(reporting(std::slice::from_ref(p), b));
                } else {
                    d.left_out.push(p.full.clone());
                }
            }
            continue;
        };
        let key = plain(&h.text);
        if key.contains("che do bao cao")
            || key.starts_with("bao cao")
            || key.contains("thong tin bao cao")
        {
            let ps: Vec<Para> = items.into_iter().cloned().collect();
            d.reporting = Some(reporting(&ps, b));
            continue;
        }
        let ps: Vec<Para> = items.into_iter().cloned().collect();
        // A long numbered paragraph is a title and its task in one ("4.6. Sở Tư pháp …").
        if looks_like_heading(h) {
            d.responsibilities.extend(agencies::item(b, &h.text, &ps));
        } else if let Some(r) = agencies::from_sentence(b, &h.text) {
            d.responsibilities.push(r);
        } else {
            d.left_out.push(h.full.clone());
        }
    }
}

/// A plan has one lead body: the first the section names among the programme's lead and its
/// successor (a mid-2025 plan may name both the old labour department and Sở Y tế).
fn single_lead(d: &mut Draft) {
    let mut seen = false;
    for r in d
        .responsibilities
        .iter_mut()
        .filter(|r| r.role == crate::model::Role::Lead)
    {
        if seen {
            r.role = crate::model::Role::Coordinate;
            r.doubts.push("cơ quan kế nhiệm chức năng chủ trì, nhưng kế hoạch đã giao chủ trì cho cơ quan nêu trước; để là phối hợp".into());
        }
        seen = true;
    }
}

fn report_every(text: &str) -> Vec<&'static str> {
    let p = plain(text);
    let mut every = Vec::new();
    if p.contains("6 thang") || p.contains("06 thang") || p.contains("sau thang") {
        every.push("6-months");
    }
    if p.contains("hang quy") || p.contains("hang quy") || p.contains(" quy,") {
        every.push("quarterly");
    }
    if p.contains("hang thang") {
        every.push("monthly");
    }
    if p.contains("01 nam")
        || p.contains("1 nam")
        || p.contains("hang nam")
        || p.contains("nam,")
        || p.contains("ca nam")
    {
        every.push("yearly");
    }
    if p.contains("dot xuat") {
        every.push("ad-hoc");
    }
    every
}

fn reporting(body: &[Para], b: &agencies::Bodies) -> Reporting {
    let text = body
        .iter()
        .map(|p| p.full.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Reporting {
        every: report_every(&text),
        to: reported_to(&text, b),
        text,
    }
}

/// The bodies a reporting paragraph reports to: the one after " về ", by its registry name
/// ("… báo cáo kết quả thực hiện về Sở Lao động – Thương binh và Xã hội để tổng hợp …"); in a
/// paragraph without one, the bodies listed right after "báo cáo", as it writes them ("định
/// kỳ báo cáo UBND tỉnh, Thường trực Ban Chỉ đạo 138 tỉnh và Bộ …"). Only names the registry
/// knows are taken.
fn reported_to(text: &str, b: &agencies::Bodies) -> Vec<String> {
    let until = |rest: &str, stops: &[&str]| {
        stops
            .iter()
            .filter_map(|s| rest.find(s))
            .min()
            .unwrap_or(rest.len())
    };
    if let Some(at) = text.find(" về ") {
        let rest = &text[at + " về ".len()..];
        let end = until(rest, &[" để ", ",", ";", ".", " trước "]);
        return b.canonical(rest[..end].trim()).into_iter().collect();
    }
    let Some(at) = text.find("báo cáo ") else {
        return Vec::new();
    };
    let rest = &text[at + "báo cáo ".len()..];
    let list = rest[..until(rest, &[" để ", ";", ". "])].trim_end_matches(['.', ' ']);
    let (names, _) = agencies::split_bodies(b, list);
    names
        .into_iter()
        .filter(|n| b.resolve(n).is_some())
        .collect()
}

/// A news summary has no numbered sections: targets and bodies are read from its sentences.
fn news(d: &mut Draft, paras: &[Para], m: &targets::Matcher, b: &agencies::Bodies) {
    for p in paras.iter().skip(1) {
        let found = targets::read_paragraph(m, &p.text);
        if !found.is_empty() {
            d.indicators.extend(found);
            continue;
        }
        if let Some(r) = agencies::from_sentence(b, &p.text) {
            // A body named again in a later paragraph gets more tasks, not a second entry.
            let id = b.resolve(&r.agency);
            match d
                .responsibilities
                .iter_mut()
                .find(|x| id.is_some() && b.resolve(&x.agency) == id)
            {
                Some(x) => x.tasks.extend(r.tasks),
                None => d.responsibilities.push(r),
            }
            continue;
        }
        d.left_out.push(p.full.clone());
    }
}
