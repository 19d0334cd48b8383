//! Match keys of the names and sentences plans write, remembered per thread. The same few
//! hundred names ("Sở Y tế", "Công an tỉnh") recur in every plan and are resolved several
//! times in each, and plans copy the programme's sentences for their targets; folding a text
//! costs far more than looking it up: across a repository of plans, folding names was most
//! of compiling them.

use crate::recall::Recall;
use crate::text::match_key;
use std::cell::RefCell;

/// Calls `f` with [`match_key`] of `name`, folded once per thread and text. `f` must not
/// call this itself (the table is borrowed while it runs).
pub(crate) fn with_match_key<R>(name: &str, f: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        static KEYS: RefCell<Recall<Box<str>>> = RefCell::new(Recall::default());
    }
    KEYS.with(|keys| {
        if let Some(key) = keys.borrow().get(name) {
            return f(key);
        }
        let key = match_key(name);
        let out = f(&key);
        keys.borrow_mut().keep(name, key.into_boxed_str());
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remembered_key_is_the_match_key() {
        for name in ["Sở Y tế", "SỞ Y TẾ", "Uỷ ban nhân dân tỉnh", "Sở Y tế"] {
            assert_eq!(with_match_key(name, str::to_string), match_key(name));
        }
    }
}
