//! Which files a `check PATH...` means: files as given, directories walked for *.yaml/*.yml.

use crate::i18n::Lang;
use crate::msg;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub enum Input {
    Stdin,
    File(PathBuf),
    /// A path that could not be walked, with the reason (reported; exit status 2).
    Broken(PathBuf, String),
}

/// Expands the command line into inputs, in a stable order. Symlinked directories are
/// followed once: a loop is reported, not walked forever.
pub fn inputs(paths: &[PathBuf], exclude: &dyn Fn(&Path) -> bool, lang: Lang) -> Vec<Input> {
    let mut out = Vec::new();
    let mut seen_dirs = HashSet::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk_dir(p, &mut seen_dirs, exclude, lang, &mut out),
            Ok(_) => out.push(Input::File(p.clone())),
            Err(e) => out.push(Input::Broken(p.clone(), describe_io(&e, lang))),
        }
    }
    out
}

fn walk_dir(
    dir: &Path,
    seen: &mut HashSet<PathBuf>,
    exclude: &dyn Fn(&Path) -> bool,
    lang: Lang,
    out: &mut Vec<Input>,
) {
    let canonical = match dir.canonicalize() {
        Ok(c) => c,
        Err(e) => {
            out.push(Input::Broken(dir.to_path_buf(), describe_io(&e, lang)));
            return;
        }
    };
    if !seen.insert(canonical) {
        out.push(Input::Broken(
            dir.to_path_buf(),
            msg!(
                lang,
                "vòng lặp liên kết tượng trưng (symlink), bỏ qua",
                "symbolic link loop, skipped"
            ),
        ));
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(r) => r,
        Err(e) => {
            out.push(Input::Broken(dir.to_path_buf(), describe_io(&e, lang)));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if exclude(&p)
            || p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            continue;
        }
        match std::fs::metadata(&p) {
            Ok(m) if m.is_dir() => walk_dir(&p, seen, exclude, lang, out),
            Ok(_) if is_yaml(&p) => out.push(Input::File(p)),
            Ok(_) => {}
            Err(e) if is_yaml(&p) || e.raw_os_error() == Some(40) => {
                out.push(Input::Broken(p, describe_io(&e, lang)))
            }
            Err(_) => {}
        }
    }
}

fn is_yaml(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "yaml" || e == "yml")
}

fn describe_io(e: &std::io::Error, lang: Lang) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => msg!(lang, "không tồn tại", "does not exist"),
        std::io::ErrorKind::PermissionDenied => {
            msg!(lang, "không có quyền đọc", "permission denied")
        }
        _ if e.raw_os_error() == Some(40) => msg!(
            lang,
            "vòng lặp liên kết tượng trưng (symlink)",
            "symbolic link loop"
        ),
        _ => e.to_string(),
    }
}
