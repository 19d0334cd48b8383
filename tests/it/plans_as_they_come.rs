//! Plans as they really come (issue 8 §3): excerpts and news summaries, plans with no issue
//! date, and decisions that issue a plan.

use crate::common::{check_json, findings, kehoach, root};
use std::path::{Path, PathBuf};

/// Writes `text` as a plan in a fresh directory and returns (directory, path).
fn plan_file(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.yaml");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

fn of_code<'a>(doc: &'a serde_json::Value, code: &str) -> Vec<&'a serde_json::Value> {
    findings(doc).iter().filter(|f| f["code"] == code).collect()
}

fn seed(name: &str) -> String {
    std::fs::read_to_string(root().join("plans").join(name)).unwrap()
}

#[test]
fn a_full_plan_keeps_one_warning_per_absent_indicator() {
    let text = seed("thanh-hoa-2021-2025.yaml").replace("  completeness: summary\n", "");
    assert!(!text.contains("completeness"));
    let (_dir, path) = plan_file(&text);
    let (_, doc) = check_json(&path);
    let missing = of_code(&doc, "missing-indicator");
    assert_eq!(missing.len(), 12);
    assert!(missing.iter().all(|f| f["level"] == "warning"));
}

#[test]
fn an_excerpt_says_the_source_is_silent_about_budget_and_reporting() {
    let (code, doc) = check_json(Path::new("plans/quang-nam-2023.yaml"));
    assert_eq!(code, 1, "the two weaker targets stay errors");
    // Quảng Nam's excerpt states a reporting duty (4.1, 4.11) but no budget section.
    assert!(of_code(&doc, "missing-reporting").is_empty());
    let f = of_code(&doc, "missing-budget");
    assert_eq!(f.len(), 1, "missing-budget");
    assert_eq!(f[0]["level"], "note");
    assert_eq!(
        f[0]["message"],
        "this excerpt does not state a budget section"
    );
    let missing = of_code(&doc, "missing-indicator");
    assert_eq!(missing.len(), 1);
    assert_eq!(
        missing[0]["message"],
        "2 national targets not stated in this excerpt: Lower-level units with a plan; Integrated with other programmes"
    );
}

#[test]
fn completeness_is_accepted_in_vietnamese_and_absent_bodies_are_one_note() {
    let text =
        seed("ninh-binh-2021-2025.yaml").replace("completeness: summary", "completeness: tóm tắt");
    let (_dir, path) = plan_file(&text);
    let (_, doc) = check_json(&path);
    assert!(of_code(&doc, "schema").is_empty(), "{doc}");
    let agencies = of_code(&doc, "missing-agency");
    assert_eq!(agencies.len(), 1, "{agencies:?}");
    assert_eq!(agencies[0]["level"], "note");
    let message = agencies[0]["message"].as_str().unwrap();
    assert!(message.contains("not named in this summary"), "{message}");
    assert!(message.contains("Provincial Police"), "{message}");
}

const UNDATED: &str = "kehoach: 1
plan:
  title: \"Kế hoạch phòng, chống mại dâm trên địa bàn tỉnh Ninh Bình giai đoạn 2021-2025\"
  province: Ninh Bình
  period: 2021-2025
  implements: [1629/QĐ-TTg]
responsibilities:
  - agency: Sở Lao động - Thương binh và Xã hội
    role: lead
";

#[test]
fn an_undated_plan_is_told_once_that_the_lead_depends_on_the_date() {
    let (_dir, path) = plan_file(UNDATED);
    let (_, doc) = check_json(&path);
    let undated = of_code(&doc, "no-issue-date");
    assert_eq!(undated.len(), 1);
    assert_eq!(undated[0]["level"], "warning");
    let message = undated[0]["message"].as_str().unwrap();
    assert!(message.contains("as of 1 January 2021"), "{message}");
    assert!(
        message.contains(
            "from 1 March 2025, Department of Labour, Invalids and Social Affairs → Department of Health"
        ),
        "{message}"
    );
    assert_eq!(undated[0]["line"], 5, "on the period");

    let dated = UNDATED.replace("  period:", "  issued: 2021-11-20\n  period:");
    let (_dir, path) = plan_file(&dated);
    let (_, doc) = check_json(&path);
    assert!(of_code(&doc, "no-issue-date").is_empty());
}

#[test]
fn an_undated_plan_with_nothing_changing_in_its_year_gets_a_note() {
    let (code, doc) = check_json(Path::new("plans/quang-nam-2023.yaml"));
    assert_eq!(code, 1);
    let undated = of_code(&doc, "no-issue-date");
    assert_eq!(undated.len(), 1);
    assert_eq!(undated[0]["level"], "note");
    assert_eq!(
        undated[0]["message"],
        "the plan has no issue date; kehoach checks it as of 1 January 2023 (the period's first day)"
    );
}

const NUMBERED: &str = "kehoach: 1
plan:
  number: 1234/QĐ-UBND
  kind: ke-hoach
  title: \"Quyết định ban hành Kế hoạch phòng, chống mại dâm trên địa bàn tỉnh Nghệ An năm 2024\"
  issuer: UBND tỉnh Nghệ An
  province: Nghệ An
  issued: 2024-03-26
  period: 2024
  implements: [1629/QĐ-TTg]
responsibilities:
  - agency: Sở Lao động - Thương binh và Xã hội
    role: lead
    tasks: [\"Chủ trì, phối hợp triển khai Kế hoạch.\"]
  - agency: Tòa án nhân dân tỉnh
    role: requested
";

#[test]
fn a_number_that_contradicts_the_kind_is_flagged() {
    let (_dir, path) = plan_file(NUMBERED);
    let (_, doc) = check_json(&path);
    let f = of_code(&doc, "number-kind-mismatch");
    assert_eq!(f.len(), 1, "{doc}");
    assert_eq!(
        f[0]["message"],
        "number 1234/QĐ-UBND is that of a decision (quyết định), but the document is filed as a plan (kế hoạch)"
    );
    assert_eq!(
        (f[0]["line"].as_u64(), f[0]["column"].as_u64()),
        (Some(3), Some(11))
    );

    for text in [
        NUMBERED.replace("kind: ke-hoach", "kind: quyet-dinh"),
        NUMBERED.replace("1234/QĐ-UBND", "223/KH-UBND"),
        NUMBERED.replace("1234/QĐ-UBND", "223/UBND-VX"),
    ] {
        let (_dir, path) = plan_file(&text);
        let (_, doc) = check_json(&path);
        assert!(of_code(&doc, "number-kind-mismatch").is_empty(), "{text}");
    }
    let (_dir, path) = plan_file(
        &NUMBERED
            .replace("1234/QĐ-UBND", "223/KH-UBND")
            .replace("ke-hoach", "quyet-dinh"),
    );
    let (_, doc) = check_json(&path);
    assert_eq!(of_code(&doc, "number-kind-mismatch").len(), 1);
}

#[test]
fn a_decision_renders_with_its_articles_and_the_plan_attached() {
    let (_dir, path) = plan_file(&NUMBERED.replace("kind: ke-hoach", "kind: quyet-dinh"));
    let out = kehoach()
        .args(["render", "-f", "md"])
        .arg(&path)
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    let at = |needle: &str| {
        md.find(needle)
            .unwrap_or_else(|| panic!("{needle} in\n{md}"))
    };
    let order = [
        "# QUYẾT ĐỊNH",
        "**ỦY BAN NHÂN DÂN TỈNH NGHỆ AN**",
        "Căn cứ Quyết định số 1629/QĐ-TTg",
        "**QUYẾT ĐỊNH:**",
        "**Điều 1.** Ban hành kèm theo Quyết định này Kế hoạch phòng, chống mại dâm trên địa bàn tỉnh Nghệ An năm 2024.",
        "**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký.",
        "**Điều 3.** Thủ trưởng các cơ quan, đơn vị: Sở Lao động - Thương binh và Xã hội; các cơ quan",
        "# KẾ HOẠCH",
        "**PHÒNG, CHỐNG MẠI DÂM TRÊN ĐỊA BÀN TỈNH NGHỆ AN NĂM 2024**",
        "*(Ban hành kèm theo Quyết định số 1234/QĐ-UBND ngày 26/3/2024 của Ủy ban nhân dân tỉnh Nghệ An)*",
        "## I. TỔ CHỨC THỰC HIỆN",
    ];
    let positions: Vec<usize> = order.iter().map(|n| at(n)).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{md}");
    assert!(
        !md.contains("Tòa án nhân dân tỉnh;"),
        "a requested body carries out nothing"
    );

    let plan = kehoach()
        .args(["render", "-f", "md", "plans/nghe-an-2024.yaml"])
        .output()
        .unwrap();
    let plan = String::from_utf8(plan.stdout).unwrap();
    assert!(plan.contains("# KẾ HOẠCH") && !plan.contains("Điều 1."));
}
