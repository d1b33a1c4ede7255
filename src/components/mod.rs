//! The app's components, one per file.

pub mod archive_section;
pub mod article_card;
pub mod byline;
pub mod collect;
pub mod edit_mode;
pub mod facet_panel;
pub mod filter_chips;
pub mod highlighted;
pub mod import_panel;
pub mod masthead;
pub mod notices;
pub mod search_box;
pub mod timeline;
pub mod toolbar;
