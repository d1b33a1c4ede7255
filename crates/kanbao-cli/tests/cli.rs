//! `kanbao` run as a process, the way batch conversions and deployments use it.

mod common;

use common::{kanbao, stderr};

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../static/samples/yantai-daily-2023-11.txt"
);

fn stdout_json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).expect("stdout is one whole JSON document")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).expect("fixture written");
    path
}

const NEWS: &str = "海港新闻\n\n本报讯(记者 王超)近日,烟台港开通至釜山的集装箱新航线。\n";

#[test]
fn parsing_one_file_prints_one_page_object() {
    let out = kanbao(&["parse", SAMPLE]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = stdout_json(&out);
    assert_eq!(page["schema"], "kanbao.page/1");
    assert_eq!(page["source"]["name"], "yantai-daily-2023-11.txt");
    assert_eq!(page["source"]["encoding"], "utf-8");
    assert_eq!(page["source"]["bytes"], 21367);
    assert_eq!(page["articles"].as_array().map(Vec::len), Some(4));
}

#[test]
fn parsing_several_files_prints_an_array_in_argument_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let news = write(dir.path(), "news.txt", NEWS.as_bytes());
    let out = kanbao(&["parse", SAMPLE, news.to_str().expect("utf-8 path")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pages = stdout_json(&out);
    let names: Vec<&str> = pages
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|p| p["source"]["name"].as_str())
        .collect();
    assert_eq!(names, ["yantai-daily-2023-11.txt", "news.txt"]);
}

#[test]
fn a_gb18030_file_is_detected_and_decoded() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (bytes, _, _) = encoding_rs::GB18030.encode(NEWS);
    let path = write(dir.path(), "gbk.txt", &bytes);
    let out = kanbao(&["parse", path.to_str().expect("utf-8 path")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = stdout_json(&out);
    assert_eq!(page["source"]["encoding"], "gb18030");
    assert!(page.to_string().contains("烟台港"));
}

#[test]
fn markdown_and_text_formats_render_titles_and_bylines() {
    let out = kanbao(&["parse", "--format", "markdown", SAMPLE]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = String::from_utf8(out.stdout).expect("utf-8");
    assert!(md.contains("# “合纵连横”走在前 “港城标兵”作表率\n"), "{md}");
    assert!(md.contains("记者 邵壮 王瑶"), "{md}");
    let out = kanbao(&["parse", "--format", "text", SAMPLE]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        text.starts_with("“合纵连横”走在前 “港城标兵”作表率\n"),
        "{text}"
    );
}

#[test]
fn output_dir_gets_one_file_per_input_and_nothing_on_stdout() {
    let dir = tempfile::tempdir().expect("temp dir");
    let news = write(dir.path(), "news.txt", NEWS.as_bytes());
    let out_dir = dir.path().join("out");
    let out = kanbao(&[
        "parse",
        "-o",
        out_dir.to_str().expect("utf-8"),
        SAMPLE,
        news.to_str().expect("utf-8"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let mut files: Vec<String> = fs::read_dir(&out_dir)
        .expect("out dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, ["news.json", "yantai-daily-2023-11.json"]);
    let page: Value =
        serde_json::from_slice(&fs::read(out_dir.join("news.json")).expect("read")).expect("json");
    assert_eq!(page["source"]["name"], "news.txt");
}

#[test]
fn unreadable_inputs_are_named_with_a_reason_and_the_others_still_convert() {
    let dir = tempfile::tempdir().expect("temp dir");
    let png = write(
        dir.path(),
        "photo.png",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01",
    );
    let pdf = write(
        dir.path(),
        "page.pdf",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n\0\0",
    );
    let missing = dir.path().join("missing.txt");
    let args = [
        "parse",
        SAMPLE,
        png.to_str().expect("utf-8"),
        pdf.to_str().expect("utf-8"),
        missing.to_str().expect("utf-8"),
        dir.path().to_str().expect("utf-8"),
    ];
    let out = kanbao(&args);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for name in ["photo.png", "page.pdf", "missing.txt"] {
        assert_eq!(
            err.lines().filter(|l| l.contains(name)).count(),
            1,
            "one line names {name}: {err}"
        );
    }
    assert!(err.contains("is a directory"), "{err}");
    // The good file is still converted, in one whole document shaped by the command line.
    let pages = stdout_json(&out);
    assert_eq!(pages.as_array().map(Vec::len), Some(1));
    assert_eq!(pages[0]["source"]["name"], "yantai-daily-2023-11.txt");
}

#[test]
fn an_empty_file_gives_a_page_with_a_diagnostic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let empty = write(dir.path(), "empty.txt", b"");
    let out = kanbao(&["parse", empty.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = stdout_json(&out);
    assert_eq!(page["diagnostics"][0]["code"], "empty");
    assert!(stderr(&out).contains("empty.txt"));
}

#[test]
fn a_100_mb_file_is_refused_with_its_size() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.txt");
    let file = fs::File::create(&path).expect("create");
    file.set_len(100_000_000).expect("sparse file");
    let out = kanbao(&["parse", path.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "nothing half-written on stdout");
    let err = stderr(&out);
    assert!(
        err.contains("huge.txt") && err.contains("100.0 MB"),
        "{err}"
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(kanbao(&[]).status.code(), Some(2));
    assert_eq!(kanbao(&["parse"]).status.code(), Some(2));
    assert_eq!(
        kanbao(&["parse", "--format", "pdf", SAMPLE]).status.code(),
        Some(2)
    );
    assert_eq!(kanbao(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn help_and_version_exit_0() {
    let out = kanbao(&["--help"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("parse"));
    assert!(kanbao(&["--version"]).status.success());
}

#[test]
fn uncertain_readings_are_noted_once_per_file_and_listed_in_the_json() {
    let dir = tempfile::tempdir().unwrap();
    // The second headline has no credit under it: a place to check.
    let page = write(
        dir.path(),
        "page.txt",
        "城区新添三座口袋公园\n\n本报讯（记者 林晓）近日，城区三座口袋公园建成开放。\n\n\
         公园配有健身步道。\n\n老街巷里的修理铺\n\n周六上午，修理铺门口排起了队。\n\n\
         修理铺只收零件成本。\n\n本报记者 邹文斌\n"
            .as_bytes(),
    );
    let out = kanbao(&["parse", page.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json = stdout_json(&out);
    let codes: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["article-start-without-credit"]);
    assert_eq!(json["articles"][1]["title"], "老街巷里的修理铺");
    assert_eq!(json["articles"][1]["byline"]["reporters"][0], "邹文斌");
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("1 place where the reading is uncertain"),
        "{err}"
    );
}

/// A folder with one page `a.txt` of the paper 某日报 and its truth: one article, labelled by
/// the JSON fields given (title, dateline, kind, names by role, paragraphs).
fn labelled_page(page: &str, article: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", page.as_bytes());
    let truth = format!(
        r#"{{"pages": [{{"file": "a.txt", "paper": "某日报", "meta": {{"date": null, "page": null, "section": null}},
            "articles": [{{"column": null, "kicker": null, "subtitle": null, "photographers": [],
              "authors": [], "headings": [], "captions": 0, {article}}}],
            "furniture": []}}]}}"#
    );
    write(dir.path(), "truth.json", truth.as_bytes());
    dir
}

#[test]
fn eval_scores_labelled_pages_per_field_and_per_paper() {
    let dir = labelled_page(
        "城区新添三座口袋公园\n\n本报讯（记者 林晓 通讯员 王 超）近日，城区三座口袋公园建成开放。\n",
        r#""title": "城区新添三座口袋公园", "dateline": "本报讯", "kind": "news",
            "reporters": ["林晓"], "correspondents": ["王超", "李四"], "paragraphs": 1"#,
    );
    let out = kanbao(&["eval", dir.path().to_str().unwrap(), "--details"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("| field | all | 某日报 |"), "{text}");
    assert!(
        text.contains("| articles | 1/1 (100%) | 1/1 (100%) |"),
        "{text}"
    );
    assert!(text.contains("| names by role | 2/3 (67%) |"), "{text}");
    assert!(text.contains("correspondents: 李四 missing"), "{text}");
    let out = kanbao(&["eval", dir.path().to_str().unwrap(), "--json"]);
    let json = stdout_json(&out);
    assert_eq!(json["total"]["fields"]["dateline"]["right"], 1);
    assert_eq!(json["articles"], 1);
}

#[test]
fn eval_counts_the_doubts_raised_over_articles_read_right() {
    let dir = labelled_page(
        "城区新添三座口袋公园\n\n近日，城区三座口袋公园建成开放，市民可就近休憩。（林小雨）\n",
        r#""title": "城区新添三座口袋公园", "dateline": null, "kind": null,
            "reporters": ["林小雨"], "correspondents": [], "paragraphs": 1"#,
    );
    let out = kanbao(&["eval", dir.path().to_str().unwrap(), "--details"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    // Right, and the role of the bracketed name is still reported as a guess.
    assert!(text.contains("| articles | 1/1 (100%) |"), "{text}");
    assert!(
        text.contains("| right with diagnostic | 1/1 (100%) |"),
        "{text}"
    );
    assert!(text.contains("right, yet flagged [role-guessed]"), "{text}");
}

#[test]
fn a_page_hard_wrapped_at_its_columns_width_converts_paragraph_by_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    // The text layer of a printed page: every line ends where the column does, a sentence's
    // end among them.
    let page = write(
        dir.path(),
        "wrapped.txt",
        "江城新建三座口袋公园\n\
         本报讯（记者 林小雨）近日，江\n\
         城三座口袋公园建成开放，附近\n\
         居民可以就近散步健身，孩子们\n\
         也有了玩耍的地方，都说方便。\n\
         公园由旧厂房空地改建而成，面\n\
         积一万平方米，每天早上六点开\n\
         放到晚上十点，明年还将再建两\n\
         座，选址由居民投票决定，市民\n\
         也可以在网上提出自己的建议。\n"
            .as_bytes(),
    );
    let out = kanbao(&["parse", page.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json = stdout_json(&out);
    let article = &json["articles"][0];
    assert_eq!(article["title"], "江城新建三座口袋公园");
    assert_eq!(article["byline"]["reporters"][0], "林小雨");
    let blocks = article["blocks"].as_array().unwrap();
    assert_eq!(blocks.len(), 1, "one paragraph over every line: {blocks:?}");
    assert_eq!(
        blocks[0]["text"],
        "近日，江城三座口袋公园建成开放，附近居民可以就近散步健身，孩子们也有了玩耍的地方，\
         都说方便。公园由旧厂房空地改建而成，面积一万平方米，每天早上六点开放到晚上十点，\
         明年还将再建两座，选址由居民投票决定，市民也可以在网上提出自己的建议。"
    );
}

#[test]
fn eval_names_a_missing_truth_file_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let out = kanbao(&["eval", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("cannot read the truth file"),
        "{}",
        stderr(&out)
    );
}
