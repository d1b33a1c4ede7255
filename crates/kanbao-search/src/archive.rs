//! A static, sharded form of the index for archives too large to download whole.
//!
//! An archive of ten years of a daily paper holds hundreds of thousands of articles. Its
//! index is split into files a static server can serve, and a browser fetches only those a
//! query needs, newest articles first, and stops once it has a page of results:
//!
//! - `manifest.json` ([`Manifest`]): counts, the record and card chunk sizes, the hash that
//!   places keys in shards;
//! - `docs/NNNN.bin`: for every unigram key (one character), the documents containing it;
//! - `positions/NNNN.bin`: for every bigram key, the documents containing it and the
//!   character positions where it occurs;
//! - `blocks/NNN/NNN.bin`: the postings of keys too long to keep in their shard, cut at
//!   document boundaries into blocks of about [`Layout::block_bytes`].
//!
//! A key lives in shard `mix(key) % shards` of its layer. Its entry there holds either its
//! postings (a short list) or a directory of its blocks: the first and last document of each,
//! so a reader fetches only the blocks covering the documents it is looking at.
//!
//! Keys are the unigrams and bigrams of each field's normalised text (every character, Latin
//! and digits included, so no vocabulary scan is ever needed). A one-character term is
//! answered by its unigram's documents; a longer one by a cover of its bigrams (those starting
//! at 0, 2, 4, … and the last one) standing at the right distances. A document's positions
//! run through its fields in order with one unused position between fields, so no match can
//! straddle two fields. Matching is exact without any article text: the documents found are
//! those [`Index`](crate::Index) finds over the same documents.
//!
//! Document ids follow the order documents were added (for `kanbao build`, the path order of
//! the page files, so dated folders give date order); a search yields matches from the
//! highest id down. Postings are delta-coded LEB128, each block in three runs (document gaps,
//! then in the positions layer each document's number of positions, then the positions).
//!
//! A search goes in rounds, so the caller decides how to fetch:
//!
//! ```
//! use std::collections::HashMap;
//! use kanbao_search::{ArchiveBuilder, ArchiveIndex, Document, FieldKind, Layout, Query, Shard};
//!
//! let mut builder = ArchiveBuilder::new(Layout::default());
//! builder.add(&Document::new().with(FieldKind::Title, "港城标兵作表率"));
//! builder.add(&Document::new().with(FieldKind::Title, "航天港 新城"));
//! let archive = builder.finish();
//!
//! let index = ArchiveIndex::new(archive.manifest.clone()).unwrap();
//! let query = Query::parse("港城标兵");
//! let mut shards = HashMap::new();
//! for id in index.plan(&query) {
//!     // A browser fetches `index/{id.path()}` here.
//!     shards.insert(id, Shard::decode(archive.file(id).unwrap()).unwrap());
//! }
//! let mut search = index.start(&query, &shards).unwrap();
//! let mut found = Vec::new();
//! while !search.done() {
//!     for id in search.plan(20) {
//!         search.load(id, archive.file(id).unwrap()).unwrap();
//!     }
//!     found.extend(search.step().unwrap());
//! }
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].0, 0);
//! ```

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::index::DocId;
use crate::query::Query;
use crate::tokenize::{bigram, normalize, unigram};

/// The format tag written into every [`Manifest`].
pub const ARCHIVE_FORMAT: &str = "kanbao.archive/3";

/// Magic bytes at the start of every shard and block file.
const MAGIC: &[u8; 4] = b"KBA3";

/// The two layers of keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    /// The documents of every unigram.
    Docs,
    /// The documents and positions of every bigram.
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

    fn of(code: u8) -> Result<Layer, ArchiveError> {
        match code {
            0 => Ok(Layer::Docs),
            1 => Ok(Layer::Positions),
            _ => Err(ArchiveError::Corrupt("unknown layer")),
        }
    }
}

/// One file of an archive's index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FileId {
    /// A shard of a layer's key entries, by number.
    Shard(Layer, u32),
    /// A block of one key's postings, by number.
    Block(u32),
}

impl FileId {
    /// The file's path relative to the index directory: `docs/0012.bin`,
    /// `blocks/004/517.bin`.
    pub fn path(&self) -> String {
        match self {
            FileId::Shard(layer, n) => format!("{}/{n:04}.bin", layer.dir()),
            FileId::Block(n) => format!("blocks/{:03}/{:03}.bin", n / 1000, n % 1000),
        }
    }
}

/// How an archive is cut into files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Documents per record chunk.
    pub chunk_size: u32,
    /// Documents per card chunk.
    pub card_chunk_size: u32,
    /// Target size of a shard file, in bytes before compression.
    pub shard_bytes: u32,
    /// Target size of a block of postings, in bytes before compression. A key whose postings
    /// take at most a quarter of this stays in its shard.
    pub block_bytes: u32,
}

impl Default for Layout {
    fn default() -> Layout {
        Layout {
            chunk_size: 32,
            card_chunk_size: 8,
            shard_bytes: 16 * 1024,
            block_bytes: 16 * 1024,
        }
    }
}

/// What a reader loads first: everything needed to plan a query.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// Always [`ARCHIVE_FORMAT`].
    pub format: String,
    /// Number of documents; ids run from 0.
    pub docs: u32,
    /// Number of `docs/` shards.
    pub doc_shards: u32,
    /// Number of `positions/` shards.
    pub position_shards: u32,
    /// Number of `blocks/` files.
    pub blocks: u32,
    /// Target size of a block, in bytes before compression.
    pub block_bytes: u32,
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
    /// How keys are placed in shards.
    pub hash: String,
    /// Bytes of the index files as stored, by kind, for reporting.
    #[serde(default)]
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

/// Total bytes of an archive's index files as stored, by kind.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Sizes {
    /// The `docs/` shards.
    pub docs: u64,
    /// The `positions/` shards.
    pub positions: u64,
    /// The `blocks/` files.
    pub blocks: u64,
}

impl Sizes {
    /// All index files but the manifest.
    pub fn total(&self) -> u64 {
        self.docs + self.positions + self.blocks
    }
}

/// Why an archive could not be read or searched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArchiveError {
    /// The manifest is of another format or version.
    Format(String),
    /// A file ends early or holds bytes that are not a valid encoding.
    Corrupt(&'static str),
    /// The search was given no file for an id its plan asks for, or a file it did not ask for.
    MissingFile(FileId),
}

impl fmt::Display for ArchiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArchiveError::Format(found) => {
                write!(f, "not a {ARCHIVE_FORMAT} archive (found {found:?})")
            }
            ArchiveError::Corrupt(what) => write!(f, "corrupt archive file: {what}"),
            ArchiveError::MissingFile(id) => write!(f, "{} was not loaded", id.path()),
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

    fn rest(&self) -> &'a [u8] {
        self.bytes.get(self.at..).unwrap_or_default()
    }
}

/// A block of a key's postings being written: where it starts in each of the key's three
/// streams, its first and last document and how many documents it holds.
#[derive(Debug, Clone, Copy)]
struct Mark {
    at: [usize; 3],
    first: u32,
    last: u32,
    count: u32,
}

/// A key's postings under construction, in three streams that are stored one after another
/// in each block (gzip finds more to share within each): the document gaps, then (positions
/// layer) each document's number of positions, then the positions. Documents are appended in
/// id order, and a new block begins (its first document written whole) once the current one
/// has `block_bytes`.
#[derive(Debug, Default)]
struct Postings {
    /// Document gaps, position counts, position gaps.
    streams: [Vec<u8>; 3],
    blocks: Vec<Mark>,
}

impl Postings {
    fn lens(&self) -> [usize; 3] {
        self.streams.each_ref().map(Vec::len)
    }

    fn len(&self) -> usize {
        self.lens().iter().sum()
    }

    fn start(&mut self, doc: u32, block_bytes: usize) {
        let size = self.len();
        match self.blocks.last_mut() {
            Some(b) if size - b.at.iter().sum::<usize>() < block_bytes => {
                put(&mut self.streams[0], u64::from(doc - b.last));
                b.last = doc;
                b.count += 1;
            }
            _ => {
                let at = self.lens();
                self.blocks.push(Mark {
                    at,
                    first: doc,
                    last: doc,
                    count: 1,
                });
                put(&mut self.streams[0], u64::from(doc));
            }
        }
    }

    /// Appends the positions of the document just started.
    fn positions(&mut self, positions: &[u32]) {
        put(&mut self.streams[1], positions.len() as u64);
        let mut last = 0;
        for &pos in positions {
            put(&mut self.streams[2], u64::from(pos - last));
            last = pos;
        }
    }

    /// The bytes of block `i`: its part of each stream, one after another.
    fn block(&self, i: usize, out: &mut Vec<u8>) {
        let end = self.blocks.get(i + 1).map_or(self.lens(), |b| b.at);
        for (s, stream) in self.streams.iter().enumerate() {
            out.extend_from_slice(&stream[self.blocks[i].at[s]..end[s]]);
        }
    }
}

/// Builds an archive index from documents added in id order.
#[derive(Debug)]
pub struct ArchiveBuilder {
    docs: HashMap<u64, Postings>,
    positions: HashMap<u64, Postings>,
    count: u32,
    layout: Layout,
}

/// A built archive index: the bytes of each file.
#[derive(Debug, Clone)]
pub struct Archive {
    /// `manifest.json`'s content.
    pub manifest: Manifest,
    /// Every other file of the index, uncompressed.
    pub files: BTreeMap<FileId, Vec<u8>>,
}

impl Archive {
    /// The bytes of one file.
    pub fn file(&self, id: FileId) -> Option<&[u8]> {
        self.files.get(&id).map(Vec::as_slice)
    }
}

impl ArchiveBuilder {
    /// Starts an archive cut into files as `layout` says.
    pub fn new(layout: Layout) -> ArchiveBuilder {
        ArchiveBuilder {
            docs: HashMap::new(),
            positions: HashMap::new(),
            count: 0,
            layout: Layout {
                chunk_size: layout.chunk_size.max(1),
                card_chunk_size: layout.card_chunk_size.max(1),
                shard_bytes: layout.shard_bytes.max(1),
                block_bytes: layout.block_bytes.max(1),
            },
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
        let block = self.layout.block_bytes as usize;
        let mut unigrams: HashSet<u64> = HashSet::new();
        let mut bigrams: HashMap<u64, Vec<u32>> = HashMap::new();
        let mut base = 0u32;
        for field in &doc.fields {
            let text = normalize(&field.text);
            let mut prev = None;
            let mut at = base;
            for c in text.chars() {
                unigrams.insert(unigram(c));
                if let Some(p) = prev {
                    bigrams.entry(bigram(p, c)).or_default().push(at - 1);
                }
                prev = Some(c);
                at += 1;
            }
            // One unused position between fields: no cover of a term can span two.
            base = at + 1;
        }
        for key in unigrams {
            self.docs.entry(key).or_default().start(id, block);
        }
        for (key, positions) in bigrams {
            let p = self.positions.entry(key).or_default();
            p.start(id, block);
            p.positions(&positions);
        }
        self.count += 1;
        DocId(id)
    }

    /// Cuts the postings into shards and blocks and writes the manifest.
    pub fn finish(self) -> Archive {
        let mut files = BTreeMap::new();
        let mut blocks = 0u32;
        let layout = self.layout;
        let doc_shards = write_layer(self.docs, Layer::Docs, layout, &mut files, &mut blocks);
        let position_shards = write_layer(
            self.positions,
            Layer::Positions,
            layout,
            &mut files,
            &mut blocks,
        );
        let manifest = Manifest {
            format: ARCHIVE_FORMAT.to_string(),
            docs: self.count,
            doc_shards,
            position_shards,
            blocks,
            block_bytes: layout.block_bytes,
            chunk_size: layout.chunk_size,
            chunks: self.count.div_ceil(layout.chunk_size),
            card_chunk_size: layout.card_chunk_size,
            card_chunks: self.count.div_ceil(layout.card_chunk_size),
            hash: "splitmix64-finaliser(key) % shards".to_string(),
            sizes: Sizes::default(),
            compression: Compression::None,
        };
        Archive { manifest, files }
    }
}

/// Writes one layer: each key's entry (tag 0, document count and postings for a short list;
/// tag 1, block count, first block number, then per block its first document as a gap from
/// the previous block's last and its last as a gap from its first), block files (`KBA3`, the
/// layer, document count, postings) numbered on from `blocks`, and shard files (`KBA3`, the
/// layer, key count, then for each key in ascending order its gap from the previous key, the
/// entry's length and the entry). Returns the number of shards.
fn write_layer(
    postings: HashMap<u64, Postings>,
    layer: Layer,
    layout: Layout,
    files: &mut BTreeMap<FileId, Vec<u8>>,
    blocks: &mut u32,
) -> u32 {
    let mut keys: Vec<(u64, Postings)> = postings.into_iter().collect();
    keys.sort_unstable_by_key(|(k, _)| *k);
    let inline = layout.block_bytes as usize / 4;
    let mut entries = Vec::with_capacity(keys.len());
    for (key, p) in keys {
        let mut entry = Vec::new();
        match p.blocks.as_slice() {
            [only] if p.len() <= inline => {
                put(&mut entry, 0);
                put(&mut entry, u64::from(only.count));
                p.block(0, &mut entry);
            }
            marks => {
                put(&mut entry, 1);
                put(&mut entry, marks.len() as u64);
                put(&mut entry, u64::from(*blocks));
                let mut last = 0;
                for (i, m) in marks.iter().enumerate() {
                    put(&mut entry, u64::from(m.first - last));
                    put(&mut entry, u64::from(m.last - m.first));
                    last = m.last;
                    let mut file = MAGIC.to_vec();
                    file.push(layer.code());
                    put(&mut file, u64::from(m.count));
                    p.block(i, &mut file);
                    files.insert(FileId::Block(*blocks), file);
                    *blocks += 1;
                }
            }
        }
        entries.push((key, entry));
    }
    let total: usize = entries.iter().map(|(_, e)| e.len() + 4).sum();
    let shards = total.div_ceil(layout.shard_bytes as usize).max(1) as u32;
    let mut bins: Vec<Vec<(u64, Vec<u8>)>> = (0..shards).map(|_| Vec::new()).collect();
    for (key, entry) in entries {
        bins[shard_of(key, shards) as usize].push((key, entry));
    }
    for (n, list) in bins.into_iter().enumerate() {
        let mut out = MAGIC.to_vec();
        out.push(layer.code());
        put(&mut out, list.len() as u64);
        let mut last = 0;
        for (key, entry) in list {
            put(&mut out, key - last);
            last = key;
            put(&mut out, entry.len() as u64);
            out.extend_from_slice(&entry);
        }
        files.insert(FileId::Shard(layer, n as u32), out);
    }
    shards
}

/// Reads a file's head: the magic bytes and the layer.
fn head(bytes: &[u8]) -> Result<(Layer, &[u8]), ArchiveError> {
    let body = bytes
        .strip_prefix(MAGIC.as_slice())
        .ok_or(ArchiveError::Corrupt("not an archive index file"))?;
    let (&code, body) = body
        .split_first()
        .ok_or(ArchiveError::Corrupt("no layer"))?;
    Ok((Layer::of(code)?, body))
}

/// One decoded shard file: its keys and where each one's entry is.
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
        let (layer, body) = head(bytes)?;
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
                    .ok_or(ArchiveError::Corrupt("an entry runs past the end"))?;
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

    fn entry(&self, key: u64) -> Option<&[u8]> {
        let i = self.keys.binary_search_by_key(&key, |(k, _)| *k).ok()?;
        self.bytes.get(self.keys[i].1.clone())
    }
}

/// Decoded postings of one key over some documents: ascending ids and, in the positions
/// layer, each document's positions (`pos[starts[i]..starts[i + 1]]`).
#[derive(Debug, Clone, Default)]
struct List {
    docs: Vec<u32>,
    starts: Vec<u32>,
    pos: Vec<u32>,
}

impl List {
    fn decode(layer: Layer, count: u64, bytes: &[u8]) -> Result<List, ArchiveError> {
        let mut r = Reader::new(bytes);
        let n = count.min(bytes.len() as u64) as usize;
        let mut list = List {
            docs: Vec::with_capacity(n),
            ..List::default()
        };
        let mut doc = 0u32;
        for i in 0..count {
            let gap = r.get32()?;
            doc = if i == 0 {
                gap
            } else {
                doc.checked_add(gap)
                    .filter(|_| gap > 0)
                    .ok_or(ArchiveError::Corrupt("document ids out of order"))?
            };
            list.docs.push(doc);
        }
        if layer == Layer::Positions {
            // Each document's number of positions, then all the positions.
            let mut end = 0u32;
            list.starts.reserve(n + 1);
            list.starts.push(0);
            for _ in 0..count {
                end = end
                    .checked_add(r.get32()?)
                    .ok_or(ArchiveError::Corrupt("too many positions"))?;
                list.starts.push(end);
            }
            list.pos.reserve((end as usize).min(bytes.len()));
            for w in 1..list.starts.len() {
                let mut p = 0u32;
                for _ in list.starts[w - 1]..list.starts[w] {
                    p = p
                        .checked_add(r.get32()?)
                        .ok_or(ArchiveError::Corrupt("position overflow"))?;
                    list.pos.push(p);
                }
            }
        }
        if r.at != bytes.len() {
            return Err(ArchiveError::Corrupt("postings do not fill their file"));
        }
        Ok(list)
    }

    /// The positions of the `i`th document.
    fn positions(&self, i: usize) -> &[u32] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.pos[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// One block of a key as a search knows it: its document range, its file (none for a list
/// kept in the shard) and, once loaded, its postings.
#[derive(Debug, Clone)]
struct Block {
    first: u32,
    last: u32,
    file: Option<u32>,
    list: Option<List>,
    /// Bytes of postings in the loaded file.
    bytes: usize,
}

/// A key a query needs.
#[derive(Debug, Clone)]
struct KeyState {
    layer: Layer,
    blocks: Vec<Block>,
}

impl KeyState {
    /// Reads a key's entry from its shard; a key the shard lacks has no blocks.
    fn read(layer: Layer, entry: Option<&[u8]>) -> Result<KeyState, ArchiveError> {
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

    /// Whether every block holding documents below `hi` is loaded.
    fn known_below(&self, hi: u32) -> bool {
        self.blocks[..self.blocks_below(hi)]
            .iter()
            .all(|b| b.list.is_some())
    }

    /// The loaded postings in `window`.
    fn within(&self, window: &Range<u32>) -> Entries<'_> {
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
    fn blocks_below(&self, hi: u32) -> usize {
        self.blocks.partition_point(|b| b.first < hi)
    }

    /// How many documents at or above `hi` hold the key, when every block there is loaded.
    fn count_from(&self, hi: u32) -> Option<u64> {
        let mut n = 0;
        for b in self.blocks.iter().filter(|b| b.last >= hi) {
            let docs = &b.list.as_ref()?.docs;
            n += (docs.len() - docs.partition_point(|&d| d < hi)) as u64;
        }
        Some(n)
    }

    /// About how many documents below `hi` hold the key: exact in loaded blocks. Blocks are
    /// cut once they reach `block_bytes`, so a block not loaded holds about as many documents
    /// as that many bytes of the loaded ones do (and how far apart the blocks' ranges lie shows
    /// how the key's frequency changes through the archive). `None` before any is loaded.
    fn count_below(&self, hi: u32, block_bytes: u32) -> Option<u64> {
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
struct Entries<'a>(Vec<(&'a List, usize)>);

impl Entries<'_> {
    fn len(&self) -> usize {
        self.0.len()
    }

    /// The documents, ascending.
    fn docs(&self) -> impl DoubleEndedIterator<Item = u32> + '_ {
        self.0.iter().map(|&(list, i)| list.docs[i])
    }

    /// A document's positions, if the key occurs in it.
    fn find(&self, doc: u32) -> Option<&[u32]> {
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
struct TermKeys {
    exclude: bool,
    keys: Vec<(usize, u32)>,
}

/// The reader's side of an archive: plans which shards a query needs and starts searches.
#[derive(Debug, Clone)]
pub struct ArchiveIndex {
    manifest: Manifest,
}

impl ArchiveIndex {
    /// Opens an archive from its manifest.
    pub fn new(manifest: Manifest) -> Result<ArchiveIndex, ArchiveError> {
        if manifest.format != ARCHIVE_FORMAT {
            return Err(ArchiveError::Format(manifest.format));
        }
        Ok(ArchiveIndex { manifest })
    }

    /// The manifest.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.manifest.docs as usize
    }

    /// Whether the archive holds no documents.
    pub fn is_empty(&self) -> bool {
        self.manifest.docs == 0
    }

    /// The record chunk holding a document, and the document's place in it.
    pub fn chunk_of(&self, doc: DocId) -> (u32, u32) {
        place(doc, self.manifest.chunk_size)
    }

    /// The card chunk holding a document's card, and the card's place in it.
    pub fn card_of(&self, doc: DocId) -> (u32, u32) {
        place(doc, self.manifest.card_chunk_size)
    }

    /// The shards holding the entries of a query's keys, sorted and without duplicates.
    pub fn plan(&self, query: &Query) -> Vec<FileId> {
        let mut ids: Vec<FileId> = query
            .terms()
            .iter()
            .flat_map(|t| keys_of(&t.normalized))
            .map(|(layer, key, _)| self.shard(layer, key))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    fn shard(&self, layer: Layer, key: u64) -> FileId {
        let shards = match layer {
            Layer::Docs => self.manifest.doc_shards,
            Layer::Positions => self.manifest.position_shards,
        };
        FileId::Shard(layer, shard_of(key, shards))
    }

    /// Starts a search from the shards [`plan`](ArchiveIndex::plan) named.
    pub fn start(
        &self,
        query: &Query,
        shards: &HashMap<FileId, Shard>,
    ) -> Result<Search, ArchiveError> {
        let mut slots: HashMap<(Layer, u64), usize> = HashMap::new();
        let mut keys = Vec::new();
        let mut terms = Vec::new();
        for term in query.terms() {
            let mut need = Vec::new();
            for (layer, key, offset) in keys_of(&term.normalized) {
                let slot = match slots.get(&(layer, key)) {
                    Some(&slot) => slot,
                    None => {
                        let id = self.shard(layer, key);
                        let shard = shards
                            .get(&id)
                            .filter(|s| s.layer == layer)
                            .ok_or(ArchiveError::MissingFile(id))?;
                        keys.push(KeyState::read(layer, shard.entry(key))?);
                        slots.insert((layer, key), keys.len() - 1);
                        keys.len() - 1
                    }
                };
                need.push((slot, offset));
            }
            terms.push(TermKeys {
                exclude: term.exclude,
                keys: need,
            });
        }
        let mut files = HashMap::new();
        for (k, state) in keys.iter().enumerate() {
            for (b, block) in state.blocks.iter().enumerate() {
                if let Some(n) = block.file {
                    files.insert(n, (k, b));
                }
            }
        }
        Ok(Search {
            hi: if query.is_empty() {
                0
            } else {
                self.manifest.docs
            },
            keys,
            terms,
            files,
            window: None,
            growth: 1,
            pending: Vec::new(),
            scanned: 0,
            matched: 0,
            block_bytes: self.manifest.block_bytes,
        })
    }
}

/// The keys of a normalised term, each with its layer and its offset in the term: a single
/// character's unigram, or a cover of the bigrams of a longer term.
fn keys_of(term: &str) -> Vec<(Layer, u64, u32)> {
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

/// A search under way: it yields matches from the newest (highest id) down, a window of
/// documents at a time, and says before each window which block files it needs.
#[derive(Debug, Clone)]
pub struct Search {
    keys: Vec<KeyState>,
    terms: Vec<TermKeys>,
    /// Block file number → (key, block).
    files: HashMap<u32, (usize, usize)>,
    /// Documents at or above this id have been searched.
    hi: u32,
    /// The documents the next [`step`](Search::step) searches.
    window: Option<Range<u32>>,
    /// How far the next window may reach, doubled each round: in blocks of the densest key
    /// when no key is known whole, otherwise in multiples of the candidates asked for.
    growth: usize,
    /// The block files the window needs.
    pending: Vec<FileId>,
    /// Documents searched so far, and how many of them matched.
    scanned: u64,
    matched: u64,
    /// The size at which blocks are cut.
    block_bytes: u32,
}

impl Search {
    /// Whether every document has been searched.
    pub fn done(&self) -> bool {
        self.hi == 0 && self.window.is_none()
    }

    /// How many documents match in all: exact once the search is [`done`](Search::done),
    /// until then an estimate (never fewer than found). Matches are found among the documents
    /// that hold every key of the query; the estimate takes the key held by the fewest
    /// documents not yet searched, counts them from its blocks, and expects as many of them to
    /// match as matched among its documents searched so far. So a term that grew rarer over
    /// the years is not taken to be as common further back as in the newest papers. Without
    /// such a key (none loaded yet), the rate of matches per document searched.
    pub fn estimate(&self) -> u64 {
        if self.done() || self.scanned == 0 {
            return self.matched;
        }
        let pivot = self
            .required()
            .into_iter()
            .filter_map(|k| {
                let key = &self.keys[k];
                Some((
                    key.count_below(self.hi, self.block_bytes)?,
                    key.count_from(self.hi)?,
                ))
            })
            .filter(|&(_, searched)| searched > 0)
            .min_by_key(|&(below, _)| below);
        let rest = match pivot {
            Some((below, searched)) => self.matched * below / searched,
            None => self.matched * u64::from(self.hi) / self.scanned,
        };
        self.matched + rest
    }

    /// The keys every match holds: those of the terms not excluded, without repeats.
    fn required(&self) -> Vec<usize> {
        let mut required: Vec<usize> = self
            .terms
            .iter()
            .filter(|t| !t.exclude)
            .flat_map(|t| t.keys.iter().map(|&(k, _)| k))
            .collect();
        required.sort_unstable();
        required.dedup();
        required
    }

    /// Chooses the next window of documents, large enough for about `want` more matches if
    /// the keys allow, and returns the block files it needs that are not loaded yet. Call
    /// [`load`](Search::load) with each, then [`step`](Search::step).
    pub fn plan(&mut self, want: usize) -> Vec<FileId> {
        if self.window.is_none() {
            self.pending = self.choose(want.max(1));
        }
        self.pending.clone()
    }

    /// Whether a block file is loaded.
    fn loaded(&self, id: FileId) -> bool {
        match id {
            FileId::Block(n) => self
                .files
                .get(&n)
                .is_some_and(|&(k, b)| self.keys[k].blocks[b].list.is_some()),
            FileId::Shard(..) => true,
        }
    }

    /// Sets the next window and returns the block files it needs.
    fn choose(&mut self, want: usize) -> Vec<FileId> {
        let hi = self.hi;
        if hi == 0 {
            return Vec::new();
        }
        let required = self.required();
        if required.is_empty() {
            let lo = hi.saturating_sub(u32::try_from(want * 2).unwrap_or(u32::MAX));
            self.window = Some(lo..hi);
            return self.missing(lo..hi, None);
        }
        // A required key with nothing below `hi` ends the search.
        if required.iter().any(|&k| self.keys[k].blocks_below(hi) == 0) {
            self.hi = 0;
            return Vec::new();
        }
        let known: Vec<usize> = required
            .iter()
            .copied()
            .filter(|&k| self.keys[k].known_below(hi))
            .collect();
        if known.is_empty() {
            // Each window spans up to `growth` blocks of the key whose blocks are densest
            // here, and the allowance doubles with each window: a common match costs about
            // one block per key, and a rare one is reached in about log2(blocks) rounds.
            let doubled = required
                .iter()
                .map(|&k| {
                    let key = &self.keys[k];
                    key.blocks[key.blocks_below(hi).saturating_sub(self.growth)].first
                })
                .max()
                .unwrap_or(0);
            // Once matches have turned up, their rate says how far down `want` more lie: the
            // window reaches that far with a quarter to spare, if that is short of doubling.
            let lo = match self.matched {
                0 => doubled,
                matched => {
                    let reach = (want as u64 * self.scanned * 5 / 4 / matched).max(1);
                    let estimate = u64::from(hi).saturating_sub(reach) as u32;
                    estimate.max(doubled)
                }
            };
            self.growth = self.growth.saturating_mul(2);
            self.window = Some(lo..hi);
            return self.missing(lo..hi, None);
        }
        // Candidates: documents below `hi` in every key known whole, newest first; the window
        // reaches down to the oldest of the first few, and takes twice as many each round, in
        // case few candidates turn out to match.
        let limit = (want * 2 + 8).saturating_mul(self.growth);
        self.growth = self.growth.saturating_mul(2);
        let candidates = self.candidates(&known, hi, limit);
        let Some(&lowest) = candidates.last() else {
            self.hi = 0;
            return Vec::new();
        };
        let lo = if candidates.len() < limit { 0 } else { lowest };
        self.window = Some(lo..hi);
        self.missing(lo..hi, Some(&candidates))
    }

    /// Up to `limit` documents below `hi` in all of `keys` (each loaded below `hi`),
    /// descending.
    fn candidates(&self, keys: &[usize], hi: u32, limit: usize) -> Vec<u32> {
        let lists: Vec<Entries> = keys
            .iter()
            .map(|&k| self.keys[k].within(&(0..hi)))
            .collect();
        let Some(rarest) = lists.iter().min_by_key(|l| l.len()) else {
            return Vec::new();
        };
        rarest
            .docs()
            .rev()
            .filter(|&doc| lists.iter().all(|l| l.find(doc).is_some()))
            .take(limit)
            .collect()
    }

    /// The block files not yet loaded that overlap `window`, and when `candidates` are given,
    /// only those holding one of them.
    fn missing(&self, window: Range<u32>, candidates: Option<&[u32]>) -> Vec<FileId> {
        let mut out = Vec::new();
        for key in &self.keys {
            for b in &key.blocks {
                let (Some(n), None) = (b.file, &b.list) else {
                    continue;
                };
                if b.last < window.start || b.first >= window.end {
                    continue;
                }
                // Candidates run newest first: the first at or below `last` decides.
                let wanted = candidates.is_none_or(|c| {
                    let i = c.partition_point(|&d| d > b.last);
                    c.get(i).is_some_and(|&d| d >= b.first)
                });
                if wanted {
                    out.push(FileId::Block(n));
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Loads a block file the plan asked for.
    pub fn load(&mut self, id: FileId, bytes: &[u8]) -> Result<(), ArchiveError> {
        let FileId::Block(n) = id else {
            return Err(ArchiveError::MissingFile(id));
        };
        let &(k, b) = self.files.get(&n).ok_or(ArchiveError::MissingFile(id))?;
        let (layer, body) = head(bytes)?;
        let key = &mut self.keys[k];
        if layer != key.layer {
            return Err(ArchiveError::Corrupt("a block of the wrong layer"));
        }
        let mut r = Reader::new(body);
        let count = r.get()?;
        let list = List::decode(layer, count, r.rest())?;
        let bytes = r.rest().len();
        let block = &mut key.blocks[b];
        if list.docs.first() != Some(&block.first) || list.docs.last() != Some(&block.last) {
            return Err(ArchiveError::Corrupt(
                "a block does not match its directory",
            ));
        }
        block.list = Some(list);
        block.bytes = bytes;
        Ok(())
    }

    /// Searches the planned window and returns its matches, newest first.
    pub fn step(&mut self) -> Result<Vec<DocId>, ArchiveError> {
        let Some(window) = self.window.take() else {
            return Ok(Vec::new());
        };
        if let Some(&id) = self.pending.iter().find(|&&id| !self.loaded(id)) {
            self.window = Some(window);
            return Err(ArchiveError::MissingFile(id));
        }
        self.pending.clear();
        let mut found: Option<Vec<u32>> = None;
        for term in self.terms.iter().filter(|t| !t.exclude) {
            let docs = self.matches(term, &window, found.as_deref());
            let empty = docs.is_empty();
            found = Some(docs);
            if empty {
                break;
            }
        }
        let mut docs = found.unwrap_or_else(|| window.clone().collect());
        for term in self.terms.iter().filter(|t| t.exclude) {
            let out = self.matches(term, &window, Some(&docs));
            docs.retain(|d| out.binary_search(d).is_err());
        }
        self.hi = window.start;
        self.scanned += u64::from(window.end - window.start);
        self.matched += docs.len() as u64;
        Ok(docs.into_iter().rev().map(DocId).collect())
    }

    /// The documents of `window` (and of `within`, when given) where a term occurs,
    /// ascending.
    fn matches(&self, term: &TermKeys, window: &Range<u32>, within: Option<&[u32]>) -> Vec<u32> {
        let lists: Vec<Entries> = term
            .keys
            .iter()
            .map(|&(k, _)| self.keys[k].within(window))
            .collect();
        let Some(rarest) = lists.iter().min_by_key(|l| l.len()) else {
            return Vec::new();
        };
        rarest
            .docs()
            .filter(|&doc| within.is_none_or(|w| w.binary_search(&doc).is_ok()))
            .filter(|&doc| {
                // The term starts at `p` where each bigram of its cover stands at its offset.
                let Some(per) = lists
                    .iter()
                    .map(|l| l.find(doc))
                    .collect::<Option<Vec<_>>>()
                else {
                    return false;
                };
                per.len() == 1
                    || per[0].iter().any(|&p| {
                        per.iter()
                            .zip(&term.keys)
                            .skip(1)
                            .all(|(pos, &(_, off))| pos.binary_search(&(p + off)).is_ok())
                    })
            })
            .collect()
    }
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
