//! The typed plan from the tree, field by field as serde's derive would fill it; an unknown,
//! repeated or missing key, or a value of the wrong kind, declines.

use super::tree::{Map, Node, Scalar};
use crate::model::{
    IndicatorEntry, Meta, PlanFile, Reporting, Responsibility, S, Signer, TargetField, TaskGroup,
    Waiver,
};
use crate::source::Located;
use serde::de::DeserializeOwned;
use serde::de::value::{Error as ValueError, StrDeserializer};

type R<T> = Option<T>;

/// Fills an empty slot; a key given twice declines.
fn put<T>(slot: &mut Option<T>, value: T) -> R<()> {
    slot.is_none().then(|| *slot = Some(value))
}

pub(super) fn plan_file(map: Map<'_>) -> R<PlanFile> {
    let (mut kehoach, mut plan, mut purpose, mut requirements, mut objectives) =
        (None, None, None, None, None);
    let (mut indicators, mut tasks, mut budget, mut responsibilities, mut reporting) =
        (None, None, None, None, None);
    let mut waivers = None;
    for e in map.entries {
        let v = e.value;
        match e.key {
            "kehoach" => put(&mut kehoach, version(v)?),
            "plan" => put(&mut plan, located(v, meta)?),
            "purpose" => put(&mut purpose, list(v, string)?),
            "requirements" => put(&mut requirements, list(v, string)?),
            "objectives" => put(&mut objectives, list(v, string)?),
            "indicators" => put(&mut indicators, located_list(v, indicator)?),
            "tasks" => put(&mut tasks, list(v, task_group)?),
            "budget" => put(&mut budget, s_string(v)?),
            "responsibilities" => put(
                &mut responsibilities,
                located_list(v, |i| located(i, responsibility))?,
            ),
            "reporting" => put(&mut reporting, located(v, reporting_of)?),
            "waivers" => put(&mut waivers, list(v, |n| located(n, waiver))?),
            _ => None,
        }?;
    }
    Some(PlanFile {
        kehoach: kehoach?,
        plan: plan?,
        purpose: purpose.unwrap_or_default(),
        requirements: requirements.unwrap_or_default(),
        objectives: objectives.unwrap_or_default(),
        indicators,
        tasks: tasks.unwrap_or_default(),
        budget,
        responsibilities,
        reporting,
        waivers: waivers.unwrap_or_default(),
    })
}

fn meta(map: Map<'_>) -> R<Meta> {
    let mut m = MetaSlots::default();
    for e in map.entries {
        let v = e.value;
        match e.key {
            "number" => put(&mut m.number, s_string(v)?),
            "kind" => put(&mut m.kind, s_word(v)?),
            "title" => put(&mut m.title, s_string(v)?),
            "issuer" => put(&mut m.issuer, s_string(v)?),
            "province" => put(&mut m.province, s_string(v)?),
            "district" => put(&mut m.district, s_string(v)?),
            "place" => put(&mut m.place, s_string(v)?),
            "issued" => put(&mut m.issued, s_string(v)?),
            "period" => put(&mut m.period, s_string(v)?),
            "implements" => put(&mut m.implements, list(v, s_string)?),
            "basis" => put(&mut m.basis, list(v, s_string)?),
            "parent" => put(&mut m.parent, s_string(v)?),
            "previous" => put(&mut m.previous, s_string(v)?),
            "signer" => put(&mut m.signer, signer(v)?),
            "recipients" => put(&mut m.recipients, list(v, string)?),
            "source" => put(&mut m.source, string(v)?),
            "completeness" => put(&mut m.completeness, s_word(v)?),
            _ => None,
        }?;
    }
    Some(Meta {
        number: m.number,
        kind: m.kind,
        title: m.title,
        issuer: m.issuer,
        province: m.province?,
        district: m.district,
        place: m.place,
        issued: m.issued,
        period: m.period?,
        implements: m.implements.unwrap_or_default(),
        basis: m.basis.unwrap_or_default(),
        parent: m.parent,
        previous: m.previous,
        signer: m.signer,
        recipients: m.recipients.unwrap_or_default(),
        source: m.source,
        completeness: m.completeness,
    })
}

/// `plan:`'s fields as they are read, each at most once.
#[derive(Default)]
struct MetaSlots {
    number: Option<S<String>>,
    kind: Option<S<crate::model::DocKind>>,
    title: Option<S<String>>,
    issuer: Option<S<String>>,
    province: Option<S<String>>,
    district: Option<S<String>>,
    place: Option<S<String>>,
    issued: Option<S<String>>,
    period: Option<S<String>>,
    implements: Option<Vec<S<String>>>,
    basis: Option<Vec<S<String>>>,
    parent: Option<S<String>>,
    previous: Option<S<String>>,
    signer: Option<Signer>,
    recipients: Option<Vec<String>>,
    source: Option<String>,
    completeness: Option<S<crate::model::Completeness>>,
}

fn signer(node: Node<'_>) -> R<Signer> {
    let (mut name, mut title) = (None, None);
    for e in map(node)?.entries {
        match e.key {
            "name" => put(&mut name, string(e.value)?),
            "title" => put(&mut title, string(e.value)?),
            _ => None,
        }?;
    }
    Some(Signer { name: name?, title })
}

fn indicator(node: Node<'_>) -> R<S<IndicatorEntry>> {
    located(node, |map| {
        let mut i = IndicatorEntry {
            reference: None,
            id: None,
            part_of: None,
            target: None,
            unit: None,
            denominator: None,
            deadline: None,
            text: None,
            note: None,
        };
        for e in map.entries {
            let v = e.value;
            match e.key {
                "ref" => put(&mut i.reference, s_string(v)?),
                "id" => put(&mut i.id, s_string(v)?),
                "part_of" => put(&mut i.part_of, s_string(v)?),
                "target" => put(&mut i.target, target(v)?),
                "unit" => put(&mut i.unit, string(v)?),
                "denominator" => put(&mut i.denominator, s_string(v)?),
                "deadline" => put(&mut i.deadline, s_string(v)?),
                "text" => put(&mut i.text, string(v)?),
                "note" => put(&mut i.note, string(v)?),
                _ => None,
            }?;
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
    let (mut group, mut title, mut items) = (None, None, None);
    for e in map(node)?.entries {
        let v = e.value;
        match e.key {
            "group" => put(&mut group, s_string(v)?),
            "title" => put(&mut title, string(v)?),
            "items" => put(&mut items, list(v, string)?),
            _ => None,
        }?;
    }
    Some(TaskGroup {
        group,
        title,
        items: items.unwrap_or_default(),
    })
}

fn responsibility(map: Map<'_>) -> R<Responsibility> {
    let (mut agency, mut also, mut role, mut tasks) = (None, None, None, None);
    for e in map.entries {
        let v = e.value;
        match e.key {
            "agency" => put(&mut agency, s_string(v)?),
            "also" => put(&mut also, list(v, s_string)?),
            "role" => put(&mut role, s_word(v)?),
            "tasks" => put(&mut tasks, list(v, string)?),
            _ => None,
        }?;
    }
    Some(Responsibility {
        agency: agency?,
        also: also.unwrap_or_default(),
        role,
        tasks: tasks.unwrap_or_default(),
    })
}

fn reporting_of(map: Map<'_>) -> R<Reporting> {
    let (mut every, mut to, mut text) = (None, None, None);
    for e in map.entries {
        let v = e.value;
        match e.key {
            "every" => put(&mut every, list(v, s_word)?),
            "to" => put(&mut to, list(v, s_string)?),
            "text" => put(&mut text, string(v)?),
            _ => None,
        }?;
    }
    Some(Reporting {
        every: every.unwrap_or_default(),
        to: to.unwrap_or_default(),
        text,
    })
}

fn waiver(map: Map<'_>) -> R<Waiver> {
    let (mut rule, mut reference, mut agency, mut reason) = (None, None, None, None);
    for e in map.entries {
        let v = e.value;
        match e.key {
            "rule" => put(&mut rule, s_string(v)?),
            "ref" => put(&mut reference, s_string(v)?),
            "agency" => put(&mut agency, s_string(v)?),
            "reason" => put(&mut reason, s_string(v)?),
            _ => None,
        }?;
    }
    Some(Waiver {
        rule: rule?,
        reference,
        agency,
        reason,
    })
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
