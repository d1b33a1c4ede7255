//! The current hash route, kept in step with the address bar (back and forward included).

use gloo::events::EventListener;
use gloo::utils::window;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::route::{ListQuery, Route};

/// The route and a way to go elsewhere.
#[derive(Debug, Clone, PartialEq)]
pub struct RouteHandle {
    pub route: Route,
    /// Goes to a route, adding a history entry.
    pub push: Callback<Route>,
    /// Goes to a route in place (typing in the search box should not flood history).
    pub replace: Callback<Route>,
}

fn current() -> Route {
    let hash = window().location().hash().unwrap_or_default();
    if hash.is_empty() || hash == "#" {
        // `?q=…&reporter=…` on the page URL presets the list (links into an embedded view).
        return Route::List(crate::embed::preset_query());
    }
    Route::parse(&hash)
}

/// Follows `location.hash`.
#[hook]
pub fn use_route() -> RouteHandle {
    let route = use_state(current);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener =
                EventListener::new(&window(), "hashchange", move |_| route.set(current()));
            move || drop(listener)
        });
    }
    let push = Callback::from(|to: Route| {
        // Setting the hash fires `hashchange`, which updates the state.
        let _ = window().location().set_hash(&to.to_hash());
    });
    let replace = {
        let route = route.clone();
        Callback::from(move |to: Route| {
            if let Ok(history) = window().history() {
                let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&to.to_hash()));
            }
            route.set(to);
        })
    };
    RouteHandle {
        route: (*route).clone(),
        push,
        replace,
    }
}

/// Goes back to the list: through history when the article was reached from the list, so the
/// list comes back as it was, otherwise to the list of `query` (a new history entry).
pub fn go_back(push: &Callback<Route>, query: &ListQuery, came_from_list: bool) {
    if came_from_list && let Ok(history) = window().history() {
        let _ = history.back();
        return;
    }
    push.emit(Route::List(query.clone()));
}
