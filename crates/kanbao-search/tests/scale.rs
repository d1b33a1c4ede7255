//! Index build and query times on an archive-sized corpus. Ignored by default; run with
//! `cargo test -p kanbao-search --release --test scale -- --ignored --nocapture`.

use std::time::Instant;

use kanbao_search::{Document, FieldKind, Index, Query};

const PAGE: &str = include_str!("data/yantai-daily-2023-11.txt");

/// About 10,000 articles and 20 MB: paragraphs of the sample page, rotated so that the
/// articles differ, with a numbered title each.
fn archive() -> Vec<Document> {
    let paragraphs: Vec<&str> = PAGE
        .lines()
        .map(str::trim)
        .filter(|l| l.len() > 60)
        .collect();
    (0..10_000)
        .map(|i| {
            let mut doc = Document::new().with(
                FieldKind::Title,
                format!("第{i}期 {}", paragraphs[i % paragraphs.len()]),
            );
            doc.push(
                FieldKind::Byline,
                format!("记者 王{} 通讯员 李{}", i % 97, i % 89),
            );
            let body: Vec<&str> = (0..5)
                .map(|k| paragraphs[(i * 7 + k * 13) % paragraphs.len()])
                .collect();
            doc.push(FieldKind::Body, body.join("\n"));
            doc
        })
        .collect()
}

#[test]
#[ignore = "timing; run in release"]
fn an_archive_of_ten_thousand_articles_indexes_and_answers_quickly() {
    let docs = archive();
    let bytes: usize = docs
        .iter()
        .flat_map(|d| &d.fields)
        .map(|f| f.text.len())
        .sum();
    let start = Instant::now();
    let mut index = Index::new();
    for doc in &docs {
        index.add(doc);
    }
    println!(
        "indexed {} articles, {:.1} MB, in {:?}: {index:?}",
        docs.len(),
        bytes as f64 / 1e6,
        start.elapsed()
    );
    for q in [
        "港城",
        "航天港",
        "减肥产品",
        "机关党建",
        "王5",
        "第9999期",
        "的",
        "58.44万粒",
        "港城 -航天",
        "不存在的词",
    ] {
        let start = Instant::now();
        let hits = index.search(&Query::parse(q));
        println!("{q:>10}: {:>6} hits in {:?}", hits.len(), start.elapsed());
    }
}
