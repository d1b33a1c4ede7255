//! The run of pages the parser's throughput is measured on, natively (`benches/parse.rs`) and
//! as WebAssembly (`bench/wasm-parse`), so both time the same bytes.

/// Every page's text, sorted, each followed by a blank line, repeated until ten million bytes.
pub fn pages_run(mut pages: Vec<String>) -> Vec<u8> {
    pages.sort();
    let mut out = String::with_capacity(10_500_000);
    while out.len() < 10_000_000 {
        for page in &pages {
            out.push_str(page);
            out.push_str("\n\n");
        }
    }
    out.into_bytes()
}
