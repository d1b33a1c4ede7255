//! The archive's records and cards, each turned into a library page of one article for the
//! reader's components, and the two kinds of chunk file that hold them.

use kanbao_parse::{Article, Block, BlockKind, Byline, Encoding, Kind, Meta, Page, SCHEMA, Source};
use serde::Deserialize;

use crate::library::{LibraryPage, Origin};

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
pub(super) struct Record {
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
    pub(super) fn into_page(self) -> LibraryPage {
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

/// The two kinds of chunk file in an archive.
#[derive(Debug, Clone, Copy)]
pub(super) enum Chunk {
    /// `records/`: whole articles, for the reading view.
    Records,
    /// `cards/`: what the result list shows.
    Cards,
}

impl Chunk {
    pub(super) fn dir(self) -> &'static str {
        match self {
            Chunk::Records => "records",
            Chunk::Cards => "cards",
        }
    }
}
