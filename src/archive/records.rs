//! The archive's records and cards, each turned into a library page of one article for the
//! reader's components, and the two kinds of chunk file that hold them.

use kanbao_parse::{Block, BlockKind, Encoding, Page, SCHEMA, Source};
use kanbao_search::ArchiveRecord;

use crate::library::{LibraryPage, Origin};

/// An archive's record or card (`kanbao_search::ArchiveRecord`, the type `kanbao build`
/// writes) as a library page of one article, so the reader's components show it.
pub(super) fn into_page(mut record: ArchiveRecord) -> LibraryPage {
    let (key, excerpt) = (format!("archive-{}", record.doc), record.excerpt.take());
    let (mut article, meta, source) = record.into_article();
    // A card's opening of the body shows as its one paragraph.
    if let Some(text) = excerpt {
        article.blocks.push(Block {
            kind: BlockKind::Paragraph,
            text,
            marker: None,
            span: Default::default(),
        });
    }
    let page = Page {
        schema: SCHEMA.to_owned(),
        source: Source {
            name: source,
            encoding: Encoding::Utf8,
            bytes: 0,
        },
        meta,
        articles: vec![article],
        unassigned: Vec::new(),
        diagnostics: Vec::new(),
    };
    LibraryPage {
        key,
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
