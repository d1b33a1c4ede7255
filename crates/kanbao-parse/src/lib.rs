//! Kanbao's parser: the plain text of a Chinese newspaper page in, structured articles out.
//!
//! Parsing never fails and never panics: every input gives a [`Page`], and problems are
//! recorded as [`Diagnostic`]s inside it.

mod model;

pub use model::*;

/// Decoded text of a page and the encoding it was found in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, BOM removed, line endings as in the input.
    pub text: String,
    /// The detected encoding.
    pub encoding: Encoding,
    /// Whether some bytes could not be decoded and were replaced.
    pub malformed: bool,
}

/// Detects the encoding of `bytes` and decodes them.
pub fn decode(bytes: &[u8]) -> Decoded {
    let (text, _, malformed) = encoding_rs::UTF_8.decode(bytes);
    Decoded { text: text.into_owned(), encoding: Encoding::Utf8, malformed }
}

/// Parses raw bytes of a page, detecting the encoding.
pub fn parse_bytes(bytes: &[u8], name: &str) -> Page {
    let decoded = decode(bytes);
    let mut page = parse_str(&decoded.text, name);
    page.source.encoding = decoded.encoding;
    page.source.bytes = bytes.len();
    page
}

/// Parses already decoded text of a page.
pub fn parse_str(text: &str, name: &str) -> Page {
    let mut unassigned = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let start = offset + (line.len() - line.trim_start().len());
            unassigned.push(Fragment {
                text: trimmed.to_owned(),
                span: [start, start + trimmed.len()],
                why: Why::Noise,
            });
        }
        offset += line.len();
    }
    Page {
        schema: SCHEMA.to_owned(),
        source: Source { name: name.to_owned(), encoding: Encoding::Utf8, bytes: text.len() },
        meta: Meta::default(),
        articles: Vec::new(),
        unassigned,
        diagnostics: Vec::new(),
    }
}
