//! Kanbao's web app: reads, searches and filters newspaper pages entirely in the browser.

mod app;
mod archive;
mod browser_decode;
mod components;
mod data;
mod embed;
mod export;
mod hooks;
mod i18n;
mod import;
mod js;
mod json;
mod library;
mod pages;
mod parse_worker;
mod route;
mod state;
mod storage;

fn main() {
    if let Some(boot) = gloo::utils::document().get_element_by_id("boot") {
        boot.remove();
    }
    yew::Renderer::<app::App>::new().render();
    register_service_worker();
}

/// Registers the service worker (`static/sw.js`, copied to the site's root so that it controls
/// the whole app), which keeps the app and the deployment's pages for offline use. Only where
/// the site is served: not from disk, and not in a single-file bundle (`kanbao bundle`), which
/// has no files beside it. Kanbao works without it, so a failure is only logged.
fn register_service_worker() {
    use wasm_bindgen::JsCast;

    let window = gloo::utils::window();
    let served = matches!(
        window.location().protocol().as_deref(),
        Ok("http:") | Ok("https:")
    );
    let bundled = gloo::utils::document()
        .get_element_by_id("kanbao-inline-pages")
        .is_some();
    // Absent outside secure contexts (plain http to another host).
    let container = js_sys::Reflect::get(&window.navigator(), &"serviceWorker".into())
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::ServiceWorkerContainer>().ok());
    let (true, false, Some(container)) = (served, bundled, container) else {
        return;
    };
    let registration = container.register("./sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(err) = wasm_bindgen_futures::JsFuture::from(registration).await {
            gloo::console::warn!("看报：离线功能不可用 (service worker)", err);
        }
    });
}
