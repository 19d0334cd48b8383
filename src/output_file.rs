//! Writing an output file without ever leaving it half-written or clobbering one by
//! accident: the bytes go to a temporary file in the same directory, which then takes the
//! final name in one step (a hard link when overwriting is not allowed, so a file that
//! appears meanwhile is not replaced either; a rename with `--force`).
//!
//! `--force` replaces only an ordinary file that is not an input: never a symbolic link (the
//! link would become a file and its target stay as it was: write to the target's own path
//! instead), a directory, a FIFO or a device (a rename would put a regular file in their
//! place, `/dev/null` included), nor a file this run has read (`render plan.yaml -o
//! plan.yaml --force` would replace the plan with its own rendering).

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub enum WriteError {
    /// The destination exists and `force` was not given.
    Exists(PathBuf),
    /// The destination exists and is not something `force` may replace.
    Refused(PathBuf, Refusal),
    /// Writing failed; the path is the one given, never the temporary file's.
    Io(PathBuf, io::Error),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Symlink,
    Directory,
    /// A FIFO, socket or device.
    Special,
    /// A file read by this run (a plan, its parent, the settings, the programme).
    Input,
}

/// The identities (device, inode) of every file read so far, so an output never replaces one.
#[cfg(unix)]
fn inputs() -> &'static std::sync::Mutex<std::collections::HashSet<(u64, u64)>> {
    static INPUTS: std::sync::OnceLock<std::sync::Mutex<std::collections::HashSet<(u64, u64)>>> =
        std::sync::OnceLock::new();
    INPUTS.get_or_init(Default::default)
}

/// Notes a file that was read as input (called by the file reader).
pub fn note_input(meta: &fs::Metadata) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let mut set = inputs().lock().unwrap_or_else(|e| e.into_inner());
        set.insert((meta.dev(), meta.ino()));
    }
    #[cfg(not(unix))]
    let _ = meta;
}

fn is_input(meta: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let set = inputs().lock().unwrap_or_else(|e| e.into_inner());
        set.contains(&(meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

/// Whether `path` may be written: refused when it exists and `force` is not given, or when
/// `force` is given and it is not an ordinary file that is not an input.
pub fn check_destination(path: &Path, force: bool) -> Result<(), WriteError> {
    let Ok(meta) = path.symlink_metadata() else {
        return Ok(());
    };
    let refused = |why| Err(WriteError::Refused(path.to_path_buf(), why));
    let kind = meta.file_type();
    if !force {
        Err(WriteError::Exists(path.to_path_buf()))
    } else if kind.is_symlink() {
        refused(Refusal::Symlink)
    } else if kind.is_dir() {
        refused(Refusal::Directory)
    } else if !kind.is_file() {
        refused(Refusal::Special)
    } else if is_input(&meta) {
        refused(Refusal::Input)
    } else {
        Ok(())
    }
}

fn temp_file(dir: &Path, name: &str, path: &Path) -> Result<(PathBuf, fs::File), WriteError> {
    let pid = std::process::id();
    for n in 0..1000 {
        let tmp = dir.join(format!(".{name}.{pid}.{n}.tmp"));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            // The path the user gave, not the temporary one they never asked for.
            Err(e) => return Err(WriteError::Io(path.to_path_buf(), e)),
        }
    }
    Err(WriteError::Io(
        path.to_path_buf(),
        io::Error::other("no free temporary file name"),
    ))
}

pub fn write_atomically(path: &Path, bytes: &[u8], force: bool) -> Result<(), WriteError> {
    write_atomically_with(path, force, |w| w.write_all(bytes))
}

/// As [`write_atomically`], with the bytes produced by `write` as it goes (`compare` streams
/// its rows instead of holding the whole text).
pub fn write_atomically_with(
    path: &Path,
    force: bool,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), WriteError> {
    write_checked(path, force, &|| check_destination(path, force), write)
}

/// `check --fix`: the one write that replaces an input on purpose, the plan it fixed. Still
/// only an ordinary file (the caller resolves a link to its target first), and atomically.
pub fn rewrite_in_place(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let ordinary = || match path.symlink_metadata() {
        Ok(m) if m.file_type().is_file() => Ok(()),
        Ok(m) if m.file_type().is_symlink() => {
            Err(WriteError::Refused(path.to_path_buf(), Refusal::Symlink))
        }
        Ok(m) if m.file_type().is_dir() => {
            Err(WriteError::Refused(path.to_path_buf(), Refusal::Directory))
        }
        Ok(_) => Err(WriteError::Refused(path.to_path_buf(), Refusal::Special)),
        Err(e) => Err(WriteError::Io(path.to_path_buf(), e)),
    };
    write_checked(path, true, &ordinary, |w| w.write_all(bytes))
}

fn write_checked(
    path: &Path,
    force: bool,
    check: &dyn Fn() -> Result<(), WriteError>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), WriteError> {
    let io_err = |e| WriteError::Io(path.to_path_buf(), e);
    check()?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| io_err(io::Error::other("not a file name")))?
        .to_string_lossy()
        .into_owned();
    let (tmp, file) = temp_file(dir, &name, path)?;
    let result = (|| {
        let mut buffered = io::BufWriter::new(file);
        write(&mut buffered).map_err(io_err)?;
        let file = buffered.into_inner().map_err(|e| io_err(e.into_error()))?;
        file.sync_all().map_err(io_err)?;
        drop(file);
        if force {
            // Looked at again just before: the destination may have changed while rendering.
            check()?;
            return fs::rename(&tmp, path).map_err(io_err);
        }
        match fs::hard_link(&tmp, path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                Err(WriteError::Exists(path.to_path_buf()))
            }
            // A file system without hard links: check, then rename.
            Err(_) if path.symlink_metadata().is_ok() => {
                Err(WriteError::Exists(path.to_path_buf()))
            }
            Err(_) => fs::rename(&tmp, path).map_err(io_err),
        }
    })();
    let _ = fs::remove_file(&tmp);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_overwrite_unless_forced_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("plan.md");
        write_atomically(&out, b"one", false).unwrap();
        assert_eq!(fs::read_to_string(&out).unwrap(), "one");
        assert!(matches!(
            write_atomically(&out, b"two", false),
            Err(WriteError::Exists(_))
        ));
        assert_eq!(fs::read_to_string(&out).unwrap(), "one");
        write_atomically(&out, b"three", true).unwrap();
        assert_eq!(fs::read_to_string(&out).unwrap(), "three");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("plan.md")]);
    }
}
