//! `--fix` and `--diff` for one file, on its worker thread: the fixes of its findings are
//! applied to its text, the result is checked again, and then either written back in place
//! or shown as a unified diff.

use crate::finding::Finding;
use crate::fix;
use crate::i18n::Lang;
use crate::msg;
use crate::output_file::{WriteError, rewrite_in_place};
use crate::pipeline::FileReport;
use crate::rules::Rule;
use crate::source::SourceFile;
use std::path::Path;
use std::sync::Arc;

/// What fixing one file gave.
pub struct Fixed {
    /// The report of the fixed text (`--fix`), or the unchanged one (`--diff`).
    pub report: FileReport,
    /// How many findings' fixes were applied (or would be, with `--diff`).
    pub count: usize,
    /// The unified diff, with `--diff`.
    pub diff: Option<String>,
}

/// Applies the fixes in `report`. `check` gives every finding of a text; `as_run` sets them to
/// the run's levels and rules (kehoach.toml, `--select`, `--ignore`).
pub fn fix_file(
    path: &Path,
    report: FileReport,
    write: bool,
    (check, as_run): (
        impl Fn(SourceFile) -> Vec<Finding>,
        impl Fn(&mut Vec<Finding>),
    ),
    lang: Lang,
) -> Result<Fixed, (FileReport, String)> {
    let old = &report.source.text;
    let edits = fix::edits(old, &report.findings);
    if edits.is_empty() {
        return Ok(Fixed {
            report,
            count: 0,
            diff: None,
        });
    }
    let new_text = fix::apply(old, &edits);
    let source = SourceFile {
        name: report.source.name.clone(),
        text: Arc::from(new_text.as_str()),
    };
    let mut findings = check(source.clone());
    // A fix must never make the file harder to read than it was, whatever the run reports.
    let broken = |fs: &[Finding]| {
        fs.iter()
            .filter(|f| matches!(f.rule, Rule::Syntax | Rule::Schema))
            .count()
    };
    if broken(&findings) > broken(&check(report.source.clone())) {
        let why = msg!(
            lang,
            "bản sửa sẽ làm hỏng cấu trúc tệp nên không được ghi; hãy sửa bằng tay",
            "the fix would break the file's structure, so it was not written; fix it by hand"
        );
        return Err((report, why));
    }
    let count = edits.len();
    if !write {
        let diff = fix::unified_diff(&report.source.name, old, &new_text);
        return Ok(Fixed {
            report,
            count,
            diff: Some(diff),
        });
    }
    if let Err(why) = write_in_place(path, old, &new_text, lang) {
        return Err((report, why));
    }
    as_run(&mut findings);
    Ok(Fixed {
        report: FileReport { source, findings },
        count,
        diff: None,
    })
}

/// Replaces the file's text, atomically, only if it still holds what was checked (an editor
/// may have saved it meanwhile). A byte-order mark and the file's permissions are kept, and a
/// symbolic link is followed, not replaced.
fn write_in_place(path: &Path, old: &str, new: &str, lang: Lang) -> Result<(), String> {
    let fail = |e: &dyn std::fmt::Display| msg!(lang, "không ghi được: {}", "cannot write: {}", e);
    let target = std::fs::canonicalize(path).map_err(|e| fail(&e))?;
    let now = std::fs::read(&target).map_err(|e| fail(&e))?;
    const BOM: &[u8] = "\u{feff}".as_bytes();
    let bom = now.starts_with(BOM);
    if now[if bom { BOM.len() } else { 0 }..] != *old.as_bytes() {
        return Err(msg!(
            lang,
            "tệp đã thay đổi trong khi kiểm tra; không sửa",
            "the file changed while it was being checked; not fixed"
        ));
    }
    let permissions = std::fs::metadata(&target).map(|m| m.permissions());
    let mut bytes = Vec::with_capacity(new.len() + 3);
    if bom {
        bytes.extend_from_slice(BOM);
    }
    bytes.extend_from_slice(new.as_bytes());
    if let Err(e) = rewrite_in_place(&target, &bytes) {
        return Err(match e {
            WriteError::Io(_, e) => fail(&e),
            other => fail(&format!("{other:?}")),
        });
    }
    if let Ok(p) = permissions {
        let _ = std::fs::set_permissions(&target, p);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Span;

    fn report(text: &str, at: &str, value: &str) -> FileReport {
        let offset = text.find(at).unwrap();
        let finding = Finding::new(Rule::UnknownAgency, "m")
            .fix(Span::at_offset(text, offset, at.len()), value);
        FileReport {
            source: SourceFile {
                name: "p.yaml".into(),
                text: Arc::from(text),
            },
            findings: vec![finding],
        }
    }

    /// A stand-in for the checker: a `schema` finding for each line starting with "plam:".
    fn check(source: SourceFile) -> Vec<Finding> {
        source
            .text
            .lines()
            .filter(|l| l.starts_with("plam:"))
            .map(|_| Finding::new(Rule::Schema, "unknown key"))
            .collect()
    }

    #[test]
    fn a_fix_that_breaks_the_structure_is_refused() {
        let text = "kehoach: 1\nplan:\n  x: Sở Y tê\n";
        let bad = report(text, "plan", "plam");
        let as_run = |_: &mut Vec<Finding>| {};
        let Err((kept, why)) = fix_file(Path::new("p.yaml"), bad, false, (check, as_run), Lang::En)
        else {
            panic!("refused");
        };
        assert!(why.contains("would break"), "{why}");
        assert_eq!(&*kept.source.text, text);

        let good = report(text, "Sở Y tê", "Sở Y tế");
        let Ok(done) = fix_file(Path::new("p.yaml"), good, false, (check, as_run), Lang::En) else {
            panic!("fixed");
        };
        assert_eq!(done.count, 1);
        assert!(done.diff.unwrap().contains("+  x: Sở Y tế\n"));
    }
}
