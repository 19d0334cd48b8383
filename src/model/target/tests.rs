//! What the parser reads, and what it refuses to guess.

use super::{Cmp, Per, Target, Unreadable};
use crate::i18n::Lang;

fn p(s: &str) -> Target {
    Target::parse(s).unwrap_or_else(|_| panic!("could not read {s:?}"))
}

#[test]
fn every_form_the_seeds_use() {
    assert_eq!(
        p(">= 70%"),
        Target::Percent {
            cmp: Cmp::AtLeast,
            value: 70.0
        }
    );
    assert_eq!(
        p("≥ 70%"),
        Target::Percent {
            cmp: Cmp::AtLeast,
            value: 70.0
        }
    );
    assert_eq!(
        p("Ít nhất 70%"),
        Target::Percent {
            cmp: Cmp::AtLeast,
            value: 70.0
        }
    );
    assert_eq!(
        p("Trên 70%"),
        Target::Percent {
            cmp: Cmp::Above,
            value: 70.0
        }
    );
    assert_eq!(
        p("> 50%"),
        Target::Percent {
            cmp: Cmp::Above,
            value: 50.0
        }
    );
    assert_eq!(
        p("100%"),
        Target::Percent {
            cmp: Cmp::AtLeast,
            value: 100.0
        }
    );
    assert_eq!(
        p("50%"),
        Target::Percent {
            cmp: Cmp::AtLeast,
            value: 50.0
        }
    );
    assert_eq!(
        p("phấn đấu 100%"),
        Target::Percent {
            cmp: Cmp::AtLeast,
            value: 100.0
        }
    );
    assert_eq!(
        p("2,5%"),
        Target::Percent {
            cmp: Cmp::AtLeast,
            value: 2.5
        }
    );
    assert_eq!(p("3-5%/năm"), Target::Growth { min: 3.0, max: 5.0 });
    assert_eq!(p("Tăng 3 - 5%"), Target::Growth { min: 3.0, max: 5.0 });
    assert_eq!(p("3% - 5% mỗi năm"), Target::Growth { min: 3.0, max: 5.0 });
    assert_eq!(p("3-5%/year"), Target::Growth { min: 3.0, max: 5.0 });
    assert_eq!(
        p("1/tháng"),
        Target::Frequency {
            times: 1.0,
            per: Per::Month
        }
    );
    assert_eq!(
        p("ít nhất một tháng một lần"),
        Target::Frequency {
            times: 1.0,
            per: Per::Month
        }
    );
    assert_eq!(
        p("mỗi tháng một lần"),
        Target::Frequency {
            times: 1.0,
            per: Per::Month
        }
    );
    assert_eq!(
        p("hằng tháng"),
        Target::Frequency {
            times: 1.0,
            per: Per::Month
        }
    );
    assert_eq!(
        p("định kỳ hàng quý"),
        Target::Frequency {
            times: 1.0,
            per: Per::Quarter
        }
    );
    assert_eq!(
        p("2 lần/quý"),
        Target::Frequency {
            times: 2.0,
            per: Per::Quarter
        }
    );
    assert_eq!(
        p("monthly"),
        Target::Frequency {
            times: 1.0,
            per: Per::Month
        }
    );
    assert_eq!(
        p("25.000"),
        Target::Count {
            cmp: Cmp::AtLeast,
            value: 25000.0
        }
    );
    assert_eq!(
        p("25.000 người"),
        Target::Count {
            cmp: Cmp::AtLeast,
            value: 25000.0
        }
    );
    assert_eq!(
        p("ít nhất 1"),
        Target::Count {
            cmp: Cmp::AtLeast,
            value: 1.0
        }
    );
    assert_eq!(
        p(">= 10"),
        Target::Count {
            cmp: Cmp::AtLeast,
            value: 10.0
        }
    );
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
