//! The keys of a query: which unigrams and bigrams each term needs, and what a search knows
//! of each key: its blocks and, once loaded, their postings.

use std::ops::Range;

use super::codec::{List, Reader};
use super::format::{ArchiveError, Layer};
use crate::tokenize::{bigram, unigram};

/// One block of a key as a search knows it: its document range, its file (none for a list
/// kept in the shard) and, once loaded, its postings.
#[derive(Debug, Clone)]
pub(super) struct Block {
    pub(super) first: u32,
    pub(super) last: u32,
    pub(super) file: Option<u32>,
    pub(super) list: Option<List>,
    /// Bytes of postings in the loaded file.
    pub(super) bytes: usize,
}

/// A key a query needs.
#[derive(Debug, Clone)]
pub(super) struct KeyState {
    pub(super) layer: Layer,
    pub(super) blocks: Vec<Block>,
}

impl KeyState {
    /// Reads a key's entry from its shard; a key the shard lacks has no blocks.
    pub(super) fn read(layer: Layer, entry: Option<&[u8]>) -> Result<KeyState, ArchiveError> {
        let mut blocks = Vec::new();
        if let Some(entry) = entry {
            let mut r = Reader::new(entry);
            match r.get()? {
                0 => {
                    let count = r.get()?;
                    let list = List::decode(layer, count, r.rest())?;
                    if let (Some(&first), Some(&last)) = (list.docs.first(), list.docs.last()) {
                        blocks.push(Block {
                            first,
                            last,
                            file: None,
                            list: Some(list),
                            bytes: 0,
                        });
                    }
                }
                1 => {
                    let n = r.get()?;
                    let mut file = r.get32()?;
                    let mut last = 0u32;
                    for i in 0..n {
                        let gap = r.get32()?;
                        let first = last
                            .checked_add(gap)
                            .filter(|_| i == 0 || gap > 0)
                            .ok_or(ArchiveError::Corrupt("blocks out of order"))?;
                        last = first
                            .checked_add(r.get32()?)
                            .ok_or(ArchiveError::Corrupt("block range overflow"))?;
                        blocks.push(Block {
                            first,
                            last,
                            file: Some(file),
                            list: None,
                            bytes: 0,
                        });
                        file = file
                            .checked_add(1)
                            .ok_or(ArchiveError::Corrupt("block number overflow"))?;
                    }
                }
                _ => return Err(ArchiveError::Corrupt("unknown entry kind")),
            }
        }
        Ok(KeyState { layer, blocks })
    }

    /// Whether every block holding documents in `range` is loaded.
    pub(super) fn known_in(&self, range: &Range<u32>) -> bool {
        self.blocks[..self.blocks_below(range.end)]
            .iter()
            .filter(|b| b.last >= range.start)
            .all(|b| b.list.is_some())
    }

    /// How many blocks may hold documents in `range`.
    pub(super) fn blocks_in(&self, range: &Range<u32>) -> usize {
        self.blocks[..self.blocks_below(range.end)]
            .iter()
            .filter(|b| b.last >= range.start)
            .count()
    }

    /// The loaded postings in `window`.
    pub(super) fn within(&self, window: &Range<u32>) -> Entries<'_> {
        let mut out = Vec::new();
        for b in &self.blocks {
            if b.last < window.start || b.first >= window.end {
                continue;
            }
            let Some(list) = &b.list else { continue };
            let from = list.docs.partition_point(|&d| d < window.start);
            let to = list.docs.partition_point(|&d| d < window.end);
            out.extend((from..to).map(|i| (list, i)));
        }
        Entries(out)
    }

    /// How many blocks start below `hi` (blocks run in document order).
    pub(super) fn blocks_below(&self, hi: u32) -> usize {
        self.blocks.partition_point(|b| b.first < hi)
    }

    /// How many documents in `range` hold the key, when every block there is loaded.
    pub(super) fn count_in(&self, range: &Range<u32>) -> Option<u64> {
        let mut n = 0;
        for b in self
            .blocks
            .iter()
            .filter(|b| b.last >= range.start && b.first < range.end)
        {
            let docs = &b.list.as_ref()?.docs;
            n += (docs.partition_point(|&d| d < range.end)
                - docs.partition_point(|&d| d < range.start)) as u64;
        }
        Some(n)
    }

    /// About how many documents below `hi` hold the key: exact in loaded blocks. Blocks are
    /// cut once they reach `block_bytes`, so a block not loaded holds about as many documents
    /// as that many bytes of the loaded ones do (and how far apart the blocks' ranges lie shows
    /// how the key's frequency changes through the archive). `None` before any is loaded.
    pub(super) fn count_below(&self, hi: u32, block_bytes: u32) -> Option<u64> {
        let (docs, bytes) = self
            .blocks
            .iter()
            .filter_map(|b| Some((b.list.as_ref()?.docs.len(), b.bytes)))
            .fold((0u64, 0u64), |(d, n), (docs, bytes)| {
                (d + docs as u64, n + bytes as u64)
            });
        let full = (docs * u64::from(block_bytes)).checked_div(bytes);
        let mut n = 0;
        for b in self.blocks.iter().filter(|b| b.first < hi) {
            n += match &b.list {
                Some(list) => list.docs.partition_point(|&d| d < hi) as u64,
                // A block reaching past `hi`: the part below it, by its share of the range.
                None => {
                    full? * u64::from(hi.min(b.last + 1) - b.first)
                        / u64::from(b.last - b.first + 1)
                }
            };
        }
        Some(n)
    }
}

/// A key's loaded postings over some documents: (list, index) of each document, ascending.
pub(super) struct Entries<'a>(Vec<(&'a List, usize)>);

impl Entries<'_> {
    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    /// The documents, ascending.
    pub(super) fn docs(&self) -> impl DoubleEndedIterator<Item = u32> + '_ {
        self.0.iter().map(|&(list, i)| list.docs[i])
    }

    /// A document's positions, if the key occurs in it.
    pub(super) fn find(&self, doc: u32) -> Option<&[u32]> {
        let j = self
            .0
            .binary_search_by_key(&doc, |&(list, i)| list.docs[i])
            .ok()?;
        let (list, i) = self.0[j];
        Some(list.positions(i))
    }
}

/// A term as keys: indexes into the search's keys with each one's offset in the term.
#[derive(Debug, Clone)]
pub(super) struct TermKeys {
    pub(super) exclude: bool,
    pub(super) keys: Vec<(usize, u32)>,
}

/// The keys of a normalised term, each with its layer and its offset in the term: a single
/// character's unigram, or a cover of the bigrams of a longer term.
pub(super) fn keys_of(term: &str) -> Vec<(Layer, u64, u32)> {
    let chars: Vec<char> = term.chars().collect();
    match chars.as_slice() {
        [] => Vec::new(),
        [c] => vec![(Layer::Docs, unigram(*c), 0)],
        _ => cover(chars.len())
            .map(|at| {
                let key = bigram(chars[at], chars[at + 1]);
                (Layer::Positions, key, at as u32)
            })
            .collect(),
    }
}

/// Where the bigrams of a term of `len` ≥ 2 characters start that cover every character:
/// 0, 2, 4, … and `len - 2`.
fn cover(len: usize) -> impl Iterator<Item = usize> {
    let last = len.saturating_sub(2);
    (0..=last).step_by(2).chain((last % 2 == 1).then_some(last))
}

#[cfg(test)]
mod tests {
    use super::cover;

    #[test]
    fn a_cover_takes_every_second_bigram_and_the_last() {
        let of = |len| cover(len).collect::<Vec<_>>();
        assert_eq!(of(2), [0]);
        assert_eq!(of(3), [0, 1]);
        assert_eq!(of(4), [0, 2]);
        assert_eq!(of(5), [0, 2, 3]);
        assert_eq!(of(6), [0, 2, 4]);
        for len in 2..40 {
            let starts = of(len);
            // Every character lies in a bigram of the cover, and no bigram is read twice.
            assert!((0..len).all(|c| starts.iter().any(|&s| s == c || s + 1 == c)));
            assert!(starts.windows(2).all(|w| w[0] < w[1]));
            assert_eq!(starts.len(), len.div_ceil(2));
        }
    }
}
