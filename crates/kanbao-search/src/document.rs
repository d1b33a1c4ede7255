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
