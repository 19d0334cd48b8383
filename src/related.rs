//! Plans a plan points at: `parent` (the plan it localises) and `previous` (last year's plan of
//! the same province). They are read through the same pipeline as any plan, but only compiled:
//! their own findings belong to their own `check`, not to the plan that names them.

use crate::compile::CompiledPlan;
use crate::i18n::Lang;
use crate::loaded::{self, Loaded};
use crate::msg;
use crate::reference::Reference;
use std::path::{Component, Path, PathBuf};

/// How far a chain of parents is followed when looking for a cycle. Real hierarchies are two or
/// three deep (commune → district → province → national); this only bounds hostile input.
pub const MAX_CHAIN: usize = 16;

/// The file a plan means by a `parent:` or `previous:` value: relative to the plan's own
/// directory (to the working directory for a plan read from standard input).
pub fn path_of(plan: &CompiledPlan, written: &str) -> PathBuf {
    let own = Path::new(&plan.source.name);
    let dir = if plan.source.name == "<stdin>" {
        Path::new("")
    } else {
        own.parent().unwrap_or(Path::new(""))
    };
    tidy(&dir.join(written.trim()))
}

/// `plans/../plans/a.yaml` → `plans/a.yaml`, without touching the file system, so reports name
/// the file the way a reader would.
fn tidy(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The plan in `path`, compiled; or why it cannot be used (missing, unreadable, not a plan).
pub fn load<'r>(
    path: &Path,
    reference: &'r Reference,
    lang: Lang,
) -> Result<Box<CompiledPlan<'r>>, String> {
    if path.as_os_str().is_empty() {
        return Err(msg!(lang, "đường dẫn trống", "the path is empty"));
    }
    match loaded::read_plan(path, reference, lang) {
        Ok(Loaded::Compiled(plan)) => Ok(plan),
        Ok(Loaded::Failed(source, f)) => {
            let line = f.span.map_or(1, |s| s.line);
            Err(format!("{}:{line}: {}", source.name, f.message))
        }
        // The first mistake is enough to say the related plan cannot be used; checking that
        // plan itself lists them all.
        Ok(Loaded::Invalid(source, findings)) => {
            let f = &findings[0];
            let line = f.span.map_or(1, |s| s.line);
            Err(format!("{}:{line}: {}", source.name, f.message))
        }
        Err(u) => Err(u.reason),
    }
}

/// Whether two paths name the same file (after links and `..`); false when either is missing.
fn same_file(a_path: &Path, b_path: &Path) -> bool {
    let (a, b) = (a_path.canonicalize(), b_path.canonicalize());
    crate::reads::record_canonical(a_path, &a);
    crate::reads::record_canonical(b_path, &b);
    match (a, b) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The file a plan's `parent:` names, if it names one.
pub fn parent_link(plan: &CompiledPlan) -> Option<PathBuf> {
    let written = plan.doc.plan.value.parent.as_ref()?;
    Some(path_of(plan, &written.value))
}

/// The chain of parents from `plan` back to itself or to one of its ancestors, if there is one:
/// `[plan, parent, ..., the file met again]`. `parent` is the plan's own parent, already loaded.
/// A link that cannot be read ends the search: that plan's own check reports it.
pub fn parent_cycle(
    plan: &CompiledPlan,
    parent_path: &Path,
    parent: &CompiledPlan,
    lang: Lang,
) -> Option<Vec<PathBuf>> {
    let mut chain = vec![PathBuf::from(&plan.source.name), parent_path.to_path_buf()];
    if chain[0] == Path::new("<stdin>") {
        return None;
    }
    let closes = |chain: &[PathBuf]| {
        let last = chain.last().expect("a chain is never empty");
        chain[..chain.len() - 1].iter().any(|p| same_file(p, last))
    };
    if closes(&chain) {
        return Some(chain);
    }
    let mut next = parent_link(parent);
    while let Some(path) = next.take() {
        if chain.len() > MAX_CHAIN {
            break;
        }
        chain.push(path);
        if closes(&chain) {
            return Some(chain);
        }
        let Ok(ancestor) = load(chain.last().expect("just pushed"), plan.reference, lang) else {
            break;
        };
        next = parent_link(&ancestor);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::tidy;
    use std::path::Path;

    #[test]
    fn paths_are_shown_as_a_reader_writes_them() {
        assert_eq!(
            tidy(Path::new("plans/./../plans/a.yaml")),
            Path::new("plans/a.yaml")
        );
        assert_eq!(tidy(Path::new("../a.yaml")), Path::new("../a.yaml"));
        assert_eq!(tidy(Path::new("a/b/../../c.yaml")), Path::new("c.yaml"));
    }
}
