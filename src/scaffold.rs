//! `kehoach init`: a complete draft plan from the national programme, for one province and
//! period. Every indicator that binds a province is set at the national floor with the
//! programme's wording; the agencies are the ones the programme expects on the plan's date
//! (successors followed, border guards only where there is a border or coast); the officer
//! fills in the tasks. The draft passes `check` with no error.
//!
//! What the draft holds is decided the way `check` decides it: the draft's `plan:` block is
//! compiled first, and the programme, the levels in force and the expected bodies are read
//! from that compiled plan (src/compile.rs, src/assess.rs).

use crate::assess;
use crate::compile::CompiledPlan;
use crate::date::Date;
use crate::i18n::Lang;
use crate::loaded::{self, Loaded};
use crate::model::plan_syntax;
use crate::reference::{
    Agency, Binds, NationalIndicator, Programme, Province, Reference, Requirement,
};
use crate::source::SourceFile;
use std::fmt::Write;
use std::sync::Arc;

/// What `kehoach init` was asked for.
pub struct Request<'r> {
    pub province: &'r Province,
    pub start: i32,
    pub end: i32,
    /// The issue date, if the officer knows it; otherwise the plan's date is its period's start.
    pub issued: Option<Date>,
    /// The `$schema` the editor header points at.
    pub schema: String,
}

impl Request<'_> {
    pub fn date(&self) -> Date {
        self.issued.unwrap_or(Date::first_of_year(self.start))
    }

    fn period(&self) -> String {
        if self.start == self.end {
            self.start.to_string()
        } else {
            format!("{}-{}", self.start, self.end)
        }
    }

    /// "năm 2024", "giai đoạn 2021 - 2025", as titles write it.
    fn period_words(&self) -> String {
        if self.start == self.end {
            format!("năm {}", self.start)
        } else {
            format!("giai đoạn {} - {}", self.start, self.end)
        }
    }
}

/// The programme whose period covers the plan's, if any.
fn implemented<'r>(reference: &'r Reference, req: &Request) -> Option<&'r Programme> {
    reference
        .programmes
        .iter()
        .find(|p| p.start <= req.start && req.end <= p.end)
}

/// A YAML double-quoted scalar (a JSON string is one).
fn quoted(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}

/// The bodies the programme binds the plan to name on its date, lead first, each once.
fn agencies<'p>(plan: &'p CompiledPlan<'p>) -> Vec<(&'p Agency, bool)> {
    let mut out: Vec<(&Agency, bool)> = assess::agencies(plan)
        .into_iter()
        .filter(|a| a.applies)
        .map(|a| (a.expected, a.requirement.requirement == Requirement::Lead))
        .collect();
    out.sort_by_key(|(_, lead)| !lead);
    out
}

/// The body's name as the province writes it: "Công an thành phố" in a city.
fn local_name(_reference: &Reference, agency: &Agency, province: &Province) -> String {
    agency
        .name_in(Some(province), crate::i18n::Lang::Vi)
        .to_string()
}

/// The `plan:` block of the draft (the document's details), which decides everything else.
fn meta(reference: &Reference, req: &Request, place: &str) -> String {
    let mut y = String::new();
    let _ = writeln!(y, "plan:");
    let _ = writeln!(y, "  # number: \"…/KH-UBND\"   # Điền số hiệu khi ban hành");
    let _ = writeln!(y, "  kind: ke-hoach");
    let _ = writeln!(
        y,
        "  title: {}",
        quoted(&format!(
            "Kế hoạch thực hiện phòng, chống mại dâm trên địa bàn {place} {}",
            req.period_words()
        ))
    );
    let _ = writeln!(y, "  issuer: UBND {place}");
    let _ = writeln!(y, "  province: {}", req.province.name);
    if let Some(d) = req.issued {
        let _ = writeln!(y, "  issued: {d}");
    }
    let _ = writeln!(y, "  period: {}", req.period());
    match implemented(reference, req) {
        Some(p) => {
            let _ = writeln!(y, "  implements: [{}]", quoted(&p.id));
        }
        None => {
            // No programme covers the period: the plan cites its legal basis only, and `check`
            // compares it with the latest programme for reference.
            let _ = writeln!(y, "  implements: []");
            let date = req.date();
            if let Some(b) = reference
                .reforms
                .legal_bases
                .iter()
                .find(|b| b.from <= date)
            {
                let _ = writeln!(y, "  basis: [{}]   # {}", quoted(&b.id), b.title);
            }
        }
    }
    y
}

pub fn draft(reference: &Reference, req: &Request) -> String {
    let place = req.province.full_name();
    let meta = meta(reference, req, &place);
    let source = SourceFile {
        name: "<kehoach init>".to_string(),
        text: Arc::from(format!("kehoach: 1\n{meta}")),
    };
    let plan = match loaded::load_source(source, reference, Lang::Vi) {
        Loaded::Compiled(plan) => Some(plan),
        Loaded::Failed(..) | Loaded::Invalid(..) => None,
    };
    let plan = plan.as_deref();
    let programme = plan.and_then(|p| p.programme);
    // The programme that binds the draft's period; `None` when it is only a reference.
    let binding = programme.filter(|_| !plan.is_none_or(|p| p.programme_is_reference));
    let mut y = String::new();

    header(&mut y, req, &place, programme, binding.is_none());
    let _ = writeln!(y, "kehoach: 1");
    y.push_str(&meta);
    general(&mut y, req, &place, binding);
    if let (Some(plan), Some(p)) = (plan, programme) {
        indicators(&mut y, plan, p);
        task_groups(&mut y, p);
    }
    budget(&mut y);
    let expected = plan.map(agencies).unwrap_or_default();
    responsibilities(&mut y, reference, req, &expected);
    reporting(&mut y, reference, req, &place, &expected);
    y
}

/// The comment at the top: the schema for editors, whose draft this is, and what to do next.
fn header(
    y: &mut String,
    req: &Request,
    place: &str,
    programme: Option<&Programme>,
    reference_only: bool,
) {
    let _ = writeln!(y, "# yaml-language-server: $schema={}", req.schema);
    match programme {
        Some(p) if !reference_only => {
            let _ = writeln!(
                y,
                "# Bản nháp do `kehoach init` tạo cho {place}, {},\n# từ {} ({}).",
                req.period_words(),
                p.id,
                p.title
            );
        }
        Some(p) => {
            let _ = writeln!(
                y,
                "# Bản nháp do `kehoach init` tạo cho {place}, {}. Không có chương trình quốc gia nào\n\
                 # áp dụng cho thời kỳ này; chỉ tiêu lấy theo {} ({}-{}) để tham khảo.",
                req.period_words(),
                p.id,
                p.start,
                p.end
            );
        }
        None => {
            let _ = writeln!(y, "# Bản nháp do `kehoach init` tạo cho {place}.");
        }
    }
    let _ = writeln!(
        y,
        "# Chỉ tiêu đặt ở mức tối thiểu quốc gia: điều chỉnh theo thực tế địa phương, điền nhiệm vụ\n\
         # cụ thể, rồi kiểm tra lại bằng `kehoach check`."
    );
}

/// Purpose, requirements and objectives: the general wording of Nghệ An's 223/KH-UBND
/// (shared/seeds/003), with the programme, province and period of this draft.
fn general(y: &mut String, req: &Request, place: &str, binding: Option<&Programme>) {
    let basis_words = match binding {
        Some(p) => format!("{} của {}", p.title, p.issuer),
        _ => "Pháp lệnh Phòng, chống mại dâm".to_string(),
    };
    let _ = writeln!(y, "\n# I. Mục đích, yêu cầu");
    let _ = writeln!(y, "purpose:");
    let _ = writeln!(
        y,
        "  - {}",
        quoted(&format!(
            "Cụ thể hóa các nhiệm vụ được giao trong {basis_words} để triển khai thực hiện trên địa bàn {place} {}.",
            req.period_words()
        ))
    );
    let _ = writeln!(
        y,
        "  - {}",
        quoted(
            "Tăng cường vai trò, trách nhiệm của các Sở, ban, ngành, đoàn thể và các địa phương trực tiếp liên quan đến công tác phòng, chống mại dâm; phối hợp liên ngành giữa các Sở, ban, ngành, đoàn thể trong quá trình triển khai thực hiện Kế hoạch."
        )
    );
    let _ = writeln!(y, "requirements:");
    let _ = writeln!(
        y,
        "  - {}",
        quoted(
            "Phân công nhiệm vụ cụ thể đối với các Sở, ban, ngành, đoàn thể và địa phương, đơn vị có liên quan nhằm triển khai đồng bộ các nội dung, giải pháp góp phần đạt được mục tiêu đề ra."
        )
    );
    let _ = writeln!(y, "\n# II.1 Mục tiêu chung");
    let _ = writeln!(y, "objectives:");
    let _ = writeln!(
        y,
        "  - {}",
        quoted(
            "Tăng cường phòng ngừa, ngăn chặn, đẩy lùi tệ nạn mại dâm; tạo sự chuyển biến mạnh mẽ về nhận thức và hành động của các cấp, ngành, tổ chức xã hội và cộng đồng trong công tác phòng, chống mại dâm; tăng cường khả năng tiếp cận, sử dụng các dịch vụ xã hội để hòa nhập cộng đồng đối với người bán dâm."
        )
    );
}

/// III: one empty group per task group of the programme.
fn task_groups(y: &mut String, p: &Programme) {
    let _ = writeln!(y, "\n# III. Nhiệm vụ, giải pháp");
    let _ = writeln!(y, "tasks:");
    for g in &p.task_groups {
        let _ = writeln!(y, "  - group: {}", g.id);
        let _ = writeln!(y, "    title: {}", quoted(&g.title));
        let _ = writeln!(y, "    items: []   # Điền nhiệm vụ, giải pháp cụ thể");
    }
}

/// IV and V.14: the wording of Nghệ An's 223/KH-UBND (shared/seeds/003), with the bodies
/// of this draft's date.
fn budget(y: &mut String) {
    let _ = writeln!(y, "\n# IV. Kinh phí thực hiện");
    let _ = writeln!(
        y,
        "budget: {}",
        quoted(
            "Được bố trí từ nguồn ngân sách nhà nước trong dự toán chi thường xuyên của các cơ quan, đơn vị, địa phương theo phân cấp ngân sách hiện hành; từ nguồn huy động, đóng góp, hỗ trợ của các tổ chức, cá nhân trong, ngoài nước và các nguồn kinh phí hợp pháp khác."
        )
    );
}

/// V: the bodies the programme expects on the draft's date, the lead first marked.
fn responsibilities(
    y: &mut String,
    reference: &Reference,
    req: &Request,
    expected: &[(&Agency, bool)],
) {
    let _ = writeln!(y, "\n# V. Tổ chức thực hiện");
    let _ = writeln!(y, "responsibilities:");
    for (agency, lead) in expected {
        let _ = writeln!(
            y,
            "  - agency: {}",
            local_name(reference, agency, req.province)
        );
        if *lead {
            let _ = writeln!(y, "    role: lead");
        }
        let _ = writeln!(y, "    tasks: []   # Điền nhiệm vụ cụ thể của cơ quan");
    }
}

/// Reporting: to the lead, by the provincial bodies and the lower level, for the committee.
fn reporting(
    y: &mut String,
    reference: &Reference,
    req: &Request,
    place: &str,
    expected: &[(&Agency, bool)],
) {
    let committee = format!("UBND {place}");
    let lead = expected.iter().find(|(_, lead)| *lead).map(|(a, _)| *a);
    let lower = reference
        .agencies
        .in_force_on("district-committees", req.date());
    let _ = writeln!(y, "\n# Chế độ báo cáo");
    let _ = writeln!(y, "reporting:");
    let _ = writeln!(y, "  every: [6-months, yearly, ad-hoc]");
    if let Some(lead) = lead {
        let lead_name = local_name(reference, lead, req.province);
        let _ = writeln!(y, "  to: [{lead_name}]");
        let mut reporters = "các sở, ban, ngành, đoàn thể cấp tỉnh".to_string();
        if let Some(lower) = lower {
            let _ = write!(reporters, " và {}", lower.name);
        }
        let ministry = lead
            .national
            .as_deref()
            .map(|m| format!(" và {m}"))
            .unwrap_or_default();
        let _ = writeln!(
            y,
            "  text: {}",
            quoted(&format!(
                "Định kỳ 06 tháng, 01 năm và đột xuất {reporters} báo cáo kết quả thực hiện về {lead_name} để tổng hợp báo cáo {committee}{ministry}. Quá trình triển khai thực hiện nếu có khó khăn, vướng mắc báo cáo về {committee} (qua {lead_name}) để xem xét, giải quyết."
            ))
        );
    }
}

fn indicators(y: &mut String, plan: &CompiledPlan, p: &Programme) {
    let _ = writeln!(
        y,
        "\n# II.2 Các chỉ tiêu cụ thể (mức tối thiểu của {})",
        p.id
    );
    let _ = writeln!(y, "indicators:");
    let districts = plan
        .reference
        .reforms
        .level_abolished(crate::model::Level::District, plan.date);
    for n in p.indicators.iter().filter(|n| n.binds == Binds::Province) {
        // After 30/6/2025 a target that counted districts becomes the plan's own commune target,
        // and a wording that names districts takes its two-level form.
        let two_level = n.two_level.as_ref().filter(|_| districts.is_some());
        match two_level {
            Some(t) if crate::assess::population_gone(plan, n) => {
                let _ = writeln!(y, "  - id: {}", t.id.as_deref().unwrap_or(&n.id));
                let _ = writeln!(
                    y,
                    "    target: {}",
                    quoted(t.target.as_deref().unwrap_or("100%"))
                );
                let _ = writeln!(y, "    text: {}", quoted(&t.text));
                continue;
            }
            _ => {}
        }
        let _ = writeln!(y, "  - ref: {}", n.id);
        let _ = writeln!(y, "    target: {}", target(plan, n));
        let mut text = two_level.map_or(n.text.clone(), |t| t.text.clone());
        // The second half of the inspection target is due by the programme's deadline: it
        // belongs in a plan whose period reaches that year, not in a later one.
        if let (Some(once), Some(deadline)) = (&n.once_by_deadline, n.deadline)
            && plan.end >= deadline
            && plan.start <= deadline
        {
            text = format!("{text}; {}", once.text);
        }
        let _ = writeln!(y, "    text: {}", quoted(&text));
    }
}

/// The national floor as the plan writes it; per level in the order tỉnh, huyện, xã, over the
/// levels still in force on the plan's date.
fn target(plan: &CompiledPlan, n: &NationalIndicator) -> String {
    let mut levels: Vec<_> = n
        .targets
        .iter()
        .filter_map(|(l, t)| l.map(|l| (l, t)))
        .filter(|(l, _)| assess::level_in_force(plan, Some(*l)))
        .collect();
    if levels.is_empty() {
        let all: Vec<String> = n
            .targets
            .iter()
            .map(|(_, t)| quoted(&plan_syntax(t)))
            .collect();
        return all.join(", ");
    }
    levels.sort_by_key(|(l, _)| *l);
    let parts: Vec<String> = levels
        .iter()
        .map(|(l, t)| format!("{}: {}", l.key(), quoted(&plan_syntax(t))))
        .collect();
    format!("{{ {} }}", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use crate::model::{Target, plan_syntax};
    use crate::reference::Reference;

    #[test]
    fn every_national_target_a_draft_writes_reads_back_as_itself() {
        let targets = Reference::bundled()
            .programmes
            .iter()
            .flat_map(|p| &p.indicators)
            .flat_map(|n| n.targets.iter().map(|(_, t)| *t));
        for t in targets {
            let written = plan_syntax(&t);
            assert_eq!(Target::parse(&written), Ok(t), "{written}");
        }
    }
}
