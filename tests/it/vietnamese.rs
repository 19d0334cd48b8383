//! Written by Vietnamese officers: every schema mistake in one run, enumerated values in
//! Vietnamese, YAML mistakes explained, help in Vietnamese.

use crate::common;
use common::*;

/// An `init` draft with `edit` applied, written to a temporary directory.
fn draft_with(edit: impl Fn(String) -> String) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.yaml");
    let out = kehoach()
        .args([
            "init",
            "--province",
            "Thừa Thiên Huế",
            "--period",
            "2024",
            "-o",
        ])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, edit(text)).unwrap();
    (dir, path)
}

fn codes_and_lines(doc: &serde_json::Value) -> Vec<(String, u64)> {
    findings(doc)
        .iter()
        .map(|f| {
            (
                f["message"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn three_schema_mistakes_are_reported_in_one_run() {
    let (_dir, path) = draft_with(|t| {
        t.replacen(
            "  period: 2024\n",
            "  period: 2024\n  perod: 2024\n  period: 2025\n",
            1,
        )
        .replacen("role: lead", "role: chủ tì", 1)
    });
    let (code, doc) = check_json(&path);
    assert_eq!(code, 1);
    let found = codes_and_lines(&doc);
    let messages: Vec<&str> = found.iter().map(|(m, _)| m.as_str()).collect();
    assert_eq!(
        messages,
        [
            "unknown key `perod`",
            "duplicate key `period`",
            "unknown value `chủ tì`"
        ],
        "{doc}"
    );
    let lines: Vec<u64> = found.iter().map(|(_, l)| *l).collect();
    assert!(
        lines.windows(2).all(|w| w[0] < w[1]),
        "in text order: {lines:?}"
    );
    let role = &findings(&doc)[2];
    assert_eq!(role["line"], line_of(&path, "Lao động", "role:"));
    assert_eq!(
        role["help"],
        "did you mean `chủ trì`? Allowed: lead, coordinate, requested"
    );
}

#[test]
fn vietnamese_role_and_reporting_words_are_accepted() {
    let (_dir, path) = draft_with(|t| {
        t.replacen("role: lead", "role: chủ trì", 1)
            .replacen("role: coordinate", "role: Phối hợp thực hiện", 1)
            .replace(
                "every: [6-months, yearly, ad-hoc]",
                "every: [6 tháng, hằng năm, hàng quý, đột xuất]",
            )
    });
    let (code, doc) = check_json(&path);
    assert!(
        findings(&doc).iter().all(|f| f["code"] != "schema"),
        "{doc}"
    );
    assert_eq!(code, 0, "{doc}");
    let out = kehoach()
        .args(["summary", "--lang", "vi", "-f", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(summary.contains("\"lead\""), "read as the lead: {summary}");
}

#[test]
fn an_unknown_word_is_explained_in_the_reader_s_language() {
    let (_dir, path) = draft_with(|t| {
        t.replace(
            "every: [6-months, yearly, ad-hoc]",
            "every: [6 thang, hằng tuần]",
        )
    });
    let out = kehoach()
        .args(["check", "--lang", "vi", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = &findings(&doc)[0];
    assert_eq!(f["message"], "giá trị không hợp lệ `hằng tuần`", "{doc}");
    assert_eq!(
        f["help"],
        "Có phải ý bạn là `hằng tháng`? Giá trị hợp lệ: hằng tháng, hằng quý, 6 tháng, hằng năm, đột xuất"
    );
    assert_eq!(findings(&doc).len(), 1, "`6 thang` is accepted: {doc}");
}

fn help(env: &[(&str, &str)], args: &[&str]) -> String {
    let mut cmd = kehoach();
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.args(args).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn help_is_in_vietnamese_under_a_vietnamese_locale() {
    let top = help(&[("LANG", "vi_VN.UTF-8")], &["--help"]);
    assert!(
        top.contains("Cách dùng: kehoach [TÙY_CHỌN] <LỆNH>"),
        "{top}"
    );
    assert!(top.contains("Kiểm tra kế hoạch"), "{top}");
    assert!(
        !top.contains("Usage:") && !top.contains("Lint plans"),
        "{top}"
    );
    // LANGUAGE, the GNU list of preferred languages, comes before LANG; --lang before both.
    let gnu = help(
        &[("LANG", "en_US.UTF-8"), ("LANGUAGE", "vi:en")],
        &["check", "-h"],
    );
    assert!(gnu.contains("Định dạng kết quả"), "{gnu}");
    let flag = help(&[("LANG", "vi_VN.UTF-8")], &["check", "--lang", "en", "-h"]);
    assert!(flag.contains("Output format"), "{flag}");
}

#[test]
fn global_options_stand_apart_and_are_hidden_where_they_mean_nothing() {
    let init = help(&[("LANG", "vi_VN.UTF-8")], &["init", "-h"]);
    let (own, global) = init
        .split_once("Tùy chọn chung:")
        .expect("a heading for globals");
    assert!(
        own.contains("--province") && own.contains("--period"),
        "{init}"
    );
    assert!(
        !own.contains("--lang") && global.contains("--lang"),
        "{init}"
    );
    let en = help(&[], &["init", "-h"]);
    assert!(en.contains("Global options:"), "{en}");
    let completions = help(&[], &["completions", "-h"]);
    assert!(!completions.contains("--programme"), "{completions}");
    let explain = help(&[], &["explain", "-h"]);
    assert!(
        !explain.contains("--programme") && explain.contains("--lang"),
        "{explain}"
    );
}

const PLAN_HEAD: &str = "kehoach: 1\nplan:\n  province: Nghệ An\n  period: 2024\n";

/// (what is appended to a valid head, line, message, help) under `--lang vi`.
const YAML_MISTAKES: &[(&str, u64, &str, &str)] = &[
    (
        "indicators:\n  - ref: students\n    target: >= 70%\n",
        7,
        "giá trị bắt đầu bằng `>` phải đặt trong dấu nháy",
        "viết target: \">= 70%\"",
    ),
    (
        "indicators:\n  - ref: students\n\ttarget: \"70%\"\n",
        7,
        "dòng này thụt lề bằng ký tự tab; YAML chỉ cho thụt lề bằng dấu cách",
        "dùng dấu cách thay cho tab",
    ),
    (
        "budget:Ngân sách tỉnh\n",
        5,
        "thiếu dấu cách sau dấu hai chấm của `budget:`",
        "viết `budget: Ngân sách tỉnh` (một dấu cách sau dấu hai chấm)",
    ),
    (
        "budget: Ngân sách: tỉnh\n",
        5,
        "giá trị có dấu hai chấm và dấu cách (`: `) phải đặt trong dấu nháy",
        "viết budget: \"Ngân sách: tỉnh\"",
    ),
    (
        "budget: \"Ngân sách tỉnh\nindicators: []\n",
        5,
        "dấu nháy \" mở ở đây chưa được đóng",
        "thêm dấu nháy \" ở cuối giá trị",
    ),
    (
        "indicators:\n  - ref: students\n     target: \"70%\"\n",
        7,
        "thụt lề không khớp: dòng này không thẳng cột với các khóa cùng khối",
        "các khóa của một khối phải bắt đầu cùng một cột",
    ),
];

#[test]
fn yaml_mistakes_are_explained_in_vietnamese_with_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    for (tail, line, message, help) in YAML_MISTAKES {
        let path = dir.path().join("p.yaml");
        std::fs::write(&path, format!("{PLAN_HEAD}{tail}")).unwrap();
        let out = kehoach()
            .args(["check", "--lang", "vi", "--format", "json"])
            .arg(&path)
            .output()
            .unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let f = &findings(&doc)[0];
        assert_eq!(f["message"], *message, "{tail:?}: {doc}");
        assert_eq!(f["line"], *line, "{tail:?}: {doc}");
        assert!(
            f["help"].as_str().unwrap().starts_with(help),
            "{tail:?}: {doc}"
        );
    }
}

#[test]
fn agency_names_typed_without_diacritics_or_abbreviated_get_a_suggestion() {
    for typed in ["So Lao dong TBXH", "Sở Lao động TBXH", "So LDTBXH"] {
        let (_dir, path) = draft_with(|t| {
            t.replacen(
                "agency: Sở Lao động - Thương binh và Xã hội",
                &format!("agency: {typed}"),
                1,
            )
        });
        let (_, doc) = check_json(&path);
        // The draft names this body as its lead: one finding says both (`no-lead-agency`).
        let f = findings(&doc)
            .iter()
            .find(|f| f["code"] == "unknown-agency" || f["code"] == "no-lead-agency")
            .unwrap_or_else(|| panic!("{typed}: {doc}"));
        assert_eq!(
            f["help"], "did you mean `Sở Lao động - Thương binh và Xã hội`?",
            "{typed}"
        );
    }
}

#[test]
fn init_suggests_a_province_and_explains_a_reversed_period() {
    let out = kehoach()
        .args([
            "init",
            "--lang",
            "vi",
            "--province",
            "Huees",
            "--period",
            "2026",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("có phải ý bạn là `Huế`?"), "{err}");
    let out = kehoach()
        .args([
            "init",
            "--lang",
            "vi",
            "--province",
            "Huế",
            "--period",
            "2024-2022",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("năm bắt đầu (2024) sau năm kết thúc (2022); viết `2022-2024`"),
        "{err}"
    );
}

#[test]
fn the_version_diff_speaks_vietnamese() {
    let (dir, old) = draft_with(|t| t);
    let text = std::fs::read_to_string(&old).unwrap();
    let new = dir.path().join("new.yaml");
    let edited = text
        .replace(
            "every: [6-months, yearly, ad-hoc]",
            "every: [hằng quý, hằng năm]",
        )
        .replacen(
            "  period: 2024\n",
            "  period: 2024\n  number: 9/KH-UBND\n",
            1,
        );
    std::fs::write(&new, edited).unwrap();
    let out = kehoach()
        .args(["diff", "--lang", "vi", "-f", "md"])
        .arg(&old)
        .arg(&new)
        .output()
        .unwrap();
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.contains("| kỳ báo cáo | bỏ | 6 tháng |"), "{md}");
    assert!(md.contains("| kỳ báo cáo | bỏ | đột xuất |"), "{md}");
    assert!(md.contains("| kỳ báo cáo | thêm |  | hằng quý |"), "{md}");
    assert!(md.contains("| số hiệu |"), "{md}");
    assert!(
        !md.contains("6-months") && !md.contains("ad-hoc") && !md.contains("| every |"),
        "{md}"
    );
}
