//! The plan's indicators resolved: each entry's national or local id, its targets read level by
//! level, its denominator and the national indicator it counts towards.

use super::{CompiledIndicator, PlanTarget, loc};
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::model::{
    IndicatorEntry, Level, Measure, PlanFile, Target, TargetField, Unclear, read_target,
};
use crate::msg;
use crate::reference::{NationalIndicator, Programme};
use crate::rules::Rule;
use crate::source::{Located, SourceFile, Span};
use crate::text::{did_you_mean, nfc, parse_number};

pub(super) fn compile_indicators<'r>(
    source: &SourceFile,
    doc: &PlanFile,
    programme: Option<&'r Programme>,
    lang: Lang,
    findings: &mut Vec<Finding>,
) -> Vec<CompiledIndicator<'r>> {
    let Some(entries) = &doc.indicators else {
        return Vec::new();
    };
    let mut out: Vec<CompiledIndicator<'r>> = Vec::new();
    for entry in &entries.value {
        let span = entry.span;
        if let Some(ind) = compile_indicator(source, &entry.value, span, programme, lang, findings)
        {
            if let Some(first) = out.iter().find(|o| o.key == ind.key) {
                findings.push(
                    Finding::new(Rule::DuplicateIndicator, msg!(lang, "chỉ tiêu `{}` đã được khai báo ở dòng {}", "indicator `{}` is already declared on line {}", ind.key, first.key_span.line))
                        .at(ind.key_span)
                        .label(msg!(lang, "khai báo lần hai", "declared again"))
                        .help(msg!(lang, "gộp hai mục thành một, hoặc ghi chỉ tiêu theo cấp: `target: {{ province: ..., district: ... }}`", "merge the two entries, or give per-level targets: `target: {{ province: ..., district: ... }}`"))
                        .indicator(&ind.key),
                );
                continue;
            }
            out.push(ind);
        }
    }
    out
}

fn compile_indicator<'r>(
    source: &SourceFile,
    e: &IndicatorEntry,
    span: Span,
    programme: Option<&'r Programme>,
    lang: Lang,
    findings: &mut Vec<Finding>,
) -> Option<CompiledIndicator<'r>> {
    let (key, national) = indicator_key(e, span, programme, lang, findings)?;
    let expect = national
        .and_then(|n| n.targets.first())
        .and_then(|(_, t)| Measure::from_key(t.measure()));
    let mut reader = TargetReader {
        key: &key,
        expect,
        lang,
        targets: Vec::new(),
    };
    reader.read_field(source, e, findings);
    let targets = reader.targets;
    let denominator = denominator(e, &key.value, lang, findings);
    let part_of = part_of(e, programme, lang, findings);

    Some(CompiledIndicator {
        key: key.value,
        national,
        part_of,
        targets,
        unit: e.unit.as_deref().map(nfc),
        denominator,
        text: e.text.as_deref().map(nfc),
        span,
        key_span: key.span,
    })
}

/// The entry's `ref:` (a national indicator, which must exist) or `id:` (a local one); `None`,
/// with a finding, when it has neither, both, or a `ref:` the programme does not know.
fn indicator_key<'r>(
    e: &IndicatorEntry,
    span: Span,
    programme: Option<&'r Programme>,
    lang: Lang,
    findings: &mut Vec<Finding>,
) -> Option<(Located<String>, Option<&'r NationalIndicator>)> {
    match (&e.reference, &e.id) {
        (Some(r), None) => {
            let r = loc(r);
            let national = programme.and_then(|p| p.indicator(r.value.trim()));
            if national.is_none() {
                findings.push(unknown_national(&r, programme, lang));
                return None;
            }
            Some((Located::new(r.value.trim().to_string(), r.span), national))
        }
        (None, Some(id)) => Some((loc(id), None)),
        (Some(r), Some(_)) => {
            findings.push(
                Finding::new(
                    Rule::Schema,
                    msg!(
                        lang,
                        "một chỉ tiêu có `ref:` hoặc `id:`, không có cả hai",
                        "an indicator has `ref:` or `id:`, not both"
                    ),
                )
                .at(r.span)
                .help(msg!(
                    lang,
                    "`ref:` trỏ tới chỉ tiêu quốc gia; `id:` đặt tên chỉ tiêu riêng của địa phương",
                    "`ref:` points at a national indicator; `id:` names a local one"
                )),
            );
            None
        }
        (None, None) => {
            findings.push(
                Finding::new(
                    Rule::Schema,
                    msg!(
                        lang,
                        "chỉ tiêu thiếu `ref:` (chỉ tiêu quốc gia) hoặc `id:` (chỉ tiêu riêng)",
                        "indicator lacks `ref:` (national) or `id:` (local)"
                    ),
                )
                .at(span),
            );
            None
        }
    }
}

/// A `ref:` the programme does not have.
fn unknown_national(r: &Located<String>, programme: Option<&Programme>, lang: Lang) -> Finding {
    let ids: Vec<&str> = programme
        .map(|p| p.indicators.iter().map(|i| i.id.as_str()).collect())
        .unwrap_or_default();
    let mut f = Finding::new(
        Rule::UnknownIndicator,
        msg!(
            lang,
            "chương trình không có chỉ tiêu `{}`",
            "the programme has no indicator `{}`",
            r.value
        ),
    )
    .at(r.span)
    .indicator(r.value.trim());
    // `--fix` only when one national id is close: with two, the choice is the officer's.
    if let Some(only) = crate::fix::single_close_match(r.value.trim(), &ids) {
        f = f.fix(r.span, only);
    }
    f.help(match did_you_mean(&r.value, ids.iter().copied()) {
        Some(best) => msg!(lang, "Có phải ý bạn là `{best}`? Chỉ tiêu riêng của địa phương thì dùng `id:` thay cho `ref:`", "did you mean `{best}`? For a local indicator use `id:` instead of `ref:`"),
        None => msg!(lang, "chỉ tiêu riêng của địa phương thì dùng `id:` thay cho `ref:`; danh sách chỉ tiêu: `kehoach schema`", "for a local indicator use `id:` instead of `ref:`; list the national ones with `kehoach schema`"),
    })
}

/// Reads one indicator's `target:` into plan targets, reporting what cannot be met and what
/// is written as a sentence.
struct TargetReader<'k> {
    key: &'k Located<String>,
    /// The measure the national target uses, which decides how a bare figure is read.
    expect: Option<Measure>,
    lang: Lang,
    targets: Vec<PlanTarget>,
}

impl TargetReader<'_> {
    fn read_field(&mut self, source: &SourceFile, e: &IndicatorEntry, findings: &mut Vec<Finding>) {
        let Some(t) = &e.target else {
            // A source cut mid-sentence names the indicator and no target: nothing to compare,
            // which the verdict says (not-comparable), not a malformed file.
            self.targets.push(PlanTarget {
                level: None,
                target: Target::Qualitative {
                    why: Unclear::NotStated,
                },
                written: String::new(),
                span: self.key.span,
            });
            return;
        };
        let span = t.span;
        match &t.value {
            TargetField::Text(text) => self.read(Located::new(text.clone(), span), None, findings),
            TargetField::Number => {
                self.read(Located::new(raw_scalar(source, span), span), None, findings)
            }
            TargetField::ByLevel(levels) => {
                for (k, v) in levels {
                    let k = loc(k);
                    match Level::ALL.into_iter().find(|l| l.key() == k.value.trim()) {
                        Some(level) => self.read(loc(v), Some(level), findings),
                        None => findings.push(unknown_level(&k, &self.key.value, self.lang)),
                    }
                }
            }
        }
    }

    fn read(
        &mut self,
        written: Located<String>,
        level: Option<Level>,
        findings: &mut Vec<Finding>,
    ) {
        let lang = self.lang;
        let key = &self.key.value;
        let text = nfc(&written.value);
        // Every wording has a reading: a qualitative target says why it has no figure.
        let reading = read_target(&text, self.expect);
        if let Some(why) = reading.target.impossibility(lang) {
            findings.push(
                Finding::new(
                    Rule::ImpossibleTarget,
                    msg!(
                        lang,
                        "chỉ tiêu `{}` không thể đạt được: {}",
                        "target `{}` cannot be met: {}",
                        text,
                        why
                    ),
                )
                .at(written.span)
                .label(why)
                .indicator(key),
            );
            return;
        }
        if reading.in_sentence {
            findings.push(sentence_finding(
                &text,
                &reading.target,
                written.span,
                key,
                lang,
            ));
        }
        self.targets.push(PlanTarget {
            level,
            target: reading.target,
            written: text,
            span: written.span,
        });
    }
}

fn unknown_level(k: &Located<String>, key: &str, lang: Lang) -> Finding {
    let keys = Level::ALL.map(Level::key);
    let f = Finding::new(
        Rule::Schema,
        msg!(lang, "cấp không hợp lệ `{}`", "unknown level `{}`", k.value),
    )
    .at(k.span)
    .indicator(key);
    f.help(match did_you_mean(&k.value, keys) {
        Some(best) => msg!(
            lang,
            "Có phải ý bạn là `{best}`? Các cấp: province, district, commune",
            "did you mean `{best}`? Levels: province, district, commune"
        ),
        None => msg!(
            lang,
            "các cấp: province (tỉnh), district (huyện), commune (xã)",
            "levels: province, district, commune"
        ),
    })
}

fn denominator(
    e: &IndicatorEntry,
    key: &str,
    lang: Lang,
    findings: &mut Vec<Finding>,
) -> Option<f64> {
    e.denominator.as_ref().map(loc).and_then(|d| {
        let v = parse_number(&d.value).filter(|v| *v > 0.0);
        if v.is_none() {
            findings.push(
                Finding::new(
                    Rule::Schema,
                    msg!(
                        lang,
                        "mẫu số `{}` phải là một số dương",
                        "denominator `{}` must be a positive number",
                        d.value
                    ),
                )
                .at(d.span)
                .indicator(key),
            );
        }
        v
    })
}

/// The national indicator a local one counts towards, when the programme has it.
fn part_of(
    e: &IndicatorEntry,
    programme: Option<&Programme>,
    lang: Lang,
    findings: &mut Vec<Finding>,
) -> Option<String> {
    e.part_of.as_ref().map(loc).and_then(|p| {
        let known = programme.is_some_and(|pr| pr.indicator(&p.value).is_some());
        if !known {
            findings.push(
                Finding::new(
                    Rule::UnknownIndicator,
                    msg!(
                        lang,
                        "`part_of` trỏ tới chỉ tiêu không có: `{}`",
                        "`part_of` names no national indicator: `{}`",
                        p.value
                    ),
                )
                .at(p.span)
                .indicator(&p.value),
            );
        }
        known.then_some(p.value)
    })
}

/// The text of a plain scalar as written in the source.
fn raw_scalar(source: &SourceFile, span: Span) -> String {
    source
        .text
        .get(span.offset..span.offset + span.len)
        .unwrap_or("")
        .trim()
        .to_string()
}

/// A target written as a sentence: its figure is read, and the sentence belongs in `text:`.
fn sentence_finding(text: &str, target: &Target, span: Span, key: &str, lang: Lang) -> Finding {
    let syntax = crate::model::plan_syntax(target);
    Finding::new(
        Rule::TargetInSentence,
        msg!(
            lang,
            "{key}: chỉ tiêu được viết thành một câu; kehoach đọc được con số {}",
            "{key}: the target is written as a sentence; kehoach reads its figure as {}",
            target.display(lang)
        ),
    )
    .at(span)
    .label(msg!(lang, "đọc là {}", "read as {}", target.display(lang)))
    .indicator(key)
    .help(msg!(
        lang,
        "ghi `target: \"{syntax}\"` và chuyển câu sang `text:` (câu văn sẽ được in trong văn bản): `text: \"{text}\"`",
        "write `target: \"{syntax}\"` and move the sentence to `text:` (the wording the document prints): `text: \"{text}\"`"
    ))
}
