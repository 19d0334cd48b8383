//! The matrix laid out: as a grid (terminal, Markdown), as the compact CSV, and as one
//! self-contained HTML page with tooltips and a legend.

use super::{AgencyCell, Column, IndicatorCell, IndicatorRow, Matrix, NOT_APPLICABLE};
use crate::i18n::Lang;
use crate::msg;
use crate::report::csv;
use crate::report::grid::{Cell, Grid, Tone};
use crate::report::html::{LegendEntry, MatrixPage, RowGroup};
use crate::verdict::Verdict;
use crate::views::compliance::{self, AgencyStatus};

impl Matrix {
    fn corner(lang: Lang) -> [String; 2] {
        [
            msg!(lang, "Chỉ tiêu / cơ quan", "Indicator / agency"),
            msg!(lang, "Quốc gia", "National"),
        ]
    }

    /// Indicators then agencies, one grid (terminal, Markdown).
    pub fn grid(&self, lang: Lang) -> Grid {
        let mut g = Grid::new(
            Self::corner(lang)
                .into_iter()
                .chain(self.columns.iter().map(|c| c.label.clone())),
        );
        for r in &self.indicators {
            let mut row = vec![Cell::plain(&r.short), Cell::plain(&r.national)];
            row.extend(r.cells.iter().map(|c| {
                Cell::toned(
                    indicator_text(c),
                    c.as_ref().map_or(Tone::Plain, |c| c.verdict.into()),
                )
            }));
            g.row(row);
        }
        for r in &self.agencies {
            let mut row = vec![
                Cell::plain(&r.name),
                Cell::plain(compliance::requirement_name(Some(r.requirement), lang)),
            ];
            row.extend(r.cells.iter().map(|c| {
                Cell::toned(
                    agency_text(c, lang),
                    c.as_ref().map_or(Tone::Plain, |c| c.status.tone()),
                )
            }));
            g.row(row);
        }
        g
    }

    /// For spreadsheets: a `kind` and an `id` column so rows can be filtered and joined.
    /// Written row by row, numbers without Vietnamese grouping.
    pub fn write_csv(&self, lang: Lang, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let header: Vec<String> = ["kind", "id", "name", "national"]
            .into_iter()
            .map(String::from)
            .chain(self.columns.iter().map(|c| c.label.clone()))
            .collect();
        out.write_all(csv::record(&header).as_bytes())?;
        for r in &self.indicators {
            let mut row = vec![
                "indicator".to_string(),
                r.id.clone(),
                r.short.clone(),
                csv::plain_numbers(&r.national),
            ];
            row.extend(
                r.cells
                    .iter()
                    .map(|c| csv::plain_numbers(&indicator_text(c))),
            );
            out.write_all(csv::record(&row).as_bytes())?;
        }
        for r in &self.agencies {
            let mut row = vec![
                "agency".to_string(),
                r.id.clone(),
                r.name.clone(),
                compliance::requirement_name(Some(r.requirement), lang).to_string(),
            ];
            row.extend(r.cells.iter().map(|c| agency_text(c, lang)));
            out.write_all(csv::record(&row).as_bytes())?;
        }
        Ok(())
    }

    /// The page as text (tests); `compare` streams it with [`Matrix::write_html`].
    pub fn html(&self, lang: Lang) -> String {
        let mut out = Vec::new();
        self.write_html(lang, &mut out)
            .expect("writing to memory does not fail");
        String::from_utf8(out).expect("the page is UTF-8")
    }

    pub fn write_html(&self, lang: Lang, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let header: Vec<String> = Self::corner(lang)
            .into_iter()
            .chain(self.columns.iter().map(|c| c.label.clone()))
            .collect();
        crate::report::html::matrix_page(
            MatrixPage {
                lang,
                title: &msg!(
                    lang,
                    "So sánh kế hoạch phòng, chống mại dâm",
                    "Prostitution-prevention plans compared"
                ),
                notes: self.html_notes(lang),
                header,
                groups: vec![
                    RowGroup {
                        title: msg!(lang, "Chỉ tiêu", "Indicators"),
                        rows: Box::new(self.html_indicator_rows(lang)),
                    },
                    RowGroup {
                        title: msg!(lang, "Cơ quan", "Agencies"),
                        rows: Box::new(self.html_agency_rows(lang)),
                    },
                ],
                legend: legend(lang),
                legend_title: msg!(lang, "Chú giải", "Legend"),
            },
            out,
        )
    }

    /// Above the table: the programmes and the number of plans, then each column's file.
    fn html_notes(&self, lang: Lang) -> Vec<String> {
        let programmes: Vec<&str> = {
            let mut v: Vec<&str> = self
                .indicators
                .iter()
                .map(|r| r.programme.as_str())
                .collect();
            v.dedup();
            v
        };
        vec![
            msg!(
                lang,
                "Đối chiếu với {}; {} kế hoạch. Di chuột lên ô để xem nội dung chỉ tiêu.",
                "Against {}; {} plan(s). Hover over a cell for the wording of the target.",
                programmes.join(", "),
                self.columns.len()
            ),
            self.columns
                .iter()
                .map(|c| format!("{}: {}", c.label, c.file))
                .collect::<Vec<_>>()
                .join(" · "),
        ]
    }

    /// The indicator rows, made one at a time as the page is written; each cell's tooltip
    /// holds the verdict, the plan's wording and the national one.
    fn html_indicator_rows(&self, lang: Lang) -> impl Iterator<Item = Vec<Cell>> + '_ {
        self.indicators.iter().map(move |r| {
            let mut row = vec![
                Cell::plain(&r.short).tip(format!("{}: {}", r.programme, r.wording)),
                Cell::plain(&r.national),
            ];
            row.extend(r.cells.iter().zip(&self.columns).map(|(c, col)| {
                let Some(cell) = c else {
                    return Cell::plain(NOT_APPLICABLE);
                };
                Cell::toned(indicator_text(c), cell.verdict.into())
                    .tip(indicator_tip(r, cell, col, lang))
            }));
            row
        })
    }

    /// The agency rows, made one at a time; each cell's tooltip names the bodies.
    fn html_agency_rows(&self, lang: Lang) -> impl Iterator<Item = Vec<Cell>> + '_ {
        self.agencies.iter().map(move |r| {
            let mut row = vec![
                Cell::plain(&r.name),
                Cell::plain(compliance::requirement_name(Some(r.requirement), lang)),
            ];
            row.extend(r.cells.iter().map(|c| match c {
                None => Cell::plain(NOT_APPLICABLE),
                Some(cell) => {
                    let mut tip = cell.status.name(lang).to_string();
                    if !cell.named.is_empty() {
                        tip.push_str(&format!(": {}", compliance::named_list(&cell.named, lang)));
                    }
                    Cell::toned(agency_text(c, lang), cell.status.tone()).tip(tip)
                }
            }));
            row
        })
    }
}

/// "Nghệ An 2024 — Students reached: = equal (note)", the plan's wording, the national one.
fn indicator_tip(r: &IndicatorRow, cell: &IndicatorCell, col: &Column, lang: Lang) -> String {
    let mut tip = format!(
        "{} — {}: {} {}",
        col.label,
        r.short,
        cell.verdict.mark(),
        cell.verdict.name(lang)
    );
    if let Some(n) = &cell.note {
        tip.push_str(&format!(" ({n})"));
    }
    if let Some(t) = &cell.text {
        tip.push_str(&format!("\n{t}"));
    }
    tip.push_str(&format!(
        "\n{}: {}",
        msg!(lang, "Quốc gia", "National"),
        r.wording
    ));
    tip
}

fn indicator_text(c: &Option<IndicatorCell>) -> String {
    match c {
        None => NOT_APPLICABLE.to_string(),
        Some(c) => match &c.target {
            Some(t) => format!("{t} {}", c.mark),
            None => c.mark.to_string(),
        },
    }
}

fn agency_text(c: &Option<AgencyCell>, lang: Lang) -> String {
    match c {
        None => NOT_APPLICABLE.to_string(),
        Some(c) => {
            let mut roles: Vec<&str> = c
                .named
                .iter()
                .map(|a| crate::views::role_name(a.role, lang))
                .collect();
            roles.dedup();
            let mut text = if roles.is_empty() {
                c.mark.to_string()
            } else {
                format!("{} {}", c.mark, roles.join(", "))
            };
            // The body in force on this plan's date, where it is not the row's first body.
            if c.successor {
                text.push_str(&format!(" ({})", c.body));
            }
            text
        }
    }
}

/// Every mark a cell can carry, and what it means.
fn legend(lang: Lang) -> Vec<LegendEntry> {
    let mut legend: Vec<LegendEntry> = [
        Verdict::Stronger,
        Verdict::Equal,
        Verdict::Weaker,
        Verdict::NotComparable,
        Verdict::Missing,
        Verdict::Aggregate,
    ]
    .into_iter()
    .map(|v| LegendEntry {
        tone: v.into(),
        mark: v.mark(),
        text: verdict_legend(v, lang),
    })
    .collect();
    legend.extend(
        [
            AgencyStatus::Named,
            AgencyStatus::NotLead,
            AgencyStatus::Missing,
            AgencyStatus::NotNamed,
            AgencyStatus::Unexpected,
        ]
        .into_iter()
        .map(|s| LegendEntry {
            tone: s.tone(),
            mark: s.mark(),
            text: msg!(lang, "cơ quan: {}", "agency: {}", s.name(lang)),
        }),
    );
    legend.push(LegendEntry {
        tone: Tone::Faint,
        mark: NOT_APPLICABLE,
        text: msg!(
            lang,
            "không áp dụng: kế hoạch không theo chương trình này, hoặc vào ngày của kế hoạch chức năng đã chuyển sang cơ quan ở dòng khác; \"→\" và tên trong ngoặc: cơ quan giữ chức năng vào ngày của kế hoạch",
            "not applicable: the plan does not follow this programme, or on its date the function had passed to a body on another row; \"→\" and a name in brackets: the body holding the function on the plan's date"
        ),
    });
    legend
}

/// The legend as one line per mark, for the table (`markdown: false`) and Markdown formats.
pub fn legend_text(lang: Lang, markdown: bool) -> String {
    let mut out = format!("{}:\n", msg!(lang, "Chú giải", "Legend"));
    for e in legend(lang) {
        if markdown {
            out.push_str(&format!("- `{}` {}\n", e.mark, e.text));
        } else {
            out.push_str(&format!("  {}  {}\n", e.mark, e.text));
        }
    }
    out
}

fn verdict_legend(v: Verdict, lang: Lang) -> String {
    match v {
        Verdict::Stronger => msg!(
            lang,
            "cao hơn chỉ tiêu quốc gia",
            "stronger than the national target"
        ),
        Verdict::Equal => msg!(
            lang,
            "bằng chỉ tiêu quốc gia",
            "equal to the national target"
        ),
        Verdict::Weaker => msg!(
            lang,
            "thấp hơn mức tối thiểu quốc gia",
            "below the national floor"
        ),
        Verdict::NotComparable => msg!(
            lang,
            "không so sánh được (khác loại, hoặc thiếu mẫu số)",
            "not comparable (another measure, or no denominator)"
        ),
        Verdict::Missing => msg!(lang, "kế hoạch không đặt chỉ tiêu", "no target in the plan"),
        Verdict::Aggregate => msg!(
            lang,
            "chỉ tiêu chung cả nước, không có mức tối thiểu cho tỉnh",
            "national aggregate, no provincial floor"
        ),
    }
}
