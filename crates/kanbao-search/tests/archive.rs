//! The sharded archive index gives what the in-memory index gives, for any query.

use std::collections::HashMap;

use kanbao_search::{
    Archive, ArchiveBuilder, ArchiveError, ArchiveIndex, Document, FieldKind, Hit, Index, Layer,
    Manifest, Query, Shard, ShardId,
};
use proptest::prelude::*;

/// Loads an archive the way a reader does: the manifest through JSON, then the planned shards
/// decoded from their bytes.
fn search(archive: &Archive, query: &Query) -> Vec<Hit> {
    let json = serde_json::to_string(&archive.manifest).expect("manifest serialises");
    let manifest: Manifest = serde_json::from_str(&json).expect("manifest reads back");
    let index = ArchiveIndex::new(manifest, &archive.lengths).expect("archive opens");
    let mut shards = HashMap::new();
    for id in index.plan(query) {
        let bytes = archive.shard(id).expect("planned shard exists");
        shards.insert(id, Shard::decode(bytes).expect("shard decodes"));
    }
    index.search(query, &shards).expect("search runs")
}

fn both(docs: &[Document], shard_bytes: usize) -> (Index, Archive) {
    let mut index = Index::new();
    let mut builder = ArchiveBuilder::new(4, 2);
    for d in docs {
        assert_eq!(index.add(d), builder.add(d));
    }
    (index, builder.finish(shard_bytes))
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
    for shard_bytes in [16, 64 * 1024] {
        let (index, archive) = both(&docs, shard_bytes);
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
            assert_eq!(
                search(&archive, &query),
                index.search(&query),
                "query {q:?}"
            );
        }
    }
}

#[test]
fn a_term_never_matches_across_two_fields() {
    let (_, archive) = both(&sample(), 1024);
    // 港 ends document 3's title and 城标兵 starts its body.
    let hits = search(&archive, &Query::parse("港城标兵"));
    assert_eq!(hits.iter().map(|h| h.doc.0).collect::<Vec<_>>(), [0]);
}

#[test]
fn plans_name_docs_shards_for_short_terms_and_positions_for_long_ones() {
    let (_, archive) = both(&sample(), 64);
    let index = ArchiveIndex::new(archive.manifest.clone(), &archive.lengths).expect("opens");
    assert!(archive.manifest.doc_shards > 1 && archive.manifest.position_shards > 1);
    let short = index.plan(&Query::parse("港城 王"));
    assert!(!short.is_empty() && short.iter().all(|s| s.layer == Layer::Docs));
    let long = index.plan(&Query::parse("港城标兵"));
    assert!(!long.is_empty() && long.iter().all(|s| s.layer == Layer::Positions));
    assert!(index.plan(&Query::parse("")).is_empty());
}

#[test]
fn searching_without_a_planned_shard_is_an_error_not_a_wrong_answer() {
    let (_, archive) = both(&sample(), 64);
    let index = ArchiveIndex::new(archive.manifest.clone(), &archive.lengths).expect("opens");
    let query = Query::parse("港城标兵");
    let missing = index.plan(&query)[0];
    assert_eq!(
        index.search(&query, &HashMap::new()),
        Err(ArchiveError::MissingShard(missing))
    );
    let wrong: ShardId = missing;
    assert_eq!(wrong.path(), format!("positions/{:04}.bin", missing.n));
}

#[test]
fn corrupt_files_are_reported() {
    assert!(Shard::decode(b"nope").is_err());
    assert!(Shard::decode(b"KBA1\x00\x05\x01").is_err());
    let (_, archive) = both(&sample(), 64);
    let mut manifest = archive.manifest.clone();
    assert!(ArchiveIndex::new(manifest.clone(), &archive.lengths[1..]).is_err());
    manifest.format = "something/2".into();
    assert!(matches!(
        ArchiveIndex::new(manifest, &archive.lengths),
        Err(ArchiveError::Format(_))
    ));
}

/// Small alphabets, so that random documents share many bigrams and repeated characters.
fn text() -> impl Strategy<Value = String> {
    "[港城标兵航天哈 a-bA0-9ａ１\n.,，]{0,24}"
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn archive_search_equals_in_memory_search_on_random_documents(
        docs in prop::collection::vec(prop::collection::vec((kind(), text()), 0..4), 1..12),
        queries in prop::collection::vec("-?[港城标兵航天哈 a-bA0-9１.]{1,5}", 1..6),
        shard_bytes in 8usize..400,
    ) {
        let docs: Vec<Document> = docs
            .iter()
            .map(|fields| {
                let mut d = Document::new();
                for (k, t) in fields {
                    d.push(*k, t.clone());
                }
                d
            })
            .collect();
        let (index, archive) = both(&docs, shard_bytes);
        for q in &queries {
            let query = Query::parse(q);
            prop_assert_eq!(search(&archive, &query), index.search(&query), "query {:?}", q);
        }
    }
}
