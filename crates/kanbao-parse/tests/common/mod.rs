//! Checks shared by the tests, the corpus replay and the fuzz target.
#![allow(dead_code)]

use kanbao_parse::{Page, Span};
use std::path::{Path, PathBuf};

/// Asserts that `page` accounts for every non-blank character of `text` exactly once.
///
/// Article spans and unassigned spans must lie within the text, on character boundaries, and
/// not overlap; every non-whitespace character must fall inside one of them; block spans must
/// lie inside their article.
pub fn check_lossless(text: &str, page: &Page) {
    let mut spans: Vec<(Span, &str)> = Vec::new();
    for a in &page.articles {
        spans.push((a.span, "article"));
        for b in &a.blocks {
            assert_valid(text, b.span, "block");
            assert!(
                b.span[0] >= a.span[0] && b.span[1] <= a.span[1],
                "block {:?} outside article {:?}",
                b.span,
                a.span
            );
        }
    }
    for f in &page.unassigned {
        spans.push((f.span, "fragment"));
        assert_eq!(
            text.get(f.span[0]..f.span[1]),
            Some(f.text.as_str()),
            "fragment text differs from its span"
        );
    }
    for (span, what) in &spans {
        assert_valid(text, *span, what);
    }
    spans.sort_by_key(|(s, _)| s[0]);
    for pair in spans.windows(2) {
        assert!(
            pair[0].0[1] <= pair[1].0[0],
            "spans overlap: {:?} {:?}",
            pair[0],
            pair[1]
        );
    }
    let mut covered = spans.iter().map(|(s, _)| *s).peekable();
    let mut current: Option<Span> = None;
    for (i, c) in text.char_indices() {
        while current.is_none_or(|s| s[1] <= i) {
            match covered.peek() {
                Some(s) if s[1] <= i => {
                    covered.next();
                }
                Some(s) if s[0] <= i => {
                    current = covered.next();
                }
                _ => break,
            }
        }
        let inside = current.is_some_and(|s| s[0] <= i && i < s[1]);
        assert!(
            c.is_whitespace() || inside,
            "character {c:?} at byte {i} is in no article or fragment"
        );
    }
}

fn assert_valid(text: &str, span: Span, what: &str) {
    assert!(
        span[0] <= span[1] && span[1] <= text.len(),
        "{what} span {span:?} out of bounds ({})",
        text.len()
    );
    assert!(
        text.get(span[0]..span[1]).is_some(),
        "{what} span {span:?} not on char boundaries"
    );
}

/// Parses `bytes` and checks the result: lossless, and the same bytes give the same page.
pub fn parse_and_check(bytes: &[u8]) -> Page {
    let page = kanbao_parse::parse_bytes(bytes, "input");
    let decoded = kanbao_parse::decode(bytes);
    check_lossless(&decoded.text, &page);
    assert_eq!(
        page,
        kanbao_parse::parse_bytes(bytes, "input"),
        "same bytes gave another page"
    );
    page
}

/// The directory of the test fixtures.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The fixture pages (`*.txt`, any encoding), sorted by name.
pub fn fixture_pages() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .expect("fixtures dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    out.sort();
    out
}

/// Reads a fixture page by name, parses it and checks it (lossless, deterministic).
pub fn page(name: &str) -> Page {
    let bytes = std::fs::read(fixtures().join(name)).expect("fixture");
    parse_and_check(&bytes)
}

/// The texts of an article's blocks of one kind, in order.
pub fn texts(a: &kanbao_parse::Article, kind: kanbao_parse::BlockKind) -> Vec<&str> {
    a.blocks
        .iter()
        .filter(|b| b.kind == kind)
        .map(|b| b.text.as_str())
        .collect()
}

/// The titles of a page's articles, in order.
pub fn titles(page: &Page) -> Vec<&str> {
    page.articles.iter().map(|a| a.title.as_str()).collect()
}
