//! Searches a built Kanbao archive natively the way the app does: for each query, cold
//! (nothing cached), read the shards its plan names and then the blocks of each round until
//! the first page of results (20) is found or the archive is exhausted, decompressing and
//! decoding as it goes. Bytes are as stored (gzipped). Recall and precision are checked by
//! running every search on to its end. Prints JSON.
//!
//! Usage: kanbao-bench-native SITE QUERIES.json TRUTH.json

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use flate2::read::GzDecoder;
use kanbao_search::{ArchiveIndex, FileId, Manifest, Query, Search, Shard};
use serde_json::json;

/// Results on the first page of the app's archive list.
const PAGE: usize = 20;

/// The `p`th percentile of `xs` (NaN, written as null, for none).
fn pct(xs: &[f64], p: f64) -> f64 {
    if xs.is_empty() {
        return f64::NAN;
    }
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

struct Files {
    dir: PathBuf,
    suffix: &'static str,
    bytes: u64,
    requests: u64,
}

impl Files {
    fn read(&mut self, id: FileId) -> Vec<u8> {
        let (size, raw) = stored(&self.dir.join(format!("{}{}", id.path(), self.suffix)));
        self.bytes += size;
        self.requests += 1;
        raw
    }

    /// Runs one round of a search: returns the matches it found.
    fn round(&mut self, search: &mut Search, want: usize) -> Vec<u32> {
        for id in search.plan(want) {
            let bytes = self.read(id);
            search.load(id, &bytes).unwrap();
        }
        search.step().unwrap().into_iter().map(|d| d.0).collect()
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
    let index = ArchiveIndex::new(manifest).unwrap();
    let open_ms = t.elapsed().as_secs_f64() * 1e3;

    let (mut cold_ms, mut bytes, mut requests, mut rounds) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut tp, mut fp, mut fn_, mut exact, mut first_page_ok) = (0usize, 0, 0, 0, 0);
    // Estimate over the true total, after the first page of each query it did not finish.
    let mut estimates = Vec::new();
    for (q, want) in queries.iter().zip(&truth) {
        let query = Query::parse(&format!("\"{q}\""));
        let mut files = Files {
            dir: dir.clone(),
            suffix,
            bytes: 0,
            requests: 0,
        };
        let t = Instant::now();
        let mut shards = HashMap::new();
        for id in index.plan(&query) {
            let bytes = files.read(id);
            shards.insert(id, Shard::decode(&bytes).unwrap());
        }
        let mut search = index.start(&query, &shards).unwrap();
        let mut found = Vec::new();
        let mut n = 0;
        while found.len() < PAGE && !search.done() {
            let more = files.round(&mut search, PAGE - found.len());
            found.extend(more);
            n += 1;
        }
        cold_ms.push(t.elapsed().as_secs_f64() * 1e3);
        bytes.push(files.bytes as f64);
        requests.push(files.requests as f64);
        rounds.push(n as f64);
        // The first page is the newest matches; the rest follow to the end.
        let mut newest = want.clone();
        newest.sort_unstable_by(|a, b| b.cmp(a));
        first_page_ok += usize::from(found[..found.len().min(PAGE)] == newest[..newest.len().min(PAGE)]);
        if !search.done() && !want.is_empty() {
            estimates.push(search.estimate() as f64 / want.len() as f64);
        }
        while !search.done() {
            found.extend(files.round(&mut search, 200));
        }
        let t_ = found.iter().filter(|d| want.binary_search(d).is_ok()).count();
        tp += t_;
        fp += found.len() - t_;
        fn_ += want.len() - t_;
        exact += usize::from(t_ == want.len() && found.len() == want.len());
    }
    let m = index.manifest();
    let out = json!({
        "engine": "kanbao archive (native, release build, files read from the page cache)",
        "docs": m.docs,
        "queries": queries.len(),
        "open_ms": open_ms,
        "one_time_bytes": manifest_bytes.len() as u64,
        "cold_query_ms": {"p50": pct(&cold_ms, 50.0), "p95": pct(&cold_ms, 95.0)},
        "cold_query_bytes": {"p50": pct(&bytes, 50.0), "p95": pct(&bytes, 95.0), "max": pct(&bytes, 100.0)},
        "cold_query_requests": {"p50": pct(&requests, 50.0), "p95": pct(&requests, 95.0)},
        "cold_query_rounds": {"p50": pct(&rounds, 50.0), "p95": pct(&rounds, 95.0), "max": pct(&rounds, 100.0)},
        "what": "first page: the shards, then rounds of blocks until 20 matches (newest first) or the end",
        "index_bytes": m.sizes.total() + manifest_bytes.len() as u64,
        "docs_layer_bytes": m.sizes.docs,
        "positions_layer_bytes": m.sizes.positions,
        "blocks_bytes": m.sizes.blocks,
        "doc_shards": m.doc_shards,
        "position_shards": m.position_shards,
        "blocks": m.blocks,
        "first_page_newest": first_page_ok as f64 / queries.len().max(1) as f64,
        "estimate_after_first_page": {
            "what": "the estimated total over the true one, for queries not finished by the first page",
            "queries": estimates.len(),
            "p5": pct(&estimates, 5.0), "p50": pct(&estimates, 50.0), "p95": pct(&estimates, 95.0),
            "within_25_percent": estimates.iter().filter(|r| (*r - 1.0).abs() <= 0.25).count() as f64 / estimates.len().max(1) as f64,
        },
        "precision": tp as f64 / (tp + fp).max(1) as f64,
        "recall": tp as f64 / (tp + fn_).max(1) as f64,
        "queries_exact": exact as f64 / queries.len().max(1) as f64,
    });
    println!("{}", serde_json::to_string_pretty(&out).unwrap());
}
