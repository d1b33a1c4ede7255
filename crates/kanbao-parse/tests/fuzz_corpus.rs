//! Replays the fuzz corpus (`fuzz/corpus/parse_bytes`) through the parser and the lossless
//! check, so CI covers what fuzzing found without a nightly toolchain.

mod common;

use std::path::Path;

#[test]
fn every_fuzz_corpus_input_parses_losslessly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/parse_bytes");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("fuzz corpus dir") {
        let path = entry.expect("corpus entry").path();
        if path.is_file() {
            let bytes = std::fs::read(&path).expect("corpus file");
            common::parse_and_check(&bytes);
            count += 1;
        }
    }
    assert!(count > 0, "empty corpus in {}", dir.display());
}
