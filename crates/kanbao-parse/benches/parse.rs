//! Parse throughput on the sample page.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn sample(c: &mut Criterion) {
    let bytes = include_bytes!("../../../static/samples/yantai-daily-2023-11.txt");
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("sample", |b| {
        b.iter(|| kanbao_parse::parse_bytes(bytes, "sample"))
    });
    group.finish();
}

criterion_group!(benches, sample);
criterion_main!(benches);
