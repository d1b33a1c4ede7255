//! The parser as the app's parse worker runs it, for `bench/browser/parse.mjs`: the input is
//! prepared once inside the wasm memory, so a timed run is the parser alone.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

#[path = "../../../crates/kanbao-parse/benches/support/pages_run.rs"]
mod pages_run;

thread_local! {
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Sets the input to one page, as read from its file.
#[wasm_bindgen]
pub fn set_page(bytes: &[u8]) -> usize {
    INPUT.with(|i| *i.borrow_mut() = bytes.to_vec());
    bytes.len()
}

/// Sets the input to the pages run of `cargo bench -p kanbao-parse`: every page decoded,
/// sorted by text, repeated (each followed by a blank line) until ten million bytes. The
/// page files come one after another in `files`, `lengths` long each.
#[wasm_bindgen]
pub fn set_many_pages(files: &[u8], lengths: &[u32]) -> usize {
    let mut at = 0;
    let pages: Vec<String> = lengths
        .iter()
        .map(|&n| {
            let file = &files[at..at + n as usize];
            at += n as usize;
            kanbao_parse::decode(file).text
        })
        .collect();
    let out = pages_run::pages_run(pages);
    let len = out.len();
    INPUT.with(|i| *i.borrow_mut() = out);
    len
}

/// Parses the input `times` times; returns the number of articles of the last parse.
#[wasm_bindgen]
pub fn parse(times: u32) -> usize {
    INPUT.with(|i| {
        let input = i.borrow();
        let mut articles = 0;
        for _ in 0..times {
            articles = kanbao_parse::parse_bytes(std::hint::black_box(&input), "p")
                .articles
                .len();
        }
        articles
    })
}
