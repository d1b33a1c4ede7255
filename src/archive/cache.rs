//! What an open archive keeps of the files it has fetched, up to a number of bytes per kind.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;

/// Files of the archive kept up to a number of bytes, the least recently used forgotten first
/// (what is forgotten is fetched again when needed), so a long session of searches does not
/// grow the page's memory without end.
#[derive(Debug)]
pub(super) struct Bounded<K, V> {
    map: HashMap<K, V>,
    /// Keys from the least to the most recently used, with their sizes.
    order: VecDeque<(K, usize)>,
    bytes: usize,
    cap: usize,
}

impl<K: Copy + Eq + Hash, V> Bounded<K, V> {
    pub(super) fn new(cap: usize) -> Self {
        Bounded {
            map: HashMap::new(),
            order: VecDeque::new(),
            bytes: 0,
            cap,
        }
    }

    /// Keeps `value` of `size` bytes, forgetting the least recently used others while over
    /// the cap.
    pub(super) fn insert(&mut self, key: K, value: V, size: usize) {
        if self.map.insert(key, value).is_none() {
            self.order.push_back((key, size));
            self.bytes += size;
        }
        while self.bytes > self.cap && self.order.len() > 1 {
            if let Some((old, size)) = self.order.pop_front() {
                self.map.remove(&old);
                self.bytes -= size;
            }
        }
    }

    /// A kept value, now the most recently used.
    pub(super) fn get(&mut self, key: &K) -> Option<&V> {
        let at = self.order.iter().position(|(k, _)| k == key)?;
        if let Some(entry) = self.order.remove(at) {
            self.order.push_back(entry);
        }
        self.map.get(key)
    }

    pub(super) fn map(&self) -> &HashMap<K, V> {
        &self.map
    }
}

/// How many bytes of each kind of file an open archive keeps (decompressed): a search needs a
/// few hundred KB of shards and blocks, an opened article one record chunk of about 50 KB. At
/// these sizes nothing is fetched twice in a session of a couple of thousand searches; half of
/// them would cut the page's memory by a fifth there, for two fifths more downloaded.
pub(super) const SHARD_CACHE: usize = 8 << 20;
pub(super) const BLOCK_CACHE: usize = 16 << 20;
pub(super) const RECORD_CACHE: usize = 4 << 20;

#[cfg(test)]
mod tests {
    use super::Bounded;

    #[test]
    fn a_bounded_cache_forgets_the_least_recently_used_files_first() {
        let mut cache = Bounded::new(100);
        cache.insert(1, "a", 40);
        cache.insert(2, "b", 40);
        assert_eq!(cache.map().len(), 2);
        assert_eq!(cache.get(&1), Some(&"a"));
        cache.insert(3, "c", 40);
        assert!(
            !cache.map().contains_key(&2),
            "over the cap: the least recently used goes"
        );
        assert_eq!(cache.map().get(&1), Some(&"a"));
        assert_eq!(cache.map().get(&3), Some(&"c"));
        assert_eq!(cache.bytes, 80);
        assert_eq!(cache.get(&2), None);
        // A file larger than the cap is still kept, alone, until the next one comes.
        cache.insert(4, "d", 500);
        assert_eq!(cache.map().keys().collect::<Vec<_>>(), [&4]);
        cache.insert(5, "e", 10);
        assert_eq!(cache.map().keys().collect::<Vec<_>>(), [&5]);
        assert_eq!(cache.bytes, 10);
    }
}
