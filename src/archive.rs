//! A built archive (`kanbao build`) read lazily: its manifest and document lengths at start,
//! then only the index shards and record chunks that a search or an article needs.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use gloo::net::http::Request;
use kanbao_parse::{Article, Block, Byline, Encoding, Kind, Meta, Page, SCHEMA, Source};
use kanbao_search::{ArchiveIndex, DocId, Manifest, Query, Shard, ShardId};
use serde::Deserialize;

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

/// One article of the archive as `kanbao build` writes it. (Fields spelled out rather than
/// a flattened `Article`: flattening costs the wasm far more code.)
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
    blocks: Vec<Block>,
}

impl Record {
    /// The record as a library page of one article, so the reader's components show it.
    fn into_page(self) -> LibraryPage {
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
            blocks: self.blocks,
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
    shards: RefCell<HashMap<ShardId, Shard>>,
    chunks: RefCell<HashMap<u32, Vec<Record>>>,
    /// Bytes of index and records downloaded since the archive was opened.
    fetched: Cell<u64>,
}

impl PartialEq for ArchiveClient {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

async fn fetch(url: &str) -> Result<Option<Vec<u8>>, String> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|e| format!("{url}: {e}"))?;
    match response.status() {
        404 => Ok(None),
        200..=299 => response
            .binary()
            .await
            .map(Some)
            .map_err(|e| format!("{url}: {e}")),
        status => Err(format!("{url}: HTTP {status}")),
    }
}

async fn fetch_required(url: &str) -> Result<Vec<u8>, String> {
    fetch(url).await?.ok_or_else(|| format!("{url}: HTTP 404"))
}

/// Search results from the archive: how many matched, and the first of them as pages.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveResults {
    pub total: usize,
    /// Document number and page of each result shown.
    pub pages: Vec<(u32, std::rc::Rc<LibraryPage>)>,
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
        let Some(bytes) = fetch(&manifest_url).await? else {
            return Ok(None);
        };
        let manifest: Manifest =
            serde_json::from_slice(&bytes).map_err(|e| format!("{manifest_url}: {e}"))?;
        let lengths = fetch_required(&format!("{BASE}index/lengths.bin")).await?;
        let fetched = (bytes.len() + lengths.len()) as u64;
        let index = ArchiveIndex::new(manifest, &lengths).map_err(|e| e.to_string())?;
        Ok(Some(ArchiveClient {
            index,
            shards: RefCell::default(),
            chunks: RefCell::default(),
            fetched: Cell::new(fetched),
        }))
    }

    /// Number of articles in the archive.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// Bytes downloaded so far.
    pub fn fetched(&self) -> u64 {
        self.fetched.get()
    }

    async fn chunk(&self, n: u32) -> Result<(), String> {
        if self.chunks.borrow().contains_key(&n) {
            return Ok(());
        }
        let url = format!("{BASE}records/{n:04}.json");
        let bytes = fetch_required(&url).await?;
        self.fetched.set(self.fetched.get() + bytes.len() as u64);
        let records: Vec<Record> =
            serde_json::from_slice(&bytes).map_err(|e| format!("{url}: {e}"))?;
        self.chunks.borrow_mut().insert(n, records);
        Ok(())
    }

    /// One archived article, by document number.
    pub async fn article(&self, doc: u32) -> Result<Option<LibraryPage>, String> {
        if doc as usize >= self.len() {
            return Ok(None);
        }
        let (chunk, at) = self.index.chunk_of(DocId(doc));
        self.chunk(chunk).await?;
        Ok(self
            .chunks
            .borrow()
            .get(&chunk)
            .and_then(|c| c.get(at as usize))
            .cloned()
            .map(Record::into_page))
    }

    /// Searches the archive, fetching only the shards the query needs, and returns the
    /// number of matches with the first `first` of them.
    pub async fn search(&self, query: &Query, first: usize) -> Result<ArchiveResults, String> {
        for id in self.index.plan(query) {
            if self.shards.borrow().contains_key(&id) {
                continue;
            }
            let url = format!("{BASE}index/{}", id.path());
            let bytes = fetch_required(&url).await?;
            self.fetched.set(self.fetched.get() + bytes.len() as u64);
            let shard = Shard::decode(&bytes).map_err(|e| format!("{url}: {e}"))?;
            self.shards.borrow_mut().insert(id, shard);
        }
        let hits = self
            .index
            .search(query, &self.shards.borrow())
            .map_err(|e| e.to_string())?;
        let mut pages = Vec::with_capacity(first.min(hits.len()));
        for hit in hits.iter().take(first) {
            if let Some(page) = self.article(hit.doc.0).await? {
                pages.push((hit.doc.0, std::rc::Rc::new(page)));
            }
        }
        Ok(ArchiveResults {
            total: hits.len(),
            pages,
        })
    }
}
