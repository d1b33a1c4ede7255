//! How many bytes the browser stores for the site: the `StorageManager`'s estimate, asked
//! while the library view shows, again each time the library changes.

use std::rc::Rc;

use yew::prelude::*;

use crate::library::Library;
use crate::state::Action;

/// Asks for the storage use when `on_library` and whenever `library` changes while it is.
#[hook]
pub fn use_storage_usage(on_library: bool, library: Rc<Library>, dispatch: Callback<Action>) {
    use_effect_with((on_library, library), move |(on_library, _)| {
        if *on_library {
            wasm_bindgen_futures::spawn_local(async move {
                dispatch.emit(Action::Usage(crate::storage::usage().await))
            });
        }
    });
}
