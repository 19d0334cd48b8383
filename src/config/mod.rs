//! `kehoach.toml`: a repository's settings for `check`, found from the current directory
//! upward (or named with `--config`).
//!
//! ```toml
//! lang = "vi"                        # message language, unless --lang is given
//! programme = "schemas/other.yaml"   # instead of the bundled 1629/QĐ-TTg, unless --programme
//! exclude = ["drafts", "plans/archive/**"]
//!
//! [rules]
//! weaker-target = "warning"          # error | warning (or warn) | note | off
//! missing-budget = "off"
//! ```
//!
//! Mistakes are located findings like a plan's: a misspelt key or rule code is shown in a
//! code frame with a did-you-mean, never silently ignored.

mod glob;

pub use glob::Glob;

use crate::finding::Finding;
use crate::i18n::Lang;
use crate::load::{self, Unreadable};
use crate::msg;
use crate::rules::{Level, Rule};
use crate::source::{SourceFile, Span};
use crate::text::did_you_mean;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

pub const FILE_NAME: &str = "kehoach.toml";

const KEYS: [&str; 4] = ["lang", "programme", "exclude", "rules"];
/// The level names shown in help; [`parse_level`] also takes `warn` (as ruff and eslint
/// users write it) and the Vietnamese names.
const LEVELS: [&str; 4] = ["error", "warning", "note", "off"];

/// A rule's level as written in `[rules]`: `Some(None)` is "off".
pub fn parse_level(name: &str) -> Option<Option<Level>> {
    Some(
        match crate::text::nfc(name.trim()).to_lowercase().as_str() {
            "error" | "lỗi" => Some(Level::Error),
            "warning" | "warn" | "cảnh báo" => Some(Level::Warning),
            "note" | "ghi chú" => Some(Level::Note),
            "off" | "tắt" => None,
            _ => return None,
        },
    )
}

#[derive(Debug, Default)]
pub struct Config {
    /// The file the settings came from; `None` when there is none.
    pub file: Option<PathBuf>,
    /// The absolute directory `exclude` patterns and `programme` are relative to.
    base: PathBuf,
    /// A rule's level, or `None` for "off".
    levels: HashMap<Rule, Option<Level>>,
    exclude: Vec<Glob>,
    pub programme: Option<PathBuf>,
    pub lang: Option<Lang>,
}

#[derive(Debug)]
pub enum ConfigError {
    Unreadable(Unreadable),
    Invalid(SourceFile, Vec<Finding>),
}

/// The nearest `kehoach.toml` in `start` or a directory above it, as a path relative to
/// `start` (`kehoach.toml`, `../kehoach.toml`) so messages about it stay short.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let mut relative = PathBuf::new();
    for dir in start.ancestors() {
        if dir.join(FILE_NAME).is_file() {
            return Some(relative.join(FILE_NAME));
        }
        relative.push("..");
    }
    None
}

impl Config {
    /// The settings in `path`, or every mistake in it.
    pub fn load(path: &Path, lang: Lang) -> Result<Config, ConfigError> {
        let read = load::read_source_as(path, load::Budget::Settings, lang);
        let source = match read.map_err(ConfigError::Unreadable)? {
            Ok(s) => s,
            Err(b) => return Err(ConfigError::Invalid(b.0, vec![b.1])),
        };
        let absolute = absolute(path);
        let base = absolute.parent().map(Path::to_path_buf).unwrap_or_default();
        match parse(&source, base, lang) {
            Ok(mut c) => {
                c.file = Some(path.to_path_buf());
                Ok(c)
            }
            Err(findings) => Err(ConfigError::Invalid(source, findings)),
        }
    }

    /// Whether a path met while walking a directory is excluded.
    pub fn excludes(&self, path: &Path) -> bool {
        if self.exclude.is_empty() {
            return false;
        }
        let Ok(relative) = absolute(path)
            .strip_prefix(&self.base)
            .map(Path::to_path_buf)
        else {
            return false;
        };
        let relative = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        self.exclude.iter().any(|g| g.matches(&relative))
    }

    /// Sets each finding to its configured level and drops those of rules turned off. A
    /// finding a plan's waiver turned into a note stays a note.
    pub fn apply(&self, findings: &mut Vec<Finding>) {
        if self.levels.is_empty() {
            return;
        }
        findings.retain_mut(|f| match self.levels.get(&f.rule) {
            Some(None) => false,
            Some(Some(level)) => {
                if f.waiver.is_none() {
                    f.level = *level;
                }
                true
            }
            None => true,
        });
    }
}

/// `path` made absolute against the current directory, with `.` and `..` resolved in the
/// text (not through the file system, so paths that do not exist yet still compare).
pub fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The settings in `source` (already read); `base` is the directory paths are relative to.
pub fn parse(source: &SourceFile, base: PathBuf, lang: Lang) -> Result<Config, Vec<Finding>> {
    let text = &source.text;
    let table = DeTable::parse(text).map_err(|e| {
        let range = e.span().unwrap_or(0..0);
        let f = Finding::new(
            Rule::Config,
            msg!(
                lang,
                "TOML không hợp lệ: {}",
                "invalid TOML: {}",
                e.message().trim_end()
            ),
        )
        .at(Span::at_offset(text, range.start, range.len()));
        vec![f]
    })?;
    let mut config = Config {
        base,
        ..Config::default()
    };
    let mut errors = Vec::new();
    let at = |range: std::ops::Range<usize>| Span::at_offset(text, range.start, range.len());
    for (key, value) in table.get_ref().iter() {
        let name: &str = key.get_ref();
        match name {
            "lang" => match value.get_ref().as_str() {
                Some("vi") => config.lang = Some(Lang::Vi),
                Some("en") => config.lang = Some(Lang::En),
                _ => errors.push(bad_value(value, &["vi", "en"], at(value.span()), lang)),
            },
            "programme" => programme(value, &mut config, &mut errors, text, lang),
            "exclude" => exclude(value, &mut config, &mut errors, text, lang),
            "rules" => match value.get_ref() {
                DeValue::Table(rules) => {
                    for (code, level) in rules.iter() {
                        rule_level(code, level, &mut config, &mut errors, text, lang);
                    }
                }
                _ => errors.push(expected(
                    value,
                    msg!(
                        lang,
                        "một bảng [rules] mã = \"mức\"",
                        "a [rules] table of code = \"level\""
                    ),
                    at(value.span()),
                    lang,
                )),
            },
            _ => errors.push(unknown_key(name, at(key.span()), lang)),
        }
    }
    if errors.is_empty() {
        Ok(config)
    } else {
        errors.sort_by_key(|f| f.span.map(|s| s.offset));
        Err(errors)
    }
}

/// `programme = "path"`: a file that exists, relative to the settings' directory.
fn programme(
    value: &Spanned<DeValue<'_>>,
    config: &mut Config,
    errors: &mut Vec<Finding>,
    text: &str,
    lang: Lang,
) {
    let at = Span::at_offset(text, value.span().start, value.span().len());
    let Some(p) = value.get_ref().as_str().filter(|p| !p.trim().is_empty()) else {
        errors.push(expected(
            value,
            msg!(lang, "một đường dẫn tệp", "a file path"),
            at,
            lang,
        ));
        return;
    };
    let path = config.base.join(p.trim());
    if path.is_file() {
        config.programme = Some(path);
        return;
    }
    errors.push(
        Finding::new(
            Rule::Config,
            msg!(
                lang,
                "không tìm thấy tệp chương trình `{}`",
                "programme file `{}` not found",
                p.trim()
            ),
        )
        .at(at)
        .help(msg!(
            lang,
            "đường dẫn tính từ thư mục chứa {FILE_NAME}",
            "the path is relative to the directory holding {FILE_NAME}"
        )),
    );
}

/// `exclude = ["drafts", ...]`: each pattern that reads is kept, each that does not reported.
fn exclude(
    value: &Spanned<DeValue<'_>>,
    config: &mut Config,
    errors: &mut Vec<Finding>,
    text: &str,
    lang: Lang,
) {
    let at = |range: std::ops::Range<usize>| Span::at_offset(text, range.start, range.len());
    let DeValue::Array(items) = value.get_ref() else {
        errors.push(expected(
            value,
            msg!(
                lang,
                "một danh sách mẫu đường dẫn, ví dụ [\"drafts\"]",
                "a list of path patterns, e.g. [\"drafts\"]"
            ),
            at(value.span()),
            lang,
        ));
        return;
    };
    for item in items.iter() {
        match item.get_ref().as_str().and_then(Glob::new) {
            Some(g) => config.exclude.push(g),
            None => errors.push(expected(
                item,
                msg!(lang, "một mẫu đường dẫn", "a path pattern"),
                at(item.span()),
                lang,
            )),
        }
    }
}

fn unknown_key(name: &str, at: Span, lang: Lang) -> Finding {
    let help = match did_you_mean(name, KEYS) {
        Some(best) => {
            msg!(lang, "Có phải ý bạn là `{best}`?", "did you mean `{best}`?")
        }
        None => msg!(
            lang,
            "các khóa hợp lệ: {}",
            "allowed keys: {}",
            KEYS.join(", ")
        ),
    };
    Finding::new(
        Rule::Config,
        msg!(lang, "khóa không hợp lệ `{name}`", "unknown key `{name}`"),
    )
    .at(at)
    .help(help)
}

fn rule_level(
    code: &Spanned<std::borrow::Cow<'_, str>>,
    level: &Spanned<DeValue<'_>>,
    config: &mut Config,
    errors: &mut Vec<Finding>,
    text: &str,
    lang: Lang,
) {
    let at = |range: std::ops::Range<usize>| Span::at_offset(text, range.start, range.len());
    let name: &str = code.get_ref();
    let Some(rule) = Rule::from_code(name) else {
        let codes = Rule::ALL.iter().map(|r| r.code());
        let help = match did_you_mean(name, codes.clone()) {
            Some(best) => msg!(lang, "Có phải ý bạn là `{best}`?", "did you mean `{best}`?"),
            None => msg!(
                lang,
                "các mã quy tắc: {}",
                "rule codes: {}",
                codes.collect::<Vec<_>>().join(", ")
            ),
        };
        errors.push(
            Finding::new(
                Rule::Config,
                msg!(
                    lang,
                    "quy tắc không tồn tại `{name}`",
                    "unknown rule `{name}`"
                ),
            )
            .at(at(code.span()))
            .help(help),
        );
        return;
    };
    let parsed = level.get_ref().as_str().and_then(parse_level);
    match parsed {
        Some(l) => {
            config.levels.insert(rule, l);
        }
        None => errors.push(bad_value(level, &LEVELS, at(level.span()), lang)),
    }
}

fn bad_value(value: &Spanned<DeValue<'_>>, allowed: &[&str], at: Span, lang: Lang) -> Finding {
    let DeValue::String(written) = value.get_ref() else {
        let what = msg!(lang, "một trong: {}", "one of: {}", allowed.join(", "));
        return expected(value, what, at, lang);
    };
    let help = match did_you_mean(written, allowed.iter().copied()) {
        Some(best) => msg!(
            lang,
            "Có phải ý bạn là `{best}`? Giá trị hợp lệ: {}",
            "did you mean `{best}`? Allowed: {}",
            allowed.join(", ")
        ),
        None => msg!(
            lang,
            "giá trị hợp lệ: {}",
            "allowed values: {}",
            allowed.join(", ")
        ),
    };
    Finding::new(
        Rule::Config,
        msg!(
            lang,
            "giá trị không hợp lệ `{written}`",
            "invalid value `{written}`"
        ),
    )
    .at(at)
    .help(help)
}

fn expected(value: &Spanned<DeValue<'_>>, what: String, at: Span, lang: Lang) -> Finding {
    let (vi, en) = match value.get_ref() {
        DeValue::String(_) => ("một chuỗi", "a string"),
        DeValue::Integer(_) => ("một số nguyên", "a whole number"),
        DeValue::Float(_) => ("một số", "a number"),
        DeValue::Boolean(_) => ("true/false", "true/false"),
        DeValue::Datetime(_) => ("một ngày giờ", "a date"),
        DeValue::Array(_) => ("một danh sách", "a list"),
        DeValue::Table(_) => ("một bảng", "a table"),
    };
    let found = lang.pick(vi, en);
    Finding::new(
        Rule::Config,
        msg!(
            lang,
            "sai kiểu: có {found}, cần {what}",
            "wrong type: found {found}, expected {what}"
        ),
    )
    .at(at)
}
