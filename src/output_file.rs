//! Writing an output file without ever leaving it half-written or clobbering one by
//! accident: the bytes go to a temporary file in the same directory, which then takes the
//! final name in one step (a hard link when overwriting is not allowed, so a file that
//! appears meanwhile is not replaced either; a rename with `--force`).

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub enum WriteError {
    /// The destination exists and `force` was not given.
    Exists(PathBuf),
    Io(PathBuf, io::Error),
}

fn temp_file(dir: &Path, name: &str) -> Result<(PathBuf, fs::File), WriteError> {
    let pid = std::process::id();
    for n in 0..1000 {
        let tmp = dir.join(format!(".{name}.{pid}.{n}.tmp"));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(WriteError::Io(tmp, e)),
        }
    }
    Err(WriteError::Io(
        dir.to_path_buf(),
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
    let io_err = |e| WriteError::Io(path.to_path_buf(), e);
    if !force && path.symlink_metadata().is_ok() {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| io_err(io::Error::other("not a file name")))?
        .to_string_lossy()
        .into_owned();
    let (tmp, file) = temp_file(dir, &name)?;
    let result = (|| {
        let mut buffered = io::BufWriter::new(file);
        write(&mut buffered).map_err(io_err)?;
        let file = buffered.into_inner().map_err(|e| io_err(e.into_error()))?;
        file.sync_all().map_err(io_err)?;
        drop(file);
        if force {
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
