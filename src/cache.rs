//! `check --cache`: the findings of files unchanged since the last run, kept on disk.
//!
//! One entry per input file, named by a hash of the path as given, holding the findings the
//! pipeline produced for it (before `kehoach.toml` rule levels, which are applied afresh on
//! every run) and what they were computed from: kehoach's version, the reference data, the
//! message language, the input's bytes, and every other file the check read or resolved
//! (`parent`, `previous` and the chain of ancestors followed for cycles). A lookup re-reads
//! and re-hashes those files; anything different, missing or unreadable is a miss, so an
//! entry can only be used when a fresh check would read exactly the same bytes.
//!
//! The cache never fails a run: an entry that cannot be read or parsed is a miss, and a
//! directory that cannot be written is reported once on stderr and then left alone.

use crate::finding::{Finding, Fix};
use crate::fingerprint::hash;
use crate::i18n::Lang;
use crate::load;
use crate::msg;
use crate::pipeline::FileReport;
use crate::reads::{self, Dep, canonical_state, read_state};
use crate::rules::{Level, Rule};
use crate::source::Span;
use serde::{Deserialize, Serialize};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

pub const DEFAULT_DIR: &str = ".kehoach_cache";

/// Bumped when the entry layout changes, so entries of another layout are misses.
const FORMAT: u32 = 2;

const CACHEDIR_TAG: &str = "Signature: 8a477f597d28d172789f06886806bc55\n\
# This file is a cache directory tag created by kehoach.\n\
# For information about cache directory tags see https://bford.info/cachedir/\n";

/// Whether a file the entry depends on still reads (or resolves) as it did.
fn unchanged(dep: &Dep) -> bool {
    let now = if dep.state.starts_with("read") {
        read_state(load::read_file_bytes(&dep.path).as_deref())
    } else if dep.state.starts_with("real") {
        canonical_state(&dep.path.canonicalize())
    } else {
        return false;
    };
    now == dep.state
}

/// What an entry's findings were computed from, besides its dependencies.
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Key {
    format: u32,
    version: String,
    reference: String,
    lang: String,
    path: String,
    input: String,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    key: Key,
    deps: Vec<Dep>,
    findings: Vec<Stored>,
}

/// A finding as stored: the same fields, with its span and a rule code that reads back.
#[derive(Serialize, Deserialize)]
struct Stored {
    rule: String,
    level: Level,
    message: String,
    span: Option<(usize, usize, u32, u32)>,
    label: Option<String>,
    help: Option<String>,
    indicator: Option<String>,
    agency: Option<String>,
    waiver: Option<String>,
    /// `--fix`'s value and the span it replaces (offset, length, line, column).
    fix: Option<(usize, usize, u32, u32, String)>,
}

impl Stored {
    fn from(f: &Finding) -> Stored {
        let Finding {
            rule,
            level,
            message,
            span,
            label,
            help,
            indicator,
            agency,
            waiver,
            fix,
        } = f.clone();
        Stored {
            rule: rule.code().to_string(),
            level,
            message,
            span: span.map(|s| (s.offset, s.len, s.line, s.column)),
            label,
            help,
            indicator,
            agency,
            waiver,
            fix: fix.map(|x| {
                (
                    x.span.offset,
                    x.span.len,
                    x.span.line,
                    x.span.column,
                    x.value,
                )
            }),
        }
    }

    fn into_finding(self) -> Option<Finding> {
        Some(Finding {
            rule: Rule::from_code(&self.rule)?,
            level: self.level,
            message: self.message,
            span: self.span.map(|(offset, len, line, column)| Span {
                offset,
                len,
                line,
                column,
            }),
            label: self.label,
            help: self.help,
            indicator: self.indicator,
            agency: self.agency,
            waiver: self.waiver,
            fix: self.fix.map(|(offset, len, line, column, value)| Fix {
                span: Span {
                    offset,
                    len,
                    line,
                    column,
                },
                value,
            }),
        })
    }
}

/// The cache of one run: where it is and what every entry of this run must match.
pub struct Cache {
    dir: PathBuf,
    version: String,
    reference: String,
    lang: Lang,
    writable: AtomicBool,
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

impl Cache {
    /// The cache in `dir`, created with its `.gitignore` and `CACHEDIR.TAG` if need be.
    /// `reference` identifies the reference data (see `Reference::fingerprint`).
    pub fn open(dir: &Path, reference: &str, lang: Lang) -> Cache {
        let cache = Cache {
            dir: dir.to_path_buf(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            reference: reference.to_string(),
            lang,
            writable: AtomicBool::new(true),
        };
        let prepared = fs::create_dir_all(dir).and_then(|()| {
            for (name, text) in [(".gitignore", "*\n"), ("CACHEDIR.TAG", CACHEDIR_TAG)] {
                let path = dir.join(name);
                if !path.exists() {
                    fs::write(path, text)?;
                }
            }
            Ok(())
        });
        if let Err(e) = prepared {
            cache.give_up_writing(&e);
        }
        cache
    }

    fn give_up_writing(&self, e: &io::Error) {
        if self.writable.swap(false, Ordering::Relaxed) {
            let dir = self.dir.display();
            eprintln!(
                "{}",
                msg!(
                    self.lang,
                    "kehoach: cảnh báo: không ghi được bộ nhớ đệm {dir} ({e}); vẫn kiểm tra bình thường",
                    "kehoach: warning: cannot write the cache {dir} ({e}); checking without it"
                )
            );
        }
    }

    fn entry_path(&self, name: &str) -> PathBuf {
        self.dir
            .join(format!("{}.json", &hash(name.as_bytes())[..24]))
    }

    fn key(&self, name: &str, input: &str) -> Key {
        Key {
            format: FORMAT,
            version: self.version.clone(),
            reference: self.reference.clone(),
            lang: format!("{:?}", self.lang),
            path: name.to_string(),
            input: input.to_string(),
        }
    }

    /// The stored findings for the input `name` whose bytes hash to `input`, if nothing they
    /// depend on has changed.
    pub fn lookup(&self, name: &str, input: &str) -> Option<Vec<Finding>> {
        let text = fs::read(self.entry_path(name)).ok()?;
        let entry: Entry = serde_json::from_slice(&text).ok()?;
        if entry.key != self.key(name, input) || !entry.deps.iter().all(unchanged) {
            return None;
        }
        entry
            .findings
            .into_iter()
            .map(Stored::into_finding)
            .collect()
    }

    /// Runs `check` recording the files it reads, and stores its findings for `name`.
    pub fn fill(&self, name: &str, input: &str, check: impl FnOnce() -> FileReport) -> FileReport {
        let (report, deps) = reads::recorded(check);
        if self.writable.load(Ordering::Relaxed)
            && let Some(deps) = deps
        {
            let entry = Entry {
                key: self.key(name, input),
                deps,
                findings: report.findings.iter().map(Stored::from).collect(),
            };
            if let Ok(json) = serde_json::to_vec(&entry)
                && let Err(e) = self.store(&self.entry_path(name), &json)
            {
                self.give_up_writing(&e);
            }
        }
        report
    }

    /// Temporary file, then rename: a reader sees the old entry or the new one, never half of
    /// one. No fsync: an entry lost in a crash is only a miss.
    fn store(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = self.dir.join(format!(".tmp.{}.{n}", std::process::id()));
        let written = fs::File::create(&tmp)
            .and_then(|mut f| f.write_all(bytes))
            .and_then(|()| fs::rename(&tmp, path));
        if written.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        written
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_finding_reads_back_the_same() {
        let f = Finding::new(Rule::Syntax, "m")
            .at(Span {
                offset: 3,
                len: 4,
                line: 5,
                column: 6,
            })
            .help("h")
            .fix(Span::default(), "v");
        let back = Stored::from(&f).into_finding().unwrap();
        assert_eq!(format!("{f:?}"), format!("{back:?}"));
    }
}
