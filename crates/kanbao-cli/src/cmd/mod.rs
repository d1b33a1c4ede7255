//! One module per subcommand.

pub mod r#gen;
pub mod parse;
