//! The archive's format: its files and layers, how it is cut, its manifest, and why an
//! archive cannot be read.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The format tag written into every [`Manifest`].
pub const ARCHIVE_FORMAT: &str = "kanbao.archive/4";

/// Magic bytes at the start of every shard and block file.
pub(super) const MAGIC: &[u8; 4] = b"KBA4";

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
    /// The layer's directory under the index: `docs`, `positions`.
    pub fn dir(self) -> &'static str {
        match self {
            Layer::Docs => "docs",
            Layer::Positions => "positions",
        }
    }

    pub(super) fn code(self) -> u8 {
        match self {
            Layer::Docs => 0,
            Layer::Positions => 1,
        }
    }

    pub(super) fn of(code: u8) -> Result<Layer, ArchiveError> {
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
    /// Whether the archive has a calendar of its dates (`calendar/`, see
    /// [`Calendar`](super::Calendar)); archives built before it have none.
    #[serde(default)]
    pub calendar: bool,
    /// Whether the archive indexes the values of [`Facet::ARCHIVED`](crate::Facet::ARCHIVED),
    /// so searches can be filtered on them, and lists them in `facets.json`
    /// ([`ArchiveFacets`](super::ArchiveFacets)); archives built before it do not.
    #[serde(default)]
    pub facets: bool,
    /// Where the shards, blocks and chunks are when the archive is packed (as `kanbao build`
    /// packs it, see [`Packs`](super::Packs)); `None` when they are loose files (`--loose`, and
    /// archives built before packs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub packs: Option<super::Packs>,
    /// Archives appended to this one (`kanbao build --append`), oldest first: each a whole
    /// archive of its own in a folder under this one's, whose documents a reader numbers
    /// after this archive's and those of the segments before it. Appending writes a new
    /// segment and this manifest, nothing else.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<Segment>,
}

/// An archive appended to another ([`Manifest::segments`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    /// Its folder, relative to the archive it was appended to, ending in `/`:
    /// `segments/0001/`.
    pub path: String,
    /// Its number of documents.
    pub docs: u32,
}

impl Segment {
    /// The folder of the `n`th segment appended (from 1).
    pub fn path_of(n: usize) -> String {
        format!("segments/{n:04}/")
    }

    /// Whether `path` is a folder a segment may name: relative, inside the archive's folder
    /// (no `..`, no scheme, no leading `/`), ending in `/`.
    pub fn is_inside(path: &str) -> bool {
        !path.is_empty()
            && path.ends_with('/')
            && !path.starts_with('/')
            && !path.contains(':')
            && !path.contains('\\')
            && path.split('/').all(|part| part != ".." && part != ".")
    }
}

impl Manifest {
    /// Documents of the archive with those of its [`segments`](Self::segments).
    pub fn docs_with_segments(&self) -> u64 {
        u64::from(self.docs) + self.segments.iter().map(|s| u64::from(s.docs)).sum::<u64>()
    }

    /// The manifest of an index of `docs` documents cut as `layout` says into `shards`
    /// (for each layer of [`LAYERS`](super::LAYERS)) and `blocks` block files, stored
    /// uncompressed, without a calendar or packs.
    pub fn for_index(docs: u32, layout: Layout, shards: [u32; 2], blocks: u32) -> Manifest {
        Manifest {
            format: ARCHIVE_FORMAT.to_string(),
            docs,
            doc_shards: shards[0],
            position_shards: shards[1],
            blocks,
            block_bytes: layout.block_bytes,
            chunk_size: layout.chunk_size,
            chunks: docs.div_ceil(layout.chunk_size.max(1)),
            card_chunk_size: layout.card_chunk_size,
            card_chunks: docs.div_ceil(layout.card_chunk_size.max(1)),
            hash: "splitmix64-finaliser(key) % shards".to_string(),
            sizes: Sizes::default(),
            compression: Compression::None,
            calendar: false,
            facets: true,
            packs: None,
            segments: Vec::new(),
        }
    }
}

/// How an archive's files are stored. A compressed file's name ends in the compression's
/// [`suffix`](Compression::suffix) (`docs/0012.bin.gz`); its content, once decompressed, is
/// what this module describes. [`ArchiveBuilder`](super::ArchiveBuilder) yields the bytes
/// uncompressed; whoever writes the files compresses them and says so here.
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
