//! The files Kanbao's app and its `kanbao` command both read or write, besides Page JSON
//! (`kanbao_parse::Page`) and the archive (`kanbao_search`): one type for each, defined once.
//!
//! - [`PageText`]: a page's text with its name and paper, as a library file, a bundle and a
//!   host page's message carry it;
//! - [`LibraryFile`]: the library a reader exports (`kanbao-library.json`) and imports again;
//! - [`Manifest`]: a deployment's `static/library.json`, the pages it publishes and its
//!   [`EmbedPolicy`];
//! - [`MAX_PAGE_BYTES`] and [`MAX_LIBRARY_BYTES`]: the limits every reader of these files
//!   applies.
//!
//! Pure serde types: no I/O, no browser, the same natively and in wasm.
//!
//! ```
//! use kanbao_files::Manifest;
//!
//! let manifest: Manifest = serde_json::from_str(
//!     r#"{"pages": [{"path": "pages/A01.txt", "paper": "烟台日报"}],
//!         "embed": {"origins": ["https://intranet.example"]}}"#,
//! )
//! .unwrap();
//! assert_eq!(manifest.pages[0].path, "pages/A01.txt");
//! assert!(manifest.embed.allows("https://intranet.example", "https://kanbao.example"));
//! assert!(!manifest.embed.keep_pages);
//! ```

use kanbao_parse::correct::Corrections;
use serde::{Deserialize, Serialize};

/// Larger pages are refused before they are read: no newspaper page comes near it.
pub const MAX_PAGE_BYTES: u64 = 16 * 1024 * 1024;

/// Larger library files are refused before they are read. A library file holds every page a
/// reader keeps (about 50 KB each): 512 MB is some ten thousand pages, and it is read whole, so
/// a browser needs about three times as much memory while it imports.
pub const MAX_LIBRARY_BYTES: u64 = 512 * 1024 * 1024;

/// A page's text with the name it goes by and its paper.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageText {
    /// The page's file name (`2026-01-05-A2.txt`).
    pub name: String,
    /// The paper's name, where known.
    #[serde(default)]
    pub paper: Option<String>,
    /// The page's text, decoded.
    pub text: String,
    /// Corrections of what the parser read on the page (`kanbao_parse::correct`), applied
    /// each time it is read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrections: Option<Corrections>,
}

/// The file "export library" writes and import reads back (`kanbao-library.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryFile {
    /// [`LIBRARY_SCHEMA`].
    pub schema: String,
    /// Every page of the library.
    pub pages: Vec<PageText>,
}

/// Schema tag of [`LibraryFile`].
pub const LIBRARY_SCHEMA: &str = "kanbao.library/1";

/// A deployment's manifest, `static/library.json`: the pages it publishes, and who may control
/// Kanbao when another site embeds it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The published pages, in order.
    pub pages: Vec<ManifestEntry>,
    /// Who may embed and control Kanbao.
    #[serde(default)]
    pub embed: EmbedPolicy,
}

/// One page of a deployment's manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestEntry {
    /// Path relative to the manifest.
    pub path: String,
    /// The paper's name.
    #[serde(default)]
    pub paper: Option<String>,
    /// The page's corrections file (`pages/A01.txt.kanbao.json`), relative to the manifest:
    /// applied to what the parser reads on the page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrections: Option<String>,
}

/// Who may control an embedded Kanbao, as the deployment manifest says
/// (`"embed": {"origins": ["https://intranet.example"], "keep_pages": false}`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmbedPolicy {
    /// Origins of host pages, besides the site's own, that may send messages and hear back.
    #[serde(default)]
    pub origins: Vec<String>,
    /// Whether pages a host sends go into the reader's saved library (otherwise this session
    /// only).
    #[serde(default)]
    pub keep_pages: bool,
}

impl EmbedPolicy {
    /// Whether a page of `origin` may control Kanbao served from `own`.
    pub fn allows(&self, origin: &str, own: &str) -> bool {
        origin == own
            || self
                .origins
                .iter()
                .any(|o| o.trim_end_matches('/') == origin)
    }

    /// Where Kanbao's messages to its host may go.
    pub fn targets(&self, own: &str) -> Vec<String> {
        std::iter::once(own.to_owned())
            .chain(
                self.origins
                    .iter()
                    .map(|o| o.trim_end_matches('/').to_owned()),
            )
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_without_embed_or_paper_reads_with_their_defaults() {
        let m: Manifest = serde_json::from_str(r#"{"pages": [{"path": "a.txt"}]}"#).unwrap();
        assert_eq!(m.pages[0].paper, None);
        assert_eq!(m.embed, EmbedPolicy::default());
        assert!(serde_json::from_str::<Manifest>(r#"{"pages": [{"paper": "x"}]}"#).is_err());
    }

    #[test]
    fn a_library_file_round_trips() {
        let file = LibraryFile {
            schema: LIBRARY_SCHEMA.to_owned(),
            pages: vec![PageText {
                name: "a.txt".into(),
                paper: Some("某日报".into()),
                text: "港口新闻".into(),
                corrections: None,
            }],
        };
        let json = serde_json::to_string(&file).unwrap();
        assert_eq!(serde_json::from_str::<LibraryFile>(&json).unwrap(), file);
        // A page without a paper reads as one.
        let page: PageText = serde_json::from_str(r#"{"name": "b.txt", "text": "t"}"#).unwrap();
        assert_eq!(page.paper, None);
        assert_eq!(page.corrections, None);
        assert!(!json.contains("corrections"), "{json}");
    }

    #[test]
    fn a_page_carries_its_corrections_and_a_manifest_entry_names_its_file() {
        let page: PageText = serde_json::from_str(
            r#"{"name": "A01.txt", "text": "港口新闻\n",
                "corrections": {"format": "kanbao.corrections/1",
                  "source": {"name": "A01.txt", "bytes": 13, "hash": "0123456789abcdef"},
                  "edits": [{"edit": "mark", "line": {"span": [0, 12], "text": "港口新闻"}, "role": "kicker"}]}}"#,
        )
        .unwrap();
        let c = page.corrections.expect("carries corrections");
        assert_eq!(c.edits.len(), 1);
        let m: Manifest = serde_json::from_str(
            r#"{"pages": [{"path": "pages/A01.txt", "corrections": "pages/A01.txt.kanbao.json"}]}"#,
        )
        .unwrap();
        assert_eq!(
            m.pages[0].corrections.as_deref(),
            Some("pages/A01.txt.kanbao.json")
        );
    }

    #[test]
    fn only_the_sites_own_origin_and_the_listed_ones_may_embed() {
        let policy = EmbedPolicy {
            origins: vec!["https://intranet.example/".into()],
            keep_pages: false,
        };
        assert!(policy.allows("https://kanbao.example", "https://kanbao.example"));
        assert!(policy.allows("https://intranet.example", "https://kanbao.example"));
        assert!(!policy.allows("https://evil.example", "https://kanbao.example"));
        assert_eq!(
            policy.targets("https://kanbao.example"),
            ["https://kanbao.example", "https://intranet.example"]
        );
    }
}
