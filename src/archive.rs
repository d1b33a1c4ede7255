//! A built archive (`kanbao build`) read lazily: its manifest at start, then only the index
//! shards and blocks a page of results needs (newest first), the card chunks of the results on
//! screen, and the record chunk of an article that is opened.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
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

/// An open archive, with what it has fetched so far.
#[derive(Debug)]
pub struct ArchiveClient {
    index: ArchiveIndex,
    shards: RefCell<HashMap<FileId, Shard>>,
    /// Block files, decompressed.
    blocks: RefCell<HashMap<FileId, Rc<[u8]>>>,
    records: RefCell<HashMap<u32, Vec<Record>>>,
    cards: RefCell<HashMap<u32, Vec<Record>>>,
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

/// Search results from the archive: the matches found so far, newest first, the first of
/// them as cards, and the search itself, which finds more on request.
#[derive(Debug, Clone)]
pub struct ArchiveResults {
    /// Document numbers of the matches found so far, newest first.
    pub docs: Rc<[u32]>,
    /// Document number and card (as a page of one article) of each result shown.
    pub pages: Vec<(u32, Rc<LibraryPage>)>,
    search: Rc<RefCell<Search>>,
}

impl PartialEq for ArchiveResults {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.search, &other.search)
            && self.docs.len() == other.docs.len()
            && self.pages.len() == other.pages.len()
    }
}

impl ArchiveResults {
    /// How many articles matched so far.
    pub fn total(&self) -> usize {
        self.docs.len()
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
        self.total() > self.pages.len() || !self.complete()
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
            shards: RefCell::default(),
            blocks: RefCell::default(),
            records: RefCell::default(),
            cards: RefCell::default(),
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

    /// The cache of one kind of chunk: whole records or cards.
    fn cache(&self, kind: Chunk) -> &RefCell<HashMap<u32, Vec<Record>>> {
        match kind {
            Chunk::Records => &self.records,
            Chunk::Cards => &self.cards,
        }
    }

    /// Fetches the chunks not yet cached, all at once.
    async fn load(&self, kind: Chunk, numbers: &[u32]) -> Result<(), String> {
        let mut missing: Vec<u32> = numbers
            .iter()
            .copied()
            .filter(|n| !self.cache(kind).borrow().contains_key(n))
            .collect();
        missing.sort_unstable();
        missing.dedup();
        let fetches = missing.into_iter().map(|n| async move {
            let path = format!("{}/{n:04}.json", kind.dir());
            let (url, bytes) = fetch_stored(&path, self.compression(), &self.fetched).await?;
            let records: Vec<Record> =
                crate::json::from_slice(&bytes).map_err(|e| format!("{url}: {e}"))?;
            self.cache(kind).borrow_mut().insert(n, records);
            Ok::<(), String>(())
        });
        futures::future::try_join_all(fetches).await?;
        Ok(())
    }

    /// One archived article, whole, by document number.
    pub async fn article(&self, doc: u32) -> Result<Option<LibraryPage>, String> {
        if doc as usize >= self.len() {
            return Ok(None);
        }
        let (chunk, at) = self.index.chunk_of(DocId(doc));
        self.load(Chunk::Records, &[chunk]).await?;
        Ok(self
            .records
            .borrow()
            .get(&chunk)
            .and_then(|c| c.get(at as usize))
            .cloned()
            .map(Record::into_page))
    }

    /// The cards of some documents, in the order given.
    async fn cards(&self, docs: &[u32]) -> Result<Vec<(u32, Rc<LibraryPage>)>, String> {
        let places: Vec<(u32, u32, u32)> = docs
            .iter()
            .map(|&doc| {
                let (chunk, at) = self.index.card_of(DocId(doc));
                (doc, chunk, at)
            })
            .collect();
        let chunks: Vec<u32> = places.iter().map(|&(_, chunk, _)| chunk).collect();
        self.load(Chunk::Cards, &chunks).await?;
        let cache = self.cards.borrow();
        Ok(places
            .into_iter()
            .filter_map(|(doc, chunk, at)| {
                let card = cache.get(&chunk)?.get(at as usize)?.clone();
                Some((doc, Rc::new(card.into_page())))
            })
            .collect())
    }

    /// The results with `more` further cards shown, searching further back as needed.
    pub async fn more(
        &self,
        results: &ArchiveResults,
        more: usize,
    ) -> Result<ArchiveResults, String> {
        let shown = results.pages.len();
        let mut docs = results.docs.to_vec();
        self.advance(&results.search, &mut docs, shown + more)
            .await?;
        let end = (shown + more).min(docs.len());
        let mut pages = results.pages.clone();
        pages.extend(self.cards(&docs[shown..end]).await?);
        Ok(ArchiveResults {
            docs: docs.into(),
            pages,
            search: results.search.clone(),
        })
    }

    /// Searches the archive, fetching only the shards and blocks its first `first` matches
    /// need, and returns them with their cards.
    pub async fn search(&self, query: &Query, first: usize) -> Result<ArchiveResults, String> {
        let missing: Vec<FileId> = self
            .index
            .plan(query)
            .into_iter()
            .filter(|id| !self.shards.borrow().contains_key(id))
            .collect();
        let fetches = missing.into_iter().map(|id| async move {
            let (url, bytes) = self.fetch_index(id).await?;
            let shard = Shard::decode(&bytes).map_err(|e| format!("{url}: {e}"))?;
            self.shards.borrow_mut().insert(id, shard);
            Ok::<(), String>(())
        });
        futures::future::try_join_all(fetches).await?;
        let search = self
            .index
            .start(query, &self.shards.borrow())
            .map_err(|e| e.to_string())?;
        let search = Rc::new(RefCell::new(search));
        let mut docs = Vec::new();
        self.advance(&search, &mut docs, first).await?;
        let pages = self.cards(&docs[..first.min(docs.len())]).await?;
        Ok(ArchiveResults {
            docs: docs.into(),
            pages,
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
                let cached = self.blocks.borrow().get(&id).cloned();
                let bytes = match cached {
                    Some(bytes) => bytes,
                    None => {
                        let bytes: Rc<[u8]> = self.fetch_index(id).await?.1.into();
                        self.blocks.borrow_mut().insert(id, bytes.clone());
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
