//! Kanbao's web app: reads, searches and filters newspaper pages entirely in the browser.

mod app;
mod archive;
mod browser_decode;
mod cite;
mod collections;
mod components;
mod corrections;
mod data;
mod embed;
mod error;
mod export;
mod hooks;
mod i18n;
mod import;
mod issues;
mod js;
mod json;
mod library;
mod pages;
mod parse_worker;
mod route;
mod state;
mod storage;
mod switch;
mod tabs;
#[allow(dead_code)] // The worker uses the other half.
mod worker_protocol;

fn main() {
    if let Some(boot) = gloo::utils::document().get_element_by_id("boot") {
        boot.remove();
    }
    yew::Renderer::<app::App>::new().render();
}
