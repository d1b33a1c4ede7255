//! The only place that touches the network: the deployment manifest and its pages.

use gloo::net::http::Request;
use serde::Deserialize;

use crate::library::LibraryPage;

/// The deployment manifest, `static/library.json`: the pages a deployment publishes.
#[derive(Debug, Deserialize)]
pub struct Manifest {
    pub pages: Vec<ManifestEntry>,
}

/// One page of the deployment manifest.
#[derive(Debug, Deserialize)]
pub struct ManifestEntry {
    /// Path relative to the manifest.
    pub path: String,
    /// The paper's name.
    #[serde(default)]
    pub paper: Option<String>,
}

const MANIFEST_URL: &str = "static/library.json";

/// A page inlined into a single-file bundle (`kanbao bundle`): the element
/// `<script type="application/json" id="kanbao-inline-pages">` holds `[{name, paper, text}]`.
#[derive(Debug, Deserialize)]
struct InlinePage {
    name: String,
    #[serde(default)]
    paper: Option<String>,
    text: String,
}

/// Pages inlined into the document by `kanbao bundle`, if any.
pub fn inline_pages() -> Option<Vec<LibraryPage>> {
    let element = gloo::utils::document().get_element_by_id("kanbao-inline-pages")?;
    let pages: Vec<InlinePage> = serde_json::from_str(&element.text_content()?).ok()?;
    Some(
        pages
            .into_iter()
            .map(|p| {
                let page = kanbao_parse::parse_str(&p.text, &p.name);
                LibraryPage { paper: p.paper, text: p.text, page }
            })
            .collect(),
    )
}

/// Loads the deployment's pages: those inlined in a bundle, or the manifest and every page it
/// lists.
pub async fn load_deployment() -> Result<Vec<LibraryPage>, String> {
    if let Some(pages) = inline_pages() {
        return Ok(pages);
    }
    let response = Request::get(MANIFEST_URL)
        .send()
        .await
        .map_err(|e| format!("无法读取 {MANIFEST_URL}：{e}"))?;
    if !response.ok() {
        return Err(format!(
            "无法读取 {MANIFEST_URL}：HTTP {}",
            response.status()
        ));
    }
    let manifest: Manifest = response
        .json()
        .await
        .map_err(|e| format!("{MANIFEST_URL} 格式有误：{e}"))?;
    let mut pages = Vec::with_capacity(manifest.pages.len());
    for entry in manifest.pages {
        let url = format!("static/{}", entry.path);
        let response = Request::get(&url)
            .send()
            .await
            .map_err(|e| format!("无法读取 {url}：{e}"))?;
        if !response.ok() {
            return Err(format!("无法读取 {url}：HTTP {}", response.status()));
        }
        let bytes = response
            .binary()
            .await
            .map_err(|e| format!("无法读取 {url}：{e}"))?;
        let decoded = kanbao_parse::decode(&bytes);
        let name = entry.path.rsplit('/').next().unwrap_or(&entry.path);
        let mut page = kanbao_parse::parse_str(&decoded.text, name);
        page.source.encoding = decoded.encoding;
        page.source.bytes = bytes.len();
        pages.push(LibraryPage {
            paper: entry.paper,
            text: decoded.text,
            page,
        });
    }
    Ok(pages)
}
