//! What the parser reads, and what it refuses to guess.

use super::{Cmp, Per, Target, Unreadable};
use crate::i18n::Lang;

fn p(s: &str) -> Target {
    Target::parse(s).unwrap_or_else(|_| panic!("could not read {s:?}"))
}

fn percent(cmp: Cmp, value: f64) -> Target {
    Target::Percent { cmp, value }
}

fn count(cmp: Cmp, value: f64) -> Target {
    Target::Count { cmp, value }
}

fn every(times: f64, per: Per) -> Target {
    Target::Frequency { times, per }
}

#[test]
fn every_form_the_seeds_use() {
    let forms = [
        (">= 70%", percent(Cmp::AtLeast, 70.0)),
        ("≥ 70%", percent(Cmp::AtLeast, 70.0)),
        ("Ít nhất 70%", percent(Cmp::AtLeast, 70.0)),
        ("Trên 70%", percent(Cmp::Above, 70.0)),
        ("> 50%", percent(Cmp::Above, 50.0)),
        ("100%", percent(Cmp::AtLeast, 100.0)),
        ("50%", percent(Cmp::AtLeast, 50.0)),
        ("phấn đấu 100%", percent(Cmp::AtLeast, 100.0)),
        ("2,5%", percent(Cmp::AtLeast, 2.5)),
        ("3-5%/năm", Target::Growth { min: 3.0, max: 5.0 }),
        ("Tăng 3 - 5%", Target::Growth { min: 3.0, max: 5.0 }),
        ("3% - 5% mỗi năm", Target::Growth { min: 3.0, max: 5.0 }),
        ("3-5%/year", Target::Growth { min: 3.0, max: 5.0 }),
        ("1/tháng", every(1.0, Per::Month)),
        ("ít nhất một tháng một lần", every(1.0, Per::Month)),
        ("mỗi tháng một lần", every(1.0, Per::Month)),
        ("hằng tháng", every(1.0, Per::Month)),
        ("định kỳ hàng quý", every(1.0, Per::Quarter)),
        ("2 lần/quý", every(2.0, Per::Quarter)),
        ("monthly", every(1.0, Per::Month)),
        ("25.000", count(Cmp::AtLeast, 25000.0)),
        ("25.000 người", count(Cmp::AtLeast, 25000.0)),
        ("ít nhất 1", count(Cmp::AtLeast, 1.0)),
        (">= 10", count(Cmp::AtLeast, 10.0)),
    ];
    for (written, target) in forms {
        assert_eq!(p(written), target, "{written:?}");
    }
}

#[test]
fn nonsense_is_unreadable_not_guessed() {
    for s in ["", "nhiều", "80-70%", "%", "tăng", "abc%", "1/thế kỷ"] {
        assert_eq!(Target::parse(s), Err(Unreadable), "{s:?}");
    }
}

#[test]
fn impossible_targets_are_named() {
    assert!(p("120%").impossibility(Lang::En).is_some());
    assert!(p("> 100%").impossibility(Lang::En).is_some());
    assert!(p("5-3%/năm").impossibility(Lang::En).is_some());
    assert!(p("100%").impossibility(Lang::En).is_none());
}
