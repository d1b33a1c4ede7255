//! The keyboard: `/` focuses the search, `j` and `k` move through the list, Enter opens the
//! selected article, Escape leaves the search field or goes back. Listens for `keydown` on the
//! document, moves focus, and scrolls the selected card into view.

use gloo::events::{EventListener, EventListenerOptions};
use gloo::utils::document;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use crate::hooks::use_route::go_back;
use crate::library::Results;
use crate::route::{ListQuery, Route};
use crate::state::{Action, State};

/// What the keyboard handler needs to know of the latest render.
#[derive(Debug, Default)]
struct KeyContext {
    route: Option<Route>,
    /// The ids of the list's results, in order.
    hits: Vec<String>,
    selected: Option<usize>,
    came_from_list: bool,
}

/// Handles the keys while the app runs: the listener, set up once, reads what the latest render
/// of `route`, `state` and `results` left for it.
#[hook]
pub fn use_keyboard(
    route: &Route,
    state: &State,
    results: &Results,
    search_ref: &NodeRef,
    push: &Callback<Route>,
    dispatch: &Callback<Action>,
) {
    let keys = use_mut_ref(KeyContext::default);
    *keys.borrow_mut() = KeyContext {
        route: Some(route.clone()),
        hits: results
            .hits
            .iter()
            .filter_map(|&i| state.library.get(i).map(|(_, a)| a.id.clone()))
            .collect(),
        selected: state.selected,
        came_from_list: state.came_from_list,
    };
    {
        let (search_ref, push, dispatch) = (search_ref.clone(), push.clone(), dispatch.clone());
        use_effect_with((), move |_| {
            // Not passive: `/` must not type itself into the search field it focuses.
            let options = EventListenerOptions::enable_prevent_default();
            let listener =
                EventListener::new_with_options(&document(), "keydown", options, move |e| {
                    if let Some(e) = e.dyn_ref::<KeyboardEvent>() {
                        on_key(e, &keys.borrow(), &search_ref, &push, &dispatch);
                    }
                });
            move || drop(listener)
        });
    }
    // Keep the selected card in view as j/k move it.
    use_effect_with(state.selected, |selected| {
        if selected.is_some()
            && let Ok(Some(card)) = document().query_selector(".card.selected")
        {
            card.scroll_into_view_with_bool(false);
        }
    });
}

/// `/` focuses search; `j`/`k` move through the list; Enter opens; Esc goes back: through
/// history to the list an article was opened from, otherwise to the whole list.
fn on_key(
    e: &KeyboardEvent,
    keys: &KeyContext,
    search_ref: &NodeRef,
    push: &Callback<Route>,
    dispatch: &Callback<Action>,
) {
    if e.ctrl_key() || e.meta_key() || e.alt_key() {
        return;
    }
    let in_field = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
    let on_list = matches!(keys.route, Some(Route::List(_)));
    match e.key().as_str() {
        "Escape" if in_field => {
            if let Some(input) = search_ref.cast::<HtmlInputElement>() {
                let _ = input.blur();
            }
        }
        "Escape" if matches!(keys.route, Some(Route::Article(_)) | Some(Route::NotFound)) => {
            go_back(push, &ListQuery::default(), keys.came_from_list);
        }
        _ if in_field => {}
        "/" => {
            if let Some(input) = search_ref.cast::<HtmlInputElement>() {
                e.prevent_default();
                let _ = input.focus();
                input.select();
            }
        }
        "j" | "k" if on_list && !keys.hits.is_empty() => {
            dispatch.emit(Action::MoveSelection {
                down: e.key() == "j",
                hits: keys.hits.len(),
            });
        }
        "Enter" if on_list => {
            if let Some(id) = keys.selected.and_then(|i| keys.hits.get(i)) {
                e.prevent_default();
                push.emit(Route::Article(id.clone()));
            }
        }
        _ => {}
    }
}
