//! A bounded memory of values worked out from a text, for one thread: the same agency names,
//! target sentences and messages recur in every plan of a repository, and looking one up
//! costs far less than folding, reading or rendering it again. Bounded, so that a stream of
//! distinct texts cannot grow it without limit; past the bound it starts afresh.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

/// Texts kept before the memory starts afresh: enough for every spelling, sentence and
/// message of a large repository.
const MAX_KEPT: usize = 4096;

/// Values by the text they were worked out from.
pub struct Recall<V> {
    kept: HashMap<Box<str>, V, BuildNameHasher>,
}

impl<V> Default for Recall<V> {
    fn default() -> Self {
        Recall {
            kept: HashMap::default(),
        }
    }
}

impl<V> Recall<V> {
    pub fn get(&self, text: &str) -> Option<&V> {
        self.kept.get(text)
    }

    /// Keeps `value` for `text`, forgetting everything first when the memory is full.
    pub fn keep(&mut self, text: &str, value: V) {
        if self.kept.len() >= MAX_KEPT {
            self.kept.clear();
        }
        self.kept.insert(text.into(), value);
    }
}

/// Hashes short strings eight bytes at a time with one rotate, xor and multiply each (the
/// step of rustc's FxHash). The keys are names of a few dozen bytes, where SipHash cost more
/// than the rest of the lookup; the tables are bounded, so colliding names only cost time.
#[derive(Clone, Copy, Default, Debug)]
pub struct BuildNameHasher;

impl BuildHasher for BuildNameHasher {
    type Hasher = NameHasher;
    fn build_hasher(&self) -> NameHasher {
        NameHasher(0)
    }
}

pub struct NameHasher(u64);

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
    fn names_differing_in_their_last_bytes_hash_apart() {
        let hash = |s: &str| BuildNameHasher.hash_one(s);
        assert_ne!(hash("Sở Y tế tỉnh A"), hash("Sở Y tế tỉnh B"));
        assert_ne!(hash("abcdefgh"), hash("abcdefgh\0"));
    }

    #[test]
    fn a_full_memory_starts_afresh() {
        let mut r = Recall::default();
        for i in 0..MAX_KEPT {
            r.keep(&i.to_string(), i);
        }
        assert_eq!(r.get("7"), Some(&7));
        r.keep("one more", 0);
        assert_eq!((r.get("7"), r.get("one more")), (None, Some(&0)));
    }
}
