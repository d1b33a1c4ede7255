//! The app's hooks, one per file: each brings one part of the browser into the app.

pub mod use_archive;
pub mod use_archive_dates;
pub mod use_archive_search;
pub mod use_collections;
pub mod use_drop_import;
pub mod use_embed;
pub mod use_import;
pub mod use_keyboard;
pub mod use_latest;
pub mod use_load;
pub mod use_prefs;
pub mod use_route;
pub mod use_storage_usage;
pub mod use_tab_sync;
pub mod use_update;
