//! Kanbao's parser: the plain text of a Chinese newspaper page in, structured articles out.
//!
//! A page as it comes out of a PDF or e-paper export is a flat run of lines: a page header,
//! then articles (headline group, byline or dateline lead, paragraphs, section headings,
//! photo captions) with page furniture between them. [`parse_bytes`] detects the encoding
//! (UTF-8, GB18030, UTF-16), finds the articles and returns a [`Page`]:
//!
//! - every article with its kicker, title, subtitle, column label, dateline, byline by role,
//!   lead summary and body blocks, paragraphs cut by column breaks joined again (on a page
//!   hard-wrapped at its column's width, every line of them) and
//!   half-width punctuation in Chinese text made full-width;
//! - page metadata (date, page number, page name, editors);
//! - every non-blank character not placed in an article as an unassigned [`Fragment`], so
//!   nothing is lost: each article and fragment carries its byte [`Span`] in the decoded text.
//!
//! Parsing never fails and never panics: every input gives a [`Page`], and problems (empty or
//! binary input, undecodable bytes) are recorded as [`Diagnostic`]s inside it. The same
//! bytes always give the same page, article ids included.
//!
//! ```
//! let text = "城区新添三座口袋公园\n\n\
//!             本报讯(记者 林晓 通讯员 王 超)近日,城区三座口袋公园建成开放。\n\n\
//!             公园总面积1.2万平方米,配有健身步道和儿童游乐设施。";
//! let page = kanbao_parse::parse_bytes(text.as_bytes(), "a1.txt");
//! let article = &page.articles[0];
//! assert_eq!(article.title, "城区新添三座口袋公园");
//! assert_eq!(article.dateline.as_deref(), Some("本报讯"));
//! assert_eq!(article.byline.reporters, ["林晓"]);
//! assert_eq!(article.byline.correspondents, ["王超"]);
//! assert_eq!(article.blocks[0].text, "近日，城区三座口袋公园建成开放。");
//! assert_eq!(article.blocks[1].text, "公园总面积1.2万平方米，配有健身步道和儿童游乐设施。");
//! ```
//!
//! Choices where print is ambiguous: a section heading printed on two lines (main and
//! secondary) gives two heading blocks, one per line; a paragraph joined across a caption or
//! heading keeps its place and its span covers the interruption; a stray line (a page number,
//! a code) between two parts of one article stays inside the article's span but out of its
//! text; text before the first headline (an article continued from an earlier page) becomes
//! an article with an empty title.

mod article;
mod boundary;
mod byline;
pub mod correct;
mod decode;
mod header;
mod headline;
mod lines;
mod model;
mod names;
mod normalize;
mod place;
pub mod render;
mod script;
mod segment;
mod traditional;
mod wrap;

pub use decode::{EncodingRs, Gb18030};
pub use model::{
    Article, Block, BlockKind, Byline, Diagnostic, DiagnosticCode, Encoding, Fragment, Kind, Meta,
    Page, SCHEMA, Source, Span, Why,
};
pub use place::{dateline_place, paper_place};
pub use script::simplified;

/// Inputs above this size are parsed but flagged: no printed page holds that much text.
const LARGE: usize = 8 * 1024 * 1024;

/// Decoded text of a page and the encoding it was found in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, BOM removed, line endings as in the input.
    pub text: String,
    /// The detected encoding.
    pub encoding: Encoding,
    /// Whether some bytes could not be decoded and were replaced.
    pub malformed: bool,
    /// Whether the bytes look like a binary file (a PDF, an image) rather than text.
    pub binary: bool,
    /// Size of the input in bytes, before decoding.
    pub bytes: usize,
}

/// Detects the encoding of `bytes` and decodes them.
///
/// A BOM decides first (UTF-8, UTF-16LE, UTF-16BE); then UTF-16 without a BOM is recognised
/// by NUL bytes on one side of every code unit; then valid UTF-8; then GB18030 if it decodes
/// cleanly; otherwise whichever of UTF-8 and GB18030 loses fewer characters.
pub fn decode(bytes: &[u8]) -> Decoded {
    decode_with(bytes, &EncodingRs)
}

/// [`decode`] with another GB18030 decoder, such as a browser's `TextDecoder`.
pub fn decode_with(bytes: &[u8], gb18030: &dyn Gb18030) -> Decoded {
    let s = decode::sniff(bytes, gb18030);
    Decoded {
        text: s.text,
        encoding: s.encoding,
        malformed: s.malformed,
        binary: s.binary,
        bytes: bytes.len(),
    }
}

/// Parses raw bytes of a page, detecting the encoding.
pub fn parse_bytes(bytes: &[u8], name: &str) -> Page {
    parse_decoded(&decode(bytes), name)
}

/// Parses a page decoded by [`decode`] or [`decode_with`]: the same page as [`parse_bytes`]
/// gives for those bytes.
pub fn parse_decoded(decoded: &Decoded, name: &str) -> Page {
    let mut page = parse_text(&decoded.text, name, decoded.binary);
    page.source.encoding = decoded.encoding;
    page.source.bytes = decoded.bytes;
    if decoded.malformed {
        let at = decoded.text.find('\u{FFFD}');
        page.diagnostics.push(Diagnostic {
            code: DiagnosticCode::Malformed,
            message: "some bytes could not be decoded and were replaced with U+FFFD".to_owned(),
            span: at.map(|a| [a, a + '\u{FFFD}'.len_utf8()]),
        });
    }
    finish(&mut page, decoded.bytes);
    page
}

/// Parses raw bytes of a page and applies a curator's corrections to what the parser read
/// ([`correct`]); returns the page and the corrections that could not be applied.
pub fn parse_corrected(
    bytes: &[u8],
    name: &str,
    corrections: &correct::Corrections,
) -> (Page, Vec<correct::Unapplied>) {
    let decoded = decode(bytes);
    let mut page = parse_decoded(&decoded, name);
    let unapplied = correct::apply(&mut page, &decoded.text, &corrections.edits);
    (page, unapplied)
}

/// Parses already decoded text of a page.
pub fn parse_str(text: &str, name: &str) -> Page {
    let mut page = parse_text(text, name, false);
    finish(&mut page, text.len());
    page
}

fn parse_text(text: &str, name: &str, binary: bool) -> Page {
    // A page printed in traditional characters is read as its simplified fold (the same byte
    // offsets), and what was read is given back its characters as printed.
    if !binary && let Some(folded) = script::fold(text) {
        let mut page = parse_unwrapped(&folded, name, false);
        script::restore(&mut page, &folded, text);
        return page;
    }
    parse_unwrapped(text, name, binary)
}

fn parse_unwrapped(text: &str, name: &str, binary: bool) -> Page {
    // A page hard-wrapped at its column's width is read with its paragraphs' lines joined,
    // and every span mapped back to its own text.
    if !binary && let Some(unwrapped) = wrap::unwrap(text) {
        let mut page = parse_lines(&unwrapped.text, name, false);
        page.source.bytes = text.len();
        remap(&mut page, &unwrapped, text);
        return page;
    }
    parse_lines(text, name, binary)
}

/// Maps the spans of a page read from its unwrapped text back to the page's own text.
fn remap(page: &mut Page, unwrapped: &wrap::Unwrapped, text: &str) {
    let span = |s: Span| {
        [
            unwrapped.original(s[0], false),
            unwrapped.original(s[1], true),
        ]
    };
    for a in &mut page.articles {
        a.span = span(a.span);
        for b in &mut a.blocks {
            b.span = span(b.span);
        }
    }
    for f in &mut page.unassigned {
        f.span = span(f.span);
        if let Some(t) = text.get(f.span[0]..f.span[1]) {
            t.clone_into(&mut f.text);
        }
    }
    for d in &mut page.diagnostics {
        d.span = d.span.map(span);
    }
}

fn parse_lines(text: &str, name: &str, binary: bool) -> Page {
    let mut lines = lines::split(text);
    let mut page = Page {
        schema: SCHEMA.to_owned(),
        source: Source {
            name: name.to_owned(),
            encoding: Encoding::Utf8,
            bytes: text.len(),
        },
        meta: Meta::default(),
        articles: Vec::new(),
        unassigned: Vec::new(),
        diagnostics: Vec::new(),
    };
    if lines.is_empty() {
        page.diagnostics.push(Diagnostic {
            code: DiagnosticCode::Empty,
            message: "the input holds no text".to_owned(),
            span: None,
        });
        return page;
    }
    if binary {
        // Keep the lines as noise so the page still accounts for every character.
        page.unassigned = lines
            .iter()
            .map(|l| Fragment {
                text: l.text.to_owned(),
                span: [l.start, l.end()],
                why: Why::Noise,
            })
            .collect();
        page.diagnostics.push(Diagnostic {
            code: DiagnosticCode::Binary,
            message: "the input looks like a binary file, not text".to_owned(),
            span: None,
        });
        return page;
    }
    let parsed = segment::parse(text, &mut lines);
    page.meta = parsed.meta;
    page.articles = parsed.articles;
    page.unassigned = parsed.unassigned;
    page.diagnostics.extend(parsed.diagnostics);
    if page.articles.is_empty() {
        page.diagnostics.push(Diagnostic {
            code: DiagnosticCode::NoArticles,
            message: "no article could be recognised".to_owned(),
            span: None,
        });
    }
    page
}

fn finish(page: &mut Page, size: usize) {
    if size > LARGE {
        page.diagnostics.push(Diagnostic {
            code: DiagnosticCode::Large,
            message: format!(
                "the input is {size} bytes, more than a page could hold; parsed anyway"
            ),
            span: None,
        });
    }
}
