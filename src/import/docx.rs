//! The paragraphs of a Word .docx: `word/document.xml` read in order, one line per paragraph
//! (`w:p`), table cells as paragraphs of their own, tabs and line breaks kept as separators.
//! A paragraph in a numbered or bulleted list gets a "- " marker, since its number lives in
//! numbering.xml and plans number their headings in the text itself.

use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::Event;
use std::io::{Cursor, Read};

/// Bigger than any real plan; a guard against zip bombs.
const MAX_XML: u64 = 64 * 1024 * 1024;

pub fn paragraphs(bytes: &[u8]) -> Result<Vec<String>, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let file = archive
        .by_name("word/document.xml")
        .map_err(|_| "word/document.xml is missing".to_string())?;
    let mut xml = String::new();
    file.take(MAX_XML)
        .read_to_string(&mut xml)
        .map_err(|e| e.to_string())?;
    parse(&xml)
}

fn parse(xml: &str) -> Result<Vec<String>, String> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut current = String::new();
    let mut in_text = false;
    let mut listed = false;
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) if is(e.name().as_ref(), b"t") => in_text = true,
            Event::Start(e) | Event::Empty(e) => match local(e.name().as_ref()) {
                b"tab" => current.push(' '),
                b"br" | b"cr" => current.push('\n'),
                b"numPr" => listed = true,
                b"p" => {
                    current.clear();
                    listed = false;
                }
                _ => {}
            },
            Event::Text(t) if in_text => current.push_str(&t.decode().map_err(|e| e.to_string())?),
            // quick-xml reports `&amp;` and `&#417;` apart from the text around them.
            Event::GeneralRef(r) if in_text => {
                if let Some(c) = r.resolve_char_ref().map_err(|e| e.to_string())? {
                    current.push(c);
                } else {
                    let name = r.decode().map_err(|e| e.to_string())?;
                    // An entity Word never writes is kept as it stands rather than lost.
                    match resolve_predefined_entity(&name) {
                        Some(text) => current.push_str(text),
                        None => current.push_str(&format!("&{name};")),
                    }
                }
            }
            Event::End(e) => match local(e.name().as_ref()) {
                b"t" => in_text = false,
                b"p" => {
                    let text = current.trim().to_string();
                    let starts_marked = text.starts_with(['-', '–', '+', '•']);
                    for (i, line) in text.split('\n').enumerate() {
                        let line = line.trim();
                        if i == 0 && listed && !starts_marked && !line.is_empty() {
                            out.push(format!("- {line}"));
                        } else {
                            out.push(line.to_string());
                        }
                    }
                    current.clear();
                    listed = false;
                }
                // Each table cell and row ends a block.
                b"tc" | b"tr" | b"tbl" => out.push(String::new()),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

fn local(name: &[u8]) -> &[u8] {
    name.rsplit(|&b| b == b':').next().unwrap_or(name)
}

fn is(name: &[u8], want: &[u8]) -> bool {
    local(name) == want
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_tables_and_lists() {
        let xml = r#"<w:document xmlns:w="x"><w:body>
            <w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>
            <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">Ít nhất </w:t></w:r><w:r><w:t>70% &amp; h&#417;n</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Số: 1/KH-UBND</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        </w:body></w:document>"#;
        let p = parse(xml).unwrap();
        let p: Vec<&str> = p
            .iter()
            .map(String::as_str)
            .filter(|s| !s.is_empty())
            .collect();
        assert_eq!(p, ["KẾ HOẠCH", "- Ít nhất 70% & hơn", "Số: 1/KH-UBND"]);
    }
}
