//! The app's components, one per file.

pub mod article_card;
pub mod byline;
pub mod facet_panel;
pub mod filter_chips;
pub mod highlighted;
pub mod import_panel;
pub mod notices;
pub mod search_box;
pub mod toolbar;
