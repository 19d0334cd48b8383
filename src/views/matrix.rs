//! The cross-plan matrix (`kehoach compare`): national indicators, then agencies, down the
//! side; plans across the top, ordered by province then period. Each cell is the same row
//! the compliance view computes for that plan.

use super::compliance::{self, AgencyStatus};
use crate::compile::CompiledPlan;
use crate::i18n::Lang;
use crate::msg;
use crate::reference::Requirement;
use crate::report::grid::{Cell, Grid, Tone};
use crate::report::html::{LegendEntry, MatrixPage, RowGroup};
use crate::text::match_key;
use crate::verdict::Verdict;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct Column {
    pub label: String,
    pub file: String,
    pub province: String,
    pub start: i32,
    pub end: i32,
    pub number: Option<String>,
    pub programme: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct IndicatorCell {
    pub target: Option<String>,
    pub verdict: Verdict,
    pub mark: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct IndicatorRow {
    pub programme: String,
    pub id: String,
    pub short: String,
    pub national: String,
    /// The national wording, for tooltips.
    pub wording: String,
    /// One per column; `None` where the plan implements another programme.
    pub cells: Vec<Option<IndicatorCell>>,
}

#[derive(Clone, Debug, Serialize)]
pub struct AgencyCell {
    pub status: AgencyStatus,
    pub mark: &'static str,
    pub named: Vec<compliance::NamedAgency>,
    /// The body that held the function on this plan's date (Sở Y tế in a 2026 plan, where
    /// the row is the programme's Sở Lao động - Thương binh và Xã hội).
    pub body: String,
    /// Whether `body` differs from the row's name.
    pub successor: bool,
}

/// The mark of a cell with nothing to assess: the plan does not follow this programme, or the
/// function had passed to a body shown on another row on the plan's date.
pub const NOT_APPLICABLE: &str = "⊘";

#[derive(Clone, Debug, Serialize)]
pub struct AgencyRow {
    pub programme: String,
    /// The programme's agency id; a cell may show its successor on the plan's date.
    pub id: String,
    pub name: String,
    pub requirement: Requirement,
    pub cells: Vec<Option<AgencyCell>>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Matrix {
    pub columns: Vec<Column>,
    pub indicators: Vec<IndicatorRow>,
    pub agencies: Vec<AgencyRow>,
}

/// Sorts plans by province (Vietnamese order, tones ignored first), then period, then file.
pub fn sort_plans(plans: &mut [Box<CompiledPlan<'_>>]) {
    plans.sort_by_cached_key(|p| {
        (
            match_key(&super::province_name(p)),
            p.start,
            p.end,
            p.source.name.clone(),
        )
    });
}

pub fn build(plans: &[Box<CompiledPlan<'_>>], lang: Lang) -> Matrix {
    let mut columns: Vec<Column> = plans
        .iter()
        .map(|p| Column {
            label: super::plan_label(p),
            file: p.source.name.clone(),
            province: super::province_name(p),
            start: p.start,
            end: p.end,
            number: p.doc.plan.value.number.as_ref().map(|n| n.value.clone()),
            programme: p.programme.map(|x| x.id.clone()),
        })
        .collect();
    // Two versions of one province and period: tell them apart by number, else by file.
    for i in 0..columns.len() {
        let same = columns
            .iter()
            .filter(|c| c.label == columns[i].label)
            .count();
        if same > 1 {
            let tag = columns[i].number.clone().unwrap_or_else(|| {
                std::path::Path::new(&columns[i].file)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default()
            });
            columns[i].label = format!("{} ({tag})", columns[i].label);
        }
    }

    let mut programmes = Vec::new();
    for p in plans.iter().filter_map(|p| p.programme) {
        if !programmes
            .iter()
            .any(|x: &&crate::reference::Programme| x.id == p.id)
        {
            programmes.push(p);
        }
    }
    let mut indicators = Vec::new();
    let mut agencies = Vec::new();
    for prog in programmes {
        let applies = |p: &CompiledPlan| p.programme.is_some_and(|x| x.id == prog.id);
        for n in &prog.indicators {
            let cells = plans
                .iter()
                .map(|p| {
                    applies(p).then(|| {
                        let r = compliance::indicator_row(p, n, lang);
                        IndicatorCell {
                            target: r.plan,
                            verdict: r.verdict,
                            mark: r.mark,
                            note: r.note,
                            text: r.text,
                        }
                    })
                })
                .collect();
            indicators.push(IndicatorRow {
                programme: prog.id.clone(),
                id: n.id.clone(),
                short: n.short(lang).to_string(),
                national: n.target_display(lang),
                wording: n.text(lang).to_string(),
                cells,
            });
        }
        let per_plan: Vec<Option<Vec<compliance::AgencyRow>>> = plans
            .iter()
            .map(|p| applies(p).then(|| compliance::agency_rows(p, lang)))
            .collect();
        for req in &prog.agencies {
            // The row speaks the plans' own forms: "Công an thành phố" when every plan is a
            // centrally-run city's, both forms when provinces and cities are compared.
            let cities = plans
                .iter()
                .filter(|p| p.province.is_some_and(|x| x.kind == "thành phố"))
                .count();
            let mut name = plans
                .first()
                .and_then(|p| p.reference.agencies.get(&req.agency))
                .map_or(req.agency.clone(), |a| match (&a.name_city, lang) {
                    (Some(city), crate::i18n::Lang::Vi) if cities == plans.len() => city.clone(),
                    (Some(city), crate::i18n::Lang::Vi) if cities > 0 => {
                        format!("{} / {city}", a.name)
                    }
                    _ => a.name(lang).to_string(),
                });
            let cells: Vec<Option<AgencyCell>> = per_plan
                .iter()
                .map(|rows| {
                    rows.as_ref().and_then(|rows| {
                        rows.iter()
                            .find(|r| r.requirement_of.as_deref() == Some(req.agency.as_str()))
                            .map(|r| AgencyCell {
                                status: r.status,
                                mark: r.mark,
                                named: r.named.clone(),
                                successor: r.id.as_deref() != Some(req.agency.as_str()),
                                body: r.name.clone(),
                            })
                    })
                })
                .collect();
            // The row names every body that held the function on some plan's date, so a 2026
            // plan's Sở Y tế is never read as Sở Lao động - Thương binh và Xã hội.
            let mut later: Vec<&str> = cells
                .iter()
                .flatten()
                .filter(|c| c.successor)
                .map(|c| c.body.as_str())
                .collect();
            later.dedup();
            for b in later {
                if !name.contains(b) {
                    name = format!("{name} → {b}");
                }
            }
            agencies.push(AgencyRow {
                programme: prog.id.clone(),
                id: req.agency.clone(),
                name,
                requirement: req.requirement,
                cells,
            });
        }
    }
    Matrix {
        columns,
        indicators,
        agencies,
    }
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
                .map(|a| super::role_name(a.role, lang))
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
    pub fn csv_grid(&self, lang: Lang) -> Grid {
        let mut g = Grid::new(
            ["kind", "id", "name", "national"]
                .into_iter()
                .map(String::from)
                .chain(self.columns.iter().map(|c| c.label.clone())),
        );
        for r in &self.indicators {
            let mut row = vec![
                Cell::plain("indicator"),
                Cell::plain(&r.id),
                Cell::plain(&r.short),
                Cell::plain(&r.national),
            ];
            row.extend(r.cells.iter().map(|c| Cell::plain(indicator_text(c))));
            g.row(row);
        }
        for r in &self.agencies {
            let mut row = vec![
                Cell::plain("agency"),
                Cell::plain(&r.id),
                Cell::plain(&r.name),
                Cell::plain(compliance::requirement_name(Some(r.requirement), lang)),
            ];
            row.extend(r.cells.iter().map(|c| Cell::plain(agency_text(c, lang))));
            g.row(row);
        }
        g
    }

    pub fn html(&self, lang: Lang) -> String {
        let header: Vec<String> = Self::corner(lang)
            .into_iter()
            .chain(self.columns.iter().map(|c| c.label.clone()))
            .collect();
        let indicator_rows = self
            .indicators
            .iter()
            .map(|r| {
                let mut row = vec![
                    Cell::plain(&r.short).tip(format!("{}: {}", r.programme, r.wording)),
                    Cell::plain(&r.national),
                ];
                row.extend(r.cells.iter().zip(&self.columns).map(|(c, col)| {
                    let Some(cell) = c else {
                        return Cell::plain(NOT_APPLICABLE);
                    };
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
                    Cell::toned(indicator_text(c), cell.verdict.into()).tip(tip)
                }));
                row
            })
            .collect();
        let agency_rows = self
            .agencies
            .iter()
            .map(|r| {
                let mut row = vec![
                    Cell::plain(&r.name),
                    Cell::plain(compliance::requirement_name(Some(r.requirement), lang)),
                ];
                row.extend(r.cells.iter().map(|c| match c {
                    None => Cell::plain(NOT_APPLICABLE),
                    Some(cell) => {
                        let mut tip = cell.status.name(lang).to_string();
                        if !cell.named.is_empty() {
                            tip.push_str(&format!(
                                ": {}",
                                compliance::named_list(&cell.named, lang)
                            ));
                        }
                        Cell::toned(agency_text(c, lang), cell.status.tone()).tip(tip)
                    }
                }));
                row
            })
            .collect();
        let legend = legend(lang);
        let programmes: Vec<&str> = {
            let mut v: Vec<&str> = self
                .indicators
                .iter()
                .map(|r| r.programme.as_str())
                .collect();
            v.dedup();
            v
        };
        crate::report::html::matrix_page(&MatrixPage {
            lang,
            title: &msg!(
                lang,
                "So sánh kế hoạch phòng, chống mại dâm",
                "Prostitution-prevention plans compared"
            ),
            notes: vec![
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
            ],
            header,
            groups: vec![
                RowGroup {
                    title: msg!(lang, "Chỉ tiêu", "Indicators"),
                    rows: indicator_rows,
                },
                RowGroup {
                    title: msg!(lang, "Cơ quan", "Agencies"),
                    rows: agency_rows,
                },
            ],
            legend,
            legend_title: msg!(lang, "Chú giải", "Legend"),
        })
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
