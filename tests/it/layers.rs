//! The layers of src/ (the picture at the top of src/lib.rs): every `crate::` path in every file
//! under src/, in `use` lines and inline, names a module on a lower layer, or one written
//! before it on its own layer. The README shows the same picture.
//!
//! The sources are read as text, not compiled: comments and string literals are set aside first,
//! so a path quoted in a message or a doc comment does not count, and one in code always does
//! (tests included: a test that needs a higher layer belongs to that layer).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Each layer, bottom first, with its modules in the order they may use each other.
type Layers = Vec<(String, Vec<String>)>;

/// The boxed picture between ```text and ``` in `doc`: one row per layer, its name in the first
/// column and its modules after it; a row whose first column is blank continues the one above.
fn picture_rows(doc: &str) -> Vec<String> {
    doc.lines()
        .map(|l| l.trim_start_matches("//!").trim())
        .skip_while(|l| !l.starts_with('┌'))
        .take_while(|l| !l.starts_with('└'))
        .filter(|l| l.starts_with('│'))
        .map(str::to_string)
        .collect()
}

fn parse_layers(rows: &[String]) -> Layers {
    let mut top_down: Layers = Vec::new();
    for row in rows {
        let inside = row.trim_matches('│').trim_end();
        let (name, modules) = match inside.strip_prefix(' ').and_then(|r| r.split_once(' ')) {
            Some((name, modules)) if !name.is_empty() => (Some(name), modules),
            _ => (None, inside),
        };
        let modules = modules
            .split(',')
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .map(str::to_string);
        match name {
            Some(name) => top_down.push((name.to_string(), modules.collect())),
            None => top_down
                .last_mut()
                .expect("a continuation row follows a layer")
                .1
                .extend(modules),
        }
    }
    top_down.reverse();
    top_down
}

/// `src` with comments removed and the contents of string and character literals blanked.
fn code_only(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    let ident = |ch: char| ch.is_alphanumeric() || ch == '_';
    while i < c.len() {
        match c[i] {
            '/' if c.get(i + 1) == Some(&'/') => {
                while i < c.len() && c[i] != '\n' {
                    i += 1;
                }
            }
            '/' if c.get(i + 1) == Some(&'*') => {
                let mut depth = 0;
                while i < c.len() {
                    if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                        depth += 1;
                        i += 2;
                    } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
                out.push(' ');
            }
            'r' if (i == 0
                || !ident(c[i - 1])
                || (c[i - 1] == 'b' && (i < 2 || !ident(c[i - 2]))))
                && matches!(c.get(i + 1), Some('"' | '#')) =>
            {
                let hashes = c[i + 1..].iter().take_while(|&&h| h == '#').count();
                if c.get(i + 1 + hashes) != Some(&'"') {
                    out.push('r');
                    i += 1;
                    continue;
                }
                i += 2 + hashes;
                let close: Vec<char> = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                while i < c.len() && !c[i..].starts_with(&close) {
                    i += 1;
                }
                i += close.len();
                out.push_str("\"\"");
            }
            '"' => {
                i += 1;
                while i < c.len() && c[i] != '"' {
                    i += if c[i] == '\\' { 2 } else { 1 };
                }
                i += 1;
                out.push_str("\"\"");
            }
            '\'' if c.get(i + 1) == Some(&'\\') => {
                i += 3;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
                out.push_str("' '");
            }
            '\'' if c.get(i + 2) == Some(&'\'') => {
                i += 3;
                out.push_str("' '");
            }
            ch => {
                out.push(ch);
                i += 1;
            }
        }
    }
    out
}

/// The first name of every path that starts with `crate::` (or `$crate::`) in `code`; a group
/// `crate::{a::b, c}` gives each of its top-level names.
fn crate_names(code: &str) -> Vec<String> {
    let mut names = Vec::new();
    let ident = |ch: char| ch.is_alphanumeric() || ch == '_';
    for (at, _) in code.match_indices("crate::") {
        if code[..at].chars().next_back().is_some_and(ident) {
            continue;
        }
        let rest = code[at + "crate::".len()..].trim_start();
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut item = String::new();
            for ch in group.chars() {
                match ch {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        names.push(first_name(&item));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 {
                    item.push(ch);
                }
            }
            names.push(first_name(&item));
        } else {
            names.push(first_name(rest));
        }
    }
    names.retain(|n| !n.is_empty());
    names
}

fn first_name(path: &str) -> String {
    path.trim_start()
        .chars()
        .take_while(|&ch| ch.is_alphanumeric() || ch == '_')
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file under src/ belongs to: `src/check/agencies.rs` → `check`.
fn module_of(src: &Path, file: &Path) -> String {
    let first = file
        .strip_prefix(src)
        .expect("under src/")
        .components()
        .next();
    let first = first.expect("a file").as_os_str().to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

/// Where each name a path may start with lives: the modules, and the macros exported at the
/// crate's root (`crate::msg!` is defined in i18n).
fn owners(src: &Path, files: &[PathBuf], modules: &[String]) -> BTreeMap<String, String> {
    let mut owner: BTreeMap<String, String> =
        modules.iter().map(|m| (m.clone(), m.clone())).collect();
    for file in files {
        let code = code_only(&fs::read_to_string(file).expect("a source file"));
        for (at, _) in code.match_indices("macro_rules!") {
            let name = first_name(&code[at + "macro_rules!".len()..]);
            owner.entry(name).or_insert_with(|| module_of(src, file));
        }
    }
    owner
}

#[test]
fn modules_use_only_the_layers_below_them() {
    let root = crate::common::root();
    let src = root.join("src");
    let lib = fs::read_to_string(src.join("lib.rs")).expect("src/lib.rs");
    let layers = parse_layers(&picture_rows(&lib));
    let declared: Vec<String> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|m| m.trim_end_matches(';').to_string())
        .collect();

    // (layer, place on its layer) of every module, each in the picture exactly once.
    let mut place: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (l, (name, modules)) in layers.iter().enumerate() {
        assert!(!modules.is_empty(), "layer {name} has no module");
        for (m, module) in modules.iter().enumerate() {
            let again = place.insert(module, (l, m));
            assert!(again.is_none(), "{module} is on two layers");
        }
    }
    let mut pictured: Vec<&str> = place.keys().copied().collect();
    let mut modules: Vec<&str> = declared.iter().map(String::as_str).collect();
    pictured.sort();
    modules.sort();
    assert_eq!(
        pictured, modules,
        "the picture in src/lib.rs names every module of lib.rs once"
    );

    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let owner = owners(&src, &files, &declared);
    let mut uses = 0;
    let mut upward = Vec::new();
    for file in &files {
        let from = module_of(&src, file);
        if from == "lib" || from == "main" {
            continue;
        }
        let code = code_only(&fs::read_to_string(file).expect("a source file"));
        for name in crate_names(&code) {
            let to = owner
                .get(&name)
                .unwrap_or_else(|| panic!("{}: `crate::{name}` is no module", file.display()));
            if *to == from {
                continue;
            }
            uses += 1;
            let (a, b) = (place[from.as_str()], place[to.as_str()]);
            if b >= a {
                let (la, lb) = (&layers[a.0].0, &layers[b.0].0);
                upward.push(format!(
                    "{}: `crate::{name}`: {from} ({la}) uses {to} ({lb}), which is not below it",
                    file.strip_prefix(&root).unwrap_or(file).display()
                ));
            }
        }
    }
    // Hundreds of paths are read; a parser that found none would pass vacuously.
    assert!(uses > 300, "only {uses} paths to other modules found");
    assert!(
        upward.is_empty(),
        "imports that go up:\n{}",
        upward.join("\n")
    );
}

#[test]
fn the_readme_shows_the_picture_of_src_lib_rs() {
    let root = crate::common::root();
    let lib = picture_rows(&fs::read_to_string(root.join("src/lib.rs")).expect("src/lib.rs"));
    let readme = picture_rows(&fs::read_to_string(root.join("README.md")).expect("README.md"));
    assert!(
        lib.len() >= 10,
        "the picture in src/lib.rs has {} rows",
        lib.len()
    );
    assert_eq!(readme, lib);
}

#[test]
fn paths_are_read_from_code_only_and_groups_give_each_name() {
    let src = r##"
        use crate::{a::{b, c}, d, e::f as g};
        // crate::comment
        /* crate::block /* nested */ crate::still */
        let s = "crate::string \" crate::escaped";
        let r = r#"crate::raw "# ;
        let q = '"'; let e = '\''; fn f<'a>(x: &'a str) {}
        let h = crate::h::call();
        let m = $crate::m::Lang;
        let k = kcrate::no;
    "##;
    assert_eq!(crate_names(&code_only(src)), ["a", "d", "e", "h", "m"]);
}

#[test]
fn a_row_with_a_blank_first_column_continues_the_layer_above() {
    let doc =
        "┌──┐\n│ top        x, y  │\n├──┤\n│ ground     a, b,  │\n│            c      │\n└──┘\n";
    assert_eq!(
        parse_layers(&picture_rows(doc)),
        [
            (
                "ground".to_string(),
                vec!["a".into(), "b".into(), "c".into()]
            ),
            ("top".to_string(), vec!["x".into(), "y".into()]),
        ]
    );
}
