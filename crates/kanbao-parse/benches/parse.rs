//! Parsing throughput: one real page, and ten megabytes of pages in a row.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

#[path = "support/pages_run.rs"]
mod pages_run;

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(path).expect("fixture page")
}

/// About 10 MB of UTF-8 pages: every fixture decoded, repeated until the size is reached.
fn many_pages() -> Vec<u8> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let pages: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| kanbao_parse::decode(&std::fs::read(p).expect("page")).text)
        .collect();
    pages_run::pages_run(pages)
}

fn bench(c: &mut Criterion) {
    let sample = fixture("yantai-daily-2023-11.txt");
    let mut group = c.benchmark_group("parse_bytes");
    group.throughput(Throughput::Bytes(sample.len() as u64));
    group.bench_function("yantai-sample", |b| {
        b.iter(|| kanbao_parse::parse_bytes(black_box(&sample), "p"))
    });
    let big = many_pages();
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.sample_size(10);
    group.bench_function("10MB-of-pages", |b| {
        b.iter(|| kanbao_parse::parse_bytes(black_box(&big), "p"))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
