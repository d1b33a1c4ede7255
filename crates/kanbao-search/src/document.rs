//! The documents the index takes: an article as a list of typed text fields.

use serde::{Deserialize, Serialize};

/// What part of an article a field is; decides its weight in ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    /// The title (主题).
    Title,
    /// Kicker, subtitle or section heading (引题, 副题, 小标题).
    Heading,
    /// Reporters, correspondents, photographers and authors, or the dateline that names them.
    Byline,
    /// Body text and lead.
    Body,
    /// A photo caption.
    Caption,
    /// Anything else worth finding: column name, page name, date.
    Meta,
}

/// One piece of an article's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    /// What part of the article this is.
    pub kind: FieldKind,
    /// The text as printed; whitespace and line breaks may stay in.
    pub text: String,
}

/// A searchable article: its fields in any order.
///
/// A query term matches inside one field, never across two.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The fields.
    pub fields: Vec<Field>,
}

impl Document {
    /// Creates a document without fields.
    pub fn new() -> Document {
        Document::default()
    }

    /// Adds a field, builder style.
    #[must_use]
    pub fn with(mut self, kind: FieldKind, text: impl Into<String>) -> Document {
        self.push(kind, text);
        self
    }

    /// Adds a field.
    pub fn push(&mut self, kind: FieldKind, text: impl Into<String>) {
        self.fields.push(Field {
            kind,
            text: text.into(),
        });
    }
}

impl From<&kanbao_parse::Article> for Document {
    /// What of an article is searchable: the headline group (title; kicker, subtitle and
    /// column as headings), every name of the byline and the dateline, the lead and every
    /// block. The app's library and `kanbao build` index articles through this one mapping, so
    /// an archive finds what the app finds for the same pages.
    fn from(a: &kanbao_parse::Article) -> Document {
        use kanbao_parse::BlockKind;

        let mut doc = Document::new().with(FieldKind::Title, a.title.clone());
        for t in [&a.kicker, &a.subtitle, &a.column].into_iter().flatten() {
            doc.push(FieldKind::Heading, t.clone());
        }
        let b = &a.byline;
        let names = b
            .reporters
            .iter()
            .chain(&b.correspondents)
            .chain(&b.photographers);
        for name in names.chain(&b.authors).chain(&b.raw).chain(&a.dateline) {
            doc.push(FieldKind::Byline, name.clone());
        }
        if let Some(lead) = &a.lead {
            doc.push(FieldKind::Body, lead.clone());
        }
        for block in &a.blocks {
            let kind = match block.kind {
                BlockKind::Heading => FieldKind::Heading,
                BlockKind::Caption => FieldKind::Caption,
                BlockKind::Paragraph => FieldKind::Body,
            };
            doc.push(kind, block.text.clone());
        }
        doc
    }
}
