//! The compliance view (`kehoach diff PLAN`): every national indicator with the plan's
//! target and verdict, the agencies the programme expects against those the plan names,
//! and the plan's own indicators with no national counterpart.

use crate::compile::{CompiledIndicator, CompiledPlan};
use crate::i18n::Lang;
use crate::model::{Role, display_targets, short_level};
use crate::msg;
use crate::reference::{NationalIndicator, Requirement};
use crate::report::grid::{Cell, Grid, Report, Tone};
use crate::text::format_number;
use crate::verdict::{Incomparable, Verdict};
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct IndicatorRow {
    pub id: String,
    pub short: String,
    /// The national target, compact ("≥ 70%", "tỉnh ≥ 70%; huyện ≥ 50%").
    pub national: String,
    /// The plan's target, compact; `None` when the plan sets none.
    pub plan: Option<String>,
    pub verdict: Verdict,
    pub mark: &'static str,
    /// Why the verdict is what it is, when the target alone does not say it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The plan's own wording of the target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// `national` and `plan` as data (views/structured.rs).
    pub national_targets: Vec<super::structured::TargetData>,
    pub plan_targets: Vec<super::structured::TargetData>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AgencyStatus {
    /// Expected here and named.
    Named,
    /// The programme's lead body is named, but not as lead.
    NotLead,
    /// Expected here and not named.
    Missing,
    /// Not binding here (requested, or conditional and not applicable) and not named.
    NotNamed,
    /// Named although the province cannot have it (border guards without border or coast).
    Unexpected,
    /// Named by the plan; the programme does not ask for it.
    Extra,
}

impl AgencyStatus {
    pub fn mark(self) -> &'static str {
        match self {
            AgencyStatus::Named => "✓",
            AgencyStatus::NotLead => "-",
            AgencyStatus::Missing => "∅",
            AgencyStatus::NotNamed => "·",
            AgencyStatus::Unexpected => "✗",
            AgencyStatus::Extra => "+",
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (AgencyStatus::Named, Lang::Vi) => "có",
            (AgencyStatus::NotLead, Lang::Vi) => "có, nhưng không chủ trì",
            (AgencyStatus::Missing, Lang::Vi) => "thiếu",
            (AgencyStatus::NotNamed, Lang::Vi) => "không đề cập",
            (AgencyStatus::Unexpected, Lang::Vi) => "không có ở tỉnh này",
            (AgencyStatus::Extra, Lang::Vi) => "bổ sung (ngoài danh mục)",
            (AgencyStatus::Named, Lang::En) => "named",
            (AgencyStatus::NotLead, Lang::En) => "named, not as lead",
            (AgencyStatus::Missing, Lang::En) => "missing",
            (AgencyStatus::NotNamed, Lang::En) => "not named",
            (AgencyStatus::Unexpected, Lang::En) => "not in this province",
            (AgencyStatus::Extra, Lang::En) => "beyond the programme",
        }
    }

    pub fn tone(self) -> Tone {
        match self {
            AgencyStatus::Named => Tone::Equal,
            AgencyStatus::NotLead | AgencyStatus::Unexpected => Tone::Weaker,
            AgencyStatus::Missing => Tone::Missing,
            AgencyStatus::NotNamed => Tone::Faint,
            AgencyStatus::Extra => Tone::Plain,
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct NamedAgency {
    pub name: String,
    pub role: Role,
    pub tasks: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct AgencyRow {
    /// The programme's agency id (before any successor).
    pub requirement_of: Option<String>,
    /// The body that holds the function on the plan's date.
    pub id: Option<String>,
    pub name: String,
    pub requirement: Option<Requirement>,
    /// Whether the programme binds this plan to name it.
    pub binding: bool,
    /// For a body expected by practice: in how many of how many real plans it is named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub practice: Option<(usize, usize)>,
    pub named: Vec<NamedAgency>,
    pub status: AgencyStatus,
    pub mark: &'static str,
}

#[derive(Clone, Debug, Serialize)]
pub struct LocalRow {
    pub id: String,
    pub target: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Compliance {
    pub file: String,
    pub label: String,
    pub programme: Option<String>,
    /// The plan implements no known current programme; compared with this one for reference.
    pub programme_is_reference: bool,
    /// The date agency requirements were resolved on.
    pub date: crate::date::Date,
    /// The plan states no issue date: `date` is the first day of its period.
    pub date_assumed: bool,
    pub indicators: Vec<IndicatorRow>,
    pub agencies: Vec<AgencyRow>,
    pub local: Vec<LocalRow>,
}

fn targets_of(ind: &CompiledIndicator, lang: Lang) -> String {
    display_targets(ind.targets.iter().map(|t| (t.level, &t.target)), lang)
}

/// One national indicator against the plan: the same reading `check` makes.
pub fn indicator_row(plan: &CompiledPlan, n: &NationalIndicator, lang: Lang) -> IndicatorRow {
    let national = n.target_display(lang);
    let row =
        |plan_target: Option<String>, verdict: Verdict, note: Option<String>, text| IndicatorRow {
            id: n.id.clone(),
            short: n.short(lang).to_string(),
            national: national.clone(),
            plan: plan_target,
            verdict,
            mark: verdict.mark(),
            note,
            text,
            national_targets: super::structured::of_national(n, lang),
            plan_targets: Vec::new(),
        };
    let a = crate::assess::indicator(plan, n);
    let Some(ind) = a.entry else {
        if a.verdict == Verdict::Aggregate || a.parts.is_empty() {
            return row(None, a.verdict, None, None);
        }
        let shown = a
            .parts
            .iter()
            .map(|p| format!("{} {}", p.key, targets_of(p, lang)))
            .collect::<Vec<_>>()
            .join("; ");
        let note = msg!(
            lang,
            "chỉ có số lượng thành phần, không có mẫu số",
            "component counts only, no denominator"
        );
        return row(Some(shown), a.verdict, Some(note), None);
    };
    let shown = (!ind.targets.is_empty()).then(|| targets_of(ind, lang));
    let note = a.judgement.as_ref().and_then(|j| match j.verdict {
        Verdict::Aggregate => None,
        Verdict::Missing => {
            let levels: Vec<&str> = j.missing_levels().map(|l| short_level(l, lang)).collect();
            (!levels.is_empty()).then(|| {
                msg!(
                    lang,
                    "không có chỉ tiêu cấp {}",
                    "no target for {}",
                    levels.join(", ")
                )
            })
        }
        _ => j.deciding().and_then(|p| match p.incomparable {
            Some(Incomparable::NoDenominator) => Some(msg!(
                lang,
                "số lượng, không có mẫu số",
                "a head-count with no denominator"
            )),
            Some(Incomparable::DifferentMeasure) => {
                Some(msg!(lang, "khác loại chỉ tiêu", "a different measure"))
            }
            Some(Incomparable::NoFigure) => {
                Some(msg!(lang, "không có con số để so", "no figure to compare"))
            }
            Some(Incomparable::Ceiling) => Some(msg!(
                lang,
                "mức trần, không phải mức sàn",
                "a ceiling, not a floor"
            )),
            None => p
                .as_percent
                .map(|pct| format!("≈ {}%", format_number((pct * 100.0).round() / 100.0))),
        }),
    });
    let mut r = row(shown, a.verdict, note, ind.text.clone());
    r.plan_targets = super::structured::of_indicator(ind, lang);
    r
}

/// Every national indicator of the plan's programme, in the programme's order.
pub fn indicator_rows(plan: &CompiledPlan, lang: Lang) -> Vec<IndicatorRow> {
    plan.programme
        .map(|p| {
            p.indicators
                .iter()
                .map(|n| indicator_row(plan, n, lang))
                .collect()
        })
        .unwrap_or_default()
}

/// The programme's agency requirements on the plan's date, then the bodies the plan adds.
/// Reads requirements the way `check` does (`in_force_on`, predecessors, border or coast).
pub fn agency_rows(plan: &CompiledPlan, lang: Lang) -> Vec<AgencyRow> {
    let mut rows = Vec::new();
    let mut claimed = vec![false; plan.agencies.len()];
    for assessed in crate::assess::agencies(plan) {
        let (req, expected) = (assessed.requirement, assessed.expected);
        let mut named = Vec::new();
        for (i, a) in plan.agencies.iter().enumerate() {
            if assessed.named.iter().any(|n| std::ptr::eq(*n, a)) {
                claimed[i] = true;
                named.push(NamedAgency {
                    name: a.name.clone(),
                    role: a.role,
                    tasks: a.tasks.len(),
                });
            }
        }
        let binding = assessed.binding;
        let status = if named.is_empty() {
            if binding {
                AgencyStatus::Missing
            } else {
                AgencyStatus::NotNamed
            }
        } else if assessed.impossible {
            AgencyStatus::Unexpected
        } else if req.requirement == Requirement::Lead && named.iter().all(|a| a.role != Role::Lead)
        {
            AgencyStatus::NotLead
        } else {
            AgencyStatus::Named
        };
        rows.push(AgencyRow {
            requirement_of: Some(req.agency.clone()),
            id: Some(expected.id.clone()),
            name: expected.name_in(plan.province, lang).to_string(),
            requirement: Some(req.requirement),
            binding,
            practice: assessed.practice,
            named,
            status,
            mark: status.mark(),
        });
    }
    for (a, _) in plan.agencies.iter().zip(&claimed).filter(|(_, c)| !**c) {
        rows.push(AgencyRow {
            requirement_of: None,
            id: a.agency.map(|x| x.id.clone()),
            name: a.agency.map_or(a.name.clone(), |x| {
                x.name_in(plan.province, lang).to_string()
            }),
            requirement: None,
            binding: false,
            practice: None,
            named: vec![NamedAgency {
                name: a.name.clone(),
                role: a.role,
                tasks: a.tasks.len(),
            }],
            status: AgencyStatus::Extra,
            mark: AgencyStatus::Extra.mark(),
        });
    }
    rows
}

/// The requirement with its basis: "cần có" when the Decision names the body, "thường có
/// (3/5 kế hoạch)" when only real plans do.
pub fn requirement_label(a: &AgencyRow, lang: Lang) -> String {
    let base = match (a.requirement, a.binding, lang) {
        (Some(Requirement::Required), true, Lang::Vi) => "cần có",
        (Some(Requirement::Required), true, Lang::En) => "needed",
        (r, _, _) => requirement_name(r, lang),
    };
    match a.practice {
        Some((seen, total)) if a.requirement != Some(Requirement::Requested) => msg!(
            lang,
            "{base} ({seen}/{total} kế hoạch)",
            "{base} ({seen}/{total} plans)"
        ),
        _ => base.to_string(),
    }
}

pub fn requirement_name(r: Option<Requirement>, lang: Lang) -> &'static str {
    match (r, lang) {
        (Some(Requirement::Lead), Lang::Vi) => "chủ trì",
        // No provincial body is yet shown to be named by the Decision itself (schemas/
        // 1629-qd-ttg.yaml, `basis`): the expected ones are what real plans usually name.
        (Some(Requirement::Required), Lang::Vi) => "thường có",
        (Some(Requirement::Conditional), Lang::Vi) => "nếu có biên giới, bờ biển",
        (Some(Requirement::Requested), Lang::Vi) => "đề nghị",
        (None, Lang::Vi) => "—",
        (Some(Requirement::Lead), Lang::En) => "lead",
        (Some(Requirement::Required), Lang::En) => "usual",
        (Some(Requirement::Conditional), Lang::En) => "if border or coast",
        (Some(Requirement::Requested), Lang::En) => "requested",
        (None, Lang::En) => "—",
    }
}

pub fn local_rows(plan: &CompiledPlan, lang: Lang) -> Vec<LocalRow> {
    plan.indicators
        .iter()
        .filter(|i| i.national.is_none())
        .map(|i| LocalRow {
            id: i.key.clone(),
            target: targets_of(i, lang),
            unit: i.unit.clone(),
            part_of: i.part_of.clone(),
            text: i.text.clone(),
        })
        .collect()
}

pub fn build(plan: &CompiledPlan, lang: Lang) -> Compliance {
    Compliance {
        file: plan.source.name.clone(),
        label: super::plan_label(plan),
        programme: plan.programme.map(|p| p.id.clone()),
        programme_is_reference: plan.programme_is_reference,
        date: plan.date,
        date_assumed: plan.issued.is_none(),
        indicators: indicator_rows(plan, lang),
        agencies: agency_rows(plan, lang),
        local: local_rows(plan, lang),
    }
}

/// "- weaker", "∅ missing": the mark first, so the column reads without colour.
pub fn verdict_cell(v: Verdict, lang: Lang) -> Cell {
    Cell::toned(format!("{} {}", v.mark(), v.name(lang)), v.into())
}

pub fn named_list(named: &[NamedAgency], lang: Lang) -> String {
    named
        .iter()
        .map(|a| format!("{} ({})", a.name, super::role_name(a.role, lang)))
        .collect::<Vec<_>>()
        .join("; ")
}

impl Compliance {
    pub fn report(&self, lang: Lang) -> Report {
        let mut r = Report::default();
        r.heading(msg!(
            lang,
            "{} — đối chiếu với {}",
            "{} — against {}",
            self.label,
            self.programme.as_deref().unwrap_or("?")
        ));
        r.text(self.file.clone());
        if self.programme_is_reference {
            r.text(msg!(
                lang,
                "Kế hoạch không thực hiện chương trình nào đã biết; so sánh chỉ để tham khảo.",
                "The plan implements no known programme; compared for reference only."
            ));
        }
        r.grid(self.indicators_grid(lang));
        self.agencies_section(&mut r, lang);
        self.local_section(&mut r, lang);
        r
    }

    /// Each national indicator: its target, the plan's, and the verdict.
    fn indicators_grid(&self, lang: Lang) -> Grid {
        let mut g = Grid::new(match lang {
            Lang::Vi => [
                "Chỉ tiêu của Chương trình",
                "Chương trình",
                "Kế hoạch",
                "Đánh giá",
            ],
            Lang::En => ["National indicator", "National", "Plan", "Verdict"],
        });
        for row in &self.indicators {
            let plan = match (&row.plan, &row.note) {
                (Some(p), Some(n)) => format!("{p} ({n})"),
                (Some(p), None) => p.clone(),
                (None, Some(n)) => format!("— ({n})"),
                (None, None) => "—".to_string(),
            };
            g.row(vec![
                Cell::plain(&row.short),
                Cell::plain(&row.national),
                Cell::plain(plan),
                verdict_cell(row.verdict, lang),
            ]);
        }
        g
    }

    /// The bodies the programme expects on the plan's date, and those the plan names.
    fn agencies_section(&self, r: &mut Report, lang: Lang) {
        r.heading(msg!(
            lang,
            "Cơ quan (tại thời điểm {}{})",
            "Agencies (as on {}{})",
            self.date.display(lang),
            if self.date_assumed {
                msg!(
                    lang,
                    "; ngày giả định: đầu kỳ kế hoạch",
                    "; assumed: the first day of the plan's period"
                )
            } else {
                String::new()
            }
        ));
        let mut g = Grid::new(match lang {
            Lang::Vi => ["Cơ quan", "Chương trình", "Kế hoạch nêu", "Đánh giá"],
            Lang::En => ["Agency", "Programme", "Named in the plan", "Status"],
        });
        for a in &self.agencies {
            let named = if a.named.is_empty() {
                "—".to_string()
            } else {
                named_list(&a.named, lang)
            };
            g.row(vec![
                Cell::plain(&a.name),
                Cell::plain(requirement_label(a, lang)),
                Cell::plain(named),
                Cell::toned(
                    format!("{} {}", a.mark, a.status.name(lang)),
                    a.status.tone(),
                ),
            ]);
        }
        r.grid(g);
    }

    /// The plan's local indicators, as written.
    fn local_section(&self, r: &mut Report, lang: Lang) {
        r.heading(msg!(
            lang,
            "Chỉ tiêu riêng của kế hoạch",
            "The plan's own indicators"
        ));
        if self.local.is_empty() {
            r.text(msg!(lang, "Không có.", "None."));
        } else {
            let mut g = Grid::new(match lang {
                Lang::Vi => ["Mã", "Chỉ tiêu", "Nội dung"],
                Lang::En => ["Id", "Target", "Wording"],
            });
            for l in &self.local {
                let target = match &l.unit {
                    Some(u) => format!("{} {u}", l.target),
                    None => l.target.clone(),
                };
                let mut text = l.text.clone().unwrap_or_default();
                if let Some(p) = &l.part_of {
                    text = msg!(lang, "(thuộc {p}) {text}", "(part of {p}) {text}");
                }
                g.row(vec![
                    Cell::plain(&l.id),
                    Cell::plain(target),
                    Cell::plain(text.trim()),
                ]);
            }
            r.grid(g);
        }
    }
}
