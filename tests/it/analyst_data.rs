//! Data an analyst can use (issue 8 §6): targets as data in JSON, a tidy CSV with numbers as
//! numbers, a byte-order mark on request.

use crate::common::kehoach;

fn run(args: &[&str]) -> String {
    let out = kehoach().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_tidy_csv_has_one_row_per_plan_indicator_and_level_with_plain_numbers() {
    let csv = run(&["--lang", "en", "compare", "-f", "csv-long", "plans/"]);
    let rows: Vec<Vec<&str>> = csv
        .lines()
        .map(|l| l.split(',').collect::<Vec<_>>())
        .collect();
    let header = &rows[0];
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let find = |file: &str, id: &str, level: &str| {
        rows.iter()
            .find(|r| r[0] == file && r[col("id")] == id && r[col("level")] == level)
            .unwrap_or_else(|| panic!("{file} {id} {level}"))
    };
    let hn = find("plans/ha-noi-2024.yaml", "industrial-workers", "");
    assert_eq!(hn[col("value")], "25000", "no Vietnamese grouping");
    assert_eq!(hn[col("unit")], "count");
    assert_eq!(hn[col("verdict")], "not-comparable");
    let qn = find("plans/quang-nam-2023.yaml", "industrial-workers", "");
    assert_eq!(
        (qn[col("comparator")], qn[col("value")], qn[col("verdict")]),
        (">=", "50", "weaker")
    );
    assert_eq!(qn[col("national_value")], "60");
    // Nghệ An sets officials-trained per level: one row per level, each beside its floor.
    let district = find("plans/nghe-an-2024.yaml", "officials-trained", "district");
    assert_eq!(district[col("value")], "50");
    assert_eq!(district[col("national_value")], "50");
    let province = find("plans/nghe-an-2024.yaml", "officials-trained", "province");
    assert_eq!(province[col("national_value")], "70");
    let growth = find("plans/nghe-an-2024.yaml", "crimes-handled-growth", "");
    assert_eq!(
        (
            growth[col("comparator")],
            growth[col("value")],
            growth[col("max")]
        ),
        ("range", "3", "5")
    );
    assert!(csv.lines().all(|l| !l.contains("3.460")));
}

#[test]
fn bom_only_when_asked() {
    let with = run(&["compare", "-f", "csv", "--bom", "plans/nghe-an-2024.yaml"]);
    assert!(with.starts_with('\u{feff}'));
    let long = run(&[
        "compare",
        "-f",
        "csv-long",
        "--bom",
        "plans/nghe-an-2024.yaml",
    ]);
    assert!(long.starts_with("\u{feff}file,"));
    let without = run(&["compare", "-f", "csv", "plans/nghe-an-2024.yaml"]);
    assert!(without.starts_with("kind,"));
}

#[test]
fn json_of_compare_summary_and_diff_carries_targets_as_data() {
    let compare: serde_json::Value = serde_json::from_str(&run(&[
        "compare",
        "-f",
        "json",
        "plans/quang-nam-2023.yaml",
    ]))
    .unwrap();
    let row = &compare["indicators"][0];
    assert_eq!(row["id"], "commune-communication");
    assert_eq!(row["national_targets"][0]["comparator"], ">=");
    let cell = &row["cells"][0]["targets"][0];
    assert_eq!(cell["comparator"], ">");
    assert_eq!(cell["value"], 70.0);
    assert_eq!(cell["unit"], "percent");

    let summary: serde_json::Value =
        serde_json::from_str(&run(&["summary", "-f", "json", "plans/nghe-an-2024.yaml"])).unwrap();
    let officials = summary["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "officials-trained")
        .unwrap();
    let levels: Vec<&str> = officials["plan_targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["level"].as_str().unwrap())
        .collect();
    assert_eq!(levels, ["province", "district", "commune"]);

    let diff: serde_json::Value =
        serde_json::from_str(&run(&["diff", "-f", "json", "plans/ha-noi-2024.yaml"])).unwrap();
    let text = diff.to_string();
    assert!(text.contains("\"plan_targets\""), "{text}");
    assert!(text.contains("\"value\":25000.0"), "{text}");
}
