//! The index: normalised field text per document, and posting lists that narrow candidates.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use serde::{Deserialize, Serialize};

use crate::document::{Document, FieldKind};
use crate::query::Query;
use crate::score::{Bm25, weight};
use crate::tokenize::{Key, Need, keys, needs, normalize};

/// Identifies a document in an [`Index`]: the order in which it was added, from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocId(pub u32);

/// One document found by a search.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// The document.
    pub doc: DocId,
    /// BM25 relevance; higher is better. Zero for a query made only of exclusions.
    pub score: f32,
}

/// A fast hasher for integer keys: FxHash mixing with a finaliser, so that bigram keys, whose
/// low bits are only the second character, still spread over the table.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

pub(crate) type Map<K, V> = HashMap<K, V, BuildHasherDefault<KeyHasher>>;

/// A document as the index keeps it: the normalised text of each non-empty field.
#[derive(Clone, Serialize, Deserialize)]
struct Stored {
    fields: Vec<(FieldKind, String)>,
    /// Characters of normalised text, over all fields.
    len: u32,
}

/// A full-text index over [`Document`]s with exact substring matching.
///
/// Posting lists map each unigram and bigram of Han (and other non-word) characters, and each
/// whole Latin word or number, to the sorted ids of the documents containing it. They only
/// narrow the candidates; every candidate is then checked against its normalised text, so a
/// hit always really contains every term.
///
/// Removing a document leaves its id in the posting lists, where searches skip it; ids are
/// never reused. Rebuild the index to reclaim the space after removing many documents.
#[derive(Clone, Default, Serialize, Deserialize)]
pub struct Index {
    docs: Vec<Option<Stored>>,
    grams: Map<u64, Vec<u32>>,
    words: Map<String, Vec<u32>>,
    live: u32,
    total_len: u64,
}

impl fmt::Debug for Index {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The posting lists run to millions of entries: show their size, not their content.
        f.debug_struct("Index")
            .field("docs", &self.live)
            .field("ids", &self.docs.len())
            .field("grams", &self.grams.len())
            .field("words", &self.words.len())
            .finish()
    }
}

fn post(list: &mut Vec<u32>, id: u32) {
    if list.last() != Some(&id) {
        list.push(id);
    }
}

/// The sorted, deduplicated union of some posting lists.
fn union<'a>(lists: impl Iterator<Item = &'a Vec<u32>>) -> Vec<u32> {
    let mut all: Vec<u32> = lists.flatten().copied().collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// Non-overlapping occurrences of `needle` in `hay`.
fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

impl Index {
    /// Creates an empty index.
    pub fn new() -> Index {
        Index::default()
    }

    /// Adds a document and returns its id.
    ///
    /// # Panics
    ///
    /// When more than `u32::MAX` documents have been added.
    pub fn add(&mut self, doc: &Document) -> DocId {
        let id = u32::try_from(self.docs.len()).expect("an index holds at most u32::MAX documents");
        let mut fields = Vec::with_capacity(doc.fields.len());
        let mut len = 0u32;
        for field in &doc.fields {
            let text = normalize(&field.text);
            if text.is_empty() {
                continue;
            }
            len = len.saturating_add(u32::try_from(text.chars().count()).unwrap_or(u32::MAX));
            keys(&text, |key| match key {
                Key::Gram(gram) => post(self.grams.entry(gram).or_default(), id),
                Key::Word(range) => {
                    let word = &text[range];
                    match self.words.get_mut(word) {
                        Some(list) => post(list, id),
                        None => {
                            self.words.insert(word.to_string(), vec![id]);
                        }
                    }
                }
            });
            fields.push((field.kind, text));
        }
        self.docs.push(Some(Stored { fields, len }));
        self.live += 1;
        self.total_len += u64::from(len);
        DocId(id)
    }

    /// Removes a document; returns whether it was there.
    pub fn remove(&mut self, doc: DocId) -> bool {
        let Some(stored) = self.docs.get_mut(doc.0 as usize).and_then(Option::take) else {
            return false;
        };
        self.live -= 1;
        self.total_len -= u64::from(stored.len);
        true
    }

    /// Whether the index holds this document.
    pub fn contains(&self, doc: DocId) -> bool {
        self.stored(doc.0).is_some()
    }

    /// Number of documents in the index.
    pub fn len(&self) -> usize {
        self.live as usize
    }

    /// Whether the index holds no documents.
    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    fn stored(&self, id: u32) -> Option<&Stored> {
        self.docs.get(id as usize).and_then(Option::as_ref)
    }

    /// Finds the documents matching a query, best first.
    ///
    /// Hits are sorted by score (descending), then by id. A query without terms finds nothing
    /// (the app shows everything instead); a query made only of exclusions finds every
    /// document that contains none of them, all with score zero.
    pub fn search(&self, query: &Query) -> Vec<Hit> {
        self.search_where(query, |_| true)
    }

    /// Like [`Index::search`], but keeps only documents for which `allowed` returns true.
    ///
    /// Scores do not depend on the filter: term statistics come from the whole index, so
    /// narrowing by facets never reorders the hits that remain.
    pub fn search_where(&self, query: &Query, allowed: impl Fn(DocId) -> bool) -> Vec<Hit> {
        if query.is_empty() {
            return Vec::new();
        }
        let stats = Bm25::new(self.live, self.total_len);
        let mut found: Option<Vec<(u32, f32)>> = None;
        for term in query.required() {
            let matches = self.matches(&term.normalized);
            let idf = stats.idf(matches.len());
            let scored = matches.into_iter().filter_map(|(id, tf)| {
                let len = self.stored(id)?.len;
                Some((id, stats.term(idf, tf, len)))
            });
            found = Some(match found {
                None => scored.collect(),
                Some(before) => {
                    let now: Vec<(u32, f32)> = scored.collect();
                    before
                        .into_iter()
                        .filter_map(|(id, s)| {
                            let i = now.binary_search_by_key(&id, |&(d, _)| d).ok()?;
                            Some((id, s + now[i].1))
                        })
                        .collect()
                }
            });
            if found.as_ref().is_some_and(Vec::is_empty) {
                return Vec::new();
            }
        }
        let mut found = found.unwrap_or_else(|| {
            let live = self.docs.iter().enumerate().filter(|(_, d)| d.is_some());
            live.map(|(i, _)| (i as u32, 0.0)).collect()
        });
        for term in query.excluded() {
            let candidates = self.candidates(&term.normalized);
            found.retain(|&(id, _)| {
                candidates.binary_search(&id).is_err()
                    || self.weighted_tf(id, &term.normalized) == 0.0
            });
        }
        let mut hits: Vec<Hit> = found
            .into_iter()
            .map(|(id, score)| Hit {
                doc: DocId(id),
                score,
            })
            .filter(|hit| allowed(hit.doc))
            .collect();
        hits.sort_unstable_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        hits
    }

    /// Every live document containing the normalised term, with its weighted term frequency.
    fn matches(&self, term: &str) -> Vec<(u32, f32)> {
        let candidates = self.candidates(term);
        candidates
            .into_iter()
            .filter_map(|id| {
                let tf = self.weighted_tf(id, term);
                (tf > 0.0).then_some((id, tf))
            })
            .collect()
    }

    /// Occurrences of the normalised term in a document, each weighted by its field.
    fn weighted_tf(&self, id: u32, term: &str) -> f32 {
        let Some(stored) = self.stored(id) else {
            return 0.0;
        };
        let each = stored
            .fields
            .iter()
            .map(|(kind, text)| weight(*kind) * count(text, term) as f32);
        each.sum()
    }

    /// The sorted ids of documents that may contain the normalised term: a superset of those
    /// that do.
    fn candidates(&self, term: &str) -> Vec<u32> {
        let mut lists: Vec<Cow<'_, [u32]>> = Vec::new();
        for need in needs(term) {
            let list = match need {
                Need::Gram(gram) => self.grams.get(&gram).map(|l| Cow::Borrowed(l.as_slice())),
                Need::Word(word) => self.words.get(word).map(|l| Cow::Borrowed(l.as_slice())),
                Need::WordEndingWith(part) => self.words_where(|w| w.ends_with(part)),
                Need::WordStartingWith(part) => self.words_where(|w| w.starts_with(part)),
                Need::WordContaining(part) => self.words_where(|w| w.contains(part)),
            };
            match list {
                Some(list) if !list.is_empty() => lists.push(list),
                _ => return Vec::new(),
            }
        }
        lists.sort_unstable_by_key(|l| l.len());
        let mut lists = lists.into_iter();
        let Some(first) = lists.next() else {
            return Vec::new();
        };
        let mut result = first.into_owned();
        for list in lists {
            result.retain(|id| list.binary_search(id).is_ok());
        }
        result
    }

    /// The documents containing any word that satisfies `test`.
    ///
    /// A scan of the vocabulary: Latin words and numbers are few in Chinese text.
    fn words_where(&self, test: impl Fn(&str) -> bool) -> Option<Cow<'_, [u32]>> {
        let lists = self.words.iter().filter(|(w, _)| test(w)).map(|(_, l)| l);
        Some(Cow::Owned(union(lists)))
    }
}
