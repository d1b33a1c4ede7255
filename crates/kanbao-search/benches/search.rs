//! The in-memory index (the app's library): building it over some 10,000 articles, and
//! answering queries of every shape over it. Run with `cargo bench -p kanbao-search`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kanbao_search::{Document, FieldKind, Index, Query};

const PAGE: &str = include_str!("../tests/data/yantai-daily-2023-11.txt");

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

fn bench(c: &mut Criterion) {
    let docs = archive();
    let bytes: usize = docs
        .iter()
        .flat_map(|d| &d.fields)
        .map(|f| f.text.len())
        .sum();
    let mut group = c.benchmark_group("index");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("build-10k-articles", |b| {
        b.iter(|| {
            let mut index = Index::new();
            for doc in &docs {
                index.add(black_box(doc));
            }
            index
        })
    });
    group.finish();

    let mut index = Index::new();
    for doc in &docs {
        index.add(doc);
    }
    let mut group = c.benchmark_group("search-10k-articles");
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
        let query = Query::parse(q);
        group.bench_function(q, |b| b.iter(|| index.search(black_box(&query))));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
