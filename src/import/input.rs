//! What kind of file a plan came in, and its text as lines: Word (.docx), a saved web page,
//! Markdown or plain text. Old binary Word files and PDFs are recognised and refused with a
//! message that says how to convert them.

use super::legacy::{self, Legacy};
use crate::i18n::Lang;
use crate::msg;
use unicode_normalization::UnicodeNormalization;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Docx,
    Html,
    Markdown,
    Text,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Docx => "Word (.docx)",
            Kind::Html => "HTML",
            Kind::Markdown => "Markdown",
            Kind::Text => "text",
        }
    }
}

/// The document's text, one line per paragraph or printed line.
pub struct Decoded {
    pub kind: Kind,
    pub lines: Vec<String>,
    pub legacy: Option<Legacy>,
}

/// Why a file cannot be imported, in both languages.
#[derive(Debug)]
pub struct Refusal(pub String);

fn refusal(lang: Lang, vi: String, en: String) -> Refusal {
    Refusal(if lang == Lang::Vi { vi } else { en })
}

pub fn decode(name: &str, bytes: &[u8], lang: Lang) -> Result<Decoded, Refusal> {
    let lower = name.to_lowercase();
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err(refusal(
            lang,
            format!(
                "{name} là tệp Word cũ (.doc, định dạng nhị phân), chưa đọc được. Hãy chuyển sang .docx: \
                 mở bằng Word và “Lưu thành” .docx, hoặc chạy `soffice --headless --convert-to docx {name}`, \
                 rồi nhập tệp .docx."
            ),
            format!(
                "{name} is an old binary Word file (.doc), which cannot be read. Convert it to .docx: open it \
                 in Word and “Save as” .docx, or run `soffice --headless --convert-to docx {name}`, then import \
                 the .docx."
            ),
        ));
    }
    if bytes.starts_with(b"%PDF") {
        return Err(refusal(
            lang,
            format!(
                "{name} là tệp PDF, chưa đọc được. Nếu có bản Word, hãy nhập bản đó. Nếu không: chuyển sang \
                 .docx bằng `soffice --headless --infilter=\"writer_pdf_import\" --convert-to docx {name}`, hoặc \
                 chép toàn văn vào một tệp .txt (UTF-8) rồi nhập. Bản PDF chụp (ảnh quét) không có chữ: cần \
                 nhận dạng ký tự (OCR) trước."
            ),
            format!(
                "{name} is a PDF, which cannot be read. If a Word version exists, import that. Otherwise convert \
                 it with `soffice --headless --infilter=\"writer_pdf_import\" --convert-to docx {name}`, or copy \
                 its full text into a .txt file (UTF-8) and import that. A scanned PDF has no text at all: it \
                 needs OCR first."
            ),
        ));
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(refusal(
            lang,
            format!(
                "{name} là tệp RTF. Hãy lưu thành .docx (`soffice --headless --convert-to docx {name}`) rồi nhập."
            ),
            format!(
                "{name} is an RTF file. Save it as .docx (`soffice --headless --convert-to docx {name}`) and import that."
            ),
        ));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        let paragraphs = super::docx::paragraphs(bytes).map_err(|e| {
            refusal(
                lang,
                format!("{name}: không đọc được như một tệp Word .docx ({e})."),
                format!("{name}: cannot be read as a Word .docx file ({e})."),
            )
        })?;
        return Ok(finish(Kind::Docx, paragraphs.join("\n")));
    }
    let text = match std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)) {
        Ok(s) => s.to_string(),
        // Not UTF-8: a legacy 8-bit text, read byte by byte (TCVN3 and VNI bytes are the
        // Latin-1 code points the converters expect).
        Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
    };
    let head = text
        .trim_start()
        .get(..200)
        .unwrap_or(text.trim_start())
        .to_lowercase();
    let html = lower.ends_with(".html")
        || lower.ends_with(".htm")
        || head.starts_with("<!doctype html")
        || head.starts_with("<html");
    if html {
        return Ok(finish(Kind::Html, super::html::text(&text)));
    }
    if lower.ends_with(".md") || lower.ends_with(".markdown") {
        return Ok(finish(Kind::Markdown, markdown_text(&text)));
    }
    Ok(finish(Kind::Text, text))
}

fn finish(kind: Kind, text: String) -> Decoded {
    let (text, legacy) = legacy::detect_and_convert(&text);
    let text: String = text.nfc().collect();
    let lines = text
        .lines()
        .map(|l| l.replace(['\u{a0}', '\t'], " ").trim().to_string())
        .collect();
    Decoded {
        kind,
        lines,
        legacy,
    }
}

/// Markdown to plain lines: headings and emphasis marks dropped, table cells and `<br>` as
/// lines of their own, so that the document reads as its printed text.
fn markdown_text(md: &str) -> String {
    let mut out = Vec::new();
    for line in md.lines() {
        let t = line.trim();
        if t.starts_with('|') {
            let cells: Vec<&str> = t.trim_matches('|').split('|').map(str::trim).collect();
            if cells
                .iter()
                .all(|c| c.chars().all(|ch| matches!(ch, ':' | '-' | ' ')))
            {
                continue;
            }
            for cell in cells {
                for part in cell.split("<br>") {
                    out.push(strip_md(part));
                }
            }
            // A table row is a block of its own: keep the next text apart from it.
            out.push(String::new());
            continue;
        }
        // A horizontal rule ("---") separates; it is not text.
        if t.len() >= 3 && t.chars().all(|c| matches!(c, '-' | '*' | '_' | ' ')) {
            out.push(String::new());
            continue;
        }
        let t = t.trim_start_matches('#').trim_start();
        let t = t.strip_prefix("> ").unwrap_or(t);
        out.push(strip_md(t));
    }
    out.join("\n")
}

fn strip_md(s: &str) -> String {
    s.replace("***", "")
        .replace("**", "")
        .replace("\\-", "-")
        .trim()
        .trim_matches('*')
        .trim()
        .to_string()
}

pub fn empty_message(name: &str, lang: Lang) -> String {
    msg!(
        lang,
        "{}: không có chữ để nhập (tệp rỗng, hoặc là ảnh quét: cần nhận dạng ký tự trước)",
        "{}: there is no text to import (an empty file, or a scanned image: it needs OCR first)",
        name
    )
}
