//! One archive (`kanbao build`) read lazily: its manifest at opening, then only the index
//! shards and blocks a page of results needs (newest first), the card chunks of the results on
//! screen, and the record chunk of an article that is opened. A deployment may search several
//! as one ([`super::ArchiveClient`]): each part numbers its documents from 0, and gives the
//! pages of its records and cards the numbers they have among all.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use kanbao_search::{
    ArchiveFacets, ArchiveIndex, ArchiveRecord, CALENDAR_FORMAT, Calendar, CalendarMonth,
    Compression, DIRECTORY_PAGE, DIRECTORY_PATH, DocId, ENTRY_BYTES, FACETS_FORMAT, Facet, FileId,
    Filters, Layer, Manifest, PLACES_TRAILER, PackEntry, Packs, Query, Search, Shard,
    block_places_tail, split_block_places,
};

use super::cache::{BLOCK_CACHE, Bounded, RECORD_CACHE, SHARD_CACHE};
use super::fetch::{can_gunzip, decompress, fetch, fetch_range, fetch_stored, stored_url};
use super::records::{Chunk, into_page};
use crate::error::AppError;
use crate::library::LibraryPage;

/// One open archive, with what it has fetched so far.
#[derive(Debug)]
pub(super) struct Part {
    /// Its folder's address, ending in `/`: `archive/`, `archive/segments/0001/`, or another
    /// origin's.
    base: String,
    /// What the reader is told it is called.
    pub(super) name: String,
    /// The number its first document has among all the deployment's.
    pub(super) start: u32,
    index: ArchiveIndex,
    shards: RefCell<Bounded<FileId, Shard>>,
    /// Block files, decompressed.
    blocks: RefCell<Bounded<FileId, Rc<[u8]>>>,
    records: RefCell<Bounded<u32, Vec<ArchiveRecord>>>,
    /// Card chunks, each card as a page of one article.
    cards: RefCell<HashMap<u32, Vec<Rc<LibraryPage>>>>,
    /// Card chunks on their way.
    loading: RefCell<HashSet<u32>>,
    /// The calendar of dates, once fetched.
    calendar: RefCell<Option<Rc<Calendar>>>,
    /// The calendar's months fetched so far.
    months: RefCell<HashMap<String, Rc<CalendarMonth>>>,
    /// The facets' most common values, once fetched.
    facets: RefCell<Option<Rc<ArchiveFacets>>>,
    /// Pages of a packed archive's directory fetched so far, by number.
    directory: RefCell<HashMap<u32, Rc<[u8]>>>,
    /// Places of blocks, by directory entry, as the shards fetched so far carry them.
    places: RefCell<HashMap<u32, PackEntry>>,
    /// Bytes of index, cards and records downloaded since the archive was opened.
    fetched: Cell<u64>,
}

/// Requests a round of directory pages is cut into at most, where the pages lie close enough
/// (fewer than [`DIRECTORY_GAP`] pages, 192 bytes each, between them).
const DIRECTORY_REQUESTS: usize = 4;
const DIRECTORY_GAP: u32 = 8;

/// Whether a packed archive of `shards` shards reads all their places when it opens (12 bytes
/// a shard: 13.5 KB at 60,000 pages): up to [`SHARDS_AT_OPENING`]. A larger archive (some
/// 80,000 pages and up) reads the few pages placing a search's shards with them instead, one
/// round more for a cold search rather than hundreds of KB before the first.
fn shards_placed_at_opening(shards: u32) -> bool {
    shards <= SHARDS_AT_OPENING
}

/// The most shards whose places a packed archive reads when it opens (18 KB of directory).
const SHARDS_AT_OPENING: u32 = 1_536;

/// Documents at the edge of a search's window whose cards' places are fetched with its
/// blocks (two or three pages of the directory, at eight cards a chunk).
const GUESSED_DOCS: u32 = 256;

/// The most block places a session keeps (about 2 MB).
const PLACES_HELD: usize = 100_000;

impl Part {
    /// The manifest of the archive at `base` (its folder's address, ending in `/`) and its
    /// size in bytes, or `None` when there is none there (HTTP 404).
    pub(super) async fn manifest(base: &str) -> Result<Option<(Manifest, u64)>, AppError> {
        let url = Part::manifest_url(base);
        let Some(buffer) = fetch(&url).await? else {
            return Ok(None);
        };
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        let manifest: Manifest =
            crate::json::from_slice(&bytes, |detail| AppError::ArchiveCorrupt {
                url: url.clone(),
                detail,
            })?;
        if manifest.compression == Compression::Gzip && !can_gunzip() {
            return Err(AppError::NoDecompression { url });
        }
        Ok(Some((manifest, bytes.len() as u64)))
    }

    /// The address of the manifest of the archive at `base`.
    pub(super) fn manifest_url(base: &str) -> String {
        format!("{base}index/manifest.json")
    }

    /// The error of an archive at `base` that has no manifest.
    pub(super) fn not_found(base: &str) -> AppError {
        AppError::ArchiveUnreachable {
            url: Part::manifest_url(base),
            detail: "HTTP 404".into(),
        }
    }

    /// The archive at `base` named `name`, of which only the manifest is known (`fetched`
    /// bytes in), its documents numbered from `start` among all.
    pub(super) fn new(
        base: String,
        name: String,
        start: u32,
        manifest: Manifest,
        fetched: u64,
    ) -> Result<Part, AppError> {
        Ok(Part {
            index: ArchiveIndex::new(manifest)
                .map_err(|e| AppError::archive(&Part::manifest_url(&base), e))?,
            base,
            name,
            start,
            shards: RefCell::new(Bounded::new(SHARD_CACHE)),
            blocks: RefCell::new(Bounded::new(BLOCK_CACHE)),
            records: RefCell::new(Bounded::new(RECORD_CACHE)),
            cards: RefCell::default(),
            loading: RefCell::default(),
            calendar: RefCell::default(),
            months: RefCell::default(),
            facets: RefCell::default(),
            directory: RefCell::new(HashMap::new()),
            places: RefCell::new(HashMap::new()),
            fetched: Cell::new(fetched),
        })
    }

    /// The archive's manifest.
    pub(super) fn manifest_held(&self) -> &Manifest {
        self.index.manifest()
    }

    /// The address of the archive's index: what an error names where no one file of it can be.
    fn index_url(&self) -> String {
        format!("{}index/", self.base)
    }

    /// Number of articles in the archive.
    pub(super) fn len(&self) -> usize {
        self.index.len()
    }

    fn compression(&self) -> Compression {
        self.index.manifest().compression
    }

    /// Bytes downloaded so far.
    pub(super) fn fetched(&self) -> u64 {
        self.fetched.get()
    }

    /// Fetches one chunk of records or cards; returns it with its size in bytes.
    async fn fetch_chunk(
        &self,
        kind: Chunk,
        n: u32,
    ) -> Result<(Vec<ArchiveRecord>, usize), AppError> {
        let (url, bytes) = self.read_stored(&kind.path(n)).await?;
        let mut records: Vec<ArchiveRecord> =
            crate::json::from_slice(&bytes, |detail| AppError::ArchiveCorrupt { url, detail })?;
        // Numbered as the reader knows them: among all the deployment's documents.
        for record in &mut records {
            record.doc = record.doc.saturating_add(self.start);
        }
        Ok((records, bytes.len()))
    }

    /// One archived article, whole, by document number.
    pub(super) async fn article(&self, doc: u32) -> Result<Option<LibraryPage>, AppError> {
        if doc as usize >= self.len() {
            return Ok(None);
        }
        let (chunk, at) = self.index.chunk_of(DocId(doc));
        if self.records.borrow_mut().get(&chunk).is_none() {
            let (records, size) = self.fetch_chunk(Chunk::Records, chunk).await?;
            self.records.borrow_mut().insert(chunk, records, size);
        }
        Ok(self
            .records
            .borrow()
            .map()
            .get(&chunk)
            .and_then(|c| c.get(at as usize))
            .cloned()
            .map(into_page))
    }

    /// The archive's calendar of dates (fetched once), or `None` when it was built without one.
    pub(super) async fn calendar(&self) -> Result<Option<Rc<Calendar>>, AppError> {
        let held = self.index.manifest().calendar;
        self.fetch_once(&self.calendar, held, Calendar::PATH, CALENDAR_FORMAT, |c| {
            &c.format
        })
        .await
    }

    /// One of the archive's JSON files that is read whole, once: fetched when the archive
    /// `held` it and `cell` does not yet, its format tag checked, kept in `cell`.
    async fn fetch_once<T: serde::de::DeserializeOwned>(
        &self,
        cell: &RefCell<Option<Rc<T>>>,
        held: bool,
        path: &str,
        format: &str,
        format_of: fn(&T) -> &str,
    ) -> Result<Option<Rc<T>>, AppError> {
        if !held {
            return Ok(None);
        }
        if let Some(value) = cell.borrow().clone() {
            return Ok(Some(value));
        }
        let (url, bytes) =
            fetch_stored(&self.base, path, self.compression(), &self.fetched).await?;
        let value: T = crate::json::from_slice(&bytes, |detail| AppError::ArchiveCorrupt {
            url: url.clone(),
            detail,
        })?;
        if format_of(&value) != format {
            return Err(AppError::ArchiveCorrupt {
                url,
                detail: format!("not a {format} file: {}", format_of(&value)),
            });
        }
        let value = Rc::new(value);
        *cell.borrow_mut() = Some(value.clone());
        Ok(Some(value))
    }

    /// The calendar, if it has been fetched.
    pub(super) fn cached_calendar(&self) -> Option<Rc<Calendar>> {
        self.calendar.borrow().clone()
    }

    /// One month of the calendar (`YYYY-MM`, fetched once), or `None` when the archive holds
    /// no page of it.
    pub(super) async fn month(&self, month: &str) -> Result<Option<Rc<CalendarMonth>>, AppError> {
        if !self.index.manifest().calendar {
            return Ok(None);
        }
        if let Some(m) = self.months.borrow().get(month).cloned() {
            return Ok(Some(m));
        }
        let path = CalendarMonth::path(month);
        let known = self.calendar.borrow().clone();
        let (calendar, file) = match known {
            // The calendar says whether the month is held before anything is fetched.
            Some(calendar) if !calendar.holds(month) => return Ok(None),
            Some(calendar) => (
                Some(calendar),
                fetch_stored(&self.base, &path, self.compression(), &self.fetched).await,
            ),
            // Opening a date cold: the calendar and the month come together, and the month's
            // file counts only if the calendar holds it.
            None => {
                let (calendar, file) = futures::future::join(
                    self.calendar(),
                    fetch_stored(&self.base, &path, self.compression(), &self.fetched),
                )
                .await;
                (calendar?, file)
            }
        };
        if !calendar.is_some_and(|c| c.holds(month)) {
            return Ok(None);
        }
        let (url, bytes) = file?;
        let m: CalendarMonth =
            crate::json::from_slice(&bytes, |detail| AppError::ArchiveCorrupt { url, detail })?;
        let m = Rc::new(m);
        self.months.borrow_mut().insert(month.to_owned(), m.clone());
        Ok(Some(m))
    }

    /// The documents of a period (`from`, `to`: a year, a month or a day, both included), or
    /// `None` when the archive cannot tell them: built without a calendar, or not in date order.
    pub(super) async fn docs_in_period(
        &self,
        from: &str,
        to: &str,
    ) -> Result<Option<std::ops::Range<u32>>, AppError> {
        let Some(calendar) = self.calendar().await? else {
            return Ok(None);
        };
        let month = |p: &str, end: bool| match p.len() {
            4 => format!("{p}-{}", if end { "12" } else { "01" }),
            _ => p.get(..7).unwrap_or(p).to_owned(),
        };
        let (first, last) = (month(from, false), month(to, true));
        let Some(mut range) = calendar.docs_between(Some(&first), Some(&last)) else {
            return Ok(None);
        };
        // A day at either end narrows the range to that day, from its month's file.
        if from.len() == 10
            && let Some(m) = self.month(&first).await?
        {
            let start = m
                .days
                .iter()
                .filter(|d| d.date.as_str() >= from)
                .flat_map(|d| d.pages.iter().map(|p| p.first))
                .min();
            let month_end = calendar.docs_between(Some(&first), Some(&first));
            range.start = start
                .or(month_end.map(|r| r.end))
                .unwrap_or(range.start)
                .max(range.start);
        }
        if to.len() == 10
            && let Some(m) = self.month(&last).await?
        {
            let end = m
                .days
                .iter()
                .filter(|d| d.date.as_str() <= to)
                .flat_map(|d| d.pages.iter().map(|p| p.docs().end))
                .max();
            let month_start = calendar.docs_between(Some(&last), Some(&last));
            range.end = end
                .or(month_start.map(|r| r.start))
                .unwrap_or(range.end)
                .min(range.end);
        }
        range.end = range.end.max(range.start);
        Ok(Some(range))
    }

    /// The card chunk that holds a document's card.
    pub(super) fn card_chunk(&self, doc: u32) -> u32 {
        self.index.card_of(DocId(doc)).0
    }

    /// Whether a document's card chunk is on its way.
    pub(super) fn card_loading(&self, doc: u32) -> bool {
        self.loading.borrow().contains(&self.card_chunk(doc))
    }

    /// A document's card (as a page of one article), once its chunk is loaded.
    pub(super) fn card(&self, doc: u32) -> Option<Rc<LibraryPage>> {
        let (chunk, at) = self.index.card_of(DocId(doc));
        self.cards.borrow().get(&chunk)?.get(at as usize).cloned()
    }

    /// The card chunks that the cards of `docs` need, neither loaded nor on their way, in the
    /// order of the documents they first serve.
    pub(super) fn missing_cards(&self, docs: &[u32]) -> Vec<u32> {
        let (cards, loading) = (self.cards.borrow(), self.loading.borrow());
        let mut chunks: Vec<u32> = Vec::new();
        for &doc in docs {
            let chunk = self.card_chunk(doc);
            if !cards.contains_key(&chunk) && !loading.contains(&chunk) && !chunks.contains(&chunk)
            {
                chunks.push(chunk);
            }
        }
        chunks
    }

    /// Fetches the directory pages that place the card chunks `chunks` in a packed archive,
    /// together, before the chunks are loaded one by one (each shows as it comes in).
    pub(super) async fn locate_cards(&self, chunks: &[u32]) -> Result<(), AppError> {
        self.locate(chunks.iter().map(|&c| Chunk::Cards.path(c)))
            .await
    }

    /// Loads one chunk of cards (see [`missing_cards`](Self::missing_cards)); a chunk that
    /// fails may be asked for again.
    pub(super) async fn load_cards(&self, chunk: u32) -> Result<(), AppError> {
        self.loading.borrow_mut().insert(chunk);
        let cards = self.fetch_chunk(Chunk::Cards, chunk).await;
        self.loading.borrow_mut().remove(&chunk);
        let pages = cards?
            .0
            .into_iter()
            .map(|c| Rc::new(into_page(c)))
            .collect();
        self.cards.borrow_mut().insert(chunk, pages);
        Ok(())
    }

    /// Whether the archive's searches can be filtered on a facet.
    pub(super) fn filterable(&self, facet: Facet) -> bool {
        self.index.filterable(facet)
    }

    /// The facets' most common values with their counts over the whole archive (fetched
    /// once), or `None` when the archive lists none (built before facets were indexed).
    pub(super) async fn facets(&self) -> Result<Option<Rc<ArchiveFacets>>, AppError> {
        let held = self.index.manifest().facets;
        self.fetch_once(
            &self.facets,
            held,
            ArchiveFacets::PATH,
            FACETS_FORMAT,
            |f| &f.format,
        )
        .await
    }

    /// Starts a search of the archive, fetching the shards it plans with: only articles that
    /// pass `filters` match (for the facets the archive can filter on); with a `period`
    /// (from, to), only its documents are searched, when the archive can tell which they are.
    /// Returns the search, and whether the period had to be ignored.
    pub(super) async fn start_search(
        &self,
        query: &Query,
        filters: &Filters,
        period: Option<&(String, String)>,
        oldest_first: bool,
    ) -> Result<(Search, bool), AppError> {
        let range = match period {
            Some((from, to)) => Some(self.docs_in_period(from, to).await?),
            None => None,
        };
        let missing: Vec<FileId> = self
            .index
            .plan_filtered(query, filters)
            .into_iter()
            .filter(|id| self.shards.borrow_mut().get(id).is_none())
            .collect();
        let paths: Vec<String> = missing.iter().map(|&id| index_path(id)).collect();
        for (id, (url, bytes)) in missing.into_iter().zip(self.read_many(&paths).await?) {
            let shard = Shard::decode(&bytes).map_err(|e| AppError::archive(&url, e))?;
            self.shards.borrow_mut().insert(id, shard, bytes.len());
        }
        let mut search = self
            .index
            .start_filtered(query, filters, self.shards.borrow().map())
            .map_err(|e| AppError::archive(&self.index_url(), e))?;
        if let Some(Some(range)) = &range {
            search = search.within(range.clone());
        }
        if oldest_first {
            search = search.oldest_first();
        }
        Ok((search, matches!(range, Some(None))))
    }

    /// Reads one stored file of the archive by its path under `archive/`: from its pack, by
    /// Range, where the archive is packed and the file is of a packed kind; else the file
    /// itself. Returns the address it names the file by and the file's content.
    async fn read_stored(&self, path: &str) -> Result<(String, Vec<u8>), AppError> {
        let packs = self.index.manifest().packs.as_ref();
        let Some(entry) = packs.and_then(|p| p.entry_of(path)) else {
            return fetch_stored(&self.base, path, self.compression(), &self.fetched).await;
        };
        let at = self.pack_entry(entry).await?;
        let (url, buffer) = self.fetch_entry(at).await?;
        let named = format!("{url} ({path})");
        let buffer = self.stored_part(&named, path, buffer)?;
        let bytes = decompress(&named, &buffer, self.compression()).await?;
        Ok((named, bytes))
    }

    /// A packed file's stored bytes out of what its pack holds for it: a shard's, without the
    /// places of its blocks that follow them (kept for the blocks' reads); any other file's,
    /// whole.
    fn stored_part(
        &self,
        named: &str,
        path: &str,
        buffer: js_sys::ArrayBuffer,
    ) -> Result<js_sys::ArrayBuffer, AppError> {
        let carries = self
            .index
            .manifest()
            .packs
            .as_ref()
            .is_some_and(|p| p.block_places)
            && (path.starts_with("index/docs/") || path.starts_with("index/positions/"));
        if !carries {
            return Ok(buffer);
        }
        // Only the places are copied into the wasm: their length and mark are the last eight
        // bytes, and the shard's own bytes go to the browser's decompressor as they are.
        let corrupt = |detail: String| AppError::ArchiveCorrupt {
            url: named.to_owned(),
            detail,
        };
        let total = buffer.byte_length();
        let view = |from: u32| {
            js_sys::Uint8Array::new(&buffer)
                .subarray(from, total)
                .to_vec()
        };
        let trailer = view(total.saturating_sub(PLACES_TRAILER as u32));
        let tail = block_places_tail(&trailer).map_err(|e| corrupt(e.to_string()))?;
        let from = u32::try_from(tail)
            .ok()
            .and_then(|tail| total.checked_sub(tail))
            .ok_or_else(|| corrupt("a shard's block places run past its bytes".to_owned()))?;
        let (end, places) = split_block_places(&view(from)).map_err(|e| corrupt(e.to_string()))?;
        let end = from + end as u32;
        let mut held = self.places.borrow_mut();
        // A long session's places are dropped now and then: a shard fetched again brings its
        // own back.
        if held.len() > PLACES_HELD {
            held.clear();
        }
        held.extend(places);
        Ok(buffer.slice_with_end(0, end))
    }

    /// Fetches the bytes a directory entry places (or a run of entries, as one), by Range,
    /// and counts them; returns the pack's address and the bytes.
    async fn fetch_entry(&self, at: PackEntry) -> Result<(String, js_sys::ArrayBuffer), AppError> {
        let url = format!("{}{}", self.base, Packs::pack_path(at.pack));
        let buffer = fetch_range(&url, &at.range()).await?;
        if buffer.byte_length() != at.len {
            return Err(AppError::ArchiveUnreachable {
                url,
                detail: format!(
                    "{} bytes where the directory says {}",
                    buffer.byte_length(),
                    at.len
                ),
            });
        }
        self.fetched.set(self.fetched.get() + u64::from(at.len));
        Ok((url, buffer))
    }

    /// Reads the stored files at `paths` as [`read_stored`](Self::read_stored) does, in
    /// their order; in a packed archive, files that follow each other in a pack (a long
    /// list's blocks, neighbouring chunks) come in one Range request.
    async fn read_many(&self, paths: &[String]) -> Result<Vec<(String, Vec<u8>)>, AppError> {
        let packs = self.index.manifest().packs.as_ref();
        let entries: Option<Vec<u32>> = paths
            .iter()
            .map(|p| packs.and_then(|packs| packs.entry_of(p)))
            .collect();
        let Some(entries) = entries.filter(|e| e.len() > 1) else {
            return futures::future::try_join_all(paths.iter().map(|p| self.read_stored(p))).await;
        };
        // The pages of the entries no shard fetched so far has placed.
        let unplaced: Vec<u32> = entries
            .iter()
            .filter(|e| !self.places.borrow().contains_key(e))
            .map(|&e| Packs::directory_page(e))
            .collect();
        self.locate_pages(unplaced.into_iter()).await?;
        let mut places = Vec::with_capacity(entries.len());
        for &e in &entries {
            places.push(self.pack_entry(e).await?);
        }
        // Runs of files that follow each other in one pack, up to 256 KB a request.
        let mut order: Vec<usize> = (0..places.len()).collect();
        order.sort_by_key(|&i| (places[i].pack, places[i].offset));
        let runs = runs(order, |run, i| {
            let (q, p) = (places[run[run.len() - 1]], places[i]);
            q.pack == p.pack
                && q.offset + q.len == p.offset
                && p.offset + p.len - places[run[0]].offset <= 256 * 1024
        });
        let places = &places;
        let fetches = runs.into_iter().map(|run| async move {
            let (first, last) = (places[run[0]], places[run[run.len() - 1]]);
            let whole = PackEntry {
                pack: first.pack,
                offset: first.offset,
                len: last.offset + last.len - first.offset,
            };
            let (url, buffer) = self.fetch_entry(whole).await?;
            let mut out = Vec::with_capacity(run.len());
            for i in run {
                let at = places[i].offset - first.offset;
                let part = buffer.slice_with_end(at, at + places[i].len);
                let named = format!("{url} ({})", paths[i]);
                let part = self.stored_part(&named, &paths[i], part)?;
                let bytes = decompress(&named, &part, self.compression()).await?;
                out.push((i, (named, bytes)));
            }
            Ok::<_, AppError>(out)
        });
        let mut read: Vec<(usize, (String, Vec<u8>))> = futures::future::try_join_all(fetches)
            .await?
            .into_iter()
            .flatten()
            .collect();
        read.sort_by_key(|(i, _)| *i);
        Ok(read.into_iter().map(|(_, file)| file).collect())
    }

    /// The directory pages placing the card chunks of the [`GUESSED_DOCS`] documents at the
    /// top of `window` (at its bottom, for a search from the oldest up), in a packed archive;
    /// none otherwise.
    fn card_pages_near(&self, window: std::ops::Range<u32>, oldest_first: bool) -> Vec<u32> {
        let Some(packs) = self.index.manifest().packs.as_ref() else {
            return Vec::new();
        };
        let docs = if oldest_first {
            window.start..window.end.min(window.start.saturating_add(GUESSED_DOCS))
        } else {
            window.end.saturating_sub(GUESSED_DOCS).max(window.start)..window.end
        };
        let (first, last) = (
            self.card_chunk(docs.start),
            self.card_chunk(docs.end.max(1) - 1),
        );
        let mut pages: Vec<u32> = (first..=last.max(first))
            .filter_map(|c| packs.entry_of(&Chunk::Cards.path(c)))
            .map(Packs::directory_page)
            .collect();
        pages.dedup();
        pages
    }

    /// Where directory entry `entry` of a packed archive says its file is.
    async fn pack_entry(&self, entry: u32) -> Result<PackEntry, AppError> {
        if let Some(&at) = self.places.borrow().get(&entry) {
            return Ok(at);
        }
        let page = Packs::directory_page(entry);
        self.locate_pages(std::iter::once(page)).await?;
        let bytes = self.directory.borrow().get(&page).cloned();
        bytes
            .and_then(|b| Packs::entry_in_page(&b, entry))
            .ok_or_else(|| AppError::ArchiveCorrupt {
                url: format!("{}{DIRECTORY_PATH}", self.base),
                detail: format!("no entry {entry}"),
            })
    }

    /// Fetches the pages of a packed archive's directory that place its shards (the files
    /// every search reads first), in one Range request. Nothing, where the archive is not
    /// packed.
    pub(super) async fn locate_shards(&self) -> Result<(), AppError> {
        let manifest = self.index.manifest();
        let Some(packs) = manifest.packs.as_ref() else {
            return Ok(());
        };
        if !shards_placed_at_opening(manifest.doc_shards + manifest.position_shards) {
            return Ok(());
        }
        let entries = [Layer::Docs, Layer::Positions]
            .into_iter()
            .flat_map(|layer| packs.entries_of(&format!("index/{}", layer.dir())));
        self.locate_pages(entries.map(Packs::directory_page)).await
    }

    /// Fetches the directory pages the files at `paths` need and the archive does not hold
    /// yet, before the files themselves, so the files of one round do not each fetch the same
    /// page. Nothing, where the archive is not packed.
    async fn locate(&self, paths: impl Iterator<Item = String>) -> Result<(), AppError> {
        let Some(packs) = self.index.manifest().packs.as_ref() else {
            return Ok(());
        };
        let pages = paths
            .filter_map(|p| packs.entry_of(&p))
            .map(Packs::directory_page);
        self.locate_pages(pages).await
    }

    /// Fetches the directory pages among `pages` not held yet: each run of neighbouring pages
    /// in one Range request, the runs at once.
    async fn locate_pages(&self, pages: impl Iterator<Item = u32>) -> Result<(), AppError> {
        let mut wanted: Vec<u32> = pages
            .filter(|p| !self.directory.borrow().contains_key(p))
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        let url = format!("{}{DIRECTORY_PATH}", self.base);
        let page_bytes = (DIRECTORY_PAGE * ENTRY_BYTES) as usize;
        let fetches = spans(wanted, DIRECTORY_REQUESTS, DIRECTORY_GAP)
            .into_iter()
            .map(|(first, last)| {
                let url = url.clone();
                async move {
                    let range = Packs::directory_range(first, last);
                    let buffer = fetch_range(&url, &range).await?;
                    self.fetched
                        .set(self.fetched.get() + u64::from(buffer.byte_length()));
                    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                    let mut held = self.directory.borrow_mut();
                    for (i, page) in bytes.chunks(page_bytes).enumerate() {
                        held.insert(first + i as u32, page.into());
                    }
                    Ok::<(), AppError>(())
                }
            });
        futures::future::try_join_all(fetches).await?;
        Ok(())
    }

    /// Runs a search on, a window at a time, until `docs` holds `want` matches or the whole
    /// archive is searched; each window's blocks are fetched at once.
    pub(super) async fn advance(
        &self,
        search: &RefCell<Search>,
        docs: &mut Vec<u32>,
        want: usize,
    ) -> Result<(), AppError> {
        while docs.len() < want && !search.borrow().done() {
            let needed = search.borrow_mut().plan(want - docs.len());
            let mut loaded: Vec<(FileId, Rc<[u8]>)> = Vec::new();
            let mut uncached: Vec<FileId> = Vec::new();
            for &id in &needed {
                match self.blocks.borrow_mut().get(&id).cloned() {
                    Some(bytes) => loaded.push((id, bytes)),
                    None => uncached.push(id),
                }
            }
            let paths: Vec<String> = uncached.iter().map(|&id| index_path(id)).collect();
            // While a packed archive's blocks come, the directory pages placing the cards of
            // the window's newest documents (oldest, searching up) come too: the matches the
            // step finds are mostly there, and their cards are read next.
            let guessed = if paths.is_empty() {
                Vec::new()
            } else {
                let window = search.borrow().window();
                let oldest_first = search.borrow().is_oldest_first();
                window.map_or_else(Vec::new, |w| self.card_pages_near(w, oldest_first))
            };
            let (read, located) = futures::future::join(
                self.read_many(&paths),
                self.locate_pages(guessed.into_iter()),
            )
            .await;
            located?;
            for (id, (_, bytes)) in uncached.into_iter().zip(read?) {
                let bytes: Rc<[u8]> = bytes.into();
                self.blocks
                    .borrow_mut()
                    .insert(id, bytes.clone(), bytes.len());
                loaded.push((id, bytes));
            }
            let mut search = search.borrow_mut();
            for (id, bytes) in loaded {
                search.load(id, &bytes).map_err(|e| {
                    AppError::archive(
                        &stored_url(&self.base, &index_path(id), self.compression()),
                        e,
                    )
                })?;
            }
            docs.extend(
                search
                    .step()
                    .map_err(|e| AppError::archive(&self.index_url(), e))?
                    .iter()
                    .map(|d| d.0),
            );
        }
        Ok(())
    }
}

/// Sorted pages as spans of pages to fetch, each in one request: neighbouring pages in one
/// span, and, while there are more than `most` spans, the two closest spans joined, pages
/// between and all, where fewer than `gap` pages lie between them. A browser opens a few
/// connections to a server at once; many small requests wait their turn, where a few pages
/// more in one request cost less.
fn spans(pages: Vec<u32>, most: usize, gap: u32) -> Vec<(u32, u32)> {
    let mut spans: Vec<(u32, u32)> = runs(pages, |run, page| run[run.len() - 1] + 1 == page)
        .into_iter()
        .map(|run| (run[0], run[run.len() - 1]))
        .collect();
    while spans.len() > most {
        let Some((i, between)) = spans
            .windows(2)
            .map(|w| w[1].0 - w[0].1 - 1)
            .enumerate()
            .min_by_key(|&(_, between)| between)
        else {
            break;
        };
        if between >= gap {
            break;
        }
        spans[i].1 = spans[i + 1].1;
        spans.remove(i + 1);
    }
    spans
}

/// `items` in their order, cut into runs: an item joins the run before it where `joins(run,
/// item)` says so (neighbouring directory pages, files that follow each other in a pack).
fn runs<T: Copy>(items: Vec<T>, joins: impl Fn(&[T], T) -> bool) -> Vec<Vec<T>> {
    let mut runs: Vec<Vec<T>> = Vec::new();
    for item in items {
        match runs.last_mut() {
            Some(run) if joins(run, item) => run.push(item),
            _ => runs.push(vec![item]),
        }
    }
    runs
}

/// An index file's path under `archive/`.
fn index_path(id: FileId) -> String {
    format!("index/{}", id.path())
}

#[cfg(test)]
mod tests {
    use super::runs;

    #[test]
    fn a_large_archive_places_its_shards_as_a_search_needs_them() {
        use super::shards_placed_at_opening;
        assert!(
            shards_placed_at_opening(1_122),
            "60,000 pages: 13.5 KB at opening"
        );
        assert!(shards_placed_at_opening(0));
        assert!(
            !shards_placed_at_opening(18_700),
            "a million pages: read with each search"
        );
    }

    #[test]
    fn pages_far_apart_are_fetched_apart_and_close_ones_together() {
        use super::spans;
        assert_eq!(
            spans(vec![1, 2, 3, 7, 8, 10], 8, 4),
            [(1, 3), (7, 8), (10, 10)]
        );
        // At most two requests: the closest spans join first.
        assert_eq!(spans(vec![1, 2, 3, 7, 8, 10], 2, 4), [(1, 3), (7, 10)]);
        assert_eq!(spans(vec![1, 2, 3, 7, 8, 10], 1, 4), [(1, 10)]);
        // Pages too far apart stay apart, whatever the count.
        assert_eq!(
            spans(vec![1, 100, 200], 1, 24),
            [(1, 1), (100, 100), (200, 200)]
        );
        assert!(spans(vec![], 1, 4).is_empty());
    }

    #[test]
    fn items_are_cut_into_runs_where_they_stop_joining() {
        let pages = runs(vec![1u32, 2, 3, 7, 8, 10], |run, p| {
            run[run.len() - 1] + 1 == p
        });
        assert_eq!(pages, [vec![1, 2, 3], vec![7, 8], vec![10]]);
        assert!(runs(Vec::<u32>::new(), |_, _| true).is_empty());
        // A cap on a run's length starts a new run.
        let capped = runs(vec![1u32, 2, 3, 4, 5], |run, _| run.len() < 2);
        assert_eq!(capped, [vec![1, 2], vec![3, 4], vec![5]]);
    }
}
