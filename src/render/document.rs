//! The document's layout, built from a compiled plan. Sections the plan lacks are left
//! out and the rest renumbered; nothing is filled in with placeholder text.

use crate::compile::{CompiledIndicator, CompiledPlan, PlanTarget};
use crate::model::{DocKind, Level, ReportEvery, Role, Target};
use crate::reference::NationalIndicator;
use crate::text::{format_number, match_key};
use unicode_normalization::UnicodeNormalization;

pub const MOTTO_COUNTRY: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";

#[derive(Clone, Debug, PartialEq)]
pub enum Para {
    Text(String),
    Bullet(String),
}

#[derive(Clone, Debug)]
pub struct Subsection {
    pub number: usize,
    pub title: String,
    pub body: Vec<Para>,
}

#[derive(Clone, Debug)]
pub struct Section {
    pub numeral: &'static str,
    pub title: String,
    pub body: Vec<Para>,
    pub subsections: Vec<Subsection>,
}

#[derive(Clone, Debug)]
pub struct Signature {
    /// "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH".
    pub title_lines: Vec<String>,
    pub name: String,
}

#[derive(Clone, Debug)]
pub struct Document {
    /// "ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN".
    pub issuer: Vec<String>,
    /// "Số: 223/KH-UBND".
    pub number: Option<String>,
    /// "Nghệ An, ngày 26 tháng 3 năm 2024".
    pub place_date: Option<String>,
    /// "KẾ HOẠCH".
    pub kind: &'static str,
    /// The subject line in capitals, without the kind word.
    pub subject: Option<String>,
    /// "Căn cứ ..." lines.
    pub bases: Vec<String>,
    pub sections: Vec<Section>,
    pub recipients: Vec<String>,
    pub signature: Option<Signature>,
    /// For a decision that issues the plan (`kind: quyet-dinh`): its articles, signed, with
    /// the plan (the sections) attached after them.
    pub decision: Option<Decision>,
}

#[derive(Clone, Debug)]
pub struct Decision {
    /// "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN": the authority line above the bases.
    pub authority: Option<String>,
    /// "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch …", "Điều 2. …".
    pub articles: Vec<String>,
    /// The attached plan's heading ("KẾ HOẠCH") and subject line.
    pub plan_kind: &'static str,
    pub plan_subject: Option<String>,
    /// "(Ban hành kèm theo Quyết định số … ngày … của Ủy ban nhân dân tỉnh …)".
    pub attached: String,
}

const NUMERALS: [&str; 8] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];

fn tidy(s: &str) -> String {
    let nfc: String = s.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn upper(s: &str) -> String {
    tidy(s).to_uppercase()
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A list item as a sentence: capital first letter, closing full stop.
pub fn sentence(s: &str) -> String {
    let s = tidy(s);
    let s = s.trim_end_matches([';', ',']).trim_end();
    let mut out = capitalise(s);
    if !out.ends_with(['.', '…', '!', '?', ':']) {
        out.push('.');
    }
    out
}

/// The words of `s`, and whether the first `n` of them spell `phrase`.
fn starts_with_words(s: &str, phrase: &str) -> Option<String> {
    let words: Vec<&str> = s.split_whitespace().collect();
    let n = phrase.split_whitespace().count();
    (words.len() >= n && match_key(&words[..n].join(" ")) == match_key(phrase))
        .then(|| words[n..].join(" "))
}

/// "UBND tỉnh Nghệ An" → ["ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN"].
pub fn issuer_lines(issuer: &str) -> Vec<String> {
    for prefix in ["UBND", "Ủy ban nhân dân"] {
        if let Some(rest) = starts_with_words(issuer, prefix)
            && !rest.is_empty()
        {
            return vec!["ỦY BAN NHÂN DÂN".to_string(), upper(&rest)];
        }
    }
    vec![upper(issuer)]
}

/// "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN" in running text: "Ủy ban nhân dân tỉnh Nghệ An".
fn issuer_in_text(issuer: &str) -> String {
    match starts_with_words(issuer, "UBND") {
        Some(rest) if !rest.is_empty() => format!("Ủy ban nhân dân {rest}"),
        _ => tidy(issuer),
    }
}

/// The kind of a legal document from the code in its number ("1629/QĐ-TTg": Quyết định).
fn document_type(number: &str) -> Option<&'static str> {
    let code = number.rsplit('/').next()?;
    let code = code.split('-').next()?;
    Some(match match_key(code).as_str() {
        "qđ" => "Quyết định",
        "kh" => "Kế hoạch",
        "ct" => "Chỉ thị",
        "nq" => "Nghị quyết",
        "tt" => "Thông tư",
        "nđ" => "Nghị định",
        "pl" => "Pháp lệnh",
        _ => return None,
    })
}

fn basis_line(name: &str) -> String {
    let name = tidy(name);
    if name.contains(' ') {
        return format!("Căn cứ {name};");
    }
    match document_type(&name) {
        Some(t) => format!("Căn cứ {t} số {name};"),
        None => format!("Căn cứ {name};"),
    }
}

fn bases(plan: &CompiledPlan) -> Vec<String> {
    let meta = &plan.doc.plan.value;
    let mut out = Vec::new();
    let programme = plan.programme.filter(|_| !plan.programme_is_reference);
    let mut cited_programme = false;
    for i in meta.implements.iter().chain(&meta.basis) {
        let name = i.value.trim();
        match programme {
            Some(p) if plan.reference.programme(name).is_some_and(|x| x.id == p.id) => {
                // A document implementing the programme (808/QĐ-LĐTBXH): cited by number.
                if p.implementing
                    .iter()
                    .any(|x| match_key(x) == match_key(name))
                {
                    // With its date, issuer and subject when the data has them (seed 003:20-23).
                    let full = p
                        .implementing_documents
                        .iter()
                        .find(|d| match_key(&d.id) == match_key(name));
                    out.push(match (full, document_type(name)) {
                        (Some(d), Some(kind)) => format!(
                            "Căn cứ {kind} số {} ngày {} của {} {};",
                            d.id,
                            d.issued.vietnamese_short(),
                            d.issuer,
                            d.title
                        ),
                        _ => basis_line(name),
                    });
                    continue;
                }
                if cited_programme {
                    continue;
                }
                cited_programme = true;
                // The programme itself, with what the bundled data knows of it.
                let kind = document_type(&p.id).unwrap_or("Văn bản");
                out.push(format!(
                    "Căn cứ {kind} số {} ngày {} của {} phê duyệt {};",
                    p.id,
                    p.issued.vietnamese_short(),
                    p.issuer,
                    tidy(&p.title)
                ));
            }
            _ => out.push(basis_line(name)),
        }
    }
    out
}

fn bullets<'a>(items: impl IntoIterator<Item = &'a String>) -> Vec<Para> {
    items
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| Para::Bullet(sentence(s)))
        .collect()
}

/// The plan's target for one level, or for all levels when they agree.
fn single_target(ind: &CompiledIndicator) -> Option<Target> {
    let first = ind.targets.first()?.target;
    ind.targets
        .iter()
        .all(|t| t.target == first)
        .then_some(first)
}

/// The bare figure of a target as the national wording writes it: "70%", "3 - 5%".
fn bare(t: &Target) -> Option<String> {
    match *t {
        Target::Percent { value, .. } => Some(format!("{}%", format_number(value))),
        Target::Growth { min, max } if min == max => Some(format!("{}%", format_number(min))),
        Target::Growth { min, max } => {
            Some(format!("{} - {}%", format_number(min), format_number(max)))
        }
        Target::Count { value, .. } => Some(format_number(value)),
        Target::Frequency { .. } | Target::Qualitative { .. } => None,
    }
}

/// Replaces the first of `needles` found in `text` with `with` (lower-cased mid-sentence).
fn replace_first(text: &str, needles: &[String], with: &str) -> Option<String> {
    for needle in needles {
        for candidate in [needle.clone(), lower_first(needle)] {
            if let Some(at) = text.find(&candidate) {
                let with = if at == 0 {
                    capitalise(with)
                } else {
                    lower_first(with)
                };
                return Some(format!(
                    "{}{}{}",
                    &text[..at],
                    with,
                    &text[at + candidate.len()..]
                ));
            }
        }
    }
    None
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

fn level_phrase(level: Option<Level>) -> &'static str {
    match level {
        Some(Level::Province) => " ở cấp tỉnh",
        Some(Level::District) => " ở cấp huyện",
        Some(Level::Commune) => " ở cấp xã",
        None => "",
    }
}

/// A target as words: its Vietnamese phrase, or the plan's own words for a qualitative target.
fn phrase(t: &PlanTarget) -> String {
    match t.target {
        Target::Qualitative { .. } if t.written.trim().is_empty() => {
            "(kế hoạch không nêu chỉ tiêu)".to_string()
        }
        Target::Qualitative { .. } => t.written.trim().to_string(),
        target => target.vietnamese_phrase(),
    }
}

/// The national wording with the plan's target put in place of the national one:
/// "Ít nhất 60% người lao động ..." → "Ít nhất 50% người lao động ...".
fn national_sentence(n: &NationalIndicator, ind: &CompiledIndicator) -> String {
    let text = tidy(&n.text);
    if let (Some(plan), [(None, national)]) = (single_target(ind), n.targets.as_slice())
        && plan.measure() == national.measure()
    {
        let mut needles = vec![national.vietnamese_phrase()];
        needles.extend(bare(national));
        let with = match (bare(&plan), bare(national)) {
            // Where only the bare figure is written, only the figure changes.
            (Some(b), Some(nb))
                if !text.contains(&national.vietnamese_phrase())
                    && !text.contains(&lower_first(&national.vietnamese_phrase()))
                    && text.contains(&nb) =>
            {
                b
            }
            _ => plan.vietnamese_phrase(),
        };
        if let Some(s) = replace_first(&text, &needles, &with) {
            return sentence(&s);
        }
    }
    if ind.targets.len() == n.targets.len()
        && ind
            .targets
            .iter()
            .zip(&n.targets)
            .all(|(p, (l, t))| p.level == *l && p.target == *t)
    {
        return sentence(&text);
    }
    let phrases: Vec<String> = ind
        .targets
        .iter()
        .map(|t| format!("{}{}", lower_first(&phrase(t)), level_phrase(t.level)))
        .collect();
    sentence(&format!("{}: {}", n.short, phrases.join("; ")))
}

/// One target of section II as a sentence: the plan's own wording when it has one and it
/// agrees with the target; otherwise written from the target, which is what `check` verified.
pub fn indicator_sentence(ind: &CompiledIndicator) -> String {
    if let Some(t) = ind.text.as_deref().filter(|t| !t.trim().is_empty())
        && ind.text_disagrees().is_none()
    {
        return sentence(t);
    }
    if let Some(n) = ind.national {
        return national_sentence(n, ind);
    }
    let phrases: Vec<String> = ind
        .targets
        .iter()
        .map(|t| {
            let unit = ind
                .unit
                .as_deref()
                .map(|u| format!(" {u}"))
                .unwrap_or_default();
            format!("{}{unit}{}", phrase(t), level_phrase(t.level))
        })
        .collect();
    sentence(&format!("{} ({})", phrases.join("; "), ind.key))
}

fn reporting_sentence(plan: &CompiledPlan) -> Option<String> {
    let r = &plan.doc.reporting.as_ref()?.value;
    if let Some(t) = r.text.as_deref().filter(|t| !t.trim().is_empty()) {
        return Some(tidy(t));
    }
    let periodic: Vec<&str> = r
        .every
        .iter()
        .filter_map(|e| match e.value {
            ReportEvery::Monthly => Some("hằng tháng"),
            ReportEvery::Quarterly => Some("hằng quý"),
            ReportEvery::SixMonths => Some("6 tháng"),
            ReportEvery::Yearly => Some("hằng năm"),
            ReportEvery::AdHoc => None,
        })
        .collect();
    let ad_hoc = r.every.iter().any(|e| e.value == ReportEvery::AdHoc);
    let when = match (periodic.is_empty(), ad_hoc) {
        (false, true) => format!("Định kỳ {} và đột xuất báo cáo", periodic.join(", ")),
        (false, false) => format!("Định kỳ {} báo cáo", periodic.join(", ")),
        (true, true) => "Báo cáo đột xuất".to_string(),
        (true, false) if r.to.is_empty() => return None,
        (true, false) => "Báo cáo".to_string(),
    };
    let to: Vec<String> = r.to.iter().map(|t| tidy(&t.value)).collect();
    Some(if to.is_empty() {
        format!("{when} kết quả thực hiện.")
    } else {
        format!("{when} kết quả thực hiện về {}.", to.join(", "))
    })
}

fn subsections(parts: Vec<(String, Vec<Para>)>) -> Vec<Subsection> {
    parts
        .into_iter()
        .enumerate()
        .map(|(i, (title, body))| Subsection {
            number: i + 1,
            title,
            body,
        })
        .collect()
}

/// A numbered section before it is given its numeral: title, text, numbered items.
type Part = (String, Vec<Para>, Vec<Subsection>);

pub fn build(plan: &CompiledPlan) -> Document {
    let meta = &plan.doc.plan.value;
    let kind = match meta.kind.as_ref().map(|k| k.value) {
        Some(DocKind::QuyetDinh) => ("QUYẾT ĐỊNH", "Quyết định"),
        _ => ("KẾ HOẠCH", "Kế hoạch"),
    };
    let subject = meta.title.as_ref().map(|t| {
        let t = tidy(&t.value);
        let rest = starts_with_words(&t, kind.1).unwrap_or(t);
        upper(&rest)
    });
    let place = meta
        .place
        .as_ref()
        .map(|p| tidy(&p.value))
        .or_else(|| plan.province.map(|p| p.name.clone()))
        .unwrap_or_else(|| tidy(&meta.province.value));
    let decision = (kind.1 == "Quyết định")
        .then(|| decision(plan, meta.title.as_ref().map(|t| t.value.as_str())));
    Document {
        issuer: meta
            .issuer
            .as_ref()
            .map(|i| issuer_lines(&i.value))
            .unwrap_or_default(),
        number: meta
            .number
            .as_ref()
            .map(|n| format!("Số: {}", tidy(&n.value))),
        place_date: plan
            .issued
            .map(|d| format!("{place}, {}", d.vietnamese_long())),
        kind: kind.0,
        subject,
        bases: preamble(plan, kind.1, decision.is_some()),
        sections: sections(plan)
            .into_iter()
            .zip(NUMERALS)
            .map(|((title, body, subsections), numeral)| Section {
                numeral,
                title,
                body,
                subsections,
            })
            .collect(),
        recipients: meta.recipients.iter().map(|r| tidy(r)).collect(),
        signature: meta.signer.as_ref().map(signature),
        decision,
    }
}

/// The numbered sections, each only when the plan has something for it.
fn sections(plan: &CompiledPlan) -> Vec<Part> {
    let doc = &plan.doc;
    let mut sections: Vec<Part> = Vec::new();
    let mut parts = Vec::new();
    if !doc.purpose.is_empty() {
        parts.push(("Mục đích".to_string(), bullets(&doc.purpose)));
    }
    if !doc.requirements.is_empty() {
        parts.push(("Yêu cầu".to_string(), bullets(&doc.requirements)));
    }
    if !parts.is_empty() {
        sections.push(("MỤC ĐÍCH, YÊU CẦU".into(), vec![], subsections(parts)));
    }
    sections.extend(objectives_section(plan));
    let groups: Vec<(String, Vec<Para>)> = doc
        .tasks
        .iter()
        .filter_map(|g| task_group(plan, g))
        .collect();
    if !groups.is_empty() {
        sections.push(("NHIỆM VỤ, GIẢI PHÁP".into(), vec![], subsections(groups)));
    }
    if let Some(b) = doc.budget.as_ref().filter(|b| !b.value.trim().is_empty()) {
        sections.push((
            "KINH PHÍ THỰC HIỆN".into(),
            vec![Para::Text(sentence(&b.value))],
            vec![],
        ));
    }
    sections.extend(organisation_section(plan));
    sections
}

/// "Mục tiêu, chỉ tiêu": the general objectives, then one sentence per target.
fn objectives_section(plan: &CompiledPlan) -> Option<Part> {
    let doc = &plan.doc;
    let mut parts = Vec::new();
    if !doc.objectives.is_empty() {
        let body = if doc.objectives.len() == 1 {
            vec![Para::Text(sentence(&doc.objectives[0]))]
        } else {
            bullets(&doc.objectives)
        };
        parts.push(("Mục tiêu".to_string(), body));
    }
    if !plan.indicators.is_empty() {
        let body = plan
            .indicators
            .iter()
            .map(|i| Para::Bullet(indicator_sentence(i)))
            .collect();
        parts.push(("Các chỉ tiêu cụ thể".to_string(), body));
    }
    (!parts.is_empty()).then(|| ("MỤC TIÊU, CHỈ TIÊU".into(), vec![], subsections(parts)))
}

/// "Tổ chức thực hiện": one numbered item per responsibility entry, however many bodies it
/// names (`also:`), then the reporting duty.
fn organisation_section(plan: &CompiledPlan) -> Option<Part> {
    let mut parts: Vec<(String, Vec<Para>)> = Vec::new();
    let mut last_item = None;
    for a in &plan.agencies {
        if last_item == Some(a.item)
            && let Some((title, _)) = parts.last_mut()
        {
            title.push_str(", ");
            title.push_str(&a.name);
            continue;
        }
        last_item = Some(a.item);
        let title = if a.role == Role::Requested {
            format!("Đề nghị {}", a.name)
        } else {
            a.name.clone()
        };
        parts.push((title, bullets(&a.tasks)));
    }
    if let Some(r) = reporting_sentence(plan) {
        parts.push(("Chế độ báo cáo".to_string(), vec![Para::Text(r)]));
    }
    (!parts.is_empty()).then(|| ("TỔ CHỨC THỰC HIỆN".into(), vec![], subsections(parts)))
}

/// The lines between the title and section I: the documents cited, then (for a plan) the
/// issuer's "… ban hành Kế hoạch … như sau:".
fn preamble(plan: &CompiledPlan, kind: &str, is_decision: bool) -> Vec<String> {
    let meta = &plan.doc.plan.value;
    let mut bases = bases(plan);
    // A plan carries out the documents it cites ("Thực hiện Quyết định số ..."); "Căn cứ" is
    // the connective of a decision (Quyết định).
    if kind == "Kế hoạch" {
        for b in &mut bases {
            if let Some(rest) = b.strip_prefix("Căn cứ ") {
                *b = format!("Thực hiện {rest}");
            }
        }
    }
    if is_decision {
        // A decision's bases end at "QUYẾT ĐỊNH:", which the writers print before the articles.
    } else if let (false, Some(issuer)) = (bases.is_empty(), meta.issuer.as_ref()) {
        let period = period_unless_titled(plan)
            .map(|p| format!(" {p}"))
            .unwrap_or_default();
        bases.push(format!(
            "{} ban hành {kind}{period} như sau:",
            issuer_in_text(&issuer.value),
        ));
    }
    bases
}

/// The signature block: "KT. CHỦ TỊCH - PHÓ CHỦ TỊCH" one line per part, as signed.
fn signature(s: &crate::model::Signer) -> Signature {
    Signature {
        title_lines: s
            .title
            .as_deref()
            .map(|t| {
                tidy(t)
                    .split(" - ")
                    .flat_map(|p| p.split(" / "))
                    .map(upper)
                    .filter(|l| !l.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
        name: tidy(&s.name),
    }
}

/// The sentence that names the programme's task group a group of tasks belongs to, when the
/// plan titles the group in its own words: without it the document would not say which of the
/// programme's groups it carries out, and `import` could only guess from the words.
/// The programme's title follows without quotation marks: schemas/ holds the titles as a
/// provincial plan words them, unconfirmed against the Decision, so they are not quoted as its.
pub const TASK_GROUP_LEAD: &str = "Thuộc nhóm nhiệm vụ của Chương trình";

/// One group of section "Nhiệm vụ, giải pháp": its title (the plan's, else the programme's)
/// and its items, after the sentence naming the programme's group when the titles differ.
fn task_group(plan: &CompiledPlan, g: &crate::model::TaskGroup) -> Option<(String, Vec<Para>)> {
    let national = g.group.as_ref().and_then(|id| {
        plan.programme?
            .task_groups
            .iter()
            .find(|t| t.id == id.value.trim())
    });
    // A heading closes with no full stop (the plan's own title may carry one).
    let own = g
        .title
        .as_deref()
        .map(|t| tidy(t).trim_end_matches('.').to_string());
    let mut body = bullets(&g.items);
    if let (Some(n), Some(own)) = (national, own.as_deref())
        && match_key(own) != match_key(&n.title)
    {
        body.insert(
            0,
            Para::Text(format!("{TASK_GROUP_LEAD}: {}.", tidy(&n.title))),
        );
    }
    let title = own.or_else(|| national.map(|n| n.title.clone()));
    (title.is_some() || !body.is_empty()).then(|| (title.unwrap_or_default(), body))
}

/// The plan's period in words ("năm 2024", "giai đoạn 2021 - 2025") when its title does not
/// already say it. A plan without a title, or one titled without its years, would otherwise
/// leave its period out of the document, and a reader (or `kehoach import`) would take the
/// programme's "giai đoạn 2021 - 2025" cited above it for the plan's own.
fn period_unless_titled(plan: &CompiledPlan) -> Option<String> {
    if plan.start == 0 {
        return None;
    }
    let title = plan
        .doc
        .plan
        .value
        .title
        .as_ref()
        .map(|t| t.value.as_str())
        .unwrap_or("");
    let years = [plan.start, plan.end];
    if years.iter().all(|y| title.contains(&y.to_string())) {
        return None;
    }
    Some(if plan.start == plan.end {
        format!("năm {}", plan.start)
    } else {
        format!("giai đoạn {} - {}", plan.start, plan.end)
    })
}

/// The articles of a decision that issues the plan, in the usual form of such decisions:
/// Điều 1 issues the attached plan, Điều 2 gives the entry into force, Điều 3 names the
/// bodies that carry it out (those the plan gives tasks, not those it only requests).
fn decision(plan: &CompiledPlan, title: Option<&str>) -> Decision {
    let meta = &plan.doc.plan.value;
    // "Quyết định (về việc) ban hành Kế hoạch X" → "Kế hoạch X".
    let plan_title = title.map(tidy).map(|t| {
        let mut rest = starts_with_words(&t, "Quyết định").unwrap_or(t);
        for lead in ["về việc", "ban hành"] {
            rest = starts_with_words(&rest, lead).unwrap_or(rest);
        }
        match starts_with_words(&rest, "Kế hoạch") {
            Some(_) => capitalise(&rest),
            None => format!("Kế hoạch {rest}"),
        }
    });
    let mut articles = vec![match &plan_title {
        Some(t) => format!("Điều 1. Ban hành kèm theo Quyết định này {t}."),
        None => {
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống mại dâm.".to_string()
        }
    }];
    articles.push("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.".to_string());
    let bodies: Vec<&str> = plan
        .agencies
        .iter()
        .filter(|a| a.role != Role::Requested)
        .map(|a| a.name.as_str())
        .collect();
    articles.push(if bodies.is_empty() {
        "Điều 3. Các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này.".to_string()
    } else {
        format!(
            "Điều 3. Thủ trưởng các cơ quan, đơn vị: {}; các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này.",
            bodies.join(", ")
        )
    });
    let issuer = meta.issuer.as_ref().map(|i| issuer_in_text(&i.value));
    let mut attached = "(Ban hành kèm theo Quyết định".to_string();
    if let Some(n) = &meta.number {
        attached.push_str(&format!(" số {}", tidy(&n.value)));
    }
    if let Some(d) = plan.issued {
        attached.push_str(&format!(" ngày {}", d.vietnamese_short()));
    }
    if let Some(i) = &issuer {
        attached.push_str(&format!(" của {i}"));
    }
    attached.push(')');
    Decision {
        authority: meta
            .issuer
            .as_ref()
            .map(|i| upper(&issuer_in_text(&i.value))),
        articles,
        plan_kind: "KẾ HOẠCH",
        plan_subject: plan_title.map(|t| upper(&starts_with_words(&t, "Kế hoạch").unwrap_or(t))),
        attached,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issuer_is_split_into_body_and_locality() {
        assert_eq!(
            issuer_lines("UBND tỉnh Nghệ An"),
            ["ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN"]
        );
        assert_eq!(
            issuer_lines("Uỷ ban nhân dân thành phố Hà Nội"),
            ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"]
        );
        assert_eq!(issuer_lines("Sở Y tế"), ["SỞ Y TẾ"]);
    }

    #[test]
    fn document_types_come_from_the_number() {
        assert_eq!(document_type("1629/QĐ-TTg"), Some("Quyết định"));
        assert_eq!(document_type("10/2003/PL-UBTVQH11"), Some("Pháp lệnh"));
        assert_eq!(document_type("abc"), None);
        assert_eq!(
            basis_line("808/QĐ-LĐTBXH"),
            "Căn cứ Quyết định số 808/QĐ-LĐTBXH;"
        );
    }

    #[test]
    fn list_items_become_sentences() {
        assert_eq!(
            sentence("ít nhất 60%  người lao động"),
            "Ít nhất 60% người lao động."
        );
        assert_eq!(sentence("Xử lý nghiêm;"), "Xử lý nghiêm.");
        assert_eq!(sentence("Đã xong."), "Đã xong.");
    }
}
