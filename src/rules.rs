//! The rule catalogue: every finding kehoach reports carries one of these stable codes.

mod docs;

pub use docs::{DOCS, Example, RuleDoc};

use crate::i18n::Lang;
use serde::Serialize;
use std::fmt;

#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    serde::Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Note,
}

impl Level {
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Level::Error, Lang::Vi) => "lỗi",
            (Level::Warning, Lang::Vi) => "cảnh báo",
            (Level::Note, Lang::Vi) => "ghi chú",
            (Level::Error, Lang::En) => "error",
            (Level::Warning, Lang::En) => "warning",
            (Level::Note, Lang::En) => "note",
        }
    }
}

macro_rules! rules {
    ($( $variant:ident = $code:literal, $level:ident, $vi:literal, $en:literal; )*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule { $($variant),* }

        impl Rule {
            pub const ALL: &'static [Rule] = &[$(Rule::$variant),*];

            pub fn code(self) -> &'static str {
                match self { $(Rule::$variant => $code),* }
            }

            pub fn default_level(self) -> Level {
                match self { $(Rule::$variant => Level::$level),* }
            }

            /// One line saying what the rule checks.
            pub fn summary(self, lang: Lang) -> &'static str {
                match self { $(Rule::$variant => lang.pick($vi, $en)),* }
            }

            pub fn from_code(code: &str) -> Option<Rule> {
                match code { $($code => Some(Rule::$variant),)* _ => None }
            }
        }
    };
}

rules! {
    Syntax = "syntax", Error,
        "Tệp không phải YAML hợp lệ, hoặc vượt giới hạn an toàn (kích thước, độ sâu, bí danh).",
        "The file is not valid YAML, or exceeds a safety limit (size, nesting, aliases).";
    Schema = "schema", Error,
        "Một khóa hoặc giá trị không đúng định dạng kế hoạch (sai kiểu, khóa lạ, thiếu khóa bắt buộc).",
        "A key or value does not fit the plan format (wrong type, unknown key, missing required key).";
    UnknownProgramme = "unknown-programme", Error,
        "Kế hoạch dẫn chiếu một chương trình quốc gia không có trong dữ liệu.",
        "The plan names a national programme that kehoach does not know.";
    UnknownProvince = "unknown-province", Error,
        "Tên tỉnh, thành phố không nhận ra được.",
        "The province name is not recognised.";
    UnknownIndicator = "unknown-indicator", Error,
        "Chỉ tiêu dẫn chiếu (`ref`) không có trong chương trình quốc gia.",
        "An indicator `ref` that the national programme does not define.";
    DuplicateIndicator = "duplicate-indicator", Error,
        "Cùng một chỉ tiêu được khai báo hai lần.",
        "The same indicator is declared twice.";
    ImpossibleTarget = "impossible-target", Error,
        "Chỉ tiêu không thể đạt được (trên 100%, khoảng rỗng).",
        "A target that cannot be met (above 100%, an empty range).";
    WeakerTarget = "weaker-target", Error,
        "Chỉ tiêu của kế hoạch thấp hơn mức tối thiểu của chương trình quốc gia.",
        "The plan's target is below the national programme's floor.";
    TargetInSentence = "target-in-sentence", Note,
        "Chỉ tiêu được viết thành một câu: kehoach đọc con số trong câu, còn câu văn nên chuyển sang `text:`.",
        "A target written as a sentence: kehoach reads its figure, and the sentence belongs in `text:`.";
    TextDisagreesWithTarget = "text-disagrees-with-target", Warning,
        "Câu chữ của chỉ tiêu (`text:`) nêu một con số khác với `target:`.",
        "The indicator's wording (`text:`) states a different figure from its `target:`.";
    MissingIndicator = "missing-indicator", Warning,
        "Kế hoạch không cụ thể hóa một chỉ tiêu quốc gia mà mọi tỉnh phải thực hiện.",
        "The plan does not localise a national target that binds every province.";
    NotComparable = "not-comparable", Warning,
        "Chỉ tiêu của kế hoạch đo khác với chỉ tiêu quốc gia nên không so sánh được.",
        "The plan's target uses a different measure from the national one, so it cannot be compared.";
    PeriodOutsideProgramme = "period-outside-programme", Warning,
        "Thời kỳ của kế hoạch nằm ngoài giai đoạn của chương trình mà kế hoạch thực hiện.",
        "The plan's period falls outside the period of the programme it implements.";
    NoLeadAgency = "no-lead-agency", Warning,
        "Không có cơ quan chủ trì, hoặc cơ quan chủ trì không phải cơ quan thường trực theo quy định.",
        "No agency leads the plan, or the lead is not the body expected to lead it.";
    MissingAgency = "missing-agency", Warning,
        "Một cơ quan mà chương trình yêu cầu không được giao nhiệm vụ.",
        "An agency the programme expects is given no task.";
    UnexpectedAgency = "unexpected-agency", Warning,
        "Giao nhiệm vụ cho cơ quan không có ở địa phương (Bộ đội Biên phòng ở tỉnh không có biên giới, bờ biển).",
        "A task given to a body the province does not have (border guards without a border or coast).";
    UnknownAgency = "unknown-agency", Warning,
        "Tên cơ quan không nhận ra được.",
        "An agency name kehoach does not recognise.";
    MissingBudget = "missing-budget", Warning,
        "Kế hoạch không có mục kinh phí.",
        "The plan has no budget section.";
    MissingReporting = "missing-reporting", Warning,
        "Kế hoạch không quy định chế độ báo cáo.",
        "The plan sets no reporting regime.";
    NoIssueDate = "no-issue-date", Note,
        "Kế hoạch không ghi ngày ban hành; kiểm tra theo ngày đầu thời kỳ, và cảnh báo khi kết quả phụ thuộc vào ngày (cơ quan chủ trì, tỉnh, cấp huyện thay đổi trong thời kỳ).",
        "The plan has no issue date; it is checked as of its period's first day, with a warning where the verdict depends on the date (the lead body, the province or the district level changes within the period).";
    NumberKindMismatch = "number-kind-mismatch", Warning,
        "Số hiệu văn bản trái với loại văn bản (số …/QĐ-UBND khai là kế hoạch, hoặc …/KH-UBND khai là quyết định).",
        "The document's number contradicts its kind (a …/QĐ-UBND filed as a plan, or a …/KH-UBND as a decision).";
    SupersededAgency = "superseded-agency", Warning,
        "Giao nhiệm vụ (hoặc gửi báo cáo) cho cơ quan đã không còn giữ chức năng đó vào ngày của kế hoạch, như Sở LĐTBXH sau 01/3/2025; cơ quan chủ trì như vậy là lỗi.",
        "A task (or a report) goes to a body that no longer held the function on the plan's date, such as Sở LĐTBXH after 1 March 2025; such a lead is an error.";
    SupersededProvince = "superseded-province", Error,
        "Kế hoạch của một tỉnh không còn tồn tại vào ngày của kế hoạch (đã hợp nhất vào tỉnh khác hoặc đổi tên).",
        "A plan for a province that no longer existed on its date (merged into another, or renamed).";
    ObsoleteLevel = "obsolete-level", Warning,
        "Chỉ tiêu hoặc nhiệm vụ cho cấp huyện (hoặc công an cấp huyện) trong kế hoạch ban hành khi cấp đó đã bỏ.",
        "A target or duty for the district level (or the district police) in a plan dated after that level was abolished.";
    WeakerThanParent = "weaker-than-parent", Error,
        "Chỉ tiêu thấp hơn chỉ tiêu của kế hoạch cấp trên mà kế hoạch này cụ thể hóa (`parent`).",
        "A target below the one set by the parent plan this plan localises (`parent`).";
    MissingParent = "missing-parent", Error,
        "Không đọc được kế hoạch cấp trên (`parent`): tệp không có hoặc không phải kế hoạch hợp lệ.",
        "The parent plan (`parent`) cannot be read: the file is missing or is not a valid plan.";
    ParentCycle = "parent-cycle", Error,
        "Chuỗi kế hoạch cấp trên (`parent`) quay lại chính nó.",
        "The chain of parent plans (`parent`) leads back to itself.";
    WeakerThanPrevious = "weaker-than-previous", Warning,
        "Chỉ tiêu thấp hơn chỉ tiêu của kế hoạch năm trước (`previous`).",
        "A target lower than in last year's plan (`previous`).";
    MissingPrevious = "missing-previous", Error,
        "Không đọc được kế hoạch năm trước (`previous`): tệp không có hoặc không phải kế hoạch hợp lệ.",
        "Last year's plan (`previous`) cannot be read: the file is missing or is not a valid plan.";
    WaiverWithoutReason = "waiver-without-reason", Error,
        "Một miễn trừ (`waivers:`) không ghi lý do, nên không có hiệu lực.",
        "A waiver (`waivers:`) gives no reason, so it waives nothing.";
    StaleWaiver = "stale-waiver", Warning,
        "Một miễn trừ không còn áp dụng cho phát hiện nào; có thể bỏ đi.",
        "A waiver that no longer matches any finding and can be removed.";
    Config = "config", Error,
        "Tệp cấu hình kehoach.toml không hợp lệ (khóa lạ, mã quy tắc hoặc mức không đúng).",
        "The kehoach.toml configuration is invalid (unknown key, rule code or level).";
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}
