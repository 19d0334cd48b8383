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
    expand(paths, exclude, lang).0
}

/// [`inputs`], and how many YAML files met while walking were not plans (no top-level
/// `kehoach:` key) and so were skipped: a repository's workflow files, schemas, hook
/// definitions. A file named on the command line is always an input.
pub fn expand(
    paths: &[PathBuf],
    exclude: &dyn Fn(&Path) -> bool,
    lang: Lang,
) -> (Vec<Input>, usize) {
    let mut out = Vec::new();
    let mut seen_dirs = HashSet::new();
    let mut skipped = 0;
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                walk_dir(p, &mut seen_dirs, exclude, lang, (&mut out, &mut skipped))
            }
            Ok(_) => out.push(Input::File(p.clone())),
            Err(e) => out.push(Input::Broken(p.clone(), describe_io(&e, lang))),
        }
    }
    (out, skipped)
}

fn walk_dir(
    dir: &Path,
    seen: &mut HashSet<PathBuf>,
    exclude: &dyn Fn(&Path) -> bool,
    lang: Lang,
    (out, skipped): (&mut Vec<Input>, &mut usize),
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
            Ok(m) if m.is_dir() => walk_dir(&p, seen, exclude, lang, (&mut *out, &mut *skipped)),
            // Only a regular file is opened to look for the key: reading a FIFO would block.
            Ok(m) if is_yaml(&p) && m.is_file() && !is_plan(&p) => *skipped += 1,
            Ok(_) if is_yaml(&p) => out.push(Input::File(p)),
            Ok(_) => {}
            Err(e) if is_yaml(&p) || e.raw_os_error() == Some(40) => {
                out.push(Input::Broken(p, describe_io(&e, lang)))
            }
            Err(_) => {}
        }
    }
}

/// Whether the file at `p` has a top-level `kehoach:` key. A file that cannot be read, or is
/// larger than a plan may be, counts as a plan, so that checking it reports why.
fn is_plan(p: &Path) -> bool {
    use std::io::Read;
    let limit = crate::load::MAX_FILE_BYTES;
    match std::fs::File::open(p) {
        Ok(f) if f.metadata().is_ok_and(|m| m.len() <= limit) => {
            has_plan_key(std::io::BufReader::new(f.take(limit)))
        }
        _ => true,
    }
}

/// Reads lines until one starts, at column 1, with the key `kehoach` (plain or quoted) and a
/// colon. At column 1 a line is a key of the top-level mapping: deeper keys are indented, a
/// comment starts with `#`, and the continuation of a quoted or multi-line value is indented
/// in a block mapping. Lines are bytes, so a file that is not UTF-8 is still read. A file whose
/// first content is a flow mapping (`{kehoach: 1, ...}`) counts as a plan: only parsing it
/// could tell.
pub fn has_plan_key(mut reader: impl std::io::BufRead) -> bool {
    let mut line = Vec::new();
    let mut first_content = true;
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => return false,
            Ok(_) => {}
            Err(_) => return true,
        }
        let text = line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&line);
        if first_content {
            let trimmed = text.trim_ascii_start();
            if trimmed.is_empty() || trimmed.starts_with(b"#") || trimmed.starts_with(b"---") {
                continue;
            }
            first_content = false;
            if trimmed.starts_with(b"{") {
                return true;
            }
        }
        let rest = [&b"kehoach"[..], b"\"kehoach\"", b"'kehoach'"]
            .iter()
            .find_map(|k| text.strip_prefix(*k));
        if let Some(rest) = rest {
            let rest = rest.trim_ascii_start();
            if let Some(after) = rest.strip_prefix(b":")
                && (after.is_empty() || after[0].is_ascii_whitespace())
            {
                return true;
            }
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

#[cfg(test)]
mod tests {
    use super::has_plan_key;

    fn plan(text: &str) -> bool {
        has_plan_key(text.as_bytes())
    }

    #[test]
    fn a_plan_has_the_key_at_the_top_level() {
        assert!(plan("kehoach: 1\nplan: {}\n"));
        assert!(plan(
            "\u{feff}# Kế hoạch\n---\nplan:\n  x: 1\nkehoach: 1\r\n"
        ));
        assert!(plan("\"kehoach\" : 1"));
        assert!(plan("{kehoach: 1}"));
        assert!(plan("kehoach:\n"));
    }

    #[test]
    fn a_key_that_is_indented_commented_or_quoted_text_is_not_the_key() {
        assert!(!plan("name: x\non:\n  push:\n"));
        assert!(!plan("jobs:\n  kehoach: 1\n"));
        assert!(!plan("# kehoach: 1\nid: x\n"));
        assert!(!plan("text: \"a\n  kehoach: b\"\n"));
        assert!(!plan("- kehoach: 1\n"));
        assert!(!plan("kehoach_version: 1\nkehoach:x\n"));
        assert!(!plan(""));
    }
}
