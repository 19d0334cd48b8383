//! Where a message's lines may break when miette wraps them: the Unicode line-breaking
//! algorithm that textwrap runs (its default word separator), remembered per line. A rule's
//! help text is the same for every finding of that rule, and finding its breaks again was
//! about a sixth of a human-format run. Only the positions are kept: each word is rebuilt
//! from the same slice of the line, so the wrapping is the same as without the memory.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use textwrap::WordSeparator;
use textwrap::core::Word;

/// The word separator to hand miette: textwrap's default, remembered.
pub fn separator() -> WordSeparator {
    WordSeparator::Custom(remembered_words)
}

fn remembered_words(line: &str) -> Box<dyn Iterator<Item = Word<'_>> + '_> {
    // Bounded: a run over many files with distinct messages cannot grow it without limit.
    const MAX_LINES: usize = 4096;
    thread_local! {
        static ENDS: RefCell<HashMap<String, Rc<[usize]>>> = RefCell::new(HashMap::new());
    }
    let ends = ENDS.with(|cache| {
        if let Some(ends) = cache.borrow().get(line) {
            return ends.clone();
        }
        let ends: Rc<[usize]> = word_ends(line).into();
        let mut cache = cache.borrow_mut();
        if cache.len() >= MAX_LINES {
            cache.clear();
        }
        cache.insert(line.to_string(), ends.clone());
        ends
    });
    let mut start = 0;
    Box::new((0..ends.len()).map(move |i| {
        let word = Word::from(&line[start..ends[i]]);
        start = ends[i];
        word
    }))
}

/// Where each word textwrap's default separator finds in `line` ends. Its words are
/// consecutive slices of the line (`Word::from` of each), with no penalty.
fn word_ends(line: &str) -> Vec<usize> {
    WordSeparator::new()
        .find_words(line)
        .map(|w| {
            debug_assert!(w.penalty.is_empty());
            w.word.as_ptr() as usize - line.as_ptr() as usize + w.word.len() + w.whitespace.len()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_words_are_textwrap_s_own() {
        let lines = [
            "",
            "the source is only part of the document, so whether the plan has this section is unknown; add it once the full text is at hand",
            "chỉ tiêu `Ít nhất 70%` thấp hơn mức quốc gia (≥ 80%) — xem Quyết định 1629/QĐ-TTg",
            "Sở Lao động – Thương binh và Xã hội/UBND cấp huyện: kiểm tra 2 lần/năm…  ",
            "\u{1b}[31mred\u{1b}[0m text, and 中文字符 with ideographs",
        ];
        for line in lines {
            for _ in 0..2 {
                let ours: Vec<Word> = remembered_words(line).collect();
                let theirs: Vec<Word> = WordSeparator::new().find_words(line).collect();
                assert_eq!(ours, theirs, "{line:?}");
            }
        }
    }

    #[test]
    fn wrapping_is_unchanged() {
        let text = "the source is only part of the document (`completeness: summary`), so whether the plan sets these targets is unknown; once the full text is at hand, add them under `indicators:` and drop `completeness:`";
        for width in [20, 40, 80, 100] {
            let plain = textwrap::Options::new(width).initial_indent("  help: ");
            let ours = plain.clone().word_separator(separator());
            assert_eq!(textwrap::fill(text, ours), textwrap::fill(text, plain));
        }
    }
}
