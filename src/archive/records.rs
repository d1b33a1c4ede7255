//! The archive's records and cards, each turned into a library page of one article for the
//! reader's components, and the two kinds of chunk file that hold them.

use kanbao_parse::{Article, Block, BlockKind, Encoding, Meta, Page, SCHEMA, Source};
use kanbao_search::ArchiveRecord;

use crate::library::{LibraryPage, Origin};

/// An archive's record or card (`kanbao_search::ArchiveRecord`, the type `kanbao build`
/// writes) as a library page of one article, so the reader's components show it.
pub(super) fn into_page(record: ArchiveRecord) -> LibraryPage {
    let mut blocks: Vec<Block> = record
        .blocks
        .unwrap_or_default()
        .into_iter()
        .map(|b| Block {
            kind: b.kind,
            text: b.text,
            marker: b.marker,
            span: Default::default(),
        })
        .collect();
    if let Some(text) = record.excerpt {
        blocks.push(Block {
            kind: BlockKind::Paragraph,
            text,
            marker: None,
            span: Default::default(),
        });
    }
    let article = Article {
        id: record.id,
        kind: record.kind,
        column: record.column,
        kicker: record.kicker,
        title: record.title,
        subtitle: record.subtitle,
        dateline: record.dateline,
        byline: record.byline.into_byline(),
        lead: record.lead,
        blocks,
        span: [0, 0],
    };
    let page = Page {
        schema: SCHEMA.to_owned(),
        source: Source {
            name: record.page.source,
            encoding: Encoding::Utf8,
            bytes: 0,
        },
        meta: Meta {
            date: record.page.date,
            page: record.page.page,
            section: record.page.section,
            editors: Vec::new(),
        },
        articles: vec![article],
        unassigned: Vec::new(),
        diagnostics: Vec::new(),
    };
    LibraryPage {
        key: format!("archive-{}", record.doc),
        paper: None,
        text: String::new(),
        page,
        origin: Origin::Archive,
        corrected: None,
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
    /// Chunk `n`'s path under `archive/`, without the compression's suffix.
    pub(super) fn path(self, n: u32) -> String {
        format!("{}/{n:04}.json", self.dir())
    }

    pub(super) fn dir(self) -> &'static str {
        match self {
            Chunk::Records => "records",
            Chunk::Cards => "cards",
        }
    }
}
