//! How postings are written into an archive's files and read back: LEB128 numbers, a key's
//! postings cut into blocks, the head of every file, shard files and decoded postings.

use std::fmt;
use std::ops::Range;

use super::format::{ArchiveError, Layer, MAGIC};

pub(super) fn put(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Reads LEB128 varints from a byte slice.
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }

    pub(super) fn get(&mut self) -> Result<u64, ArchiveError> {
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

    pub(super) fn get32(&mut self) -> Result<u32, ArchiveError> {
        u32::try_from(self.get()?).map_err(|_| ArchiveError::Corrupt("a number is too large"))
    }

    pub(super) fn rest(&self) -> &'a [u8] {
        self.bytes.get(self.at..).unwrap_or_default()
    }
}

/// A block of a key's postings being written: where it starts in each of the key's three
/// streams, its first and last document and how many documents it holds.
#[derive(Debug, Clone, Copy)]
pub(super) struct Mark {
    at: [usize; 3],
    pub(super) first: u32,
    pub(super) last: u32,
    pub(super) count: u32,
}

/// A key's postings under construction, in three streams that are stored one after another
/// in each block (gzip finds more to share within each): the document gaps, then (positions
/// layer) each document's number of positions, then the positions. Documents are appended in
/// id order, and a new block begins (its first document written whole) once the current one
/// has `block_bytes`.
#[derive(Debug, Default)]
pub(super) struct Postings {
    /// Document gaps, position counts, position gaps, of the blocks not yet taken.
    streams: [Vec<u8>; 3],
    pub(super) blocks: Vec<Mark>,
    /// Blocks taken out whole (the first ones), whose bytes the streams no longer hold.
    taken: usize,
}

impl Postings {
    fn lens(&self) -> [usize; 3] {
        self.streams.each_ref().map(Vec::len)
    }

    pub(super) fn len(&self) -> usize {
        self.lens().iter().sum()
    }

    pub(super) fn start(&mut self, doc: u32, block_bytes: usize) {
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
    pub(super) fn positions(&mut self, positions: &[u32]) {
        put(&mut self.streams[1], positions.len() as u64);
        let mut last = 0;
        for &pos in positions {
            put(&mut self.streams[2], u64::from(pos - last));
            last = pos;
        }
    }

    /// Number of blocks taken out.
    pub(super) fn taken(&self) -> usize {
        self.taken
    }

    /// Takes out the first block not yet taken if a later one has begun, so it is whole:
    /// its number of documents and bytes.
    pub(super) fn take_whole_block(&mut self) -> Option<(u32, Vec<u8>)> {
        if self.blocks.len() < self.taken + 2 {
            return None;
        }
        let i = self.taken;
        let mut bytes = Vec::new();
        self.block(i, &mut bytes);
        let end = self.blocks[i + 1].at;
        for (s, stream) in self.streams.iter_mut().enumerate() {
            stream.drain(..end[s]);
        }
        for m in &mut self.blocks[i + 1..] {
            for (at, end) in m.at.iter_mut().zip(end) {
                *at -= end;
            }
        }
        self.taken += 1;
        Some((self.blocks[i].count, bytes))
    }

    /// Takes out the last block, if it was not taken: its number of documents and bytes.
    pub(super) fn take_last_block(&mut self) -> Option<(u32, Vec<u8>)> {
        if self.blocks.len() != self.taken + 1 {
            return None;
        }
        let i = self.taken;
        let mut bytes = Vec::new();
        self.block(i, &mut bytes);
        self.streams.iter_mut().for_each(Vec::clear);
        self.taken += 1;
        Some((self.blocks[i].count, bytes))
    }

    /// The bytes of block `i`, not yet taken: its part of each stream, one after another.
    pub(super) fn block(&self, i: usize, out: &mut Vec<u8>) {
        let end = self.blocks.get(i + 1).map_or(self.lens(), |b| b.at);
        for (s, stream) in self.streams.iter().enumerate() {
            out.extend_from_slice(&stream[self.blocks[i].at[s]..end[s]]);
        }
    }
}
/// Reads a file's head: the magic bytes and the layer.
pub(super) fn head(bytes: &[u8]) -> Result<(Layer, &[u8]), ArchiveError> {
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
    pub(super) layer: Layer,
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

    /// The numbers of the block files its keys name, in ascending order.
    pub fn block_files(&self) -> Result<Vec<u32>, ArchiveError> {
        let mut files = Vec::new();
        for (_, range) in &self.keys {
            let mut r = Reader::new(self.bytes.get(range.clone()).unwrap_or_default());
            if r.get()? == 1 {
                let n = r.get32()?;
                let first = r.get32()?;
                let last = first
                    .checked_add(n)
                    .ok_or(ArchiveError::Corrupt("block number overflow"))?;
                files.extend(first..last);
            }
        }
        files.sort_unstable();
        files.dedup();
        Ok(files)
    }

    pub(super) fn entry(&self, key: u64) -> Option<&[u8]> {
        let i = self.keys.binary_search_by_key(&key, |(k, _)| *k).ok()?;
        self.bytes.get(self.keys[i].1.clone())
    }
}

/// Decoded postings of one key over some documents: ascending ids and, in the positions
/// layer, each document's positions (`pos[starts[i]..starts[i + 1]]`).
#[derive(Debug, Clone, Default)]
pub(super) struct List {
    pub(super) docs: Vec<u32>,
    starts: Vec<u32>,
    pos: Vec<u32>,
}

impl List {
    pub(super) fn decode(layer: Layer, count: u64, bytes: &[u8]) -> Result<List, ArchiveError> {
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
    pub(super) fn positions(&self, i: usize) -> &[u32] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.pos[a as usize..b as usize],
            _ => &[],
        }
    }
}
