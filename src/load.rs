//! Reading a plan: bytes → text → typed document, with every failure located.
//!
//! Hostile input is stopped here, before anything else sees it: files over
//! [`MAX_FILE_BYTES`], invalid UTF-8, and (through serde-saphyr's budget) deep nesting,
//! alias bombs and event storms. A BOM is dropped; CRLF needs nothing special.

use crate::finding::Finding;
use crate::i18n::Lang;
use crate::msg;
use crate::rules::Rule;
use crate::source::{SourceFile, Span};
use crate::text::did_you_mean;
use serde::de::DeserializeOwned;
use serde_saphyr::Error as YamlError;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

mod hints;
mod shape;

#[cfg(test)]
pub(crate) use shape::keys_by_schema_pointer;

/// A real plan is a few dozen kilobytes; 8 MiB leaves room for any honest document.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;
/// A `kehoach.toml` is a few lines; 1 MiB bounds what parsing one can cost (a few dozen MB).
pub const MAX_SETTINGS_BYTES: u64 = 1024 * 1024;
/// Deeper than any plan needs (a plan is at most five levels deep).
pub const MAX_DEPTH: usize = 32;

/// Why a file could not be read at all (exit status 2).
#[derive(Debug)]
pub struct Unreadable {
    pub name: String,
    pub reason: String,
}

/// Reads a file (or standard input for `-`) as text, refusing what is too large or not UTF-8.
/// The second case is a finding with a location, not an I/O failure.
pub fn read_source(
    path: &Path,
    lang: Lang,
) -> Result<Result<SourceFile, Box<(SourceFile, Finding)>>, Unreadable> {
    read_source_as(path, Budget::Plan, lang)
}

/// What a file is read as, for its size limit: a plan, a programme (YAML of the same kind, with
/// the same limits), or the settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Budget {
    Plan,
    Programme,
    Settings,
}

impl Budget {
    pub fn max_bytes(self) -> u64 {
        match self {
            Budget::Plan | Budget::Programme => MAX_FILE_BYTES,
            Budget::Settings => MAX_SETTINGS_BYTES,
        }
    }

    fn too_large(self, lang: Lang) -> String {
        let limit = self.max_bytes() / (1024 * 1024);
        match self {
            Budget::Plan => msg!(
                lang,
                "tệp lớn hơn giới hạn {limit} MiB; một kế hoạch thật chỉ vài chục KB",
                "the file is larger than the {limit} MiB limit; a real plan is a few dozen KB"
            ),
            Budget::Programme => msg!(
                lang,
                "tệp lớn hơn giới hạn {limit} MiB; một tệp chương trình thật chỉ vài chục KB",
                "the file is larger than the {limit} MiB limit; a real programme file is a few dozen KB"
            ),
            Budget::Settings => msg!(
                lang,
                "tệp lớn hơn giới hạn {limit} MiB của tệp cấu hình; một kehoach.toml thật chỉ vài dòng",
                "the file is larger than the {limit} MiB limit for settings; a real kehoach.toml is a few lines"
            ),
        }
    }
}

/// [`read_source`] with the size limit of `budget`.
pub fn read_source_as(
    path: &Path,
    budget: Budget,
    lang: Lang,
) -> Result<Result<SourceFile, Box<(SourceFile, Finding)>>, Unreadable> {
    let name = if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let unreadable = |e: std::io::Error| Unreadable {
        name: name.clone(),
        reason: msg!(lang, "không đọc được: {}", "cannot be read: {}", e),
    };
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        crate::reads::record_read(path, Ok(&[]));
        note_stdin();
        std::io::stdin()
            .lock()
            .take(budget.max_bytes() + 1)
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
    } else {
        let read = read_file_bytes_max(path, budget.max_bytes());
        crate::reads::record_read(path, read.as_deref());
        match read {
            Ok(b) => bytes = b,
            Err(e) if e.kind() == std::io::ErrorKind::IsADirectory => {
                return Err(Unreadable {
                    name,
                    reason: msg!(lang, "là một thư mục", "is a directory"),
                });
            }
            Err(e) => match NotRegularFile::of(&e) {
                Some(kind) => {
                    return Err(Unreadable {
                        name,
                        reason: kind.describe(lang),
                    });
                }
                None => return Err(unreadable(e)),
            },
        }
    }
    Ok(source_from_bytes_as(name, bytes, budget, lang))
}

/// A file's bytes, at most one over the size limit (enough to tell it is too large). Only a
/// regular file is read: a directory is an `IsADirectory` error, and a FIFO, socket or device
/// a [`NotRegularFile`] one, told before the file is opened, since opening a FIFO with no
/// writer blocks forever and a device never ends.
pub fn read_file_bytes(path: &Path) -> std::io::Result<Vec<u8>> {
    read_file_bytes_max(path, MAX_FILE_BYTES)
}

/// [`read_file_bytes`] with another size limit.
pub fn read_file_bytes_max(path: &Path, max: u64) -> std::io::Result<Vec<u8>> {
    regular(&std::fs::metadata(path)?)?;
    let file = open_nonblocking(path)?;
    // The path may have been replaced between the two looks: ask the file that was opened.
    let meta = file.metadata()?;
    regular(&meta)?;
    crate::output_file::note_input(&meta);
    let mut bytes = Vec::new();
    file.take(max + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Standard input redirected from a file (`render - < plan.yaml`) is an input like any other.
fn note_stdin() {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        if let Ok(fd) = std::io::stdin().as_fd().try_clone_to_owned()
            && let Ok(meta) = std::fs::File::from(fd).metadata()
            && meta.is_file()
        {
            crate::output_file::note_input(&meta);
        }
    }
}

/// Opens for reading without blocking on a FIFO swapped in after the metadata was read (on a
/// regular file the flag changes nothing).
#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

fn regular(meta: &std::fs::Metadata) -> std::io::Result<()> {
    let t = meta.file_type();
    if t.is_file() {
        return Ok(());
    }
    if t.is_dir() {
        return Err(std::io::ErrorKind::IsADirectory.into());
    }
    #[cfg(unix)]
    let kind = {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            NotRegularFile::Fifo
        } else if t.is_socket() {
            NotRegularFile::Socket
        } else if t.is_char_device() || t.is_block_device() {
            NotRegularFile::Device
        } else {
            NotRegularFile::Other
        }
    };
    #[cfg(not(unix))]
    let kind = NotRegularFile::Other;
    Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, kind))
}

/// What a path names when it is neither a regular file nor a directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotRegularFile {
    Fifo,
    Socket,
    Device,
    Other,
}

impl std::fmt::Display for NotRegularFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for NotRegularFile {}

impl NotRegularFile {
    /// The kind carried by an error of [`read_file_bytes`], if that is why it failed.
    pub fn of(e: &std::io::Error) -> Option<NotRegularFile> {
        e.get_ref()?.downcast_ref::<NotRegularFile>().copied()
    }

    pub fn describe(self, lang: Lang) -> String {
        let (vi, en) = match self {
            NotRegularFile::Fifo => ("một ống dẫn có tên (FIFO)", "a named pipe (FIFO)"),
            NotRegularFile::Socket => ("một socket", "a socket"),
            NotRegularFile::Device => ("một tệp thiết bị", "a device file"),
            NotRegularFile::Other => ("một tệp đặc biệt", "a special file"),
        };
        msg!(
            lang,
            "là {vi}, không phải tệp thông thường; kehoach chỉ đọc tệp thông thường",
            "is {en}, not a regular file; kehoach reads only regular files"
        )
    }
}

/// Text from bytes: too large and invalid UTF-8 become located `syntax` findings.
pub fn source_from_bytes(
    name: String,
    bytes: Vec<u8>,
    lang: Lang,
) -> Result<SourceFile, Box<(SourceFile, Finding)>> {
    source_from_bytes_as(name, bytes, Budget::Plan, lang)
}

/// [`source_from_bytes`] with the size limit of `budget`.
pub fn source_from_bytes_as(
    name: String,
    mut bytes: Vec<u8>,
    budget: Budget,
    lang: Lang,
) -> Result<SourceFile, Box<(SourceFile, Finding)>> {
    if bytes.len() as u64 > budget.max_bytes() {
        bytes.truncate(0);
        let source = SourceFile {
            name,
            text: Arc::from(""),
        };
        let f = Finding::new(Rule::Syntax, budget.too_large(lang)).at(Span {
            offset: 0,
            len: 0,
            line: 1,
            column: 1,
        });
        return Err(Box::new((source, f)));
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    // Plans are mostly multi-byte Vietnamese, where the standard check is slow enough to show
    // on a repository of plans; simdutf8 validates the same way, several times faster.
    // The shared text is a copy either way, so it is taken straight from the validated bytes.
    if let Ok(text) = simdutf8::basic::from_utf8(&bytes) {
        return Ok(SourceFile {
            name,
            text: Arc::from(text),
        });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile {
            name,
            text: Arc::from(text),
        }),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let span = Span::at_offset(&prefix, valid, 0);
            // Keep what is valid so the code frame can show the line up to the bad byte.
            let line_end = bytes[valid..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |p| valid + p);
            let shown = String::from_utf8_lossy(&bytes[..line_end]).into_owned();
            let f = Finding::new(
                Rule::Syntax,
                msg!(lang, "tệp không phải văn bản UTF-8 (byte 0x{:02X} không hợp lệ); hãy lưu lại tệp với mã hóa UTF-8", "the file is not UTF-8 text (invalid byte 0x{:02X}); save it again as UTF-8", bytes[valid]),
            )
            .at(Span { len: 1, ..span });
            Err(Box::new((
                SourceFile {
                    name,
                    text: Arc::from(shown),
                },
                f,
            )))
        }
    }
}

fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: MAX_DEPTH,
            max_nodes: 200_000,
            max_events: 400_000,
            max_aliases: 1_000,
            max_anchors: 1_000,
            max_documents: 1,
        },
    }
}

/// Reads a plan. When it does not fit the format, every schema mistake in it is reported (see
/// [`shape`]), not only the first one serde stops at.
pub fn parse_plan(source: &SourceFile, lang: Lang) -> Result<crate::model::PlanFile, Vec<Finding>> {
    let err = match serde_saphyr::from_str_with_options::<crate::model::PlanFile>(
        &source.text,
        options(),
    ) {
        Ok(doc) => return Ok(doc),
        Err(e) => e,
    };
    let first = yaml_finding(&err, source, lang);
    // A document that is not YAML, or that breaks the budget, is not read a second time.
    if !is_schema_error(err.without_snippet()) {
        return Err(vec![first]);
    }
    let mut all = shape::plan_mistakes(source, lang);
    for f in &mut all {
        hints::improve(f, "", &source.text, lang);
    }
    // The walk finds what serde found, at the same place; what it cannot see (a syntax error,
    // a wrong type inside a target) is kept as serde reported it.
    let place = |f: &Finding| f.span.map(|s| (s.line, s.column));
    if !all.iter().any(|f| place(f) == place(&first)) {
        all.push(first);
        all.sort_by_key(|f| f.span.map(|s| s.offset));
    }
    Err(all)
}

/// A mistake in the document's content, not in its YAML: the kind the walk also finds.
fn is_schema_error(err: &YamlError) -> bool {
    matches!(
        err,
        YamlError::SerdeUnknownField { .. }
            | YamlError::SerdeUnknownVariant { .. }
            | YamlError::SerdeMissingField { .. }
            | YamlError::SerdeInvalidType { .. }
            | YamlError::SerdeInvalidValue { .. }
            | YamlError::DuplicateMappingKey { .. }
            | YamlError::Unexpected { .. }
            | YamlError::InvalidScalar { .. }
            | YamlError::NullIntoString { .. }
    )
}

/// The walk's options: the parse budget, with duplicate keys passed on so that each is seen.
fn walk_options() -> serde_saphyr::Options {
    let mut o = options();
    o.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::PassThrough;
    o
}

/// Deserialises a YAML document into `T`; a failure is one located finding.
pub fn parse<T: DeserializeOwned>(source: &SourceFile, lang: Lang) -> Result<T, Box<Finding>> {
    serde_saphyr::from_str_with_options::<T>(&source.text, options())
        .map_err(|e| Box::new(yaml_finding(&e, source, lang)))
}

fn yaml_finding(err: &YamlError, source: &SourceFile, lang: Lang) -> Finding {
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
fn unknown_key(field: &str, expected: &[&str], lang: Lang) -> (String, String) {
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
fn unknown_value(value: &str, words: &[&str], allowed: &str, lang: Lang) -> (String, String) {
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

fn duplicate_key(key: &str, lang: Lang) -> (String, String) {
    (
        msg!(lang, "khóa `{key}` bị lặp lại", "duplicate key `{key}`"),
        msg!(
            lang,
            "mỗi khóa chỉ được viết một lần trong cùng một khối",
            "a key may appear only once in a mapping"
        ),
    )
}

fn missing_key(field: &str, lang: Lang) -> (String, String) {
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

fn describe(err: &YamlError, lang: Lang) -> (Rule, String, Option<String>) {
    match err {
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
        other => {
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
    }
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

/// Loads any YAML-backed type from a path, for reference data files given by the user.
pub fn load_file<T: DeserializeOwned>(
    path: &Path,
    lang: Lang,
) -> Result<(SourceFile, T), LoadFailure> {
    match read_source(path, lang) {
        Err(u) => Err(LoadFailure::Unreadable(u)),
        Ok(Err(b)) => Err(LoadFailure::Invalid(Box::new(b.0), Box::new(b.1))),
        Ok(Ok(src)) => match parse::<T>(&src, lang) {
            Ok(v) => Ok((src, v)),
            Err(f) => Err(LoadFailure::Invalid(Box::new(src), f)),
        },
    }
}

#[derive(Debug)]
pub enum LoadFailure {
    Unreadable(Unreadable),
    Invalid(Box<SourceFile>, Box<Finding>),
}
