//! Writing an archive: documents go in, in id order, and the bytes of every index file and
//! the manifest come out.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::codec::{Postings, put};
use super::facets::{ArchiveFacets, facet_key};
use super::format::{ARCHIVE_FORMAT, Compression, FileId, Layer, Layout, MAGIC, Manifest, Sizes};
use super::shard_of;
use crate::document::Document;
use crate::facet::Facet;
use crate::index::DocId;
use crate::tokenize::{bigram, normalize, unigram};

/// Builds an archive index from documents added in id order.
#[derive(Debug)]
pub struct ArchiveBuilder {
    docs: HashMap<u64, Postings>,
    positions: HashMap<u64, Postings>,
    /// Articles holding each facet value.
    facet_counts: HashMap<(Facet, String), u64>,
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
    /// `facets.json`'s content: the most common values of each facet.
    pub facets: ArchiveFacets,
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
            facet_counts: HashMap::new(),
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
        self.add_with_facets(doc, std::iter::empty())
    }

    /// Adds a document with its facet values (see [`Facet::values`]), so that searches can be
    /// filtered on them, and returns its id.
    pub fn add_with_facets(
        &mut self,
        doc: &Document,
        facets: impl IntoIterator<Item = (Facet, String)>,
    ) -> DocId {
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
        let mut values: Vec<(Facet, String)> = facets.into_iter().collect();
        values.sort_unstable();
        values.dedup();
        for (facet, value) in values {
            unigrams.insert(facet_key(facet, &value));
            *self.facet_counts.entry((facet, value)).or_default() += 1;
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
            calendar: false,
            facets: true,
            packs: None,
        };
        Archive {
            manifest,
            files,
            facets: ArchiveFacets::from_counts(self.facet_counts),
        }
    }
}

/// Writes one layer: each key's entry (tag 0, document count and postings for a short list;
/// tag 1, block count, first block number, then per block its first document as a gap from
/// the previous block's last and its last as a gap from its first), block files (`KBA4`, the
/// layer, document count, postings) numbered on from `blocks`, and shard files (`KBA4`, the
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
