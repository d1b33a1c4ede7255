//! Searches a built Kanbao archive natively the way a browser would: for each query, read the
//! shards its plan names (cold: nothing cached), decompress and decode them, and search.
//! Bytes are as stored (gzipped). Prints JSON.
//!
//! Usage: kanbao-bench-native SITE QUERIES.json TRUTH.json

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::Path;
use std::time::Instant;

use flate2::read::GzDecoder;
use kanbao_search::{ArchiveIndex, Manifest, Query, Shard};
use serde_json::json;

fn pct(xs: &[f64], p: f64) -> f64 {
    let mut s = xs.to_vec();
    s.sort_by(f64::total_cmp);
    s[((p / 100.0) * s.len() as f64)
        .floor()
        .min(s.len() as f64 - 1.0) as usize]
}

/// A stored file's size and its content, gunzipped when its name ends in `.gz`.
fn stored(path: &Path) -> (u64, Vec<u8>) {
    let bytes = fs::read(path).unwrap();
    if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        GzDecoder::new(bytes.as_slice()).read_to_end(&mut out).unwrap();
        (bytes.len() as u64, out)
    } else {
        (bytes.len() as u64, bytes)
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = Path::new(&args[1]).join("archive/index");
    let queries: Vec<String> = serde_json::from_slice(&fs::read(&args[2]).unwrap()).unwrap();
    let truth: Vec<Vec<u32>> = serde_json::from_slice(&fs::read(&args[3]).unwrap()).unwrap();

    let t = Instant::now();
    let manifest_bytes = fs::read(dir.join("manifest.json")).unwrap();
    let manifest: Manifest = serde_json::from_slice(&manifest_bytes).unwrap();
    let suffix = manifest.compression.suffix();
    let lengths = stored(&dir.join(format!("lengths.bin{suffix}"))).1;
    let index = ArchiveIndex::new(manifest, &lengths).unwrap();
    let open_ms = t.elapsed().as_secs_f64() * 1e3;

    let (mut cold_ms, mut search_ms, mut bytes) = (Vec::new(), Vec::new(), Vec::new());
    let (mut tp, mut fp, mut fn_, mut exact) = (0usize, 0usize, 0usize, 0usize);
    for (q, want) in queries.iter().zip(&truth) {
        let query = Query::parse(&format!("\"{q}\""));
        let t = Instant::now();
        let mut shards = HashMap::new();
        let mut n = 0u64;
        for id in index.plan(&query) {
            let (size, raw) = stored(&dir.join(format!("{}{suffix}", id.path())));
            n += size;
            shards.insert(id, Shard::decode(&raw).unwrap());
        }
        let s = Instant::now();
        let hits = index.search(&query, &shards).unwrap();
        search_ms.push(s.elapsed().as_secs_f64() * 1e3);
        cold_ms.push(t.elapsed().as_secs_f64() * 1e3);
        bytes.push(n as f64);
        let got: Vec<u32> = hits.iter().map(|h| h.doc.0).collect();
        let t_ = got.iter().filter(|d| want.binary_search(d).is_ok()).count();
        tp += t_;
        fp += got.len() - t_;
        fn_ += want.len() - t_;
        exact += usize::from(t_ == want.len() && got.len() == want.len());
    }
    let m = index.manifest();
    let index_bytes = m.sizes.lengths
        + m.sizes.docs.iter().sum::<u64>()
        + m.sizes.positions.iter().sum::<u64>()
        + manifest_bytes.len() as u64;
    let out = json!({
        "engine": "kanbao archive (native, release-native build, shards read from the page cache)",
        "docs": m.docs,
        "queries": queries.len(),
        "open_ms": open_ms,
        "one_time_bytes": manifest_bytes.len() as u64 + m.sizes.lengths,
        "cold_query_ms": {"p50": pct(&cold_ms, 50.0), "p95": pct(&cold_ms, 95.0)},
        "search_only_ms": {"p50": pct(&search_ms, 50.0), "p95": pct(&search_ms, 95.0)},
        "cold_query_bytes": {"p50": pct(&bytes, 50.0), "p95": pct(&bytes, 95.0), "max": pct(&bytes, 100.0)},
        "index_bytes": index_bytes,
        "docs_layer_bytes": m.sizes.docs.iter().sum::<u64>(),
        "positions_layer_bytes": m.sizes.positions.iter().sum::<u64>(),
        "doc_shards": m.doc_shards,
        "position_shards": m.position_shards,
        "precision": tp as f64 / (tp + fp).max(1) as f64,
        "recall": tp as f64 / (tp + fn_).max(1) as f64,
        "queries_exact": exact as f64 / queries.len().max(1) as f64,
    });
    println!("{}", serde_json::to_string_pretty(&out).unwrap());
}
