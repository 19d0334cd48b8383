//! Match keys of the names and sentences plans write, remembered per thread, and the hasher
//! for the tables looked up by them. The same few hundred names ("Sở Y tế", "Công an tỉnh")
//! recur in every plan and are resolved several times in each, and plans copy the
//! programme's sentences for their targets; folding a text costs far more than looking it
//! up: across a repository of plans, folding names was most of compiling them.

use crate::text::match_key;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

/// Calls `f` with [`match_key`] of `name`, folded once per thread and text. `f` must not
/// call this itself (the table is borrowed while it runs).
pub(crate) fn with_match_key<R>(name: &str, f: impl FnOnce(&str) -> R) -> R {
    // Enough for every spelling and target sentence in a large repository; past it the table
    // starts afresh, so a stream of distinct texts cannot grow it without bound.
    const MAX_KEPT: usize = 4096;
    type Keys = HashMap<Box<str>, Box<str>, BuildNameHasher>;
    thread_local! {
        static KEYS: RefCell<Keys> = RefCell::new(HashMap::default());
    }
    KEYS.with(|keys| {
        if let Some(key) = keys.borrow().get(name) {
            return f(key);
        }
        let key = match_key(name);
        let out = f(&key);
        let mut keys = keys.borrow_mut();
        if keys.len() >= MAX_KEPT {
            keys.clear();
        }
        keys.insert(name.into(), key.into_boxed_str());
        out
    })
}

/// Hashes short strings eight bytes at a time with one rotate, xor and multiply each (the
/// step of rustc's FxHash). The keys are names of a few dozen bytes, where SipHash cost more
/// than the rest of the lookup; the tables are bounded, so colliding names only cost time.
#[derive(Clone, Copy, Default, Debug)]
pub(super) struct BuildNameHasher;

impl BuildHasher for BuildNameHasher {
    type Hasher = NameHasher;
    fn build_hasher(&self) -> NameHasher {
        NameHasher(0)
    }
}

pub(super) struct NameHasher(u64);

impl NameHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for NameHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            self.add(u64::from_le_bytes(w.try_into().expect("eight bytes")));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
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

    #[test]
    fn names_differing_in_their_last_bytes_hash_apart() {
        let hash = |s: &str| BuildNameHasher.hash_one(s);
        assert_ne!(hash("Sở Y tế tỉnh A"), hash("Sở Y tế tỉnh B"));
        assert_ne!(hash("abcdefgh"), hash("abcdefgh\0"));
    }
}
