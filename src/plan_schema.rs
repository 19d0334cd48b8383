//! A JSON Schema (draft-07) of the plan format, for editors: yaml-language-server reads it for
//! completion, hover and validation while an officer types (docs/editors.md).
//!
//! It is written by hand against src/model/plan.rs, with the lists that come from data (national
//! indicator ids, task groups, rule codes, province and agency names) taken from the reference
//! data, so the schema follows `--programme`. `check` stays the authority: the schema catches
//! typing mistakes early, the rules judge the content.

use crate::i18n::Lang;
use crate::model::{ReportEvery, Role, Words};
use crate::reference::{Binds, Reference};
use crate::rules::Rule;
use crate::text::strip_diacritics;
use serde_json::{Value, json};

/// "Vietnamese\n\nEnglish": hover text for both readers.
fn both(vi: &str, en: &str) -> String {
    format!("{vi}\n\n{en}")
}

fn described(mut schema: Value, vi: &str, en: &str) -> Value {
    schema["description"] = Value::String(both(vi, en));
    schema
}

fn strings(vi: &str, en: &str) -> Value {
    described(
        json!({"type": "array", "items": {"type": "string"}}),
        vi,
        en,
    )
}

/// A target as plans write it: "> 70%", "3-5%/năm", "1/tháng", 25.000.
fn scalar_target() -> Value {
    json!({
        "type": ["string", "number"],
        "examples": [">= 70%", "> 70%", "100%", "3-5%/năm", "1/tháng", "25.000"]
    })
}

/// The words a plan may write for an enumerated value (`role:`, `every:`), in English and in
/// Vietnamese with and without diacritics, each described by its value in both languages.
fn words<T: Words>() -> Value {
    let mut names: Vec<String> = Vec::new();
    let mut docs: Vec<String> = Vec::new();
    for (value, spellings) in T::SPELLINGS {
        let doc = format!("{} / {}", value.word(Lang::Vi), value.word(Lang::En));
        for w in spellings
            .iter()
            .flat_map(|w| [w.to_string(), strip_diacritics(w)])
        {
            if !names.contains(&w) {
                names.push(w);
                docs.push(doc.clone());
            }
        }
    }
    json!({"enum": names, "enumDescriptions": docs})
}

pub fn plan_schema(reference: &Reference) -> Value {
    let programme = reference.programmes.first();
    let indicators: Vec<_> = programme
        .map(|p| p.indicators.iter().collect())
        .unwrap_or_default();
    let ref_ids: Vec<&str> = indicators.iter().map(|i| i.id.as_str()).collect();
    let ref_docs: Vec<String> = indicators
        .iter()
        .map(|i| {
            let scope = match i.binds {
                Binds::Province => "",
                Binds::National => " (chỉ tiêu chung cả nước / national aggregate)",
            };
            format!("{} — {}{scope}\n\n{}", i.short, i.text, i.text_en)
        })
        .collect();
    let group_ids: Vec<&str> = programme
        .map(|p| p.task_groups.iter().map(|g| g.id.as_str()).collect())
        .unwrap_or_default();
    let agencies: Vec<&str> = reference
        .agencies
        .agencies
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "kehoach plan, format 1",
        "description": both(
            "Kế hoạch phòng, chống mại dâm viết theo định dạng kehoach (docs/plan-format.md). Kiểm tra bằng `kehoach check`.",
            "A prostitution-prevention plan in kehoach's format (docs/plan-format.md). Check it with `kehoach check`."
        ),
        "type": "object",
        "additionalProperties": false,
        "required": ["kehoach", "plan"],
        "properties": {
            "kehoach": described(json!({"const": 1}), "Phiên bản định dạng (chỉ có 1).", "Format version (only 1 exists)."),
            "plan": {"$ref": "#/definitions/meta"},
            "purpose": strings("I.1 Mục đích.", "I.1 Purpose."),
            "requirements": strings("I.2 Yêu cầu.", "I.2 Requirements."),
            "objectives": strings("II.1 Mục tiêu chung.", "II.1 General objectives."),
            "indicators": described(
                json!({"type": "array", "items": {"$ref": "#/definitions/indicator"}}),
                "II.2 Các chỉ tiêu cụ thể. Mỗi mục là một chỉ tiêu quốc gia (`ref:`) hoặc một chỉ tiêu riêng của địa phương (`id:`).",
                "II.2 Specific targets. Each entry is a national indicator (`ref:`) or a local one (`id:`)."
            ),
            "tasks": described(
                json!({"type": "array", "items": {"$ref": "#/definitions/taskGroup"}}),
                "III. Nhiệm vụ, giải pháp, theo nhóm.",
                "III. Tasks and measures, in groups."
            ),
            "budget": described(json!({"type": "string"}), "IV. Kinh phí thực hiện: nguồn kinh phí.", "IV. Budget: where the funds come from."),
            "responsibilities": described(
                json!({"type": "array", "items": {"$ref": "#/definitions/responsibility"}}),
                "V. Tổ chức thực hiện: nhiệm vụ của từng cơ quan, theo thứ tự trong kế hoạch.",
                "V. Organisation: each agency's tasks, in the plan's order."
            ),
            "reporting": {"$ref": "#/definitions/reporting"},
            "waivers": described(
                json!({"type": "array", "items": {"$ref": "#/definitions/waiver"}}),
                "Miễn trừ: những chỗ kế hoạch khác chương trình có lý do, ghi ngay trong kế hoạch.",
                "Waivers: justified deviations, written into the plan."
            )
        },
        "definitions": {
            "meta": meta(reference),
            "indicator": indicator(&ref_ids, &ref_docs),
            "taskGroup": task_group(&group_ids),
            "responsibility": responsibility(&agencies),
            "reporting": reporting(&agencies),
            "waiver": waiver(&ref_ids)
        }
    })
}

/// The document's details (`plan:`), with the province and programme names as examples.
fn meta(reference: &Reference) -> Value {
    let provinces: Vec<&str> = reference
        .provinces
        .provinces
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    let programme_names: Vec<&str> = reference.programmes.iter().map(|p| p.id.as_str()).collect();
    let legal_bases: Vec<&str> = reference
        .reforms
        .legal_bases
        .iter()
        .map(|b| b.id.as_str())
        .collect();
    json!({
        "description": both("Thông tin về văn bản.", "The document's details."),
        "type": "object",
        "additionalProperties": false,
        "required": ["province", "period"],
        "properties": {
            "number": described(json!({"type": "string", "examples": ["223/KH-UBND"]}), "Số hiệu văn bản, như in (\"Số: ...\").", "The document's number, as printed."),
            "kind": described(json!({"enum": ["ke-hoach", "quyet-dinh"], "enumDescriptions": ["Kế hoạch (…/KH-UBND)", "Quyết định (…/QĐ-UBND)"]}), "Loại văn bản.", "Kind of document."),
            "title": described(json!({"type": "string"}), "Tên (trích yếu) của kế hoạch.", "The plan's title."),
            "issuer": described(json!({"type": "string", "examples": ["UBND tỉnh Nghệ An"]}), "Cơ quan ban hành.", "The issuing body."),
            "province": described(json!({"type": "string", "examples": provinces}), "Tỉnh, thành phố trực thuộc trung ương (mọi cách viết thông dụng).", "The province or centrally governed city (any common spelling)."),
            "district": described(json!({"type": ["string", "null"]}), "Chỉ ghi với kế hoạch cấp huyện.", "Only for a district plan."),
            "place": described(json!({"type": "string"}), "Địa danh ở dòng ngày tháng.", "Place name in the date line."),
            "issued": described(json!({"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "examples": ["2024-03-26"]}), "Ngày ban hành, NĂM-THÁNG-NGÀY. Mọi tra cứu theo thời gian dùng ngày này (không có thì dùng ngày đầu thời kỳ).", "Issue date, YEAR-MONTH-DAY. Every date-dependent lookup uses it (else the period's first day)."),
            "period": described(json!({"type": ["string", "integer"], "examples": [2024, "2021-2025"]}), "Thời kỳ: một năm (2024) hoặc một giai đoạn (2021-2025).", "Period: one year (2024) or a range (2021-2025)."),
            "implements": described(json!({"type": "array", "items": {"type": "string", "examples": programme_names}}), "Các chương trình quốc gia mà kế hoạch thực hiện (số hiệu); để trống khi không có chương trình nào còn hiệu lực.", "National programmes the plan implements (by number); empty when none is in force."),
            "basis": described(json!({"type": "array", "items": {"type": "string", "examples": legal_bases}}), "Căn cứ pháp lý (luật, pháp lệnh), như Pháp lệnh 10/2003/PL-UBTVQH11; kế hoạch chỉ nêu căn cứ pháp lý thì được so với chương trình gần nhất để tham khảo.", "Legal bases (laws, ordinances), such as Ordinance 10/2003/PL-UBTVQH11; a plan that names only a legal basis is compared with the latest programme for reference."),
            "parent": described(json!({"type": ["string", "null"]}), "Đường dẫn tới kế hoạch mà kế hoạch này cụ thể hóa (tính từ thư mục của tệp này); chỉ tiêu không được thấp hơn kế hoạch đó.", "Path of the plan this one localises (relative to this file); targets may not fall below it."),
            "previous": described(json!({"type": ["string", "null"]}), "Đường dẫn tới kế hoạch năm trước của cùng tỉnh; chỉ tiêu bị hạ được cảnh báo.", "Path of the same province's plan for the year before; lowered targets are flagged."),
            "signer": {
                "description": both("Người ký.", "The signatory."),
                "type": "object",
                "additionalProperties": false,
                "required": ["name"],
                "properties": {
                    "name": {"type": "string"},
                    "title": {"type": "string", "examples": ["KT. CHỦ TỊCH - PHÓ CHỦ TỊCH"]}
                }
            },
            "recipients": strings("Nơi nhận.", "Recipients."),
            "source": described(json!({"type": "string"}), "Nguồn của văn bản.", "Where the text came from."),
            "completeness": described(json!({"enum": ["full", "excerpt", "summary", "toàn văn", "trích", "trích đoạn", "tóm tắt"], "enumDescriptions": ["Toàn văn (mặc định)", "Trích một phần văn bản", "Tóm tắt, như bài báo về kế hoạch", "= full", "= excerpt", "= excerpt", "= summary"]}), "Tệp chép toàn văn (full, mặc định), một phần (excerpt) hay bản tóm tắt (summary). Với bản trích hoặc tóm tắt, các chỉ tiêu, cơ quan và mục không được nêu được gộp thành một ghi chú thay cho cảnh báo.", "Whether the file transcribes the whole document (full, the default), part of it (excerpt) or a summary (summary). For an excerpt or a summary, the targets, bodies and sections it does not state are grouped into one note instead of warnings.")
        }
    })
}

/// One entry of `indicators:`: a national id (`ref:`) or a local one, and its target.
fn indicator(ref_ids: &[&str], ref_docs: &[String]) -> Value {
    let level_target = described(
        scalar_target(),
        "Chỉ tiêu ở cấp này.",
        "The target at this level.",
    );
    json!({
        "type": "object",
        "additionalProperties": false,
        "oneOf": [{"required": ["ref"]}, {"required": ["id"]}],
        "properties": {
            "ref": described(json!({"enum": ref_ids, "enumDescriptions": ref_docs}), "Mã chỉ tiêu quốc gia (`kehoach schema`).", "A national indicator's id (`kehoach schema`)."),
            "id": described(json!({"type": "string"}), "Mã một chỉ tiêu riêng của địa phương, không có chỉ tiêu quốc gia tương ứng.", "A local indicator's id, with no national counterpart."),
            "part_of": described(json!({"enum": ref_ids, "enumDescriptions": ref_docs}), "Chỉ tiêu quốc gia mà chỉ tiêu riêng này là một phần.", "The national indicator this local one is a part of."),
            "target": described(
                json!({"anyOf": [
                    scalar_target(),
                    {
                        "type": "object",
                        "additionalProperties": false,
                        "minProperties": 1,
                        "properties": {
                            "province": level_target,
                            "district": level_target,
                            "commune": level_target
                        }
                    }
                ]}),
                "Chỉ tiêu như kế hoạch viết: \"ít nhất 70%\", \"trên 70%\", \"3-5%/năm\", \"1/tháng\", \"25.000\"; hoặc theo cấp: { province: ..., district: ..., commune: ... }.",
                "The target as the plan writes it: \">= 70%\", \"> 70%\", \"3-5%/năm\", \"1/tháng\", \"25.000\"; or per level: { province: ..., district: ..., commune: ... }."
            ),
            "unit": described(json!({"type": "string", "examples": ["người"]}), "Đơn vị của một số lượng.", "Unit of a head-count."),
            "denominator": described(json!({"type": ["string", "number"]}), "Tổng số mà số lượng được tính trên đó, để quy ra tỷ lệ.", "The total a head-count is taken from, to turn it into a share."),
            "deadline": described(json!({"type": ["string", "integer"]}), "Thời hạn đạt chỉ tiêu.", "When the target is due."),
            "text": described(json!({"type": "string"}), "Nguyên văn chỉ tiêu trong kế hoạch.", "The target's wording in the plan."),
            "note": described(json!({"type": "string"}), "Ghi chú.", "A note.")
        }
    })
}

fn task_group(group_ids: &[&str]) -> Value {
    json!({
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "group": described(json!({"type": "string", "examples": group_ids}), "Mã nhóm nhiệm vụ của chương trình quốc gia.", "The national task group's id."),
            "title": described(json!({"type": "string"}), "Tên nhóm nhiệm vụ, như trong kế hoạch.", "The group's title, as in the plan."),
            "items": strings("Các nhiệm vụ, giải pháp của nhóm.", "The group's tasks and measures.")
        }
    })
}

fn responsibility(agencies: &[&str]) -> Value {
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["agency"],
        "properties": {
            "agency": described(json!({"type": "string", "examples": agencies}), "Tên cơ quan (mọi cách viết thông dụng).", "The agency's name (any common spelling)."),
            "role": described(
                words::<Role>(),
                "Vai trò: chủ trì, phối hợp hoặc đề nghị (cơ quan mà UBND chỉ có thể đề nghị); mặc định là phối hợp. Viết bằng tiếng Việt hay tiếng Anh đều được.",
                "Role: lead, coordinate or requested (a body the committee can only request); coordinate when absent. Vietnamese or English words are accepted."
            ),
            "also": strings("Các cơ quan khác cùng mục, cùng nhiệm vụ (\"Đài Phát thanh và Truyền hình tỉnh, Báo Nghệ An\").", "Further bodies named in the same item, with the same tasks."),
            "tasks": strings("Nhiệm vụ được giao.", "The tasks given.")
        }
    })
}

fn reporting(agencies: &[&str]) -> Value {
    json!({
        "description": both("Chế độ báo cáo.", "The reporting regime."),
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "every": described(
                json!({"type": "array", "items": words::<ReportEvery>()}),
                "Kỳ báo cáo: hằng tháng, hằng quý, 6 tháng, hằng năm, đột xuất (tiếng Việt hay tiếng Anh đều được).",
                "How often reports are due: monthly, quarterly, 6-months, yearly, ad-hoc (Vietnamese or English words)."
            ),
            "to": described(json!({"type": "array", "items": {"type": "string", "examples": agencies}}), "Nơi nhận báo cáo.", "Who receives the reports."),
            "text": described(json!({"type": "string"}), "Nguyên văn quy định về báo cáo.", "The reporting clause's wording.")
        }
    })
}

/// One entry of `waivers:`: the rule (with each code's summary), the indicator or agency.
fn waiver(ref_ids: &[&str]) -> Value {
    let rule_codes: Vec<&str> = Rule::ALL.iter().map(|r| r.code()).collect();
    let rule_docs: Vec<String> = Rule::ALL
        .iter()
        .map(|r| {
            both(
                r.summary(crate::i18n::Lang::Vi),
                r.summary(crate::i18n::Lang::En),
            )
        })
        .collect();
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["rule"],
        "properties": {
            "rule": described(json!({"enum": rule_codes, "enumDescriptions": rule_docs}), "Mã quy tắc được miễn trừ (`kehoach explain --list`).", "The rule waived (`kehoach explain --list`)."),
            "ref": described(json!({"type": "string", "examples": ref_ids}), "Chỉ tiêu được miễn trừ.", "The indicator the waiver covers."),
            "agency": described(json!({"type": "string"}), "Cơ quan được miễn trừ.", "The agency the waiver covers."),
            "reason": described(json!({"type": "string"}), "Lý do (bắt buộc).", "The reason (required).")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_has_the_keys_the_loader_accepts() {
        let schema = plan_schema(Reference::bundled());
        for (pointer, keys) in crate::load::keys_by_schema_pointer() {
            let block = schema.pointer(pointer).expect(pointer);
            let mut props: Vec<&str> = block["properties"]
                .as_object()
                .expect(pointer)
                .keys()
                .map(String::as_str)
                .collect();
            props.sort();
            assert_eq!(keys, props, "{pointer}");
        }
    }
}
