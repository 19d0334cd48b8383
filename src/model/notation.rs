//! Targets written out: in the compact notation reports show ("≥ 70%", levels named where the
//! targets carry one), and in the plan syntax a plan file holds (">= 70%"), which `init` and
//! `import` write and a finding's help asks the officer to write. Both read only the model, so
//! every layer above can use them: the reference data, the compiler, check and the views.

use crate::i18n::Lang;
use crate::model::{Cmp, Level, Target};
use crate::text::format_number;

/// Targets in compact notation, levels named where the targets carry one: "≥ 70%", or
/// "cấp tỉnh ≥ 70%; cấp huyện, cấp xã ≥ 50%" (in Vietnamese, levels with the same target
/// together, as plans write them), "province ≥ 70%; district ≥ 50%; commune ≥ 50%".
pub fn display_targets<'t>(
    targets: impl Iterator<Item = (Option<Level>, &'t Target)>,
    lang: Lang,
) -> String {
    let mut groups: Vec<(Vec<&str>, String)> = Vec::new();
    for (level, t) in targets {
        let shown = t.display(lang);
        match (level, groups.last_mut()) {
            (Some(l), Some((levels, last)))
                if lang == Lang::Vi && !levels.is_empty() && *last == shown =>
            {
                levels.push(short_level(l, lang));
            }
            (level, _) => groups.push((
                level.map(|l| short_level(l, lang)).into_iter().collect(),
                shown,
            )),
        }
    }
    groups
        .into_iter()
        .map(|(levels, shown)| match levels.is_empty() {
            true => shown,
            false => format!("{} {shown}", levels.join(", ")),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn short_level(l: Level, lang: Lang) -> &'static str {
    match (l, lang) {
        (Level::Province, Lang::Vi) => "cấp tỉnh",
        (Level::District, Lang::Vi) => "cấp huyện",
        (Level::Commune, Lang::Vi) => "cấp xã",
        (Level::Province, Lang::En) => "province",
        (Level::District, Lang::En) => "district",
        (Level::Commune, Lang::En) => "commune",
    }
}

/// A target in the plan syntax (docs/plan-format.md), read back by `Target::parse` as the same
/// target: ">= 70%", "100%", "3-5%/năm", "1/tháng".
pub fn plan_syntax(t: &Target) -> String {
    let cmp = |c: Cmp| match c {
        Cmp::AtLeast => ">= ",
        Cmp::Above => "> ",
        Cmp::Exactly => "= ",
        Cmp::AtMost => "<= ",
        Cmp::Below => "< ",
    };
    match *t {
        Target::Percent {
            cmp: Cmp::AtLeast,
            value,
        } if value >= 100.0 => format!("{}%", format_number(value)),
        Target::Percent { cmp: c, value } => format!("{}{}%", cmp(c), format_number(value)),
        Target::Growth { min, max } if min == max => format!("{}%/năm", format_number(min)),
        Target::Growth { min, max } => {
            format!("{}-{}%/năm", format_number(min), format_number(max))
        }
        Target::Frequency { times, per } => {
            format!("{}/{}", format_number(times), per.word(Lang::Vi))
        }
        Target::Count { cmp: c, value } => format!("{}{}", cmp(c), format_number(value)),
        // A national target always has a figure; nothing to write for one without.
        Target::Qualitative { .. } => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Per;

    #[test]
    fn levels_with_the_same_target_are_named_together_in_vietnamese() {
        let (high, low) = (
            Target::Percent {
                cmp: Cmp::AtLeast,
                value: 70.0,
            },
            Target::Percent {
                cmp: Cmp::AtLeast,
                value: 50.0,
            },
        );
        let levels = [
            (Some(Level::Province), &high),
            (Some(Level::District), &low),
            (Some(Level::Commune), &low),
        ];
        assert_eq!(
            display_targets(levels.into_iter(), Lang::Vi),
            "cấp tỉnh ≥ 70%; cấp huyện, cấp xã ≥ 50%"
        );
        assert_eq!(
            display_targets(levels.into_iter(), Lang::En),
            "province ≥ 70%; district ≥ 50%; commune ≥ 50%"
        );
        assert_eq!(
            display_targets([(None, &high)].into_iter(), Lang::Vi),
            "≥ 70%"
        );
    }

    #[test]
    fn the_plan_syntax_reads_back_as_the_same_target() {
        let targets = [
            Target::Percent {
                cmp: Cmp::AtLeast,
                value: 70.0,
            },
            Target::Percent {
                cmp: Cmp::AtLeast,
                value: 100.0,
            },
            Target::Percent {
                cmp: Cmp::Above,
                value: 62.5,
            },
            Target::Percent {
                cmp: Cmp::Exactly,
                value: 80.0,
            },
            Target::Growth { min: 5.0, max: 5.0 },
            Target::Growth { min: 3.0, max: 5.0 },
            Target::Frequency {
                times: 2.0,
                per: Per::Quarter,
            },
            Target::Count {
                cmp: Cmp::AtLeast,
                value: 25000.0,
            },
            Target::Count {
                cmp: Cmp::Above,
                value: 3.0,
            },
        ];
        for t in targets {
            let written = plan_syntax(&t);
            assert_eq!(Target::parse(&written), Ok(t), "{written}");
        }
    }
}
