//! Targets written back: the compact notation of reports ("≥ 70%", "+3–5%/năm") and the
//! Vietnamese phrase a rendered plan uses ("Ít nhất 70%").

use super::{Cmp, Per, Target};
use crate::i18n::Lang;
use crate::text::format_number;

impl Cmp {
    /// The symbol the compact notation writes before the number ("≥ ", "< ").
    pub fn symbol(self) -> &'static str {
        match self {
            Cmp::AtLeast => "≥ ",
            Cmp::Above => "> ",
            Cmp::Exactly => "= ",
            Cmp::AtMost => "≤ ",
            Cmp::Below => "< ",
        }
    }
}

impl Target {
    /// Compact, language-aware notation: "≥ 70%", "> 50%", "3–5%/năm", "≥ 1 lần/tháng", "25.000".
    pub fn display(&self, lang: Lang) -> String {
        let sym = Cmp::symbol;
        match *self {
            Target::Percent { cmp, value } if value >= 100.0 && !cmp.is_ceiling() => {
                format!("{}%", format_number(value))
            }
            Target::Percent { cmp, value } => format!("{}{}%", sym(cmp), format_number(value)),
            Target::Growth { min, max } if min == max => {
                format!("+{}%/{}", format_number(min), Per::Year.word(lang))
            }
            Target::Growth { min, max } => format!(
                "+{}–{}%/{}",
                format_number(min),
                format_number(max),
                Per::Year.word(lang)
            ),
            // "≥ 1 lần/tháng": the Vietnamese reads "times" (review §4.8).
            // Less than once a period ("6 tháng một lần" is 1/6 a month): "≥ 1 lần/6 tháng",
            // not "≥ 0,17 lần/tháng".
            Target::Frequency { times, per } if times > 0.0 && times < 1.0 => {
                let every = format_number((1.0 / times * 100.0).round() / 100.0);
                match lang {
                    Lang::Vi => format!("≥ 1 lần/{every} {}", per.word(lang)),
                    Lang::En => format!("≥ 1 every {every} {}s", per.word(lang)),
                }
            }
            Target::Frequency { times, per } => match lang {
                Lang::Vi => format!("≥ {} lần/{}", format_number(times), per.word(lang)),
                Lang::En => format!("≥ {}/{}", format_number(times), per.word(lang)),
            },
            Target::Count { cmp, value } => format!("{}{}", sym(cmp), format_number(value)),
            Target::Qualitative { .. } => "?".to_string(),
        }
    }

    /// The target written as the start of a Vietnamese sentence, the way plans phrase it:
    /// "Ít nhất 70%", "Trên 50%", "100%", "Tăng 3 - 5%/năm", "ít nhất 1 lần/tháng". Empty for
    /// a qualitative target, whose words are the plan's own.
    pub fn vietnamese_phrase(&self) -> String {
        match *self {
            Target::Percent { cmp, value } if cmp.is_ceiling() => {
                format!("{} {}%", ceiling_word(cmp), format_number(value))
            }
            Target::Count { cmp, value } if cmp.is_ceiling() => {
                format!("{} {}", ceiling_word(cmp), format_number(value))
            }
            Target::Qualitative { .. } => String::new(),
            Target::Percent { value, .. } if value >= 100.0 => "100%".to_string(),
            Target::Percent {
                cmp: Cmp::AtLeast,
                value,
            } => format!("Ít nhất {}%", format_number(value)),
            Target::Percent {
                cmp: Cmp::Above,
                value,
            } => format!("Trên {}%", format_number(value)),
            Target::Percent { value, .. } => format!("{}%", format_number(value)),
            Target::Growth { min, max } if min == max => {
                format!("Tăng {}%/năm", format_number(min))
            }
            Target::Growth { min, max } => {
                format!("Tăng {} - {}%/năm", format_number(min), format_number(max))
            }
            Target::Frequency { times: 1.0, per } => {
                format!("ít nhất một {} một lần", per.word(Lang::Vi))
            }
            Target::Frequency { times, per } => format!(
                "ít nhất {} lần/{}",
                format_number(times),
                per.word(Lang::Vi)
            ),
            Target::Count {
                cmp: Cmp::Above,
                value,
            } => format!("Trên {}", format_number(value)),
            Target::Count {
                cmp: Cmp::AtLeast,
                value,
            } => format!("Ít nhất {}", format_number(value)),
            Target::Count { value, .. } => format_number(value),
        }
    }
}

fn ceiling_word(cmp: Cmp) -> &'static str {
    if cmp == Cmp::AtMost {
        "Tối đa"
    } else {
        "Dưới"
    }
}
