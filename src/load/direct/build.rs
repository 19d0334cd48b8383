//! The typed plan from the tree, field by field as serde's derive would fill it; an unknown or
//! missing key, or a value of the wrong kind, declines (a repeated key never reaches here).

use super::tree::{Map, Node, Scalar};
use crate::model::{
    IndicatorEntry, Meta, PlanFile, Reporting, Responsibility, S, Signer, TargetField, TaskGroup,
    Waiver,
};
use crate::source::Located;
use serde::de::DeserializeOwned;
use serde::de::value::{Error as ValueError, StrDeserializer};

type R<T> = Option<T>;

// Each struct starts from its `Default` and takes its keys as they come: the tree has already
// declined a key written twice, and `required` declines a missing one before anything is read.

/// Whether every key serde's derive requires is there.
fn required(map: &Map<'_>, keys: &[&str]) -> R<()> {
    keys.iter()
        .all(|k| map.entries.iter().any(|e| e.key == *k))
        .then_some(())
}

pub(super) fn plan_file(map: Map<'_>) -> R<PlanFile> {
    required(&map, &["kehoach", "plan"])?;
    let mut p = PlanFile::default();
    for e in map.entries {
        let v = e.value;
        match e.key {
            "kehoach" => p.kehoach = version(v)?,
            "plan" => p.plan = located(v, meta)?,
            "purpose" => p.purpose = list(v, string)?,
            "requirements" => p.requirements = list(v, string)?,
            "objectives" => p.objectives = list(v, string)?,
            "indicators" => p.indicators = Some(located_list(v, indicator)?),
            "tasks" => p.tasks = list(v, task_group)?,
            "budget" => p.budget = Some(s_string(v)?),
            "responsibilities" => {
                p.responsibilities = Some(located_list(v, |i| located(i, responsibility))?);
            }
            "reporting" => p.reporting = Some(located(v, reporting_of)?),
            "waivers" => p.waivers = list(v, |n| located(n, waiver))?,
            _ => return None,
        }
    }
    Some(p)
}

fn meta(map: Map<'_>) -> R<Meta> {
    required(&map, &["province", "period"])?;
    let mut m = Meta::default();
    for e in map.entries {
        let v = e.value;
        match e.key {
            "number" => m.number = Some(s_string(v)?),
            "kind" => m.kind = Some(s_word(v)?),
            "title" => m.title = Some(s_string(v)?),
            "issuer" => m.issuer = Some(s_string(v)?),
            "province" => m.province = s_string(v)?,
            "district" => m.district = Some(s_string(v)?),
            "place" => m.place = Some(s_string(v)?),
            "issued" => m.issued = Some(s_string(v)?),
            "period" => m.period = s_string(v)?,
            "implements" => m.implements = list(v, s_string)?,
            "basis" => m.basis = list(v, s_string)?,
            "parent" => m.parent = Some(s_string(v)?),
            "previous" => m.previous = Some(s_string(v)?),
            "signer" => m.signer = Some(signer(v)?),
            "recipients" => m.recipients = list(v, string)?,
            "source" => m.source = Some(string(v)?),
            "completeness" => m.completeness = Some(s_word(v)?),
            _ => return None,
        }
    }
    Some(m)
}

fn signer(node: Node<'_>) -> R<Signer> {
    let map = map(node)?;
    required(&map, &["name"])?;
    let mut s = Signer::default();
    for e in map.entries {
        match e.key {
            "name" => s.name = string(e.value)?,
            "title" => s.title = Some(string(e.value)?),
            _ => return None,
        }
    }
    Some(s)
}

fn indicator(node: Node<'_>) -> R<S<IndicatorEntry>> {
    located(node, |map| {
        let mut i = IndicatorEntry::default();
        for e in map.entries {
            let v = e.value;
            match e.key {
                "ref" => i.reference = Some(s_string(v)?),
                "id" => i.id = Some(s_string(v)?),
                "part_of" => i.part_of = Some(s_string(v)?),
                "target" => i.target = Some(target(v)?),
                "unit" => i.unit = Some(string(v)?),
                "denominator" => i.denominator = Some(s_string(v)?),
                "deadline" => i.deadline = Some(s_string(v)?),
                "text" => i.text = Some(string(v)?),
                "note" => i.note = Some(string(v)?),
                _ => return None,
            }
        }
        Some(i)
    })
}

/// `target:` as [`TargetField`]'s own `Deserialize` reads it: a plain scalar YAML takes for a
/// number is `Number`; a plain scalar that might be one in some spelling this reader does
/// not decide (`0x10`, `1e3`, `.5`, `+5`) declines.
fn target(node: Node<'_>) -> R<S<TargetField>> {
    let span = node.span();
    let value = match node {
        Node::Scalar(s) if s.plain && maybe_number(&s.text) => {
            plain_decimal(&s.text).then_some(TargetField::Number)?
        }
        Node::Scalar(s) => TargetField::Text(plain_word(&s)?.to_string()),
        Node::Map(m) => {
            let mut levels = Vec::with_capacity(m.entries.len());
            for e in m.entries {
                let key = Located::new(e.key.to_string(), e.key_span);
                levels.push((key, s_string(e.value)?));
            }
            TargetField::ByLevel(levels)
        }
        Node::Seq(_) => return None,
    };
    Some(Located::new(value, span))
}

fn task_group(node: Node<'_>) -> R<TaskGroup> {
    let mut t = TaskGroup::default();
    for e in map(node)?.entries {
        let v = e.value;
        match e.key {
            "group" => t.group = Some(s_string(v)?),
            "title" => t.title = Some(string(v)?),
            "items" => t.items = list(v, string)?,
            _ => return None,
        }
    }
    Some(t)
}

fn responsibility(map: Map<'_>) -> R<Responsibility> {
    required(&map, &["agency"])?;
    let mut r = Responsibility::default();
    for e in map.entries {
        let v = e.value;
        match e.key {
            "agency" => r.agency = s_string(v)?,
            "also" => r.also = list(v, s_string)?,
            "role" => r.role = Some(s_word(v)?),
            "tasks" => r.tasks = list(v, string)?,
            _ => return None,
        }
    }
    Some(r)
}

fn reporting_of(map: Map<'_>) -> R<Reporting> {
    let mut r = Reporting::default();
    for e in map.entries {
        let v = e.value;
        match e.key {
            "every" => r.every = list(v, s_word)?,
            "to" => r.to = list(v, s_string)?,
            "text" => r.text = Some(string(v)?),
            _ => return None,
        }
    }
    Some(r)
}

fn waiver(map: Map<'_>) -> R<Waiver> {
    required(&map, &["rule"])?;
    let mut w = Waiver::default();
    for e in map.entries {
        let v = e.value;
        match e.key {
            "rule" => w.rule = s_string(v)?,
            "ref" => w.reference = Some(s_string(v)?),
            "agency" => w.agency = Some(s_string(v)?),
            "reason" => w.reason = Some(s_string(v)?),
            _ => return None,
        }
    }
    Some(w)
}

fn map(node: Node<'_>) -> R<Map<'_>> {
    match node {
        Node::Map(m) => Some(m),
        _ => None,
    }
}

/// A mapping read by `read`, with the mapping's span.
fn located<T>(node: Node<'_>, read: impl FnOnce(Map<'_>) -> R<T>) -> R<S<T>> {
    match node {
        Node::Map(m) => {
            let span = m.span;
            Some(Located::new(read(m)?, span))
        }
        Node::Seq(_) | Node::Scalar(_) => None,
    }
}

/// A sequence, each item read by `item`.
fn list<'a, T>(node: Node<'a>, item: impl Fn(Node<'a>) -> R<T>) -> R<Vec<T>> {
    match node {
        Node::Seq(s) => s.items.into_iter().map(item).collect(),
        _ => None,
    }
}

/// A sequence with its span (`indicators:`, `responsibilities:`).
fn located_list<'a, T>(node: Node<'a>, item: impl Fn(Node<'a>) -> R<T>) -> R<S<Vec<T>>> {
    let Node::Seq(seq) = &node else { return None };
    let span = seq.span;
    Some(Located::new(list(node, item)?, span))
}

fn version(node: Node<'_>) -> R<S<u32>> {
    let Node::Scalar(s) = node else { return None };
    let digits = s.plain && plain_decimal(&s.text) && !s.text.contains('.');
    let canonical = !s.text.starts_with('0') || s.text.len() == 1;
    if !(digits && canonical) {
        return None;
    }
    Some(Located::new(s.text.parse().ok()?, s.span))
}

fn string(node: Node<'_>) -> R<String> {
    match node {
        Node::Scalar(s) => Some(plain_word(&s)?.to_string()),
        _ => None,
    }
}

fn s_string(node: Node<'_>) -> R<S<String>> {
    match node {
        Node::Scalar(s) => Some(Located::new(plain_word(&s)?.to_string(), s.span)),
        _ => None,
    }
}

/// An enumeration's value, through its own `Deserialize` (aliases and Vietnamese words
/// included), from the scalar's text.
fn s_word<T: DeserializeOwned>(node: Node<'_>) -> R<S<T>> {
    let Node::Scalar(s) = node else { return None };
    let word = plain_word(&s)?;
    let value = T::deserialize(StrDeserializer::<ValueError>::new(word)).ok()?;
    Some(Located::new(value, s.span))
}

/// The scalar's text, unless YAML would read it as null or a boolean, which a text field
/// does not take as it is.
fn plain_word<'s>(s: &'s Scalar<'_>) -> R<&'s str> {
    // YAML 1.1's words too (`yes`, `on`), whatever a resolver makes of them.
    const NOT_TEXT: [&str; 10] = [
        "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n",
    ];
    let not_text = NOT_TEXT.iter().any(|w| s.text.eq_ignore_ascii_case(w));
    (!(s.plain && not_text)).then_some(&s.text)
}

/// Could YAML's resolver take this plain scalar for a number in some spelling?
fn maybe_number(text: &str) -> bool {
    let first = text.as_bytes()[0];
    (first.is_ascii_digit() || matches!(first, b'+' | b'-' | b'.'))
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'+' | b'-'))
}

/// `25`, `25.000`: digits, with at most one point between digits.
fn plain_decimal(text: &str) -> bool {
    let mut parts = text.split('.');
    let whole = parts.next().unwrap_or("");
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && parts.next().is_none_or(digits) && parts.next().is_none()
}
