//! Embedding in an intranet page: `?embed=1` for a compact view, query parameters that preset
//! search and filters, and a postMessage API for the host page.
//!
//! Host → Kanbao (`iframe.contentWindow.postMessage(message, origin)`):
//! - `{type: "kanbao:add-pages", pages: [{name, text, paper?}]}` imports pages;
//! - `{type: "kanbao:set-query", q?: "…", filters?: {reporter: ["邵壮"], kind: ["news"]}}` sets
//!   the search and filters.
//!
//! Kanbao → host (`window.parent`): `{type: "kanbao:ready"}` once the library has loaded, and
//! `{type: "kanbao:article-opened", id, title}` when the reader opens an article.
//!
//! With `?origin=https://intranet.example` Kanbao only takes messages from that origin and only
//! sends to it; without it, it takes messages from its parent window only and sends to any.

use std::collections::BTreeMap;

use gloo::events::EventListener;
use gloo::utils::window;
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
struct HostPage {
    name: String,
    text: String,
    #[serde(default)]
    paper: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(tag = "type")]
enum FromHost {
    #[serde(rename = "kanbao:add-pages")]
    AddPages { pages: Vec<HostPage> },
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
}

fn allowed_origin() -> Option<String> {
    search_param("origin")
}

fn post(message: &ToHost) {
    let Ok(Some(parent)) = window().parent() else {
        return;
    };
    if parent == window() {
        return;
    }
    let Ok(value) = serde_wasm_bindgen::to_value(message) else {
        return;
    };
    let target = allowed_origin().unwrap_or_else(|| "*".into());
    let _ = parent.post_message(&value, &target);
}

/// Tells the host page the library has loaded.
pub fn post_ready() {
    post(&ToHost::Ready);
}

/// Tells the host page an article was opened.
pub fn post_opened(id: &str, title: &str) {
    post(&ToHost::ArticleOpened { id, title });
}

/// Listens for the host page's messages.
pub fn listen(onimport: Callback<Vec<Source>>, onroute: Callback<Route>) -> EventListener {
    EventListener::new(&window(), "message", move |e| {
        let Some(e) = e.dyn_ref::<MessageEvent>() else {
            return;
        };
        // The parent's window is no instance of this frame's `Window`: compare identities.
        let from_parent = match (e.source(), window().parent()) {
            (Some(source), Ok(Some(parent))) => js_sys::Object::is(&source, &parent),
            _ => false,
        };
        let origin_ok = allowed_origin().is_none_or(|o| o == e.origin());
        if !from_parent || !origin_ok {
            return;
        }
        let Ok(message) = serde_wasm_bindgen::from_value::<FromHost>(e.data()) else {
            return;
        };
        match message {
            FromHost::AddPages { pages } => onimport.emit(
                pages
                    .into_iter()
                    .map(|p| Source::Text {
                        name: p.name,
                        text: p.text,
                        paper: p.paper,
                    })
                    .collect(),
            ),
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
