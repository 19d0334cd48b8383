//! From lines to paragraphs, and paragraphs to the sections of a plan.
//!
//! Text copied from a web page or a PDF is often hard-wrapped: a paragraph's first line is
//! short (its indent), the following ones fill the width, and the paragraph ends on a line
//! that does not. Such text is recognised by its many full lines that end mid-sentence and
//! re-joined; text with one paragraph per line (Word, news pages) is taken line by line.

use crate::text::strip_diacritics;

#[derive(Clone, Debug, PartialEq)]
pub enum Marker {
    /// "I.", "II." ...
    Roman(u32),
    /// "1.", "2.1.", "4.11."
    Number(Vec<u32>),
    /// "a)", "b."
    Letter(char),
    /// "-", "–", "+", "•"
    Bullet,
    None,
}

#[derive(Clone, Debug)]
pub struct Para {
    pub marker: Marker,
    /// The paragraph without its marker.
    pub text: String,
    /// The paragraph as printed, marker included.
    pub full: String,
}

/// Lines to paragraphs. A line holding only "|" (a table cell border in copied text) or
/// nothing ends a paragraph.
pub fn paragraphs(lines: &[String]) -> Vec<Para> {
    let wrapped = is_hard_wrapped(lines);
    let width = full_width(lines);
    let mut out: Vec<Para> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let flush = |current: &mut Vec<&str>, out: &mut Vec<Para>| {
        if !current.is_empty() {
            out.push(para(&join(current)));
            current.clear();
        }
    };
    for line in lines {
        let line = line.trim();
        if line.is_empty() || line == "|" {
            flush(&mut current, &mut out);
            continue;
        }
        // "- xã hội" at the start of a line is the wrapped end of "kinh tế - xã hội".
        let marked = match marker_of(line) {
            (Marker::None, _) => false,
            (Marker::Bullet, rest) => !(wrapped && rest.starts_with(char::is_lowercase)),
            _ => true,
        };
        let starts_new = !wrapped || current.is_empty() || marked || {
            let prev = current.last().copied().unwrap_or("");
            let prev_len = prev.chars().count();
            // The first line of a wrapped paragraph is short by its indent, so a short
            // line ends the paragraph only when it is not the first.
            (current.len() > 1 && prev_len * 5 < width * 4)
                || (prev.ends_with(['.', ':']) && line.starts_with(char::is_uppercase))
                || heading_ends(&current, line)
                || (caps_only(prev) && line.chars().any(char::is_lowercase))
        };
        if starts_new {
            flush(&mut current, &mut out);
        }
        current.push(line);
    }
    flush(&mut current, &mut out);
    out
}

/// Words that make a whole heading ("1. Mục tiêu"), so that the next line starts the text.
const HEADINGS: [&str; 16] = [
    "muc dich",
    "yeu cau",
    "muc dich, yeu cau",
    "muc tieu",
    "muc tieu chung",
    "muc tieu cu the",
    "chi tieu",
    "chi tieu cu the",
    "cac chi tieu cu the",
    "mot so chi tieu cu the",
    "quan diem",
    "nhiem vu",
    "giai phap",
    "kinh phi",
    "kinh phi thuc hien",
    "to chuc thuc hien",
];

/// Whether a numbered heading is complete before `line`: a known heading word, or a heading
/// already wrapped once and followed by a capitalised line (the text under it).
fn heading_ends(current: &[&str], line: &str) -> bool {
    let Some(first) = current.first() else {
        return false;
    };
    let (marker, text) = marker_of(first);
    if !matches!(marker, Marker::Number(_) | Marker::Roman(_)) {
        return false;
    }
    let upper_line = line.starts_with(char::is_uppercase);
    if caps_only(line) && caps_only(first) {
        return false;
    }
    if current.len() == 1 {
        let t = plain(text.trim_end_matches([':', '.']));
        return upper_line && HEADINGS.contains(&t.as_str());
    }
    upper_line
}

/// A line of capitals (a heading or title line): letters, none lowercase.
fn caps_only(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric) && !s.chars().any(char::is_lowercase)
}

fn join(lines: &[&str]) -> String {
    let mut s = String::new();
    for l in lines {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(l);
    }
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    // The closing mark of a Vietnamese document, "./.", is not part of its last sentence.
    match s.strip_suffix("./.") {
        Some(r) => format!("{r}."),
        None => s,
    }
}

fn is_hard_wrapped(lines: &[String]) -> bool {
    let long: Vec<&String> = lines.iter().filter(|l| l.chars().count() >= 50).collect();
    if long.len() < 4 {
        return false;
    }
    let open = long
        .iter()
        .filter(|l| {
            !l.trim_end()
                .ends_with(['.', ':', ';', '!', '?', ')', '"', '”'])
        })
        .count();
    open * 2 > long.len()
}

/// The width lines are wrapped at: the 90th percentile of line lengths.
fn full_width(lines: &[String]) -> usize {
    let mut lens: Vec<usize> = lines
        .iter()
        .map(|l| l.chars().count())
        .filter(|&n| n > 0)
        .collect();
    if lens.is_empty() {
        return 80;
    }
    lens.sort_unstable();
    lens[(lens.len() * 9 / 10).min(lens.len() - 1)].max(20)
}

pub fn para(full: &str) -> Para {
    let (marker, text) = marker_of(full);
    Para {
        marker,
        text: text.to_string(),
        full: full.to_string(),
    }
}

fn roman_value(s: &str) -> Option<u32> {
    const NUMERALS: [&str; 12] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ];
    NUMERALS.iter().position(|r| *r == s).map(|i| i as u32 + 1)
}

/// The list marker a paragraph starts with, and the rest of it.
pub fn marker_of(line: &str) -> (Marker, &str) {
    let t = line.trim_start();
    if let Some(rest) = t.strip_prefix(['-', '–', '+', '•', '*', '—'])
        && (rest.starts_with(' ') || rest.is_empty())
    {
        return (Marker::Bullet, rest.trim_start());
    }
    let word_end = t.find(' ').unwrap_or(t.len());
    let word = &t[..word_end];
    let rest = t[word_end..].trim_start();
    if let Some(r) = word.strip_suffix('.').and_then(roman_value)
        && !rest.is_empty()
    {
        return (Marker::Roman(r), rest);
    }
    // "1.", "2.1.", "4.11", "1)"
    let digits = word.trim_end_matches(['.', ')']);
    if !digits.is_empty()
        && word.len() > digits.len()
        && digits
            .split('.')
            .all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
    {
        let nums = digits.split('.').filter_map(|p| p.parse().ok()).collect();
        return (Marker::Number(nums), rest);
    }
    if word.chars().count() == 2
        && let Some(c) = word.chars().next()
        && c.is_lowercase()
        && word.ends_with(')')
    {
        return (Marker::Letter(c), rest);
    }
    (Marker::None, t)
}

/// A heading's words without marks, lowercased: "MỤC ĐÍCH, YÊU CẦU" → "muc dich, yeu cau".
pub fn plain(s: &str) -> String {
    strip_diacritics(&s.to_lowercase())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectionKind {
    Purpose,
    Objectives,
    Tasks,
    Budget,
    Organisation,
    Reporting,
    Other,
}

/// What a top-level heading announces.
pub fn section_kind(heading: &str) -> SectionKind {
    let p = plain(heading);
    if p.contains("to chuc thuc hien") || p.contains("trach nhiem") || p.contains("phan cong") {
        SectionKind::Organisation
    } else if p.contains("kinh phi") {
        SectionKind::Budget
    } else if p.contains("che do bao cao") || p.starts_with("bao cao") {
        SectionKind::Reporting
    } else if p.contains("muc tieu") || p.contains("chi tieu") {
        SectionKind::Objectives
    } else if p.contains("muc dich") || p.contains("yeu cau") || p.contains("quan diem") {
        SectionKind::Purpose
    } else if p.contains("nhiem vu") || p.contains("giai phap") || p.contains("noi dung") {
        SectionKind::Tasks
    } else {
        SectionKind::Other
    }
}

/// A paragraph that can be a heading: short, and not a full sentence.
pub fn looks_like_heading(p: &Para) -> bool {
    let n = p.text.chars().count();
    n > 0 && n <= 200 && !p.text.trim_end().ends_with(['.', ';'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        assert_eq!(marker_of("I. MỤC ĐÍCH").0, Marker::Roman(1));
        assert_eq!(marker_of("IV. KINH PHÍ").0, Marker::Roman(4));
        assert_eq!(marker_of("4.11. Ủy ban").0, Marker::Number(vec![4, 11]));
        assert_eq!(marker_of("2. Công an tỉnh").0, Marker::Number(vec![2]));
        assert_eq!(marker_of("a) Sở Y tế").0, Marker::Letter('a'));
        assert_eq!(marker_of("- Ít nhất 70%").0, Marker::Bullet);
        assert_eq!(marker_of("2024 là năm").0, Marker::None);
        assert_eq!(marker_of("Ít nhất 70%").0, Marker::None);
    }

    #[test]
    fn rejoins_hard_wrapped_text() {
        let text = "2. Công\nan tỉnh\nChỉ đạo lực lượng Công an các cấp\n\
            tăng cường đấu tranh, triệt phá ổ, nhóm đường dây, tổ chức tội phạm liên quan đến\n\
            mại dâm, đặc biệt chú trọng đến các loại tội phạm mua bán người vì mục đích mại\n\
            dâm, mại dâm trẻ em.\n3. Bộ Chỉ\nhuy Bộ đội Biên phòng tỉnh\n\
            Chủ trì, phối hợp với các cơ quan, ban, ngành, lực lượng chức năng, chính quyền\n\
            địa phương các cấp thực hiện có hiệu quả các Quy chế, Kế hoạch phối hợp đã ký kết\n\
            về phòng, chống mại dâm ở khu vực biên giới.";
        let lines: Vec<String> = text.lines().map(String::from).collect();
        let p = paragraphs(&lines);
        let texts: Vec<&str> = p.iter().map(|p| p.full.as_str()).collect();
        assert_eq!(texts[0], "2. Công an tỉnh");
        assert!(texts[1].starts_with("Chỉ đạo lực lượng Công an các cấp tăng cường"));
        assert_eq!(texts[2], "3. Bộ Chỉ huy Bộ đội Biên phòng tỉnh");
        assert_eq!(p.len(), 4);
    }
}
