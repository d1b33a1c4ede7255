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

mod build;
mod calendar;
mod codec;
mod facets;
mod format;
mod keys;
mod pack;
mod runs;
mod search;

pub use build::{Archive, ArchiveBuilder};
pub use calendar::{
    CALENDAR_FORMAT, Calendar, CalendarBuilder, CalendarDay, CalendarMonth, DayPage, MonthCount,
    TimelinePeriod, is_date, page_number, timeline_periods,
};
pub use codec::Shard;
pub use facets::{ArchiveFacets, FACETS_FORMAT, FacetCount, FacetSummary, FacetTally};
pub use format::{
    ARCHIVE_FORMAT, ArchiveError, Compression, FileId, Layer, Layout, Manifest, Segment, Sizes,
};
pub use pack::{
    DIRECTORY_PAGE, DIRECTORY_PATH, ENTRY_BYTES, PACK_BYTES, PACKED_DIRS, PLACES_MARK,
    PLACES_TRAILER, PackEntry, PackWriter, PackedKind, Packs, block_places_tail, file_number,
    split_block_places, with_block_places,
};
pub use runs::{
    DocKeys, LAYERS, PARTS, PartWriter, Run, RunEntry, RunReader, ShardPlan, SortedRun, merge,
    merge_part, part_index, part_of, rebase_entry,
};
pub use search::{ArchiveIndex, Filters, Search};

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
