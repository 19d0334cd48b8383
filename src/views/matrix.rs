//! The cross-plan matrix (`kehoach compare`): national indicators, then agencies, down the
//! side; plans across the top, ordered by province then period. Each cell is the same row
//! the compliance view computes for that plan.

use super::compliance::{self, AgencyStatus};
use crate::compile::CompiledPlan;
use crate::i18n::Lang;
use crate::msg;
use crate::reference::{Programme, Requirement};
use crate::report::csv;
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
    /// `target` as data, one per level (views/structured.rs).
    pub targets: Vec<super::structured::TargetData>,
}

#[derive(Clone, Debug, Serialize)]
pub struct IndicatorRow {
    pub programme: String,
    pub id: String,
    pub short: String,
    pub national: String,
    pub national_targets: Vec<super::structured::TargetData>,
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

/// One plan's column, kept compact: only the cells the matrix shows, so `compare` need not
/// hold every compiled plan at once (memory grows with the cells, not with the plans' text).
pub struct PlanColumn<'r> {
    pub column: Column,
    /// Province (Vietnamese order, tones ignored first), then period, then file.
    sort_key: (String, i32, i32, String),
    pub programme: Option<&'r Programme>,
    reference: &'r crate::reference::Reference,
    /// A centrally-run city's plan: the rows then use the city forms of the bodies' names.
    is_city: bool,
    /// One per indicator of `programme`, in its order.
    pub indicators: Vec<Option<IndicatorCell>>,
    /// One per agency requirement of `programme`, in its order.
    pub agencies: Vec<Option<AgencyCell>>,
}

/// The cells of one plan. Without `full`, what only the HTML tooltips and the JSON show is
/// dropped: the plan's wording of each target, its targets as data, the names of the bodies.
pub fn column<'r>(p: &CompiledPlan<'r>, lang: Lang, full: bool) -> PlanColumn<'r> {
    let column = Column {
        label: super::plan_label(p),
        file: p.source.name.clone(),
        province: super::province_name(p),
        start: p.start,
        end: p.end,
        number: p.doc.plan.value.number.as_ref().map(|n| n.value.clone()),
        programme: p.programme.map(|x| x.id.clone()),
    };
    let sort_key = (
        match_key(&column.province),
        p.start,
        p.end,
        column.file.clone(),
    );
    let is_city = p.province.is_some_and(|x| x.kind == "thành phố");
    let Some(prog) = p.programme else {
        return PlanColumn {
            column,
            sort_key,
            programme: None,
            reference: p.reference,
            is_city,
            indicators: Vec::new(),
            agencies: Vec::new(),
        };
    };
    let indicators = prog
        .indicators
        .iter()
        .map(|n| {
            let r = compliance::indicator_row(p, n, lang);
            Some(IndicatorCell {
                target: r.plan,
                verdict: r.verdict,
                mark: r.mark,
                note: r.note,
                text: r.text.filter(|_| full),
                targets: if full { r.plan_targets } else { Vec::new() },
            })
        })
        .collect();
    let rows = compliance::agency_rows(p, lang);
    let agencies = prog
        .agencies
        .iter()
        .map(|req| {
            rows.iter()
                .find(|r| r.requirement_of.as_deref() == Some(req.agency.as_str()))
                .map(|r| AgencyCell {
                    status: r.status,
                    mark: r.mark,
                    named: r
                        .named
                        .iter()
                        .map(|a| compliance::NamedAgency {
                            name: if full { a.name.clone() } else { String::new() },
                            ..a.clone()
                        })
                        .collect(),
                    successor: r.id.as_deref() != Some(req.agency.as_str()),
                    body: r.name.clone(),
                })
        })
        .collect();
    PlanColumn {
        column,
        sort_key,
        programme: Some(prog),
        reference: p.reference,
        is_city,
        indicators,
        agencies,
    }
}

/// The matrix of every plan, in memory at once (tests and small sets).
pub fn build(plans: &[Box<CompiledPlan<'_>>], lang: Lang) -> Matrix {
    let reference = plans.first().map(|p| p.reference);
    let columns = plans.iter().map(|p| column(p, lang, true)).collect();
    assemble(columns, reference, lang)
}

/// Sorts the columns by province, then period, then file, and lays the cells out as rows.
pub fn assemble(
    mut plans: Vec<PlanColumn<'_>>,
    reference: Option<&crate::reference::Reference>,
    lang: Lang,
) -> Matrix {
    plans.sort_by(|a, b| a.sort_key.cmp(&b.sort_key));
    let mut columns: Vec<Column> = plans.iter().map(|p| p.column.clone()).collect();
    // Two versions of one province and period: tell them apart by number, else by file.
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for c in &columns {
        *seen.entry(c.label.clone()).or_default() += 1;
    }
    for c in &mut columns {
        if seen.get(&c.label).is_some_and(|n| *n > 1) {
            let tag = c.number.clone().unwrap_or_else(|| {
                std::path::Path::new(&c.file)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default()
            });
            c.label = format!("{} ({tag})", c.label);
        }
    }

    let mut programmes: Vec<&Programme> = Vec::new();
    for p in plans.iter().filter_map(|p| p.programme) {
        if !programmes.iter().any(|x| x.id == p.id) {
            programmes.push(p);
        }
    }
    let mut indicators = Vec::new();
    let mut agencies = Vec::new();
    for prog in programmes {
        let applies = |p: &PlanColumn| p.programme.is_some_and(|x| x.id == prog.id);
        for (i, n) in prog.indicators.iter().enumerate() {
            let cells = plans
                .iter_mut()
                .map(|p| {
                    if applies(p) {
                        p.indicators.get_mut(i).and_then(Option::take)
                    } else {
                        None
                    }
                })
                .collect();
            indicators.push(IndicatorRow {
                programme: prog.id.clone(),
                id: n.id.clone(),
                short: n.short(lang).to_string(),
                national: n.target_display(lang),
                national_targets: super::structured::of_national(n, lang),
                wording: n.text(lang).to_string(),
                cells,
            });
        }
        for (i, req) in prog.agencies.iter().enumerate() {
            // The row speaks the plans' own forms: "Công an thành phố" when every plan is a
            // centrally-run city's, both forms when provinces and cities are compared.
            let cities = plans.iter().filter(|p| p.is_city).count();
            let mut name = reference.and_then(|r| r.agencies.get(&req.agency)).map_or(
                req.agency.clone(),
                |a| match (&a.name_city, lang) {
                    (Some(city), Lang::Vi) if cities == plans.len() => city.clone(),
                    (Some(city), Lang::Vi) if cities > 0 => format!("{} / {city}", a.name),
                    _ => a.name(lang).to_string(),
                },
            );
            let cells: Vec<Option<AgencyCell>> = plans
                .iter_mut()
                .map(|p| {
                    if applies(p) {
                        p.agencies.get_mut(i).and_then(Option::take)
                    } else {
                        None
                    }
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

/// The columns of the tidy CSV: one row per plan × indicator × level, and per plan × agency.
pub const TIDY_HEADER: &[&str] = &[
    "file",
    "province",
    "period_start",
    "period_end",
    "number",
    "programme",
    "kind",
    "id",
    "name",
    "level",
    "comparator",
    "value",
    "max",
    "unit",
    "count_unit",
    "per",
    "verdict",
    "national_comparator",
    "national_value",
    "national_max",
    "role",
    "display",
];

fn machine_name<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// One plan's rows of the tidy CSV, with numbers as numbers. A target set per level gives a
/// row per level, next to the national target for that level; an indicator with no target
/// gives one row with its verdict.
pub fn tidy_rows(p: &PlanColumn, lang: Lang) -> Vec<Vec<String>> {
    use crate::report::csv::number;
    let c = &p.column;
    let num = |v: Option<f64>| v.map(number).unwrap_or_default();
    let head = |kind: &str, id: &str, name: &str| {
        vec![
            c.file.clone(),
            c.province.clone(),
            c.start.to_string(),
            c.end.to_string(),
            c.number.clone().unwrap_or_default(),
            c.programme.clone().unwrap_or_default(),
            kind.to_string(),
            id.to_string(),
            name.to_string(),
        ]
    };
    let mut rows = Vec::new();
    let Some(prog) = p.programme else { return rows };
    for (n, cell) in prog.indicators.iter().zip(&p.indicators) {
        let Some(cell) = cell else { continue };
        let national = super::structured::of_national(n, lang);
        let verdict = machine_name(&cell.verdict);
        let mut push = |t: Option<&super::structured::TargetData>| {
            let level = t.and_then(|t| t.level);
            let nat = national
                .iter()
                .find(|x| x.level == level)
                .or_else(|| national.iter().find(|x| x.level.is_none()))
                .or(national.first());
            let mut row = head("indicator", &n.id, n.short(lang));
            row.extend([
                level.map(|l| l.key().to_string()).unwrap_or_default(),
                t.map(|t| t.comparator.to_string()).unwrap_or_default(),
                num(t.and_then(|t| t.value)),
                num(t.and_then(|t| t.max)),
                t.map(|t| t.unit.to_string()).unwrap_or_default(),
                t.and_then(|t| t.count_unit.clone()).unwrap_or_default(),
                t.and_then(|t| t.period).unwrap_or_default().to_string(),
                verdict.clone(),
                nat.map(|x| x.comparator.to_string()).unwrap_or_default(),
                num(nat.and_then(|x| x.value)),
                num(nat.and_then(|x| x.max)),
                String::new(),
                crate::report::csv::plain_numbers(&t.map_or_else(
                    || cell.target.clone().unwrap_or_default(),
                    |t| t.display.clone(),
                )),
            ]);
            rows.push(row);
        };
        if cell.targets.is_empty() {
            push(None);
        } else {
            cell.targets.iter().for_each(|t| push(Some(t)));
        }
    }
    for (req, cell) in prog.agencies.iter().zip(&p.agencies) {
        let Some(cell) = cell else { continue };
        let mut roles: Vec<&str> = cell.named.iter().map(|a| machine_role(a.role)).collect();
        roles.dedup();
        let name = p
            .reference
            .agencies
            .get(&req.agency)
            .map_or(req.agency.as_str(), |a| a.name(lang));
        let mut row = head("agency", &req.agency, name);
        row.extend(std::iter::repeat_n(String::new(), 7));
        row.push(machine_name(&cell.status));
        row.extend(std::iter::repeat_n(String::new(), 3));
        row.push(roles.join(";"));
        row.push(
            cell.named
                .iter()
                .map(|a| a.name.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        );
        rows.push(row);
    }
    rows
}

fn machine_role(r: crate::model::Role) -> &'static str {
    super::role_name(r, Lang::En)
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
        let indicator_rows = self.indicators.iter().map(move |r| {
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
        });
        let agency_rows = self.agencies.iter().map(move |r| {
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
        });
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
        crate::report::html::matrix_page(
            MatrixPage {
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
                        rows: Box::new(indicator_rows),
                    },
                    RowGroup {
                        title: msg!(lang, "Cơ quan", "Agencies"),
                        rows: Box::new(agency_rows),
                    },
                ],
                legend,
                legend_title: msg!(lang, "Chú giải", "Legend"),
            },
            out,
        )
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
