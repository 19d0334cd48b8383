//! The document as a Word file (`.docx`), laid out as Nghị định 30/2020/NĐ-CP, Phụ lục I
//! prescribes for an administrative document: A4, its margins, Times New Roman, the two-column
//! heading, the centred title, justified body paragraphs with a first-line indent, "Nơi nhận"
//! bottom left, the signature bottom right, page numbers centred at the top from page 2.
//! docs/docx.md cites the appendix item by item for every figure below.
//!
//! Every line of text is a real paragraph (no text boxes, no drawn shapes), so that
//! `kehoach import` reads back what was written; tables are used only for the side-by-side
//! heading and signature block, and have no borders.

use super::document::{Document, MOTTO, MOTTO_COUNTRY, Para, Signature};
use docx_rs::{
    AlignmentType, Docx, Header, LineSpacing, LineSpacingType, PageMargin, PageNum, Paragraph,
    ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, SpecialIndentType,
    Table, TableCell, TableCellMargins, TableLayoutType, TableRow, WidthType,
};
use unicode_normalization::UnicodeNormalization;

const FONT: &str = "Times New Roman";

// Lengths in twentieths of a point (twips: 567 to the centimetre).
/// A4, 210 × 297 mm (Phụ lục I, mục I.2).
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
/// Top and bottom 20 mm (range 20-25), left 30 mm (30-35), right 15 mm (15-20): the lower
/// bound of each range, as most provincial templates use.
const MARGIN_TOP: i32 = 1134;
const MARGIN_BOTTOM: i32 = 1134;
const MARGIN_LEFT: i32 = 1701;
const MARGIN_RIGHT: i32 = 850;
/// The page number sits in the top margin, 10 mm from the edge.
const HEADER_FROM_EDGE: i32 = 567;
const TEXT_W: i32 = PAGE_W as i32 - MARGIN_LEFT - MARGIN_RIGHT;
/// Heading columns: the issuer (6.3 cm) and the national motto (10.2 cm), wide enough for
/// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" at 13 pt on one line.
const HEAD_LEFT: i32 = 3572;
const HEAD_RIGHT: i32 = TEXT_W - HEAD_LEFT;
/// Foot columns: "Nơi nhận" and the signature.
const FOOT_LEFT: i32 = 4253;
const FOOT_RIGHT: i32 = TEXT_W - FOOT_LEFT;
/// First-line indent of body paragraphs: 1.27 cm (range 1-1.27 cm).
const FIRST_LINE: i32 = 720;
/// Space between paragraphs: 6 pt (at least 6 pt).
const PARA_GAP: u32 = 120;
/// Room for the signature and the seal between the title lines and the name.
const SIGN_ROOM: u32 = 1600;

// Font sizes in half-points.
const BODY: usize = 28; // 14 pt (13-14)
const ISSUER: usize = 26; // 13 pt (12-13)
const COUNTRY: usize = 26; // 13 pt (12-13)
const MOTTO_SIZE: usize = 28; // 14 pt (13-14)
const NUMBER: usize = 26; // 13 pt
const PLACE_DATE: usize = 28; // 14 pt (13-14)
const KIND: usize = 28; // 14 pt (13-14)
const RECIPIENTS_HEAD: usize = 24; // 12 pt
const RECIPIENTS: usize = 22; // 11 pt
const SIGNER: usize = 28; // 14 pt (13-14)
const PAGE_NUMBER: usize = 28; // 14 pt (13-14)

/// The document as the bytes of a `.docx` file.
pub fn write(d: &Document) -> Vec<u8> {
    let mut docx = page_setup(Docx::new())
        .add_table(heading(d))
        .add_paragraph(kind_line(d));
    if let Some(s) = &d.subject {
        docx = docx
            .add_paragraph(centred_bold(s, KIND))
            .add_paragraph(rule(TEXT_W, width_of(s, KIND).min(TEXT_W) * 2 / 5));
    }
    let mut paras: Vec<Paragraph> = d
        .bases
        .iter()
        .map(|b| body_para(b, b.starts_with("Căn cứ")))
        .collect();
    for s in &d.sections {
        paras.push(heading_para(&format!("{}. {}", s.numeral, s.title)));
        paras.extend(body(&s.body));
        for sub in &s.subsections {
            paras.push(heading_para(&format!("{}. {}", sub.number, sub.title)));
            paras.extend(body(&sub.body));
        }
    }
    let has_foot = !d.recipients.is_empty() || d.signature.is_some();
    if has_foot {
        // The signature never stands alone on the last page: the last paragraph goes with it.
        if let Some(last) = paras.pop() {
            paras.push(last.keep_next(true));
        }
    }
    for p in paras {
        docx = docx.add_paragraph(p);
    }
    if has_foot {
        docx = docx
            .add_paragraph(Paragraph::new().size(BODY).keep_next(true))
            .add_table(foot(&d.recipients, d.signature.as_ref()))
            // Word always keeps a paragraph after a table that ends the body: a tiny one here.
            .add_paragraph(
                Paragraph::new().size(2).line_spacing(
                    LineSpacing::new()
                        .line_rule(LineSpacingType::Exact)
                        .line(20)
                        .before(0)
                        .after(0),
                ),
            );
    }
    let mut out = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut out)
        .expect("writing a zip archive to memory does not fail");
    deflate(&out.into_inner()).expect("recompressing a zip archive in memory does not fail")
}

/// docx-rs stores the parts uncompressed; the same parts deflated make a file about a sixth
/// the size (what Word and LibreOffice write), for e-mail and document systems.
fn deflate(stored: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    use std::io::{Cursor, Read, Write};
    let mut archive = zip::ZipArchive::new(Cursor::new(stored))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut part = archive.by_index(i)?;
        let name = part.name().to_string();
        if part.is_dir() {
            out.add_directory(name, options)?;
            continue;
        }
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes)?;
        out.start_file(name, options)?;
        out.write_all(&bytes)?;
    }
    Ok(out.finish()?.into_inner())
}

/// A4 portrait, margins, Times New Roman, and the page number centred in the top margin on
/// every page but the first.
fn page_setup(docx: Docx) -> Docx {
    let fonts = RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT);
    let number = Paragraph::new()
        .align(AlignmentType::Center)
        .add_run(Run::new().size(PAGE_NUMBER))
        .add_page_num(PageNum::new());
    docx.page_size(PAGE_W, PAGE_H)
        .page_margin(PageMargin {
            top: MARGIN_TOP,
            left: MARGIN_LEFT,
            bottom: MARGIN_BOTTOM,
            right: MARGIN_RIGHT,
            header: HEADER_FROM_EDGE,
            footer: HEADER_FROM_EDGE,
            gutter: 0,
        })
        .default_fonts(fonts)
        .default_size(BODY)
        .header(Header::new().add_paragraph(number.size(PAGE_NUMBER)))
        .first_header(Header::new().add_paragraph(Paragraph::new()))
        .title_pg()
}

fn run(text: &str, size: usize) -> Run {
    Run::new().add_text(text).size(size)
}

/// Line spacing: single, with `before` twips above the paragraph.
fn spacing(before: u32, after: u32) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Auto)
        .line(240)
        .before(before)
        .after(after)
}

fn centred(r: Run) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Center)
        .line_spacing(spacing(0, 0))
        .add_run(r)
}

fn centred_bold(text: &str, size: usize) -> Paragraph {
    centred(run(text, size).bold())
}

/// A horizontal rule `width` long, centred in `room`: an empty paragraph with a top border
/// (the decree's "đường kẻ ngang, nét liền"), so no shape or text box is needed.
fn rule(room: i32, width: i32) -> Paragraph {
    let side = ((room - width) / 2).max(0);
    let mut p = Paragraph::new()
        .indent(Some(side), None, Some(side), None)
        .line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Exact)
                .line(60)
                .before(80)
                .after(0),
        )
        .size(4);
    let border = ParagraphBorder::new(ParagraphBorderPosition::Top)
        .size(6)
        .space(0)
        .color("000000");
    p.property = p
        .property
        .set_borders(ParagraphBorders::with_empty().set(border));
    p
}

/// The heading: issuer (and number) on the left, national motto (and place and date) on the
/// right; two rows so that the number and the date share a line whatever the issuer's length.
fn heading(d: &Document) -> Table {
    let mut left = TableCell::new().width(HEAD_LEFT as usize, WidthType::Dxa);
    // "ỦY BAN NHÂN DÂN / TỈNH NGHỆ AN" is one body's name on two lines, all bold; otherwise
    // a first line names the governing body (cơ quan chủ quản), not bold.
    let one_body = d.issuer.first().is_some_and(|l| l == "ỦY BAN NHÂN DÂN");
    for (i, l) in d.issuer.iter().enumerate() {
        let r = run(l, ISSUER);
        let bold = one_body || i > 0 || d.issuer.len() == 1;
        left = left.add_paragraph(centred(if bold { r.bold() } else { r }));
    }
    if let Some(widest) = d.issuer.iter().map(|l| width_of(l, ISSUER)).max() {
        // 1/3 to 1/2 of the line above.
        left = left.add_paragraph(rule(HEAD_LEFT, widest * 2 / 5));
    } else {
        left = left.add_paragraph(Paragraph::new());
    }
    let right = TableCell::new()
        .width(HEAD_RIGHT as usize, WidthType::Dxa)
        .add_paragraph(centred_bold(MOTTO_COUNTRY, COUNTRY))
        .add_paragraph(centred_bold(MOTTO, MOTTO_SIZE))
        // As long as the line of the motto.
        .add_paragraph(rule(HEAD_RIGHT, width_of(MOTTO, MOTTO_SIZE)));
    let number = d.number.as_deref().map(|n| run(n, NUMBER));
    let date = d.place_date.as_deref().map(|p| run(p, PLACE_DATE).italic());
    let line = |r: Option<Run>, w: i32| {
        let p = Paragraph::new()
            .align(AlignmentType::Center)
            .line_spacing(spacing(PARA_GAP, 0));
        TableCell::new()
            .width(w as usize, WidthType::Dxa)
            .add_paragraph(match r {
                Some(r) => p.add_run(r),
                None => p,
            })
    };
    bare_table(
        vec![
            TableRow::new(vec![left, right]),
            TableRow::new(vec![line(number, HEAD_LEFT), line(date, HEAD_RIGHT)]),
        ],
        [HEAD_LEFT, HEAD_RIGHT],
    )
}

/// A table without borders or cell padding, of fixed column widths.
fn bare_table(rows: Vec<TableRow>, cols: [i32; 2]) -> Table {
    Table::without_borders(rows)
        .set_grid(cols.iter().map(|&c| c as usize).collect())
        .width(TEXT_W as usize, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, 0, 0, 0))
        .indent(0)
}

/// "KẾ HOẠCH", bold and centred, with space above it.
fn kind_line(d: &Document) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Center)
        .line_spacing(spacing(2 * PARA_GAP + 240, 0))
        .keep_next(true)
        .add_run(run(d.kind, KIND).bold())
}

/// A body paragraph: justified, first-line indent, 6 pt above.
fn body_para(text: &str, italic: bool) -> Paragraph {
    let r = run(text, BODY);
    Paragraph::new()
        .align(AlignmentType::Both)
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(FIRST_LINE)),
            None,
            None,
        )
        .line_spacing(spacing(PARA_GAP, 0))
        .add_run(if italic { r.italic() } else { r })
}

/// "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích": bold, indented as the body, kept with what follows.
fn heading_para(text: &str) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(FIRST_LINE)),
            None,
            None,
        )
        .line_spacing(spacing(PARA_GAP, 0))
        .keep_next(true)
        .add_run(run(text, BODY).bold())
}

fn body(paras: &[Para]) -> impl Iterator<Item = Paragraph> + '_ {
    paras.iter().map(|p| match p {
        Para::Text(t) => body_para(t, false),
        // Items are written with their dash, as typed in Vietnamese documents, so the text
        // reads the same without a list style.
        Para::Bullet(t) => body_para(&format!("- {t}"), false),
    })
}

/// "Nơi nhận:" and its list on the left, the signature block on the right.
fn foot(recipients: &[String], signature: Option<&Signature>) -> Table {
    let mut left = TableCell::new().width(FOOT_LEFT as usize, WidthType::Dxa);
    if recipients.is_empty() {
        left = left.add_paragraph(Paragraph::new());
    } else {
        left = left.add_paragraph(
            Paragraph::new()
                .line_spacing(spacing(0, 0))
                .add_run(run("Nơi nhận:", RECIPIENTS_HEAD).bold().italic()),
        );
        let n = recipients.len();
        for (i, r) in recipients.iter().enumerate() {
            let end = if i + 1 == n { "." } else { ";" };
            left = left.add_paragraph(
                Paragraph::new()
                    .line_spacing(spacing(0, 0))
                    .add_run(run(&format!("- {r}{end}"), RECIPIENTS)),
            );
        }
    }
    let mut right = TableCell::new().width(FOOT_RIGHT as usize, WidthType::Dxa);
    match signature {
        Some(s) => {
            for t in &s.title_lines {
                right = right.add_paragraph(centred_bold(t, SIGNER));
            }
            right = right
                .add_paragraph(centred_bold(&s.name, SIGNER).line_spacing(spacing(SIGN_ROOM, 0)));
        }
        None => right = right.add_paragraph(Paragraph::new()),
    }
    bare_table(
        vec![TableRow::new(vec![left, right]).cant_split()],
        [FOOT_LEFT, FOOT_RIGHT],
    )
}

/// Advance widths of Times New Roman Bold in thousandths of an em (the metrics of Adobe's
/// Times-Bold, which Times New Roman and Liberation Serif share), for A-Z then a-z.
const BOLD_UPPER: [u16; 26] = [
    722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556,
    667, 722, 722, 1000, 722, 722, 667,
];
const BOLD_LOWER: [u16; 26] = [
    500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389,
    333, 556, 500, 722, 500, 500, 444,
];

/// The printed width of a line of bold text, in twips: enough to size a rule to it. A
/// Vietnamese letter is as wide as its base letter (the marks sit above or below it).
fn width_of(text: &str, half_points: usize) -> i32 {
    let thousandths: u32 = text
        .nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| match c {
            'A'..='Z' => u32::from(BOLD_UPPER[c as usize - 'A' as usize]),
            'a'..='z' => u32::from(BOLD_LOWER[c as usize - 'a' as usize]),
            'Đ' => 722,
            'đ' => 556,
            ' ' | ',' | '.' => 250,
            '-' | ':' => 333,
            _ => 500,
        })
        .sum();
    // thousandths of an em × size in points × 20 twips per point / 1000.
    (thousandths as usize * half_points / 100) as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_the_base_letters() {
        // 14 pt bold "Độc lập - Tự do - Hạnh phúc" is about 6.1 cm in Word.
        let w = width_of(MOTTO, MOTTO_SIZE);
        assert!((3300..3600).contains(&w), "{w}");
        assert_eq!(width_of("Ệ", 20), width_of("E", 20));
        // The national name fits its column on one line.
        assert!(width_of(MOTTO_COUNTRY, COUNTRY) < HEAD_RIGHT);
    }
}
