//! One module per subcommand.

pub mod build;
pub mod bundle;
mod compact;
pub mod eval;
pub mod r#gen;
mod index;
pub mod parse;
