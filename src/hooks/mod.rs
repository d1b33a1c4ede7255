//! The app's hooks, one per file.

pub mod use_prefs;
pub mod use_route;
pub mod use_update;
