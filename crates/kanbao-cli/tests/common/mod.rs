//! Helpers shared by the CLI's process tests.

use std::process::{Command, Output};

/// Runs the `kanbao` binary built for these tests.
pub fn kanbao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(args)
        .output()
        .expect("kanbao runs")
}

/// What a run printed on stderr, for assertion messages.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
