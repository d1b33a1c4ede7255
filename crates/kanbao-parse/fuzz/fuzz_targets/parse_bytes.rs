//! Fuzzes `parse_bytes`: any bytes must parse without panicking, account for every non-blank
//! character exactly once, and give the same page twice.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::parse_and_check(data);
});
