//! Kanbao inside a host page's frame (EMBEDDING.md): whether it is embedded, the host page's
//! messages (`message` events on the window: pages to add, a search to show) and, posted to the
//! host with `postMessage`, which article the reader opened.

use yew::prelude::*;

use crate::data::Source;
use crate::embed;
use crate::library::{Library, display_title};
use crate::route::Route;

/// Listens to the host page, set up once: its pages go to `onhost`, its searches to
/// `onroute`. Tells it the article of `route` once `library` holds it. Returns whether the app
/// runs embedded.
#[hook]
pub fn use_embed(
    route: &Route,
    library: &Library,
    onhost: Callback<(Vec<Source>, bool)>,
    onroute: Callback<Route>,
) -> bool {
    let embedded = use_memo((), |_| embed::is_embedded());
    use_effect_with((), move |_| {
        let listener = embed::listen(onhost, onroute);
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
