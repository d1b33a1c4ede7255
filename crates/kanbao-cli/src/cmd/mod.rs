//! One module per subcommand.

pub mod build;
pub mod r#gen;
pub mod parse;
