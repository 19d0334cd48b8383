//! serde-saphyr's errors in an officer's words: each becomes one located finding, with the rule
//! it breaks, a Vietnamese message and the fix; the hints in `hints.rs` then look at the line
//! itself. The key and value messages are shared with the walk in `shape.rs`.

use super::{MAX_DEPTH, hints};
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::msg;
use crate::rules::Rule;
use crate::source::{SourceFile, Span};
use crate::text::did_you_mean;
use serde_saphyr::Error as YamlError;

pub(super) fn yaml_finding(err: &YamlError, source: &SourceFile, lang: Lang) -> Finding {
    let inner = err.without_snippet();
    let span =
        inner
            .location()
            .or_else(|| err.location())
            .map(|loc| match loc.span().byte_offset() {
                Some(_) => Span::from_location(loc),
                None => Span::at_line_column(&source.text, loc.line() as u32, loc.column() as u32),
            });
    let (rule, message, help) = describe(inner, lang);
    let mut f = Finding::new(rule, message).at_opt(span.or(Some(Span {
        offset: 0,
        len: 0,
        line: 1,
        column: 1,
    })));
    if let Some(span) = &mut f.span {
        // A zero-length span on a key: widen it to the key so the frame underlines something.
        if span.len == 0 && span.offset < source.text.len() {
            let rest = &source.text[span.offset..];
            span.len = rest
                .find([':', '\n', '\r', ',', ']', '}'])
                .unwrap_or(rest.len())
                .min(80);
        }
    }
    if let Some(help) = help {
        f = f.help(help);
    }
    hints::improve(&mut f, &inner.to_string(), &source.text, lang);
    f
}

/// Message and help for a key the format does not have.
pub(super) fn unknown_key(field: &str, expected: &[&str], lang: Lang) -> (String, String) {
    let help = match did_you_mean(field, expected.iter().copied()) {
        Some(best) => msg!(lang, "Có phải ý bạn là `{best}`?", "did you mean `{best}`?"),
        None => msg!(
            lang,
            "các khóa hợp lệ ở đây: {}",
            "keys allowed here: {}",
            expected.join(", ")
        ),
    };
    (
        msg!(lang, "khóa không hợp lệ `{field}`", "unknown key `{field}`"),
        help,
    )
}

/// Message and help for a word outside an enumerated list; `allowed` is the list as shown.
pub(super) fn unknown_value(
    value: &str,
    words: &[&str],
    allowed: &str,
    lang: Lang,
) -> (String, String) {
    let help = match did_you_mean(value, words.iter().copied()) {
        Some(best) => msg!(
            lang,
            "Có phải ý bạn là `{best}`? Giá trị hợp lệ: {allowed}",
            "did you mean `{best}`? Allowed: {allowed}"
        ),
        None => msg!(
            lang,
            "giá trị hợp lệ: {allowed}",
            "allowed values: {allowed}"
        ),
    };
    (
        msg!(
            lang,
            "giá trị không hợp lệ `{value}`",
            "unknown value `{value}`"
        ),
        help,
    )
}

pub(super) fn duplicate_key(key: &str, lang: Lang) -> (String, String) {
    (
        msg!(lang, "khóa `{key}` bị lặp lại", "duplicate key `{key}`"),
        msg!(
            lang,
            "mỗi khóa chỉ được viết một lần trong cùng một khối",
            "a key may appear only once in a mapping"
        ),
    )
}

pub(super) fn missing_key(field: &str, lang: Lang) -> (String, String) {
    (
        msg!(
            lang,
            "thiếu khóa bắt buộc `{field}`",
            "missing required key `{field}`"
        ),
        msg!(
            lang,
            "xem docs/plan-format.md để biết các khóa bắt buộc",
            "see docs/plan-format.md for the required keys"
        ),
    )
}

/// serde-saphyr's error as a rule, a message and a help: a mistake in the document's content
/// (`schema`), else in its YAML (`syntax`).
fn describe(err: &YamlError, lang: Lang) -> (Rule, String, Option<String>) {
    describe_schema(err, lang).unwrap_or_else(|| describe_syntax(err, lang))
}

/// A key, value or type the format does not allow; `None` for any other error.
fn describe_schema(err: &YamlError, lang: Lang) -> Option<(Rule, String, Option<String>)> {
    Some(match err {
        YamlError::SerdeUnknownField {
            field, expected, ..
        } => {
            let (message, help) = unknown_key(field, expected, lang);
            (Rule::Schema, message, Some(help))
        }
        YamlError::SerdeUnknownVariant {
            variant, expected, ..
        } => {
            let (message, help) = unknown_value(variant, expected, &expected.join(", "), lang);
            (Rule::Schema, message, Some(help))
        }
        YamlError::SerdeMissingField { field, .. } => {
            let (message, help) = missing_key(field, lang);
            (Rule::Schema, message, Some(help))
        }
        YamlError::SerdeInvalidType {
            unexpected,
            expected,
            ..
        } => (
            Rule::Schema,
            msg!(
                lang,
                "sai kiểu: có {}, cần {}",
                "wrong type: found {}, expected {}",
                kind_name(unexpected, lang),
                kind_name(expected, lang)
            ),
            None,
        ),
        YamlError::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => (
            Rule::Schema,
            msg!(
                lang,
                "giá trị không hợp lệ: có {}, cần {}",
                "invalid value: found {}, expected {}",
                kind_name(unexpected, lang),
                kind_name(expected, lang)
            ),
            None,
        ),
        YamlError::Unexpected { expected, .. } => (
            Rule::Schema,
            msg!(
                lang,
                "sai kiểu: cần {}",
                "wrong type: expected {}",
                kind_name(expected, lang)
            ),
            None,
        ),
        YamlError::InvalidScalar { ty, .. } => (
            Rule::Schema,
            msg!(
                lang,
                "sai kiểu: cần {}",
                "wrong type: expected {}",
                kind_name(ty, lang)
            ),
            None,
        ),
        YamlError::NullIntoString { .. } => (
            Rule::Schema,
            msg!(lang, "giá trị trống", "empty value"),
            Some(msg!(
                lang,
                "hãy điền giá trị, hoặc bỏ khóa này đi",
                "write a value, or remove the key"
            )),
        ),
        _ => return None,
    })
}

/// Malformed YAML, an empty file, several documents, or what the parse budget stops.
fn describe_syntax(err: &YamlError, lang: Lang) -> (Rule, String, Option<String>) {
    match err {
        YamlError::DuplicateMappingKey { key, .. } => {
            let (message, help) = duplicate_key(key.as_deref().unwrap_or("?"), lang);
            (Rule::Syntax, message, Some(help))
        }
        YamlError::Eof { .. } => (
            Rule::Syntax,
            msg!(lang, "tệp trống", "the file is empty"),
            Some(msg!(
                lang,
                "một kế hoạch bắt đầu bằng `kehoach: 1` và khối `plan:`",
                "a plan starts with `kehoach: 1` and a `plan:` block"
            )),
        ),
        YamlError::MultipleDocuments { .. } => (
            Rule::Syntax,
            msg!(
                lang,
                "tệp chứa nhiều tài liệu YAML (`---`); mỗi tệp chỉ chứa một kế hoạch",
                "the file holds several YAML documents (`---`); one plan per file"
            ),
            None,
        ),
        YamlError::Budget { breach, .. } => (
            Rule::Syntax,
            describe_breach(breach, lang),
            Some(msg!(
                lang,
                "kế hoạch không cần lồng sâu quá {MAX_DEPTH} cấp hay dùng bí danh (alias) hàng loạt; tệp này có thể bị hỏng hoặc độc hại",
                "no plan nests deeper than {MAX_DEPTH} levels or expands aliases en masse; this file may be corrupt or hostile"
            )),
        ),
        YamlError::AliasError {
            error, locations, ..
        } => describe_alias(error.without_snippet(), locations, lang),
        YamlError::AliasReplayLimitExceeded { .. }
        | YamlError::AliasExpansionLimitExceeded { .. }
        | YamlError::AliasReplayStackDepthExceeded { .. } => (
            Rule::Syntax,
            msg!(
                lang,
                "bí danh (alias) YAML mở rộng quá lớn",
                "YAML aliases expand too far"
            ),
            Some(msg!(
                lang,
                "tệp này có thể là một \"alias bomb\"; kế hoạch không cần bí danh",
                "this looks like an alias bomb; plans do not need aliases"
            )),
        ),
        other => describe_other(other, lang),
    }
}

/// Any other parser error, in its own words (without its position, which the frame shows).
fn describe_other(other: &YamlError, lang: Lang) -> (Rule, String, Option<String>) {
    let text = other.to_string();
    let text = text
        .rsplit_once(" at line ")
        .map_or(text.as_str(), |(m, _)| m)
        .to_string();
    if text.contains("recursion limit") || text.contains("nesting limit") {
        let m = msg!(lang, "YAML lồng quá sâu", "YAML nested too deep");
        let h = msg!(
            lang,
            "kế hoạch không cần lồng quá {MAX_DEPTH} cấp; tệp này có thể bị hỏng hoặc độc hại",
            "no plan nests deeper than {MAX_DEPTH} levels; this file may be corrupt or hostile"
        );
        return (Rule::Syntax, m, Some(h));
    }
    (
        Rule::Syntax,
        msg!(lang, "YAML không hợp lệ: {text}", "invalid YAML: {text}"),
        None,
    )
}

/// An error met through an alias (`*name`): the error itself, said in full, and where its value
/// was defined (the finding is located at the alias, where the value is used).
fn describe_alias(
    inner: &YamlError,
    locations: &serde_saphyr::Locations,
    lang: Lang,
) -> (Rule, String, Option<String>) {
    let (rule, message, help) = describe(inner, lang);
    let defined = locations.defined_location;
    if defined.line() == 0 {
        return (rule, message, help);
    }
    let (line, column) = (defined.line(), defined.column());
    let message = msg!(
        lang,
        "{message} (giá trị lấy từ neo (anchor) ở dòng {line}, cột {column})",
        "{message} (the value comes from the anchor at line {line}, column {column})"
    );
    (rule, message, help)
}

fn describe_breach(b: &serde_saphyr::budget::BudgetBreach, lang: Lang) -> String {
    use serde_saphyr::budget::BudgetBreach as B;
    match b {
        B::Depth { depth } => msg!(
            lang,
            "lồng quá sâu ({depth} cấp; giới hạn {MAX_DEPTH})",
            "nested too deep ({depth} levels; the limit is {MAX_DEPTH})"
        ),
        B::Aliases { aliases } => msg!(
            lang,
            "quá nhiều bí danh YAML ({aliases})",
            "too many YAML aliases ({aliases})"
        ),
        B::Anchors { anchors } => msg!(
            lang,
            "quá nhiều neo YAML ({anchors})",
            "too many YAML anchors ({anchors})"
        ),
        B::Documents { documents } => msg!(
            lang,
            "quá nhiều tài liệu YAML ({documents})",
            "too many YAML documents ({documents})"
        ),
        B::Events { events } => msg!(
            lang,
            "tài liệu quá lớn ({events} sự kiện YAML)",
            "the document is too large ({events} YAML events)"
        ),
        B::Nodes { nodes } => msg!(
            lang,
            "tài liệu quá lớn ({nodes} nút YAML)",
            "the document is too large ({nodes} YAML nodes)"
        ),
        B::ScalarBytes { total_scalar_bytes } => {
            let mib = total_scalar_bytes / (1024 * 1024);
            msg!(
                lang,
                "tổng độ dài các giá trị vượt giới hạn an toàn (hơn {mib} MiB sau khi mở rộng bí danh)",
                "the values add up to more than the safety limit (over {mib} MiB once aliases are expanded)"
            )
        }
        B::AliasAnchorRatio { aliases, anchors } => msg!(
            lang,
            "quá nhiều bí danh YAML so với số neo ({aliases} bí danh, {anchors} neo)",
            "too many YAML aliases for the anchors ({aliases} aliases, {anchors} anchors)"
        ),
        B::MergeKeys { merge_keys } => msg!(
            lang,
            "quá nhiều khóa gộp YAML `<<` ({merge_keys})",
            "too many YAML merge keys `<<` ({merge_keys})"
        ),
        // The reader's other limits (comments, recorded anchors, input size...): said in
        // words, never as Rust debug text.
        _ => msg!(
            lang,
            "tài liệu vượt một giới hạn an toàn của trình đọc YAML",
            "the document exceeds a safety limit of the YAML reader"
        ),
    }
}

/// serde's type names, in words a drafting officer understands.
fn kind_name(kind: &str, lang: Lang) -> String {
    let k = kind.trim();
    let (vi, en) = match k {
        "a string" | "string" | "string scalar" | "a string scalar" => {
            ("một chuỗi văn bản", "a string")
        }
        "u32" | "u64" | "i32" | "i64" | "an integer" | "integer" => {
            ("một số nguyên", "a whole number")
        }
        "a sequence" | "sequence" => ("một danh sách (- ...)", "a list (- ...)"),
        "a map" | "map" | "mapping" | "a mapping" => {
            ("một khối khóa: giá trị", "a block of key: value pairs")
        }
        "a boolean" | "bool" | "boolean" => ("true/false", "true/false"),
        "a floating point" | "f64" | "float" => ("một số", "a number"),
        _ if k.starts_with("struct ") => ("một khối khóa: giá trị", "a block of key: value pairs"),
        _ if k.contains("mapping") => ("một khối khóa: giá trị", "a block of key: value pairs"),
        _ if k.starts_with("a sequence") || k.starts_with("sequence") => {
            ("một danh sách (- ...)", "a list (- ...)")
        }
        _ if k.starts_with("integer") => ("một số nguyên", "a whole number"),
        _ if k.starts_with("string") => ("một chuỗi văn bản", "a string"),
        _ => return k.to_string(),
    };
    lang.pick(vi, en).to_string()
}
