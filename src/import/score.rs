//! Accuracy of an import against a hand-checked plan file: targets (indicator + value) and
//! bodies (body + role), as precision and recall. Used by the accuracy benchmark
//! (benches/import_accuracy.rs) and its tests.

use crate::compile::CompiledPlan;
use crate::i18n::Lang;
use crate::loaded::{Loaded, load_source};
use crate::model::{Level, Role, Target};
use crate::reference::Reference;
use crate::source::SourceFile;
use crate::text::match_key;
use std::sync::Arc;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub expected: usize,
    pub found: usize,
    pub correct: usize,
    /// Found for an indicator the hand-checked file has, with another value.
    pub wrong_value: usize,
}

impl Tally {
    pub fn precision(&self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.correct as f64 / self.found as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.expected == 0 {
            1.0
        } else {
            self.correct as f64 / self.expected as f64
        }
    }
    pub fn add(&mut self, o: &Tally) {
        self.expected += o.expected;
        self.found += o.found;
        self.correct += o.correct;
        self.wrong_value += o.wrong_value;
    }
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Score {
    pub targets: Tally,
    pub bodies: Tally,
}

pub fn compile<'r>(
    name: &str,
    yaml: &str,
    reference: &'r Reference,
) -> Result<Box<CompiledPlan<'r>>, String> {
    let source = SourceFile {
        name: name.to_string(),
        text: Arc::from(yaml),
    };
    match load_source(source, reference, Lang::En) {
        Loaded::Compiled(p) => Ok(p),
        Loaded::Failed(_, f) => Err(format!("{name}: {}", f.message)),
        Loaded::Invalid(_, fs) => Err(format!(
            "{name}: {}",
            fs.iter()
                .map(|f| f.message.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        )),
    }
}

type TargetKey = (String, Vec<(Option<Level>, Target)>);

fn targets(p: &CompiledPlan) -> Vec<TargetKey> {
    p.indicators
        .iter()
        .map(|i| {
            let key = match (&i.national, &i.part_of) {
                (Some(n), _) => n.id.clone(),
                (None, Some(part)) => format!("part-of:{part}"),
                (None, None) => "local".to_string(),
            };
            (key, i.targets.iter().map(|t| (t.level, t.target)).collect())
        })
        .collect()
}

fn bodies(p: &CompiledPlan) -> Vec<(String, Role)> {
    p.agencies
        .iter()
        .map(|a| {
            let key = a
                .agency
                .map_or_else(|| match_key(&a.name), |x| x.id.clone());
            (key, a.role)
        })
        .collect()
}

/// Targets per level compare by meaning; one target for every level equals the same
/// target written once.
fn same_targets(a: &[(Option<Level>, Target)], b: &[(Option<Level>, Target)]) -> bool {
    let flat = |v: &[(Option<Level>, Target)]| -> Vec<(Option<Level>, Target)> {
        if v.len() == 3 && v.iter().all(|(_, t)| *t == v[0].1) {
            vec![(None, v[0].1)]
        } else {
            v.to_vec()
        }
    };
    let (a, b) = (flat(a), flat(b));
    a.len() == b.len() && a.iter().all(|x| b.contains(x))
}

pub fn score(imported: &CompiledPlan, gold: &CompiledPlan) -> Score {
    let mut s = Score::default();
    let mut expected = targets(gold);
    let found = targets(imported);
    s.targets.expected = expected.len();
    s.targets.found = found.len();
    for (key, value) in &found {
        if let Some(at) = expected
            .iter()
            .position(|(k, v)| k == key && same_targets(v, value))
        {
            s.targets.correct += 1;
            expected.remove(at);
        } else if key != "local" && expected.iter().any(|(k, _)| k == key) {
            s.targets.wrong_value += 1;
        }
    }
    let mut expected = bodies(gold);
    let found = bodies(imported);
    s.bodies.expected = expected.len();
    s.bodies.found = found.len();
    for b in &found {
        if let Some(at) = expected.iter().position(|x| x == b) {
            s.bodies.correct += 1;
            expected.remove(at);
        } else if expected.iter().any(|x| x.0 == b.0) {
            s.bodies.wrong_value += 1;
        }
    }
    s
}
