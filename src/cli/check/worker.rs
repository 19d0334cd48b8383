//! What a worker thread does with one input: read it (through the cache when there is one),
//! check it, apply `--fix` or `--diff`, and render its findings in the run's format, so that
//! the calling thread only writes.

use super::{Format, Settings};
use crate::cache::Cache;
use crate::cli::Context;
use crate::finding::Finding;
use crate::load::{self, Unreadable};
use crate::pipeline::{self, FileReport, Loaded};
use crate::report::Counts;
use crate::report::github;
use crate::report::human::Human;
use crate::report::json;
use crate::report::sarif;
use crate::rules::Rule;
use crate::source::SourceFile;
use crate::walk::Input;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What a worker hands back for one input: its rendered findings and their tally.
pub(super) struct Checked {
    pub(super) counts: Counts,
    pub(super) per_rule: BTreeMap<Rule, usize>,
    pub(super) fixable: usize,
    pub(super) fixed: usize,
    pub(super) rendered: Rendered,
}

pub(super) enum Rendered {
    /// Text to write as it is (human, github, a diff).
    Text(String),
    /// Serialised elements of the JSON or SARIF list.
    Items(Vec<String>),
    /// The input could not be read: name and reason.
    Unreadable(String, String),
    /// The input was checked but its fixes could not be written: name, reason, and its report.
    Failed(String, String, Box<Rendered>),
}

/// Everything done for one input, on a worker thread.
pub(super) fn check_input(
    input: &Input,
    ctx: &Context,
    settings: &Settings,
    human: &Human,
    cache: Option<&Cache>,
) -> Checked {
    let path = match input {
        Input::Stdin => PathBuf::from("-"),
        Input::File(p) => p.clone(),
        Input::Broken(p, why) => return unreadable(p.display().to_string(), why.clone()),
    };
    let found = match cache {
        Some(cache) if path != Path::new("-") => check_cached(&path, ctx, cache),
        _ => check_fresh(&path, ctx),
    };
    let mut report = match found {
        Ok(r) => r,
        Err(u) => return unreadable(u.name, u.reason),
    };
    // After the cache: its entries do not depend on the configured rule levels.
    let keep = |f: &Finding| settings.filter.keeps(f);
    ctx.config.apply(&mut report.findings);
    report.findings.retain(keep);
    let mut fixed = 0;
    let mut failed = None;
    let mut diff = None;
    if let (Some(write), Input::File(_)) = (settings.fix, input) {
        let check = |source: SourceFile| {
            let loaded = pipeline::load_source(source, ctx.reference, ctx.lang);
            pipeline::check_loaded(loaded, ctx.lang).findings
        };
        let as_run = |findings: &mut Vec<Finding>| {
            ctx.config.apply(findings);
            findings.retain(keep);
        };
        report = match super::fixing::fix_file(&path, report, write, (check, as_run), ctx.lang) {
            Ok(done) => {
                fixed = done.count;
                diff = done.diff;
                done.report
            }
            Err((report, why)) => {
                failed = Some(why);
                report
            }
        };
    }
    let fixable = report
        .findings
        .iter()
        .filter(|f| {
            f.fix
                .as_ref()
                .is_some_and(|x| crate::fix::edit(&report.source.text, x).is_some())
        })
        .count();
    let mut counts = Counts::default();
    counts.add(&report.findings);
    let mut per_rule = BTreeMap::new();
    for f in &report.findings {
        *per_rule.entry(f.rule).or_default() += 1;
    }
    let rendered = match diff {
        Some(d) => Rendered::Text(d),
        None if settings.fix == Some(false) => Rendered::Text(String::new()),
        None => render(settings, human, &report.source, &report.findings),
    };
    let rendered = match failed {
        Some(why) => Rendered::Failed(report.source.name.clone(), why, Box::new(rendered)),
        None => rendered,
    };
    Checked {
        counts,
        per_rule,
        fixable,
        fixed,
        rendered,
    }
}

fn check_fresh(path: &Path, ctx: &Context) -> Result<FileReport, Unreadable> {
    let loaded = pipeline::read_plan(path, ctx.reference, ctx.lang)?;
    Ok(pipeline::check_loaded(loaded, ctx.lang))
}

/// The file is read here once, for its hash and for the code frames; on a miss the same
/// bytes go through the pipeline.
fn check_cached(path: &Path, ctx: &Context, cache: &Cache) -> Result<FileReport, Unreadable> {
    let Ok(bytes) = load::read_file_bytes(path) else {
        // Missing, a directory...: reported as without the cache.
        return check_fresh(path, ctx);
    };
    let name = path.display().to_string();
    let hash = crate::fingerprint::hash(&bytes);
    let text = load::source_from_bytes(name.clone(), bytes, ctx.lang);
    if let Some(findings) = cache.lookup(&name, &hash) {
        let source = text.unwrap_or_else(|b| b.0);
        return Ok(FileReport { source, findings });
    }
    Ok(cache.fill(&name, &hash, || {
        let loaded = match text {
            Ok(source) => pipeline::load_source(source, ctx.reference, ctx.lang),
            Err(b) => Loaded::Failed(b.0, Box::new(b.1)),
        };
        pipeline::check_loaded(loaded, ctx.lang)
    }))
}

fn unreadable(name: String, reason: String) -> Checked {
    Checked {
        counts: Counts::default(),
        per_rule: BTreeMap::new(),
        fixable: 0,
        fixed: 0,
        rendered: Rendered::Unreadable(name, reason),
    }
}

fn render(
    settings: &Settings,
    human: &Human,
    source: &SourceFile,
    findings: &[Finding],
) -> Rendered {
    match settings.format {
        Format::Human if findings.is_empty() || settings.statistics => {
            Rendered::Text(String::new())
        }
        Format::Human => Rendered::Text(human.file(source, findings)),
        Format::Github => Rendered::Text(github::annotations(source, findings)),
        Format::Json => Rendered::Items(
            findings
                .iter()
                .map(|f| json::item(source, f, human.lang))
                .collect(),
        ),
        Format::Sarif => {
            Rendered::Items(findings.iter().map(|f| sarif::result(source, f)).collect())
        }
    }
}
