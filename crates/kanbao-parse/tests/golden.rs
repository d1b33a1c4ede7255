//! Golden tests: each fixture page parses to the expected JSON beside it.
//!
//! Run with `KANBAO_BLESS=1` to rewrite the expected files after an intended change, then
//! review the diff.

mod common;

use common::{fixture_pages, parse_and_check};

#[test]
fn every_fixture_page_parses_to_its_expected_json() {
    let bless = std::env::var("KANBAO_BLESS").is_ok_and(|v| v == "1");
    let pages = fixture_pages();
    assert!(!pages.is_empty(), "no fixture pages found");
    let mut failures = Vec::new();
    for path in pages {
        let bytes = std::fs::read(&path).expect("read fixture");
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("page");
        let mut page = parse_and_check(&bytes);
        page.source.name = name.to_owned();
        let json = serde_json::to_string_pretty(&page).expect("serialise") + "\n";
        let expected_path = path.with_extension("json");
        if bless {
            std::fs::write(&expected_path, &json).expect("write expected");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != json {
            failures.push(format!("{} differs from {}", name, expected_path.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n(rerun with KANBAO_BLESS=1 to regenerate, then review the diff)",
        failures.join("\n")
    );
}
