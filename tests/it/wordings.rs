//! Target wordings as real plans write them, and what kehoach reads in each: the compact
//! notation of the reading, and whether the figure was picked out of a sentence. `?` is a
//! qualitative target (no figure that can be compared). Each wording names where it was seen.

use kehoach::i18n::Lang;
use kehoach::model::{Measure, read_target};

/// (wording, reading, read from a sentence, source)
const WORDINGS: &[(&str, &str, bool, &str)] = &[
    // Floors.
    (
        "Ít nhất 70%",
        "≥ 70%",
        false,
        "seed 000, 1629/QĐ-TTg as quoted",
    ),
    ("ít nhất 60%", "≥ 60%", false, "seed 001"),
    (">= 70%", "≥ 70%", false, "docs/plan-format.md"),
    ("70% trở lên", "≥ 70%", false, "new-user-trial finding 6"),
    ("từ 70% trở lên", "≥ 70%", false, "new-user-trial finding 6"),
    (
        "đạt từ 60% trở lên",
        "≥ 60%",
        false,
        "Hà Nội KH 06/KH-UBND 2026 (24h.com.vn, 08/01/2026)",
    ),
    ("70 phần trăm", "≥ 70%", false, "new-user-trial finding 1"),
    ("70 %", "≥ 70%", false, "new-user-trial trial plan"),
    (
        "70％",
        "≥ 70%",
        false,
        "full-width sign of Vietnamese IMEs, finding 6",
    ),
    ("Phấn đấu 100%", "100%", false, "seed 000"),
    (
        "phấn đấu đạt 100%",
        "100%",
        false,
        "Hà Nội plan 2026 (kenh14.vn, 08/01/2026)",
    ),
    (
        "Phấn đấu trên 70%",
        "> 70%",
        false,
        "Bình Thuận 2578/KH-UBND 2017",
    ),
    ("không dưới 50%", "≥ 50%", false, "common wording"),
    ("tối thiểu 20%", "≥ 20%", false, "seed 002"),
    (
        "85 - 90%",
        "≥ 85%",
        false,
        "Quảng Trị plan 2017-2020 (infonet.vn)",
    ),
    (
        "10/10 huyện, thị xã",
        "100%",
        false,
        "Bình Thuận 2578/KH-UBND 2017",
    ),
    (
        "Tất cả các huyện",
        "100%",
        false,
        "Bà Rịa - Vũng Tàu plan 2021-2025 (baobariavungtau.com.vn)",
    ),
    ("đến năm 2025, 100%", "100%", false, "seed 002"),
    // Ceilings: not floors.
    ("tối đa 70%", "≤ 70%", false, "new-user-trial finding 6"),
    ("dưới 70%", "< 70%", false, "new-user-trial finding 6"),
    ("không quá 70%", "≤ 70%", false, "new-user-trial finding 6"),
    ("không vượt quá 30%", "≤ 30%", false, "common wording"),
    ("70% trở xuống", "≤ 70%", false, "common wording"),
    // Yearly rises.
    (
        "3-5%/năm",
        "+3–5%/năm",
        false,
        "1629/QĐ-TTg, schemas/1629-qd-ttg.yaml",
    ),
    ("Tăng 3 - 5%", "+3–5%/năm", false, "seed 003"),
    ("tăng 3-5% mỗi năm", "+3–5%/năm", false, "seed 004"),
    // Frequencies: digits and words give the same reading.
    (
        "hằng tháng",
        "≥ 1 lần/tháng",
        false,
        "new-user-trial finding 6",
    ),
    (
        "hàng tháng",
        "≥ 1 lần/tháng",
        false,
        "new-user-trial finding 6",
    ),
    ("hằng quý", "≥ 1 lần/quý", false, "new-user-trial finding 6"),
    ("mỗi quý", "≥ 1 lần/quý", false, "new-user-trial finding 6"),
    ("định kỳ hàng quý", "≥ 1 lần/quý", false, "common wording"),
    (
        "ít nhất một tháng một lần",
        "≥ 1 lần/tháng",
        false,
        "1629/QĐ-TTg (press), seed 000",
    ),
    (
        "ít nhất 1 tháng 1 lần",
        "≥ 1 lần/tháng",
        false,
        "the same in digits",
    ),
    ("1/tháng", "≥ 1 lần/tháng", false, "docs/plan-format.md"),
    (
        "2 lần/năm",
        "≥ 2 lần/năm",
        false,
        "new-user-trial finding 6",
    ),
    ("hai lần/năm", "≥ 2 lần/năm", false, "the same in words"),
    (
        "02 lần/năm",
        "≥ 2 lần/năm",
        false,
        "the same with a leading zero",
    ),
    (
        "tối thiểu 02 lần mỗi năm",
        "≥ 2 lần/năm",
        false,
        "common wording",
    ),
    (
        "ít nhất một lần trong năm",
        "≥ 1 lần/năm",
        false,
        "new-user-trial finding 6",
    ),
    (
        "ít nhất 1 lần trong năm",
        "≥ 1 lần/năm",
        false,
        "Bà Rịa - Vũng Tàu plan (baobariavungtau.com.vn)",
    ),
    (
        "ít nhất một lần/ năm",
        "≥ 1 lần/năm",
        false,
        "Hà Nội KH 06/KH-UBND 2026 (24h.com.vn)",
    ),
    ("mỗi tháng 2 lần", "≥ 2 lần/tháng", false, "common wording"),
    (
        "6 tháng một lần",
        "≥ 1 lần/6 tháng",
        false,
        "common wording",
    ),
    (
        "định kỳ 6 tháng",
        "≥ 1 lần/6 tháng",
        false,
        "seed 002 (\"Định kỳ 06 tháng\")",
    ),
    // Counts.
    ("25.000", "≥ 25.000", false, "plans/ha-noi-2024.yaml"),
    ("25.000 người", "≥ 25.000", false, "seed 001"),
    (
        "ít nhất 5.300 người dân",
        "≥ 5.300",
        false,
        "Hà Nội plan 2026 (kenh14.vn)",
    ),
    (
        "tối thiểu 40 lượt cơ sở",
        "≥ 40",
        false,
        "Hà Nội KH 06/KH-UBND 2026 (24h.com.vn)",
    ),
    ("ít nhất 1 huyện/thành phố", "≥ 1", false, "seed 004"),
    // Sentences with one figure: the figure is read.
    (
        "Phấn đấu đến năm 2025 có 80% học sinh, sinh viên được tuyên truyền",
        "≥ 80%",
        true,
        "new-user-trial finding 7",
    ),
    (
        "Năm 2025 có ít nhất 70% số xã, phường, thị trấn tổ chức được ít nhất một hình thức tuyên truyền",
        "≥ 70%",
        true,
        "seed 002",
    ),
    (
        "Phấn đấu trên 70% xã, phường, thị trấn tổ chức ít nhất một hình thức tuyên truyền",
        "> 70%",
        true,
        "Bình Thuận 2578/KH-UBND 2017",
    ),
    (
        "đảm bảo 100% số cơ sở được kiểm tra ít nhất 1 lần trong năm",
        "100%",
        true,
        "Bà Rịa - Vũng Tàu plan (baobariavungtau.com.vn)",
    ),
    (
        "phấn đấu để ít nhất 60% tổng số cơ sở kinh doanh dịch vụ trên địa bàn được kiểm tra ít nhất một lần",
        "≥ 60%",
        true,
        "Hà Nội plan 2024 (vietbao.vn)",
    ),
    (
        "tổ chức kiểm tra đạt từ 60% trở lên trên tổng số cơ sở kinh doanh dịch vụ",
        "≥ 60%",
        true,
        "Hà Nội KH 06/KH-UBND 2026 (24h.com.vn)",
    ),
    (
        "kiểm tra ít nhất 2.937 cơ sở kinh doanh dịch vụ dễ bị lợi dụng",
        "≥ 2.937",
        true,
        "Hà Nội plan 2026 (sggp.org.vn)",
    ),
    (
        "Tất cả huyện, thị xã, thành phố xây dựng kế hoạch và tổ chức thực hiện hoạt động phòng, chống tệ nạn mại dâm",
        "100%",
        true,
        "Bà Rịa - Vũng Tàu plan 2021-2025",
    ),
    (
        "Thông tin được đăng tải trên báo chí ít nhất một tháng một lần",
        "≥ 1 lần/tháng",
        true,
        "1629/QĐ-TTg as quoted, seed 000",
    ),
    // No figure, or no single one: qualitative.
    ("thường xuyên", "?", false, "common wording"),
    (
        "kịp thời",
        "?",
        false,
        "Bà Rịa - Vũng Tàu plan (\"xử lý kịp thời\")",
    ),
    (
        "Đến năm 2017 đạt 75% và năm 2020 đạt 100% số xã",
        "?",
        false,
        "programme 2016-2020 (infonet.vietnamnet.vn)",
    ),
    (
        "",
        "?",
        false,
        "an indicator cut mid-sentence in a news summary",
    ),
    // Two numbers, and nothing says which is the target (178 is the inspection team's name).
    (
        "Đội kiểm tra liên ngành 178 cấp xã, phường kiểm tra ít nhất 2.937 cơ sở",
        "?",
        false,
        "Hà Nội plan 2026 (sggp.org.vn)",
    ),
];

#[test]
fn every_real_wording_has_a_reading() {
    let mut wrong = Vec::new();
    for &(wording, expected, in_sentence, source) in WORDINGS {
        let r = read_target(wording, None);
        let shown = r.target.display(Lang::Vi);
        if shown != expected || r.in_sentence != in_sentence {
            wrong.push(format!(
                "{wording:?} ({source}): read {shown} (sentence: {}), expected {expected} (sentence: {in_sentence})",
                r.in_sentence
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_bare_number_for_a_share_is_a_question_not_a_reading() {
    for (wording, guess) in [("70", "≥ 70%"), ("0,7", "≥ 70%"), ("0.7", "≥ 70%")] {
        let r = read_target(wording, Some(Measure::Percent));
        assert_eq!(r.target.measure(), "count", "{wording}");
        let guess_shown = r.did_you_mean.map(|t| t.display(Lang::Vi));
        assert_eq!(guess_shown.as_deref(), Some(guess), "{wording}");
    }
    // A head-count indicator asks nothing.
    assert_eq!(read_target("70", Some(Measure::Count)).did_you_mean, None);
    // "phần trăm" is a per-cent sign: read, not asked.
    let r = read_target("70 phần trăm", Some(Measure::Percent));
    assert_eq!(r.target.display(Lang::Vi), "≥ 70%");
    assert_eq!(r.did_you_mean, None);
}
