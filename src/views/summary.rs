//! The one-screen summary (`kehoach summary PLAN`): metadata, findings by level, the plan's
//! indicators with the national reference beside them, agencies with role and task count.

use crate::assess::IndicatorAssessment;
use crate::compile::{CompiledIndicator, CompiledPlan};
use crate::date::Date;
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::model::{Role, display_targets};
use crate::msg;
use crate::report::Counts;
use crate::report::grid::{Cell, Grid, Report};
use crate::verdict::Verdict;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct Metadata {
    pub number: Option<String>,
    pub title: Option<String>,
    pub issuer: Option<String>,
    pub province: String,
    pub period: String,
    pub issued: Option<Date>,
    pub programme: Option<String>,
    pub programme_is_reference: bool,
    pub signer: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct IndicatorLine {
    pub id: String,
    pub name: String,
    pub plan: String,
    /// `None` for the plan's own indicators.
    pub national: Option<String>,
    pub verdict: Option<Verdict>,
    pub mark: Option<&'static str>,
    /// `plan` and `national` as data (views/structured.rs).
    pub plan_targets: Vec<super::structured::TargetData>,
    pub national_targets: Vec<super::structured::TargetData>,
}

#[derive(Clone, Debug, Serialize)]
pub struct AgencyLine {
    pub name: String,
    /// The registry's name when the plan's spelling resolved.
    pub resolved: Option<String>,
    pub role: Role,
    pub tasks: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    pub file: String,
    pub metadata: Metadata,
    pub findings: Counts,
    pub indicators: Vec<IndicatorLine>,
    pub agencies: Vec<AgencyLine>,
}

pub fn build(plan: &CompiledPlan, findings: &[Finding], lang: Lang) -> Summary {
    let mut counts = Counts::default();
    counts.add(findings);
    let mut indicators: Vec<IndicatorLine> = plan
        .indicators
        .iter()
        .map(|ind| indicator_line(plan, ind, lang))
        .collect();
    // The national indicators the plan does not state: `check` reports them missing, and the
    // summary shows them too (∅), so both tell the same story.
    indicators.extend(
        crate::assess::indicators(plan)
            .into_iter()
            .filter(|a| a.entry.is_none() && a.verdict != Verdict::Aggregate)
            .map(|a| unstated_line(&a, lang)),
    );
    let agencies = plan
        .agencies
        .iter()
        .map(|a| AgencyLine {
            name: a.name.clone(),
            resolved: a.agency.map(|x| x.name(lang).to_string()),
            role: a.role,
            tasks: a.tasks.len(),
        })
        .collect();
    Summary {
        file: plan.source.name.clone(),
        metadata: metadata(plan),
        findings: counts,
        indicators,
        agencies,
    }
}

/// One of the plan's indicators: beside its national target and verdict, or alone if local.
fn indicator_line(plan: &CompiledPlan, ind: &CompiledIndicator, lang: Lang) -> IndicatorLine {
    let shown = display_targets(ind.targets.iter().map(|t| (t.level, &t.target)), lang);
    match ind.national {
        Some(n) => {
            let v = crate::assess::indicator(plan, n).verdict;
            IndicatorLine {
                id: ind.key.clone(),
                name: n.short(lang).to_string(),
                plan: shown,
                national: Some(n.target_display(lang)),
                verdict: Some(v),
                mark: Some(v.mark()),
                plan_targets: super::structured::of_indicator(ind, lang),
                national_targets: super::structured::of_national(n, lang),
            }
        }
        None => IndicatorLine {
            id: ind.key.clone(),
            name: ind
                .unit
                .clone()
                .map(|u| format!("{} ({u})", ind.key))
                .unwrap_or_else(|| ind.key.clone()),
            plan: shown,
            national: None,
            verdict: None,
            mark: None,
            plan_targets: super::structured::of_indicator(ind, lang),
            national_targets: Vec::new(),
        },
    }
}

/// A national indicator the plan does not state.
fn unstated_line(a: &IndicatorAssessment, lang: Lang) -> IndicatorLine {
    IndicatorLine {
        id: a.national.id.clone(),
        name: a.national.short(lang).to_string(),
        // Local parts with no denominator to add them up against, or nothing at all.
        plan: match a.parts.as_slice() {
            [] => "—".to_string(),
            parts => parts
                .iter()
                .map(|p| p.key.as_str())
                .collect::<Vec<_>>()
                .join(" + "),
        },
        national: Some(a.national.target_display(lang)),
        verdict: Some(a.verdict),
        mark: Some(a.verdict.mark()),
        plan_targets: Vec::new(),
        national_targets: super::structured::of_national(a.national, lang),
    }
}

fn metadata(plan: &CompiledPlan) -> Metadata {
    let meta = &plan.doc.plan.value;
    let text =
        |s: &Option<crate::model::S<String>>| s.as_ref().map(|v| crate::text::nfc(v.value.trim()));
    Metadata {
        number: text(&meta.number),
        title: text(&meta.title),
        issuer: text(&meta.issuer),
        province: plan
            .province
            .map(|p| p.full_name())
            .unwrap_or_else(|| super::province_name(plan)),
        period: super::period(plan),
        issued: plan.issued,
        programme: plan.programme.map(|p| p.id.clone()),
        programme_is_reference: plan.programme_is_reference,
        signer: meta.signer.as_ref().map(|s| match &s.title {
            Some(t) => format!("{} ({})", s.name, t),
            None => s.name.clone(),
        }),
    }
}

impl Summary {
    pub fn report(&self, lang: Lang) -> Report {
        let m = &self.metadata;
        let mut r = Report::default();
        r.heading(
            m.title
                .clone()
                .or_else(|| m.number.clone())
                .unwrap_or_else(|| self.file.clone()),
        );
        r.grid(self.metadata_grid(lang));

        r.heading(msg!(
            lang,
            "Chỉ tiêu ({})",
            "Indicators ({})",
            self.indicators.len()
        ));
        let mut g = Grid::new(match lang {
            Lang::Vi => ["Chỉ tiêu", "Kế hoạch", "Quốc gia", ""],
            Lang::En => ["Indicator", "Plan", "National", ""],
        });
        for i in &self.indicators {
            g.row(vec![
                Cell::plain(&i.name),
                Cell::plain(&i.plan),
                Cell::plain(i.national.clone().unwrap_or_else(|| "—".to_string())),
                match i.verdict {
                    Some(v) => Cell::toned(v.mark(), v.into()),
                    None => Cell::plain(""),
                },
            ]);
        }
        r.grid(g);

        r.heading(msg!(
            lang,
            "Cơ quan ({})",
            "Agencies ({})",
            self.agencies.len()
        ));
        let mut g = Grid::new(match lang {
            Lang::Vi => ["Cơ quan", "Vai trò", "Nhiệm vụ"],
            Lang::En => ["Agency", "Role", "Tasks"],
        });
        for a in &self.agencies {
            g.row(vec![
                Cell::plain(&a.name),
                Cell::plain(super::role_name(a.role, lang)),
                Cell::plain(a.tasks.to_string()),
            ]);
        }
        r.grid(g);
        r
    }

    /// The plan's heading, one field a row, and its findings by level.
    fn metadata_grid(&self, lang: Lang) -> Grid {
        let m = &self.metadata;
        let mut g = Grid::new(match lang {
            Lang::Vi => ["Mục", "Nội dung"],
            Lang::En => ["Field", "Value"],
        });
        let mut field = |k: String, v: Option<String>| {
            if let Some(v) = v {
                g.row(vec![Cell::plain(k), Cell::plain(v)]);
            }
        };
        field(msg!(lang, "Tệp", "File"), Some(self.file.clone()));
        field(msg!(lang, "Số", "Number"), m.number.clone());
        field(msg!(lang, "Cơ quan ban hành", "Issuer"), m.issuer.clone());
        field(msg!(lang, "Địa bàn", "Province"), Some(m.province.clone()));
        field(msg!(lang, "Thời kỳ", "Period"), Some(m.period.clone()));
        field(
            msg!(lang, "Ngày ban hành", "Issued"),
            m.issued.map(Date::vietnamese_short),
        );
        field(
            msg!(lang, "Chương trình", "Programme"),
            m.programme.clone().map(|p| {
                if m.programme_is_reference {
                    msg!(lang, "{p} (tham khảo)", "{p} (for reference)")
                } else {
                    p
                }
            }),
        );
        field(msg!(lang, "Người ký", "Signed by"), m.signer.clone());
        let f = &self.findings;
        field(
            msg!(lang, "Kết quả kiểm tra", "Findings"),
            Some(msg!(
                lang,
                "{} lỗi, {} cảnh báo, {} ghi chú",
                "{} error(s), {} warning(s), {} note(s)",
                f.errors,
                f.warnings,
                f.notes
            )),
        );
        g
    }
}
