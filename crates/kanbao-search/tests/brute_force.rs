//! Random documents and queries: searches equal a brute-force scan and nothing panics.

mod common;

use std::collections::BTreeSet;

use kanbao_search::{DocId, Document, FieldKind, Index, Query, highlight, snippet};
use proptest::prelude::*;

const KINDS: [FieldKind; 6] = [
    FieldKind::Title,
    FieldKind::Heading,
    FieldKind::Byline,
    FieldKind::Body,
    FieldKind::Caption,
    FieldKind::Meta,
];

fn field_text() -> impl Strategy<Value = String> {
    "[港城标兵航天ab1２Ａ.，台臺湾灣发發髮干乾幹標  \n\u{3000}]{0,14}"
}

fn term() -> impl Strategy<Value = String> {
    "[港城标兵航天ab1２Ａ.，台臺湾灣发發髮干乾幹標]{1,4}"
}

fn docs() -> impl Strategy<Value = Vec<Document>> {
    let field = (0..KINDS.len(), field_text());
    let doc = prop::collection::vec(field, 0..4).prop_map(|fields| {
        let mut doc = Document::new();
        for (kind, text) in fields {
            doc.push(KINDS[kind], text);
        }
        doc
    });
    prop::collection::vec(doc, 0..8)
}

/// Checks that highlight ranges are sorted, disjoint, non-empty and on char boundaries.
fn assert_well_formed(text: &str, ranges: &[std::ops::Range<usize>]) {
    for r in ranges {
        assert!(r.start < r.end && text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
    }
    for w in ranges.windows(2) {
        assert!(w[0].end < w[1].start, "{ranges:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn search_finds_exactly_what_a_brute_force_scan_finds(
        docs in docs(),
        required in prop::collection::vec(term(), 0..3),
        excluded in prop::collection::vec(term(), 0..2),
    ) {
        let mut index = Index::new();
        for doc in &docs {
            index.add(doc);
        }
        let query: Vec<String> = required
            .iter()
            .cloned()
            .chain(excluded.iter().map(|t| format!("-{t}")))
            .collect();
        let hits = index.search(&Query::parse(&query.join(" ")));
        let got: BTreeSet<DocId> = hits.iter().map(|h| h.doc).collect();
        let required: Vec<&str> = required.iter().map(String::as_str).collect();
        let excluded: Vec<&str> = excluded.iter().map(String::as_str).collect();
        prop_assert_eq!(got.len(), hits.len());
        prop_assert_eq!(got, common::brute_force(&docs, &required, &excluded));
        for w in hits.windows(2) {
            prop_assert!(w[0].score > w[1].score || (w[0].score == w[1].score && w[0].doc < w[1].doc));
        }
    }

    #[test]
    fn highlights_cover_every_occurrence_and_stay_well_formed(text in field_text(), t in term()) {
        let query = Query::parse(&t);
        let marks = highlight(&text, &query);
        assert_well_formed(&text, &marks);
        let needle = common::normalize(&t);
        let marked: String = marks.iter().map(|r| common::normalize(&text[r.clone()])).collect();
        prop_assert_eq!(marks.is_empty(), !common::normalize(&text).contains(&needle));
        for r in &marks {
            prop_assert!(common::normalize(&text[r.clone()]).contains(&needle), "{marked:?}");
        }
        let s = snippet(&text, &query, 6);
        assert_well_formed(&s.text, &s.highlights);
        prop_assert_eq!(s.highlights.is_empty(), marks.is_empty() || s.text.is_empty());
    }

    #[test]
    fn nothing_panics_on_any_text_or_query(text in any::<String>(), query in any::<String>(), max in 0usize..40) {
        let mut index = Index::new();
        let id = index.add(&Document::new().with(FieldKind::Body, text.clone()));
        let query = Query::parse(&query);
        let hits = index.search(&query);
        prop_assert!(hits.len() <= 1);
        prop_assert!(hits.iter().all(|h| h.doc == id && h.score.is_finite()));
        assert_well_formed(&text, &highlight(&text, &query));
        let s = snippet(&text, &query, max);
        prop_assert!(s.text.chars().count() <= max);
        assert_well_formed(&s.text, &s.highlights);
    }
}
