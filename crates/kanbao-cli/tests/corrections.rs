//! A curator's corrections beside the pages (`A01.txt.kanbao.json`), applied by `kanbao parse`
//! and `kanbao build` run as processes.

mod common;

use common::{kanbao, stderr};

use std::fs;
use std::io::Read;
use std::path::Path;

use flate2::read::GzDecoder;
use kanbao_parse::correct::{
    CORRECTIONS_FORMAT, CorrectedSource, Correction, Corrections, LineRef, LineRole, NameRole,
    source_hash,
};
use serde_json::Value;

/// Two reports run together, as a page export prints them with the second one's headline in
/// the first one's body.
const PAGE: &str = "港口新航线开通\n\n本报讯（记者 林海）近日，港口开通新航线。\n\n新航线每周两班。\n\n城东公园开放\n\n市民可免费入园。\n";

fn line(text: &str) -> LineRef {
    let start = PAGE.find(text).unwrap_or(0);
    LineRef {
        span: [start, start + text.len()],
        text: text.to_owned(),
    }
}

/// Corrections of PAGE: the second report split off at its headline, a correspondent named in
/// it, and one correction whose line is not in the page.
fn corrections() -> Corrections {
    Corrections {
        format: CORRECTIONS_FORMAT.to_owned(),
        source: CorrectedSource {
            name: "A01.txt".to_owned(),
            bytes: PAGE.len(),
            hash: source_hash(PAGE.as_bytes()),
        },
        edits: vec![
            Correction::Merge {
                line: line("城东公园开放"),
            },
            Correction::Split {
                line: line("城东公园开放"),
            },
            Correction::Names {
                line: line("市民可免费入园。"),
                role: NameRole::Correspondents,
                names: vec!["王 超".to_owned()],
            },
            Correction::Mark {
                line: LineRef {
                    span: [0, 3],
                    text: "一行已不在版面上".to_owned(),
                },
                role: LineRole::Heading,
            },
        ],
    }
}

fn titles(page: &Value) -> Vec<String> {
    page["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|a| a["title"].as_str().unwrap_or("").to_owned())
        .collect()
}

#[test]
fn parse_applies_the_corrections_beside_a_page_and_names_those_that_no_longer_apply() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let page = tmp.path().join("A01.txt");
    fs::write(&page, PAGE).expect("page");
    let sidecar = tmp.path().join("A01.txt.kanbao.json");
    fs::write(
        &sidecar,
        serde_json::to_string(&corrections()).expect("json"),
    )
    .expect("sidecar");
    let out = kanbao(&["parse", page.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let parsed: Value = serde_json::from_slice(&out.stdout).expect("page JSON");
    assert_eq!(titles(&parsed), ["港口新航线开通", "城东公园开放"]);
    assert_eq!(
        parsed["articles"][1]["byline"]["correspondents"],
        serde_json::json!(["王超"])
    );
    assert_eq!(
        parsed["articles"][0]["byline"]["reporters"],
        serde_json::json!(["林海"])
    );
    let err = stderr(&out);
    assert!(
        err.contains(
            "correction 4 no longer applies (its line is not in the page): “一行已不在版面上”"
        ),
        "{err}"
    );

    // The same corrections from a folder of corrections.
    let elsewhere = tmp.path().join("fixes");
    fs::create_dir(&elsewhere).expect("dir");
    fs::rename(&sidecar, elsewhere.join("A01.txt.kanbao.json")).expect("move");
    let out = kanbao(&["parse", page.to_str().unwrap()]);
    let plain: Value = serde_json::from_slice(&out.stdout).expect("page JSON");
    let out = kanbao(&[
        "parse",
        page.to_str().unwrap(),
        "--corrections",
        elsewhere.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let corrected: Value = serde_json::from_slice(&out.stdout).expect("page JSON");
    assert_eq!(titles(&corrected), ["港口新航线开通", "城东公园开放"]);
    assert_ne!(plain, corrected, "without the folder, no corrections");
}

#[test]
fn a_corrections_file_made_on_another_export_applies_where_its_lines_are() {
    let tmp = tempfile::tempdir().expect("temp dir");
    // The page exported again with a line more at the top: every span moved.
    let page = tmp.path().join("A01.txt");
    fs::write(&page, format!("第一版\n\n{PAGE}")).expect("page");
    fs::write(
        tmp.path().join("A01.txt.kanbao.json"),
        serde_json::to_string(&corrections()).expect("json"),
    )
    .expect("sidecar");
    let out = kanbao(&["parse", page.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let parsed: Value = serde_json::from_slice(&out.stdout).expect("page JSON");
    assert!(
        titles(&parsed).ends_with(&["城东公园开放".to_owned()]),
        "{parsed}"
    );
    assert!(stderr(&out).contains("made on another version of A01.txt"));
}

#[test]
fn a_malformed_or_hostile_corrections_file_is_named_and_changes_nothing() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let page = tmp.path().join("A01.txt");
    fs::write(&page, PAGE).expect("page");
    let plain = kanbao(&["parse", page.to_str().unwrap()]);
    for (bytes, says) in [
        (b"{ not json".to_vec(), "is not a Kanbao corrections file"),
        (
            br#"{"format":"kanbao.corrections/9","source":{"name":"A01.txt","bytes":1,"hash":"0"},"edits":[]}"#.to_vec(),
            "of another format",
        ),
        (
            br#"{"format":"kanbao.corrections/1","source":{"name":"A01.txt","bytes":1,"hash":"0"},"edits":[{"edit":"mark","line":{"span":[0,99999999],"text":"<script>alert(1)</script>"},"role":"title"}]}"#.to_vec(),
            "its line is not in the page",
        ),
    ] {
        fs::write(tmp.path().join("A01.txt.kanbao.json"), &bytes).expect("sidecar");
        let out = kanbao(&["parse", page.to_str().unwrap()]);
        let err = stderr(&out);
        assert!(err.contains(says), "{err}");
        assert_eq!(out.stdout, plain.stdout, "the page is read as without corrections");
        if says != "its line is not in the page" {
            assert!(!out.status.success());
            assert!(err.contains("A01.txt.kanbao.json"), "{err}");
        }
    }
}

#[test]
fn build_applies_corrections_and_does_not_take_them_for_pages() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let pages = tmp.path().join("pages");
    fs::create_dir_all(&pages).expect("pages");
    fs::write(pages.join("A01.txt"), PAGE).expect("page");
    fs::write(
        pages.join("A01.txt.kanbao.json"),
        serde_json::to_string(&corrections()).expect("json"),
    )
    .expect("sidecar");
    let site = tmp.path().join("site");
    let out = kanbao(&[
        "build",
        pages.to_str().unwrap(),
        "-o",
        site.to_str().unwrap(),
        "--loose",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let records = read_gz(&site.join("archive/records/0000.json.gz"));
    let records: Vec<Value> = serde_json::from_slice(&records).expect("records");
    let titles: Vec<&str> = records
        .iter()
        .map(|r| r["title"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(titles, ["港口新航线开通", "城东公园开放"]);
    assert_eq!(
        records[1]["byline"]["correspondents"],
        serde_json::json!(["王超"])
    );
    assert!(records.iter().all(|r| r["page"]["source"] == "A01.txt"));

    // The same corrections from a folder of corrections, at the page's path in it.
    let fixes = tmp.path().join("fixes");
    fs::create_dir(&fixes).expect("dir");
    fs::rename(
        pages.join("A01.txt.kanbao.json"),
        fixes.join("A01.txt.kanbao.json"),
    )
    .expect("move");
    let out = kanbao(&[
        "build",
        pages.to_str().unwrap(),
        "-o",
        site.to_str().unwrap(),
        "--corrections",
        fixes.to_str().unwrap(),
        "--loose",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let again: Vec<Value> =
        serde_json::from_slice(&read_gz(&site.join("archive/records/0000.json.gz")))
            .expect("records");
    assert_eq!(again, records);
}

fn read_gz(path: &Path) -> Vec<u8> {
    let mut out = Vec::new();
    GzDecoder::new(fs::read(path).expect("file").as_slice())
        .read_to_end(&mut out)
        .expect("gzip");
    out
}
