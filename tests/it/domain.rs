//! What kehoach says the Decision and the seeds say: quotations only where the data marks a
//! wording verbatim with its source, and transcriptions that keep the seeds' numbering.

use crate::common::{kehoach, root};
use kehoach::i18n::Lang;
use kehoach::reference::{Reference, TextStatus};

/// The text between each pair of curly quotation marks.
fn quoted(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find('“') {
        let after = &rest[open + '“'.len_utf8()..];
        let Some(close) = after.find('”') else {
            break;
        };
        out.push(after[..close].to_string());
        rest = &after[close + '”'.len_utf8()..];
    }
    out
}

fn run(args: &[&str]) -> String {
    let out = kehoach().args(args).output().expect("runs");
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn only_verbatim_wordings_with_a_source_are_quoted_as_the_decisions() {
    let reference = Reference::bundled();
    let programme = reference.programme("1629/QĐ-TTg").expect("1629 is bundled");
    let mut verbatim = 0;
    for n in &programme.indicators {
        for lang in [Lang::Vi, Lang::En] {
            let help = kehoach::check::indicators::national_help(programme, n, lang);
            let quotes = quoted(&help);
            if n.text_status == TextStatus::Verbatim && n.text_source.is_some() {
                assert_eq!(quotes, std::slice::from_ref(&n.text), "{}: {help}", n.id);
            } else {
                assert!(quotes.is_empty(), "{} is not verbatim: {help}", n.id);
                assert!(!help.contains(&format!("\"{}\"", n.text)), "{help}");
            }
            // A clause is printed only where it is confirmed.
            assert!(
                !help.contains(&n.clause),
                "{}: unconfirmed clause in {help}",
                n.id
            );
        }
        if n.text_status == TextStatus::Verbatim {
            verbatim += 1;
            assert!(
                n.text_source_detail.is_some(),
                "{}: verbatim needs its source",
                n.id
            );
        }
    }
    assert!(
        verbatim >= 1,
        "the data confirms some wording word for word"
    );

    // Whatever the tool prints on the seed plans, a quotation of a national wording must be of
    // a verbatim one.
    let not_verbatim: Vec<&str> = programme
        .indicators
        .iter()
        .filter(|n| !n.quotable())
        .map(|n| n.text.as_str())
        .collect();
    for lang in ["vi", "en"] {
        let mut printed = run(&["--lang", lang, "check", "plans"]);
        for plan in ["nghe-an-2024", "quang-nam-2023", "ha-noi-2024"] {
            printed += &run(&["--lang", lang, "diff", &format!("plans/{plan}.yaml")]);
        }
        printed += &run(&["--lang", lang, "compare", "plans"]);
        for q in quoted(&printed) {
            for t in &not_verbatim {
                assert!(
                    !q.contains(t),
                    "{t:?} quoted as the Decision's in {lang} output"
                );
            }
        }
    }
}

/// The numbered items of an organisation section, as each seed numbers them.
fn seed_items(seed: &str, from: &str, to: &str, numbered: impl Fn(&str) -> bool) -> usize {
    let text = std::fs::read_to_string(root().join("tests/fixtures/seeds").join(seed)).unwrap();
    let section = &text[text.find(from).unwrap()..text.find(to).unwrap()];
    section.lines().filter(|l| numbered(l)).count()
}

/// The numbered subsections of the organisation section in `render`'s output.
fn rendered_items(plan: &str) -> usize {
    // `--force`: Quảng Nam's plan has errors (targets below the floor); its layout is counted.
    let md = run(&["render", "--force", &format!("plans/{plan}.yaml")]);
    let v = md
        .find(". TỔ CHỨC THỰC HIỆN")
        .expect("an organisation section");
    md[v..].lines().filter(|l| l.starts_with("### ")).count()
}

#[test]
fn organisation_items_are_counted_as_the_seeds_number_them() {
    let numbered = |l: &str| {
        let digits: String = l.chars().take_while(|c| c.is_ascii_digit()).collect();
        !digits.is_empty() && l[digits.len()..].starts_with(". ")
    };
    // Nghệ An: "V. TỔ CHỨC THỰC HIỆN" (wrapped after "TỔ CHỨC" in the seed), items 1 to 14 (14 is the reporting regime).
    let nghe_an = seed_items(
        "003_b23892a0df21ecaf.txt",
        "V. TỔ CHỨC",
        "Nơi nhận",
        numbered,
    );
    assert_eq!(nghe_an, 14);
    assert_eq!(rendered_items("nghe-an-2024"), nghe_an);
    // Quảng Nam: items 4.1 to 4.13; the summary has no reporting item of its own, but the plan
    // records the reporting duty 4.1 states, which render adds after them.
    let quang_nam = seed_items(
        "002_34ef264421f58d54.txt",
        "4.1. ",
        "Trên đây là",
        |l| {
            l.starts_with("4.")
                && l[2..]
                    .split_once(". ")
                    .is_some_and(|(n, _)| n.parse::<u32>().is_ok())
        },
    );
    assert_eq!(quang_nam, 13);
    assert_eq!(rendered_items("quang-nam-2023"), quang_nam + 1);
}

#[test]
fn a_city_is_told_its_own_bodies_names() {
    let printed = run(&["--lang", "vi", "check", "plans/ha-noi-2024.yaml"])
        + &run(&["--lang", "vi", "diff", "plans/ha-noi-2024.yaml"])
        + &run(&["--lang", "vi", "compare", "plans/ha-noi-2024.yaml"]);
    for provincial in [
        "Công an tỉnh",
        "Tỉnh đoàn",
        "Tòa án nhân dân tỉnh",
        "Viện Kiểm sát nhân dân tỉnh",
    ] {
        assert!(
            !printed.contains(provincial),
            "{provincial} in Hà Nội's output:\n{printed}"
        );
    }
    assert!(printed.contains("Công an thành phố"), "{printed}");
    assert!(printed.contains("Thành đoàn"), "{printed}");
}

#[test]
fn a_plan_dated_after_the_district_level_is_told_its_district_targets_lapsed() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join("plans/nghe-an-2024.yaml"))
        .unwrap()
        .replace("issued: 2024-03-26", "issued: 2025-08-01")
        .replace("period: 2024", "period: 2025");
    let path = dir.path().join("nghe-an-2025.yaml");
    std::fs::write(&path, text).unwrap();
    let (_, doc) = crate::common::check_json(&path);
    let obsolete: Vec<&str> = crate::common::findings(&doc)
        .iter()
        .filter(|f| f["code"] == "obsolete-level")
        .filter_map(|f| f["indicator"].as_str())
        .collect();
    for id in ["plans-built", "integration"] {
        assert!(obsolete.contains(&id), "{id}: {obsolete:?}");
    }
    assert!(
        !crate::common::findings(&doc)
            .iter()
            .any(|f| f["code"] == "missing-indicator"),
        "{doc}"
    );
}

#[test]
fn a_2026_draft_has_no_district_wording_and_no_2025_deadline() {
    let draft = run(&["init", "--province", "Quảng Trị", "--period", "2026"]);
    for word in ["huyện", "quận", "đến năm 2025"] {
        assert!(!draft.contains(word), "{word:?} in the draft:\n{draft}");
    }
}

#[test]
fn the_only_missing_body_of_nghe_an_is_a_note() {
    let (_, doc) = crate::common::check_json(std::path::Path::new("plans/nghe-an-2024.yaml"));
    for f in crate::common::findings(&doc) {
        if f["code"] == "missing-agency" {
            assert_eq!(f["level"], "note", "{f}");
            assert!(f["help"].as_str().unwrap().contains("1 of the 5"), "{f}");
        }
    }
}

#[test]
fn a_period_plan_that_drops_the_second_part_of_the_inspection_target_is_caught() {
    let original = std::fs::read_to_string(root().join("plans/ninh-binh-2021-2025.yaml")).unwrap();
    let second = "; đến năm 2025, 100% các cơ sở được kiểm tra ít nhất một lần.";
    assert!(
        original.contains(second),
        "Ninh Bình's plan sets both parts"
    );
    let codes = |text: &str| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ninh-binh.yaml");
        std::fs::write(&path, text).unwrap();
        let (_, doc) = crate::common::check_json(&path);
        crate::common::findings(&doc)
            .iter()
            .filter(|f| f["code"] == "missing-indicator")
            .filter_map(|f| f["indicator"].as_str().map(str::to_string))
            .collect::<Vec<_>>()
    };
    assert!(!codes(&original).contains(&"establishments-inspected".to_string()));
    let dropped = original.replace(second, ".");
    assert_eq!(codes(&dropped), ["establishments-inspected"]);
}

#[test]
fn after_the_hand_over_tasks_point_to_the_successor_of_their_function() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join("plans/nghe-an-2024.yaml"))
        .unwrap()
        .replace("issued: 2024-03-26", "issued: 2025-08-01")
        .replace("period: 2024", "period: 2025");
    let path = dir.path().join("nghe-an-2025.yaml");
    std::fs::write(&path, text).unwrap();
    let out = run(&["--lang", "vi", "check", path.to_str().unwrap()]);
    // Task 5 of Sở LĐTBXH ("hỗ trợ tín dụng, giải quyết việc làm") is labour work: Sở Nội vụ.
    assert!(
        out.contains("Nhiệm vụ thứ 5 thuộc lĩnh vực lao động, việc làm"),
        "{out}"
    );
    assert!(out.contains("Sở Nội vụ"), "{out}");
    // Nghệ An's Sở Du lịch was merged into Sở Văn hóa, Thể thao và Du lịch on 01/3/2025.
    assert!(out.contains("không còn Sở Du lịch"), "{out}");
    // Item 11 asks the provincial court and procuracy to direct the district ones: one finding.
    let (_, doc) = crate::common::check_json(&path);
    let judiciary = crate::common::findings(&doc)
        .iter()
        .filter(|f| {
            f["message"]
                .as_str()
                .is_some_and(|m| m.contains("district people's courts and procuracies"))
        })
        .count();
    assert_eq!(judiciary, 1, "{doc}");
}
