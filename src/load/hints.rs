//! YAML mistakes that officers make, explained in their words with the fix, instead of the
//! parser's English sentence: a value that starts with `>` (`target: >= 70%`), a tab in the
//! indentation, no space after `:`, a `: ` inside an unquoted value, an unclosed quote, and
//! indentation that does not line up. Each hint looks at the line the parser stopped on.

use crate::finding::Finding;
use crate::i18n::Lang;
use crate::msg;
use crate::rules::Rule;
use crate::source::Span;

/// Rewrites `f` (located where the parser stopped; `parser` is its message) when the text there
/// shows a mistake with a known fix. Leaves it alone otherwise.
pub fn improve(f: &mut Finding, parser: &str, text: &str, lang: Lang) {
    let Some(span) = f.span else { return };
    // The safety limits have their own messages (load::describe): a hostile file is not a typo.
    let limits = [
        "alias",
        "anchor",
        "budget",
        "limit",
        "depth",
        "recursion",
        "nesting",
    ];
    if limits.iter().any(|l| parser.contains(l)) || f.message.contains("alias") {
        return;
    }
    let Some(hint) = hint(parser, text, span, lang) else {
        return;
    };
    f.rule = Rule::Syntax;
    f.level = Rule::Syntax.default_level();
    f.message = hint.message;
    f.help = Some(hint.help);
    if let Some(at) = hint.at {
        f.span = Some(at);
    }
}

struct Hint {
    message: String,
    help: String,
    /// A better place than the parser's, when the mistake is elsewhere on the line.
    at: Option<Span>,
}

fn line(text: &str, n: u32) -> Option<&str> {
    text.lines().nth(n.checked_sub(1)? as usize)
}

/// The span of `line`'s byte range `start..start+len`.
fn span_in(text: &str, n: u32, start: usize, len: usize) -> Span {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(n.saturating_sub(1) as usize)
        .map(str::len)
        .sum();
    Span::at_offset(text, line_start + start, len)
}

fn hint(parser: &str, text: &str, at: Span, lang: Lang) -> Option<Hint> {
    tab(parser, text, at, lang)
        .or_else(|| indicator_value(parser, text, at, lang))
        .or_else(|| no_space_after_colon(text, at, lang))
        .or_else(|| colon_in_value(parser, text, at, lang))
        .or_else(|| unclosed_quote(parser, text, at, lang))
        .or_else(|| indentation(parser, lang))
}

/// Whether the parser's message is about a tab: the word, not the letters ("acceptable", in
/// its message for a repeated key, holds them).
fn says_tab(parser: &str) -> bool {
    parser
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w.eq_ignore_ascii_case("tab") || w.eq_ignore_ascii_case("tabs"))
}

/// A tab in the indentation of the line, or the one after (the parser often stops just before).
fn tab(parser: &str, text: &str, at: Span, lang: Lang) -> Option<Hint> {
    let n = (at.line..=at.line + 1).find(|n| {
        line(text, *n).is_some_and(|l| {
            l.chars()
                .take_while(|c| c.is_whitespace())
                .any(|c| c == '\t')
        })
    });
    let n = match n {
        Some(n) => n,
        None if says_tab(parser) => at.line,
        None => return None,
    };
    let col = line(text, n).and_then(|l| l.find('\t')).unwrap_or(0);
    Some(Hint {
        message: msg!(
            lang,
            "dòng này thụt lề bằng ký tự tab; YAML chỉ cho thụt lề bằng dấu cách",
            "this line is indented with a tab; YAML allows only spaces for indentation"
        ),
        help: msg!(
            lang,
            "dùng dấu cách thay cho tab (các khóa cùng khối thẳng cột với nhau); trong trình soạn thảo, chọn \"thụt lề bằng dấu cách\"",
            "use spaces instead of the tab (keys of one block in the same column); in the editor, choose \"indent using spaces\""
        ),
        at: Some(span_in(text, n, col, 1)),
    })
}

/// `key: value` on the line, split at the first `: ` (or a final `:`).
fn key_value(l: &str) -> Option<(&str, &str, usize)> {
    let body = l.trim_start().trim_start_matches("- ");
    let indent = l.len() - body.len();
    let (k, v) = body.split_once(": ")?;
    let v_start = indent + k.len() + 2 + (v.len() - v.trim_start().len());
    Some((k.trim(), v.trim(), v_start))
}

/// An unquoted value that starts with a character YAML reserves: `>` and `|` start a block of
/// text, `*` `&` `!` `%` `@` and `` ` `` mean something else or nothing at all.
fn indicator_value(parser: &str, text: &str, at: Span, lang: Lang) -> Option<Hint> {
    // Only where the scanner stopped: a schema error on such a line has another cause.
    if !(parser.contains("scanning") || parser.contains("cannot start")) {
        return None;
    }
    let l = line(text, at.line)?;
    let (key, value, start) = key_value(l)?;
    let first = value.chars().next()?;
    if !['>', '|', '*', '&', '!', '%', '@', '`'].contains(&first) {
        return None;
    }
    let value = value.split(" #").next().unwrap_or(value).trim_end();
    Some(Hint {
        message: msg!(
            lang,
            "giá trị bắt đầu bằng `{first}` phải đặt trong dấu nháy",
            "a value that starts with `{first}` must be quoted"
        ),
        help: msg!(lang, "viết {key}: \"{value}\"", "write {key}: \"{value}\""),
        at: Some(span_in(text, at.line, start, value.len())),
    })
}

/// `province:Nghệ An`: without a space after the colon YAML reads one string, not a key.
fn no_space_after_colon(text: &str, at: Span, lang: Lang) -> Option<Hint> {
    let l = line(text, at.line)?;
    let body = l.trim_start().trim_start_matches("- ");
    let (key, rest) = body.split_once(':')?;
    let is_key = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit());
    if !is_key || rest.is_empty() || rest.starts_with([' ', '\t']) || rest.starts_with("//") {
        return None;
    }
    let start = l.len() - body.len();
    Some(Hint {
        message: msg!(
            lang,
            "thiếu dấu cách sau dấu hai chấm của `{key}:`",
            "no space after the colon of `{key}:`"
        ),
        help: msg!(
            lang,
            "viết `{key}: {}` (một dấu cách sau dấu hai chấm)",
            "write `{key}: {}` (one space after the colon)",
            rest.trim()
        ),
        at: Some(span_in(text, at.line, start, key.len() + 1)),
    })
}

/// `budget: Ngân sách: tỉnh`: a second `: ` in an unquoted value.
fn colon_in_value(parser: &str, text: &str, at: Span, lang: Lang) -> Option<Hint> {
    if !parser.contains("mapping values are not allowed") {
        return None;
    }
    let l = line(text, at.line)?;
    let (key, value, start) = key_value(l)?;
    if !value.contains(": ") || value.starts_with(['"', '\'']) {
        return None;
    }
    Some(Hint {
        message: msg!(
            lang,
            "giá trị có dấu hai chấm và dấu cách (`: `) phải đặt trong dấu nháy",
            "a value that contains a colon and a space (`: `) must be quoted"
        ),
        help: msg!(lang, "viết {key}: \"{value}\"", "write {key}: \"{value}\""),
        at: Some(span_in(text, at.line, start, value.len())),
    })
}

fn unclosed_quote(parser: &str, text: &str, at: Span, lang: Lang) -> Option<Hint> {
    if !(parser.contains("unclosed quote") || parser.contains("quoted scalar")) {
        return None;
    }
    let quote = line(text, at.line)
        .and_then(|l| {
            l.get(
                at.offset
                    .saturating_sub(span_in(text, at.line, 0, 0).offset)..,
            )
        })
        .and_then(|rest| rest.chars().next())
        .filter(|c| *c == '\'' || *c == '"')
        .unwrap_or('"');
    Some(Hint {
        message: msg!(
            lang,
            "dấu nháy {quote} mở ở đây chưa được đóng",
            "the quote {quote} opened here is never closed"
        ),
        help: msg!(
            lang,
            "thêm dấu nháy {quote} ở cuối giá trị; nếu trong giá trị có dấu nháy kép, đặt cả giá trị trong dấu nháy đơn: 'Kế hoạch \"Xã an toàn\"'",
            "add the closing {quote} at the end of the value; if the value holds double quotes, quote it with single quotes: 'Plan \"Safe commune\"'"
        ),
        at: None,
    })
}

fn indentation(parser: &str, lang: Lang) -> Option<Hint> {
    let known = [
        "mapping values are not allowed",
        "did not find expected key",
        "did not find expected '-' indicator",
        "did not find expected",
        "bad indentation",
    ];
    if !known.iter().any(|k| parser.contains(k)) {
        return None;
    }
    Some(Hint {
        message: msg!(
            lang,
            "thụt lề không khớp: dòng này không thẳng cột với các khóa cùng khối",
            "the indentation does not line up: this line is not in the column of its block's keys"
        ),
        help: msg!(
            lang,
            "các khóa của một khối phải bắt đầu cùng một cột (cùng số dấu cách), như `ref:` và `target:` của một chỉ tiêu",
            "the keys of one block start in the same column (the same number of spaces), as `ref:` and `target:` of an indicator do"
        ),
        at: None,
    })
}

#[cfg(test)]
mod tests {
    use super::says_tab;

    #[test]
    fn only_a_message_about_tabs_is_taken_for_one() {
        assert!(says_tab("tab cannot be used as indentation"));
        assert!(says_tab("tabs disallowed in this context"));
        assert!(says_tab("while scanning a plain scalar, found a tab"));
        assert!(!says_tab(
            "duplicate mapping key: province, set DuplicateKeyPolicy in Options if acceptable"
        ));
    }
}
