//! A fast hash for the sets and maps a query works with, keyed by record and term numbers, and
//! for the words the index build and topic discovery count.
//!
//! std's default hash (SipHash) guards against inputs built to collide, which costs more than
//! the lookups themselves here; keys that come from our own index, or from the corpus being
//! built, need no such guard.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Multiplies in each word of the key: spreads small integers over the high bits that hash
/// tables use.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

const K: u64 = 0x517c_c1b7_2722_0a95;

impl IdHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

pub type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;
pub type IdSet<K> = HashSet<K, BuildHasherDefault<IdHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_and_maps_work_with_it() {
        let set: IdSet<u32> = (0..1000).collect();
        assert!((0..1000).all(|n| set.contains(&n)));
        assert!(!set.contains(&1000));
        let mut map: IdMap<(u32, u8), usize> = IdMap::default();
        map.insert((7, 2), 1);
        map.insert((2, 7), 2);
        assert_eq!(map[&(7, 2)], 1);
        assert_eq!(map[&(2, 7)], 2);
    }
}
