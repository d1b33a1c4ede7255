//! A built archive (`kanbao build`) read lazily: its manifest at start, then only the index
//! shards and blocks a page of results needs (newest first), the card chunks of the results on
//! screen, and the record chunk of an article that is opened.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet, VecDeque};
use std::hash::Hash;
use std::rc::Rc;

use kanbao_parse::{Article, Block, BlockKind, Byline, Encoding, Kind, Meta, Page, SCHEMA, Source};
use kanbao_search::{ArchiveIndex, Compression, DocId, FileId, Manifest, Query, Search, Shard};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::library::{LibraryPage, Origin};

/// Where a deployment puts its archive, relative to the app.
const BASE: &str = "archive/";

/// Where an archived article ran, as its record says.
#[derive(Debug, Clone, Deserialize)]
struct RecordPage {
    date: Option<String>,
    page: Option<String>,
    section: Option<String>,
    source: String,
}

/// One article of the archive as `kanbao build` writes it, whole in `records/` or as a card
/// in `cards/` (no body blocks, an excerpt instead). Missing fields are empty. (Fields spelled
/// out rather than a flattened `Article`: flattening costs the wasm far more code.)
#[derive(Debug, Clone, Deserialize)]
struct Record {
    doc: u32,
    page: RecordPage,
    id: String,
    kind: Kind,
    column: Option<String>,
    kicker: Option<String>,
    title: String,
    subtitle: Option<String>,
    dateline: Option<String>,
    byline: Byline,
    lead: Option<String>,
    #[serde(default)]
    blocks: Vec<Block>,
    /// A card's first characters of the body.
    excerpt: Option<String>,
}

impl Record {
    /// The record as a library page of one article, so the reader's components show it.
    fn into_page(self) -> LibraryPage {
        let mut blocks = self.blocks;
        if let Some(text) = self.excerpt {
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                text,
                marker: None,
                span: Default::default(),
            });
        }
        let article = Article {
            id: self.id,
            kind: self.kind,
            column: self.column,
            kicker: self.kicker,
            title: self.title,
            subtitle: self.subtitle,
            dateline: self.dateline,
            byline: self.byline,
            lead: self.lead,
            blocks,
            span: [0, 0],
        };
        let page = Page {
            schema: SCHEMA.to_owned(),
            source: Source {
                name: self.page.source,
                encoding: Encoding::Utf8,
                bytes: 0,
            },
            meta: Meta {
                date: self.page.date,
                page: self.page.page,
                section: self.page.section,
                editors: Vec::new(),
            },
            articles: vec![article],
            unassigned: Vec::new(),
            diagnostics: Vec::new(),
        };
        LibraryPage {
            key: format!("archive-{}", self.doc),
            paper: None,
            text: String::new(),
            page,
            origin: Origin::Archive,
        }
    }
}

/// Files of the archive kept up to a number of bytes, the least recently used forgotten first
/// (what is forgotten is fetched again when needed), so a long session of searches does not
/// grow the page's memory without end.
#[derive(Debug)]
struct Bounded<K, V> {
    map: HashMap<K, V>,
    /// Keys from the least to the most recently used, with their sizes.
    order: VecDeque<(K, usize)>,
    bytes: usize,
    cap: usize,
}

impl<K: Copy + Eq + Hash, V> Bounded<K, V> {
    fn new(cap: usize) -> Self {
        Bounded {
            map: HashMap::new(),
            order: VecDeque::new(),
            bytes: 0,
            cap,
        }
    }

    /// Keeps `value` of `size` bytes, forgetting the least recently used others while over
    /// the cap.
    fn insert(&mut self, key: K, value: V, size: usize) {
        if self.map.insert(key, value).is_none() {
            self.order.push_back((key, size));
            self.bytes += size;
        }
        while self.bytes > self.cap && self.order.len() > 1 {
            if let Some((old, size)) = self.order.pop_front() {
                self.map.remove(&old);
                self.bytes -= size;
            }
        }
    }

    /// A kept value, now the most recently used.
    fn get(&mut self, key: &K) -> Option<&V> {
        let at = self.order.iter().position(|(k, _)| k == key)?;
        if let Some(entry) = self.order.remove(at) {
            self.order.push_back(entry);
        }
        self.map.get(key)
    }

    fn map(&self) -> &HashMap<K, V> {
        &self.map
    }
}

/// How many bytes of each kind of file an open archive keeps (decompressed): a search needs a
/// few hundred KB of shards and blocks, an opened article one record chunk of about 50 KB. At
/// these sizes nothing is fetched twice in a session of a couple of thousand searches; half of
/// them would cut the page's memory by a fifth there, for two fifths more downloaded.
const SHARD_CACHE: usize = 8 << 20;
const BLOCK_CACHE: usize = 16 << 20;
const RECORD_CACHE: usize = 4 << 20;

/// An open archive, with what it has fetched so far.
#[derive(Debug)]
pub struct ArchiveClient {
    index: ArchiveIndex,
    shards: RefCell<Bounded<FileId, Shard>>,
    /// Block files, decompressed.
    blocks: RefCell<Bounded<FileId, Rc<[u8]>>>,
    records: RefCell<Bounded<u32, Vec<Record>>>,
    /// Card chunks, each card as a page of one article.
    cards: RefCell<HashMap<u32, Vec<Rc<LibraryPage>>>>,
    /// Card chunks on their way.
    loading: RefCell<HashSet<u32>>,
    /// Bytes of index, cards and records downloaded since the archive was opened.
    fetched: Cell<u64>,
}

impl PartialEq for ArchiveClient {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Fetches a file's bytes into a JS buffer (nothing is copied into the wasm yet); `None` for
/// a 404.
async fn fetch(url: &str) -> Result<Option<js_sys::ArrayBuffer>, String> {
    let failed = |e: JsValue| format!("{url}: {}", crate::js::message(&e, "the request failed"));
    let response: web_sys::Response = JsFuture::from(gloo::utils::window().fetch_with_str(url))
        .await
        .and_then(|r| r.dyn_into())
        .map_err(failed)?;
    match response.status() {
        404 => Ok(None),
        200..=299 => {
            let buffer = JsFuture::from(response.array_buffer().map_err(failed)?)
                .await
                .map_err(failed)?;
            Ok(Some(buffer.unchecked_into()))
        }
        status => Err(format!("{url}: HTTP {status}")),
    }
}

#[wasm_bindgen]
extern "C" {
    /// The browser's own decompressor (web-sys has it only behind its unstable-API flag).
    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
}

/// Why a browser without `DecompressionStream` cannot read a gzipped archive.
const NO_GUNZIP: &str = "this browser cannot decompress the archive (no DecompressionStream: \
                         Chrome or Edge 80, Firefox 113, Safari 16.4 or later can)";

/// Whether the browser has `DecompressionStream`.
fn can_gunzip() -> bool {
    js_sys::Reflect::has(&js_sys::global(), &"DecompressionStream".into()).unwrap_or(false)
}

/// Decompresses gzip with the browser's `DecompressionStream`, so the wasm carries no inflater:
/// the buffer is streamed through it as a response body (no blob, no copy into the wasm before
/// the result).
async fn gunzip(buffer: &js_sys::ArrayBuffer) -> Result<Vec<u8>, String> {
    if !can_gunzip() {
        return Err(NO_GUNZIP.to_owned());
    }
    let decoded = async {
        let body = web_sys::Response::new_with_opt_buffer_source(Some(buffer))?
            .body()
            .ok_or_else(|| JsValue::from_str("no body"))?;
        let decoder = DecompressionStream::new("gzip")?;
        let stream = body.pipe_through(decoder.unchecked_ref::<web_sys::ReadableWritablePair>());
        let response = web_sys::Response::new_with_opt_readable_stream(Some(&stream))?;
        let buffer = JsFuture::from(response.array_buffer()?).await?;
        Ok::<_, JsValue>(js_sys::Uint8Array::new(&buffer).to_vec())
    };
    decoded
        .await
        .map_err(|e| format!("not gzip ({})", crate::js::message(&e, "")))
}

/// The address of a file of the archive as stored, by its path under `archive/`: what every
/// error about the file names.
fn stored_url(path: &str, compression: Compression) -> String {
    format!("{BASE}{path}{}", compression.suffix())
}

/// Fetches one stored file of the archive by its path under `archive/` and decompresses it as
/// the manifest says; adds the bytes downloaded to `fetched`. Returns the file's address as
/// stored and its content.
async fn fetch_stored(
    path: &str,
    compression: Compression,
    fetched: &Cell<u64>,
) -> Result<(String, Vec<u8>), String> {
    let url = stored_url(path, compression);
    let buffer = fetch(&url)
        .await?
        .ok_or_else(|| format!("{url}: HTTP 404"))?;
    fetched.set(fetched.get() + u64::from(buffer.byte_length()));
    let bytes = match compression {
        Compression::Gzip => gunzip(&buffer).await.map_err(|e| format!("{url}: {e}"))?,
        Compression::None => js_sys::Uint8Array::new(&buffer).to_vec(),
    };
    Ok((url, bytes))
}

/// Search results from the archive: the matches found so far, newest first, how many of them
/// the list shows, and the search itself, which finds more on request. The cards of the results
/// shown come separately ([`ArchiveClient::card`], [`ArchiveClient::load_cards`]), so the list
/// can show each as soon as its chunk is in.
#[derive(Debug, Clone)]
pub struct ArchiveResults {
    /// Document numbers of the matches found so far, newest first.
    pub docs: Rc<[u32]>,
    /// How many of `docs` the list shows.
    shown: usize,
    search: Rc<RefCell<Search>>,
}

impl PartialEq for ArchiveResults {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.search, &other.search)
            && self.docs.len() == other.docs.len()
            && self.shown == other.shown
    }
}

impl ArchiveResults {
    /// How many articles matched so far.
    pub fn total(&self) -> usize {
        self.docs.len()
    }

    /// The document numbers of the results the list shows, newest first.
    pub fn shown(&self) -> &[u32] {
        &self.docs[..self.shown]
    }

    /// Whether the whole archive has been searched, so [`total`](Self::total) is every match.
    pub fn complete(&self) -> bool {
        self.search.borrow().done()
    }

    /// How many articles match in all: exact once [`complete`](Self::complete), otherwise
    /// estimated from the part of the archive searched so far.
    pub fn estimate(&self) -> u64 {
        self.search.borrow().estimate()
    }

    /// Whether there are (or may be) results beyond those shown.
    pub fn has_more(&self) -> bool {
        self.total() > self.shown || !self.complete()
    }
}

impl ArchiveClient {
    /// Opens the deployment's archive, or `None` when it publishes none.
    pub async fn open() -> Result<Option<ArchiveClient>, String> {
        // A bundle opened from disk carries its pages inside and has no files beside it.
        let bundled = gloo::utils::document()
            .get_element_by_id("kanbao-inline-pages")
            .is_some();
        let served = matches!(
            gloo::utils::window().location().protocol().as_deref(),
            Ok("http:" | "https:")
        );
        if bundled || !served {
            return Ok(None);
        }
        let manifest_url = format!("{BASE}index/manifest.json");
        let Some(buffer) = fetch(&manifest_url).await? else {
            return Ok(None);
        };
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        let manifest: Manifest =
            crate::json::from_slice(&bytes).map_err(|e| format!("{manifest_url}: {e}"))?;
        if manifest.compression == Compression::Gzip && !can_gunzip() {
            return Err(format!("{manifest_url}: {NO_GUNZIP}"));
        }
        let fetched = Cell::new(bytes.len() as u64);
        let index = ArchiveIndex::new(manifest).map_err(|e| format!("{manifest_url}: {e}"))?;
        Ok(Some(ArchiveClient {
            index,
            shards: RefCell::new(Bounded::new(SHARD_CACHE)),
            blocks: RefCell::new(Bounded::new(BLOCK_CACHE)),
            records: RefCell::new(Bounded::new(RECORD_CACHE)),
            cards: RefCell::default(),
            loading: RefCell::default(),
            fetched,
        }))
    }

    /// Number of articles in the archive.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    fn compression(&self) -> Compression {
        self.index.manifest().compression
    }

    /// Bytes downloaded so far.
    pub fn fetched(&self) -> u64 {
        self.fetched.get()
    }

    /// Fetches one chunk of records or cards; returns it with its size in bytes.
    async fn fetch_chunk(&self, kind: Chunk, n: u32) -> Result<(Vec<Record>, usize), String> {
        let path = format!("{}/{n:04}.json", kind.dir());
        let (url, bytes) = fetch_stored(&path, self.compression(), &self.fetched).await?;
        let records = crate::json::from_slice(&bytes).map_err(|e| format!("{url}: {e}"))?;
        Ok((records, bytes.len()))
    }

    /// One archived article, whole, by document number.
    pub async fn article(&self, doc: u32) -> Result<Option<LibraryPage>, String> {
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
            .map(Record::into_page))
    }

    /// The card chunk that holds a document's card.
    pub fn card_chunk(&self, doc: u32) -> u32 {
        self.index.card_of(DocId(doc)).0
    }

    /// Whether a document's card chunk is on its way.
    pub fn card_loading(&self, doc: u32) -> bool {
        self.loading.borrow().contains(&self.card_chunk(doc))
    }

    /// A document's card (as a page of one article), once its chunk is loaded.
    pub fn card(&self, doc: u32) -> Option<Rc<LibraryPage>> {
        let (chunk, at) = self.index.card_of(DocId(doc));
        self.cards.borrow().get(&chunk)?.get(at as usize).cloned()
    }

    /// The card chunks that the cards of `docs` need, neither loaded nor on their way, in the
    /// order of the documents they first serve.
    pub fn missing_cards(&self, docs: &[u32]) -> Vec<u32> {
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

    /// Loads one chunk of cards (see [`missing_cards`](Self::missing_cards)); a chunk that
    /// fails may be asked for again.
    pub async fn load_cards(&self, chunk: u32) -> Result<(), String> {
        self.loading.borrow_mut().insert(chunk);
        let cards = self.fetch_chunk(Chunk::Cards, chunk).await;
        self.loading.borrow_mut().remove(&chunk);
        let pages = cards?
            .0
            .into_iter()
            .map(|c| Rc::new(c.into_page()))
            .collect();
        self.cards.borrow_mut().insert(chunk, pages);
        Ok(())
    }

    /// The results with `more` further shown, searching further back as needed.
    pub async fn more(
        &self,
        results: &ArchiveResults,
        more: usize,
    ) -> Result<ArchiveResults, String> {
        let want = results.shown + more;
        let mut docs = results.docs.to_vec();
        self.advance(&results.search, &mut docs, want).await?;
        Ok(ArchiveResults {
            shown: want.min(docs.len()),
            docs: docs.into(),
            search: results.search.clone(),
        })
    }

    /// Searches the archive, fetching only the shards and blocks its first `first` matches
    /// need, and returns them (their cards are loaded apart).
    pub async fn search(&self, query: &Query, first: usize) -> Result<ArchiveResults, String> {
        let missing: Vec<FileId> = self
            .index
            .plan(query)
            .into_iter()
            .filter(|id| self.shards.borrow_mut().get(id).is_none())
            .collect();
        let fetches = missing.into_iter().map(|id| async move {
            let (url, bytes) = self.fetch_index(id).await?;
            let shard = Shard::decode(&bytes).map_err(|e| format!("{url}: {e}"))?;
            self.shards.borrow_mut().insert(id, shard, bytes.len());
            Ok::<(), String>(())
        });
        futures::future::try_join_all(fetches).await?;
        let search = self
            .index
            .start(query, self.shards.borrow().map())
            .map_err(|e| e.to_string())?;
        let search = Rc::new(RefCell::new(search));
        let mut docs = Vec::new();
        self.advance(&search, &mut docs, first).await?;
        Ok(ArchiveResults {
            shown: first.min(docs.len()),
            docs: docs.into(),
            search,
        })
    }

    /// Fetches one index file.
    async fn fetch_index(&self, id: FileId) -> Result<(String, Vec<u8>), String> {
        fetch_stored(&index_path(id), self.compression(), &self.fetched).await
    }

    /// Runs a search on, a window at a time, until `docs` holds `want` matches or the whole
    /// archive is searched; each window's blocks are fetched at once.
    async fn advance(
        &self,
        search: &RefCell<Search>,
        docs: &mut Vec<u32>,
        want: usize,
    ) -> Result<(), String> {
        while docs.len() < want && !search.borrow().done() {
            let needed = search.borrow_mut().plan(want - docs.len());
            let fetches = needed.iter().map(|&id| async move {
                let cached = self.blocks.borrow_mut().get(&id).cloned();
                let bytes = match cached {
                    Some(bytes) => bytes,
                    None => {
                        let bytes: Rc<[u8]> = self.fetch_index(id).await?.1.into();
                        let size = bytes.len();
                        self.blocks.borrow_mut().insert(id, bytes.clone(), size);
                        bytes
                    }
                };
                Ok::<_, String>((id, bytes))
            });
            let loaded = futures::future::try_join_all(fetches).await?;
            let mut search = search.borrow_mut();
            for (id, bytes) in loaded {
                search.load(id, &bytes).map_err(|e| {
                    format!("{}: {e}", stored_url(&index_path(id), self.compression()))
                })?;
            }
            docs.extend(
                search
                    .step()
                    .map_err(|e| e.to_string())?
                    .iter()
                    .map(|d| d.0),
            );
        }
        Ok(())
    }
}

/// An index file's path under `archive/`.
fn index_path(id: FileId) -> String {
    format!("index/{}", id.path())
}

/// The two kinds of chunk file in an archive.
#[derive(Debug, Clone, Copy)]
enum Chunk {
    /// `records/`: whole articles, for the reading view.
    Records,
    /// `cards/`: what the result list shows.
    Cards,
}

impl Chunk {
    fn dir(self) -> &'static str {
        match self {
            Chunk::Records => "records",
            Chunk::Cards => "cards",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Bounded;

    #[test]
    fn a_bounded_cache_forgets_the_least_recently_used_files_first() {
        let mut cache = Bounded::new(100);
        cache.insert(1, "a", 40);
        cache.insert(2, "b", 40);
        assert_eq!(cache.map().len(), 2);
        assert_eq!(cache.get(&1), Some(&"a"));
        cache.insert(3, "c", 40);
        assert!(
            !cache.map().contains_key(&2),
            "over the cap: the least recently used goes"
        );
        assert_eq!(cache.map().get(&1), Some(&"a"));
        assert_eq!(cache.map().get(&3), Some(&"c"));
        assert_eq!(cache.bytes, 80);
        assert_eq!(cache.get(&2), None);
        // A file larger than the cap is still kept, alone, until the next one comes.
        cache.insert(4, "d", 500);
        assert_eq!(cache.map().keys().collect::<Vec<_>>(), [&4]);
        cache.insert(5, "e", 10);
        assert_eq!(cache.map().keys().collect::<Vec<_>>(), [&5]);
        assert_eq!(cache.bytes, 10);
    }
}
