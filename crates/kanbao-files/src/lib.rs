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

/// A deployment's manifest, `static/library.json`: the pages it publishes, the archives it
/// searches, and who may control Kanbao when another site embeds it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The published pages, in order.
    pub pages: Vec<ManifestEntry>,
    /// The archives (`kanbao build`) searched as one, oldest first; the site's own
    /// `archive/` when none is listed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub archives: Vec<ListedArchive>,
    /// Who may embed and control Kanbao.
    #[serde(default)]
    pub embed: EmbedPolicy,
}

impl Manifest {
    /// The archives the deployment searches: those listed, or the site's own `archive/`.
    pub fn archives_searched(&self) -> Vec<ListedArchive> {
        if self.archives.is_empty() {
            vec![ListedArchive {
                url: ListedArchive::OWN.to_owned(),
                name: None,
            }]
        } else {
            self.archives.clone()
        }
    }
}

/// One archive a deployment searches (`"archives": [{"url": "archive/"}, {"url":
/// "https://partitions.example/1990s/", "name": "1990年代"}]`): a partition built apart (a
/// paper, a decade), served from this site or from another origin that allows it (CORS).
/// Their documents are numbered one after another in the order listed, so a search lists the
/// last archive's newest articles first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListedArchive {
    /// The archive's folder (the one holding `index/manifest.json`): relative to the site, or
    /// an `https://` or `http://` address.
    pub url: String,
    /// What the reader is told it is called; its address when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl ListedArchive {
    /// The site's own archive, as `kanbao build -o SITE` writes it.
    pub const OWN: &'static str = "archive/";

    /// The folder's address, ending in `/`.
    pub fn base(&self) -> String {
        let url = self.url.trim();
        if url.ends_with('/') {
            url.to_owned()
        } else {
            format!("{url}/")
        }
    }

    /// What the reader is told it is called.
    pub fn label(&self) -> String {
        self.name.clone().unwrap_or_else(|| self.url.clone())
    }

    /// The origin (`https://partitions.example`) of an archive served from another site,
    /// which the site's Content-Security-Policy must let it connect to; `None` for one of the
    /// site's own, or an address that is neither `https://` nor `http://`.
    pub fn origin(&self) -> Option<&str> {
        let url = self.url.trim();
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))?;
        let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
        let valid = !host.is_empty()
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
        valid.then(|| &url[..url.len() - rest.len() + host.len()])
    }
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
    fn a_manifest_lists_the_archives_it_searches_or_searches_its_own() {
        let own: Manifest = serde_json::from_str(r#"{"pages": []}"#).unwrap();
        let searched = own.archives_searched();
        assert_eq!(searched.len(), 1);
        assert_eq!(searched[0].base(), "archive/");
        assert_eq!(searched[0].origin(), None);
        let m: Manifest = serde_json::from_str(
            r#"{"pages": [], "archives": [
                {"url": "parts/1990s", "name": "1990年代"},
                {"url": "https://cdn.example:8443/kanbao/2000s/"},
                {"url": "javascript:alert(1)"}]}"#,
        )
        .unwrap();
        let searched = m.archives_searched();
        assert_eq!(searched.len(), 3);
        assert_eq!(searched[0].base(), "parts/1990s/");
        assert_eq!(searched[0].label(), "1990年代");
        assert_eq!(searched[1].origin(), Some("https://cdn.example:8443"));
        assert_eq!(
            searched[1].label(),
            "https://cdn.example:8443/kanbao/2000s/"
        );
        assert_eq!(searched[2].origin(), None);
        // Written back without an empty list.
        assert!(!serde_json::to_string(&own).unwrap().contains("archives"));
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
