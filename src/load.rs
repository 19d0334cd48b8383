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
use serde::de::DeserializeOwned;
use serde_saphyr::Error as YamlError;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

pub mod direct;
mod explain;
mod hints;
mod shape;

use explain::{duplicate_key, missing_key, unknown_key, unknown_value, yaml_finding};
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
    // Room for the whole file and one byte more: two reads (the text, then the end) instead of
    // a dozen doubling ones. The size is only a hint; `take` still holds the limit.
    let hint = meta.len().min(max) as usize + 1;
    let mut bytes = Vec::with_capacity(hint);
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

pub(crate) fn options() -> serde_saphyr::Options {
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
    if let Some(doc) = direct::plan(&source.text) {
        return Ok(doc);
    }
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
