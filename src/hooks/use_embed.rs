//! Kanbao inside a host page's frame (EMBEDDING.md): whether it is embedded, the host page's
//! messages (`message` events on the window: pages to add, a search to show) and, posted to the
//! host with `postMessage`, which article the reader opened.

use yew::prelude::*;

use crate::data::Source;
use crate::embed;
use crate::hooks::use_latest::use_latest;
use crate::library::{Library, display_title};
use crate::route::Route;

/// Listens to the host page, set up once: its pages go to the latest render's `onhost` (so they
/// are checked against the library as it is now), its searches to `onroute`. Tells it the
/// article of `route` once `library` holds it. Returns whether the app runs embedded.
#[hook]
pub fn use_embed(
    route: &Route,
    library: &Library,
    onhost: Callback<(Vec<Source>, bool)>,
    onroute: Callback<Route>,
) -> bool {
    let embedded = use_memo((), |_| embed::is_embedded());
    let latest = use_latest((onhost, onroute));
    use_effect_with((), move |_| {
        let pages = {
            let latest = latest.clone();
            Callback::from(move |sources| {
                let onhost = latest.borrow().as_ref().map(|(h, _)| h.clone());
                if let Some(onhost) = onhost {
                    onhost.emit(sources);
                }
            })
        };
        let routes = Callback::from(move |route| {
            let onroute = latest.borrow().as_ref().map(|(_, r)| r.clone());
            if let Some(onroute) = onroute {
                onroute.emit(route);
            }
        });
        let listener = embed::listen(pages, routes);
        move || drop(listener)
    });
    let opened = match route {
        Route::Article(id) => library
            .find(id)
            .and_then(|i| library.get(i))
            .map(|(_, a)| (a.id.clone(), display_title(a))),
        _ => None,
    };
    use_effect_with(opened, |opened| {
        if let Some((id, title)) = opened {
            embed::post_opened(id, title);
        }
    });
    *embedded
}
