//! The 2025 reform, through the CLI: bodies, provinces and levels by the plan's date, and plans
//! that implement no current programme.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// `kehoach check --lang LANG --format json PATH`: the findings and the exit status.
fn check(path: &Path, lang: &str) -> (Vec<Value>, i32) {
    let out = Command::cargo_bin("kehoach")
        .unwrap()
        .args(["check", "--lang", lang, "--format", "json"])
        .arg(path)
        .env("COLUMNS", "100")
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).expect("json on stdout");
    let findings = doc["findings"].as_array().unwrap().clone();
    (findings, out.status.code().unwrap())
}

fn with_code<'a>(findings: &'a [Value], code: &str) -> Vec<&'a Value> {
    findings.iter().filter(|f| f["code"] == code).collect()
}

/// The 1-based line of the first line of `text` that contains `needle`.
fn line_of(text: &str, needle: &str) -> u64 {
    text.lines().position(|l| l.contains(needle)).unwrap() as u64 + 1
}

/// A copy of Quảng Nam's 2023 plan issued on `issued` for the period `period`.
fn quang_nam_redated(dir: &Path, issued: &str, period: &str) -> (PathBuf, String) {
    let text = std::fs::read_to_string(repo("plans/quang-nam-2023.yaml")).unwrap();
    assert!(text.contains("\n  period: 2023\n") && !text.contains("\n  issued:"));
    let text = text.replace(
        "\n  period: 2023\n",
        &format!("\n  period: {period}\n  issued: {issued}\n"),
    );
    let path = dir.join(format!("quang-nam-{issued}.yaml"));
    std::fs::write(&path, &text).unwrap();
    (path, text)
}

const LEAD: &str = "agency: Sở Lao động - Thương binh và Xã hội";

#[test]
fn the_2023_plan_reports_no_reform_finding() {
    let (findings, _) = check(&repo("plans/quang-nam-2023.yaml"), "en");
    for code in ["superseded-agency", "superseded-province", "obsolete-level"] {
        assert!(
            with_code(&findings, code).is_empty(),
            "{code}: {findings:#?}"
        );
    }
}

#[test]
fn redated_to_june_2025_the_labour_department_lead_is_superseded_by_health() {
    let dir = tempfile::tempdir().unwrap();
    let (path, text) = quang_nam_redated(dir.path(), "2025-06-01", "2025");
    let (findings, status) = check(&path, "en");

    let lead = with_code(&findings, "superseded-agency")
        .into_iter()
        .find(|f| f["line"] == line_of(&text, LEAD))
        .unwrap_or_else(|| panic!("no superseded-agency on the lead: {findings:#?}"));
    assert_eq!(lead["level"], "error");
    let message = lead["message"].as_str().unwrap();
    assert!(message.contains("lead"), "{message}");
    assert!(message.contains("Department of Health"), "{message}");
    assert!(message.contains("1 March 2025"), "{message}");
    // Sở Y tế already coordinates in this plan: the help says so, and cites the decree.
    let help = lead["help"].as_str().unwrap();
    assert!(help.contains("Nghị định 45/2025/NĐ-CP"), "{help}");
    assert!(
        help.contains(&format!(
            "Sở Y tế is already named on line {}",
            line_of(&text, "agency: Sở Y tế")
        )),
        "{help}"
    );

    // Quảng Nam still existed on 1/6/2025; the districts too.
    assert!(with_code(&findings, "superseded-province").is_empty());
    assert!(with_code(&findings, "obsolete-level").is_empty());
    // The labour department counts as its successor's predecessor: no second finding about
    // the lead or a missing Sở Y tế.
    assert!(with_code(&findings, "no-lead-agency").is_empty());
    assert!(with_code(&findings, "missing-agency").is_empty());
    assert_eq!(status, 1);
}

#[test]
fn redated_to_2026_quang_nam_is_part_of_da_nang() {
    let dir = tempfile::tempdir().unwrap();
    let (path, text) = quang_nam_redated(dir.path(), "2026-02-01", "2026");
    let (findings, status) = check(&path, "en");

    let province = with_code(&findings, "superseded-province");
    assert_eq!(province.len(), 1, "{findings:#?}");
    let f = province[0];
    assert_eq!(f["level"], "error");
    assert_eq!(f["line"], line_of(&text, "  province: Quảng Nam"));
    let message = f["message"].as_str().unwrap();
    assert!(message.contains("Đà Nẵng"), "{message}");
    assert!(message.contains("1 July 2025"), "{message}");
    let help = f["help"].as_str().unwrap();
    assert!(help.contains("`province: Đà Nẵng`"), "{help}");
    assert!(help.contains("Nghị quyết 202/2025/QH15"), "{help}");

    let lead = with_code(&findings, "superseded-agency");
    assert!(
        lead.iter()
            .any(|f| f["line"] == line_of(&text, LEAD) && f["level"] == "error"),
        "{findings:#?}"
    );
    // "Uỷ ban nhân dân huyện, thị xã, thành phố" after 1/7/2025.
    let district = with_code(&findings, "obsolete-level");
    assert_eq!(district.len(), 1, "{findings:#?}");
    assert_eq!(
        district[0]["line"],
        line_of(&text, "agency: Uỷ ban nhân dân huyện")
    );
    // It still implements 1629/QĐ-TTg, which ended with 2025: checked against it, and told so.
    let period = with_code(&findings, "period-outside-programme");
    assert_eq!(period.len(), 1);
    assert!(
        period[0]["help"]
            .as_str()
            .unwrap()
            .contains("expired on 31 December 2025")
    );
    assert_eq!(status, 1);
}

#[test]
fn vietnamese_messages_name_the_date_and_the_successor() {
    let dir = tempfile::tempdir().unwrap();
    let (path, text) = quang_nam_redated(dir.path(), "2025-06-01", "2025");
    let (findings, _) = check(&path, "vi");
    let lead = with_code(&findings, "superseded-agency")
        .into_iter()
        .find(|f| f["line"] == line_of(&text, LEAD))
        .unwrap();
    assert_eq!(
        lead["message"],
        "vào ngày 01/6/2025 không còn Sở Lao động - Thương binh và Xã hội làm cơ quan chủ trì: \
         từ 01/3/2025, phần việc của cơ quan này trong kế hoạch thuộc Sở Y tế"
    );
    assert!(
        lead["help"]
            .as_str()
            .unwrap()
            .starts_with("Từ 01/3/2025, chức năng quản lý nhà nước về phòng, chống tệ nạn xã hội")
    );
}

const ORDINANCE_ONLY_2026: &str = r#"kehoach: 1
plan:
  issuer: UBND thành phố Hà Nội
  province: Hà Nội
  issued: 2026-01-07
  period: 2026
  implements: []
  basis: [10/2003/PL-UBTVQH11]
indicators:
  - ref: industrial-workers
    target: "50%"
responsibilities:
  - agency: Sở Y tế
    role: lead
budget: "Ngân sách nhà nước"
reporting: { every: [yearly], to: [Sở Y tế] }
"#;

#[test]
fn a_2026_draft_naming_only_the_ordinance_gets_reference_notes_and_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ha-noi-2026.yaml");
    std::fs::write(&path, ORDINANCE_ONLY_2026).unwrap();
    let (findings, status) = check(&path, "en");

    let weaker = with_code(&findings, "weaker-target");
    assert_eq!(weaker.len(), 1, "{findings:#?}");
    let f = weaker[0];
    assert_eq!(f["level"], "note");
    assert_eq!(f["line"], line_of(ORDINANCE_ONLY_2026, "target: \"50%\""));
    assert_eq!(
        f["message"],
        "industrial-workers: target ≥ 50% is below the national floor of ≥ 60% \
         (reference only: 1629/QĐ-TTg has expired)"
    );
    let help = f["help"].as_str().unwrap();
    assert!(help.contains("expired on 31 December 2025"), "{help}");
    assert!(help.contains("no 2026-2030"), "{help}");

    // Nothing that binds: the missing indicators and bodies of 1629/QĐ-TTg are notes too, and
    // the Ordinance is not an unknown programme.
    assert!(
        findings.iter().all(|f| f["level"] == "note"),
        "{findings:#?}"
    );
    assert!(!with_code(&findings, "missing-agency").is_empty());
    assert!(with_code(&findings, "unknown-programme").is_empty());
    assert!(with_code(&findings, "period-outside-programme").is_empty());
    assert_eq!(status, 0);
}

#[test]
fn district_targets_are_obsolete_from_july_2025_and_no_longer_due() {
    let text = ORDINANCE_ONLY_2026.replace(
        "    target: \"50%\"\n",
        "    target: \"60%\"\n  - ref: officials-trained\n    target: { province: \">= 70%\", district: \">= 40%\" }\n",
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("district-2026.yaml");
    std::fs::write(&path, &text).unwrap();
    let (findings, status) = check(&path, "en");

    let obsolete = with_code(&findings, "obsolete-level");
    assert_eq!(obsolete.len(), 1, "{findings:#?}");
    assert_eq!(obsolete[0]["line"], line_of(&text, "district: \">= 40%\""));
    // On the `district` key itself.
    let column = text
        .lines()
        .nth(line_of(&text, "district:") as usize - 1)
        .unwrap();
    assert_eq!(
        obsolete[0]["column"],
        column.find("district").unwrap() as u64 + 1
    );
    assert_eq!(obsolete[0]["indicator"], "officials-trained");
    // 40% at a level that no longer exists is not compared, and no commune target is asked
    // for the district's sake.
    assert!(
        with_code(&findings, "weaker-target").is_empty(),
        "{findings:#?}"
    );
    assert_eq!(status, 0);
}

#[test]
fn thua_thien_hue_after_2024_is_the_city_of_hue() {
    let text = ORDINANCE_ONLY_2026
        .replace("UBND thành phố Hà Nội", "UBND tỉnh Thừa Thiên Huế")
        .replace("province: Hà Nội", "province: Thừa Thiên Huế")
        .replace("issued: 2026-01-07", "issued: 2025-03-10")
        .replace("period: 2026", "period: 2025")
        .replace("implements: []", "implements: [1629/QĐ-TTg]");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tth-2025.yaml");
    std::fs::write(&path, &text).unwrap();
    let (findings, status) = check(&path, "en");
    let renamed = with_code(&findings, "superseded-province");
    assert_eq!(renamed.len(), 1, "{findings:#?}");
    let message = renamed[0]["message"].as_str().unwrap();
    assert!(message.contains("Huế city"), "{message}");
    assert!(message.contains("1 January 2025"), "{message}");
    assert!(
        renamed[0]["help"]
            .as_str()
            .unwrap()
            .contains("Nghị quyết 175/2024/QH15")
    );
    assert_eq!(status, 1);
}

#[test]
fn the_mid_2025_example_reports_what_its_comment_lists() {
    let path = repo("examples/draft-mid-2025.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let (findings, status) = check(&path, "en");
    let got: Vec<(&str, &str, u64)> = findings
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap(),
                f["level"].as_str().unwrap(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let reporting = line_of(&text, "  to: [");
    assert_eq!(
        got,
        [
            ("superseded-agency", "error", line_of(&text, LEAD)),
            (
                "obsolete-level",
                "warning",
                line_of(&text, "agency: Công an các huyện")
            ),
            (
                "superseded-agency",
                "warning",
                line_of(&text, "agency: Sở Thông tin và Truyền thông")
            ),
            ("superseded-agency", "warning", reporting),
            ("superseded-agency", "warning", reporting),
        ]
    );
    assert!(
        findings[4]["message"]
            .as_str()
            .unwrap()
            .contains("belongs to Bộ Y tế")
    );
    assert_eq!(status, 1);
}

#[test]
fn the_2026_example_and_its_previous_plan_have_no_reform_finding() {
    for (file, reference) in [
        ("examples/draft-2026.yaml", vec!["students"]),
        ("examples/draft-2025-nghe-an.yaml", vec![]),
    ] {
        let (findings, _) = check(&repo(file), "en");
        // The lowered industrial-workers target is the previous-plan rule's to report.
        let findings: Vec<Value> = findings
            .into_iter()
            .filter(|f| f["code"] != "weaker-than-previous")
            .collect();
        let notes: Vec<&str> = findings
            .iter()
            .filter(|f| f["level"] == "note" && f["code"] == "weaker-target")
            .map(|f| f["indicator"].as_str().unwrap())
            .collect();
        assert_eq!(notes, reference, "{file}");
        assert_eq!(findings.len(), reference.len(), "{file}: {findings:#?}");
    }
}
