//! `kanbao gen` run as a process: the corpus the benchmarks are built on.

mod common;
mod tree;

use common::{kanbao, stderr};

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// Every file under `dir`, sorted, with its bytes.
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    tree::files_under(dir)
        .into_iter()
        .map(|p| {
            let bytes = fs::read(dir.join(&p)).expect("readable file");
            (p, bytes)
        })
        .collect()
}

#[test]
fn the_same_seed_writes_the_same_bytes_and_days_have_sixteen_pages() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (a, b, c) = (
        tmp.path().join("a"),
        tmp.path().join("b"),
        tmp.path().join("c"),
    );
    for (dir, seed) in [(&a, "5"), (&b, "5"), (&c, "6")] {
        let out = kanbao(&[
            "gen",
            "--pages",
            "20",
            "--seed",
            seed,
            "-o",
            dir.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let (fa, fb, fc) = (files(&a), files(&b), files(&c));
    assert_eq!(fa.len(), 20);
    assert_eq!(fa, fb);
    assert_ne!(fa, fc);
    assert_eq!(fa[0].0, Path::new("2016-01-01/01.txt"));
    assert_eq!(fa[15].0, Path::new("2016-01-01/16.txt"));
    assert_eq!(fa[16].0, Path::new("2016-01-02/01.txt"));
    let first = String::from_utf8(fa[16].1.clone()).expect("UTF-8");
    assert!(first.contains("2016年1月2日 星期六"), "{first}");
}

#[test]
fn generated_pages_parse_into_articles_with_bylines_and_dates() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("pages");
    let out = kanbao(&["gen", "--pages", "16", "-o", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let paths: Vec<String> = files(&dir)
        .into_iter()
        .map(|(p, _)| dir.join(p).to_string_lossy().into_owned())
        .collect();
    let mut args = vec!["parse"];
    args.extend(paths.iter().map(String::as_str));
    let out = kanbao(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let pages: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let pages = pages.as_array().expect("one page per file");
    assert_eq!(pages.len(), 16);
    let (mut articles, mut credited) = (0, 0);
    for page in pages {
        assert_eq!(page["meta"]["date"], "2016-01-01");
        for a in page["articles"].as_array().expect("articles") {
            articles += 1;
            assert!(!a["title"].as_str().unwrap_or("").is_empty(), "{a}");
            let b = &a["byline"];
            let people = ["reporters", "correspondents", "photographers", "authors"]
                .iter()
                .map(|r| b[r].as_array().map_or(0, Vec::len))
                .sum::<usize>();
            credited += usize::from(people > 0);
        }
    }
    assert!(articles >= 16 * 3, "{articles} articles");
    // A few brief items carry their credit in a way the parser may not attribute.
    assert!(
        credited * 10 >= articles * 9,
        "{credited} of {articles} credited"
    );
}
