//! Building an archive's index in pieces, so that a build can use every core and hold no more
//! than a bounded part of the index at a time.
//!
//! 1. [`DocKeys::new`] reads one document's keys, apart from every other document.
//! 2. A [`Run`] gathers the postings of a range of consecutive documents; [`Run::sorted`]
//!    sorts them by key into [`PARTS`] parts per layer (a key's part is fixed by its hash),
//!    and [`SortedRun::write_to`] writes them out, part by part, as a caller's run file.
//! 3. [`merge`] reads the same part of several runs key by key, in key order; a key's run
//!    entries come in the runs' order, which is document order.
//! 4. A [`PartWriter`] turns each key's run entries into the key's entry and block files,
//!    exactly as one pass over all documents would; [`rebase_entry`] numbers a part's blocks
//!    after those of the parts before it (the docs layer's parts, then the positions layer's,
//!    each in order).
//! 5. A [`ShardPlan`] places the layer's entries in shards and writes each shard file.
//!
//! The archive is the same byte for byte however the documents were cut into runs and
//! whichever thread wrote which part: [`ArchiveBuilder`](super::ArchiveBuilder) is the same
//! steps with one run held in memory.
//!
//! A run file is, for each layer and then each part, its entries in ascending key order: the
//! key as a gap from the previous key of the part, the entry's last document, the length of
//! its data, then the data: for each document its id (the first whole, then as a gap from the
//! one before) and, in the positions layer, its number of positions and the positions (the
//! first whole, then as gaps).

use std::collections::BinaryHeap;
use std::io::{self, Read, Write};

use super::codec::{Postings, Reader, put};
use super::facets::facet_key;
use super::format::{Layer, Layout, MAGIC};
use super::{mix, shard_of};
use crate::document::Document;
use crate::facet::Facet;
use crate::index::Map;
use crate::tokenize::{bigram, normalize, unigram};

/// Parts of each layer: a key's part is fixed by its hash, so parts can be written on
/// separate threads and the archive does not depend on how many there were.
pub const PARTS: u32 = 16;

/// The layers in the order their parts' blocks are numbered.
pub const LAYERS: [Layer; 2] = [Layer::Docs, Layer::Positions];

/// The part of its layer a key belongs to.
pub fn part_of(key: u64) -> u32 {
    ((mix(key) >> 32) % u64::from(PARTS)) as u32
}

/// The keys one document adds to an archive: its characters and facet values (the docs
/// layer) and its bigrams with their positions (the positions layer).
#[derive(Debug, Clone, Default)]
pub struct DocKeys {
    /// Ascending, without repeats.
    docs: Vec<u64>,
    /// Bigram keys with a position each, ascending by key, then position.
    grams: Vec<(u64, u32)>,
    /// The document's facet values, sorted, without repeats.
    facets: Vec<(Facet, String)>,
}

impl DocKeys {
    /// Reads the keys of `doc` and of its facet values (see [`Facet::values`]).
    pub fn new(doc: &Document, facets: impl IntoIterator<Item = (Facet, String)>) -> DocKeys {
        let mut docs = Vec::new();
        let mut grams = Vec::new();
        let mut base = 0u32;
        for field in &doc.fields {
            let text = normalize(&field.text);
            let mut prev = None;
            let mut at = base;
            for c in text.chars() {
                docs.push(unigram(c));
                if let Some(p) = prev {
                    grams.push((bigram(p, c), at - 1));
                }
                prev = Some(c);
                at += 1;
            }
            // One unused position between fields: no cover of a term can span two.
            base = at + 1;
        }
        let mut facets: Vec<(Facet, String)> = facets.into_iter().collect();
        facets.sort_unstable();
        facets.dedup();
        docs.extend(facets.iter().map(|(facet, value)| facet_key(*facet, value)));
        docs.sort_unstable();
        docs.dedup();
        grams.sort_unstable();
        DocKeys {
            docs,
            grams,
            facets,
        }
    }

    /// The document's facet values, sorted, without repeats.
    pub fn facets(&self) -> &[(Facet, String)] {
        &self.facets
    }

    /// About how many bytes the keys take in memory.
    pub fn heap_bytes(&self) -> usize {
        self.docs.len() * 8
            + self.grams.len() * 16
            + self.facets.iter().map(|(_, v)| v.len() + 32).sum::<usize>()
    }
}

/// One key's postings over the documents of a run, as a run file stores them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunEntry {
    key: u64,
    /// The last document in `data`.
    last: u32,
    data: Vec<u8>,
}

impl RunEntry {
    /// The key.
    pub fn key(&self) -> u64 {
        self.key
    }

    /// One entry of the postings of `entries` (one key's, of consecutive runs, in order).
    pub fn concat(entries: &[RunEntry]) -> io::Result<RunEntry> {
        let Some(first) = entries.first() else {
            return Err(corrupt("no run entry to join"));
        };
        let mut out = first.clone();
        out.data
            .reserve(entries[1..].iter().map(|e| e.data.len()).sum());
        for e in &entries[1..] {
            let mut r = Reader::new(&e.data);
            let doc = r.get32().map_err(|_| corrupt("a run entry is empty"))?;
            let gap = doc
                .checked_sub(out.last)
                .filter(|&g| g > 0)
                .ok_or_else(|| corrupt("run entries out of document order"))?;
            put(&mut out.data, u64::from(gap));
            out.data.extend_from_slice(r.rest());
            out.last = e.last;
        }
        Ok(out)
    }

    /// Writes the entry as a run file holds it, its key as a gap from `prev`.
    pub fn write_to(&self, prev: u64, out: &mut impl Write) -> io::Result<()> {
        let mut head = Vec::with_capacity(24);
        put(&mut head, self.key - prev);
        put(&mut head, u64::from(self.last));
        put(&mut head, self.data.len() as u64);
        out.write_all(&head)?;
        out.write_all(&self.data)
    }
}

/// Reads the entries of one part of a run file, in key order.
#[derive(Debug)]
pub struct RunReader<R> {
    input: R,
    key: u64,
}

impl<R: Read> RunReader<R> {
    /// Reads entries from `input`, which holds one part of one layer of a run file.
    pub fn new(input: R) -> RunReader<R> {
        RunReader { input, key: 0 }
    }

    /// The next entry, or `None` at the part's end.
    pub fn next_entry(&mut self) -> io::Result<Option<RunEntry>> {
        let Some(gap) = read_varint(&mut self.input, true)? else {
            return Ok(None);
        };
        self.key = self
            .key
            .checked_add(gap)
            .ok_or_else(|| corrupt("run keys overflow"))?;
        let last = u32::try_from(read_varint(&mut self.input, false)?.unwrap_or_default())
            .map_err(|_| corrupt("a run's document is too large"))?;
        let len = read_varint(&mut self.input, false)?.unwrap_or_default();
        let mut data = Vec::new();
        (&mut self.input).take(len).read_to_end(&mut data)?;
        if data.len() as u64 != len {
            return Err(corrupt("a run entry is cut short"));
        }
        Ok(Some(RunEntry {
            key: self.key,
            last,
            data,
        }))
    }
}

impl<R: Read> Iterator for RunReader<R> {
    type Item = io::Result<RunEntry>;

    fn next(&mut self) -> Option<io::Result<RunEntry>> {
        self.next_entry().transpose()
    }
}

/// Reads a LEB128 number; `None` at the end of the input if `may_end`.
fn read_varint(input: &mut impl Read, may_end: bool) -> io::Result<Option<u64>> {
    let mut n = 0u64;
    for (i, shift) in (0..64).step_by(7).enumerate() {
        let mut b = [0u8];
        if input.read(&mut b)? == 0 {
            return if i == 0 && may_end {
                Ok(None)
            } else {
                Err(corrupt("a run file ends inside a number"))
            };
        }
        n |= u64::from(b[0] & 0x7f) << shift;
        if b[0] < 0x80 {
            return Ok(Some(n));
        }
    }
    Err(corrupt("a number of a run file is too long"))
}

fn corrupt(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_owned())
}

/// One key's postings as a run gathers them.
#[derive(Debug)]
struct KeyRun {
    last: u32,
    data: Vec<u8>,
}

/// The postings of a range of consecutive documents, gathered in memory.
#[derive(Debug, Default)]
pub struct Run {
    docs: Map<u64, KeyRun>,
    positions: Map<u64, KeyRun>,
    bytes: usize,
}

/// What a key costs a run beyond its data: the table's slot and the vector's head.
const KEY_BYTES: usize = 48;

impl Run {
    /// An empty run.
    pub fn new() -> Run {
        Run::default()
    }

    /// About how many bytes the run takes in memory.
    pub fn heap_bytes(&self) -> usize {
        self.bytes
    }

    /// Adds document `id`'s keys; ids must ascend across every run of an archive.
    pub fn add(&mut self, id: u32, keys: &DocKeys) {
        for &key in &keys.docs {
            self.bytes += start_doc(&mut self.docs, key, id);
        }
        let mut i = 0;
        while i < keys.grams.len() {
            let key = keys.grams[i].0;
            let n = keys.grams[i..].iter().take_while(|g| g.0 == key).count();
            self.bytes += start_doc(&mut self.positions, key, id);
            let entry = self.positions.get_mut(&key).map(|e| &mut e.data);
            if let Some(data) = entry {
                let before = data.len();
                put(data, n as u64);
                let mut last = 0;
                for &(_, pos) in &keys.grams[i..i + n] {
                    put(data, u64::from(pos - last));
                    last = pos;
                }
                self.bytes += data.len() - before;
            }
            i += n;
        }
    }

    /// The run's entries sorted by key into parts.
    pub fn sorted(self) -> SortedRun {
        let mut parts: Vec<Vec<RunEntry>> = (0..2 * PARTS).map(|_| Vec::new()).collect();
        for (l, map) in [self.docs, self.positions].into_iter().enumerate() {
            for (key, run) in map {
                parts[l * PARTS as usize + part_of(key) as usize].push(RunEntry {
                    key,
                    last: run.last,
                    data: run.data,
                });
            }
        }
        for part in &mut parts {
            part.sort_unstable_by_key(|e| e.key);
        }
        SortedRun { parts }
    }
}

/// Starts document `id` in `key`'s postings; returns the bytes this added.
fn start_doc(map: &mut Map<u64, KeyRun>, key: u64, id: u32) -> usize {
    match map.get_mut(&key) {
        Some(run) => {
            let before = run.data.len();
            put(&mut run.data, u64::from(id - run.last));
            run.last = id;
            run.data.len() - before
        }
        None => {
            let mut data = Vec::new();
            put(&mut data, u64::from(id));
            let added = data.len() + KEY_BYTES;
            map.insert(key, KeyRun { last: id, data });
            added
        }
    }
}

/// A run's entries sorted by key, in parts.
#[derive(Debug)]
pub struct SortedRun {
    /// The docs layer's parts, then the positions layer's.
    parts: Vec<Vec<RunEntry>>,
}

impl SortedRun {
    /// The entries of one part of a layer, in key order.
    pub fn part(&self, layer: Layer, part: u32) -> &[RunEntry] {
        &self.parts[part_index(layer, part)]
    }

    /// Takes the entries of one part of a layer, in key order.
    pub fn take_part(&mut self, layer: Layer, part: u32) -> Vec<RunEntry> {
        std::mem::take(&mut self.parts[part_index(layer, part)])
    }

    /// Writes the run file; returns where each part ends in it, for each layer of
    /// [`LAYERS`] its [`PARTS`] parts.
    pub fn write_to(&self, out: &mut impl Write) -> io::Result<Vec<u64>> {
        let mut ends = Vec::with_capacity(self.parts.len());
        let mut at = 0u64;
        let mut counted = Counting {
            inner: out,
            bytes: 0,
        };
        for part in &self.parts {
            let mut prev = 0;
            for e in part {
                e.write_to(prev, &mut counted)?;
                prev = e.key;
            }
            at += counted.bytes;
            counted.bytes = 0;
            ends.push(at);
        }
        Ok(ends)
    }
}

/// Where part `part` of `layer` is in a run's list of parts.
pub fn part_index(layer: Layer, part: u32) -> usize {
    let l = LAYERS.iter().position(|&x| x == layer).unwrap_or(0);
    l * PARTS as usize + part as usize
}

/// A writer that counts what goes through it.
struct Counting<'a, W> {
    inner: &'a mut W,
    bytes: u64,
}

impl<W: Write> Write for Counting<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Reads the same part of several runs (given in document order) key by key, in ascending key
/// order, and hands `each` every key's entries in the runs' order.
pub fn merge<I>(runs: Vec<I>, mut each: impl FnMut(&[RunEntry]) -> io::Result<()>) -> io::Result<()>
where
    I: Iterator<Item = io::Result<RunEntry>>,
{
    let mut runs = runs;
    let mut heads: Vec<Option<RunEntry>> = Vec::with_capacity(runs.len());
    let mut heap = BinaryHeap::new();
    for (i, run) in runs.iter_mut().enumerate() {
        let head = run.next().transpose()?;
        if let Some(e) = &head {
            heap.push(std::cmp::Reverse((e.key, i)));
        }
        heads.push(head);
    }
    let mut same = Vec::new();
    let mut taken = Vec::new();
    while let Some(std::cmp::Reverse((key, i))) = heap.pop() {
        taken.push(i);
        while let Some(&std::cmp::Reverse((k, j))) = heap.peek() {
            if k != key {
                break;
            }
            heap.pop();
            taken.push(j);
        }
        // The heap gives equal keys in ascending run order.
        for &j in &taken {
            if let Some(e) = heads[j].take() {
                same.push(e);
            }
        }
        each(&same)?;
        same.clear();
        for &j in &taken {
            let head = runs[j].next().transpose()?;
            if let Some(e) = &head {
                if e.key <= key {
                    return Err(corrupt("a run's keys do not ascend"));
                }
                heap.push(std::cmp::Reverse((e.key, j)));
            }
            heads[j] = head;
        }
        taken.clear();
    }
    Ok(())
}

/// Merges the same part of several runs (given in document order) into that part of one
/// longer run, written to `out`; returns the bytes written. What merging many runs in groups
/// comes to, so that no merge reads too many files at once.
pub fn merge_part<I>(runs: Vec<I>, out: &mut impl Write) -> io::Result<u64>
where
    I: Iterator<Item = io::Result<RunEntry>>,
{
    let mut counted = Counting {
        inner: out,
        bytes: 0,
    };
    let mut prev = 0;
    merge(runs, |same| {
        let joined = RunEntry::concat(same)?;
        joined.write_to(prev, &mut counted)?;
        prev = joined.key;
        Ok(())
    })?;
    Ok(counted.bytes)
}

/// Writes the keys of one part of a layer into entries and block files.
#[derive(Debug)]
pub struct PartWriter {
    layer: Layer,
    block_bytes: usize,
    /// The longest postings kept in the shard, in bytes.
    inline: usize,
    blocks: u32,
    positions: Vec<u32>,
}

impl PartWriter {
    /// A part of `layer`, cut as `layout` says.
    pub fn new(layer: Layer, layout: Layout) -> PartWriter {
        let block_bytes = layout.block_bytes.max(1) as usize;
        PartWriter {
            layer,
            block_bytes,
            inline: block_bytes / 4,
            blocks: 0,
            positions: Vec::new(),
        }
    }

    /// Block files written so far.
    pub fn blocks(&self) -> u32 {
        self.blocks
    }

    /// Writes one key's postings from its run entries (in document order) and returns its
    /// entry: its postings (tag 0, document count, postings) when they are short, otherwise
    /// the directory of its blocks (tag 1, block count, first block, then per block its first
    /// document as a gap from the previous block's last and its last as a gap from its first),
    /// naming the part's blocks from 0. Each block file (`KBA4`, the layer, document count,
    /// postings) goes to `block` with its number in the part, in order.
    pub fn key(
        &mut self,
        entries: &[RunEntry],
        block: &mut impl FnMut(u32, Vec<u8>) -> io::Result<()>,
    ) -> io::Result<Vec<u8>> {
        let mut p = Postings::default();
        let first_block = self.blocks;
        let mut prev: Option<u32> = None;
        for e in entries {
            let mut r = Reader::new(&e.data);
            let mut in_entry = false;
            while !r.rest().is_empty() {
                let n = r.get32().map_err(|_| corrupt("a run entry is cut short"))?;
                let doc = match (in_entry, prev) {
                    (true, Some(prev)) => prev.checked_add(n).filter(|_| n > 0),
                    (false, Some(prev)) => Some(n).filter(|&d| d > prev),
                    (_, None) => Some(n),
                }
                .ok_or_else(|| corrupt("run documents out of order"))?;
                in_entry = true;
                prev = Some(doc);
                p.start(doc, self.block_bytes);
                if self.layer == Layer::Positions {
                    let count = r.get().map_err(|_| corrupt("a run entry is cut short"))?;
                    self.positions.clear();
                    let mut at = 0u32;
                    for _ in 0..count {
                        let gap = r.get32().map_err(|_| corrupt("a run entry is cut short"))?;
                        at = at
                            .checked_add(gap)
                            .ok_or_else(|| corrupt("a run position overflows"))?;
                        self.positions.push(at);
                    }
                    p.positions(&self.positions);
                }
                // Once a second block begins, the one before it is whole.
                if let Some(bytes) = p.take_whole_block() {
                    block(self.blocks, self.block_file(&bytes))?;
                    self.blocks += 1;
                }
            }
        }
        let mut entry = Vec::new();
        if p.blocks.len() == 1 && p.taken() == 0 && p.len() <= self.inline {
            put(&mut entry, 0);
            put(&mut entry, u64::from(p.blocks[0].count));
            p.block(0, &mut entry);
            return Ok(entry);
        }
        if let Some(bytes) = p.take_last_block() {
            block(self.blocks, self.block_file(&bytes))?;
            self.blocks += 1;
        }
        put(&mut entry, 1);
        put(&mut entry, p.blocks.len() as u64);
        put(&mut entry, u64::from(first_block));
        let mut last = 0;
        for m in &p.blocks {
            put(&mut entry, u64::from(m.first - last));
            put(&mut entry, u64::from(m.last - m.first));
            last = m.last;
        }
        Ok(entry)
    }

    /// A block file: the head, the number of documents, the postings.
    fn block_file(&self, (count, postings): &(u32, Vec<u8>)) -> Vec<u8> {
        let mut file = Vec::with_capacity(postings.len() + 10);
        file.extend_from_slice(MAGIC);
        file.push(self.layer.code());
        put(&mut file, u64::from(*count));
        file.extend_from_slice(postings);
        file
    }
}

/// Numbers an entry's blocks from `first` on instead of from where its part numbered them:
/// `first` is the number of blocks the parts before it wrote.
pub fn rebase_entry(entry: &mut Vec<u8>, first: u32) {
    if first == 0 {
        return;
    }
    let mut r = Reader::new(entry);
    let (Ok(1), Ok(count), Ok(at)) = (r.get(), r.get(), r.get()) else {
        return;
    };
    let rest = r.rest().to_vec();
    entry.clear();
    put(entry, 1);
    put(entry, count);
    put(entry, at + u64::from(first));
    entry.extend_from_slice(&rest);
}

/// How a layer's entries are placed in shard files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShardPlan {
    layer: Layer,
    shards: u32,
}

impl ShardPlan {
    /// The plan for a layer whose entries take `entry_bytes` in all (each entry's length and
    /// 4 bytes for its key and length: see [`ShardPlan::entry_cost`]), shards cut to about
    /// `layout.shard_bytes`.
    pub fn new(layer: Layer, entry_bytes: u64, layout: Layout) -> ShardPlan {
        let shard_bytes = u64::from(layout.shard_bytes.max(1));
        ShardPlan {
            layer,
            shards: entry_bytes
                .div_ceil(shard_bytes)
                .clamp(1, u64::from(u32::MAX)) as u32,
        }
    }

    /// What an entry of `len` bytes counts for in the layer's size.
    pub fn entry_cost(len: usize) -> u64 {
        len as u64 + 4
    }

    /// The number of shards.
    pub fn shards(&self) -> u32 {
        self.shards
    }

    /// The shard a key is placed in.
    pub fn shard(&self, key: u64) -> u32 {
        shard_of(key, self.shards)
    }

    /// A shard file (`KBA4`, the layer, key count, then for each key in ascending order its
    /// gap from the previous key, the entry's length and the entry) of `entries`, which must
    /// be the shard's, in ascending key order.
    pub fn file(&self, entries: &[(u64, Vec<u8>)]) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.push(self.layer.code());
        put(&mut out, entries.len() as u64);
        let mut last = 0;
        for (key, entry) in entries {
            put(&mut out, key - last);
            last = *key;
            put(&mut out, entry.len() as u64);
            out.extend_from_slice(entry);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::FieldKind;

    fn doc(text: &str) -> DocKeys {
        DocKeys::new(&Document::new().with(FieldKind::Body, text), [])
    }

    #[test]
    fn a_documents_keys_are_its_characters_and_its_bigrams_with_positions() {
        let keys = doc("港城港城");
        assert_eq!(keys.docs.len(), 2);
        let gang_cheng = bigram('港', '城');
        let at: Vec<u32> = keys
            .grams
            .iter()
            .filter(|g| g.0 == gang_cheng)
            .map(|g| g.1)
            .collect();
        assert_eq!(at, [0, 2]);
        assert_eq!(keys.grams.len(), 3);
    }

    #[test]
    fn facet_values_are_keys_of_the_docs_layer_once_each() {
        let d = Document::new().with(FieldKind::Title, "港");
        let v = || (Facet::Reporter, "王瑶".to_owned());
        let keys = DocKeys::new(&d, [v(), v()]);
        assert_eq!(keys.facets().len(), 1);
        assert!(keys.docs.contains(&facet_key(Facet::Reporter, "王瑶")));
    }

    fn entries_of(run: Run) -> Vec<RunEntry> {
        let sorted = run.sorted();
        (0..PARTS)
            .flat_map(|p| sorted.part(Layer::Positions, p).to_vec())
            .collect()
    }

    #[test]
    fn a_run_file_reads_back_as_it_was_written() {
        let mut run = Run::new();
        run.add(3, &doc("港城标兵"));
        run.add(9, &doc("标兵港城"));
        let sorted = run.sorted();
        let mut file = Vec::new();
        let ends = sorted.write_to(&mut file).expect("written to memory");
        assert_eq!(ends.len(), 2 * PARTS as usize);
        assert_eq!(*ends.last().unwrap_or(&0), file.len() as u64);
        let i = part_index(Layer::Positions, part_of(bigram('港', '城')));
        let from = if i == 0 { 0 } else { ends[i - 1] as usize };
        let read: Vec<RunEntry> = RunReader::new(&file[from..ends[i] as usize])
            .collect::<io::Result<_>>()
            .expect("a whole run file");
        assert_eq!(read, sorted.part(Layer::Positions, i as u32 % PARTS));
    }

    #[test]
    fn runs_joined_give_the_postings_of_one_run_over_all_their_documents() {
        let texts = ["港城标兵", "港城", "城港", "标兵港城港城"];
        let mut whole = Run::new();
        let (mut a, mut b) = (Run::new(), Run::new());
        for (i, t) in texts.iter().enumerate() {
            whole.add(i as u32 * 2, &doc(t));
            let half = if i < 2 { &mut a } else { &mut b };
            half.add(i as u32 * 2, &doc(t));
        }
        let whole = entries_of(whole);
        let (a, b) = (entries_of(a), entries_of(b));
        for e in &whole {
            let parts: Vec<RunEntry> = a
                .iter()
                .chain(&b)
                .filter(|x| x.key == e.key)
                .cloned()
                .collect();
            assert_eq!(&RunEntry::concat(&parts).expect("in order"), e);
        }
    }

    #[test]
    fn merge_hands_each_key_once_with_its_entries_in_run_order() {
        let entry = |key, last| RunEntry {
            key,
            last,
            data: vec![last as u8],
        };
        let a = vec![entry(1, 1), entry(5, 2)];
        let b = vec![entry(1, 7), entry(3, 8), entry(5, 9)];
        let mut seen = Vec::new();
        merge(vec![a.into_iter().map(Ok), b.into_iter().map(Ok)], |same| {
            seen.push((same[0].key, same.iter().map(|e| e.last).collect::<Vec<_>>()));
            Ok(())
        })
        .expect("sorted runs");
        assert_eq!(seen, [(1, vec![1, 7]), (3, vec![8]), (5, vec![2, 9])]);
    }

    #[test]
    fn runs_merged_part_by_part_read_as_the_runs_joined() {
        let (mut a, mut b) = (Run::new(), Run::new());
        a.add(1, &doc("港城标兵"));
        b.add(4, &doc("标兵港城"));
        let (a, b) = (a.sorted(), b.sorted());
        let part = part_of(bigram('标', '兵'));
        let mut file = Vec::new();
        let written = merge_part(
            vec![
                a.part(Layer::Positions, part).to_vec().into_iter().map(Ok),
                b.part(Layer::Positions, part).to_vec().into_iter().map(Ok),
            ],
            &mut file,
        )
        .expect("sorted runs");
        assert_eq!(written, file.len() as u64);
        let merged: Vec<RunEntry> = RunReader::new(&file[..])
            .collect::<io::Result<_>>()
            .expect("a whole part");
        let key = bigram('标', '兵');
        let both: Vec<RunEntry> = [
            a.part(Layer::Positions, part),
            b.part(Layer::Positions, part),
        ]
        .iter()
        .flat_map(|p| p.iter().filter(|e| e.key == key).cloned())
        .collect();
        let joined = merged
            .iter()
            .find(|e| e.key == key)
            .expect("标兵 in the part");
        assert_eq!(joined, &RunEntry::concat(&both).expect("in order"));
    }

    #[test]
    fn merge_refuses_runs_whose_keys_do_not_ascend() {
        let entry = |key| RunEntry {
            key,
            last: 0,
            data: vec![0],
        };
        let a = vec![entry(5), entry(2)];
        let out = merge(vec![a.into_iter().map(Ok)], |_| Ok(()));
        assert_eq!(out.map_err(|e| e.kind()), Err(io::ErrorKind::InvalidData));
    }

    #[test]
    fn a_long_list_is_cut_into_blocks_numbered_in_order_and_a_short_one_kept_whole() {
        let layout = Layout {
            block_bytes: 64,
            ..Layout::default()
        };
        let mut run = Run::new();
        for i in 0..200 {
            run.add(i, &doc(if i % 50 == 0 { "港城" } else { "港" }));
        }
        let sorted = run.sorted();
        let mut w = PartWriter::new(Layer::Docs, layout);
        let mut numbers = Vec::new();
        let gang = unigram('港');
        let entries = sorted.part(Layer::Docs, part_of(gang));
        let long = entries.iter().find(|e| e.key == gang).expect("港 is a key");
        let entry = w
            .key(std::slice::from_ref(long), &mut |n, file| {
                assert!(file.starts_with(MAGIC));
                numbers.push(n);
                Ok(())
            })
            .expect("whole postings");
        assert!(numbers.len() > 2);
        assert_eq!(numbers, (0..numbers.len() as u32).collect::<Vec<_>>());
        assert_eq!(entry[0], 1);
        let cheng = unigram('城');
        let short = sorted
            .part(Layer::Docs, part_of(cheng))
            .iter()
            .find(|e| e.key == cheng)
            .expect("城 is a key");
        let mut w = PartWriter::new(Layer::Docs, layout);
        let entry = w
            .key(std::slice::from_ref(short), &mut |_, _| Ok(()))
            .expect("whole postings");
        assert_eq!(&entry[..2], [0, 4]);
        assert_eq!(w.blocks(), 0);
    }

    #[test]
    fn a_rebased_entry_names_its_blocks_after_the_parts_before() {
        let mut entry = Vec::new();
        for n in [1, 2, 0, 5, 3, 1, 1] {
            put(&mut entry, n);
        }
        let mut moved = entry.clone();
        rebase_entry(&mut moved, 300);
        let mut r = Reader::new(&moved);
        let read: Vec<u64> = (0..7).map(|_| r.get().unwrap_or(u64::MAX)).collect();
        assert_eq!(read, [1, 2, 300, 5, 3, 1, 1]);
        let mut inline = vec![0, 1, 4];
        rebase_entry(&mut inline, 300);
        assert_eq!(inline, [0, 1, 4]);
    }

    #[test]
    fn a_shard_plan_cuts_a_layer_by_size_and_writes_keys_in_order() {
        let layout = Layout {
            shard_bytes: 100,
            ..Layout::default()
        };
        assert_eq!(ShardPlan::new(Layer::Docs, 0, layout).shards(), 1);
        assert_eq!(ShardPlan::new(Layer::Docs, 250, layout).shards(), 3);
        let plan = ShardPlan::new(Layer::Positions, 10, layout);
        let file = plan.file(&[(3, vec![0, 1, 0]), (7, vec![0, 1, 2])]);
        let shard = super::super::Shard::decode(&file).expect("a shard file");
        assert_eq!(shard.keys(), 2);
        assert_eq!(shard.layer(), Layer::Positions);
    }
}
