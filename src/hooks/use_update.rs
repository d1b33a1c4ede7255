//! The service worker (`static/sw.js`, copied to the site's root so that it controls the whole
//! app), which keeps the app and the deployment's pages for offline use, and the news that a
//! new version of the site is ready. Registered only where the site is served: not from disk,
//! and not in a single-file bundle (`kanbao bundle`), which has no files beside it. Kanbao
//! works without it, so a failure to register is only logged.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};
use yew::prelude::*;

/// The browser's service worker container, where the site is served and not bundled.
fn container() -> Option<ServiceWorkerContainer> {
    let window = gloo::utils::window();
    let served = matches!(
        window.location().protocol().as_deref(),
        Ok("http:") | Ok("https:")
    );
    let bundled = gloo::utils::document()
        .get_element_by_id("kanbao-inline-pages")
        .is_some();
    // Absent outside secure contexts (plain http to another host).
    let container = Reflect::get(&window.navigator(), &"serviceWorker".into())
        .ok()
        .and_then(|c| c.dyn_into::<ServiceWorkerContainer>().ok())?;
    (served && !bundled).then_some(container)
}

/// Closures the browser calls back, kept while the app runs.
type Kept = Rc<RefCell<Vec<Closure<dyn FnMut()>>>>;

/// Registers the service worker; returns a callback that switches to a new version of the
/// site once one has installed and waits (the reader's "refresh"), `None` until then.
#[hook]
pub fn use_update() -> Option<Callback<()>> {
    let waiting = use_state(|| None::<ServiceWorker>);
    let kept: Kept = use_mut_ref(Vec::new);
    {
        let (waiting, kept) = (waiting.clone(), kept.clone());
        use_effect_with((), move |_| {
            if let Some(container) = container() {
                wasm_bindgen_futures::spawn_local(register(container, waiting, kept));
            }
        });
    }
    let worker = (*waiting).clone()?;
    Some(Callback::from(move |()| {
        if let Some(container) = container() {
            // Once the new version controls this tab, load the app again from it.
            let reload = Closure::once_into_js(|| {
                let _ = gloo::utils::window().location().reload();
            });
            container.set_oncontrollerchange(Some(reload.unchecked_ref()));
        }
        let message = Object::new();
        let _ = Reflect::set(&message, &"type".into(), &"kanbao:update".into());
        let _ = worker.post_message(&message);
    }))
}

async fn register(
    container: ServiceWorkerContainer,
    waiting: UseStateHandle<Option<ServiceWorker>>,
    kept: Kept,
) {
    let registration =
        match wasm_bindgen_futures::JsFuture::from(container.register("./sw.js")).await {
            Ok(r) => r.unchecked_into::<ServiceWorkerRegistration>(),
            Err(err) => {
                gloo::console::warn!("看报：离线功能不可用 (service worker)", err);
                return;
            }
        };
    // A new version only matters to a tab an older one controls.
    let controlled = container.controller().is_some();
    if let Some(worker) = registration.waiting().filter(|_| controlled) {
        waiting.set(Some(worker));
    }
    let found = registration.clone();
    let inner = kept.clone();
    let onupdatefound = Closure::<dyn FnMut()>::new(move || {
        let Some(installing) = found.installing() else {
            return;
        };
        let (worker, waiting) = (installing.clone(), waiting.clone());
        let onstatechange = Closure::<dyn FnMut()>::new(move || {
            let has_controller = container_controlled();
            if worker.state() == ServiceWorkerState::Installed && has_controller {
                waiting.set(Some(worker.clone()));
            }
        });
        installing.set_onstatechange(Some(onstatechange.as_ref().unchecked_ref()));
        inner.borrow_mut().push(onstatechange);
    });
    registration.set_onupdatefound(Some(onupdatefound.as_ref().unchecked_ref()));
    kept.borrow_mut().push(onupdatefound);
    let _: JsValue = registration.into();
}

fn container_controlled() -> bool {
    container().is_some_and(|c| c.controller().is_some())
}
