//! The organisation section ("Tổ chức thực hiện"): one numbered item per body or group of
//! bodies, its role, and its tasks. Names are resolved with the agency registry
//! ([`AgencyRegistry::resolve`]); a title naming several bodies ("Đài Phát thanh và Truyền hình
//! tỉnh, Báo Nghệ An") gives one entry per body with the same tasks.

use super::draft::Responsibility;
use super::segment::{Marker, Para, plain};
use crate::date::Date;
use crate::model::Role;
use crate::reference::{AgencyRegistry, Province, Reference, Requirement};

pub struct Bodies<'a> {
    pub registry: &'a AgencyRegistry,
    pub province: Option<&'a Province>,
    /// Ids of the programme's lead body and its successors on the plan's date.
    pub lead_ids: Vec<String>,
}

impl<'a> Bodies<'a> {
    pub fn new(
        reference: &'a Reference,
        province: Option<&'a Province>,
        date: Option<Date>,
    ) -> Bodies<'a> {
        let registry = &reference.agencies;
        let mut lead_ids = Vec::new();
        for p in &reference.programmes {
            for a in p
                .agencies
                .iter()
                .filter(|a| a.requirement == Requirement::Lead)
            {
                lead_ids.push(a.agency.clone());
                if let Some(d) = date
                    && let Some(now) = registry.in_force_on(&a.agency, d)
                {
                    lead_ids.push(now.id.clone());
                }
            }
        }
        Bodies {
            registry,
            province,
            lead_ids,
        }
    }

    /// The registry's own spelling of a body.
    pub fn canonical(&self, name: &str) -> Option<String> {
        self.registry
            .resolve(name, self.province)
            .map(|a| a.name.clone())
    }

    pub fn resolve(&self, name: &str) -> Option<String> {
        self.registry
            .resolve(name, self.province)
            .map(|a| a.id.clone())
    }
}

/// "Đề nghị …" asks a body the committee cannot instruct.
fn strip_request(title: &str) -> (bool, &str) {
    for w in ["Đề nghị", "đề nghị", "ĐỀ NGHỊ"] {
        if let Some(rest) = title.strip_prefix(w) {
            return (true, rest.trim_start());
        }
    }
    (false, title)
}

/// The bodies a title names, each as printed, and doubts about them.
pub fn split_bodies(b: &Bodies, title: &str) -> (Vec<String>, Vec<String>) {
    let title = title.trim().trim_end_matches([':', '.', ';']).trim();
    if let Some(id) = b.resolve(title) {
        // "… và các tổ chức thành viên": the members are not named; the body is.
        if let Some(at) = title.find(" và các ")
            && b.resolve(&title[..at]) == Some(id)
        {
            let dropped = title[at + " và ".len()..].to_string();
            return (
                vec![title[..at].to_string()],
                vec![format!(
                    "“{dropped}” không nêu tên cơ quan cụ thể; đã bỏ qua"
                )],
            );
        }
        return (vec![title.to_string()], vec![]);
    }
    let parts = title_parts(title);
    let mut names = Vec::new();
    let mut doubts = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        if let Some((j, name)) = longest_known(b, &parts, i) {
            names.push(name);
            i = j;
            continue;
        }
        let part = parts[i].0.trim();
        if plain(part).starts_with("cac ") {
            doubts.push(format!("“{part}” không nêu tên cơ quan cụ thể; đã bỏ qua"));
        } else if !part.is_empty() {
            // An unknown body keeps its words; the rest of the title may complete it.
            let mut name = part.to_string();
            let mut j = i + 1;
            while j < parts.len()
                && b.resolve(&parts[j].0).is_none()
                && !plain(&parts[j].0).starts_with("cac ")
            {
                name.push_str(parts[j - 1].1);
                name.push_str(&parts[j].0);
                j += 1;
            }
            doubts.push(format!("không nhận ra cơ quan “{name}” trong danh mục"));
            names.push(name);
            i = j;
            continue;
        }
        i += 1;
    }
    (names, doubts)
}

/// A title cut between ", ", " và " and "; ": each part with the separator after it.
fn title_parts(title: &str) -> Vec<(String, &'static str)> {
    let mut parts = Vec::new();
    let mut rest = title;
    loop {
        let cut = [", ", " và ", "; "]
            .iter()
            .filter_map(|s| rest.find(s).map(|at| (at, *s)))
            .min_by_key(|(at, _)| *at);
        match cut {
            Some((at, sep)) => {
                parts.push((rest[..at].to_string(), sep));
                rest = &rest[at + sep.len()..];
            }
            None => {
                parts.push((rest.to_string(), ""));
                break;
            }
        }
    }
    parts
}

/// The most parts from `i` on that together make a known name ("Sở Văn hóa, Thể thao và Du
/// lịch"): the part after the last one taken, and the name.
fn longest_known(b: &Bodies, parts: &[(String, &str)], i: usize) -> Option<(usize, String)> {
    for j in (i + 1..=parts.len()).rev() {
        let mut name = String::new();
        for (k, (p, sep)) in parts[i..j].iter().enumerate() {
            name.push_str(p);
            if k + 1 < j - i {
                name.push_str(sep);
            }
        }
        if b.resolve(&name).is_some() {
            return Some((j, name));
        }
    }
    None
}

/// Splits a body paragraph into tasks: at ";" and at sentence ends.
pub fn tasks_of(p: &Para) -> Vec<String> {
    if p.marker == Marker::Bullet {
        return vec![p.text.trim().trim_end_matches(';').trim().to_string()];
    }
    super::targets::clauses(&p.text)
        .into_iter()
        .map(|c| capitalise(c.trim_end_matches(';').trim()))
        .filter(|c| !c.is_empty())
        .collect()
}

pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// One organisation item: its title and its body paragraphs.
pub fn item(b: &Bodies, title: &str, body: &[Para]) -> Vec<Responsibility> {
    let (requested, rest) = strip_request(title);
    // "Sở Y tế: chỉ đạo …" — a title and its first task on one line.
    let (name_part, inline) = match rest.split_once(':') {
        Some((n, t)) if !t.trim().is_empty() => (n, Some(t.trim())),
        _ => (rest, None),
    };
    let (names, doubts) = split_bodies(b, name_part);
    let mut tasks = Vec::new();
    if let Some(t) = inline {
        tasks.extend(tasks_of(&super::segment::para(t)));
    }
    for p in body {
        tasks.extend(tasks_of(p));
    }
    // As in a news sentence: an item whose first task is "Phối hợp với …" gives its body a
    // coordinating role, over the lead the programme expects.
    let coordinates = tasks
        .first()
        .is_some_and(|t: &String| plain(t).starts_with("phoi hop"));
    names
        .into_iter()
        .map(|name| {
            let id = b.resolve(&name);
            let role = if requested {
                Role::Requested
            } else if coordinates {
                Role::Coordinate
            } else if id.as_ref().is_some_and(|i| b.lead_ids.contains(i)) {
                Role::Lead
            } else {
                Role::Coordinate
            };
            let mut d = doubts.clone();
            if id.is_none() {
                d.retain(|x| x.contains(&name));
            } else {
                d.retain(|x| !x.contains("không nhận ra"));
            }
            Responsibility {
                agency: name,
                role,
                tasks: tasks.clone(),
                doubts: d,
            }
        })
        .collect()
}

/// In a news summary, a paragraph that opens with a body's name ("Sở Y tế chủ trì …",
/// "UBND tỉnh giao Sở Lao động … chủ trì, …"): the body, and the tasks after its name.
pub fn from_sentence(b: &Bodies, text: &str) -> Option<Responsibility> {
    let lead_in = [
        "UBND tỉnh giao ",
        "Ủy ban nhân dân tỉnh giao ",
        "UBND tỉnh yêu cầu ",
        "Giao ",
    ];
    let mut t = text.trim();
    for l in lead_in {
        if let Some(r) = t.strip_prefix(l) {
            t = r;
        }
    }
    let words: Vec<&str> = t.split(' ').collect();
    let first = plain(words.first()?);
    if ![
        "so", "cong", "bo", "ubnd", "uy", "dai", "bao", "toa", "vien", "hoi", "doan",
    ]
    .contains(&first.as_str())
    {
        return None;
    }
    // The longest run of words that names a known body.
    let (n, name) = (2..=words.len().min(12))
        .rev()
        .map(|n| {
            (
                n,
                words[..n]
                    .join(" ")
                    .trim_end_matches([',', ':', ';'])
                    .to_string(),
            )
        })
        .find(|(_, name)| b.resolve(name).is_some())?;
    let rest = words[n..].join(" ");
    let rest = rest.trim_start_matches([',', ':', ' ']);
    let p = super::segment::para(rest);
    let id = b.resolve(&name);
    let requested = text.trim_start().starts_with("Đề nghị");
    // The sentence's own word wins over the lead the programme expects: "Giao Sở Lao động …
    // phối hợp với …" makes it a coordinating body (Hà Nội 46/KH-UBND, review §1.14).
    let coordinates = plain(rest).starts_with("phoi hop");
    let role = if requested {
        Role::Requested
    } else if coordinates {
        Role::Coordinate
    } else if id.as_ref().is_some_and(|i| b.lead_ids.contains(i)) {
        Role::Lead
    } else {
        Role::Coordinate
    };
    Some(Responsibility {
        agency: name,
        role,
        tasks: tasks_of(&p),
        doubts: vec![
            "tên cơ quan và nhiệm vụ đọc từ câu văn của bài tin, không từ mục đánh số".into(),
        ],
    })
}
