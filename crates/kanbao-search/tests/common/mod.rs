//! A brute-force model of Kanbao's matching rules, written independently of the crate: the
//! oracle that searches are checked against.

// Each test binary uses a different part of this module.
#![allow(dead_code)]

use std::collections::BTreeSet;

use kanbao_search::{DocId, Document};

/// The traditional characters of the test alphabet and their simplified forms, written out by
/// hand (the crate's table comes from OpenCC).
const TRADITIONAL: [(char, char); 7] = [
    ('臺', '台'),
    ('灣', '湾'),
    ('發', '发'),
    ('髮', '发'),
    ('乾', '干'),
    ('幹', '干'),
    ('標', '标'),
];

fn fold(c: char) -> String {
    if let Some(&(_, s)) = TRADITIONAL.iter().find(|&&(t, _)| t == c) {
        return s.to_string();
    }
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0)
            .into_iter()
            .flat_map(char::to_lowercase)
            .collect(),
        _ => c.to_lowercase().collect(),
    }
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// Folds full-width forms, case and traditional characters, drops whitespace, and keeps one space between two Latin
/// words (test data only uses ASCII word characters).
pub fn normalize(text: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in text.chars() {
        if c.is_whitespace() {
            gap = true;
            continue;
        }
        for f in fold(c).chars() {
            if gap && out.chars().next_back().is_some_and(is_word) && is_word(f) {
                out.push(' ');
            }
            gap = false;
            out.push(f);
        }
    }
    out
}

/// Whether some field of the document contains the term.
pub fn contains(doc: &Document, term: &str) -> bool {
    let term = normalize(term);
    !term.is_empty()
        && doc
            .fields
            .iter()
            .any(|f| normalize(&f.text).contains(&term))
}

/// The documents that contain every required term and no excluded one, by brute force.
pub fn brute_force(docs: &[Document], required: &[&str], excluded: &[&str]) -> BTreeSet<DocId> {
    if required.is_empty() && excluded.is_empty() {
        return BTreeSet::new();
    }
    (0..docs.len())
        .filter(|&i| required.iter().all(|t| contains(&docs[i], t)))
        .filter(|&i| !excluded.iter().any(|t| contains(&docs[i], t)))
        .map(|i| DocId(i as u32))
        .collect()
}

/// Every distinct substring of `text` with `min..=max` characters, all accepted by `keep`.
pub fn substrings(
    text: &str,
    min: usize,
    max: usize,
    keep: impl Fn(&str) -> bool,
) -> BTreeSet<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = BTreeSet::new();
    for len in min..=max {
        for window in chars.windows(len) {
            let s: String = window.iter().collect();
            if keep(&s) {
                out.insert(s);
            }
        }
    }
    out
}

/// Whether `c` is a Han character (CJK unified ideographs and extension A).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}
