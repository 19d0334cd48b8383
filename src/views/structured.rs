//! Targets as data for scripts and spreadsheets: the JSON of `diff`, `summary` and `compare`
//! and the tidy CSV of `compare` carry each target as comparator, value, unit, level and
//! period beside its display string, so nobody has to parse "≥ 70%" back.
//!
//! Built from [`Target`], the one structured reading `check` also uses.

use crate::compile::CompiledIndicator;
use crate::i18n::Lang;
use crate::model::{Cmp, Level, Target};
use crate::reference::NationalIndicator;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetData {
    /// The level of government it is set for; `None` for every level.
    pub level: Option<Level>,
    /// `>=`, `>`, `=`, `<=`, `<` (a ceiling), `range` (a yearly rise between `value` and `max`), or `qualitative`
    /// (a target that cannot be read as a figure: `value` is null).
    pub comparator: &'static str,
    pub value: Option<f64>,
    /// The upper end of a range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// `percent`, `percent-per-year` (a rise), `times` (a frequency) or `count` (with the
    /// plan's `unit:` when it gives one, in `count_unit`).
    pub unit: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count_unit: Option<String>,
    /// For a frequency and a rise: `week`, `month`, `quarter` or `year`.
    pub period: Option<&'static str>,
    /// The compact display ("≥ 70%").
    pub display: String,
}

fn comparator(c: Cmp) -> &'static str {
    match c {
        Cmp::AtLeast => ">=",
        Cmp::Above => ">",
        Cmp::Exactly => "=",
        Cmp::AtMost => "<=",
        Cmp::Below => "<",
    }
}

/// One target as data. A reading kehoach cannot make into a figure is `qualitative`.
pub fn target(level: Option<Level>, t: &Target, unit: Option<&str>, lang: Lang) -> TargetData {
    let mut d = TargetData {
        level,
        comparator: "qualitative",
        value: None,
        max: None,
        unit: "text",
        count_unit: None,
        period: None,
        display: t.display(lang),
    };
    // Kinds of target added later (a qualitative target) fall through to `qualitative`.
    #[allow(unreachable_patterns)]
    match *t {
        Target::Percent { cmp, value } => {
            d.comparator = comparator(cmp);
            d.value = Some(value);
            d.unit = "percent";
        }
        Target::Growth { min, max } => {
            d.comparator = if min == max { ">=" } else { "range" };
            d.value = Some(min);
            d.max = (min != max).then_some(max);
            d.unit = "percent-per-year";
            d.period = Some("year");
        }
        Target::Frequency { times, per } => {
            d.comparator = ">=";
            d.value = Some(times);
            d.unit = "times";
            d.period = Some(per.word(Lang::En));
        }
        Target::Count { cmp, value } => {
            d.comparator = comparator(cmp);
            d.value = Some(value);
            d.unit = "count";
            d.count_unit = unit.map(str::to_string);
        }
        _ => {}
    }
    d
}

/// Every target of a plan's indicator, one per level it sets.
pub fn of_indicator(ind: &CompiledIndicator, lang: Lang) -> Vec<TargetData> {
    ind.targets
        .iter()
        .map(|t| target(t.level, &t.target, ind.unit.as_deref(), lang))
        .collect()
}

/// The national target, one per level it sets.
pub fn of_national(n: &NationalIndicator, lang: Lang) -> Vec<TargetData> {
    n.targets
        .iter()
        .map(|(l, t)| target(*l, t, None, lang))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_measure_becomes_numbers() {
        let lang = Lang::En;
        let pct = target(None, &Target::parse("Trên 70%").unwrap(), None, lang);
        assert_eq!(
            (pct.comparator, pct.value, pct.unit),
            (">", Some(70.0), "percent")
        );
        let growth = target(None, &Target::parse("3 - 5%/năm").unwrap(), None, lang);
        assert_eq!(
            (growth.comparator, growth.value, growth.max, growth.period),
            ("range", Some(3.0), Some(5.0), Some("year"))
        );
        let count = target(
            Some(Level::Province),
            &Target::parse("25.000").unwrap(),
            Some("người"),
            lang,
        );
        assert_eq!(count.value, Some(25_000.0));
        assert_eq!(count.count_unit.as_deref(), Some("người"));
        assert_eq!(count.level, Some(Level::Province));
        let freq = target(None, &Target::parse("1/tháng").unwrap(), None, lang);
        assert_eq!(
            (freq.comparator, freq.unit, freq.period),
            (">=", "times", Some("month"))
        );
    }
}
