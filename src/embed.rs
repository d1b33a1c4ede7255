//! Embedding in an intranet page: `?embed=1` for a compact view, query parameters that preset
//! search and filters, and a postMessage API for the host page.
//!
//! Host → Kanbao (`iframe.contentWindow.postMessage(message, origin)`):
//! - `{type: "kanbao:add-pages", pages: [{name, text, paper?}]}` adds pages for this session
//!   (into the reader's saved library only where the deployment sets `embed.keep_pages`);
//! - `{type: "kanbao:set-query", q?: "…", filters?: {reporter: ["邵壮"], kind: ["news"]}}` sets
//!   the search and filters.
//!
//! Kanbao → host (`window.parent`): `{type: "kanbao:ready"}` once the library has loaded,
//! `{type: "kanbao:article-opened", id, title}` when the reader opens an article, and
//! `{type: "kanbao:error", message}` for a message it cannot read.
//!
//! Which pages may do this is the deployment's choice, never the embedder's: the site's own
//! origin, and the origins `static/library.json` lists under `embed.origins` (with
//! `frame-ancestors` in `csp.txt` to match). Messages from anywhere else are ignored, and
//! nothing is ever posted to `*`.

use std::cell::RefCell;
use std::collections::BTreeMap;

use gloo::events::EventListener;
use gloo::utils::window;
use kanbao_files::PageText;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use web_sys::MessageEvent;
use yew::Callback;

use crate::data::Source;
use crate::route::{ListQuery, Route, parse_query};

/// A query parameter of the page's own URL (not of the hash route).
pub fn search_param(name: &str) -> Option<String> {
    let search = window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// Whether the app runs as an embedded view (`?embed=1`).
pub fn is_embedded() -> bool {
    search_param("embed").is_some_and(|v| v == "1" || v == "true")
}

/// Search and filters preset by the page URL's query (`?q=…&reporter=…`).
pub fn preset_query() -> ListQuery {
    let search = window().location().search().unwrap_or_default();
    parse_query(search.trim_start_matches('?'))
}

#[derive(Debug, Deserialize)]
#[serde(tag = "type")]
enum FromHost {
    #[serde(rename = "kanbao:add-pages")]
    AddPages { pages: Vec<PageText> },
    #[serde(rename = "kanbao:set-query")]
    SetQuery {
        #[serde(default)]
        q: String,
        #[serde(default)]
        filters: BTreeMap<String, Vec<String>>,
    },
}

#[derive(Debug, Serialize)]
#[serde(tag = "type")]
enum ToHost<'a> {
    #[serde(rename = "kanbao:ready")]
    Ready,
    #[serde(rename = "kanbao:article-opened")]
    ArticleOpened { id: &'a str, title: &'a str },
    #[serde(rename = "kanbao:error")]
    Error { message: &'a str },
}

pub use kanbao_files::EmbedPolicy;

thread_local! {
    static POLICY: RefCell<EmbedPolicy> = RefCell::default();
}

/// Sets the deployment's policy, once its manifest is read.
pub fn set_policy(policy: EmbedPolicy) {
    POLICY.with(|p| *p.borrow_mut() = policy);
}

fn policy() -> EmbedPolicy {
    POLICY.with(|p| p.borrow().clone())
}

fn own_origin() -> String {
    window().location().origin().unwrap_or_default()
}

fn parent() -> Option<web_sys::Window> {
    let parent = window().parent().ok()??;
    (parent != window()).then_some(parent)
}

fn post(message: &ToHost) {
    let Some(parent) = parent() else {
        return;
    };
    let Ok(value) = serde_wasm_bindgen::to_value(message) else {
        return;
    };
    // The browser delivers it only where the host's origin is one of these.
    for target in policy().targets(&own_origin()) {
        let _ = parent.post_message(&value, &target);
    }
}

/// Tells the host page the library has loaded.
pub fn post_ready() {
    post(&ToHost::Ready);
}

/// Tells the host page an article was opened.
pub fn post_opened(id: &str, title: &str) {
    post(&ToHost::ArticleOpened { id, title });
}

/// Listens for the host page's messages: pages go to `onimport` (with whether to keep them),
/// a query to `onroute`.
pub fn listen(onimport: Callback<(Vec<Source>, bool)>, onroute: Callback<Route>) -> EventListener {
    EventListener::new(&window(), "message", move |e| {
        let Some(e) = e.dyn_ref::<MessageEvent>() else {
            return;
        };
        // The parent's window is no instance of this frame's `Window`: compare identities.
        let from_parent = match (e.source(), parent()) {
            (Some(source), Some(parent)) => js_sys::Object::is(&source, &parent),
            _ => false,
        };
        let policy = policy();
        if !from_parent || !policy.allows(&e.origin(), &own_origin()) {
            return;
        }
        let message = match serde_wasm_bindgen::from_value::<FromHost>(e.data()) {
            Ok(message) => message,
            Err(err) => {
                let text = format!("unreadable message: {err}");
                if let (Some(parent), Ok(value)) = (
                    parent(),
                    serde_wasm_bindgen::to_value(&ToHost::Error { message: &text }),
                ) {
                    let _ = parent.post_message(&value, &e.origin());
                }
                return;
            }
        };
        match message {
            FromHost::AddPages { pages } => onimport.emit((
                pages
                    .into_iter()
                    .map(|p| Source::Text {
                        name: p.name,
                        text: p.text,
                        paper: p.paper,
                    })
                    .collect(),
                policy.keep_pages,
            )),
            FromHost::SetQuery { q, filters } => {
                let query: Vec<String> =
                    std::iter::once(format!("q={}", js_sys::encode_uri_component(&q)))
                        .chain(filters.iter().flat_map(|(k, vs)| {
                            vs.iter()
                                .map(move |v| format!("{k}={}", js_sys::encode_uri_component(v)))
                        }))
                        .collect();
                onroute.emit(Route::List(parse_query(&query.join("&"))));
            }
        }
    })
}
