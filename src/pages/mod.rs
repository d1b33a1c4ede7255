//! The app's views, one per route.

pub mod archive_article;
pub mod article;
pub mod collections;
pub mod issues;
pub mod library;
pub mod list;
pub mod not_found;
