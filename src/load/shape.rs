//! Every schema mistake in a plan, not only the first: serde stops at the first unknown key,
//! wrong value or duplicate key, so an officer would fix one mistake per run. When the typed
//! reading fails, the document is read again as a plain tree (duplicate keys kept) and walked
//! against the shape of [`crate::model::PlanFile`], collecting each mistake with its place.
//!
//! The shape below mirrors src/model/plan.rs, as the JSON Schema (src/plan_schema.rs) does; a
//! test of the schema keeps the keys of the two in step.

use crate::finding::Finding;
use crate::i18n::Lang;
use crate::model::{ReportEvery, Role, Words};
use crate::rules::Rule;
use crate::source::{SourceFile, Span};
use serde::Deserialize;
use serde_saphyr::Spanned;

/// A YAML node with nothing typed: what the walk reads.
#[derive(Debug)]
enum Node {
    Null,
    Scalar(String),
    Seq(Vec<Spanned<Node>>),
    Map(Vec<(Spanned<Node>, Spanned<Node>)>),
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Node;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any YAML value")
            }
            fn visit_str<E>(self, v: &str) -> Result<Node, E> {
                Ok(Node::Scalar(v.to_string()))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
                Ok(Node::Scalar(v.to_string()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
                Ok(Node::Scalar(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
                Ok(Node::Scalar(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
                Ok(Node::Scalar(v.to_string()))
            }
            fn visit_unit<E>(self) -> Result<Node, E> {
                Ok(Node::Null)
            }
            fn visit_none<E>(self) -> Result<Node, E> {
                Ok(Node::Null)
            }
            fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
                Node::deserialize(d)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut s: A) -> Result<Node, A::Error> {
                let mut items = Vec::new();
                while let Some(n) = s.next_element::<Spanned<Node>>()? {
                    items.push(n);
                }
                Ok(Node::Seq(items))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<Node, A::Error> {
                let mut entries = Vec::new();
                while let Some(k) = m.next_key::<Spanned<Node>>()? {
                    entries.push((k, m.next_value::<Spanned<Node>>()?));
                }
                Ok(Node::Map(entries))
            }
        }
        d.deserialize_any(V)
    }
}

/// What a value must look like.
enum Shape {
    Block(&'static Block),
    List(&'static Shape),
    /// A whole number (`kehoach: 1`).
    Number,
    /// Any scalar (YAML reads `2024` as a number where the plan means text: that is fine).
    Text,
    /// A word from a fixed list, such as `role:`.
    Word(&'static WordList),
    /// Anything: checked later, by the reader of that value (`target:`).
    Any,
}

/// A block of `key: value` pairs.
struct Block {
    keys: &'static [(&'static str, Shape)],
    required: &'static [&'static str],
}

struct WordList {
    accepts: fn(&str) -> bool,
    allowed: fn(Lang) -> String,
    all: fn() -> Vec<&'static str>,
}

const ROLE: WordList = WordList {
    accepts: |w| Role::from_word(w).is_some(),
    allowed: Role::allowed,
    all: Role::all_words,
};
const EVERY: WordList = WordList {
    accepts: |w| ReportEvery::from_word(w).is_some(),
    allowed: ReportEvery::allowed,
    all: ReportEvery::all_words,
};
const KIND: WordList = WordList {
    accepts: |w| ["ke-hoach", "quyet-dinh"].contains(&w),
    allowed: |_| "ke-hoach, quyet-dinh".to_string(),
    all: || vec!["ke-hoach", "quyet-dinh"],
};

const COMPLETENESS: WordList = WordList {
    accepts: |w| {
        [
            "full",
            "excerpt",
            "summary",
            "toàn văn",
            "trích",
            "trích đoạn",
            "tóm tắt",
        ]
        .contains(&w)
    },
    allowed: |_| "full (toàn văn), excerpt (trích), summary (tóm tắt)".to_string(),
    all: || {
        vec![
            "full",
            "excerpt",
            "summary",
            "toàn văn",
            "trích",
            "trích đoạn",
            "tóm tắt",
        ]
    },
};

const TEXTS: Shape = Shape::List(&Shape::Text);

const SIGNER: Block = Block {
    keys: &[("name", Shape::Text), ("title", Shape::Text)],
    required: &["name"],
};
const META: Block = Block {
    keys: &[
        ("number", Shape::Text),
        ("kind", Shape::Word(&KIND)),
        ("completeness", Shape::Word(&COMPLETENESS)),
        ("title", Shape::Text),
        ("issuer", Shape::Text),
        ("province", Shape::Text),
        ("district", Shape::Text),
        ("place", Shape::Text),
        ("issued", Shape::Text),
        ("period", Shape::Text),
        ("implements", TEXTS),
        ("basis", TEXTS),
        ("parent", Shape::Text),
        ("previous", Shape::Text),
        ("signer", Shape::Block(&SIGNER)),
        ("recipients", TEXTS),
        ("source", Shape::Text),
    ],
    required: &["province", "period"],
};
const INDICATOR: Block = Block {
    keys: &[
        ("ref", Shape::Text),
        ("id", Shape::Text),
        ("part_of", Shape::Text),
        ("target", Shape::Any),
        ("unit", Shape::Text),
        ("denominator", Shape::Text),
        ("deadline", Shape::Text),
        ("text", Shape::Text),
        ("note", Shape::Text),
    ],
    required: &[],
};
const TASK_GROUP: Block = Block {
    keys: &[
        ("group", Shape::Text),
        ("title", Shape::Text),
        ("items", TEXTS),
    ],
    required: &[],
};
const RESPONSIBILITY: Block = Block {
    keys: &[
        ("agency", Shape::Text),
        ("also", TEXTS),
        ("role", Shape::Word(&ROLE)),
        ("tasks", TEXTS),
    ],
    required: &["agency"],
};
const REPORTING: Block = Block {
    keys: &[
        ("every", Shape::List(&Shape::Word(&EVERY))),
        ("to", TEXTS),
        ("text", Shape::Text),
    ],
    required: &[],
};
const WAIVER: Block = Block {
    keys: &[
        ("rule", Shape::Text),
        ("ref", Shape::Text),
        ("agency", Shape::Text),
        ("reason", Shape::Text),
    ],
    required: &["rule"],
};
const PLAN: Block = Block {
    keys: &[
        ("kehoach", Shape::Number),
        ("plan", Shape::Block(&META)),
        ("purpose", TEXTS),
        ("requirements", TEXTS),
        ("objectives", TEXTS),
        ("indicators", Shape::List(&Shape::Block(&INDICATOR))),
        ("tasks", Shape::List(&Shape::Block(&TASK_GROUP))),
        ("budget", Shape::Text),
        (
            "responsibilities",
            Shape::List(&Shape::Block(&RESPONSIBILITY)),
        ),
        ("reporting", Shape::Block(&REPORTING)),
        ("waivers", Shape::List(&Shape::Block(&WAIVER))),
    ],
    required: &["kehoach", "plan"],
};

/// Every schema mistake in a plan's text, in the order they appear. Empty when the text is not
/// YAML at all (the parser's own error says why) or when the walk finds nothing.
pub fn plan_mistakes(source: &SourceFile, lang: Lang) -> Vec<Finding> {
    let Ok(root) =
        serde_saphyr::from_str_with_options::<Spanned<Node>>(&source.text, super::walk_options())
    else {
        return Vec::new();
    };
    let mut out = Mistakes::default();
    walk(&root, &Shape::Block(&PLAN), lang, &mut out);
    // In the order of the text; a missing key, which is about a whole block, after the rest.
    out.found.sort_by_key(|f| f.span.map(|s| s.offset));
    out.found.append(&mut out.missing);
    out.found
}

#[derive(Default)]
struct Mistakes {
    /// At a key or a value.
    found: Vec<Finding>,
    /// A required key that is absent, located at its block.
    missing: Vec<Finding>,
}

fn span(n: &Spanned<Node>) -> Span {
    Span::from_location(n.referenced)
}

fn walk(node: &Spanned<Node>, shape: &Shape, lang: Lang, out: &mut Mistakes) {
    match (shape, &node.value) {
        (Shape::Any, _) | (_, Node::Null) => {}
        (Shape::Block(b), Node::Map(entries)) => block(node, entries, b, lang, out),
        (Shape::List(item), Node::Seq(items)) => {
            for i in items {
                walk(i, item, lang, out);
            }
        }
        (Shape::Text, Node::Scalar(_)) => {}
        (Shape::Number, Node::Scalar(n)) if n.parse::<u32>().is_ok() => {}
        (Shape::Word(words), Node::Scalar(w)) if (words.accepts)(w) => {}
        (Shape::Word(words), Node::Scalar(w)) => {
            let (message, help) =
                super::unknown_value(w, &(words.all)(), &(words.allowed)(lang), lang);
            out.found.push(
                Finding::new(Rule::Schema, message)
                    .at(span(node))
                    .help(help),
            );
        }
        (expected, Node::Scalar(_)) => {
            let message = crate::msg!(
                lang,
                "sai kiểu: cần {}",
                "wrong type: expected {}",
                expected_kind(expected, lang)
            );
            out.found
                .push(Finding::new(Rule::Schema, message).at(span(node)));
        }
        (expected, found) => {
            let message = crate::msg!(
                lang,
                "sai kiểu: có {}, cần {}",
                "wrong type: found {}, expected {}",
                kind(found, lang),
                expected_kind(expected, lang)
            );
            out.found
                .push(Finding::new(Rule::Schema, message).at(span(node)));
        }
    }
}

fn block(
    node: &Spanned<Node>,
    entries: &[(Spanned<Node>, Spanned<Node>)],
    b: &Block,
    lang: Lang,
    out: &mut Mistakes,
) {
    let allowed: Vec<&str> = b.keys.iter().map(|(k, _)| *k).collect();
    let mut seen: Vec<&str> = Vec::new();
    for (k, v) in entries {
        let Node::Scalar(key) = &k.value else {
            continue;
        };
        if seen.contains(&key.as_str()) {
            let (message, help) = super::duplicate_key(key, lang);
            out.found
                .push(Finding::new(Rule::Syntax, message).at(span(k)).help(help));
            continue;
        }
        seen.push(key);
        match b.keys.iter().find(|(name, _)| name == key) {
            Some((_, shape)) => walk(v, shape, lang, out),
            None => {
                let (message, help) = super::unknown_key(key, &allowed, lang);
                out.found
                    .push(Finding::new(Rule::Schema, message).at(span(k)).help(help));
            }
        }
    }
    for missing in b.required.iter().filter(|r| !seen.contains(r)) {
        let (message, help) = super::missing_key(missing, lang);
        out.missing.push(
            Finding::new(Rule::Schema, message)
                .at(span(node))
                .help(help),
        );
    }
}

fn kind(n: &Node, lang: Lang) -> &'static str {
    match n {
        Node::Null | Node::Scalar(_) => lang.pick("một giá trị", "a value"),
        Node::Seq(_) => lang.pick("một danh sách (- ...)", "a list (- ...)"),
        Node::Map(_) => lang.pick("một khối khóa: giá trị", "a block of key: value pairs"),
    }
}

fn expected_kind(s: &Shape, lang: Lang) -> &'static str {
    match s {
        Shape::Block(_) => lang.pick("một khối khóa: giá trị", "a block of key: value pairs"),
        Shape::List(_) => lang.pick("một danh sách (- ...)", "a list (- ...)"),
        Shape::Number => lang.pick("một số nguyên", "a whole number"),
        Shape::Text | Shape::Word(_) | Shape::Any => lang.pick("một giá trị đơn", "a single value"),
    }
}

/// The keys of every block, sorted, each with where the JSON Schema describes the same block
/// (a JSON pointer into it): the schema's test (src/plan_schema.rs) keeps the two in step. That
/// test lives with the schema, which sits above the loader and may read it; not the reverse.
#[cfg(test)]
pub(crate) fn keys_by_schema_pointer() -> Vec<(&'static str, Vec<&'static str>)> {
    [
        ("", &PLAN),
        ("/definitions/meta", &META),
        ("/definitions/meta/properties/signer", &SIGNER),
        ("/definitions/indicator", &INDICATOR),
        ("/definitions/taskGroup", &TASK_GROUP),
        ("/definitions/responsibility", &RESPONSIBILITY),
        ("/definitions/reporting", &REPORTING),
        ("/definitions/waiver", &WAIVER),
    ]
    .into_iter()
    .map(|(pointer, block)| {
        let mut keys: Vec<&str> = block.keys.iter().map(|(k, _)| *k).collect();
        keys.sort();
        (pointer, keys)
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mistake_is_found_in_text_order() {
        let text = "kehoach: 1\nplan:\n  province: A\n  perod: 2024\n  period: 2024\n  period: 2025\nreporting:\n  every: [quý]\n";
        let source = SourceFile {
            name: "t.yaml".into(),
            text: text.into(),
        };
        let found: Vec<(String, u32)> = plan_mistakes(&source, Lang::En)
            .into_iter()
            .map(|f| (f.message, f.span.unwrap().line))
            .collect();
        assert_eq!(
            found,
            [
                ("unknown key `perod`".to_string(), 4),
                ("duplicate key `period`".to_string(), 6),
                ("unknown value `quý`".to_string(), 8),
            ]
        );
    }
}
