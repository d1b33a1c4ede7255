//! The parser and the search index, compiled to wasm and run in headless Chromium: the same
//! code the app runs.

#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLE: &[u8] = include_bytes!("../static/samples/yantai-daily-2023-11.txt");

#[wasm_bindgen_test]
fn the_sample_page_parses_into_four_articles_in_the_browser() {
    let page = kanbao_parse::parse_bytes(SAMPLE, "yantai-daily-2023-11.txt");
    let titles: Vec<&str> = page.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "“合纵连横”走在前 “港城标兵”作表率",
            "烟台自然博物馆获评 国家自然资源科普基地",
            "58.44万粒“三无”减肥产品 夹藏进境被海关查获",
            "千名航天人奋战百亿级产业集群",
        ]
    );
}

#[wasm_bindgen_test]
fn a_gb18030_page_decodes_in_the_browser() {
    let (bytes, _, _) = encoding_rs::GB18030.encode("本报讯(记者 王超)近日,烟台港开通新航线。\n");
    let decoded = kanbao_parse::decode(&bytes);
    assert_eq!(decoded.encoding, kanbao_parse::Encoding::Gb18030);
    assert!(decoded.text.starts_with("本报讯"));
}
