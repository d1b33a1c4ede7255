//! Writing an archive: documents go in, in id order, and the bytes of every index file and
//! the manifest come out.

use std::collections::{BTreeMap, HashMap};

use super::facets::ArchiveFacets;
use super::format::{FileId, Layout, Manifest};
use super::runs::{DocKeys, LAYERS, PARTS, PartWriter, Run, ShardPlan, rebase_entry};
use crate::document::Document;
use crate::facet::Facet;
use crate::index::DocId;

/// Builds an archive index from documents added in id order, in memory. `kanbao build` does
/// the same in bounded memory on every core with the pieces of [`Run`] (the same archive,
/// byte for byte).
#[derive(Debug)]
pub struct ArchiveBuilder {
    run: Run,
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
            run: Run::new(),
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
        self.add_keys(&DocKeys::new(doc, facets))
    }

    /// Adds a document by its keys, read apart (see [`DocKeys::new`]), and returns its id.
    pub fn add_keys(&mut self, keys: &DocKeys) -> DocId {
        let id = self.count;
        for value in keys.facets() {
            *self.facet_counts.entry(value.clone()).or_default() += 1;
        }
        self.run.add(id, keys);
        self.count += 1;
        DocId(id)
    }

    /// Cuts the postings into shards and blocks and writes the manifest.
    pub fn finish(self) -> Archive {
        let layout = self.layout;
        let mut run = self.run.sorted();
        let mut files = BTreeMap::new();
        let mut blocks = 0u32;
        let mut shards = [0u32; 2];
        for (l, layer) in LAYERS.into_iter().enumerate() {
            let mut entries = Vec::new();
            for part in 0..PARTS {
                let mut writer = PartWriter::new(layer, layout);
                for e in run.take_part(layer, part) {
                    let mut add = |n: u32, file: Vec<u8>| {
                        files.insert(FileId::Block(blocks + n), file);
                        Ok(())
                    };
                    // Postings gathered in memory, in order, always decode.
                    let Ok(mut entry) = writer.key(std::slice::from_ref(&e), &mut add) else {
                        unreachable!("a run built in memory is whole")
                    };
                    rebase_entry(&mut entry, blocks);
                    entries.push((e.key(), entry));
                }
                blocks += writer.blocks();
            }
            let total = entries
                .iter()
                .map(|(_, e)| ShardPlan::entry_cost(e.len()))
                .sum();
            let plan = ShardPlan::new(layer, total, layout);
            let mut bins: Vec<Vec<(u64, Vec<u8>)>> =
                (0..plan.shards()).map(|_| Vec::new()).collect();
            for (key, entry) in entries {
                bins[plan.shard(key) as usize].push((key, entry));
            }
            for (n, mut bin) in bins.into_iter().enumerate() {
                bin.sort_unstable_by_key(|(k, _)| *k);
                files.insert(FileId::Shard(layer, n as u32), plan.file(&bin));
            }
            shards[l] = plan.shards();
        }
        let manifest = Manifest::for_index(self.count, layout, shards, blocks);
        Archive {
            manifest,
            files,
            facets: ArchiveFacets::from_counts(self.facet_counts),
        }
    }
}
