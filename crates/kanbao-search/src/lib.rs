//! Kanbao's search: full-text search over Chinese newspaper articles, without a dictionary.
//!
//! Chinese has no spaces between words and a dictionary would always miss the names and new
//! coinages that news is made of, so this index makes no attempt at word segmentation.
//! Instead every query term is matched as an exact substring of one field of an article:
//!
//! - Text is normalised the same way when indexing and when querying: full-width letters,
//!   digits and punctuation fold to ASCII (`ＡＢＣ１２３，` is `abc123,`), letters lowercase,
//!   and whitespace and line breaks vanish, except that a single space still separates two
//!   Latin words. So `王超` finds `王 超` and a name broken across a line.
//! - Traditional characters fold to simplified ones (OpenCC's character table, Apache-2.0:
//!   `臺灣` is `台湾`, `發` and `髮` are both `发`), so a query in either script finds the other;
//!   [`highlight`] still marks the characters as printed.
//! - Posting lists of Han unigrams and bigrams and of whole Latin words and numbers narrow the
//!   candidates; each candidate is then checked against its normalised text. Precision is
//!   exact: `港城` never matches a text that only has `航天港` and `新城`.
//! - Hits are ranked with BM25, counting matches in titles most, then in headings and
//!   bylines, then in body text and captions.
//!
//! [`highlight`] and [`snippet`] find the same matches in a field's original text, for
//! marking them in the reading view and on result cards.
//!
//! [`ArchiveBuilder`] writes the index as static files for archives too large to download
//! whole, and [`ArchiveIndex`] finds the same documents from the few files a page of results
//! needs, newest first.
//!
//! Nothing here touches the browser, the file system or the clock: the crate runs natively and
//! in wasm alike, and no input makes it fail or panic.
//!
//! # Example
//!
//! ```
//! use kanbao_search::{Document, FieldKind, Index, Query, highlight};
//!
//! let mut index = Index::new();
//! let news = index.add(
//!     &Document::new()
//!         .with(FieldKind::Title, "５８.４４万粒“三无”减肥产品 夹藏进境被海关查获")
//!         .with(FieldKind::Byline, "YMG全媒体记者 王鸿云 通讯员 肖艳芬 王 超 丁晓"),
//! );
//! let museum = index.add(
//!     &Document::new().with(FieldKind::Title, "烟台自然博物馆获评 国家自然资源科普基地"),
//! );
//!
//! let hits = index.search(&Query::parse("王超 58.44万粒"));
//! assert_eq!(hits.len(), 1);
//! assert_eq!(hits[0].doc, news);
//!
//! let hits = index.search(&Query::parse("-海关"));
//! assert_eq!(hits[0].doc, museum);
//!
//! // Byte ranges into the original text, spanning the padding inside the name.
//! let byline = "通讯员 王 超";
//! assert_eq!(highlight(byline, &Query::parse("王超")), [10..17]);
//! assert_eq!(&byline[10..17], "王 超");
//! ```

mod archive;
mod document;
mod facet;
mod highlight;
mod index;
mod query;
mod record;
mod score;
mod tokenize;

pub use archive::{
    ARCHIVE_FORMAT, Archive, ArchiveBuilder, ArchiveError, ArchiveFacets, ArchiveIndex,
    CALENDAR_FORMAT, Calendar, CalendarBuilder, CalendarDay, CalendarMonth, Compression,
    DIRECTORY_PAGE, DIRECTORY_PATH, DayPage, DocKeys, ENTRY_BYTES, FACETS_FORMAT, FacetCount,
    FacetSummary, FacetTally, FileId, Filters, LAYERS, Layer, Layout, Manifest, MonthCount,
    PACK_BYTES, PACKED_DIRS, PARTS, PLACES_MARK, PLACES_TRAILER, PackEntry, PackWriter, PackedKind,
    Packs, PartWriter, Run, RunEntry, RunReader, Search, Segment, Shard, ShardPlan, Sizes,
    SortedRun, TimelinePeriod, block_places_tail, file_number, is_date, merge, merge_part,
    page_number, part_index, part_of, rebase_entry, split_block_places, timeline_periods,
    with_block_places,
};
pub use document::{Document, Field, FieldKind};
pub use facet::{Facet, kind_key, report_place};
pub use highlight::{Snippet, highlight, snippet};
pub use index::{DocId, Hit, Index};
pub use query::{Query, Term};
pub use record::{ArchiveRecord, EXCERPT_CHARS, RecordBlock, RecordByline, RecordPlace};
