//! One module per subcommand.

pub mod build;
pub mod bundle;
pub mod eval;
pub mod r#gen;
pub mod parse;
