//! The document's heading and closing: issuer, number, place and date, title, period, the
//! programmes and legal bases it cites, the signature block and the recipients.

use super::draft::{Meta, Noted};
use super::segment::{Para, plain};
use crate::reference::{Province, Reference};

/// Document numbers as printed: "223/KH-UBND", "1629/QĐ-TTg", "10/2003/PL-UBTVQH11".
pub fn document_numbers(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in s.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')')) {
        let w = w.trim_end_matches(['.', ':']);
        let starts_digit = w.starts_with(|c: char| c.is_ascii_digit());
        let has_letters = w.chars().any(char::is_alphabetic);
        if starts_digit
            && w.contains('/')
            && w.contains('-')
            && has_letters
            && !out.contains(&w.to_string())
        {
            out.push(w.to_string());
        }
    }
    out
}

/// "Nghệ An, ngày 26 tháng 3 năm 2024" → ("Nghệ An", "2024-03-26").
pub fn place_date(s: &str) -> Option<(String, String)> {
    let at = s.find(", ngày ")?;
    let place = s[..at].trim().trim_start_matches('|').trim().to_string();
    let rest = &s[at + ", ngày ".len()..];
    let nums: Vec<u32> = rest
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| !w.is_empty())
        .take(3)
        .filter_map(|w| w.parse().ok())
        .collect();
    if nums.len() < 3 || place.is_empty() || place.chars().count() > 40 {
        return None;
    }
    Some((
        place,
        format!("{:04}-{:02}-{:02}", nums[2], nums[1], nums[0]),
    ))
}

/// "THỰC HIỆN PHÒNG, CHỐNG MẠI DÂM … TỈNH NGHỆ AN NĂM 2024" → sentence case, with the
/// province's own capitals restored.
fn sentence_case(s: &str, province: Option<&Province>) -> String {
    let lower = s.to_lowercase();
    let mut out = super::agencies::capitalise(&lower);
    if let Some(p) = province {
        let name_lower = p.name.to_lowercase();
        if let Some(at) = out.find(&name_lower) {
            out.replace_range(at..at + name_lower.len(), &p.name);
        }
    }
    out
}

/// "2021 – 2025" or "2024" from a title or a sentence.
pub fn period(s: &str) -> Option<String> {
    let p = plain(s);
    if let Some(at) = p.find("giai doan ") {
        let years: Vec<&str> = p[at..]
            .split(|c: char| !c.is_ascii_digit())
            .filter(|w| w.len() == 4)
            .take(2)
            .collect();
        if years.len() == 2 {
            return Some(format!("{}-{}", years[0], years[1]));
        }
    }
    for key in ["nam ", "nam"] {
        let mut from = 0;
        while let Some(at) = p[from..].find(key) {
            let rest = &p[from + at + key.len()..];
            let y: String = rest
                .trim_start()
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            if y.len() == 4 && (y.starts_with("20") || y.starts_with("19")) {
                return Some(y);
            }
            from += at + key.len();
        }
    }
    None
}

/// Reads the heading from the paragraphs before the first section.
pub fn heading(paras: &[Para], first_section: usize, reference: &Reference, source: &str) -> Meta {
    let mut m = Meta {
        source: source.to_string(),
        ..Meta::default()
    };
    let head = &paras[..first_section.min(paras.len())];
    number_and_date(head, &mut m);
    // Issuer and province: "ỦY BAN NHÂN DÂN" / "TỈNH NGHỆ AN" (or "THÀNH PHỐ HÀ NỘI").
    let province = find_province(head, reference).or_else(|| {
        m.place
            .as_ref()
            .and_then(|p| reference.provinces.resolve(&p.value))
    });
    if let Some(p) = province {
        issuer(head, p, &mut m);
    }
    title(head, province, &mut m);
    if m.period.is_none() {
        m.period = period(&own_words(head))
            .map(|p| Noted::doubtful(p, "năm hoặc giai đoạn đoán từ phần mở đầu"));
    }
    cited(head, reference, &mut m);
    m
}

/// "Số: 223/KH-UBND" (a number with /QĐ is a decision's) and "Nghệ An, ngày 26 tháng 3 năm 2024".
fn number_and_date(head: &[Para], m: &mut Meta) {
    for p in head {
        if let Some(rest) = p.full.trim_start_matches('|').trim().strip_prefix("Số")
            && let Some(n) = document_numbers(rest.trim_start_matches([':', ' '])).first()
        {
            m.number = Some(Noted::sure(n.clone()));
            m.kind = Some(if n.contains("/QĐ") {
                "quyet-dinh"
            } else {
                "ke-hoach"
            });
            break;
        }
    }
    for p in head {
        if let Some((place, date)) = place_date(&p.full) {
            m.place = Some(Noted::sure(place));
            m.issued = Some(Noted::sure(date));
            break;
        }
    }
}

/// The province, and the issuer when the heading names a People's Committee.
fn issuer(head: &[Para], p: &Province, m: &mut Meta) {
    m.province = Some(Noted::sure(p.name.clone()));
    let unit = if p.kind.contains("city") || p.kind.contains("thành phố") {
        "thành phố"
    } else {
        "tỉnh"
    };
    let committee = head
        .iter()
        .any(|x| plain(&x.full).contains("uy ban nhan dan") || plain(&x.full).contains("ubnd"));
    if committee {
        m.issuer = Some(Noted::sure(format!("UBND {unit} {}", p.name)));
    }
}

/// The title: the capitals after "KẾ HOẠCH" (or the Decision's annexed plan), in sentence
/// case, and the period it names.
fn title(head: &[Para], province: Option<&Province>, m: &mut Meta) {
    let Some(k) = head.iter().position(|p| {
        let t = p.full.trim();
        t == "KẾ HOẠCH" || t.starts_with("KẾ HOẠCH ")
    }) else {
        return;
    };
    // A plan without a number ("Số: …") is still a plan: its heading says so.
    m.kind.get_or_insert("ke-hoach");
    let rest = head[k].full.trim().trim_start_matches("KẾ HOẠCH").trim();
    // The title is every capitalised paragraph after "KẾ HOẠCH" ("… NĂM" / "2024").
    let mut title_words = rest.to_string();
    for p in head.iter().skip(k + 1) {
        if p.full.chars().any(char::is_lowercase) || p.full.trim() == "|" {
            break;
        }
        title_words = format!("{title_words} {}", p.full.trim())
            .trim()
            .to_string();
    }
    if title_words.is_empty() {
        return;
    }
    let cased = sentence_case(&title_words, province);
    // "DỰ THẢO KẾ HOẠCH …" names its kind itself; "THỰC HIỆN …" does not.
    let title = if plain(&title_words).contains("ke hoach") {
        cased
    } else {
        format!("Kế hoạch {}", cased.to_lowercase_first())
    };
    m.title = Some(Noted::doubtful(
        fix_province(&title, province),
        "tên kế hoạch chuyển từ chữ in hoa sang chữ thường; xem lại chữ hoa của tên riêng",
    ));
    m.period = period(&title_words).map(Noted::sure);
}

/// Programmes and legal bases cited in the preamble, by their numbers.
fn cited(head: &[Para], reference: &Reference, m: &mut Meta) {
    let all_text: String = head
        .iter()
        .map(|p| p.full.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    for n in document_numbers(&all_text) {
        if m.number.as_ref().is_some_and(|x| x.value == n) {
            continue;
        }
        let is_programme = reference.programme(&n).is_some();
        let list = if is_programme {
            &mut m.implements
        } else {
            &mut m.basis
        };
        if !list.contains(&n) {
            list.push(n);
        }
    }
}

/// Whether a paragraph cites another document as a basis ("Căn cứ …", "Thực hiện …"): its
/// years and numbers are that document's ("Chương trình … giai đoạn 2021 - 2025"), not the plan's.
pub fn cites_basis(p: &Para) -> bool {
    let t = plain(p.full.trim_start_matches('|').trim());
    t.starts_with("can cu ") || t.starts_with("thuc hien ")
}

/// The paragraphs' text without those that cite a basis.
pub fn own_words(paras: &[Para]) -> String {
    paras
        .iter()
        .filter(|p| !cites_basis(p))
        .map(|p| p.full.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

trait LowerFirst {
    fn to_lowercase_first(&self) -> String;
}

impl LowerFirst for String {
    fn to_lowercase_first(&self) -> String {
        let mut c = self.chars();
        match c.next() {
            Some(f) => f.to_lowercase().chain(c).collect(),
            None => String::new(),
        }
    }
}

fn fix_province(title: &str, province: Option<&Province>) -> String {
    let Some(p) = province else {
        return title.to_string();
    };
    let lower = p.name.to_lowercase();
    title.replace(&lower, &p.name)
}

fn find_province<'r>(head: &[Para], reference: &'r Reference) -> Option<&'r Province> {
    for p in head.iter().take(12) {
        let t = p.full.trim().trim_matches('|').trim();
        for prefix in ["TỈNH ", "THÀNH PHỐ ", "Tỉnh ", "Thành phố "] {
            if let Some(name) = t.strip_prefix(prefix)
                && let Some(found) = reference.provinces.resolve(name)
            {
                return Some(found);
            }
        }
    }
    None
}

/// The province a news summary is about: "UBND tỉnh Thanh Hóa", "thành phố Hà Nội",
/// "Ninh Bình:" — the first province named after such words.
pub fn province_in_text<'r>(text: &str, reference: &'r Reference) -> Option<&'r Province> {
    let mut best: Option<(usize, &Province)> = None;
    for prefix in ["tỉnh ", "Tỉnh ", "thành phố ", "Thành phố ", "TP. ", "TP "] {
        let mut from = 0;
        while let Some(at) = text[from..].find(prefix) {
            let start = from + at + prefix.len();
            let words: Vec<&str> = text[start..].split_whitespace().take(4).collect();
            for n in (1..=words.len()).rev() {
                let name = words[..n].join(" ");
                let name = name.trim_end_matches(|c: char| !c.is_alphanumeric());
                if let Some(p) = reference.provinces.resolve(name) {
                    if best.is_none_or(|(b, _)| start < b) {
                        best = Some((start, p));
                    }
                    break;
                }
            }
            from = start;
        }
    }
    best.map(|(_, p)| p)
}

/// The province named most often in `text` (at least twice): the last resort for a summary
/// that never writes "tỉnh …" ("Trung tâm Công tác xã hội Quảng Nam", "Báo Quảng Nam").
pub fn most_named_province<'r>(text: &str, reference: &'r Reference) -> Option<&'r Province> {
    let mut best: Option<(usize, &Province)> = None;
    for name in reference.provinces.all_names() {
        if name.chars().count() < 4 {
            continue;
        }
        let n = text.matches(name).count();
        if n >= 2
            && let Some(p) = reference.provinces.resolve(name)
            && best.is_none_or(|(b, _)| n > b)
        {
            best = Some((n, p));
        }
    }
    best.map(|(_, p)| p)
}

/// Recipients ("Nơi nhận:") and the signature block at the end.
pub fn closing(lines: &[String], m: &mut Meta) -> Option<usize> {
    let Some(at) = lines.iter().rposition(|l| plain(l).starts_with("noi nhan")) else {
        return signature_only(lines, m);
    };
    let mut i = at + 1;
    while i < lines.len() {
        let l = lines[i].trim();
        if let Some(r) = l.strip_prefix(['-', '–', '+']) {
            let r = r.trim();
            let r = r
                .strip_suffix(';')
                .or_else(|| r.strip_suffix('.'))
                .unwrap_or(r)
                .trim();
            m.recipients.push(r.to_string());
        } else if !l.is_empty() && l != "|" {
            break;
        }
        i += 1;
    }
    signer(&lines[i.min(lines.len())..], m);
    Some(at)
}

/// A signature block with no "Nơi nhận" before it: the last capitalised office line
/// ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH …") among the last lines.
fn signature_only(lines: &[String], m: &mut Meta) -> Option<usize> {
    let from = lines.len().saturating_sub(8);
    let at = (from..lines.len()).find(|&i| {
        let l = lines[i].trim();
        let caps = l.chars().any(char::is_alphabetic) && !l.chars().any(char::is_lowercase);
        caps && (l.starts_with("TM.") || l.starts_with("KT.") || l.contains("CHỦ TỊCH"))
    })?;
    signer(&lines[at..], m);
    m.signer.as_ref()?;
    Some(at)
}

fn signer(lines: &[String], m: &mut Meta) {
    let lines: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty() && *l != "|")
        .collect();
    let is_upper =
        |l: &str| l.chars().any(char::is_alphabetic) && !l.chars().any(char::is_lowercase);
    let Some(name_at) = lines.iter().rposition(|l| {
        !is_upper(l)
            && l.split_whitespace().count() <= 5
            && l.split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase))
    }) else {
        return;
    };
    let block: Vec<&str> = lines[..name_at]
        .iter()
        .copied()
        .filter(|l| is_upper(l))
        .collect();
    // The block as the document prints it, one line per capacity ("TM. ỦY BAN NHÂN DÂN /
    // KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"); a line that starts no capacity continues the one before
    // (the seed wraps "TM. ỦY BAN NHÂN" / "DÂN").
    let starts = |l: &str| {
        ["TM.", "KT.", "Q.", "TL.", "TUQ."]
            .iter()
            .any(|m| l.starts_with(m))
            || l.contains("CHỦ TỊCH")
            || l.contains("GIÁM ĐỐC")
    };
    let mut units: Vec<String> = Vec::new();
    for l in block {
        match units.last_mut() {
            Some(u) if !starts(l) => {
                u.push(' ');
                u.push_str(l);
            }
            _ if starts(l) => units.push(l.to_string()),
            _ => {}
        }
    }
    let title = (!units.is_empty()).then(|| units.join(" / "));
    m.signer = Some((lines[name_at].to_string(), title));
}
