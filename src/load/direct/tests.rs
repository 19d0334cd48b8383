//! The direct route against serde-saphyr on small documents, one YAML form at a time.

use super::plan;
use crate::model::PlanFile;

fn serde(text: &str) -> PlanFile {
    serde_saphyr::from_str_with_options(text, crate::load::options())
        .expect("serde-saphyr reads it")
}

/// `body` under a minimal plan's head; read by the direct route, the same plan as serde-saphyr's.
#[track_caller]
fn agrees(body: &str) {
    let text = format!("kehoach: 1\nplan:\n  province: Nghệ An\n  period: 2024\n{body}");
    let direct = plan(&text).unwrap_or_else(|| panic!("declined:\n{text}"));
    assert_eq!(direct, serde(&text), "{text}");
}

#[track_caller]
fn declines(body: &str) {
    let text = format!("kehoach: 1\nplan:\n  province: Nghệ An\n  period: 2024\n{body}");
    assert!(plan(&text).is_none(), "read:\n{text}");
}

#[test]
fn block_and_flow_forms_agree() {
    agrees("purpose:\n  - \"một\"\n  - hai  # chú thích\n");
    agrees("purpose:\n- một\n- 'hai ''ba'''\nobjectives: [a, \"b\", 'c']\n");
    agrees("indicators:\n  - ref: x\n    target: { province: \"1/tháng\", district: 1/tháng }\n");
    agrees("indicators:\n- ref: x\n  target: 25.000\n- id: yy\n  target: \">= 70%\"\n");
    agrees("indicators: []\nresponsibilities:\n- {agency: Sở Y tế, role: chủ trì}\n");
    agrees("responsibilities:\n\n    # c\n    -   agency: X\n        also: [ \"A\" , B ]\n");
    agrees(
        "waivers:\n  - { rule: a, ref: b }\nreporting:\n  to: [a]\n  every: [hằng quý, 6 tháng]\n",
    );
    agrees("tasks:\n  - group: 1\n    title: T\n    items: []\n");
}

#[test]
fn quoted_lines_fold_as_yaml_folds_them() {
    agrees("purpose:\n  - \"một\n    hai  \n\n    ba\"\n");
    agrees("purpose:\n  - 'một\n     hai\n\n\n     ba'\n");
    agrees("budget: \"a\n b\"\n");
    agrees("purpose:\n  - \"a\\\"b\\\\c\\u1EA1\\x41\\n\"\n");
}

#[test]
fn numbers_and_words_in_text_fields_keep_their_text() {
    agrees("");
    agrees("indicators:\n  - id: yy\n    target: nn\n");
    agrees("indicators:\n  - id: a\n    target: 70\n    deadline: 2025-12-31\n    unit: 1:2\n");
}

#[test]
fn what_is_not_plain_is_left_to_serde_saphyr() {
    for body in [
        "budget: &a x\n",
        "budget: !!str x\n",
        "budget: |\n  x\n",
        "budget:\n",
        "budget: ~\n",
        "budget: yes\n",
        "indicators:\n  - id: a\n    target: n\n",
        "budget: x\nbudget: y\n",
        "indicators:\n  - id: a\n    target: {province: \"1\", province: \"2\"}\n",
        "unknown: x\n",
        "indicators:\n  - target: 0x10\n    id: a\n",
        "indicators:\n  - target: .5\n    id: a\n",
        "purpose:\n  - a\n    b\n",
        "purpose: [a,\n  b]\n",
        "purpose:\n  - \"a\nb\"\n",
        "budget: a: b\n",
        "budget: \"a\" b\n",
        "purpose:\n  - - a\n",
    ] {
        declines(body);
    }
}

#[test]
fn tabs_carriage_returns_and_deep_nesting_are_left_to_serde_saphyr() {
    assert!(plan("kehoach: 1\r\nplan:\r\n  province: A\r\n  period: 2024\r\n").is_none());
    assert!(plan("kehoach: 1\nplan:\n\tprovince: A\n").is_none());
    for odd in [
        "\0", "\u{7f}", "\u{85}", "\u{9f}", "\u{2028}", "\u{feff}", "\u{ffff}",
    ] {
        let text = format!("kehoach: 1\nplan:\n  province: A{odd}\n  period: 2024\n");
        assert!(plan(&text).is_none(), "{odd:?}");
    }
    let deep: String = (0..40).map(|i| format!("{}k:\n", " ".repeat(i))).collect();
    assert!(plan(&deep).is_none());
}
