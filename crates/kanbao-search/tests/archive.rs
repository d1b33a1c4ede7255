//! The sharded archive index finds what the in-memory index finds, newest first, for any
//! query, reading only the blocks a page of results needs.

use std::collections::{BTreeSet, HashMap};

use kanbao_search::{
    Archive, ArchiveBuilder, ArchiveError, ArchiveIndex, Document, Facet, FieldKind, FileId,
    Filters, Index, Layer, Layout, Manifest, Query, Search, Shard,
};
use proptest::prelude::*;

/// Opens an archive the way a reader does (the manifest through JSON) and starts a search
/// from the planned shards, decoded from their bytes.
fn start(archive: &Archive, query: &Query) -> Search {
    let json = serde_json::to_string(&archive.manifest).expect("manifest serialises");
    let manifest: Manifest = serde_json::from_str(&json).expect("manifest reads back");
    let index = ArchiveIndex::new(manifest).expect("archive opens");
    let mut shards = HashMap::new();
    for id in index.plan(query) {
        let bytes = archive.file(id).expect("planned shard exists");
        shards.insert(id, Shard::decode(bytes).expect("shard decodes"));
    }
    index.start(query, &shards).expect("search starts")
}

/// Starts a filtered search as [`start`] does.
fn start_filtered(archive: &Archive, query: &Query, filters: &Filters) -> Search {
    let index = ArchiveIndex::new(archive.manifest.clone()).expect("archive opens");
    let mut shards = HashMap::new();
    for id in index.plan_filtered(query, filters) {
        let bytes = archive.file(id).expect("planned shard exists");
        shards.insert(id, Shard::decode(bytes).expect("shard decodes"));
    }
    index
        .start_filtered(query, filters, &shards)
        .expect("search starts")
}

/// Runs a search to the end, `want` results a round; returns the documents in the order
/// found and the block files loaded.
fn run(archive: &Archive, query: &Query, want: usize) -> (Vec<u32>, BTreeSet<FileId>) {
    run_search(archive, start(archive, query), want)
}

/// Runs a search begun to the end, `want` results a round.
fn run_search(archive: &Archive, mut search: Search, want: usize) -> (Vec<u32>, BTreeSet<FileId>) {
    let (mut found, mut loaded) = (Vec::new(), BTreeSet::new());
    while !search.done() {
        for id in search.plan(want) {
            assert!(loaded.insert(id), "{id:?} planned twice");
            search
                .load(id, archive.file(id).expect("planned block exists"))
                .expect("block loads");
        }
        found.extend(search.step().expect("step runs").into_iter().map(|d| d.0));
    }
    (found, loaded)
}

/// What the in-memory index finds, newest (highest id) first.
fn expected(index: &Index, query: &Query) -> Vec<u32> {
    let mut docs: Vec<u32> = index.search(query).iter().map(|h| h.doc.0).collect();
    docs.sort_unstable_by(|a, b| b.cmp(a));
    docs
}

fn layout(shard_bytes: u32, block_bytes: u32) -> Layout {
    Layout {
        chunk_size: 4,
        card_chunk_size: 2,
        shard_bytes,
        block_bytes,
    }
}

fn both(docs: &[Document], layout: Layout) -> (Index, Archive) {
    let mut index = Index::new();
    let mut builder = ArchiveBuilder::new(layout);
    for d in docs {
        assert_eq!(index.add(d), builder.add(d));
    }
    (index, builder.finish())
}

fn doc(fields: &[(FieldKind, &str)]) -> Document {
    let mut d = Document::new();
    for (k, t) in fields {
        d.push(*k, *t);
    }
    d
}

fn sample() -> Vec<Document> {
    vec![
        doc(&[
            (FieldKind::Title, "“合纵连横”走在前 “港城标兵”作表率"),
            (FieldKind::Byline, "YMG全媒体记者 邵壮 王瑶 摄影报道"),
            (
                FieldKind::Body,
                "港城港城港城,哈哈哈哈哈。58.44万粒 Open Earth",
            ),
        ]),
        doc(&[
            (FieldKind::Title, "航天港 新城"),
            (FieldKind::Heading, "港城"),
            (FieldKind::Caption, "王 超\n摄"),
        ]),
        doc(&[(FieldKind::Meta, "2016-01-01 要闻"), (FieldKind::Body, "")]),
        doc(&[
            (FieldKind::Title, "港"),
            (FieldKind::Body, "城标兵 open earth engine"),
        ]),
    ]
}

#[test]
fn archive_search_equals_in_memory_search_on_hand_picked_queries() {
    let docs = sample();
    for (shard_bytes, block_bytes) in [(16, 4), (16, 64 * 1024), (64 * 1024, 8)] {
        let (index, archive) = both(&docs, layout(shard_bytes, block_bytes));
        for q in [
            "港",
            "港城",
            "港城标兵",
            "城标",
            "“港城标兵”",
            "哈哈",
            "哈哈哈",
            "哈哈哈哈哈",
            "王超",
            "58.44",
            "8.4",
            "open earth",
            "earth engine",
            "pen ea",
            "-港城",
            "港 -新城",
            "标兵 港",
            "2016-01",
            "要闻",
            "不存在",
            "作表率 邵壮",
            "\"港城 标兵\"",
        ] {
            let query = Query::parse(q);
            for want in [1, 20] {
                assert_eq!(
                    run(&archive, &query, want).0,
                    expected(&index, &query),
                    "query {q:?}"
                );
            }
        }
    }
}

#[test]
fn a_term_never_matches_across_two_fields() {
    let (_, archive) = both(&sample(), layout(1024, 1024));
    // 港 ends document 3's title and 城标兵 starts its body.
    assert_eq!(run(&archive, &Query::parse("港城标兵"), 20).0, [0]);
}

#[test]
fn plans_name_docs_shards_for_one_character_and_positions_for_longer_terms() {
    let (_, archive) = both(&sample(), layout(64, 1024));
    let index = ArchiveIndex::new(archive.manifest.clone()).expect("opens");
    assert!(archive.manifest.doc_shards > 1 && archive.manifest.position_shards > 1);
    let short = index.plan(&Query::parse("港 王"));
    assert!(!short.is_empty());
    assert!(
        short
            .iter()
            .all(|s| matches!(s, FileId::Shard(Layer::Docs, _)))
    );
    let long = index.plan(&Query::parse("港城 港城标兵"));
    assert!(!long.is_empty());
    assert!(
        long.iter()
            .all(|s| matches!(s, FileId::Shard(Layer::Positions, _)))
    );
    assert!(index.plan(&Query::parse("")).is_empty());
    assert_eq!(FileId::Shard(Layer::Docs, 7).path(), "docs/0007.bin");
    assert_eq!(FileId::Block(4517).path(), "blocks/004/517.bin");
}

/// Many dated articles about the same things, as in a long-running paper.
fn many(n: usize) -> Vec<Document> {
    (0..n)
        .map(|i| {
            let mut d = Document::new();
            d.push(FieldKind::Title, format!("港城新闻第{i}期"));
            let body = if i % 97 == 0 {
                "标兵作表率，航天港建设加快。"
            } else {
                "港城经济平稳运行，城市建设加快。"
            };
            d.push(FieldKind::Body, body);
            d
        })
        .collect()
}

/// Runs a search until it has 20 matches or is done: the matches, and how many block files
/// it loaded.
fn first_page(archive: &Archive, search: &mut Search) -> (Vec<u32>, usize) {
    let (mut found, mut loaded) = (Vec::new(), 0);
    while found.len() < 20 && !search.done() {
        for id in search.plan(20 - found.len()) {
            search.load(id, archive.file(id).unwrap()).unwrap();
            loaded += 1;
        }
        found.extend(search.step().unwrap().into_iter().map(|d| d.0));
    }
    (found, loaded)
}

#[test]
fn the_shards_name_every_block_file_once() {
    let (_, archive) = both(&many(4000), layout(4096, 2048));
    let blocks = archive.manifest.blocks;
    assert!(blocks > 10, "{blocks}");
    let mut named = Vec::new();
    for (id, bytes) in &archive.files {
        if let FileId::Shard(..) = id {
            named.extend(Shard::decode(bytes).unwrap().block_files().unwrap());
        }
    }
    named.sort_unstable();
    assert_eq!(named, (0..blocks).collect::<Vec<_>>());
}

#[test]
fn a_planned_window_holds_the_matches_its_step_finds() {
    let (_, archive) = both(&many(4000), layout(4096, 2048));
    let mut search = start(&archive, &Query::parse("港城经济"));
    assert_eq!(search.window(), None, "nothing planned yet");
    let needed = search.plan(20);
    let window = search.window().expect("a window once planned");
    for id in needed {
        search.load(id, archive.file(id).unwrap()).unwrap();
    }
    let found = search.step().unwrap();
    assert!(!found.is_empty());
    assert!(found.iter().all(|d| window.contains(&d.0)), "{window:?}");
    assert_eq!(search.window(), None, "the step searched it");
}

#[test]
fn a_first_page_of_a_common_term_loads_a_few_blocks_not_the_whole_list() {
    let docs = many(4000);
    let (index, archive) = both(&docs, layout(4096, 2048));
    let query = Query::parse("港城经济");
    let mut search = start(&archive, &query);
    let (mut found, loaded) = first_page(&archive, &mut search);
    let all = expected(&index, &query);
    assert!(all.len() > 3900);
    assert_eq!(found[..20], all[..20], "the newest matches come first");
    // The total is estimated from the rate so far, and exact at the end.
    let estimate = search.estimate() as f64;
    assert!(
        (estimate / all.len() as f64 - 1.0).abs() < 0.1,
        "{estimate} for {}",
        all.len()
    );
    let blocks = archive
        .files
        .keys()
        .filter(|id| matches!(id, FileId::Block(_)))
        .count();
    assert!(blocks > 100, "the test needs long lists ({blocks} blocks)");
    assert!(loaded <= 4, "{loaded} blocks loaded for the first page");
    // The rest follows on, in order, to the last match.
    while !search.done() {
        for id in search.plan(20) {
            search.load(id, archive.file(id).unwrap()).unwrap();
        }
        found.extend(search.step().unwrap().into_iter().map(|d| d.0));
    }
    assert_eq!(found, all);
    assert_eq!(search.estimate(), all.len() as u64);
}

#[test]
fn a_search_within_a_range_finds_exactly_its_matches_there_and_reads_only_its_blocks() {
    let docs = many(4000);
    let (index, archive) = both(&docs, layout(4096, 2048));
    for (q, range) in [
        ("港城经济", 1000..1400),
        ("标兵", 500..3000),
        ("港城", 0..50),
        ("经济 -标兵", 3990..4000),
        ("航天港", 10..20),
        ("港城", 3000..9000),
    ] {
        let query = Query::parse(q);
        let want: Vec<u32> = expected(&index, &query)
            .into_iter()
            .filter(|d| range.contains(d))
            .collect();
        let search = start(&archive, &query).within(range.clone());
        let (found, loaded) = run_search(&archive, search, 20);
        assert_eq!(found, want, "{q} in {range:?}");
        let (_, all) = run(&archive, &query, 20);
        assert!(
            loaded.len() <= all.len(),
            "{q}: {} of {}",
            loaded.len(),
            all.len()
        );
    }
    // A period of a tenth of the archive reads the blocks reaching into it: a few of a common
    // term's, where the whole archive reads them all.
    let query = Query::parse("港城经济");
    let (_, all) = run(&archive, &query, 20);
    let (_, some) = run_search(&archive, start(&archive, &query).within(1000..1400), 20);
    assert!(
        some.len() * 3 < all.len(),
        "{} of {} blocks",
        some.len(),
        all.len()
    );
    // The estimate counts the range only.
    let mut search = start(&archive, &query).within(1000..2000);
    let (found, _) = first_page(&archive, &mut search);
    assert!(found.len() >= 20);
    let total = expected(&index, &query)
        .into_iter()
        .filter(|d| (1000..2000).contains(d))
        .count() as f64;
    let estimate = search.estimate() as f64;
    assert!(
        (estimate / total - 1.0).abs() < 0.15,
        "{estimate} for {total}"
    );
    assert!(search.unsearched().end < 2000 && search.unsearched().start == 1000);
}

/// A paper whose newest issues write about one topic in every other article, and whose
/// older ones in one article of fifty; another word runs through the whole archive.
fn faded(n: usize) -> Vec<Document> {
    (0..n)
        .map(|i| {
            let mut d = Document::new();
            d.push(FieldKind::Title, format!("本市新闻第{i}期"));
            let topic = if i >= n * 9 / 10 {
                i % 2 == 0
            } else {
                i % 50 == 0
            };
            let mut body = String::from("城市建设加快。");
            if topic {
                body.push_str("疫情防控有力有序。");
            }
            if i % 3 == 0 {
                body.push_str("森林防控责任落实。");
            }
            d.push(FieldKind::Body, body);
            d
        })
        .collect()
}

#[test]
fn the_total_of_a_term_that_grew_rarer_is_estimated_from_its_own_postings() {
    let docs = faded(4000);
    let (index, archive) = both(&docs, layout(4096, 256));
    for q in ["疫情", "疫情防控", "防控"] {
        let query = Query::parse(q);
        let all = expected(&index, &query);
        let mut search = start(&archive, &query);
        let (_, blocks) = first_page(&archive, &mut search);
        assert!(
            blocks > 0 && !search.done(),
            "{q}: the first page reads only the newest blocks"
        );
        // The newest documents alone would say about seven times as many for the topic.
        let estimate = search.estimate() as f64;
        assert!(
            (estimate / all.len() as f64 - 1.0).abs() < 0.25,
            "{q}: {estimate} for {}",
            all.len()
        );
    }
}

#[test]
fn a_rare_term_beside_a_common_one_loads_only_the_blocks_of_its_documents() {
    let docs = many(4000);
    let (index, archive) = both(&docs, layout(4096, 2048));
    // 标兵 is in one article of 97 and kept in its shard; 建设 is in every one.
    let query = Query::parse("标兵 建设");
    let (found, loaded) = run(&archive, &query, 20);
    assert_eq!(found, expected(&index, &query));
    assert_eq!(found.len(), 42);
    assert!(loaded.len() <= 42, "{} blocks loaded", loaded.len());
}

#[test]
fn stepping_without_a_planned_block_is_an_error_not_a_wrong_answer() {
    let docs = many(500);
    let (_, archive) = both(&docs, layout(4096, 256));
    let mut search = start(&archive, &Query::parse("港城"));
    let planned = search.plan(20);
    assert!(!planned.is_empty());
    assert_eq!(search.step(), Err(ArchiveError::MissingFile(planned[0])));
    // Loading what was planned lets the same window run.
    for id in search.plan(20) {
        search.load(id, archive.file(id).unwrap()).unwrap();
    }
    let first = search.step().unwrap();
    assert_eq!(first.first().map(|d| d.0), Some(499));
}

#[test]
fn starting_without_a_planned_shard_is_an_error() {
    let (_, archive) = both(&sample(), layout(64, 1024));
    let index = ArchiveIndex::new(archive.manifest.clone()).expect("opens");
    let query = Query::parse("港城标兵");
    let missing = index.plan(&query)[0];
    assert_eq!(
        index.start(&query, &HashMap::new()).map(|_| ()),
        Err(ArchiveError::MissingFile(missing))
    );
}

#[test]
fn corrupt_files_are_reported() {
    assert!(Shard::decode(b"nope").is_err());
    assert!(Shard::decode(b"KBA4\x00\x05\x01").is_err());
    let docs = many(300);
    let (_, archive) = both(&docs, layout(4096, 256));
    let mut search = start(&archive, &Query::parse("港城"));
    let id = search.plan(20)[0];
    let bytes = archive.file(id).unwrap();
    assert!(search.load(id, &bytes[..bytes.len() - 1]).is_err());
    assert!(search.load(id, b"KBA4\x00\x01\x05").is_err());
    assert!(search.load(FileId::Block(u32::MAX), bytes).is_err());
    let mut manifest = archive.manifest.clone();
    manifest.format = "something/2".into();
    assert!(matches!(
        ArchiveIndex::new(manifest),
        Err(ArchiveError::Format(_))
    ));
}

/// Small alphabets, so that random documents share many bigrams and repeated characters.
fn text() -> impl Strategy<Value = String> {
    "[港城标兵航天哈臺台發发 a-bA0-9ａ１\n.,，]{0,24}"
}

fn kind() -> impl Strategy<Value = FieldKind> {
    prop_oneof![
        Just(FieldKind::Title),
        Just(FieldKind::Heading),
        Just(FieldKind::Byline),
        Just(FieldKind::Body),
        Just(FieldKind::Caption),
        Just(FieldKind::Meta),
    ]
}

/// Documents of the given fields.
fn documents(fields: &[Vec<(FieldKind, String)>]) -> Vec<Document> {
    fields
        .iter()
        .map(|fields| {
            let mut d = Document::new();
            for (k, t) in fields {
                d.push(*k, t.clone());
            }
            d
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn archive_search_equals_in_memory_search_on_random_documents(
        docs in prop::collection::vec(prop::collection::vec((kind(), text()), 0..4), 1..12),
        queries in prop::collection::vec("-?[港城标兵航天哈臺台發发 a-bA0-9１.]{1,5}", 1..6),
        shard_bytes in 8u32..400,
        block_bytes in 2u32..200,
        want in 1usize..8,
    ) {
        let docs = documents(&docs);
        let (index, archive) = both(&docs, layout(shard_bytes, block_bytes));
        for q in &queries {
            let query = Query::parse(q);
            prop_assert_eq!(run(&archive, &query, want).0, expected(&index, &query), "query {:?}", q);
        }
    }

    #[test]
    fn a_search_within_a_range_equals_the_in_memory_search_cut_to_it(
        docs in prop::collection::vec(prop::collection::vec((kind(), text()), 0..4), 1..16),
        queries in prop::collection::vec("-?[港城标兵航天哈臺台發发 a-bA0-9１.]{1,5}", 1..4),
        block_bytes in 2u32..200,
        want in 1usize..8,
        a in 0u32..20,
        b in 0u32..20,
    ) {
        let docs = documents(&docs);
        let (index, archive) = both(&docs, layout(64, block_bytes));
        let range = a.min(b)..a.max(b);
        for q in &queries {
            let query = Query::parse(q);
            let expected: Vec<u32> = expected(&index, &query).into_iter().filter(|d| range.contains(d)).collect();
            let search = start(&archive, &query).within(range.clone());
            prop_assert_eq!(run_search(&archive, search, want).0, expected, "query {:?} in {:?}", q, range);
        }
    }
}

/// Documents with facet values: each document's text, and its reporters and kind.
type Faceted = (Vec<(FieldKind, String)>, Vec<String>, String);

/// Builds both indexes over faceted documents; returns the in-memory index, the archive and
/// each document's facet values.
fn both_faceted(docs: &[Faceted], layout: Layout) -> (Index, Archive, Vec<Vec<(Facet, String)>>) {
    let mut index = Index::new();
    let mut builder = ArchiveBuilder::new(layout);
    let mut values = Vec::new();
    for (fields, reporters, kind) in docs {
        let d = documents(std::slice::from_ref(fields)).remove(0);
        let v: Vec<(Facet, String)> = reporters
            .iter()
            .map(|r| (Facet::Reporter, r.clone()))
            .chain([(Facet::Kind, kind.clone())])
            .collect();
        assert_eq!(index.add(&d), builder.add_with_facets(&d, v.clone()));
        values.push(v);
    }
    (index, builder.finish(), values)
}

/// What a filtered search must find: the in-memory matches (every document without search
/// text) that hold a value of every facet filtered on, newest first.
fn expected_filtered(
    index: &Index,
    query: &Query,
    filters: &Filters,
    values: &[Vec<(Facet, String)>],
) -> Vec<u32> {
    if query.is_empty() && filters.values().all(Vec::is_empty) {
        return Vec::new();
    }
    let matches = if query.is_empty() {
        (0..values.len() as u32).rev().collect()
    } else {
        expected(index, query)
    };
    matches
        .into_iter()
        .filter(|&d| {
            filters.iter().all(|(facet, wanted)| {
                wanted.is_empty()
                    || values[d as usize]
                        .iter()
                        .any(|(f, v)| f == facet && wanted.contains(v))
            })
        })
        .collect()
}

#[test]
fn a_filter_alone_lists_the_documents_holding_its_values_and_the_summary_counts_them() {
    let docs: Vec<Faceted> = (0..40)
        .map(|i| {
            let reporter = ["林海", "苏青", "高原"][i % 3].to_owned();
            let kind = if i % 4 == 0 { "photo" } else { "news" };
            (
                vec![(FieldKind::Title, format!("港城标兵第{i}号"))],
                vec![reporter],
                kind.to_owned(),
            )
        })
        .collect();
    let (index, archive, values) = both_faceted(&docs, layout(64, 16));
    assert!(archive.manifest.facets);
    let filters: Filters = [(Facet::Reporter, vec!["苏青".to_owned()])].into();
    let (found, _) = run_search(
        &archive,
        start_filtered(&archive, &Query::parse(""), &filters),
        5,
    );
    assert_eq!(
        found,
        expected_filtered(&index, &Query::parse(""), &filters, &values)
    );
    assert_eq!(found.len(), 13);
    assert!(found.windows(2).all(|w| w[0] > w[1]));
    // Two values of one facet: either; and with search text and another facet: all of them.
    let filters: Filters = [
        (Facet::Reporter, vec!["苏青".to_owned(), "高原".to_owned()]),
        (Facet::Kind, vec!["photo".to_owned()]),
    ]
    .into();
    let query = Query::parse("标兵");
    let (found, _) = run_search(&archive, start_filtered(&archive, &query, &filters), 3);
    assert_eq!(found, expected_filtered(&index, &query, &filters, &values));
    assert_eq!(found, [32, 28, 20, 16, 8, 4]);
    // The summary counts each value over the whole archive.
    assert_eq!(archive.facets.count(Facet::Reporter, "林海"), Some(14));
    assert_eq!(archive.facets.count(Facet::Kind, "photo"), Some(10));
}

#[test]
fn an_archive_built_without_facets_ignores_filters_it_cannot_apply() {
    let docs: Vec<Faceted> = vec![(
        vec![(FieldKind::Title, "港城标兵".to_owned())],
        vec!["林海".to_owned()],
        "news".to_owned(),
    )];
    let (_, mut archive, _) = both_faceted(&docs, layout(64, 16));
    archive.manifest.facets = false;
    let index = ArchiveIndex::new(archive.manifest.clone()).expect("archive opens");
    assert!(!index.filterable(Facet::Reporter));
    let filters: Filters = [(Facet::Reporter, vec!["苏青".to_owned()])].into();
    let query = Query::parse("港城");
    assert_eq!(index.plan_filtered(&query, &filters), index.plan(&query));
    let (found, _) = run_search(&archive, start_filtered(&archive, &query, &filters), 5);
    assert_eq!(found, [0]);
    // The source file is never indexed: a filter on it is not applied either.
    archive.manifest.facets = true;
    let index = ArchiveIndex::new(archive.manifest.clone()).expect("archive opens");
    assert!(!index.filterable(Facet::Source));
    assert!(index.filterable(Facet::Place));
}

#[test]
fn oldest_first_yields_every_match_ascending_a_range_at_a_time() {
    let docs = many(3000);
    let (index, archive) = both(&docs, layout(4096, 512));
    for q in ["港城", "标兵", "0", "-港城"] {
        let query = Query::parse(q);
        let mut want: Vec<u32> = expected(&index, &query);
        want.reverse();
        let (found, _) = run_search(&archive, start(&archive, &query).oldest_first(), 20);
        assert_eq!(found, want, "query {q:?}");
    }
    // The first page comes from the oldest documents and reads only their blocks.
    let query = Query::parse("港城");
    let mut search = start(&archive, &query).oldest_first();
    let (page, blocks) = first_page(&archive, &mut search);
    let mut all: Vec<u32> = expected(&index, &query);
    all.reverse();
    assert_eq!(page, all[..page.len()]);
    assert!(page.len() >= 20);
    assert!(!search.done());
    let (_, every) = run(&archive, &query, 1_000_000);
    assert!(blocks < every.len(), "{blocks} blocks of {}", every.len());
    let rest = search.unsearched();
    assert!(rest.end == archive.manifest.docs && rest.start > page[page.len() - 1]);
    assert!(search.estimate() >= page.len() as u64);
}

fn reporters() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(prop_oneof![Just("林海"), Just("苏青"), Just("高原")], 0..3)
        .prop_map(|v| v.into_iter().map(str::to_owned).collect())
}

fn kinds() -> impl Strategy<Value = String> {
    prop_oneof![Just("news"), Just("photo"), Just("brief")].prop_map(str::to_owned)
}

fn filters() -> impl Strategy<Value = Filters> {
    (
        prop::collection::vec(prop_oneof![Just("林海"), Just("苏青"), Just("无名")], 0..3),
        prop::collection::vec(kinds(), 0..2),
    )
        .prop_map(|(r, k)| {
            let mut f = Filters::new();
            if !r.is_empty() {
                f.insert(Facet::Reporter, r.into_iter().map(str::to_owned).collect());
            }
            if !k.is_empty() {
                f.insert(Facet::Kind, k);
            }
            f
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_filtered_search_equals_the_in_memory_search_filtered(
        docs in prop::collection::vec((prop::collection::vec((kind(), text()), 0..3), reporters(), kinds()), 1..24),
        queries in prop::collection::vec("(-?[港城标兵航天哈 a-b0-9]{1,4})?", 1..4),
        filters in filters(),
        block_bytes in 2u32..200,
        want in 1usize..8,
    ) {
        let (index, archive, values) = both_faceted(&docs, layout(64, block_bytes));
        for q in &queries {
            let query = Query::parse(q);
            let expected = expected_filtered(&index, &query, &filters, &values);
            let (found, _) = run_search(&archive, start_filtered(&archive, &query, &filters), want);
            prop_assert_eq!(found, expected, "query {:?} filters {:?}", q, filters);
        }
    }

    #[test]
    fn an_oldest_first_search_finds_the_same_matches_ascending(
        docs in prop::collection::vec((prop::collection::vec((kind(), text()), 0..3), reporters(), kinds()), 1..40),
        queries in prop::collection::vec("(-?[港城标兵航天哈 a-b0-9]{1,4})?", 1..4),
        filters in filters(),
        block_bytes in 2u32..200,
        want in 1usize..8,
        a in 0u32..44,
        b in 0u32..44,
    ) {
        let (index, archive, values) = both_faceted(&docs, layout(64, block_bytes));
        let range = a.min(b)..a.max(b);
        for q in &queries {
            let query = Query::parse(q);
            let mut expected: Vec<u32> = expected_filtered(&index, &query, &filters, &values)
                .into_iter()
                .filter(|d| range.contains(d))
                .collect();
            expected.reverse();
            let search = start_filtered(&archive, &query, &filters).oldest_first().within(range.clone());
            let (found, _) = run_search(&archive, search, want);
            prop_assert_eq!(found, expected, "query {:?} filters {:?} in {:?}", q, filters, range);
        }
    }
}

#[test]
fn a_common_filter_reads_a_few_blocks_for_a_first_page_and_estimates_its_total() {
    let docs: Vec<Faceted> = (0..6000)
        .map(|i| {
            // The rare term only among the newest tenth.
            let text = if i % 50 == 0 && i >= 5400 {
                "港城标兵"
            } else {
                "城市建设"
            };
            let kind = if i % 3 == 0 { "photo" } else { "news" };
            (
                vec![(FieldKind::Body, text.to_owned())],
                Vec::new(),
                kind.to_owned(),
            )
        })
        .collect();
    let (index, archive, values) = both_faceted(&docs, layout(4096, 16384));
    let filters: Filters = [(Facet::Kind, vec!["news".to_owned()])].into();
    let query = Query::parse("");
    let mut search = start_filtered(&archive, &query, &filters);
    let (page, blocks) = first_page(&archive, &mut search);
    assert_eq!(
        page,
        expected_filtered(&index, &query, &filters, &values)[..page.len()]
    );
    assert!(blocks <= 2, "{blocks} blocks for the first page");
    let estimate = search.estimate();
    assert!((3600..=4400).contains(&estimate), "{estimate} for 4000");
    // A rare term among the newest tenth, filtered: the blocks holding its candidates, not
    // the archive's every block.
    let query = Query::parse("标兵");
    let (found, loaded) = run_search(&archive, start_filtered(&archive, &query, &filters), 20);
    assert_eq!(found, expected_filtered(&index, &query, &filters, &values));
    let bytes: usize = loaded
        .iter()
        .map(|&id| archive.file(id).map_or(0, <[u8]>::len))
        .sum();
    let whole: usize = archive
        .files
        .iter()
        .filter(|(id, _)| matches!(id, FileId::Block(_)))
        .map(|(_, f)| f.len())
        .sum();
    assert!(bytes * 4 < whole, "{bytes} of {whole} bytes of blocks");
}
