//! A static, sharded form of the index for archives too large to download whole.
//!
//! An archive of ten years of a daily paper holds hundreds of thousands of articles. Its
//! index is split into files a static server can serve, and a browser fetches only those a
//! query needs:
//!
//! - `manifest.json` ([`Manifest`]): counts, shard counts, the record and card chunk sizes,
//!   the field weights, the hash that places keys in shards;
//! - `lengths.bin`: the normalised length of every document (LEB128 varints, in id order),
//!   which BM25 needs; loaded once with the manifest;
//! - `docs/NNNN.bin`: for every unigram and bigram key, the documents containing it with the
//!   key's weighted frequency in each;
//! - `positions/NNNN.bin`: for every bigram key, the documents, fields and character positions
//!   where it occurs.
//!
//! Keys are the unigrams and bigrams of each field's normalised text (every character,
//! Latin and digits included, so no vocabulary scan is ever needed), and a key lives in shard
//! `mix(key) % shards` of its layer. A term of one or two characters is answered from its one
//! `docs` key: a document holds the key exactly when a field contains the term. A longer term
//! is verified from positions alone: it occurs where a cover of its bigrams (those starting at
//! 0, 2, 4, … and the last one) stands at the right offsets in the same field. So matching is
//! exact without any article text, and results and scores equal those of
//! [`Index`](crate::Index) over the same documents.
//!
//! Postings are delta-coded LEB128: document ids as gaps, and within a document the field
//! ordinal gap and kind, the occurrence count and the position gaps.
//!
//! A search goes in two steps, so the caller decides how to fetch:
//!
//! ```
//! use std::collections::HashMap;
//! use kanbao_search::{ArchiveBuilder, ArchiveIndex, Document, FieldKind, Query, Shard};
//!
//! let mut builder = ArchiveBuilder::new(256, 32);
//! builder.add(&Document::new().with(FieldKind::Title, "港城标兵作表率"));
//! builder.add(&Document::new().with(FieldKind::Title, "航天港 新城"));
//! let archive = builder.finish(64 * 1024);
//!
//! let index = ArchiveIndex::new(archive.manifest.clone(), &archive.lengths).unwrap();
//! let query = Query::parse("港城标兵");
//! let mut shards = HashMap::new();
//! for id in index.plan(&query) {
//!     // A browser fetches `index/{id.path()}` here.
//!     let bytes = archive.shard(id).unwrap();
//!     shards.insert(id, Shard::decode(bytes).unwrap());
//! }
//! let hits = index.search(&query, &shards).unwrap();
//! assert_eq!(hits.len(), 1);
//! assert_eq!(hits[0].doc.0, 0);
//! ```

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::document::{Document, FieldKind};
use crate::index::{DocId, Hit};
use crate::query::Query;
use crate::score::{Bm25, weight};
use crate::tokenize::{bigram, normalize, unigram};

/// The format tag written into every [`Manifest`].
pub const ARCHIVE_FORMAT: &str = "kanbao.archive/2";

/// Magic bytes at the start of every shard file.
const MAGIC: &[u8; 4] = b"KBA1";

/// The two kinds of shard file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    /// Documents and weighted frequency of every unigram and bigram.
    Docs,
    /// Fields and positions of every bigram.
    Positions,
}

impl Layer {
    fn dir(self) -> &'static str {
        match self {
            Layer::Docs => "docs",
            Layer::Positions => "positions",
        }
    }

    fn code(self) -> u8 {
        match self {
            Layer::Docs => 0,
            Layer::Positions => 1,
        }
    }
}

/// One shard file of an archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ShardId {
    /// Which layer.
    pub layer: Layer,
    /// Its number within the layer.
    pub n: u32,
}

impl ShardId {
    /// The file's path relative to the index directory, such as `docs/0012.bin`.
    pub fn path(&self) -> String {
        format!("{}/{:04}.bin", self.layer.dir(), self.n)
    }
}

/// What a reader loads first: everything needed to plan a query.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// Always [`ARCHIVE_FORMAT`].
    pub format: String,
    /// Number of documents; ids run from 0.
    pub docs: u32,
    /// Characters of normalised text over all documents (BM25's average length).
    pub total_len: u64,
    /// Number of `docs/` shards.
    pub doc_shards: u32,
    /// Number of `positions/` shards.
    pub position_shards: u32,
    /// Documents per record chunk: document `i` is record `i % chunk_size` of chunk
    /// `i / chunk_size`.
    pub chunk_size: u32,
    /// Number of record chunks.
    pub chunks: u32,
    /// Documents per card chunk: the card (what a result list shows of an article) of
    /// document `i` is card `i % card_chunk_size` of card chunk `i / card_chunk_size`.
    pub card_chunk_size: u32,
    /// Number of card chunks.
    pub card_chunks: u32,
    /// The ranking weight of each field kind.
    pub weights: Vec<(FieldKind, f32)>,
    /// How keys are placed in shards.
    pub hash: String,
    /// Bytes of the files as stored, for planning and reporting: `lengths.bin`, then the
    /// `docs/` and `positions/` shards in order.
    pub sizes: Sizes,
    /// How every file but the manifest is stored.
    #[serde(default)]
    pub compression: Compression,
}

/// How an archive's files are stored. A compressed file's name ends in the compression's
/// [`suffix`](Compression::suffix) (`docs/0012.bin.gz`); its content, once decompressed, is
/// what this module describes. [`ArchiveBuilder`] yields the bytes uncompressed; whoever writes
/// the files compresses them and says so here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Compression {
    /// Stored as is.
    #[default]
    None,
    /// gzip (RFC 1952), which browsers decompress natively (`DecompressionStream`).
    Gzip,
}

impl Compression {
    /// What the name of a stored file adds: `""` or `".gz"`.
    pub fn suffix(self) -> &'static str {
        match self {
            Compression::None => "",
            Compression::Gzip => ".gz",
        }
    }
}

/// Byte sizes of an archive's index files.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Sizes {
    /// `lengths.bin`.
    pub lengths: u64,
    /// Each `docs/` shard.
    pub docs: Vec<u64>,
    /// Each `positions/` shard.
    pub positions: Vec<u64>,
}

impl Sizes {
    /// The size of one shard file, if it exists.
    pub fn of(&self, id: ShardId) -> Option<u64> {
        let list = match id.layer {
            Layer::Docs => &self.docs,
            Layer::Positions => &self.positions,
        };
        list.get(id.n as usize).copied()
    }
}

/// Why an archive could not be read or searched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArchiveError {
    /// The manifest is of another format or version.
    Format(String),
    /// A file ends early or holds bytes that are not a valid encoding.
    Corrupt(&'static str),
    /// The search was given no shard for an id its plan asks for.
    MissingShard(ShardId),
}

impl fmt::Display for ArchiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArchiveError::Format(found) => {
                write!(f, "not a {ARCHIVE_FORMAT} archive (found {found:?})")
            }
            ArchiveError::Corrupt(what) => write!(f, "corrupt archive file: {what}"),
            ArchiveError::MissingShard(id) => write!(f, "shard {} was not loaded", id.path()),
        }
    }
}

impl std::error::Error for ArchiveError {}

/// The hash that places a key in a shard: SplitMix64's finaliser.
fn mix(key: u64) -> u64 {
    let mut z = key;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn shard_of(key: u64, shards: u32) -> u32 {
    (mix(key) % u64::from(shards.max(1))) as u32
}

fn put(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Reads LEB128 varints from a byte slice.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }

    fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    fn get(&mut self) -> Result<u64, ArchiveError> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let Some(&b) = self.bytes.get(self.at) else {
                return Err(ArchiveError::Corrupt("a number runs past the end"));
            };
            self.at += 1;
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(n);
            }
        }
        Err(ArchiveError::Corrupt("a number is too long"))
    }

    fn get32(&mut self) -> Result<u32, ArchiveError> {
        u32::try_from(self.get()?).map_err(|_| ArchiveError::Corrupt("a number is too large"))
    }
}

fn kind_code(kind: FieldKind) -> u64 {
    match kind {
        FieldKind::Title => 0,
        FieldKind::Heading => 1,
        FieldKind::Byline => 2,
        FieldKind::Body => 3,
        FieldKind::Caption => 4,
        FieldKind::Meta => 5,
    }
}

fn kind_of(code: u64) -> Result<FieldKind, ArchiveError> {
    Ok(match code {
        0 => FieldKind::Title,
        1 => FieldKind::Heading,
        2 => FieldKind::Byline,
        3 => FieldKind::Body,
        4 => FieldKind::Caption,
        5 => FieldKind::Meta,
        _ => return Err(ArchiveError::Corrupt("unknown field kind")),
    })
}

/// Twice a field's weight: weights are multiples of one half, so frequencies stay integers.
fn weight2(kind: FieldKind) -> u32 {
    (weight(kind) * 2.0) as u32
}

const ALL_KINDS: [FieldKind; 6] = [
    FieldKind::Title,
    FieldKind::Heading,
    FieldKind::Byline,
    FieldKind::Body,
    FieldKind::Caption,
    FieldKind::Meta,
];

/// A posting list under construction: documents are appended in id order.
#[derive(Debug, Default)]
struct Postings {
    count: u32,
    last: Option<u32>,
    bytes: Vec<u8>,
}

impl Postings {
    fn start(&mut self, doc: u32) {
        let gap = match self.last {
            Some(last) => doc - last,
            None => doc,
        };
        put(&mut self.bytes, u64::from(gap));
        self.last = Some(doc);
        self.count += 1;
    }
}

/// Occurrences of one bigram in one field of the document being added.
#[derive(Debug)]
struct Group {
    ord: u32,
    kind: FieldKind,
    positions: Vec<u32>,
}

/// Builds an archive index from documents added in id order.
#[derive(Debug)]
pub struct ArchiveBuilder {
    docs: HashMap<u64, Postings>,
    positions: HashMap<u64, Postings>,
    lengths: Vec<u8>,
    count: u32,
    total_len: u64,
    chunk_size: u32,
    card_chunk_size: u32,
}

/// A built archive index: the bytes of each file.
#[derive(Debug, Clone)]
pub struct Archive {
    /// `manifest.json`'s content.
    pub manifest: Manifest,
    /// `lengths.bin`.
    pub lengths: Vec<u8>,
    /// `docs/NNNN.bin`, by number.
    pub doc_shards: Vec<Vec<u8>>,
    /// `positions/NNNN.bin`, by number.
    pub position_shards: Vec<Vec<u8>>,
}

impl Archive {
    /// The bytes of one shard file.
    pub fn shard(&self, id: ShardId) -> Option<&[u8]> {
        let list = match id.layer {
            Layer::Docs => &self.doc_shards,
            Layer::Positions => &self.position_shards,
        };
        list.get(id.n as usize).map(Vec::as_slice)
    }

    /// Every shard with its id, in order.
    pub fn shards(&self) -> impl Iterator<Item = (ShardId, &[u8])> {
        let docs = self.doc_shards.iter().enumerate().map(|(n, b)| {
            let id = ShardId {
                layer: Layer::Docs,
                n: n as u32,
            };
            (id, b.as_slice())
        });
        let positions = self.position_shards.iter().enumerate().map(|(n, b)| {
            let id = ShardId {
                layer: Layer::Positions,
                n: n as u32,
            };
            (id, b.as_slice())
        });
        docs.chain(positions)
    }
}

impl ArchiveBuilder {
    /// Starts an archive whose records come in chunks of `chunk_size` documents and whose
    /// cards come in chunks of `card_chunk_size`.
    pub fn new(chunk_size: u32, card_chunk_size: u32) -> ArchiveBuilder {
        ArchiveBuilder {
            docs: HashMap::new(),
            positions: HashMap::new(),
            lengths: Vec::new(),
            count: 0,
            total_len: 0,
            chunk_size: chunk_size.max(1),
            card_chunk_size: card_chunk_size.max(1),
        }
    }

    /// Number of documents added.
    pub fn len(&self) -> u32 {
        self.count
    }

    /// Whether no document was added.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Adds a document and returns its id: the order of adding, from 0, as in
    /// [`Index::add`](crate::Index::add).
    pub fn add(&mut self, doc: &Document) -> DocId {
        let id = self.count;
        let mut freq: HashMap<u64, u32> = HashMap::new();
        let mut groups: HashMap<u64, Vec<Group>> = HashMap::new();
        let mut len = 0u32;
        let mut ord = 0u32;
        for field in &doc.fields {
            let text = normalize(&field.text);
            if text.is_empty() {
                continue;
            }
            let chars: Vec<char> = text.chars().collect();
            len = len.saturating_add(chars.len() as u32);
            let w = weight2(field.kind);
            // Length of the run of equal characters ending at the current one: in a run,
            // only every second `cc` bigram starts a non-overlapping occurrence.
            let mut run = 0u32;
            for (i, &c) in chars.iter().enumerate() {
                *freq.entry(unigram(c)).or_default() += w;
                let Some(&p) = i.checked_sub(1).and_then(|j| chars.get(j)) else {
                    run = 1;
                    continue;
                };
                run = if p == c { run + 1 } else { 1 };
                let key = bigram(p, c);
                if p != c || run.is_multiple_of(2) {
                    *freq.entry(key).or_default() += w;
                }
                let list = groups.entry(key).or_default();
                match list.last_mut() {
                    Some(g) if g.ord == ord => g.positions.push(i as u32 - 1),
                    _ => list.push(Group {
                        ord,
                        kind: field.kind,
                        positions: vec![i as u32 - 1],
                    }),
                }
            }
            ord += 1;
        }
        for (key, f) in freq {
            let p = self.docs.entry(key).or_default();
            p.start(id);
            put(&mut p.bytes, u64::from(f));
        }
        for (key, list) in groups {
            let p = self.positions.entry(key).or_default();
            p.start(id);
            put(&mut p.bytes, list.len() as u64);
            let mut last_ord = 0;
            for g in list {
                put(
                    &mut p.bytes,
                    (u64::from(g.ord - last_ord) << 3) | kind_code(g.kind),
                );
                last_ord = g.ord;
                put(&mut p.bytes, g.positions.len() as u64);
                let mut last = 0;
                for pos in g.positions {
                    put(&mut p.bytes, u64::from(pos - last));
                    last = pos;
                }
            }
        }
        put(&mut self.lengths, u64::from(len));
        self.total_len += u64::from(len);
        self.count += 1;
        DocId(id)
    }

    /// Splits the postings into shards of about `shard_bytes` each and writes the manifest.
    pub fn finish(self, shard_bytes: usize) -> Archive {
        let doc_shards = split(self.docs, Layer::Docs, shard_bytes);
        let position_shards = split(self.positions, Layer::Positions, shard_bytes);
        let sizes = Sizes {
            lengths: self.lengths.len() as u64,
            docs: doc_shards.iter().map(|s| s.len() as u64).collect(),
            positions: position_shards.iter().map(|s| s.len() as u64).collect(),
        };
        let manifest = Manifest {
            format: ARCHIVE_FORMAT.to_string(),
            docs: self.count,
            total_len: self.total_len,
            doc_shards: doc_shards.len() as u32,
            position_shards: position_shards.len() as u32,
            chunk_size: self.chunk_size,
            chunks: self.count.div_ceil(self.chunk_size),
            card_chunk_size: self.card_chunk_size,
            card_chunks: self.count.div_ceil(self.card_chunk_size),
            weights: ALL_KINDS.iter().map(|&k| (k, weight(k))).collect(),
            hash: "splitmix64-finaliser(key) % shards".to_string(),
            sizes,
            compression: Compression::None,
        };
        Archive {
            manifest,
            lengths: self.lengths,
            doc_shards,
            position_shards,
        }
    }
}

/// Encodes postings into shard files: `KBA1`, the layer, the key count, then for each key
/// in ascending order its gap from the previous key, the byte length of its postings, and the
/// postings (document count, then per document the id gap and the layer's data).
fn split(postings: HashMap<u64, Postings>, layer: Layer, shard_bytes: usize) -> Vec<Vec<u8>> {
    let total: usize = postings.values().map(|p| p.bytes.len() + 8).sum();
    let shards = total.div_ceil(shard_bytes.max(1)).max(1) as u32;
    let mut keys: Vec<Vec<(u64, Postings)>> = (0..shards).map(|_| Vec::new()).collect();
    for (key, p) in postings {
        keys[shard_of(key, shards) as usize].push((key, p));
    }
    keys.into_iter()
        .map(|mut list| {
            list.sort_unstable_by_key(|(k, _)| *k);
            let mut out = MAGIC.to_vec();
            out.push(layer.code());
            put(&mut out, list.len() as u64);
            let mut last = 0;
            let mut head = Vec::new();
            for (key, p) in list {
                put(&mut out, key - last);
                last = key;
                head.clear();
                put(&mut head, u64::from(p.count));
                put(&mut out, (head.len() + p.bytes.len()) as u64);
                out.extend_from_slice(&head);
                out.extend_from_slice(&p.bytes);
            }
            out
        })
        .collect()
}

/// One decoded shard file: its keys and where each one's postings are.
#[derive(Clone)]
pub struct Shard {
    layer: Layer,
    bytes: Vec<u8>,
    keys: Vec<(u64, Range<usize>)>,
}

impl fmt::Debug for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Shard")
            .field("layer", &self.layer)
            .field("keys", &self.keys.len())
            .field("bytes", &self.bytes.len())
            .finish()
    }
}

impl Shard {
    /// Reads a shard file.
    pub fn decode(bytes: &[u8]) -> Result<Shard, ArchiveError> {
        let body = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or(ArchiveError::Corrupt("not a shard file"))?;
        let (&code, body) = body
            .split_first()
            .ok_or(ArchiveError::Corrupt("no layer"))?;
        let layer = match code {
            0 => Layer::Docs,
            1 => Layer::Positions,
            _ => return Err(ArchiveError::Corrupt("unknown layer")),
        };
        let mut r = Reader::new(body);
        let n = r.get()?;
        let mut keys = Vec::with_capacity(n.min(1 << 20) as usize);
        let mut key = 0u64;
        for _ in 0..n {
            key = key
                .checked_add(r.get()?)
                .ok_or(ArchiveError::Corrupt("key overflow"))?;
            let len = usize::try_from(r.get()?).map_err(|_| ArchiveError::Corrupt("length"))?;
            let end =
                r.at.checked_add(len)
                    .filter(|&e| e <= body.len())
                    .ok_or(ArchiveError::Corrupt("postings run past the end"))?;
            keys.push((key, r.at..end));
            r.at = end;
        }
        Ok(Shard {
            layer,
            bytes: body.to_vec(),
            keys,
        })
    }

    /// Which layer the shard belongs to.
    pub fn layer(&self) -> Layer {
        self.layer
    }

    /// Number of keys in the shard.
    pub fn keys(&self) -> usize {
        self.keys.len()
    }

    fn postings(&self, key: u64) -> Option<&[u8]> {
        let i = self.keys.binary_search_by_key(&key, |(k, _)| *k).ok()?;
        self.bytes.get(self.keys[i].1.clone())
    }
}

/// A document's occurrences of one bigram: per field (ordinal, kind), positions ascending.
type Occurrences = Vec<(u32, FieldKind, Vec<u32>)>;

/// The reader's side of an archive: plans which shards a query needs, then searches them.
#[derive(Debug, Clone)]
pub struct ArchiveIndex {
    manifest: Manifest,
    lengths: Vec<u32>,
}

impl ArchiveIndex {
    /// Opens an archive from its manifest and `lengths.bin`.
    pub fn new(manifest: Manifest, lengths: &[u8]) -> Result<ArchiveIndex, ArchiveError> {
        if manifest.format != ARCHIVE_FORMAT {
            return Err(ArchiveError::Format(manifest.format));
        }
        let mut r = Reader::new(lengths);
        let mut out = Vec::with_capacity(manifest.docs as usize);
        while !r.done() {
            out.push(r.get32()?);
        }
        if out.len() != manifest.docs as usize {
            return Err(ArchiveError::Corrupt(
                "lengths.bin does not match the manifest",
            ));
        }
        Ok(ArchiveIndex {
            manifest,
            lengths: out,
        })
    }

    /// The manifest.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.lengths.len()
    }

    /// Whether the archive holds no documents.
    pub fn is_empty(&self) -> bool {
        self.lengths.is_empty()
    }

    /// The record chunk holding a document, and the document's place in it.
    pub fn chunk_of(&self, doc: DocId) -> (u32, u32) {
        place(doc, self.manifest.chunk_size)
    }

    /// The card chunk holding a document's card, and the card's place in it.
    pub fn card_of(&self, doc: DocId) -> (u32, u32) {
        place(doc, self.manifest.card_chunk_size)
    }

    /// The shards a query needs, sorted and without duplicates: for each term, the `docs`
    /// shard of its one key when it has one or two characters, otherwise the `positions`
    /// shards of a cover of its bigrams.
    pub fn plan(&self, query: &Query) -> Vec<ShardId> {
        let mut ids: Vec<ShardId> = query
            .terms()
            .iter()
            .flat_map(|t| self.needs(&t.normalized))
            .map(|(id, _, _)| id)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The keys a normalised term needs, each with its shard and its offset in the term.
    ///
    /// A term of three or more characters needs only a cover of bigrams: those starting at
    /// 0, 2, 4, … and, for an odd length, the last one, so every character lies in one of them
    /// (a four-character term reads two position lists, not three).
    fn needs(&self, term: &str) -> Vec<(ShardId, u64, u32)> {
        let chars: Vec<char> = term.chars().collect();
        let docs = |key| {
            let n = shard_of(key, self.manifest.doc_shards);
            (
                ShardId {
                    layer: Layer::Docs,
                    n,
                },
                key,
                0,
            )
        };
        match chars.as_slice() {
            [] => Vec::new(),
            [c] => vec![docs(unigram(*c))],
            [a, b] => vec![docs(bigram(*a, *b))],
            _ => cover(chars.len())
                .map(|at| {
                    let key = bigram(chars[at], chars[at + 1]);
                    let n = shard_of(key, self.manifest.position_shards);
                    let id = ShardId {
                        layer: Layer::Positions,
                        n,
                    };
                    (id, key, at as u32)
                })
                .collect(),
        }
    }

    /// Finds the documents matching a query, best first, from the shards [`plan`] named.
    ///
    /// The results, scores included, are those of [`Index::search`](crate::Index::search)
    /// over the same documents added in the same order.
    ///
    /// [`plan`]: ArchiveIndex::plan
    pub fn search(
        &self,
        query: &Query,
        shards: &HashMap<ShardId, Shard>,
    ) -> Result<Vec<Hit>, ArchiveError> {
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let stats = Bm25::new(self.lengths.len() as u32, self.manifest.total_len);
        let mut found: Option<Vec<(u32, f32)>> = None;
        for term in query.required() {
            let matches = self.matches(&term.normalized, shards)?;
            let idf = stats.idf(matches.len());
            let scored = matches.into_iter().filter_map(|(id, tf)| {
                let len = *self.lengths.get(id as usize)?;
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
                return Ok(Vec::new());
            }
        }
        let mut found =
            found.unwrap_or_else(|| (0..self.lengths.len() as u32).map(|i| (i, 0.0)).collect());
        for term in query.excluded() {
            let matches = self.matches(&term.normalized, shards)?;
            found.retain(|&(id, _)| matches.binary_search_by_key(&id, |&(d, _)| d).is_err());
        }
        let mut hits: Vec<Hit> = found
            .into_iter()
            .map(|(id, score)| Hit {
                doc: DocId(id),
                score,
            })
            .collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        Ok(hits)
    }

    /// Every document containing the normalised term, ascending, with its weighted frequency.
    fn matches(
        &self,
        term: &str,
        shards: &HashMap<ShardId, Shard>,
    ) -> Result<Vec<(u32, f32)>, ArchiveError> {
        let needs = self.needs(term);
        let mut lists = Vec::with_capacity(needs.len());
        for &(id, key, _) in &needs {
            let shard = shards.get(&id).ok_or(ArchiveError::MissingShard(id))?;
            if shard.layer != id.layer {
                return Err(ArchiveError::MissingShard(id));
            }
            match shard.postings(key) {
                Some(bytes) => lists.push(bytes),
                None => return Ok(Vec::new()),
            }
        }
        match (needs.first(), lists.as_slice()) {
            (Some((id, _, _)), [bytes]) if id.layer == Layer::Docs => {
                let mut r = Reader::new(bytes);
                let n = r.get()?;
                let mut out = Vec::with_capacity(n.min(1 << 24) as usize);
                let mut doc = 0u32;
                for i in 0..n {
                    let gap = r.get32()?;
                    doc = if i == 0 { gap } else { doc + gap };
                    out.push((doc, r.get32()? as f32 / 2.0));
                }
                Ok(out)
            }
            _ => {
                let offsets: Vec<u32> = needs.iter().map(|&(_, _, at)| at).collect();
                verify(term.chars().count(), &offsets, &lists)
            }
        }
    }
}

/// Decodes positional postings.
fn decode_positions(bytes: &[u8]) -> Result<Vec<(u32, Occurrences)>, ArchiveError> {
    let mut r = Reader::new(bytes);
    let n = r.get()?;
    let mut out = Vec::with_capacity(n.min(1 << 24) as usize);
    let mut doc = 0u32;
    for i in 0..n {
        let gap = r.get32()?;
        doc = if i == 0 { gap } else { doc + gap };
        let groups = r.get()?;
        let mut occ = Vec::with_capacity(groups.min(1024) as usize);
        let mut ord = 0u32;
        for _ in 0..groups {
            let head = r.get()?;
            ord += (head >> 3) as u32;
            let kind = kind_of(head & 7)?;
            let count = r.get()?;
            let mut positions = Vec::with_capacity(count.min(1 << 16) as usize);
            let mut pos = 0u32;
            for _ in 0..count {
                pos += r.get32()?;
                positions.push(pos);
            }
            occ.push((ord, kind, positions));
        }
        out.push((doc, occ));
    }
    Ok(out)
}

/// Chunk number and place in the chunk of a document, in chunks of `size` documents.
fn place(doc: DocId, size: u32) -> (u32, u32) {
    let size = size.max(1);
    (doc.0 / size, doc.0 % size)
}

/// Where the bigrams of a term of `len` ≥ 2 characters start that cover every character:
/// 0, 2, 4, … and `len - 2`.
fn cover(len: usize) -> impl Iterator<Item = usize> {
    let last = len.saturating_sub(2);
    (0..=last).step_by(2).chain((last % 2 == 1).then_some(last))
}

/// Finds a term of `len` ≥ 3 characters from the positions of a cover of its bigrams, in term
/// order: it starts at `p` in a field where bigram `i` occurs at `p + offsets[i]` for every
/// `i` (`offsets[0]` is 0).
fn verify(len: usize, offsets: &[u32], lists: &[&[u8]]) -> Result<Vec<(u32, f32)>, ArchiveError> {
    // Decode each distinct list once; a term like 哈哈哈 repeats a bigram.
    let mut decoded: Vec<Vec<(u32, Occurrences)>> = Vec::new();
    let mut which = Vec::with_capacity(lists.len());
    for bytes in lists {
        match lists.iter().position(|b| b.as_ptr() == bytes.as_ptr()) {
            Some(first) if first < which.len() => which.push(which[first]),
            _ => {
                which.push(decoded.len());
                decoded.push(decode_positions(bytes)?);
            }
        }
    }
    let rarest = (0..decoded.len())
        .min_by_key(|&i| decoded[i].len())
        .unwrap_or(0);
    let Some(base) = decoded.get(rarest) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    'docs: for (doc, _) in base {
        let mut per: Vec<&Occurrences> = Vec::with_capacity(which.len());
        for &w in &which {
            match decoded[w].binary_search_by_key(doc, |(d, _)| *d) {
                Ok(i) => per.push(&decoded[w][i].1),
                Err(_) => continue 'docs,
            }
        }
        let mut tf2 = 0u32;
        for (ord, kind, starts) in per[0] {
            let mut rest = Vec::with_capacity(per.len() - 1);
            for occ in &per[1..] {
                match occ.iter().find(|(o, _, _)| o == ord) {
                    Some((_, _, p)) => rest.push(p),
                    None => break,
                }
            }
            if rest.len() + 1 < per.len() {
                continue;
            }
            // Non-overlapping occurrences, leftmost first, as `str::matches` counts them.
            let mut next_free = 0u32;
            let mut count = 0u32;
            for &p in starts {
                if p < next_free {
                    continue;
                }
                let all = rest
                    .iter()
                    .enumerate()
                    .all(|(i, pos)| pos.binary_search(&(p + offsets[i + 1])).is_ok());
                if all {
                    count += 1;
                    next_free = p + len as u32;
                }
            }
            tf2 += weight2(*kind) * count;
        }
        if tf2 > 0 {
            out.push((*doc, tf2 as f32 / 2.0));
        }
    }
    Ok(out)
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
