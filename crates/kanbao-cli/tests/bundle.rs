//! `kanbao bundle` run as a process on a small build directory shaped like Trunk's dist/.

mod common;

use common::{kanbao, stderr};

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

fn s(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

/// What Trunk's release build writes, in miniature: the loader, preloads, a manifest, an icon,
/// the Content-Security-Policy, the boot message, and the deployment's pages.
const INDEX: &str = r#"<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="default-src 'self'">
  <title>看报 Kanbao</title>
  <script id="kanbao-preload">
    (function () { var files = ['archive/index/manifest.json']; })();
  </script>
<script type="module">
import init, * as bindings from './kanbao-web-0123abcd.js';
const wasm = await init({ module_or_path: './kanbao-web-0123abcd_bg.wasm' });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
</script>
  <link rel="stylesheet" href="./app-4567ef.css" integrity="sha384-x"/>
  <link rel="manifest" href="static/manifest.webmanifest">
  <link rel="icon" href="static/icons/kanbao.svg" type="image/svg+xml">
  <link rel="apple-touch-icon" href="static/icons/kanbao-192.png">
<link rel="modulepreload" href="./kanbao-web-0123abcd.js" crossorigin="anonymous"><link rel="preload" href="./kanbao-web-0123abcd_bg.wasm" as="fetch" type="application/wasm"></head>
<body>
  <div id="boot" class="boot" role="status">
    <p>看报正在加载……</p>
    <p class="boot-hint">浏览器不能从本地文件（file://）运行看报</p>
  </div>
</body>
</html>
"#;

const GLUE: &str = r#"let wasm;
function __wbg_get_imports() { return { marker: "</script><!-- glue" }; }
async function __wbg_init(module_or_path) { wasm = module_or_path; }
export { initSync, __wbg_init as default };
"#;

/// A build directory with one page, `page_text`, listed in static/library.json.
fn dist(page_text: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    fs::create_dir_all(d.join("static/samples")).expect("dirs");
    fs::create_dir_all(d.join("static/icons")).expect("dirs");
    fs::write(d.join("index.html"), INDEX).expect("index");
    fs::write(d.join("kanbao-web-0123abcd.js"), GLUE).expect("glue");
    fs::write(d.join("kanbao-web-0123abcd_bg.wasm"), b"\0asm\x01\0\0\0").expect("wasm");
    fs::write(
        d.join("app-4567ef.css"),
        "body { color: red } /* </style> */",
    )
    .expect("css");
    fs::write(d.join("static/icons/kanbao.svg"), "<svg/>").expect("icon");
    fs::write(
        d.join("static/library.json"),
        r#"{"pages":[{"path":"samples/page.txt","paper":"烟台日报"}]}"#,
    )
    .expect("library");
    fs::write(d.join("static/samples/page.txt"), page_text).expect("page");
    dir
}

fn bundle(dist: &Path, extra: &[&str]) -> (Output, PathBuf) {
    let out = dist.join("out.html");
    let mut args = vec!["bundle", "--dist", s(dist), "-o", s(&out)];
    args.extend_from_slice(extra);
    (kanbao(&args), out)
}

/// The `src` and `href` values of a document.
fn references(html: &str) -> Vec<&str> {
    let mut refs = Vec::new();
    for attr in [" src=\"", " href=\""] {
        for (i, _) in html.match_indices(attr) {
            let value = &html[i + attr.len()..];
            refs.push(value.split('"').next().unwrap_or_default());
        }
    }
    refs
}

/// The JSON the app reads.
fn inline_pages(html: &str) -> serde_json::Value {
    let start = html
        .find(r#"<script type="application/json" id="kanbao-inline-pages">"#)
        .expect("inline pages element");
    let json = &html[html[start..].find('>').expect("tag end") + start + 1..];
    let json = &json[..json.find("</script>").expect("element end")];
    serde_json::from_str(json).expect("inline pages are JSON")
}

const NEWS: &str = "烟台港开通新航线\n\n本报讯(记者 王超)近日,烟台港开通至釜山的集装箱新航线。\n";

#[test]
fn the_bundle_refers_to_no_other_file() {
    let dir = dist(NEWS.as_bytes());
    let (out, file) = bundle(dir.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = fs::read_to_string(file).expect("bundle written");
    let external: Vec<&str> = references(&html)
        .into_iter()
        .filter(|r| !r.starts_with("data:"))
        .collect();
    assert_eq!(external, Vec::<&str>::new());
    for gone in [
        "modulepreload",
        "rel=\"preload\"",
        "manifest",
        "apple-touch-icon",
        "Content-Security-Policy",
        "kanbao-web-0123abcd",
        "file://",
        "kanbao-preload",
        "archive/index",
    ] {
        assert!(!html.contains(gone), "{gone} is still in the bundle");
    }
    // The CSS, the glue and the wasm are inside; the wasm as base64.
    assert!(html.contains("<style>\nbody { color: red } /* <\\/style> */\n</style>"));
    assert!(html.contains("async function __wbg_init"));
    assert!(
        html.contains("await __wbg_init({ module_or_path: Uint8Array.from(atob(\"AGFzbQEAAAA=\")")
    );
    assert!(html.contains(r#"marker: "<\/script><\!-- glue""#));
    assert!(html.contains(r#"<link rel="icon" href="data:image/svg+xml;base64,PHN2Zy8+">"#));
    assert!(html.contains("<p>看报正在加载……</p>"));
    assert!(out.status.code() == Some(0) && stderr(&out).contains("1 page"));
}

#[test]
fn without_pages_the_bundle_holds_the_pages_of_the_deployment() {
    let dir = dist(NEWS.as_bytes());
    let (out, file) = bundle(dir.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pages = inline_pages(&fs::read_to_string(file).expect("bundle"));
    assert_eq!(
        pages,
        serde_json::json!([{ "name": "page.txt", "paper": "烟台日报", "text": NEWS }])
    );
}

#[test]
fn pages_given_are_decoded_from_gb18030_and_kept_as_text() {
    let dir = dist(NEWS.as_bytes());
    let (gb, _, _) = encoding_rs::GB18030.encode(NEWS);
    let page = dir.path().join("gb.txt");
    fs::write(&page, &gb).expect("page");
    let (out, file) = bundle(dir.path(), &["--paper", "烟台晚报", s(&page)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pages = inline_pages(&fs::read_to_string(file).expect("bundle"));
    assert_eq!(
        pages,
        serde_json::json!([{ "name": "gb.txt", "paper": "烟台晚报", "text": NEWS }])
    );
}

#[test]
fn script_end_tags_in_page_text_cannot_end_the_element() {
    let text = "标题\n\n正文</script><script>alert(1)</script><!-- 结束\n";
    let dir = dist(text.as_bytes());
    let (out, file) = bundle(dir.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = fs::read_to_string(file).expect("bundle");
    assert!(!html.contains("alert(1)</script>"));
    assert!(!html.contains("<!-- 结束"));
    assert_eq!(inline_pages(&html)[0]["text"], text);
}

#[test]
fn a_directory_that_is_not_a_build_fails_with_exit_1_and_says_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (out, file) = bundle(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("index.html: cannot read"), "{err}");
    assert!(err.contains("trunk build --release"), "{err}");
    assert!(!file.exists());

    // An index.html without Trunk's loader.
    let dir2 = dist(NEWS.as_bytes());
    fs::write(
        dir2.path().join("index.html"),
        "<html><head></head><body></body></html>",
    )
    .expect("index");
    let (out, file) = bundle(dir2.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no Trunk module loader"),
        "{}",
        stderr(&out)
    );
    assert!(!file.exists());
}

#[test]
fn an_unreadable_page_fails_with_exit_1_and_writes_nothing() {
    let dir = dist(NEWS.as_bytes());
    let missing = dir.path().join("missing.txt");
    let (out, file) = bundle(dir.path(), &[s(&missing)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("missing.txt"), "{}", stderr(&out));
    assert!(!file.exists());

    fs::remove_file(dir.path().join("static/library.json")).expect("removed");
    let (out, _) = bundle(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("library.json: cannot read"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_manifest_not_of_its_schema_and_a_page_over_the_apps_limit_fail_with_exit_1() {
    let dir = dist(NEWS.as_bytes());
    fs::write(
        dir.path().join("static/library.json"),
        r#"{"pages": [{"paper": "某报"}]}"#,
    )
    .expect("manifest");
    let (out, file) = bundle(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("library.json: not a deployment manifest"),
        "{}",
        stderr(&out)
    );
    assert!(!file.exists());

    // The app refuses pages over 16 MB: a bundle does not carry one.
    let big = dir.path().join("big.txt");
    let f = fs::File::create(&big).expect("big page");
    f.set_len(kanbao_files::MAX_PAGE_BYTES + 1).expect("sized");
    let (out, file) = bundle(dir.path(), &[s(&big)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("the limit is 16 MB"),
        "{}",
        stderr(&out)
    );
    assert!(!file.exists());
}

#[test]
fn a_missing_dist_option_is_a_usage_error() {
    assert_eq!(kanbao(&["bundle"]).status.code(), Some(2));
}

/// A corrections file for [`NEWS`]: its title marked as the kicker.
fn kicker_mark() -> String {
    let end = NEWS.find('\n').unwrap_or(0);
    serde_json::json!({
        "format": "kanbao.corrections/1",
        "source": { "name": "page.txt", "bytes": NEWS.len(), "hash": "0000000000000000" },
        "edits": [{ "edit": "mark", "line": { "span": [0, end], "text": &NEWS[..end] }, "role": "kicker" }],
    })
    .to_string()
}

#[test]
fn the_bundle_carries_each_pages_corrections_from_beside_it_or_where_the_manifest_says() {
    let dir = dist(NEWS.as_bytes());
    let d = dir.path();
    // Beside the page.
    fs::write(d.join("static/samples/page.txt.kanbao.json"), kicker_mark()).expect("sidecar");
    let (out, file) = bundle(d, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pages = inline_pages(&fs::read_to_string(&file).expect("bundle"));
    assert_eq!(pages[0]["corrections"]["edits"][0]["role"], "kicker");
    // Where the manifest names it.
    fs::remove_file(d.join("static/samples/page.txt.kanbao.json")).expect("removed");
    fs::create_dir_all(d.join("static/fixes")).expect("dir");
    fs::write(d.join("static/fixes/page.json"), kicker_mark()).expect("sidecar");
    fs::write(
        d.join("static/library.json"),
        r#"{"pages":[{"path":"samples/page.txt","corrections":"fixes/page.json"}]}"#,
    )
    .expect("manifest");
    let (out, file) = bundle(d, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pages = inline_pages(&fs::read_to_string(&file).expect("bundle"));
    assert_eq!(pages[0]["corrections"]["edits"][0]["edit"], "mark");
    // Pages named on the command line, their corrections files among them.
    let page = d.join("A01.txt");
    fs::write(&page, NEWS).expect("page");
    fs::write(d.join("A01.txt.kanbao.json"), kicker_mark()).expect("sidecar");
    let sidecar = d.join("A01.txt.kanbao.json");
    let (out, file) = bundle(d, &[s(&page), s(&sidecar)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pages = inline_pages(&fs::read_to_string(&file).expect("bundle"));
    assert_eq!(pages.as_array().map(Vec::len), Some(1));
    assert_eq!(pages[0]["corrections"]["source"]["name"], "page.txt");
}

#[test]
fn a_malformed_corrections_file_fails_the_bundle_naming_it() {
    let dir = dist(NEWS.as_bytes());
    let d = dir.path();
    fs::write(
        d.join("static/samples/page.txt.kanbao.json"),
        "<html>not json</html>",
    )
    .expect("sidecar");
    let (out, file) = bundle(d, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("page.txt.kanbao.json"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("not a Kanbao corrections file"),
        "{}",
        stderr(&out)
    );
    assert!(!file.exists());
}
