//! Matching, ranking, highlighting and snippets on small documents made for each rule.

mod common;

use std::collections::BTreeSet;
use std::ops::Range;

use kanbao_search::{DocId, Document, FieldKind, Index, Query, highlight, snippet};

fn index_of(docs: &[Document]) -> Index {
    let mut index = Index::new();
    for doc in docs {
        index.add(doc);
    }
    index
}

fn found(index: &Index, query: &str) -> Vec<u32> {
    index
        .search(&Query::parse(query))
        .into_iter()
        .map(|h| h.doc.0)
        .collect()
}

fn found_set(index: &Index, query: &str) -> BTreeSet<DocId> {
    index
        .search(&Query::parse(query))
        .into_iter()
        .map(|h| h.doc)
        .collect()
}

/// Byte ranges from `(start, end)` pairs.
fn spans(pairs: &[(usize, usize)]) -> Vec<Range<usize>> {
    pairs.iter().map(|&(s, e)| s..e).collect()
}

fn body(text: &str) -> Document {
    Document::new().with(FieldKind::Body, text)
}

/// Documents with the awkward cases: width variants, padded and broken names, Latin words and
/// numbers, and near misses.
fn synthetic() -> Vec<Document> {
    vec![
        Document::new()
            .with(FieldKind::Title, "港城标兵")
            .with(FieldKind::Byline, "通讯员 王 超 丁晓"),
        body("东方航天港，海阳新城。航天港 新城"),
        body("海关查获５８．４４万粒“三无”产品，ＯＧＥ平台"),
        body("记者王\n超报道：58.44万粒\r\n\r\n减\n\n肥产品"),
        body("Open Earth Engine (OGE) 2023年 version 1.2.3"),
        Document::new()
            .with(FieldKind::Caption, "①港城 标兵　表率")
            .with(FieldKind::Meta, "ABC-123 ａｂｃ－１２３"),
        body(""),
    ]
}

#[test]
fn every_substring_of_the_synthetic_documents_matches_exactly_the_documents_containing_it() {
    let docs = synthetic();
    let index = index_of(&docs);
    let mut queries = BTreeSet::new();
    for doc in &docs {
        for field in &doc.fields {
            let text = common::normalize(&field.text);
            queries.extend(common::substrings(&text, 1, 8, |s| {
                !s.starts_with([' ', '-', '"']) && !s.contains([' ', '"'])
            }));
        }
    }
    let (mut hits, mut checked) = (0, 0);
    for q in &queries {
        let expected = common::brute_force(&docs, &[q], &[]);
        assert_eq!(found_set(&index, q), expected, "query {q:?}");
        hits += expected.len();
        checked += 1;
    }
    println!("synthetic: {checked} queries, {hits} hits, all equal to brute force");
}

#[test]
fn a_bigram_found_only_in_separate_words_does_not_match() {
    let index = index_of(&synthetic());
    assert_eq!(found(&index, "港城"), [0, 5]);
    assert!(!found(&index, "港新").is_empty());
    assert!(found(&index, "港城新").is_empty());
}

#[test]
fn whitespace_and_line_breaks_inside_names_are_ignored() {
    let index = index_of(&synthetic());
    assert_eq!(found(&index, "王超"), [0, 3]);
    assert_eq!(found(&index, "减肥产品"), [3]);
}

#[test]
fn full_width_and_half_width_forms_match_each_other() {
    let index = index_of(&synthetic());
    assert_eq!(found_set(&index, "58.44"), found_set(&index, "５８．４４"));
    assert_eq!(
        found_set(&index, "58.44万粒"),
        BTreeSet::from([DocId(2), DocId(3)])
    );
    assert_eq!(found(&index, "oge"), [2, 4]);
    assert_eq!(found(&index, "ＯＧＥ平台"), [2]);
    assert_eq!(found(&index, "abc-123"), [5]);
}

#[test]
fn latin_words_keep_their_spaces_but_match_as_substrings() {
    let index = index_of(&synthetic());
    assert_eq!(found(&index, "\"open earth\""), [4]);
    assert!(found(&index, "openearth").is_empty());
    assert_eq!(found(&index, "eart"), [4]);
    assert_eq!(found(&index, "2.3"), [4]);
    assert_eq!(found(&index, "(oge)2023年"), [4]);
}

#[test]
fn single_characters_match() {
    let index = index_of(&synthetic());
    assert_eq!(found(&index, "城"), [0, 1, 5]);
    assert_eq!(found(&index, "①"), [5]);
    assert_eq!(found_set(&index, "e"), BTreeSet::from([DocId(2), DocId(4)]));
}

#[test]
fn several_terms_must_all_match() {
    let index = index_of(&synthetic());
    assert_eq!(found(&index, "港城 标兵"), [0, 5]);
    assert_eq!(found(&index, "港城 表率"), [5]);
    assert!(found(&index, "港城 航天").is_empty());
}

#[test]
fn a_term_never_matches_across_two_fields() {
    let index = index_of(&synthetic());
    assert!(found(&index, "标兵通讯员").is_empty());
}

#[test]
fn a_quoted_phrase_matches_contiguously_whatever_the_spaces() {
    let index = index_of(&synthetic());
    assert_eq!(found(&index, "\"港城 标兵\""), [0, 5]);
    assert_eq!(found(&index, "\"港城标兵表率\""), [5]);
    assert!(found(&index, "\"标兵 港城\"").is_empty());
}

#[test]
fn a_minus_excludes_documents_with_the_term() {
    let index = index_of(&synthetic());
    assert_eq!(found(&index, "港城 -表率"), [0]);
    assert_eq!(found(&index, "58.44 -\"记者 王超\""), [2]);
    assert_eq!(found(&index, "-港 -oge"), [3, 6]);
}

#[test]
fn an_empty_query_finds_nothing_and_terms_that_occur_nowhere_find_nothing() {
    let index = index_of(&synthetic());
    assert!(found(&index, "").is_empty());
    assert!(found(&index, " \u{3000} \"\" ").is_empty());
    assert!(found(&index, "烟台").is_empty());
    assert!(found(&index, "zzz").is_empty());
}

#[test]
fn a_title_match_ranks_above_a_body_match() {
    let index = index_of(&[
        Document::new()
            .with(FieldKind::Title, "通讯")
            .with(FieldKind::Body, "港城标兵评选结果公布。"),
        Document::new()
            .with(FieldKind::Title, "港城标兵")
            .with(FieldKind::Body, "通讯评选结果公布。"),
        Document::new()
            .with(FieldKind::Title, "通讯")
            .with(FieldKind::Byline, "港城标兵"),
    ]);
    assert_eq!(found(&index, "港城标兵"), [1, 2, 0]);
}

#[test]
fn more_occurrences_rank_higher_and_ties_go_by_id() {
    let index = index_of(&[
        body("航天港产业园 园区建设"),
        body("航天港产业园 航天港园区"),
        body("航天港产业园 园区建设"),
        body("航天港航天港 航天港园"),
    ]);
    assert_eq!(found(&index, "航天港"), [3, 1, 0, 2]);
    let hits = index.search(&Query::parse("航天港"));
    assert!(hits[0].score > hits[1].score && hits[1].score > hits[2].score);
    assert_eq!(hits[2].score, hits[3].score);
}

#[test]
fn shorter_documents_rank_higher_for_the_same_occurrences() {
    let index = index_of(&[
        body("港城标兵。其他内容其他内容其他内容其他内容其他内容其他内容"),
        body("港城标兵。其他内容"),
    ]);
    assert_eq!(found(&index, "标兵"), [1, 0]);
}

#[test]
fn a_filter_keeps_only_allowed_documents_without_changing_scores() {
    let index = index_of(&synthetic());
    let query = Query::parse("港城");
    let all = index.search(&query);
    let some = index.search_where(&query, |doc| doc.0 == 5);
    assert_eq!(some.len(), 1);
    assert_eq!(Some(&some[0]), all.iter().find(|h| h.doc.0 == 5));
    assert_eq!(
        index
            .search_where(&Query::parse("-港"), |doc| doc.0 > 4)
            .len(),
        1
    );
}

#[test]
fn removed_documents_are_no_longer_found() {
    let mut index = index_of(&synthetic());
    assert!(index.remove(DocId(0)));
    assert!(!index.remove(DocId(0)));
    assert!(!index.remove(DocId(99)));
    assert!(!index.contains(DocId(0)));
    assert_eq!(index.len(), 6);
    assert_eq!(found(&index, "港城"), [5]);
    assert!(!found(&index, "-zzz").contains(&0));
    assert_eq!(index.add(&body("港城")), DocId(7));
}

#[test]
fn an_index_survives_serialisation() {
    let docs = synthetic();
    let index = index_of(&docs);
    let json = serde_json::to_string(&index).unwrap_or_default();
    let back: Index = serde_json::from_str(&json).unwrap_or_default();
    for q in ["港城", "王超", "58.44", "oge", "-港", "城"] {
        assert_eq!(found(&back, q), found(&index, q), "query {q:?}");
    }
}

#[test]
fn highlights_mark_exactly_the_matched_bytes() {
    let text = "港城标兵，航天港 新城";
    let q = Query::parse("港城");
    assert_eq!(highlight(text, &q), spans(&[(0, 6)]));
    assert_eq!(
        &text[highlight(text, &Query::parse("港新"))[0].clone()],
        "港 新"
    );
}

#[test]
fn a_highlight_spans_the_line_break_inside_a_match() {
    let text = "记者王\n超报道";
    let marks = highlight(text, &Query::parse("王超"));
    assert_eq!(marks.len(), 1);
    assert_eq!(&text[marks[0].clone()], "王\n超");
}

#[test]
fn highlights_cover_every_term_but_not_exclusions() {
    let text = "ＯＧＥ平台 查获５８．４４万粒";
    let marks = highlight(text, &Query::parse("oge 58.44 -平台"));
    let marked: Vec<&str> = marks.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(marked, ["ＯＧＥ", "５８．４４"]);
}

#[test]
fn overlapping_matches_merge_into_one_highlight() {
    let text = "航天航天航天港";
    assert_eq!(
        highlight(text, &Query::parse("航天航天")),
        spans(&[(0, 18)])
    );
    assert_eq!(
        highlight(text, &Query::parse("天航 航天港")),
        spans(&[(3, 21)])
    );
}

#[test]
fn nothing_is_highlighted_without_a_match() {
    assert!(highlight("港城", &Query::parse("标兵")).is_empty());
    assert!(highlight("港城", &Query::parse("")).is_empty());
    assert!(highlight("", &Query::parse("港城")).is_empty());
}

#[test]
fn a_snippet_shows_context_before_the_first_match_and_marks_it() {
    let text = "第一句话结束。近年来，博物馆依托化石资源，积极探索科学普及的新途径";
    let s = snippet(text, &Query::parse("化石"), 30);
    assert_eq!(
        s.text,
        "近年来，博物馆依托化石资源，积极探索科学普及的新途径"
    );
    assert_eq!(s.highlights.len(), 1);
    assert_eq!(&s.text[s.highlights[0].clone()], "化石");
    assert!(s.cut_before && !s.cut_after);

    // At most a third of the snippet comes before the match.
    let s = snippet(text, &Query::parse("化石"), 9);
    assert_eq!(s.text, "馆依托化石资源，积");
    assert!(s.cut_before && s.cut_after);
}

#[test]
fn a_snippet_drops_column_breaks_and_keeps_one_space_elsewhere() {
    let text = "记者 王\n超 报道\n\nOGE\n平台 Open\nEarth";
    let s = snippet(text, &Query::parse("王超"), 100);
    assert_eq!(s.text, "记者 王超 报道OGE平台 Open Earth");
    assert_eq!(&s.text[s.highlights[0].clone()], "王超");
    assert!(!s.cut_before && !s.cut_after);
}

#[test]
fn a_snippet_without_a_match_starts_at_the_beginning() {
    let s = snippet("  港城标兵作表率", &Query::parse("航天"), 4);
    assert_eq!(s.text, "港城标兵");
    assert!(s.highlights.is_empty());
    assert!(!s.cut_before && s.cut_after);
    assert_eq!(snippet("港城", &Query::parse("港"), 0).text, "");
}

#[test]
fn a_match_longer_than_the_snippet_is_cut_with_it() {
    let s = snippet("港城标兵作表率", &Query::parse("港城标兵作表率"), 3);
    assert_eq!(s.text, "港城标");
    assert_eq!(s.highlights, spans(&[(0, 9)]));
}

#[test]
fn marks_brought_together_by_a_dropped_column_break_merge_in_a_snippet() {
    let text = "港城\n港城 港城";
    assert_eq!(
        highlight(text, &Query::parse("港城")),
        [0..6, 7..13, 14..20]
    );
    let s = snippet(text, &Query::parse("港城"), 10);
    assert_eq!(s.text, "港城港城 港城");
    assert_eq!(s.highlights, [0..12, 13..19]);
}
