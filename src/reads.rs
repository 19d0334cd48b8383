//! The files a check reads, noted while `check --cache` asks for it. The loader and the reader
//! of related plans report every file they read or resolve here; the cache (src/cache.rs) keeps
//! the list with its entry, so that a later run can tell whether anything the findings were
//! computed from has changed. It sits in the ground layer so that the loader can report a read
//! without knowing of the cache, which sits far above it.

use crate::fingerprint::hash;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::io;
use std::path::{Path, PathBuf};

/// A file the findings depend on, and what was found there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dep {
    pub path: PathBuf,
    /// `read:<hash>` or `read!<error>` for a file read; `real:<path>` or `real!<error>` for a
    /// path resolved through links; `stdin` for standard input, which is never the same twice.
    pub state: String,
}

thread_local! {
    /// The files read on this thread while an input is checked with the cache on.
    static RECORDING: RefCell<Option<Vec<Dep>>> = const { RefCell::new(None) };
}

fn record(path: &Path, state: String) {
    RECORDING.with(|r| {
        if let Some(deps) = r.borrow_mut().as_mut() {
            deps.push(Dep {
                path: path.to_path_buf(),
                state,
            });
        }
    });
}

/// Called by the loader for every file it reads, with the bytes read or why it failed.
pub fn record_read(path: &Path, result: Result<&[u8], &io::Error>) {
    if path == Path::new("-") {
        return record(path, "stdin".into());
    }
    record(path, read_state(result));
}

/// Called for every path resolved through links (cycle detection compares real paths).
pub fn record_canonical(path: &Path, result: &io::Result<PathBuf>) {
    record(path, canonical_state(result));
}

/// What a read found, as [`Dep::state`] holds it.
pub fn read_state(result: Result<&[u8], &io::Error>) -> String {
    match result {
        Ok(bytes) => format!("read:{}", hash(bytes)),
        Err(e) => format!("read!{e}"),
    }
}

/// What resolving a path through links found, as [`Dep::state`] holds it.
pub fn canonical_state(result: &io::Result<PathBuf>) -> String {
    match result {
        Ok(p) => format!("real:{}", p.display()),
        Err(e) => format!("real!{e}"),
    }
}

/// Runs `f` noting every file read on this thread meanwhile, and returns what it returned with
/// the files it read. A recording already under way is set aside and resumed afterwards.
pub fn recorded<T>(f: impl FnOnce() -> T) -> (T, Option<Vec<Dep>>) {
    let outer = RECORDING.with(|r| r.borrow_mut().replace(Vec::new()));
    let out = f();
    let deps = RECORDING.with(|r| std::mem::replace(&mut *r.borrow_mut(), outer));
    (out, deps)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_are_noted_only_while_recording_and_each_recording_keeps_its_own() {
        record_read(Path::new("before.yaml"), Ok(b"x"));
        let ((), outer) = recorded(|| {
            record_read(Path::new("a.yaml"), Ok(b"a"));
            let ((), inner) = recorded(|| record_read(Path::new("-"), Ok(b"")));
            let inner = inner.expect("recording");
            assert_eq!(inner.len(), 1);
            assert_eq!(inner[0].state, "stdin");
            record_canonical(Path::new("b.yaml"), &Ok(PathBuf::from("/p/b.yaml")));
        });
        let outer = outer.expect("recording");
        let paths: Vec<&Path> = outer.iter().map(|d| d.path.as_path()).collect();
        assert_eq!(paths, [Path::new("a.yaml"), Path::new("b.yaml")]);
        assert_eq!(outer[0].state, format!("read:{}", hash(b"a")));
        assert_eq!(outer[1].state, "real:/p/b.yaml");
    }
}
